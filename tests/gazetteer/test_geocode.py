"""Tests for marsad.gazetteer.geocode: disambiguation, precision, sites and the places written on a Document."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.document import Document
from marsad.gazetteer.gazetteer import GazEntry, Gazetteer
from marsad.gazetteer.geocode import Geocoder


def _e(id: str, name: str, name_ar: str, admin1: str, lat: float, lon: float, **kw: object) -> GazEntry:
    base = dict(geonames_id=None, country="SY", admin2=None, kind="village", population=0, precision=1,
                source="geonames", pcode=None, curated=False, aliases=())
    base.update(kw)
    return GazEntry(id, name, name_ar, lat=lat, lon=lon, admin1=admin1, **base)  # type: ignore[arg-type]


# A village name that exists in two governorates, and the cities around them (names invented for
# the test where it matters: "كفر سمعون" is in both Hama and Idleb here).
TINY = Gazetteer([
    _e("t:hama", "Hama", "حماة", "Hama", 35.13, 36.75, kind="city", population=460_000),
    _e("t:idlib", "Idlib", "إدلب", "Idleb", 35.93, 36.63, kind="city", population=128_000),
    _e("t:homs", "Homs", "حمص", "Homs", 34.73, 36.72, kind="city", population=775_000),
    _e("t:gov-homs", "Homs", "حمص", "Homs", 34.73, 36.72, kind="governorate", precision=3, source="ocha",
       aliases=("محافظة حمص",)),
    _e("t:ks-hama", "Kafr Simaan (Hama)", "كفر سمعون", "Hama", 35.30, 36.60, population=1_000),
    _e("t:ks-idlib", "Kafr Simaan (Idlib)", "كفر سمعون", "Idleb", 35.80, 36.50, population=3_000),
    _e("t:mhin", "Mahin", "مهين", "Homs", 34.25, 37.05),
    _e("t:moscow", "Moscow", "موسكو", None, 55.75, 37.62, country="RU", kind="capital", population=10_000_000),
    _e("t:tehran", "Tehran", "طهران", "Tehran", 35.69, 51.42, country="IR", kind="capital", population=7_000_000),
    _e("t:sy", "Syria", "سوريا", None, 35.0, 38.0, country="SY", kind="country", precision=3),
    _e("t:qamishli", "Qamishli", "القامشلي", "Al-Hasakeh", 37.05, 41.23, kind="city", population=184_000,
       aliases=("قامشلو",)),
    _e("site:hmeimim", "Hmeimim Air Base", "قاعدة حميميم", "Lattakia", 35.41, 35.95, kind="base",
       curated=True, source="curated", aliases=("مطار حميميم",)),
])


def _geo(text: str, gaz: Gazetteer = TINY) -> tuple[Document, list]:
    doc = Document(text=text)
    return doc, Geocoder(gaz).geocode(doc)


@pytest.mark.parametrize("text, expected", [
    ("قصفت المدفعية قرية كفر سمعون بريف حماة الشمالي", "t:ks-hama"),
    ("قصفت المدفعية قرية كفر سمعون بريف إدلب الجنوبي", "t:ks-idlib"),
    ("قصفت المدفعية قرية كفر سمعون في ريف حماة", "t:ks-hama"),
])
def test_admin_context_in_the_sentence_disambiguates(text: str, expected: str) -> None:
    _, hits = _geo(text)
    assert next(h for h in hits if h.place.text == "كفر سمعون").place.id == expected


def test_document_context_disambiguates_across_sentences() -> None:
    _, hits = _geo("دارت اشتباكات عنيفة في ريف حماة. وقصفت المدفعية قرية كفر سمعون.")
    assert next(h for h in hits if h.place.text == "كفر سمعون").place.id == "t:ks-hama"


def test_without_context_population_decides() -> None:
    _, hits = _geo("قصفت المدفعية قرية كفر سمعون.")
    assert hits[0].place.id == "t:ks-idlib"


def test_facility_word_makes_a_site_at_the_town() -> None:
    doc, hits = _geo("استهدفت غارات مستودعات مهين بريف حمص الشرقي.")
    mhin, homs = hits
    assert mhin.place.site is not None and mhin.place.site.kind == "depot"
    assert mhin.place.site.text == "مستودعات مهين" and mhin.place.precision == 1
    assert mhin.place.id == "t:mhin#depot" and (mhin.place.lat, mhin.place.lon) == (34.25, 37.05)
    assert doc.text[mhin.phrase_start:mhin.phrase_end] == "مستودعات مهين" and mhin.context is None
    assert homs.context == "rif" and homs.place.precision == 2 and homs.place.id == "t:homs"
    assert doc.text[homs.phrase_start:homs.phrase_end] == "ريف حمص الشرقي"
    kinds = {(e.kind, e.text) for e in doc.entities}
    assert ("site", "مستودعات مهين") in kinds and ("place", "حمص") in kinds


def test_curated_site_alias_keeps_the_name_as_text() -> None:
    doc, hits = _geo("انسحبت القوات الروسية إلى مطار حميميم.")
    h = hits[0]
    assert h.place.id == "site:hmeimim" and h.place.site is not None and h.place.site.kind == "base"
    assert h.place.text == "حميميم" and doc.text[h.phrase_start:h.phrase_end] == "مطار حميميم"


@pytest.mark.parametrize("text, precision", [
    ("اشتباكات على أطراف مدينة حماة.", 2),
    ("انفجار قرب حماة.", 2),
    ("انفجار في محيط حماة.", 2),
    ("انفجار في حماة.", 1),
    ("أعلنت محافظة حمص حظر التجول.", 3),
    ("وصل الوفد إلى سوريا.", 3),
    ("وصل الوفد إلى شمال سوريا.", 3),
])
def test_precision(text: str, precision: int) -> None:
    _, hits = _geo(text)
    assert hits[0].place.precision == precision


def test_governorate_word_picks_the_governorate() -> None:
    _, hits = _geo("أعلنت محافظة حمص حظر التجول.")
    assert hits[0].place.id == "t:gov-homs"
    _, hits = _geo("دخل الوفد مدينة حمص.")
    assert hits[0].place.id == "t:homs"


def test_document_places_collect_every_mention() -> None:
    doc, hits = _geo("وصلت القوات إلى القامشلي. وفي قامشلو اجتمع الوفد، ثم عاد إلى القامشلي وموسكو.")
    places = {p.id: p for p in doc.places}
    assert set(places) == {"t:qamishli", "t:moscow"}
    q = places["t:qamishli"]
    assert [doc.text[m.start:m.end] for m in q.mentions] == ["القامشلي", "قامشلو", "القامشلي"]
    assert q.country == "SY" and q.admin1 == "Al-Hasakeh" and q.text == "القامشلي"
    assert [m.kind for m in doc.mentions] == ["place"] * 4
    assert all(m.data is h for m, h in zip(doc.mentions, hits))


def test_person_name_guard_in_geocoder() -> None:
    doc, hits = _geo("قال عبد الرحمن حماة إن الوفد وصل إلى طهران.")
    assert [h.place.id for h in hits] == ["t:tehran"]


def test_packaged_gazetteer_end_to_end() -> None:
    doc, hits = _geo("بدأت القوات الروسية الانسحاب من مطار القامشلي باتجاه موسكو، وقصفت طائرات مستودعات مهين بريف حمص.",
                     Gazetteer.default())
    by_text = {h.place.text: h.place for h in hits}
    assert by_text["القامشلي"].site is not None and by_text["القامشلي"].country == "SY"
    assert by_text["موسكو"].country == "RU"
    assert by_text["مهين"].site is not None and by_text["مهين"].site.kind == "depot"
    assert by_text["حمص"].precision == 2 and by_text["حمص"].admin1 == "Homs"
    assert abs(by_text["القامشلي"].lat - 37.05) < 0.1


_ALIASES = [n for e in TINY for n in e.arabic_names()]
_FILLER = ["قال", "المصدر", "إن", "القوات", "وصلت", "اليوم", "،", ".", "مساء", "بعد", "اشتباكات", "1200"]
_BEFORE = ["", "", "في ", "إلى ", "بلدة ", "مدينة ", "ريف ", "قرب ", "على أطراف ", "مطار ", "("]
_CLITIC = ["", "", "و", "ب", "ل"]
_MARKS = ["", "", "\u064e", "\u0651", "\u0640"]


@st.composite
def _documents(draw: st.DrawFn) -> str:
    parts = []
    for _ in range(draw(st.integers(1, 12))):
        if draw(st.booleans()):
            name = draw(st.sampled_from(_ALIASES))
            mark = draw(st.sampled_from(_MARKS))
            if mark and len(name) > 2:
                i = draw(st.integers(1, len(name) - 1))
                name = name[:i] + mark + name[i:]
            parts.append(draw(st.sampled_from(_BEFORE)) + draw(st.sampled_from(_CLITIC)) + name)
        else:
            parts.append(draw(st.sampled_from(_FILLER)))
    return " ".join(parts)


@settings(max_examples=200, deadline=None)
@given(_documents())
def test_mention_offsets_point_at_the_place_text(text: str) -> None:
    doc, hits = _geo(text)
    for h in hits:
        assert doc.text[h.start:h.end] == h.place.text
        assert h.phrase_start <= h.start < h.end <= h.phrase_end <= len(doc.text)
    for p in doc.places:
        texts = {h.place.text for h in hits if h.place.id == p.id}
        for m in p.mentions:
            assert doc.text[m.start:m.end] in texts
        assert doc.text[p.mentions[0].start:p.mentions[0].end] == p.text or p.precision < 3
    for m in doc.mentions:
        assert doc.text[m.start:m.end] == m.text
    for e in doc.entities:
        assert doc.text[e.start:e.end] == e.text
