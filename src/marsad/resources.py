"""Access to the versioned data files shipped in ``marsad/data``."""
from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from marsad.errors import ResourceError

try:  # libyaml's loader is ~10x faster on the large actor base
    _Loader: Any = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _Loader = yaml.SafeLoader


def data_path(relative: str) -> Path:
    """Path of a shipped data file, e.g. ``actors/libya.yaml``."""
    return Path(str(resources.files("marsad") / "data" / relative))


def load_yaml_file(path: Path) -> Any:
    """Parse one YAML file; a syntax error names the file and line."""
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
