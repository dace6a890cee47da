"""``marsad actors --check`` (validate the base) and ``--unknown`` (list discovered actors)."""
from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

import yaml

from marsad.actors.base import load_base
from marsad.actors.matcher import _entries
from marsad.arabic.normalize import normalize_key
from marsad.errors import MarsadError


def check_base(directory: Path | None = None) -> tuple[list[str], int]:
    """Problems in an actor base: schema (raised on load), overlapping roles, variants shared by two actors."""
    try:
        base = load_base(directory)
    except MarsadError as exc:
        return [str(exc)], 0
    problems: list[str] = []
    for e in base.entries.values():
        by_key = defaultdict(list)
        for r in e.roles:
            if r.role and base.role_keys and r.role not in base.role_keys:
                problems.append(f"{e.origin}: actor '{e.actor.id}': unknown role key '{r.role}' (see roles.yaml)")
            if r.role:
                by_key[(r.role, r.country, r.org)].append(r)
        for (role, _, _), rs in by_key.items():
            rs.sort(key=lambda r: r.start)
            for a, b in zip(rs, rs[1:]):
                if a.end is None or b.start <= a.end:
                    if a.end is None or b.start < a.end:
                        problems.append(f"{e.origin}: actor '{e.actor.id}': role '{role}' overlaps itself "
                                        f"({a.start}..{a.end} and {b.start}..{b.end})")
    owners = defaultdict(set)
    for key, value in _entries(base):
        if value.kind == "name":
            owners[normalize_key(key)].add(value.ref)
    for key, ids in sorted(owners.items()):
        if len(ids) > 1:
            problems.append(f"name variant '{key}' points at several actors: {sorted(ids)}")
    return problems, base.size


def unknown_actors(db: Path, write: Path | None) -> int:
    """Print provisional actors with counts and an example sentence; optionally write them as YAML."""
    from marsad.store import Store

    if not db.exists():
        print(f"marsad: {db}: no such database", file=sys.stderr)
        return 2
    with Store(db) as store:
        rows = store.con.execute(
            "SELECT m.actor_id, any_value(m.actor_name), any_value(m.code), count(*) AS n, "
            "any_value(s.text) FROM mentions m LEFT JOIN sentences s ON s.doc_id = m.doc_id "
            "AND m.start_off >= s.start_off AND m.end_off <= s.end_off WHERE m.provisional "
            "GROUP BY 1 ORDER BY n DESC, 1").fetchall()
    for aid, name, code, n, example in rows:
        print(f"{n:5d}  {code or '-':8s} {name}  ({aid})\n       e.g. {example}")
    if write:
        entries = [{"id": "TODO_" + aid.split(":", 1)[1], "name": "", "kind": "PER", "country": (code or "")[:3] or None,
                    "sector": (code or "")[3:] or None, "ar": [name], "note": f"discovered in {n} mentions; review"}
                   for aid, name, code, n, _ in rows]
        write.write_text(yaml.safe_dump(entries, allow_unicode=True, sort_keys=False), encoding="utf-8")
        print(f"{len(entries)} actors written to {write} for review", file=sys.stderr)
    return 0
