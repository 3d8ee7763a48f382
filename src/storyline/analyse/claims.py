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
   own slip: an "internal_inconsistency" Conflict on that article.

A SourceRef quotes the whole sentence holding the figure (start/end are the
sentence's offsets), so the quote reads as a statement; the figure's own span
stays in the article's Quantity.  See docs/claims.md.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from storyline.analyse import compare
from storyline.model import (
    AnnotatedArticle,
    Claim,
    ClaimStatus,
    Conflict,
    FigureRef,
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
_AFTERSHOCK = re.compile(r"\b(?:aftershocks?|foreshocks?)\b", re.IGNORECASE)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


@dataclass(frozen=True)
class _Item:
    art: AnnotatedArticle
    q: Quantity
    subject: str | None
    key: GroupKey

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
           mention_entity: Mapping[tuple[str, int], str]) -> list[_Item]:
    out = []
    for art in articles:
        for q in sorted(art.quantities, key=lambda q: q.start):
            subject = (mention_entity.get((art.article.id, q.subject_mention))
                       if q.subject_mention is not None else None)
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
            scope = subject
            if subject is None and attribute in EVENT_ATTRIBUTES and about_story_event(art, q):
                scope = EVENT
                if attribute.startswith("casualties_"):
                    # "42 people" and "57 passengers" hurt in one event are one figure
                    detail = attribute.removeprefix("casualties_")
            elif subject is None and attribute == "length":
                obj = length_object(art.article.text, q)
                if obj is not None:
                    scope, detail = OBJECT, obj[0]
            key = (scope, attribute, dim, detail)
            out.append(_Item(art, q, subject, key))
    return out


def _cluster(items: list[_Item]) -> list[list[_Item]]:
    clusters: list[list[_Item]] = []
    for it in items:
        for c in clusters:
            if all(compare.agree_any(it.q, o.q) for o in c):
                c.append(it)
                break
        else:
            clusters.append([it])
    return clusters


def _same_value(a: Quantity, b: Quantity) -> bool:
    x, y = a.normalized, b.normalized
    if x.unit != y.unit:
        return False
    return all(
        (u is None and v is None) or (u is not None and v is not None
                                      and abs(u - v) <= 1e-9 * max(abs(u), abs(v), 1.0))
        for u, v in ((x.low, y.low), (x.high, y.high))
    )


def _exact_clusters(items: list[_Item]) -> list[list[_Item]]:
    clusters: list[list[_Item]] = []
    for it in items:
        for c in clusters:
            if _same_value(it.q, c[0].q):
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


def _make_claim(story_id: str, key: GroupKey, cluster: list[_Item],
                origin_groups: Mapping[str, str], conflicting: bool, taken: set[str]) -> Claim:
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
        subject=cluster[0].subject,  # an entity id, or None for EVENT/OBJECT/no subject
        attribute=key[1],
        value=first.value,
        normalized=normalized,
        qualifier=first.qualifier,
        status=status,
        sources=tuple(sources),
        independent_sources=independent,
        text=first.text,
        figures=tuple(_figure(it.article_id, it.q) for it in cluster),
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
    kind = ("range_mismatch" if any(compare.is_range(it.q) for c in clusters for it in c)
            else "value_mismatch")
    if key[0] == EVENT:
        what = f"{key[1].replace('_', ' ')} figure of the story's event"
    else:
        what = f"{key[1].replace('_', ' ')} of {_subject_name(clusters[0][0])}"
    explanation = f"Sources disagree on the {what}: " + " versus ".join(sides) + "."
    return Conflict(tuple(c.id for c in claims), kind, explanation)


def _internal(it: _Item, alt: Quantity, claim_id: str) -> Conflict:
    n, a = it.q.normalized, alt.normalized
    return Conflict(
        (claim_id,),
        "internal_inconsistency",
        f'{_where(it)} gives "{it.q.text}" and, as its conversion, '
        f'"{alt.text}", which do not round to each other '
        f"({_fmt(n.low)}–{_fmt(n.high)} vs {_fmt(a.low)}–{_fmt(a.high)} {n.unit}).",
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


def build_claims(
    articles: Sequence[AnnotatedArticle],
    mention_entity: Mapping[tuple[str, int], str],
    origin_groups: Mapping[str, str],
    story_id: str,
) -> tuple[list[Claim], list[Conflict]]:
    """One Claim per agreeing cluster of figures; Conflicts where sources (or one) disagree."""
    groups: dict[GroupKey, list[_Item]] = {}
    for it in _items(articles, mention_entity):
        groups.setdefault(it.key, []).append(it)
    claims: list[Claim] = []
    conflicts: list[Conflict] = []
    taken: set[str] = set()
    for key, items in groups.items():
        mode = _mode(key)
        clusters = _exact_clusters(items) if mode == "exact" else _cluster(items)
        conflicting = len(clusters) >= 2 and mode == "conflict"
        made = [_make_claim(story_id, key, c, origin_groups, conflicting, taken)
                for c in clusters]
        claims.extend(made)
        if conflicting:
            conflicts.append(_conflict(key, clusters, made))
        for c, claim in zip(clusters, made, strict=True):
            for it in c:
                conflicts.extend(_internal(it, alt, claim.id)
                                 for alt in compare.inconsistent_alternates(it.q))
    return claims, conflicts
