"""Incremental runs on the sample corpus: two halves one after the other = one run."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from storyline.api import run
from storyline.store.sqlite import Store
from storyline.version import ANALYSIS_VERSION
from tests.conftest import CORPUS, check_dossier


def _dossiers(out: Path) -> list[dict[str, Any]]:
    index = json.loads((out / "index.json").read_text(encoding="utf-8"))
    return [json.loads((out / s["file"]).read_text(encoding="utf-8")) for s in index["stories"]]


def _stories(out: Path) -> dict[str, frozenset[str]]:
    """Story id -> the titles of its articles."""
    return {d["story"]["id"]: frozenset(a["title"] for a in d["articles"]) for d in _dossiers(out)}


@pytest.fixture(scope="module")
def halves(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    # Every other file, so that each half holds some articles of most stories.
    files = sorted(p for p in CORPUS.iterdir() if p.is_file() and p.suffix != ".md")
    root = tmp_path_factory.mktemp("halves")
    first, second = root / "first", root / "second"
    for k, f in enumerate(files):
        dest = first if k % 2 == 0 else second
        dest.mkdir(exist_ok=True)
        shutil.copy(f, dest / f.name)
    return first, second


def test_two_halves_give_the_stories_of_one_run(halves: tuple[Path, Path], tmp_path: Path) -> None:
    first, second = halves
    whole = run([str(CORPUS)], out=tmp_path / "whole")
    assert whole.skipped == []

    out = tmp_path / "inc"
    run([str(first)], out=out)
    after_first = _stories(out)
    with Store(out / "storyline.db") as store:
        features_after_first = len(store.grouping_feature_rows(ANALYSIS_VERSION))
    summary = run([str(second)], out=out)
    assert summary.articles_added > 0
    after_second = _stories(out)

    # The same article sets as one run over everything.
    assert sorted(after_second.values(), key=sorted) == sorted(
        _stories(tmp_path / "whole").values(), key=sorted
    )
    # A story of the first run keeps its id: as it was, or grown by new articles.
    for sid, titles in after_first.items():
        grown = [s for s, t in after_second.items() if titles <= t]
        assert grown == [sid], (sid, sorted(titles))
    # Features were computed once per article: the first half's were reused.
    assert features_after_first > 0
    for d in _dossiers(out):
        check_dossier(d)


def test_untouched_story_keeps_its_dossier(halves: tuple[Path, Path], tmp_path: Path) -> None:
    """A run whose articles touch one story leaves the other dossiers as stored."""
    first, _ = halves
    out = tmp_path / "inc"
    run([str(first)], out=out)
    before = {d["story"]["id"]: d for d in _dossiers(out)}
    # One more article about the Rostock ferry collision, nothing else.
    extra = tmp_path / "extra"
    extra.mkdir()
    (extra / "ferry-follow-up.txt").write_text(
        "Nordic Star cleared to sail again after Rostock collision\n\n"
        "The ferry Nordic Star left the port of Rostock on Sunday after investigators "
        "finished their survey of the bow damaged in the collision with the cargo ship "
        "Kestrel Bay. Baltica Lines said harbour master Jens Albrecht had approved the "
        "repairs, and police spokesman Lars Petersen said all 42 injured had left hospital.\n",
        encoding="utf-8",
    )
    run([str(extra)], out=out)
    after = {d["story"]["id"]: d for d in _dossiers(out)}
    changed = {sid for sid in after if after[sid] != before.get(sid)}
    assert len(changed) == 1, changed
    (sid,) = changed
    assert sid in before, "the follow-up should join the stored ferry story"
    assert len(after[sid]["articles"]) == len(before[sid]["articles"]) + 1
