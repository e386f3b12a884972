"""The data files in quoteattr/data load through _data.table and hold what they promise."""

from __future__ import annotations

from quoteattr._lexicon.files import table


def test_first_names_load_with_common_names_gendered() -> None:
    names = table("first_names.tsv")
    assert names["mary"] == "f"
    assert names["john"] == "m"


def test_first_names_leave_out_ambiguous_names() -> None:
    """SSA gives Jordan 74% m and Taylor 74% f, under the 90% the table asks for."""
    names = table("first_names.tsv")
    for name in ("jordan", "taylor", "casey", "jamie", "leslie"):
        assert name not in names, name


def test_first_names_are_lower_case_and_values_m_or_f() -> None:
    names = table("first_names.tsv")
    assert len(names) > 10_000
    assert set(names.values()) == {"f", "m"}
    assert all(name == name.lower() and name.isalpha() for name in names)
