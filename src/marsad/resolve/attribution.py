"""Who the article says reported each event: source cues, their kind, name and medium, and the text they vouch for."""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources

from marsad.document import Attribution, Sentence
from marsad.lexicon.matcher import Matcher
from marsad.text.normalize import key as norm_key
from marsad.text.normalize import normalize
from marsad.text.numbers import (
    Folded,
    fold_plain,
    fold_text,
    trie_alternation,
    with_clitics,
)
from marsad.text.segment import sentences as split_sentences

logger = logging.getLogger(__name__)

_SOURCES_FILE = "sources.tsv"

# Tuned by reading Arabic wire and opposition-site prose (not the dev set): a source phrase
# is rarely longer than eight words ("مسؤول في وزارة الدفاع التركية", "مراسل قناة الشرقية نيوز
# في غرب كردستان"); a pronoun ("وأضاف أن") or an anaphor ("وأوضحت المصادر") refers back at
# most a few sentences; a quote that opens after a speech verb closes within two paragraphs.
MAX_NP_WORDS = 8
MAX_APPOSITION_WORDS = 4
INHERIT_SENTENCES = 4
MAX_QUOTE_SPAN = 1500
COMPLEMENT_WINDOW = 90  # characters after a source phrase searched for أن / إن / : (weak verbs need one)
BACK_SCOPE_TAIL_WORDS = 2
TOKEN_WINDOW = 110
_PIECE_CACHE = 1024  # speaker phrases repeat across an article ("وأضافت المصادر")  # characters after a cue read for its speaker and medium phrases  # fewer words after the cue than this: it vouches for what came before

# ---------------------------------------------------------------------------
# Verbs that introduce a source, in folded spelling. "strong" verbs are reporting verbs in
# any context; "weak" ones (نقل = move, نشر = deploy, بث, شاهد, تداول...) only count when a
# complement (أن / إن / :) follows or their subject is plainly a source (media, witness...).


def _conj(stems: dict[str, tuple[str, ...]]) -> dict[str, str]:
    """Map every listed form to its lemma."""
    out: dict[str, str] = {}
    for lemma, forms in stems.items():
        out[lemma] = lemma
        for f in forms:
            out[f] = lemma
    return out


_STRONG = _conj({
    "قال": ("قالت", "قالوا", "يقول", "تقول", "يقولون"),
    "افاد": ("افادت", "افادوا", "تفيد", "يفيد", "يفيدون", "افيد"),
    "ذكر": ("ذكرت", "ذكروا", "تذكر"),
    "اكد": ("اكدت", "اكدوا", "يؤكد", "تؤكد", "يؤكدون"),
    "اوضح": ("اوضحت", "اوضحوا", "يوضح", "توضح"),
    "اضاف": ("اضافت", "اضافوا", "يضيف", "تضيف"),
    "صرح": ("صرحت", "صرحوا", "يصرح", "تصرح"),
    "كشف": ("كشفت", "كشفوا", "يكشف", "تكشف"),
    "اعلن": ("اعلنت", "اعلنوا", "يعلن", "تعلن"),
    "زعم": ("زعمت", "زعموا", "يزعم", "تزعم"),
    "ادعي": ("ادعت", "ادعوا", "تدعي"),
    "نفي": ("نفت", "نفوا", "ينفي", "تنفي"),
    "اشار": ("اشارت", "اشاروا", "يشير", "تشير"),
    "لفت": ("لفتت", "لفتوا"),
    "اعتبر": ("اعتبرت", "اعتبروا"),
    "رجح": ("رجحت", "رجحوا", "يرجح", "ترجح"),
    "اعترف": ("اعترفت", "اعترفوا", "يعترف", "تعترف"),
    "تحدث": ("تحدثت", "تحدثوا", "يتحدث", "تتحدث"),
    "اورد": ("اوردت", "اوردوا"),
    "حذر": ("حذرت", "حذروا", "يحذر", "تحذر"),
    "اتهم": ("اتهمت", "اتهموا", "يتهم", "تتهم"),
    "تبني": ("تبنت", "تبنوا"),
    "غرد": ("غردت", "غردوا"),
    "نوه": ("نوهت",),
    "افادت": (),
})
_WEAK = _conj({
    "نقل": ("نقلت", "نقلوا", "ينقل", "تنقل"),
    "نشر": ("نشرت", "نشروا", "ينشر", "تنشر"),
    "بث": ("بثت",),
    "شاهد": ("شاهدت", "شاهدوا"),
    "تداول": ("تداولت", "تداولوا", "يتداول", "تتداول"),
    "تناقل": ("تناقلت",),
    "وثق": ("وثقت", "يوثق", "توثق"),
    "رصد": ("رصدت", "يرصد", "ترصد"),
    "روي": ("روت", "رووا"),
    "كتب": ("كتبت",),
    "ابلغ": ("ابلغت",),
    "اظهر": ("اظهرت", "يظهر", "تظهر"),
    "بينت": (),
    "تابع": ("تابعت",),
    "اقر": ("اقرت",),
    "قدر": ("قدرت",),
})
# Participles that carry on the last speaker: "..., مشيراً إلى أن ...".
_PARTICIPLES = frozenset({
    "مشيرا", "مشيره", "مضيفا", "مضيفه", "مؤكدا", "مؤكده", "موضحا", "موضحه", "لافتا", "لافته",
    "قائلا", "قائله", "منوها", "منوهه", "معتبرا", "معتبره", "زاعما", "زاعمه", "ناقلا", "ناقله",
    "متحدثا", "متحدثه", "محذرا", "محذره",
})
_PRESENT_PREFIXES = ("ي", "ت")
_NAQL = frozenset({"نقل", "ناقلا", "ناقله"})

# Prepositions of attribution: بحسب، حسب(ما)، وفق(اً ل)، طبقاً ل، نقلاً عن، على حد قول...
_PREPS = (
    "بحسب", "حسبما", "حسب", "وفقا", "وفق", "طبقا", "تبعا", "نقلا عن", "استنادا الي", "استنادا ل",
    "علي حد قول", "علي حد تعبير", "علي ذمه",
)

_VERB_FORMS = sorted(set(_STRONG) | set(_WEAK) | _PARTICIPLES, key=len, reverse=True)
@functools.cache
def _cue_re() -> re.Pattern[str]:
    """A reporting verb or preposition, with و / ف (compiled at first use)."""
    return re.compile(
        r"(?<!\w)(?P<conj>[وف])?(?:(?P<prep>" + trie_alternation(_PREPS) + r")|(?P<verb>"
        + trie_alternation(_VERB_FORMS) + r"))(?!\w)"
    )

_WORDS_RE = re.compile(r"\w+")
@functools.cache
def _cue_vocab() -> frozenset[str]:
    """First words a cue can start with, bare or after و / ف."""
    return with_clitics(list(_VERB_FORMS) + [p.split()[0] for p in _PREPS], ("", "و", "ف"))


_TOKEN_RE = re.compile(r"[^\s،,:؛;.!?؟()\[\]\"'\-]+|[،,:؛;.!?؟()\[\]\"'\-]")
_PUNCT_STOP = frozenset("،,:؛;.!?؟")
_QUOTES = frozenset("\"'()[]")
_COMPLEMENT_RE = re.compile(r"(?<!\w)(?:[بفل]?ان(?:ه|ها|هم|هما)?|قوله|قولها|قولهم|قولهما)(?!\w)|:")
_STOP_WORDS = frozenset({
    "ان", "انه", "انها", "انهم", "انهما", "بان", "بانه", "بانها", "بانهم", "فان", "لان", "الي", "علي",
    "عن", "حول", "قوله", "قولها", "قولهم", "قولهما", "الذي", "التي", "الذين", "اللذين", "وهو", "وهي",
    "امس", "اليوم", "يوم", "صباح", "مساء", "ظهر", "فجر", "ليله", "مؤخرا", "سابقا", "لاحقا", "ايضا",
    "كذلك", "الشهر", "الاسبوع", "العام", "الاثنين", "الثلاثاء", "الاربعاء", "الخميس", "الجمعه", "السبت", "الاحد", "خلال", "عبر",
    "نقلا", "وفقا", "بحسب", "حسب", "منذ", "بعد", "قبل", "فيما", "بينما", "حيث", "كما", "ما", "مع",
    "اول", "الماضي", "الماضيه", "الجاري", "الحالي", "امس", "بدوره", "بدورها", "بشان", "ضمن", "وان",
    "واكد", "واضاف", "وقال",
}) | _PARTICIPLES
_MEDIUM_AFTER_FI = frozenset({
    "تغريده", "تغريدات", "بيان", "بيانا", "تصريح", "تصريحات", "حديث", "حديثه", "حديثها", "مقابله",
    "مؤتمر", "منشور", "تسجيل", "كلمه", "رساله", "خطاب", "تقرير", "تقريره", "تقريرها", "لقاء", "اتصال",
    "فيديو", "مقطع", "بث", "تعليق", "تدوينه", "منشورات", "بلاغ",
})
_TIME_WORDS = frozenset({
    "امس", "اليوم", "يوم", "صباح", "مساء", "ظهر", "فجر", "ليله", "الاثنين", "الثلاثاء", "الاربعاء",
    "الخميس", "الجمعه", "السبت", "الاحد", "مؤخرا", "الماضي", "الماضيه", "الجاري", "اول", "الشهر",
    "الاسبوع", "العام",
})
_LEAD_PARTICLES = frozenset({
    "و", "ف", "كما", "فيما", "بينما", "حيث", "اذ", "وقد", "قد", "كان", "كانت", "وكان", "وكانت", "فقد",
    "لكن", "ولكن", "ثم", "يشار", "الي", "يذكر", "ان", "بدوره", "بدورها", "من", "جهته", "جهتها", "جانبه",
    "جانبها", "ناحيتها", "ناحيته", "وفي", "في", "السياق", "ذاته", "نفسه", "هذا", "ذلك", "الصدد", "وبدوره",
    "وبدورها", "ومن", "اخري", "اخر", "وحيث", "واذ", "وكما", "فيما",
}) | _TIME_WORDS
_TRAILING_QAD = frozenset({"قد", "وقد", "لقد", "فقد"}) | _QUOTES
_ELABORATION_RE = re.compile(r"\s*(?:[وف]?(?:حيث|اذ)|وذلك)(?!\w)")
_ANAPHORS = frozenset({
    "المصدر", "المصادر", "الشبكه", "الموقع", "الوكاله", "القناه", "الصحيفه", "المرصد", "البيان",
    "الوزاره", "الهيئه", "المسؤول", "المتحدث", "الناشط", "الناشطون", "التقرير", "المنظمه", "الاخير",
    "الاخيره", "المراسل", "التلفزيون", "الاذاعه", "الجريده",
})
_ANAPHOR_TAIL = frozenset({"نفسه", "نفسها", "ذاته", "ذاتها", "ذاتهم"})
_NAME_INTERNAL_L = frozenset({"حقوق", "انباء", "اعلام", "دراسات", "توثيق", "رصد", "ارسال", "الانباء", "الاعلام"})
_NP_CONTINUE = frozenset({"باسم", "برتبه", "بقياده", "بوزاره", "بالجيش"})  # ب-words inside a speaker phrase
_DANGLING = frozenset({"في", "من", "لدي", "وفي", "ومن", "و"})
# Heads that name one person; a proper name may follow them ("الصحفي سامر الأحمد").
_PERSON_HEADS = frozenset({
    "الصحفي", "الصحفيه", "الناشط", "الناشطه", "المحلل", "الخبير", "الكاتب", "الباحث", "المعارض", "القيادي",
    "الرئيس", "الوزير", "المتحدث", "الناطق", "المسؤول", "القائد", "العميد", "اللواء", "العقيد", "الشيخ",
    "الدكتور", "النائب", "السفير", "المبعوث", "الجنرال", "الزعيم", "المراسل", "الاعلامي", "المدون",
})
_SOCIAL_AFTER_ALA = frozenset({"تويتر", "حسابه", "حسابها", "صفحته", "صفحتها", "منصه", "اكس", "فيسبوك", "تلغرام",
                               "تليغرام", "تلجرام", "قناته", "قناتها", "موقعه", "موقعها", "x", "انستغرام",
                               "يوتيوب", "منصات", "مواقع", "حساباته"})
_MASDAR_BEFORE = frozenset({"دون", "بدون", "عدم", "بعد", "قبل", "عند", "حين", "لدي", "اثر", "عقب", "رغم"})
_POSSESSIVE_RE = re.compile(r"\w{3,}(?:ها|هم|هما|هن)$")
_KIND_RANK = {"official": 5, "witness": 4, "activists": 3, "social_media": 2, "media": 1, "unknown": 0}
_MEDIUM_KINDS = {"social_media", "official"}  # a medium that fixes the kind when the speaker does not


@dataclass(slots=True)
class SourceCue:
    """An attribution phrase (`start`..`end`) and the span of text it vouches for (`scope_*`).

    `name_start`/`name_end` locate `source_name` in the text (the lead's actor matcher can
    read the speaker there); `verb` is the folded reporting verb or preposition; `inherited`
    is True when the identity comes from an earlier cue ("وأضاف أن", "وأوضحت المصادر").
    """

    start: int
    end: int
    text: str
    source_kind: str
    source_name: str | None
    medium: str | None
    scope_start: int
    scope_end: int
    name_start: int | None = None
    name_end: int | None = None
    verb: str | None = None
    inherited: bool = False

    def attribution(self) -> Attribution:
        return Attribution(source_kind=self.source_kind, source_name=self.source_name,  # type: ignore[arg-type]
                           medium=self.medium, text=self.text)


@dataclass(frozen=True, slots=True)
class _Entry:
    role: str
    kind: str
    medium: str | None


@dataclass(frozen=True, slots=True)
class _Lexicon:
    matcher: Matcher[_Entry]
    heads: frozenset[str]  # folded first words (no ال) of names, orgs, states and titles
    words: frozenset[str]  # every folded word of every alias


@functools.cache
def _lexicon() -> _Lexicon:
    """Load sources.tsv into a clitic-aware matcher (once)."""
    raw = resources.files("marsad.resolve").joinpath(_SOURCES_FILE).read_text(encoding="utf-8")
    entries: list[tuple[str, _Entry]] = []
    heads: set[str] = set()
    words: set[str] = set()
    for line in raw.splitlines():
        if not line.strip() or line.startswith("#") or line.startswith("alias\t"):
            continue
        alias, role, kind, medium = line.split("\t")
        entries.append((alias, _Entry(role, kind, None if medium == "-" else medium)))
        words.update(fold_plain(alias).split())
        if role in ("name", "org", "state", "title"):
            first = fold_plain(alias).split()[0]
            heads.add(first[2:] if first.startswith("ال") and len(first) > 3 else first)
    return _Lexicon(Matcher(entries), frozenset(heads), frozenset(words))


# ---------------------------------------------------------------------------


@dataclass(slots=True)
class _Identity:
    kind: str
    name: str | None
    name_span: tuple[int, int] | None  # original offsets
    medium: str | None


def _tokens(ft: str, start: int, end: int) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in _TOKEN_RE.finditer(ft, start, end)]


_ARTICLE_PREFIXES = ("وال", "بال", "فال", "كال", "لل", "ال")


def _strip_clitic(w: str) -> str:
    if w.startswith(_ARTICLE_PREFIXES):
        for p in _ARTICLE_PREFIXES:
            if w.startswith(p) and len(w) - len(p) >= 2:
                return w[len(p):]
    if len(w) > 3 and w[0] in "وفبلك":
        return w[1:]
    return w


def _is_definite(w: str) -> bool:
    return len(w) > 4 and w.startswith(_ARTICLE_PREFIXES)


def _walk_np(ft: str, toks: list[tuple[int, int, str]], i: int, heads: frozenset[str]) -> tuple[int, int]:
    """Extend a speaker noun phrase from token i; returns (first token index, index after last)."""
    known = _lexicon().words
    j = i
    words = 0
    definite = False
    in_quote = False
    prev_word = ""
    person = False  # the phrase opened with a one-person head: a proper name may follow
    prep_seen = False
    name_words = 0
    while j < len(toks) and words < MAX_NP_WORDS:
        s, e, w = toks[j]
        if w in _QUOTES:
            if in_quote:
                in_quote = False
                j += 1
                continue
            if _quote_is_name(ft, toks, j, prev_word, words):
                in_quote = True
                j += 1
                continue
            break
        if w in _PUNCT_STOP:
            break
        if w in _STOP_WORDS and not in_quote:
            # "أحمد علي،": على is a given name when a comma or أن follows an indefinite name
            nxt = toks[j + 1][2] if j + 1 < len(toks) else "،"
            if not (w == "علي" and words and not definite and (nxt in _PUNCT_STOP or nxt in ("ان", "انه", "انها"))):
                break
        if w.isdigit() and words and not in_quote and prev_word not in heads and not prev_word.isalpha():
            break
        if not in_quote:
            if w == "في":
                nxt = toks[j + 1][2] if j + 1 < len(toks) else ""
                if nxt in _MEDIUM_AFTER_FI or not words:
                    break
            elif words == 0:
                if w not in known and (
                    (w[0] == "ب" and not w.startswith("بال") and _strip_clitic(w) not in heads)
                    or (_POSSESSIVE_RE.match(w) and _strip_clitic(w) not in heads)
                ):
                    break
            else:
                stem = _strip_clitic(w)
                if w[0] == "ل" and not w.startswith("ال") and stem not in _NAME_INTERNAL_L and \
                        w[1:] not in _NAME_INTERNAL_L:
                    break  # "لموقع X": the outlet told, not the speaker
                if w[0] == "ب" and not w.startswith("بال") and stem not in heads and w not in _NP_CONTINUE \
                        and w not in known:
                    break  # "بانسحاب": the complement
                if definite and not _is_definite(w) and not w.isdigit() and w not in ("في", "من", "لدي") \
                        and stem not in heads and w not in _NP_CONTINUE and stem not in _NAME_INTERNAL_L:
                    if not (person and not prep_seen and name_words < 3 and not _POSSESSIVE_RE.match(w)):
                        break  # "الجيش السوري صباح" / "الجيش السوري سيطرته": the phrase has ended
                    name_words += 1
                if _POSSESSIVE_RE.match(w) and stem not in heads:
                    break
        if words == 0 and (w in _PERSON_HEADS or w[1:] in _PERSON_HEADS):
            person = True
        if w in ("في", "من", "لدي") or w in _NP_CONTINUE or (w[0] in "بل" and not w.startswith("ال") and words):
            prep_seen = True
        if _is_definite(w):
            definite = True
        prev_word = w
        words += 1
        j += 1
    # Do not end on a dangling preposition or opening quote.
    while j > i and (toks[j - 1][2] in _DANGLING or (toks[j - 1][2] in _QUOTES and in_quote)):
        j -= 1
        in_quote = False
    return i, j


def _quote_is_name(ft: str, toks: list[tuple[int, int, str]], j: int, prev_word: str, words: int) -> bool:
    """An opening quote right after a media head or the verb is a name ('شبكة "صوت العاصمة"')."""
    close = ft.find(toks[j][2] if toks[j][2] not in "([" else (")" if toks[j][2] == "(" else "]"), toks[j][1],
                    toks[j][1] + 60)
    if close < 0:
        return False
    inner = ft[toks[j][1] : close]
    if len(inner.split()) > 5 or not inner.strip():
        return False
    if words == 0:
        return bool(re.match(r"\s*(?:[\"'])?\s*(?:[بفل]?ان|،|,|في|عن|ل)", ft[close + 1 : close + 12]))
    return True


def _extra_phrases(toks: list[tuple[int, int, str]], j: int) -> tuple[list[tuple[int, int]], int]:
    """Medium and told-to phrases after the speaker: في تغريدة له على تويتر، لـ موقع X، عبر حسابه."""
    spans: list[tuple[int, int]] = []
    for _ in range(3):
        if j + 1 < len(toks) and toks[j][2] in ("،", ",") and toks[j + 1][2][:1] == "ل" \
                and not toks[j + 1][2].startswith("ال"):
            j += 1  # "وقالت مصادر مطلعة، لـ موقع X"
        if j >= len(toks):
            break
        w = toks[j][2]
        nxt = toks[j + 1][2] if j + 1 < len(toks) else ""
        opens = (w == "في" and nxt in _MEDIUM_AFTER_FI) or w in ("عبر", "مع") or (
            w == "علي" and (nxt in _SOCIAL_AFTER_ALA or _strip_clitic(nxt) in _SOCIAL_AFTER_ALA)
        ) or (w[0] == "ل" and not w.startswith("ال") and w not in ("لان", "لكن"))
        if not opens:
            break
        k = j + 1
        n = 0
        while k < len(toks) and n < 6:
            t = toks[k][2]
            if t in _PUNCT_STOP or t in ("ان", "انه", "انها", "بان", "بانه", "بانها", "ان", "عن") or t in _PARTICIPLES:
                break
            if t in _TIME_WORDS:
                break
            if t == "علي" or t == "في" or t == "عبر":
                if n == 0 or (k + 1 < len(toks) and toks[k + 1][2] in _MEDIUM_AFTER_FI):
                    break
            k += 1
            n += 1
        spans.append((toks[j][0], toks[k - 1][1] if k > j else toks[j][1]))
        j = k
    return spans, j


# ---------------------------------------------------------------------------


def _is_outlet(outlet_key: str | None, s: str) -> bool:
    if not outlet_key:
        return False
    k = norm_key(s)
    return bool(k) and (k in outlet_key or outlet_key in k)


def _classify(f: Folded, np: tuple[int, int] | None, extra: list[tuple[int, int]],
              outlet_key: str | None) -> _Identity | None:
    """Kind, name and medium of a speaker phrase; None when it is the article's own reporter."""
    matches = []
    if np is not None:
        matches = _match(f, np)
    # The article's own outlet, named as the one told ("قالت مصادر لموقع X" in X): not a source.
    extra_matches = []
    for sp in extra:
        ms = _match(f, sp)
        if not any(_is_outlet(outlet_key, m[3]) for m in ms):
            extra_matches.extend(ms)
    if matches and matches[0][2].role == "self":
        return None
    if outlet_key and any(ent.role == "name" and _is_outlet(outlet_key, t) for _s, _e, ent, t in matches) \
            and all(ent.role in ("name", "org", "anon") and ent.kind in ("media", "unknown")
                    for _s, _e, ent, _t in matches):
        return None  # "مراسل X" in an article of X
    kind = "unknown"
    for k, (s, e, ent, _t) in enumerate(matches):
        if ent.role == "medium" or ent.kind == "unknown" or ent.role == "self":
            continue
        if ent.role == "state" and k != 0:
            continue
        kind = ent.kind
        break
    medium: str | None = None
    for _s, _e, ent, _t in extra_matches + matches:
        if ent.role == "medium" and ent.medium:
            if medium is None or (medium == "social_media" and ent.kind == "social_media"):
                medium = ent.medium
            if medium != "social_media":
                break
    if medium is None:
        for _s, _e, ent, _t in matches + extra_matches:
            if ent.role in ("name", "org") and ent.medium:
                medium = ent.medium
                break
    social = any(ent.role == "medium" and ent.kind == "social_media" for _s, _e, ent, _t in extra_matches + matches)
    if social and kind != "official":
        kind = "social_media"  # a journalist or an activist writing on Twitter: the post is the source
    if kind == "unknown":  # "تقرير لتلفزيون أورينت": the outlet that owns or received the words
        for _s, _e, ent, _t in extra_matches:
            if ent.role in ("name", "org") and ent.kind != "unknown":
                kind = ent.kind
                break
    if kind == "unknown":
        for _s, _e, ent, _t in extra_matches + matches:
            if ent.role == "medium" and ent.kind in _MEDIUM_KINDS:
                kind = ent.kind
                break
        else:
            if medium == "monitor":
                kind = "activists"
    name, span = _name(f, np, matches)
    if name is None and extra_matches:
        name, span = _name_from(f, extra_matches)
    return _Identity(kind, name, span, medium)


def _match(f: Folded, span: tuple[int, int]) -> list[tuple[int, int, _Entry, str]]:
    """Lexicon hits inside a folded span, as original offsets."""
    o_start, o_end = f.orig(span[0]), f.orig_end(span[1])
    return [(o_start + s, o_start + e, ent, t) for s, e, ent, t in _match_piece(f.original[o_start:o_end])]


@functools.lru_cache(maxsize=_PIECE_CACHE)
def _match_piece(piece: str) -> tuple[tuple[int, int, _Entry, str], ...]:
    return tuple((m.start, m.end, m.payloads[0], m.text) for m in _lexicon().matcher.find(normalize(piece)))


def _trim_to_name(f: Folded, span: tuple[int, int]) -> tuple[int, int]:
    """Cut a told-to / medium phrase after the outlet it names ("لوكالة فرانس برس قوات ...")."""
    names = [m for m in _match(f, span) if m[2].role == "name"]
    if not names:
        return span
    return span[0], min(span[1], f.fold_pos(names[-1][1]))


def _clean(s: str) -> str:
    return " ".join(re.sub(r"[\"“”«»„()\[\]'’‘]", " ", s).split()).strip(" ،,:-")


def _name_from(f: Folded, matches: list[tuple[int, int, _Entry, str]]) -> tuple[str | None, tuple[int, int] | None]:
    for k, (s, e, ent, _t) in enumerate(matches):
        if ent.role == "name":
            if k > 0 and matches[k - 1][2].role == "org" and _only_gap(f.original[matches[k - 1][1] : s]):
                s = matches[k - 1][0]
            return _clean(f.original[s:e]) or None, (s, e)
    for s, e, ent, _t in matches:
        if ent.role == "org":
            return None, None
    return None, None


def _only_gap(s: str) -> bool:
    return not re.sub(r"[\s\"“”«»()'’‘\u064b-\u0652\u0640]", "", s)


def _name(f: Folded, np: tuple[int, int] | None,
          matches: list[tuple[int, int, _Entry, str]]) -> tuple[str | None, tuple[int, int] | None]:
    if np is None:
        return None, None
    o_start, o_end = f.orig(np[0]), f.orig_end(np[1])
    whole = _clean(f.original[o_start:o_end])
    n_words = len(whole.split())
    if n_words == 1 and fold_plain(whole) in _ANAPHORS:
        return None, None  # "الصحيفة" with nothing to refer back to
    # After an unnamed head ("مصادر إعلامية"), a later name counts only when joined to it
    # directly or by a preposition: "مصادر بالجيش السوري", not "مصادر مقربة من الحكومة".
    if matches and matches[0][2].role == "anon":
        joined = [matches[0]]
        for mt in matches[1:]:
            gap = fold_plain(f.original[joined[-1][1] : mt[0]]).split()
            if all(g in ("في", "من", "لدي", "داخل", "ب", "ل") for g in gap) and len(gap) <= 1:
                joined.append(mt)
            else:
                break
        matches = joined
    if matches and matches[0][2].role == "title" and _only_gap(f.original[o_start : matches[0][0]]):
        return whole or None, (o_start, o_end)
    for k, (s, e, ent, _t) in enumerate(matches):
        if ent.role == "name" or (ent.role == "state" and k == 0):
            if k > 0 and matches[k - 1][2].role == "org" and _only_gap(f.original[matches[k - 1][1] : s]):
                s = matches[k - 1][0]
            # A name running on to the end of the phrase keeps its tail ("وكالة الأنباء العراقية").
            return _clean(f.original[s:e]) or None, (s, e)
    for s, _e, ent, _t in matches:
        if ent.role == "org":
            return _clean(f.original[s:o_end]) or None, (s, o_end)
    first = fold_plain(whole.split()[0]) if whole else ""
    if (first in _PERSON_HEADS or first[1:] in _PERSON_HEADS) and 2 <= n_words <= 4:
        rest = f.original[o_start:o_end].split(None, 1)[1]
        return _clean(rest) or None, (o_end - len(rest), o_end)  # "الصحفي سامر الأحمد"
    if not any(ent.role in ("anon", "title", "self") for _s, _e, ent, _t in matches) and 0 < n_words <= 5:
        return whole or None, (o_start, o_end)
    return None, None


# ---------------------------------------------------------------------------


def find_sources(text: str, sentences: Sequence[Sentence] | None = None, *, outlet: str | None = None) -> list[SourceCue]:
    """Attribution cues in `text`, in order, each with the span of text it vouches for.

    Reporting verbs with their speaker before or after them ("قال مصدر عسكري إن",
    "ناشطون أوضحوا أن", "سامر الخطيب، قال في تغريدة على منصة إكس"), chains ("ونقل موقع X
    عن مصادر مطلعة قولها"), prepositions ("بحسب تقارير إعلامية", "وفق تقرير لتلفزيون
    أورينت", "نقلاً عن"), and pronoun or anaphor speakers that continue an earlier cue
    ("وأضاف أن", "وأوضحت المصادر"). A cue vouches for the rest of its sentence; one at the
    head of a sentence, or a preposition anywhere in it, for the whole sentence; one at its
    end, for what came before; one that opens a quote, up to the quote's end. `outlet`
    is the article's own outlet: its own reporters are not a third-party source.
    """
    if sentences is None or not sentences:
        sentences = split_sentences(text)
    f = fold_text(text)
    ft = f.text
    lex = _lexicon()
    sent_spans = [(f.fold_pos(s.start), f.fold_pos(s.end)) for s in sentences]
    outlet_key = norm_key(outlet) if outlet else None
    cues: list[SourceCue] = []
    si = 0
    consumed = 0
    cue_re = _cue_re()
    for start_at in f.starts_of(_cue_vocab()):
        m = cue_re.match(ft, start_at)
        if m is None:
            continue
        pos = m.start()
        if pos < consumed:
            continue  # "حسبما ذكرت قناة X": the verb belongs to the preposition's phrase
        if m.group("verb") is not None and m.group("conj") is None:
            before = ft[max(0, pos - 8) : pos].split()
            if before and before[-1] in _MASDAR_BEFORE:
                continue  # "دون ذكر تفاصيل": a verbal noun, nobody speaks
        while si < len(sent_spans) and sent_spans[si][1] <= pos:
            si += 1
        if si >= len(sent_spans) or sent_spans[si][0] > pos:
            continue
        s0, s1 = sent_spans[si]
        cue = _read_cue(f, m, s0, s1, si, sent_spans, cues, lex.heads, outlet_key)
        if cue is None:
            continue
        cues.append(cue)
        consumed = f.fold_pos(cue.end)
    return cues


def _read_cue(f: Folded, m: re.Match[str], s0: int, s1: int, si: int, sent_spans: list[tuple[int, int]],
              cues: list[SourceCue], heads: frozenset[str], outlet_key: str | None) -> SourceCue | None:
    ft = f.text
    toks = _tokens(ft, m.end(), min(s1, m.end() + TOKEN_WINDOW))
    verb = m.group("verb")
    prep = m.group("prep")
    start = m.start()
    inherited = False
    chain_inner: tuple[int, int] | None = None
    if prep is not None:
        prep_word = " ".join(prep.split())
        j = 0
        # بحسب ما أفاد X / حسبما ذكرت X / وفقاً لما نقله X / وفقاً لـ X
        if toks and toks[0][2] in ("ما", "لما") and len(toks) > 1 and (
            toks[1][2] in _STRONG or toks[1][2] in _WEAK or _strip_clitic(toks[1][2]).rstrip("ه") in _STRONG
            or _strip_clitic(toks[1][2])[:-1] in _STRONG or toks[1][2][:-1] in _STRONG or toks[1][2][:-1] in _WEAK
            or toks[1][2][:-2] in _STRONG or toks[1][2][:-2] in _WEAK
        ):
            j = 2
        elif prep_word == "حسبما" and toks and (toks[0][2] in _STRONG or toks[0][2] in _WEAK):
            j = 1
        elif toks and toks[0][2] == "ل" and prep_word in ("وفقا", "طبقا", "تبعا"):
            j = 1
        a, b = _walk_np(ft, toks, j, heads)
        if b == a:
            return None
        np = (toks[a][0], toks[b - 1][1])
        extra, k = _extra_phrases(toks, b)
        end = max([np[1]] + [e for _s, e in extra])
        ident = _classify(f, np, extra, outlet_key)
        if ident is None:
            return None
        if not _match(f, np) and not any(_match(f, sp) for sp in extra):
            return None  # "حسب الخطة", "وفق الاتفاق": not a source
        scope = (s0, s1)
        cue_start = start
        verb_word = prep_word
    else:
        assert verb is not None
        verb_word = verb
        if verb in _PARTICIPLES:
            prev = _previous_cue(cues, f, s0, sent_spans, si, max_back=1)
            if prev is None:
                return None
            end = m.end()
            o_start, o_end = f.orig(start), f.orig_end(end)
            return SourceCue(o_start, o_end, f.original[o_start:o_end], prev.source_kind, prev.source_name,
                             prev.medium, o_start, f.orig_end(s1), prev.name_start, prev.name_end, verb, True)
        lemma = _STRONG.get(verb) or _WEAK.get(verb) or verb
        weak = verb in _WEAK and verb not in _STRONG
        present = verb[0] in _PRESENT_PREFIXES and lemma != verb
        a, b = _walk_np(ft, toks, 0, heads)
        np: tuple[int, int] | None = (toks[a][0], toks[b - 1][1]) if b > a else None
        extra, k = _extra_phrases(toks, b)
        extra = [_trim_to_name(f, sp) for sp in extra]
        # نقل X عن Y قوله / ذكرت X نقلاً عن Y
        if k < len(toks) and ((toks[k][2] == "عن" and lemma in _NAQL) or toks[k][2] == "نقلا"):
            k2 = k + 1 + (1 if toks[k][2] == "نقلا" and k + 1 < len(toks) and toks[k + 1][2] == "عن" else 0)
            a2, b2 = _walk_np(ft, toks, k2, heads)
            if b2 > a2:
                chain_inner = (toks[a2][0], toks[b2 - 1][1])
                k = b2
        elif k < len(toks) and toks[k][2] in ("،", ",") and k + 2 < len(toks) and toks[k + 1][2] == "نقلا" \
                and toks[k + 2][2] == "عن":
            a2, b2 = _walk_np(ft, toks, k + 3, heads)
            if b2 > a2:
                chain_inner = (toks[a2][0], toks[b2 - 1][1])
                k = b2
        end = max([m.end()] + ([np[1]] if np else []) + [e for _s, e in extra] + ([chain_inner[1]] if chain_inner else []))
        cue_start = start
        anaphor = None
        if np is not None:
            np_words = ft[np[0] : np[1]].split()
            head = np_words[0][1:] if np_words[0][:1] in "وف" and np_words[0][1:] in _ANAPHORS else np_words[0]
            if head in _ANAPHORS and all(w in _ANAPHOR_TAIL or w.startswith("ل") for w in np_words[1:]):
                anaphor = head
        if np is None:
            pre = _pre_verb_np(ft, s0, start, m.group("conj") is not None, sent_spans, heads)
            if pre is not None:
                np = pre
                cue_start = pre[0]
        has_comp = _complement_follows(ft, end, s1)
        if np is None or anaphor is not None:
            if (present or weak) and np is None:
                return None  # "يذكر أن", "يقال إن": impersonal; "نقل ما يعرف": a transfer
            prev = _previous_cue(cues, f, s0, sent_spans, si, max_back=INHERIT_SENTENCES, head=anaphor,
                                 strict=anaphor is not None and anaphor not in ("المصدر", "المصادر"))
            if prev is not None:
                ident = _Identity(prev.source_kind, prev.source_name,
                                  (prev.name_start, prev.name_end) if prev.name_start is not None else None,
                                  prev.medium)
                inherited = True
                if extra:
                    extra_ident = _classify(f, None, extra, outlet_key)
                    if extra_ident is not None and extra_ident.medium and not ident.medium:
                        ident.medium = extra_ident.medium
            else:
                if weak or not has_comp and np is None:
                    return None
                ident = _classify(f, np, extra, outlet_key)
                if ident is None:
                    return None
        else:
            ident = _classify(f, np, extra, outlet_key)
            if ident is None:
                return None
        if chain_inner is not None:
            inner = _classify(f, chain_inner, [], outlet_key)
            if inner is not None and _KIND_RANK[inner.kind] >= _KIND_RANK[ident.kind] and inner.kind != "unknown":
                if inner.name is None:
                    inner.name, inner.name_span = ident.name, ident.name_span
                if inner.medium is None:
                    inner.medium = ident.medium
                ident = inner
        if weak and not inherited:
            if not has_comp and ident.kind in ("unknown", "official"):
                return None
            if lemma in ("نشر", "اظهر", "بث") and ident.kind == "unknown" and ident.medium is None:
                return None
        scope = _verb_scope(ft, s0, s1, cue_start, end, cues, f)
    end = _close_quote(ft, cue_start, end)
    o_start, o_end = f.orig(cue_start), f.orig_end(end)
    name_start = ident.name_span[0] if ident.name_span else None
    name_end = ident.name_span[1] if ident.name_span else None
    return SourceCue(o_start, o_end, _clean_text(f.original[o_start:o_end]), ident.kind, ident.name, ident.medium,
                     f.orig(scope[0]), f.orig_end(scope[1]), name_start, name_end, verb_word, inherited)


_GAP_RE = re.compile(r"(?:\s|،|,|\"|'|\(|\)|-)+")


def _complement_follows(ft: str, end: int, s1: int) -> bool:
    """Whether أن / إن / بأن / : / قوله comes next, past commas, quotes and time words."""
    pos = end
    for _ in range(6):
        g = _GAP_RE.match(ft, pos, s1)
        if g:
            pos = g.end()
        if pos >= s1:
            return False
        if _COMPLEMENT_RE.match(ft, pos, s1):
            return True
        w = re.match(r"\w+", ft[pos:s1])
        if not w or w.group() not in _TIME_WORDS and w.group() not in ("له", "لها", "لهم", "الماضي", "الجاري"):
            return False
        pos += w.end()
    return False


def _close_quote(ft: str, start: int, end: int) -> int:
    """Take in a closing quote or bracket right after the phrase when the phrase leaves one open."""
    piece = ft[start:end]
    nxt = ft[end : end + 1]
    if (nxt == '"' and piece.count('"') % 2) or (nxt == ")" and piece.count("(") > piece.count(")")):
        return end + 1
    return end


def _clean_text(s: str) -> str:
    return s.strip(" ،,:-")


def _pre_verb_np(ft: str, s0: int, vstart: int, has_conj: bool, sent_spans: list[tuple[int, int]],
                 heads: frozenset[str]) -> tuple[int, int] | None:
    """The speaker before the verb: "ناشطون أوضحوا", "X، Y، قال" (apposition), "وكانت الهيئة قد أعلنت"."""
    seg_start = s0
    for p in ("،", ",", ":", "؛", ";"):
        q = ft.rfind(p, s0, vstart)
        if q >= 0 and q + 1 > seg_start:
            seg_start = q + 1
    for cm in _COMPLEMENT_RE.finditer(ft, seg_start, vstart):
        seg_start = cm.end()  # "ذكرت رويترز أن مسؤولاً ... قال": the speaker starts after أن
    toks = _tokens(ft, seg_start, vstart)
    # Drop leading particles and complementizers, and a trailing قد.
    i = 0
    while i < len(toks) and (toks[i][2] in _LEAD_PARTICLES or toks[i][2] in _QUOTES):
        i += 1
    j = len(toks)
    while j > i and toks[j - 1][2] in _TRAILING_QAD:
        j -= 1
    words = [t for t in toks[i:j] if t[2] not in _QUOTES]
    if words:
        if len(words) > MAX_NP_WORDS - 2 or any(t[2] in _STOP_WORDS for t in words):
            return None
        return words[0][0], words[-1][1]
    if has_conj or seg_start == s0:
        return None
    # Apposition: "..., رئيس المجلس المحلي، سامر الخطيب، قال": the segment just before the comma.
    prev_start = s0
    for p in ("،", ","):
        q = ft.rfind(p, s0, seg_start - 1)
        if q >= 0 and q + 1 > prev_start:
            prev_start = q + 1
    ptoks = [t for t in _tokens(ft, prev_start, seg_start - 1) if t[2] not in _QUOTES]
    if 0 < len(ptoks) <= MAX_APPOSITION_WORDS and not any(t[2] in _STOP_WORDS or t[2] in _LEAD_PARTICLES
                                                           for t in ptoks):
        return ptoks[0][0], ptoks[-1][1]
    return None


def _previous_cue(cues: list[SourceCue], f: Folded, s0: int, sent_spans: list[tuple[int, int]], si: int,
                  max_back: int, head: str | None = None, strict: bool = False) -> SourceCue | None:
    """The latest cue within `max_back` sentences before sentence `si` (or earlier in it)."""
    first = sent_spans[max(0, si - max_back)][0]
    lo = f.orig(first)
    cands = [c for c in reversed(cues) if c.start >= lo]
    if head:
        stem = head[2:]
        for c in cands:
            if stem and stem in fold_plain(c.text):
                return c
        if strict:
            return None
    return cands[0] if cands else None


def _verb_scope(ft: str, s0: int, s1: int, cue_start: int, end: int, cues: list[SourceCue],
                f: Folded) -> tuple[int, int]:
    lead_words = _WORDS_RE.findall(ft, s0, cue_start)
    tail = _WORDS_RE.findall(ft[end : min(s1, end + 60)])
    if lead_words and len(tail) < BACK_SCOPE_TAIL_WORDS:
        return s0, end  # "..., قال مصدر عسكري." vouches for what came before
    scope_start = cue_start
    if len(lead_words) <= 8 and all(w in _LEAD_PARTICLES for w in lead_words):
        scope_start = s0
    elif _ELABORATION_RE.match(ft, s0) and not any(f.orig(s0) <= c.start < f.orig(cue_start) for c in cues):
        scope_start = s0  # "حيث أخلت ...، X، قال في تغريدة أن ...": the حيث clause is his too
    scope_end = s1
    # A quote opened by the cue may close sentences later.
    q = re.match(r"\s*:?\s*\"", ft[end : end + 6])
    if q:
        close = ft.find('"', end + q.end(), end + MAX_QUOTE_SPAN)
        if close > s1:
            scope_end = close + 1
    return scope_start, scope_end


# ---------------------------------------------------------------------------


def attribute(text: str, sentences: Sequence[Sentence] | None, cues: Sequence[SourceCue], evidence_start: int,
              evidence_end: int) -> Attribution:
    """The attribution of an event read from text[evidence_start:evidence_end].

    The cue whose scope covers the evidence (the innermost when they nest: "ذكرت رويترز أن
    مصدراً قال إن ..."); else one whose scope covers most of it; else a cue in the same
    sentence; else, for a "حيث ..." / "إذ ..." sentence that elaborates, a cue opening the
    next sentence. Otherwise Attribution(source_kind="unknown"): the article's own voice.
    """
    if not cues:
        return Attribution()
    es, ee = evidence_start, max(evidence_end, evidence_start + 1)
    inside = [c for c in cues if c.scope_start <= es and ee <= c.scope_end]
    if inside:
        # Innermost scope; among equal scopes, the cue nearest before the evidence (the
        # speech verb that governs it) over one after it ("..., بحسب تقارير إعلامية").
        best = min(inside, key=lambda c: (c.scope_end - c.scope_start, _distance(c, es, ee)))
        return best.attribution()
    length = ee - es
    partial = []
    for c in cues:
        ov = min(ee, c.scope_end) - max(es, c.scope_start)
        if ov * 2 >= length:
            partial.append((ov, -(c.scope_end - c.scope_start), c))
    if partial:
        return max(partial, key=lambda t: (t[0], t[1]))[2].attribution()
    if sentences is None or not sentences:
        sentences = split_sentences(text)
    k = _sentence_index(sentences, es)
    if k is None:
        return Attribution()
    sent = sentences[k]
    same = [c for c in cues if sent.start <= c.start < sent.end]
    if same:
        return min(same, key=lambda c: min(abs(c.start - es), abs(c.end - ee))).attribution()
    if _ELABORATION_RE.match(fold_plain(text[sent.start : sent.start + 12])) and k + 1 < len(sentences):
        nxt = sentences[k + 1]
        for c in cues:
            if nxt.start <= c.start < nxt.start + 60 and c.start < nxt.end:
                return c.attribution()
    return Attribution()


def _distance(c: SourceCue, es: int, ee: int) -> int:
    if c.end <= es:
        return es - c.end
    if c.start >= ee:
        return 100_000 + c.start - ee
    return 0


def _sentence_index(sentences: Sequence[Sentence], pos: int) -> int | None:
    for k, s in enumerate(sentences):
        if s.start <= pos < s.end:
            return k
        if s.start > pos:
            return k - 1 if k > 0 else None
    return None
