"""The pipeline: text -> spaCy Doc -> quote spans -> cues -> speakers -> Quote objects.

Both modes run these steps; they differ only in the evidence they read (see evidence.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from .._analysis import Analysis
from .._detect.dashes import quoted_spans
from .._detect.layout import pull_quotes
from .._detect.marks import paragraphs
from .._doc.model import check_doc
from .._doc.tokens import TokenIndex, doc_text, forget_tree
from .._people.ranker import ranked
from .._people.roster import roster, with_titles
from .._person import Person
from .._reported.candidate import Candidate
from .._types import Quote, QuoteKind, Rule
from .attribute import attribute
from .confidence import confidence
from .evidence import Evidence, ParsedEvidence, SurfaceEvidence
from .rules import is_dialogue, turn_words

if TYPE_CHECKING:
    from spacy.tokens import Doc

MODES = ("default", "fast")


def quotes_of(
    doc: Doc, mode: str = "default", kinds: frozenset[QuoteKind] | None = None
) -> list[Quote]:
    """Find the quotes of a Doc, with their cues and speakers, in text order (see `analyze`)."""
    return list(analysis_of(doc, mode, kinds).quotes)


def analysis_of(
    doc: Doc,
    mode: str = "default",
    kinds: frozenset[QuoteKind] | None = None,
    text: str | None = None,
) -> Analysis:
    """Find the quotes of a Doc and the people in it, each quote joined to its speaker.

    Args:
        doc: The Doc: parsed, in the default mode; only tokenized will do in the fast mode.
        mode: ``"default"`` reads the parse and entities; ``"fast"`` only the tokens.
        kinds: Only return quotes of these kinds (default: all).
        text: ``doc.text``, if the caller has it: the text it made the Doc from.

    Raises:
        PipelineError: the default mode was given a Doc without a parse.
    """
    found = by_rules(doc, mode, text)
    quotes = ranked(
        found.quotes,
        found.people,
        found.paragraph_starts,
        confidence=confidence(Rule.RANKED, parsed=mode == "default"),
    )
    if kinds is not None:
        quotes = [q for q in quotes if q.kind in kinds]
    return Analysis(quotes=tuple(quotes), people=tuple(found.people))


@attrs.frozen
class ByRules:
    """A document's quotes as the rules attribute them, before the ranker.

    Attributes:
        quotes: The quotes, in text order, each speaker joined to its entry of the roster.
        people: The roster.
        paragraph_starts: Where each paragraph starts.
        dialogue: Whether the text is written as dialogue (`rules.turn_words`), as novels are.
    """

    quotes: list[Quote]
    people: list[Person]
    paragraph_starts: list[int]
    dialogue: bool


def by_rules(doc: Doc, mode: str, text: str | None = None) -> ByRules:
    """Find the quotes of a Doc and attribute them by the rules (scripts/train_ranker.py
    trains the ranker on these); text is ``doc.text``, if the caller has it."""
    if mode == "default":
        check_doc(doc)
    if text is None:
        text = doc_text(doc)
    paras = paragraphs(text)
    pulls = pull_quotes(text, paras)
    spans = quoted_spans(text, paras, pulls)
    index = TokenIndex.build(doc, paras, spans, text)
    evidence: Evidence = (
        ParsedEvidence(index) if mode == "default" else SurfaceEvidence(index, spans, pulls)
    )
    candidates = evidence.candidates(paras, spans, pulls)
    for p in pulls:
        para = index.paragraph_of[index.token_range(p.start, p.end)[0]] if len(doc) else 0
        candidates.append(Candidate(p.start, p.end, QuoteKind.PULL, para, pull=p))
    # speech holds a word: not a clause the parser made of stray marks ("said “ ❝"); and
    # it starts and ends with a character, not a blank the tokenizer made a token of
    candidates = [c for c in candidates if any(ch.isalnum() for ch in text[c.start : c.end])]
    for c in candidates:
        while text[c.start].isspace():
            c.start += 1
        while text[c.end - 1].isspace():
            c.end -= 1
    candidates.sort(key=lambda c: c.start)
    paragraph_words = [len(text[p.start : p.end].split()) for p in paras]
    max_turn_words = turn_words(candidates, paragraph_words)
    dialogue = is_dialogue(max_turn_words)
    attributed = attribute(index, evidence, candidates, paragraph_words, max_turn_words)
    attributed = evidence.finish(attributed, dialogue)
    seen = evidence.seen()  # after: attribution resolves people
    if dialogue:  # fiction names people as it writes them: "Dr. Howard Archie"
        seen, attributed = with_titles(seen, attributed, evidence.always_titled)
    quotes, people = roster(seen, attributed)
    forget_tree(doc)  # the tree read for this extraction: the Doc may outlive it by far
    return ByRules(quotes, people, [p.start for p in paras], dialogue)
