"""Resolving date expressions against the story date (GUIDELINES.md, ``date``).

A day resolves to itself, a week to its Monday, a month to its 1st and a year
to 1 January. Relative expressions need the story date; without it they
resolve to ``None`` with precision ``unknown``. Dates that cannot exist
(31 April, 29 February 2021) or fall outside the calendars' range also
resolve to ``unknown``.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from itertools import groupby

from hijridate import Gregorian, Hijri

from marsad.records import DatePrecision
from marsad.when.expressions import Expression, Lexicon, key, lexicon

WEEKDAY_CONFLICT = "weekday_conflict"
"""The weekday named next to a date is not that date's weekday."""
RELATIVE_CONFLICT = "relative_conflict"
"""A relative day word ("اليوم") next to an explicit date points to another day."""


@dataclass(frozen=True, slots=True)
class Resolution:
    """What an expression means on a given story date."""

    date: dt.date | None
    """Resolved date (Monday / 1st / 1 January for coarser precisions)."""
    precision: DatePrecision
    """How precisely ``date`` is known."""
    flag: str | None = None
    """A warning such as ``weekday_conflict``."""


UNKNOWN = Resolution(None, DatePrecision.UNKNOWN)


def monday(day: dt.date) -> dt.date:
    """Monday of the week containing ``day``."""
    return day - dt.timedelta(days=day.weekday())


def add_months(day: dt.date, months: int) -> dt.date:
    """The 1st of the month ``months`` after (or before) ``day``'s month."""
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def weekday_of(expr: Expression) -> int | None:
    """Weekday number (Monday 0) named in the expression, if any."""
    word = expr.fields.get("wd") or expr.fields.get("pwd")
    return lexicon().weekdays[key(word)] if word else None


def day_offset(expr: Expression) -> int | None:
    """Offset in days of the relative day word ("أمس" -1), if the expression has one."""
    if "rd" not in expr.fields:
        return None
    return lexicon().relative_days[key(expr.fields["rd"])]


def _day_number(expr: Expression, lex: Lexicon) -> int:
    if "dn" in expr.fields:
        return int(expr.fields["dn"])
    return lex.ordinals[key(expr.fields["do"])]


def _relative(expr: Expression, lex: Lexicon, name: str = "rel") -> int | None:
    word = expr.fields.get(name)
    return lex.relative[key(word)] if word else None


def _year_for_month(month: int, rel: int | None, story: dt.date) -> int:
    """Year of a month named without a year: past (strictly before the story
    month; before last is a year earlier), next (strictly after; after next is
    a year later), current (the story year), or bare (on or before the story
    month)."""
    if rel is not None and rel < 0:
        return (story.year if month < story.month else story.year - 1) + rel + 1
    if rel is not None and rel > 0:
        return (story.year if month > story.month else story.year + 1) + rel - 1
    if rel == 0:
        return story.year
    return story.year if month <= story.month else story.year - 1


def _recent_day(month: int, day: int, story: dt.date) -> dt.date | None:
    """The most recent ``day``/``month`` on or before ``story`` (8 years reach any 29 February)."""
    for year in range(story.year, story.year - 9, -1):
        try:
            candidate = dt.date(year, month, day)
        except ValueError:
            continue
        if candidate <= story:
            return candidate
    return None


def _checked(day: dt.date | None, expr: Expression, story: dt.date | None) -> Resolution:
    """Day-precision result of an explicit date, flagged when the weekday or a relative word disagrees."""
    if day is None:
        return UNKNOWN
    flag = None
    offset = day_offset(expr)
    weekday = weekday_of(expr)
    if weekday is not None and weekday != day.weekday():
        flag = WEEKDAY_CONFLICT
    elif offset is not None and story is not None and story + dt.timedelta(days=offset) != day:
        flag = RELATIVE_CONFLICT
    return Resolution(day, DatePrecision.DAY, flag)


def _dmy(expr: Expression, lex: Lexicon, story: dt.date | None) -> Resolution:
    month = lex.months[key(expr.fields["mon"])]
    day = _day_number(expr, lex)
    if "year" in expr.fields:
        year = int(expr.fields["year"])
    elif story is None:
        return UNKNOWN
    elif "yrel" in expr.fields:
        year = story.year + (_relative(expr, lex, "yrel") or 0)
    elif "rel" in expr.fields or "mrel" in expr.fields:
        year = _year_for_month(month, _relative(expr, lex, "rel" if "rel" in expr.fields else "mrel"), story)
    else:
        return _checked(_recent_day(month, day, story), expr, story)
    try:
        return _checked(dt.date(year, month, day), expr, story)
    except ValueError:
        return UNKNOWN


def _numeric(expr: Expression, lex: Lexicon, story: dt.date | None) -> Resolution | None:
    a, b, c = expr.fields["a"], expr.fields["b"], expr.fields["c"]
    if len(a) == 4 and len(c) <= 2:
        year, month, day = int(a), int(b), int(c)
    elif len(c) == 4 and len(a) <= 2:
        day, month, year = int(a), int(b), int(c)
    else:
        return None
    if not 1900 <= year <= 2100:
        return None
    try:
        return _checked(dt.date(year, month, day), expr, story)
    except ValueError:
        return None


def _dom_rel(expr: Expression, lex: Lexicon, story: dt.date | None) -> Resolution:
    if story is None:
        return UNKNOWN
    first = add_months(story, _relative(expr, lex) or 0)
    try:
        return Resolution(first.replace(day=_day_number(expr, lex)), DatePrecision.DAY)
    except ValueError:
        return UNKNOWN


def _month(expr: Expression, lex: Lexicon, story: dt.date | None) -> Resolution | None:
    fields = expr.fields
    if not ({"prep", "edge", "noun", "year", "yrel", "rel", "mrel"} & fields.keys()):
        return None  # a bare month name ("مارس" is also a verb) is not a date
    month = lex.months[key(fields["mon"])]
    if "year" in fields:
        year = int(fields["year"])
    elif story is None:
        return UNKNOWN
    elif "yrel" in fields:
        year = story.year + (_relative(expr, lex, "yrel") or 0)
    else:
        year = _year_for_month(month, _relative(expr, lex, "rel" if "rel" in fields else "mrel"), story)
    return Resolution(dt.date(year, month, 1), DatePrecision.MONTH)


def _hijri_year(month: int, day: int, rel: int | None, story: dt.date) -> int:
    today = Gregorian(story.year, story.month, story.day).to_hijri()
    if rel is not None and rel < 0:
        return (today.year if month < today.month else today.year - 1) + rel + 1
    if rel is not None and rel > 0:
        return (today.year if month > today.month else today.year + 1) + rel - 1
    if rel == 0:
        return today.year
    return today.year if (month, day) <= (today.month, today.day) else today.year - 1


def _to_gregorian(year: int, month: int, day: int) -> dt.date:
    g = Hijri(year, month, day).to_gregorian()
    return dt.date(g.year, g.month, g.day)


def _hdmy(expr: Expression, lex: Lexicon, story: dt.date | None) -> Resolution | None:
    fields = expr.fields
    name = key(fields["hmon"])
    if name in lex.ambiguous_hijri_months and not ({"hyear", "hmark", "rel"} & fields.keys()):
        return None
    month, day = lex.hijri_months[name], _day_number(expr, lex)
    if "hyear" in fields:
        year = int(fields["hyear"])
    elif story is None:
        return UNKNOWN
    else:
        year = _hijri_year(month, day, _relative(expr, lex), story)
    return _checked(_to_gregorian(year, month, day), expr, story)


def _hmonth(expr: Expression, lex: Lexicon, story: dt.date | None) -> Resolution:
    month = lex.hijri_months[key(expr.fields["hmon"])]
    if "hyear" in expr.fields:
        year = int(expr.fields["hyear"])
    elif story is None:
        return UNKNOWN
    else:
        year = _hijri_year(month, 1, _relative(expr, lex), story)
    # A Hijri month straddles two Gregorian ones; it is dated by the month it starts in.
    return Resolution(_to_gregorian(year, month, 1).replace(day=1), DatePrecision.MONTH)


def _relday(expr: Expression, lex: Lexicon, story: dt.date | None) -> Resolution:
    if story is None:
        return UNKNOWN
    day = story + dt.timedelta(days=day_offset(expr) or 0)
    weekday = weekday_of(expr)
    flag = WEEKDAY_CONFLICT if weekday is not None and weekday != day.weekday() else None
    return Resolution(day, DatePrecision.DAY, flag)


def _weekday(expr: Expression, lex: Lexicon, story: dt.date | None, before: str) -> Resolution | None:
    fields = expr.fields
    if (key(fields["wd"]) in lex.ambiguous_weekdays and not ({"dp", "yawm", "rel"} & fields.keys())
            and before in lex.ambiguous_weekday_blockers):
        return None  # "بين الاثنين": "the two", not Monday
    if story is None:
        return UNKNOWN
    return Resolution(_weekday_date(lex.weekdays[key(fields["wd"])], _relative(expr, lex), story), DatePrecision.DAY)


def _weekday_date(weekday: int, rel: int | None, story: dt.date) -> dt.date:
    """A weekday next (strictly after the story date, a week later for after
    next) or past and bare (on or before it, a week earlier for before last)."""
    if rel is not None and rel > 0:
        ahead = (weekday - story.weekday() - 1) % 7 + 1
        return story + dt.timedelta(days=ahead + 7 * (rel - 1))
    back = (story.weekday() - weekday) % 7
    return story - dt.timedelta(days=back + 7 * max(0, -(rel or 0) - 1))


def resolve_run(expr: Expression, story: dt.date | None) -> tuple[Resolution, ...]:
    """Resolve coordinated weekdays ("الأحد والاثنين المقبلين"), one resolution per part.

    Days sharing an adjective are read as one stretch in text order: for
    "next" the first day resolves as a lone weekday would and each later day
    is the first one after its predecessor; otherwise the last day resolves
    as a lone weekday would and each earlier day is the last one before its
    successor.

    Args:
        expr: a ``weekdays`` expression from ``find_expressions``.
        story: the story date, or None when unknown.

    Returns:
        Resolutions in the order of ``expr.parts``.
    """
    if story is None:
        return tuple(UNKNOWN for _ in expr.parts)
    lex = lexicon()
    days = [(lex.weekdays[key(p.fields["wd"])], _relative(p, lex)) for p in expr.parts]
    dates: list[dt.date] = []
    try:
        for rel, group in groupby(days, key=lambda day: day[1]):
            weekdays = [weekday for weekday, _ in group]
            if rel is not None and rel > 0:
                stretch = [_weekday_date(weekdays[0], rel, story)]
                for weekday in weekdays[1:]:
                    stretch.append(_weekday_date(weekday, 1, stretch[-1]))
            else:
                stretch = [_weekday_date(weekdays[-1], rel, story)]
                for weekday in reversed(weekdays[:-1]):
                    stretch.append(_weekday_date(weekday, None, stretch[-1] - dt.timedelta(days=1)))
                stretch.reverse()
            dates.extend(stretch)
    except OverflowError:
        return tuple(UNKNOWN for _ in expr.parts)
    return tuple(Resolution(d, DatePrecision.DAY) for d in dates)


def _period(expr: Expression, lex: Lexicon, story: dt.date | None) -> Resolution:
    if story is None:
        return UNKNOWN
    rel = _relative(expr, lex) or 0
    if expr.kind == "week":
        return Resolution(monday(story) + dt.timedelta(weeks=rel), DatePrecision.WEEK)
    if expr.kind == "monthword":
        return Resolution(add_months(story, rel), DatePrecision.MONTH)
    return Resolution(dt.date(story.year + rel, 1, 1), DatePrecision.YEAR)


def _year(expr: Expression, lex: Lexicon, story: dt.date | None) -> Resolution | None:
    if not ({"prep", "edge", "noun"} & expr.fields.keys()):
        return None  # an unmarked four-digit number is a count, not a year
    return Resolution(dt.date(int(expr.fields["year"]), 1, 1), DatePrecision.YEAR)


def _duration(expr: Expression, lex: Lexicon, story: dt.date | None) -> Resolution:
    fields = expr.fields
    if "dual" in fields:
        unit, count = lex.units[key(fields["dual"])][0], 2
    elif "one" in fields:
        unit, count = lex.units[key(fields["one"])][0], 1
    else:
        unit = lex.units[key(fields["unit"])][0]
        number = fields["num"]
        count = int(number) if number.isdigit() else lex.numbers[key(number)]
    if story is None:
        return UNKNOWN
    if unit == "day":
        return Resolution(story - dt.timedelta(days=count), DatePrecision.DAY)
    if unit == "week":
        return Resolution(monday(story - dt.timedelta(weeks=count)), DatePrecision.WEEK)
    if unit == "month":
        return Resolution(add_months(story, -count), DatePrecision.MONTH)
    return Resolution(dt.date(story.year - count, 1, 1), DatePrecision.YEAR)


_FAMILIES: dict[str, Callable[[Expression, Lexicon, dt.date | None], Resolution | None]] = {
    "dmy": _dmy, "hdmy": _hdmy, "numeric": _numeric, "dom_rel": _dom_rel, "month": _month, "hmonth": _hmonth,
    "relday": _relday, "week": _period, "monthword": _period, "yearword": _period, "year": _year,
    "duration": _duration,
}


def resolve(expr: Expression, story: dt.date | None, before: str = "") -> Resolution | None:
    """Resolve one expression against the story date.

    Args:
        expr: an expression from ``find_expressions``.
        story: the story (publication) date, or None when unknown.
        before: the normalised word just before the expression (to reject
            ambiguous weekday spellings such as "بين الاثنين").

    Returns:
        The resolution (``UNKNOWN`` when it cannot be dated), or None when
        the match turns out not to be a date expression at all.

    Raises:
        ValueError: for an expression family this module does not know.
    """
    kind = expr.kind
    family = _FAMILIES.get(kind)
    if family is None and kind != "weekday":
        raise ValueError(f"unknown date expression family {kind!r}")
    try:
        if family is None:
            return _weekday(expr, lexicon(), story, before)
        return family(expr, lexicon(), story)
    except (ValueError, OverflowError):
        # date arithmetic beyond year 1..9999 or outside the Hijri converter's range
        return UNKNOWN
