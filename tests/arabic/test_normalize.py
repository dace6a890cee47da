import pytest

from marsad.arabic.normalize import normalize, normalize_key, word_alternation, word_trie


@pytest.mark.parametrize("raw,expected", [
    ("أإآٱ", "اااا"),
    ("مصطفى", "مصطفي"),
    ("القائد", "القايد"),
    ("مؤتمر", "موتمر"),
    ("حكومة", "حكومه"),
    ("٢٠٢١ و۱۵", "2021 و15"),
    ("«حفتر»", '"حفتر"'),
    ("NOC", "noc"),
], ids=["alef-hamza", "alef-maqsura", "ya-hamza", "waw-hamza", "ta-marbuta", "digits", "guillemets", "latin-case"])
def test_normalize_folds_spelling_variants(raw, expected):
    assert normalize(raw).text == expected


def test_normalize_deletes_diacritics_and_tatweel_and_maps_back():
    raw = "بحثَ القائدُ العامّ مـع حفتر"
    n = normalize(raw)
    assert n.text == "بحث القايد العام مع حفتر"
    i = n.text.index("العام")
    s, e = n.span_to_raw(i, i + len("العام"))
    assert raw[s:e] == "العامّ"
    i = n.text.index("حفتر")
    s, e = n.span_to_raw(i, i + 4)
    assert raw[s:e] == "حفتر"


def test_normalize_without_deletions_is_identity_map():
    n = normalize("حفتر")
    assert n.to_raw(2) == 2 and n.to_raw(4) == 4


def test_normalize_key_collapses_whitespace():
    assert normalize_key(" فائز   السراج ") == "فايز السراج"


def test_word_alternation_puts_phrases_first_and_normalises():
    assert word_alternation(["مئات", "عشرات من", "عشرات"]) == r"(?:عشرات\ من|عشرات|ميات)"
    assert word_alternation(["أتباع", "اتباع"], normalise=False) == "(?:أتباع|اتباع)"
    assert word_alternation(None) == "(?:)"


@pytest.mark.parametrize("tail", ["", r"(?=\s|$)", r"\s*$", r" \S+"], ids=["bare", "word-end", "at-end", "then-word"])
def test_word_trie_matches_what_the_longest_first_alternation_matches(tail):
    import re

    words = ["عشرات", "عشرات من", "عشر", "مئات", "من", "ال", "الاف", "و", "وفد", "وفد رسمي"]
    text = "وصل وفد رسمي ومعه عشرات من الجنود وعشر سيارات و مئات الاف، ثم عشرات من"
    old = re.compile(r"(?:^|\s)[وف]?" + word_alternation(words) + tail)
    new = re.compile(r"(?:^|\s)[وف]?" + word_trie(words) + tail)
    assert [m.span() for m in new.finditer(text)] == [m.span() for m in old.finditer(text)]
    for pos in range(len(text)):
        assert bool(new.match(text, pos)) == bool(old.match(text, pos))
        assert (new.search(text, pos) or re.match("", "")).span() == (old.search(text, pos) or re.match("", "")).span()
    assert word_trie(None) == "(?:)"


def test_normalize_folds_exactly_as_the_translation_table():
    """Regression guard for the fast fold: every folded or deleted character, in every position, gives
    what ``str.translate`` of the table gives."""
    from marsad.arabic.normalize import _fold, _tables

    table = _tables()[0]
    chars = "".join(chr(k) for k in table)
    for text in (chars, chars[::-1], "قال " + chars + " في طرابلس", "مؤتمر" * 3 + chars[:5], ""):
        assert _fold(text) == text.translate(table)
