"""A dialogue's turns decided as a whole (`_core/scenes.by_turns`), on hand-built quotes."""

from __future__ import annotations

from quoteattr._core.scenes import by_turns
from quoteattr._types import Quote, QuoteKind, Rule, Speaker


def line(paragraph: int, speaker: str | None, rule: Rule) -> Quote:
    """A direct quote opening its paragraph, as the rules attributed it."""
    return Quote(
        text="words",
        start=10 * paragraph,
        end=10 * paragraph + 5,
        kind=QuoteKind.DIRECT,
        speaker=Speaker(name=speaker) if speaker is not None else None,
        paragraph=paragraph,
        rule=rule,
    )


def names(quotes: list[Quote]) -> list[str | None]:
    return [q.speaker.name if q.speaker else None for q in quotes]


def test_a_cue_after_the_turns_decides_them_backwards() -> None:
    """Ann and Ben alternate; the turn rule misread the first turns from a wrong start, and
    the two cues later in the run put them right."""
    quotes = [
        line(0, "Ann", Rule.NAMED),
        line(1, "Carl", Rule.TURN),
        line(2, "Carl", Rule.TURN),
        line(3, "Ben", Rule.NAMED),
        line(4, "Ann", Rule.TURN),
    ]
    assert names(by_turns(quotes, fiction=False)) == ["Ann", "Ben", "Ann", "Ben", "Ann"]


def test_a_turn_follows_its_nearest_anchor() -> None:
    """Two lines from "Ben said" and four from "Ann said": the line is Ben's."""
    quotes = [
        line(0, "Ann", Rule.NAMED),
        line(1, "Ann", Rule.TURN),
        line(2, "Ann", Rule.TURN),
        line(3, "Ann", Rule.TURN),
        line(4, "Ann", Rule.TURN),
        line(5, "Ann", Rule.TURN),
        line(6, "Ben", Rule.PRONOUN),
    ]
    assert names(by_turns(quotes, fiction=False))[4] == "Ben"


def test_a_narration_paragraph_ends_the_run() -> None:
    """Paragraph 2 has no quote: the turns after it are not decided by the cue before it."""
    quotes = [line(0, "Ann", Rule.NAMED), line(1, "Ben", Rule.NAMED), line(3, "Carl", Rule.TURN)]
    assert names(by_turns(quotes, fiction=False)) == ["Ann", "Ben", "Carl"]


def test_without_two_speakers_shown_a_turn_keeps_its_speaker() -> None:
    """One line away from Ann's, with nobody else shown: the rule's answer stands."""
    quotes = [line(0, "Ann", Rule.NAMED), line(1, "Ben", Rule.TURN)]
    assert names(by_turns(quotes, fiction=False)) == ["Ann", "Ben"]


def test_only_turns_change_and_a_speaker_without_a_name_anchors_nothing() -> None:
    quotes = [
        line(0, "Ann", Rule.NAMED),
        line(1, None, Rule.UNRESOLVED),
        line(2, "Ben", Rule.CONTINUATION),
        line(3, "Ben", Rule.NAMED),
    ]
    unnamed = Quote(
        text="w",
        start=11,
        end=12,
        kind=QuoteKind.DIRECT,
        speaker=Speaker(name=None),
        paragraph=1,
        rule=Rule.PRONOUN,
    )
    assert by_turns(quotes, fiction=False) == quotes
    assert names(
        by_turns(fiction=False, quotes=[quotes[0], unnamed, line(2, "Carl", Rule.TURN)])
    ) == ["Ann", None, "Ann"]


def test_in_fiction_a_paragraph_that_went_on_or_had_no_one_alternates_too() -> None:
    """A novel's paragraph that opens a new line is a turn, whatever the rules took it for;
    a news report's paragraphs go on with one source."""
    quotes = [
        line(0, "Ann", Rule.NAMED),
        line(1, "Ben", Rule.NAMED),
        line(2, "Ben", Rule.CONTINUATION),
        line(3, None, Rule.NONE),
    ]
    decided = by_turns(quotes, fiction=True)
    assert names(decided) == ["Ann", "Ben", "Ann", "Ben"]
    assert [q.rule for q in decided[2:]] == [Rule.TURN, Rule.TURN]
    assert by_turns(quotes, fiction=False) == quotes
