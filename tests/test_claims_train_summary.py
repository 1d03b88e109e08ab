"""The stage-2 training pairs: summary-style claims of news sentences, labelled by their edit."""

from __future__ import annotations

import re

from flashpoint.claims.train.sets import config
from flashpoint.claims.train.summary import compress, make_summary_pairs, render

ARTICLES = [
    ("Rebel fighters captured the airport outside the city on Tuesday after three days of fighting, "
     "a military spokesman said. Colonel Amadou Diallo told reporters that 40 soldiers had been killed. "
     "He promised that the army would retake the airport within a week. The government of Mali denied the report. "
     "Aid agencies said thousands of people had fled towards the border with Niger."),
    ("The parliament of Peru voted on Thursday to remove President Maria Lopez from office. "
     "Lawmakers approved the motion by 101 votes to 6 in the capital Lima. "
     "She was arrested hours later by police in Lima. Her lawyer, Carlos Vega, called the vote illegal. "
     "The United States said it was following events closely."),
]


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-z0-9]+", text.lower()))


def test_claims_stage2_config_replays_every_stage1_source():
    cfg = config()
    s2 = cfg["stage2"]
    assert set(s2["replay_caps"]) == set(cfg["caps"]) - {"synthetic_news"}
    assert s2["threads"] == 1 and s2["learning_rate"] < cfg["learning_rate"]


def test_claims_compress_keeps_a_clause_and_drops_the_attribution(nlp):
    import random

    sent = next(nlp(ARTICLES[0]).sents)
    drop = compress(sent, random.Random(0))
    text = render(sent, drop)
    assert "spokesman" not in text and "captured the airport" in text
    assert text[0].isupper() and text.endswith(".")


def test_claims_summary_pairs_are_labelled_by_their_edit(nlp):
    docs = [nlp(t) for t in ARTICLES]
    pairs = make_summary_pairs(docs, per_doc=5, seed=1)
    labels = {p["label"] for p in pairs}
    assert labels == {"entailment", "contradiction", "neutral"}
    for p in pairs:
        hyp, prem = _words(p["hypothesis"]), _words(p["premise"])
        if p["label"] == "entailment":
            # a compression of article text: every word is in its premise (the pronoun's
            # antecedent included, the premise then holding the sentence before)
            assert hyp <= prem, p
        else:
            assert p["hypothesis"] not in p["premise"], p
    # the pronoun of "He promised that the army would retake..." is named from the sentence before
    assert any(p["label"] == "entailment" and "Diallo" in p["hypothesis"] and "promised" in p["hypothesis"] for p in pairs)
