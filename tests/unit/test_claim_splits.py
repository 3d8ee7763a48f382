"""One figure, one claim: the rules that keep a figure from splitting into several
claims by wording or by a missing subject (docs/claims.md, "One figure, one claim").
Hand-built articles for the grouping rules; spaCy for the wording rules."""

from __future__ import annotations

import pytest

from storyline.analyse.claims import build_claim_set, build_claims
from storyline.analyse.compare import same_figure, same_written
from storyline.model import AnnotatedArticle, Article, Interval, Mention, Quantity, Sentence
from storyline.nlp.annotate import annotate_text

GROUPS = {"a1": "g1", "a2": "g2", "a3": "g3"}


def q(text: str, figure: str, low: float | None, high: float | None, unit: str, si: float,
      si_unit: str, attribute: str, qualifier: str | None = None, subject: int | None = None,
      alternates: tuple[Quantity, ...] = ()) -> Quantity:
    s = text.index(figure)
    return Quantity(s, s + len(figure), figure, 0, Interval(low, high, unit),
                    Interval(None if low is None else low * si,
                             None if high is None else high * si, si_unit),
                    qualifier=qualifier, attribute=attribute, subject_mention=subject,
                    alternates=alternates)


def art(aid: str, text: str, *qs: Quantity, name: str | None = None) -> AnnotatedArticle:
    mentions = (Mention(text.index(name), text.index(name) + len(name), name, "ORG", "ORG", 0),
                ) if name else ()
    return AnnotatedArticle(Article(aid, text, title=f"Title {aid}", published="2026-03-10"),
                            sentences=(Sentence(0, len(text)),), mentions=mentions,
                            quantities=qs)


# ------------------------------------------------------------- dual-unit figures

def test_parallel_unit_is_the_same_written_figure() -> None:
    t1 = "Trains run at up to 250 km/h (155 mph)."
    t2 = "Trains run at up to 155 mph."
    mph = q(t1, "155 mph", None, 155, "mph", 0.44704, "m/s", "speed", "up to")
    a = q(t1, "up to 250 km/h", None, 250, "km/h", 1 / 3.6, "m/s", "speed", "up to",
          alternates=(mph,))
    b = q(t2, "up to 155 mph", None, 155, "mph", 0.44704, "m/s", "speed", "up to")
    assert same_written(a, b) and not same_written(
        a, q(t2, "up to 155 mph", None, 150, "mph", 0.44704, "m/s", "speed", "up to"))
    # no subject: only identical figures merge, and the bracketed form counts as written
    (c,), conflicts = build_claims([art("a1", t1, a), art("a2", t2, b)], {}, GROUPS, "s")
    assert not conflicts and c.status == "corroborated" and len(c.figures) == 2


def test_different_speeds_in_two_units_stay_apart_without_subject() -> None:
    t1 = "Trains run at up to 250 km/h (155 mph)."
    t2 = "Trains run at up to 160 mph."
    mph = q(t1, "155 mph", None, 155, "mph", 0.44704, "m/s", "speed", "up to")
    a = q(t1, "up to 250 km/h", None, 250, "km/h", 1 / 3.6, "m/s", "speed", "up to",
          alternates=(mph,))
    b = q(t2, "up to 160 mph", None, 160, "mph", 0.44704, "m/s", "speed", "up to")
    claims, _ = build_claims([art("a1", t1, a), art("a2", t2, b)], {}, GROUPS, "s")
    assert len(claims) == 2


# ------------------------------------------------------- a subject that is missing

def test_missing_subject_joins_the_one_subject_with_that_figure() -> None:
    t1 = "Porto upgrade cost €1.9 billion."
    t2 = "The project cost €1.9 billion, the ministry said."
    named = q(t1, "€1.9 billion", 1.9e9, 1.9e9, "EUR", 1.0, "EUR", "cost", subject=0)
    bare = q(t2, "€1.9 billion", 1.9e9, 1.9e9, "EUR", 1.0, "EUR", "cost")
    arts = [art("a1", t1, named, name="Porto"), art("a2", t2, bare)]
    (c,), conflicts = build_claims(arts, {("a1", 0): "e-porto"}, GROUPS, "s")
    assert not conflicts and c.subject == "e-porto" and c.status == "corroborated"
    assert c.subject_basis is not None and "Porto" in c.subject_basis
    assert c.text == "€1.9 billion" and [f.article for f in c.figures] == ["a1", "a2"]


def test_missing_subject_stays_when_two_subjects_fit_or_none_does() -> None:
    t1 = "Porto upgrade cost €1.9 billion."
    t2 = "Braga upgrade cost €1.9 billion."
    t3 = "The project cost €1.9 billion, the ministry said. Another cost €2.5 billion."
    arts = [art("a1", t1, q(t1, "€1.9 billion", 1.9e9, 1.9e9, "EUR", 1.0, "EUR", "cost",
                            subject=0), name="Porto"),
            art("a2", t2, q(t2, "€1.9 billion", 1.9e9, 1.9e9, "EUR", 1.0, "EUR", "cost",
                            subject=0), name="Braga"),
            art("a3", t3, q(t3, "€1.9 billion", 1.9e9, 1.9e9, "EUR", 1.0, "EUR", "cost"),
                q(t3, "€2.5 billion", 2.5e9, 2.5e9, "EUR", 1.0, "EUR", "cost"))]
    claims, _ = build_claims(arts, {("a1", 0): "e-porto", ("a2", 0): "e-braga"}, GROUPS, "s")
    assert sorted((c.subject or "-", c.text) for c in claims) == [
        ("-", "€1.9 billion"), ("-", "€2.5 billion"),
        ("e-braga", "€1.9 billion"), ("e-porto", "€1.9 billion")]


@pytest.mark.parametrize(("attribute", "noun", "joins"), [
    ("count", "crew", True),          # 48 crew of the Nordic Star and "48 crew"
    ("count", "passenger", False),    # another counted noun is another figure
    ("weight", "crew", False),        # another attribute is another figure
])
def test_missing_subject_needs_same_attribute_and_detail(attribute: str, noun: str,
                                                         joins: bool) -> None:
    t1 = "Nordic Star carried 48 crew."
    t2 = "There were 48 crew aboard."
    named = Quantity(20, 27, "48 crew", 0, Interval(48, 48, "crew"), Interval(48, 48, "count"),
                     attribute="count", subject_mention=0)
    bare = Quantity(10, 17, "48 crew", 0, Interval(48, 48, noun),
                    Interval(48, 48, "count" if attribute == "count" else "kg"),
                    attribute=attribute)
    arts = [art("a1", t1, named, name="Nordic Star"), art("a2", t2, bare)]
    claims, _ = build_claims(arts, {("a1", 0): "e-ship"}, GROUPS, "s")
    assert (len(claims) == 1) is joins
    assert all(c.subject == "e-ship" for c in claims) is joins


def test_missing_subject_with_rounding_in_another_unit_joins_a_bound() -> None:
    # "about 141 billion cubic feet" ≈ 3.99 bcm, and the interconnector's "up to 4 bcm"
    t1 = "Sava Interconnector will carry up to 4 billion cubic metres a year."
    t2 = "The line would carry about 141 billion cubic feet a year."
    named = q(t1, "up to 4 billion cubic metres", None, 4, "bcm", 1e9, "m^3", "capacity",
              "up to", subject=0)
    bare = q(t2, "about 141 billion cubic feet", 141, 141, "bcf", 0.0283168466e9, "m^3",
             "capacity", "about")
    arts = [art("a1", t1, named, name="Sava Interconnector"), art("a2", t2, bare)]
    (c,), _ = build_claims(arts, {("a1", 0): "e-sava"}, GROUPS, "s")
    assert c.subject == "e-sava" and c.status == "corroborated"
    # an open bound and a value far inside it only agree: they do not state one number
    more = q(t1, "up to 4 billion cubic metres", 1, None, "bcm", 1e9, "m^3", "capacity",
             "more than")
    assert not same_figure(more, bare)


def test_event_figure_repeated_in_a_comparison_joins_the_event_claim() -> None:
    # "higher than the 42 injured" is not left to take the event's side by itself (the
    # comparison rule keeps it out of the event), but it is the event's 42 all the same.
    t1 = "Police said 42 people were taken to hospital."
    t2 = "Hospitals treated 57 people. The figure is higher than the 42 injured given earlier."
    c42 = Quantity(12, 21, "42 people", 0, Interval(42, 42, "people"), Interval(42, 42, "count"),
                   attribute="casualties_injured")
    s57 = t2.index("57 people")
    s42 = t2.index("42 injured")
    arts = [art("a1", t1, c42),
            art("a2", t2, Quantity(s57, s57 + 9, "57 people", 0, Interval(57, 57, "people"),
                                   Interval(57, 57, "count"), attribute="casualties_injured"),
                Quantity(s42, s42 + 10, "42 injured", 0, Interval(42, 42, "people"),
                         Interval(42, 42, "count"), attribute="casualties_injured"))]
    claims, conflicts = build_claims(arts, {}, GROUPS, "s")
    assert sorted(len(c.figures) for c in claims) == [1, 2] and len(conflicts) == 1
    (c,) = [c for c in claims if len(c.figures) == 2]
    assert c.text == "42 people"  # the figure that states it directly comes first


def test_object_lengths_under_synonym_nouns_are_one_claim() -> None:
    t1 = "The tunnel runs for 14.2 km under the range."
    t2 = "The minister rode through the 14.2-kilometre bore."
    arts = [art("a1", t1, q(t1, "14.2 km", 14.2, 14.2, "km", 1000.0, "m", "length")),
            art("a2", t2, q(t2, "14.2-kilometre", 14.2, 14.2, "km", 1000.0, "m", "length"))]
    (c,), _ = build_claims(arts, {}, GROUPS, "s")
    assert c.status == "corroborated"


# ------------------------------------------------------------ bounds and values

def test_bound_between_two_sides_is_linked_not_merged() -> None:
    t1, t2, t3 = "Police: 42 people hurt.", "At least 42 people were hurt.", "57 people hurt."
    arts = [art("a1", t1, q(t1, "42 people", 42, 42, "people", 1, "count",
                            "casualties_injured")),
            art("a2", t2, q(t2, "At least 42 people", 42, None, "people", 1, "count",
                            "casualties_injured", "at least")),
            art("a3", t3, q(t3, "57 people", 57, 57, "people", 1, "count",
                            "casualties_injured"))]
    result = build_claim_set(arts, {}, GROUPS, "s")
    by_text = {c.text: c for c in result.claims}
    bound = by_text["At least 42 people"]
    assert bound.status == "single-source"
    assert set(bound.compatible_with) == {by_text["42 people"].id, by_text["57 people"].id}
    assert by_text["42 people"].compatible_with == ()
    (k,) = result.conflicts
    assert bound.id not in k.claims


# ---------------------------------------------------------------- wording (spaCy)

def test_group_members_count_as_the_group() -> None:
    (a,) = annotate_text("The three crew members were not hurt.").quantities
    (b,) = annotate_text("The aircraft left with three crew on board.").quantities
    assert a.value.unit == b.value.unit == "crew"
    (c,) = annotate_text("Five members of staff were evacuated.").quantities
    assert c.value.unit == "member"


@pytest.mark.parametrize(("text", "attribute"), [
    ("The freighter left Liège with about 40 tonnes of general cargo.", "payload"),
    ("The truck was carrying 12 tonnes of freight.", "payload"),
    ("The statue weighs about 40 tonnes.", "weight"),
    ("The aircraft, about 40 tonnes of aluminium, was scrapped.", "weight"),
])
def test_mass_of_cargo_is_payload(text: str, attribute: str) -> None:
    (fig,) = annotate_text(text).quantities
    assert fig.attribute == attribute


def test_distance_off_a_coast_is_from_that_place() -> None:
    r = annotate_text("The crew declared an emergency about 400 km (250 miles) off the west "
                      "coast of Ireland and turned back.")
    (fig,) = r.quantities
    assert fig.attribute == "distance_from" and fig.anchor_mention is not None
    assert r.mentions[fig.anchor_mention].text == "Ireland"
