"""Pick one gazetteer place for each toponym of a document, using the document as context.

Usage::

    from storyline.geo.resolve import resolve_toponyms
    res = resolve_toponyms(["Artyom", "Vladivostok", "Russia"])
    res[0].place  # Place(name="Artëm", lat=43.36, lon=132.19, ...)
    res[0].reason # "in a country the document names (RU); ..."

Scoring is a transparent sum per candidate (weights in ``Weights``):

* prior — feature type (a country beats a village of the same name) and log population
  (for regions and districts, the population of their member settlements, less a penalty
  when a city of the same name lies in the same country); national capitals gain;
  a match on one of GeoNames' alternate names costs a little against a main-name match;
* country context — a candidate inside a country the document names (or whose demonym it
  uses, "Russian") gains; inside a named US state or admin-1 region ("Tamil Nadu",
  "Ontario", "Scotland") gains more; a name never counts as context for itself;
* co-location — a candidate near some plausible reading of another name gains
  ("Richmond" and "Madison County" both have a Kentucky reading);
* proximity — after a first pass, a candidate near the other places picked for the same
  document gains (documents are about one area: minimise the spread), and one in the
  country where the other places were picked gains a little.  The nearest place gives
  the full bonus, each further nearby place a share (``near_more``), each place once.

Candidates come from the name as written, then its variants (no "the", no possessive,
no "State"/"region" suffix), regions sharing its transliteration stem ("Primorye"),
demonyms, an initialism's expansion found in the document ("T&T" after "Trinidad and
Tobago", ``_initialism_options``), and — only with ``contained=True`` — the longest place
name inside it.
Every name with the same key gets the same place (one sense per discourse).  A name that
matches nothing returns ``place=None`` with the reason, never a guess.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from storyline.geo.gazetteer import (
    Candidate,
    Gazetteer,
    Place,
    get_gazetteer,
    haversine_km,
    normalise,
)

# Units a thing named after them lies in ("Bank of Japan", "Mexican Senate").
_LARGE = frozenset({"country", "state", "region", "continent", "area"})
# Features with a point fine enough for "near the other places" to matter.
_LOCAL = frozenset({"city", "airport", "state", "region", "county"})


@dataclass(frozen=True, slots=True)
class Weights:
    """Score weights; the defaults were set by hand on the dev split of GWN/LGL."""

    country: float = 12.0  # a country's prior (log10 population of cities tops out ~7.5)
    continent: float = 12.0
    area: float = 12.0  # oceans, seas, world regions: "Atlantic" is not Atlantic, Iowa
    state: float = 8.0
    # Admin-1 regions outside the US and admin-2 units with bare names ("Suffolk") are
    # weighed like a city of their population (the sum over their member settlements),
    # plus these lifts; 0 measured best on the dev split (1 and 2 cost 0.1–0.8 points).
    region: float = 0.0
    county: float = 9.0  # US counties: matched by full name ("Rapides Parish")
    district: float = 0.0
    demonym: float = 9.0  # "Russian" → Russia, when no place is called "Russian"
    # Towns below this population yield a word that is a nation's adjective to the nation.
    demonym_town_max: int = 100_000
    airport: float = 6.0
    alternate_penalty: float = 1.0  # matched an alternate name, not the main one
    capital: float = 2.5  # a national capital: news names capitals far more than namesakes
    in_named_country: float = 3.0
    in_named_state: float = 2.0
    # in the country where the document's other places were resolved (not named outright)
    in_picked_country: float = 3.0
    near: float = 3.0  # bonus for a candidate at distance 0 from another pick …
    near_scale_km: float = 150.0  # … decaying with this scale
    near_support_km: float = 100.0  # a place this near another counts as support
    region_seat_penalty: float = 2.0  # a region sharing its name with a city in it
    contained_penalty: float = 2.0  # located by a place name inside a longer name
    near_any: float = 2.0  # bonus for a candidate near some reading of another name …
    near_any_top: int = 10  # … among that name's this many most plausible readings
    # Each further name with a reading (or pick) nearby adds this share of the bonus:
    # a reading close to three other names beats one close to a single other name.
    near_more: float = 0.25
    passes: int = 3
    # With ``focus``: a village this small that nothing in the document supports, far
    # from the document's focus, is more likely a word or a local feature than that
    # village ("Rehab", "Congress", "Broadway"): it goes to the focus instead.
    stray_village_max: int = 30_000
    # ... unless a state the document names holds it or another of its places lies near
    # (naming the country is not enough: a US story names every US village's country).
    # False: any support, the country's included, keeps the village.
    stray_needs_local: bool = True


DEFAULT_WEIGHTS = Weights()


@dataclass(frozen=True, slots=True)
class Resolution:
    """The outcome for one input name: a place and why, or None and why not."""

    name: str
    place: Place | None
    reason: str
    n_candidates: int = 0
    score: float = 0.0
    # How far the pick's score stood above the best candidate more than 50 km away (inf
    # when none), and whether the document's context supports it: a country or region
    # the document names, or another place of the document nearby.
    margin: float = math.inf
    runner_up: Place | None = None
    by_context: bool = False
    how: str = ""  # "name", "alternate name", "demonym", "region stem", "contained name (…)"


def _variants(name: str) -> list[str]:
    """Surface forms worth trying when the name as written matches nothing."""
    out = [name]
    stripped = name.strip().strip(".,;:")
    if stripped.lower().startswith("the "):
        stripped = stripped[4:]
    for suffix in ("'s", "’s", "'"):
        if stripped.endswith(suffix):
            stripped = stripped[: -len(suffix)]
    if stripped != name:
        out.append(stripped)
    if _is_region_phrase(stripped):
        out.append(stripped.rsplit(" ", 1)[0])  # "Oaxaca State" → the region "Oaxaca"
    return out


_REGION_SUFFIXES = ("state", "province", "region", "oblast", "krai", "kray", "prefecture",
                    "governorate")


def _is_acronym(name: str) -> bool:
    letters = name.replace(".", "").replace(" ", "")
    return 2 <= len(letters) <= 3 and letters.isalpha() and letters.isupper()


def _is_region_phrase(name: str) -> bool:
    """"Primorsky region", "Oaxaca State": the writer says the place is a region."""
    words = name.split()
    return len(words) > 1 and words[-1].lower() in _REGION_SUFFIXES


@dataclass(slots=True)
class _Option:
    place: Place
    prior: float
    how: str  # "name", "alternate name", "demonym", "code"
    # For a contained name: how it stands to the longer name.  "of" for the place after
    # "of" ("Bank of Japan"), "demonym" for a leading nation's adjective ("Mexican
    # Senate"): the thing belongs to that place, wherever the document is.
    owner: str = ""


def _options(gaz: Gazetteer, name: str, w: Weights) -> list[_Option]:
    cands: list[Candidate] = []
    for v in _variants(name):
        cands = gaz.lookup(v)
        if cands:
            break
    # A name that says it is a region ("Primorye region") wants a region, and English
    # spellings of regions vary in their endings: add regions sharing the name's stem.
    regional = _is_region_phrase(name.strip())
    stem_ids: set[str] = set()
    if regional or not cands:
        have = {c.place.gazetteer_id for c in cands}
        stem = [Candidate(p, False) for p in gaz.region_by_stem(name)
                if p.gazetteer_id not in have]
        stem_ids = {c.place.gazetteer_id for c in stem}
        if regional:
            cands = [c for c in cands if c.place.feature in ("region", "state")] + stem
        else:
            cands = stem
    if _is_acronym(name):
        # "EU", "SA": capitals-only short forms are codes and abbreviations, which the
        # gazetteer holds as country/state/region aliases, never as a town's name
        # ("Eu" in Normandy, "Siá" in Cyprus).
        cands = [c for c in cands if c.place.feature not in ("city", "county")]
    best: dict[str, _Option] = {}
    for c in cands:
        p = c.place
        if p.feature == "city":
            prior = math.log10(p.population + 10)
        else:
            prior = {"country": w.country, "continent": w.continent, "state": w.state,
                     "region": w.region, "county": w.county, "airport": w.airport,
                     "area": w.area}[p.feature]
            if p.feature == "county" and (p.country_code != "US" or not c.primary):
                prior = math.log10(p.population + 10) + w.district
            elif p.feature == "region":
                prior = math.log10(p.population + 10) + w.region
        if not c.primary:
            prior -= w.alternate_penalty
        if p.gazetteer_id in gaz.capitals:
            prior += w.capital
        how = "name" if c.primary else "alternate name"
        if p.gazetteer_id in stem_ids:
            how = "region stem"
        opt = _Option(p, prior, how)
        if p.gazetteer_id not in best or best[p.gazetteer_id].prior < prior:
            best[p.gazetteer_id] = opt
    # A country's own name ("Mexico") means the country: a city that merely lists it
    # among its alternate names (Mexico City) does not compete.
    if any(o.place.feature == "country" and o.how == "name" for o in best.values()):
        best = {i: o for i, o in best.items()
                if not (o.place.feature == "city" and o.how == "alternate name")}
    # Nor does a region of that country sharing its name (the state of México).
    named = {o.place.country_code for o in best.values()
             if o.place.feature == "country" and o.how == "name"}
    best = {i: o for i, o in best.items()
            if not (o.place.feature in ("region", "county") and o.place.country_code in named)}
    # A US state's own name ("Florida", "Kansas") means the state, not a small town of
    # the same country that bears it (Florida, New York; Kansas, Illinois); a namesake
    # abroad (Virginia, Ireland) still competes on context.
    state_countries = {o.place.country_code for o in best.values()
                       if o.place.feature == "state" and o.how == "name"}
    best = {i: o for i, o in best.items()
            if not (o.place.feature in ("city", "county")
                    and o.place.country_code in state_countries
                    and o.place.population < w.demonym_town_max)}
    # A region named after its seat ("Porto", "Izmir", "Limassol"): news means the city.
    city_countries = {o.place.country_code for o in best.values() if o.place.feature == "city"}
    for o in best.values():
        if o.place.feature in ("region", "county") and o.place.country_code in city_countries:
            o.prior -= w.region_seat_penalty
    if 3 <= len(name) <= 4 and gaz.is_code(name):
        coded = gaz.by_code(name)
        if coded is not None and coded.gazetteer_id in best:
            best[coded.gazetteer_id].how = "code"
    # A nation's or world region's adjective ("Canadian", "Arab") means that place, not a
    # small town that happens to bear the word (Canadian, Texas; Arab, Alabama).  A state's
    # or province's loose adjective forms ("Sicilian") are a last resort, used only when
    # nothing is called by the name itself.
    national = gaz.demonym(name)
    if national:
        best = {i: o for i, o in best.items()
                if not (o.place.feature in ("city", "county")
                        and o.place.population < w.demonym_town_max)}
    regional_forms = gaz.regional_demonym(name) if not best else []
    for p in national + regional_forms:
        if p.gazetteer_id not in best:
            best[p.gazetteer_id] = _Option(p, w.demonym, "demonym")
    return list(best.values())


# Words that qualify a place ("West Surrey", "Greater London", "Downtown Dallas"): the
# rest of the name is still the place.
_QUALIFIERS = frozenset({"north", "south", "east", "west", "central", "northern", "southern",
                         "eastern", "western", "northeast", "northwest", "southeast",
                         "southwest", "northeastern", "northwestern", "southeastern",
                         "southwestern", "upper", "lower", "greater", "downtown", "inner",
                         "outer", "metro", "metropolitan", "rural", "suburban", "mid", "the"})
# Words that never stand for a place on their own inside a longer name.
_GENERIC_WORDS = _QUALIFIERS | frozenset({"of", "and", "in", "at", "on", "for", "de", "la",
                                          "le", "st", "new", "old", "great", "little", "city",
                                          "street", "road", "park"})


def _word(w: str) -> str:
    return w.lower().strip(".,'’")


def _contained_options(gaz: Gazetteer, name: str, w: Weights) -> tuple[str, list[_Option]]:
    """Options for the longest place name inside an unknown multi-word name.

    "Dubai World Cup" → Dubai, "Cavan Institute" → Cavan, "West Surrey" → Surrey: an
    event, building or part of a place is located by the place it is named after.

    An English name's last word is its head, the kind of thing it names ("Trump *Tower*",
    "Brands *Hatch*", "Korean *Peninsula*", "Royal *Street*"): it is never the place the
    thing is named after, so a sub-name may take in the last word only when everything
    before it qualifies a place ("West Surrey", "Greater London").  Only matches on a
    record's main name count (no alternate names, region stems or demonyms: "Royal" is an
    alternate name of Royal City, "Central American" is not the United States), and every
    option pays ``w.contained_penalty``.  Two exceptions say where the thing belongs: the
    place after "of" ("Bank of *Japan*"), which is tried before the head words ahead of
    it, and a nation's adjective that opens the name ("*Mexican* Senate").  Returns the
    sub-name and its options.
    """
    words = name.split()
    of_at = max((i for i, x in enumerate(words) if _word(x) == "of"), default=-1)
    spans = [(start, size) for size in range(len(words) - 1, 0, -1)
             for start in range(len(words) - size + 1)]
    spans.sort(key=lambda t: t[0] <= of_at)  # stable: after "of" first, longest first
    for start, size in spans:
        part = words[start:start + size]
        if all(_word(p) in _GENERIC_WORDS for p in part):
            continue
        after_of = start > 0 and _word(words[start - 1]) == "of"
        if (start + size == len(words) and not after_of
                and not all(_word(p) in _QUALIFIERS for p in words[:start])):
            continue
        sub = " ".join(part)
        if not sub[:1].isupper():
            continue
        # A leading nation's adjective ("Mexican Senate") or short form ("US Federal
        # Reserve", "UK Treasury") says whose the thing is.
        leading = start == 0 and size < len(words)
        opts = [o for o in _options(gaz, sub, w)
                if o.how == "name" or (leading and o.how == "demonym"
                                       and o.place.feature in _LARGE)
                or (leading and o.how == "alternate name" and o.place.feature == "country"
                    and _is_acronym(sub))]
        if opts:
            for o in opts:
                o.prior -= w.contained_penalty
                o.owner = ("of" if after_of else "demonym" if o.how != "name"
                           else "")
                o.how = f"contained name ({sub})"
            return sub, opts
    return "", []


# Words an initialism skips ("Trinidad and Tobago" → "T&T", "Republic of the Congo").
_INITIAL_SKIP = frozenset({"and", "of", "the", "&"})


def initials(name: str) -> str:
    """The initials of a multi-word name, upper case: "Trinidad and Tobago" → "TT",
    "Democratic People's Republic of Korea" → "DPRK"; "" for a one-word name."""
    words = [x for x in name.replace("-", " ").split() if x.lower() not in _INITIAL_SKIP]
    return "".join(x[0] for x in words).upper() if len(words) > 1 else ""


def initialism_letters(name: str) -> str:
    """The letters of a name written as an initialism ("T&T", "S.A.", "DRC"), else ""."""
    letters = name.strip().replace("&", "").replace(".", "").replace(" ", "")
    if 2 <= len(letters) <= 5 and letters.isalpha() and letters.isupper():
        return letters
    return ""


def _initialism_options(gaz: Gazetteer, name: str, key: str, all_keys: dict[str, str],
                        options: dict[str, list[_Option]]) -> list[_Option]:
    """Options for an initialism the gazetteer lacks, from the document itself.

    Writers introduce a name in full and abbreviate it afterwards ("Trinidad and Tobago"
    … "T&T"): an initialism takes the reading of another name of the document whose
    initials it is.  Failing that, it may stand for a country of the document's frame,
    one that another name lies in ("SA" in a story naming Limpopo and North West is
    South Africa, not Saudi Arabia).  Never a guess from the letters alone.
    """
    letters = initialism_letters(name)
    if not letters:
        return []
    for k2, n2 in all_keys.items():
        if k2 != key and options.get(k2) and initials(n2) == letters:
            return [_Option(o.place, o.prior, f"abbreviation ({n2})")
                    for o in options[k2] if o.how != "demonym"]
    frame = {o.place.country_code for k2, opts in options.items() if k2 != key
             for o in opts if o.how == "name" and o.place.feature != "continent"}
    hits = [p for cc, p in gaz.countries.items() if cc in frame and initials(p.name) == letters]
    return [_Option(p, 0.0, f"abbreviation ({p.name})") for p in hits]


def resolve_toponyms(
    names: Sequence[str],
    context: Sequence[str] = (),
    *,
    gazetteer: Gazetteer | None = None,
    weights: Weights = DEFAULT_WEIGHTS,
    contained: bool = False,
    focus: bool = False,
) -> list[Resolution]:
    """Resolve each of a document's toponyms to one place (or None, with a reason).

    ``names``: the toponym strings to resolve, in document order (repeats allowed; the
    result is parallel to it).  ``contained``: a multi-word name the gazetteer lacks falls
    back on the longest place name inside it ("Dubai World Cup" → Dubai), marked as such
    in the reason; off by default, since that point is the named-after place's, not the
    thing's own.  ``focus``: a name the gazetteer lacks (a street, building, venue,
    river or quarter: "Royal Street", "Barclays Center", "Ghouta"), and a contained-name
    match more than 161 km from the document's focus, are placed at that focus, the town
    or county the document is most about, else its most named state, region or country
    (see ``_focus``), marked "document focus" in
    ``how``; off by default, since that is an estimate, not a gazetteer record.  A
    contained country, state or region after "of" or as a leading nation's adjective
    ("Bank of Japan", "Mexican Senate") is where the thing belongs and is kept.
    ``context``: further place names from the same document (e.g. every GPE/LOC
    entity) that inform the choice but are not resolved themselves.
    """
    gaz = gazetteer or get_gazetteer()
    w = weights
    keys = [normalise(n) for n in names]
    surface: dict[str, str] = {}
    for n, k in zip(names, keys, strict=True):
        surface.setdefault(k, n)
    ctx_keys: dict[str, str] = {}
    for n in context:
        k = normalise(n)
        if k not in surface:
            ctx_keys.setdefault(k, n)
    all_keys = {**surface, **ctx_keys}
    options = {k: _options(gaz, n, w) for k, n in all_keys.items()}
    for k, n in surface.items():
        if not options[k]:
            options[k] = _initialism_options(gaz, n, k, all_keys, options)
    if contained:
        for k, n in surface.items():
            if not options[k] and " " in n.strip():
                options[k] = _contained_options(gaz, n, w)[1]

    # Explicit geographic frame: countries/states the document names outright, each with
    # the names that name it (a name never counts as context for itself: "Moscow" the
    # city is not "in a region the document names" because Moscow is also a region).
    named_countries: dict[str, set[str]] = defaultdict(set)
    named_states: dict[tuple[str, str], set[str]] = defaultdict(set)
    state_names: dict[tuple[str, str], str] = {}
    for key, opts in options.items():
        # A county name borne by counties of several states ("Madison County") names
        # none of those states.
        n_counties = sum(o.place.feature == "county" for o in opts)
        for o in opts:
            if o.place.feature == "country" and o.how != "alternate name":
                named_countries[o.place.country_code].add(key)
            elif o.place.feature == "county" and n_counties > 1:
                continue
            elif o.place.feature in ("state", "region", "county") and o.how == "name":
                named_states[(o.place.country_code, o.place.admin1)].add(key)
                named_countries[o.place.country_code].add(key)
                if o.place.feature != "county":
                    state_names[(o.place.country_code, o.place.admin1)] = o.place.name

    # States named by an abbreviation that is its only reading ("Wash.", "Calif."):
    # evidence that the state's full name means the state, not a namesake city.
    abbreviated_states: dict[tuple[str, str], set[str]] = defaultdict(set)
    for key, opts in options.items():
        if len(opts) == 1 and opts[0].place.feature == "state" and opts[0].how != "name":
            abbreviated_states[(opts[0].place.country_code, opts[0].place.admin1)].add(key)

    # How strongly the document names each country: its mentions (repeats count) of the
    # country and of the states and regions in it.
    n_mentions = Counter(keys)

    def country_support(cc: str, key: str) -> int:
        return sum(n_mentions.get(k2, 1) for k2 in named_countries.get(cc, ()) if k2 != key)

    top_support = {k: max((country_support(cc, k) for cc in named_countries), default=0)
                   for k in all_keys}

    def frame_bonus(p: Place, key: str) -> tuple[float, str]:
        if p.feature in ("country", "continent"):
            return 0.0, ""
        bonus, why = 0.0, []
        support = country_support(p.country_code, key)
        if support:
            bonus += w.in_named_country * support / top_support[key]
            why.append(f"in a country the document names ({p.country_code})")
        state = (p.country_code, p.admin1)
        if p.feature not in ("state", "region") and named_states.get(state, set()) - {key}:
            bonus += w.in_named_state
            why.append("in a state/region the document names"
                       f" ({state_names.get(state, p.admin1)})")
        elif p.feature == "state" and abbreviated_states.get(state, set()) - {key}:
            # The document names this state another way too ("Wash." beside
            # "Washington"): the name means the state, not a namesake city.
            bonus += w.in_named_state
            why.append("the document names this state another way too")
        return bonus, "; ".join(why)

    # Co-location: how close each candidate comes to *some* reading of another name
    # ("Richmond" and "Madison County" both have a Kentucky reading 0 km apart).  Only
    # the most plausible readings of each name take part, to keep names with dozens of
    # namesakes ("Springfield") from vouching for everything.
    colocated: dict[tuple[str, str], float] = {}
    if w.near_any:
        local = {k: sorted((o for o in opts if o.place.feature in _LOCAL),
                           key=lambda o: -o.prior)[:w.near_any_top]
                 for k, opts in options.items()}
        for k, opts in local.items():
            for o in opts:
                # The nearest reading of each other name, each place counted once.
                per_place: dict[str, float] = {}
                for kk, others in local.items():
                    if _same_base(kk, k):
                        continue
                    best_d, best_id = math.inf, ""
                    for o2 in others:
                        if abs(o2.place.lat - o.place.lat) > 3:
                            continue
                        d = haversine_km(o.place.lat, o.place.lon, o2.place.lat, o2.place.lon)
                        if d < best_d:
                            best_d, best_id = d, o2.place.gazetteer_id
                    if best_id:
                        per_place[best_id] = best_d
                colocated[(k, o.place.gazetteer_id)] = _closeness(list(per_place.values()), w)

    picks: dict[str, tuple[_Option, float, str, float, Place | None, bool]] = {}
    for pass_no in range(max(1, w.passes)):
        # Points usable as proximity anchors: fine-grained picks of *other* names.
        anchors = {k: v[0].place for k, v in picks.items()
                   if v[0].place.feature in ("city", "airport", "county")}
        # Countries the other picks lie in, with how many names put them there.
        picked_countries: dict[str, set[str]] = defaultdict(set)
        for kk, v in picks.items():
            if v[0].place.country_code and v[0].place.feature != "continent":
                picked_countries[v[0].place.country_code].add(kk)
        new: dict[str, tuple[_Option, float, str, float, Place | None, bool]] = {}
        for k, opts in options.items():
            if not opts:
                continue
            scored: list[tuple[float, str, _Option, bool]] = []
            for o in opts:
                fb, why = frame_bonus(o.place, k)
                s = o.prior + fb
                reasons = [why] if why else []
                strong = fb > 0  # named frame or a nearby place: evidence, not a prior
                cc = o.place.country_code
                if (pass_no > 0 and w.in_picked_country and o.place.feature in _LOCAL
                        and picked_countries.get(cc, set()) - {k}
                        and not named_countries.get(cc, set()) - {k}):
                    s += w.in_picked_country
                    reasons.append(f"in the country of the document's other places ({cc})")
                s += w.near_any * colocated.get((k, o.place.gazetteer_id), 0.0)
                if pass_no > 0 and o.place.feature in _LOCAL:
                    # Each anchor place once: "D.C." and "Washington" are one place.
                    near_places = {a.gazetteer_id: a for kk, a in anchors.items()
                                   if not _same_base(kk, k)}
                    ds = [haversine_km(o.place.lat, o.place.lon, a.lat, a.lon)
                          for a in near_places.values()]
                    d = min(ds, default=math.inf)
                    if d < math.inf:
                        near = w.near * _closeness(ds, w)
                        s += near
                        if near > 0.3:
                            strong = strong or d <= w.near_support_km
                            reasons.append(f"{d:.0f} km from another place in the document")
                scored.append((s, "; ".join(reasons), o, strong))
            scored.sort(key=lambda t: (-t[0], -t[2].place.population, t[2].place.gazetteer_id))
            s, why, o, strong = scored[0]
            # The runner-up is the best candidate somewhere else: a city and the district
            # of the same name around it are one answer for a map.
            margin, runner = math.inf, None
            for s2, _, o2, _ in scored[1:]:
                if haversine_km(o.place.lat, o.place.lon, o2.place.lat, o2.place.lon) > 50:
                    margin, runner = s - s2, o2.place
                    break
            new[k] = (o, s, why, margin, runner, strong)
        picks = new

    # A bare name that the document also writes in full as a county ("DeKalb" beside
    # "DeKalb County") names the same county, or a town inside it: the two agree.
    for k in list(picks):
        for suffix in (" county", " parish"):
            if k + suffix in picks:
                _agree_short_form(k, k + suffix, picks, options)
    focal = _focus(keys, picks) if focus else None

    def _local_support(k: str, p: Place) -> bool:
        """A named state around ``p`` or another picked place near it (not merely the
        country: a US story names a hundred villages' country)."""
        if named_states.get((p.country_code, p.admin1), set()) - {k}:
            return True
        return any(haversine_km(p.lat, p.lon, v[0].place.lat, v[0].place.lon)
                   <= w.near_support_km for kk, v in picks.items()
                   if not _same_base(kk, k) and v[0].place.feature in ("city", "airport", "county"))
    out: list[Resolution] = []
    for n, k in zip(names, keys, strict=True):
        opts = options.get(k, [])
        if not k:
            out.append(Resolution(n, None, "empty name"))
            continue
        if k not in picks:
            if focus and focal is not None:
                out.append(Resolution(
                    n, focal, f"not in the gazetteer; placed at the document's focus"
                              f" ({focal.name}, the place it is most about)",
                    how="document focus"))
                continue
            out.append(Resolution(n, None, f"no gazetteer entry for {n!r}"))
            continue
        o, s, why, margin, runner, strong = picks[k]
        if (focal is not None and o.place.feature == "city"
                and not (_local_support(k, o.place) if w.stray_needs_local else strong)
                and o.place.population < w.stray_village_max and o.how in ("name", "alternate name")
                and haversine_km(o.place.lat, o.place.lon, focal.lat, focal.lon) > 161):
            out.append(Resolution(
                n, focal, f"only a small place far from the rest of the document bears the"
                          f" name ({o.place.name}, {o.place.country_code}); placed at the"
                          f" document's focus ({focal.name}) instead", how="document focus"))
            continue
        if o.how == "code" and not strong:
            # An all-caps 3–4 letter word is far more often an acronym ("OAS", "FATA")
            # than an airport code: trust the code only beside its country or a place
            # near the airport.
            out.append(Resolution(n, None, f"{n!r} is an airport code ({o.place.name}), but"
                                           " nothing else in the document is near it"))
            continue
        # The place after "of", or a leading nation's adjective, is where the thing
        # belongs ("Bank of Japan", "European Commission"), unless the head word makes
        # it a local feature named in that nation's style ("French Quarter").
        # A bank named by a nation's adjective is that nation's (or union's) bank
        # ("European Central Bank"), whatever "bank" means as a local feature.
        owned = o.place.feature in _LARGE and (
            o.owner == "of" or (o.owner == "demonym" and (
                not local_feature_head(n) or _word(n.split()[-1]) == "bank")))
        # A part of a country, state or region ("South Venezuela", "Northern Europe")
        # and a state's own university ("Arizona State University") lie in it: a focus
        # elsewhere does not move them there.
        owned = owned or (o.place.feature in _LARGE and focal is not None
                          and _part_or_state_school(n, o.how) and not _inside(focal, o.place))
        if (focal is not None and o.how.startswith("contained") and not owned
                and haversine_km(o.place.lat, o.place.lon, focal.lat, focal.lon) > 161):
            # A thing named after a place far from everything else the document is about
            # ("Cloverhill District Court" in a story about Dublin) is more often in the
            # document's own town than at the distant namesake.
            out.append(Resolution(
                n, focal, f"not in the gazetteer; its contained name {o.how[16:-1]!r} lies"
                          f" far from the document's focus, so placed there ({focal.name},"
                          " the place it is most about)", how="document focus"))
            continue
        parts = [f"{o.how} match"]
        if len(opts) == 1:
            parts.append("only candidate")
        elif not why:
            parts.append(f"highest prior (feature/population) of {len(opts)}")
        if why:
            parts.append(why)
        reason = "; ".join(parts)
        if o.place.feature == "county":
            reason += "; coarse: " + o.place.basis
        out.append(Resolution(n, o.place, reason, len(opts), round(s, 3), margin, runner,
                              strong, o.how))
    return out


_Pick = tuple[_Option, float, str, float, Place | None, bool]


def _within(p: Place, county: Place, km: float = 50.0) -> bool:
    return ((p.country_code, p.admin1) == (county.country_code, county.admin1)
            and haversine_km(p.lat, p.lon, county.lat, county.lon) <= km)


def _agree_short_form(short: str, full: str, picks: dict[str, _Pick],
                      options: dict[str, list[_Option]]) -> None:
    """Make a county's short form and full name ("DeKalb", "DeKalb County") agree.

    When the full name's county has support from the document, the short form follows
    it (the county itself, or a town of that name inside it).  Otherwise a short form
    picked as a town inside another county of the full name moves the full name there
    (DeKalb, Illinois: DeKalb County, Illinois, not the more populous one in Georgia).
    """
    f, s = picks[full], picks[short]
    county, here = f[0].place, s[0].place
    if county.feature != "county" or _within(here, county):
        return
    if not f[5]:
        home = [o for o in options[full] if o.place.feature == "county"
                and _within(here, o.place)]
        if home:
            picks[full] = (home[0], f[1], f"the county of {here.name}, its short form",
                           math.inf, None, False)
            return
    inside = [o for o in options[short] if _within(o.place, county)]
    if inside:
        best = max(inside, key=lambda o: o.prior)
        picks[short] = (best, s[1], f"short form of {county.name}", math.inf, None, f[5])


def _same_base(key: str, other: str) -> bool:
    """Whether two name keys name one thing, so that neither is evidence for the other:
    the same key, or a county's name with and without "County" ("dekalb county")."""
    if key == other:
        return True
    for suffix in (" county", " parish"):
        if key.removesuffix(suffix) == other.removesuffix(suffix):
            return True
    return False


def _closeness(distances: list[float], w: Weights) -> float:
    """How close a reading lies to the other names: 1 at distance 0 from one of them,
    decaying with ``w.near_scale_km``, plus ``w.near_more`` for each further name by the
    same decay."""
    ds = sorted(distances)
    if not ds or ds[0] == math.inf:
        return 0.0
    decay = [math.exp(-d / w.near_scale_km) for d in ds if d < math.inf]
    return decay[0] + w.near_more * sum(decay[1:])


def _part_or_state_school(name: str, how: str) -> bool:
    """"Northern Europe" (qualifiers before the contained name, which ends the name) or
    "Arizona State University" (a name ending in "State" before University/College)."""
    sub = how[len("contained name ("):-1].split() if how.startswith("contained") else []
    words = name.split()
    if not sub:
        return False
    if words[-len(sub):] == sub:
        return True
    rest = words[len(sub):] if words[:len(sub)] == sub else []
    return sub[-1] == "State" and len(rest) == 1 and _word(rest[0]) in ("university", "college")


def _inside(p: Place, unit: Place) -> bool:
    """Whether ``p`` lies in the country, state or region ``unit`` (True for a
    continent or area: their extent is not known, so they never overrule a focus)."""
    if unit.feature == "country":
        return p.country_code == unit.country_code
    if unit.feature in ("state", "region"):
        return (p.country_code, p.admin1) == (unit.country_code, unit.admin1)
    return True


# Head words of names for streets, buildings and other features a town contains.
_LOCAL_HEADS = frozenset({
    "street", "st", "avenue", "ave", "road", "rd", "boulevard", "blvd", "drive", "dr",
    "lane", "ln", "way", "highway", "square", "plaza", "tower", "towers", "center",
    "centre", "hall", "college", "school", "university", "church", "cathedral", "chapel",
    "court", "courthouse", "stadium", "arena", "field", "bridge", "hospital", "station",
    "mall", "market", "museum", "library", "building", "house", "hotel", "restaurant",
    "bank", "embassy", "ministry", "office", "prison", "jail", "quarter", "neighborhood",
    "neighbourhood", "estate", "plantation", "railroad", "railway", "terminal", "harbor",
    "harbour", "pier", "park", "campus", "zoo", "theater", "theatre", "club", "cemetery",
})


def local_feature_head(name: str) -> bool:
    """True when a multi-word name ends in a word for a local feature ("Royal Street")."""
    words = name.split()
    return len(words) > 1 and _word(words[-1]) in _LOCAL_HEADS


def _focus(keys: Sequence[str],
           picks: dict[str, tuple[_Option, float, str, float, Place | None, bool]],
           ) -> Place | None:
    """The town or county the document is most about (else its state, region, country).

    Each picked town or county scores the mentions of itself, of the other picked towns
    and counties within ``FOCUS_NEAR_KM`` of it (a story about Dunshaughlin and Dublin is
    about that area) and of its country, by name, demonym or its states and regions ("Egypt",
    "Egyptian", "Wash."): a
    Cairo story that names an academy called after Liverpool six times is still about
    Cairo.  Only picks made on a name of their own count (not a contained name), since
    the focus stands in for places the gazetteer lacks.
    """
    counts: Counter[str] = Counter(keys)
    towns: dict[str, Place] = {}
    by_country: Counter[str] = Counter()
    town_mentions: Counter[str] = Counter()
    regions: Counter[Place] = Counter()
    countries: Counter[Place] = Counter()
    for k in dict.fromkeys(keys):
        pick = picks.get(k)
        if pick is None:
            continue
        o = pick[0]
        if o.how.startswith("contained"):
            continue
        if o.place.feature in ("city", "county"):
            towns.setdefault(o.place.gazetteer_id, o.place)
            town_mentions[o.place.gazetteer_id] += counts[k]
        elif o.place.feature == "country":
            by_country[o.place.country_code] += counts[k]
            countries[o.place] += counts[k]
        elif o.place.feature in ("state", "region"):
            regions[o.place] += counts[k]
            by_country[o.place.country_code] += counts[k]
    if not towns:
        # A story that names no town: its most named state or region, else country
        # (most_common keeps the first named of equals).
        for larger in (regions, countries):
            if larger:
                return larger.most_common(1)[0][0]
        return None

    def score(p: Place) -> tuple[int, int]:
        own = town_mentions[p.gazetteer_id]
        near = sum(n for gid, n in town_mentions.items()
                   if gid != p.gazetteer_id and haversine_km(
                       p.lat, p.lon, towns[gid].lat, towns[gid].lon) <= FOCUS_NEAR_KM)
        return own + near + by_country[p.country_code], own

    # Among equals, the town named most often itself; then the first named (max keeps
    # the first of equals).
    return max(towns.values(), key=score)


# Towns this near one another count as one area for the document's focus.
FOCUS_NEAR_KM = 100.0


def document_countries(resolutions: Sequence[Resolution]) -> Counter[str]:
    """Country codes of the places resolved in one document, by frequency."""
    return Counter(r.place.country_code for r in resolutions if r.place and r.place.country_code)
