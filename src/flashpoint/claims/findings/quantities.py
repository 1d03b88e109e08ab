"""Numbers and dates: a number the article lacks where the aligned sentence gives another of
the same kind, a number the article gives with another fate ("12 killed" where the article's 12
were wounded), and a date the sentence reporting the same event gives otherwise (``dates``)."""

from __future__ import annotations

from dataclasses import replace

from ..align import event_sentence
from ..dates import DateMention, conflict, date_mentions
from ..index import ArticleIndex, Sentence
from ..results import ClauseResult, Finding
from ..units import counted_noun, fate_of, number_form, same_kind_of_count


def date_findings(index: ArticleIndex, result: ClauseResult, window: list[Sentence]) -> list[Finding]:
    """A date of the statement that cannot be any date given by the sentence reporting the same
    event or speaker ("on Monday" where that sentence says "on Sunday"; ``dates``).

    A statement date compatible with any date of that sentence, or comparable with none of
    them, is no finding; nor are dates that restate exactly the sentence's own, though the parse
    attaches them to other words ("dated him from 2000 to 2003": the statement's 2003 hangs on
    "dated", the article's on "from", and its 2000 on "dated").
    """
    said = date_mentions(result.clause.tokens, index.published)
    event = event_sentence(result, window) if said else None
    if event is None:
        return []
    found: list[Finding] = []
    # The statement restates the sentence's own dates ("from 2000 to 2003"): none is a mismatch,
    # whatever word the parse hangs each on. A sentence with other dates besides ("revenue of
    # 2021 against 2020") is read date by date, as before.
    if len(said) == len(event.dates) and _same_dates(said, event.dates):
        return []
    for mention in said:
        comparable = [(c, other) for other in event.dates if (c := conflict(mention, other)) is not None]
        if comparable and all(c for c, _ in comparable):
            found.append(Finding("date", comparable[0][1].text, mention.text, event))
    return found


def _same_dates(a: list[DateMention], b: tuple[DateMention, ...] | list[DateMention]) -> bool:
    """Whether every date of each side can be a date of the other, whatever word each hangs on."""
    bare_a = [replace(m, head=None) for m in a]
    bare_b = [replace(m, head=None) for m in b]

    def covered(xs: list[DateMention], ys: list[DateMention]) -> bool:
        return all(any(conflict(x, y) is False for y in ys) for x in xs)

    return covered(bare_a, bare_b) and covered(bare_b, bare_a)


def number_findings(result: ClauseResult, best: Sentence) -> list[Finding]:
    """A number the article lacks, where the best sentence gives another of the same kind.

    A number the article states elsewhere is no mismatch ("each freed 1,000 prisoners" is not
    contradicted by a sentence about the 303 freed on the last day when 1,000 is in the text).
    """
    found: list[Finding] = []
    # a number and its form: "the first coup in three years" states no "third" ("#3", ordinal)
    stated = {(w.key, number_form(w.token, w.key)) for w in result.words if w.kind == "number"}
    for ws in result.words:
        if ws.kind != "number" or ws.status != "novel":
            continue
        label = ws.token.ent_type_ or "CARDINAL"
        form = number_form(ws.token, ws.key)
        counts = counted_noun(ws.token)
        others = [m for m in best.numbers if m.label == label and m.form == form
                  and (m.key, m.form) not in stated and same_kind_of_count(m.counts, counts)]
        if others:
            found.append(Finding("number", others[0].text, ws.token.text, best))
    return found


def fate_findings(index: ArticleIndex, result: ClauseResult, window: list[Sentence]) -> list[Finding]:
    """A number of people the article gives, but with another fate (``units.fate_of``): "killed
    12" where the article's 12 were wounded, "arrested 40" where 40 were displaced. The number
    check finds the number and is satisfied; what the number says of those people differs.

    Only when no article sentence gives the number with the statement's fate, and a sentence of
    the window gives it with another: a number whose fate the article does not say ("the 12
    victims") is no evidence either way. The counted nouns are not compared: a fate is said of
    people only, under whatever name ("wounding 11 others" / "11 officers were hurt").
    """
    found: list[Finding] = []
    for ws in result.words:
        if ws.kind != "number" or ws.status == "novel" or (fate := fate_of(ws.token)) is None:
            continue
        if any(m.key == ws.key and m.fate == fate for s in index.sentences for m in s.numbers):
            continue
        other = next(((s, m) for s in window for m in s.numbers if m.key == ws.key and m.fate), None)
        if other is not None:
            sentence, mention = other
            found.append(Finding("number", f"{mention.text} {mention.fate}", f"{ws.token.text} {fate}", sentence))
    return found
