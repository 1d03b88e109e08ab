"""The speed bench: what it counts, and the arithmetic of its ratios."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from flashpoint.bench.speed import SpeedReport, measure
from flashpoint.claims.model import load as load_statement_model


@pytest.mark.parametrize(
    ("wall", "cpu", "ratio", "cpu_ratio", "bodies_ratio", "bodies_cpu_ratio"),
    [((2.0, 4.0, 1.0), (1.5, 2.0, 1.2), 0.5, 0.75, 0.25, 0.6)],
)
def test_bench_speed_ratios_are_spacy_time_over_flashpoint_time(
    wall, cpu, ratio, cpu_ratio, bodies_ratio, bodies_cpu_ratio
):
    report = SpeedReport(
        articles=2, words=100, statements=1, spacy_seconds=wall[0], flashpoint_seconds=wall[1],
        repeat=2, first_pass_seconds=5.0, spacy_cpu_seconds=cpu[0], flashpoint_cpu_seconds=cpu[1],
        parse_cpu_seconds=1.0, code_cpu_seconds=0.5, check_cpu_seconds=0.4,
        parsed_texts=4, bodies_seconds=wall[2], bodies_cpu_seconds=cpu[2],
    )
    assert report.ratio == pytest.approx(ratio)
    assert report.cpu_ratio == pytest.approx(cpu_ratio)
    assert report.bodies_ratio == pytest.approx(bodies_ratio)
    assert report.bodies_cpu_ratio == pytest.approx(bodies_cpu_ratio)
    assert report.ms_per_article == pytest.approx(1000 * wall[1] / 4)
    assert report.to_dict()["cpu_ratio_to_spacy"] == cpu_ratio
    assert report.to_dict()["cpu_ratio_to_spacy_bodies"] == bodies_cpu_ratio


@pytest.mark.parametrize("repeat", [1])
def test_bench_speed_measures_every_article_of_the_corpus(tmp_path: Path, repeat: int):
    (tmp_path / "a.txt").write_text(
        "North Korea fired two ballistic missiles on Tuesday, South Korea's military said.\n\n"
        "Read also: North Korea fired missiles.\n", encoding="utf-8",
    )
    (tmp_path / "b.txt").write_text("Protesters marched in Seoul on Monday.\n", encoding="utf-8")
    memo = load_statement_model().memo
    memo[("a premise from before", "a claim")] = np.zeros(3, dtype=np.float32)
    report = measure(tmp_path, repeat=repeat)
    # every pass reads the statements as new: pairs scored before are forgotten
    assert ("a premise from before", "a claim") not in memo
    assert (report.articles, report.statements, report.repeat) == (2, 1, repeat)
    assert report.words == 12 + 6
    # plain spaCy reads what analyze parses: two bodies and a statement (a .txt page has no
    # title here, so none is parsed)
    assert report.parsed_texts == 3
    # the statement model read the one statement's claim in each timed pass
    assert report.model_runs >= repeat
    # the times themselves are the bench's to print (`flashpoint bench speed`), never a test's
    # to assert: on a loaded machine or a coarse clock any bound on them is a coin toss


@pytest.mark.parametrize("repeat", [1])
def test_bench_speed_refuses_a_corpus_without_articles(tmp_path: Path, repeat: int):
    with pytest.raises(ValueError, match="no articles"):
        measure(tmp_path, repeat=repeat)


def test_bench_speed_ceiling_is_spacy_as_shipped_without_our_components(nlp):
    """The ceiling's pipeline has none of Flashpoint's components: one of ours counted on the
    ceiling's side would hide its cost (an attribute-ruler lemma fix once cost 17% of the
    parse on both sides at once)."""
    from flashpoint.nlp import plain_pipeline

    ours = set(nlp.pipe_names) - set(plain_pipeline().pipe_names)
    assert ours, nlp.pipe_names  # the pipeline does add components of its own
    assert not any(name.startswith("flashpoint") for name in plain_pipeline().pipe_names)
