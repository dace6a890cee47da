"""Story-date inference from explicit dates and the weekday words around them."""
from __future__ import annotations

import datetime as dt

import pytest

from marsad.when import infer_story_date


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("طرابلس، الخميس 4 فبراير 2021 - قال الوزير أمس الأربعاء إن الحوار مستمر.",
                 dt.date(2021, 2, 4), id="dateline_with_consistent_yesterday_weekday"),
    pytest.param("قال الوزير أمس الأربعاء 3 فبراير 2021 إن الحوار مستمر.",
                 dt.date(2021, 2, 4), id="yesterday_written_with_its_date"),
    pytest.param("أعلن اليوم الخميس 4 فبراير 2021 عن خطة.",
                 dt.date(2021, 2, 4), id="today_written_with_its_date"),
    pytest.param("قال المتحدث أمس الأربعاء إن الاجتماع الذي عقد الأربعاء 3 فبراير 2021 كان مثمرا.",
                 dt.date(2021, 2, 4), id="yesterday_weekday_matches_an_explicit_date"),
    pytest.param("وكانت الحكومة قد أعلنت في 3 فبراير 2021 عن خطة جديدة.",
                 dt.date(2021, 2, 3), id="single_explicit_date"),
    pytest.param("نشر بتاريخ 24/12/2021 - أعلنت المفوضية تأجيل الانتخابات.",
                 dt.date(2021, 12, 24), id="numeric_date"),
    pytest.param("عقد الاجتماع في 10 يناير 2021 ثم في 3 فبراير 2021.",
                 dt.date(2021, 2, 3), id="latest_of_several_dates"),
    pytest.param("الثلاثاء 15 رمضان 1442 هـ - أعلن الوزير عن مبادرة.",
                 dt.date(2021, 4, 27), id="hijri_dateline"),
])
def test_infer_story_date_picks_the_publication_day(text, expected):
    date, confidence = infer_story_date(text)
    assert date == expected
    assert 0.0 < confidence <= 1.0


def test_infer_story_date_is_more_confident_with_agreeing_weekdays():
    _, bare = infer_story_date("وكانت الحكومة قد أعلنت في 4 فبراير 2021 عن خطة.")
    _, supported = infer_story_date("الخميس 4 فبراير 2021 - أعلنت الحكومة أمس الأربعاء عن خطة.")
    assert supported > bare


def test_infer_story_date_is_less_confident_with_rival_dates():
    _, single = infer_story_date("عقد الاجتماع في 3 فبراير 2021.")
    _, rivals = infer_story_date("عقد الاجتماع في 10 يناير 2021 ثم في 3 فبراير 2021.")
    assert rivals < single


@pytest.mark.parametrize("text", [
    pytest.param("", id="empty"),
    pytest.param("قال الوزير أمس الأربعاء إن الحوار مستمر.", id="relative_words_only"),
    pytest.param("اندلعت الثورة عام 2011 واستمرت حتى فبراير 2012.", id="years_and_months_only"),
    pytest.param("وقع الهجوم في 5 فبراير.", id="day_without_year"),
    pytest.param("The meeting was held on 3 February 2021.", id="no_arabic_dates"),
])
def test_infer_story_date_returns_none_without_evidence(text):
    assert infer_story_date(text) == (None, 0.0)


def test_infer_story_date_rejects_dates_every_weekday_word_contradicts():
    text = "في 3 فبراير 2021 قال أمس الأحد، وأضاف اليوم الاثنين، وأكد غدا الجمعة."
    date, confidence = infer_story_date(text)
    assert date is None and confidence == 0.0
