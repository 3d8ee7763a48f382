"""Shared test helpers: paths, schema validation with offset checks."""

from __future__ import annotations

import importlib.util
import json
import os
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import jsonschema
import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
CORPUS = ROOT / "examples" / "corpus"
FIXTURES = ROOT / "tests" / "fixtures"
SCHEMA = json.loads((ROOT / "docs" / "dossier.schema.json").read_text(encoding="utf-8"))

# The built gazetteer index is cached on disk; tests keep theirs inside the checkout
# (ignored by git) rather than in the user's home. CLI subprocesses inherit it.
os.environ.setdefault("STORYLINE_CACHE_DIR", str(ROOT / "build" / "cache"))


def check_dossier(d: dict[str, Any]) -> None:
    """Valid against the published schema, and every offset quotes what it claims."""
    jsonschema.validate(d, SCHEMA)
    texts = {a["id"]: a["text"] for a in d["articles"]}
    entity_ids = {e["id"] for e in d["entities"]}
    for e in d["entities"]:
        for m in e["mentions"]:
            assert texts[m["article"]][m["start"] : m["end"]] == m["text"], (e["name"], m)
    for c in d["claims"]:
        assert c["subject"] is None or c["subject"] in entity_ids
        for s in c["sources"]:
            assert texts[s["article"]][s["start"] : s["end"]] == s["quote"], (c["id"], s)
        figures = list(c.get("figures", []))
        while figures:
            f = figures.pop()
            assert texts[f["article"]][f["start"] : f["end"]] == f["text"], (c["id"], f)
            figures += f["alternates"]
    for ev in d["events"]:
        for s in ev["sources"]:
            assert texts[s["article"]][s["start"] : s["end"]] == s["quote"]
    claim_ids = {c["id"] for c in d["claims"]}
    for cf in d["conflicts"]:
        assert set(cf["claims"]) <= claim_ids
    for inc in d.get("inconsistencies", []):
        assert inc["claim"] in claim_ids
        assert texts[inc["article"]][inc["start"] : inc["end"]] == inc["text"], inc
    for k in d.get("distance_checks", []):
        assert k["claim"] in claim_ids
    for p in d.get("shared_passages", []):
        assert p["article_a"] in texts and p["article_b"] in texts


def need_shared() -> None:
    if not SEEDS.is_dir():
        pytest.skip("../shared is not beside the repository")


def load_benchmark(script: str) -> ModuleType:
    """A script of benchmarks/ (not a package) loaded by path, for its scoring functions."""
    path = ROOT / "benchmarks" / script
    name = f"benchmark_{path.stem}"
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses in the script look their module up here
    spec.loader.exec_module(module)
    return module
