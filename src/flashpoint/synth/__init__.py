"""Synthetic news corpus for benchmarks: realistic, varied, deterministic, marked as synthetic.

Scale cannot be measured on the dozen bundled samples and real news cannot ship with the
project, so ``generate`` writes as many reports as asked, built from sentence templates
(``synth/data/templates.json``) and a small world of real countries, generic officials and
made-up outlets (``synth/data/world.json``; no named person appears, so no claim about a
real person is invented). Every record says it is synthetic: its ``source`` starts with
"Flashpoint synthetic", its URL is under ``synthetic.flashpoint.invalid`` and JSON records
carry ``"synthetic": true``.

What makes it useful for the monitor:

* reports come in publication-date order over ``days`` days, country pairs drawn by weight;
* each pair has a baseline hostility and a few *escalation episodes* (1-3 weeks) in which it
  is reported far more often and mostly in conflict terms, so alerts have something to find;
* about ``copy_rate`` of the reports are re-published by another outlet with a new title and
  a small edit (a syndicated copy), and a few are exact copies, so dedup has work to do;
* some reports end with a "Read also" line (a statement for the checker).

``generate`` streams: memory does not grow with ``n``. The same ``seed`` gives the same files.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import random
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..ingest.limits import DEFAULT_MAX_BYTES

SOURCE_PREFIX = "Flashpoint synthetic"
URL_ROOT = "https://synthetic.flashpoint.invalid"
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)


@functools.lru_cache(maxsize=1)
def world() -> dict[str, Any]:
    """Countries, organisations, dyads and outlets (``synth/data/world.json``)."""
    return json.loads(resources.files(__package__).joinpath("data/world.json").read_text("utf-8"))


@functools.lru_cache(maxsize=1)
def templates() -> dict[str, Any]:
    """Sentence templates by kind of report (``synth/data/templates.json``)."""
    return json.loads(
        resources.files(__package__).joinpath("data/templates.json").read_text("utf-8")
    )


@dataclass(frozen=True)
class Report:
    """One synthetic report, as written to a JSONL line or a .txt file."""

    title: str
    text: str
    published: dt.date
    url: str
    source: str
    dyad: str  # "PRK-KOR": the pair the report is about (ground truth for tests)
    kind: str  # template kind: attack, threat, meet, ...
    copy_of: str | None = None  # url of the original when this is a syndicated copy

    def to_dict(self) -> dict[str, Any]:
        d = {
            "title": self.title, "text": self.text, "published": self.published.isoformat(),
            "url": self.url, "source": self.source, "synthetic": True,
            "dyad": self.dyad, "kind": self.kind,
        }
        if self.copy_of:
            d["copy_of"] = self.copy_of
        return d

    def to_txt(self) -> str:
        stamp = f"Published {self.published.day} {MONTHS[self.published.month - 1]} {self.published.year}"
        return f"{self.title}\n{stamp}\n\n{self.text}\n"


@dataclass(frozen=True)
class SynthStats:
    reports: int
    copies: int
    words: int
    files: int


@dataclass(frozen=True)
class _Episode:
    dyad: int
    start: int  # day index
    end: int


def reports(
    n: int,
    *,
    seed: int = 1,
    start: dt.date = dt.date(2023, 1, 1),
    days: int = 365,
    copy_rate: float = 0.12,
    words: int | None = None,
) -> Iterator[Report]:
    """Yield ``n`` reports (originals and copies) in publication order; deterministic.

    ``words``: lengthen each original to about that many words on average (drawn from
    0.5x-1.5x) with background paragraphs, as real news runs 500-600 words where the
    templates give ~75; None keeps the short reports. The lengthening draws from a random
    stream of its own, so the reports, days and episodes of a seed stay the same."""
    if n < 0 or days < 1 or (words is not None and words < 1):
        raise InputError("E110")
    rng = random.Random(seed)
    pad = (random.Random(f"{seed}:words"), words) if words else None
    w, t = world(), templates()
    dyads = w["dyads"]
    episodes = _episodes(rng, len(dyads), days)
    emitted = 0
    serial = 0
    while emitted < n:
        day_index = min(days - 1, emitted * days // max(n, 1))
        day = start + dt.timedelta(days=day_index)
        active = {e.dyad for e in episodes if e.start <= day_index <= e.end}
        weights = [d["weight"] * (5 if i in active else 1) for i, d in enumerate(dyads)]
        di = rng.choices(range(len(dyads)), weights=weights)[0]
        dyad = dyads[di]
        hostility = 0.95 if di in active else dyad["hostility"]
        a, b = (dyad["a"], dyad["b"]) if rng.random() < 0.5 else (dyad["b"], dyad["a"])
        serial += 1
        report = _compose(rng, w, t, a, b, day, hostility, serial, escalating=di in active,
                          pad=pad)
        yield report
        emitted += 1
        if emitted < n and rng.random() < copy_rate:
            serial += 1
            yield _copy(rng, w, report, serial)
            emitted += 1


def episodes(
    *, seed: int = 1, start: dt.date = dt.date(2023, 1, 1), days: int = 365
) -> list[tuple[str, dt.date, dt.date]]:
    """The escalation episodes ``reports``/``generate`` build in for ``seed``: ground truth
    ``(dyad, first day, last day)`` to score alerts against."""
    rng = random.Random(seed)
    dyads = world()["dyads"]
    out = []
    for e in _episodes(rng, len(dyads), days):
        a, b = sorted((dyads[e.dyad]["a"], dyads[e.dyad]["b"]))
        out.append((f"{a}-{b}", start + dt.timedelta(days=e.start),
                    start + dt.timedelta(days=e.end)))
    return out


def generate(
    n: int,
    out: str | Path,
    *,
    seed: int = 1,
    fmt: str = "jsonl",
    shard_size: int = 10_000,
    start: dt.date = dt.date(2023, 1, 1),
    days: int = 365,
    copy_rate: float = 0.12,
    words: int | None = None,
) -> SynthStats:
    """Write ``n`` synthetic reports under ``out`` as JSONL shards or one .txt file each.

    JSONL: ``out/synth-00000.jsonl`` ... with ``shard_size`` records each, fewer when a shard
    would pass ingest's per-file limit (``DEFAULT_MAX_BYTES``: long ``words`` reports). Text: ``out/NNN/
    synth-NNNNNNN.txt`` (1000 files per folder), title on line 1, a "Published" line, body.
    A README.md beside them says what they are (ingest skips README files).
    """
    if fmt not in {"jsonl", "txt"}:
        raise InputError("E111", fmt=fmt)
    root = Path(out)
    try:
        root.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise InputError("E105", path=root, reason=e.strerror or e) from e
    (root / "README.md").write_text(
        f"# Synthetic corpus ({SOURCE_PREFIX})\n\nGenerated by `flashpoint synth --n {n} "
        f"--seed {seed}`. Every report is invented from templates; none is real news.\n",
        encoding="utf-8",
    )
    copies = n_words = files = in_shard = shard_bytes = 0
    handle = None
    try:
        for i, rep in enumerate(reports(n, seed=seed, start=start, days=days, copy_rate=copy_rate,
                                           words=words)):
            copies += rep.copy_of is not None
            n_words += len(rep.text.split())
            if fmt == "jsonl":
                line = json.dumps(rep.to_dict(), ensure_ascii=False) + "\n"
                size = len(line.encode("utf-8"))
                if handle is None or in_shard == shard_size or shard_bytes + size > DEFAULT_MAX_BYTES:
                    if handle:
                        handle.close()
                    handle = (root / f"synth-{files:05d}.jsonl").open("w", encoding="utf-8")
                    files += 1
                    in_shard = shard_bytes = 0
                handle.write(line)
                in_shard += 1
                shard_bytes += size
            else:
                folder = root / f"{i // 1000:03d}"
                folder.mkdir(exist_ok=True)
                (folder / f"synth-{i:07d}.txt").write_text(rep.to_txt(), encoding="utf-8")
                files += 1
    finally:
        if handle:
            handle.close()
    return SynthStats(reports=n, copies=copies, words=n_words, files=files)


# -- composition -----------------------------------------------------------------------------


def _episodes(rng: random.Random, n_dyads: int, days: int) -> list[_Episode]:
    out = []
    for d in range(n_dyads):
        for _ in range(rng.randint(1, 2)):
            length = rng.randint(7, 21)
            begin = rng.randint(min(60, days - 1), max(min(60, days - 1), days - length - 1))
            out.append(_Episode(d, begin, begin + length))
    return out


def _compose(
    rng: random.Random, w: dict[str, Any], t: dict[str, Any], a: str, b: str, day: dt.date,
    hostility: float, serial: int, *, escalating: bool,
    pad: tuple[random.Random, int] | None = None,
) -> Report:
    kinds = t["kinds"]
    conflict = rng.random() < hostility
    pool = [k for k, v in kinds.items() if v["conflict"] == conflict]
    if conflict and escalating:
        pool = pool + ["attack", "attack", "mobilize", "missile"]
    kind = rng.choice(pool)
    spec = kinds[kind]
    event_day = day - dt.timedelta(days=rng.choice((0, 1, 1, 2)))
    fill = _filler(rng, w, t, a, b, day, event_day)
    title = _cap(rng.choice(spec["titles"]).format(**fill))
    sentences = [_cap(rng.choice(spec["leads"]).format(**fill))]
    reactions = t["reactions_conflict"] if conflict else t["reactions_coop"]
    context = t["context"] + (t["context_conflict"] if conflict else [])
    quotes = t["quotes_conflict"] if conflict else t["quotes_coop"]
    extra = rng.sample(
        [*rng.sample(reactions, 2), *rng.sample(context, 4), rng.choice(quotes)],
        k=rng.randint(3, 6),
    )
    if conflict and rng.random() < 0.3:
        extra.append(rng.choice(t["third_party"]))
    if rng.random() < 0.25:  # a second, related development
        other = rng.choice([k for k in kinds if k != kind])
        sentences.append(_cap(rng.choice(kinds[other]["leads"]).format(**fill)))
    sentences += [_cap(s.format(**fill)) for s in extra]
    capital = w["countries"][a]["capital"].upper()
    outlet = rng.choice(w["outlets"])
    source = f"{SOURCE_PREFIX} ({outlet})"
    stamp = f"{MONTHS[day.month - 1][:3]} {day.day}"
    paragraphs = [f"{capital}, {stamp} ({outlet}) - {sentences[0]}"]
    rest = sentences[1:]
    while rest:
        k = rng.randint(1, 2)
        paragraphs.append(" ".join(rest[:k]))
        rest = rest[k:]
    if rng.random() < 0.1:
        paragraphs.append("Read also: " + _cap(rng.choice(kinds[rng.choice(list(kinds))]["leads"])
                                               .format(**fill)))
    if pad:
        paragraphs += _background(pad, [*context, *reactions, *quotes], fill,
                                  sum(len(p.split()) for p in paragraphs))
    slug = "-".join(title.lower().replace("'", "").split()[:6])
    url = f"{URL_ROOT}/{_slug(outlet)}/{day.isoformat()}/{serial:07d}-{_slug(slug)}"
    return Report(
        title=title, text="\n\n".join(paragraphs), published=day, url=url, source=source,
        dyad=f"{min(a, b)}-{max(a, b)}", kind=kind,
    )


def _background(pad: tuple[random.Random, int], pool: list[str], fill: dict[str, str],
                have: int) -> list[str]:
    """Paragraphs of 2-4 background sentences until a report of ``have`` words reaches its
    drawn length (0.5x-1.5x the mean ``pad[1]``)."""
    rng, mean = pad
    target = rng.randint(max(1, mean // 2), max(1, mean * 3 // 2))
    out = []
    while have < target:
        text = " ".join(_cap(rng.choice(pool).format(**fill)) for _ in range(rng.randint(2, 4)))
        out.append(text)
        have += len(text.split())
    return out


def _copy(rng: random.Random, w: dict[str, Any], original: Report, serial: int) -> Report:
    """A syndicated copy: another outlet, a new title, a small edit (or none: exact copy)."""
    outlet = rng.choice([o for o in w["outlets"] if o not in original.source])
    paragraphs = original.text.split("\n\n")
    edit = rng.random()
    if edit < 0.2:
        pass  # exact copy of the body
    elif edit < 0.6 and len(paragraphs) > 2:
        paragraphs = paragraphs[:-1]  # trimmed last paragraph
    else:
        paragraphs = [*paragraphs, f"(Reporting by {outlet} staff; editing by the {outlet} desk)"]
    title = rng.choice(("UPDATE 1-", "WRAPUP-", "")) + original.title
    day = original.published + dt.timedelta(days=rng.choice((0, 0, 1)))
    url = f"{URL_ROOT}/{_slug(outlet)}/{day.isoformat()}/{serial:07d}-copy"
    return Report(
        title=title, text="\n\n".join(paragraphs), published=day, url=url,
        source=f"{SOURCE_PREFIX} ({outlet})", dyad=original.dyad, kind=original.kind,
        copy_of=original.url,
    )


def _filler(
    rng: random.Random, w: dict[str, Any], t: dict[str, Any], a: str, b: str, day: dt.date,
    event_day: dt.date,
) -> dict[str, str]:
    org_code = rng.choice(list(w["organisations"]))
    org = w["organisations"][org_code]
    fill = {
        "ORG": org["name"], "ORG_body": org["body"],
        "on_day": f"on {WEEKDAYS[event_day.weekday()]}",
        "weekday": WEEKDAYS[event_day.weekday()],
        "month": MONTHS[(day.month - 1 - rng.randint(1, 5)) % 12],
        "number": str(rng.choice((2, 3, 4, 5, 6, 8, 10, 12, 20, 50))),
        "topic": rng.choice(t["topics"]), "ordinal": rng.choice(t["ordinals"]),
    }
    for key, code in (("A", a), ("B", b)):
        c = w["countries"][code]
        fill[key] = c["name"]
        fill[f"{key}_adj"] = c["adj"]
        fill[f"{key}_capital"] = c["capital"]
        fill[f"{key}_place"] = rng.choice(c["places"])
        fill[f"{key}_media"] = c["media"]
        fill[f"{key}_gov"] = _office(rng, c, w["officials"]["gov"])
        fill[f"{key}_mil"] = _office(rng, c, w["officials"]["mil"])
    return fill


def _office(rng: random.Random, country: dict[str, str], roles: list[str]) -> str:
    role = rng.choice(roles).removeprefix("the ")
    if rng.random() < 0.5 and not country["name"].startswith("the "):
        return f"{country['name']}'s {role}"
    return f"the {country['adj']} {role}"


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _slug(text: str) -> str:
    return "".join(ch if ch.isalnum() else "-" for ch in text.lower()).strip("-")


__all__ = ["SOURCE_PREFIX", "Report", "SynthStats", "generate", "reports", "templates", "world"]
