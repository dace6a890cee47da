"""Parallel runs give the same results, in the same order, as one process."""
import datetime as dt

import pytest

from marsad.records import Article, Failure
from marsad.scale import run_dask, run_parallel

TEXTS = [
    "بحث المشير خليفة حفتر، اليوم الخميس، مع وزير الخارجية الإيطالي لويجي دي مايو تأمين الحدود.",
    "وأثنى المشير خليفة حفتر على روما.",
    "استقبل حفتر لويجي دي مايو في الرجمة.",
]


def _articles():
    return [Article(f"a{i}", t, dt.date(2020, 2, 13)) for i, t in enumerate(TEXTS * 3)]


def _summary(results):
    return [(r.article.doc_id, [(str(e.type), e.source and e.source.actor.id, e.target and e.target.actor.id)
                                for e in r.events]) for r in results]


def test_processes_keep_order_and_results(mini_pipeline):
    items = _articles() + [Failure("x.jsonl:9", "bad line")]
    serial = [mini_pipeline.run(a) for a in _articles()]
    parallel = list(run_parallel(mini_pipeline, items, workers=2, chunksize=2))
    assert isinstance(parallel[-1], Failure)
    assert _summary(parallel[:-1]) == _summary(serial)


def test_dask_local_cluster_gives_the_same_events(mini_pipeline):
    pytest.importorskip("distributed")
    serial = [mini_pipeline.run(a) for a in _articles()]
    assert _summary(run_dask(mini_pipeline, _articles(), batch=4)) == _summary(serial)
