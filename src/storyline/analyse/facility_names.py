"""Facilities and places of one story, read with the gazetteer.

* ``join_facility_short_names``: a name the story itself uses as a facility
  ("landed at Shannon", "Shannon's runway") joins the one facility whose full
  name is it plus a facility noun ("Shannon Airport").  Only a short name voted
  FACILITY joins: a city written beside its airport ("Liège" and "Liège Airport")
  is typed PLACE and stays apart, as the issue asks (a city and its airport are
  two things).
* ``story_countries`` and ``known_place_in``: the countries a story names, and
  whether the gazetteer knows a name as a city or region of one of them; used to
  settle a tied PLACE/FACILITY vote.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from functools import lru_cache

from storyline.geo.gazetteer import get_gazetteer
from storyline.model import EntityType
from storyline.nlp.mentions import _ENDS_WITH_FACILITY
from storyline.unionfind import UnionFind


def join_facility_short_names(key_type: dict[str, EntityType], uf: UnionFind[str]) -> None:
    """Join a FACILITY key to the only FACILITY key that is it plus a facility noun."""
    by_short: dict[str, set[str]] = defaultdict(set)
    for k, t in key_type.items():
        if t != "FACILITY" or " " not in k:
            continue
        m = _ENDS_WITH_FACILITY.search(k)
        if m is not None and k[:m.start()].strip():
            by_short[k[:m.start()].strip()].add(uf.find(k))
    for short, roots in sorted(by_short.items()):
        if key_type.get(short) == "FACILITY" and len(roots) == 1:
            uf.union(short, roots.pop())


def story_countries(place_names: Iterable[str]) -> frozenset[str]:
    """Country codes of the countries among ``place_names``."""
    return frozenset(code for n in set(place_names) for code in _country_of(n))


def known_place_in(name: str, countries: frozenset[str]) -> bool:
    """The gazetteer has a city or region called ``name`` in one of ``countries``."""
    return bool(countries) and any(
        c.primary and c.place.feature in ("city", "region") and c.place.country_code in countries
        for c in get_gazetteer().lookup(name))


@lru_cache(maxsize=4096)
def _country_of(name: str) -> tuple[str, ...]:
    return tuple(c.place.country_code for c in get_gazetteer().lookup(name)
                 if c.primary and c.place.feature == "country" and c.place.country_code)
