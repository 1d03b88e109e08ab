"""Statements that HTML pages put in related-link lists, taken before the extractor drops them.

Pages append their machine-written statements as link lists after the article:
``<aside class="related"><h3>Related</h3><ul><li><a>...</a></li>...``, "See also" or "More on
this story" sections. trafilatura keeps the article's main text and drops such lists (they are
navigation to it), so the statements would be lost before they are checked. Here the page is
parsed with lxml first: a list introduced by a statement heading (the ``statement_headers`` of
``data/boilerplate.json``: "Related", "See also", "More on this story", ...) or held in a
container whose class or id names related content gives one statement per item; the blocks
are then removed from the page handed to the extractor, so nothing is counted twice and none
of it leaks into the body. Lists under other headings ("Most read", "Trending") and tag or
topic links are not statements.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .boilerplate import is_boilerplate_line
from .statements import is_statement_header

_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6", "header", "strong", "b", "p", "span", "div")
_CONTAINERS = ("aside", "section", "div", "nav", "footer")
_RELATED_NAME = re.compile(r"(?:^|[-_ ])(?:related|see-?also|read-?also|more-?on|also-?read)(?:$|[-_ ])", re.IGNORECASE)
_NOT_STATEMENTS = re.compile(r"most-?read|popular|trending|newsletter|tags?\b|topics?\b|comments?|share|nav|menu", re.IGNORECASE)
_MIN_WORDS = 3
_MAX_HEADING_WORDS = 8


def _text(el: object) -> str:
    return " ".join("".join(el.itertext()).split())  # type: ignore[attr-defined]


def _names(el: object) -> str:
    get = el.get  # type: ignore[attr-defined]
    return f"{get('class') or ''} {get('id') or ''}"


def _heading_of(container: object) -> str | None:
    """The text of the container's own heading (its first heading-like child), if short."""
    for child in container:  # type: ignore[attr-defined]
        if not isinstance(child.tag, str):
            continue
        if child.tag in ("ul", "ol"):
            return None
        if child.tag in _HEADINGS:
            text = _text(child)
            if text and len(text.split()) <= _MAX_HEADING_WORDS:
                return text
            return None
    return None


def _items(lst: object) -> list[str]:
    out = []
    for li in lst.iter("li"):  # type: ignore[attr-defined]
        text = _text(li)
        if len(text.split()) >= _MIN_WORDS and not is_boilerplate_line(text):
            out.append(text)
    return out


def _blocks(root: object) -> Iterable[tuple[object, bool]]:
    """(element holding a statement list, whether a statement heading introduced it)."""
    for el in root.iter(*_CONTAINERS):  # type: ignore[attr-defined]
        names = _names(el)
        if _NOT_STATEMENTS.search(names) and not _RELATED_NAME.search(names):
            continue
        heading = _heading_of(el)
        if heading is not None:
            if is_statement_header(heading):
                yield el, True
            continue
        if _RELATED_NAME.search(names):
            yield el, False
    # A statement heading followed directly by a list, with no container of its own.
    for lst in root.iter("ul", "ol"):  # type: ignore[attr-defined]
        prev = lst.getprevious()
        if prev is not None and isinstance(prev.tag, str) and prev.tag in _HEADINGS:
            text = _text(prev)
            if text and len(text.split()) <= _MAX_HEADING_WORDS and is_statement_header(text):
                yield lst, True


def related_statements(html: str) -> tuple[str, tuple[str, ...]]:
    """``(html without its statement lists, the statements in page order)``.

    Returns the page unchanged and no statements when it cannot be parsed or has no such list.
    A list found only by its container's name (no heading) must hold sentences (final
    punctuation) to count: link lists of headlines are navigation, not claims.
    """
    import lxml.etree
    import lxml.html

    try:
        root = lxml.html.document_fromstring(html)
    except (lxml.etree.ParserError, ValueError):
        return html, ()
    found: list[tuple[object, list[str]]] = []
    taken: set[int] = set()
    for el, headed in _blocks(root):
        if any(id(a) in taken for a in el.iterancestors()) or id(el) in taken:  # type: ignore[attr-defined]
            continue
        items = _items(el)
        if not headed:
            items = [t for t in items if t[-1:] in ".!?\"'”"]
        if items:
            taken.add(id(el))
            found.append((el, items))
    if not found:
        return html, ()
    statements: list[str] = []
    for el, items in found:
        statements.extend(t for t in items if t not in statements)
        parent = el.getparent()  # type: ignore[attr-defined]
        if parent is not None:
            if el.getprevious() is not None and el.tag in ("ul", "ol"):  # type: ignore[attr-defined]
                heading = el.getprevious()  # type: ignore[attr-defined]
                heading.getparent().remove(heading)
            parent.remove(el)
    return lxml.html.tostring(root, encoding="unicode"), tuple(statements)


__all__ = ["related_statements"]
