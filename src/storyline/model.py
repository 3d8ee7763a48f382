"""The records that flow through Storyline's stages.

Every record is a frozen dataclass, serialisable with ``to_dict`` and rebuilt
with ``from_dict``.  A span is always ``(start, end)`` character offsets into
the *cleaned* text of one article (``Article.text``), so ``text[start:end]``
is the quoted span.
"""

from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass, field
from typing import Any, Literal

EntityType = Literal["PERSON", "ORG", "PLACE", "FACILITY", "EQUIPMENT", "GROUP", "OTHER"]
ENTITY_TYPES: tuple[EntityType, ...] = (
    "PERSON",
    "ORG",
    "PLACE",
    "FACILITY",
    "EQUIPMENT",
    "GROUP",
    "OTHER",
)
ClaimStatus = Literal["corroborated", "repeated", "conflicting", "single-source"]


def content_hash(text: str, length: int = 16) -> str:
    """Stable hex digest of ``text`` (UTF-8), the basis of every id we mint."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:length]


def article_id(clean_text: str) -> str:
    """An article is identified by its cleaned text alone: same text, same id."""
    return "a" + content_hash(clean_text)


# --------------------------------------------------------------------- ingest


@dataclass(frozen=True)
class Article:
    """One cleaned article, as ingest produces it."""

    id: str
    text: str
    title: str | None = None
    source: str | None = None  # outlet / site name
    url: str | None = None
    published: str | None = None  # ISO date YYYY-MM-DD, or None when unknown
    published_basis: str | None = None  # where the date came from, e.g. "html metadata"
    language: str | None = None
    format: str = "text"  # text | html | jsonl | warc
    origin: str = ""  # where it was read from: PATH, PATH:LINE or PATH#record

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Article:
        return cls(**d)


@dataclass(frozen=True)
class Skipped:
    """An input that could not be read; ``where`` is PATH or PATH:LINE."""

    where: str
    reason: str

    def line(self) -> str:
        return f"skipped {self.where}: {self.reason}"


# ------------------------------------------------------------------- annotate


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int


@dataclass(frozen=True)
class Mention:
    """A named thing in the text.

    ``label`` is the raw label (spaCy's PERSON/GPE/… or our rule labels
    EQUIPMENT/VESSEL), ``type`` our entity type.  ``role`` holds a title or role
    written before a person's name ("Defence Minister"), kept out of the span.
    """

    start: int
    end: int
    text: str
    label: str
    type: EntityType
    sentence: int
    role: str | None = None


@dataclass(frozen=True)
class Interval:
    """A value as the text states it: ``low``/``high`` may be None (open side)."""

    low: float | None
    high: float | None
    unit: str  # as written for ``value``; SI symbol (m, kg, s, m/s, …) for ``normalized``


@dataclass(frozen=True)
class Quantity:
    """A figure found in one article, with what it is about when we can tell.

    ``alternates`` are the parallel forms of the same figure in one place
    ("480 kg (1,100 pounds)"): each its own Quantity with its own span.
    ``subject_mention`` indexes ``AnnotatedArticle.mentions`` (None when the
    sentence gives no subject); ``attribute`` comes from a small vocabulary
    (range, speed, payload, distance_from, weight, count, cost, …).
    ``anchor_mention`` is the second entity of a relation such as
    distance_from ("40 km northeast of Vladivostok").
    """

    start: int
    end: int
    text: str
    sentence: int
    value: Interval
    normalized: Interval
    qualifier: str | None = None
    attribute: str | None = None
    subject_mention: int | None = None
    anchor_mention: int | None = None
    alternates: tuple[Quantity, ...] = ()


@dataclass(frozen=True)
class TimeExpression:
    """A temporal expression and its reading against the publication date.

    ``value`` is the resolved date (``YYYY-MM-DD``) or period (``YYYY-Www``,
    ``YYYY-MM``, ``YYYY``), with its first and last day in ``earliest`` and
    ``latest``; None when the text does not allow it, and then ``basis`` says
    why.  ``future`` marks a clause about what is to come ("will meet on Monday").
    """

    start: int
    end: int
    text: str
    sentence: int
    kind: str  # iso | date | month | year | weekday | deictic | period | ago | anaphoric
    value: str | None = None
    granularity: str | None = None  # day | week | month | year
    earliest: str | None = None
    latest: str | None = None
    basis: str = ""
    future: bool = False
    bound: str | None = None  # "until", "since", "by", …: a limit, not when it happened


@dataclass(frozen=True)
class EventArgument:
    """A participant or place of an event mention.

    ``start``/``end`` span the argument's head word (for an unnamed argument, its
    short noun phrase: "a guard of honour"); ``mention`` indexes
    ``AnnotatedArticle.mentions`` when the argument is (or stands for) a named
    thing; ``head`` is the head's lemma, to match unnamed participants
    ("bombers") across articles.
    """

    role: str  # agent | patient | recipient | location
    start: int
    end: int
    mention: int | None = None
    head: str = ""


@dataclass(frozen=True)
class EventMention:
    """A verb (or event noun) of the inventory in docs/events.md, with its arguments.

    ``event_class`` is None for a verb outside the inventory (kept with its
    trigger only, for event-mention benchmarks).  ``time`` indexes
    ``AnnotatedArticle.times``; ``modality`` is asserted, negated, planned,
    hypothetical or generic; ``order`` is an ordering cue relative to the
    article's narrative time ("before": "began her visit by meeting …").
    """

    start: int
    end: int
    text: str
    lemma: str
    sentence: int
    event_class: str | None = None
    pos: str = "VERB"
    arguments: tuple[EventArgument, ...] = ()
    time: int | None = None
    modality: str = "asserted"
    order: str | None = None


@dataclass(frozen=True)
class AnnotatedArticle:
    article: Article
    sentences: tuple[Sentence, ...] = ()
    mentions: tuple[Mention, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    tokens: int = 0
    times: tuple[TimeExpression, ...] = ()
    events: tuple[EventMention, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> AnnotatedArticle:
        return cls(
            article=Article.from_dict(d["article"]),
            sentences=tuple(Sentence(**s) for s in d.get("sentences", ())),
            mentions=tuple(Mention(**m) for m in d.get("mentions", ())),
            quantities=tuple(_quantity_from_dict(q) for q in d.get("quantities", ())),
            tokens=d.get("tokens", 0),
            times=tuple(TimeExpression(**t) for t in d.get("times", ())),
            events=tuple(_event_from_dict(e) for e in d.get("events", ())),
        )


def _event_from_dict(d: dict[str, Any]) -> EventMention:
    d = dict(d)
    d["arguments"] = tuple(EventArgument(**a) for a in d.get("arguments", ()))
    return EventMention(**d)


def _quantity_from_dict(d: dict[str, Any]) -> Quantity:
    d = dict(d)
    d["value"] = Interval(**d["value"])
    d["normalized"] = Interval(**d["normalized"])
    d["alternates"] = tuple(_quantity_from_dict(a) for a in d.get("alternates", ()))
    return Quantity(**d)


# -------------------------------------------------------------------- stories


@dataclass(frozen=True)
class Story:
    """A group of articles about one real-world event; ``id`` is stable."""

    id: str
    article_ids: tuple[str, ...]


# -------------------------------------------------------------------- dossier


@dataclass(frozen=True)
class SourceRef:
    """A quote backing an entity, event or claim."""

    article: str
    start: int
    end: int
    sentence: int
    quote: str


@dataclass(frozen=True)
class EntityMentionRef:
    article: str
    start: int
    end: int
    text: str
    # None for a name; "description" for a role description read as the entity
    # ("Putin's defence minister", analyse/role_descriptions.py): never a name form.
    kind: str | None = None


@dataclass(frozen=True)
class Entity:
    id: str
    name: str
    type: EntityType
    aliases: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    lat: float | None = None
    lon: float | None = None
    mentions: tuple[EntityMentionRef, ...] = ()
    # Places and facilities (analyse/places.py): ISO 3166-1 alpha-2 country, gazetteer
    # feature ("city", "region", "country", "airport", …), gazetteer record id
    # ("geonames:2013348", "icao:UHWW") and how the point was chosen, or why there is none.
    country: str | None = None
    feature: str | None = None
    gazetteer_id: str | None = None
    geo_note: str | None = None
    # EQUIPMENT (analyse/equipment_kinds.py): aircraft | missile | vessel | spacecraft |
    # vehicle, as the text calls it next to its mentions; None when it never says.
    kind: str | None = None
    # ORG (analyse/org_places.py): id of the PLACE entity the organisation's name
    # contains ("University of Coimbra" → Coimbra); None when its name names no place.
    place: str | None = None


@dataclass(frozen=True)
class Participant:
    """Who or what takes part in an event: an entity (id) or, unnamed, its words."""

    role: str  # agent | patient | recipient
    entity: str | None
    text: str


@dataclass(frozen=True)
class Event:
    id: str
    type: str
    summary: str
    date: str | None
    location: str | None  # entity id
    participants: tuple[str, ...] = ()
    sources: tuple[SourceRef, ...] = ()
    roles: tuple[Participant, ...] = ()
    date_basis: str | None = None
    earliest: str | None = None  # a range when the date is not day-precise
    latest: str | None = None
    modality: str = "asserted"
    order: int = 0  # position on the story's timeline (0: not on it)
    triggers: tuple[EntityMentionRef, ...] = ()  # each telling's trigger word
    location_basis: str | None = None  # where a location not in the event's own words came from


@dataclass(frozen=True)
class TimelineEntry:
    """One step of a story's timeline: an event, dated or placed by its neighbours."""

    event: str
    date: str | None
    relation: str  # dated | after | before | unplaced | spans (a trip, or through one)
    relative_to: str | None  # the neighbouring event id the relation is about
    basis: str


@dataclass(frozen=True)
class PublishedEstimate:
    """An undated article's likely publication date, with how we got there."""

    date: str
    basis: str


@dataclass(frozen=True)
class FigureRef:
    """The exact span of one figure behind a claim, with its parallel forms
    ("480 kg (1,100 pounds)": the pounds are an alternate of the kilograms)."""

    article: str
    start: int
    end: int
    text: str
    normalized: Interval
    alternates: tuple[FigureRef, ...] = ()


@dataclass(frozen=True)
class Claim:
    id: str
    subject: str | None  # entity id
    attribute: str
    value: Interval
    normalized: Interval
    qualifier: str | None
    status: ClaimStatus
    sources: tuple[SourceRef, ...]
    independent_sources: int
    text: str = ""  # the figure as first written, for readers of the dossier
    figures: tuple[FigureRef, ...] = ()  # each source's figure span, in source order
    anchor: str | None = None  # entity id of a distance_from's second place
    # Why ``subject`` was read from a definite description ("the vessel" as the
    # story's only vessel); None when the subject was named.
    subject_basis: str | None = None
    # For a bound that fits two or more disagreeing claims ("at least 42" beside
    # "42" and "57"): the ids of those claims.  It stays its own claim (it backs no
    # side) and this says which figures it is compatible with.
    compatible_with: tuple[str, ...] = ()


@dataclass(frozen=True)
class Inconsistency:
    """An article contradicting itself: a figure and its own bracketed conversion
    that do not round to each other ("480 kg (2,000 pounds)").  One outlet's slip,
    not a disagreement between sources."""

    claim: str
    article: str
    start: int  # span of the figure with its conversion
    end: int
    text: str
    explanation: str


@dataclass(frozen=True)
class DistanceCheck:
    """A distance_from claim between two entities with coordinates, set against the
    great-circle distance between their gazetteer points (analyse/distance_check.py)."""

    claim: str
    subject: str  # entity id
    anchor: str  # entity id
    computed_m: float  # great-circle distance between the two points
    allowed_low_m: float | None  # the claim widened for rounding and place extent
    allowed_high_m: float | None
    consistent: bool
    explanation: str


@dataclass(frozen=True)
class Conflict:
    claims: tuple[str, ...]
    kind: str
    explanation: str


@dataclass(frozen=True)
class Dossier:
    story: Story
    title: str
    articles: tuple[Article, ...]
    origin_groups: dict[str, str]  # article id -> origin group id
    entities: tuple[Entity, ...] = ()
    events: tuple[Event, ...] = ()
    claims: tuple[Claim, ...] = ()
    conflicts: tuple[Conflict, ...] = ()
    shared_passages: tuple[SharedPassage, ...] = field(default=())
    inconsistencies: tuple[Inconsistency, ...] = ()
    distance_checks: tuple[DistanceCheck, ...] = ()
    timeline: tuple[TimelineEntry, ...] = ()
    published_estimates: dict[str, PublishedEstimate] = field(default_factory=dict)


@dataclass(frozen=True)
class SharedPassage:
    """A passage two articles share (copy detection), with both spans."""

    article_a: str
    start_a: int
    end_a: int
    article_b: str
    start_b: int
    end_b: int
