"""Coordinated weekdays, two-step relatives, day-month with a relative month, and time-of-day phrases."""
from __future__ import annotations

import datetime as dt

import pytest

from marsad.records import DatePrecision
from marsad.when import find_dates

D, W, M, Y, U = (DatePrecision.DAY, DatePrecision.WEEK, DatePrecision.MONTH, DatePrecision.YEAR,
                 DatePrecision.UNKNOWN)

THU_2022_01_13 = dt.date(2022, 1, 13)
SAT_2022_01_15 = dt.date(2022, 1, 15)
SUN_2022_01_16 = dt.date(2022, 1, 16)
THU_2022_02_10 = dt.date(2022, 2, 10)
SUN_2022_02_20 = dt.date(2022, 2, 20)
SAT_2022_03_05 = dt.date(2022, 3, 5)
SUN_2022_03_20 = dt.date(2022, 3, 20)
MON_2021_12_20 = dt.date(2021, 12, 20)
TUE_2021_01_05 = dt.date(2021, 1, 5)


def _found(text: str, story: dt.date | None) -> list[tuple[str, dt.date | None, DatePrecision]]:
    return [(m.text, m.date, m.precision) for m in find_dates(text, story)]


def _days(*pairs: tuple[str, str]) -> list[tuple[str, dt.date, DatePrecision]]:
    return [(span, dt.date.fromisoformat(day), D) for span, day in pairs]


# --- coordinated weekdays -------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "story", "expected"), [
    pytest.param("يعقد المجلس جلستين يومي الأحد والاثنين المقبلين", THU_2022_01_13,
                 _days(("يومي الأحد", "2022-01-16"), ("الاثنين المقبلين", "2022-01-17")),
                 id="dual_day_noun_next_plural"),
    pytest.param("تظاهر الآلاف الأحد والاثنين الماضيين", THU_2022_01_13,
                 _days(("الأحد", "2022-01-09"), ("الاثنين الماضيين", "2022-01-10")), id="past_plural"),
    pytest.param("تجرى المشاورات الأحد والاثنين القادمين", THU_2022_01_13,
                 _days(("الأحد", "2022-01-16"), ("الاثنين القادمين", "2022-01-17")), id="next_qadimin"),
    pytest.param("جرت الاشتباكات يومي الأحد والاثنين الفائتين", THU_2022_01_13,
                 _days(("يومي الأحد", "2022-01-09"), ("الاثنين الفائتين", "2022-01-10")), id="past_faitin"),
    pytest.param("جرت الاشتباكات يومي الأحد والاثنين المنصرمين", THU_2022_01_13,
                 _days(("يومي الأحد", "2022-01-09"), ("الاثنين المنصرمين", "2022-01-10")), id="past_munsarimin"),
    pytest.param("تجرى الجولة الثلاثاء والأربعاء المقبلان", THU_2022_01_13,
                 _days(("الثلاثاء", "2022-01-18"), ("الأربعاء المقبلان", "2022-01-19")), id="next_dual_nominative"),
    pytest.param("زار الوفد العاصمة يومي السبت والأحد", THU_2022_01_13,
                 _days(("يومي السبت", "2022-01-08"), ("الأحد", "2022-01-09")), id="bare_pair_is_the_latest_past"),
    pytest.param("يلتقي الطرفان يومي السبت والأحد المقبل", THU_2022_01_13,
                 _days(("يومي السبت", "2022-01-15"), ("الأحد المقبل", "2022-01-16")),
                 id="singular_adjective_shared_after_dual_noun"),
    pytest.param("اجتمعوا السبت والأحد المقبل", THU_2022_01_13,
                 _days(("السبت", "2022-01-08"), ("الأحد المقبل", "2022-01-16")),
                 id="singular_adjective_without_dual_noun_is_the_last_days"),
    pytest.param("تنعقد القمة السبت، الأحد والاثنين القادمين", THU_2022_01_13,
                 _days(("السبت", "2022-01-15"), ("الأحد", "2022-01-16"), ("الاثنين القادمين", "2022-01-17")),
                 id="three_days_comma_and_wa"),
    pytest.param("تنعقد القمة السبت و الأحد المقبلين", THU_2022_01_13,
                 _days(("السبت", "2022-01-15"), ("الأحد المقبلين", "2022-01-16")), id="detached_wa"),
    pytest.param("تجرى الانتخابات الأحد والاثنين المقبلين", SUN_2022_01_16,
                 _days(("الأحد", "2022-01-23"), ("الاثنين المقبلين", "2022-01-24")),
                 id="next_pair_on_its_first_day_stays_in_order"),
    pytest.param("جرت الانتخابات الأحد والاثنين الماضيين", SUN_2022_01_16,
                 _days(("الأحد", "2022-01-09"), ("الاثنين الماضيين", "2022-01-10")),
                 id="past_pair_on_its_first_day_stays_in_order"),
    pytest.param("تعقد الجولة الجمعة والسبت المقبلين", SAT_2022_01_15,
                 _days(("الجمعة", "2022-01-21"), ("السبت المقبلين", "2022-01-22")), id="next_pair_across_the_week"),
    pytest.param("اختلف الطرفان بين الاثنين والثلاثاء", THU_2022_01_13,
                 _days(("الاثنين", "2022-01-10"), ("الثلاثاء", "2022-01-11")),
                 id="coordinated_ithnayn_is_monday_even_after_bayna"),
    pytest.param("اجتمعوا الأحد والاثنين 7 فبراير", THU_2022_02_10,
                 _days(("الأحد", "2022-02-06"), ("الاثنين 7 فبراير", "2022-02-07")),
                 id="weekday_before_a_date_stays_with_the_date"),
    pytest.param("صدر تقرير يومي الأحد", THU_2022_01_13, _days(("الأحد", "2022-01-09")),
                 id="dual_noun_needs_coordination"),
    pytest.param("وصل الخميس الماضيين", THU_2022_01_13, _days(("الخميس", "2022-01-13")),
                 id="plural_adjective_needs_coordination"),
])
def test_dates_resolve_coordinated_weekdays(text, story, expected):
    assert _found(text, story) == expected


def test_dates_resolve_coordinated_weekdays_without_story_date_to_unknown():
    assert _found("يومي الأحد والاثنين المقبلين", None) == [("يومي الأحد", None, U), ("الاثنين المقبلين", None, U)]


def test_dates_resolve_coordinated_weekdays_offsets_index_the_raw_text():
    text = "وعقدت اللجنة اجتماعات يوميْ الأحدِ والاثنينِ الماضيَيْن في الرباط"
    found = find_dates(text, THU_2022_01_13)
    assert [(m.start, m.end, m.text) for m in found] == [
        (text.index("يوميْ"), text.index("الأحدِ") + len("الأحدِ"), "يوميْ الأحدِ"),
        (text.index("الاثنينِ"), text.index(" في"), "الاثنينِ الماضيَيْن"),
    ]


# --- one case per line: (text, story, span, date, precision) ----------------------------------------

def _case(text, story, span, date, precision, id):
    return pytest.param(text, story, [(span, dt.date.fromisoformat(date) if date else None, precision)], id=id)


CASES = [
    # day and month, with الجاري or a relative month
    _case("وقع الانفجار في العاشر من مارس الجاري", SUN_2022_03_20, "العاشر من مارس الجاري", "2022-03-10", D,
          id="ordinal_day_current_month"),
    _case("تبدأ الحملة في العاشر من مارس الجاري", SAT_2022_03_05, "العاشر من مارس الجاري", "2022-03-10", D,
          id="ordinal_day_current_month_later_day"),
    _case("وقع الانفجار في العاشر من مارس", SUN_2022_03_20, "العاشر من مارس", "2022-03-10", D,
          id="ordinal_day_month_this_year"),
    _case("وقع الانفجار في العاشر من مارس", SAT_2022_03_05, "العاشر من مارس", "2021-03-10", D,
          id="ordinal_day_month_after_story_goes_back_a_year"),
    _case("وقع الانفجار في العاشر من مارس", THU_2022_01_13, "العاشر من مارس", "2021-03-10", D,
          id="ordinal_day_month_later_month_goes_back_a_year"),
    _case("وقع الانفجار في العاشر من مارس", dt.date(2022, 3, 10), "العاشر من مارس", "2022-03-10", D,
          id="ordinal_day_month_on_story_date"),
    _case("وقع الانفجار في العاشر من الجاري", SUN_2022_03_20, "العاشر من الجاري", "2022-03-10", D,
          id="ordinal_day_of_current_without_month"),
    _case("تبدأ الجولة في العاشر من مارس الشهر المقبل", SUN_2022_02_20, "العاشر من مارس الشهر المقبل",
          "2022-03-10", D, id="day_month_next_month_apposition"),
    _case("تبدأ الجولة في العاشر من يناير الشهر المقبل", MON_2021_12_20, "العاشر من يناير الشهر المقبل",
          "2022-01-10", D, id="day_month_next_month_across_new_year"),
    _case("بدأت الجولة في الخامس من ديسمبر الشهر الماضي", THU_2022_01_13, "الخامس من ديسمبر الشهر الماضي",
          "2021-12-05", D, id="day_month_last_month_apposition"),
    _case("تبدأ الجولة في مارس الشهر المقبل", SUN_2022_02_20, "مارس الشهر المقبل", "2022-03-01", M,
          id="month_next_month_apposition"),
    _case("تجرى الانتخابات في الخامس من يناير العام المقبل", THU_2022_01_13, "الخامس من يناير العام المقبل",
          "2023-01-05", D, id="day_month_next_year"),
    _case("تجرى الانتخابات في العاشر من مارس من العام المقبل", THU_2022_01_13,
          "العاشر من مارس من العام المقبل", "2023-03-10", D, id="day_month_of_next_year"),
    _case("تجرى الانتخابات في العاشر من مارس المقبل", SUN_2022_03_20, "العاشر من مارس المقبل", "2023-03-10", D,
          id="day_month_next_after_story_month"),
    # week edges and parts of a day keep their precision, with the part inside the span
    _case("زار الرباط منتصف الأسبوع الماضي", THU_2022_01_13, "منتصف الأسبوع الماضي", "2022-01-03", W,
          id="middle_of_last_week"),
    _case("زار الرباط وسط الأسبوع الفارط", THU_2022_01_13, "وسط الأسبوع الفارط", "2022-01-03", W,
          id="midst_of_last_week"),
    _case("اجتمع بالسفير مساء أمس", THU_2022_01_13, "مساء أمس", "2022-01-12", D, id="evening_yesterday"),
    _case("وصل الوفد صباح اليوم", THU_2022_01_13, "صباح اليوم", "2022-01-13", D, id="morning_today"),
    _case("اعتقل الناشط فجر الثلاثاء", THU_2022_01_13, "فجر الثلاثاء", "2022-01-11", D, id="dawn_tuesday"),
    _case("اندلع الحريق في وقت متأخر من مساء أمس", THU_2022_01_13, "وقت متأخر من مساء أمس", "2022-01-12", D,
          id="late_in_the_evening_yesterday"),
    # earlier / later today
    _case("أعلنت الوزارة في وقت سابق من اليوم", THU_2022_01_13, "وقت سابق من اليوم", "2022-01-13", D,
          id="earlier_today"),
    _case("ويصل الوفد في وقت لاحق اليوم", THU_2022_01_13, "وقت لاحق اليوم", "2022-01-13", D, id="later_today"),
    _case("قال في وقت سابق اليوم إن", THU_2022_01_13, "وقت سابق اليوم", "2022-01-13", D,
          id="earlier_today_without_min"),
    _case("نفى في وقت سابق من أمس", THU_2022_01_13, "وقت سابق من أمس", "2022-01-12", D, id="earlier_yesterday"),
    # bare week edges: the story's week
    _case("تعقد الجولة نهاية الأسبوع", THU_2022_01_13, "نهاية الأسبوع", "2022-01-10", W, id="end_of_the_week"),
    _case("تعقد الجولة في مطلع الأسبوع", THU_2022_01_13, "مطلع الأسبوع", "2022-01-10", W, id="start_of_the_week"),
    _case("تعقد الجولة نهاية الأسبوع المقبل", THU_2022_01_13, "نهاية الأسبوع المقبل", "2022-01-17", W,
          id="end_of_next_week_still_next_week"),
    # two steps back or ahead
    _case("زار الوفد الأسبوع قبل الماضي", THU_2022_01_13, "الأسبوع قبل الماضي", "2021-12-27", W,
          id="week_before_last"),
    _case("زار الوفد الأسبوع ما قبل الماضي", THU_2022_01_13, "الأسبوع ما قبل الماضي", "2021-12-27", W,
          id="week_before_last_ma"),
    _case("زار الوفد الأسبوع قبل الماضي", TUE_2021_01_05, "الأسبوع قبل الماضي", "2020-12-21", W,
          id="week_before_last_across_new_year"),
    _case("يزور الوفد الأسبوع بعد المقبل", THU_2022_01_13, "الأسبوع بعد المقبل", "2022-01-24", W,
          id="week_after_next"),
    _case("في الشهر قبل الماضي", THU_2022_01_13, "الشهر قبل الماضي", "2021-11-01", M, id="month_before_last"),
    _case("في العام قبل الماضي", THU_2022_01_13, "العام قبل الماضي", "2020-01-01", Y, id="year_before_last"),
    _case("في مارس قبل الماضي", THU_2022_01_13, "مارس قبل الماضي", "2020-03-01", M, id="march_before_last"),
    _case("التقى الثلاثاء قبل الماضي", THU_2022_01_13, "الثلاثاء قبل الماضي", "2022-01-04", D,
          id="tuesday_before_last"),
    _case("يلتقي الثلاثاء بعد المقبل", THU_2022_01_13, "الثلاثاء بعد المقبل", "2022-01-25", D,
          id="tuesday_after_next"),
    _case("في الخامس من الشهر قبل الماضي", THU_2022_01_13, "الخامس من الشهر قبل الماضي", "2021-11-05", D,
          id="day_of_month_before_last"),
]


@pytest.mark.parametrize(("text", "story", "expected"), CASES)
def test_dates_resolve_relative_phrases(text, story, expected):
    assert _found(text, story) == expected


@pytest.mark.parametrize("text", [
    pytest.param("سيعلن القرار في وقت لاحق", id="later_alone_is_not_a_date"),
    pytest.param("ويصل في وقت لاحق من اليوم التالي", id="later_on_the_next_day_is_relative_to_the_event"),
    pytest.param("اجتمع الرئيسان يومي", id="dual_noun_alone"),
])
def test_find_dates_ignores_relative_non_dates(text):
    assert find_dates(text, THU_2022_01_13) == ()
