"""Dump everything the pipeline produces for a fixed set of inputs, one line per record, for diffing.

usage: python benchmarks/equivalence.py OUT.txt [INPUT.jsonl ...]

Speed work must not change any output. Run this before a change, save the dump, run it again after
and ``diff`` the two files: an empty diff means every sentence, mention, date, place, note and event
is identical (compared by ``repr``, so offsets, texts, confidences and ids all count).
Without inputs it uses the evaluation seeds, the gold fixtures and the bundled samples.
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_INPUTS = [
    ROOT.parent / "shared" / "eval" / "seeds-gold.jsonl",
    *(ROOT / "tests" / "fixtures" / "gold" / f"{name}-gold.jsonl" for name in ("own", "wire", "wire2", "long", "wire3")),
    ROOT / "src" / "marsad" / "data" / "samples" / "articles.jsonl",
]
FIELDS = ("removals", "sentences", "mentions", "dates", "places", "notes", "events")


def dump(out_path: Path, inputs: list[Path]) -> int:
    """Write the records of every document of ``inputs`` to ``out_path``; returns the number of lines."""
    from marsad.ingest import read_inputs
    from marsad.pipeline import Pipeline
    from marsad.records import Failure

    pipeline = Pipeline()
    lines = 0
    with open(out_path, "w", encoding="utf-8") as out:
        for path in inputs:
            articles = list(read_inputs([path]))
            docs = pipeline.run_batch([a for a in articles if not isinstance(a, Failure)])
            for doc in docs:
                if isinstance(doc, Failure):
                    out.write(f"{path.name}\tFAILURE\t{doc!r}\n")
                    lines += 1
                    continue
                out.write(f"{path.name}\tDOC\t{doc.article!r}\t{doc.language!r}\n")
                lines += 1
                for name in FIELDS:
                    for item in getattr(doc, name):
                        out.write(f"{doc.article.doc_id}\t{name}\t{item!r}\n")
                        lines += 1
    return lines


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    given = [Path(p) for p in sys.argv[2:]] or DEFAULT_INPUTS
    print(dump(Path(sys.argv[1]), given), "lines")
