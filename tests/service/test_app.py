"""The HTTP layer through Flask's test client: status codes, JSON shapes, error bodies, static files."""
import datetime as dt

import pytest

from marsad.records import Article
from marsad.service.app import create_app
from marsad.store import Store

TEXTS = {
    "w-1": "بحث المشير خليفة حفتر، اليوم الخميس، مع وزير الخارجية الإيطالي لويجي دي مايو في الرجمة.",
    "w-2": "اتهم رئيس المجلس الرئاسي فائز السراج، أمس الأربعاء، خليفة حفتر بعرقلة الحوار في طرابلس الغرب.",
}


@pytest.fixture(scope="module")
def client(tmp_path_factory, mini_pipeline):
    path = tmp_path_factory.mktemp("app") / "w.duckdb"
    with Store(path) as store:
        store.save(mini_pipeline.run_batch([Article(k, v, dt.date(2020, 2, 13)) for k, v in TEXTS.items()]))
    app = create_app(path)
    app.testing = True
    return app.test_client()


def test_events_endpoint_returns_utf8_json(client):
    r = client.get("/api/events")
    assert r.status_code == 200 and r.mimetype == "application/json"
    body = r.get_json()
    assert body["total"] == 2 and len(body["events"]) == 2
    assert {"event_id", "doc_id", "type", "source", "target", "evidence", "confidence"} <= set(body["events"][0])
    assert "حفتر".encode() in r.data  # Arabic is sent as UTF-8, not \u escapes


def test_events_filters_come_from_the_query_string(client):
    body = client.get("/api/events", query_string={"type": "ACCUSE", "q": "حفتر"}).get_json()
    assert [e["doc_id"] for e in body["events"]] == ["w-2"]


def test_one_event_and_unknown_event(client):
    first = client.get("/api/events?limit=1").get_json()["events"][0]
    r = client.get(f"/api/events/{first['event_id']}")
    assert r.status_code == 200 and r.get_json() == first
    r = client.get("/api/events/e-missing")
    assert r.status_code == 404
    assert r.get_json() == {"code": "not_found", "message": "no event with id 'e-missing'"}


@pytest.mark.parametrize("url, param", [
    ("/api/events?from=2020-02-31", "from"),
    ("/api/events?limit=many", "limit"),
    ("/api/timeline?interval=hour", "interval"),
    ("/api/network?min_weight=0", "min_weight"),
    ("/api/map?type=MEET", "type"),
    ("/api/actors?provisional=perhaps", "provisional"),
    ("/api/stats?x=1", "x"),
])
def test_bad_parameters_answer_400(client, url, param):
    r = client.get(url)
    assert r.status_code == 400
    body = r.get_json()
    assert body["code"] == "bad_parameter" and f"parameter '{param}'" in body["message"]
    assert "expected" in body["message"]


def test_timeline_endpoint(client):
    body = client.get("/api/timeline?interval=day").get_json()
    assert body["interval"] == "day"
    assert body["buckets"] == [{"date": "2020-02-12", "total": 1, "counts": {"ACCUSE": 1}},
                               {"date": "2020-02-13", "total": 1, "counts": {"CONSULT": 1}}]


def test_network_endpoint(client):
    body = client.get("/api/network").get_json()
    assert set(body) == {"nodes", "edges"}
    assert {n["id"] for n in body["nodes"]} == {"khalifa_haftar", "luigi_di_maio", "fayez_al_sarraj"}
    assert all(set(n) >= {"id", "name", "code", "count"} for n in body["nodes"])
    assert all(set(e) == {"source", "target", "type", "weight"} for e in body["edges"])


def test_map_endpoint(client):
    body = client.get("/api/map").get_json()
    assert [(p["id"], p["count"]) for p in body["places"]] == [("al_rajma", 1), ("tripoli_lby", 1)]
    assert set(body["places"][0]) >= {"id", "name", "name_ar", "lat", "lon", "count", "types"}


def test_actors_endpoint(client):
    body = client.get("/api/actors", query_string={"q": "حفتر"}).get_json()
    assert body["total"] == 1 and body["actors"][0]["id"] == "khalifa_haftar"
    assert body["actors"][0]["mentions"] == 2


def test_article_endpoint_and_unknown_article(client):
    body = client.get("/api/articles/w-1").get_json()
    assert body["raw_text"] == TEXTS["w-1"] and body["cleaned_text"]
    assert {h["kind"] for h in body["highlights"]} >= {"evidence", "trigger", "source", "target"}
    r = client.get("/api/articles/none")
    assert r.status_code == 404 and r.get_json()["code"] == "not_found"


def test_stats_endpoint(client):
    body = client.get("/api/stats").get_json()
    assert body["articles"] == 2 and body["events"] == 2 and body["by_type"] == {"ACCUSE": 1, "CONSULT": 1}


def test_unknown_route_answers_json_404(client):
    r = client.get("/api/nothing")
    assert r.status_code == 404 and r.get_json()["code"] == "not_found"
    assert client.post("/api/events").status_code == 405


def test_missing_database_answers_503(tmp_path):
    client = create_app(tmp_path / "gone.duckdb").test_client()
    r = client.get("/api/stats")
    assert r.status_code == 503 and r.get_json()["code"] == "store_unavailable"


def test_index_and_static_files_are_served(client):
    r = client.get("/")
    assert r.status_code == 200 and r.mimetype == "text/html"
    assert b'src="/static/app.js"' in r.data and b'href="/static/app.css"' in r.data
    r.close()
    for name, mimetype in [("app.js", "text/javascript"), ("app.css", "text/css"), ("world.json", "application/json")]:
        r = client.get(f"/static/{name}")
        assert r.status_code == 200 and r.mimetype == mimetype and len(r.data) > 1000
        r.close()
    world = client.get("/static/world.json").get_json()
    assert len(world["countries"]) > 150 and "public domain" in world["license"]


def test_server_does_not_lock_out_a_writer(tmp_path, mini_pipeline):
    path = tmp_path / "live.duckdb"
    with Store(path) as store:
        store.save([mini_pipeline.run(Article("w-1", TEXTS["w-1"], dt.date(2020, 2, 13)))])
    client = create_app(path).test_client()
    assert client.get("/api/stats").get_json()["articles"] == 1
    with Store(path) as store:  # ingest between requests can open the file for writing
        store.save([mini_pipeline.run(Article("w-2", TEXTS["w-2"], dt.date(2020, 2, 13)))])
    assert client.get("/api/stats").get_json()["articles"] == 2
