"""``marsad explain``: show a curator why a sentence was (or was not) coded."""
from __future__ import annotations

import datetime as dt

from marsad.arabic.normalize import normalize
from marsad.arabic.tokenize import tokenize
from marsad.pipeline import Pipeline
from marsad.records import Article, Failure
from marsad.store import event_to_dict


def explain(sentence: str, day: dt.date | None = None, pipeline: Pipeline | None = None) -> str:
    """A readable account of tokens, actors, dates, places, triggers, frames and events."""
    p = pipeline or Pipeline(require_arabic=False)
    doc = p.run(Article("explain", sentence, day))
    lines = [f"sentence: {sentence}", f"story date: {day or 'unknown'}"]
    if isinstance(doc, Failure):
        return "\n".join(lines + [f"not coded: {doc.stage}: {doc.message}"])
    toks = tokenize(doc.coded_text)
    lines.append("tokens: " + " | ".join(f"{t.text}" + (f" ({t.proclitic}+{t.stem})" if t.proclitic else "")
                                       for t in toks))
    lines.append("actors:")
    lines += [f"  [{m.start}:{m.end}] {m.text} -> {m.actor.id} {m.actor.code} via {m.via}"
              + (f" role {m.role}" if m.role else "") + (" (provisional)" if m.actor.provisional else "")
              for m in doc.mentions] or ["  (none)"]
    lines.append("dates:")
    lines += [f"  [{d.start}:{d.end}] {d.text} -> {d.date} ({d.precision})" + (f" {d.flag}" if d.flag else "")
              for d in doc.dates] or ["  (none)"]
    lines.append("places:")
    lines += [f"  [{pl.start}:{pl.end}] {pl.text} -> {pl.place.id} ({pl.place.lat}, {pl.place.lon})"
              for pl in doc.places] or ["  (none)"]
    trace: list = []
    p._coder.code(doc, normalize(doc.coded_text), trace)
    lines.append("triggers and frames:")
    for t, spec, fr, verdict in trace:
        lines.append(f"  [{t.start}:{t.end}] {doc.coded_text[t.start:t.end]} -> {spec.type} {spec.mode or ''} "
                     f"({fr.pos}{', weak' if spec.weak else ''}); frame {fr.how}: "
                     f"{[m.text for m in fr.sources]} -> {[m.text for m in fr.targets]}; {verdict}")
    if not trace:
        lines.append("  (none)")
    lines.append("events:")
    for e in doc.events:
        o = event_to_dict(e)
        lines.append(f"  {o['type']} {o['mode'] or ''} cameo {o['cameo']}: "
                     f"{(o['source'] or {}).get('id')} -> {(o['target'] or {}).get('id')} "
                     f"{o['modality']} date {o['date']} ({o['date_precision']}) conf {o['confidence']}")
    if not doc.events:
        lines.append("  (none)")
    return "\n".join(lines)
