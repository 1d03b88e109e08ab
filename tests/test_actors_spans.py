"""Actors in parsed text: spans, every mention of a sentence, and the per-document memory."""

from __future__ import annotations

import datetime as dt

import pytest

from flashpoint.actors import DocActors, find_actors, resolve_span
from flashpoint.records import Actor

ON = dt.date(2024, 3, 5)


def _subject(doc):
    tok = next(t for t in doc if t.dep_ in ("nsubj", "nsubjpass"))
    return doc[tok.left_edge.i : tok.right_edge.i + 1]


@pytest.mark.parametrize(
    ("sentence", "code"),
    [
        ("The South Korean military fired warning shots on Friday.", "KORMIL"),
        ("North Korean leader Kim Jong Un watched the test from a hill.", "PRKGOV"),
        ("The Israeli police, who had been called to the scene, detained two men.", "ISRCOP"),
        ("Troops of the Ukrainian army who crossed the river took a village.", "UKRMIL"),
    ],
)
def test_actors_resolve_span_on_subjects(nlp, sentence, code):
    actor = resolve_span(_subject(nlp(sentence)), on=ON)
    assert actor is not None and actor.code == code, actor


def test_actors_resolve_span_keeps_span_text(nlp):
    doc = nlp("Japanese coast guard officials boarded the vessel.")
    span = _subject(doc)
    actor = resolve_span(span)
    assert actor is not None and actor.text == span.text and actor.country == "JPN"


def test_actors_resolve_span_pronoun_is_nothing(nlp):
    doc = nlp("They fired again.")
    assert resolve_span(doc[0:1]) is None


def test_actors_find_actors_lists_mentions_in_order(nlp):
    doc = nlp("Chinese coast guard ships blocked a Philippine supply boat, Manila said.")
    found = find_actors(doc, on=ON)
    codes = [a.code for _, a in found]
    assert codes[0].startswith("CHN") and "PHLGOV" in codes
    starts = [s.start for s, _ in found]
    assert starts == sorted(starts)


def test_actors_find_actors_skips_places_of_the_event(nlp):
    doc = nlp("Rebels attacked an army post in Goma on Sunday.")
    texts = [s.text for s, _ in find_actors(doc)]
    assert "Goma" not in texts
    assert any("Rebels" in t for t in texts)


def test_actors_find_actors_on_a_sentence_span(nlp):
    doc = nlp("Turkish jets struck targets. Greek officials protested.")
    second = list(doc.sents)[1]
    found = find_actors(second)
    assert [a.code for _, a in found] == ["GRCGOV"]


def test_actors_doc_memory_names_and_titles(nlp):
    doc = nlp(
        "Estonian Defence Minister Hanno Pevkur visited the border on Monday. "
        "Pevkur said the army was ready. The minister later flew to Brussels."
    )
    memory = DocActors(on=ON)
    found = {s.text: a.code for s, a in memory.find_actors(doc)}
    assert found["Estonian Defence Minister Hanno Pevkur"] == "ESTGOV"
    assert found.get("Pevkur") == "ESTGOV"
    assert found.get("The minister") == "ESTGOV"


def test_actors_doc_memory_korean_family_name(nlp):
    memory = DocActors(on=ON)
    doc = nlp(
        "North Korean leader Kim Jong Un visited a munitions factory. Kim called for more shells."
    )
    codes = {s.text: a.code for s, a in memory.find_actors(doc)}
    assert codes.get("Kim") == "PRKGOV"


def test_actors_doc_memory_falls_back_to_context(nlp):
    memory = DocActors(on=ON, context_country="PRK")
    assert memory.resolve("the military").code == "PRKMIL"
    # without memory or context a bare role keeps no country
    assert DocActors().resolve("the military").country is None


def test_actors_doc_memory_is_per_document(nlp):
    first = DocActors(on=ON)
    first.resolve("Estonian Defence Minister Hanno Pevkur")
    fresh = DocActors(on=ON)
    assert fresh.resolve("Pevkur") is None
    assert first.resolve("Pevkur").code == "ESTGOV"


def test_actors_doc_memory_reads_the_north_with_a_korean_context():
    memory = DocActors(context_country="KOR")
    assert memory.resolve("the North's military").code == "PRKMIL"
    assert memory.resolve("the military").code == "KORMIL"


def test_actors_find_actors_capital_us_is_the_country_not_the_pronoun(nlp):
    found = find_actors(nlp("Caracas blamed US for the blackout."), on=ON)
    assert [a.code for _, a in found if _.text == "US"] == ["USA"]
    assert find_actors(nlp("The guards told us to wait outside."), on=ON) == []


def _codes(memory, doc):
    return [(s.text, a.code) for s, a in memory.find_actors(doc)]


@pytest.mark.parametrize(
    ("text", "mention", "code"),
    [
        # "it"/"they": the body or country that was the subject before
        ("Hezbollah fired rockets at Israel on Monday. It said more would follow.", "It", "LBNREB"),
        (
            "Pakistani troops attacked Afghan posts. They said militants hid there.",
            "They",
            "PAKMIL",
        ),
        # "he": the person named last, not a country named after him
        (
            "Estonian Defence Minister Hanno Pevkur visited Kyiv. He met Ukrainian officials.",
            "He",
            "ESTGOV",
        ),
        # "the militia", "the group": the group of that kind the article named
        (
            "Hezbollah fired rockets at Israel. The militia said it hit a base.",
            "The militia",
            "LBNREB",
        ),
        ("Hamas released two hostages. The group said more would follow.", "The group", "PSEREB"),
        # "the paramilitary": a non-state armed force, the one the article named
        (
            (
                "The army clashed with the Rapid Support Forces in Omdurman. "
                "The paramilitary said it repelled the assault."
            ),
            "The paramilitary",
            "SDNREB",
        ),
        # "the North" of a divided country, read with the country the article named
        (
            "North Korea fired a missile. The North's military called it a test.",
            "The North's military",
            "PRKMIL",
        ),
    ],
)
def test_actors_doc_memory_resolves_short_mentions_to_named_actors(nlp, text, mention, code):
    found = dict(_codes(DocActors(on=ON), nlp(text)))
    assert found.get(mention) == code, found


def test_actors_doc_memory_pronoun_needs_an_earlier_actor(nlp):
    memory = DocActors(on=ON)
    assert memory.pronoun("it") is None
    doc = nlp("It said Iran had fired missiles.")
    assert dict(_codes(memory, doc)).get("It") is None  # Iran comes after the pronoun


def test_actors_doc_memory_the_militia_without_a_named_militia_stays_bare(nlp):
    memory = DocActors(on=ON)
    memory.resolve("Israeli troops")
    actor = memory.resolve("the militia")
    assert actor is not None and actor.country is None


@pytest.mark.parametrize(
    ("text", "mention", "code"),
    [
        # an object pronoun is never its own clause's subject
        (
            (
                "Kenyan demonstrators marched through Nairobi. Kenyan riot police used water "
                "cannon to scatter them."
            ),
            "them",
            "KENCVL",
        ),
        # a reflexive is its clause's subject
        ("Russian troops entrenched themselves near the river.", "themselves", "RUSMIL"),
        # a relative pronoun is the noun its clause hangs on
        ("Hamas fighters, who crossed the fence at dawn, attacked Israeli towns.", "who", "PSEREB"),
    ],
)
def test_actors_doc_memory_pronouns_follow_the_grammar(nlp, text, mention, code):
    found = dict(_codes(DocActors(on=ON), nlp(text)))
    assert found.get(mention) == code, found


@pytest.mark.parametrize(
    ("text", "mention", "code"),
    [
        # a pronoun in an embedded clause is the subject of the clause that governs it, even
        # when the article memory knows another actor
        (
            (
                "Iran fired drones at a base. Jordanian King Abdullah was reported as saying he "
                "would ask for talks."
            ),
            "he",
            "JORGOV",
        ),
        # an object pronoun skips its own clause's subject for the clause above
        (
            "Venezuelan opposition leader Jose Rivas flew to Madrid, where Spain gave him refuge.",
            "him",
            "VENOPP",
        ),
        # a possessive inside a subject: the subject of the governing clause
        ("Sudan said its army had retaken the bridge.", "its", "SDN"),
        # "it"/"its" names one body, never a plural common noun between: the governing subject
        ("Kenya said demonstrators had set fire to its consulate in Kampala.", "its", "KEN"),
        ("Japan says fishing boats entered its waters without permission.", "its", "JPN"),
        # a person pronoun never takes a body, a group pronoun never a named person
        (
            (
                "Polish President Andrzej Duda met German officials. Berlin said he had asked for "
                "more tanks."
            ),
            "he",
            "POLGOV",
        ),
    ],
)
def test_actors_doc_memory_pronoun_takes_the_governing_subject(nlp, text, mention, code):
    memory = DocActors(on=ON)
    doc = nlp(text)
    memory.find_actors(doc)
    tok = next(t for t in reversed(doc) if t.text == mention)
    actor = memory.pronoun(tok.text, before=tok.i, token=tok)
    assert actor is not None and actor.code == code, actor


@pytest.mark.parametrize(
    ("text", "phrase", "code"),
    [
        # a thing of theirs names them ("their effort to ...": an undertaking, things.tsv)
        (
            "Malian jihadists cut the main road as they pressed their attempt to isolate Bamako.",
            "their attempt",
            "MLIREB",
        ),
        # a role of theirs is in their country
        ("Ukraine said its soldiers had crossed the river.", "its soldiers", "UKRMIL"),
    ],
)
def test_actors_doc_memory_possessive_pronoun_names_the_owner(nlp, text, phrase, code):
    memory = DocActors(on=ON)
    doc = nlp(text)
    memory.find_actors(doc)
    start = next(i for i, t in enumerate(doc) if doc[i : i + 2].text == phrase)
    actor = memory.resolve_span(doc[start : start + 2])
    assert actor is not None and actor.code == code, actor


def test_actors_doc_memory_pronoun_prefers_the_main_subject_of_the_last_sentence(nlp):
    memory = DocActors(on=ON)
    doc = nlp(
        "The Iranian foreign ministry said on Monday that it would answer and warned that "
        "Washington would regret the sanctions. It accused Britain of helping them."
    )
    memory.find_actors(doc)
    tok = next(t for t in doc if t.text == "It")
    actor = memory.pronoun(tok.text, before=tok.i, token=tok)
    assert actor is not None and actor.code == "IRNGOV", actor


@pytest.mark.parametrize(
    ("context", "code"),
    [
        # a role with no country as the last sentence's subject is the pronoun's antecedent,
        # placed in the article's country when it has one; never a group named before it
        ("MMR", "MMRMIL"),
        (None, "MIL"),
    ],
)
def test_actors_doc_memory_pronoun_after_a_bare_role_is_that_role(nlp, context, code):
    memory = DocActors(on=ON, context_country=context)
    doc = nlp(
        "The Arakan Army did not comment on the claims. The army, which has battled the "
        "Arakan Army for a year, said it had repelled the assault. It accused the insurgents "
        "of shelling villages."
    )
    memory.find_actors(doc)
    tok = [t for t in doc if t.text == "It"][-1]
    actor = memory.pronoun(tok.text, before=tok.i, token=tok)
    assert actor is not None and actor.code == code, actor


@pytest.mark.parametrize(
    ("text", "code_"),
    [
        ("Iran launched a missile. The UN condemned the launch.", "IRN"),
        ("Turkey carried out air strikes in Iraq. Baghdad denounced the strikes.", "TUR"),
        ("Iran launched a missile. The UN condemned a launch.", None),  # not a reference back
    ],
)
def test_actors_doc_memory_a_definite_act_names_its_doer(text, code_):
    from flashpoint import code

    events = [
        e for e in code(text, published="2024-05-02") if e.trigger.startswith(("cond", "den"))
    ]
    assert events, code(text, published="2024-05-02")
    target = events[0].target
    assert (target.code if target is not None else None) == code_, events[0]


@pytest.mark.parametrize(
    ("sentence", "name", "code", "later"),
    [
        # a name no table knows, its title set off after it by commas
        (
            (
                "Karim Benhaddou, Morocco's best-known press freedom campaigner, wrote to the "
                "judges. Benhaddou said the hearing was a sham."
            ),
            "Karim Benhaddou",
            "MAR",
            "Benhaddou",
        ),
        (
            (
                "Maria Lopez, a Venezuelan opposition lawmaker who fled last year, spoke in "
                "Madrid. Lopez urged Spain to act."
            ),
            "Maria Lopez",
            "VEN",
            "Lopez",
        ),
    ],
)
def test_actors_doc_memory_name_takes_its_appositive_title(nlp, sentence, name, code, later):
    memory = DocActors(on=ON)
    doc = nlp(sentence)
    start = next(i for i, t in enumerate(doc) if doc[i : i + 2].text == name)
    actor = memory.resolve_span(doc[start : start + 2])
    assert actor is not None and actor.country == code and actor.text == name, actor
    # the name is learnt with its country: a later surname recalls it
    tok = next(t for t in doc if t.text == later and t.i > start + 2)
    again = memory.resolve_span(doc[tok.i : tok.i + 1])
    assert again is not None and again.country == code, again


def test_actors_doc_memory_appositive_without_a_country_adds_none(nlp):
    memory = DocActors(on=ON)
    doc = nlp("John Smith, a farmer who lost his land, blocked the road.")
    actor = memory.resolve_span(doc[0:2])
    assert actor is None or not actor.country, actor


@pytest.mark.parametrize(
    ("sentence", "phrase", "code"),
    [
        # spaCy's noun phrase stops before the name's prepositional phrases
        ("The Organization for Security and Co-operation in Europe sent monitors.", 2, "IGOOSC"),
        ("The Economic Community of West African States suspended Niger.", 3, "IGOECW"),
    ],
)
def test_actors_doc_memory_reads_a_name_over_its_prepositions(nlp, sentence, phrase, code):
    actor = DocActors(on=ON).resolve_span(nlp(sentence)[0:phrase])
    assert actor is not None and actor.code == code, actor


def test_actors_doc_memory_unknown_name_with_prepositions_stays_unknown(nlp):
    doc = nlp("The Office for Foreign Trade issued a statement.")
    assert DocActors(on=ON).resolve_span(doc[0:2]) is None


@pytest.mark.parametrize(
    ("sentence", "word", "code"),
    [
        # who ordered an act is not whom it was done to
        (
            (
                "Kenyan President William Ruto sacked the police chief, and the activist "
                "Boniface Mwangi was released on his orders."
            ),
            "his",
            "KENGOV",
        ),
        (
            "Israeli Prime Minister Benjamin Netanyahu told reporters the captives were rescued by his troops.",
            "his",
            "ISRGOV",
        ),
        # a possessive of anything else is still the passive subject's
        (
            "Opposition leader Khaleda Zia of Bangladesh was freed from her house in Dhaka.",
            "her",
            "BGDOPP",
        ),
    ],
)
def test_actors_doc_memory_orderer_is_not_the_passive_subject(nlp, sentence, word, code):
    memory = DocActors(on=ON)
    doc = nlp(sentence)
    memory.find_actors(doc)
    tok = next(t for t in doc if t.text == word)
    actor = memory.pronoun(tok.text, before=tok.i, token=tok)
    assert actor is not None and actor.code == code, actor


@pytest.mark.parametrize(
    ("sentence", "code"),
    [
        # spaCy made the participle the subject: its own subject is the actor
        ("The Red Cross working in Yemen said the hospitals were overwhelmed.", "IGOCRC"),
    ],
)
def test_actors_doc_memory_participle_subject_is_its_doer(nlp, sentence, code):
    doc = nlp(sentence)
    verb = next(t for t in doc if t.tag_ == "VBG")
    assert verb.dep_ in ("nsubj", "csubj"), "the parse this test is about changed"
    actor = DocActors(on=ON).resolve_span(doc[verb.i : verb.i + 1])
    assert actor is not None and actor.code == code, actor


def test_actors_doc_memory_participle_without_subject_is_nobody(nlp):
    doc = nlp("Fighting continued, officials said.")
    assert DocActors(on=ON).resolve_span(doc[0:1]) is None


@pytest.mark.parametrize(
    ("sentence", "phrase", "code"),
    [
        # the participle says whom the role serves or where it is based
        ("Eight soldiers serving with the African Union mission were wounded.", 2, "IGOAFU"),
        ("Troops stationed in northern Mali were attacked by gunmen.", 1, "MLIMIL"),
    ],
)
def test_actors_doc_memory_role_is_read_with_its_service_participle(nlp, sentence, phrase, code):
    actor = DocActors(on=ON).resolve_span(nlp(sentence)[0:phrase])
    assert actor is not None and actor.code == code, actor


def test_actors_doc_memory_other_participles_do_not_place_a_role(nlp):
    doc = nlp("Protesters demanding the release of Ukrainian prisoners marched.")
    actor = DocActors(on=ON).resolve_span(doc[0:1])
    assert actor is None or actor.country != "UKR", actor


def test_actors_doc_memory_the_two_sides_are_the_last_pair(nlp):
    memory = DocActors(on=ON)
    memory.learn_pair(Actor("India", "IND", "IND"), Actor("Pakistan", "PAK", "PAK"))
    doc = nlp("The two sides will meet again next week.")
    first = memory.resolve_span(doc[0:3])
    assert first is not None and first.country == "IND", first
    other = memory.other_side(doc[2].i)
    assert other is not None and other.country == "PAK", other
    # any other mention has no other side; a pair of one country is no pair
    assert memory.other_side(doc[5].i) is None
    fresh = DocActors(on=ON)
    fresh.learn_pair(Actor("Kyiv", "UKRGOV", "UKR", "GOV"), Actor("Ukraine", "UKR", "UKR"))
    assert fresh.resolve_span(doc[0:3]) is None


@pytest.mark.parametrize(
    ("text", "phrase", "code"),
    [
        # a state organ with no country is the one of that name the article named last
        (
            (
                "Japan's defence ministry said a missile fell into the sea. "
                "A ministry spokesperson said more launches were expected."
            ),
            "A ministry spokesperson",
            "JPN",
        ),
        (
            (
                "China fired missiles near Taiwan, and Taiwan's military raised its alert. "
                "The military said ships were tracked."
            ),
            "The military",
            "TWN",
        ),
    ],
)
def test_actors_doc_memory_a_bare_organ_is_the_last_one_named(nlp, text, phrase, code):
    memory = DocActors(on=ON)
    doc = nlp(text)
    memory.find_actors(doc[: next(s for s in doc.sents).end])
    n = len(phrase.split())
    start = next(i for i in range(len(doc)) if doc[i : i + n].text == phrase)
    actor = memory.resolve_span(doc[start : start + n])
    assert actor is not None and actor.country == code, actor


def test_actors_doc_memory_an_organ_never_named_takes_no_country(nlp):
    memory = DocActors(on=ON)
    doc = nlp("Protesters gathered in the capital. The military said it was watching.")
    memory.find_actors(doc[:6])
    actor = memory.resolve_span(doc[6:8])
    assert actor is not None and actor.country is None, actor


def test_actors_doc_memory_pronoun_in_an_object_controlled_clause_is_the_object(nlp):
    memory = DocActors(on=ON)
    doc = nlp("Seoul's foreign minister urged North Korea to stop its missile launches.")
    memory.find_actors(doc)
    tok = next(t for t in doc if t.text == "its")
    actor = memory.pronoun(tok.text, before=tok.i, token=tok)
    assert actor is not None and actor.country == "PRK", actor


@pytest.mark.parametrize(
    ("text", "trigger", "country"),
    [
        ("President Ruto said his country had signed a security pact with Haiti.", "signed", "KEN"),
        ("Erdogan said his nation had sent aid ships to Gaza.", "sent", "TUR"),
    ],
)
def test_actors_a_pronouns_country_is_the_owners_country(nlp, text, trigger, country):
    from flashpoint.events import code_doc

    events = [e for e in code_doc(nlp(text)) if e.trigger.split()[0] == trigger]
    assert events and events[0].source is not None and events[0].source.code == country, events
