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
    # Both reports rewrite one wire report (three distinctive phrasings shared):
    # two articles, one origin, so the figures they share are repeated, not corroborated.
    assert len({a["origin_group"] for a in d["articles"]}) == 1
    assert rng["status"] == "repeated" and rng["independent_sources"] == 1
    assert len({s["article"] for s in rng["sources"]}) == 2
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
    assert speed["status"] == "repeated" and speed["normalized"]["low"] is None


# ------------------------------------------------------------------ places on the map

# Reference points (GeoNames) of what the seed reports name.
VLADIVOSTOK = (43.1056, 131.8735)
ARTYOM = (43.3576, 132.1914)  # the town ~40 km NE of Vladivostok, Primorsky Krai
VLADIVOSTOK_AIRPORT = (43.3990, 132.1480)  # UHWW, at Knevichi
PRIMORSKY_KRAI = (45.0, 135.0)  # GeoNames' point for the krai (165,000 km²)


def _km(e: dict[str, Any], point: tuple[float, float]) -> float:
    from storyline.geo.gazetteer import haversine_km

    assert e["lat"] is not None and e["lon"] is not None, (e["name"], e["geo_note"])
    return haversine_km(e["lat"], e["lon"], *point)


def _one(d: dict[str, Any], surface: str) -> dict[str, Any]:
    holders = _entity_with(d, surface)
    assert len(holders) == 1, f"{surface!r} belongs to {[e['name'] for e in holders]}"
    return holders[0]


@pytest.mark.parametrize(
    ("surface", "point", "feature"),
    [
        ("Vladivostok", VLADIVOSTOK, "city"),
        ("Artyom", ARTYOM, "city"),
        ("Knevichi airfield", VLADIVOSTOK_AIRPORT, "airport"),
        ("Vladivostok airport", VLADIVOSTOK_AIRPORT, "airport"),
        ("Pyongyang", (39.0339, 125.7543), "city"),
        ("Komsomolsk-on-Amur", (50.5503, 137.0099), "city"),
        ("Washington", (38.8951, -77.0364), "city"),  # the capital, not the state
        ("St. Petersburg", (59.9386, 30.3141), "city"),  # Russia's, not Florida's
    ],
)
def test_seed_places_within_25_km(
    seeds_out: Path, surface: str, point: tuple[float, float], feature: str
) -> None:
    e = _one(_dossier(seeds_out), surface)
    assert e["type"] in ("PLACE", "FACILITY")
    assert _km(e, point) < 25, e["geo_note"]
    assert e["feature"] == feature and e["gazetteer_id"] and e["geo_note"]


def test_seed_countries_and_region(seeds_out: Path) -> None:
    d = _dossier(seeds_out)
    for surface, code, point, km in [
        ("Russia", "RU", (60.0, 100.0), 200),  # a country's centre: within its heartland
        ("North Korea", "KP", (40.0, 127.0), 100),
        ("South Korea", "KR", (36.5, 127.75), 100),
        ("United States", "US", (39.76, -98.5), 161),
    ]:
        e = _one(d, surface)
        assert (e["feature"], e["country"]) == ("country", code)
        assert _km(e, point) < km, surface
    region = _one(d, "Primorsky region")
    assert (region["feature"], region["country"]) == ("region", "RU")
    assert _km(region, PRIMORSKY_KRAI) < 150  # centre-ish of a region 700 km across


def test_seed_same_sites_merge_and_look_alikes_stay_apart(seeds_out: Path) -> None:
    d = _dossier(seeds_out)
    airport = _one(d, "Knevichi airfield")
    assert _one(d, "Vladivostok airport") is airport, "an airfield and its airport are one"
    assert airport["type"] == "FACILITY" and airport["gazetteer_id"] == "icao:UHWW"
    assert _one(d, "Primorye region") is _one(d, "Primorsky region"), "one krai, two spellings"
    city = _one(d, "Vladivostok")
    assert city is not airport and city["gazetteer_id"] != airport["gazetteer_id"]
    assert _one(d, "Artyom") is not city
    assert _one(d, "North Korea") is not _one(d, "South Korea")
    assert _one(d, "Moscow") is not _one(d, "Russia")
    ids = [e["gazetteer_id"] for e in d["entities"] if e["gazetteer_id"]]
    assert len(ids) == len(set(ids)), "one entity per gazetteer record"


def test_seed_unplaceable_names_say_why(seeds_out: Path) -> None:
    d = _dossier(seeds_out)
    for surface in ("Far East", "Soviet Union", "Vostochny Cosmodrome"):
        e = _one(d, surface)
        assert e["lat"] is None and e["lon"] is None and e["gazetteer_id"] is None
        assert e["geo_note"] and "not in gazetteer" in e["geo_note"]


def test_seed_possessive_country_places_the_unmapped(seeds_out: Path) -> None:
    """"Russia's Far East" and "Russia's main Vostochny Cosmodrome" lie in Russia,
    though off the map; "St. Petersburg's Mariinsky Theatre" takes the city's
    point, and says so.  The Soviet Union is owned by nothing: no country."""
    d = _dossier(seeds_out)
    for surface in ("Far East", "Vostochny Cosmodrome"):
        e = _one(d, surface)
        assert e["country"] == "RU" and e["lat"] is None
        assert "lies in Russia by the text (“Russia’s" in e["geo_note"]
    assert _one(d, "Soviet Union")["country"] is None
    theatre, city = _one(d, "Mariinsky Theatre"), _one(d, "St. Petersburg")
    assert (theatre["lat"], theatre["lon"], theatre["country"]) == (
        city["lat"], city["lon"], "RU")
    assert theatre["gazetteer_id"] is None and "point: St. Petersburg" in theatre["geo_note"]


def _events(d: dict[str, Any], etype: str, **named: set[str]) -> list[dict[str, Any]]:
    """Events of a type whose roles name (at least) the given entities."""
    names = {e["id"]: e["name"] for e in d["entities"]}
    out = []
    for ev in d["events"]:
        if ev["type"] != etype:
            continue
        have: dict[str, set[str]] = {}
        for r in ev["roles"]:
            if r["entity"]:
                have.setdefault(r["role"], set()).add(names[r["entity"]])
        if all(want <= have.get(role, set()) for role, want in named.items()):
            out.append(ev)
    return out


def test_seed_events_participants_dates_and_order(seeds_out: Path) -> None:
    d = _dossier(seeds_out)
    names = {e["id"]: e["name"] for e in d["entities"]}
    (greet,) = _events(d, "greet", agent={"Sergei Shoigu"}, patient={"Kim Jong Un"})
    assert "airfield" in names[greet["location"]].lower()
    bombers = _events(d, "show", agent={"Sergei Shoigu"}, patient={"Tu-160", "Tu-95"})
    kinzhal = _events(d, "show", patient={"Kinzhal"})
    assert len(bombers) == 1 and len(kinzhal) == 1
    assert {s["article"] for s in bombers[0]["sources"]} == {a["id"] for a in d["articles"]}
    assert bombers[0]["date"] == kinzhal[0]["date"] == "2023-09-16"
    (frigate,) = _events(d, "inspect", agent={"Kim Jong Un"}, patient={"Marshal Shaposhnikov"})
    (meeting,) = _events(d, "meet")
    assert {names[p] for p in meeting["participants"]} >= {"Kim Jong Un", "Vladimir Putin"}
    (welcome,) = _events(d, "greet", agent={"Oleg Kozhemyako"})
    assert welcome["date"] == "2023-09-16" and "Saturday" in welcome["date_basis"]
    order = [t["event"] for t in d["timeline"]]
    assert order.index(meeting["id"]) < order.index(welcome["id"]) < order.index(bombers[0]["id"])
    assert order.index(greet["id"]) < order.index(bombers[0]["id"]) < order.index(frigate["id"])
    (plant,) = [ev for ev in _events(d, "visit", agent={"Kim Jong Un"})
                if names.get(ev["location"] or "") == "Komsomolsk-on-Amur"]  # the Su-57 plant
    assert order.index(meeting["id"]) < order.index(plant["id"]) < order.index(welcome["id"])
    undated = next(a for a in d["articles"] if a["published"] is None)
    assert undated["published_estimate"]["date"] == "2023-09-16"


def test_seed_markdown_shows_the_timeline(seeds_out: Path) -> None:
    d = _dossier(seeds_out)
    md = (seeds_out / f"{d['story']['id']}.md").read_text(encoding="utf-8")
    assert "## Timeline" in md and "**2023-09-16**" in md


def test_seed_trip_statements_span_the_timeline(seeds_out: Path) -> None:
    """"Visited Russia", "visited Russia's Far East" and "accompanied by Shoigu" tell
    the whole trip: they head the timeline as spanning it, not as a step before
    the meeting with Putin.  The Far East lies in Russia: one trip, at Russia."""
    d = _dossier(seeds_out)
    names = {e["id"]: e["name"] for e in d["entities"]}
    steps = {t["event"]: t for t in d["timeline"]}
    visits = _events(d, "visit", agent={"Kim Jong Un"})
    trips = [v for v in visits if names.get(v["location"] or "") in ("Russia", "Far East")]
    assert [names[v["location"]] for v in trips] == ["Russia"]
    assert any("Russia’s Far East" in s["quote"] for s in trips[0]["sources"])
    assert {s["article"] for s in trips[0]["sources"]} == {a["id"] for a in d["articles"]}
    assert trips[0]["summary"] == "Kim Jong Un visited Russia"
    assert not {names[p] for p in trips[0]["participants"]} & {"Far East", "Russia"}
    (escort,) = _events(d, "accompany", agent={"Sergei Shoigu"}, patient={"Kim Jong Un"})
    for ev in [*trips, escort]:
        assert steps[ev["id"]]["relation"] == "spans", ev["summary"]
        assert ev["date"] is None and steps[ev["id"]]["basis"]
    spanning = [t["relation"] == "spans" for t in d["timeline"]]
    assert spanning == sorted(spanning, reverse=True), "the trip heads the timeline"
    (meeting,) = _events(d, "meet")
    assert steps[meeting["id"]]["relation"] == "before"


def test_seed_airfield_scene_is_dated_by_the_other_article(seeds_out: Path) -> None:
    """The undated report's arrival at Knevichi, Shoigu's greeting and the guard of
    honour are told at the airfield where the dated report puts the bombers on
    Saturday: the same scene, 2023-09-16, with the basis kept."""
    d = _dossier(seeds_out)
    undated = next(a["id"] for a in d["articles"] if a["published"] is None)
    (greet,) = _events(d, "greet", agent={"Sergei Shoigu"}, patient={"Kim Jong Un"})
    (guard,) = [e for e in _events(d, "inspect", agent={"Kim Jong Un"})
                if "guard of honour" in e["summary"]]
    arrivals = [e for e in _events(d, "arrive", agent={"Kim Jong Un"})
                if "Knevichi" in e["summary"]]
    assert len(arrivals) == 1, "“proceeded to the Vladivostok airport” is the same arrival"
    assert {s["article"] for s in arrivals[0]["sources"]} == {a["id"] for a in d["articles"]}
    assert arrivals[0]["date"] == "2023-09-16"
    bombers = _events(d, "show", agent={"Sergei Shoigu"}, patient={"Tu-160"})[0]
    order = [t["event"] for t in d["timeline"]]
    assert order.index(arrivals[0]["id"]) < order.index(bombers["id"])
    for ev in (greet, guard):
        assert {s["article"] for s in ev["sources"]} == {undated}
        assert ev["date"] == "2023-09-16", ev["summary"]
        assert ev["date_basis"].startswith("same scene as"), ev["date_basis"]
        assert order.index(ev["id"]) < order.index(bombers["id"]), ev["summary"]
    assert order.index(arrivals[0]["id"]) < order.index(greet["id"]) < order.index(guard["id"])


def test_seed_frigate_is_on_or_after_the_saturday(seeds_out: Path) -> None:
    """The dated report says the naval ships were still to come "later during his
    trip"; the undated one tells the frigate inspection: on or after 2023-09-16,
    no day given, after the Kinzhal."""
    d = _dossier(seeds_out)
    (frigate,) = _events(d, "inspect", agent={"Kim Jong Un"}, patient={"Marshal Shaposhnikov"})
    assert frigate["date"] is None
    assert (frigate["earliest"], frigate["latest"]) == ("2023-09-16", None)
    assert "later during his trip" in frigate["date_basis"]
    (kinzhal,) = _events(d, "show", patient={"Kinzhal"})
    step = next(t for t in d["timeline"] if t["event"] == frigate["id"])
    assert (step["relation"], step["relative_to"]) == ("after", kinzhal["id"])
    md = (seeds_out / f"{d['story']['id']}.md").read_text(encoding="utf-8")
    assert "**on or after 2023-09-16, after “" in md


@pytest.mark.parametrize(
    ("etype", "summary"),
    [
        ("inspect", "Kim Jong Un inspected a guard of honour"),
        ("inspect", "Kim Jong Un inspected military assets in Russia"),
        ("inspect", "Kim Jong Un inspected the frigate Marshal Shaposhnikov in Vladivostok"),
        ("greet", "Sergei Shoigu greeted Kim Jong Un at Knevichi Airfield"),
        ("visit", "Kim Jong Un visited Russia"),
        ("arrive", "Kim Jong Un arrived at Knevichi Airfield"),
        ("attend", "Kim Jong Un attended the ballet Sleeping Beauty in Vladivostok"),
        ("show", "Sergei Shoigu showed Kim Jong Un Kinzhal and MiG-31I"),
    ],
)
def test_seed_event_summaries_read_well(seeds_out: Path, etype: str, summary: str) -> None:
    d = _dossier(seeds_out)
    assert summary in {e["summary"] for e in d["events"] if e["type"] == etype}


def test_seed_ballet_is_bounded_by_the_arrival_near_vladivostok(seeds_out: Path) -> None:
    """"During his stay in Vladivostok": no day, but Kim Jong Un arrived 38 km
    away on the Saturday and nothing puts him near Vladivostok before, so the
    ballet is on or after 2023-09-16, with that basis, and follows the arrival."""
    d = _dossier(seeds_out)
    (ballet,) = _events(d, "attend", agent={"Kim Jong Un"})
    assert (ballet["date"], ballet["earliest"], ballet["latest"]) == (None, "2023-09-16", None)
    assert "arrived in Artyom" in ballet["date_basis"], ballet["date_basis"]
    order = [t["event"] for t in d["timeline"]]
    (artyom,) = [e for e in _events(d, "arrive", agent={"Kim Jong Un"})
                 if "Artyom" in e["summary"]]
    (welcome,) = _events(d, "greet", agent={"Oleg Kozhemyako"})
    assert order.index(artyom["id"]) < order.index(welcome["id"]) < order.index(ballet["id"])
    assert "on or after 2023-09-16" in d["timeline"][order.index(ballet["id"])]["basis"]


def test_seed_summaries_never_list_the_place_as_a_participant(seeds_out: Path) -> None:
    d = _dossier(seeds_out)
    for ev in d["events"]:
        assert ev["location"] not in ev["participants"], ev["summary"]
        assert " at Russia" not in ev["summary"] and " in Knevichi" not in ev["summary"]
        assert " range" not in ev["summary"], "a range of assets is the assets"


def test_seed_html_timeline_says_spans_without_undated(seeds_out: Path) -> None:
    d = _dossier(seeds_out)
    html = (seeds_out / f"{d['story']['id']}.html").read_text(encoding="utf-8")
    assert 'class="date">throughout the trip<' in html
    assert "undated, throughout" not in html and "whole trip" not in html


def test_seed_kinzhal_is_shown_at_the_airfield_scene(seeds_out: Path) -> None:
    """"… proceeded to the Vladivostok airport, where he was given a tour of the
    bombers.  Shoigu introduced Kim to … the Kinzhal": the paragraph names Artyom
    and the airport, but the step told just before it is at the airfield."""
    d = _dossier(seeds_out)
    names = {e["id"]: e["name"] for e in d["entities"]}
    (kinzhal,) = _events(d, "show", agent={"Sergei Shoigu"}, recipient={"Kim Jong Un"},
                         patient={"Kinzhal"})
    assert names[kinzhal["location"]] == "Knevichi Airfield"
    assert kinzhal["location_basis"].startswith("told right after"), kinzhal["location_basis"]
    md = (seeds_out / f"{d['story']['id']}.md").read_text(encoding="utf-8")
    assert "Kinzhal and MiG-31I (2 articles) (at Knevichi Airfield, as the step told" in md


def test_seed_meeting_with_putin_is_bounded_not_dated(seeds_out: Path) -> None:
    """Neither text dates the Vostochny meeting; "initiated his visit … by meeting"
    puts it before the Saturday arrival: on or before 2023-09-16, no day."""
    d = _dossier(seeds_out)
    (meeting,) = _events(d, "meet")
    assert (meeting["date"], meeting["earliest"], meeting["latest"]) == (
        None, None, "2023-09-16")
    assert "on or before 2023-09-16" in meeting["date_basis"]
    md = (seeds_out / f"{d['story']['id']}.md").read_text(encoding="utf-8")
    assert "**on or before 2023-09-16, before “Kim Jong Un arrived in Artyom”**" in md
    names = {e["id"]: e["name"] for e in d["entities"]}
    (plant,) = [ev for ev in _events(d, "visit", agent={"Kim Jong Un"})
                if names.get(ev["location"] or "") == "Komsomolsk-on-Amur"]
    assert (plant["date"], plant["latest"]) == (None, "2023-09-16"), "followed the meeting"


def test_seed_trip_frame_quotes_the_far_east_sentence(seeds_out: Path) -> None:
    d = _dossier(seeds_out)
    (trip,) = [e for e in _events(d, "visit", agent={"Kim Jong Un"})
               if e["summary"] == "Kim Jong Un visited Russia"]
    step = next(t for t in d["timeline"] if t["event"] == trip["id"])
    assert "visited Russia’s Far East to inspect advanced weaponry" in step["basis"]
    assert "Far East" in trip["location_basis"] and "lies in Russia" in trip["location_basis"]


def test_seed_html_timeline_says_on_or_before_for_the_meeting(seeds_out: Path) -> None:
    d = _dossier(seeds_out)
    html = (seeds_out / f"{d['story']['id']}.html").read_text(encoding="utf-8")
    assert "on or before 2023-09-16, before “Kim Jong Un arrived in Artyom”" in html


def test_seed_submarine_deployment_is_an_earlier_event(seeds_out: Path) -> None:
    """"America's own efforts …, including deploying a nuclear-armed ballistic missile
    submarine to South Korea earlier this year": the United States (the efforts'
    owner) deployed it, to South Korea, before the story's first dated step."""
    d = _dossier(seeds_out)
    names = {e["id"]: e["name"] for e in d["entities"]}
    (deploy,) = _events(d, "deploy", agent={"United States"})
    assert names[deploy["location"]] == "South Korea"
    assert any(r["role"] == "patient" and "submarine" in r["text"] for r in deploy["roles"])
    assert deploy["summary"].endswith("submarine to South Korea")
    assert (deploy["date"], deploy["latest"]) == (None, "2023-09-16")
    order = [t["event"] for t in d["timeline"]]
    (arrival,) = [ev for ev in _events(d, "arrive", agent={"Kim Jong Un"})
                  if names.get(ev["location"] or "") == "Artyom"]
    (meeting,) = _events(d, "meet")
    assert order.index(deploy["id"]) < order.index(meeting["id"]) < order.index(arrival["id"]), (
        "“earlier this year” reaches further back than the trip's first meeting")
    step = next(t for t in d["timeline"] if t["event"] == deploy["id"])
    assert step["relation"] == "before" and "deploying" in step["basis"]


def test_seed_fleet_points_at_russia(seeds_out: Path) -> None:
    d = _dossier(seeds_out)
    by_name = {e["name"]: e for e in d["entities"]}
    fleet = by_name["Russian Pacific Fleet"]
    assert fleet["type"] == "ORG" and fleet["place"] == by_name["Russia"]["id"]
    assert all(e.get("place") is None for e in d["entities"] if e["type"] != "ORG")
    md = (seeds_out / f"{d['story']['id']}.md").read_text(encoding="utf-8")
    assert "- **Russian Pacific Fleet** (of Russia), 2 mentions" in md


def test_seed_statements_say_what_was_said(seeds_out: Path) -> None:
    d = _dossier(seeds_out)
    said = {e["summary"] for e in d["events"] if e["type"] == "say"}
    assert ("Dmitry Peskov clarified that there were no plans to sign formal agreements"
            " during Kim’s visit") in said
    assert any(s.startswith("Vladimir Putin assured that Russia wouldn’t violate") for s in said)
    assert "Dmitry Peskov said" not in said


def test_seed_role_description_tells_the_escort_twice(seeds_out: Path) -> None:
    """"accompanied by President Vladimir Putin's defence minister" is Shoigu, the
    story's one defence minister: the escort is told by both reports, and the
    description is listed as Shoigu's mention without becoming his name."""
    d = _dossier(seeds_out)
    (escort,) = _events(d, "accompany", agent={"Sergei Shoigu"}, patient={"Kim Jong Un"})
    assert {s["article"] for s in escort["sources"]} == {a["id"] for a in d["articles"]}
    shoigu = _one(d, "Sergei Shoigu")
    described = [m["text"] for m in shoigu["mentions"] if m.get("kind") == "description"]
    assert described == ["President Vladimir Putin’s defence minister"]
    assert shoigu["name"] == "Sergei Shoigu" and shoigu["aliases"] == ["Shoigu"]
    putin = _one(d, "Vladimir Putin")
    assert putin["id"] != shoigu["id"]
    assert not [m for m in putin["mentions"] if m.get("kind")]
    kim = _one(d, "Kim Jong Un")
    assert {m["text"].lower() for m in kim["mentions"] if m.get("kind")} == {
        "the north korean leader"}
    texts = {a["id"]: a["text"] for a in d["articles"]}
    for e in d["entities"]:
        for m in e["mentions"]:
            assert texts[m["article"]][m["start"]:m["end"]] == m["text"]
