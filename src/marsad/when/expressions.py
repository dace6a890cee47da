"""Finding Arabic date expressions in normalised text.

All words come from ``data/when/calendar.yaml``. They are folded with the
same normalisation as the text and compiled, once, into a single regular
expression whose top-level alternatives are the expression families
(``dmy``, ``relday``, ``weekday`` ...). Alternatives are ordered from the most
to the least specific, so at any position the longest reading wins, and
``finditer`` yields non-overlapping matches left to right. Each family's
named groups are prefixed with the family name (``dmy__mon``) because Python
forbids repeating a group name; ``Expression.fields`` gives them back without
the prefix. Coordinated weekdays ("الأحد والاثنين المقبلين") are one match,
split into one expression per weekday (``Expression.parts``).
"""
from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from marsad.arabic.normalize import normalize_key
from marsad.errors import ResourceError
from marsad.resources import load_yaml

CALENDAR = "when/calendar.yaml"

WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
RELATIVE_KINDS = {"before_last": -2, "past": -1, "current": 0, "next": 1, "after_next": 2}
PLURAL_RELATIVE_KINDS = ("past", "next")
UNIT_NAMES = ("day", "week", "month", "year")
UNIT_FORMS = ("singular", "accusative", "dual", "plural")
EDGE_KINDS = ("start", "middle", "end")


@dataclass(frozen=True, slots=True)
class Expression:
    """One date expression found in the normalised text."""

    kind: str
    """Family: hdmy, dmy, numeric, dom_rel, month, hmonth, relday, weekday, week, monthword, yearword, year,
    duration; ``weekdays`` for coordinated weekdays (see ``parts``)."""
    start: int
    """Start offset into the normalised text."""
    end: int
    """End offset (exclusive) into the normalised text."""
    fields: Mapping[str, str]
    """Matched named parts (``mon``, ``day``, ``wd`` ...) as normalised text."""
    parts: tuple[Expression, ...] = ()
    """For coordinated weekdays, one ``weekday`` expression per day in text order; otherwise empty."""


@dataclass(frozen=True, slots=True)
class Lexicon:
    """The calendar words, folded, as lookup tables keyed by normalised text."""

    months: Mapping[str, int]
    """Gregorian month name -> 1..12."""
    hijri_months: Mapping[str, int]
    """Hijri month name -> 1..12."""
    weekdays: Mapping[str, int]
    """Weekday name -> ``date.weekday()`` number (Monday 0)."""
    relative_days: Mapping[str, int]
    """Relative day word -> offset in days from the story date."""
    relative: Mapping[str, int]
    """Relative adjective, singular or plural -> periods from the story's (-2 .. +2)."""
    plural_relative: frozenset[str]
    """The dual and plural adjectives of ``relative`` (coordinated weekdays only)."""
    units: Mapping[str, tuple[str, str]]
    """Duration unit word -> (unit, form)."""
    numbers: Mapping[str, int]
    """Number word -> value."""
    ordinals: Mapping[str, int]
    """Day ordinal -> 1..31."""
    ambiguous_weekdays: frozenset[str]
    """Weekday spellings that are also common words."""
    ambiguous_weekday_blockers: frozenset[str]
    """Words before an ambiguous bare weekday that make it not a weekday."""
    ambiguous_hijri_months: frozenset[str]
    """Hijri month names that need a year or a relative word to count."""
    lists: Mapping[str, tuple[str, ...]]
    """The remaining word lists by name (day_parts, edges, nouns ...)."""


def key(text: str) -> str:
    """Lookup key of a matched piece of normalised text."""
    return " ".join(text.split())


def _words(spec: Any, where: str) -> tuple[str, ...]:
    if not isinstance(spec, list) or not spec or not all(isinstance(w, str) and w.strip() for w in spec):
        raise ResourceError(f"{CALENDAR}: '{where}' must be a non-empty list of words")
    return tuple(dict.fromkeys(normalize_key(w) for w in spec))


def _numbered(spec: Any, where: str, low: int, high: int) -> dict[str, int]:
    if not isinstance(spec, dict):
        raise ResourceError(f"{CALENDAR}: '{where}' must map numbers to word lists")
    table: dict[str, int] = {}
    for number, words in spec.items():
        if not isinstance(number, int) or not low <= number <= high:
            raise ResourceError(f"{CALENDAR}: '{where}' key {number!r} must be a number in {low}..{high}")
        for w in _words(words, f"{where}.{number}"):
            if table.get(w, number) != number:
                raise ResourceError(f"{CALENDAR}: '{where}' lists '{w}' under two numbers")
            table[w] = number
    return table


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The calendar lexicon, loaded and validated once."""
    spec = load_yaml(CALENDAR)
    if not isinstance(spec, dict):
        raise ResourceError(f"{CALENDAR}: expected a mapping at the top level")

    def section(name: str) -> Any:
        if name not in spec:
            raise ResourceError(f"{CALENDAR}: missing section '{name}'")
        return spec[name]

    weekdays: dict[str, int] = {}
    for name, words in section("weekdays").items():
        if name not in WEEKDAY_NAMES:
            raise ResourceError(f"{CALENDAR}: unknown weekday '{name}' (use {', '.join(WEEKDAY_NAMES)})")
        weekdays.update((w, WEEKDAY_NAMES.index(name)) for w in _words(words, f"weekdays.{name}"))

    relative_days: dict[str, int] = {}
    for i, entry in enumerate(section("relative_days")):
        if not isinstance(entry, dict) or not isinstance(entry.get("offset"), int):
            raise ResourceError(f"{CALENDAR}: relative_days[{i}] needs an integer 'offset' and 'words'")
        relative_days.update((w, entry["offset"]) for w in _words(entry.get("words"), f"relative_days[{i}]"))

    relative: dict[str, int] = {}
    for name, words in section("relative").items():
        if name not in RELATIVE_KINDS:
            raise ResourceError(f"{CALENDAR}: unknown relative kind '{name}' (use {', '.join(RELATIVE_KINDS)})")
        relative.update((w, RELATIVE_KINDS[name]) for w in _words(words, f"relative.{name}"))
    plural: dict[str, int] = {}
    for name, words in section("relative_plural").items():
        if name not in PLURAL_RELATIVE_KINDS:
            raise ResourceError(f"{CALENDAR}: unknown relative_plural kind '{name}' (use past, next)")
        plural.update((w, RELATIVE_KINDS[name]) for w in _words(words, f"relative_plural.{name}"))
    if shared := relative.keys() & plural.keys():
        raise ResourceError(f"{CALENDAR}: '{sorted(shared)[0]}' is both in relative and relative_plural")

    units: dict[str, tuple[str, str]] = {}
    for unit in UNIT_NAMES:
        forms = section("units").get(unit)
        if not isinstance(forms, dict):
            raise ResourceError(f"{CALENDAR}: units.{unit} is missing")
        for form in UNIT_FORMS:
            units.update((w, (unit, form)) for w in _words(forms.get(form), f"units.{unit}.{form}"))

    lists: dict[str, tuple[str, ...]] = {}
    for name in ("clitics", "day_parts", "same", "today_blockers", "this", "year_prepositions", "month_prepositions",
                 "of", "corresponding", "ago", "approx", "duration_blockers", "hijri_markers",
                 "gregorian_markers", "conjunctions"):
        lists[name] = _words(section(name), name)
    for kind in EDGE_KINDS:
        lists["edge_" + kind] = _words(section("edges").get(kind), f"edges.{kind}")
    for noun in ("day", "day_dual", "week", "month", "month_definite", "year", "year_definite"):
        lists["noun_" + noun] = _words(section("nouns").get(noun), f"nouns.{noun}")

    return Lexicon(
        months=_numbered(section("months"), "months", 1, 12),
        hijri_months=_numbered(section("hijri_months"), "hijri_months", 1, 12),
        weekdays=weekdays,
        relative_days=relative_days,
        relative={**relative, **plural},
        plural_relative=frozenset(plural),
        units=units,
        numbers=_numbered(section("numbers"), "numbers", 1, 1000),
        ordinals=_numbered(section("ordinals"), "ordinals", 1, 31),
        ambiguous_weekdays=frozenset(_words(section("ambiguous_weekdays"), "ambiguous_weekdays")),
        ambiguous_weekday_blockers=frozenset(
            _words(section("ambiguous_weekday_blockers"), "ambiguous_weekday_blockers")),
        ambiguous_hijri_months=frozenset(_words(section("ambiguous_hijri_months"), "ambiguous_hijri_months")),
        lists=lists,
    )


def _trie(words: Any) -> str:
    """Regex matching exactly ``words``, factored as a character trie.

    Python's regex engine tries alternatives one by one; a trie lets it reject
    a position after comparing one character per distinct first letter, which
    is what keeps a scan over whole articles fast. Greedy optional tails make
    longer words win over their prefixes, as a longest-first alternation would.
    """
    root: dict[str, dict] = {}
    for word in set(words):
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, dict]) -> str:
        branches = [(r"\s+" if ch == " " else re.escape(ch)) + emit(child)
                    for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(root)


def _alt(words: Any) -> str:
    """Regex alternation of words, each ending at a word boundary."""
    return f"(?:{_trie(words)})(?!\\w)"


# Families in priority order. ``<NAME>`` placeholders are filled from the
# lexicon; ``(?P<x>`` groups are renamed ``family__x``. A ``core`` group, when
# present, is the reported span (it leaves out a licensing preposition).
_DAYPARTS = r"(?:(?P<dp><DAYPART>(?:\s+<DAYPART>)?)\s+)?"
_AND = r"(?:\s*[,،]\s*(?:<AND>\s*)?|\s+<AND>\s*)"
_PREFIX = (r"(?:(?P<dp><DAYPART>)\s+)?(?:(?P<rd><RELDAY>)\s*(?:[,،]\s*)?)?(?:<DAYNOUN>\s+)?"
           r"(?:(?P<wd><WEEKDAY>)\s*(?:[,،]\s*)?(?:<CORR>\s+)?)?")
_DAY = r"(?:(?P<dn>(?<!\d)(?:3[01]|[12]\d|0?[1-9])(?!\d))\s*(?:<OF>\s+)?|(?P<do><ORDINAL>)\s+<OF>\s+)"
_YEAR4 = r"(?<![\d.,/])(?:19\d\d|20\d\d|2100)(?![\d]|[.,/]\d)"
_HYEAR4 = r"(?<![\d.,/])1[345]\d\d(?![\d]|[.,/]\d)"
_MONTH_PAIR = r"(?P<mon><MONTH>)(?:\s*/\s*<MONTH>|\s*\(\s*<MONTH>\s*\))?"
_YEAR_TAIL = r"\s*(?:[,،]\s*)?(?:<OF>\s+)?(?:<YEARNOUN>\s+)?(?P<year>" + _YEAR4 + r")(?:\s*<GMARK>)?"
_YREL_TAIL = r"\s+(?:<OF>\s+)?<YEARDEF>\s+(?P<yrel><REL>)"
_MREL_TAIL = r"\s+<MONTHDEF>\s+(?P<mrel><REL>)"  # "مارس الشهر المقبل": the month named is next month
_FAMILIES: tuple[tuple[str, str], ...] = (
    ("hdmy", _PREFIX + _DAY + r"(?:<MONTHNOUN>\s+)?(?P<hmon><HMONTH>)"
     r"(?:\s*(?:[,،]\s*)?(?:<OF>\s+)?(?:<YEARNOUN>\s+)?(?P<hyear>" + _HYEAR4 + r")(?:\s*(?P<hmark><HMARK>))?"
     r"|\s+(?P<rel><REL>))?"),
    ("dmy", _PREFIX + _DAY + r"(?:<MONTHNOUN>\s+)?" + _MONTH_PAIR
     + r"(?:" + _YEAR_TAIL + "|" + _YREL_TAIL + "|" + _MREL_TAIL + r"|\s+(?P<rel><REL>))?"),
    ("numeric", _PREFIX + r"(?<![\d/.\-])(?P<a>\d{1,4})(?P<sep>[/.\-])(?P<b>\d{1,2})(?P=sep)(?P<c>\d{1,4})"
     r"(?!\d|[/.\-]\d)"),
    ("dom_rel", r"(?:<DAYNOUN>\s+)?(?:(?P<dn>(?<!\d)(?:3[01]|[12]\d|0?[1-9])(?!\d))|(?P<do><ORDINAL>))\s+"
     r"(?:<OF>\s+)?(?:<MONTHDEF>\s+(?P<rel><REL>)|(?P<crel><CURRENT>))"),
    ("month", r"(?:(?P<prep><MPREP>)\s+)?(?P<core>(?:(?P<edge><EDGE>)\s+)?(?:(?P<noun><MONTHNOUN>)\s+)?"
     + _MONTH_PAIR + r"(?:" + _YEAR_TAIL + "|" + _YREL_TAIL + "|" + _MREL_TAIL + r"|\s+(?P<rel><REL>))?)"),
    ("hmonth", r"(?:<MONTHNOUN>\s+)?(?P<hmon><HMONTH>)(?:\s*(?:[,،]\s*)?(?:<OF>\s+)?(?:<YEARNOUN>\s+)?"
     r"(?P<hyear>" + _HYEAR4 + r")(?:\s*(?P<hmark><HMARK>))?|\s+(?P<rel><REL>))"),
    ("relday", _DAYPARTS + r"(?:<DAYNOUN>\s+)?(?P<rd><RELDAY>)(?!\s+<TODAYBLOCK>)"
     r"(?:\s+(?P<same><SAME>))?"
     r"(?:\s*\(\s*(?:<DAYNOUN>\s+)?(?P<pwd><WEEKDAY>)\s*\)|\s*(?:[,،]\s*)?(?:<DAYNOUN>\s+)?(?P<wd><WEEKDAY>))?"),
    # One family for a weekday and for coordinated ones (``more``), so the scan reads a weekday once.
    # The dual "يومي" and plural adjectives need coordination; each weekday after the first must not
    # start a dated expression ("والاثنين 5 فبراير").
    ("weekday", _DAYPARTS + r"(?:(?P<yawm><DAYNOUN>|<DAYDUAL>(?=\s+<WEEKDAY>" + _AND + r"))\s+)?(?P<wd><WEEKDAY>)"
     r"(?P<more>(?:" + _AND + r"<WEEKDAY>(?!\s*(?:[,،]\s*)?(?:<CORR>\s+)?(?:\d|<ORDINAL>\s+<OF>\s)))+)?"
     r"(?:\s+(?:(?P<rel><PASTNEXT>)|(?(more)(?P<prel><PLURALREL>)|(?!))))?"),
    ("week", r"(?:<EDGE>\s+)?(?:<WEEKNOUN>\s+(?P<rel><REL>)|<THIS>\s+<WEEKNOUN>)|(?P<edge><EDGE>)\s+<WEEKNOUN>"),
    ("monthword", r"(?:<EDGE>\s+)?(?:<MONTHDEF>\s+(?P<rel><REL>)|<THIS>\s+<MONTHDEF>)"),
    ("yearword", r"(?:<EDGE>\s+)?(?:<YEARDEF>\s+(?P<rel><REL>)|<THIS>\s+<YEARDEF>)"),
    ("year", r"(?:(?P<prep><YPREP>)\s+)?(?P<core>(?:(?P<edge><EDGE>)\s+)?(?:(?P<noun><YEARNOUN>)\s+)?"
     r"(?P<year>" + _YEAR4 + r")(?:\s*<GMARK>)?)"),
    ("duration", r"(?P<ago><AGO>)\s+(?:<APPROX>\s+)?"
     r"(?:(?P<num>\d{1,3}(?!\d)|<NUMBER>)\s+(?P<unit><UNITMANY>)|(?P<dual><UNITDUAL>)"
     r"|(?P<one><UNITONE>)(?:\s+<NUMBER>)?)"
     r"(?!\s*(?:\d|<DBLOCK>|<MONTH>|<HMONTH>|<WEEKDAY>))"),
)


def _placeholder_words(lex: Lexicon, name: str) -> tuple[str, ...]:
    """The words a ``<NAME>`` placeholder stands for."""
    ls = lex.lists
    singular = {w: v for w, v in lex.relative.items() if w not in lex.plural_relative}
    units = {form: tuple(w for w, (_, f) in lex.units.items() if f == form) for form in UNIT_FORMS}
    table: dict[str, tuple[str, ...]] = {
        "DAYPART": ls["day_parts"],
        "RELDAY": tuple(lex.relative_days),
        "DAYNOUN": ls["noun_day"],
        "DAYDUAL": ls["noun_day_dual"],
        "AND": ls["conjunctions"],
        "WEEKDAY": tuple(lex.weekdays),
        "CORR": ls["corresponding"],
        "OF": ls["of"],
        "ORDINAL": tuple(lex.ordinals),
        "MONTH": tuple(lex.months),
        "HMONTH": tuple(lex.hijri_months),
        "MONTHNOUN": ls["noun_month"],
        "MONTHDEF": ls["noun_month_definite"],
        "YEARNOUN": ls["noun_year"] + ls["noun_year_definite"],
        "YEARDEF": ls["noun_year_definite"],
        "WEEKNOUN": ls["noun_week"],
        "REL": tuple(singular),
        "CURRENT": tuple(w for w, v in singular.items() if v == 0),
        "PASTNEXT": tuple(w for w, v in singular.items() if v),
        "PLURALREL": tuple(lex.plural_relative),
        "GMARK": ls["gregorian_markers"],
        "HMARK": ls["hijri_markers"],
        "MPREP": ls["month_prepositions"],
        "YPREP": ls["year_prepositions"],
        "EDGE": ls["edge_start"] + ls["edge_middle"] + ls["edge_end"],
        "SAME": ls["same"],
        "TODAYBLOCK": ls["today_blockers"],
        "THIS": ls["this"],
        "AGO": ls["ago"],
        "APPROX": ls["approx"],
        "NUMBER": tuple(lex.numbers),
        "UNITMANY": units["plural"] + units["accusative"] + units["singular"],
        "UNITDUAL": units["dual"],
        "UNITONE": units["singular"],
        "DBLOCK": ls["duration_blockers"],
    }
    return table[name]


# Placeholders for words that stick to the next word ("والاثنين"): no word boundary after them.
_ATTACHED = frozenset({"AND"})


def _placeholders(lex: Lexicon) -> dict[str, str]:
    names = set(re.findall(r"<([A-Z]+)>", "".join(t for _, t in _FAMILIES)))
    return {name: f"(?:{_trie(_placeholder_words(lex, name))})" if name in _ATTACHED
            else _alt(_placeholder_words(lex, name)) for name in names}


# For each family, the placeholders whose words can open it ("DIGIT": a digit can). The scan tries the
# pattern only where the word under it opens some family, and each family only where it opens that one
# (tests check this table against the templates).
_DIGIT = "DIGIT"
_OPENERS: dict[str, tuple[str, ...]] = {
    "hdmy": ("DAYPART", "RELDAY", "DAYNOUN", "WEEKDAY", "ORDINAL", _DIGIT),
    "dmy": ("DAYPART", "RELDAY", "DAYNOUN", "WEEKDAY", "ORDINAL", _DIGIT),
    "numeric": ("DAYPART", "RELDAY", "DAYNOUN", "WEEKDAY", _DIGIT),
    "dom_rel": ("DAYNOUN", "ORDINAL", _DIGIT),
    "month": ("MPREP", "EDGE", "MONTHNOUN", "MONTH"),
    "hmonth": ("MONTHNOUN", "HMONTH"),
    "relday": ("DAYPART", "DAYNOUN", "RELDAY"),
    "weekday": ("DAYPART", "DAYNOUN", "DAYDUAL", "WEEKDAY"),
    "week": ("EDGE", "THIS", "WEEKNOUN"),
    "monthword": ("EDGE", "THIS", "MONTHDEF"),
    "yearword": ("EDGE", "THIS", "YEARDEF"),
    "year": ("YPREP", "EDGE", "YEARNOUN", _DIGIT),
    "duration": ("AGO",),
}


# Placeholders whose words open a family only before a word of these others ("في" is the commonest word of all,
# and a date after it is rare): the gate asks for that word too (tests compare the gated and the full scan).
_LEADS: dict[str, tuple[str, ...]] = {"MPREP": ("EDGE", "MONTHNOUN", "MONTH"), "YPREP": ("EDGE", "YEARNOUN", _DIGIT),
                                      "THIS": ("WEEKNOUN", "MONTHDEF", "YEARDEF")}


def _opener(lex: Lexicon, names: Any) -> str:
    """A digit or the first word of one of the placeholders ``names``, ending there (a word of ``_LEADS`` followed
    by what may come after it)."""
    words = {w.split()[0] for name in names if name != _DIGIT and name not in _LEADS
             for w in _placeholder_words(lex, name)}
    alternatives = ([r"\d"] if _DIGIT in names else []) + ([f"{_trie(words)}(?!\\w)"] if words else [])
    alternatives += [f"{_trie(_placeholder_words(lex, name))}\\s+{_opener(lex, _LEADS[name])}"
                     for name in sorted(set(names) & _LEADS.keys())]
    return "(?:" + "|".join(alternatives) + ")"


@lru_cache(maxsize=2)
def _compiled(gate: bool = True) -> tuple[re.Pattern[str], dict[str, tuple[tuple[str, str], ...]]]:
    """The one compiled pattern, and for each family its (group, field) pairs.

    ``gate=False`` drops the opener look-aheads (same matches, slower); tests
    use it to check that the gate loses nothing.
    """
    lex = lexicon()
    fills = _placeholders(lex)
    placeholder = re.compile(r"<([A-Z]+)>")
    branches, groups = [], {}
    for family, template in _FAMILIES:
        body = placeholder.sub(lambda m: fills[m.group(1)], template)
        names = re.findall(r"\(\?P<(\w+)>", body)
        body = re.sub(r"\(\?P([<=])(\w+)", lambda m: f"(?P{m.group(1)}{family}__{m.group(2)}", body)
        body = re.sub(r"\(\?\((\w+)\)", lambda m: f"(?({family}__{m.group(1)})", body)
        # a family whose opener is not under the scan fails at once, not after its optional prefixes
        branches.append((f"(?={_opener(lex, _OPENERS[family])})" if gate else "") + f"(?P<{family}>{body})")
        groups[family] = tuple((f"{family}__{n}", n) for n in names)
    clitic = f"(?:{_trie(lex.lists['clitics'])})?"
    opener = ""
    if gate:
        opener = f"(?={clitic}{_opener(lex, {n for names in _OPENERS.values() for n in names})})"
    # Starting with a consumed non-word character (the text gets a leading
    # space) rather than a look-behind lets the engine's character-set scan
    # skip to word boundaries in C instead of trying the pattern everywhere.
    pattern = re.compile(r"\W" + opener + clitic + "(?:" + "|".join(branches) + ")")
    return pattern, groups


@lru_cache(maxsize=1)
def _weekday_word() -> re.Pattern[str]:
    """One weekday name, with any clitic in front left out of the ``wd`` group."""
    lex = lexicon()
    return re.compile(f"(?<!\\w)(?:{_trie(lex.lists['clitics'])})?(?P<wd>{_alt(lex.weekdays)})")


def _split_weekdays(normalized: str, whole: Expression) -> Expression:
    """Give a coordination of weekdays its ``parts``, one ``weekday`` expression per day.

    The first part's span takes the day part and day noun in front, the last
    one's the adjective behind. A dual or plural adjective, or the dual
    "يومي", is shared by every day; a singular adjective belongs to the last.
    """
    fields = whole.fields
    days = list(_weekday_word().finditer(normalized, whole.start, whole.end))
    adjective = fields.get("rel") or fields.get("prel")
    shared = "prel" in fields or key(fields.get("yawm", "")) in lexicon().lists["noun_day_dual"]
    parts = []
    for i, day in enumerate(days):
        last = i == len(days) - 1
        part = {"wd": day.group("wd")}
        if adjective and (shared or last):
            part["rel"] = adjective
        parts.append(Expression("weekday", whole.start if i == 0 else day.start("wd"),
                                whole.end if last else day.end("wd"), part))
    return Expression("weekdays", whole.start, whole.end, fields, tuple(parts))


def find_expressions(normalized: str) -> Iterator[Expression]:
    """Yield the date expressions of a normalised text, left to right, non-overlapping.

    Args:
        normalized: text already folded by ``marsad.arabic.normalize``.

    Returns:
        An iterator of ``Expression`` with offsets into ``normalized``.
    """
    pattern, groups = _compiled()
    for m in pattern.finditer(" " + normalized):
        family = m.lastgroup
        assert family is not None
        fields = {name: value for group, name in groups[family] if (value := m.group(group)) is not None}
        start, end = m.span(family)
        if "core" in fields:
            start = m.start(f"{family}__core")
        expr = Expression(family, start - 1, end - 1, fields)
        yield _split_weekdays(normalized, expr) if "more" in fields else expr
