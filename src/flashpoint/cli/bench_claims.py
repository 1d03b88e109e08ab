"""CLI: `flashpoint bench claims` — the statement checker on data it was never fitted on."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from .. import checkout
from .app import SummaryFormat, bench_app
from .exits import BELOW_FLOOR


@bench_app.command("claims")
def bench_claims(
    path: Annotated[
        Path | None,
        typer.Option("--path", help="The benchmarks/claims folder (default ../shared/benchmarks/claims)."),
    ] = None,
    fit: Annotated[
        bool,
        typer.Option("--fit", help="Choose a verdict combiner for --model by grouped CV on FRANK valid (--extra: and "
                     "QAGS CNN/DM + CLIFF val; --built: and cases built from examples/), write it to --out, run the seed tests with it, and compare it with the shipped "
                     "model + combiner on every reported set and the development pages."),
    ] = False,
    model: Annotated[
        Path | None, typer.Option("--model", help="With --fit: the model folder (model.onnx, tokenizer.json).")
    ] = None,
    out_file: Annotated[
        Path, typer.Option("--out", help="With --fit: where the candidate verdict.json goes.")
    ] = Path("artifacts/verdict.candidate.json"),
    install: Annotated[
        bool, typer.Option("--install", help="With --fit: copy the candidate into claims/data/verdict.json "
                           "if it passed the seed tests (the model files are not copied).")
    ] = False,
    limit: Annotated[
        int | None, typer.Option("--limit", help="With --fit: a seeded sample of N statements per reported set.")
    ] = None,
    no_pages: Annotated[bool, typer.Option("--no-pages", help="With --fit: skip the development pages.")] = False,
    built: Annotated[
        bool, typer.Option("--built", help="With --fit: also fit on FactCC-style cases built from examples/ "
                           "(off by default: their supported statements are verbatim copies).")
    ] = False,
    extra: Annotated[
        bool, typer.Option("--extra", help="With --fit: also fit on QAGS CNN/DM and CLIFF val (news-like, never "
                           "reported, but the model was trained on them: it comes out over-trusted and fails seed tests).")
    ] = False,
    stack: Annotated[
        bool, typer.Option("--stack", help="With --fit: weigh only the model's logit against the word-level "
                           "combiner's (verdict.json's word_combiner) instead of refitting every word feature.")
    ] = False,
    words: Annotated[
        bool, typer.Option("--words", help="With --fit --stack: refit the word-level combiner too, on FRANK valid + "
                           "CLIFF val (+ --built cases; it is model-free), the stack seeing its out-of-fold scores.")
    ] = False,
    cache: Annotated[
        Path | None, typer.Option("--cache", help="With --fit: the feature cache file "
                                  "(default $FLASHPOINT_CACHE or ~/.cache/flashpoint/claims_features.sqlite).")
    ] = None,
    card: Annotated[bool, typer.Option("--card", help="Write the figures into the model card.")] = False,
    fmt: Annotated[SummaryFormat, typer.Option("--format", "-f", help="table or json.")] = SummaryFormat.table,
) -> None:
    """Balanced accuracy per held-out set, development-page verdicts and statements/s."""
    from rich.table import Table

    from ..bench.claims import report, write_card
    from .render import err, out, print_json

    folder = path or checkout.benchmarks_dir("claims")
    if not folder.is_dir():
        err.print(f"[yellow]skipped:[/] claims benchmarks not found at {folder} (pass --path)")
        if fmt == "json":
            print_json({"skipped": [f"claims benchmarks not found at {folder}"]})
        return
    if fit:
        _fit(folder, model=model, out_file=out_file, install=install, limit=limit, no_pages=no_pages, cache=cache,
             built=built, extra=extra, stack=stack, words=words, fmt=fmt)
        return
    rep = report(folder, pages_path=checkout.benchmarks_dir("pages"))
    if card:
        write_card(rep)
    if fmt == "json":
        print_json(rep.to_dict())
        return
    for reason in rep.skipped:
        err.print(f"[yellow]skipped:[/] {reason}")
    table = Table(title="statement checker (sets never trained or fitted on)")
    table.add_column("set", no_wrap=True)
    for col in ("n", "bal. acc.", "rec. sup.", "rec. unsup.", "verdicts"):
        table.add_column(col, justify="right")
    for name, s in rep.sets.items():
        verdicts = ", ".join(f"{k} {v}" for k, v in s["verdicts"].items())
        cells = [s["balanced_accuracy"], s["recall_supported"], s["recall_unsupported"]]
        table.add_row(name, str(s["n"]), *("" if c is None else f"{c:.3f}" for c in cells), verdicts)
    out.print(table)
    if rep.pages:
        p = rep.pages
        out.print(
            f"development pages: {p['statements_emitted']}/{p['statements_expected']} statements found, "
            f"three-way {p['three_way']:.3f}, supported-vs-not {p['supported_vs_not']:.3f}"
        )
    if rep.speed:
        out.print(
            f"speed: {rep.speed['statements_per_s']} statements/s on {rep.speed['set']} "
            f"({rep.speed['statements']} statements, {rep.speed['articles']} articles), cleaning and parsing "
            "each article included, model on one thread"
        )
    if rep.combiner:
        out.print(
            f"verdict combiner fitted on {rep.combiner['fitted_on']}; grouped CV balanced accuracy there "
            f"{rep.combiner['frank_valid_cv_balanced_accuracy']}"
        )


def _fit(
    folder: Path, *, model: Path | None, out_file: Path, install: bool, limit: int | None, no_pages: bool,
    cache: Path | None, built: bool, extra: bool, stack: bool, words: bool, fmt: SummaryFormat,
) -> None:
    """Run ``bench.claims_candidate.fit_candidate`` and print its CV and reported figures."""
    from rich.table import Table

    from ..bench.claims import SAMPLE
    from ..bench.claims_cache import default_path
    from ..bench.claims_candidate import fit_candidate
    from ..claims.model import MODEL_DIR
    from .render import err, out, print_json

    rep = fit_candidate(
        folder, model_folder=model or MODEL_DIR, out=out_file, root=checkout.ROOT, examples=checkout.examples_dir(),
        pages_path=None if no_pages else checkout.benchmarks_dir("pages"), samples=SAMPLE, limit=limit,
        cache_path=cache or default_path(), install=install, built=built, extra=extra, stack=stack, words=words,
        progress=lambda m: err.print(f"[dim]{m}[/]"),
    )
    if fmt == "json":
        print_json(rep.to_dict())
    else:
        f = rep.fitting
        out.print(f"model {rep.model['candidate']} ({rep.model['candidate_hash']}); shipped {rep.model['shipped_hash']}")
        out.print(
            f"fitting set: {f['sets']} ({f['articles']} articles); chosen {f['chosen']}; grouped CV "
            f"{f['cv_balanced_accuracy']:.3f}, nested grouped CV {f['nested_cv_balanced_accuracy']:.3f} "
            f"(shipped, in-sample: {f['shipped_in_sample_balanced_accuracy']:.3f}); best CV per feature set "
            f"{f['cv_per_feature_set']}"
        )
        if "word_combiner" in f:
            w = f["word_combiner"]
            out.print(f"word-level combiner: {w['sets']}; chosen {w['feature_set']} C={w['c']}; grouped CV "
                      f"{w['cv_balanced_accuracy']:.3f}, nested {w['nested_cv_balanced_accuracy']:.3f}; per feature set "
                      f"{w['cv_per_feature_set']}")
        table = Table(title="reported sets (never fitted on): balanced accuracy")
        for col in ("set", "n", "candidate", "shipped", "cand. rec. sup./unsup.", "shipped rec. sup./unsup."):
            table.add_column(col, justify="left" if col == "set" else "right")
        for name, both in rep.reported.items():
            c, s = both["candidate"], both["shipped"]
            table.add_row(name, str(c["n"]), f"{c['balanced_accuracy']:.3f}", f"{s['balanced_accuracy']:.3f}",
                          f"{c['recall_supported']}/{c['recall_unsupported']}",
                          f"{s['recall_supported']}/{s['recall_unsupported']}")
        out.print(table)
        for who, p in rep.pages.items():
            if p:
                out.print(f"pages ({who}): {p['statements_emitted']}/{p['statements_expected']} statements, three-way "
                          f"{p['three_way']:.3f}, supported-vs-not {p['supported_vs_not']:.3f}")
        out.print(f"candidate written to {rep.out}; seconds {rep.seconds}")
    for reason in rep.refused:
        err.print(f"[red]refused:[/] {reason}")
    if rep.installed:
        err.print("installed into claims/data/verdict.json")
    if not rep.accepted:
        raise typer.Exit(BELOW_FLOOR)  # the run worked, the candidate is refused
