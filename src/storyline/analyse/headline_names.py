"""Names that a title-case headline ran on into the words around them.

In "Rose Byrne Wins Award" or "Microsoft Patches IE" every word is
capitalised, so the small model cannot tell where a name ends and takes
"Rose Byrne Wins Award" for one PERSON, "Microsoft Patches IE" for one ORG.
Capitals in such a headline are no evidence of a name, so its name mentions
take their boundaries from the story's body: a headline mention the body does
not name as it stands is cut back to the longest run of its words that the
body does name (any type: "Microsoft", "Red Sox"; or the surname of a person
the body names in full: "Lohan Checks" → "Lohan"; a person's name also keeps
the words before a surname the body knows: "Rose Byrne Wins" → "Rose Byrne"),
and the words around that run leave the mention.  Without such a run the
mention is kept as it is (dropping headline names made only of words the body
writes in lower case was tried: story grouping, which reads each article's
names, lost 0.005 B³ on the ECB+ development topics).
Outside a title-case headline nothing is cut: there a capitalised word after a
name is part of it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from storyline.analyse.names import clean_surface, name_key
from storyline.model import AnnotatedArticle, Mention


def person_keys_outside_headlines(articles: Sequence[AnnotatedArticle]) -> set[str]:
    """Keys of every PERSON mention that does not lie in its article's headline."""
    return name_keys_outside_headlines(articles, types=("PERSON",))


def name_keys_outside_headlines(
    articles: Sequence[AnnotatedArticle], types: Sequence[str] | None = None
) -> set[str]:
    """Keys of the name mentions outside the articles' headlines (of ``types``,
    default all), each as its own type keys it and as a plain name, plus the
    last word of every multi-word person name (a surname the body knows)."""
    keys = set()
    for art in articles:
        end = _headline_end(art)
        for m in art.mentions:
            if m.start < end or (types is not None and m.type not in types):
                continue
            surface = clean_surface(m.text, m.type)
            for key in {name_key(surface, m.type), name_key(surface)}:
                if key:
                    keys.add(key)
                    if m.type == "PERSON" and " " in key:
                        keys.add(key.split()[-1])
    return keys


def trim_headline_names(art: AnnotatedArticle, known: set[str]) -> list[Mention]:
    """The article's mentions with over-long headline names cut back."""
    end = _headline_end(art)
    if not end or not _title_case(art.article.title or ""):
        return list(art.mentions)
    return [_cut(m, known) if m.end <= end else m for m in art.mentions]


def _key(text: str, type_: str) -> set[str]:
    surface = clean_surface(text, type_)
    return {k for k in (name_key(surface, type_), name_key(surface)) if k}


def _cut(m: Mention, known: set[str]) -> Mention:
    words = m.text.split(" ")
    if _key(m.text, m.type) & known:
        return m
    starts = [sum(len(w) + 1 for w in words[:i]) for i in range(len(words))]
    for n in range(len(words) - 1, 0, -1):
        for i in range(len(words) - n + 1):
            run = " ".join(words[i : i + n])
            keys = _key(run, m.type)
            # A person's headline name may open with a first name the body
            # never writes: "Rose Byrne Wins Award" beside a bare "Byrne".
            lead = (m.type == "PERSON" and i == 0 and n >= 2
                    and any(k.split()[-1] in known for k in keys))
            if keys & known or lead:
                start = m.start + starts[i]
                return replace(m, start=start, end=start + len(run), text=run)
    return m


def _headline_end(art: AnnotatedArticle) -> int:
    """End offset of the headline when the text opens with it, else 0."""
    title = (art.article.title or "").strip()
    text = art.article.text
    if title and text.lstrip().startswith(title):
        return len(text) - len(text.lstrip()) + len(title)
    return 0


# Short function words that title-case style leaves in lower case ("Offer to
# Teixeira Reportedly Bumped as High as $184M").
_MINOR = frozenset({"a", "an", "the", "and", "or", "but", "nor", "as", "at", "by", "for",
                    "from", "in", "into", "of", "off", "on", "onto", "to", "up", "via",
                    "with", "vs", "over", "per"})


def _title_case(title: str) -> bool:
    """Most words start with a capital: a headline written in title case."""
    words = [w for w in title.split() if w[:1].isalpha() and w not in _MINOR]
    return len(words) >= 3 and sum(w[:1].isupper() for w in words) >= 0.8 * len(words)
