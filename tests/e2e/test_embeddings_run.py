"""`storyline run --embeddings` end to end on the sample corpus's two look-alike
earthquakes; skipped unless the optional 'embed' extra is installed."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from storyline import api
from storyline.embed.encoder import embeddings_available
from storyline.embed.pipeline import cache_path

pytestmark = pytest.mark.skipif(
    not embeddings_available(), reason="the optional 'embed' extra is not installed"
)

CORPUS = Path(__file__).resolve().parents[2] / "examples" / "corpus"


def _stories(out: Path) -> list[list[str]]:
    index = json.loads((out / "index.json").read_text(encoding="utf-8"))
    groups = []
    for s in index["stories"]:
        d = json.loads((out / s["file"]).read_text(encoding="utf-8"))
        groups.append(sorted(a["origin"].rsplit("/", 1)[-1] for a in d["articles"]))
    return sorted(groups)


def test_embeddings_keep_lookalike_quakes_apart(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    for f in CORPUS.glob("quake-*"):
        shutil.copy(f, src / f.name)
    plain = tmp_path / "plain"
    embedded = tmp_path / "embedded"
    api.run([str(src)], out=plain)
    api.run([str(src)], out=embedded, embeddings=True)
    assert cache_path(embedded / "storyline.db").is_file()  # vectors cached beside the store
    groups = _stories(embedded)
    assert groups == _stories(plain)
    assert len(groups) == 2 and all(len({n.split("-")[1] for n in g}) == 1 for g in groups)
