"""Forces named by a noun and an adjective of nationality or allegiance: "جنود إسرائيليون",
"مقاتلات تركية", "المدفعية الإسرائيلية", "مسلحون حوثيون", "طائرات مسيرة تابعة للحوثيين".

The actor dictionary lists the fixed names of armed forces; wire copy as often names a force by
a common noun (soldiers, jets, drones, artillery, gunmen) qualified by an adjective. The noun
and its adjective together are one actor mention: the state's armed forces for a nationality
adjective, the group itself for the nisba of a group (حوثي).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from marsad.extraction.frames import ActorSpan, governing_prep
from marsad.lexicon.nationalities import (
    MANNER,
    adjective_forms,
    adjective_table,
    inflections,
)
from marsad.text.normalize import key, normalize

if TYPE_CHECKING:
    from marsad.lexicon.actors import ActorDictionary

# Nouns for a body of fighters or the machines a force fights with. Weapons (صواريخ، قذائف)
# are left out: "صواريخ إيرانية" names where they were made, not who fired them.
FORCE_HEADS = frozenset(key(w) for w in (
    "قوات", "قوة", "جنود", "جندي", "جنديان", "جنديين", "الجنود", "عناصر", "عنصر", "عنصران", "عنصرين",
    "مقاتلين", "مقاتلون", "مقاتلو", "مقاتلي", "مسلحون", "مسلحين", "مسلح", "مسلحان", "مسلحو", "ضباط",
    "ضابط", "عسكريون", "عسكريين", "وحدات", "وحدة", "دوريات", "دورية", "دبابات", "دبابة", "آليات",
    "مدرعات", "مدرعة", "زوارق", "زورق", "بوارج", "بارجة", "مدمرة", "فرقاطة",
    "طائرات", "طائرة", "طيران", "مقاتلات", "مقاتلة", "مسيرة", "مسيرات", "مروحيات", "مروحية", "المدفعية",
    "مدفعية", "البحرية", "بحرية", "قناصة", "قناص", "قوات خاصة", "حرس", "كوماندوز",
))
# Words that may stand between the noun and its adjective besides MANNER ("طائرة استطلاع إسرائيلية").
EXTRA_MANNER = frozenset(key(w) for w in (
    "استطلاع", "حربية", "حربي", "حربيه", "الحربية", "مسيرة", "مسيره", "مسيرات", "انتحارية", "بدون",
    "طيار", "مسلحة", "مسلحين", "خاصة", "خاصه", "نظامية",
))
# Adjectives (nisba) of armed groups, by actor id. The loader adds the same inflections as for
# nationality adjectives.
GROUP_ADJECTIVES: dict[str, tuple[str, ...]] = {
    "YEM_HOUTHIS": ("حوثي",),
}
_WORD = re.compile(r"[\w\u064b-\u0652\u0640]+")
# Proclitics a force noun may carry, longest first ("وبالطائرات" -> و + ب + ال).
_CLITICS = sorted({c + p + a for c in ("", "و", "ف") for p in ("", "ب", "ل") for a in ("", "ال")} | {"لل", "ولل", "فلل"},
                  key=len, reverse=True)
# Every clitic + force noun, mapped to its clitic: one dict lookup per word of the text instead of
# a startswith per clitic. setdefault keeps the first clitic in _CLITICS order, the longest.
_FORCE_FORMS: dict[str, str] = {}
for _c in _CLITICS:
    for _head in FORCE_HEADS:
        _FORCE_FORMS.setdefault(_c + _head, _c)


# Soldiers are a state's: with them even an adjective that names no side elsewhere ("عراقي",
# "سوداني", left out of the nationality table) names the state's army ("مقتل جنديين عراقيين").
SOLDIER_HEADS = frozenset(key(w) for w in (
    "جنود", "جندي", "جنديان", "جنديين", "الجنود", "ضباط", "ضابط", "ضابطان", "ضابطين", "عسكريون", "عسكريين",
    "عسكريان", "عسكريين"))


class ForceMentions:
    """Find noun + adjective mentions of forces that the dictionary does not list."""

    def __init__(self, actors: ActorDictionary,
                 nationality_after: Callable[[str, int, str], tuple[Any, int, int] | None]) -> None:
        self._after = nationality_after
        # the army of each speaker-only adjective: what "الجيش" + the adjective names
        # ("الجيش العراقي", "الجيش السوداني"); Syria's is left out (which army depends on the date)
        speaker_only = adjective_table("speaker_only")
        self._speaker_forms = adjective_forms(speaker_only)
        self._army: dict[str, Any] = {}
        for code, adjectives in speaker_only.items():
            if code == "SY":
                continue
            phrase = normalize("الجيش ال" + adjectives[0].lstrip("ال"))
            hits = [m for m in actors.matcher().find(phrase) if m.end - m.start == len(phrase.original)]
            entry = actors.resolve(hits[0].payloads, None, prefer_country=code) if hits else None
            if entry is not None and entry.kind == "state_military":
                self._army[code] = entry
        self._groups: dict[str, Any] = {}
        for actor_id, adjectives in GROUP_ADJECTIVES.items():
            if actor_id not in actors:
                continue
            entry = actors.get(actor_id)
            for adj in adjectives:
                for f in inflections(adj):
                    self._groups[f] = entry

    def group_after(self, text: str, end: int) -> tuple[Any, int, int] | None:
        """A group nisba right after `end`, past manner adjectives: "قصف مدفعي حوثي"."""
        pos = end
        for _ in range(3):
            m = _WORD.match(text, _skip_space(text, pos))
            if m is None:
                return None
            w = key(m.group())
            if w in self._groups:
                return self._groups[w], m.start(), m.end()
            if w not in MANNER and w not in EXTRA_MANNER:
                return None
            pos = m.end()
        return None

    def _soldiers_of(self, text: str, end: int) -> tuple[Any, int, int] | None:
        """The army of a speaker-only adjective right after a soldier noun: "جنديين عراقيين"."""
        m = _WORD.match(text, _skip_space(text, end))
        if m is None:
            return None
        code = self._speaker_forms.get(key(m.group()))
        army = self._army.get(code) if code else None
        return (army, m.start(), m.end()) if army is not None else None

    def find(self, text: str, known: list[ActorSpan]) -> tuple[list[ActorSpan], list[ActorSpan]]:
        """New spans, and the known spans they swallow (a generic "مسلحون" inside "مسلحون حوثيون")."""
        new: list[ActorSpan] = []
        swallowed: list[ActorSpan] = []
        known = sorted(known, key=lambda a: a.start)
        starts = [a.start for a in known]
        longest = max((a.end - a.start for a in known), default=0)  # a span starting before start - longest ends by start
        for m in _WORD.finditer(text):
            word = key(m.group())
            clitic = _FORCE_FORMS.get(word)
            if clitic is None:
                continue
            pos = m.end()
            for _ in range(2):  # "الطيران الحربي اليمني", "طائرة استطلاع إسرائيلية"
                nxt = _WORD.match(text, _skip_space(text, pos))
                if nxt is None or key(nxt.group()) not in EXTRA_MANNER:
                    break
                pos = nxt.end()
            found = self._after(text, pos, "CLASH") or self.group_after(text, m.end())
            if found is None and word[len(clitic):] in SOLDIER_HEADS:
                found = self._soldiers_of(text, m.end())
            if found is None:
                continue
            entry, _s, e = found
            if re.match(r"\s*(?:ال)?صنع", text[e:e + 8]):
                continue  # "مسيرة إيرانية الصنع": where it was made
            pre = clitic[:-2] if clitic.endswith("ال") else clitic  # the article stays in the name
            start = _offset(m.group(), len(pre)) + m.start()
            near = known[bisect_left(starts, start - longest):bisect_left(starts, e)]  # all that may overlap
            inside = [a for a in near if start <= a.start and a.end <= e]
            if any(a.start < e and start < a.end for a in near if not (start <= a.start and a.end <= e)):
                continue  # a dictionary name overlaps it: the dictionary wins
            if any(a.start == start and a.end == e for a in inside):
                continue
            new.append(ActorSpan(start, e, text[start:e], entry.id, governing_prep(text, start, pre), entry))
            swallowed.extend(inside)
        return new, swallowed


def _offset(word: str, letters: int) -> int:
    """The index in `word` after its first `letters` letters (diacritics and tatweel skipped)."""
    i = n = 0
    while i < len(word) and n < letters:
        if not ("\u064b" <= word[i] <= "\u0652" or word[i] == "\u0640"):
            n += 1
        i += 1
    return i


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] == " ":
        pos += 1
    return pos
