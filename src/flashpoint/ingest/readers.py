"""Readers for one document already in memory: scraped text, HTML, a JSON record.

All three end in the same place, ``_finish``: the scraped-text cleaner's output becomes an
``Article`` (id = content hash of the cleaned text, language checked) or a ``Skipped`` with a
stable reason. Caller-supplied metadata (title, date, URL, source) wins over what the page
shows, because it comes from a structured field rather than from guessing at lines.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from ..records import Article, Skipped, content_id, without_surrogates
from .clean import CleanedPage, clean_page
from .dates import parse_published
from .language import detect_language, is_confidently_foreign
from .limits import bound_statements, bound_text
from .related import related_statements

# An HTML page whose extracted body is shorter than this is navigation, not an article.
MIN_HTML_WORDS = 15


def read_text(
    text: str,
    *,
    title: str | None = None,
    published: dt.date | str | None = None,
    url: str | None = None,
    source: str | None = None,
    origin: str | None = None,
    notes: tuple[str, ...] = (),
) -> Article | Skipped:
    """Clean scraped plain text (a copied or extracted page) into an ``Article``.

    ``published`` overrides a dateline found in the text; ``title`` overrides the headline the
    cleaner would pick. ``notes`` carries repairs made before this point (decoding).
    """
    if not isinstance(text, str):
        return Skipped("invalid_json", f"text must be a string, got {type(text).__name__}", origin)
    if not text.strip():
        return Skipped("empty", "no text", origin)
    text, notes = _repair_surrogates(text, notes)
    page = clean_page(text, title=title and without_surrogates(title))
    return _finish(
        page,
        published=published,
        url=url,
        source=source,
        origin=origin,
        notes=notes,
        empty_reason="empty",
    )


def read_html(
    html: str,
    *,
    url: str | None = None,
    published: dt.date | str | None = None,
    source: str | None = None,
    origin: str | None = None,
    notes: tuple[str, ...] = (),
) -> Article | Skipped:
    """Extract the article from an HTML page (trafilatura), then clean it like scraped text.

    trafilatura removes the page chrome but keeps what sits inside the article container:
    "Read also" lists, bylines, captions. The scraped-text cleaner handles those. Title, date
    and site name come from the page metadata when present.
    """
    if not html.strip():
        return Skipped("empty", "no HTML", origin)
    html, notes = _repair_surrogates(html, notes)
    import trafilatura

    html, listed = related_statements(html)
    try:
        document = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            include_images=False,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception as e:  # noqa: BLE001 (trafilatura/lxml raise many types on bad markup)
        return Skipped("no_article", f"HTML could not be parsed: {type(e).__name__}: {e}", origin)
    if document is None or not (document.text or "").strip():
        return Skipped("no_article", "no article body found in the HTML", origin)
    page = clean_page(document.text, title=document.title or None)
    if listed:
        page = dataclasses.replace(page, statements=page.statements + tuple(s for s in listed if s not in page.statements))
    if len(page.text.split()) < MIN_HTML_WORDS:
        return Skipped(
            "no_article",
            f"the HTML holds {len(page.text.split())} words of body text after cleaning",
            origin,
        )
    return _finish(
        page,
        published=published or document.date,
        url=url or document.url,
        source=source or document.sitename,
        origin=origin,
        notes=notes,
        empty_reason="no_article",
    )


def read_json_record(obj: Any, *, origin: str | None = None) -> Article | Skipped:
    """Read one record ``{"title", "text" | "html", "published", "url", "source"}``.

    ``"date"`` and ``"link"`` are accepted as aliases of ``"published"`` and ``"url"``; an
    optional ``"statements"`` list is appended to the statements split from the text.
    """
    if not isinstance(obj, dict):
        return Skipped(
            "invalid_json", f"a record must be an object, got {type(obj).__name__}", origin
        )
    published = obj.get("published", obj.get("date"))
    url = _str_or_none(obj.get("url", obj.get("link")))
    source = _str_or_none(obj.get("source"))
    title = _str_or_none(obj.get("title"))
    text, html = obj.get("text"), obj.get("html")
    if isinstance(text, str) and text.strip():
        result = read_text(
            text, title=title, published=_date_arg(published), url=url, source=source, origin=origin
        )
    elif isinstance(html, str) and html.strip():
        result = read_html(
            html, url=url, published=_date_arg(published), source=source, origin=origin
        )
        if isinstance(result, Article) and title:
            result = _replace(result, title=title)
    else:
        return Skipped("invalid_json", "record has no non-empty 'text' or 'html' string", origin)
    extra = obj.get("statements")
    if isinstance(result, Article) and isinstance(extra, list):
        added = tuple(
            without_surrogates(s.strip()) for s in extra if isinstance(s, str) and s.strip()
        )
        statements, dropped = bound_statements(result.statements + added)
        notes = result.notes + ((dropped,) if dropped else ())
        result = _replace(result, statements=statements, notes=notes)
    return result


def _finish(
    page: CleanedPage,
    *,
    published: Any,
    url: str | None,
    source: str | None,
    origin: str | None,
    notes: tuple[str, ...],
    empty_reason: str,
) -> Article | Skipped:
    if not page.text.strip():
        return Skipped(empty_reason, "nothing left after removing boilerplate", origin)  # type: ignore[arg-type]
    language = detect_language(page.text)
    if is_confidently_foreign(language, page.text):
        assert language is not None
        return Skipped(
            "not_english", f"detected {language.code} (p={language.probability:.2f})", origin
        )
    notes = tuple(notes)
    text, cut = bound_text(page.text)
    statements, dropped = bound_statements(page.statements)
    notes += tuple(note for note in (cut, dropped) if note)
    day = parse_published(published)
    if published not in (None, "") and day is None:
        notes += (f"unparsed published value {str(published)[:40]!r}",)
    return Article(
        id=content_id(text),
        text=text,
        title=page.title,
        published=day or page.published,
        url=url and without_surrogates(url),
        source=source and without_surrogates(source),
        language=language.code if language and language.probability >= 0.5 else "en",
        statements=statements,
        origin=origin,
        notes=notes,
    )


def _replace(article: Article, **changes: Any) -> Article:
    import dataclasses

    return dataclasses.replace(article, **changes)


def _str_or_none(value: Any) -> str | None:
    return without_surrogates(value.strip()) or None if isinstance(value, str) else None


def _repair_surrogates(text: str, notes: tuple[str, ...]) -> tuple[str, tuple[str, ...]]:
    """Lone surrogates (JSON ``"\\ud800"``) replaced by U+FFFD, with a note saying how many."""
    repaired = without_surrogates(text)
    if repaired == text:
        return text, notes
    count = sum(a != b for a, b in zip(text, repaired, strict=True))
    return repaired, (*notes, f"lone surrogates replaced ({count} characters)")


def _date_arg(value: Any) -> dt.date | str | None:
    if isinstance(value, dt.date | str):
        return value
    return None if value is None else str(value)


__all__ = ["MIN_HTML_WORDS", "read_html", "read_json_record", "read_text"]
