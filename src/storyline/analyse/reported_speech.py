"""What a statement said, in the source's own words, for the event's summary.

"Dmitry Peskov said" tells a reader nothing; "Dmitry Peskov clarified that there were
no plans to sign formal agreements during Kim's visit" is the news.  The reported
clause is read off the telling's sentence, after the trigger:

* a "that" clause, with up to five words of addressee or time before it ("told
  reporters on Wednesday that 3,400 people had left their homes");
* after a plain verb of saying (say, state, report, claim, confirm), a clause with its
  "that" left out ("said the crew would fly two more runs before dark").

Nothing is taken when the trigger follows the quotation it reports ("“… on a train,”
said Paula Sequeira, who heads …": what follows is the speaker), and a long clause is
cut at ``MAX_WORDS`` words with an ellipsis.  The words are the source's; the quote
stays in ``sources``.
"""

from __future__ import annotations

import re

MAX_WORDS = 20
_THAT = re.compile(r"^((?:[\w’'\-]+,?\s+){0,5}?)that\s+(\S.*)$", re.DOTALL)
_PLAIN = frozenset({"say", "says", "said", "state", "states", "stated", "report", "reports",
                    "reported", "claim", "claims", "claimed", "confirm", "confirms",
                    "confirmed"})
_PRESENT_PAST = {"says": "said", "say": "said", "tells": "told", "tell": "told"}
# A quotation closing before the verb, with at most the speaker between: "“…,” said
# X", "“…,” Soto said after visiting …".
_AFTER_QUOTE = re.compile(r"[”\"]\s*(?:[\w’'\-.]+\s+){0,5}$")


def reported_clause(text: str, start: int, end: int, sentence: tuple[int, int]) -> str:
    """The verb as written (in the past) and the clause it reports, or "" when the
    sentence (start and end offsets) gives none: "clarified that there were no
    plans …"."""
    if _AFTER_QUOTE.search(text[sentence[0] : start]):
        return ""
    sentence_end = sentence[1]
    verb = text[start:end]
    past = _past(verb)
    if not past:
        return ""
    rest = " ".join(text[end:sentence_end].split()).rstrip(" .")
    m = _THAT.match(rest)
    if m:
        clause = f"{m.group(1)}that {m.group(2)}"
    elif verb.lower() in _PLAIN and rest[:1].isalnum() and not rest[:1].isupper():
        # A lower-case word or a figure starts the clause; a name there is the
        # speaker of an inverted attribution ("said Miguel Bastos").
        clause = rest
    else:
        return ""
    words = clause.split()
    if len(words) > MAX_WORDS:
        clause = " ".join(words[:MAX_WORDS]).rstrip(",;:") + " …"
    return f"{past} {clause}"


def _past(verb: str) -> str:
    """The verb in the past: as written when it is ("clarified", "told"), else its
    past ("says" → "said"); "" for other forms ("arguing")."""
    low = verb.lower()
    if low in _PRESENT_PAST:
        return _PRESENT_PAST[low]
    if low.endswith("ed") or low in ("said", "told"):
        return low
    return ""
