"""Read-only queries over a store, for the web API and for Python callers.

Every connection is opened with ``mode=ro`` and ``query_only``, so nothing
served from here can change the store; SQLite's WAL lets these readers go on
while a ``storyline run`` writes into the same file (each query sees the last
committed state). One connection per thread: the web server answers from a
thread pool.
"""

from __future__ import annotations

import json
import re
import sqlite3
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

from storyline.analyse.cross_story import link_across_stories
from storyline.errors import StoreError
from storyline.store.migrations import MIGRATIONS

# The oldest schema the reader can serve: the full-text index came with migration 2.
NEEDS_SCHEMA = 2
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class Page:
    """One page of results and how many there are in all."""

    total: int
    items: list[dict[str, Any]]


def fts_query(text: str) -> str | None:
    """A user's words as an FTS5 query (each word quoted, all required); None if no word.

    Quoting every word keeps FTS5 operators and punctuation in the user's text
    from being read as query syntax.
    """
    words = _WORD.findall(text)
    return " ".join(f'"{w}"' for w in words) if words else None


def _like(text: str) -> str:
    escaped = text.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


class Reader:
    """Read-only access to one store file."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        if not self.path.is_file():
            raise StoreError(f"no store at {self.path}: give the --db FILE a run wrote")
        self._local = threading.local()
        versions = {r[0] for r in self.conn().execute("SELECT version FROM schema_migrations")}
        newest = max(v for v, _, _ in MIGRATIONS)
        if versions and max(versions) > newest:
            raise StoreError(f"store {self.path} was written by a newer Storyline; upgrade")
        if not versions or max(versions) < NEEDS_SCHEMA:
            raise StoreError(f"store {self.path} predates the search index; open it with a run")

    def conn(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            uri = f"file:{quote(str(self.path.resolve()))}?mode=ro"
            try:
                conn = sqlite3.connect(uri, uri=True, timeout=30, check_same_thread=False)
                conn.execute("PRAGMA query_only=ON")
            except sqlite3.Error as exc:
                raise StoreError(f"cannot open store {self.path}: {exc}") from exc
            self._local.conn = conn
        return conn

    # --------------------------------------------------------------- stories

    def stories(
        self,
        *,
        q: str | None = None,
        entity: str | None = None,
        date_from: str | None = None,
        date_to: str | None = None,
        limit: int = 50,
        offset: int = 0,
    ) -> Page:
        """Stories, newest first, filtered by words, an entity (name, alias or id) and dates."""
        where, args = [], []
        if q:
            match = fts_query(q)
            title_like = "lower(s.title) LIKE ? ESCAPE '\\'"
            if match:
                where.append(
                    f"({title_like} OR EXISTS (SELECT 1 FROM story_articles sa"
                    " JOIN articles a ON a.id = sa.article_id"
                    " WHERE sa.story_id = s.id AND a.rowid IN"
                    " (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)))"
                )
                args += [_like(q), match]
            else:
                where.append(title_like)
                args.append(_like(q))
        if entity:
            where.append(
                "EXISTS (SELECT 1 FROM json_each(d.data, '$.entities') e"
                " WHERE json_extract(e.value, '$.id') = ?"
                " OR lower(json_extract(e.value, '$.name')) LIKE ? ESCAPE '\\'"
                " OR lower(json_extract(e.value, '$.aliases')) LIKE ? ESCAPE '\\')"
            )
            args += [entity, _like(entity), _like(entity)]
        if date_from:
            where.append("last_date >= ?")
            args.append(date_from)
        if date_to:
            where.append("first_date <= ?")
            args.append(date_to)
        sql = (
            "SELECT * FROM (SELECT s.id, s.title, d.data,"
            " (SELECT min(a.published) FROM story_articles sa JOIN articles a"
            "  ON a.id = sa.article_id WHERE sa.story_id = s.id) AS first_date,"
            " (SELECT max(a.published) FROM story_articles sa JOIN articles a"
            "  ON a.id = sa.article_id WHERE sa.story_id = s.id) AS last_date"
            " FROM stories s JOIN dossiers d ON d.story_id = s.id) s"
        )
        # The outer query names the columns of the inner one; d.data is "data" there.
        conditions = " AND ".join(w.replace("d.data", "s.data") for w in where)
        if conditions:
            sql += " WHERE " + conditions
        conn = self.conn()
        total = conn.execute(f"SELECT count(*) FROM ({sql})", args).fetchone()[0]
        rows = conn.execute(
            "SELECT id, title, first_date, last_date,"
            " json_array_length(data, '$.articles'), json_array_length(data, '$.entities'),"
            " json_array_length(data, '$.claims'), json_array_length(data, '$.conflicts')"
            f" FROM ({sql}) ORDER BY last_date IS NULL, last_date DESC, id LIMIT ? OFFSET ?",
            [*args, limit, offset],
        ).fetchall()
        items = [
            {
                "id": r[0],
                "title": r[1],
                "first_published": r[2],
                "last_published": r[3],
                "articles": r[4],
                "entities": r[5],
                "claims": r[6],
                "conflicts": r[7],
            }
            for r in rows
        ]
        return Page(int(total), items)

    def dossier(self, story_id: str) -> dict[str, Any] | None:
        raw = self.dossier_json(story_id)
        return None if raw is None else dict(json.loads(raw))

    def dossier_json(self, story_id: str) -> str | None:
        """The dossier as stored (JSON text): served as is, without a parse."""
        sql = "SELECT data FROM dossiers WHERE story_id = ?"
        row = self.conn().execute(sql, (story_id,)).fetchone()
        return None if row is None else str(row[0])

    def all_dossiers(self) -> list[dict[str, Any]]:
        rows = self.conn().execute("SELECT data FROM dossiers ORDER BY story_id")
        return [json.loads(r[0]) for r in rows]

    # -------------------------------------------------------------- entities

    def entities(self, q: str | None = None, *, limit: int = 50, offset: int = 0) -> Page:
        """Entities across stories (one id is the same entity in every story), by name or alias."""
        sql = "SELECT d.story_id, e.value FROM dossiers d, json_each(d.data, '$.entities') e"
        args: list[Any] = []
        if q:
            sql += (
                " WHERE lower(json_extract(e.value, '$.name')) LIKE ? ESCAPE '\\'"
                " OR lower(json_extract(e.value, '$.aliases')) LIKE ? ESCAPE '\\'"
            )
            args += [_like(q), _like(q)]
        merged: dict[str, dict[str, Any]] = {}
        rows = [(story_id, json.loads(raw)) for story_id, raw in
                self.conn().execute(sql + " ORDER BY d.story_id", args)]
        # One id is one entity across stories only where the names are full and
        # the roles agree (analyse/cross_story.py); a bare surname stays per story.
        link = link_across_stories(_entities_by_story(rows))
        for story_id, e in rows:
            item = merged.setdefault(
                link[(story_id, e["id"])],
                {
                    "id": e["id"],
                    "name": e["name"],
                    "type": e["type"],
                    "aliases": [],
                    "lat": e.get("lat"),
                    "lon": e.get("lon"),
                    "mentions": 0,
                    "stories": [],
                },
            )
            item["aliases"] = sorted(set(item["aliases"]) | set(e.get("aliases") or []))
            item["mentions"] += len(e.get("mentions") or [])
            item["stories"].append(story_id)
        items = sorted(merged.values(), key=lambda x: (-x["mentions"], x["name"].lower(), x["id"]))
        return Page(len(items), items[offset : offset + limit])

    # ---------------------------------------------------------------- claims

    def claims(
        self,
        status: str | None = None,
        *,
        story: str | None = None,
        limit: int = 50,
        offset: int = 0,
    ) -> Page:
        """Claims across stories, optionally of one status or one story."""
        sql = "FROM dossiers d, json_each(d.data, '$.claims') c WHERE 1=1"
        args: list[Any] = []
        if status:
            sql += " AND json_extract(c.value, '$.status') = ?"
            args.append(status)
        if story:
            sql += " AND d.story_id = ?"
            args.append(story)
        conn = self.conn()
        total = conn.execute(f"SELECT count(*) {sql}", args).fetchone()[0]
        rows = conn.execute(
            f"SELECT d.story_id, c.value {sql} ORDER BY d.story_id, c.key LIMIT ? OFFSET ?",
            [*args, limit, offset],
        )
        return Page(int(total), [{"story": sid, **json.loads(raw)} for sid, raw in rows])

    # ---------------------------------------------------------------- search

    def search(self, q: str, *, limit: int = 20, offset: int = 0) -> Page:
        """Articles matching every word of ``q`` (FTS5, best first), with a snippet and story."""
        match = fts_query(q)
        if match is None:
            return Page(0, [])
        conn = self.conn()
        total = conn.execute(
            "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?", (match,)
        ).fetchone()[0]
        rows = conn.execute(
            "SELECT a.id, a.title, a.source, a.published, sa.story_id,"
            " snippet(articles_fts, 1, '[', ']', '…', 16), bm25(articles_fts)"
            " FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid"
            " LEFT JOIN story_articles sa ON sa.article_id = a.id"
            " WHERE articles_fts MATCH ? ORDER BY bm25(articles_fts), a.id LIMIT ? OFFSET ?",
            (match, limit, offset),
        )
        items = [
            {
                "article": r[0],
                "title": r[1],
                "source": r[2],
                "published": r[3],
                "story": r[4],
                "snippet": r[5],
                "score": round(-float(r[6]), 4),
            }
            for r in rows
        ]
        return Page(int(total), items)


@dataclass(frozen=True)
class _LinkedEntity:
    id: str
    name: str
    type: str
    roles: tuple[str, ...]


def _entities_by_story(rows: list[tuple[str, dict[str, Any]]]) -> dict[str, list[_LinkedEntity]]:
    out: dict[str, list[_LinkedEntity]] = {}
    for story_id, e in rows:
        out.setdefault(story_id, []).append(_LinkedEntity(
            e["id"], e.get("name") or "", e.get("type") or "OTHER",
            tuple(e.get("roles") or ())))
    return out
