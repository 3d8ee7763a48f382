"""A run killed with SIGKILL loses at most the batch in flight; the re-run completes it."""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

PLACES = ["Tromsø", "Valparaíso", "Da Nang", "Mombasa", "Gdańsk", "Hobart", "Recife", "Split"]


def _articles(n: int) -> list[dict[str, str]]:
    out = []
    for i in range(n):
        place = PLACES[i % len(PLACES)]
        text = (
            f"Officials in {place} opened community centre number {i} on Monday. "
            f"Mayor Jo Example{i} said the building cost about {100 + i} thousand euros "
            f"and would serve {20 + i} families in the district of {place}. "
            "Residents welcomed the opening, which had been delayed twice by storms. "
        ) * 3
        out.append(
            {
                "title": f"Centre {i} opens in {place}",
                "text": text,
                "published": f"2026-02-{1 + i % 27:02d}",
            }
        )
    return out


def _annotated(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        conn = sqlite3.connect(db, timeout=5)
        try:
            return int(conn.execute("SELECT count(*) FROM annotations").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


def test_kill_mid_run_then_rerun_completes_without_duplicates(tmp_path: Path) -> None:
    n = 240
    feed = tmp_path / "feed.jsonl"
    feed.write_text("\n".join(json.dumps(a) for a in _articles(n)) + "\n", encoding="utf-8")
    out, db = tmp_path / "out", tmp_path / "store.db"
    cmd = [
        sys.executable,
        "-m",
        "storyline",
        "run",
        str(feed),
        "--out",
        str(out),
        "--db",
        str(db),
        "--batch-size",
        "8",
        "--workers",
        "1",
        "--quiet",
        "--json",
    ]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 240
    while _annotated(db) < 16 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.05)
    assert proc.poll() is None, "the run ended before it could be killed; use more articles"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    kept = _annotated(db)
    assert 16 <= kept < n
    assert kept % 8 == 0, "only whole batches are committed"

    done = subprocess.run(cmd, capture_output=True, timeout=600)
    assert done.returncode == 0, done.stderr.decode()
    summary = json.loads(done.stdout)
    assert summary["articles_added"] == n - kept
    assert summary["articles_total"] == n
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == n
    assert conn.execute("SELECT count(*) FROM story_articles").fetchone()[0] == n
    conn.close()


def test_articles_of_an_older_pipeline_are_reannotated(tmp_path: Path) -> None:
    from storyline.api import run
    from storyline.store.sqlite import Store

    feed = tmp_path / "feed.jsonl"
    feed.write_text("\n".join(json.dumps(a) for a in _articles(3)) + "\n", encoding="utf-8")
    out, db = tmp_path / "out", tmp_path / "store.db"
    run([str(feed)], out=out, db=db)
    conn = sqlite3.connect(db)
    conn.execute("UPDATE annotations SET pipeline_version = 'ann-older'")
    conn.commit()
    conn.close()
    other = tmp_path / "other.txt"
    other.write_text("Ferry delayed\n\nThe ferry to Split was delayed by wind on Monday.\n")
    summary = run([str(other)], out=out, db=db)
    assert summary.articles_added == 1
    assert summary.articles_total == 4
    with Store(db) as store:
        from storyline.version import PIPELINE_VERSION

        assert len(store.annotated_ids(PIPELINE_VERSION)) == 4
        assert store.annotated_ids("ann-older") == set()
    index = json.loads((out / "index.json").read_text(encoding="utf-8"))
    assert sum(s["article_count"] for s in index["stories"]) == 4
