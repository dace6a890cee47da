"""Which place an event happened in: not every place its sentence names.

A place introduced as a location ("في طرابلس"، "بمدينة بوزنيقة"، attached ب)
inside the event's clause wins; for a visit, the destination after إلى/ل; a
place after من is an origin. Places that are part of an actor's name do not
count. Among the candidates the one closest to the trigger is taken.
"""
from __future__ import annotations

import re
from functools import lru_cache

from marsad.arabic.normalize import normalize_key
from marsad.records import Mention, PlaceMention
from marsad.resources import load_yaml


@lru_cache(maxsize=1)
def _words() -> dict[str, re.Pattern[str]]:
    raw = load_yaml("events/frames.yaml")

    def tail(key: str) -> re.Pattern[str]:
        forms = sorted((re.escape(normalize_key(w)) for w in raw.get(key) or []), key=len, reverse=True)
        return re.compile(r"(?:^|\s)[وف]?(?:" + "|".join(forms) + r")\s*$")

    return {k: tail(k) for k in ("locative_words", "destination_words", "origin_words")}


def event_location(text: str, places: list[PlaceMention], mentions: list[Mention], trigger: tuple[int, int],
                   visit: bool, clause: tuple[int, int]) -> PlaceMention | None:
    """The place of an event whose trigger spans ``trigger`` in a clause ``clause`` (raw offsets)."""
    w = _words()
    best: tuple[int, PlaceMention] | None = None
    for p in places:
        if not (clause[0] <= p.start < clause[1]):
            continue
        if any(m.start <= p.start and p.end <= m.end and m.via not in ("capital", "country") and m.end - m.start >
               p.end - p.start for m in mentions):
            continue  # "حكومة طرابلس" names an actor, not a place
        before = normalize_key(text[max(0, p.start - 25):p.start])
        first = normalize_key(p.text)[:1]
        attached_b = first == "ب" and not normalize_key(p.place.name_ar).startswith("ب")
        attached_l = first == "ل" and not normalize_key(p.place.name_ar).startswith("ل")
        if w["origin_words"].search(before + " "):
            continue
        score = None
        if visit and (w["destination_words"].search(before + " ") or attached_l):
            score = 0
        elif w["locative_words"].search(before + " ") or attached_b:
            score = 1
        if score is None:
            continue
        dist = abs(p.start - trigger[0])
        key = score * 10_000 + dist
        if best is None or key < best[0]:
            best = (key, p)
    return best[1] if best else None
