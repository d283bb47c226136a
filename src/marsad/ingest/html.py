"""Main text and metadata (title, date, site name, url) of an HTML page, with trafilatura."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field

logger = logging.getLogger(__name__)

_CLOSING_HTML = re.compile(r"</html\s*>", re.IGNORECASE)
_OPENING_HTML = re.compile(r"<html[\s>]|<!doctype\s+html", re.IGNORECASE)
_PAGE_MARKUP = re.compile(r"<(?:html|body|head)[\s>]", re.IGNORECASE)
_LOOKS_HTML = re.compile(
    r"\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>])",
    re.IGNORECASE | re.DOTALL,
)


@dataclass(slots=True)
class Page:
    """What was read from one HTML page; `text` is None when no main text was found."""

    text: str | None
    title: str | None = None
    date: str | None = None
    sitename: str | None = None
    url: str | None = None
    warnings: list[str] = field(default_factory=list)


def looks_like_html(text: str) -> bool:
    """True when `text` starts like an HTML page (doctype, <html>, <head> or <body>)."""
    return _LOOKS_HTML.match(text[:2048]) is not None


def is_truncated(markup: str) -> bool:
    """True when `markup` is a whole page (it opens <html>) that never closes it."""
    return _OPENING_HTML.search(markup[:4096]) is not None and _CLOSING_HTML.search(markup) is None


def extract_page(markup: str, *, url: str | None = None) -> Page:
    """Extract the main text and the metadata of `markup` with trafilatura.

    Comments are left out. A fragment without <html>/<body> is wrapped in a page first.
    When trafilatura finds no main text, all the page's visible text is taken instead,
    with a warning. A truncated page is still extracted, with a warning.
    """
    import trafilatura  # slow import (lxml, htmldate, justext): only when HTML is read

    warnings: list[str] = []
    if is_truncated(markup):
        warnings.append("HTML looks truncated: no closing </html>; extracted what is there")
    if _PAGE_MARKUP.search(markup[:65536]) is None:
        markup = f"<html><body>{markup}</body></html>"
    doc = trafilatura.bare_extraction(
        markup,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        include_images=False,
        include_links=False,
    )
    if doc is None or not (doc.text or "").strip():
        fallback = trafilatura.html2txt(markup) or ""
        if not fallback.strip():
            return Page(text=None, warnings=warnings)
        logger.debug("trafilatura found no main text; falling back to all the page's text")
        warnings.append("no main article text found in the HTML; used all the text of the page")
        meta = doc if doc is not None else trafilatura.extract_metadata(markup, default_url=url)
        return Page(
            text=fallback,
            title=(meta.title or None) if meta is not None else None,
            date=(meta.date or None) if meta is not None else None,
            sitename=(meta.sitename or None) if meta is not None else None,
            url=((meta.url or None) if meta is not None else None) or url,
            warnings=warnings,
        )
    return Page(
        text=doc.text,
        title=doc.title or None,
        date=doc.date or None,
        sitename=doc.sitename or None,
        url=doc.url or url,
        warnings=warnings,
    )
