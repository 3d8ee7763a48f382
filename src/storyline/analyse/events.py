"""A story's events: event mentions of its articles merged, dated and ordered.

1. **Candidates**: asserted mentions of an inventory class (docs/events.md)
   with at least one named participant; an event noun also needs a patient
   or a place ("his visit" alone says nothing new).
2. **Dates**: the mention's own temporal expression when resolved; else the
   narrative date, carried from the last resolved day in the article while
   the text goes on in the same paragraph, or into a paragraph that opens by
   continuing ("Upon his arrival …", "… was also shown …").  A mention with an
   ordering cue ("began his visit by meeting …") or another modality takes none.
3. **Coreference** (within and across articles): two mentions are one event
   when they share the class and a participant, and nothing conflicts: agents
   (or patients) named on both sides must overlap, places must be the same
   entity, dates must overlap.  Pairs are joined best first (most shared
   participants, then neighbours in one article), and a join that would put
   two conflicting mentions in one event is refused.  A second pass
   (analyse/event_rejoin.py) joins events the rules left apart when the
   fitted event-pair scorer says they tell one happening, they share a named
   participant or place, and nothing conflicts.
4. **Timeline** (analyse/timeline.py): trip frames ("visited Russia") span the
   story; an undated event takes the one day of the scene (same place) its
   article tells it in, or a lower bound from a plan a dated article told
   ("scheduled to visit … later"); then dated events by date (one day's in the
   merged telling order of its articles) and undated ones placed by their
   neighbours or "before"/"after" cues.
5. **Publication estimate** of an undated article: the latest date among its
   own resolved dates and the events it shares with dated articles, else the
   story's first publication date.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from spacy.lang.en.stop_words import STOP_WORDS

from storyline.analyse.called_as import CalledAs
from storyline.analyse.definite_subjects import kind_of_noun
from storyline.analyse.event_coref import article_infos
from storyline.analyse.event_noun_patients import event_noun_patient
from storyline.analyse.event_rejoin import rejoin, scored_links
from storyline.analyse.event_text import classifier_before, display_name, summarise
from storyline.analyse.reported_speech import reported_clause
from storyline.analyse.role_descriptions import Descriptions
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
from storyline.model import (
    AnnotatedArticle,
    Entity,
    EntityMentionRef,
    Event,
    EventMention,
    Participant,
    PublishedEstimate,
    SourceRef,
    TimeExpression,
    TimelineEntry,
    content_hash,
)
from storyline.nlp.events import EVENT_NOUNS
from storyline.unionfind import UnionFind

# Which roles must agree for two mentions to be one event.
_NO_TIMELINE = frozenset({"say"})
# The scorer pass: classes that may tell one happening, and classes it leaves alone.
_MOVES = {"travel": "move", "arrive": "move"}
_NO_REJOIN = frozenset({"say"})
# Classes whose thing acted on may be a happening watched ("observed a demonstration").
_WATCHING = frozenset({"inspect", "attend", "visit", "show"})
# Happenings that are news without a named participant when placed and dated.
_PLACED_CLASSES = frozenset({"damage", "evacuate", "close", "reopen", "hit", "collide",
                             "injure", "kill"})
_WINDOW = 32  # neighbours compared per mention and shared participant
# Classes that tell nothing without someone or something acted on.
_TRANSITIVE = frozenset({"show", "inspect", "sign", "attack", "launch", "greet", "meet",
                         "accompany", "attend", "hit", "collide", "damage", "injure",
                         "evacuate", "close", "reopen", "approve", "open", "deploy",
                         "kill"})
# A paragraph that opens like this goes on with the narrative before it.
_CONTINUES = re.compile(
    r"^(?:upon|after|then|later|afterwards|next|there|during (?:the|his|her|their) visit)\b"
    r"|\b(?:also|then)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class EventMentionOut:
    """A predicted event mention for benchmarks: trigger span and class."""

    article: str
    start: int
    end: int
    text: str
    lemma: str
    event_class: str | None


def event_mentions(annotated: AnnotatedArticle, *, classed_only: bool = False) -> list[
    EventMentionOut
]:
    """Every event mention of one annotated article (trigger offsets into its text).

    ``classed_only`` keeps only verbs and nouns of the inventory; by default,
    every content verb is a mention too (``event_class`` None).
    """
    aid = annotated.article.id
    return [
        EventMentionOut(aid, e.start, e.end, e.text, e.lemma, e.event_class)
        for e in annotated.events
        if e.event_class is not None or not classed_only
    ]


@dataclass
class _Cand:
    article: AnnotatedArticle
    rank: int  # article position in the story (dated first, by date)
    mention: EventMention
    keys: dict[str, set[str]]  # role -> entity ids / "w:lemma"
    location: str | None
    date: str | None = None
    earliest: str | None = None
    latest: str | None = None
    basis: str | None = None
    explicit: bool = False
    participants: list[Participant] = field(default_factory=list)
    kinds: dict[str, str] = field(default_factory=dict)  # named patient -> equipment kind
    said: frozenset[str] | None = None  # a statement's content words (_said_words)


@dataclass(frozen=True)
class StoryEvents:
    events: list[Event]
    timeline: list[TimelineEntry]
    published_estimates: dict[str, PublishedEstimate]


def build_events(
    story_id: str,
    articles: Sequence[AnnotatedArticle],
    mention_entity: Mapping[tuple[str, int], str],
    entities: Sequence[Entity],
    descriptions: Descriptions | None = None,
) -> StoryEvents:
    """``descriptions``: role descriptions read as persons ("Putin's defence
    minister", analyse/role_descriptions.py), for unnamed participants."""
    names = {e.id: e.name for e in entities}
    ordered = sorted(articles, key=lambda a: (a.article.published is None,
                                              a.article.published or "", a.article.id))
    cands: list[_Cand] = []
    places = {e.id for e in entities if e.type in ("PLACE", "FACILITY")}
    called = CalledAs(ordered, mention_entity)
    equipment = {e.id: e.kind for e in entities if e.kind}
    for rank, art in enumerate(ordered):
        cands += _candidates(art, rank, mention_entity, places, called, descriptions)
    for c in cands:
        c.kinds = {k: equipment[k] for k in c.keys.get("patient", set()) if k in equipment}
    clusters = _rejoin(_cluster(cands), cands, ordered, mention_entity)
    kinds = {e.id: e.type for e in entities}
    shown = {e.id: display_name(e.name, e.type) for e in entities}
    events: list[Event] = []
    members_of: dict[str, list[_Cand]] = {}
    for members in clusters:
        ev = _event(story_id, members, names, shown, kinds)
        events.append(ev)
        members_of[ev.id] = members
    events = _join_nested_trips(story_id, events, members_of, entities, names, shown, kinds)
    events, timeline = _timeline(events, members_of, ordered, mention_entity, entities)
    order = {t.event: i + 1 for i, t in enumerate(timeline)}
    events = [_with_order(e, order.get(e.id, 0)) for e in events]
    events.sort(key=lambda e: (e.order == 0, e.order, e.id))
    estimates = _estimates(ordered, events, members_of)
    return StoryEvents(events, timeline, estimates)


def _join_nested_trips(
    story_id: str, events: list[Event], members_of: dict[str, list[_Cand]],
    entities: Sequence[Entity], names: Mapping[str, str], shown: Mapping[str, str],
    kinds: Mapping[str, str],
) -> list[Event]:
    """One trip told at two scales ("visited Russia's Far East", "visited Russia")
    is one event, at the wider place; the narrower place, being where it
    happened and not who took part, leaves its roles.  ``members_of`` is updated."""
    by_entity = {e.id: e for e in entities}
    nested = nested_trips(events, find_frames(events, by_entity), by_entity)
    if not nested:
        return events
    groups: dict[str, list[str]] = defaultdict(list)
    for inner, outer in nested.items():
        while outer in nested:
            outer = nested[outer]
        groups[outer].append(inner)
    by_id = {e.id: e for e in events}
    out = [e for e in events if e.id not in nested and e.id not in groups]
    for outer, inners in groups.items():
        narrower = {by_id[i].location for i in inners} - {by_id[outer].location}
        members = list(members_of.pop(outer))
        for i in inners:
            members += members_of.pop(i)
        for c in members:
            c.participants = [p for p in c.participants if p.entity not in narrower]
            c.location = by_id[outer].location
        ev = _event(story_id, members, names, shown, kinds)
        wide = names.get(by_id[outer].location or "", "")
        told = [f"{names.get(p, p)} (“{_quote_of(by_id[i])}”)" for i in inners
                for p in [by_id[i].location or ""]]
        ev = replace(ev, location_basis=(
            f"one trip told at two scales: {' and '.join(told)} lies in {wide}, "
            f"the wider place"))
        members_of[ev.id] = members
        out.append(ev)
    return out


def _quote_of(e: Event) -> str:
    return e.sources[0].quote.strip() if e.sources else e.summary


def _with_order(e: Event, order: int) -> Event:
    return replace(e, order=order)


# ----------------------------------------------------------------- candidates


def _candidates(
    art: AnnotatedArticle, rank: int, mention_entity: Mapping[tuple[str, int], str],
    places: set[str] | None = None, called: CalledAs | None = None,
    described: Descriptions | None = None,
) -> list[_Cand]:
    """``places``: the story's PLACE/FACILITY entities (a location that resolved to
    anything else, a ship named "… Bay", is no place); ``called``: what "the ferry"
    stands for."""
    aid = art.article.id
    out: list[_Cand] = []
    narrative = _narrative_dates(art)
    for em in art.events:
        if em.event_class is None or em.modality != "asserted":
            continue
        keys: dict[str, set[str]] = defaultdict(set)
        parts: list[Participant] = []
        location: str | None = None
        named = 0
        for a in em.arguments:
            ent = mention_entity.get((aid, a.mention)) if a.mention is not None else None
            if a.role == "location":
                if places is None or ent in places:
                    location = location or ent
                continue
            # A role description one person fits ("Putin's defence minister")
            # outranks the parser's nearest-person guess for the role noun.
            by_role = described.entity_at(aid, a.start, a.end) if described else None
            if by_role is not None:
                ent = by_role
            if ent is None and a.mention is None and called is not None:
                ent = called.resolve(aid, art.article.text[a.start : a.end], a.head)
            keys[a.role].add(ent if ent else f"w:{a.head}")
            # The name as written where the argument is (or stands for) a mention,
            # so "his" reads "Kim Jong Un"; else the head word ("children").
            named_at = a.mention is not None and by_role is None
            words = art.mentions[a.mention].text if named_at and a.mention is not None else (
                art.article.text[a.start : a.end]
            )
            parts.append(Participant(a.role, ent, words))
            named += ent is not None
        if em.event_class in _TRANSITIVE and not (keys.get("patient") or keys.get("recipient")):
            # "The visit, accompanied by …": about whoever made the visit.
            about = event_noun_patient(art, em)
            ent = mention_entity.get((aid, about)) if about is not None else None
            if ent is not None and about is not None:
                keys["patient"].add(ent)
                parts.append(Participant("patient", ent, art.mentions[about].text))
                named += 1
        if not named and not _placed_happening(art, em, location):
            continue
        if em.pos == "NOUN" and not (keys.get("patient") or location):
            continue
        if em.event_class in _TRANSITIVE and not (keys.get("patient") or keys.get("recipient")):
            continue
        c = _Cand(art, rank, em, dict(keys), location, participants=parts)
        t = art.times[em.time] if em.time is not None else None
        if t is not None and t.value is not None and t.bound == "by":
            # "By Sunday it had forced the evacuation": on or before that day.
            c.latest = t.latest
            c.basis = f"on or before {t.latest}: “by {t.text}” ({t.basis})"
            c.explicit = True
        elif t is not None and t.value is not None:
            c.date = t.value if t.granularity == "day" else None
            c.earliest, c.latest = t.earliest, t.latest
            c.basis = f"“{t.text}”: {t.basis}"
            c.explicit = True
        elif em.order is None and em.sentence in narrative:
            t = narrative[em.sentence]
            c.date, c.earliest, c.latest = t.value, t.earliest, t.latest
            c.basis = f"narrative date of “{t.text}” (sentence {t.sentence}): {t.basis}"
        out.append(c)
    return out


def _placed_happening(art: AnnotatedArticle, em: EventMention, location: str | None) -> bool:
    """A happening to unnamed people or things ("300 residents were evacuated from
    Wye River on Sunday") is news when the text puts it at a named place on a
    named day; without the day it is as likely background ("a fire once
    destroyed 116 homes") as part of the story."""
    if em.event_class not in _PLACED_CLASSES or location is None or em.time is None:
        return False
    return art.times[em.time].granularity == "day" and art.times[em.time].value is not None


def _narrative_dates(art: AnnotatedArticle) -> dict[int, TimeExpression]:
    """Sentence index → the day-precise time expression its narrative is at."""
    text = art.article.text
    by_sentence: dict[int, list[TimeExpression]] = defaultdict(list)
    for t in art.times:
        if t.granularity == "day" and t.value and t.bound is None and not _looks_back(t):
            by_sentence[t.sentence].append(t)
    out: dict[int, TimeExpression] = {}
    last: TimeExpression | None = None
    current: TimeExpression | None = None
    for i, s in enumerate(art.sentences):
        if i > 0 and "\n" in text[art.sentences[i - 1].end : s.start]:
            # A new paragraph goes on at the last date only if it says it continues.
            current = last if _CONTINUES.search(text[s.start : s.end][:80]) else None
        if by_sentence.get(i):
            current = last = by_sentence[i][-1]
        if current is not None:
            out[i] = current
    return out


def _looks_back(t: TimeExpression) -> bool:
    """"the previous morning", "two days earlier": a step back from the day the
    text is at dates only its own event ("investigators said on Saturday they
    were examining … when it struck a cargo ship the previous morning"); the
    narrative stays at Saturday."""
    return t.kind == "anaphoric" and bool(re.search(r"\b(?:previous|before|earlier)\b",
                                                     t.text, re.IGNORECASE))


# ---------------------------------------------------------------- coreference


def _shared(a: _Cand, b: _Cand) -> int:
    """How much two mentions share: a named participant counts 2, an unnamed
    one 1, and what is acted on counts three times (it tells one showing
    from the next more than who showed)."""
    score = 0
    for role in set(a.keys) | set(b.keys):
        both = a.keys.get(role, set()) & b.keys.get(role, set())
        weight = 3 if role == "patient" else 1
        score += weight * sum(1 if k.startswith("w:") else 2 for k in both)
    if a.mention.event_class == "meet":  # who met whom: roles are symmetric
        ka, kb = set().union(*a.keys.values()), set().union(*b.keys.values())
        score = max(score, 2 * len({k for k in ka & kb if not k.startswith("w:")}))
    if a.mention.event_class == "say":
        # Two tellings of one statement share what was said: the more, the likelier.
        score += len(_said_words(a) & _said_words(b))
    if (a.mention.event_class in _PLACED_CLASSES and a.location and a.location == b.location
            and _same_kind(a.keys.get("patient", set()), b.keys.get("patient", set()))):
        # A happening to unnamed people is known by its place: "400 residents were
        # evacuated from X" and "the evacuation of up to 400 people from X".
        score += 1
    return score


def _conflict(a: _Cand, b: _Cand) -> bool:
    if a.mention.event_class != b.mention.event_class and not _one_movement(a, b):
        return True
    return _clash(a, b)


def _one_movement(a: _Cand, b: _Cand) -> bool:
    """"Travelled to X" and "arrived at X" by the same mover tell one movement:
    the travel ends in the arrival.  Both must name the place, and the same one,
    and a named mover in common; dates are left to ``_clash``."""
    if _MOVES.get(a.mention.event_class or "") != "move" or _MOVES.get(
        b.mention.event_class or ""
    ) != "move":
        return False
    named = {k for k in a.keys.get("agent", set()) if not k.startswith("w:")}
    return bool(a.location and a.location == b.location and named & b.keys.get("agent", set()))


def _clash(a: _Cand, b: _Cand) -> bool:
    """Participants, place or dates that keep two mentions apart."""
    if a.mention.event_class == "meet" and b.mention.event_class == "meet":
        x, y = set().union(*a.keys.values()), set().union(*b.keys.values())
        if x and y and not x & y:
            return True
    else:
        x, y = a.keys.get("agent", set()), b.keys.get("agent", set())
        if x and y and not x & y:
            return True  # "children" and "Shoigu" greeting are two greetings
        # Named things acted on must overlap; unnamed words ("bombers", "models")
        # are too loose to keep two tellings apart.
        x, y = a.keys.get("patient", set()), b.keys.get("patient", set())
        named_x = {k for k in x if not k.startswith("w:")}
        named_y = {k for k in y if not k.startswith("w:")}
        if named_x and named_y and not named_x & named_y:
            return True
        if x and y and not x & y and not named_x and not named_y and not _same_kind(x, y):
            return True  # "inspected a range of assets" vs "inspected a guard of honour"
        if _unlike(a, b) or _unlike(b, a):
            return True  # "a guard of honour" is not the frigate Marshal Shaposhnikov
        if a.mention.event_class in _WATCHING and _happenings(x) != _happenings(y):
            return True  # "observed a demonstration" is not "inspected the frigate"
    if a.location and b.location and a.location != b.location:
        return True
    if (a.mention.event_class == "say"
            and len(_said_words(a) & _said_words(b)) < _SAID_SHARED):
        return True  # one person speaking of two things: two statements
    if a.mention.event_class == "say" and (a.explicit or b.explicit):
        (lo_a, hi_a), (lo_b, hi_b) = _said_when(a), _said_when(b)
        if lo_a and hi_a and lo_b and hi_b and (hi_a < lo_b or hi_b < lo_a):
            return True
    return bool(
        a.earliest and b.earliest and a.latest and b.latest
        and (a.latest < b.earliest or b.latest < a.earliest)
    )


# Content words two tellings of one statement share at least ("the governments
# would seek EU support … construction in 2027" / "apply for EU funding …
# construction could begin in 2027").
_SAID_SHARED = 2
_TITLE_BEFORE = re.compile(r"(?:\b[A-Z][\w'-]*\s+){1,4}$")
_SAY_FORMS = frozenset({"said", "says", "say", "saying", "told", "tells", "telling", "added",
                        "according", "stated", "announced", "reporters"})


def _said_words(c: _Cand) -> frozenset[str]:
    if c.said is None:
        c.said = _sentence_words(c.article, c.mention.sentence)
    return c.said


def _sentence_words(art: AnnotatedArticle, sentence: int) -> frozenset[str]:
    """Content words of a statement's sentence, less who said it: the people and
    groups named there with their titles ("Slovenian Energy Minister Petra
    Kos"), reporting verbs and stop words."""
    s = art.sentences[sentence]
    text = art.article.text[s.start : s.end]
    drop: set[str] = set(_SAY_FORMS)
    for m in art.mentions:
        if s.start <= m.start < s.end and m.type in ("PERSON", "GROUP"):
            # The name, its role, and the capitalised title words before it.
            title = _TITLE_BEFORE.search(text[: m.start - s.start])
            said_by = f"{m.text} {m.role or ''} {title.group(0) if title else ''}"
            drop.update(w.lower() for w in re.findall(r"\w+", said_by))
    words = {w.lower() for w in re.findall(r"[^\W_]{3,}", text)}
    # A plural and its singular count as one word ("governments", "government").
    return frozenset(w.removesuffix("s") for w in words - drop - STOP_WORDS)


def _said_when(c: _Cand) -> tuple[str | None, str | None]:
    """When a statement was made: its own date, else the days its dated article
    reports as now (publication and the day before).  "Szalai said last week
    that …" is not the statement another outlet quotes from this week's summit."""
    if c.earliest and c.latest:
        return c.earliest, c.latest
    pub = c.article.article.published
    if not pub:
        return None, None
    day = date.fromisoformat(pub[:10])
    return (day - timedelta(days=1)).isoformat(), day.isoformat()


def _unlike(a: _Cand, b: _Cand) -> bool:
    """``a`` acts on unnamed things only, ``b`` on named equipment, and none of
    ``a``'s nouns is of a kind ``b``'s things are ("bombers" may be the Tu-160,
    "a guard of honour" is not a frigate)."""
    words = a.keys.get("patient", set())
    if not words or any(not k.startswith("w:") for k in words) or not b.kinds:
        return False
    return not {kind_of_noun(k[2:]) for k in words} & set(b.kinds.values())


def _happenings(keys: set[str]) -> set[str]:
    """Unnamed things acted on that are themselves events ("a demonstration",
    "a ceremony"): watching one is its own event."""
    return {k for k in keys if k.startswith("w:") and k[2:] in EVENT_NOUNS}


def _same_kind(x: set[str], y: set[str]) -> bool:
    """Unnamed things of one kind ("a cargo ship", "a cargo vessel") may be one;
    so may unnamed people ("350 residents", "up to 350 people")."""
    if x & _PEOPLE_WORDS and y & _PEOPLE_WORDS:
        return True
    kx = {kind_of_noun(k[2:]) for k in x} - {None}
    return bool(kx) and kx == {kind_of_noun(k[2:]) for k in y} - {None}


# Head words of unnamed people that a placed happening befalls.
_PEOPLE_WORDS = frozenset(f"w:{w}" for w in (
    "people", "person", "resident", "holidaymaker", "villager", "tourist", "passenger",
    "family", "inhabitant", "evacuee", "local", "visitor", "household", "worker",
))


def _cluster(cands: list[_Cand]) -> list[list[_Cand]]:
    # Candidate pairs share a class and a participant: an inverted index over
    # (class, participant), each mention compared with its next _WINDOW
    # neighbours in (date, article, position) order, so a story of thousands
    # of statements by one minister stays near-linear.
    postings: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, c in enumerate(cands):
        cls = c.mention.event_class or ""
        for key in set().union(*c.keys.values()) if c.keys else ():
            postings[(_MOVES.get(cls, cls), key)].append(i)
        if cls in _PLACED_CLASSES and c.location:
            postings[(cls, f"@{c.location}")].append(i)  # see _shared

    def when(i: int) -> tuple[str, int, int]:
        c = cands[i]
        return (c.earliest or "", c.rank, c.mention.start)

    seen: set[tuple[int, int]] = set()
    pairs: list[tuple[int, int, int, int, int]] = []
    for idx in postings.values():
        idx.sort(key=when)
        for x, i in enumerate(idx):
            for j in idx[x + 1 : x + 1 + _WINDOW]:
                pair = (min(i, j), max(i, j))
                if pair in seen:
                    continue
                seen.add(pair)
                a, b = cands[pair[0]], cands[pair[1]]
                shared = _shared(a, b)
                if not shared or _conflict(a, b):
                    continue
                near = a.article is b.article and abs(a.mention.sentence - b.mention.sentence) <= 2
                pairs.append((-shared, -int(near), abs(a.mention.start - b.mention.start),
                              *pair))
    pairs.sort()
    uf = UnionFind(range(len(cands)))
    members: dict[int, list[int]] = {i: [i] for i in range(len(cands))}
    # Mentions with the same participants, place and dates conflict alike: a
    # join is checked once per distinct signature, not per pair of tellings
    # (a wire story retold by hundreds of outlets is a handful of signatures).
    kinds: dict[int, dict[tuple[object, ...], int]] = {
        i: {_signature(c): i} for i, c in enumerate(cands)
    }
    for *_, i, j in pairs:
        ri, rj = uf.find(i), uf.find(j)
        if ri == rj:
            continue
        if any(_conflict(cands[p], cands[q]) for p in kinds[ri].values()
               for q in kinds[rj].values()):
            continue
        uf.union(ri, rj)
        root = uf.find(ri)
        merged = members.pop(ri) + members.pop(rj)
        members[root] = merged
        kinds[root] = {**kinds.pop(rj), **kinds.pop(ri)}
    return [[cands[i] for i in sorted(m)] for m in members.values()]


def _rejoin(
    clusters: list[list[_Cand]], cands: list[_Cand], articles: Sequence[AnnotatedArticle],
    mention_entity: Mapping[tuple[str, int], str],
) -> list[list[_Cand]]:
    """Second pass (analyse/event_rejoin.py): events the rules left apart join
    when the fitted pair scorer says their mentions tell one happening and
    nothing clashes.  Classes must be the same or one movement told two ways
    (_MOVES); statements never join here, as two outlets quoting one person
    rarely quote one statement."""
    verbs = {e.lemma.lower() for art in articles for e in art.events if e.pos == "VERB"}
    info_of = {m.key: m for art in articles
               for m in article_infos(art, mention_entity, verbs)}
    infos = [info_of[(c.article.article.id, c.mention.start)] for c in cands]
    groups = [None if c.mention.event_class in _NO_REJOIN
              else _MOVES.get(c.mention.event_class or "", c.mention.event_class)
              for c in cands]

    def when(i: int) -> tuple[str, int, int]:
        c = cands[i]
        return (c.earliest or "", c.rank, c.mention.start)

    def veto(xs: Sequence[int], ys: Sequence[int]) -> bool:
        # Words alone never join two events: they must share a named
        # participant or place, as two shootings or firings of one story can
        # read alike ("LaCalamita was fired" / "LaCalamita fired one round").
        if not set().union(*(_anchors(cands[i]) for i in xs)) & set().union(
            *(_anchors(cands[j]) for j in ys)
        ):
            return True
        # Mentions alike in participants, place and dates conflict alike.
        kx = {_signature(cands[i]): i for i in xs}.values()
        ky = {_signature(cands[j]): j for j in ys}.values()
        return any(groups[i] != groups[j] or _clash(cands[i], cands[j])
                   or _swapped(cands[i], cands[j]) for i in kx for j in ky)

    index = {id(c): i for i, c in enumerate(cands)}
    joined = rejoin([[index[id(c)] for c in members] for members in clusters],
                    scored_links(infos, groups, when), veto)
    return [[cands[i] for i in members] for members in joined]


def _anchors(c: _Cand) -> set[str]:
    """Named participants and place of a mention."""
    out = {k for v in c.keys.values() for k in v if not k.startswith("w:")}
    return out | {c.location} if c.location else out


def _swapped(a: _Cand, b: _Cand) -> bool:
    """Who acts on one side is acted on on the other: two events (who fired
    and who was fired), unless a meeting, where roles are symmetric."""
    if a.mention.event_class == "meet":
        return False
    ag_a, pa_a = a.keys.get("agent", set()), a.keys.get("patient", set())
    ag_b, pa_b = b.keys.get("agent", set()), b.keys.get("patient", set())
    return bool((ag_a & pa_b) - ag_b - pa_a or (ag_b & pa_a) - ag_a - pa_b)


def _signature(c: _Cand) -> tuple[object, ...]:
    keys = tuple(sorted((role, tuple(sorted(v))) for role, v in c.keys.items()))
    # What a statement says keeps it apart as much as who said it (_clash).
    said = _said_words(c) if c.mention.event_class == "say" else frozenset()
    return (c.mention.event_class, keys, c.location, c.earliest, c.latest, said)


# --------------------------------------------------------------------- events


def _event(
    story_id: str, members: list[_Cand], names: Mapping[str, str],
    shown: Mapping[str, str] | None = None, kinds: Mapping[str, str] | None = None,
) -> Event:
    first = min(members, key=lambda c: (c.article.article.id, c.mention.start))
    cls = first.mention.event_class or ""
    if cls == "travel" and any(c.mention.event_class == "arrive" for c in members):
        cls = "arrive"  # one movement told two ways: where it ended is what happened
    eid = "v" + content_hash(f"{story_id}|{cls}|{first.article.article.id}|{first.mention.start}")
    dated = sorted(members, key=lambda c: (not c.explicit, c.date is None, c.earliest is None,
                                           c.rank, c.mention.start))
    best = dated[0]
    roles: list[Participant] = []
    seen: set[tuple[str, str]] = set()
    role_of: dict[str, str] = {}
    for c in members:
        for p in c.participants:
            key = (p.role, p.entity or p.text.lower())
            if p.entity and role_of.setdefault(p.entity, p.role) != p.role:
                # One part per person: "met Putin" and "Putin and Kim discussed"
                # keep Putin as the one met, not as both.
                continue
            if key not in seen:
                seen.add(key)
                roles.append(p)
    location = next((c.location for c in members if c.location), None)
    sources: list[SourceRef] = []
    seen_sources: set[SourceRef] = set()
    triggers = []
    for c in sorted(members, key=lambda c: (c.rank, c.mention.start)):
        art = c.article
        s = art.sentences[c.mention.sentence]
        quote = art.article.text[s.start : s.end]
        if quote.strip():
            src = SourceRef(art.article.id, s.start, s.end, c.mention.sentence, quote)
            if src not in seen_sources:
                seen_sources.add(src)
                sources.append(src)
        triggers.append(EntityMentionRef(art.article.id, c.mention.start, c.mention.end,
                                         c.mention.text))
    # The place is where it happened, not one of who took part ("visited Russia").
    participants = tuple(dict.fromkeys(p.entity for p in roles
                                       if p.entity and p.entity != location))
    return Event(
        id=eid,
        type=cls,
        summary=summarise(cls, roles, location, _shown(members, shown or names, kinds or {}),
                          kinds or {}, said=first.mention.text,
                          reported=_reported(first) if cls == "say" else ""),
        date=best.date,
        location=location,
        participants=participants,
        sources=tuple(sources),
        roles=tuple(roles),
        date_basis=best.basis if best.earliest else None,
        earliest=best.earliest,
        latest=best.latest,
        modality="asserted",
        triggers=tuple(triggers),
    )


def _reported(c: _Cand) -> str:
    """The first telling's reported clause ("clarified that there were no plans …")."""
    art = c.article
    s = art.sentences[c.mention.sentence]
    return reported_clause(art.article.text, c.mention.start, c.mention.end, (s.start, s.end))


def _summary(
    cls: str, roles: Sequence[Participant], location: str | None, names: Mapping[str, str]
) -> str:
    """A summary from names alone (no entity kinds); see event_text.summarise."""
    return summarise(cls, roles, location, names, {})


def _shown(
    members: Sequence[_Cand], shown: Mapping[str, str], kinds: Mapping[str, str]
) -> dict[str, str]:
    """Entity id → the name a summary uses: a thing keeps the word the text
    classes it with ("the frigate Marshal Shaposhnikov")."""
    out = dict(shown)
    done: set[str] = set()
    for c in sorted(members, key=lambda c: (c.rank, c.mention.start)):
        art = c.article
        for a in c.mention.arguments:
            if a.mention is None or a.role == "location":
                continue
            ent = _entity_of(c, a.mention)
            if ent is None or ent in done or kinds.get(ent) not in ("EQUIPMENT", "OTHER"):
                continue
            word = classifier_before(art.article.text, art.mentions[a.mention].start)
            if word:
                done.add(ent)
                out[ent] = f"the {word} {out.get(ent, '')}".strip()
    return out


def _entity_of(c: _Cand, mention: int) -> str | None:
    text = c.article.mentions[mention].text
    for p in c.participants:
        if p.entity and p.text == text:
            return p.entity
    return None


# ------------------------------------------------------------------- timeline


def _timeline(
    events: list[Event], members_of: Mapping[str, list[_Cand]],
    articles: Sequence[AnnotatedArticle], mention_entity: Mapping[tuple[str, int], str],
    entities: Sequence[Entity],
) -> tuple[list[Event], list[TimelineEntry]]:
    """Dates carried through scenes and plans, trip frames, then the order
    (analyse/timeline.py)."""
    by_entity = {e.id: e for e in entities}
    names = {e.id: e.name for e in entities}
    tellings = _tellings(members_of)
    frames = find_frames(events, by_entity)
    skip = set(frames)
    scened = date_scenes(events, tellings, skip, names)
    events = [scened.get(e.id, e) for e in events]
    vessels = {ent for art in articles for i, m in enumerate(art.mentions)
               if m.label == "VESSEL"
               and (ent := mention_entity.get((art.article.id, i))) is not None}
    planned = date_by_plans(events, _plans(articles, mention_entity), skip, vessels)
    events = [planned.get(e.id, e) for e in events]
    arrived = date_by_arrivals(events, by_entity, skip, tellings)
    events = [arrived.get(e.id, e) for e in events]
    placed = place_scenes(events, tellings, skip, names)
    events = [placed.get(e.id, e) for e in events]
    timeline = build_timeline(events, tellings, frames)
    bounded = bound_earlier(events, tellings, timeline)
    events = [bounded.get(e.id, e) for e in events]
    published = {a.article.id: a.article.published for a in articles}
    reported = bound_by_publication(events, tellings, timeline, published)
    return [reported.get(e.id, e) for e in events], timeline


def _tellings(members_of: Mapping[str, list[_Cand]]) -> list[Telling]:
    out = []
    breaks: dict[str, list[int]] = {}
    for eid, members in members_of.items():
        for c in members:
            art = c.article
            aid = art.article.id
            if aid not in breaks:
                breaks[aid] = [m.start() for m in re.finditer(r"\n+", art.article.text)]
            out.append(Telling(
                event=eid, article=aid, title=art.article.title or aid, rank=c.rank,
                start=c.mention.start, sentence=c.mention.sentence,
                paragraph=bisect.bisect_left(breaks[aid], c.mention.start),
                order=c.mention.order, quote=c.mention.text, remote=_remote_cue(c),
            ))
    return out


def _remote_cue(c: _Cand) -> bool:
    """"… deploying a submarine … earlier this year": told as earlier by a period
    (this week, month or year), not by the narrative's own steps."""
    if c.mention.order != "before" or c.mention.time is None:
        return False
    t = c.article.times[c.mention.time]
    return t.kind == "period" and t.text.lower().startswith(("earlier", "previously"))


def _plans(
    articles: Sequence[AnnotatedArticle], mention_entity: Mapping[tuple[str, int], str]
) -> list[Plan]:
    """Planned events of dated articles with a named agent and a named place."""
    out = []
    for art in articles:
        pub = art.article.published
        if not pub:
            continue
        aid = art.article.id
        narrative = _narrative_dates(art)
        for em in art.events:
            if em.event_class is None or em.modality != "planned":
                continue
            ents = {a.role: set() for a in em.arguments}  # type: dict[str, set[str]]
            for a in em.arguments:
                ent = mention_entity.get((aid, a.mention)) if a.mention is not None else None
                ents[a.role].add(ent or f"w:{a.head}")
            agents = {k for k in ents.get("agent", set()) if not k.startswith("w:")}
            places = {k for k in ents.get("location", set()) if not k.startswith("w:")}
            if not agents or len(places) != 1:
                continue
            t = narrative.get(em.sentence)
            since = max(pub[:10], t.value) if t is not None and t.value else pub[:10]
            s = art.sentences[em.sentence]
            quote = art.article.text[s.start : s.end].strip()
            out.append(Plan(
                cls=em.event_class, agents=frozenset(agents), location=next(iter(places)),
                patients=frozenset(ents.get("patient", set())), earliest=since,
                basis=(f"on or after {since}: still to come in {art.article.title or aid} "
                       f"(published {pub[:10]}): “{quote}”"),
            ))
    return out


# ------------------------------------------------------------------ estimates


def _estimates(
    articles: Sequence[AnnotatedArticle], events: Sequence[Event],
    members_of: Mapping[str, list[_Cand]],
) -> dict[str, PublishedEstimate]:
    dated_pubs = sorted(a.article.published for a in articles if a.article.published)
    out: dict[str, PublishedEstimate] = {}
    for art in articles:
        if art.article.published:
            continue
        aid = art.article.id
        best: tuple[str, str] | None = None
        for t in art.times:
            if t.granularity == "day" and t.value and (best is None or t.value > best[0]):
                best = (t.value, f"its latest stated date, “{t.text}” ({t.basis})")
        for e in events:
            tellers = {c.article.article.id for c in members_of[e.id]}
            shared = aid in tellers and len(tellers) > 1
            if shared and e.latest and (best is None or e.latest > best[0]):
                best = (e.latest, f"on or after {e.latest}, the date of an event it "
                                  f"reports with other articles: {e.summary}")
        if best is not None:
            out[aid] = PublishedEstimate(best[0], best[1])
        elif dated_pubs:
            out[aid] = PublishedEstimate(dated_pubs[0],
                                         "the story's first dated report, "
                                         f"published {dated_pubs[0]}")
    return out


__all__ = ["EventMentionOut", "StoryEvents", "build_events", "event_mentions"]
