"""The ``marsad`` command line: a thin shell over the library."""
from __future__ import annotations

import argparse
import datetime as dt
import json
import logging
import os
import sys
from collections import Counter
from pathlib import Path

from marsad.errors import MarsadError

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="marsad", description="Arabic news in, political-event data out.")
    p.add_argument("-v", "--verbose", action="store_true", help="log progress details")
    sub = p.add_subparsers(dest="command", required=True)

    def common(sp):
        sp.add_argument("inputs", nargs="+", help="files (.txt .jsonl .html .warc[.gz]), directories, or - for stdin")
        sp.add_argument("--workers", type=int, default=1, help="processes to use (0 = all cores)")
        sp.add_argument("--min-confidence", type=float, default=0.0, help="drop events scored below this")
        sp.add_argument("--max-chars", type=int, default=2_000_000, help="longest article accepted")
        sp.add_argument("--actors", type=Path, help="an actor base folder instead of the shipped one")
        sp.add_argument("--gazetteer", type=Path, help="a gazetteer TSV instead of the shipped one")

    c = sub.add_parser("code", help="code articles and write events (EVENT_FORMAT.md)")
    common(c)
    c.add_argument("-o", "--output", type=Path, help="output file (default: standard output)")
    c.add_argument("--format", choices=["jsonl", "csv"], default="jsonl")

    i = sub.add_parser("ingest", help="code articles and store them in the database")
    common(i)
    i.add_argument("--db", type=Path, default=Path("marsad.duckdb"))

    e = sub.add_parser("export", help="export stored events")
    e.add_argument("--db", type=Path, default=Path("marsad.duckdb"))
    e.add_argument("--format", choices=["csv", "jsonl", "parquet"], default="jsonl")
    e.add_argument("-o", "--output", type=Path)
    e.add_argument("--dedup", action="store_true", help="one row per real-world event across articles")

    s = sub.add_parser("stats", help="summarise a database")
    s.add_argument("--db", type=Path, default=Path("marsad.duckdb"))

    ev = sub.add_parser("evaluate", help="score against a gold file (GUIDELINES.md)")
    ev.add_argument("--gold", type=Path, required=True)
    ev.add_argument("--system", type=Path, help="events to score (default: code the gold texts now)")
    ev.add_argument("--all-modalities", action="store_true", help="score planned/negated/hypothetical too")
    ev.add_argument("--json", action="store_true", help="print the figures as JSON")
    ev.add_argument("--show", type=int, default=15, help="misses and false alarms to list")

    x = sub.add_parser("explain", help="show how a sentence is coded")
    x.add_argument("sentence")
    x.add_argument("--date", help="story date YYYY-MM-DD")
    x.add_argument("--actors", type=Path, help="an actor base folder instead of the shipped one")
    x.add_argument("--gazetteer", type=Path, help="a gazetteer TSV instead of the shipped one")

    a = sub.add_parser("actors", help="check the actor base or list discovered actors")
    a.add_argument("--check", action="store_true", help="validate the actor base")
    a.add_argument("--unknown", action="store_true", help="list provisional actors found in a database")
    a.add_argument("--db", type=Path, default=Path("marsad.duckdb"))
    a.add_argument("--write", type=Path, help="with --unknown: write them as actor-base YAML for review")
    a.add_argument("--dir", type=Path, help="actor base folder to check (default: shipped)")

    d = sub.add_parser("demo", help="code the bundled sample corpus into a database and summarise it")
    d.add_argument("--db", type=Path, default=Path("marsad.duckdb"))

    sv = sub.add_parser("serve", help="serve the query API and web UI over a database (read-only)")
    sv.add_argument("--db", type=Path, required=True)
    sv.add_argument("--host", default="127.0.0.1")
    sv.add_argument("--port", type=int, default=8765)
    return p


def _err(msg: str) -> None:
    print(f"marsad: {msg}", file=sys.stderr)


def _results(args, inputs):
    from marsad.ingest import read_inputs
    from marsad.pipeline import Pipeline
    from marsad.scale import run_parallel

    pipeline = Pipeline(actor_dir=args.actors, gazetteer=args.gazetteer, min_confidence=args.min_confidence)
    workers = args.workers if args.workers > 0 else (os.cpu_count() or 1)
    items = read_inputs(inputs, max_chars=args.max_chars)
    if not sys.stderr.isatty():  # no progress bar to draw: spare the import
        yield from run_parallel(pipeline, items, workers)
        return
    from tqdm import tqdm

    bar = tqdm(unit=" articles", file=sys.stderr, leave=False)
    for r in run_parallel(pipeline, items, workers):
        bar.update(1)
        yield r
    bar.close()


class _Summary:
    def __init__(self):
        self.c = Counter()

    def add(self, r) -> None:
        from marsad.records import Failure
        self.c["read"] += 1
        if isinstance(r, Failure):
            self.c["skipped" if r.skipped else "failed"] += 1
            where = r.origin + (f" field '{r.field}'" if r.field else "")
            _err(f"{'skipped' if r.skipped else 'error'}: {where}: {r.message}")
        else:
            self.c["coded"] += 1
            self.c["events"] += len(r.events)

    def print(self, extra: str = "") -> None:
        c = self.c
        print(f"articles read {c['read']}, coded {c['coded']}, skipped {c['skipped']}, failed {c['failed']}; "
              f"events written {c['events']}{extra}", file=sys.stderr)


def cmd_code(args) -> int:
    from marsad.records import Failure
    from marsad.store.serialize import event_to_dict
    from marsad.store.write import write_events

    summary = _Summary()

    def records():
        for r in _results(args, args.inputs):
            summary.add(r)
            if not isinstance(r, Failure):
                for e in r.events:
                    yield event_to_dict(e)

    write_events(records(), args.format, args.output)
    summary.print()
    return EXIT_FAILED if summary.c["failed"] else EXIT_OK


def cmd_ingest(args, inputs=None) -> int:
    from marsad.store import Store

    summary = _Summary()
    stored = Counter()
    batch: list = []
    with Store(args.db) as store:
        for r in _results(args, inputs or args.inputs):
            summary.add(r)
            batch.append(r)
            if len(batch) >= 64:
                stored.update(store.save(batch))
                batch = []
        if batch:
            stored.update(store.save(batch))
    summary.print(f" ({stored['stored']} articles stored, {stored['unchanged']} already stored) -> {args.db}")
    return EXIT_FAILED if summary.c["failed"] else EXIT_OK


def cmd_export(args) -> int:
    from marsad.store import Store

    if not args.db.exists():
        _err(f"{args.db}: no such database (create it with 'marsad ingest ... --db {args.db}')")
        return EXIT_USAGE
    with Store(args.db) as store:
        n = store.export(args.format, args.output, dedup=args.dedup)
    print(f"{n} events exported" + (f" to {args.output}" if args.output else ""), file=sys.stderr)
    return EXIT_OK


def cmd_stats(args) -> int:
    from marsad.store import Store

    if not args.db.exists():
        _err(f"{args.db}: no such database")
        return EXIT_USAGE
    with Store(args.db) as store:
        s = store.stats()
    print(f"articles {s['articles']}  sentences {s['sentences']}  actor mentions {s['mentions']}  "
          f"events {s['events']} ({s['distinct_events']} distinct)  failures {s['failures']}  skipped {s['skipped']}  "
          f"provisional actors {s['provisional']}")
    print("events by type: " + ", ".join(f"{k} {v}" for k, v in s["by_type"].items()))
    print("most mentioned actors:")
    for aid, name, code, n in s["top_actors"]:
        print(f"  {n:5d}  {code or '-':10s} {name} ({aid})")
    return EXIT_OK


def cmd_demo(args) -> int:
    from marsad.resources import data_path

    sample = data_path("samples/articles.jsonl")
    ns = argparse.Namespace(actors=None, gazetteer=None, min_confidence=0.0, max_chars=2_000_000, workers=1, db=args.db)
    rc = cmd_ingest(ns, [str(sample)])
    cmd_stats(argparse.Namespace(db=args.db))
    return rc


def cmd_evaluate(args) -> int:
    from marsad.evaluate import evaluate_files, format_report

    report = evaluate_files(args.gold, args.system, all_modalities=args.all_modalities)
    print(json.dumps(report, ensure_ascii=False) if args.json else format_report(report, args.show))
    return EXIT_OK


def cmd_explain(args) -> int:
    from marsad.explain import explain
    from marsad.pipeline import Pipeline

    day = dt.date.fromisoformat(args.date) if args.date else None
    pipeline = Pipeline(actor_dir=args.actors, gazetteer=args.gazetteer, require_arabic=False)
    print(explain(args.sentence, day, pipeline))
    return EXIT_OK


def cmd_actors(args) -> int:
    from marsad.actors.check import check_base, unknown_actors

    if args.check:
        problems, n = check_base(args.dir)
        for p in problems:
            print(p)
        print(f"{n} actors checked, {len(problems)} problems", file=sys.stderr)
        return EXIT_FAILED if problems else EXIT_OK
    if args.unknown:
        return unknown_actors(args.db, args.write)
    _err("say --check or --unknown")
    return EXIT_USAGE


def cmd_serve(args) -> int:
    from marsad.service.app import server

    if not args.db.is_file():
        _err(f"{args.db}: no such database (create it with 'marsad ingest ... --db {args.db}')")
        return EXIT_USAGE
    try:
        httpd = server(args.db, args.host, args.port)
    except OSError as exc:
        _err(f"{exc}; choose another --port or --host")
        return EXIT_FAILED
    print(f"serving {args.db} on http://{args.host}:{args.port}/ (Ctrl-C to stop)", file=sys.stderr)
    try:
        httpd.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        httpd.server_close()
    return EXIT_OK


COMMANDS = {"code": cmd_code, "ingest": cmd_ingest, "export": cmd_export, "stats": cmd_stats, "demo": cmd_demo,
            "evaluate": cmd_evaluate, "explain": cmd_explain, "actors": cmd_actors, "serve": cmd_serve}


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``marsad`` command."""
    args = _parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    try:
        return COMMANDS[args.command](args)
    except MarsadError as exc:
        _err(str(exc))
        return EXIT_FAILED
    except KeyboardInterrupt:
        _err("interrupted: what was committed is kept; run the same command again to finish")
        return 130
    except BrokenPipeError:
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
