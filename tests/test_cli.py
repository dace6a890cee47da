import json

from marsad.cli import main


def _write(path, lines):
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_code_writes_events_and_exits_zero(tmp_path, capsys):
    src = tmp_path / "in.jsonl"
    _write(src, [json.dumps({"doc_id": "d1", "pub_date": "2020-02-13",
                             "text": "بحث المشير خليفة حفتر، اليوم الخميس، مع وزير الخارجية الإيطالي."},
                            ensure_ascii=False)])
    out = tmp_path / "out.jsonl"
    assert main(["code", str(src), "-o", str(out), "--actors", "tests/fixtures/actors", "--gazetteer", "tests/fixtures/places/mini.tsv"]) == 0
    ev = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert [(e["type"], e["source"]["id"], e["target"]["id"], e["date"]) for e in ev] == [
        ("CONSULT", "khalifa_haftar", "luigi_di_maio", "2020-02-13")]
    assert "articles read 1, coded 1, skipped 0, failed 0; events written 1" in capsys.readouterr().err


def test_code_exits_nonzero_on_bad_line_and_goes_on(tmp_path, capsys):
    src = tmp_path / "in.jsonl"
    _write(src, ['{"doc_id": "ok", "text": "استقبل حفتر لويجي دي مايو."}', '{"doc_id": broken', '{"doc_id": "x"}'])
    assert main(["code", str(src), "-o", str(tmp_path / "o.jsonl"), "--actors", "tests/fixtures/actors", "--gazetteer", "tests/fixtures/places/mini.tsv"]) == 1
    err = capsys.readouterr().err
    assert f"{src}:2" in err and f"{src}:3" in err and "'text'" in err
    assert "articles read 3, coded 1, skipped 0, failed 2" in err


def test_ingest_export_stats(tmp_path, capsys):
    src = tmp_path / "a.txt"
    src.write_text("استقبل المشير خليفة حفتر وزير الخارجية الإيطالي لويجي دي مايو.", encoding="utf-8")
    db = tmp_path / "m.duckdb"
    assert main(["ingest", str(src), "--db", str(db), "--actors", "tests/fixtures/actors", "--gazetteer", "tests/fixtures/places/mini.tsv"]) == 0
    assert main(["ingest", str(src), "--db", str(db), "--actors", "tests/fixtures/actors", "--gazetteer", "tests/fixtures/places/mini.tsv"]) == 0
    assert "0 articles stored, 1 already stored" in capsys.readouterr().err
    assert main(["export", "--db", str(db), "--format", "csv", "-o", str(tmp_path / "e.csv")]) == 0
    assert main(["stats", "--db", str(db)]) == 0
    assert "articles 1" in capsys.readouterr().out


def test_export_missing_db_is_usage_error(tmp_path):
    assert main(["export", "--db", str(tmp_path / "nope.duckdb")]) == 2


def test_actors_unknown_lists_and_writes_discovered_people(tmp_path, capsys):
    src = tmp_path / "a.txt"
    src.write_text("استقبل المشير خليفة حفتر مساعد وزير الخارجية الأمريكي ديفيد شينكر.", encoding="utf-8")
    db = tmp_path / "m.duckdb"
    assert main(["ingest", str(src), "--db", str(db), "--actors", "tests/fixtures/actors",
                 "--gazetteer", "tests/fixtures/places/mini.tsv"]) == 0
    out = tmp_path / "new.yaml"
    assert main(["actors", "--unknown", "--db", str(db), "--write", str(out)]) == 0
    assert "ديفيد شينكر" in capsys.readouterr().out
    import yaml
    entries = yaml.safe_load(out.read_text(encoding="utf-8"))
    assert [(e["ar"], e["country"], e["sector"]) for e in entries] == [(["ديفيد شينكر"], "USA", "GOV")]
