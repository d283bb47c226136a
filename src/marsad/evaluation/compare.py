"""The evaluator's own string, type, place and date comparisons, as ANNOTATION.md defines them."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import cache, lru_cache
from typing import Any

from marsad.geo import haversine_km

# This normalisation is the scorer's definition ("How output is scored against the gold"
# in shared/dev/ANNOTATION.md). It is kept apart from marsad.text.normalize on purpose: a
# change to how marsad matches text must not change how marsad is scored.

# Harakat, Quranic annotation marks and superscript alef; tatweel.
_DIACRITICS = "".join(chr(c) for c in range(0x064B, 0x0660)) + "\u0670" + "".join(
    chr(c) for c in range(0x06D6, 0x06EE) if c not in (0x06E5, 0x06E6)
)
_TATWEEL = "\u0640"
# Apostrophes join a word ("Iran's" -> "irans"); other punctuation separates words
# ("pro-Iranian" -> "pro iranian"), so that a hyphenated name still matches word by word.
_APOSTROPHES = "'\u2019\u2018\u02bc\u02bb`\u00b4"
_ALEFS = "أإآٱٲٳ"

_PUNCT = re.compile(r"[^\w\s]|_")  # \w keeps Arabic letters and digits
_ARTICLE = "ال"
ARTICLE_MIN_LETTERS = 5  # "a leading ال is ignored on words longer than four letters"
CONTAINMENT_MIN_CHARS = 4  # "the shorter (at least four characters) appears as whole words"
DEFAULT_RADIUS_KM = 30.0  # ANNOTATION.md: a gold location without radius_km gets 30 km

# Types that count as the same event for matching (ANNOTATION.md).
TYPE_FAMILIES: tuple[frozenset[str], ...] = (
    frozenset({"WITHDRAW", "HANDOVER"}),
    frozenset({"AIRSTRIKE", "SHELLING"}),
    frozenset({"ESTABLISH_BASE", "DEPLOY"}),
)


@cache
def _table() -> dict[int, str | None]:
    table: dict[int, str | None] = {ord(c): None for c in _DIACRITICS + _TATWEEL + _APOSTROPHES}
    table.update({ord(c): "ا" for c in _ALEFS})
    table[ord("ى")] = "ي"
    table[ord("ة")] = "ه"
    return table


@lru_cache(maxsize=1 << 16)
def norm(text: str) -> str:
    """The scorer's normal form: folded, lowercased, no punctuation, no leading ال on long words."""
    folded = _PUNCT.sub(" ", text.translate(_table()).lower())
    words = [
        w[2:] if w.startswith(_ARTICLE) and len(w) >= ARTICLE_MIN_LETTERS else w
        for w in folded.split()
    ]
    return " ".join(words)


def strings_match(a: str, b: str) -> bool:
    """True when `a` and `b` are equal after `norm`, or the shorter (>= 4 chars) is whole words of the longer."""
    na, nb = norm(a), norm(b)
    if not na or not nb:
        return False
    if na == nb:
        return True
    short, long_ = (na, nb) if len(na) <= len(nb) else (nb, na)
    if len(short) < CONTAINMENT_MIN_CHARS:
        return False
    return f" {short} " in f" {long_} "


def any_match(candidates: Iterable[str], targets: Iterable[str]) -> bool:
    """True when some candidate string matches some target string."""
    targets = [t for t in targets if t]
    return any(strings_match(c, t) for c in candidates if c for t in targets)


def types_match(pred_type: str, gold_type: str, alt_types: Iterable[str] = ()) -> bool:
    """The predicted type is the gold type, one of its alternatives, or in the same family."""
    if pred_type == gold_type or pred_type in alt_types:
        return True
    return any(pred_type in fam and gold_type in fam for fam in TYPE_FAMILIES)


def actor_strings(actor: Mapping[str, Any] | None) -> list[str]:
    """The strings a predicted actor is matched by: name, name_ar, text and id."""
    if not actor:
        return []
    return [s for s in (actor.get(k) for k in ("name", "name_ar", "text", "id")) if isinstance(s, str) and s]


def place_strings(place: Mapping[str, Any] | None) -> list[str]:
    """The strings a predicted place is matched by: text, name and name_ar."""
    if not place:
        return []
    return [s for s in (place.get(k) for k in ("text", "name", "name_ar")) if isinstance(s, str) and s]


def within_radius(place: Mapping[str, Any], lat: float, lon: float, radius_km: float) -> bool:
    """True when a predicted place has coordinates within `radius_km` of (lat, lon)."""
    plat, plon = place.get("lat"), place.get("lon")
    if not isinstance(plat, (int, float)) or not isinstance(plon, (int, float)):
        return False
    return haversine_km(float(plat), float(plon), lat, lon) <= radius_km


def location_matches(pred_loc: Mapping[str, Any] | None, gold_loc: Mapping[str, Any] | None) -> bool:
    """The predicted event location satisfies the gold location.

    A null gold location (the article gives no place at all) constrains nothing: any
    predicted location, or none, is accepted. A `country_only` gold location needs the
    predicted location's `country` code to be the same (case-insensitive). Otherwise the
    predicted location must lie within the gold `radius_km` (30 when absent).
    """
    if gold_loc is None:
        return True
    if pred_loc is None:
        return False
    if "country_only" in gold_loc:
        country = pred_loc.get("country")
        return isinstance(country, str) and country.upper() == str(gold_loc["country_only"]).upper()
    radius = gold_loc.get("radius_km")
    radius_km = float(radius) if isinstance(radius, (int, float)) else DEFAULT_RADIUS_KM
    return within_radius(pred_loc, float(gold_loc["lat"]), float(gold_loc["lon"]), radius_km)


def date_matches(pred_date: Mapping[str, Any] | None, gold_date: str) -> bool:
    """The predicted event date agrees with a gold date.

    A day gold date ("2022-04-14") needs `start` equal to it, or the [start, end] range
    to contain it. A coarser gold date ("2022-04", "2022") needs `start`, and `end` when
    given, to fall in that same month (or year).
    """
    if not pred_date:
        return False
    start, end = pred_date.get("start"), pred_date.get("end")
    if not isinstance(start, str) or not start:
        return False
    end = end if isinstance(end, str) and end else None
    if len(gold_date) >= 10:
        if start == gold_date:
            return True
        return end is not None and start <= gold_date <= end
    if not start.startswith(gold_date):
        return False
    return end is None or end.startswith(gold_date)
