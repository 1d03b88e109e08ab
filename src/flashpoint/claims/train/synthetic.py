"""In-domain synthetic pairs made from news sentences, in the manner of FactCC.

The public NLI sets are about photographs and fiction; the statements Flashpoint checks are news.
From parsed news articles that are never reported on (FRANK *valid* articles, QAGS and CLIFF-val
documents) each chosen sentence gives:

- entailment: the sentence itself, or the sentence with one adjunct (a prepositional phrase, an
  apposition, a relative clause...) or its attribution ("..., police said") removed;
- contradiction: an entity swapped for another of the same type (people, countries,
  nationalities, dates, numbers...), subject and object swapped (role reversal), a negation added
  or removed, a verb replaced by its antonym;
- neutral: a sentence of the same article whose premise is retrieved with that sentence removed
  (a related claim the evidence does not carry), or a sentence of another article.

The premise is always what the runtime would read: ``claims.evidence.premise`` over the article
sentences. Every choice is drawn from a seeded ``random.Random``.
"""

from __future__ import annotations

import functools
import json
import random
from collections import defaultdict
from collections.abc import Sequence
from functools import partial
from pathlib import Path
from typing import Any

from ..evidence import premise

PERTURB_PATH = Path(__file__).with_name("data") / "perturb.json"
MIN_WORDS, MAX_WORDS = 8, 45


@functools.lru_cache(maxsize=1)
def perturb_lists() -> dict[str, Any]:
    """The word lists in perturb.json, with the antonym pairs made symmetric."""
    data = json.loads(PERTURB_PATH.read_text(encoding="utf-8"))
    ant: dict[str, str] = {}
    for a, b in data["antonyms"]:
        ant[a], ant[b] = b, a
    data["antonym_map"] = ant
    return data


def _replace(sent: Any, start: int, end: int, new: str) -> str:
    """``sent`` text with the character span [start, end) (sentence-relative) replaced."""
    text = sent.text
    out = text[:start] + new + text[end:]
    return " ".join(out.split())


def _drop_adjunct(sent: Any, rng: random.Random) -> str | None:
    deps = set(perturb_lists()["adjunct_deps"])
    cands = [
        t for t in sent
        if t.dep_ in deps and t.head.i != t.i and 2 <= len(list(t.subtree)) <= 12
        and not any(c.ent_type_ in ("DATE", "CARDINAL") for c in t.subtree if c.i == t.i)
    ]
    if not cands:
        return None
    tok = rng.choice(cands)
    sub = list(tok.subtree)
    s = sub[0].idx - sent.start_char
    e = sub[-1].idx + len(sub[-1].text) - sent.start_char
    out = _replace(sent, s, e, "").replace(" ,", ",").replace(",,", ",").replace(" .", ".")
    return out if len(out.split()) >= MIN_WORDS - 2 else None


def _drop_attribution(sent: Any) -> str | None:
    verbs = set(perturb_lists()["attribution_verbs"])
    root = sent.root
    if root.lower_ not in verbs:
        return None
    for child in root.children:
        if child.dep_ in ("ccomp", "xcomp") and len(list(child.subtree)) >= MIN_WORDS - 2:
            sub = list(child.subtree)
            text = sent.doc.text[sub[0].idx : sub[-1].idx + len(sub[-1].text)].strip(" ,'\"`")
            return text[:1].upper() + text[1:] + "."
    return None


def _swap_entity(sent: Any, pools: dict[str, list[str]], rng: random.Random) -> str | None:
    labels = set(perturb_lists()["swap_labels"])
    ents = [e for e in sent.ents if e.label_ in labels]
    rng.shuffle(ents)
    for ent in ents:
        low = ent.text.lower()
        others = [o for o in pools.get(ent.label_, ()) if o.lower() not in low and low not in o.lower()]
        if ent.label_ in ("CARDINAL", "MONEY", "PERCENT") and any(ch.isdigit() for ch in ent.text):
            return _replace(sent, ent.start_char - sent.start_char, ent.end_char - sent.start_char, _other_number(ent.text, rng))
        if others:
            new = rng.choice(others)
            return _replace(sent, ent.start_char - sent.start_char, ent.end_char - sent.start_char, new)
    return None


def _other_number(text: str, rng: random.Random) -> str:
    digits = "".join(ch for ch in text if ch.isdigit())
    value = int(digits[:9]) if digits else 1
    new = value
    while new == value:
        new = max(1, int(value * rng.choice([0.3, 0.5, 2, 3, 10]) + rng.randint(-3, 3)))
    return text.replace(text[text.index(digits[0]) : text.rindex(digits[-1]) + 1], f"{new:,}" if "," in text else str(new), 1)


def _swap_roles(sent: Any) -> str | None:
    root = sent.root
    subj = [c for c in root.children if c.dep_ == "nsubj" and c.ent_type_]
    obj = [c for c in root.children if c.dep_ in ("dobj", "pobj") and c.ent_type_]
    if not subj or not obj:
        return None
    a, b = list(subj[0].subtree), list(obj[0].subtree)
    sa, ea = a[0].idx - sent.start_char, a[-1].idx + len(a[-1].text) - sent.start_char
    sb, eb = b[0].idx - sent.start_char, b[-1].idx + len(b[-1].text) - sent.start_char
    ta, tb = sent.text[sa:ea], sent.text[sb:eb]
    if ta.lower() == tb.lower() or eb <= ea:
        return None
    text = sent.text
    out = text[:sa] + tb + text[ea:sb] + ta + text[eb:]
    return " ".join(out.split())


def _negate(sent: Any) -> str | None:
    lists = perturb_lists()
    root = sent.root
    for child in root.children:
        if child.dep_ == "neg":
            s = child.idx - sent.start_char
            return _replace(sent, s, s + len(child.text), "").replace("n't", "")
    for child in root.children:
        if child.dep_ in ("aux", "auxpass") and child.lower_ in lists["negatable_aux"]:
            e = child.idx + len(child.text) - sent.start_char
            return _replace(sent, e, e, " not")
    if root.tag_ in lists["do_support"] and root.pos_ == "VERB":
        s = root.idx - sent.start_char
        return _replace(sent, s, s + len(root.text), f"{lists['do_support'][root.tag_]} not {root.lemma_}")
    return None


def _antonym(sent: Any) -> str | None:
    ant = perturb_lists()["antonym_map"]
    for tok in sent:
        if tok.lower_ in ant and tok.pos_ in ("VERB", "ADJ", "ADV", "ADP"):
            s = tok.idx - sent.start_char
            return _replace(sent, s, s + len(tok.text), ant[tok.lower_])
    return None


def make_pairs(docs: Sequence[Any], *, per_doc: int, seed: int) -> list[dict[str, str]]:
    """Synthetic ``{"premise", "hypothesis", "label", "source"}`` pairs from parsed articles."""
    rng = random.Random(seed)
    pools: dict[str, set[str]] = defaultdict(set)
    for doc in docs:
        for ent in doc.ents:
            pools[ent.label_].add(ent.text)
    global_pools = {k: sorted(v) for k, v in pools.items()}
    all_sents: list[str] = [s.text.strip() for d in docs for s in d.sents if MIN_WORDS <= len(s) <= MAX_WORDS]
    out: list[dict[str, str]] = []
    for doc in docs:
        sents = list(doc.sents)
        texts = [s.text.strip() for s in sents]
        local = defaultdict(list)
        for ent in doc.ents:
            local[ent.label_].append(ent.text)
        doc_pools = {k: sorted(set(v)) if len(set(v)) > 1 else global_pools.get(k, []) for k, v in local.items()}
        for k, v in global_pools.items():
            doc_pools.setdefault(k, v)
        usable = [i for i, s in enumerate(sents) if MIN_WORDS <= len(s) <= MAX_WORDS]
        rng.shuffle(usable)
        for i in usable[:per_doc]:
            sent = sents[i]
            pos = rng.choice([_drop_adjunct(sent, rng), _drop_attribution(sent), texts[i], texts[i]]) or texts[i]
            out.append({"premise": premise(texts, pos), "hypothesis": pos, "label": "entailment", "source": "synthetic_news"})
            ops = [
                partial(_swap_entity, sent, doc_pools, rng), partial(_swap_entity, sent, doc_pools, rng),
                partial(_swap_roles, sent), partial(_negate, sent), partial(_antonym, sent),
            ]
            rng.shuffle(ops)
            for op in ops:
                neg = op()
                if neg and neg != texts[i]:
                    out.append({"premise": premise(texts, neg), "hypothesis": neg, "label": "contradiction", "source": "synthetic_news"})
                    break
            if rng.random() < 0.5 and len(texts) > 3:
                rest = texts[:i] + texts[i + 1 :]
                out.append({"premise": premise(rest, texts[i]), "hypothesis": texts[i], "label": "neutral", "source": "synthetic_news"})
            elif all_sents:
                other = rng.choice(all_sents)
                if other not in texts:
                    out.append({"premise": premise(texts, other), "hypothesis": other, "label": "neutral", "source": "synthetic_news"})
    return out


__all__ = ["make_pairs", "perturb_lists"]
