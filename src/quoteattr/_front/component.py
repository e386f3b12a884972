"""The spaCy component: ``nlp.add_pipe("quoteattr")`` puts the core's quotes on each Doc.

The quotes are stored as plain dicts (``Quote.to_dict()``) in ``doc.user_data``, so they travel
with ``Doc.to_bytes``, ``DocBin(store_user_data=True)`` and ``nlp.pipe(n_process=...)``; the
``doc._.quotes`` getter rebuilds Quote objects from them. Quote, speaker and cue spans also go
into ``doc.spans`` for users who want spaCy Spans.

Importing this module registers the factory; spaCy imports it through the ``spacy_factories``
entry point, so ``import quoteattr`` is not needed first.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from .._core.genre import check_genre
from .._core.pipeline import analysis_of
from .._errors import PipelineError
from .._evaluate.gold import GoldDocument, GoldQuote, predicted
from .._evaluate.tally import evaluation_of
from .._person import Person
from .._types import Quote, QuoteKind

if TYPE_CHECKING:
    from spacy.training import Example

# Where the component keeps its results in doc.user_data. A str key, so that msgpack (used by
# Doc.to_bytes and DocBin) stores it as it is.
USER_DATA_KEY = "quoteattr"
DEFAULT_CONFIG: dict[str, Any] = {
    "kinds": None,
    "genre": "auto",
    "spans_key": "quotes",
    "extension": "quotes",
    "people_extension": "people",
}


@Language.factory(
    "quoteattr",
    default_config=DEFAULT_CONFIG,
    assigns=["doc._.quotes", "doc._.people", "doc.spans"],
    requires=["token.dep", "doc.ents"],
)
def make_quoteattr(
    nlp: Language,
    name: str,
    *,
    kinds: list[str] | None,
    genre: str,
    spans_key: str | None,
    extension: str,
    people_extension: str,
) -> QuoteattrComponent:
    """Make the quoteattr component; spaCy calls this for ``nlp.add_pipe("quoteattr")``."""
    return QuoteattrComponent(
        nlp,
        name,
        kinds=kinds,
        genre=genre,
        spans_key=spans_key,
        extension=extension,
        people_extension=people_extension,
    )


class QuoteattrComponent:
    """A spaCy pipeline component that finds the quotes of each Doc and who said them.

    Add it after the parser and the entity recognizer: ``nlp.add_pipe("quoteattr")``.

    Args:
        nlp: The pipeline it belongs to.
        name: Its name in the pipeline.
        kinds: Only keep quotes of these kinds (``"direct"``, ``"mixed"``, ``"indirect"``,
            ``"pull"``); None keeps all.
        genre: How to name people: ``"auto"``, ``"news"`` or ``"fiction"`` (see `Extractor`).
        spans_key: Put the quotes in ``doc.spans[spans_key]``, their speakers' mentions in
            ``doc.spans[spans_key + ".speakers"]`` and their cues in
            ``doc.spans[spans_key + ".cues"]``; None sets no spans.
        extension: The name of the Doc extension that gives the quotes: ``doc._.quotes``.
        people_extension: The name of the Doc extension that gives the people of the text
            (`Person` objects, the ids of ``Speaker.person``): ``doc._.people``.

    Raises:
        ValueError: kinds names an unknown kind, genre an unknown genre, or another package
            owns an extension.
    """

    def __init__(
        self,
        nlp: Language,
        name: str = "quoteattr",
        *,
        kinds: Iterable[str] | None = None,
        genre: str = "auto",
        spans_key: str | None = "quotes",
        extension: str = "quotes",
        people_extension: str = "people",
    ) -> None:
        self.name = name
        self.kinds = None if kinds is None else frozenset(_kind(k) for k in kinds)
        self.genre = check_genre(genre)
        self.spans_key = spans_key
        self.extension = extension
        self.people_extension = people_extension
        register_extension(extension, doc_quotes)
        register_extension(people_extension, doc_people)

    def __call__(self, doc: Doc) -> Doc:
        """Find the quotes of doc and store them on it; return doc.

        Raises:
            PipelineError: doc has no dependency parse or no named entities.
        """
        check_annotations(doc, self.name)
        analysis = analysis_of(doc, "default", self.kinds, self.genre)
        quotes = list(analysis.quotes)
        doc.user_data[USER_DATA_KEY] = analysis.to_dict()
        if self.spans_key is not None:
            set_spans(doc, quotes, self.spans_key)
        return doc

    def score(self, examples: Iterable[Example], **kwargs: Any) -> dict[str, float]:
        """Score the quotes of the predicted Docs against the reference Docs' quote spans;
        ``nlp.evaluate`` calls it.

        The gold quotes are the spans of ``reference.spans[spans_key]`` (default
        ``"quotes"``), each labelled with its kind (``"direct"``, ``"mixed"``, ``"indirect"``)
        or not; they are matched as `quoteattr.evaluate` matches them (docs/evaluate.md).

        Args:
            examples: The examples, their predicted Docs run through this component.
            kwargs: Ignored: the settings of spaCy's other scorers.

        Returns:
            Precision, recall and F1 from 0 to 1 of all quotes (``quotes_p``, ``quotes_r``,
            ``quotes_f``), of direct ones (``quotes_direct_p``, ...) and of indirect ones
            (``quotes_indirect_p``, ...).
        """
        key = self.spans_key or DEFAULT_CONFIG["spans_key"]
        golds: list[GoldDocument] = []
        found = []
        for eg in examples:
            spans = eg.reference.spans.get(key, ())
            quotes = (
                GoldQuote(start=s.start_char, end=s.end_char, type=s.label_ or None) for s in spans
            )
            golds.append(
                GoldDocument(id=str(len(golds)), text=eg.reference.text, quotes=tuple(quotes))
            )
            found.append(predicted(doc_quotes(eg.predicted)))
        scores = evaluation_of(golds, found)
        return {
            f"quotes{track}_{letter}": value
            for track, prf in (
                ("", scores.quotes),
                ("_direct", scores.direct),
                ("_indirect", scores.indirect),
            )
            for letter, value in (("p", prf.precision), ("r", prf.recall), ("f", prf.f1))
        }


def _kind(value: str) -> QuoteKind:
    try:
        return QuoteKind(value)
    except ValueError:
        choices = ", ".join(repr(k.value) for k in QuoteKind)
        raise ValueError(
            f"Unknown kind of quote {value!r} in the quoteattr component's 'kinds'; "
            f"choose from {choices}."
        ) from None


def register_extension(name: str, getter: Callable[[Doc], list[Any]] | None = None) -> None:
    """Register ``Doc._.<name>`` with a getter (the quotes, by default), unless it is
    registered with it already.

    Raises:
        ValueError: Another package registered an extension of that name.
    """
    getter = doc_quotes if getter is None else getter
    if Doc.has_extension(name):
        _default, _method, registered, _setter = Doc.get_extension(name)
        if registered is not getter:
            key = "extension" if getter is doc_quotes else "people_extension"
            raise ValueError(
                f"Another package already registered Doc._.{name}. Give the quoteattr "
                f'component another name for it: nlp.add_pipe("quoteattr", '
                f'config={{"{key}": "quoteattr_{name}"}})'
            )
        return
    Doc.set_extension(name, getter=getter)


def doc_quotes(doc: Doc) -> list[Quote]:
    """The quotes the component stored on doc, as new Quote objects; [] if it did not run."""
    data = doc.user_data.get(USER_DATA_KEY)
    if not data:
        return []
    return [Quote.from_dict(d) for d in data["quotes"]]


def doc_people(doc: Doc) -> list[Person]:
    """The people the component stored on doc, as new Person objects; [] if it did not run."""
    data = doc.user_data.get(USER_DATA_KEY)
    if not data:
        return []
    return [Person.from_dict(d) for d in data.get("people", ())]


def check_annotations(doc: Doc, name: str) -> None:
    """Raise PipelineError unless doc has a dependency parse and named entities."""
    if len(doc) == 0:
        return
    missing = [
        what
        for what, attr in (("dependency parse", "DEP"), ("named entities", "ENT_IOB"))
        if not doc.has_annotation(attr)
    ]
    if missing:
        raise PipelineError(
            f"The {name!r} component needs a dependency parse and named entities, but the Doc "
            f"has no {' and no '.join(missing)}. Add it at the end of a trained pipeline that "
            f"has a 'parser' and an 'ner': nlp = spacy.load('en_core_web_sm'); "
            f"nlp.add_pipe('quoteattr') (pip install 'quoteattr[model]')."
        )


def set_spans(doc: Doc, quotes: Sequence[Quote], key: str) -> None:
    """Put quote spans (label: kind), speaker spans (label: name, or "" for a speaker without
    one) and cue spans into doc.spans.

    ``doc.spans[key]`` has one span per quote, in the order of the quotes; the speaker and cue
    groups have one span per distinct mention or cue.
    """
    doc.spans[key] = [_span(doc, q.start, q.end, q.kind.value) for q in quotes]
    speakers: dict[tuple[int, int], Span] = {}
    cues: dict[tuple[int, int], Span] = {}
    for q in quotes:
        mention = q.speaker.mention if q.speaker else None
        if q.speaker is not None and mention is not None:
            where = (mention.start, mention.end)
            speakers.setdefault(where, _span(doc, *where, q.speaker.name or ""))
        if q.cue is not None:
            where = (q.cue.start, q.cue.end)
            cues.setdefault(where, _span(doc, *where, "cue"))
    doc.spans[f"{key}.speakers"] = sorted(speakers.values())
    doc.spans[f"{key}.cues"] = sorted(cues.values())


def _span(doc: Doc, start: int, end: int, label: str) -> Span:
    """The smallest token span that covers characters start to end."""
    span = doc.char_span(start, end, label=label, alignment_mode="expand")
    if span is None:  # only for an empty range, which no quote, mention or cue has
        raise ValueError(f"no tokens between characters {start} and {end}")
    return span
