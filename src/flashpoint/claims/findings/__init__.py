"""The explicit mismatches of one clause with its window, each family in its module:
``polarity`` (negation, antonym, unrealised), ``quantities`` (number, a number's fate, date), ``actors`` (another
named actor, one attached to the same thing), ``mediators`` (a mediator made a party), ``roles`` (who did what to whom, counted apart by
``check_roles``), and ``stance`` (the same actor taking the other side). ``clause_findings`` is the
one place that says which run, in which order, and on what alignment."""

from __future__ import annotations

from ..index import ArticleIndex, Sentence
from ..lexicon import weights
from ..results import ClauseResult, Finding
from ..stance import clashes
from .actors import actor_findings, attached_actor_findings
from .mediators import mediator_findings
from .names import wanted_keys
from .polarity import antonym_findings, negation_findings, unrealised_findings
from .quantities import date_findings, fate_findings, number_findings
from .roles import check_roles


def clause_findings(index: ArticleIndex, result: ClauseResult, window: list[Sentence]) -> list[Finding]:
    """Every explicit mismatch of one clause with its window (see module docstring)."""
    aligned = result.alignment >= weights().contradiction_min_alignment
    found = negation_findings(index, result, window)
    found += unrealised_findings(index, result, window)
    found += antonym_findings(index, result, window)
    found += date_findings(index, result, window)
    if aligned:
        found += number_findings(result, window[0])
        found += fate_findings(index, result, window)
    found += attached_actor_findings(index, result)
    if aligned and not any(f.kind == "actor" for f in found):
        found += actor_findings(index, result, window)
    if aligned:
        found += mediator_findings(index, result)
    found += [Finding("stance", c.article_says, c.statement_says, c.sentence)
              for c in clashes(index, result.clause.tokens, window, lambda arg: wanted_keys(index, arg))]
    return found


__all__ = ["check_roles", "clause_findings"]
