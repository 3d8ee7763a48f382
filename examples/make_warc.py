#!/usr/bin/env python3
"""Build examples/corpus/crawl-2026-03.warc.gz from the pages in examples/warc_pages/.

The output is deterministic: fixed WARC-Date and WARC-Record-ID values, fixed HTTP
headers, and every record compressed as its own gzip member with mtime 0, so the
same pages always give the same bytes. Standard library only.

    python examples/make_warc.py          # rewrite the .warc.gz
    python examples/make_warc.py --check  # exit 1 if the committed file is stale
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
PAGES = HERE / "warc_pages"
OUTPUT = HERE / "corpus" / "crawl-2026-03.warc.gz"

# (page file, URL it was "crawled" from, WARC-Date, record id, Last-Modified)
RECORDS = [
    (
        "meridian-chile-quake.html",
        "https://meridiannews.example/world/2026/03/11/chile-antofagasta-quake-schools",
        "2026-03-11T13:02:17Z",
        "urn:uuid:5b0c1f3e-8a52-4c11-9e0d-1c2a3b4c5d01",
        "Wed, 11 Mar 2026 12:30:00 GMT",
    ),
    (
        "adriatic-times-pipeline.html",
        "https://adriatictimes.example/business/2026/03/11/sava-interconnector-signed",
        "2026-03-11T19:15:40Z",
        "urn:uuid:5b0c1f3e-8a52-4c11-9e0d-1c2a3b4c5d02",
        "Wed, 11 Mar 2026 18:10:00 GMT",
    ),
    (
        "energy-desk-pipeline.html",
        "https://energydeskweekly.example/gas/sava-interconnector-explained",
        "2026-03-12T08:44:03Z",
        "urn:uuid:5b0c1f3e-8a52-4c11-9e0d-1c2a3b4c5d03",
        "Thu, 12 Mar 2026 07:00:00 GMT",
    ),
]
WARCINFO_ID = "urn:uuid:5b0c1f3e-8a52-4c11-9e0d-1c2a3b4c5d00"
WARCINFO_DATE = "2026-03-11T13:00:00Z"


def _digest(data: bytes) -> str:
    return "sha1:" + base64.b32encode(hashlib.sha1(data).digest()).decode("ascii")


def _record(headers: list[tuple[str, str]], block: bytes) -> bytes:
    head = "WARC/1.0\r\n" + "".join(f"{k}: {v}\r\n" for k, v in headers)
    head += f"Content-Length: {len(block)}\r\n\r\n"
    raw = head.encode("utf-8") + block + b"\r\n\r\n"
    return gzip.compress(raw, compresslevel=9, mtime=0)


def build() -> bytes:
    out = bytearray()
    info = (
        b"software: storyline examples/make_warc.py\r\n"
        b"format: WARC File Format 1.0\r\n"
        b"description: Storyline sample corpus, invented articles\r\n"
    )
    out += _record(
        [
            ("WARC-Type", "warcinfo"),
            ("WARC-Date", WARCINFO_DATE),
            ("WARC-Record-ID", f"<{WARCINFO_ID}>"),
            ("WARC-Filename", OUTPUT.name),
            ("Content-Type", "application/warc-fields"),
        ],
        info,
    )
    for page, url, date, rid, modified in RECORDS:
        body = (PAGES / page).read_bytes()
        http_head = (
            "HTTP/1.1 200 OK\r\n"
            "Content-Type: text/html; charset=utf-8\r\n"
            f"Content-Length: {len(body)}\r\n"
            f"Last-Modified: {modified}\r\n"
            "Server: nginx\r\n"
            "\r\n"
        ).encode("ascii")
        block = http_head + body
        out += _record(
            [
                ("WARC-Type", "response"),
                ("WARC-Target-URI", url),
                ("WARC-Date", date),
                ("WARC-Record-ID", f"<{rid}>"),
                ("WARC-Warcinfo-ID", f"<{WARCINFO_ID}>"),
                ("WARC-Payload-Digest", _digest(body)),
                ("WARC-Block-Digest", _digest(block)),
                ("Content-Type", "application/http; msgtype=response"),
            ],
            block,
        )
    return bytes(out)


def main(argv: list[str]) -> int:
    data = build()
    if "--check" in argv:
        if not OUTPUT.exists() or OUTPUT.read_bytes() != data:
            print(f"{OUTPUT} is stale: run python examples/make_warc.py", file=sys.stderr)
            return 1
        return 0
    OUTPUT.write_bytes(data)
    print(f"wrote {OUTPUT} ({len(data)} bytes, {len(RECORDS)} responses)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
