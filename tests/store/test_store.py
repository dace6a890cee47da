import datetime as dt
import json

import pytest

from marsad.records import Article, Failure
from marsad.store import Store

TEXT = "بحث المشير خليفة حفتر، اليوم الخميس، مع وزير الخارجية الإيطالي لويجي دي مايو تأمين الحدود."


@pytest.fixture()
def doc(mini_pipeline):
    return mini_pipeline.run(Article("a-1", TEXT, dt.date(2020, 2, 13)))


def test_storing_the_same_article_twice_changes_nothing(tmp_path, doc):
    with Store(tmp_path / "m.duckdb") as s:
        assert s.save([doc])["stored"] == 1
        before = s.stats()
        assert s.save([doc]) == {"stored": 0, "unchanged": 1, "failures": 0, "events": 0}
        assert s.stats() == before
        assert before["articles"] == 1 and before["events"] == 1


def test_failed_batch_rolls_back_and_keeps_earlier_data(tmp_path, doc, mini_pipeline):
    other = mini_pipeline.run(Article("a-2", "استقبل حفتر لويجي دي مايو.", dt.date(2020, 2, 13)))

    def boom():
        yield other
        raise KeyboardInterrupt

    with Store(tmp_path / "m.duckdb") as s:
        s.save([doc])
        with pytest.raises(KeyboardInterrupt):
            s.save(boom())
        assert s.stats()["articles"] == 1
        assert s.save([other])["stored"] == 1


def test_failures_are_stored(tmp_path):
    with Store(tmp_path / "m.duckdb") as s:
        s.save([Failure("x.jsonl:3", "missing text", field="text")])
        assert s.stats()["failures"] == 1


def test_exports_round_trip(tmp_path, doc):
    with Store(tmp_path / "m.duckdb") as s:
        s.save([doc])
        assert s.export("jsonl", tmp_path / "e.jsonl") == 1
        assert s.export("csv", tmp_path / "e.csv") == 1
        assert s.export("parquet", tmp_path / "e.parquet") == 1
        ev = json.loads((tmp_path / "e.jsonl").read_text(encoding="utf-8"))
        assert TEXT[ev["source"]["start"]:ev["source"]["end"]] == ev["source"]["mention"]
        header = (tmp_path / "e.csv").read_text(encoding="utf-8").splitlines()[0]
        assert header.startswith("event_id,doc_id,type,mode,cameo,source_id")
        n = s.con.execute(f"SELECT count(*) FROM read_parquet('{tmp_path / 'e.parquet'}')").fetchone()[0]
        assert n == 1
