"""Frames: who is the source and who the target of a trigger, within one sentence.

Arabic news puts the subject after the verb (VSO: "بحث حفتر مع دي مايو") or
before it (SVO headlines: "السراج يدعو الأمم المتحدة"); objects come bare or
after a preposition (مع، إلى، على، عن، ب، ل)، with appositions, time phrases
and parentheticals in between ("بحث X، اليوم الخميس، مع Y"). Nominal triggers
take their source as a genitive ("زيارة وزير الخارجية إلى بنغازي") or an
adjective ("دعم جزائري"), or from a pronoun suffix ("زيارته") pointing back to
the sentence's subject.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from itertools import accumulate
from operator import add
from dataclasses import dataclass, replace
from functools import lru_cache

from marsad.arabic.normalize import normalize_key, word_trie
from marsad.events.lexicon import TriggerSpec
from marsad.records import Mention, set_slots_directly
from marsad.resources import load_yaml

_PARENTHETICAL = re.compile(r"،[^،.؛]{0,60}،")
# a pattern that opens with \s lets the engine skip to the spaces in C; the text's start is checked apart
_COMPLEMENTIZER = re.compile(r"\s(?:[وب]?ان|لان|بانه|انه|انها)(?=\s)")
_VICTIM_SECTORS = frozenset({"CVL", "REF", "MED"})
_PATIENT_TYPES = frozenset({"ASSAULT", "COERCE", "CONCEDE"})
_PROTESTER_SECTORS = frozenset({"CVL", "OPP", "REF"})  # who protest in the street
_FORCE_SECTORS = frozenset({"COP", "MIL"})  # who arrests or strikes: such a group after the verb is its subject
_OBJECT_PRONOUNS = frozenset({"ه", "ها", "هم", "هما", "هن"})
_PUNCT_BREAK = re.compile(r"[.؛;!?؟:]")
_PURPOSE = frozenset({"ل", "ول", "فل"})
_OPENING = frozenset("(\"«[")
_ADJ_TAIL = re.compile(r"(?:\s+و?ال\S+(?:ين|ون|يه))+")  # "الداخليين والمقيمين"، "الغاضبين"
_GENITIVE_TAIL = re.compile(r"(?:\s+ال\S+){1,3}")
_PURPOSE_REACH = 60  # characters from a clause's subject to a purpose masdar it does
_WORD = re.compile(r"\S+")


@set_slots_directly
@dataclass(frozen=True, slots=True)
class Frame:
    """The sides found for one trigger."""

    sources: tuple[Mention, ...]
    """Source actors (several when coordinated)."""
    targets: tuple[Mention, ...]
    """Target actors."""
    how: str
    """Which rule applied (for ``marsad explain``)."""
    pos: str = "verb"
    """How the trigger was read in the end: verb, noun (a masdar) or phrase."""


def _by_last_word(phrases) -> dict[str, list[tuple[str, ...]]]:
    """Phrases indexed by every written form of their last word (bare, with ب/ل, with بال/لل), longest first.

    The value is (words..., prefix) so the caller knows which preposition was attached."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for ph in sorted(set(phrases), key=len, reverse=True):
        words = tuple(ph.split())
        if len(words) > 1:
            # "بالاتفاق الذي توصلت إليه": the preposition sits on the phrase's first word
            for form, pre in _clitic_forms(words[0]).items():
                out.setdefault(words[-1], []).append((form,) + words[1:-1] + (pre,))
            continue
        for form, pre in _clitic_forms(words[-1]).items():
            out.setdefault(form, []).append(words[:-1] + (pre,))
    return out


def _clitic_forms(word: str) -> dict[str, str]:
    """A word bare and with an attached ب or ل (ال contracting to لل): form -> preposition."""
    forms = {word: "", "ب" + word: "ب", "ل" + word: "ل"}
    if word.startswith("ال"):
        forms["بال" + word[2:]] = "ب"
        forms["لل" + word[2:]] = "ل"
    return forms


@lru_cache(maxsize=1)
def _spec() -> dict:
    raw = load_yaml("events/frames.yaml")

    def words(key: str) -> frozenset[str]:
        return frozenset(normalize_key(w) for w in raw.get(key) or [])

    return {
        "preps": frozenset(normalize_key(p) for p in raw["prepositions"]),
        "attached": {normalize_key(k): v for k, v in raw["attached"].items()},
        "fillers": _by_last_word(normalize_key(f) for f in raw["preposition_fillers"] + raw.get("quantities", [])),
        "subject_window": int(raw["subject_window"]),
        "transparent": _by_last_word(normalize_key(w) for w in raw.get("transparent_nouns") or []),
        "pronoun_subjects": frozenset(normalize_key(w) for w in raw.get("pronoun_subjects") or [] if " " not in w),
        "governors": frozenset(normalize_key(w) for w in raw.get("speech_verbs") or [] if " " not in w),
        # searched in " " + text: a pattern that opens with \s lets the engine skip to the spaces in C
        "speech": re.compile(r"\s[وف]?" + word_trie(raw.get("speech_verbs")) + r"(?=[\s،,]|$)"),
        "quantities": words("quantities"),
        "instruments": tuple(sorted((normalize_key(w) for w in raw.get("instruments") or []), key=len, reverse=True)),
        "speech_complements": re.compile(r"(?:^|\s)" + word_trie(raw.get("speech_complements")) + r"(?=\s|$)"),
        "adverbs": {normalize_key(k): v for k, v in (raw.get("adverbs") or {}).items()},
        "object_only": words("object_only_words"),
        "modifier_preps": words("subject_modifier_prepositions"),
        "own_initial": words("own_initial_nouns"),
        "masculine_names": words("masculine_names"),
        "detached": words("detached_pronouns"),
        "partitive": words("partitive_pronouns"),
        "causes": words("cause_words"),
        "documents": words("document_nouns"),
        "noun_doers": words("noun_doer_verbs"),
        "circumstance": words("circumstance_words"),
        # "، في اتصال هاتفي مع Y،": a circumstance opened after a comma, right before a position
        "circumstance_open": re.compile(r"،\s*" + word_trie(raw.get("circumstance_words")) + r"\s+$"),
        # "، في إحاطة قدمها إلى مجلس الأمن،"، "، المعروف بحميدتي،": an aside between commas
        "voice_needs_lam": tuple(normalize_key(w) for w in raw.get("voice_needs_lam") or []),
        "statement_aside": re.compile(r"\s*" + word_trie(raw.get("statement_asides")) + r"\s+"),
        "aside": re.compile(r"\s*،\s*" + word_trie(raw.get("aside_openers")) + r"\s[^،.؛:!?؟\"]{0,120}،"),
        # "بتدمير"، "باستهداف"، "بالرد": the deed a threat or a demand names, not "بين" or "باسم"
        "deed": re.compile(r"\s*[وف]?(?!" + word_trie(raw.get("not_deeds")) + r"\s)ب\S{3,}"),
        "copula": re.compile(r"(?:^|\s)" + word_trie(raw.get("copula_pronouns")) + r"(?=\s)"),
        "recipient_types": frozenset(raw.get("recipient_types") or []),
        "agents": _by_last_word(normalize_key(w) for w in raw.get("agent_words") or []),
        "addressees": frozenset(raw.get("addressee_actors") or []),
        "sponsors": _by_last_word(normalize_key(w) for w in raw.get("sponsor_words") or []),
        "patient_nouns": words("patient_genitive_nouns"),
        "consequence": re.compile(word_trie(raw.get("consequence_words")) + r"\s*$"),
        "presence": words("presence_words"),
        "passive_prone": words("passive_prone_verbs"),
        "participles": words("participles"),
        "head_of": _by_last_word(normalize_key(w) for w in raw.get("head_of_words") or []),
        "companions": words("companion_words"),
        "relatives": words("relative_pronouns"),
        "pronoun_objects": words("pronoun_objects"),
        "object_window": int(raw["object_window"]),
        "light_doer": re.compile(r"(?:^|\s)[وف]?" + word_trie(raw.get("light_verbs")) + r"\s"),
        "during": words("during_words"),
    }


@dataclass(frozen=True, slots=True)
class Sides:
    """Which event types may lack a side."""

    targetless: frozenset[str]
    sourceless: frozenset[str]
    targetless_modes: frozenset[str] = frozenset()


@lru_cache(maxsize=1)
def event_sides() -> Sides:
    """Types complete without a target / a source (data/events/frames.yaml)."""
    raw = load_yaml("events/frames.yaml")
    return Sides(frozenset(raw.get("targetless_types") or []), frozenset(raw.get("sourceless_types") or []),
                 frozenset(raw.get("targetless_modes") or []))


@lru_cache(maxsize=1)
def armed_readings() -> tuple[frozenset[str], frozenset[str]]:
    """(armed sectors, armed event types) from data/events/frames.yaml."""
    raw = load_yaml("events/frames.yaml")
    return frozenset(raw.get("armed_sectors") or []), frozenset(raw.get("armed_types") or [])


@dataclass(slots=True)
class Arg:
    """An actor mention with how it is attached in the sentence."""

    mention: Mention
    prep: str | None
    """The preposition introducing it ('' when bare)."""
    coord: bool
    """True when it is coordinated with the previous actor (و)."""
    via_noun: bool = False
    """True when a transparent noun governs it ("رفض مقترح المبعوث")."""
    quantified: bool = False
    """True when a number or quantity stands before it ("قتل ثلاثة جنود"): a patient, not an agent."""
    object_only: bool = False
    filler: bool = False
    """True when a noun that lets its complement through stands before it ("مقر المفوضية")."""
    """True for a counterpart ("نظيرها الإيطالي"): the other side, never the subject."""


def attach(norm: str, raw_to_norm, mentions: list[Mention],
           names: list[tuple[int, int]] = ()) -> list[Arg]:  # noqa: C901
    """Read the preposition or conjunction in front of each mention.

    A preposition may be a word (مع، إلى)، attached to the mention (لحفتر)، or attached to a noun that
    governs the mention ("بجهود حكومة الوفاق"، "مواقع لقوات الوفاق" -> ب، ل). Numbers and quantities between
    a preposition and its actor are skipped ("عن أربعة صحفيين").
    """
    sp = _spec()
    attached = sp["attached"]
    # other names (places) are no governing nouns either: "في بغداد وزير الخارجية" has no ب
    spans = [(raw_to_norm(m.start), raw_to_norm(m.end)) for m in mentions] + list(names)
    w_starts, w_ends, w_text = _word_index(norm)
    out = []
    for m in mentions:
        ns = raw_to_norm(m.start)

        word = norm[ns:ns + 24].split(" ", 1)[0]
        prep = None
        coord = False
        if m.proclitic is not None:
            # the matcher knows where the name starts: "بغداد" has no ب, "بحفتر" has
            prep = attached.get(m.proclitic)
            coord = m.proclitic.startswith("و")
        else:
            for n in (4, 3, 2, 1):
                if len(word) > n + 2 and word[:n] in attached:
                    prep = attached[word[:n]]
                    break
            if word.startswith("و") and not _is_root_waw(word):
                coord = True
        lo = max(0, ns - 60)
        i, j = bisect_left(w_starts, lo), bisect_left(w_starts, ns)
        bw, found = w_text[i:j], w_starts[i:j]  # the words before the mention and their starts
        if bw and w_ends[j - 1] > ns:  # only the last word can run into the mention
            bw[-1] = norm[w_starts[j - 1]:ns]
        if i > 0 and w_ends[i - 1] > lo:  # the word cut at the window's edge, as the window holds it
            bw.insert(0, norm[lo:min(w_ends[i - 1], ns)])
            found.insert(0, lo)
        quantified = filler = False
        for _ in range(3):  # strip numbers, quantities and fillers ("عن أربعة صحفيين")
            cut = _match_tail(bw, sp["fillers"])
            if cut is None and bw and bw[-1].isdigit():
                cut = (1, "")
            if cut is None and len(bw) >= 2 and bw[-1] == "من" and (bw[-2] in sp["quantities"] or bw[-2].isdigit()):
                cut = (2, "")  # "خمسة من عناصر الشرطة": a part of the group
            if cut is None:
                break
            counted = " ".join(bw[-cut[0]:]) in sp["quantities"] or bw[-1].isdigit() or (bw[-1] == "من" and cut[0] == 2)
            quantified = quantified or counted
            filler = filler or not counted  # "مقر المفوضية": a noun that lets its complement through
            if not counted and cut[1] and prep is None:
                prep = attached.get(cut[1])  # "بمقر القيادة العامة": at the seat of, a place rather than a side
            bw = bw[:-cut[0]]
        via_noun = False
        cut = _match_tail(bw, sp["transparent"])
        if cut is None and m.via == "adjective" and bw:
            cut = _match_tail(bw[:-1] + [_indefinite(bw[-1])], sp["transparent"])  # "مقترحا مصريا"، "المقترح المصري"
        if cut is not None:
            n_words, pre = cut
            if pre and prep is None:
                prep = attached.get(pre)
            bw = bw[:-n_words]
            via_noun = True
        words = bw
        if words and prep is None:
            last = words[-1]
            if last in sp["preps"]:
                prep = last
            elif last[:1] in "وف" and last[1:] in sp["preps"]:
                prep = last[1:]
                coord = True
            elif last == "و":
                coord = True
            elif last in sp["presence"]:
                prep = "presence"
            elif _match_tail(words, sp["head_of"]) is not None:
                prep = "headed"  # "برئاسة فتحي باشاغا": the head of the actor before, no side of its own
            elif _match_tail(words, sp["agents"]) is not None:
                prep = "agent"
            elif _match_tail(words, sp["sponsors"]) is not None:
                prep = "sponsor"  # "برعاية الأمم المتحدة": the mediator, a side of the talks
            elif last in sp["companions"]:
                coord = True  # "وبرفقته وزير الداخلية": on the side of the actor before
            elif not last.endswith(("،", ",")) and not _in_name(found[len(bw) - 1], spans) \
                    and last not in sp["own_initial"]:
                for n in (3, 2, 1):
                    if len(last) >= n + 3 and last[:n] in attached:
                        prep = attached[last[:n]]
                        break
        if prep == "ب" and m.proclitic and normalize_key(m.text[len(m.proclitic):]).startswith(sp["instruments"]):
            prep = "instrument"  # "بطائرات مسيرة": the means, not a side (no trigger takes it)
        bare = word[1:] if word[:1] in "وب" and word[1:] in sp["object_only"] else word
        out.append(Arg(m, prep, coord, via_noun, quantified, bare in sp["object_only"], filler))
    return out


def _complementizer(text: str, pos: int = 0, end: int | None = None) -> bool:
    """"أن" or one of its forms stands as a word in text[pos:end] (a clause with its own subject follows);
    at the very start of ``text`` it needs no space before it."""
    if pos:
        return _COMPLEMENTIZER.search(text, pos, len(text) if end is None else end) is not None
    return _COMPLEMENTIZER.search(" " + text[:end]) is not None


def _in_name(pos: int, spans: list[tuple[int, int]]) -> bool:
    """A word starting at ``pos`` belongs to a name: "فتحي باشاغا ونظيره" has no preposition before نظيره."""
    return any(s <= pos < e for s, e in spans)


def _adjective_tails(before: list[Arg], norm: str, lo: int, hi: int, r2n) -> list[tuple[int, int]]:
    """Adjectives right after a generic group in [lo, hi) ("نظم عشرات الأطباء الداخليين والمقيمين وقفة"): part of
    the subject, no words of their own between a verb and its noun."""
    out = []
    for a in before:
        end = r2n(a.mention.end)
        if a.mention.via == "generic" and lo <= end < hi:
            m = _ADJ_TAIL.match(norm, end, hi)
            if m is None and norm[end - 1:end] == "و":
                m = _GENITIVE_TAIL.match(norm, end, hi)  # "معلمو المدارس الابتدائية": a plural in construct
            if m:
                out.append((end, m.end()))
    return out


def _clause_subject(before: list[Arg], norm: str, nts: int, others, r2n) -> list[Arg]:
    """The subject of the clause that ends at ``nts``: its last bare actor and those coordinated with it, close
    before, with no sentence break and no other verb after them ("اضطر ممثلو مجلس النواب والمجلس الأعلى للعودة")."""
    k = next((k for k in range(len(before) - 1, -1, -1) if before[k].prep is None and not before[k].coord), None)
    if k is None:
        return []
    group = [before[k]]
    for a in before[k + 1:]:
        if not (a.coord and a.prep is None):
            break
        group.append(a)
    end = r2n(group[-1].mention.end)
    if nts - end > _PURPOSE_REACH or _PUNCT_BREAK.search(norm, end, nts) or any(end <= o < nts for o, _ in others or ()) \
            or _spec()["copula"].search(norm, end, nts):
        return []  # "الاتحاد الأفريقي هو المنصة المناسبة للمفاوضات": a nominal sentence has no doer
    return group


def _aside(norm: str, pos: int) -> tuple[int, int] | None:
    """A parenthetical between commas right after a verb and its subject ("، في إحاطة قدمها أمس إلى مجلس
    الأمن،"): its normalised span up to the closing comma, when it opens with a circumstance word."""
    m = _spec()["aside"].match(norm, pos)
    return (m.start(), m.end()) if m else None


def _object_follows(after: list[Arg], norm: str, skips, r2n) -> bool:
    """A bare actor follows the first one closely: that one is the subject, however it is counted
    ("احتجز عناصر من الحرس الرئاسي، أمس الأربعاء، الرئيس محمد بازوم")."""
    a0 = after[0]
    a1 = next((a for a in after[1:] if a.prep not in ("في", "ب")), None)  # "في النيجر" between them is where
    if a1 is None:
        return False
    return a1.prep is None and not a1.coord and a1.mention.actor.id != a0.mention.actor.id \
        and not _PUNCT_BREAK.search(norm, r2n(a0.mention.end), r2n(a1.mention.start)) \
        and _content_words(norm, r2n(a0.mention.end), r2n(a1.mention.start), skips) == 0


def _indefinite(word: str) -> str:
    """The noun an adjective follows, without its article or accusative alif: "المقترح"، "مقترحا" -> "مقترح"."""
    for pre in ("بال", "لل", "وال", "ال"):
        if word.startswith(pre) and len(word) - len(pre) >= 3:
            return ("ب" if pre == "بال" else "ل" if pre == "لل" else "") + word[len(pre):]
    return word[:-1] if word.endswith("ا") and len(word) > 4 else word


def _bare_noun(word: str) -> str:
    """A trigger word without conjunction, preposition or article: "والاعتقال" -> "اعتقال"."""
    word = word.strip()
    for pre in ("وبال", "وال", "بال", "لل", "فال", "ال", "و", "ب", "ل"):
        if word.startswith(pre) and len(word) - len(pre) >= 3:
            rest = word[len(pre):]
            return rest[2:] if pre in ("و", "ب", "ل") and rest.startswith("ال") else rest
    return word


def _match_tail(words: list[str], index: dict[str, list[tuple[str, ...]]]) -> tuple[int, str] | None:
    """If ``words`` end with an indexed phrase: (its length in words, the attached preposition)."""
    if not words or words[-1] not in index:
        return None
    for entry in index[words[-1]]:
        head, pre = entry[:-1], entry[-1]
        n = len(head)
        if n == 0 or tuple(words[-1 - n:-1]) == head:
            return n + 1, pre
    return None


def _is_root_waw(first: str) -> bool:
    """True when a mention's first letter و belongs to the word (وزير، وفد), not a conjunction."""
    return first.startswith(("وزير", "وزار", "وفد", "وكال", "واشنطن", "ولي", "وحد", "وطني"))


def _gap_words(norm: str, a: int, b: int) -> int:
    return len(_WORD.findall(norm[a:b]))


@lru_cache(maxsize=4)
def _word_index(norm: str) -> tuple[list[int], list[int], list[str]]:
    """Start, end and text of every word of a document (built once per document: the frame questions ask
    about many short stretches of it; whether a word is a content word is looked up only for those)."""
    words = norm.split()  # the same words as \S+, found in C
    lengths = list(map(len, words))
    if len(norm) == sum(lengths) + len(lengths) - 1:
        # one space or newline between words, none around them (most texts): the starts are running sums
        starts = list(accumulate(map((1).__add__, lengths), initial=0))
        starts.pop()
    else:
        starts, pos, find = [], 0, norm.find
        for w in words:
            pos = find(w, pos)
            starts.append(pos)
            pos += len(w)
    return starts, list(map(add, starts, lengths)), words


@lru_cache(maxsize=65536)
def _is_content(word: str) -> bool:
    from marsad.actors.discover import function_words

    stop = function_words()
    w = word.strip("،,\"'()")
    if not w or w in _spec()["adverbs"] or w in stop or (w[:1] in "وفب" and w[1:] in stop):
        return False
    return any(c.isalpha() for c in w)


def _content_words(norm: str, a: int, b: int, skips: list[tuple[int, int]]) -> int:
    """Words between a and b that are not dates, places, names, punctuation or function words."""
    if b <= a:
        return 0
    if norm.count("،", a, b) >= 2:
        return _content_words_parenthetical(norm, a, b, skips)
    starts, ends, words = _word_index(norm)
    i, j = bisect_left(starts, a), bisect_left(starts, b)
    found = []  # where each content word starts (the skips are looked at only when there is one)
    if i > 0 and ends[i - 1] > a and _is_cut_content(norm[a:min(ends[i - 1], b)]):
        found.append(a)  # a word cut by a: its tail counts as it stands
    for k in range(i, j):
        if ends[k] > b:
            if _is_cut_content(norm[starts[k]:b]):
                found.append(starts[k])
        elif _is_content(words[k]):
            found.append(starts[k] + (norm[starts[k]] in _OPENING))  # "(يونامي)": a name in brackets is still a name
    if not found:
        return 0
    spans = sorted([sp for sp in skips if sp[1] > a and sp[0] < b])
    sp_starts = [sp[0] for sp in spans]
    return sum(not _skipped(pos, spans, sp_starts) for pos in found)


def _skipped(pos: int, spans: list[tuple[int, int]], sp_starts: list[int]) -> bool:
    k = bisect_right(sp_starts, pos) - 1
    return k >= 0 and pos < spans[k][1]


def _is_cut_content(word: str) -> bool:
    return bool(word.strip()) and _is_content(word)


def _content_words_parenthetical(norm: str, a: int, b: int, skips: list[tuple[int, int]]) -> int:
    """``_content_words`` for a stretch that may hold a parenthetical between commas."""
    from marsad.actors.discover import function_words

    stop = function_words()
    adverbs = _spec()["adverbs"]
    text = _PARENTHETICAL.sub(lambda m: " " * len(m.group()), norm[a:b])  # "، في بيان مشترك،"
    spans = sorted([sp for sp in skips if sp[1] > a and sp[0] < b])
    starts = [sp[0] for sp in spans]
    n = 0
    for m in _WORD.finditer(text):
        pos = a + m.start()
        k = bisect_right(starts, pos) - 1
        if k >= 0 and pos < spans[k][1]:
            continue
        w = m.group().strip("،,\"'()")
        if w in adverbs:
            continue
        if w and w not in stop and not (w[:1] in "وفب" and w[1:] in stop) and any(c.isalpha() for c in w):
            n += 1
    return n


def adverb_type(norm: str, a: int, b: int) -> str | None:
    """The event type an adverb between a and b turns the event into ("عسكريا" -> AID), if any."""
    adverbs = _spec()["adverbs"]
    for w in norm[a:b].split():
        if adverbs.get(w):
            return adverbs[w]
    return None


def _quoted(norm: str, pos: int, limit: int) -> bool:
    """True when ``pos`` lies inside a quotation that closes before ``limit`` (a speaker's words, not the frame)."""
    # normalisation writes every quotation mark as '"': an odd count before pos opens a quotation
    return norm.count('"', 0, pos) % 2 == 1 and 0 <= norm.find('"', pos, limit)


def _starts_clause(norm: str, end: int, others) -> bool:
    """An actor right before a verb is that verb's subject, not one more object ("يعتقل حمدوك والبرهان يحل")."""
    if any(0 <= o - end <= 2 for o, _ in others):
        return True
    nxt = norm[end:end + 14].split()[:1]
    return bool(nxt) and nxt[0][:1] in "يت" and len(nxt[0]) >= 3 and not nxt[0].startswith(("تجاه", "تحت"))


def _prep_of_trigger(a: Arg, gap: str) -> bool:
    """"رحب ... بتوقيع الحكومة": the ب before the noun is the trigger's, not the genitive's."""
    own = a.mention.proclitic
    return not gap.strip() and a.prep in ("ب", "ل") and own is not None and _spec()["attached"].get(own) != a.prep


def _subject_modifier(gap: str) -> bool:
    """A preposition and its noun right after a subject ("نواب عن المحافظة"، "مسؤولون في الوزارة")."""
    words = gap.split()
    return 2 <= len(words) <= 3 and words[0] in _spec()["modifier_preps"]


def _dual(a: Arg) -> bool:
    """A group named in the nominative dual ("جنديان"، "شرطيان"): two of them, counted like "ثلاثة جنود"."""
    first = a.mention.text[len(a.mention.proclitic or ""):].split()[:1]
    return a.mention.via == "generic" and bool(first) and first[0].endswith("ان") and not first[0].startswith("ال")


def _disagrees(verb: str, proclitic: str, enclitic: str, a0: Arg) -> bool:
    """A verb in the masculine (past "دعا"، present "يدعو") with a feminine actor right after it cannot have that
    actor as subject: a state's name ("إسرائيل"، "روسيا"; not "العراق" or "لبنان") or a body whose first word ends
    in ta marbuta ("واتهم الجماعة"، "وانتقد الحكومة"; not the plural "قادة")."""
    v = verb.strip()[len(proclitic):len(verb.strip()) - len(enclitic)]
    if not v or v.endswith(("ت", "تا", "تان")) or v.startswith(("ت", "ن")) or (v.startswith("م") and len(v) > 4):
        return False  # a feminine verb, or a participle ("مطالبين")
    m = a0.mention
    masculine = _spec()["masculine_names"]
    if m.via in ("country", "capital"):
        name = normalize_key(m.text)[len(m.proclitic or ""):]
        return not name.startswith("ال") and name not in masculine
    first = m.text[len(m.proclitic or ""):].split()[:1]
    return m.actor.kind != "PER" and bool(first) and first[0].endswith("ة") and normalize_key(first[0]) not in masculine


def _addressed(spec: TriggerSpec, proclitic: str, a0: Arg, norm: str, nts: int, r2n) -> bool:
    """True when the one bare actor after a clause-initial و-verb of demanding is its object, not its subject:
    a complement (إلى، ب) follows the actor at once, so no second actor stands between as the object."""
    if spec.type not in ("REQUEST", "ACCUSE") or spec.pos != "verb" or proclitic[:1] not in ("و", "ف"):
        return False
    lead = norm[max(0, nts - 3):nts].strip()
    if lead and lead[-1] not in ".،؛:\n":
        return False  # not at the start of a sentence or clause
    end = r2n(a0.mention.end)
    nxt = norm[end:end + 16].split()[:1]
    if not nxt or not (nxt[0] in ("الي", "ان") or (nxt[0][:1] == "ب" and len(nxt[0]) > 3)):
        return False
    # "وطالب الاتحاد الأوروبي بالإفراج": a state or body may well be the new subject; the usual addressees,
    # or an actor opening a quotation ("وطالب «مجلس الأمن بإصدار"), are not
    # "واتهم الدبيبة بـ«التشبث بالسلطة»": the one accused comes right before what he is accused of
    return a0.mention.via == "generic" or a0.mention.actor.id in _spec()["addressees"] \
        or '"' in norm[nts:r2n(a0.mention.start)] or (spec.type == "ACCUSE" and nxt[0][:1] == "ب")


def patient_noun(word: str) -> bool:
    """A noun whose genitive undergoes it ("مقتل"، "اعتقال"، "وفاة"), with or without its article and clitics."""
    nouns = _spec()["patient_nouns"]
    return word in nouns or _bare_noun(word) in nouns  # "وفاة": its و is its own


def noun_doer_verbs() -> frozenset[str]:
    """Verbs that carry a nominal event as their pronoun ("زيارة أجراها X"), normalised."""
    return _spec()["noun_doers"]


def after_circumstance(norm: str, pos: int) -> bool:
    """A circumstance word after a comma stands right before ``pos`` ("دعا X، في اتصال هاتفي مع Y، إلى ...")."""
    return _spec()["circumstance_open"].search(norm, max(0, pos - 20), pos) is not None


def speech_verbs(norm: str) -> list[tuple[int, int]]:
    """Spans of the verbs of saying and light verbs in a normalised text (one pass per document)."""
    return [(max(0, m.start() - 1), m.end() - 1) for m in _spec()["speech"].finditer(" " + norm)]


def _speech_subject(norm: str, nts: int, before: list[Arg], r2n, skips, slack: int = 0,
                    speech: list[tuple[int, int]] | None = None) -> list[Arg]:
    """The subject of a verb of saying right before a nominal trigger, if there is one."""
    if speech is None:
        speech = speech_verbs(norm[: nts])
    k = bisect_right(speech, (nts, nts)) - 1
    while k >= 0 and speech[k][1] > nts:
        k -= 1
    if k < 0 or speech[k][0] < nts - 120:
        return []
    sv_start, sv_end = speech[k]
    if _complementizer(norm, sv_end, nts):
        return []  # "أعلن X أن قوات الجيش أسقطت ...": the clause after أن has its own subject
    skips = list(skips or []) + _adjective_tails(before, norm, sv_end, nts, r2n)
    if _content_words(norm, sv_end, nts, skips) > slack \
            and not _spec()["speech_complements"].search(norm, sv_end, nts):
        return []  # the usual case, answered from the word index without building a masked copy
    between = [a for a in before if r2n(a.mention.start) >= sv_end]
    rest = norm[sv_end:nts]
    for a in between:
        s, e = r2n(a.mention.start) - sv_end, r2n(a.mention.end) - sv_end
        rest = rest[:s] + " " * (e - s) + rest[e:]
    for s, e in skips or ():  # dates and places: "أجرى X، الاثنين، في أنقرة محادثات مع Y"
        if s >= sv_end and e <= nts:
            rest = rest[:s - sv_end] + " " * (e - s) + rest[e - sv_end:]
    rest = _spec()["speech_complements"].sub(lambda m: " " * len(m.group()), rest)  # "جدد X التأكيد على دعم"
    if _content_words_parenthetical(rest, 0, len(rest), []) > slack:  # a masked copy: no word index
        return []
    if between:
        group = [between[0]]
        for a in between[1:]:
            if a.coord:
                group.append(a)
        return [a for a in group if a.prep is None] or []
    prior = [a for a in before if r2n(a.mention.end) <= sv_start]
    if prior:
        b = prior[-1]
        gap = norm[r2n(b.mention.end):sv_start]
        if b.prep is None and "،" not in gap and _content_words(norm, r2n(b.mention.end), sv_start, skips) == 0:
            group = [b]  # "وكانت قوات بوركينا فاسو ونظيرتها النيجرية قد نفذت": the whole coordinated subject
            k = len(prior) - 2
            while k >= 0 and group[0].coord and prior[k].prep is None:
                group.insert(0, prior[k])
                k -= 1
            return group
    return []


def frame(spec: TriggerSpec, t_start: int, t_end: int, enclitic: str, args: list[Arg], norm: str, r2n,
          skips: list[tuple[int, int]] | None = None, proclitic: str = "", previous: Frame | None = None,
          others: list[tuple[int, int]] | None = None, speech: list[tuple[int, int]] | None = None,
          nouns: list[tuple[int, str]] | None = None, merged_skips: bool = False, passive: bool = False) -> Frame:
    """Find source(s) and target(s) for a trigger at [t_start, t_end) (raw offsets).

    ``skips`` are normalised spans (dates, places) that may stand between a verb and its arguments;
    ``others`` the spans of the sentence's other verbal triggers, which no argument search crosses;
    ``merged_skips``: ``skips`` already holds the spans of all the sentence's mentions (the coder's fast path);
    ``passive``: the verb is written with its passive vowel ("قُتل"), so the actor after it is the patient.
    """
    others = others or []
    if not merged_skips:
        skips = list(skips or []) + [(r2n(a.mention.start), r2n(a.mention.end)) for a in args]
    prev_word = norm[max(0, r2n(t_start) - 12):r2n(t_start)].split()[-1:]
    if spec.pos == "verb" and prev_word and (prev_word[0] in _spec()["preps"] or prev_word[0] in _spec()["governors"]):
        spec = replace(spec, pos="noun")  # "إلى دعم الانتخابات"، "قرر حل الحكومة": a masdar, not a verb
    after = [a for a in args if a.mention.start >= t_end]
    if spec.pos == "verb" and after and after[0].mention.via == "adjective" and after[0].mention.start - t_end <= 2:
        spec = replace(spec, pos="noun")  # "ودعم جزائري": an adjective agrees with a noun
    sp = _spec()
    before = [a for a in args if a.mention.end <= t_start]
    nts, nte = r2n(t_start), r2n(t_end)
    sources: list[Arg] = []
    how = ""
    # "وجدد وزير الخارجية المغربي دعم المملكة للأشقاء": the speaker is the source of the nominal event
    speaker = _speech_subject(norm, nts, before, r2n, skips, 1 if spec.pos == "phrase" else 0, speech)
    if speaker and _bare_noun(norm[nts:nte - len(enclitic)]) in sp["patient_nouns"] and not sp["light_doer"].search(
            norm[max(0, nts - 40):nts]) and not (spec.type == "COERCE" and all(
                (a.mention.actor.sector or "") in _FORCE_SECTORS for a in speaker)):
        # "أعلنت وزارة الدفاع مقتل جنديين": who announces a death did not cause it; but police or soldiers who
        # announce an arrest made it ("وأعلنت مديرية الأمن العام توقيف 44 شخصا")
        speaker = []
    if speaker:
        # "جدد X دعم ..." : after a verb of saying and its subject, دعم can only be a masdar
        sources = speaker
        how = "speech-verb"
        if spec.pos == "verb":
            spec = replace(spec, pos="noun")
    # genitive or adjective right after a noun: "زيارة وزير الخارجية" / "دعم جزائري"
    if not sources and spec.pos == "noun" and after and not enclitic:
        a0 = after[0]
        gap = norm[nte:r2n(a0.mention.start)]
        titled = a0.mention.actor.kind == "PER" and a0.mention.via == "name"  # "لقاء رئيس إقليم كردستان X"
        # "قصف مدفعي لقوات الدعم السريع": an adjective of the noun may stand before its ل-genitive
        described = a0.prep == "ل" and all(w.endswith(("ي", "يه")) for w in gap.split()) and len(gap.split()) == 1
        if (a0.prep is None or (a0.prep == "ل" and spec.type not in sp["recipient_types"]) or _prep_of_trigger(a0, gap)) \
                and _gap_words(norm, nte, r2n(a0.mention.start)) <= (3 if titled else 1 if a0.prep in (None, "ب")
                                                                     or described else 0) \
                and not _PUNCT_BREAK.search(gap) and "،" not in gap:
            sources = [a0]  # "لقاء للسراج مع ...": ل marks the genitive right after the noun
            how = "genitive"
    if not sources and spec.pos == "noun" and after and not enclitic:
        # "إحاطة قدمها المبعوث الأممي إلى مجلس الأمن": the pronoun of the verb after the noun is the noun
        nxt3 = norm[nte:nte + 40].split()[:3]
        k = next((k for k, w in enumerate(nxt3[:2]) if w in sp["noun_doers"]), None)
        if k is not None:
            a0 = after[0]
            vend = nte + norm[nte:].index(nxt3[k]) + len(nxt3[k])
            if a0.prep is None and _content_words(norm, vend, r2n(a0.mention.start), skips) == 0:
                sources = [a0]
                how = "noun-doer"
    # "X استقبل Y، وبحث معه": a verb joined by و after a comma continues the previous subject
    after_word = norm[nte:nte + 9].split()[:1]
    during = bool(after_word) and after_word[0] in sp["during"]  # "التقى خلالها X و Y"
    continues = previous is not None and ((proclitic[:1] in ("و", "ف")
                                          and (spec.pos != "noun" or previous.how.startswith("speech-verb")))
                                         or norm[nts:nte].strip() in sp["participles"] or during)
    # "مفاوضات بين X و Y" / "الاتفاقات المبرمة بين روما وحكومة السراج": the two sides of a symmetric event
    if not sources and spec.symmetric and len(after) >= 2 and after[0].prep == "بين" and after[1].coord \
            and _content_words(norm, nte, r2n(after[0].mention.start), skips) <= 4:
        return Frame((after[0].mention,), (after[1].mention,), "between", spec.pos)
    if not sources and spec.pos == "verb" and prev_word and prev_word[0] in sp["documents"] and before:
        # "تبنى مجلس محافظي الوكالة قرارا ينتقد إيران": the text speaks for whoever adopted it
        sources = _clause_subject(before, norm, nts - len(prev_word[0]) - 1, [], r2n)
        how = "document" if sources else how
    # "المرتزقة ... والتي تساند فايز السراج": the antecedent of the relative pronoun is the subject
    if not sources and spec.pos == "verb" and prev_word and prev_word[0] in sp["relatives"] and before \
            and enclitic not in _OBJECT_PRONOUNS:  # "الجنود الذين أسرتهم قوات الدعم السريع": the antecedent is the object
        b = before[-1]
        if b.prep is None and _content_words(norm, r2n(b.mention.end), nts - len(prev_word[0]) - 1, skips) == 0:
            sources = [b]
            how = "relative-clause"
    # subject before the verb (SVO), nearest first
    if not sources and before:
        b = before[-1]
        gap = norm[r2n(b.mention.end):nts]
        if "،" in gap or "," in gap:
            pass  # "حفتر، في حين أرسلت أنقرة": a comma ends the subject's reach
        elif previous is not None and b.mention in previous.targets:
            pass  # "زار صنعاء ... والتقى قادة": the object of the verb before is no subject of this one
        elif b.prep is None and len(gap) <= sp["subject_window"] and not _PUNCT_BREAK.search(gap) \
                and _content_words(norm, r2n(b.mention.end), nts, skips) <= (2 if enclitic and spec.pos == "noun" else 0) \
                and (spec.pos != "noun" or enclitic):
            group = [b]
            k = len(before) - 2
            while k >= 0 and group[0].coord and before[k].prep is None \
                    and not (previous is not None and before[k].mention in previous.targets):
                group.insert(0, before[k])  # "يعتقل حمدوك والبرهان يحل الحكومة": Hamdok is the arrest's object
                k -= 1
            if k >= 0 and group[0].coord and previous is not None and before[k].mention in previous.targets:
                group[0] = replace(group[0], coord=False)
            sources = group
            how = "subject-before"
    if not sources and norm[nts:nte].strip() in sp["participles"]:
        # "وقال السراج ... ، مطالبا المجتمع الدولي": the sentence's subject, its first bare actor
        first = next((k for k, a in enumerate(before) if a.prep is None and not a.coord), None)
        if first is not None:
            sources = [before[first]]  # with the actors coordinated with it ("رحبت بريطانيا وفرنسا ...، داعية")
            for a in before[first + 1:]:
                if not (a.coord and a.prep is None):
                    break
                sources.append(a)
        elif previous is not None and previous.sources:
            sources = [Arg(m, None, False) for m in previous.sources]
        how = "participle" if sources else how
    if not sources and continues and previous.sources and proclitic[:1] == "و" and spec.pos == "verb" \
            and norm[max(0, nts - 4):nts].rstrip().endswith("،") and after and after[0].mention.via == "generic" \
            and not (spec.type in _PATIENT_TYPES and after[0].mention.actor.sector in _FORCE_SECTORS):
        # "رحبت فرنسا وألمانيا ...، ودعت جميع الأطراف": after a comma, و continues the subject; the group is the object
        # (but "...، واعتقلت الشرطة أكثر من 1700 منهم": police or soldiers after a verb of force are its subject)
        sources = [Arg(m, None, False) for m in previous.sources]
        how = "continued-subject"
    # subject after the verb (VSO); "قتل ثلاثة جنود" (passive, undiacritised): a counted actor is the patient
    # "الهجوم الذي استهدف X": the antecedent is the subject; "الهجمات التي تشنها X": the pronoun is the object
    relative = bool(prev_word) and prev_word[0] in sp["relatives"] and enclitic not in _OBJECT_PRONOUNS
    # "ربط الصلة مع X": a phrase that ends with its preposition has its object, not its subject, after it
    ends_prep = spec.pos == "phrase" and norm[nts:nte].rsplit(" ", 1)[-1] in sp["preps"]
    if not sources and spec.pos != "noun" and after and not after[0].object_only and not relative and not passive \
            and not during and not ends_prep \
            and not (spec.mode == "visit" and after[0].mention.via in ("capital", "country")) \
            and not ((after[0].quantified or (after[0].mention.actor.sector or "") in _VICTIM_SECTORS
                      or _dual(after[0]))
                     and spec.type in _PATIENT_TYPES
                     and _bare_noun(norm[nts + len(proclitic):nte]) in sp["passive_prone"]
                     and not _object_follows(after, norm, skips, r2n)):  # "وقتل مدنيان"
        a0 = after[0]
        gap = norm[nte:r2n(a0.mention.start)]
        if a0.prep is None and len(gap) <= sp["object_window"] and not _PUNCT_BREAK.search(gap) \
                and not _complementizer(gap) \
                and _content_words(norm, nte, r2n(a0.mention.start), skips) <= 3:  # "أكد أن X": X is the clause's
            sources = [a0]  # the subject follows its verb closely; a far actor belongs to another phrase
            how = "subject-after"
            own = [a for a in before if a.prep is None and not a.coord][:1]
            if continues and (previous.sources or own) and _addressed(spec, proclitic, a0, norm, nts, r2n):
                # "... . ودعا المجتمع الدولي إلى دعم الانتخابات": the subject is dropped, the actor is the one called on;
                # the subject of its own sentence first ("نفى باشاغا أي علاقة له بالهجوم، واتهم الدبيبة بـ")
                sources = own or [Arg(m, None, False) for m in previous.sources]
                how = "continued-subject+addressee"
            elif pronoun := (prev_word[0] if prev_word and prev_word[0] in sp["pronoun_subjects"] and not proclitic
                             else None):
                # "لكنها دعت الأطراف الليبية إلى": the pronoun is the subject, the actor after is the object; a
                # feminine pronoun stands for a body or state (a person's sex is not known), else for nobody here
                sources = [Arg(m, None, False) for m in (previous.sources if previous is not None else ())
                           if not (pronoun.endswith("ها") and m.actor.kind == "PER")]
                how = "agreement" if sources else how
            elif not gap.strip() and norm[nts:nte].strip() not in sp["participles"] \
                    and _disagrees(norm[nts:nte], proclitic, enclitic, a0):
                # "وكان غوتيريش قد تفقد المعبر، ودعا إسرائيل إلى": a state is feminine, so no subject of "دعا"
                if previous is not None and previous.sources:
                    sources = [Arg(m, None, False) for m in previous.sources]
                else:
                    sources = [a for a in before if a.prep is None and not a.coord][:1]
                how = "agreement" if sources else how
    harmed = during and spec.type in _PATIENT_TYPES and _bare_noun(norm[nts + len(proclitic):nte]) in sp["passive_prone"]
    if not sources and continues and previous.sources and not harmed:  # "مواجهات ...، قُتل خلالها شخصان": no doer
        first_word = norm[nte:nte + 20].split()[:1]
        from marsad.actors.discover import function_words
        if spec.pos == "noun" or during or not first_word or first_word[0] in function_words() \
                or first_word[0] in sp["pronoun_objects"] \
                or first_word[0].startswith("نظير") \
                or first_word[0][:1] in "،,.":
            sources = [Arg(m, None, False) for m in previous.sources]
            how = "continued-subject"
    circumstance = (spec.type == "CONSULT" or spec.symmetric) and bool(prev_word) and prev_word[0] in sp["circumstance"] \
        and not norm.startswith("ال", nts)  # "خلال اللقاء" refers back to a meeting told before
    circumstance = circumstance or spec.mode == "presence"
    victims: list[Arg] = []
    # "قطع محتجون الطرق احتجاجا على ...": a protest told by its accusative masdar is its clause's subject's
    adverbial = spec.type == "PROTEST" and spec.pos == "noun" and norm[nts:nte].rstrip().endswith("ا")
    if not sources and (proclitic in _PURPOSE or circumstance or adverbial) and spec.pos in ("noun", "phrase") and before \
            and not any(0 < nts - o <= 16 for o, _ in nouns or ()):  # "وقعتا اتفاقا للتعاون": the noun's complement
        # "قال X، في اتصال هاتفي مع Y": the meeting in which the clause's subject acts is his
        # "تحركت المخابرات الإيطالية ... لربط الصلة مع حفتر": a purpose masdar's doer is its clause's subject
        # a circumstance may follow the clause's own verb ("بحث شكري الملف، الاثنين، في اتصال هاتفي مع نظيره")
        subject = _clause_subject(before, norm, nts, [] if circumstance else others, r2n)
        if subject and spec.type == "ASSAULT" and any(a.quantified or (a.mention.actor.sector or "") in _VICTIM_SECTORS
                                                      for a in subject):
            victims = subject  # "أصيب عشرات المحتجين في مواجهات مع قوات الأمن": hurt by the other side
        elif subject and not (adverbial and proclitic not in _PURPOSE and not all(
                a.mention.actor.sector in _PROTESTER_SECTORS for a in subject)):  # not "علق البرلمان ... احتجاجا"
            sources = subject
            how = "purpose"
    if not sources and spec.pos == "noun" and enclitic in _OBJECT_PRONOUNS and before:
        # "حفتر توجه إلى روما بعد لقائه مسؤولين": the pronoun is the sentence's subject
        owner = next((a for a in reversed(before) if a.prep is None and not a.coord
                      and not _quoted(norm, r2n(a.mention.start), nts)), None)
        if owner is not None and nts - r2n(owner.mention.end) <= sp["object_window"]:
            sources = [owner]
            how = "pronoun-owner"
    if how in ("genitive", "subject-before") and spec.pos == "noun" \
            and (how == "genitive" or enclitic) and _bare_noun(norm[nts:nte - len(enclitic)]) in sp["patient_nouns"]:
        # "مقتل القذافي"، "توقيف عمران خان"، "القذافي ومقتله": the genitive (or the pronoun's antecedent) is
        # the patient, the doer is not named here
        doers: tuple = ()
        if previous is not None and sp["consequence"].search(norm[max(0, nts - 20):nts].rstrip() + " "[:0]):
            # "ما أسفر عن مقتل ثلاثة مدنيين": the shelling's doer (an armed one: not the marchers a raid dispersed)
            doers = tuple(m for m in previous.sources if (m.actor.sector or "") in armed_readings()[0])
        if not doers:
            # "مقتل 25 محتجا برصاص قوات الأمن": the agent after the patient; "توقيفها من قبل شرطة الأخلاق": after the
            # noun whose pronoun is the patient
            patient = sources[0] if sources and sources[0] in after else None
            rest = after[after.index(patient) + 1:] if patient is not None else after
            start = r2n(patient.mention.end) if patient is not None else nte
            agent = next((a for a in rest if a.prep == "agent"
                          and _content_words(norm, start, r2n(a.mention.start), skips) <= 3), None)
            doers = (agent.mention,) if agent is not None else ()
        return Frame(doers, tuple(a.mention for a in sources), "patient-genitive", spec.pos)
    # coordinated sources after the first one
    if sources and sources[-1].mention.start >= t_end and sources[-1] in after:
        idx = after.index(sources[-1]) + 1
        while idx < len(after) and after[idx].coord and after[idx].prep is None:
            sources.append(after[idx])
            idx += 1
    if not sources and (spec.pos in ("noun", "phrase") or spec.type in _PATIENT_TYPES) \
            and spec.type != "PROTEST":  # "احتجاجا على": no doer; "قُتل 25 محتجا برصاص قوات الأمن": the agent
        agent = next((a for a in after if a.prep == "agent"
                      and _content_words(norm, nte, r2n(a.mention.start), skips) <= 6
                      and not any(nte <= o < r2n(a.mention.start) for o, _ in nouns or ())), None)
        if agent is not None:
            sources = [agent]  # "توقيع اتفاق وقف إطلاق النار من طرف اللجنة الأمنية المشتركة"
            how = "agent"
    if not sources and spec.type in sp["recipient_types"] and spec.pos in ("noun", "phrase"):
        # "طائرات مساعدات لمتضرري الفيضانات من مصر والإمارات": the givers come with من
        k = next((k for k, a in enumerate(after) if a.prep == "من"
                  and _content_words(norm, nte, r2n(a.mention.start), skips) <= 2
                  and not any(nte <= o < r2n(a.mention.start) for o, _ in (others or []) + list(nouns or ()))), None)
        if k is not None:
            sources = [replace(after[k], prep="agent")]
            for a in after[k + 1:]:
                if not (a.coord and a.prep is None):
                    break
                sources.append(replace(a, prep="agent"))
            how = "giver"
    if spec.type == "REQUEST" and spec.pos in ("noun", "phrase") and after and after[0].prep == "من" \
            and _content_words(norm, nte, r2n(after[0].mention.start), skips) == 0:
        # "دعوة رسمية من الرئيس الفرنسي": the one the request comes from
        sources += [after[0]]
        how += "+from"
    src_ids = {id(a) for a in sources}
    src_actors = {a.mention.actor.id for a in sources}
    start_after = max([t_end] + [a.mention.end for a in sources if a.mention.start >= t_end
                                 and a.prep != "agent"])  # "قتل 25 محتجا برصاص قوات الأمن": the patient precedes the agent
    targets: list[Arg] = []
    allowed = spec.target
    aside = _aside(norm, r2n(start_after)) if spec.pos == "verb" else None
    if aside is None and spec.pos == "verb":
        said = sp["statement_aside"].match(norm, r2n(start_after))
        voice = next((a for a in after if said and 0 <= r2n(a.mention.start) - said.end() <= 2), None)
        if voice is not None and (voice.prep == "ل" or not said.group().strip().startswith(sp["voice_needs_lam"])):
            aside = (said.start(), r2n(voice.mention.end))  # "في بيان لوزارة الخارجية": whose statement, no object
        elif said:
            aside = (said.start(), said.end())  # "اتهمت X في بيان الجيش بـ": the army is accused
    for a in after:
        if id(a) in src_ids or a.mention.start < start_after or a.mention.actor.id in src_actors:
            continue
        na = r2n(a.mention.start)
        if aside is not None and na < aside[1]:
            continue  # "دعا X، في إحاطة قدمها إلى مجلس الأمن، طرفي النزاع إلى": who stands in the aside is no object
        if na - nte > sp["object_window"] + (aside[1] - aside[0] if aside else 0):
            break
        gap = norm[aside[1] if aside else r2n(start_after):na]
        if targets and a.coord and (a.prep is None or a.prep == targets[0].prep) \
                and not norm[r2n(targets[-1].mention.end):r2n(a.mention.start)].strip() \
                and not _starts_clause(norm, r2n(a.mention.end), others):  # "حمدوك والبرهان يحل": a new clause
            targets.append(a)  # "الولايات المتحدة وبريطانيا": right after the last target, whatever stood before it
            continue
        if _complementizer(gap):
            break  # "أصرت روسيا على أن أي انسحاب للقوات ...": the actors of the clause after أن are not the target
        if _PUNCT_BREAK.search(gap) or (not a.via_noun and any(r2n(start_after) <= o < na
                                                               and not (aside and aside[0] <= o < aside[1])
                                                               for o, _ in others)):
            break  # another verb starts another clause ("رحبت X بالعملية، ودعت Y")
        if a.prep is not None and not a.via_noun and any(r2n(start_after) <= o < r2n(a.mention.start)
                                                         and ty != spec.type for o, ty in nouns or ()):
            break  # "طلبت ... على خلفية زيارة وفد للقيادة العامة": the ل-phrase belongs to the other noun
        if targets:
            if a.coord and (a.prep is None or a.prep == targets[0].prep) \
                    and not _starts_clause(norm, r2n(a.mention.end), others):
                targets.append(a)
                continue
            break
        if how == "speech-verb" and (a.prep is None or a.via_noun) \
                and a.mention.actor.country == sources[0].mention.actor.country \
                and spec.type not in _PATIENT_TYPES and not norm[nte:r2n(a.mention.start)].strip():
            continue  # the genitive of the noun is the speaker's own side ("دعم المملكة المغربية")
        if a.prep in ("ب", "ل") and not gap.strip() and r2n(start_after) == nte and not proclitic.endswith(a.prep) \
                and a.mention.proclitic is not None and not a.mention.proclitic.endswith(a.prep):
            a = replace(a, prep=None)  # "خلال لقائه السفير": the ل is the noun's own first letter, not a preposition
        direct = a.prep is None and "direct" in allowed
        if not (direct or a.prep in allowed or (a.prep == "ل" and "direct" in allowed)):
            continue  # no way for the trigger to take it: its distance does not matter
        words = _content_words(norm, aside[1] if aside else r2n(start_after), r2n(a.mention.start), skips)
        if direct and 0 < words <= 2 and sources and start_after > t_end and _subject_modifier(gap):
            words = 0  # "وطالب نواب عن المحافظة الحكومة بـ": what qualifies the subject is no word of the object's
        if direct and (words == 0 or (a.via_noun or a.quantified or a.filler) and words <= 4
                       or ends_prep and words <= 2):  # "مع رجل شرق ليبيا المشير حفتر"
            targets.append(a)
        elif a.prep is not None and a.prep in allowed and words <= 6:
            targets.append(a)
        elif a.prep == "ل" and "direct" in allowed and 1 <= words <= 2:
            targets.append(a)  # the owner of the object: "قصفت مواقع لقوات الوفاق"
    if spec.type in ("THREATEN", "REQUEST") and sources and not targets:
        # "هدد ترامب بتدمير الاقتصاد التركي": whom the deed threatened hits; "طالبوا بتعليق الاتفاقات المبرمة بين
        # روما وحكومة السراج": who is to do the deed demanded (not whom it is done to: "بالإفراج عن حمدوك")
        deed = sp["deed"].match(norm, r2n(start_after))
        if deed is not None and spec.type == "REQUEST" \
                and (_bare_noun(deed.group().strip().lstrip("وف")[1:]) in sp["patient_nouns"]
                     or how.startswith("subject-after")):  # "يطالب قوات حفتر بوقف": the actor after is addressed
            deed = None
        if deed is not None:
            hit = next((a for a in after if a.mention.actor.id not in src_actors and r2n(a.mention.start) >= deed.end()
                        and r2n(a.mention.start) - deed.end() <= 70
                        and not _PUNCT_BREAK.search(norm, deed.end(), r2n(a.mention.start))
                        and "،" not in norm[deed.end():r2n(a.mention.start)]
                        and not _complementizer(norm[deed.end():r2n(a.mention.start)])
                        and _content_words(norm, deed.end(), r2n(a.mention.start), skips) <= 5), None)
            if hit is not None:
                targets = [hit]
                how += "+threatened"
    after_noun = any(0 <= nts - o <= 14 and ty == spec.type for o, ty in nouns or ())  # "لهجوم شنته X": ه is the attack
    after_relative = bool(prev_word) and prev_word[0] in sp["relatives"]
    if not targets and spec.pos == "verb" and enclitic in _OBJECT_PRONOUNS and (not spec.weak or after_relative) \
            and not after_noun:
        # "مسلحون قد اختطفوهم": the pronoun points back to the last actor before the subject
        src_ids2 = {a.mention.actor.id for a in sources}
        first_src = min((a.mention.start for a in sources), default=t_start)
        prior = [a for a in before if a.mention.end <= first_src and a.mention.actor.id not in src_ids2]
        if prior and after_relative:
            # "اتفاق وقف إطلاق النار الذي وقعه السراج": the pronoun is the antecedent, an actor only if it stands
            # right before the relative ("المسلحين الذين اعتقلهم الجيش")
            rel = nts - len(prev_word[0]) - 1
            prior = [a for a in prior[-1:] if _content_words(norm, r2n(a.mention.end), rel, skips) == 0]
        if prior:
            # "وصلت ميلوني إلى ليبيا في زيارة ...، حيث استقبلها الدبيبة": a bare actor, not one after a preposition
            bare = [a for a in prior if a.prep is None]
            targets = [Arg((bare or prior)[-1].mention, None, False)]
            how += "+pronoun-suffix"
    if spec.mode == "presence" and sources:
        # who attends what his own side does is no counterpart ("ووقع المبعوث الأمريكي ...، بحضور بومبيو")
        home = {a.mention.actor.country for a in sources}
        targets = [a for a in targets if a.mention.actor.country not in home]
    if spec.type == "CONSULT" and sources and spec.mode != "presence":
        # "بحضور اللواء عباس كامل": present at the meeting on the host's side
        sources += [a for a in after if a.prep == "presence" and a.mention.actor.id not in src_actors
                    and r2n(a.mention.start) - nte <= sp["object_window"] * 2]
    follow = norm[nte:nte + 8].split()
    if not targets and follow and follow[0] in sp["detached"]:
        prior = [a for a in before if a.mention.actor.id not in src_actors]
        targets = prior[-1:]
        how += "+detached-pronoun"
    if not targets and spec.type in _PATIENT_TYPES and spec.pos == "verb":
        counted = norm[r2n(start_after):r2n(start_after) + 40].split()[:5]
        k = next((k for k, w in enumerate(counted) if w.rstrip("،,.") in sp["partitive"]), None)
        if k is not None and not _PUNCT_BREAK.search(" ".join(counted[:k])):
            if not sources and continues and previous.sources:
                sources = [Arg(m, None, False) for m in previous.sources]  # "وفرقت الشرطة ...، واعتقلت العشرات منهم"
                src_actors = {m.actor.id for m in previous.sources}
                how = "continued-subject"
            group = [a for a in before if a.mention.actor.id not in src_actors and a.mention.via in ("generic", "nationals")]
            if sources and group:
                targets = group[-1:]
                how += "+partitive"
    if not targets and previous is not None and follow and follow[0] in sp["pronoun_objects"] \
            and not (relative and how != "relative-clause"):  # "الاتفاق الذي توصلت إليه": the pronoun is the agreement
        prior = [m for m in previous.targets + previous.sources
                 if m.actor.id not in {a.mention.actor.id for a in sources}]
        targets = [Arg(m, None, False) for m in prior[:1]]
        how += "+pronoun-object"
    if victims and targets and not sources and targets[0].prep == "مع":
        sources, targets = targets, victims
        how = "clash-victims"
    if not targets and not sources and spec.type == "ASSAULT" and prev_word and prev_word[0] in sp["causes"] and before:
        # "أصيب ثلاثة من عناصر الشرطة جراء انفجار عبوة ناسفة": the hurt subject is the blast's target
        hurt = _clause_subject(before, norm, nts, [], r2n)
        if hurt and all(a.quantified or (a.mention.actor.sector or "") in _VICTIM_SECTORS for a in hurt):
            targets = hurt
            how = "cause-of-harm"
    if spec.symmetric and len(sources) > 1 and not targets:
        # "حفتر ووزير الخارجية الإيطالي يبحثان": the coordinated pair are the two sides
        targets = sources[1:]
        sources = sources[:1]
        how += "+pair"
    if spec.type == "CONSULT" and sources:
        # "جولة المفاوضات برعاية الاتحاد الأفريقي": the mediator meets the parties (the object, else a side)
        sponsor = next((a for a in after if a.prep == "sponsor" and a.mention.actor.id not in src_actors
                        and r2n(a.mention.start) - nte <= sp["object_window"]), None)
        if sponsor is not None and not targets:
            targets = [sponsor]
            how += "+sponsor"
        elif sponsor is not None and all(t.mention.actor.id != sponsor.mention.actor.id for t in targets):
            sources.append(sponsor)
            how += "+sponsor"
    if not how:
        how = "none"
    return Frame(tuple([a.mention for a in sources]), tuple([a.mention for a in targets]), how, spec.pos)
