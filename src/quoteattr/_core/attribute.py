"""Attribution: each candidate quote gets its cue, its speaker and the rule that found it."""

from __future__ import annotations

from .._cues.match import CueRule, cue_at
from .._doc.tokens import TokenIndex
from .._reported.candidate import Candidate
from .._types import Cue, Quote, QuoteKind, Rule, Speaker
from .cued import cued_rule
from .evidence import Evidence
from .rules import Conversation, uncued_speaker


def attribute(
    index: TokenIndex,
    evidence: Evidence,
    candidates: list[Candidate],
    paragraph_words: list[int],
    max_turn_words: int,
) -> list[Quote]:
    """Return a Quote for each candidate, in order, with its speaker found.

    A pull-quote's speaker is its caption's; a quote with a cue takes the speaker its cue
    names; a direct quote without one takes the first speaker the uncued rules find. The
    quotes' confidence is left to `confidence.with_confidence`.
    """
    text = index.text
    state = Conversation(index, evidence, paragraph_words, max_turn_words)
    quotes: list[Quote] = []
    for cand in candidates:
        speaker: Speaker | None = None
        cue: Cue | None = None
        rule = Rule.NONE
        if cand.pull is not None:
            speaker = evidence.pull_speaker(cand.pull)
            cue = cue_at(text, cand.pull.cue_start, cand.pull.cue_end)
            rule = Rule.LAYOUT if speaker else Rule.NONE
        elif cand.cue is not None:
            cue = cue_at(text, cand.cue.start, cand.cue.end)
            if cand.cue.names_speaker:
                speaker = evidence.cue_speaker(cand.cue, cand.start, cand.end)
                rule = cued_rule(speaker, colon=cand.cue.rule is CueRule.COLON)
        elif cand.kind is QuoteKind.DIRECT:
            speaker, rule = uncued_speaker(state, cand)
        quote = Quote(
            text=text[cand.start : cand.end],
            start=cand.start,
            end=cand.end,
            kind=cand.kind,
            speaker=speaker,
            cue=cue,
            paragraph=cand.paragraph,
            rule=rule,
        )
        quotes.append(quote)
        state.add(cand, quote)
    return quotes
