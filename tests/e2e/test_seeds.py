"""End to end on the two real reports in ../shared/seeds (skipped when absent)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from storyline.api import run
from tests.conftest import SEEDS, check_dossier, need_shared

SEED_TITLES = {
    "Russia Shows N Korea’s Kim Advanced Weaponry including Hypersonic Missiles, Bombers",
    "North Korean Leader Kim Jong Un Inspects Russian Military Assets",
}


@pytest.fixture(scope="module")
def seeds_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    need_shared()
    out = tmp_path_factory.mktemp("seeds")
    summary = run([str(SEEDS)], out=out)
    assert summary.skipped == []
    return out


def _dossier(out: Path) -> dict[str, Any]:
    index = json.loads((out / "index.json").read_text(encoding="utf-8"))
    assert len(index["stories"]) == 1, "both seed articles belong to one story"
    return json.loads((out / index["stories"][0]["file"]).read_text(encoding="utf-8"))


def test_both_seed_articles_form_one_valid_story(seeds_out: Path) -> None:
    d = _dossier(seeds_out)
    check_dossier(d)
    assert {a["title"] for a in d["articles"]} == SEED_TITLES
    assert (seeds_out / f"{d['story']['id']}.md").read_text(encoding="utf-8").startswith("# ")


def test_seed_dates_dated_and_undated(seeds_out: Path) -> None:
    d = _dossier(seeds_out)
    published = {a["title"]: a["published"] for a in d["articles"]}
    assert (
        published[
            "Russia Shows N Korea’s Kim Advanced Weaponry including Hypersonic Missiles, Bombers"
        ]
        == "2023-09-16"
    )
    assert published["North Korean Leader Kim Jong Un Inspects Russian Military Assets"] is None


@pytest.mark.parametrize(
    "leftover",
    ["icon-facebook", "icon-twitter", "Leave a Reply", "Your email address", "Required fields"],
)
def test_seed_text_has_no_boilerplate(seeds_out: Path, leftover: str) -> None:
    for a in _dossier(seeds_out)["articles"]:
        assert leftover not in a["text"]
        assert leftover not in (a["title"] or "")


def _entity_with(d: dict[str, Any], surface: str) -> list[dict[str, Any]]:
    return [e for e in d["entities"] if any(m["text"] == surface for m in e["mentions"])]


@pytest.mark.parametrize(("short", "full"), [("Kim", "Kim Jong Un"), ("Shoigu", "Sergei Shoigu")])
def test_short_and_full_names_are_one_person(seeds_out: Path, short: str, full: str) -> None:
    d = _dossier(seeds_out)
    holders = _entity_with(d, short)
    assert len(holders) == 1, f"{short!r} belongs to {[e['name'] for e in holders]}"
    (person,) = holders
    assert person["type"] == "PERSON"
    assert person["name"] == full
    assert _entity_with(d, full) == [person]
    articles = {m["article"] for m in person["mentions"]}
    assert len(articles) == 2, "the person is mentioned in both articles"


def test_title_words_are_not_organisations(seeds_out: Path) -> None:
    d = _dossier(seeds_out)
    orgs = {e["name"] for e in d["entities"] if e["type"] == "ORG"}
    assert "Defence" not in orgs
    shoigu = _entity_with(d, "Sergei Shoigu")[0]
    assert any("Defence Minister" in r for r in shoigu.get("roles", []))


def test_bomber_designations_are_equipment(seeds_out: Path) -> None:
    d = _dossier(seeds_out)
    equipment = {e["name"] for e in d["entities"] if e["type"] == "EQUIPMENT"}
    assert {"Tu-160", "Tu-95", "Tu-22M3"} <= equipment


def test_kinzhal_figures_compare_across_units_and_sources(seeds_out: Path) -> None:
    d = _dossier(seeds_out)
    names = {e["id"]: e["name"] for e in d["entities"]}
    by_attr = {
        c["attribute"]: c for c in d["claims"] if names.get(c["subject"] or "") == "Kinzhal"
    }
    rng = by_attr["range"]
    assert rng["status"] == "corroborated" and rng["independent_sources"] == 2
    assert rng["normalized"] == {"low": 1_500_000, "high": 2_000_000, "unit": "m"}
    assert [a["text"] for a in rng["figures"][0]["alternates"]] == ["930-1,240 miles"]
    payload = by_attr["payload"]
    assert payload["status"] == "single-source"
    assert payload["figures"][0]["text"] == "480 kg"
    assert [a["text"] for a in payload["figures"][0]["alternates"]] == ["1,100 pounds"]
    assert d["conflicts"] == [], "480 kg ≈ 1,100 lb and the range agree: no conflict"
    distances = [c for c in d["claims"] if c["attribute"] == "distance_from"]
    assert {names[c["subject"]] for c in distances} >= {"Artyom"}
    assert all(c["status"] == "single-source" for c in distances)
    assert {names[c["anchor"]] for c in distances if c["anchor"]} == {"Vladivostok"}
    assert d["inconsistencies"] == [], "every bracketed conversion rounds to its figure"
    speed = by_attr["speed"]
    assert speed["status"] == "corroborated" and speed["normalized"]["low"] is None
