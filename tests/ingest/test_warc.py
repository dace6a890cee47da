"""WARC archives: each successful HTML response becomes an article; other records are passed over."""
from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from marsad.ingest import read_inputs
from marsad.records import Article, Failure

PARA = ("أعلن المجلس البلدي في بيان اليوم عن خطة لإعادة تأهيل الطرق الرئيسية في المدينة، "
        "وقال إن الأعمال ستبدأ الشهر المقبل وتستمر حتى نهاية العام بتمويل من الميزانية المحلية.")
PARA2 = ("وأوضح رئيس المجلس أن الخطة تشمل إنارة الشوارع وصيانة الجسور القديمة، "
         "داعيا السكان إلى التعاون مع فرق العمل خلال فترة التنفيذ.")
DATED = ('<html><head><title>خطة الطرق</title><meta property="og:site_name" content="صحيفة المدينة">'
         '<meta property="article:published_time" content="2021-06-10T08:00:00Z"></head>'
         "<body><nav><a href='/'>اتصل بنا</a> <a href='/s'>رياضة</a></nav>"
         f"<article><p>{PARA}</p><p>{PARA2}</p></article></body></html>")
UNDATED = f"<html><head><title>الإنارة</title></head><body><article><p>{PARA2}</p><p>{PARA}</p></article></body></html>"


def add(writer: WARCWriter, kind: str, url: str, body: bytes, *, content_type: str = "text/html; charset=utf-8",
        status: str = "200 OK", date: str = "2021-07-01T12:00:00Z") -> None:
    http = None
    if kind in ("response", "request"):
        line = "GET / HTTP/1.1" if kind == "request" else status
        http = StatusAndHeaders(line, [("Content-Type", content_type)], protocol="HTTP/1.1",
                                is_http_request=kind == "request")
    record = writer.create_warc_record(url, kind, payload=io.BytesIO(body), http_headers=http,
                                       warc_headers_dict={"WARC-Date": date})
    writer.write_record(record)


def make_warc(path: Path, gzip: bool) -> Path:
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=gzip)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "test"}))
        add(writer, "request", "https://city.example/roads", b"")
        add(writer, "response", "https://city.example/roads", DATED.encode())
        add(writer, "response", "https://city.example/logo.png", b"\x89PNG\r\n", content_type="image/png")
        add(writer, "response", "https://city.example/gone", b"<html><body>not found</body></html>",
            status="404 Not Found")
        add(writer, "response", "https://www.city.example/lights", UNDATED.encode("cp1256"),
            content_type="text/html; charset=windows-1256", date="2021-07-02T03:04:05Z")
    return path


@pytest.mark.parametrize("name", ["crawl.warc.gz", "crawl.warc"], ids=["gzip", "plain"])
def test_warc_html_responses_become_articles(tmp_path, name):
    path = make_warc(tmp_path / name, gzip=name.endswith(".gz"))
    items = list(read_inputs([path]))
    assert [type(i) for i in items] == [Article, Article]
    roads, lights = items
    assert roads.url == "https://city.example/roads"
    assert (roads.title, roads.outlet, roads.pub_date) == ("خطة الطرق", "صحيفة المدينة", dt.date(2021, 6, 10))
    assert PARA in roads.text and "اتصل بنا" not in roads.text
    assert roads.doc_id.startswith("sha1:")
    # No date in the page: WARC-Date is the fallback; no site name: the URL host.
    assert (lights.pub_date, lights.outlet) == (dt.date(2021, 7, 2), "city.example")
    assert PARA2 in lights.text  # decoded with the HTTP charset
    for article in items:
        prefix, offset = article.origin.rsplit("@", 1)
        assert prefix == str(path) and offset.isdigit()


def test_warc_record_without_main_text_is_a_skipped_failure(tmp_path):
    path = tmp_path / "menu.warc"
    with open(path, "wb") as fh:
        add(WARCWriter(fh, gzip=False), "response", "https://city.example/menu",
            b"<html><body><nav><a href='/'>x</a></nav></body></html>")
    failure, = read_inputs([path])
    assert isinstance(failure, Failure) and failure.skipped
    assert failure.origin == f"{path}@0"
    assert "no article text found in the page https://city.example/menu" in failure.message


def test_file_that_is_not_a_warc_is_a_failure(tmp_path):
    path = tmp_path / "fake.warc"
    path.write_text("just some text\n", encoding="utf-8")
    failure, = read_inputs([path])
    assert failure.origin == str(path)
    assert failure.message.startswith(f"{path}: not a readable WARC file after 0 record(s)")


def test_truncated_warc_record_is_a_failure(tmp_path):
    whole = make_warc(tmp_path / "whole.warc", gzip=False).read_bytes()
    path = tmp_path / "cut.warc"
    path.write_bytes(whole[:whole.index(b"charset=windows-1256")])  # inside the last record's HTTP headers
    items = list(read_inputs([path]))
    assert [type(i) for i in items] == [Article, Failure]
    assert items[1].message.startswith(f"{path}@")
    assert "the response for https://www.city.example/lights is truncated or damaged" in items[1].message


def test_warc_inside_a_directory(tmp_path):
    make_warc(tmp_path / "a.warc.gz", gzip=True)
    assert [type(i) for i in read_inputs([tmp_path])] == [Article, Article]
