"""WARC archives in: every HTML response record becomes an article.

Crawls arrive as WARC files; fastwarc streams them record by record (plain or
gzipped) so an archive never sits in memory. Only successful HTML responses
are articles; requests, metadata, images, redirects and error pages are
passed over silently. ``Article.origin`` is ``file@offset``, the byte offset
of the record, so a record can be found again with any WARC tool.
"""
from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from marsad.errors import InputError
from marsad.ingest.html import article_from_html
from marsad.ingest.readers import failure, open_binary
from marsad.records import Article, Failure

if TYPE_CHECKING:
    from fastwarc.warc import WarcRecord

log = logging.getLogger(__name__)

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})


def read_warc(path: Path, origin: str, max_chars: int) -> Iterator[Article | Failure]:
    """Articles of the HTML responses in one WARC file, in archive order."""
    from fastwarc.warc import ArchiveIterator, WarcRecordType  # deferred: compiled, slow-ish import

    try:
        fh = open_binary(path, origin)
    except InputError as exc:
        yield failure(exc)
        return
    with fh:
        if not fh.read(1):
            yield failure(InputError("file is empty; a WARC file holds at least one record", origin))
            return
        fh.seek(0)
        records = 0
        iterator = iter(ArchiveIterator(fh, parse_http=True))
        while True:
            try:
                record = next(iterator, None)
            except OSError as exc:  # fastwarc's way of saying the bytes are not WARC
                yield failure(InputError(
                    f"not a readable WARC file after {records} record(s) ({exc}); "
                    "check that it is a complete WARC/1.0 or 1.1 archive", origin,
                ))
                return
            if record is None:
                break
            records += 1
            url = record.headers.get("WARC-Target-URI") or ""
            if record.record_type != WarcRecordType.response or not url.startswith(("http:", "https:")):
                continue
            where = f"{origin}@{record.stream_pos}"
            if not record.http_headers or record.http_headers.status_code is None:
                yield _damaged(url, where)
                continue
            content_type = (record.http_content_type or "").lower()
            status = record.http_headers.status_code
            if content_type not in HTML_TYPES or not 200 <= status < 300:
                log.debug("%s: passing over %s (%s, HTTP %s)", where, url, content_type or "no type", status)
                continue
            yield _record_article(record, where, url, max_chars)
        if not records:
            yield failure(InputError("no WARC records found; is it a WARC file (WARC/1.0 or 1.1)?", origin))


def _damaged(url: str, where: str) -> Failure:
    return failure(InputError(
        f"the response for {url} is truncated or damaged (no readable HTTP headers or body); "
        "re-fetch it or repair the archive", where,
    ))


def _record_article(record: WarcRecord, where: str, url: str, max_chars: int) -> Article | Failure:
    body: bytes | str = record.reader.read()
    if not body:
        return _damaged(url, where)
    charset = record.http_charset
    if charset:
        try:
            body = body.decode(charset, errors="replace")
        except LookupError:
            log.debug("%s: unknown charset %r, letting trafilatura guess", where, charset)
    date = record.record_date.date() if record.record_date else None
    try:
        article = article_from_html(body, doc_id=None, origin=where, max_chars=max_chars, url=url, fallback_date=date)
    except InputError as exc:
        return failure(exc)
    if article is None:
        return failure(
            InputError(f"no article text found in the page {url}; skipped", where), skipped=True
        )
    return article
