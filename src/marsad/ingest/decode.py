"""Bytes to text: BOMs, UTF-8, UTF-16/32 without BOM, windows-1256 Arabic, mojibake repair, binary refusal."""

from __future__ import annotations

import codecs
import logging
import re
from collections import Counter
from functools import cache

from marsad.errors import BinaryInputError

logger = logging.getLogger(__name__)

# Share of Arabic among the letters (see `arabic_ratio`) above which an 8-bit decoding
# is taken to be the right one. cp1256 Arabic prose decodes to > 0.9 (the rest is Latin
# names and numbers); French or Turkish latin-1 text read as cp1256 stays below 0.1, so
# 0.5 separates the two with a wide margin either side.
LEGACY_MIN_ARABIC = 0.5

# windows-1256 keeps French letters (à â ç è é ê ë î ï ô ù û ü) among its Arabic ones.
# Arabic prose has none of them; Cyrillic (cp1251), Greek or Hebrew 8-bit text read as
# cp1256 turns a third or more of its letters into them. Above this share of Latin-1
# letters, an 8-bit Arabic reading is rejected.
LEGACY_MAX_LATIN1 = 0.05

# A file that is not strictly UTF-8 is still read as UTF-8 (bad bytes replaced, with a
# warning) when it has at least this many valid multi-byte characters per bad byte (a few
# corrupt bytes in UTF-8 Arabic). cp1256 Arabic read as UTF-8 has far more bad bytes than
# accidental valid sequences, a latin-1 text with one accented letter has none valid.
UTF8_MIN_VALID_PER_BAD = 20

# How many leading bytes the binary and UTF-16/32 sniffers look at (git looks at 8,000).
SNIFF_BYTES = 8192

# Share of C0 control bytes (other than tab, newlines, form feed, escape) in the sniffed
# bytes above which a file is binary. Text has none; compressed or random bytes have
# 27/256 (10.5 %); executables and images more, because of NULs. 2 % leaves room for a
# text file with a few stray control characters.
BINARY_CONTROL_RATIO = 0.02

# In UTF-16 text one byte of each pair (the high byte) takes very few values: 0x00 for
# ASCII, 0x06 for Arabic, 0x20 for typographic punctuation. When the three most common
# high-byte values cover this share of the pairs, and the low bytes are clearly more
# varied, the bytes are UTF-16 in that byte order.
UTF16_HIGH_BYTE_SHARE = 0.9
UTF16_CONTRAST = 0.2

# Share of Latin-1 letters (À-ÿ) among the letters of UTF-8 text above which the text is
# checked for mojibake (UTF-8 or cp1256 bytes once read as latin-1 / windows-1252). Real
# French or German prose stays under 10 %; "Ø§Ù„Ø¬ÙŠØ´" is nearly all such letters.
MOJIBAKE_MIN_LATIN1 = 0.3

# Most characters a mojibake repair may fail to recover (bytes that windows-1252 leaves
# undefined are often lost on the way), as a share of the repaired text.
MOJIBAKE_MAX_LOST = 0.05

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Leading bytes of common binary formats, to say what a refused file looks like.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or DOCX/XLSX/EPUB)"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x7fELF", "an executable"),
    (b"MZ", "a Windows executable"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office document"),
    (b"SQLite format 3", "an SQLite database"),
)

# Bytes that are not text: C0 controls except \t \n \v \f \r and ESC.
_CONTROL_BYTES = bytes([*range(0x00, 0x09), *range(0x0E, 0x1B), *range(0x1C, 0x20)])
_NOT_CONTROL = bytes(b for b in range(256) if b not in _CONTROL_BYTES)
_CONTROL_CHARS_RE = re.compile("[" + re.escape(_CONTROL_BYTES.decode("ascii")) + "]")

# For `arabic_ratio` on UTF-8 bytes: lead bytes 0xD8-0xDB start U+0600-U+06FF (Arabic);
# other lead bytes (0xC2-0xF4) start one non-ASCII character each; ASCII letters count
# as Latin letters. Deleting all other bytes and measuring what is left keeps the check
# at C speed.
_ALL_BUT_ARABIC_LEADS = bytes(b for b in range(256) if b not in (0xD8, 0xD9, 0xDA, 0xDB))
_ALL_BUT_OTHER_LETTERS = bytes(
    b for b in range(256)
    if not (0x41 <= b <= 0x5A or 0x61 <= b <= 0x7A or (0xC2 <= b <= 0xF4 and b not in (0xD8, 0xD9, 0xDA, 0xDB)))
)
_LATIN1_LETTERS_RE = re.compile("[\u00c0-\u00ff]")
_LETTERS_RE = re.compile(r"[^\W\d_]")
_NOT_WESTERN_RE = re.compile("[^\t\n\r\x20-\x7e\u00a0-\u00ff\u2018-\u201e\u2013\u2014\u2022\u2026\u20ac\u2122]")


def arabic_ratio(text: str) -> float:
    """Share of Arabic among the letters of `text` (0.0 when it has no letters).

    Approximate by design: a character of the Arabic block counts as Arabic, an ASCII
    letter or any other non-ASCII character counts as non-Arabic, punctuation and digits
    of ASCII do not count.
    """
    data = text.encode("utf-8", "surrogatepass")
    arabic = len(data.translate(None, _ALL_BUT_ARABIC_LEADS))
    other = len(data.translate(None, _ALL_BUT_OTHER_LETTERS))
    total = arabic + other
    return arabic / total if total else 0.0


def _magic_kind(data: bytes) -> str | None:
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return kind
    return None


def _too_many_controls(text: str) -> bool:
    return len(_CONTROL_CHARS_RE.findall(text)) > len(text) * BINARY_CONTROL_RATIO


def binary_kind(data: bytes) -> str | None:
    """Say what `data` looks like when it is binary ("a PDF document"), else None."""
    magic = _magic_kind(data)
    if magic:
        return magic
    sniff = data[:SNIFF_BYTES]
    if b"\x00" in sniff:
        return "binary data (NUL bytes)"
    controls = len(sniff.translate(None, _NOT_CONTROL))
    if sniff and controls / len(sniff) > BINARY_CONTROL_RATIO:
        return "binary data (control bytes)"
    return None


def decode_bytes(
    data: bytes, *, declared: str | None = None, partial: bool = False
) -> tuple[str, str, list[str]]:
    """Decode `data` to text; return (text, encoding, warnings).

    Order: a BOM; UTF-32/UTF-16 without BOM (recognised by the pattern of high bytes);
    refusal of binary data; strict UTF-8 (with a repair of double-encoded mojibake);
    8-bit Arabic (windows-1256, ISO-8859-6, or the `declared` charset of an HTML page),
    chosen by the share of Arabic letters it yields; a charset-normalizer guess, with a
    warning. `partial=True` means the bytes were cut from a longer file, so an
    incomplete character at the end is dropped silently.

    Raises BinaryInputError when the bytes are not text.
    """
    if not data:
        return "", "utf-8", []
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _decode_unicode(data[len(bom):], encoding, partial)

    magic = _magic_kind(data)
    if magic:
        raise BinaryInputError(f"binary file, not text: looks like {magic}; marsad reads text, HTML or JSONL")
    sniff = data[:SNIFF_BYTES]
    if len(sniff.translate(None, _NOT_CONTROL)):
        wide = _sniff_utf32(sniff) or _sniff_utf16(sniff)
        if wide:
            text, encoding, warnings = _decode_unicode(data, wide, partial)
            if not _too_many_controls(text[:SNIFF_BYTES]):
                return text, encoding, warnings
        kind = binary_kind(data)
        if kind:
            raise BinaryInputError(f"binary file, not text: looks like {kind}; marsad reads text, HTML or JSONL")

    try:
        text = _utf8(data, partial, "strict")
    except UnicodeDecodeError:
        pass
    else:
        # Mojibake of Arabic is all Latin-1 letters, which UTF-8 writes with lead byte C3.
        if data.count(b"\xc3", 0, SNIFF_BYTES) < 8:
            return text, "utf-8", []
        return _repair_mojibake(text)

    # Mostly valid UTF-8 with a few bad bytes: keep UTF-8. Legacy 8-bit text read as UTF-8
    # has next to no valid multi-byte sequences, and a bad byte for nearly every letter.
    lenient = _utf8(data, partial, "replace")
    bad = lenient.count("\ufffd")
    valid_multibyte = len(lenient) - len(lenient.encode("ascii", "ignore")) - bad
    if valid_multibyte >= UTF8_MIN_VALID_PER_BAD * bad:
        return lenient, "utf-8", [f"{bad} invalid UTF-8 byte sequence(s) replaced with \ufffd"]
    return _decode_legacy(data, declared)


def _utf8(data: bytes, partial: bool, errors: str) -> str:
    if partial:
        return codecs.getincrementaldecoder("utf-8")(errors).decode(data, final=False)
    return data.decode("utf-8", errors)


def _decode_unicode(data: bytes, encoding: str, partial: bool) -> tuple[str, str, list[str]]:
    """Decode UTF-8/16/32 bytes (BOM already removed), replacing bad sequences with a warning."""
    if partial:
        text = codecs.getincrementaldecoder(encoding)("replace").decode(data, final=False)
    else:
        try:
            return data.decode(encoding), encoding, []
        except UnicodeDecodeError:
            text = data.decode(encoding, "replace")
    bad = text.count("\ufffd")
    warnings = [f"{bad} invalid {encoding.upper()} sequence(s) replaced with \ufffd"] if bad else []
    return text, encoding, warnings


def _top_share(sample: bytes, n: int = 3) -> float:
    if not sample:
        return 0.0
    return sum(c for _, c in Counter(sample).most_common(n)) / len(sample)


def _sniff_utf16(sniff: bytes) -> str | None:
    """'utf-16-le' or 'utf-16-be' when the high bytes of the pairs take very few values."""
    sniff = sniff[: len(sniff) & ~1]
    if len(sniff) < 4:
        return None
    low_first = _top_share(sniff[1::2])  # little-endian: high byte second
    high_first = _top_share(sniff[0::2])
    if low_first >= UTF16_HIGH_BYTE_SHARE and low_first - high_first >= UTF16_CONTRAST:
        return "utf-16-le"
    if high_first >= UTF16_HIGH_BYTE_SHARE and high_first - low_first >= UTF16_CONTRAST:
        return "utf-16-be"
    return None


def _sniff_utf32(sniff: bytes) -> str | None:
    """'utf-32-le' or 'utf-32-be' when two bytes of every four are NUL (BMP text)."""
    sniff = sniff[: len(sniff) & ~3]
    quarter = len(sniff) // 4
    if quarter < 2:
        return None
    if sniff[2::4].count(0) == quarter and sniff[3::4].count(0) == quarter and sniff[0::4].count(0) < quarter:
        return "utf-32-le"
    if sniff[0::4].count(0) == quarter and sniff[1::4].count(0) == quarter and sniff[3::4].count(0) < quarter:
        return "utf-32-be"
    return None


@cache
def _cp1252_to_latin1() -> dict[int, str]:
    """Map the characters windows-1252 puts at 0x80-0x9F back to those byte values."""
    table: dict[int, str] = {}
    for b in range(0x80, 0xA0):
        try:
            table[ord(bytes([b]).decode("cp1252"))] = chr(b)
        except UnicodeDecodeError:
            continue
    return table


def _repair_mojibake(text: str) -> tuple[str, str, list[str]]:
    """Undo Arabic that was once read as latin-1/windows-1252 and saved again as UTF-8.

    The text is turned back into the bytes it was read from (windows-1252 punctuation to
    its byte, other Latin-1 characters to theirs) and decoded as UTF-8, else as
    windows-1256; the repair is kept only when it yields Arabic, and says how many
    characters could not be recovered.
    """
    sample = text[:SNIFF_BYTES]
    latin1 = len(_LATIN1_LETTERS_RE.findall(sample))
    if latin1 < 8 or latin1 < len(_LETTERS_RE.findall(sample)) * MOJIBAKE_MIN_LATIN1:
        return text, "utf-8", []
    # windows-1252 has no character for byte 0x81, so "ف" (D9 81) is often lost as
    # "Ù" + U+FFFD; ف is by far the most frequent of the letters this can hit.
    raw = text.replace("\u00d9\ufffd", "\u00d9\x81").translate(_cp1252_to_latin1()).encode("latin-1", "replace")
    for right, name in (("utf-8", "UTF-8"), ("cp1256", "windows-1256")):
        fixed = raw.decode(right, "replace")
        lost = fixed.count("\ufffd") - text.count("\ufffd")
        if arabic_ratio(fixed) >= LEGACY_MIN_ARABIC and lost <= len(fixed) * MOJIBAKE_MAX_LOST:
            warning = f"repaired mojibake: {name} text that had been read as windows-1252 and saved as UTF-8"
            lost_total = fixed.count("\ufffd")
            if lost_total:
                warning += f"; {lost_total} character(s) could not be recovered"
            return fixed, "utf-8", [warning]
    return text, "utf-8", []


def _latin1_share(text: str) -> float:
    """Share of Latin-1 letters (À-ÿ) among the letters of the start of `text`."""
    sample = text[:SNIFF_BYTES]
    latin1 = len(_LATIN1_LETTERS_RE.findall(sample))
    return latin1 / max(1, len(_LETTERS_RE.findall(sample))) if latin1 else 0.0


def _codec(name: str | None) -> str | None:
    if not name:
        return None
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _decode_legacy(data: bytes, declared: str | None) -> tuple[str, str, list[str]]:
    """Decode non-UTF-8 bytes: the 8-bit Arabic encoding that yields the most Arabic, else a guess."""
    candidates = ["cp1256", "iso8859-6"]
    declared_codec = _codec(declared)
    if declared_codec and declared_codec not in candidates and declared_codec != "utf-8":
        candidates.append(declared_codec)
    best: tuple[float, str, str] | None = None
    for encoding in candidates:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        ratio = arabic_ratio(text)
        if _latin1_share(text) > LEGACY_MAX_LATIN1:
            continue  # another script's 8-bit encoding (Cyrillic, Greek, Hebrew) read as Arabic
        if best is None or ratio > best[0]:
            best = (ratio, encoding, text)
    if best is not None and best[0] >= LEGACY_MIN_ARABIC:
        logger.debug("decoded as %s (Arabic ratio %.2f)", best[1], best[0])
        return best[2], best[1], []
    if declared_codec and declared_codec != "utf-8":
        try:
            return data.decode(declared_codec), declared_codec, []
        except UnicodeDecodeError:
            pass

    try:
        western = data.decode("cp1252")
    except UnicodeDecodeError:
        western = None
    if western is not None and not _NOT_WESTERN_RE.search(western) and _latin1_share(western) <= MOJIBAKE_MIN_LATIN1:
        # Western European text: mostly ASCII letters, a few accented ones, typographic
        # punctuation. Cyrillic or Greek bytes read this way are nearly all accented.
        return western, "cp1252", ["not UTF-8 and not Arabic windows-1256; guessed the encoding windows-1252"]

    from charset_normalizer import (
        from_bytes,  # slow import, needed only for rare inputs
    )

    guess = from_bytes(data).best()
    if guess is not None and guess.encoding:
        text = str(guess)
        return text, guess.encoding, [f"not UTF-8 and not Arabic windows-1256; guessed the encoding {guess.encoding}"]
    text = data.decode("utf-8", "replace")
    return text, "utf-8", ["could not tell the encoding; read as UTF-8 with invalid bytes replaced by \ufffd"]
