"""One event told twice in an article is one event with both evidence spans (shipped data)."""
import datetime as dt

import pytest

from marsad.pipeline import Pipeline
from marsad.records import Article


@pytest.fixture(scope="module")
def pipeline():
    return Pipeline()


def _events(pipeline, text):
    doc = pipeline.run(Article("t", text, dt.date(2020, 2, 13)))
    return [(str(e.type), e.mode, e.source.actor.id, e.target.actor.id, len(e.extra_evidence)) for e in doc.events]


def test_headline_and_body_are_one_event(pipeline):
    text = ("حفتر ووزير الخارجية الإيطالي يبحثان تأمين الحدود\n"
            "بحث المشير خليفة حفتر، اليوم الخميس، مع وزير الخارجية الإيطالي لويجي دي مايو تأمين الحدود البحرية.")
    assert _events(pipeline, text) == [("CONSULT", None, "khalifa_haftar", "luigi_di_maio", 1)]


def test_a_meeting_told_again_in_the_body_is_one_event(pipeline):
    text = ("بحث المشير خليفة حفتر، اليوم الخميس، مع وزير الخارجية الإيطالي لويجي دي مايو تأمين الحدود البحرية. "
            "وأثنى حفتر في ختام لقائه مع وزير الخارجية الإيطالي على جهود روما.")
    events = _events(pipeline, text)
    assert [e for e in events if e[0] == "CONSULT"] == [("CONSULT", None, "khalifa_haftar", "luigi_di_maio", 1)]


def test_a_visit_and_the_talks_during_it_stay_two(pipeline):
    text = ("بحث المشير خليفة حفتر، اليوم الخميس، مع وزير الخارجية الإيطالي لويجي دي مايو تأمين الحدود البحرية. "
            "وتعد زيارة وزير الخارجية الإيطالي الثالثة لمسؤول أوروبي استقبله حفتر خلال أسبوع.")
    events = _events(pipeline, text)
    assert [e for e in events if e[0] == "CONSULT"] == [("CONSULT", None, "khalifa_haftar", "luigi_di_maio", 0),
                                                       ("CONSULT", "visit", "luigi_di_maio", "khalifa_haftar", 0)]


def test_a_headline_event_the_body_tells_otherwise_takes_the_leads_date_and_place(pipeline):
    text = ("الشرطة التونسية تعتقل عشرات العمال المحتجين\n"
            "تظاهر مئات العمال التونسيين، أمس الأربعاء، في مدينة صفاقس للمطالبة بتحسين الأجور.")
    doc = pipeline.run(Article("t", text, dt.date(2021, 1, 21)))
    got = [(str(e.type), e.sentence_index, e.date and str(e.date.date), e.location and e.location.place.id)
           for e in doc.events]
    assert got == [("COERCE", 0, "2021-01-20", "sfax"), ("PROTEST", 1, "2021-01-20", "sfax")]
