"""Counted things in event text: forces, equipment, and casualties (killed and wounded kept apart)."""

from __future__ import annotations

import functools
import logging
import re
from dataclasses import dataclass
from importlib import resources

from marsad.text.numbers import (
    Folded,
    find_numbers_folded,
    fold_plain,
    fold_text,
    is_percent,
    trie_alternation,
    with_clitics,
)

logger = logging.getLogger(__name__)

QuantityKind = str  # "force" | "equipment" | "killed" | "wounded" | "other"

_UNIT_FILE = "units.tsv"
_BEFORE_WINDOW = 60  # characters before a number searched for a casualty noun (مقتل ما لا يقل عن 5)
_AFTER_WINDOW = 40  # characters after a unit searched for قتلى / جرحى / بجروح

_HEDGE = (r"(?:نحو|حوالي|حوالى|قرابه|زهاء|ما\s+يقارب|ما\s+يقرب\s+من|اكثر\s+من|ما\s+يزيد\s+(?:عن|علي)|"
          r"ما\s+لا\s+يقل\s+عن|لا\s+يقل\s+عن|ازيد\s+من|اقل\s+من)")
_KILL = ("مقتل", "قتل", "مصرع", "استشهاد", "اعدام", "تصفيه", "لقي", "قضي")
_WOUND = ("اصابه", "اصيب", "اصيبت", "اصيبوا", "جرح", "جرحت", "اصابات")
_CASUALTY_BEFORE = re.compile(
    r"(?<!\w)[وف]?(?P<a>" + "|".join(_KILL + _WOUND) + r")"
    r"(?:\s+(?:و\s*)?(?P<b>" + "|".join(_KILL + _WOUND) + r"))?"
    r"\s+(?:" + _HEDGE + r"\s+)?(?:[وبل])?$"
)
_CASUALTY_AFTER = re.compile(r"\s+(?:(?P<k>قتلي|قتلوا|لقوا\s+حتفهم|لقوا\s+مصرعهم)|(?P<w>جرحي|مصابين|بجروح|اصيبوا))(?!\w)")


@dataclass(slots=True)
class QuantityMention:
    """A counted thing: `value` `unit` (English), its `kind`, and its span in the original text."""

    start: int
    end: int
    text: str
    value: float
    unit: str
    approximate: bool
    kind: QuantityKind


@dataclass(frozen=True, slots=True)
class _Unit:
    unit: str
    kind: QuantityKind
    dual: bool


@dataclass(frozen=True, slots=True)
class _Units:
    forms: dict[str, _Unit]
    after_number: re.Pattern[str]
    before_article_number: re.Pattern[str]
    dual_alone: re.Pattern[str]
    dual_vocab: frozenset[str]


def _fold_form(s: str) -> str:
    return " ".join(fold_plain(s).split())


@functools.cache
def _units() -> _Units:
    """Load units.tsv and compile the unit patterns (once)."""
    forms: dict[str, _Unit] = {}
    duals: dict[str, _Unit] = {}
    raw = resources.files("marsad.resolve").joinpath(_UNIT_FILE).read_text(encoding="utf-8")
    for line in raw.splitlines():
        if not line.strip() or line.startswith("#") or line.startswith("unit\t"):
            continue
        unit, kind, singular, plural = line.split("\t")
        sing = [_fold_form(x) for x in singular.split(",") if x.strip()]
        plur = [_fold_form(x) for x in plural.split(",") if x.strip()]
        for f in sing + plur:
            forms.setdefault(f, _Unit(unit, kind, False))
        for f in sing:
            head, _, rest = f.partition(" ")
            tail = (" " + rest) if rest else ""
            if head.endswith("ه"):
                acc: list[str] = []
                dual = [head[:-1] + "ت" + s for s in ("ان", "ين", "ا", "ي")]
            else:
                acc = [head + "ا"]
                dual = [head + s for s in ("ان", "ين")]
            for a in acc:
                forms.setdefault(a + tail, _Unit(unit, kind, False))
            if not rest:
                for d in dual:
                    duals.setdefault(d, _Unit(unit, kind, True))
    for d, u in duals.items():
        forms.setdefault(d, u)
    alt = trie_alternation(forms)
    dual_alt = trie_alternation(f for f, u in forms.items() if u.dual)
    return _Units(
        forms,
        re.compile(r"\s*(?:من\s+)?(?:ال|لل)?(?P<u>" + alt + r")(?!\w)"),
        re.compile(r"(?<!\w)(?:[وفبلك]|وب|ول)?(?:ال|لل)?(?P<u>" + alt + r")\s+$"),
        re.compile(r"(?<!\w)(?:[وفبلك]|وب|ول)?(?:ال|لل|بال|وال)?(?P<u>" + dual_alt + r")(?!\w)"),
        with_clitics((f for f, u in forms.items() if u.dual),
                     ("", "و", "ف", "ب", "ل", "ك", "وب", "ول", "ال", "لل", "بال", "وال")),
    )


def _unit_of(units: _Units, form: str) -> _Unit:
    return units.forms[" ".join(form.split())]


def _casualty_before(folded: str, start: int) -> QuantityKind | None:
    m = _CASUALTY_BEFORE.search(folded, max(0, start - _BEFORE_WINDOW), start)
    if not m:
        return None
    a, b = m.group("a"), m.group("b")
    kind_a = "killed" if a in _KILL else "wounded"
    if b is not None and ("killed" if b in _KILL else "wounded") != kind_a:
        return "other"  # مقتل وإصابة 10: killed and wounded together
    return kind_a


def _casualty_after(folded: str, end: int) -> QuantityKind | None:
    m = _CASUALTY_AFTER.match(folded, end, min(len(folded), end + _AFTER_WINDOW))
    if not m:
        return None
    return "killed" if m.group("k") else "wounded"


def find_quantities(text: str) -> list[QuantityMention]:
    """Counted things in `text`: "800 مقاتل", "ألفي جندي", "نحو 50 عنصراً", "مقتل 5 عناصر", "12 قتيلاً".

    A number followed by a unit noun (with من and the article allowed between: "200 من
    عناصر") gives the unit; a dual noun alone ("طائرتي شحن") counts 2. A number after مقتل،
    مصرع، استشهاد (killed) or إصابة، أصيب، جرح (wounded) with no unit counts people. The
    kind is the unit's (force, equipment, other), or killed / wounded when the count is a
    casualty toll.
    """
    return _find(fold_text(text))


def _find(f: Folded) -> list[QuantityMention]:
    units = _units()
    folded = f.text
    out: list[QuantityMention] = []
    taken: list[tuple[int, int]] = []
    for s, e, value, approx in find_numbers_folded(f):
        if is_percent(folded, e):
            continue
        unit: _Unit | None = None
        q_start, q_end = s, e
        m = units.after_number.match(folded, e)
        if m:
            unit = _unit_of(units, m.group("u"))
            q_end = m.end("u")
        elif folded[max(0, s - 2) : s] == "ال":  # الشاحنات الـ22: the unit stands before
            mb = units.before_article_number.search(folded, max(0, s - 2 - _BEFORE_WINDOW), s - 2)
            if mb:
                unit = _unit_of(units, mb.group("u"))
                q_start = mb.start("u")
        kind = _casualty_before(folded, s)
        if kind is None:
            kind = _casualty_after(folded, q_end)
        if unit is None and kind is None:
            continue
        unit_name = unit.unit if unit else "people"
        if kind is None:
            kind = unit.kind if unit else "other"
        elif unit is not None and unit.kind in ("killed", "wounded") and kind != "other":
            kind = unit.kind
        o_start, o_end = f.orig(q_start), f.orig_end(q_end)
        out.append(QuantityMention(o_start, o_end, f.original[o_start:o_end], value, unit_name, approx, kind))
        taken.append((q_start, q_end))
    for i in f.starts_of(units.dual_vocab):
        m = units.dual_alone.match(folded, i)
        if m is None:
            continue
        s, e = m.start("u"), m.end("u")
        if any(ts <= s < te for ts, te in taken):
            continue
        u = _unit_of(units, m.group("u"))
        kind = _casualty_before(folded, m.start()) or _casualty_after(folded, e) or u.kind
        o_start, o_end = f.orig(s), f.orig_end(e)
        out.append(QuantityMention(o_start, o_end, f.original[o_start:o_end], 2.0, u.unit, False, kind))
    out.sort(key=lambda q: q.start)
    return out
