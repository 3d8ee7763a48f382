"""The `storyline` command as a user runs it: exit codes, skipped inputs, --json, stdin."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, check_dossier

GOOD = """Harbour crane collapses at Porto Novo container terminal

2026-03-10

A harbour crane collapsed at the Porto Novo container terminal on Tuesday morning,
injuring three dock workers, port director Lena Moreau said. The crane, about
60 metres (200 feet) tall, fell across two berths. Moreau said the terminal would
stay closed for at least two days while engineers inspect the remaining cranes.
"""


def _storyline(
    *args: str, stdin: bytes | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[bytes]:
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    return subprocess.run(
        [sys.executable, "-m", "storyline", *args],
        input=stdin,
        capture_output=True,
        env=env,
        cwd=cwd,
        timeout=300,
    )


def _no_traceback(proc: subprocess.CompletedProcess[bytes]) -> None:
    assert b"Traceback" not in proc.stderr, proc.stderr.decode()


def test_hostile_inputs_are_skipped_and_named_good_ones_kept(tmp_path: Path) -> None:
    hostile = FIXTURES / "hostile"
    if not hostile.is_dir():
        pytest.skip("no hostile fixtures")
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "good.txt").write_text(GOOD, encoding="utf-8")
    out = tmp_path / "out"
    proc = _storyline("run", str(inputs), str(hostile), "--out", str(out), "--json", "--quiet")
    _no_traceback(proc)
    assert proc.returncode == 0, proc.stderr.decode()
    summary = json.loads(proc.stdout)
    skipped = {Path(s["input"].split(":")[0]).name for s in summary["skipped"]}
    for bad in ["empty.txt", "binary.bin", "truncated.html.gz", "only_boilerplate.txt"]:
        assert bad in skipped, (bad, summary["skipped"])
    assert any(s["input"].endswith("broken.jsonl:2") for s in summary["skipped"])
    assert "latin1.txt" not in skipped
    lines = [ln for ln in proc.stderr.decode().splitlines() if ln.startswith("skipped ")]
    assert len(lines) == len(summary["skipped"])
    assert all(": " in ln for ln in lines)
    index = json.loads((out / "index.json").read_text(encoding="utf-8"))
    titles = set()
    texts = []
    for story in index["stories"]:
        d = json.loads((out / story["file"]).read_text(encoding="utf-8"))
        check_dossier(d)
        titles |= {a["title"] for a in d["articles"]}
        texts += [a["text"] for a in d["articles"]]
    assert "Harbour crane collapses at Porto Novo container terminal" in titles
    # Awkward but valid inputs are read, not skipped: a legacy encoding, markup in text.
    assert any("<script>" in t for t in titles if t)
    # good.txt, latin1.txt, broken.jsonl lines 1 and 3, script_injection.html
    assert len(titles) == 5, titles
    injection = next(t for t in texts if "onerror=" in t)
    assert "INJECTED PARAGRAPH" not in injection, "text of a <script>/<iframe> leaked"


def test_nothing_readable_exits_nonzero_with_one_line(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    proc = _storyline("run", str(empty), "--out", str(tmp_path / "out"), "--quiet")
    _no_traceback(proc)
    assert proc.returncode == 1
    assert f"skipped {empty}: " in proc.stderr.decode()


def test_missing_input_and_bad_store_are_clear_errors(tmp_path: Path) -> None:
    proc = _storyline("run", str(tmp_path / "nope"), "--out", str(tmp_path / "o"), "--quiet")
    _no_traceback(proc)
    assert proc.returncode == 1
    assert "nope" in proc.stderr.decode()

    bad_db = tmp_path / "bad.db"
    bad_db.write_bytes(b"not a database at all" * 64)
    good = tmp_path / "a.txt"
    good.write_text(GOOD, encoding="utf-8")
    proc = _storyline("run", str(good), "--out", str(tmp_path / "o"), "--db", str(bad_db))
    _no_traceback(proc)
    assert proc.returncode == 3
    assert "bad.db" in proc.stderr.decode()


def test_usage_error_exit_code() -> None:
    proc = _storyline("run")
    assert proc.returncode == 2


def test_stdin_input_and_json_summary(tmp_path: Path) -> None:
    line = json.dumps(
        {
            "title": "Crane collapse",
            "text": GOOD.split("\n", 3)[3],
            "published": "2026-03-10",
            "source": "Dock Weekly",
        }
    )
    proc = _storyline(
        "run", "-", "--out", str(tmp_path / "o"), "--json", "--quiet", stdin=(line + "\n").encode()
    )
    _no_traceback(proc)
    assert proc.returncode == 0, proc.stderr.decode()
    summary = json.loads(proc.stdout)
    assert summary["articles_added"] == 1
    assert summary["stories"] == 1
    assert summary["skipped"] == []


def test_out_that_is_a_file_is_a_usage_error(tmp_path: Path) -> None:
    good = tmp_path / "a.txt"
    good.write_text(GOOD, encoding="utf-8")
    not_a_dir = tmp_path / "out.txt"
    not_a_dir.write_text("x")
    proc = _storyline("run", str(good), "--out", str(not_a_dir), "--db", str(tmp_path / "s.db"))
    _no_traceback(proc)
    assert proc.returncode == 2
    assert proc.stderr.decode().strip().splitlines() == [
        f"storyline: --out {not_a_dir} is a file; give a folder for the dossiers"
    ]
