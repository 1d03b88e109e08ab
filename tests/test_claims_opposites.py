"""Opposite acts are contradictions with a reason: praise/condemn, restore/cut ties,
reopen/close, refuse/agree, reject/pass, resume/suspend, improve/worsen, a word and its negative
prefix (successful/unsuccessful, legal/illegal) -- and the look-alikes where the
article says both, or says the same with another word, stay supported.

Sentences written for these tests (the kinds were read from the development pages' misses:
"admitted" vs "denied", "restored relations" vs "cut ties"; none of them is a page sentence).
"""

from __future__ import annotations

import pytest

from flashpoint.claims import check_text
from flashpoint.claims.lexicon import lexicon

OPPOSITES = [
    ("The president condemned the attack on the embassy as cowardly, his office said on Monday.",
     "The president praised the attack on the embassy.", "condemn"),
    ("The regional bloc welcomed the agreement between the two governments.",
     "The regional bloc condemned the agreement between the two governments.", "welcome"),
    ("Ethiopia cut diplomatic ties with Eritrea on Friday after the border clash.",
     "Ethiopia restored diplomatic ties with Eritrea on Friday.", "cut"),
    (("Crowds gathered outside the embassy. Mali broke off diplomatic relations with Algeria on Sunday and "
     "recalled its ambassador."), "Mali restored diplomatic relations with Algeria on Sunday.", "break off"),
    ("The vote was held on Sunday. The coalition's attempt to form a government was unsuccessful, officials said.",
     "The coalition's attempt to form a government was successful.", "unsuccessful"),
    ("Talks resumed on Monday. The court ruled that the blockade of the port was illegal under international law.",
     "The court ruled that the blockade of the port was legal.", "illegal"),
    ("Aid reached the city on Friday. Conditions in the camps improved after the convoy arrived, the agency said.",
     "Conditions in the camps worsened after the convoy arrived.", "improve"),
    ("Turkey closed its border crossings with Syria after the bombing.",
     "Turkey reopened its border crossings with Syria.", "close"),
    ("The opposition leader agreed to join the unity government, his spokesman said.",
     "The opposition leader refused to join the unity government.", "agree"),
    ("Parliament passed the security bill by 210 votes to 90 on Wednesday.",
     "Parliament rejected the security bill on Wednesday.", "pass"),
    ("The ministry suspended flights to the capital after the shelling.",
     "The ministry resumed flights to the capital after the shelling.", "suspend"),
]


BOTH_OR_SAME = [
    ("The president condemned the bombing and praised the rescue workers who pulled survivors from the rubble.",
     "The president praised the rescue workers."),
    ("Lawmakers passed the budget on Tuesday and rejected the security bill a day later.",
     "Lawmakers rejected the security bill."),
    ("Flights to the capital resumed on Monday after being suspended for a week.",
     "Flights to the capital resumed on Monday."),
    ("The talks were halted in May and restarted in June in Geneva.", "The talks resumed in June in Geneva."),
    ("The first rescue attempt was unsuccessful, but the second one on Tuesday was successful.",
     "The second rescue attempt was successful."),
    ("The rebels agreed to a ceasefire but refused to hand over their weapons.",
     "The rebels refused to hand over their weapons."),
]

# The opposite word is in the article, but said of something else: another object ("resume its
# offensive" is no opposite of "stopped fuel deliveries"), another actor and act altogether.
OTHER_THINGS = [
    ("The general said the army will resume its advance on the city once the rains end.",
     "The army stopped all food deliveries to the city."),
    ("The cricket board withdrew from a tournament in Lahore after the air strikes.",
     "Qatar agreed to deploy observers along the border."),
    ("The ministry said it would open an inquiry into the shooting.", "The ministry closed the border post."),
]


@pytest.mark.parametrize(("article", "statement", "said"), OPPOSITES)
def test_claims_opposite_acts_are_contradicted_with_what_the_article_says(nlp, article, statement, said):
    verdict = check_text(article, statement)
    assert verdict.verdict == "contradicted", verdict
    assert verdict.reason.startswith(f"opposite meaning: article says {said}")


@pytest.mark.parametrize(("article", "statement", "said"), OPPOSITES)
def test_claims_opposite_acts_are_found_by_the_explicit_check(nlp, article, statement, said):
    from flashpoint.claims.compare import compare
    from flashpoint.claims.index import build_index

    found = compare(build_index(nlp(article)), nlp(statement)).findings
    assert [f for f in found if f.kind == "antonym" and f.article_says == said], found


@pytest.mark.parametrize(("article", "statement"), BOTH_OR_SAME)
def test_claims_opposite_in_another_clause_or_a_synonym_is_no_contradiction(nlp, article, statement):
    verdict = check_text(article, statement)
    assert not verdict.reason.startswith("opposite meaning"), verdict


def test_claims_opposites_are_never_synonyms_of_each_other():
    lex = lexicon()
    for word in ("praise", "welcome", "restore", "reopen", "refuse", "reject", "resume"):
        assert lex.antonyms[word], word
        assert not lex.antonyms[word] & lex.synonyms.get(word, frozenset()), word


@pytest.mark.parametrize(("article", "statement"), OTHER_THINGS)
def test_claims_an_opposite_said_of_another_thing_is_no_finding(nlp, article, statement):
    from flashpoint.claims.compare import compare
    from flashpoint.claims.index import build_index

    found = compare(build_index(nlp(article)), nlp(statement)).findings
    assert not [f for f in found if f.kind == "antonym"], found


def test_claims_a_word_of_a_date_is_no_opposite_act(nlp):
    """"to begin by the end of March": "end" is part of a date there, not the opposite of the
    statement's "begin"; an opposite act said of the same thing still is one."""
    article = ("Sudan and South Sudan agreed on Tuesday to reopen their border crossings. Joint patrols are due "
               "to start by the end of March, officials said.")
    assert check_text(article, "Joint patrols are to begin by the end of March.").verdict == "supported"
    closed = check_text(article, "Sudan and South Sudan agreed to close their border crossings.")
    assert closed.verdict == "contradicted" and closed.reason.startswith("opposite meaning"), closed


def test_claims_begin_is_start(nlp):
    """"begin" and "start" are listed synonyms (lexicon.json): the article's "start" backs the
    statement's "begin" rather than leaving it a verb the article lacks."""
    from flashpoint.claims.compare import compare
    from flashpoint.claims.index import build_index

    index = build_index(nlp("Voter registration will start in the northern provinces on Monday, the commission said."))
    words = compare(index, nlp("Voter registration will begin in the northern provinces.")).words
    assert next(w.status for w in words if w.token.text == "begin") == "synonym"
