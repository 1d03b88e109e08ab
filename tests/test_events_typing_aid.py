"""Aid named by what is handed over (issue 12): food, rations, medicine and vaccines given,
donated or distributed are humanitarian aid (073); shipments, deliveries and donations of such
goods are aid, of weapons military aid (072), and shipments of anything else (oil, grain for
sale) name no event; conveying displeasure or concern is expressing it (110, 012). The rows
and their PETRARCH2 sources are in ``events/data/verb_patterns.tsv`` and
``noun_patterns.tsv``. Sentences written for these tests."""

from __future__ import annotations

import pytest

from flashpoint.events import code_doc


def _codes(nlp, text: str) -> list[str]:
    return [e.cameo for e in code_doc(nlp(text))]


@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        ("The Red Cross gave food rations to families in Mosul.", "073"),
        ("Qatar donated vaccines to Bangladesh.", "073"),
        ("Aid workers distributed medicine to refugees near the border.", "073"),
        ("The WHO announced new shipments of medical supplies for Sudan.", "073"),
        ("Canada paid for deliveries of food to Haiti.", "073"),
        ("Germany approved a shipment of missiles to Ukraine.", "072"),
    ],
)
def test_events_typing_aid_by_the_goods(nlp, text, cameo):
    assert cameo in _codes(nlp, text), (text, _codes(nlp, text))


@pytest.mark.parametrize(
    "text",
    [
        "Russia resumed oil shipments to Hungary.",
        "The company delayed deliveries of cars to Chile.",
    ],
)
def test_events_typing_trade_goods_are_no_aid(nlp, text):
    codes = _codes(nlp, text)
    assert not any(c.startswith("07") for c in codes), (text, codes)


@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        ("Japan conveyed its displeasure to the Chinese ambassador.", "110"),
        ("Seoul conveyed its concern to Tokyo.", "012"),
    ],
)
def test_events_typing_conveying_is_expressing(nlp, text, cameo):
    codes = _codes(nlp, text)
    assert codes and codes[0] == cameo, (text, codes)


@pytest.mark.parametrize(
    "text",
    [
        "The government is waiving interest on small-business loans until March.",
        "China forgave $2 billion of Zambia's debt.",
        "The IMF cancelled the debts of 25 poor countries.",
    ],
)
def test_events_typing_aid_waiving_what_is_owed_is_economic_aid(nlp, text):
    assert _codes(nlp, text)[:1] == ["071"], (text, _codes(nlp, text))


@pytest.mark.parametrize(
    "text",
    [
        "Pyongyang has shipped millions of artillery shells to Moscow, Seoul says.",
        "Tehran sold hundreds of attack drones to Russia last year.",
        "Washington approved the sale of 40 F-16 jets to Ankara.",
    ],
)
def test_events_typing_aid_arms_sold_or_shipped_are_military_aid(nlp, text):
    assert "072" in _codes(nlp, text), (text, _codes(nlp, text))


@pytest.mark.parametrize("text", ["The company sold shares to investors.", "The firm shipped grain to Egypt."])
def test_events_typing_aid_other_goods_sold_name_no_aid(nlp, text):
    assert not [c for c in _codes(nlp, text) if c.startswith("07")], (text, _codes(nlp, text))
