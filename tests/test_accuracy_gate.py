"""Accuracy gate: the self-written fixture sets (tests/fixtures/gold) scored with the shipped data.

The floors sit a little below today's figures; a change that drops below one fails here, like
trafilatura's evaluation gate. Raise them when the coder improves, never lower them silently.
"""
import json
from pathlib import Path

import pytest

from marsad.evaluate import score
from marsad.ingest import read_inputs
from marsad.pipeline import Pipeline
from marsad.records import Failure
from marsad.store import event_to_dict

GOLD_DIR = Path(__file__).parent / "fixtures" / "gold"

# per fixture set: overall (precision, recall) floors, and per type (precision floor, recall floor);
# types the coder does not find yet in a set are not gated there
FLOORS = {
    "own-gold.jsonl": (
        {"entity_level_prf": (0.9, 0.7), "code_level_prf": (0.8, 0.63)},
        {"ACCUSE": (0.9, 0.85), "AGREE": (0.85, 0.45), "AID": (0.85, 0.75), "ASSAULT": (0.85, 0.5),
         "COERCE": (0.8, 0.7), "CONCEDE": (0.7, 0.7), "CONSULT": (0.8, 0.7), "PROTEST": (0.6, 0.55),
         "REJECT": (0.85, 0.7), "REQUEST": (0.9, 0.65), "RETREAT": (0.85, 0.7), "SANCTION": (0.85, 0.9),
         "SUPPORT": (0.9, 0.75), "THREATEN": (0.85, 0.45)}),
    # self-written wire-service items from many countries: generic actors, attacks, protests, arrests
    "wire-gold.jsonl": (
        {"entity_level_prf": (0.92, 0.69), "code_level_prf": (0.89, 0.67)},
        {"ACCUSE": (0.85, 0.7), "AGREE": (0.85, 0.7), "ASSAULT": (0.75, 0.65), "COERCE": (0.85, 0.25),
         "CONSULT": (0.85, 0.65), "PROTEST": (0.6, 0.3), "REQUEST": (0.85, 0.75), "SANCTION": (0.85, 0.7),
         "SUPPORT": (0.85, 0.9)}),
    # longer self-written news items (headline + body, quotes, background, non-asserted events)
    # (PROTEST precision: a storming told after a future date is no longer planned, and its target, a ministry
    # with no state named, is coded as the state: the scorer pairs it by id with the state, not the government)
    "wire2-gold.jsonl": (
        {"entity_level_prf": (0.8, 0.51), "code_level_prf": (0.73, 0.47)},
        {"ACCUSE": (0.75, 0.45), "AGREE": (0.85, 0.45), "ASSAULT": (0.65, 0.5), "CONSULT": (0.9, 0.55), "PROTEST": (0.55, 0.5),
         "REQUEST": (0.8, 0.5), "SUPPORT": (0.9, 0.4),
         "REJECT": (0.85, 0.35), "SANCTION": (0.85, 0.5)}),
    # 20 long articles (11-14 sentences) in the style of Libyan and pan-Arab outlets: the hardest set
    "long-gold.jsonl": (
        {"entity_level_prf": (0.74, 0.4), "code_level_prf": (0.7, 0.38)},
        {"ACCUSE": (0.65, 0.35), "CONSULT": (0.6, 0.35), "REQUEST": (0.8, 0.55), "SANCTION": (0.85, 0.55),
         "SUPPORT": (0.75, 0.33)}),
    # written blind by a separate annotator (no look at the coder's output) and scored before any rule was tuned on
    # it: entity F1 0.398 then; generic actors, attacks, arrests, protests from 30 countries
    "wire3-gold.jsonl": (
        {"entity_level_prf": (0.7, 0.38), "code_level_prf": (0.6, 0.33)},
        {"ACCUSE": (0.85, 0.38), "CONSULT": (0.8, 0.45), "REQUEST": (0.7, 0.4), "SUPPORT": (0.75, 0.35),
         "ASSAULT": (0.5, 0.33)}),
}


@pytest.fixture(scope="module")
def pipeline():
    return Pipeline()


@pytest.fixture(scope="module", params=sorted(FLOORS))
def coded(request, pipeline):
    path = GOLD_DIR / request.param
    gold = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    events = []
    for r in pipeline.run_batch(a for a in read_inputs([path]) if not isinstance(a, Failure)):
        assert not isinstance(r, Failure), r
        events.extend(event_to_dict(e) for e in r.events)
    return request.param, gold, events


def test_overall_precision_and_recall_floors(coded):
    name, gold, events = coded
    r = score(gold, events)
    for key, (p_floor, r_floor) in FLOORS[name][0].items():
        p, rec, _ = r[key]
        assert p >= p_floor and rec >= r_floor, (name, key, r[key])


def test_per_type_floors(coded):
    name, gold, events = coded
    per_type = score(gold, events)["per_type"]
    low = {t: per_type[t][:2] for t, (p_floor, r_floor) in FLOORS[name][1].items()
           if per_type[t][0] < p_floor or per_type[t][1] < r_floor}
    assert low == {}, name


def _trigger_span(doc: dict, ev: dict) -> tuple[int, int]:
    ev_start = doc["text"].find(ev["evidence"])
    t_start = doc["text"].find(ev["trigger"], max(ev_start, 0))
    return t_start, t_start + len(ev["trigger"])


def test_non_asserted_gold_events_are_not_reported_as_facts(coded):
    """A planned, negated or hypothetical event in the gold must not come out as asserted."""
    _, gold, events = coded
    wrong = []
    for doc in gold:
        for ev in doc["events"]:
            if ev["modality"] == "asserted":
                continue
            s, e = _trigger_span(doc, ev)
            wrong += [(doc["doc_id"], ev["trigger"]) for x in events
                      if x["doc_id"] == doc["doc_id"] and x["type"] == ev["type"] and x["modality"] == "asserted"
                      and x["trigger_start"] < e and s < x["trigger_end"]]
    assert wrong == []
