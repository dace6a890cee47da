from marsad.resources import compiled


def test_compiled_reuses_result_until_a_source_changes(tmp_path, monkeypatch):
    monkeypatch.setenv("MARSAD_CACHE_DIR", str(tmp_path / "cache"))
    src = tmp_path / "data.yaml"
    src.write_text("a: 1\n", encoding="utf-8")
    calls = []

    def build():
        calls.append(1)
        return {"n": len(calls)}

    assert compiled("t", [src], build) == {"n": 1}
    assert compiled("t", [src], build) == {"n": 1}
    src.write_text("a: 2\n", encoding="utf-8")
    assert compiled("t", [src], build) == {"n": 2}
    assert len(calls) == 2


def test_compiled_rebuilds_when_the_cache_is_damaged(tmp_path, monkeypatch):
    monkeypatch.setenv("MARSAD_CACHE_DIR", str(tmp_path / "cache"))
    src = tmp_path / "data.yaml"
    src.write_text("a: 1\n", encoding="utf-8")
    compiled("t", [src], lambda: 1)
    for f in (tmp_path / "cache").iterdir():
        f.write_bytes(b"not a pickle")
    assert compiled("t", [src], lambda: 2) == 2


def test_empty_cache_dir_setting_disables_the_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("MARSAD_CACHE_DIR", "")
    src = tmp_path / "data.yaml"
    src.write_text("a: 1\n", encoding="utf-8")
    assert compiled("t", [src], lambda: 1) == 1
    assert compiled("t", [src], lambda: 2) == 2


def test_actor_cache_key_covers_the_compiling_code(monkeypatch, tmp_path):
    """Regression: a compiled base from older code (without a new field) was loaded after an upgrade."""
    import marsad.actors.matcher as matcher

    seen = {}

    def fake_compiled(name, sources, build):
        seen["names"] = {p.name for p in sources}
        return None

    monkeypatch.setattr(matcher, "compiled", fake_compiled)
    matcher.matcher_for(None)
    assert {"base.py", "matcher.py", "variants.py", "lexicon.py", "titles.yaml"} <= seen["names"]


def test_load_yaml_file_from_the_cache_is_a_fresh_copy_and_follows_edits(tmp_path, monkeypatch):
    from marsad.resources import load_yaml_file

    monkeypatch.setenv("MARSAD_CACHE_DIR", str(tmp_path / "cache"))
    src = tmp_path / "data.yaml"
    src.write_text("words: [a, b]\n", encoding="utf-8")
    first = load_yaml_file(src)
    first["words"].append("c")
    assert load_yaml_file(src) == {"words": ["a", "b"]}
    src.write_text("words: [d]\n", encoding="utf-8")
    assert load_yaml_file(src) == {"words": ["d"]}


def test_load_yaml_file_errors_name_the_file_and_line(tmp_path, monkeypatch):
    import pytest

    from marsad.errors import ResourceError
    from marsad.resources import load_yaml_file

    monkeypatch.setenv("MARSAD_CACHE_DIR", str(tmp_path / "cache"))
    bad = tmp_path / "bad.yaml"
    bad.write_text("a: 1\nb: [2\n", encoding="utf-8")
    with pytest.raises(ResourceError, match=r"bad\.yaml:\d+: invalid YAML"):
        load_yaml_file(bad)
    with pytest.raises(ResourceError, match="missing"):
        load_yaml_file(tmp_path / "absent.yaml")
