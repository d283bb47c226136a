"""Input records from files, directories, JSONL and stdin; bad input becomes an error or warning, never an exception."""

from __future__ import annotations

import itertools
import json
import logging
import os
import re
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from marsad.errors import BinaryInputError, InputError
from marsad.ingest.chrome import strip_chrome_details
from marsad.ingest.decode import arabic_ratio, binary_kind, decode_bytes
from marsad.ingest.html import extract_page, looks_like_html

logger = logging.getLogger(__name__)

# Longest text kept, in characters. A long news article is 5,000-20,000 characters and
# a long report 100,000; a million (about 400 printed pages) is no longer an article,
# and the pipeline's time and memory grow with the length, so the rest is dropped, with
# a warning, at a paragraph boundary.
MAX_CHARS = 1_000_000

# Most bytes read from one text file or from stdin: enough for MAX_CHARS characters in
# any encoding (UTF-8 and UTF-32 take at most 4 bytes a character), so a 2 GB file
# costs no more than a 4 MB one.
MAX_READ_BYTES = MAX_CHARS * 4

# Most bytes of HTML read from one page. News pages run 50 KB-2 MB, most of it scripts
# and styles; 8 MB leaves room for the heaviest ones.
MAX_HTML_BYTES = 8_000_000

# Below this share of Arabic among the letters (see `decode.arabic_ratio`) a text gets
# the warning "no Arabic text found". Arabic news with English names, acronyms and
# quotes stays above 0.7; an English or French page that quotes an Arabic name is
# under 0.05.
MIN_ARABIC_RATIO = 0.2
NOT_ARABIC = "no Arabic text found; marsad reads Arabic"

# Keys of the header block of an article file ("title: ...", then a blank line).
HEADER_KEYS = ("title", "source", "url", "date")
_HEADER_LINE = re.compile(r"(title|source|url|date|id|outlet|published)[ \t]*:[ \t]*(.*?)[ \t]*", re.IGNORECASE)
_HEADER_MAX_LINES = 12

# Control characters left in decoded text: form feed and vertical tab become newlines,
# the others go (with a warning).
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
# Where a text too long is cut, best first: a paragraph, a line, a sentence, a word.
_BREAKS = (
    re.compile(r"\n[ \t]*\n"),
    re.compile(r"\n"),
    re.compile(r"[.!?؟…][\"'»”)\]]*\s"),
    re.compile(r"\s"),
)
_DECLARED_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.IGNORECASE)
_WHITESPACE_AND_BOM = b" \t\r\n\xef\xbb\xbf"

# Share of a long text whose Arabic is checked: enough to tell Arabic from not.
_ARABIC_SAMPLE_CHARS = 100_000

HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".shtml"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson", ".jsonlines"})
_JSONL_FIELDS = ("title", "published", "url", "outlet")


@dataclass(slots=True)
class InputRecord:
    """One input document as read, before any analysis.

    `error` set means the input could not be read at all (then `text` is None);
    `warnings` say what was off in an input that was read (an encoding guess, truncated
    HTML, a text cut at MAX_CHARS, no Arabic). `published` is the raw string as given.
    `text` is the cleaned body: decoded, newlines unified, site chrome removed.
    """

    id: str | None = None
    text: str | None = None
    html: str | None = None
    title: str | None = None
    published: str | None = None
    url: str | None = None
    outlet: str | None = None
    path: str | None = None
    warnings: list[str] = field(default_factory=list)
    error: str | None = None
    line: int | None = None
    encoding: str | None = None

    @property
    def where(self) -> str:
        """Where the record came from, for messages: the path (or <stdin>), and the id if any."""
        where = self.path or "<stdin>"
        return f"{where} (id {self.id})" if self.id is not None and self.line is not None else where

    def messages(self) -> list[str]:
        """One plain line per problem, for stderr: "<where>: error: ..." / "<where>: warning: ..."."""
        line = f"line {self.line}: " if self.line is not None else ""
        out = [f"{self.where}: warning: {line}{w}" for w in self.warnings]
        if self.error is not None:
            out.append(f"{self.where}: error: {self.error}")
        return out


# ---------------------------------------------------------------- public readers


def iter_records(
    paths: Sequence[str | Path], *, stdin: BinaryIO | None = None, skip: Sequence[str | Path] = ()
) -> Iterator[InputRecord]:
    """Read every input in order: files, directories (recursively, sorted), "-" for stdin.

    Files in `skip` (the run's own output file, say) are never read, even inside a directory.

    .jsonl/.ndjson files give one record a line; .html/.htm pages go through trafilatura;
    anything else is read as text (an HTML page or a header-block article is recognised
    by its start). Problems become `error` or `warnings` on the records; no exception
    escapes, and the other inputs are still read.
    """
    for item in paths:
        if str(item) == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            yield from _guard(lambda: read_stream(stream), None)
            continue
        path = Path(item)
        try:
            if path.is_dir():
                skipped = {Path(p).resolve() for p in skip}
                files = [f for f in _walk(path) if f.resolve() not in skipped]
                if not files:
                    yield InputRecord(path=str(path), error="directory has no files")
                for file in files:
                    yield from _guard(lambda file=file: _read_path(file), str(file))
            elif path.exists():
                yield from _guard(lambda: _read_path(path), str(path))
            else:
                yield InputRecord(path=str(path), error="no such file")
        except OSError as exc:
            yield InputRecord(path=str(path), error=f"cannot read: {exc.strerror or exc}")


def read_text_file(path: str | Path) -> InputRecord:
    """Read a text file: decode, recognise a header block or an HTML page, strip chrome."""
    path = Path(path)
    data, unread = _read_bytes(path, MAX_READ_BYTES)
    return _from_bytes(data, path=str(path), unread=unread)


def read_article_file(path: str | Path) -> InputRecord:
    """Read an article file that starts with a `title:`/`source:`/`url:`/`date:` header block.

    `source` becomes `outlet`, `date` becomes `published`; `unknown` means None. A file
    without the block is read as plain text, with a warning.
    """
    path = Path(path)
    data, unread = _read_bytes(path, MAX_READ_BYTES)
    record = InputRecord(path=str(path))
    text = _decode_into(record, data, unread)
    if text is None:
        return record
    header, body = _split_header(text, strict=False)
    if header is None:
        record.warnings.append("no header block (title:, source:, url:, date: lines, then a blank line)")
        body = text
    else:
        _apply_header(record, header)
    return _finish(record, body, unread)


def read_html(data: bytes | str, path: str | Path | None = None, *, url: str | None = None) -> InputRecord:
    """Read one HTML page: main text without boilerplate, title and date from the metadata."""
    record = InputRecord(path=str(path) if path is not None else None)
    if isinstance(data, bytes):
        unread = max(0, len(data) - MAX_HTML_BYTES)
        markup = _decode_into(record, data[:MAX_HTML_BYTES], unread, declared=_declared_charset(data))
        if markup is None:
            return record
        if unread:
            record.warnings.append(f"HTML page larger than {MAX_HTML_BYTES:,} bytes: read only the first {MAX_HTML_BYTES:,}")
    else:
        markup = data
    return _from_html(record, markup, url=url)


def read_jsonl(source: str | Path | BinaryIO | Iterable[bytes]) -> Iterator[InputRecord]:
    """Read JSONL: one record a line with `id`, `text` or `html`, `title`, `published`, `url`, `outlet`.

    Unknown fields are ignored; a numeric id becomes a string; blank lines are skipped.
    A bad line gives an error record naming its line number, and the next lines are still
    read. Records come out in input order.
    """
    if isinstance(source, (str, Path)):
        path = str(source)
        with open(source, "rb") as stream:
            yield from _jsonl_lines(stream, path)
    else:
        name = getattr(source, "name", None)
        yield from _jsonl_lines(source, name if isinstance(name, str) else None)


def read_stream(stream: BinaryIO, *, path: str | None = None) -> Iterator[InputRecord]:
    """Read a byte stream such as stdin: JSONL when it starts with "{", else one text or HTML document."""
    head: list[bytes] = []
    for raw in stream:
        head.append(raw)
        if raw.strip(_WHITESPACE_AND_BOM):
            break
    if not head or not head[-1].strip(_WHITESPACE_AND_BOM):
        yield InputRecord(path=path, error="empty input")
        return
    first = head[-1].lstrip(_WHITESPACE_AND_BOM)
    if first.startswith(b"{"):
        yield from _jsonl_lines(itertools.chain(head, stream), path)
        return
    data = b"".join(head)
    rest = stream.read(MAX_READ_BYTES + 1 - len(data)) if len(data) <= MAX_READ_BYTES else b""
    data += rest
    unread = 0
    if len(data) > MAX_READ_BYTES:
        data = data[:MAX_READ_BYTES]
        unread = -1  # unknown amount: the rest of the stream is not read
    yield _from_bytes(data, path=path, unread=unread)


# ---------------------------------------------------------------- internals


def _guard(read: Callable[[], InputRecord | Iterator[InputRecord]], path: str | None) -> Iterator[InputRecord]:
    """Run a reader; an unexpected failure becomes an error record, after what was read."""
    try:
        result = read()
        if isinstance(result, InputRecord):
            yield result
        else:
            yield from result
    except OSError as exc:
        yield InputRecord(path=path, error=f"cannot read: {exc.strerror or exc}")
    except InputError as exc:
        yield InputRecord(path=path, error=str(exc))
    except Exception as exc:  # a bug or a library failure on odd input: report it, go on
        logger.debug("reading %s failed", path, exc_info=True)
        yield InputRecord(path=path, error=f"could not read ({type(exc).__name__}: {exc})")


def _walk(root: Path) -> Iterator[Path]:
    """Files under `root`, recursively, in sorted order, skipping hidden files and folders."""
    for folder, dirs, files in os.walk(root, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                yield Path(folder) / name


def _read_path(path: Path) -> InputRecord | Iterator[InputRecord]:
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        return read_jsonl(path)
    if suffix in HTML_SUFFIXES:
        data, _ = _read_bytes(path, MAX_HTML_BYTES + 1)
        return read_html(data, path)
    if suffix != ".txt":  # unknown extension: JSONL when it is text that starts with "{", else text
        with open(path, "rb") as stream:
            head = stream.read(8000)
        if head.lstrip(_WHITESPACE_AND_BOM).startswith(b"{") and binary_kind(head) is None:
            return read_jsonl(path)
    return read_text_file(path)


def _read_bytes(path: Path, limit: int) -> tuple[bytes, int]:
    """Up to `limit` bytes of `path`, and how many bytes were left unread."""
    with open(path, "rb") as stream:
        data = stream.read(limit + 1)
        if len(data) <= limit:
            return data, 0
        size = os.fstat(stream.fileno()).st_size
    return data[:limit], max(1, size - limit)


def _decode_into(record: InputRecord, data: bytes, unread: int, declared: str | None = None) -> str | None:
    """Decode `data` for `record`; on failure set `record.error` and return None."""
    if not data.strip():
        record.error = "empty file" if not data else "empty file (only whitespace)"
        return None
    try:
        text, encoding, warnings = decode_bytes(data, declared=declared, partial=unread != 0)
    except BinaryInputError as exc:
        record.error = str(exc)
        return None
    record.encoding = encoding
    record.warnings.extend(warnings)
    return text


def _from_bytes(data: bytes, *, path: str | None, unread: int) -> InputRecord:
    """A record from the bytes of a text input: header-block article, HTML page or plain text."""
    record = InputRecord(path=path)
    text = _decode_into(record, data, unread)
    if text is None:
        return record
    if looks_like_html(text):
        if unread:
            record.warnings.append(f"HTML page too large: read the first {len(data):,} bytes")
        return _from_html(record, text)
    header, body = _split_header(text, strict=True)
    if header is not None:
        _apply_header(record, header)
        text = body
    return _finish(record, text, unread)


def _from_html(record: InputRecord, markup: str, *, url: str | None = None) -> InputRecord:
    if not markup.strip():
        record.error = "empty HTML"
        return record
    record.html = markup
    page = extract_page(markup, url=url)
    record.warnings.extend(page.warnings)
    if page.text is None:
        record.error = "no text found in the HTML page"
        return record
    record.title = page.title
    record.published = page.date
    record.outlet = page.sitename
    record.url = page.url
    return _finish(record, page.text, 0)


def _split_header(text: str, *, strict: bool) -> tuple[dict[str, str | None] | None, str]:
    """Split a leading `key: value` header block from the body.

    strict: only when the first line is `title:` and the block has all of HEADER_KEYS
    (the auto-detection used for plain .txt files).
    """
    start = 1 if text.startswith("\ufeff") else 0
    header: dict[str, str | None] = {}
    pos = start
    for _ in range(_HEADER_MAX_LINES):
        end = text.find("\n", pos)
        line = text[pos:] if end < 0 else text[pos:end]
        if not line.strip():
            break
        m = _HEADER_LINE.fullmatch(line.rstrip("\r"))
        if m is None:
            return None, text
        value = m.group(2).strip()
        header[m.group(1).lower()] = None if value.lower() in ("", "unknown", "none", "null", "n/a") else value
        if end < 0:
            pos = len(text)
            break
        pos = end + 1
    else:
        return None, text
    if not header:
        return None, text
    if strict and (not text[start:].lower().startswith("title") or not all(k in header for k in HEADER_KEYS)):
        return None, text
    return header, text[pos:]


def _apply_header(record: InputRecord, header: dict[str, str | None]) -> None:
    record.title = header.get("title")
    record.outlet = header.get("source") or header.get("outlet")
    record.url = header.get("url")
    record.published = header.get("date") or header.get("published")
    if header.get("id"):
        record.id = header["id"]


def _truncate(text: str, unread: int) -> tuple[str, str | None]:
    """Cut `text` to MAX_CHARS at a paragraph (else line, sentence, word) boundary, with a warning."""
    if len(text) <= MAX_CHARS and not unread:
        return text, None
    head = text[:MAX_CHARS]
    cut = -1
    for pattern in _BREAKS:
        ends = [m.end() for m in pattern.finditer(head, MAX_CHARS // 2)]
        if ends:
            cut = ends[-1]
            break
    kept = text[:cut] if cut > 0 else head
    dropped = len(text) - len(kept)
    message = f"text too long: kept the first {len(kept):,} characters (limit {MAX_CHARS:,}) and dropped {dropped:,}"
    if unread > 0:
        message += f", plus {unread:,} bytes of the file that were not read"
    elif unread < 0:
        message += ", plus the rest of the input, which was not read"
    return kept, message


def _finish(record: InputRecord, text: str, unread: int) -> InputRecord:
    """Unify newlines, drop control characters, cut at MAX_CHARS, strip chrome, check for Arabic."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\x0c" in text or "\x0b" in text:
        text = text.replace("\x0c", "\n").replace("\x0b", "\n")
    text, removed = _CONTROL_CHARS.subn("", text)
    if removed:
        record.warnings.append(f"removed {removed} control character(s) from the text")
    text, warning = _truncate(text, unread)
    if warning:
        record.warnings.append(warning)
    stripped = strip_chrome_details(text)
    if stripped.removed:
        logger.debug("%s: removed %d chrome line(s)", record.path, stripped.removed)
    if record.published is None:
        record.published = stripped.published
    text = stripped.text.strip()
    if not text:
        record.error = "no text left (the input holds only whitespace or site chrome)"
        record.text = None
        return record
    record.text = text
    if (warning := not_arabic_warning(text)) is not None:
        record.warnings.append(warning)
    return record


def not_arabic_warning(text: str) -> str | None:
    """The warning for a text with (almost) no Arabic in its opening, else None."""
    if arabic_ratio(text[:_ARABIC_SAMPLE_CHARS]) < MIN_ARABIC_RATIO:
        return NOT_ARABIC
    return None


def _declared_charset(data: bytes) -> str | None:
    m = _DECLARED_CHARSET.search(data[:4096])
    return m.group(1).decode("ascii") if m else None


# ---------------------------------------------------------------- JSONL


def _jsonl_lines(lines: Iterable[bytes], path: str | None) -> Iterator[InputRecord]:
    seen_any = False
    for number, raw in enumerate(lines, start=1):
        if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]
        if not raw.strip():
            continue
        seen_any = True
        yield _jsonl_record(raw, number, path)
    if not seen_any:
        yield InputRecord(path=path, error="empty file")


def _jsonl_record(raw: bytes, number: int, path: str | None) -> InputRecord:
    record = InputRecord(path=path, line=number)
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError:
        try:
            line, encoding, warnings = decode_bytes(raw)
        except BinaryInputError:
            record.error = f"line {number}: binary data, not a JSON record"
            return record
        record.warnings.append(f"line is not UTF-8; read as {encoding}")
        record.warnings.extend(warnings)
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        record.error = f"line {number}: invalid JSON: {exc.msg} (column {exc.colno})"
        return record
    except RecursionError:
        record.error = f"line {number}: invalid JSON: nested too deeply"
        return record
    if not isinstance(obj, dict):
        record.error = f"line {number}: not a JSON object (got {type(obj).__name__}); each line must be one record"
        return record

    record.id = _jsonl_id(obj.get("id"), record)
    for name in _JSONL_FIELDS:
        setattr(record, name, _jsonl_str(obj, name, record))
    text = _jsonl_str(obj, "text", record)
    html = _jsonl_str(obj, "html", record)
    if text and text.strip():
        if html:
            record.html = html
        _finish(record, text, 0)
        if record.error is not None:
            record.error = f"line {number}: {record.error}"
        return record
    if html and html.strip():
        given = {name: getattr(record, name) for name in _JSONL_FIELDS}
        page = read_html(html, path, url=given["url"])
        for name in ("text", "html", "error", "encoding"):
            setattr(record, name, getattr(page, name))
        record.warnings.extend(page.warnings)
        if record.error is not None:
            record.error = f"line {number}: {record.error}"
        record.title = given["title"] or page.title
        record.published = given["published"] or page.published
        record.url = given["url"] or page.url
        record.outlet = given["outlet"] or page.outlet
        return record
    record.error = f"line {number}: record has neither text nor html"
    return record


def _jsonl_id(value: object, record: InputRecord) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool):
        record.warnings.append("id ignored: expected a string or a number")
        return None
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, str):
        return value
    record.warnings.append("id ignored: expected a string or a number")
    return None


def _jsonl_str(obj: dict[str, object], name: str, record: InputRecord) -> str | None:
    value = obj.get(name)
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    record.warnings.append(f"field {name!r} ignored: expected a string, got {type(value).__name__}")
    return None
