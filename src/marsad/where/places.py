"""Place mentions in a document, with ambiguous names resolved by context.

An Arabic place name can stand for several places (طرابلس in Libya and in
Lebanon). The reading whose country the document talks about most wins;
ties go to the place listed first in the gazetteer.
"""
from __future__ import annotations

from collections import Counter

from marsad.arabic.normalize import Normalized
from marsad.records import Mention, PlaceMention
from marsad.where.gazetteer import Gazetteer


def place_hits(norm: Normalized, gaz: Gazetteer) -> list:
    """The gazetteer's hits in a normalised text (found once, shared by actors and places)."""
    return gaz.lexicon.find(norm.text) if gaz.lexicon is not None else []


def place_countries(norm: Normalized, gaz: Gazetteer, hits: list) -> list[tuple[int, str]]:
    """(raw start, ISO3) of the places whose name is not ambiguous, for the actor resolver."""
    out = []
    for h in hits:
        if len(h.values) == 1 and gaz.places[h.values[0]].country:
            out.append((norm.to_raw(h.start), gaz.places[h.values[0]].country))
    return out


def find_places(text: str, norm: Normalized, gaz: Gazetteer, mentions: tuple[Mention, ...] = (),
                hits: list | None = None) -> tuple[PlaceMention, ...]:
    """Place mentions of a document, in text order."""
    if gaz.lexicon is None:
        return ()
    if hits is None:
        hits = gaz.lexicon.find(norm.text)
    if not hits:
        return ()
    context: Counter = Counter(m.actor.country for m in mentions if m.actor.country)
    for h in hits:
        if len(h.values) == 1:
            context[gaz.places[h.values[0]].country] += 1
    out = []
    for h in hits:
        s, e = norm.span_to_raw(h.start, h.end)
        ids = h.values
        pid = ids[0] if len(ids) == 1 else max(ids, key=lambda i: (context[gaz.places[i].country], -ids.index(i)))
        out.append(PlaceMention(s, e, text[s:e], gaz.places[pid], h.proclitic))
    return tuple(out)
