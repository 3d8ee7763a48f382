"""Claims comparison on hand-built articles (no spaCy): fast and exact."""

from __future__ import annotations

from storyline.analyse.claims import build_claims
from storyline.analyse.compare import agree
from storyline.model import AnnotatedArticle, Article, Interval, Mention, Quantity, Sentence

M_PER = {"km": 1000.0, "mi": 1609.344, "kg": 1.0, "lb": 0.45359237, "km/h": 1 / 3.6,
         "mph": 0.44704, "mach": 343.0}
SI = {"km": "m", "mi": "m", "kg": "kg", "lb": "kg", "km/h": "m/s", "mph": "m/s", "mach": "m/s"}


def fig(text: str, figure: str, low: float | None, high: float | None, unit: str,
        qualifier: str | None = None, attribute: str = "distance_from",
        subject: int | None = 0, alternates: tuple[Quantity, ...] = ()) -> Quantity:
    start = text.index(figure)
    f = M_PER[unit]
    return Quantity(
        start, start + len(figure), figure, 0, Interval(low, high, unit),
        Interval(None if low is None else low * f, None if high is None else high * f, SI[unit]),
        qualifier=qualifier, attribute=attribute, subject_mention=subject,
        alternates=alternates,
    )


def article(aid: str, text: str, *qs: Quantity, title: str | None = None) -> AnnotatedArticle:
    subject = Mention(0, 4, text[0:4], "EQUIPMENT", "EQUIPMENT", 0)
    return AnnotatedArticle(Article(aid, text, title=title or f"Title {aid}"),
                            sentences=(Sentence(0, len(text)),), mentions=(subject,),
                            quantities=qs)


def resolve(*aids: str) -> dict[tuple[str, int], str]:
    return {(a, 0): "e-base" for a in aids}


def test_unit_only_difference_is_corroborated() -> None:
    t1 = "Base lies 40 km from the port."
    t2 = "Base lies 25 miles from the port."
    arts = [article("a1", t1, fig(t1, "40 km", 40, 40, "km")),
            article("a2", t2, fig(t2, "25 miles", 25, 25, "mi"))]
    claims, conflicts = build_claims(arts, resolve("a1", "a2"), {"a1": "g1", "a2": "g2"}, "s1")
    assert conflicts == []
    (c,) = claims
    assert c.status == "corroborated" and c.independent_sources == 2
    assert [s.article for s in c.sources] == ["a1", "a2"]
    assert c.sources[0].quote == t1 and (c.sources[0].start, c.sources[0].end) == (0, len(t1))
    assert c.value.unit == "km" and c.text == "40 km" and c.subject == "e-base"
    assert c.id.startswith("c") and c.id == build_claims(
        arts, resolve("a1", "a2"), {"a1": "g1", "a2": "g2"}, "s1")[0][0].id


def test_fifty_vs_forty_conflicts_with_explanation() -> None:
    t1 = "Base lies approximately 40 km from the port."
    t2 = "Base lies approximately 50 km from the port."
    arts = [article("a1", t1, fig(t1, "approximately 40 km", 40, 40, "km", "approximately")),
            article("a2", t2, fig(t2, "approximately 50 km", 50, 50, "km", "approximately"),
                    title="Second report")]
    claims, conflicts = build_claims(arts, resolve("a1", "a2"), {"a1": "g1", "a2": "g2"}, "s1")
    assert len(claims) == 2 and {c.status for c in claims} == {"conflicting"}
    (k,) = conflicts
    assert k.kind == "value_mismatch" and set(k.claims) == {c.id for c in claims}
    assert "approximately 40 km" in k.explanation and "approximately 50 km" in k.explanation
    assert "«Second report» (a2)" in k.explanation and "a1" in k.explanation


def test_same_origin_is_repeated() -> None:
    t = "Base lies 40 km from the port."
    arts = [article("a1", t, fig(t, "40 km", 40, 40, "km")),
            article("a2", t, fig(t, "40 km", 40, 40, "km"))]
    (c,), conflicts = build_claims(arts, resolve("a1", "a2"), {"a1": "g1", "a2": "g1"}, "s1")
    assert c.status == "repeated" and c.independent_sources == 1 and not conflicts


def test_single_source() -> None:
    t = "Base lies 40 km from the port."
    (c,), _ = build_claims([article("a1", t, fig(t, "40 km", 40, 40, "km"))],
                           resolve("a1"), {"a1": "g1"}, "s1")
    assert c.status == "single-source" and c.independent_sources == 1


def test_rounded_conversions_agree() -> None:
    t = "Base x 12,000 kph y 7,700 mph z 480 kg w 1,100 lb"
    assert agree(fig(t, "12,000 kph", 12000, 12000, "km/h"), fig(t, "7,700 mph", 7700, 7700, "mph"))
    assert agree(fig(t, "480 kg", 480, 480, "kg"), fig(t, "1,100 lb", 1100, 1100, "lb"))
    assert not agree(fig(t, "480 kg", 480, 480, "kg"), fig(t, "7,700 mph", 7700, 7700, "mph"))


def test_up_to_speed_across_articles_and_units() -> None:
    t1 = "Base flies at up to 10 times the speed of sound (12,000 kph or 7,700 mph)."
    alts = (fig(t1, "12,000 kph", None, 12000, "km/h", "up to", "speed"),
            fig(t1, "7,700 mph", None, 7700, "mph", "up to", "speed"))
    q1 = fig(t1, "up to 10 times the speed of sound", None, 10, "mach", "up to", "speed",
             alternates=alts)
    t2 = "Base reaches 12,000 kph."
    q2 = fig(t2, "12,000 kph", 12000, 12000, "km/h", None, "speed")
    arts = [article("a1", t1, q1), article("a2", t2, q2)]
    (c,), conflicts = build_claims(arts, resolve("a1", "a2"), {"a1": "g1", "a2": "g2"}, "s")
    assert c.status == "corroborated" and not conflicts
    assert c.value.unit == "mach" and c.qualifier == "up to"


def test_ranges_overlap_agree_and_disjoint_ranges_conflict() -> None:
    t1 = "Base has a range of 1,500 to 2,000 km."
    t2 = "Base has a range of 930-1,240 miles."
    t3 = "Base has a range of 500 to 700 km."
    q1 = fig(t1, "1,500 to 2,000 km", 1500, 2000, "km", attribute="range")
    q2 = fig(t2, "930-1,240 miles", 930, 1240, "mi", attribute="range")
    q3 = fig(t3, "500 to 700 km", 500, 700, "km", attribute="range")
    arts = [article("a1", t1, q1), article("a2", t2, q2), article("a3", t3, q3)]
    claims, conflicts = build_claims(arts, resolve("a1", "a2", "a3"),
                                     {"a1": "g1", "a2": "g2", "a3": "g3"}, "s")
    assert len(claims) == 2 and all(c.status == "conflicting" for c in claims)
    # Ranges are kept as ranges; the cluster's value is its most precisely written
    # member (930-1,240 miles is stated to ±5 miles, 1,500 to 2,000 km to ±50/500 km).
    assert claims[0].value == q1.value
    assert claims[0].normalized == q2.normalized
    assert claims[1].normalized.low == 5e5 and claims[1].normalized.high == 7e5
    assert [k.kind for k in conflicts] == ["range_mismatch"]


def test_bad_bracket_conversion_is_internal_inconsistency() -> None:
    t = "Base carries 480 kg (2,000 lb) of explosives."
    q = fig(t, "480 kg", 480, 480, "kg", attribute="payload",
            alternates=(fig(t, "2,000 lb", 2000, 2000, "lb", attribute="payload"),))
    (c,), conflicts = build_claims([article("a1", t, q)], resolve("a1"), {"a1": "g1"}, "s")
    (k,) = conflicts
    assert k.kind == "internal_inconsistency" and k.claims == (c.id,)
    assert "a1" in k.explanation and c.status == "single-source"


def test_no_subject_only_identical_values_merge() -> None:
    t1 = "Base saw 40 km of trenches."
    t2 = "Base saw 45 km of trenches."
    t3 = "Base saw 40 km of trenches, it said."
    arts = [article("a1", t1, fig(t1, "40 km", 40, 40, "km", attribute="quantity", subject=None)),
            article("a2", t2, fig(t2, "45 km", 45, 45, "km", attribute="quantity", subject=None)),
            article("a3", t3, fig(t3, "40 km", 40, 40, "km", attribute="quantity", subject=None))]
    claims, conflicts = build_claims(arts, {}, {"a1": "g1", "a2": "g2", "a3": "g3"}, "s")
    assert conflicts == []
    assert [(c.status, len(c.sources)) for c in claims] == [("corroborated", 2),
                                                            ("single-source", 1)]
    assert claims[0].subject is None and len({c.id for c in claims}) == 2
