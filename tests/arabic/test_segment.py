from marsad.arabic.segment import segment


def test_segment_headline_numbers_and_question():
    text = "حفتر يستقبل الوزير\nبحث المشير، اليوم، مع الوزير 2.5 مليون واللجنة 5+5. وصل الوفد.هل يتفقان؟"
    got = [(s.text, s.headline) for s in segment(text)]
    assert got == [
        ("حفتر يستقبل الوزير", True),
        ("بحث المشير، اليوم، مع الوزير 2.5 مليون واللجنة 5+5.", False),
        ("وصل الوفد.", False),
        ("هل يتفقان؟", False),
    ]


def test_segment_offsets_index_the_text():
    text = "  أولا.  ثانيا؟\n\nثالثا"
    for s in segment(text):
        assert text[s.start:s.end] == s.text
