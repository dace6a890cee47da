"""Events as EVENT_FORMAT.md objects (JSON Lines) and flat rows (CSV, Parquet)."""
from __future__ import annotations

from typing import Any

from marsad.arabic.normalize import normalize_key
from marsad.records import DatePrecision, Event, Mention


_ATTACHED = frozenset("وفبلك")  # conjunctions and prepositions written onto a word


def _actor(m: Mention | None) -> dict[str, Any] | None:
    """An actor as EVENT_FORMAT.md has it; its mention without the conjunction or preposition written onto it
    ("لحفتر" -> "حفتر"، "ووزير الخارجية" -> "وزير الخارجية"): those belong to the sentence, not to the name."""
    if m is None:
        return None
    a = m.actor
    p = m.proclitic or ""
    cut = len(p) if p and set(p) <= _ATTACHED and normalize_key(m.text[:len(p)]) == p and len(m.text) > len(p) + 1 \
        else 0  # never the article ("الليبيين")
    return {"id": a.id, "name": a.name, "name_ar": a.name_ar, "mention": m.text[cut:], "start": m.start + cut,
            "end": m.end,
            "country": a.country, "sector": a.sector, "code": a.code, "kind": str(a.kind),
            "provisional": a.provisional, "via": m.via}


def event_to_dict(e: Event) -> dict[str, Any]:
    """The EVENT_FORMAT.md object of an event."""
    d = e.date
    loc = e.location
    return {
        "event_id": e.event_id, "doc_id": e.doc_id, "type": str(e.type), "mode": e.mode, "cameo": e.cameo,
        "source": _actor(e.source), "target": _actor(e.target),
        "date": d.date.isoformat() if d and d.date else None,
        "date_precision": str(d.precision) if d and d.date else str(DatePrecision.UNKNOWN),
        "date_text": d.text if d else None,
        "story_date": e.story_date.isoformat() if e.story_date else None,
        "location": None if loc is None else {
            "id": loc.place.id, "name": loc.place.name, "name_ar": loc.place.name_ar, "mention": loc.text,
            "start": loc.start, "end": loc.end, "country": loc.place.country, "lat": loc.place.lat,
            "lon": loc.place.lon},
        "modality": str(e.modality),
        "trigger": e.trigger.text, "trigger_start": e.trigger.start, "trigger_end": e.trigger.end,
        "evidence": e.evidence.text, "evidence_start": e.evidence.start, "evidence_end": e.evidence.end,
        "extra_evidence": [{"text": s.text, "start": s.start, "end": s.end} for s in e.extra_evidence],
        "topics": list(e.topics), "confidence": e.confidence,
    }


def flatten(obj: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    """Nested dicts joined with ``_`` (source_id, location_lat...); lists become ``|``-joined text."""
    out: dict[str, Any] = {}
    for k, v in obj.items():
        key = f"{prefix}{k}"
        if isinstance(v, dict):
            out.update(flatten(v, key + "_"))
        elif isinstance(v, list):
            out[key] = "|".join(x if isinstance(x, str) else x.get("text", "") for x in v)
        else:
            out[key] = v
    return out


CSV_COLUMNS = [
    "event_id", "doc_id", "type", "mode", "cameo",
    "source_id", "source_name", "source_name_ar", "source_code", "source_country", "source_sector", "source_mention",
    "source_start", "source_end", "source_provisional",
    "target_id", "target_name", "target_name_ar", "target_code", "target_country", "target_sector", "target_mention",
    "target_start", "target_end", "target_provisional",
    "date", "date_precision", "date_text", "story_date",
    "location_id", "location_name", "location_name_ar", "location_mention", "location_country", "location_lat",
    "location_lon", "modality", "trigger", "trigger_start", "trigger_end", "evidence", "evidence_start",
    "evidence_end", "topics", "confidence",
]


def csv_row(obj: dict[str, Any]) -> dict[str, Any]:
    """A flat row with every CSV column present (missing sides become empty)."""
    flat = flatten(obj)
    return {c: flat.get(c) for c in CSV_COLUMNS}
