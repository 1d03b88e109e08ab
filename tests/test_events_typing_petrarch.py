"""PETRARCH2's verb dictionary read for verb -> CAMEO roots, and the class model's use of them."""

from __future__ import annotations

import pytest

from flashpoint.events import classifier, petrarch, tables

SNIPPET = """\
&TREATY
+TREATY
+PACT

####### VERB PATTERNS #######

--- ABANDON [080] ---
ABANDON
- * &CEASEFIRE [196]  # ABANDON
- * HEADQUARTERS [0874] # ABANDON <ab 10 Jul 2003>

--- EXPLAIN_VERBAL [010]  ---
SAY  {SAYS SAID SAYING}
COMMUNICATE [040]
SNUB [111] {SNUBS SNUBBING SNUBBED}
OVERTHROW  {OVERTHROWS OVERTHREW };oy 29 Nov 2005
+CLEAR_UP

--- LOCK [---] ---
LOCK
"""


def test_events_typing_petrarch_reads_verbs_and_the_root_of_their_code():
    roots = petrarch.verb_roots(SNIPPET)
    assert roots == {
        "abandon": ["08"],  # the block's code; its patterns ("- ...") are not read
        "say": ["01"],
        "communicate": ["04"],  # a verb's own code overrides its block's
        "snub": ["11"],  # own code before the irregular forms
        "overthrow": ["01"],  # a ';' comment after the forms
    }  # no category name (EXPLAIN_VERBAL), multi-word verb, synonym set or code-less block


@pytest.mark.shared
def test_events_typing_petrarch_dictionary_gives_the_roots_of_common_verbs(shared_dir):
    roots, source = petrarch.read_verb_roots(shared_dir / "lexicons" / "petrarch2")
    assert len(roots) > 1000
    assert {roots["attack"][0], roots["lambaste"][0], roots["donate"][0]} == {"19", "11", "07"}
    assert set(tables.cameo_roots()) >= {r for rs in roots.values() for r in rs}
    assert "MIT" in source and petrarch.VERB_FILE in source


def test_events_typing_features_add_the_roots_of_verbs_and_nouns(nlp):
    sent = next(nlp("The army shelled the town after the attack.").sents)
    plain = classifier.features(sent).split()
    rooted = classifier.features(sent, {"shell": ["19"], "attack": ["18", "19"], "town": []}).split()
    assert rooted[: len(plain)] == plain
    assert rooted[len(plain) :] == ["P_19", "P_18", "P_19"]  # shelled (verb), attack (noun)


def test_events_typing_shipped_model_carries_the_roots_it_was_trained_with():
    model = classifier.load_model()
    if model is None:
        pytest.skip("no classifier.json shipped (run python -m flashpoint.events.train)")
    roots = model["verb_roots"]
    assert len(roots) > 1000 and "PETRARCH2" in model["verb_roots_source"]
    assert set(tables.cameo_roots()) >= {r for rs in roots.values() for r in rs}
    assert any(gram.startswith("p_") for gram in model["weights"])  # the vectoriser lower-cases
