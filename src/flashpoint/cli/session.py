"""How a command meets the library: open the store, turn errors into one line and an exit code.

Every command that reads the store runs ``with reading(db) as con:``, every command that
writes it ``with writing(db) as store:``, and every other call that may raise a
``FlashpointError`` runs under ``reporting()``. No command opens a store or catches a
``FlashpointError`` by hand, so the message format and the exit codes are decided here once.

Every ``FlashpointError`` exits with status ``exits.USAGE`` (2, the statuses are decided in
``cli.exits``); its class tells a script what to do (``docs/ERRORS.md``, written by
``python -m flashpoint.cli.session > docs/ERRORS.md``).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import typer

from ..errors import CATALOGUE, FlashpointError, markdown
from .exits import USAGE

if TYPE_CHECKING:
    from ..store import Store

def fail(message: str, code: int = USAGE) -> NoReturn:
    """Print a one-line error on stderr and exit: the CLI's only way to report a failure."""
    from rich.markup import escape

    from .render import err

    # soft_wrap: the message stays one line whatever the width (scripts grep it).
    err.print(f"[bold red]error:[/] {escape(message)}", markup=True, highlight=False, soft_wrap=True)
    raise typer.Exit(code)


def usage(code: str, **fields: Any) -> NoReturn:
    """A wrong option or argument: the catalogue's ``InputError`` (or ``NotFoundError``)
    message ``code``, one line on stderr, exit status 2."""
    fail(str(CATALOGUE[code].kind(code, **fields)))


@contextmanager
def reporting() -> Iterator[None]:
    """Run library calls; a ``FlashpointError`` becomes one line on stderr and its exit code."""
    try:
        yield
    except FlashpointError as e:
        fail(str(e))


@contextmanager
def reading(db: str | Path) -> Iterator[Any]:
    """A read-only connection to ``db`` for the block (closed after it), errors reported.

    While another process writes ``db`` (an ingest), its newest read replica is read instead
    (``store.replica.connect_for_reading``) and a note on stderr says so and how old it is.
    """
    from ..store.replica import connect_for_reading

    with reporting():
        con, source = connect_for_reading(db)
        try:
            if source.is_replica:
                from .render import err

                err.print(f"note: reading the replica of {db} as of {source.as_of} UTC; "
                          f"{source.writer} is writing it",
                          markup=False, highlight=False, soft_wrap=True)
            yield con
        finally:
            con.close()


@contextmanager
def writing(db: str | Path, **options: Any) -> Iterator[Store]:
    """The database ``db`` opened for writing (``Store(db, **options)``), errors reported."""
    from ..store import Store

    with reporting(), Store(db, **options) as store:
        yield store


if __name__ == "__main__":  # python -m flashpoint.cli.session > docs/ERRORS.md
    import sys

    sys.stdout.write(markdown())
