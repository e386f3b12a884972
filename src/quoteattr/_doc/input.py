"""Input: any str made into a spaCy Doc in linear time, with every offset unchanged.

Two kinds of str break spaCy or slow it down, and both are handled here without moving a
character, so that an offset into the Doc is an offset into the caller's text:

- Lone surrogates (from ``errors="surrogateescape"``, or a JSON ``"\\ud800"``): spaCy hashes
  strings as UTF-8, which cannot encode them. spaCy gets U+FFFD in their place.
- Long runs without whitespace (10,000 quotation marks, a minified blob): spaCy's tokenizer
  peels prefixes and suffixes off a run one at a time, which takes time quadratic in the
  run's length. A run longer than ``MAX_RUN`` is tokenized in pieces of ``MAX_RUN``.

One of spaCy's tokens is also mended: its English tokenizer keeps "I." whole, as the initial
of a name ("John I. Smith"), so the pronoun that ends a sentence ("'Right!' said I.") became
a proper noun, and a person called "I.". After a lower-case word, it is "I" and a full stop.
"""

from __future__ import annotations

import re
from itertools import pairwise
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

# Characters without whitespace tokenized at once. English words, numbers and most URLs are
# shorter; a run of 100 punctuation marks takes spaCy's tokenizer about 4 ms.
MAX_RUN = 100

_SURROGATE_RE = re.compile("[\ud800-\udfff]")
# A whole run longer than MAX_RUN, and the whitespace after it. The lookbehind starts each
# match at a run's first character, so the search is linear.
_LONG_RUN_RE = re.compile(rf"(?<!\S)(\S{{{MAX_RUN + 1},}})\s*")


def has_surrogates(text: str) -> bool:
    """Say whether text holds a lone surrogate, which UTF-8 cannot encode."""
    return _SURROGATE_RE.search(text) is not None


def without_surrogates(text: str) -> str:
    """Return text with each lone surrogate replaced by U+FFFD: same length, same offsets."""
    return _SURROGATE_RE.sub("\ufffd", text)


def make_doc(nlp: Language, text: str) -> Doc:
    """Tokenize text with nlp's tokenizer, in linear time; ``doc.text == text``.

    Runs of more than MAX_RUN characters without whitespace are tokenized in pieces of
    MAX_RUN, so a token never spans a piece boundary; elsewhere the tokens are nlp's own.
    """
    doc = _tokenized(nlp, text)
    return _pronoun_i_apart(doc) if "I." in text else doc


def _tokenized(nlp: Language, text: str) -> Doc:
    """The text tokenized by nlp, each run of more than MAX_RUN characters without
    whitespace in pieces of MAX_RUN."""
    runs = list(_LONG_RUN_RE.finditer(text))
    if not runs:
        return nlp.make_doc(text)
    from spacy.tokens import Doc

    pieces: list[str] = []
    pos = 0
    for run in runs:
        pieces.append(text[pos : run.start()])
        # the last piece keeps the whitespace after the run, as the run's last token would
        cuts = [*range(run.start(), run.end(1), MAX_RUN), run.end()]
        pieces.extend(text[a:b] for a, b in pairwise(cuts))
        pos = run.end()
    pieces.append(text[pos:])
    return Doc.from_docs([nlp.make_doc(p) for p in pieces if p], ensure_whitespace=False)


def _pronoun_i_apart(doc: Doc) -> Doc:
    """Split each token "I." after a lower-case word ("said I.", "than I.") into the pronoun
    and its full stop; an initial after a name ("John I. Smith") stays whole."""
    with doc.retokenize() as retokenizer:
        for tok in doc:
            before = doc[tok.i - 1] if tok.i else None
            if tok.text == "I." and before is not None and before.is_lower and before.is_alpha:
                retokenizer.split(tok, ["I", "."], heads=[(tok, 0), (tok, 0)])
    return doc
