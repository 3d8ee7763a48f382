"""The SQLite store: schema, migrations, batches, idempotence."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from storyline.errors import StoreError
from storyline.model import AnnotatedArticle, Article, Mention, Sentence, Story, article_id
from storyline.store.migrations import MIGRATIONS
from storyline.store.sqlite import Store


def _annotated(text: str, title: str = "T") -> AnnotatedArticle:
    art = Article(id=article_id(text), text=text, title=title, published="2026-03-10")
    return AnnotatedArticle(
        article=art,
        sentences=(Sentence(0, len(text)),),
        mentions=(Mention(0, 5, text[:5], "PERSON", "PERSON", 0, role="Minister"),),
        tokens=3,
    )


def test_new_store_is_wal_with_foreign_keys_and_migrations(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as store:
        assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert store.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert store.schema_versions() == [v for v, _, _ in MIGRATIONS]


def test_reopening_does_not_reapply_migrations(tmp_path: Path) -> None:
    Store(tmp_path / "s.db").close()
    with Store(tmp_path / "s.db") as store:
        rows = store.conn.execute("SELECT count(*) FROM schema_migrations").fetchone()[0]
        assert rows == len(MIGRATIONS)


def test_annotations_round_trip_and_adding_twice_adds_nothing(tmp_path: Path) -> None:
    a = _annotated("Alice Smith arrived in Lisbon on Tuesday.")
    with Store(tmp_path / "s.db") as store:
        assert store.add_annotated([a], "v1") == 1
        assert store.add_annotated([a], "v1") == 0
        assert store.count_articles() == 1
        (back,) = store.annotated_articles("v1")
        assert back == a
        assert store.annotated_ids("v1") == {a.article.id}
        assert store.annotated_ids("v2") == set()


def test_failed_batch_leaves_store_untouched(tmp_path: Path) -> None:
    good = _annotated("A first article about a harbour.")
    with Store(tmp_path / "s.db") as store:
        store.add_annotated([good], "v1")

        class Boom(Exception):
            pass

        with pytest.raises(Boom), store.transaction() as conn:
            conn.execute("DELETE FROM annotations")
            raise Boom
        assert store.annotated_ids("v1") == {good.article.id}


def test_replace_stories_is_atomic_and_enforces_foreign_keys(tmp_path: Path) -> None:
    a = _annotated("A report on a bridge.")
    with Store(tmp_path / "s.db") as store:
        store.add_annotated([a], "v1")
        story = Story(id="s0000000000000001", article_ids=(a.article.id,))
        store.replace_stories([(story, "Bridge", {"story": {"id": story.id}})], "v1")
        assert store.count_stories() == 1
        missing = Story(id="s0000000000000002", article_ids=("a-not-stored",))
        with pytest.raises(sqlite3.IntegrityError):
            store.replace_stories([(missing, "Ghost", {})], "v1")
        # The failed replacement rolled back: the old grouping is still there.
        assert [d["story"]["id"] for d in store.dossiers()] == [story.id]


def test_a_file_that_is_not_a_store_is_a_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "notes.db"
    bad.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match=r"cannot open store .*notes\.db"):
        Store(bad)


def test_a_store_from_a_newer_version_is_refused(tmp_path: Path) -> None:
    Store(tmp_path / "s.db").close()
    conn = sqlite3.connect(tmp_path / "s.db")
    conn.execute("INSERT INTO schema_migrations VALUES (999, 'future', 'x')")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="newer Storyline"):
        Store(tmp_path / "s.db")


def test_a_new_pipeline_version_supersedes_and_lists_what_to_redo(tmp_path: Path) -> None:
    a = _annotated("An article annotated by an older Storyline.")
    b = _annotated("An article already annotated by this one.")
    with Store(tmp_path / "s.db") as store:
        store.add_annotated([a, b], "old")
        store.add_annotated([b], "new")
        assert [x.id for x in store.unannotated_articles("new")] == [a.article.id]
        assert store.annotated_ids("old") == {a.article.id}
        store.add_annotated([a], "new")
        assert list(store.unannotated_articles("new")) == []
        assert store.annotated_ids("old") == set()
