"""Every event written for the sample corpus keeps the EVENT_FORMAT.md contract."""
import pytest

from marsad.ingest import read_inputs
from marsad.pipeline import Pipeline
from marsad.records import Failure
from marsad.resources import data_path
from marsad.store import event_to_dict

FIELDS = {"event_id", "doc_id", "type", "mode", "cameo", "source", "target", "date", "date_precision", "date_text",
          "story_date", "location", "modality", "trigger", "trigger_start", "trigger_end", "evidence",
          "evidence_start", "evidence_end", "topics", "confidence"}
TYPES = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
         "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}


@pytest.fixture(scope="module")
def coded():
    arts = [a for a in read_inputs([data_path("samples/articles.jsonl")]) if not isinstance(a, Failure)]
    docs = Pipeline().run_batch(arts)
    return {a.doc_id: a.text for a in arts}, [event_to_dict(e) for d in docs for e in d.events]


def test_sample_corpus_gives_events_of_many_types(coded):
    _, events = coded
    assert len({e["type"] for e in events}) >= 10


def test_every_offset_points_at_its_text(coded):
    texts, events = coded
    for e in events:
        t = texts[e["doc_id"]]
        assert FIELDS <= set(e)
        assert e["type"] in TYPES and e["modality"] in {"asserted", "planned", "negated", "hypothetical"}
        assert 0 <= e["confidence"] <= 1
        assert t[e["trigger_start"]:e["trigger_end"]] == e["trigger"]
        assert t[e["evidence_start"]:e["evidence_end"]] == e["evidence"]
        for side in ("source", "target"):
            if e[side]:
                assert t[e[side]["start"]:e[side]["end"]] == e[side]["mention"]
                assert e[side]["code"] == (e[side]["country"] or "") + (e[side]["sector"] or "")
        if e["location"]:
            assert t[e["location"]["start"]:e["location"]["end"]] == e["location"]["mention"]
        assert (e["date"] is None) == (e["date_precision"] == "unknown")


def test_actor_mentions_leave_out_the_particles_written_onto_them():
    import datetime as dt

    from marsad.records import Article
    text = "والتقى رئيس المجلس الرئاسي فائز السراج لاحقا بوزير الخارجية الإيطالي لويجي دي مايو."
    doc = Pipeline().run(Article("t", text, dt.date(2020, 2, 13)))
    e = event_to_dict(doc.events[0])
    assert (e["source"]["mention"], e["target"]["mention"]) == ("رئيس المجلس الرئاسي فائز السراج",
                                                              "وزير الخارجية الإيطالي لويجي دي مايو")
    assert text[e["target"]["start"]:e["target"]["end"]] == e["target"]["mention"]
