"""The model's judgement of one statement: its claims, their evidence and three probabilities.

A statement is cut into the claims it makes (``units``): its sentences, and inside a sentence
each coordinated clause that has its own subject ("Rebels took the city and the army fled" is
two claims). A clause that only interprets ("..., indicating a threat to the region") is the
writer's commentary: it is left out of what the model checks, as the word-level comparison
already counts it less. Each claim is read against the article sentences that
``evidence.select_evidence`` picks for it (the same premise the model was trained on), so
evidence may span two or three sentences. The statement is as supported as its weakest claim.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from .clauses import split_clauses
from .evidence import select_evidence
from .model import probabilities

_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "expl", "csubj"})
_TRIM = " ,;:-–—"


@dataclass(frozen=True)
class UnitJudgement:
    """One claim of a statement with its evidence (article sentence indices) and probabilities."""

    text: str
    evidence: tuple[int, ...]
    entailment: float
    neutral: float
    contradiction: float


@dataclass(frozen=True)
class Judgement:
    """All claims of a statement; ``weakest`` is the claim least supported by the article."""

    units: tuple[UnitJudgement, ...]

    @property
    def weakest(self) -> UnitJudgement:
        return min(self.units, key=lambda u: u.entailment)

    @property
    def entailment(self) -> float:
        return self.weakest.entailment

    @property
    def contradiction(self) -> float:
        """The strongest contradiction of any claim: one contradicted claim is enough."""
        return max(u.contradiction for u in self.units)


def _render(tokens: Sequence[Any]) -> str:
    toks = list(tokens)
    while toks and (toks[-1].is_punct or toks[-1].dep_ == "cc"):
        toks.pop()
    text = "".join(t.text_with_ws for t in toks).strip().strip(_TRIM)
    for lead in ("and ", "but ", "while ", "as "):
        if text.lower().startswith(lead):
            text = text[len(lead) :]
    if text and text[-1] not in ".!?\"'”":
        text += "."
    return text[:1].upper() + text[1:]


def units(statement_doc: Any) -> list[str]:
    """The claims of a parsed statement as texts the model can read on their own."""
    out: list[str] = []
    clauses = list(split_clauses(statement_doc))
    factual = [c for c in clauses if not c.commentary] or clauses
    for sent in statement_doc.sents:
        mine = [c for c in factual if c.tokens and sent.start <= c.tokens[0].i < sent.end]
        if not mine:
            continue
        groups: list[list[Any]] = []
        for clause in mine:
            ids = {t.i for t in clause.tokens}
            head = next((t for t in clause.tokens if t.head.i not in ids or t.head.i == t.i), clause.tokens[0])
            own_subject = any(t.dep_ in _SUBJECT_DEPS and t.head.i == head.i for t in clause.tokens)
            if groups and not own_subject:
                groups[-1].extend(clause.tokens)
            else:
                groups.append(list(clause.tokens))
        for toks in groups:
            text = _render(sorted(toks, key=lambda t: t.i))
            if len(text.split()) >= 3:
                out.append(text)
    text = statement_doc.text.strip()
    return out or ([text] if text else [])


Plan = list[tuple[str, tuple[int, ...]]]  # one statement's claims, each with its evidence indices


def plan_many(sentences: Sequence[str], statement_docs: Sequence[Any]) -> list[Plan]:
    """Each statement's claims with the article sentences each is read against (no model yet)."""
    return [[(u, tuple(select_evidence(sentences, u))) for u in units(doc)] for doc in statement_docs]


def model_pairs(sentences: Sequence[str], plans: Sequence[Plan]) -> list[tuple[str, str]]:
    """The (premise, claim) pairs the model reads for ``plans``, in order."""
    return [(" ".join(sentences[i] for i in ev), u) for plan in plans for u, ev in plan]


def judgements(plans: Sequence[Plan], probs: Any) -> list[Judgement]:
    """Judgements from the plans and the model's probabilities of their pairs (in order)."""
    out: list[Judgement] = []
    k = 0
    for plan in plans:
        judged = []
        for u, ev in plan:
            pe, pn, pc = (float(x) for x in probs[k])
            judged.append(UnitJudgement(u, ev, pe, pn, pc))
            k += 1
        if not judged:
            judged.append(UnitJudgement("", (), 0.0, 1.0, 0.0))
        out.append(Judgement(tuple(judged)))
    return out


def judge_many(
    sentences: Sequence[str], statement_docs: Sequence[Any]
) -> list[Judgement]:
    """Judge statements about one article (its ``sentences``) in one batched model call."""
    plans = plan_many(sentences, statement_docs)
    pairs = model_pairs(sentences, plans)
    return judgements(plans, probabilities(pairs) if pairs else np.zeros((0, 3)))


__all__ = ["Judgement", "Plan", "UnitJudgement", "judge_many", "judgements", "model_pairs", "plan_many", "units"]
