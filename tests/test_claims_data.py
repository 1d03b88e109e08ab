"""The claims stage's data files load and agree with the code that reads them."""

from __future__ import annotations

import pytest

from flashpoint.claims.lexicon import lexicon, verdict_settings, weights


def test_claims_lexicon_loads_with_every_list():
    lex = lexicon()
    assert "not" in lex.negation
    assert "indicate" in lex.commentary_verbs
    assert lex.number_words["twelve"] == 12
    assert {"decline", "refuse", "fail"} <= lex.negative_implicatives
    assert {"have", "need", "yet"} <= lex.prospective_heads
    assert not lex.prospective_heads & lex.negative_implicatives  # put ahead is not "did not happen"
    assert {"un", "in", "dis"} <= set(lex.negative_prefixes) and all(p.isalpha() and p.islower() for p in lex.negative_prefixes)


def test_claims_country_names_are_the_actors_tables():
    """Demonyms, capitals and seats of government come from actors/data, not a second list."""
    from flashpoint.claims.units import canonical_entity, capital_country, country_names

    names = country_names()
    assert names.names["american"] == names.names["u.s."] == "united states"
    assert names.seats["seoul"] == "south korea"
    assert names.seats["kremlin"] == "russia"  # institutions.tsv: a country's own government
    assert canonical_entity("the U.K.'s") == canonical_entity("British") == "unitedkingdom"
    assert capital_country("Pyongyang") == "northkorea"
    assert capital_country("Geneva") is None  # a city that hosts talks stands for no country
    assert not hasattr(lexicon(), "demonyms") and not hasattr(lexicon(), "capitals")


def test_claims_lexicon_antonyms_are_symmetric_and_never_synonyms():
    lex = lexicon()
    for word, opposites in lex.antonyms.items():
        for other in opposites:
            assert word in lex.antonyms[other]
            assert other not in lex.synonyms.get(word, frozenset()), (word, other)


def test_claims_weights_set_the_word_level_comparison():
    from flashpoint.claims.compare import KINDS

    w = weights()
    assert w.window_top_k >= 1
    assert 0.0 <= w.min_evidence_score <= 1.0
    assert set(w.kind_weights) == set(KINDS)
    assert all(v > 0 for v in w.kind_weights.values())
    assert 0.0 < w.synonym_match <= 1.0
    assert 0.0 <= w.decisive_score < verdict_settings().supported_threshold


def test_claims_verdict_settings_name_only_features_the_verdict_makes(nlp):
    from flashpoint.bench.claims_fit import FEATURE_SETS
    from flashpoint.claims.compare import compare
    from flashpoint.claims.index import build_index
    from flashpoint.claims.judge import Judgement, UnitJudgement
    from flashpoint.claims.verdict import FINDING_FEATURES, WORD_FEATURES, features

    comparison = compare(build_index(nlp("Rebels attacked the town on Monday.")), nlp("Rebels attacked the town."))
    assert set(WORD_FEATURES) <= set(comparison.features)
    made = features(Judgement((UnitJudgement("x", (0,), 0.7, 0.2, 0.1),)), comparison)
    assert set(FINDING_FEATURES.values()) <= set(made)
    for names in FEATURE_SETS.values():
        assert set(names) <= set(made)
    v = verdict_settings()
    assert set(v.coef) <= set(made), set(v.coef) - set(made)
    assert 0.0 < v.supported_threshold < 1.0
    assert 0.0 <= v.finding_contradiction_min <= v.contradiction_threshold <= 1.0
    assert v.coef.get("model_logit", 0.0) >= 0.0, "the model's P(entailment) never counts against support"


def test_claims_training_config_keeps_reported_sets_apart():
    from flashpoint.claims.train.sets import DOC_SETS, NLI_SETS, config, is_training_row

    cfg = config()
    assert set(cfg["caps"]) == {*NLI_SETS, *DOC_SETS, "synthetic_news"}
    assert not set(cfg["summedits_train_domains"]) & set(cfg["summedits_report_domains"])
    for domain in cfg["summedits_report_domains"]:
        assert not is_training_row("summedits_other_domains", {"domain": domain})
    for domain in cfg["summedits_train_domains"]:
        assert is_training_row("summedits_other_domains", {"domain": domain})
    for category in cfg["breaking_nli_report_categories"]:
        assert not is_training_row("breaking_nli", {"category": category})
    assert not is_training_row("cliff", {"split": "test"})


def test_claims_perturbation_lists_load():
    from flashpoint.claims.train.synthetic import perturb_lists

    lists = perturb_lists()
    ant = lists["antonym_map"]
    partners: dict[str, set[str]] = {}
    for a, b in lists["antonyms"]:
        assert a != b
        partners.setdefault(a, set()).add(b)
        partners.setdefault(b, set()).add(a)
    assert all(ant[w] in partners[w] for w in ant)
    assert {"VBD", "VBZ", "VBP"} == set(lists["do_support"])
    assert "PERSON" in lists["swap_labels"] and "GPE" in lists["swap_labels"]


@pytest.mark.parametrize("name", ["lexicon", "weights", "verdict"])
def test_claims_data_is_loaded_once(name):
    loader = {"lexicon": lexicon, "weights": weights, "verdict": verdict_settings}[name]
    assert loader() is loader()


def test_claims_symmetric_verbs_are_plain_lemmas():
    lex = lexicon()
    assert "meet" in lex.symmetric_verbs
    assert "accuse" not in lex.symmetric_verbs
    assert all(v.isalpha() and v.islower() for v in lex.symmetric_verbs)


def test_claims_word_score_is_the_word_level_combiners_logit(nlp):
    """``word_score`` carries the word-level combiner (verdict.json's ``word_combiner``) whole:
    its logit over the same features, so a stacked verdict.json weighs it as one input."""
    from flashpoint.claims.compare import compare
    from flashpoint.claims.index import build_index
    from flashpoint.claims.judge import Judgement, UnitJudgement
    from flashpoint.claims.lexicon import word_combiner
    from flashpoint.claims.verdict import features

    index = build_index(nlp("Rebels attacked the town on Monday, killing 12 people."))
    made = features(Judgement((UnitJudgement("x", (0,), 0.7, 0.2, 0.1),)), compare(index, nlp("Rebels attacked the city, killing 40.")))
    w = word_combiner()
    assert w.coef and not any(name.startswith("model_") for name in w.coef)
    assert made["word_score"] == pytest.approx(w.intercept + sum(c * made.get(k, 0.0) for k, c in w.coef.items()))
    copied = features(Judgement((UnitJudgement("x", (0,), 0.7, 0.2, 0.1),)),
                      compare(index, nlp("Rebels attacked the town on Monday, killing 12 people.")))
    assert made["word_score"] < copied["word_score"]  # another number and a place the article lacks


def test_claims_stance_lists_are_one_sided_and_apart_from_opposites():
    """Each stance word has one axis and one side (``lexicon._stance`` refuses a word listed
    twice); both sides of each axis are filled; the 'on' verbs and naming verbs are plain lemmas,
    and no stance word is a listed synonym of a word of the other side."""
    lex = lexicon()
    axes = {axis for axis, _ in lex.stance.values()}
    assert axes == {"approval", "acceptance"}
    for axis in axes:
        assert {sign for a, sign in lex.stance.values() if a == axis} == {1, -1}
    assert lex.stance["praise"] == ("approval", 1) and lex.stance["deny"] == ("acceptance", -1)
    assert "blame" in lex.on_patient_verbs and "call" in lex.naming_verbs
    assert all(v.isalpha() and v.islower() for v in lex.on_patient_verbs | lex.naming_verbs)
    for word, (axis, sign) in lex.stance.items():
        others = {w for w, (a, s) in lex.stance.items() if a == axis and s != sign}
        assert not lex.synonyms.get(word, frozenset()) & others, word


def test_claims_stance_word_listed_twice_is_refused():
    from flashpoint.claims.lexicon import _stance
    from flashpoint.errors import ConfigError

    with pytest.raises(ConfigError):
        _stance({"approval": {"positive": ["praise"], "negative": ["praise"]}})
