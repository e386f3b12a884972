"""A dialogue's turns decided as a whole (`_core/scenes.by_turns`), on hand-built quotes."""

from __future__ import annotations

from collections.abc import Callable

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


def spoken_to(names: dict[int, str]) -> Callable[[int, int], list[str]]:
    """The people each line (by its paragraph) speaks to by name, as `Evidence.addressed`."""
    return lambda start, end: [names[start // 10]] if start // 10 in names else []


# Rosa, Mateo and Ines speak in turn, cued; the uncued line 3 is Mateo's by alternation.
AT_TABLE = [
    line(0, "Rosa", Rule.NAMED),
    line(1, "Mateo", Rule.NAMED),
    line(2, "Ines", Rule.NAMED),
    line(3, "Mateo", Rule.TURN),
    line(4, "Mateo", Rule.NAMED),
]


def test_a_line_that_speaks_to_someone_says_they_spoke_the_line_before() -> None:
    """Rosa, Mateo and Ines at table; the uncued line 3 is answered by "Abuela, I'm
    thirty-one," said Mateo: it is Rosa's, not Mateo's by alternation."""
    quotes = AT_TABLE
    decided = by_turns(quotes, fiction=True, addressed=spoken_to({4: "Rosa"}))
    assert names(decided) == ["Rosa", "Mateo", "Ines", "Rosa", "Mateo"]
    assert decided[3].rule is Rule.TURN


def test_a_name_spoken_to_says_nothing_of_a_line_shown_or_of_someone_not_in_the_scene() -> None:
    """The line before is cued (Ines's); or the name is of nobody who speaks in the run."""
    quotes = AT_TABLE
    assert names(by_turns(quotes, fiction=True, addressed=spoken_to({3: "Rosa"})))[2] == "Ines"
    assert names(by_turns(quotes, fiction=True, addressed=spoken_to({4: "Paco"})))[3] == "Mateo"


def test_a_name_spoken_to_of_someone_who_speaks_only_later_says_nothing_of_the_line_before() -> (
    None
):
    """ "Write that down, Pell." (Vane's by the alternation) is answered by Pell; the line
    before it is not Pell's, who had not spoken yet."""
    quotes = [
        line(0, "Vane", Rule.NAMED),
        line(1, "Osgood", Rule.TURN),
        line(2, "Vane", Rule.TURN),
        line(3, "Osgood", Rule.TURN),
        line(4, "Vane", Rule.TURN),
        line(5, "Pell", Rule.ADDRESSED),
    ]
    decided = by_turns(quotes, fiction=True, addressed=spoken_to({4: "Pell"}))
    assert decided == by_turns(quotes, fiction=True)
