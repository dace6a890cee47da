"""Resolution of every date-expression family against fixed story dates (GUIDELINES.md, ``date``)."""
from __future__ import annotations

import datetime as dt

import pytest

from marsad.records import DatePrecision
from marsad.when import find_dates

D, W, M, Y, U = (DatePrecision.DAY, DatePrecision.WEEK, DatePrecision.MONTH, DatePrecision.YEAR,
                 DatePrecision.UNKNOWN)
CONFLICT = "weekday_conflict"

THU_2020_02_13 = dt.date(2020, 2, 13)  # a Thursday, mid-month
TUE_2021_01_05 = dt.date(2021, 1, 5)   # first week of a year
THU_2020_12_31 = dt.date(2020, 12, 31)  # last day of a year
FRI_2021_01_01 = dt.date(2021, 1, 1)


def _only(text: str, story: dt.date | None):
    found = find_dates(text, story)
    assert len(found) == 1, found
    return found[0]


def _case(text, story, span, date, precision, flag=None, id=None):
    expected = (span, dt.date.fromisoformat(date) if date else None, precision, flag)
    return pytest.param(text, story, expected, id=id or span)


CASES = [
    # relative days
    _case("بحث الوزير أمس الأربعاء مع نظيره", THU_2020_02_13, "أمس الأربعاء", "2020-02-12", D, id="yesterday_weekday"),
    _case("التقى الوفدان اليوم الخميس في الرباط", THU_2020_02_13, "اليوم الخميس", "2020-02-13", D, id="today_weekday"),
    _case("قال أمس الثلاثاء إن", THU_2020_02_13, "أمس الثلاثاء", "2020-02-12", D, CONFLICT,
          id="yesterday_wrong_weekday_keeps_relative"),
    _case("وصل اليوم (الخميس) إلى", THU_2020_02_13, "اليوم (الخميس)", "2020-02-13", D, id="today_weekday_brackets"),
    _case("أعلن أمس أن", THU_2020_02_13, "أمس", "2020-02-12", D, id="yesterday"),
    _case("جرى ذلك يوم أمس", THU_2020_02_13, "يوم أمس", "2020-02-12", D, id="day_of_yesterday"),
    _case("وقع الهجوم أمس الأول", THU_2020_02_13, "أمس الأول", "2020-02-11", D, id="day_before_yesterday"),
    _case("وقع الهجوم أول أمس", THU_2020_02_13, "أول أمس", "2020-02-11", D, id="day_before_yesterday_inverted"),
    _case("وقع الهجوم أول من أمس", THU_2020_02_13, "أول من أمس", "2020-02-11", D, id="day_before_yesterday_min"),
    _case("يصل الوفد غدا الجمعة", THU_2020_02_13, "غدا الجمعة", "2020-02-14", D, id="tomorrow_weekday"),
    _case("يصل الوفد غداً", THU_2020_02_13, "غداً", "2020-02-14", D, id="tomorrow_tanween"),
    _case("تبدأ المحادثات بعد غد", THU_2020_02_13, "بعد غد", "2020-02-15", D, id="day_after_tomorrow"),
    _case("دوت انفجارات الليلة الماضية", THU_2020_02_13, "الليلة الماضية", "2020-02-12", D, id="last_night"),
    _case("اجتمع مساء أمس بالسفير", THU_2020_02_13, "مساء أمس", "2020-02-12", D, id="evening_yesterday"),
    _case("وعاد صباح اليوم نفسه", THU_2020_02_13, "صباح اليوم نفسه", "2020-02-13", D, id="same_day"),
    _case("وفي اليوم ذاته", THU_2020_02_13, "اليوم ذاته", "2020-02-13", D, id="same_day_dhatihi"),
    _case("وصرح البارحة", THU_2020_02_13, "البارحة", "2020-02-12", D, id="yesterday_barihah"),
    # bare weekdays
    _case("اجتمع الثلاثاء بقادة", THU_2020_02_13, "الثلاثاء", "2020-02-11", D, id="bare_weekday"),
    _case("اجتمع يوم الثلاثاء بقادة", THU_2020_02_13, "يوم الثلاثاء", "2020-02-11", D, id="day_weekday"),
    _case("وصل الوفد والثلاثاء", THU_2020_02_13, "الثلاثاء", "2020-02-11", D, id="weekday_with_wa"),
    _case("التقى الثلاثاء الماضي", THU_2020_02_13, "الثلاثاء الماضي", "2020-02-11", D, id="weekday_past"),
    _case("التقى الخميس بالمبعوث", THU_2020_02_13, "الخميس", "2020-02-13", D, id="weekday_same_day_counts"),
    _case("التقى الجمعة بالمبعوث", THU_2020_02_13, "الجمعة", "2020-02-07", D, id="weekday_friday_previous_week"),
    _case("يزور الثلاثاء المقبل", THU_2020_02_13, "الثلاثاء المقبل", "2020-02-18", D, id="weekday_next"),
    _case("يزور الخميس القادم", THU_2020_02_13, "الخميس القادم", "2020-02-20", D, id="weekday_next_same_day_skips"),
    _case("يزور الجمعة المقبلة", THU_2020_02_13, "الجمعة المقبلة", "2020-02-14", D, id="weekday_next_feminine"),
    _case("اعتقل فجر الأحد", THU_2020_02_13, "فجر الأحد", "2020-02-09", D, id="dawn_weekday"),
    # day and month
    _case("وقع في 5 فبراير الجاري", THU_2020_02_13, "5 فبراير الجاري", "2020-02-05", D, id="day_current_month"),
    _case("موعد 20 فبراير الجاري", THU_2020_02_13, "20 فبراير الجاري", "2020-02-20", D,
          id="day_current_month_later_day"),
    _case("وقع في 5 فبراير", THU_2020_02_13, "5 فبراير", "2020-02-05", D, id="day_month_no_year"),
    _case("وقع في 20 فبراير", THU_2020_02_13, "20 فبراير", "2019-02-20", D,
          id="day_month_no_year_after_story_goes_back_a_year"),
    _case("انطلقت في 24 ديسمبر", TUE_2021_01_05, "24 ديسمبر", "2020-12-24", D, id="day_month_across_new_year"),
    _case("وقع في 5 فبراير 2021", THU_2020_02_13, "5 فبراير 2021", "2021-02-05", D, id="day_month_year"),
    _case("وقع في 5 فبراير/شباط 2021", THU_2020_02_13, "5 فبراير/شباط 2021", "2021-02-05", D,
          id="day_month_pair_year"),
    _case("وقع في 5 شباط (فبراير) 2021", THU_2020_02_13, "5 شباط (فبراير) 2021", "2021-02-05", D,
          id="day_month_pair_brackets"),
    _case("في 3 تشرين الأول 2019", THU_2020_02_13, "3 تشرين الأول 2019", "2019-10-03", D, id="levantine_month"),
    _case("في 1 كانون الثاني 2020", THU_2020_02_13, "1 كانون الثاني 2020", "2020-01-01", D, id="levantine_january"),
    _case("في 7 جويلية 2019", THU_2020_02_13, "7 جويلية 2019", "2019-07-07", D, id="maghrebi_month"),
    _case("في 9 غشت 2019", THU_2020_02_13, "9 غشت 2019", "2019-08-09", D, id="moroccan_month"),
    _case("في 11 دجنبر 2019", THU_2020_02_13, "11 دجنبر 2019", "2019-12-11", D, id="moroccan_december"),
    _case("في الخامس من فبراير", THU_2020_02_13, "الخامس من فبراير", "2020-02-05", D, id="ordinal_day"),
    _case("في الخامس عشر من فبراير", THU_2020_02_13, "الخامس عشر من فبراير", "2019-02-15", D,
          id="ordinal_compound_day"),
    _case("في الحادي والعشرين من شهر مارس 2019", THU_2020_02_13, "الحادي والعشرين من شهر مارس 2019",
          "2019-03-21", D, id="ordinal_twenty_first_month_noun"),
    _case("يوم 5 فبراير من العام الماضي", THU_2020_02_13, "يوم 5 فبراير من العام الماضي", "2019-02-05", D,
          id="day_month_of_last_year"),
    _case("في ٥ فبراير ٢٠٢١", THU_2020_02_13, "٥ فبراير ٢٠٢١", "2021-02-05", D, id="arabic_indic_digits"),
    _case("في 12 الجاري", THU_2020_02_13, "12 الجاري", "2020-02-12", D, id="day_of_current_month"),
    _case("في العاشر من الشهر الماضي", THU_2020_02_13, "العاشر من الشهر الماضي", "2020-01-10", D,
          id="day_of_last_month"),
    # weekday next to an explicit date
    _case("الخميس 6 فبراير 2020", THU_2020_02_13, "الخميس 6 فبراير 2020", "2020-02-06", D, id="weekday_date_agree"),
    _case("الأربعاء 6 فبراير 2020", THU_2020_02_13, "الأربعاء 6 فبراير 2020", "2020-02-06", D, CONFLICT,
          id="weekday_date_conflict_explicit_wins"),
    _case("يوم الخميس الموافق 6 فبراير", THU_2020_02_13, "يوم الخميس الموافق 6 فبراير", "2020-02-06", D,
          id="weekday_corresponding_date"),
    _case("اليوم الخميس 13 فبراير 2020", THU_2020_02_13, "اليوم الخميس 13 فبراير 2020", "2020-02-13", D,
          id="today_weekday_date"),
    _case("اليوم 12 فبراير 2020", THU_2020_02_13, "اليوم 12 فبراير 2020", "2020-02-12", D, "relative_conflict",
          id="today_with_other_date_explicit_wins"),
    # numeric dates (day first)
    _case("بتاريخ 24/12/2019", THU_2020_02_13, "24/12/2019", "2019-12-24", D, id="numeric_dmy_slash"),
    _case("بتاريخ 2019/12/24", THU_2020_02_13, "2019/12/24", "2019-12-24", D, id="numeric_ymd_slash"),
    _case("بتاريخ 24-12-2019", THU_2020_02_13, "24-12-2019", "2019-12-24", D, id="numeric_dmy_dash"),
    _case("بتاريخ 3/2/2020", THU_2020_02_13, "3/2/2020", "2020-02-03", D, id="numeric_day_first"),
    _case("بتاريخ ٢٤/١٢/٢٠١٩", THU_2020_02_13, "٢٤/١٢/٢٠١٩", "2019-12-24", D, id="numeric_arabic_indic"),
    # months
    _case("منذ فبراير الماضي", THU_2020_02_13, "فبراير الماضي", "2019-02-01", M,
          id="month_past_is_strictly_before_story_month"),
    _case("في يناير الماضي", THU_2020_02_13, "يناير الماضي", "2020-01-01", M, id="month_past_same_year"),
    _case("في ديسمبر الماضي", TUE_2021_01_05, "ديسمبر الماضي", "2020-12-01", M, id="month_past_across_new_year"),
    _case("في فبراير المقبل", THU_2020_02_13, "فبراير المقبل", "2021-02-01", M, id="month_next_strictly_after"),
    _case("في مارس المقبل", THU_2020_02_13, "مارس المقبل", "2020-03-01", M, id="month_next_same_year"),
    _case("في يناير المقبل", THU_2020_12_31, "يناير المقبل", "2021-01-01", M, id="month_next_across_new_year"),
    _case("في فبراير 2021", THU_2020_02_13, "فبراير 2021", "2021-02-01", M, id="month_year"),
    _case("في شباط/فبراير 2021", THU_2020_02_13, "شباط/فبراير 2021", "2021-02-01", M, id="month_pair_year"),
    _case("في شهر فبراير", THU_2020_02_13, "شهر فبراير", "2020-02-01", M, id="month_noun"),
    _case("في شهر مارس", THU_2020_02_13, "شهر مارس", "2019-03-01", M, id="month_noun_later_month_goes_back"),
    _case("انتخابات في يونيو", THU_2020_02_13, "يونيو", "2019-06-01", M, id="month_after_preposition"),
    _case("منذ آب الماضي", THU_2020_02_13, "آب الماضي", "2019-08-01", M, id="levantine_month_past"),
    _case("في مطلع فبراير 2021", THU_2020_02_13, "مطلع فبراير 2021", "2021-02-01", M, id="start_of_month_year"),
    _case("في أواخر مارس", THU_2020_02_13, "أواخر مارس", "2019-03-01", M, id="end_of_month"),
    _case("فبراير من العام الماضي", THU_2020_02_13, "فبراير من العام الماضي", "2019-02-01", M,
          id="month_of_last_year"),
    # years
    _case("اندلعت في 2011", THU_2020_02_13, "2011", "2011-01-01", Y, id="year_after_fi"),
    _case("اندلعت عام 2011", THU_2020_02_13, "عام 2011", "2011-01-01", Y, id="year_am"),
    _case("اندلعت سنة 2011", THU_2020_02_13, "سنة 2011", "2011-01-01", Y, id="year_sana"),
    _case("ثورة العام 2011", THU_2020_02_13, "العام 2011", "2011-01-01", Y, id="year_al_am"),
    _case("في عام 2011م", THU_2020_02_13, "عام 2011م", "2011-01-01", Y, id="year_with_gregorian_mark"),
    _case("منذ 2011", THU_2020_02_13, "2011", "2011-01-01", Y, id="year_since"),
    _case("حتى 2030", THU_2020_02_13, "2030", "2030-01-01", Y, id="year_until"),
    _case("في مطلع 2021", THU_2020_02_13, "مطلع 2021", "2021-01-01", Y, id="start_of_year_keeps_year"),
    # weeks
    _case("زار الأسبوع الماضي", THU_2020_02_13, "الأسبوع الماضي", "2020-02-03", W, id="last_week"),
    _case("زار الأسبوع الفائت", THU_2020_02_13, "الأسبوع الفائت", "2020-02-03", W, id="last_week_faait"),
    _case("زار الأسبوع الفارط", THU_2020_02_13, "الأسبوع الفارط", "2020-02-03", W, id="last_week_faarit"),
    _case("زار الأسبوع المنصرم", THU_2020_02_13, "الأسبوع المنصرم", "2020-02-03", W, id="last_week_munsarim"),
    _case("زار وسط الأسبوع الفارط", THU_2020_02_13, "وسط الأسبوع الفارط", "2020-02-03", W, id="midweek_last_week"),
    _case("زار منتصف الأسبوع الماضي", THU_2020_02_13, "منتصف الأسبوع الماضي", "2020-02-03", W,
          id="middle_of_last_week"),
    _case("زار الأسبوع الجاري", THU_2020_02_13, "الأسبوع الجاري", "2020-02-10", W, id="this_week_jari"),
    _case("زار الأسبوع الحالي", THU_2020_02_13, "الأسبوع الحالي", "2020-02-10", W, id="this_week_hali"),
    _case("زار هذا الأسبوع", THU_2020_02_13, "هذا الأسبوع", "2020-02-10", W, id="this_week_hatha"),
    _case("يزور الأسبوع المقبل", THU_2020_02_13, "الأسبوع المقبل", "2020-02-17", W, id="next_week"),
    _case("زار الأسبوع الماضي", TUE_2021_01_05, "الأسبوع الماضي", "2020-12-28", W, id="last_week_across_new_year"),
    _case("يزور الأسبوع المقبل", THU_2020_12_31, "الأسبوع المقبل", "2021-01-04", W, id="next_week_across_new_year"),
    # months and years as words
    _case("في الشهر الماضي", THU_2020_02_13, "الشهر الماضي", "2020-01-01", M, id="last_month"),
    _case("في الشهر الماضي", TUE_2021_01_05, "الشهر الماضي", "2020-12-01", M, id="last_month_across_new_year"),
    _case("في الشهر الجاري", THU_2020_02_13, "الشهر الجاري", "2020-02-01", M, id="this_month"),
    _case("في الشهر المقبل", THU_2020_12_31, "الشهر المقبل", "2021-01-01", M, id="next_month_across_new_year"),
    _case("في مطلع الشهر الجاري", THU_2020_02_13, "مطلع الشهر الجاري", "2020-02-01", M, id="start_of_this_month"),
    _case("في أوائل الشهر الجاري", THU_2020_02_13, "أوائل الشهر الجاري", "2020-02-01", M,
          id="early_this_month"),
    _case("في بداية الشهر الجاري", THU_2020_02_13, "بداية الشهر الجاري", "2020-02-01", M,
          id="beginning_this_month"),
    _case("في منتصف الشهر الماضي", THU_2020_02_13, "منتصف الشهر الماضي", "2020-01-01", M,
          id="middle_of_last_month"),
    _case("في أواخر الشهر المقبل", THU_2020_02_13, "أواخر الشهر المقبل", "2020-03-01", M,
          id="end_of_next_month"),
    _case("في نهاية الشهر الجاري", THU_2020_02_13, "نهاية الشهر الجاري", "2020-02-01", M,
          id="end_of_this_month"),
    _case("في العام الماضي", THU_2020_02_13, "العام الماضي", "2019-01-01", Y, id="last_year"),
    _case("في العام الجاري", THU_2020_02_13, "العام الجاري", "2020-01-01", Y, id="this_year_jari"),
    _case("في العام الحالي", THU_2020_02_13, "العام الحالي", "2020-01-01", Y, id="this_year_hali"),
    _case("في العام المقبل", THU_2020_02_13, "العام المقبل", "2021-01-01", Y, id="next_year"),
    _case("في السنة الماضية", THU_2020_02_13, "السنة الماضية", "2019-01-01", Y, id="last_year_feminine"),
    _case("في أواخر العام الماضي", THU_2020_02_13, "أواخر العام الماضي", "2019-01-01", Y, id="end_of_last_year"),
    # durations
    _case("قبل ثلاثة أيام", THU_2020_02_13, "قبل ثلاثة أيام", "2020-02-10", D, id="three_days_ago_words"),
    _case("قبل 3 أيام", THU_2020_02_13, "قبل 3 أيام", "2020-02-10", D, id="three_days_ago_digits"),
    _case("قبل يومين", THU_2020_02_13, "قبل يومين", "2020-02-11", D, id="two_days_ago_dual"),
    _case("قبل 15 يوما", THU_2020_02_13, "قبل 15 يوما", "2020-01-29", D, id="fifteen_days_ago"),
    _case("منذ ثلاثة أيام", THU_2020_02_13, "منذ ثلاثة أيام", "2020-02-10", D, id="since_three_days"),
    _case("قبل أسبوعين", THU_2020_02_13, "قبل أسبوعين", "2020-01-27", W, id="two_weeks_ago"),
    _case("منذ أسبوع", TUE_2021_01_05, "منذ أسبوع", "2020-12-28", W, id="a_week_ago_across_new_year"),
    _case("قبل شهرين", THU_2020_02_13, "قبل شهرين", "2019-12-01", M, id="two_months_ago"),
    _case("قبل نحو ثلاثة أشهر", THU_2020_02_13, "قبل نحو ثلاثة أشهر", "2019-11-01", M,
          id="about_three_months_ago"),
    _case("قبل عامين", THU_2020_02_13, "قبل عامين", "2018-01-01", Y, id="two_years_ago"),
    _case("منذ عام", THU_2020_02_13, "منذ عام", "2019-01-01", Y, id="a_year_ago"),
    # Hijri
    _case("في 15 رمضان 1442", THU_2020_02_13, "15 رمضان 1442", "2021-04-27", D, id="hijri_day"),
    _case("في 15 رمضان 1442 هـ", THU_2020_02_13, "15 رمضان 1442 هـ", "2021-04-27", D, id="hijri_day_marker"),
    _case("في 15 رمضان 1442هـ", THU_2020_02_13, "15 رمضان 1442هـ", "2021-04-27", D, id="hijri_marker_attached"),
    _case("في العاشر من محرم", TUE_2021_01_05, "العاشر من محرم", "2020-08-29", D, id="hijri_day_no_year"),
    _case("في رمضان الماضي", THU_2020_02_13, "رمضان الماضي", "2019-05-01", M, id="hijri_month_past"),
    _case("في رمضان 1441", THU_2020_02_13, "رمضان 1441", "2020-04-01", M, id="hijri_month_year"),
    # leap years
    _case("في 29 فبراير 2020", TUE_2021_01_05, "29 فبراير 2020", "2020-02-29", D, id="leap_day_in_leap_year"),
    _case("في 29 فبراير 2021", TUE_2021_01_05, "29 فبراير 2021", None, U, id="leap_day_in_common_year_unknown"),
    _case("في 29 فبراير", TUE_2021_01_05, "29 فبراير", "2020-02-29", D, id="leap_day_no_year"),
    _case("في 29 فبراير", dt.date(2023, 3, 1), "29 فبراير", "2020-02-29", D, id="leap_day_no_year_skips_years"),
    _case("في 29 فبراير", dt.date(2024, 2, 29), "29 فبراير", "2024-02-29", D, id="leap_day_on_story_date"),
    _case("أعلن أمس", dt.date(2024, 3, 1), "أمس", "2024-02-29", D, id="yesterday_is_leap_day"),
    _case("في 31 أبريل", THU_2020_02_13, "31 أبريل", None, U, id="impossible_day_unknown"),
    # year boundaries
    _case("أعلن أمس الخميس", FRI_2021_01_01, "أمس الخميس", "2020-12-31", D, id="yesterday_across_new_year"),
    _case("يصل غدا", THU_2020_12_31, "غدا", "2021-01-01", D, id="tomorrow_across_new_year"),
    _case("يصل السبت المقبل", THU_2020_12_31, "السبت المقبل", "2021-01-02", D, id="next_weekday_across_new_year"),
    _case("اجتمع الخميس", TUE_2021_01_05, "الخميس", "2020-12-31", D, id="weekday_across_new_year"),
    # no story date
    _case("أعلن أمس الأربعاء", None, "أمس الأربعاء", None, U, id="no_story_relative_unknown"),
    _case("اجتمع الثلاثاء", None, "الثلاثاء", None, U, id="no_story_weekday_unknown"),
    _case("في 5 فبراير", None, "5 فبراير", None, U, id="no_story_day_month_unknown"),
    _case("في 5 فبراير 2021", None, "5 فبراير 2021", "2021-02-05", D, id="no_story_absolute_resolves"),
    _case("عام 2011", None, "عام 2011", "2011-01-01", Y, id="no_story_year_resolves"),
    _case("الأسبوع الماضي", None, "الأسبوع الماضي", None, U, id="no_story_week_unknown"),
]


@pytest.mark.parametrize(("text", "story", "expected"), CASES)
def test_dates_resolve(text, story, expected):
    m = _only(text, story)
    assert (m.text, m.date, m.precision, m.flag) == expected


def test_dates_resolve_every_mention_of_a_sentence_in_order():
    text = "التقى الوزير أمس الأربعاء بنظيره، بعد اتصال جرى الأسبوع الماضي، على أن يعودا في مارس المقبل."
    found = find_dates(text, THU_2020_02_13)
    assert [(m.text, m.date, m.precision) for m in found] == [
        ("أمس الأربعاء", dt.date(2020, 2, 12), D),
        ("الأسبوع الماضي", dt.date(2020, 2, 3), W),
        ("مارس المقبل", dt.date(2020, 3, 1), M),
    ]


def test_dates_resolve_hijri_and_gregorian_pair_separately():
    text = "الثلاثاء 15 رمضان 1442 هـ الموافق 27 أبريل 2021"
    found = find_dates(text, None)
    assert [(m.text, m.date, m.flag) for m in found] == [
        ("الثلاثاء 15 رمضان 1442 هـ", dt.date(2021, 4, 27), None),
        ("27 أبريل 2021", dt.date(2021, 4, 27), None),
    ]


@pytest.mark.parametrize("story", [dt.date(1, 1, 1), dt.date(9999, 12, 31)], ids=["min_date", "max_date"])
def test_dates_resolve_out_of_range_story_date_to_unknown(story):
    found = find_dates("أمس والشهر المقبل و15 رمضان وقبل عامين و24 ديسمبر", story)
    assert all((m.date is None) == (m.precision is U) for m in found)
    assert len(found) == 5
