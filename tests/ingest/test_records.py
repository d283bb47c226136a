"""Tests for marsad.ingest.records: files, directories, stdin, header blocks and every kind of bad input."""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from marsad.ingest.records import (
    MAX_CHARS,
    InputRecord,
    iter_records,
    read_article_file,
    read_stream,
    read_text_file,
)

ROOT = Path(__file__).resolve().parents[2]
DEV_ARTICLES = ROOT / ".." / "shared" / "dev" / "articles"

P1 = (
    "أفادت مصادر محلية اليوم الثلاثاء بأن القوات الروسية بدأت الانسحاب من مطار القامشلي في ريف الحسكة، "
    "ونقلت معداتها الثقيلة إلى قاعدة حميميم على الساحل السوري."
)
P2 = "وقال مصدر عسكري إن الانسحاب جاء بعد اتفاق مع الحكومة السورية على تسليم المواقع إلى وحدات الجيش."
BODY = f"{P1}\n\n{P2}"
HEADER = "title: القوات الروسية تنسحب من القامشلي\nsource: Example News (أخبار المثال)\nurl: https://example.org/a/1\ndate: 2024-03-05\n\n"


def only(records: list[InputRecord]) -> InputRecord:
    assert len(records) == 1, records
    return records[0]


# ---------------------------------------------------------------- encodings of .txt files


@pytest.mark.parametrize(
    ("codec", "bom", "expected"),
    [
        ("utf-8", b"", "utf-8"),
        ("utf-8", b"\xef\xbb\xbf", "utf-8"),
        ("cp1256", b"", "cp1256"),
        ("utf-16-le", b"", "utf-16-le"),
        ("utf-16-be", b"", "utf-16-be"),
        ("utf-16-le", b"\xff\xfe", "utf-16-le"),
        ("utf-16-be", b"\xfe\xff", "utf-16-be"),
    ],
)
def test_text_file_encodings(tmp_path: Path, codec: str, bom: bytes, expected: str) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(bom + BODY.encode(codec))
    record = read_text_file(path)
    assert (record.text, record.encoding, record.error, record.warnings) == (BODY, expected, None, [])
    assert record.path == str(path)


def test_crlf_and_lone_cr_become_newlines(tmp_path: Path) -> None:
    path = tmp_path / "crlf.txt"
    path.write_bytes(f"{P1}\r\n\r\n{P2}\r".encode("utf-8"))
    assert read_text_file(path).text == BODY


def test_stray_control_characters_are_removed_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "ctl.txt"
    path.write_bytes(f"{P1}\x07\n\n{P2}".encode("utf-8"))
    record = read_text_file(path)
    assert record.text == BODY
    assert record.warnings == ["removed 1 control character(s) from the text"]


# ---------------------------------------------------------------- bad input


def test_empty_file(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    record = only(list(iter_records([tmp_path / "empty.txt"])))
    assert record.error == "empty file"
    assert record.text is None


def test_whitespace_only_file(tmp_path: Path) -> None:
    (tmp_path / "blank.txt").write_text(" \n\t\n", encoding="utf-8")
    record = only(list(iter_records([tmp_path / "blank.txt"])))
    assert record.error is not None and record.error.startswith("empty file")


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("random.bin", os.urandom(20_000)),
        ("image.txt", b"\x89PNG\r\n\x1a\n" + os.urandom(2000)),
        ("doc.pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n" + os.urandom(2000)),
        ("nul.txt", "نص عربي".encode("utf-8") + b"\x00" * 50 + os.urandom(100)),
    ],
)
def test_binary_file_is_an_error(tmp_path: Path, name: str, data: bytes) -> None:
    (tmp_path / name).write_bytes(data)
    record = only(list(iter_records([tmp_path / name])))
    assert record.text is None
    assert record.error is not None and record.error.startswith("binary file, not text")


def test_non_arabic_file_is_read_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "english.txt"
    path.write_text("The Syrian army said on Monday that it had taken control of the town after heavy clashes.", encoding="utf-8")
    record = read_text_file(path)
    assert record.error is None and record.text is not None
    assert record.warnings == ["no Arabic text found; marsad reads Arabic"]


def test_20_mb_text_is_cut_at_a_paragraph_with_a_warning(tmp_path: Path) -> None:
    paragraph = (P1 + " ") * 5
    path = tmp_path / "huge.txt"
    with path.open("w", encoding="utf-8") as out:
        while out.tell() < 20_000_000:
            out.write(paragraph + "\n\n")
    size = path.stat().st_size
    record = read_text_file(path)
    assert record.error is None and record.text is not None
    assert MAX_CHARS // 2 < len(record.text) <= MAX_CHARS
    assert record.text.endswith(paragraph.strip())  # a whole paragraph, not a cut one
    (warning,) = record.warnings
    assert warning.startswith("text too long: kept the first ")
    assert f"limit {MAX_CHARS:,}" in warning and "dropped" in warning and "not read" in warning
    assert size > 4 * MAX_CHARS


def test_long_text_under_the_byte_limit_says_exactly_what_was_dropped(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    line = "كلمة " * 20 + "\n\n"
    path.write_text(line * (MAX_CHARS // len(line) + 500), encoding="utf-8")
    total = len(path.read_text(encoding="utf-8"))
    record = read_text_file(path)
    assert record.text is not None
    (warning,) = record.warnings
    match = re.fullmatch(r"text too long: kept the first ([\d,]+) characters \(limit [\d,]+\) and dropped ([\d,]+)", warning)
    assert match is not None, warning
    kept, dropped = (int(g.replace(",", "")) for g in match.groups())
    assert kept + dropped == total
    assert len(record.text) <= kept <= MAX_CHARS


def test_truncated_html_file(tmp_path: Path) -> None:
    html = f"<!DOCTYPE html><html><head><title>خبر</title></head><body><article><p>{P1}</p><p>{P2[:40]}"
    (tmp_path / "cut.html").write_text(html, encoding="utf-8")
    record = only(list(iter_records([tmp_path / "cut.html"])))
    assert record.error is None and record.text is not None and P1 in record.text
    assert any(w.startswith("HTML looks truncated") for w in record.warnings)


def test_missing_path_is_an_error_record(tmp_path: Path) -> None:
    record = only(list(iter_records([tmp_path / "nope.txt"])))
    assert record.error == "no such file"
    assert record.path == str(tmp_path / "nope.txt")


def test_unreadable_file_is_an_error_record(tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text(BODY, encoding="utf-8")
    path.chmod(0)
    try:
        if os.access(path, os.R_OK):
            pytest.skip("running with privileges that read any file")
        record = only(list(iter_records([path])))
        assert record.error is not None and record.error.startswith("cannot read")
    finally:
        path.chmod(0o644)


def test_bad_inputs_do_not_stop_the_good_ones(tmp_path: Path) -> None:
    (tmp_path / "a_good.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "b_empty.txt").write_bytes(b"")
    (tmp_path / "c_binary.bin").write_bytes(os.urandom(3000))
    (tmp_path / "d_mixed.jsonl").write_text(
        json.dumps({"id": "j1", "text": P1}, ensure_ascii=False) + "\n{broken\n" + json.dumps({"id": "j3", "text": P2}, ensure_ascii=False) + "\n",
        encoding="utf-8",
    )
    (tmp_path / "e_english.txt").write_text("Nothing in Arabic here, only English words.", encoding="utf-8")
    records = list(iter_records([tmp_path, tmp_path / "missing.txt"]))
    summary = [(Path(r.path).name if r.path else None, r.id, r.error is None) for r in records]
    assert summary == [
        ("a_good.txt", None, True),
        ("b_empty.txt", None, False),
        ("c_binary.bin", None, False),
        ("d_mixed.jsonl", "j1", True),
        ("d_mixed.jsonl", None, False),
        ("d_mixed.jsonl", "j3", True),
        ("e_english.txt", None, True),
        ("missing.txt", None, False),
    ]
    for record in records:
        for message in record.messages():
            assert "\n" not in message and message.startswith(record.where)


# ---------------------------------------------------------------- directories and formats


def test_directories_are_read_recursively_in_sorted_order(tmp_path: Path) -> None:
    for rel in ["b/2.txt", "b/1.txt", "a.txt", "c/d/e.txt", ".hidden/x.txt", "b/.secret.txt"]:
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"{rel}: {P1}", encoding="utf-8")
    names = [Path(r.path).relative_to(tmp_path).as_posix() for r in iter_records([tmp_path]) if r.path]
    assert names == ["a.txt", "b/1.txt", "b/2.txt", "c/d/e.txt"]


def test_empty_directory_is_reported(tmp_path: Path) -> None:
    record = only(list(iter_records([tmp_path])))
    assert record.error == "directory has no files"


def test_html_inside_a_txt_file_is_extracted(tmp_path: Path) -> None:
    path = tmp_path / "saved.txt"
    path.write_text(f"<!DOCTYPE html><html><head><title>عنوان</title></head><body><nav>الرئيسية</nav><article><p>{P1}</p><p>{P2}</p></article></body></html>", encoding="utf-8")
    record = read_text_file(path)
    assert record.title == "عنوان"
    assert record.text is not None and P1 in record.text and "<p>" not in record.text


def test_unknown_extension_starting_with_a_brace_is_jsonl(tmp_path: Path) -> None:
    path = tmp_path / "export.json"
    path.write_text(json.dumps({"id": 5, "text": P1}, ensure_ascii=False) + "\n", encoding="utf-8")
    record = only(list(iter_records([path])))
    assert (record.id, record.text, record.line) == ("5", P1, 1)


def test_unknown_extension_is_read_as_text(tmp_path: Path) -> None:
    path = tmp_path / "article.md"
    path.write_text(BODY, encoding="utf-8")
    assert only(list(iter_records([path]))).text == BODY


# ---------------------------------------------------------------- header blocks


def test_header_block_is_detected_in_txt_files(tmp_path: Path) -> None:
    path = tmp_path / "001.txt"
    path.write_text(HEADER + BODY + "\n\nمقالات ذات صلة\n\nاترك تعليقاً\n", encoding="utf-8")
    record = only(list(iter_records([path])))
    assert record.title == "القوات الروسية تنسحب من القامشلي"
    assert record.outlet == "Example News (أخبار المثال)"
    assert record.url == "https://example.org/a/1"
    assert record.published == "2024-03-05"
    assert record.text == BODY


def test_unknown_header_values_become_none(tmp_path: Path) -> None:
    path = tmp_path / "002.txt"
    path.write_text("title: unknown\nsource: unknown\nurl: unknown\ndate: unknown\n\n" + BODY, encoding="utf-8")
    record = read_article_file(path)
    assert (record.title, record.outlet, record.url, record.published) == (None, None, None, None)
    assert record.text == BODY


@pytest.mark.parametrize(
    "text",
    [
        "title: عنوان\nsource: x\n\n" + BODY,  # keys missing
        "source: x\ntitle: عنوان\nurl: u\ndate: d\n\n" + BODY,  # does not start with title:
        "title: عنوان\nقال المصدر إن القوات انسحبت\nurl: u\ndate: d\n\n" + BODY,  # not a key: value line
    ],
)
def test_header_is_not_auto_detected_without_the_full_block(tmp_path: Path, text: str) -> None:
    path = tmp_path / "x.txt"
    path.write_text(text, encoding="utf-8")
    record = read_text_file(path)
    assert record.title is None
    assert record.text is not None and record.text.startswith(text.split("\n")[0])


def test_read_article_file_takes_a_partial_header_and_warns_without_one(tmp_path: Path) -> None:
    partial = tmp_path / "p.txt"
    partial.write_text("title: عنوان\ndate: 2020-01-01\n\n" + BODY, encoding="utf-8")
    record = read_article_file(partial)
    assert (record.title, record.published, record.text, record.warnings) == ("عنوان", "2020-01-01", BODY, [])
    plain = tmp_path / "plain.txt"
    plain.write_text(BODY, encoding="utf-8")
    record = read_article_file(plain)
    assert record.text == BODY
    assert record.warnings and "no header block" in record.warnings[0]


def test_header_block_in_cp1256_and_crlf(tmp_path: Path) -> None:
    path = tmp_path / "legacy.txt"
    path.write_bytes((HEADER + BODY).replace("\n", "\r\n").encode("cp1256"))
    record = read_text_file(path)
    assert record.title == "القوات الروسية تنسحب من القامشلي"
    assert record.published == "2024-03-05"
    assert record.text == BODY


def test_dev_articles_read_with_their_headers() -> None:
    if not DEV_ARTICLES.is_dir():
        pytest.skip(f"{DEV_ARTICLES} is absent: the dev articles are read at run time only")
    paths = sorted(DEV_ARTICLES.glob("*.txt"))
    assert paths
    for path in paths:
        record = read_article_file(path)
        assert record.error is None, (path, record.error)
        assert record.warnings == [], (path, record.warnings)
        assert record.text and not record.text.startswith(("title:", "source:", "url:", "date:"))
        header = dict(line.split(": ", 1) for line in path.read_text(encoding="utf-8").split("\n\n", 1)[0].splitlines())
        assert record.published == (None if header["date"] == "unknown" else header["date"])
        assert record.outlet == (None if header["source"] == "unknown" else header["source"])
        for chrome in ("اترك تعليقاً", "زر الذهاب إلى الأعلى", "مقالات ذات صلة", "لن يتم نشر عنوان بريدك"):
            assert chrome not in record.text, (path, chrome)
        auto = only(list(iter_records([path])))
        assert (auto.text, auto.title, auto.published) == (record.text, record.title, record.published)


# ---------------------------------------------------------------- stdin


def test_stdin_jsonl() -> None:
    data = (json.dumps({"id": "s1", "text": P1}, ensure_ascii=False) + "\n" + json.dumps({"id": "s2", "text": P2}, ensure_ascii=False) + "\n").encode()
    records = list(iter_records(["-"], stdin=io.BytesIO(data)))
    assert [(r.id, r.text, r.line) for r in records] == [("s1", P1, 1), ("s2", P2, 2)]


def test_stdin_text_and_html_and_empty() -> None:
    assert only(list(iter_records(["-"], stdin=io.BytesIO(("\n" + BODY).encode("cp1256"))))).text == BODY
    html = f"<html><head><title>عنوان</title></head><body><article><p>{P1}</p></article></body></html>"
    record = only(list(read_stream(io.BytesIO(html.encode("utf-8")))))
    assert record.title == "عنوان" and record.text is not None and P1 in record.text
    record = only(list(iter_records(["-"], stdin=io.BytesIO(b"\n \n"))))
    assert record.error == "empty input"
    assert record.messages() == ["<stdin>: error: empty input"]


def test_huge_stdin_is_cut_with_a_warning() -> None:
    data = ((P1 + "\n\n") * (4 * MAX_CHARS // len(P1) + 10)).encode("utf-8")
    record = only(list(read_stream(io.BytesIO(data))))
    assert record.text is not None and len(record.text) <= MAX_CHARS
    assert len(record.warnings) == 1 and "the rest of the input, which was not read" in record.warnings[0]


# ---------------------------------------------------------------- start-up cost


def test_importing_the_readers_loads_no_heavy_library() -> None:
    code = (
        "import sys\n"
        "import marsad.ingest.records, marsad.ingest.chrome, marsad.ingest.decode, marsad.ingest.html\n"
        "heavy = [m for m in ('trafilatura', 'charset_normalizer', 'lxml', 'htmldate') if m in sys.modules]\n"
        "assert not heavy, heavy\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr


def test_os_errors_and_unexpected_failures_become_error_records(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import marsad.ingest.records as records

    (tmp_path / "a.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "b.html").write_text(f"<html><body><p>{P1}</p></body></html>", encoding="utf-8")
    (tmp_path / "c.txt").write_text(BODY, encoding="utf-8")
    real_read_bytes = records._read_bytes

    def read_bytes(path: Path, limit: int) -> tuple[bytes, int]:
        if path.name == "a.txt":
            raise PermissionError(13, "Permission denied", str(path))
        return real_read_bytes(path, limit)

    def explode(markup: str, *, url: str | None = None) -> object:
        raise RuntimeError("parser crashed")

    monkeypatch.setattr(records, "_read_bytes", read_bytes)
    monkeypatch.setattr(records, "extract_page", explode)
    a, b, c = iter_records([tmp_path])
    assert a.error == "cannot read: Permission denied"
    assert b.error == "could not read (RuntimeError: parser crashed)"
    assert (c.error, c.text) == (None, BODY)


def test_binary_data_that_opens_with_a_brace_is_still_binary(tmp_path: Path) -> None:
    (tmp_path / "blob.bin").write_bytes(b"{" + bytes(range(256)) * 40)
    record = only(list(iter_records([tmp_path / "blob.bin"])))
    assert record.text is None and record.error is not None and record.error.startswith("binary file, not text")
