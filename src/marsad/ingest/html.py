"""HTML pages in, main article text out (trafilatura).

A saved page holds menus, footers and widgets around the article; trafilatura
finds the main text and the page metadata (title, date, site name), which is
what the coder needs. The date search stays on the page's metadata and markup
(no "extensive" guessing from the body text), because a wrong story date
shifts every relative date resolved against it.
"""
from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path
from urllib.parse import urlsplit

from marsad.errors import InputError
from marsad.ingest.readers import HTML_BYTES_PER_CHAR, check_length, content_id, failure, read_bytes
from marsad.records import Article, Failure

log = logging.getLogger(__name__)

MIN_TEXT_CHARS = 25
"""Less main text than this is a menu or an error page, not an article.

trafilatura falls back to any text it can find, navigation included."""


def read_html(path: Path, origin: str, max_chars: int) -> Article | Failure:
    """One saved HTML page as an Article with ``doc_id`` = the file name without extension."""
    try:
        data = read_bytes(path, origin, max(max_chars * HTML_BYTES_PER_CHAR, 1_000_000))
        article = article_from_html(data, doc_id=path.stem, origin=origin, max_chars=max_chars)
    except InputError as exc:
        return failure(exc, doc_id=path.stem)
    if article is None:
        return failure(
            InputError("no article text found in the HTML page; check that it holds an article", origin),
            doc_id=path.stem,
        )
    return article


def article_from_html(
    html: bytes | str,
    *,
    doc_id: str | None,
    origin: str,
    max_chars: int,
    url: str | None = None,
    fallback_date: dt.date | None = None,
) -> Article | None:
    """Extract the article of an HTML page.

    Args:
        html: the page, as bytes (encoding detected) or text.
        doc_id: id to give the article; None for a content hash of its text.
        origin: where the page came from, for messages and ``Article.origin``.
        max_chars: longest article text accepted.
        url: where the page was fetched (wins over the page's canonical URL).
        fallback_date: publication date when the page states none.

    Returns:
        The Article, or None when the page holds no main text (under ``MIN_TEXT_CHARS``).

    Raises:
        InputError: the extracted text is longer than ``max_chars``.
    """
    import trafilatura  # deferred: importing it takes about half a second
    from trafilatura.settings import set_date_params

    doc = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        date_extraction_params=set_date_params(extensive=False),
    )
    text = getattr(doc, "text", None) or ""
    if len(text.strip()) < MIN_TEXT_CHARS:
        log.debug("%s: no main text (%d characters)", origin, len(text.strip()))
        return None
    check_length(text, origin, max_chars)
    page_url = url or getattr(doc, "url", None) or None
    return Article(
        doc_id=doc_id or content_id(text),
        text=text,
        pub_date=_page_date(getattr(doc, "date", None), origin) or fallback_date,
        title=getattr(doc, "title", None) or None,
        url=page_url,
        outlet=getattr(doc, "sitename", None) or _host(page_url),
        origin=origin,
    )


def _page_date(value: str | None, origin: str) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        log.debug("%s: ignoring unreadable page date %r", origin, value)
        return None


def _host(url: str | None) -> str | None:
    """Outlet from a URL: its host without ``www.``."""
    if not url:
        return None
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.") or None
