"""A story's timeline: trip frames, dates carried through scenes and plans, and order.

After the events of a story are merged (analyse/events.py), three readings a
careful reader makes are applied, each leaving its basis in words:

1. **Frames** (relation ``spans``): an undated visit to a country or region
   ("visited Russia", "visited Russia's Far East") while the same people's other
   events happen at several other places of that country is the trip those
   events belong to, not a step before them.  An undated event placed at the
   frame's own area ("where he inspected a range of military assets") sums the
   trip up, and an undated, placeless "accompanied" lasts as long as the trip;
   both span the frame too.  Frames head the timeline.
2. **Scenes**: an article tells one scene while it stays at one place.  Each
   telling's place is its event's place, or, when it has none, the one place
   told in its paragraph; consecutive tellings at one place are a scene, and
   when the dated events of a scene agree on one day, its undated events take
   that day (an undated article's arrival at the airfield where another article
   dates the bombers shown).  A telling with an ordering cue ("later") keeps none.
3. **Plans**: "was scheduled to visit naval ships in Vladivostok later" in an
   article published on day D means the visit came on or after D; an undated
   event with the same agent and place, of a compatible class, whose patient
   matches (one entity, one head noun, or a ship noun for a named vessel) gets
   ``earliest`` D and no ``latest``.

4. **Nested trips**: two frames of the same people where one's area lies in the
   other's country ("Russia's Far East", "Russia") are one trip
   (``nested_trips``; analyse/events.py joins them at the wider place).
5. **Arrivals**: an undated event at a place its people first came near (within
   ARRIVAL_RADIUS_KM) by an arrival dated D happened on or after D ("during his
   stay in Vladivostok" after "arrived in Artyom on Saturday").
6. **Places of scenes** (``place_scenes``): a placeless event takes the one place
   its paragraph tells, else the place of the event told just before it in its
   paragraph with a person in common ("… where he was given a tour of the
   bombers.  Shoigu introduced Kim to the Kinzhal").
7. **Earlier bound** (``bound_earlier``): an undated event cued as earlier than
   the first dated step ("began his visit by meeting …") is on or before its day.

Order: frames first; then dated events by date, an arrival before what happens
to its people at that place that day, events of one day in the order
their articles tell them (the tellings of all articles merged, so an article
that only tells the airfield scene slots it before the bombers another article
dates); an undated event right after the dated event its article told last
before it, or before the next one, or before all dated events when it carries a
"before" cue ("began his visit by meeting …"), or right after an event of its
own sentence when told as following it ("…, followed by a visit to …").
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace

from storyline.geo.records import haversine_km
from storyline.model import Entity, Event, TimelineEntry

_NO_TIMELINE = frozenset({"say"})
_AREA_FEATURES = frozenset({"country", "region", "continent", "area"})
_SEEING = frozenset({"visit", "inspect", "attend"})
_CONSEQUENCES = frozenset({"kill", "injure", "damage"})
_SHIP_NOUNS = frozenset({"ship", "vessel", "warship", "frigate", "destroyer", "cruiser",
                         "submarine", "boat", "ferry", "carrier", "corvette", "fleet"})


@dataclass(frozen=True)
class Telling:
    """One article's telling of an event, as the timeline needs it."""

    event: str
    article: str
    title: str
    rank: int  # the article's place in the story (dated first, by date)
    start: int
    sentence: int
    paragraph: int
    order: str | None  # "before" / "after" cue of this telling
    quote: str = ""
    # The "before" cue is a period ("earlier this year"): further back than the steps
    # a narrative tells as earlier ("began his visit by meeting …").
    remote: bool = False


@dataclass(frozen=True)
class Plan:
    """A planned event told by a dated article, as a lower bound on when it happened."""

    cls: str
    agents: frozenset[str]
    location: str
    patients: frozenset[str]  # entity ids and "w:head" words
    earliest: str
    basis: str


def _day(e: Event) -> str | None:
    return e.earliest if e.earliest and e.earliest == e.latest else None


def _agents(e: Event) -> set[str]:
    return {p.entity for p in e.roles if p.role == "agent" and p.entity}


def _people(e: Event) -> set[str]:
    return {p.entity for p in e.roles if p.entity}


# --------------------------------------------------------------------- frames


def find_frames(events: Sequence[Event], entities: Mapping[str, Entity]) -> dict[str, tuple[
    str | None, str
]]:
    """Event id → (frame id it spans or None for a frame itself, basis)."""
    on = [e for e in events if e.type not in _NO_TIMELINE]
    out: dict[str, tuple[str | None, str]] = {}
    for e in on:
        area = entities.get(e.location or "")
        if e.type != "visit" or e.earliest or area is None or not _is_area(area):
            continue
        if not any(p.role == "patient" and p.entity == area.id for p in e.roles):
            continue  # "visited a plant in …" is a stop, not the trip
        who = _agents(e)
        stops = {
            o.location for o in on
            if o.id != e.id and o.location and o.location != area.id and who & _people(o)
        }
        inside = [entities[s] for s in stops if s in entities]
        if len(stops) < 2 or (area.country and any(
            s.country and s.country != area.country for s in inside
        )):
            continue
        named = ", ".join(sorted(entities[s].name for s in stops if s in entities)[:4])
        # The sentence that first tells the trip, as the reader meets it.
        told = f" (“{e.sources[0].quote.strip()}”)" if e.sources else ""
        out[e.id] = (None, f"the trip the story's other events belong to{told}: they happen "
                           f"at other places of {area.name} ({named})")
    for e in on:
        if e.id in out or e.earliest:
            continue
        for fid, _ in [(k, v) for k, v in out.items() if v[0] is None]:
            frame = next(f for f in on if f.id == fid)
            if e.location and e.location == frame.location and _people(e) & _agents(frame):
                out[e.id] = (fid, f"told of the whole trip, at {entities[e.location].name}")
                break
            patients = {p.entity for p in e.roles if p.role == "patient" and p.entity}
            if e.type == "accompany" and not e.location and patients & _agents(frame):
                out[e.id] = (fid, "accompanying lasts as long as the trip")
                break
    return out


def nested_trips(
    events: Sequence[Event], frames: Mapping[str, tuple[str | None, str]],
    entities: Mapping[str, Entity],
) -> dict[str, str]:
    """Frame id → the frame it is part of: two trips of the same people where one's
    area lies in the other's country ("visited Russia's Far East" and "visited
    Russia") are one trip told at two scales."""
    by_id = {e.id: e for e in events}
    tops = [by_id[k] for k, (parent, _) in frames.items() if parent is None and k in by_id]
    out: dict[str, str] = {}
    for inner in tops:
        place = entities.get(inner.location or "")
        if place is None or not place.country:
            continue
        for outer in tops:
            area = entities.get(outer.location or "")
            if (outer.id == inner.id or area is None or area.id == place.id
                    or area.feature != "country" or area.country != place.country
                    or not _agents(inner) & _agents(outer) or outer.id in out):
                continue
            out[inner.id] = outer.id
            break
    return out


def _is_area(place: Entity) -> bool:
    if place.type != "PLACE":
        return False
    return place.feature in _AREA_FEATURES or (place.feature is None and place.lat is None)


# --------------------------------------------------------------------- scenes


def date_scenes(
    events: Sequence[Event], tellings: Sequence[Telling], skip: set[str],
    names: Mapping[str, str],
) -> dict[str, Event]:
    """Undated events that take the one day of the scene they are told in."""
    by_id = {e.id: e for e in events}
    out: dict[str, Event] = {}
    per_article: dict[str, list[Telling]] = defaultdict(list)
    for t in tellings:
        ev = by_id[t.event]
        if ev.type in _NO_TIMELINE or t.event in skip:
            continue
        per_article[t.article].append(t)
    for seq in per_article.values():
        seq.sort(key=lambda t: t.start)
        places = _telling_places(seq, by_id)
        i = 0
        while i < len(seq):
            j = i
            while j + 1 < len(seq) and places[i] is not None and places[j + 1] == places[i]:
                j += 1
            scene = seq[i : j + 1]
            days = {_day(by_id[t.event]) for t in scene} - {None}
            if places[i] is not None and len(days) == 1:
                (day,) = days
                anchor = next(t for t in scene if _day(by_id[t.event]))
                told = by_id[anchor.event]
                for t in scene:
                    ev = by_id[t.event]
                    if ev.earliest or ev.latest or t.order or ev.id in out:
                        continue
                    basis = (f"same scene as “{told.summary}” ({day}): told together at "
                             f"{names.get(places[i] or '', '')} in {t.title}")
                    out[ev.id] = replace(ev, date=day, earliest=day, latest=day,
                                         date_basis=basis)
            i = j + 1
    return out


def place_scenes(
    events: Sequence[Event], tellings: Sequence[Telling], skip: set[str],
    names: Mapping[str, str],
) -> dict[str, Event]:
    """Placeless events told in a paragraph whose events are all at one place
    ("… proceeded to the Vladivostok airport, where he was given a tour … Shoigu
    introduced Kim to the Kinzhal"): that place, with the paragraph as basis.
    Every telling that has such a paragraph must agree."""
    by_id = {e.id: e for e in events}
    per_article: dict[str, list[Telling]] = defaultdict(list)
    for t in tellings:
        if by_id[t.event].type not in _NO_TIMELINE and t.event not in skip:
            per_article[t.article].append(t)
    found: dict[str, set[str]] = defaultdict(set)
    told: dict[str, tuple[Telling, str]] = {}
    for seq in per_article.values():
        seq.sort(key=lambda t: t.start)
        for t, place in zip(seq, _telling_places(seq, by_id), strict=True):
            if by_id[t.event].location is not None:
                continue
            basis = ""
            if place is not None:
                basis = (f"told in one paragraph with the events at {names.get(place, place)} "
                         f"in {t.title}")
            else:
                prev = _scene_before(t, seq, by_id)
                if prev is not None:
                    place = by_id[prev.event].location or ""
                    basis = (f"{_SCENE_GOES_ON} “{by_id[prev.event].summary}” at "
                             f"{names.get(place, place)}, in its paragraph of {t.title}")
            if place is not None:
                found[t.event].add(place)
                told.setdefault(t.event, (t, basis))
    out: dict[str, Event] = {}
    for eid, places in found.items():
        if len(places) != 1:
            continue
        (place,) = places
        out[eid] = replace(by_id[eid], location=place, location_basis=told[eid][1])
    return out


# How a place carried from the event told just before reads (render/markdown.py
# words it differently from "one place in the paragraph").
_SCENE_GOES_ON = "told right after"
# Classes whose place is where the scene ends, not where it goes on.
_LEAVING = frozenset({"depart"})


def _scene_before(
    t: Telling, seq: Sequence[Telling], by_id: Mapping[str, Event]
) -> Telling | None:
    """The placed event told last before ``t`` in its paragraph, in its sentence or
    the one before, with a person in common: the scene goes on there ("…
    proceeded to the Vladivostok airport, where he was given a tour of the
    bombers.  Shoigu introduced Kim to the Kinzhal").  A paragraph that names
    several places ("Upon his arrival in Artyom, … the airport") has no one
    place, but the step told just before still says where its people are."""
    people = _people(by_id[t.event])
    best: Telling | None = None
    for o in seq:
        ev = by_id[o.event]
        if (o.paragraph != t.paragraph or o.start >= t.start or not ev.location
                or not 0 <= t.sentence - o.sentence <= 1 or not people & _people(ev)):
            continue
        if best is None or o.start > best.start:
            best = o
    # Leaving a place ends the scene there.
    return None if best is None or by_id[best.event].type in _LEAVING else best


def _telling_places(seq: Sequence[Telling], by_id: Mapping[str, Event]) -> list[str | None]:
    """Each telling's place: its event's, else the one place its paragraph tells."""
    places: list[str | None] = []
    for t in seq:
        own = by_id[t.event].location
        if own is None:
            around = {by_id[o.event].location for o in seq
                      if o.paragraph == t.paragraph and by_id[o.event].location}
            own = next(iter(around)) if len(around) == 1 else None
        places.append(own)
    return places


# ---------------------------------------------------------------------- plans


def date_by_plans(
    events: Sequence[Event], plans: Sequence[Plan], skip: set[str], vessels: set[str],
) -> dict[str, Event]:
    """Undated events that fulfil a plan told earlier: on or after the plan's date."""
    out: dict[str, Event] = {}
    for e in events:
        if e.type in _NO_TIMELINE or e.earliest or e.latest or e.id in skip:
            continue
        patients = {p.entity or f"w:{p.text.split()[-1].lower()}" for p in e.roles
                    if p.role == "patient"}
        for plan in plans:
            if e.location != plan.location or not plan.agents & _agents(e):
                continue
            if e.type != plan.cls and not {e.type, plan.cls} <= _SEEING:
                continue
            ships = {k for k in plan.patients if k[2:].rstrip("s") in _SHIP_NOUNS}
            if not (patients & plan.patients or (ships and patients & vessels)):
                continue
            out[e.id] = replace(e, date=None, earliest=plan.earliest, latest=None,
                                date_basis=plan.basis)
            break
    return out


# ------------------------------------------------------------------- arrivals

# An arrival within this distance of a place begins the stay there: a city, its
# airport and its satellite towns lie within it (Vladivostok, Knevichi, Artyom).
ARRIVAL_RADIUS_KM = 50.0
_MOVING = frozenset({"arrive", "travel"})


def date_by_arrivals(
    events: Sequence[Event], entities: Mapping[str, Entity], skip: set[str],
    tellings: Sequence[Telling],
) -> dict[str, Event]:
    """Undated events at a place whose people arrived there (or within
    ARRIVAL_RADIUS_KM of it) on a known day, and were not placed near it
    before: on or after the first such arrival ("during his stay in
    Vladivostok" after "arrived in Artyom on Saturday").  A placeless event
    is at the one place its paragraph tells (as for scenes); an event told
    with an order cue keeps its own reading."""
    by_id = {e.id: e for e in events}
    cued = {t.event for t in tellings if t.order}
    told_places: dict[str, set[str | None]] = defaultdict(set)
    per_article: dict[str, list[Telling]] = defaultdict(list)
    for t in tellings:
        per_article[t.article].append(t)
    for seq in per_article.values():
        seq.sort(key=lambda t: t.start)
        for t, p in zip(seq, _telling_places(seq, by_id), strict=True):
            told_places[t.event].add(p)
    out: dict[str, Event] = {}
    for e in events:
        if (e.type in _NO_TIMELINE or e.earliest or e.latest or e.id in skip
                or e.id in cued or e.type in _MOVING):
            continue
        told_at = told_places.get(e.id, set())
        at = e.location or (next(iter(told_at)) if len(told_at) == 1 else None)
        place = entities.get(at or "")
        who = _agents(e)
        if place is None or place.lat is None or place.lon is None or not who:
            continue
        near: list[tuple[str, Event, float]] = []
        for o in events:
            day = _day(o)
            there = _distance(place, entities.get(o.location or ""))
            if day is None or there is None or not who & _people(o):
                continue
            near.append((day, o, there))
        if not near:
            continue
        first = min(near, key=lambda x: (x[0], x[1].type not in _MOVING))
        day, arrival, km = first
        if arrival.type not in _MOVING or not who & _agents(arrival):
            continue  # nothing says when the stay began
        where = "" if km < 1 else f", {km:.0f} km from {place.name}"
        people = " and ".join(sorted(entities[a].name for a in who & _agents(arrival)
                                     if a in entities))
        out[e.id] = replace(e, date=None, earliest=day, latest=None, date_basis=(
            f"on or after {day}: during the stay that began when “{arrival.summary}” "
            f"({day}{where}); nothing places {people} near {place.name} before"))
    return out


def _distance(a: Entity, b: Entity | None) -> float | None:
    if b is None or b.lat is None or b.lon is None or a.lat is None or a.lon is None:
        return None
    if a.id == b.id:
        return 0.0
    km = haversine_km(a.lat, a.lon, b.lat, b.lon)
    return km if km <= ARRIVAL_RADIUS_KM else None


# ------------------------------------------------------------------- ordering


def build_timeline(
    events: Sequence[Event], tellings: Sequence[Telling],
    frames: Mapping[str, tuple[str | None, str]],
) -> list[TimelineEntry]:
    on = [e for e in events if e.type not in _NO_TIMELINE]
    if not on:
        return []
    by_id = {e.id: e for e in on}
    told: dict[str, list[Telling]] = defaultdict(list)
    for t in tellings:
        if t.event in by_id:
            told[t.event].append(t)

    def first_seen(eid: str) -> tuple[int, int]:
        return min((t.rank, t.start) for t in told[eid])

    out: list[TimelineEntry] = []
    # Frames first, each followed by what spans it.
    for fid in sorted((k for k, v in frames.items() if v[0] is None and k in by_id),
                      key=first_seen):
        out.append(TimelineEntry(fid, None, "spans", None, frames[fid][1]))
        for eid in sorted((k for k, v in frames.items() if v[0] == fid and k in by_id),
                          key=first_seen):
            out.append(TimelineEntry(eid, None, "spans", fid, frames[eid][1]))
    rest = [e for e in on if e.id not in frames]
    dated = [e for e in rest if e.earliest and e.latest]
    pos: dict[str, tuple[object, ...]] = {}
    for i, eid in enumerate(_dated_order(dated, told, first_seen)):
        pos[eid] = (i, 0)
    relation: dict[str, tuple[str, str | None, str]] = {
        e.id: ("dated", None, e.date_basis or "") for e in dated
    }
    sequence: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for e in rest:
        for t in told[e.id]:
            sequence[t.article].append((t.start, e.id))
    for seq in sequence.values():
        seq.sort()
    dated_ids = list(pos)
    first_dated = min(dated_ids, key=lambda k: pos[k]) if dated_ids else None
    for e in sorted((e for e in rest if e.id not in pos), key=lambda e: first_seen(e.id)):
        around = {id(t): _neighbours(t, sequence, pos, relation) for t in told[e.id]}
        t = min(told[e.id], key=lambda t: (not around[id(t)][0], not around[id(t)][1],
                                           t.rank, t.start))
        before, after = around[id(t)]
        bound = f"; {e.date_basis}" if e.date_basis else ""
        same_sentence = [
            k for k in pos if k != e.id and any(
                o.article == t.article and o.sentence == t.sentence for o in told[k])
        ]
        cue = next((o for o in told[e.id] if o.order == "before"), None)
        if t.order == "after" and same_sentence:
            anchor = max(same_sentence, key=lambda k: pos[k])
            pos[e.id] = (*pos[anchor], 1, t.rank, t.start)
            relation[e.id] = ("after", anchor, f"told as following it in {t.title}{bound}")
        elif first_dated is not None and cue is not None:
            anchor = first_dated
            pos[e.id] = (*pos[anchor][:-1], -2 if cue.remote else -1, t.rank, t.start)
            relation[e.id] = ("before", anchor,
                              f"told as earlier (“{cue.quote}”) in {cue.title}{bound}")
        elif before:
            anchor = max(before, key=lambda k: pos[k])
            pos[e.id] = (*pos[anchor], 1, t.rank, t.start)
            relation[e.id] = ("after", anchor, f"told after it in {t.title}{bound}")
        elif after:
            anchor = min(after, key=lambda k: pos[k])
            pos[e.id] = (*pos[anchor][:-1], -1, t.rank, t.start)
            relation[e.id] = ("before", anchor, f"told before it in {t.title}{bound}")
        else:
            pos[e.id] = (len(dated), 1, t.rank, t.start)
            relation[e.id] = ("unplaced", None,
                              (e.date_basis or "no dated event to place it by"))
    for eid in sorted(pos, key=lambda k: pos[k]):
        rel, near, basis = relation[eid]
        out.append(TimelineEntry(eid, by_id[eid].date, rel, near, basis))
    return out


def bound_earlier(
    events: Sequence[Event], tellings: Sequence[Telling], timeline: Sequence[TimelineEntry],
) -> dict[str, Event]:
    """Undated events told as earlier than the story's first dated step ("Kim
    began his visit by meeting Putin", placed before the arrival dated
    Saturday) happened on or before that step's day: ``latest`` is that day,
    with the basis.  Only a cue in the text bounds an event, never the order
    an article merely tells things in."""
    by_id = {e.id: e for e in events}
    cued = {t.event for t in tellings if t.order == "before"}
    following = {t.event for t in tellings if t.order == "after"}
    out: dict[str, Event] = {}
    for step in timeline:
        ev = by_id.get(step.event)
        anchor = by_id.get(step.relative_to or "")
        if ev is None or anchor is None or ev.earliest or ev.latest:
            continue
        day = _day(anchor)
        if step.relation == "before" and ev.id in cued and day is not None:
            out[ev.id] = replace(ev, latest=day, date_basis=(
                f"on or before {day}: told as earlier than “{anchor.summary}” ({day})"))
        elif (step.relation == "after" and ev.id in following and anchor.id in out
              and step.basis.startswith("told as following")):
            # "… by meeting Putin, followed by a visit to a plant": told as
            # following a step that is itself earlier than day D, in one sentence.
            bound = out[anchor.id]
            day = bound.latest
            out[ev.id] = replace(ev, latest=day, date_basis=(
                f"on or before {day}: told as following “{anchor.summary}”, "
                f"itself on or before {day}"))
    return out


def bound_by_publication(
    events: Sequence[Event], tellings: Sequence[Telling], timeline: Sequence[TimelineEntry],
    published: Mapping[str, str | None],
) -> dict[str, Event]:
    """An undated step told as done by an article published on day P happened on or
    before P ("Ana Ferreira travelled on the first service …" in a report of
    2026-03-09): ``latest`` is the earliest such day, with the basis.  Trip frames
    and what spans them are left alone (a trip goes on after a report of it), and so
    is any event that already has a bound."""
    by_id = {e.id: e for e in events}
    out: dict[str, Event] = {}
    for step in timeline:
        ev = by_id.get(step.event)
        if ev is None or step.relation == "spans" or ev.date or ev.earliest or ev.latest:
            continue
        days = sorted((d, t.title) for t in tellings if t.event == ev.id
                      for d in [published.get(t.article)] if d)
        if days:
            day, title = days[0]
            out[ev.id] = replace(ev, latest=day, date_basis=(
                f"on or before {day}: told as done in “{title}”, published {day}"))
    return out


def _neighbours(
    t: Telling, sequence: Mapping[str, list[tuple[int, str]]],
    pos: Mapping[str, tuple[object, ...]], relation: Mapping[str, tuple[str, str | None, str]],
) -> tuple[list[str], list[str]]:
    """Placed events its article told before ``t`` (an undated one told just before
    keeps the article's order), and dated ones told after it."""
    seq = sequence[t.article]
    return ([k for s, k in seq if s < t.start and k in pos and k != t.event],
            [k for s, k in seq if s > t.start and k in relation and relation[k][0] == "dated"])


def _arrival_first(day: Sequence[Event]) -> list[tuple[str, str]]:
    """(arrival, event) pairs of one day: the arrival's people take part in the
    event, at the place they arrived at."""
    out = []
    for a in day:
        if a.type != "arrive" or not a.location:
            continue
        for b in day:
            if b.id != a.id and b.type not in _MOVING and b.location == a.location and (
                _agents(a) & _people(b)
            ):
                out.append((a.id, b.id))
    return out


def _cued_in_sentence(
    ids: set[str], told: Mapping[str, list[Telling]]
) -> list[tuple[str, str]]:
    """(earlier, later) pairs of one day's events told in one sentence, where one
    telling carries an order cue ("after an earthquake shook Chile") and the
    other none."""
    out = []
    for eid in sorted(ids):
        for t in told[eid]:
            if t.order is None:
                continue
            for other in sorted(ids - {eid}):
                if any(o.article == t.article and o.sentence == t.sentence and o.order is None
                       for o in told[other]):
                    out.append((eid, other) if t.order == "before" else (other, eid))
    return out


def _same_sentence_after(a: str, b: str, told: Mapping[str, list[Telling]]) -> bool:
    """Whether one article tells ``b`` after ``a`` in the same sentence."""
    return any(ta.article == tb.article and ta.sentence == tb.sentence and tb.start > ta.start
               for ta in told[a] for tb in told[b])


def _dated_order(
    dated: Sequence[Event], told: Mapping[str, list[Telling]],
    first_seen: Callable[[str], tuple[int, int]],
) -> list[str]:
    """Dated events by date; one day's (or one range's) events in an order that
    keeps every article's telling order where the articles agree."""
    groups: dict[tuple[str, str], list[str]] = defaultdict(list)
    kinds = {e.id: e.type for e in dated}
    for e in dated:
        groups[(e.earliest or "", e.latest or "")].append(e.id)
    out: list[str] = []
    for span in sorted(groups):
        ids = set(groups[span])
        after: dict[str, set[str]] = defaultdict(set)
        incoming: dict[str, int] = dict.fromkeys(ids, 0)
        per_article: dict[str, list[tuple[int, str]]] = defaultdict(list)
        for eid in ids:
            for t in told[eid]:
                per_article[t.article].append((t.start, eid))
        # Arriving at a place comes before what happens to the same people there
        # that day (a welcome told before the arrival still follows it).
        for a, b in _arrival_first([e for e in dated if e.id in ids]):
            if b not in after[a]:
                after[a].add(b)
                incoming[b] += 1
        # "X reopened after the quake shook Y": the clause's cue orders one sentence.
        for a, b in _cued_in_sentence(ids, told):
            if b not in after[a] and a not in after[b]:
                after[a].add(b)
                incoming[b] += 1
        for seq in per_article.values():
            seq.sort()
            chain = list(dict.fromkeys(eid for _, eid in seq))
            for a, b in itertools.pairwise(chain):
                if b not in after[a] and a not in after[b]:
                    after[a].add(b)
                    incoming[b] += 1
        rank = {eid: first_seen(eid) for eid in ids}
        ready = {k for k in ids if incoming[k] == 0}
        left = set(ids)
        last: str | None = None
        while left:
            if not ready:  # a cycle: articles disagree; the first told goes first
                k = min(left, key=lambda x: rank[x])
                incoming[k] = 0
                ready = {k}
            # Deaths, injuries and damage told later in the sentence of the step just
            # placed are its consequences and come next, before another article's
            # steps ("struck Chile, killing two people" stays together; "reopened
            # 14 hours after the quake" waits).
            nxt = {x for x in ready & after[last] if kinds[x] in _CONSEQUENCES
                   and _same_sentence_after(last, x, told)} if last is not None else set()
            k = min(nxt or ready, key=lambda x: rank[x])
            ready.discard(k)
            left.discard(k)
            out.append(k)
            last = k
            for b in after[k]:
                incoming[b] -= 1
                if incoming[b] <= 0 and b in left:
                    ready.add(b)
    return out


__all__ = [
    "Plan", "Telling", "bound_by_publication", "bound_earlier", "build_timeline",
    "date_by_arrivals", "date_by_plans", "date_scenes", "find_frames", "nested_trips",
    "place_scenes",
]
