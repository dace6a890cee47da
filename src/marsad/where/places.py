"""Place mentions in a document, with ambiguous names resolved by context.

An Arabic place name can stand for several places (طرابلس in Libya and in
Lebanon). The reading whose country the document talks about most wins;
ties go to the place listed first in the gazetteer.
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from marsad.arabic.normalize import Normalized, normalize_key, word_trie
from marsad.records import Mention, Place, PlaceMention
from marsad.resources import load_yaml
from marsad.where.gazetteer import Gazetteer


def place_hits(norm: Normalized, gaz: Gazetteer) -> list:
    """The gazetteer's hits in a normalised text (found once, shared by actors and places); a place's name takes no
    article of its own ("الأزمة المالية" is financial, not of Malé; names with the article list it: "الخرطوم")."""
    if gaz.lexicon is None:
        return []
    return [h for h in gaz.lexicon.find(norm.text) if not h.proclitic.endswith(("ال", "لل"))]


def place_countries(norm: Normalized, gaz: Gazetteer, hits: list) -> list[tuple[int, str]]:
    """(raw start, ISO3) of the places whose name is not ambiguous, for the actor resolver."""
    out = []
    for h in hits:
        if len(h.values) == 1 and gaz.places[h.values[0]].country:
            out.append((norm.to_raw(h.start), gaz.places[h.values[0]].country))
    return out


_CAPITAL_OF = re.compile(r"(?<!\S)(?:[وف]?(?:ب|ل)?(?:ال)?عاصمه) (ال\S+)")


def _capitals_by_adjective(norm: Normalized, gaz: Gazetteer, text: str) -> list[PlaceMention]:
    """"العاصمة الجزائرية": a state's capital named by the state's adjective, as a place mention."""
    if "عاصمه" not in norm.text:
        return []
    capitals = _capital_places(gaz)
    out = []
    for m in _CAPITAL_OF.finditer(norm.text):
        iso = _adjectives().get(m.group(1)[2:])
        place = capitals.get(iso or "")
        if place is not None:
            s, e = norm.span_to_raw(m.start(), m.end())
            out.append(PlaceMention(s, e, text[s:e], place, ""))
    return out


@lru_cache(maxsize=1)
def _adjectives() -> dict[str, str]:
    from marsad.actors.matcher import adjective_table, shipped_matcher
    return adjective_table(shipped_matcher().base)


def _capital_places(gaz: Gazetteer) -> dict[str, Place]:
    if gaz._capitals is None:
        gaz._capitals = {}
        for p in gaz.places.values():
            if p.kind == "capital":
                gaz._capitals.setdefault(p.country, p)
    return gaz._capitals


@lru_cache(maxsize=1)
def _cues() -> tuple[re.Pattern[str], dict[str, str], frozenset[str]]:
    raw = load_yaml("places/cues.yaml")
    kinds = {normalize_key(k): str(v) for k, v in raw["cues"].items()}
    pattern = re.compile(r"(?<!\S)(?:[وف]?[بل]|[وف])?(" + word_trie(kinds, False) + r") ([^\s،,.:؛!؟?«»\"()]{3,})")
    return pattern, kinds, frozenset(normalize_key(w) for w in raw.get("not_names") or [])


def _unlisted_places(text: str, norm: Normalized, taken: list[tuple[int, int]], mentions: tuple[Mention, ...],
                     country: str | None) -> list[PlaceMention]:
    """"في مدينة زيغينشور": a name the gazetteer lacks, after a cue of its kind, as a place of the story's country
    with no coordinates; not where a known place or an actor already stands."""
    pattern, kinds, not_names = _cues()
    from marsad.actors.discover import function_words
    out = []
    for m in pattern.finditer(norm.text):
        name = m.group(2)
        if name in not_names or name in function_words() or name.isdigit() or (
                not name.startswith("ال") and name.endswith("يه")):
            continue  # "منطقة عازلة"، "مدينة ساحلية": a description, not a name
        s, e = norm.span_to_raw(m.start(), m.end(2))
        if any(a < e and s < b for a, b in taken) or any(x.start < e and s < x.end for x in mentions):
            continue
        key = normalize_key(name)
        place = Place(f"unlisted_{key}", name, text[norm.to_raw(m.start(2)):e], country or "", kinds[m.group(1)],
                      None, None)
        out.append(PlaceMention(s, e, text[s:e], place, norm.text[m.start():m.start(1)]))
    return out


def find_places(text: str, norm: Normalized, gaz: Gazetteer, mentions: tuple[Mention, ...] = (),
                hits: list | None = None) -> tuple[PlaceMention, ...]:
    """Place mentions of a document, in text order."""
    if gaz.lexicon is None:
        return ()
    if hits is None:
        hits = place_hits(norm, gaz)
    extra = _capitals_by_adjective(norm, gaz, text)
    context: Counter = Counter(m.actor.country for m in mentions if m.actor.country and m.actor.country != "IGO")
    for h in hits:
        if len(h.values) == 1:
            context[gaz.places[h.values[0]].country] += 1
    known = [norm.span_to_raw(h.start, h.end) for h in hits] + [(p.start, p.end) for p in extra]
    extra += _unlisted_places(text, norm, known, mentions, context.most_common(1)[0][0] if context else None)
    if not hits:
        return tuple(sorted(extra, key=lambda p: p.start))
    out = []
    for h in hits:
        s, e = norm.span_to_raw(h.start, h.end)
        ids = h.values
        pid = ids[0] if len(ids) == 1 else max(ids, key=lambda i: (context[gaz.places[i].country], -ids.index(i)))
        out.append(PlaceMention(s, e, text[s:e], gaz.places[pid], h.proclitic))
    if extra:
        taken = [(p.start, p.end) for p in extra]
        out = sorted([p for p in out if not any(a <= p.start < b for a, b in taken)] + extra, key=lambda p: p.start)
    return tuple(out)
