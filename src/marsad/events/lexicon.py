"""The trigger lexicon: loaded from ``data/events/triggers.yaml`` and compiled once."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from marsad.arabic.lexicon import Lexicon
from marsad.arabic.normalize import normalize_key
from marsad.errors import ResourceError
from marsad.records import EventType
from marsad.resources import load_yaml

# agreement suffixes of the past (هـ، ت، ا، تا، وا، ن، نا) and present forms built from the 3ms present
_PAST_SUFFIXES = ("", "ت", "ا", "تا", "وا", "ن", "نا")
_PRESENT_PREFIXES = ("ي", "ت", "ن")
_PRESENT_SUFFIXES = ("", "ان", "ون", "ن")


@dataclass(frozen=True, slots=True)
class TriggerSpec:
    """What a trigger word means and how its arguments are found."""

    type: EventType
    """PLOVER type."""
    mode: str | None
    """PLOVER mode."""
    cameo: str | None
    """CAMEO code."""
    pos: str
    """verb, noun or phrase."""
    target: tuple[str, ...]
    """How the target is introduced: 'direct' and/or prepositions."""
    symmetric: bool = False
    """No direction (meetings, agreements)."""
    weak: bool = False
    """Needs an actor on each side."""
    topics: tuple[str, ...] = ()
    """Topic slugs the trigger implies."""


def verb_forms(past: str, present: str) -> set[str]:
    """Agreement forms of a verb given its past and present 3rd masc. sg. (first word inflects)."""
    forms: set[str] = set()
    p_head, _, p_tail = normalize_key(past).partition(" ")
    q_head, _, q_tail = normalize_key(present).partition(" ")
    tail_p = (" " + p_tail) if p_tail else ""
    tail_q = (" " + q_tail) if q_tail else ""
    if not p_head.endswith(("ي", "ا", "و")):  # defective verbs list their forms explicitly
        for suf in _PAST_SUFFIXES:
            forms.add(p_head + suf + tail_p)
        forms.add(p_head + "و" + tail_p)  # 3rd plural before a pronoun: اختطفوهم
    else:
        forms.add(p_head + tail_p)
    if q_head[:1] in _PRESENT_PREFIXES:
        stem = q_head[1:]
        for pre in _PRESENT_PREFIXES:
            for suf in _PRESENT_SUFFIXES if not stem.endswith(("و", "ي")) else ("",):
                forms.add(pre + stem + suf + tail_q)
    else:
        forms.add(q_head + tail_q)
    return forms


@lru_cache(maxsize=1)
def blocker_lexicon() -> Lexicon[str]:
    """Phrases that contain a trigger word but carry no event."""
    rows = load_yaml("events/triggers.yaml")
    return Lexicon((w, "blocker") for r in rows if "blockers" in r for w in r["blockers"])


@lru_cache(maxsize=1)
def verb_proclitics() -> frozenset[str]:
    """Proclitics a verb can carry (conjunctions and the future prefix)."""
    return frozenset(normalize_key(p) for p in load_yaml("events/frames.yaml")["verb_proclitics"]) | {""}


@lru_cache(maxsize=1)
def trigger_lexicon() -> Lexicon[TriggerSpec]:
    """The shipped trigger lexicon (compiled once per process)."""
    return build_lexicon(load_yaml("events/triggers.yaml"), "events/triggers.yaml")


def build_lexicon(rows: list, origin: str) -> Lexicon[TriggerSpec]:
    """Compile trigger rows (the triggers.yaml schema) into a lexicon."""
    entries = []
    for n, row in enumerate(rows or [], 1):
        where = f"{origin} entry {n}"
        if "blockers" in row:
            continue
        try:
            etype = EventType(row["type"])
        except (KeyError, ValueError) as exc:
            raise ResourceError(f"{where}: field 'type' must be one of the 16 PLOVER types") from exc
        common = dict(type=etype, mode=row.get("mode"), cameo=str(row["cameo"]) if row.get("cameo") else None,
                      target=tuple(t if t == "direct" else normalize_key(t) for t in row.get("target") or ("direct",)), symmetric=bool(row.get("symmetric")),
                      weak=bool(row.get("weak")), topics=tuple(row.get("topics") or ()))
        verb = TriggerSpec(pos="verb", **common)
        for pair in row.get("verbs") or []:
            if not isinstance(pair, list) or len(pair) != 2:
                raise ResourceError(f"{where}: field 'verbs' needs [past, present] pairs, got {pair!r}")
            for form in verb_forms(*pair):
                entries.append((form, verb))
        for form in row.get("forms") or []:
            entries.append((form, verb))
        noun = TriggerSpec(pos="noun", **common)
        for form in row.get("nouns") or []:
            entries.append((form, noun))
            key = normalize_key(form)
            if key.endswith("اء"):  # the hamza changes seat before a suffix: لقاء -> لقائه
                entries.append((key[:-1] + "ي", noun))
            if " " not in key and not key.startswith("ال") and key[-1] not in "اهيءو":
                entries.append((key + "ا", noun))  # accusative: وقع اتفاقا، عقد اجتماعا
        phrase = TriggerSpec(pos="phrase", **common)
        for form in row.get("phrases") or []:
            entries.append((form, phrase))
    return Lexicon(entries, min_key=2)  # شن is a two-letter verb; word boundaries keep it out of other words
