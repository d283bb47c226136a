"""Event assembly: triggers in clauses become event frames with actor, recipient, place and evidence."""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from marsad.document import Document, Evidence, Mention, Sentence
from marsad.extraction.frames import (
    AGENT,
    FORCE_NOUNS,
    HANDOVER_PREPS,
    RECIPIENT_PREPS,
    ActorSpan,
    coordinated_runs,
    is_comparison_or_origin,
)
from marsad.lexicon.matcher import Match
from marsad.lexicon.triggers import TriggerForm
from marsad.text.normalize import key
from marsad.text.spans import SpanIndex

log = logging.getLogger(__name__)

# Masdar + genitive: for these types the genitive is the doer ("انسحاب القوات"); for the
# others it is the one done to ("تدريب عناصر", "اعتقال شبان", "استهداف مقر").
SUBJECT_GENITIVE_TYPES = frozenset({"WITHDRAW", "DEPLOY", "CLASH", "EXPLOSION", "PROTEST",
                                    "CAPTURE", "AGREEMENT", "HANDOVER"})
# Types whose bare direct object is the target (recipient); for an arms transfer the bare
# object is who receives ("زوّدت تركيا سوريا بأسلحة", "باعت روسيا إيران صواريخ").
TARGET_TYPES = frozenset({"ATTACK", "AIRSTRIKE", "SHELLING", "CLASH", "ARREST", "ABDUCTION",
                          "TRAIN", "CAPTURE", "ARMS_TRANSFER"})
# Types that need no actor to be worth reporting (an explosion, a protest by "residents").
ACTORLESS_OK = frozenset({"EXPLOSION", "PROTEST", "AIRSTRIKE", "SHELLING", "ATTACK", "ARREST",
                          "ABDUCTION", "CLASH"})

NEEDS_WINDOW = 8  # words after (or before) a trigger searched for its licensing object words
VSO_NEAR = 32  # characters: an actor this close after a verb is its subject (VSO)
SUBJECT_REACH = 90  # characters: the farthest a subject is looked for before the trigger
# Confidence factors, set by hand from the dev articles' error analysis.
CONF_CARRIED_ACTOR = 0.85
CONF_NO_ACTOR = 0.6
CONF_FALLBACK_PLACE = 0.85
CONF_INHERITED_RECIPIENT = 0.95


@dataclass(slots=True)
class Frame:
    """An event before it is written in contract form."""

    type: str
    trigger: Match[TriggerForm]
    form: TriggerForm
    sentence: int
    clause: tuple[int, int]
    actor: ActorSpan | None = None
    assoc: list[ActorSpan] = field(default_factory=list)
    recipient: ActorSpan | None = None
    place: Mention | None = None
    confidence: float = 0.5
    actor_carried: bool = False
    recipient_inherited: bool = False


# Instruments that decide the kind of an attack named by a general verb (استهدف، هاجم، قصف).
AIR_WORDS = frozenset(key(w) for w in (
    "الطيران", "طيران", "طائرة", "طائرات", "الطائرات", "مسيرة", "مسيرات", "المسيرة", "المسيرات",
    "الحربي", "الحربية", "حربية", "حربي", "المروحي", "مروحية", "مروحيات", "جوي", "جوية", "الجوي",
    "الجوية", "غارة", "غارات", "درون", "بطائرة", "بطائرات", "بمسيرة", "بمسيرات", "المقاتلات",
    # instruments with the article and a clitic: "قصف بالطائرات", "استهداف ... بالطيران المسير"
    "بالطيران", "بالطائرات", "بالطائرة", "بالمسيرات", "بالمسيرة", "بطيران", "المسير", "مسير",
    "الحربيه", "المروحيات", "بالمروحيات", "مقاتلات", "بمقاتلات"))
FIRE_WORDS = frozenset(key(w) for w in (
    "قذائف", "قذيفة", "بقذائف", "بقذيفة", "صواريخ", "صاروخ", "بصواريخ", "بصاروخ", "مدفعية",
    "المدفعية", "بالمدفعية", "هاون", "الهاون", "راجمات", "براجمات", "الصواريخ", "مدفعي"))
IED_WORDS = frozenset(key(w) for w in (
    "عبوة", "بعبوة", "عبوات", "لغم", "بلغم", "ألغام", "مفخخة", "ناسفة", "متفجرة", "انتحاري"))
# General attack words: a specific strike in the same clause spells them out ("بغارة إسرائيلية
# استهدفت سيارته"), and against an armed side they are fighting, not an attack on civilians.
GENERAL_ATTACK_WORDS = frozenset(key(w) for w in ("استهدف", "استهداف", "هاجم", "هوجم", "هجوم", "هجمات", "اعتداء",
                                                  "دمر", "تدمير"))
# "زوارق حربية", "بوارج حربية": warships; حربية there is no aircraft.
NAVAL_WORDS = frozenset(key(w) for w in ("زوارق", "زورق", "الزوارق", "بوارج", "بارجة", "البوارج", "سفن", "سفينة",
                                         "قطع", "البحرية", "بحرية", "الزورق"))
_WAR_ADJECTIVES = frozenset(key(w) for w in ("حربي", "حربية", "الحربي", "الحربية", "حربيه", "الحربيه"))
ARMED_KINDS = frozenset({"state_military", "state_security", "militia", "rebel_group", "jihadist_group",
                         "mercenary", "coalition"})

# Verbs that carry a nominal event and introduce its doer: "هجوم شنّته القوات", "غارة نفذها".
SUPPORT_VERBS = frozenset(key(w) for w in (
    "شن", "شنت", "شنه", "شنته", "شنها", "شنتها", "شنوا", "نفذ", "نفذت", "نفذه", "نفذته", "نفذها",
    "نفذتها", "نفذوا", "قام", "قامت", "قاموا", "أطلق", "أطلقت", "أطلقه", "أطلقته", "أطلقها", "تبنى",
    "تبنت", "تبناه", "تبنته", "تبناها", "ارتكب", "ارتكبت", "ارتكبه", "ارتكبته", "ارتكبها"))
# The same verbs with a resumptive object pronoun open a relative clause after the event noun
# that names its doer further on: "قذائف هاون ... أطلقتها جماعة الحوثي", "غارة ... شنتها".
RESUMPTIVE_SUPPORT = frozenset(key(w) for w in (
    "شنه", "شنها", "شنته", "شنتها", "شنوه", "شنوها", "نفذه", "نفذها", "نفذته", "نفذتها", "نفذوه",
    "نفذوها", "أطلقه", "أطلقها", "أطلقته", "أطلقتها", "أطلقوه", "أطلقوها", "تبناه", "تبناها",
    "تبنته", "تبنتها", "تبنوه", "ارتكبه", "ارتكبها", "ارتكبته", "ارتكبتها", "ارتكبوها", "زرعه",
    "زرعها", "زرعته", "زرعتها", "زرعوها", "فجره", "فجرها", "فجرته", "فجرتها"))
RESUMPTIVE_REACH = 90  # characters after the event noun searched for the resumptive support verb
# Event nouns whose bare genitive (or لـ phrase) is their doer, not their target: "غارات
# التحالف", "برصاص قوات الاحتلال", "هجوم لقوات الدعم السريع", "قذائف النظام". Masdars of
# transitive verbs (قصف، استهداف، اعتقال) keep their genitive as the one done to.
DOER_NOUNS = frozenset(key(w) for w in (
    "غارة", "غارات", "ضربة", "ضربات", "رصاص", "الرصاص", "قذائف", "قذيفة", "صواريخ", "صاروخ",
    "رشقة", "رشقات", "هجوم", "هجمات", "هجوما", "مجزرة", "مجازر", "كمين", "قناص", "نيران"))
SUPPORT_REACH = 40  # characters after the support verb searched for the doer
CARRY_SENTENCES = 1  # an elided subject is carried at most this many sentences forward
INSTRUMENT_REACH = 6  # words around the trigger searched for the instrument


# Words that end a verb's reach for its subject: a subject never stands behind them.
_GAP_BLOCKERS = frozenset(key(w) for w in (
    "من", "في", "إلى", "على", "عن", "بعد", "قبل", "مع", "ضد", "عبر", "منذ", "حتى", "خلال", "بين",
    "ل", "ب", "و", "أن", "إن", "الذي", "التي", "الذين", "رفض", "دون", "لصالح", "نحو", "باتجاه"))


def _clear_gap(text: str, start: int, end: int, max_words: int) -> bool:
    """True when at most `max_words` words, none of them a preposition or connective, lie
    between `start` and `end` ("قد", "أمس", "اليوم" may; "من المطار بعد" may not)."""
    if end < start:
        return False
    words = key(text[start:end]).split()
    return len(words) <= max_words and not any(w in _GAP_BLOCKERS for w in words)


# Words that open what a protest demands or denounces: an actor named after them is its target.
PROTEST_DEMAND_WORDS = frozenset(key(w) for w in (
    "للمطالبة", "مطالبة", "مطالبين", "مطالبين", "يطالبون", "طالبوا", "تطالب", "للتنديد", "تنديدا", "تنديداً",
    "منددين", "احتجاجا", "احتجاجاً", "رفضا", "رفضاً", "رافضين", "ضد", "بإسقاط", "لإسقاط", "بإسقاط",
    "برحيل", "تضامنا", "تضامناً", "دعما", "دعماً", "تأييدا", "تأييداً", "على"))


# "شملت/ضمّت/تضمنت": what a force told before was made of.
_COMPOSED_OF = re.compile(r"(?<!\w)[وف]?(?:شملت|شمل|تشمل|يشمل|ضمت|ضم|تضم|يضم|تضمنت|تضمن|تتضمن|يتضمن)(?!\w)")
COMPOSITION_TYPES = frozenset({"DEPLOY", "WITHDRAW"})


def _composition_frames(text: str, si: int, clause: tuple[int, int], t: Match[TriggerForm], form: TriggerForm,
                        actors: SpanIndex[ActorSpan]) -> list[Frame]:
    if form.group.event_type not in COMPOSITION_TYPES:
        return []
    m = _COMPOSED_OF.search(text, t.end, clause[1])
    if m is None or form.pos != "noun":
        return []
    members = [a for a in actors.starting(m.end(), clause[1]) if a.kind in ARMED_KINDS]
    seen: set[str] = set()
    out: list[Frame] = []
    for a in members:
        if a.actor_id in seen:
            continue
        seen.add(a.actor_id)
        out.append(Frame(type=form.group.event_type, trigger=t, form=form, sentence=si, clause=clause,
                         actor=a, confidence=form.group.strength * CONF_CARRIED_ACTOR))
    return out


MOVEMENT_TYPES = frozenset({"WITHDRAW", "HANDOVER", "DEPLOY", "ESTABLISH_BASE"})
OWNER_REACH = 80  # characters after a force noun searched for the side it belongs to


def _force_owner_after(text: str, t_end: int, after: Sequence[ActorSpan], seg_end: int) -> ActorSpan | None:
    """"انسحاب مجموعات مقاتلة ضمن ميليشيا X", "انتشار عناصر من حزب الله": a verbal noun whose
    genitive is a force noun moves the side that force belongs to."""
    first = key(text[t_end:t_end + 30]).split()[:1]
    if not first or not (_strip_clitics(first[0]) & FORCE_NOUNS):
        return None
    for a in after:
        if a.start >= min(seg_end, t_end + OWNER_REACH):
            break
        if a.prep in (None, "من", "ضمن", "ل"):
            return a
    return None


def _in_protest_purpose(text: str, t: Match[TriggerForm], sent_triggers: Sequence[Match[TriggerForm]]) -> bool:
    """`t` stands in what an earlier protest of its sentence demands or denounces."""
    for p in sent_triggers:
        if p.end <= t.start and any(f.group.event_type == "PROTEST" for f in p.payloads):
            if any(w in PROTEST_DEMAND_WORDS and w != "علي" for w in key(text[p.end:t.start]).split()):
                return True
    return False


def _in_protest_demand(text: str, t: Match[TriggerForm], actor: ActorSpan) -> bool:
    """The actor comes after the protest word, behind a word that opens its demand."""
    if actor.start < t.end:
        return False
    return any(w in PROTEST_DEMAND_WORDS for w in key(text[t.end:actor.start]).split())


def _object_of(text: str, t: Match[TriggerForm], actor: ActorSpan, a: ActorSpan) -> bool:
    """`a` stands right after the verb, or right after its subject: its direct object."""
    anchor = actor.end if t.end <= actor.start < a.start else t.end
    return _clear_gap(text, anchor, a.start, 0)


def refine_attack(text: str, t: Match[TriggerForm], etype: str, clause: tuple[int, int],
                  reach: int | None = INSTRUMENT_REACH) -> str:
    """AIRSTRIKE / SHELLING / EXPLOSION for a general attack verb, from its instrument within
    `reach` words after it (None: anywhere in `clause` after it)."""
    if etype not in ("ATTACK", "SHELLING"):
        return etype
    after = key(text[t.start:clause[1] if reach is None else min(clause[1], t.end + 120)]).split()
    words = (key(text[max(clause[0], t.start - 60):t.start]).split()[-3:]
             + (after if reach is None else after[:reach + 1]))
    found = set(words) | {_instrument_stem(w) for w in words}
    found |= {w[1:] for w in found if w[:1] in ("ب", "و") and len(w) > 4}  # "بالصواريخ" -> "الصواريخ"
    if found & NAVAL_WORDS or {w[1:] for w in found} & NAVAL_WORDS:
        found -= _WAR_ADJECTIVES  # "بنيران زوارق حربية": naval fire
    if found & AIR_WORDS and not (found & AIR_WORDS <= _DRONE_OR_MARCH and _march_context(words)):
        return "AIRSTRIKE"
    if etype == "ATTACK" and found & FIRE_WORDS:
        return "SHELLING"
    if etype == "ATTACK" and found & IED_WORDS:
        return "EXPLOSION"
    return etype


# "مسيرة" is a drone or a march; after "في"/"خلال" or the marchers it is the march
# ("المشاركين في مسيرة كفر قدوم"), and tear gas is no strike.
_DRONE_OR_MARCH = frozenset(key(w) for w in ("مسيرة", "مسيرات", "المسيرة", "المسيرات", "مسير", "المسير"))
_MARCH_BEFORE = frozenset(key(w) for w in ("في", "خلال", "المشاركين", "المشاركون", "تفريق", "لتفريق", "قمع"))


def _march_context(words: Sequence[str]) -> bool:
    return any(w in _DRONE_OR_MARCH and i > 0 and words[i - 1] in _MARCH_BEFORE for i, w in enumerate(words))


def _instrument_stem(word: str) -> str:
    """An instrument word without its duals and pronoun suffixes, for the lists above:
    "بطائرتين" -> "بطائره", "طائراته" -> "طائرات", "صاروخين" -> "صاروخ"."""
    for suffix, repl in (("تين", "ه"), ("تان", "ه"), ("اته", "ات"), ("اتها", "ات"), ("اتهم", "ات"),
                         ("ين", ""), ("ان", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)] + repl
    return word


_GENITIVE_GAP_WORDS = frozenset(key(w) for w in (
    "ل", "لل", "مسلح", "مسلحه", "جوي", "جويه", "جديد", "جديده", "عنيف", "عنيفه", "مدفعي", "مدفعيه",
    "صاروخي", "صاروخيه", "انتحاري", "انتحاريه", "دامي", "داميه", "مماثل", "مماثله"))


def _genitive_gap(gap: str) -> bool:
    """True when only a clitic or adjectives stand between an event noun and the next actor."""
    return all(w in _GENITIVE_GAP_WORDS for w in key(gap).split())


def _resumptive_doer(text: str, start: int, stop: int, after: Sequence[ActorSpan]) -> ActorSpan | None:
    """The doer named after a support verb with a resumptive pronoun: "قذائف ... أطلقتها X"."""
    for w in re.finditer(r"\S+", text[start:stop]):
        word = key(w.group())
        if word not in RESUMPTIVE_SUPPORT and not (word[:1] in ("و", "ف") and word[1:] in RESUMPTIVE_SUPPORT):
            continue
        vend = start + w.end()
        doers = [a for a in after if a.prep is None and a.start >= vend and a.start - vend <= SUPPORT_REACH]
        return doers[0] if doers else None
    return None


_BETWEEN_FILLER = frozenset(key(w) for w in ("من", "عناصر", "مقاتلي", "مقاتلين", "فصائل", "قوات", "مسلحين",
                                              "مجموعات", "مجموعة", "شبان", "عشائر", "ابناء"))


def _after_between(text: str, cs: int, start: int) -> bool:
    """True when the actor at `start` opens the first side after "بين" (a few filler words may
    come between: "بين فصائل من الجيش الوطني")."""
    words = key(text[max(cs, start - 40):start]).split()
    for i in range(len(words) - 1, max(-1, len(words) - 5), -1):
        if words[i] in ("بين", "وبين"):
            return True
        if words[i] not in _BETWEEN_FILLER:
            return False
    return False


def _owner_of_target(text: str, a: ActorSpan, etype: str) -> bool:
    """`a` owns the force that a preposition makes the target: "النار على دورية للشرطة"."""
    if etype not in TARGET_TYPES or a.prep is not None:
        return False
    words = key(text[max(0, a.start - 40):a.start]).split()[-3:]
    return (len(words) == 3 and words[2] in ("ل", "لل") and words[1] in FORCE_NOUNS
            and words[0] in RECIPIENT_PREPS)


SHOOTING_HEADS = frozenset(key(w) for w in ("أطلق", "أطلقت", "أطلقوا", "إطلاق", "فتح", "فتحت", "فتحوا", "بنيران", "نيران"))


def _is_shooting(phrase: str) -> bool:
    """A shooting phrase ("أطلق النار", "إطلاق نار", "فتح النار", "بنيران")."""
    words = key(phrase).split()
    return bool(words) and bool(_strip_clitics(words[0]) & SHOOTING_HEADS)


def is_general_attack(word: str) -> bool:
    """Whether a trigger word is a general attack word, with its clitics, article or tanween
    (of a phrase, its head word: "هجوم مسلح", "اعتداء مسلح")."""
    words = key(word).split()
    stems = _strip_clitics(words[0]) if words else set()
    stems |= {w[2:] for w in stems if w.startswith("ال")} | {w[:-1] for w in stems if w.endswith("ا")}
    return bool(stems & GENERAL_ATTACK_WORDS)


# Pure in one word; the same words come back trigger after trigger.
@functools.lru_cache(maxsize=1 << 14)
def _strip_clitics(word: str) -> frozenset[str]:
    out = {word}
    w = word
    if w[:1] in ("و", "ف") and len(w) > 3:
        w = w[1:]
        out.add(w)
    if w[:1] in ("ب", "ل", "ك") and len(w) > 3:
        out.add(w[1:])
        w2 = w[1:]
        if w2.startswith("ال"):
            out.add(w2[2:])
    if w.startswith("لل") and len(w) > 4:
        out.add(w[2:])
    if w.startswith("ال") and len(w) > 4:
        out.add(w[2:])
    return frozenset(out)


def _window_has(words: Sequence[str], cues: frozenset[str]) -> bool:
    if not cues:
        return True
    forms: set[str] = set()
    for w in words:
        forms |= _strip_clitics(w)
    if forms & cues:
        return True
    joined = " " + " ".join(words) + " "
    return any(" " in c and (" " + c + " ") in joined for c in cues)


# A verbal noun after a demonstrative ("هذا الانسحاب") or as the subject of "came"
# ("جاءت الانسحابات مع ...", "ويأتي هذا الانسحاب في إطار ...") refers back to an event of
# its type that the article has already told; it is not a new one.
ANAPHORIC_BEFORE = frozenset(key(w) for w in (
    "هذا", "هذه", "ذلك", "تلك", "هذان", "هاتان", "هذين", "هاتين", "هؤلاء",
    "جاء", "جاءت", "يأتي", "تأتي", "ويأتي", "وتأتي", "وجاء", "وجاءت", "يجيء", "تجيء"))


def anaphoric(text: str, m: Match[TriggerForm], form: TriggerForm, clause: tuple[int, int]) -> bool:
    """A noun trigger that names an event told before (see ANAPHORIC_BEFORE)."""
    if form.pos != "noun":
        return False
    before = key(text[max(clause[0], m.start - 30):m.start]).split()[-1:]
    if before and before[0] in ANAPHORIC_BEFORE:
        return True
    # "الانسحاب شمل العناصر اللبنانيين": a definite verbal noun that what follows describes
    after = key(text[_word_end(text, m.end):min(clause[1], m.end + 30)]).split()[:1]
    return key(m.text).startswith("ال") and bool(after) and after[0] in DESCRIBING_VERBS


DESCRIBING_VERBS = frozenset(key(w) for w in (
    "شمل", "شملت", "يشمل", "تشمل", "تضمن", "تضمنت", "يتضمن", "تتضمن", "جاء", "جاءت", "يأتي", "تأتي"))


# A convoy or delivery of aid is no deployment of forces ("قافلة إنسانية ... وصلت إلى القامشلي").
HUMANITARIAN_WORDS = frozenset(key(w) for w in (
    "إنسانية", "الإنسانية", "إنساني", "إغاثية", "الإغاثية", "إغاثة", "الإغاثة", "مساعدات", "المساعدات",
    "طبية", "غذائية", "الغذائية", "إنسانيه"))
HUMANITARIAN_REACH = 9  # words either side of a DEPLOY trigger ("قافلة مساعدات تتبع لمنظمة دولية آتية من حمص دخلت")
UNLESS_BEFORE_WORDS = 4  # words before a trigger searched for its group's unless_before
VSO_SUBJECT_WORDS = 2  # words after a verb where its subject's head noun stands
COORDINATED_VERB_REACH = 150  # characters before a clause-opening "و + verb" searched for its subject
BEFORE_CHARS = 80  # characters before a trigger read for its conditions
AFTER_CHARS = 160  # characters after a trigger's word read for its conditions


# A foiled attempt did not happen: "أحبط الجيش محاولة تهريب أسلحة", "إفشال هجوم".
FOILED_WORDS = frozenset(key(w) for w in (
    "إحباط", "احباط", "أحبط", "أحبطت", "أحبطوا", "إفشال", "أفشل", "أفشلت", "تصدى", "تصدت", "منع", "منعت"))
FOILED_REACH = 3  # words before the trigger: "أحبطت القوات محاولة تهريب"


# A repeated or habitual attack is no particular event: "تشهد المنطقة هجمات متكررة".
HABITUAL_WORDS = frozenset(key(w) for w in ("متكررة", "متكرر", "المتكررة", "متكررين", "مرارا", "مراراً"))
# "any" before a verbal noun makes it no particular event: "نفى أي انسحاب", "بأي تفاهمات".
ANY_WORDS = frozenset(key(w) for w in ("أي", "بأي", "لأي", "وأي", "فأي", "أية", "بأية", "لأية"))


def licensed(text: str, m: Match[TriggerForm], form: TriggerForm, clause: tuple[int, int]) -> bool:
    """Check the trigger group's needs / needs_before / unless conditions around the hit."""
    g = form.group
    # The words around the hit, read once: before it (its clitics included) and after its word.
    before = key(text[max(clause[0], m.start - BEFORE_CHARS):m.start]).split()
    end = _word_end(text, m.end)  # past the suffix: "سيطر|ت قوات" looks from "قوات"
    after = key(text[end:min(clause[1], end + AFTER_CHARS)]).split()
    if form.pos == "noun" and set(before[-1:]) & ANY_WORDS:
        return False
    if form.pos == "noun" and set(after[:2]) & HABITUAL_WORDS:
        return False
    if g.event_type not in ("CLASH", "CAPTURE"):  # repelling an attack is itself a clash
        near = before[-FOILED_REACH:]
        if any(_strip_clitics(w) & FOILED_WORDS for w in near) and (
                "محاوله" in near or near[-1:] and _strip_clitics(near[-1]) & FOILED_WORDS):
            return False
    if g.event_type == "DEPLOY":
        around = (before[-HUMANITARIAN_REACH:]
                  + key(text[m.end:min(clause[1], m.end + 80)]).split()[:HUMANITARIAN_REACH])
        if HUMANITARIAN_WORDS.intersection(around):
            return False
    if g.suffix_not and any(m.suffix.startswith(x) for x in g.suffix_not):
        return False
    if g.unless_before:
        # four words: the subject may stand between ("تنفرد الميليشيات الإيرانية بالسيطرة")
        ws = _word_start(text, m.start)  # before the clitics: "تنفرد ... ب|السيطرة"
        words = key(text[max(clause[0], ws - 60):ws]).split()[-UNLESS_BEFORE_WORDS:]
        if _window_has(words, g.unless_before):
            return False
    if not (g.needs or g.needs_before or g.unless):
        return True
    window = after[:g.window or NEEDS_WINDOW]
    if g.unless and _window_has(window[:3], g.unless):
        return False
    if g.needs and not _window_has(window, g.needs):
        return False
    if g.needs_before:
        # the doer named before the verb (SVO) or as its subject right after it (VSO:
        # "غادرت القوات المدينة", "انتقلت القوات الروسية إلى ...")
        doer_words = before[-NEEDS_WINDOW - 1:]
        if form.pos == "verb" and m.prefix.startswith(("و", "ف")) and _word_start(text, m.start) <= clause[0]:
            # "انسحبت القوات ...، وانتقلت إلى": a verb opening its clause with و shares the subject
            doer_words = key(text[max(0, clause[0] - COORDINATED_VERB_REACH):m.start]).split()
        if not _window_has(doer_words, g.needs_before) and not (
                form.pos == "verb" and _window_has(window[:VSO_SUBJECT_WORDS], g.needs_before)):
            return False
    return True


def _word_start(text: str, i: int) -> int:
    """The start of the word that covers offset `i` (its clitics included)."""
    while i > 0 and (text[i - 1].isalnum() or "\u064b" <= text[i - 1] <= "\u0652"):
        i -= 1
    return i


def _word_end(text: str, i: int) -> int:
    """The end of the word that covers offset `i` (letters and diacritics)."""
    n = len(text)
    while i < n and (text[i].isalnum() or "\u064b" <= text[i] <= "\u0652"):
        i += 1
    return i


def _coordinated_actors(first: ActorSpan, actors: Sequence[ActorSpan], text: str, limit: int) -> list[ActorSpan]:
    """Actors joined to `first` by و directly ("القوات الروسية ومرتزقة فاغنر")."""
    out: list[ActorSpan] = []
    last = first
    for a in actors:
        if a.start <= last.start or a.start >= limit:
            continue
        gap = key(text[last.end:a.start])
        if gap in ("", "و", "، و", "،") and a.actor_id != first.actor_id:
            out.append(a)
            last = a
        elif a.start > last.end:
            break
    return out


# "تعرّض X لهجوم/لقصف/لغارة": X is the target; the doer follows (من، من قبل، an adjective).
_UNDERGO = re.compile(r"(?:^|\s)[وف]?(?:ل|و|ف)?(?:تعرض|يتعرض|تتعرض|تعرضت|تعرضوا|تعرضا|تعرضتا|يتعرضون|"
                      r"تعرضه|تعرضها|تعرضهم|وتعرض)(?=\s|$)")
UNDERGO_REACH = 80  # characters between تعرّض and the event noun it governs
# Words that may stand between an attack noun and "من X" naming its doer: "لقصف عنيف من قوات".
_FROM_DOER_GAP = 3


# Words that make an event noun the cause of what the clause tells: "خسائر جراء استهداف ...".
CAUSE_WORDS = frozenset(key(w) for w in ("جراء", "نتيجة", "بسبب", "بفعل", "إثر", "اثر"))
STRIKE_LIKE = frozenset({"ATTACK", "AIRSTRIKE", "SHELLING", "EXPLOSION"})


# "توعدت حماس بالرد على اغتيال قائدها": the side that answers an attack suffered it.
RESPONSE_WORDS = frozenset(key(w) for w in ("الرد", "بالرد", "ردا", "رداً", "للرد", "والرد"))
REVENGE_WORDS = frozenset(key(w) for w in ("انتقاما", "انتقاماً", "ثأرا", "ثأراً", "للانتقام", "بالانتقام"))


def _after_cause_word(text: str, cs: int, t: Match[TriggerForm]) -> bool:
    before = key(text[max(cs, t.start - 30):t.start]).split()[-2:]
    if before and before[-1] in CAUSE_WORDS:
        return True
    if len(before) == 2 and before[0] in RESPONSE_WORDS and before[1] == "علي":
        return True
    return bool(before) and before[-1] in REVENGE_WORDS and t.prefix.endswith("ل")


def _undergoer(text: str, cs: int, t: Match[TriggerForm], in_clause: Sequence[ActorSpan]) -> tuple[bool, ActorSpan | None]:
    """Whether the event noun `t` is the complement of تعرّض ("تعرضت القوات لهجوم"), and the
    side that underwent it: the actor between تعرّض and the noun, or right before تعرّض."""
    if "ل" not in t.prefix:
        return False, None
    lo = max(cs, t.start - UNDERGO_REACH)
    found = None
    for m in _UNDERGO.finditer(text[lo:t.start]):
        found = m
    if found is None:
        return False, None
    vstart, vend = lo + found.start(), lo + found.end()
    between = [a for a in in_clause if vend <= a.start and a.end <= t.start]
    if between:
        return True, between[0]
    before = [a for a in in_clause if a.end <= vstart and a.prep is None and _clear_gap(text, a.end, vstart, 1)]
    return True, (before[-1] if before else None)


def _from_doer(text: str, t: Match[TriggerForm], after: Sequence[ActorSpan], seg_end: int) -> ActorSpan | None:
    """The doer of an attack noun named by "من X" just after it: "لإطلاق نار من جنود الاحتلال",
    "لقصف عنيف من قوات الدعم السريع", "هجوم من داعش"."""
    for a in after:
        if a.start >= seg_end:
            break
        if a.prep != "من":
            continue
        gap = key(text[t.end:a.start]).split()
        return a if gap[-1:] == ["من"] and len(gap) - 1 <= _FROM_DOER_GAP and all(
            w in _GENITIVE_GAP_WORDS or w in MANNER_GAP for w in gap[:-1]) else None
    return None


# Manner adjectives and the noun of "إطلاق نار" that may stand between an attack noun and its doer.
MANNER_GAP = frozenset(key(w) for w in (
    "عنيف", "عنيفة", "مكثف", "مكثفة", "نار", "النار", "كثيف", "كثيفة", "متقطع", "متقطعة", "مباشر", "مباشرة",
    "مسلح", "مسلحة", "صاروخي", "صاروخية", "مدفعي", "مدفعية", "جوي", "جوية", "متواصل", "متواصلة"))
# Words after a masdar's genitive that are no direct object: prepositions, adverbs of time.
_NOT_OBJECT = frozenset(key(w) for w in (
    "امس", "أمس", "اليوم", "مجددا", "مجدداً", "ايضا", "أيضاً", "فجر", "صباح", "مساء", "ليل", "ليلة",
    "الذي", "التي", "الذين", "اللذين", "مرتين", "مرة", "منذ", "خلال", "عند", "قرب", "وسط", "داخل",
    "شمال", "جنوب", "شرق", "غرب", "شمالي", "جنوبي", "شرقي", "غربي", "حيث", "بعد", "قبل", "إثر", "اثر",
    "عقب", "جراء", "بسبب", "لليوم", "للمرة", "لساعات", "لمدة", "هو", "هي", "هم",
    # the predicate of the masdar phrase as a subject: "استهداف القوات الأمريكية أدى إلى ..."
    "أدى", "ادى", "أسفر", "اسفر", "جاء", "تسبب", "خلف", "أوقع", "اوقع", "وقع", "أثار", "اثار", "كان", "بات",
    "أصبح", "اصبح", "قد", "لم", "لن", "ما", "تم", "جرى", "ليس", "يعد", "يأتي", "تأتي", "تزامن", "استمر"))


def _object_follows(text: str, gen: ActorSpan, stop: int) -> bool:
    """A direct object right after a masdar's genitive: the genitive is the doer
    ("استهداف الاحتلال مجموعة من الشبان", "قصف الطيران الروسي لمدينة إدلب")."""
    m = re.match(r"[ \t]+(\S+)", text[gen.end:stop])
    if m is None:
        return False
    w = key(m.group(1))
    if not w or not w[0].isalnum() or w in _NOT_OBJECT or w in _GAP_BLOCKERS:
        return False
    if w[:1] in ("ب", "ك", "و", "ف") and len(w) > 2:
        return False  # بطائرة مسيرة (the instrument), وقوات (a second genitive)
    if w[:1] == "ي" or w[:2] == "سي":
        return False  # an imperfect verb: "استهداف القوات ... يتكرر"
    if w[:1] == "ل" and not w.startswith("لل") and len(w) < 5:
        return False
    return True


# Accusative verbal nouns of purpose: "احتجاجاً على", "تضامناً مع" after a protest already told.
PURPOSE_ADVERBS = frozenset(key(w) for w in (
    "احتجاجا", "احتجاجاً", "واحتجاجا", "تضامنا", "تضامناً", "تنديدا", "تنديداً", "رفضا", "رفضاً",
    "استنكارا", "استنكاراً", "دعما", "دعماً", "تأييدا", "تأييداً"))


def _purpose_adverb(t: Match[TriggerForm], sent_triggers: Sequence[Match[TriggerForm]]) -> bool:
    """A purpose adverb ("احتجاجاً على الحرب") after a protest trigger in the same sentence is the
    protest's reason, not a protest of its own."""
    if key(t.prefix + t.text + t.suffix) not in PURPOSE_ADVERBS and key(t.text) + "ا" not in PURPOSE_ADVERBS:
        return False
    return any(o.start < t.start and any(f.group.event_type == "PROTEST" for f in o.payloads) for o in sent_triggers)


class EventAssembler:
    """Build frames for one document from its trigger, actor and place mentions."""

    def __init__(self, is_negated: Callable[[str, int, int], bool] | None = None,
                 is_opinion: Callable[[str, int, int], bool] | None = None,
                 part_of: Callable[[str, str], bool] | None = None,
                 nationality: Callable[[str, int, str], ActorSpan | None] | None = None) -> None:
        self.is_negated = is_negated or (lambda text, t, c: False)
        self.is_opinion = is_opinion or (lambda text, s, e: False)
        self.part_of = part_of or (lambda a, b: a == b)
        # "غارة إسرائيلية", "قصف تركي": the actor named by an adjective after the event noun.
        self.nationality = nationality or (lambda text, end, etype: None)

    def frames(self, doc: Document, triggers: Sequence[Match[TriggerForm]],
               actors: Sequence[ActorSpan], places: Sequence[Mention],
               topic: ActorSpan | None = None) -> list[Frame]:
        """Frames of the document; `topic` is the headline's subject, carried into the first
        sentence when it opens without one ("عملية الإخلاء تشمل ...")."""
        text = doc.text
        frames: list[Frame] = []
        last_subject: ActorSpan | None = topic
        self._subject_sentence = 0 if topic is not None else -10
        told: set[str] = set()  # event types already read, for anaphoric verbal nouns
        trigger_index, actor_index = SpanIndex(triggers), SpanIndex(actors)
        for si, sent in enumerate(doc.sentences):
            sent_triggers = trigger_index.starting(sent.start, sent.end)
            if not sent_triggers:
                subj = self._first_subject(actor_index, sent.start, sent.end)
                if subj is not None:
                    last_subject, self._subject_sentence = subj, si
                continue
            for clause in sent.clauses or [(sent.start, sent.end)]:
                cs, ce = clause
                clause_triggers = [t for t in sent_triggers if cs <= t.start < ce]
                opinion = self.is_opinion(text, cs, ce) if clause_triggers else False
                for t in clause_triggers:
                    if opinion or self.is_negated(text, t.start, cs):
                        continue
                    done: set[str] = set()
                    for form in _readings(t):
                        # the first licensed form of each event type reads the hit
                        if form.group.event_type in done or not licensed(text, t, form, clause):
                            continue
                        done.add(form.group.event_type)
                        # "التعزيزات التي وصلت المطار شملت 200 عنصر من فاطميون": the sides that
                        # make up a moving force took part in its movement
                        members = _composition_frames(text, si, clause, t, form, actor_index)
                        frames.extend(members)
                        if form.group.event_type in told and anaphoric(text, t, form, clause):
                            continue
                        if form.group.event_type == "PROTEST" and _purpose_adverb(t, sent_triggers):
                            continue
                        if form.group.event_type != "PROTEST" and _in_protest_purpose(text, t, sent_triggers):
                            continue  # "تظاهروا للمطالبة بوقف القصف التركي": what they protest is no event here
                        frame = self._frame(text, sent, si, clause, t, form, actor_index, places,
                                            last_subject, clause_triggers)
                        if frame is not None:
                            frames.append(frame)
                            told.add(form.group.event_type)
                            if frame.actor is not None and not frame.actor_carried:
                                last_subject, self._subject_sentence = frame.actor, si
                subj = self._first_subject(actor_index, cs, ce)
                if subj is not None and not clause_triggers:
                    last_subject, self._subject_sentence = subj, si
        return frames

    # -- arguments -------------------------------------------------------------------------

    @staticmethod
    def _first_subject(actors: SpanIndex[ActorSpan], start: int, end: int) -> ActorSpan | None:
        for a in actors.starting(start, end):
            if a.prep is None:
                return a
        return None

    def _frame(self, text: str, sent: Sentence, si: int, clause: tuple[int, int],
               t: Match[TriggerForm], form: TriggerForm, actors: SpanIndex[ActorSpan],
               places: Sequence[Mention], last_subject: ActorSpan | None,
               clause_triggers: Sequence[Match[TriggerForm]]) -> Frame | None:
        cs, ce = clause
        last_subject_sentence = self._subject_sentence
        etype = refine_attack(text, t, form.group.event_type, clause)
        # The trigger's own stretch of the clause ends at the next trigger of another type.
        seg_end = ce
        for other in clause_triggers:
            if other.start >= t.end and all(f.group.event_type != etype for f in other.payloads):
                seg_end = other.start
                break
        seg_start = cs
        for other in clause_triggers:
            if other.end <= t.start and all(f.group.event_type != etype for f in other.payloads):
                seg_start = other.end
        t_end = _word_end(text, t.end)  # after the suffix: "تمركز|ات تلك الميليشيات"
        in_clause = [a for a in actors.starting(cs, ce) if not (a.start < t.end and t.start < a.end)]
        # Civilians are the doers of protests only; elsewhere they are targets.
        subjects = [a for a in in_clause if a.kind != "civilians" or etype == "PROTEST"]
        same_span = [a for a in actors.starting(t.start, t.end + 1) if a.end <= t.end]
        after = [a for a in subjects if a.start >= t.end]
        before = [a for a in subjects if a.end <= t.start]
        after_all = [a for a in in_clause if a.start >= t.end]

        actor: ActorSpan | None = same_span[0] if same_span else None
        carried = False
        recipient: ActorSpan | None = None
        doer_noun = form.pos == "noun" and bool(_strip_clitics(key(t.text).split()[0]) & DOER_NOUNS)
        # "تعرضت القوات لهجوم من قبل X": the subject of تعرّض underwent the event; only an
        # agent, a nationality adjective or "من X" after the noun names the doer
        undergo, undergoer = _undergoer(text, cs, t, in_clause)
        if undergo and form.pos == "verb":
            return None  # "تعرضت لقصف": after لـ the word is the noun, not the verb قصف
        if not undergo and form.pos == "noun" and etype in STRIKE_LIKE and _after_cause_word(text, cs, t):
            # "تكبدت الميليشيات خسائر جراء استهداف معاقلها": the side named before the cause
            # suffered the attack; its doer can only be named after the noun
            undergo = True
            undergoer = next((a for a in reversed(before) if a.prep is None and a.start >= cs), None)
        if undergo:
            recipient = undergoer
            after = [a for a in after if a is not undergoer]
        if actor is None and form.pos == "noun" and not undergo:
            gen = after[0] if after and _genitive_gap(text[t_end:after[0].start]) else None
            if gen is not None and gen.prep is None:
                if etype in SUBJECT_GENITIVE_TYPES or doer_noun or _object_follows(text, gen, seg_end):
                    actor = gen  # "استهداف الاحتلال مجموعة من الشبان": a genitive with an object does it
                else:
                    recipient = gen
            elif gen is not None and gen.prep == "ل" and (doer_noun or (
                    etype in ("SHELLING", "AIRSTRIKE", "ATTACK")
                    and (key(text[t_end:gen.start]).split()[:-1] or len(key(t.text).split()) > 1
                         or key(text[gen.end:gen.end + 12]).split()[:1] in (["علي"], ["ضد"])))):
                # "بقصف لقوات الدعم السريع على سوق": a target after على makes the لـ phrase the doer
                # "قصف مدفعي للدعم السريع": after a manner adjective, لـ marks the doer
                actor = gen  # possessive لـ: "هجوم لقوات الدعم السريع", "غارات للتحالف"
        if actor is None:
            agents = [a for a in in_clause if a.prep == AGENT]
            if agents:
                actor = agents[0]
        if actor is None and form.pos == "noun":
            actor = self.nationality(text, t_end, etype)
        if actor is None and form.pos == "noun" and etype in STRIKE_LIKE:
            actor = _from_doer(text, t, after, seg_end)
        if actor is None and form.pos == "noun":
            nxt = key(text[t_end:t_end + 20]).split()[:1]
            if nxt and nxt[0] in SUPPORT_VERBS:
                doers = [a for a in after if a.prep is None and a.start - t_end <= SUPPORT_REACH]
                if doers:
                    actor = doers[0]
        if actor is None and form.pos == "noun":
            actor = _resumptive_doer(text, t_end, min(seg_end, t_end + RESUMPTIVE_REACH), after)
        if actor is None and form.pos == "noun" and etype in MOVEMENT_TYPES:
            actor = _force_owner_after(text, t_end, after, seg_end)
        between_other: ActorSpan | None = None
        if actor is None and etype == "CLASH":
            # "اشتباكات بين X و Y": X and Y are the two sides ("بين فصائل من X", "بين شبان و Y").
            # (the بين phrase bounds the sides itself: a protest noun in it, "بين متظاهرين وقوات
            # الأمن", does not end the clash's stretch)
            between = [a for a in in_clause if a.start < ce and _after_between(text, cs, a.start)]
            if between:
                actor = between[0]
                others = _coordinated_actors(actor, in_clause, text, ce) or [
                    a for a in in_clause if actor.end <= a.start < ce and a.actor_id != actor.actor_id
                    and _in_between_phrase(text, cs, a.start)]  # "بين أهالي البلدة وعناصر من الأمن العام"
                between_other = others[0] if others else None
                recipient = between_other or recipient
            else:
                # a side the dictionary does not name comes first ("بين شبان فلسطينيين وقوات
                # الاحتلال", "بين أهالي البلدة وعناصر من الأمن العام"): the named sides in the
                # بين phrase are the parties
                sides = [a for a in in_clause if t.start <= a.start < ce and _in_between_phrase(text, cs, a.start)]
                if sides:
                    actor = sides[0]
                    between_other = next((a for a in sides[1:] if a.actor_id != actor.actor_id), None)
                    recipient = between_other or recipient
        if actor is None and form.pos == "verb" and not undergo:
            # SVO with the subject right before the verb ("القوات الروسية انسحبت"), else VSO
            # with the subject right after it ("انسحبت القوات الروسية", "أعلنت، أمس، الوزارة").
            adjacent = [a for a in before if a.prep is None and _clear_gap(text, a.end, t.start, 1)]
            near = [a for a in after if a.prep is None and a.start - t_end <= VSO_NEAR
                    and a.start < seg_end and _clear_gap(text, t_end, a.start, 3)]
            if adjacent:
                actor = adjacent[-1]
            elif near and near[0] is not recipient:
                actor = near[0]
        # "أصيب شرطيان بهجوم مسلح": the wounded before the event noun are its target, not its doer
        victim = (_casualties_before(text, cs, t, in_clause, None)
                  if etype in STRIKE_LIKE else None)
        if victim is not None:
            before = [a for a in before if a is not victim]
            if actor is victim:
                actor = None
        if actor is None and not undergo:
            prior = [a for a in before if a.prep is None and t.start - a.end <= SUBJECT_REACH
                     and a.start >= seg_start and a is not recipient]
            if not prior:
                prior = [a for a in before if a.prep is None and t.start - a.end <= SUBJECT_REACH
                         and a is not recipient]
            if prior:
                actor = prior[-1]
        if actor is None and form.pos == "verb":
            far = [a for a in after if a.prep is None and a.start < seg_end and a is not recipient]
            if far:
                actor = far[0]
        if (actor is None and not undergo and last_subject is not None and last_subject.start < t.start
                and si - last_subject_sentence <= CARRY_SENTENCES
                and (last_subject.kind != "civilians" or etype == "PROTEST")):
            actor = last_subject
            carried = True
        if actor is None and etype not in ACTORLESS_OK:
            return None
        if form.group.receive and actor is not None:
            # "تسلّم الجيش القاعدة": the subject receives; the giver is found after من.
            recipient, actor = actor, None
            giver = [a for a in after if a.prep == "من" and a.start < seg_end]
            if giver:
                actor = giver[0]
        if etype == "PROTEST":
            # the protesters named around the protest word: "مئات المتظاهرين", "المشاركون في الوقفة"
            holders = [a for a in actors.meeting(t.start, t.end)
                       if a.start <= t.start and t.end <= a.end and a.kind == "civilians"]
            in_clause = holders + in_clause
            if holders and (actor is None or carried):
                actor, carried = holders[0], False
        if etype == "PROTEST" and actor is not None and not carried and _in_protest_demand(text, t, actor):
            # "تظاهر المئات للمطالبة بإسقاط قائد الهيئة": the side named in the demand is
            # what the protest is against, not who protests
            recipient, actor = actor, None
        if etype == "PROTEST" and actor is not None and actor.kind in ("state_security", "state_military"):
            # the police or army that disperse a protest face the protesters; they do not protest
            protesters = [a for a in in_clause if a.kind == "civilians"]
            recipient, actor = (actor if not carried else recipient), (protesters[0] if protesters else None)
            carried = False
        # _coordinated_actors skips every actor that starts at or before `actor` or at or after ce
        assoc = (_coordinated_actors(actor, actors.starting(actor.start + 1, ce), text, ce)
                 if actor is not None and not carried else [])
        if between_other is not None:
            assoc = [a for a in assoc if a is not between_other]
        if (assoc and etype in TARGET_TYPES and form.pos == "verb" and recipient is None
                and key(text[actor.end:assoc[0].start]) == ""):  # type: ignore[union-attr]
            # V S O: a bare actor right after the subject is the object ("استهدفت كتائب القسام
            # دبابة إسرائيلية"), not a partner; partners are joined by و
            recipient, assoc = assoc[0], assoc[1:]
        taken = {id(actor)} | {id(a) for a in assoc}
        if recipient is None:
            charge = _CHARGE.search(text, t_end, seg_end)
            if charge is not None:
                seg_end = charge.start()  # "بتهمة التجسس لصالح إيران": who the charge names is no target
            for a in after_all:
                if id(a) in taken or a.start >= seg_end:
                    continue
                if a.prep in RECIPIENT_PREPS or _owner_of_target(text, a, etype) or (
                        etype in TARGET_TYPES and a.prep is None and actor is not None
                                                 and (etype != "ARMS_TRANSFER" or _object_of(text, t, actor, a))):
                    recipient = a
                    break
        if recipient is None and etype in STRIKE_LIKE:
            # casualty-first leads: "مقتل جنديين عراقيين بهجوم لداعش" - the killed are its target
            recipient = _casualties_before(text, cs, t, in_clause, actor)
        if etype == "WITHDRAW" and recipient is not None and recipient.prep in HANDOVER_PREPS:
            etype = "HANDOVER"
        actor = _partitive_owner(text, actor, in_clause) if actor is not None else None
        recipient = _partitive_owner(text, recipient, in_clause) if recipient is not None else None
        if recipient is not None and actor is not None and recipient.actor_id == actor.actor_id:
            recipient = None  # one side named twice ("مسلحون" inside "مسلحون مجهولون") is no target
        if etype == "ATTACK" and is_general_attack(t.text):
            # the instrument of a general attack verb may come late in its clause
            # ("استهدفت المقاومة تجمعاً لجنود الاحتلال في محيط موقع المالكية بالصواريخ")
            etype = refine_attack(text, t, etype, (t.start, seg_end), reach=None)
        if etype == "SHELLING" and _general_shelling(t) and not _has_artillery(text, cs, seg_end):
            # "قُصف منزل ... بصاروخ أطلقته طائرة استطلاع": the aircraft named late decides
            etype = refine_attack(text, t, etype, (t.start, seg_end), reach=None)
        if (etype == "ATTACK" and recipient is not None and recipient.kind in ARMED_KINDS
                and (is_general_attack(t.text) or _is_shooting(t.text))):
            # "هاجم مسلحون حاجزاً للجيش", "أطلق مسلح النار على دورية للشرطة": fire at an armed
            # side is a clash (ACLED's Battles); an assassination stays an attack
            etype = "CLASH"
        if (etype == "FORM_GROUP" and form.pos == "verb" and form.group.needs and actor is not None and not carried
                and t.end <= actor.start and not _window_has(
                    key(text[actor.end:min(ce, actor.end + 80)]).split()[:form.group.window or NEEDS_WINDOW],
                    form.group.needs)):
            return None  # "أنشأت الميليشيا مقراً": the group word is the subject, nothing new is formed
        frame = Frame(type=etype, trigger=t, form=form, sentence=si, clause=clause, actor=actor,
                      assoc=assoc, recipient=recipient, actor_carried=carried)
        frame.confidence = form.group.strength * (
            CONF_CARRIED_ACTOR if carried else 1.0 if actor is not None else CONF_NO_ACTOR)
        return frame


GENERIC_ACTORS = frozenset({"GEN_UNKNOWN_GUNMEN", "GEN_ARMED_GROUPS", "GEN_SECURITY_FORCES"})


def _partitive_owner(text: str, a: ActorSpan, in_clause: Sequence[ActorSpan]) -> ActorSpan:
    """A generic side followed by the group it belongs to is that group: "مسلحين من خلايا داعش",
    "عناصر مسلحة من حزب الله"."""
    if a.actor_id not in GENERIC_ACTORS:
        return a
    nxt = next((b for b in in_clause if b.start >= a.end), None)
    if nxt is None or nxt.actor_id in GENERIC_ACTORS or nxt.kind == "civilians":
        return a
    gap = key(text[a.end:nxt.start]).split()
    if gap[:1] == ["من"] and len(gap) <= 3 and all(w in FORCE_NOUNS or w == "من" for w in gap):
        return nxt
    return a


_IN_BETWEEN_STOPS = frozenset(key(w) for w in (
    "في", "على", "عند", "قرب", "خلال", "بعد", "قبل", "ضد", "الى", "إلى", "عن", "حيث", "منذ", "لدى",
    "وسط", "داخل", "اثر", "إثر", "عقب", "ما", "مما", "أدى", "ادت"))


def _in_between_phrase(text: str, cs: int, start: int) -> bool:
    """True when the actor at `start` stands inside a "بين ... و ..." phrase (up to 8 words after
    بين, no locative or temporal preposition between)."""
    words = key(text[max(cs, start - 80):start]).split()
    for w in reversed(words[-9:]):
        if w in ("بين", "وبين"):
            return True
        if w in _IN_BETWEEN_STOPS:
            return False
    return False


KILLED_STEMS = tuple(key(w) for w in ("قتل", "مقتل", "قتلى", "استشهد", "استشهاد", "أصيب", "إصابة", "جرح",
                                      "مصرع", "لقي"))
CASUALTY_GAP_WORDS = 6  # words between the casualties and the event noun


# The charge laid against those arrested or killed: "بتهمة التعامل مع التحالف".
_CHARGE = re.compile(r"(?<!\w)[وف]?(?:بتهمة|بتهمه|بتهم|بتهمتي|بدعوى|بدعوي|بحجة|بحجه|لاتهامهم|لاتهامه|بذريعة|بذريعه)(?!\w)")


_COUNTED = re.compile(r"(?<!\w)(?:\d+|عشرات|مئات|الاف|آلاف|العشرات|المئات)(?!\w)")


def _causes_casualties(text: str, a: ActorSpan, t: Match[TriggerForm], others: Sequence[ActorSpan]) -> bool:
    """Other casualties follow `a` before the event noun: `a` is the subject that caused them."""
    between = text[a.end:t.start]
    return bool(_COUNTED.search(key(between))) or any(
        o.kind == "civilians" and a.end <= o.start and o.end <= t.start for o in others)


def _casualties_before(text: str, cs: int, t: Match[TriggerForm], in_clause: Sequence[ActorSpan],
                       actor: ActorSpan | None) -> ActorSpan | None:
    """The side named as the killed or wounded before the event noun that killed them: after
    the killing word ("مقتل جنديين بهجوم") or as its subject ("ثلاثة جنود قتلوا في انفجار")."""
    others = [a for a in in_clause if a.end <= t.start and a is not actor
              and (actor is None or a.actor_id != actor.actor_id)]
    kill_end = -1
    for w in re.finditer(r"\S+", text[cs:t.start]):
        k = key(w.group())
        k = k[1:] if k[:1] in ("و", "ف") and len(k) > 3 else k
        if k.startswith(KILLED_STEMS):
            kill_end = cs + w.end()
            break
    if kill_end >= 0:
        for a in others:
            if kill_end <= a.start and len(key(text[a.end:t.start]).split()) <= CASUALTY_GAP_WORDS:
                if _causes_casualties(text, a, t, others):
                    continue  # "جرحت قوات الدعم السريع عشرات المدنيين بقصف": a is the verb's subject
                return a
    for a in others:
        gap = key(text[a.end:t.start]).split()
        if gap and gap[0].startswith(KILLED_STEMS) and len(gap) <= CASUALTY_GAP_WORDS:
            return a
    return None


_SHELLING_WORDS = frozenset(key(w) for w in ("قصف", "القصف"))
ARTILLERY_WORDS = frozenset(key(w) for w in (
    "مدفعي", "مدفعية", "المدفعية", "بالمدفعية", "مدفعيه", "هاون", "الهاون", "راجمات", "براجمات", "دبابة",
    "دبابات", "الدبابات", "غراد", "كاتيوشا", "مدافع", "المدافع"))


def _general_shelling(t: Match[TriggerForm]) -> bool:
    words = key(t.text).split()
    return len(words) == 1 and bool(_strip_clitics(words[0]) & _SHELLING_WORDS)


def _has_artillery(text: str, start: int, end: int) -> bool:
    return any(w in ARTILLERY_WORDS or w[1:] in ARTILLERY_WORDS for w in key(text[start:end]).split())


def _readings(t: Match[TriggerForm]) -> list[TriggerForm]:
    """The trigger forms of a hit, explicit forms before generated ones; the caller reads each
    event type from the first form whose conditions hold."""
    return sorted(t.payloads, key=lambda f: f.generated)


def place_runs(text: str, clause: tuple[int, int], start: int, places: Sequence[Mention],
               stop: int) -> list[list[Mention]]:
    """Runs of coordinated event places in [start, stop) of the clause, qualifiers dropped.

    A place whose hit carries an admin context right after another place ("مهين بريف حمص") is
    a qualifier of that place, not a place of its own.
    """
    cand = [p for p in places if start <= p.start < stop]
    kept: list[Mention] = []
    qualifier: Mention | None = None  # the last place dropped as a qualifier of kept[-1]
    for p in cand:
        hit = p.data
        phrase_start = getattr(hit, "phrase_start", p.start)
        if kept and in_title(text, kept[-1]) and not in_title(text, p):
            kept.append(p)  # "رئيس بلدية جنين في نابلس": the title's town locates nothing after it
            continue
        if kept and _misplaced_by(text, kept[-1], p, phrase_start):
            kept[-1] = p  # "جبهة الكسارة غرب مأرب" read as a Syrian الكسارة: the area it lies in is surer
            continue
        if kept and (_qualifies(text, kept[-1], p, phrase_start)
                     or (qualifier is not None and _qualifies(text, qualifier, p, phrase_start))):
            # a chain of wider areas: "قاعدة عين الأسد في محافظة الأنبار غربي العراق"
            qualifier = p
            continue
        if is_comparison_or_origin(text, clause[0], phrase_start, start):
            continue
        kept.append(p)
        qualifier = None
    spans = [(getattr(p.data, "phrase_start", p.start), _end(p)) for p in kept]
    return [[kept[i] for i in run] for run in coordinated_runs(spans, text)]


# Words that may stand between a place and the wider area that locates it:
# "مطار التيفور العسكري شرقي حمص", "مستودعات مهين بريف حمص", "الباب الواقعة في ريف حلب".
QUALIFIER_GAP_WORDS = frozenset(key(w) for w in (
    "في", "ب", "الواقع", "الواقعة", "الواقعين", "ضمن", "داخل", "التابع", "التابعة", "ل", "من", "عند"))


TITLE_WORDS = frozenset(key(w) for w in (
    "محافظ", "بلدية", "شرطة", "مختار", "عمدة", "قائمقام", "قائممقام", "أمن", "صحة"))


def in_title(text: str, p: Mention) -> bool:
    """The place is named in a title of local office: "محافظ تعز", "قائد شرطة البصرة"."""
    ps = getattr(p.data, "phrase_start", p.start)
    words = key(text[max(0, ps - 20):ps]).split()
    return bool(words) and words[-1] in TITLE_WORDS and ps == p.start


_DIRECTION_GAP_WORDS = frozenset(key(w) for w in (
    "شمال", "جنوب", "شرق", "غرب", "شمالي", "جنوبي", "شرقي", "غربي", "شمال شرق", "قرب", "بالقرب", "محيط",
    "بمحافظة", "بريف", "ريف", "محافظة", "ولاية", "بولاية", "مديرية", "بمديرية", "قضاء", "بقضاء"))


def _misplaced_by(text: str, prev: Mention, p: Mention, phrase_start: int) -> bool:
    """The place right after `prev` locates it ("X غرب Y", "X بمحافظة Y") yet lies in another
    country: `prev` was resolved to a namesake abroad."""
    gap = key(text[_end(prev):phrase_start]).split()
    if len(gap) > 3 or any(w not in QUALIFIER_GAP_WORDS and w not in _DIRECTION_GAP_WORDS for w in gap):
        return False
    a = getattr(getattr(prev.data, "place", None), "country", None)
    b = getattr(getattr(p.data, "place", None), "country", None)
    return bool(a and b and a != b)


def _qualifies(text: str, prev: Mention, p: Mention, phrase_start: int) -> bool:
    """True when place `p` only locates the place before it (no conjunction between them and
    `p` is no more precise)."""
    gap = key(text[_end(prev):phrase_start]).split()
    if len(gap) > 3 or any(w not in QUALIFIER_GAP_WORDS for w in gap):
        return False
    return _precision(p) >= _precision(prev)


def _precision(p: Mention) -> int:
    place = getattr(p.data, "place", None)
    return place.precision if place is not None else 1


def _end(p: Mention) -> int:
    return max(getattr(p.data, "phrase_end", p.end), p.end)


def evidence_for(text: str, clause: tuple[int, int]) -> Evidence:
    s, e = clause
    return Evidence(text=text[s:e], start=s, end=e)
