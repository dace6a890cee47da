"""Clitic inventories (from data) and splitting of one normalised word."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from marsad.arabic.normalize import normalize_key
from marsad.resources import load_yaml


@dataclass(frozen=True, slots=True)
class Clitics:
    """The clitic sets, in normalised spelling."""

    proclitics: frozenset[str]
    """Prefixes that may precede a matched word."""
    enclitics: frozenset[str]
    """Suffixes that may follow a matched word."""
    max_pro: int
    """Length of the longest proclitic (bounds the boundary scan)."""
    max_enc: int
    """Length of the longest enclitic."""


@lru_cache(maxsize=1)
def clitics() -> Clitics:
    """The shipped clitic sets (loaded once)."""
    spec = load_yaml("arabic/clitics.yaml")
    pro = frozenset(normalize_key(p) for p in spec["proclitics"])
    enc = frozenset(normalize_key(e) for e in spec["enclitics"])
    return Clitics(pro | {""}, enc | {""}, max(map(len, pro)), max(map(len, enc)))


def split_word(word: str, min_stem: int = 3) -> tuple[str, str, str]:
    """Split a normalised word into (proclitic, stem, enclitic), longest proclitic first.

    Only strips when at least ``min_stem`` letters remain, so that "وزير" stays whole
    while "وحفتر" gives ("و", "حفتر", "").
    """
    c = clitics()
    pro = ""
    for n in range(min(c.max_pro, len(word) - min_stem), 0, -1):
        if word[:n] in c.proclitics:
            pro = word[:n]
            break
    stem = word[len(pro):]
    return pro, stem, ""
