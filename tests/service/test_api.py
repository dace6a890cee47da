"""Query functions of the service over a small database coded from self-written sentences."""
import datetime as dt

import pytest

from marsad.records import Article
from marsad.service import api
from marsad.store import Store

ARTICLES = [
    Article("t-1", "بحث المشير خليفة حفتر، اليوم الخميس، مع وزير الخارجية الإيطالي لويجي دي مايو في الرجمة "
            "تأمين الحدود البحرية.", dt.date(2020, 2, 13), title="لقاء الرجمة"),
    Article("t-2", "اتهم رئيس المجلس الرئاسي فائز السراج، أمس الأربعاء، خليفة حفتر بعرقلة الحوار السياسي "
            "في طرابلس الغرب.", dt.date(2020, 2, 13)),
    Article("t-3", "استقبل رئيس مجلس النواب عقيلة صالح في روما وزير الخارجية الإيطالي لويجي دي مايو يوم الاثنين.",
            dt.date(2020, 3, 4)),
    Article("t-4", "التقى وزير الخارجية الإيطالي لويجي دي مايو المشير خليفة حفتر اليوم الخميس في الرجمة.",
            dt.date(2020, 2, 13)),
]


@pytest.fixture(scope="module")
def con(tmp_path_factory, mini_pipeline):
    path = tmp_path_factory.mktemp("service") / "t.duckdb"
    with Store(path) as store:
        store.save(mini_pipeline.run_batch(ARTICLES))
    c = api.connect(path)
    yield c
    c.close()


def docs(result):
    return [(e["doc_id"], e["type"]) for e in result["events"]]


def test_events_are_listed_newest_first(con):
    r = api.events(con, {})
    assert r["total"] == 4 and r["limit"] == 100 and r["offset"] == 0
    assert docs(r) == [("t-3", "CONSULT"), ("t-1", "CONSULT"), ("t-4", "CONSULT"), ("t-2", "ACCUSE")]
    assert r["events"][0]["source"]["id"] == "aguila_saleh"
    assert r["events"][0]["location"]["id"] == "rome"


@pytest.mark.parametrize("params, expected", [
    ({"type": "ACCUSE"}, ["t-2"]),
    ({"type": "accuse,consult"}, ["t-3", "t-1", "t-4", "t-2"]),
    ({"actor": "luigi_di_maio"}, ["t-3", "t-1", "t-4"]),
    ({"actor": "fayez_al_sarraj"}, ["t-2"]),
    ({"country": "ita"}, ["t-3", "t-1", "t-4"]),
    ({"code": "LBYLEG"}, ["t-3"]),
    ({"code": "LBY"}, ["t-3", "t-1", "t-4", "t-2"]),
    ({"place": "al_rajma"}, ["t-1", "t-4"]),
    ({"from": "2020-02-13", "to": "2020-02-13"}, ["t-1", "t-4"]),
    ({"to": "2020-02-12"}, ["t-2"]),
    ({"modality": "asserted"}, ["t-3", "t-1", "t-4", "t-2"]),
    ({"modality": "negated,planned"}, []),
    ({"q": "الرجمه"}, ["t-1", "t-4"]),
    ({"q": "Haftar"}, ["t-1", "t-4", "t-2"]),
    ({"q": "عرقلة الحوار"}, ["t-2"]),
    ({"type": "CONSULT", "actor": "khalifa_haftar", "from": "2020-02-13"}, ["t-1", "t-4"]),
    ({"type": "", "actor": "", "q": ""}, ["t-3", "t-1", "t-4", "t-2"]),
], ids=["type", "types-lowercase", "actor-either-side", "actor-source", "country", "code", "code-prefix", "place",
        "one-day", "up-to", "modality", "no-modality", "q-arabic-normalised", "q-english-name", "q-evidence",
        "combined", "empty-means-absent"])
def test_event_filters(con, params, expected):
    assert [d for d, _ in docs(api.events(con, params))] == expected


def test_min_confidence_keeps_events_at_or_above(con):
    scores = sorted(e["confidence"] for e in api.events(con, {})["events"])
    top = scores[-1]
    kept = api.events(con, {"min_confidence": str(top)})["events"]
    assert kept and all(e["confidence"] >= top for e in kept)
    assert api.events(con, {"min_confidence": "0"})["total"] == 4


def test_dedup_merges_the_same_meeting_reported_twice(con):
    r = api.events(con, {"dedup": "1"})
    assert r["total"] == 3
    assert sorted(d for d, _ in docs(r))[1:] == ["t-2", "t-3"]
    assert docs(r)[1][0] in ("t-1", "t-4")
    assert api.events(con, {"dedup": "0"})["total"] == 4


def test_events_page_with_limit_and_offset(con):
    r = api.events(con, {"limit": "2", "offset": "1"})
    assert r["total"] == 4 and docs(r) == [("t-1", "CONSULT"), ("t-4", "CONSULT")]


@pytest.mark.parametrize("params, name", [
    ({"from": "2020-02-30"}, "from"),
    ({"to": "13/02/2020"}, "to"),
    ({"from": "2020-03-01", "to": "2020-02-01"}, "from"),
    ({"type": "MEET"}, "type"),
    ({"modality": "likely"}, "modality"),
    ({"min_confidence": "2"}, "min_confidence"),
    ({"min_confidence": "high"}, "min_confidence"),
    ({"limit": "0"}, "limit"),
    ({"offset": "-1"}, "offset"),
    ({"dedup": "maybe"}, "dedup"),
    ({"country": "Libya"}, "country"),
    ({"typ": "CONSULT"}, "typ"),
], ids=["impossible-date", "date-form", "from-after-to", "type", "modality", "confidence-range",
        "confidence-number", "limit", "offset", "dedup", "country", "unknown-name"])
def test_bad_parameters_name_the_parameter(con, params, name):
    with pytest.raises(api.BadParameter) as exc:
        api.events(con, params)
    assert exc.value.field == name
    assert f"parameter '{name}'" in str(exc.value)


def test_bad_date_message_gives_the_expected_form(con):
    with pytest.raises(api.BadParameter, match="expected a date YYYY-MM-DD, got '2020-02-30'"):
        api.timeline(con, {"from": "2020-02-30"})


def test_event_by_id_and_unknown_id(con):
    first = api.events(con, {"limit": "1"})["events"][0]
    assert api.event(con, first["event_id"]) == first
    with pytest.raises(api.NotFound, match="no event with id 'e-nope'"):
        api.event(con, "e-nope")


@pytest.mark.parametrize("interval, buckets", [
    ("day", [{"date": "2020-02-12", "total": 1, "counts": {"ACCUSE": 1}},
             {"date": "2020-02-13", "total": 2, "counts": {"CONSULT": 2}},
             {"date": "2020-03-02", "total": 1, "counts": {"CONSULT": 1}}]),
    ("week", [{"date": "2020-02-10", "total": 3, "counts": {"ACCUSE": 1, "CONSULT": 2}},
              {"date": "2020-03-02", "total": 1, "counts": {"CONSULT": 1}}]),
    ("month", [{"date": "2020-02-01", "total": 3, "counts": {"ACCUSE": 1, "CONSULT": 2}},
               {"date": "2020-03-01", "total": 1, "counts": {"CONSULT": 1}}]),
])
def test_timeline_counts_per_period_and_type(con, interval, buckets):
    assert api.timeline(con, {"interval": interval}) == {
        "interval": interval, "types": ["CONSULT", "ACCUSE"], "buckets": buckets, "undated": 0}


def test_timeline_follows_filters_and_rejects_unknown_interval(con):
    r = api.timeline(con, {"interval": "month", "dedup": "1"})
    assert [b["total"] for b in r["buckets"]] == [2, 1]
    with pytest.raises(api.BadParameter, match="parameter 'interval'"):
        api.timeline(con, {"interval": "year"})


def node(aid, name, name_ar, code, country, count):
    return {"id": aid, "name": name, "name_ar": name_ar, "code": code, "country": country,
            "provisional": False, "count": count}


def test_network_nodes_and_edges(con):
    assert api.network(con, {}) == {
        "nodes": [
            node("khalifa_haftar", "Khalifa Haftar", "خليفة حفتر", "LBYMIL", "LBY", 3),
            node("luigi_di_maio", "Luigi Di Maio", "لويجي دي مايو", "ITAGOV", "ITA", 3),
            node("aguila_saleh", "Aguila Saleh", "عقيلة صالح", "LBYLEG", "LBY", 1),
            node("fayez_al_sarraj", "Fayez al-Sarraj", "فائز السراج", "LBYGOV", "LBY", 1),
        ],
        "edges": [
            {"source": "aguila_saleh", "target": "luigi_di_maio", "type": "CONSULT", "weight": 1},
            {"source": "fayez_al_sarraj", "target": "khalifa_haftar", "type": "ACCUSE", "weight": 1},
            {"source": "khalifa_haftar", "target": "luigi_di_maio", "type": "CONSULT", "weight": 1},
            {"source": "luigi_di_maio", "target": "khalifa_haftar", "type": "CONSULT", "weight": 1},
        ],
    }


def test_network_min_weight_and_limit(con):
    assert api.network(con, {"min_weight": "2"}) == {"nodes": [], "edges": []}
    small = api.network(con, {"limit": "2"})
    assert [n["id"] for n in small["nodes"]] == ["khalifa_haftar", "luigi_di_maio"]
    assert {(e["source"], e["target"]) for e in small["edges"]} == {
        ("khalifa_haftar", "luigi_di_maio"), ("luigi_di_maio", "khalifa_haftar")}


def test_map_groups_events_by_place(con):
    assert api.places(con, {}) == {"places": [
        {"id": "al_rajma", "name": "Al Rajma", "name_ar": "الرجمة", "country": "LBY", "lat": 32.07, "lon": 20.29,
         "count": 2, "types": {"CONSULT": 2}},
        {"id": "rome", "name": "Rome", "name_ar": "روما", "country": "ITA", "lat": 41.8919, "lon": 12.5113,
         "count": 1, "types": {"CONSULT": 1}},
        {"id": "tripoli_lby", "name": "Tripoli", "name_ar": "طرابلس", "country": "LBY", "lat": 32.8872,
         "lon": 13.1913, "count": 1, "types": {"ACCUSE": 1}},
    ], "unplaced": 0}
    assert [p["id"] for p in api.places(con, {"type": "ACCUSE"})["places"]] == ["tripoli_lby"]


def test_actors_with_mention_counts(con):
    r = api.actors(con, {})
    assert r["total"] == 4
    assert [(a["id"], a["mentions"], a["documents"], a["events"]) for a in r["actors"]] == [
        ("khalifa_haftar", 3, 3, 3), ("luigi_di_maio", 3, 3, 3), ("aguila_saleh", 1, 1, 1),
        ("fayez_al_sarraj", 1, 1, 1)]
    haftar = r["actors"][0]
    assert haftar["code"] == "LBYMIL" and haftar["provisional"] is False
    assert haftar["forms"] == ["المشير خليفة حفتر", "خليفة حفتر"]


def test_actors_search_by_arabic_or_english_keeps_whole_counts(con):
    assert [a["id"] for a in api.actors(con, {"q": "حفتر"})["actors"]] == ["khalifa_haftar"]
    assert api.actors(con, {"q": "المشير"})["actors"][0]["mentions"] == 3
    assert [a["id"] for a in api.actors(con, {"q": "di maio"})["actors"]] == ["luigi_di_maio"]
    assert api.actors(con, {"provisional": "1"}) == {"total": 0, "actors": []}
    assert api.actors(con, {"provisional": "0"})["total"] == 4
    with pytest.raises(api.BadParameter, match="parameter 'provisional'"):
        api.actors(con, {"provisional": "some"})


def test_article_offsets_point_into_the_raw_text(con):
    a = api.article(con, "t-1")
    assert a["raw_text"] == ARTICLES[0].text and a["title"] == "لقاء الرجمة" and a["pub_date"] == "2020-02-13"
    assert len(a["events"]) == 1
    ev = a["events"][0]
    spans = {h["kind"]: a["raw_text"][h["start"]:h["end"]] for h in a["highlights"]}
    assert spans["trigger"] == ev["trigger"] == "بحث"
    assert spans["source"] == ev["source"]["mention"]
    assert spans["target"] == ev["target"]["mention"]
    assert spans["evidence"] == ev["evidence"]
    assert "الرجمة" in spans["location"]
    with pytest.raises(api.NotFound, match="no article with id 'nope'"):
        api.article(con, "nope")


def test_stats_summarise_the_database(con):
    s = api.stats(con)
    assert (s["articles"], s["events"], s["distinct_events"], s["actors"], s["places"]) == (4, 4, 3, 4, 3)
    assert s["by_type"] == {"CONSULT": 3, "ACCUSE": 1}
    assert (s["first_date"], s["last_date"]) == ("2020-02-12", "2020-03-02")
    assert len(s["types"]) == 16 and s["modalities"][0] == "asserted"


def test_queries_accept_a_store(tmp_path, mini_pipeline):
    with Store(tmp_path / "s.duckdb") as store:
        store.save([mini_pipeline.run(ARTICLES[1])])
        assert docs(api.events(store, {})) == [("t-2", "ACCUSE")]


def test_connect_refuses_missing_or_foreign_files(tmp_path):
    from marsad.errors import StoreError

    with pytest.raises(StoreError, match="no such database"):
        api.connect(tmp_path / "none.duckdb")
    import duckdb
    duckdb.connect(str(tmp_path / "other.duckdb")).close()
    with pytest.raises(StoreError, match="not a Marsad database"):
        api.connect(tmp_path / "other.duckdb")
