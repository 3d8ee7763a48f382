"""The gazetteer check of distance_from claims, on hand-made entities."""

from __future__ import annotations

import pytest

from storyline.analyse.distance_check import (
    PLACE_EXTENT_M,
    allowed_interval,
    check_distances,
    great_circle_m,
)
from storyline.model import Claim, Entity, FigureRef, Interval

ARTYOM = Entity("e-artyom", "Artyom", "PLACE", lat=43.3595, lon=132.1896)
VLADIVOSTOK = Entity("e-vlad", "Vladivostok", "PLACE", lat=43.1056, lon=131.8735)
UNLOCATED = Entity("e-nowhere", "Nowhere", "PLACE")


def claim(text: str, km_low: float | None, km_high: float | None, qualifier: str | None = None,
          subject: str = "e-artyom", anchor: str | None = "e-vlad",
          attribute: str = "distance_from") -> Claim:
    n = Interval(None if km_low is None else km_low * 1000,
                 None if km_high is None else km_high * 1000, "m")
    fig = FigureRef("a1", 0, len(text), text, n)
    return Claim(f"c-{text}", subject, attribute, Interval(km_low, km_high, "km"), n,
                 qualifier, "single-source", (), 1, text=text, figures=(fig,), anchor=anchor)


def test_great_circle_is_known_distance() -> None:
    # London–Paris is about 344 km between the usual reference points.
    assert great_circle_m(51.5074, -0.1278, 48.8566, 2.3522) == pytest.approx(343_500, rel=0.01)


def test_artyom_about_40_km_from_vladivostok_is_consistent() -> None:
    (k,) = check_distances([claim("approximately 40 kilometers", 40, 40, "approximately")],
                           [ARTYOM, VLADIVOSTOK])
    assert 30_000 < k.computed_m < 40_000
    assert k.consistent and k.subject == "e-artyom" and k.anchor == "e-vlad"
    assert "Artyom" in k.explanation and "Vladivostok" in k.explanation


def test_wrong_distance_is_flagged_with_both_figures() -> None:
    (k,) = check_distances([claim("400 km", 400, 400)], [ARTYOM, VLADIVOSTOK])
    assert not k.consistent
    assert '"400 km"' in k.explanation and "road distance" in k.explanation


def test_tolerance_adds_rounding_and_place_extent() -> None:
    low, high = allowed_interval(claim("40 km", 40, 40))
    # 40 written with one significant digit: ±5 km, then 10 km for the places.
    assert low == pytest.approx(35_000 - PLACE_EXTENT_M)
    assert high == pytest.approx(45_000 + PLACE_EXTENT_M)
    low, high = allowed_interval(claim("up to 40 km", None, 40, "up to"))
    assert low is None and high == pytest.approx(55_000)


def test_claims_without_coordinates_or_anchor_are_not_checked() -> None:
    assert check_distances([claim("40 km", 40, 40, anchor="e-nowhere")],
                           [ARTYOM, UNLOCATED]) == []
    assert check_distances([claim("40 km", 40, 40, anchor=None)], [ARTYOM, VLADIVOSTOK]) == []
    assert check_distances([claim("40 km", 40, 40, attribute="range")],
                           [ARTYOM, VLADIVOSTOK]) == []
