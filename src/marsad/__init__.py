"""Marsad: Arabic news in, political-event data (PLOVER/CAMEO) out."""
from __future__ import annotations

import hashlib
import importlib.machinery
import importlib.util
import json
import os
import sys

__version__ = "0.1.0"


class _FreshSourceFinder:
    """Loads a module's ``.py`` instead of its compiled form when the two may differ.

    ``setup.py`` compiles the hot modules in place and records in ``_compiled.json`` the hash of each
    source it compiled. A compiled module whose ``.py`` was edited since (or that the manifest does not
    vouch for, or any with ``MARSAD_PURE=1`` set) would run old code, so its source is imported instead:
    slower, never wrong. ``pip install -e .`` compiles the edits.
    """

    def __init__(self, folder: str) -> None:
        self.folder = folder
        self.vouched: dict[str, str] | None = None

    def _fresh(self, name: str, source: str) -> bool:
        if os.environ.get("MARSAD_PURE", "") not in ("", "0"):
            return False
        if self.vouched is None:
            try:
                with open(os.path.join(self.folder, "_compiled.json"), encoding="utf-8") as fh:
                    self.vouched = json.load(fh)
            except (OSError, ValueError):
                self.vouched = {}
        digest = self.vouched.get(name)
        if digest is None:
            return False
        with open(source, "rb") as fh:
            return hashlib.sha1(fh.read()).hexdigest() == digest

    def find_spec(self, name, path=None, target=None):
        if not name.startswith("marsad."):
            return None
        base = os.path.join(self.folder, *name.split(".")[1:])
        if not any(os.path.exists(base + suffix) for suffix in importlib.machinery.EXTENSION_SUFFIXES):
            return None
        source = base + ".py"
        if not os.path.exists(source) or self._fresh(name, source):
            return None
        return importlib.util.spec_from_file_location(name, source)


if not any(type(f).__name__ == "_FreshSourceFinder" for f in sys.meta_path):  # once, even if re-imported
    sys.meta_path.insert(0, _FreshSourceFinder(os.path.dirname(os.path.abspath(__file__))))
