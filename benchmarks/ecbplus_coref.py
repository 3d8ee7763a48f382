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
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
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
_WORD = re.compile(r"[A-Za-z][A-Za-z\-']*|\d[\d,.:]*")


def head_key(text: str, lemma_of: Mapping[str, str]) -> str:
    """A nominal mention's head word, lemmatised: the last word of the span
    (English noun phrases end in their head), lower-cased."""
    words = _WORD.findall(text)
    if not words:
        return text.strip().lower()
    last = words[-1]
    low = last.lower()
    return lemma_of.get(last, lemma_of.get(low, low)).lower()


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
_LOCATIVE = frozenset({"there", "where", "here"})
_NEUTER = frozenset({"it", "its", "itself", "which"})
_WORD_BEFORE = re.compile(r"([a-z][a-z\-]+)\s+$")


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
    for eid, roles in story.roles.items():
        for role in roles:
            word = role.split()[-1].lower()  # "Superior Court Judge" → judge
            out[story.lemma_of.get(word, word).lower()][eid] += 1
    return out


def cluster_entity_mentions(story: StoryMentions) -> dict[MentionId, str]:
    """Our clustering of a story's gold entity mentions.

    1. A mention overlapping one of our named mentions takes that mention's
       canonical entity (our cross-article resolver: short forms, aliases...).
    2. A personal pronoun takes the person most mentioned so far in its
       document (news keeps its protagonist in the pronouns); a relative
       pronoun ("who") the nearest person before it; "there"/"where" the
       nearest place or facility, "it"/"which" the nearest named thing.
    3. A mention naming a weekday is that day ("Thursday", "late Thursday").
    4. A common noun that the story writes as the title of a named entity
       ("actress" before "Lindsay Lohan", or one of its roles: "judge") is the
       entity it titles most often.
    5. Anything else is keyed by its head word's lemma within the story
       ("the facility" … "facility").
    """
    out: dict[MentionId, str] = {}
    descriptors = descriptor_nouns(story)
    for doc in sorted({m.doc for m in story.mentions}):
        seen: Counter[str] = Counter()
        last_person: str | None = None
        last_place: str | None = None
        last_thing: str | None = None
        for m in sorted((x for x in story.mentions if x.doc == doc), key=lambda x: x.start):
            text = story.texts[m.doc][m.start : m.end]
            hit = _best_overlap(m.start, m.end, story.ours.get(m.doc, ()))
            low = text.strip().lower()
            words = {w.lower() for w in _WORD.findall(text)}
            head = head_key(text, story.lemma_of)
            if hit is not None:
                key = "E:" + hit[2]
                if hit[3] == "PERSON":
                    seen[key] += 1
                    last_person = key
                elif hit[3] in ("PLACE", "FACILITY"):
                    last_place = key
                if hit[3] not in ("PERSON", "GROUP"):
                    last_thing = key
            elif low in _RELATIVE and last_person is not None:
                key = last_person
            elif low in _LOCATIVE and last_place is not None:
                key = last_place
            elif low in _NEUTER and last_thing is not None:
                key = last_thing
            elif low in _PERSON_PRONOUNS and seen:
                key = max(seen, key=lambda k: (seen[k], k == last_person))
            elif words & _WEEKDAYS:
                key = "T:" + min(words & _WEEKDAYS)
            elif head in descriptors:
                key = "E:" + descriptors[head].most_common(1)[0][0]
            else:
                key = "H:" + head
            out[m.id] = f"{story.story}|{key}"
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


def _event_raw(doc: Any, text: str, start: int, end: int, lemma: str) -> EventRaw:
    a = text.rfind("\n\n", 0, start)
    b = text.find("\n\n", end)
    line = (0 if a < 0 else a + 2, len(text) if b < 0 else b)
    span = doc.char_span(start, end, alignment_mode="expand")
    pos = "OTHER"
    agents: list[tuple[int, int, str]] = []
    patients: list[tuple[int, int, str]] = []
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
    return EventRaw(lemma, pos, line, tuple(agents), tuple(patients), word)


def event_infos(
    mentions: Sequence[GoldMention], texts: Mapping[str, str],
    raws: Mapping[MentionId, EventRaw], ours: Mapping[str, Sequence[tuple[int, int, str, str]]],
    verbs: set[str],
) -> list[Any]:
    """The pair scorer's view (``storyline.analyse.event_coref.MentionInfo``) of
    a story's gold event mentions: trigger lemma, the sentence's words, our
    entities named in it, the parse's agents and patients as our entity ids
    (else their lemma)."""
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
) -> CorefRun:
    """Annotate, group into our stories, cluster, score.

    ``tasks`` holds ``entities`` and/or ``events``.  ``predicted_events`` is the
    hook for event extraction (``storyline.analyse.events``): a callable taking
    the story's annotated articles and returning ``[(article id, start, end,
    event id)]``; with it, ``events`` is also scored on predicted mentions.
    ``gold_stories`` (a diagnostic only) replaces our story grouping by the gold
    sub-topics, to tell grouping errors from coreference errors.
    """
    import time

    from storyline.analyse.entities import resolve_entities
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
    event_raw: dict[MentionId, EventRaw] = {}
    verbs: set[str] = set()
    for d, art, sdoc in zip(
        documents,
        articles,
        nlp.pipe((a.text for a in articles), batch_size=16, n_process=max(1, workers)),
        strict=True,
    ):
        annotated.append(annotate_doc(art, sdoc))
        lemma_of[d.name] = {t.text: t.lemma_ for t in sdoc if t.is_alpha}
        verbs.update(t.lemma_.lower() for t in sdoc if t.pos_ == "VERB")
        for m in gold_by_doc[d.name]:
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
    all_infos: dict[str, list[Any]] = {}
    response: dict[str, dict[MentionId, str]] = defaultdict(dict)
    for story, members in sorted(by_story.items()):
        arts = {annotated[i].article.id: annotated[i] for i in members}
        res = resolve_entities(list(arts.values()))
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
            sm = StoryMentions(story, ents, texts, ours, lemmas, roles)
            response["entities_gold"].update(cluster_entity_mentions(sm))
            for i in members:
                d = documents[i]
                keep = validated.get(d.name[:-4]) if validated is not None else None
                for start, end, eid, _ in ours[d.name]:
                    toks = tokens_in(d, start, end)
                    if not toks or (keep is not None and d.token_sentence[toks[0]] not in keep):
                        continue
                    response["entities_predicted"][(d.name, toks)] = f"{story}|{eid}"
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
