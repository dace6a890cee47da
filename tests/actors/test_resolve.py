import datetime as dt

import pytest

from marsad.records import Article


def _mentions(pipeline, text, day):
    doc = pipeline.run(Article("t", text, day))
    return [(m.text, m.actor.id, m.actor.code, m.via) for m in doc.mentions]


def test_title_and_name_are_one_mention(mini_pipeline):
    got = _mentions(mini_pipeline, "بحث المشير خليفة حفتر مع وزير الخارجية الإيطالي لويجي دي مايو.", dt.date(2020, 2, 13))
    assert got == [("المشير خليفة حفتر", "khalifa_haftar", "LBYMIL", "title+name"),
                   ("وزير الخارجية الإيطالي لويجي دي مايو", "luigi_di_maio", "ITAGOV", "title+name")]


@pytest.mark.parametrize("day,expected", [
    (dt.date(2020, 6, 1), "fayez_al_sarraj"),
    (dt.date(2022, 6, 1), "mohamed_al_menfi"),
], ids=["2020-sarraj", "2022-menfi"])
def test_same_title_on_two_dates_resolves_to_two_people(mini_pipeline, day, expected):
    got = _mentions(mini_pipeline, "قال رئيس المجلس الرئاسي إن الانتخابات قريبة.", day)
    assert got == [("رئيس المجلس الرئاسي", expected, "LBYGOV", "title")]


def test_title_without_name_codes_role_holder_or_country(mini_pipeline):
    got = _mentions(mini_pipeline, "وصل رئيس المخابرات المصرية. وأعلنت الشرطة الباكستانية.", dt.date(2021, 9, 16))
    assert got == [("رئيس المخابرات المصرية", "abbas_kamel", "EGYSPY", "title"),
                   ("الشرطة الباكستانية", "pakistan_police", "PAKCOP", "generic")]


def test_clitics_on_names(mini_pipeline):
    got = _mentions(mini_pipeline, "رحب بالسراج وحفتر ولحفتر.", dt.date(2020, 2, 13))
    assert [g[:2] for g in got] == [("بالسراج", "fayez_al_sarraj"), ("وحفتر", "khalifa_haftar"),
                                    ("ولحفتر", "khalifa_haftar")]


def test_in_document_resolution_of_honorific_and_short_form(mini_pipeline):
    text = "استقبل المشير خليفة حفتر عقيلة صالح. وقال صالح إن المشير وافق. وصوت لصالح القرار."
    got = _mentions(mini_pipeline, text, dt.date(2021, 9, 16))
    assert got == [("المشير خليفة حفتر", "khalifa_haftar", "LBYMIL", "title+name"),
                   ("عقيلة صالح", "aguila_saleh", "LBYLEG", "name"),
                   ("صالح", "aguila_saleh", "LBYLEG", "short"),
                   ("المشير", "khalifa_haftar", "LBYMIL", "coref")]


def test_short_form_needs_full_name_first(mini_pipeline):
    assert _mentions(mini_pipeline, "وقال صالح إن الاجتماع انتهى.", dt.date(2021, 9, 16)) == []


def test_unknown_person_after_title_is_discovered(mini_pipeline):
    got = _mentions(mini_pipeline, "التقى مساعد وزير الخارجية الأمريكي ديفيد شينكر بالوفد.", dt.date(2020, 1, 23))
    assert len(got) == 1
    text, aid, code, via = got[0]
    assert (text, code, via) == ("مساعد وزير الخارجية الأمريكي ديفيد شينكر", "USAGOV", "discovered")
    assert aid.startswith("new:")


def test_spelling_variant_of_foreign_name_resolves(mini_pipeline):
    got = _mentions(mini_pipeline, "دعا أنطونيو جوتيريس الأطراف.", dt.date(2020, 2, 13))
    assert got == [("أنطونيو جوتيريس", "antonio_guterres", "IGOUN", "name")]


def test_capital_as_metonym_but_not_as_location(mini_pipeline):
    got = _mentions(mini_pipeline, "أشادت روما بالجهود. وعقد الاجتماع في روما.", dt.date(2020, 2, 13))
    assert got == [("روما", "italy", "ITAGOV", "capital")]


@pytest.mark.parametrize("text,expected", [
    ("تظاهر مئات المصريين أمام السفارة.", ("مئات المصريين", "egypt_people", "EGYCVL", "nationals")),
    ("تظاهر عشرات من المصريين أمام السفارة.", ("عشرات من المصريين", "egypt_people", "EGYCVL", "nationals")),
    ("زار وفد في العاصمة المصرية.", None),
], ids=["count", "count-of", "capital-adjective"])
def test_count_before_plural_nationality_names_the_people(mini_pipeline, text, expected):
    got = _mentions(mini_pipeline, text, dt.date(2021, 9, 16))
    assert got == ([expected] if expected else [])


def test_no_name_is_discovered_across_a_time_phrase_or_a_conjunction(mini_pipeline):
    doc = mini_pipeline.run(Article("t", "احتجزت السلطات السفير الإيطالي لساعات وراب يندد بالاحتجاز.", dt.date(2020, 2, 13)))
    assert [(m.text, m.via) for m in doc.mentions] == [("السفير الإيطالي", "title")]
