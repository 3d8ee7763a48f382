"""read_inputs end to end: folders, stdin, bad inputs, determinism."""

from __future__ import annotations

import gzip
import io
import os
import shutil
import unicodedata
from pathlib import Path

import pytest

from storyline.ingest import read_inputs
from storyline.model import Article, Skipped, article_id
from tests.conftest import FIXTURES

STORY = (
    "Harbour Reopens\n\n16 September 2023\n\n"
    "The harbour reopened on Saturday after eleven weeks of repairs to the landing stage, "
    "and the first ferry left the north quay shortly after seven in the morning.\n"
)


def _one(items: list[Article | Skipped]) -> Article | Skipped:
    assert len(items) == 1, items
    return items[0]


def _read(path: Path, **kw: int) -> Article | Skipped:
    return _one(list(read_inputs([str(path)], **kw)))


def test_plain_text_file(tmp_path: Path) -> None:
    (tmp_path / "story.txt").write_text(STORY, encoding="utf-8")
    a = _read(tmp_path / "story.txt")
    assert isinstance(a, Article)
    assert (a.title, a.published, a.format, a.language) == (
        "Harbour Reopens",
        "2023-09-16",
        "text",
        "en",
    )
    assert a.id == article_id(a.text)
    assert a.origin == str(tmp_path / "story.txt")


@pytest.mark.parametrize("name", ["story.html.gz", "story.txt.gz", "story.dat"])
def test_gzip_is_unwrapped_whatever_the_name(tmp_path: Path, name: str) -> None:
    (tmp_path / name).write_bytes(gzip.compress(STORY.encode()))
    a = _read(tmp_path / name)
    assert isinstance(a, Article) and a.title == "Harbour Reopens"


def test_misleading_extensions(tmp_path: Path) -> None:
    shutil.copy(FIXTURES / "ingest" / "disguised-page.txt", tmp_path / "page.txt")
    (tmp_path / "story.html").write_text(STORY, encoding="utf-8")
    items = list(read_inputs([str(tmp_path)]))
    assert [i.format for i in items if isinstance(i, Article)] == ["html", "text"]  # page, story
    by_origin = {i.origin: i for i in items if isinstance(i, Article)}
    assert "<p>" not in by_origin[str(tmp_path / "page.txt")].text


def test_fixture_folder_in_sorted_order() -> None:
    items = list(read_inputs([str(FIXTURES / "ingest")]))
    origins = [i.origin if isinstance(i, Article) else i.where for i in items]
    assert [Path(o.split(":")[0]).name for o in origins] == [
        "articles.jsonl",
        "articles.jsonl",
        "articles.jsonl",
        "articles.jsonl",
        "articles.jsonl",
        "disguised-page.txt",
        "harbour-report.html",
        "plain-article.md",
    ]
    plain = items[-1]
    assert isinstance(plain, Article)
    assert plain.title == "Rail Workers Agree New Pay Deal"
    assert plain.published == "2023-09-15"
    for furniture in ("Share on Facebook", "Related articles", "Leave a Reply", "commuters"):
        assert furniture not in plain.text


def test_hidden_files_and_folders_are_skipped(tmp_path: Path) -> None:
    (tmp_path / ".hidden.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "visible.txt").write_text(STORY, encoding="utf-8")
    a = _one(list(read_inputs([str(tmp_path)])))
    assert isinstance(a, Article) and a.origin.endswith("visible.txt")


def test_stdin() -> None:
    a = _one(list(read_inputs(["-"], stdin=io.BytesIO(STORY.encode()))))
    assert isinstance(a, Article)
    assert a.origin == "<stdin>"
    assert a.title == "Harbour Reopens"


def test_stdin_gzip_and_empty() -> None:
    a = _one(list(read_inputs(["-"], stdin=io.BytesIO(gzip.compress(STORY.encode())))))
    assert isinstance(a, Article)
    assert _one(list(read_inputs(["-"], stdin=io.BytesIO(b"")))) == Skipped("<stdin>", "empty file")


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty file"),
        (b"  \n\n \t\n", "empty file"),
        (b"\x00\x01\x02binary\x00\xff" * 20, "binary or undecodable content"),
        (gzip.compress(STORY.encode() * 20)[:60], "truncated or corrupt gzip"),
        (
            b"Title only\n\n16 September 2023\n\nShare on Facebook\nLeave a Reply\nhello\n",
            "no article text found",
        ),
    ],
)
def test_bad_inputs_become_skipped(tmp_path: Path, content: bytes, reason: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    assert _read(path) == Skipped(str(path), reason)


def test_too_large(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text(STORY, encoding="utf-8")
    size = path.stat().st_size
    assert _read(path, max_bytes=100) == Skipped(
        str(path), f"file too large ({size} bytes > limit 100)"
    )


def test_gzip_bomb_is_too_large(tmp_path: Path) -> None:
    path = tmp_path / "bomb.txt.gz"
    path.write_bytes(gzip.compress(b"a" * 5000))
    item = _read(path, max_bytes=1000)
    assert isinstance(item, Skipped) and item.reason.startswith("file too large")


def test_missing_path() -> None:
    item = _one(list(read_inputs(["/no/such/file.txt"])))
    assert item == Skipped("/no/such/file.txt", "cannot read: no such file or directory")


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every file")
def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "locked.txt"
    path.write_text(STORY, encoding="utf-8")
    path.chmod(0)
    assert _read(path) == Skipped(str(path), "cannot read: permission denied")


def test_non_english_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "ru.txt"
    path.write_text(
        "Заголовок\n\nМинистр обороны заявил, что учения продолжатся до конца недели.\n",
        encoding="utf-8",
    )
    assert _read(path) == Skipped(
        str(path), "language not supported: detected ru (Storyline handles English)"
    )


def test_nfc_and_stable_ids(tmp_path: Path) -> None:
    decomposed = STORY.replace("harbour", "cafe\u0301 harbour")
    composed = unicodedata.normalize("NFC", decomposed)
    (tmp_path / "a.txt").write_text(decomposed, encoding="utf-8")
    (tmp_path / "b.txt").write_text(composed.replace("\n", "\r\n") + "\n\n\n", encoding="utf-8")
    a, b = list(read_inputs([str(tmp_path)]))
    assert isinstance(a, Article) and isinstance(b, Article)
    assert unicodedata.is_normalized("NFC", a.text)
    assert a.text == b.text and a.id == b.id
    again = _read(tmp_path / "a.txt")
    assert isinstance(again, Article) and again.id == a.id


def test_bad_input_never_raises(tmp_path: Path) -> None:
    samples = [b"\x1f\x8b", b"WARC/1.0\r\n", b"<html>", b"\xff\xfe\x00", b"{}\n"]
    for i, data in enumerate(samples):
        (tmp_path / f"s{i}").write_bytes(data)
    items = list(read_inputs([str(tmp_path)]))
    assert len(items) == len(samples)
    assert all(isinstance(i, Skipped) and "\n" not in i.reason for i in items)
