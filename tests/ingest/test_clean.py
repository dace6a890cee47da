"""Chrome removal: exact kinds and spans, coded text keeps every offset."""
from __future__ import annotations


import pytest

from marsad.errors import ResourceError
from marsad.ingest import clean
from marsad.ingest.clean import _compile, _rules
from marsad.records import Removal

BODY1 = ("عقد وزراء الزراعة في ثلاث دول اجتماعا في العاصمة لبحث أزمة المياه المتفاقمة، "
         "واتفقوا على تشكيل لجنة فنية مشتركة تتابع تنفيذ المشاريع المقترحة.")
BODY2 = ("وأضاف البيان أن اللجنة ستقدم تقريرها خلال شهرين إلى الوزراء المعنيين في الدول الثلاث، "
         "على أن يعقد اجتماع جديد في الربيع المقبل لمتابعة التنفيذ وتقييم النتائج.")
BODY3 = ("وكانت الأمطار قد تراجعت هذا العام بنسبة كبيرة مقارنة بالأعوام الماضية، "
         "ما دفع المزارعين إلى المطالبة بدعم عاجل من الحكومات في المنطقة كلها.")
TOKEN = "aG9zdCAxMC4wLjAuNyByZWY="  # base64 of "host 10.0.0.7 ref"


def at(text: str, piece: str, kind: str, nth: int = 0) -> Removal:
    """The Removal covering the nth occurrence of ``piece``."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(piece, start + 1)
    return Removal(start, start + len(piece), kind)


def removed(text: str) -> list[Removal]:
    return list(clean(text)[0])


def test_clean_share_counter_lines_and_related_heading_at_end():
    text = f"{BODY1}\n\nTotal\n0\nمشاركة\nمقالات ذات صلة"
    assert removed(text) == [
        at(text, "Total\n0\nمشاركة", "share_counter"),
        at(text, "مقالات ذات صلة", "related_block"),
    ]


@pytest.mark.parametrize("line", ["0 مشاركة", "12 Shares", "شارك", "مشاركات: 35", "Shares"],
                         ids=["zero-arabic", "count-english", "share-verb", "label-count", "shares"])
def test_clean_share_counter_single_line(line):
    text = f"{BODY1}\n{line}\n{BODY2}"
    assert removed(text) == [at(text, line, "share_counter")]


@pytest.mark.parametrize("line", ["Total", "0", "المجموع"], ids=["total", "zero", "sum"])
def test_clean_weak_counter_line_alone_is_kept(line):
    assert removed(f"{BODY1}\n{line}\n{BODY2}") == []


@pytest.mark.parametrize(
    "line",
    ["شارك الخبر على فيسبوك تويتر واتساب", "شارك هذا المقال", "شارك الخبر على: فيسبوك | تويتر | تيليجرام",
     "Share this article on Facebook, Twitter", "فيسبوك تويتر واتساب"],
    ids=["news-networks", "this-article", "colon-bars", "english", "networks-only"],
)
def test_clean_share_prompt(line):
    text = f"{BODY1}\n{line}\n{BODY2}"
    assert removed(text) == [at(text, line, "share_prompt")]


def test_clean_keeps_body_line_that_starts_with_share_verb():
    assert removed(f"{BODY1}\nشارك الوزير في الاجتماع الذي عقد في طرابلس\n{BODY2}") == []


def test_clean_related_block_at_end_removes_heading_and_titles():
    tail = "أخبار ذات صلة\nالوزير يزور المنطقة الشرقية\n\nانطلاق موسم الحصاد في الجنوب\nتراجع أسعار القمح"
    text = f"{BODY1}\n{BODY2}\n{tail}\n"
    assert removed(text) == [at(text, tail, "related_block")]


def test_clean_related_heading_mid_body_removes_only_heading_and_short_titles():
    block = "اقرأ أيضا\nعنوان خبر قصير آخر\nعنوان ثان عن الطقس"
    text = f"{BODY1}\n{block}\n{BODY2}\n{BODY3}"
    rem, coded = clean(text)
    assert list(rem) == [at(text, block, "related_block")]
    assert BODY2 in coded and BODY3 in coded


def test_clean_related_heading_mid_body_followed_by_long_text_removes_heading_only():
    text = f"{BODY1}\nمواضيع ذات صلة:\n{BODY2}\n{BODY3}"
    assert removed(text) == [at(text, "مواضيع ذات صلة:", "related_block")]


@pytest.mark.parametrize("heading", ["اقرأ أيضاً", "إقرأ ايضا", "المزيد من الأخبار", "Related Articles"],
                         ids=["tanwin", "hamza-below", "more-news", "english"])
def test_clean_related_heading_spelling_variants(heading):
    text = f"{BODY1}\n{heading}\nعنوان خبر قصير"
    assert removed(text) == [at(text, f"{heading}\nعنوان خبر قصير", "related_block")]


def test_clean_read_more_line_with_title():
    line = "اقرأ أيضا: الحكومة تقر الموازنة الجديدة"
    text = f"{BODY1}\n{line}\n{BODY2}"
    assert removed(text) == [at(text, line, "read_more")]


def test_clean_back_to_top():
    text = f"{BODY1}\nزر الذهاب إلى الأعلى"
    assert removed(text) == [at(text, "زر الذهاب إلى الأعلى", "back_to_top")]


def test_clean_tracking_token_and_watermark_on_own_line():
    text = f"{BODY1}\n{BODY2}\n{TOKEN} موقع المثال نت"
    assert removed(text) == [at(text, TOKEN, "tracking_token"), at(text, "موقع المثال نت", "watermark")]


def test_clean_tracking_token_after_body_sentence_on_same_line():
    text = f"{BODY1} {TOKEN} شبكة الأخبار"
    assert removed(text) == [at(text, TOKEN, "tracking_token"), at(text, "شبكة الأخبار", "watermark")]


def test_clean_tracking_token_with_long_tail_keeps_tail():
    tail = "ثم تابع الوزير حديثه عن المشاريع الكبرى في البلاد"
    text = f"{BODY1}\n{TOKEN} {tail}"
    assert removed(text) == [at(text, TOKEN, "tracking_token")]


@pytest.mark.parametrize("token", ["AAECAwQFBgcICQoLDA0ODw==", "c2l0ZTogZXhhbXBsZS5vcmcgaWQ6IDQy", "aG9zdCAx="],
                         ids=["binary-payload", "no-padding", "too-short"])
def test_clean_non_tracking_tokens_are_kept(token):
    assert removed(f"{BODY1}\n{token} موقع المثال") == []


@pytest.mark.parametrize(
    "line",
    ["تاريخ النشر: 2021-01-23 10:15", "آخر تحديث: الخميس 14 يناير 2021 - 09:30 ص", "نُشر في 23/01/2021",
     "Published: 2021-01-23 08:00 GMT"],
    ids=["iso", "weekday-month", "slash-diacritic", "english"],
)
def test_clean_crawler_date_line(line):
    text = f"{BODY1}\n{line}\n{BODY2}"
    assert removed(text) == [at(text, line, "crawler_date")]


def test_clean_keeps_sentence_that_starts_like_a_date_label():
    assert removed(f"{BODY1}\nنشر في الجريدة الرسمية قرار بتعيين 3 سفراء جدد\n{BODY2}") == []


def test_clean_bylines_at_start_and_end():
    text = f"المياه تجمع الوزراء\nبقلم: سامي الفرجاني\n{BODY1}\n{BODY2}\n{BODY3}\nالمصدر: وكالات\nTotal\n0\nمشاركة"
    assert removed(text) == [
        at(text, "بقلم: سامي الفرجاني", "byline"),
        at(text, "المصدر: وكالات", "byline"),
        at(text, "Total\n0\nمشاركة", "share_counter"),
    ]


def test_clean_byline_in_the_middle_is_kept():
    assert removed(f"{BODY1}\n{BODY2}\nكتب: سامي الفرجاني\n{BODY3}\n{BODY1}") == []


def test_clean_keeps_sentence_starting_with_wrote_verb():
    assert removed(f"كتب الرئيس في تغريدة أن الحوار مستمر\n{BODY1}") == []


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("جميع الحقوق محفوظة © 2021 موقع المثال", "copyright"),
        ("اشترك في النشرة البريدية ليصلك كل جديد", "newsletter"),
        ("يستخدم هذا الموقع ملفات تعريف الارتباط لتحسين تجربتك", "cookie_notice"),
        ("تابعونا على فيسبوك وتويتر", "follow_us"),
        ("لمتابعة آخر الأخبار اشترك في قناتنا على تيليجرام", "follow_us"),
    ],
    ids=["copyright", "newsletter", "cookies", "follow-us", "channel"],
)
def test_clean_footer_lines(line, kind):
    text = f"{BODY1}\n{line}\n{BODY2}"
    assert removed(text) == [at(text, line, kind)]


@pytest.mark.parametrize(
    "line",
    ["أعلنت الشركة تعديل سياسة الخصوصية لتطبيق واتساب", "وقال المذيع في النشرة الإخبارية المسائية إن الحوار مستمر",
     "تابعنا باهتمام التطورات الأخيرة في المنطقة", "أطلقت الوزارة قناة رسمية على تيليجرام لنشر البيانات",
     "وحذر الخبراء من جمع الكوكيز دون علم المستخدمين"],
    ids=["privacy-news", "tv-bulletin", "we-followed", "ministry-channel", "cookies-news"],
)
def test_clean_keeps_news_lines_that_mention_footer_words(line):
    assert removed(f"{BODY1}\n{line}\n{BODY2}") == []


def test_clean_footer_links_alone_on_their_lines():
    block = "اتصل بنا\nسياسة الخصوصية\nمن نحن"
    text = f"{BODY1}\n{block}"
    assert removed(text) == [at(text, block, "footer_link")]


def test_clean_cookie_notice_takes_its_buttons():
    block = "نستخدم الكوكيز لتحسين تجربتك على موقعنا\nموافق\nرفض"
    text = f"{block}\n{BODY1}"
    assert removed(text) == [at(text, block, "cookie_notice")]


def test_clean_text_starting_mid_sentence_is_left_alone():
    text = "ـة في العاصمة، وقال المتحدث إن " + BODY1
    assert removed(text) == []


def test_clean_coded_text_keeps_length_newlines_and_body_offsets():
    text = f"{BODY1}\r\n\nTotal\n0\nمشاركة\n{TOKEN} موقع المثال\nمقالات ذات صلة\nعنوان\n"
    rem, coded = clean(text)
    assert len(coded) == len(text)
    assert coded[: len(BODY1)] == BODY1
    assert [i for i, c in enumerate(coded) if c == "\n"] == [i for i, c in enumerate(text) if c == "\n"]
    for r in rem:
        assert set(coded[r.start:r.end]) <= {" ", "\n"}
    assert coded.split() == BODY1.split()


def test_clean_empty_and_plain_texts():
    assert clean("") == ((), "")
    assert clean(BODY1) == ((), BODY1)


def test_clean_rejects_non_text():
    with pytest.raises(TypeError):
        clean(b"bytes")  # type: ignore[arg-type]


def test_chrome_file_compiles_with_known_kinds():
    kinds = {p.kind for p in _rules().patterns}
    assert kinds == {"share_counter", "share_prompt", "back_to_top", "read_more", "crawler_date", "copyright",
                     "newsletter", "cookie_notice", "footer_link", "follow_us", "byline"}


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ({"patterns": [{"kind": "x", "regex": "{nope}"}]}, "unknown vocab name"),
        ({"patterns": [{"kind": "x", "regex": "(a)"}]}, "capturing groups"),
        ({"patterns": [{"kind": "x", "regex": "a", "phrases": ["b"]}]}, "exactly one"),
        ({"patterns": [{"kind": "Bad Kind", "regex": "a"}]}, "snake_case"),
        ({"patterns": [{"kind": "x", "regex": "(?:"}]}, "invalid regex"),
        ({"nothing": 1}, "'patterns' list"),
    ],
    ids=["vocab", "group", "both", "kind", "regex", "shape"],
)
def test_chrome_spec_errors_name_file_and_pattern(spec, message):
    with pytest.raises(ResourceError, match=message) as info:
        _compile(spec, "chrome.yaml")
    assert str(info.value).startswith("chrome.yaml")
