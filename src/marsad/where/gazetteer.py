"""The gazetteer: ``data/places/gazetteer.tsv`` loaded, validated and compiled into a lexicon."""
from __future__ import annotations

import csv
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from marsad.arabic.lexicon import Lexicon
from marsad.errors import ResourceError
from marsad.records import Place
from marsad.resources import compiled, data_path

REQUIRED = ("id", "name", "name_ar", "variants", "kind", "country", "lat", "lon")


@dataclass(slots=True)
class Gazetteer:
    """Places by id, and a lexicon of every Arabic form."""

    places: dict[str, Place] = field(default_factory=dict)
    """Places by id."""
    admin: dict[str, str] = field(default_factory=dict)
    """Region slug of a place, where given."""
    lexicon: Lexicon[str] | None = None
    """Arabic form -> place ids."""
    _capitals: dict[str, Place] | None = None
    """Capital of each state (built on first use)."""


def load_gazetteer(path: Path | None = None) -> Gazetteer:
    """Load and validate a gazetteer TSV; a bad row names its line and field."""
    path = Path(path) if path else data_path("places/gazetteer.tsv")
    gaz = Gazetteer()
    forms: list[tuple[str, str]] = []
    try:
        fh = open(path, encoding="utf-8", newline="")
    except FileNotFoundError as exc:
        raise ResourceError(f"{path}: gazetteer file is missing") from exc
    with fh:
        reader = csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        missing = [c for c in REQUIRED if c not in (reader.fieldnames or [])]
        if missing:
            raise ResourceError(f"{path}:1: missing columns {missing}")
        for n, row in enumerate(reader, 2):
            where = f"{path}:{n}"
            pid = (row.get("id") or "").strip()
            if not pid or not row.get("name_ar"):
                raise ResourceError(f"{where}: fields 'id' and 'name_ar' are required")
            if pid in gaz.places:
                raise ResourceError(f"{where}: field 'id': '{pid}' is defined twice")
            lat, lon = _coordinates(row, where)
            gid = (row.get("geonames_id") or "").strip()
            place = Place(pid, row["name"].strip(), row["name_ar"].strip(), row["country"].strip(),
                          row["kind"].strip(), lat, lon, int(gid) if gid.isdigit() else None)
            gaz.places[pid] = place
            if row.get("admin"):
                gaz.admin[pid] = row["admin"].strip()
            forms.append((place.name_ar, pid))
            for v in (row.get("variants") or "").split("|"):
                if v.strip():
                    forms.append((v.strip(), pid))
    # two-letter names (إب) collide with words (آب = August); no pronoun suffixes on places: "الإيراني" is no "إيران" + ي
    gaz.lexicon = Lexicon(forms, min_key=3, enclitics=False)
    return gaz


def _coordinates(row: dict, where: str) -> tuple[float | None, float | None]:
    """Both coordinates, or neither (a curator may leave unverified ones empty)."""
    raw_lat, raw_lon = (row.get("lat") or "").strip(), (row.get("lon") or "").strip()
    if not raw_lat and not raw_lon:
        return None, None
    try:
        lat, lon = float(raw_lat), float(raw_lon)
    except ValueError as exc:
        raise ResourceError(f"{where}: fields 'lat'/'lon' must both be numbers or both empty") from exc
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise ResourceError(f"{where}: field 'lat'/'lon' out of range ({lat}, {lon})")
    return lat, lon


@lru_cache(maxsize=1)
def shipped_gazetteer() -> Gazetteer:
    """The shipped gazetteer (loaded once per process, from the compiled cache when fresh).

    The cache key covers the TSV, the spelling rules its keys are normalised with and the code that
    compiles it, so none of them can go stale.
    """
    code = Path(__file__).parent.parent
    sources = [data_path("places/gazetteer.tsv"), data_path("arabic/normalization.yaml"),
               data_path("arabic/clitics.yaml"), code / "where" / "gazetteer.py", code / "arabic" / "lexicon.py",
               code / "arabic" / "normalize.py", code / "records.py"]
    return compiled("gazetteer", sources, load_gazetteer)
