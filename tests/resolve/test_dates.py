"""Tests of marsad.resolve.dates: every date form the press uses, anchors, publication and event dates."""

from __future__ import annotations

import json
import time
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.document import DateMention
from marsad.resolve.dates import (
    ResolvedDate,
    date_from_url,
    event_date,
    find_dates,
    load_anchors,
    parse_cardinal,
    parse_date_field,
    publication_date,
)

PUB = date(2026, 1, 28)  # a Wednesday
SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"


def only(text: str, published: date | None = PUB) -> ResolvedDate:
    """The single date mention in `text`."""
    found = find_dates(text, published)
    assert len(found) == 1, [m.text for m in found]
    m = found[0]
    assert isinstance(m, ResolvedDate)
    assert text[m.start:m.end] == m.text
    return m


def span(m: DateMention) -> tuple[str | None, str | None]:
    return (m.value_start.isoformat() if m.value_start else None,
            m.value_end.isoformat() if m.value_end else None)


# --- absolute dates ---------------------------------------------------------------------------

@pytest.mark.parametrize("text,expected", [
    ("وقع الهجوم في 23 يناير 2026 قرب الحدود", "2026-01-23"),
    ("وقع الهجوم في 23 كانون الثاني 2026 قرب الحدود", "2026-01-23"),
    ("عقد الاجتماع في 4 فبراير 2024", "2024-02-04"),
    ("عقد الاجتماع في 4 شباط 2024", "2024-02-04"),
    ("انسحبت القوات في 9 مارس 2023", "2023-03-09"),
    ("انسحبت القوات في 9 آذار 2023", "2023-03-09"),
    ("وصلت التعزيزات في 12 أبريل 2022", "2022-04-12"),
    ("وصلت التعزيزات في 12 إبريل 2022", "2022-04-12"),
    ("وصلت التعزيزات في 12 نيسان 2022", "2022-04-12"),
    ("وصلت التعزيزات في 12 أفريل 2022", "2022-04-12"),
    ("بدأت العملية في 3 مايو 2021", "2021-05-03"),
    ("بدأت العملية في 3 أيار 2021", "2021-05-03"),
    ("بدأت العملية في 3 مايس 2021", "2021-05-03"),
    ("اندلعت الاشتباكات في 20 يونيو 2020", "2020-06-20"),
    ("اندلعت الاشتباكات في 20 يونيه 2020", "2020-06-20"),
    ("اندلعت الاشتباكات في 20 حزيران 2020", "2020-06-20"),
    ("اندلعت الاشتباكات في 20 جوان 2020", "2020-06-20"),
    ("سقط الصاروخ في 15 يوليو 2019", "2019-07-15"),
    ("سقط الصاروخ في 15 يوليه 2019", "2019-07-15"),
    ("سقط الصاروخ في 15 تموز 2019", "2019-07-15"),
    ("سقط الصاروخ في 15 جويلية 2019", "2019-07-15"),
    ("أعلن الجيش في 7 أغسطس 2018", "2018-08-07"),
    ("أعلن الجيش في 7 آب 2018", "2018-08-07"),
    ("أعلن الجيش في 7 أوت 2018", "2018-08-07"),
    ("نُقلت المعدات في 30 سبتمبر 2017", "2017-09-30"),
    ("نُقلت المعدات في 30 أيلول 2017", "2017-09-30"),
    ("تحركت الأرتال في 1 أكتوبر 2016", "2016-10-01"),
    ("تحركت الأرتال في 1 تشرين الأول 2016", "2016-10-01"),
    ("تحركت الأرتال في 1 تشرين أول 2016", "2016-10-01"),
    ("أُغلق المعبر في 11 نوفمبر 2015", "2015-11-11"),
    ("أُغلق المعبر في 11 تشرين الثاني 2015", "2015-11-11"),
    ("فُتح الطريق في 25 ديسمبر 2014", "2014-12-25"),
    ("فُتح الطريق في 25 كانون الأول 2014", "2014-12-25"),
    ("وفي 2 شباط/فبراير 2019، أفاد ناشطون بأن الفصائل تقدمت", "2019-02-02"),
    ("وفي 2 فبراير (شباط) 2019 تقدمت الفصائل", "2019-02-02"),
    ("يوم الأحد، الموافق 5 من آذار 2023، قصفت المدفعية القرية", "2023-03-05"),
    ("في العاشر من تموز 2017 أعلن الجيش النصر", "2017-07-10"),
    ("في الحادي والعشرين من أيلول 2025 وصلت القافلة", "2025-09-21"),
    ("وصل الوفد في ٢٣ يناير ٢٠٢٦", "2026-01-23"),
    ("وصل الوفد في ۲۳ يناير ۲۰۲۶", "2026-01-23"),
    ("بتاريخ 2026-01-23 أعلنت الوزارة", "2026-01-23"),
    ("بتاريخ 23/1/2026 أعلنت الوزارة", "2026-01-23"),
    ("بتاريخ 23.01.2026 أعلنت الوزارة", "2026-01-23"),
    ("بتاريخ 2026/01/23 أعلنت الوزارة", "2026-01-23"),
    ("في 3 يناير 2020م قُتل القائد", "2020-01-03"),
])
def test_absolute_day_dates(text: str, expected: str) -> None:
    m = only(text, None)  # a full date needs no publication date
    assert span(m) == (expected, expected)
    assert m.precision == "day"
    assert m.kind == "absolute"


@pytest.mark.parametrize("text,start,end,precision", [
    ("أُنشئت القاعدة في نوفمبر 2019", "2019-11-01", "2019-11-30", "month"),
    ("أُنشئت القاعدة في تشرين الثاني 2019", "2019-11-01", "2019-11-30", "month"),
    ("أُنشئت القاعدة في أغسطس/آب 2020", "2020-08-01", "2020-08-31", "month"),
    ("تعهدت الحكومة بالانسحاب بحلول سبتمبر 2025", "2025-09-01", "2025-09-30", "month"),
    ("توصل الطرفان إلى تفاهم عام 2024", "2024-01-01", "2024-12-31", "year"),
    ("توصل الطرفان إلى تفاهم في 2024", "2024-01-01", "2024-12-31", "year"),
    ("سيغادر الباقون بحلول نهاية عام 2026", "2026-10-01", "2026-12-31", "month"),
    ("وصلت الميليشيات مطلع 2018", "2018-01-01", "2018-03-31", "month"),
    ("تقدمت القوات أواخر آذار 2020", "2020-03-21", "2020-03-31", "week"),
    ("تقدمت القوات بين 23 و25 يناير 2026", "2026-01-23", "2026-01-25", "day"),
])
def test_absolute_ranges(text: str, start: str, end: str, precision: str) -> None:
    m = only(text, None)
    assert span(m) == (start, end)
    assert m.precision == precision


@pytest.mark.parametrize("text", [
    "قطعت القوات مسافة 2225 كيلومترا",
    "مارس المسلحون ضغوطا على الأهالي",
    "قال رمضان أحمد إن الوضع هادئ",
    "ذكرت شبكة روسيا اليوم أن الوفد وصل",
    "نشرت صحيفة اليوم السابع تقريرا",
    "اتفق كلا الاثنين على الهدنة",
    "أصيب 12 عنصرا و3 مدنيين",
    "بلغ عدد الجنود 600 جندي",
])
def test_words_that_are_not_dates(text: str) -> None:
    assert find_dates(text, PUB) == []


# --- year-less dates take their year from the publication date ---------------------------------

@pytest.mark.parametrize("text,expected", [
    ("انطلقت عملية النقل في 23 يناير الجاري", "2026-01-23"),
    ("انطلقت عملية النقل في 23 يناير", "2026-01-23"),
    ("دخلت القوات البلدة في 5 ديسمبر", "2025-12-05"),  # nearest past occurrence
    ("دخلت القوات البلدة في 10 آذار", "2025-03-10"),
    ("سيعقد الاجتماع في 15 فبراير", "2026-02-15"),  # a few weeks ahead: upcoming
    ("انسحبت الفصائل في 20 يناير الماضي", "2026-01-20"),
    ("انسحبت الفصائل في العاشر من تموز الماضي", "2025-07-10"),
])
def test_yearless_dates(text: str, expected: str) -> None:
    m = only(text)
    assert span(m) == (expected, expected)
    assert m.precision == "day"


def test_yearless_date_without_publication_date_is_unknown() -> None:
    m = only("انطلقت عملية النقل في 23 يناير", None)
    assert (m.value_start, m.precision) == (None, "unknown")


@pytest.mark.parametrize("text,start,end", [
    ("افتتحت الميليشيا مقرها في شهر آذار", "2025-03-01", "2025-03-31"),
    ("افتتحت الميليشيا مقرها في أيار", "2025-05-01", "2025-05-31"),
    ("تأسست الميليشيا في شهر أغسطس الفائت", "2025-08-01", "2025-08-31"),
    ("تم التوصل إلى الاتفاق في مارس الماضي", "2025-03-01", "2025-03-31"),
    ("تنتهي المهلة في شباط المقبل", "2026-02-01", "2026-02-28"),
])
def test_month_without_year(text: str, start: str, end: str) -> None:
    m = only(text)
    assert span(m) == (start, end)
    assert m.precision == "month"


# --- day names ----------------------------------------------------------------------------------

@pytest.mark.parametrize("text,expected", [
    ("زار الصحفيون القاعدة الثلاثاء", "2026-01-27"),
    ("زار الصحفيون القاعدة يوم الثلاثاء", "2026-01-27"),
    ("وصلت التعزيزات الاثنين", "2026-01-26"),
    ("وصلت التعزيزات الإثنين", "2026-01-26"),
    ("وصلت التعزيزات والاثنين", "2026-01-26"),
    ("بدأ القصف الأحد", "2026-01-25"),
    ("بدأ القصف يوم الأربعاء", "2026-01-28"),  # publication day itself
    ("أعلنت القيادة الجمعة الماضية السيطرة على البلدة", "2026-01-23"),
    ("انسحبت القوات الاثنين الماضي", "2026-01-26"),
    ("انسحبت القوات الأربعاء الماضي", "2026-01-21"),  # strictly before publication
    ("أعلن الجيش صباح السبت سيطرته على المدينة", "2026-01-24"),
    ("هاجم الطيران المطار مساء الثلاثاء الماضي", "2026-01-27"),
    ("هاجم الطيران المطار ظهر الخميس", "2026-01-22"),
    ("انسحبت القوات الثلاثاء قبل الماضي", "2026-01-20"),
    ("سيصل الوفد الخميس المقبل", "2026-01-29"),
])
def test_day_names(text: str, expected: str) -> None:
    m = only(text)
    assert span(m) == (expected, expected)
    assert m.precision == "day"


def test_night_before_a_day() -> None:
    m = only("اندلعت الاشتباكات ليلة السبت")
    assert span(m) == ("2026-01-23", "2026-01-24")
    m = only("استمر القصف ليل الخميس - الجمعة")
    assert span(m) == ("2026-01-22", "2026-01-23")


def test_day_name_without_publication_date_is_unknown() -> None:
    m = only("أعلن الجيش صباح السبت سيطرته على المدينة", None)
    assert (m.value_start, m.value_end, m.precision) == (None, None, "unknown")
    assert m.text == "صباح السبت"


# --- relative dates -----------------------------------------------------------------------------

@pytest.mark.parametrize("text,start,end,precision", [
    ("قالت المصادر اليوم إن القوات انسحبت", "2026-01-28", "2026-01-28", "day"),
    ("قالت المصادر اليوم الأربعاء إن القوات انسحبت", "2026-01-28", "2026-01-28", "day"),
    ("سقطت القذائف فجر اليوم على البلدة", "2026-01-28", "2026-01-28", "day"),
    ("وصلت الشاحنات أمس", "2026-01-27", "2026-01-27", "day"),
    ("وصلت الشاحنات أمس الثلاثاء", "2026-01-27", "2026-01-27", "day"),
    ("وصلت الشاحنات بعد ظهر أمس الثلاثاء", "2026-01-27", "2026-01-27", "day"),
    ("وصلت الشاحنات مساء أمس", "2026-01-27", "2026-01-27", "day"),
    ("وقعت الاتفاقية أول أمس", "2026-01-26", "2026-01-26", "day"),
    ("وقعت الاتفاقية أول من أمس", "2026-01-26", "2026-01-26", "day"),
    ("وقعت الاتفاقية أول أمس الاثنين", "2026-01-26", "2026-01-26", "day"),
    ("وقعت الاتفاقية البارحة", "2026-01-27", "2026-01-27", "day"),
    ("اندلع حريق ليلة أمس في المستودع", "2026-01-27", "2026-01-28", "day"),
    ("بدأت القوات الإخلاء قبل خمسة أيام", "2026-01-23", "2026-01-23", "day"),
    ("بدأت القوات الإخلاء قبل خمسة أو ستة أيام", "2026-01-22", "2026-01-23", "day"),
    ("بدأت القوات الإخلاء منذ يومين", "2026-01-26", "2026-01-26", "day"),
    ("بدأت القوات الإخلاء قبل 3 أيام", "2026-01-25", "2026-01-25", "day"),
    ("بدأت القوات الإخلاء منذ أيام", "2026-01-21", "2026-01-26", "week"),
    ("بدأت القوات الإخلاء منذ بضعة أيام", "2026-01-21", "2026-01-26", "week"),
    ("انسحبت الميليشيا قبل أسبوع", "2026-01-21", "2026-01-21", "week"),
    ("انسحبت الميليشيا قبل شهرين", "2025-11-28", "2025-11-28", "month"),
    ("انسحبت الميليشيا منذ نحو عامين", "2024-01-28", "2024-01-28", "year"),
    ("أكملت القوات انسحابها خلال اليومين الماضيين", "2026-01-26", "2026-01-28", "day"),
    ("تواصلت الرحلات خلال الأيام الأربعة الماضية", "2026-01-24", "2026-01-28", "week"),
    ("شوهدت الآليات خلال الأيام الماضية", "2026-01-21", "2026-01-28", "week"),
    ("قُتل عنصران خلال الـ24 ساعة الماضية", "2026-01-27", "2026-01-28", "day"),
    ("تحررت المدينة الأسبوع الماضي", "2026-01-17", "2026-01-23", "week"),
    ("تصاعد القصف هذا الأسبوع", "2026-01-24", "2026-01-30", "week"),
    ("افتتحت الميليشيا الشهر الجاري أول مقر لها", "2026-01-01", "2026-01-31", "month"),
    ("قال مسؤول الشهر الماضي إن الجيش بحاجة إلى إعادة هيكلة", "2025-12-01", "2025-12-31", "month"),
    ("وصلت التعزيزات مطلع الشهر", "2026-01-01", "2026-01-10", "week"),
    ("وصلت التعزيزات أواخر الشهر الماضي", "2025-12-21", "2025-12-31", "week"),
    ("أُطيح بالحكومة العام الماضي", "2025-01-01", "2025-12-31", "year"),
    ("أُطيح بالحكومة السنة الماضية", "2025-01-01", "2025-12-31", "year"),
    ("تشكلت الميليشيا مطلع العام الجاري", "2026-01-01", "2026-03-31", "month"),
])
def test_relative_dates(text: str, start: str, end: str, precision: str) -> None:
    m = only(text)
    assert span(m) == (start, end)
    assert m.precision == precision
    assert m.kind == "relative"


@pytest.mark.parametrize("text", [
    "وصلت الشاحنات أمس",
    "بدأت القوات الإخلاء قبل خمسة أيام",
    "تحررت المدينة الأسبوع الماضي",
    "أكملت القوات انسحابها خلال اليومين الماضيين",
])
def test_relative_dates_need_a_publication_date(text: str) -> None:
    m = only(text, None)
    assert (m.value_start, m.value_end, m.precision) == (None, None, "unknown")


def test_span_keeps_the_time_word() -> None:
    assert only("أكملت القوات انسحابها خلال اليومين الماضيين").text == "خلال اليومين الماضيين"
    assert only("قصف الطيران المواقع في الآونة الأخيرة").text == "في الآونة الأخيرة"
    assert only("وسقطت القذائف مساء الثلاثاء الماضي").text == "مساء الثلاثاء الماضي"
    assert only("انسحبت الميليشيا مؤخّراً من المدينة").text == "مؤخّراً"  # tanween kept


@pytest.mark.parametrize("text", [
    "انسحبت الميليشيا مؤخراً من المدينة",
    "انسحبت الميليشيا مؤخّراً من المدينة",
    "تصاعدت الهجمات في الآونة الأخيرة",
    "تسيطر الميليشيا على الحي منذ سنوات",
    "تتفاوض الحكومتان منذ شهور",
    "تتمركز القوات هناك منذ فترة طويلة",
])
def test_vague_dates_are_kept_but_not_precise(text: str) -> None:
    m = only(text)
    assert m.kind == "vague"
    assert m.precision == "unknown"


@pytest.mark.parametrize("text,start,end,precision", [
    ("تستخدم موسكو المطار منذ عام 2019", "2019-01-01", "2019-12-31", "year"),
    ("تستخدم موسكو المطار منذ 2019", "2019-01-01", "2019-12-31", "year"),
    ("تنسحب القوات منذ الثلاثاء", "2026-01-27", "2026-01-27", "day"),
])
def test_since(text: str, start: str, end: str, precision: str) -> None:
    m = only(text)
    assert m.kind == "since"
    assert m.text.startswith("منذ")
    assert span(m) == (start, end)
    assert m.precision == precision


def test_ghadat_and_ashiyat_shift_a_date() -> None:
    assert span(only("دخلت القوات المدينة غداة الثلاثاء")) == ("2026-01-28", "2026-01-28")
    m = only("وصلت الوفود عشية 10 آذار 2025")
    assert span(m) == ("2025-03-09", "2025-03-09")
    assert m.text == "عشية 10 آذار 2025"


# --- Hijri ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text,start,end,precision", [
    ("وقع التفجير في 1 رمضان 1445 هـ", "2024-03-11", "2024-03-11", "day"),
    ("وقع التفجير في الأول من رمضان 1445هـ", "2024-03-11", "2024-03-11", "day"),
    ("تصاعدت الهجمات في رمضان 1445 هـ", "2024-03-11", "2024-04-09", "month"),
    ("تصاعدت الهجمات في شهر رمضان 1445", "2024-03-11", "2024-04-09", "month"),
    ("صادف العيد 10 ذو الحجة 1444 هـ", "2023-06-28", "2023-06-28", "day"),
])
def test_hijri_dates(text: str, start: str, end: str, precision: str) -> None:
    m = only(text, None)
    assert span(m) == (start, end)
    assert m.precision == precision


def test_hijri_month_without_year_takes_the_publication_year() -> None:
    m = only("تصاعدت الهجمات خلال شهر رمضان المبارك", date(2024, 4, 20))
    assert span(m) == ("2024-03-11", "2024-04-09")
    assert m.kind == "relative"


def test_eid_al_fitr_relative_to_publication() -> None:
    m = only("سقطت قذائف في أول أيام عيد الفطر", date(2024, 4, 20))
    assert span(m) == ("2024-04-10", "2024-04-10")


# --- anchors ------------------------------------------------------------------------------------------

def test_anchor_file_has_the_required_events() -> None:
    anchors = {a.id: a for a in load_anchors()}
    assert len(anchors) >= 40
    required = {
        "russia_invades_ukraine": "2022-02-24", "fall_of_assad": "2024-12-08",
        "al_aqsa_flood": "2023-10-07", "syrian_revolution": "2011-03-15",
        "russian_intervention_syria": "2015-09-30", "euphrates_shield": "2016-08-24",
        "olive_branch": "2018-01-20", "peace_spring": "2019-10-09", "spring_shield": "2020-02-27",
        "moskva_sinks": "2022-04-14", "soleimani_killed": "2020-01-03",
        "ghouta_chemical_attack": "2013-08-21", "khan_shaykhun_attack": "2017-04-04",
        "mosul_falls_to_isis": "2014-06-10", "mosul_liberated": "2017-07-10", "baghouz": "2019-03-23",
        "beirut_port_explosion": "2020-08-04", "earthquake_2023": "2023-02-06",
        "nasrallah_killed": "2024-09-27", "israel_hezbollah_ceasefire": "2024-11-27",
        "deterrence_of_aggression": "2024-11-27", "aleppo_2024": "2024-11-30",
        "aleppo_2016": "2016-12-22", "astana_talks": "2017-01-23", "sochi_agreement": "2018-09-17",
        "moscow_protocol": "2020-03-05", "us_withdrawal_announcement_2018": "2018-12-19",
        "kurdistan_referendum": "2017-09-25", "baghdadi_killed": "2019-10-27",
        "damascus_consulate_strike": "2024-04-01", "iran_attack_april_2024": "2024-04-13",
        "iran_attack_october_2024": "2024-10-01", "iran_israel_war_2025": "2025-06-13",
        "suwayda_clashes": "2025-07-13", "coastal_massacres": "2025-03-06",
        "sdf_damascus_agreement": "2025-03-10", "wagner_mutiny": "2023-06-23",
        "prigozhin_death": "2023-08-23", "raisi_death": "2024-05-19",
        "tishreen_protests": "2019-10-01", "arab_league_readmission": "2023-05-07",
    }
    for anchor_id, day in required.items():
        assert anchors[anchor_id].start.isoformat() == day, anchor_id


def test_every_phrasing_finds_its_anchor() -> None:
    by_phrase: dict[str, set[date]] = {}
    for a in load_anchors():
        for p in a.phrasings:
            by_phrase.setdefault(p, set()).add(a.start)
    for a in load_anchors():
        for p in a.phrasings:
            found = [m for m in find_dates(f"وذلك {p} كما ذكرت المصادر", None) if m.anchor]
            assert found, p
            assert found[0].value_start == a.start or found[0].anchor == a.id, (p, found[0])
    # one phrasing must not name two different days
    assert all(len(days) == 1 for days in by_phrase.values())


@pytest.mark.parametrize("text,expected,precision", [
    ("بعد 50 يوماً من الغزو الروسي لأوكرانيا، أخلت القوات الروسية مواقعها", "2022-04-15", "day"),
    ("وبعد خمسين يوماً من الغزو الروسي لأوكرانيا انسحبت القوات", "2022-04-15", "day"),
    ("بعد خمسين يوما على بدء الحرب الروسية على أوكرانيا", "2022-04-15", "day"),
    ("بعد شهرين من الغزو الروسي لأوكرانيا", "2022-04-24", "month"),
    ("بعد مرور عام على سقوط نظام الأسد", "2025-12-08", "year"),
    ("قبل أسبوع من طوفان الأقصى", "2023-09-30", "week"),
    ("قبل ثلاثة أيام من اغتيال قاسم سليماني", "2019-12-31", "day"),
    ("عشية معركة ردع العدوان", "2024-11-26", "day"),
    ("غداة مقتل حسن نصر الله", "2024-09-28", "day"),
    ("غداة اتفاق سوتشي", "2018-09-18", "day"),
    ("في الذكرى الثالثة لسقوط نظام الأسد", "2027-12-08", "day"),
    ("في الذكرى السنوية الأولى لانفجار مرفأ بيروت", "2021-08-04", "day"),
    ("في الذكرى العاشرة للثورة السورية", "2021-03-15", "day"),
    ("خلال عملية نبع السلام", "2019-10-09", "day"),
    ("بعد أسبوعين من انطلاق عملية غصن الزيتون", "2018-02-03", "week"),
])
def test_anchored_dates(text: str, expected: str, precision: str) -> None:
    found = [m for m in find_dates(text, None) if m.anchor]
    assert len(found) == 1
    m = found[0]
    assert m.value_start is not None and m.value_start.isoformat() == expected
    assert m.precision == precision
    assert isinstance(m, ResolvedDate) and m.kind == "anchored"
    assert text[m.start:m.end] == m.text


def test_anniversary_without_ordinal_uses_publication_year() -> None:
    m = only("نظم الأهالي وقفة في ذكرى مجزرة الكيماوي في الغوطة", date(2024, 8, 22))
    assert span(m) == ("2024-08-21", "2024-08-21")


def test_since_an_anchor() -> None:
    m = only("تسيطر الميليشيات على المطار منذ التدخل الروسي في سوريا")
    assert m.kind == "since"
    assert span(m) == ("2015-09-30", "2015-09-30")


def test_after_an_anchor_without_offset_is_vague() -> None:
    m = only("بعد سقوط نظام الأسد انسحبت الميليشيات")
    assert m.kind == "vague" and m.precision == "unknown"
    assert m.value_start == date(2024, 12, 8)


def test_bare_anchor() -> None:
    m = only("وكان آخر الخسائر طرّادُ قيادة أسطول البحر الأسود")
    assert m.kind == "bare_anchor"
    assert m.anchor == "moskva_sinks"
    assert span(m) == ("2022-04-14", "2022-04-14")


@pytest.mark.parametrize("text,expected", [
    ("خمسين", 50), ("50", 50), ("خمسة وعشرين", 25), ("ثلاثة عشر", 13), ("عشرة", 10),
    ("الـ24", 24), ("مئة", 100), ("ثلاثة", 3), ("كلمة", None),
])
def test_parse_cardinal(text: str, expected: int | None) -> None:
    assert parse_cardinal(text) == expected


# --- publication date ---------------------------------------------------------------------------------

def test_publication_date_from_dateline() -> None:
    text = "أربيل (كوردستان24)- الاثنين 26 كانون الثاني 2026: أعلنت قوات البيشمركة وصول تعزيزات.\n\nوقال مسؤول إن القوات تقدمت."
    assert publication_date(text) == (date(2026, 1, 26), "dateline")


def test_publication_date_from_a_published_line() -> None:
    text = "أعلن الجيش السيطرة على البلدة.\n" + "وتابع المتحدث حديثه. " * 30 + "\nتاريخ النشر: 28/01/2026"
    assert publication_date(text) == (date(2026, 1, 28), "text")


def test_publication_date_from_title() -> None:
    assert publication_date("انسحبت القوات من القاعدة.", "حصاد 5 آذار 2024") == (date(2024, 3, 5), "title")


def test_publication_date_from_anchor_in_the_opening() -> None:
    text = ("بعد 50 يوماً من الغزو الروسي لأوكرانيا، ومع تزايد خسائر موسكو هناك، "
            "سحبت روسيا بعض قواتها من مواقع في سوريا.\n\nوأنشأت الميليشيات مقرات جديدة.")
    assert publication_date(text) == (date(2022, 4, 15), "anchor")


def test_publication_date_ignores_since_and_later_dates() -> None:
    text = ("تستخدم القوات المطار منذ الغزو الروسي لأوكرانيا.\n\n" + "وأضاف المصدر أن الوضع هادئ. " * 20
            + "وكانت القاعدة قد أنشئت في 3 نوفمبر 2019.")
    assert publication_date(text) == (None, None)


# --- metadata fields and URLs -------------------------------------------------------------------------

@pytest.mark.parametrize("value,expected", [
    ("2026-01-28", date(2026, 1, 28)),
    ("2026-01-28T10:00:00Z", date(2026, 1, 28)),
    ("2026-01-28T23:30:00+03:00", date(2026, 1, 28)),
    ("28/01/2026", date(2026, 1, 28)),
    ("01/28/2026", date(2026, 1, 28)),
    ("28-01-2026", date(2026, 1, 28)),
    ("2026/01/28", date(2026, 1, 28)),
    ("20260128", date(2026, 1, 28)),
    ("Wed, 28 Jan 2026 10:00:00 GMT", date(2026, 1, 28)),
    ("January 28, 2026", date(2026, 1, 28)),
    ("28 Jan 2026", date(2026, 1, 28)),
    ("28 يناير 2026", date(2026, 1, 28)),
    ("الأربعاء 28 كانون الثاني 2026", date(2026, 1, 28)),
    ("unknown", None),
    ("", None),
    (None, None),
    ("not a date", None),
])
def test_parse_date_field(value: str | None, expected: date | None) -> None:
    assert parse_date_field(value) == expected


@pytest.mark.parametrize("url,expected", [
    ("https://youm7.com/story/2019/12/5/slug/4532831", date(2019, 12, 5)),
    ("https://bilarabi.net/2019/04/28/slug", date(2019, 4, 28)),
    ("https://www.shorouknews.com/news/view.aspx?cdate=28012026&id=b0215b8a", date(2026, 1, 28)),
    ("https://example.com/news/20240305-report", date(2024, 3, 5)),
    ("https://radioalkul.com/p379280", None),
    (None, None),
])
def test_date_from_url(url: str | None, expected: date | None) -> None:
    assert date_from_url(url) == expected


# --- event dates ----------------------------------------------------------------------------------------

def _ev(text: str, evidence: str, published: date | None = PUB):
    dates = find_dates(text, published)
    i = text.index(evidence)
    return event_date(text, i, i + len(evidence), dates, published)


def test_event_date_inside_evidence_wins() -> None:
    text = "أعلن الجيش صباح السبت سيطرته على البلدة. وكانت القوات قد انسحبت أمس."
    ed = _ev(text, "أعلن الجيش صباح السبت سيطرته على البلدة")
    assert (ed.start, ed.end, ed.precision, ed.text) == ("2026-01-24", "2026-01-24", "day", "صباح السبت")


def test_event_date_from_the_same_sentence() -> None:
    text = "وتفقد مراسلون الموقع، الثلاثاء، ولاحظوا أنه أصبح بيد المقاتلين، الذين قالوا إن الروس غادروا خلال الأيام الماضية."
    ed = _ev(text, "ولاحظوا أنه أصبح بيد المقاتلين")
    assert ed.start == "2026-01-27" and ed.precision == "day"


def test_event_date_skips_a_relative_clause_after_the_evidence() -> None:
    text = "أفاد مصدر بأن أنقرة تقيم قاعدة مؤقتة في مدينة الباب التي تم تحريرها الأسبوع الماضي."
    ed = _ev(text, "أنقرة تقيم قاعدة مؤقتة في مدينة الباب")
    assert (ed.start, ed.end, ed.precision, ed.text) == ("2026-01-21", "2026-01-28", "week", None)


def test_event_date_from_earlier_in_the_paragraph() -> None:
    text = "وفي 2 شباط 2019 نقلت الميليشيات مركز إمدادها. واتخذت من المطار مقرا لها.\n\nوقال مسؤول إن الوضع هادئ."
    ed = _ev(text, "واتخذت من المطار مقرا لها")
    assert ed.start == "2019-02-02"


def test_opening_anchor_dates_the_article_until_another_date() -> None:
    text = ("بعد 50 يوماً من الغزو الروسي لأوكرانيا، أخلت القوات الروسية مواقع في سوريا.\n\n"
            "وقال ناشطون إن روسيا انسحبت مؤخّراً من نقاط في منبج.\n\n"
            "وأنشأت الميليشيات معسكراً جديداً.\n\n"
            "وفي 3 أيار 2022 وصلت تعزيزات إلى المطار.\n\n"
            "وشكلت الميليشيات فصيلاً جديداً.")
    pub, how = publication_date(text)
    assert (pub, how) == (date(2022, 4, 15), "anchor")
    first = _ev(text, "أخلت القوات الروسية مواقع في سوريا", pub)
    assert first.start == "2022-04-15" and first.precision == "day"
    recent = _ev(text, "روسيا انسحبت مؤخّراً من نقاط في منبج", pub)
    assert recent.start == "2022-04-15"  # "مؤخراً" is too vague to replace the frame
    camp = _ev(text, "وأنشأت الميليشيات معسكراً جديداً", pub)
    assert camp.start == "2022-04-15"
    later = _ev(text, "وشكلت الميليشيات فصيلاً جديداً", pub)
    assert later.start != "2022-04-15"  # another date has appeared since the opening


def test_standing_state_since_does_not_date_the_event() -> None:
    text = "تنقل القوات معداتها من المطار الذي تستخدمه منذ عام 2019 إلى قاعدة حميميم."
    ed = _ev(text, "تنقل القوات معداتها من المطار", date(2026, 1, 26))
    assert (ed.start, ed.end, ed.precision) == ("2026-01-19", "2026-01-26", "week")


def test_event_date_falls_back_to_publication_week_then_unknown() -> None:
    text = "انسحبت الميليشيا من مواقعها في البلدة."
    ed = _ev(text, "انسحبت الميليشيا من مواقعها")
    assert (ed.start, ed.end, ed.precision, ed.text) == ("2026-01-21", "2026-01-28", "week", None)
    ed = _ev(text, "انسحبت الميليشيا من مواقعها", None)
    assert (ed.start, ed.end, ed.precision, ed.text) == (None, None, "unknown", None)


# --- offsets ----------------------------------------------------------------------------------------------

DATE_PHRASES = ["23 يناير 2026", "أمس الثلاثاء", "الجمعة الماضية", "قبل خمسة أيام",
                "بعد 50 يوماً من الغزو الروسي لأوكرانيا", "مطلع الشهر الماضي", "1 رمضان 1445 هـ"]


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(DATE_PHRASES),
       st.text(alphabet="ابتثجحخدرزسشصضطظعغفقكلمنهوي ،.\u064e\u0651\n", max_size=40),
       st.text(alphabet="ابتثجحخدرزسشصضطظعغفقكلمنهوي ،.\u064e\u0651\n", max_size=40))
def test_offsets_point_into_the_text(phrase: str, left: str, right: str) -> None:
    text = f"{left} {phrase} {right}"
    found = find_dates(text, PUB)
    for m in found:
        assert text[m.start:m.end] == m.text
    # the phrase is found, possibly extended by what the random context adds ("2026 م", "وفي ...")
    assert any(phrase in m.text for m in found), [m.text for m in found]


# --- speed and the dev set ---------------------------------------------------------------------------------

FIND_DATES_BUDGET_MS = 5.0  # generous bound for a loaded CI machine; ~0.3 ms typical (see report)


def test_find_dates_is_fast() -> None:
    para = ("أعلن الجيش صباح السبت سيطرته على البلدة بعد انسحاب الفصائل منها أمس، وقال مصدر إن "
            "القوات تقدمت خلال الأيام الماضية نحو الطريق الدولي في 23 يناير الجاري، بينما نقلت "
            "الميليشيات معداتها إلى المطار الذي تسيطر عليه منذ عام 2019 وفق ناشطين محليين.\n")
    text = (para * 12)[:3000]
    find_dates(text, PUB)
    t0 = time.perf_counter()
    for _ in range(20):
        find_dates(text, PUB)
    assert (time.perf_counter() - t0) / 20 * 1000 < FIND_DATES_BUDGET_MS


DEV_DATE_ACCURACY_MIN = 0.85


def test_dev_date_accuracy() -> None:
    dev = SHARED / "dev"
    if not (dev / "gold").is_dir():
        pytest.skip(f"dev data not found at {dev}; the shared folder is not mounted here")
    total = correct = 0
    for gold_path in sorted((dev / "gold").glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        raw = (dev / "articles" / f"{gold_path.stem}.txt").read_text(encoding="utf-8")
        header, _, body = raw.partition("\n\n")
        meta = dict(line.split(": ", 1) for line in header.splitlines() if ": " in line)
        published = parse_date_field(meta.get("date"))
        if published is None:
            published, _how = publication_date(body)
        dates = find_dates(body, published)
        for ev in gold["events"]:
            if not ev["date"]:
                continue
            total += 1
            i = body.find(ev["evidence"])
            s, e = (i, i + len(ev["evidence"])) if i >= 0 else (0, 0)
            ed = event_date(body, s, e, dates, published)
            g = ev["date"]
            if len(g) == 7:
                correct += ed.start is not None and ed.start[:7] == g
            else:
                correct += ed.start == g or bool(ed.start and ed.end and ed.start <= g <= ed.end)
    assert total > 0
    assert correct / total >= DEV_DATE_ACCURACY_MIN


def test_seed_article_is_dated_to_mid_april_2022() -> None:
    path = SHARED / "dev" / "articles" / "000.txt"
    if not path.is_file():
        pytest.skip(f"seed article not found at {path}; the shared folder is not mounted here")
    body = path.read_text(encoding="utf-8").partition("\n\n")[2]
    published, how = publication_date(body)
    assert how == "anchor" and published is not None
    assert abs((published - date(2022, 4, 15)).days) <= 2
    dates = find_dates(body, published)
    for evidence_start in (0, len(body) // 2, len(body) - 200):
        ed = event_date(body, evidence_start, evidence_start + 20, dates, published)
        assert ed.start is not None and abs((date.fromisoformat(ed.start) - date(2022, 4, 15)).days) <= 2
        assert ed.precision in ("day", "week")


def test_a_date_in_a_relative_clause_after_the_trigger_dates_its_noun_not_the_event() -> None:
    text = "أفاد مصدر عسكري بأن أنقرة تقيم قاعدة عسكرية في مدينة الباب التي تم تحريرها الأسبوع الماضي."
    pub = date(2017, 2, 28)
    found = find_dates(text, pub)
    with_trigger = event_date(text, 0, len(text), found, pub, trigger=text.index("تقيم"))
    assert with_trigger.text is None and with_trigger.end == "2017-02-28"  # reported within the week
    # without knowing the trigger, the relative clause's date is all there is
    assert event_date(text, 0, len(text), found, pub).text == "الأسبوع الماضي"
    # a date before the relative clause still dates the event
    text2 = "أقامت أنقرة أمس قاعدة عسكرية في مدينة الباب التي تم تحريرها الأسبوع الماضي."
    found2 = find_dates(text2, pub)
    assert event_date(text2, 0, len(text2), found2, pub, trigger=text2.index("أقامت")).start == "2017-02-27"
