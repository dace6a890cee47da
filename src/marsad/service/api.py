"""Read-only queries behind the HTTP API and the web UI.

Each query takes an open connection (``connect(path)`` or a ``Store``) and the
query parameters as text, exactly as they arrive in a URL, and returns plain
dicts ready for JSON. An empty parameter counts as absent. A bad or unknown
parameter raises ``BadParameter`` naming it and the expected form; an unknown id
raises ``NotFound``.

Event filters (shared by events, timeline, network and map):
``type`` (PLOVER types, comma-separated), ``actor`` (actor id, source or target),
``country`` (ISO alpha-3 of either actor or of the place), ``code`` (actor code
or its prefix, either side), ``place`` (place id), ``from``/``to`` (YYYY-MM-DD,
inclusive, on the event date or else the story date), ``modality`` (comma-separated),
``min_confidence`` (0..1), ``q`` (text in the evidence, mentions or names, Arabic
matched after spelling normalisation) and ``dedup`` (1: one event per real-world
event, the most confident).
"""
from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import duckdb

from marsad.arabic.normalize import normalize_key
from marsad.errors import InputError, StoreError
from marsad.records import EventType, Modality
from marsad.resources import load_yaml

TYPES = tuple(str(t) for t in EventType)
MODALITIES = tuple(str(m) for m in Modality)
INTERVALS = ("day", "week", "month")
FILTER_PARAMS = ("type", "actor", "country", "code", "place", "from", "to", "modality", "min_confidence", "q", "dedup")
# The event's own date, else the day the story was published.
DAY = "coalesce(date, story_date)"


class BadParameter(InputError):
    """A query parameter is unknown or not in the expected form."""

    code = "bad_parameter"

    def __init__(self, param: str, message: str):
        Exception.__init__(self, f"parameter '{param}': {message}")
        self.origin, self.field, self.reason = "", param, message


class NotFound(InputError):
    """No record has the requested id."""

    code = "not_found"

    def __init__(self, kind: str, ident: str):
        Exception.__init__(self, f"no {kind} with id '{ident}'")
        self.origin, self.field, self.reason = "", None, str(self)


def connect(path: str | Path) -> duckdb.DuckDBPyConnection:
    """Open a Marsad database read-only (a running ``marsad ingest`` is never touched).

    Raises:
        StoreError: the file is missing, locked by a writer, or not a Marsad database.
    """
    path = Path(path)
    if not path.is_file():
        raise StoreError(f"{path}: no such database (create it with 'marsad ingest ... --db {path}')")
    try:
        con = duckdb.connect(str(path), read_only=True)
    except duckdb.Error as exc:
        raise StoreError(f"{path}: cannot open the database read-only (is it being written?): {exc}") from exc
    try:
        con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    except duckdb.Error as exc:
        con.close()
        raise StoreError(f"{path}: not a Marsad database: {exc}") from exc
    return con


# ---- parameters ---------------------------------------------------------------------

def _check_known(params: Mapping[str, str], allowed: tuple[str, ...]) -> None:
    for name in params:
        if name not in allowed:
            raise BadParameter(name, f"unknown parameter; expected one of {', '.join(allowed)}")


def _text(params: Mapping[str, str], name: str) -> str | None:
    value = params.get(name)
    value = value.strip() if isinstance(value, str) else value
    return value or None


def _int(params: Mapping[str, str], name: str, default: int, lo: int, hi: int) -> int:
    raw = _text(params, name)
    if raw is None:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise BadParameter(name, f"expected a whole number from {lo} to {hi}, got '{raw}'") from None
    if not lo <= value <= hi:
        raise BadParameter(name, f"expected a whole number from {lo} to {hi}, got {value}")
    return value


def _bool(params: Mapping[str, str], name: str) -> bool | None:
    raw = _text(params, name)
    if raw is None:
        return None
    if raw.lower() in ("1", "true", "yes"):
        return True
    if raw.lower() in ("0", "false", "no"):
        return False
    raise BadParameter(name, f"expected 1 or 0, got '{raw}'")


def _date(params: Mapping[str, str], name: str) -> dt.date | None:
    raw = _text(params, name)
    if raw is None:
        return None
    try:
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", raw):
            raise ValueError(raw)
        return dt.date.fromisoformat(raw)
    except ValueError:
        raise BadParameter(name, f"expected a date YYYY-MM-DD, got '{raw}'") from None


def _choices(params: Mapping[str, str], name: str, allowed: tuple[str, ...], upper: bool) -> tuple[str, ...]:
    raw = _text(params, name)
    if raw is None:
        return ()
    values = tuple(v.strip().upper() if upper else v.strip().lower() for v in raw.split(",") if v.strip())
    for v in values:
        if v not in allowed:
            raise BadParameter(name, f"expected one or more of {', '.join(allowed)} (comma-separated), got '{v}'")
    return values


def _pattern(params: Mapping[str, str], name: str, regex: str, form: str) -> str | None:
    raw = _text(params, name)
    if raw is not None and not re.fullmatch(regex, raw):
        raise BadParameter(name, f"expected {form}, got '{raw}'")
    return raw


@lru_cache(maxsize=1)
def _fold_tables() -> tuple[str, str]:
    """SQL ``translate`` arguments that fold text like ``normalize_key`` (deleted characters last)."""
    spec = load_yaml("arabic/normalization.yaml")
    src = "".join(spec["map"]) + "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    dst = "".join(spec["map"].values()) + "abcdefghijklmnopqrstuvwxyz"
    return src + "".join(spec.get("delete") or []), dst


@dataclass(frozen=True, slots=True)
class Filters:
    """Which events a query looks at."""

    types: tuple[str, ...] = ()
    """PLOVER types (any of)."""
    actor: str | None = None
    """Actor id on either side."""
    country: str | None = None
    """ISO alpha-3 of either actor or of the place."""
    code: str | None = None
    """Actor code prefix on either side."""
    place: str | None = None
    """Place id."""
    date_from: dt.date | None = None
    """First day (inclusive)."""
    date_to: dt.date | None = None
    """Last day (inclusive)."""
    modalities: tuple[str, ...] = ()
    """Modalities (any of)."""
    min_confidence: float | None = None
    """Lowest confidence kept."""
    q: str | None = None
    """Normalised search text."""
    dedup: bool = False
    """One row per real-world event."""

    @classmethod
    def parse(cls, params: Mapping[str, str]) -> Filters:
        """Filters from URL parameters; raises BadParameter."""
        conf = _text(params, "min_confidence")
        if conf is not None:
            try:
                conf_value = float(conf)
            except ValueError:
                conf_value = -1.0
            if not 0.0 <= conf_value <= 1.0:
                raise BadParameter("min_confidence", f"expected a number from 0 to 1, got '{conf}'")
        date_from, date_to = _date(params, "from"), _date(params, "to")
        if date_from and date_to and date_from > date_to:
            raise BadParameter("from", f"'from' ({date_from}) is after 'to' ({date_to})")
        q = _text(params, "q")
        if q is not None and len(q) > 200:
            raise BadParameter("q", "expected at most 200 characters")
        country = _pattern(params, "country", r"[A-Za-z]{3}", "an ISO 3166 alpha-3 code such as LBY")
        code = _pattern(params, "code", r"[A-Za-z0-9]{2,20}", "an actor code or its prefix such as LBYGOV or LBY")
        return cls(
            types=_choices(params, "type", TYPES, upper=True),
            actor=_pattern(params, "actor", r"[^\s,]{1,200}", "one actor id such as khalifa_haftar"),
            country=country.upper() if country else None,
            code=code.upper() if code else None,
            place=_pattern(params, "place", r"[^\s,]{1,200}", "one place id such as tripoli_lby"),
            date_from=date_from, date_to=date_to,
            modalities=_choices(params, "modality", MODALITIES, upper=False),
            min_confidence=float(conf) if conf is not None else None,
            q=normalize_key(q) if q else None,
            dedup=bool(_bool(params, "dedup")),
        )

    def sql(self) -> tuple[str, list[Any]]:
        """A SELECT over ``events`` (all columns plus ``day``) and its parameters."""
        where, args = [], []
        if self.types:
            where.append(f"type IN ({', '.join('?' * len(self.types))})")
            args += self.types
        if self.actor:
            where.append("(source_id = ? OR target_id = ?)")
            args += [self.actor, self.actor]
        if self.country:
            where.append("(record->>'$.source.country' = ? OR record->>'$.target.country' = ? "
                         "OR location_country = ?)")
            args += [self.country] * 3
        if self.code:
            where.append("(starts_with(source_code, ?) OR starts_with(target_code, ?))")
            args += [self.code, self.code]
        if self.place:
            where.append("location_id = ?")
            args.append(self.place)
        if self.date_from:
            where.append(f"{DAY} >= ?")
            args.append(self.date_from)
        if self.date_to:
            where.append(f"{DAY} <= ?")
            args.append(self.date_to)
        if self.modalities:
            where.append(f"modality IN ({', '.join('?' * len(self.modalities))})")
            args += self.modalities
        if self.min_confidence is not None:
            where.append("confidence >= ?")
            args.append(self.min_confidence)
        if self.q:
            hay = ("concat_ws(' ', evidence, trigger, source_mention, target_mention, source_name, target_name, "
                   "record->>'$.source.name_ar', record->>'$.target.name_ar', location_name, "
                   "record->>'$.location.name_ar', record->>'$.location.mention', source_id, target_id)")
            where.append(f"strpos(translate({hay}, ?, ?), ?) > 0")
            args += [*_fold_tables(), self.q]
        sql = f"SELECT *, {DAY} AS day FROM events" + (" WHERE " + " AND ".join(where) if where else "")
        if self.dedup:
            sql += " QUALIFY row_number() OVER (PARTITION BY dedup_key ORDER BY confidence DESC, event_id) = 1"
        return sql, args


def _con(db) -> duckdb.DuckDBPyConnection:
    return getattr(db, "con", db)


def _iso(d: dt.date | None) -> str | None:
    return d.isoformat() if d else None


# ---- queries --------------------------------------------------------------------------

def events(db, params: Mapping[str, str]) -> dict[str, Any]:
    """Filtered events, newest first: ``{"total", "limit", "offset", "events": [EVENT_FORMAT objects]}``.

    Extra parameters: ``limit`` (1..1000, default 100), ``offset``.
    """
    _check_known(params, FILTER_PARAMS + ("limit", "offset"))
    f = Filters.parse(params)
    limit = _int(params, "limit", 100, 1, 1000)
    offset = _int(params, "offset", 0, 0, 10**9)
    sql, args = f.sql()
    con = _con(db)
    total = con.execute(f"WITH ev AS ({sql}) SELECT count(*) FROM ev", args).fetchone()[0]
    rows = con.execute(f"WITH ev AS ({sql}) SELECT record FROM ev ORDER BY day DESC NULLS LAST, doc_id, "
                       "CAST(record->>'$.evidence_start' AS INTEGER), event_id LIMIT ? OFFSET ?",
                       [*args, limit, offset]).fetchall()
    return {"total": total, "limit": limit, "offset": offset, "events": [json.loads(r[0]) for r in rows]}


def event(db, event_id: str) -> dict[str, Any]:
    """One event by id (EVENT_FORMAT object); raises NotFound."""
    row = _con(db).execute("SELECT record FROM events WHERE event_id = ?", [event_id]).fetchone()
    if row is None:
        raise NotFound("event", event_id)
    return json.loads(row[0])


def timeline(db, params: Mapping[str, str]) -> dict[str, Any]:
    """Event counts per period and type.

    Extra parameter: ``interval`` (day, week starting Monday, or month; default month).
    Returns ``{"interval", "types", "buckets": [{"date", "total", "counts": {type: n}}], "undated"}``
    with buckets in date order (periods without events are left out).
    """
    _check_known(params, FILTER_PARAMS + ("interval",))
    f = Filters.parse(params)
    interval = _text(params, "interval") or "month"
    if interval not in INTERVALS:
        raise BadParameter("interval", f"expected one of {', '.join(INTERVALS)}, got '{interval}'")
    sql, args = f.sql()
    con = _con(db)
    rows = con.execute(f"WITH ev AS ({sql}) SELECT CAST(date_trunc('{interval}', day) AS DATE) AS b, type, count(*) "
                       "FROM ev WHERE day IS NOT NULL GROUP BY ALL ORDER BY b, type", args).fetchall()
    undated = con.execute(f"WITH ev AS ({sql}) SELECT count(*) FROM ev WHERE day IS NULL", args).fetchone()[0]
    buckets: dict[str, dict[str, Any]] = {}
    for day, typ, n in rows:
        b = buckets.setdefault(day.isoformat(), {"date": day.isoformat(), "total": 0, "counts": {}})
        b["counts"][typ] = n
        b["total"] += n
    present = {t for _, t, _ in rows}
    return {"interval": interval, "types": [t for t in TYPES if t in present],
            "buckets": list(buckets.values()), "undated": undated}


def network(db, params: Mapping[str, str]) -> dict[str, Any]:
    """Who acts on whom: actors as nodes, (source, target, type) as weighted edges.

    Extra parameters: ``min_weight`` (edges with fewer events are dropped, default 1) and
    ``limit`` (most active actors kept, 1..500, default 100). Only actors on a kept edge are
    nodes; a node's ``count`` is the number of filtered events it takes part in.
    Returns ``{"nodes": [{id, name, name_ar, code, country, provisional, count}],
    "edges": [{source, target, type, weight}]}``.
    """
    _check_known(params, FILTER_PARAMS + ("min_weight", "limit"))
    f = Filters.parse(params)
    min_weight = _int(params, "min_weight", 1, 1, 10**9)
    limit = _int(params, "limit", 100, 1, 500)
    sql, args = f.sql()
    con = _con(db)
    edge_rows = con.execute(
        f"WITH ev AS ({sql}) SELECT source_id, target_id, type, count(*) AS w FROM ev "
        "WHERE source_id IS NOT NULL AND target_id IS NOT NULL AND source_id <> target_id "
        "GROUP BY ALL HAVING count(*) >= ? ORDER BY w DESC, source_id, target_id, type",
        [*args, min_weight]).fetchall()
    node_rows = con.execute(
        f"WITH ev AS ({sql}), sides AS ("
        "SELECT event_id, source_id AS id, record->'$.source' AS a FROM ev WHERE source_id IS NOT NULL "
        "UNION ALL SELECT event_id, target_id, record->'$.target' FROM ev WHERE target_id IS NOT NULL) "
        "SELECT id, mode(a->>'name'), mode(a->>'name_ar'), mode(a->>'code'), mode(a->>'country'), "
        "bool_or(CAST(a->>'provisional' AS BOOLEAN)), count(DISTINCT event_id) AS n "
        "FROM sides GROUP BY id ORDER BY n DESC, id", args).fetchall()
    linked = {e[0] for e in edge_rows} | {e[1] for e in edge_rows}
    nodes = [{"id": r[0], "name": r[1], "name_ar": r[2], "code": r[3], "country": r[4],
              "provisional": bool(r[5]), "count": r[6]} for r in node_rows if r[0] in linked][:limit]
    kept = {n["id"] for n in nodes}
    edges = [{"source": s, "target": t, "type": typ, "weight": w}
             for s, t, typ, w in edge_rows if s in kept and t in kept]
    return {"nodes": nodes, "edges": edges}


def places(db, params: Mapping[str, str]) -> dict[str, Any]:
    """Located events grouped by place, most events first.

    Returns ``{"places": [{id, name, name_ar, country, lat, lon, count, types: {type: n}}], "unplaced"}``
    where ``unplaced`` counts the filtered events without coordinates.
    """
    _check_known(params, FILTER_PARAMS)
    f = Filters.parse(params)
    sql, args = f.sql()
    con = _con(db)
    rows = con.execute(
        f"WITH ev AS ({sql}) SELECT location_id, any_value(location_name), "
        "any_value(record->>'$.location.name_ar'), any_value(location_country), any_value(lat), any_value(lon), "
        "type, count(*) FROM ev WHERE lat IS NOT NULL AND lon IS NOT NULL GROUP BY location_id, type "
        "ORDER BY location_id, type", args).fetchall()
    unplaced = con.execute(f"WITH ev AS ({sql}) SELECT count(*) FROM ev WHERE lat IS NULL OR lon IS NULL",
                           args).fetchone()[0]
    out: dict[str, dict[str, Any]] = {}
    for pid, name, name_ar, country, lat, lon, typ, n in rows:
        p = out.setdefault(pid, {"id": pid, "name": name, "name_ar": name_ar, "country": country,
                                 "lat": lat, "lon": lon, "count": 0, "types": {}})
        p["types"][typ] = n
        p["count"] += n
    return {"places": sorted(out.values(), key=lambda p: (-p["count"], p["id"])), "unplaced": unplaced}


def actors(db, params: Mapping[str, str]) -> dict[str, Any]:
    """Actors mentioned in the stored articles, most mentioned first.

    Parameters: ``q`` (text in the id, name or a mention form), ``provisional`` (1: only
    actors discovered in the texts, 0: only actors of the base), ``limit`` (1..1000,
    default 50), ``offset``. Returns ``{"total", "actors": [{id, name, code, country, sector,
    provisional, mentions, documents, events, forms}]}``; ``forms`` are the commonest
    mention texts.
    """
    _check_known(params, ("q", "provisional", "limit", "offset"))
    q = _text(params, "q")
    if q is not None and len(q) > 200:
        raise BadParameter("q", "expected at most 200 characters")
    provisional = _bool(params, "provisional")
    limit = _int(params, "limit", 50, 1, 1000)
    offset = _int(params, "offset", 0, 0, 10**9)
    where, having, args = "", "", []
    if q:
        # Counts stay whole: an actor matches by any one of its mentions.
        where = (" WHERE actor_id IN (SELECT actor_id FROM mentions "
                 "WHERE strpos(translate(concat_ws(' ', actor_id, actor_name, text), ?, ?), ?) > 0)")
        args += [*_fold_tables(), normalize_key(q)]
    if provisional is not None:
        having = " HAVING bool_or(provisional)" if provisional else " HAVING NOT bool_or(provisional)"
    con = _con(db)
    base = ("SELECT actor_id, mode(actor_name) AS name, mode(code) AS code, mode(country) AS country, "
            "mode(sector) AS sector, bool_or(provisional) AS provisional, count(*) AS mentions, "
            f"count(DISTINCT doc_id) AS documents FROM mentions{where} GROUP BY actor_id{having}")
    total = con.execute(f"SELECT count(*) FROM ({base})", args).fetchone()[0]
    rows = con.execute(f"{base} ORDER BY mentions DESC, actor_id LIMIT ? OFFSET ?", [*args, limit, offset]).fetchall()
    ids = [r[0] for r in rows]
    forms: dict[str, list[str]] = {i: [] for i in ids}
    n_events: dict[str, int] = {}
    if ids:
        marks = ", ".join("?" * len(ids))
        for aid, text, _ in con.execute(
                f"SELECT actor_id, text, count(*) AS n FROM mentions WHERE actor_id IN ({marks}) "
                "GROUP BY ALL ORDER BY actor_id, n DESC, text", ids).fetchall():
            if len(forms[aid]) < 3:
                forms[aid].append(text)
        n_events = dict(con.execute(
            f"SELECT id, count(DISTINCT event_id) FROM (SELECT event_id, source_id AS id FROM events UNION ALL "
            f"SELECT event_id, target_id FROM events) WHERE id IN ({marks}) GROUP BY id", ids).fetchall())
    return {"total": total, "actors": [
        {"id": r[0], "name": r[1], "code": r[2], "country": r[3], "sector": r[4], "provisional": bool(r[5]),
         "mentions": r[6], "documents": r[7], "events": n_events.get(r[0], 0), "forms": forms[r[0]]}
        for r in rows]}


def article(db, doc_id: str) -> dict[str, Any]:
    """One stored article with its raw and cleaned text, its events, and the spans to highlight.

    ``highlights`` are ``{event_id, kind, start, end}`` with kind evidence, trigger, source,
    target or location; offsets index ``raw_text``. Raises NotFound.
    """
    con = _con(db)
    row = con.execute("SELECT doc_id, title, url, outlet, pub_date, pub_date_inferred, language, raw_text, "
                      "cleaned_text, removed, notes FROM articles WHERE doc_id = ?", [doc_id]).fetchone()
    if row is None:
        raise NotFound("article", doc_id)
    evs = [json.loads(r[0]) for r in con.execute(
        "SELECT record FROM events WHERE doc_id = ? ORDER BY CAST(record->>'$.evidence_start' AS INTEGER), event_id",
        [doc_id]).fetchall()]
    highlights = []
    for e in evs:
        spans = [("evidence", e.get("evidence_start"), e.get("evidence_end")),
                 ("trigger", e.get("trigger_start"), e.get("trigger_end"))]
        spans += [(k, (e.get(k) or {}).get("start"), (e.get(k) or {}).get("end"))
                  for k in ("source", "target", "location")]
        highlights += [{"event_id": e["event_id"], "kind": k, "start": s, "end": t}
                       for k, s, t in spans if s is not None and t is not None]
    return {"doc_id": row[0], "title": row[1], "url": row[2], "outlet": row[3], "pub_date": _iso(row[4]),
            "pub_date_inferred": row[5], "language": row[6], "raw_text": row[7], "cleaned_text": row[8],
            "removed": json.loads(row[9]) if row[9] else [], "notes": json.loads(row[10]) if row[10] else [],
            "events": evs, "highlights": highlights}


def stats(db, params: Mapping[str, str] | None = None) -> dict[str, Any]:
    """Database summary for the UI header, plus the allowed types and modalities."""
    _check_known(params or {}, ())
    con = _con(db)

    def one(sql: str) -> Any:
        return con.execute(sql).fetchone()[0]

    first, last = con.execute(f"SELECT min({DAY}), max({DAY}) FROM events").fetchone()
    return {
        "articles": one("SELECT count(*) FROM articles"),
        "sentences": one("SELECT count(*) FROM sentences"),
        "mentions": one("SELECT count(*) FROM mentions"),
        "events": one("SELECT count(*) FROM events"),
        "distinct_events": one("SELECT count(DISTINCT dedup_key) FROM events"),
        "failures": one("SELECT count(*) FROM failures WHERE NOT skipped"),
        "skipped": one("SELECT count(*) FROM failures WHERE skipped"),
        "actors": one("SELECT count(DISTINCT actor_id) FROM mentions"),
        "provisional_actors": one("SELECT count(DISTINCT actor_id) FROM mentions WHERE provisional"),
        "places": one("SELECT count(DISTINCT location_id) FROM events WHERE lat IS NOT NULL"),
        "first_date": _iso(first), "last_date": _iso(last),
        "by_type": dict(con.execute("SELECT type, count(*) FROM events GROUP BY 1 ORDER BY 2 DESC, 1").fetchall()),
        "by_modality": dict(con.execute("SELECT modality, count(*) FROM events GROUP BY 1 ORDER BY 2 DESC, 1")
                            .fetchall()),
        "top_actors": [{"id": r[0], "name": r[1], "code": r[2], "mentions": r[3]} for r in con.execute(
            "SELECT actor_id, mode(actor_name), mode(code), count(*) AS n FROM mentions "
            "GROUP BY 1 ORDER BY n DESC, 1 LIMIT 10").fetchall()],
        "types": list(TYPES), "modalities": list(MODALITIES),
    }
