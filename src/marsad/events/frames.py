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
from dataclasses import dataclass
from functools import lru_cache

from marsad.arabic.normalize import normalize_key
from marsad.events.lexicon import TriggerSpec
from marsad.records import Mention
from marsad.resources import load_yaml

_PUNCT_BREAK = re.compile(r"[.؛;!?؟:]")
_WORD = re.compile(r"\S+")


@dataclass(frozen=True, slots=True)
class Frame:
    """The sides found for one trigger."""

    sources: tuple[Mention, ...]
    """Source actors (several when coordinated)."""
    targets: tuple[Mention, ...]
    """Target actors."""
    how: str
    """Which rule applied (for ``marsad explain``)."""


@lru_cache(maxsize=1)
def _spec() -> dict:
    raw = load_yaml("events/frames.yaml")
    return {
        "preps": frozenset(normalize_key(p) for p in raw["prepositions"]),
        "attached": {normalize_key(k): v for k, v in raw["attached"].items()},
        "fillers": tuple(sorted((normalize_key(f) for f in raw["preposition_fillers"]), key=len, reverse=True)),
        "subject_window": int(raw["subject_window"]),
        "object_window": int(raw["object_window"]),
    }


@dataclass(slots=True)
class Arg:
    """An actor mention with how it is attached in the sentence."""

    mention: Mention
    prep: str | None
    """The preposition introducing it ('' when bare)."""
    coord: bool
    """True when it is coordinated with the previous actor (و)."""


def attach(norm: str, raw_to_norm, mentions: list[Mention]) -> list[Arg]:
    """Read the preposition or conjunction in front of each mention."""
    sp = _spec()
    out = []
    for m in mentions:
        ns = raw_to_norm(m.start)
        word = normalize_key(m.text.split(" ", 1)[0])
        prep = None
        coord = False
        pro = ""
        for n in (4, 3, 2, 1):
            if len(word) > n + 2 and word[:n] in sp["attached"]:
                pro = word[:n]
                break
        if pro:
            prep = sp["attached"][pro]
        if word.startswith("و") and not _is_root_waw(m):
            coord = True
        before = norm[max(0, ns - 40):ns].rstrip()
        for f in sp["fillers"]:
            if before.endswith(" " + f) or before == f:
                before = before[: len(before) - len(f)].rstrip()
                break
        words = before.split()
        if words:
            last = words[-1]
            if last in sp["preps"]:
                prep = last
            elif last[:1] == "و" and last[1:] in sp["preps"]:
                prep = last[1:]
                coord = True
            elif last == "و":
                coord = True
            if before.endswith("،") or before.endswith(","):
                coord = coord or False
        out.append(Arg(m, prep, coord))
    return out


def _is_root_waw(m: Mention) -> bool:
    """True when the mention's first letter و belongs to the word (وزير، وفد), not a conjunction."""
    first = normalize_key(m.text.split(" ", 1)[0])
    return first.startswith(("وزير", "وزار", "وفد", "وكال", "واشنطن", "ولي", "وحد", "وطني"))


def _gap_words(norm: str, a: int, b: int) -> int:
    return len(_WORD.findall(norm[a:b]))


def frame(spec: TriggerSpec, t_start: int, t_end: int, enclitic: str, args: list[Arg], norm: str, r2n) -> Frame:
    """Find source(s) and target(s) for a trigger at [t_start, t_end) (raw offsets)."""
    sp = _spec()
    before = [a for a in args if a.mention.end <= t_start]
    after = [a for a in args if a.mention.start >= t_end]
    nts, nte = r2n(t_start), r2n(t_end)
    sources: list[Arg] = []
    how = ""
    # genitive or adjective right after a noun: "زيارة وزير الخارجية" / "دعم جزائري"
    if spec.pos == "noun" and after and not enclitic:
        a0 = after[0]
        gap = norm[nte:r2n(a0.mention.start)]
        if a0.prep is None and _gap_words(norm, nte, r2n(a0.mention.start)) <= 1 and not _PUNCT_BREAK.search(gap) \
                and "،" not in gap:
            sources = [a0]
            how = "genitive"
    # subject before the verb (SVO), nearest first
    if not sources and before:
        b = before[-1]
        gap = norm[r2n(b.mention.end):nts]
        if b.prep is None and len(gap) <= sp["subject_window"] and not _PUNCT_BREAK.search(gap) \
                and (spec.pos != "noun" or enclitic):
            group = [b]
            k = len(before) - 2
            while k >= 0 and group[0].coord and before[k].prep is None:
                group.insert(0, before[k])
                k -= 1
            sources = group
            how = "subject-before"
    # subject after the verb (VSO)
    if not sources and spec.pos != "noun" and after:
        a0 = after[0]
        gap = norm[nte:r2n(a0.mention.start)]
        if a0.prep is None and len(gap) <= sp["object_window"] and not _PUNCT_BREAK.search(gap):
            sources = [a0]
            how = "subject-after"
    # coordinated sources after the first one
    if sources and sources[-1].mention.start >= t_end:
        idx = after.index(sources[-1]) + 1
        while idx < len(after) and after[idx].coord and after[idx].prep is None:
            sources.append(after[idx])
            idx += 1
    src_ids = {id(a) for a in sources}
    src_actors = {a.mention.actor.id for a in sources}
    start_after = max([t_end] + [a.mention.end for a in sources if a.mention.start >= t_end])
    targets: list[Arg] = []
    allowed = spec.target
    for a in after:
        if id(a) in src_ids or a.mention.start < start_after or a.mention.actor.id in src_actors:
            continue
        if r2n(a.mention.start) - nte > sp["object_window"]:
            break
        gap = norm[r2n(start_after):r2n(a.mention.start)]
        if _PUNCT_BREAK.search(gap):
            break
        if targets:
            if a.coord and (a.prep is None or a.prep == targets[0].prep):
                targets.append(a)
                continue
            break
        if a.prep is None and "direct" in allowed:
            targets.append(a)
        elif a.prep is not None and a.prep in allowed:
            targets.append(a)
        elif a.prep is None:
            continue
    if spec.symmetric and len(sources) > 1 and not targets:
        # "حفتر ووزير الخارجية الإيطالي يبحثان": the coordinated pair are the two sides
        targets = sources[1:]
        sources = sources[:1]
        how += "+pair"
    if not how:
        how = "none"
    return Frame(tuple(a.mention for a in sources), tuple(a.mention for a in targets), how)
