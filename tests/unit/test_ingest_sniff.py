"""Format sniffing looks at content, unwraps gzip, and ignores misleading names."""

from __future__ import annotations

import gzip

import pytest

from storyline.ingest.errors import CorruptGzip, TooLarge
from storyline.ingest.sniff import gunzip, is_gzip, sniff_format


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"WARC/1.0\r\nWARC-Type: warcinfo\r\n", "warc"),
        (b"WARC/1.1\r\n", "warc"),
        (b'\n\n{"title": "A", "text": "B"}\n{"title": "C"}\n', "jsonl"),
        (b"<!DOCTYPE html><html><body><p>x</p></body></html>", "html"),
        (b"  <html lang='en'><head></head></html>", "html"),
        (b"\xef\xbb\xbf<?xml version='1.0'?>\n<html></html>", "html"),
        (b"<!-- saved page -->\n<body><p>Hello</p></body>", "html"),
        (b"<p>Just a paragraph.</p>", "html"),
        (b"Headline\n\nThe body of the story.\n", "text"),
        (b"[1, 2, 3]\n", "text"),  # JSON, but not an object per line
        (b'{"broken": \n', "text"),  # first line is not valid JSON
    ],
)
def test_sniff_format_by_content(data: bytes, expected: str) -> None:
    assert sniff_format(data) == expected


def test_markup_mentioned_deep_in_text_stays_text() -> None:
    data = b"Headline\n\n" + b"Plain words here. " * 200 + b"<p>quoted tag</p>"
    assert sniff_format(data) == "text"


def test_gunzip_roundtrip_and_magic() -> None:
    packed = gzip.compress(b"<html><body><p>x</p></body></html>")
    assert is_gzip(packed)
    assert not is_gzip(b"<html>")
    assert sniff_format(gunzip(packed, 10_000)) == "html"


def test_gunzip_multi_member() -> None:
    packed = gzip.compress(b"first ") + gzip.compress(b"second")
    assert gunzip(packed, 1000) == b"first second"


def test_gunzip_truncated_raises() -> None:
    packed = gzip.compress(b"some text " * 500)
    with pytest.raises(CorruptGzip):
        gunzip(packed[: len(packed) // 2], 1_000_000)


def test_gunzip_garbage_raises() -> None:
    with pytest.raises(CorruptGzip):
        gunzip(b"\x1f\x8b\x08\x00garbage-not-deflate", 1000)


def test_gunzip_bomb_is_stopped_at_limit() -> None:
    packed = gzip.compress(b"\0" * 1_000_000)
    with pytest.raises(TooLarge):
        gunzip(packed, 10_000)
