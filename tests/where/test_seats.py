"""Places of events whose own sentence names none: an actor's seat, a host at home (shipped data)."""
import datetime as dt

import pytest

from marsad.pipeline import Pipeline
from marsad.records import Article


@pytest.fixture(scope="module")
def pipeline():
    return Pipeline()


def _placed(pipeline, text):
    doc = pipeline.run(Article("t", text, dt.date(2020, 2, 13)))
    return sorted((str(e.type), e.source.actor.id, e.target and e.target.actor.id,
                   e.location and e.location.place.id, e.location and e.location.text) for e in doc.events)


def test_meeting_with_an_actor_is_at_his_seat_named_elsewhere_in_the_article(pipeline):
    text = ("استقبل المشير خليفة حفتر في مكتبه بالرجمة أمس سفير فرنسا. "
            "وبحث حفتر ووزير الخارجية الإيطالي اليوم الخميس تأمين الحدود البحرية.")
    assert _placed(pipeline, text) == [("CONSULT", "khalifa_haftar", "france_ambassador", "rajma", "بالرجمة"),
                                       ("CONSULT", "khalifa_haftar", "luigi_di_maio", "rajma", "بالرجمة")]


def test_a_seat_the_article_does_not_name_places_nothing(pipeline):
    text = "وبحث حفتر ووزير الخارجية الإيطالي اليوم الخميس تأمين الحدود البحرية."
    assert _placed(pipeline, text) == [("CONSULT", "khalifa_haftar", "luigi_di_maio", None, None)]


def test_a_host_speaks_at_home_during_a_visit(pipeline):
    text = ("وصل السراج إلى الجزائر أمس في زيارة رسمية. "
            "وجدد الرئيس الجزائري عبد المجيد تبون التأكيد على دعم حكومة الوفاق.")
    assert _placed(pipeline, text) == [("SUPPORT", "abdelmadjid_tebboune", "government_of_national_accord",
                                        "algeria", "الجزائر")]


def test_a_state_named_after_a_visit_is_not_its_destination(pipeline):
    text = "فهل لزيارة رئيس المخابرات الإيطالية أمس لحفتر علاقة بالصفقة أم أن إيطاليا ترغب في تقارب أكبر مع ليبيا؟"
    doc = pipeline.run(Article("t", text, dt.date(2020, 12, 12)))
    assert [(str(e.type), e.target.actor.id, e.location) for e in doc.events] == [
        ("CONSULT", "khalifa_haftar", None)]


def test_the_seat_wins_over_a_place_told_of_another_event_in_the_country(pipeline):
    text = ("استقبل المشير خليفة حفتر في مكتبه بالرجمة أمس سفير فرنسا. "
            "ويأتي ذلك مع تزايد خطر المرتزقة في طرابلس. "
            "وأثنى المشير حفتر في ختام لقائه مع وزير الخارجية الإيطالي لويجي دي مايو على جهود روما.")
    assert [p for p in _placed(pipeline, text) if p[0] == "SUPPORT"] == [
        ("SUPPORT", "khalifa_haftar", "italy", "rajma", "بالرجمة")]
