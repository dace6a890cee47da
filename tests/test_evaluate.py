"""marsad evaluate must report the same figures as the reference scorer (shared/eval/score.py)."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

from marsad.evaluate import score

SHARED = Path(__file__).resolve().parents[2] / "shared" / "eval"
GOLD = [{
    "doc_id": "g1", "pub_date": "2020-02-13", "text": "...",
    "entities": [
        {"id": "khalifa_haftar", "name_en": "Khalifa Haftar", "kind": "PER", "country": "LBY", "sector": "MIL",
         "mentions": ["حفتر", "المشير خليفة حفتر"]},
        {"id": "luigi_di_maio", "name_en": "Luigi Di Maio", "kind": "PER", "country": "ITA", "sector": "GOV",
         "mentions": ["وزير الخارجية الإيطالي"]},
        {"id": "italy", "name_en": "Italy", "kind": "GPE", "country": "ITA", "sector": "GOV", "mentions": ["روما"]},
    ],
    "events": [
        {"type": "CONSULT", "source": ["khalifa_haftar"], "target": ["luigi_di_maio"], "date": "2020-02-13",
         "date_precision": "day", "modality": "asserted", "cluster": "c1", "location": "الرجمة"},
        {"type": "CONSULT", "source": ["luigi_di_maio"], "target": ["khalifa_haftar"], "date": "2020-02-13",
         "date_precision": "day", "modality": "asserted", "cluster": "c1"},
        {"type": "SUPPORT", "source": ["khalifa_haftar"], "target": ["italy"], "date": None,
         "date_precision": "unknown", "modality": "asserted"},
        {"type": "REQUEST", "source": ["italy"], "target": [], "modality": "planned"},
    ],
}]


def _actor(i, name, mention, code):
    return {"id": i, "name": name, "mention": mention, "country": code[:3], "sector": code[3:]}


SYSTEM = [
    {"doc_id": "g1", "type": "CONSULT", "modality": "asserted", "date": "2020-02-13",
     "source": _actor("luigi_di_maio", "Luigi Di Maio", "دي مايو", "ITAGOV"),
     "target": _actor("x", "Haftar", "بالمشير خليفة حفتر", "LBYMIL"), "location": {"mention": "بالرجمة"}},
    {"doc_id": "g1", "type": "CONSULT", "modality": "asserted", "date": "2020-02-12",
     "source": _actor("khalifa_haftar", "", "حفتر", "LBYMIL"), "target": _actor("y", "", "وزير الخارجية الإيطالي", "ITAGOV")},
    {"doc_id": "g1", "type": "ACCUSE", "modality": "asserted", "date": None,
     "source": _actor("italy", "Italy", "روما", "ITAGOV"), "target": None},
    {"doc_id": "g1", "type": "REQUEST", "modality": "planned", "date": None,
     "source": _actor("italy", "Italy", "روما", "ITAGOV"), "target": None},
]


def test_score_counts_matches_misses_and_false_alarms():
    r = score(GOLD, SYSTEM)
    # the two CONSULT mentions of cluster c1 name the sides in opposite order: two dyads
    assert (r["gold_dyads"], r["system_dyads"], r["matched"], r["duplicates"]) == (3, 3, 2, 0)
    assert r["entity_level_prf"] == (0.667, 0.667, 0.667)
    assert r["date_accuracy"] == 0.5 and r["location_accuracy"] == 1.0
    assert [m["type"] for m in r["misses"]] == ["SUPPORT"]
    assert [f["type"] for f in r["false_alarms"]] == ["ACCUSE"]


@pytest.mark.skipif(not (SHARED / "score.py").exists(), reason="shared/eval is not beside the project")
@pytest.mark.parametrize("flags", [[], ["--all-modalities"]], ids=["asserted", "all-modalities"])
def test_score_agrees_with_reference_scorer(tmp_path, flags):
    gold = tmp_path / "gold.jsonl"
    gold.write_text("\n".join(json.dumps(d, ensure_ascii=False) for d in GOLD), encoding="utf-8")
    sysf = tmp_path / "sys.jsonl"
    sysf.write_text("\n".join(json.dumps(e, ensure_ascii=False) for e in SYSTEM), encoding="utf-8")
    out = subprocess.run([sys.executable, str(SHARED / "score.py"), str(gold), str(sysf), "--json", *flags],
                         capture_output=True, text=True, check=True).stdout
    ref = json.loads(out)
    mods = frozenset({"asserted", "planned", "negated", "hypothetical"}) if flags else frozenset({"asserted"})
    ours = score(GOLD, SYSTEM, mods)
    for key in ("gold_dyads", "system_dyads", "matched", "duplicates", "date_accuracy", "location_accuracy",
                "actor_recall"):
        assert ours[key] == ref[key], key
    for key in ("entity_level_prf", "code_level_prf"):
        assert list(ours[key]) == ref[key], key
    assert {k: list(v) for k, v in ours["per_type"].items()} == ref["per_type"]
