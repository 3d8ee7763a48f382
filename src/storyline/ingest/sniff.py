"""Tell an input's format from its content, not its name.

A file called ``.txt`` may hold HTML and a ``.json`` may be gzip; what the bytes say
wins.  Gzip is unwrapped first (``.html.gz``, ``.warc.gz``, ``.jsonl.gz``) and the
inner bytes sniffed again.
"""

from __future__ import annotations

import gzip
import json
import re
import zlib
from typing import Literal

from storyline.ingest.errors import CorruptGzip, TooLarge

Format = Literal["warc", "jsonl", "html", "text"]

GZIP_MAGIC = b"\x1f\x8b"
# HTML markers that only markup starts with; looked for near the start only, so a
# plain-text article that *mentions* "<p>" deep inside stays text.
_HTML_START = re.compile(
    rb"<(?:!doctype\s+html|html|head|body|meta|title|p|div|article|section|h[1-6]|br|table)\b",
    re.IGNORECASE,
)
_HTML_PROBE = 1024
# A BOM, then whitespace or an XML declaration / comment may come before the markup.
_LEADING_NOISE = re.compile(rb"^(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*", re.S)


def is_gzip(data: bytes) -> bool:
    return data[:2] == GZIP_MAGIC


def gunzip(data: bytes, max_bytes: int) -> bytes:
    """Decompress gzip (also multi-member, as WARC.gz is); never beyond ``max_bytes``.

    The limit guards against a small file that inflates into gigabytes.
    """
    out = bytearray()
    rest = data
    try:
        while rest:
            d = zlib.decompressobj(16 + zlib.MAX_WBITS)
            out += d.decompress(rest, max_bytes + 1 - len(out))
            if len(out) > max_bytes:
                raise TooLarge(len(out), max_bytes)
            if not d.eof:
                raise CorruptGzip()
            rest = d.unused_data
            # Padding after the last member is common in archives; it is not an error.
            if not rest.strip(b"\x00"):
                break
            if not is_gzip(rest):
                raise CorruptGzip()
    except (zlib.error, EOFError, gzip.BadGzipFile):
        raise CorruptGzip() from None
    return bytes(out)


_JSONL_PROBE = 65536


def _first_lines(data: bytes, n: int = 5) -> list[bytes]:
    lines = [line.strip() for line in data[:_JSONL_PROBE].splitlines()]
    return [line for line in lines if line][:n]


def _looks_jsonl(data: bytes) -> bool:
    """Opens with "{" and one of the first lines is a JSON object.

    Not only the first line: a file whose first record is broken is still a
    JSONL file, and its bad line must be reported as such, not read as prose.
    """
    lines = _first_lines(data)
    if not lines or not lines[0].startswith(b"{"):
        return False
    # A record longer than the probe cannot be parsed from it: "{" must do.
    cut_short = b"\n" not in data[:_JSONL_PROBE].lstrip()
    return cut_short or any(map(_is_json_object_line, lines))


def _is_json_object_line(line: bytes) -> bool:
    if not line.startswith(b"{"):
        return False
    try:
        return isinstance(json.loads(line), dict)
    except (ValueError, UnicodeDecodeError):
        return False


def sniff_format(data: bytes) -> Format:
    """The format of (already un-gzipped) ``data``."""
    body = data.removeprefix(b"\xef\xbb\xbf")
    if body.startswith(b"WARC/1."):
        return "warc"
    if _looks_jsonl(body):
        return "jsonl"
    head = body[: _HTML_PROBE * 4]
    start = _LEADING_NOISE.match(head)
    offset = start.end() if start else 0
    if _HTML_START.search(head[offset : offset + _HTML_PROBE]):
        return "html"
    return "text"
