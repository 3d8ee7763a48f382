"""Temporal expressions: found with offsets, resolved against the publication date."""

from __future__ import annotations

import pytest

from storyline.nlp.temporal import find_time_expressions


def _one(text: str, published: str | None, future: bool = False) -> tuple[str | None, str]:
    (t,) = find_time_expressions(text, [0], published, future_at=lambda _: future)
    assert text[t.start : t.end] == t.text
    return t.value, t.basis


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("He arrived on Saturday.", "2023-09-16"),  # publication day itself counts
        ("They met on Wednesday.", "2023-09-13"),
        ("It happened yesterday.", "2023-09-15"),
        ("It happened last Saturday.", "2023-09-09"),
        ("They met on September 13.", "2023-09-13"),
        ("They met on 13 September 2023.", "2023-09-13"),
        ("They met on Sept. 12, 2022.", "2022-09-12"),
        ("It began two days ago.", "2023-09-14"),
        ("It started in December.", "2022-12"),  # a past month ahead of publication: last year
        ("It ran last week.", "2023-W36"),
        ("It was deployed earlier this year.", "2023"),
    ],
)
def test_resolved_against_publication(text: str, value: str) -> None:
    assert _one(text, "2023-09-16")[0] == value


def test_future_clause_looks_ahead() -> None:
    assert _one("He will fly on Monday.", "2023-09-16", future=True)[0] == "2023-09-18"


def test_ranges_have_first_and_last_day() -> None:
    (t,) = find_time_expressions("earlier this year", [0], "2023-09-16")
    assert (t.earliest, t.latest, t.granularity) == ("2023-01-01", "2023-09-16", "year")


def test_following_day_counts_from_the_previous_date() -> None:
    times = find_time_expressions(
        "They met on Wednesday. The following day he flew home.", [0, 23], "2023-09-16"
    )
    assert [t.value for t in times] == ["2023-09-13", "2023-09-14"]
    assert times[1].sentence == 1


@pytest.mark.parametrize("text", ["on Saturday", "yesterday", "last week", "on September 13"])
def test_undated_article_never_guesses(text: str) -> None:
    value, basis = _one(text, None)
    assert value is None and "no publication date" in basis


def test_undated_article_keeps_dates_with_their_year() -> None:
    assert _one("on 13 September 2023", None)[0] == "2023-09-13"


def test_following_day_without_an_earlier_date_is_unresolved() -> None:
    value, basis = _one("The following day he left.", "2023-09-16")
    assert value is None and "no earlier date" in basis


def test_a_limit_is_marked_as_such() -> None:
    times = find_time_expressions("The road stays shut until at least Wednesday.", [0],
                                  "2026-03-09")
    assert [t.bound for t in times] == ["until"]
