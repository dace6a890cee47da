import datetime as dt

import pytest

from marsad.records import Article


def _events(pipeline, text, day=dt.date(2020, 2, 13)):
    doc = pipeline.run(Article("t", text, day))
    return [(str(e.type), e.source and e.source.actor.id, e.target and e.target.actor.id, str(e.modality),
             e.date.date.isoformat() if e.date and e.date.date else None) for e in doc.events]


def test_vso_with_time_phrase_between_verb_and_object(mini_pipeline):
    text = "بحث المشير خليفة حفتر، اليوم الخميس، مع وزير الخارجية الإيطالي لويجي دي مايو تأمين الحدود."
    assert _events(mini_pipeline, text) == [("CONSULT", "khalifa_haftar", "luigi_di_maio", "asserted", "2020-02-13")]


def test_svo_headline_with_coordinated_pair(mini_pipeline):
    text = "حفتر ووزير الخارجية الإيطالي يبحثان تأمين الحدود"
    assert _events(mini_pipeline, text) == [("CONSULT", "khalifa_haftar", "luigi_di_maio", "asserted", None)]


def test_praise_with_preposition_target(mini_pipeline):
    assert _events(mini_pipeline, "وأثنى المشير خليفة حفتر على روما.") == [
        ("SUPPORT", "khalifa_haftar", "italy", "asserted", None)]


@pytest.mark.parametrize("text,modality", [
    ("لم يلتق السراج حفتر.", "negated"),
    ("سيزور السراج روما.", "planned"),
    ("هل يلتقي السراج حفتر؟", "hypothetical"),
    ("فهل للقاء السراج أمس بحفتر علاقة بالاتفاق؟", "asserted"),
    ("هل تنجح زيارة السراج المرتقبة إلى روما؟", "planned"),
], ids=["negated", "planned", "question", "question-presupposes-a-nominal-event", "awaited-visit"])
def test_modality(mini_pipeline, text, modality):
    got = _events(mini_pipeline, text)
    assert got and all(e[3] == modality for e in got)


def test_nominal_visit_with_genitive_source_and_lam_target(mini_pipeline):
    text = "وجاءت زيارة رئيس المخابرات المصرية أمس لحفتر في الرجمة."
    assert _events(mini_pipeline, text, dt.date(2021, 1, 23)) == [
        ("CONSULT", "abbas_kamel", "khalifa_haftar", "asserted", "2021-01-22")]


def test_no_event_without_actors(mini_pipeline):
    assert _events(mini_pipeline, "بحث الاجتماع تأمين الحدود البحرية.") == []


def test_headline_event_takes_the_date_the_body_gives_it(mini_pipeline):
    # the headline names Haftar and Italy; the body retells the meeting with other actors and a date
    text = "حفتر ووزير الخارجية الإيطالي يبحثان تأمين الحدود\nبحث المشير خليفة حفتر، أمس الأربعاء، مع روما تأمين الحدود."
    got = _events(mini_pipeline, text)
    assert ("CONSULT", "khalifa_haftar", "luigi_di_maio", "asserted", "2020-02-12") in got


def test_undated_meeting_takes_the_date_of_its_later_retelling(mini_pipeline):
    # the first sentence recalls meetings without a date; the next tells one of them with its date
    text = ("وكان المشير خليفة حفتر قد التقى مسؤولين عن إيطاليا. "
            "وفي 5 فبراير الجاري، استقبل المشير خليفة حفتر وزير الخارجية الإيطالي لويجي دي مايو في الرجمة.")
    got = _events(mini_pipeline, text)
    assert ("CONSULT", "khalifa_haftar", "italy", "asserted", "2020-02-05") in got


def test_raw_to_norm_table_is_the_inverse_of_the_deletions():
    """The raw -> normalised table gives, at every raw offset, the offset less the deletions before it."""
    import random
    from bisect import bisect_left

    from marsad.arabic.normalize import normalize
    from marsad.events.coder import _raw_to_norm

    rng = random.Random(7)
    for _ in range(500):
        raw = "".join(rng.choice("ابت \u064e\u0651\u0640") for _ in range(rng.randint(0, 30)))
        norm = normalize(raw)
        raw_dels = [p + k for k, p in enumerate(norm._dels)]
        r2n = _raw_to_norm(norm)
        assert [r2n(i) for i in range(len(raw) + 1)] == [i - bisect_left(raw_dels, i) for i in range(len(raw) + 1)]
