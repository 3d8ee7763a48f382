"""Gazetteer records and the distance between points."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

Feature = Literal["city", "country", "state", "region", "county", "continent", "airport",
                  "area"]

# Half the Earth's circumference: the worst possible great-circle error.
EARTH_HALF_CIRCUMFERENCE_KM = 20039.0


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer record.  ``basis`` says where the coordinates come from."""

    gazetteer_id: str  # "geonames:2013348", "icao:UHWW", "admin1:RU.59", "us-state:TX" …
    name: str
    lat: float
    lon: float
    country_code: str  # ISO 3166-1 alpha-2; "" for continents
    feature: Feature
    population: int
    admin1: str = ""  # GeoNames admin1 code (the state code for the US)
    basis: str = "geonames point"


@dataclass(frozen=True, slots=True)
class Candidate:
    """A place found under a name key, and whether the key was its main name."""

    place: Place
    primary: bool  # matched the record's own name (or code), not one of its alternates


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance on a sphere of radius 6371 km."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))



FEATURES: tuple[Feature, ...] = ("city", "country", "state", "region", "county",
                                  "continent", "airport", "area")
FEATURE_CODE = {f: k for k, f in enumerate(FEATURES)}
