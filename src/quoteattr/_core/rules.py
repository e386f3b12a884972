"""The speaker rules for a quote with no cue of its own, registered in the order they are tried.

Each rule is a function of the conversation so far and the quote, returning a speaker or
None, registered with `uncued_rule` under its `Rule` name with its confidence row (the share
of quotes it names rightly with a parse, and without one). A rule that reads the parse says
so (``needs_parse=True``, and None as its fast-mode confidence) and is skipped in the fast
mode. Adding a rule is one function with its registration, a `Rule` member, a row in
docs/internals.md and a test in tests/test_rules.py.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import attrs

from .._cues.parsed import context_speaker
from .._doc.tree import sentence_of
from .._types import EntityKind, Quote, QuoteKind, Rule, Speaker
from .confidence import CONFIDENCE, FICTION_CONFIDENCE, Row

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .._doc.tokens import TokenIndex
    from .._reported.candidate import Candidate
    from .evidence import Evidence

# A paragraph of at most this many words, ending in a closed quote, is a turn in a dialogue:
# the next paragraph to open with a quote is the other person's reply. News paragraphs are
# longer; set on LitBank and PolNeAR (16 changes no news quote's speaker, 20 loses two).
MAX_TURN_WORDS = 16
TURNS_BACK = 10  # how many paragraphs back a reply looks for the other person
# A text where at least this share of the paragraphs are such turns is written as dialogue,
# as a novel's conversations are: there a longer paragraph is a turn too, up to
# MAX_DIALOGUE_TURN_WORDS. At most 12 of PolNeAR's 840 articles are, 36 of LitBank's 100
# excerpts; set on both (LitBank character accuracy +0.9, PolNeAR speakers unchanged).
DIALOGUE_SHARE = 0.15
MIN_DIALOGUE_TURNS = 3  # and at least this many: one short reply does not make a dialogue
MAX_DIALOGUE_TURN_WORDS = 60


@attrs.define
class Conversation:
    """What the rules know of the quotes before the one being attributed.

    Attributes:
        index: The token index of the document.
        evidence: What the document's words tell of people: parsed, or the surface only.
        paragraph_words: The number of words in each paragraph.
        previous: The last quote with a speaker, indirect speech aside.
        turns: The speaker of each paragraph that opens with a quote.
        spoken: The direct quotes with a speaker so far, and their speakers.
        max_turn_words: The longest paragraph that is a turn in a dialogue (`turn_words`).
    """

    index: TokenIndex
    evidence: Evidence
    paragraph_words: list[int]
    max_turn_words: int = MAX_TURN_WORDS
    previous: Quote | None = None
    turns: dict[int, Speaker] = attrs.Factory(dict)
    spoken: list[tuple[Candidate, Speaker]] = attrs.Factory(list)

    @property
    def dialogue(self) -> bool:
        """Whether the text is written as dialogue, as novels are (`turn_words`)."""
        return is_dialogue(self.max_turn_words)

    def add(self, cand: Candidate, quote: Quote) -> None:
        """Take note of a quote once it has its speaker."""
        speaker = quote.speaker
        if speaker is None or quote.kind is QuoteKind.INDIRECT:
            return
        self.previous = quote
        if cand.opens_paragraph:
            self.turns.setdefault(cand.paragraph, speaker)
        if quote.kind is QuoteKind.DIRECT:
            self.spoken.append((cand, speaker))


def turn_words(candidates: list[Candidate], paragraph_words: list[int]) -> int:
    """The longest paragraph that is a turn in a dialogue: MAX_TURN_WORDS, or in a text
    written as dialogue (DIALOGUE_SHARE of its paragraphs, and MIN_DIALOGUE_TURNS at least,
    short and opening with a quote) MAX_DIALOGUE_TURN_WORDS."""
    turns = {
        c.paragraph
        for c in candidates
        if c.opens_paragraph and paragraph_words[c.paragraph] <= MAX_TURN_WORDS
    }
    if len(turns) >= max(MIN_DIALOGUE_TURNS, DIALOGUE_SHARE * len(paragraph_words)):
        return MAX_DIALOGUE_TURN_WORDS
    return MAX_TURN_WORDS


def is_dialogue(max_turn_words: int) -> bool:
    """Say whether `turn_words` found the text written as dialogue."""
    return max_turn_words > MAX_TURN_WORDS


@attrs.frozen
class UncuedRule:
    """A way to find the speaker of a quote without a cue."""

    rule: Rule
    find: Callable[[Conversation, Candidate], Speaker | None]
    needs_parse: bool


UNCUED_RULES: list[UncuedRule] = []  # in the order they are tried


def uncued_rule(
    rule: Rule, *, confidence: Row, fiction: Row, needs_parse: bool = False
) -> Callable[
    [Callable[[Conversation, Candidate], Speaker | None]],
    Callable[[Conversation, Candidate], Speaker | None],
]:
    """Register a speaker rule for quotes without a cue, tried after those registered before,
    with its confidence in news and in fiction: (with a parse, without one; None if it needs
    a parse), each the share of quotes it names rightly (`confidence.CONFIDENCE`)."""
    if (confidence[1] is None) != needs_parse or (fiction[1] is None) != needs_parse:
        raise ValueError(f"the rule {rule.value!r} has a fast-mode confidence iff it runs there")

    def register(
        find: Callable[[Conversation, Candidate], Speaker | None],
    ) -> Callable[[Conversation, Candidate], Speaker | None]:
        UNCUED_RULES.append(UncuedRule(rule, find, needs_parse))
        CONFIDENCE[rule] = confidence
        FICTION_CONFIDENCE[rule] = fiction
        return find

    return register


def uncued_speaker(state: Conversation, cand: Candidate) -> tuple[Speaker | None, Rule]:
    """Return the speaker of a direct quote with no cue, and the rule that found it: not one
    the quote speaks to by name ("Sit down, Margaret" is not Margaret's)."""
    spoken_to: list[str] | None = None
    for rule in UNCUED_RULES:
        if rule.needs_parse and not state.evidence.parsed:
            continue
        speaker = rule.find(state, cand)
        if speaker is None:
            continue
        if spoken_to is None:
            spoken_to = state.evidence.addressed(cand.start, cand.end)
        if speaker.name not in spoken_to:
            return speaker, rule.rule
    return None, Rule.NONE


@uncued_rule(Rule.CONTEXT, confidence=(0.55, None), fiction=(0.5, None), needs_parse=True)
def presented_speaker(state: Conversation, cand: Candidate) -> Speaker | None:
    """The person the sentence before the quote presents: "Smith smiled. "It will work.""

    Not when the quote goes on with the speaker of a quote cued after it in its paragraph,
    nor when that sentence is the previous quote's own cue.
    """
    first = state.index.token_range(cand.start, cand.end)[0]
    head = context_speaker(state.index, first)
    if (
        head is None
        or _goes_on(state.index, state.previous, cand, head)
        or _attributes(state.previous, head.idx)
    ):
        return None
    return state.evidence.speaker_of(head)


@uncued_rule(Rule.ADDRESSED, confidence=(0.3, None), fiction=(0.7, None), needs_parse=True)
def addressed_reply(state: Conversation, cand: Candidate) -> Speaker | None:
    """The person the turn before spoke to by name answers: after ""Sit down, Margaret,"
    she said. "You look untidy."" a paragraph that opens with an uncued quote is Margaret's,
    by a name in any of the last speaker's quotes of that paragraph."""
    if not cand.opens_paragraph or not state.spoken:
        return None
    last, who = state.spoken[-1]
    if last.paragraph != cand.paragraph - 1 or not last.closed:
        return None
    names = [
        n
        for c in _last_turn(state.spoken)
        for n in state.evidence.addressed(c.start, c.end)
        if n != who.name
    ]
    return Speaker(name=names[-1], entity=EntityKind.PERSON) if names else None


@uncued_rule(Rule.TURN, confidence=(0.3, 0.3), fiction=(0.55, 0.45))
def dialogue_turn(state: Conversation, cand: Candidate) -> Speaker | None:
    """The other person's turn, for a quote that opens its paragraph in a dialogue."""
    if not cand.opens_paragraph:
        return None
    return _reply(state, cand) or _turn(state.turns, cand)


@uncued_rule(Rule.CONTINUATION, confidence=(0.9, 0.6), fiction=(0.7, 0.55))
def continued_speaker(state: Conversation, cand: Candidate) -> Speaker | None:
    """The speaker of the last quote with one, if it is in this paragraph or the one before;
    in a dialogue, not for a paragraph that opens with a quote after one that closed its
    speaker's: that is someone's turn, even if the rules do not know whose."""
    previous = state.previous
    if previous is None or cand.paragraph - previous.paragraph > 1:
        return None
    if state.dialogue and cand.opens_paragraph and state.spoken:
        last, _ = state.spoken[-1]
        if last.closed and last.paragraph == cand.paragraph - 1:
            return None
    return previous.speaker


def _last_turn(spoken: list[tuple[Candidate, Speaker]]) -> list[Candidate]:
    """The last speaker's quotes in the paragraph of the last quote, in text order."""
    last, who = spoken[-1]
    turn: list[Candidate] = []
    for cand, speaker in reversed(spoken):
        if cand.paragraph != last.paragraph:
            break
        if speaker == who:
            turn.append(cand)
    return turn[::-1]


def _reply(state: Conversation, cand: Candidate) -> Speaker | None:
    """The other person's turn in a dialogue, for a paragraph that opens with a quote.

    After a paragraph whose last quote was closed, a new paragraph that opens with a quote
    is a reply: its speaker is the one who spoke last before the previous quote's speaker, a
    few paragraphs back at most. A quote left open at the end of its paragraph goes on in
    the next; outside a text written as dialogue, so does a long paragraph's speaker (a news
    report's).
    """
    spoken = state.spoken
    if not spoken:
        return None
    last, who = spoken[-1]
    if (
        last.paragraph != cand.paragraph - 1
        or not last.closed
        or (not state.dialogue and state.paragraph_words[last.paragraph] > MAX_TURN_WORDS)
    ):
        return None
    for k in range(len(spoken) - 2, -1, -1):
        before, other = spoken[k]
        if cand.paragraph - before.paragraph > TURNS_BACK:
            return None
        if not _same_speaker(other, who):
            return other
    return None


def _turn(turns: dict[int, Speaker], cand: Candidate) -> Speaker | None:
    """In a dialogue, where each of the last two paragraphs opened with a different speaker's
    quote, a paragraph that opens with a quote and no cue is the earlier speaker's turn."""
    last, before = turns.get(cand.paragraph - 1), turns.get(cand.paragraph - 2)
    if last is None or before is None or _same_speaker(last, before):
        return None
    return before


def _same_speaker(one: Speaker, other: Speaker) -> bool:
    """Say whether two speakers are the same, as far as the turns of a dialogue tell: by name,
    or for a pronoun nobody was found for, by the pronoun as written ("It" is not "you")."""
    return _said_by(one) == _said_by(other)


def _said_by(speaker: Speaker) -> str:
    """A speaker's name, or the words of its mention where it has none."""
    if speaker.name is not None:
        return speaker.name
    return speaker.mention.text if speaker.mention is not None else ""


def _goes_on(index: TokenIndex, previous: Quote | None, cand: Candidate, head: Token) -> bool:
    """Say whether an uncued quote goes on with the speaker of a quote before it in the same
    paragraph whose cue came after it, the narration that presents head being that cue's
    sentence: in ""...," Lee said after Reed criticized it. "..."", Reed did not speak. A
    sentence after the cue's presents someone new ("Gavin Mellor disagreed.")."""
    if (
        previous is None
        or previous.cue is None
        or previous.cue.start <= previous.end
        or previous.paragraph != cand.paragraph
    ):
        return False
    cue = index.token_range(previous.cue.start, previous.cue.end)[0]
    return head.i < sentence_of(index.doc[cue])[1]


def _attributes(quote: Quote | None, offset: int) -> bool:
    """Say whether the quote's speaker is named at this offset."""
    mention = quote.speaker.mention if quote is not None and quote.speaker else None
    return mention is not None and mention.start <= offset < mention.end
