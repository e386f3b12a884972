"""Which of many character ranges overlap a given one, without testing them all."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from itertools import accumulate


class IntervalIndex:
    """A fixed list of ``[start, end)`` ranges, to ask which of them overlap a range.

    A query costs a binary search plus the ranges between the first that reaches the query
    and the last that starts before its end: the overlapping ones, for ranges that do not
    nest deeply (quotes, clauses), so a pass over a document stays linear in its length.
    """

    def __init__(self, ranges: Sequence[tuple[int, int]]) -> None:
        self._order = sorted(range(len(ranges)), key=lambda k: ranges[k][0])
        self._starts = [ranges[k][0] for k in self._order]
        self._ends = [ranges[k][1] for k in self._order]
        self._reach = list(accumulate(self._ends, max))  # the furthest end so far

    def overlapping(self, start: int, end: int) -> list[int]:
        """Return the positions, in the list given, of the ranges that overlap [start, end).

        A range overlaps when it starts before end and ends after start; the positions come
        in increasing order.
        """
        lo = bisect_right(self._reach, start)
        hi = bisect_left(self._starts, end)
        return sorted(self._order[i] for i in range(lo, hi) if self._ends[i] > start)
