"""Bytes to text: binary detection, decoding with honest notes, and sniffing the document kind.

Inputs come from disks, uploads and the web, so anything can arrive: images saved as ``.txt``,
Windows-1252 exports, UTF-8 with a few corrupted bytes. Each case gets a typed outcome instead
of an exception: binary data is refused (``Skipped("binary")``), legacy encodings are detected,
and invalid UTF-8 is repaired with U+FFFD *and a note saying how many bytes were replaced*, so
an analyst can see that the text was damaged on the way in.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass
from typing import Literal

from ..records import Skipped

Kind = Literal["html", "json", "jsonl", "feed", "opml", "text"]

# Magic numbers of formats that are never news text.
_MAGIC: tuple[tuple[int, bytes, str], ...] = (
    (0, b"\x89PNG\r\n\x1a\n", "PNG image"),
    (0, b"\xff\xd8\xff", "JPEG image"),
    (0, b"GIF87a", "GIF image"),
    (0, b"GIF89a", "GIF image"),
    (0, b"%PDF-", "PDF document"),
    (0, b"PK\x03\x04", "ZIP archive (or DOCX/XLSX/EPUB)"),
    (0, b"PK\x05\x06", "empty ZIP archive"),
    (0, b"\x1f\x8b", "gzip archive"),
    (0, b"BZh", "bzip2 archive"),
    (0, b"\xfd7zXZ\x00", "xz archive"),
    (0, b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (0, b"Rar!\x1a\x07", "RAR archive"),
    (0, b"\x7fELF", "ELF executable"),
    (0, b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "OLE document (DOC/XLS)"),
    (0, b"SQLite format 3\x00", "SQLite database"),
    (0, b"PAR1", "Parquet file"),
    (0, b"ID3", "MP3 audio"),
    (0, b"OggS", "Ogg media"),
    (0, b"\x00\x00\x01\x00", "ICO image"),
    (4, b"ftyp", "MP4/MOV media"),
    (8, b"WEBP", "WebP image"),
    (8, b"WAVE", "WAV audio"),
)
_TEXT_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# A well-formed UTF-8 multi-byte sequence.
_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)
# Tell-tale signs of bytes decoded with the wrong table (UTF-8 read as cp1252, a UTF-16 BOM).
_MOJIBAKE = re.compile("[ÃÂ][\u0080-\u00bf‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]|â€|ï»¿|ÿþ|þÿ")
# Few damaged bytes beside valid sequences: UTF-8 with corruption, not another encoding.
_MAX_DAMAGE_BYTES = 8
# Above this share of U+FFFD and control characters, bytes are not text in any encoding tried
# (random data, a binary format without a known magic number): rejected, not stored as news.
MAX_JUNK_SHARE = 0.05
_JUNK_SAMPLE = 100_000
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")
# Statistical detection needs material: below this many non-ASCII bytes it guesses wildly.
_MIN_DETECTION_BYTES = 16
# Non-ASCII characters that Western-European text in cp1252 plausibly contains besides letters.
_TYPOGRAPHIC = frozenset("’‘“”„–—…€£¥°«»§©®™•·\u00a0¡¿×")


@dataclass(frozen=True, slots=True)
class Decoded:
    """Text decoded from bytes, with notes on any guess or repair made."""

    text: str
    encoding: str
    notes: tuple[str, ...] = ()


def binary_kind(data: bytes) -> str | None:
    """Name the binary format of ``data`` (magic number or NUL bytes), or None for text."""
    for offset, magic, name in _MAGIC:
        if data[offset : offset + len(magic)] == magic:
            return name
    if any(data.startswith(bom) for bom, _ in _TEXT_BOMS):
        return None  # UTF-16/32 text legitimately contains NUL bytes
    if b"\x00" in data[:65536] and _bomless_utf16(data) is None:
        return "data with NUL bytes"
    return None


def _bomless_utf16(data: bytes) -> Decoded | None:
    """UTF-16 written without a byte-order mark: Latin text then has a NUL in every other
    byte (odd positions for little-endian, even for big-endian) and almost nowhere else."""
    head = data[:4096]
    if len(head) < 16 or len(head) % 2:
        return None
    even, odd = head[0::2], head[1::2]
    for zeros, other, encoding in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if zeros.count(0) >= 0.9 * len(zeros) and other.count(0) == 0:
            text, bad = _decode_replacing(data, encoding)
            notes = (f"decoded as {encoding} (no byte-order mark)",)
            if bad:
                notes += (f"invalid {encoding} replaced ({bad} bytes)",)
            return Decoded(text, encoding, notes)
    return None


def decode(data: bytes, *, origin: str | None = None) -> Decoded | Skipped:
    """Decode ``data`` to text, or say why it is not text.

    Order: a BOM decides; otherwise strict UTF-8; otherwise, when valid UTF-8 sequences
    outnumber the bad bytes (or the damage is small), it is UTF-8 with damage (repaired with
    U+FFFD and noted); otherwise a legacy encoding: cp1252 when the result reads as Western
    text, else what charset_normalizer detects, if that reads as text (noted either way);
    failing all, UTF-8 with replacement. UTF-16 without a BOM is recognised by its NUL
    bytes. Whatever the reading, bytes whose text is more than ``MAX_JUNK_SHARE`` U+FFFD and
    control characters (random data, an unknown binary format) are ``Skipped("binary")``.
    """
    kind = binary_kind(data)
    if kind is not None:
        return Skipped("binary", f"not text: {kind}", origin)
    decoded = _decode_text(data)
    junk = _junk_share(decoded.text)
    if junk > MAX_JUNK_SHARE:
        return Skipped(
            "binary",
            f"not text: {junk:.0%} of the characters are undecodable or control characters "
            f"(best reading: {decoded.encoding})",
            origin,
        )
    return decoded


def _junk_share(text: str) -> float:
    """Share of U+FFFD and control characters among the non-space characters of ``text``."""
    sample = text[:_JUNK_SAMPLE]
    visible = sum(1 for ch in sample if not ch.isspace())
    if visible == 0:
        return 0.0
    junk = sum(1 for ch in sample if ch == "\ufffd" or _CONTROL.match(ch))
    return junk / visible


def _decode_text(data: bytes) -> Decoded:
    """The best reading of ``data`` as text (see ``decode``)."""
    for bom, encoding in _TEXT_BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data.decode(encoding), encoding)
            except UnicodeDecodeError:
                text, bad = _decode_replacing(data, encoding)
                return Decoded(text, encoding, (f"invalid {encoding} replaced ({bad} bytes)",))
    utf16 = _bomless_utf16(data)
    if utf16 is not None:
        return utf16
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    if not _damaged_utf8(data):
        legacy = _western_legacy(data) or _detect_legacy(data)
        if legacy is not None:
            return legacy
    text, bad = _decode_replacing(data, "utf-8")
    return Decoded(text, "utf-8", (f"invalid UTF-8 replaced ({bad} bytes)",))


def _decode_replacing(data: bytes, encoding: str) -> tuple[str, int]:
    """Decode with U+FFFD for bad bytes; return the text and how many bytes were bad."""
    try:
        escaped = data.decode(encoding, errors="surrogateescape")
    except UnicodeDecodeError:
        # surrogateescape can only stand in for bytes >= 0x80; a truncated UTF-16 code unit
        # ("\xff\xfeA\x00B") is another kind of damage: count the replacements instead.
        text = data.decode(encoding, errors="replace")
        bad = text.count("\ufffd") - data.decode(encoding, errors="ignore").count("\ufffd")
        return text, max(bad, 1)
    bad = sum(1 for ch in escaped if "\udc80" <= ch <= "\udcff")
    text = re.sub("[\udc80-\udcff]+", lambda m: "\ufffd" * len(m.group()), escaped)
    return text, bad


def _damaged_utf8(data: bytes) -> bool:
    """True when ``data`` is UTF-8 with a few bad bytes rather than a legacy encoding.

    Legacy text (cp1251 Cyrillic, Latin-1 accents) forms a valid UTF-8 pair now and then by
    chance, but its bad bytes then far outnumber them; a corrupted UTF-8 file is the reverse.
    """
    valid = sum(len(m) for m in _UTF8_MULTIBYTE.findall(data))
    if valid == 0:
        return False
    bad = _decode_replacing(data, "utf-8")[1]
    return bad <= max(_MAX_DAMAGE_BYTES, valid)


def _reads_as_text(text: str) -> bool:
    """Non-ASCII characters are letters, combining marks (Arabic vowels) or typography (any
    script's punctuation, such as the Arabic comma), with no mojibake and no "villÃges"."""
    if _MOJIBAKE.search(text):
        return False
    for i, ch in enumerate(text):
        if ord(ch) <= 127:
            continue
        if not (ch.isalpha() or ch in _TYPOGRAPHIC or unicodedata.category(ch)[0] in "PM"):
            return False
        if ch.isupper() and i > 0 and text[i - 1].islower():
            return False  # an accented capital inside a lower-case word
    return True


def _western_legacy(data: bytes) -> Decoded | None:
    """cp1252 (a superset of Latin-1's printable range), if the result reads as Western text.

    Statistical detectors are unreliable on mostly-ASCII text with a few accented letters
    (they pick Baltic or Central-European code pages), and cp1252 is by far the most common
    legacy encoding of English news. It is accepted only when every non-ASCII character is a
    letter or typographic punctuation and accented letters are a minority, which rules out
    Cyrillic or Greek text decoded with the wrong table.
    """
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    if not _reads_as_text(text):
        return None
    non_ascii = [ch for ch in text if ord(ch) > 127]
    letters = sum(ch.isalpha() for ch in text)
    if letters == 0 or sum(ch.isalpha() for ch in non_ascii) > 0.3 * letters:
        return None
    return Decoded(text, "cp1252", ("decoded as cp1252 (not valid UTF-8)",))


def _detect_legacy(data: bytes) -> Decoded | None:
    from charset_normalizer import from_bytes

    if sum(1 for byte in data if byte > 127) < _MIN_DETECTION_BYTES:
        return None  # a handful of odd bytes gives a detector nothing to go on
    best = from_bytes(data).best()
    if best is None or best.encoding in {"utf_8", "utf-8"}:
        return None
    try:
        text = data.decode(best.encoding)
    except (UnicodeDecodeError, LookupError):
        return None
    if not _reads_as_text(text):
        return None
    return Decoded(text, best.encoding, (f"decoded as {best.encoding} (detected)",))


def sniff_kind(text: str) -> Kind:
    """Guess what a decoded document is from its first characters."""
    head = text[:2048].lstrip("\ufeff \t\r\n").lower()
    # JSON starts with an object ({"...) or a list of objects/strings; "[Updated] Talks ..." is text.
    if re.match(r'\{\s*["}]|\[\s*[{\["\]]', head):
        first_lines = [line for line in text.strip().splitlines()[:3] if line.strip()]
        if (
            len(first_lines) >= 2
            and all(line.strip().startswith("{") for line in first_lines)
            and not first_lines[0].strip().endswith((",", "{"))
        ):
            return "jsonl"
        return "json"
    if head.startswith("<"):
        if "<opml" in head:
            return "opml"
        if re.search(r"<rss\b|<feed\b|<rdf:rdf\b", head):
            return "feed"
        return "html"
    if re.search(r"<(?:html|body|article|p|div)\b", head):
        return "html"
    return "text"


__all__ = ["Decoded", "Kind", "binary_kind", "decode", "sniff_kind"]
