"""Which place an event happened in: not every place its sentence names.

A place introduced as a location ("في طرابلس"، "بمدينة بوزنيقة"، attached ب)
inside the event's clause wins; for a visit, the destination after إلى/ل; a
place after من is an origin. Places that are part of an actor's name do not
count. Among the candidates the one closest to the trigger is taken.
"""
from __future__ import annotations

import re
from functools import lru_cache

from marsad.arabic.normalize import normalize_key, word_trie
from marsad.records import Mention, PlaceMention
from marsad.resources import load_yaml



@lru_cache(maxsize=1)
def _words() -> dict[str, re.Pattern[str]]:
    raw = load_yaml("events/frames.yaml")

    def tail(key: str) -> re.Pattern[str]:
        # searched in " " + text: a pattern that opens with \s lets the engine skip to the spaces in C
        return re.compile(r"\s[وف]?" + word_trie(raw.get(key)) + r"\s*$")

    words = {k: tail(k) for k in ("locative_words", "destination_words", "origin_words", "during_visit_words")}
    words["direction"] = re.compile(r"^[\s«»\"'’‘“”،,]*[وف]?" + word_trie(raw.get("direction_words"), False)
                                    + r"[\s«»\"'’‘“”]*$")  # "بوزنيقة جنوب الرباط"
    # "مطار بنينا في بنغازي": the town after a site only says where the site lies
    words["site_in"] = re.compile(r"^\s*(?:" + word_trie(raw.get("site_in_words"), False) + r")\s*$")
    return words


# places inside a town: the site names where an event happened more closely than its town does
_SITE_KINDS = frozenset({"airbase", "airport", "border_crossing", "landmark", "military_base", "oil_field",
                         "oil_terminal", "port"})
def inherit_locations(events: list, replace) -> list:
    """Give an event without a place the place of another event of the article with the same two sides
    (the same meeting told again), or with the same source within six sentences."""
    located = [e for e in events if e.location is not None and e.location.place.kind not in ("country", "region")]
    if not located:
        return events
    out = []
    for e in events:
        if e.location is None and e.source is not None:
            sides = {e.source.actor.id, e.target.actor.id if e.target else None}
            best = None
            for o in located:
                o_sides = {o.source.actor.id if o.source else None, o.target.actor.id if o.target else None}
                near = abs(o.sentence_index - e.sentence_index)
                if o_sides == sides or (o.source and o.source.actor.id == e.source.actor.id and near <= 6):
                    if best is None or near < abs(best.sentence_index - e.sentence_index):
                        best = o
            if best is not None:
                e = replace(e, location=best.location)
        out.append(e)
    return out


_NEW_CLAUSE = re.compile(r"[،,]\s*[وف]")  # "...، وتسرب عدد منهم إلى إيطاليا": the place belongs to the next clause
_DESTINATION_REACH = 80  # characters from a visit's trigger to its destination (a long title may stand between)


def event_location(text: str, places: list[PlaceMention], mentions: list[Mention], trigger: tuple[int, int],
                   visit: bool, clause: tuple[int, int], retreat: bool = False,
                   home: frozenset[str] = frozenset(), targets: frozenset[str] = frozenset(),
                   delivery: bool = False) -> PlaceMention | None:
    """The place of an event whose trigger spans ``trigger`` in a clause ``clause`` (raw offsets).

    ``home`` holds the countries of the event's actors: "ممثلون عن مجلس النواب في ليبيا" names the
    actors' own country, which says nothing about where they met. A ``delivery`` (of aid) happens where it
    arrives, as a visit does, when its destination stands in the same phrase ("وصلت إلى مطار بنينا طائرات
    مساعدات"، not "...، وتسرب عدد منهم إلى إيطاليا").
    """
    w = _words()
    best: tuple[int, PlaceMention] | None = None
    prev: PlaceMention | None = None
    for p in places:
        gap = text[prev.end:p.start] if prev is not None else None
        after_place = gap is not None and (w["direction"].match(gap) or (
            prev.place.kind in _SITE_KINDS and p.place.kind not in _SITE_KINDS
            and w["site_in"].match(gap + (p.proclitic or ""))))  # "مطار بنينا في بنغازي"، "مطار بنينا ببنغازي"
        prev = p
        if not (clause[0] <= p.start < clause[1]):
            continue
        if after_place:
            continue  # "بوزنيقة جنوب الرباط": the second place only says where the first one lies
        if any(m.start <= p.start and p.end <= m.end and m.via not in ("capital", "country") and m.end - m.start >
               p.end - p.start for m in mentions):
            continue  # "حكومة طرابلس" names an actor, not a place
        before = normalize_key(text[max(0, p.start - 25):p.start]).rstrip(" «»\"'’‘“”")
        if p.proclitic is not None:  # the matcher knows: "بلوشستان" has no ب, "بإقليم بلوشستان" has
            attached_b, attached_l = p.proclitic.lstrip("وف").startswith("ب"), p.proclitic.lstrip("وف").startswith("ل")
        else:
            first = normalize_key(p.text)[:1]
            attached_b = first == "ب" and not normalize_key(p.place.name_ar).startswith("ب")
            attached_l = first == "ل" and not normalize_key(p.place.name_ar).startswith("ل")
        spaced = " " + before + " "
        origin = w["origin_words"].search(spaced)
        if origin and not retreat:
            continue  # where a visitor came from; but a withdrawal happens where it leaves ("انسحبت من ترهونة")
        visited = visit and p.start >= trigger[1] and any(
            m.start <= p.start and p.end <= m.end and m.via in ("capital", "country")
            and (not targets or m.actor.id in targets) for m in mentions)  # the state visited, not one named later
        score = None
        during = p.start > trigger[0] and w["during_visit_words"].search(
            " " + normalize_key(text[max(0, p.start - 30):p.start]) + " ")
        near = p.start - trigger[1] <= _DESTINATION_REACH  # "زيارة X إلى Y": the destination follows closely
        delivered = delivery and near and not _NEW_CLAUSE.search(text, min(p.end, trigger[1]), max(p.start, trigger[0]))
        if during or ((visit or delivered) and near
                      and (w["destination_words"].search(spaced) or attached_l or visited)):
            score = 0  # a visit's destination, also the place of what was said during it
        elif origin:
            score = 1
        elif w["locative_words"].search(spaced) or attached_b:
            score = 1
        if score is None:
            continue
        dist = abs(p.start - trigger[0])
        if p.place.kind in ("country", "region") and score > 0:
            if p.place.kind == "country" and p.place.country in home:
                continue  # "ممثلون عن مجلس النواب في ليبيا": the actors' own state says nothing
            score += 2  # "في ليبيا" mostly qualifies an actor; a city says where it happened
        key = score * 10_000 + dist
        if best is None or key < best[0]:
            best = (key, p)
    return best[1] if best else None


@lru_cache(maxsize=1)
def _seats() -> dict[str, str]:
    return {str(k): str(v) for k, v in (load_yaml("places/seats.yaml") or {}).items()}


def seat_location(actor_ids: set[str], places: list[PlaceMention], pos: int) -> PlaceMention | None:
    """Where a meeting its own sentence does not place happened: the seat of the one side that has one
    (data/places/seats.yaml), when the article names that seat somewhere; the mention nearest ``pos``."""
    seats = {_seats()[a] for a in actor_ids if a in _seats()}
    if len(seats) != 1:
        return None
    seat = seats.pop()
    named = [p for p in places if p.place.id == seat]
    return min(named, key=lambda p: abs(p.start - pos)) if named else None
