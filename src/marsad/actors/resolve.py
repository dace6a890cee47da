"""Turn lexicon hits into actor mentions: titles, roles on the day, in-document resolution.

Hits are read left to right as *chains*: a title or generic head, the words
that complete it (a nationality adjective, a state, a capital, an
organisation in the genitive) and optionally the person's name
("وزير الخارجية الإيطالي لويجي دي مايو" is one mention). A chain with a name
codes that person; a chain without one codes the role's holder on the
article's date when the base knows it, else a title actor of that country.
Short forms and bare titles ("المشير", "صالح", "وزير الخارجية") resolve to
what the same article named earlier.
"""
from __future__ import annotations

import datetime as dt
import functools
import re
from collections import Counter
from dataclasses import dataclass, field, replace

from marsad.actors.base import ActorBase, Entry, Head
from marsad.actors.discover import discover_name
from marsad.actors.matcher import ActorMatcher, Key, adjective_table
from marsad.actors.variants import arabic_name_countries
from marsad.arabic.normalize import Normalized, normalize_key, word_trie
from marsad.resources import load_yaml
from marsad.records import Actor, ActorKind, Mention, Sentence

# proclitics that attach a genitive complement to a title (لل/ل = "of", ب = "in/at")
_COMPLEMENT_PRO = {"", "ل", "لل", "ب", "بال", "ال"}
# a short form with a preposition attached is too often a common word ("لصالح" = in favour of)
_SHORT_PRO = {"", "و", "ف", "ب", "وب", "فب"}  # not ل: "لصالح" is "in favour of", not "to Saleh"
_PLURAL_NISBA = ("يين", "يون")
# quotes may wrap a name after its title: وزير الدفاع «صلاح الدين النمروش»
_WORD_AFTER = re.compile(r"\s*\w+")
_DEFINITE = re.compile(r"[وف]?(?:[بك]?ال|لل)")  # a word with its article, also contracted after ل ("للرئاسة")
_GAP_OK = re.compile(r"^[\s«»\"“”']*$")
_APPOSITION_GAP = re.compile(r"^[\s«»\"“”']*[،,]?[\s«»\"“”']*$")


@dataclass(slots=True)
class _Item:
    start: int
    end: int
    key: Key
    proclitic: str
    readings: tuple[Key, ...] = ()
    nstart: int = 0
    """Start in the normalised text (for context checks without normalising again)."""
    after_title_only: bool = False
    """A state's name read as its adjective ("المالي"): a nationality only right after a title ("وزير الخارجية
    المالي"); alone it is mostly a common word ("الدعم المالي" is financial support)."""


@dataclass(slots=True)
class _DocState:
    day: dt.date | None
    seen_entries: set[str] = field(default_factory=set)
    by_head: dict[str, Actor] = field(default_factory=dict)
    by_honorific: dict[str, Actor] = field(default_factory=dict)
    countries: Counter = field(default_factory=Counter)
    provisional: dict[str, Actor] = field(default_factory=dict)
    places: list[tuple[int, str]] = field(default_factory=list)  # (raw start, ISO3) of unambiguous places
    last_role: str | None = None  # role of the last title read, for "نظيره"
    last_sector: str | None = None  # sector of the last actor read: "الجيش المصري ونظيره السوداني" is an army
    last_place_end: int | None = None  # raw end of the last state or capital read as a place


class ActorResolver:
    """Resolves actor mentions in one document at a time."""

    def __init__(self, matcher: ActorMatcher):
        self.matcher = matcher
        self.base: ActorBase = matcher.base
        self._arab = arabic_name_countries()
        context = load_yaml("actors/context.yaml")
        self._voice_of = dict(context.get("voice_of") or {})
        self._stateless = frozenset(context.get("stateless_heads") or [])
        self._of_no_state = frozenset(context.get("no_state_heads") or [])
        self._attacked = re.compile(r"(?:^|\s)[وفبل]?(?:ال)?" + word_trie(context.get("attacks_on_a_city"))
                                    + r"\s+" + word_trie(context.get("attack_prepositions")) + r"\s*$")
        self._nearest = frozenset(context.get("nearest_country_heads") or [])
        self._local = re.compile(r"\s*(?:\S+\s+)?" + word_trie(context.get("local_words"))
                                 + r"(?=$|[\s.،,؛:!?؟])")
        self._subject_slot = re.compile(r"(?:^|\s)[وف]?[بل]?ان(?:ه)?\s*$")  # "إن بلاده"، "بأن بلاده": a subject
        self._state_groups = frozenset(context.get("state_group_heads") or [])
        self._own_state = frozenset(context.get("own_state_heads") or [])
        self._former = frozenset(normalize_key(w) for w in context.get("former_words") or [])
        self._modifier_gap = re.compile(r"(?:\s*" + word_trie(context.get("title_modifiers")) + r"(?=\s|$))+\s*$")
        self._community_gap = re.compile(r"(?:\s*[وف]?" + word_trie(context.get("community_words"))
                                         + r"(?=\s|$))+\s*$")  # "اللاجئين الأكراد الإيرانيين"
        # the next three are searched in " " + text: a pattern that opens with a character set lets the engine
        # skip to the candidate positions in C
        self._locative = re.compile(r"[\s«\"“(](?:[وف]?" + word_trie(context["locative_before"])
                                    + r"|(?<=\s)[وف]?ب?(?:ال)?" + word_trie(context["city_nouns"])
                                    + r"\s+\S+)\s*$")  # "في العاصمة الكينية نيروبي"
        self._gift_before = re.compile(r"\s[وف]?ب?" + word_trie(context.get("gifts_before"))
                                       + r"(?:\s+\S+){0,3}\s+[وف]?من\s*$")
        self._city_before = re.compile(r"\s[وف]?ب?(?:ال)?" + word_trie(context["place_nouns"]) + r"\s*$")
        self._org_heads = frozenset(context.get("org_leader_heads") or [])
        self._posts_in = _posts_in(self.base)
        self._adjectives = adjective_table(self.base)
        self._count_before = re.compile(r"(?:^|\s)(?:(?:\d+|" + word_trie(context["count_words"])
                                        + r")(?:\s+من)?|من)\s*$")  # "آلاف الروس"، "عشرات من السودانيين"

    # ---- actors for the pieces -------------------------------------------------------
    def _entry_actor(self, e: Entry, day: dt.date | None) -> Actor:
        country, sector = e.code_on(day)
        a = e.actor
        if (country, sector) == (a.country, a.sector):
            return a
        return Actor(a.id, a.name, a.name_ar, a.kind, country, sector)

    def _country_actor(self, iso3: str | None) -> Actor | None:
        c = self.base.countries.get(iso3 or "")
        return c.actor if c else None

    def _key_country(self, key: Key) -> str | None:
        if key.kind in ("country", "adj", "capital"):
            return key.ref
        if key.kind in ("name", "short"):
            return self.base.entries[key.ref].actor.country
        if key.kind == "fixed":
            return self.base.fixed[int(key.ref)].country
        return None

    def _title_actor(self, head: Head, country: str | None, org: Entry | None, st: _DocState) -> tuple[Actor, str]:
        """The actor a title stands for: the role holder on the day, else a title actor."""
        if org is not None:
            # "رئيس مجلس الأمن" is the Council's head; "قوات حكومة الوفاق" the government's forces
            o = org.actor
            if head.kind == "PER" and head.id in self._org_heads:
                # "رئيس المخابرات الإيطالية": whoever led that body on the day, when the base knows one person
                holders = {a for s, e, a in self._posts_in.get(o.id, ())
                           if st.day is not None and s <= st.day and (e is None or st.day <= e)}
                if len(holders) == 1:
                    return self._entry_actor(self.base.entries[holders.pop()], st.day), "title"
            sector = o.sector if head.kind == "PER" else (head.sector or o.sector)
            kind = ActorKind.PER if head.kind == "PER" else ActorKind.ORG
            return Actor(f"{o.id}_{head.id}", f"{o.name} {head.id.replace('_', ' ')}", "", kind,
                         o.country, sector), "title"
        role = head.role
        if head.id == "counterpart" and st.last_role:
            role = st.last_role  # "وزير الداخلية الليبي ونظيره الإيطالي": Italy's interior minister
        if role and role in self.base.role_hosts and st.countries:
            # "المبعوث الأممي" in a story about Yemen is the envoy for Yemen; "السفير الأمريكي" in a story about
            # Iraq is no ambassador to Libya
            story = st.countries.most_common(1)[0][0]
            if self.base.role_hosts[role] != story:
                role = self.base.role_family.get(role, {}).get(story)
        if role and country:
            holder = self.base.holder(role, country, st.day, head.orgs)
            if holder is not None:
                return self._entry_actor(holder, st.day), "title"
        if head.kind != "PER" and head.sector == "GOV" and not head.plural:
            state = self._country_actor(country)
            if state is not None:
                return state, "title"
        c = self.base.countries.get(country or "")
        cid = c.actor.id if c else (country or "unknown").lower()
        cname = c.actor.name if c else (country or "")
        kind = ActorKind.PER if head.kind == "PER" else ActorKind.ORG
        name = f"{cname} {head.id.replace('_', ' ')}".strip()
        sector = st.last_sector if head.id == "counterpart" and st.last_sector else head.sector
        return Actor(f"{cid}_{head.id}", name, "", kind, country, sector), "title" if head.role else "generic"

    # ---- main entry point ---------------------------------------------------------------
    def resolve(self, coded: str, norm: Normalized, sentences: tuple[Sentence, ...],
                day: dt.date | None, places: list[tuple[int, str]] | None = None,
                place_spans: list[tuple[int, int]] = ()) -> tuple[Mention, ...]:
        """Actor mentions of a document, in text order, offsets into the raw text.

        ``places`` (raw start, ISO3) of the places named, if known: a group with no nationality
        ("فصائل المعارضة"، "قوات الأمن") belongs to the country where its sentence happens. A short form inside a
        longer place name (``place_spans``, raw) is part of that name ("سد النهضة" is no Ennahda).
        """
        items: list[_Item] = []
        self._norm = norm.text
        self._normalized = norm
        self._coded = coded
        for h, key in self.matcher.hits(norm.text):
            s, e = norm.span_to_raw(h.start, h.end)
            if key.kind == "short" and any(ps <= s and e <= pe and pe - ps > e - s for ps, pe in place_spans):
                continue
            bare_name = False
            if key.kind in ("country", "capital") and h.proclitic.endswith(("ال", "لل")):
                # a state's name takes no article: "السورية" is the adjective; "المالي" may be Mali's only after a title
                adj = next((r for r in h.values if r.kind == "adj"), None)
                if adj is None and key.kind == "capital":
                    continue
                key, bare_name = adj or Key("adj", key.ref), adj is None
            items.append(_Item(s, e, key, h.proclitic, h.values, h.start, bare_name))
        st = _DocState(day)
        # "قدمت الإمارات مساعدات للمتضررين في سوريا": a state that acts is no place where a group is
        actors_at = {it.start for it in items if it.key.kind in ("country", "capital") and "ب" not in (it.proclitic or "")
                     and not norm.text[max(0, it.nstart - 4):it.nstart].endswith("في ")}
        st.places = [p for p in places or [] if p[0] not in actors_at]
        # a short form is licensed by a full name anywhere in the article (headlines come first)
        st.seen_entries.update(it.key.ref for it in items if it.key.kind == "name")
        for it in items:
            if it.key.kind == "short" and it.key.ref not in st.seen_entries:
                # "ونظيره السوداني": with no "محمد شياع السوداني" in the article, the adjective, not the surname
                word = normalize_key(coded[it.start:it.end])[len(it.proclitic or ""):]
                iso3 = self._adjectives.get(word[2:]) if word.startswith("ال") else None
                it.key = Key("adj", iso3) if iso3 else next((r for r in it.readings if r.kind != "short"), it.key)
        # what the article is about: every state, capital, adjective and named actor counts, wherever it stands
        for it in items:
            c = self._key_country(it.key)
            if c and c != "IGO" and not it.after_title_only:
                st.countries[c] += 1
        st.countries.update(c for _, c in st.places)  # "درعا" three times: a story about Syria
        out: list[Mention] = []
        sent_of = _sentence_index(sentences)
        i = 0
        while i < len(items):
            first = items[i]
            i, mention = self._chain(coded, items, i, st, sent_of, out)
            if mention is not None and first.key.kind == "head" and self.base.heads[int(first.key.ref)].counted \
                    and mention.start == first.start:
                mention = self._with_count(mention, first)  # "أكثر من 300 شخص": the count is part of the mention
            if mention is not None:
                if mention.role:
                    st.last_role = mention.role
                st.last_sector = mention.actor.sector
                if mention.start == first.start:
                    mention = Mention(mention.start, mention.end, mention.text, mention.actor, mention.via,
                                      mention.role, first.proclitic)
                out.append(mention)
        return tuple(_merge_titles(out, coded))

    def _chain(self, coded: str, items: list[_Item], i: int, st: _DocState, sent_of, out) -> tuple[int, Mention | None]:
        it = items[i]
        k = it.key
        text = coded
        if k.kind in ("country", "capital") and (
                it.proclitic in ("ب", "وب", "فب")
                or (self._locative.search(" " + self._norm[max(0, it.nstart - 24):it.nstart] + " ")
                    and not self._gift_before.search(" " + self._norm[max(0, it.nstart - 70):it.nstart]))
                or (it.proclitic[:1] == "و" and st.last_place_end is not None
                    and not text[st.last_place_end:it.start].strip())):
            st.last_place_end = it.end
            return i + 1, None  # "في طرابلس" is where, not who; so is "وبغداد" in "في عمّان وبغداد"
        if k.kind == "adj" and self._city_before.search(" " + self._norm[max(0, it.nstart - 12):it.nstart]):
            return i + 1, None  # "العاصمة الكينية": a place's adjective
        if k.kind == "name" and self._foreign_head(items, i, text):
            # "مجلس النواب الإيطالي": the Libyan body's name used as a generic head with another nationality
            items[i].key = next(r for r in it.readings if r.kind == "head")
            return self._title_chain(text, items, i, st, sent_of, out)
        if k.kind == "name":
            e = self.base.entries[k.ref]
            st.seen_entries.add(e.actor.id)
            actor = self._entry_actor(e, st.day)
            if self._is_government(e):
                st.by_head["government"] = actor  # a later bare "الحكومة" is this government
            end, j = it.end, i + 1
            # apposition: "عقيلة صالح رئيس مجلس النواب" is one mention
            if j < len(items) and items[j].key.kind in ("fixed", "head") and _APPOSITION_GAP.match(text[end:items[j].start]) \
                    and items[j].proclitic[:1] not in ("و", "ف"):  # "الجيش الإثيوبي وقوات ...": a second actor
                j2, tail_end, tail_country = self._title_tail(text, items, j)
                named_next = j2 < len(items) and items[j2].key.kind in ("name", "short") \
                    and self.base.entries[items[j2].key.ref].actor.kind == ActorKind.PER \
                    and not text[tail_end:items[j2].start].strip()  # "حميدتي رئيس مجلس السيادة البرهان": Burhan's
                if tail_country is not None and tail_country == actor.country and not named_next:
                    end, j = tail_end, j2
            return j, Mention(it.start, end, text[it.start:end], actor, "name")
        if k.kind == "short":
            e = self.base.entries[k.ref]
            if it.proclitic not in _SHORT_PRO and e.actor.kind == "PER":
                return i + 1, None
            if k.ref not in st.seen_entries and not self._home_body(e, st):
                return i + 1, None
            actor = self._entry_actor(e, st.day)
            return i + 1, Mention(it.start, it.end, text[it.start:it.end], actor, "short")
        if k.kind in ("head", "fixed", "honorific"):
            return self._title_chain(text, items, i, st, sent_of, out)
        if k.kind in ("country", "capital"):
            actor = self._country_actor(k.ref)
            if actor is None:
                return i + 1, None
            if k.kind == "capital" and self._attacked.search(self._norm, max(0, it.nstart - 16), it.nstart):
                # "العدوان على طرابلس": the city is what is attacked, not its government
                actor = Actor(f"{actor.id}_capital_city", f"{actor.name} (capital city)", "", ActorKind.GPE,
                              actor.country, None)
            return i + 1, Mention(it.start, it.end, text[it.start:it.end], actor, k.kind)
        if k.kind == "adj" and it.after_title_only:
            return i + 1, None  # "الدعم المالي": no title before it, so no nationality
        if k.kind == "adj":
            actor = self._country_actor(k.ref)
            if actor is None:
                return i + 1, None
            surface = normalize_key(text[it.start:it.end])
            base = max(0, it.nstart - 12)
            counted = self._count_before.search(self._norm[base:it.nstart])  # "آلاف الروس"
            if surface.endswith(_PLURAL_NISBA) or counted:
                # "آلاف السودانيين": a plural nisba standing as a noun names the people of that state; the count
                # belongs to the mention ("آلاف الروس")
                c = self.base.countries[k.ref]
                people = Actor(f"{c.actor.id}_people", f"{c.actor.name} people", "", ActorKind.ORG, k.ref, "CVL")
                start = it.start
                if counted and counted.group().strip() != "من":
                    word = counted.group()
                    start = self._normalized.to_raw(base + counted.start() + len(word) - len(word.lstrip()))
                return i + 1, Mention(start, it.end, text[start:it.end], people, "nationals")
            return i + 1, Mention(it.start, it.end, text[it.start:it.end], actor, "adjective")
        return i + 1, None

    @staticmethod
    def _norm_word_after(text: str, pos: int) -> str:
        words = text[pos:pos + 20].split()
        return normalize_key(words[0]).strip("،,.") if words else ""

    def _with_count(self, mention: Mention, first: _Item) -> Mention:
        base = max(0, first.nstart - 16)
        m = self._count_before.search(self._norm[base:first.nstart])
        if m is None:
            return mention
        word = m.group()
        start = self._normalized.to_raw(base + m.start() + len(word) - len(word.lstrip()))
        return Mention(start, mention.end, self._coded[start:mention.end], mention.actor, mention.via, mention.role)

    @staticmethod
    def _is_government(e: Entry) -> bool:
        return e.actor.kind == ActorKind.ORG and e.actor.sector == "GOV" and normalize_key(e.ar[0]).startswith("حكومه")

    def _home_body(self, e: Entry, st: _DocState) -> bool:
        """A bare institution name ("المجلس الرئاسي") means the body of the state the article is about."""
        if e.actor.kind == "PER" or not st.countries:
            return False
        return st.countries.most_common(1)[0][0] == e.actor.country

    def _foreign_head(self, items: list[_Item], i: int, text: str) -> bool:
        it = items[i]
        if not any(r.kind == "head" for r in it.readings) or i + 1 >= len(items):
            return False
        nxt = items[i + 1]
        if nxt.key.kind not in ("adj", "country") or not _GAP_OK.match(text[it.end:nxt.start]):
            return False
        return self.base.entries[it.key.ref].actor.country != nxt.key.ref

    def _title_tail(self, text: str, items: list[_Item], j: int) -> tuple[int, int, str | None]:
        """Extent of a title (+ complement) starting at item j: (next index, end offset, country)."""
        end = items[j].end
        country = self._key_country(items[j].key)
        j += 1
        while j < len(items) and items[j].key.kind in ("adj", "country", "capital", "name") \
                and items[j].proclitic in _COMPLEMENT_PRO and _GAP_OK.match(text[end:items[j].start]):
            if items[j].key.kind == "name" and self.base.entries[items[j].key.ref].actor.kind == "PER":
                break
            country = country or self._key_country(items[j].key)
            end = items[j].end
            j += 1
        return j, end, country

    def _title_chain(self, text: str, items: list[_Item], i: int, st: _DocState, sent_of, out) -> tuple[int, Mention | None]:
        first = items[i]
        k = first.key
        head: Head | None = None
        honorific = None
        if k.kind == "head":
            head = self.base.heads[int(k.ref)]
        elif k.kind == "fixed":
            head = self.base.fixed[int(k.ref)]
        else:
            honorific = k.ref
        if head is not None and head.not_before and self._norm_word_after(text, first.end) in head.not_before:
            return i + 1, None  # "طائرات مساعدات"، "طائرة ركاب": aircraft that carry, no air force
        if head is not None and head.counted \
                and not self._count_before.search(self._norm[max(0, first.nstart - 16):first.nstart]):
            return i + 1, None  # "شخص" alone is anyone; "300 شخص" are people held or hurt
        if head is not None and head.anaphor:
            # "واتهم الجماعة بـ"، "وتبنت الحركة الهجوم": the armed group named last, a few sentences back
            sent = sent_of(first.start)
            group = next((m for m in reversed(out) if sent - sent_of(m.start) <= _ANAPHOR_REACH
                          and m.actor.kind == ActorKind.ORG and m.actor.sector in _GROUP_SECTORS
                          and m.via not in ("generic", "coref")), None)
            if group is None:
                return i + 1, None
            return i + 1, Mention(first.start, first.end, text[first.start:first.end], group.actor, "coref")
        if head is not None and head.unidentified:
            # kept as a mention so that frames see who acts; events give it as an empty side
            nobody = Actor("unidentified", "Unidentified actor", "", ActorKind.ORG, None, head.sector)
            return i + 1, Mention(first.start, first.end, text[first.start:first.end], nobody, "unidentified")
        if head is not None and head.id in self._voice_of:
            # "ويطالب مشروع القرار ..."، "يدعو القرار الأطراف": a resolution speaks for the council that votes it
            body = self._voice_of[head.id]
            if body not in st.seen_entries or body not in self.base.entries \
                    or self._norm_word_after(text, first.end) in ("الذي", "التي"):
                return i + 1, None  # "مشروع القرار الذي قدمته بريطانيا": the text, named by its sponsor
            actor = self._entry_actor(self.base.entries[body], st.day)
            return i + 1, Mention(first.start, first.end, text[first.start:first.end], actor, "coref")
        if head is not None and head.id in self._own_state:
            # "ولفت السيسي إلى أن بلاده تتواصل ...": the state of whoever was named last
            speaker = next((m for m in reversed(out) if m.actor.country and sent_of(first.start) - sent_of(m.start) <= 1
                            and not (m.proclitic or "").lstrip("وف")), None)  # "اتصالا بالسراج": not the one called
            state = self._country_actor(speaker.actor.country) if speaker is not None else None
            if state is None:
                return i + 1, None
            if not self._subject_slot.search(self._norm[max(0, first.nstart - 12):first.nstart]):
                # "جدد دعم بلاده لحكومة الوفاق": the genitive of what he does is the speaker's own side, himself
                state = speaker.actor
            return i + 1, Mention(first.start, first.end, text[first.start:first.end], state, "coref")
        country = head.country if head is not None else None
        org: Entry | None = None
        end, j = first.end, i + 1
        closed = False  # a nationality adjective ends the head's construct ("الحكومة الإثيوبية" + a new name)
        while j < len(items) and (_GAP_OK.match(text[end:items[j].start]) or (
                head is not None and head.kind != "PER" and items[j].key.kind == "adj" and j == i + 1
                and items[j].start - end < 40 and self._community_gap.match(normalize_key(text[end:items[j].start])))
                or (head is not None and head.kind == "PER" and items[j].key.kind in ("name", "short")
                    and items[j].start - end < 30 and self._modifier_gap.match(normalize_key(text[end:items[j].start])))):
            nk = items[j].key
            pro_ok = items[j].proclitic in _COMPLEMENT_PRO
            entry = self.base.entries.get(nk.ref) if nk.kind in ("name", "short") else None
            if nk.kind == "short" and (nk.ref not in st.seen_entries or (items[j].proclitic or "").endswith("ل")):
                break  # "وصوت النواب لصالح القرار": no surname after a title takes a ل
            if nk.kind in ("adj", "country", "capital") and pro_ok and country in (None, nk.ref):
                country = nk.ref
                closed = closed or nk.kind == "adj"
            elif nk.kind == "head" and self.base.heads[int(nk.ref)].kind != "PER" and pro_ok \
                    and self.base.heads[int(nk.ref)].sector in _INSTITUTIONS \
                    and head is not None and org is None \
                    and (items[j].proclitic or (not normalize_key(text[first.start:first.end]).startswith("ال")
                                                and " " not in text[first.start:first.end].strip())):
                pass  # "أحزاب معارضة بمجلس النواب الإيطالي": the complement's adjective gives the country
            elif entry is not None and entry.actor.kind == "PER" and pro_ok \
                    and (head is None or head.kind == "PER" or head.id == "supporters"):  # not "للرئاسة فتحي باشاغا"
                if country is not None and entry.actor.country not in (country, None) and k.kind != "honorific":
                    break  # "استقبل وزير الخارجية الإيطالي حفتر": the name is someone else
                if head is not None and head.id == "supporters":
                    # "أنصار زعيم التيار الصدري مقتدى الصدر": the person's followers
                    leader = self._entry_actor(entry, st.day)
                    st.seen_entries.add(entry.actor.id)
                    followers = Actor(f"{leader.id}_supporters", f"{leader.name} supporters", "", ActorKind.ORG,
                                      leader.country, "CVL")
                    return j + 1, Mention(first.start, items[j].end, text[first.start:items[j].end], followers, "generic")
                return self._named(text, items, i, j, entry, honorific, head, st)
            elif entry is not None and pro_ok and head is not None:
                if closed and not items[j].proclitic and entry.actor.kind != "PER":
                    break  # "الحكومة الإثيوبية جبهة تحرير تيغراي": two mentions
                head_words = normalize_key(text[first.start:first.end]).split()
                if not items[j].proclitic and head_words and (
                        (len(head_words) == 1 and _DEFINITE.match(head_words[0])) or head_words[-1].startswith("ال")
                        or head_words[-1].endswith(("ون", "ين"))):  # "مسلحون الجيش": a full plural is no construct
                    # "وصف الجيش قوات الدعم السريع": a noun with its article governs no genitive; nor does a
                    # construct that has its own ("اتهم مجلس النواب حكومة الدبيبة")
                    break
                if org is None:
                    org = entry
                    country = country or entry.actor.country
                    if self._is_government(entry):
                        # "رئيس حكومة الوحدة الوطنية ..." then "الحكومة": that government
                        st.by_head["government"] = self._entry_actor(entry, st.day)
                elif entry.actor.country != org.actor.country:
                    break
            elif nk.kind == "honorific" and j + 1 < len(items) and items[j + 1].key.kind in ("name", "short") \
                    and self.base.entries[items[j + 1].key.ref].actor.kind == "PER":
                pass  # "المتحدث باسم الجيش اللواء أحمد المسماري"
            else:
                break
            end = items[j].end
            j += 1
        if head is not None and head.kind == "PER":
            named = self._long_title(text, items, i, j, end, country, st)
            if named is not None:
                return named
        if head is None:
            # an honorific alone refers back to the last person named with it
            actor = st.by_honorific.get(honorific or "")
            if actor is None:
                return j, None
            return j, Mention(first.start, end, text[first.start:end], actor, "coref")
        if country is None and org is None:
            # a bare "الوزير" is any minister named before; a bare "الحكومة" is no head of government
            prior = st.by_head.get(head.id) or (st.by_head.get(_family(head.id))
                                                if head.kind == "PER" and not head.plural else None)
            if prior is not None:
                return j, Mention(first.start, end, text[first.start:end], prior, "coref", head.role)
            if head.needs_country:
                return j, None
            if head.id in self._stateless:
                # "طرفي النزاع في السودان": only a state named right after says whose
                nxt = items[j] if j < len(items) else None
                country = self._key_country(nxt.key) if nxt is not None and nxt.start - end <= 12 \
                    and nxt.key.kind in ("country", "capital", "adj") else None
                if country is None and self._local.match(normalize_key(text[end:end + 24])):
                    # "كل الأطراف الفاعلة المحلية": the local ones are those of the article's country
                    country = self._context_country(items, i, st, sent_of, out, False, True)
                if country is None and head.id not in self._of_no_state:
                    # "دعت واشنطن ولندن وأوسلو الطرفين": the sides of the state the article is about, not the speakers'
                    sent = sent_of(first.start)
                    speakers = {m.actor.country for m in out if sent_of(m.start) == sent}
                    country = next((c for c, n in st.countries.most_common(3) if n >= 2 and c not in speakers), None)
            else:
                country = self._context_country(items, i, st, sent_of, out, head.kind == "PER" or head.id in self._nearest,
                                                head.sector in _LOCAL_SECTORS)
            body = next((self.base.entries[r.ref] for r in first.readings if r.kind in ("name", "short")), None)
            if body is not None and j == i + 1 and country in (None, body.actor.country):
                # bare "مجلس النواب" in an article about Libya is the House of Representatives
                actor = self._entry_actor(body, st.day)
                st.by_head[head.id] = actor
                return j, Mention(first.start, end, text[first.start:end], actor, "short")
        nxt_word = self._norm_word_after(text, end)
        if nxt_word in self._former and head.role:
            # "رئيس الوزراء السابق": not whoever holds the office on the day
            end = _WORD_AFTER.match(text, end).end()  # the word, without the comma written onto it
            head = replace(head, role=None)
        actor, via = self._title_actor(head, country, org, st)
        if head.id in self._state_groups and j > i + 1 and org is None and self._country_actor(country) is not None:
            # "اتفق قادة مصر والسودان وإثيوبيا": the leaders of named states stand for those states
            return j, Mention(first.start, end, text[first.start:end], self._country_actor(country), "title")
        if head.kind == "PER":
            # a short form nobody licensed ("خان") may be part of the unknown name ("عمران خان")
            rest = [x for x in items[j:] if x.key.kind != "short" or x.key.ref in st.seen_entries]
            at = end
            ranked = bool(rest) and rest[0] is items[j] and rest[0].key.kind == "honorific" \
                and not text[end:rest[0].start].strip()
            if ranked:
                # "قائد أركان الجيش الإثيوبي المشير برهانو جولا": a rank between the title and an unknown name
                at, rest = rest[0].end, rest[1:]
            limit = rest[0].start if rest else None
            found = discover_name(text, at, head, actor, limit, (country or "") in self._arab)
            if found is not None and _has_verb(text[at:found[1]]):
                found = None  # "الرئيس المصري يصدر عفوا": a verb, not a name the base lacks
            if found is not None and ranked:
                j += 1  # the rank is part of this mention
            if found is not None and (via != "title" or actor.id.endswith(head.id)):
                actor, end = found
                st.provisional[actor.id] = actor
                via = "discovered"
            elif found is not None:
                end = found[1]  # the holder's name in a spelling the base lacks: "صبري بوقدوم"
        st.by_head[head.id] = actor
        if head.kind == "PER":
            st.by_head[_family(head.id)] = actor
        return j, Mention(first.start, end, text[first.start:end], actor, via, head.role)

    def _long_title(self, text: str, items: list[_Item], i: int, j: int, end: int, country: str | None,
                    st: _DocState) -> tuple[int, Mention] | None:
        """A title whose complement runs over several words before the name: one mention of that person.

        "مدير شؤون الشرق الأوسط في وزارة الخارجية الألمانية وسفير ألمانيا السابق في ليبيا كريستيان بوك":
        no punctuation and no verb may stand between, and every state named on the way must be the person's.
        """
        countries = {country} if country else set()
        for k in range(j, len(items)):
            it = items[k]
            if it.start - end > 110 or _TITLE_BREAK.search(text, end, it.start):
                return None
            kind = it.key.kind
            if kind in ("adj", "country", "capital"):
                if kind != "adj" and _POST_IN.search(self._norm[max(0, it.nstart - 6):it.nstart]):
                    continue  # "سفير ألمانيا السابق في ليبيا": where the post was, not whose
                countries.add(it.key.ref)
            elif kind in ("name", "short"):
                e = self.base.entries[it.key.ref]
                if e.actor.kind != "PER":
                    countries.add(e.actor.country)
                    continue
                if not countries or e.actor.country not in countries or len(countries - {e.actor.country, "IGO"}) > 0:
                    return None
                if kind == "short" and it.key.ref not in st.seen_entries:
                    return None
                gap = list(text[end:it.start])
                for other in items[j:k]:  # names in the gap are no verbs ("وزارة" is no "زار")
                    gap[other.start - end:other.end - end] = " " * (other.end - other.start)
                if _has_verb("".join(gap)):
                    return None
                return self._named(text, items, i, k, e, None, self.base.heads[int(items[i].key.ref)]
                                   if items[i].key.kind == "head" else None, st)
            elif kind in ("fixed", "honorific") or (kind == "head" and self.base.heads[int(it.key.ref)].kind == "PER"):
                if kind == "head" and it.proclitic == "و" and not self.base.heads[int(it.key.ref)].id == "counterpart":
                    continue  # "مدير ... وسفير ألمانيا السابق في ليبيا كريستيان بوك": a second title of one person
                return None  # another person's title starts here ("الوزير بنظيره الإيطالي ...")
        return None

    def _named(self, text, items, i, j, e: Entry, honorific, head, st) -> tuple[int, Mention]:
        actor = self._entry_actor(e, st.day)
        st.seen_entries.add(e.actor.id)
        if honorific:
            st.by_honorific[honorific] = actor
        if head is not None:
            st.by_head[head.id] = actor
            st.by_head[_family(head.id)] = actor
            if head.role == "head_of_government" and st.day is not None:
                # "رئيس حكومة الوحدة الوطنية عبد الحميد الدبيبة" then "الحكومة": the government he led that day
                led = next((self.base.entries.get(r.org) for r in e.roles if r.role == head.role and r.covers(st.day)
                            and r.org in self.base.entries), None)
                if led is not None and self._is_government(led):
                    st.by_head["government"] = self._entry_actor(led, st.day)
        end = items[j].end
        return j + 1, Mention(items[i].start, end, text[items[i].start:end], actor, "title+name",
                              head.role if head else None)

    def _context_country(self, items, i, st: _DocState, sent_of, out: list[Mention], nearest: bool,
                         local: bool = False) -> str | None:
        """Country for a bare title: for a person the nearest country-bearing mention in the sentence,
        else (and for groups: "المسلحون", "الشرطة") the country the article talks about most."""
        sent = sent_of(items[i].start)
        # protesters, gunmen, police, victims are where they are; governments and parliaments travel to talk
        here = Counter(c for start, c in st.places if sent_of(start) == sent) if local else None
        if here:
            return here.most_common(1)[0][0]
        if not nearest:
            return st.countries.most_common(1)[0][0] if st.countries else None
        for m in reversed(out):
            if sent_of(m.start) != sent:
                break
            if m.actor.country and m.actor.country != "IGO":
                return m.actor.country
        for it in items[i + 1:]:
            if sent_of(it.start) != sent or self._another_person(it):
                break  # "أجرى رئيس الحكومة اتصالا بالرئيس التركي": the next person's country is not his
            c = self._key_country(it.key)
            if c and c != "IGO":
                return c
        if st.countries:
            return st.countries.most_common(1)[0][0]
        return None

    def _another_person(self, it: _Item) -> bool:
        """True when an item starts another person's mention (a person's title, honorific or name)."""
        k = it.key
        if k.kind in ("fixed", "honorific"):
            return True
        if k.kind == "head":
            return self.base.heads[int(k.ref)].kind == "PER"
        return k.kind == "name" and self.base.entries[k.ref].actor.kind == "PER"


_ANAPHOR_REACH = 3  # sentences back to the group a bare "الجماعة" refers to
_GROUP_SECTORS = frozenset({"REB", "OPP", "INS"})  # the groups "الجماعة"، "الحركة"، "التنظيم" stand for
_INSTITUTIONS = frozenset({"GOV", "LEG", "MIL", "JUD", "COP", "SPY", "ELC"})
_LOCAL_SECTORS = frozenset({"REB", "OPP", "CVL", "COP", "REF"})
_TITLE_BREAK = re.compile(r"[.،,؛;:!?؟\n]")
_POST_IN = re.compile(r"(?:في|لدى)\s*$")  # "سفير ألمانيا السابق في ليبيا": where the post was


_MEMBERS_OF = re.compile(r"^\s+(?:من|في)\s+$")
_NESTED = re.compile(r"^\s+(?:في|ب|لدى)\s*$|^\s+$")
_APPOSED = re.compile(r"^\s*[،,:]\s*$")
_TITLE_ADJ = re.compile(r"^\s+ال\S+\s+$")  # "رئيس الحكومة المنتخب عبد الحميد الدبيبة"
_TITLE_GAP = re.compile(r"^[\s«»\"“”']*$")


@functools.cache
def _raw_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """Followers, leader and owner words, matched against the raw text (their spelling variants are listed)."""
    context = load_yaml("actors/context.yaml")
    followers = re.compile(r"(?:^|\s)[وف]?" + word_trie(context["followers_before"], False) + r"\s+$")
    leader = re.compile(r"(?:^|\s)[وف]?" + word_trie(context["leader_before"], False) + r"\s*$")
    owned = re.compile(r"^\s+(?:\S+(?:ية|ي)\s+)?" + word_trie(context["owned_by"], False) + r"\s+$")  # "طائرة حربية تابعة ل"
    return followers, leader, owned


_ARMED = frozenset({"MIL", "REB"})


def _merge_titles(out: list[Mention], text: str) -> list[Mention]:
    """A title the chain could not close, right before the named person, is one mention of that person:
    "ولي العهد السعودي الأمير محمد بن سلمان"، "قائد قوات الدعم السريع الفريق أول محمد حمدان دقلو"."""
    followers_before, leader_before, owned_by = _raw_patterns()
    merged: list[Mention] = []
    skip_next = False
    for k, m in enumerate(out):
        if skip_next:
            skip_next = False
            continue
        nxt = out[k + 1] if k + 1 < len(out) else None
        if nxt is not None and m.via == "generic" and nxt.actor.kind == ActorKind.ORG \
                and nxt.via in ("name", "short") and _MEMBERS_OF.match(text[m.end:nxt.start]):
            # "مسلحون من حركة الشباب"، "عناصر من الحرس الرئاسي"، "قادة في قوات الدعم السريع": members acting
            # for, or standing for, the group named
            merged.append(Mention(m.start, nxt.end, text[m.start:nxt.end], nxt.actor, "name", nxt.role, m.proclitic))
            skip_next = True
            continue
        if nxt is not None and m.via in ("generic", "coref") and m.actor.kind == ActorKind.ORG \
                and (nxt.proclitic or "").endswith(("ل", "لل")) and owned_by.match(text[m.end:nxt.start]):
            # "طائرات حربية تابعة للتحالف"، "قوات موالية لباشاغا": the group acts for the actor it belongs to
            owner = nxt.actor
            if owner.kind == ActorKind.PER or (nxt.via in ("country", "capital") and m.actor.sector in _ARMED):
                # "قوات موالية لباشاغا": his forces; "المرتزقة التابعة لتركيا": the state's armed arm, not its government
                owner = Actor(f"{owner.id}_forces", f"{owner.name} forces", "", ActorKind.ORG, owner.country,
                              m.actor.sector if owner.kind == ActorKind.PER else "MIL")
            merged.append(Mention(m.start, nxt.end, text[m.start:nxt.end], owner, "name", nxt.role, m.proclitic))
            skip_next = True
            continue
        if m.actor.id.endswith("parties") and k + 1 < len(out) and _APPOSED.match(text[m.end:out[k + 1].start]):
            continue  # "وفدا الطرفين المتحاربين، حكومة الوفاق والجيش الوطني": the apposition names them
        if m.actor.kind == ActorKind.PER:
            lead = followers_before.search(text[max(0, m.start - 14):m.start])
            if lead:
                # "أنصار زعيم التيار الصدري مقتدى الصدر": the person's followers, not the person
                start = max(0, m.start - 14) + lead.start() + len(lead.group()) - len(lead.group().lstrip())
                followers = Actor(f"{m.actor.id}_supporters", f"{m.actor.name} supporters", "", ActorKind.ORG,
                                  m.actor.country, "CVL")
                merged.append(Mention(start, m.end, text[start:m.end], followers, "generic", None, m.proclitic))
                continue
        prev = merged[-1] if merged else None
        if prev is not None and m.actor.kind == ActorKind.PER and m.via in ("name", "title+name", "short") \
                and (_TITLE_GAP.match(text[prev.end:m.start])
                     or (prev.actor.kind == ActorKind.PER and _TITLE_ADJ.match(text[prev.end:m.start]))) \
                and prev.actor.country in (m.actor.country, None, "") \
                and prev.actor.id != m.actor.id:
            titled = prev.actor.kind == ActorKind.PER and prev.via in ("title", "generic", "coref", "discovered")
            # "قائد فيلق القدس في الحرس الثوري الإيراني اللواء قاسم سليماني": walk back over bodies joined by في
            k0 = len(merged) - 1
            while k0 > 0 and merged[k0].actor.kind != ActorKind.PER and merged[k0 - 1].actor.kind != ActorKind.PER \
                    and _NESTED.match(text[merged[k0 - 1].end:merged[k0].start]):
                k0 -= 1
            head_org = merged[k0]
            led = head_org.actor.kind != ActorKind.PER and head_org.via in ("name", "short") \
                and leader_before.search(text[max(0, head_org.start - 30):head_org.start])
            if led:
                del merged[k0 + 1:]
                prev = head_org
            if titled or led:
                start = prev.start
                if led:  # the mention starts at the leader word ("قائد")
                    start = max(0, prev.start - 30) + led.start()
                    start += len(text[start:prev.start]) - len(text[start:prev.start].lstrip())
                merged[-1] = Mention(start, m.end, text[start:m.end], m.actor, "title+name", prev.role or m.role,
                                     prev.proclitic)
                continue
        merged.append(m)
    return merged


def _posts_in(base: ActorBase) -> dict[str, list[tuple]]:
    """Who held a post in which organisation when: (start, end, actor id) per organisation id, from the roles
    that name their ``org`` (roles several people hold at once are left out)."""
    orgs: dict[str, list[tuple]] = {}
    for e in base.entries.values():
        for r in e.roles:
            if r.org and r.role not in base.plural_roles:
                orgs.setdefault(r.org, []).append((r.start, r.end, e.actor.id))
    return orgs


def _has_verb(gap: str) -> bool:
    """A trigger verb, or a verb of saying or a light verb ("يصدر"، "أعلن"), in ``gap``."""
    from marsad.events.frames import speech_verbs  # late: events are compiled after actors
    from marsad.events.lexicon import trigger_lexicon
    from marsad.arabic.normalize import normalize

    norm = normalize(gap).text
    return any(v.pos == "verb" for h in trigger_lexicon().find(norm) for v in h.values) or bool(speech_verbs(norm))


def _family(head_id: str) -> str:
    """Bare "الوزير" refers back to any minister named before: heads group by their last word."""
    return "family:" + head_id.rsplit("_", 1)[-1]


def _sentence_index(sentences: tuple[Sentence, ...]):
    starts = [s.start for s in sentences]

    from bisect import bisect_right

    def which(offset: int) -> int:
        return bisect_right(starts, offset) - 1

    return which
