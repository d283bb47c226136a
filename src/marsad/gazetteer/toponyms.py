"""Toponym recognition in Arabic text: gazetteer matches with their context words, filtered for false positives."""

from __future__ import annotations

import functools
import logging
import re
from dataclasses import dataclass
from importlib import resources

from marsad.gazetteer.gazetteer import GazEntry, Gazetteer
from marsad.lexicon.matcher import Match
from marsad.text.normalize import Normalized, key

log = logging.getLogger(__name__)

# Facility words (normalised, without clitics) and the contract site kind they make.
FACILITY_WORDS: dict[str, str] = {
    "مطار": "airport", "مهبط": "airport", "مدرج": "airport",
    "قاعده": "base", "قاعدتي": "base", "ثكنه": "base", "ثكنات": "base", "قواعد": "base",
    "مستودعات": "depot", "مستودع": "depot", "مخازن": "depot", "مخزن": "depot",
    "معبر": "crossing", "منفذ": "crossing",
    "حقل": "other", "حقول": "other", "محطه": "other", "سد": "other", "مصفاه": "other", "معمل": "other",
    "نقطه": "point", "نقاط": "point",
    "مقر": "hq", "مقرات": "hq",
    "معسكر": "camp", "معسكرات": "camp", "مخيم": "camp",
    "حاجز": "checkpoint", "حواجز": "checkpoint",
    "ميناء": "port", "مرفا": "port",
}
# Words that name the kind of place that follows; they set which candidate is meant.
TYPE_WORDS: dict[str, str] = {
    "مدينه": "city", "المدينه": "city", "مدن": "city", "عاصمه": "city", "العاصمه": "city",
    "بلده": "town", "بلدات": "town", "بلدتي": "town",
    "قريه": "village", "قري": "village", "قريتي": "village", "مزرعه": "village", "مزارع": "village",
    "حي": "neighbourhood", "احياء": "neighbourhood", "حيي": "neighbourhood", "شارع": "neighbourhood",
    "محافظه": "governorate", "محافظات": "governorate", "محافظتي": "governorate", "ولايه": "governorate",
    "اقليم": "governorate", "لواء": "governorate",
    "منطقه": "area", "مناطق": "area", "ناحيه": "area", "قضاء": "area", "مركز": "area", "منطقتي": "area",
    "دوله": "country", "جمهوريه": "country",
    "جبل": "mountain", "نهر": "river", "بحر": "sea", "بحيره": "lake", "وادي": "area", "سهل": "area",
}
# Dual and plural type words: they announce several names, joined by و ("بلدتي العشارة ومحكان").
PLURAL_TYPE_WORDS = frozenset({"مدن", "بلدات", "بلدتي", "قري", "قريتي", "مزارع", "احياء", "حيي", "محافظات",
                               "محافظتي", "مناطق", "منطقتي"})
# Words that move the location off the place itself: precision 2 in ACLED's terms.
AREA_WORDS: dict[str, str] = {
    "ريف": "rif", "ارياف": "rif", "باديه": "rif", "باديتي": "rif",
    "اطراف": "outskirts", "محيط": "outskirts", "ضواحي": "outskirts", "مشارف": "outskirts",
    "تخوم": "outskirts", "جرود": "outskirts", "اطرف": "outskirts", "ضاحيه": "outskirts",
    "قرب": "near", "بقرب": "near", "مقربه": "near", "جوار": "near", "حدود": "near",
    "شرق": "direction", "غرب": "direction", "شمال": "direction", "جنوب": "direction",
    "شرقي": "direction", "غربي": "direction", "شمالي": "direction", "جنوبي": "direction",
    "جنوبه": "direction",
}
# Prepositions that introduce a place: enough context for a name of the `weak` tier.
PREPOSITIONS = frozenset({"في", "من", "الي", "علي", "نحو", "باتجاه", "اتجاه", "عبر", "داخل", "حول", "الى",
                          "بين", "قرب", "عند", "وسط", "تجاه", "صوب", "مدخل", "حتي", "بالقرب", "ضمن"})
# Titles of local office that name their town: "محافظ تعز", "رئيس بلدية جنين", "قائد شرطة البصرة",
# "مدير أمن عدن"; and the sea off a town: "قبالة شاطئ رفح".
TITLE_WORDS = frozenset(key(w) for w in (
    "محافظ", "بلدية", "شرطة", "مختار", "عمدة", "قائمقام", "قائممقام", "أمن", "صحة", "قبالة", "شاطئ", "سواحل", "ساحل"))
PREPOSITIONS = PREPOSITIONS | TITLE_WORDS
# Verbs and verbal nouns of attack and movement whose object is a place: right before a name they are
# as good as a preposition ("اقتحمت قوات الاحتلال جنين" has the verb farther off; "قصفت حلب",
# "اقتحام جنين", "استهدف حمص" have it next to the name).
PLACE_VERBS = frozenset(key(w) for w in (
    "استهدف استهدفت يستهدف تستهدف استهداف قصف قصفت يقصف تقصف اقتحم اقتحمت يقتحم تقتحم اقتحام "
    "هاجم هاجمت يهاجم تهاجم داهم داهمت يداهم تداهم مداهمة اجتاح اجتاحت يجتاح تجتاح اجتياح "
    "حاصر حاصرت يحاصر تحاصر حصار دخل دخلت يدخل تدخل دخول غادر غادرت يغادر تغادر "
    "زار زارت يزور تزور ضرب ضربت يضرب تضرب طال طالت يطال تطال").split())
# Words that, right before الجزيرة, make it the television channel, not a place.
MEDIA_WORDS = frozenset(key(w) for w in (
    "قناة قنوات شبكة موقع مراسل مراسلة مراسلو تلفزيون فضائية برنامج لقناة لشبكة لموقع لمراسل "
    "وقناة وشبكة ومراسل ومراسلة").split())
_MEDIA_NAMES = frozenset({key("الجزيرة")})
_MEDIA_AFTER = re.compile(r"\s*(?:نت|مباشر|الاخباريه|الفضائيه|الانجليزيه|الوثائقيه)(?![^\W\d_])")
# Words that, right before a name, make it part of a person's name ("عبد الرحمن حلب", "أبو حلب").
PERSON_MARKERS = frozenset({"عبد", "ابو", "ابن", "بن", "بنت", "ام", "ال", "عائله", "ابنه", "الشيخ",
                            "السيد", "الحاج", "السيده", "المدعو", "الملقب", "الاخ", "الرئيس", "العميد",
                            "اللواء", "العقيد", "الملازم", "النقيب", "الرائد", "الدكتور", "الشهيد", "القيادي"})
# First names common enough that a name right after them is a family name, not a place.
FIRST_NAMES = frozenset(key(n) for n in (
    "محمد أحمد محمود مصطفى حسن حسين خالد عمر عثمان إبراهيم يوسف سليمان سعيد فيصل ماهر بشار حافظ رامي "
    "سامي جمال كمال عماد وليد نزار فراس باسل طلال جميل رياض فادي هشام زياد سمير ناصر منصور عادل عامر "
    "ياسر قاسم جعفر عباس مهدي هادي صالح فاطمة زينب مريم عائشة رنا هدى ليلى سهيل عصام مازن غسان أيمن "
    "أسامة حمزة بلال معاذ أنس طارق نبيل نضال رائد").split())
_CLITICS = ("وبال", "فبال", "وال", "فال", "بال", "كال", "ولل", "فلل", "لل", "ال", "وب", "ول", "فب", "فل",
            "و", "ف", "ب", "ل", "ك")
# Adjectives after a name that belong to the phrase: a direction (ريف حمص الشرقي) or a facility's kind.
_AFTER = re.compile(
    r"\s+(?:ال)?(?:شرقي|غربي|شمالي|جنوبي)(?:ه|ين|يه)?(?:\s+(?:ال)?(?:شرقي|غربي|شمالي|جنوبي)(?:ه)?)?"
    r"|\s+(?:ال)?(?:عسكري|جوي|دولي|بحري|نفطي|حدودي|غازي|مدني|حربي)(?:ه)?")
# Place words themselves are never names ("مدينة" is Medina only as "المدينة المنورة").
_PLACE_WORDS = frozenset(FACILITY_WORDS) | frozenset(TYPE_WORDS) | frozenset(AREA_WORDS) | frozenset(
    "ال" + w for w in (*FACILITY_WORDS, *TYPE_WORDS, *AREA_WORDS))
# A definite nisba adjective right after a word ("الباب الخلفي") that is not a direction.
_ADJECTIVE_AFTER = re.compile(r"\s+ال(?!شرقي|غربي|شمالي|جنوبي)[^\W\d_]{2,}(?:ي|يه|ية)(?![^\W\d_])")
_WORD = re.compile(r"[^\W\d_]+|\d+|[^\w\s]", re.UNICODE)
_OPENERS = frozenset('("«\'[“”„')
CONTEXT_WINDOW = 60  # characters before a name searched for its context words (about 4 words)
MAX_CONTEXT_WORDS = 4
# Names of this many letters or fewer are never read as places (numbers, abbreviations, particles).
MIN_LETTERS = 2
# Names this short need a preposition or place word in front, as `weak` names do.
SHORT_LETTERS = 3
# A single-word name whose every candidate is a village abroad with fewer people than this needs
# context too: the Iranian and Israeli village names in GeoNames collide with ordinary words.
FOREIGN_VILLAGE_MAX_POP = 10_000
HOME_COUNTRIES = frozenset({"SY", "IQ", "LB"})


@dataclass(slots=True)
class Toponym:
    """A recognised place name: its span, its gazetteer candidates and the words around it."""

    start: int
    end: int
    text: str
    key: str
    candidates: tuple[GazEntry, ...]
    phrase_start: int
    phrase_end: int
    context: str | None = None  # rif, outskirts, near, direction
    type_word: str | None = None  # city, town, village, neighbourhood, governorate, area, country...
    site_kind: str | None = None  # contract site kind when a facility word names a site here
    site_text: str | None = None  # the facility word as written
    preposition: bool = False
    plural_type: bool = False  # the type word names several places (بلدتي, أحياء): names joined by و share it


@functools.cache
def stopwords() -> dict[str, str]:
    """Normalised name -> tier (`stop` or `weak`) from data/stopwords.tsv."""
    text = (resources.files("marsad.gazetteer") / "data" / "stopwords.tsv").read_text(encoding="utf-8")
    out: dict[str, str] = {}
    for line in text.splitlines()[1:]:
        if not line or line.startswith("#") or line.startswith("name\t"):
            continue
        name, _, tier = line.partition("\t")
        out[key(name)] = tier.strip() or "stop"
    return out


@functools.cache
def _clitic_forms(vocab_id: int) -> dict[str, str]:
    """Every clitic-prefixed form of a vocabulary's words -> the bare word (built once per vocabulary)."""
    vocab = _VOCABS[vocab_id]
    forms = {c + w: w for w in vocab for c in _CLITICS}
    forms.update({w: w for w in vocab})
    return forms


def _bare(word: str, vocab: dict[str, str] | frozenset[str]) -> str | None:
    """The word with its clitics removed if that is in `vocab`, else None."""
    return _clitic_forms(_VOCAB_IDS[id(vocab)]).get(word)


_VOCABS: tuple[dict[str, str] | frozenset[str], ...] = (FACILITY_WORDS, TYPE_WORDS, AREA_WORDS, PREPOSITIONS)
_VOCAB_IDS = {id(v): i for i, v in enumerate(_VOCABS)}


def _facility_from_alias(alias_key: str) -> tuple[str | None, str]:
    """A curated site alias that starts with a facility word: (site kind, the rest)."""
    first, _, rest = alias_key.partition(" ")
    kind = FACILITY_WORDS.get(first)
    return (kind, rest) if kind and rest else (None, alias_key)


def recognize(norm: Normalized, gazetteer: Gazetteer | None = None) -> list[Toponym]:
    """Every place name in the text, with its context words, in text order."""
    gaz = gazetteer or Gazetteer.default()
    stops = stopwords()
    text = norm.text
    out: list[Toponym] = []
    last_end = 0
    prev: tuple[int, Toponym] | None = None  # the last name read and where it ended (normalised)
    for m in gaz.matcher().find(norm):
        # "حيي الملعب البلدي والبيدر", "بلدتي العشارة ومحكان": a name joined by و to one that had a
        # type word shares it.
        shared = None
        if prev is not None and prev[1].type_word and prev[1].plural_type and _COORDINATED.fullmatch(
                text[prev[0]:m.norm_start - len(m.prefix)] + m.prefix):
            shared = prev[1].type_word
        top = _read(m, norm, text, stops, last_end, shared)
        if top is not None:
            out.append(top)
            last_end = m.norm_end + len(m.suffix)
            prev = (last_end, top)
    return out


# What may stand between two coordinated names: quotes, commas, spaces and the conjunction و.
_QUOTES = "\"'\u201c\u201d\u201e\u00ab\u00bb"
_COORDINATED = re.compile(f"[\\s{_QUOTES}\u060c,]*\u0648[\\s{_QUOTES}]*")


_LATIN_CODE = re.compile(r"[a-z]{1,3}-?\d{1,3}")


def _read(m: Match[GazEntry], norm: Normalized, text: str, stops: dict[str, str], lo: int,
          shared_type: str | None = None) -> Toponym | None:
    k = m.key
    letters = len(k.replace(" ", ""))
    code = _LATIN_CODE.fullmatch(k) is not None  # "T4", "K1": site codes written in Latin
    if (letters <= MIN_LETTERS and not code) or k.isdigit() or k in _PLACE_WORDS:
        return None
    ns = m.norm_start - len(m.prefix)  # start of the word, clitics included
    before = _WORD.findall(text[max(lo, ns - CONTEXT_WINDOW):ns])
    context = type_word = site_kind = None
    plural_type = False
    site_norm: tuple[int, int] | None = None
    preposition = bool(m.prefix) and m.prefix[-1] in "بل"
    phrase_norm_start = m.norm_start
    # Walk back over the words before the name: place words, facility words, prepositions.
    pos = ns
    i = len(before) - 1
    words_read = 0
    guard_words: list[str] = []
    while i >= 0 and words_read < MAX_CONTEXT_WORDS:
        w = before[i]
        wstart = text.rfind(w, 0, pos)
        if (w in _OPENERS or w == "ال") and words_read == 0 and not guard_words:
            pos = wstart  # an opening bracket or quote, or a detached article ("مطار الـ T4")
            i -= 1
            continue
        if not w[0].isalpha():
            break
        words_read += 1
        if (f := _bare(w, FACILITY_WORDS)) is not None and site_kind is None and context is None:
            site_kind = FACILITY_WORDS[f]
            site_norm = (wstart, wstart + len(w))
            phrase_norm_start = wstart + (len(w) - len(f))
        elif (t := _bare(w, TYPE_WORDS)) is not None and type_word is None and site_kind is None:
            if context is None:  # "ريف مدينة حمص": the type word is the name's; "قرى بريف حمص": it is not
                type_word = TYPE_WORDS[t]
                plural_type = t in PLURAL_TYPE_WORDS
                phrase_norm_start = wstart + (len(w) - len(t))
        elif (a := _bare(w, AREA_WORDS)) is not None and context is None:
            context = AREA_WORDS[a]
            phrase_norm_start = wstart + (len(w) - len(a))
        elif w in PREPOSITIONS or _bare(w, PREPOSITIONS) is not None:
            preposition = True
            break
        elif words_read == 1 and (w in PLACE_VERBS or (w[0] in "وف" and w[1:] in PLACE_VERBS)):
            preposition = True  # "قصفت حلب", "واقتحمت جنين": the verb's object is the place
            break
        else:
            if words_read <= 2 and not (site_kind or type_word or context):
                guard_words.append(w)
            break
        pos = wstart
        i -= 1
    if type_word is None and site_kind is None and context is None and shared_type is not None:
        type_word = shared_type
    # The television channel: "قناة الجزيرة", "للجزيرة", "الجزيرة نت".
    if k in _MEDIA_NAMES and not (type_word or context or site_kind):
        prev = before[-1] if before else ""
        if (prev in MEDIA_WORDS or m.prefix in ("ل", "لل", "ول", "ولل")
                or _MEDIA_AFTER.match(text, m.norm_end + len(m.suffix))):
            return None
    # Person-name guard: "أبو حلب", "عبد الرحمن حلب", "محمد حمص" are people, not places. A name that
    # starts with its own facility word ("روسيا أم قاعدة حميميم": أم is "or" there) is no person's.
    if not (site_kind or type_word or context or _facility_from_alias(k)[0]):
        prev = before[-1] if before else ""
        prev2 = before[-2] if len(before) >= 2 else ""
        if prev in PERSON_MARKERS or prev in FIRST_NAMES or prev2 in ("عبد", "ابو", "ابن", "بن", "ام"):
            return None
        if m.prefix == "" and prev.startswith("ال") and prev2 in ("عبد",):
            return None
    strong = bool(site_kind or type_word or context)
    tier = stops.get(k)
    if tier == "stop" and not (type_word or context):
        return None  # a facility word is not enough: "مستودعات جديدة" is "new depots
    if (tier == "weak" or letters <= SHORT_LETTERS) and not (strong or preposition):
        return None
    if tier == "weak" and not strong and _ADJECTIVE_AFTER.match(text, m.norm_end + len(m.suffix)):
        return None  # "إلى الباب الخلفي": a noun with its adjective, not the town
    if " " not in k and not (strong or preposition) and _only_foreign_villages(m.payloads):
        return None
    # After the name: a direction adjective (ريف حمص الشرقي) or a facility adjective (مطار حماة العسكري).
    phrase_norm_end = m.norm_end + len(m.suffix)
    after = _AFTER.match(text, phrase_norm_end)
    if after and (context or site_kind or "شرق" in after.group() or "غرب" in after.group()
                  or "شمال" in after.group() or "جنوب" in after.group()):
        if site_kind or context:
            phrase_norm_end = after.end()
    # A curated site whose alias starts with a facility word ("مطار حميميم"): the name is what follows.
    start, end = m.start, m.end
    alias_site, rest = _facility_from_alias(k)
    if alias_site and site_kind is None:
        site_kind = alias_site
        first_len = len(k) - len(rest)
        site_norm = (m.norm_start, m.norm_start + first_len - 1)
        start, _ = norm.span(m.norm_start + first_len, m.norm_end)
        phrase_norm_start = m.norm_start
    p_start, p_end = norm.span(phrase_norm_start, phrase_norm_end)
    p_start = min(p_start, start)
    site_text = norm.original[slice(*norm.span(*site_norm))] if site_norm else None
    return Toponym(start, end, norm.original[start:end], k, m.payloads, p_start, max(p_end, end),
                   context, type_word, site_kind, site_text, preposition, plural_type or shared_type is not None)


def _only_foreign_villages(entries: tuple[GazEntry, ...]) -> bool:
    return all(e.source == "geonames" and e.kind == "village" and e.country not in HOME_COUNTRIES
               and e.population < FOREIGN_VILLAGE_MAX_POP for e in entries)
