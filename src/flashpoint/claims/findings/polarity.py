"""Polarity checks: a negation the article does not have (or lacks one it has), an antonym of
the article's word said of the same thing, and an act the article only puts ahead or attempts
("tried to broker") asserted as done (``unrealised``)."""

from __future__ import annotations

from typing import Any

from ..align import event_sentence
from ..index import (
    TIME_LABELS,
    ArticleIndex,
    Sentence,
    is_negated,
    is_prospective,
    pending_auxiliaries,
    token_keys,
)
from ..lexicon import lexicon
from ..results import ClauseResult, Finding
from ..roles import arguments
from ..units import token_key
from .names import wanted_keys


def negation_findings(index: ArticleIndex, result: ClauseResult, window: list[Sentence]) -> list[Finding]:
    """The statement negates a word the article asserts, or the reverse.

    Every word counts here, light ones too: "did not say" contradicts "said". A negation may sit
    on the verb or on its argument with the same meaning ("found no proof" = "did not find any
    evidence"), so a side that carries a negation elsewhere in the clause (the statement) or the
    sentence (the article) is not a mismatch of polarity; so does a negative implicative verb
    ("declined to sign" = "would not sign", ``lexicon.json`` negative_implicatives).
    """
    found: list[Finding] = []
    lex = lexicon()
    clause_negated = any(
        is_negated(t) or t.lower_ in lex.negation or token_key(t) in lex.negative_implicatives
        for t in result.clause.tokens
    )
    for tok in result.clause.tokens:
        if tok.is_punct or (tok.is_stop and tok.pos_ not in ("VERB", "AUX")):
            continue
        keys = set(token_keys(tok))
        for k in list(keys):
            keys |= index.variants(k)
        holders = [s for s in window if keys & s.keys]
        word = tok.text
        if not holders:
            # the word itself is not there: a listed synonym stands for it ("afraid" / "nothing to fear")
            keys = set().union(*(index.synonyms_in(k) for k in keys))
            holders = [s for s in window if keys & s.keys]
            word = min(keys & holders[0].keys).replace("_", " ") if holders else word
        if not holders:
            continue
        sent, same_act = _same_act_holder(index, tok, keys, holders)
        if same_act and _also_said(index, tok, keys):
            continue  # "was last seen on Saturday" and, further down, "has not been seen since"
        if not same_act and _another_doer(index, tok, keys, sent):
            continue  # "Newcastle have not won at Anfield" says nothing of "Liverpool won"
        negated_here = bool(keys & sent.negated)
        asserted_here = bool(keys & sent.asserted)
        sentence_negates = bool(sent.negated or sent.keys & lex.negative_implicatives)
        # Read against a sentence only by its word, not as the report of the same act: another
        # window sentence with the statement's polarity may be the one it reports ("Hazard
        # scored" beside "Costa has not scored since March").
        if not same_act and any(_only_polarity(s, keys, negated=is_negated(tok)) for s in holders):
            continue
        if is_negated(tok) and asserted_here and not negated_here and not sentence_negates:
            found.append(Finding("negation", word, f"not {tok.text}", sent))
        elif not is_negated(tok) and negated_here and not asserted_here and not clause_negated:
            found.append(Finding("negation", f"not {word}", tok.text, sent))
    return found


def unrealised_findings(index: ArticleIndex, result: ClauseResult, window: list[Sentence]) -> list[Finding]:
    """The statement asserts an act the aligned article sentences only put ahead or attempt
    ("brokered a ceasefire" where the article says they "tried to broker" one, "annexed" where it
    "threatened to annex"), or one they leave to a modal or future auxiliary ("have left" where
    the article's junta "will leave", "signed" where the treaty "could be signed only after ...":
    ``index.pending_auxiliaries``) and the statement says was done: the article does not say it
    happened. Only where no window sentence asserts or negates the same verb, and, for an act
    left to an auxiliary, no sentence of the article asserts it (a report written ahead of the
    act, "will sign", often says further down that it was done)."""
    found: list[Finding] = []
    for tok in result.clause.tokens:
        if tok.pos_ != "VERB" or is_negated(tok) or is_prospective(tok) or _asked_for(tok):
            continue
        keys = set(token_keys(tok))
        # the article's noun of the act counts too: "resigned" / "demanding his resignation"
        keys |= set().union(*(index.variants(k) for k in keys))
        if any(keys & (_plainly(s) | s.negated) for s in window):
            continue
        asserted = any(keys & s.asserted for s in window)  # a pending act counts, for the attempts
        done = _asserts_done(tok) and not any(keys & _plainly(s) for s in index.sentences)
        for sent in window:
            said = None if asserted else next((sent.unrealised[k] for k in sorted(keys) if k in sent.unrealised), None)
            if said is None and done:
                said = next((sent.pending[k] for k in sorted(keys) if k in sent.pending), None)
            if said is not None:
                found.append(Finding("unrealised", said, tok.text, sent))
                break
    return found


def _asked_for(verb: Any) -> bool:
    """Whether a statement verb is itself only asked for ("called for the activists to be
    RELEASED", "urged them to WITHDRAW"): a verb of ``lexicon.json`` demand_verbs or
    demand_for_verbs governs it."""
    lex = lexicon()
    asking = lex.demand_verbs | lex.demand_for_verbs
    node = verb
    for _ in range(3):
        if node.head is node:
            return False
        node = node.head
        if node.pos_ in ("VERB", "AUX") and node.lemma_.lower() in asking:
            return True
    return False


def _plainly(sentence: Sentence) -> set[str]:
    """The keys a sentence asserts with no modal or future auxiliary ("signed", not "will sign")."""
    return sentence.asserted - sentence.pending.keys()


def _asserts_done(verb: Any) -> bool:
    """Whether a statement verb says the act happened: a simple past ("signed"), a perfect ("have
    left") or a past passive ("was signed"), with no modal or future auxiliary of its own. A
    present or future ("is leaving", "will sign") is not compared with what the article puts
    ahead: it may say the same."""
    if pending_auxiliaries(verb):
        return False
    if verb.tag_ == "VBD":
        return True
    if verb.tag_ != "VBN":
        return False
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    return any(c.lemma_.lower() == "have" for c in aux) or any(c.dep_ == "auxpass" and c.tag_ == "VBD" for c in aux)


def _only_polarity(sentence: Sentence, keys: set[str], *, negated: bool) -> bool:
    """Whether ``sentence`` says one of ``keys`` only negated (``negated``) or only asserted."""
    ours, theirs = (sentence.negated, sentence.asserted) if negated else (sentence.asserted, sentence.negated)
    return bool(keys & ours) and not keys & theirs


def _also_said(index: ArticleIndex, tok: Any, keys: set[str]) -> bool:
    """Whether some report of the same act in the article (``_same_act_reports``) has the
    statement verb's own polarity: the article says both ("Billy was last seen on Saturday" and
    "he has not been seen since"), so neither polarity is a mismatch."""
    said = (lambda s: keys & s.negated) if is_negated(tok) else (lambda s: keys & s.asserted)
    return any(said(index.sentences[i]) for i in _same_act_reports(index, tok, keys, name_words=True))


def _another_doer(index: ArticleIndex, tok: Any, keys: set[str], sentence: Sentence) -> bool:
    """Whether every report of the statement verb in ``sentence`` has a named doer who is not
    the statement's ("Newcastle have not won at Anfield since 2008" against "Liverpool won 2-0
    at home to Newcastle"): the article's polarity is said of another act, neither asserted nor
    negated of the statement's doer. A doer read from a pronoun is a guess and names no one."""
    if tok.pos_ != "VERB":
        return False
    agent = arguments(tok)[0]
    if agent is None:
        return False
    by = wanted_keys(index, agent)
    frames = [f for k in keys for f in index.frames.get(k, ()) if f.sentence == sentence.index]
    return bool(by) and bool(frames) and all(
        f.agent is not None and not f.agent_resolved and not by & f.agent for f in frames
    )


def _same_act_reports(index: ArticleIndex, tok: Any, keys: set[str], *, name_words: bool = False) -> set[int]:
    """The article sentences reporting the statement verb's act: its same verb with the
    statement's object, and no other agent (none for a verb without an object). With
    ``name_words`` a person's name also meets the article's bare surname (``_with_name_words``):
    enough to clear a finding, never to make one (``_same_act_holder`` reads without it)."""
    if tok.pos_ != "VERB":
        return set()
    agent, patient, _, _ = arguments(tok)
    # "signed and ratified the treaty": the first verb shares its conjunct's object
    patient = patient or next((p for c in tok.children if c.dep_ == "conj" and c.pos_ == "VERB"
                               for p in [arguments(c)[1]] if p is not None), None)
    if patient is None:
        return set()
    widen = _with_name_words if name_words else set
    wanted = widen(wanted_keys(index, patient))
    by = None if agent is None else widen(wanted_keys(index, agent))
    return {f.sentence for k in keys for f in index.frames.get(k, ())
            if f.patient is not None and wanted & f.patient
            and (by is None or f.agent is None or f.agent_resolved or by & f.agent)}  # a pronoun's guess names no one


def _with_name_words(keys: set[str]) -> set[str]:
    """``keys`` and the words of a person's name among them ("~reyes" of Tomas Reyes): the
    article's later "Reyes", which the tagger may not call a person, is the same man."""
    return keys | {k[1:] for k in keys if k.startswith("~")}


def _same_act_holder(index: ArticleIndex, tok: Any, keys: set[str], holders: list[Sentence]) -> tuple[Sentence, bool]:
    """The sentence whose polarity a statement verb is read against, and whether it is the
    article's report of the same act -- its same verb with the statement's object, and no other
    agent -- first among the window's sentences, else anywhere in the article ("did not sign the
    peace treaty" answers "signed the peace treaty", not an earlier "signing a joint
    declaration"); with none, the first window sentence holding the word (False)."""
    same = _same_act_reports(index, tok, keys)
    if not same:
        return holders[0], False
    found = next((s for s in holders if s.index in same), None)
    if found is None and same:
        found = index.sentences[min(same)]
    return (found, True) if found is not None else (holders[0], False)


def antonym_findings(index: ArticleIndex, result: ClauseResult, window: list[Sentence]) -> list[Finding]:
    """The statement's word is missing from the window but its opposite is there, said of the
    same thing (``_same_act``); a word of a date ("by the end of February") is neither."""
    lex = lexicon()
    found: list[Finding] = []
    for ws in result.words:
        if ws.status in ("best", "window", "synonym") or ws.token.ent_type_ in TIME_LABELS:
            continue  # found, or part of a date ("at the start of March")
        opposite = lex.antonyms.get(ws.key, frozenset()) | lex.antonyms.get(ws.token.lower_, frozenset())
        if ws.token.pos_ in ("ADJ", "ADV"):
            opposite |= _prefixed_opposites(ws.key, lex.negative_prefixes)
        for sent in window:
            hit = opposite & (sent.keys - sent.timed)
            if hit and _same_act(index, result, window, ws.token, hit, sent):
                found.append(Finding("antonym", min(hit).replace("_", " "), ws.token.text, sent))
                break
    return found


_MIN_STEM = 4  # "unable" / "able": shorter stems ("in" + "to") are not words of their own


def _prefixed_opposites(key: str, prefixes: tuple[str, ...]) -> frozenset[str]:
    """The word with a negative prefix, or without the one it has ("successful" <->
    "unsuccessful", "legal" <-> "illegal"; ``lexicon.json`` negative_prefixes)."""
    out = {p + key for p in prefixes if len(key) >= _MIN_STEM}
    out |= {key[len(p):] for p in prefixes if key.startswith(p) and len(key) - len(p) >= _MIN_STEM}
    return frozenset(out)


def _same_act(
    index: ArticleIndex, result: ClauseResult, window: list[Sentence], token: Any, opposite: set[str], sent: Sentence
) -> bool:
    """Whether the article's opposite word in ``sent`` is said of what the statement's ``token``
    is said of. For a verb, the article's opposite verb must share its object ("Turkey closed its
    border crossings" against "reopened its border crossings"), or its subject when the
    statement's verb has no object; where the parse gives the article's verb no such argument,
    the sentence must name it at least: "Israel will resume its offensive" is no opposite of
    "Israel stopped aid deliveries". For other words (and verbs without arguments) ``sent`` must
    be the sentence reporting the clause's event (``event_sentence``)."""
    if token.pos_ == "VERB":
        agent, patient, _, _ = arguments(token)
        arg, slot = (patient, "patient") if patient is not None else (agent, "agent")
        if arg is not None:
            wanted = wanted_keys(index, arg)
            frames = [f for k in opposite for f in index.frames.get(k, ()) if f.sentence == sent.index]
            slots = [getattr(f, slot) for f in frames if getattr(f, slot) is not None]
            return any(wanted & keys for keys in slots) if slots else bool(wanted & sent.keys)
    return event_sentence(result, window) is sent
