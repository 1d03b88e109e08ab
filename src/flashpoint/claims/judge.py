"""The model's judgement of one statement: its claims, their evidence and three probabilities.

A statement is cut into the claims it makes (``units``): its sentences, and inside a sentence
each coordinated clause that has its own subject ("Rebels took the city and the army fled" is
two claims). A clause that only interprets ("..., indicating a threat to the region") is the
writer's commentary: it is left out of what the model checks, as the word-level comparison
already counts it less.

The aggregation is SummaC's: each claim is read against a few candidate premises
(``evidence.candidate_windows``: the best single sentences and pairs of adjacent sentences by
retrieval score), and keeps the one the model finds most entailing -- retrieval cannot know
that "address" may mean "fix", the model can. A claim is contradicted only as far as every
candidate contradicts it (its least contradicting window), so a claim the article states in one
place is not called contradicted by another sentence about something else. The statement is as
supported as its weakest claim and as contradicted as its most contradicted one
(``aggregate``: the one rule, used by the checker and by the benchmark's cached features).
The checker scores a claim's candidates lazily (``read_claims``): only as many as can still
change what the statement reports, which is then exactly what scoring all of them gives.

No statement skips the model altogether, even where an explicit check settles the verdict: every
verdict shows a score that moves with the weakest claim's P(entailment) (``verdict.decide``).
Over the whole simplex (the model's logit clipped to +-9.21) a decisive finding's score is its
fixed ``decisive_score`` (0.1) only when ``word_score`` >= 8.70, and another finding makes a
statement contradicted whatever the model says only when ``word_score`` < -12.69 (its score is
still the model's); of the 91 statements of ``examples/``, the seed page and the development
pages (2026-12-05) the 7 with a decisive finding reach 0.40 at most, the 13 with another
finding -9.25 at least. Without a finding a certain contradiction (P = 1.0) contradicts.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from .aliases import ArticleNames, localise, slots
from .clauses import split_clauses
from .evidence import candidate_windows
from .model import probabilities

_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "expl", "csubj"})
_TRIM = " ,;:-–—"


@dataclass(frozen=True)
class UnitJudgement:
    """One claim of a statement with its evidence (the sentence indices of its most entailing
    candidate premise), that premise's P(entailment) and P(neutral), and the least P(contradiction)
    over its candidates (``best_window``)."""

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


Window = tuple[int, ...]  # indices of adjacent article sentences read together as one premise
# A candidate: its window, the premise text the model reads (``premise_text``) and the claim as
# the model reads it against that premise (with the premise's names for the countries the claim
# names: ``aliases.localise``).
Candidate = tuple[Window, str, str]
# One statement's claims, each with its candidate premises (in reading order: ``reading_order``).
Plan = list[tuple[str, tuple[Candidate, ...]]]
Probs = tuple[float, float, float]  # P(entailment, neutral, contradiction)
Pair = tuple[str, str]  # (premise, claim as read against it): what the model reads
# A candidate premise this sure to entail its claim ends the search: the later candidates could
# only raise the maximum a little, and skipping them keeps the checker near one model call per
# supported claim (the >= 20 statements/s floor). A claim's candidates are read single sentences
# first (``reading_order``): a model run costs ~1 ms plus ~0.075 ms per word piece, so a sentence
# that settles the claim on its own spares the longer pair around it. Chosen on FRANK CNN/DM valid
# with the shipped model and combiner (cached model scores of every candidate; 375 statements,
# 2026-12-05), cost in estimated model ms per statement:
#   retrieval order, 0.8: balanced accuracy 0.7113, score AUC 0.7819, 6.26 runs, 44.0 ms
#   retrieval order, 0.7: 0.7113, 0.7785, 5.42 runs, 37.0 ms
#   sentences first, 0.8: 0.7113, 0.7805, 6.27 runs, 43.4 ms
#   sentences first, 0.7: 0.7113, 0.7808, 5.48 runs, 36.5 ms (kept: no verdict of the 375 moves)
#   sentences first, 0.6: 0.7090, 0.7788, 5.13 runs, 33.5 ms (one verdict moves)
#   best two candidates only, 0.8: 0.7001, 0.7746, 4.93 runs, 33.4 ms (twelve verdicts move)
# A shorter MAX_LENGTH (96) cut premises the model needs (0.6822).
SURE_ENTAILMENT = 0.7


def plan_many(
    sentences: Sequence[str],
    statement_docs: Sequence[Any],
    names: ArticleNames | None = None,
    *,
    title: str = "",
) -> list[Plan]:
    """Each statement's claims with the candidate premises each is read against, in the order
    they are read (``reading_order``; no model yet).

    ``names`` (``aliases.article_names`` of the article) lets each claim name a country as its
    premise does ("Japan summoned ..." read against "Tokyo summoned ..." as "Tokyo summoned
    ..."); without it claims are read as written. With it, the claim's windows are also
    retrieved by the article's other names for the countries it names (``other_names``: a claim
    saying "Japan" finds the sentence saying "Tokyo"). ``title`` is the article's headline, read
    before every premise (``premise_text``).

    Retrieval by the other names, chosen on the fitting sets with the shipped model and combiner
    (2026-12-06, balanced accuracy; model AUC): cases built from examples/ 0.8343 -> 0.8369
    (0.892 -> 0.892), CLIFF val 0.7139 -> 0.7139 (0.773 -> 0.776), FRANK valid, QAGS and the
    SummEdits fitting domains unchanged; model runs per statement unchanged.
    """
    plans: list[Plan] = []
    for doc in statement_docs:
        named = slots(doc) if names is not None else ()
        plan: Plan = []
        for u in units(doc):
            cands: list[Candidate] = []
            others = names.other_names(u, named) if named and names is not None else []
            query = " ".join([u, *others])
            for w in reading_order(candidate_windows(sentences, query)):
                premise = premise_text(sentences, w, title)
                reading = localise(u, named, premise, names.in_window(w)) if named and names is not None else u
                cands.append((w, premise, reading))
            plan.append((u, tuple(cands)))
        plans.append(plan)
    return plans


def reading_order(windows: Sequence[Window]) -> list[Window]:
    """The order a claim's candidate windows are read in: single sentences before pairs, each
    kind in retrieval order. The cheaper premise comes first, so a sure entailment
    (``SURE_ENTAILMENT``) found in one sentence ends the search before the longer pair is run;
    which candidates are read at all is still retrieval's choice (``candidate_windows``)."""
    return sorted(windows, key=len)


def premise_text(sentences: Sequence[str], window: Window, title: str = "") -> str:
    """The premise the model reads for a window: its sentences joined by a space, after the
    article's headline when there is one. A headline names the event the article and its
    appended statements are about ("Navy ships collide near disputed islands" makes "after the
    collision" readable against a sentence that only says "Tokyo summoned the ambassador");
    evidence spans still index the article's own sentences only."""
    body = " ".join(sentences[i] for i in window)
    head = " ".join(title.split())
    if not head or body.startswith(head):
        return body
    return f"{head}{'' if head[-1] in '.!?:' else '.'} {body}"


def claim_pairs(plan: Plan) -> list[list[Pair]]:
    """Per claim of one statement, the (premise, claim as read against it) pairs, in reading order."""
    return [[(premise, reading) for _, premise, reading in cands] for _, cands in plan]


def model_pairs(plans: Sequence[Plan]) -> list[Pair]:
    """The (premise, claim) pairs the model reads for ``plans``, in order."""
    return [pair for plan in plans for claim in claim_pairs(plan) for pair in claim]


def read_until_sure(scored: Sequence[Probs]) -> list[Probs]:
    """The candidates the checker reads: all, or up to the first sure entailment."""
    for i, s in enumerate(scored):
        if s[0] >= SURE_ENTAILMENT:
            return list(scored[: i + 1])
    return list(scored)


def best_window(scored: Sequence[Probs]) -> tuple[int, Probs]:
    """A claim's verdict over its candidate premises: the position of the most entailing one
    and its probabilities, with P(contradiction) replaced by the least contradicting
    candidate's (a claim is contradicted only when every candidate premise contradicts it).
    Candidates after the first sure one (``SURE_ENTAILMENT``) are not counted: the checker
    does not score them."""
    if not scored:
        return -1, (0.0, 1.0, 0.0)
    scored = read_until_sure(scored)
    best = max(range(len(scored)), key=lambda i: (scored[i][0], -i))
    e, n, _ = scored[best]
    return best, (e, n, min(s[2] for s in scored))


def aggregate(claims: Sequence[Sequence[Probs]]) -> tuple[float, float]:
    """The statement's P(entailment) (its weakest claim's best) and P(contradiction) (its most
    contradicted claim's) from each claim's candidate scores -- as ``Judgement`` reads them."""
    if not claims:
        return 0.0, 0.0
    best = [best_window(c)[1] for c in claims]
    return min(b[0] for b in best), max(b[2] for b in best)


def judgements(plans: Sequence[Plan], probs: Any) -> list[Judgement]:
    """Judgements from the plans and the model's probabilities of all their pairs (in order)."""
    out: list[Judgement] = []
    k = 0
    for plan in plans:
        read: list[list[Probs]] = []
        for _, cands in plan:
            read.append([tuple(float(x) for x in probs[k + j]) for j in range(len(cands))])  # type: ignore[misc]
            k += len(cands)
        out.append(_judgement(plan, read))
    return out


def _judgement(plan: Plan, read: Sequence[Sequence[Probs]]) -> Judgement:
    """One statement's judgement from the scores read for each of its claims' candidates (a
    prefix of each claim's candidates: ``best_window`` counts only what was read)."""
    judged = []
    for (u, cands), scored in zip(plan, read):
        pos, (pe, pn, pc) = best_window(scored)
        judged.append(UnitJudgement(u, cands[pos][0] if pos >= 0 else (), pe, pn, pc))
    if not judged:
        judged.append(UnitJudgement("", (), 0.0, 1.0, 0.0))
    return Judgement(tuple(judged))


def read_claims(claims: Sequence[Sequence[Pair]], score: Callable[[Pair], Probs]) -> list[list[Probs]]:
    """The scores the checker reads for one statement's claims (each a list of (premise, claim)
    pairs, in reading order): every claim's candidates in order, up to its first sure
    entailment (``read_until_sure``), and no further once the rest of a claim can change
    nothing the statement reports.

    The statement reports its weakest claim (its P(entailment), its evidence: the score and the
    span shown) and its most contradicted claim's P(contradiction) (``Judgement``). Claims are
    read in order; once a claim has read a candidate at least as entailing as the weakest claim
    read whole before it, its best can only be higher, so it is not the weakest (``min`` keeps
    the earlier one of equals); once it has read a candidate less contradicting than the most
    contradicted claim read whole before it, its least contradicting candidate can only be lower,
    so it is not the most contradicted either. With both, its later candidates are not scored.
    The statement's ``Judgement`` (entailment, contradiction, ``weakest`` and the most
    contradicted claim with their evidence) is then exactly that of reading every candidate;
    only such a claim's own unit, never reported, is read in part
    (``tests/test_claims_shortcut.py`` checks this against reading all).
    """
    out: list[list[Probs]] = []
    weakest = math.inf  # the least best P(entailment) of the claims read whole so far
    strongest = -math.inf  # the highest least P(contradiction) of the claims read whole so far
    for pairs in claims:
        got: list[Probs] = []
        best_e, least_c = -math.inf, math.inf
        settled = False
        for pair in pairs:
            s = score(pair)
            got.append(s)
            if s[0] >= SURE_ENTAILMENT:
                break
            best_e, least_c = max(best_e, s[0]), min(least_c, s[2])
            if best_e >= weakest and least_c < strongest:
                settled = True
                break
        out.append(got)
        if not settled:  # read whole (a claim with no candidate is exact too: nothing, 0.0)
            _, (e, _, c) = best_window(got)
            weakest, strongest = min(weakest, e), max(strongest, c)
    return out


def judge_many(
    sentences: Sequence[str],
    statement_docs: Sequence[Any],
    names: ArticleNames | None = None,
    *,
    title: str = "",
) -> list[Judgement]:
    """Judge statements about one article (its ``sentences``; ``names`` and ``title`` as in
    ``plan_many``), scoring only the candidates ``read_claims`` reads."""

    def score(pair: Pair) -> Probs:
        e, n, c = (float(x) for x in probabilities([pair])[0])
        return e, n, c

    plans = plan_many(sentences, statement_docs, names, title=title)
    return [_judgement(plan, read_claims(claim_pairs(plan), score)) for plan in plans]


__all__ = [
    "SURE_ENTAILMENT",
    "Candidate",
    "Judgement",
    "Pair",
    "Plan",
    "Probs",
    "UnitJudgement",
    "Window",
    "aggregate",
    "best_window",
    "claim_pairs",
    "judge_many",
    "judgements",
    "model_pairs",
    "plan_many",
    "premise_text",
    "read_claims",
    "read_until_sure",
    "reading_order",
    "units",
]
