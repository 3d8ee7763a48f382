"""One canonical entity across stories: which stories' entities are the same thing.

Entity ids are already the same wherever a thing goes by the same fullest name
and type (``analyse/entities.py``: ``entity_id(type, key)``).  Sharing an id is
not always enough to be one real thing across stories, though: inside a story
a bare surname is resolved against the people the story names, but two
stories that each know only a "Smith" may mean two people.  So an entity links
across stories only when

* its name is a full name: a person needs at least two name words (a first
  name and a surname, or a name written in full); organisations, places,
  facilities, equipment and groups are linked by their name as it stands;
* the types agree (they do whenever the ids agree: the type is in the id);
* the roles are compatible: two persons both given roles must share a role
  word ("actress" and "Oscar-nominated actress" agree; "judge" and
  "quarterback" do not), so namesakes in two trades stay apart.

Linking is transitive only through compatible pairs: each story's entity joins
the first group with that id whose every member it is compatible with.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import Protocol


class Entity(Protocol):
    """What linking reads of an entity (``storyline.model.Entity`` or a dossier's)."""

    @property
    def id(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def type(self) -> str: ...
    @property
    def roles(self) -> Sequence[str]: ...

_ROLE_WORD_STOP = frozenset({"the", "a", "an", "of", "and", "former", "ex", "new", "then"})


def is_full_name(entity: Entity) -> bool:
    """A name specific enough to mean the same thing in any story."""
    if entity.type == "PERSON":
        return len([w for w in entity.name.replace(".", " ").split() if w]) >= 2
    return bool(entity.name.strip())


def _role_words(roles: Iterable[str]) -> set[str]:
    return {w for r in roles for w in r.lower().replace("-", " ").split()} - _ROLE_WORD_STOP


def roles_compatible(a: Entity, b: Entity) -> bool:
    """No clash of roles: one side has none, or they share a role word."""
    if a.type != "PERSON" or not a.roles or not b.roles:
        return True
    return bool(_role_words(a.roles) & _role_words(b.roles))


def link_across_stories(
    entities_by_story: Mapping[str, Sequence[Entity]],
) -> dict[tuple[str, str], str]:
    """``(story id, entity id)`` → the key of the cross-story entity it is.

    Entities that link (same id, full name, compatible roles) share a key; any
    other keeps a key of its own story.  Stories are visited in id order so
    the result does not depend on the mapping's order.
    """
    groups: dict[str, list[list[Entity]]] = defaultdict(list)
    out: dict[tuple[str, str], str] = {}
    for story in sorted(entities_by_story):
        for ent in entities_by_story[story]:
            if not is_full_name(ent):
                out[(story, ent.id)] = f"{story}/{ent.id}"
                continue
            for n, members in enumerate(groups[ent.id]):
                if all(roles_compatible(ent, m) for m in members):
                    members.append(ent)
                    out[(story, ent.id)] = f"{ent.id}/{n}"
                    break
            else:
                groups[ent.id].append([ent])
                out[(story, ent.id)] = f"{ent.id}/{len(groups[ent.id]) - 1}"
    return out
