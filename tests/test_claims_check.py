"""Statement verdicts on hand-written articles: supported, contradicted, not in the source."""

from __future__ import annotations

import pytest

from flashpoint.claims import check_statements, check_text
from flashpoint.records import Article, content_id

ARTICLE = (
    "Rebel fighters attacked an army base near the northern town of Kessa on Monday, killing 12 "
    "soldiers, the defence ministry said. The ministry accused neighbouring Varnia of arming the "
    "rebels. Varnia's foreign minister denied the accusation and called for talks.\n\n"
    "The government of Ostland announced new sanctions against Varnia in March. Officials said "
    "the measures would stay in place until the attacks stopped."
)


@pytest.fixture(scope="module")
def article_doc(nlp):
    return nlp(ARTICLE)


@pytest.fixture(scope="module")
def article():
    return Article(id=content_id(ARTICLE), text=ARTICLE)


def _check(article, article_doc, statement):
    return check_statements(article, article_doc, [statement])[0]


@pytest.mark.parametrize(
    "statement",
    [
        "Rebel fighters attacked an army base near Kessa on Monday, killing 12 soldiers.",
        "Rebels attacked an army base near the town of Kessa on Monday and killed 12 soldiers.",
        "Ostland announced new sanctions against Varnia in March.",
    ],
)
def test_claims_supported_statements(article, article_doc, statement):
    result = _check(article, article_doc, statement)
    assert result.verdict == "supported", result.reason
    assert result.score >= 0.5
    assert result.reason.startswith("supported by:")
    assert result.evidence is not None


@pytest.mark.parametrize(
    ("statement", "expected"),
    [
        ("Rebel fighters attacked an army base near Kessa on Monday, killing 21 soldiers.", "number mismatch"),
        ("Rebel fighters did not attack an army base near Kessa on Monday.", "negation mismatch"),
        ("The government of Ostland announced new sanctions against Varnia in July.", "date mismatch"),
    ],
)
def test_claims_contradicted_statements_name_the_mismatch(article, article_doc, statement, expected):
    result = _check(article, article_doc, statement)
    assert result.verdict == "contradicted", result.reason
    assert result.reason.startswith(expected), result.reason
    assert result.score < 0.5


def test_claims_number_reason_quotes_both_numbers(article, article_doc):
    result = _check(article, article_doc, "Rebels attacked an army base near Kessa, killing 21 soldiers.")
    assert "12" in result.reason and "21" in result.reason


def test_claims_swapped_actor_is_not_supported(article, article_doc):
    result = _check(article, article_doc, "Ostland's foreign minister denied the accusation and called for talks.")
    assert result.verdict != "supported", result.reason
    assert "Ostland" in result.reason


@pytest.mark.parametrize(
    "statement",
    [
        "Thousands of protesters marched through the capital demanding the president resign.",
        "The United Nations urged both sides to agree a ceasefire.",
    ],
)
def test_claims_absent_events_are_not_in_source(article, article_doc, statement):
    result = _check(article, article_doc, statement)
    assert result.verdict == "not_in_source", result.reason
    assert result.score < 0.5
    assert result.reason


def test_claims_evidence_spans_index_the_article_text(article, article_doc):
    statements = [
        "Rebel fighters attacked an army base near Kessa on Monday.",
        "Varnia's foreign minister called for talks.",
        "Officials said the sanctions would stay until the attacks stopped.",
        "Thousands marched in the capital.",
    ]
    results = check_statements(article, article_doc, statements)
    assert [r.text for r in results] == statements
    for r in results:
        if r.evidence is not None:
            assert ARTICLE[r.evidence.start : r.evidence.end] == r.evidence.text
            assert "\n" not in r.evidence.text


def test_claims_no_statements_gives_no_checks(article, article_doc):
    assert check_statements(article, article_doc, []) == []


def test_claims_statement_docs_given_or_parsed_agree(nlp, article, article_doc):
    statements = ["Varnia denied arming the rebels.", "Ostland announced sanctions in March."]
    parsed = check_statements(article, article_doc, statements, statement_docs=[nlp(s) for s in statements])
    assert parsed == check_statements(article, article_doc, statements)


def test_claims_check_text_parses_both_sides():
    result = check_text(ARTICLE, "The defence ministry accused Varnia of arming the rebels.")
    assert result.verdict == "supported", result.reason
    assert result.evidence is not None and "accused" in result.evidence.text


def test_claims_empty_article_gives_not_in_source(nlp):
    empty = Article(id="0", text=" ")
    result = check_statements(empty, nlp(" "), ["Rebels attacked a base."])[0]
    assert result.verdict == "not_in_source"
    assert result.evidence is None


@pytest.mark.parametrize("statement", ["", "   ", "...", "!!!", "a " * 400])
def test_claims_odd_statements_get_a_verdict(article, article_doc, statement):
    result = _check(article, article_doc, statement)
    assert result.verdict in ("supported", "contradicted", "not_in_source")
    assert 0.0 <= result.score <= 1.0
    assert result.reason


def test_claims_evidence_offsets_hold_for_any_mix_of_article_words(nlp, article, article_doc):
    from hypothesis import given, settings
    from hypothesis import strategies as st

    words = ARTICLE.replace("\n", " ").split()

    @settings(max_examples=40, deadline=None)
    @given(st.lists(st.sampled_from(words), min_size=1, max_size=25))
    def check(picked):
        statement = " ".join(picked)
        result = check_statements(article, article_doc, [statement], statement_docs=[nlp(statement)])[0]
        assert 0.0 <= result.score <= 1.0
        if result.evidence is not None:
            assert ARTICLE[result.evidence.start : result.evidence.end] == result.evidence.text

    check()


@pytest.mark.parametrize(
    "statement",
    [
        "Varnia accused the ministry of arming the rebels.",
        "Varnia accused the defence ministry of arming the rebels.",
    ],
)
def test_claims_reversed_roles_are_contradicted(article, article_doc, statement):
    result = _check(article, article_doc, statement)
    assert result.verdict == "contradicted", result.reason
    assert result.reason.startswith("roles reversed"), result.reason
    assert "Varnia" in result.reason


def test_claims_passive_keeps_the_roles(article, article_doc):
    result = _check(article, article_doc, "Varnia was accused by the ministry of arming the rebels.")
    assert not result.reason.startswith("roles reversed"), result.reason


def test_claims_symmetric_verbs_may_trade_places(nlp):
    text = "Prime Minister Ana Reis met President Tomas Vale in Lisbon on Friday."
    doc = nlp(text)
    article = Article(id=content_id(text), text=text)
    result = check_statements(article, doc, ["President Tomas Vale met Prime Minister Ana Reis in Lisbon."])[0]
    assert result.verdict != "contradicted", result.reason
    assert not result.reason.startswith(("roles reversed", "role mismatch")), result.reason


def test_claims_ordinals_are_not_compared_with_years(nlp):
    text = "The company reported a fourth quarter loss and expects sales of $5bn in 2023."
    article = Article(id=content_id(text), text=text)
    result = check_statements(article, nlp(text), ["The company reported a fourth quarter loss."])[0]
    assert not result.reason.startswith("number mismatch"), result.reason
    result = check_statements(article, nlp(text), ["The company reported a third quarter loss."])[0]
    assert result.verdict != "supported", result.reason


def test_claims_check_many_keeps_order_and_matches_check_text():
    from flashpoint.claims import check_many

    other = "Heavy rain flooded 300 homes in Port Amber on Friday, the fire service said."
    pairs = [
        (ARTICLE, "Rebel fighters attacked an army base near Kessa on Monday."),
        (other, "Heavy rain flooded 300 homes in Port Amber."),
        (ARTICLE, "Rebel fighters attacked an army base near Kessa on Monday, killing 21 soldiers."),
    ]
    results = check_many(pairs)
    assert [r.text for r in results] == [s for _, s in pairs]
    assert results == [check_text(a, s) for a, s in pairs]
    assert results[2].verdict == "contradicted"


@pytest.mark.parametrize(
    ("noun", "verb"), [("collision", "collide"), ("invasion", "invade"), ("admission", "admit")]
)
def test_claims_derived_nouns_meet_their_verbs(noun, verb):
    from flashpoint.claims.index import derived_form

    assert derived_form(noun) == verb
    assert derived_form("station") == "station"


def test_claims_headline_words_count_but_never_as_evidence(nlp):
    from flashpoint.claims.compare import compare
    from flashpoint.claims.index import build_index

    body = "Tokyo summoned the Chinese ambassador and demanded an apology, officials said."
    statement = nlp("Japan summoned the Chinese ambassador after the collision.")
    plain = compare(build_index(nlp(body)), statement)
    titled = compare(build_index(nlp(body), title_doc=nlp("Navy ships collide near disputed islands")), statement)
    status = {w.token.text: w.status for w in plain.words}
    titled_status = {w.token.text: w.status for w in titled.words}
    assert status["collision"] == "novel"
    assert titled_status["collision"] == "synonym"
    article = Article(id="t", text=body, title="Navy ships collide near disputed islands")
    result = check_statements(article, nlp(body), ["Japan summoned the Chinese ambassador after the collision."])[0]
    assert result.evidence is None or body[result.evidence.start : result.evidence.end] == result.evidence.text


def test_claims_lowercased_statement_weighs_names_apart(nlp, article_doc):
    """A lower-cased summary's name evidence counts under its own weights, a cased one's not."""
    from flashpoint.claims.compare import CASE_FEATURES, LOWERCASED, compare, is_lowercased
    from flashpoint.claims.index import build_index

    index = build_index(article_doc)
    cased = "Varnia's foreign minister denied the accusation and called for talks with Ostland."
    lowered = cased.lower()
    assert is_lowercased(lowered) and not is_lowercased(cased)
    assert not is_lowercased("ok then")  # too few letters to tell
    f_cased = compare(index, nlp(cased)).features
    f_lower = compare(index, nlp(lowered)).features
    assert f_cased["lowercased"] == 0.0 and f_lower["lowercased"] == 1.0
    for name in CASE_FEATURES:
        assert f_cased[name + LOWERCASED] == 0.0
        assert f_lower[name] == 0.0


@pytest.mark.parametrize(
    ("article_text", "statement"),
    [
        ("Investigators said they have not found any evidence of poison in the samples.",
         "Investigators have found no proof of poison in the samples."),
        ("Police found no weapons in the car, the spokesman said.", "Police did not find weapons in the car."),
        # a negative implicative verb carries the negation: "declined to sign" = "would not sign"
        ("The president said on Friday he would not sign the finance bill.",
         "The president declined to sign the finance bill."),
        ("The president refused to sign the finance bill, his spokesman said.",
         "The president did not sign the finance bill."),
        ("The governor failed to attend the summit in Abuja on Monday.", "The governor did not attend the summit in Abuja."),
    ],
)
def test_claims_negation_on_the_verb_or_its_argument_is_the_same_polarity(nlp, article_text, statement):
    from flashpoint.claims.compare import compare
    from flashpoint.claims.index import build_index

    findings = compare(build_index(nlp(article_text)), nlp(statement)).findings
    assert not [f for f in findings if f.kind == "negation"], findings


@pytest.mark.parametrize(
    ("article_text", "statement", "negations"),
    [
        # the article negates the verb of another doer: no polarity of the statement's act
        ("Kenya beat Uganda 3-1 in Kampala on Saturday. Uganda have not won a home qualifier since 2019.",
         "Kenya won 3-1 in Kampala on Saturday.", 0),
        ("Leclerc took the race in Monza for Ferrari. Verstappen did not finish after a crash on lap 12.",
         "Leclerc finished first in Monza.", 0),
        # the same doer: still a negation
        ("Kenya beat Uganda 3-1 in Kampala on Saturday. Uganda have not won a home qualifier since 2019.",
         "Uganda won a home qualifier.", 1),
    ],
)
def test_claims_negation_of_another_doers_act_is_no_mismatch(nlp, article_text, statement, negations):
    from flashpoint.claims.compare import compare
    from flashpoint.claims.index import build_index

    findings = compare(build_index(nlp(article_text)), nlp(statement)).findings
    assert len([f for f in findings if f.kind == "negation"]) == negations, findings


@pytest.mark.parametrize(
    ("statement", "negations"),
    [
        # the article says both: seen on Friday, not seen since
        ("Tomas Reyes has not been seen since Friday.", 0),
        ("Tomas Reyes was seen at the harbour on Friday.", 0),
    ],
)
def test_claims_a_polarity_the_article_also_gives_the_same_act_is_no_mismatch(nlp, statement, negations):
    from flashpoint.claims.compare import compare
    from flashpoint.claims.index import build_index

    article = ("The fisherman Tomas Reyes was last seen on Friday at the harbour in Iloilo, where he had gone to "
               "check his nets. His wife said Reyes has not been seen since and is not answering his phone.")
    findings = compare(build_index(nlp(article)), nlp(statement)).findings
    assert len([f for f in findings if f.kind == "negation"]) == negations, findings


def test_claims_negation_mismatch_still_found(nlp):
    from flashpoint.claims.compare import compare
    from flashpoint.claims.index import build_index

    findings = compare(build_index(nlp("Police found weapons in the car.")), nlp("Police did not find weapons in the car.")).findings
    assert [f.kind for f in findings] == ["negation"]


@pytest.mark.parametrize(
    ("text", "word", "form"),
    [
        ("The yield on 10-year bonds is the highest since Jan. 18.", "18", "day"),
        ("The yield on 10-year bonds is the highest since Jan. 18.", "10", "duration"),
        ("The truce held for three days.", "three", "duration"),
        ("Talks resumed on 18 March.", "18", "day"),
        ("Rebels killed 18 soldiers.", "18", "count"),
        ("The 63-year-old senator was re-elected.", "63", "age"),
        ("Senator Amina Bello, 63, was re-elected.", "63", "age"),
        ("A man aged 63 was charged.", "63", "age"),
        ("The bridge is 63 years old.", "63", "age"),
        ("The senator was re-elected for 6 years.", "6", "duration"),
    ],
)
def test_claims_numbers_are_compared_only_with_their_own_kind(nlp, text, word, form):
    from flashpoint.claims.index import token_keys
    from flashpoint.claims.units import number_form

    tok = next(t for t in nlp(text) if t.text == word)
    key = next((k for k in token_keys(tok) if k.startswith("#")), "#" + word)
    assert number_form(tok, key) == form


def test_claims_an_agent_owned_by_a_pronoun_is_unknown_never_another_actor(nlp):
    """"its warplanes struck" names no actor without coreference: no role mismatch against
    "The United States struck"; a named owner ("Israeli warplanes") still is one."""
    from flashpoint.claims.compare import compare
    from flashpoint.claims.index import build_index

    owned = build_index(nlp("The Pentagon said its warplanes struck Islamic State camps in central Syria on Sunday."))
    found = compare(owned, nlp("The United States struck Islamic State camps in Syria.")).findings
    assert not [f for f in found if f.kind in ("role", "substitute")]
    named = build_index(nlp("Israeli warplanes struck Hezbollah positions in Lebanon on Sunday, and Iran condemned the raid."))
    found = compare(named, nlp("Iran struck Hezbollah positions in Lebanon on Sunday.")).findings
    assert [f for f in found if f.kind == "role" and f.article_says.startswith("Israeli warplanes")]


@pytest.mark.parametrize(
    ("article_text", "statement"),
    [
        (("Clashes in northern Mali intensified on Monday. Rights groups have accused Niger of sending hundreds "
          "of its soldiers into northern Mali to fight alongside the militias."),
         "Rights groups accused Mali of deploying hundreds of soldiers to fight alongside the militias."),
        ("Ethiopia expelled the Sudanese ambassador on Monday, days after Egypt recalled its envoy from Khartoum.",
         "Egypt expelled the Sudanese ambassador on Monday."),
    ],
)
def test_claims_another_named_actor_in_the_same_role_is_contradicted(nlp, article_text, statement):
    verdict = check_text(article_text, statement)
    assert verdict.verdict == "contradicted", verdict
    assert verdict.reason.startswith("another actor: article says"), verdict


def test_claims_a_description_in_the_article_may_be_the_statements_name(nlp):
    """"fled the country" may be Syria: unknown, never another actor."""
    from flashpoint.claims.compare import compare
    from flashpoint.claims.index import build_index

    index = build_index(nlp("Bashir fled the country as protesters stormed Khartoum, and Egypt said he had been given refuge."))
    found = compare(index, nlp("Bashir fled Sudan and was given refuge in Egypt.")).findings
    assert not [f for f in found if f.kind in ("role", "substitute")], found


def test_claims_a_passive_verb_sharing_its_subject_takes_it_as_patient(nlp):
    """"X resigned and was arrested": X is who was arrested (patient), not who arrested; a
    statement saying so against "Police arrested X" is not another actor."""
    from flashpoint.claims.roles import arguments

    doc = nlp("The minister resigned on Monday and was arrested two days later.")
    verb = next(t for t in doc if t.lemma_ == "arrest")
    agent, patient, _, _ = arguments(verb)
    assert agent is None
    assert patient is not None and patient.lower_ == "minister"
    verdict = check_text(
        "Police arrested the former interior minister on Wednesday, two days after he resigned.",
        "The former interior minister resigned and was arrested on Wednesday.",
    )
    assert not verdict.reason.startswith("another actor"), verdict


def test_claims_a_number_is_backed_only_by_the_same_kind_of_number(nlp):
    """The 3 of "March 3" (a day) does not back "three months" (a length of time): the article's
    length of time for the same act is what it says instead; the same length stays supported."""
    article = ("The siege ended on Friday. The army's campaign began on March 3 in the south and took the port "
               "city in less than two weeks, officials said.")
    wrong = check_text(article, "The army's campaign lasted more than three months.")
    assert wrong.verdict == "contradicted" and wrong.reason.startswith("number mismatch: article says two"), wrong
    assert check_text(article, "The army's campaign took less than two weeks.").verdict == "supported"


def test_claims_a_length_of_time_is_backed_by_a_count_only_beside_its_unit(nlp):
    """"the three largest towns" (a count) does not back "three months"; "a 4-day truce" and "the
    truce's four days" share their unit and stay the same length."""
    article = ("The army offensive began in the east and took the three largest towns in less than two weeks. "
               "Officials said 40 villages were retaken.")
    wrong = check_text(article, "The army offensive lasted more than three months.")
    assert wrong.verdict == "contradicted" and wrong.reason.startswith("number mismatch: article says two"), wrong
    truce = "The rebels and the army agreed to a 4-day truce on Monday, mediators said."
    assert check_text(truce, "The truce agreed on Monday lasts four days.").verdict == "supported"


FARMERS = ("Mali's prime minister told farmers on Tuesday they had nothing to fear from the new land law and said "
           "their fields would stay theirs. Critics of the law said thousands could lose their land.")


def test_claims_nothing_left_of_an_act_is_its_negation(nlp):
    """"had nothing to fear" says there is no fear: "should be afraid" (a listed synonym, read
    when the word itself is not there) is its negation; the same words stay supported."""
    from flashpoint.claims.index import is_negated

    doc = nlp("There was nothing to report and nobody to blame.")
    assert [t.text for t in doc if is_negated(t)] == ["report", "blame"]
    wrong = check_text(FARMERS, "Mali's prime minister said farmers should be afraid of the new land law.")
    assert wrong.verdict == "contradicted" and wrong.reason.startswith("negation mismatch: article says not fear"), wrong
    right = check_text(FARMERS, "Mali's prime minister said farmers had nothing to fear from the land law.")
    assert right.verdict == "supported", right


@pytest.mark.parametrize(
    ("article_text", "statement"),
    [
        (("Enyimba striker Chidi Obi had not scored against Rangers in Aba since 2019. On Sunday, Obi scored twice "
          "as Enyimba beat Rangers 2-1."), "Enyimba striker Chidi Obi scored twice against Rangers in Aba."),
        (("Port workers in Mombasa had not struck over pay since the 2019 dispute with the port authority. On Monday "
          "they struck over unpaid overtime."), "Port workers in Mombasa struck over pay on Monday."),
    ],
)
def test_claims_a_sentence_read_only_by_its_word_does_not_decide_polarity(nlp, article_text, statement):
    """The window sentence that holds the word negated is not the report of the statement's act
    when another window sentence asserts it: no negation mismatch."""
    from flashpoint.claims.compare import compare
    from flashpoint.claims.index import build_index

    findings = compare(build_index(nlp(article_text)), nlp(statement)).findings
    assert not [f for f in findings if f.kind == "negation"], findings


@pytest.mark.parametrize(
    ("article_text", "statement", "status", "numbers"),
    [
        # an age written as "Name, 63," is the statement's "63-year-old"
        ("Senator Amina Bello, 63, was re-elected in Kano on Saturday, officials said.",
         "The 63-year-old senator was re-elected in Kano.", "best", 0),
        # and another age is another number
        ("Senator Amina Bello, 63, was re-elected in Kano on Saturday, officials said.",
         "The 61-year-old senator was re-elected in Kano.", "novel", 1),
    ],
)
def test_claims_an_age_meets_an_age_however_written(nlp, article_text, statement, status, numbers):
    from flashpoint.claims.compare import compare
    from flashpoint.claims.index import build_index

    comparison = compare(build_index(nlp(article_text)), nlp(statement))
    assert [w.status for w in comparison.words if w.kind == "number"] == [status]
    assert len([f for f in comparison.findings if f.kind == "number"]) == numbers
