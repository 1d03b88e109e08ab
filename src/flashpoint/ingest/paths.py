"""Files and directories to articles.

A directory is walked recursively in sorted order (stable ids and output order across runs),
hidden files and folders are skipped, and every file gives at least one result: an article per
document or a typed ``Skipped`` (missing, unreadable, too large, binary, ...). Size is checked
with ``stat`` before reading, so a 50 GB file is refused without touching its bytes.
"""

from __future__ import annotations

import datetime as dt
import os
import stat
from collections.abc import Iterator
from pathlib import Path

from ..records import Article, Skipped
from .documents import DEFAULT_MAX_BYTES, read_bytes_many

# Extension -> kind handed to ``read_bytes_many``; other extensions are sniffed.
EXTENSION_KINDS: dict[str, str] = {
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".xml": "auto",
    ".rss": "feed",
    ".atom": "feed",
    ".opml": "opml",
}
# Documentation beside a corpus is not news: skipped when walking a directory (read when named).
_DOC_STEMS = frozenset({"readme", "license", "licence", "notice", "changelog", "authors"})


def read_path(
    path: str | os.PathLike[str],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    published: dt.date | str | None = None,
) -> Iterator[Article | Skipped]:
    """Yield an ``Article`` or ``Skipped`` for every document under ``path`` (file or directory).

    ``published`` is the date for documents that show none of their own. ``origin`` of each
    result is the file path, plus ``:line`` for JSONL and ``#n`` for entries of JSON lists and
    feeds. Never raises for a bad input; the reason is in the ``Skipped``.
    """
    root = Path(path)
    try:
        info = root.stat()
    except FileNotFoundError:
        yield Skipped("missing", f"no such file or directory: {root}", str(root))
        return
    except OSError as e:
        yield Skipped("unreadable", f"cannot stat: {e.strerror or e}", str(root))
        return
    if stat.S_ISDIR(info.st_mode):
        yield from _read_directory(root, max_bytes=max_bytes, published=published)
    else:
        yield from _read_file(root, max_bytes=max_bytes, published=published)


def _read_directory(
    root: Path, *, max_bytes: int, published: dt.date | str | None
) -> Iterator[Article | Skipped]:
    found = False
    for file in iter_files(root):
        found = True
        yield from _read_file(file, max_bytes=max_bytes, published=published)
    if not found:
        yield Skipped("empty", "directory holds no readable files", str(root))


def iter_files(root: Path) -> Iterator[Path]:
    """The files ``read_path(root)`` reads, in its order: recursive, sorted by name, hidden
    files/folders and documentation files (README, LICENSE, ...) left out."""
    try:
        children = sorted(root.iterdir(), key=lambda p: p.name)
    except OSError:
        return
    for child in children:
        if child.name.startswith("."):
            continue
        if child.is_dir():
            yield from iter_files(child)
        elif child.stem.lower() not in _DOC_STEMS:
            yield child


def _read_file(
    file: Path, *, max_bytes: int, published: dt.date | str | None
) -> Iterator[Article | Skipped]:
    origin = str(file)
    try:
        info = file.stat()
    except FileNotFoundError:
        yield Skipped("missing", f"no such file: {file}", origin)
        return
    except OSError as e:
        yield Skipped("unreadable", f"cannot stat: {e.strerror or e}", origin)
        return
    if not stat.S_ISREG(info.st_mode):
        yield Skipped("unreadable", "not a regular file", origin)
        return
    if info.st_size > max_bytes:
        yield Skipped("too_large", f"{info.st_size:,} bytes > max_bytes {max_bytes:,}", origin)
        return
    try:
        with file.open("rb") as handle:
            data = handle.read(max_bytes + 1)  # the file may have grown since stat
    except OSError as e:
        yield Skipped("unreadable", f"cannot read: {e.strerror or e}", origin)
        return
    kind = EXTENSION_KINDS.get(file.suffix.lower(), "auto")
    yield from read_bytes_many(
        data, origin=origin, kind=kind, published=published, max_bytes=max_bytes
    )


__all__ = ["EXTENSION_KINDS", "iter_files", "read_path"]
