"""Whom a participle on an event noun is about: "The visit, accompanied by …".

"Kim Jong Un conducted a high-profile visit to Russia. The visit, accompanied
by President Vladimir Putin's defence minister, …" says that the defence
minister accompanied Kim: the participle modifies "the visit", and the visit
is the one the article has just told, made by Kim.  The parser gives the
participle its agent only, so the patient is read the way a reader reads it:
when a participle follows "The <noun>," directly, the patient is the named
agent of the article's nearest earlier event mention with that noun's lemma
("visit" the noun or the verb) or its event class ("conducted a visit").
Nothing is guessed when no such mention, or no named agent, precedes.
"""

from __future__ import annotations

import re

from storyline.model import AnnotatedArticle, EventMention

# "The visit, accompanied": the participle right after the noun and a comma.
_NOUN_COMMA = re.compile(r"\b[Tt]he\s+(?:[a-z\-]+\s+)?(?P<noun>[a-z]+)\s*,\s*$")


def event_noun_patient(art: AnnotatedArticle, em: EventMention) -> int | None:
    """Index (into ``art.mentions``) of the patient the participle ``em`` is about."""
    if em.pos != "VERB":
        return None
    text = art.article.text
    m = _NOUN_COMMA.search(text, max(0, em.start - 60), em.start)
    if m is None:
        return None
    noun, noun_at = m.group("noun"), m.start("noun")
    # The noun's own event class, when it is an event noun of the inventory:
    # "conducted a visit" is a visit told by a light verb.
    cls = next((e.event_class for e in art.events if e.start == noun_at and e.event_class),
               None)
    earlier = [e for e in art.events if e.end <= noun_at and e.modality == "asserted"
               and (e.lemma.lower() == noun or (cls is not None and e.event_class == cls))]
    for prior in sorted(earlier, key=lambda e: e.start, reverse=True):
        agents = [a.mention for a in prior.arguments
                  if a.role == "agent" and a.mention is not None]
        if agents:
            return agents[0]
    return None


__all__ = ["event_noun_patient"]
