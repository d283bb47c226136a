"""Spans of one text indexed by start offset, so that per-mention lookups stay near-linear on long documents."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Sequence
from itertools import pairwise
from typing import Generic, Protocol, TypeVar


class _Span(Protocol):
    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


S = TypeVar("S", bound=_Span)


class SpanIndex(Generic[S]):
    """Items with `start`/`end` offsets; queries return matching items in their given order.

    Each query returns exactly the items a scan of the whole list would test positive for a
    condition on its range, found by bisection over the starts instead of a scan.
    """

    def __init__(self, items: Sequence[S]) -> None:
        self.items = list(items)
        starts = [x.start for x in self.items]
        # Mentions come sorted by start; otherwise bisect over a sorted copy of the positions.
        if all(a <= b for a, b in pairwise(starts)):
            self._order: list[int] | None = None
            self._starts = starts
        else:
            self._order = sorted(range(len(starts)), key=starts.__getitem__)
            self._starts = [starts[i] for i in self._order]
        self._longest = max((x.end - x.start for x in self.items), default=0)

    def starting(self, lo: int, hi: int) -> list[S]:
        """The items whose start lies in [lo, hi)."""
        i, j = bisect_left(self._starts, lo), bisect_left(self._starts, hi)
        if self._order is None:
            return self.items[i:j]
        return [self.items[k] for k in sorted(self._order[i:j])]

    def meeting(self, lo: int, hi: int) -> list[S]:
        """The items that may overlap, touch or contain [lo, hi]: a superset that callers filter.

        An item starting before lo - (the longest item's length) ends before lo.
        """
        return self.starting(lo - self._longest, hi + 1)

    def last_starting_before(self, hi: int, test: Callable[[S], bool], lo: int | None = None) -> S | None:
        """The last item, in the given order, that starts before hi (and at or after lo) and
        passes `test`."""
        i, j = (0 if lo is None else bisect_left(self._starts, lo)), bisect_left(self._starts, hi)
        positions = range(j - 1, i - 1, -1) if self._order is None else sorted(self._order[i:j], reverse=True)
        for k in positions:
            if test(self.items[k]):
                return self.items[k]
        return None
