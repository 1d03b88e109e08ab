"""spaCy's attribute ruler answered from a table.

In the shipped pipeline the attribute ruler (179 patterns: the tag map, pronoun and auxiliary
exceptions, "gonna"/"y'all" lemmas) runs spaCy's general ``Matcher`` over every token of every
document: a seventh of the whole parse (the 55 texts ``analyze`` parses of ``examples/``,
2026-12-05: 0.12 s of 0.84 s). Which of its patterns match a token depends only on the token's
tag, dependency label, whether it is whitespace, and which of the patterns' tests on the
lowercase form it passes (its *word class*: "the", "they" and "itself" each have a class of
their own; "rebels", "Geneva" and every other word the patterns never name share one). So
``AttributeTable`` computes the answer once per (word class, tag, dependency, whitespace) and
looks it up afterwards; the patterns of more than one token (eight, "gon" + "na") are checked
against the same per-token answers. The attributes are set by spaCy's own ``set_token_attrs`` in
the ruler's order (later patterns win), exactly as the ruler does. 0.005 s instead of 0.12 on
those texts once the table holds their words, 0.04 s on their first pass; 21,662 texts read once
(below) were parsed in 102 CPU-s instead of 117.

The table answers exactly what the ruler answers: every token's ORTH, POS, TAG, DEP, HEAD, MORPH,
LEMMA and entity with either was equal on 21,662 texts (examples/, FRANK CNN/DM, SummEdits news,
ConfliBERT, VOA quotes, NLI training texts: 949,372 tokens, 2026-12-05), and
``tests/test_token_rules.py`` compares them on sentences written for it. A ruler holding a
pattern the table cannot read (an operator such as ``"OP"``, an attribute other than those
four) is left in place (``replace_attribute_ruler``). Memory is bounded: the answers are a few
thousand; the word classes of lowercase forms are remembered for at most ``WORDS`` forms, then
forgotten and found again (a word's class costs a few microseconds).

The rule lemmatizer after it is answered from a table of its own (``lemma_table``): its own
cache leaves out the words already in their base form, the most frequent case.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

ATTRIBUTE_TABLE = "flashpoint_attribute_table"
# lowercase forms whose word class is remembered (~135 bytes each) before the memory starts afresh
WORDS = 100_000
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
    """The attribute ruler's patterns answered per (word class, tag, dependency, whitespace)
    (see the module's docstring)."""

    def __init__(self, ruler: Any, vocab: Any) -> None:
        self.attrs: list[dict[int, int]] = list(ruler.attrs)
        self.vocab = vocab
        # (attr_id, test) of the one-token patterns, by the one tag they require (most of them:
        # the tag map) and, under None, those that allow several tags
        self.single: dict[str | None, list[tuple[int, Test]]] = {}
        # (attr_id, index of the token it sets, one test per token) of the longer ones
        self.multi: list[tuple[int, int, list[Test]]] = []
        # every test of the patterns on the lowercase form: a word's class is which it passes
        self.lower_tests: list[Test] = []
        for attr_id, group in enumerate(ruler.patterns):
            for pattern in group["patterns"]:
                tests = [_token_test(spec) for spec in pattern]
                if not tests or any(t is None for t in tests):
                    raise ValueError(f"pattern not readable as a table: {pattern}")
                self.lower_tests.extend(
                    _value_test("LOWER", spec["LOWER"]) for spec in pattern if "LOWER" in spec  # type: ignore[misc]
                )
                if len(tests) == 1:
                    tag = pattern[0].get("TAG")
                    self.single.setdefault(tag if isinstance(tag, str) else None, []).append((attr_id, tests[0]))  # type: ignore[arg-type]
                else:
                    index = ruler.indices[attr_id]
                    self.multi.append((attr_id, index if index >= 0 else len(tests) + index, tests))  # type: ignore[arg-type]
        self._word_class: dict[int, int] = {}  # lowercase form's hash -> its class
        self._classes: dict[tuple[bool, ...], int] = {}  # the tests a class passes -> the class
        self._examples: list[str] = []  # class -> a lowercase form of it
        # (class, tag, dep, is_space) -> (attr_ids of the one-token patterns that match, their
        # attributes merged in order, the (pattern, position) pairs of the longer patterns the
        # token can fill, the longer patterns it can start)
        self._answers: dict[tuple[int, int, int, int], tuple[tuple[int, ...], dict[int, int], frozenset[tuple[int, int]], tuple[int, ...]]] = {}

    def _class_of(self, lower: int) -> int:
        form = self.vocab.strings[lower]
        passed = tuple(test((form, "", "", False)) for test in self.lower_tests)
        found = self._classes.get(passed)
        if found is None:
            found = self._classes[passed] = len(self._examples)
            self._examples.append(form)
        if len(self._word_class) >= WORDS:
            self._word_class.clear()
        self._word_class[lower] = found
        return found

    def _answer(self, key: tuple[int, int, int, int]) -> Any:
        strings = self.vocab.strings
        # a form of the class stands for every form of it: the patterns test no more of it
        k = (self._examples[key[0]], strings[key[1]], strings[key[2]], bool(key[3]))
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

        answers, word_class = self._answers, self._word_class
        per = []
        for lower, tag, dep, space in doc.to_array([LOWER, TAG, DEP, IS_SPACE]).tolist():
            c = word_class.get(lower)
            key = (self._class_of(lower) if c is None else c, tag, dep, space)
            per.append(answers.get(key) or self._answer(key))
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


def replace_attribute_ruler(nlp: Any) -> bool:
    """Run the pipeline's attribute ruler from a table: the table is added right after it and
    the ruler disabled (kept, so that a test can compare the two). False, and the ruler left as
    it is, when the pipeline has none or its patterns are not readable as a table."""
    from spacy.language import Language

    if "attribute_ruler" not in nlp.pipe_names:
        return False
    try:
        AttributeTable(nlp.get_pipe("attribute_ruler"), nlp.vocab)
    except ValueError:
        return False
    if not Language.has_factory(ATTRIBUTE_TABLE):
        Language.factory(ATTRIBUTE_TABLE, func=_make_attribute_table)
    nlp.add_pipe(ATTRIBUTE_TABLE, after="attribute_ruler")
    nlp.disable_pipe("attribute_ruler")
    return True


def _make_attribute_table(nlp: Any, name: str) -> AttributeTable:
    return AttributeTable(nlp.get_pipe("attribute_ruler"), nlp.vocab)
