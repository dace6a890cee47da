from marsad.arabic.lexicon import Lexicon
from marsad.arabic.normalize import normalize


def _find(lex, text):
    n = normalize(text)
    out = []
    for h in lex.find(n.text):
        s, e = n.span_to_raw(h.start, h.end)
        out.append((text[s:e], h.values[0], h.proclitic, h.enclitic))
    return out


def test_lexicon_accepts_clitics_and_contracted_definite_article():
    lex = Lexicon([("حفتر", "H"), ("المشير", "M"), ("السراج", "S")])
    assert _find(lex, "وحفتر لحفتر للمشير بالسراج لقائهم") == [
        ("وحفتر", "H", "و", ""), ("لحفتر", "H", "ل", ""), ("للمشير", "M", "ل", ""), ("بالسراج", "S", "ب", "")]


def test_lexicon_rejects_matches_inside_words():
    lex = Lexicon([("مصر", "EGY"), ("لاوس", "LAO")])
    assert _find(lex, "مصراتة الاوسط ومصر") == [("ومصر", "EGY", "و", "")]


def test_lexicon_prefers_longest_match():
    lex = Lexicon([("مجلس الأمن", "UNSC"), ("مجلس", "X"), ("الأمن", "Y")])
    assert [v for _, v, _, _ in _find(lex, "دعا مجلس الأمن")] == ["UNSC"]


def test_lexicon_pronoun_suffix():
    lex = Lexicon([("زيارة", "V")])
    assert _find(lex, "خلال زيارته") == [("زيارته", "V", "", "ه")]
