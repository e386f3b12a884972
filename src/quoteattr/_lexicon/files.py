"""The data files in quoteattr/data, read once: each a list of rows of tab-separated columns,
with a header of # comments saying where it came from."""

from __future__ import annotations

from functools import cache
from importlib import resources


@cache
def rows(name: str) -> tuple[tuple[str, ...], ...]:
    """Return a data file's rows, each a tuple of its tab-separated columns, stripped;
    blank lines and # comments are skipped."""
    text = resources.files("quoteattr").joinpath("data").joinpath(name).read_text(encoding="utf-8")
    return tuple(
        tuple(col.strip() for col in line.split("\t"))
        for line in text.splitlines()
        if line.strip() and not line.startswith("#")
    )


@cache
def table(name: str) -> dict[str, str]:
    """Return a data file as {first column: second column or ""}."""
    return {row[0]: row[1] if len(row) > 1 else "" for row in rows(name)}


def word_set(name: str) -> frozenset[str]:
    """Return the words of a data file that lists one a line (its first column)."""
    return frozenset(row[0] for row in rows(name))
