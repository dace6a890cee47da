"""Running the pipeline on all cores of one machine, or on a Dask cluster.

Workers are forked processes that each load the resources once; results come
back in input order, in chunks, so memory stays flat on long inputs.
"""
from __future__ import annotations

import multiprocessing as mp
from collections.abc import Iterable, Iterator
from itertools import islice

from marsad.pipeline import Pipeline
from marsad.records import Article, Doc, Failure

_worker_pipeline: Pipeline | None = None


def _init(pipeline: Pipeline) -> None:
    global _worker_pipeline
    _worker_pipeline = pipeline
    pipeline.warm_up()


def _run(item: Article | Failure) -> Doc | Failure:
    if isinstance(item, Failure):
        return item
    assert _worker_pipeline is not None
    return _worker_pipeline.run(item)


def run_parallel(pipeline: Pipeline, items: Iterable[Article | Failure], workers: int,
                 chunksize: int = 16) -> Iterator[Doc | Failure]:
    """Results for ``items`` in order; Failures from reading pass straight through."""
    if workers <= 1:
        for it in items:
            yield it if isinstance(it, Failure) else pipeline.run(it)
        return
    pipeline.warm_up()  # load once in the parent so forked workers share the pages
    ctx = mp.get_context("fork")
    with ctx.Pool(workers, initializer=_init, initargs=(pipeline,)) as pool:
        yield from pool.imap(_run, items, chunksize)


def run_dask(pipeline: Pipeline, articles: Iterable[Article], client=None, batch: int = 256) -> Iterator[Doc | Failure]:
    """Results via a Dask distributed cluster (a LocalCluster when no client is given)."""
    from dask.distributed import Client, LocalCluster  # optional dependency: pip install marsad[scale]

    own = client is None
    if own:
        client = Client(LocalCluster(processes=True, dashboard_address=None))
    try:
        remote = client.scatter(pipeline, broadcast=True)
        it = iter(articles)
        while chunk := list(islice(it, batch)):
            futures = client.map(lambda p, a: p.run(a), [remote] * len(chunk), chunk, pure=False)
            yield from client.gather(futures)
    finally:
        if own:
            client.close()
