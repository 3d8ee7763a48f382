"""WARC archives built in the test with warcio, whole and damaged."""

from __future__ import annotations

import gzip
import io

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from storyline.ingest import read_inputs
from storyline.ingest.warc import read_warc
from storyline.model import Article, Skipped

PARAGRAPH = (
    "Engineers finished rebuilding the landing stage at the north quay on {day}, and the "
    "harbour authority said ferries would run on the normal timetable from the next morning."
)


def _page(i: int) -> bytes:
    day = ["Monday", "Tuesday", "Wednesday"][i]
    body = "".join(f"<p>{PARAGRAPH.format(day=day)} Part {n}.</p>" for n in range(3))
    return (
        f"<html><head><title>Quay Report {i}</title></head>"
        f"<body><article>{body}</article></body></html>"
    ).encode()


def make_warc(*, gz: bool, pages: int = 3) -> bytes:
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gz)
    writer.write_record(writer.create_warcinfo_record("test.warc", {"software": "test"}))
    for i in range(pages):
        headers = StatusAndHeaders(
            "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
        )
        writer.write_record(
            writer.create_warc_record(
                f"https://news.example.org/quay/{i}",
                "response",
                payload=io.BytesIO(_page(i)),
                http_headers=headers,
            )
        )
    image = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
    writer.write_record(
        writer.create_warc_record(
            "https://news.example.org/logo.png",
            "response",
            payload=io.BytesIO(b"\x89PNG"),
            http_headers=image,
        )
    )
    return buf.getvalue()


@pytest.mark.parametrize("gz", [False, True])
def test_whole_warc(gz: bool) -> None:
    items = list(read_warc(make_warc(gz=gz), "a.warc", max_bytes=1_000_000))
    assert all(isinstance(i, Article) for i in items), items
    articles = [i for i in items if isinstance(i, Article)]
    assert [a.url for a in articles] == [f"https://news.example.org/quay/{i}" for i in range(3)]
    assert [a.title for a in articles] == [f"Quay Report {i}" for i in range(3)]
    assert all(a.format == "warc" and a.origin.startswith("a.warc#") for a in articles)
    offsets = [int(a.origin.split("#")[1]) for a in articles]
    assert offsets == sorted(offsets) and offsets[0] > 0  # the warcinfo record comes first


@pytest.mark.parametrize("gz", [False, True])
def test_truncated_warc_keeps_records_before_damage(gz: bool) -> None:
    data = make_warc(gz=gz)
    cut = data[: int(len(data) * 0.7)]
    items = list(read_warc(cut, "t.warc", max_bytes=1_000_000))
    articles = [i for i in items if isinstance(i, Article)]
    skipped = [i for i in items if isinstance(i, Skipped)]
    assert 1 <= len(articles) < 3
    assert len(skipped) == 1
    assert skipped[0].where.startswith("t.warc#")
    assert "truncated or corrupt warc" in skipped[0].reason
    assert isinstance(items[-1], Skipped)


def test_garbage_after_warc_header() -> None:
    items = list(read_warc(b"WARC/1.0\r\nthis is not a header block", "g.warc", max_bytes=1000))
    assert items == [Skipped("g.warc#0", items[0].reason)]
    assert "truncated or corrupt warc" in items[0].reason


def test_warc_without_html() -> None:
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=False)
    writer.write_record(writer.create_warcinfo_record("x.warc", {"software": "test"}))
    assert list(read_warc(buf.getvalue(), "x.warc", max_bytes=1000)) == [
        Skipped("x.warc", "no html records in warc")
    ]


def test_warc_files_through_read_inputs(tmp_path: object) -> None:
    from pathlib import Path

    folder = Path(str(tmp_path))
    (folder / "a.warc.gz").write_bytes(make_warc(gz=True))
    # A whole-file gzip around a plain WARC, under a misleading name.
    (folder / "b.bin").write_bytes(gzip.compress(make_warc(gz=False)))
    items = list(read_inputs([str(folder)]))
    assert sum(isinstance(i, Article) for i in items) == 6
    assert {i.origin.split("#")[0] for i in items} == {  # type: ignore[union-attr]
        str(folder / "a.warc.gz"),
        str(folder / "b.bin"),
    }
