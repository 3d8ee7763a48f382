"""Event mentions from the dependency parse: who did what to whom, where, when.

A verb whose lemma is in ``VERB_CLASSES`` (or a noun in ``NOUN_CLASSES``,
"his visit to …") is an event mention of that class; docs/events.md lists the
inventory and the rules.  Other content verbs are kept as bare triggers
(``event_class=None``) for event-mention benchmarks.

Arguments come from the parse: the active subject or the passive "by"-phrase
is the agent, the object or the passive subject the patient; "show"-like verbs
also take a recipient ("Kim was shown the bombers": Kim receives).  A
coordinated verb without its own subject borrows its neighbour's ("arrived …
and was greeted"), a relative clause its antecedent ("Shoigu, who saluted").
"He"/"she" is the latest person named in the last two sentences (a subject
first); a bare title ("the North Korean leader") the latest person with that
role.  The place is the named place or facility under "in/at/near/to", or the
antecedent of "where".  The time is the temporal expression whose head
reaches the trigger first.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
from collections.abc import Sequence

from spacy.attrs import POS
from spacy.tokens import Doc, Token

from storyline.model import EventArgument, EventMention, Mention, TimeExpression

# Lemma -> class.  Kept small and documented in docs/events.md.
VERB_CLASSES: dict[str, str] = {
    **dict.fromkeys(("arrive", "land", "reach"), "arrive"),
    **dict.fromkeys(("leave", "depart"), "depart"),
    **dict.fromkeys(("travel", "proceed", "fly", "head", "drive", "sail"), "travel"),
    **dict.fromkeys(("visit", "tour"), "visit"),
    **dict.fromkeys(("meet", "discuss", "talk", "negotiate"), "meet"),
    **dict.fromkeys(("inspect", "examine", "observe", "review", "watch"), "inspect"),
    **dict.fromkeys(("greet", "welcome", "receive", "salute", "host"), "greet"),
    **dict.fromkeys(
        ("show", "present", "showcase", "display", "demonstrate", "introduce", "unveil"), "show"
    ),
    **dict.fromkeys(("sign", "ratify"), "sign"),
    **dict.fromkeys(("launch", "fire", "test-fire"), "launch"),
    **dict.fromkeys(
        ("attack", "strike", "hit", "bomb", "shell", "shoot", "kill", "invade", "raid"),
        "attack",
    ),
    **dict.fromkeys(("jolt", "rock", "shake"), "hit"),
    **dict.fromkeys(
        (
            "say", "state", "tell", "announce", "declare", "claim", "assure", "warn",
            "inform", "indicate", "clarify", "confirm", "deny", "report", "express", "vow",
        ),
        "say",
    ),
    **dict.fromkeys(("accompany", "escort"), "accompany"),
    **dict.fromkeys(("attend",), "attend"),
    # Accidents and disasters: what news of quakes, fires and crashes tells.
    **dict.fromkeys(("collide", "crash", "ram"), "collide"),
    **dict.fromkeys(("damage", "destroy", "burn", "flood"), "damage"),
    **dict.fromkeys(("injure", "wound"), "injure"),
    **dict.fromkeys(("evacuate", "rescue"), "evacuate"),
    **dict.fromkeys(("close", "shut", "suspend"), "close"),
    **dict.fromkeys(("reopen", "resume", "restore"), "reopen"),
    **dict.fromkeys(("open", "inaugurate"), "open"),
    **dict.fromkeys(("divert",), "divert"),
    **dict.fromkeys(("approve", "endorse", "back"), "approve"),
    # Forces, ships, troops and crews sent somewhere ("deploying a submarine to South
    # Korea", "crews were deployed to Lorne").
    **dict.fromkeys(("deploy", "redeploy", "dispatch"), "deploy"),
}
NOUN_CLASSES: dict[str, str] = {
    "visit": "visit", "tour": "visit", "meeting": "meet", "talks": "meet", "summit": "meet",
    "arrival": "arrive", "departure": "depart", "inspection": "inspect", "attack": "attack",
    "launch": "launch", "strike": "attack", "evacuation": "evacuate",
    "deployment": "deploy",
}
# Nouns that name an event, by the ACE 2005 event types (life, movement,
# transaction, business, conflict, contact, personnel, justice) and common news
# happenings; kept as bare triggers (no class) for event-mention benchmarks.
EVENT_NOUNS = frozenset({
    "birth", "death", "killing", "murder", "injury", "wedding", "marriage", "divorce",
    "trip", "journey", "flight", "transfer", "sale", "purchase", "deal", "merger",
    "acquisition", "takeover", "bankruptcy", "war", "battle", "fight", "clash", "bombing",
    "shooting", "explosion", "blast", "raid", "invasion", "protest", "demonstration",
    "riot", "strike", "election", "vote", "appointment", "resignation", "dismissal",
    "nomination", "arrest", "trial", "charge", "conviction", "sentence", "acquittal",
    "appeal", "execution", "fine", "crash", "accident", "collision", "earthquake", "quake",
    "fire", "flood", "storm", "eruption", "collapse", "rescue", "evacuation", "ceremony",
    "party", "concert", "match", "game", "release", "announcement", "statement",
    "interview", "conference", "hijacking", "kidnapping", "robbery", "theft", "escape",
})
# -ing nouns that name things or times, not happenings.
_ING_THINGS = frozenset({"building", "morning", "evening", "thing", "ceiling", "king",
                         "ring", "wing", "spring", "string", "clothing", "housing",
                         "funding", "feeling", "setting", "meaning", "beginning"})
# "give a tour of X", "pay a visit to X", "hold talks": the noun carries the class.
_LIGHT_VERBS = frozenset({"give", "pay", "hold", "conduct", "make", "have", "take"})
_LIGHT_NOUNS = {"tour": "show", "visit": "visit", "talks": "meet", "meeting": "meet",
                "inspection": "inspect"}
# "showed interest", "expressed concern": not a showing.
_NOT_SHOWN = frozenset({"interest", "support", "sign", "willingness", "concern", "restraint",
                        "commitment", "respect", "solidarity", "admiration"})
_PLANNED_HEADS = frozenset({"schedule", "plan", "expect", "due", "set", "intend", "prepare",
                            "hope", "want", "seek", "aim", "agree", "aspire"})
_BEGIN_HEADS = frozenset({"initiate", "begin", "start", "open", "kick", "commence"})
_HYPOTHETICAL_AUX = frozenset({"could", "would", "might", "may", "should", "must", "can"})
_GENERIC_ADV = frozenset({"routinely", "usually", "often", "regularly", "typically"})
_PLACE_PREPS = frozenset({"in", "at", "near", "inside", "outside", "to", "into", "on", "aboard"})
# Classes whose "from X" is where they happened: evacuated from Wye River.
_FROM_PLACE = frozenset({"evacuate", "depart"})
_PLACE_TYPES = frozenset({"PLACE", "FACILITY"})
_AGENTIVE_TYPES = frozenset({"PERSON", "ORG", "GROUP"})
_PRONOUNS = frozenset({"he", "she", "him", "her", "his"})
_RELATIVE = frozenset({"who", "which", "that", "whom"})
# Nouns of an area that a place name in front of them names ("Denizli province",
# "the Primorsky krai"): the argument is that place.
_AREA_NOUNS = frozenset({
    "province", "region", "state", "county", "district", "city", "town", "village",
    "island", "islands", "krai", "oblast", "prefecture", "municipality", "department",
    "governorate", "territory", "valley", "coast", "peninsula", "area",
})
# Verbs of the attack class that also tell accidents and disasters.
_NATURAL_STRIKES = frozenset({"strike", "hit"})
_MOTION = frozenset({"arrive", "depart", "travel", "divert"})
# Verbs of one thing striking another, whose "it" may be a vehicle named before.
_IMPACT_VERBS = frozenset({"strike", "hit", "ram", "collide", "crash"})
# Classes whose intransitive subject is what the event happens to ("the road closed").
_ERGATIVE = frozenset({"open", "close", "reopen"})
# "opened fire" is shooting; "heads the chamber", "drives growth" lead, not travel.
_NOT_OPENED = frozenset({"fire"})
_LEAD_VERBS = frozenset({"head", "drive"})
_ATTACKER_TYPES = frozenset({"PERSON", "ORG", "GROUP", "PLACE"})
_SKIP_LEMMAS = frozenset({"be", "have", "do", "get", "become", "seem", "include"})
# "a range of assets", "a number of ships": the noun after "of" is what is meant.
_PORTION_NOUNS = frozenset({"range", "number", "variety", "series", "array", "host", "set",
                            "selection", "collection", "handful", "couple", "lot", "dozens",
                            "hundreds", "thousands", "pair", "kind", "type", "sort"})
_PHRASE_LEFT = frozenset({"det", "amod", "compound", "nummod", "quantmod", "npadvmod"})
_ARTICLES = frozenset({"a", "an", "the"})


class _Index:
    """Character offset → mention index, and the article's person mentions."""

    def __init__(self, doc: Doc, mentions: Sequence[Mention], sent_starts: list[int]) -> None:
        self.doc = doc
        self.mentions = mentions
        self.at: dict[int, int] = {}
        self.subject: set[int] = set()  # mentions whose head is a clause's subject
        for i, m in enumerate(mentions):
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            for tok in span or ():
                self.at[tok.i] = i
            if span is not None and span.root.dep_ in ("nsubj", "nsubjpass"):
                self.subject.add(i)
        self.sent_starts = sent_starts
        words: dict[str, int] = {}
        for m in mentions:
            if m.type == "PERSON":
                for w in set(m.text.split()):
                    words[w] = words.get(w, 0) + 1
        # How often the article names a person (any of its words): its salience.
        self._salience = [
            max((words.get(w, 0) for w in m.text.split()), default=0) for m in mentions
        ]

    def of(self, tok: Token) -> int | None:
        return self.at.get(tok.i)

    def vehicle_before(self, tok: Token) -> int | None:
        """The latest vessel or piece of equipment named before ``tok`` in its
        sentence or the one before: what "it" is when it strikes something."""
        k = bisect.bisect_right(self.sent_starts, tok.idx) - 1
        lo = self.sent_starts[max(0, k - 1)]
        found = [i for i, m in enumerate(self.mentions)
                 if m.type == "EQUIPMENT" and lo <= m.start < tok.idx]
        return found[-1] if found else None

    def person_before(self, tok: Token, *, role_word: str | None = None) -> int | None:
        """The latest person mention before ``tok`` (two sentences back at most)."""
        k = bisect.bisect_right(self.sent_starts, tok.idx) - 1
        lo = self.sent_starts[max(0, k - 2)]
        best: tuple[int, int, int, int] | None = None
        for i, m in enumerate(self.mentions):
            if m.type != "PERSON" or not lo <= m.start < tok.idx:
                continue
            if role_word is not None and (
                not m.role or m.role.lower().split()[-1] != role_word
            ):
                continue
            subj = int(i in self.subject)
            # A subject first, then the person the article names most (its
            # protagonist), then the nearest.
            key = (subj, self._salience[i], m.start, i)
            if best is None or key > best:
                best = key
        if best is None and role_word is not None:
            # A title refers back across the whole article ("the governor").
            cands = [i for i, m in enumerate(self.mentions)
                     if m.type == "PERSON" and m.start < tok.idx and m.role
                     and m.role.lower().split()[-1] == role_word]
            return cands[-1] if cands else None
        return best[3] if best else None




def extract_events(
    doc: Doc, mentions: Sequence[Mention], times: Sequence[TimeExpression]
) -> list[EventMention]:
    """Event mentions of ``doc`` in text order (sentence indexes count ``doc.sents``,
    as ``AnnotatedArticle.sentences`` does)."""
    sents = list(doc.sents)
    index = _Index(doc, mentions, [s.start_char for s in sents])
    triggers: list[tuple[Token, str | None]] = []
    # Building a Token costs more than the tests below: only verbs and nouns get one.
    pos = doc.to_array([POS])
    wanted = {doc.vocab.strings["VERB"], doc.vocab.strings["NOUN"]}
    for i in (int(k) for k in range(len(doc)) if pos[k] in wanted):
        tok = doc[i]
        if tok.dep_ in ("amod", "compound"):
            continue  # "air-launched missile": a modifier, not an event told
        cls = _class_of(tok)
        if cls is None and tok.lemma_.lower() == "send" and tok.pos_ == "VERB" and any(
            a.role == "patient" and (_is_vehicle(a, mentions) or a.head in _SENT_PEOPLE)
            for a in _arguments(tok, "deploy", index)
        ):
            cls = "deploy"  # "sent a Be-200 aircraft", "sent a team to Rostock"
        if cls is not None or (tok.pos_ == "VERB" and tok.lemma_ not in _SKIP_LEMMAS) or (
            _is_event_noun(tok)
        ):
            triggers.append((tok, cls))
    classed = {t.i for t, c in triggers if c is not None}
    time_of = _attach_times(doc, times, classed)
    # Token.sent walks the document each time; one pass gives every token's sentence.
    sent_of = [0] * len(doc)
    for k, span in enumerate(sents):
        for i in range(span.start, span.end):
            sent_of[i] = k
    out: list[EventMention] = []
    made: dict[int, int] = {}  # token index → its classed mention in ``out``
    for tok, cls in triggers:
        sent = sent_of[tok.i]
        end = trigger_end(tok)
        if cls is None:
            out.append(EventMention(tok.idx, end, doc.text[tok.idx : end], tok.lemma_, sent,
                                    pos=tok.pos_))
            continue
        arguments = tuple(_arguments(tok, cls, index))
        if cls == "attack" and tok.lemma_.lower() in _NATURAL_STRIKES and not any(
            a.role == "agent" and a.mention is not None
            and mentions[a.mention].type in _ATTACKER_TYPES for a in arguments
        ):
            # "the quake struck Chile", "the ferry hit a freighter": no attacker,
            # an impact (a disaster or an accident).
            cls = "hit"
            if any(a.role == "agent" and _is_vehicle(a, mentions) for a in arguments):
                cls = "collide"  # a ship, plane or train hitting something collides
        if cls == "attack" and tok.lemma_.lower() == "kill" and not any(
            a.role == "agent" and a.mention is not None
            and mentions[a.mention].type in _ATTACKER_TYPES for a in arguments
        ):
            cls = "kill"  # "the quake struck, killing two people": deaths, no attacker
        if cls == "approve" and any(a.role == "agent" and _is_vehicle(a, mentions)
                                    for a in arguments):
            # "firefighters, backed by helicopters": support, not approval.
            out.append(EventMention(tok.idx, end, doc.text[tok.idx : end], tok.lemma_, sent,
                                    pos=tok.pos_))
            continue
        made[tok.i] = len(out)
        out.append(
            EventMention(
                start=tok.idx,
                end=end,
                text=doc.text[tok.idx : end],
                lemma=tok.lemma_.lower(),
                sentence=sent,
                event_class=cls,
                pos=tok.pos_,
                arguments=arguments,
                time=time_of.get(tok.i),
                modality=_modality(tok),
                order=_order(tok),
            )
        )
    _inherit_from_main_clause(doc, out, made)
    return out


def _inherit_from_main_clause(doc: Doc, out: list[EventMention], made: dict[int, int]) -> None:
    """"An earthquake shook Denizli province on Thursday, injuring 18 people": a
    participle clause of result (and its conjuncts: "killing two and injuring 31")
    happens where and when its main clause does, unless it says otherwise."""
    for i, k in made.items():
        t = doc[i]
        while t.dep_ == "conj" and t.head is not t:
            t = t.head
        if t.dep_ != "advcl" or t.tag_ != "VBG" or t.head.i not in made:
            continue
        ev, main = out[k], out[made[t.head.i]]
        args = ev.arguments
        if not any(a.role == "location" for a in args):
            args += tuple(a for a in main.arguments if a.role == "location")[:1]
        out[k] = dataclasses.replace(
            ev, arguments=args, time=ev.time if ev.time is not None else main.time)


# What moves and can collide, as a head noun ("the ferry struck the freighter").
_VEHICLE_NOUNS = frozenset({
    "ship", "vessel", "ferry", "freighter", "tanker", "boat", "liner", "trawler", "yacht",
    "barge", "tug", "frigate", "destroyer", "submarine", "warship", "plane", "aircraft",
    "jet", "airliner", "helicopter", "train", "tram", "locomotive", "car", "truck", "lorry",
    "bus", "van", "coach",
})


# What is sent as a deployment (not a letter or a message): people who work as a body.
_SENT_PEOPLE = frozenset({"team", "teams", "troop", "troops", "soldier", "soldiers", "unit",
                          "units", "force", "forces", "crew", "crews", "rescuer", "rescuers",
                          "firefighter", "firefighters", "staff", "police", "officer",
                          "officers", "expert", "experts", "engineer", "engineers", "squad",
                          "brigade", "battalion", "warship", "warships", "fleet"})


def _is_vehicle(arg: EventArgument, mentions: Sequence[Mention]) -> bool:
    if arg.mention is not None:
        m = mentions[arg.mention]
        return m.label == "VESSEL" or m.type == "EQUIPMENT"
    return arg.head.lower() in _VEHICLE_NOUNS


def trigger_end(tok: Token) -> int:
    """End of a trigger: the verb, with its particle when one follows it
    ("passed away", "checked in", "took off"), since a phrasal verb names one
    happening that its verb alone may not ("pass", "check"); ECB+ marks such
    triggers the same way."""
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    if tok.pos_ == "VERB" and nxt is not None and nxt.dep_ == "prt" and nxt.head.i == tok.i:
        return nxt.idx + len(nxt)
    return tok.idx + len(tok)


def _is_event_noun(tok: Token) -> bool:
    if tok.pos_ != "NOUN":
        return False
    lemma = tok.lemma_.lower()
    if lemma in EVENT_NOUNS:
        return True
    if lemma not in _NOMINAL_THINGS and deverbal(lemma, _verb_index()) is not None:
        return True
    return tok.tag_ == "NN" and lemma.endswith("ing") and len(lemma) > 5 and (
        lemma not in _ING_THINGS
    )


def _resultative(tok: Token) -> bool:
    """"Leave X Y": an object with a state after it (a predicative, or a participle
    or adjective following the object)."""
    if any(c.dep_ in ("oprd", "acomp") for c in tok.children):
        return True
    return any(
        c.dep_ == "dobj" and any(g.dep_ in ("acl", "amod") and g.i > c.i and g.tag_ in (
            "VBN", "JJ") for g in c.children)
        for c in tok.children
    )


# Suffixes that turn a verb into the noun of its action ("negotiation",
# "treatment", "arrival", "disclosure", "stoppage"), with the verb ending each
# may have replaced.
_DEVERBAL = (("ation", ("ate", "", "e")), ("ition", ("ite",)), ("sion", ("de", "d")),
             ("ssion", ("t",)), ("ion", ("e", "")), ("ment", ("",)), ("ance", ("", "e")),
             ("ence", ("", "e")), ("al", ("", "e")), ("ure", ("e",)), ("age", ("",)))
# Nominalisations that name an institution, a thing or a person, not a happening.
_NOMINAL_THINGS = frozenset({
    "administration", "department", "government", "commission", "station", "version",
    "entertainment", "information", "regulation", "constitution", "generation", "champion",
    "equipment", "document", "apartment", "management", "environment", "population",
    "organization", "organisation", "association", "corporation", "foundation", "nation",
    "position", "condition", "individual", "official", "material", "rival", "total",
    "approval", "question", "connection", "footage", "average", "television", "proposal",
    "capital", "region", "location", "secretary", "percentage", "message", "image",
})
@functools.lru_cache(maxsize=1)
def _verb_index() -> frozenset[str]:
    """English verbs the pipeline's lemmatizer knows (its WordNet verb index);
    empty where the pipeline has no such table."""
    from storyline.nlp.pipeline import get_nlp

    nlp = get_nlp()
    if "lemmatizer" not in nlp.pipe_names:
        return frozenset()
    lookups = nlp.get_pipe("lemmatizer").lookups  # type: ignore[attr-defined]
    if not lookups.has_table("lemma_index"):
        return frozenset()
    return frozenset(lookups.get_table("lemma_index").get("verb", ()))


def deverbal(noun: str, verbs: frozenset[str]) -> str | None:
    """The verb a noun is the action of ("negotiation" → "negotiate"), else None."""
    for suffix, endings in _DEVERBAL:
        if not noun.endswith(suffix) or len(noun) - len(suffix) < 3:
            continue
        stem_ = noun[: -len(suffix)]
        for end in endings:
            if stem_ + end in verbs:
                return stem_ + end
            if stem_[-1:] == stem_[-2:-1] and stem_[:-1] + end in verbs:
                return stem_[:-1] + end  # "stoppage" → "stop"
    return None


def _class_of(tok: Token) -> str | None:
    lemma = tok.lemma_.lower()
    if tok.pos_ == "VERB":
        if lemma in _LIGHT_VERBS:
            for c in tok.children:
                if c.dep_ == "dobj" and c.lemma_.lower() in _LIGHT_NOUNS:
                    return _LIGHT_NOUNS[c.lemma_.lower()]
            return None
        cls = VERB_CLASSES.get(lemma)
        if cls == "travel" and any(c.dep_ == "xcomp" for c in tok.children):
            return None  # "proceeded to inspect": the second verb is the event
        if cls == "open" and any(c.dep_ == "dobj" and c.lemma_.lower() in _NOT_OPENED
                                 for c in tok.children):
            return None
        if cls == "travel" and lemma in _LEAD_VERBS and any(
            c.dep_ == "dobj" for c in tok.children
        ):
            return None  # "who heads the Vila Real chamber of commerce"
        if cls == "depart" and _resultative(tok):
            return None  # "leaving 42 people injured", "left 3,000 homeless": no departure
        if cls == "show" and any(
            c.dep_ == "dobj" and c.lemma_.lower() in _NOT_SHOWN for c in tok.children
        ):
            return None
        return cls
    if tok.pos_ == "NOUN" and lemma in NOUN_CLASSES:
        # The object of a light verb is carried by the verb, not a second event.
        if tok.dep_ == "dobj" and tok.head.lemma_.lower() in _LIGHT_VERBS:
            return None
        return NOUN_CLASSES[lemma]
    return None


def _subject_source(tok: Token) -> Token:
    """The verb whose subject ``tok`` shares when it has none of its own."""
    cur = tok
    for _ in range(4):
        if any(c.dep_ in ("nsubj", "nsubjpass", "csubj") for c in cur.children):
            return cur
        if cur.dep_ in ("conj", "xcomp") and cur.head is not cur:
            cur = cur.head
        elif cur.dep_ == "advcl" and cur.tag_ != "VBN" and cur.head is not cur:
            cur = cur.head  # "…, inspecting the ships"; not "as shown in a video"
        elif cur.dep_ == "pcomp" and cur.head.head is not cur.head:
            cur = cur.head.head  # "began the visit by meeting …"
        else:
            break
    return cur


def _possessor_doer(tok: Token) -> list[Token]:
    """The owner of the effort a subjectless gerund or infinitive belongs to:
    "America's own efforts to strengthen alliances, including deploying a submarine"
    (America deploys).  Climbs only through "including"/"by"-phrases, infinitives and
    clauses on a noun, to the first noun, and takes that noun's possessor."""
    cur = tok
    for _ in range(5):
        if cur.dep_ not in ("pcomp", "prep", "acl", "xcomp") or cur.head is cur:
            return []
        cur = cur.head
        if cur.pos_ in ("NOUN", "PROPN"):
            return [c for c in cur.children if c.dep_ == "poss"][:1]
    return []


def _misread_main_verb(tok: Token) -> Token | None:
    """The subject of a main verb the parser read as a participle.

    "A freighter carrying 88,000 pounds of freight diverted to Shannon": with
    "carrying" as the root, "diverted" becomes a reduced relative on "freight"
    and the sentence has no finite verb, which news prose never lacks.  When the
    root is a bare -ing form with a subject and no auxiliary, a past participle
    without auxiliary under it is the real main verb, and the root's subject its
    subject."""
    if tok.dep_ != "acl" or tok.tag_ != "VBN" or any(
        c.dep_ in ("aux", "auxpass") for c in tok.children
    ):
        return None
    root = tok.sent.root
    if root.tag_ != "VBG" or any(c.dep_ in ("aux", "auxpass") for c in root.children):
        return None
    subjects = [c for c in root.children if c.dep_ == "nsubj"]
    return subjects[0] if len(subjects) == 1 else None


def _is_passive(tok: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children) or (
        tok.tag_ == "VBN" and tok.dep_ in ("acl",)
    )


def _arguments(tok: Token, cls: str, index: _Index) -> list[EventArgument]:
    args: list[EventArgument] = []
    if tok.pos_ == "NOUN":
        return _noun_arguments(tok, cls, index)
    passive = _is_passive(tok)
    src = _subject_source(tok)
    subjects = [c for c in src.children if c.dep_ in ("nsubj", "nsubjpass")]
    misread = _misread_main_verb(tok)
    if misread is not None:
        passive, subjects = False, [misread]
    if not subjects and tok.dep_ == "relcl":
        subjects = [tok.head]
    if not subjects and tok.dep_ == "acl" and not passive:
        subjects = [tok.head]  # "children presenting flowers"
    if (not subjects and tok.dep_ == "acl" and tok.tag_ == "VBN" and misread is None
            and tok.head.lemma_.lower() not in NOUN_CLASSES):
        # "the agreement signed in Zagreb by Croatia": what was signed.  Not "the
        # visit, accompanied by the minister": a visit is not escorted, its visitor is.
        subjects = [tok.head]
    if not subjects and not passive:
        subjects = _possessor_doer(tok)
    objects = [c for c in tok.children if c.dep_ == "dobj"]
    datives = [c for c in tok.children if c.dep_ == "dative"]
    agents = [g for c in tok.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    light = objects[0] if objects and tok.lemma_.lower() in _LIGHT_VERBS else None
    if light is not None:
        objects = [g for c in light.children if c.dep_ == "prep" and c.lower_ in ("of", "to")
                   for g in c.children if g.dep_ == "pobj"]
        if passive and not agents:  # the parser often hangs "by X" on the object
            agents = [g for c in light.subtree if c.dep_ == "prep" and c.lower_ == "by"
                      for g in c.children if g.dep_ == "pobj"]
    preps = {c.lower_: [g for g in c.children if g.dep_ == "pobj"]
             for c in tok.children if c.dep_ == "prep"}
    subj_role = "patient" if passive else "agent"
    if passive and cls == "show" and objects:
        subj_role = "recipient"  # "Kim was shown the bombers"
    if src is not tok and passive != _is_passive(src):
        # "arrived … and was greeted": the shared subject changes role with the voice.
        subj_role = "patient" if passive else "agent"
    if cls in _ERGATIVE and not passive and not objects and src is tok:
        subj_role = "patient"  # "the tunnel opened", "the port reopens": what opens
    for s in subjects:
        if s.lower_ == "it" and not passive and tok.lemma_.lower() in _IMPACT_VERBS:
            # "the ferry Nordic Star … when it struck a cargo ship": what strikes
            # is the vehicle just named, never a person.
            m = index.vehicle_before(s)
            if m is not None:
                _append(args, EventArgument(subj_role, s.idx, s.idx + len(s), m, "it"))
                continue
        _add(args, subj_role, _reporter(s, tok), index)
    for a in agents:
        _add(args, "agent", a, index)
    if cls == "show":
        for d in datives:
            # "showed the Tu-160 to Kim": the parser may make "to" itself the dative.
            objs = [g for g in d.children if g.dep_ == "pobj"] if d.pos_ == "ADP" else [d]
            for g in objs:
                _add(args, "recipient", g, index)
        to = preps.pop("to", [])
        for o in objects:
            person = _mention_type(o, index) in _AGENTIVE_TYPES and bool(to)
            _add(args, "recipient" if person else "patient", o, index)
        for o in to:
            other = "patient" if any(a.role == "recipient" for a in args) else "recipient"
            _add(args, other, o, index)
    elif cls in _MOTION:
        # "left Porto", "reached Antofagasta": the place is where, not what.
        for o in objects + datives:
            m = _place_in(o, index)
            if m is not None:
                _append(args, EventArgument("location", o.idx, o.idx + len(o), m, o.lemma_))
            else:
                _add(args, "patient", o, index)
    else:
        for o in objects + datives:
            _add(args, "patient", o, index)
        if cls in ("meet", "collide"):  # "met with Putin", "collided with a cargo vessel"
            for o in preps.pop("with", []):
                _add(args, "patient", o, index)
    _add_location(tok, args, preps, index, cls)
    if not any(a.role == "location" for a in args):
        # "the port of Antofagasta reopened": where it happened is the port's place.
        acted_on = subjects if subj_role == "patient" else objects
        for o in acted_on:
            m = _place_of(o, index)
            if m is not None:
                t = index.mentions[m]
                _append(args, EventArgument("location", t.start, t.end, m, t.text.lower()))
                break
    return args


def _reporter(subject: Token, tok: Token) -> Token:
    """A pronoun subject of a reported clause is the reporter, when they agree.

    "investigators said they were examining …": "they" is the investigators;
    "Albrecht said he …" is Albrecht.  Only a clause right under a reporting
    verb, and only a reporter written as a noun (never another pronoun).
    """
    if subject.lower_ not in ("they", "he", "she") or tok.dep_ != "ccomp":
        return subject
    verb = tok.head
    if VERB_CLASSES.get(verb.lemma_.lower()) != "say":
        return subject
    said_by = [c for c in verb.children if c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN")]
    if len(said_by) != 1:
        return subject
    r = said_by[0]
    plural = r.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in r.children)
    if (subject.lower_ == "they") != plural or (subject.lower_ != "they" and r.pos_ != "PROPN"):
        return subject
    return r


def _noun_arguments(tok: Token, cls: str, index: _Index) -> list[EventArgument]:
    args: list[EventArgument] = []
    for c in tok.children:
        if c.dep_ == "poss":
            _add(args, "agent", c, index)
        elif c.dep_ == "prep":
            for g in c.children:
                if g.dep_ != "pobj":
                    continue
                if c.lower_ in ("with", "of") and cls == "meet":
                    _add(args, "patient", g, index)
                elif c.lower_ in ("by",):
                    _add(args, "agent", g, index)
                elif c.lower_ in ("to", "of") and cls == "visit":
                    _add(args, "patient", g, index)
                elif c.lower_ == "of" and cls == "evacuate":
                    _add(args, "patient", g, index)  # "the evacuation of 350 people"
    follows = tok.head if tok.dep_ == "pobj" and tok.head.dep_ == "agent" else None
    if follows is not None and not any(a.role == "agent" for a in args):
        verb = follows.head
        if verb.lemma_.lower() == "follow" and verb.dep_ == "advcl":
            # "X did A, followed by a visit to B": the visit is X's too.
            for c in _subject_source(verb.head).children:
                if c.dep_ == "nsubj":
                    _add(args, "agent", c, index)
    preps = {c.lower_: [g for g in c.children if g.dep_ == "pobj"]
             for c in tok.children if c.dep_ == "prep"}
    _add_location(tok, args, preps, index, cls)
    return args


def _add_location(
    tok: Token, args: list[EventArgument], preps: dict[str, list[Token]], index: _Index,
    cls: str | None = None,
) -> None:
    for prep, objs in preps.items():
        if prep not in _PLACE_PREPS and not (prep == "from" and cls in _FROM_PLACE):
            continue
        for o in objs:
            m = _place_in(o, index)
            if m is not None:
                _append(args, EventArgument("location", o.idx, o.idx + len(o), m, o.lemma_))
                return
    # "the airport, where he was given a tour"
    rel = tok if tok.dep_ == "relcl" else tok.head if tok.dep_ == "conj" else None
    if rel is not None and rel.dep_ == "relcl" and any(
        c.lower_ == "where" for c in rel.children
    ):
        m = _place_in(rel.head, index)
        if m is not None:
            h = rel.head
            _append(args, EventArgument("location", h.idx, h.idx + len(h), m, h.lemma_))
    if not any(x.role == "location" for x in args):
        _scene_location(tok, args, index)
    for a in list(args):
        # "visited Vladivostok": a visited place is also where it happened.
        if a.role == "patient" and a.mention is not None and not any(
            x.role == "location" for x in args
        ) and index.mentions[a.mention].type in _PLACE_TYPES:
            _append(args, EventArgument("location", a.start, a.end, a.mention, a.head))


def _scene_location(tok: Token, args: list[EventArgument], index: _Index) -> None:
    """"During his stay in Vladivostok, Kim … attending the ballet": a scene-setting
    "during <noun> in/at PLACE" on the clause the event hangs from places it.

    Climbs only through the links that keep the event inside that clause (by
    attending, to attend, and attended, …), never into a reported clause."""
    h = tok
    for _ in range(4):
        for c in h.children:
            if c.dep_ != "prep" or c.lower_ != "during":
                continue
            for o in c.children:
                for p in o.children:
                    if p.dep_ != "prep" or p.lower_ not in ("in", "at"):
                        continue
                    for g in p.children:
                        m = _place_in(g, index) if g.dep_ == "pobj" else None
                        if m is not None:
                            _append(args, EventArgument("location", g.idx, g.idx + len(g), m,
                                                        g.lemma_))
                            return
        if h.dep_ in ("pcomp", "prep", "xcomp", "conj", "advcl") and h.head is not h:
            h = h.head
        else:
            return


def _place_in(o: Token, index: _Index) -> int | None:
    """The named place a prepositional object is or ends in ("the city of Artyom",
    "Russia's Knevichi airfield"): the mention nearest to its head."""
    best: tuple[int, int] | None = None
    for t in o.subtree:
        m = index.of(t)
        if m is None or index.mentions[m].type not in _PLACE_TYPES:
            continue
        if t.dep_ == "poss" or (t.head.dep_ == "poss" and t.head is not o):
            continue  # "Russia's airfield": the possessor is not the place
        dist = abs(t.i - o.i)
        if best is None or dist < best[0]:
            best = (dist, m)
    if best is None:
        m = index.of(o)
        return m if m is not None and index.mentions[m].type in _PLACE_TYPES else None
    return best[1]


def _mention_type(tok: Token, index: _Index) -> str | None:
    m = _resolve(tok, index)
    return index.mentions[m].type if m is not None else None


def _resolve(tok: Token, index: _Index) -> int | None:
    """The mention an argument head stands for, if any."""
    m = index.of(tok)
    if m is not None:
        return m
    low = tok.lower_
    if low in ("his", "her"):
        # "Upon his arrival, Kim proceeded …": the main clause's subject.
        root = tok.sent.root
        for c in root.children:
            if c.dep_ == "nsubj" and c.i > tok.i:
                m = index.of(c)
                if m is not None and index.mentions[m].type == "PERSON":
                    return m
    if low in _PRONOUNS:
        return index.person_before(tok)
    if low in _RELATIVE and tok.head.dep_ == "relcl":
        return _resolve(tok.head.head, index)
    for c in tok.children:
        if c.dep_ == "appos":
            m = index.of(c)
            if m is not None:
                return m
    if low in _AREA_NOUNS:
        for c in tok.children:
            if c.dep_ == "compound":
                m = index.of(c)
                if m is not None and index.mentions[m].type == "PLACE":
                    return m
    if tok.pos_ == "NOUN" and any(c.lower_ == "the" for c in tok.children):
        return index.person_before(tok, role_word=low)
    return None


def _add(args: list[EventArgument], role: str, tok: Token, index: _Index) -> None:
    """The argument, its conjuncts, and the equipment it names ("models of bombers,
    including the Tu-160 …", "aircraft equipped with Kinzhal missiles")."""
    if tok.lower_ in _RELATIVE and tok.head.dep_ == "relcl":
        tok = tok.head.head  # "the train, which left Porto": the train left
    heads = [tok, *[c for c in tok.conjuncts if c.i > tok.i]]
    for h in heads:
        h = _past_portion(h)
        m = _resolve(h, index)
        if m is None and role == "agent":
            sent_by = _sent_by(h, index)
            if sent_by:
                # "ministers from Croatia and Hungary signed": the countries act.
                for x, k in sent_by:
                    _append(args, EventArgument(role, x.idx, x.idx + len(x), k, x.lemma_.lower()))
                continue
        start, end = (h.idx, h.idx + len(h)) if m is not None else _phrase(h)
        _append(args, EventArgument(role, start, end, m, h.lemma_.lower()))
        for t in h.subtree:
            if t.i == h.i or (_in_clause_below(t, h) and not _equipment_kept(t, h)):
                continue
            n = index.of(t)
            if n is None or n == m:
                continue
            label = index.mentions[n].label
            including = t.head.dep_ == "pobj" and t.head.head.lower_ in ("including", "like")
            if label in ("EQUIPMENT", "VESSEL") or index.mentions[n].type == "EQUIPMENT" or (
                t.dep_ == "pobj" and t.head.lower_ in ("including", "like")
            ) or including:
                _append(args, EventArgument(role, t.idx, t.idx + len(t), n, t.lemma_.lower()))


# People who act for a country or body named after "from" ("ministers from Croatia").
_ENVOY_NOUNS = frozenset({"minister", "official", "leader", "delegate", "delegation",
                          "representative", "envoy", "diplomat", "negotiator", "ambassador"})


def _sent_by(h: Token, index: _Index) -> list[tuple[Token, int]]:
    """The named places and bodies that envoys "from X, Y and Z" act for."""
    if h.pos_ != "NOUN" or h.lemma_.lower() not in _ENVOY_NOUNS:
        return []
    out: list[tuple[Token, int]] = []
    for c in h.children:
        if c.dep_ != "prep" or c.lower_ != "from":
            continue
        for g in c.children:
            if g.dep_ != "pobj":
                continue
            for x in (g, *g.conjuncts):
                n = index.of(x)
                if n is not None and index.mentions[n].type in ("PLACE", "ORG"):
                    out.append((x, n))
    return out


def _place_of(tok: Token, index: _Index) -> int | None:
    """The named place an unnamed thing belongs to ("the port of Antofagasta")."""
    if index.of(tok) is not None or tok.pos_ != "NOUN":
        return None
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            for g in c.children:
                m = index.of(g) if g.dep_ == "pobj" else None
                if m is not None and index.mentions[m].type in _PLACE_TYPES:
                    return m
    return None


def _past_portion(h: Token) -> Token:
    """"a range of military assets": what is acted on is the assets."""
    if h.pos_ != "NOUN" or h.lemma_.lower() not in _PORTION_NOUNS:
        return h
    for c in h.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            for g in c.children:
                if g.dep_ == "pobj" and g.pos_ in ("NOUN", "PROPN"):
                    return g
    return h


def _phrase(h: Token) -> tuple[int, int]:
    """Character span of an unnamed argument's noun phrase: its article, adjectives
    and compounds, and an "of" complement ("a guard of honour"), so a summary can
    say what was acted on; possessives and clauses stay out."""
    first = h
    for c in reversed(list(h.lefts)):
        if c.dep_ not in _PHRASE_LEFT or (c.dep_ == "det" and c.lower_ not in _ARTICLES):
            break
        first = c.left_edge
    last = h
    for c in h.rights:
        if c.dep_ == "prep" and c.lower_ == "of" and c.i == h.i + 1:
            objs = [g for g in c.children if g.dep_ == "pobj"]
            if objs:
                last = objs[0]
                # "of magnitude 5.9": the figure that completes the complement.
                for r in objs[0].rights:
                    if r.dep_ == "nummod" and r.i == last.i + 1:
                        last = r
        break
    doc = h.doc
    if last.i - first.i >= 8 or any(t.is_punct and t.text not in "-–" for t in
                                    doc[first.i : last.i + 1]):
        first, last = h, h
    return first.idx, last.idx + len(last)


def _between(t: Token, h: Token) -> list[Token]:
    """``t`` and its ancestors strictly below ``h``."""
    out = [t]
    for x in t.ancestors:
        if x.i == h.i:
            break
        out.append(x)
    return out


def _in_clause_below(t: Token, h: Token) -> bool:
    return any(x.dep_ in ("relcl", "acl", "ccomp") for x in _between(t, h))


def _equipment_kept(t: Token, h: Token) -> bool:
    """Equipment under a participle that describes the argument's kit
    ("aircraft equipped with Kinzhal missiles") still belongs to it."""
    return any(x.lemma_.lower() in ("equip", "arm", "fit", "carry") for x in _between(t, h))


def _append(args: list[EventArgument], arg: EventArgument) -> None:
    for a in args:
        if a.role == arg.role and (
            (a.mention is not None and a.mention == arg.mention) or a.start == arg.start
        ):
            return
    args.append(arg)


def _modality(tok: Token) -> str:
    children = list(tok.children)
    if any(c.dep_ == "neg" for c in children):
        return "negated"
    if any(c.dep_ in ("nsubj", "nsubjpass") and (
        c.lower_ in ("none", "nobody", "nothing")
        or any(d.dep_ == "det" and d.lower_ == "no" for d in c.children)
    ) for c in children):
        return "negated"  # "none of the crew was injured"
    if any(c.lower_ in ("will", "shall", "'ll") and c.dep_ == "aux" for c in children):
        return "planned"
    if any(c.dep_ == "aux" and c.lower_ in _HYPOTHETICAL_AUX for c in children):
        return "hypothetical"
    if any(c.dep_ == "advmod" and c.lower_ in _GENERIC_ADV for c in children):
        return "generic"
    if _in_past_episodes(tok):
        return "generic"  # "has sent firefighters … during past crises": a habit, not news
    head = tok.head
    if tok.dep_ in ("xcomp", "acl") and head.lemma_.lower() in _PLANNED_HEADS:
        if any(c.dep_ == "neg" or c.lower_ == "no" for c in head.children):
            return "negated"
        return "planned"
    if tok.dep_ in ("acl", "xcomp") and head.pos_ == "NOUN" and head.lemma_.lower() == "plan":
        return "negated" if any(c.lower_ == "no" for c in head.children) else "planned"
    if tok.dep_ == "advcl" and any(c.lower_ == "to" and c.dep_ == "aux" for c in children):
        return "planned"  # purpose: "visited the region to inspect weapons"
    if tok.dep_ == "pobj" and head.lower_ in ("for",) and head.head.lemma_.lower() == "plan":
        return "planned"
    return "asserted"


def _in_past_episodes(tok: Token) -> bool:
    """"during past crises", "in previous years" on the verb or its purpose clause
    ("sent firefighters to help Australia during past crises")."""
    clauses = [tok, *(c for c in tok.children if c.dep_ in ("advcl", "xcomp"))]
    return any(
        p.dep_ == "prep" and p.lower_ in ("during", "in") and any(
            g.dep_ == "pobj" and g.tag_ == "NNS" and any(
                a.dep_ == "amod" and a.lower_ in ("past", "previous", "earlier", "former")
                for a in g.children)
            for g in p.children)
        for c in clauses for p in c.children)


def _order(tok: Token) -> str | None:
    """A cue that the event came before the narrative's time ("began by meeting",
    "had met", "earlier") or after it ("later", "then")."""
    if tok.dep_ == "pcomp" and tok.head.lower_ == "by" and (
        tok.head.head.lemma_.lower() in _BEGIN_HEADS
    ):
        return "before"
    if tok.pos_ == "NOUN" and tok.dep_ == "dobj" and tok.head.lemma_.lower() in _BEGIN_HEADS:
        return "before"  # "initiated his visit …": the visit began before what is told
    children = list(tok.children)
    if any(c.dep_ == "aux" and c.lower_ == "had" for c in children) and tok.tag_ == "VBN":
        return "before"
    if tok.dep_ == "advcl":
        # "the port reopened after an earthquake shook Chile": the quake came first.
        marks = {c.lower_ for c in children if c.dep_ == "mark"}
        if "after" in marks:
            return "before"
        if "before" in marks:
            return "after"
    for c in children:
        if c.dep_ == "advmod" and c.lower_ in ("earlier", "previously", "before"):
            return "before"
        if c.dep_ == "advmod" and c.lower_ in ("later", "then", "afterwards", "subsequently"):
            return "after"
        if c.dep_ == "npadvmod":
            # "deploying a submarine … earlier this year": the cue sits on the time noun.
            words = {g.lower_ for g in c.children if g.dep_ == "advmod"}
            if words & {"earlier", "previously"}:
                return "before"
            if "later" in words:
                return "after"
    # "… by meeting Putin, followed by a visit to a plant"
    if tok.dep_ == "pobj" and tok.head.dep_ == "agent" and tok.head.head.lemma_ == "follow":
        return "before" if _order(tok.head.head.head) == "before" else "after"
    return None


def _attach_times(doc: Doc, times: Sequence[TimeExpression], triggers: set[int]) -> dict[int, int]:
    """Trigger token → time expression index: the first trigger up the head chain."""
    out: dict[int, int] = {}
    for ti, t in enumerate(times):
        if t.bound is not None and t.bound != "by":
            # "closed until Wednesday" did not happen on Wednesday; "by Sunday"
            # bounds it (analyse/events.py reads it as on or before).
            continue
        span = doc.char_span(t.start, t.end, alignment_mode="expand")
        if span is None:
            continue
        cur = span.root
        for _ in range(8):
            if cur.i in triggers:
                out.setdefault(cur.i, ti)
                break
            # "By Sunday it had forced the evacuation of 350 people": a verb that is
            # no event of its own passes its time to the event noun it governs.
            told = [c for c in cur.children if c.dep_ == "dobj" and c.i in triggers
                    and c.pos_ == "NOUN"]
            if cur.pos_ == "VERB" and told:
                out.setdefault(told[0].i, ti)
                break
            if cur.head is cur or cur.dep_ in ("ccomp", "xcomp") or _own_clause(cur):
                # A time inside a reported or intended clause dates what was
                # reported or intended, not the saying or hoping: "Kos said
                # construction would start in 2027", "hoped to start in 2027";
                # nor does a joined clause with its own subject date the first
                # ("Kos said, and construction could begin in 2027").
                break
            cur = cur.head
    return out


def _own_clause(tok: Token) -> bool:
    """A conjoined verb with a subject of its own: a clause of its own."""
    return tok.dep_ == "conj" and tok.pos_ in ("VERB", "AUX") and any(
        c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)


__all__ = ["NOUN_CLASSES", "VERB_CLASSES", "extract_events"]
