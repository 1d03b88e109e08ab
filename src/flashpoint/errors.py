"""One catalogue of Flashpoint's errors, grouped by what the caller can do about them.

Every message has a stable code and lives here, in ``CATALOGUE``, with the class that raises
it (spaCy's ``Errors`` catalogue): a raise site names the code and passes the template's
fields, ``raise InputError("E101", dyad=dyad)``, and the message says what to do. The classes
are grouped by what a caller can do (httpx's exception hierarchy):

* ``InputError``: fix the input or the arguments (``NotFoundError``: name something that exists);
* ``StoreError``: the database cannot be used right now (``StoreBusyError``: another process
  holds it, try again when it is done; ``StoreUnusableError``: the file is missing, is not a
  Flashpoint database or has another schema version, use another file or migrate it);
* ``ConfigError``: a setting or a packaged data table is invalid, fix it or reinstall;
* ``ModelError``: the NLP model is missing, reinstall.

Lower-layer exceptions are translated at one boundary each and re-raised ``from`` the cause
(DuckDB's in ``store.storage``). ``docs/ERRORS.md`` is generated from this catalogue
(``python -m flashpoint.cli.session``) and a test keeps it and every raise site in step.
"""

from __future__ import annotations

import string
from dataclasses import dataclass
from typing import Any


class FlashpointError(Exception):
    """Base class: every error Flashpoint raises on purpose derives from this.

    ``code`` is the catalogue code, ``fields`` the values formatted into its message.
    """

    def __init__(self, code: str, /, **fields: Any) -> None:
        entry = CATALOGUE.get(code)
        # An unknown code (a test catches every raise site) still reports, never crashes.
        message = entry.format(fields) if entry else f"{code} {fields}"
        self.code = code
        self.fields = fields
        super().__init__(f"{code}: {message}")


class InputError(FlashpointError):
    """The input or an argument cannot be used as given. Fix the input."""


class NotFoundError(InputError):
    """A named file, record or story does not exist. Name one that does."""


class StoreError(FlashpointError):
    """The database cannot be read or written (disk, permissions). Fix that, run again."""


class StoreBusyError(StoreError):
    """Another process holds the database file. Try again when it has finished."""


class StoreUnusableError(StoreError):
    """The file is missing, is no Flashpoint database or has another schema version."""


class ModelError(FlashpointError):
    """The NLP model is missing or broken. Reinstall with `make install`."""


class ConfigError(FlashpointError):
    """A setting or a packaged data table is invalid. Fix it, or reinstall the package."""


@dataclass(frozen=True)
class Entry:
    """One catalogue entry: the class that raises it and its message template."""

    kind: type[FlashpointError]
    template: str

    @property
    def fields(self) -> frozenset[str]:
        """Names the template formats (``{path}``, ``{value!r}`` -> path, value)."""
        return frozenset(
            name for _, name, _, _ in string.Formatter().parse(self.template) if name
        )

    def format(self, fields: dict[str, Any]) -> str:
        """The message with ``fields``; a missing field shows as ``{name}``, never a crash."""
        try:
            return self.template.format(**fields)
        except (KeyError, IndexError, ValueError):
            return f"{self.template} {fields}"


_E = Entry
CATALOGUE: dict[str, Entry] = {
    # --- InputError: fix the input or the arguments ------------------------------------------
    "E101": _E(InputError, "dyad {dyad!r} must look like PRK-KOR (two actor or country codes)"),
    "E102": _E(InputError, "{name} {value!r} is not a date (YYYY-MM-DD)"),
    "E103": _E(InputError, "freq {freq!r}: use one of {choices}"),
    "E104": _E(InputError, "export format {fmt!r}: use one of {choices}"),
    "E105": _E(InputError, "cannot create {path}: {reason}"),
    "E106": _E(InputError, "plot file {path} must end in .png or .svg"),
    "E107": _E(InputError, "directory {path} does not exist; create it first"),
    "E108": _E(InputError, "no events for {subject} to plot"),
    "E109": _E(InputError, "cannot write {path}: {reason}"),
    "E110": _E(InputError, "n must be >= 0, days >= 1 and words >= 1"),
    "E111": _E(InputError, "format {fmt!r}: use jsonl or txt"),
    "E112": _E(InputError, "{path} holds Parquet partitioned by {found}; use --by {found} or "
                           "another --out"),
    "E113": _E(InputError, "{path} is not a directory written by `flashpoint scale-ingest`"),
    "E114": _E(InputError, "{path} holds no partition files (articles/, skips/ ...): nothing "
                           "to load"),
    "E115": _E(InputError, "benchmark file {path} cannot be read: {reason}"),
    "E116": _E(InputError, "no tuning data to fit on"),
    "E117": _E(InputError, "{path} is not in Parquet layout {version}: run `flashpoint load` "
                           "on its directory once, which migrates older output"),
    # Command-line usage (raised by the CLI commands themselves).
    "E120": _E(InputError, "--engine must be local or dask, not {engine!r}"),
    "E121": _E(InputError, "give files, directories or --feed URLs to ingest"),
    "E122": _E(InputError, "--text filters mentions; it cannot be combined with --unique"),
    "E123": _E(InputError, "give --dyad or --country, not both"),
    "E124": _E(InputError, "give --dyad PRK-KOR or --country PRK"),
    "E125": _E(InputError, "give a STATEMENT and --article FILE, or --input pairs.jsonl"),
    "E126": _E(InputError, "cannot read {path}: {reason}"),
    "E127": _E(InputError, "give a TEXT argument or --input FILE.jsonl"),
    "E128": _E(InputError, "--sizes takes numbers (0,1000000); --store takes SIZE=FILE"),
    "E129": _E(InputError, "cannot listen on {host}:{port}: {reason}; choose another --port or "
                           "--host"),
    # --- NotFoundError: name something that exists ----------------------------------------------
    "E201": _E(NotFoundError, "{path} not found: pass --path to the benchmarks/{folder} folder"),
    "E202": _E(NotFoundError, "no story {story!r} in {path}"),
    "E203": _E(NotFoundError, "sample corpus folder not found: {path}"),
    "E204": _E(NotFoundError, "{path} has no dyad to query: give --dyad, or a database "
                              "whose events name two countries"),
    "E205": _E(NotFoundError, "no such store file: {paths}"),
    # --- StoreError and its kinds: the database cannot be used right now -------------------------
    "E301": _E(StoreUnusableError, "database {path} not found; create it with "
                                   "`flashpoint ingest ... --db {path}`"),
    "E302": _E(StoreBusyError, "cannot open {path} {mode}: {cause}. Another process (an "
                               "ingest, the API) may hold it; DuckDB allows one writer per "
                               "file and no reader beside a writer in another process"),
    "E303": _E(StoreUnusableError, "{path} is not a usable Flashpoint database: {cause}"),
    "E304": _E(StoreUnusableError, "{path} has schema version {found}, this Flashpoint uses "
                                   "version {expected}: open it once for writing (`flashpoint "
                                   "ingest --db {path}`) to migrate it, or use a new --db file"),
    "E305": _E(StoreUnusableError, "{path} lacks table(s) {tables} (written by an older "
                                   "Flashpoint): run `flashpoint ingest` on it once to rebuild "
                                   "them"),
    "E306": _E(StoreError, "cannot open {path} {mode}: {cause}"),
    "E307": _E(StoreError, "writing to {path} failed (batch rolled back): {cause}"),
    "E308": _E(StoreError, "rebuilding stories/unique events in {path} failed: {cause}"),
    "E309": _E(StoreUnusableError, "{path} has schema version {found}, newer than this "
                                   "Flashpoint ({expected}): upgrade Flashpoint or use another "
                                   "--db file"),
    "E310": _E(StoreError, "database {path} is not open"),
    "E311": _E(StoreError, "this server was started without a write token: it cannot write"),
    "E312": _E(StoreError, "cannot keep a read replica of {path} in {folder}: {cause}"),
    "E313": _E(StoreBusyError, "{path} is being written by another process and has no read "
                               "replica yet; a writer that keeps one publishes it after its "
                               "first commit, within seconds: try again then"),
    "E314": _E(StoreUnusableError, "{path} is damaged ({cause}): restore it from a backup, "
                                   "or ingest the inputs again into a new --db file"),
    "E315": _E(StoreBusyError, "{path} is written by a Flashpoint server with a write token "
                               "(pid {pid}, {url}), its one writer: send the pages to it "
                               "(POST {url}api/articles with its bearer token), or stop the "
                               "server, ingest, and start it again"),
    "E316": _E(StoreUnusableError, "{path} was written by an older Flashpoint: table {table} "
                                   "lacks column(s) {columns}; open it once for writing "
                                   "(`flashpoint refresh --db {path}`) to migrate it"),
    # --- ConfigError: a setting or a packaged table is invalid ----------------------------------
    "E401": _E(ConfigError, "actor table {name} is missing from flashpoint/actors/data"),
    "E402": _E(ConfigError, "{table}: bad date {value!r} (use YYYY-MM-DD)"),
    "E403": _E(ConfigError, "{table}: expected {expected} columns, got {row!r}"),
    "E404": _E(ConfigError, "event table {name} is missing from the package; reinstall"),
    "E405": _E(ConfigError, "unknown CAMEO code {code!r}"),
    "E406": _E(ConfigError, "claims data file {name} cannot be read: {cause}"),
    "E407": _E(ConfigError, "claims/data/{name} is malformed: {cause}"),
    "E408": _E(ConfigError, "alerts.json: unknown keys {keys}"),
    "E409": _E(ConfigError, "alert metric {metric!r}: use one of {choices}"),
    "E410": _E(ConfigError, "alerts: need 1 <= min_history <= window"),
    "E411": _E(ConfigError, "alerts: prior and z_threshold must be > 0"),
    "E412": _E(ConfigError, "cannot read token file {path}: {reason}"),
    "E413": _E(ConfigError, "token file {path} is empty"),
    "E414": _E(ConfigError, "write token is shorter than {n} characters; use a longer one"),
    "E415": _E(ConfigError, "run_load needs at least one path"),
    "E416": _E(ConfigError, "server exited at start-up: {detail}"),
    "E417": _E(ConfigError, "server did not answer on {base} within {seconds:.0f} s"),
    "E418": _E(ConfigError, "{table} must list each rule of {module} once: {names}"),
    "E419": _E(ConfigError, "{table}: bad or repeated list {row!r}"),
    "E420": _E(ConfigError, "{table}: lists missing: {names}"),
    "E421": _E(ConfigError, "{table}: bad row {row!r}"),
    "E422": _E(ConfigError, "{table}: {word!r} has unknown class {cls!r}"),
    "E423": _E(ConfigError, "the Dask run stopped ({cause}): check --scheduler / --workers; "
                            "finished partitions are kept, run the same command again to do "
                            "only the rest"),
    # --- ModelError: reinstall the model ---------------------------------------------------------
    "E501": _E(ModelError, "spaCy model '{name}' cannot be loaded; run `make install` (it "
                           "installs requirements/model.txt)"),
    "E502": _E(ModelError, "statement model missing in {path} ({files}): reinstall flashpoint, or "
                           "rebuild it with `make train-claims` (needs ../shared and the train "
                           "extra)"),
    "E503": _E(ModelError, "statement model in {path} cannot be loaded: {cause}"),
}

KINDS: tuple[type[FlashpointError], ...] = (
    InputError, NotFoundError, StoreError, StoreBusyError, StoreUnusableError, ConfigError,
    ModelError,
)


def markdown() -> str:
    """``docs/ERRORS.md``: every class, what the caller can do, and every code's message."""
    lines = [
        "# Errors",
        "",
        ("Generated from `src/flashpoint/errors.py` by `python -m flashpoint.cli.session > "
         "docs/ERRORS.md`;"),
        "`tests/test_errors.py` fails when this file and the catalogue differ. The CLI prints",
        "`error: <code>: <message>` on one line and exits with status 2 (`cli/exits.py`).",
        "",
        "## Kinds: what the caller can do",
        "",
        "| class | parent | what to do |",
        "|---|---|---|",
    ]
    for kind in KINDS:
        parent = kind.__mro__[1].__name__
        lines.append(f"| `{kind.__name__}` | `{parent}` | {kind.__doc__} |")
    lines += ["", "## Codes", "", "| code | class | message |", "|---|---|---|"]
    for code, entry in CATALOGUE.items():
        text = entry.template.replace("|", "\\|")
        lines.append(f"| {code} | `{entry.kind.__name__}` | {text} |")
    return "\n".join(lines) + "\n"


__all__ = [
    "CATALOGUE",
    "KINDS",
    "ConfigError",
    "Entry",
    "FlashpointError",
    "InputError",
    "ModelError",
    "NotFoundError",
    "StoreBusyError",
    "StoreError",
    "StoreUnusableError",
    "markdown",
]
