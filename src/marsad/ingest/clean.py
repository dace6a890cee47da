"""Site-chrome removal that keeps every offset valid.

Scraped news text carries the page around the article: share counters,
"related articles" lists, social prompts, tracking tokens, bylines. Coding
them yields false actors and events, but deleting them would shift every
offset the later stages report. So the cleaner only *finds* chrome: it returns
the removals and a "coded text" of the same length in which every removed
character is a space (newlines kept, so line structure survives).

The phrases and patterns live in ``data/ingest/chrome.yaml``; this module
holds only the mechanics (whole-line matching on normalised lines, runs of
weak lines, related blocks, edge-only bylines, base64 tracking tokens).
"""
from __future__ import annotations

import binascii
import logging
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from marsad.arabic.normalize import normalize, normalize_key
from marsad.errors import ResourceError
from marsad.records import Removal
from marsad.resources import data_path, load_yaml_file

log = logging.getLogger(__name__)

CHROME_FILE = "ingest/chrome.yaml"
_LINE = re.compile(r"[^\n]+")
_VOCAB_REF = re.compile(r"\{([a-z_]+)\}")
_KIND = re.compile(r"[a-z][a-z0-9_]*")
# Phrases and headings may carry trailing punctuation or an arrow.
_TRAILER = r'\s*[:：.!…↑▲⬆^>»"\-–]*'
_HEADING = "\0related"  # internal marks, never reported
_COVERED = "\0covered"


@dataclass(frozen=True, slots=True)
class _Pattern:
    """One compiled chrome pattern."""

    kind: str
    regex: re.Pattern[str]
    search: bool
    edge: bool
    weak: bool
    max_words: int
    needs: tuple[str, ...]
    """Required literals, as written and normalised (tested on the raw line)."""

    def worth_trying(self, lower: str) -> bool:
        """Cheap test on the lowercased raw line, before it is normalised."""
        return not self.needs or any(n in lower for n in self.needs)

    def matches(self, key: str) -> bool:
        """Does the normalised line ``key`` match?"""
        found = self.regex.search(key) if self.search else self.regex.fullmatch(key)
        return found is not None


@dataclass(frozen=True, slots=True)
class _Rules:
    """Everything ``clean`` needs, compiled once from chrome.yaml."""

    patterns: tuple[_Pattern, ...]
    by_words: tuple[tuple[_Pattern, ...], ...]
    """Non-edge patterns that apply to a line of n words, at index n."""
    edge_patterns: tuple[_Pattern, ...]
    related: re.Pattern[str]
    related_max_words: int
    edge_max_words: int
    token: re.Pattern[str]
    max_line_chars: int
    edge_lines: int
    title_max_words: int
    title_max_chars: int
    token_min_printable: float
    watermark_max_words: int


def clean(text: str) -> tuple[tuple[Removal, ...], str]:
    """Find site chrome in ``text``.

    Args:
        text: the raw article text.

    Returns:
        ``(removals, coded_text)``: the removals in text order (offsets into
        ``text``, never overlapping) and ``text`` with every removed character
        replaced by a space except newlines, so ``len(coded_text) == len(text)``.

    Raises:
        TypeError: ``text`` is not a string.
        ResourceError: chrome.yaml is missing or invalid.
    """
    if not isinstance(text, str):
        raise TypeError(f"clean() needs a str, got {type(text).__name__}")
    rules = _rules()
    lines = _content_lines(text)
    kinds, keys = _match_lines(text, lines, rules)
    spans = _related_blocks(text, lines, kinds, rules)
    _match_edges(keys, kinds, rules)
    spans += [(lines[i][0], lines[i][1], k) for i, k in enumerate(kinds) if k and k != _COVERED]
    spans += _tokens(text, spans, rules)
    removals = _merge(text, spans)
    return removals, _blank(text, removals)


@lru_cache(maxsize=1)
def _rules() -> _Rules:
    path = data_path(CHROME_FILE)
    spec = load_yaml_file(path)
    return _compile(spec, str(path))


def _compile(spec: Any, where: str) -> _Rules:
    """Validate and compile the chrome spec; a bad entry names file and pattern."""
    if not isinstance(spec, dict) or not isinstance(spec.get("patterns"), list):
        raise ResourceError(f"{where}: expected a mapping with a 'patterns' list")
    settings = spec.get("settings") or {}
    vocab = {
        name: "(?:" + "|".join(
            re.escape(w) for w in sorted({normalize_key(str(x)) for x in words}, key=len, reverse=True)
        ) + ")"
        for name, words in (spec.get("vocab") or {}).items()
    }

    def expand(source: str, label: str) -> re.Pattern[str]:
        def ref(m: re.Match[str]) -> str:
            if m.group(1) not in vocab:
                raise ResourceError(f"{where}: {label}: unknown vocab name '{{{m.group(1)}}}'")
            return vocab[m.group(1)]

        folded = "".join(c if c.isascii() else normalize(c).text for c in source)
        try:
            compiled = re.compile(_VOCAB_REF.sub(ref, folded), re.IGNORECASE)
        except re.error as exc:
            raise ResourceError(f"{where}: {label}: invalid regex: {exc}") from exc
        if compiled.groups:
            raise ResourceError(f"{where}: {label}: use (?:...) instead of capturing groups")
        return compiled

    def phrases(words: Any) -> str:
        return "(?:" + "|".join(re.escape(normalize_key(str(w))) for w in words) + ")" + _TRAILER

    def longest(words: Any) -> int:
        return max(len(str(w).split()) for w in words) + 1  # + a detached trailer

    default_max_words = int(settings.get("default_max_words", 12))
    headings = spec.get("related_headings") or ["related"]

    patterns = []
    for n, entry in enumerate(spec["patterns"], 1):
        label = f"pattern #{n}"
        if not isinstance(entry, dict) or not _KIND.fullmatch(str(entry.get("kind", ""))):
            raise ResourceError(f"{where}: {label}: needs a snake_case 'kind'")
        label += f" ({entry['kind']})"
        given = [key for key in ("regex", "contains", "phrases") if key in entry]
        if len(given) != 1:
            raise ResourceError(f"{where}: {label}: give exactly one of 'regex', 'contains' or 'phrases'")
        if entry.get("where", "anywhere") not in ("anywhere", "edge"):
            raise ResourceError(f"{where}: {label}: 'where' must be 'anywhere' or 'edge'")
        if given[0] == "phrases":
            sources, max_words = [phrases(entry["phrases"])], longest(entry["phrases"])
        else:
            sources, max_words = entry[given[0]], default_max_words
        for source in [sources] if isinstance(sources, str) else sources:
            patterns.append(_Pattern(
                kind=entry["kind"],
                regex=expand(source, label),
                search=given[0] == "contains",
                edge=entry.get("where") == "edge",
                weak=bool(entry.get("weak", False)),
                max_words=int(entry.get("max_words", max_words)),
                needs=tuple({v for n in entry.get("needs") or () for v in (str(n).lower(), normalize_key(str(n)))}),
            ))
    min_chars = int(settings.get("token_min_chars", 16))
    top = max(p.max_words for p in patterns) if patterns else 0
    edge = tuple(p for p in patterns if p.edge)
    return _Rules(
        patterns=tuple(patterns),
        by_words=tuple(tuple(p for p in patterns if not p.edge and n <= p.max_words) for n in range(top + 1)),
        edge_patterns=edge,
        edge_max_words=max((p.max_words for p in edge), default=0),
        related=expand(phrases(headings), "related_headings"),
        related_max_words=longest(headings),
        token=re.compile(rf"(?<!\S)(?=\S{{{min_chars},}})[A-Za-z0-9+/]+={{1,2}}(?!\S)"),
        max_line_chars=int(settings.get("max_line_chars", 240)),
        edge_lines=int(settings.get("edge_lines", 2)),
        title_max_words=int(settings.get("related_title_max_words", 14)),
        title_max_chars=int(settings.get("related_title_max_chars", 120)),
        token_min_printable=float(settings.get("token_min_printable", 0.85)),
        watermark_max_words=int(settings.get("watermark_max_words", 5)),
    )


def _content_lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of every non-blank line, surrounding whitespace excluded."""
    lines = []
    for m in _LINE.finditer(text):
        line = m.group()
        start = m.start() + len(line) - len(line.lstrip())
        end = m.end() - len(line) + len(line.rstrip())
        if start < end:
            lines.append((start, end))
    return lines


def _match_lines(
    text: str, lines: list[tuple[int, int]], rules: _Rules
) -> tuple[list[str | None], list[str | None]]:
    """Kind per line (or None) and normalised keys of the short lines.

    Related headings get the internal ``_HEADING`` mark; edge-only patterns
    are left for ``_match_edges``.
    """
    kinds: list[str | None] = [None] * len(lines)
    weak = [False] * len(lines)
    keys: list[str | None] = [None] * len(lines)
    top = len(rules.by_words) - 1
    for i, (start, end) in enumerate(lines):
        # Cheap tests on the raw line first: normalising it costs more than the regexes.
        if end - start > rules.max_line_chars:
            continue
        raw = text[start:end]
        words = len(raw.split())
        lower = raw.lower()
        candidates = [p for p in rules.by_words[words] if p.worth_trying(lower)] if words <= top else []
        if not candidates and words > rules.related_max_words and words > rules.edge_max_words:
            continue
        key = keys[i] = normalize_key(raw)
        if words <= rules.related_max_words and rules.related.fullmatch(key):
            kinds[i] = _HEADING
            continue
        for pattern in candidates:
            if pattern.matches(key):
                kinds[i], weak[i] = pattern.kind, pattern.weak
                break
    # A weak line survives only inside a run of same-kind lines with a strong one.
    i = 0
    while i < len(lines):
        j = i + 1
        while j < len(lines) and kinds[j] == kinds[i]:
            j += 1
        if kinds[i] and all(weak[i:j]):
            kinds[i:j] = [None] * (j - i)
        i = j
    return kinds, keys


def _match_edges(keys: list[str | None], kinds: list[str | None], rules: _Rules) -> None:
    """Edge-only patterns (bylines) on the first/last content lines."""
    content = [i for i, k in enumerate(kinds) if k is None]
    n = rules.edge_lines
    for rank, i in enumerate(content):
        key = keys[i]
        if key is None or n <= rank < len(content) - n:
            continue
        words = key.count(" ") + 1
        for pattern in rules.edge_patterns:
            if words <= pattern.max_words and pattern.worth_trying(key) and pattern.matches(key):
                kinds[i] = pattern.kind
                break


def _related_blocks(
    text: str, lines: list[tuple[int, int]], kinds: list[str | None], rules: _Rules
) -> list[tuple[int, int, str]]:
    """Spans of related-article blocks; lines inside them are marked covered."""

    def is_title(i: int) -> bool:
        start, end = lines[i]
        if kinds[i] not in (None, _HEADING):
            return True
        return end - start <= rules.title_max_chars and len(text[start:end].split()) <= rules.title_max_words

    spans = []
    i = 0
    while i < len(lines):
        if kinds[i] != _HEADING:
            i += 1
            continue
        j = i + 1
        while j < len(lines) and is_title(j):
            j += 1
        if j < len(lines):  # body text follows: keep it, drop only the titles
            log.debug("related heading inside the body at offset %d", lines[i][0])
        spans.append((lines[i][0], lines[j - 1][1], "related_block"))
        kinds[i:j] = [_COVERED] * (j - i)
        i = j
    return spans


def _tokens(text: str, spans: list[tuple[int, int, str]], rules: _Rules) -> list[tuple[int, int, str]]:
    """Base64 tracking tokens and the short watermark that follows them."""
    if "=" not in text:
        return []
    found = []
    for m in rules.token.finditer(text):
        if any(s <= m.start() < e for s, e, _ in spans) or not _is_printable_b64(m.group(), rules):
            continue
        found.append((m.start(), m.end(), "tracking_token"))
        line_end = text.find("\n", m.end())
        tail = text[m.end(): len(text) if line_end < 0 else line_end]
        if 0 < len(tail.split()) <= rules.watermark_max_words:
            start = m.end() + len(tail) - len(tail.lstrip())
            found.append((start, m.end() + len(tail.rstrip()), "watermark"))
    return found


def _is_printable_b64(token: str, rules: _Rules) -> bool:
    if len(token) % 4:
        return False
    try:
        raw = binascii.a2b_base64(token, strict_mode=True)
    except binascii.Error:
        return False
    printable = sum(32 <= b < 127 or b in (9, 10, 13) for b in raw)
    return bool(raw) and printable / len(raw) >= rules.token_min_printable


def _merge(text: str, spans: list[tuple[int, int, str]]) -> tuple[Removal, ...]:
    """Sort, drop spans inside earlier ones, join same-kind neighbours."""
    out: list[Removal] = []
    for start, end, kind in sorted(spans, key=lambda s: (s[0], -s[1])):
        if out and start < out[-1].end:
            continue
        if out and out[-1].kind == kind and text[out[-1].end:start].isspace():
            out[-1] = Removal(out[-1].start, end, kind)
        else:
            out.append(Removal(start, end, kind))
    return tuple(out)


def _blank(text: str, removals: tuple[Removal, ...]) -> str:
    """``text`` with removed characters turned into spaces, newlines kept."""
    if not removals:
        return text
    parts, pos = [], 0
    for r in removals:
        parts.append(text[pos:r.start])
        parts.append("\n".join(" " * len(piece) for piece in text[r.start:r.end].split("\n")))
        pos = r.end
    parts.append(text[pos:])
    return "".join(parts)
