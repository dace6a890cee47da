"""Instructions per pass of the whole pipeline, the steady speed measure on a shared machine.

usage: python benchmarks/instructions.py [--input FILE.jsonl] [--passes N]

Runs itself under valgrind's callgrind (valgrind must be installed: ``apt install valgrind``), counting only the
coding passes, after start-up and one warm-up pass: CPU time on a busy machine moves by a third from run to run,
the instruction count by well under 1%. Prints millions of instructions per pass over the input.
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path


def _count(args: argparse.Namespace) -> None:
    """Inside callgrind: warm up, switch instrumentation on, code the input ``passes`` times."""
    from marsad.ingest import read_inputs
    from marsad.pipeline import Pipeline
    from marsad.records import Article, Failure
    from marsad.resources import data_path

    articles = [a for a in read_inputs([args.input or data_path("samples/articles.jsonl")])
                if not isinstance(a, Failure)]
    pipeline = Pipeline()
    pipeline.warm_up()
    for a in articles:
        pipeline.run(a)
    subprocess.run(["callgrind_control", "-i", "on", str(os.getpid())], stdout=subprocess.DEVNULL, check=False)
    for i in range(args.passes):
        for a in articles:
            pipeline.run(Article(f"{a.doc_id}-{i}", a.text, a.pub_date))
    os._exit(0)  # no teardown in the count


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--input", type=Path)
    ap.add_argument("--passes", type=int, default=2)
    ap.add_argument("--inside", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.inside:
        _count(args)
    if shutil.which("valgrind") is None:
        print("valgrind is not installed", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        cmd = ["valgrind", "--tool=callgrind", "--instr-atstart=no", f"--callgrind-out-file={tmp}/cg.out",
               sys.executable, __file__, "--inside", "--passes", str(args.passes)]
        if args.input:
            cmd += ["--input", str(args.input)]
        out = subprocess.run(cmd, capture_output=True, text=True, check=False).stderr
    found = re.search(r"Collected : ([\d,]+)", out)
    if found is None:
        print(out[-2000:], file=sys.stderr)
        return 1
    print(f"{int(found.group(1).replace(',', '')) / args.passes / 1e6:.1f}M instructions per pass")
    return 0


if __name__ == "__main__":
    sys.exit(main())
