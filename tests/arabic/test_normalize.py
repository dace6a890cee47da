import pytest

from marsad.arabic.normalize import normalize, normalize_key, word_alternation


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


def test_normalize_folds_exactly_as_the_translation_table():
    """Regression guard for the fast fold: every folded or deleted character, in every position, gives
    what ``str.translate`` of the table gives."""
    from marsad.arabic.normalize import _fold, _tables

    table = _tables()[0]
    chars = "".join(chr(k) for k in table)
    for text in (chars, chars[::-1], "قال " + chars + " في طرابلس", "مؤتمر" * 3 + chars[:5], ""):
        assert _fold(text) == text.translate(table)
