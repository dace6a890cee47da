"""Readers: txt, JSON Lines, directories and stdin; every bad input is a Failure that says where and why."""
from __future__ import annotations

import datetime as dt
import io
import json
from itertools import islice
from pathlib import Path

import pytest

from marsad.ingest import read_inputs
from marsad.ingest.readers import content_id
from marsad.records import Article, Failure

TEXT_A = "اجتمع وزير الخارجية مع نظيره التونسي في العاصمة لبحث ملف الحدود."
TEXT_B = "أعلنت الحكومة عن خطة جديدة لدعم المزارعين في المناطق الجنوبية."


def write_jsonl(path: Path, *records: object) -> Path:
    path.write_text("".join((r if isinstance(r, str) else json.dumps(r, ensure_ascii=False)) + "\n"
                            for r in records), encoding="utf-8")
    return path


def only(items):
    items = list(items)
    assert len(items) == 1, items
    return items[0]


# --- plain text -----------------------------------------------------------------------------


def test_txt_file_is_one_article_named_after_the_file(tmp_path):
    path = tmp_path / "libya-17.txt"
    path.write_text(TEXT_A + "\n", encoding="utf-8")
    assert only(read_inputs([path])) == Article(doc_id="libya-17", text=TEXT_A + "\n", origin=str(path))


def test_txt_file_with_utf8_bom_drops_the_bom(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + TEXT_A.encode())
    assert only(read_inputs([str(path)])).text == TEXT_A


def test_txt_keeps_crlf_so_offsets_match_the_file(tmp_path):
    path = tmp_path / "crlf.txt"
    path.write_bytes(f"{TEXT_A}\r\n{TEXT_B}".encode())
    assert only(read_inputs([path])).text == f"{TEXT_A}\r\n{TEXT_B}"


# --- failures ------------------------------------------------------------------------------


def test_missing_path_is_a_failure_and_the_batch_goes_on(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(TEXT_A, encoding="utf-8")
    missing = tmp_path / "missing.txt"
    failure, article = read_inputs([missing, good])
    assert isinstance(failure, Failure) and not failure.skipped
    assert failure.origin == str(missing)
    assert failure.message == f"{missing}: no such file or directory; check the path"
    assert article.doc_id == "good"


@pytest.mark.parametrize("name", ["empty.txt", "empty.jsonl", "empty.html", "empty.warc"])
def test_empty_file_is_a_failure(tmp_path, name):
    path = tmp_path / name
    path.write_bytes(b"")
    failure = only(read_inputs([path]))
    assert isinstance(failure, Failure)
    assert failure.message.startswith(f"{path}: file is empty")


def test_whitespace_only_txt_is_a_failure(tmp_path):
    path = tmp_path / "blank.txt"
    path.write_text(" \n\n\t\n", encoding="utf-8")
    assert "file has no text" in only(read_inputs([path])).message


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file (it contains NUL bytes)"),
        (bytes(range(1, 9)) * 40, "binary file (mostly non-text bytes)"),
        ("نص".encode("utf-16"), "UTF-16"),
    ],
    ids=["nul", "control-bytes", "utf16"],
)
@pytest.mark.parametrize("suffix", [".txt", ".jsonl"])
def test_binary_file_is_a_failure(tmp_path, data, reason, suffix):
    path = tmp_path / f"blob{suffix}"
    path.write_bytes(data)
    failure = only(read_inputs([path]))
    assert failure.origin == str(path)
    assert reason in failure.message


def test_invalid_utf8_names_the_byte_offset(tmp_path):
    path = tmp_path / "cp1256.txt"
    path.write_bytes(b"abc " + "مرحبا".encode("cp1256"))
    failure = only(read_inputs([path]))
    assert failure.message.startswith(f"{path}: invalid UTF-8 at byte 4; re-save the file as UTF-8")


def test_too_long_article_says_size_limit_and_fix(tmp_path):
    path = tmp_path / "long.txt"
    path.write_text("ا" * 120, encoding="utf-8")
    failure = only(read_inputs([path], max_chars=100))
    assert failure.message == (f"{path}: article is 120 characters, over the limit of 100; "
                               "split it or raise the limit (max_chars=120)")


def test_file_far_over_the_limit_is_refused_before_reading(tmp_path):
    path = tmp_path / "huge.txt"
    path.write_text("x" * 5_000, encoding="utf-8")
    assert only(read_inputs([path], max_chars=1_000)).message == (
        f"{path}: file is 5,000 bytes, over the 4,000-byte limit that max_chars sets; split it or raise max_chars")


def test_unsupported_suffix_given_explicitly_is_a_failure(tmp_path):
    path = tmp_path / "notes.pdf"
    path.write_bytes(b"%PDF")
    failure = only(read_inputs([path]))
    assert not failure.skipped and "not a supported input type" in failure.message


def test_single_path_instead_of_list_is_a_type_error():
    with pytest.raises(TypeError):
        list(read_inputs("articles.jsonl"))  # type: ignore[arg-type]


def test_max_chars_must_be_positive():
    with pytest.raises(ValueError):
        list(read_inputs([], max_chars=0))


# --- JSON Lines -----------------------------------------------------------------------------


def test_jsonl_fields_and_origin_line(tmp_path):
    path = write_jsonl(
        tmp_path / "in.jsonl",
        {"doc_id": "a-1", "text": TEXT_A, "pub_date": "2020-02-13", "title": "عنوان", "url": "https://x.example/1",
         "outlet": "x.example", "entities": [], "events": [{"type": "CONSULT"}]},
        "",
        {"id": 7, "text": TEXT_B, "pub_date": "2021-01-23T10:15:00+02:00"},
        {"text": TEXT_A, "pub_date": None},
    )
    a, b, c = read_inputs([path])
    assert a == Article(doc_id="a-1", text=TEXT_A, pub_date=dt.date(2020, 2, 13), title="عنوان",
                        url="https://x.example/1", outlet="x.example", origin=f"{path}:1")
    assert (b.doc_id, b.pub_date, b.origin) == ("7", dt.date(2021, 1, 23), f"{path}:3")
    assert c.doc_id == content_id(TEXT_A) and c.doc_id.startswith("sha1:") and len(c.doc_id) == 21
    assert c.pub_date is None


def test_ndjson_with_bom_and_duplicate_ids_keeps_both(tmp_path):
    path = tmp_path / "dup.ndjson"
    lines = [json.dumps({"doc_id": "same", "text": t}, ensure_ascii=False) for t in (TEXT_A, TEXT_B)]
    path.write_bytes(b"\xef\xbb\xbf" + "\n".join(lines).encode())
    assert [(a.doc_id, a.text) for a in read_inputs([path])] == [("same", TEXT_A), ("same", TEXT_B)]


@pytest.mark.parametrize(
    ("record", "field", "reason"),
    [
        ({"doc_id": "x"}, "text", "missing"),
        ({"doc_id": "x", "text": ""}, "text", "is empty"),
        ({"doc_id": "x", "text": "  \n"}, "text", "is empty"),
        ({"doc_id": "x", "text": 42}, "text", "must be a string, not a number"),
        ({"doc_id": "x", "text": TEXT_A, "pub_date": "2021-02-30"}, "pub_date", "impossible date '2021-02-30'"),
        ({"doc_id": "x", "text": TEXT_A, "pub_date": "yesterday"}, "pub_date", "'yesterday' is not a date"),
        ({"doc_id": "x", "text": TEXT_A, "pub_date": "13/45/2020"}, "pub_date", "'13/45/2020' is not a date"),
        ({"doc_id": "x", "text": TEXT_A, "pub_date": 20210223}, "pub_date", "must be a string YYYY-MM-DD"),
        ({"doc_id": ["x"], "text": TEXT_A}, "doc_id", "must be a string or an integer"),
        ({"doc_id": "x", "text": TEXT_A, "title": 3}, "title", "must be a string"),
    ],
    ids=["no-text", "empty-text", "blank-text", "number-text", "feb-30", "yesterday", "us-style", "int-date",
         "list-id", "int-title"],
)
def test_jsonl_bad_field_names_file_line_and_field(tmp_path, record, field, reason):
    path = write_jsonl(tmp_path / "bad.jsonl", {"text": TEXT_B}, record, {"text": TEXT_A})
    good1, failure, good2 = read_inputs([path])
    assert isinstance(good1, Article) and isinstance(good2, Article)
    assert failure.origin == f"{path}:2"
    assert failure.field == field
    assert failure.message.startswith(f"{path}:2 field '{field}': {reason}")


def test_jsonl_failure_keeps_the_given_doc_id(tmp_path):
    path = write_jsonl(tmp_path / "bad.jsonl", {"id": "z-9", "text": TEXT_A, "pub_date": "yesterday"})
    assert only(read_inputs([path])).doc_id == "z-9"


def test_jsonl_malformed_line_names_line_and_json_error(tmp_path):
    path = write_jsonl(tmp_path / "broken.jsonl", {"text": TEXT_A}, '{"text": "x",, }', {"text": TEXT_B})
    _, failure, good2 = read_inputs([path])
    assert failure.origin == f"{path}:2"
    assert failure.message.startswith(
        f"{path}:2: malformed JSON: Expecting property name enclosed in double quotes (column 14)")
    assert good2.text == TEXT_B


@pytest.mark.parametrize(("line", "name"), [("[1, 2]", "an array"), ('"text"', "a string"), ("3", "a number")])
def test_jsonl_line_that_is_not_an_object(tmp_path, line, name):
    path = write_jsonl(tmp_path / "arr.jsonl", line)
    assert only(read_inputs([path])).message == (
        f"{path}:1: a JSON line must be an object with a 'text' field, not {name}")


def test_jsonl_invalid_utf8_line_gives_file_byte_offset_and_goes_on(tmp_path):
    first = json.dumps({"text": "abc"}).encode() + b"\n"
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(first + b'{"text": "\xe3\xf1"}\n' + json.dumps({"text": "def"}).encode() + b"\n")
    good1, failure, good2 = read_inputs([path])
    assert failure.origin == f"{path}:2"
    assert failure.message.startswith(f"{path}:2: invalid UTF-8 at byte {len(first) + 10}")
    assert (good1.text, good2.text) == ("abc", "def")


def test_jsonl_with_only_blank_lines_is_a_failure(tmp_path):
    path = tmp_path / "blank.jsonl"
    path.write_text("\n  \n\n", encoding="utf-8")
    assert only(read_inputs([path])).message == f"{path}: file has no JSON lines (only blank lines)"


def test_jsonl_too_long_text_names_the_field(tmp_path):
    path = write_jsonl(tmp_path / "long.jsonl", {"doc_id": "big", "text": "ب" * 50})
    failure = only(read_inputs([path], max_chars=10))
    assert (failure.field, failure.doc_id) == ("text", "big")
    assert "article is 50 characters, over the limit of 10" in failure.message


# --- directories -------------------------------------------------------------------------------


def test_directory_is_walked_recursively_in_sorted_order(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "c.txt").write_text(TEXT_B, encoding="utf-8")
    (tmp_path / "a.txt").write_text(TEXT_A, encoding="utf-8")
    write_jsonl(tmp_path / "d.jsonl", {"doc_id": "d1", "text": TEXT_A})
    (tmp_path / ".hidden.txt").write_text(TEXT_A, encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text(TEXT_A, encoding="utf-8")
    (tmp_path / "readme.md").write_text("# notes", encoding="utf-8")
    items = list(read_inputs([tmp_path]))
    assert [(type(i).__name__, i.origin) for i in items] == [
        ("Article", str(tmp_path / "a.txt")),
        ("Article", str(tmp_path / "b" / "c.txt")),
        ("Article", f"{tmp_path / 'd.jsonl'}:1"),
        ("Failure", str(tmp_path / "readme.md")),
    ]
    assert items[-1].skipped and "not a supported input type" in items[-1].message


def test_directory_with_thousands_of_files_streams(tmp_path):
    for n in range(2_000):
        (tmp_path / f"{n:05d}.txt").write_text(f"خبر رقم {n}", encoding="utf-8")
    stream = read_inputs([tmp_path])
    first = list(islice(stream, 3))
    assert [a.doc_id for a in first] == ["00000", "00001", "00002"]
    # Files are read only when reached: ones removed now come back as missing.
    for n in range(3, 1_000):
        (tmp_path / f"{n:05d}.txt").unlink()
    rest = list(stream)
    assert len(rest) == 1_997
    assert all(isinstance(i, Failure) and "no such file" in i.message for i in rest[:997])
    assert [a.text for a in rest[997:999]] == ["خبر رقم 1000", "خبر رقم 1001"]


# --- standard input ---------------------------------------------------------------------------


def test_stdin_json_lines(tmp_path):
    stream = io.StringIO("\n" + json.dumps({"doc_id": "s1", "text": TEXT_A}) + "\n{oops\n")
    article, failure = read_inputs(["-"], stdin=stream)
    assert (article.doc_id, article.origin) == ("s1", "<stdin>:2")
    assert failure.origin == "<stdin>:3" and "malformed JSON" in failure.message


def test_stdin_plain_text_is_one_article():
    stream = io.StringIO("\ufeff\n" + TEXT_A + "\n" + TEXT_B + "\n")
    assert only(read_inputs(["-"], stdin=stream)) == Article(
        doc_id="stdin", text=f"\n{TEXT_A}\n{TEXT_B}\n", origin="<stdin>")


def test_stdin_empty_is_a_failure():
    assert "standard input is empty" in only(read_inputs(["-"], stdin=io.StringIO("\n \n"))).message


def test_stdin_defaults_to_sys_stdin(monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO(TEXT_B))
    assert only(read_inputs(["-"])).text == TEXT_B
