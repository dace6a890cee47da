"""A compiled, clitic-aware dictionary matcher over normalised Arabic text.

One Aho-Corasick automaton (pyahocorasick) finds every key in a single pass;
a hit is kept only when it sits on word boundaries up to an allowed
proclitic before it (و ف ب ل ك ال لل ...) and an allowed enclitic after it
(ه ها هم ...). Overlaps are resolved longest first. The automaton is built
once per lexicon; the work per text is proportional to the hits, not to the
size of the lexicon.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from operator import itemgetter
from typing import Callable, Generic, NamedTuple, TypeVar

import ahocorasick

from marsad.arabic.clitics import clitics
from marsad.arabic.normalize import normalize_key

V = TypeVar("V")

_DEFINITE = "ال"
_LAM_DEFINITE = "لل"


class Hit(NamedTuple, Generic[V]):
    """A lexicon key found in a normalised text.

    A named tuple rather than a frozen dataclass: a document has hundreds of hits, and a frozen
    dataclass sets each field through ``object.__setattr__``, which made building them a fifth of
    the time of a search.
    """

    start: int
    """Start of the whole orthographic word(s), proclitic included (normalised offsets)."""
    end: int
    """End of the match, enclitic included."""
    key_start: int
    """Start of the key itself (after the proclitic)."""
    key_end: int
    """End of the key itself (before the enclitic)."""
    values: tuple[V, ...]
    """Everything the key stands for."""
    proclitic: str
    """The proclitic before the key ('' if none)."""
    enclitic: str
    """The enclitic after the key ('' if none)."""


class Lexicon(Generic[V]):
    """Maps Arabic keys (any spelling) to values; finds them in normalised text."""

    def __init__(self, entries: Iterable[tuple[str, V]], *, enclitics: bool = True, min_key: int = 2,
                 order: Callable[[V], int] | None = None):
        """Build the automaton.

        Args:
            entries: (Arabic key, value) pairs; a key may carry several values.
            enclitics: allow pronoun suffixes after a key (off for lexicons of whole words).
            min_key: keys shorter than this (after normalisation) are ignored.
            order: sorts the values of a key once at build time (the preferred reading first).
        """
        table: dict[str, list[V]] = {}
        for key, value in entries:
            k = normalize_key(key)
            if len(k) < min_key:
                continue
            table.setdefault(k, []).append(value)
        self._automaton = ahocorasick.Automaton()
        self.size = len(table)
        for k, vals in table.items():
            frozen = tuple(dict.fromkeys(vals))
            if order is not None:
                frozen = tuple(sorted(frozen, key=order))
            self._add(k, k, frozen)
            if k.startswith(_DEFINITE) and len(k) > 3:
                # ل + ال contracts to لل: "للمشير" holds "المشير" without its alef
                self._add(_LAM_DEFINITE + k[2:], k, frozen, lam=True)
            if enclitics and k.endswith("ه") and len(k) > 3 and " " not in k[-3:]:
                # ta marbuta is written ت before a pronoun: زيارة -> زيارته
                self._add(k[:-1] + "ت", k, frozen, bound=True)
        if self.size:
            self._automaton.make_automaton()
        self._use_enclitics = enclitics

    def _add(self, surface: str, key: str, values: tuple, lam: bool = False, bound: bool = False) -> None:
        existing = self._automaton.get(surface, None)
        if existing is not None:
            # a key and a derived form of another key can collide; keep the plain key
            if (existing[2] or existing[3]) and not (lam or bound):
                self._automaton.add_word(surface, (len(surface), values, False, False))
            return
        self._automaton.add_word(surface, (len(surface), values, lam, bound))

    def find(self, text: str) -> list[Hit[V]]:
        """Non-overlapping hits in normalised ``text``, in text order, longest first on overlap."""
        if not self.size or not text:
            return []
        c = clitics()
        pro_ok, enc_ok, max_pro = c.proclitics, c.enclitics, c.max_pro
        use_enc = self._use_enclitics
        size = len(text)
        cands: list[tuple] = []
        # The automaton reports every substring that is a key; about half sit inside other words. The
        # checks below look only at the characters around a hit (no table of word offsets per text).
        for last, (length, values, lam, bound) in self._automaton.iter(text):
            e = last + 1
            ch = text[last]
            if not (ch.isalnum() or ch == "_"):
                # a key ending in punctuation ("د.", "اوبك+") ends the hit at its last letter, and takes no suffix
                if bound:
                    continue
                we = last
                while not ((ch := text[we - 1]).isalnum() or ch == "_"):
                    we -= 1
                suf = ""
            elif e < size and ((ch := text[e]).isalnum() or ch == "_"):
                if not use_enc:
                    continue  # checked first: the cheapest way to drop a key inside a longer word
                we = _WORD.match(text, e).end()
                suf = text[e:we]
                if suf not in enc_ok:
                    continue
            else:
                if bound:
                    continue
                we = e
                suf = ""
            s = e - length
            ch = text[s]
            if not (ch.isalnum() or ch == "_"):
                continue  # a key that does not start on a letter is never inside a word
            ws = s
            floor = s - max_pro
            while ws and ((ch := text[ws - 1]).isalnum() or ch == "_"):
                ws -= 1
                if ws < floor:
                    break
            if ws < floor:
                continue  # the word starts too far back for any proclitic
            pre = text[ws:s] + "ل" if lam else text[ws:s]
            if pre not in pro_ok:
                continue
            key_start = s + 1 if lam else s
            cands.append((ws, we, key_start, e, values, text[ws:key_start], suf))
        if len(cands) > 1:
            cands = _longest_first(cands)
        return [Hit._make(c) for c in cands]


_WORD = re.compile(r"\w+")


def _longest_first(hits: list[tuple]) -> list[tuple]:
    """Keep the longest key where hits overlap (ties: the earlier one), in text order.

    ``hits`` are (start, end, key_start, key_end, ...) tuples in the automaton's order. Most texts
    have no overlapping hits at all, which one pass over them sorted by start shows.
    """
    by_start = sorted(hits, key=itemgetter(0))
    prev_end = -1
    for h in by_start:
        if h[0] < prev_end:
            break
        prev_end = h[1]
    else:
        return by_start
    hits = sorted(hits, key=lambda h: (h[2] - h[3], h[0]))
    used = bytearray(max(h[1] for h in hits))
    taken = []
    for h in hits:
        if 1 not in used[h[0]:h[1]]:
            used[h[0]:h[1]] = b"\x01" * (h[1] - h[0])
            taken.append(h)
    taken.sort(key=itemgetter(0))
    return taken
