"""One-line summaries of story events: "Sergei Shoigu greeted Kim Jong Un at Knevichi Airfield".

The summary is built from the event's roles, not copied from a sentence, so
it names the canonical entities.  What makes it read as English:

* what is acted on is an entity, else the noun phrase the text used ("a
  guard of honour", "military assets": the parse gives the phrase, and
  "a range of X" is X); pronouns never stand in for a participant;
* a named thing keeps the word the text classed it with ("the frigate
  Marshal Shaposhnikov", "the ballet Sleeping Beauty"), and names that take
  an article in English get one ("the Far East", "the United States");
* the place comes with the preposition its kind takes: "at" a facility,
  "in" a town, region or country; it is left out where a participant
  already names it ("visited Russia"), and never listed as a participant.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from storyline.model import Participant
from storyline.nlp.events import VERB_CLASSES

_PAST = {
    "arrive": "arrived", "depart": "left", "travel": "travelled", "visit": "visited",
    "meet": "met", "inspect": "inspected", "greet": "greeted", "show": "showed",
    "sign": "signed", "launch": "launched", "attack": "attacked", "say": "said",
    "accompany": "accompanied", "attend": "attended", "hit": "hit", "collide": "collided with",
    "damage": "damaged", "injure": "injured", "evacuate": "evacuated", "close": "closed",
    "reopen": "reopened", "divert": "diverted", "approve": "approved", "open": "opened",
    "deploy": "deployed", "kill": "killed",
}
_PASSIVE = {"collide": "was hit", "divert": "was diverted"}
_SAY_VERBS = tuple(sorted(v for v, c in VERB_CLASSES.items() if c == "say"))
_IRREGULAR_PAST = {"say": "said", "tell": "told"}
# Classes told of what they happen to without a doer ("the tunnel opened"); a
# summary with no agent says it so, not "was opened".
_ERGATIVE = frozenset({"open", "reopen"})
_PRONOUNS = frozenset({"that", "which", "who", "he", "she", "it", "they", "his", "her",
                       "their", "its", "them", "him", "we", "us", "i", "you"})
# Names English writes with "the" ("the Far East", "the United Nations").
_THE_NAME = re.compile(
    r"^(?:United|Far|Middle|Near|Czech|Dominican|Central African)\b"
    r"|\b(?:East|West|Union|States|Kingdom|Republic|Emirates|Islands|Netherlands"
    r"|Philippines|Fleet|Kremlin|Pentagon|Vatican|Gulf|Sea|Ocean|Alps|Balkans|Baltics"
    r"|Caucasus|Arctic|Antarctic|Navy|Army)$"
)
_THE_TYPES = frozenset({"PLACE", "ORG", "FACILITY"})
# A name that ends in a common noun ("Alvão railway tunnel") is a description: "the".
_COMMON_END = re.compile(r"^\S+\s.*\b[a-z]{3,}$")


def display_name(name: str, etype: str | None) -> str:
    """The name as a summary writes it: "the Far East", "Vladivostok"."""
    if etype in _THE_TYPES and not name.lower().startswith("the ") and (
        _THE_NAME.search(name) or _COMMON_END.search(name)
    ):
        return f"the {name}"
    return name


def _join(items: Sequence[str]) -> str:
    items = list(dict.fromkeys(i for i in items if i))
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} and {items[-1]}"


def summarise(
    cls: str,
    roles: Sequence[Participant],
    location: str | None,
    shown: Mapping[str, str],
    kinds: Mapping[str, str],
    said: str = "",
    reported: str = "",
) -> str:
    """``shown``: entity id → name as written in a summary; ``kinds``: entity id →
    entity type (PLACE, FACILITY, …); ``said``: a statement's verb as written
    ("expressed": "Kim Jong Un expressed interest"); ``reported``: a statement's verb
    with the clause it reports (``analyse.reported_speech``)."""

    def named(role: str) -> list[str]:
        return [shown[p.entity] for p in roles if p.role == role and p.entity is not None
                and p.entity in shown and p.entity != location]

    def unnamed(role: str, containing: Sequence[str] = ()) -> str:
        for p in roles:
            if p.role == role and not p.entity and p.text.lower() not in _PRONOUNS and (
                not containing or any(n in p.text for n in containing)
            ):
                return re.sub(r"^(The|A|An) ", lambda m: m.group(1).lower() + " ", p.text)
        return ""

    def who(role: str) -> str:
        return _join(named(role)[:4]) or unnamed(role)

    agent = who("agent")
    recipient = who("recipient")
    names = named("patient")
    plain = [p.text for p in roles if p.role == "patient" and p.entity and p.text]
    around = unnamed("patient", plain) if plain else ""
    if around and " of " in around and all(n in around for n in plain):
        names = [around]  # "the speed of the ferry Nordic Star" was examined, not the ferry
    if location in shown and any(p.role == "patient" and p.entity == location for p in roles):
        names = [shown[location or ""], *names]  # "visited Russia": the place is what is visited
    phrase = unnamed("patient")
    if names and phrase and cls == "show" and not any(n in phrase for n in names) and (
        phrase.endswith("s")
    ):
        # "strategic bombers including the Tu-160, Tu-95 and Tu-22M3"
        patient = f"{phrase} including {_join(names[:4])}"
    else:
        patient = _join(names[:4]) or phrase
    if cls == "meet":
        everyone = [shown[p.entity] for p in roles
                    if p.entity is not None and p.entity in shown and p.entity != location]
        agent, patient = _join(everyone[:4]) or agent, ""
    place = shown.get(location or "", "")
    prep = "at" if kinds.get(location or "") == "FACILITY" else "in"
    if cls == "evacuate":
        prep = "from"  # people are evacuated from a place
    if cls == "deploy":
        prep = "to"  # forces are sent to a place
    if place and (place in (patient, agent) or place in names
                  or re.search(rf"\b{re.escape(place)}\b", f"{agent} {patient}")):
        place = ""  # "visited Russia", "the port of Antofagasta reopened": said already
    verb = _written_past(cls, said) or _PAST.get(cls, cls)
    if cls in ("arrive", "travel", "depart", "divert"):
        mover = agent or patient
        if not place:
            text = f"{mover} {verb}"
        elif cls in ("travel", "divert"):
            text = f"{mover} {verb} to {place}"
        elif cls == "depart":
            text = f"{mover} {verb} {place}"
        else:
            text = f"{mover} {verb} {prep} {place}"
        return _capital(text)
    if cls == "say":
        if reported and (agent or patient):
            return _capital(f"{agent or patient} {reported}")
        verb = _said_past(said)
        if verb and agent and (patient or recipient):  # "Peskov clarified" alone says less
            return _capital(f"{agent} {verb} {patient or recipient}".rstrip())
        return _capital(f"{agent or patient} said")
    if agent and cls == "show" and recipient:
        text = f"{agent} {verb} {recipient} {patient}".rstrip()
    elif agent:
        text = f"{agent} {verb} {patient}".rstrip()
        if recipient:
            text += f" to {recipient}"
    elif patient and cls in _ERGATIVE:
        text = f"{patient} {verb}"  # "the port of Antofagasta reopened"
    elif patient:
        passive = _PASSIVE.get(cls, "was " + verb)
        if _plural(patient, roles):
            passive = "were" + passive[3:]
        text = f"{patient} {passive}"
        if recipient:
            text += f" to {recipient}"
    else:
        text = f"{recipient} was {verb}" if recipient else verb
    if place:
        text += f" {prep} {place}"
    return _capital(text)


# The inspect class's verbs, as their past: "were examining the speed" is
# "examined", not "inspected".
_INSPECT_PAST = {"inspect": "inspected", "examin": "examined", "observ": "observed",
                 "review": "reviewed", "watch": "watched"}


def _said_past(written: str) -> str:
    """A statement's verb in the past as written ("expressed", and "expressing"
    in "Expressing admiration …, Kim …"); "" for plain "said"."""
    w = written.lower()
    if w.endswith("ing"):
        lemma = next((v for v in _SAY_VERBS if w in (v + "ing", v[:-1] + "ing")), "")
        w = _IRREGULAR_PAST.get(lemma) or (
            lemma + "d" if lemma.endswith("e")
            else lemma[:-1] + "ied" if lemma.endswith("y") and lemma[-2:-1] not in "aeiou"
            else lemma + "ed" if lemma else "")
    return w if w.endswith("ed") and w != "said" else ""


def _written_past(cls: str, written: str) -> str:
    if cls == "deploy":  # "sent a Be-200 aircraft" says what the text says
        return "sent" if written.lower().startswith("sen") else ""
    if cls != "inspect":
        return ""
    w = written.lower()
    return next((past for stem, past in _INSPECT_PAST.items() if w.startswith(stem)), "")


def _plural(patient: str, roles: Sequence[Participant]) -> bool:
    """Whether what was acted on is more than one: several patients, a joined
    list, or a plural head noun ("350 residents", not "the business")."""
    if sum(p.role == "patient" for p in roles) > 1 or " and " in patient:
        return True
    last = patient.split()[-1] if patient.split() else ""
    return last.islower() and last.endswith("s") and not last.endswith(("ss", "us", "is"))


def _capital(text: str) -> str:
    text = " ".join(text.split())
    return text[:1].upper() + text[1:]


# "the Russian Pacific Fleet’s frigate “Marshal", "the ballet “Sleeping", "the ferry Nordic":
# lower-case words between an article (or a possessive) and the name class the name.
_CLASSIFIER = re.compile(
    r"(?:\b(?:the|a|an)|[’']s)\s+((?:[a-z][\w\-]*\s+){0,2}[a-z][\w\-]*)\s+[“\"‘]?$"
)


def classifier_before(text: str, start: int) -> str | None:
    """The common noun the text puts before a name ("frigate"), if any."""
    m = _CLASSIFIER.search(text[max(0, start - 60) : start])
    return m.group(1) if m else None


__all__ = ["classifier_before", "display_name", "summarise"]
