"""Tests for marsad.ingest.html and read_html: boilerplate removal, metadata, truncated pages, charsets."""

from __future__ import annotations

import pytest

from marsad.ingest.html import extract_page, is_truncated, looks_like_html
from marsad.ingest.records import read_html

P1 = (
    "أفادت مصادر محلية اليوم الثلاثاء بأن القوات الروسية بدأت الانسحاب من مطار القامشلي في ريف الحسكة، "
    "ونقلت معداتها الثقيلة إلى قاعدة حميميم على الساحل السوري."
)
P2 = (
    "وقال مصدر عسكري إن الانسحاب جاء بعد اتفاق مع الحكومة السورية على تسليم المواقع إلى وحدات الجيش "
    "خلال الأيام المقبلة، من دون أن يحدد موعداً نهائياً."
)


def page(*, head_extra: str = "", body_extra: str = "", close: bool = True, charset: str = "utf-8") -> str:
    html = f"""<!DOCTYPE html>
<html lang="ar" dir="rtl"><head>
<meta charset="{charset}">
<title>القوات الروسية تنسحب من مطار القامشلي - موقع الأخبار</title>
<meta property="og:title" content="القوات الروسية تنسحب من مطار القامشلي">
<meta property="og:site_name" content="موقع الأخبار">
<meta property="article:published_time" content="2024-03-05T10:00:00+03:00">
{head_extra}
</head><body>
<header><nav><ul><li><a href="/">الرئيسية</a></li><li><a href="/syria">سوريا</a></li><li><a href="/iraq">العراق</a></li></ul></nav></header>
<main><article>
<h1>القوات الروسية تنسحب من مطار القامشلي</h1>
<p>{P1}</p>
<p>{P2}</p>
{body_extra}
</article>
<aside><h3>الأكثر قراءة</h3><ul><li><a href="/a">خبر أول عن الطقس</a></li><li><a href="/b">خبر ثان عن الرياضة</a></li></ul></aside>
</main>
<footer><p>جميع الحقوق محفوظة © 2024 موقع الأخبار</p></footer>
"""
    return html + ("</body></html>\n" if close else "")


def test_title_date_sitename_and_body_come_from_the_page() -> None:
    record = read_html(page(), "x.html")
    assert record.error is None
    assert record.title == "القوات الروسية تنسحب من مطار القامشلي"
    assert record.published == "2024-03-05"
    assert record.outlet == "موقع الأخبار"
    assert record.text is not None
    assert P1 in record.text and P2 in record.text
    for boilerplate in ("الرئيسية", "جميع الحقوق محفوظة", "خبر أول عن الطقس"):
        assert boilerplate not in record.text
    assert record.warnings == []
    assert record.path == "x.html"


def test_title_without_og_comes_from_the_title_element() -> None:
    html = f"<html><head><title>انسحاب القوات الروسية</title></head><body><article><p>{P1}</p><p>{P2}</p></article></body></html>"
    record = read_html(html)
    assert record.title is not None and "انسحاب القوات الروسية" in record.title
    assert record.text is not None and P1 in record.text


def test_truncated_page_is_extracted_with_a_warning() -> None:
    html = page(close=False)
    html = html[: html.index(P2) + 40]  # cut in the middle of the second paragraph
    assert is_truncated(html)
    record = read_html(html.encode("utf-8"), "cut.html")
    assert record.error is None
    assert record.text is not None and P1 in record.text
    assert any("HTML looks truncated" in w and "</html>" in w for w in record.warnings)


def test_complete_page_and_fragment_are_not_truncated() -> None:
    assert not is_truncated(page())
    assert not is_truncated(f"<p>{P1}</p>")


def test_fragment_without_html_element_is_read() -> None:
    record = read_html(f"<div><p>{P1}</p><p>{P2}</p></div>")
    assert record.error is None
    assert record.text is not None and P1 in record.text and P2 in record.text
    assert record.warnings == []


@pytest.mark.parametrize("declared", [True, False])
def test_windows_1256_page_is_decoded(declared: bool) -> None:
    html = page(charset="windows-1256" if declared else "utf-8")
    if not declared:
        html = html.replace('<meta charset="utf-8">', "")
    record = read_html(html.encode("cp1256"), "legacy.html")
    assert record.encoding == "cp1256"
    assert record.text is not None and P1 in record.text
    assert record.title == "القوات الروسية تنسحب من مطار القامشلي"


def test_comments_are_not_part_of_the_text() -> None:
    comments = '<div id="comments" class="comments"><h3>التعليقات</h3><div class="comment"><p>تعليق من قارئ يقول إن الخبر قديم جداً ولا جديد فيه على الإطلاق.</p></div></div>'
    record = read_html(page(body_extra="") .replace("</article>", "</article>" + comments))
    assert record.text is not None and "تعليق من قارئ" not in record.text


def test_plain_text_chrome_left_by_the_extractor_is_stripped() -> None:
    record = read_html(page(body_extra="<p>اقرأ أيضاً: تركيا تنشئ قاعدة جديدة في ريف حلب</p><p>شارك على فيسبوك</p>"))
    assert record.text is not None
    assert "اقرأ أيضاً" not in record.text and "شارك على فيسبوك" not in record.text
    assert P2 in record.text


@pytest.mark.parametrize("markup", [b"", b"   \n  "])
def test_empty_html_is_an_error(markup: bytes) -> None:
    record = read_html(markup, "empty.html")
    assert record.text is None
    assert record.error is not None and "empty" in record.error


def test_page_without_text_is_an_error() -> None:
    record = read_html("<html><head><script>var a = 1;</script></head><body><img src='x.png'></body></html>")
    assert record.text is None
    assert record.error is not None and "no text" in record.error


def test_binary_bytes_named_html_are_an_error() -> None:
    record = read_html(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "image.html")
    assert record.text is None
    assert record.error is not None and "binary file" in record.error


def test_english_page_warns_about_missing_arabic() -> None:
    html = "<html><head><title>News</title></head><body><article>" + "<p>The army said on Monday that its troops had withdrawn from the airport after a deal.</p>" * 4 + "</article></body></html>"
    record = read_html(html)
    assert record.text is not None
    assert "no Arabic text found; marsad reads Arabic" in record.warnings


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("<!DOCTYPE html><html>", True),
        ("  \n<html lang='ar'>", True),
        ('<?xml version="1.0" encoding="utf-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml">', True),
        ("<!-- saved page -->\n<!doctype html>", True),
        ("<body><p>نص</p></body>", True),
        ("قال المصدر إن <القوات> انسحبت", False),
        ("title: عنوان\nsource: x", False),
    ],
)
def test_looks_like_html(text: str, expected: bool) -> None:
    assert looks_like_html(text) is expected


def test_extract_page_keeps_the_url_given() -> None:
    result = extract_page(page(), url="https://example.org/news/1")
    assert result.url == "https://example.org/news/1"
    assert result.text is not None and P1 in result.text
