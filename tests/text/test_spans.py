"""SpanIndex answers as a scan of the whole list would, in the list's order."""

from dataclasses import dataclass

from hypothesis import given
from hypothesis import strategies as st

from marsad.text.spans import SpanIndex


@dataclass
class Span:
    start: int
    end: int


spans = st.lists(st.tuples(st.integers(0, 60), st.integers(0, 12)).map(lambda t: Span(t[0], t[0] + t[1])),
                 max_size=30)
ranges = st.tuples(st.integers(-5, 80), st.integers(0, 15))


@given(spans, ranges, st.booleans())
def test_starting_is_a_filtered_scan(items: list[Span], r: tuple[int, int], presorted: bool) -> None:
    if presorted:
        items = sorted(items, key=lambda s: s.start)
    lo, hi = r[0], r[0] + r[1]
    assert SpanIndex(items).starting(lo, hi) == [s for s in items if lo <= s.start < hi]


@given(spans, ranges, st.booleans())
def test_meeting_holds_every_overlapping_span_in_order(items: list[Span], r: tuple[int, int], presorted: bool) -> None:
    if presorted:
        items = sorted(items, key=lambda s: s.start)
    lo, hi = r[0], r[0] + r[1]
    near = SpanIndex(items).meeting(lo, hi)
    touching = [s for s in items if s.start <= hi and lo <= s.end]
    assert [s for s in near if s in touching] == touching
    assert all(any(s is x for x in items) for s in near)


@given(spans, st.integers(-5, 80), st.integers(0, 12))
def test_last_starting_before(items: list[Span], hi: int, width: int) -> None:
    def test(s: Span) -> bool:
        return s.end - s.start >= width

    expected = [s for s in items if s.start < hi and test(s)]
    assert SpanIndex(items).last_starting_before(hi, test) is (expected[-1] if expected else None)
