"""Arabic numbers in news text: digits in any script and number words, with offsets into the original text."""

from __future__ import annotations

import bisect
import functools
import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass

logger = logging.getLogger(__name__)

# ---------------------------------------------------------------------------
# A light fold for pattern matching. It keeps every character's place recoverable
# like marsad.text.normalize, but only folds what the regexes of this module and
# of marsad.resolve.{attribution,modality,quantities} look at, with str.replace
# instead of a per-character table: about ten times faster on a 3,000-character
# article. Whitespace is kept as it is (patterns use \s).

_DELETE_RE = re.compile(
    "[\u064b-\u065f\u0670\u0640\u06d6-\u06dc\u06df-\u06e4\u06e7\u06e8\u06ea-\u06ed"
    "\u200b-\u200f\u061c\ufeff\u202a-\u202e\u2066-\u2069]"
)
_REPLACE: tuple[tuple[str, str], ...] = (
    ("أ", "ا"), ("إ", "ا"), ("آ", "ا"), ("ٱ", "ا"),
    ("ى", "ي"), ("ی", "ي"), ("ة", "ه"), ("ۀ", "ه"), ("ک", "ك"), ("گ", "ك"),
    ("ڤ", "ف"), ("پ", "ب"), ("چ", "ج"), ("ژ", "ز"),
    ("«", '"'), ("»", '"'), ("“", '"'), ("”", '"'), ("„", '"'), ("″", '"'),
    ("‘", "'"), ("’", "'"), ("–", "-"), ("—", "-"),
) + tuple((chr(0x0660 + i), str(i)) for i in range(10)) + tuple(
    (chr(0x06F0 + i), str(i)) for i in range(10)
)
_FOLD_CACHE_SIZE = 16  # a few documents in flight: attribution, modality and quantities share one fold


def trie_alternation(words: Iterable[str]) -> str:
    """A regex alternation of `words` factored as a trie: much faster to match than a flat a|b|c.

    Words are literal strings; a space inside a word matches any run of whitespace. The
    longest word wins at each position, as with a length-sorted alternation.
    """
    trie: dict[str, dict] = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_regex(trie)


def _trie_regex(node: dict[str, dict]) -> str:
    end = "" in node
    branches = []
    for ch in sorted(k for k in node if k):
        lit = r"\s+" if ch == " " else re.escape(ch)
        branches.append(lit + _trie_regex(node[ch]))
    if not branches:
        return ""
    if len(branches) == 1 and not end:
        return branches[0]
    body = "(?:" + "|".join(branches) + ")"
    return body + "?" if end else body


@dataclass(frozen=True, slots=True)
class Folded:
    """`text` folded for matching; `orig(i)` maps a folded offset back into `original`."""

    text: str
    original: str
    gaps: tuple[int, ...]  # folded offset of each deleted character, in order
    deleted: tuple[int, ...] = ()  # original offset of each deleted character, in order
    words: frozenset[str] = frozenset()  # every distinct \w+ token of `text`

    def starts_of(self, vocab: frozenset[str]) -> list[int]:
        """Folded offsets of every whole word of `text` that is in `vocab`, in order.

        Scanning a 3,000-character article with a large alternation costs ~100 µs in `re`;
        intersecting the article's word set first and finding only the words present is
        several times cheaper, and the patterns then run only where a hit can start.
        """
        present = self.words & vocab
        if not present:
            return []
        text = self.text
        out: list[int] = []
        for w in present:
            i = text.find(w)
            n = len(w)
            while i >= 0:
                if (i == 0 or not text[i - 1].isalnum()) and (i + n == len(text) or not text[i + n].isalnum()):
                    out.append(i)
                i = text.find(w, i + n)
        out.sort()
        return out

    def orig(self, i: int) -> int:
        """Offset in the original text of folded offset `i` (end offsets map the same way)."""
        if not self.gaps:
            return i
        return i + bisect.bisect_right(self.gaps, i)

    def orig_end(self, i: int) -> int:
        """Original offset for an exclusive end: after folded character i-1 and its diacritics."""
        if i <= 0:
            return 0
        o = self.orig(i - 1) + 1
        if self.gaps:  # keep the harakat written on the last letter
            original = self.original
            while o < len(original) and ("\u064b" <= original[o] <= "\u065f" or original[o] == "\u0670"):
                o += 1
        return o

    def fold_pos(self, o: int) -> int:
        """Folded offset of original offset `o` (a deleted character maps to the next kept one)."""
        if not self.deleted:
            return o
        return o - bisect.bisect_left(self.deleted, o)


_WORDS_RE = re.compile(r"\w+")


def with_clitics(words: Iterable[str], prefixes: Iterable[str]) -> frozenset[str]:
    """Every word with every prefix (prefixes include "" for the bare word)."""
    prefixes = tuple(prefixes)
    return frozenset(p + w for w in words for p in prefixes)


def _fold_str(text: str) -> str:
    for a, b in _REPLACE:
        if a in text:
            text = text.replace(a, b)
    return text


def fold_plain(text: str) -> str:
    """The fold of `fold_text` without the offset map, for dictionary forms and short strings."""
    return _fold_str(_DELETE_RE.sub("", text))


@functools.lru_cache(maxsize=_FOLD_CACHE_SIZE)
def fold_text(text: str) -> Folded:
    """Fold alef forms, ya, ta marbuta, digits and quotes; drop diacritics, tatweel and invisible marks."""
    deleted = [m.start() for m in _DELETE_RE.finditer(text)]
    stripped = _DELETE_RE.sub("", text) if deleted else text
    gaps = tuple(d - k for k, d in enumerate(deleted))
    folded = _fold_str(stripped)
    return Folded(folded, text, gaps, tuple(deleted), frozenset(_WORDS_RE.findall(folded)))


# ---------------------------------------------------------------------------
# Number words, in folded spelling. Kinds: unit 1-9, ten (عشر, for 10 and the teens),
# tens 20-90, hund (100-900), scale (thousand, million, billion), dual (2 x scale),
# vague (عشرات, مئات, بضع: approximate counts).

_UNIT_WORDS: dict[str, int] = {
    "واحد": 1, "واحده": 1, "احد": 1, "احدي": 1,
    "اثنان": 2, "اثنين": 2, "اثنتان": 2, "اثنتين": 2, "اثنا": 2, "اثني": 2, "اثنتا": 2, "اثنتي": 2,
    "ثلاث": 3, "ثلاثه": 3, "اربع": 4, "اربعه": 4, "خمس": 5, "خمسه": 5, "ست": 6, "سته": 6,
    "سبع": 7, "سبعه": 7, "ثمان": 8, "ثماني": 8, "ثمانيه": 8, "تسع": 9, "تسعه": 9,
}
_TEN_WORDS = {"عشر": 10, "عشره": 10}
_TENS_WORDS: dict[str, int] = {}
for _stem, _v in (("عشر", 20), ("ثلاث", 30), ("اربع", 40), ("خمس", 50), ("ست", 60), ("سبع", 70),
                  ("ثمان", 80), ("تسع", 90)):
    _TENS_WORDS[_stem + "ون"] = _v
    _TENS_WORDS[_stem + "ين"] = _v
_HUND_WORDS: dict[str, int] = {"مئه": 100, "مائه": 100, "ميه": 100}
for _f in ("مئتان", "مئتين", "مئتا", "مئتي", "مائتان", "مائتين", "مائتا", "مائتي"):
    _HUND_WORDS[_f] = 200
for _stem, _v in (("ثلاث", 3), ("اربع", 4), ("خمس", 5), ("ست", 6), ("سبع", 7), ("ثمان", 8),
                  ("ثماني", 8), ("تسع", 9)):
    for _h in ("مئه", "مائه"):
        _HUND_WORDS[_stem + _h] = _v * 100
_SCALE_WORDS: dict[str, tuple[float, bool]] = {  # value, plural (a bare plural is vague: "آلاف")
    "الف": (1e3, False), "الفا": (1e3, False), "الاف": (1e3, True),
    "مليون": (1e6, False), "مليونا": (1e6, False), "ملايين": (1e6, True),
    "مليار": (1e9, False), "مليارا": (1e9, False), "مليارات": (1e9, True),
}
_DUAL_WORDS: dict[str, float] = {
    "الفان": 2e3, "الفين": 2e3, "الفي": 2e3,
    "مليونان": 2e6, "مليونين": 2e6, "مليوني": 2e6,
    "ملياران": 2e9, "مليارين": 2e9, "ملياري": 2e9,
}
# Vague plurals: "عشرات" (tens) is returned as 10, "مئات" (hundreds) as 100, "آلاف" as 1000,
# "بضعة" (a few) as 3, all with approximate=True: the smallest count the word can mean.
_VAGUE_WORDS: dict[str, float] = {"عشرات": 10, "مئات": 100, "مئاة": 100, "بضع": 3, "بضعه": 3}

_SIMPLE_VALUES: dict[str, int] = {**_UNIT_WORDS, **_TEN_WORDS, **_TENS_WORDS, **_HUND_WORDS}
_KIND: dict[str, str] = {}
for _d, _k in ((_UNIT_WORDS, "unit"), (_TEN_WORDS, "ten"), (_TENS_WORDS, "tens"), (_HUND_WORDS, "hund"),
               (_SCALE_WORDS, "scale"), (_DUAL_WORDS, "dual"), (_VAGUE_WORDS, "vague")):
    for _w in _d:
        _KIND[_w] = _k

# Words the article ال may precede: the vague plurals and thousands ("العشرات", "الآلاف").
# Never the units, which would take in weekdays (الاثنين, الأحد) and "the six".
_ARTICLE_OK = frozenset({"عشرات", "مئات", "الاف", "الف"})

# Hedges before a number make it approximate: نحو، حوالي، قرابة، زهاء، ما يقارب، أكثر من...
_HEDGE_RE = re.compile(
    r"(?:نحو|حوالي|حوالى|قرابه|زهاء|ما\s+يقارب|ما\s+يقرب\s+من|يقارب|اكثر\s+من|ما\s+يزيد\s+(?:عن|علي)|"
    r"ما\s+لا\s+يقل\s+عن|لا\s+يقل\s+عن|اقل\s+من|ازيد\s+من|بحدود|في\s+حدود|تقريبا|اكثر\s+من)\s*$"
)
_HEDGE_WINDOW = 24  # characters looked at before a number for a hedge

@functools.cache
def _token_re() -> re.Pattern[str]:
    """One number token: digits or a number word, with its clitics (compiled at first use)."""
    return re.compile(
        r"(?<![\w.,٫٬])"
        r"(?:(?P<dpre>[وفبلك]|وب|ول|فب|فل|ال|وال|بال|لل|ولل)?(?P<d>\d+(?:[.,٫٬]\d+)*)"
        r"|(?P<wpre>[وفبلك]|وب|ول|فب|فل|وك)?(?P<art>ال|لل)?(?P<w>" + trie_alternation(_KIND) + r"))"
        r"(?![\w])"
    )
_JOIN_RE = re.compile(r"\s+(?:و\s+)?|")  # what may stand between two tokens of one number
_PERCENT_RE = re.compile(r"\s*(?:%|٪|بالمئه|بالمائه|في\s+المئه|في\s+المائه)")


@dataclass(frozen=True, slots=True)
class _Tok:
    start: int  # folded offsets, clitics excluded
    end: int
    pre: str
    kind: str
    value: float
    word: str


def _digits_value(s: str) -> float | None:
    s = s.replace("٬", ",").replace("٫", ".")
    if "," in s:
        parts = s.split(",")
        if all(len(p) == 3 for p in parts[1:]):  # 1,500 / 12,000,000: thousands separators
            s = "".join(parts)
        elif len(parts) == 2:  # 2,5: a decimal comma
            s = parts[0] + "." + parts[1]
        else:
            return None
    if s.count(".") > 1:
        parts = s.split(".")
        if all(len(p) == 3 for p in parts[1:]):  # 1.500.000
            s = "".join(parts)
        else:
            return None
    try:
        return float(s)
    except ValueError:
        return None


_WORD_PREFIXES = ("", "و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل", "وك")
_ARTICLES = ("", "ال", "لل")


@functools.cache
def _number_vocab() -> frozenset[str]:
    return with_clitics(_KIND, [p + a for p in _WORD_PREFIXES for a in _ARTICLES])


_DIGITS_RE = re.compile(r"\d+")


def _token_matches(f: Folded) -> list[re.Match[str]]:
    """Number-token matches at the places a number can start: digit runs and known number words."""
    text = f.text
    starts = f.starts_of(_number_vocab())
    for m in _DIGITS_RE.finditer(text):
        i = m.start()
        k = i
        while k > 0 and text[k - 1].isalpha() and i - k < 3:  # a clitic or ال written on the digits
            k -= 1
        starts.append(k)
    starts.sort()
    out: list[re.Match[str]] = []
    token_re = _token_re()
    last_end = -1
    for i in starts:
        if i < last_end:
            continue
        m = token_re.match(text, i)
        if m:
            out.append(m)
            last_end = m.end()
    return out


def _tokens(folded: str | Folded, start: int = 0, end: int | None = None) -> list[_Tok]:
    out: list[_Tok] = []
    if isinstance(folded, Folded):
        matches = _token_matches(folded)
        folded = folded.text
    else:
        end = len(folded) if end is None else end
        matches = list(_token_re().finditer(folded, start, end))
    for m in matches:
        if m.group("d") is not None:
            v = _digits_value(m.group("d"))
            if v is None:
                continue
            out.append(_Tok(m.start("d"), m.end("d"), m.group("dpre") or "", "digit", v, m.group("d")))
            continue
        w = m.group("w")
        if m.group("art") and w not in _ARTICLE_OK:
            continue
        kind = _KIND[w]
        if kind == "scale":
            value = _SCALE_WORDS[w][0]
        elif kind == "dual":
            value = _DUAL_WORDS[w]
        elif kind == "vague":
            value = _VAGUE_WORDS[w]
        else:
            value = float(_SIMPLE_VALUES[w])
        out.append(_Tok(m.start("w"), m.end("w"), (m.group("wpre") or "") + (m.group("art") or ""), kind,
                        value, w))
    return out


@dataclass(slots=True)
class _Phrase:
    toks: list[_Tok]
    value: float
    approximate: bool


class _Parser:
    """Adds number tokens one by one, refusing a token that cannot continue the number."""

    def __init__(self) -> None:
        self.total = 0.0
        self.cur = 0.0
        self.last = ""
        self.last_scale = float("inf")
        self.approx = False
        self.n = 0

    def add(self, t: _Tok, joined_by_and: bool) -> bool:
        k, v = t.kind, t.value
        cur, last = self.cur, self.last
        if self.n == 0:
            if k == "ten" and joined_by_and:
                return False
        elif k == "digit" or last == "digit" and k not in ("scale", "dual"):
            return False
        elif last == "vague" and k != "scale":
            return False
        if k == "digit" or k == "vague":
            if self.n:
                return False
            self.cur = v
            self.approx = k == "vague"
        elif k == "unit":
            if cur % 100 != 0 or (last == "unit"):
                return False
            self.cur = cur + v
        elif k == "ten":
            if last == "unit" and not joined_by_and and 0 < cur % 100 < 10:
                self.cur = cur + 10  # خمسة عشر: a teen
            elif cur % 100 == 0:
                self.cur = cur + 10
            else:
                return False
        elif k == "tens":
            if cur % 100 == 0 or (last == "unit" and joined_by_and and cur % 100 < 10):
                self.cur = cur + v
            else:
                return False
        elif k == "hund":
            if t.word in ("مئه", "مائه", "ميه") and last == "unit" and not joined_by_and and 0 < cur < 10:
                self.cur = cur * 100  # ثلاث مئة
            elif cur == 0:
                self.cur = v
            else:
                return False
        elif k == "scale":
            if v >= self.last_scale:
                return False
            if cur > 0:
                self.total += cur * v
            elif self.total == 0:
                self.total = v
                if _SCALE_WORDS[t.word][1]:
                    self.approx = True
            else:
                return False
            self.cur = 0.0
            self.last_scale = v
        elif k == "dual":
            if cur > 0 or self.total > 0:
                # "عشرين ألفا" style: a dual-looking form after a number is the scale word
                if t.word in ("الفي", "الفين", "الفان") or v / 2 >= self.last_scale:
                    return False
                self.total += cur * (v / 2)
                self.cur = 0.0
                self.last_scale = v / 2
            else:
                self.total = v
                self.last_scale = v / 2
        self.last = k
        self.n += 1
        return True

    @property
    def value(self) -> float:
        return self.total + self.cur


def _phrases(folded: str, toks: list[_Tok]) -> list[_Phrase]:
    out: list[_Phrase] = []
    i = 0
    while i < len(toks):
        p = _Parser()
        group = [toks[i]]
        if not p.add(toks[i], False):
            i += 1
            continue
        j = i + 1
        while j < len(toks):
            prev, t = toks[j - 1], toks[j]
            gap = folded[prev.end : t.start - len(t.pre)]
            conj = t.pre in ("و", "") or (t.pre == "ال" and t.kind == "scale" and prev.kind == "vague")
            if not conj or not _JOIN_RE.fullmatch(gap):
                break
            joined_by_and = t.pre == "و" or "و" in gap
            if not p.add(t, joined_by_and):
                break
            group.append(t)
            j += 1
        # احد/احدي stand for 1 only in 11 (أحد عشر); alone they mean "one of".
        if len(group) == 1 and group[0].word in ("احد", "احدي"):
            i = j
            continue
        if len(group) == 1 and group[0].word == "الفا" and folded.startswith(" من", group[0].end):
            out.append(_Phrase(group, 1000.0, p.approx))
        else:
            out.append(_Phrase(group, p.value, p.approx))
        i = j
    return out


def find_numbers(text: str) -> list[tuple[int, int, float, bool]]:
    """Every number in `text` as (start, end, value, approximate), offsets into `text`.

    Digits (Western, Arabic-Indic, Persian; 1,500 and 2.5 and ٢٫٥), number words and their
    compounds (ثمانمئة، ثلاث مئة، خمسة وعشرون، ثلاثة آلاف وخمسمئة، ألفي، 2.5 ألف). Vague plurals
    give the smallest count they can mean, flagged approximate: عشرات = 10, مئات = 100,
    آلاف = 1000, عشرات الآلاف = 10000, بضعة = 3. A hedge just before the number (نحو، حوالي،
    قرابة، أكثر من، ما لا يقل عن) also makes it approximate. The span starts after any clitic
    (و، ب، ل، ال) and covers the number only.
    """
    f = fold_text(text)
    return [(f.orig(s), f.orig_end(e), v, a) for s, e, v, a in find_numbers_folded(f)]


def _find_folded(folded: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, float, bool]]:
    out: list[tuple[int, int, float, bool]] = []
    for ph in _phrases(folded, _tokens(folded, start, end)):
        s, e = ph.toks[0].start, ph.toks[-1].end
        approx = ph.approximate or bool(_HEDGE_RE.search(folded, max(0, s - len(ph.toks[0].pre) - _HEDGE_WINDOW),
                                                          s - len(ph.toks[0].pre)))
        out.append((s, e, ph.value, approx))
    return out


def find_numbers_folded(f: Folded) -> list[tuple[int, int, float, bool]]:
    """`find_numbers` over an already folded text, offsets into `f.text` (for the resolve stages)."""
    folded = f.text
    out: list[tuple[int, int, float, bool]] = []
    for ph in _phrases(folded, _tokens(f)):
        s, e = ph.toks[0].start, ph.toks[-1].end
        p = s - len(ph.toks[0].pre)
        approx = ph.approximate or bool(_HEDGE_RE.search(folded, max(0, p - _HEDGE_WINDOW), p))
        out.append((s, e, ph.value, approx))
    return out


def is_percent(folded: str, end: int) -> bool:
    """Whether the number ending at folded offset `end` is a percentage (50%, 50 بالمئة)."""
    return bool(_PERCENT_RE.match(folded, end))


def parse_number(s: str) -> float | None:
    """The value of a string that is one number ("800", "٨٠٠", "ثمانمئة", "ألفي", "2.5 ألف", "عشرات").

    None when the string is not exactly one number (words around it, two numbers). Vague
    plurals give their smallest count, as in `find_numbers`.
    """
    f = fold_text(s.strip())
    found = _find_folded(f.text)
    if len(found) != 1:
        return None
    start, end, value, _approx = found[0]
    toks = _tokens(f.text)
    lead = f.text[:start]
    if f.text[end:].strip() or (lead and lead not in {t.pre for t in toks[:1]}):
        return None
    return value
