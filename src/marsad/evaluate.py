"""Scoring coded events against a gold file, by the rules of shared/eval/GUIDELINES.md.

Gold events expand into source x target dyads (mentions of one cluster count
once); a system actor stands for the gold entities it matches best (same id
or English name; else an equal mention after normalisation and clitic
stripping; else whole-word containment that carries a name); a system dyad
matches a gold dyad of the same type when both sides match (CONSULT, AGREE,
COOPERATE in either direction), each gold dyad once, further matches being
duplicates rather than false alarms.
"""
from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from marsad.resources import load_yaml

UNDIRECTED = frozenset({"CONSULT", "AGREE", "COOPERATE"})
ALL_MODALITIES = frozenset({"asserted", "planned", "negated", "hypothetical"})
_MARKS = re.compile(r"[\u064B-\u065F\u0670\u0640]")
_PUNCT = re.compile(r"[«»\"'“”‘’()\[\]{}،,.:;؛!?؟\-–—/]")
_FOLD = str.maketrans({"إ": "ا", "أ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي"})


def _norm(s: str | None) -> str:
    if not s:
        return ""
    return " ".join(_PUNCT.sub(" ", _MARKS.sub("", s).translate(_FOLD)).split())


def _spec() -> dict[str, Any]:
    return load_yaml("eval/scoring.yaml")


def _bare(word: str, prefixes: tuple[str, ...]) -> str:
    for p in prefixes:
        if word.startswith(p) and len(word) - len(p) >= 3:
            return word[len(p):]
    return word


class Scorer:
    """Actor matching and dyad alignment for one gold file."""

    def __init__(self) -> None:
        spec = _spec()
        self.prefixes = tuple(_norm(p) for p in spec["clitic_prefixes"])
        self.generic = frozenset(_norm(w) for w in spec["generic_words"])

    def words(self, s: str | None) -> list[str]:
        return [_bare(w, self.prefixes) for w in _norm(s).split()]

    def mention_rank(self, mention: str, gold_mentions: list[str]) -> int:
        a = self.words(mention)
        if not a:
            return 0
        best = 0
        for g in gold_mentions:
            b = self.words(g)
            if not b:
                continue
            if a == b:
                return 3
            short, long_ = (a, b) if len(a) <= len(b) else (b, a)
            if len("".join(short)) < 4 or all(w in self.generic for w in short):
                continue
            n = len(short)
            if any(long_[i:i + n] == short for i in range(len(long_) - n + 1)):
                best = 2
        return best

    def stands_for(self, actor: dict | None, entities: list[dict]) -> set[str] | None:
        """Gold entity ids a system actor matches at its best rank (None for an empty side)."""
        if actor is None:
            return None
        ranks = []
        for ent in entities:
            if actor.get("id") and actor["id"] == ent["id"]:
                r = 4
            elif (actor.get("name") or "").strip().lower() and \
                    (actor.get("name") or "").strip().lower() == (ent.get("name_en") or "").strip().lower():
                r = 4
            else:
                r = self.mention_rank(actor.get("mention") or actor.get("name_ar") or "", ent.get("mentions") or [])
            ranks.append((r, ent["id"]))
        top = max((r for r, _ in ranks), default=0)
        return {i for r, i in ranks if r == top and r > 0}

    def place_ok(self, gold: str, system: Any) -> bool:
        if not system:
            return False
        if isinstance(system, str):
            system = {"mention": system}
        g = " ".join(self.words(gold))
        for cand in (system.get("mention"), system.get("name_ar")):
            c = " ".join(self.words(cand or ""))
            if c and (c == g or (len(c) >= 3 and (c in g or g in c))):
                return True
        return False


def _side_ok(resolved: set[str] | None, ent: dict | None) -> bool:
    if resolved is None or ent is None:
        return resolved is None and ent is None
    return ent["id"] in resolved


def gold_units(doc: dict, modalities: frozenset[str]) -> list[dict]:
    """Gold dyads of a document, one per (cluster, type, source, target)."""
    ents = {e["id"]: e for e in doc.get("entities", [])}
    units: dict[tuple, dict] = {}
    for k, ev in enumerate(doc.get("events", [])):
        if ev.get("modality", "asserted") not in modalities:
            continue
        for s in ev.get("source") or [None]:
            for t in ev.get("target") or [None]:
                key = (ev.get("cluster") or k, ev["type"], s, t)
                day = ev.get("date") if ev.get("date_precision") == "day" else None
                if key in units:
                    if day:
                        units[key]["dates"].add(day)
                    continue
                units[key] = {"type": ev["type"], "s": ents.get(s) if s else None, "t": ents.get(t) if t else None,
                              "date": ev.get("date"), "dates": {ev["date"]} if ev.get("date") else set(),
                              "prec": ev.get("date_precision"), "loc": ev.get("location"),
                              "evidence": ev.get("evidence"), "trigger": ev.get("trigger")}
    return list(units.values())


def _code(x: dict | None) -> str | None:
    return None if x is None else (x.get("country") or "?") + (x.get("sector") or "")


def score(gold_docs: list[dict], system: list[dict], modalities: frozenset[str] = frozenset({"asserted"})) -> dict:
    """Figures of GUIDELINES.md for system events against gold documents."""
    sc = Scorer()
    by_doc: dict[str, list[dict]] = defaultdict(list)
    for e in system:
        if e.get("modality", "asserted") in modalities:
            by_doc[e.get("doc_id")].append(e)
    tot = Counter()
    per_type: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    misses, false_alarms = [], []
    for doc in gold_docs:
        gold = gold_units(doc, modalities)
        sys_ev = by_doc.get(doc["doc_id"], [])
        ents = doc.get("entities", [])
        res = [(sc.stands_for(e.get("source"), ents), sc.stands_for(e.get("target"), ents)) for e in sys_ev]

        def ok(g: dict, j: int) -> bool:
            if sys_ev[j].get("type") != g["type"]:
                return False
            s, t = res[j]
            if _side_ok(s, g["s"]) and _side_ok(t, g["t"]):
                return True
            return g["type"] in UNDIRECTED and _side_ok(t, g["s"]) and _side_ok(s, g["t"])

        used: set[int] = set()
        pairs = []
        for gi, g in enumerate(gold):
            cands = [j for j in range(len(sys_ev)) if j not in used and ok(g, j)]
            if cands:
                j = next((c for c in cands if sys_ev[c].get("date") in g["dates"]), cands[0])
                used.add(j)
                pairs.append((gi, j))
        dups = {j for j in range(len(sys_ev)) if j not in used and any(ok(gold[gi], j) for gi, _ in pairs)}
        kept = [e for j, e in enumerate(sys_ev) if j not in dups]
        tot["tp"] += len(pairs)
        tot["gold"] += len(gold)
        tot["system"] += len(kept)
        tot["dups"] += len(dups)
        gc = Counter((g["type"], _code(g["s"]), _code(g["t"])) for g in gold)
        scc = Counter((e.get("type"), _code(e.get("source")), _code(e.get("target"))) for e in kept)
        tot["ctp"] += sum((gc & scc).values())
        tot["cgold"] += sum(gc.values())
        tot["csys"] += sum(scc.values())
        for g in gold:
            per_type[g["type"]][1] += 1
        for e in kept:
            per_type[e.get("type")][2] += 1
        matched = set()
        for gi, j in pairs:
            matched.add(gi)
            g = gold[gi]
            per_type[g["type"]][0] += 1
            if g["prec"] == "day" and g["date"]:
                tot["date_n"] += 1
                tot["date_ok"] += sys_ev[j].get("date") in g["dates"]
            if g["loc"]:
                tot["loc_n"] += 1
                tot["loc_ok"] += sc.place_ok(g["loc"], sys_ev[j].get("location"))
        for gi, g in enumerate(gold):
            if gi not in matched:
                misses.append({"doc_id": doc["doc_id"], "type": g["type"], "source": g["s"] and g["s"]["id"],
                               "target": g["t"] and g["t"]["id"], "trigger": g["trigger"], "evidence": g["evidence"]})
        matched_sys = {j for _, j in pairs} | dups
        for j, e in enumerate(sys_ev):
            if j not in matched_sys:
                false_alarms.append({"doc_id": doc["doc_id"], "type": e.get("type"),
                                     "source": (e.get("source") or {}).get("mention"),
                                     "target": (e.get("target") or {}).get("mention"),
                                     "trigger": e.get("trigger"), "evidence": e.get("evidence")})
        found: set[str] = set()
        for e in sys_ev:
            for a in (e.get("source"), e.get("target")):
                if a:
                    found |= sc.stands_for(a, ents) or set()
        involved = {i for ev in doc.get("events", []) if ev.get("modality", "asserted") in modalities
                    for i in (ev.get("source") or []) + (ev.get("target") or [])}
        tot["ent_n"] += len(involved)
        tot["ent_found"] += len(involved & found)
    return {
        "docs": len(gold_docs), "gold_dyads": tot["gold"], "system_dyads": tot["system"], "matched": tot["tp"],
        "duplicates": tot["dups"],
        "entity_level_prf": _prf(tot["tp"], tot["gold"], tot["system"]),
        "code_level_prf": _prf(tot["ctp"], tot["cgold"], tot["csys"]),
        "date_accuracy": round(tot["date_ok"] / tot["date_n"], 3) if tot["date_n"] else None,
        "location_accuracy": round(tot["loc_ok"] / tot["loc_n"], 3) if tot["loc_n"] else None,
        "actor_recall": round(tot["ent_found"] / tot["ent_n"], 3) if tot["ent_n"] else None,
        "per_type": {k: list(_prf(*v)) + [v[1]] for k, v in sorted(per_type.items(), key=lambda kv: str(kv[0]))},
        "misses": misses, "false_alarms": false_alarms,
    }


def _prf(tp: int, n_gold: int, n_sys: int) -> tuple[float, float, float]:
    p = tp / n_sys if n_sys else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return round(p, 3), round(r, 3), round(f, 3)


def evaluate_files(gold: Path, system: Path | None, *, all_modalities: bool = False) -> dict:
    """Score ``system`` events (or the events Marsad codes now from the gold texts) against ``gold``."""
    from marsad.ingest import read_inputs
    from marsad.pipeline import Pipeline
    from marsad.records import Failure
    from marsad.store import event_to_dict

    gold_docs = [json.loads(line) for line in open(gold, encoding="utf-8") if line.strip()]
    if system is not None:
        events = [json.loads(line) for line in open(system, encoding="utf-8") if line.strip()]
    else:
        pipeline = Pipeline()
        events = []
        for r in pipeline.run_batch(a for a in read_inputs([gold]) if not isinstance(a, Failure)):
            if not isinstance(r, Failure):
                events.extend(event_to_dict(e) for e in r.events)
    mods = ALL_MODALITIES if all_modalities else frozenset({"asserted"})
    return score(gold_docs, events, mods)


def format_report(r: dict, show: int = 15) -> str:
    """Human-readable report with misses and false alarms."""
    lines = [f"{k}: {r[k]}" for k in ("docs", "gold_dyads", "system_dyads", "matched", "duplicates",
                                       "entity_level_prf", "code_level_prf", "date_accuracy",
                                       "location_accuracy", "actor_recall")]
    lines.append("per type (P, R, F1, gold):")
    lines += [f"  {t:10s} {v}" for t, v in r["per_type"].items()]
    lines.append(f"misses ({len(r['misses'])}):")
    lines += [f"  {m['doc_id']} {m['type']} {m['source']} -> {m['target']} [{m['trigger']}] {(m['evidence'] or '')[:90]}"
              for m in r["misses"][:show]]
    lines.append(f"false alarms ({len(r['false_alarms'])}):")
    lines += [f"  {m['doc_id']} {m['type']} {m['source']} -> {m['target']} [{m['trigger']}] {(m['evidence'] or '')[:90]}"
              for m in r["false_alarms"][:show]]
    return "\n".join(lines)
