"""``marsad explain``: show a curator why a sentence was (or was not) coded."""
from __future__ import annotations

import datetime as dt

from marsad.arabic.normalize import normalize
from marsad.arabic.tokenize import tokenize
from marsad.events.coder import find_triggers
from marsad.events.frames import attach, frame
from marsad.events.coder import _raw_to_norm
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
    norm = normalize(doc.coded_text)
    r2n = _raw_to_norm(norm)
    lines.append("triggers and frames:")
    trig = find_triggers(norm)
    for t in trig:
        args = attach(norm.text, r2n, [m for m in doc.mentions if not (t.start < m.end and m.start < t.end)])
        fr = frame(t.spec, t.start, t.end, t.enclitic, args, norm.text, r2n)
        lines.append(f"  [{t.start}:{t.end}] {doc.coded_text[t.start:t.end]} -> {t.spec.type} {t.spec.mode or ''} "
                     f"({t.spec.pos}{', weak' if t.spec.weak else ''}); frame {fr.how}: "
                     f"{[m.text for m in fr.sources]} -> {[m.text for m in fr.targets]}")
    if not trig:
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
