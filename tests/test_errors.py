"""The error catalogue: every raise names a code of it, the docs list every code, DuckDB's
errors are translated at the one storage boundary."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from flashpoint import errors
from flashpoint.errors import CATALOGUE, KINDS, InputError, StoreBusyError, StoreUnusableError

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "flashpoint"
CLASSES = {k.__name__: k for k in (*KINDS, errors.FlashpointError)}
# Hundreds digit of a code -> the classes it may name (codes are grouped as the classes are).
GROUPS = {
    "1": (InputError,), "2": (errors.NotFoundError,), "3": (errors.StoreError,),
    "4": (errors.ConfigError,), "5": (errors.ModelError,),
}
# Files whose raise sites still pass a whole message, with the codes waiting for them (none
# left: every raise uses the catalogue).
PENDING: dict[str, set[str]] = {}


def _calls() -> list[tuple[str, int, str, ast.Call]]:
    """(file, line, callee, call) of every call of an error class, ``translated`` or
    ``transaction`` or ``usage`` in the package."""
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = str(path.relative_to(PACKAGE))
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            f = node.func
            name = f.id if isinstance(f, ast.Name) else f.attr if isinstance(f, ast.Attribute) else ""
            if name in CLASSES or name in ("translated", "transaction", "usage"):
                found.append((rel, node.lineno, name, node))
    return found


CALLS = _calls()


def _code_of(call: ast.Call, position: int) -> str | None:
    if len(call.args) > position and isinstance(call.args[position], ast.Constant):
        value = call.args[position].value
        return value if isinstance(value, str) else None
    return None


@pytest.mark.parametrize(("rel", "line", "name", "call"), CALLS, ids=[f"{c[0]}:{c[1]}" for c in CALLS])
def test_errors_every_raise_uses_a_catalogue_entry(rel, line, name, call):
    if rel == "errors.py" or (rel in PENDING and name in CLASSES):
        pytest.skip(f"{rel}: raise sites not converted yet")
    where = f"{rel}:{line}"
    if rel in ("store/storage.py", "cli/session.py") and call.args and isinstance(call.args[0], ast.Name):
        return  # raises the code its callers name: checked at those calls
    code = _code_of(call, 1 if name == "transaction" else 0)
    assert code in CATALOGUE, f"{where}: {name}(...) must name a catalogue code, not {code!r}"
    entry = CATALOGUE[code]
    given = {k.arg for k in call.keywords}
    assert None not in given, f"{where}: pass the fields by name, not **mapping"
    if name == "usage":
        assert issubclass(entry.kind, InputError), f"{where}: {code} is no InputError"
        assert given == entry.fields, f"{where}: {code} formats {sorted(entry.fields)}"
    elif name in CLASSES:
        assert entry.kind is CLASSES[name], f"{where}: {code} is a {entry.kind.__name__}"
        assert given == entry.fields, f"{where}: {code} formats {sorted(entry.fields)}"
    else:  # storage.translated / transaction add the DuckDB message as ``cause``
        assert issubclass(entry.kind, errors.StoreError), f"{where}: {code} is no StoreError"
        assert given | {"cause"} == entry.fields, f"{where}: {code} formats {sorted(entry.fields)}"


def test_errors_every_code_is_used_and_grouped_by_class():
    used = {_code_of(c, 1 if n == "transaction" else 0) for r, _, n, c in CALLS if r != "errors.py"}
    for code, entry in CATALOGUE.items():
        assert len(code) == 4 and code[0] == "E" and code[1:].isdigit(), code
        assert issubclass(entry.kind, GROUPS[code[1]]), f"{code} is a {entry.kind.__name__}"
        assert entry.kind.__doc__, f"{entry.kind.__name__} says what the caller can do"
    unused = sorted(set(CATALOGUE) - used - set().union(set(), *PENDING.values()))
    assert not unused, f"catalogue codes no code raises: {unused}"


def test_errors_doc_lists_every_code():
    doc = (ROOT / "docs" / "ERRORS.md").read_text(encoding="utf-8")
    assert doc == errors.markdown(), (
        "docs/ERRORS.md is stale: python -m flashpoint.cli.session > docs/ERRORS.md"
    )


@pytest.mark.parametrize(("error", "text"), [
    (InputError("E101", dyad="PRK"), "E101: dyad 'PRK' must look like PRK-KOR"),
    (StoreUnusableError("E301", path="x.duckdb"), "E301: database x.duckdb not found"),
])
def test_errors_message_is_formatted_from_the_catalogue(error, text):
    assert str(error).startswith(text)
    assert error.code == text[:4]


def test_errors_duckdb_is_translated_only_at_the_storage_boundary():
    for path in PACKAGE.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        if path.name != "storage.py" and "duckdb." in text:
            for attr in ("Error", "IOException", "CatalogException", "InvalidInputException"):
                assert f"duckdb.{attr}" not in text, f"{path.name}: translate in store.storage"


def test_errors_store_on_a_file_that_is_no_database(tmp_path):
    from flashpoint.store import Store, connect_readonly

    bad = tmp_path / "notes.duckdb"
    bad.write_text("not a database\n" * 100)
    with pytest.raises(StoreUnusableError) as read:
        connect_readonly(bad)
    with pytest.raises(StoreUnusableError) as write:
        Store(bad)
    assert read.value.code == write.value.code == "E303"


HOLD = "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); print('held', flush=True); time.sleep(60)"


def test_errors_store_held_by_another_process_is_busy(tmp_path):
    from flashpoint.store import Store, connect_readonly

    db = tmp_path / "held.duckdb"
    Store(db).close()
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(db)],
        stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        with pytest.raises(StoreBusyError) as write:
            Store(db)
        with pytest.raises(StoreBusyError) as read:
            connect_readonly(db)
        assert write.value.code == read.value.code == "E302"
    finally:
        holder.kill()
        holder.wait(timeout=10)
    time.sleep(0.1)
    Store(db).close()  # free again once the holder is gone


@pytest.mark.parametrize("path", sorted((PACKAGE / "cli").glob("*.py")), ids=lambda p: p.name)
def test_errors_cli_commands_meet_the_library_through_the_session(path):
    """One failure helper, and no command opening a store by hand (``cli/session.py``)."""
    if path.name == "session.py":
        return
    tree = ast.parse(path.read_text(encoding="utf-8"))
    defs = {n.name for n in ast.walk(tree) if isinstance(n, ast.FunctionDef)}
    assert not defs & {"fail", "_fail"}, f"{path.name}: use session.fail / session.usage"
    calls = {n.func.id if isinstance(n.func, ast.Name) else getattr(n.func, "attr", "")
             for n in ast.walk(tree) if isinstance(n, ast.Call)}
    assert not calls & {"Store", "connect_readonly"}, f"{path.name}: open it with session.reading/writing"


@pytest.mark.parametrize("path", sorted((PACKAGE / "cli").glob("*.py")), ids=lambda p: p.name)
def test_errors_cli_commands_print_no_error_of_their_own(path):
    """A command reports a failure through ``cli/session.py`` only: no ``FlashpointError``
    caught by hand, no hand-written ``error:`` line, no exit status that ``cli/exits.py`` does
    not name (``typer.Exit(2)``)."""
    if path.name == "session.py":
        return
    tree = ast.parse(path.read_text(encoding="utf-8"))
    problems = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ExceptHandler) and node.type is not None:
            caught = {n.id if isinstance(n, ast.Name) else getattr(n, "attr", "")
                      for n in ast.walk(node.type)}
            if caught & ({k.__name__ for k in errors.KINDS} | {"FlashpointError"}):
                problems.append(f"line {node.lineno}: catches {sorted(caught)} (use session.reporting)")
        if isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "Exit" \
                and node.args and isinstance(node.args[0], ast.Constant):
            problems.append(f"line {node.lineno}: typer.Exit({node.args[0].value}) "
                            "(name the status in cli/exits.py)")
        if isinstance(node, ast.Constant) and isinstance(node.value, str) \
                and re.search(r"\[(bold )?red\]\s*error", node.value):
            problems.append(f"line {node.lineno}: prints its own error line (use session.fail)")
    assert not problems, f"{path.name}: " + "; ".join(problems)
