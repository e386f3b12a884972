"""docs/internals.md against the code: every rule listed, with the registry's needs-a-parse."""

from __future__ import annotations

import re
from pathlib import Path

from quoteattr import Rule
from quoteattr._core.confidence import CONFIDENCE, FICTION_CONFIDENCE
from quoteattr._core.rules import UNCUED_RULES
from quoteattr._cues.match import CueRule

INTERNALS = (Path(__file__).parent.parent / "docs" / "internals.md").read_text(encoding="utf-8")


def _table_rows(header: str) -> dict[str, list[str]]:
    """The rows of the docs' table under this header row, by the value in their first column."""
    table = INTERNALS[INTERNALS.index(header) :].split("\n\n")[0]
    rows = re.findall(r"^\| `([^`]+)` \|(.*)\|$", table, flags=re.MULTILINE)
    return {name: [cell.strip() for cell in rest.split("|")] for name, rest in rows}


def test_every_rule_is_listed_with_whether_it_needs_a_parse() -> None:
    rows = _table_rows("| rule |")
    needs_parse = {r.rule for r in UNCUED_RULES if r.needs_parse}
    for rule in Rule:
        assert rule.value in rows, rule
        assert rows[rule.value][-1] == ("yes" if rule in needs_parse else "no"), rule


def test_every_cue_rule_is_listed() -> None:
    rows = _table_rows("| cue rule |")
    assert all(rule.value in rows for rule in CueRule)


def test_every_rule_has_a_confidence_in_each_mode_it_runs_in() -> None:
    needs_parse = {r.rule for r in UNCUED_RULES if r.needs_parse}
    assert set(CONFIDENCE) == set(FICTION_CONFIDENCE) == set(Rule)
    for rule, (parsed, surface) in [*CONFIDENCE.items(), *FICTION_CONFIDENCE.items()]:
        assert 0.0 <= parsed <= 1.0
        assert (surface is None) == (rule in needs_parse), rule
