"""`storyline serve` as a user starts it: a real process on 127.0.0.1."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx

from tests.browser.conftest import free_port
from tests.conftest import ROOT
from tests.report_fixtures import SID, located_dossier, store_with


def test_serve_answers_on_localhost_and_stops_on_interrupt(tmp_path: Path) -> None:
    db = tmp_path / "store.db"
    store_with(db, [located_dossier()])
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "storyline", "serve", "--db", str(db), "--port", str(port)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 60
        body = None
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                body = httpx.get(f"http://127.0.0.1:{port}/stories", timeout=2).json()
                break
            except httpx.HTTPError:
                time.sleep(0.2)
        assert body is not None, proc.stderr.read().decode() if proc.stderr else ""
        assert body["items"][0]["id"] == SID
    finally:
        proc.send_signal(signal.SIGINT)
        proc.wait(timeout=20)
    assert proc.returncode == 0


def test_serve_without_a_store_is_one_line_error(tmp_path: Path) -> None:
    missing = tmp_path / "none.db"
    proc = subprocess.run(
        [sys.executable, "-m", "storyline", "serve", "--db", str(missing)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 3
    assert proc.stderr.strip().splitlines() == [
        f"storyline: no store at {missing}: run `storyline run ... --db {missing}` first"
    ]
    assert not missing.exists(), "serve must not create a store"
