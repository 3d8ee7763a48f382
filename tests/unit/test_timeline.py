"""Trip frames, scene dates, plan bounds and same-day order (analyse/timeline.py)."""

from __future__ import annotations

from dataclasses import replace

from storyline.analyse.event_text import classifier_before, display_name, summarise
from storyline.analyse.timeline import (
    Plan,
    Telling,
    bound_by_publication,
    bound_earlier,
    build_timeline,
    date_by_arrivals,
    date_by_plans,
    date_scenes,
    find_frames,
    nested_trips,
    place_scenes,
)
from storyline.model import Entity, Event, Participant, SourceRef

KIM, SHOIGU, PUTIN = "kim", "shoigu", "putin"
RUSSIA, AIRFIELD, CITY, SPACEPORT = "russia", "airfield", "city", "spaceport"
SHIP = "ship"
ENTITIES = {
    RUSSIA: Entity(RUSSIA, "Russia", "PLACE", country="RU", feature="country"),
    AIRFIELD: Entity(AIRFIELD, "Knevichi Airfield", "FACILITY", country="RU",
                     feature="airport", lat=43.4, lon=132.1),
    CITY: Entity(CITY, "Vladivostok", "PLACE", country="RU", feature="city",
                 lat=43.1, lon=131.9),
    SPACEPORT: Entity(SPACEPORT, "Vostochny Cosmodrome", "FACILITY"),
    SHIP: Entity(SHIP, "Marshal Shaposhnikov", "EQUIPMENT"),
}
NAMES = {k: e.name for k, e in ENTITIES.items()}


def _ev(eid: str, etype: str, *roles: tuple[str, str | None, str], location: str | None = None,
        day: str | None = None) -> Event:
    return Event(eid, etype, eid, day, location, roles=tuple(Participant(*r) for r in roles),
                 earliest=day, latest=day, date_basis="as told" if day else None)


def _told(eid: str, article: str, start: int, paragraph: int, rank: int = 0,
          order: str | None = None) -> Telling:
    return Telling(eid, article, article, rank, start, start // 100, paragraph, order, eid)


def test_trip_to_a_country_spans_its_stops_and_its_escort() -> None:
    trip = _ev("trip", "visit", ("agent", KIM, "Kim"), ("patient", RUSSIA, "Russia"),
               location=RUSSIA)
    escort = _ev("escort", "accompany", ("agent", SHOIGU, "Shoigu"), ("patient", KIM, "Kim"))
    meet = _ev("meet", "meet", ("agent", KIM, "Kim"), ("patient", PUTIN, "Putin"),
               location=SPACEPORT)
    greet = _ev("greet", "greet", ("agent", SHOIGU, "Shoigu"), ("patient", KIM, "Kim"),
                location=AIRFIELD, day="2023-09-16")
    frames = find_frames([trip, escort, meet, greet], ENTITIES)
    assert frames["trip"][0] is None and "Knevichi Airfield" in frames["trip"][1]
    assert frames["escort"][0] == "trip"
    assert "meet" not in frames and "greet" not in frames
    tellings = [_told(e, "a", i * 100, i) for i, e in enumerate(("trip", "escort", "greet",
                                                                 "meet"))]
    steps = build_timeline([trip, escort, meet, greet], tellings, frames)
    assert [(s.event, s.relation) for s in steps[:2]] == [("trip", "spans"), ("escort", "spans")]


def test_one_stop_visit_is_a_step_not_a_frame() -> None:
    trip = _ev("trip", "visit", ("agent", KIM, "Kim"), ("patient", RUSSIA, "Russia"),
               location=RUSSIA)
    greet = _ev("greet", "greet", ("agent", SHOIGU, "Shoigu"), ("patient", KIM, "Kim"),
                location=AIRFIELD)
    assert find_frames([trip, greet], ENTITIES) == {}


def test_scene_at_one_place_takes_its_one_day_across_paragraphs() -> None:
    arrive = _ev("arrive", "arrive", ("agent", KIM, "Kim"), location=AIRFIELD)
    greet = _ev("greet", "greet", ("agent", SHOIGU, "Shoigu"), ("patient", KIM, "Kim"),
                location=AIRFIELD)
    guard = _ev("guard", "inspect", ("agent", KIM, "Kim"), ("patient", None, "a guard"))
    shown = _ev("shown", "show", ("agent", SHOIGU, "Shoigu"), location=AIRFIELD,
                day="2023-09-16")
    frigate = _ev("frigate", "inspect", ("agent", KIM, "Kim"), ("patient", SHIP, "ship"),
                  location=CITY)
    later = _ev("later", "inspect", ("agent", KIM, "Kim"), ("patient", None, "x"),
                location=AIRFIELD)
    tellings = [_told("arrive", "b", 0, 0), _told("greet", "b", 100, 1),
                _told("guard", "b", 150, 1), _told("shown", "b", 300, 2),
                _told("frigate", "b", 400, 3), _told("later", "b", 500, 4, order="after")]
    dated = date_scenes([arrive, greet, guard, shown, frigate, later], tellings, set(), NAMES)
    assert set(dated) == {"arrive", "greet", "guard"}
    assert all(e.date == "2023-09-16" for e in dated.values())
    assert dated["guard"].date_basis and "Knevichi Airfield" in dated["guard"].date_basis


def test_scene_with_two_days_dates_nothing() -> None:
    a = _ev("a", "show", ("agent", SHOIGU, "S"), location=AIRFIELD, day="2023-09-16")
    b = _ev("b", "greet", ("agent", SHOIGU, "S"), location=AIRFIELD)
    c = _ev("c", "show", ("agent", SHOIGU, "S"), location=AIRFIELD, day="2023-09-17")
    tellings = [_told("a", "x", 0, 0), _told("b", "x", 100, 1), _told("c", "x", 200, 2)]
    assert date_scenes([a, b, c], tellings, set(), NAMES) == {}


def test_plan_bounds_the_event_that_fulfils_it() -> None:
    plan = Plan("visit", frozenset({KIM}), CITY, frozenset({"w:ship"}), "2023-09-16",
                "on or after 2023-09-16: still to come")
    frigate = _ev("frigate", "inspect", ("agent", KIM, "Kim"), ("patient", SHIP, "frigate"),
                  location=CITY)
    elsewhere = _ev("other", "inspect", ("agent", KIM, "Kim"), ("patient", SHIP, "frigate"),
                    location=AIRFIELD)
    got = date_by_plans([frigate, elsewhere], [plan], set(), {SHIP})
    assert set(got) == {"frigate"}
    assert (got["frigate"].earliest, got["frigate"].latest) == ("2023-09-16", None)
    assert date_by_plans([frigate], [plan], set(), set()) == {}, "a ship noun needs a vessel"


def test_one_day_merges_the_articles_telling_orders() -> None:
    day = "2023-09-16"
    welcome = _ev("welcome", "greet", ("agent", "gov", "G"), day=day)
    travel = _ev("travel", "travel", ("agent", KIM, "K"), day=day)
    arrive = _ev("arrive", "arrive", ("agent", KIM, "K"), day=day)
    bombers = _ev("bombers", "show", ("agent", SHOIGU, "S"), day=day)
    tellings = [_told("welcome", "a", 0, 0), _told("travel", "a", 100, 1),
                _told("bombers", "a", 200, 2),
                _told("arrive", "b", 0, 0, rank=1), _told("bombers", "b", 100, 1, rank=1)]
    steps = build_timeline([welcome, travel, arrive, bombers], tellings, {})
    assert [s.event for s in steps] == ["welcome", "travel", "arrive", "bombers"]


def test_summaries_use_the_right_preposition_and_no_pronouns() -> None:
    kinds = {k: e.type for k, e in ENTITIES.items()}
    shown = {**NAMES, KIM: "Kim Jong Un", SHOIGU: "Sergei Shoigu"}
    greet = summarise("greet", [Participant("agent", SHOIGU, "Shoigu"),
                                Participant("patient", KIM, "he")], AIRFIELD, shown, kinds)
    assert greet == "Sergei Shoigu greeted Kim Jong Un at Knevichi Airfield"
    visit = summarise("visit", [Participant("agent", KIM, "Kim"),
                                Participant("patient", RUSSIA, "Russia")], RUSSIA, shown, kinds)
    assert visit == "Kim Jong Un visited Russia"
    inspect = summarise("inspect", [Participant("agent", None, "he"),
                                    Participant("patient", None, "A guard of honour")],
                        CITY, shown, kinds)
    assert inspect == "A guard of honour was inspected in Vladivostok"
    shown_to = summarise("show", [Participant("agent", SHOIGU, "S"),
                                  Participant("recipient", KIM, "K"),
                                  Participant("patient", None, "strategic bombers"),
                                  Participant("patient", "tu", "Tu-160")],
                         None, {**shown, "tu": "Tu-160"}, kinds)
    assert shown_to == "Sergei Shoigu showed Kim Jong Un strategic bombers including Tu-160"


def test_names_that_take_an_article_and_classifier_words() -> None:
    assert display_name("Far East", "PLACE") == "the Far East"
    assert display_name("United States", "PLACE") == "the United States"
    assert display_name("Vladivostok", "PLACE") == "Vladivostok"
    assert display_name("Far East", "PERSON") == "Far East"
    text = "Kim inspected the Russian Pacific Fleet’s frigate “Marshal Shaposhnikov” today."
    assert classifier_before(text, text.index("Marshal")) == "frigate"
    text = "He saw the ferry Nordic Star. Kim inspected Marshal Shaposhnikov."
    assert classifier_before(text, text.index("Nordic")) == "ferry"
    assert classifier_before(text, text.index("Marshal")) is None


def test_statement_summary_keeps_its_verb_only_with_what_was_said() -> None:
    shown = {KIM: "Kim Jong Un"}
    roles = [Participant("agent", KIM, "Kim"), Participant("patient", None, "interest")]
    assert summarise("say", roles, None, shown, {}, said="expressed") == (
        "Kim Jong Un expressed interest")
    assert summarise("say", roles[:1], None, shown, {}, said="clarified") == "Kim Jong Un said"
    # A participle ("Expressing admiration …, Kim …") is put in the past, never kept as is.
    assert summarise("say", roles, None, shown, {}, said="Expressing") == (
        "Kim Jong Un expressed interest")
    assert summarise("say", roles, None, shown, {}, said="telling") == "Kim Jong Un said"


FAR_EAST, ARTYOM, MOSCOW = "fareast", "artyom", "moscow"
MORE = {
    **ENTITIES,
    FAR_EAST: Entity(FAR_EAST, "Far East", "PLACE", country="RU"),  # "Russia's Far East"
    ARTYOM: Entity(ARTYOM, "Artyom", "PLACE", country="RU", feature="city",
                   lat=43.36, lon=132.19),
    MOSCOW: Entity(MOSCOW, "Moscow", "PLACE", country="RU", feature="city",
                   lat=55.75, lon=37.62),
}


def test_a_trip_to_a_region_of_the_country_is_part_of_the_country_trip() -> None:
    russia = _ev("russia", "visit", ("agent", KIM, "Kim"), ("patient", RUSSIA, "Russia"),
                 location=RUSSIA)
    east = _ev("east", "visit", ("agent", KIM, "Kim"), ("patient", FAR_EAST, "Far East"),
               location=FAR_EAST)
    stops = [_ev("a", "greet", ("agent", SHOIGU, "S"), ("patient", KIM, "Kim"),
                 location=AIRFIELD, day="2023-09-16"),
             _ev("b", "meet", ("agent", KIM, "Kim"), ("patient", PUTIN, "P"),
                 location=SPACEPORT)]
    events = [russia, east, *stops]
    frames = find_frames(events, MORE)
    assert frames["russia"][0] is None and frames["east"][0] is None
    assert nested_trips(events, frames, MORE) == {"east": "russia"}
    # Someone else's trip, or a trip to another country, is not nested.
    other = _ev("east", "visit", ("agent", PUTIN, "Putin"), ("patient", FAR_EAST, "Far East"),
                location=FAR_EAST)
    assert nested_trips([russia, other, *stops], frames, MORE) == {}


def test_an_arrival_nearby_bounds_the_stay() -> None:
    arrive = _ev("arrive", "arrive", ("agent", KIM, "Kim"), location=ARTYOM, day="2023-09-16")
    welcome = _ev("welcome", "greet", ("agent", SHOIGU, "S"), ("patient", KIM, "Kim"),
                  location=ARTYOM, day="2023-09-16")
    ballet = _ev("ballet", "attend", ("agent", KIM, "Kim"), ("patient", None, "the ballet"),
                 location=CITY)
    far = _ev("far", "visit", ("agent", KIM, "Kim"), ("patient", None, "a plant"),
              location=MOSCOW)
    demo = _ev("demo", "inspect", ("agent", KIM, "Kim"), ("patient", None, "a demonstration"))
    tellings = [_told("welcome", "a", 0, 0), _told("arrive", "a", 100, 0),
                _told("ballet", "b", 0, 3), _told("demo", "b", 100, 3),
                _told("far", "b", 300, 5)]
    events = [arrive, welcome, ballet, far, demo]
    out = date_by_arrivals(events, MORE, set(), tellings)
    assert set(out) == {"ballet", "demo"}, "Moscow is far from Artyom"
    b = out["ballet"]
    assert (b.date, b.earliest, b.latest) == (None, "2023-09-16", None)
    assert "arrive" in (b.date_basis or "") and "km from Vladivostok" in (b.date_basis or "")
    # Seen near the city before the arrival: the arrival does not begin the stay.
    before = _ev("before", "inspect", ("agent", KIM, "Kim"), ("patient", None, "a port"),
                 location=CITY, day="2023-09-14")
    assert date_by_arrivals([*events, before], MORE, set(),
                            [*tellings, _told("before", "c", 0, 0)]) == {}
    # One day: the arrival goes before the welcome told ahead of it.
    steps = build_timeline([arrive, welcome], tellings[:2], {})
    assert [s.event for s in steps] == ["arrive", "welcome"]


def test_placeless_event_takes_the_one_place_of_its_paragraph() -> None:
    greet = _ev("greet", "greet", ("agent", SHOIGU, "Shoigu"), ("patient", KIM, "Kim"),
                location=AIRFIELD)
    guard = _ev("guard", "inspect", ("agent", KIM, "Kim"), ("patient", None, "a guard"))
    travel = _ev("travel", "travel", ("agent", KIM, "Kim"), location=CITY)
    kinzhal = _ev("kinzhal", "show", ("agent", SHOIGU, "Shoigu"), ("patient", None, "x"))
    tellings = [_told("greet", "b", 0, 0), _told("guard", "b", 50, 0),
                _told("travel", "a", 0, 0), _told("kinzhal", "a", 80, 0),
                _told("greet", "a", 150, 0)]
    placed = place_scenes([greet, guard, travel, kinzhal], tellings, set(), NAMES)
    assert set(placed) == {"guard"}, "two places in one paragraph place nothing"
    assert placed["guard"].location == AIRFIELD
    assert placed["guard"].location_basis and "Knevichi Airfield" in placed["guard"].location_basis


def test_placeless_event_goes_on_at_the_scene_told_just_before_it() -> None:
    """A paragraph naming two places ("after arriving in the city he went on to the
    airfield, where he was shown jets.  Then the general showed him a rocket"): the
    rocket is shown where the step just before it, with the same people, happened."""
    arrive = _ev("arrive", "arrive", ("agent", KIM, "Kim"), location=CITY)
    jets = _ev("jets", "show", ("agent", SHOIGU, "Shoigu"), ("recipient", KIM, "Kim"),
               location=AIRFIELD)
    rocket = _ev("rocket", "show", ("agent", SHOIGU, "Shoigu"), ("recipient", KIM, "Kim"),
                 ("patient", None, "a rocket"))
    later = _ev("later", "inspect", ("agent", KIM, "Kim"), ("patient", None, "a plane"))
    tellings = [_told("arrive", "a", 0, 0), _told("jets", "a", 40, 0),
                _told("rocket", "a", 120, 0), _told("later", "a", 330, 0)]
    placed = place_scenes([arrive, jets, rocket, later], tellings, set(), NAMES)
    assert set(placed) == {"rocket"}, "two sentences on, the scene is not carried"
    assert placed["rocket"].location == AIRFIELD
    basis = placed["rocket"].location_basis or ""
    assert basis.startswith("told right after") and "Knevichi Airfield" in basis
    # A departure ends the scene there: nothing is carried from "left the city".
    leave = _ev("leave", "depart", ("agent", KIM, "Kim"), location=CITY)
    tellings = [_told("jets", "a", 0, 0), _told("leave", "a", 40, 0),
                _told("rocket", "a", 120, 0)]
    assert place_scenes([jets, leave, rocket], tellings, set(), NAMES) == {}


def test_trip_frame_basis_quotes_the_sentence_that_tells_the_trip() -> None:
    trip = replace(
        _ev("trip", "visit", ("agent", KIM, "Kim"), ("patient", RUSSIA, "Russia"),
            location=RUSSIA),
        sources=(SourceRef("a", 0, 30, 0, "Kim toured the far east of Russia."),))
    greet = _ev("greet", "greet", ("agent", SHOIGU, "Shoigu"), ("patient", KIM, "Kim"),
                location=AIRFIELD, day="2023-09-16")
    ballet = _ev("ballet", "attend", ("agent", KIM, "Kim"), location=CITY)
    frames = find_frames([trip, greet, ballet], ENTITIES)
    assert "(“Kim toured the far east of Russia.”)" in frames["trip"][1]


def test_an_event_told_as_earlier_than_the_first_dated_step_is_bounded_by_its_day() -> None:
    meet = _ev("meet", "meet", ("agent", KIM, "Kim"), ("patient", PUTIN, "Putin"),
               location=SPACEPORT)
    plant = _ev("plant", "visit", ("agent", KIM, "Kim"), ("patient", None, "a plant"))
    greet = _ev("greet", "greet", ("agent", SHOIGU, "Shoigu"), ("patient", KIM, "Kim"),
                location=AIRFIELD, day="2023-09-16")
    tellings = [_told("greet", "a", 0, 0), _told("meet", "a", 300, 1, order="before"),
                _told("plant", "a", 350, 1)]
    steps = build_timeline([meet, plant, greet], tellings, {})
    assert [s.event for s in steps] == ["meet", "greet", "plant"]
    bounded = bound_earlier([meet, plant, greet], tellings, steps)
    assert set(bounded) == {"meet"}, "told after the greeting, with no cue: no bound"
    assert (bounded["meet"].earliest, bounded["meet"].latest) == (None, "2023-09-16")
    assert bounded["meet"].date is None
    assert bounded["meet"].date_basis and "on or before 2023-09-16" in bounded["meet"].date_basis
    # "… by meeting Putin, followed by a visit to a plant": the plant, told as
    # following the bounded meeting in its sentence, is bounded too.
    tellings = [_told("greet", "a", 0, 0), _told("meet", "a", 300, 1, order="before"),
                _told("plant", "a", 350, 1, order="after")]
    steps = build_timeline([meet, plant, greet], tellings, {})
    assert [s.event for s in steps] == ["meet", "plant", "greet"]
    bounded = bound_earlier([meet, plant, greet], tellings, steps)
    assert bounded["plant"].latest == "2023-09-16" and bounded["plant"].earliest is None


def test_one_days_events_follow_an_after_clause_of_their_sentence() -> None:
    """"The port reopened on Tuesday after the quake hit the city": both dated
    Tuesday by other tellings, the quake first though told second."""
    port = _ev("port", "reopen", ("patient", CITY, "port"), day="2026-03-10")
    quake = _ev("quake", "hit", ("patient", CITY, "city"), day="2026-03-10")
    tellings = [_told("port", "a", 0, 0), _told("quake", "a", 40, 0, order="before")]
    assert [s.event for s in build_timeline([port, quake], tellings, {})] == ["quake", "port"]


def test_consequences_follow_their_cause_before_other_articles_steps() -> None:
    """"struck Chile …, killing two people" (article b) stays together, though
    article a, ranked first, tells the port reopening right after the quake."""
    day = "2026-03-10"
    quake = _ev("quake", "hit", ("patient", "chile", "Chile"), day=day)
    port = _ev("port", "reopen", ("patient", None, "the port"), day=day)
    deaths = _ev("deaths", "kill", ("patient", None, "two people"), day=day)
    tellings = [_told("port", "a", 0, 0), _told("quake", "a", 50, 0),
                _told("quake", "b", 0, 0, rank=1), _told("deaths", "b", 40, 0, rank=1)]
    # The port follows the quake by the clause's cue in article a.
    tellings[0] = replace(tellings[0], order="after")
    steps = build_timeline([quake, port, deaths], tellings, {})
    assert [s.event for s in steps] == ["quake", "deaths", "port"]


def test_a_period_cue_goes_before_the_narratives_earlier_steps() -> None:
    day = "2023-09-16"
    arrive = _ev("arrive", "arrive", ("agent", KIM, "K"), day=day)
    meeting = _ev("meeting", "meet", ("agent", KIM, "K"), ("patient", PUTIN, "P"))
    deploy = _ev("deploy", "deploy", ("agent", "us", "US"))
    tellings = [_told("meeting", "a", 100, 1, order="before"), _told("arrive", "a", 0, 0),
                replace(_told("deploy", "b", 0, 0, rank=1, order="before"), remote=True)]
    steps = build_timeline([arrive, meeting, deploy], tellings, {})
    assert [s.event for s in steps] == ["deploy", "meeting", "arrive"]


def test_an_undated_step_is_on_or_before_its_reports_publication() -> None:
    opened = _ev("opened", "open", ("agent", "pt", "Portugal"), day="2026-03-09")
    travel = _ev("travel", "travel", ("agent", "ana", "Ana Ferreira"))
    frame = _ev("frame", "visit", ("agent", KIM, "K"), ("patient", RUSSIA, "Russia"))
    tellings = [_told("opened", "a", 0, 0), _told("travel", "a", 100, 1),
                _told("travel", "b", 0, 0, rank=1), _told("frame", "a", 200, 2)]
    steps = build_timeline([opened, travel, frame], tellings, {"frame": (None, "the trip")})
    out = bound_by_publication([opened, travel, frame], tellings, steps,
                               {"a": "2026-03-10", "b": None})
    assert set(out) == {"travel"}, "a dated step and a trip frame keep what they have"
    bounded = out["travel"]
    assert (bounded.date, bounded.earliest, bounded.latest) == (None, None, "2026-03-10")
    assert bounded.date_basis == (
        "on or before 2026-03-10: told as done in “a”, published 2026-03-10")
