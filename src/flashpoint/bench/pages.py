"""The whole ``analyze`` path scored against the gold key of the development pages.

``../shared/benchmarks/pages/KEY.json`` describes, per article, the expected title and
publication date, the boilerplate that must be gone, the appended statements and their
verdicts, the events a careful analyst would code (``events``), other correct codings
(``also_acceptable``) and codings that are errors (``must_not``). The scoring rules are the
ones of ``pages/README.md``; they are implemented once here, as pure functions over
``Analysis`` records and key entries, so the CLI (``flashpoint bench pages``), the gate test
and the unit tests share them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import NotFoundError
from ..events.restatements import unique_acts
from ..records import Actor, Analysis, Event

ORG_PREFIXES = ("IGO", "NGO", "IMG")
# the codes of the statement itself: an asserted "will meet" is a 03 (intent), "will strike" 13
INTENT_ROOTS = frozenset({"03", "13"})
COUNTED_MODALITIES = frozenset({"asserted", "reported"})
BARE_STATEMENT = "010"


# ---------------------------------------------------------------- matching one event


def actor_code(actor: Actor | None) -> str | None:
    """The code the key speaks in: the country, else an organisation code (6 letters), else None."""
    if actor is None:
        return None
    if actor.country:
        return actor.country
    if actor.code and actor.code.startswith(ORG_PREFIXES):
        return actor.code[:6]
    return None


def event_root(event: Event) -> str:
    return event.cameo_root or event.cameo[:2]


def _fits_actor(code: str | None, want: Any) -> bool:
    """``want`` null = not checked; "*" = any; a code; a list of codes (null = no actor)."""
    if want is None or want == "*":
        return True
    if isinstance(want, list):
        return code in want
    return bool(code == want)


def _fits_roles(event: Event, entry: dict[str, Any]) -> bool:
    src, tgt = actor_code(event.source), actor_code(event.target)
    if _fits_actor(src, entry.get("source")) and _fits_actor(tgt, entry.get("target")):
        return True
    return bool(entry.get("sym")) and (
        _fits_actor(tgt, entry.get("source")) and _fits_actor(src, entry.get("target"))
    )


def _fits_date(event: Event, want: Any) -> bool:
    if want is None:
        return True
    have = event.date.isoformat() if event.date else ""
    prefixes = want if isinstance(want, list) else [want]
    return any(have.startswith(p) for p in prefixes)


def _fits_roots(event: Event, roots: Sequence[str] | None) -> bool:
    return not roots or "*" in roots or event_root(event) in roots


def _fits_evidence(event: Event, needle: str | None) -> bool:
    return not needle or needle.lower() in event.evidence.text.lower()


def matches(event: Event, entry: dict[str, Any]) -> bool:
    """Does an emitted event fit a key ``events``/``also_acceptable`` entry (README rules)?"""
    return (
        _fits_roles(event, entry)
        and _fits_roots(event, entry.get("roots"))
        and _fits_date(event, entry.get("date"))
        and _fits_evidence(event, entry.get("evidence_contains"))
        and event.negated == bool(entry.get("negated", False))
    )


def counts_for_precision(event: Event) -> bool:
    """Asserted or reported, not negated, not a bare statement (010)."""
    return (
        event.modality in COUNTED_MODALITIES and not event.negated and event.cameo != BARE_STATEMENT
    )


def precise_match(event: Event, entry: dict[str, Any]) -> bool:
    """``matches``, except that an intended/hypothetical key event is met only by 03 or 13."""
    if (
        entry.get("modality") in ("intended", "hypothetical")
        and event_root(event) not in INTENT_ROOTS
    ):
        return False
    return matches(event, entry)


def violates(event: Event, entry: dict[str, Any]) -> bool:
    """Does an emitted event (any modality) fit a ``must_not`` entry?"""
    if not _fits_roles(event, entry) or not _fits_roots(event, entry.get("roots")):
        return False
    if not _fits_evidence(event, entry.get("evidence_contains")):
        return False
    if "negated" in entry and event.negated != bool(entry["negated"]):
        return False
    if entry.get("modality") and event.modality not in entry["modality"]:
        return False
    return _fits_date(event, entry.get("date"))


# ---------------------------------------------------------------- one article


@dataclass
class ArticleScore:
    """Every figure of one article, and the misses worth reading."""

    file: str
    title_ok: bool = False
    published_ok: bool = False
    boilerplate_removed: int = 0
    boilerplate_total: int = 0
    at_most_once_ok: int = 0
    at_most_once_total: int = 0
    statements_emitted: int = 0
    statements_expected: int = 0
    verdicts_right: int = 0
    supported_right: int = 0
    key_events: int = 0
    key_found: int = 0
    precision_counted: int = 0
    precision_right: int = 0
    acts_counted: int = 0  # the counted events with restatements counted once (restatements.py)
    acts_right: int = 0
    must_not: int = 0
    missed: list[dict[str, Any]] = field(default_factory=list)
    wrong: list[dict[str, Any]] = field(default_factory=list)
    violations: list[dict[str, Any]] = field(default_factory=list)


def sentence_of(text: str, needle: str) -> str:
    """The sentence of ``text`` that holds ``needle`` (case-insensitive), for reading misses."""
    at = text.lower().find(needle.lower())
    if at < 0:
        return f"(not in the article text: {needle!r})"
    start = max(text.rfind(". ", 0, at), text.rfind("\n", 0, at)) + 1
    ends = [i for i in (text.find(". ", at + len(needle)), text.find("\n", at)) if i >= 0]
    end = min(ends) + 1 if ends else len(text)
    return text[start:end].strip()


def brief(event: Event) -> str:
    """``AZE 190 ARM 2023-09-19 asserted`` (what a miss list shows for an emitted event)."""
    neg = " NOT" if event.negated else ""
    return (
        f"{actor_code(event.source) or '-'} {event.cameo} {actor_code(event.target) or '-'}"
        f" {event.date.isoformat() if event.date else '-'} {event.modality}{neg}"
        f" [{event.trigger or ''}]"
    )


def _want(entry: dict[str, Any]) -> str:
    neg = " NOT" if entry.get("negated") else ""
    return (
        f"{entry.get('source')} {'/'.join(entry.get('roots') or [])} {entry.get('target')}"
        f" {entry.get('date')} {entry.get('modality')}{neg}"
    )


def score_article(file: str, analysis: Analysis, key: dict[str, Any]) -> ArticleScore:
    """Score one analysed article against its key entry (``pages/README.md``, Scoring)."""
    score = ArticleScore(file=file)
    article = analysis.article
    text = article.text if article else ""
    events = list(analysis.events)
    score.title_ok = article is not None and article.title == key.get("title")
    score.published_ok = (
        article is not None
        and article.published is not None
        and article.published.isoformat() == key.get("expect_published")
    )
    boiler = key.get("not_in_text") or []
    score.boilerplate_total = len(boiler)
    score.boilerplate_removed = sum(s not in text for s in boiler)
    once = key.get("at_most_once") or []
    score.at_most_once_total = len(once)
    score.at_most_once_ok = sum(text.count(s) <= 1 for s in once)

    expected = key.get("statements") or []
    score.statements_expected = len(expected)
    score.statements_emitted = len(analysis.statements)
    for want in expected:
        got = next((s for s in analysis.statements if want["text_contains"] in s.text), None)
        if got is not None:
            score.verdicts_right += got.verdict == want["verdict"]
            score.supported_right += (got.verdict == "supported") == bool(want["supported"])

    key_events = key.get("events") or []
    acceptable = key_events + (key.get("also_acceptable") or [])
    score.key_events = len(key_events)
    for entry in key_events:
        if any(matches(e, entry) for e in events):
            score.key_found += 1
            continue
        sentence = sentence_of(text, entry.get("evidence_contains") or "")
        near = [brief(e) for e in events if e.evidence.text.strip() and e.evidence.text in sentence]
        score.missed.append(
            {"id": entry.get("id"), "want": _want(entry), "sentence": sentence, "emitted": near}
        )
    for e in events:
        if not counts_for_precision(e):
            continue
        score.precision_counted += 1
        if any(precise_match(e, entry) for entry in acceptable):
            score.precision_right += 1
        else:
            score.wrong.append({"event": brief(e), "sentence": e.evidence.text})

    # what an analyst counts: one act per restatement group (the store's unique events), right
    # when any of its mentions is
    for mentions in unique_acts(e for e in events if counts_for_precision(e)).values():
        score.acts_counted += 1
        score.acts_right += any(precise_match(e, entry) for e in mentions for entry in acceptable)

    statements = [s.strip() for s in (article.statements if article else ()) if s.strip()]
    for e in events:
        for entry in key.get("must_not") or []:
            if violates(e, entry):
                score.must_not += 1
                score.violations.append(
                    {"event": brief(e), "why": entry.get("why"), "sentence": e.evidence.text}
                )
        if any(s in e.evidence.text or e.evidence.text.strip() in s for s in statements):
            score.must_not += 1
            score.violations.append(
                {
                    "event": brief(e),
                    "why": "coded from an appended statement",
                    "sentence": e.evidence.text,
                }
            )
    return score


# ---------------------------------------------------------------- the whole key


@dataclass
class PagesReport:
    """Totals over every article of the key, per-article scores, and the figures gated."""

    articles: list[ArticleScore] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)

    def total(self, name: str) -> int:
        return sum(int(getattr(a, name)) for a in self.articles)

    def figures(self) -> dict[str, float]:
        """The gated figures (shares; ``must_not`` is a count and is gated as a ceiling)."""
        return {
            "pages_key_event_recall": _share(self.total("key_found"), self.total("key_events")),
            "pages_event_precision": _share(
                self.total("precision_right"), self.total("precision_counted")
            ),
        }

    def to_dict(self) -> dict[str, Any]:
        totals = {
            name: self.total(name)
            for name in (
                "title_ok",
                "published_ok",
                "boilerplate_removed",
                "boilerplate_total",
                "at_most_once_ok",
                "at_most_once_total",
                "statements_emitted",
                "statements_expected",
                "verdicts_right",
                "supported_right",
                "key_found",
                "key_events",
                "precision_right",
                "precision_counted",
                "acts_right",
                "acts_counted",
                "must_not",
            )
        }
        return {
            "articles": len(self.articles),
            "skipped": self.skipped,
            "figures": self.figures(),
            "totals": totals,
            "per_article": [
                {k: v for k, v in vars(a).items() if k not in ("missed", "wrong", "violations")}
                for a in self.articles
            ],
            "missed": [dict(m, file=a.file) for a in self.articles for m in a.missed],
            "wrong": [dict(w, file=a.file) for a in self.articles for w in a.wrong],
            "violations": [dict(v, file=a.file) for a in self.articles for v in a.violations],
        }


def _share(n: int, d: int) -> float:
    return round(n / d, 4) if d else 0.0


def load_key(path: Path) -> dict[str, Any]:
    """``KEY.json``'s ``pages`` mapping (file name -> entry)."""
    import json

    file = path / "KEY.json"
    if not file.is_file():
        raise NotFoundError("E201", path=file, folder="pages")
    pages: dict[str, Any] = json.loads(file.read_text(encoding="utf-8"))["pages"]
    return pages


def _articles_of(entry: dict[str, Any]) -> list[dict[str, Any]]:
    """A feed entry lists its articles in feed order; a page entry is its own one article."""
    return list(entry["articles"]) if "articles" in entry else [entry]


def _read(path: Path, file: str, entry: dict[str, Any]) -> Iterator[Any]:
    from .. import ingest

    yield from ingest.read_path(path / file, published=entry.get("published"))


def run(path: Path, *, only: Iterable[str] | None = None) -> PagesReport:
    """Analyse every page of the key (or the files in ``only``) and score each article."""
    from ..pipeline import analyze_many
    from ..records import Skipped

    report = PagesReport()
    wanted = set(only) if only else None
    for file, entry in sorted(load_key(path).items()):
        if wanted is not None and file not in wanted and re.sub(r"\..*$", "", file) not in wanted:
            continue
        items = list(_read(path, file, entry))
        keys = _articles_of(entry)
        analyses = list(analyze_many([i for i in items if not isinstance(i, Skipped)]))
        report.skipped += [
            f"{file}: {i.reason} {i.detail}" for i in items if isinstance(i, Skipped)
        ]
        for n, key in enumerate(keys):
            name = file if len(keys) == 1 else f"{file}#{n + 1}"
            analysis = analyses[n] if n < len(analyses) else Analysis(None)
            report.articles.append(score_article(name, analysis, key))
    return report
