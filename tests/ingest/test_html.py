"""HTML pages: main text without nav/footer, title, date and outlet from the page metadata."""
from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from marsad.ingest import read_inputs
from marsad.ingest.html import article_from_html
from marsad.records import Article, Failure

PAGE = Path(__file__).parents[1] / "fixtures" / "ingest" / "page.html"
PARA = ("أعلن المجلس البلدي في بيان اليوم عن خطة لإعادة تأهيل الطرق الرئيسية في المدينة، "
        "وقال إن الأعمال ستبدأ الشهر المقبل وتستمر حتى نهاية العام بتمويل من الميزانية المحلية.")


def read_one(path):
    items = list(read_inputs([path]))
    assert len(items) == 1, items
    return items[0]


def test_html_page_gives_main_text_and_metadata(tmp_path):
    path = tmp_path / "oasis-12.html"
    shutil.copy(PAGE, path)
    article = read_one(path)
    assert isinstance(article, Article)
    assert (article.doc_id, article.origin) == ("oasis-12", str(path))
    assert article.title == "وزراء الزراعة يتفقون على لجنة للمياه"
    assert article.pub_date == dt.date(2021, 3, 4)
    assert article.outlet == "أخبار الواحة"
    assert article.text.splitlines()[0] == "وزراء الزراعة يتفقون على لجنة للمياه"
    assert "لجنة فنية مشتركة" in article.text and "دعم عاجل" in article.text
    for chrome in ("الرئيسية", "اقتصاد", "جميع الحقوق محفوظة", "اتصل بنا"):
        assert chrome not in article.text


def test_htm_outlet_falls_back_to_the_canonical_url_host(tmp_path):
    path = tmp_path / "city.htm"
    path.write_text(
        '<html><head><title>الطرق</title><link rel="canonical" href="https://www.city-news.example/roads/5">'
        f"</head><body><article><p>{PARA}</p><p>{PARA}</p></article></body></html>",
        encoding="utf-8",
    )
    article = read_one(path)
    assert (article.url, article.outlet, article.pub_date) == ("https://www.city-news.example/roads/5",
                                                               "city-news.example", None)


def test_html_without_main_text_is_a_failure(tmp_path):
    path = tmp_path / "menu.html"
    path.write_text("<html><head><title>x</title></head><body><nav><a href='/'>الرئيسية</a></nav></body></html>",
                    encoding="utf-8")
    failure = read_one(path)
    assert isinstance(failure, Failure) and not failure.skipped
    assert failure.message == f"{path}: no article text found in the HTML page; check that it holds an article"
    assert failure.doc_id == "menu"


def test_html_article_text_over_the_limit_is_a_failure(tmp_path):
    path = tmp_path / "long.html"
    shutil.copy(PAGE, path)
    failure = list(read_inputs([path], max_chars=100))[0]
    assert isinstance(failure, Failure) and "over the limit of 100" in failure.message


def test_article_from_html_uses_given_url_and_fallback_date():
    html = f"<html><body><article><p>{PARA}</p><p>{PARA}</p></article></body></html>"
    article = article_from_html(html, doc_id=None, origin="mem", max_chars=10_000,
                                url="https://news.example/a/1", fallback_date=dt.date(2020, 5, 1))
    assert article is not None
    assert article.doc_id.startswith("sha1:")
    assert (article.url, article.outlet, article.pub_date) == ("https://news.example/a/1", "news.example",
                                                               dt.date(2020, 5, 1))
