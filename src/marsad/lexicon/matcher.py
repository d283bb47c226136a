"""Clitic-aware dictionary matching over normalised Arabic text with one Aho-Corasick automaton."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Generic, TypeVar

import ahocorasick

from marsad.text.normalize import Normalized, key

T = TypeVar("T")

# Proclitics that can stand before a word: a conjunction, then a preposition, then the
# article. "لل" is ل + ال with the alef elided (للقوات). The future particle س and the
# emphatic/jussive ل come before verbs only.
_CONJ = ("", "و", "ف")
_PREP = ("", "ب", "ل", "ك")
NOUN_PREFIXES = frozenset(c + p for c in _CONJ for p in _PREP)
ARTICLE_PREFIXES = frozenset(
    {c + p + "ال" for c in _CONJ for p in ("", "ب", "ك")} | {c + "لل" for c in _CONJ}
)
VERB_PREFIXES = frozenset({c + p for c in _CONJ for p in ("", "س", "ل")})

# Suffixes of nouns that a name can still carry in running text: none by default.
NO_SUFFIX: frozenset[str] = frozenset({""})

_ARTICLE_MIN_WORD = 4  # "ال" + at least two letters: الرقه, but not "الا" or "الي"


def split_article(k: str) -> tuple[bool, str]:
    """('ال' present, the key without it) for a normalised key."""
    first = k.split(" ", 1)[0]
    if first.startswith("ال") and len(first) >= _ARTICLE_MIN_WORD:
        return True, k[2:]
    return False, k


@dataclass(frozen=True, slots=True)
class Match(Generic[T]):
    """A hit: `start`/`end` in the original text (clitics excluded), its payloads and clitics."""

    start: int
    end: int
    text: str
    key: str
    payloads: tuple[T, ...]
    prefix: str
    suffix: str
    norm_start: int
    norm_end: int


@dataclass(frozen=True, slots=True)
class _Entry(Generic[T]):
    key: str
    article: bool
    payloads: tuple[T, ...]
    suffixes: frozenset[str] | None  # None: any suffix of up to MAX_FREE_SUFFIX letters
    prefixes: frozenset[str]
    core_len: int  # length of the indexed core: the key without its article


MAX_FREE_SUFFIX = 4
MAX_PREFIX = 5  # letters looked at before a hit; the longest clitic chain (وبال) has four


class Matcher(Generic[T]):
    """Find dictionary entries in normalised text, allowing Arabic proclitics and suffixes.

    Each entry is an alias string with a payload. A definite alias ("القوات الروسية") is
    indexed without its article and matches after ال, لل, وال, بال...; an indefinite alias
    ("فاغنر") matches bare or after و, ف, ب, ل, ك and their combinations. Overlapping hits
    are resolved longest first.
    """

    def __init__(
        self,
        entries: Iterable[tuple[str, T]],
        *,
        suffixes: frozenset[str] | None = NO_SUFFIX,
        prefixes: frozenset[str] | None = None,
        keep_article: bool = False,
    ) -> None:
        grouped: dict[str, list[T]] = {}
        for alias, payload in entries:
            k = key(alias)
            if k:
                grouped.setdefault(k, []).append(payload)
        self._automaton = ahocorasick.Automaton()
        self._size = 0
        for k, payloads in grouped.items():
            article, core = (False, k) if keep_article else split_article(k)
            if article:
                allowed = ARTICLE_PREFIXES
            else:
                allowed = prefixes if prefixes is not None else NOUN_PREFIXES
            entry = _Entry(k, article, tuple(payloads), suffixes, allowed, len(core))
            existing = self._automaton.get(core, None)
            if existing is None:
                self._automaton.add_word(core, [entry])
            else:
                existing.append(entry)
            self._size += 1
        if self._size:
            self._automaton.make_automaton()

    def __len__(self) -> int:
        return self._size

    def find(self, norm: Normalized, *, overlapping: bool = False) -> list[Match[T]]:
        """All hits in `norm`, non-overlapping (longest first) unless `overlapping`."""
        if not self._size:
            return []
        text = norm.text
        n = len(text)
        found: list[tuple[int, int, int, int, _Entry[T], str, str]] = []
        for end_idx, entries in self._automaton.iter(text):
            end = end_idx + 1
            # Most raw hits of a large dictionary lie inside longer words: a letter after the hit
            # rules out, before any clitic is read, every entry that takes no suffix.
            letter_after = end < n and text[end].isalnum()
            for entry in entries:
                if letter_after and entry.suffixes == NO_SUFFIX:
                    continue
                start = end - entry.core_len
                # Left: walk back over letters to the word start; those letters are clitics.
                # (str.isalnum inline: this loop runs for every raw automaton hit.)
                ws = start
                lo = max(0, start - MAX_PREFIX)
                while ws > lo and text[ws - 1].isalnum():
                    ws -= 1
                prefix = text[ws:start]
                if prefix not in entry.prefixes:
                    continue
                # Right: the rest of the word (looked at up to MAX_FREE_SUFFIX + 1 letters)
                # must be an allowed suffix.
                we = end
                hi = min(n, end + MAX_FREE_SUFFIX + 1)
                while we < hi and text[we].isalnum():
                    we += 1
                suffix = text[end:we]
                if entry.suffixes is None:
                    if len(suffix) > MAX_FREE_SUFFIX:
                        continue
                elif suffix not in entry.suffixes:
                    continue
                found.append((start, end, ws, we, entry, prefix, suffix))
        if not found:
            return []
        if not overlapping:
            found = _longest_first(found)
        out: list[Match[T]] = []
        for start, end, _ws, _we, entry, prefix, suffix in found:
            if entry.article and prefix.endswith("ال"):  # the span keeps its article: "القوات"
                start -= 2
                prefix = prefix[:-2]
            o_start, o_end = norm.span(start, end)
            out.append(Match(o_start, o_end, norm.original[o_start:o_end], entry.key,
                             entry.payloads, prefix, suffix, start, end))
        out.sort(key=lambda m: (m.start, -m.end))
        return out


def _longest_first(found: list) -> list:
    """Keep the longest hits whose spans do not overlap a longer hit (linear in text length)."""
    found.sort(key=lambda f: (-(f[1] - f[0]), f[0]))
    occupied = bytearray(max(f[1] for f in found))
    kept = []
    for f in found:
        s, e = f[0], f[1]
        if occupied.find(1, s, e) != -1:
            continue
        occupied[s:e] = b"\x01" * (e - s)
        kept.append(f)
    return kept


WORD_RE = re.compile(r"\w+", re.UNICODE)
