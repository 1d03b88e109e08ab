"""Summary-style synthetic pairs for the second training stage: news windows, compressed claims.

Stage 1 (``synthetic.py``) pairs an article sentence, nearly as written, with the sentences
retrieval picks for it. What the checker reads at run time is different, and the model misses
there (FRANK / CLIFF / the pages): a *claim* of a machine-written summary (``judge.units``), which
compresses a sentence to its core, names the agent a pronoun stood for ("He was arrested" ->
"Smith was arrested", the evidence spanning two sentences), and is read against a window of one
or two adjacent article sentences (``evidence.candidate_windows`` + ``judge.premise_text``).

From each chosen sentence of a parsed news article this module builds, all on one token-level
renderer (a set of tokens to drop, a map of tokens to replace), as FactCC does:

- entailment: the sentence compressed (adjuncts, appositions, relative clauses, attribution
  removed), or with the subject pronoun replaced by its antecedent named in the sentence before
  (premise: those two sentences);
- contradiction: that same compressed claim with an entity, a number or the two roles swapped,
  a negation added or removed, a verb turned into its antonym, or the pronoun given another
  person of the article;
- neutral: the compressed claim with a fact inserted (an adjunct with a name, place or date taken
  from another article), or the claim read against the best window of the article *without* its
  sentence.

Labels follow what the edit does, not a model. Every choice is drawn from a seeded
``random.Random``; word lists are in ``data/perturb.json``.
"""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Sequence
from functools import partial
from typing import Any

from ..evidence import candidate_windows
from ..judge import premise_text
from .synthetic import MAX_WORDS, MIN_WORDS, perturb_lists

PRONOUNS = {"he", "she", "they"}  # not "it": mostly expletive ("it is hoped")
NAMED = {"PERSON", "ORG", "GPE", "NORP"}
SOURCE = "summary_news"


def render(sent: Any, drop: set[int] | frozenset[int] = frozenset(), replace: dict[int, str] | None = None) -> str:
    """The text of ``sent`` with the tokens in ``drop`` left out and those in ``replace`` rewritten
    (token indices are the doc's), tidied: no space before punctuation, no doubled commas, a
    capital first letter, a final full stop."""
    replace = replace or {}
    parts: list[str] = []
    for tok in sent:
        if tok.i in drop:
            if parts and tok.whitespace_ and not parts[-1].endswith(" "):
                parts.append(" ")
            continue
        parts.append(replace.get(tok.i, tok.text) + tok.whitespace_)
    text = " ".join("".join(parts).split())
    for bad, good in ((" ,", ","), (" .", "."), (",,", ","), (", .", "."), (" '", "'"), ("( ", "("), (" )", ")")):
        text = text.replace(bad, good)
    text = text.strip(" ,;:-\"'`")
    if not text:
        return ""
    if text[-1] not in ".!?":
        text += "."
    return text[:1].upper() + text[1:]


def _subtree_ids(tok: Any) -> set[int]:
    return {t.i for t in tok.subtree}


def compress(sent: Any, rng: random.Random) -> set[int]:
    """Tokens to drop to make ``sent`` a summary-style claim: its attribution ("..., police
    said") and, each with probability 1/2, the adjuncts that hold no number or date the claim
    needs. Never drops the root, its subject or its object."""
    lists = perturb_lists()
    deps = set(lists["adjunct_deps"])
    verbs = set(lists["attribution_verbs"])
    droppable = set(lists["droppable_prepositions"])
    root = sent.root
    drop: set[int] = set()
    if root.lower_ in verbs:
        comp = [c for c in root.children if c.dep_ in ("ccomp", "xcomp")]
        if comp and len(list(comp[0].subtree)) >= MIN_WORDS - 2:
            keep = _subtree_ids(comp[0])
            drop = {t.i for t in sent if t.i not in keep}
            root = comp[0]
    for tok in sent:
        if tok.i in drop or tok.dep_ not in deps or tok.head.i == tok.i:
            continue
        if tok.dep_ == "prep" and (tok.lower_ not in droppable or tok.head.pos_ != "VERB"):
            continue  # "into Elsa", "of gathering": arguments, not adjuncts
        sub = _subtree_ids(tok)
        if root.i in sub or len(sub) > 14 or any(sent.doc[i].like_num for i in sub) or rng.random() < 0.5:
            continue
        drop |= sub
    # Whatever is kept must still read as a clause: a subject and its verb.
    kept = [t for t in sent if t.i not in drop]
    if not any(t.dep_ in ("nsubj", "nsubjpass") for t in kept) or len(kept) < 5:
        return set()
    return drop


def _other_number(text: str, rng: random.Random) -> str | None:
    digits = "".join(ch for ch in text if ch.isdigit())
    if not digits:
        return None
    value = int(digits[:9])
    new = value
    while new == value:
        new = max(1, int(value * rng.choice([0.3, 0.5, 2, 3, 10]) + rng.randint(-3, 3)))
    return f"{new:,}" if "," in text else str(new)


def _entity_swap(sent: Any, drop: set[int], pools: dict[str, list[str]], rng: random.Random) -> dict[int, str] | None:
    labels = set(perturb_lists()["swap_labels"])
    ents = [e for e in sent.ents if e.label_ in labels and not any(t.i in drop for t in e)]
    rng.shuffle(ents)
    for ent in ents:
        if ent.label_ in ("CARDINAL", "MONEY", "PERCENT", "QUANTITY"):
            nums = [t for t in ent if any(ch.isdigit() for ch in t.text)]
            if nums:
                new = _other_number(nums[0].text, rng)
                if new:
                    return {nums[0].i: new}
            continue
        low = ent.text.lower()
        others = [o for o in pools.get(ent.label_, ()) if o.lower() not in low and low not in o.lower()]
        if others:
            out = {t.i: "" for t in ent}
            out[ent[0].i] = rng.choice(others)
            return out
    return None


def _role_swap(sent: Any, drop: set[int]) -> dict[int, str] | None:
    root = sent.root
    subj = [c for c in root.children if c.dep_ == "nsubj" and c.ent_type_]
    obj = [c for c in root.children if c.dep_ == "dobj" and c.ent_type_]
    if not subj or not obj:
        return None
    a, b = sorted(_subtree_ids(subj[0])), sorted(_subtree_ids(obj[0]))
    if set(a) & drop or set(b) & drop or a[-1] >= b[0]:
        return None
    doc = sent.doc
    ta, tb = doc[a[0] : a[-1] + 1].text, doc[b[0] : b[-1] + 1].text
    if ta.lower() == tb.lower():
        return None
    out = {i: "" for i in (*a, *b)}
    out[a[0]], out[b[0]] = tb, ta
    return out


def _negation(sent: Any) -> dict[int, str] | None:
    lists = perturb_lists()
    root = sent.root
    for child in root.children:
        if child.dep_ == "neg":
            return {child.i: ""}
    for child in root.children:
        if child.dep_ in ("aux", "auxpass") and child.lower_ in lists["negatable_aux"]:
            return {child.i: f"{child.text} not"}
    if root.tag_ in lists["do_support"] and root.pos_ == "VERB":
        return {root.i: f"{lists['do_support'][root.tag_]} not {root.lemma_}"}
    return None


def _antonym(sent: Any, drop: set[int]) -> dict[int, str] | None:
    ant = perturb_lists()["antonym_map"]
    for tok in sent:
        if tok.i not in drop and tok.lower_ in ant and tok.pos_ in ("VERB", "ADJ", "ADV", "ADP"):
            return {tok.i: ant[tok.lower_]}
    return None


def _antecedent(prev: Any) -> str | None:
    """The named subject of the sentence before (a pronoun's likely antecedent), if any."""
    for tok in prev:
        if tok.dep_ in ("nsubj", "nsubjpass") and tok.head.i == prev.root.i and tok.ent_type_ in NAMED:
            ent = next((e for e in prev.ents if e.start <= tok.i < e.end), None)
            if ent is not None:
                return ent.text
    return None


def _pronoun_subject(sent: Any) -> Any | None:
    for tok in sent.root.children:
        if tok.dep_ in ("nsubj", "nsubjpass") and tok.lower_ in PRONOUNS:
            return tok
    return None


def _inserted_fact(pp_pool: Sequence[str], rng: random.Random) -> str | None:
    return rng.choice(pp_pool) if pp_pool else None


def _fact_phrases(doc: Any) -> list[str]:
    """Prepositional adjuncts of ``doc`` that carry a name, place or date ("in Aleppo", "on
    Tuesday"): inserted into a claim from another article they add a fact its evidence lacks."""
    out = []
    for tok in doc:
        if tok.dep_ == "prep" and tok.lower_ in ("in", "on", "at", "after", "from", "near", "during"):
            sub = list(tok.subtree)
            if 2 <= len(sub) <= 5 and any(t.ent_type_ in ("GPE", "LOC", "DATE", "ORG", "FAC", "EVENT") for t in sub):
                out.append(doc[sub[0].i : sub[-1].i + 1].text.strip(" ,;:'\"-"))
    return out


def _pair(sentences: Sequence[str], hyp: str, label: str, window: tuple[int, ...] | None = None) -> dict[str, str]:
    """A pair whose premise is what the runtime reads: ``window`` when the evidence is known to
    span it, else the claim's best candidate window in ``sentences``."""
    win = window if window is not None else candidate_windows(sentences, hyp)[0]
    return {"premise": premise_text(sentences, win), "hypothesis": hyp, "label": label, "source": SOURCE}


def make_summary_pairs(docs: Sequence[Any], *, per_doc: int, seed: int) -> list[dict[str, str]]:
    """Summary-style ``{"premise", "hypothesis", "label", "source"}`` pairs from parsed articles
    (each pair's ``doc`` key names its article's index in ``docs``, for splitting by article)."""
    rng = random.Random(seed)
    pools: dict[str, set[str]] = defaultdict(set)
    phrases: list[list[str]] = []
    for doc in docs:
        for ent in doc.ents:
            pools[ent.label_].add(ent.text)
        phrases.append(_fact_phrases(doc))
    global_pools = {k: sorted(v) for k, v in pools.items()}
    out: list[dict[str, str]] = []
    for d, doc in enumerate(docs):
        sents = list(doc.sents)
        texts = [s.text.strip() for s in sents]
        if len(texts) < 3:
            continue
        local: dict[str, set[str]] = defaultdict(set)
        for ent in doc.ents:
            local[ent.label_].add(ent.text)
        doc_pools = {k: sorted(v) if len(v) > 1 else global_pools.get(k, []) for k, v in local.items()}
        people = sorted(local.get("PERSON", set()))
        other_phrases = [p for j, ps in enumerate(phrases) if j != d for p in ps[:3]]
        usable = [i for i, s in enumerate(sents) if MIN_WORDS <= len(s) <= MAX_WORDS]
        rng.shuffle(usable)
        made: list[dict[str, str]] = []
        for i in usable[:per_doc]:
            sent = sents[i]
            drop = compress(sent, rng)
            window: tuple[int, ...] | None = None
            repl: dict[int, str] = {}
            pron = _pronoun_subject(sent)
            ante = _antecedent(sents[i - 1]) if i > 0 and pron is not None else None
            if pron is not None and ante and pron.i not in drop:
                repl = {pron.i: ante}
                window = (i - 1, i)
                wrong = [p for p in people if p.lower() not in ante.lower() and ante.lower() not in p.lower()]
                if wrong and rng.random() < 0.5:
                    hyp = render(sent, drop, {pron.i: rng.choice(wrong)})
                    if hyp:
                        made.append(_pair(texts, hyp, "contradiction", window))
            pos = render(sent, drop, repl)
            if not pos or len(pos.split()) < 5:
                continue
            made.append(_pair(texts, pos, "entailment", window))
            edits = [
                partial(_entity_swap, sent, drop, doc_pools, rng), partial(_entity_swap, sent, drop, doc_pools, rng),
                partial(_role_swap, sent, drop), partial(_negation, sent), partial(_antonym, sent, drop),
            ]
            rng.shuffle(edits)
            for edit in edits:
                change = edit()
                if change and not set(change) & set(repl):
                    neg = render(sent, drop, {**repl, **change})
                    if neg and neg != pos:
                        made.append(_pair(texts, neg, "contradiction", window))
                        break
            roll = rng.random()
            if roll < 0.4:
                fact = _inserted_fact(other_phrases, rng)
                if fact and fact.lower() not in doc.text.lower():
                    made.append(_pair(texts, f"{pos[:-1]} {fact}.", "neutral", window))
            elif roll < 0.8 and len(texts) > 4:
                rest = texts[:i] + texts[i + 1 :]
                if window is not None:
                    rest = texts[: i - 1] + texts[i + 1 :]
                made.append(_pair(rest, pos, "neutral"))
        for p in made:
            p["doc"] = str(d)
        out.extend(made)
    return out


__all__ = ["SOURCE", "compress", "make_summary_pairs", "render"]
