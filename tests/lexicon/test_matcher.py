"""Tests for marsad.lexicon.matcher: clitic-aware, longest-first dictionary matching."""

import pytest

from marsad.lexicon.matcher import Matcher
from marsad.text.normalize import normalize

ENTRIES = [
    ("القوات الروسية", "RUS_MIL"),
    ("فاغنر", "WAGNER"),
    ("الحرس الثوري", "IRGC"),
    ("الحرس الثوري الإيراني", "IRGC"),
    ("البوكمال", "ABU_KAMAL"),
    ("ريف", "RIF"),
    ("ميليشيات إيران", "IRN_PROXIES"),
    ("حزب الله", "HEZBOLLAH"),
]


@pytest.fixture(scope="module")
def matcher() -> Matcher[str]:
    return Matcher(ENTRIES)


@pytest.mark.parametrize(
    ("text", "expected", "surface"),
    [
        ("وبإشراف من ميليشيا الحرس الثوري", "IRGC", "الحرس الثوري"),
        ("انسحبت بريف حمص", "RIF", "ريف"),
        ("تابعة للقوات الروسية", "RUS_MIL", "قوات الروسية"),
        ("والقوات الروسية", "RUS_MIL", "القوات الروسية"),
        ("الميادين والبوكمال", "ABU_KAMAL", "البوكمال"),
        ("قامت ميليشياتُ إيران", "IRN_PROXIES", "ميليشياتُ إيران"),
        ("ومرتزقة فاغنر", "WAGNER", "فاغنر"),
        ("بفاغنر", "WAGNER", "فاغنر"),
        ("عناصر من الحرس الثوري الإيراني", "IRGC", "الحرس الثوري الإيراني"),
        ("ولحزب الله", "HEZBOLLAH", "حزب الله"),
    ],
)
def test_clitics_and_diacritics(matcher: Matcher[str], text: str, expected: str, surface: str) -> None:
    hits = matcher.find(normalize(text))
    assert [h.payloads[0] for h in hits] == [expected]
    assert hits[0].text == surface
    assert text[hits[0].start:hits[0].end] == surface


@pytest.mark.parametrize(
    "text",
    [
        "حزبية",  # inside a longer word
        "قوات روسية",  # indefinite form of a definite alias
        "الفاغنر",  # article on an indefinite name
        "مريف",  # letters before that are not clitics
    ],
)
def test_no_match_inside_other_words(matcher: Matcher[str], text: str) -> None:
    assert matcher.find(normalize(text)) == []


def test_longest_match_wins(matcher: Matcher[str]) -> None:
    hits = matcher.find(normalize("وصل الحرس الثوري الإيراني"))
    assert len(hits) == 1 and hits[0].key == "الحرس الثوري الايراني"


def test_free_suffixes_for_verbs() -> None:
    m = Matcher([("انسحب", "W")], suffixes=None)
    assert [h.suffix for h in m.find(normalize("انسحبت القوات وانسحبوا"))] == ["ت", "وا"]
    m_exact = Matcher([("انسحب", "W")])
    assert m_exact.find(normalize("انسحبت")) == []
