"""Caps on the work one input can cause, decided here and nowhere else.

One pathological input (a 1 MB line, 100,000 appended statements, a 300 MB or trickling feed)
must cost bounded time and memory, or a whole batch waits on it. Work above a cap is never
silent: a document too big to read is a ``Skipped("too_large")``; an article too long to
analyse whole is *truncated with a note* (``Article.notes``) saying what was kept, because the
beginning of a news article carries its events and an analyst can see the cut.

| cap | value | above it |
|---|---|---|
| ``MAX_ARTICLE_CHARS`` | 100,000 characters of cleaned body (a long report is ~50,000; coding is still superlinear in length, see issue 10) | cut at the last paragraph or sentence end before the cap, noted |
| ``MAX_SENTENCES`` | 4,000 sentences per article (counted by their end punctuation) | cut after the 4,000th, noted |
| ``MAX_STATEMENTS`` | 50 appended statements per article | the first 50 kept, noted |
| ``MAX_STATEMENT_CHARS`` | 2,000 characters per statement (one sentence, not a page) | that statement dropped, noted |
| ``DEFAULT_MAX_BYTES`` | 10 MB per file (``--max-bytes``), checked with ``stat`` before reading | ``Skipped("too_large")`` |
| ``MAX_FEED_BYTES`` | 10 MB per feed body, streamed | ``Skipped("too_large")`` without reading the rest |
| ``FEED_DEADLINE_SECONDS`` | 30 s per feed fetch attempt, however slowly the bytes trickle | ``Skipped("fetch_failed")`` |
| ``FEED_WORKERS`` / ``FEED_PER_HOST`` | 8 feeds fetched at once, at most 2 from one host | queued |

The API refuses a page above ``api.models.MAX_TEXT_CHARS`` with a 422 before any analysis.
"""

from __future__ import annotations

import re

DEFAULT_MAX_BYTES = 10_000_000
"""Largest document read (10 MB). A news article is 5-50 kB of text; anything past this is a
dump, an archive or a mistake, and reading it would stall a batch."""
MAX_ARTICLE_CHARS = 100_000
MAX_SENTENCES = 4_000
MAX_STATEMENTS = 50
MAX_STATEMENT_CHARS = 2_000
MAX_FEED_BYTES = DEFAULT_MAX_BYTES
FEED_DEADLINE_SECONDS = 30.0
FEED_WORKERS = 8
FEED_PER_HOST = 2

# The end of a sentence: terminal punctuation (and closing quotes/brackets) before a space.
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*(?=\s)")
_PARAGRAPH_END = re.compile(r"\n\s*\n")


def bound_text(
    text: str, *, max_chars: int = MAX_ARTICLE_CHARS, max_sentences: int = MAX_SENTENCES
) -> tuple[str, str | None]:
    """``text`` cut to the caps, and the note saying so (None when nothing was cut).

    The cut falls on the last paragraph end, else sentence end, else space before the cap,
    so the kept text is whole sentences whenever it can be.
    """
    end = len(text)
    why = ""
    if len(text) > max_chars:
        end, why = _last_boundary(text, max_chars), f"{max_chars:,} characters"
    for sentence_ends, match in enumerate(_SENTENCE_END.finditer(text, 0, end), start=1):
        if sentence_ends == max_sentences:
            if match.end() < end:
                end, why = match.end(), f"{max_sentences:,} sentences"
            break
    if end >= len(text):
        return text, None
    kept = text[:end].rstrip()
    return kept, (
        f"text truncated to its first {len(kept):,} of {len(text):,} characters "
        f"(limit: {why})"
    )


def bound_statements(statements: tuple[str, ...]) -> tuple[tuple[str, ...], str | None]:
    """At most ``MAX_STATEMENTS`` statements of at most ``MAX_STATEMENT_CHARS`` each, and the
    note saying what was dropped (None when nothing was)."""
    fitting = tuple(s for s in statements if len(s) <= MAX_STATEMENT_CHARS)
    too_long = len(statements) - len(fitting)
    kept = fitting[:MAX_STATEMENTS]
    if len(kept) == len(statements):
        return statements, None
    parts = []
    if too_long:
        parts.append(f"{too_long:,} longer than {MAX_STATEMENT_CHARS:,} characters")
    if len(fitting) > MAX_STATEMENTS:
        parts.append(f"{len(fitting) - MAX_STATEMENTS:,} past the first {MAX_STATEMENTS}")
    return kept, f"{len(statements) - len(kept):,} statements not checked ({'; '.join(parts)})"


def _last_boundary(text: str, limit: int) -> int:
    """The end of the last paragraph, else sentence, else word, that fits in ``limit``."""
    window = text[:limit]
    floor = limit // 2  # a boundary this far back would throw away too much: cut at a word
    for pattern in (_PARAGRAPH_END, _SENTENCE_END):
        last = None
        for last in pattern.finditer(window):
            pass
        if last is not None and last.end() >= floor:
            return last.end() if pattern is _SENTENCE_END else last.start()
    space = window.rfind(" ")
    return space if space >= floor else limit


__all__ = [
    "DEFAULT_MAX_BYTES",
    "FEED_DEADLINE_SECONDS",
    "FEED_PER_HOST",
    "FEED_WORKERS",
    "MAX_ARTICLE_CHARS",
    "MAX_FEED_BYTES",
    "MAX_SENTENCES",
    "MAX_STATEMENTS",
    "MAX_STATEMENT_CHARS",
    "bound_statements",
    "bound_text",
]
