"""Every export loads back (pandas / DuckDB) with its documented columns; plots are written."""

from __future__ import annotations

import datetime as dt
import json

import pandas as pd
import pytest

from flashpoint.analytics import exports
from flashpoint.analytics.plot import plot_tension
from flashpoint.errors import InputError
from flashpoint.records import (
    Actor,
    Analysis,
    Article,
    Event,
    Location,
    Skipped,
    Span,
    StatementCheck,
    content_id,
)
from flashpoint.store import Store, connect_readonly

TEXT = ("Aaa artillery shelled the town of Riverton in Bbb on Monday. "
        "Bbb's government condemned the attack. The UN urged restraint.")


def _event(sentence, src, tgt, cameo, quad, gold, **kw):
    start = TEXT.index(sentence)
    return Event(source=src, target=tgt, cameo=cameo, cameo_root=cameo[:2], plover="ASSAULT",
                 quad_class=quad, goldstein=gold,
                 evidence=Span(sentence, start, start + len(sentence)), **kw)


@pytest.fixture(scope="module")
def con(tmp_path_factory):
    db = tmp_path_factory.mktemp("exports") / "e.duckdb"
    aaa_mil = Actor("Aaa artillery", "AAAMIL", "AAA", "MIL")
    bbb_gov = Actor("Bbb's government", "BBBGOV", "BBB", "GOV")
    un = Actor("The UN", "IGOUNO", None, None)
    art = Article(id=content_id(TEXT), text=TEXT, title="Shelling, \"tab\"\there",
                  published=dt.date(2024, 6, 5), url="https://x.example/1", source="X",
                  notes=("invalid UTF-8 replaced",), origin="news/x.txt")
    an = Analysis(article=art, events=(
        _event(TEXT.split(". ")[0] + ".", aaa_mil, Actor("Bbb", "BBB", "BBB", None), "194", 4,
               -10.0, date=dt.date(2024, 6, 3), date_precision="day", date_text="on Monday",
               location=Location("Riverton", "BBB", 41.5, 20.25)),
        _event("Bbb's government condemned the attack.", bbb_gov, aaa_mil, "122", 3, -2.0),
        _event("The UN urged restraint.", un, None, "0214", 1, 3.4),
    ), statements=(StatementCheck("Aaa shelled Riverton.", "supported", 0.9, None, "ok"),))
    with Store(db) as store:
        store.write([an, Analysis(None, skipped=Skipped("binary", "NUL bytes", "x.bin"))])
        store.refresh()
    c = connect_readonly(db)
    yield c
    c.close()


@pytest.mark.parametrize("fmt", ["parquet", "csv", "jsonl"])
def test_analytics_exports_tables_load_back(con, tmp_path, fmt):
    files = exports.export(con, tmp_path, fmt)
    assert {f.name for f in files} == set(exports.FILES[fmt].values())
    for table, name in exports.FILES[fmt].items():
        path = tmp_path / name
        if fmt == "parquet":
            df = pd.read_parquet(path)
        elif fmt == "csv":
            df = pd.read_csv(path)
        else:
            df = pd.read_json(path, lines=True)
        assert tuple(df.columns) == exports.TABLE_COLUMNS[table], table
        assert len(df) == con.execute(f"SELECT count(*) FROM {table}").fetchall()[0][0]


def test_analytics_exports_gdelt_tsv(con, tmp_path):
    (path,) = exports.export(con, tmp_path, "gdelt")
    df = pd.read_csv(path, sep="\t", dtype=str, keep_default_na=False)
    assert tuple(df.columns) == exports.GDELT_COLUMNS and len(exports.GDELT_COLUMNS) == 61
    assert len(df) == 3
    shell = df[df.EventCode == "194"].iloc[0]
    assert (shell.SQLDATE, shell.MonthYear, shell.Year) == ("20240603", "202406", "2024")
    assert (shell.Actor1Code, shell.Actor1CountryCode, shell.Actor1Type1Code) == ("AAAMIL", "AAA", "MIL")
    assert (shell.EventBaseCode, shell.EventRootCode, shell.QuadClass) == ("194", "19", "4")
    assert (shell.NumMentions, shell.NumSources, shell.NumArticles) == ("1", "1", "1")
    assert (shell.ActionGeo_FullName, shell.ActionGeo_Lat, shell.IsRootEvent) == ("Riverton", "41.5", "1")
    assert shell.SOURCEURL == "https://x.example/1" and shell.AvgTone == ""
    un = df[df.EventCode == "0214"].iloc[0]
    assert (un.Actor1KnownGroupCode, un.Actor1Type1Code, un.Actor2Code) == ("UNO", "IGO", "")
    assert int(un.GLOBALEVENTID) > 0
    # DuckDB reads it as well.
    import duckdb

    assert duckdb.sql(f"SELECT count(*) FROM read_csv('{path}', delim='\t')").fetchall() == [(3,)]


def test_analytics_exports_acled_csv(con, tmp_path):
    (path,) = exports.export(con, tmp_path, "acled")
    df = pd.read_csv(path, dtype=str, keep_default_na=False)
    assert tuple(df.columns) == exports.ACLED_COLUMNS
    shell = df[df.cameo == "194"].iloc[0]
    assert (shell.event_type, shell.sub_event_type) == (
        "Explosions/Remote violence", "Shelling/artillery/missile attack")
    assert shell.notes == TEXT.split(". ")[0] + "."
    assert (shell.event_date, shell.time_precision, shell.location) == ("2024-06-03", "1", "Riverton")
    assert shell.actor1 == "Aaa artillery (AAAMIL)" and shell.source == "X"
    verbal = df[df.cameo == "122"].iloc[0]
    assert verbal.event_type == "Strategic developments"


@pytest.mark.parametrize(("cameo", "expected"), [
    ("1951", "Air/drone strike"), ("190", "Armed clash"), ("145", "Violent demonstration"),
    ("1411", "Peaceful protest"), ("057", "Agreement"), ("999", "Other"),
])
def test_analytics_exports_acled_types_longest_prefix(cameo, expected):
    assert exports.acled_type(cameo)[1] == expected


def test_analytics_exports_acled_table_covers_all_cameo_roots():
    roots = {k for k in exports.acled_types() if len(k) == 2}
    assert roots == {f"{i:02d}" for i in range(1, 21)}


def test_analytics_exports_dyad_filter_and_bad_format(con, tmp_path):
    exports.export(con, tmp_path, "jsonl", dyad="AAA-BBB")
    lines = (tmp_path / "events.jsonl").read_text().splitlines()
    assert sorted(json.loads(x)["cameo"] for x in lines) == ["122", "194"]
    with pytest.raises(InputError):
        exports.export(con, tmp_path, "xlsx")


@pytest.mark.parametrize("suffix", [".png", ".svg"])
def test_analytics_plot_writes_file(con, tmp_path, suffix):
    path = plot_tension(con, tmp_path / f"t{suffix}", dyad="AAA-BBB", freq="day")
    data = path.read_bytes()
    if suffix == ".png":
        assert data.startswith(b"\x89PNG") and len(data) > 10_000
    else:
        assert b"<svg" in data[:500] and b"Tension" in data


def test_analytics_plot_refuses_bad_target(con, tmp_path):
    with pytest.raises(InputError):
        plot_tension(con, tmp_path / "t.pdf", dyad="AAA-BBB")
    with pytest.raises(InputError):
        plot_tension(con, tmp_path / "t.png", dyad="AAA-ZZZ")
