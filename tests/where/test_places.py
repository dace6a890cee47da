import datetime as dt

from marsad.arabic.normalize import normalize
from marsad.pipeline import Pipeline
from marsad.records import Article
from marsad.where import find_places, shipped_gazetteer


def _places(text):
    gaz = shipped_gazetteer()
    return [(p.text, p.place.id, p.place.country) for p in find_places(text, normalize(text), gaz)]


def test_tripoli_resolves_to_libya_in_a_libyan_story():
    got = _places("وصل المبعوث إلى طرابلس قادما من بنغازي.")
    assert ("طرابلس", "tripoli_lby", "LBY") in got and ("بنغازي", "benghazi", "LBY") in got


def test_tripoli_resolves_to_lebanon_in_a_lebanese_story():
    got = _places("شهدت طرابلس اشتباكات بين مسلحين في شمال لبنان قرب بيروت.")
    assert ("طرابلس", "tripoli_lbn", "LBN") in got


def test_event_location_is_where_it_happened_not_every_place_named():
    doc = Pipeline().run(Article("t", "استقبل المشير خليفة حفتر في الرجمة وزير الخارجية الإيطالي لويجي دي مايو "
                                      "القادم من روما.", dt.date(2020, 2, 13)))
    assert [(str(e.type), e.location and e.location.place.id) for e in doc.events] == [("CONSULT", "rajma")]


def test_visit_location_is_its_destination():
    doc = Pipeline().run(Article("t", "وصل وزير الخارجية الإيطالي لويجي دي مايو إلى بنغازي في زيارة إلى المشير "
                                      "خليفة حفتر.", dt.date(2020, 2, 13)))
    locs = {(str(e.type), e.location and e.location.place.id) for e in doc.events}
    assert ("CONSULT", "benghazi") in locs


def test_a_capital_named_by_its_state_adjective_is_that_capital():
    assert _places("تعقد القمة في العاصمة الجزائرية الأسبوع المقبل.") == [("العاصمة الجزائرية", "algiers", "DZA")]


def test_a_province_of_the_actors_own_state_still_places_the_event():
    doc = Pipeline().run(Article("t", "قتل مسلحون أربعة جنود من الجيش الباكستاني في هجوم على نقطة تفتيش بإقليم بلوشستان.",
                                 dt.date(2021, 3, 3)))
    assert [(str(e.type), e.location and e.location.place.id) for e in doc.events] == [("ASSAULT", "balochistan")]


def test_a_place_far_after_a_visit_is_not_its_destination():
    doc = Pipeline().run(Article("t", "وجاءت زيارة رئيس المخابرات الإيطالية أمس لحفتر بعد أسابيع من الجدل السياسي "
                                      "الحاد الذي أثارته الصفقة بين حفتر وإيطاليا.", dt.date(2021, 1, 23)))
    assert [(str(e.type), e.location and e.location.place.id) for e in doc.events if e.type == "CONSULT"] == [
        ("CONSULT", None)]


def _event_places(text, day=dt.date(2023, 9, 20)):
    doc = Pipeline().run(Article("t", text, day))
    return sorted((str(e.type), e.location and e.location.place.id) for e in doc.events)


def test_a_town_after_a_site_only_says_where_the_site_lies():
    assert _event_places("وصلت إلى مطار بنينا في بنغازي، صباح اليوم، طائرات مساعدات من الأردن لمتضرري الفيضانات.") == [
        ("AID", "benina_airport")]


def test_aid_happens_where_it_arrives_but_not_at_a_place_of_the_next_clause():
    assert _event_places("أرسلت الجزائر، أمس الثلاثاء، مساعدات غذائية إلى السودان.") == [("AID", "sudan")]
    assert _event_places("تساند مجموعة فاغنر قوات حفتر، وتسلل عدد من عناصرها إلى تونس.") == [("AID", None)]


def test_a_protest_in_front_of_a_landmark_happens_there():
    assert _event_places("تظاهر مئات الطلاب أمام قصر قرطاج، اليوم الاثنين، للمطالبة بإطلاق سراح زملائهم.") == [
        ("PROTEST", "carthage_palace")]


def test_a_place_the_gazetteer_lacks_is_kept_after_a_cue_of_its_kind():
    assert [(p.text, p.place.id, p.place.kind, p.place.lat) for p in
            find_places("تظاهر مئات الطلاب في مدينة زيغينشور وفي منطقة عازلة.",
                        normalize("تظاهر مئات الطلاب في مدينة زيغينشور وفي منطقة عازلة."), shipped_gazetteer())] == [
        ("مدينة زيغينشور", "unlisted_زيغينشور", "city", None)]
    assert _event_places("واندلعت مواجهات بين محتجين وقوات الأمن في مدينة زيغينشور جنوبي البلاد، قُتل خلالها "
                         "شخصان على الأقل.") == [("ASSAULT", "unlisted_زيغينشور")]
