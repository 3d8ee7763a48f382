"""Oracle geocoding benchmark on GeoWebNews (GWN) and LGL.

    python benchmarks/geoparsing.py --data /work/shared/benchmarks/geoparsing [--predictions OUT]

Oracle mode: the gold toponym spans are given; we resolve their strings (with every gold
toponym of the document as context) and score the distance to the gold point, as defined
in the data README: Acc@161 km, mean error km, AUC of ln(1+km) over sorted errors.

An unresolved toponym counts as the worst possible error (20,039 km) in the headline
figures — the scores cover *every* gold toponym, so coverage is not traded for accuracy.
The table also shows the scores over resolved toponyms only (comparable to published
"own subset" figures).  End-to-end mode (finding toponyms with our NER) is not built yet.

The last line of output is one JSON object: {"GWN": {"acc161", "mean_km", "auc"}, "lgl": ...}.
"""

from __future__ import annotations

import argparse
import json
import math
import resource
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

import itertools

from storyline.geo.gazetteer import EARTH_HALF_CIRCUMFERENCE_KM, get_gazetteer, haversine_km
from storyline.geo.resolve import resolve_toponyms

SETS = ("GWN", "lgl")


def auc(errors_km: list[float]) -> float:
    """Area under the sorted ln(1+km) error curve, normalised by (n-1)·ln(20039)."""
    if len(errors_km) < 2:
        return 0.0
    ys = sorted(math.log1p(e) for e in errors_km)
    area = sum((a + b) / 2 for a, b in itertools.pairwise(ys))
    return area / ((len(ys) - 1) * math.log(EARTH_HALF_CIRCUMFERENCE_KM))


def scores(errors: list[float]) -> dict[str, float]:
    if not errors:
        return {"acc161": 0.0, "mean_km": 0.0, "auc": 0.0, "n": 0}
    return {
        "acc161": round(sum(e <= 161 for e in errors) / len(errors), 4),
        "mean_km": round(sum(errors) / len(errors), 1),
        "auc": round(auc(errors), 4),
        "n": len(errors),
    }


def run_set(path: Path, pred_dir: Path | None, verbose: int) -> dict[str, Any]:
    # Split on "\n" only: the texts contain U+2028, which splitlines() would break on.
    lines = path.read_text(encoding="utf-8").split("\n")
    docs = [json.loads(line) for line in lines if line.strip()]
    all_err: list[float] = []
    resolved_err: list[float] = []
    features: Counter[str] = Counter()
    misses: Counter[str] = Counter()
    unresolved: Counter[str] = Counter()
    out_lines: list[str] = []
    t0 = time.perf_counter()
    for doc in docs:
        tops = doc["toponyms"]
        names = [t["name"] for t in tops]
        res = resolve_toponyms(names)
        preds = []
        for t, r in zip(tops, res, strict=True):
            if r.place is None:
                err = EARTH_HALF_CIRCUMFERENCE_KM
                unresolved[t["name"]] += 1
                preds.append({"start": t["start"], "end": t["end"], "lat": None, "lon": None})
            else:
                err = haversine_km(r.place.lat, r.place.lon, t["lat"], t["lon"])
                resolved_err.append(err)
                features[r.place.feature] += 1
                if err > 161:
                    misses[f"{t['name']} -> {r.place.name} ({r.place.feature},"
                           f" {r.place.country_code}) {err:.0f} km"] += 1
                preds.append({"start": t["start"], "end": t["end"],
                              "lat": round(r.place.lat, 5), "lon": round(r.place.lon, 5)})
            all_err.append(err)
        out_lines.append(json.dumps({"id": doc["id"], "toponyms": preds}))
    elapsed = time.perf_counter() - t0
    if pred_dir is not None:
        pred_dir.mkdir(parents=True, exist_ok=True)
        (pred_dir / f"{path.stem}.jsonl").write_text("\n".join(out_lines) + "\n", encoding="utf-8")
    if verbose:
        print(f"--- {path.stem}: top unresolved", file=sys.stderr)
        for k, v in unresolved.most_common(verbose):
            print(f"  {v:3d} {k}", file=sys.stderr)
        print(f"--- {path.stem}: top misses (>161 km)", file=sys.stderr)
        for k, v in misses.most_common(verbose):
            print(f"  {v:3d} {k}", file=sys.stderr)
    return {
        "all": scores(all_err),
        "resolved": scores(resolved_err),
        "coverage": round(len(resolved_err) / max(1, len(all_err)), 4),
        "docs": len(docs),
        "seconds": round(elapsed, 2),
        "features": dict(features),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, required=True, help="folder with GWN.jsonl, lgl.jsonl")
    ap.add_argument("--predictions", type=Path, help="write <set>.jsonl predictions here")
    ap.add_argument("-v", "--verbose", type=int, default=0, metavar="N",
                    help="print the N most frequent unresolved names and misses to stderr")
    args = ap.parse_args(argv)

    t0 = time.perf_counter()
    gaz = get_gazetteer()
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    print(f"gazetteer: {gaz.size:,} places, loaded in {time.perf_counter() - t0:.1f} s;"
          f" process peak resident memory {peak_mib:.0f} MiB")
    results: dict[str, dict[str, Any]] = {}
    for s in SETS:
        path = args.data / f"{s}.jsonl"
        if not path.exists():
            print(f"{s}: {path} missing, skipped")
            continue
        results[s] = run_set(path, args.predictions, args.verbose)

    hdr = f"{'set':5} {'docs':>5} {'n':>6} {'cover':>6} | {'Acc@161':>7} {'mean km':>8} {'AUC':>6}"
    hdr += f" | {'resolved only: Acc@161':>22} {'mean km':>8} {'AUC':>6}"
    print(hdr)
    print("-" * len(hdr))
    for s, r in results.items():
        a, o = r["all"], r["resolved"]
        print(f"{s:5} {r['docs']:5d} {a['n']:6d} {r['coverage']:6.3f} | {a['acc161']:7.3f}"
              f" {a['mean_km']:8.0f} {a['auc']:6.3f} | {o['acc161']:22.3f} {o['mean_km']:8.0f}"
              f" {o['auc']:6.3f}")
    print("(unresolved toponyms count as 20,039 km in the left block; resolve time per set:",
          ", ".join(f"{s} {r['seconds']} s" for s, r in results.items()) + ")")
    print(json.dumps({s: {k: r["all"][k] for k in ("acc161", "mean_km", "auc")}
                      for s, r in results.items()}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
