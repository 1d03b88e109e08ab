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
_SAMPLE_CHARS = 5000  # the first few paragraphs decide; whole articles add nothing


@dataclass(frozen=True, slots=True)
class Language:
    code: str
    probability: float


@functools.lru_cache(maxsize=1)
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> Language | None:
    """The language of ``text`` with its probability, or None when the text is too short."""
    if len(text.split()) < MIN_WORDS:
        return None
    code, probability = _identifier().classify(text[:_SAMPLE_CHARS])
    return Language(str(code), float(probability))


def is_confidently_foreign(language: Language | None) -> bool:
    """True when ``language`` is a confident non-English verdict (the article is skipped)."""
    return (
        language is not None and language.code != "en" and language.probability >= MIN_PROBABILITY
    )


__all__ = ["MIN_PROBABILITY", "MIN_WORDS", "Language", "detect_language", "is_confidently_foreign"]
