"""Actor mentions: dictionary actors by alias and period, and new named groups from the phrases that introduce them."""

from __future__ import annotations

import functools
import re
from bisect import bisect_right
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from marsad.document import Actor, Document, Mention
from marsad.extraction.frames import ActorSpan, governing_prep
from marsad.text.normalize import Normalized, key
from marsad.text.spans import SpanIndex

if TYPE_CHECKING:
    from marsad.lexicon.actors import ActorDictionary
    from marsad.lexicon.matcher import Match
    from marsad.lexicon.nationalities import Nationalities

# Phrases that introduce the name of a group, followed by the name in quotes or brackets:
# "تحت اسم «…»", "أطلقت عليه اسم “…”", "باسم (…)", "تُدعى "…"", "يحمل اسم …".
_NAMING = re.compile(
    r"(?:تحت\s+(?:اسم|مسمي)|باسم|بمسمي|اسم|مسمي|تسميه|تدعي|يدعي|يحمل\s+اسم|تحمل\s+اسم|عرف\s+باسم|تعرف\s+باسم|يعرف\s+باسم)"
    r"\s*:?\s*[\"'(\[]\s*([^\"'()\[\]\n]{3,40}?)\s*[\"')\]]"
)
# A naming phrase counts only when a word for an armed group is near it.
_GROUP_WORD = re.compile(
    r"(?:ميليشي|مليشي|ميلشي|فصيل|فصائل|تشكيل|لواء|كتيب|كتائب|قوه|قوات|فرق[هة]|جماع[هة]|تجمع|حرك[هة]|مجموع[هة]|سرايا|جيش|تنظيم|مجلس\s+عسكري)"
)
GROUP_WORD_REACH = 120  # characters before the naming phrase searched for a group word
# A group word with the name right after it in quotes: "ميليشيا “سمير الرحال”", "لواء «الباقر»".
_QUOTED_GROUP = re.compile(
    r"(?<!\w)[وبلف]?(?:ال)?(?:ميليشيا|مليشيا|ميلشيا|فصيل|لواء|كتيبه|كتائب|تجمع|تشكيل|مجموعه|جماعه|حركه|فرقه)"
    r"\s*[\"“«]\s*([^\"“”«»\n]{3,30}?)\s*[\"”»]"
)


@dataclass(frozen=True, slots=True)
class NewGroup:
    """A named armed group that the actor dictionary does not know, recognised from context."""

    id: str
    name_ar: str
    kind: str = "militia"

    def to_contract(self, text: str) -> Actor:
        return Actor(id=self.id, name=self.name_ar, name_ar=self.name_ar, kind="militia",
                     country=None, wikidata=None, text=text)


def contract_actor(span: ActorSpan, dictionary: ActorDictionary) -> Actor:
    """The contract Actor of a mention, whether from the dictionary or a new group."""
    data: Any = span.data
    if isinstance(data, NewGroup):
        return data.to_contract(span.text)
    return dictionary.to_contract(data, span.text)


def find_actors(text: str, norm: Normalized, dictionary: ActorDictionary, on: date | None,
                prefer_country: str | None = None,
                nationalities: Nationalities | None = None) -> list[ActorSpan]:
    """Actor mentions in `text` with their governing prepositions, new named groups included.
    An ambiguous alias ("الجيش", "القوات الحكومية") goes to the actor of the nationality
    adjective right after it ("قوات الحكومة الليبية"), else of `prefer_country`."""
    spans: list[ActorSpan] = []
    for m in dictionary.matcher().find(norm):
        country = prefer_country
        if nationalities is not None and len(m.payloads) > 1:
            country = _adjective_after(norm, m.norm_end, nationalities) or prefer_country
        entry = dictionary.resolve(m.payloads, on, prefer_country=country)
        if entry is None or _another_body(norm, m):
            continue
        prep = governing_prep(text, m.start, m.prefix)
        spans.append(ActorSpan(m.start, m.end, m.text, entry.id, prep, entry))
    spans.extend(_new_groups(text, norm, spans))
    if nationalities is not None and "GEN_CIVILIANS" in dictionary:
        spans.extend(_crowds(text, norm, spans, nationalities, dictionary.get("GEN_CIVILIANS")))
    spans = [a for a in spans if not _in_dateline(text, a)]
    spans.sort(key=lambda a: a.start)
    return _with_bracketed_names(text, spans)


# Definite generic nouns that point back at the last actor of their kind: "انسحبت الميليشيا",
# "تمركزات تلك الميليشيات", "أعلن التنظيم". Indefinite ones ("ميليشيا جديدة") introduce a new one.
_ANAPHOR = re.compile(
    r"(?<!\w)(?:(?:هذه|تلك|هذا|ذلك|هاته)\s+)?(?P<clitic>[وفبل]?)(?P<article>ال|لل)"
    r"(?P<noun>ميليشيات|ميليشيا|مليشيات|مليشيا|ميلشيات|ميلشيا|تنظيم|فصيل|فصائل|جماعه|حركه)(?!\w)"
    # "القوات" alone is any force; only a demonstrative makes it point back: "هذه القوات"
    r"|(?<!\w)(?:هذه|تلك)\s+(?P<clitic2>)(?P<article2>ال)(?P<noun2>قوات)(?!\w)"
)
ANAPHOR_KINDS = {
    "ميليشيات": ("militia", "mercenary"), "ميليشيا": ("militia", "mercenary"),
    "مليشيات": ("militia", "mercenary"), "مليشيا": ("militia", "mercenary"),
    "ميلشيات": ("militia", "mercenary"), "ميلشيا": ("militia", "mercenary"),
    "تنظيم": ("jihadist_group",), "فصيل": ("rebel_group", "militia"), "فصائل": ("rebel_group", "militia"),
    "جماعه": ("jihadist_group", "militia", "rebel_group"), "حركه": ("rebel_group", "militia", "political_party"),
    "قوات": ("state_military", "state_security", "militia", "rebel_group", "mercenary", "coalition"),
}
ANAPHOR_REACH = 1500  # characters back to the antecedent


def generic_anaphors(text: str, norm: Normalized, spans: list[ActorSpan]) -> list[ActorSpan]:
    """Spans for definite generic actor nouns, resolved to the last actor of their kind before them."""
    out: list[ActorSpan] = []
    index = SpanIndex(spans)
    longest = max((a.end - a.start for a in spans), default=0)
    for m in _ANAPHOR.finditer(norm.text):
        start, end = norm.span(m.start(), m.end())
        if any(a.start < end and start < a.end for a in index.meeting(start, end)):
            continue  # part of a named actor ("ميليشيا الدفاع الوطني")
        if _names_follow(text, end):
            continue
        noun = m.group("noun") or m.group("noun2")
        kinds = ANAPHOR_KINDS[noun]
        # a span that starts before the reach less the longest span's length ends out of reach
        antecedent = index.last_starting_before(
            start + 1, lambda a: a.end <= start and start - a.end <= ANAPHOR_REACH and a.kind in kinds,  # noqa: B023
            lo=start - ANAPHOR_REACH - longest)
        if antecedent is None:
            continue
        clitic = (m.group("clitic") or "") + ("ل" if m.group("article") == "لل" else "")
        out.append(ActorSpan(start, end, text[start:end], antecedent.actor_id,
                             governing_prep(text, start, clitic), antecedent.data))
    return out


def _names_follow(text: str, end: int) -> bool:
    """A quote or bracket right after the noun opens a name ("الميليشيا “سمير الرحال”")."""
    rest = text[end:end + 3].lstrip()
    return bool(rest) and rest[0] in "\"'“”«(["


_BRACKETED = re.compile(r"\s*[(\[«]\s*$")
_CLOSE = re.compile(r"\s*[)\]»]")


def _with_bracketed_names(text: str, spans: list[ActorSpan]) -> list[ActorSpan]:
    """A name with its short name or acronym in brackets is one mention of the bracketed actor:
    "قوات الأمن الداخلي (الأسايش)", "هيئة تحرير الشام (النصرة سابقاً)" is kept as written only
    when the bracket closes right after the second name."""
    out: list[ActorSpan] = []
    i = 0
    while i < len(spans):
        a = spans[i]
        b = spans[i + 1] if i + 1 < len(spans) else None
        close = _CLOSE.match(text, b.end) if b is not None else None
        if (b is not None and close is not None and b.actor_id != a.actor_id
                and _BRACKETED.match(text[a.end:b.start]) and b.start - a.end <= 3):
            end = close.end()
            out.append(ActorSpan(a.start, end, text[a.start:end], b.actor_id, a.prep, b.data))
            i += 2
            continue
        out.append(a)
        i += 1
    return out


# "غزة - الأناضول:", "الخرطوم – سونا:": the dateline names where the report was filed; a city
# there is no actor (a capital stands for its government elsewhere: "أعلنت دمشق").
_DATELINE = re.compile(r"(?m)^[ \t]*([^\n:،,\-–—]{2,30}?)[ \t]*[-–—][ \t]*[^\n:]{2,40}:")


def _in_dateline(text: str, a: ActorSpan) -> bool:
    if a.kind == "media":
        return False
    starts = _line_starts(text)
    # Only a dateline opening the actor's own line can hold it: one on a later line starts after it.
    m = _DATELINE.match(text, starts[bisect_right(starts, a.start) - 1], a.end + 60)
    return m is not None and m.start(1) <= a.start and a.end <= m.end(1)


@functools.lru_cache(maxsize=8)
def _line_starts(text: str) -> list[int]:
    """The offsets where the lines of `text` start, once per text (not a search back per actor)."""
    return [0] + [m.end() for m in re.finditer("\n", text)]


# A crowd of a nationality is civilians: "آلاف الأردنيين", "مئات الفلسطينيين", "عشرات من المغاربة".
CROWD_WORDS = frozenset(key(w) for w in ("مئات", "آلاف", "عشرات", "المئات", "الآلاف", "العشرات", "حشود",
                                         "ومئات", "وآلاف", "وعشرات", "ألوف"))
BROKEN_PLURALS = {key(w): c for w, c in (("المغاربة", "MA"), ("مغاربة", "MA"))}
_WORD_RE = re.compile(r"[\w\u064b-\u0652]+")


def _crowds(text: str, norm: Normalized, known: list[ActorSpan], nationalities: Nationalities,
            entry: Any) -> list[ActorSpan]:
    # A word's key is a piece of the normalised text: most articles name no crowd at all.
    if not any(w in norm.text for w in CROWD_WORDS):
        return []
    out: list[ActorSpan] = []
    index = SpanIndex(known)
    words = list(_WORD_RE.finditer(text))
    crowd_at = [i for i, w in enumerate(_WORD_RE.findall(text)) if key(w) in CROWD_WORDS]
    for i in crowd_at:
        w = words[i]
        j = i + 1
        if j < len(words) and key(words[j].group()) == "من":
            j += 1
        if j >= len(words):
            continue
        nat = key(words[j].group())
        if not (nationalities.country_of(nat) or nat in BROKEN_PLURALS) or not nat.startswith("ال"):
            continue
        s, e = w.start(), words[j].end()
        if any(a.start < e and s < a.end for a in index.meeting(s, e)):
            continue
        out.append(ActorSpan(s, e, text[s:e], entry.id, governing_prep(text, s, ""), entry))
    return out


# Bare heads that stand for one actor ("الحزب" for Hezbollah, "الهيئة" for HTS) unless a
# qualifier follows and names another body: "الحزب الشيوعي العراقي", "الهيئة العامة للإغاثة".
WEAK_HEADS = frozenset({"الحزب", "الهيئه", "الحركه", "الجماعه"})


def _another_body(norm: Normalized, m: Match[Any]) -> bool:
    if m.key not in WEAK_HEADS:
        return False
    rest = norm.text[m.norm_end:m.norm_end + 30]
    words = rest.split()
    return bool(rest[:1].isspace() and words and words[0].startswith("ال"))


def _adjective_after(norm: Normalized, nend: int, nationalities: Nationalities) -> str | None:
    """The country of a nationality adjective as the word after normalised offset `nend`."""
    rest = norm.text[nend:nend + 40]
    words = rest.split()
    if rest[:1] and not rest[0].isspace():
        words = words[1:]  # the match ended inside a word (a suffix follows): skip its end
    return nationalities.country_of(words[0]) if words else None


# "بلاده" / "دولتها" / "بلادنا": the speaker's own country, named a little before
# ("مصدر بوزارة الدفاع التركية قال إن بلاده ستزود ..." -> Turkey).
_OWN_COUNTRY = re.compile(r"(?<!\w)[وفبل]?(?:بلاد|دولت)(?:ه|ها|هم|نا)(?!\w)")
OWN_COUNTRY_REACH = 200  # normalised characters searched back for the country


def own_country_pronouns(norm: Normalized, spans: list[ActorSpan], nationalities: Nationalities) -> list[ActorSpan]:
    """Spans for "his/her/our country" resolved to the nearest country named before it."""
    out: list[ActorSpan] = []
    text = norm.original
    index = SpanIndex(spans)
    for m in _OWN_COUNTRY.finditer(norm.text):
        start, end = norm.span(m.start(), m.end())
        code = _country_before(norm, m.start(), start, index, nationalities)
        state = nationalities.state(code) if code else None
        if state is None or any(a.start <= start < a.end for a in index.meeting(start, start)):
            continue
        out.append(ActorSpan(start, end, text[start:end], state.id, governing_prep(text, start, ""), state))
    return out


def _country_before(norm: Normalized, nstart: int, start: int, spans: SpanIndex[ActorSpan],
                    nationalities: Nationalities) -> str | None:
    """The country of the nearest actor or nationality adjective before normalised offset `nstart`."""
    lo = max(0, nstart - OWN_COUNTRY_REACH)
    best: tuple[int, str] | None = None
    for w in re.finditer(r"\w+", norm.text[lo:nstart]):
        code = nationalities.country_of(key(w.group()))
        if code:
            best = (norm.index[lo + w.start()], code)
    for a in spans.meeting(start - OWN_COUNTRY_REACH, start):
        country = getattr(a.data, "country", None)
        if (country and a.kind not in ("media", "person", "company") and a.end <= start
                and start - a.end <= OWN_COUNTRY_REACH and (best is None or a.start > best[0])):
            best = (a.start, country)
    return best[1] if best else None


def write_actor_mentions(doc: Document, spans: list[ActorSpan]) -> None:
    for a in spans:
        doc.mentions.append(Mention("actor", a.start, a.end, a.text, a.actor_id, a.data))


def _new_groups(text: str, norm: Normalized, known: list[ActorSpan]) -> list[ActorSpan]:
    found: dict[str, NewGroup] = {}
    index = SpanIndex(known)
    named = [(m, True) for m in _NAMING.finditer(norm.text)] + [(m, False) for m in _QUOTED_GROUP.finditer(norm.text)]
    for m, needs_group_word in named:
        name_norm = m.group(1).strip()
        if needs_group_word and not _GROUP_WORD.search(norm.text, max(0, m.start() - GROUP_WORD_REACH), m.start()):
            continue
        s, e = norm.span(m.start(1), m.start(1) + len(name_norm))
        if any(a.start <= s < a.end for a in index.meeting(s, s)):
            continue  # the dictionary already knows it
        k = key(text[s:e])
        if len(k) < 3 or k in found:
            continue
        found[k] = NewGroup(id="new:" + k.replace(" ", "_"), name_ar=text[s:e])
    spans: list[ActorSpan] = []
    for k, group in found.items():
        start = 0
        while True:
            i = norm.text.find(k, start)
            if i < 0:
                break
            start = i + len(k)
            before_ok = i == 0 or not norm.text[i - 1].isalnum() or norm.text[i - 1] in "وبلف"
            after_ok = start >= len(norm.text) or not norm.text[start].isalnum()
            if not (before_ok and after_ok):
                continue
            s, e = norm.span(i, start)
            clitic = norm.text[i - 1] if i and norm.text[i - 1] in "وبلف" else ""
            spans.append(ActorSpan(s, e, text[s:e], group.id, governing_prep(text, s, clitic), group))
    return spans
