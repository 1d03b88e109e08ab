"""One column specification per stored record type: the single description of every layout.

Each ``Column`` says a column's name, its DuckDB type (the Arrow type follows from it), where
its value comes from, and in which layouts it appears. From ``SPECS`` are derived:

* the DuckDB ``CREATE TABLE`` of every primary table (``store.schema``),
* the rows the store writes (``Spec.row``: the record's values + the writer's keys, ``store.writer``),
* the Arrow schemas of both the DuckDB batches and the Parquet files, and the Parquet writer
  and reader of the Dask path (``scale.parquet``),
* the records rebuilt from a row (``from_row``), from DuckDB or from Parquet alike,
* the DDL of the derived tables (``DERIVED``: stories, members, event groups, unique events)
  and of the bookkeeping ones (``SCHEMA_VERSIONS``, ``BOOKKEEPING``),
* every projection the store, the API and the exports select (``select_list``/``column_names``
  over a spec's columns, one of its views, ``MENTION`` or ``ARTICLE_LINK``).

A spec's column order is the order of every layout and export derived from it (the events
export shows a mention's date right after its keys, an article's text last).

A column's value comes either from the record (``attr``: a dotted path such as
``"source.code"``; a nested record that is absent gives NULL in each of its columns, and a row
whose nested *first* column is NULL rebuilds it as ``None``), or from the code that writes the
row (``attr=None``: keys such as ``article_id``/``idx``, and values only the store knows, such
as ``ingested_at``).

Adding a field to a record is one line here, in the table's spec, at the place it should sit
(plus the field in ``records.py``): the DDL, both writers and both readers, the API's rows and the
exports pick it up (``left_out_of`` keeps it out of a listing or an export), and ``Store`` adds
the new column to an existing database when it opens it (``missing_columns``).
"""

from __future__ import annotations

import dataclasses
import typing
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Literal

from .records import Article, Event, Skipped, StatementCheck

Layout = Literal["both", "duckdb", "parquet"]
# Named projections of a table's DuckDB layout: every column is in each of them unless it says
# it is left out (``Column.left_out_of``), so a new column appears everywhere by default.
# "export": the table's export file (``analytics.exports``); "list": a listing of many rows
# (``store.queries``: an article list without its text, a page of unique events).
View = Literal["export", "list"]

# DuckDB type -> Arrow type (name of the pyarrow factory and its arguments).
_ARROW: dict[str, tuple[str, tuple[Any, ...]]] = {
    "VARCHAR": ("string", ()),
    "INTEGER": ("int32", ()),
    "BIGINT": ("int64", ()),
    "DOUBLE": ("float64", ()),
    "BOOLEAN": ("bool_", ()),
    "DATE": ("date32", ()),
    "TIMESTAMP": ("timestamp", ("us",)),
    "BLOB": ("binary", ()),
    "UBIGINT": ("uint64", ()),
    "DECIMAL(18,4)": ("decimal128", (18, 4)),
}


@dataclass(frozen=True)
class Column:
    """One column: ``name``, DuckDB ``type``, the record ``attr`` it holds (None: the writer
    supplies it), NOT NULL or not, the layouts it appears in, a note for the DDL and the
    views (``View``) it is left out of."""

    name: str
    type: str
    attr: str | None
    not_null: bool = False
    layout: Layout = "both"
    note: str = ""
    left_out_of: tuple[View, ...] = ()

    def arrow(self) -> Any:
        """The Arrow type of this column."""
        import pyarrow as pa

        if self.type.endswith("[]"):
            return pa.list_(Column(self.name, self.type[:-2], None).arrow())
        factory, args = _ARROW[self.type]
        return getattr(pa, factory)(*args)

    def value(self, record: Any) -> Any:
        """This column's value in ``record`` (None when a nested record on the way is None)."""
        value = record
        for part in (self.attr or "").split("."):
            value = getattr(value, part)
            if value is None:
                return None
        if self.type == "DOUBLE":
            return float(value)
        if self.type == "BOOLEAN":
            return bool(value)
        if self.type.endswith("[]"):
            return list(value)
        return value


@dataclass(frozen=True)
class Spec:
    """A stored table: its record type, its columns (in DuckDB order) and its primary key."""

    table: str
    record: type | None
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...] = ()

    def layout(self, layout: Literal["duckdb", "parquet"]) -> tuple[Column, ...]:
        """The columns of one layout, in order."""
        return tuple(c for c in self.columns if c.layout in ("both", layout))

    @property
    def input_order(self) -> list[str]:
        """Parquet columns giving the local path's input order: partition, position, index."""
        return [c.name for c in self.layout("parquet") if c.name in (PART, POS, IDX)]

    def names(self, layout: Literal["duckdb", "parquet"]) -> list[str]:
        return [c.name for c in self.layout(layout)]

    def view(self, name: View) -> tuple[Column, ...]:
        """The DuckDB columns shown in view ``name``, in table order."""
        return tuple(c for c in self.layout("duckdb") if name not in c.left_out_of)

    def keys(self) -> tuple[Column, ...]:
        """The DuckDB columns the writer supplies (ids, keys, bookkeeping), in table order."""
        return tuple(c for c in self.layout("duckdb") if c.attr is None)

    def fields(self) -> tuple[Column, ...]:
        """The columns the record itself fills, in table order."""
        return tuple(c for c in self.columns if c.attr is not None)

    def pick(self, *names: str) -> tuple[Column, ...]:
        """The DuckDB columns called ``names``, in that order (an unknown name raises)."""
        by_name = {c.name: c for c in self.layout("duckdb")}
        unknown = [n for n in names if n not in by_name]
        if unknown:
            raise KeyError(f"{self.table} has no column(s) {unknown}")
        return tuple(by_name[n] for n in names)

    def arrow_schema(self, layout: Literal["duckdb", "parquet"]) -> Any:
        """The Arrow schema of one layout (DuckDB batches are written through it)."""
        import pyarrow as pa

        return pa.schema([(c.name, c.arrow()) for c in self.layout(layout)])

    def ddl(self) -> str:
        """``CREATE TABLE IF NOT EXISTS`` of the DuckDB layout, notes as SQL comments."""
        parts = []
        for c in self.layout("duckdb"):
            name = f'"{c.name}"' if c.name in _RESERVED else c.name
            pk = " PRIMARY KEY" if self.primary_key == (c.name,) else ""
            null = " NOT NULL" if c.not_null and not pk else ""
            parts.append((f"{name} {c.type}{null}{pk}", c.note))
        if len(self.primary_key) > 1:
            parts.append((f"PRIMARY KEY ({', '.join(self.primary_key)})", ""))
        lines = [
            f"    {text}{',' if i < len(parts) - 1 else ''}" + (f"  -- {note}" if note else "")
            for i, (text, note) in enumerate(parts)
        ]
        return f"CREATE TABLE IF NOT EXISTS {self.table} (\n" + "\n".join(lines) + "\n)"

    def record_row(self, record: Any) -> dict[str, Any]:
        """``{column: value}`` of the columns the record itself fills, in table order."""
        return {c.name: c.value(record) for c in self.columns if c.attr is not None}

    def record_names(self) -> list[str]:
        """Names of the columns the record itself fills, in table order."""
        return [c.name for c in self.columns if c.attr is not None]

    def row(self, layout: Literal["duckdb", "parquet"], record: Any, **keys: Any) -> dict[str, Any]:
        """One row of ``layout``: the record's columns plus the ``keys`` the writer supplies
        (exactly the layout's non-record columns: a forgotten or unknown key raises)."""
        wanted = {c.name for c in self.layout(layout) if c.attr is None}
        if set(keys) != wanted:
            raise TypeError(f"{self.table} {layout} row needs keys {sorted(wanted)}, got {sorted(keys)}")
        row = dict(keys)
        if record is not None:
            row.update((c.name, c.value(record)) for c in self.layout(layout) if c.attr is not None)
        return row


_RESERVED = frozenset({"at"})


# Written by the Dask path only: a partition's number and the input's position in it, which
# keep the local path's input order when the loader reads the files back.
PART, POS, IDX = "part", "pos", "idx"
# An article's ingest order (given by the one writer) and its copy on every row about it.
SEQ, ARTICLE_SEQ = "seq", "article_seq"
_ORDER = (
    Column(PART, "INTEGER", None, layout="parquet"),
    Column(POS, "INTEGER", None, layout="parquet"),
)

# Tables that grow with the store carry no primary key and no index over random ids. DuckDB
# holds an index (ART) over random content hashes in memory whole once lookups touch it and
# never evicts it (~44 bytes a row: on a 3.7M-event store ~230 MB, docs/CAPACITY.md). The rows
# cannot repeat without one: the writer adds an article only after its known-id check (one
# column of articles), and an article's rows (events, statements, its first sighting) only
# with the new article, in one transaction, dropping a repeated event id within the article;
# the refresh deletes what it derives before it writes it again. Rows about an article carry
# its ingest order (``seq`` / ``article_seq``): the rows of recent articles sit in the last row
# groups, which DuckDB finds by their min/max without an index.
KEYLESS: tuple[str, ...] = ()

# The article's ingest order on every row about an article (``ARTICLES.seq``, written by the
# one writer): what the per-article lookups of the refresh and the pages filter on.
def _article_seq(layout: Layout = "duckdb") -> Column:
    return Column(ARTICLE_SEQ, "BIGINT", None, not_null=True, layout=layout,
                  left_out_of=("export", "list"), note="the article's seq (ingest order)")


ARTICLES = Spec("articles", Article, (
    *_ORDER,
    Column("id", "VARCHAR", "id", not_null=True, note="content hash (records.content_id)"),
    Column(SEQ, "BIGINT", None, not_null=True, layout="duckdb", left_out_of=("export", "list"),
           note="ingest order, given by the one writer (the per-article lookups)"),
    Column("title", "VARCHAR", "title"),
    Column("published", "DATE", "published"),
    Column("url", "VARCHAR", "url"),
    Column("source", "VARCHAR", "source"),
    Column("language", "VARCHAR", "language"),
    Column("origin", "VARCHAR", "origin", note="path, path:line or feed URL first read from"),
    Column("notes", "VARCHAR[]", "notes", note="lossy repairs made on the way in",
           left_out_of=("list",)),
    Column("num_words", "INTEGER", None, layout="duckdb"),
    Column("story_id", "VARCHAR", None, layout="duckdb", note="set by refresh (dedup)"),
    Column("ingested_at", "TIMESTAMP", None, not_null=True, layout="duckdb"),
    Column("text", "VARCHAR", "text", not_null=True, left_out_of=("list",)),
    Column("statements", "VARCHAR[]", "statements", note="appended statements, as read",
           left_out_of=("export", "list")),  # exported as the statements table
), primary_key=KEYLESS)

# What a row about an event shows of the article that reported it (a link to it).
ARTICLE_LINK = ARTICLES.pick("title", "published", "url", "source")


EVENTS = Spec("events", Event, (
    *_ORDER,
    Column("id", "VARCHAR", None, not_null=True, layout="duckdb",
           note="hash(article id, evidence offsets, code, actors)"),
    Column("article_id", "VARCHAR", None, not_null=True),
    _article_seq(),
    Column(IDX, "INTEGER", None, not_null=True, note="order in the article (main first)"),
    Column("date", "DATE", "date"),
    Column("date_text", "VARCHAR", "date_text"),
    Column("date_precision", "VARCHAR", "date_precision"),
    Column("source_text", "VARCHAR", "source.text"),
    Column("source_code", "VARCHAR", "source.code"),
    Column("source_country", "VARCHAR", "source.country"),
    Column("source_sector", "VARCHAR", "source.sector"),
    Column("target_text", "VARCHAR", "target.text"),
    Column("target_code", "VARCHAR", "target.code"),
    Column("target_country", "VARCHAR", "target.country"),
    Column("target_sector", "VARCHAR", "target.sector"),
    Column("cameo", "VARCHAR", "cameo", not_null=True),
    Column("cameo_root", "VARCHAR", "cameo_root", not_null=True),
    Column("plover", "VARCHAR", "plover"),
    Column("quad_class", "INTEGER", "quad_class", not_null=True),
    Column("goldstein", "DOUBLE", "goldstein", not_null=True),
    Column("attribution", "VARCHAR", "attribution"),
    Column("location_text", "VARCHAR", "location.text"),
    Column("location_country", "VARCHAR", "location.country"),
    Column("location_lat", "DOUBLE", "location.lat"),
    Column("location_lon", "DOUBLE", "location.lon"),
    Column("negated", "BOOLEAN", "negated", not_null=True),
    Column("modality", "VARCHAR", "modality", not_null=True),
    Column("trigger", "VARCHAR", "trigger"),
    Column("evidence_text", "VARCHAR", "evidence.text", not_null=True),
    Column("evidence_start", "INTEGER", "evidence.start", not_null=True),
    Column("evidence_end", "INTEGER", "evidence.end", not_null=True),
), primary_key=KEYLESS)

STATEMENTS = Spec("statements", StatementCheck, (
    *_ORDER,
    Column("article_id", "VARCHAR", None, not_null=True),
    Column(IDX, "INTEGER", None, not_null=True),
    Column("text", "VARCHAR", "text", not_null=True),
    Column("verdict", "VARCHAR", "verdict", not_null=True),
    Column("score", "DOUBLE", "score", not_null=True),
    Column("evidence_text", "VARCHAR", "evidence.text"),
    Column("evidence_start", "INTEGER", "evidence.start"),
    Column("evidence_end", "INTEGER", "evidence.end"),
    Column("reason", "VARCHAR", "reason"),
), primary_key=KEYLESS)

SKIPS = Spec("skips", Skipped, (
    *_ORDER,
    Column("id", "VARCHAR", None, not_null=True, layout="duckdb",
           note="hash(origin, reason) (or detail when no origin)"),
    Column("reason", "VARCHAR", "reason", not_null=True),
    Column("detail", "VARCHAR", "detail"),
    Column("origin", "VARCHAR", "origin"),
    Column("at", "TIMESTAMP", None, not_null=True, layout="duckdb"),
), primary_key=("id",))

# Every place an article was seen (exact copies share one article row, so the number of
# copies and of distinct sources lives here: GDELT's NumArticles / NumSources).
SIGHTINGS = Spec("sightings", None, (
    Column("article_id", "VARCHAR", None, not_null=True),
    _article_seq(),
    Column("key", "VARCHAR", None, not_null=True, note="url, else origin, else article id"),
    Column("source", "VARCHAR", None, note="source name, else url host, else 'unknown'"),
    Column("origin", "VARCHAR", None),
    Column("url", "VARCHAR", None),
    Column("seen_at", "TIMESTAMP", None, not_null=True),
), primary_key=KEYLESS)

SIGNATURES = Spec("signatures", None, (
    *_ORDER,
    Column("article_id", "VARCHAR", None, not_null=True,
           note="MinHash of word shingles (store.dedup)"),
    Column("published", "DATE", None, layout="parquet"),
    Column("minhash", "BLOB", None, not_null=True),
), primary_key=("article_id",))

# Derived (refresh, and the Dask path's stories/members.parquet): one row per dedup.Member.
STORY_MEMBERS = Spec("story_members", None, (
    Column("article_id", "VARCHAR", "article_id", not_null=True),
    Column("story_id", "VARCHAR", None, not_null=True),
    Column("similarity", "DOUBLE", "similarity", not_null=True,
           note="estimated Jaccard to the closest earlier member"),
    Column("matched_id", "VARCHAR", "matched_id", note="that member (NULL: representative)"),
    Column("method", "VARCHAR", "method", not_null=True,
           note="'representative' | 'near_duplicate'"),
), primary_key=("article_id",))

# The day an event counts on and how precisely it is known (``store.schema.event_day_sql``):
# computed for a mention, kept by event_groups and unique_events.
DAY = Column("day", "DATE", None, note="the day the event counts on (event_day_sql)")
DAY_PRECISION = Column("day_precision", "VARCHAR", None,
                       note="'day' | 'week' | 'month' | 'year' | 'published' (event_day_precision_sql)")

# A coded mention as the store shows it (``flashpoint events``, /api/events, the events
# export, notebooks' frames): its keys, its day, its fields, its article and story.
# Its keys leave out the bookkeeping ones (``article_seq``), which no reader shows.
_EVENT_KEYS = EVENTS.keys()
MENTION_KEYS: tuple[Column, ...] = tuple(c for c in _EVENT_KEYS if "export" not in c.left_out_of)
MENTION: tuple[Column, ...] = (
    *MENTION_KEYS, DAY, DAY_PRECISION, *EVENTS.fields(), *ARTICLE_LINK, *ARTICLES.pick("story_id"),
)


def _copied(spec: Spec, *names: str) -> tuple[Column, ...]:
    """Columns of ``spec`` copied into a derived table (same name, type and NULL-ness)."""
    return tuple(dataclasses.replace(c, attr=None, note="", layout="duckdb", left_out_of=())
                 for c in spec.pick(*names))


# Derived tables (``store.derive``, rebuilt from the primary ones by refresh). ------------------
STORIES = Spec("stories", None, (
    Column("story_id", "VARCHAR", None, note="= id of the representative (first) article"),
    Column("title", "VARCHAR", None),
    Column("num_articles", "INTEGER", None, not_null=True,
           note="sightings of all member articles (NumArticles)"),
    Column("num_sources", "INTEGER", None, not_null=True,
           note="distinct sources among them (NumSources)"),
    Column("num_members", "INTEGER", None, not_null=True, note="distinct article texts merged"),
    Column("first_published", "DATE", None),
    Column("last_published", "DATE", None),
), primary_key=("story_id",))

# Which unique event each coded event (mention) belongs to, with the mention's narrow columns
# copied from events: the events page filters and sorts this table alone (a page of one dyad
# at 10M mentions without a join). ``published`` is its article's, copied so that the alerts
# rank the articles behind an alert without a join with every article (2M at 10M mentions).
EVENT_GROUPS = Spec("event_groups", None, (
    Column("event_id", "VARCHAR", None),
    Column("unique_event_id", "VARCHAR", None, not_null=True),
    DAY,
    Column("story_id", "VARCHAR", None, not_null=True),
    *_copied(EVENTS, "article_id", "article_seq"),
    *_copied(ARTICLES, "published"),
    DAY_PRECISION,
    *_copied(EVENTS, IDX, "source_code", "source_country", "target_code", "target_country",
             "cameo_root", "plover", "quad_class", "negated", "modality"),
), primary_key=KEYLESS)

# One row per distinct event (GDELT-style); the "list" view is a page of them in the API.
_NOT_LISTED: tuple[View, ...] = ("list",)
UNIQUE_EVENTS = Spec("unique_events", None, (
    Column("id", "VARCHAR", None, note="hash of the grouping key"),
    DAY,
    DAY_PRECISION,
    Column("source_code", "VARCHAR", None),
    Column("source_country", "VARCHAR", None, left_out_of=_NOT_LISTED),
    Column("source_text", "VARCHAR", None),
    Column("target_code", "VARCHAR", None),
    Column("target_country", "VARCHAR", None, left_out_of=_NOT_LISTED),
    Column("target_text", "VARCHAR", None),
    Column("source_party", "VARCHAR", None, left_out_of=_NOT_LISTED,
           note="country, else org code (IGOUNO); never a bare sector"),
    Column("target_party", "VARCHAR", None, left_out_of=_NOT_LISTED),
    *_copied(EVENTS, "cameo", "cameo_root", "plover", "quad_class", "goldstein", "negated",
             "modality"),
    Column("num_mentions", "INTEGER", None, not_null=True, note="coded events merged (NumMentions)"),
    Column("num_stories", "INTEGER", None, not_null=True),
    Column("num_articles", "INTEGER", None, not_null=True,
           note="sightings of the articles reporting it"),
    Column("num_sources", "INTEGER", None, not_null=True),
    Column("first_event_id", "VARCHAR", None, not_null=True, left_out_of=_NOT_LISTED,
           note="the earliest mention: evidence, URL, location"),
    Column("first_article_id", "VARCHAR", None, not_null=True, left_out_of=_NOT_LISTED),
    Column("first_article_seq", "BIGINT", None, not_null=True, left_out_of=("export", "list"),
           note="its seq: the page finds the article without an index"),
    # Copied because ``events`` has no key (``KEYLESS``): a mention found by id reads the whole
    # table, and found through its article's index DuckDB fetches every event of the article,
    # ~20 us a row (the alerts' 240 strongest events: ~9,000 rows at 38 events an article).
    *(dataclasses.replace(c, left_out_of=_NOT_LISTED, note="the earliest mention's evidence")
      for c in _copied(EVENTS, "evidence_text")),
), primary_key=KEYLESS)

# The alerts' counts per dyad and period (``store.derive``), one row per counting mode: the
# period length and whether uncertain events count (``store.counting``). Sums of unique events
# (additive: the incremental step adds the new rows' and subtracts the old rows' share) and
# the independent reports (distinct stories) of conflict among them. Sums are exact decimals,
# so adding and subtracting gives the full rebuild's value to the last digit.
_SUM = "DECIMAL(18,4)"
DYAD_PERIODS = Spec("dyad_periods", None, (
    Column("freq", "VARCHAR", None, not_null=True, note="'day' | 'week' | 'month' | 'year'"),
    Column("include_uncertain", "BOOLEAN", None, not_null=True,
           note="negated, intended, demanded and hypothetical events counted too"),
    Column("lo_party", "VARCHAR", None, not_null=True, note="the dyad's parties, sorted"),
    Column("hi_party", "VARCHAR", None, not_null=True),
    Column("period", "DATE", None, not_null=True, note="first day (Monday for weeks)"),
    Column("events", "INTEGER", None, not_null=True, note="counted unique events"),
    Column("conflict_events", "INTEGER", None, not_null=True, note="of quad class 3 or 4"),
    Column("material_conflict", "INTEGER", None, not_null=True, note="of quad class 4"),
    Column("goldstein_sum", _SUM, None, not_null=True),
    Column("conflict_intensity", _SUM, None, not_null=True, note="sum of -goldstein below 0"),
    Column("conflict_stories", "INTEGER", None, not_null=True,
           note="distinct stories reporting a conflict event counted here"),
), primary_key=("freq", "include_uncertain", "lo_party", "hi_party", "period"))

# The derived tables, in the order refresh fills them.
DERIVED: dict[str, Spec] = {
    s.table: s for s in (STORIES, STORY_MEMBERS, EVENT_GROUPS, UNIQUE_EVENTS, DYAD_PERIODS)
}

# Bookkeeping (``store.schema``, ``store.derive``): the file's schema version, the LSH band
# index of every signature (a new article finds its near-duplicate candidates by key lookups
# instead of re-banding the whole store) and the point up to which sightings were derived.
SCHEMA_VERSIONS = Spec("schema_version", None, (
    Column("version", "INTEGER", None, not_null=True),
    Column("created_at", "TIMESTAMP", None, not_null=True),
))
SIGNATURE_BANDS = Spec("signature_bands", None, (
    Column("band_key", "UBIGINT", None, not_null=True, note="dedup.band_keys (band number mixed in)"),
    Column("article_id", "VARCHAR", None, not_null=True),
))
DERIVE_STATE = Spec("derive_state", None, (
    Column("watermark", "TIMESTAMP", None,
           note="sightings seen at or after it are not yet derived"),
    Column("layout", "VARCHAR", None, not_null=True,
           note="fingerprint of the derived tables' DDL"),
))
BOOKKEEPING: dict[str, Spec] = {s.table: s for s in (SIGNATURE_BANDS, DERIVE_STATE)}

# The primary tables, in the order they are created.
SPECS: dict[str, Spec] = {
    s.table: s for s in (ARTICLES, SIGHTINGS, SIGNATURES, EVENTS, STATEMENTS, SKIPS)
}


def select_list(columns: Iterable[Column], alias: str = "", *, skip: Iterable[str] = ()) -> str:
    """A SQL projection of ``columns`` (``alias."name", ...``), leaving out those named in
    ``skip``: every query that selects a table's layout writes it with this."""
    prefix = f"{alias}." if alias else ""
    left = set(skip)
    return ", ".join(f'{prefix}"{c.name}"' for c in columns if c.name not in left)


def column_names(columns: Iterable[Column], *, skip: Iterable[str] = ()) -> tuple[str, ...]:
    """The names of ``columns`` (less those in ``skip``), in order."""
    left = set(skip)
    return tuple(c.name for c in columns if c.name not in left)


def from_row(spec: Spec, row: Mapping[str, Any]) -> Any:
    """Rebuild the record of ``spec`` from a row (DuckDB or Parquet) holding its columns."""
    assert spec.record is not None, f"{spec.table} rows are no record"
    return _build(spec.record, {c.attr: row[c.name] for c in spec.columns if c.attr is not None})


def _build(cls: type, values: dict[str, Any]) -> Any:
    hints = typing.get_type_hints(cls)
    kwargs: dict[str, Any] = {}
    nested: dict[str, dict[str, Any]] = {}
    for path, value in values.items():
        head, _, rest = path.partition(".")
        if rest:
            nested.setdefault(head, {})[rest] = value
        elif value is None and _is_tuple(hints[head]):
            kwargs[head] = ()
        else:
            kwargs[head] = tuple(value) if _is_tuple(hints[head]) else value
    for head, inner in nested.items():
        first = next(iter(inner.values()))
        kwargs[head] = None if first is None else _build(_record_type(hints[head]), inner)
    return cls(**kwargs)


def _is_tuple(hint: Any) -> bool:
    return typing.get_origin(hint) is tuple


def _record_type(hint: Any) -> type:
    """``Actor | None`` -> ``Actor``."""
    for arg in (*typing.get_args(hint), hint):
        if dataclasses.is_dataclass(arg):
            return arg  # type: ignore[return-value]
    raise TypeError(f"{hint} holds no record type")


def member_rows(stories: Any) -> list[dict[str, Any]]:
    """Rows of ``story_members`` for ``dedup.Story`` clusters (the store's and Parquet's)."""
    return [STORY_MEMBERS.row("duckdb", m, story_id=s.story_id) for s in stories for m in s.members]


def missing_columns(table: str, have: list[str]) -> list[Column]:
    """Columns of ``table``'s DuckDB layout that an existing table (columns ``have``) lacks."""
    return [c for c in SPECS[table].layout("duckdb") if c.name not in have]


__all__ = [
    "ARTICLES",
    "ARTICLE_LINK",
    "ARTICLE_SEQ",
    "BOOKKEEPING",
    "DAY",
    "DAY_PRECISION",
    "DERIVED",
    "DERIVE_STATE",
    "DYAD_PERIODS",
    "EVENTS",
    "EVENT_GROUPS",
    "IDX",
    "MENTION",
    "MENTION_KEYS",
    "PART",
    "POS",
    "SCHEMA_VERSIONS",
    "SEQ",
    "SIGHTINGS",
    "SIGNATURES",
    "SIGNATURE_BANDS",
    "SKIPS",
    "SPECS",
    "STATEMENTS",
    "STORIES",
    "STORY_MEMBERS",
    "UNIQUE_EVENTS",
    "Column",
    "Spec",
    "View",
    "column_names",
    "from_row",
    "member_rows",
    "missing_columns",
    "select_list",
]
