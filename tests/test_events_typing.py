"""Event typing where the rules are unsure: the model's policy and the CAMEO -> PLOVER table.

The class model may give a sentence an event that no word of it evidences (the root verb with its
class's general code); that needs the ``invent`` probability that ``events/train.py`` chose by
cross-validation. These tests pin the decision and the evidence written beside it.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from flashpoint.events import classifier, tables
from flashpoint.events.found import Found

PLOVER_TYPES = {
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
}  # fmt: skip


def _model() -> dict[str, Any]:
    model = classifier.load_model()
    if model is None:
        pytest.skip("no classifier.json shipped (run python -m flashpoint.events.train)")
    return model


def test_events_typing_policy_is_the_one_its_evidence_chose():
    model = _model()
    policy, evidence = model["policy"], model["policy_evidence"]
    assert set(policy) == {"fill", "invent"}
    assert 0.5 <= policy["fill"] <= policy["invent"] <= 1.0
    curve = {float(t): v for t, v in evidence["out_of_fold_precision_and_count"].items()}
    target = evidence["rules_precision"]
    reached = [t for t, (precision, n) in sorted(curve.items()) if n and precision >= target]
    assert policy["invent"] == (reached[0] if reached else 1.0)
    assert "cross-validation" in model["about"]


def test_events_typing_choose_invent_takes_the_lowest_threshold_that_is_precise_enough():
    from flashpoint.events.train import choose_invent

    probabilities = np.array(
        [[0.1, 0.52, 0.1, 0.14, 0.14], [0.1, 0.1, 0.56, 0.12, 0.12], [0.05, 0.05, 0.05, 0.05, 0.8]]
    )
    labels = [3, 2, 4]  # wrong at 0.52, right at 0.56 and 0.8
    invent, curve = choose_invent(probabilities, labels, target=0.9)
    assert invent == 0.55
    assert curve["0.50"] == [round(2 / 3, 4), 3]
    assert curve["0.55"] == [1.0, 2]
    never, _ = choose_invent(probabilities, [0, 0, 0], target=0.9)
    assert never == 1.0


def _adjust(sent: Any, guess: tuple[int, float], monkeypatch: Any) -> list[Any]:
    monkeypatch.setattr(classifier, "predict", lambda _sent: guess)
    return classifier.adjust(
        sent, [], analyze=lambda root, code: Found(code, root), weak_trigger=lambda s, k: None
    )


def test_events_typing_no_event_rests_on_an_unsure_model(nlp, monkeypatch):
    invent = _model()["policy"]["invent"]
    if invent > 0.99:
        pytest.skip("the shipped policy never invents an event")
    sent = next(nlp("Authorities closed the shops in the old city.").sents)
    assert _adjust(sent, (4, invent - 0.01), monkeypatch) == []
    made = _adjust(sent, (4, min(1.0, invent + 0.01)), monkeypatch)
    assert [(f.code, f.trigger.lemma_) for f in made] == [(classifier.CLASS_DEFAULT[4], "close")]


def test_events_typing_a_word_of_the_class_needs_only_the_fill_probability(nlp, monkeypatch):
    policy = _model()["policy"]
    sent = next(nlp("Authorities closed the shops in the old city.").sents)
    word = Found("172", sent.root)
    monkeypatch.setattr(classifier, "predict", lambda _sent: (4, policy["fill"]))
    made = classifier.adjust(sent, [], analyze=None, weak_trigger=lambda s, k: word)
    assert made == [word]
    monkeypatch.setattr(classifier, "predict", lambda _sent: (4, policy["fill"] - 0.01))
    assert classifier.adjust(sent, [], analyze=None, weak_trigger=lambda s, k: word) == []


def test_events_typing_plover_table_types_are_plover_types():
    types = {p for p in tables.plover_table().values() if p}
    assert types <= PLOVER_TYPES


@pytest.mark.parametrize(
    ("code", "plover"),
    [
        ("163", "SANCTION"),  # imposing sanctions: PLOVER's gold records, not the 2021 table
        ("161", "SANCTION"),
        ("172", "SANCTION"),  # administrative sanctions: a ban, a fine, a suspended licence
        ("1721", "COERCE"),  # what a state does to people in its reach stays COERCE
        ("1722", "COERCE"),
        ("173", "COERCE"),
        ("116", "ACCUSE"),
        ("081", "CONCEDE"),
        ("0813", "CONCEDE"),  # easing a curfew: PLOVER's gold records, not the 2021 table
        ("0814", "CONCEDE"),  # easing a state of emergency or martial law
        ("0841", "RETREAT"),  # releasing people stays RETREAT
    ],
)
def test_events_typing_cameo_to_plover(code, plover):
    assert tables.plover_of(code) == plover
    assert tables.info(code).plover == plover


def test_events_typing_model_defaults_are_the_general_code_of_their_class():
    assert {k: tables.info(c).class5 for k, c in classifier.CLASS_DEFAULT.items()} == {
        1: 1,
        2: 2,
        3: 3,
        4: 4,
    }
    assert tables.info(classifier.CLASS_DEFAULT[3]).plover == "ACCUSE"  # disapproval, not REJECT


@pytest.mark.parametrize(
    ("text", "cameo", "plover"),
    [
        ("The government outlawed the largest extremist organization.", "1722", "COERCE"),
        ("The government banned the opposition party.", "1722", "COERCE"),
        (
            "The finance ministry banned British lenders from trading with the shipping firm.",
            "172",
            "SANCTION",
        ),
        ("Washington imposed sanctions on Iran.", "163", "SANCTION"),
    ],
)
def test_events_typing_bans_and_sanctions(nlp, text, cameo, plover):
    from flashpoint.events import code_doc

    events = code_doc(nlp(text))
    assert events, text
    assert (events[0].cameo, events[0].plover) == (cameo, plover)


@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        ("The finance minister offered his views on the crisis at the summit.", "010"),
        ("The envoy gave a briefing to reporters in Geneva.", "010"),
        ("Iran offered help to Turkey after the earthquake.", "033"),  # an offer of aid stays one
        ("Customs officers seized twelve trucks loaded with fuel.", "171"),
        ("Several vehicles belonging to the aid group have been seized.", "171"),
        ("Rebels seized the town of Bunia.", "192"),  # a town seized is territory, not property
    ],
)
def test_events_typing_offering_words_and_seizing_things(nlp, text, cameo):
    from flashpoint.events import code_doc

    events = code_doc(nlp(text))
    assert events and events[0].cameo == cameo, (text, [e.cameo for e in events])


@pytest.mark.parametrize(
    ("text", "cameo", "plover"),
    [
        ("The king gave a lavish reception to the visiting Japanese premier.", "043", "CONSULT"),
        (
            "Pakistan is sharing nuclear expertise with Saudi Arabia, the report said.",
            "060",
            "COOPERATE",
        ),
        ("The governor relaxed the curfew in the northern districts.", "0813", "CONCEDE"),
        # (when the parser hangs "against" on the object instead, as in "launched rockets against
        # army posts", no verb pattern sees it: preps are read on the verb only)
        ("Hezbollah launched rockets against northern Israel on Sunday.", "195", "ASSAULT"),
        ("Government troops launched mortar fire against rebel positions.", "190", "ASSAULT"),
        ("North Korea launched two ballistic missiles into the sea.", "150", "MOBILIZE"),  # a test
    ],
)
def test_events_typing_welcomes_shared_know_how_curfews_and_fire(nlp, text, cameo, plover):
    from flashpoint.events import code_doc

    events = code_doc(nlp(text))
    assert events, text
    assert (events[0].cameo, events[0].plover) == (cameo, plover), text


def _statement_adjust(nlp: Any, guess: tuple[int, float], monkeypatch: Any) -> list[Any]:
    sent = next(nlp("The group says the agency improperly approved the drilling projects.").sents)
    speaker = next(t for t in sent if t.lower_ == "group")
    statement = Found("010", sent.root, source=speaker)
    monkeypatch.setattr(classifier, "predict", lambda _sent: guess)
    return classifier.adjust(sent, [statement], analyze=None, weak_trigger=lambda s, k: None)


def test_events_typing_a_statement_read_as_verbal_conflict_is_the_speakers_disapproval(
    nlp, monkeypatch
):
    fill = _model()["policy"]["fill"]
    made = _statement_adjust(nlp, (3, fill), monkeypatch)
    assert [(f.code, f.source.lower_, f.trigger.lemma_) for f in made] == [("110", "group", "say")]
    # below the fill probability the rules' statement stands
    assert [f.code for f in _statement_adjust(nlp, (3, fill - 0.01), monkeypatch)] == ["010"]


@pytest.mark.parametrize("klass", [1, 2, 4])
def test_events_typing_a_speaker_is_never_made_the_doer_of_another_class(nlp, monkeypatch, klass):
    # "X says ..." read as force or aid: the speaker did not attack or give; the statement stays
    assert [f.code for f in _statement_adjust(nlp, (klass, 0.99), monkeypatch)] == ["010"]


@pytest.mark.parametrize(
    "text",
    [
        "NATO said it would tighten the blockade of the port with Albania's help.",
        "Officials said the army retook the city with the support of American air strikes.",
    ],
)
def test_events_typing_an_adjunct_of_accompaniment_is_never_promoted(nlp, monkeypatch, text):
    sent = next(nlp(text).sents)
    helper = next(t for t in sent if t.lemma_ in ("help", "support"))
    statement = Found("010", sent.root, source=sent[0])
    monkeypatch.setattr(classifier, "predict", lambda _sent: (2, 0.9))
    made = classifier.adjust(
        sent, [statement], analyze=None, weak_trigger=lambda s, k: Found("070", helper)
    )
    assert made == [statement]


@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        ("Erdogan called the Israeli prime minister a terrorist.", "111"),
        ("The foreign minister called the president a puppet of Washington.", "111"),
        ("The Brazilian president has called Argentina's leader irresponsible.", "111"),
        ("The Brazilian president has called Argentina's leader dishonest.", "111"),
        ("The opposition leader called the prime minister a liar.", "111"),
        ("The foreign minister called his counterpart a warmonger.", "111"),
        ("Macron called the German chancellor a friend.", "051"),
        ("Biden called his French counterpart on Tuesday.", "041"),  # no naming word: a call
    ],
)
def test_events_typing_calling_a_leader_a_name_is_naming_not_phoning(nlp, text, cameo):
    from flashpoint.events import code_doc

    events = code_doc(nlp(text))
    assert events and events[0].cameo == cameo, (text, [e.cameo for e in events])


@pytest.mark.parametrize(
    ("text", "cameo", "source", "target"),
    [
        ("Kyiv said Moscow was involved in the attack.", "112", "UKR", "RUS"),
        ("French prosecutors say a Syrian colonel was involved in the murder.", "112", "FRA", "SYR"),
    ],
)
def test_events_typing_said_to_be_involved_in_a_crime_is_an_accusation(
    nlp, text, cameo, source, target
):
    from flashpoint.events import code_doc

    events = code_doc(nlp(text))
    assert events and events[0].cameo == cameo, (text, [e.cameo for e in events])
    assert (events[0].source.country, events[0].target.country) == (source, target)


@pytest.mark.parametrize(
    "text",
    [
        "Two soldiers were involved in the fighting near the border.",  # taking part: the act
        "The minister was involved in the talks.",  # no crime named
        "A bus was involved in the crash.",
    ],
)
def test_events_typing_involvement_in_no_crime_accuses_no_one(nlp, text):
    from flashpoint.events import code_doc

    assert all(e.cameo != "112" for e in code_doc(nlp(text))), text


@pytest.mark.parametrize(
    ("text", "cameo", "plover"),
    [
        ("A Tehran court sentenced two French citizens to death.", "172", "SANCTION"),
        ("The judge sentenced the former mayor to nine years in prison.", "172", "SANCTION"),
        ("A military court found the colonel guilty of desertion.", "116", "ACCUSE"),
        ("Moscow warned Warsaw of retaliation.", "138", "THREATEN"),
        ("Beijing warned of countermeasures if the visit goes ahead.", "138", "THREATEN"),
        ("The rebels broke the cease-fire on Sunday.", "196", "ASSAULT"),
        ("The junta declared a unilateral cease-fire.", "0871", "RETREAT"),
        ("Britain sent 200 paratroopers to Kabul.", "154", "MOBILIZE"),
        ("Washington dispatched two destroyers to the Red Sea.", "154", "MOBILIZE"),
    ],
)
def test_events_typing_sentences_warnings_hyphenated_acts_and_forces_sent(nlp, text, cameo, plover):
    from flashpoint.events import code_doc

    events = code_doc(nlp(text))
    assert events and (events[0].cameo, events[0].plover) == (cameo, plover), (
        text,
        [e.cameo for e in events],
    )


@pytest.mark.parametrize(
    "text",
    [
        "Economists warned of disastrous consequences for the budget.",  # no force of one's own
        "He was sitting in the car when the police came.",
    ],
)
def test_events_typing_warnings_and_words_that_threaten_nothing(nlp, text):
    from flashpoint.events import code_doc

    assert all(e.cameo[:2] not in ("13", "14") for e in code_doc(nlp(text))), text
