"""Exact outputs of the small helpers the frame rules are built from."""
import pytest

from marsad.events.frames import _complementizer, _content_words, _in_name, _is_cut_content, speech_verbs


@pytest.mark.parametrize("pos, expected", [(3, False), (4, True), (9, True), (10, False), (20, True)],
                         ids=["before", "first-char", "last-char", "end-is-outside", "second-name"])
def test_in_name_is_half_open(pos, expected):
    assert _in_name(pos, [(4, 10), (18, 25)]) is expected


@pytest.mark.parametrize("text, pos, end, expected", [
    ("ان الحكومة", 0, None, True),
    ("قال ان الحكومة", 0, None, True),
    ("بلاده ان x", 6, None, False),
    ("قال ان الحكومة", 0, 6, False),
    ("انها", 0, None, False),
    ("قالت انهم", 0, None, False),
], ids=["at-start", "after-space", "no-space-inside-window", "needs-space-after", "at-end", "longer-word"])
def test_complementizer_as_a_word(text, pos, end, expected):
    assert _complementizer(text, pos, end) is expected


def test_speech_verbs_spans_take_the_space_before_but_not_at_the_start():
    text = "قال الوزير ان بلاده، وقالت الحكومه"
    assert speech_verbs(text) == [(0, 3), (20, 26)]


def test_cut_content_needs_a_letter_word_that_is_no_function_word():
    assert [_is_cut_content(w) for w in ("  ", "في", "الحكومه", "،")] == [False, False, True, False]


@pytest.mark.parametrize("a, b, skips, expected", [
    (0, 38, [], 4), (0, 38, [(13, 19)], 3), (1, 12, [], 3), (23, 31, [(24, 30)], 0), (5, 5, [], 0),
], ids=["whole", "a-place-skipped", "cut-words-count-as-they-stand", "bracketed-name-skipped", "empty"])
def test_content_words_between_offsets(a, b, skips, expected):
    assert _content_words("بحث الوزير في طرابلس مع (يونامي) الملف", a, b, skips) == expected
