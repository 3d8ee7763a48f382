"""The web API over a store made from hand-built dossiers (no spaCy needed)."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import time
import warnings
from pathlib import Path
from typing import Any

import pytest
from starlette.exceptions import StarletteDeprecationWarning

from storyline.errors import StoreError
from storyline.store.migrations import MIGRATIONS
from storyline.store.reader import Reader, fts_query
from storyline.store.sqlite import Store
from storyline.web import prepare_store
from storyline.web.app import create_app
from tests.conftest import ROOT, check_dossier
from tests.report_fixtures import SID, big_dossier, located_dossier, store_with

with warnings.catch_warnings():
    # Starlette asks for httpx2 in the test client; httpx still works and is what we pin.
    warnings.simplefilter("ignore", StarletteDeprecationWarning)
    from fastapi.testclient import TestClient

BIG = "s0000000000000b16"


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("api") / "store.db"
    store_with(path, [located_dossier(), big_dossier(n_entities=40, n_claims=120)])
    return path


@pytest.fixture(scope="module")
def client(db: Path) -> TestClient:
    return TestClient(create_app(db))


def _error(r: Any, status: int) -> dict[str, Any]:
    """Every error has the same shape; returns its body."""
    assert r.status_code == status, r.text
    assert r.headers["content-type"].startswith("application/json")
    body = r.json()
    assert set(body) == {"error"}
    assert set(body["error"]) == {"status", "code", "message", "details"}
    assert body["error"]["status"] == status
    assert isinstance(body["error"]["message"], str) and body["error"]["message"]
    return dict(body["error"])


def test_stories_are_paginated_and_filtered(client: TestClient) -> None:
    r = client.get("/stories", params={"limit": 1})
    assert r.status_code == 200
    page = r.json()
    assert page["total"] == 2 and page["limit"] == 1 and len(page["items"]) == 1
    # Most recent first: the ferry story (March 2026) before the generated one (January).
    assert page["items"][0]["id"] == SID
    assert page["items"][0]["claims"] == 3 and page["items"][0]["articles"] == 2
    second = client.get("/stories", params={"limit": 1, "offset": 1}).json()
    assert second["items"][0]["id"] == BIG
    assert client.get("/stories", params={"q": "lifeboats"}).json()["total"] == 1
    assert client.get("/stories", params={"q": "ferry"}).json()["items"][0]["id"] == SID
    assert client.get("/stories", params={"entity": "rojas"}).json()["total"] == 1
    assert client.get("/stories", params={"entity": "nobody at all"}).json()["total"] == 0
    assert client.get("/stories", params={"from": "2026-02-01"}).json()["total"] == 1
    assert client.get("/stories", params={"to": "2026-02-01"}).json()["items"][0]["id"] == BIG
    # FTS syntax in the user's words is not an error.
    assert client.get("/stories", params={"q": 'ferry" OR NEAR('}).status_code == 200


def test_story_is_the_dossier_and_report_is_safe_html(client: TestClient) -> None:
    d = client.get(f"/stories/{SID}").json()
    check_dossier(d)
    assert d == located_dossier()
    r = client.get(f"/stories/{SID}/report")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    csp = r.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert '<script src="/assets/report.js" defer></script>' in r.text
    js = client.get("/assets/report.js")
    assert js.status_code == 200 and "storyline-data" in js.text
    _error(client.get("/assets/..%2Fhtml.py"), 404)
    home = client.get("/")
    assert f'href="/stories/{SID}/report"' in home.text


def test_entities_claims_and_search(client: TestClient) -> None:
    ents = client.get("/entities", params={"q": "valpar"}).json()
    assert [e["name"] for e in ents["items"]] == ["Valparaíso"]
    assert ents["items"][0]["stories"] == [SID] and ents["items"][0]["lat"] == -33.047
    assert client.get("/entities", params={"q": "rojas"}).json()["items"][0]["aliases"] == ["Rojas"]
    conflicting = client.get("/claims", params={"status": "conflicting", "limit": 200}).json()
    assert conflicting["total"] == 2 + 30  # the ferry's two and every 4th generated claim
    assert all(c["status"] == "conflicting" for c in conflicting["items"])
    assert {c["story"] for c in conflicting["items"]} == {SID, BIG}
    mine = client.get("/claims", params={"story": SID}).json()
    assert mine["total"] == 3
    hits = client.get("/search", params={"q": "lifeboats passengers"}).json()
    assert hits["total"] == 1
    assert hits["items"][0]["story"] == SID and "[lifeboats]" in hits["items"][0]["snippet"]
    assert client.get("/search", params={"q": "Valparaiso"}).json()["total"] == 2  # diacritics
    assert client.get("/search", params={"q": "!!!"}).json()["total"] == 0


@pytest.mark.parametrize(
    ("url", "status"),
    [
        ("/stories/s0123456789abcdef", 404),
        ("/stories/not-an-id/report", 404),
        ("/no/such/path", 404),
        ("/claims?status=disputed", 422),
        ("/claims?story=x", 422),
        ("/stories?limit=0", 422),
        ("/stories?limit=1000", 422),
        ("/stories?offset=-1", 422),
        ("/stories?from=yesterday", 422),
        ("/search", 422),
        ("/search?q=", 422),
    ],
)
def test_one_error_shape(client: TestClient, url: str, status: int) -> None:
    err = _error(client.get(url), status)
    assert err["code"] == {404: "not_found", 422: "invalid_parameter"}[status]
    if status == 422:
        assert err["details"] and all({"where", "problem"} <= set(x) for x in err["details"])


def test_method_not_allowed_has_the_same_shape(client: TestClient) -> None:
    _error(client.post("/stories"), 405)


def test_openapi_and_offline_docs(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    for path in [
        "/stories",
        "/stories/{story_id}",
        "/stories/{story_id}/report",
        "/entities",
        "/claims",
        "/search",
    ]:
        assert path in spec["paths"], path
    docs = client.get("/docs")
    assert docs.status_code == 200
    assert "cdn." not in docs.text and "/docs-assets/swagger-ui-bundle.js" in docs.text
    assert client.get("/docs-assets/swagger-ui-bundle.js").status_code == 200


def test_reader_cannot_write(db: Path) -> None:
    reader = Reader(db)
    with pytest.raises(sqlite3.OperationalError):
        reader.conn().execute("DELETE FROM stories")
    assert reader.stories().total == 2


def test_fts_query_quotes_every_word() -> None:
    assert fts_query('ferry" OR NEAR(x') == '"ferry" "OR" "NEAR" "x"'
    assert fts_query("  ...  ") is None


def test_full_text_index_follows_inserts_and_old_stores_are_upgraded(tmp_path: Path) -> None:
    old = tmp_path / "old.db"
    conn = sqlite3.connect(old)
    version, name, sql = MIGRATIONS[0]
    conn.executescript(sql)
    conn.execute(
        "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL,"
        " applied_at TEXT NOT NULL)"
    )
    conn.execute("INSERT INTO schema_migrations VALUES (?, ?, 'then')", (version, name))
    conn.execute(
        "INSERT INTO articles(id, title, format, origin, text, added_at)"
        " VALUES ('a1', 'Old news', 'text', 'x', 'A lighthouse keeper retired.', 'then')"
    )
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="predates the search index"):
        Reader(old)
    prepare_store(old)  # migrates: the index is rebuilt over what the store holds
    assert Reader(old).search("lighthouse").total == 1
    store_with(old, [located_dossier()])
    assert Reader(old).search("lifeboats").total == 1
    with Store(old) as store:
        store.conn.execute("DELETE FROM articles WHERE id = 'a1'")
    assert Reader(old).search("lighthouse").total == 0
    with pytest.raises(StoreError, match="no store"):
        prepare_store(tmp_path / "missing.db")


WRITER = """
import sys
from storyline.model import AnnotatedArticle, Article, Story
from storyline.store.sqlite import Store
from tests.report_fixtures import located_dossier
store = Store(sys.argv[1])
d = located_dossier()
print("ready", flush=True)
for i in range(int(sys.argv[2])):
    text = f"Writer article {i} about harbour cranes and ferries."
    art = Article(id=f"a{i:016x}", text=text, title=f"W{i}")
    store.add_annotated([AnnotatedArticle(article=art)], "fixture")
    store.replace_stories([(Story(d["story"]["id"], (d["articles"][0]["id"],)),
                            d["story"]["title"], d)], "fixture")
store.close()
"""


def test_readers_keep_working_while_another_process_writes(tmp_path: Path) -> None:
    db = tmp_path / "busy.db"
    store_with(db, [located_dossier()])
    client = TestClient(create_app(db))
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(db), "150"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert writer.stdout is not None
    assert writer.stdout.readline().strip() == "ready"
    statuses: list[int] = []
    seen_rows: set[int] = set()
    deadline = time.monotonic() + 60
    while writer.poll() is None and time.monotonic() < deadline:
        for url in (f"/stories/{SID}", "/stories", "/search?q=harbour"):
            r = client.get(url)
            statuses.append(r.status_code)
            if url.startswith("/search"):
                seen_rows.add(r.json()["total"])
    assert writer.wait(timeout=60) == 0, writer.stderr.read() if writer.stderr else ""
    assert statuses and set(statuses) == {200}
    # The readers saw the writer's progress, not one frozen snapshot.
    assert len(seen_rows) > 1
    assert client.get("/search", params={"q": "harbour"}).json()["total"] == 150
