"""Compile the hot pipeline modules to C with Cython, when it can be done; otherwise install pure Python.

The ``.py`` files stay the only source: Cython compiles them as they are ("pure Python mode"), and
``marsad/__init__.py`` loads the ``.py`` instead of a compiled module whose source changed since it was
built (see ``_compiled.json`` below), so an edit is never shadowed by an old build. ``MARSAD_PURE=1``
skips compilation; a missing Cython or C compiler, or a module that fails to build, falls back to Python.
"""
from __future__ import annotations

import hashlib
import json
import os
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_ext import build_ext

ROOT = Path(__file__).parent
MANIFEST = "_compiled.json"  # module -> sha1 of the .py it was compiled from, beside the package's modules

# The modules that run per sentence, where the interpreter's dispatch is the cost. Start-up code (loading
# the actor base, the CLI, the store) and records.py (its dataclass methods are generated at run time) gain nothing.
COMPILED = [
    "marsad.pipeline",
    "marsad.arabic.normalize",
    "marsad.arabic.lexicon",
    "marsad.arabic.segment",
    "marsad.arabic.tokenize",
    "marsad.arabic.clitics",
    "marsad.actors.resolve",
    "marsad.actors.matcher",
    "marsad.events.coder",
    "marsad.events.frames",
    "marsad.events.modality",
    "marsad.events.merge",
    "marsad.when.expressions",
    "marsad.when.resolve",
    "marsad.when.infer",
    "marsad.where.location",
    "marsad.where.places",
    "marsad.ingest.clean",
]


def _source(module: str) -> Path:
    return (ROOT / "src" / Path(*module.split("."))).with_suffix(".py")


def _digest(path: Path) -> str:
    return hashlib.sha1(path.read_bytes()).hexdigest()


class OptionalBuildExt(build_ext):
    """build_ext that installs pure Python for any module it cannot compile, and records what it compiled."""

    def finalize_options(self) -> None:
        super().finalize_options()
        if self.parallel is None:  # gcc on the largest modules takes most of the build
            self.parallel = os.cpu_count() or 1

    def run(self) -> None:
        self.built: dict[str, str] = {}
        try:
            super().run()
        except Exception as exc:  # no C compiler, no Python headers...
            self.warn(f"marsad: cannot compile ({exc}); installing pure Python")
        self._write_manifest()

    def build_extension(self, ext) -> None:
        try:
            super().build_extension(ext)
        except Exception as exc:
            self.warn(f"marsad: {ext.name} not compiled ({exc}); it runs as Python")
            return
        self.built[ext.name] = _digest(Path(ext.py_source))

    def _write_manifest(self) -> None:
        folder = Path(self.get_ext_fullpath("marsad._")).parent
        folder.mkdir(parents=True, exist_ok=True)
        (folder / MANIFEST).write_text(json.dumps(self.built, indent=1, sort_keys=True) + "\n", encoding="utf-8")


def _extensions() -> list:
    if os.environ.get("MARSAD_PURE", "") not in ("", "0"):
        # without a manifest, modules compiled by an earlier build are not loaded (marsad/__init__.py)
        (ROOT / "src" / "marsad" / MANIFEST).unlink(missing_ok=True)
        return []
    try:
        from Cython.Build import cythonize
        from setuptools import Extension
    except ImportError:
        print("marsad: Cython is not installed; installing pure Python", file=sys.stderr)
        return []
    extensions = []
    for module in COMPILED:
        # -O1 without debug information: gcc -O3 -g (Python's default) took minutes on these large
        # generated files, for code that runs the same; the time is spent in CPython's own calls
        ext = Extension(module, [str(_source(module).relative_to(ROOT))], extra_compile_args=["-O1", "-g0"])
        ext.py_source = str(_source(module))
        extensions.append(ext)
    try:
        built = cythonize(
            extensions,
            build_dir="build/cython",  # generated C stays out of the source tree
            compiler_directives={
                "language_level": 3,
                # annotations stay documentation: a ``float`` would otherwise become a C double and an
                # ``int`` argument would reject a bool subclass, small changes of behaviour
                "annotation_typing": False,
            },
            nthreads=os.cpu_count() or 1,
            quiet=True,
        )
    except Exception as exc:  # a module Cython cannot translate
        print(f"marsad: Cython failed ({exc}); installing pure Python", file=sys.stderr)
        return []
    sources = {ext.name: ext.py_source for ext in extensions}
    for ext in built:
        ext.py_source = sources[ext.name]
    return built


setup(ext_modules=_extensions(), cmdclass={"build_ext": OptionalBuildExt})
