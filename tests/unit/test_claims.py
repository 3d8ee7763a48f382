"""Claims comparison on hand-built articles (no spaCy): fast and exact."""

from __future__ import annotations

import pytest

from storyline.analyse.claims import build_claim_set, build_claims
from storyline.analyse.compare import agree
from storyline.analyse.role_descriptions import Description, Descriptions
from storyline.model import (
    AnnotatedArticle,
    Article,
    Interval,
    Mention,
    Quantity,
    Sentence,
    article_id,
)

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
    result = build_claim_set([article("a1", t, q)], resolve("a1"), {"a1": "g1"}, "s")
    (c,) = result.claims
    assert result.conflicts == [], "one outlet's slip is no conflict between sources"
    (k,) = result.inconsistencies
    assert k.claim == c.id and k.article == "a1" and k.text == "480 kg (2,000 lb"
    assert '"480 kg"' in k.explanation and '"2,000 lb"' in k.explanation
    assert c.status == "single-source"


def test_good_bracket_conversion_is_consistent() -> None:
    t = "Base carries 480 kg (1,100 lb) of explosives."
    q = fig(t, "480 kg", 480, 480, "kg", attribute="payload",
            alternates=(fig(t, "1,100 lb", 1100, 1100, "lb", attribute="payload"),))
    result = build_claim_set([article("a1", t, q)], resolve("a1"), {"a1": "g1"}, "s")
    assert result.inconsistencies == [] and result.conflicts == []


def test_bound_takes_no_side_between_disagreeing_values() -> None:
    # "at least 42" fits both 42 and 57: it must not back either side of the conflict.
    t1, t2, t3 = "Base hit: 57 km.", "Base hit: at least 42 km.", "Base hit: 42 km."
    arts = [article("a1", t1, fig(t1, "57 km", 57, 57, "km")),
            article("a2", t2, fig(t2, "at least 42 km", 42, None, "km", "at least")),
            article("a3", t3, fig(t3, "42 km", 42, 42, "km"))]
    claims, conflicts = build_claims(arts, resolve("a1", "a2", "a3"),
                                     {"a1": "g1", "a2": "g2", "a3": "g3"}, "s")
    by_text = {c.text: c for c in claims}
    assert by_text["57 km"].status == by_text["42 km"].status == "conflicting"
    assert by_text["at least 42 km"].status == "single-source"
    (k,) = conflicts
    assert k.kind == "value_mismatch" and "at least" not in k.explanation
    assert '"57 km"' in k.explanation and '"42 km"' in k.explanation


def test_bound_joins_the_one_value_it_fits() -> None:
    t1, t2 = "Base hit: 57 km.", "Base hit: at least 42 km."
    arts = [article("a1", t1, fig(t1, "57 km", 57, 57, "km")),
            article("a2", t2, fig(t2, "at least 42 km", 42, None, "km", "at least"))]
    (c,), conflicts = build_claims(arts, resolve("a1", "a2"), {"a1": "g1", "a2": "g2"}, "s")
    assert conflicts == [] and c.status == "corroborated" and c.normalized.low == 57000


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


# ------------------------------------------- event-level figures (subject None)


def ev(text: str, figure: str, low: float | None, high: float | None, attribute: str,
       unit: str = "count", noun: str = "people", qualifier: str | None = None) -> Quantity:
    start = text.index(figure)
    return Quantity(start, start + len(figure), figure, 0, Interval(low, high, noun),
                    Interval(low, high, unit), qualifier=qualifier, attribute=attribute)


def dated(aid: str, text: str, *qs: Quantity, published: str | None = "2026-03-10"
          ) -> AnnotatedArticle:
    return AnnotatedArticle(Article(aid, text, title=f"Title {aid}", published=published),
                            sentences=(Sentence(0, len(text)),), quantities=qs)


GROUPS = {"a1": "g1", "a2": "g2", "a3": "g3"}


@pytest.mark.parametrize(
    ("t1", "f1", "v1", "t2", "f2", "v2", "attribute", "statuses", "n_conflicts"),
    [
        # same kind, different figures: a conflict
        ("Police said 42 people were taken to hospital.", "42 people", 42,
         "Hospitals said 57 people were treated.", "57 people", 57,
         ("casualties_injured", "casualties_injured"), {"conflicting"}, 1),
        # different kinds never meet
        ("Two people died in the collapse.", "Two people", 2,
         "Officials said 90 people were injured.", "90 people", 90,
         ("casualties_dead", "casualties_injured"), {"single-source"}, 0),
        # same kind, agreeing figures from two origins
        ("The quake killed 12 people.", "12 people", 12,
         "Twelve people died, officials said.", "Twelve people", 12,
         ("casualties_dead", "casualties_dead"), {"corroborated"}, 0),
        # magnitudes stated to one decimal
        ("A magnitude 5.9 quake hit.", "magnitude 5.9", 5.9,
         "A magnitude 6.1 quake hit.", "magnitude 6.1", 6.1,
         ("magnitude", "magnitude"), {"conflicting"}, 1),
        ("A magnitude 6.8 quake hit.", "magnitude 6.8", 6.8,
         "The M6.8 earthquake struck at dawn.", "M6.8", 6.8,
         ("magnitude", "magnitude"), {"corroborated"}, 0),
    ],
)
def test_event_level_figures(t1: str, f1: str, v1: float, t2: str, f2: str, v2: float,
                             attribute: tuple[str, str], statuses: set[str],
                             n_conflicts: int) -> None:
    unit = "1" if attribute[0] == "magnitude" else "count"
    arts = [dated("a1", t1, ev(t1, f1, v1, v1, attribute[0], unit)),
            dated("a2", t2, ev(t2, f2, v2, v2, attribute[1], unit))]
    claims, conflicts = build_claims(arts, {}, GROUPS, "s")
    assert {c.status for c in claims} == statuses
    assert all(c.subject is None for c in claims)
    assert len(conflicts) == n_conflicts
    for k in conflicts:
        assert f'"{f1}"' in k.explanation and f'"{f2}"' in k.explanation
        assert "story's event" in k.explanation


def test_area_in_two_units_corroborates_and_copy_counts_once() -> None:
    t1 = "The fire has burned 3,400 hectares of forest."
    t3 = "The wildfire burned about 8,400 acres."
    q1 = Quantity(t1.index("3,400"), t1.index("3,400") + 14, "3,400 hectares", 0,
                  Interval(3400, 3400, "ha"), Interval(3.4e7, 3.4e7, "m^2"),
                  attribute="area_affected")
    q3 = Quantity(t3.index("about"), t3.index("about") + 17, "about 8,400 acres", 0,
                  Interval(8400, 8400, "acre"), Interval(8400 * 4046.8564224, 8400 * 4046.8564224,
                                                         "m^2"),
                  qualifier="about", attribute="area_affected")
    arts = [dated("a1", t1, q1), dated("a2", t1, q1), dated("a3", t3, q3)]
    (c,), conflicts = build_claims(arts, {}, {"a1": "g1", "a2": "g1", "a3": "g3"}, "s")
    assert not conflicts and c.status == "corroborated" and c.independent_sources == 2
    assert c.subject is None and len(c.sources) == 3


@pytest.mark.parametrize(
    ("text", "figure", "value", "published"),
    [
        ("Codes were tightened after the magnitude 8.8 earthquake of 2010.", "magnitude 8.8",
         8.8, "2026-03-10"),
        ("It came two days after a much stronger magnitude 7.4 earthquake abroad.",
         "magnitude 7.4", 7.4, "2026-03-10"),
        ("More than 60 aftershocks followed, the strongest of magnitude 5.1.", "magnitude 5.1",
         5.1, "2026-03-10"),
        ("Aftershocks above magnitude 5 are possible.", "magnitude 5", 5.0, "2026-03-10"),
        ("A magnitude 7.0 quake struck the city in 1999.", "magnitude 7.0", 7.0, None),
    ],
)
def test_other_events_never_conflict(text: str, figure: str, value: float,
                                     published: str | None) -> None:
    t1 = "A magnitude 6.8 quake hit the region on Tuesday."
    arts = [dated("a1", t1, ev(t1, "magnitude 6.8", 6.8, 6.8, "magnitude", "1")),
            dated("a2", text, ev(text, figure, value, value, "magnitude", "1"),
                  published=published)]
    claims, conflicts = build_claims(arts, {}, GROUPS, "s")
    assert conflicts == [] and len(claims) == 2


def test_object_lengths_merge_by_noun_but_never_conflict() -> None:
    t1 = "They will build a 120-kilometre pipeline soon."
    t2 = "They agreed on a 75-mile pipeline."
    t3 = "Work began on the 40-kilometre pipeline."
    t4 = "The 120-kilometre road opens soon."

    def ln(t: str, f: str, v: float, unit: str, last: bool = False) -> Quantity:
        s = t.rindex(f) if last else t.index(f)
        f_si = 1000.0 if unit == "km" else 1609.344
        return Quantity(s, s + len(f), f, 0, Interval(v, v, unit),
                        Interval(v * f_si, v * f_si, "m"), attribute="length")

    t34 = t3 + " " + t4
    arts = [dated("a1", t1, ln(t1, "120-kilometre", 120, "km")),
            dated("a2", t2, ln(t2, "75-mile", 75, "mi")),
            dated("a3", t34, ln(t34, "40-kilometre", 40, "km"),
                  ln(t34, "120-kilometre", 120, "km", last=True))]
    claims, conflicts = build_claims(arts, {}, GROUPS, "s")
    assert conflicts == []  # 40 km vs 120 km: maybe two pipelines, so no conflict
    assert [(c.text, c.status, c.independent_sources) for c in claims] == [
        ("120-kilometre", "corroborated", 2),
        ("40-kilometre", "single-source", 1),
        ("120-kilometre", "single-source", 1),  # the road is not the pipeline
    ]


def test_different_currencies_never_conflict() -> None:
    t1 = "Base cost €640 million."
    t2 = "Base cost $700 million."
    q1 = Quantity(10, 22, "€640 million", 0, Interval(6.4e8, 6.4e8, "EUR"),
                  Interval(6.4e8, 6.4e8, "EUR"), attribute="cost", subject_mention=0)
    q2 = Quantity(10, 22, "$700 million", 0, Interval(7e8, 7e8, "USD"),
                  Interval(7e8, 7e8, "USD"), attribute="cost", subject_mention=0)
    claims, conflicts = build_claims([article("a1", t1, q1), article("a2", t2, q2)],
                                     resolve("a1", "a2"), {"a1": "g1", "a2": "g2"}, "s")
    assert conflicts == [] and len(claims) == 2


def test_an_age_without_a_named_person_makes_no_claim() -> None:
    text = "A 74-year-old man died when a wall collapsed."
    seconds = 74 * 31_557_600
    q = Quantity(
        2, 13, "74-year-old", 0, Interval(74, 74, "yr"), Interval(seconds, seconds, "s"),
        attribute="age",
    )
    art = AnnotatedArticle(
        article=Article(id=article_id(text), text=text),
        sentences=(Sentence(0, len(text)),),
        quantities=(q,),
    )
    claims, conflicts = build_claims([art], {}, {art.article.id: art.article.id}, "s" + "0" * 16)
    assert (claims, conflicts) == ([], [])


@pytest.mark.parametrize(
    ("day2", "later_value", "kind"),
    [
        ("2026-03-11", 5, "toll_update"),  # 2 dead on Tuesday, 5 on Wednesday
        ("2026-03-10", 5, "value_mismatch"),  # the same day: sources disagree
        ("2026-03-11", 1, "value_mismatch"),  # a lower count later is no rising toll
    ],
)
def test_rising_toll_across_days_is_an_update(day2: str, later_value: int, kind: str) -> None:
    t1 = "Two people died in the floods, officials said."
    t2 = f"The death toll rose to {later_value} people on the second day."
    arts = [
        dated("a1", t1, ev(t1, "Two people", 2, 2, "casualties_dead")),
        dated("a2", t2, ev(t2, f"{later_value} people", later_value, later_value,
                           "casualties_dead"), published=day2),
    ]
    claims, conflicts = build_claims(arts, {}, GROUPS, "s")
    assert {c.status for c in claims} == {"conflicting"}
    (conflict,) = conflicts
    assert conflict.kind == kind
    assert '"Two people"' in conflict.explanation
    if kind == "toll_update":
        assert "updated count" in conflict.explanation


def _age(text: str, figure: str, years: float) -> Quantity:
    start = text.index(figure)
    secs = years * 31_556_952
    return Quantity(start, start + len(figure), figure, 0, Interval(years, years, "yr"),
                    Interval(secs, secs, "s"), attribute="age", subject_mention=None)


def test_age_given_to_a_role_description_is_the_described_persons() -> None:
    t1 = "The governor, aged 58, said the bridge would reopen."
    t2 = "The governor is 61 years old and was born in Chita."
    t3 = "A governor aged 70 spoke too."  # no description: no claim
    a1 = AnnotatedArticle(Article("a1", t1, title="T1"), sentences=(Sentence(0, len(t1)),),
                          quantities=(_age(t1, "58", 58),))
    a2 = AnnotatedArticle(Article("a2", t2, title="T2"), sentences=(Sentence(0, len(t2)),),
                          quantities=(_age(t2, "61 years old", 61),))
    a3 = AnnotatedArticle(Article("a3", t3, title="T3"), sentences=(Sentence(0, len(t3)),),
                          quantities=(_age(t3, "70", 70),))
    arts = [a1, a2, a3]
    # Without the descriptions an age with no person is no claim (a description of
    # someone unnamed), as before.
    assert build_claim_set(arts, {}, {}, "s1").claims == []
    found = [Description(a, 0, len("The governor"), "The governor", "e_gov",
                         "“The governor” read as Oleg Kozhemyako, the story's only governor"
                         " that fits", 4) for a in ("a1", "a2")]
    result = build_claim_set(arts, {}, {}, "s1", descriptions=Descriptions(found))
    assert {c.subject for c in result.claims} == {"e_gov"}
    assert sorted(c.value.low for c in result.claims) == [58, 61]
    assert all(c.subject_basis and "Oleg Kozhemyako" in c.subject_basis
               for c in result.claims)
    # Two ages of one person from two sources disagree.
    assert len(result.conflicts) == 1 and all(c.status == "conflicting" for c in result.claims)
