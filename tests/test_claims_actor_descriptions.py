"""How a summary names an actor otherwise than the article: the person its second sentence names,
the title it gives a named person (whose title it is), a description against a longer name that
holds a synonym."""

from __future__ import annotations

import pytest

from flashpoint.claims.compare import compare
from flashpoint.claims.index import build_index

_MATCH = ("United were held to a draw at home. Striker Paulo Ramos saw his header saved by the Rovers keeper in "
          "the second half. Rovers keeper Niall Barrett was named man of the match after a string of saves.")


def _findings(nlp, article: str, statement: str) -> list[tuple[str, str, str]]:
    comparison = compare(build_index(nlp(article)), nlp(statement))
    return [(f.kind, f.article_says, f.statement_says) for f in comparison.findings]


def test_claims_an_actor_another_window_sentence_names_is_not_missing(nlp):
    """The best sentence names the striker; the next one names the keeper the statement names."""
    found = _findings(nlp, _MATCH, "Rovers keeper Niall Barrett saved a header in the second half.")
    assert not [f for f in found if f[0] == "actor"], found


def test_claims_a_named_person_against_the_title_the_statement_gives_him(nlp):
    """"the Rovers keeper saved" is the role "Rovers keeper Niall Barrett" has: no other agent."""
    found = _findings(nlp, _MATCH, "Rovers keeper Niall Barrett saved a header in the second half.")
    assert not [f for f in found if f[0] in ("role", "substitute")], found


def test_claims_a_title_of_a_person_the_sentence_names_is_his(nlp):
    """"Spokesman Tomas Varga said the Russian drone had struck": the spokesman is not Russia's."""
    article = ("A drone hit a fuel depot in Odesa overnight, Ukraine's navy said. Spokesman Tomas Varga said the "
               "Russian drone had struck the depot at about 3 a.m. and no one was hurt. Firefighters put out the "
               "blaze by morning. The port was closed for several hours. Ships waiting to load grain were moved "
               "offshore. Local officials said the port would reopen on Tuesday.")
    found = _findings(nlp, article, "Ukrainian spokesman Tomas Varga said the depot was struck at about 3 a.m.")
    assert not [f for f in found if f[0] in ("actor", "substitute") and f[1].startswith("spokesman of")], found


_PMF = ("The Popular Mobilization Forces attacked a checkpoint near Tikrit on Sunday, killing four policemen, "
        "officials said. The army said it had sent reinforcements to the area.")


def test_claims_a_description_meets_no_synonym_inside_another_name(nlp):
    """"The army attacked" where the article's attacker is "The Popular Mobilization Forces": "Forces"
    is a word of that name, not the army."""
    found = _findings(nlp, _PMF, "The army attacked a checkpoint near Tikrit, killing four policemen.")
    assert any(f[0] == "role" and "Popular Mobilization Forces" in f[1] for f in found), found


def test_claims_a_description_still_meets_its_own_word_in_a_name(nlp):
    found = _findings(nlp, _PMF, "The forces attacked a checkpoint near Tikrit, killing four policemen.")
    assert not [f for f in found if f[0] in ("role", "substitute")], found


_ARTILLERY = ("Fighting spread to the north of the country on Friday. Azerbaijan said its artillery shelled "
              "positions near the border village of Sotk, and Armenia said two of its soldiers were wounded.")


def test_claims_a_possessive_pronoun_owner_is_read(nlp):
    """"Azerbaijan said its artillery shelled": the artillery is Azerbaijan's, not Armenia's."""
    from flashpoint.claims import check_text

    wrong = check_text(_ARTILLERY, "Armenia's artillery shelled positions near the border village of Sotk.")
    assert wrong.verdict == "contradicted" and "Azerbaijan" in wrong.reason, wrong
    for same in ("Azerbaijan's artillery shelled positions near the border village of Sotk.",
                 "Baku's artillery shelled positions near Sotk."):
        assert check_text(_ARTILLERY, same).verdict == "supported", same



def test_claims_a_possessive_owner_counts_only_in_the_report_of_the_act(nlp):
    """"Beijing said its vessels had taken measures" owns the Chinese vessels, not the Philippine
    one a Chinese ship rammed, which another sentence reports: no other owner of that vessel."""
    article = ("A Chinese coast guard ship rammed a Philippine supply boat near Sabina Shoal on Monday, officials "
               "in Manila said.\n\nBeijing said its vessels had taken \"necessary measures\" against ships that "
               "entered Chinese waters.")
    found = _findings(nlp, article, "China's coast guard rammed a Philippine resupply vessel near Sabina Shoal.")
    assert not [f for f in found if f[0] in ("actor", "substitute")], found
    # the sentence reporting the act still reads the owner: the artillery is Azerbaijan's
    found = _findings(nlp, _ARTILLERY, "Armenia's artillery shelled positions near the border village of Sotk.")
    assert [f for f in found if f[0] in ("actor", "substitute")], found


def test_claims_a_region_is_no_owner(nlp):
    """"its European division" is the division in Europe: "Europe" owns nothing there, and the
    country a name puts before the noun against a described owner ("the carmaker said its German
    division") says where."""
    article = ("Shares of the carmaker fell on Monday. The carmaker said on Monday its European division would cut "
               "2,000 jobs by the end of next year as demand for electric cars slowed.")
    found = _findings(nlp, article, "The carmaker's European division will cut 2,000 jobs.")
    assert not [f for f in found if f[0] in ("actor", "substitute")], found
    article = article.replace("its European division", "its German division")
    found = _findings(nlp, article, "The Germany division of the carmaker will cut 2,000 jobs.")
    assert not [f for f in found if f[0] in ("actor", "substitute")], found

_EXTRADITION = ("The suspect was flown out on Thursday. Colombia extradited the former commander to Spain, where he "
                "faces trial over the kidnapping of two engineers, the prosecutor's office said.")


@pytest.mark.parametrize(
    ("statement", "verdict"),
    [
        ("Colombia extradited the former commander to Spain.", "supported"),
        # the receiver is the article's giver: the transfer reversed
        ("The former commander was extradited to Colombia.", "contradicted"),
        # another named receiver for the same transfer
        ("Colombia extradited the former commander to Portugal.", "contradicted"),
    ],
)
def test_claims_who_receives_a_transfer_is_read(statement, verdict):
    from flashpoint.claims import check_text

    found = check_text(_EXTRADITION, statement)
    assert found.verdict == verdict, (statement, found.reason)
