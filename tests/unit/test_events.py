"""Event mentions from the parse, and their merging into a story's events."""

from __future__ import annotations

from typing import Any

import pytest

from storyline.analyse import event_rejoin
from storyline.analyse import events as events_module
from storyline.analyse.entities import resolve_entities
from storyline.analyse.equipment_kinds import add_equipment_kinds
from storyline.analyse.event_coref_weights import THRESHOLD
from storyline.analyse.events import build_events, event_mentions
from storyline.analyse.places import locate_places
from storyline.model import AnnotatedArticle, Article, article_id
from storyline.nlp.annotate import annotate_doc
from storyline.nlp.pipeline import get_nlp


def _annotate(text: str, published: str | None = None) -> AnnotatedArticle:
    return annotate_doc(Article(id=article_id(text), text=text, published=published),
                        get_nlp()(text))


def _roles(ann: AnnotatedArticle, cls: str) -> dict[str, set[str]]:
    (ev,) = [e for e in ann.events if e.event_class == cls]
    out: dict[str, set[str]] = {}
    for a in ev.arguments:
        name = ann.mentions[a.mention].text if a.mention is not None else a.head
        out.setdefault(a.role, set()).add(name)
    return out


def test_passive_greeting_has_agent_and_patient() -> None:
    ann = _annotate("Kim Jong Un landed in Moscow. He was greeted by Sergei Shoigu.")
    roles = _roles(ann, "greet")
    assert roles["agent"] == {"Sergei Shoigu"}
    assert roles["patient"] == {"Kim Jong Un"}, "the pronoun is the person named before"


def test_shown_passive_makes_a_recipient() -> None:
    ann = _annotate("Kim Jong Un was shown the Tu-160 and the Tu-95 by Sergei Shoigu.")
    roles = _roles(ann, "show")
    assert roles["recipient"] == {"Kim Jong Un"}
    assert {"Tu-160", "Tu-95"} <= roles["patient"]


def test_visit_that_follows_a_clause_is_done_by_its_subject() -> None:
    ann = _annotate(
        "Marta Kowalska opened the fair in Gdansk, followed by a visit to a shipyard "
        "in Gdynia."
    )
    (visit,) = [e for e in ann.events if e.event_class == "visit"]
    agents = {ann.mentions[a.mention].text for a in visit.arguments
              if a.role == "agent" and a.mention is not None}
    assert agents == {"Marta Kowalska"}
    assert visit.order == "after"


def test_meeting_with_place_and_date() -> None:
    ann = _annotate("Kim Jong Un met Vladimir Putin in Vladivostok on Wednesday.",
                    "2023-09-16")
    (ev,) = [e for e in ann.events if e.event_class == "meet"]
    assert ev.time is not None and ann.times[ev.time].value == "2023-09-13"
    assert any(a.role == "location" for a in ev.arguments)


def test_negated_and_planned_are_marked() -> None:
    ann = _annotate("Putin will visit Pyongyang. Kim did not sign the treaty.")
    mods = {e.lemma: e.modality for e in ann.events if e.event_class}
    assert mods["visit"] == "planned" and mods["sign"] == "negated"


def test_event_mentions_give_trigger_offsets() -> None:
    ann = _annotate("Police arrested the suspect after he attacked a guard.")
    found = event_mentions(ann)
    assert {m.text for m in found} >= {"arrested", "attacked"}
    assert all(ann.article.text[m.start : m.end] == m.text for m in found)
    assert [m.event_class for m in found if m.text == "attacked"] == ["attack"]


def test_same_event_in_two_articles_is_merged_and_dated() -> None:
    a = _annotate("On Saturday, Sergei Shoigu greeted Kim Jong Un at Knevichi airfield.",
                  "2023-09-16")
    b = _annotate("At Knevichi airfield, Kim Jong Un was greeted by Sergei Shoigu.")
    res = resolve_entities([a, b])
    out = build_events("s0000000000000000", [a, b], res.mention_entity, res.entities)
    greets = [e for e in out.events if e.type == "greet"]
    assert len(greets) == 1
    (ev,) = greets
    assert {s.article for s in ev.sources} == {a.article.id, b.article.id}
    assert ev.date == "2023-09-16"
    assert out.published_estimates[b.article.id].date == "2023-09-16"
    assert [t.event for t in out.timeline] == [ev.id]


def test_different_agents_stay_apart() -> None:
    a = _annotate("Oleg Kozhemyako greeted Kim Jong Un in Artyom.")
    b = _annotate("Sergei Shoigu greeted Kim Jong Un at Knevichi airfield.")
    res = resolve_entities([a, b])
    out = build_events("s0000000000000000", [a, b], res.mention_entity, res.entities)
    assert len([e for e in out.events if e.type == "greet"]) == 2


def test_narrative_date_carries_only_into_continuing_paragraphs() -> None:
    a = _annotate(
        "On Saturday, Sergei Shoigu greeted Kim Jong Un in Artyom.\n\n"
        "Kim Jong Un was also shown the Tu-160 by Sergei Shoigu.\n\n"
        "Kim Jong Un met Vladimir Putin in Moscow.",
        "2023-09-16",
    )
    res = resolve_entities([a])
    out = build_events("s0000000000000000", [a], res.mention_entity, res.entities)
    by_type = {e.type: e for e in out.events}
    assert by_type["greet"].date == "2023-09-16"
    assert by_type["show"].date == "2023-09-16"
    assert "narrative date" in (by_type["show"].date_basis or "")
    assert by_type["meet"].date is None, "a new paragraph with no cue does not inherit it"
    steps = {t.event: t for t in out.timeline}
    meet = steps[by_type["meet"].id]
    assert (meet.relation, meet.relative_to) == ("after", by_type["show"].id)
    assert [t.event for t in out.timeline][-1] == by_type["meet"].id


def test_undated_article_events_stay_undated() -> None:
    a = _annotate("On Saturday, Sergei Shoigu greeted Kim Jong Un in Artyom.")
    res = resolve_entities([a])
    out = build_events("s0000000000000000", [a], res.mention_entity, res.entities)
    (greet,) = [e for e in out.events if e.type == "greet"]
    assert greet.date is None and greet.earliest is None
    assert a.times[0].value is None and "no publication date" in a.times[0].basis
    assert out.published_estimates == {}, "no other article and no stated date: no estimate"


def test_times_and_events_survive_the_store_round_trip() -> None:
    a = _annotate("On Saturday, Sergei Shoigu greeted Kim Jong Un in Artyom.", "2023-09-16")
    assert a.times and any(e.arguments for e in a.events)
    assert AnnotatedArticle.from_dict(a.to_dict()) == a


def _patient_words(ann: AnnotatedArticle, cls: str) -> list[str]:
    (ev,) = [e for e in ann.events if e.event_class == cls]
    return [ann.article.text[a.start : a.end] for a in ev.arguments if a.role == "patient"]


def test_unnamed_patient_is_its_noun_phrase() -> None:
    ann = _annotate("Kim proceeded to inspect a guard of honour, marking the start of his visit.")
    assert _patient_words(ann, "inspect") == ["a guard of honour"]


def test_a_range_of_assets_is_the_assets() -> None:
    ann = _annotate("Kim Jong Un visited Russia, where he inspected a range of military "
                    "assets, including strategic bombers.")
    (ev,) = [e for e in ann.events if e.event_class == "inspect"]
    (patient,) = [a for a in ev.arguments if a.role == "patient"]
    assert patient.head == "asset"
    assert ann.article.text[patient.start : patient.end] == "military assets"


def test_a_named_ferry_is_a_vessel() -> None:
    ann = _annotate("The passenger ferry Nordic Star struck the cargo ship Kestrel Bay in Rostock.")
    kinds = {m.text: (m.type, m.label) for m in ann.mentions}
    assert kinds["Nordic Star"] == ("EQUIPMENT", "VESSEL")
    (ev,) = [e for e in ann.events if e.event_class in ("attack", "hit", "collide")]
    assert ev.event_class == "collide", "a ship striking a ship collides, it does not attack"


def test_an_earthquake_striking_stays_an_impact() -> None:
    ann = _annotate("A magnitude 6.8 earthquake struck northern Chile on Monday.")
    assert [e.event_class for e in ann.events if e.lemma == "strike"] == ["hit"]


def test_leaving_people_injured_is_no_departure() -> None:
    ann = _annotate("The ferry collided with a cargo vessel in Rostock, leaving 42 people "
                    "injured.\n\nThe floods left 3,000 people homeless.\n\n"
                    "The ferry left Trelleborg on Thursday.")
    assert [e.text for e in ann.events if e.event_class == "depart"] == ["left"]
    (crash,) = [e for e in ann.events if e.event_class == "collide"]
    assert [a.head for a in crash.arguments if a.role == "patient"] == ["vessel"]


def test_one_collision_told_four_ways_is_one_event() -> None:
    # "rammed a moored cargo ship", "hit the Kestrel Bay", "collided with a cargo
    # vessel", "the ferry struck ... Kestrel Bay": ship and vessel are one kind,
    # "the ferry" is the one the article calls a ferry.
    a = _annotate("The ferry Nordic Star rammed a moored cargo ship in Rostock on Friday. "
                  "The Nordic Star hit the Kestrel Bay, a freighter.", "2026-03-13")
    b = _annotate("The passenger ferry Nordic Star collided with a cargo vessel in Rostock "
                  "on Friday.\n\nThe ferry struck the side of the general cargo ship "
                  "Kestrel Bay.", "2026-03-13")
    res = locate_places(resolve_entities([a, b]))
    out = build_events("s0000000000000000", [a, b], res.mention_entity, res.entities)
    crashes = [e for e in out.events if e.type == "collide"]
    assert len(crashes) == 1 and len(crashes[0].triggers) == 4, [e.summary for e in crashes]
    assert crashes[0].date == "2026-03-13"


def test_undated_report_takes_the_day_of_the_scene_the_dated_one_tells() -> None:
    """Invented text: the undated report's arrival and greeting at the airfield sit in
    the scene where the dated report puts the Tu-160 on Saturday."""
    a = _annotate("On Saturday at Knevichi airfield, Sergei Shoigu showed the Tu-160 to "
                  "Kim Jong Un.\n\nKim Jong Un was scheduled to visit naval ships in "
                  "Vladivostok later during his trip.", "2023-09-16")
    b = _annotate("Kim Jong Un arrived at Knevichi airfield.\n\nHe was greeted by Sergei "
                  "Shoigu at Knevichi airfield.\n\nAt Knevichi airfield, Sergei Shoigu showed "
                  "the Tu-160 to Kim Jong Un.\n\nKim Jong Un inspected the frigate "
                  "Marshal Shaposhnikov in Vladivostok.")
    res = locate_places(resolve_entities([a, b]))
    out = build_events("s0000000000000000", [a, b], res.mention_entity, res.entities)
    by_type = {e.type: e for e in out.events}
    for t in ("arrive", "greet"):
        assert by_type[t].date == "2023-09-16", by_type[t].summary
        assert (by_type[t].date_basis or "").startswith("same scene as")
    frigate = by_type["inspect"]
    assert frigate.summary == (
        "Kim Jong Un inspected the frigate Marshal Shaposhnikov in Vladivostok")
    assert (frigate.earliest, frigate.latest, frigate.date) == ("2023-09-16", None, None)
    order = [t.event for t in out.timeline]
    assert order.index(by_type["arrive"].id) < order.index(by_type["show"].id)
    assert order.index(by_type["show"].id) < order.index(frigate.id)


def _two_reports(
    first: str, second: str, monkeypatch: pytest.MonkeyPatch, sure: bool = False,
) -> tuple[list[tuple[str, int]], float]:
    """Events (class, tellings) of two one-sentence reports, and the best pair
    probability the scorer pass gave.  ``sure``: every pair the scorer pass
    scores gets 0.9, so that what is tested is the rejoin's classes and veto,
    not where the fitted weights put one invented pair."""
    seen: list[float] = []

    def spy(*args: Any, **kwargs: Any) -> dict[tuple[int, int], float]:
        links = event_rejoin.scored_links(*args, **kwargs)
        if sure:
            links = dict.fromkeys(links, 0.9)
        seen.extend(links.values())
        return links

    monkeypatch.setattr(events_module, "scored_links", spy)
    a, b = _annotate(first, "2023-09-18"), _annotate(second, "2023-09-18")
    res = resolve_entities([a, b])
    out = build_events("s0000000000000000", [a, b], res.mention_entity, res.entities)
    return sorted((e.type, len(e.triggers)) for e in out.events), max(seen, default=0.0)


def _fly_and_arrive(
    flew: str, arrived: str, monkeypatch: pytest.MonkeyPatch
) -> tuple[list[tuple[str, int]], float]:
    return _two_reports(
        f"Kim Jong Un flew to Knevichi Airfield near Vladivostok{flew}.",
        f"{arrived} Kim Jong Un arrived at Knevichi Airfield near Vladivostok.", monkeypatch,
        sure=True)


def test_scorer_joins_one_movement_told_with_two_classes(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # "flew to" (travel) and "arrived at" (arrive): one movement, same person,
    # place and day; the merged event is the arrival, where the movement ended.
    got, best = _fly_and_arrive(" on Saturday", "On Saturday", monkeypatch)
    assert best >= THRESHOLD
    assert got == [("arrive", 2)]


def test_travel_to_and_arrival_at_one_place_are_one_movement(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The rules join them even where the scorer gives the pair little weight
    # (no shared date): same mover, same named destination, nothing clashing.
    got, _ = _two_reports("Kim Jong Un proceeded to Knevichi Airfield near Vladivostok.",
                          "Kim Jong Un arrived at Knevichi Airfield.", monkeypatch)
    assert got == [("arrive", 2)]
    got, _ = _two_reports("Kim Jong Un proceeded to Knevichi Airfield near Vladivostok.",
                          "Kim Jong Un arrived in Artyom.", monkeypatch)
    assert got == [("arrive", 1), ("travel", 1)], "two destinations are two movements"
    got, _ = _two_reports("Kim Jong Un proceeded to Knevichi Airfield.",
                          "Sergei Shoigu arrived at Knevichi Airfield.", monkeypatch)
    assert got == [("arrive", 1), ("travel", 1)], "two movers are two movements"


def test_scorer_join_refused_when_dates_clash(monkeypatch: pytest.MonkeyPatch) -> None:
    got, best = _fly_and_arrive(" on September 16", "On September 14", monkeypatch)
    assert best >= THRESHOLD, "the scorer alone would join them"
    assert got == [("arrive", 1), ("travel", 1)]


def test_rejoin_is_average_link_with_a_veto() -> None:
    links = {(0, 2): 0.9, (1, 2): 0.0, (3, 4): 0.8}
    # {0,1} and {2}: mean 0.45 joins; {3} and {4} conflict and stay apart.
    got = event_rejoin.rejoin([[0, 1], [2], [3], [4]], links,
                              lambda xs, ys: {*xs, *ys} == {3, 4}, threshold=0.35)
    assert sorted(got) == [[0, 1, 2], [3], [4]]
    got = event_rejoin.rejoin([[0, 1], [2]], {(0, 2): 0.6}, lambda xs, ys: False,
                              threshold=0.35)
    assert sorted(got) == [[0, 1], [2]], "a pair never scored counts 0 in the mean"


def test_scorer_join_refused_when_roles_are_swapped(monkeypatch: pytest.MonkeyPatch) -> None:
    # One who was fired and the same one firing a round: alike in words,
    # person and place, but who acts and who is acted on swap.
    got, best = _two_reports("Police said Anthony LaCalamita was fired on Thursday in Troy.",
                             "Anthony LaCalamita fired one round at the receptionist in Troy.",
                             monkeypatch)
    assert best >= THRESHOLD, "the scorer alone would join them"
    assert got == [("launch", 1), ("launch", 1)]


def test_a_guard_of_honour_and_a_watched_demonstration_are_not_the_frigate() -> None:
    # Unnamed "a guard of honour" is of no kind the frigate is; "a demonstration"
    # is a happening watched: three inspections, not one.
    a = _annotate("Kim Jong Un inspected a guard of honour.\n\nKim Jong Un inspected the "
                  "frigate Marshal Shaposhnikov in Vladivostok. He also observed a "
                  "demonstration of missile control systems.")
    res = locate_places(add_equipment_kinds(resolve_entities([a]), [a]))
    out = build_events("s0000000000000000", [a], res.mention_entity, res.entities)
    got = sorted(e.summary for e in out.events if e.type == "inspect")
    assert len(got) == 3, got


def test_opening_heading_and_a_misread_main_verb() -> None:
    ann = _annotate("Portugal's longest railway tunnel opened on Monday.\n\n"
                    "Portugal opened the Alvão railway tunnel on Monday.\n\n"
                    "Troops opened fire on the crowd.\n\n"
                    "Paula Sequeira heads the chamber of commerce.\n\n"
                    "A Skyline Cargo Airbus A330-200F carrying 88,000 pounds of freight "
                    "diverted to Shannon Airport on Sunday.")
    opened = [e for e in ann.events if e.event_class == "open"]
    assert len(opened) == 2, "opening fire opens nothing"
    assert [a.role for a in opened[0].arguments if a.head == "tunnel"] == ["patient"]
    assert not [e for e in ann.events if e.event_class == "travel"]
    (divert,) = [e for e in ann.events if e.event_class == "divert"]
    agents = [ann.mentions[a.mention].text for a in divert.arguments
              if a.role == "agent" and a.mention is not None]
    assert agents and "A330-200F" in agents[0], "the freighter diverted, not the freight"


def test_a_name_ending_in_a_common_noun_takes_the() -> None:
    from storyline.analyse.event_text import display_name

    assert display_name("Alvão railway tunnel", "FACILITY") == "the Alvão railway tunnel"
    assert display_name("Primorsky region", "PLACE") == "the Primorsky region"
    assert display_name("Knevichi Airfield", "FACILITY") == "Knevichi Airfield"
    assert display_name("Lamas de Olo", "PLACE") == "Lamas de Olo"


def _say_time(ann: AnnotatedArticle) -> str | None:
    (say,) = [e for e in ann.events if e.event_class == "say"]
    return ann.times[say.time].text if say.time is not None else None


def test_a_time_in_the_reported_clause_does_not_date_the_saying() -> None:
    reported = _annotate("Minister Petra Kos said the study would begin next month.",
                         published="2026-03-12")
    assert _say_time(reported) is None
    joined = _annotate("The funds will come from Brussels, Minister Petra Kos said, and "
                       "construction could begin in 2027.", published="2026-03-12")
    assert _say_time(joined) is None
    own = _annotate("Minister Petra Kos said last week that the deal was close.",
                    published="2026-03-12")
    assert _say_time(own) == "last week", "a time on the saying itself still dates it"


def test_a_named_province_is_the_place_acted_on() -> None:
    ann = _annotate("An earthquake of magnitude 5.9 shook Denizli province in western "
                    "Turkey on Thursday.", published="2026-03-12")
    (hit,) = [e for e in ann.events if e.event_class == "hit"]
    patients = [a for a in hit.arguments if a.role == "patient"]
    assert [ann.mentions[a.mention].text for a in patients if a.mention is not None] == [
        "Denizli"]
    agent = next(a for a in hit.arguments if a.role == "agent")
    assert ann.article.text[agent.start:agent.end] == "An earthquake of magnitude 5.9"


def test_a_placed_dated_happening_to_unnamed_people_is_an_event() -> None:
    a = _annotate(
        "About 300 residents were evacuated from Melbourne on Sunday as the fire spread.\n\n"
        "Years ago, many residents were evacuated from Melbourne.",
        "2026-03-09",
    )
    res = resolve_entities([a])
    out = build_events("s0000000000000000", [a], res.mention_entity, res.entities)
    evacuations = [e for e in out.events if e.type == "evacuate"]
    assert len(evacuations) == 1, "the undated one may be background"
    (ev,) = evacuations
    assert ev.date == "2026-03-08"
    assert ev.summary == "About 300 residents were evacuated from Melbourne"


def test_it_striking_after_a_named_ship_is_that_ship_colliding() -> None:
    ann = _annotate("Inspectors said on Tuesday they were examining the speed of the ferry "
                    "Baltic Queen when it struck a fishing boat the previous evening.",
                    "2026-05-13")
    (hit,) = [e for e in ann.events if e.lemma == "strike"]
    assert hit.event_class == "collide"
    assert _roles(ann, "collide")["agent"] == {"Baltic Queen"}
    assert hit.time is not None and ann.times[hit.time].value == "2026-05-11"


def test_a_step_back_in_time_dates_its_event_only() -> None:
    a = _annotate("Inspectors said on Tuesday they were examining the speed of the ferry "
                  "Baltic Queen when it struck a fishing boat the previous evening.",
                  "2026-05-13")
    res = resolve_entities([a])
    out = build_events("s0000000000000000", [a], res.mention_entity, res.entities)
    dates = {e.type: e.date for e in out.events}
    assert dates["collide"] == "2026-05-11"
    assert dates["inspect"] == "2026-05-12", "the narrative stays at Tuesday"


def test_envoys_from_named_countries_act_for_them() -> None:
    ann = _annotate("Trade ministers from Peru and Bolivia signed an accord on Monday.")
    assert _roles(ann, "sign") == {"agent": {"Peru", "Bolivia"}, "patient": {"accord"}}


def test_a_participle_on_its_noun_makes_the_noun_the_patient() -> None:
    ann = _annotate("The treaty signed in Lima on Friday by Peru, Chile and Bolivia commits "
                    "the three governments to the corridor.")
    assert _roles(ann, "sign") == {"patient": {"treaty"}, "agent": {"Peru", "Chile", "Bolivia"},
                                   "location": {"Lima"}}
    visit = _annotate("The visit, accompanied by the French foreign minister, ended early.")
    assert not [e for e in visit.events if e.event_class == "accompany" and any(
        a.role == "patient" for a in e.arguments)], "a visit is not escorted"


def test_the_port_of_a_town_reopening_is_placed_there_and_reads_actively() -> None:
    a = _annotate("The port of Valparaiso reopened on Tuesday evening after a storm hit "
                  "Chile.", "2026-05-13")
    res = resolve_entities([a])
    out = build_events("s0000000000000000", [a], res.mention_entity, res.entities)
    (reopen,) = [e for e in out.events if e.type == "reopen"]
    names = {e.id: e.name for e in res.entities}
    assert names[reopen.location or ""] == "Valparaiso"
    assert reopen.summary == "The port of Valparaiso reopened"
    assert reopen.date == "2026-05-12"
    (storm,) = [e for e in out.events if e.type == "hit"]
    order = [t.event for t in out.timeline]
    assert order.index(storm.id) < order.index(reopen.id), "reopened after the storm hit"


def test_backed_by_helicopters_is_no_approval() -> None:
    ann = _annotate("Two hundred firefighters, backed by water-bombing helicopters and a "
                    "C-130 Hercules tanker, fought the blaze near Lorne.")
    assert not [e for e in ann.events if e.event_class == "approve"]


def test_a_statement_dated_last_week_is_not_this_weeks_statement() -> None:
    a = _annotate("Finance Minister Ana Lima said last week that the budget was tight.",
                  "2026-05-13")
    b = _annotate("Finance Minister Ana Lima told the summit that the budget was tight.",
                  "2026-05-13")
    c = _annotate("Finance Minister Ana Lima said the budget was very tight.", "2026-05-12")
    d = _annotate("Finance Minister Ana Lima said the harbour would be dredged.", "2026-05-13")
    res = resolve_entities([a, b, c, d])
    out = build_events("s0000000000000000", [a, b, c, d], res.mention_entity, res.entities)
    says = {e.sources[0].quote: len(e.sources) for e in out.events if e.type == "say"}
    assert sorted(says.values()) == [1, 1, 2], "this week's two tellings are one statement"
    assert says[d.article.text] == 1, "what she said of the harbour is another statement"


def test_by_sunday_a_forced_evacuation_joins_the_dated_one() -> None:
    """"By Sunday it had forced the evacuation of up to 400 people from Melbourne":
    the noun is the event, the verb that governs it passes its time, "by" makes
    it on or before Sunday, and unnamed people of two tellings may be one."""
    a = _annotate("About 400 residents were evacuated from Melbourne on Sunday as the fire "
                  "spread.", "2026-03-09")
    b = _annotate("By Sunday the fire had forced the evacuation of up to 400 people from "
                  "Melbourne.", "2026-03-10")
    (noun,) = [e for e in b.events if e.event_class == "evacuate"]
    assert noun.pos == "NOUN" and noun.time is not None
    res = resolve_entities([a, b])
    out = build_events("s0000000000000000", [a, b], res.mention_entity, res.entities)
    (ev,) = [e for e in out.events if e.type == "evacuate"]
    assert {s.article for s in ev.sources} == {a.article.id, b.article.id}
    assert ev.date == "2026-03-08"


def test_a_statement_told_with_a_participle_keeps_its_verb() -> None:
    a = _annotate("Expressing admiration for the new jets, Ana Lima praised the engineers.")
    res = resolve_entities([a])
    out = build_events("s0000000000000000", [a], res.mention_entity, res.entities)
    (say,) = [e.summary for e in out.events if e.type == "say"]
    assert say.endswith("Lima expressed admiration"), say


def test_a_person_keeps_one_part_in_one_event() -> None:
    a = _annotate("Jacinda Ardern began her visit by meeting Emmanuel Macron at the Elysee "
                  "Palace. Macron and Ardern discussed climate policy during their meeting.",
                  "2026-05-13")
    res = resolve_entities([a])
    out = build_events("s0000000000000000", [a], res.mention_entity, res.entities)
    (meet,) = [e for e in out.events if e.type == "meet"]
    assert len(meet.sources) == 2
    parts = [(p.role, p.entity) for p in meet.roles if p.entity]
    assert len(parts) == len({ent for _, ent in parts}), parts


def test_deploying_is_done_by_the_owner_of_the_effort_and_cued_earlier() -> None:
    ann = _annotate(
        "Diplomats defended Moscow, given America's own efforts to strengthen alliances "
        "worldwide, including deploying a nuclear-armed submarine to South Korea earlier "
        "this year.")
    (ev,) = [e for e in ann.events if e.event_class == "deploy"]
    roles = _roles(ann, "deploy")
    assert roles["agent"] == {"America"}
    assert roles["location"] == {"South Korea"}
    assert "submarine" in roles["patient"]
    assert ev.order == "before", "“earlier this year” puts it before the narrative"


def test_a_gerund_without_an_owner_has_no_agent() -> None:
    ann = _annotate("Troops were ready for deploying to the border region of Kursk.")
    roles = _roles(ann, "deploy")
    assert "agent" not in roles


def test_a_result_participle_takes_the_place_and_day_of_its_main_clause() -> None:
    ann = _annotate(
        "An earthquake shook Denizli province in western Turkey on Thursday, killing two "
        "people and injuring 18.", published="2026-03-12")
    by_class = {e.event_class: e for e in ann.events if e.event_class}
    shook, killing, injuring = by_class["hit"], by_class["kill"], by_class["injure"]
    assert shook.time is not None and killing.time == injuring.time == shook.time
    for ev in (killing, injuring):
        (where,) = [a for a in ev.arguments if a.role == "location"]
        assert where.mention is not None
        assert ann.mentions[where.mention].text in {"Denizli", "Turkey"}
    assert not any(a.role == "agent" and a.mention is not None for a in killing.arguments)


def test_a_killing_with_a_named_attacker_stays_an_attack() -> None:
    ann = _annotate("Hamas killed two soldiers in Gaza on Monday, the army said.")
    classes = {e.event_class for e in ann.events if e.lemma == "kill"}
    assert classes == {"attack"}


@pytest.mark.parametrize(
    ("text", "deployed"),
    [
        ("The emergencies ministry sent a Be-200 amphibious aircraft to Shtykovo.", True),
        ("The bureau said it had sent a team to Rostock.", True),
        ("He sent a letter to Putin on Monday.", False),  # a letter is no deployment
        ("About 1,200 tents were being sent to Buldan.", False),
    ],
)
def test_sending_a_body_of_people_or_a_vehicle_is_a_deployment(text: str,
                                                                deployed: bool) -> None:
    ann = _annotate(text, published="2026-03-11")
    (send,) = [e for e in ann.events if e.lemma == "send"]
    assert (send.event_class == "deploy") is deployed


def test_what_was_done_during_past_crises_is_a_habit_not_news() -> None:
    ann = _annotate("The U.S. has sent firefighters to help Australia during past crises.")
    (send,) = [e for e in ann.events if e.lemma == "send"]
    assert send.event_class == "deploy" and send.modality == "generic"
