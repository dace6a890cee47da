"""Property tests: date finding and story-date inference never crash and return valid spans."""
from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from marsad.records import DatePrecision
from marsad.when import find_dates, infer_story_date
from marsad.when.expressions import lexicon

ARABIC = "".join(chr(c) for c in range(0x0621, 0x0653)) + "ـًٌٍَُِّْٰ٠١٢٣٤٥٦٧٨٩«»،؛؟"


def _vocabulary() -> list[str]:
    lex = lexicon()
    words = [*lex.months, *lex.hijri_months, *lex.weekdays, *lex.relative_days, *lex.relative, *lex.units,
             *lex.numbers, *lex.ordinals]
    for values in lex.lists.values():
        words.extend(values)
    return sorted(set(words))


_pieces = st.one_of(
    st.text(),
    st.text(alphabet=ARABIC + " 0123456789/-.+", max_size=30),
    st.sampled_from(_vocabulary()),
    st.integers(min_value=0, max_value=3000).map(str),
    st.sampled_from([" ", "\n", "، ", "/", "-", "(", ")", "هـ", "م"]),
)
texts = st.lists(_pieces, max_size=25).map("".join)
story_dates = st.one_of(st.none(), st.dates())


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=texts, story=story_dates)
def test_find_dates_never_crashes_and_spans_are_valid(text, story):
    found = find_dates(text, story)
    previous_end = 0
    for m in found:
        assert 0 <= m.start < m.end <= len(text)
        assert m.start >= previous_end
        assert text[m.start:m.end] == m.text
        assert (m.date is None) == (m.precision is DatePrecision.UNKNOWN)
        previous_end = m.end


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=texts)
def test_infer_story_date_never_crashes_and_confidence_is_bounded(text):
    date, confidence = infer_story_date(text)
    assert 0.0 <= confidence <= 1.0
    assert (date is None) == (confidence == 0.0)


@settings(max_examples=200, deadline=None)
@given(story=st.dates(min_value=dt.date(1930, 1, 1), max_value=dt.date(2070, 12, 31)))
def test_relative_dates_resolve_for_any_story_date(story):
    found = find_dates("أمس الأربعاء والثلاثاء المقبل والأسبوع الماضي و29 فبراير و15 رمضان ورمضان الماضي", story)
    assert len(found) == 6
    assert all(m.date is not None for m in found)
    yesterday, next_tuesday, last_week, leap_day, _, _ = (m.date for m in found)
    assert yesterday == story - dt.timedelta(days=1)
    assert next_tuesday.weekday() == 1 and 1 <= (next_tuesday - story).days <= 7
    assert last_week.weekday() == 0 and 7 <= (story - last_week).days <= 13
    assert (leap_day.month, leap_day.day) == (2, 29) and leap_day <= story
