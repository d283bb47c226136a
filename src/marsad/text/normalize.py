"""Arabic matching-time normalisation that keeps a map back to offsets in the original text."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

# Characters removed outright: harakat and Quranic marks, superscript alef, tatweel,
# bidi controls, zero-width characters and the byte-order mark.
_DELETE = (
    [chr(c) for c in range(0x064B, 0x0660)]
    + ["\u0670", "\u0640"]
    + [chr(c) for c in range(0x06D6, 0x06EE) if c not in (0x06E5, 0x06E6)]
    + ["\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u061c", "\ufeff"]
    + [chr(c) for c in range(0x202A, 0x202F)]
    + [chr(c) for c in range(0x2066, 0x206A)]
)

# One character in, one character out.
_FOLD = {
    # alef forms
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا",
    # ya and alef maqsura, Persian/Urdu ya
    "ى": "ي", "ی": "ي", "ې": "ي", "ۍ": "ي", "ے": "ي",
    # ta marbuta and Persian heh forms
    "ة": "ه", "ۀ": "ه", "ە": "ه", "ہ": "ه", "ھ": "ه",
    # Persian kaf and letters that Arabic writes with the nearest Arabic letter
    "ک": "ك", "ڪ": "ك", "گ": "ك", "ڤ": "ف", "پ": "ب", "چ": "ج", "ژ": "ز",
    # quotation marks and dashes that vary by outlet
    "«": '"', "»": '"', "“": '"', "”": '"', "„": '"', "″": '"', "‘": "'", "’": "'",
    "–": "-", "—": "-", "ـ": "",
}
for _i in range(10):
    _FOLD[chr(0x0660 + _i)] = str(_i)  # Arabic-Indic digits
    _FOLD[chr(0x06F0 + _i)] = str(_i)  # Persian digits
for _c in range(ord("A"), ord("Z") + 1):
    _FOLD[chr(_c)] = chr(_c + 32)

_WHITESPACE = ["\t", "\n", "\r", "\x0b", "\x0c", "\xa0", "\u2028", "\u2029", "\u3000", "\u202f",
               "\u2000", "\u2001", "\u2002", "\u2003", "\u2004", "\u2005", "\u2006", "\u2007",
               "\u2008", "\u2009", "\u200a", "\u205f", "\u1680", "\x85"]

_TABLE: dict[int, str] = {ord(k): v for k, v in _FOLD.items() if v}
_TABLE.update({ord(c): "\x00" for c in _DELETE})
_TABLE.update({ord(c): " " for c in _WHITESPACE})
_TABLE[ord("ـ")] = "\x00"

# The translation table, public for modules that fold text without keeping offsets:
# deleted characters map to "\x00".
FOLD_TABLE: dict[int, str] = _TABLE

_SPACE_RUN = re.compile(" {2,}")
_DELETED_RUN = re.compile("\x00+")
_PUNCT = re.compile(r"[^\w\s]|_", re.UNICODE)


@dataclass(frozen=True, slots=True)
class Normalized:
    """Normalised text plus `index[i]`: the offset in the original text of normalised char i.

    `index` has one extra entry at the end, equal to the original length, so that an
    exclusive end offset maps back with `index[end]` as well.
    """

    text: str
    index: list[int]
    original: str

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Map a normalised [start, end) span back to the original text."""
        if end <= start:
            o = self.index[start]
            return o, o
        return self.index[start], self.index[end - 1] + 1


def normalize(text: str) -> Normalized:
    """Fold letters and digits, drop diacritics and invisible marks, collapse whitespace.

    Every normalised character comes from exactly one original character, so spans map
    back without loss (see `Normalized.span`).
    """
    folded = text.translate(_TABLE)
    if "\x00" in folded:
        # Deleted characters are few: copy the ranges between their runs.
        index = []
        last = 0
        for m in _DELETED_RUN.finditer(folded):
            index.extend(range(last, m.start()))
            last = m.end()
        index.extend(range(last, len(folded)))
        folded = folded.replace("\x00", "")
    else:
        index = list(range(len(folded)))
    if "  " in folded:
        keep: list[int] = []
        pieces: list[str] = []
        last = 0
        for m in _SPACE_RUN.finditer(folded):
            pieces.append(folded[last : m.start() + 1])
            keep.extend(index[last : m.start() + 1])
            last = m.end()
        pieces.append(folded[last:])
        keep.extend(index[last:])
        folded = "".join(pieces)
        index = keep
    index.append(len(text))
    return Normalized(folded, index, text)


def fold(text: str) -> str:
    """Normalised form of a short string, for dictionary keys and comparisons."""
    return normalize(text).text.strip()


# Extraction asks for the key of the same short spans (a word, a gap between two words) many
# times per article; 64k entries hold a whole lexicon's aliases plus a long run of articles.
@functools.lru_cache(maxsize=1 << 16)
def key(text: str) -> str:
    """Dictionary key: folded, punctuation removed, single spaces."""
    return " ".join(_PUNCT.sub(" ", fold(text)).split())
