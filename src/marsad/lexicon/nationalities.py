"""Nationality adjectives that name the acting state in "غارة إسرائيلية", "قصف تركي", "دعم إيراني"."""

from __future__ import annotations

import functools
from collections.abc import Mapping
from importlib import resources
from types import MappingProxyType

from marsad.lexicon.actors import ActorDictionary, ActorEntry
from marsad.text.normalize import key
from marsad.yamldata import load_yaml

# Event types whose nationality adjective means the state's armed forces, not the state.
MILITARY_TYPES = frozenset({"AIRSTRIKE", "SHELLING", "CLASH", "ATTACK", "CAPTURE", "DEPLOY",
                            "WITHDRAW", "HANDOVER", "ESTABLISH_BASE", "ARREST", "EXPLOSION"})
# Adjectives of manner that may stand between the event noun and the nationality:
# "قصف مدفعي تركي", "غارات جوية روسية", "دعم عسكري إيراني".
MANNER = frozenset(key(w) for w in (
    "عسكري", "عسكرية", "جوي", "جوية", "مدفعي", "مدفعية", "صاروخي", "صاروخية", "بري", "برية",
    "بحري", "بحرية", "مكثف", "مكثفة", "عنيف", "عنيفة", "جديد", "جديدة", "مباشر", "مباشرة",
    "متواصل", "متواصلة", "مسير", "مسيرة", "محتمل", "محتملة", "واسع", "واسعة",
))


class Nationalities:
    """Map a nationality adjective to the state (or its armed forces) in an actor dictionary."""

    def __init__(self, table: dict[str, list[str]], actors: ActorDictionary,
                 speaker_only: dict[str, list[str]] | None = None) -> None:
        self._forms = adjective_forms(table)
        self._speaker_forms = self._forms | adjective_forms(speaker_only or {})
        states = {e.country: e for e in actors if e.kind == "state"}
        self._state: dict[str, ActorEntry] = {c: states[c] for c in (*table, *(speaker_only or {})) if c in states}
        self._military: dict[str, ActorEntry] = {}
        for code, state in self._state.items():
            forces = [e for e in actors if e.kind == "state_military" and e.parent == state.id]
            if forces:
                self._military[code] = forces[0]

    @classmethod
    def default(cls, actors: ActorDictionary) -> Nationalities:
        return cls(adjective_table(), actors, adjective_table("speaker_only"))

    def country_of(self, word: str) -> str | None:
        """The country code of a nationality adjective in key() form ("التركيه" -> "TR"),
        speaker-only adjectives included ("العراقي" -> "IQ")."""
        return self._speaker_forms.get(word)

    def state(self, code: str) -> ActorEntry | None:
        """The state actor of a country code."""
        return self._state.get(code)

    def after(self, text: str, end: int, event_type: str) -> tuple[ActorEntry, int, int] | None:
        """The state named by a nationality adjective right after an event noun ending at `end`.

        Returns (actor, start, end) of the adjective, or None.
        """
        pos = end
        for _ in range(3):
            while pos < len(text) and text[pos] == " ":
                pos += 1
            stop = pos
            while stop < len(text) and (text[stop].isalnum() or "\u064b" <= text[stop] <= "\u0652"):
                stop += 1
            if stop == pos:
                return None
            word = key(text[pos:stop])
            code = self._forms.get(word)
            if code is not None:
                entry = (self._military.get(code) if event_type in MILITARY_TYPES else None) or self._state.get(code)
                return (entry, pos, stop) if entry is not None else None
            if word not in MANNER:
                return None
            pos = stop
        return None


@functools.cache
def adjective_countries() -> Mapping[str, str]:
    """Every inflected form of every packaged nationality adjective, speaker-only ones
    included ("الليبية" -> "LY"), in key() form; built once."""
    return MappingProxyType(adjective_forms(adjective_table()) | adjective_forms(adjective_table("speaker_only")))


def inflections(adjective: str) -> set[str]:
    """A nisba adjective's forms in key() form, with and without the article: masculine and
    feminine, plural and dual (مصري، مصرية، مصريون، مصريين، مصريان، مصريتان)."""
    base = key(adjective)
    forms = {base, base + "ه", base + "ون", base + "ين", base + "ان", base + "تان", base + "تين"}
    return forms | {"ال" + f for f in forms}


def adjective_forms(table: dict[str, list[str]]) -> dict[str, str]:
    """Every inflected form of each adjective -> its country."""
    return {form: code for code, adjectives in table.items() for adj in adjectives for form in inflections(adj)}


@functools.cache
def adjective_table(section: str = "nationalities") -> dict[str, list[str]]:
    """The adjectives of nationalities.yaml by country code: `nationalities`, or `speaker_only`."""
    text = resources.files("marsad.lexicon").joinpath("nationalities.yaml").read_text("utf-8")
    return {str(k): list(v) for k, v in (load_yaml(text).get(section) or {}).items()}
