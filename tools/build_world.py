"""Build the web map's country outlines (``src/marsad/service/static/world.json``).

Curation-time tool, not used by the package at run time. The input is
``countries-110m.json`` from the npm package ``world-atlas`` (Natural Earth 1:110m
Admin 0 countries, public domain, as quantized TopoJSON)::

    cd /tmp && npm pack world-atlas && tar xzf world-atlas-*.tgz
    python -m venv /tmp/gvenv && /tmp/gvenv/bin/pip install pycountry   # optional: ISO alpha-3 codes
    /tmp/gvenv/bin/python tools/build_world.py /tmp/package/countries-110m.json \\
        -o src/marsad/service/static/world.json

Output: ``{"source", "license", "countries": [{"id", "iso3", "name", "rings"}]}`` where
each ring is a flat list ``[lon0, lat0, lon1, lat1, ...]`` rounded to 2 decimals. Holes
are kept as extra rings; the UI draws them with the even-odd fill rule.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

SOURCE = "Natural Earth 1:110m Admin 0 countries v4.1.0, via the npm package world-atlas 2.x"
LICENSE = "Natural Earth: public domain"


def decode_arcs(topo: dict) -> list[list[tuple[float, float]]]:
    """Absolute lon/lat points of every arc (undoing delta encoding and quantization)."""
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:
            x += dx
            y += dy
            pts.append((x * sx + tx, y * sy + ty))
        arcs.append(pts)
    return arcs


def ring_points(indexes: list[int], arcs: list[list[tuple[float, float]]]) -> list[tuple[float, float]]:
    """One closed ring stitched from arc indexes (a negative index ~i is arc i reversed)."""
    out: list[tuple[float, float]] = []
    for i in indexes:
        pts = arcs[i] if i >= 0 else arcs[~i][::-1]
        out.extend(pts if not out else pts[1:])  # consecutive arcs share their end point
    return out


def compact(points: list[tuple[float, float]]) -> list[float]:
    """Rounded to 2 decimals, repeated points dropped, flattened."""
    flat: list[float] = []
    last = None
    for lon, lat in points:
        p = (round(lon, 2), round(lat, 2))
        if p != last:
            flat.extend(p)
            last = p
    return flat


def iso3_of(numeric: str | None) -> str | None:
    """ISO 3166-1 alpha-3 for a numeric code, when pycountry is installed."""
    try:
        import pycountry
    except ImportError:
        return None
    c = pycountry.countries.get(numeric=numeric) if numeric else None
    return c.alpha_3 if c else None


def build(topo: dict) -> dict:
    """The compact outline document from a world-atlas topology."""
    arcs = decode_arcs(topo)
    countries = []
    for g in topo["objects"]["countries"]["geometries"]:
        if g.get("type") == "Polygon":
            polygons = [g["arcs"]]
        elif g.get("type") == "MultiPolygon":
            polygons = g["arcs"]
        else:
            continue
        rings = [compact(ring_points(r, arcs)) for poly in polygons for r in poly]
        rings = [r for r in rings if len(r) >= 6]
        if rings:
            countries.append({"id": g.get("id"), "iso3": iso3_of(g.get("id")),
                              "name": (g.get("properties") or {}).get("name"), "rings": rings})
    return {"source": SOURCE, "license": LICENSE, "countries": countries}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("topojson", type=Path, help="countries-110m.json from world-atlas")
    ap.add_argument("-o", "--output", type=Path, required=True)
    args = ap.parse_args(argv)
    doc = build(json.loads(args.topojson.read_text(encoding="utf-8")))
    args.output.write_text(json.dumps(doc, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    print(f"{len(doc['countries'])} countries, {args.output.stat().st_size} bytes -> {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
