"""The boilerplate table loads and is consistent."""

from __future__ import annotations

import pytest

from flashpoint.ingest.boilerplate import boilerplate_table
from flashpoint.ingest.clean import clean_page

LIST_KEYS = ("lines", "prefixes", "contains", "caption_prefixes", "statement_headers")


def test_ingest_data_boilerplate_table_loads():
    table = boilerplate_table()
    assert set(LIST_KEYS) <= set(table)
    assert isinstance(table["max_prefix_words"], int) and table["max_prefix_words"] > 0


@pytest.mark.parametrize("key", LIST_KEYS)
def test_ingest_data_boilerplate_entries_lowercase_unique(key):
    entries = boilerplate_table()[key]
    assert entries, key
    assert all(isinstance(e, str) and e == e.lower() and e == e.strip() and e for e in entries)
    assert len(entries) == len(set(entries)), key


def test_ingest_data_statement_headers_are_not_boilerplate():
    # A header must survive boilerplate removal, or its block would be glued to the body.
    boilerplate = set(boilerplate_table()["lines"])
    assert not boilerplate & set(boilerplate_table()["statement_headers"])


@pytest.mark.parametrize("line", boilerplate_table()["lines"])
def test_ingest_data_every_boilerplate_line_is_removed(line):
    body = "Officials said on Monday that the talks between the two governments would resume."
    page = clean_page(f"Talks to resume\n\n{line.capitalize()}\n\n{body}\n")
    assert page.text == body
