"""Years named by undated articles as group-level evidence of different episodes."""

from __future__ import annotations

from storyline.stories.merging import merge_groups
from storyline.stories.years import groups_clash, named_years, years_alien


def test_named_years_are_years_not_amounts_or_parts_of_numbers() -> None:
    text = "Posted 11/27/2005. Worst since 2003; $2000 raised, 12005 units, 2012.5 km, 1,999 cars."
    assert named_years(text) == (2003, 2005)
    assert named_years("On Sunday five people were hurt.") == ()


def test_a_group_naming_a_year_clashes_with_one_that_never_does() -> None:
    years: list[tuple[int, ...] | None] = [(2005,), (2003, 2005), (2005,), (), (), (), ()]
    assert groups_clash(years, [0, 1, 2], [3, 4, 5, 6])
    # One report of the other group naming 2005 out of four is below the share.
    assert not groups_clash([*years[:6], (2005,)], [0, 1, 2], [3, 4, 5, 6])
    # Too few reports on either side say nothing.
    assert not groups_clash(years, [0, 1], [3, 4, 5])
    assert not groups_clash(years, [0, 1, 2], [3, 4])
    # Articles with a publication date (None) leave the date window to judge.
    assert not groups_clash([None, None, None, (), (), ()], [0, 1, 2], [3, 4, 5])


def test_the_latest_year_is_the_news_year_history_years_do_not_clash() -> None:
    # Three reports recall 1995 beside the 2013 news; the others name only 2013.
    years: list[tuple[int, ...] | None] = [
        (1995, 2013), (1995, 2013), (1995, 2013), (2013,), (2013,), (2013,)
    ]
    assert not groups_clash(years, [0, 1, 2], [3, 4, 5])


def test_merge_keeps_episodes_of_different_years_apart() -> None:
    # Identical wording and every pair linked: only the years tell them apart.
    vectors = [{"quake": 1.0}] * 6
    # Pairs inside each triple are linked more strongly, so both groups form
    # first; then the two whole groups meet and their years clash.
    strength = {
        (i, j): 3.0 if (i < 3) == (j < 3) else 1.0 for i in range(6) for j in range(i + 1, 6)
    }
    years: list[tuple[int, ...] | None] = [(2005,)] * 3 + [()] * 3
    apart = merge_groups(range(6), strength, None, vectors, years=years)
    assert sorted(sorted(g) for g in apart.values()) == [[0, 1, 2], [3, 4, 5]]
    assert len(merge_groups(range(6), strength, None, vectors)) == 1


def test_a_report_of_a_year_the_story_hardly_names_is_alien_to_it() -> None:
    years: list[tuple[int, ...] | None] = [(2013,), (), (), (), (2003, 2013), (2013,)]
    assert years_alien(years, 0, [1, 2, 3])
    assert not years_alien(years, 0, [1, 2, 3, 4, 5])  # two of five name 2013
    assert not years_alien(years, 0, [1, 2])  # too few reports to judge by
    assert not years_alien(years, 1, [0, 4, 5])  # a report naming no year is never alien
    assert not years_alien([(2013,), None, None, None], 0, [1, 2, 3])  # a dated story
