"""``flashpoint bench claims --fit``: a verdict combiner for a (new) model, chosen and judged
without touching what ships.

1. Features of the fitting sets (FRANK CNN/DM valid; with ``extra`` also QAGS CNN/DM and CLIFF
   val -- news-like, never reported, though the model was trained on them; with ``built`` also
   the cases built from the sample articles) come from ``claims_cache``: the parse and the word-level comparison are cached per code
   version, the model's scores per model-file hash, so a new model costs only its own scores.
2. ``claims_fit.select`` chooses feature set, C and supported threshold by grouped CV over
   articles and gives the nested-CV estimate; the candidate is written to ``out`` -- never to the
   shipped ``claims/data/verdict.json`` unless ``install`` is set *and* the candidate passed.
3. The seed tests (``SEED_TESTS``, run by pytest in a child process with the candidate model and
   combiner named by ``FLASHPOINT_CLAIMS_MODEL`` / ``FLASHPOINT_CLAIMS_VERDICT``) must pass; a
   failing candidate is refused and the failing tests are named.
4. Every reported set (SummEdits news, FRANK test, CLIFF test, the kept-back SummEdits domains,
   Breaking NLI countries/nationalities) and the development pages are scored for the candidate
   and for the shipped model + combiner side by side. These figures are printed, never fitted on.

Why ``extra`` is off by default: the model was trained on QAGS and CLIFF val, so on them it is
surer and more often right than on unseen news, and a combiner fitted with them trusts it over
the explicit checks. On 2026-12-04 (SummaC aggregation) it chose C=10 and raised every reported
news figure (SummEdits news 0.644 -> 0.716, FRANK test 0.657 -> 0.668, CLIFF test 0.614 -> 0.677)
but failed 8 seed tests: statements naming another number or actor, or an actor the article
never mentions, came out supported.

Why the built cases are off by default: their supported statements are copies of an article
sentence and the others one-word edits of one, so a combiner fitted with them learns "copied
word order = supported". With the model of 2026-12-04 adding them raised grouped CV on the
fitting mix (0.70 -> 0.80) but lowered every SummEdits and CLIFF figure (a 100-statement
sample each: SummEdits news 0.60 -> 0.50, CLIFF 0.56 -> 0.55, non-news domains to 0.50).
"""

from __future__ import annotations

import contextlib
import math
import os
import random
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from threadpoolctl import threadpool_limits

from ..claims.lexicon import (
    VERDICT_ENV,
    VerdictSettings,
    WordCombiner,
    read_verdict,
    verdict_settings,
)
from ..claims.model import MODEL_DIR, MODEL_ENV, model_hash
from .claims_cache import FeatureCache, code_version, features
from .claims_cases import (
    Case,
    build_cases,
    load_breaking_nli,
    load_cliff_test,
    load_fit_extra,
    load_frank,
    load_summedits_domains,
    load_summedits_news,
)
from .claims_fit import (
    FEATURE_SETS,
    STACKED,
    VERDICT_PATH,
    Selection,
    balanced_accuracy,
    predict,
    select,
    select_words,
    settings_json,
    with_word,
    word_combiner_of,
)
from .claims_run import Row

# The hand-written acceptance cases a candidate must keep passing (pytest node ids; a name with
# "*" is every test file it matches in the checkout, ``_expand``): every test of the checker, not
# only the seed page's -- a combiner refit of 2026-12-06 passed the seed tests and failed two other
# checker tests, and was taken back after it was installed. Tests of training, of the benches and of
# the word-level fit (``SEED_SKIP``) read no verdict of the candidate's and only cost time.
SEED_TESTS = (
    "tests/test_claims_*.py",
    "tests/test_pipeline.py::test_pipeline_analyze_splits_and_checks_read_also_block",
)
SEED_SKIP = ("test_claims_bench.py", "test_claims_gate.py", "test_claims_train_card.py",
             "test_claims_train_summary.py", "test_claims_word_fit.py")
# The model decides supported vs not; contradiction is decided by the explicit checks (another
# actor, number, date, a negation, an antonym, reversed roles), which also say what the article
# says instead. The model alone never contradicts (P(contradiction) >= 1.0 never holds): with
# SummaC aggregation a claim's contradiction is its least contradicting candidate's, which on the
# development pages never reached 0.5 (2026-12-04), and no set we may fit on labels contradicted
# apart from not_in_source to choose a threshold by.
MODEL_CONTRADICTION_THRESHOLD = 1.0
# The extra sets the word-level combiner (``--words``) is fitted on beside FRANK valid. Not QAGS:
# its documents come lower-cased and re-spaced ("liz smith claims iac chairman barry diller",
# "3, 800 km"), so the word-level checks, which read names by their capitals and numbers as
# written, misfire there (another number on 25 accepted statements and 4 others, another actor
# on 40 and 23), and a fit on them gives those checks no weight at all.
WORD_FIT_EXTRA = ("cliff_val",)
SEED = 13
Progress = Callable[[str], None]


def _quiet(_: str) -> None:
    return None


def sample(cases: list[Case], n: int | None) -> list[Case]:
    """A seeded sample of ``n`` cases (all when ``n`` is None or there are fewer), in order."""
    if n is None or len(cases) <= n:
        return cases
    keep = sorted(random.Random(SEED).sample(range(len(cases)), n))
    return [cases[i] for i in keep]


def reported_sets(path: Path, *, limit: int | None, samples: dict[str, int]) -> dict[str, list[Case]]:
    """The sets ``flashpoint bench claims`` reports (``samples``: the default sample sizes of
    the large ones), each cut to ``limit`` statements when given."""
    sets: dict[str, list[Case]] = {
        "summedits_news": load_summedits_news(path), "frank_test": load_frank(path, "test"),
        "cliff_test": load_cliff_test(path),
    }
    sets.update({f"summedits_{d}": sample(c, samples["summedits_domain"]) for d, c in load_summedits_domains(path).items()})
    sets["breaking_nli"] = sample(load_breaking_nli(path), samples["breaking_nli"])
    return {name: sample(cases, limit) for name, cases in sets.items()}


def rows_for(cases: Sequence[Case], cache: FeatureCache, model_folder: Path) -> list[Row]:
    """Cases with their combiner inputs under the model in ``model_folder`` (no verdict yet)."""
    return [Row(c, "", math.nan, "", v) for c, v in zip(cases, features(cases, cache, model_folder))]


def binary_metrics(rows: Sequence[Row], settings: VerdictSettings) -> dict[str, Any]:
    """Balanced accuracy and per-class recall of the supported/not decision under ``settings``."""
    predicted = predict(rows, settings)
    pos = [p for r, p in zip(rows, predicted) if r.case.label == 1]
    neg = [not p for r, p in zip(rows, predicted) if r.case.label == 0]
    return {
        "n": len(rows),
        "balanced_accuracy": round(balanced_accuracy(rows, predicted), 4),
        "recall_supported": round(sum(pos) / len(pos), 4) if pos else None,
        "recall_unsupported": round(sum(neg) / len(neg), 4) if neg else None,
    }


@contextlib.contextmanager
def using(model_folder: Path | None, verdict_file: Path | None) -> Iterator[None]:
    """Run the whole checker in this process with another model folder and/or verdict file."""
    saved = {k: os.environ.get(k) for k in (MODEL_ENV, VERDICT_ENV)}
    for key, value in ((MODEL_ENV, model_folder), (VERDICT_ENV, verdict_file)):
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = str(value)
    verdict_settings.cache_clear()
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
        verdict_settings.cache_clear()


def _expand(root: Path, tests: Sequence[str]) -> list[str]:
    """Test names with "*" as the files of the checkout ``root`` they match (less ``SEED_SKIP``),
    in order; other names as given."""
    out: list[str] = []
    for name in tests:
        if "*" in name:
            out += sorted(str(p.relative_to(root)) for p in root.glob(name) if p.name not in SEED_SKIP)
        else:
            out.append(name)
    return out


def seed_failures(root: Path, model_folder: Path, verdict_file: Path, *, tests: Sequence[str] = SEED_TESTS) -> list[str]:
    """The seed tests that fail with this model and combiner (run by pytest in a child process
    of the checkout ``root``); an empty list when all pass."""
    tests = _expand(root, tests)
    env = {**os.environ, MODEL_ENV: str(model_folder), VERDICT_ENV: str(verdict_file)}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(root / "src"), env.get("PYTHONPATH")]))
    with tempfile.TemporaryDirectory() as tmp:
        junit = Path(tmp) / "seed.xml"
        proc = subprocess.run(
            [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", f"--junitxml={junit}", *tests],
            cwd=root, env=env, capture_output=True, text=True, check=False,
        )
        if not junit.is_file():
            return [f"pytest did not run (exit {proc.returncode}): {proc.stderr.strip()[-300:]}"]
        failed = []
        for case in ET.parse(junit).getroot().iter("testcase"):
            problem = case.find("failure")
            if problem is None:
                problem = case.find("error")
            if problem is not None:
                message = (problem.get("message") or "").splitlines()[0][:160] if problem.get("message") else ""
                failed.append(f"{case.get('classname', '')}::{case.get('name', '')}: {message}")
        if proc.returncode not in (0, 1) and not failed:
            failed.append(f"pytest exited {proc.returncode}")
        return failed


@dataclass
class FitReport:
    """Everything one ``--fit`` run found (``to_dict`` is its JSON)."""

    model: dict[str, str] = field(default_factory=dict)
    fitting: dict[str, Any] = field(default_factory=dict)
    candidate: dict[str, Any] = field(default_factory=dict)
    reported: dict[str, dict[str, Any]] = field(default_factory=dict)
    pages: dict[str, Any] = field(default_factory=dict)
    seed_failures: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)
    out: str = ""
    installed: bool = False
    seconds: dict[str, float] = field(default_factory=dict)

    @property
    def accepted(self) -> bool:
        return not self.refused

    def to_dict(self) -> dict[str, Any]:
        return {
            "model": self.model, "fitting": self.fitting, "candidate": self.candidate, "reported": self.reported,
            "pages": self.pages, "seed_failures": self.seed_failures, "accepted": self.accepted,
            "refused": self.refused, "out": self.out, "installed": self.installed, "seconds": self.seconds,
        }


def _built_cases(examples: Path, cache: FeatureCache, progress: Progress) -> list[Case]:
    """``build_cases`` of the sample articles, kept in the cache per code version."""
    key = f"built:{code_version()}"
    raw = cache.get_blob(key)
    if raw is not None:
        return [Case(**{**c, "edit_types": tuple(c["edit_types"])}) for c in raw]
    progress("building cases from the sample articles")
    cases = build_cases(examples)
    cache.put_blob(key, [c.__dict__ | {"edit_types": list(c.edit_types)} for c in cases])
    return cases


def _candidate_settings(selection: Selection, shipped: VerdictSettings, contradiction_threshold: float | None) -> VerdictSettings:
    """The selection's fit with contradiction thresholds: given, else ``MODEL_CONTRADICTION_THRESHOLD``
    (the model never contradicts on its own; explicit findings do)."""
    threshold = MODEL_CONTRADICTION_THRESHOLD if contradiction_threshold is None else contradiction_threshold
    return replace(selection.settings, contradiction_threshold=threshold,
                   finding_contradiction_min=shipped.finding_contradiction_min)


# One BLAS thread: the parse and the fits are many small matrix products, which extra threads
# only slow down on a shared, loaded machine (the model runs on one thread anyway).
@threadpool_limits.wrap(limits=1)
def fit_candidate(
    path: Path,
    *,
    model_folder: Path,
    out: Path,
    root: Path,
    examples: Path,
    pages_path: Path | None,
    samples: dict[str, int],
    limit: int | None = None,
    cache_path: Path | None = None,
    install: bool = False,
    contradiction_threshold: float | None = None,
    seeds: bool = True,
    seed_tests: Sequence[str] = SEED_TESTS,
    built: bool = False,
    extra: bool = False,
    stack: bool = False,
    words: bool = False,
    progress: Progress = _quiet,
) -> FitReport:
    """Choose, write and judge a candidate combiner for the model in ``model_folder`` (module doc).

    ``root`` is the checkout (its ``tests/`` hold the seed tests), ``examples`` the sample
    articles the built cases come from, ``pages_path`` the development pages (None: skipped).
    """
    import json

    rep = FitReport()
    clock = time.perf_counter()
    cache = FeatureCache(cache_path)
    try:
        rep.model = {"candidate": str(model_folder), "candidate_hash": model_hash(model_folder)[:16],
                     "shipped": str(MODEL_DIR), "shipped_hash": model_hash(MODEL_DIR)[:16], "code_version": code_version()}
        built_cases = _built_cases(examples, cache, progress) if built else []
        # with ``words`` the built cases teach the word-level combiner only (what a swapped name or
        # number looks like), never the stack that weighs it against the model
        fitting = load_frank(path, "valid") + (load_fit_extra(path) if extra else []) + ([] if words else built_cases)
        n_built = sum(c.dataset == "built" for c in fitting)
        counts = {name: sum(c.dataset == name for c in fitting) for name in ("frank", "qags", "cliff_val")}
        names = " + ".join(f"{label} ({counts[name]})" for name, label in
                           (("frank", "FRANK CNN/DM valid"), ("qags", "QAGS CNN/DM"), ("cliff_val", "CLIFF val"))
                           if counts[name])
        progress(f"features of {len(fitting)} fitting statements ({names}{' + built cases' if built else ''})")
        rows = rows_for(fitting, cache, model_folder)
        rep.seconds["fitting_features"] = round(time.perf_counter() - clock, 1)
        word: WordCombiner | None = None
        word_fitted_on = ""
        if words:
            word_cases = fitting + [c for c in load_fit_extra(path) if not extra and c.dataset in WORD_FIT_EXTRA] + built_cases
            progress(f"choosing the word-level combiner by grouped CV on {len(word_cases)} statements")
            word_rows = rows_for(word_cases, cache, model_folder)
            word_selection, oof = select_words(word_rows)
            word = word_combiner_of(word_selection)
            word_counts = {d: sum(c.dataset == d for c in word_cases) for d in dict.fromkeys(c.dataset for c in word_cases)}
            word_fitted_on = (f"`flashpoint bench claims --fit --stack --words{' --built' if built else ''}`: {word_counts} "
                              f"({len({c.group for c in word_cases})} articles); features {word_selection.feature_set}, "
                              f"C={word_selection.c} by grouped 5-fold CV (balanced accuracy at its best threshold "
                              f"{word_selection.cv_balanced_accuracy}, nested {word_selection.nested_cv_balanced_accuracy})")
            rep.fitting["word_combiner"] = {
                "sets": word_counts, "feature_set": word_selection.feature_set, "c": word_selection.c,
                "cv_balanced_accuracy": word_selection.cv_balanced_accuracy,
                "nested_cv_balanced_accuracy": word_selection.nested_cv_balanced_accuracy,
                "cv_per_feature_set": word_selection.per_feature_set,
            }
            # the stack sees each fitting row's word score from a word combiner fitted without its article
            rows = [r if v is None else replace(r, values={**r.values, "word_score": v})
                    for r, v in zip(word_rows[: len(rows)], oof)]
        progress("choosing feature set, C and threshold by grouped CV")
        selection = select(rows, STACKED if stack else FEATURE_SETS)
        shipped = read_verdict(VERDICT_PATH)
        shipped_rows = rows_for(fitting, cache, MODEL_DIR)
        rep.fitting |= {
            "sets": {"frank_valid": counts["frank"], "qags": counts["qags"], "cliff_val": counts["cliff_val"],
                     "built": n_built},
            "articles": len({c.group for c in fitting}),
            "chosen": {"feature_set": selection.feature_set, "c": selection.c, "supported_threshold": selection.threshold},
            "cv_balanced_accuracy": selection.cv_balanced_accuracy,
            "nested_cv_balanced_accuracy": selection.nested_cv_balanced_accuracy,
            "cv_per_feature_set": selection.per_feature_set,
            "shipped_in_sample_balanced_accuracy": binary_metrics(shipped_rows, shipped)["balanced_accuracy"],
        }
        settings = _candidate_settings(selection, shipped, contradiction_threshold)
        if word is not None:
            settings = replace(settings, word=word)
        flags = "".join(f" --{n}" for n, on in (("stack", stack), ("words", words), ("built", built), ("extra", extra)) if on)
        fitted_on = (f"`flashpoint bench claims --fit{flags}` for model {rep.model['candidate_hash']}: {names}"
                     f"{f' + {n_built} cases built from examples/' if n_built else ''} ({len(fitting)} statements, "
                     f"{rep.fitting['articles']} articles); features {selection.feature_set}, C={selection.c}, threshold {selection.threshold} "
                     f"chosen by grouped 5-fold CV ({selection.cv_balanced_accuracy}); nested grouped CV "
                     f"{selection.nested_cv_balanced_accuracy}")
        out.parent.mkdir(parents=True, exist_ok=True)
        fitted_on += "; word_score by the word_combiner below, out-of-fold on these rows" if word else ""
        data = settings_json(settings, fitted_on=fitted_on, word_fitted_on=word_fitted_on)
        out.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
        rep.out = str(out)
        rep.candidate = {"intercept": round(settings.intercept, 4), "coef": settings.coef,
                         "supported_threshold": settings.supported_threshold,
                         "contradiction_threshold": settings.contradiction_threshold}
        rep.seconds["fit"] = round(time.perf_counter() - clock, 1)
        if seeds:
            progress("seed tests with the candidate")
            rep.seed_failures = seed_failures(root, model_folder, out, tests=seed_tests)
            rep.refused += [f"seed test fails: {f}" for f in rep.seed_failures]
            rep.seconds["seed_tests"] = round(time.perf_counter() - clock, 1)
        for name, cases in reported_sets(path, limit=limit, samples=samples).items():
            if not cases:
                continue
            progress(f"reported set {name}: {len(cases)} statements")
            cand = binary_metrics(with_word(rows_for(cases, cache, model_folder), settings.word), settings)
            ship = binary_metrics(rows_for(cases, cache, MODEL_DIR), shipped)
            rep.reported[name] = {"candidate": cand, "shipped": ship}
        rep.seconds["reported_sets"] = round(time.perf_counter() - clock, 1)
        if pages_path is not None and (pages_path / "KEY.json").is_file():
            from .claims import pages_figures

            progress("development pages with the candidate")
            with using(model_folder, out):
                rep.pages["candidate"] = pages_figures(pages_path)
            progress("development pages with the shipped model")
            with using(None, None):
                rep.pages["shipped"] = pages_figures(pages_path)
            rep.seconds["pages"] = round(time.perf_counter() - clock, 1)
        if install and rep.accepted:
            VERDICT_PATH.write_text(out.read_text(encoding="utf-8"), encoding="utf-8")
            verdict_settings.cache_clear()
            rep.installed = True
    finally:
        cache.close()
    rep.seconds["total"] = round(time.perf_counter() - clock, 1)
    return rep


__all__ = [
    "FEATURE_SETS", "SEED_TESTS", "WORD_FIT_EXTRA", "FitReport", "binary_metrics", "fit_candidate", "reported_sets", "rows_for",
    "sample", "seed_failures", "using",
]
