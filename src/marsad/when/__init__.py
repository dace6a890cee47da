"""Dates: find Arabic date expressions and resolve them against the story date.

``find_dates`` reports every expression with its span in the raw text;
``infer_story_date`` guesses the publication date when metadata lacks it.
"""
from __future__ import annotations

import datetime as dt

from marsad.arabic.normalize import Normalized, normalize
from marsad.records import DateMention
from marsad.when.expressions import find_expressions
from marsad.when.infer import infer_story_date
from marsad.when.resolve import resolve, resolve_run

__all__ = ["find_dates", "infer_story_date"]


def find_dates(text: str, story_date: dt.date | None, norm: Normalized | None = None) -> tuple[DateMention, ...]:
    """Every date expression of ``text``, resolved against ``story_date``.

    Args:
        text: raw text (offsets of the result index it).
        story_date: the publication date; relative expressions resolve to
            ``None`` with precision ``unknown`` when it is None.
        norm: ``normalize(text)`` if the caller has it already (the pipeline does).

    Returns:
        Date mentions in text order, non-overlapping (the longest reading
        wins where expressions overlap).
    """
    norm = norm if norm is not None else normalize(text)
    folded = norm.text
    found = []
    for expr in find_expressions(folded):
        if expr.parts:
            for part, res in zip(expr.parts, resolve_run(expr, story_date)):
                start, end = norm.span_to_raw(part.start, part.end)
                found.append(DateMention(start, end, text[start:end], res.date, res.precision, res.flag))
            continue
        before = folded[max(0, expr.start - 12):expr.start].split()[-1:] if expr.kind == "weekday" else ()
        res = resolve(expr, story_date, before[0] if before else "")
        if res is None:
            continue
        start, end = norm.span_to_raw(expr.start, expr.end)
        found.append(DateMention(start, end, text[start:end], res.date, res.precision, res.flag))
    return tuple(found)
