"""Claims: the story's figures, grouped by what they are about, checked across sources.

1. Every Quantity of every article becomes an item keyed by (scope, attribute,
   dimension, detail).  The scope is the subject entity from the
   entity-resolution stage (``mention_entity``; a subject mention it did not
   resolve counts as no subject), or, for a figure with no entity subject:
   ``EVENT`` when it describes the story's event itself (a story is one event:
   its casualties of each kind, its magnitude, the area it burned or flooded,
   its damage bill), ``OBJECT`` for the length of a thing named only by its
   noun ("a 120-km pipeline": detail "pipeline"), else None.
2. With an entity or EVENT scope, the group's figures are clustered by agreement
   (``compare.agree_any``, complete link: a figure joins a cluster only if it
   agrees with every member).  Two or more clusters = the sources disagree:
   every claim of the group is "conflicting" and a Conflict names them.
   OBJECT groups cluster the same way but never conflict (two different
   vessels may both be "the vessel"); temperatures (forecasts, places) merge
   only when identical.
3. Otherwise we cannot tell two figures are about the same thing, so only
   identical SI values are merged (the same figure copied or re-reported);
   such claims are never conflicting.
4. A bracketed conversion that does not round to its figure is the outlet's
   own slip: an Inconsistency of that article (``ClaimSet.inconsistencies``),
   never a Conflict between sources.

Bounds ("at least 42", "up to 2,000 km") are clustered after the closed figures:
a bound that fits exactly one cluster joins it; one that fits several takes no
side (its own claim, which neither makes nor joins a conflict); one that fits
none starts a cluster of its own.

A SourceRef quotes the whole sentence holding the figure (start/end are the
sentence's offsets), so the quote reads as a statement; the figure's own span
stays in the article's Quantity.  See docs/claims.md.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from itertools import pairwise

from storyline.analyse import compare, definite_subjects
from storyline.analyse.role_descriptions import Descriptions
from storyline.model import (
    AnnotatedArticle,
    Claim,
    ClaimStatus,
    Conflict,
    FigureRef,
    Inconsistency,
    Interval,
    Quantity,
    SourceRef,
    content_hash,
)
from storyline.nlp.quantity_context import CASUALTY_KINDS, dimension_of, length_object

# (scope: subject entity, EVENT, OBJECT or None; attribute; dimension; detail:
#  counted noun, anchor entity, casualty kind or measured noun)
GroupKey = tuple[str | None, str, str, str]
EVENT = "<event>"
OBJECT = "<object>"
# Attributes that, with no entity subject, describe the story's event itself.
# Not durations (an ongoing fire's "three days" grows with each report), not
# plain costs (fares, funding and budgets are not the event's).
EVENT_ATTRIBUTES = frozenset({"magnitude", "area_affected", "damage",
                              *(f"casualties_{k}" for k in CASUALTY_KINDS)})
# An event-level figure inside a reference to another event is not the story's:
# "after a much stronger magnitude 6.8 earthquake", "the strongest of magnitude
# 5.1" (an aftershock), "higher than the 42 injured".
_OTHER_EVENT_LEFT = re.compile(
    r"\b(?:stronger|strongest|weaker|weakest|larger|largest|bigger|biggest|smaller|"
    r"smallest|deadlier|deadliest|worse|worst|more powerful|most powerful|previous|earlier|"
    r"prior|former|last|similar|same|another|than|since)\b[^.;:,]{0,25}$",
    re.IGNORECASE,
)
# Nouns that name the same kind of object in news copy: a "bore" is a bored tunnel
# ("the 14.2-kilometre bore" and "the tunnel runs for 14.2 km").  Kept small:
# "tube" is not here, as a tunnel may have two tubes of their own length.
OBJECT_SYNONYMS = {"bore": "tunnel"}
_AFTERSHOCK = re.compile(r"\b(?:aftershocks?|foreshocks?)\b", re.IGNORECASE)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


@dataclass(frozen=True)
class _Item:
    art: AnnotatedArticle
    q: Quantity
    subject: str | None
    key: GroupKey
    subject_basis: str | None = None

    @property
    def article_id(self) -> str:
        return self.art.article.id


def _sentence_text(art: AnnotatedArticle, q: Quantity) -> tuple[str, int]:
    if 0 <= q.sentence < len(art.sentences):
        s = art.sentences[q.sentence]
        return art.article.text[s.start : s.end], s.start
    return art.article.text, 0


def about_story_event(art: AnnotatedArticle, q: Quantity) -> bool:
    """Whether an event-level figure is about the story's event, not another one.

    Conservative: a sentence naming a year other than the article's (or any year
    when the article is undated) is background ("the magnitude 8.8 earthquake of
    2010"); so is a figure after a comparison or reference word in its clause
    ("a much stronger magnitude 6.8 quake", "the strongest of magnitude 5.1",
    "higher than the 42 injured"), and a magnitude after "aftershock" in its
    sentence.  Such figures fall back to exact-value merging.
    """
    sent, base = _sentence_text(art, q)
    published = art.article.published
    year = published[:4] if published else None
    if any(y != year for y in _YEAR.findall(sent)):
        return False
    left = sent[: max(0, q.start - base)]
    if _OTHER_EVENT_LEFT.search(left):
        return False
    return not (q.attribute == "magnitude" and _AFTERSHOCK.search(left))


def _items(articles: Sequence[AnnotatedArticle],
           mention_entity: Mapping[tuple[str, int], str],
           descriptions: Descriptions | None = None) -> list[_Item]:
    out = []
    kinds = definite_subjects.entity_kinds(articles, mention_entity)
    names = definite_subjects.entity_names(articles, mention_entity)
    for art in articles:
        for q in sorted(art.quantities, key=lambda q: q.start):
            subject = (mention_entity.get((art.article.id, q.subject_mention))
                       if q.subject_mention is not None else None)
            basis = None
            if q.attribute == "age" and subject is None and descriptions is not None:
                found_person = _described_person(art, q, descriptions)
                if found_person is not None:
                    subject, basis = found_person
            if q.attribute == "age" and subject is None:
                continue  # "a 74-year-old man": a description, not a claim about anyone named
            dim = dimension_of(q)
            attribute = q.attribute or "quantity"
            if dim == "money":  # no FX: sums in different currencies never compare
                dim = f"money:{q.normalized.unit}"
            # Counts of different things never compare ("3 warships" vs "40 aircraft"),
            # nor do distances from different places.
            detail = q.value.unit if dim == "count" else ""
            if q.anchor_mention is not None and q.anchor_mention < len(art.mentions):
                detail = mention_entity.get(
                    (art.article.id, q.anchor_mention),
                    "text:" + art.mentions[q.anchor_mention].text.lower(),
                )
            if subject is None and q.subject_mention is None and (
                    attribute not in EVENT_ATTRIBUTES):
                found = _definite_subject(art, q, attribute, kinds, names)
                if found is not None:
                    subject, basis = found.entity, found.basis
            scope = subject
            if subject is None and attribute in EVENT_ATTRIBUTES and about_story_event(art, q):
                scope = EVENT
                if attribute.startswith("casualties_"):
                    # "42 people" and "57 passengers" hurt in one event are one figure
                    detail = attribute.removeprefix("casualties_")
            elif subject is None and attribute == "length":
                obj = length_object(art.article.text, q)
                if obj is not None:
                    scope, detail = OBJECT, OBJECT_SYNONYMS.get(obj[0], obj[0])
            key = (scope, attribute, dim, detail)
            out.append(_Item(art, q, subject, key, basis))
    return out


def _can_join(it: _Item, key: GroupKey) -> bool:
    """Whether group ``key`` could own ``it``'s figure: same attribute and dimension,
    a scope that names something, and the same detail (counted noun, anchor) unless
    the scope is the event (its detail is the casualty kind, from the attribute) or
    an object (its detail is the measured noun, which a figure with no scope lacks)."""
    scope, attribute, dim, detail = key
    if scope is None or key == it.key or (attribute, dim) != it.key[1:3]:
        return False
    if scope == EVENT:
        return attribute in EVENT_ATTRIBUTES
    if scope == OBJECT:
        return True  # the object's noun is its detail; the figure had none
    return detail == it.key[3]


def _scope_name(key: GroupKey, names: Mapping[str, str]) -> str:
    if key[0] == EVENT:
        return "the story's event"
    if key[0] == OBJECT:
        return f"the {key[3]}"
    return names.get(key[0] or "", key[0] or "")


def join_subjectless(items: list[_Item], names: Mapping[str, str]) -> list[_Item]:
    """Give a figure with no subject the one scope that states the same figure.

    A figure without a subject (scope None) joins the group of another scope —
    entity, event or object — of the same attribute, dimension and detail when
    some figure there states the same number (``compare.same_figure``) and exactly
    one such scope exists in the story; with two or more candidates it stays where
    it is.  An object length never moves: "the 120-kilometre road" is not the
    120-kilometre pipeline of the same story."""
    groups: dict[GroupKey, list[_Item]] = {}
    for it in items:
        groups.setdefault(it.key, []).append(it)
    out: list[_Item] = []
    for it in items:
        if it.key[0] is not None or it.key[1] in ("temperature", "age"):
            out.append(it)
            continue
        fits = [k for k, g in groups.items() if g and _can_join(it, k)
                and any(compare.same_figure(it.q, o.q) for o in g)]
        if len(fits) != 1:
            out.append(it)
            continue
        key = fits[0]
        subject = key[0] if key[0] not in (EVENT, OBJECT) else None
        what = key[1].replace("_", " ")
        basis = (f'no subject written beside "{it.q.text}"; read as '
                 f"{_scope_name(key, names)}'s, the story's only {what} with that figure")
        moved = replace(it, key=key, subject=subject, subject_basis=it.subject_basis or basis)
        groups[it.key].remove(it)
        groups[key].append(moved)
        out.append(moved)
    return out


# What may stand between a role description and the age it is given: "the governor,
# aged 58", "the governor is 58 years old", "the minister, who is 66".
_DESCRIBED_AGE_GAP = re.compile(r",\s*(?:aged\s+|who\s+(?:is|was)\s+)|\s+(?:is|was)\s+")


def _described_person(art: AnnotatedArticle, q: Quantity,
                      descriptions: Descriptions) -> tuple[str, str] | None:
    """The person an age is given to when the text names them by their role ("the
    governor, aged 58"): the entity ``analyse.role_descriptions`` resolved the
    description to, with the basis; None when no resolved description is right
    before the figure."""
    text = art.article.text
    for d in descriptions.found:
        if (d.article == art.article.id and d.end <= q.start
                and _DESCRIBED_AGE_GAP.fullmatch(text, d.end, q.start)):
            return d.entity, f"the age of {d.basis}"
    return None


def _definite_subject(art: AnnotatedArticle, q: Quantity, attribute: str,
                      kinds: Mapping[str, Mapping[str, set[str]]],
                      names: Mapping[str, str]) -> definite_subjects.Resolved | None:
    """"the vessel" as the one vessel of the article or story (analyse/definite_subjects)."""
    if attribute == "age":
        return None
    text = art.article.text
    sent_start = (art.sentences[q.sentence].start
                  if 0 <= q.sentence < len(art.sentences) else 0)
    obj = length_object(text, q) if attribute == "length" else None
    noun = definite_subjects.definite_noun(text, sent_start, q, obj[0] if obj else None)
    if noun is None:
        return None
    return definite_subjects.resolve(noun, art.article.id, kinds, names)


def _is_bound(q: Quantity) -> bool:
    return q.normalized.low is None or q.normalized.high is None


def _fits(it: _Item, c: list[_Item]) -> bool:
    return all(compare.agree_any(it.q, o.q) for o in c)


def _cluster(items: list[_Item]) -> tuple[list[list[_Item]], set[int]]:
    """Complete-link clusters, closed figures first, then bounds (module doc).

    Returns the clusters in story order and the indexes of the neutral ones: bounds
    that agree with two or more clusters of values and so take no side."""
    clusters: list[list[_Item]] = []
    for it in (i for i in items if not _is_bound(i.q)):
        for c in clusters:
            if _fits(it, c):
                c.append(it)
                break
        else:
            clusters.append([it])
    closed = len(clusters)
    neutral: list[list[_Item]] = []
    for it in (i for i in items if _is_bound(i.q)):
        fits = [c for c in clusters[:closed] if _fits(it, c)]
        if len(fits) == 1:
            fits[0].append(it)
            continue
        pool = neutral if len(fits) >= 2 else clusters
        for c in pool[closed:] if pool is clusters else pool:
            if _fits(it, c):
                c.append(it)
                break
        else:
            pool.append([it])
    order = {id(it): k for k, it in enumerate(items)}
    every = clusters + neutral
    every.sort(key=lambda c: min(order[id(it)] for it in c))
    for c in every:
        c.sort(key=lambda it: order[id(it)])
    neutral_ids = {id(c) for c in neutral}
    return every, {k for k, c in enumerate(every) if id(c) in neutral_ids}


def _exact_clusters(items: list[_Item]) -> list[list[_Item]]:
    # Identical through any written form: "up to 250 km/h (155 mph)" and "up to 155 mph"
    clusters: list[list[_Item]] = []
    for it in items:
        for c in clusters:
            if any(compare.same_written(it.q, o.q) for o in c):
                c.append(it)
                break
        else:
            clusters.append([it])
    return clusters


def _source(it: _Item) -> SourceRef:
    art, q = it.art, it.q
    text = art.article.text
    if 0 <= q.sentence < len(art.sentences):
        s = art.sentences[q.sentence]
        start, end = s.start, s.end
    else:  # no sentence table (hand-built articles): quote the figure itself
        start, end = q.start, q.end
    return SourceRef(it.article_id, start, end, q.sentence, text[start:end])


def _fmt(v: float | None) -> str:
    return "" if v is None else f"{v:.6g}"


def _claim_id(story_id: str, key: GroupKey, n: Interval, taken: set[str]) -> str:
    scope, attribute, _dim, counted = key
    base = "|".join([story_id, scope or "", attribute, counted, _fmt(n.low), _fmt(n.high),
                     n.unit])
    cid = "c" + content_hash(base)
    k = 1
    while cid in taken:  # two no-subject clusters can share a value only by accident
        k += 1
        cid = "c" + content_hash(f"{base}#{k}")
    taken.add(cid)
    return cid


def _status(cluster: list[_Item], origin_groups: Mapping[str, str],
            conflicting: bool) -> tuple[ClaimStatus, int]:
    arts = {it.article_id for it in cluster}
    origins = {origin_groups.get(a, a) for a in arts}
    if conflicting:
        return "conflicting", len(origins)
    if len(origins) >= 2:
        return "corroborated", len(origins)
    if len(arts) >= 2:
        return "repeated", len(origins)
    return "single-source", len(origins)


def _anchor_entity(key: GroupKey) -> str | None:
    detail = key[3]
    if key[1] == "distance_from" and detail and not detail.startswith("text:"):
        return detail
    return None


def _make_claim(story_id: str, key: GroupKey, cluster: list[_Item],
                origin_groups: Mapping[str, str], conflicting: bool, taken: set[str]) -> Claim:
    # Figures that named their subject (or had no need to: "42 people") lead, in
    # story order, before those given one by a rule ("higher than the 42 injured"):
    # the claim's text, first source and first figure are a direct statement.
    cluster = sorted(cluster, key=lambda it: it.subject_basis is not None)
    first = cluster[0].q
    # The cluster's value is its most precise member: an intersection of
    # rounded figures in different units is often empty, a member never is.
    normalized = compare.most_precise(it.q for it in cluster).normalized
    status, independent = _status(cluster, origin_groups, conflicting)
    sources: list[SourceRef] = []
    for it in cluster:
        ref = _source(it)
        if ref not in sources:
            sources.append(ref)
    return Claim(
        id=_claim_id(story_id, key, normalized, taken),
        # an entity id, or None for EVENT/OBJECT/no subject
        subject=next((it.subject for it in cluster if it.subject), None),
        attribute=key[1],
        value=first.value,
        normalized=normalized,
        qualifier=first.qualifier,
        status=status,
        sources=tuple(sources),
        independent_sources=independent,
        text=first.text,
        figures=tuple(_figure(it.article_id, it.q) for it in cluster),
        anchor=_anchor_entity(key),
        subject_basis=next((it.subject_basis for it in cluster if it.subject_basis), None),
    )


def _figure(article_id: str, q: Quantity) -> FigureRef:
    return FigureRef(
        article=article_id,
        start=q.start,
        end=q.end,
        text=q.text,
        normalized=q.normalized,
        alternates=tuple(_figure(article_id, a) for a in q.alternates),
    )


def _where(it: _Item) -> str:
    title = it.art.article.title
    return f"«{title}» ({it.article_id})" if title else f"article {it.article_id}"


def _subject_name(it: _Item) -> str:
    m = it.q.subject_mention
    if m is not None and m < len(it.art.mentions):
        return it.art.mentions[m].text
    return it.subject or "(no subject)"


def _conflict(key: GroupKey, clusters: list[list[_Item]], claims: list[Claim]) -> Conflict:
    sides = []
    for c in clusters:
        said = "; ".join(f'"{it.q.text}" in {_where(it)}' for it in c)
        sides.append(said)
    every = [it.q for c in clusters for it in c]
    kind = ("range_mismatch" if any(compare.is_range(q) for q in every)
            else "bound_mismatch" if any(_is_bound(q) for q in every) else "value_mismatch")
    if key[0] == EVENT:
        what = f"{key[1].replace('_', ' ')} figure of the story's event"
    else:
        what = f"{key[1].replace('_', ' ')} of {_subject_name(clusters[0][0])}"
    explanation = f"Sources disagree on the {what}: " + " versus ".join(sides) + "."
    if key[1].startswith("casualties") and _rises_over_time(clusters):
        # A toll that only grows from one day's reports to the next is news being
        # updated, not sources contradicting each other; the claims stay apart.
        kind = "toll_update"
        explanation = (f"The {what} rises from one publication day to the next, which "
                       "reads as an updated count rather than a disagreement: "
                       + " then ".join(sides) + ".")
    return Conflict(tuple(c.id for c in claims), kind, explanation)


def _rises_over_time(clusters: list[list[_Item]]) -> bool:
    """Each cluster, by value, published strictly after every article of the one below."""
    spans = []
    for c in clusters:
        values = [it.q.normalized.low for it in c] + [it.q.normalized.high for it in c]
        dates = [it.art.article.published for it in c]
        if any(v is None for v in values) or any(d is None for d in dates):
            return False
        spans.append((min(v for v in values if v is not None),
                      min(d for d in dates if d is not None),
                      max(d for d in dates if d is not None)))
    spans.sort()
    return all(lo[2] < hi[1] and lo[0] < hi[0] for lo, hi in pairwise(spans))


def _internal(it: _Item, alt: Quantity, claim_id: str) -> Inconsistency:
    n, a = it.q.normalized, alt.normalized
    end = max(it.q.end, alt.end)
    return Inconsistency(
        claim=claim_id,
        article=it.article_id,
        start=it.q.start,
        end=end,
        text=it.art.article.text[it.q.start : end],
        explanation=(
            f'{_where(it)} gives "{it.q.text}" and, as its conversion, '
            f'"{alt.text}", which do not round to each other '
            f"({_fmt(n.low)}–{_fmt(n.high)} vs {_fmt(a.low)}–{_fmt(a.high)} {n.unit})."),
    )


def _mode(key: GroupKey) -> str:
    """conflict: cluster by agreement, disagreement is a Conflict; merge: cluster by
    agreement, never a Conflict; exact: only identical values merge."""
    scope, attribute = key[0], key[1]
    if scope is None or attribute == "temperature":
        return "exact"
    if scope == OBJECT:
        return "merge"
    return "conflict"


@dataclass(frozen=True)
class ClaimSet:
    claims: list[Claim]
    conflicts: list[Conflict]  # between sources
    inconsistencies: list[Inconsistency]  # inside one article


def build_claim_set(
    articles: Sequence[AnnotatedArticle],
    mention_entity: Mapping[tuple[str, int], str],
    origin_groups: Mapping[str, str],
    story_id: str,
    descriptions: Descriptions | None = None,
) -> ClaimSet:
    """One Claim per agreeing cluster of figures; Conflicts where sources disagree;
    Inconsistencies where one article's figure and its own conversion disagree.
    ``descriptions``: the story's resolved role descriptions, which give an age
    written beside one ("the governor, aged 58") its person."""
    groups: dict[GroupKey, list[_Item]] = {}
    names = definite_subjects.entity_names(articles, mention_entity)
    for it in join_subjectless(_items(articles, mention_entity, descriptions), names):
        groups.setdefault(it.key, []).append(it)
    out = ClaimSet([], [], [])
    taken: set[str] = set()
    for key, items in groups.items():
        mode = _mode(key)
        neutral: set[int] = set()
        if mode == "exact":
            clusters = _exact_clusters(items)
        else:
            clusters, neutral = _cluster(items)
        sides = [c for k, c in enumerate(clusters) if k not in neutral]
        conflicting = len(sides) >= 2 and mode == "conflict"
        made = [_make_claim(story_id, key, c, origin_groups, conflicting and k not in neutral,
                            taken) for k, c in enumerate(clusters)]
        for k in sorted(neutral):
            # A bound that takes no side still says which figures it fits.
            fits = tuple(m.id for j, m in enumerate(made) if j not in neutral
                         and all(_fits(it, clusters[j]) for it in clusters[k]))
            made[k] = replace(made[k], compatible_with=fits)
        out.claims.extend(made)
        if conflicting:
            out.conflicts.append(_conflict(
                key, sides, [m for k, m in enumerate(made) if k not in neutral]))
        for c, claim in zip(clusters, made, strict=True):
            for it in c:
                out.inconsistencies.extend(_internal(it, alt, claim.id)
                                           for alt in compare.inconsistent_alternates(it.q))
    return out


def build_claims(
    articles: Sequence[AnnotatedArticle],
    mention_entity: Mapping[tuple[str, int], str],
    origin_groups: Mapping[str, str],
    story_id: str,
) -> tuple[list[Claim], list[Conflict]]:
    """Claims and the conflicts between sources (see :func:`build_claim_set`)."""
    result = build_claim_set(articles, mention_entity, origin_groups, story_id)
    return result.claims, result.conflicts
