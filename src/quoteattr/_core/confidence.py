"""How sure each rule is of the speaker it names: ``Quote.confidence``, assigned once.

A quote's confidence is a function of its rule, the mode and the genre, nothing else:
`with_confidence` sets it on every quote once every speaker is decided. The speaker rules
for quotes without a cue carry their rows in their registration (`rules.uncued_rule`); the
rules that read a cue, a caption or the ranker have theirs here.
"""

from __future__ import annotations

import attrs

from .._types import Quote, Rule

# How often each rule names the right speaker by the right name: the lower of two shares,
# rounded down to 0.05, both measured with `quoteattr evaluate` (docs/accuracy.md has the
# tables): the speaker right on PolNeAR train (news, mentions as written), and the canonical
# name right on polnear_names.jsonl. Rules seen fewer than 20 times there (layout, and the
# uncued turn and addressed) keep a hand-set value at or below what they showed. An
# unresolved pronoun names no one (its mention is right, its name is the pronoun), so it
# gets 0.
# The ranker (ranked) only gives a speaker to quotes the rules found none for (or only an
# unresolved "he" or "she"). In novels, measured held out (scripts/train_ranker.py), it
# names the right character for 46% of them (43 of 93; fast mode 18.4%); in news the
# speaker is right for 31.9% (fast 28.2%) on PolNeAR and the name for 2 of 8 (fast 7 of 24)
# on polnear_names.
# Each row: (with a parse, the fast mode's share measured the same way on its own
# predictions). None: the rule needs a parse and never runs without one.
Row = tuple[float, "float | None"]
CONFIDENCE: dict[Rule, Row] = {
    Rule.NAMED: (0.9, 0.7),
    Rule.LAYOUT: (0.9, 0.9),
    Rule.PRONOUN: (0.9, 0.55),
    Rule.GROUP: (0.7, 0.15),
    Rule.COLON: (0.7, 0.65),
    Rule.UNRESOLVED: (0.0, 0.0),
    Rule.RANKED: (0.2, 0.2),
    Rule.NONE: (0.0, 0.0),
}
# The same in fiction (a text `genre.is_fiction` takes for one): the character right by any of
# its names, measured on the 14 novels of pdnc_dev.jsonl (../shared/eval/score_characters.py),
# rounded down to 0.05: named 88.3% (7,569 quotes; fast 85.9% of 6,703), pronoun 67.4%
# (fast 41.1%), group 30.0% (fast 20.0%), colon 45.8% of 24 (fast 31.6% of 19), ranked 46.2%
# (fast 31.1%); layout, never seen there, hand-set below news. No rule names the right
# character 90% of the time in a novel, so no quote of fiction gets 0.9.
FICTION_CONFIDENCE: dict[Rule, Row] = {
    Rule.NAMED: (0.85, 0.85),
    Rule.LAYOUT: (0.8, 0.8),
    Rule.PRONOUN: (0.65, 0.4),
    Rule.GROUP: (0.3, 0.2),
    Rule.COLON: (0.45, 0.3),
    Rule.UNRESOLVED: (0.0, 0.0),
    Rule.RANKED: (0.45, 0.3),
    Rule.NONE: (0.0, 0.0),
}


def confidence(rule: Rule, parsed: bool, fiction: bool = False) -> float:
    """Return the confidence of a speaker found by rule, with a parse or without one, in
    news or in fiction."""
    with_parse, without = (FICTION_CONFIDENCE if fiction else CONFIDENCE)[rule]
    if parsed:
        return with_parse
    if without is None:
        raise ValueError(f"the rule {rule.value!r} needs a parse")
    return without


def with_confidence(quotes: list[Quote], parsed: bool, fiction: bool = False) -> list[Quote]:
    """Return the quotes, each with the confidence of its rule in this mode and genre."""
    return [attrs.evolve(q, confidence=confidence(q.rule, parsed, fiction)) for q in quotes]
