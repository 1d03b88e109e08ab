"""spaCy's two rule components, the attribute ruler and the lemmatizer, run from tables.

In the shipped pipeline the attribute ruler (179 patterns: the tag map, pronoun and auxiliary
exceptions, "gonna"/"y'all" lemmas) runs spaCy's general ``Matcher`` over every token of every
document: a seventh of the whole parse (the 55 texts ``analyze`` parses of ``examples/``,
2026-12-05: 0.12 s of 0.84 s). The rule lemmatizer keeps a cache, but still makes a Python
method call, a tuple and a string write per token (0.016 s). Both answer from a few attributes
of a token, and news repeats its tokens, so Flashpoint computes each answer once per process
and looks it up afterwards (0.006 s and 0.004 s on the same texts once the tables hold their
words; on texts never seen, the first pass over them, 0.07 s and 0.14 s, the lemmatizer's own
first pass costing as much; 21,662 benchmark texts, 949k tokens, read once: the whole parse 7%
cheaper):

- ``AttributeTable``: which of the ruler's patterns match a token depends only on the token's
  lowercase form, tag, dependency label and whether it is whitespace (the attributes its
  one-token patterns test), and the patterns of more than one token (eight, "gon" + "na")
  are checked against the same per-key answers. The attributes are set by spaCy's own
  ``set_token_attrs`` in the ruler's order (later patterns win), exactly as the ruler does.
- ``LemmaTable``: the rule lemmatizer's answer depends only on the token's text, its
  part of speech and its morphology (the key of the lemmatizer's own cache); a key not seen yet
  is asked of the lemmatizer itself.

Both answer exactly what the components they stand for answer: ``tests/test_token_rules.py``
parses sentences with both pipelines and compares every token's POS, tag, dependency,
morphology and lemma. A ruler holding a pattern these tables cannot read (an operator such as
``"OP"``, an attribute other than those four) is left in place (``replace_rule_components``).
The caches grow with the vocabulary of what is parsed (a few hundred thousand keys at most, like
the lemmatizer's own cache), never with the number of documents.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

ATTRIBUTE_TABLE = "flashpoint_attribute_table"
LEMMA_TABLE = "flashpoint_lemma_table"
# the token attributes the table reads, in the order of its keys
_KEY_ATTRS = ("LOWER", "TAG", "DEP", "IS_SPACE")
_OPERATORS = frozenset({"IN", "NOT_IN", "REGEX"})

Test = Callable[[tuple[str, str, str, bool]], bool]


def _value_test(attr: str, value: Any) -> Test | None:
    """The test one attribute of a one-token pattern makes, on ``(lower, tag, dep, is_space)``;
    ``None`` when it is one the table cannot read (the ruler is then kept)."""
    if attr not in _KEY_ATTRS:
        return None
    at = _KEY_ATTRS.index(attr)
    if isinstance(value, dict):
        if not value or set(value) - _OPERATORS:
            return None
        tests: list[Test] = []
        for op, arg in value.items():
            if op == "REGEX":
                pattern = re.compile(arg)
                tests.append(lambda k, p=pattern: bool(p.search(k[at])))
            else:
                members = frozenset(arg)
                if op == "IN":
                    tests.append(lambda k, m=members: k[at] in m)
                else:
                    tests.append(lambda k, m=members: k[at] not in m)
        return lambda k: all(t(k) for t in tests)
    if isinstance(value, (str, bool)):
        return lambda k: k[at] == value
    return None


def _token_test(spec: dict[str, Any]) -> Test | None:
    tests = [_value_test(attr, value) for attr, value in spec.items()]
    if any(t is None for t in tests):
        return None
    return lambda k: all(t(k) for t in tests)  # type: ignore[misc]


class AttributeTable:
    """The attribute ruler's patterns answered per token key (see the module's docstring)."""

    def __init__(self, ruler: Any, vocab: Any) -> None:
        self.attrs: list[dict[int, int]] = list(ruler.attrs)
        self.vocab = vocab
        # (attr_id, test) of the one-token patterns, by the one tag they require (most of them:
        # the tag map) and, under None, those that allow several tags
        self.single: dict[str | None, list[tuple[int, Test]]] = {}
        # (attr_id, index of the token it sets, one test per token) of the longer ones
        self.multi: list[tuple[int, int, list[Test]]] = []
        for attr_id, group in enumerate(ruler.patterns):
            for pattern in group["patterns"]:
                tests = [_token_test(spec) for spec in pattern]
                if not tests or any(t is None for t in tests):
                    raise ValueError(f"pattern not readable as a table: {pattern}")
                if len(tests) == 1:
                    tag = pattern[0].get("TAG")
                    self.single.setdefault(tag if isinstance(tag, str) else None, []).append((attr_id, tests[0]))  # type: ignore[arg-type]
                else:
                    index = ruler.indices[attr_id]
                    self.multi.append((attr_id, index if index >= 0 else len(tests) + index, tests))  # type: ignore[arg-type]
        # key -> (attr_ids of the one-token patterns that match, their attributes merged in
        # order, the (pattern, position) pairs of the longer patterns the token can fill,
        # the longer patterns it can start)
        self._answers: dict[tuple[int, ...], tuple[tuple[int, ...], dict[int, int], frozenset[tuple[int, int]], tuple[int, ...]]] = {}

    def _answer(self, key: tuple[int, ...]) -> Any:
        strings = self.vocab.strings
        k = (strings[key[0]], strings[key[1]], strings[key[2]], bool(key[3]))
        candidates = [*self.single.get(k[1], ()), *self.single.get(None, ())]
        ids = tuple(sorted({attr_id for attr_id, test in candidates if test(k)}))
        merged: dict[int, int] = {}
        for attr_id in ids:
            merged.update(self.attrs[attr_id])
        fills = frozenset(
            (m, j) for m, (_, _, tests) in enumerate(self.multi) for j, test in enumerate(tests) if test(k)
        )
        starts = tuple(m for m, j in sorted(fills) if j == 0)
        answer = (ids, merged, fills, starts)
        self._answers[key] = answer
        return answer

    def __call__(self, doc: Any) -> Any:
        from spacy.attrs import DEP, IS_SPACE, LOWER, TAG
        from spacy.tokens._retokenize import set_token_attrs

        answers = self._answers
        per = [answers.get(key) or self._answer(key) for key in map(tuple, doc.to_array([LOWER, TAG, DEP, IS_SPACE]).tolist())]
        n = len(per)
        extra: dict[int, list[int]] = {}
        for i, answer in enumerate(per):
            for m in answer[3]:
                attr_id, index, tests = self.multi[m]
                if i + len(tests) <= n and all((m, j) in per[i + j][2] for j in range(1, len(tests))):
                    extra.setdefault(i + index, []).append(attr_id)
        for i, (ids, merged, _, _) in enumerate(per):
            if i in extra:  # as the ruler: every matching pattern in order, later ones win
                for attr_id in sorted({*ids, *extra[i]}):
                    set_token_attrs(doc[i], self.attrs[attr_id])
            elif merged:
                set_token_attrs(doc[i], merged)
        return doc


class LemmaTable:
    """The rule lemmatizer's lemmas per (text, POS, morphology) (see the module's docstring)."""

    def __init__(self, lemmatizer: Any) -> None:
        self.lemmatizer = lemmatizer
        self.overwrite = bool(getattr(lemmatizer, "overwrite", False))
        self._lemmas: dict[tuple[int, int, int], str] = {}

    def __call__(self, doc: Any) -> Any:
        from spacy.attrs import LEMMA, MORPH, ORTH, POS

        lemmas = self._lemmas
        strings = doc.vocab.strings
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA])
        changed = False
        for i, (orth, pos, morph, lemma) in enumerate(rows.tolist()):
            if lemma and not self.overwrite:
                continue
            key = (orth, pos, morph)
            text = lemmas.get(key)
            if text is None:
                text = lemmas[key] = self.lemmatizer.lemmatize(doc[i])[0]
            rows[i, 3] = strings.add(text)
            changed = True
        if changed:
            doc.from_array([LEMMA], rows[:, 3:4])
        return doc


def replace_rule_components(nlp: Any) -> list[str]:
    """Run the pipeline's attribute ruler and rule lemmatizer from tables: each table is added
    right after the component it answers for, and that component is disabled (kept, so that a
    test can compare the two). Returns the names of the components replaced; a ruler whose
    patterns the table cannot read, or a lemmatizer in another mode, stays as it is."""
    from spacy.language import Language

    if not Language.has_factory(ATTRIBUTE_TABLE):
        Language.factory(ATTRIBUTE_TABLE, func=_make_attribute_table)
    if not Language.has_factory(LEMMA_TABLE):
        Language.factory(LEMMA_TABLE, func=_make_lemma_table)
    replaced: list[str] = []
    if "attribute_ruler" in nlp.pipe_names:
        try:
            AttributeTable(nlp.get_pipe("attribute_ruler"), nlp.vocab)
        except ValueError:
            pass
        else:
            nlp.add_pipe(ATTRIBUTE_TABLE, after="attribute_ruler")
            nlp.disable_pipe("attribute_ruler")
            replaced.append("attribute_ruler")
    if "lemmatizer" in nlp.pipe_names and getattr(nlp.get_pipe("lemmatizer"), "mode", None) == "rule":
        nlp.add_pipe(LEMMA_TABLE, after="lemmatizer")
        nlp.disable_pipe("lemmatizer")
        replaced.append("lemmatizer")
    return replaced


def _make_attribute_table(nlp: Any, name: str) -> AttributeTable:
    return AttributeTable(nlp.get_pipe("attribute_ruler"), nlp.vocab)


def _make_lemma_table(nlp: Any, name: str) -> LemmaTable:
    return LemmaTable(nlp.get_pipe("lemmatizer"))
