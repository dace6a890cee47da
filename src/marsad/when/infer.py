"""Story-date inference: guess the publication date from the text itself.

Evidence comes from explicit day dates that carry a year ("5 فبراير 2021",
"24/12/2021", "15 رمضان 1442 هـ") and from relative day words with a weekday
("أمس الأربعاء" says the story date is a Thursday). Each candidate date (an
explicit date, or an explicit date shifted by a relative word written next to
it) is scored by the evidence that agrees with it; the best one wins, and its
confidence grows with its support and shrinks with a close rival.
"""
from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

from marsad.arabic.normalize import normalize
from marsad.records import DatePrecision
from marsad.when.expressions import find_expressions
from marsad.when.resolve import day_offset, resolve, weekday_of

_ABSOLUTE = frozenset({"dmy", "hdmy", "numeric"})
_SAME_DAY = 1.0        # the candidate is written out in the text
_ANCHORED = 2.0        # "اليوم الخميس 4 فبراير 2021": the text says which day is the story's
_WEEKDAY_AGREES = 1.5  # "أمس الأربعاء" and the candidate is a Thursday
_WEEKDAY_DISAGREES = -1.0
_ATTACHED_WEEKDAY = 0.5  # "الخميس 4 فبراير 2021" with the right weekday (or -0.5 with a wrong one)
_LATEST = 0.25         # news mostly reports the past, so the latest date is the likeliest
_MAX_CONFIDENCE = 0.95


@dataclass(frozen=True, slots=True)
class _Anchor:
    date: dt.date
    weekday: int | None
    offset: int | None


def _evidence(text: str) -> tuple[list[_Anchor], list[tuple[int, int]]]:
    anchors: list[_Anchor] = []
    relative_weekdays: list[tuple[int, int]] = []
    for expr in find_expressions(normalize(text).text):
        if expr.kind in _ABSOLUTE:
            res = resolve(expr, None)
            if res is not None and res.date is not None and res.precision is DatePrecision.DAY:
                anchors.append(_Anchor(res.date, weekday_of(expr), day_offset(expr)))
        elif expr.kind == "relday":
            weekday, offset = weekday_of(expr), day_offset(expr)
            if weekday is not None and offset is not None:
                relative_weekdays.append((offset, weekday))
    return anchors, relative_weekdays


def _implied(anchor: _Anchor) -> dt.date:
    """The story date an explicit date implies: itself, or shifted by its relative word."""
    return anchor.date - dt.timedelta(days=anchor.offset or 0)


def _score(candidate: dt.date, anchors: list[_Anchor], relative_weekdays: list[tuple[int, int]],
           latest: dt.date) -> float:
    score = _LATEST if candidate == latest else 0.0
    for a in anchors:
        if _implied(a) != candidate:
            continue
        score += _SAME_DAY if a.offset is None else _ANCHORED
        if a.weekday is not None:
            score += _ATTACHED_WEEKDAY if a.weekday == a.date.weekday() else -_ATTACHED_WEEKDAY
    for offset, weekday in relative_weekdays:
        agrees = (candidate + dt.timedelta(days=offset)).weekday() == weekday
        score += _WEEKDAY_AGREES if agrees else _WEEKDAY_DISAGREES
    return score


def infer_story_date(text: str) -> tuple[dt.date | None, float]:
    """Guess the publication date of ``text``.

    Args:
        text: raw article text.

    Returns:
        ``(date, confidence)`` with confidence in [0, 1]; ``(None, 0.0)`` when
        the text has no explicit day date with a year, or the evidence
        contradicts every candidate.
    """
    anchors, relative_weekdays = _evidence(text)
    if not anchors:
        return None, 0.0
    candidates = {_implied(a) for a in anchors}
    for a in anchors:
        # "أمس الأربعاء" in the body and "الأربعاء 3 فبراير 2021" elsewhere: the story is the 4th
        candidates.update(a.date - dt.timedelta(days=o) for o, w in relative_weekdays if w == a.date.weekday())
    latest = max(candidates)
    ranked = sorted(((_score(c, anchors, relative_weekdays, latest), c) for c in candidates), reverse=True)
    best_score, best = ranked[0]
    if best_score <= 0:
        return None, 0.0
    runner_up = max(ranked[1][0], 0.0) if len(ranked) > 1 else 0.0
    confidence = (1 - math.exp(-best_score / 2)) * best_score / (best_score + runner_up)
    return best, round(min(_MAX_CONFIDENCE, confidence), 3)
