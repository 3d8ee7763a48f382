"""ECB+ cross-document coreference: gold mentions, and our clusterings of them.

Imported by ``ecbplus.py`` (``--task entities`` / ``--task events``); written
apart so that the story benchmark stays readable.  Conventions (Barhom et al.
2019, and the README of the data): entity mentions are the ``HUMAN*``,
``NON_HUMAN*``, ``LOC_*`` and ``TIME_*`` markables, event mentions the
``ACTION_*`` and ``NEG_ACTION_*`` ones; only mentions in the validated sentences
(``ECBplus_coreference_sentences.csv``) are scored; a mention's gold cluster is
the ``note`` of its ``CROSS_DOC_COREF`` relation, else its ``INTRA_DOC_COREF``
chain within the file, else itself.

Documents are first grouped by OUR story grouping (no gold topics); coreference
is resolved inside each predicted story, so a response cluster never spans two
stories.  A mention is identified by (file, token ids): exact boundaries, as
the reference scorer.
"""

from __future__ import annotations

import csv
import re
from collections import Counter, defaultdict
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any
from xml.etree import ElementTree

if TYPE_CHECKING:
    from storyline.model import AnnotatedArticle

ENTITY_PREFIXES = ("HUMAN", "NON_HUMAN", "LOC_", "TIME_")
EVENT_PREFIXES = ("ACTION_", "NEG_ACTION_")

MentionId = tuple[str, tuple[int, ...]]  # (file name, sorted token ids)


@dataclass(frozen=True)
class GoldMention:
    doc: str  # file name
    tokens: tuple[int, ...]
    start: int  # character span in the rebuilt text (first to last token)
    end: int
    sentence: int
    tag: str
    kind: str  # entity | event
    cluster: str

    @property
    def id(self) -> MentionId:
        return (self.doc, self.tokens)


def validated_sentences(root: Path) -> dict[str, set[int]] | None:
    """File stem ("1_10ecbplus") -> validated sentence numbers; None without the CSV."""
    for where in (root, root.parent):
        path = where / "ECBplus_coreference_sentences.csv"
        if path.is_file():
            out: dict[str, set[int]] = defaultdict(set)
            with path.open(encoding="utf-8") as fh:
                for row in csv.DictReader(fh):
                    out[f"{row['Topic'].strip()}_{row['File'].strip()}"].add(
                        int(row["Sentence Number"])
                    )
            return dict(out)
    return None


def _kind(tag: str) -> str | None:
    if tag.startswith(EVENT_PREFIXES):
        return "event"
    if tag.startswith(ENTITY_PREFIXES):
        return "entity"
    return None


def read_mentions(
    path: Path, doc: Any, validated: Mapping[str, set[int]] | None
) -> list[GoldMention]:
    """The anchored mentions of one file in its validated sentences, with gold clusters.

    ``doc`` is the ``Document`` read from the same file (for token offsets).
    Without a validation list every sentence counts.
    """
    root = ElementTree.parse(path).getroot()
    stem = path.name[: -len(".xml")]
    keep = validated.get(stem, set()) if validated is not None else None
    markables = root.find("Markables")
    cluster_of: dict[str, str] = {}
    relations = root.find("Relations")
    if relations is not None:
        for rel in relations:
            if rel.tag == "CROSS_DOC_COREF":
                cid = "X:" + (rel.get("note") or rel.get("r_id") or "")
            elif rel.tag == "INTRA_DOC_COREF":
                cid = f"I:{path.name}:{rel.get('r_id')}"
            else:
                continue
            for src in rel.findall("source"):
                mid = src.get("m_id")
                if mid is not None:
                    cluster_of.setdefault(mid, cid)
    out: list[GoldMention] = []
    if markables is None:
        return out
    for mk in markables:
        kind = _kind(mk.tag)
        anchors = sorted(int(a.get("t_id", "0")) for a in mk.findall("token_anchor"))
        anchors = [t for t in anchors if t in doc.token_spans]
        if kind is None or not anchors:
            continue
        sentence = doc.token_sentence[anchors[0]]
        if keep is not None and sentence not in keep:
            continue
        mid = mk.get("m_id", "")
        out.append(
            GoldMention(
                doc=path.name,
                tokens=tuple(anchors),
                start=doc.token_spans[anchors[0]][0],
                end=doc.token_spans[anchors[-1]][1],
                sentence=sentence,
                tag=mk.tag,
                kind=kind,
                cluster=cluster_of.get(mid, f"S:{path.name}:{mid}"),
            )
        )
    out.sort(key=lambda m: (m.start, m.end))
    return out


def tokens_in(doc: Any, start: int, end: int) -> tuple[int, ...]:
    """The ids of the document's tokens lying inside a character span, less
    punctuation at its ends ("Jr." is the token "Jr" then "." in ECB+)."""
    toks = sorted(t for t, (a, b) in doc.token_spans.items() if a >= start and b <= end)

    def punct(t: int) -> bool:
        a, b = doc.token_spans[t]
        return not any(ch.isalnum() for ch in doc.text[a:b])

    while toks and punct(toks[-1]):
        toks.pop()
    while toks and punct(toks[0]):
        toks.pop(0)
    return tuple(toks)


# ----------------------------------------------------------- entity clustering

# Pronouns that stand for a person, and the ones that never carry a name's
# identity on their own (left singletons: we do no pronoun resolution beyond this).
_PERSON_PRONOUNS = frozenset(
    ["he", "him", "his", "himself", "she", "her", "hers", "herself", "who", "whom", "whose"]
)
_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9\-]*(?:'(?![sS]\b)[A-Za-z]+)*|\d[\d,.:]*")


def head_key(text: str, lemma_of: Mapping[str, str]) -> str:
    """A nominal mention's head word, lemmatised: the last word of the span
    (English noun phrases end in their head), lower-cased; a possessive ending
    is no part of it ("Chargers'", "team's")."""
    words = _WORD.findall(text)
    if not words:
        return text.strip().lower()
    last = words[-1]
    low = last.lower()
    return lemma_of.get(last, lemma_of.get(low, low)).lower()


# A mention's syntactic head in the spaCy parse: (start, end, lemma, coarse POS).
Head = tuple[int, int, str, str]


@dataclass(frozen=True)
class StoryMentions:
    """What a clustering of one story's gold mentions may look at."""

    story: str
    mentions: Sequence[GoldMention]
    texts: Mapping[str, str]  # file name -> rebuilt text
    # file name -> our mentions as (start, end, entity id, type)
    ours: Mapping[str, Sequence[tuple[int, int, str, str]]]
    lemma_of: Mapping[str, str]  # word form -> lemma, from the spaCy parse of the story
    roles: Mapping[str, Sequence[str]] = field(default_factory=dict)  # entity id -> roles
    heads: Mapping[MentionId, Head] = field(default_factory=dict)  # gold mention -> its head
    # file name -> (noun lemma, start, end of the name it describes), from
    # appositions and copulas ("Raj Chohan, a grandmother"; "Cheeks is the coach")
    appositions: Mapping[str, Sequence[tuple[str, int, int]]] = field(default_factory=dict)


def mention_head(doc: Any, start: int, end: int) -> Head | None:
    """The syntactic head of a character span in a spaCy ``Doc``: the root of the
    tokens it covers ("the scene in Queens" → "scene")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    root = span.root
    # ECB+ locations come with their preposition ("in Queens", "outside a
    # store"): the head is the preposition's object, not the preposition.
    while root.pos_ in ("ADP", "SCONJ", "ADV"):
        objects = [c for c in root.children
                   if c.dep_ in ("pobj", "pcomp", "dobj") and span.start <= c.i < span.end]
        if not objects:
            break
        root = objects[0]
    return (root.idx, root.idx + len(root.text), str(root.lemma_).lower(), str(root.pos_))


def name_descriptions(doc: Any) -> list[tuple[str, int, int]]:
    """Common nouns a spaCy ``Doc`` sets beside a proper name as its description:
    an apposition ("Raj Chohan, a grandmother of four"; "the accountant, Anthony
    LaSalle") or a copula's complement ("Cheeks is the coach").  Each as (noun
    lemma, start, end of the name's head word)."""
    out = []
    for tok in doc:
        if tok.dep_ == "appos":
            pair = (tok, tok.head)
        elif tok.dep_ == "attr" and tok.head.lemma_ == "be":
            subj = [c for c in tok.head.children if c.dep_ == "nsubj"]
            if not subj:
                continue
            pair = (tok, subj[0])
        else:
            continue
        for noun, name in (pair, pair[::-1]):
            if noun.pos_ == "NOUN" and name.pos_ == "PROPN":
                out.append((str(noun.lemma_).lower(), name.idx, name.idx + len(name.text)))
    return out


def _best_overlap(
    start: int, end: int, ours: Sequence[tuple[int, int, str, str]]
) -> tuple[int, int, str, str] | None:
    best = None
    best_len = 0
    for o in ours:
        inter = min(end, o[1]) - max(start, o[0])
        if inter > best_len:
            best, best_len = o, inter
    return best


_WEEKDAYS = frozenset(
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
)
_RELATIVE = frozenset({"who", "whom", "whose"})
_PLURAL_PRONOUNS = frozenset({"they", "them", "their", "themselves"})
_LOCATIVE = frozenset({"there", "where", "here"})
_NEUTER = frozenset({"it", "its", "itself", "which"})
_WORD_BEFORE = re.compile(r"([a-z][a-z\-]+)\s+$")
# Words a gold span may carry around a name ("in Queens", "at the Kodak
# Theatre"): dropped before the span is looked up as a name.
_FRAME = frozenset(
    ["a", "an", "the", "in", "at", "on", "of", "from", "to", "into", "near", "by", "for",
     "with", "this", "that", "these", "those"]
)


def descriptor_nouns(story: StoryMentions) -> dict[str, Counter[str]]:
    """Common nouns the story writes right before a named person or
    organisation ("actress Lindsay Lohan", "publicist Jack Ketsoyan"): each
    noun's lemma → how often it precedes each of our entities."""
    out: dict[str, Counter[str]] = defaultdict(Counter)
    for doc, ours in story.ours.items():
        text = story.texts[doc]
        for start, _, eid, type_ in ours:
            if type_ not in ("PERSON", "ORG", "FACILITY"):
                continue
            m = _WORD_BEFORE.search(text, max(0, start - 30), start)
            if m is None:
                continue
            word = m.group(1)
            out[story.lemma_of.get(word, word).lower()][eid] += 1
    for doc, described in story.appositions.items():
        for lemma, start, end in described:
            hit = _best_overlap(start, end, story.ours.get(doc, ()))
            if hit is not None and hit[3] in ("PERSON", "ORG", "FACILITY"):
                out[lemma][hit[2]] += 1
    for eid, roles in story.roles.items():
        for role in roles:
            word = role.split()[-1].lower()  # "Superior Court Judge" → judge
            out[story.lemma_of.get(word, word).lower()][eid] += 1
    return out


_INNER_APOSTROPHE = re.compile(r"(?<=[A-Za-z])['’](?=[A-Za-z]{2})")


def _name_key(text: str) -> str:
    from storyline.analyse.names import clean_surface, name_key

    words = text.split()
    while words and words[0].lower() in _FRAME:
        words = words[1:]
    # "O'Brien's" → "OBrien": one word, as a surname must be.
    return name_key(_INNER_APOSTROPHE.sub("", clean_surface(" ".join(words))))


def story_names(story: StoryMentions) -> dict[str, str]:
    """Every name our entities go by in the story (each mention's text and, for
    a person, the surname), as a matching key → the entity most often written
    so; a key two entities share equally often is left out."""
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for doc, ours in story.ours.items():
        text = story.texts[doc]
        for start, end, eid, type_ in ours:
            key = _name_key(text[start:end])
            if not key:
                continue
            votes[key][eid] += 2
            if type_ == "PERSON" and " " in key:
                votes[key.split()[-1]][eid] += 1
    out = {}
    for key, c in votes.items():
        top = c.most_common(2)
        if len(top) == 1 or top[0][1] > top[1][1]:
            out[key] = top[0][0]
    return out


_LAST_WORD_TYPES = frozenset({"PERSON", "ORG", "EQUIPMENT", "FACILITY"})


def surname_owners(story: StoryMentions) -> dict[str, str]:
    """Our entities named by a last word alone ("Cheeks", "Gupta", "Chargers",
    "Sukanya") → the entity of the story with a longer name ending in that word
    that is written most often, where it is written at least twice as often as
    any other such.  Inside one story the dominant bearer of a surname is the
    one a bare surname means, even where the dossier resolver, which never
    guesses, kept it apart; so is a person whose first name has the same
    initial ("Mo Cheeks" beside "Maurice Cheeks").  Places are left alone: "east
    Vancouver" is not Vancouver."""
    full: dict[str, Counter[str]] = defaultdict(Counter)
    single: dict[str, set[str]] = defaultdict(set)
    first: dict[str, set[str]] = defaultdict(set)  # entity -> initials of its first names
    for doc, ours in story.ours.items():
        text = story.texts[doc]
        for start, end, eid, type_ in ours:
            if type_ not in _LAST_WORD_TYPES:
                continue
            key = _name_key(text[start:end])
            if " " in key:
                full[key.split()[-1]][eid] += 1
                if type_ == "PERSON":
                    first[eid].add(key[0])
            elif len(key) >= 4:
                single[key].add(eid)
    out = {}
    for key, c in full.items():
        top = c.most_common(2)
        if len(top) > 1 and top[0][1] < 2 * top[1][1]:
            continue
        owner = top[0][0]
        out.update({e: owner for e in single.get(key, ()) if e != owner})
        if first.get(owner):
            out.update({e: owner for e in c if e != owner and first.get(e) == first[owner]})
    return out


# Times that news writes relative to the day of the event it reports: with no
# publication dates in ECB+, they are taken for the day the document (else the
# story) names most ("early yesterday", "at about 2:30 a.m.", "last night").
_DEICTIC_DAYS = frozenset({"today", "yesterday", "tonight", "overnight"})
_PARTS_OF_DAY = frozenset({"morning", "afternoon", "evening", "night"})
_CLOCK = re.compile(r"\b\d{1,2}(?:[:.]\d\d)?\s*(?:a\.?\s?m\b|p\.?\s?m\b|am\b|pm\b|o'clock)",
                    re.IGNORECASE)


def _weekday(text: str) -> str | None:
    days = {w.lower() for w in _WORD.findall(text)} & _WEEKDAYS
    return min(days) if days else None


def _day_relative(text: str) -> bool:
    """A time of the event's own day: "yesterday", "late this morning", "7 p.m."."""
    words = {w.lower() for w in _WORD.findall(text)}
    if words & _DEICTIC_DAYS or _CLOCK.search(text):
        return True
    return bool(words & _PARTS_OF_DAY) and bool(words & {"this", "last", "early", "late"})


_HE = frozenset({"he", "him", "his", "himself"})
_SHE = frozenset({"she", "her", "hers", "herself"})


def person_genders(story: StoryMentions) -> dict[str, str]:
    """"he" or "she" for the story's persons whose sentences say so: the gendered
    pronouns of each sentence that names exactly one person count for that
    person, and a clear majority decides."""
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for doc, ours in story.ours.items():
        text = story.texts[doc]
        pos = 0
        for sentence in text.split("\n\n"):
            end = pos + len(sentence)
            people = {"E:" + o[2] for o in ours if o[3] == "PERSON" and pos <= o[0] < end}
            if len(people) == 1:
                words = [w.lower() for w in _WORD.findall(sentence)]
                votes[people.pop()].update(
                    "he" if w in _HE else "she" for w in words if w in _HE | _SHE
                )
            pos = end + 2
    out = {}
    for key, c in votes.items():
        top = c.most_common(2)
        if top and (len(top) == 1 or top[0][1] >= 2 * top[1][1]):
            out[key] = top[0][0]
    return out


def cluster_entity_mentions(story: StoryMentions) -> dict[MentionId, str]:
    """Our clustering of a story's entity mentions (gold ones, or our own).

    No weights are fitted: every rule is a general one, checked on the
    training topics as well as the development ones.

    1. A mention whose head one of our named mentions covers takes that
       mention's canonical entity (our cross-article resolver: short forms,
       aliases...); "the Obama administration" is not Obama.  A mention our
       annotation missed in its document but whose words are a name our
       entities go by elsewhere in the story ("Maurice Cheeks", "surgeon
       general", "in Queens") takes that entity.  A bare last word goes to the
       story's dominant bearer of it (``surname_owners``).
    2. A personal pronoun takes the person most mentioned so far in its
       document whose gender does not clash (``person_genders``), else the
       story's most mentioned such person; a relative pronoun ("who") the
       nearest person before it; "there"/"where" the nearest place or
       facility, "it"/"which" the nearest named thing; "they"/"them" the nearest
       plural noun phrase or group.
    3. A mention naming a weekday is that day ("Thursday", "late Thursday"); a
       time of the event's own day ("yesterday", "7 p.m.", "this morning") the
       day its document (else the story) names most.
    4. A common noun that the story writes as the title of a named entity
       ("actress" before "Lindsay Lohan", one of its roles: "judge", or in an
       apposition or after "is": "Raj Chohan, a grandmother") is the entity it
       describes most often.
    5. Anything else is keyed by its head word's lemma within the story
       ("the facility" … "facility"; "a hut on Mount Sefton" … "hut").
    """
    out: dict[MentionId, str] = {}
    descriptors = descriptor_nouns(story)
    names = story_names(story)
    owner = surname_owners(story)
    genders = person_genders(story)
    story_people: Counter[str] = Counter(
        "E:" + o[2] for ours in story.ours.values() for o in ours if o[3] == "PERSON"
    )
    day_of: dict[str, Counter[str]] = defaultdict(Counter)
    for m in story.mentions:
        day = _weekday(story.texts[m.doc][m.start : m.end])
        if day:
            day_of[m.doc][day] += 1
            day_of[""][day] += 1
    for doc in sorted({m.doc for m in story.mentions}):
        seen: Counter[str] = Counter()
        last_person: str | None = None
        last_place: str | None = None
        last_thing: str | None = None
        last_plural: str | None = None
        ours = story.ours.get(doc, ())
        for m in sorted((x for x in story.mentions if x.doc == doc), key=lambda x: x.start):
            text = story.texts[m.doc][m.start : m.end]
            head = story.heads.get(m.id)
            if head is not None:
                # Only a name that covers the head word is the mention's referent.
                hit = _best_overlap(head[0], head[1], ours)
            else:
                hit = _best_overlap(m.start, m.end, ours)
            low = text.strip().lower()
            words = {w.lower() for w in _WORD.findall(text)}
            lemma = head_key(text, story.lemma_of)
            if (head is not None and head[3] in ("NOUN", "PROPN")
                    and _WORD.search(text, head[1] - m.start)):
                # The parse's head, where a phrase runs on past it ("a hut on
                # Mount Sefton"); "in Queens" keeps its last word.
                lemma = head[2]
            named = names.get(_name_key(text))
            if hit is None and named is not None:
                hit = (m.start, m.end, named, "")
            type_of_hit = ""
            if hit is not None:
                key = "E:" + owner.get(hit[2], hit[2])
                type_ = hit[3] or next((o[3] for o in ours if o[2] == hit[2]), "")
                type_of_hit = type_
                if type_ == "PERSON":
                    seen[key] += 1
                    last_person = key
                elif type_ in ("PLACE", "FACILITY"):
                    last_place = key
                if type_ not in ("PERSON", "GROUP"):
                    last_thing = key
            elif low in _RELATIVE and last_person is not None:
                key = last_person
            elif low in _LOCATIVE and last_place is not None:
                key = last_place
            elif low in _NEUTER and last_thing is not None:
                key = last_thing
            elif low in _PERSON_PRONOUNS and (seen or story_people):
                # The person most mentioned so far in the document whose
                # gender does not clash, else the story's, else the first.
                gender = "he" if low in _HE else "she" if low in _SHE else None
                pool = next(
                    (p for p in (seen, story_people)
                     if any(genders.get(k, gender) == gender for k in p)),
                    seen or story_people,
                )
                fits = [k for k in pool if genders.get(k, gender) == gender] or list(pool)
                key = max(fits, key=lambda k: (pool[k], k == last_person))
            elif low in _PLURAL_PRONOUNS:
                # The nearest plural noun phrase or group before it, else its own.
                key = last_plural or f"P:{m.doc}:{m.start}"
            elif words & _WEEKDAYS:
                key = "T:" + min(words & _WEEKDAYS)
            elif _day_relative(text) and (days := day_of.get(doc) or day_of.get("")):
                key = "T:" + days.most_common(1)[0][0]
            elif lemma in descriptors:
                key = "E:" + descriptors[lemma].most_common(1)[0][0]
            else:
                key = "H:" + lemma
            if low not in _PLURAL_PRONOUNS and (
                type_of_hit == "GROUP" or (head is not None and _is_plural_noun(text, head))
            ):
                last_plural = key
            out[m.id] = f"{story.story}|{key}"
    return out


def _is_plural_noun(text: str, head: Head) -> bool:
    words = _WORD.findall(text)
    last = words[-1].lower() if words else ""
    return head[3] == "NOUN" and last != head[2] and last.endswith("s")


def gold_extents_by_head(
    mentions: Sequence[GoldMention], heads: Mapping[MentionId, Head]
) -> dict[tuple[str, int, int], tuple[int, ...]]:
    """Gold mentions' token ids by (document, character span of their head word).

    For scoring our own mentions by head: ECB+ extents carry the determiners
    and prepositions around a phrase ("in Queens"), spaCy's noun chunks do not,
    so a mention of ours whose head word is a gold mention's head word counts
    as that mention (the convention of head-matched mention scoring)."""
    out: dict[tuple[str, int, int], tuple[int, ...]] = {}
    for m in mentions:
        head = heads.get(m.id)
        if head is not None:
            # Two gold mentions on one head (nested): the shorter one, the name itself.
            prev = out.get((m.doc, head[0], head[1]))
            if prev is None or len(m.tokens) < len(prev):
                out[(m.doc, head[0], head[1])] = m.tokens
    return out


def own_entity_mentions(
    doc: Any, sdoc: Any, event_nouns: Collection[int] = ()
) -> list[tuple[GoldMention, Head]]:
    """Our own entity mention candidates in one document, with ECB+-style
    extents (``ecbplus_mentions``: a participant's head word or name, a place
    or time with its preposition and phrase), each with its head; one per head
    word.  ``doc`` is the ``Document``; ``event_nouns`` the start offsets of the
    nouns our event annotation reads as happenings (not entities)."""
    from ecbplus_mentions import mention_extents

    out: list[tuple[GoldMention, Head]] = []
    for start, end, root in mention_extents(sdoc, event_nouns):
        toks = tokens_in(doc, start, end)
        if not toks:
            continue
        mention = GoldMention(
            doc=doc.name, tokens=toks, start=start, end=end,
            sentence=doc.token_sentence[toks[0]], tag="", kind="entity", cluster="",
        )
        out.append((mention, (root.idx, root.idx + len(root.text), root.lemma_.lower(),
                              root.pos_)))
    return out


# ------------------------------------------------------------ event clustering


def verb_of(lemma: str, verbs: set[str]) -> str:
    """The story's verb that a nominalisation comes from ("explosion" → "explode",
    "negotiation" → "negotiate", "stoppage" → "stop"), else the lemma itself."""
    from storyline.analyse.event_coref import verb_of as nominal_verb

    return nominal_verb(lemma, verbs)


# ------------------------------------------------------------------- the runs


@dataclass(frozen=True)
class CorefRun:
    story_of: dict[str, str]  # file name -> predicted story id
    scores: dict[str, Any]  # name -> storyline.eval.coref.CorefScores
    keys: dict[str, dict[MentionId, str]]  # entities|events -> gold clusters
    responses: dict[str, dict[MentionId, str]]  # name -> our clusters
    texts: dict[str, str]  # file name -> text
    annotate_s: float
    resolve_s: float
    # story -> the pair scorer's view of its gold event mentions (for fitting)
    event_infos: dict[str, list[Any]] = field(default_factory=dict)


def _event_lemma(doc: Any, start: int, end: int, verbs: set[str]) -> str | None:
    """The lemma of a trigger's main word: its verb, else its noun, else its last word."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    toks = [t for t in span if not (t.is_space or t.is_punct)] or list(span)
    for pos in ("VERB", "NOUN", "PROPN", "ADJ"):
        words = [t for t in toks if t.pos_ == pos]
        if words:
            return _lemma(words[-1], verbs)
    return _lemma(toks[-1], verbs)


def _lemma(token: Any, verbs: set[str]) -> str:
    # Headlines in capitals ("RETAINS", "Wins") defeat the lemmatiser: strip a
    # plain inflection when that gives a verb the corpus uses.
    lemma = str(token.lemma_).lower()
    if token.text[:1].isupper() and lemma == token.text.lower():
        for suffix, repl in (
            ("ies", "y"),
            ("s", ""),
            ("ed", ""),
            ("ed", "e"),
            ("ing", ""),
            ("ing", "e"),
        ):
            if lemma.endswith(suffix):
                stem = lemma[: -len(suffix)] + repl
                if stem in verbs:
                    return stem
                if stem[-1:] == stem[-2:-1] and stem[:-1] in verbs:
                    return stem[:-1]  # "Stopped" → "stop"
    return lemma


_AGENT_DEPS = frozenset({"nsubj", "agent", "csubj"})
_PATIENT_DEPS = frozenset({"dobj", "nsubjpass", "obj", "attr", "oprd"})


@dataclass(frozen=True)
class EventRaw:
    """What the parse says of one gold event mention, before entities are known."""

    lemma: str
    pos: str
    line: tuple[int, int]  # the sentence's character span (one sentence per line)
    agents: tuple[tuple[int, int, str], ...]  # (start, end, lemma) of the head words
    patients: tuple[tuple[int, int, str], ...]
    word: str = ""  # the head word as written, lower-cased
    # Other arguments: objects of the trigger's prepositions ("damage to the
    # cable", "killed in Oakland"), a noun's compound ("cable damage"), the
    # subject of the verb a noun trigger is the object of.
    others: tuple[tuple[int, int, str], ...] = ()


def _event_raw(doc: Any, text: str, start: int, end: int, lemma: str) -> EventRaw:
    a = text.rfind("\n\n", 0, start)
    b = text.find("\n\n", end)
    line = (0 if a < 0 else a + 2, len(text) if b < 0 else b)
    span = doc.char_span(start, end, alignment_mode="expand")
    pos = "OTHER"
    agents: list[tuple[int, int, str]] = []
    patients: list[tuple[int, int, str]] = []
    others: list[tuple[int, int, str]] = []
    word = text[start:end].lower()
    if span is not None and len(span):
        toks = [t for t in span if not (t.is_space or t.is_punct)] or list(span)
        head = next((t for p in ("VERB", "NOUN", "PROPN", "ADJ") for t in reversed(toks)
                     if t.pos_ == p), toks[-1])
        pos = head.pos_
        word = head.lower_
        for c in head.children:
            if c.dep_ in ("agent", "prep") and c.lower_ in ("of", "by"):
                # "killed by police", "the death of a climber": the object of the preposition.
                into = agents if c.lower_ == "by" else patients
                into.extend((g.idx, g.idx + len(g.text), g.lemma_.lower())
                            for g in c.children if g.dep_ == "pobj" and g.pos_ != "PRON")
                continue
            if c.pos_ == "PRON":
                continue  # "he", "who": no identity of their own here
            where = (c.idx, c.idx + len(c.text), c.lemma_.lower())
            if c.dep_ in _AGENT_DEPS or (c.dep_ == "poss" and head.pos_ == "NOUN"):
                agents.append(where)
            elif c.dep_ in _PATIENT_DEPS:
                patients.append(where)
            elif c.dep_ == "prep":
                others.extend((g.idx, g.idx + len(g.text), g.lemma_.lower())
                              for g in c.children if g.dep_ == "pobj" and g.pos_ != "PRON")
            elif c.dep_ in ("compound", "nmod", "npadvmod") and c.pos_ in ("NOUN", "PROPN"):
                others.append(where)
        if head.dep_ in ("dobj", "nsubjpass", "pobj"):
            # "suffered a cable cut", "carried out the attack": the governing
            # verb's subject is the noun's participant too.
            gov = head.head.head if head.dep_ == "pobj" else head.head
            others.extend((g.idx, g.idx + len(g.text), g.lemma_.lower())
                          for g in gov.children if g.dep_ in _AGENT_DEPS and g.pos_ != "PRON")
    return EventRaw(lemma, pos, line, tuple(agents), tuple(patients), word, tuple(others))


def event_infos(
    mentions: Sequence[GoldMention], texts: Mapping[str, str],
    raws: Mapping[MentionId, EventRaw], ours: Mapping[str, Sequence[tuple[int, int, str, str]]],
    verbs: set[str],
) -> list[Any]:
    """The pair scorer's view (``storyline.analyse.event_coref.MentionInfo``) of
    a story's gold event mentions: trigger lemma, the sentence's words, our
    entities named in it, the parse's agents and patients as our entity ids
    (else their lemma), and every argument the parse ties to the trigger."""
    from storyline.analyse.event_coref import (
        MentionInfo,
        context_words,
        number_words,
        stem,
        time_words,
    )

    out = []
    for m in mentions:
        raw = raws.get(m.id)
        text = texts[m.doc]
        if raw is None:
            lemma = head_key(text[m.start : m.end], {})
            raw = EventRaw(lemma, "OTHER", (m.start, m.end), (), ())
        a, b = raw.line
        sentence = text[a:b]
        mine = [o for o in ours.get(m.doc, ()) if o[0] >= a and o[1] <= b]

        def ids(spans: Sequence[tuple[int, int, str]], mine: list[Any] = mine) -> frozenset[str]:
            found = set()
            for s, e, lem in spans:
                hit = _best_overlap(s, e, mine)
                found.add(hit[2] if hit is not None else "w:" + lem)
            return frozenset(found)

        context = context_words(sentence[: m.start - a] + " " + sentence[m.end - a :])
        out.append(MentionInfo(
            key=m.id, doc=m.doc, sentence=m.sentence, start=m.start,
            lemma=verb_of(raw.lemma, verbs), pos=raw.pos, context=context,
            word=stem(raw.word or text[m.start : m.end].lower()),
            entities=frozenset(o[2] for o in mine), agents=ids(raw.agents),
            patients=ids(raw.patients), times=time_words(sentence),
            arguments=ids(raw.agents + raw.patients + raw.others),
            numbers=number_words(sentence),
        ))
    return out


def cluster_event_infos(story: str, infos: Sequence[Any]) -> dict[MentionId, str]:
    """Our clustering of a story's gold event mentions by the pair scorer and
    average linkage (``storyline.analyse.event_coref``)."""
    from storyline.analyse.event_coref import cluster

    labels = cluster(infos)
    return {m.key: f"{story}|c{labels[i]}" for i, m in enumerate(infos)}


def run_coref(
    documents: Sequence[Any],
    paths: Sequence[Path],
    validated: Mapping[str, set[int]] | None,
    tasks: Sequence[str],
    workers: int = 1,
    predicted_events: Any = None,
    gold_stories: bool = False,
    cross_story: bool = True,
) -> CorefRun:
    """Annotate, group into our stories, cluster, score.

    ``tasks`` holds ``entities`` and/or ``events``.  ``predicted_events`` is the
    hook for event extraction (``storyline.analyse.events``): a callable taking
    the story's annotated articles and returning ``[(article id, start, end,
    event id)]``; with it, ``events`` is also scored on predicted mentions.
    ``gold_stories`` (a diagnostic only) replaces our story grouping by the gold
    sub-topics, to tell grouping errors from coreference errors.
    ``cross_story``: a chain of a named entity runs across our stories where
    the product links the stories' entities (``analyse/cross_story.py``: same
    id, full name, compatible roles); otherwise every chain stays inside its
    story.
    """
    import time

    from storyline.analyse.cross_story import link_across_stories
    from storyline.analyse.entities import resolve_entities
    from storyline.analyse.known_names import known_person_names
    from storyline.eval.coref import score_coref
    from storyline.model import Article, article_id
    from storyline.nlp.annotate import annotate_doc
    from storyline.nlp.pipeline import get_nlp
    from storyline.stories.grouping import group_stories

    articles = [
        Article(
            id=article_id(d.text),
            text=d.text,
            title=d.title,
            url=d.url,
            language="en",
            origin=d.name,
        )
        for d in documents
    ]
    gold_by_doc = {
        d.name: read_mentions(p, d, validated) for d, p in zip(documents, paths, strict=True)
    }
    nlp = get_nlp()
    t0 = time.perf_counter()
    annotated = []
    lemma_of: dict[str, dict[str, str]] = {}
    event_lemma: dict[MentionId, str] = {}
    entity_head: dict[MentionId, Head] = {}
    own_entities: dict[str, list[tuple[GoldMention, Head]]] = {}
    descriptions: dict[str, list[tuple[str, int, int]]] = {}
    event_raw: dict[MentionId, EventRaw] = {}
    verbs: set[str] = set()
    for d, art, sdoc in zip(
        documents,
        articles,
        nlp.pipe((a.text for a in articles), batch_size=16, n_process=max(1, workers)),
        strict=True,
    ):
        ann = annotate_doc(art, sdoc)
        annotated.append(ann)
        lemma_of[d.name] = {t.text: t.lemma_ for t in sdoc if t.is_alpha}
        verbs.update(t.lemma_.lower() for t in sdoc if t.pos_ == "VERB")
        if "entities" in tasks:
            own_entities[d.name] = own_entity_mentions(
                d, sdoc, {e.start for e in ann.events if e.pos == "NOUN"})
            descriptions[d.name] = name_descriptions(sdoc)
        for m in gold_by_doc[d.name]:
            if m.kind == "entity" and (head := mention_head(sdoc, m.start, m.end)):
                entity_head[m.id] = head
            if m.kind == "event":
                lemma = _event_lemma(sdoc, m.start, m.end, verbs)
                if lemma:
                    event_lemma[m.id] = lemma
                    event_raw[m.id] = _event_raw(sdoc, d.text, m.start, m.end, lemma)
    t1 = time.perf_counter()
    stories = group_stories(annotated)
    story_of_article = {a: s.id for s in stories for a in s.article_ids}
    story_of = {d.name: story_of_article[a.id] for d, a in zip(documents, articles, strict=True)}
    if gold_stories:
        story_of = {d.name: d.subtopic for d in documents}
    by_story: dict[str, list[int]] = defaultdict(list)
    for i, d in enumerate(documents):
        by_story[story_of[d.name]].append(i)

    key: dict[str, dict[MentionId, str]] = defaultdict(dict)
    story_entities: dict[str, list[Any]] = {}
    all_infos: dict[str, list[Any]] = {}
    response: dict[str, dict[MentionId, str]] = defaultdict(dict)
    # As the product does (``api.known_store_names``): a person named in a story
    # only by a short form takes the one full name the whole collection knows.
    known = known_person_names(annotated)
    for story, members in sorted(by_story.items()):
        arts = {annotated[i].article.id: annotated[i] for i in members}
        res = resolve_entities(list(arts.values()), known)
        story_entities[story] = res.entities
        ours: dict[str, list[tuple[int, int, str, str]]] = {}
        type_of = {e.id: e.type for e in res.entities}
        roles = {e.id: e.roles for e in res.entities if e.roles}
        lemmas: dict[str, str] = {}
        for i in members:
            d = documents[i]
            ann = annotated[i]
            lemmas.update(lemma_of[d.name])
            ours[d.name] = [
                (m.start, m.end, eid, type_of[eid])
                for j, m in enumerate(ann.mentions)
                if (eid := res.mention_entity.get((ann.article.id, j))) is not None
            ]
        texts = {documents[i].name: documents[i].text for i in members}
        gold = [m for i in members for m in gold_by_doc[documents[i].name]]
        ents = [m for m in gold if m.kind == "entity"]
        evs = [m for m in gold if m.kind == "event"]
        for m in gold:
            key["entities" if m.kind == "entity" else "events"][m.id] = m.cluster
        if "entities" in tasks:
            sm = StoryMentions(
                story, ents, texts, ours, lemmas, roles,
                heads={m.id: entity_head[m.id] for m in ents if m.id in entity_head},
                appositions={documents[i].name: descriptions[documents[i].name] for i in members},
            )
            response["entities_gold"].update(cluster_entity_mentions(sm))
            # Our own mentions, clustered by the same rules, in the validated
            # sentences; scored with our extents, and with each mention's extent
            # taken from the gold mention of the same head word where there is one.
            cands = [
                (m, h) for i in members for m, h in own_entities[documents[i].name]
                if validated is None or m.sentence in validated.get(m.doc[:-4], set())
            ]
            own = replace(sm, mentions=[m for m, _ in cands], heads={m.id: h for m, h in cands})
            clusters = cluster_entity_mentions(own)
            by_head = gold_extents_by_head(ents, entity_head)
            for m, h in cands:
                aligned = by_head.get((m.doc, h[0], h[1]), m.tokens)
                response["entities_predicted"][(m.doc, aligned)] = clusters[m.id]
                response["entities_predicted_exact"][m.id] = clusters[m.id]
        if "events" in tasks:
            infos = event_infos(evs, texts, event_raw, ours, verbs)
            all_infos[story] = infos
            response["events_gold"].update(cluster_event_infos(story, infos))
            if predicted_events is not None:
                # Our own event mentions, scored on the validated sentences only,
                # as the gold key is (the entity setting does the same).
                doc_of = {annotated[i].article.id: documents[i] for i in members}
                for art_id, start, end, event in predicted_events(list(arts.values())):
                    d = doc_of[art_id]
                    keep = validated.get(d.name[:-4]) if validated is not None else None
                    toks = tokens_in(d, start, end)
                    if toks and (keep is None or d.token_sentence[toks[0]] in keep):
                        response["events_predicted"][(d.name, toks)] = f"{story}|{event}"
    if cross_story:
        link = link_across_stories(story_entities)
        for name in ("entities_gold", "entities_predicted", "entities_predicted_exact"):
            if name in response:
                response[name] = relabel_across_stories(response[name], link)
    scores: dict[str, Any] = {}
    for name, resp in response.items():
        task = name.split("_", 1)[0]
        scores[name] = score_coref(key[task], resp)
    t2 = time.perf_counter()
    return CorefRun(
        story_of=story_of,
        scores=scores,
        keys=dict(key),
        responses=dict(response),
        texts={d.name: d.text for d in documents},
        annotate_s=t1 - t0,
        resolve_s=t2 - t1,
        event_infos=all_infos,
    )


def relabel_across_stories(
    response: Mapping[MentionId, str], link: Mapping[tuple[str, str], str]
) -> dict[MentionId, str]:
    """Response clusters ``story|E:entity`` of named entities that the product
    links across stories (``link``: (story, entity id) → cross-story key) become
    one cluster ``X|key``; every other cluster keeps its story."""
    out = {}
    for mention, label in response.items():
        story, _, rest = label.partition("|")
        if rest.startswith("E:") and (story, rest[2:]) in link:
            label = "X|" + link[(story, rest[2:])]
        out[mention] = label
    return out


def predicted_event_clusters(
    articles: Sequence[AnnotatedArticle],
) -> list[tuple[str, int, int, str]]:
    """Our own event mentions of one story, clustered: ``(article, start, end, event)``.

    Every verb and event noun found at annotation time is a mention.  The
    mentions are clustered by the pair scorer and average linkage
    (``storyline.analyse.event_coref``), the same as gold mentions; the
    dossier's own merges (``storyline.analyse.events.build_events``: same
    inventory class, shared participants, no clash of place or date) are kept
    as given: those mentions enter the clustering already joined.
    """
    from storyline.analyse.entities import resolve_entities
    from storyline.analyse.event_coref import article_infos, average_linkage, scored_pairs
    from storyline.analyse.event_coref_weights import THRESHOLD
    from storyline.analyse.events import build_events

    resolution = resolve_entities(articles)
    built = build_events("s", articles, resolution.mention_entity, resolution.entities)
    verbs = {e.lemma.lower() for art in articles for e in art.events if e.pos == "VERB"}
    infos = [i for art in articles
             for i in article_infos(art, resolution.mention_entity, verbs)]
    index = {m.key: n for n, m in enumerate(infos)}
    pairs = scored_pairs(infos)
    for ev in built.events:
        members = [index[(t.article, t.start)] for t in ev.triggers
                   if (t.article, t.start) in index]
        for x, i in enumerate(members):
            for j in members[x + 1 :]:
                pairs[(min(i, j), max(i, j))] = 1.0
    labels = average_linkage(len(infos), pairs, THRESHOLD)
    ends = {(art.article.id, e.start): e.end for art in articles for e in art.events}
    return [(m.doc, m.start, ends[(m.doc, m.start)], f"c{labels[i]}")
            for i, m in enumerate(infos)]
