"""Copy detection: which articles share a passage, so agreement counts origins, not outlets.

Method:

* Each article becomes a list of word tokens (``\\w+`` runs, folded to
  lowercase without diacritics, so "Artëm"/"artem" and changes of punctuation
  or spacing do not hide a copy), each with its character span in the text.
* Every run of ``SHINGLE_WORDS`` = 8 consecutive tokens is a shingle; an
  inverted index shingle → (article, position) yields the pairs of articles
  that share any shingle, without comparing all pairs.
* For a pair, matching shingles on one diagonal (same offset between the two
  articles) chain into a run; a gap of one changed word (``SHINGLE_WORDS + 1``
  positions) does not break it, since sub-editors swap words in copied copy.
* Two articles share an origin when a run holds at least ``MIN_COPY_WORDS`` =
  25 words of the reporter's own prose, or when two runs hold at least
  ``MIN_SENTENCE_WORDS`` = 15 each (two long sentences copied apart).
  Why there: stock phrases that independent reports share ("an estimated range
  of 1,500 to 2,000 km (930-1,240 miles)", "according to the US Geological
  Survey") run 6–15 words; 25 words is a long sentence, which two writers do
  not produce word for word by chance.  Measured (longest runs of own words
  per pair of articles): in the sample corpus the copied wire report shares a
  run of 134 words with its source, while the independent reports of one
  event share at most 11; the two seed reports, which both rewrite one wire
  report's facts in their own sentences, share three runs of 14, 11 and 8
  words ("strategic bombers, including the Tu-160, Tu-95, and Tu-22M3"), below
  both thresholds of a copy.
* Rewrites: two articles also share an origin when they share at least
  ``MIN_SHARED_PHRASINGS`` = 3 separate runs of ``SHINGLE_WORDS`` or more own
  words.  One 8-word phrase in common is a stock phrase, two can be chance;
  three distinct ones in one pair of articles (the seeds: the bombers' list,
  the Kinzhal's range with its miles conversion, "up to 10 times the speed of
  sound") are the distinctive phrasings of one wire report that both
  rewrote, so their shared facts come from one origin, not two.  Independent
  reports of one event in the sample corpus share at most one such run.
* Words inside quotation marks do not count towards those thresholds:
  independent reporters quote the same statement verbatim, and that is shared
  *source*, not copying.
* Articles joined by a copy are one origin group (union-find); the group id is
  its smallest article id.  Each qualifying run is reported as a
  ``SharedPassage`` whose spans quote each article's own text exactly.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import combinations

from storyline.analyse.names import fold
from storyline.model import Article, SharedPassage
from storyline.unionfind import UnionFind

SHINGLE_WORDS = 8
MIN_COPY_WORDS = 25
MIN_SENTENCE_WORDS = 15
MIN_SHARED_PHRASINGS = 3
# A shingle in more articles than this is boilerplate (a site footer, a
# wire credit), not evidence; skipping it also bounds the pairs it proposes.
MAX_SHINGLE_ARTICLES = 200

_WORD = re.compile(r"\w+")
# Quoted speech: typographic, guillemets, or straight quotes within a paragraph.
_QUOTED = re.compile(r"“[^”]{1,2000}”|«[^»]{1,2000}»|\"[^\"\n]{1,2000}\"")


@dataclass(frozen=True)
class CopyReport:
    origin_groups: dict[str, str]  # article id -> origin group id
    passages: list[SharedPassage] = field(default_factory=list)


@dataclass(frozen=True)
class _Tokens:
    words: list[str]
    spans: list[tuple[int, int]]
    quoted: list[bool]


@dataclass(frozen=True)
class _Run:
    """Tokens ``a_start..a_end`` (exclusive) of one article match ``b_start..`` of the other."""

    a_start: int
    a_end: int
    b_start: int
    b_end: int


def detect_copies(articles: Sequence[Article]) -> CopyReport:
    """Origin group of every article, and the passages that put copies together."""
    unique = {a.id: a for a in articles}
    ids = sorted(unique)
    toks = [_tokenise(unique[i].text) for i in ids]

    uf = UnionFind(range(len(ids)))
    passages: list[SharedPassage] = []
    for (i, j), matches in sorted(_shingle_matches(toks).items()):
        runs = _runs(matches)
        own = [(r, _own_words(r, toks[i], toks[j])) for r in runs]
        copied = [r for r, n in own if n >= MIN_COPY_WORDS]
        if not copied:
            long_sentences = [r for r, n in own if n >= MIN_SENTENCE_WORDS]
            if len(long_sentences) >= 2:
                copied = long_sentences
        if not copied:
            phrasings = [r for r, n in own if n >= SHINGLE_WORDS]
            if len(phrasings) >= MIN_SHARED_PHRASINGS:
                copied = phrasings
        if not copied:
            continue
        uf.union(i, j)
        for r in copied:
            passages.append(
                SharedPassage(
                    article_a=ids[i],
                    start_a=toks[i].spans[r.a_start][0],
                    end_a=toks[i].spans[r.a_end - 1][1],
                    article_b=ids[j],
                    start_b=toks[j].spans[r.b_start][0],
                    end_b=toks[j].spans[r.b_end - 1][1],
                )
            )
    # Union-find roots are the smallest index, i.e. the smallest article id.
    groups = {ids[k]: ids[uf.find(k)] for k in range(len(ids))}
    return CopyReport(origin_groups=groups, passages=passages)


def _tokenise(text: str) -> _Tokens:
    quotes = [m.span() for m in _QUOTED.finditer(text)]
    words, spans, quoted = [], [], []
    q = 0
    for m in _WORD.finditer(text):
        start = m.start()
        while q < len(quotes) and quotes[q][1] <= start:
            q += 1
        words.append(fold(m.group()))
        spans.append(m.span())
        quoted.append(q < len(quotes) and quotes[q][0] <= start)
    return _Tokens(words, spans, quoted)


def _shingle_matches(toks: Sequence[_Tokens]) -> dict[tuple[int, int], list[tuple[int, int]]]:
    """For each pair of articles (i < j), the positions (in i, in j) of shared shingles."""
    index: dict[tuple[str, ...], dict[int, list[int]]] = defaultdict(lambda: defaultdict(list))
    for doc, t in enumerate(toks):
        for pos in range(len(t.words) - SHINGLE_WORDS + 1):
            index[tuple(t.words[pos : pos + SHINGLE_WORDS])][doc].append(pos)
    matches: dict[tuple[int, int], list[tuple[int, int]]] = defaultdict(list)
    for postings in index.values():
        if not 1 < len(postings) <= MAX_SHINGLE_ARTICLES:
            continue
        for a, b in combinations(sorted(postings), 2):
            for pa in postings[a]:
                for pb in postings[b]:
                    matches[(a, b)].append((pa, pb))
    return matches


def _runs(matches: list[tuple[int, int]]) -> list[_Run]:
    """Chain matching shingles on one diagonal into runs of tokens."""
    by_diagonal: dict[int, list[int]] = defaultdict(list)
    for pa, pb in matches:
        by_diagonal[pa - pb].append(pa)
    runs: list[_Run] = []
    for diag, starts in by_diagonal.items():
        starts.sort()
        chains = [[starts[0], starts[0]]]
        for pa in starts[1:]:
            # One substituted word breaks SHINGLE_WORDS shingles: allow that gap.
            if pa - chains[-1][1] <= SHINGLE_WORDS + 1:
                chains[-1][1] = pa
            else:
                chains.append([pa, pa])
        for first, last in chains:
            end = last + SHINGLE_WORDS
            runs.append(_Run(first, end, first - diag, end - diag))
    return sorted(runs, key=lambda r: (r.a_start, r.b_start))


def _own_words(run: _Run, a: _Tokens, b: _Tokens) -> int:
    """Words of the run outside quotation marks (in both articles)."""
    return sum(
        1
        for k in range(run.a_end - run.a_start)
        if not a.quoted[run.a_start + k] and not b.quoted[run.b_start + k]
    )
