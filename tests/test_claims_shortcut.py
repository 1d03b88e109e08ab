"""The checker's exact shortcut (``claims.judge.read_claims``): a claim stops reading its
candidates once it can be neither the statement's weakest claim nor its most contradicted one.
Whatever the model's probabilities, the statement's judgement (P(entailment), P(contradiction),
the weakest claim and its evidence, the most contradicted claim and its evidence: all that
``verdict.decide`` reads) must be the one reading every candidate gives."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from flashpoint.claims.judge import (
    SURE_ENTAILMENT,
    Judgement,
    Plan,
    Probs,
    _judgement,
    read_claims,
    reading_order,
)

# Few distinct values, so ties between claims and candidates are common.
_P = st.sampled_from([0.0, 0.05, 0.1, 0.3, 0.5, round(SURE_ENTAILMENT - 0.01, 2), SURE_ENTAILMENT, 0.95])
_PROBS = st.tuples(_P, _P, _P)
_CLAIMS = st.lists(st.lists(_PROBS, min_size=0, max_size=4), min_size=1, max_size=4)


def _plan(scores: list[list[Probs]]) -> Plan:
    """A statement whose claim ``i`` has one candidate window ``(10 * i + j,)`` per score."""
    return [
        (f"Claim {i}.", tuple(((10 * i + j,), f"premise {i}.{j}", f"Claim {i}.") for j in range(len(claim))))
        for i, claim in enumerate(scores)
    ]


def _lazy(scores: list[list[Probs]]) -> tuple[Judgement, int]:
    """The judgement the checker makes, and how many candidates it scored."""
    plan = _plan(scores)
    by_pair = {(premise, reading): scores[i][j] for i, (_, cands) in enumerate(plan)
               for j, (_, premise, reading) in enumerate(cands)}
    calls: list[tuple[str, str]] = []

    def score(pair: tuple[str, str]) -> Probs:
        calls.append(pair)
        return by_pair[pair]

    read = read_claims([[(p, r) for _, p, r in cands] for _, cands in plan], score)
    for claim, got in zip(scores, read):
        assert got == claim[: len(got)]  # a prefix of the claim's candidates, in order
    return _judgement(plan, read), len(calls)


def _reported(j: Judgement) -> tuple[object, ...]:
    """What ``verdict.decide`` reads of a judgement."""
    con = max(j.units, key=lambda u: u.contradiction)
    return (j.entailment, j.contradiction, j.weakest.text, j.weakest.evidence, j.weakest.neutral,
            con.text, con.evidence)


@settings(max_examples=400, deadline=None)
@given(_CLAIMS)
def test_read_claims_reports_what_reading_every_candidate_reports(scores):
    lazy, _ = _lazy(scores)
    full = _judgement(_plan(scores), scores)
    assert _reported(lazy) == _reported(full)


@pytest.mark.parametrize(
    ("scores", "calls"),
    [
        # claim 1 reads a candidate more entailing (0.5 >= 0.3) and less contradicting
        # (0.1 < 0.6) than claim 0: it can change nothing, its other two are not scored
        ([[(0.3, 0.1, 0.6), (0.2, 0.2, 0.6)], [(0.5, 0.4, 0.1), (0.7, 0.2, 0.1), (0.1, 0.1, 0.8)]], 3),
        # claim 1's first candidate is more entailing but as contradicting: it might still be the
        # most contradicted claim, so it reads on (the shortcut does not fire)
        ([[(0.3, 0.1, 0.6)], [(0.5, 0.0, 0.6), (0.1, 0.1, 0.8)]], 3),
        # less entailing than claim 0's best: it might be the weakest, so it reads on
        ([[(0.6, 0.3, 0.1)], [(0.2, 0.7, 0.05), (0.1, 0.1, 0.8)]], 3),
        # one claim: read until the sure entailment, as before
        ([[(0.1, 0.1, 0.8), (SURE_ENTAILMENT, 0.1, 0.1), (0.99, 0.0, 0.01)]], 2),
    ],
)
def test_read_claims_stops_only_when_the_rest_cannot_matter(scores, calls):
    lazy, n = _lazy(scores)
    assert n == calls
    assert _reported(lazy) == _reported(_judgement(_plan(scores), scores))


def test_judge_many_reads_the_shortcut_on_a_parsed_statement(nlp):
    """On the real checker path (parsed claims, the shipped model), the statement's judgement
    equals reading every candidate of every claim."""
    from flashpoint.claims.judge import claim_pairs, judge_many, judgements, model_pairs, plan_many
    from flashpoint.claims.model import probabilities

    sentences = [
        "Rebels attacked an army base near Goma on Monday, killing twelve soldiers.",
        "The army said it had repelled the attack and recaptured two villages.",
        "Talks between the government and the rebels resumed in Nairobi on Tuesday.",
        "Aid agencies said thousands of people had fled the fighting.",
    ]
    docs = [nlp("Rebels attacked an army base near Goma and the army recaptured two villages, "
                "while talks resumed in Nairobi.")]
    plans = plan_many(sentences, docs)
    assert len(claim_pairs(plans[0])) > 1
    lazy = judge_many(sentences, docs)
    full = judgements(plans, probabilities(model_pairs(plans)))
    assert [_reported(j) for j in lazy] == [_reported(j) for j in full]


@pytest.mark.parametrize(
    ("windows", "order"),
    [
        ([(1, 2), (3,), (0, 1), (4,)], [(3,), (4,), (1, 2), (0, 1)]),
        ([(2,), (5, 6)], [(2,), (5, 6)]),
        ([(0,)], [(0,)]),
    ],
)
def test_reading_order_puts_single_sentences_first_each_kind_in_retrieval_order(windows, order):
    assert reading_order(windows) == order


def test_plan_many_reads_the_retrieved_windows_single_sentences_first(nlp):
    """Retrieval still chooses which windows a claim is read against; only the order changes,
    so that a sure entailment in one sentence spares the model run of the longer pair."""
    from flashpoint.claims.evidence import candidate_windows
    from flashpoint.claims.judge import plan_many

    sentences = [
        "Heavy rain fell over the capital on Monday.",
        "Rebels attacked an army base near Goma.",
        "The attack killed twelve soldiers.",
        "Talks are due to resume in Nairobi next week.",
    ]
    claim = "Rebels killed twelve soldiers in an attack on a base near Goma."
    retrieved = candidate_windows(sentences, claim)
    assert retrieved[0] == (1, 2)  # the pair holding both the attack and its toll ranks first
    [[(_, cands)]] = plan_many(sentences, [nlp(claim)])
    read = [window for window, _, _ in cands]
    assert sorted(read) == sorted(retrieved)
    assert read == reading_order(retrieved) and len(read[0]) == 1
