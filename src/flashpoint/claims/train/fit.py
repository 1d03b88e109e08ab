"""Fine-tune MiniLM-L6 as a 3-way cross-encoder (entailment / neutral / contradiction).

Binary rows ("not_entailment", or a document-level 0) carry less information than 3-way rows:
their loss is ``-log(p_neutral + p_contradiction)``, i.e. a cross-entropy over the set of labels
they allow. One masked log-sum-exp does both kinds.

The run has a wall-clock stop (config ``stop_at_utc``): after a few steps the trainer measures
its speed and sizes the linear learning-rate schedule to the steps that fit before the stop, so
a busy machine gives a shorter but complete schedule instead of an epoch cut off at full rate.
The best checkpoint on a held-out dev slice of the training pairs is kept.
"""

from __future__ import annotations

import copy
import datetime as dt
import math
import random
import time
from collections import Counter
from collections.abc import Callable, Sequence
from typing import Any

LABELS = ("entailment", "neutral", "contradiction")
ALLOWED = {
    "entailment": (1, 0, 0),
    "neutral": (0, 1, 0),
    "contradiction": (0, 0, 1),
    "not_entailment": (0, 1, 1),
}
MEASURE_STEPS = 10


def batches(pairs: Sequence[dict[str, str]], tokenizer: Any, batch_size: int, max_length: int, seed: int) -> list[list[int]]:
    """Index batches of similar length (less padding), in a seeded random order."""
    rng = random.Random(seed)
    lengths = [len(p["premise"]) + len(p["hypothesis"]) for p in pairs]
    order = list(range(len(pairs)))
    rng.shuffle(order)
    chunk = batch_size * 50
    out: list[list[int]] = []
    for c in range(0, len(order), chunk):
        part = sorted(order[c : c + chunk], key=lambda i: lengths[i])
        out.extend(part[b : b + batch_size] for b in range(0, len(part), batch_size))
    rng.shuffle(out)
    return out


def encode(tokenizer: Any, pairs: Sequence[dict[str, str]], max_length: int) -> dict[str, Any]:
    """Tokenise (premise, hypothesis) pairs, cutting the longer side first (the premise, but for
    a hypothesis too long to keep whole, which would make premise-only truncation fail)."""
    return tokenizer(
        [p["premise"] for p in pairs], [p["hypothesis"] for p in pairs],
        truncation="longest_first", max_length=max_length, padding=True, return_tensors="pt",
    )


def masked_loss(logits: Any, allowed: Any) -> Any:
    """Mean of ``-log(sum of the allowed labels' probabilities)``."""
    import torch

    logp = torch.log_softmax(logits, dim=-1)
    return -(torch.logsumexp(logp.masked_fill(allowed == 0, -1e4), dim=-1)).mean()


def evaluate(model: Any, tokenizer: Any, pairs: Sequence[dict[str, str]], max_length: int) -> dict[str, float]:
    """Dev loss and entailed-vs-not balanced accuracy of ``model`` on ``pairs``."""
    import torch

    model.eval()
    losses, hits = [], {True: [0, 0], False: [0, 0]}
    with torch.no_grad():
        for b in range(0, len(pairs), 64):
            part = pairs[b : b + 64]
            enc = encode(tokenizer, part, max_length)
            logits = model(**enc).logits
            allowed = torch.tensor([ALLOWED[p["label"]] for p in part])
            losses.append(float(masked_loss(logits, allowed)) * len(part))
            p_ent = torch.softmax(logits, dim=-1)[:, 0]
            for p, pe in zip(part, p_ent.tolist()):
                gold = p["label"] == "entailment"
                hits[gold][0] += int((pe >= 0.5) == gold)
                hits[gold][1] += 1
    model.train()
    bacc = sum(h / max(n, 1) for h, n in hits.values()) / 2
    return {"loss": sum(losses) / len(pairs), "balanced_accuracy": bacc}


def train(
    model: Any, tokenizer: Any, train_pairs: Sequence[dict[str, str]], dev_pairs: Sequence[dict[str, str]],
    cfg: dict[str, Any], *, log: Callable[[str], None] = print, on_best: Callable[[Any], None] | None = None,
) -> dict[str, Any]:
    """Fine-tune ``model`` in place (best dev checkpoint restored); return what happened.

    ``on_best(model)`` is called at each new best dev loss (the driver saves the weights to disk
    there, so a run stopped from outside still leaves its best checkpoint)."""
    import torch

    torch.manual_seed(cfg["seed"])
    torch.set_num_threads(cfg["threads"])
    hh, mm = map(int, cfg["stop_at_utc"].split(":"))
    now = dt.datetime.now(dt.UTC)
    stop = now.replace(hour=hh, minute=mm, second=0, microsecond=0) - dt.timedelta(minutes=cfg["reserve_minutes_for_export"])
    if stop <= now:
        stop += dt.timedelta(days=1)
    plan = batches(train_pairs, tokenizer, cfg["batch_size"], cfg["max_length"], cfg["seed"])
    total = min(len(plan), cfg.get("fixed_steps") or len(plan))
    # The 30k x 384 word-embedding matrix is half the weights: frozen, each step is faster and
    # the words the training pairs never show keep their pre-trained vectors.
    model.base_model.embeddings.word_embeddings.weight.requires_grad_(False)
    # On a loaded shared machine every step is dear: the lowest layers (general token features)
    # are frozen too, which saves their backward pass (config ``frozen_layers``).
    for layer in model.base_model.encoder.layer[: cfg.get("frozen_layers", 0)]:
        layer.requires_grad_(False)
    opt = torch.optim.AdamW([p for p in model.parameters() if p.requires_grad], lr=cfg["learning_rate"], weight_decay=cfg["weight_decay"])
    warmup = planned_warmup = max(1, int(total * cfg["warmup_fraction"]))
    lr_at: Callable[[int], float] = lambda s: min((s + 1) / warmup, max(0.0, (total - s) / max(1, total - warmup)))
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: lr_at(s))
    model.train()
    best = {"loss": math.inf}
    best_state = None
    history = []
    t0 = time.monotonic()
    window_t0, window_step = t0, 0
    seen = 0
    step = 0
    seen_counts: Counter[str] = Counter()
    if cfg.get("initial_eval"):
        # A continued fine-tune must beat the weights it starts from on its own dev pairs.
        ev = evaluate(model, tokenizer, dev_pairs, cfg["max_length"])
        history.append({"step": 0, "pairs": 0, **ev})
        log(f"dev before training: {ev}")
        best = {"step": 0, "pairs": 0, **ev}
        best_state = copy.deepcopy(model.state_dict())
    for step, idx in enumerate(plan):
        if step >= MEASURE_STEPS and step % MEASURE_STEPS == 0 and not cfg.get("fixed_steps"):
            # Re-plan from the recent speed: the machine is shared, its load changes.
            per_step = (time.monotonic() - window_t0) / (step - window_step) if step > window_step else 0.0
            window_t0, window_step = time.monotonic(), step
            left = (stop - dt.datetime.now(dt.UTC)).total_seconds()
            fit = min(len(plan), step + int(left / max(per_step, 1e-3) * 0.93))
            if fit != total:
                total = fit
                # The warm-up keeps its planned length (a fraction of the whole plan) unless the
                # schedule gets too short for it: sizing it from each re-plan let the first one,
                # measured on the slow first steps, shrink it for good (87 of 334 steps on 2026-12-04).
                warmup = max(1, min(planned_warmup, total // 4))
                log(f"{per_step:.2f} s/step: schedule re-planned to {total} of {len(plan)} steps (stop {stop:%H:%M} UTC)")
        if step >= total or step >= cfg.get("max_steps", total) or dt.datetime.now(dt.UTC) >= stop:
            log(f"stopping at step {step} ({seen} pairs): wall-clock stop {stop:%H:%M} UTC")
            break
        part = [train_pairs[i] for i in idx]
        enc = encode(tokenizer, part, cfg["max_length"])
        allowed = torch.tensor([ALLOWED[p["label"]] for p in part])
        loss = masked_loss(model(**enc).logits, allowed)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        sched.step()
        opt.zero_grad()
        seen += len(part)
        seen_counts.update(f"{p['source']}|{p['label']}" for p in part)
        if step % 50 == 0:
            log(f"step {step}/{total} loss {float(loss):.3f} lr {sched.get_last_lr()[0]:.2e} {seen / (time.monotonic() - t0):.1f} pairs/s")
        if step and step % cfg["eval_every_steps"] == 0:
            ev = evaluate(model, tokenizer, dev_pairs, cfg["max_length"])
            history.append({"step": step, "pairs": seen, **ev})
            log(f"dev at step {step}: {ev}")
            # The evaluation is not a training step: measuring it as one shrank the re-planned
            # schedule (a 15 s/step re-plan right after each stage-2 evaluation).
            window_t0, window_step = time.monotonic(), step + 1
            if ev["loss"] < best["loss"]:
                best = {"step": step, "pairs": seen, **ev}
                best_state = copy.deepcopy(model.state_dict())
                if on_best is not None:
                    on_best(model)
    ev = evaluate(model, tokenizer, dev_pairs, cfg["max_length"])
    history.append({"step": step, "pairs": seen, **ev})
    log(f"dev at end (step {step}): {ev}")
    if ev["loss"] <= best["loss"] or best_state is None:
        best = {"step": step, "pairs": seen, **ev}
    else:
        model.load_state_dict(best_state)
    model.eval()
    return {"best": best, "history": history, "pairs_seen": seen, "steps": step,
            "planned_steps": len(plan), "seen_counts": dict(sorted(seen_counts.items())), "seconds": round(time.monotonic() - t0)}


__all__ = ["ALLOWED", "LABELS", "batches", "encode", "evaluate", "masked_loss", "train"]
