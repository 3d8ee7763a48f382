"""``read_inputs``: paths (files, folders, "-") to articles, one ``Skipped`` per failure.

This is the boundary where our ingest exceptions become ``Skipped`` records: bad
input never raises out of here, so a batch always finishes and lists what it left.
"""

from __future__ import annotations

import os
import stat
import sys
import zlib
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import BinaryIO

from storyline.ingest.build import build_article
from storyline.ingest.decode import decode_bytes, looks_binary, utf8_from_bom
from storyline.ingest.errors import (
    CorruptGzip,
    EmptyInput,
    IngestError,
    TooLarge,
    Undecodable,
)
from storyline.ingest.html import article_from_page, extract_html
from storyline.ingest.jsonl import read_jsonl
from storyline.ingest.sniff import gunzip, is_gzip, sniff_format
from storyline.ingest.text import parse_plain_text
from storyline.ingest.warc import read_warc
from storyline.model import Article, Skipped

STDIN = "-"
STDIN_ORIGIN = "<stdin>"
DEFAULT_MAX_BYTES = 20_000_000
# Enough decompressed bytes to tell a WARC from anything else.
_SNIFF_BYTES = 4096


def read_inputs(
    paths: Sequence[str],
    *,
    stdin: BinaryIO | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[Article | Skipped]:
    """Every article in ``paths``, in a deterministic order, and what was skipped.

    A path is a file, a folder (read recursively in sorted order, hidden entries
    left out) or "-" for the bytes of ``stdin`` (default: the process's stdin).
    """
    for path in paths:
        if path == STDIN:
            stream = stdin if stdin is not None else sys.stdin.buffer
            yield from _read_stdin(stream, max_bytes)
            continue
        p = Path(path)
        if p.is_dir():
            for file in _walk(p):
                yield from _read_file(file, max_bytes)
        else:
            yield from _read_file(p, max_bytes)


def _walk(folder: Path, seen: set[tuple[int, int]] | None = None) -> Iterator[Path]:
    """Files under ``folder``, sorted by name at each level; hidden ones skipped.

    Symbolic links to folders are followed once: ``seen`` holds the folders
    already walked, so a link back up the tree cannot loop.
    """
    seen = set() if seen is None else seen
    try:
        st = folder.stat()
        if (st.st_dev, st.st_ino) in seen:
            return
        seen.add((st.st_dev, st.st_ino))
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError:
        # Reported by _read_file, which gets the same error with a proper reason.
        yield folder
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = Path(entry.path)
        if entry.is_dir(follow_symlinks=True):
            yield from _walk(path, seen)
        else:
            yield path


def _cannot_read(exc: OSError) -> str:
    reason = (exc.strerror or type(exc).__name__).lower()
    return f"cannot read: {reason}"


def _read_file(path: Path, max_bytes: int) -> Iterator[Article | Skipped]:
    where = str(path)
    try:
        st = path.stat()
        size = st.st_size
        if not (stat.S_ISREG(st.st_mode) or stat.S_ISDIR(st.st_mode)):
            # A FIFO or device would block the batch or never end.
            yield Skipped(where, "not a regular file")
            return
        if size > max_bytes:
            yield Skipped(where, TooLarge(size, max_bytes).reason)
            return
        if path.is_dir():
            # Only an unreadable folder gets here (see _walk): let scandir say why.
            os.scandir(path).close()
            return
        data = path.read_bytes()
    except OSError as exc:
        yield Skipped(where, _cannot_read(exc))
        return
    yield from read_bytes(data, where, max_bytes=max_bytes)


def _read_stdin(stream: BinaryIO, max_bytes: int) -> Iterator[Article | Skipped]:
    try:
        data = stream.read(max_bytes + 1)
    except OSError as exc:
        yield Skipped(STDIN_ORIGIN, _cannot_read(exc))
        return
    if len(data) > max_bytes:
        yield Skipped(STDIN_ORIGIN, f"file too large (more than {max_bytes} bytes)")
        return
    yield from read_bytes(data, STDIN_ORIGIN, max_bytes=max_bytes)


def _gzip_head(data: bytes) -> bytes:
    """The first decompressed bytes of a gzip stream, even when it is truncated later."""
    try:
        return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(data, _SNIFF_BYTES)
    except zlib.error:
        raise CorruptGzip() from None


def _warc_bytes(data: bytes, max_bytes: int) -> bytes:
    """What to hand warcio for a gzip-compressed WARC.

    A ``.warc.gz`` normally compresses each record as its own gzip member; warcio
    reads those itself, reports record offsets in the file and survives a cut-off
    tail, so the data goes over as it is.  A single member around the whole archive
    is decompressed here instead, as far as it goes (offsets then count in the
    decompressed archive; read_warc reports a cut-off end).
    """
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    out = bytearray()
    step = 1 << 16
    for start in range(0, len(data), step):
        try:
            out += inflater.decompress(data[start : start + step], max_bytes + 1 - len(out))
        except zlib.error:
            break  # keep what came out before the damage
        if len(out) > max_bytes:
            raise TooLarge(len(out), max_bytes)
        if inflater.eof:
            if inflater.unused_data.strip(b"\x00") or start + step < len(data):
                return data  # more members follow: per-record gzip
            break
    return bytes(out)


def read_bytes(
    data: bytes, where: str, *, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[Article | Skipped]:
    """Articles from the content of one input; ``where`` names it in origins and skips."""
    try:
        if not data.strip():
            raise EmptyInput()
        if is_gzip(data):
            if sniff_format(_gzip_head(data)) == "warc":
                yield from read_warc(_warc_bytes(data, max_bytes), where, max_bytes=max_bytes)
                return
            data = gunzip(data, max_bytes)
            if not data.strip():
                raise EmptyInput()
        data = utf8_from_bom(data)
        kind = sniff_format(data)
        if kind == "warc":
            yield from read_warc(data, where, max_bytes=max_bytes)
        elif kind == "jsonl":
            yield from read_jsonl(decode_bytes(data), where)
        elif kind == "html":
            yield _html_article(data, where)
        else:
            yield _text_article(data, where)
    except IngestError as exc:
        yield Skipped(where, exc.reason)


def _html_article(data: bytes, where: str) -> Article:
    if looks_binary(data):
        raise Undecodable()
    return article_from_page(extract_html(data), format="html", origin=where)


def _text_article(data: bytes, where: str) -> Article:
    parsed = parse_plain_text(decode_bytes(data))
    return build_article(
        parsed.body,
        format="text",
        origin=where,
        title=parsed.title,
        published=parsed.published,
        published_basis=parsed.published_basis,
    )
