"""WARC and WARC.gz archives: every HTML response is one article.

warcio reads the records; it decompresses per-record gzip itself, so a ``.warc.gz``
is handed over still compressed, which is also what lets us keep the records read
before a truncation.  warcio is lenient with damage (a cut-off record may simply end
early or vanish), so we check that the records we read account for the whole file
and report the rest as one ``Skipped``.
"""

from __future__ import annotations

import io
import zlib
from collections.abc import Iterator
from typing import Any

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from storyline.ingest.errors import IngestError, TooLarge
from storyline.ingest.html import article_from_page, extract_html
from storyline.model import Article, Skipped

HTML_TYPES = ("text/html", "application/xhtml+xml")
ARTICLE_RECORDS = ("response", "resource")
# What warcio raises on damaged input: its own error for bad headers, zlib/EOF for a
# broken gzip member, and AttributeError/ValueError when a header block is cut short
# (it then works on a missing or malformed status line).
_DAMAGE: tuple[type[BaseException], ...] = (
    ArchiveLoadFailed,
    zlib.error,
    EOFError,
    ValueError,
    AttributeError,
)


def _content_type(record: Any) -> str:
    headers = record.http_headers if record.rec_type == "response" else record.rec_headers
    value = headers.get_header("Content-Type") if headers is not None else None
    return (value or "").split(";", 1)[0].strip().lower()


def _read_payload(record: Any, limit: int) -> bytes:
    # warcio's stream may return short reads (even empty ones before EOF) when asked
    # for a size, so read in blocks until it is exhausted or over the limit.
    stream = record.content_stream()
    chunks: list[bytes] = []
    total = 0
    while total < limit:
        chunk = stream.read(min(65536, limit - total))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
    return b"".join(chunks)


def _article(payload: bytes, record: Any, where: str, max_bytes: int) -> Article:
    if len(payload) > max_bytes:
        raise TooLarge(len(payload), max_bytes)
    uri = record.rec_headers.get_header("WARC-Target-URI")
    return article_from_page(extract_html(payload, url=uri), format="warc", origin=where, url=uri)


def read_warc(data: bytes, path: str, *, max_bytes: int) -> Iterator[Article | Skipped]:
    """Articles from the HTML records of one WARC (plain or gzip), in file order.

    ``origin`` of each article is ``PATH#OFFSET``, the record's byte offset in the file.
    """
    records = ArchiveIterator(io.BytesIO(data))
    end = 0  # where the last complete record ended
    found = 0
    try:
        for record in records:
            wanted = record.rec_type in ARTICLE_RECORDS and _content_type(record) in HTML_TYPES
            payload = _read_payload(record, max_bytes + 1) if wanted else b""
            # Only after the payload: asking for the offset makes warcio skip the record.
            records.read_to_end(record)
            if record.raw_stream.limit:
                break  # the block is shorter than its Content-Length: cut off here
            offset = records.get_record_offset()
            end = offset + records.get_record_length()
            if not wanted:
                continue
            found += 1
            where = f"{path}#{offset}"
            try:
                yield _article(payload, record, where, max_bytes)
            except IngestError as exc:
                yield Skipped(where, exc.reason)
    except _DAMAGE:
        pass  # reported below: everything from ``end`` on is lost
    if data[end:].strip(b"\r\n\x00 "):
        yield Skipped(f"{path}#{end}", "truncated or corrupt warc: records from here on are lost")
    elif not found:
        yield Skipped(path, "no html records in warc")
