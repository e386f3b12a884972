"""The library's word lists, read once from the files in quoteattr/data."""

from __future__ import annotations

from functools import cache
from importlib import resources


@cache
def table(name: str) -> dict[str, str]:
    """Return a data file as {first column: second column or ""}, skipping # comments."""
    rows: dict[str, str] = {}
    text = resources.files("quoteattr").joinpath("data").joinpath(name).read_text(encoding="utf-8")
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            key, _, rest = line.partition("\t")
            rows[key.strip()] = rest.split("\t")[0].strip()
    return rows
