"""Assemble one story's dossier from its annotated articles."""

from __future__ import annotations

from collections.abc import Sequence

from storyline.analyse.claims import build_claim_set
from storyline.analyse.distance_check import check_distances
from storyline.analyse.entities import resolve_entities
from storyline.analyse.equipment_kinds import add_equipment_kinds
from storyline.analyse.events import build_events
from storyline.analyse.known_names import KnownNames
from storyline.analyse.org_places import link_organisation_places
from storyline.analyse.place_within import places_from_possessives
from storyline.analyse.places import locate_places
from storyline.analyse.role_descriptions import resolve_role_descriptions
from storyline.model import AnnotatedArticle, Dossier, Story
from storyline.stories.copies import detect_copies


def story_title(articles: Sequence[AnnotatedArticle]) -> str:
    """The headline of the earliest dated article (the first report), else of the first one."""
    dated = sorted(
        (a.article for a in articles if a.article.published and a.article.title),
        key=lambda a: (a.published or "", a.id),
    )
    if dated:
        return dated[0].title or ""
    titled = [a.article for a in articles if a.article.title]
    if titled:
        return titled[0].title or ""
    first = articles[0].article.text.strip().splitlines()
    return first[0][:120] if first else "(untitled)"


def build_dossier(
    story: Story, articles: Sequence[AnnotatedArticle], known: KnownNames | None = None
) -> Dossier:
    """``known``: full person names of the whole store (``known_person_names``),
    so that a short form here gets the id its full name has in other stories."""
    by_id = {a.article.id: a for a in articles}
    members = [by_id[i] for i in story.article_ids]
    copies = detect_copies([a.article for a in members])
    resolution = locate_places(add_equipment_kinds(resolve_entities(members, known), members))
    resolution = places_from_possessives(resolution, members)
    resolution = link_organisation_places(resolution)
    resolution, descriptions = resolve_role_descriptions(resolution, members)
    claim_set = build_claim_set(
        members, resolution.mention_entity, copies.origin_groups, story.id,
        descriptions=descriptions,
    )
    claims, conflicts = claim_set.claims, claim_set.conflicts
    story_events = build_events(
        story.id, members, resolution.mention_entity, resolution.entities,
        descriptions=descriptions,
    )
    return Dossier(
        story=story,
        title=story_title(members),
        articles=tuple(a.article for a in members),
        origin_groups=dict(copies.origin_groups),
        entities=tuple(resolution.entities),
        events=tuple(story_events.events),
        claims=tuple(claims),
        conflicts=tuple(conflicts),
        shared_passages=tuple(copies.passages),
        inconsistencies=tuple(claim_set.inconsistencies),
        distance_checks=tuple(check_distances(claims, resolution.entities)),
        timeline=tuple(story_events.timeline),
        published_estimates=story_events.published_estimates,
    )
