"""Bytes to the cleaned text every offset in the system points into.

``decode_bytes`` picks the encoding (strict UTF-8 first, because almost all news
is UTF-8 and a strict decode never guesses; then Windows-1252 for mostly-ASCII
text; then charset-normalizer's best guess) and refuses binary data.
``normalize_text`` is the one canonical form: NFC, ``\\n`` newlines, no trailing
spaces, at most one blank line in a row.
"""

from __future__ import annotations

import re
import unicodedata

from charset_normalizer import from_bytes

from storyline.ingest.errors import Undecodable

# How much of the start we inspect for binary signs: enough to be representative,
# small enough to stay cheap on large files.
_PROBE = 8192
# Share of control characters (other than tab/newline/CR/form feed) above which the
# content is binary rather than text with a few stray bytes.
_MAX_CONTROL_RATIO = 0.05
# charset-normalizer reports how chaotic its best decoding still looks (0..1); above
# this the "text" is mojibake, not an article.
_MAX_CHAOS = 0.3

# Western European prose has at most a few accented letters per hundred; 30% is a
# generous ceiling that Cyrillic or Greek read as cp1252 (nearly all non-ASCII) exceed.
_MAX_WESTERN_NON_ASCII = 0.3

_ALLOWED_CONTROLS = {"\t", "\n", "\r", "\f"}
_TRAILING_SPACE = re.compile(r"[ \t\u00a0]+$", re.MULTILINE)
_MANY_BLANK_LINES = re.compile(r"\n{3,}")


# Byte-order marks of the wide Unicode encodings (longest first: UTF-32 LE
# begins with the UTF-16 LE mark).
_WIDE_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)


def utf8_from_bom(data: bytes) -> bytes:
    """UTF-16/32 text with a byte-order mark, re-encoded as UTF-8; other data unchanged.

    Wide encodings are full of NUL bytes, so without this they would be taken
    for binary, and sniffing (which looks at bytes) could not see their markup.
    """
    for bom, codec in _WIDE_BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec).encode("utf-8")
            except UnicodeDecodeError:
                raise Undecodable() from None
    return data


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control bytes near the start mean this is not text."""
    head = data[:_PROBE]
    if b"\x00" in head:
        return True
    if not head:
        return False
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return controls / len(head) > _MAX_CONTROL_RATIO


def _control_ratio(text: str) -> float:
    head = text[:_PROBE]
    if not head:
        return 0.0
    bad = sum(1 for ch in head if unicodedata.category(ch) == "Cc" and ch not in _ALLOWED_CONTROLS)
    return bad / len(head)


def decode_bytes(data: bytes) -> str:
    """Decode ``data`` or raise :class:`Undecodable`; a UTF-8 BOM is dropped."""
    if looks_binary(data):
        raise Undecodable()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = _western(data) or _guess(data)
    if _control_ratio(text) > _MAX_CONTROL_RATIO:
        raise Undecodable()
    return text


def _western(data: bytes) -> str | None:
    """Windows-1252, when the text reads as mostly-ASCII Western European prose.

    Legacy-encoded English news is almost always Windows-1252, and statistical
    detectors often take short samples of it for a Central European code page.
    Other scripts in single-byte code pages (Cyrillic in cp1251, say) decode as
    cp1252 too, but then most letters come out non-ASCII, which Western text never
    does; those go to the detector.
    """
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    letters = [ch for ch in text[: 4 * _PROBE] if ch.isalpha()]
    if not letters:
        return None
    non_ascii = sum(1 for ch in letters if not ch.isascii())
    return text if non_ascii / len(letters) <= _MAX_WESTERN_NON_ASCII else None


def _guess(data: bytes) -> str:
    best = from_bytes(data[: 4 * _PROBE * 8]).best()
    if best is None or best.chaos > _MAX_CHAOS:
        raise Undecodable()
    try:
        return data.decode(best.encoding)
    except (UnicodeDecodeError, LookupError):
        raise Undecodable() from None


def normalize_text(text: str) -> str:
    """Canonical form of an article's text (see module doc); also trims the ends."""
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    # Unicode line/paragraph separators behave as newlines for readers; make them real.
    text = text.replace("\u2028", "\n").replace("\u2029", "\n\n")
    text = _TRAILING_SPACE.sub("", text)
    text = _MANY_BLANK_LINES.sub("\n\n", text)
    return text.strip("\n").strip()
