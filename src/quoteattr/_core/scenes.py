"""The turns of a dialogue decided as a whole: each run of paragraphs that open with a quote
takes the speakers of its uncued turns from the lines whose speakers the text shows.

The `turn` rule reads a dialogue forward, one line after another, so a line it misreads
shifts every turn after it. Here a run's lines whose speaker a cue or the narration shows
(its anchors) decide its turns from both sides: a turn an even number of lines from its
nearest anchor is that anchor's speaker's, an odd number the other speaker's, the one the
nearest anchor on the other side of the alternation shows.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Collection, Iterator, Sequence
from itertools import islice, pairwise

import attrs

from .._types import Quote, QuoteKind, Rule, Speaker

# The rules that show a line's speaker: a cue's name or pronoun, the narration, a vocative.
ANCHORING = frozenset({Rule.NAMED, Rule.PRONOUN, Rule.CONTEXT, Rule.ADDRESSED})
# The lines the alternation decides: the turns, a paragraph that the rules took to go on with
# the last speaker, and one they found no speaker for.
ALTERNATING = frozenset({Rule.TURN, Rule.CONTINUATION, Rule.NONE})
# How many anchors, nearest first, a line looks through for the other speaker of its run.
MAX_ANCHORS_LOOKED = 50


def _nobody(start: int, end: int) -> list[str]:
    """No one spoken to: a text read without a parse (`Evidence.addressed`)."""
    return []


def by_turns(
    quotes: Sequence[Quote], fiction: bool, addressed: Callable[[int, int], list[str]] = _nobody
) -> list[Quote]:
    """The quotes, each line of a run that the rules took for a turn, and in fiction for a
    continuation or no one's (`ALTERNATING`), given the speaker its run's anchors show by
    alternation, as a turn; a line no anchor decides keeps what the rules gave it. (A news
    report's paragraphs go on with one source, as its continuations say.)

    Such a line that the next one answers by speaking by name (whom addressed(start, end)
    gives for the quoted words) to someone the run showed speaking before it is an anchor
    too, that person's (`_answered`): ""Four is nothing at your age." / "Abuela, I'm
    thirty-one," said Mateo."
    """
    alternating = ALTERNATING if fiction else {Rule.TURN}
    first: dict[int, int] = {}  # paragraph -> its first direct quote
    anchors: dict[int, Speaker] = {}  # paragraph -> the speaker its first anchored line shows
    for k, q in enumerate(quotes):
        if q.kind is QuoteKind.DIRECT:
            first.setdefault(q.paragraph, k)
        if q.rule in ANCHORING and q.speaker is not None and q.speaker.name is not None:
            anchors.setdefault(q.paragraph, q.speaker)
    decided = list(quotes)
    for run in _runs(sorted(first)):
        lines = [quotes[first[p]] for p in run]
        answered = _answered(lines, [anchors.get(p) for p in run], alternating, addressed)
        shown = [(i, s) for i, p in enumerate(run) if (s := anchors.get(p) or answered.get(i))]
        for i, paragraph in enumerate(run):
            k = first[paragraph]
            q = decided[k]
            speaker = _alternating(shown, i) if q.rule in alternating else None
            if speaker is not None and speaker != q.speaker:
                decided[k] = attrs.evolve(q, speaker=speaker, rule=Rule.TURN)
    return decided


def _answered(
    lines: list[Quote],
    shown: list[Speaker | None],
    alternating: Collection[Rule],
    addressed: Callable[[int, int], list[str]],
) -> dict[int, Speaker]:
    """The lines of a run (by their place in it) that the alternation decides and that the
    next line answers by speaking by name to someone other than its speaker who an anchor
    before showed speaking in the run: that person, by the first such name. (Someone who
    speaks only later, "Write that down, Pell.", did not.)"""
    people: dict[str, Speaker] = {}  # who spoke before, by the anchors
    found: dict[int, Speaker] = {}
    for i, (line, reply) in enumerate(pairwise(lines)):
        replier = reply.speaker.name if reply.speaker is not None else None
        if line.rule in alternating:
            spoken_to = [
                n for n in addressed(reply.start, reply.end) if n in people and n != replier
            ]
            if spoken_to:
                found[i] = people[spoken_to[0]]
        if (speaker := shown[i]) is not None and speaker.name is not None:
            people.setdefault(speaker.name, speaker)
    return found


def _runs(paragraphs: list[int]) -> Iterator[list[int]]:
    """The runs of consecutive paragraphs among these, in order."""
    run: list[int] = []
    for p in paragraphs:
        if run and p != run[-1] + 1:
            yield run
            run = []
        run.append(p)
    if run:
        yield run


def _alternating(shown: list[tuple[int, Speaker]], i: int) -> Speaker | None:
    """The speaker of line i of a run by alternation from its nearest anchor: that anchor's
    speaker an even number of lines away, else the nearest anchor's of line i's parity who
    is someone else (of the MAX_ANCHORS_LOOKED nearest, so that a long run stays linear)."""
    nearest: Speaker | None = None
    for at, speaker in islice(_by_distance(shown, i), MAX_ANCHORS_LOOKED):
        if nearest is None:
            if (at - i) % 2 == 0:
                return speaker
            nearest = speaker
        elif (at - i) % 2 == 0 and speaker.name != nearest.name:
            return speaker
    return None


def _by_distance(shown: list[tuple[int, Speaker]], i: int) -> Iterator[tuple[int, Speaker]]:
    """The anchors of a run (in line order) from the nearest to line i outwards, the earlier
    first of two as near."""
    after = bisect_left(shown, i, key=lambda anchor: anchor[0])
    before = after - 1
    while before >= 0 or after < len(shown):
        if after >= len(shown) or (before >= 0 and i - shown[before][0] <= shown[after][0] - i):
            yield shown[before]
            before -= 1
        else:
            yield shown[after]
            after += 1
