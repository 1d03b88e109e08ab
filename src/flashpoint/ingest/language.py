"""Language identification of cleaned article text (py3langid, offline).

The coder and the actor dictionaries are English-only, so a German or Korean article would
produce nonsense events rather than none. It is skipped with the detected language and its
probability, so the skip is auditable. Very short texts are not judged: a headline-length
string gives language identifiers too little evidence, and wrongly dropping an English
one-liner is worse than letting it through.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

MIN_WORDS = 12  # below this the text is not judged
MIN_PROBABILITY = 0.9  # a non-English verdict must be at least this confident to skip
MIN_LATIN_SHARE = 0.5  # below this share of Latin letters a non-English verdict needs no confidence
_SAMPLE_CHARS = 5000  # the first few paragraphs decide; whole articles add nothing


@dataclass(frozen=True, slots=True)
class Language:
    code: str
    probability: float


@functools.lru_cache(maxsize=1)
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def release() -> None:
    """Forget the loaded identifier (~75 MB; ``pipeline.release_models`` calls it before a
    large ingest's final update, which reads no text); the next detection loads it again."""
    _identifier.cache_clear()


def detect_language(text: str) -> Language | None:
    """The language of ``text`` with its probability, or None when the text is too short."""
    if len(text.split()) < MIN_WORDS:
        return None
    code, probability = _identifier().classify(text[:_SAMPLE_CHARS])
    return Language(str(code), float(probability))


def is_confidently_foreign(language: Language | None, text: str = "") -> bool:
    """True when ``language`` is a confident non-English verdict (the article is skipped).

    A text whose letters are mostly not Latin (Arabic, Cyrillic, Hangul ...) is not English
    whatever the identifier's confidence: repeated or formulaic text can leave it below
    ``MIN_PROBABILITY`` for a language no English reader would mistake.
    """
    if language is None or language.code == "en":
        return False
    return language.probability >= MIN_PROBABILITY or latin_share(text) < MIN_LATIN_SHARE


def latin_share(text: str) -> float:
    """Share of Latin letters (basic and extended Latin blocks) among the letters of ``text``."""
    letters = [ch for ch in text[:_SAMPLE_CHARS] if ch.isalpha()]
    if not letters:
        return 1.0
    return sum(ch < "\u0250" or "\u1e00" <= ch <= "\u1eff" for ch in letters) / len(letters)


__all__ = [
    "MIN_LATIN_SHARE",
    "MIN_PROBABILITY",
    "MIN_WORDS",
    "Language",
    "detect_language",
    "is_confidently_foreign",
    "latin_share",
]
