"""Readers: files, directories and standard input in, ``Article`` records out.

Why a generator of ``Article | Failure``: a crawl directory can hold hundreds
of thousands of files, so nothing is read before it is needed, and one bad
file or line must not stop the batch. Every bad input becomes a ``Failure``
whose message names the file, the line and the field and says how to fix it.

Plain text and JSON Lines are handled here; HTML and WARC live in their own
modules and are imported only when such a file shows up, because trafilatura
and fastwarc are slow to import and most runs read JSON Lines.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import os
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, TextIO

from marsad.errors import InputError
from marsad.records import Article, Failure

log = logging.getLogger(__name__)

SUFFIXES = (".txt", ".jsonl", ".ndjson", ".html", ".htm", ".warc", ".warc.gz")
"""File types read from a directory; any other file there is reported as skipped."""

HTML_BYTES_PER_CHAR = 16
"""An HTML page may be this many bytes per allowed text character (markup, scripts)."""

_BOM = b"\xef\xbb\xbf"
_SNIFF_BYTES = 8192
_DATE = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?)?"
)
_JSON_TYPES = {dict: "an object", list: "an array", str: "a string", int: "a number",
               float: "a number", bool: "a boolean", type(None): "null"}
_EXAMPLE = '{"doc_id": "a-1", "text": "...", "pub_date": "2021-02-13"}'


def read_inputs(
    paths: Iterable[str | os.PathLike[str]],
    *,
    stdin: TextIO | None = None,
    max_chars: int = 2_000_000,
) -> Iterator[Article | Failure]:
    """Read articles from files, directories and standard input, lazily and in order.

    Args:
        paths: ``.txt``, ``.jsonl``/``.ndjson``, ``.html``/``.htm``,
            ``.warc``/``.warc.gz`` files, directories (walked recursively in
            sorted order) or ``"-"`` for standard input.
        stdin: stream read for ``"-"`` (default ``sys.stdin``): JSON Lines when
            its first non-blank character is ``{``, else one plain-text article.
        max_chars: longest article accepted, in characters.

    Yields:
        One ``Article`` per article read, or one ``Failure`` per bad input
        (``skipped=True`` for unsupported files met while walking a directory).

    Raises:
        TypeError: ``paths`` is a single path instead of an iterable of paths.
        ValueError: ``max_chars`` is not a positive integer.
    """
    if isinstance(paths, (str, bytes, os.PathLike)):
        raise TypeError("read_inputs() takes an iterable of paths, e.g. [path], not a single path")
    if not isinstance(max_chars, int) or max_chars < 1:
        raise ValueError(f"max_chars must be a positive integer, got {max_chars!r}")
    for raw in paths:
        if str(raw) == "-":
            yield from _read_stdin(stdin if stdin is not None else sys.stdin, max_chars)
            continue
        path = Path(raw)
        if path.is_dir():
            for item in _walk(str(raw)):
                if isinstance(item, Failure):
                    yield item
                else:
                    yield from _read_file(Path(item), item, max_chars, in_dir=True)
        else:
            yield from _read_file(path, str(raw), max_chars, in_dir=False)


def content_id(text: str) -> str:
    """Content-hash id of an article without one: ``sha1:`` + 16 hex digits."""
    return "sha1:" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def parse_pub_date(value: Any) -> dt.date | None:
    """Publication date from ``YYYY-MM-DD`` or an ISO datetime (its date part).

    Returns None for a missing value (None or ""); raises ``ValueError`` with
    a reason and a fix for anything else that is not a real date.
    """
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise ValueError(f"must be a string YYYY-MM-DD, not {_JSON_TYPES.get(type(value), type(value).__name__)}")
    m = _DATE.fullmatch(value.strip())
    if not m:
        raise ValueError(
            f"'{value}' is not a date; use YYYY-MM-DD (e.g. 2021-02-13) or an ISO datetime, or leave it out"
        )
    try:
        return dt.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError as exc:
        raise ValueError(f"impossible date '{value}' ({exc}); use a real date YYYY-MM-DD or leave it out") from None


def check_length(text: str, origin: str, max_chars: int, field: str | None = None) -> None:
    """Raise ``InputError`` when an article is longer than ``max_chars``."""
    if len(text) > max_chars:
        raise InputError(
            f"article is {len(text):,} characters, over the limit of {max_chars:,}; "
            f"split it or raise the limit (max_chars={len(text)})",
            origin, field,
        )


def failure(exc: InputError, *, doc_id: str | None = None, skipped: bool = False) -> Failure:
    """The ``Failure`` record of an ``InputError``."""
    return Failure(origin=exc.origin, message=str(exc), field=exc.field, doc_id=doc_id, skipped=skipped)


def read_bytes(path: Path, origin: str, byte_limit: int) -> bytes:
    """Whole file as bytes; raises ``InputError`` when missing, empty, too big or binary."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise InputError("no such file or directory; check the path", origin) from None
    if size == 0:
        raise InputError("file is empty; remove it or put the article in it", origin)
    if size > byte_limit:
        raise InputError(
            f"file is {size:,} bytes, over the {byte_limit:,}-byte limit that max_chars sets; "
            "split it or raise max_chars", origin,
        )
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read the file ({exc.strerror}); check its permissions", origin) from None
    _sniff(data[:_SNIFF_BYTES], origin)
    return data


def _sniff(head: bytes, origin: str) -> None:
    """Reject binary and UTF-16 files before decoding, with a helpful reason."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError("file is UTF-16 encoded; re-save it as UTF-8", origin)
    if b"\x00" in head:
        raise InputError("looks like a binary file (it contains NUL bytes), not UTF-8 text", origin)
    controls = sum(b < 32 and b not in (9, 10, 12, 13, 27) for b in head)
    if head and controls / len(head) > 0.1:
        raise InputError("looks like a binary file (mostly non-text bytes), not UTF-8 text", origin)


def _decode(data: bytes, origin: str, base: int = 0) -> str:
    """Strict UTF-8 (a leading BOM dropped); a bad byte is reported by offset."""
    skip = len(_BOM) if data.startswith(_BOM) else 0
    try:
        return data[skip:].decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"invalid UTF-8 at byte {base + skip + exc.start}; re-save the file as UTF-8 "
            "(e.g. iconv -f WINDOWS-1256 -t UTF-8)",
            origin,
        ) from None


def _walk(root: str) -> Iterator[str | Failure]:
    """Files under ``root``, depth first in sorted order, one directory listed at a time."""
    try:
        with os.scandir(root) as it:
            entries = sorted(it, key=lambda e: e.name)
    except OSError as exc:
        yield failure(InputError(f"cannot list the directory ({exc.strerror})", root))
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir(follow_symlinks=False):  # linked directories could loop
            yield from _walk(entry.path)
        elif entry.is_file():
            yield entry.path


def _kind(name: str) -> str | None:
    lower = name.lower()
    if lower.endswith((".warc", ".warc.gz")):
        return "warc"
    return {".txt": "txt", ".jsonl": "jsonl", ".ndjson": "jsonl", ".html": "html", ".htm": "html"}.get(
        os.path.splitext(lower)[1]
    )


def _read_file(path: Path, origin: str, max_chars: int, *, in_dir: bool) -> Iterator[Article | Failure]:
    """Dispatch one file on its suffix."""
    kind = _kind(path.name)
    if kind is None:
        if not in_dir and not path.exists():
            yield failure(InputError("no such file or directory; check the path", origin))
        else:
            yield failure(
                InputError(f"not a supported input type; give one of {', '.join(SUFFIXES)}", origin),
                skipped=in_dir,
            )
        return
    if kind == "jsonl":
        yield from _read_jsonl(path, origin, max_chars)
    elif kind == "txt":
        try:
            text = _decode(read_bytes(path, origin, max_chars * 4), origin)
            yield _plain_article(text, path.stem, origin, max_chars)
        except InputError as exc:
            yield failure(exc, doc_id=path.stem)
    elif kind == "html":
        from marsad.ingest.html import read_html

        yield read_html(path, origin, max_chars)
    else:
        from marsad.ingest.warc import read_warc

        yield from read_warc(path, origin, max_chars)


def _plain_article(text: str, doc_id: str, origin: str, max_chars: int) -> Article:
    if not text.strip():
        raise InputError("file has no text (only whitespace); remove it or put the article in it", origin)
    check_length(text, origin, max_chars)
    return Article(doc_id=doc_id, text=text, origin=origin)


def open_binary(path: Path, origin: str):
    """Open a file for reading bytes; a missing or unreadable file is an InputError naming it."""
    try:
        return open(path, "rb")
    except FileNotFoundError as exc:
        raise InputError("no such file or directory; check the path", origin) from exc
    except OSError as exc:
        raise InputError(f"cannot read the file ({exc.strerror}); check its permissions", origin) from exc


def _read_jsonl(path: Path, origin: str, max_chars: int) -> Iterator[Article | Failure]:
    """One article per JSON line, read line by line so big files stream."""
    try:
        fh = open_binary(path, origin)
    except InputError as exc:
        yield failure(exc)
        return
    with fh:
        head = fh.read(_SNIFF_BYTES)
        try:
            if not head:
                raise InputError(f"file is empty; put one JSON object per line, e.g. {_EXAMPLE}", origin)
            _sniff(head, origin)
        except InputError as exc:
            yield failure(exc)
            return
        fh.seek(0)
        offset, seen = 0, False
        for line_no, raw in enumerate(fh, 1):
            where = f"{origin}:{line_no}"
            try:
                line = _decode(raw, where, offset)
            except InputError as exc:
                seen = True
                yield failure(exc)
                line = ""
            offset += len(raw)
            if line.strip():
                seen = True
                yield _json_line(line, where, max_chars)
        if not seen and offset:
            yield failure(InputError("file has no JSON lines (only blank lines)", origin))


def _json_line(line: str, where: str, max_chars: int) -> Article | Failure:
    """Parse one JSON line into an Article, or the Failure saying what is wrong."""
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        return failure(InputError(
            f"malformed JSON: {exc.msg} (column {exc.colno}); each line must be one JSON object, e.g. {_EXAMPLE}",
            where,
        ))
    if not isinstance(obj, dict):
        return failure(InputError(
            f"a JSON line must be an object with a 'text' field, not {_JSON_TYPES.get(type(obj), 'a value')}",
            where,
        ))
    given = obj.get("doc_id") if obj.get("doc_id") is not None else obj.get("id")
    try:
        return record_to_article(obj, where, max_chars)
    except InputError as exc:
        return failure(exc, doc_id=str(given) if isinstance(given, (str, int)) and given != "" else None)


def record_to_article(obj: dict[str, Any], origin: str, max_chars: int) -> Article:
    """Validate an EVENT_FORMAT input record; extra fields (``entities``, ``events``) are ignored."""
    text = obj.get("text")
    if text is None:
        raise InputError("missing; every line needs the article text as a string", origin, "text")
    if not isinstance(text, str):
        raise InputError(f"must be a string, not {_JSON_TYPES.get(type(text), 'a value')}", origin, "text")
    if not text.strip():
        raise InputError("is empty; give the article text or drop the line", origin, "text")
    check_length(text, origin, max_chars, "text")
    key = "doc_id" if obj.get("doc_id") is not None else "id"
    doc_id = obj.get(key)
    if isinstance(doc_id, bool) or not isinstance(doc_id, (str, int, type(None))):
        raise InputError("must be a string or an integer", origin, key)
    doc_id = str(doc_id).strip() if doc_id is not None else ""
    try:
        pub_date = parse_pub_date(obj.get("pub_date"))
    except ValueError as exc:
        raise InputError(str(exc), origin, "pub_date") from None
    meta = {}
    for name in ("title", "url", "outlet"):
        value = obj.get(name)
        if value is not None and not isinstance(value, str):
            raise InputError(f"must be a string, not {_JSON_TYPES.get(type(value), 'a value')}", origin, name)
        meta[name] = (value or "").strip() or None
    return Article(doc_id=doc_id or content_id(text), text=text, pub_date=pub_date, origin=origin, **meta)


def _read_stdin(stream: TextIO, max_chars: int) -> Iterator[Article | Failure]:
    """Standard input: JSON Lines if it starts with ``{``, else one plain-text article."""
    origin = "<stdin>"
    try:
        lines = iter(stream)
        pending: list[str] = []
        for line in lines:
            pending.append(line)
            if line.strip():
                break
        if not pending or not pending[-1].strip():
            yield failure(InputError("standard input is empty; pipe an article or JSON Lines into it", origin))
            return
        if pending[-1].lstrip("\ufeff \t").startswith("{"):
            for line_no, line in enumerate(_chain(pending, lines), 1):
                if line.strip():
                    yield _json_line(line.lstrip("\ufeff") if line_no == 1 else line, f"{origin}:{line_no}", max_chars)
            return
        text = "".join(_chain(pending, lines)).removeprefix("\ufeff")
        yield _plain_article(text, "stdin", origin, max_chars)
    except UnicodeDecodeError as exc:
        yield failure(InputError(f"invalid UTF-8 ({exc.reason}); send UTF-8 text", origin))
    except InputError as exc:
        yield failure(exc, doc_id="stdin")


def _chain(first: list[str], rest: Iterator[str]) -> Iterator[str]:
    yield from first
    yield from rest
