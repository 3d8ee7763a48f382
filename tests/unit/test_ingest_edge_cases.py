"""Inputs that once hung, crashed or were misread: each is read or skipped with a reason."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from storyline.ingest import read_inputs
from storyline.ingest.build import MAX_ARTICLE_CHARS
from storyline.model import Article, Skipped

BODY = "The council of Braga met on Tuesday to discuss the new bridge over the Este river."


def _read(*paths: Path) -> tuple[list[Article], dict[str, str]]:
    items = list(read_inputs([str(p) for p in paths]))
    arts = [i for i in items if isinstance(i, Article)]
    skipped = {Path(s.where).name: s.reason for s in items if isinstance(s, Skipped)}
    return arts, skipped


def test_a_fifo_is_skipped_not_waited_on(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe")
    (tmp_path / "a.txt").write_text(f"Bridge talks\n\n{BODY}", encoding="utf-8")
    arts, skipped = _read(tmp_path)
    assert skipped == {"pipe": "not a regular file"}
    assert [a.title for a in arts] == ["Bridge talks"]


def test_a_symlink_loop_is_walked_once(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(f"Bridge talks\n\n{BODY}", encoding="utf-8")
    (tmp_path / "loop").symlink_to(tmp_path)
    arts, _ = _read(tmp_path)
    assert [a.title for a in arts] == ["Bridge talks"]


@pytest.mark.parametrize("codec", ["utf-16", "utf-32"])
def test_wide_unicode_with_a_bom_is_read(tmp_path: Path, codec: str) -> None:
    (tmp_path / "wide.txt").write_bytes(f"Ponte em Viseu\n\n2026-03-01\n\n{BODY}".encode(codec))
    (art,), skipped = _read(tmp_path / "wide.txt")
    assert skipped == {}
    assert (art.title, art.published, art.text) == ("Ponte em Viseu", "2026-03-01", BODY)


def test_an_over_long_article_is_skipped_by_line(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    huge = {"title": "dump", "text": "word " * (MAX_ARTICLE_CHARS // 4)}
    ok = {"title": "Bridge talks", "text": BODY}
    feed.write_text(json.dumps(huge) + "\n" + json.dumps(ok) + "\n", encoding="utf-8")
    arts, skipped = _read(feed)
    assert [a.title for a in arts] == ["Bridge talks"]
    assert skipped["feed.jsonl:1"].startswith("article text too long")


def test_a_jsonl_file_whose_first_line_is_broken_is_still_jsonl(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_text('{"title": "broken", "text": \n' + json.dumps({"text": BODY}) + "\n")
    arts, skipped = _read(feed)
    assert [a.text for a in arts] == [BODY]
    assert list(skipped) == ["feed.jsonl:1"]
