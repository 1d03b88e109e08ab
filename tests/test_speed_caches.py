"""Work the analysis no longer repeats, and proof that the results are those of doing it:
entities read once per document (``nlp.ents_within`` / ``ents_starting_within``, used by the
claims' date reader on every article sentence; ``entity_at``, used by the coder per victim), and a statement's own events coded only for the
verdict whose reason names them (``claims.check``)."""

from __future__ import annotations

import contextlib

import pytest

TEXT = (
    "On Monday, the United Nations said Russian forces shelled Kharkiv. "
    "President Volodymyr Zelensky met Antony Blinken in Kyiv on 3 March 2023. "
    "The European Union and NATO condemned the attack on Tuesday, and the World Health Organization "
    "sent supplies to Odesa."
)


@pytest.mark.parametrize("text", [TEXT])
def test_entities_read_once_per_document_are_those_of_doc_ents(nlp, text):
    from flashpoint.nlp import ents_starting_within, ents_within

    doc = nlp(text)
    assert len(doc.ents) >= 5
    for start in range(len(doc) + 1):
        for end in range(start, len(doc) + 1):
            whole = [(e.start, e.end, e.label_) for e in doc.ents if e.start >= start and e.end <= end]
            starting = [(e.start, e.end, e.label_) for e in doc.ents if start <= e.start < end]
            assert [(e.start, e.end, e.label_) for e in ents_within(doc, start, end)] == whole
            assert [(e.start, e.end, e.label_) for e in ents_starting_within(doc, start, end)] == starting


@pytest.mark.parametrize("text", [TEXT])
def test_entity_at_is_the_entity_of_doc_ents_holding_the_token(nlp, text):
    from flashpoint.nlp import entity_at

    doc = nlp(text)
    for tok in doc:
        holding = [(e.start, e.end, e.label_) for e in doc.ents if e.start <= tok.i < e.end]
        found = entity_at(doc, tok.i)
        assert ([] if found is None else [(found.start, found.end, found.label_)]) == holding


@pytest.mark.parametrize(
    ("statement", "codes_events"),
    [
        ("Russian forces shelled Kharkiv on Monday.", False),  # supported: its events name nothing
        ("Thousands of people protested in Lviv against the mobilisation.", True),  # not_in_source
    ],
)
def test_statement_events_are_coded_only_for_the_reason_that_names_them(nlp, monkeypatch, statement, codes_events):
    from flashpoint.claims import check as check_module
    from flashpoint.records import Article

    article = Article(id="a", text="On Monday, Russian forces shelled Kharkiv, officials said. Schools were closed.")
    article_doc = nlp(article.text)
    real = check_module.code_doc
    article_events = real(article_doc)
    calls: list[str] = []

    def counting(doc, **kw):
        calls.append(doc.text)
        return real(doc, **kw)

    monkeypatch.setattr(check_module, "code_doc", counting)
    (result,) = check_module.check_statements(
        article, article_doc, [statement], statement_docs=[nlp(statement)], article_events=article_events
    )
    assert (result.verdict == "not_in_source") == codes_events
    assert calls == ([statement] if codes_events else [])
    if codes_events:
        assert result.reason.startswith("no sentence reports")


ARTICLE = (
    "Azerbaijan said on Monday that Armenian forces had shelled its positions near Lachin. "
    "Armenia denied the claim and accused Azerbaijan of preparing an offensive. "
    "The United Nations urged Armenia and Azerbaijan to return to talks in Brussels, and "
    "the European Union said Charles Michel would host the two leaders."
)
STATEMENTS = [
    "Armenia accused Azerbaijan of preparing an offensive.",
    "Azerbaijan urged the United Nations to host talks in Brussels.",
    "The UN called on both countries to resume negotiations.",
]


@pytest.mark.parametrize(("article_text", "statements"), [(ARTICLE, STATEMENTS)])
def test_actor_keys_read_once_per_article_give_the_verdicts_of_reading_each(nlp, monkeypatch, article_text, statements):
    from flashpoint.claims import check as check_module
    from flashpoint.claims import units
    from flashpoint.records import Article

    article = Article(id="a", text=article_text, published=None)
    real = units._actor_key
    asked: list[str] = []

    def counting(name):
        asked.append(name)
        return real(name)

    monkeypatch.setattr(units, "_actor_key", counting)

    def run():
        asked.clear()
        return check_module.check_statements(
            article, nlp(article_text), statements, statement_docs=[nlp(s) for s in statements]
        )

    remembered = run()
    asked_remembered = list(asked)
    with monkeypatch.context() as m:  # every ask answered anew, as before the memo
        m.setattr(check_module, "one_article", contextlib.nullcontext)
        each = run()
    assert remembered == each
    assert len(asked_remembered) == len(set(asked_remembered)) < len(asked)
    assert units._ARTICLE_ACTOR_KEYS.get() is None  # nothing kept once the article is checked


@pytest.mark.parametrize("text", [ARTICLE, TEXT])
def test_argument_names_found_by_bisection_are_those_of_doc_ents(nlp, text):
    from flashpoint.claims.roles import arg_keys, arg_text

    doc = nlp(text)
    every = list(doc.ents)  # the document's entities as the phrase's own are read among them
    for tok in doc:
        assert arg_keys(tok) == arg_keys(tok, ents=every), tok.text
        assert arg_text(tok) == arg_text(tok, ents=every), tok.text


@pytest.mark.parametrize("text", [ARTICLE, TEXT])
def test_index_sentence_entities_found_by_bisection_are_those_of_a_scan(nlp, monkeypatch, text):
    from flashpoint.claims import index as index_module

    found = index_module.build_index(nlp(text), title_doc=nlp("Armenia and Azerbaijan trade blame"))

    def scan(doc, start, end):
        return [e for e in doc.ents if start <= e.start < end]

    monkeypatch.setattr(index_module, "ents_starting_within", scan)
    scanned = index_module.build_index(nlp(text), title_doc=nlp("Armenia and Azerbaijan trade blame"))
    assert found.sentences and found == scanned
