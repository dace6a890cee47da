"""Writing event objects to a file or standard output as JSON Lines or CSV."""
from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from marsad.errors import ConfigError
from marsad.store.serialize import CSV_COLUMNS, csv_row


def write_events(records: Iterable[dict[str, Any]], fmt: str, out: Path | None) -> int:
    """Write EVENT_FORMAT.md objects; returns how many were written."""
    if fmt not in ("jsonl", "csv"):
        raise ConfigError(f"unknown format '{fmt}': use jsonl, csv or parquet")
    fh = open(out, "w", encoding="utf-8", newline="") if out else sys.stdout
    n = 0
    try:
        if fmt == "jsonl":
            for r in records:
                fh.write(json.dumps(r, ensure_ascii=False) + "\n")
                n += 1
        else:
            w = csv.DictWriter(fh, fieldnames=CSV_COLUMNS)
            w.writeheader()
            for r in records:
                w.writerow(csv_row(r))
                n += 1
    finally:
        if out:
            fh.close()
    return n
