"""Tests for marsad.text.numbers: Arabic number words and digits, with offsets."""

import pytest

from marsad.text.numbers import find_numbers, fold_text, parse_number


@pytest.mark.parametrize(
    "s,value",
    [
        ("800", 800),
        ("٨٠٠", 800),
        ("۸۰۰", 800),
        ("1,500", 1500),
        ("2.5", 2.5),
        ("٢٫٥", 2.5),
        ("ثمانمئة", 800),
        ("ثمانمائة", 800),
        ("ثلاث مئة", 300),
        ("مئتي", 200),
        ("مائتان", 200),
        ("ألف", 1000),
        ("ألفي", 2000),
        ("ألفين", 2000),
        ("خمسة آلاف", 5000),
        ("عشرين ألفاً", 20000),
        ("2.5 ألف", 2500),
        ("3 ملايين", 3_000_000),
        ("خمسة وعشرون", 25),
        ("خمسة عشر", 15),
        ("أحد عشر", 11),
        ("اثنا عشر", 12),
        ("سبعمئة وخمسون", 750),
        ("ثلاثة آلاف وخمسمئة", 3500),
        ("مئة ألف", 100_000),
        ("ثلاثمائة ألف", 300_000),
        ("عشرات", 10),
        ("العشرات", 10),
        ("مئات", 100),
        ("آلاف", 1000),
        ("عشرات الآلاف", 10_000),
        ("مئات الآلاف", 100_000),
        ("بضعة", 3),
        ("خَمْسَةُ", 5),
    ],
)
def test_parse_number(s: str, value: float) -> None:
    assert parse_number(s) == value


@pytest.mark.parametrize("s", ["الاثنين", "الأحد", "مقاتل", "", "12 و20", "أحد", "القوات"])
def test_parse_number_rejects_non_numbers(s: str) -> None:
    assert parse_number(s) is None


def test_find_numbers_offsets_and_approximation() -> None:
    text = "وصلت نحو 50 آلية، وثلاث شاحنات، وعشرات العناصر يوم الاثنين 23 من الشهر"
    found = {text[s:e]: (v, a) for s, e, v, a in find_numbers(text)}
    assert found["50"] == (50, True)  # hedged by نحو
    assert found["ثلاث"] == (3, False)  # the conjunction و is not part of the span
    assert found["عشرات"] == (10, True)  # vague plural
    assert found["23"] == (23, False)
    assert "الاثنين" not in found  # a weekday, not "two"


def test_find_numbers_maps_back_over_diacritics() -> None:
    text = "أرسلَ الحزبُ ثَمانِمِئةِ مُقاتِلٍ"
    [(s, e, v, a)] = find_numbers(text)
    assert v == 800 and not a
    assert text[s:e] == "ثَمانِمِئةِ"


def test_percent_and_article_digits() -> None:
    text = "وأن الشاحنات الـ22 محملة"
    [(s, e, v, _a)] = find_numbers(text)
    assert (text[s:e], v) == ("22", 22)


def test_fold_offsets_round_trip() -> None:
    text = "قالَ «المرصد» إنّ ٣ آليات وصلتْ"
    f = fold_text(text)
    assert f.text == 'قال "المرصد" ان 3 اليات وصلت'
    i = f.text.index("اليات")
    assert text[f.orig(i) : f.orig_end(i + len("اليات"))] == "آليات"
    assert f.fold_pos(f.orig(i)) == i
