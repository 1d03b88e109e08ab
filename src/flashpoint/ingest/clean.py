"""The scraped-text cleaner: from a copied or extracted news page to title, body and statements.

A scraped page is the article plus the furniture around it: skip links, menus, share buttons,
captions printed twice (alt text, then caption), a kicker that repeats the headline, a byline
and dateline, a copyright footer, and often an appended "Read also" list of machine-written
sentences. Every later stage indexes into ``Article.text``, so the body must be the article's
own paragraphs and nothing else; the appended sentences are split off as statements to be
*checked* against the body, never coded as if the outlet had reported them.

``clean_page`` is the one entry; it runs, in this order, general rules (no page-specific
patterns) that each live in the module named for what it decides:

1. ``lines``: lines are grouped into blocks separated by blank lines (a text with no blank lines
   at all is treated as one paragraph per line, which is how extractors such as trafilatura
   emit text).
2. ``statements``: the first line that introduces an appended block ("Read also", "Related",
   "See also", ...) after the body has started splits the page: everything after it becomes
   statements, one per list item, with "1." / "-" / "•" markers removed and wrapped lines
   joined.
3. Body lines are dropped when they are a byline or dateline, whose date becomes the
   publication date (``datelines``); boilerplate, an image caption or credit, or navigation
   (menus, breadcrumbs) (``boilerplate``, table in ``data/boilerplate.json``); a repeat of the
   headline, also kickers such as "Country - Headline" (``titles``); or a near-duplicate of
   another line, captions printed twice (``duplicate_lines``).
4. **Subheadings are dropped** (``titles``): a short standalone line without terminal
   punctuation inside the body is a section heading, not a sentence.
5. The remaining lines form paragraphs (wrapped lines joined with one space) and are joined
   with ``"\\n\\n"``; leading list markers and doubled spaces are removed (``lines``). A wire
   dateline at the start of the lead is cut off, its date used when the page shows none
   (``datelines``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .boilerplate import drop_boilerplate, drop_menus
from .datelines import drop_datelines, strip_lead_dateline
from .duplicate_lines import drop_near_duplicates
from .lines import normalise_space, paragraphs, split_lines
from .statements import split_statements, statements
from .titles import drop_headings, drop_headline_repeats, find_title


@dataclass(frozen=True, slots=True)
class CleanedPage:
    """What the cleaner found on one page."""

    title: str | None
    text: str
    statements: tuple[str, ...]
    published: dt.date | None


def clean_page(text: str, *, title: str | None = None) -> CleanedPage:
    """Split a scraped page into title, cleaned body text, appended statements and dateline date.

    ``title``, when the caller knows it (feed entry, HTML metadata), is used as the headline
    and its repeats are removed from the body; otherwise the first headline-like line is the
    title.
    """
    lines = split_lines(text)
    body, statement_lines = split_statements(lines)
    published = drop_datelines(body)
    drop_boilerplate(body)
    given_title = normalise_space(title) if title else None
    found_title = given_title or find_title(body)
    if found_title:
        drop_headline_repeats(body, found_title)
    drop_near_duplicates(body)
    drop_menus(body)
    drop_headings(body)
    kept = paragraphs([line for line in body if line.keep])
    if kept:
        lead, lead_date = strip_lead_dateline(kept[0])
        kept[0] = lead
        if published is None:
            published = lead_date
    return CleanedPage(
        title=found_title,
        text="\n\n".join(kept),
        statements=tuple(statements(statement_lines)),
        published=published,
    )


__all__ = ["CleanedPage", "clean_page"]
