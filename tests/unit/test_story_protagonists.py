"""Protagonists: the people most reports of a story name, as evidence for a wider join."""

from __future__ import annotations

from storyline.stories.protagonists import common_figures, protagonists, share_protagonists
from storyline.stories.years import groups_clash

CLS = {
    "tim fanning": "PERSON",
    "eric kirkpatrick": "PERSON",
    "ben banky": "PERSON",
    "john christie": "PERSON",
    "ana vidal": "PERSON",
    "vancouver": "PLACE",
    "~fanning": "SURNAME",
    "head of state": "PERSON",
}
WEIGHT = dict.fromkeys(CLS, 1.0)

# Day one: the shooting; day two: the charge.  The spokesman and the suspect recur.
DAY_ONE = [
    {"tim fanning", "~fanning", "vancouver", "john christie"},
    {"tim fanning", "vancouver", "eric kirkpatrick"},
    {"vancouver", "john christie"},
]
DAY_TWO = [
    {"eric kirkpatrick", "ben banky", "tim fanning"},
    {"eric kirkpatrick", "ben banky"},
    {"eric kirkpatrick", "ben banky", "tim fanning", "vancouver"},
]
OTHER = [{"ana vidal", "vancouver", "head of state"}, {"ana vidal", "head of state"}]


def test_protagonists_are_people_most_reports_name() -> None:
    assert protagonists(DAY_ONE, CLS) == {"tim fanning", "john christie"}
    # Places and bare family names are never protagonists.
    assert "vancouver" not in protagonists(DAY_TWO, CLS)


def test_parts_of_one_episode_share_protagonists_look_alikes_do_not() -> None:
    assert share_protagonists(DAY_ONE, DAY_TWO, CLS, WEIGHT)
    # Sharing only a place is not enough.
    assert not share_protagonists(DAY_ONE, OTHER, CLS, WEIGHT)
    # Half of the smaller side's protagonist weight shared passes; a sliver does not.
    assert not share_protagonists(DAY_ONE, DAY_TWO, CLS, WEIGHT, min_share=0.6)


def test_a_person_at_the_centre_of_many_stories_does_not_count() -> None:
    quake = [{"head of state", "ana vidal"}, {"head of state"}]
    fire = [{"head of state", "eric kirkpatrick"}, {"head of state"}]
    summit = [{"head of state"}, {"head of state", "ben banky"}]
    famous = common_figures([quake, fire, summit], CLS)
    assert famous == {"head of state"}
    assert share_protagonists(quake, fire, CLS, WEIGHT)
    assert not share_protagonists(quake, fire, CLS, WEIGHT, famous=famous)


def test_strict_years_read_the_year_most_reports_name_beside_a_later_one() -> None:
    # One side names 2013 in every report, with 2014 in some; the other never names 2013.
    years: list[tuple[int, ...] | None] = [
        (2007, 2013),
        (2013, 2014),
        (2013,),
        (2013, 2014),
        (2004, 2005),
        (2008,),
        (2004, 2009),
        (),
    ]
    a, b = [0, 1, 2, 3], [4, 5, 6, 7]
    assert not groups_clash(years, a, b)
    assert groups_clash(years, a, b, strict=True)
