"""SummaC-style aggregation: each claim read against several candidate premises, the best kept."""

from __future__ import annotations

from flashpoint.claims.evidence import WINDOW_SIZES, WINDOWS, candidate_windows
from flashpoint.claims.judge import aggregate, best_window, judgements

SENTENCES = [
    "Heavy rain fell over the capital on Monday.",
    "Rebels attacked an army base near Goma.",
    "The attack killed twelve soldiers.",
    "Rebels attacked an army base near Goma.",  # a repeated caption
    "Talks are due to resume in Nairobi next week.",
]


def test_candidate_windows_are_adjacent_sentences_best_first_and_distinct():
    windows = candidate_windows(SENTENCES, "Rebels killed twelve soldiers in an attack on a base near Goma.")
    assert 1 <= len(windows) <= WINDOWS
    assert all(len(w) in WINDOW_SIZES and list(w) == list(range(w[0], w[0] + len(w))) for w in windows)
    # The pair that holds both the attack and its toll beats either sentence alone.
    assert windows[0] == (1, 2)
    texts = [" ".join(SENTENCES[i] for i in w) for w in windows]
    assert len(set(texts)) == len(texts)


def test_candidate_windows_fall_back_to_the_first_sentence():
    assert candidate_windows(SENTENCES, "Zzz qqq.") == [(0,)]
    assert candidate_windows([], "Rebels attacked.") == []


def test_best_window_keeps_the_most_entailing_premise_and_the_least_contradiction():
    pos, (e, n, c) = best_window([(0.2, 0.3, 0.5), (0.9, 0.05, 0.05), (0.1, 0.1, 0.8)])
    assert pos == 1 and e == 0.9 and n == 0.05
    assert c == 0.05  # one premise that supports the claim means it is not contradicted


def test_aggregate_is_the_weakest_claim_and_the_most_contradicted_claim():
    claims = [[(0.9, 0.05, 0.05), (0.2, 0.2, 0.6)], [(0.3, 0.1, 0.6), (0.4, 0.1, 0.5)]]
    assert aggregate(claims) == (0.4, 0.5)
    assert aggregate([]) == (0.0, 0.0)


def test_judgements_read_the_flat_model_scores_back_per_claim():
    plans = [[("Claim one.", (((0,), "P0", "Claim one."), ((1, 2), "P1 P2", "Claim one."))), ("Claim two.", (((3,), "P3", "Claim two."),))], []]
    probs = [(0.1, 0.2, 0.7), (0.8, 0.1, 0.1), (0.3, 0.3, 0.4)]
    first, empty = judgements(plans, probs)
    assert first.units[0].evidence == (1, 2) and first.units[0].entailment == 0.8
    assert first.units[0].contradiction == 0.1
    assert first.entailment == 0.3 and first.weakest.text == "Claim two."
    assert (first.entailment, first.contradiction) == aggregate([[probs[0], probs[1]], [probs[2]]])
    assert empty.entailment == 0.0


def test_candidates_after_a_sure_entailment_are_not_read():
    from flashpoint.claims.judge import SURE_ENTAILMENT

    sure = (SURE_ENTAILMENT, 0.05, 0.0)
    pos, (e, _, c) = best_window([(0.3, 0.1, 0.6), sure, (0.99, 0.0, 0.01)])
    assert pos == 1 and e == SURE_ENTAILMENT and c == 0.0


def test_judge_many_scores_claims_like_the_cached_benchmark_path(nlp):
    """The checker (lazy, stops at a sure entailment) and the benchmark (scores every candidate,
    then ``aggregate``) give a statement the same two probabilities."""
    from flashpoint.claims.judge import judge_many, model_pairs, plan_many
    from flashpoint.claims.model import probabilities

    docs = [nlp("Rebels attacked an army base near Goma, killing twelve soldiers."), nlp("Talks resumed in Paris.")]
    lazy = judge_many(SENTENCES, docs)
    plans = plan_many(SENTENCES, docs)
    probs = probabilities(model_pairs(plans))
    k = 0
    for plan, judged in zip(plans, lazy):
        claims = []
        for _, windows in plan:
            claims.append([tuple(float(x) for x in probs[k + j]) for j in range(len(windows))])
            k += len(windows)
        assert aggregate(claims) == (judged.entailment, judged.contradiction)


def test_premises_read_the_headline_first(nlp):
    """A headline names the event statements refer to ("after the collision"); it is read
    before each premise, once, and never when the article has none."""
    from flashpoint.claims.judge import judge_many, premise_text

    sentences = ["Japan accused China of ramming a coast guard vessel.", "Tokyo summoned the Chinese ambassador."]
    assert premise_text(sentences, (1,)) == sentences[1]
    assert premise_text(sentences, (1,), "Navy ships collide") == "Navy ships collide. " + sentences[1]
    assert premise_text(sentences, (1,), "Ships collide?") == "Ships collide? " + sentences[1]
    assert premise_text(sentences, (0, 1), "Japan accused China") == " ".join(sentences)
    doc = nlp("Japan summoned the Chinese ambassador after the collision.")
    bare = judge_many(sentences, [doc])[0].entailment
    headed = judge_many(sentences, [doc], title="Navy ships collide near disputed islands")[0].entailment
    assert headed > bare
