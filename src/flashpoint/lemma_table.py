"""spaCy's rule lemmatizer, and Flashpoint's correction after it, answered from a table.

A token's lemma after the two components (spaCy's ``lemmatizer``, then ``nlp.e_stem_lemmas``)
depends only on its form, part of speech, tag, morphology and the lemma it came with (the
attribute ruler sets a few: "gonna", pronouns): the rule lemmatizer reads the form, the
part of speech and the morphology (``is_base_form``) against tables that do not change, and
the correction reads the lowercase form, the tag and the lemma. So ``LemmaTable`` computes the
answer once per (form, POS, tag, morphology, lemma in) with the components' own code and looks
it up afterwards: one ``Doc.to_array`` and one ``Doc.from_array`` per document instead of a
Python call per token. spaCy's lemmatizer keeps a cache of its own, but not of the words it
finds already in their base form (``is_base_form`` builds the morphology as a dict for each),
the most frequent case; on the 55 texts ``analyze`` parses of ``examples/`` the two components
cost 0.020 CPU-s per pass and the table 0.003 (2026-12-05).

The table answers exactly what the components answer: ``tests/test_lemma_table.py`` compares
every token's lemma with the two components run as spaCy runs them on sentences written for
it (and every token of 1,580 texts, ``examples/`` and FRANK CNN/DM, 246,876 tokens, was equal,
2026-12-05). Memory is bounded: at most ``KEYS`` answers are remembered, then forgotten and found
again; the 250 CNN/DM articles of FRANK (165,084 tokens) gave 18,541 answers of ~310 bytes.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

LEMMA_TABLE = "flashpoint_lemma_table"
# answers remembered (a key of five integers and a lemma's hash, ~310 bytes) before the memory
# starts afresh: ~15 MB at most, as the attribute table's word classes (``token_rules.WORDS``)
KEYS = 50_000


class LemmaTable:
    """The lemmas of ``lemmatizer`` followed by ``correct`` (a function that may change one
    token's lemma in place), remembered per (ORTH, POS, TAG, MORPH, LEMMA in)."""

    def __init__(self, lemmatizer: Any, correct: Callable[[Any], None]) -> None:
        self.lemmatizer = lemmatizer
        self.correct = correct
        self._answers: dict[tuple[int, int, int, int, int], int] = {}

    def _answer(self, token: Any, key: tuple[int, int, int, int, int]) -> int:
        """Lemmatize one token as the two components do (spaCy's ``Lemmatizer.__call__``: a
        lemma already set is kept unless the lemmatizer overwrites) and remember the result."""
        if self.lemmatizer.overwrite or token.lemma == 0:
            token.lemma_ = self.lemmatizer.lemmatize(token)[0]
        self.correct(token)
        if len(self._answers) >= KEYS:
            self._answers.clear()
        self._answers[key] = token.lemma
        return token.lemma

    def __call__(self, doc: Any) -> Any:
        import numpy as np
        from spacy.attrs import LEMMA, MORPH, ORTH, POS, TAG

        answers = self._answers
        rows = doc.to_array([ORTH, POS, TAG, MORPH, LEMMA]).tolist()
        lemmas = []
        for i, row in enumerate(rows):
            key = tuple(row)
            lemma = answers.get(key)  # type: ignore[arg-type]
            lemmas.append(lemma if lemma is not None else self._answer(doc[i], key))  # type: ignore[arg-type]
        if lemmas:
            doc.from_array([LEMMA], np.array(lemmas, dtype=np.uint64))
        return doc


def replace_lemmatizer(nlp: Any, correct: Callable[[Any], None], after: str) -> bool:
    """Run the pipeline's ``lemmatizer`` and the component ``after`` it (that applies
    ``correct`` to each token) from a table: the table is added after both and the two are
    disabled (kept, so that a test can compare). False, and both left as they are, when the
    pipeline has no rule lemmatizer or no such component."""
    from spacy.language import Language

    if "lemmatizer" not in nlp.pipe_names or after not in nlp.pipe_names:
        return False
    if not Language.has_factory(LEMMA_TABLE):
        Language.factory(LEMMA_TABLE, func=_make_lemma_table)
    nlp.add_pipe(LEMMA_TABLE, after=after, config={})
    nlp.get_pipe(LEMMA_TABLE).correct = correct
    nlp.disable_pipe("lemmatizer")
    nlp.disable_pipe(after)
    return True


def _make_lemma_table(nlp: Any, name: str) -> LemmaTable:
    return LemmaTable(nlp.get_pipe("lemmatizer"), lambda token: None)
