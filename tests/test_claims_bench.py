"""The claims benchmark's machinery: case loaders keep reported data apart, metrics, the fit."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from flashpoint.bench.claims import metrics
from flashpoint.bench.claims_cases import (
    Case,
    load_breaking_nli,
    load_cliff_test,
    load_summedits_domains,
)
from flashpoint.bench.claims_fit import balanced_accuracy, cross_validate, fit
from flashpoint.bench.claims_run import Row
from flashpoint.claims.verdict import is_supported


def _row(label: int, logit: float, group: str, verdict: str | None = None, edits: tuple[str, ...] = ()) -> Row:
    case = Case("article", "statement", label, group=group, dataset="d", edit_types=edits)
    supported = verdict or ("supported" if logit > 0 else "not_in_source")
    return Row(case, supported, 0.0, "", {"model_logit": logit, "model_contradiction_logit": -logit})


def test_claims_bench_balanced_accuracy_weighs_classes_equally():
    rows = [_row(1, 1.0, "a")] * 9 + [_row(0, -1.0, "b")]
    assert balanced_accuracy(rows, [True] * 10) == pytest.approx(0.5)
    assert balanced_accuracy(rows, [True] * 9 + [False]) == pytest.approx(1.0)


def test_claims_bench_metrics_count_verdicts_and_edit_types():
    rows = [_row(1, 2.0, "a"), _row(0, -2.0, "a", "contradicted", ("entity",)), _row(0, 2.0, "b", edits=("number",))]
    m = metrics(rows)
    assert m["n"] == 3
    assert m["recall_supported"] == 1.0 and m["recall_unsupported"] == 0.5
    assert m["recall_per_edit_type"] == {"entity": 1.0, "number": 0.0}
    assert m["verdicts"] == {"contradicted": 1, "supported": 2}


def test_claims_bench_fit_learns_the_model_probability_and_cv_scores_unseen_groups():
    rows = [_row(1, 1.0 + i % 3, f"g{i}") for i in range(20)] + [_row(0, -1.0 - i % 3, f"h{i}") for i in range(20)]
    settings = fit(rows)
    assert settings.coef["model_logit"] > 0
    assert all(is_supported(r.values, settings) == (r.case.label == 1) for r in rows)
    assert cross_validate(rows) == pytest.approx(1.0)


def test_claims_bench_fit_refuses_one_class():
    from flashpoint.errors import InputError

    with pytest.raises(InputError):
        fit([_row(1, 1.0, "a"), _row(1, 2.0, "b")])


@pytest.fixture
def fake_claims(tmp_path):
    """A benchmarks/claims folder with a few rows of each kept-back and trained-on kind."""
    train = tmp_path / "train"
    train.mkdir()
    rows = {
        "summedits_other_domains": [
            {"doc": "d1", "summary": "s", "label": "1", "domain": "podcast", "split": "test"},
            {"doc": "d2", "summary": "s", "label": "0", "domain": "scitldr", "split": "test", "edit_types": "['entity']"},
        ],
        "cliff": [{"doc": "d", "summary": "s", "label": "0", "split": "val"},
                  {"doc": "d", "summary": "t", "label": "1", "split": "test"}],
        "breaking_nli": [{"premise": "p", "hypothesis": "h", "label": "contradiction", "category": "countries"},
                         {"premise": "p", "hypothesis": "h", "label": "contradiction", "category": "colors"}],
    }
    for name, items in rows.items():
        (train / f"{name}.jsonl").write_text("".join(json.dumps(r) + "\n" for r in items), encoding="utf-8")
    return tmp_path


def test_claims_bench_loads_only_rows_kept_back_from_training(fake_claims):
    domains = load_summedits_domains(fake_claims)
    assert [c.statement for c in domains["scitldr"]] == ["s"] and domains["scitldr"][0].edit_types == ("entity",)
    assert "podcast" not in domains
    assert [c.label for c in load_cliff_test(fake_claims)] == [1]
    breaking = load_breaking_nli(fake_claims)
    assert [c.split for c in breaking] == ["countries"] and breaking[0].label == 0


def test_claims_bench_select_chooses_by_grouped_cv_and_reports_nested_cv():
    from flashpoint.bench.claims_fit import FEATURE_SETS, select

    rows = [_row(1, 1.0 + i % 3, f"g{i}") for i in range(20)] + [_row(0, -1.0 - i % 3, f"h{i}") for i in range(20)]
    chosen = select(rows)
    assert chosen.feature_set in FEATURE_SETS
    assert chosen.cv_balanced_accuracy == pytest.approx(1.0)
    assert chosen.nested_cv_balanced_accuracy == pytest.approx(1.0)
    assert chosen.settings.coef["model_logit"] > 0


def test_claims_bench_rows_without_features_are_never_supported():
    from flashpoint.bench.claims_fit import predict
    from flashpoint.claims.lexicon import verdict_settings

    empty = Row(Case("", "statement", 1, group="g", dataset="d"), "", 0.0, "", None)
    assert predict([empty], verdict_settings()) == [False]


ARTICLE = (
    "Rebels attacked an army base near Kessa on Monday, killing 12 soldiers. "
    "The defence ministry accused Varnia of arming the rebels. Varnia denied the accusation."
)


def test_claims_bench_cached_features_are_the_checkers_own(nlp, tmp_path):
    """The cache gives the values ``assess_parsed`` scores, and a second call parses nothing."""
    from flashpoint.bench.claims_cache import FeatureCache, features
    from flashpoint.claims import assess_parsed
    from flashpoint.claims.index import build_index
    from flashpoint.claims.model import MODEL_DIR

    statements = ["Rebels killed 12 soldiers near Kessa.", "Varnia admitted arming the rebels.", ""]
    cases = [Case(ARTICLE, s, 1, group="a", dataset="d") for s in statements]
    cache = FeatureCache(tmp_path / "cache.sqlite")
    got = features(cases, cache, MODEL_DIR)
    docs = list(nlp.pipe([ARTICLE, *statements]))
    want = [v for _, v in assess_parsed(ARTICLE, build_index(docs[0]), statements, docs[1:])]
    assert got[2] is None and want[2] == {}
    for g, w in zip(got[:2], want[:2]):
        assert g is not None and set(g) == set(w)
        assert all(g[k] == pytest.approx(w[k], abs=1e-4) for k in w)
    n = cache.db.execute("SELECT count(*) FROM probs").fetchone()[0]
    assert n >= 2
    import flashpoint.bench.claims_cache as module

    def no_parse(*_a, **_k):  # pragma: no cover - fails the test when reached
        raise AssertionError("cached cases were parsed again")

    monkey = pytest.MonkeyPatch()
    monkey.setattr("flashpoint.nlp.get_nlp", no_parse)
    try:
        assert module.features(cases, cache, MODEL_DIR) == got
    finally:
        monkey.undo()
    cache.close()


def _seed_root(tmp_path, body: str):
    root = tmp_path / "checkout"
    (root / "tests").mkdir(parents=True)
    (root / "tests" / "test_seed.py").write_text(body, encoding="utf-8")
    return root


def test_claims_bench_seed_failures_name_the_failing_tests(tmp_path):
    from flashpoint.bench.claims_candidate import seed_failures
    from flashpoint.claims.model import MODEL_DIR

    body = (
        "import os\n"
        "def test_sees_the_candidate():\n"
        "    assert os.environ['FLASHPOINT_CLAIMS_VERDICT'].endswith('cand.json')\n"
        "def test_seed_statement_two():\n"
        "    assert 1 == 2, 'seed statement 2 is supported'\n"
    )
    root = _seed_root(tmp_path, body)
    failed = seed_failures(root, MODEL_DIR, tmp_path / "cand.json", tests=["tests/test_seed.py"])
    assert len(failed) == 1 and "test_seed_statement_two" in failed[0], failed


@pytest.fixture
def tiny_benchmarks(tmp_path):
    """FRANK valid/test rows about a few invented articles, and two sample articles."""
    arts = [
        ("Rebels attacked an army base near Kessa on Monday, killing 12 soldiers. The army said it would respond. "
        "The defence ministry accused Varnia of arming the rebels in the north of the country."),
        ("Protesters marched through Lindor on Friday to demand the release of jailed opposition leader Ana Perez. "
        "Police fired tear gas at the crowd near the parliament building, witnesses said."),
        ("The foreign ministers of Ostia and Varnia met in Geneva on Tuesday to discuss a ceasefire in the border war. "
        "Both sides agreed to exchange 40 prisoners next week, a spokesman said."),
    ]
    rows = []
    for i, a in enumerate(arts):
        first = a.split(". ")[0] + "."
        rows.append({"article": a, "summary": first, "factuality": 1.0, "split": "valid" if i < 2 else "test"})
        rows.append({"article": a, "summary": first.replace("on", "not on", 1), "factuality": 0.0,
                     "split": "valid" if i < 2 else "test"})
        rows.append({"article": a, "summary": "Officials in Tokyo denied everything.", "factuality": 0.0,
                     "split": "valid" if i < 2 else "test"})
    claims = tmp_path / "claims"
    claims.mkdir()
    (claims / "frank_cnndm.json").write_text(json.dumps(rows), encoding="utf-8")
    (claims / "summedits_news_tune.json").write_text("[]", encoding="utf-8")
    (claims / "train").mkdir()
    for name in ("summedits_other_domains", "cliff", "breaking_nli"):
        (claims / "train" / f"{name}.jsonl").write_text("", encoding="utf-8")
    examples = tmp_path / "examples"
    examples.mkdir()
    for i, a in enumerate(arts):
        (examples / f"a{i}.txt").write_text(a + " The report could not be verified independently.", encoding="utf-8")
    return claims, examples


def test_claims_bench_fit_writes_a_candidate_and_never_installs_a_refused_one(tiny_benchmarks, tmp_path):
    from flashpoint.bench.claims_candidate import fit_candidate
    from flashpoint.bench.claims_fit import VERDICT_PATH
    from flashpoint.claims.lexicon import read_verdict
    from flashpoint.claims.model import MODEL_DIR

    claims, examples = tiny_benchmarks
    shipped = VERDICT_PATH.read_bytes()
    root = _seed_root(tmp_path, "def test_seed_fails():\n    assert False, 'seed verdict wrong'\n")
    out = tmp_path / "cand" / "verdict.json"
    rep = fit_candidate(
        claims, model_folder=MODEL_DIR, out=out, root=root, examples=examples, pages_path=None,
        samples={"summedits_domain": 5, "breaking_nli": 5}, cache_path=tmp_path / "c.sqlite", install=True,
        seed_tests=["tests/test_seed.py"], built=True,
    )
    assert VERDICT_PATH.read_bytes() == shipped, "a refused candidate must never reach the package"
    assert not rep.accepted and not rep.installed
    assert any("test_seed_fails" in r for r in rep.refused)
    candidate = read_verdict(out)
    assert candidate.coef and rep.fitting["chosen"]["feature_set"]
    assert rep.fitting["sets"]["built"] > 0 and "built from examples/" in candidate.fitted_on
    assert set(rep.reported) == {"frank_test"}
    assert set(rep.reported["frank_test"]) == {"candidate", "shipped"}
    assert rep.reported["frank_test"]["candidate"]["n"] == 3


@pytest.mark.shared
def test_claims_extra_fitting_sets_are_never_reported_sets(shared_dir):
    """QAGS and CLIFF val may be fitted on; no article of theirs is in CLIFF test or FRANK."""
    from flashpoint.bench.claims_cases import load_cliff_test, load_fit_extra, load_frank

    path = shared_dir / "benchmarks" / "claims"
    if not (path / "train" / "cliff.jsonl").is_file():
        pytest.skip(f"claims training pack not found in {path / 'train'}")
    extra = load_fit_extra(path)
    assert {c.dataset for c in extra} == {"qags", "cliff_val"}
    reported = {c.group for c in load_cliff_test(path)} | {c.group for c in load_frank(path, "test")}
    assert not {c.group for c in extra} & reported
    assert {c.label for c in extra} == {0, 1}


def test_claims_bench_select_can_stack_the_model_on_the_word_score():
    from flashpoint.bench.claims_fit import STACKED, select

    rows = [_row(1, 1.0 + i % 3, f"g{i}") for i in range(20)] + [_row(0, -1.0 - i % 3, f"h{i}") for i in range(20)]
    for r in rows:
        r.values["word_score"] = 0.5 if r.case.label else -0.5
    chosen = select(rows, STACKED)
    assert chosen.feature_set == "model+word_score"
    assert set(chosen.settings.coef) == {"model_logit", "word_score"}
    assert chosen.settings.coef["model_logit"] > 0 and chosen.settings.coef["word_score"] > 0


def test_claims_bench_seed_tests_are_every_checker_test():
    """The tests a candidate combiner must pass are every test of the checker (a refit that passed
    the seed page's tests failed two others), never the tests of training or of the benches."""
    from flashpoint.bench.claims_candidate import SEED_TESTS, _expand

    root = Path(__file__).resolve().parents[1]
    names = _expand(root, SEED_TESTS)
    assert "tests/test_claims_seed.py" in names and "tests/test_claims_stance.py" in names
    assert "tests/test_claims_actors_in_roles.py" in names
    assert not any(n.endswith(("test_claims_bench.py", "test_claims_gate.py", "test_claims_word_fit.py")) for n in names)
