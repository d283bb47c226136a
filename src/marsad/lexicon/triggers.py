"""Event trigger lexicon: loads triggers.yaml, expands verb and noun forms, finds triggers in text."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from typing import Any

from marsad.errors import LexiconError
from marsad.lexicon.matcher import NOUN_PREFIXES, VERB_PREFIXES, Match, Matcher
from marsad.text.normalize import Normalized, key
from marsad.yamldata import load_yaml

# Person prefixes of the Arabic imperfect: he/she-you/we/I (أ folds to ا).
IMPERFECT_PREFIXES = ("ي", "ت", "ن", "ا")

_PRONOUNS = ("", "ه", "ها", "هم", "هما", "هن", "ني", "نا", "كم")
# Verb endings: subject suffixes of the perfect and imperfect, each with an object pronoun
# (انسحبت، انسحبوا، ينسحبون، أخلوها، سلّمتها). "جنود" is not "جنّد" + "ود".
VERB_SUFFIXES = frozenset(
    subj + obj
    for subj in ("", "ت", "وا", "و", "ن", "نا", "تا", "تم", "تن", "ون", "ان", "ين", "تما", "ا")
    for obj in _PRONOUNS
)
# Noun endings: tanween alef, plurals and duals, ta marbuta's ت before a pronoun, pronouns.
NOUN_SUFFIXES = frozenset(
    base + obj
    for base in ("", "ا", "ات", "ين", "ان", "ي", "ت", "تي", "تا", "ه")
    for obj in _PRONOUNS
)

EVENT_TYPES = (
    "WITHDRAW", "HANDOVER", "ESTABLISH_BASE", "DEPLOY", "TRAIN", "FORM_GROUP", "RECRUIT",
    "ARMS_TRANSFER", "AGREEMENT", "CLASH", "CAPTURE", "AIRSTRIKE", "SHELLING", "EXPLOSION",
    "ATTACK", "ABDUCTION", "ARREST", "PROTEST",
)


@dataclass(frozen=True, slots=True)
class TriggerGroup:
    """One group of trigger forms for an event type, with the conditions that license it."""

    event_type: str
    index: int
    strength: float
    needs: frozenset[str]
    needs_before: frozenset[str]
    unless: frozenset[str]
    unless_before: frozenset[str]
    receive: bool
    window: int | None
    suffix_not: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class TriggerForm:
    """A surface form of a trigger group: `pos` is verb or noun; `generated` marks expanded forms."""

    group: TriggerGroup
    form: str
    pos: str
    generated: bool


class TriggerLexicon:
    """The trigger groups of every event type and one matcher over all their forms."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.version = str(data.get("version", "custom"))
        events = data.get("events")
        if not isinstance(events, dict):
            raise LexiconError("trigger lexicon has no 'events' mapping; see lexicon/triggers.yaml")
        self.groups: list[TriggerGroup] = []
        forms: list[TriggerForm] = []
        for event_type, groups in events.items():
            if event_type not in EVENT_TYPES:
                raise LexiconError(f"unknown event type {event_type!r} in trigger lexicon")
            for i, spec in enumerate(groups):
                group = TriggerGroup(
                    event_type=event_type,
                    index=i,
                    strength=float(spec.get("strength", 0.6)),
                    needs=_keys(spec.get("needs", ())),
                    needs_before=_keys(spec.get("needs_before", ())),
                    unless=_keys(spec.get("unless", ())),
                    unless_before=_keys(spec.get("unless_before", ())),
                    receive=bool(spec.get("receive", False)),
                    window=spec.get("window"),
                    suffix_not=tuple(spec.get("suffix_not", ())),
                )
                self.groups.append(group)
                forms.extend(_expand(group, spec))
        self.forms = forms
        verbs = [(f.form, f) for f in forms if f.pos == "verb"]
        nouns = [(f.form, f) for f in forms if f.pos == "noun"]
        self._verbs: Matcher[TriggerForm] = Matcher(verbs, suffixes=VERB_SUFFIXES, prefixes=VERB_PREFIXES)
        self._nouns: Matcher[TriggerForm] = Matcher(nouns, suffixes=NOUN_SUFFIXES, prefixes=NOUN_PREFIXES)

    @classmethod
    @functools.cache
    def default(cls) -> TriggerLexicon:
        text = resources.files("marsad.lexicon").joinpath("triggers.yaml").read_text("utf-8")
        return cls(load_yaml(text))

    def find(self, norm: Normalized) -> list[Match[TriggerForm]]:
        """Trigger hits in text order; verb and noun readings of one span are both kept."""
        hits = self._verbs.find(norm) + self._nouns.find(norm)
        hits.sort(key=lambda m: (m.start, -m.end))
        return _drop_nested(hits)


def _keys(words: Iterable[str]) -> frozenset[str]:
    return frozenset(k for k in (key(w) for w in words) if k)


def _expand(group: TriggerGroup, spec: dict[str, Any]) -> list[TriggerForm]:
    out: list[TriggerForm] = []
    for past in spec.get("past", ()):
        out.append(TriggerForm(group, past, "verb", False))
    for stem in spec.get("present", ()):
        for p in IMPERFECT_PREFIXES:
            out.append(TriggerForm(group, p + stem, "verb", True))
    for noun in spec.get("nouns", ()):
        out.append(TriggerForm(group, noun, "noun", False))
        if not key(noun).startswith("ال"):
            out.append(TriggerForm(group, "ال" + noun, "noun", True))
    for phrase in spec.get("phrases", ()):
        out.append(TriggerForm(group, phrase, "noun", False))
    return out


def _drop_nested(hits: Sequence[Match[TriggerForm]]) -> list[Match[TriggerForm]]:
    """Drop a hit that lies strictly inside a longer hit (the phrase beats its head word).

    `hits` are sorted by (start, -end)."""
    kept: list[Match[TriggerForm]] = []
    for h in hits:
        if any(k.start <= h.start and h.end <= k.end and (k.end - k.start) > (h.end - h.start)
               for k in kept[-6:]):
            continue
        # Hits come sorted by start (see find): only the kept tail starting at h.start can lie inside h.
        tail = len(kept)
        while tail and kept[tail - 1].start >= h.start:
            tail -= 1
        kept[tail:] = [k for k in kept[tail:] if not (h.start <= k.start and k.end <= h.end
                                                      and (h.end - h.start) > (k.end - k.start))]
        kept.append(h)
    return kept
