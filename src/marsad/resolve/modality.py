"""Whether an event is asserted, reported, claimed, denied, planned or an assessment, and when a trigger is negated."""

from __future__ import annotations

import logging
import re

from marsad.document import Attribution
from marsad.text.numbers import Folded, fold_text

logger = logging.getLogger(__name__)

Modality = str  # "asserted" | "reported" | "claimed" | "denied" | "planned" | "assessment"

# Tuned on hand-written Arabic news sentences: a negator governs a trigger at most four
# words away ("ولم تقم القوات الروسية بالانسحاب": verb, two-word subject, then the trigger); a denial reaches the event it denies from
# anywhere earlier in the sentence ("نفت وزارة الدفاع ... انسحاب قواتها"), or from the head
# of the next sentence ("ونفت الوزارة ذلك").
NEGATION_WORDS = 4
NEXT_SENTENCE_DENIAL = 80  # characters of the next sentence searched for "ونفى X ذلك"
SENTENCE_LOOKBACK = 600  # characters searched back for the sentence start

_W = r"(?<!\w)"
_E = r"(?!\w)"

# Denial: a denying verb before the trigger, or a "no truth in it" phrase anywhere in the sentence.
_DENY_VERBS = ("نفي", "نفت", "نفوا", "ينفي", "تنفي", "ينفون", "كذب", "كذبت", "انكر", "انكرت", "ينكر",
               "تنكر", "دحض", "دحضت", "فند", "فندت", "نفيه", "نفيها")
_DENY_VERB_RE = re.compile(_W + r"[وف]?(?:" + "|".join(_DENY_VERBS) + r")" + _E)
_DENY_PHRASE_RE = re.compile(
    _W + r"(?:عار(?:يه)?\s+(?:عن|من)\s+الصحه|لا\s+صحه|لا\s+اساس\s+(?:له|لها)?\s*من\s+الصحه|غير\s+صحيح(?:ه)?|"
    r"(?:اخبار|انباء|ادعاءات|مزاعم)\s+(?:كاذبه|ملفقه|مفبركه)|مفبركه|شائعات|اشاعات)" + _E
)
_NEXT_DENIAL_RE = re.compile(
    r"\s*[وف]?(?:" + "|".join(_DENY_VERBS) + r")\s+(?:\S+\s+){0,5}?(?:ذلك|هذه|تلك|صحه|الخبر|الانباء|الاخبار|المعلومات|التقارير)" + _E
)
# Any reporting verb: the last one before the trigger is the one that governs it.
_SPEECH_RE = re.compile(
    _W + r"[وف]?(?:قال|قالت|قالوا|افاد|افادت|ذكر|ذكرت|اكد|اكدت|اكدوا|اوضح|اوضحت|اضاف|اضافت|اعلن|اعلنت|"
    r"كشف|كشفت|صرح|صرحت|يؤكد|تؤكد|يقول|تقول|اعترف|اعترفت|زعم|زعمت|ادعي|ادعت|اشار|اشارت|"
    r"" + "|".join(_DENY_VERBS) + r"|اعتبر|اعتبرت|اعتبروا|يري|تري|يرون|راي|رات|رجح|رجحت|يرجح|ترجح|يعتقد|تعتقد|"
    r"يعتقدون|توقع|توقعت|يتوقع|تتوقع)" + _E
)
_ASSESS_VERBS = frozenset({"اعتبر", "اعتبرت", "اعتبروا", "يري", "تري", "يرون", "راي", "رات", "رجح", "رجحت", "يرجح",
                           "ترجح", "يعتقد", "تعتقد", "يعتقدون"})

# Planned, intended, future, purpose, conditional, terms of an agreement.
_PLAN_RE = re.compile(
    _W + r"(?:[وف]?(?:يعتزم|تعتزم|يعتزمون|اعتزام|عزم|عزمها|عزمه|تنوي|ينوي|نيه|نيتها|نيته|تخطط|يخطط|يخططون|خطه|خطط|"
    r"مخطط|مخططات|مخططا|يسعي|تسعي|سعيا|مسعي|تستعد|يستعد|استعداد|استعدادا|استعدادات|تمهيدا|تجهز|يجهز|تحضر|"
    r"يحضر|تحضيرا|سوف|ستقوم|سيقوم|سيتم|ستتم|سيجري|ستجري|ستبدا|سيبدا|ستعمل|سيعمل|سيصار|بهدف|بغيه|"
    r"لاجل|لكي|كي|مقابل|يقضي|تقضي|يقضيان|ينص|تنص|نص|نصت|تهدف|يهدف|الهادف|الهادفه|تعهد|تعهدت|يتعهد|"
    r"تتعهد|وعد|وعدت|طالب|طالبت|يطالب|تطالب|دعا|دعت|يدعو|تدعو|قرر|قررت|تقرر|قرار|المزمع|المرتقب|"
    r"المرتقبه|مرتقب|مرتقبه|اذا|لو|بشرط|شريطه|حال|"
    # a threat names an act not (yet) done: "هددت جماعة الحوثي بقصف السفن"
    r"هدد|هددت|هددوا|يهدد|تهدد|يهددون|تهديد|تهديدات|توعد|توعدت|توعدوا|يتوعد|تتوعد|لوح|لوحت|يلوح|تلوح)|[وف]?(?:من\s+اجل|من\s+المقرر|من\s+المنتظر|من\s+المتوقع|"
    r"من\s+المفترض|من\s+المزمع|في\s+حال|علي\s+وشك|بصدد))" + _E
)
# س + imperfect on the trigger's own word: ستنسحب، سيرسل، وستقيم (not سيطرت، سيرت، سيارة).
_FUTURE_VERB_RE = re.compile(r"[وف]?س[يتن](?!طر|ار|ر\w?(?!\w))\w{3,}")
_NOT_PLAN_RE = re.compile(_W + r"(?:في|بال)\s*المقابل" + _E)  # "في المقابل": on the other hand
_FUTURE_AFTER_RE = re.compile(
    _W + r"(?:(?:الايام|الاسابيع|الاشهر|الشهور|الساعات|الفتره|المرحله|السنوات)\s+(?:القادمه|المقبله)|"
    r"(?:الاسبوع|الشهر|العام|الصيف|الربيع|الخريف|الشتاء)\s+(?:القادم|المقبل)|قريبا|غدا)" + _E
)
# ل + verbal noun of purpose counts only after a verb of sending or preparing: "أرسلت تعزيزات
# لدعم..." is planned, "تعرضت لهجوم" and "توصل لصفقة" are not.
_PURPOSE_GOVERNOR_RE = re.compile(
    _W + r"[وف]?(?:ارسل|ارسلت|يرسل|ترسل|ارسال|دفع|دفعت|يدفع|تدفع|استقدم|استقدمت|حشد|حشدت|يحشد|تحشد|"
    r"تجهز|يجهز|تستعد|يستعد|تسعي|يسعي|تعمل|يعمل|نقل|نقلت|وصل|وصلت|وصول|توجه|توجهت|تتجه|يتجه)" + _E
)

# Assessment: probability and analysis.
_ASSESS_RE = re.compile(
    _W + r"[وف]?(?:من\s+المرجح|من\s+المحتمل|يرجح|ترجح|يبدو|علي\s+ما\s+يبدو|ربما|لعل|يحتمل|"
    r"محللون|مراقبون|خبراء|بحسب\s+محللين|وفق\s+محللين)" + _E
)
_MAY_RE = re.compile(_W + r"[وف]?قد\s+(?=[يتن]\w)")  # قد + present: "may"; قد + past is perfective

# Opinion: a copula of evaluation, so the trigger is a predicate ("يعتبر انسحاباً").
_OPINION_RE = re.compile(
    _W + r"(?:[وف]?(?:يعتبر|تعتبر|يعد|تعد|يشكل|يمثل|تمثل|يعني|تعني|يعكس|تعكس|يدل|تدل|يؤشر|تؤشر)|"
    r"بمثابه|بحد\s+ذاته|بحد\s+ذاتها|ما\s+يعني|مما\s+يعني)" + _E
)

# Negation of the trigger.
_NEGATORS = frozenset({"لم", "لن", "لا", "ما", "ليس", "ليست", "غير", "عدم", "دون", "بدون", "رفض", "رفضت",
                       "يرفض", "ترفض", "رفضها", "رفضه", "فلم", "ولم", "ولن", "ولا", "وليس", "وعدم", "ودون"})
_NOT_NEGATING = re.compile(
    _W + r"(?:[وف]?(?:لا|ما|لم)\s+(?:يزال|تزال|يزالون|زال|زالت|زالوا|يزل|تزل|انفك|انفكت|يقتصر|تقتصر|يكتف|تكتف|"
    r"يقل|تقل|سيما)|ليس\s+فقط|ما\s+(?:يقارب|يقرب|يزيد|بين|اذا))" + _E
)
_BREAKERS = frozenset({"بل", "لكن", "ولكن", "الا", "سوي", "ان", "انه", "انها", "بعد", "قبل", "حتي", "و"})
_WORD_RE = re.compile(r"\w+")

# Claim: the speaker is the actor. First person in a quote, responsibility taken, or an
# announcement of one's own act ("أعلن الجيش سيطرته": the verbal noun carries the speaker's pronoun).
_FIRST_PERSON_RE = re.compile(
    _W + r"(?:نعلن|اعلنا|تمكنا|قمنا|نفذنا|استهدفنا|دمرنا|حررنا|سيطرنا|(?:قوات|وحدات|سيطرت|مقاتلي|عناصر|جنود|طائرات|"
    r"مدفعيت|قواعد)نا)" + _E
)
_CLAIM_RE = re.compile(_W + r"[وف]?(?:تبني|تبنت|تبنوا|يتبني|تتبني|اعلن\s+مسؤوليته|اعلنت\s+مسؤوليتها)" + _E)
_ANNOUNCE_RE = re.compile(_W + r"[وف]?(?:اعلن|اعلنت|اكد|اكدت|اعلنوا)" + _E)


_SENTENCE_END_CHARS = ".!?؟\n"
_SENTENCE_END_RE = re.compile(r"[.!?؟\n]")


def _sentence_bounds(ft: str, pos: int) -> tuple[int, int]:
    lo = max(0, pos - SENTENCE_LOOKBACK)
    last_end = max(ft.rfind(c, lo, pos) for c in _SENTENCE_END_CHARS)
    start = last_end + 1 if last_end != -1 else lo
    m2 = _SENTENCE_END_RE.search(ft, pos, pos + SENTENCE_LOOKBACK)
    end = m2.start() if m2 else min(len(ft), pos + SENTENCE_LOOKBACK)
    return start, end


def _word_before(ft: str, pos: int) -> str:
    """The clitics written on the trigger's own word, before `pos` ("س" of "ستنسحب")."""
    k = pos
    while k > 0 and ft[k - 1].isalpha():
        k -= 1
    return ft[k:pos]


def is_negated(text: str, trigger_start: int, clause_start: int) -> bool:
    """Whether لم / لن / لا / ما / ليس / غير / عدم / دون / رفض governs the trigger at `trigger_start`.

    The negator must stand within three words before the trigger, in its clause, with no
    بل / لكن / إلا / أن between ("لم يقتصر ... بل امتد" and "لا يزال" are not negations).
    Used to drop events: a negated event did not happen (unlike a denied one).
    """
    f = fold_text(text)
    return _is_negated(f, f.fold_pos(trigger_start), f.fold_pos(clause_start))


def _is_negated(f: Folded, t: int, c: int) -> bool:
    ft = f.text
    window = ft[max(c, t - 60) : t]
    words = _WORD_RE.findall(window)
    prefix = _word_before(ft, t)
    if prefix:
        words = words[:-1]  # the trigger's own clitics
    tail = words[-NEGATION_WORDS:]
    for k in range(len(tail) - 1, -1, -1):
        w = tail[k]
        if w in _BREAKERS:
            return False
        if w in _NEGATORS:
            neg_pos = ft.rfind(w, max(c, t - 60), t)
            return not _NOT_NEGATING.match(ft, neg_pos if neg_pos >= 0 else t)
    return False


def is_opinion(text: str, clause_start: int, clause_end: int) -> bool:
    """Whether the clause is analysis rather than report: "يعتبر انسحاباً من العمق", "بمثابة".

    A copula of evaluation (يعتبر، يعد، يشكل، يمثل، يعني، بمثابة، بحد ذاته) makes the event
    noun a predicate about something else; such a clause yields no event.
    """
    f = fold_text(text)
    return bool(_OPINION_RE.search(f.text, f.fold_pos(clause_start), f.fold_pos(clause_end)))


def modality(text: str, clause_start: int, clause_end: int, trigger_start: int, attribution: Attribution,
             actor_id: str | None = None, source_actor_id: str | None = None, *,
             speaker_is_actor: bool = False) -> Modality:
    """The modality of the event whose trigger starts at `trigger_start` in the given clause.

    In order: denied (نفى، نفت، كذّب before it in the sentence, or عارية عن الصحة / لا صحة
    anywhere in it, or "ونفت X ذلك" opening the next sentence); planned (يعتزم، تخطط، سوف،
    س+verb، بهدف، من أجل، مقابل، يقضي بـ، ينص على، من المقرر، خطة، قرر، في حال... before the
    trigger in its clause; a future time after it; ل+verbal noun after a verb of sending);
    claimed (the speaker is the actor: `source_actor_id == actor_id`, `speaker_is_actor`,
    first person in a quoted statement, تبنّى, or "أعلن الجيش سيطرته"); assessment (the
    governing verb is اعتبر / يرى / رجّح / يعتقد, or من المرجح، ربما، يبدو، قد + present);
    reported (a source is cited: `attribution.source_kind` is not "unknown" or
    `attribution.text` is set); otherwise asserted.
    """
    f = fold_text(text)
    ft = f.text
    c0, c1, t = f.fold_pos(clause_start), f.fold_pos(clause_end), f.fold_pos(trigger_start)
    c0 = min(c0, t)
    s0, s1 = _sentence_bounds(ft, t)
    s0 = min(s0, c0)
    speech = list(_SPEECH_RE.finditer(ft, s0, t))
    governing = speech[-1].group().lstrip("وف") if speech else None
    if governing and governing.startswith("ف") and governing not in ("فند", "فندت"):
        governing = governing[1:]

    # Denied.
    if governing and _DENY_VERB_RE.fullmatch(governing):
        return "denied"
    if _DENY_PHRASE_RE.search(ft, s0, s1):
        return "denied"
    if _NEXT_DENIAL_RE.match(ft, s1 + 1, min(len(ft), s1 + 1 + NEXT_SENTENCE_DENIAL)):
        return "denied"

    # Planned.
    prefix = _word_before(ft, t)
    if prefix in ("س", "وس", "فس") or _FUTURE_VERB_RE.match(ft, t - len(prefix)):
        return "planned"
    for m in _PLAN_RE.finditer(ft, c0, t):
        if not _NOT_PLAN_RE.search(ft, max(0, m.start() - 4), m.end()):
            return "planned"
    if _FUTURE_AFTER_RE.search(ft, t, c1):
        return "planned"
    if prefix.endswith("ل") and prefix in ("ل", "لل", "ول", "فل") and _PURPOSE_GOVERNOR_RE.search(ft, c0, t):
        return "planned"

    # Claimed.
    if speaker_is_actor or (actor_id is not None and actor_id == source_actor_id):
        return "claimed"
    if _CLAIM_RE.search(ft, s0, t):
        return "claimed"
    cited = attribution.source_kind != "unknown" or attribution.text is not None
    if cited and _FIRST_PERSON_RE.search(ft, c0, c1):
        return "claimed"
    ann = None
    for ann in _ANNOUNCE_RE.finditer(ft, s0, t):
        pass
    if ann is not None and _own_act(f, ann.end(), t):
        return "claimed"

    # Assessment.
    if governing in _ASSESS_VERBS:
        return "assessment"
    if _ASSESS_RE.search(ft, s0, t) or _MAY_RE.search(ft, c0, t + 1):
        return "assessment"

    if cited:
        return "reported"
    return "asserted"


def _own_act(f: Folded, after_verb: int, t: int) -> bool:
    """"أعلنت القوات مساء أمس سيطرتها": the trigger word ends in the speaker's pronoun."""
    if t - after_verb > 80:
        return False
    original = f.original
    o = f.orig(t)
    k = o
    while k < len(original) and (original[k].isalpha() or "\u064b" <= original[k] <= "\u0652"):
        k += 1
    word = re.sub("[\u064b-\u0652\u0640]", "", original[o:k])
    return bool(re.search(r"(?:ه|ها|هم)$", word)) and not word.endswith("ة") and len(word) > 4
