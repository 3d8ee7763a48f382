"""Decoding picks the right encoding, refuses binary, and normalises the text."""

from __future__ import annotations

import unicodedata

import pytest

from storyline.ingest.decode import decode_bytes, looks_binary, normalize_text
from storyline.ingest.errors import Undecodable


def test_utf8_and_bom() -> None:
    assert decode_bytes("Café in Zürich".encode()) == "Café in Zürich"
    assert decode_bytes(b"\xef\xbb\xbfHello") == "Hello"


@pytest.mark.parametrize(
    "text",
    [
        "The minister’s “plan” — costing €5 million — was approved on Monday. " * 3,
        "Le café où l'été dernier les élèves étaient réunis près de la fenêtre. " * 5,
    ],
)
def test_windows_1252_is_recognised(text: str) -> None:
    assert decode_bytes(text.encode("cp1252")) == text


def test_cyrillic_code_page_is_not_read_as_western() -> None:
    text = "Министр обороны заявил в понедельник, что учения продолжатся до конца недели. " * 4
    decoded = decode_bytes(text.encode("cp1251"))
    assert sum("а" <= ch <= "я" for ch in decoded.lower()) > len(decoded) // 2


@pytest.mark.parametrize(
    "data",
    [
        b"\x00\x01\x02\x03binary\x00",
        bytes(range(1, 9)) * 100,
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
    ],
)
def test_binary_is_refused(data: bytes) -> None:
    assert looks_binary(data)
    with pytest.raises(Undecodable):
        decode_bytes(data)


def test_normalize_nfc_newlines_spaces_blank_lines() -> None:
    decomposed = "Cafe\u0301 opens\r\nsecond line   \r\rthird\n\n\n\n\nfourth\t \n"
    out = normalize_text(decomposed)
    assert out == "Café opens\nsecond line\n\nthird\n\nfourth"
    assert unicodedata.is_normalized("NFC", out)


def test_normalize_is_idempotent() -> None:
    text = "  Title\n\n\n\nBody  \n"
    assert normalize_text(normalize_text(text)) == normalize_text(text)
