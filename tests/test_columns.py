"""One column spec per record: every field is in it, every layout follows from it, a record
survives record -> DuckDB -> Parquet -> record, and older files are migrated."""

from __future__ import annotations

import ast
import dataclasses
import datetime as dt
import re
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from flashpoint.columns import (
    ARTICLES,
    EVENTS,
    SKIPS,
    SPECS,
    STATEMENTS,
    STORY_MEMBERS,
    from_row,
    missing_columns,
)
from flashpoint.errors import StoreUnusableError
from flashpoint.records import (
    Actor,
    Analysis,
    Article,
    Event,
    Location,
    Skipped,
    Span,
    StatementCheck,
)
from flashpoint.scale.parquet import SCHEMAS, migrate, read_analyses, write_partition
from flashpoint.store import SCHEMA_VERSION, Store, connect_readonly

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "flashpoint"
TEXT = "Northland shelled the border town of Eastport on Monday. Southland protested on Tuesday."


def _analyses() -> list[Analysis]:
    article = Article(
        id="a1", text=TEXT, title="Shelling", published=dt.date(2023, 12, 27),
        url="https://example.org/1", source="Harbour Daily",
        statements=("Southland protested.", "Eastport was not shelled."), origin="a.txt",
        notes=("invalid UTF-8 replaced (2 bytes)",),
    )
    full = Event(
        source=Actor("Northland", "NLDMIL", "NLD", "MIL"), target=Actor("Eastport", None),
        cameo="195", cameo_root="19", plover="ASSAULT", quad_class=4, goldstein=-10.0,
        evidence=Span(TEXT[:56], 0, 56), date=dt.date(2023, 12, 1), date_text="in December",
        date_precision="month", attribution="officials said",
        location=Location("Eastport", "NLD", 41.5, 12.25), negated=False, modality="reported",
        trigger="shelled",
    )
    bare = Event(
        source=None, target=None, cameo="11", cameo_root="11", plover=None, quad_class=3,
        goldstein=-2.0, evidence=Span(TEXT[57:], 57, len(TEXT)), negated=True,
    )
    checks = (
        StatementCheck("Southland protested.", "supported", 0.91, Span(TEXT[57:], 57, len(TEXT)),
                       "same clause"),
        StatementCheck("Eastport was not shelled.", "contradicted", 0.12, None, "negation"),
    )
    plain = Article(id="a2", text="Talks resumed.")
    return [
        Analysis(article, events=(full, bare), statements=checks),
        Analysis(plain),
        Analysis(None, skipped=Skipped("not_english", "detected de", "b.txt")),
    ]


@pytest.mark.parametrize("spec", [ARTICLES, EVENTS, STATEMENTS, SKIPS], ids=lambda s: s.table)
def test_columns_every_record_field_has_a_column(spec):
    def fields(cls: type, prefix: str = "") -> set[str]:
        out = set()
        for f in dataclasses.fields(cls):
            nested = [a for a in (*_args(cls, f.name),) if dataclasses.is_dataclass(a)]
            out |= fields(nested[0], f"{prefix}{f.name}.") if nested else {prefix + f.name}
        return out

    have = {c.attr for c in spec.columns if c.attr is not None}
    assert have == fields(spec.record)


def _args(cls: type, name: str) -> tuple:
    import typing

    hint = typing.get_type_hints(cls)[name]
    return (*typing.get_args(hint), hint)


def test_columns_ddl_and_parquet_schemas_follow_the_spec(tmp_path):
    with Store(tmp_path / "x.duckdb") as store:
        for name, spec in SPECS.items():
            have = [r[1] for r in store.con.execute(f"PRAGMA table_info('{name}')").fetchall()]
            assert have == spec.names("duckdb")
    for name, schema in SCHEMAS.items():
        assert schema.names == SPECS[name].names("parquet")
        assert all(schema.field(c.name).type == c.arrow() for c in SPECS[name].layout("parquet"))


def _from_store(con) -> list[Analysis]:
    def rows(sql: str) -> list[dict]:
        cur = con.execute(sql)
        names = [d[0] for d in cur.description]
        return [dict(zip(names, r, strict=True)) for r in cur.fetchall()]

    out = []
    for art in rows("SELECT * FROM articles ORDER BY id"):
        events = tuple(from_row(EVENTS, r) for r in rows(
            f"SELECT * FROM events WHERE article_id = '{art['id']}' ORDER BY idx"))
        checks = tuple(from_row(STATEMENTS, r) for r in rows(
            f"SELECT * FROM statements WHERE article_id = '{art['id']}' ORDER BY idx"))
        out.append(Analysis(from_row(ARTICLES, art), events=events, statements=checks))
    out += [Analysis(None, skipped=from_row(SKIPS, r)) for r in rows("SELECT * FROM skips")]
    return out


def test_columns_round_trip_record_duckdb_parquet_record(tmp_path):
    analyses = _analyses()
    with Store(tmp_path / "x.duckdb") as store:
        store.write(analyses)
        from_duckdb = _from_store(store.con)
    assert from_duckdb == analyses
    write_partition(tmp_path / "pq", "k1", from_duckdb, part=0)
    assert list(read_analyses(tmp_path / "pq")) == analyses


def test_columns_migrates_a_version_1_store(tmp_path):
    db = tmp_path / "old.duckdb"
    with Store(db) as store:
        store.write(_analyses())
    # Version 1 had exactly this layout without articles.statements (tables in the same order).
    con = duckdb.connect(str(db))
    con.execute("ALTER TABLE articles DROP COLUMN statements")
    con.execute("UPDATE schema_version SET version = 1")
    con.close()
    with pytest.raises(StoreUnusableError, match="E304"):
        connect_readonly(db)
    with Store(db) as store:
        assert store.con.execute("SELECT version FROM schema_version").fetchall() == [
            (SCHEMA_VERSION,)
        ]
        # the statements as read are rebuilt from the checks stored with them
        assert _from_store(store.con) == _analyses()
    connect_readonly(db).close()


def test_columns_a_new_field_is_added_to_an_existing_store(tmp_path):
    db = tmp_path / "x.duckdb"
    with Store(db) as store:
        store.write(_analyses())
        store.con.execute("ALTER TABLE events DROP COLUMN trigger")  # a file from before it
    assert [c.name for c in missing_columns("events", ["id"])][:3] == ["article_id", "article_seq", "idx"]
    with Store(db) as store:
        have = [r[1] for r in store.con.execute("PRAGMA table_info('events')").fetchall()]
        assert "trigger" in have
        assert store.con.execute("SELECT count(*) FROM events WHERE trigger IS NULL").fetchone() == (2,)


def test_columns_refuses_a_store_of_a_newer_version(tmp_path):
    db = tmp_path / "new.duckdb"
    Store(db).close()
    con = duckdb.connect(str(db))
    con.execute("UPDATE schema_version SET version = ?", [SCHEMA_VERSION + 1])
    con.close()
    with pytest.raises(StoreUnusableError, match="E309"):
        Store(db)


def _as_version_1(out: Path) -> None:
    """Rewrite current output in the layout version 1 wrote by hand (date= directories,
    event_date, *_present flags, quad_class int8, articles' statements before origin)."""
    for file in sorted(out.glob("*/*/part-*.parquet")):
        table = file.parent.parent.name
        data = pq.read_table(file)
        if table == "events":
            for prefix in ("source", "target", "location"):
                present = pa.compute.is_valid(data.column(f"{prefix}_text"))
                data = data.append_column(f"{prefix}_present", present)
            data = data.rename_columns(["event_date" if n == "date" else n for n in data.column_names])
            data = data.set_column(data.column_names.index("quad_class"), "quad_class",
                                   data.column("quad_class").cast(pa.int8()))
        if table == "statements":
            data = data.append_column("evidence_present", pa.compute.is_valid(data.column("evidence_text")))
        if table == "articles":
            names = [n for n in data.column_names if n != "statements"]
            names.insert(names.index("origin"), "statements")
            data = data.select(names)
        old = file.parent.parent / file.parent.name.replace("day=", "date=")
        old.mkdir(exist_ok=True)
        pq.write_table(data, old / file.name)
        file.unlink()
        file.parent.rmdir()


def test_columns_migrates_version_1_parquet(tmp_path):
    out = tmp_path / "pq"
    write_partition(out, "k1", _analyses(), part=0)
    _as_version_1(out)
    assert (out / "events" / "date=2023-12-27" / "part-k1.parquet").is_file()
    with pytest.raises(Exception, match="E117"):
        list(read_analyses(out))
    assert migrate(out) == 5
    assert not list(out.glob("*/date=*"))
    assert list(read_analyses(out)) == _analyses()
    assert migrate(out) == 0


LAYOUT_FILES = (
    "store/writer.py", "store/schema.py", "scale/parquet.py", "scale/load.py",
)  # store/derive.py builds the derived tables in SQL (story_members rows come from the spec)


@pytest.mark.parametrize("rel", LAYOUT_FILES)
def test_columns_names_live_only_in_the_spec(rel):
    """No layout is written out by hand again: no column name as a string of its own."""
    names = {c.name for spec in (*SPECS.values(), STORY_MEMBERS) for c in spec.columns}
    names -= set(SPECS)  # "statements" names a table too
    tree = ast.parse((PACKAGE / rel).read_text(encoding="utf-8"))
    history = [f for f in ast.walk(tree) if isinstance(f, ast.FunctionDef) and f.name == "migrate"]
    old = {id(n) for f in history for n in ast.walk(f)}  # the version-1 layout it converts
    found = sorted({n.value for n in ast.walk(tree) if id(n) not in old
                    and isinstance(n, ast.Constant) and isinstance(n.value, str) and n.value in names})
    assert not found, f"{rel} names spec columns {found}: derive them from flashpoint.columns"


# --- No layout outside the spec -----------------------------------------------------------------
# A *layout* is a list of a table's columns: a tuple of names, or a SQL projection naming three
# or more spec columns in a row. The modules that store, scale and export records derive theirs
# from flashpoint.columns (select_list, column_names, views), so a new field is one line there.
# SQL that computes with columns may name them; the few projections below are the inputs of
# one computation each (not a table's layout), with the reason; each is known by its file and
# its first three names (so that editing the rest of such a query does not trip this test).
LAYOUT_DIRS = ("store", "scale", "analytics")
COMPUTES: dict[tuple[str, tuple[str, ...]], str] = {
    ("store/derive.py", ("published", "story_id", "day")):
        "the grouping inputs of a unique event (its mentions' story, day and group)",
    ("store/derive.py", ("article_id", "minhash", "published")):
        "a signature and the date that orders it in the clustering",
    ("store/derive.py", ("band_key", "article_id", "published")):
        "the articles sharing a band key, with the date that orders them in the clustering",
    ("analytics/acled.py", ("id", "day", "day_precision")):
        "the inputs of an ACLED row (its own layout is ACLED's, analytics/data)",
    ("analytics/alerts.py", ("id", "title", "url")):
        "the articles an alert cites",
    ("analytics/alerts.py", ("id", "day", "source_code")):
        "the events that make an alert",
    ("analytics/gdelt.py", ("location_text", "location_country", "location_lat")):
        "the places GDELT's geography columns are computed from",
    ("analytics/tension.py", ("period", "quad_class", "goldstein")):
        "the terms of the tension score",
    ("analytics/tension.py", ("period", "events", "goldstein_sum")):
        "the tension series' own columns (SERIES_COLUMNS)",
    ("analytics/alerts.py", ("conflict_stories", "conflict_events", "material_conflict")):
        "the counts an alert can test (METRICS)",
    ("analytics/alerts.py", ("period", "quad_class", "goldstein")):
        "the counts of dyad_periods computed from unique events, for a period cut short",
    ("store/dyad_periods.py", ("story_id", "unique_event_id", "article_id")):
        "the event groups of the stories whose report counts change",
}
_ITEM = r'(?:[A-Za-z_]\w*\.)?"?[A-Za-z_]\w*"?'
_LIST = re.compile(rf"(?<![\w.])(?:(ORDER|GROUP|PARTITION)\s+BY\s+)?{_ITEM}(?:\s*,\s*{_ITEM})+",
                   re.IGNORECASE)


def _spec_names() -> set[str]:
    from flashpoint import columns

    specs = [v for v in vars(columns).values() if isinstance(v, columns.Spec)]
    return {c.name for spec in specs for c in spec.columns}


def _docstrings(tree: ast.AST) -> set[int]:
    out = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(body, list) and body and isinstance(body[0], ast.Expr) \
                and isinstance(body[0].value, ast.Constant):
            out.add(id(body[0].value))
    return out


def layouts_in(source: str, names: set[str]) -> list[tuple[int, tuple[str, ...]]]:
    """(line, names) of every layout written out in ``source``: a tuple/list/set literal of 3+
    spec column names, or a SQL list of 3+ bare column names (sort keys excepted)."""
    tree = ast.parse(source)
    skip = _docstrings(tree)
    found = []
    for node in ast.walk(tree):
        if isinstance(node, (ast.Tuple, ast.List, ast.Set)):
            hit = tuple(e.value for e in node.elts
                        if isinstance(e, ast.Constant) and e.value in names)
            if len(hit) >= 3:
                found.append((node.lineno, hit))
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip:
            for m in _LIST.finditer(node.value):
                if m.group(1):
                    continue  # ORDER BY / GROUP BY keys: how rows are sorted, not a layout
                items = [t.strip().split(".")[-1].strip('"') for t in m.group(0).split(",")]
                hit = tuple(t for t in items if t in names)
                if len(hit) >= 3:
                    found.append((node.lineno, hit))
    return found


@pytest.mark.parametrize("source", [
    'COLS = ("id", "cameo", "goldstein")',
    'SQL = "SELECT e.id, e.cameo, e.goldstein FROM events e"',
    'SQL = f"SELECT u.\\"day\\", u.source_code, u.num_mentions FROM unique_events u"',
], ids=["tuple", "sql", "quoted"])
def test_columns_layout_scan_finds_a_written_out_layout(source):
    assert layouts_in(source, _spec_names())


@pytest.mark.parametrize("source", [
    'SQL = "SELECT * FROM e ORDER BY day, article_id, idx"',
    'SQL = "SELECT sum(goldstein) AS g, count(*) FROM unique_events WHERE negated"',
    'def f():\n    """Rows ``(article_id, published, minhash)``."""',
], ids=["order-by", "computes", "docstring"])
def test_columns_layout_scan_lets_computations_be(source):
    assert not layouts_in(source, _spec_names())


def test_columns_no_layout_outside_the_spec():
    names = _spec_names()
    found = []
    for folder in LAYOUT_DIRS:
        for path in sorted((PACKAGE / folder).rglob("*.py")):
            rel = path.relative_to(PACKAGE).as_posix()
            for line, hit in layouts_in(path.read_text(encoding="utf-8"), names):
                if (rel, hit[:3]) not in COMPUTES:
                    found.append(f"{rel}:{line} {', '.join(hit)}")
    assert not found, "layouts written out by hand (derive them from flashpoint.columns):\n" + \
        "\n".join(found)


def test_columns_every_allowed_computation_still_exists():
    """An entry of COMPUTES whose query is gone must go too (no stale exemptions)."""
    names = _spec_names()
    present = {(path.relative_to(PACKAGE).as_posix(), hit[:3])
               for folder in LAYOUT_DIRS for path in (PACKAGE / folder).rglob("*.py")
               for _, hit in layouts_in(path.read_text(encoding="utf-8"), names)}
    assert set(COMPUTES) <= present, set(COMPUTES) - present


def test_columns_queries_select_the_columns_they_announce(tmp_path):
    """The mention rows, unique-event pages and exports carry exactly the spec's columns."""
    from flashpoint.columns import MENTION, UNIQUE_EVENTS, column_names
    from flashpoint.store.queries import EVENT_COLUMNS, EVENT_SELECT, UNIQUE_EVENT_COLUMNS

    with Store(tmp_path / "x.duckdb") as store:
        store.write(_analyses())
        store.refresh()
        cur = store.con.execute(f"SELECT * FROM ({EVENT_SELECT}) e")
        assert tuple(d[0] for d in cur.description) == EVENT_COLUMNS == column_names(MENTION)
    assert UNIQUE_EVENT_COLUMNS[: len(UNIQUE_EVENTS.view("list"))] == column_names(
        UNIQUE_EVENTS.view("list"))


def _as_old_event_groups(db: Path) -> None:
    """Give ``db`` the event_groups of before its page columns (commit 02bc639): same schema
    version, a table of the same name lacking columns the queries read."""
    con = duckdb.connect(str(db))
    con.execute("CREATE TABLE old_groups AS SELECT event_id, unique_event_id, day, story_id, "
                "article_id, day_precision FROM event_groups")
    con.execute("DROP TABLE event_groups")
    con.execute("ALTER TABLE old_groups RENAME TO event_groups")
    con.close()


def test_columns_a_reader_refuses_a_derived_table_of_an_older_layout(tmp_path):
    from fastapi.testclient import TestClient

    from flashpoint.api import create_app
    from flashpoint.store import queries

    db = tmp_path / "old.duckdb"
    with Store(db) as store:
        store.write(_analyses())
        store.refresh()
    _as_old_event_groups(db)
    with pytest.raises(StoreUnusableError, match="E316") as refused:
        connect_readonly(db)
    assert "event_groups" in str(refused.value) and "flashpoint refresh" in str(refused.value)
    # The dashboard's server refuses it at start-up, with the same one line (no HTTP 500 later).
    with pytest.raises(StoreUnusableError, match="E316"), TestClient(create_app(db)):
        pass
    # Opening it for writing migrates it: the derived tables are rebuilt in the new layout.
    Store(db).close()
    con = connect_readonly(db)
    try:
        assert queries.count_events(con) == 2
        assert len(queries.events(con, limit=10)) == 2
    finally:
        con.close()
    with TestClient(create_app(db)) as client:
        page = client.get("/api/events?limit=10")
        assert page.status_code == 200, page.text


def test_columns_parquet_is_read_by_name_whatever_its_column_order(tmp_path):
    """Output written before a spec reordered its columns (events' date, articles' text) reads
    as it is: same columns, another order."""
    out = tmp_path / "pq"
    write_partition(out, "k1", _analyses(), part=0)
    for file in out.glob("*/*/part-*.parquet"):
        data = pq.read_table(file)
        pq.write_table(data.select(list(reversed(data.column_names))), file)
    assert list(read_analyses(out)) == _analyses()
    assert migrate(out) == 0  # nothing to convert
