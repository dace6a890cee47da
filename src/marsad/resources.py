"""Access to the versioned data files shipped in ``marsad/data``."""
from __future__ import annotations

import gc
import hashlib
import logging
import os
import pickle
import tempfile
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

import yaml

from marsad.errors import ResourceError

log = logging.getLogger(__name__)
T = TypeVar("T")

try:  # libyaml's loader is ~10x faster on the large actor base
    _Loader: Any = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _Loader = yaml.SafeLoader


def data_path(relative: str) -> Path:
    """Path of a shipped data file, e.g. ``actors/libya.yaml``."""
    return Path(str(resources.files("marsad") / "data" / relative))


def load_yaml_file(path: Path) -> Any:
    """Parse one YAML file; a syntax error names the file and line.

    Parsing the larger data files takes tens of milliseconds at every start-up, and some are read by
    several stages; the parsed value is kept in the compiled cache (a fresh copy per call, so callers
    may change what they get).
    """
    path = Path(path)
    try:
        return compiled(f"yaml-{path.stem}-{yaml.__version__}", [path], lambda: _parse_yaml(path))
    except FileNotFoundError as exc:
        raise ResourceError(f"{path}: data file is missing") from exc


def _parse_yaml(path: Path) -> Any:
    try:
        with open(path, encoding="utf-8") as fh:
            return yaml.load(fh, Loader=_Loader)
    except FileNotFoundError as exc:
        raise ResourceError(f"{path}: data file is missing") from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f":{mark.line + 1}" if mark is not None else ""
        raise ResourceError(f"{path}{line}: invalid YAML: {exc}") from exc


def load_yaml(relative: str) -> Any:
    """Parse a shipped YAML data file."""
    return load_yaml_file(data_path(relative))


def _cache_dir() -> Path | None:
    """Where compiled resources are kept: $MARSAD_CACHE_DIR, else ~/.cache/marsad; None to disable."""
    env = os.environ.get("MARSAD_CACHE_DIR")
    if env == "":
        return None
    return Path(env) if env else Path.home() / ".cache" / "marsad"


def compiled(name: str, sources: list[Path], build: Callable[[], T]) -> T:
    """``build()``, or its pickled result from an earlier run whose source files had the same content.

    Compiling the actor base (parsing some thousand YAML entries, generating spelling variants,
    building the automaton) takes over a second; loading the compiled form takes a tenth of that.
    The key is a hash of the package version and the bytes of every source file, so an edited data
    file is always recompiled. Any cache problem falls back to building.
    """
    from marsad import __version__

    digest = hashlib.sha1(__version__.encode())
    for path in sorted(sources):
        digest.update(str(path.name).encode())
        digest.update(path.read_bytes())
    folder = _cache_dir()
    target = folder / f"{name}-{digest.hexdigest()[:16]}.pkl" if folder else None
    if target is not None and target.exists():
        try:
            with open(target, "rb") as fh:
                return _unpickle(fh.read())
        except Exception:  # a damaged or foreign cache file is rebuilt
            log.debug("ignoring unreadable cache %s", target)
    value = build()
    if target is not None:
        try:
            folder.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile(dir=folder, delete=False, suffix=".tmp") as fh:
                pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(fh.name, target)
        except OSError:
            log.debug("cannot write cache %s", target)
    return value


def _unpickle(data: bytes) -> Any:
    """``pickle.loads`` with the cyclic garbage collector paused.

    Unpickling the actor base creates a few hundred thousand objects, none of them garbage; the
    collector, triggered again and again by so many new objects, made loading four times slower.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return pickle.loads(data)
    finally:
        if was_enabled:
            gc.enable()
