"""How a command meets the library: open the store, turn errors into one line and an exit code.

Every command that reads the store runs ``with reading(db) as con:``, every command that
writes it ``with writing(db) as store:``, and every other call that may raise a
``FlashpointError`` runs under ``reporting()``. No command opens a store or catches a
``FlashpointError`` by hand, so the message format and the exit codes are decided here once.

Exit codes: 2 when the caller must change something (input, arguments, file, settings),
75 (``EX_TEMPFAIL``) when another process holds the database and the same command can simply
be run again later. ``python -m flashpoint.cli.session > docs/ERRORS.md`` writes the error docs.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import typer

from ..errors import FlashpointError, StoreBusyError, markdown

if TYPE_CHECKING:
    from ..store import Store

EXIT_CODES: dict[type[FlashpointError], int] = {
    FlashpointError: 2,
    StoreBusyError: 75,
}


def exit_code(error: FlashpointError) -> int:
    """The exit code of an error: that of its most specific class in ``EXIT_CODES``."""
    return next(EXIT_CODES[c] for c in type(error).__mro__ if c in EXIT_CODES)


def fail(message: str, code: int = 2) -> NoReturn:
    """Print a one-line error on stderr and exit: the CLI's only way to report a failure."""
    from rich.markup import escape

    from .render import err

    err.print(f"[bold red]error:[/] {escape(message)}", markup=True, highlight=False)
    raise typer.Exit(code)


@contextmanager
def reporting() -> Iterator[None]:
    """Run library calls; a ``FlashpointError`` becomes one line on stderr and its exit code."""
    try:
        yield
    except FlashpointError as e:
        fail(str(e), exit_code(e))


@contextmanager
def reading(db: str | Path) -> Iterator[Any]:
    """A read-only connection to ``db`` for the block (closed after it), errors reported."""
    from ..store import connect_readonly

    with reporting():
        con = connect_readonly(db)
        try:
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

    sys.stdout.write(markdown(EXIT_CODES))
