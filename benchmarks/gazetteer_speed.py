"""Gazetteer speed: build time, memory, and name lookups per second.

    python benchmarks/gazetteer_speed.py [--data DIR] [--seconds S]

The gazetteer is built once per process from packaged data (``get_gazetteer()``); this
measures that build (wall time and the growth of the process's peak resident memory)
and then the rate of ``Gazetteer.lookup`` calls on a stream of names.  The names are the
gold toponym strings of ``DIR/*.jsonl`` when ``--data`` is given (the geoparsing
benchmark's layout), else a built-in mix of real place names, misspellings and non-names,
cycled until ``--seconds`` have passed.  Full resolution of a document's toponyms (the
resolver, with context) is timed too, per toponym.

The last line of output is one JSON object:
{"load_s", "peak_rss_mib", "rss_growth_mib", "places", "lookups_per_s", "resolve_per_s"}.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from storyline.geo.gazetteer import get_gazetteer
from storyline.geo.resolve import resolve_toponyms

# A mix of what news text hands the gazetteer: places big and small, spelling variants,
# codes, demonyms, and capitalised words that are not places at all.
DEFAULT_NAMES = (
    "Vladivostok", "Artyom", "Artëm", "Knevichi", "Moscow", "Russia", "North Korea", "UHWW",
    "Primorsky", "Paris", "Springfield", "Texas", "U.S.", "Tamil Nadu", "São Paulo",
    "Komsomolsk-on-Amur", "St. Petersburg", "Washington", "London", "Ontario", "Henry County",
    "Russian", "Kinzhal", "Shoigu", "Defence", "Qwxzzyville", "Ukraine", "Japan", "Łódź",
)


def _rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def _names_from(data: Path) -> list[list[str]]:
    docs = []
    for path in sorted(data.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").split("\n"):
            if line.strip():
                docs.append([t["name"] for t in json.loads(line).get("toponyms", ())])
    return [d for d in docs if d]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, help="folder of *.jsonl documents with toponyms")
    ap.add_argument("--seconds", type=float, default=3.0, help="time per measurement")
    args = ap.parse_args(argv)

    rss0 = _rss_mib()
    t0 = time.perf_counter()
    gaz = get_gazetteer()
    load_s = time.perf_counter() - t0
    peak = _rss_mib()

    docs = _names_from(args.data) if args.data else [list(DEFAULT_NAMES)]
    names = [n for d in docs for n in d]

    n = 0
    t0 = time.perf_counter()
    while time.perf_counter() - t0 < args.seconds:
        for name in names:
            gaz.lookup(name)
        n += len(names)
    lookups_per_s = n / (time.perf_counter() - t0)

    m = 0
    t0 = time.perf_counter()
    while time.perf_counter() - t0 < args.seconds:
        for d in docs:
            resolve_toponyms(d, gazetteer=gaz)
            m += len(d)
    resolve_per_s = m / (time.perf_counter() - t0)

    print(f"{'measure':34} {'value':>12}")
    print("-" * 47)
    print(f"{'places in the index':34} {gaz.size:12,d}")
    print(f"{'build (load) time, s':34} {load_s:12.2f}")
    print(f"{'peak resident memory, MiB':34} {peak:12.0f}")
    print(f"{'growth from the build, MiB':34} {peak - rss0:12.0f}")
    print(f"{'name lookups per second':34} {lookups_per_s:12,.0f}")
    print(f"{'toponyms resolved per second':34} {resolve_per_s:12,.0f}")
    print(f"(names: {len(names):,} from {len(docs):,} documents,"
          f" {'--data ' + str(args.data) if args.data else 'built-in mix'})")
    print(json.dumps({"load_s": round(load_s, 2), "peak_rss_mib": round(peak),
                      "rss_growth_mib": round(peak - rss0), "places": gaz.size,
                      "lookups_per_s": round(lookups_per_s),
                      "resolve_per_s": round(resolve_per_s)}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
