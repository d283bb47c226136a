"""Sentence and clause segmentation of Arabic news text, as offsets into the original text."""

from __future__ import annotations

import functools
import re

from marsad.document import Sentence

# A sentence ends at . ! ? ؟ or a paragraph break; a dot between digits (3.5) or after a
# single Latin capital (U.S.) does not end one.
_SENT_END = re.compile(r"(?<!\d)[.!?؟]+(?!\d)[\"'”»)\]]*|\n\s*\n|\n")
# Clauses break at ؛ ; : and at commas, and before the connectives that open a new
# clause in news prose ("، حيث", "، فيما", "، بينما", "، في حين", "، قبل أن", "، بعد أن").
# A piece that opens with one of these is a clause of its own even after an aside:
# "غارة على الخيام، فجر اليوم، فيما أعلن حزب الله ...".
_CLAUSE_OPENER = re.compile(r"(?:و|ف)?(?:حيث|فيما|بينما|في حين|قبل أن|بعد أن)\s")
_CLAUSE_BREAK = re.compile(
    r"[؛;:]|،|,|\s(?=(?:و|ف)?(?:حيث|فيما|بينما|في حين|قبل أن|قبل أنْ|بعد أن|كما|إضافة|اضافة|بالإضافة|مقابل|وذلك)\s)"
)
# A comma piece that opens with a preposition continues the clause before it:
# "بانسحاب حزب الله، من مدينة القصير".
_PREPOSITION_START = re.compile(r"(?:من|في|إلى|الى|على|عبر|قرب|نحو|باتجاه|داخل|عند)\s")
PARENTHETICAL_WORDS = 3  # a comma piece this short is an aside inside a clause
# Extraction scans a clause once per trigger, so a text with no sentence punctuation would cost
# the square of its length: longer runs are split, at the last comma before the cap, else at
# the best break in the cap's second half (see _cut).
MAX_SENTENCE = 600  # characters
MIN_COMMA_PIECE = 50  # characters: a comma this near the start makes too short a sentence
# A conjunction before a word without the article opens a new verbal clause more often than it
# joins two nouns: "... وانسحبت القوات", not "... والقوات".
_CONJUNCT_VERB = re.compile(r"\sو(?!ال)\w{3,}")
_SEMICOLON = re.compile(r"[؛;]")
_SPACE = re.compile(r"\s")


def sentences(text: str) -> list[Sentence]:
    """Split `text` into sentences with clause spans; whitespace is trimmed from each span."""
    return [Sentence(s, e, list(cl)) for s, e, cl in _sentence_spans(text)]


# The pipeline and the date resolver both segment the same article: segment it once.
@functools.lru_cache(maxsize=8)
def _sentence_spans(text: str) -> tuple[tuple[int, int, tuple[tuple[int, int], ...]], ...]:
    out: list[Sentence] = []
    last = 0
    for m in _SENT_END.finditer(text):
        _add(text, last, m.end(), out)
        last = m.end()
    _add(text, last, len(text), out)
    return tuple((s.start, s.end, tuple(s.clauses)) for s in out)


def _add(text: str, start: int, end: int, out: list[Sentence]) -> None:
    """Append the sentence [start, end), in pieces of at most MAX_SENTENCE characters."""
    start, end = _trim(text, start, end)
    while end - start > MAX_SENTENCE:
        cut = _cut(text, start)
        s, e = _trim(text, start, cut)
        if e > s:
            out.append(Sentence(s, e, clauses(text, s, e)))
        start, end = _trim(text, cut, end)
    if end > start:
        out.append(Sentence(start, end, clauses(text, start, end)))


def _cut(text: str, start: int) -> int:
    """Where to split a sentence that runs past start + MAX_SENTENCE: after its last comma
    before the cap, else at the last semicolon, conjunction before a verb-looking word or
    space in the cap's second half, else at the cap itself."""
    cap = start + MAX_SENTENCE
    comma = text.rfind("،", start, cap)
    if comma > start + MIN_COMMA_PIECE:
        return comma + 1
    half = start + MAX_SENTENCE // 2
    for pattern in (_SEMICOLON, _CONJUNCT_VERB, _SPACE):
        last = None
        for last in pattern.finditer(text, half, cap):  # noqa: B007 - the last match is wanted
            pass
        if last is not None:
            return last.end() if pattern is _SEMICOLON else last.start()
    return cap


def clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Clause spans inside the sentence [start, end).

    A comma-delimited piece of at most PARENTHETICAL_WORDS words ("، أمس الأربعاء،",
    "، بشكل مفاجئ،", "، المساندة لقوات النظام،") is an aside, not a clause: it stays
    in the clause it interrupts.
    """
    spans: list[tuple[int, int]] = []
    last = start
    for m in _CLAUSE_BREAK.finditer(text, start, end):
        s, e = _trim(text, last, m.start() if m.group(0).isspace() else m.end())
        if e > s:
            spans.append((s, e))
        last = m.end()
    s, e = _trim(text, last, end)
    if e > s:
        spans.append((s, e))
    merged: list[tuple[int, int]] = []
    join_next = False
    for s, e in spans:
        short = len(text[s:e].split()) <= PARENTHETICAL_WORDS
        opens = _CLAUSE_OPENER.match(text, s) is not None
        if merged and ((join_next and not opens) or short or _PREPOSITION_START.match(text, s)):
            merged[-1] = (merged[-1][0], e)
        else:
            merged.append((s, e))
        join_next = short and text[e - 1] in "،,"
    return merged


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
