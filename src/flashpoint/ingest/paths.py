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

from ..records import Article, Skipped, internal_error
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
    result is the file's canonical path (``canonical``), plus ``:line`` for JSONL and ``#n`` for entries of JSON lists and
    feeds. Never raises for a bad input; the reason is in the ``Skipped``.
    """
    root = canonical(path)
    try:
        info = root.stat()
    except FileNotFoundError:
        yield Skipped("missing", f"no such file or directory: {display_path(root)}", display_path(root))
        return
    except (OSError, ValueError) as e:  # ValueError: a NUL byte in the path
        yield Skipped("unreadable", f"cannot stat: {getattr(e, 'strerror', None) or e}", display_path(root))
        return
    if stat.S_ISDIR(info.st_mode):
        yield from _read_directory(root, max_bytes=max_bytes, published=published)
    else:
        yield from _read_file(root, max_bytes=max_bytes, published=published)


def _read_directory(
    root: Path, *, max_bytes: int, published: dt.date | str | None
) -> Iterator[Article | Skipped]:
    found = False
    for entry in walk(root):
        if isinstance(entry, Skipped):
            yield entry
            continue
        found = True
        yield from _read_file(entry, max_bytes=max_bytes, published=published)
    if not found:
        yield Skipped("empty", "directory holds no readable files", display_path(root))


def iter_files(root: Path) -> Iterator[Path]:
    """The files ``read_path(root)`` reads, in its order (see ``walk``; its skips left out)."""
    for entry in walk(root):
        if isinstance(entry, Path):
            yield entry


def walk(root: Path) -> Iterator[Path | Skipped]:
    """Every file under ``root``: recursive, sorted by name, hidden files/folders and
    documentation files (README, LICENSE, ...) left out; a folder that cannot be listed is a
    ``Skipped("unreadable")`` instead of vanishing.

    Symbolic links are followed only to places inside ``root`` (a link out of it is a skip
    naming its target), and each folder is read once: a link back up (``sub/up -> ..``) is a
    skip ("symlink loop"), not a second copy of the tree.
    """
    try:
        top = root.resolve()
    except (OSError, RuntimeError) as e:
        yield Skipped("unreadable", f"cannot resolve the folder: {e}", display_path(root))
        return
    yield from _walk(root, top, set())


def _walk(folder: Path, top: Path, seen: set[tuple[int, int]]) -> Iterator[Path | Skipped]:
    origin = display_path(folder)
    try:
        info = folder.stat()
        children = sorted(folder.iterdir(), key=lambda p: p.name)
    except OSError as e:
        yield Skipped("unreadable", f"cannot list folder: {e.strerror or e}", origin)
        return
    if (info.st_dev, info.st_ino) in seen:
        yield Skipped("unreadable", "symlink loop: this folder is already being read", origin)
        return
    seen.add((info.st_dev, info.st_ino))
    for child in children:
        if child.name.startswith("."):
            continue
        if child.is_symlink():
            try:
                target = child.resolve(strict=True)
            except (OSError, RuntimeError) as e:  # RuntimeError: a loop of links (3.11)
                yield Skipped("unreadable", f"broken symbolic link: {e}", display_path(child))
                continue
            if not target.is_relative_to(top):
                yield Skipped(
                    "unreadable",
                    f"symbolic link leads outside {display_path(top)} (to {display_path(target)}); "
                    "name the target to read it",
                    display_path(child),
                )
                continue
        try:
            is_dir = child.is_dir()
        except OSError as e:
            yield Skipped("unreadable", f"cannot stat: {e.strerror or e}", display_path(child))
            continue
        if is_dir:
            yield from _walk(child, top, seen)
        elif child.stem.lower() not in _DOC_STEMS:
            yield child


def canonical(path: str | os.PathLike[str]) -> Path:
    """One spelling per file: absolute, with ``.``/``..`` and symbolic links resolved, so that
    ``news/a.txt``, ``./news/a.txt`` and ``/data/news/a.txt`` give one origin (one sighting, one
    skip) whatever the working directory of the run. A path that cannot be resolved (a link
    loop) stays as given, only made absolute, and fails at ``stat`` with its reason."""
    try:
        return Path(path).resolve()
    except (OSError, RuntimeError, ValueError):
        return Path(os.path.abspath(path))


def display_path(path: Path) -> str:
    """``path`` as a string every encoder accepts: bytes of a non-UTF-8 file name, which
    Python keeps as lone surrogates, are written as ``\\xNN`` escapes (distinct names stay
    distinct, and the origin still says which file it was)."""
    raw = os.fsencode(path)
    return raw.decode("utf-8", "backslashreplace")


def _read_file(
    file: Path, *, max_bytes: int, published: dt.date | str | None
) -> Iterator[Article | Skipped]:
    """The documents of one file; a bug met while reading it becomes its ``internal_error``
    skip (documents already yielded from it are kept) and the next file is read."""
    origin = display_path(file)
    try:
        yield from _read_file_unguarded(file, origin, max_bytes=max_bytes, published=published)
    except Exception as e:  # noqa: BLE001 - one file must never stop a folder
        yield internal_error("read", e, origin)


def _read_file_unguarded(
    file: Path, origin: str, *, max_bytes: int, published: dt.date | str | None
) -> Iterator[Article | Skipped]:
    try:
        info = file.stat()
    except FileNotFoundError:
        yield Skipped("missing", f"no such file: {origin}", origin)
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


__all__ = ["EXTENSION_KINDS", "canonical", "display_path", "iter_files", "read_path", "walk"]
