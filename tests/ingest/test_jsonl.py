"""Tests for JSONL reading (marsad.ingest.records.read_jsonl): order, ids, bad lines, html records."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from marsad.ingest.records import InputRecord, iter_records, read_jsonl

TEXT_A = "قصفت طائرات حربية مواقع لفصائل المعارضة في ريف إدلب الجنوبي صباح اليوم، بحسب مصادر محلية."
TEXT_B = "أعلنت قوات سوريا الديمقراطية أنها تسلمت مواقع كانت تسيطر عليها القوات الأمريكية في ريف دير الزور."
TEXT_C = "وصلت تعزيزات عسكرية تركية إلى نقاط المراقبة في ريف حلب الغربي خلال الليل."


def write_jsonl(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def dumps(obj: object) -> str:
    return json.dumps(obj, ensure_ascii=False)


def test_order_is_kept_and_ids_become_doc_ids(tmp_path: Path) -> None:
    path = write_jsonl(
        tmp_path / "in.jsonl",
        [
            dumps({"id": "z-9", "text": TEXT_A, "title": "قصف على إدلب", "published": "2024-05-01", "url": "https://example.org/1", "outlet": "مثال"}),
            dumps({"id": 17, "text": TEXT_B}),
            dumps({"id": "a-1", "text": TEXT_C}),
        ],
    )
    records = list(read_jsonl(path))
    assert [r.id for r in records] == ["z-9", "17", "a-1"]
    assert [r.text for r in records] == [TEXT_A, TEXT_B, TEXT_C]
    assert [r.line for r in records] == [1, 2, 3]
    first = records[0]
    assert (first.title, first.published, first.url, first.outlet) == ("قصف على إدلب", "2024-05-01", "https://example.org/1", "مثال")
    assert all(r.error is None and r.warnings == [] and r.path == str(path) for r in records)


@pytest.mark.parametrize(("value", "expected"), [(42, "42"), (7.0, "7"), (2.5, "2.5"), ("0042", "0042"), (None, None)])
def test_id_types(tmp_path: Path, value: object, expected: str | None) -> None:
    path = write_jsonl(tmp_path / "ids.jsonl", [dumps({"id": value, "text": TEXT_A})])
    (record,) = read_jsonl(path)
    assert record.id == expected


def test_malformed_line_among_good_ones(tmp_path: Path) -> None:
    path = write_jsonl(
        tmp_path / "mixed.jsonl",
        [dumps({"id": "1", "text": TEXT_A}), dumps({"id": "2", "text": TEXT_B}), '{"id": "3", "text": "بلا نهاية', dumps({"id": "4", "text": TEXT_C})],
    )
    records = list(iter_records([path]))
    assert [r.id for r in records] == ["1", "2", None, "4"]
    bad = records[2]
    assert bad.text is None
    assert bad.error is not None and bad.error.startswith("line 3: invalid JSON: ")
    assert bad.line == 3
    assert records[3].text == TEXT_C and records[3].error is None


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("[1, 2, 3]", "line 1: not a JSON object"),
        ('"just a string"', "line 1: not a JSON object"),
        ("42", "line 1: not a JSON object"),
        ('{"id": "x", "title": "عنوان فقط"}', "line 1: record has neither text nor html"),
        ('{"id": "x", "text": "   ", "html": ""}', "line 1: record has neither text nor html"),
        ("{'id': 1}", "line 1: invalid JSON"),
        ("\x00\x01\x02garbage", "line 1: invalid JSON"),
    ],
)
def test_bad_records_name_their_line(tmp_path: Path, line: str, message: str) -> None:
    path = write_jsonl(tmp_path / "bad.jsonl", [line, dumps({"id": "ok", "text": TEXT_A})])
    bad, good = read_jsonl(path)
    assert bad.error is not None and bad.error.startswith(message)
    assert bad.text is None
    assert good.error is None and good.text == TEXT_A and good.line == 2


def test_record_without_text_keeps_its_id(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "x.jsonl", ['{"id": "keep-me", "title": "عنوان"}'])
    (record,) = read_jsonl(path)
    assert record.id == "keep-me"
    assert record.title == "عنوان"


def test_unknown_fields_are_ignored(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "x.jsonl", [dumps({"id": "1", "text": TEXT_A, "lang": "ar", "tags": ["a", "b"], "meta": {"k": 1}})])
    (record,) = read_jsonl(path)
    assert record.error is None and record.warnings == [] and record.text == TEXT_A


def test_known_field_of_the_wrong_type_is_dropped_with_a_warning(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "x.jsonl", [dumps({"id": "1", "text": TEXT_A, "title": ["not", "a", "string"], "published": 2024})])
    (record,) = read_jsonl(path)
    assert record.title is None
    assert record.published == "2024"
    assert record.warnings == ["field 'title' ignored: expected a string, got list"]


def test_blank_lines_are_skipped_and_line_numbers_stay_true(tmp_path: Path) -> None:
    path = tmp_path / "gaps.jsonl"
    path.write_text("\n" + dumps({"id": "a", "text": TEXT_A}) + "\n\n   \n" + dumps({"id": "b", "text": TEXT_B}) + "\n", encoding="utf-8")
    records = list(read_jsonl(path))
    assert [(r.id, r.line) for r in records] == [("a", 2), ("b", 5)]


@pytest.mark.parametrize("content", [b"", b"\n\n  \n"])
def test_empty_jsonl_file_is_an_error(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "empty.jsonl"
    path.write_bytes(content)
    (record,) = read_jsonl(path)
    assert record.error == "empty file"


def test_utf8_bom_and_crlf_are_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + dumps({"id": "1", "text": TEXT_A}).encode() + b"\r\n" + dumps({"id": "2", "text": TEXT_B}).encode() + b"\r\n")
    assert [(r.id, r.text, r.error) for r in read_jsonl(path)] == [("1", TEXT_A, None), ("2", TEXT_B, None)]


def test_cp1256_line_is_read_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "legacy.jsonl"
    path.write_bytes(dumps({"id": "1", "text": TEXT_A}).encode("cp1256") + b"\n")
    (record,) = read_jsonl(path)
    assert record.text == TEXT_A
    assert any("not UTF-8" in w for w in record.warnings)


def test_html_record_is_extracted_and_its_fields_win(tmp_path: Path) -> None:
    html = (
        "<html><head><title>عنوان الصفحة</title><meta property='article:published_time' content='2023-01-02'></head>"
        f"<body><nav>الرئيسية</nav><article><p>{TEXT_A}</p><p>{TEXT_B}</p></article></body></html>"
    )
    path = write_jsonl(
        tmp_path / "html.jsonl",
        [dumps({"id": "h1", "html": html, "title": "عنوان السجل"}), dumps({"id": "h2", "html": html})],
    )
    first, second = read_jsonl(path)
    assert first.text is not None and TEXT_A in first.text and "الرئيسية" not in first.text
    assert first.title == "عنوان السجل"
    assert first.published == "2023-01-02"
    assert second.title == "عنوان الصفحة"
    assert (first.id, first.line, second.id, second.line) == ("h1", 1, "h2", 2)


def test_text_wins_over_html(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "both.jsonl", [dumps({"id": "1", "text": TEXT_A, "html": f"<p>{TEXT_B}</p>"})])
    (record,) = read_jsonl(path)
    assert record.text == TEXT_A


def test_html_record_without_text_is_an_error_with_its_line(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "x.jsonl", [dumps({"id": "1", "html": "<html><body><script>x()</script></body></html>"})])
    (record,) = read_jsonl(path)
    assert record.error is not None and record.error.startswith("line 1: ")


def test_read_from_a_stream() -> None:
    stream = io.BytesIO((dumps({"id": 1, "text": TEXT_A}) + "\nnot json\n" + dumps({"id": 3, "text": TEXT_C}) + "\n").encode("utf-8"))
    records = list(read_jsonl(stream))
    assert [(r.id, r.error is None) for r in records] == [("1", True), (None, False), ("3", True)]
    assert all(r.path is None for r in records)


def test_messages_name_the_file_and_line(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "m.jsonl", ["{oops"])
    (record,) = read_jsonl(path)
    assert record.messages() == [f"{path}: error: line 1: invalid JSON: Expecting property name enclosed in double quotes (column 2)"]


def test_one_thousand_small_records_are_fast_and_never_load_trafilatura(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "many.jsonl", [dumps({"id": i, "text": f"{TEXT_A} رقم {i}"}) for i in range(1000)])
    code = (
        "import sys, time\n"
        "from marsad.ingest.records import iter_records\n"
        "t = time.perf_counter()\n"
        f"records = list(iter_records([{str(path)!r}]))\n"
        "elapsed = time.perf_counter() - t\n"
        "assert len(records) == 1000 and all(r.error is None for r in records)\n"
        "assert [r.id for r in records] == [str(i) for i in range(1000)]\n"
        "assert 'trafilatura' not in sys.modules and 'charset_normalizer' not in sys.modules\n"
        "print(elapsed)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert float(result.stdout) < 0.5


def test_records_are_dataclasses_with_defaults() -> None:
    record = InputRecord()
    assert (record.id, record.text, record.error, record.warnings, record.line) == (None, None, None, [], None)
