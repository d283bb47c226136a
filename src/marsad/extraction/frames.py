"""Argument finding for event frames: actors by word order, recipients by preposition, places by phrase."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from marsad.text.normalize import key


def _folded(words: set[str]) -> frozenset[str]:
    """Word sets are compared after marsad.text.normalize.key (على -> علي, إلى -> الى)."""
    return frozenset(key(w) for w in words)


# Prepositions that mark a following actor as something other than the subject.
RECIPIENT_PREPS = _folded({"لصالح", "الى", "ل", "لل", "مع", "على", "ضد", "بحق", "تجاه", "نحو",
                             "لمصلحه", "صالح", "ازاء"})
NON_SUBJECT_PREPS = RECIPIENT_PREPS | _folded({
    "من", "عن", "في", "ب", "بين", "عبر", "لدى", "حول", "قرب", "بعد", "قبل", "منذ", "مثل", "غرار",
    "باشراف", "اشراف", "بدعم", "دعم", "بمساعده", "بمشاركه", "بقياده", "قياده", "برفقه", "رفقه",
    "تابعه", "تابع", "التابعه", "التابع", "المدعومه", "المدعوم", "مدعومه", "مدعوم",
    "المواليه", "الموالي", "الموالين", "صفوف", "داخل", "قرب", "شمال", "جنوب", "شرق", "غرب", "وسط",
    "قلب", "قبالة", "انحاء", "ارجاء", "عموم", "تخوم", "باتجاه", "اتجاه", "صوب",
    "اتهم", "اتهمت", "حسب", "بحسب", "وفق", "نقلا", "مصادر", "مصدر", "بيان", "لسان", "باسم",
})
# "in favour of": the recipient of a withdrawal turns it into a handover.
HANDOVER_PREPS = _folded({"لصالح", "لمصلحه", "صالح"})
# Words between places that keep them in one coordinated list.
_COORD_GAP = re.compile(
    r"^[\s،,]*(?:و|او|ثم)?\s*(?:(?:من|في|الي|علي|عند|قرب|داخل|نحو)(?:\s+|$)|[بل](?!\s))?(?:(?:في\s+)?كل\s+من\s+)?"
    r"(?:(?:مدينه|مدينتي|مدن|بلده|بلدتي|بلدات|قريه|قريتي|قري|حي|حيي|احياء|منطقه|منطقتي|مناطق|محافظه|محافظتي|محافظات|مطار|مطاري|مطارات|قاعده|قاعدتي|قواعد|معبر|معبري|معابر|مستودعات|حقل|حقلي|حقول|ناحيه|بلدتي|مخيم|مخيمي)\s*)?$"
)
# Prepositions after which a country or city name is a place, not an actor ("في سوريا").
LOCATIVE_PREPS = _folded({"في", "من", "ب", "على", "علي", "عبر", "داخل", "قرب", "نحو", "حول",
                            "وسط", "قلب", "قبالة", "امام", "خلف", "انحاء", "ارجاء", "عموم", "مختلف", "مدخل", "تخوم",
                            "شمال", "جنوب", "شرق", "غرب", "شمالي", "جنوبي", "شرقي", "غربي", "باتجاه",
                            "اتجاه", "الي", "منذ", "بين", "اراضي", "حدود", "لدى", "لدي"})
# Phrases after which a place is a point of comparison or an origin, not the event's place.
_COMPARISON = re.compile(r"(?:علي\s+غرار|\bمثل\b|شبيه[هة]?\s+ب|علي\s+شاكله|كما\s+في|اسوه\s+ب)")
_ORIGIN = re.compile(r"(?:قادم[هة]?|قادمين|قادمون|آتي[هة]?|اتي[هة]?|منطلق[هة]?|انطلاقا)\s+من\s*\S*\s*$")


@dataclass(slots=True)
class ActorSpan:
    """An actor mention with the preposition that governs it (None for a bare noun phrase)."""

    start: int
    end: int
    text: str
    actor_id: str
    prep: str | None
    data: object = None
    coordinated: list[ActorSpan] = field(default_factory=list)

    @property
    def kind(self) -> str | None:
        return getattr(self.data, "kind", None)


# Nouns after which "من X" / "لـ X" names the owner of a force, who is then the actor:
# "قافلة من الشرطة العسكرية" (partitive), "تعزيزات لـ الحرس الثوري", "مجموعات تتبع لحزب الله".
FORCE_NOUNS = _folded({
    "قافله", "قوافل", "رتل", "ارتال", "تعزيزات", "عناصر", "عنصر", "مقاتلين", "مقاتلو", "مقاتلي",
    "مجموعه", "مجموعات", "دوريه", "دوريات", "عدد", "مئات", "المئات", "عشرات", "العشرات", "الاف",
    "الالاف", "قوه", "قوات", "وحدات", "كتيبه", "سريه", "افراد", "جنود", "ضباط", "قاده", "قيادات",
    "قيادي", "شاحنات", "اليات", "اسطول", "وفد", "تابعه", "تابع", "تابعين", "تتبع", "يتبع", "التابعه",
    "التابع", "التابعين", "مسلحين", "مسلحون", "خليه", "خلايا", "فصائل", "فصيل", "الويه", "كتائب",
    "تشكيلات",
    # the arms of a force: "الطيران الحربي للجيش", "طائرات مسيرة للحوثيين", "مدفعية للنظام"
    "طيران", "الطيران", "الحربي", "الحربيه", "المسير", "طائرات", "الطائرات", "مسيرات", "المسيرات",
    "مدفعيه", "المدفعيه", "زوارق", "بوارج",
})
# "على يد X", "من قبل X", "من طرف X": X is the agent of a passive or nominal event.
AGENT = "agent"
# "المدعوم من X", "الموالية لـ X": X backs the actor; it is neither the actor nor a place.
BACKER = "backer"
BACKED_WORDS = _folded({"المدعوم", "المدعومه", "مدعوم", "مدعومه", "المدعومين", "مدعومين", "بدعم",
                        "الموالي", "المواليه", "الموالين", "موالي", "مواليه", "موالين", "المقرب",
                        "المقربه", "المقربين", "مقرب", "مقربه", "المحسوب", "المحسوبه", "المحسوبين"})
MEDIA = "media"
MEDIA_WORDS = _folded({"تلفزيون", "قناه", "اذاعه", "راديو", "وكاله", "موقع", "صحيفه", "شبكه",
                       "جريده", "مجله", "منصه", "تلفزيون", "فضائيه"})
# Words that make the following name a place ("ريف دمشق", "مدينة حلب").
PLACE_WORDS = _folded({"ريف", "اطراف", "محيط", "ضواحي", "مدينه", "بلده", "قريه", "محافظه", "حي",
                       "شوارع", "ارياف", "بادية", "باديه", "جنوبي", "شمالي", "شرقي", "غربي", "وسط",
                       # institutions named after their town: "جامعة دمشق" is in Damascus, not the state
                       "جامعه", "جامعات", "ساحه", "ميدان", "شارع", "مستشفي", "سجن", "ميناء",
                       # titles of local office: "محافظ دمشق" is a governor, not the Syrian state
                       "محافظ", "بلديه", "مختار", "عمده", "قائمقام"})
LOCATIVE_PREPS = LOCATIVE_PREPS | PLACE_WORDS


def governing_prep(text: str, start: int, clitic: str) -> str | None:
    """The preposition governing a mention at `start`: an attached clitic (ب، ل، لل) or the word
    before. None means a bare noun phrase (subject or object); AGENT and BACKER mark the two
    constructions above."""
    before = text[max(0, start - 40):start]
    if clitic:
        # the mention starts after its clitic: the word before is the one before the clitic
        before = re.sub(r"\S+$", "", before)
    words = key(before).split()
    last = words[-1] if words else ""
    prev = words[-2] if len(words) >= 2 else ""
    if clitic:
        c = clitic.lstrip("وف")
        if c:
            c = "ل" if c in ("ل", "لل") else c
            if c == "ل" and last in FORCE_NOUNS:
                return None  # "تعزيزات لـ X": X's reinforcements
            if c == "ل" and last in BACKED_WORDS:
                return BACKER
            return c
    if not words:
        return None
    # "على يد X", "من قبل X", and through a partitive: "على يد ضباط من X"
    for i in range(len(words) - 1, max(0, len(words) - 5), -1):
        w = words[i]
        if w in ("يد", "قبل", "طرف", "جانب") and words[i - 1] in ("علي", "من"):
            return AGENT
        if w not in FORCE_NOUNS and w != "من":
            break
    if last in ("من", "ل", "الي") and prev in BACKED_WORDS:
        return BACKER
    if last == "من" and (prev in FORCE_NOUNS or (len(words) >= 3 and words[-3] in FORCE_NOUNS)):
        return None  # "قافلة (ضخمة) من الشرطة العسكرية": the convoy is the police's
    if last in MEDIA_WORDS:
        return MEDIA  # "تلفزيون سوريا", "قناة العالم": an outlet's name, not the state
    if last in ("ل",) and prev in FORCE_NOUNS:
        return None
    if last in PLACE_WORDS:
        return last
    if last in NON_SUBJECT_PREPS:
        return last
    stripped = last[1:] if last[:1] in ("و", "ف") and len(last) > 2 else last
    if stripped in NON_SUBJECT_PREPS:
        return stripped
    # a place word with its own preposition: "بمدينة الخرطوم", "لمحافظة عدن", "وبريف حلب"
    if stripped[:1] in ("ب", "ل") and stripped[1:] in PLACE_WORDS:
        return stripped[1:]
    return None


def coordinated_runs(spans: Sequence[tuple[int, int]], text: str) -> list[list[int]]:
    """Group indexes of consecutive spans joined by و / ، / "كل من" into coordinated runs."""
    runs: list[list[int]] = []
    for i, (s, _e) in enumerate(spans):
        if runs:
            prev_end = spans[runs[-1][-1]][1]
            gap = key(text[prev_end:s]) if s >= prev_end else "x"
            if s >= prev_end and (gap == "" or _COORD_GAP.match(gap)) and s - prev_end < 40:
                runs[-1].append(i)
                continue
        runs.append([i])
    return runs


def is_comparison_or_origin(text: str, clause_start: int, start: int, trigger_end: int | None = None) -> bool:
    """True when the place at `start` is inside a comparison ("على غرار ... في العراق") that
    opens after the trigger, or follows an origin phrase ("قادمة من")."""
    if _ORIGIN.search(key(text[max(clause_start, start - 40):start])):
        return True
    lo = max(clause_start, trigger_end if trigger_end is not None else start - 60)
    return bool(lo < start and _COMPARISON.search(key(text[lo:start])))
