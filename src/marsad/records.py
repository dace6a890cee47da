"""Typed records that cross stage boundaries.

Every offset (``start``/``end``) indexes the article's *original* text, so
``article.text[start:end]`` is always the exact surface string.
"""
from __future__ import annotations

import datetime as dt
import enum
from dataclasses import MISSING, dataclass, field, fields


class EventType(enum.StrEnum):
    """The 16 PLOVER event types."""

    AGREE = "AGREE"
    CONSULT = "CONSULT"
    SUPPORT = "SUPPORT"
    CONCEDE = "CONCEDE"
    COOPERATE = "COOPERATE"
    AID = "AID"
    RETREAT = "RETREAT"
    REQUEST = "REQUEST"
    ACCUSE = "ACCUSE"
    REJECT = "REJECT"
    THREATEN = "THREATEN"
    PROTEST = "PROTEST"
    SANCTION = "SANCTION"
    MOBILIZE = "MOBILIZE"
    COERCE = "COERCE"
    ASSAULT = "ASSAULT"


class Modality(enum.StrEnum):
    """Whether the text reports the event as a fact."""

    ASSERTED = "asserted"
    PLANNED = "planned"
    NEGATED = "negated"
    HYPOTHETICAL = "hypothetical"


class DatePrecision(enum.StrEnum):
    """How precisely a date is known (GUIDELINES.md)."""

    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    YEAR = "year"
    UNKNOWN = "unknown"


class ActorKind(enum.StrEnum):
    """Entity kinds of the gold guidelines."""

    PER = "PER"
    ORG = "ORG"
    GPE = "GPE"
    LOC = "LOC"


@dataclass(frozen=True, slots=True)
class Article:
    """One news article as read from its source."""

    doc_id: str
    """Stable id: given by the source, else a content hash of the text."""
    text: str
    """The raw text exactly as read; all offsets point into it."""
    pub_date: dt.date | None = None
    """Publication (story) date, if known."""
    title: str | None = None
    """Title from metadata (not part of ``text`` unless the text contains it)."""
    url: str | None = None
    """Where the article was published."""
    outlet: str | None = None
    """Publishing outlet (site name or domain)."""
    origin: str = ""
    """Where it was read from: ``file`` or ``file:line``; empty for in-memory input."""
    pub_date_inferred: bool = False
    """True when ``pub_date`` was inferred from the text rather than given."""


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of the original text."""

    start: int
    """Start offset into the original text."""
    end: int
    """End offset (exclusive)."""
    text: str
    """``article.text[start:end]``."""


@dataclass(frozen=True, slots=True)
class Removal:
    """A piece of site chrome the cleaner took out of what is coded."""

    start: int
    """Start offset into the original text."""
    end: int
    """End offset (exclusive)."""
    kind: str
    """Which chrome pattern matched, e.g. ``share_counter`` or ``related_block``."""


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence (or headline) of the coded text."""

    index: int
    """Position in the document, from 0."""
    start: int
    """Start offset into the original text."""
    end: int
    """End offset (exclusive)."""
    text: str
    """``article.text[start:end]``."""
    headline: bool = False
    """True for a line without final punctuation (title, subhead)."""


@dataclass(frozen=True, slots=True)
class Actor:
    """A political actor with its CAMEO-style code."""

    id: str
    """Stable slug; ``new:...`` for provisional actors."""
    name: str
    """English name."""
    name_ar: str
    """Canonical Arabic name."""
    kind: ActorKind
    """PER, ORG or GPE."""
    country: str | None
    """ISO 3166-1 alpha-3, or ``IGO``; None for groups with no state."""
    sector: str | None
    """Sector code (GOV, MIL, ...) or IGO name (UN, EU, ...)."""
    provisional: bool = False
    """True when discovered in text but not in the actor base."""

    @property
    def code(self) -> str:
        """Country + sector, e.g. ``LBYMIL``."""
        return (self.country or "") + (self.sector or "")


@dataclass(frozen=True, slots=True)
class Mention:
    """A span of text that refers to an actor."""

    start: int
    """Start offset into the original text."""
    end: int
    """End offset (exclusive)."""
    text: str
    """The exact surface string."""
    actor: Actor
    """Who it refers to (on the article's date)."""
    via: str = "name"
    """How it was resolved: name, title, title+name, short, coref, adjective, capital, generic, discovered."""
    role: str | None = None
    """Role key when a title resolved it (e.g. ``foreign_minister``)."""
    proclitic: str | None = None
    """The clitics written at the front of ``text`` ("ب" in "بحفتر", "" in "بغداد"); None when unknown."""


@dataclass(frozen=True, slots=True)
class Place:
    """A gazetteer place."""

    id: str
    """Stable slug."""
    name: str
    """English name."""
    name_ar: str
    """Canonical Arabic name."""
    country: str
    """ISO 3166-1 alpha-3."""
    kind: str
    """country, capital, city, town, district, oil_field, port, airbase, ..."""
    lat: float | None
    """Latitude (WGS84); None when the gazetteer could not verify it."""
    lon: float | None
    """Longitude (WGS84); None when the gazetteer could not verify it."""
    geonames_id: int | None = None
    """GeoNames id where known."""


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A span of text naming a place."""

    start: int
    """Start offset into the original text."""
    end: int
    """End offset (exclusive)."""
    text: str
    """The exact surface string (with any clitic, e.g. ``بالرجمة``)."""
    place: Place
    """The resolved gazetteer place."""
    proclitic: str | None = None
    """The clitics written at the front of ``text`` ("ب" in "بإقليم بلوشستان"); None when unknown."""


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date expression resolved against the story date."""

    start: int
    """Start offset into the original text."""
    end: int
    """End offset (exclusive)."""
    text: str
    """The exact surface string, e.g. ``أمس الأربعاء``."""
    date: dt.date | None
    """Resolved date (Monday of the week, 1st of the month, 1 January for coarser precisions)."""
    precision: DatePrecision
    """How precisely ``date`` is known."""
    flag: str | None = None
    """A warning, e.g. ``weekday_conflict`` when the weekday contradicts the explicit date."""


@dataclass(frozen=True, slots=True)
class Event:
    """One dyadic coded event (EVENT_FORMAT.md)."""

    event_id: str
    """Content hash of the document, type, sides and trigger."""
    doc_id: str
    """Article the event comes from."""
    type: EventType
    """PLOVER type."""
    mode: str | None
    """PLOVER mode (visit, host, phone, demand, ...)."""
    cameo: str | None
    """Closest CAMEO code."""
    source: Mention | None
    """Who acts; None when the text names no one."""
    target: Mention | None
    """At whom; None when the text names no one."""
    trigger: Span
    """The word(s) that carry the event."""
    evidence: Span
    """The clause or sentence that states it."""
    modality: Modality = Modality.ASSERTED
    """Whether it is reported as a fact."""
    date: DateMention | None = None
    """The date expression that governs the event, if any."""
    story_date: dt.date | None = None
    """The article's publication date."""
    location: PlaceMention | None = None
    """Where it happened, if the text says."""
    topics: tuple[str, ...] = ()
    """Topic slugs (border_security, migration, ...)."""
    confidence: float = 0.5
    """Score in [0, 1]; see README, 'Confidence'."""
    sentence_index: int = 0
    """Index of the sentence the evidence comes from."""
    extra_evidence: tuple[Span, ...] = ()
    """Further mentions of the same event in the document (headline and body)."""


@dataclass(frozen=True, slots=True)
class Failure:
    """An input that could not be coded, and why."""

    origin: str
    """File (and line) the input came from."""
    message: str
    """What happened and how to fix it."""
    stage: str = "ingest"
    """Stage that failed: ingest, clean, language, code, store."""
    doc_id: str | None = None
    """Article id, when one was known."""
    field: str | None = None
    """Offending field, for structured input."""
    skipped: bool = False
    """True when the input was recognised and deliberately not coded (e.g. not Arabic)."""


@dataclass(frozen=True, slots=True)
class Doc:
    """An article and everything the stages found in it."""

    article: Article
    """The input."""
    removals: tuple[Removal, ...] = ()
    """Chrome the cleaner removed from coding."""
    coded_text: str = ""
    """The text with removals blanked out; same length as ``article.text``."""
    language: str | None = None
    """Detected language code."""
    sentences: tuple[Sentence, ...] = ()
    """Sentences of the coded text."""
    mentions: tuple[Mention, ...] = ()
    """Actor mentions, in text order."""
    dates: tuple[DateMention, ...] = ()
    """Date expressions, in text order."""
    places: tuple[PlaceMention, ...] = ()
    """Place mentions, in text order."""
    events: tuple[Event, ...] = ()
    """Coded events."""
    notes: tuple[str, ...] = field(default=())
    """Warnings worth reporting (date conflicts, inferred story date...)."""

    @property
    def cleaned_text(self) -> str:
        """The text without the removed chrome (for display and storage)."""
        text = self.article.text
        if not self.removals:
            return text
        parts, pos = [], 0
        for r in sorted(self.removals, key=lambda r: r.start):
            if r.start > pos:
                parts.append(text[pos:r.start])
            pos = max(pos, r.end)
        parts.append(text[pos:])
        return "".join(parts).strip()


def set_slots_directly(cls: type) -> type:
    """Give a frozen, slotted dataclass an ``__init__`` that stores each field through its slot descriptor.

    The generated one calls ``object.__setattr__`` per field (a frozen class forbids plain assignment),
    which looks the attribute up on the type every time: building the pipeline's records was a
    noticeable share of its time. Parameters, defaults and the stored values are those of the dataclass.
    """
    params, lines, env = [], [], {}
    for f in fields(cls):
        if not f.init or f.kw_only or f.default_factory is not MISSING:
            raise TypeError(f"{cls.__name__}.{f.name}: only plain fields can be set directly")
        env[f"_set_{f.name}"] = getattr(cls, f.name).__set__
        if f.default is MISSING:
            params.append(f.name)
        else:
            env[f"_default_{f.name}"] = f.default
            params.append(f"{f.name}=_default_{f.name}")
        lines.append(f"    _set_{f.name}(self, {f.name})\n")
    if hasattr(cls, "__post_init__"):
        raise TypeError(f"{cls.__name__} has a __post_init__")
    exec(f"def __init__(self, {', '.join(params)}):\n" + "".join(lines), env)  # as dataclasses builds its own
    env["__init__"].__qualname__ = f"{cls.__qualname__}.__init__"
    cls.__init__ = env["__init__"]
    return cls


for _record in (Span, Removal, Sentence, Actor, Mention, Place, PlaceMention, DateMention, Event):
    set_slots_directly(_record)
