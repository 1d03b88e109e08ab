"""Which article sentences a statement should be read against: one retrieval rule for all.

The cross-encoder reads a short premise (about 128 word pieces), so a long article is first cut
down to the few sentences that share the statement's rarest words. Training builds the premises
of its document-level pairs with ``select_evidence`` and the runtime checker calls the very same
function, so the model is tested on the kind of premise it was trained on.

At run time each claim is read against several candidate premises (``candidate_windows``): the
best single sentences and pairs of adjacent sentences by the same retrieval score, as SummaC
reads a summary sentence against every document sentence and keeps the best. The model decides
which candidate supports the claim; retrieval only keeps the number of model calls small.

Scoring is BM25-like over lower-cased word stems (first 6 letters), with the inverse sentence
frequency computed inside the article: words that occur in every sentence decide nothing. Numbers
count double, because a statement's number is what most often needs its sentence.
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter
from collections.abc import Sequence

from spacy.lang.en.stop_words import STOP_WORDS

_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*|\d[\d,.]*")
STEM_LEN = 6
NUMBER_WEIGHT = 2.0
BM25_K1 = 1.2
BM25_B = 0.5
MAX_SENTENCES = 3
MAX_WORDS = 90
# Candidate premises per claim: the WINDOWS best windows of WINDOW_SIZES adjacent sentences.
# Chosen on FRANK CNN/DM valid with the model alone (grouped CV balanced accuracy of the weakest
# claim's best P(entailment)): one 3-sentence premise per claim 0.60; best of 3 windows of 1-2
# sentences 0.69; 5-6 windows 0.69-0.70 for twice the model calls; adding 3-sentence windows
# did not help (0.66-0.67).
WINDOWS = 3
WINDOW_SIZES = (1, 2)


def terms(text: str) -> list[str]:
    """The match terms of a text: stems of its content words and its numbers (commas dropped)."""
    out = []
    for w in _WORD.findall(text):
        lw = w.lower().strip("'-.,")
        if not lw or lw in STOP_WORDS:
            continue
        out.append(lw.replace(",", "") if lw[0].isdigit() else lw[:STEM_LEN])
    return out


@functools.lru_cache(maxsize=8)
def _article_terms(sentences: tuple[str, ...]) -> tuple[list[Counter[str]], Counter[str], float]:
    """Each sentence's terms, their sentence frequencies and the mean sentence length: the
    same for every claim read against one article, so computed once per article (the last few
    articles are kept: the checker reads one article's statements together)."""
    sent_terms = [Counter(terms(s)) for s in sentences]
    df: Counter[str] = Counter()
    for st in sent_terms:
        df.update(st.keys())
    avg_len = sum(sum(st.values()) for st in sent_terms) / len(sentences) or 1.0
    return sent_terms, df, avg_len


def rank_sentences(sentences: Sequence[str], statement: str) -> list[tuple[float, int]]:
    """``(score, index)`` of every sentence sharing a term with ``statement``, best first."""
    want = Counter(terms(statement))
    if not want or not sentences:
        return []
    sent_terms, df, avg_len = _article_terms(tuple(sentences))
    n = len(sentences)
    scored = []
    for i, st in enumerate(sent_terms):
        length = sum(st.values())
        score = 0.0
        for term in want:
            tf = st.get(term, 0)
            if not tf:
                continue
            idf = math.log(1.0 + (n - df[term] + 0.5) / (df[term] + 0.5))
            weight = NUMBER_WEIGHT if term[0].isdigit() else 1.0
            norm = tf + BM25_K1 * (1 - BM25_B + BM25_B * length / avg_len)
            score += weight * idf * tf * (BM25_K1 + 1) / norm
        if score > 0:
            scored.append((score, i))
    scored.sort(key=lambda x: (-x[0], x[1]))
    return scored


def select_evidence(
    sentences: Sequence[str],
    statement: str,
    *,
    max_sentences: int = MAX_SENTENCES,
    max_words: int = MAX_WORDS,
) -> list[int]:
    """Indices (in article order) of the best sentences for ``statement`` within a word budget.

    Sentences are taken best first until ``max_sentences`` or ``max_words`` is reached (the
    best one is always taken, however long), then put back in article order so that evidence
    spanning adjacent sentences reads as it does in the article. A sentence repeated word for word
    in the article (pages often repeat captions) is taken once. Falls back to the first
    sentence when nothing matches, so every statement gets a premise.
    """
    if not sentences:
        return []
    ranked = rank_sentences(sentences, statement)
    if not ranked:
        return [0]
    chosen: list[int] = []
    seen: set[str] = set()
    words = 0
    for _, i in ranked:
        n = len(sentences[i].split())
        if (chosen and words + n > max_words) or sentences[i].strip() in seen:
            continue
        seen.add(sentences[i].strip())
        chosen.append(i)
        words += n
        if len(chosen) >= max_sentences:
            break
    return sorted(chosen)


def candidate_windows(
    sentences: Sequence[str],
    claim: str,
    *,
    k: int = WINDOWS,
    sizes: Sequence[int] = WINDOW_SIZES,
) -> list[tuple[int, ...]]:
    """The ``k`` best windows of adjacent sentences (index tuples) to read ``claim`` against,
    best first.

    A window scores the sum of its sentences' retrieval scores over the square root of its
    length, so a neighbour is added only when it shares enough of the claim's words to pay for
    the longer premise. Windows with the same text (pages repeat captions) are taken once.
    Falls back to the first sentence when nothing matches.
    """
    if not sentences:
        return []
    ranked = {i: score for score, i in rank_sentences(sentences, claim)}
    scored: list[tuple[float, int, tuple[int, ...]]] = []
    for size in sizes:
        for start in range(len(sentences) - size + 1):
            window = tuple(range(start, start + size))
            total = sum(ranked.get(i, 0.0) for i in window)
            if total > 0:
                scored.append((total / math.sqrt(size), -start, window))
    scored.sort(key=lambda x: (-x[0], -x[1], len(x[2])))
    out: list[tuple[int, ...]] = []
    seen: set[str] = set()
    for _, _, window in scored:
        text = " ".join(sentences[i].strip() for i in window)
        if text in seen:
            continue
        seen.add(text)
        out.append(window)
        if len(out) >= k:
            break
    return out or [(0,)]


def premise(sentences: Sequence[str], statement: str, **kw: int) -> str:
    """The premise text the model reads for ``statement``: the selected sentences, joined."""
    return " ".join(sentences[i].strip() for i in select_evidence(sentences, statement, **kw))


__all__ = ["candidate_windows", "premise", "rank_sentences", "select_evidence", "terms"]
