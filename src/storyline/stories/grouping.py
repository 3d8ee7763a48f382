"""Group articles into stories: one real-world event each.

Evidence that two articles report the same event is the set of named things
they share, weighted by how specific each is, within a few days of each other.

* Each article's entities come from ``resolve_entities`` run on that article
  alone, so "Shoigu" already counts as "Sergei Shoigu" wherever the article
  names him in full once (as news copy nearly always does).  The matching
  keys are the features, with the variants outlets write differently folded
  (``features.match_key``: "Dr Sanjay Gupta" = "Sanjay Gupta", "Mt Cook" =
  "Mount Cook").  A person's family name is a feature of its own (class
  SURNAME, half a person's weight), so "Gupta" in one report meets "Sanjay
  Gupta" in another; when two articles share the full name the family name
  does not count again (``_counted``).  Each key's class is the most specific
  one that at least a quarter of the articles naming it give it
  (``_key_class``: the tagger calls a town an organisation as often as not).
* Weight of a shared entity = type weight × normalised IDF.  IDF is
  ``ln(1 + N/df) / ln(1 + N)``: 1 for a name only one article uses, near 0 for
  one every article uses, comparable across corpus sizes.  The type weight
  says how much sharing such a thing says about sharing an *event*: a person,
  a piece of equipment, a facility or a town pins an event down; a country,
  a continent or a demonym ("Russian") recurs across unrelated events.
* Two articles are linked when all of these hold (``_linked``):
  - their dates are at most ``DATE_WINDOW_DAYS`` apart (an unknown date does
    not block);
  - they share at least one *anchor*: a PERSON, EQUIPMENT, FACILITY or a PLACE
    smaller than a country.  Look-alike events (two earthquakes in one week)
    share generic organisations, countries and vocabulary but not the town or
    the people; requiring an anchor is what keeps them apart;
  - the shared weight is at least ``MIN_EVIDENCE`` = 1.0.  A single shared
    entity never reaches it (its IDF is below 1 once two articles share it),
    so a link needs two specific names, or one plus several weaker ones.
    Short reports (a brief, a one-sentence summary) name too few things to
    reach it: they link on less (``MIN_SHORT_EVIDENCE`` 0.3) when the shared
    names are at least ``MIN_SHORT_OVERLAP`` (0.3) of the smaller article's
    weight, their wording overlaps (cosine ≥ ``MIN_SHORT_SIMILARITY`` 0.15),
    and they share two names or the smaller names too little to ever reach
    ``MIN_EVIDENCE``.  With the name variants above this took ECB+ B³ F1 on
    the development topics from 0.802 to 0.883 and on all 33 available topics
    from 0.786 to 0.844;
  - the shared weight is at least ``MIN_OVERLAP`` (0.3) of the smaller
    article's total weight, so that two long articles do not link on a couple
    of names that each mentions in passing -- *or* their wording is close
    (TF-IDF cosine of content words ≥ ``MIN_TEXT_SIMILARITY``).  The tagger
    misses names (a tunnel's name, a ship's), and a long feature that names
    many side players dilutes the overlap; shared vocabulary then carries the
    evidence the entities lack.  On our sample corpus same-event pairs score
    0.26-0.66 and the look-alike earthquakes 0.09-0.16; the threshold sits
    in that gap, and the anchor and evidence conditions still apply.
  Tuned lightly on the ECB+ development topics (spaCy mentions, no dates, so
  a harder setting than real news): overlap 0.2 → 0.3 and PLACE 0.8 → 0.6
  raised pairwise F1 from 0.56 to 0.66 (``benchmarks/ecbplus.py``).
* Candidate pairs come from an inverted index anchor → articles, bounded so
  that their number grows linearly with the corpus (``stories/candidates.py``;
  ``benchmarks/grouping_scale.py`` measures it).  They are generated and
  scored one article at a time (``candidate_links``): only each article's
  candidates (a compact array) and the linked pairs are kept, never the set
  of all candidate pairs.
* Linked pairs become stories in ``stories/merging.py``: groups with linked
  articles between them join most cohesive first (smallest Ward ratio,
  ``stories/cohesion.py``), only when at least ``MIN_GROUP_LINKAGE`` (0.3) of
  the pairs between them are linked (average linkage: one round-up cannot
  chain two episodes), their dated articles lie within the date window, and
  Ward's test does not see two populations: look-alike episodes share the
  famous names and the generic wording, but each repeats its own details,
  so the centroids of their groups lie further apart than their scatter
  explains.  This replaced strongest-pair-first joining; with the lone
  articles below, ECB+ B³ F1 went from 0.902 to 0.940 on the development
  topics (grouped alone, ARI 0.870 → 0.930) and from 0.845 to 0.912 on all
  33 (ARI 0.785 → 0.884).  Grouping all 33 together, Ward's order alone
  took them from 0.845 to 0.905.
* A lone article that the pair test could not link (a brief, a one-sentence
  report) then joins the story whose centroid it is clearly closest to, when
  the names it shares with the story as a whole weigh ``MIN_EVIDENCE``
  (``stories/attach.py``): 0.905 → 0.912.  Without the names
  condition it gave 0.918, but on the synthetic look-alikes of
  ``benchmarks/grouping_scale.py`` (3k articles) B³ fell from 0.980 to 0.970:
  a lone report of the other episode sat closest to the wrong story.
* Once every story is formed, two steps judge them whole
  (``stories/refine.py``): an article of a story moves to the story whose
  centroid it is closer to (a k-means step, among the stories of its
  candidates), and two stories join when Ward's ratio of the whole groups is
  at most 1.6, some pair between them is a candidate, the date window allows
  it and the names they share weigh ``MIN_EVIDENCE``: parts of one episode
  that failed the average linkage come together.  ECB+ B³ F1: development
  topics 0.940 → 0.964, training topics 0.891 → 0.901, all 33 topics
  0.912 → 0.918.
* Undated articles: the years a text names stand in for the publication
  date, judged per group (``stories/years.py``): two groups do not join, in
  the merging and in the refinement, when most undated reports of one name a
  year (the latest each names) that the other's hardly ever name.  ECB+ B³
  F1 on the training topics 0.901 → 0.912 (dev unchanged at 0.964).
* Stories whose protagonists (the people most of their reports name) are
  the same join up to a wider Ward ratio, 4.0 against 1.6, when their years
  do not clash under a stricter reading either (``stories/protagonists.py``):
  the first-day and next-day reports of one shooting.  Development topics
  0.969 → 0.995, training topics 0.927 → 0.937, all 33 topics 0.938 → 0.949.
* Last, a lone report that names no specific name the story lacks (often
  none: "the software giant", "the quake") and names no year the story's
  undated reports hardly name joins the story whose centroid it is clearly
  closest to, among the stories holding its rarest words
  (``attach.attach_by_words``; the centroid and margin tests of the first
  attachment).  Training topics 0.912 → 0.927, development 0.964 → 0.969;
  the synthetic look-alikes stay at 0.986 (their lone reports name their
  own people and towns).
* Then the same attachment once more for a report that names a specific
  name the story lacks, when every such name is a minor one of the report
  (named once, outside its title and first sentence: ``features.minor``),
  so every name it gives prominence to is one the story gives too, and its
  centroid margin is clearer (``MINOR_NAME_MARGIN`` 0.15 against 0.1).  A
  report of a look-alike episode leads with its own people and towns.
  Training topics 0.937 → 0.942, development unchanged at 0.995, all 33
  topics 0.949 → 0.952; the synthetic look-alikes unchanged (0.990 at 1k).
* Per-article evidence (``stories/features.py``) is computed once and stored;
  corpus statistics (``CorpusStats``) are derived at grouping time, so an
  incremental run (``stories/incremental.py``) regroups only the stories its
  new articles touch.
"""

from __future__ import annotations

import math
from array import array
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass

from storyline.model import AnnotatedArticle, Story, content_hash
from storyline.stories.attach import attach_by_words, attach_lone_articles
from storyline.stories.candidates import (
    ANCHOR_CLASSES,
    DATE_WINDOW_DAYS,
    CandidateIndex,
    within_window,
)
from storyline.stories.features import SURNAME_PREFIX, GroupingFeatures, grouping_features
from storyline.stories.merging import merge_groups
from storyline.stories.protagonists import (
    MAX_PROTAGONIST_WARD_RATIO,
    common_figures,
    share_protagonists,
)
from storyline.stories.refine import join_close, reassign
from storyline.stories.similarity import cosine, tfidf_vector
from storyline.stories.years import groups_clash, years_alien

__all__ = ["ANCHOR_CLASSES", "DATE_WINDOW_DAYS", "CorpusStats", "group_stories", "story_id"]

MIN_EVIDENCE = 1.0
MIN_OVERLAP = 0.3
MIN_TEXT_SIMILARITY = 0.22
MIN_CLASS_SHARE = 0.25
MIN_SHORT_EVIDENCE = 0.3
MIN_SHORT_OVERLAP = 0.3
MIN_SHORT_SIMILARITY = 0.15
MINOR_NAME_MARGIN = 0.15

# How much sharing one entity of this type says about sharing an event.
TYPE_WEIGHT = {
    "PERSON": 1.0,
    "EQUIPMENT": 1.0,
    "FACILITY": 1.0,
    "PLACE": 0.6,  # a town, a region, an airfield: specific, but cities host many events
    "BROAD_PLACE": 0.2,  # a country, a continent, an ocean
    "ORG": 0.5,  # agencies, news wires and ministries recur across events
    "SURNAME": 0.5,  # a person's family name alone, beside the full name
    "OTHER": 0.3,
    "GROUP": 0.2,  # demonyms: "Russian", "North Korean"
}


class CorpusStats:
    """What grouping derives from the whole corpus: each key's class and weight,
    word document frequencies for TF-IDF."""

    def __init__(self, feats: Sequence[GroupingFeatures]) -> None:
        self.n = len(feats)
        votes: dict[str, Counter[str]] = defaultdict(Counter)
        for ft in feats:
            for f, c in ft.classes.items():
                votes[f][c] += 1
        self.cls = {f: _key_class(v) for f, v in votes.items()}
        norm = math.log(1 + self.n)
        self.weight = {
            f: TYPE_WEIGHT.get(self.cls[f], 0.3) * math.log(1 + self.n / sum(v.values())) / norm
            for f, v in votes.items()
        }
        self.word_df: Counter[str] = Counter(w for ft in feats for w in ft.words)
        self._vectors: dict[str, dict[str, float]] = {}
        self._totals: dict[str, float] = {}

    def vector(self, ft: GroupingFeatures) -> dict[str, float]:
        v = self._vectors.get(ft.article_id)
        if v is None:
            v = tfidf_vector(ft.words, self.word_df, self.n)
            self._vectors[ft.article_id] = v
        return v

    def total(self, ft: GroupingFeatures) -> float:
        t = self._totals.get(ft.article_id)
        if t is None:
            t = sum(self.weight[f] for f in _counted(set(ft.classes)))
            self._totals[ft.article_id] = t
        return t


def _key_class(votes: Counter[str]) -> str:
    """One class per key across the corpus: the most specific class that at least
    ``MIN_CLASS_SHARE`` of the articles naming it give it.

    Not the plain majority: the small tagger calls an unfamiliar town an
    organisation as often as not ("Perth" ORG in three short reports, PLACE in
    one), and a name some outlets take for a place or a person is rarely an
    organisation that others take for one.
    """
    total = sum(votes.values())
    ranked = sorted(votes, key=lambda c: (-TYPE_WEIGHT.get(c, 0.0), -votes[c], c))
    for c in ranked:
        if votes[c] >= MIN_CLASS_SHARE * total:
            return c
    return ranked[0]


def group_stories(articles: Sequence[AnnotatedArticle]) -> list[Story]:
    """Every article in exactly one story; stories sorted by id.

    Groups join by average linkage over linked pairs, so one article that
    mentions two events cannot chain them into one story.
    """
    unique = {a.article.id: a for a in articles}
    feats = [grouping_features(unique[i]) for i in sorted(unique)]
    stories = []
    for group in group_features(feats):
        ordered = sorted(group, key=lambda a: (unique[a].article.published or "", a))
        stories.append(Story(id=story_id(group), article_ids=tuple(ordered)))
    return sorted(stories, key=lambda s: s.id)


def group_features(
    feats: Sequence[GroupingFeatures],
    stats: CorpusStats | None = None,
    among: Collection[int] | None = None,
) -> list[list[str]]:
    """Article ids grouped into stories (each group sorted).

    ``stats`` defaults to the statistics of ``feats``; ``among`` restricts the
    grouping to those indices of ``feats`` (an incremental run regroups only
    the articles its new ones touch, weighted by the whole corpus).
    """
    stats = stats or CorpusStats(feats)
    idx = sorted(among) if among is not None else list(range(len(feats)))
    index = CandidateIndex(
        [ft.classes.keys() for ft in feats], [ft.day for ft in feats], stats.cls, among=among
    )
    links = candidate_links(feats, stats, index)
    members = groups_from_links(feats, stats, links, idx)
    return sorted(sorted(feats[i].article_id for i in g) for g in members.values())


@dataclass
class CandidateLinks:
    """The candidates of each article and the linked pairs among them."""

    neighbours: dict[int, Sequence[int]]  # article -> its candidates (both directions)
    strength: dict[tuple[int, int], float]  # linked pairs (i < j) -> shared evidence
    candidates: int  # candidate pairs scored


def candidate_links(
    feats: Sequence[GroupingFeatures], stats: CorpusStats, index: CandidateIndex
) -> CandidateLinks:
    """Score every candidate pair as the index gives it, article by article.

    Only what grouping reads later is kept: each article's candidates as a
    compact array of 4-byte ints and the pairs that pass the link test.  At
    100k synthetic articles (5.4M candidate pairs) the set of candidate tuples
    this replaces, with interned feature words, took peak memory from 1.96 GB
    to 1.22 GB (``benchmarks/grouping_scale.py``).
    """
    neighbours: dict[int, Sequence[int]] = {}
    strength: dict[tuple[int, int], float] = {}
    count = 0
    for i in index.articles:
        nb = index.neighbours(i)
        if not nb:
            continue
        neighbours[i] = array("i", nb)
        for j in nb:
            if j > i:
                count += 1
                s = _link_strength(feats[i], feats[j], stats)
                if s is not None:
                    strength[(i, j)] = s
    return CandidateLinks(neighbours=neighbours, strength=strength, candidates=count)


def groups_from_pairs(
    feats: Sequence[GroupingFeatures],
    stats: CorpusStats,
    pairs: Iterable[tuple[int, int]],
    idx: Sequence[int],
) -> dict[int, list[int]]:
    """Stories (root index → member indices) of the articles ``idx`` from a given
    set of candidate pairs (``groups_from_links`` does the work)."""
    pairs = pairs if isinstance(pairs, Collection) else list(pairs)
    neighbours: dict[int, list[int]] = defaultdict(list)
    for i, j in pairs:
        neighbours[i].append(j)
        neighbours[j].append(i)
    links = CandidateLinks(
        neighbours=dict(neighbours),
        strength=link_strengths(feats, stats, pairs),
        candidates=len(pairs),
    )
    return groups_from_links(feats, stats, links, idx)


def groups_from_links(
    feats: Sequence[GroupingFeatures],
    stats: CorpusStats,
    links: CandidateLinks,
    idx: Sequence[int],
) -> dict[int, list[int]]:
    """Stories (root index → member indices) of the articles ``idx`` from their
    scored candidates: Ward-ordered joins, lone articles attached, then the
    whole stories refined (``stories/refine.py``)."""
    strength, neighbours = links.strength, links.neighbours
    chosen = set(idx)
    vectors = [stats.vector(ft) if i in chosen else {} for i, ft in enumerate(feats)]
    days = [ft.day for ft in feats]
    # The years an article names count only while its publication day is unknown.
    years = [ft.years if ft.day is None else None for ft in feats]
    members = merge_groups(idx, strength, days, vectors, years=years)

    def shared_evidence(i: int, story: Sequence[int]) -> float:
        names = set().union(*(feats[j].classes.keys() for j in story))
        return sum(stats.weight[f] for f in _counted(feats[i].classes.keys() & names))

    members = attach_lone_articles(
        members, vectors, neighbours, days, shared_evidence, MIN_EVIDENCE
    )
    def joinable(a: Sequence[int], b: Sequence[int]) -> bool:
        # The date window over both stories, and names in common that weigh
        # what the pair test asks of two articles.
        da = [d for d in (days[i] for i in a) if d is not None]
        db = [d for d in (days[j] for j in b) if d is not None]
        if da and db and not (
            within_window(min(da), max(db)) and within_window(max(da), min(db))
        ):
            return False
        if groups_clash(years, a, b):
            return False
        names_a = set().union(*(feats[i].classes.keys() for i in a))
        names_b = set().union(*(feats[j].classes.keys() for j in b))
        return sum(stats.weight[f] for f in _counted(names_a & names_b)) >= MIN_EVIDENCE

    members = reassign(members, vectors, neighbours, joinable)
    members = join_close(members, vectors, neighbours, joinable)

    famous = common_figures(
        [[feats[i].classes.keys() for i in g] for g in members.values() if len(g) >= 2],
        stats.cls,
    )

    def same_protagonists(a: Sequence[int], b: Sequence[int]) -> bool:
        # A wider Ward window asks for more agreement: the same people at the
        # centre, and no year one side names widely and the other hardly.
        if groups_clash(years, a, b, strict=True):
            return False
        return joinable(a, b) and share_protagonists(
            [feats[i].classes.keys() for i in a],
            [feats[j].classes.keys() for j in b],
            stats.cls,
            stats.weight,
            famous=famous,
        )

    members = join_close(
        members, vectors, neighbours, same_protagonists, max_ratio=MAX_PROTAGONIST_WARD_RATIO
    )

    def names_nothing_else(i: int, story: Sequence[int]) -> bool:
        # Every specific name of the article (an anchor) is one the story gives,
        # and its year is not one the story's undated reports hardly name.
        if years_alien(years, i, story):
            return False
        names = set().union(*(feats[j].classes.keys() for j in story))
        return all(
            f in names
            for f in feats[i].classes
            if stats.cls[f] in ANCHOR_CLASSES and not f.startswith(SURNAME_PREFIX)
        )

    members = attach_by_words(members, vectors, days, names_nothing_else)

    def lacks_only_minor_names(i: int, story: Sequence[int]) -> bool:
        # As above, except that a name the story lacks may be a minor one of
        # the article (named once, outside its title and first sentence).
        if years_alien(years, i, story):
            return False
        names = set().union(*(feats[j].classes.keys() for j in story))
        minor = set(feats[i].minor)
        return all(
            f in names or f in minor
            for f in feats[i].classes
            if stats.cls[f] in ANCHOR_CLASSES and not f.startswith(SURNAME_PREFIX)
        )

    return attach_by_words(
        members, vectors, days, lacks_only_minor_names, min_margin=MINOR_NAME_MARGIN
    )


def link_strengths(
    feats: Sequence[GroupingFeatures],
    stats: CorpusStats,
    pairs: Iterable[tuple[int, int]],
) -> dict[tuple[int, int], float]:
    """The linked pairs among ``pairs`` with their shared evidence."""
    strength: dict[tuple[int, int], float] = {}
    for i, j in pairs:
        s = _link_strength(feats[i], feats[j], stats)
        if s is not None:
            strength[(i, j)] = s
    return strength


def story_id(article_ids: Iterable[str]) -> str:
    """Stable id from the story's first article id: same members, same id, any input order."""
    return "s" + content_hash("story|" + min(article_ids))


def _link_strength(a: GroupingFeatures, b: GroupingFeatures, stats: CorpusStats) -> float | None:
    """The shared evidence of two articles when it links them, else None."""
    if a.day is not None and b.day is not None and abs((a.day - b.day).days) > DATE_WINDOW_DAYS:
        return None
    shared = a.classes.keys() & b.classes.keys()
    if not any(stats.cls[f] in ANCHOR_CLASSES for f in shared):
        return None
    counted = _counted(shared)
    evidence = sum(stats.weight[f] for f in counted)
    smaller = min(stats.total(a), stats.total(b))
    if evidence < MIN_EVIDENCE:
        # A short report (a brief, a one-sentence summary) names too few things
        # to ever reach MIN_EVIDENCE; it links when what it shares is a good part
        # of what it names and some wording is shared too.
        if (
            (len(counted) >= 2 or smaller < MIN_EVIDENCE)
            and evidence >= MIN_SHORT_EVIDENCE
            and evidence >= MIN_SHORT_OVERLAP * smaller
            and cosine(stats.vector(a), stats.vector(b)) >= MIN_SHORT_SIMILARITY
        ):
            return evidence
        return None
    if smaller > 0 and evidence / smaller >= MIN_OVERLAP:
        return evidence
    if cosine(stats.vector(a), stats.vector(b)) >= MIN_TEXT_SIMILARITY:
        return evidence
    return None


def _counted(shared: set[str]) -> list[str]:
    """The shared keys that count as evidence: a family name only where the two
    articles do not already share the full name (one person counts once)."""
    surnames = [f for f in shared if f.startswith(SURNAME_PREFIX)]
    if not surnames:
        return list(shared)
    full = {f.rsplit(" ", 1)[-1] for f in shared if not f.startswith(SURNAME_PREFIX)}
    return [f for f in shared if not (f.startswith(SURNAME_PREFIX) and f[1:] in full)]
