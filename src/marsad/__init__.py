"""marsad: Arabic conflict news in, coded events out (who did what to whom, where, when, per whom)."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from marsad.document import Document

if TYPE_CHECKING:
    from marsad.pipeline import Pipeline

__all__ = ["Document", "Pipeline", "extract", "__version__"]
__version__ = "0.1.0"


def __getattr__(name: str) -> object:
    if name == "Pipeline":
        from marsad.pipeline import Pipeline

        return Pipeline
    raise AttributeError(f"module 'marsad' has no attribute {name!r}")


@functools.cache
def _default_pipeline() -> Pipeline:
    from marsad.pipeline import Pipeline

    return Pipeline()


def extract(text: str, *, title: str | None = None, published: str | None = None,
            url: str | None = None, outlet: str | None = None) -> Document:
    """Read one Arabic article and return its Document (contract marsad/1).

    `published` is an ISO date (YYYY-MM-DD) or any common date string; when absent, marsad
    looks for the date in a dateline or the text itself.
    """
    return _default_pipeline().run(text, title=title, published=published, url=url, outlet=outlet)
