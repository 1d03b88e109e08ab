"""A mediator made a party: "The UAE exchanged 90 prisoners with Russia" where the article's
exchange was "mediated by the United Arab Emirates", "China and the alliance signed a ceasefire"
where the ceasefire came of "talks hosted by China". Every word of the statement is in the
article and the roles the article gives the parties match, so neither the word-level score nor
the model sees that the third party is no party. The article's report of the act (a sentence of
the clause's window) names the statement's actor as the one who mediated, brokered or hosted the
talks (``lexicon.json`` mediation_verbs, hosting_verbs with hosted_acts) in a sentence that holds
the statement's act (its verb or its object), and no sentence of the article gives it that act: a ``mediator`` finding, which blocks ``supported``
(``verdict._BLOCKING``) without deciding between contradicted and not_in_source."""

from __future__ import annotations

from ..index import ArticleIndex, is_negated
from ..lexicon import lexicon
from ..results import ClauseResult, Finding
from ..roles import Frame, arg_text, arguments
from ..units import token_key, token_kind
from .names import is_name, wanted_keys


def _mediation(index: ArticleIndex, wanted: set[str], sentences: set[int], act: set[str]) -> Frame | None:
    """The article's frame, in one of ``sentences``, in which the actor ``wanted`` mediates the
    act (a sentence holding one of the ``act`` keys: the statement's verb or its object): the
    agent of a mediation verb, or of a hosting verb whose object (or, when the parse gives none,
    "talks hosted by ...", whose sentence) is talks."""
    lex = lexicon()
    for verb in sorted(lex.mediation_verbs | lex.hosting_verbs):
        for f in index.frames.get(verb, ()):
            if f.sentence not in sentences or f.agent is None or f.agent_resolved or not wanted & f.agent:
                continue
            if not act & index.sentences[f.sentence].keys:
                continue  # mediated something else: "the deal, brokered by Turkey" says nothing of Turkey's escorts
            if verb in lex.hosting_verbs:
                hosted = f.patient if f.patient is not None else index.sentences[f.sentence].keys
                if not hosted & lex.hosted_acts:
                    continue
            return f
    return None


def mediator_findings(index: ArticleIndex, result: ClauseResult) -> list[Finding]:
    """The statement's named agent (or one of its conjuncts) of an act is, in the article's
    report of that act, its mediator, and the article never gives it the act (see module
    docstring)."""
    lex = lexicon()
    third_party = lex.mediation_verbs | lex.hosting_verbs
    window = {s.index for s in result.window}
    found: list[Finding] = []
    for tok in result.clause.tokens:
        if tok.pos_ != "VERB" or is_negated(tok) or token_kind(tok) in (None, "light"):
            continue  # "Turkey said ...": who says is no party to anything
        key = token_key(tok)
        if key in third_party or lex.synonyms.get(key, frozenset()) & third_party:
            continue  # the statement says it mediated
        agent, patient, _, _ = arguments(tok)
        if agent is None:
            continue
        verbs = index.variants(key) | index.synonyms_in(key) | {key}
        act = set(verbs)
        if patient is not None:
            act |= wanted_keys(index, patient)
        for party in (agent, *agent.conjuncts):
            if not is_name(party):
                continue
            wanted = wanted_keys(index, party)
            if not wanted or any(f.agent is not None and wanted & f.agent for k in verbs for f in index.frames.get(k, ())):
                continue
            frame = _mediation(index, wanted, window, act)
            if frame is not None:
                found.append(Finding("mediator", f"{frame.agent_text} as mediator ('{frame.verb}')",
                                     f"{arg_text(party)} as a party to '{tok.lemma_.lower()}'", index.sentences[frame.sentence]))
                break
    return found


__all__ = ["mediator_findings"]
