"""DuckDB store: idempotent, transactional writes of coded articles, and exports.

An article is written with all its rows in one transaction, keyed by its
doc id and the hash of its raw text: storing the same article again changes
nothing; a changed text replaces the old rows. A crash or Ctrl-C loses at
most the transaction in flight, and a re-run skips what is already stored.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
from collections.abc import Iterable, Iterator
from importlib import resources
from pathlib import Path
from typing import Any

import duckdb

from marsad.errors import StoreError
from marsad.records import Doc, Failure
from marsad.store.serialize import CSV_COLUMNS, csv_row, event_to_dict

log = logging.getLogger(__name__)
SCHEMA_VERSION = "1"
UNDIRECTED = {"CONSULT", "AGREE", "COOPERATE"}


def text_hash(text: str) -> str:
    """sha1 of a raw text."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def dedup_key(ev: dict[str, Any]) -> str:
    """Same type, sides and day (or story day) across articles: one real-world event."""
    s = (ev.get("source") or {}).get("id") or ""
    t = (ev.get("target") or {}).get("id") or ""
    if ev["type"] in UNDIRECTED:
        s, t = sorted((s, t))
    day = ev.get("date") or ev.get("story_date") or ""
    return f"{ev['type']}|{s}|{t}|{day}|{ev.get('modality')}"


class Store:
    """A Marsad database file."""

    def __init__(self, path: str | Path):
        self.path = str(path)
        try:
            self.con = duckdb.connect(self.path)
        except (duckdb.Error, OSError) as exc:
            raise StoreError(f"{self.path}: cannot open the database: {exc}") from exc
        schema = resources.files("marsad.store").joinpath("schema.sql").read_text(encoding="utf-8")
        try:
            self.con.execute(schema)
            self.con.execute("INSERT OR IGNORE INTO meta VALUES ('schema_version', ?)", [SCHEMA_VERSION])
        except duckdb.Error as exc:
            raise StoreError(f"{self.path}: not a Marsad database or damaged: {exc}") from exc

    def close(self) -> None:
        """Close the connection."""
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # ---- writing ----------------------------------------------------------------
    def has(self, doc_id: str, raw_text: str) -> bool:
        """True when this exact article is already stored."""
        row = self.con.execute("SELECT content_hash FROM articles WHERE doc_id = ?", [doc_id]).fetchone()
        return row is not None and row[0] == text_hash(raw_text)

    def save(self, results: Iterable[Doc | Failure]) -> dict[str, int]:
        """Store results in one transaction; returns counts of stored, unchanged and failed items."""
        counts = {"stored": 0, "unchanged": 0, "failures": 0, "events": 0}
        self.con.execute("BEGIN TRANSACTION")
        try:
            for r in results:
                if isinstance(r, Failure):
                    self._failure(r)
                    counts["failures"] += 1
                elif self.has(r.article.doc_id, r.article.text):
                    counts["unchanged"] += 1
                else:
                    counts["events"] += self._doc(r)
                    counts["stored"] += 1
            self.con.execute("COMMIT")
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        return counts

    def _failure(self, f: Failure) -> None:
        self.con.execute("INSERT INTO failures VALUES (?, ?, ?, ?, ?, ?, ?)",
                         [f.origin, f.doc_id, f.stage, f.field, f.message, f.skipped, dt.datetime.now()])

    def _doc(self, d: Doc) -> int:
        a = d.article
        for table in ("sentences", "mentions", "events", "articles"):
            self.con.execute(f"DELETE FROM {table} WHERE doc_id = ?", [a.doc_id])
        self.con.execute(
            "INSERT INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [a.doc_id, text_hash(a.text), a.text, d.cleaned_text,
             json.dumps([{"start": r.start, "end": r.end, "kind": r.kind} for r in d.removals]),
             a.pub_date, a.pub_date_inferred, a.title, a.url, a.outlet, a.origin, d.language,
             json.dumps(list(d.notes), ensure_ascii=False), dt.datetime.now()])
        if d.sentences:
            self.con.executemany("INSERT INTO sentences VALUES (?, ?, ?, ?, ?, ?)",
                                 [[a.doc_id, s.index, s.start, s.end, s.text, s.headline] for s in d.sentences])
        rows = {}
        for m in d.mentions:
            rows[m.start] = [a.doc_id, m.start, m.end, m.text, m.actor.id, m.actor.name, m.actor.code,
                             m.actor.country, m.actor.sector, m.actor.provisional, m.via, m.role]
        if rows:
            self.con.executemany("INSERT INTO mentions VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", list(rows.values()))
        ev_rows = []
        for e in d.events:
            o = event_to_dict(e)
            s, t, loc = o["source"] or {}, o["target"] or {}, o["location"] or {}
            ev_rows.append([o["event_id"], a.doc_id, o["type"], o["mode"], o["cameo"],
                            s.get("id"), s.get("name"), s.get("code"), s.get("mention"),
                            t.get("id"), t.get("name"), t.get("code"), t.get("mention"),
                            o["date"], o["date_precision"], o["date_text"], o["story_date"],
                            loc.get("id"), loc.get("name"), loc.get("country"), loc.get("lat"), loc.get("lon"),
                            o["modality"], o["trigger"], o["evidence"], o["confidence"], dedup_key(o),
                            json.dumps(o, ensure_ascii=False)])
        if ev_rows:
            self.con.executemany("INSERT OR REPLACE INTO events VALUES (" + ", ".join("?" * 28) + ")", ev_rows)
        return len(ev_rows)

    # ---- reading ----------------------------------------------------------------
    def events(self, *, where: str = "", params: list | None = None, dedup: bool = False) -> Iterator[dict[str, Any]]:
        """Stored events as EVENT_FORMAT.md objects (one per real-world event when ``dedup``)."""
        sql = "SELECT record FROM events"
        if dedup:
            sql = ("SELECT record FROM (SELECT record, row_number() OVER (PARTITION BY dedup_key "
                   "ORDER BY confidence DESC, event_id) AS rn FROM events" + (f" WHERE {where}" if where else "")
                   + ") WHERE rn = 1")
        elif where:
            sql += f" WHERE {where}"
        sql += " ORDER BY 1" if not dedup else ""
        for (rec,) in self.con.execute(sql, params or []).fetchall():
            yield json.loads(rec)

    def stats(self) -> dict[str, Any]:
        """Counts for ``marsad stats``."""
        q = lambda sql: self.con.execute(sql).fetchall()  # noqa: E731
        return {
            "articles": q("SELECT count(*) FROM articles")[0][0],
            "sentences": q("SELECT count(*) FROM sentences")[0][0],
            "mentions": q("SELECT count(*) FROM mentions")[0][0],
            "events": q("SELECT count(*) FROM events")[0][0],
            "distinct_events": q("SELECT count(DISTINCT dedup_key) FROM events")[0][0],
            "failures": q("SELECT count(*) FROM failures WHERE NOT skipped")[0][0],
            "skipped": q("SELECT count(*) FROM failures WHERE skipped")[0][0],
            "by_type": dict(q("SELECT type, count(*) FROM events GROUP BY 1 ORDER BY 2 DESC")),
            "top_actors": q("SELECT actor_id, any_value(actor_name), any_value(code), count(*) FROM mentions "
                            "GROUP BY 1 ORDER BY 4 DESC, 1 LIMIT 10"),
            "provisional": q("SELECT count(DISTINCT actor_id) FROM mentions WHERE provisional")[0][0],
        }

    def export(self, fmt: str, out: Path | None, *, dedup: bool = False) -> int:
        """Write all events as jsonl, csv or parquet; returns the number written."""
        records = list(self.events(dedup=dedup))
        if fmt == "parquet":
            if out is None:
                raise StoreError("parquet needs an output file (-o FILE)")
            rows = [csv_row(r) for r in records]
            self.con.execute("CREATE OR REPLACE TEMP TABLE _export AS SELECT * FROM read_json(?, format='array', "
                             "columns=" + _columns_struct() + ")", [_json_tmp(rows)])
            self.con.execute(f"COPY _export TO '{_sql_path(out)}' (FORMAT parquet)")
            return len(rows)
        from marsad.store.write import write_events
        return write_events(records, fmt, out)


def _columns_struct() -> str:
    types = {"source_start": "INTEGER", "source_end": "INTEGER", "target_start": "INTEGER", "target_end": "INTEGER",
             "trigger_start": "INTEGER", "trigger_end": "INTEGER", "evidence_start": "INTEGER",
             "evidence_end": "INTEGER", "confidence": "DOUBLE", "location_lat": "DOUBLE", "location_lon": "DOUBLE",
             "source_provisional": "BOOLEAN", "target_provisional": "BOOLEAN", "date": "DATE", "story_date": "DATE"}
    return "{" + ", ".join(f"'{c}': '{types.get(c, 'VARCHAR')}'" for c in CSV_COLUMNS) + "}"


def _json_tmp(rows: list[dict]) -> str:
    import tempfile
    fh = tempfile.NamedTemporaryFile("w", suffix=".json", delete=False, encoding="utf-8")
    json.dump(rows, fh, ensure_ascii=False)
    fh.close()
    return fh.name


def _sql_path(p: Path) -> str:
    return str(p).replace("'", "''")
