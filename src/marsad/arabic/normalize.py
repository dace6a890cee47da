"""Matching-normalisation of Arabic text with an exact map back to the raw text.

Normalisation folds the spelling differences that news writers treat as
equivalent (hamza seats, alef maqsura, ta marbuta, Persian letters, digits,
quote styles) and deletes diacritics and tatweel. Folding is one character to
one character; only deletions change length, so the map back to raw offsets is
a sorted list of deletion points searched with ``bisect`` rather than a
per-character table.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from marsad.resources import load_yaml


@dataclass(frozen=True, slots=True)
class Normalized:
    """A normalised text and the way back to raw offsets."""

    text: str
    """The normalised text."""
    raw_length: int
    """Length of the raw text it came from."""
    _dels: tuple[int, ...] = ()
    """For each deleted raw character (in order), the normalised index it preceded."""

    def to_raw(self, i: int) -> int:
        """Raw offset of normalised index ``i`` (``len(text)`` maps to the raw end).

        Use it for both span starts and span ends: an end maps past any
        diacritics on the span's last letter.
        """
        if not self._dels:
            return i
        if i >= len(self.text):
            return self.raw_length
        return i + bisect_right(self._dels, i)

    def span_to_raw(self, start: int, end: int) -> tuple[int, int]:
        """Raw (start, end) of a normalised span, trailing diacritics included."""
        dels = self._dels
        if not dels:
            return start, end
        size = len(self.text)  # the same mapping as ``to_raw``, inlined: it runs for every hit
        return (self.raw_length if start >= size else start + bisect_right(dels, start),
                self.raw_length if end >= size else end + bisect_right(dels, end))


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[int, int | None], re.Pattern[str] | None]:
    spec = load_yaml("arabic/normalization.yaml")
    table: dict[int, int | None] = {ord(k): ord(v) for k, v in spec["map"].items()}
    for c in range(ord("A"), ord("Z") + 1):
        table[c] = c + 32
    deleted = spec.get("delete") or []
    for ch in deleted:
        table[ord(ch)] = None
    pattern = re.compile("[" + "".join(re.escape(c) for c in deleted) + "]") if deleted else None
    return table, pattern


@lru_cache(maxsize=1)
def _replacements() -> tuple[frozenset[str], dict[str, str]] | None:
    """The folding table as character -> replacement strings, or None if one replacement would be folded
    again (then only ``str.translate`` gives the same result)."""
    table, _ = _tables()
    pairs = {chr(k): "" if v is None else chr(v) for k, v in table.items()}
    if any(v in pairs and v != k for k, v in pairs.items()):
        return None
    return frozenset(pairs), pairs


def _fold(text: str) -> str:
    """``text.translate`` of the folding table, faster on a whole article.

    ``str.translate`` looks every character up in a dict (some 75 ns each); an article holds only a
    dozen distinct characters that fold, and replacing each of those is a fast C scan.
    """
    plan = _replacements()
    if plan is None:
        return text.translate(_tables()[0])
    keys, pairs = plan
    for ch in keys.intersection(text):
        text = text.replace(ch, pairs[ch])
    return text


def normalize(text: str) -> Normalized:
    """Normalise ``text`` for matching and keep the map back to it."""
    _, deleted = _tables()
    folded = _fold(text)
    if len(folded) == len(text) or deleted is None:
        return Normalized(folded, len(text))
    dels = tuple(m.start() - k for k, m in enumerate(deleted.finditer(text)))
    return Normalized(folded, len(text), dels)


@lru_cache(maxsize=65536)
def normalize_key(text: str) -> str:
    """Normalised, whitespace-collapsed form used as a dictionary key (cached: the same short words and
    phrases are asked for again and again)."""
    table, _ = _tables()
    return " ".join(text.translate(table).split())


def word_alternation(words, normalise: bool = True) -> str:
    """A regex group matching any of ``words`` (a list from a data file), longest first so that a phrase
    wins over its own first word; normalised unless it is to be matched against raw text."""
    forms = {normalize_key(w) if normalise else w for w in words or ()}
    return "(?:" + "|".join(re.escape(w) for w in sorted(forms, key=lambda w: (-len(w), w))) + ")"


def word_trie(words, normalise: bool = True) -> str:
    """The same matches as ``word_alternation``, as a regex factored into a character trie.

    Python's engine tries the branches of an alternation one by one, so a flat list of a hundred words
    costs a hundred comparisons at every position a scan tries; a trie costs one per distinct letter. Of
    two words that both match at a position, greedy optional tails try the longer first, as a
    longest-first alternation does.
    """
    root: dict[str, dict] = {}
    for form in {normalize_key(w) if normalise else w for w in words or ()}:
        node = root
        for ch in form:
            node = node.setdefault(ch, {})
        node[""] = {}
    return "(?:" + _trie_pattern(root) + ")"


def _trie_pattern(node: dict[str, dict]) -> str:
    """The regex of a trie node: its children as branches, optional when a word ends at the node."""
    branches = [re.escape(ch) + _trie_pattern(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body
