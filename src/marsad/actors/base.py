"""The actor base: loading and validating the YAML files in ``data/actors``.

Loading is strict about structure (a bad row names its file, line and field)
so that a curator's typo never silently drops an actor.
"""
from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from marsad.arabic.normalize import normalize_key
from marsad.errors import ResourceError
from marsad.records import Actor, ActorKind
from marsad.resources import data_path, load_yaml_file

KINDS = {"PER", "ORG", "GPE"}
SECTORS = {"GOV", "MIL", "SPY", "LEG", "JUD", "COP", "OPP", "REB", "MED", "BUS", "CVL", "REF", "ELC",
           "NGO", "LAB", "EDU", "REL"}
_SLUG = re.compile(r"^[a-z0-9][a-z0-9_]*$")
_ISO3 = re.compile(r"^[A-Z]{3}$")
_ARABIC = re.compile(r"[\u0600-\u06FF]")


@dataclass(frozen=True, slots=True)
class Role:
    """A date-limited position held by an actor."""

    role: str | None
    """Role key (roles.yaml) used to resolve titles; None for roles no title resolves to."""
    title: str | None
    """Arabic title as news writes it."""
    org: str | None
    """Id of the organisation."""
    country: str
    """Country part of ``code``."""
    sector: str | None
    """Sector part of ``code``."""
    start: dt.date
    """First day in the role."""
    end: dt.date | None
    """Last day in the role (None while in office)."""

    def covers(self, day: dt.date) -> bool:
        """True when the role was held on ``day``."""
        return self.start <= day and (self.end is None or day <= self.end)


@dataclass(frozen=True, slots=True)
class Entry:
    """One actor of the base with its names and roles."""

    actor: Actor
    """The actor as it appears in events."""
    ar: tuple[str, ...]
    """Arabic names that always identify it."""
    short: tuple[str, ...] = ()
    """Forms valid only after a full name in the same article."""
    roles: tuple[Role, ...] = ()
    """Date-limited positions."""
    qid: str | None = None
    """Wikidata id."""
    origin: str = ""
    """File and line of the entry."""

    def code_on(self, day: dt.date | None) -> tuple[str | None, str | None]:
        """(country, sector) of the actor on ``day``: the most recently taken role held then wins over the default
        (a UN ambassador presiding the Security Council that month is coded IGOUNSC); of two taken the same day, the
        shorter one."""
        if day is not None:
            held = [r for r in self.roles if r.covers(day)]
            if held:
                r = max(held, key=lambda r: (r.start, -(r.end or dt.date.max).toordinal()))
                return r.country, r.sector
        return self.actor.country, self.actor.sector


@dataclass(frozen=True, slots=True)
class Country:
    """A state with its Arabic names, nationality adjectives and capitals."""

    iso3: str
    """ISO 3166-1 alpha-3."""
    actor: Actor
    """The state as a GPE actor (sector GOV)."""
    ar: tuple[str, ...]
    """Names of the state."""
    adj: tuple[str, ...]
    """Nisba stems (masc. sg. without ال)."""
    adj_extra: tuple[str, ...]
    """Irregular adjective or plural forms."""
    capital: tuple[str, ...]
    """Capitals used as metonyms."""


@dataclass(frozen=True, slots=True)
class Head:
    """A title or generic-actor head (titles.yaml)."""

    id: str
    """Slug, also used in generated actor ids."""
    ar: tuple[str, ...]
    """Arabic forms."""
    kind: str
    """PER or ORG."""
    sector: str | None
    """Sector the head codes."""
    role: str | None = None
    """Role key to resolve a person with."""
    country: str | None = None
    """Fixed country (``fixed`` titles only)."""
    plural: bool = False
    """Plural or collective form."""
    needs_country: bool = False
    """Codes only with a nationality or state after it (bare "القضاء" is usually a common noun)."""
    unidentified: bool = False
    """Names an actor the text says is unknown ("طائرة مسيرة مجهولة"): no mention is made."""
    counted: bool = False
    """Codes only right after a number or a count word ("اعتقلت الشرطة 300 شخص"; bare "شخص" is anyone)."""
    orgs: frozenset[str] = frozenset()
    """Organisations whose head the title names ("رئيس حكومة الوحدة الوطنية": not the rival government's head)."""
    not_before: frozenset[str] = frozenset()
    """Words that, right after the head, make it no actor ("طائرات مساعدات"، "طائرة ركاب": no air force)."""
    anaphor: bool = False
    """Refers back to the last group of its sector named a few sentences before ("الجماعة" after "الحوثيون");
    codes nothing when there is none."""


@dataclass(slots=True)
class ActorBase:
    """Everything the actor stage knows, indexed for resolution."""

    entries: dict[str, Entry] = field(default_factory=dict)
    """Actors by id."""
    countries: dict[str, Country] = field(default_factory=dict)
    """States by ISO3."""
    heads: list[Head] = field(default_factory=list)
    """Title and generic heads that take a country."""
    fixed: list[Head] = field(default_factory=list)
    """Titles that carry their own country."""
    honorifics: tuple[str, ...] = ()
    """Words such as المشير that stand before a name and alone refer back to it."""
    role_keys: set[str] = field(default_factory=set)
    """Valid role keys."""
    plural_roles: set[str] = field(default_factory=set)
    role_hosts: dict[str, str] = field(default_factory=dict)
    """Role key -> the state the post is held in or for (roles.yaml ``host``)."""
    role_family: dict[str, dict[str, str]] = field(default_factory=dict)
    """Role key -> the roles of its family by host state (roles.yaml ``family``)."""
    """Role keys several people hold at once (a bare title cannot pick one of them)."""
    _roles: dict[tuple[str, str], list[tuple[dt.date, dt.date | None, str]]] = field(default_factory=dict)
    _role_org: dict[tuple[str, str, dt.date], str | None] = field(default_factory=dict)

    def index_roles(self) -> None:
        """Build the (role, country) -> holders index used by ``holder``."""
        self._roles.clear()
        self._role_org.clear()
        for e in self.entries.values():
            for r in e.roles:
                if r.role:
                    self._roles.setdefault((r.role, r.country), []).append((r.start, r.end, e.actor.id))
                    self._role_org[(e.actor.id, r.role, r.start)] = r.org
        for v in self._roles.values():
            v.sort()

    def holder(self, role: str, country: str, day: dt.date | None, orgs: frozenset[str] = frozenset()) -> Entry | None:
        """Who held ``role`` for ``country`` on ``day`` (the latest to start, if several); with ``orgs``, only a
        role in one of those organisations (rival governments each have a head)."""
        spans = self._roles.get((role, country))
        if not spans or day is None or role in self.plural_roles:
            return None
        i = bisect_right(spans, (day, dt.date.max, "\uffff"))
        for start, end, actor_id in reversed(spans[:i]):
            if (end is None or day <= end) and (not orgs or self._role_org.get((actor_id, role, start)) in orgs):
                return self.entries[actor_id]
        return None

    @property
    def size(self) -> int:
        """Number of actors (entries + states)."""
        return len(self.entries) + len(self.countries)


def parse_day(value: Any, where: str, fld: str) -> dt.date | None:
    """A date from YAML: date, 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD'; coarse dates mean the first day."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    m = re.fullmatch(r"(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?", text)
    if not m:
        raise ResourceError(f"{where}: field '{fld}': '{text}' is not a date (use YYYY-MM-DD)")
    try:
        return dt.date(int(m[1]), int(m[2] or 1), int(m[3] or 1))
    except ValueError as exc:
        raise ResourceError(f"{where}: field '{fld}': impossible date '{text}'") from exc


_KEY_LINE = re.compile(r"^\s*-?\s*\{?\s*(?:id|iso3):\s*['\"]?([A-Za-z0-9_]+)", re.M)


def _key_lines(path: Path) -> dict[str, int]:
    """Line number of each ``id:``/``iso3:`` in a file, found in one pass (for error messages)."""
    text = path.read_text(encoding="utf-8")
    out: dict[str, int] = {}
    for m in _KEY_LINE.finditer(text):
        out.setdefault(m.group(1), text.count("\n", 0, m.start()) + 1)
    return out


def _names(value: Any, where: str, fld: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ResourceError(f"{where}: field '{fld}' must be a list of non-empty strings")
    return tuple(v.strip() for v in value)


def _code(code: Any, where: str) -> tuple[str, str | None]:
    if not isinstance(code, str) or len(code) < 3 or not (_ISO3.match(code[:3])):
        raise ResourceError(f"{where}: field 'code': '{code}' is not COUNTRY+SECTOR (e.g. LBYMIL, IGOUN)")
    return code[:3], code[3:] or None


def _entry(raw: Any, where: str) -> Entry:
    if not isinstance(raw, dict):
        raise ResourceError(f"{where}: an actor must be a mapping")
    for fld in ("id", "name", "kind", "ar"):
        if not raw.get(fld):
            raise ResourceError(f"{where}: field '{fld}' is required")
    aid = str(raw["id"])
    if not _SLUG.match(aid):
        raise ResourceError(f"{where}: field 'id': '{aid}' must be a lower_snake slug")
    kind = raw["kind"]
    if kind not in KINDS:
        raise ResourceError(f"{where}: field 'kind': '{kind}' is not one of {sorted(KINDS)}")
    country = raw.get("country")
    if country is not None and not (_ISO3.match(str(country))):
        raise ResourceError(f"{where}: field 'country': '{country}' is not ISO3 or IGO")
    sector = raw.get("sector")
    if sector is not None and country != "IGO" and sector not in SECTORS:
        raise ResourceError(f"{where}: field 'sector': '{sector}' is not one of {sorted(SECTORS)}")
    ar = _names(raw["ar"], where, "ar")
    for name in ar:
        if not _ARABIC.search(name) and not name.isupper():
            raise ResourceError(f"{where}: field 'ar': '{name}' has no Arabic letters")
    roles = []
    for i, r in enumerate(raw.get("roles") or []):
        rw = f"{where} role {i + 1}"
        if not isinstance(r, dict):
            raise ResourceError(f"{rw}: a role must be a mapping")
        rc, rs = _code(r.get("code") or (str(country or "") + str(sector or "")), rw)
        start = parse_day(r.get("start"), rw, "start")
        end = parse_day(r.get("end"), rw, "end")
        if start is None:
            raise ResourceError(f"{rw}: field 'start' is required")
        if end is not None and end < start:
            raise ResourceError(f"{rw}: field 'end': {end} is before start {start}")
        roles.append(Role(r.get("role"), r.get("title"), r.get("org"), rc, rs, start, end))
    actor = Actor(aid, str(raw["name"]), ar[0], ActorKind(kind), country, sector)
    return Entry(actor, ar, _names(raw.get("short"), where, "short"), tuple(roles), raw.get("qid"), where)


def _country(raw: Any, where: str) -> Country:
    if not isinstance(raw, dict) or not raw.get("iso3") or not raw.get("id") or not raw.get("ar"):
        raise ResourceError(f"{where}: a country needs iso3, id, name and ar")
    iso3 = str(raw["iso3"])
    ar = _names(raw["ar"], where, "ar")
    actor = Actor(str(raw["id"]), str(raw.get("name") or raw["id"]), ar[0], ActorKind.GPE, iso3, "GOV")
    return Country(iso3, actor, ar, _names(raw.get("adj"), where, "adj"),
                   _names(raw.get("adj_extra"), where, "adj_extra"), _names(raw.get("capital"), where, "capital"))


def _head(raw: Any, where: str, fixed: bool) -> Head:
    if not isinstance(raw, dict) or not raw.get("ar"):
        raise ResourceError(f"{where}: a title needs 'ar'")
    ar = _names(raw["ar"], where, "ar")
    hid = str(raw.get("id") or raw.get("role") or normalize_key(ar[0]).replace(" ", "_"))
    country = raw.get("country")
    if fixed and not country:
        raise ResourceError(f"{where}: field 'country' is required for a fixed title")
    return Head(hid, ar, str(raw.get("kind") or "PER"), raw.get("sector"), raw.get("role"),
                country, bool(raw.get("plural")), bool(raw.get("needs_country")),
                bool(raw.get("unidentified")), bool(raw.get("counted")), frozenset(raw.get("orgs") or []),
                frozenset(normalize_key(w) for w in raw.get("not_before") or []), bool(raw.get("anaphor")))


def load_base(directory: Path | None = None) -> ActorBase:
    """Load and validate every actor file in ``directory`` (default: the shipped base)."""
    folder = Path(directory) if directory else data_path("actors")
    base = ActorBase()
    roles_file = folder / "roles.yaml"
    if roles_file.exists():
        rows = load_yaml_file(roles_file) or []
        base.role_keys = {r["role"] for r in rows}
        base.plural_roles = {r["role"] for r in rows if r.get("multiple")}
        base.role_hosts = {r["role"]: str(r["host"]) for r in rows if r.get("host")}
        families: dict[str, dict[str, str]] = {}
        for r in rows:
            if r.get("family") and r.get("host"):
                families.setdefault(str(r["family"]), {})[str(r["host"])] = r["role"]
        base.role_family = {r["role"]: families[str(r["family"])] for r in rows if r.get("family") and r.get("host")}
    for path in sorted(folder.glob("*.yaml")):
        stem = path.stem
        if stem not in ("countries", "titles", "honorifics") and not stem.startswith(("people_", "orgs_")):
            continue
        data = load_yaml_file(path) or []
        lines = _key_lines(path)
        if stem == "countries":
            for raw in data:
                c = _country(raw, f"{path}:{lines.get(str(raw.get('iso3')), 0)}")
                base.countries[c.iso3] = c
        elif stem == "titles":
            for raw in data.get("heads") or []:
                base.heads.append(_head(raw, f"{path}:{lines.get(str(raw.get('id')), 0)}", False))
            for i, raw in enumerate(data.get("fixed") or []):
                base.fixed.append(_head(raw, f"{path}: fixed title {i + 1}", True))
        elif stem == "honorifics":
            base.honorifics = _names(data.get("honorifics"), str(path), "honorifics")
        else:
            if not isinstance(data, list):
                raise ResourceError(f"{path}: expected a list of actors")
            for raw in data:
                key = str(raw.get("id")) if isinstance(raw, dict) else ""
                where = f"{path}:{lines.get(key, 0)}"
                e = _entry(raw, where)
                if e.actor.id in base.entries:
                    raise ResourceError(f"{where}: id '{e.actor.id}' already defined at {base.entries[e.actor.id].origin}")
                base.entries[e.actor.id] = e
    base.index_roles()
    return base
