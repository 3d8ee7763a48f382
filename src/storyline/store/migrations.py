"""Numbered schema migrations; the store records which ones it has applied.

Append new migrations at the end, never edit an applied one: a store written by
an older Storyline is brought up to date step by step when it is opened.
"""

from __future__ import annotations

MIGRATIONS: tuple[tuple[int, str, str], ...] = (
    (
        1,
        "articles, annotations, stories, dossiers, runs",
        """
        CREATE TABLE articles (
            id              TEXT PRIMARY KEY,
            title           TEXT,
            source          TEXT,
            url             TEXT,
            published       TEXT,
            published_basis TEXT,
            language        TEXT,
            format          TEXT NOT NULL,
            origin          TEXT NOT NULL,
            text            TEXT NOT NULL,
            added_at        TEXT NOT NULL
        );
        CREATE TABLE annotations (
            article_id       TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            pipeline_version TEXT NOT NULL,
            data             TEXT NOT NULL,
            PRIMARY KEY (article_id, pipeline_version)
        );
        CREATE TABLE stories (
            id    TEXT PRIMARY KEY,
            title TEXT NOT NULL
        );
        CREATE TABLE story_articles (
            article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
            story_id   TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE
        );
        CREATE INDEX story_articles_story ON story_articles(story_id);
        CREATE TABLE dossiers (
            story_id         TEXT PRIMARY KEY REFERENCES stories(id) ON DELETE CASCADE,
            pipeline_version TEXT NOT NULL,
            data             TEXT NOT NULL
        );
        CREATE TABLE runs (
            id          INTEGER PRIMARY KEY,
            started_at  TEXT NOT NULL,
            finished_at TEXT,
            summary     TEXT
        );
        """,
    ),
    (
        2,
        "full-text index over article titles and text (FTS5), kept in sync by triggers",
        """
        CREATE VIRTUAL TABLE articles_fts USING fts5(
            title, text, content='articles', content_rowid='rowid',
            tokenize='unicode61 remove_diacritics 2'
        );
        CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
            INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
        END;
        CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
            INSERT INTO articles_fts(articles_fts, rowid, title, text)
            VALUES ('delete', old.rowid, old.title, old.text);
        END;
        CREATE TRIGGER articles_fts_update AFTER UPDATE ON articles BEGIN
            INSERT INTO articles_fts(articles_fts, rowid, title, text)
            VALUES ('delete', old.rowid, old.title, old.text);
            INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
        END;
        INSERT INTO articles_fts(articles_fts) VALUES ('rebuild');
        """,
    ),
    (
        3,
        "grouping features per article; the run that opened each story",
        """
        CREATE TABLE grouping_features (
            article_id       TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
            pipeline_version TEXT NOT NULL,
            data             TEXT NOT NULL
        );
        ALTER TABLE stories ADD COLUMN created_run INTEGER;
        """,
    ),
    (
        4,
        "full person names per article, so short forms resolve without reading annotations",
        """
        CREATE TABLE person_name_articles (
            article_id       TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
            pipeline_version TEXT NOT NULL
        );
        CREATE TABLE person_names (
            article_id TEXT NOT NULL
                REFERENCES person_name_articles(article_id) ON DELETE CASCADE,
            key        TEXT NOT NULL,
            surface    TEXT NOT NULL,
            n          INTEGER NOT NULL,
            PRIMARY KEY (article_id, key, surface)
        );
        """,
    ),
)
