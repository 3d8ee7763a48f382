"""The on-disk gazetteer cache: stable across processes, never trusted when damaged."""

from __future__ import annotations

import json
import os
import pickle
import subprocess
import sys
from hashlib import blake2b
from pathlib import Path

import pytest

from storyline.geo import cache
from storyline.geo.gazetteer import Gazetteer, get_gazetteer
from storyline.geo.keys import key_hash

# Run in a fresh interpreter: get the gazetteer, report where it came from and Vladivostok.
_PROBE = """
import json
from storyline.geo.gazetteer import get_gazetteer
g = get_gazetteer()
hits = [c.place for c in g.lookup("Vladivostok") if c.place.feature == "city"]
print(json.dumps({"from_cache": g.from_cache,
                  "vladivostok": [[p.gazetteer_id, p.lat, p.lon, p.country_code] for p in hits],
                  "uhww": g.by_code("UHWW").gazetteer_id}))
"""


def _probe(cache_dir: Path, seed: str) -> dict[str, object]:
    env = {**os.environ, "STORYLINE_CACHE_DIR": str(cache_dir), "PYTHONHASHSEED": seed}
    out = subprocess.run([sys.executable, "-c", _PROBE], env=env, check=True,
                         capture_output=True, text=True, timeout=600)
    result: dict[str, object] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def test_key_hash_is_fixed_across_processes() -> None:
    # A value computed once and written here: a per-process salt would break it.
    assert key_hash("vladivostok") == 15264798413488
    code = "from storyline.geo.keys import key_hash; print(key_hash('vladivostok'))"
    seen = {subprocess.run([sys.executable, "-c", code], check=True, capture_output=True,
                           text=True, env={**os.environ, "PYTHONHASHSEED": seed}).stdout
            for seed in ("1", "2")}
    assert seen == {f"{key_hash('vladivostok')}\n"}


def test_index_built_in_one_process_is_found_in_another(tmp_path: Path) -> None:
    built = _probe(tmp_path, "11")
    assert built["from_cache"] is False
    assert len(list(tmp_path.glob("gazetteer-*.bin"))) == 1
    loaded = _probe(tmp_path, "12")  # another salt for str hashes
    assert loaded["from_cache"] is True
    assert loaded["vladivostok"] == built["vladivostok"]
    assert [v[0] for v in loaded["vladivostok"]] == ["geonames:2013348"]  # type: ignore[attr-defined]
    assert loaded["uhww"] == "icao:UHWW"


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return get_gazetteer()


def _sample(g: Gazetteer) -> list[list[str]]:
    return [sorted(c.place.gazetteer_id for c in g.lookup(n))
            for n in ("Vladivostok", "Artyom", "Texas", "Ontario", "UHWW", "Black Sea")]


def test_saved_index_loads_back_equal(gaz: Gazetteer, tmp_path: Path) -> None:
    path = tmp_path / "g.bin"
    assert cache.save(gaz, path)
    back = Gazetteer()
    assert cache.load(back, path)
    assert back.size == gaz.size
    assert _sample(back) == _sample(gaz)
    assert back.demonym("Russian") == gaz.demonym("Russian")
    assert back.region_by_stem("Primorye") == gaz.region_by_stem("Primorye")
    assert back.countries["RU"] == gaz.countries["RU"]
    assert back.airports_near(43.1, 131.9, 50) == gaz.airports_near(43.1, 131.9, 50)


def _damaged(good: bytes) -> dict[str, bytes]:
    head = len(cache.MAGIC) + cache.DIGEST_SIZE
    flipped = bytearray(good)
    flipped[len(good) // 2] ^= 0x01
    # A payload whose digest is right but which names a class: must not be unpickled.
    evil = pickle.dumps({"size": 1, "x": Path("/")}, protocol=5)
    return {
        "empty": b"",
        "garbage": b"not a cache at all" * 10,
        "truncated": good[: len(good) // 2],
        "flipped byte": bytes(flipped),
        "wrong magic": b"X" + good[1:],
        "class reference": cache.MAGIC + blake2b(evil, digest_size=cache.DIGEST_SIZE).digest()
        + evil,
        "not a dict": good[:len(cache.MAGIC)]
        + blake2b(pickle.dumps([1]), digest_size=cache.DIGEST_SIZE).digest()
        + pickle.dumps([1]),
        "header only": good[:head],
    }


def test_damaged_cache_is_ignored(gaz: Gazetteer, tmp_path: Path) -> None:
    path = tmp_path / "g.bin"
    assert cache.save(gaz, path)
    good = path.read_bytes()
    for why, blob in _damaged(good).items():
        path.write_bytes(blob)
        g = Gazetteer()
        assert not cache.load(g, path), why
        assert g.size == 0 and not g.lookup("Vladivostok"), why  # left untouched


def _tiny_build(g: Gazetteer) -> None:
    i = g._new("Testville", 10.0, 20.0, "ZZ", "city", 5, gid=123)
    g._index(i, ["Testville"])
    g._finish_index()


def test_corrupt_cache_is_rebuilt_and_replaced(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STORYLINE_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr("storyline.geo.sources.build", _tiny_build)
    path = cache.cache_path()
    assert path.parent == tmp_path
    path.write_bytes(b"storyline-gazetteer\n" + b"\0" * 100)
    g = get_gazetteer.__wrapped__()  # bypass the process cache
    assert not g.from_cache
    assert [c.place.name for c in g.lookup("Testville")] == ["Testville"]
    again = get_gazetteer.__wrapped__()
    assert again.from_cache  # the rebuilt index replaced the corrupt file
    assert [c.place.lat for c in again.lookup("testville")] == [10.0]
    assert [p.name for p in tmp_path.iterdir()] == [path.name]  # no temporary file left


def test_unwritable_cache_dir_still_gives_a_gazetteer(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("a file where the folder should be")
    monkeypatch.setenv("STORYLINE_CACHE_DIR", str(blocker / "sub"))
    monkeypatch.setattr("storyline.geo.sources.build", _tiny_build)
    g = get_gazetteer.__wrapped__()
    assert [c.place.name for c in g.lookup("Testville")] == ["Testville"]


def test_cache_dir_choice(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("STORYLINE_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache.cache_dir() == tmp_path / "xdg" / "storyline"
    monkeypatch.setenv("STORYLINE_CACHE_DIR", str(tmp_path / "mine"))
    assert cache.cache_dir() == tmp_path / "mine"
    assert cache.cache_path().name.startswith("gazetteer-")
