"""Progress: a bar of the characters parsed, or the caller's own callback.

The parse is nearly all of the time a text takes, so progress is counted in characters as
each piece of a text is parsed: a whole novel moves the bar as steadily as many articles do.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager

# What the front doors take for progress: True for a bar on stderr, False for none, or a
# callable that is given the number of characters parsed since its last call.
Progress = bool | Callable[[int], object]


def total_length(texts: Iterable[object]) -> int | None:
    """The characters of all the texts, if they are a sequence; else None (a stream)."""
    if not isinstance(texts, Sequence):
        return None
    return sum(len(t) for t in texts if isinstance(t, str))


@contextmanager
def counter(progress: Progress, total: int | None) -> Iterator[Callable[[int], object]]:
    """Give what to call with each count of characters parsed, and close any bar at the end.

    Raises:
        TypeError: progress is neither a bool nor callable.
    """
    if callable(progress):
        yield progress
    elif not isinstance(progress, bool):
        raise TypeError(f"progress must be a bool or a callable, not {type(progress).__name__}")
    elif not progress:
        yield _ignore
    else:
        from tqdm import tqdm

        bar = tqdm(total=total, unit="char", unit_scale=True, desc="quoteattr", file=sys.stderr)
        with bar:
            yield bar.update


def _ignore(count: int) -> None:
    """Count nothing: progress is off."""
