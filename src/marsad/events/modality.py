"""Modality of an event mention: asserted, planned, negated or hypothetical.

The cues are data (``data/events/modality.yaml``); they are looked for in the
words right before the trigger inside its clause, and (for questions) at the
sentence's edges, so that a negation or a plan elsewhere in a long sentence
does not leak into every event of it.
"""
from __future__ import annotations

import re
from functools import lru_cache

from marsad.arabic.normalize import normalize_key, word_trie
from marsad.events.frames import after_circumstance
from marsad.records import Modality
from marsad.resources import load_yaml

_STRONG_BREAK = re.compile(r"[؛;.!?؟]")
_MAY = re.compile(r"\s[وف]?قد\s*$")  # searched in a text that opens with a space
_PRESENT = frozenset("يتن")
_PARTICIPLE = re.compile(r"^[وف]?الم\S+ه$")
_CLAUSE_BREAK = r"[؛;.!?؟]|،\s*$|،\s*(?:و|ثم|بينما|فيما|حيث"


@lru_cache(maxsize=1)
def _clause_break() -> re.Pattern[str]:
    """Where a clause ends: strong punctuation, or a comma before a conjunction or a circumstantial participle
    ("ترفض أي حل عسكري، داعيا الأطراف": the "أي" of the first clause says nothing of the call)."""
    participles = load_yaml("events/frames.yaml").get("participles") or []
    return re.compile(_CLAUSE_BREAK + (("|" + word_trie(participles)) if participles else "") + ")")


@lru_cache(maxsize=1)
def _cues() -> dict:
    spec = load_yaml("events/modality.yaml")

    def words(key: str, sub: str = "before") -> re.Pattern[str]:
        # searched in texts that open with a space, so no "^" branch: a pattern that opens with a character
        # set lets the engine skip to the candidates in C
        return re.compile(r"[\s\"(][وف]?" + word_trie(spec[key].get(sub)) + r"(?=\s|$)")

    return {
        "window": int(spec.get("window", 45)),
        "negated": words("negated"),
        "planned": words("planned"),
        "hypothetical": words("hypothetical"),
        "q_start": tuple(normalize_key(w) for w in spec["hypothetical"].get("sentence_start") or []),
        "q_end": tuple(spec["hypothetical"].get("sentence_end") or []),
        "scope_rest": words("hypothetical", "scope_rest"),
        "threatened": words("hypothetical", "threatened"),
        "discussed": re.compile(r"\s[وف]?" + word_trie(spec["planned"].get("discussed")) + r"(?=\s)"),
        "not_discussed_after": frozenset(normalize_key(w) for w in spec["planned"].get("not_discussed_after") or []),
        "determiners": frozenset(normalize_key(w) for w in spec["hypothetical"].get("determiners") or []),
        "governing": words("hypothetical", "governing"),
        "habitual": frozenset(normalize_key(w) for w in spec["hypothetical"].get("habitual_after") or []),
        "denial": words("negated", "scope_rest"),
        "breakers": words("hypothetical", "scope_breakers"),
        "purpose": re.compile(r"\s" + word_trie(spec["planned"].get("purpose")) + r"\s*$"),
        "consequence": re.compile(r"(?:^|\s)[وف]?" + word_trie(spec["planned"].get("consequence"))
                                  + r"\s+\S+\s*$"),
        "future": frozenset(normalize_key(p) for p in spec["planned"].get("proclitic") or []),
        "after_noun": frozenset(normalize_key(p) for p in spec["planned"].get("after_noun") or []),
        "new_clause": _new_clause(spec["clause_openers"]),
    }


def _new_clause(openers: dict) -> re.Pattern[str]:
    """A comma and a conjunction that start the next clause ("، واتهم"، "، فيما"، "، لكنه"; not "، في بيان")."""
    not_before = word_trie(openers["not_before"])
    return re.compile(r"[،,]\s*(?!" + not_before + r"\s)(?:" + word_trie(openers["conjunctions"]) + r")(?!"
                      + not_before + r"\s)")







def modality(norm_sentence: str, trigger_pos: int, proclitic: str = "", nominal: bool = False,
             threat: bool = False, speech_act: bool = False) -> Modality:
    """Modality of a trigger at ``trigger_pos`` in a normalised sentence (``threat``: the trigger is a threat;
    ``speech_act``: it is a call or an accusation itself, which no call or accusation before it governs)."""
    c = _cues()
    stripped = norm_sentence.strip()
    first = stripped[:stripped.find(" ")] if " " in stripped else stripped  # without copying the rest
    asked = first in c["q_start"] or (stripped.endswith(c["q_end"]) and "؛" not in norm_sentence[trigger_pos:])
    if asked:  # "التحالف بين الوفاق وتركيا غير موازين القوى؛ فهل ...؟": only the clause after "؛" asks
        if not nominal or first not in c["q_start"]:
            return Modality.HYPOTHETICAL  # "هل ستفرض ...؟" asks, it does not announce
        # "فهل لزيارة رئيس المخابرات أمس لحفتر علاقة ب...": the question presupposes the visit it asks about
        lead = norm_sentence.index(first) + len(first)
        norm_sentence = " " * lead + norm_sentence[lead:]
    if proclitic in c["future"]:
        return Modality.PLANNED
    if nominal and c["after_noun"].intersection(norm_sentence[trigger_pos:trigger_pos + 60].split()[1:5]):
        return Modality.PLANNED  # "زيارة السراج المرتقبة إلى روما"
    if (nominal and c["habitual"].intersection(norm_sentence[trigger_pos:trigger_pos + 40].split()[1:3])) \
            or c["habitual"].intersection(norm_sentence[max(0, trigger_pos - 40):trigger_pos].split()[-3:]):
        return Modality.HYPOTHETICAL  # "الهجمات المتكررة (التي تشنها)": what keeps happening, not one event
    prefix = " " + norm_sentence[:trigger_pos]
    denials = list(c["denial"].finditer(prefix))
    if denials and not c["new_clause"].search(" " + norm_sentence[:trigger_pos + 3], denials[-1].end()):
        return Modality.NEGATED  # but "نفى باشاغا أي علاقة له بالهجوم، واتهم الدبيبة": a new clause is asserted
    word = norm_sentence[trigger_pos:trigger_pos + 20].split()[:1]
    participle = bool(word) and _PARTICIPLE.match(word[0]) is not None  # "الاتفاقات المبرمة": a fact
    aside = after_circumstance(norm_sentence, trigger_pos)  # "دعا X، في اتصال هاتفي مع Y، إلى": its circumstance
    if not speech_act and not participle and not aside \
            and c["governing"].search(" " + _STRONG_BREAK.split(norm_sentence[max(0, trigger_pos - 90):trigger_pos])[-1]):
        return Modality.HYPOTHETICAL  # asked for or alleged, not done
    if nominal and not proclitic and c["discussed"].search(" " + _STRONG_BREAK.split(
            norm_sentence[max(0, trigger_pos - 70):trigger_pos])[-1]) \
            and norm_sentence[:trigger_pos].split()[-1:] and \
            norm_sentence[:trigger_pos].split()[-1] not in c["not_discussed_after"]:
        return Modality.PLANNED  # "يبحث مع حفتر إخراج فاغنر": the topic of talks
    if nominal and c["purpose"].search(prefix) \
            and not c["consequence"].search(norm_sentence[max(0, trigger_pos - 14):trigger_pos]):
        return Modality.PLANNED
    before = norm_sentence[max(0, trigger_pos - c["window"]):trigger_pos]
    cut = list(_clause_break().finditer(before))
    if cut:
        before = before[cut[-1].end():]
    before = " " + before
    if _MAY.search(before) and norm_sentence[trigger_pos:trigger_pos + 1] in _PRESENT:
        return Modality.HYPOTHETICAL  # "قد يشن": may launch (قد before a past verb means "already")
    breaks = list(c["breakers"].finditer(prefix))
    if c["scope_rest"].search(prefix[breaks[-1].end():] if breaks else prefix):
        return Modality.HYPOTHETICAL
    neg = c["negated"].search(before)
    if neg:
        hyp = c["hypothetical"].search(before)
        if hyp and hyp.start() < neg.start():
            return Modality.HYPOTHETICAL  # "إذا لم تنسحب": the condition is the outer scope
        return Modality.NEGATED
    if c["planned"].search(before):
        return Modality.PLANNED
    if not threat and c["threatened"].search(before):
        return Modality.HYPOTHETICAL
    if c["hypothetical"].search(before):
        return Modality.HYPOTHETICAL
    if nominal and before.split()[-1:] and before.split()[-1] in c["determiners"]:
        return Modality.HYPOTHETICAL  # "أي هجوم"
    return Modality.ASSERTED
