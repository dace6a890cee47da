"""``Lexicon.find`` checks word boundaries by looking at the characters around each hit; these tests hold it
to a slow, obviously correct reference: every occurrence of every surface form (``str.find``), kept when the
word offsets of the whole text (a regex) put an allowed proclitic before it and an allowed enclitic after it,
overlaps resolved longest first."""
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.arabic.clitics import clitics
from marsad.arabic.lexicon import Lexicon


def reference_find(lex: Lexicon, text: str) -> list[tuple]:
    """(start, end, key_start, key_end, values, proclitic, enclitic) of each hit, the slow way."""
    c = clitics()
    words = [(m.start(), m.end()) for m in re.finditer(r"\w+", text)]
    cands = []
    for surface, (length, values, lam, bound) in lex._automaton.items():
        s = text.find(surface)
        while s >= 0:
            e = s + length
            inside = [w for w in words if w[0] <= s < w[1]]
            last = [w for w in words if w[0] <= e - 1][-1:]
            if inside:
                ws = inside[0][0]
                we = last[0][1]
                pre = text[ws:s] + ("ل" if lam else "")
                suf = text[e:we] if we > e else ""
                ok = pre in c.proclitics and (suf in c.enclitics and lex._use_enclitics if suf else not bound)
                if ok:
                    ks = s + 1 if lam else s
                    cands.append((e - 1, len(cands), (ws, we, ks, e, values, text[ws:ks], suf)))
            s = text.find(surface, s + 1)
    cands = [c for _, _, c in sorted(cands)]  # the automaton's order: by end, then as found
    cands.sort(key=lambda h: (-(h[3] - h[2]), h[0]))
    used: set[int] = set()
    taken = []
    for h in cands:
        span = set(range(h[0], h[1]))
        if not span & used:
            used |= span
            taken.append(h)
    return sorted(taken)


def _as_tuples(lex: Lexicon, text: str) -> list[tuple]:
    return [(h.start, h.end, h.key_start, h.key_end, h.values, h.proclitic, h.enclitic) for h in lex.find(text)]


LEX = Lexicon([("حفتر", "H"), ("المشير", "M"), ("مجلس الامن", "UNSC"), ("مجلس", "C"), ("الامن", "S"),
               ("زياره", "V"), ("مصر", "EGY"), ("اوبك+", "OPEC"), ("د.", "DR"), ("ينس-بك", "P")])
WHOLE = Lexicon([("حفتر", "H"), ("زياره", "V")], enclitics=False)


def test_find_clitics_suffixes_and_the_contracted_article_exactly():
    text = "وللمشير لقاء بحفتر في زيارته، وحفترهم ومصراته ومصر."
    assert _as_tuples(LEX, text) == [
        (0, 7, 2, 7, ("M",), "ول", ""),  # لل: the key starts after the ل that the article lost
        (13, 18, 14, 18, ("H",), "ب", ""),
        (22, 28, 22, 27, ("V",), "", "ه"),
        (30, 37, 31, 35, ("H",), "و", "هم"),
        (46, 50, 47, 50, ("EGY",), "و", ""),
    ]
    assert _as_tuples(LEX, text) == reference_find(LEX, text)


def test_find_keys_with_punctuation_and_overlaps_exactly():
    text = "اعلنت اوبك+ ان د. حفتر زار مجلس الامن والامن"
    assert _as_tuples(LEX, text) == [
        (6, 10, 6, 11, ("OPEC",), "", ""),
        (15, 16, 15, 17, ("DR",), "", ""),
        (18, 22, 18, 22, ("H",), "", ""),
        (27, 37, 27, 37, ("UNSC",), "", ""),
        (38, 44, 39, 44, ("S",), "و", ""),
    ]
    assert _as_tuples(LEX, text) == reference_find(LEX, text)


def test_find_without_enclitics_rejects_suffixed_words():
    assert _as_tuples(WHOLE, "زيارته وحفتره وحفتر") == [(14, 19, 15, 19, ("H",), "و", "")]
    assert _as_tuples(WHOLE, "زيارته وحفتره وحفتر") == reference_find(WHOLE, "زيارته وحفتره وحفتر")


_PIECES = ["و", "ف", "ب", "ل", "ال", "لل", "وال", "حفتر", "المشير", "لمشير", "مجلس", "الامن", "زيار", "ه", "ت",
           "هم", "ها", "مصر", "اوبك", "+", "د", ".", " ", " ", "،", "-", "ا", "5", "_"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=30).map("".join))
def test_find_agrees_with_the_reference_on_random_texts(text):
    for lex in (LEX, WHOLE):
        assert _as_tuples(lex, text) == reference_find(lex, text)
