"""Tests for marsad.gazetteer.toponyms: spelling variants, context words, stop-list and person-name guard."""

from __future__ import annotations

import pytest

from marsad.gazetteer.gazetteer import Gazetteer
from marsad.gazetteer.toponyms import recognize
from marsad.text.normalize import normalize


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.default()


def _names(gaz: Gazetteer, text: str) -> list[str]:
    return [t.text for t in recognize(normalize(text), gaz)]


@pytest.mark.parametrize("text, expected", [
    ("وصلت التعزيزات إلى البوكمال مساء أمس", "البوكمال"),
    ("وصلت التعزيزات إلى البو كمال مساء أمس", "البو كمال"),
    ("وصلت التعزيزات إلى أبو كمال مساء أمس", "أبو كمال"),
    ("جرى الاجتماع في قامشلو يوم السبت", "قامشلو"),
    ("جرى الاجتماع في القامشلي يوم السبت", "القامشلي"),
    ("دخلت الدوريات ديرِ الزّور صباحاً", "ديرِ الزّور"),
    ("نُقل الجرحى إلى مشفى في دير الزور", "دير الزور"),
    ("أكد مسؤول في کرمانشاه أن الوضع هادئ", "کرمانشاه"),
])
def test_spelling_variants_diacritics_and_persian_letters(gaz: Gazetteer, text: str, expected: str) -> None:
    assert expected in _names(gaz, text)


def test_variants_resolve_to_one_place(gaz: Gazetteer) -> None:
    ids = set()
    for text in ("في البوكمال", "في البو كمال", "في أبو كمال"):
        tops = recognize(normalize(text), gaz)
        assert len(tops) == 1
        ids.add(next(e.geonames_id for e in tops[0].candidates if e.geonames_id))
    assert len(ids) == 1


@pytest.mark.parametrize("text, name, context, type_word", [
    ("قصف مدفعي على قرى بريف حمص الشرقي", "حمص", "rif", None),
    ("اشتباكات على أطراف مدينة الرقة الشمالية", "الرقة", "outskirts", "city"),
    ("سيطرت الفصائل على بلدة (دير حافر) بالكامل", "دير حافر", None, "town"),
    ("انفجار قرب منبج صباح اليوم", "منبج", "near", None),
    ("تقدمت القوات جنوب حلب", "حلب", "direction", None),
    ("تحركت رتل عسكري شرقي دير الزور", "دير الزور", "direction", None),
    ("أعلنت محافظة حمص حظر التجول", "حمص", None, "governorate"),
])
def test_context_words(gaz: Gazetteer, text: str, name: str, context: str | None, type_word: str | None) -> None:
    top = next(t for t in recognize(normalize(text), gaz) if t.text == name)
    assert top.context == context
    assert top.type_word == type_word


def test_phrase_covers_rif_and_direction(gaz: Gazetteer) -> None:
    text = "قصف مدفعي بريف حمص الشرقي اليوم"
    top = recognize(normalize(text), gaz)[0]
    assert text[top.phrase_start:top.phrase_end] == "ريف حمص الشرقي"
    assert text[top.start:top.end] == "حمص"


@pytest.mark.parametrize("text, kind, site_text", [
    ("استهدفت غارة مستودعات مهين بريف حمص", "depot", "مستودعات مهين"),
    ("هبطت طائرة في مطار القامشلي", "airport", "مطار القامشلي"),
    ("عبرت الشاحنات معبر البوكمال الحدودي", "crossing", "معبر البوكمال"),
    ("أقامت القوات نقطة عسكرية في تدمر", None, None),
    ("أنشأت القوات مقر قيادة", None, None),
])
def test_facility_words_make_sites(gaz: Gazetteer, text: str, kind: str | None, site_text: str | None) -> None:
    tops = recognize(normalize(text), gaz)
    sites = [t for t in tops if t.site_kind]
    if kind is None:
        assert not sites
    else:
        assert sites[0].site_kind == kind
        assert text[sites[0].phrase_start:sites[0].end] == site_text


@pytest.mark.parametrize("text", [
    "قال عبد الرحمن حلب إن الاجتماع انتهى",
    "صرح أبو حمص للصحفيين",
    "التقى الوزير بالسيد محمد حمص أمس",
    "ونقل ابن حماة الرسالة",
])
def test_person_names_are_not_places(gaz: Gazetteer, text: str) -> None:
    assert _names(gaz, text) == []


@pytest.mark.parametrize("text", [
    "قال إن الحرية والسلام هما الهدف",
    "النصر قادم لا محالة والأمل كبير",
    "وأشار إلى أن الآن ليس وقت الكلام",
    "هطلت سيول غزيرة على المنطقة",
    "عاد إلى الباب الخلفي للمبنى",
    "في 12 تل و 3 عين",
])
def test_ordinary_words_are_not_places(gaz: Gazetteer, text: str) -> None:
    assert _names(gaz, text) == []


@pytest.mark.parametrize("text, name", [
    ("دخلت القوات مدينة الباب شرقي حلب", "الباب"),
    ("وصلت التعزيزات إلى الباب من جهة الغرب", "الباب"),
    ("اشتباكات في بلدة الحرية بريف المدينة", "الحرية"),
])
def test_ambiguous_names_with_place_context_are_places(gaz: Gazetteer, text: str, name: str) -> None:
    assert name in _names(gaz, text)
