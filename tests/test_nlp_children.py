"""``nlp.children_of``: a token's children remembered per document, the same tokens in the same
order as spaCy's ``Token.children``."""

from __future__ import annotations

from flashpoint.nlp import children_of


def test_nlp_children_are_spacys_in_text_order_for_every_token(nlp):
    doc = nlp(
        "Rebels attacked an army base near the town on Monday, killing 12 soldiers, and the "
        "defence ministry, which blamed a neighbouring country, vowed to respond."
    )
    for tok in doc:
        got = children_of(tok)
        assert [c.i for c in got] == [c.i for c in tok.children], tok.text
        assert all(c.doc is doc for c in got)


def test_nlp_children_are_read_once_per_document(nlp):
    doc = nlp("The army shelled the town and the rebels withdrew.")
    verb = next(t for t in doc if t.dep_ == "ROOT")
    first = children_of(verb)
    assert first and children_of(verb) is first  # remembered, not rebuilt
    other = nlp("The army shelled the town and the rebels withdrew.")
    again = children_of(next(t for t in other if t.dep_ == "ROOT"))
    assert again is not first and all(c.doc is other for c in again)  # per document


def test_nlp_sentence_and_conjuncts_are_spacys(nlp):
    from flashpoint.nlp import conjuncts_of, sentence_of

    doc = nlp(
        "Troops and police surrounded the town on Monday. Rebels, militiamen and looters fled.\n\n"
        "The ministry said nothing."
    )
    for tok in doc:
        assert (sentence_of(tok).start, sentence_of(tok).end) == (tok.sent.start, tok.sent.end), tok.text
        assert [c.i for c in conjuncts_of(tok)] == [c.i for c in tok.conjuncts], tok.text


def test_nlp_per_token_answers_once_per_token_of_a_document(nlp):
    from flashpoint.nlp import per_token

    asked: list[int] = []

    @per_token
    def children_count(tok):
        asked.append(tok.i)
        return len(tuple(tok.children))

    doc = nlp("The army shelled the town and the rebels withdrew.")
    first = [children_count(t) for t in doc]
    assert first == [len(tuple(t.children)) for t in doc]
    assert [children_count(t) for t in doc] == first and asked == list(range(len(doc)))  # remembered
    other = nlp("The army shelled the town and the rebels withdrew.")
    assert [children_count(t) for t in other] == first and len(asked) == 2 * len(doc)  # per document


def test_nlp_token_caches_are_dropped_when_coding_ends(nlp):
    """The per-token caches tie tokens to their document: ``code_doc`` leaves none behind."""
    from flashpoint.events import code_doc
    from flashpoint.nlp import _TOKEN_CACHES, children_of

    doc = nlp("Rebels attacked an army base on Monday, and the army shelled their positions.")
    children_of(doc[1])
    assert "flashpoint_children" in doc.user_data
    assert code_doc(doc)  # it codes as before
    assert not _TOKEN_CACHES & set(doc.user_data)
