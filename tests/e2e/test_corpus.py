"""End to end on the bundled sample corpus: grouping, dates, copies, claims, golden files."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from storyline.api import run
from tests.conftest import CORPUS, FIXTURES, check_dossier

EXPECTED = json.loads((FIXTURES / "corpus_expected.json").read_text(encoding="utf-8"))
GOLDEN = Path(__file__).resolve().parent.parent / "golden" / "corpus"


@pytest.fixture(scope="module")
def corpus_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("corpus")
    summary = run([str(CORPUS)], out=out)
    assert summary.skipped == [], summary.skipped
    return out


def _dossiers(out: Path) -> list[dict[str, Any]]:
    index = json.loads((out / "index.json").read_text(encoding="utf-8"))
    return [json.loads((out / s["file"]).read_text(encoding="utf-8")) for s in index["stories"]]


def _story_of(dossiers: list[dict[str, Any]]) -> dict[str, str]:
    return {a["title"]: d["story"]["id"] for d in dossiers for a in d["articles"]}


def test_every_dossier_is_valid_and_quotes_exactly(corpus_out: Path) -> None:
    dossiers = _dossiers(corpus_out)
    assert len(dossiers) >= 5
    for d in dossiers:
        check_dossier(d)


def test_stories_group_as_written(corpus_out: Path) -> None:
    story_of = _story_of(_dossiers(corpus_out))
    for story in EXPECTED["stories"]:
        ids = {story_of.get(t) for t in story["titles"]}
        assert None not in ids, (story["key"], [t for t in story["titles"] if t not in story_of])
        assert len(ids) == 1, f"{story['key']} is split: {ids}"
    keys = {s["key"]: story_of[s["titles"][0]] for s in EXPECTED["stories"]}
    assert len(set(keys.values())) == len(keys), "distinct stories merged"
    a, b = EXPECTED["lookalike"]
    assert keys[a] != keys[b]


def test_undated_articles_stay_null(corpus_out: Path) -> None:
    published = {a["title"]: a["published"] for d in _dossiers(corpus_out) for a in d["articles"]}
    for title in EXPECTED["undated_titles"]:
        assert published[title] is None
    assert sum(p is not None for p in published.values()) >= len(published) - 3


def test_copied_articles_share_an_origin(corpus_out: Path) -> None:
    group = {a["title"]: a["origin_group"] for d in _dossiers(corpus_out) for a in d["articles"]}
    for a, b in EXPECTED["copies"]:
        assert group[a] == group[b], (a, b)
    distinct = len(set(group.values()))
    assert distinct >= len(group) - 2 * len(EXPECTED["copies"])


def test_claims_show_agreement_and_conflict(corpus_out: Path) -> None:
    claims = [c for d in _dossiers(corpus_out) for c in d["claims"]]
    statuses = {c["status"] for c in claims}
    assert "conflicting" in statuses
    assert "corroborated" in statuses
    conflicts = [cf for d in _dossiers(corpus_out) for cf in d["conflicts"]]
    assert conflicts and all(cf["explanation"] for cf in conflicts)


def test_rerun_adds_nothing_and_keeps_ids(corpus_out: Path, tmp_path: Path) -> None:
    before = {d["story"]["id"]: d for d in _dossiers(corpus_out)}
    summary = run([str(CORPUS)], out=corpus_out)
    assert summary.articles_added == 0
    assert summary.duplicates == summary.articles_read > 0
    after = {d["story"]["id"]: d for d in _dossiers(corpus_out)}
    assert after == before
    # A fresh store gives the same ids too: they come from content, not counters.
    fresh = run([str(CORPUS)], out=tmp_path / "fresh")
    assert fresh.stories == len(before)
    assert set(json.loads((tmp_path / "fresh" / "index.json").read_text())["stories"][0]) >= {
        "id",
        "title",
        "article_count",
        "file",
    }
    assert {d["story"]["id"] for d in _dossiers(tmp_path / "fresh")} == set(before)


def _stable(d: dict[str, Any]) -> dict[str, Any]:
    """The dossier without what depends on the machine: version string, checkout path."""
    out = {k: v for k, v in d.items() if k != "generator"}
    root = str(CORPUS.parent.parent) + "/"
    out["articles"] = [
        {**a, "origin": a["origin"].removeprefix(root)} for a in d["articles"]
    ]
    return out


def test_golden_dossiers(corpus_out: Path) -> None:
    """Dossiers match the reviewed golden files; STORYLINE_UPDATE_GOLDEN=1 rewrites them."""
    dossiers = {d["story"]["id"]: _stable(d) for d in _dossiers(corpus_out)}
    if os.environ.get("STORYLINE_UPDATE_GOLDEN"):
        GOLDEN.mkdir(parents=True, exist_ok=True)
        for old in GOLDEN.glob("*.json"):
            old.unlink()
        for sid, d in dossiers.items():
            (GOLDEN / f"{sid}.json").write_text(
                json.dumps(d, ensure_ascii=False, indent=1, sort_keys=True) + "\n",
                encoding="utf-8",
            )
    golden = {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in GOLDEN.glob("*.json")}
    assert golden, "no golden files: run with STORYLINE_UPDATE_GOLDEN=1 and review them"
    assert set(golden) == set(dossiers)
    for sid, d in dossiers.items():
        assert d == golden[sid], f"dossier {sid} differs from tests/golden/corpus/{sid}.json"


def test_ferry_toll_disagreement_and_subjects(corpus_out: Path) -> None:
    (d,) = [d for d in _dossiers(corpus_out) if "ferry" in d["story"]["title"].lower()]
    names = {e["id"]: e["name"] for e in d["entities"]}
    (cf,) = [cf for cf in d["conflicts"] if "casualties injured" in cf["explanation"]]
    assert cf["kind"] == "value_mismatch"
    assert '"Fifty-seven people"' in cf["explanation"] and '"42 people"' in cf["explanation"]
    # "at least 42" fits both sides: it takes none.
    assert "at least 42" not in cf["explanation"]
    by_text = {c["text"]: c for c in d["claims"]}
    assert by_text["at least 42 people"]["status"] != "conflicting"
    assert names.get(by_text["about 900,000 passengers"]["subject"]) == "Baltica Lines"
    tolls = [c for c in d["claims"] if c["attribute"].startswith("casualties")]
    assert all(c["subject"] is None for c in tolls), "a toll is the event's, not the ferry's"
    # unit-only differences are no conflict and no inconsistency: 186 m (610 ft).
    # The ferry is a vessel (EQUIPMENT), so "the Nordic Star, a 186-metre vessel"
    # measures it; "as the 186-metre vessel approached" is the story's only vessel,
    # so the two reports corroborate one length, with the basis kept.
    (length,) = [c for c in d["claims"] if c["attribute"] == "length"
                 and c["normalized"]["low"] == pytest.approx(186)]
    assert length["status"] == "corroborated" and length["independent_sources"] == 2
    assert names.get(length["subject"]) == "Nordic Star"
    assert "only vessel" in (length["subject_basis"] or "")
    assert d["inconsistencies"] == []


def _story(out: Path, word: str) -> dict[str, Any]:
    (d,) = [d for d in _dossiers(out) if word in d["story"]["title"].lower()]
    return d


def test_sample_timelines_hold_what_a_reader_lists(corpus_out: Path) -> None:
    """The pipeline signing told by two outlets (one by its ministers "from"
    the three countries, one by "the agreement signed … by" them); the
    ferry's "it struck a cargo ship the previous morning" joins the collision;
    the port of Antofagasta reopening after the quake; Szalai's statement of
    last week is not the one he made at this week's summit."""
    pipe = _story(corpus_out, "adriatic")
    names = {e["id"]: e["name"] for e in pipe["entities"]}
    (sign,) = [e for e in pipe["events"] if e["type"] == "sign"]
    assert {names[p] for p in sign["participants"]} == {"Croatia", "Slovenia", "Hungary"}
    assert len({s["article"] for s in sign["sources"]}) == 2 and sign["date"] == "2026-03-11"
    assert sign["id"] in [t["event"] for t in pipe["timeline"]]
    szalai = [e for e in pipe["events"]
              if e["type"] == "say" and e["summary"].startswith("Gábor Szalai ")]
    assert len(szalai) == 2, "last week's statement and the summit's are two"

    ferry = _story(corpus_out, "ferry")
    (crash,) = [e for e in ferry["events"] if e["type"] == "collide"]
    assert len({s["article"] for s in crash["sources"]}) == 3
    assert crash["date"] == "2026-03-13"
    assert any("it struck a cargo ship" in s["quote"] for s in crash["sources"])
    (probe,) = [e for e in ferry["events"] if e["type"] == "inspect"]
    assert probe["date"] == "2026-03-14", "said on Saturday; the strike was the day before"

    chile = _story(corpus_out, "antofagasta")
    (port,) = [e for e in chile["events"] if e["type"] == "reopen"]
    assert port["summary"] == "The port of Antofagasta reopened" and port["date"] == "2026-03-10"
    order = [t["event"] for t in chile["timeline"]]
    (quake,) = [e for e in chile["events"] if e["type"] == "hit"]
    assert order.index(quake["id"]) < order.index(port["id"])

    fire = _story(corpus_out, "bushfire")
    assert not [e for e in fire["events"] if e["type"] == "approve"], "backed by helicopters"
    (evacuation,) = [e for e in fire["events"] if e["type"] == "evacuate"]
    assert len({s["article"] for s in evacuation["sources"]}) == 3, "“By Sunday it had forced"
    assert evacuation["date"] == "2026-03-08"


def test_sample_casualties_are_events_right_after_their_cause(corpus_out: Path) -> None:
    """"A magnitude 6.8 earthquake struck northern Chile … on Tuesday, killing two
    people and injuring 31": deaths and injuries are events of that day, told right
    after the quake, before the port reopened 14 hours later; in Turkey "…, injuring
    18 people" takes the quake's Thursday and place."""
    chile = _story(corpus_out, "antofagasta")
    (quake,) = [e for e in chile["events"] if e["type"] == "hit"]
    (deaths,) = [e for e in chile["events"] if e["type"] == "kill"]
    (injuries,) = [e for e in chile["events"] if e["type"] == "injure"]
    (port,) = [e for e in chile["events"] if e["type"] == "reopen"]
    assert deaths["date"] == injuries["date"] == "2026-03-10"
    assert "killed two people" in deaths["summary"]
    assert "killing two people" in deaths["sources"][0]["quote"]
    order = [t["event"] for t in chile["timeline"]]
    assert order.index(quake["id"]) + 1 == order.index(deaths["id"])
    assert order.index(deaths["id"]) < order.index(injuries["id"]) < order.index(port["id"])

    turkey = _story(corpus_out, "denizli")
    names = {e["id"]: e["name"] for e in turkey["entities"]}
    (hurt,) = [e for e in turkey["events"] if e["type"] == "injure"]
    assert hurt["date"] == "2026-03-12" and "18 people" in hurt["summary"]
    assert names[hurt["location"]] in {"Turkey", "Denizli"}


def test_sample_undated_steps_are_bounded_by_their_reports(corpus_out: Path) -> None:
    """"Ana Ferreira travelled on the first service …" (a new paragraph, no date of its
    own) happened on or before the day the report of it was published."""
    tunnel = _story(corpus_out, "alvão")
    (travel,) = [e for e in tunnel["events"] if e["type"] == "travel"]
    published = {a["id"]: a["published"] for a in tunnel["articles"]}
    days = sorted(published[s["article"]] for s in travel["sources"])
    assert (travel["date"], travel["earliest"], travel["latest"]) == (None, None, days[0])
    assert travel["date_basis"].startswith(f"on or before {days[0]}: told as done in")
    md = (corpus_out / f"{tunnel['story']['id']}.md").read_text(encoding="utf-8")
    assert f"**on or before {days[0]}, after “Portugal opened" in md


def test_sample_floods_aircraft_sent_is_on_the_timeline(corpus_out: Path) -> None:
    """"The emergencies ministry sent a Be-200 amphibious aircraft …": a deployment,
    bounded by its report's day; the bushfire's "the U.S. has sent firefighters …
    during past crises" is a habit, no event."""
    floods = _story(corpus_out, "floods")
    names = {e["id"]: e["name"] for e in floods["entities"]}
    (sent,) = [e for e in floods["events"] if e["type"] == "deploy"]
    assert {names[p] for p in sent["participants"]} == {"Be-200"}
    assert sent["summary"].startswith("The emergencies ministry sent")
    assert sent["latest"] == "2026-03-11" and sent["id"] in [t["event"] for t in floods["timeline"]]
    fire = _story(corpus_out, "bushfire")
    assert not [e for e in fire["events"] if e["type"] == "deploy"]


def _figure_values(c: dict[str, Any]) -> set[tuple[Any, ...]]:
    forms = [f for fig in c["figures"] for f in (fig, *fig["alternates"])]
    return {(f["normalized"]["low"], f["normalized"]["high"], f["normalized"]["unit"])
            for f in forms}


def test_sample_figures_are_not_split(corpus_out: Path) -> None:
    """One figure, one claim (docs/claims.md): no two claims of a story state the same
    written figure for the same attribute, subject and counted noun, and the cases a
    reader found split are one claim each."""
    for d in _dossiers(corpus_out):
        cl = d["claims"]
        for i, a in enumerate(cl):
            for b in cl[i + 1:]:
                same_key = (a["attribute"], a["subject"], a["value"]["unit"]) == (
                    b["attribute"], b["subject"], b["value"]["unit"])
                assert not (same_key and _figure_values(a) & _figure_values(b)), (
                    d["story"]["title"], a["text"], b["text"])
    tunnel = _story(corpus_out, "tunnel")
    names = {e["id"]: e["name"] for e in tunnel["entities"]}
    (speed,) = [c for c in tunnel["claims"] if c["attribute"] == "speed"]
    assert {f["text"] for f in speed["figures"]} == {"up to 250 km/h", "up to 155 mph"}
    (length,) = [c for c in tunnel["claims"]
                 if c["normalized"]["unit"] == "m" and c["attribute"] == "length"]
    assert {f["text"] for f in length["figures"]} == {"14.2 km", "14.2-kilometre", "8.8-mile"}
    (cost,) = [c for c in tunnel["claims"] if c["text"] == "€1.9 billion"]
    assert names.get(cost["subject"]) == "Porto" and len(cost["figures"]) == 3
    assert "Porto" in (cost["subject_basis"] or "")

    ferry = _story(corpus_out, "ferry")
    (crew,) = [c for c in ferry["claims"] if c["text"] == "48 crew"]
    assert len(crew["figures"]) == 2
    injured = {c["text"]: c for c in ferry["claims"] if c["attribute"] == "casualties_injured"}
    assert set(injured) == {"Fifty-seven people", "42 people", "at least 42 people"}
    assert {f["text"] for f in injured["42 people"]["figures"]} == {"42 people", "42 injured"}
    # the bound fits both sides: its own claim, linked to both
    assert set(injured["at least 42 people"]["compatible_with"]) == {
        injured["42 people"]["id"], injured["Fifty-seven people"]["id"]}

    cargo = _story(corpus_out, "cargo")
    by_attr: dict[str, list[dict[str, Any]]] = {}
    for c in cargo["claims"]:
        by_attr.setdefault(c["attribute"], []).append(c)
    (payload,) = by_attr["payload"]
    assert {f["text"] for f in payload["figures"]} == {"about 40 tonnes", "88,000 pounds"}
    (dist,) = by_attr["distance_from"]
    assert dist["status"] == "corroborated"
    (crew3,) = [c for c in cargo["claims"] if c["value"]["unit"] == "crew"]
    assert len(crew3["figures"]) == 3

    (capacity,) = [c for c in _story(corpus_out, "gas link")["claims"]
                   if c["attribute"] == "capacity"]
    assert capacity["status"] == "corroborated" and len(capacity["figures"]) == 3
