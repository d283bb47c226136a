"""Publication and event dates in Arabic news: absolute, relative, Hijri and anchored on well-known events."""

from __future__ import annotations

import calendar
import logging
import re
from bisect import bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from email.utils import parsedate_to_datetime
from functools import cache, lru_cache
from importlib import resources
from typing import Any, Literal, get_args

import ahocorasick

from marsad.document import DateMention, DatePrecision, EventDate
from marsad.errors import AnchorDataError
from marsad.lexicon.matcher import Matcher
from marsad.text.normalize import Normalized, fold, normalize
from marsad.text.numbers import parse_number
from marsad.text.segment import sentences
from marsad.yamldata import load_yaml

log = logging.getLogger(__name__)

DateKind = Literal["absolute", "relative", "anchored", "since", "bare_anchor", "vague"]

# A year-less date ("23 يناير", "في آذار") is put in the latest year that does not make it
# more than this many days later than publication: news names past dates without a year,
# and upcoming ones (a planned meeting) only a few weeks ahead.
FUTURE_WINDOW_DAYS = 31
# An event with no date of its own in its sentence or paragraph is dated to the week
# before publication: what the press reports without a date happened within that week.
REPORTED_WITHIN_DAYS = 7
# "منذ أيام" / "قبل أيام" / "خلال الأيام الماضية": a few days, read as 2 to 7 days back.
FEW_DAYS_MIN, FEW_DAYS_MAX = 2, 7
# "مؤخراً", "في الآونة الأخيرة": the month before publication (kept, but too vague to date events).
RECENTLY_DAYS = 30
# A dateline sits in the first characters of the body ("أربيل (كوردستان24)- ... 26 كانون الثاني 2026").
DATELINE_CHARS = 300
# An anchored date dates the article only when it is in its opening paragraph.
OPENING_CHARS = 600
# Words that may stand between the start of a sentence and a date that frames it ("وفي", "ومنذ").
FRONTED_MAX_WORDS = 2

class _LazyRe:
    """A regex compiled on first use, so that importing this module compiles nothing."""

    __slots__ = ("_args", "_rx")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self._args = (pattern, flags)
        self._rx: re.Pattern[str] | None = None

    def __getattr__(self, name: str) -> Any:
        if self._rx is None:
            self._rx = re.compile(*self._args)
        return getattr(self._rx, name)


_PRECISION_RANK: dict[str, int] = {"day": 0, "week": 1, "month": 2, "year": 3, "unknown": 4}
_PRECISIONS = frozenset(get_args(DatePrecision))


@dataclass(slots=True)
class ResolvedDate(DateMention):
    """A DateMention that also says what kind of expression it was.

    `kind` is "absolute" (23 يناير 2026), "relative" (أمس, الشهر الماضي), "anchored" (بعد 50
    يوماً من الغزو الروسي لأوكرانيا), "since" (منذ عام 2019), "bare_anchor" (a named event
    without a time word: "طوفان الأقصى") or "vague" (مؤخراً, منذ سنوات).
    """

    kind: DateKind = "absolute"


@dataclass(frozen=True, slots=True)
class Anchor:
    """A well-known event that the press dates other events by."""

    id: str
    name: str
    start: date
    end: date
    precision: DatePrecision
    phrasings: tuple[str, ...]
    note: str = ""


# ---------------------------------------------------------------------------
# Vocabulary. Written as the press spells it; folded with `fold` when the grammar is built.

_MONTHS: dict[int, tuple[str, ...]] = {
    1: ("يناير", "كانون الثاني", "كانون ثاني", "جانفي", "جانفييه", "يناير"),
    2: ("فبراير", "شباط", "فيفري", "فبرير"),
    3: ("مارس", "آذار", "اذار"),
    4: ("أبريل", "إبريل", "ابريل", "نيسان", "أفريل", "افريل"),
    5: ("مايو", "أيار", "ماي", "مايس"),
    6: ("يونيو", "يونيه", "حزيران", "جوان"),
    7: ("يوليو", "يوليه", "تموز", "جويلية", "يوليوز"),
    8: ("أغسطس", "أغسطوس", "آب", "أوت", "غشت"),
    9: ("سبتمبر", "أيلول", "شتنبر"),
    10: ("أكتوبر", "اكتوبر", "تشرين الأول", "تشرين اول", "تشرين الاول"),
    11: ("نوفمبر", "تشرين الثاني", "تشرين ثاني", "نونبر"),
    12: ("ديسمبر", "كانون الأول", "كانون اول", "دجنبر"),
}
# Month names that are also common words (مارس "he practised", آب "father", ماي, أوت, غشت):
# they count as months only next to a day, a year, "شهر" or a qualifier.
_AMBIGUOUS_MONTHS = frozenset(fold(w) for w in ("مارس", "آب", "ماي", "أوت", "غشت", "مايس"))

_HIJRI_MONTHS: dict[int, tuple[str, ...]] = {
    1: ("محرم",),
    2: ("صفر",),
    3: ("ربيع الأول", "ربيع أول", "ربيع الاول"),
    4: ("ربيع الآخر", "ربيع الثاني", "ربيع ثاني", "ربيع الاخر"),
    5: ("جمادى الأولى", "جمادى الأول", "جمادى أول", "جمادى الاولى"),
    6: ("جمادى الآخرة", "جمادى الثانية", "جمادى الآخر", "جمادى الثاني", "جمادى ثاني"),
    7: ("رجب",),
    8: ("شعبان",),
    9: ("رمضان",),
    10: ("شوال",),
    11: ("ذو القعدة", "ذي القعدة", "ذا القعدة"),
    12: ("ذو الحجة", "ذي الحجة", "ذا الحجة"),
}
# Feasts that fall on a fixed Hijri day.
_HIJRI_FEASTS: dict[str, tuple[int, int]] = {
    "عيد الفطر": (10, 1),
    "عيد الأضحى": (12, 10),
    "رأس السنة الهجرية": (1, 1),
}

_WEEKDAYS: dict[str, int] = {  # Python weekday(): Monday 0 ... Sunday 6
    "الاثنين": 0, "الإثنين": 0, "الأثنين": 0,
    "الثلاثاء": 1, "الثلثاء": 1,
    "الأربعاء": 2, "الاربعاء": 2,
    "الخميس": 3,
    "الجمعة": 4,
    "السبت": 5,
    "الأحد": 6,
}
_WEEK_START = 5  # Saturday: the working week of Syria, Iraq and Lebanon's press

_UNITS_1_9 = ("الأول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع")
_UNITS_1_9_F = ("الأولى", "الثانية", "الثالثة", "الرابعة", "الخامسة", "السادسة", "السابعة",
                "الثامنة", "التاسعة")


def _ordinals(feminine: bool) -> dict[str, int]:
    """Definite ordinals 1-31 (masculine for days of the month, feminine for anniversaries)."""
    units = _UNITS_1_9_F if feminine else _UNITS_1_9
    out: dict[str, int] = {w: i + 1 for i, w in enumerate(units)}
    out["العاشرة" if feminine else "العاشر"] = 10
    out["الحادية عشرة" if feminine else "الحادي عشر"] = 11
    teen = "عشرة" if feminine else "عشر"
    for i, w in enumerate(units[1:], start=2):
        out[f"{w} {teen}"] = 10 + i
    for tens_word, tens in (("العشرين", 20), ("الثلاثين", 30)):
        out[tens_word] = tens
        first = "الحادية" if feminine else "الحادي"
        for i, w in enumerate((first, *units[1:]), start=1):
            if tens + i <= 31 or feminine:
                out[f"{w} و{tens_word}"] = tens + i
    return out


_CARDINALS: dict[str, int] = {
    "واحد": 1, "واحدة": 1, "اثنان": 2, "اثنين": 2, "اثنتان": 2, "اثنتين": 2, "اثنا": 2, "اثني": 2,
    "ثلاث": 3, "ثلاثة": 3, "أربع": 4, "أربعة": 4, "خمس": 5, "خمسة": 5, "ست": 6, "ستة": 6,
    "سبع": 7, "سبعة": 7, "ثمان": 8, "ثماني": 8, "ثمانية": 8, "تسع": 9, "تسعة": 9,
    "عشر": 10, "عشرة": 10, "أحد": 1, "إحدى": 1,
    "عشرون": 20, "عشرين": 20, "ثلاثون": 30, "ثلاثين": 30, "أربعون": 40, "أربعين": 40,
    "خمسون": 50, "خمسين": 50, "ستون": 60, "ستين": 60, "سبعون": 70, "سبعين": 70,
    "ثمانون": 80, "ثمانين": 80, "تسعون": 90, "تسعين": 90, "مئة": 100, "مائة": 100,
}

_QUAL_PAST = ("الماضي", "الماضية", "الفائت", "الفائتة", "المنصرم", "المنصرمة", "السابق",
              "السابقة", "المنقضي", "الفارط")
_QUAL_CURRENT = ("الجاري", "الجارية", "الحالي", "الحالية", "الراهن")
_QUAL_NEXT = ("المقبل", "المقبلة", "القادم", "القادمة")

_PART_START = ("مطلع", "مطالع", "أوائل", "بداية", "بدايات", "مستهل", "أول")
_PART_MID = ("منتصف", "أواسط")
_PART_END = ("أواخر", "نهاية", "آخر", "ختام", "نهايات")

_TIMES_OF_DAY = ("صباح", "صبيحة", "مساء", "ظهر", "ظهيرة", "عصر", "فجر", "ليل", "ليلة",
                 "منتصف ليل", "منتصف ليلة", "ضحى", "بعد ظهر", "قبيل منتصف ليل")
_NIGHTS = frozenset(fold(w) for w in ("ليل", "ليلة", "منتصف ليل", "منتصف ليلة", "قبيل منتصف ليل"))

# Units of "قبل خمسة أيام", "منذ يومين", "بعد 50 يوماً من ...": form -> (unit, implied count).
# The implied count is 1 for the singular, 2 for the dual, 0 for the plural ("a few").
_UNIT_FORMS: dict[str, tuple[str, int]] = {}
for _unit, _forms in {
    "hour": (("ساعة", 1), ("ساعات", 0), ("ساعتين", 2), ("ساعتان", 2)),
    "day": (("يوم", 1), ("يوما", 1), ("يوماً", 1), ("أيام", 0), ("يومين", 2), ("يومان", 2)),
    "week": (("أسبوع", 1), ("أسبوعا", 1), ("أسابيع", 0), ("أسبوعين", 2), ("أسبوعان", 2)),
    "month": (("شهر", 1), ("شهرا", 1), ("أشهر", 0), ("شهور", 0), ("شهرين", 2), ("شهران", 2)),
    "year": (("عام", 1), ("عاما", 1), ("أعوام", 0), ("عامين", 2), ("عامان", 2), ("سنة", 1),
             ("سنوات", 0), ("سنين", 0), ("سنتين", 2), ("سنتان", 2)),
    "decade": (("عقد", 1), ("عقود", 0), ("عقدين", 2)),
}.items():
    for _form, _n in _forms:
        _UNIT_FORMS[fold(_form)] = (_unit, _n)
_UNIT_PRECISION: dict[str, DatePrecision] = {
    "hour": "day", "day": "day", "week": "week", "month": "month", "year": "year", "decade": "year",
}

TEMPLATE_SLOTS: dict[str, tuple[str, ...]] = {
    "killing": ("مقتل", "اغتيال", "قتل", "تصفية", "مصرع", "استشهاد"),
    "death": ("مقتل", "مصرع", "وفاة", "موت", "رحيل"),
}


# ---------------------------------------------------------------------------
# Grammar


def _alt(words: object) -> str:
    """A regex alternation of folded words, longest first, spaces as single spaces."""
    folded = {fold(str(w)) for w in words}  # type: ignore[attr-defined]
    return "|".join(re.escape(w).replace(r"\ ", " ") for w in sorted(folded, key=len, reverse=True))


@dataclass(frozen=True, slots=True)
class _Grammar:
    pattern: re.Pattern[str]
    anchor_op: re.Pattern[str]
    triggers: Any  # ahocorasick.Automaton of the words that can open a date expression
    months: dict[str, int]
    hijri: dict[str, int]
    weekdays: dict[str, int]
    ordinals: dict[str, int]
    ordinals_f: dict[str, int]
    cardinals: dict[str, int]
    feasts: dict[str, tuple[int, int]]
    past: frozenset[str]
    current: frozenset[str]
    future: frozenset[str]
    part_start: frozenset[str]
    part_mid: frozenset[str]
    part_end: frozenset[str]


@cache
def _grammar() -> _Grammar:
    months = {fold(w): m for m, ws in _MONTHS.items() for w in ws}
    hijri = {fold(w): m for m, ws in _HIJRI_MONTHS.items() for w in ws}
    weekdays = {fold(w): d for w, d in _WEEKDAYS.items()}
    ordinals = {fold(w): n for w, n in _ordinals(False).items()}
    ordinals_f = {fold(w): n for w, n in _ordinals(True).items()}
    cardinals = {fold(w): n for w, n in _CARDINALS.items()}
    feasts = {fold(w): v for w, v in _HIJRI_FEASTS.items()}

    month = _alt(months)
    month_pair = rf"(?:{month})(?: ?[/(\-] ?(?:(?:{month})|[^\s\d/()]{{2,8}}) ?\)?)?"
    weekday = _alt(weekdays)
    ordinal = _alt(ordinals)
    ordinal_f = _alt(ordinals_f)
    hmonth = _alt(hijri)
    qual = _alt(_QUAL_PAST + _QUAL_CURRENT + _QUAL_NEXT)
    qual_past = _alt(_QUAL_PAST)
    part = _alt(_PART_START + _PART_MID + _PART_END)
    tod = _alt(_TIMES_OF_DAY)
    card = _alt(cardinals)
    num = rf"(?:\d{{1,3}}(?!\d)|(?:{card})(?: و?(?:{card}))?)"
    units = _alt(_UNIT_FORMS)
    daynum = r"(?:3[01]|[12]\d|0?[1-9])(?!\d)"
    year = r"(?:19|20)\d\d(?!\d)(?: ?م(?!\w))?"
    hyear = r"1[34]\d\d(?!\d)"
    hsuffix = r"(?: ?(?:ه(?!\w)|هجري(?:ه)?(?!\w)|للهجره))"
    approx = r"(?:(?:نحو|حوالي|قرابه|زهاء|اكثر من|اقل من|ما يقارب|ما يزيد عن|ما يزيد علي) )?"
    sep = r" ?[،,]? ?"

    d_ = r"(?:يوم )?"
    year_tail = rf"(?:{sep}(?:من )?(?:عام |سنه |العام )?"
    alternatives = {
        # 23 كانون الثاني/يناير 2026; الأحد، الموافق 5 من آذار; العاشر من تموز الماضي
        "abs": (rf"(?:(?P<abs_tod>{tod}) )?{d_}(?:(?P<abs_wd>{weekday}){sep}(?:الموافق )?)?{d_}"
                rf"(?:(?P<abs_d>{daynum})(?: ?(?:-|و|الي|حتي) ?(?P<abs_d2>{daynum}))?(?: من)?|(?P<abs_o>{ordinal}) من)"
                rf" (?:شهر )?(?P<abs_m>{month_pair}){year_tail}(?P<abs_y>{year}))?(?: (?P<abs_q>{qual}))?"),
        # 2026-01-28, 28/1/2026, 28.01.2026
        "num": r"(?P<num_a>\d{1,4})(?P<num_s>[/.\-])(?P<num_b>\d{1,2})(?P=num_s)(?P<num_c>\d{1,4})(?![\d/.\-]?\d)",
        # 1 رمضان 1445 هـ; شهر رمضان المبارك; ذو الحجة 1440
        "hij": (rf"(?:(?P<hij_d>{daynum})(?: من)? |(?P<hij_o>{ordinal}) من )?(?P<hij_sh>شهر )?(?P<hij_m>{hmonth})"
                rf"(?: (?:المبارك|الحرام|الفضيل|الكريم))?{year_tail}(?P<hij_y>{hyear}){hsuffix}?)?"),
        # عيد الفطر, عيد الأضحى الماضي
        "feast": rf"(?P<feast_w>{_alt(feasts)})(?: (?:المبارك|السعيد))?(?: (?P<feast_q>{qual}))?",
        # عام 1445 هـ
        "hyr": rf"(?:(?:عام|سنه|العام) )?(?P<hyr_y>{hyear}){hsuffix}",
        # نوفمبر 2019; مطلع آذار 2020
        "my": rf"(?:(?P<my_p>{part}) )?(?:شهر )?(?P<my_m>{month_pair}){year_tail}(?P<my_y>{year}))",
        # آذار الماضي; أواخر شهر شباط الفائت
        "mq": rf"(?:(?P<mq_p>{part}) )?(?:شهر )?(?P<mq_m>{month_pair}) (?P<mq_q>{qual})",
        # شهر آذار; مطلع أيار; في أيلول
        "ms": (rf"(?:(?P<ms_p>{part}) (?:شهر )?|(?P<ms_sh>شهر )|(?<=في )|(?<=خلال )|(?<=حتي )|(?<=منذ ))"
               rf"(?P<ms_m>{month_pair})"),
        # عام 2019; مطلع 2020; نهاية عام 2026; في 2019 (a bare year needs a time word before it)
        "yr": rf"(?:(?P<yr_p>{part}) )?(?:(?P<yr_w>العام|عام|سنه|السنه) )?(?P<yr_y>{year})",
        # فجر اليوم; مساء أمس الأربعاء; أول أمس; البارحة
        "rd": (rf"(?:(?P<rd_tod>{tod}) {d_})?{d_}(?P<rd_w>اول من امس|اول امس|قبل امس|امس الاول|امس|الامس|البارحه"
               rf"|اليوم|الليله الماضيه|هذا الصباح|هذا المساء|نهار اليوم)(?:{sep}{d_}(?P<rd_wd>{weekday}))?"),
        # صباح السبت; الجمعة الماضية; ليل الخميس - الجمعة; الثلاثاء قبل الماضي
        "wd": (rf"(?:(?P<wd_tod>{tod}) )?{d_}(?P<wd_d>{weekday})(?: ?(?:-|علي|الي) ?(?P<wd_d2>{weekday}))?"
               rf"(?: (?P<wd_q>قبل (?:{qual_past})|{qual}))?"),
        # الشهر الماضي; مطلع العام الجاري; هذا الأسبوع; نهاية الشهر
        "pd": (rf"(?:(?P<pd_p>{part}) (?:(?:هذا|هذه) )?(?P<pd_u1>الاسبوع|الشهر|العام|السنه)(?: (?P<pd_q1>{qual}))?"
               rf"|(?:هذا|هذه) (?P<pd_u2>الاسبوع|الشهر|العام|السنه)"
               rf"|(?P<pd_u3>الاسبوع|الشهر|العام|السنه) (?P<pd_q3>{qual}))"),
        # خلال الأيام الماضية; خلال اليومين الماضيين; خلال الـ24 ساعة الماضية; الأشهر الثلاثة الماضية
        "pw": (rf"(?:ال ?(?P<pw_n>{num}) )?(?:ال)?(?P<pw_u>{units})"
               rf"(?: ال ?(?P<pw_n2>{num}))?(?: (?:القليله|الاخيره|الاخيرين))?"
               rf" (?P<pw_q>الماضيه|الماضيين|الماضي|الفائته|المنصرمه|الاخيره|الاخيرين|المقبله|القادمه|المقبلين|القادمين)"),
        # قبل خمسة أيام; منذ يومين; قبل خمسة أو ستة أيام; منذ نحو عامين; بعد أسبوع
        "ag": (rf"(?P<ag_op>قبل|منذ|بعد) {approx}(?:(?P<ag_n>{num})(?: (?:او|الي|-) ?(?P<ag_n2>{num}))? "
               rf"|(?P<ag_few>بضعه|بضع|عده|بعض) )?(?P<ag_u>{units})(?!\w)(?! ?(?:19|20)\d\d)(?! (?:من|علي) )"),
        # مؤخراً; في الآونة الأخيرة; منذ فترة
        "vg": r"(?:مؤخرا|موخرا|(?:الاونه|الفتره) الاخيره|منذ (?:فتره|مده|زمن|وقت)(?: طويله| قصيره)?)",
    }
    body = "|".join(f"(?P<{name}>{alt})" for name, alt in alternatives.items())
    pattern = re.compile(rf"(?<!\w)(?:[وف]?[بل]?)(?P<core>{body})(?!\w)")

    anchor_op = re.compile(
        rf"(?:(?P<off_op>بعد|قبل) (?:مرور )?{approx}(?:(?P<off_n>{num}) |(?P<off_few>بضعه|بضع|عده) )?"
        rf"(?P<off_u>{units}) (?:من|علي)"
        rf"|(?:في )?(?:ال)?ذكري (?:ال)?(?:سنويه )?(?:(?:(?P<ann_o>{ordinal_f})|ال ?(?P<ann_n>\d{{1,3}})) ?)?"
        rf"|(?P<op>منذ|بعد|قبل|عقب|اثر|بعيد|قبيل|عشيه|غداه|خلال|اثناء|ابان|في اعقاب|في اثناء|مع|تزامنا مع))"
        rf"(?: (?P<event>انطلاق|بدء|بدايه|اندلاع|وقوع|اعلان|تنفيذ|انتهاء|نهايه|ختام))? ?$"
    )
    # Words that can open a date expression: the scan runs the full pattern only where one
    # of them (or a digit) starts a word, which is what keeps find_dates fast.
    first_words = {w.split(" ")[0] for w in (*months, *hijri, *weekdays, *ordinals, *feasts)}
    first_words |= {fold(w).split(" ")[0] for w in (*_TIMES_OF_DAY, *_PART_START, *_PART_MID, *_PART_END)}
    first_words |= set(_UNIT_FORMS) | {"ال" + u for u in _UNIT_FORMS}
    first_words |= {fold(w) for w in (
        "يوم", "شهر", "عام", "العام", "سنة", "السنة", "الأسبوع", "الشهر", "أول", "قبل", "بعد", "منذ",
        "أمس", "الأمس", "البارحة", "اليوم", "الليلة", "هذا", "هذه", "نهار", "مؤخراً", "موخرا",
        "الآونة", "الفترة")}
    triggers = ahocorasick.Automaton()
    for w in first_words:
        triggers.add_word(w, len(w))
    triggers.make_automaton()
    return _Grammar(
        pattern=pattern, anchor_op=anchor_op, triggers=triggers, months=months, hijri=hijri, weekdays=weekdays,
        ordinals=ordinals, ordinals_f=ordinals_f, cardinals=cardinals, feasts=feasts,
        past=frozenset(fold(w) for w in _QUAL_PAST),
        current=frozenset(fold(w) for w in _QUAL_CURRENT),
        future=frozenset(fold(w) for w in _QUAL_NEXT),
        part_start=frozenset(fold(w) for w in _PART_START),
        part_mid=frozenset(fold(w) for w in _PART_MID),
        part_end=frozenset(fold(w) for w in _PART_END),
    )


# ---------------------------------------------------------------------------
# Anchors


@cache
def load_anchors() -> tuple[Anchor, ...]:
    """The anchor events of resolve/anchors.yaml, validated."""
    import yaml  # deferred: only the first call reads the data file

    raw = resources.files("marsad.resolve").joinpath("anchors.yaml").read_text(encoding="utf-8")
    try:
        data = load_yaml(raw)
    except yaml.YAMLError as exc:
        raise AnchorDataError(f"resolve/anchors.yaml is not valid YAML; fix it: {exc}") from exc
    if not isinstance(data, dict) or not isinstance(data.get("entries"), list):
        raise AnchorDataError("resolve/anchors.yaml must be a mapping with an 'entries' list")
    out: list[Anchor] = []
    seen: set[str] = set()
    for i, e in enumerate(data["entries"]):
        where = f"resolve/anchors.yaml entry {i} ({e.get('id') if isinstance(e, dict) else e!r})"
        if not isinstance(e, dict):
            raise AnchorDataError(f"{where}: each entry must be a mapping")
        missing = {"id", "name", "date", "precision", "phrasings"} - set(e)
        if missing:
            raise AnchorDataError(f"{where}: add the missing fields {sorted(missing)}")
        if e["id"] in seen:
            raise AnchorDataError(f"{where}: duplicate id; give each anchor its own id")
        seen.add(e["id"])
        start, end = _yaml_date(e["date"], where), _yaml_date(e.get("end", e["date"]), where)
        if end < start:
            raise AnchorDataError(f"{where}: 'end' is before 'date'")
        if e["precision"] not in _PRECISIONS:
            raise AnchorDataError(f"{where}: precision must be one of {sorted(_PRECISIONS)}")
        phrasings = e["phrasings"]
        if not isinstance(phrasings, list) or not phrasings or not all(isinstance(p, str) for p in phrasings):
            raise AnchorDataError(f"{where}: 'phrasings' must be a non-empty list of strings")
        expanded = tuple(x for p in phrasings for x in _expand(p, where))
        out.append(Anchor(str(e["id"]), str(e["name"]), start, end, e["precision"], expanded,
                          str(e.get("note", ""))))
    return tuple(out)


def _yaml_date(value: Any, where: str) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError as exc:
        raise AnchorDataError(f"{where}: write dates as YYYY-MM-DD, not {value!r}") from exc


def _expand(phrasing: str, where: str) -> tuple[str, ...]:
    """Expand a {killing}/{death} slot into the verbal nouns it stands for."""
    m = re.search(r"\{(\w+)\}", phrasing)
    if not m:
        return (phrasing,)
    slot = TEMPLATE_SLOTS.get(m.group(1))
    if slot is None:
        raise AnchorDataError(f"{where}: unknown slot {{{m.group(1)}}}; use one of {sorted(TEMPLATE_SLOTS)}")
    return tuple(phrasing[: m.start()] + w + phrasing[m.end():] for w in slot)


@cache
def _anchor_matcher() -> Matcher[Anchor]:
    return Matcher((p, a) for a in load_anchors() for p in a.phrasings)


# ---------------------------------------------------------------------------
# Date arithmetic


def _add_months(d: date, n: int) -> date:
    y, m = divmod(d.month - 1 + n, 12)
    year, month = d.year + y, m + 1
    return date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def _add(d: date, unit: str, n: int) -> date:
    if unit in ("hour", "day"):
        return d + timedelta(days=n if unit == "day" else 0)
    if unit == "week":
        return d + timedelta(weeks=n)
    if unit == "month":
        return _add_months(d, n)
    if unit == "year":
        return _add_months(d, 12 * n)
    return _add_months(d, 120 * n)


def _month_range(y: int, m: int) -> tuple[date, date]:
    return date(y, m, 1), date(y, m, calendar.monthrange(y, m)[1])


def _safe(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _week_start(d: date) -> date:
    return d - timedelta(days=(d.weekday() - _WEEK_START) % 7)


def _last_weekday(target: date, wd: int, *, strictly_before: bool = False) -> date:
    back = (target.weekday() - wd) % 7
    if strictly_before and back == 0:
        back = 7
    return target - timedelta(days=back)


def _next_weekday(target: date, wd: int) -> date:
    ahead = (wd - target.weekday()) % 7
    return target + timedelta(days=ahead or 7)


def _year_for(pub: date, month: int, day: int | None, rel: str | None) -> int:
    """The year of a year-less month (and day) seen from the publication date."""
    g = _grammar()
    key = (month, day or 0)
    pkey = (pub.month, pub.day if day else 0)
    if rel in g.past:
        return pub.year if key < pkey else pub.year - 1
    if rel in g.future:
        return pub.year if key > pkey else pub.year + 1
    if rel in g.current and month == pub.month:
        return pub.year
    limit = pub + timedelta(days=FUTURE_WINDOW_DAYS)
    for y in (pub.year + 1, pub.year, pub.year - 1):
        d = _safe(y, month, day or 1) or _safe(y, month, 28)
        if d is not None and d <= limit:
            return y
    return pub.year - 1


def _part_of_month(y: int, m: int, part: str | None) -> tuple[date, date, DatePrecision]:
    first, last = _month_range(y, m)
    if not part:
        return first, last, "month"
    g = _grammar()
    if part in g.part_start:
        return first, first.replace(day=10), "week"
    if part in g.part_mid:
        return first.replace(day=11), first.replace(day=20), "week"
    return first.replace(day=21), last, "week"


def _part_of_year(y: int, part: str | None) -> tuple[date, date, DatePrecision]:
    if not part:
        return date(y, 1, 1), date(y, 12, 31), "year"
    g = _grammar()
    if part in g.part_start:
        return date(y, 1, 1), date(y, 3, 31), "month"
    if part in g.part_mid:
        return date(y, 6, 1), date(y, 7, 31), "month"
    return date(y, 10, 1), date(y, 12, 31), "month"


def _part_of_week(ws: date, part: str | None) -> tuple[date, date, DatePrecision]:
    if not part:
        return ws, ws + timedelta(days=6), "week"
    g = _grammar()
    if part in g.part_start:
        return ws, ws + timedelta(days=2), "week"
    if part in g.part_mid:
        return ws + timedelta(days=2), ws + timedelta(days=4), "week"
    return ws + timedelta(days=4), ws + timedelta(days=6), "week"


def parse_cardinal(s: str) -> int | None:
    """A whole number written in digits or Arabic words ("خمسين", "خمسة وعشرين", "الـ24", "الأربعة").

    Uses marsad.text.numbers.parse_number; the small table of the date grammar covers the
    definite and clitic forms that it leaves out.
    """
    s = fold(s).strip()
    s = s[2:].strip() if s.startswith("ال") else s
    if s.isdigit():
        return int(s)
    value = parse_number(s)
    if value is not None and value > 0 and value == int(value):
        return int(value)
    cards = _grammar().cardinals
    total = 0
    for tok in s.split():
        if tok not in cards and tok.startswith("و"):
            tok = tok[1:]
        v = cards.get(tok) or cards.get(tok.removeprefix("ال"))
        if v is None:
            return None
        total += v  # "ثلاثة عشر" = 3 + 10, "خمسة وعشرين" = 5 + 20
    return total or None


def _hijri_to_gregorian(y: int, m: int, d: int | None) -> tuple[date, date] | None:
    from hijridate import Hijri  # deferred: only Hijri dates need it

    try:
        if d is not None:
            g = Hijri(y, m, d).to_gregorian()
            return date(g.year, g.month, g.day), date(g.year, g.month, g.day)
        first = Hijri(y, m, 1)
        last = Hijri(y, m, first.month_length())
        a, b = first.to_gregorian(), last.to_gregorian()
        return date(a.year, a.month, a.day), date(b.year, b.month, b.day)
    except (ValueError, OverflowError) as exc:
        log.debug("Hijri date %s-%s-%s out of range: %s", y, m, d, exc)
        return None


def _hijri_year_of(d: date) -> int | None:
    from hijridate import Gregorian

    try:
        return Gregorian(d.year, d.month, d.day).to_hijri().year
    except (ValueError, OverflowError):
        return None


# ---------------------------------------------------------------------------
# Finding dates


_Value = tuple[date | None, date | None, DatePrecision, DateKind]
_UNKNOWN_REL: _Value = (None, None, "unknown", "relative")
_STOP_AFTER_TODAY = frozenset(fold(w) for w in (
    "السابع", "التالي", "الأول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "الثامن",
    "التاسع", "العاشر", "الأخير", "العالمي", "الوطني", "الدولي", "نفسه", "ذاته"))
# Outlet names ending in "اليوم" (روسيا اليوم, المصري اليوم): not the word "today".
_OUTLETS_BEFORE_TODAY = frozenset(fold(w) for w in (
    "روسيا", "سوريا", "سورية", "المصري", "تركيا", "العربي", "الجزائر", "لبنان", "العراق",
    "الأردن", "فلسطين", "ليبيا", "اليمن", "السودان", "تونس", "الخليج", "الشرق", "إيران"))
_BEFORE_TWO = frozenset(fold(w) for w in ("كلا", "كلتا", "هذين", "هذان"))
_YEAR_CONTEXT = frozenset(fold(w) for w in (
    "في", "خلال", "منذ", "حتى", "بحلول", "قبل", "بعد", "طوال", "لعام", "مطلع", "أواخر", "نهاية"))
_DURING = _LazyRe(r"(?<!\w)(?:خلال|طوال|طيله|في|علي مدار|علي مدي) $")
_PREV_WORD = _LazyRe(r"(\w+)\W*$")
_WORD_START = _LazyRe(r"(?:^|\W)[وف]?$")
_NEXT_WORD = _LazyRe(r"\W*(\w+)")


def find_dates(text: str, published: date | None, *, norm: Normalized | None = None) -> list[DateMention]:
    """Every date expression in `text`, resolved against `published`.

    Relative dates get value None and precision "unknown" when `published` is None;
    absolute, Hijri-with-year and anchored dates resolve without it. Each mention is a
    `ResolvedDate` (a DateMention with a `kind`). Offsets point into `text`. Pass `norm`
    (`normalize(text)`) when the caller already has it, to save normalising twice.
    """
    if not text:
        return []
    if norm is None or norm.original is not text and norm.original != text:
        norm = normalize(text)
    return _find(norm, published)


def _find(norm: Normalized, pub: date | None) -> list[DateMention]:
    g = _grammar()
    t = norm.text
    found: list[tuple[int, int, int, ResolvedDate]] = []  # (norm start, norm end, priority, mention)

    anchored_spans: list[tuple[int, int]] = []
    for am in _anchor_matcher().find(norm):
        anchor = am.payloads[0]
        cut = am.norm_start - len(am.prefix)
        before = t[max(0, cut - 80):cut]
        op = g.anchor_op.search(before)
        if op is not None and not _WORD_START.search(before, 0, op.start()):
            op = None  # the operator must start a word (after an optional و/ف)
        s = cut - (len(before) - op.start()) if op else am.norm_start
        value = _resolve_anchor(anchor, op, pub)
        found.append((s, am.norm_end, 0, _mention(norm, s, am.norm_end, value, anchor.id)))
        anchored_spans.append((s, am.norm_end))

    for m in _scan(t):
        s, e = m.span("core")
        if any(a <= s < b or a < e <= b for a, b in anchored_spans):
            continue
        alt = _alternative(m)
        value = _RESOLVERS[alt](m, t, s, e, pub)
        if value is None:
            continue
        # "منذ" before an absolute date: since; "غداة"/"عشية" before a date: the day after/before.
        prev = _PREV_WORD.search(t, max(0, s - 12), s)
        if prev is not None and prev.end(1) == s - 1 and value[3] in ("absolute", "relative"):
            word = prev.group(1)
            if word == "منذ" and value[0] is not None and alt not in ("ag", "vg", "pw"):
                value = (value[0], value[1], value[2], "since")
                s = prev.start(1)
            elif word in ("غداه", "عشيه"):
                step = timedelta(days=1 if word == "غداه" else -1)
                base = value[1] if word == "غداه" else value[0]
                nd = base + step if base else None
                value = (nd, nd, "day" if nd else "unknown", value[3])
                s = prev.start(1)
        if alt in ("pw", "vg") and (during := _DURING.search(t, max(0, s - 12), s)):
            s = during.start()  # "خلال الأيام الماضية", "في الآونة الأخيرة", "على مدار ..."
        found.append((s, e, 1, _mention(norm, s, e, value, None)))

    found.sort(key=lambda f: (f[0], f[2], -(f[1] - f[0])))
    out: list[DateMention] = []
    last_end = -1
    for s, e, _p, mention in found:
        if s < last_end:
            continue
        out.append(mention)
        last_end = e
    return out


_DIGITS = _LazyRe(r"\d+")
_CLITICS = "وفبل"


def _scan(t: str) -> Iterator[re.Match[str]]:
    """Non-overlapping matches of the date grammar, tried only where a trigger word or a digit starts a word."""
    g = _grammar()
    n = len(t)
    starts: set[int] = set()
    for end, length in g.triggers.iter(t):
        if end + 1 < n and t[end + 1].isalnum():
            continue
        ws = end + 1 - length
        k = 0
        while k < 2 and ws > 0 and t[ws - 1] in _CLITICS:
            ws -= 1
            k += 1
        while ws > 0 and t[ws - 1].isalnum():  # not at a word start: undo the clitics
            if k == 0:
                break
            ws += 1
            k -= 1
        if ws > 0 and t[ws - 1].isalnum():
            continue
        starts.add(ws)
    for m in _DIGITS.finditer(t):
        ds = m.start()
        if ds == 0 or not t[ds - 1].isalnum():
            starts.add(ds)
        # "الـ24 ساعة" (folded "ال24") and "ال 24": the article may open the phrase too
        for art in ("ال", "ال "):
            a = ds - len(art)
            if a >= 0 and t[a:ds] == art and (a == 0 or not t[a - 1].isalnum()):
                starts.add(a)
    last_end = 0
    pattern = g.pattern
    for ws in sorted(starts):
        if ws < last_end:
            continue
        m = pattern.match(t, ws)
        if m is not None:
            last_end = m.end()
            yield m


def _mention(norm: Normalized, s: int, e: int, value: _Value, anchor: str | None) -> ResolvedDate:
    os_, oe = norm.span(s, e)
    original = norm.original
    while oe < len(original) and _is_mark(original[oe]):
        oe += 1  # keep the final vowel sign or tanween of "مؤخّراً"
    start, end, precision, kind = value
    return ResolvedDate(os_, oe, norm.original[os_:oe], start, end, precision, anchor, kind)


def _is_mark(c: str) -> bool:
    return "\u064b" <= c <= "\u065f" or c in "\u0670\u0640"  # harakat, tanween, dagger alef, tatweel


def _resolve_anchor(anchor: Anchor, op: re.Match[str] | None, pub: date | None) -> _Value:
    a_start, a_end = anchor.start, anchor.end
    if op is None:
        return a_start, a_end, anchor.precision, "bare_anchor"
    g = _grammar()
    event = op.group("event")
    if event in ("انتهاء", "نهايه", "ختام"):
        a_start = a_end
    if op.group("off_u"):
        unit, implied = _UNIT_FORMS[op.group("off_u")]
        sign = 1 if op.group("off_op") == "بعد" else -1
        n = parse_cardinal(op.group("off_n")) if op.group("off_n") else implied
        if not n:  # "بعد أيام من", "بعد بضعة أشهر على"
            if unit in ("day", "hour"):
                lo, hi = _add(a_start, "day", sign * FEW_DAYS_MIN), _add(a_start, "day", sign * FEW_DAYS_MAX)
                return min(lo, hi), max(lo, hi), "week", "anchored"
            if unit == "week":
                lo, hi = _add(a_start, "week", sign * 2), _add(a_start, "week", sign * 6)
                return min(lo, hi), max(lo, hi), "month", "anchored"
            return (a_start, None, "unknown", "vague") if sign > 0 else (None, a_start, "unknown", "vague")
        d = _add(a_start, unit, sign * n)
        return d, d, _UNIT_PRECISION[unit], "anchored"
    if op.group("op") is None:  # an anniversary: "في الذكرى الثالثة لـ..."
        nth = g.ordinals_f.get(op.group("ann_o") or "") or (int(op.group("ann_n")) if op.group("ann_n") else None)
        if nth is not None:
            d = _safe(a_start.year + nth, a_start.month, a_start.day) or date(a_start.year + nth, a_start.month, 28)
            return d, d, "day", "anchored"
        if pub is None:
            return None, None, "unknown", "anchored"
        limit = pub + timedelta(days=FUTURE_WINDOW_DAYS)
        y = pub.year if (_safe(pub.year, a_start.month, a_start.day) or limit) <= limit else pub.year - 1
        d = _safe(y, a_start.month, a_start.day) or date(y, a_start.month, 28)
        return d, d, "day", "anchored"
    word = op.group("op")
    if word == "منذ":
        return a_start, a_end, anchor.precision, "since"
    if word == "بعد":
        return a_start, None, "unknown", "vague"
    if word == "قبل":
        return None, a_start, "unknown", "vague"
    if word in ("عقب", "اثر", "بعيد", "في اعقاب"):
        return a_end, a_end + timedelta(days=REPORTED_WITHIN_DAYS), "week", "anchored"
    if word == "قبيل":
        return a_start - timedelta(days=REPORTED_WITHIN_DAYS), a_start, "week", "anchored"
    if word == "عشيه":
        d = a_start - timedelta(days=1)
        return d, d, "day", "anchored"
    if word == "غداه":
        d = a_end + timedelta(days=1)
        return d, d, "day", "anchored"
    if word in ("مع", "تزامنا مع") and event is None:
        return a_start, a_end, anchor.precision, "bare_anchor"
    return a_start, a_end, anchor.precision, "anchored"


def _alternative(m: re.Match[str]) -> str:
    """Which alternative of the grammar matched (m.lastgroup is always the enclosing "core")."""
    for name in _ALTERNATIVES:
        if m.start(name) >= 0:
            return name
    raise AssertionError("the date grammar matched no alternative")  # unreachable by construction


def _weekday_target(wd: int, target: date) -> date:
    """The weekday `wd` on or before `target` (+1 day of slack for late datelines)."""
    return _last_weekday(target + timedelta(days=1), wd)


def _r_abs(m: re.Match[str], t: str, s: int, e: int, pub: date | None) -> _Value | None:
    g = _grammar()
    month = _month_of(m.group("abs_m"))
    if month is None:
        return None
    day = int(m.group("abs_d")) if m.group("abs_d") else g.ordinals[m.group("abs_o")]
    day2 = int(m.group("abs_d2")) if m.group("abs_d2") else day
    if m.group("abs_y"):
        y = int(m.group("abs_y")[:4])
    elif pub is not None:
        y = _year_for(pub, month, day, m.group("abs_q"))
    else:
        return None, None, "unknown", "absolute"
    d1, d2 = _safe(y, month, day), _safe(y, month, max(day, day2))
    if d1 is None:
        return None
    if m.group("abs_tod") in _NIGHTS and not m.group("abs_wd"):
        return d1 - timedelta(days=1), d1, "day", "absolute"
    return d1, d2 or d1, "day", "absolute"


def _month_of(pair: str) -> int | None:
    months = _grammar().months
    first = pair
    for sep in ("/", "(", "-"):
        first = first.split(sep)[0]
    return months.get(first.strip())


def _r_num(m: re.Match[str], t: str, s: int, e: int, pub: date | None) -> _Value | None:
    a, b, c = m.group("num_a"), m.group("num_b"), m.group("num_c")
    if len(a) == 4 and len(c) <= 2:
        d = _safe(int(a), int(b), int(c))
    elif len(c) == 4 and len(a) <= 2:
        x, y = int(a), int(b)
        d = _safe(int(c), x, y) if y > 12 >= x else _safe(int(c), y, x)
    else:
        return None
    if d is None or not 1900 <= d.year <= 2099:
        return None
    return d, d, "day", "absolute"


def _r_hij(m: re.Match[str], t: str, s: int, e: int, pub: date | None) -> _Value | None:
    g = _grammar()
    month = g.hijri[m.group("hij_m")]
    day = int(m.group("hij_d")) if m.group("hij_d") else (g.ordinals[m.group("hij_o")] if m.group("hij_o") else None)
    kind: DateKind = "absolute"
    if m.group("hij_y"):
        y: int | None = int(m.group("hij_y"))
    elif day is None and not m.group("hij_sh"):
        return None  # "رمضان", "صفر", "رجب" alone are names and words
    elif pub is None:
        return None, None, "unknown", "absolute"
    else:
        kind = "relative"
        y = _hijri_year_of(pub)
        if y is not None:
            r = _hijri_to_gregorian(y, month, day)
            if r is not None and r[0] > pub + timedelta(days=FUTURE_WINDOW_DAYS):
                y -= 1
    if y is None:
        return None
    r = _hijri_to_gregorian(y, month, day)
    if r is None:
        return None
    return r[0], r[1], "day" if day else "month", kind


def _r_feast(m: re.Match[str], t: str, s: int, e: int, pub: date | None) -> _Value | None:
    if pub is None:
        return None, None, "unknown", "relative"
    g = _grammar()
    month, day = g.feasts[m.group("feast_w")]
    y = _hijri_year_of(pub)
    if y is None:
        return None
    q = m.group("feast_q")
    r = _hijri_to_gregorian(y, month, day)
    if r is None:
        return None
    if q in g.past and r[0] >= pub or (not q and r[0] > pub + timedelta(days=FUTURE_WINDOW_DAYS)):
        y -= 1
    elif q in g.future and r[0] <= pub:
        y += 1
    r = _hijri_to_gregorian(y, month, day)
    return (r[0], r[1], "day", "relative") if r else None


def _r_hyr(m: re.Match[str], t: str, s: int, e: int, pub: date | None) -> _Value | None:
    y = int(m.group("hyr_y"))
    a, b = _hijri_to_gregorian(y, 1, 1), _hijri_to_gregorian(y, 12, None)
    if a is None or b is None:
        return None
    return a[0], b[1], "year", "absolute"


def _r_my(m: re.Match[str], t: str, s: int, e: int, pub: date | None) -> _Value | None:
    month = _month_of(m.group("my_m"))
    if month is None:
        return None
    a, b, p = _part_of_month(int(m.group("my_y")[:4]), month, m.group("my_p"))
    return a, b, p, "absolute"


def _r_mq(m: re.Match[str], t: str, s: int, e: int, pub: date | None) -> _Value | None:
    month = _month_of(m.group("mq_m"))
    if month is None:
        return None
    if pub is None:
        return _UNKNOWN_REL
    a, b, p = _part_of_month(_year_for(pub, month, None, m.group("mq_q")), month, m.group("mq_p"))
    return a, b, p, "relative"


def _r_ms(m: re.Match[str], t: str, s: int, e: int, pub: date | None) -> _Value | None:
    word = m.group("ms_m")
    month = _month_of(word)
    if month is None:
        return None
    if not (m.group("ms_p") or m.group("ms_sh")) and word in _AMBIGUOUS_MONTHS:
        return None
    if pub is None:
        return _UNKNOWN_REL
    a, b, p = _part_of_month(_year_for(pub, month, None, None), month, m.group("ms_p"))
    return a, b, p, "relative"


def _r_yr(m: re.Match[str], t: str, s: int, e: int, pub: date | None) -> _Value | None:
    raw = m.group("yr_y")
    if not (m.group("yr_p") or m.group("yr_w") or raw.endswith("م")):
        prev = _PREV_WORD.search(t, max(0, s - 12), s)
        if prev is None or prev.group(1) not in _YEAR_CONTEXT:
            return None
    a, b, p = _part_of_year(int(raw[:4]), m.group("yr_p"))
    return a, b, p, "absolute"


def _r_rd(m: re.Match[str], t: str, s: int, e: int, pub: date | None) -> _Value | None:
    word = m.group("rd_w")
    if word == "اليوم":
        nxt = _NEXT_WORD.match(t, m.end("rd_w"))
        prev = _PREV_WORD.search(t, max(0, s - 16), s)
        if m.group("rd_tod") is None and m.group("rd_wd") is None and (
            (nxt is not None and nxt.group(1) in _STOP_AFTER_TODAY)
            or (prev is not None and prev.group(1) in _OUTLETS_BEFORE_TODAY)
            or t[m.end("rd_w"):m.end("rd_w") + 1] == '"'
        ):
            return None
    if pub is None:
        return _UNKNOWN_REL
    back = {"اليوم": 0, "هذا الصباح": 0, "هذا المساء": 0, "نهار اليوم": 0, "امس": 1, "الامس": 1,
            "البارحه": 1, "الليله الماضيه": 1}.get(word, 2)
    d = pub - timedelta(days=back)
    wd = m.group("rd_wd")
    if wd is not None:
        d = _weekday_target(_grammar().weekdays[wd], d)
    tod = m.group("rd_tod")
    if word == "الليله الماضيه" or (tod in _NIGHTS and back >= 1):
        return d, d + timedelta(days=1), "day", "relative"
    return d, d, "day", "relative"


def _r_wd(m: re.Match[str], t: str, s: int, e: int, pub: date | None) -> _Value | None:
    g = _grammar()
    prev = _PREV_WORD.search(t, max(0, s - 10), s)
    if m.group("wd_d") == "الاثنين" and prev is not None and prev.group(1) in _BEFORE_TWO:
        return None  # "كلا الاثنين": both of them
    if pub is None:
        return _UNKNOWN_REL
    wd = g.weekdays[m.group("wd_d")]
    q = m.group("wd_q") or ""
    if q.startswith("قبل "):
        d = _last_weekday(pub, wd, strictly_before=True) - timedelta(days=7)
    elif q in g.past:
        d = _last_weekday(pub, wd, strictly_before=True)
    elif q in g.future:
        d = _next_weekday(pub, wd)
    else:
        d = _last_weekday(pub, wd)
    if m.group("wd_d2"):
        d2 = d + timedelta(days=(g.weekdays[m.group("wd_d2")] - wd) % 7)
        return d, d2, "day", "relative"
    if m.group("wd_tod") in _NIGHTS:
        night = fold("ليلة") == m.group("wd_tod")
        return (d - timedelta(days=1), d, "day", "relative") if night else (d, d + timedelta(days=1), "day", "relative")
    return d, d, "day", "relative"


def _r_pd(m: re.Match[str], t: str, s: int, e: int, pub: date | None) -> _Value | None:
    g = _grammar()
    if pub is None:
        return _UNKNOWN_REL
    part = m.group("pd_p")
    unit = m.group("pd_u1") or m.group("pd_u2") or m.group("pd_u3")
    q = m.group("pd_q1") or m.group("pd_q3") or ""
    step = -1 if q in g.past else (1 if q in g.future else 0)
    if unit == "الشهر":
        ref = _add_months(pub.replace(day=1), step)
        a, b, p = _part_of_month(ref.year, ref.month, part)
    elif unit == "الاسبوع":
        a, b, p = _part_of_week(_week_start(pub) + timedelta(weeks=step), part)
    else:
        a, b, p = _part_of_year(pub.year + step, part)
    return a, b, p, "relative"


def _r_pw(m: re.Match[str], t: str, s: int, e: int, pub: date | None) -> _Value | None:
    unit, implied = _UNIT_FORMS[m.group("pw_u")]
    raw_n = m.group("pw_n") or m.group("pw_n2")
    n = parse_cardinal(raw_n) if raw_n else implied
    future = m.group("pw_q") in ("المقبله", "القادمه", "المقبلين", "القادمين")
    if pub is None:
        return _UNKNOWN_REL
    if unit == "hour":
        n, unit = 1, "day"
    if not n:  # "الأيام الماضية": a week; "الأسابيع الماضية": a month; longer ones are vague
        if unit == "day":
            n = FEW_DAYS_MAX
        elif unit == "week":
            n = 4
        else:
            return (pub, None, "unknown", "vague") if future else (None, pub, "unknown", "vague")
    other = _add(pub, unit, n if future else -n)
    a, b = (pub + timedelta(days=1), other) if future else (other, pub)
    span = (b - a).days
    precision: DatePrecision = "day" if span <= 3 else "week" if span <= 14 else "month" if span <= 120 else "year"
    return a, b, precision, "relative"


def _r_ag(m: re.Match[str], t: str, s: int, e: int, pub: date | None) -> _Value | None:
    unit, implied = _UNIT_FORMS[m.group("ag_u")]
    op = m.group("ag_op")
    n1 = parse_cardinal(m.group("ag_n")) if m.group("ag_n") else implied
    n2 = parse_cardinal(m.group("ag_n2")) if m.group("ag_n2") else n1
    if m.group("ag_few"):
        n1 = n2 = 0
    if n1 is None or n2 is None:
        return None
    sign = 1 if op == "بعد" else -1
    if not n1:  # "منذ أيام", "قبل بضعة أسابيع", "منذ سنوات"
        if unit in ("month", "year", "decade"):
            return (None, pub, "unknown", "vague") if pub else (None, None, "unknown", "vague")
        if pub is None:
            return _UNKNOWN_REL
        lo_n, hi_n, p = (FEW_DAYS_MIN, FEW_DAYS_MAX, "week") if unit in ("day", "hour") else (14, 42, "month")
        if unit == "hour":
            lo_n, hi_n, p = 0, 1, "day"
        x, y = pub + timedelta(days=sign * lo_n), pub + timedelta(days=sign * hi_n)
        return min(x, y), max(x, y), p, "relative"
    if pub is None:
        return _UNKNOWN_REL
    x, y = _add(pub, unit, sign * n1), _add(pub, unit, sign * n2)
    return min(x, y), max(x, y), _UNIT_PRECISION[unit], "relative"


def _r_vg(m: re.Match[str], t: str, s: int, e: int, pub: date | None) -> _Value | None:
    if pub is None:
        return None, None, "unknown", "vague"
    return pub - timedelta(days=RECENTLY_DAYS), pub, "unknown", "vague"


_RESOLVERS: dict[str, Callable[[re.Match[str], str, int, int, date | None], _Value | None]] = {
    "abs": _r_abs, "num": _r_num, "hij": _r_hij, "feast": _r_feast, "hyr": _r_hyr, "my": _r_my,
    "mq": _r_mq, "ms": _r_ms, "yr": _r_yr, "rd": _r_rd, "wd": _r_wd, "pd": _r_pd, "pw": _r_pw,
    "ag": _r_ag, "vg": _r_vg,
}
_ALTERNATIVES = tuple(_RESOLVERS)


# ---------------------------------------------------------------------------
# Publication date

_PUBLISHED_MARKER = _LazyRe(
    r"(?<!\w)(?:تاريخ النشر|نشر في|نشر بتاريخ|تم النشر|تاريخ الخبر|اخر تحديث|published|posted on|posted)(?!\w)"
    r" ?[:\-|]? ?(?:يوم )?"
)


_MARKER_HINT = _LazyRe(r"نشر|تحديث|تاريخ الخبر|published|posted", re.IGNORECASE)


def publication_date(text: str, title: str | None = None) -> tuple[date | None, str | None]:
    """The article's date from the text itself: (date, how) or (None, None).

    `how` is "text" (a "نشر في ..." line), "dateline" (a full date in the first lines),
    "title" (a full date in the headline) or "anchor" (an anchored expression in the opening
    paragraph, "بعد 50 يوماً من الغزو الروسي لأوكرانيا" -> 2022-04-15).
    """
    if text:
        if _MARKER_HINT.search(text):
            norm = normalize(text)
            for m in _PUBLISHED_MARKER.finditer(norm.text):
                d = _full_date_at(norm, m.end())
                if d is not None:
                    return d, "text"
        head = normalize(text[:OPENING_CHARS])
        mentions = _find(head, None)
        dateline_end = min(DATELINE_CHARS, _paragraph_end(text, 0))
        for mention in mentions:
            if mention.start >= dateline_end:
                break
            if _is_full_date(mention):
                return mention.value_start, "dateline"  # type: ignore[return-value]
    if title:
        for mention in _find(normalize(title), None):
            if _is_full_date(mention):
                return mention.value_start, "title"  # type: ignore[return-value]
    if text:
        para_end = _paragraph_end(text, 0)
        for mention in mentions:
            if mention.start >= min(para_end, OPENING_CHARS):
                break
            if (isinstance(mention, ResolvedDate) and mention.kind == "anchored"
                    and mention.value_start is not None and mention.precision != "unknown"):
                return mention.value_start, "anchor"
    return None, None


def _is_full_date(m: DateMention) -> bool:
    return (isinstance(m, ResolvedDate) and m.kind == "absolute" and m.precision == "day"
            and m.value_start is not None)


def _full_date_at(norm: Normalized, pos: int) -> date | None:
    m = _grammar().pattern.match(norm.text, pos)
    if m is None or m.group("abs") is None and m.group("num") is None:
        return None
    value = _RESOLVERS[_alternative(m)](m, norm.text, *m.span("core"), None)
    if value is None or value[0] is None or value[2] != "day":
        return None
    return value[0]


def _paragraph_end(text: str, pos: int) -> int:
    # skip leading blank lines, then the paragraph runs to the next line break
    while pos < len(text) and text[pos] in "\r\n \t":
        pos += 1
    end = text.find("\n", pos)
    return len(text) if end < 0 else end


# ---------------------------------------------------------------------------
# Metadata fields

_ISO = _LazyRe(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)")
_YMD = _LazyRe(r"^\s*(\d{4})[/.](\d{1,2})[/.](\d{1,2})(?!\d)")
_DMY = _LazyRe(r"^\s*(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})(?!\d)")
_COMPACT = _LazyRe(r"^\s*((?:19|20)\d\d)(\d\d)(\d\d)(?:T|\s|$)")
_EPOCH = _LazyRe(r"^\s*(\d{10})(?:\.\d+)?\s*$")
_EN_MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
_EN_MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
_EN_MONTHS["sept"] = 9
_EN_DMY = _LazyRe(r"(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})")
_EN_MDY = _LazyRe(r"([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})")
_NO_DATE = frozenset({"", "unknown", "none", "null", "n/a", "na", "-", "?", "غير معروف"})


def parse_date_field(value: str | None) -> date | None:
    """A date from a metadata or record field, or None when the field holds no date.

    Reads ISO dates and datetimes ("2026-01-28", "2026-01-28T10:00:00Z"), day-first numeric
    dates ("28/01/2026"), RFC 2822 ("Wed, 28 Jan 2026 10:00:00 GMT"), English and Arabic
    month names ("January 28, 2026", "28 يناير 2026"), YYYYMMDD and Unix timestamps.
    """
    if value is None:
        return None
    s = str(value).strip()
    if s.lower() in _NO_DATE:
        return None
    for rx, order in ((_ISO, "ymd"), (_YMD, "ymd"), (_COMPACT, "ymd"), (_DMY, "dmy")):
        m = rx.match(s)
        if m:
            a, b, c = (int(x) for x in m.groups())
            if order == "ymd":
                d = _safe(a, b, c)
            else:
                d = _safe(c, b, a) if b <= 12 else _safe(c, a, b)
            if d is not None:
                return d
    m = _EPOCH.match(s)
    if m:
        return datetime.fromtimestamp(int(m.group(1)), tz=timezone.utc).date()
    try:
        return datetime.fromisoformat(s.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(s).date()
    except (TypeError, ValueError, IndexError):
        pass
    for rx, groups in ((_EN_DMY, (3, 2, 1)), (_EN_MDY, (3, 1, 2))):
        m = rx.search(s)
        if m:
            y, mon, d = (m.group(i) for i in groups)
            month = _EN_MONTHS.get(mon.lower())
            if month:
                r = _safe(int(y), month, int(d))
                if r is not None:
                    return r
    for mention in find_dates(s, None):
        if _is_full_date(mention):
            return mention.value_start
    log.debug("no date in field %r", s)
    return None


_URL_YMD = _LazyRe(r"(?<!\d)((?:19|20)\d\d)[/_-](\d{1,2})[/_-](\d{1,2})(?!\d)")
_URL_COMPACT = _LazyRe(r"(?<![\d])((?:19|20)\d\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?!\d)")
_URL_DMY_PARAM = _LazyRe(r"(?:date|cdate)=(\d{2})(\d{2})((?:19|20)\d\d)(?!\d)", re.IGNORECASE)


def date_from_url(url: str | None) -> date | None:
    """A publication date written into an article URL ("/2019/12/5/...", "cdate=28012026")."""
    if not url:
        return None
    for rx, order in ((_URL_YMD, "ymd"), (_URL_DMY_PARAM, "dmy"), (_URL_COMPACT, "ymd")):
        m = rx.search(url)
        if m:
            a, b, c = (int(x) for x in m.groups())
            d = _safe(a, b, c) if order == "ymd" else _safe(c, b, a)
            if d is not None:
                return d
    return None


# ---------------------------------------------------------------------------
# Event dates

_RELATIVE_PRONOUN = _LazyRe(r"(?<!\w)(?:الذي|التي|الذين|اللذين|اللتين|اللواتي|اللاتي|التى)(?!\w)")


@lru_cache(maxsize=8)
def _sentence_bounds(text: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    ss = sentences(text)
    return tuple(s.start for s in ss), tuple(s.end for s in ss)


def _usable(m: DateMention) -> bool:
    if m.value_start is None or m.precision == "unknown":
        return False
    if isinstance(m, ResolvedDate):
        if m.kind in ("bare_anchor", "vague"):
            return False
        if m.kind == "since" and (m.anchor is not None or m.precision in ("month", "year")):
            return False  # "منذ عام 2019", "منذ سقوط الأسد": a standing state, not the event's date
    return True


def event_date(doc_text: str, evidence_start: int, evidence_end: int, dates: list[DateMention],
               published: date | None, trigger: int | None = None) -> EventDate:
    """The date of the event read from `doc_text[evidence_start:evidence_end]`.

    In order: a date inside the evidence (the most precise, then the first; not one inside a
    relative clause after the `trigger` offset: "قاعدة في مدينة الباب التي حُررت الأسبوع
    الماضي" dates the town's capture, not the base); else the
    nearest date in the same sentence (not one inside a relative clause that follows the
    evidence); else an earlier date in the same paragraph; else a date opening the article
    that no other date has replaced; else the week before `published`; else unknown.
    """
    usable = [m for m in dates if _usable(m)
              and not (trigger is not None and trigger < m.start < evidence_end
                       and _RELATIVE_PRONOUN.search(doc_text, trigger, m.start))]
    inside = [m for m in usable if evidence_start <= m.start and m.end <= evidence_end]
    if inside:
        best = min(inside, key=lambda m: (_PRECISION_RANK[m.precision], m.start))
        return _as_event_date(best)

    starts, ends = _sentence_bounds(doc_text)
    i = bisect_right(starts, evidence_start) - 1
    s_start = starts[i] if i >= 0 else 0
    s_end = max(ends[i] if i >= 0 else len(doc_text), evidence_end)
    near: list[tuple[int, int, DateMention]] = []
    for m in usable:
        if m.end <= s_start or m.start >= s_end:
            continue
        if m.start >= evidence_end:
            if _RELATIVE_PRONOUN.search(doc_text, evidence_end, m.start):
                continue
            near.append((m.start - evidence_end, 1, m))
        else:
            near.append((max(0, evidence_start - m.end), 0, m))
    if near:
        return _as_event_date(min(near, key=lambda x: (x[0], x[1]))[2])

    p_start = doc_text.rfind("\n", 0, evidence_start) + 1
    before = [m for m in usable if m.end <= evidence_start]
    in_para = [m for m in before if m.start >= p_start]
    if in_para:
        return _as_event_date(in_para[-1])

    if before:
        opener = before[0]
        if _is_opening(doc_text, opener, starts, ends) and len(before) == 1:
            return _as_event_date(opener)

    if published is not None:
        return EventDate(start=(published - timedelta(days=REPORTED_WITHIN_DAYS)).isoformat(),
                         end=published.isoformat(), precision="week", text=None)
    return EventDate()


def _is_opening(text: str, m: DateMention, starts: tuple[int, ...], ends: tuple[int, ...]) -> bool:
    """Whether `m` stands at the head of the article's first sentence ("بعد 50 يوماً من ...،")."""
    if not starts or m.start >= ends[0]:
        return False
    lead = text[starts[0]:m.start].split()
    return len(lead) <= FRONTED_MAX_WORDS


def _as_event_date(m: DateMention) -> EventDate:
    start = m.value_start
    end = m.value_end or start
    return EventDate(start=start.isoformat() if start else None, end=end.isoformat() if end else None,
                     precision=m.precision, text=m.text)
