"""How sure each rule is of the speaker it names: ``Quote.confidence``."""

from __future__ import annotations

from .._types import Rule

# How often each rule names the right speaker, measured on PolNeAR train (news) with
# scripts/calibration.py and rounded down; docs/accuracy.md has the table. An unresolved
# pronoun ("he" with no name found) is capped low: the mention is right, the name is not.
# The second column is the fast mode's, a little lower: capitals and word order only suggest
# what a parse and entities confirm. None: the rule needs a parse and never runs there.
CONFIDENCE: dict[Rule, tuple[float, float | None]] = {
    Rule.NAMED: (0.95, 0.85),
    Rule.LAYOUT: (0.9, 0.9),
    Rule.PRONOUN: (0.9, 0.7),
    Rule.CONTINUATION: (0.9, 0.65),
    Rule.GROUP: (0.85, 0.8),
    Rule.COLON: (0.7, 0.7),
    Rule.CONTEXT: (0.5, None),
    Rule.UNRESOLVED: (0.4, 0.35),
    Rule.ADDRESSED: (0.3, None),
    Rule.TURN: (0.3, 0.3),
    Rule.NONE: (0.0, 0.0),
}


def confidence(rule: Rule, parsed: bool) -> float:
    """Return the confidence of a speaker found by rule, with a parse or without one."""
    with_parse, without = CONFIDENCE[rule]
    if parsed:
        return with_parse
    if without is None:
        raise ValueError(f"the rule {rule.value!r} needs a parse")
    return without
