"""read_path: files and directories, every bad input a typed Skipped, never a traceback."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import pytest

from flashpoint.ingest import read_path
from flashpoint.records import Article, Skipped

BODY = (
    "Rescue teams reached three villages cut off by floods on Thursday, the disaster agency "
    "said, and began evacuating families to schools on higher ground."
)
PAGE = f"Skip to content\n\nFloods cut off villages\n\nPublished: 3 August 2023\n\n{BODY}\n"
GERMAN = (
    "Rettungskräfte haben am Donnerstag drei vom Hochwasser abgeschnittene Dörfer erreicht und "
    "mit der Evakuierung der Familien in höher gelegene Schulen begonnen, teilte die Behörde mit."
)


def _one(path, **kwargs):
    results = list(read_path(path, **kwargs))
    assert len(results) == 1, results
    return results[0]


def test_ingest_path_text_file(tmp_path):
    file = tmp_path / "flood.txt"
    file.write_text(PAGE, encoding="utf-8")
    article = _one(file)
    assert isinstance(article, Article)
    assert article.text == BODY
    assert article.published == dt.date(2023, 8, 3)
    assert article.origin == str(file)


def test_ingest_path_missing(tmp_path):
    result = _one(tmp_path / "nope.txt")
    assert isinstance(result, Skipped) and result.reason == "missing"


def test_ingest_path_empty_directory(tmp_path):
    result = _one(tmp_path)
    assert isinstance(result, Skipped) and result.reason == "empty"


def test_ingest_path_directory_sorted_recursive_hidden_skipped(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / ".hidden").mkdir()
    (tmp_path / "b" / "2.txt").write_text(PAGE.replace("three", "four"), encoding="utf-8")
    (tmp_path / "a.txt").write_text(PAGE, encoding="utf-8")
    (tmp_path / ".secret.txt").write_text(PAGE, encoding="utf-8")
    (tmp_path / ".hidden" / "x.txt").write_text(PAGE, encoding="utf-8")
    (tmp_path / "README.md").write_text("# Notes about this folder\n", encoding="utf-8")
    results = list(read_path(tmp_path))
    assert [Path(r.origin).relative_to(tmp_path).as_posix() for r in results] == [
        "a.txt",
        "b/2.txt",
    ]
    assert all(isinstance(r, Article) for r in results)


def test_ingest_path_empty_file(tmp_path):
    file = tmp_path / "empty.txt"
    file.write_bytes(b"")
    assert _one(file).reason == "empty"


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10" + bytes(100)),
        ("archive.json", b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(100)),
        ("blob.bin", bytes(range(256)) * 4),
    ],
)
def test_ingest_path_binary(tmp_path, name, data):
    file = tmp_path / name
    file.write_bytes(data)
    result = _one(file)
    assert isinstance(result, Skipped) and result.reason == "binary"


def test_ingest_path_invalid_utf8(tmp_path):
    file = tmp_path / "broken.txt"
    file.write_bytes(
        PAGE.replace("villages", "vill\u00e9ges").encode("utf-8").replace(b"\xc3\xa9", b"\xc3")
    )
    article = _one(file)
    assert isinstance(article, Article)
    assert "vill\ufffdges" in article.text
    assert article.title == "Floods cut off vill\ufffdges"
    assert article.notes == ("invalid UTF-8 replaced (2 bytes)",)  # title and body


def test_ingest_path_latin1(tmp_path):
    file = tmp_path / "latin1.txt"
    file.write_bytes(PAGE.replace("disaster agency", "agence de sécurité civile").encode("latin-1"))
    article = _one(file)
    assert "agence de sécurité civile" in article.text
    assert article.notes and "cp1252" in article.notes[0]


def test_ingest_path_cyrillic_legacy_encoding_not_english(tmp_path):
    russian = (
        "Спасатели в четверг добрались до трёх деревень, отрезанных наводнением, и начали "
        "эвакуацию семей в школы на возвышенности, сообщило агентство по чрезвычайным ситуациям."
    )
    file = tmp_path / "ru.txt"
    file.write_bytes(f"Наводнение\n\n{russian}\n".encode("cp1251"))
    result = _one(file)
    assert isinstance(result, Skipped)
    assert result.reason == "not_english"
    assert result.detail.startswith("detected ru")


def test_ingest_path_html_without_article(tmp_path):
    file = tmp_path / "nav.html"
    file.write_text(
        "<html><body><nav><a href='/'>Home</a><a href='/a'>World</a><a href='/b'>Sport</a></nav>"
        "<footer>Copyright 2024</footer></body></html>",
        encoding="utf-8",
    )
    result = _one(file)
    assert isinstance(result, Skipped) and result.reason == "no_article"


def test_ingest_path_too_large_is_not_read(tmp_path, monkeypatch):
    file = tmp_path / "huge.txt"
    with file.open("wb") as handle:
        handle.truncate(50_000_000)  # sparse: no 50 MB written
    opened = []
    real_open = Path.open

    def spy(self, *args, **kwargs):
        opened.append(self)
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", spy)
    result = _one(file)
    assert isinstance(result, Skipped) and result.reason == "too_large"
    assert opened == []


def test_ingest_path_max_bytes_argument(tmp_path):
    file = tmp_path / "flood.txt"
    file.write_text(PAGE, encoding="utf-8")
    assert _one(file, max_bytes=50).reason == "too_large"


def test_ingest_path_jsonl_bad_line(tmp_path):
    good = {"title": "Floods cut off villages", "text": BODY, "published": "2023-08-03"}
    lines = [
        json.dumps(good),
        json.dumps({**good, "text": BODY.replace("three", "two")}),
        "",
        "",
        "",
        "",
        "{not json at all",
        json.dumps({**good, "text": BODY.replace("three", "five")}),
    ]
    file = tmp_path / "wire.jsonl"
    file.write_text("\n".join(lines) + "\n", encoding="utf-8")
    results = list(read_path(file))
    assert [type(r).__name__ for r in results] == ["Article", "Article", "Skipped", "Article"]
    bad = results[2]
    assert bad.reason == "invalid_json"
    assert bad.origin == f"{file}:7"
    assert bad.detail.startswith("line 7: Expecting")
    assert results[3].origin == f"{file}:8"


def test_ingest_path_json_list_and_record(tmp_path):
    record = {"title": "Floods cut off villages", "text": BODY, "published": "2023-08-03"}
    (tmp_path / "one.json").write_text(json.dumps(record), encoding="utf-8")
    (tmp_path / "many.json").write_text(
        json.dumps([record, {"title": "no text"}]), encoding="utf-8"
    )
    results = list(read_path(tmp_path))
    assert [(Path(r.origin).name, type(r).__name__) for r in results] == [
        ("many.json#1", "Article"),
        ("many.json#2", "Skipped"),
        ("one.json", "Article"),
    ]


def test_ingest_path_german_article(tmp_path):
    file = tmp_path / "de.txt"
    file.write_text(f"Hochwasser schneidet Dörfer ab\n\n{GERMAN}\n", encoding="utf-8")
    result = _one(file)
    assert isinstance(result, Skipped) and result.reason == "not_english"


def test_ingest_path_published_fills_only_missing_dates(tmp_path):
    (tmp_path / "dated.txt").write_text(PAGE, encoding="utf-8")
    (tmp_path / "undated.txt").write_text(f"Floods cut off villages\n\n{BODY}\n", encoding="utf-8")
    dated, undated = read_path(tmp_path, published="2023-09-01")
    assert dated.published == dt.date(2023, 8, 3)
    assert undated.published == dt.date(2023, 9, 1)


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read files without permission")
def test_ingest_path_unreadable(tmp_path):
    file = tmp_path / "locked.txt"
    file.write_text(PAGE, encoding="utf-8")
    file.chmod(0)
    try:
        result = _one(file)
    finally:
        file.chmod(0o644)
    assert isinstance(result, Skipped) and result.reason == "unreadable"


def test_ingest_path_fifo_is_unreadable(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    result = _one(fifo)  # must not block waiting for a writer
    assert isinstance(result, Skipped) and result.reason == "unreadable"
