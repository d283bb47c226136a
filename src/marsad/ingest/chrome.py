"""Removal of plain-text site chrome: share rows, related-article lists, comment forms, copyright and date lines."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum
from functools import cache
from typing import Any

from marsad.text.normalize import FOLD_TABLE as _NORMALIZE_TABLE

# A line longer than this (characters) is never chrome: chrome lines are labels, button
# rows and notices; the longest common one, the comment form's required-fields notice,
# is about 90 characters, and the longest copyright lines about 150.
CHROME_LINE_MAX_CHARS = 240

# Most words a chrome line that carries free text may have ("اقرأ أيضاً: <headline>",
# "تابعونا على ...", a copyright line); article sentences are usually longer, and a
# longer line with such a label is treated as content.
CHROME_LINE_MAX_WORDS = 30

# A line after a "related articles" heading is taken for a list item (a headline) when
# it has at most this many words and does not end like a sentence. Arabic headlines run
# 6-15 words; 20 leaves room for long ones.
HEADLINE_MAX_WORDS = 20

# A "related articles" / "read also" box in the middle of a text (article paragraphs
# after it) has a handful of items; a longer run of short lines is article text.
RELATED_MAX_ITEMS = 8


# A comment-section heading ("اترك تعليقاً") removes everything after it when it comes
# this far into the text (by characters), or when only chrome and short lines follow it;
# earlier, with article paragraphs after it, only the heading line goes. Comment forms
# sit after the article, so real ones are past the middle unless the comments outgrow
# the article, and then the comments are kept rather than risk cutting the article.
COMMENTS_MIN_POSITION = 0.5

# Lines of up to this many words get every chrome test; longer ones (up to
# CHROME_LINE_MAX_WORDS) only when they start with a word of _LONG_LINE_STARTS or hold
# one of _LONG_LINE_CUES. Button rows, headings and notices are all shorter.
SHORT_LINE_WORDS = 12

# First words (folded) of the chrome lines that can run longer than SHORT_LINE_WORDS:
# "read also: <headline>", tag and category lists, date labels, follow/subscribe calls,
# the comment-form notice, breadcrumbs, copyright lines, share rows.
_LONG_LINE_STARTS = (
    "اقرا شاهد طالع read الوسوم وسوم الكلمات كلمات هاشتاج هاشتاغ التصنيفات التصنيف تصنيف الاقسام الفئه "
    "tags tag keywords categories category filed تم نشر نشرت تاريخ اخر published posted date last updated "
    "تابعونا تابعنا تابعوا انضم انضموا اشترك اشتركوا للاشتراك لمتابعه للمتابعه سجل حمل حملوا نزل نزلوا ثبت "
    "ثبتوا لن احفظ الحقول الرئيسيه الصفحه home © copyright حقوق (c) subscribe newsletter sign شارك مشاركه share"
)
# Phrases (as written, unfolded) that make a line of any length up to CHROME_LINE_MAX_WORDS a candidate.
_LONG_LINE_CUES = ("©", "محفوظ", "اضغط هنا", "انقر هنا", "click here", "rights reserved", "الحقول")


class LineKind(Enum):
    """What a line of text is, for chrome stripping."""

    BLANK = "blank"
    CONTENT = "content"
    CHROME = "chrome"  # a whole line of chrome, removed wherever it is
    RELATED = "related"  # heading of a related-articles list or a tag list: removed with its items
    COMMENTS = "comments"  # start of the comment section: removed with everything after it


class _Lazy:
    """A regex compiled on first use, so that importing this module stays cheap."""

    __slots__ = ("_source", "_compiled")

    def __init__(self, source: str) -> None:
        self._source = source
        self._compiled: re.Pattern[str] | None = None

    @property
    def source(self) -> str:
        return self._source

    def __getattr__(self, name: str) -> Any:
        if self._compiled is None:
            self._compiled = re.compile(self._source)
        return getattr(self._compiled, name)


def _alt(words: str) -> str:
    """Regex alternation of `|`-separated words, longest first, spaces matching any run of spaces."""
    items = sorted({w.strip() for w in words.split("|") if w.strip()}, key=len, reverse=True)
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", " ") for w in items) + ")"


# All phrases below are written in folded form (see `_fold`): alef forms as ا, ى as ي,
# ة as ه, no diacritics, Latin lowercase.

_NETWORKS = _alt(
    "فيسبوك|فيس بوك|فايسبوك|فيسبوك ماسنجر|تويتر|اكس|x|واتساب|واتس اب|الواتساب|واتسب|"
    "تلغرام|تليغرام|تليجرام|تلجرام|تيليجرام|تيليغرام|لينكد ان|لينكدان|لينكدين|انستغرام|"
    "انستجرام|انستقرام|يوتيوب|تيك توك|تيكتوك|سناب شات|سناب|بريد الكتروني|البريد الالكتروني|"
    "ايميل|ماسنجر|فايبر|بينتريست|ريديت|ثريدز|جوجل نيوز|غوغل نيوز|نبض|"
    "facebook|twitter|whatsapp|telegram|linkedin|pinterest|reddit|messenger|instagram|"
    "youtube|tiktok|email|e-mail|mail|vk|viber|tumblr|threads|snapchat|google news|rss"
)
_SHARE_VERBS = _alt("شارك|شاركها|شاركوا|شاركي|مشاركه|المشاركه|غرد|share|tweet|shares")
_SHARE_FILLER = _alt(
    "انشر|ارسل|طباعه|اطبع|نسخ|انسخ|الرابط|رابط|عبر|علي|في|من خلال|الخبر|المقال|المقاله|"
    "الموضوع|هذا|هذه|الصفحه|مع|اصدقائك|print|copy|link|on|via|pin|it|this|article|post|the"
)
_SEP = r"[\s\-|/,،:;·•*+()\[\]]*"
_SHARE_ROW = _Lazy(rf"(?:{_SEP}(?:{_SHARE_VERBS}|{_NETWORKS}|{_SHARE_FILLER})(?![\w]))+{_SEP}")
_SHARE_CORE = _Lazy(rf"(?<![\w])(?:{_SHARE_VERBS}|{_NETWORKS})(?![\w])")

_MONTHS = (
    "يناير|فبراير|مارس|ابريل|مايو|يونيو|يونيه|يوليو|يوليه|اغسطس|سبتمبر|اكتوبر|نوفمبر|ديسمبر|"
    "كانون الثاني|كانون الاول|شباط|اذار|نيسان|ايار|حزيران|تموز|اب|ايلول|تشرين الاول|تشرين الثاني|"
    "جانفي|فيفري|افريل|ماي|جوان|جويليه|اوت|"
    "محرم|صفر|ربيع الاول|ربيع الثاني|ربيع الاخر|جمادي الاولي|جمادي الاخره|جمادي الاول|جمادي الثاني|"
    "رجب|شعبان|رمضان|شوال|ذو القعده|ذو الحجه|ذي القعده|ذي الحجه|"
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
_DAYS = "السبت|الاحد|الاثنين|الثلاثاء|الاربعاء|الخميس|الجمعه|monday|tuesday|wednesday|thursday|friday|saturday|sunday"
_DATE_WORDS = _alt(
    _MONTHS + "|" + _DAYS + "|"
    "يوم|الساعه|ساعه|ساعات|ساعتين|دقيقه|دقائق|دقيقتين|ثانيه|ثوان|ثواني|ايام|يومين|اسبوع|اسابيع|"
    "شهر|اشهر|شهور|سنه|سنوات|عام|منذ|قبل|ص|م|ه|صباحا|مساء|مساءا|ظهرا|فجرا|بتوقيت|توقيت|غرينتش|"
    "مكه|المكرمه|دمشق|بيروت|بغداد|القاهره|القدس|الموافق|في|بتاريخ|علي|am|pm|gmt|utc|at|on"
)
_DATE_SEP = r"[\s\d/:.,،\-+|()]"
_DATEISH = rf"(?:{_DATE_SEP}|(?<![\w]){_DATE_WORDS}(?![\w]))*"
_DATE_ANCHOR = _Lazy(rf"\d|(?<![\w])(?:{_alt(_MONTHS + '|' + _DAYS)}|منذ)(?![\w])")

# Labels of a publication or update date. After a colon, whatever follows the long
# labels is chrome ("نشر في: أخبار سوريا"); the one-word labels are also live-blog
# markers ("تحديث: ارتفاع عدد القتلى"), so a line with one is chrome only when the rest
# is a date.
_PUBLISHED_LABEL = _alt(
    "تم النشر|نشر في|نشرت في|نشر بتاريخ|نشر يوم|تاريخ النشر|تاريخ الاضافه|تاريخ الخبر|"
    "published on|posted on|date published"
)
_UPDATED_LABEL = _alt("اخر تحديث|اخر تعديل|تاريخ التحديث|تم التحديث|تم تحديثه|last updated|updated on")
_SHORT_DATE_LABEL = _alt("نشر|نشرت|تحديث|محدث|تاريخ|published|posted|updated")
_TAG_LABEL = _alt(
    "الوسوم|وسوم|الكلمات المفتاحيه|كلمات مفتاحيه|الكلمات الدلاليه|كلمات دلاليه|هاشتاج|هاشتاغ|"
    "التصنيفات|التصنيف|تصنيف|الاقسام|الفئه|tags|tag|keywords|categories|category|filed under"
)
_RELATED = (
    rf"(?:مقالات|اخبار|مواضيع|موضوعات|قصص|تقارير|منشورات|تدوينات)"
    rf"(?: (?:ذات صله|ذات علاقه|متعلقه|مشابهه|مرتبطه|اخري|مقترحه|قد تهمك|قد تعجبك))(?: بالموضوع| بالخبر)?"
    rf"|قد (?:يعجبك|يهمك|تهمك|تعجبك|يهمك ايضا)(?: ايضا)?(?: قراءه)?"
    rf"|(?:اقرا|شاهد|طالع|تابع) (?:ايضا|كذلك|المزيد)|اقرا|للمزيد"
    rf"|الاكثر (?:قراءه|مشاهده|تداولا|شعبيه|تعليقا|مشاركه)"
    rf"|(?:اخر|احدث|المزيد من) (?:الاخبار|المقالات|الاخبار العاجله|الموضوعات|المواضيع|الاخبار المتعلقه)"
    rf"|اخترنا لك|ننصحك بقراءه|مواضيع مقترحه|مقترحات|المزيد|عرض المزيد|تحميل المزيد"
    rf"|related(?: articles| posts| news| stories| content)?|read (?:more|also)|see also|you may also like"
    rf"|more (?:stories|news|from)|recommended(?: for you)?|most read|popular|trending"
    rf"|{_TAG_LABEL}"
)
_COMMENTS = (
    r"(?:اترك|اكتب|اضف|ضع|شاركنا) (?:تعليقا|تعليق|تعليقك|ردا|رد|رايك|رايك في التعليقات)"
    r"|التعليقات|تعليقات|تعليقات القراء|تعليقات الفيسبوك|لا توجد تعليقات(?: بعد)?"
    r"|كن اول من يعلق|لا يوجد تعليق(?:ات)?|تعليق"
    r"|لن يتم نشر عنوان بريدك الالكتروني.*|leave a (?:reply|comment)|comments?(?: \(\d+\))?"
)
_CHROME = (
    # back to top
    r"(?:زر )?(?:(?:الذهاب|العوده|الرجوع|انتقل|عوده|اذهب) )?"
    r"(?:الي الاعلي|الي اعلي(?: الصفحه)?|للاعلي|لاعلي الصفحه|الاعلي|اعلي الصفحه)"
    r"|back to top|scroll to top|go to top|top"
    # comment form
    r"|.*الحقول (?:الالزاميه|المطلوبه|الاجباريه) (?:مشار|عليها|معلمه|مميزه).*"
    r"|احفظ اسمي.*|(?:التعليق|الاسم|البريد الالكتروني|الموقع الالكتروني|الموقع|الايميل|الاسم الكامل|name|website)\s*\*?"
    r"|(?:ارسال|نشر|اضافه|اضف) (?:التعليق|تعليق|الرد)|الغاء الرد|رد|post comment|cancel reply|reply"
    # "read also: <headline>" and friends, one line
    r"|(?:اقرا|شاهد|طالع) (?:ايضا|كذلك|المزيد|المزيد من الاخبار)\s*[:\-–]?.*|read (?:also|more)\s*[:\-]?.*"
    # labels with a value after a colon: tags, categories, publication and update dates
    rf"|(?:{_TAG_LABEL})\s*:.*"
    rf"|(?:{_PUBLISHED_LABEL}|{_UPDATED_LABEL})(?: في| بتاريخ| on| at)?\s*:.*"
    r"|(?:اخر تحديث|اخر تعديل).{0,60}"
    # counters and reading time
    r"|(?:عدد (?:القراءات|المشاهدات|الزيارات)|المشاهدات|القراءات|مشاهدات|قراءات|زمن القراءه|وقت القراءه|مده القراءه)"
    r"\s*:?\s*[\d,.]*(?: (?:دقيقه|دقائق|مشاهده|قراءه))?"
    r"|[\d,.]+\s*(?:مشاهده|مشاهدات|قراءه|قراءات|تعليق|تعليقات|views?|comments?|min read|minutes? read)"
    r"|(?:\d+ )?(?:دقيقه|دقائق|دقيقتان) (?:للقراءه|قراءه)|قراءه في \d+ (?:دقيقه|دقائق)"
    # short link, previous / next
    r"|(?:الرابط المختصر|رابط مختصر|انسخ الرابط|نسخ الرابط|تم نسخ الرابط|short link|copy link|permalink)\s*:?\s*\S*"
    r"|(?:(?:المقال|الخبر|الموضوع|المقاله|المنشور) )?(?:السابق|التالي)|(?:previous|next)(?: post| article)?"
    # navigation items, advertising labels
    r"|الرئيسيه|الصفحه الرئيسيه|القائمه|القائمه الرئيسيه|بحث|ابحث|البحث|اتصل بنا|من نحن|سياسه الخصوصيه"
    r"|شروط الاستخدام|اعلن معنا|اعلان|اعلانات|محتوي مدعوم|مساحه اعلانيه|تسجيل الدخول|اغلاق"
    r"|advertisement|sponsored|home|menu|search|privacy policy|contact us|about us|login|sign in|close"
    r'|(?:الرئيسيه|الصفحه الرئيسيه|home)\s*[>»›/|\\\-"].{0,120}'
    # newsletter
    r"|(?:اشترك|اشتركوا|سجل)(?: الان| مجانا)?(?: في| ب)? (?:النشره|نشرتنا|القائمه البريديه).*"
    r"|النشره (?:البريديه|الاخباريه)|(?:subscribe|newsletter|sign up)(?: .{0,80})?"
)

# A short line containing one of these is chrome wherever the phrase sits in it.
_CHROME_ANYWHERE = _Lazy(
    r"جميع الحقوق محفوظه|الحقوق محفوظه|حقوق (?:النشر|الطبع)(?: و(?:النشر|الطبع))? محفوظه|©|all rights reserved"
    r"|اضغط هنا|انقر هنا|click here"
)
_CHROME_START = _Lazy(
    rf"(?:©|\(c\)|copyright|حقوق (?:النشر|الطبع))"
    rf"|تابعونا(?![\w])"
    rf"|(?:تابعنا|تابعوا|انضم|انضموا|اشترك|اشتركوا|للاشتراك|لمتابعه|للمتابعه|سجل)(?![\w]).*"
    rf"(?:(?<![\w])(?:قناتنا|صفحتنا|حسابنا|حساباتنا|موقعنا|تطبيقنا|نشرتنا|بريدك)(?![\w])"
    rf"|(?:علي|عبر|في) (?:تطبيق |منصه |قناه )?{_NETWORKS}(?![\w])|مواقع التواصل)"
    rf"|(?:حمل|حملوا|نزل|نزلوا|ثبت|ثبتوا)(?: الان)? (?:تطبيق|التطبيق)(?![\w])"
)
_LINE_RE = _Lazy(rf"(?P<comments>{_COMMENTS})|(?P<related>{_RELATED})|(?P<chrome>{_CHROME})")
# Phrases that `_CHROME_ANYWHERE` looks for, as plain substrings for a quick test.
_ANYWHERE_CUES = ("محفوظه", "©", "all rights reserved", "اضغط هنا", "انقر هنا", "click here")
# One pattern that every chrome line matches (a superset of the tests in `classify`), so
# that an article line costs one regex call.
_GATE = _Lazy(
    rf"{_COMMENTS}|{_RELATED}|{_CHROME}|(?:{_CHROME_START.source}).*"
    rf"|(?:{_SEP}(?:{_SHARE_VERBS}|{_NETWORKS}|{_SHARE_FILLER})(?![\w]))+{_SEP}"
    rf"|(?:{_PUBLISHED_LABEL}|{_UPDATED_LABEL}|{_SHORT_DATE_LABEL}).*"
)
_PUBLISHED_DATE_RE = _Lazy(
    rf"(?:{_PUBLISHED_LABEL}|{_SHORT_DATE_LABEL})(?: في| بتاريخ| يوم| on)?\s*:?\s*(?P<rest>.*)"
)
_UPDATED_DATE_RE = _Lazy(rf"(?:{_UPDATED_LABEL}|{_SHORT_DATE_LABEL})(?: في| بتاريخ| on)?\s*:?\s*(?P<rest>.*)")
_DATEISH_RE = _Lazy(_DATEISH)

# Characters trimmed from both ends of a line before it is compared: bullets, dashes,
# pipes, colons, arrows, quotes, stars, brackets, emoji-like symbols.
_BULLETS = " \t\u00a0•·-–—|*#>»«<▪►▶◄◀→←↑⬆❯❮✔✓☰✕✖×\ufe0f"
_TRIM = _BULLETS + ":.،,؛;_=~\"'()[]{}"
_SENTENCE_END = ".!?؟…"
_CLOSERS = " \t\"'»”’)]}"
_BLANK_RUNS = _Lazy(r"\n[ \t\u00a0]*(?:\n[ \t\u00a0]*)+\n")


@cache
def _fold_table() -> dict[int, str | None]:
    """The normaliser's folding table, keeping newlines and deleting what it marks for deletion."""
    table: dict[int, str | None] = {k: (None if v == "\x00" else v) for k, v in _NORMALIZE_TABLE.items()}
    del table[ord("\n")]
    return table


def _fold(text: str) -> str:
    return text.translate(_fold_table())


def _words(line: str) -> int:
    return line.count(" ") + 1


def classify(folded_line: str) -> LineKind:
    """Say what one folded line is (see `LineKind`); `folded_line` comes from `_fold`."""
    line = folded_line.strip(_TRIM)
    if not line:
        return LineKind.BLANK if not folded_line.strip() else LineKind.CHROME
    if len(line) > CHROME_LINE_MAX_CHARS:
        return LineKind.CONTENT
    line = " ".join(line.split())
    if _GATE.fullmatch(line) is None and not any(cue in line for cue in _ANYWHERE_CUES):
        return LineKind.CONTENT
    m = _LINE_RE.fullmatch(line)
    if m is not None:
        if m.lastgroup == "comments":
            return LineKind.COMMENTS
        if m.lastgroup == "related":
            return LineKind.RELATED
        return LineKind.CHROME if _words(line) <= CHROME_LINE_MAX_WORDS else LineKind.CONTENT
    if _words(line) > CHROME_LINE_MAX_WORDS:
        return LineKind.CONTENT
    if _CHROME_ANYWHERE.search(line) or _CHROME_START.match(line):
        return LineKind.CHROME
    if _SHARE_ROW.fullmatch(line) and _SHARE_CORE.search(line):
        return LineKind.CHROME
    m = _PUBLISHED_DATE_RE.fullmatch(line) or _UPDATED_DATE_RE.fullmatch(line)
    if m is not None:
        rest = m.group("rest")
        if _DATE_ANCHOR.search(rest) and _DATEISH_RE.fullmatch(rest):
            return LineKind.CHROME
    return LineKind.CONTENT


def _classify_raw(line: str) -> LineKind:
    """`classify` for an unfolded line, with quick exits for the article lines that are most of a text.

    Folding and the chrome patterns cost tens of microseconds a line, so lines too long
    for chrome skip them, and so do middle-length lines unless they start with a label
    that chrome lines of that length start with, or hold a chrome phrase.
    """
    if len(line) > 2 * CHROME_LINE_MAX_CHARS:  # folding only deletes, at most halving a line
        return LineKind.CONTENT
    words = line.split()
    if not words:
        return LineKind.BLANK
    if len(words) > CHROME_LINE_MAX_WORDS:
        return LineKind.CONTENT
    if len(words) > SHORT_LINE_WORDS:
        first = _fold(words[0]).strip(_TRIM)
        if first not in _long_line_starts() and not any(cue in line for cue in _LONG_LINE_CUES):
            return LineKind.CONTENT
    return classify(_fold(line))


@cache
def _long_line_starts() -> frozenset[str]:
    return frozenset(_LONG_LINE_STARTS.split())


def _is_list_line(kind: LineKind, line: str) -> bool:
    """A line that can belong to a related-articles list or a comment form: chrome, blank or a headline."""
    return kind is not LineKind.CONTENT or _headline_like(line)


def _headline_like(line: str) -> bool:
    """A short line that does not end like a sentence: a list item, a headline, a tag."""
    core = line.strip(_BULLETS).rstrip(_CLOSERS)
    if not core:
        return True
    return _words(" ".join(core.split())) <= HEADLINE_MAX_WORDS and core[-1] not in _SENTENCE_END


@dataclass(frozen=True, slots=True)
class Stripped:
    """Result of `strip_chrome_details`: the cleaned text, how many chrome lines went, and
    the date of a publication-date line among them ("نشر في: ..."), as written there."""

    text: str
    removed: int
    published: str | None


def strip_chrome(text: str) -> tuple[str, int]:
    """Remove site chrome from plain text; return (cleaned text, number of chrome lines removed).

    Whole lines that are pure chrome go wherever they are; a comment section ("اترك تعليقاً",
    the required-fields notice) goes with everything after it; a related-articles or tag
    heading goes with the list items (short, headline-like lines) that follow it. Article
    sentences that merely contain a word like "شارك" are kept. Nothing is removed before
    the first body paragraph except whole chrome lines.
    """
    result = strip_chrome_details(text)
    return result.text, result.removed


def strip_chrome_details(text: str) -> Stripped:
    """`strip_chrome`, also giving the publication date found on a removed chrome line."""
    lines = text.split("\n")
    kinds = [_classify_raw(line) for line in lines]
    drop = [False] * len(lines)
    seen_body = False
    i = 0
    n = len(lines)
    while i < n:
        kind = kinds[i]
        if kind is LineKind.COMMENTS:
            if seen_body and (
                sum(len(line) + 1 for line in lines[:i]) >= len(text) * COMMENTS_MIN_POSITION
                or all(_is_list_line(kinds[j], lines[j]) for j in range(i + 1, n))
            ):
                for j in range(i, n):
                    drop[j] = True
                break
            drop[i] = True
        elif kind is LineKind.CHROME:
            drop[i] = True
        elif kind is LineKind.RELATED:
            drop[i] = True
            if seen_body:
                j = i + 1
                items = 0
                while j < n and kinds[j] is not LineKind.COMMENTS and _is_list_line(kinds[j], lines[j]):
                    items += kinds[j] is LineKind.CONTENT
                    j += 1
                at_end = j == n or kinds[j] is LineKind.COMMENTS
                if at_end or items <= RELATED_MAX_ITEMS:
                    for k in range(i + 1, j):
                        drop[k] = True
                    i = j
                    continue
        elif kind is LineKind.CONTENT and not seen_body:
            seen_body = not _headline_like(lines[i])
        i += 1

    published = None
    for line, kind in zip(lines, kinds):
        if kind is LineKind.CHROME:
            published = _published_value(line)
            if published:
                break
    removed = sum(1 for line, d in zip(lines, drop) if d and line.strip())
    if not removed:
        return Stripped(text, 0, published)
    kept = "\n".join(line for line, d in zip(lines, drop) if not d)
    kept = _BLANK_RUNS.sub("\n\n", kept).strip("\n")
    return Stripped(kept, removed, published)


def find_published(text: str) -> str | None:
    """The date of a "نشر في: ..." / "تاريخ النشر: ..." line in `text` as written there, if any."""
    for original in text.split("\n"):
        if _classify_raw(original) is LineKind.CHROME:
            value = _published_value(original)
            if value:
                return value
    return None


def _published_value(original: str) -> str | None:
    """The date on a publication-date chrome line, as written, else None."""
    line = " ".join(_fold(original).strip(_TRIM).split())
    m = _PUBLISHED_DATE_RE.fullmatch(line)
    if m is None:
        return None
    rest = m.group("rest").strip(_TRIM)
    if not (rest and _DATE_ANCHOR.search(rest) and _DATEISH_RE.fullmatch(rest)):
        return None
    prefix = line[: m.start("rest")]
    if ":" in prefix and ":" in original:
        value = original.split(":", 1)[1]
    else:
        value = " ".join(original.strip(_TRIM).split()[len(prefix.split()) :])
    return value.strip(_TRIM) or None
