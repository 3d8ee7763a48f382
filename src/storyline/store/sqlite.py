"""The SQLite store: one file, WAL, foreign keys on, migrations tracked in a table.

Writes happen in explicit transactions (one per batch), so a crash loses at
most the batch in flight; articles are keyed by content hash, so a re-run adds
nothing it already has.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from storyline.errors import StoreError
from storyline.model import AnnotatedArticle, Article, Story
from storyline.store.migrations import MIGRATIONS


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class Store:
    """A Storyline store in one SQLite file."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            # isolation_level=None: we issue BEGIN/COMMIT ourselves, one per batch.
            self.conn = sqlite3.connect(str(self.path), isolation_level=None, timeout=30)
            self.conn.execute("PRAGMA journal_mode=WAL")
            self.conn.execute("PRAGMA foreign_keys=ON")
            self.conn.execute("PRAGMA synchronous=NORMAL")
            self._migrate()
        except (sqlite3.Error, OSError) as exc:
            raise StoreError(f"cannot open store {self.path}: {exc}") from exc

    # ---------------------------------------------------------------- basics

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    def _migrate(self) -> None:
        self.conn.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations ("
            " version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
        )
        done = {row[0] for row in self.conn.execute("SELECT version FROM schema_migrations")}
        newest = max((v for v, _, _ in MIGRATIONS), default=0)
        if done and max(done) > newest:
            raise StoreError(
                f"store {self.path} was written by a newer Storyline "
                f"(schema {max(done)} > {newest}); upgrade Storyline to read it"
            )
        for version, name, sql in MIGRATIONS:
            if version in done:
                continue
            with self.transaction() as conn:
                for statement in _statements(sql):
                    conn.execute(statement)
                conn.execute(
                    "INSERT INTO schema_migrations(version, name, applied_at) VALUES (?, ?, ?)",
                    (version, name, _now()),
                )

    def schema_versions(self) -> list[int]:
        return [r[0] for r in self.conn.execute("SELECT version FROM schema_migrations ORDER BY 1")]

    # -------------------------------------------------------------- articles

    def annotated_ids(self, pipeline_version: str) -> set[str]:
        rows = self.conn.execute(
            "SELECT article_id FROM annotations WHERE pipeline_version = ?", (pipeline_version,)
        )
        return {r[0] for r in rows}

    def add_annotated(self, batch: Sequence[AnnotatedArticle], pipeline_version: str) -> int:
        """Store a batch of articles with their annotations in one transaction.

        Returns how many articles were new.  An article already stored keeps its
        first-seen metadata: its id is its text, so only the annotation can change.
        """
        added = 0
        with self.transaction() as conn:
            for ann in batch:
                a = ann.article
                cur = conn.execute(
                    "INSERT OR IGNORE INTO articles(id, title, source, url, published,"
                    " published_basis, language, format, origin, text, added_at)"
                    " VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                    (
                        a.id,
                        a.title,
                        a.source,
                        a.url,
                        a.published,
                        a.published_basis,
                        a.language,
                        a.format,
                        a.origin,
                        a.text,
                        _now(),
                    ),
                )
                added += cur.rowcount
                data = ann.to_dict()
                # The article itself lives in its own table; don't store it twice.
                del data["article"]
                conn.execute(
                    "INSERT OR REPLACE INTO annotations(article_id, pipeline_version, data)"
                    " VALUES (?,?,?)",
                    (a.id, pipeline_version, json.dumps(data, separators=(",", ":"))),
                )
                # An annotation of an older pipeline is superseded, not kept beside it.
                conn.execute(
                    "DELETE FROM annotations WHERE article_id = ? AND pipeline_version != ?",
                    (a.id, pipeline_version),
                )
        return added

    def unannotated_articles(self, pipeline_version: str) -> Iterator[Article]:
        """Stored articles with no annotation of this pipeline version (after an upgrade)."""
        rows = self.conn.execute(
            f"SELECT {_ARTICLE_COLS} FROM articles a WHERE NOT EXISTS ("
            " SELECT 1 FROM annotations n WHERE n.article_id = a.id"
            " AND n.pipeline_version = ?) ORDER BY a.id",
            (pipeline_version,),
        )
        # Materialised: the caller writes to the store while it works through them.
        yield from [_article(row) for row in rows]

    def count_articles(self) -> int:
        return int(self.conn.execute("SELECT count(*) FROM articles").fetchone()[0])

    def articles(self) -> Iterator[Article]:
        for row in self.conn.execute(f"SELECT {_ARTICLE_COLS} FROM articles a ORDER BY a.id"):
            yield _article(row)

    def annotated_articles(self, pipeline_version: str) -> Iterator[AnnotatedArticle]:
        rows = self.conn.execute(
            f"SELECT {_ARTICLE_COLS}, n.data FROM articles a JOIN annotations n"
            " ON n.article_id = a.id AND n.pipeline_version = ? ORDER BY a.id",
            (pipeline_version,),
        )
        for row in rows:
            data = json.loads(row[-1])
            data["article"] = _article(row[:-1]).to_dict()
            yield AnnotatedArticle.from_dict(data)

    # --------------------------------------------------------------- stories

    def replace_stories(
        self, stories: Iterable[tuple[Story, str, dict[str, Any]]], pipeline_version: str
    ) -> None:
        """Replace the story grouping and dossiers with a new set, atomically."""
        with self.transaction() as conn:
            conn.execute("DELETE FROM dossiers")
            conn.execute("DELETE FROM story_articles")
            conn.execute("DELETE FROM stories")
            for story, title, dossier in stories:
                conn.execute("INSERT INTO stories(id, title) VALUES (?, ?)", (story.id, title))
                conn.executemany(
                    "INSERT INTO story_articles(article_id, story_id) VALUES (?, ?)",
                    [(aid, story.id) for aid in story.article_ids],
                )
                conn.execute(
                    "INSERT INTO dossiers(story_id, pipeline_version, data) VALUES (?, ?, ?)",
                    (story.id, pipeline_version, json.dumps(dossier, ensure_ascii=False)),
                )

    def dossiers(self) -> Iterator[dict[str, Any]]:
        for (data,) in self.conn.execute("SELECT data FROM dossiers ORDER BY story_id"):
            yield json.loads(data)

    def count_stories(self) -> int:
        return int(self.conn.execute("SELECT count(*) FROM stories").fetchone()[0])

    # ------------------------------------------------- incremental grouping

    def grouping_feature_rows(self, pipeline_version: str) -> dict[str, dict[str, Any]]:
        """Stored grouping features of this pipeline version, by article id."""
        rows = self.conn.execute(
            "SELECT article_id, data FROM grouping_features WHERE pipeline_version = ?",
            (pipeline_version,),
        )
        return {aid: json.loads(data) for aid, data in rows}

    def add_grouping_features(
        self, rows: Iterable[tuple[str, dict[str, Any]]], pipeline_version: str
    ) -> None:
        with self.transaction() as conn:
            conn.executemany(
                "INSERT OR REPLACE INTO grouping_features(article_id, pipeline_version, data)"
                " VALUES (?, ?, ?)",
                [(aid, pipeline_version, json.dumps(d, separators=(",", ":"))) for aid, d in rows],
            )

    def annotated_articles_for(
        self, ids: Iterable[str], pipeline_version: str
    ) -> Iterator[AnnotatedArticle]:
        """The annotated articles with these ids (those stored), in id order."""
        wanted = sorted(set(ids))
        for k in range(0, len(wanted), 500):
            chunk = wanted[k : k + 500]
            marks = ",".join("?" * len(chunk))
            rows = self.conn.execute(
                f"SELECT {_ARTICLE_COLS}, n.data FROM articles a JOIN annotations n"
                f" ON n.article_id = a.id AND n.pipeline_version = ? WHERE a.id IN ({marks})"
                " ORDER BY a.id",
                (pipeline_version, *chunk),
            )
            for row in rows:
                data = json.loads(row[-1])
                data["article"] = _article(row[:-1]).to_dict()
                yield AnnotatedArticle.from_dict(data)

    # ------------------------------------------------ known person names

    def person_names_pending(self, pipeline_version: str) -> set[str]:
        """Annotated articles whose full person names are not indexed for this version."""
        rows = self.conn.execute(
            "SELECT n.article_id FROM annotations n LEFT JOIN person_name_articles p"
            " ON p.article_id = n.article_id AND p.pipeline_version = n.pipeline_version"
            " WHERE n.pipeline_version = ? AND p.article_id IS NULL",
            (pipeline_version,),
        )
        return {r[0] for r in rows}

    def add_person_names(
        self,
        rows: Iterable[tuple[str, Iterable[tuple[str, str, int]]]],
        pipeline_version: str,
    ) -> None:
        """Index each article's full person names as ``(key, display form, count)``,
        replacing what an older pipeline version indexed for it."""
        with self.transaction() as conn:
            for aid, names in rows:
                conn.execute("DELETE FROM person_name_articles WHERE article_id = ?", (aid,))
                conn.execute(
                    "INSERT INTO person_name_articles(article_id, pipeline_version) VALUES (?, ?)",
                    (aid, pipeline_version),
                )
                conn.executemany(
                    "INSERT INTO person_names(article_id, key, surface, n) VALUES (?, ?, ?, ?)",
                    [(aid, key, surface, n) for key, surface, n in names],
                )

    def person_name_counts(self, pipeline_version: str) -> Iterator[tuple[str, str, int]]:
        """``(key, display form, count)`` over every indexed article of this version."""
        rows = self.conn.execute(
            "SELECT n.key, n.surface, sum(n.n) FROM person_names n JOIN person_name_articles p"
            " ON p.article_id = n.article_id WHERE p.pipeline_version = ?"
            " GROUP BY n.key, n.surface ORDER BY n.key, n.surface",
            (pipeline_version,),
        )
        for key, surface, n in rows:
            yield str(key), str(surface), int(n)

    def story_members(self) -> dict[str, list[str]]:
        """Every stored story's article ids."""
        members: dict[str, list[str]] = {
            sid: [] for (sid,) in self.conn.execute("SELECT id FROM stories")
        }
        for aid, sid in self.conn.execute(
            "SELECT article_id, story_id FROM story_articles ORDER BY article_id"
        ):
            members.setdefault(sid, []).append(aid)
        return members

    def story_created_runs(self) -> dict[str, int]:
        rows = self.conn.execute("SELECT id, created_run FROM stories")
        return {sid: run for sid, run in rows if run is not None}

    def has_stale_dossiers(self, pipeline_version: str) -> bool:
        """True when a stored dossier was built by another pipeline version."""
        row = self.conn.execute(
            "SELECT 1 FROM dossiers WHERE pipeline_version != ? LIMIT 1", (pipeline_version,)
        ).fetchone()
        return row is not None

    def update_stories(
        self,
        stories: Iterable[tuple[Story, str, dict[str, Any]]],
        removed: Iterable[str],
        pipeline_version: str,
        run_id: int | None = None,
    ) -> None:
        """Write the stories whose articles changed and drop ``removed`` ones, atomically.

        A story that already exists keeps the run that opened it; a new one
        records ``run_id``.  Untouched stories and their dossiers stay as stored.
        """
        with self.transaction() as conn:
            for sid in removed:
                # Cascades to its story_articles and dossier rows.
                conn.execute("DELETE FROM stories WHERE id = ?", (sid,))
            for story, title, dossier in stories:
                conn.execute(
                    "INSERT INTO stories(id, title, created_run) VALUES (?, ?, ?)"
                    " ON CONFLICT(id) DO UPDATE SET title = excluded.title",
                    (story.id, title, run_id),
                )
                conn.execute("DELETE FROM story_articles WHERE story_id = ?", (story.id,))
                # An article that moved here leaves its former story.
                conn.executemany(
                    "INSERT OR REPLACE INTO story_articles(article_id, story_id) VALUES (?, ?)",
                    [(aid, story.id) for aid in story.article_ids],
                )
                conn.execute(
                    "INSERT OR REPLACE INTO dossiers(story_id, pipeline_version, data)"
                    " VALUES (?, ?, ?)",
                    (story.id, pipeline_version, json.dumps(dossier, ensure_ascii=False)),
                )

    # ------------------------------------------------------------------ runs

    def start_run(self) -> int:
        with self.transaction() as conn:
            cur = conn.execute("INSERT INTO runs(started_at) VALUES (?)", (_now(),))
        return int(cur.lastrowid or 0)

    def finish_run(self, run_id: int, summary: dict[str, Any]) -> None:
        with self.transaction() as conn:
            conn.execute(
                "UPDATE runs SET finished_at = ?, summary = ? WHERE id = ?",
                (_now(), json.dumps(summary), run_id),
            )


def _statements(sql: str) -> Iterator[str]:
    """Split a migration into statements; a trigger body's inner ``;`` does not end one."""
    pending = ""
    for piece in sql.split(";"):
        pending += piece + ";"
        if sqlite3.complete_statement(pending):
            if pending.strip(" \n;"):
                yield pending
            pending = ""
    if pending.strip(" \n;"):
        yield pending


_COLUMNS = (
    "id",
    "title",
    "source",
    "url",
    "published",
    "published_basis",
    "language",
    "format",
    "origin",
    "text",
)
_ARTICLE_COLS = ", ".join(f"a.{c}" for c in _COLUMNS)


def _article(row: Sequence[Any]) -> Article:
    return Article(**dict(zip(_COLUMNS, row, strict=True)))
