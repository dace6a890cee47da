"""One event told twice in an article (headline and body) becomes one event with both evidence spans."""
from __future__ import annotations

import dataclasses

from marsad.records import Event, Sentence


def merge_restatements(events: tuple[Event, ...], sentences: tuple[Sentence, ...]) -> tuple[Event, ...]:
    """Fold a headline event into the body event with the same type, sides and modality."""
    headline = {s.index for s in sentences if s.headline}
    if not events:
        return events
    body: dict[tuple, int] = {}
    out = list(events)
    for i, e in enumerate(out):
        if e.sentence_index not in headline:
            body.setdefault(_key(e), i)
    drop = set()
    for i, e in enumerate(out):
        if e.sentence_index in headline:
            j = body.get(_key(e))
            if j is not None:
                b = out[j]
                out[j] = dataclasses.replace(b, extra_evidence=b.extra_evidence + (e.evidence,),
                                             confidence=min(0.95, round(b.confidence + 0.05, 2)))
                drop.add(i)
    _fold_retold_meetings(out, drop)
    kept = [(i, e) for i, e in enumerate(out) if i not in drop]
    # a headline's event the body tells with other words still happened when and where the lead says
    # a headline with no event of its own in the body still tells the lead's news: it takes its date and place
    first_body = min((s.index for s in sentences if not s.headline), default=None)
    news = next((b for _, b in kept if b.date is not None and b.date.date is not None
                 and first_body is not None and b.sentence_index <= first_body + 1), None)
    result = []
    for i, e in kept:
        if e.sentence_index in headline and (e.date is None or e.location is None):
            lead = next((b for _, b in kept if b.sentence_index not in headline and b.type == e.type
                         and b.sentence_index <= e.sentence_index + 3 and _shares_actor(b, e)), None)
            if lead is not None:
                e = dataclasses.replace(e, date=e.date or lead.date, location=e.location or lead.location)
            if e.date is None and news is not None and e.modality == "asserted":
                e = dataclasses.replace(e, date=news.date, location=e.location or news.location)
        result.append(e)
    return tuple(result)


_RETOLD_REACH = 4  # sentences within which a meeting of the same two sides told again is the same meeting


def _fold_retold_meetings(out: list[Event], drop: set[int]) -> None:
    """"بحث حفتر مع دي مايو ..." then "وأثنى حفتر في ختام لقائه مع دي مايو": one meeting of the same two sides, told
    again a few sentences on with no other date, is one event; so are a visit and its hosting told in one sentence
    (a visit and the talks during it stay two)."""
    first: dict[tuple, int] = {}
    for i, e in enumerate(out):
        if i in drop or e.type != "CONSULT":
            continue
        hosting = e.mode in ("visit", "host")  # "زيارة X ... استقبله Y": one visit seen from both sides
        key = _key(e) + ("visit" if hosting else e.mode,)
        j = first.get(key)
        if j is not None:
            b = out[j]
            reach = 0 if hosting and b.mode != e.mode else _RETOLD_REACH
            if e.sentence_index - b.sentence_index <= reach and (
                    e.date is None or b.date is None or e.date.date == b.date.date):
                told = b.extra_evidence + ((e.evidence,) if e.evidence != b.evidence else ())
                out[j] = dataclasses.replace(b, extra_evidence=told, date=b.date or e.date,
                                             location=b.location or e.location)
                drop.add(i)
                continue
        first[key] = i


def _shares_actor(a: Event, b: Event) -> bool:
    ids_a = {m.actor.id for m in (a.source, a.target) if m is not None}
    ids_b = {m.actor.id for m in (b.source, b.target) if m is not None}
    return bool(ids_a & ids_b)


def _key(e: Event) -> tuple:
    ends = sorted([e.source.actor.id if e.source else "", e.target.actor.id if e.target else ""])
    return e.type, tuple(ends), e.modality
