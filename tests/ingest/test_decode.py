"""Tests for marsad.ingest.decode: encodings, BOMs, UTF-16 without BOM, cp1256, mojibake, binary."""

from __future__ import annotations

import codecs
import os
import random
import timeit

import pytest

from marsad.errors import BinaryInputError, InputError
from marsad.ingest.decode import arabic_ratio, binary_kind, decode_bytes

ARABIC = (
    "أعلنت وزارة الدفاع اليوم أن وحدات الجيش سيطرت على بلدة في ريف حلب الشرقي بعد اشتباكات عنيفة،\n"
    "وقال مصدر عسكري إن القوات الروسية انسحبت من مطار القامشلي ونقلت معداتها إلى قاعدة حميميم.\n"
    "وأضاف أن 120 عنصراً من «الحرس الثوري» وصلوا إلى دير الزور يوم الجمعة."
)
SHORT_ARABIC = ["سوريا", "قصف مدفعي على إدلب", "انسحاب القوات الأمريكية من العراق"]


@pytest.mark.parametrize("text", [ARABIC, *SHORT_ARABIC])
def test_utf8_is_read_as_is(text: str) -> None:
    assert decode_bytes(text.encode("utf-8")) == (text, "utf-8", [])


@pytest.mark.parametrize("text", [ARABIC, *SHORT_ARABIC])
def test_cp1256_round_trip(text: str) -> None:
    decoded, encoding, warnings = decode_bytes(text.encode("cp1256"))
    assert decoded == text
    assert encoding == "cp1256"
    assert warnings == []


def test_iso8859_6_arabic_is_told_apart_from_cp1256() -> None:
    text = "قال مصدر عسكري ان القوات انسحبت من المطار"  # letters both encodings have
    decoded, encoding, _ = decode_bytes(text.encode("iso8859-6"))
    assert decoded == text
    assert encoding == "iso8859-6"


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("text", [ARABIC, "Damascus, Syria: " + ARABIC, "مطارالقامشلي"])
def test_utf16_without_bom(codec: str, text: str) -> None:
    decoded, encoding, warnings = decode_bytes(text.encode(codec))
    assert (decoded, encoding, warnings) == (text, codec, [])


@pytest.mark.parametrize(
    ("bom", "codec"),
    [
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
        (codecs.BOM_UTF32_LE, "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be"),
    ],
)
def test_bom_is_honoured_and_removed(bom: bytes, codec: str) -> None:
    decoded, encoding, warnings = decode_bytes(bom + ARABIC.encode(codec))
    assert decoded == ARABIC
    assert encoding == codec
    assert warnings == []


@pytest.mark.parametrize("codec", ["utf-32-le", "utf-32-be"])
def test_utf32_without_bom(codec: str) -> None:
    assert decode_bytes(ARABIC.encode(codec))[:2] == (ARABIC, codec)


def test_a_few_bad_bytes_in_utf8_are_replaced_with_a_warning() -> None:
    data = ARABIC[:20].encode("utf-8") + b"\xff" + ARABIC[20:].encode("utf-8")
    decoded, encoding, warnings = decode_bytes(data)
    assert encoding == "utf-8"
    assert decoded.count("\ufffd") == 1
    assert warnings and "replaced" in warnings[0]


def test_partial_utf8_drops_the_cut_character_silently() -> None:
    data = ARABIC.encode("utf-8")[:-1]  # cut inside the last (two-byte) character
    decoded, encoding, warnings = decode_bytes(data, partial=True)
    assert decoded == ARABIC[:-1]
    assert (encoding, warnings) == ("utf-8", [])


@pytest.mark.parametrize(("wrong", "right"), [("cp1252", "utf-8"), ("latin-1", "utf-8"), ("cp1252", "cp1256"), ("latin-1", "cp1256")])
def test_mojibake_is_repaired_with_a_warning(wrong: str, right: str) -> None:
    garbled = ARABIC.encode(right).decode(wrong, "replace").encode("utf-8")
    decoded, encoding, warnings = decode_bytes(garbled)
    assert decoded == ARABIC
    assert encoding == "utf-8"
    assert len(warnings) == 1 and "mojibake" in warnings[0]


@pytest.mark.parametrize(
    "text",
    [
        "Café crème à la française, déjà vu. Ça coûte très cher à Genève.",
        "Müller sagte, die Straße sei für Fußgänger gesperrt.",
        "The weather in London is grey.",
    ],
)
def test_european_text_is_not_mistaken_for_mojibake(text: str) -> None:
    assert decode_bytes(text.encode("utf-8")) == (text, "utf-8", [])


def test_latin1_european_text_is_not_read_as_arabic() -> None:
    text = "Le président a déclaré que la sécurité était assurée à l'aéroport, déjà fermé."
    decoded, encoding, warnings = decode_bytes(text.encode("latin-1"))
    assert decoded == text
    assert encoding == "cp1252"
    assert warnings and "guessed" in warnings[0]  # a guess is never silent


def test_cyrillic_cp1251_is_not_read_as_arabic() -> None:
    text = "Министерство обороны сообщило, что войска отошли от аэродрома."
    decoded, encoding, warnings = decode_bytes(text.encode("cp1251"))
    assert encoding not in ("cp1256", "iso8859-6", "cp1252")
    assert arabic_ratio(decoded) < 0.2
    assert warnings and "guessed" in warnings[0]


def test_declared_charset_is_used_when_nothing_better() -> None:
    text = "Привет, мир: новости дня"
    decoded, encoding, warnings = decode_bytes(text.encode("cp1251"), declared="windows-1251")
    assert decoded == text
    assert encoding == "cp1251"
    assert warnings == []


def test_declared_latin1_does_not_override_arabic_cp1256() -> None:
    decoded, encoding, _ = decode_bytes(ARABIC.encode("cp1256"), declared="iso-8859-1")
    assert (decoded, encoding) == (ARABIC, "cp1256")


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
        (b"PK\x03\x04\x14\x00\x06\x00", "ZIP"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
        (b"\x7fELF\x02\x01\x01\x00", "executable"),
        (bytes(range(256)) * 8, "binary"),
        (random.Random(7).randbytes(4096), "binary"),
    ],
)
def test_binary_is_refused(data: bytes, kind: str) -> None:
    with pytest.raises(BinaryInputError, match="binary file, not text") as info:
        decode_bytes(data)
    assert kind in str(info.value)
    assert isinstance(info.value, InputError)
    assert binary_kind(data) is not None


def test_os_random_bytes_are_refused() -> None:
    with pytest.raises(BinaryInputError):
        decode_bytes(os.urandom(10_000))


def test_text_is_not_called_binary() -> None:
    assert binary_kind(ARABIC.encode("utf-8")) is None
    assert binary_kind(b"plain ascii\twith tabs\r\nand lines\x0c") is None


def test_empty_bytes_decode_to_empty_text() -> None:
    assert decode_bytes(b"") == ("", "utf-8", [])


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        (ARABIC, 0.9, 1.0),
        ("The Syrian army (الجيش السوري) said on Monday it had taken the town.", 0.0, 0.3),
        ("قال المتحدث باسم CENTCOM إن قوات US Army انسحبت", 0.6, 0.9),
        ("2024-05-01 12:30 !!!", 0.0, 0.0),
    ],
)
def test_arabic_ratio(text: str, low: float, high: float) -> None:
    assert low <= arabic_ratio(text) <= high


def test_decoding_a_3000_character_article_is_fast() -> None:
    data = (ARABIC * 20)[:3000].encode("utf-8")
    per_call = min(timeit.repeat(lambda: decode_bytes(data), number=200, repeat=3)) / 200
    assert per_call < 100e-6, f"{per_call * 1e6:.0f} µs"
