"""Storyline's public Python API: everything the CLI (and later the web API) does.

    from storyline.api import run
    summary = run(["articles/"], out="build/out")

A run streams the inputs through ingest and annotation into the store, one
transaction per batch, then groups the new articles into stories (joining
stored ones or opening new ones), rebuilds the dossiers of the stories that
changed and writes the dossier of every stored story.
"""

from __future__ import annotations

import itertools
import json
import os
import re
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from storyline.analyse.dossier import build_dossier
from storyline.analyse.known_names import (
    KnownNames,
    known_names_from_counts,
    person_name_forms,
)
from storyline.errors import NothingReadable, OutputError, StoreError, UsageError
from storyline.ingest import read_inputs
from storyline.model import AnnotatedArticle, Article, Skipped, Story
from storyline.nlp.annotate import annotate_articles
from storyline.render.html import dossier_to_html, index_to_html, write_assets
from storyline.render.json import dossier_to_dict
from storyline.render.markdown import dossier_to_markdown
from storyline.store.sqlite import Store
from storyline.stories.features import GroupingFeatures, grouping_features
from storyline.stories.incremental import regroup
from storyline.version import ANALYSIS_VERSION, PIPELINE_VERSION, SCHEMA_VERSION

# Below this many new articles, starting worker processes costs more than it saves.
PARALLEL_MIN_ARTICLES = 64

_STORY_FILE = re.compile(r"^s[0-9a-f]{16}\.(json|md|html)$")


@dataclass
class RunSummary:
    """What a run did; ``to_dict`` is the ``--json`` output."""

    db: str
    out: str | None
    articles_read: int = 0
    articles_added: int = 0
    duplicates: int = 0
    articles_total: int = 0
    stories: int = 0
    entities: int = 0
    claims: int = 0
    conflicts: int = 0
    skipped: list[Skipped] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "db": self.db,
            "out": self.out,
            "articles_read": self.articles_read,
            "articles_added": self.articles_added,
            "duplicates": self.duplicates,
            "articles_total": self.articles_total,
            "stories": self.stories,
            "entities": self.entities,
            "claims": self.claims,
            "conflicts": self.conflicts,
            "skipped": [{"input": s.where, "reason": s.reason} for s in self.skipped],
        }


@dataclass
class Hooks:
    """Callbacks a front end uses to show progress; all optional."""

    on_article: Callable[[Article], None] | None = None
    on_skip: Callable[[Skipped], None] | None = None
    on_stage: Callable[[str], None] | None = None


def default_workers() -> int:
    return min(2, os.cpu_count() or 1)


def ingest(
    inputs: Sequence[str],
    store: Store,
    summary: RunSummary,
    *,
    workers: int | None = None,
    batch_size: int = 32,
    stdin: BinaryIO | None = None,
    hooks: Hooks | None = None,
) -> None:
    """Read, annotate and store every new article; one store transaction per batch."""
    hooks = hooks or Hooks()
    known = store.annotated_ids(PIPELINE_VERSION)

    def new_articles() -> Iterator[Article]:
        for item in read_inputs(inputs, stdin=stdin):
            if isinstance(item, Skipped):
                summary.skipped.append(item)
                if hooks.on_skip:
                    hooks.on_skip(item)
                continue
            summary.articles_read += 1
            if hooks.on_article:
                hooks.on_article(item)
            if item.id in known:
                summary.duplicates += 1
                continue
            known.add(item.id)
            yield item

    def stale_articles() -> Iterator[Article]:
        # Stored by an earlier Storyline whose annotation code differed: redo them,
        # so every story is built from annotations of one version.
        for article in store.unannotated_articles(PIPELINE_VERSION):
            if article.id not in known:
                known.add(article.id)
                yield article

    stream = itertools.chain(new_articles(), stale_articles())
    head = list(itertools.islice(stream, PARALLEL_MIN_ARTICLES))
    n_process = workers or default_workers()
    if len(head) < PARALLEL_MIN_ARTICLES:
        n_process = 1
    def failed(article: Article, exc: Exception) -> None:
        skip = Skipped(article.origin, f"annotation failed ({type(exc).__name__}: {exc})")
        summary.skipped.append(skip)
        if hooks.on_skip:
            hooks.on_skip(skip)

    annotated = annotate_articles(
        itertools.chain(head, stream),
        n_process=n_process,
        batch_size=batch_size,
        on_error=failed,
    )
    for batch in _batched(annotated, batch_size):
        summary.articles_added += store.add_annotated(batch, PIPELINE_VERSION)


def _batched(items: Iterable[AnnotatedArticle], size: int) -> Iterator[list[AnnotatedArticle]]:
    it = iter(items)
    while batch := list(itertools.islice(it, size)):
        yield batch


def analyse(store: Store, run_id: int | None = None) -> list[dict[str, Any]]:
    """Group the new articles into stories and rebuild the dossiers of the stories
    that changed (``stories/incremental.py``); return every stored story's dossier.

    The first run, and any run after the analysis code changed, regroups all
    articles and rebuilds every dossier, handing the stored story ids on.
    """
    feats = _grouping_features(store)
    full = store.has_stale_dossiers(ANALYSIS_VERSION)
    plan = regroup(
        feats, store.story_members(), store.story_created_runs(), full=full
    )
    # Full person names known anywhere in the store, so a short form gets the same
    # entity id in every story: read from the store's per-article name index.
    known = known_store_names(store)
    rows = []
    for sid in sorted(plan.changed):
        members = list(store.annotated_articles_for(plan.stories[sid], PIPELINE_VERSION))
        members.sort(key=lambda a: (a.article.published or "", a.article.id))
        story = Story(id=sid, article_ids=tuple(a.article.id for a in members))
        d = dossier_to_dict(build_dossier(story, members, known))
        rows.append((story, d["story"]["title"], d))
    store.update_stories(rows, plan.removed, ANALYSIS_VERSION, run_id)
    return list(store.dossiers())


def known_store_names(store: Store) -> KnownNames:
    """Full person names of the whole store, indexing first the articles not yet
    indexed (new ones, or all of them after a pipeline upgrade): each run reads
    only the new articles' annotations and the small name table."""
    pending = store.person_names_pending(PIPELINE_VERSION)
    if pending:
        rows = [
            (a.article.id, person_name_forms(a))
            for a in store.annotated_articles_for(pending, PIPELINE_VERSION)
        ]
        store.add_person_names(rows, PIPELINE_VERSION)
    return known_names_from_counts(store.person_name_counts(PIPELINE_VERSION))


def _grouping_features(store: Store) -> list[GroupingFeatures]:
    """Every annotated article's grouping features, computing those not yet stored."""
    rows = store.grouping_feature_rows(ANALYSIS_VERSION)
    annotated = store.annotated_ids(PIPELINE_VERSION)
    fresh = [
        (a.article.id, grouping_features(a).to_dict())
        for a in store.annotated_articles_for(annotated - rows.keys(), PIPELINE_VERSION)
    ]
    if fresh:
        store.add_grouping_features(fresh, ANALYSIS_VERSION)
        rows.update(fresh)
    return [GroupingFeatures.from_dict(rows[aid]) for aid in sorted(annotated)]


def write_outputs(dossiers: Sequence[dict[str, Any]], out: str | Path) -> Path:
    """Write index.json/.html, each story's JSON, Markdown and HTML; drop stale story files."""
    try:
        return _write_outputs(dossiers, Path(out))
    except OSError as exc:
        raise OutputError(f"cannot write dossiers to {out}: {exc.strerror or exc}") from exc


def _write_outputs(dossiers: Sequence[dict[str, Any]], out: Path) -> Path:
    out.mkdir(parents=True, exist_ok=True)
    keep: set[str] = set()
    index = []
    for d in dossiers:
        sid = d["story"]["id"]
        _write_text(out / f"{sid}.json", json.dumps(d, ensure_ascii=False, indent=2) + "\n")
        _write_text(out / f"{sid}.md", dossier_to_markdown(d))
        _write_text(out / f"{sid}.html", dossier_to_html(d))
        keep.update({f"{sid}.json", f"{sid}.md", f"{sid}.html"})
        index.append(
            {
                "id": sid,
                "title": d["story"]["title"],
                "article_count": len(d["articles"]),
                "file": f"{sid}.json",
                "markdown": f"{sid}.md",
                "html": f"{sid}.html",
            }
        )
    for stale in out.iterdir():
        if _STORY_FILE.match(stale.name) and stale.name not in keep:
            stale.unlink()
    write_assets(out)
    _write_text(out / "index.html", index_to_html(dossiers))
    _write_text(
        out / "index.json",
        json.dumps({"schema_version": SCHEMA_VERSION, "stories": index}, indent=2) + "\n",
    )
    return out


def _write_text(path: Path, text: str) -> None:
    # Write then rename, so a reader never sees half a dossier.
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)


def run(
    inputs: Sequence[str],
    out: str | Path | None,
    db: str | Path | None = None,
    *,
    workers: int | None = None,
    batch_size: int = 32,
    stdin: BinaryIO | None = None,
    hooks: Hooks | None = None,
) -> RunSummary:
    """Add ``inputs`` to the store, then write the dossiers of every stored story to ``out``."""
    if not inputs:
        raise UsageError("no input given: name files, folders, or - for stdin")
    if db is None:
        if out is None:
            raise UsageError("give --out DIR or --db FILE")
        db = Path(out) / "storyline.db"
    if out is not None and Path(out).exists() and not Path(out).is_dir():
        raise UsageError(f"--out {out} is a file; give a folder for the dossiers")
    hooks = hooks or Hooks()
    summary = RunSummary(db=str(db), out=None if out is None else str(out))
    try:
        _run_into(Store(db), inputs, out, summary, workers, batch_size, stdin, hooks)
    except sqlite3.Error as exc:
        # Locked by another writer past the timeout, disk full, file damaged…
        raise StoreError(f"store {db}: {exc}") from exc
    return summary


def _run_into(
    store: Store,
    inputs: Sequence[str],
    out: str | Path | None,
    summary: RunSummary,
    workers: int | None,
    batch_size: int,
    stdin: BinaryIO | None,
    hooks: Hooks,
) -> None:
    with store:
        run_id = store.start_run()
        ingest(
            inputs,
            store,
            summary,
            workers=workers,
            batch_size=batch_size,
            stdin=stdin,
            hooks=hooks,
        )
        if summary.articles_read == 0:
            store.finish_run(run_id, summary.to_dict())
            why = f"all {len(summary.skipped)} skipped" if summary.skipped else "no article files"
            raise NothingReadable(f"nothing readable in {', '.join(inputs)} ({why})")
        if hooks.on_stage:
            hooks.on_stage("grouping and analysing stories")
        dossiers = analyse(store, run_id)
        summary.articles_total = store.count_articles()
        summary.stories = len(dossiers)
        summary.entities = sum(len(d["entities"]) for d in dossiers)
        summary.claims = sum(len(d["claims"]) for d in dossiers)
        summary.conflicts = sum(len(d["conflicts"]) for d in dossiers)
        if out is not None:
            if hooks.on_stage:
                hooks.on_stage("writing dossiers")
            write_outputs(dossiers, out)
        store.finish_run(run_id, summary.to_dict())
