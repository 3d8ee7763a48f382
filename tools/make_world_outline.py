"""Generate the report's offline basemap: simplified country outlines as SVG path data.

Source: the ``geoJSON`` member of each country file in the ``countryinfo``
package (MIT licence, a dependency of Storyline already). Run once; the output
``src/storyline/render/static/world.json`` is committed:

    .venv/bin/python tools/make_world_outline.py

Projection is equirectangular in degrees (x = lon + 180, y = 90 - lat), so the
map's viewBox is 0 0 360 180 and a marker at (lat, lon) needs no library.
Outlines are simplified with Douglas-Peucker at 0.15 degrees and rings smaller
than ~0.3 square degrees are dropped: enough to recognise coasts at report size.
"""

from __future__ import annotations

import ast
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "storyline" / "render" / "static" / "world.json"
TOLERANCE = 0.15
MIN_AREA = 0.3


def _package_dir(name: str) -> Path:
    import importlib.util

    spec = importlib.util.find_spec(name)
    if spec is None or spec.origin is None:
        sys.exit(f"{name} is not installed: run make setup")
    return Path(spec.origin).parent


def _simplify(points: list[tuple[float, float]], tol: float) -> list[tuple[float, float]]:
    """Douglas-Peucker, iterative so that long coasts do not hit the recursion limit."""
    if len(points) < 4:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        a, b = stack.pop()
        (x1, y1), (x2, y2) = points[a], points[b]
        dx, dy = x2 - x1, y2 - y1
        norm = (dx * dx + dy * dy) ** 0.5
        best, where = 0.0, -1
        for i in range(a + 1, b):
            px, py = points[i]
            if norm == 0:
                d = ((px - x1) ** 2 + (py - y1) ** 2) ** 0.5
            else:
                d = abs(dy * px - dx * py + x2 * y1 - y2 * x1) / norm
            if d > best:
                best, where = d, i
        if best > tol and where > 0:
            keep[where] = True
            stack += [(a, where), (where, b)]
    return [p for p, k in zip(points, keep, strict=True) if k]


def _area(ring: list[tuple[float, float]]) -> float:
    s = 0.0
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
        s += x1 * y2 - x2 * y1
    return abs(s) / 2


def _ring_path(ring: list[list[float]]) -> str | None:
    pts = [(round(lon + 180, 2), round(90 - lat, 2)) for lon, lat in ring]
    if _area(pts) < MIN_AREA:
        return None
    pts = _simplify(pts, TOLERANCE)
    if len(pts) < 4:
        return None
    head = f"M{pts[0][0]:g} {pts[0][1]:g}"
    return head + "".join(f"L{x:g} {y:g}" for x, y in pts[1:]) + "Z"


def main() -> None:
    countries = []
    for path in sorted((_package_dir("countryinfo") / "data").glob("*.json")):
        info = json.loads(path.read_text(encoding="utf-8"))
        geo = info.get("geoJSON")
        if isinstance(geo, str):
            geo = ast.literal_eval(geo)
        if not geo:
            continue
        rings: list[str] = []
        for feature in geo.get("features", []):
            geom = feature.get("geometry") or {}
            polys = geom.get("coordinates") or []
            if geom.get("type") == "Polygon":
                polys = [polys]
            for poly in polys:
                if poly and (d := _ring_path(poly[0])):  # outer ring only
                    rings.append(d)
        if rings:
            iso = (info.get("ISO") or {}).get("alpha3") or info.get("name")
            countries.append({"id": iso, "name": info.get("name"), "d": "".join(rings)})
    OUT.parent.mkdir(parents=True, exist_ok=True)
    payload = {
        "source": "countryinfo 1.0.1 data/*.json geoJSON (MIT licence)",
        "projection": "equirectangular, x = lon + 180, y = 90 - lat",
        "countries": countries,
    }
    OUT.write_text(json.dumps(payload, ensure_ascii=False, separators=(",", ":")) + "\n")
    print(f"{len(countries)} countries, {OUT.stat().st_size:,} bytes -> {OUT}")


if __name__ == "__main__":
    main()
