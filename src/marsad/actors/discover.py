"""Discovery of people the base does not know, from the title that introduces them.

"مساعد وزير الخارجية الأمريكي ديفيد شينكر" names someone after a title: when
the words after a person title are not in the lexicon and not function words,
they are taken as a name and coded from the title as a provisional actor
(``new:`` id), which ``marsad actors --unknown`` lists for a curator.
"""
from __future__ import annotations

import hashlib
import re
from functools import lru_cache

from marsad.actors.base import Head
from marsad.arabic.normalize import normalize_key
from marsad.records import Actor
from marsad.resources import load_yaml

_NAME_WORD = re.compile(r"[\u0621-\u064A\u0671-\u06D3\u0640\u064B-\u0652]+")
_PREP_ARTICLE = ("بال", "لل", "وال", "فال", "كال", "وبال")
_AFTER = re.compile(r"\s*[«\"“]?")


@lru_cache(maxsize=1)
def function_words() -> frozenset[str]:
    """Normalised words that cannot be part of a name."""
    return frozenset(normalize_key(w) for w in load_yaml("arabic/function_words.yaml")["words"])


def provisional_id(name: str) -> str:
    """Stable id of a discovered actor: ``new:`` + a hash of its normalised name."""
    key = normalize_key(name)
    return "new:" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:10]


def _is_trigger(token: str) -> bool:
    from marsad.events.lexicon import trigger_lexicon  # late: the event lexicon is built after the actor base
    return bool(trigger_lexicon().find(token))


def _starts_trigger(phrase: str) -> bool:
    """A trigger phrase starts at the first word ("مذكرة تفاهم"): no name begins there."""
    from marsad.events.lexicon import trigger_lexicon
    return any(h.start == 0 for h in trigger_lexicon().find(normalize_key(phrase)))


def discover_name(text: str, pos: int, head: Head, title_actor: Actor, limit: int | None = None,
                  arabic_names: bool = True, max_words: int = 3) -> tuple[Actor, int] | None:
    """A provisional person named right after a title ending at ``pos``, with the new end offset.

    Args:
        limit: where the next known lexicon item starts; a name never runs into it.
        arabic_names: False when the title's country writes foreign names (no ال- words then).
    """
    if head.plural or head.kind != "PER":
        return None
    stop = function_words()
    limit = len(text) if limit is None else limit
    words: list[tuple[int, int]] = []
    cur = pos
    m = _AFTER.match(text, cur)
    cur = m.end() if m else cur
    while len(words) < max_words:
        w = _NAME_WORD.match(text, cur)
        if not w or w.end() > limit:
            break
        token = normalize_key(w.group())
        if token in stop or (token.startswith("و") and (token[1:] in stop or words)) or len(token) < 2:
            break  # "و" before a later word starts another phrase ("السفير البريطاني ... وراب يندد")
        if token.startswith(_PREP_ARTICLE):  # "بالوفد": a preposition with an article starts a new phrase
            break
        if token.startswith("ال") and (not words or not arabic_names):
            break
        if _is_trigger(token) or (not words and _starts_trigger(text[w.start():w.start() + 30])):
            break
        words.append((w.start(), w.end()))
        gap = re.match(r" (?=\S)", text[w.end():w.end() + 2])
        if not gap:
            break
        cur = w.end() + 1
    if len(words) < 2:
        return None
    start, end = words[0][0], words[-1][1]
    name = text[start:end]
    actor = Actor(provisional_id(name), name, name, title_actor.kind, title_actor.country, title_actor.sector,
                  provisional=True)
    return actor, end
