"""Finding date expressions: spans in the raw text, longest match, and what is not a date."""
from __future__ import annotations

import ast
import datetime as dt
import re
from pathlib import Path

import pytest

import marsad.when.expressions as expressions
from marsad.arabic.normalize import normalize
from marsad.errors import ResourceError
from marsad.when import find_dates

STORY = dt.date(2020, 2, 13)


def _spans(text: str) -> list[str]:
    return [m.text for m in find_dates(text, STORY)]


@pytest.mark.parametrize(("text", "spans"), [
    pytest.param("قال أمسِ الأربعاءَ إن الحوار مستمر", ["أمسِ الأربعاءَ"], id="diacritics_kept_in_raw_span"),
    pytest.param("اجتمع الخميـــس بالوفد", ["الخميـــس"], id="tatweel_kept_in_raw_span"),
    pytest.param("وأمس أعلن", ["أمس"], id="conjunction_left_out_of_span"),
    pytest.param("صرح بالأمس", ["الأمس"], id="preposition_clitic_left_out_of_span"),
    pytest.param("ولعام 2011 أثر", ["عام 2011"], id="double_clitic_left_out"),
    pytest.param("في «5 فبراير» الماضي", ["5 فبراير"], id="guillemets_do_not_join"),
    pytest.param("الخميس 5 فبراير 2020 وصل", ["الخميس 5 فبراير 2020"], id="longest_reading_wins"),
    pytest.param("أمس الأربعاء، 12 فبراير 2020", ["أمس الأربعاء، 12 فبراير 2020"], id="relative_weekday_date_one_span"),
    pytest.param("من 5 إلى 7 فبراير", ["7 فبراير"], id="range_start_without_month_is_not_a_date"),
    pytest.param("في عام 2011 وفي 2014", ["عام 2011", "2014"], id="two_years_in_order"),
    pytest.param("منذ عام 2011", ["عام 2011"], id="since_year_is_not_a_duration"),
    pytest.param("قبل عام 2011", ["عام 2011"], id="before_year_is_not_a_duration"),
    pytest.param("قبل يوم الخميس", ["يوم الخميس"], id="before_thursday_is_not_a_duration"),
    pytest.param("اليوم الخميس\nأمس", ["اليوم الخميس", "أمس"], id="newline_separates"),
])
def test_find_dates_spans(text, spans):
    assert _spans(text) == spans


@pytest.mark.parametrize("text", [
    pytest.param("حصل القرار على 14 صوتا", id="count_is_not_a_date"),
    pytest.param("اجتماع لجنة 5+5 العسكرية", id="committee_name_is_not_a_date"),
    pytest.param("بلغ عدد المهاجرين 2011 مهاجرا", id="unmarked_four_digits_are_not_a_year"),
    pytest.param("في عام 1850 وسنة 2150", id="year_outside_1900_2100"),
    pytest.param("مارس الضغوط على الحكومة", id="verb_marasa_is_not_march"),
    pytest.param("اتفق الطرفان على أن بين الاثنين خلافا", id="the_two_is_not_monday"),
    pytest.param("في اليوم التالي للاجتماع", id="the_next_day_is_relative_to_the_event"),
    pytest.param("في اليوم الأول من المؤتمر", id="the_first_day_is_not_today"),
    pytest.param("قبل يومين من الانتخابات", id="duration_before_an_event"),
    pytest.param("منذ أيام وقبل سنوات", id="vague_durations"),
    pytest.param("فاز الفريق 3 صفر", id="zero_is_not_safar"),
    pytest.param("استقبل رجب طيب أردوغان", id="rajab_as_a_name"),
    pytest.param("الرقم 13/13/2021 غير صالح", id="impossible_numeric_date"),
    pytest.param("النسبة 1/2/3", id="numeric_without_year"),
    pytest.param("شهر رمضان المبارك", id="bare_hijri_month"),
    pytest.param("", id="empty"),
])
def test_find_dates_ignores_non_dates(text):
    assert find_dates(text, STORY) == ()


def test_find_dates_offsets_index_the_raw_text():
    text = "وقال المتحدثُ إنّ الاجتماعَ عُقد أمسِ الأربعاءَ في ٥ فبراير ٢٠٢٠ بالرباط"
    for m in find_dates(text, STORY):
        assert text[m.start:m.end] == m.text
    assert [m.text for m in find_dates(text, STORY)] == ["أمسِ الأربعاءَ", "٥ فبراير ٢٠٢٠"]


CORPUS = [
    "بحث المشير، أمس الأربعاء، مع الوزير تأمين الحدود، واتفقا على لقاء الأسبوع المقبل.",
    "وكانت الحكومة قد أعلنت في 5 فبراير/شباط 2021 عن خطة، وقبل ثلاثة أيام عن أخرى.",
    "منذ عام 2011 وحتى 2020 تغير الكثير، وفي مطلع الشهر الجاري وصل المبعوث.",
    "صباح اليوم نفسه وصل الوفد، وغداً الجمعة يلتقي الرئيس، ويوم 24/12/2021 الانتخابات.",
    "في 15 رمضان 1442 هـ الموافق الثلاثاء 27 أبريل 2021، وفي رمضان الماضي.",
    "قبل يومين من الانتخابات، بين الاثنين، 14 صوتا، 5+5، مارس الضغوط، اليوم التالي.",
    "والثلاثاء الماضي وبالأمس وللعام المقبل وفي السنة الماضية وخلال منتصف الأسبوع الفارط.",
    "يومي الأحد والاثنين المقبلين، والسبت، الأحد و الاثنين الماضيين، وتقرير يومي الخميس.",
    "في وقت سابق من اليوم وفي وقت متأخر من مساء أمس، ونهاية الأسبوع، والأسبوع قبل الماضي.",
    "في العاشر من مارس الشهر المقبل وفي العاشر من الجاري، والأحد والاثنين 7 فبراير.",
    "في مارس 2020 وخلال عام 2019 وفي أواخر العام، حتى شهر يناير ومنذ 2011 وفي منتصف أبريل، في بيان أمس.",
    "هذا الأسبوع وهذه السنة وفي هذا الشهر، هذا القرار في العام الماضي وفي 2014 وفي نهاية العام 2015.",
]


@pytest.mark.parametrize("text", CORPUS, ids=[f"corpus_{i}" for i in range(len(CORPUS))])
def test_opener_gate_finds_what_the_full_scan_finds(text):
    folded = " " + normalize(text).text
    gated, _ = expressions._compiled(gate=True)
    full, _ = expressions._compiled(gate=False)
    assert [m.span() for m in gated.finditer(folded)] == [m.span() for m in full.finditer(folded)]


def test_calendar_lists_every_month_and_weekday():
    lex = expressions.lexicon()
    assert set(lex.months.values()) == set(range(1, 13))
    assert set(lex.hijri_months.values()) == set(range(1, 13))
    assert set(lex.weekdays.values()) == set(range(7))
    assert set(lex.ordinals.values()) == set(range(1, 32))


@pytest.mark.parametrize(("broken", "message"), [
    pytest.param({"months": {13: ["شهر"]}}, "months", id="month_number_out_of_range"),
    pytest.param({"weekdays": {"funday": ["الأحد"]}}, "funday", id="unknown_weekday"),
    pytest.param({"relative": {"soon": ["قريبا"]}}, "soon", id="unknown_relative_kind"),
    pytest.param({"same": []}, "same", id="empty_list"),
    pytest.param({"relative_plural": {"soon": ["القريبين"]}}, "soon", id="unknown_plural_relative_kind"),
    pytest.param({"relative_plural": {"past": ["الماضي"]}}, "both in relative and relative_plural",
                 id="adjective_both_singular_and_plural"),
])
def test_calendar_errors_name_the_file_and_section(monkeypatch, broken, message):
    real = expressions.load_yaml(expressions.CALENDAR)
    monkeypatch.setattr(expressions, "load_yaml", lambda _: {**real, **broken})
    with pytest.raises(ResourceError, match=re.escape(expressions.CALENDAR) + ".*" + message):
        expressions.lexicon.__wrapped__()


def test_date_code_holds_no_arabic_words():
    """Arabic words live in calendar.yaml; code literals (docstrings aside) hold none."""
    arabic_letter = re.compile("[\u0621-\u064a]")
    package = Path(expressions.__file__).parent
    for path in package.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        # a string standing alone as a statement is documentation (module, function or attribute docstring)
        docstrings = {id(node.value) for node in ast.walk(tree) if isinstance(node, ast.Expr)}
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
                assert not arabic_letter.search(node.value), f"{path.name}:{node.lineno}: {node.value!r}"


def _first_placeholders(template: str) -> set[str]:
    """The placeholders (and "DIGIT") a family's template can start with, read from its parsed regex; "ANY"
    when it can start with anything else."""
    import re._constants as c
    import re._parser

    names = sorted(set(re.findall(r"<([A-Z]+)>", template)))
    marker = {chr(0xE000 + i): n for i, n in enumerate(names)}
    body = re.sub(r"<([A-Z]+)>", lambda m: next(k for k, v in marker.items() if v == m.group(1)), template)

    def seq(items) -> tuple[set[str], bool]:
        out: set[str] = set()
        for op, av in items:
            first, nullable = item(op, av)
            out |= first
            if not nullable:
                return out, False
        return out, True

    def char(ch: str) -> str:
        return marker.get(ch) or ("DIGIT" if ch.isdigit() else "ANY")

    def item(op, av) -> tuple[set[str], bool]:
        if op is c.LITERAL:
            return {char(chr(av))}, False
        if op is c.IN:
            return {("DIGIT" if (o is c.CATEGORY and a is c.CATEGORY_DIGIT) or (o is c.LITERAL and chr(a).isdigit())
                     or (o is c.RANGE and all(chr(x).isdigit() for x in range(a[0], a[1] + 1))) else "ANY")
                    for o, a in av}, False
        if op is c.SUBPATTERN:
            return seq(av[3])
        if op is c.BRANCH:
            parts = [seq(b) for b in av[1]]
            return set().union(*(f for f, _ in parts)), any(n for _, n in parts)
        if op in (c.MAX_REPEAT, c.MIN_REPEAT):
            first, nullable = seq(av[2])
            return first, nullable or av[0] == 0
        if op in (c.ASSERT, c.ASSERT_NOT, c.AT):
            return set(), True
        if op is c.GROUPREF_EXISTS:
            (f1, n1), (f2, n2) = seq(av[1]), seq(av[2]) if av[2] else (set(), True)
            return f1 | f2, n1 or n2
        return {"ANY"}, False

    first, nullable = seq(re._parser.parse(body))
    return first | ({"ANY"} if nullable else set())


@pytest.mark.parametrize("family,template", expressions._FAMILIES, ids=[f for f, _ in expressions._FAMILIES])
def test_family_openers_are_what_the_template_can_start_with(family, template):
    assert _first_placeholders(template) == set(expressions._OPENERS[family])
    attached = set(expressions._ATTACHED)
    assert not attached & set(expressions._OPENERS[family])  # their words take no word boundary after them
