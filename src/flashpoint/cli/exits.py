"""Exit statuses a script can trust, decided in one place for every command that reads inputs.

| status | meaning |
|---|---|
| 0 | every input was read: an article, or an honest verdict on readable content (empty, no article, not English) |
| 1 | nothing done: no input gave an article |
| 2 | usage or environment error (bad option, unusable database): one line on stderr |
| 3 | partly done: some articles, but at least one input failed (`records.FAILED_REASONS`: missing, unreadable, binary, too large, invalid JSON, fetch failed, internal error) |

A benchmark whose gate fails (a figure below its pinned floor, `flashpoint bench events|pages`)
exits with ``BELOW_FLOOR`` (1): the run worked, its result is refused.
"""

from __future__ import annotations

from collections.abc import Mapping

from ..records import FAILED_REASONS

OK = 0
NOTHING_DONE = 1
USAGE = 2
PARTIAL = 3
BELOW_FLOOR = 1
INTERRUPTED = 130  # Ctrl-C (128 + SIGINT, as a shell reports it); what was committed is kept


def outcome_status(articles: int, skips_by_reason: Mapping[str, int]) -> int:
    """The exit status of a run that gave ``articles`` articles and these skips."""
    if articles == 0:
        return NOTHING_DONE if sum(skips_by_reason.values()) else OK
    failed = sum(n for reason, n in skips_by_reason.items() if reason in FAILED_REASONS)
    return PARTIAL if failed else OK


__all__ = ["BELOW_FLOOR", "INTERRUPTED", "NOTHING_DONE", "OK", "PARTIAL", "USAGE", "outcome_status"]
