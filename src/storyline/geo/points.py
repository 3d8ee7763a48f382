"""Reference points derived from data: region centres and country centres."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

# Share of settlements left out at each end of the latitude and longitude ranges.
TRIM = 0.02
# Grid cells across a region's span for ``occupied_area_centre``.  On the dev split of the
# geoparsing benchmark 6, 8 and 10 scored alike and 12 or more worse (a fine grid follows
# the settlement pattern again); the coarsest of the good ones is the steadiest.
CELLS_ACROSS = 6


def _unwrapped(lons: Sequence[float]) -> tuple[float, list[float]]:
    """Longitudes relative to their circular mean when they span over 180°, so a
    region across the antimeridian stays whole; (0, unchanged) otherwise."""
    if max(lons) - min(lons) <= 180.0:
        return 0.0, list(lons)
    x = sum(math.cos(math.radians(lon)) for lon in lons)
    y = sum(math.sin(math.radians(lon)) for lon in lons)
    ref = math.degrees(math.atan2(y, x))
    return ref, [((lon - ref + 180.0) % 360.0) - 180.0 for lon in lons]


def trimmed_box_centre(lats: Sequence[float], lons: Sequence[float]) -> tuple[float, float]:
    """Centre of the box spanning the 2nd–98th percentile of settlement coordinates.

    Why: a region's reference point (GeoNames, atlases) is its geographic centre, not its
    population centre; settlements spread over the whole territory, so the middle of their
    extent approximates the centre, and trimming 2 % each side drops outlying islands and
    exclaves.  Points spanning more than 180° of longitude are measured around their
    circular mean so regions across the antimeridian (Chukotka, Fiji) stay whole.
    """
    ref, lons = _unwrapped(lons)
    slats, slons = sorted(lats), sorted(lons)
    lo, hi = int(TRIM * (len(lats) - 1)), math.ceil((1 - TRIM) * (len(lats) - 1))
    lon = (((slons[lo] + slons[hi]) / 2 + ref + 180.0) % 360.0) - 180.0
    return (slats[lo] + slats[hi]) / 2, lon


def occupied_area_centre(lats: Sequence[float], lons: Sequence[float],
                         cells_across: int = CELLS_ACROSS) -> tuple[float, float]:
    """Area-weighted centre of the grid cells that hold at least one of the points.

    Why: a region's reference point is the middle of its territory, but settlements
    crowd into its populated part (southern Ontario, the Lower Mainland of British
    Columbia), so their extent's percentiles and their mean both lean that way.
    Counting each occupied cell once, whatever it holds, weighs the sparse north as much
    as the dense south: the centre of the inhabited footprint.  The cell side is the
    region's span over ``cells_across`` (at least 0.05°), so small and large regions are
    gridded alike; cells are weighted by cos(latitude), their true area.  The result is
    averaged over four grids shifted by half a cell, so that it does not jump with where
    the cell edges happen to fall.  Points spanning more than 180° of longitude are taken
    around their circular mean, as in ``trimmed_box_centre``.
    """
    ref, lons = _unwrapped(lons)
    mid_lat = math.radians(sum(lats) / len(lats))
    span = max(max(lats) - min(lats), (max(lons) - min(lons)) * math.cos(mid_lat))
    size = max(span / cells_across, 0.05)
    centres = []
    for shift_lat in (0.0, 0.5):
        for shift_lon in (0.0, 0.5):
            cells = {(math.floor(la / size + shift_lat), math.floor(lo / size + shift_lon))
                     for la, lo in zip(lats, lons, strict=True)}
            total = sum_lat = sum_lon = 0.0
            for i, j in cells:
                clat, clon = (i + 0.5 - shift_lat) * size, (j + 0.5 - shift_lon) * size
                w = math.cos(math.radians(clat))
                total += w
                sum_lat += w * clat
                sum_lon += w * clon
            centres.append((sum_lat / total, sum_lon / total))
    lat = sum(c[0] for c in centres) / len(centres)
    lon = sum(c[1] for c in centres) / len(centres)
    return lat, ((lon + ref + 180.0) % 360.0) - 180.0


def main_landmass_centroid(geojson: dict[str, Any]) -> tuple[float, float] | None:
    """Area centroid of the largest polygon of a country outline (GeoJSON), or None.

    The largest polygon is the country's main territory (the contiguous US without
    Alaska and Hawaii, mainland France without its overseas departments).  Computed on
    the plane of longitude/latitude with the area scaled by cos(latitude): good enough for
    one country, and outlines crossing the antimeridian are rare among main landmasses.
    """
    best: tuple[float, float, float] | None = None
    for feature in geojson.get("features", ()):
        geom = feature.get("geometry") or {}
        if geom.get("type") == "Polygon":
            polygons = [geom["coordinates"]]
        elif geom.get("type") == "MultiPolygon":
            polygons = geom["coordinates"]
        else:
            continue
        for polygon in polygons:
            ring = polygon[0]
            area2 = cx = cy = 0.0
            for (x1, y1), (x2, y2) in zip(ring, [*ring[1:], ring[0]], strict=True):
                cross = x1 * y2 - x2 * y1
                area2 += cross
                cx += (x1 + x2) * cross
                cy += (y1 + y2) * cross
            if area2 == 0:
                continue
            lon, lat = cx / (3 * area2), cy / (3 * area2)
            size = abs(area2) * math.cos(math.radians(lat))
            if best is None or size > best[0]:
                best = (size, lat, lon)
    return None if best is None else (best[1], best[2])
