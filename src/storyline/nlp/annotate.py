"""The annotate stage: articles → sentences, mentions, quantities.

spaCy runs through ``nlp.pipe`` in batches (optionally in worker processes);
the doc's text *is* ``article.text``, so its character offsets are article
offsets.  What we add in the parent per doc is cheap: regex rules
(``rules``), entity fixes (``mentions``), roles (``roles``) and
``extract_quantities``.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Iterator, Sequence

from spacy.attrs import IS_SPACE
from spacy.tokens import Doc

from storyline.model import AnnotatedArticle, Article, Mention, Sentence, article_id
from storyline.nlp import roles
from storyline.nlp.events import extract_events
from storyline.nlp.mentions import Cand, spacy_candidates
from storyline.nlp.name_types import retype_names
from storyline.nlp.pipeline import get_nlp
from storyline.nlp.quantities import extract_quantities
from storyline.nlp.rules import rule_spans
from storyline.nlp.temporal import find_time_expressions


def annotate_articles(
    articles: Iterable[Article],
    *,
    n_process: int = 1,
    batch_size: int = 64,
    on_error: Callable[[Article, Exception], None] | None = None,
) -> Iterator[AnnotatedArticle]:
    """Annotate ``articles`` lazily, in input order.

    With ``on_error``, an article whose annotation fails (a bug of ours met by
    odd text) is reported there and left out, so one article cannot stop a
    batch of thousands; without it the error propagates.
    """
    nlp = get_nlp()
    pending: list[Article] = []

    def texts() -> Iterator[str]:
        # The article goes into a FIFO as its text goes to spaCy; nlp.pipe keeps
        # order (also with n_process > 1), so docs pair up with articles in turn.
        for a in articles:
            pending.append(a)
            yield a.text

    head = 0
    for doc in nlp.pipe(texts(), batch_size=batch_size, n_process=n_process):
        article = pending[head]
        head += 1
        if head >= 1024:  # keep the queue from growing with the corpus
            del pending[:head]
            head = 0
        if on_error is None:
            yield annotate_doc(article, doc)
            continue
        try:
            annotated = annotate_doc(article, doc)
        except Exception as exc:  # reported to the caller, never swallowed
            on_error(article, exc)
            continue
        yield annotated


def annotate_text(text: str) -> AnnotatedArticle:
    """One text, wrapped in an Article (for tests and quick looks)."""
    return annotate_doc(Article(id=article_id(text), text=text), get_nlp()(text))


def annotate_doc(article: Article, doc: Doc) -> AnnotatedArticle:
    text = doc.text
    raw_sents = [(s.start_char, s.end_char) for s in doc.sents]
    sent_starts = [s for s, _ in raw_sents]
    mentions = tuple(_mentions(doc, sent_starts))
    quantities = tuple(extract_quantities(doc, mentions))
    tokens = int(len(doc) - doc.to_array([IS_SPACE]).sum()) if len(doc) else 0
    times = tuple(
        find_time_expressions(
            text, sent_starts, article.published, future_at=lambda i: _future_at(doc, i)
        )
    )
    return AnnotatedArticle(
        article=article,
        sentences=tuple(_strip(text, s, e) for s, e in raw_sents),
        mentions=mentions,
        quantities=quantities,
        tokens=tokens,
        times=times,
        events=tuple(extract_events(doc, mentions, times)),
    )


def _future_at(doc: Doc, offset: int) -> bool:
    """Whether the clause around ``offset`` speaks of the future ("will meet on
    Monday", "is scheduled to arrive on Monday")."""
    span = doc.char_span(offset, offset + 1, alignment_mode="expand")
    if span is None:
        return False
    cur = span.root
    for _ in range(8):
        if cur.pos_ in ("VERB", "AUX"):
            if any(c.dep_ == "aux" and c.lower_ in ("will", "shall", "'ll") for c in cur.children):
                return True
            if cur.dep_ == "xcomp" and cur.head.lemma_.lower() in ("schedule", "plan", "expect"):
                return True
        if cur.head is cur:
            return False
        cur = cur.head
    return False


def _strip(text: str, s: int, e: int) -> Sentence:
    """A sentence without surrounding whitespace (kept, even if empty, so that
    sentence indexes match ``doc.sents`` as extract_quantities counts them)."""
    piece = text[s:e]
    lead = len(piece) - len(piece.lstrip())
    if lead == len(piece):
        return Sentence(s, s)
    return Sentence(s + lead, s + len(piece.rstrip()))


def _overlaps(a: tuple[int, int], spans: Sequence[tuple[int, int]]) -> bool:
    return any(s < a[1] and a[0] < e for s, e in spans)


def _mentions(doc: Doc, sent_starts: list[int]) -> list[Mention]:
    text = doc.text
    rules = [Cand(r.start, r.end, r.label, "EQUIPMENT") for r in rule_spans(doc)]
    rule_ranges = [(r.start, r.end) for r in rules]
    cands = [c for c in retype_names(doc, spacy_candidates(doc))
             if not _overlaps((c.start, c.end), rule_ranges)]
    cands = _with_roles(text, cands, sent_starts)
    merged = sorted(rules + cands, key=lambda c: (c.start, -(c.end - c.start)))
    out: list[Mention] = []
    last_end = -1
    for c in merged:
        if c.start < last_end or c.end <= c.start:
            continue
        last_end = c.end
        sent = max(0, bisect.bisect_right(sent_starts, c.start) - 1)
        out.append(Mention(c.start, c.end, text[c.start:c.end], c.label, c.type, sent, c.role))
    return out


def _with_roles(text: str, cands: list[Cand], sent_starts: list[int]) -> list[Cand]:
    """Attach roles to persons; drop non-person candidates inside a role phrase."""
    role_spans: list[tuple[int, int]] = []
    by_end = {c.end: c for c in cands if c.label == "ORG"}
    out: list[Cand] = []
    for c in cands:
        if c.label != "PERSON":
            out.append(c)
            continue
        role: str | None = None
        lead = roles.leading_role(text[c.start:c.end])
        if lead is not None:
            role, offset = lead
            c = Cand(c.start + offset, c.end, c.label, c.type)
        if role is None:
            sent_start = sent_starts[max(0, bisect.bisect_right(sent_starts, c.start) - 1)]
            found = roles.role_before(text, c.start, sent_start)
            if found is not None:
                role = found.text
                role_spans.append((found.start, found.end))
                org = by_end.get(found.start - 1)
                if org is not None and text[org.end : found.start].isspace():
                    role = f"{text[org.start:org.end]} {role}"  # "Kremlin spokesperson"
        if role is None:
            role = roles.role_after(text, c.end)
        out.append(Cand(c.start, c.end, c.label, c.type, role))
    if not role_spans:
        return out
    return [c for c in out if c.label == "PERSON" or not _overlaps((c.start, c.end), role_spans)]


__all__ = ["annotate_articles", "annotate_doc", "annotate_text"]
