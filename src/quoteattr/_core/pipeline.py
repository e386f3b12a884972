"""The pipeline: the steps from a spaCy Doc to its quotes and people, called in the order
they run.

1. prepare the Doc: check it has what the mode reads, and index its tokens (`_doc`);
2. detect the quoted spans: paragraphs, quotation marks, pull-quotes (`_detect`);
3. find the candidates and their cues: which quoted stretches are speech, of which kind,
   and reported speech (`_reported`, with the cue rules of `_cues`);
4. resolve the people: the names, genders, roles and antecedents of the text (`_people`,
   through the mode's `Evidence`);
5. attribute: each candidate's speaker, by its cue or the uncued rules (`attribute`);
6. build the roster: number the people and join each speaker to one (`_people.roster`);
7. rank: the speaker ranker decides what the rules left open (`_people.ranker`);
8. assign confidence, from each quote's rule, the mode and the genre (`confidence`);
9. find the addressees: whom each quote was said to, by a vocative, its cue's object or, in
   fiction, its scene (`addressees`, `conversations`).

Steps 1-6 are `by_rules`, which scripts/train_ranker.py trains the ranker on. Both modes run
the same steps; they differ only in the evidence they read.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from .._analysis import Analysis
from .._detect.dashes import quoted_spans
from .._detect.layout import PullQuote, pull_quotes
from .._detect.marks import MarkedSpan, Paragraph, paragraphs
from .._doc.model import check_doc
from .._doc.strings import doc_text
from .._doc.tokens import TokenIndex
from .._doc.tree import forget_tree
from .._people.ranker import ranked
from .._people.roster import most_written, roster, with_titles
from .._person import Person
from .._reported.candidate import Candidate, pull_candidates, spoken
from .._reported.parsed import parsed_candidates
from .._reported.surface import surface_candidates
from .._types import Quote, QuoteKind
from .addressees import with_addressees
from .attribute import attribute
from .confidence import with_confidence
from .evidence import Evidence, ParsedEvidence, SurfaceEvidence
from .genre import is_fiction
from .rules import is_dialogue, turn_words
from .scenes import by_turns

if TYPE_CHECKING:
    from spacy.tokens import Doc

MODES = ("default", "fast")


def quotes_of(
    doc: Doc,
    mode: str = "default",
    kinds: frozenset[QuoteKind] | None = None,
    genre: str = "auto",
    text: str | None = None,
) -> list[Quote]:
    """Find the quotes of a Doc, with their cues and speakers, in text order (see `analyze`)."""
    return list(analysis_of(doc, mode, kinds, genre, text).quotes)


def analysis_of(
    doc: Doc,
    mode: str = "default",
    kinds: frozenset[QuoteKind] | None = None,
    genre: str = "auto",
    text: str | None = None,
) -> Analysis:
    """Find the quotes of a Doc and the people in it, each quote joined to its speaker.

    Args:
        doc: The Doc: parsed, in the default mode; only tokenized will do in the fast mode.
        mode: ``"default"`` reads the parse and entities; ``"fast"`` only the tokens.
        kinds: Only return quotes of these kinds (default: all).
        genre: ``"news"`` or ``"fiction"``: how to name people (`genre.is_fiction`); ``"auto"``
            tells from the text.
        text: ``doc.text``, if the caller has it: the text it made the Doc from.

    Raises:
        PipelineError: the default mode was given a Doc without a parse.
    """
    found = by_rules(doc, mode, genre, text)  # steps 1-6
    quotes = ranked(found.quotes, found.people, found.paragraph_starts)  # 7
    quotes = with_confidence(quotes, parsed=mode == "default", fiction=found.fiction)  # 8
    quotes = with_addressees(
        doc, quotes, found.people, parsed=mode == "default", fiction=found.fiction
    )  # 9
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
        fiction: Whether its people are named as fiction names them (`genre.is_fiction`).
    """

    quotes: list[Quote]
    people: list[Person]
    paragraph_starts: list[int]
    dialogue: bool
    fiction: bool


@attrs.frozen
class Detected:
    """What step 2 finds in the plain text: its paragraphs, quoted spans and pull-quotes."""

    paras: list[Paragraph]
    spans: list[MarkedSpan]
    pulls: list[PullQuote]


def by_rules(doc: Doc, mode: str, genre: str = "auto", text: str | None = None) -> ByRules:
    """Find the quotes of a Doc and attribute them by the rules: steps 1 to 6, the quotes
    the ranker learns from (scripts/train_ranker.py) and then decides among. genre says how
    people are named: as in news, as in fiction, or as the text looks ("auto"); text is
    ``doc.text``, if the caller has it."""
    parsed = mode == "default"
    if parsed:
        check_doc(doc)  # 1
    if text is None:
        text = doc_text(doc)
    found = detected(text)  # 2
    para_starts = [p.start for p in found.paras]
    index = TokenIndex.build(
        doc, para_starts, [(s.outer_start, s.outer_end) for s in found.spans], text
    )
    candidates = candidates_of(index, found, parsed=parsed)  # 3
    paragraph_words = [len(text[p.start : p.end].split()) for p in found.paras]
    max_turn_words = turn_words(candidates, paragraph_words)
    dialogue = is_dialogue(max_turn_words)
    fiction = is_fiction(genre, dialogue, doc)
    evidence = evidence_of(index, found, parsed=parsed, fiction=fiction)  # 4
    attributed = attribute(index, evidence, candidates, paragraph_words, max_turn_words)  # 5
    attributed = by_turns(evidence.finish(attributed, dialogue), fiction, evidence.addressed)
    seen = evidence.seen()  # after: attribution resolves people
    if fiction:  # names as the text writes them most: "Mr. Knightley"
        seen, attributed = with_titles(seen, attributed, evidence.always_titled)
        seen, attributed = most_written(text, seen, attributed)
    quotes, people = roster(seen, attributed)  # 6
    forget_tree(doc)  # the tree read for this extraction: the Doc may outlive it by far
    return ByRules(quotes, people, para_starts, dialogue, fiction)


def detected(text: str) -> Detected:
    """Step 2: the text's paragraphs, pull-quotes and quoted spans (dash dialogue too)."""
    paras = paragraphs(text)
    pulls = pull_quotes(text, paras)
    return Detected(paras, quoted_spans(text, paras, pulls), pulls)


def candidates_of(index: TokenIndex, found: Detected, *, parsed: bool) -> list[Candidate]:
    """Step 3: the quotes before attribution, with their cues, in text order."""
    if parsed:
        candidates = parsed_candidates(index, found.paras, found.spans, found.pulls)
    else:
        candidates = surface_candidates(index, index.text, found.paras, found.spans, found.pulls)
    return spoken(index.text, candidates + pull_candidates(index, found.pulls))


def evidence_of(index: TokenIndex, found: Detected, *, parsed: bool, fiction: bool) -> Evidence:
    """Step 4: the document's people, resolved from the parse or from the surface; with a
    parse, fiction keeps a titled surname apart from its family (`NameForms` titles_apart)."""
    if parsed:
        return ParsedEvidence(index, fiction, found.pulls)
    return SurfaceEvidence(index, found.spans, found.pulls)
