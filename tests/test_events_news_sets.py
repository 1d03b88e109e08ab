"""CASE 2021 label groups and the VOA quote scoring of `flashpoint bench accuracy`."""

from __future__ import annotations

import pytest

from flashpoint.bench.news_sets import case_groups, macro_f1


def test_events_news_sets_case_groups_load_and_are_disjoint():
    groups = case_groups()
    assert set(groups) == {"no_conflict", "protest", "material_conflict"}
    names = [label for labels in groups.values() for label in labels]
    assert len(names) == len(set(names)), "a CASE label sits in two groups"
    assert all(name.isupper() for name in names)


def test_events_news_sets_case_groups_name_labels_of_the_set(shared_dir):
    from flashpoint.bench.news_sets import load_case

    path = shared_dir / "benchmarks" / "events"
    if not (path / "case2021_task2_dev.tsv").is_file():
        pytest.skip(f"CASE 2021 snippets not found in {path}")
    labels = {label for _, label in load_case(path)}
    for group, names in case_groups().items():
        assert names <= labels, f"{group} names labels absent from the set: {names - labels}"


def test_events_news_sets_macro_f1_counts_a_prediction_in_the_gold_set_as_right():
    items = [({"ACCUSE"}, "ACCUSE"), ({"AGREE", "CONCEDE"}, "CONCEDE"), ({"ASSAULT"}, "NONE")]
    score, per = macro_f1(items)
    assert per["ACCUSE"]["f1"] == 1.0
    assert per["CONCEDE"]["f1"] == 1.0
    assert per["AGREE"]["f1"] == 0.0  # gold, never predicted
    assert per["ASSAULT"]["f1"] == 0.0
    assert "NONE" not in per
    assert score == pytest.approx(0.5)


@pytest.mark.parametrize(("doc_id", "half"), [("abc", "A"), ("a", "B")])
def test_events_news_sets_voa_half_is_a_fixed_hash_of_the_document(doc_id, half):
    from flashpoint.bench.news_sets import voa_half

    # md5("abc") ends in 2 (even: A), md5("a") in 1 (odd: B): the split the notes report on
    # (half A read for misses, half B never) must not move when the code changes
    assert voa_half(doc_id) == half


def test_events_news_sets_voa_halves_split_the_quotes_by_document(shared_dir):
    from flashpoint.bench.news_sets import load_voa, load_voa_halves

    path = shared_dir / "benchmarks" / "events"
    if not (path / "ngec_voa_quotes_dev.jsonl").is_file():
        pytest.skip(f"VOA quotes not found in {path}")
    halves = load_voa_halves(path)
    assert set(halves) == set(load_voa(path))
    sizes = {h: sum(v == h for v in halves.values()) for h in ("A", "B")}
    assert min(sizes.values()) > 0.35 * len(halves), sizes  # two real halves, not one set
