"""The compiled modules (setup.py) never run code older than their .py source."""
import hashlib
import importlib.machinery
import json
import sys

import pytest

from marsad import _FreshSourceFinder

SUFFIX = importlib.machinery.EXTENSION_SUFFIXES[0]


@pytest.fixture
def package(tmp_path):
    """A package folder with one compiled module ``stage`` and its source."""
    (tmp_path / "stage.py").write_text("X = 1\n", encoding="utf-8")
    (tmp_path / f"stage{SUFFIX}").write_bytes(b"")
    (tmp_path / "plain.py").write_text("Y = 1\n", encoding="utf-8")
    digest = hashlib.sha1(b"X = 1\n").hexdigest()
    (tmp_path / "_compiled.json").write_text(json.dumps({"marsad.stage": digest}), encoding="utf-8")
    return tmp_path


def test_compiled_module_is_used_while_its_source_is_unchanged(package, monkeypatch):
    monkeypatch.delenv("MARSAD_PURE", raising=False)
    assert _FreshSourceFinder(str(package)).find_spec("marsad.stage") is None  # the usual finders load the .so


def test_edited_source_is_loaded_instead_of_its_stale_compiled_module(package, monkeypatch):
    monkeypatch.delenv("MARSAD_PURE", raising=False)
    (package / "stage.py").write_text("X = 2\n", encoding="utf-8")
    spec = _FreshSourceFinder(str(package)).find_spec("marsad.stage")
    assert spec.origin == str(package / "stage.py")


def test_compiled_module_the_manifest_does_not_name_is_not_used(package, monkeypatch):
    monkeypatch.delenv("MARSAD_PURE", raising=False)
    (package / "_compiled.json").unlink()
    assert _FreshSourceFinder(str(package)).find_spec("marsad.stage").origin == str(package / "stage.py")


def test_pure_setting_loads_every_source(package, monkeypatch):
    monkeypatch.setenv("MARSAD_PURE", "1")
    assert _FreshSourceFinder(str(package)).find_spec("marsad.stage").origin == str(package / "stage.py")


def test_modules_without_a_compiled_form_are_left_to_the_usual_finders(package):
    finder = _FreshSourceFinder(str(package))
    assert finder.find_spec("marsad.plain") is None
    assert finder.find_spec("yaml") is None


def test_the_finder_is_installed_once():
    assert sum(type(f).__name__ == "_FreshSourceFinder" for f in sys.meta_path) == 1
