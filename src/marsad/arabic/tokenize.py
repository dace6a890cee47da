"""Tokenisation with clitic splitting, for explanations and discovery of names."""
from __future__ import annotations

import re
from dataclasses import dataclass

from marsad.arabic.clitics import split_word
from marsad.arabic.normalize import normalize

_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class Token:
    """One orthographic word with its clitics split off."""

    start: int
    """Start offset into the raw text."""
    end: int
    """End offset (exclusive) into the raw text."""
    text: str
    """Raw surface form."""
    norm: str
    """Normalised form."""
    proclitic: str
    """Normalised proclitic ('' if none)."""
    stem: str
    """Normalised form without the proclitic."""


def tokenize(text: str) -> list[Token]:
    """Words of ``text`` with raw offsets and clitic analysis."""
    n = normalize(text)
    out = []
    for m in _WORD.finditer(n.text):
        s, e = n.span_to_raw(m.start(), m.end())
        pro, stem, _ = split_word(m.group())
        out.append(Token(s, e, text[s:e], m.group(), pro, stem))
    return out
