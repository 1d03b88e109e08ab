"""The event coder's code tables, loaded once per process from ``events/data``.

The tables are data, not code, so that a political scientist can extend a verb list or correct
a Goldstein value without reading Python: ``cameo_codes.tsv`` (every CAMEO code, name,
Goldstein value), ``cameo_roots.tsv`` (quad class and the ConfliBERT five-way class per root),
``cameo_plover.tsv`` (CAMEO -> PLOVER), ``verb_patterns.tsv`` / ``noun_patterns.tsv`` (which
predicate carries which code), ``predicate_roles.tsv`` (statement, intention, request ...
verbs that wrap another event) and ``compose.tsv`` (how such a wrapper turns the wrapped code
into its own). Each loader is cached: the coder runs on every sentence of every article and
must never re-read a file.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from importlib import resources
from typing import Any, NamedTuple

from ..errors import ConfigError

_PACKAGE = "flashpoint.events"


def data_text(name: str) -> str:
    """The text of ``events/data/<name>``; E404 when the package lacks it (a broken install)."""
    try:
        return resources.files(_PACKAGE).joinpath("data", name).read_text(encoding="utf-8")
    except (FileNotFoundError, ModuleNotFoundError) as e:
        raise ConfigError("E404", name=name) from e


def data_json(name: str) -> Any:
    """The parsed JSON file ``events/data/<name>`` (callers cache what they build from it)."""
    return json.loads(data_text(name))


def _rows(name: str) -> list[list[str]]:
    """Rows of a TSV data file, header and ``#`` comments dropped, cells stripped."""
    text = data_text(name)
    rows: list[list[str]] = []
    header_seen = False
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if not header_seen:
            header_seen = True
            continue
        rows.append([cell.strip() for cell in line.split("\t")])
    return rows


@dataclass(frozen=True, slots=True)
class CodeInfo:
    """Everything the tables say about one CAMEO code."""

    code: str
    root: str
    name: str
    goldstein: float
    quad_class: int
    class5: int
    plover: str | None


class VerbPattern(NamedTuple):
    code: str
    prep: str
    objects: tuple[frozenset[str], ...]  # alternatives; each is a set of lemmas all required
    core_only: frozenset[str] = frozenset()  # lemmas marked "^": must be a core argument


class NounPattern(NamedTuple):
    code: str
    modifiers: frozenset[str]


@functools.lru_cache(maxsize=1)
def cameo_codes() -> dict[str, tuple[float, str]]:
    """code -> (Goldstein value, name) for every CAMEO code."""
    out: dict[str, tuple[float, str]] = {}
    for row in _rows("cameo_codes.tsv"):
        code, goldstein, name = row[0], row[1], row[2]
        out[code] = (float(goldstein), name)
    return out


@functools.lru_cache(maxsize=1)
def cameo_roots() -> dict[str, tuple[str, int, int]]:
    """root -> (name, GDELT quad class, ConfliBERT five-way class)."""
    return {r[0]: (r[1], int(r[2]), int(r[3])) for r in _rows("cameo_roots.tsv")}


@functools.lru_cache(maxsize=1)
def plover_table() -> dict[str, str | None]:
    """CAMEO code -> PLOVER type as listed (``None`` for 01x, which PLOVER does not code)."""
    return {r[0]: (None if r[1] == "-" else r[1]) for r in _rows("cameo_plover.tsv")}


def plover_of(code: str) -> str | None:
    """PLOVER type of a code: its own entry or that of its nearest listed ancestor."""
    table = plover_table()
    for n in range(len(code), 1, -1):
        if code[:n] in table:
            return table[code[:n]]
    return None


@functools.cache
def info(code: str) -> CodeInfo:
    """Goldstein, quad class, five-way class and PLOVER type of a CAMEO code."""
    codes = cameo_codes()
    if code not in codes:
        raise ConfigError("E405", code=code)
    root = code[:2]
    _, quad, class5 = cameo_roots()[root]
    goldstein, name = codes[code]
    return CodeInfo(code, root, name, goldstein, quad, class5, plover_of(code))


def _objects(cell: str) -> tuple[frozenset[str], ...]:
    if not cell:
        return ()
    return tuple(frozenset(alt.split("+")) for alt in cell.split(",") if alt)


@functools.lru_cache(maxsize=1)
def verb_patterns() -> dict[str, tuple[VerbPattern, ...]]:
    """lemma -> its patterns, in file order."""
    out: dict[str, list[VerbPattern]] = {}
    for row in _rows("verb_patterns.tsv"):
        row += [""] * (4 - len(row))
        code, lemma, prep, objects = row[:4]
        core_only = frozenset(o[1:] for o in objects.split(",") if o.startswith("^"))
        objects = objects.replace("^", "")
        out.setdefault(lemma.lower(), []).append(
            VerbPattern(code, prep.lower(), _objects(objects), core_only)
        )
    return {k: tuple(v) for k, v in out.items()}


NO_EVENT = "-"  # a noun row's code: with these modifiers the noun names no event ("a health EMERGENCY")


@functools.lru_cache(maxsize=1)
def noun_patterns() -> dict[str, tuple[NounPattern, ...]]:
    """noun lemma -> its patterns, the ones with modifiers first (they are more specific)."""
    out: dict[str, list[NounPattern]] = {}
    for row in _rows("noun_patterns.tsv"):
        row += [""] * (3 - len(row))
        code, lemma, mods = row[:3]
        mod_set = frozenset(m for m in mods.split(",") if m)
        out.setdefault(lemma.lower(), []).append(NounPattern(code, mod_set))
    return {k: tuple(sorted(v, key=lambda p: not p.modifiers)) for k, v in out.items()}


@functools.lru_cache(maxsize=1)
def no_event_senses() -> dict[str, frozenset[str]]:
    """verb lemma -> object lemmas that make it no event ("captured footage", "hit a record")."""
    return {
        row[0].lower(): frozenset(o.strip().lower() for o in row[1].split(",") if o.strip())
        for row in _rows("no_event_senses.tsv")
        if len(row) >= 2
    }


@functools.lru_cache(maxsize=1)
def predicate_roles() -> dict[str, tuple[tuple[str, str], ...]]:
    """lemma -> ((role, required particle/preposition), ...)."""
    out: dict[str, list[tuple[str, str]]] = {}
    for row in _rows("predicate_roles.tsv"):
        row += [""] * (3 - len(row))
        lemma, role, prep = row[:3]
        out.setdefault(lemma.lower(), []).append((role, prep.lower()))
    return {k: tuple(v) for k, v in out.items()}


@functools.lru_cache(maxsize=1)
def compose_table() -> dict[str, dict[str, str]]:
    """family -> {embedded code prefix or '*': resulting code or '='}."""
    out: dict[str, dict[str, str]] = {}
    for family, prefix, to in _rows("compose.tsv"):
        out.setdefault(family, {})[prefix] = to
    return out


def compose(family: str, code: str) -> str:
    """The code a wrapper of ``family`` gives to a wrapped event coded ``code``."""
    table = compose_table()[family]
    for n in range(len(code), 1, -1):
        to = table.get(code[:n])
        if to is not None:
            return code if to == "=" else to
    to = table.get("*", "=")
    return code if to == "=" else to


ROLES = (
    "say",
    "intend",
    "offer",
    "appeal",
    "demand",
    "reject",
    "threaten",
    "order",
    "pass",
    "light",
    "aspect",
    "occur",
)

__all__ = [
    "NO_EVENT",
    "ROLES",
    "CodeInfo",
    "NounPattern",
    "VerbPattern",
    "cameo_codes",
    "cameo_roots",
    "compose",
    "compose_table",
    "data_json",
    "data_text",
    "info",
    "noun_patterns",
    "plover_of",
    "plover_table",
    "predicate_roles",
    "verb_patterns",
]
