"""Tests for marsad.text.normalize: folding and the offset map back to the original text."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from marsad.text.normalize import fold, key, normalize


@pytest.mark.parametrize(
    ("raw", "folded"),
    [
        ("ديرِ الزور", "دير الزور"),  # kasra
        ("القواتُ الروسية", "القوات الروسيه"),  # damma, ta marbuta
        ("إيرانَ", "ايران"),  # hamza under alef, fatha
        ("أنـــقرة", "انقره"),  # tatweel
        ("آلية", "اليه"),  # madda
        ("مستشفى", "مستشفي"),  # alef maqsura
        ("کرمانشاه", "كرمانشاه"),  # Persian kaf
        ("ایران", "ايران"),  # Persian ya
        ("٨٠٠ مقاتل", "800 مقاتل"),  # Arabic-Indic digits
        ("۱۲ شاحنة", "12 شاحنه"),  # Persian digits
        ("\u200fحلب\u200e", "حلب"),  # bidi marks
        ("حل\u200cب", "حلب"),  # zero-width non-joiner
        ("“فجر الإسلام”", '"فجر الاسلام"'),
        ("T4  Airbase", "t4 airbase"),  # Latin lowercased, spaces collapsed
    ],
)
def test_fold(raw: str, folded: str) -> None:
    assert fold(raw) == folded


def test_key_drops_punctuation() -> None:
    assert key("(ألماز أنتاي)") == "الماز انتاي"
    assert key("حمص – دير الزور") == "حمص دير الزور"


def test_span_maps_back_through_deletions() -> None:
    text = "انسحبتْ القواتُ  من ديرِ الزور"
    norm = normalize(text)
    i = norm.text.index("دير الزور")
    s, e = norm.span(i, i + len("دير الزور"))
    assert text[s:e] == "ديرِ الزور"


@given(st.text(alphabet=st.sampled_from(list("ابتثجحخدذرسشصضطظعغفقكلمنهويىةأإآ ًٌٍَُِّْـ\u200f\n٠١٢")), max_size=60))
def test_every_normalised_char_maps_to_an_original_char(text: str) -> None:
    norm = normalize(text)
    assert len(norm.index) == len(norm.text) + 1
    assert norm.index[-1] == len(text)
    assert norm.index == sorted(norm.index)
    for i, c in enumerate(norm.text):
        original = text[norm.index[i]]
        assert fold(original) == c or (c == " " and original.isspace()) or original == c
