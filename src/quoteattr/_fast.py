"""The fast mode: quotes, cues and speakers from the text and its tokens, without a parser.

The same steps as the default mode (text -> quote spans -> cues -> speakers -> Quote objects)
on a tokenized Doc only: the quotation-mark scan is the same; cues are cue verbs by their
written forms and "according to" or a colon; speakers are the words next to the cue, a name
being a run of capitalised words; reported speech is the rest of a cue verb's sentence.
It gives up indirect quotes (reported speech without quotation marks), roles in appositions
and the pronoun and name resolution that named entities allow.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from ._cues import MAX_HELD_WORDS, MIN_UNCUED_WORDS, OPEN_ENDINGS, continued_speaker, cue_at
from ._dashes import quoted_spans
from ._fast_cues import FastCue, find_cue, verb_in
from ._fast_speakers import Names
from ._layout import PullQuote, pull_quotes
from ._marks import MarkedSpan, follows_word, paragraphs
from ._reported import ADDRESSEE_VERBS, ALL_CUES, COMPLEMENTIZERS, DIRECT_SHARE
from ._surface import DETERMINERS, is_name_word, is_role_word, lemma_of, name_words
from ._tokens import TokenIndex
from ._types import Cue, Mention, Quote, QuoteKind, Speaker

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Token

# How sure each way of finding a speaker is: a little less than in the default mode, whose
# parse and entities confirm what capitals and word order only suggest.
CONFIDENCE = {
    "layout": 0.9,
    "named": 0.85,
    "group": 0.8,
    "pronoun": 0.7,
    "colon": 0.7,
    "continuation": 0.65,
    "unresolved": 0.35,
    "none": 0.0,
}
# Short words a title of a work leaves in lower case ("Meet the Press").
MAX_CAPTION_NAME = 3  # words of a pull-quote caption taken as the name
TITLE_SMALL_WORDS = frozenset(
    {"the", "of", "a", "an", "and", "in", "on", "for", "to", "with", "at"}
)


@attrs.define
class _Candidate:
    start: int
    end: int
    kind: QuoteKind
    paragraph: int
    cue: FastCue | None = None
    pull: PullQuote | None = None


def fast_pipeline(nlp: str | Language | None) -> Language:
    """Return the pipeline whose tokenizer the fast mode uses: the one given, or blank English.

    Only its tokenizer runs; its statistical components, if any, are never called.
    """
    from spacy.language import Language

    if isinstance(nlp, Language):
        return nlp
    if isinstance(nlp, str):
        from ._model import load_pipeline

        return load_pipeline(nlp)
    return _blank_english()


_blank: list[Language] = []


def _blank_english() -> Language:
    if not _blank:
        import spacy

        _blank.append(spacy.blank("en"))
    return _blank[0]


def extract_fast(
    doc: Doc, kinds: frozenset[QuoteKind] | None = None, text: str | None = None
) -> list[Quote]:
    """Find the quotes of a tokenized Doc (no parse needed), with cues and speakers.

    Args:
        doc: The Doc; only its tokens are used.
        kinds: Only return quotes of these kinds (default: all).
        text: ``doc.text``, if the caller has it (spaCy builds it anew on each call).
    """
    text = doc.text if text is None else text
    paras = paragraphs(text)
    pulls = pull_quotes(text, paras)
    spans = quoted_spans(text, paras, pulls)
    index = TokenIndex.build(doc, paras, spans, text)
    candidates = _quote_candidates(index, text, spans)
    for p in pulls:
        para = index.paragraph_of[index.token_range(p.start, p.end)[0]] if len(doc) else 0
        candidates.append(_Candidate(p.start, p.end, QuoteKind.PULL, para, pull=p))
    candidates.sort(key=lambda c: c.start)
    # Names are read from the narration: not from quotes, nor pull-quotes up to their end marker.
    quoted = sorted(
        [(s.outer_start, s.outer_end) for s in spans] + [(p.outer_start, p.cue_end) for p in pulls]
    )
    quotes = _attribute(index, text, quoted, candidates)
    if kinds is not None:
        quotes = [q for q in quotes if q.kind in kinds]
    return quotes


def _quote_candidates(index: TokenIndex, text: str, spans: list[MarkedSpan]) -> list[_Candidate]:
    """A candidate per quoted stretch: direct, or mixed when a cue verb's sentence holds it."""
    found: list[_Candidate] = []
    for span in spans:
        first, end = index.token_range(span.outer_start, span.outer_end)
        if end <= first:
            continue
        quoted = text[span.start : span.end]
        if _reads_as_title(quoted):
            continue  # "Meet the Press", "The Old Man and the Sea": a title, not speech
        left, right = index.left_context(first), index.right_context(end - 1)
        closes_sentence = text[span.end - 1] in ".!?"
        cue = find_cue(left, right, text[span.end - 1] in OPEN_ENDINGS)
        if (
            found
            and found[-1].kind is QuoteKind.MIXED
            and left
            and found[-1].end >= left[-1].idx + len(left[-1])
            and not verb_in(left, ALL_CUES)
        ):
            found[-1].end = max(found[-1].end, _clause_end(right, span, closes_sentence))
            continue  # one reported clause quoting several fragments
        start, stop = _clause(left, right, span, cue, closes_sentence)
        if span.end - span.start < DIRECT_SHARE * (stop - start):
            found.append(_Candidate(start, stop, QuoteKind.MIXED, span.paragraph, cue))
            continue
        words = len(quoted.split())
        held = words < MAX_HELD_WORDS and follows_word(text, span.outer_start)
        scare = words < MIN_UNCUED_WORDS and text[span.end - 1] not in ".!?,…—"
        if cue is None and (held or scare):
            continue  # words held up inside a sentence, or a scare quote: not speech
        found.append(_Candidate(span.start, span.end, QuoteKind.DIRECT, span.paragraph, cue))
    return found


def _reads_as_title(quoted: str) -> bool:
    """Say whether quoted words read as a title: every word capitalised ("Meet the Press").

    Not a word or two that end a sentence: "Yes." and "Bingley!" are answers.
    """
    words = [w for w in quoted.split() if any(ch.isalpha() for ch in w)]
    if len(words) <= 2 and quoted[-1:] in ".!?":
        return False
    return 0 < len(words) <= 8 and all(w[:1].isupper() or w in TITLE_SMALL_WORDS for w in words)


def _clause(
    left: list[Token],
    right: list[Token],
    span: MarkedSpan,
    cue: FastCue | None,
    closes_sentence: bool,
) -> tuple[int, int]:
    """Return the characters of what a cue verb before the quote reports, quote included.

    Without a cue verb before it, a quote after narration and before its cue ("The plan
    is "a disaster," she said") reports that whole stretch.
    """
    start = span.start
    verb = verb_in(left, ALL_CUES)
    if verb is not None:
        words = left[left.index(verb) + 1 :]
        that = next((k for k, t in enumerate(words) if t.lower_ in COMPLEMENTIZERS), None)
        if that is not None:
            words = words[that + 1 :]
        elif any(t.text == ":" for t in words) or (words and words[-1].text == ","):
            words = []  # told reporters: "..." / said the man, "...": the quote is what was said
        elif lemma_of(verb) in ADDRESSEE_VERBS:  # told (the) crowd ...
            words = words[2 if words and words[0].lower_ in DETERMINERS else 1 :]
        words = [t for t in words if not t.is_punct]
        if words:
            start = words[0].idx
    elif cue is not None and cue.side == "right":
        words = [t for t in left if not t.is_punct]
        if words:
            start = words[0].idx
    else:
        return span.start, span.end  # no cue verb: nothing reports it
    if cue is not None and cue.side == "right":
        return start, _quote_end(span)
    return start, _clause_end(right, span, closes_sentence)


def _clause_end(right: list[Token], span: MarkedSpan, closes_sentence: bool) -> int:
    """The end of the sentence after a quote, when the quote leaves it going on."""
    end = _quote_end(span)
    if closes_sentence or not right or not (right[0].is_lower or right[0].is_punct):
        return end
    words = [t for t in right if not t.is_punct]
    return max(end, words[-1].idx + len(words[-1])) if words else end


def _quote_end(span: MarkedSpan) -> int:
    """Where a quote ends, its closing mark included."""
    return span.outer_end if span.closed else span.end


def _attribute(
    index: TokenIndex, text: str, quoted: list[tuple[int, int]], candidates: list[_Candidate]
) -> list[Quote]:
    names = Names(index, text, quoted)
    quotes: list[Quote] = []
    previous: Quote | None = None
    for cand in candidates:
        speaker: Speaker | None = None
        cue: Cue | None = None
        rule = "none"
        if cand.pull is not None:
            speaker = _caption_speaker(index, text, cand.pull)
            cue = cue_at(text, cand.pull.cue_start, cand.pull.cue_end)
            rule = "layout" if speaker else "none"
        elif cand.cue is not None:
            cue = cue_at(text, cand.cue.start, cand.cue.end)
            if cand.cue.speaker is not None:
                speaker, rule = names.speaker(*cand.cue.speaker)
                if cand.cue.rule == "colon":
                    rule = "colon"
        elif (
            cand.kind is QuoteKind.DIRECT
            and (goes_on := continued_speaker(previous, cand.paragraph)) is not None
        ):
            speaker, rule = goes_on, "continuation"
        quote = Quote(
            text=text[cand.start : cand.end],
            start=cand.start,
            end=cand.end,
            kind=cand.kind,
            speaker=speaker,
            cue=cue,
            confidence=CONFIDENCE[rule],
            paragraph=cand.paragraph,
            rule=rule,
        )
        quotes.append(quote)
        if speaker is not None:
            previous = quote
    return quotes


def _caption_speaker(index: TokenIndex, text: str, pull: PullQuote) -> Speaker | None:
    """The capitalised words that open a pull-quote's caption, and the role after them."""
    if pull.caption_end <= pull.caption_start:
        return None
    first, end = index.token_range(pull.caption_start, pull.caption_end)
    run: list[Token] = []
    for tok in index.doc[first:end]:
        if not is_name_word(tok) or len(run) == MAX_CAPTION_NAME or is_role_word(tok.text):
            break
        run.append(tok)
    if not run:
        return None
    start, stop = run[0].idx, run[-1].idx + len(run[-1])
    role = text[stop : pull.caption_end].strip() or None
    mention = Mention(text=text[start:stop], start=start, end=stop)
    name = " ".join(name_words([t.text for t in run]))
    return Speaker(name=name, mention=mention, role=role, entity="person")
