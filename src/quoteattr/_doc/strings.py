"""A Doc's strings without a Token for each: spaCy's string store read once per string."""

from __future__ import annotations

from operator import itemgetter
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span


def doc_text(doc: Doc) -> str:
    """``doc.text``, joined from the tokens' strings without a Token for each."""
    arr = doc.to_array(["ORTH", "SPACY"]).reshape(-1, 2)
    words, spaces = strings_of(doc, arr[:, 0]), arr[:, 1].tolist()
    return "".join([w + " " if spaced else w for w, spaced in zip(words, spaces, strict=True)])


def span_text(span: Span, text: str) -> str:
    """``span.text``, cut from text (its Doc's ``doc.text``) rather than joined from a Token
    for each of its words."""
    return text[span.start_char : span.end_char]


def strings_of(doc: Doc, ids: Any) -> list[str]:
    """The strings of an array of string ids, as spaCy's string properties give them ("" for
    none), looked up in spaCy's store once per distinct id (see `_STRINGS`)."""
    found = ids.tolist()
    try:
        return _values(_STRINGS, found)
    except KeyError:  # a string not read before
        strings = doc.vocab.strings
        names = {k: _STRINGS[k] if k in _STRINGS else strings[k] for k in set(found)}
        if len(_STRINGS) > MAX_STRINGS:
            _STRINGS.clear()
            _STRINGS[0] = ""
        _STRINGS.update(names)
        return _values(names, found)


def _values(table: dict[int, str], keys: list[int]) -> list[str]:
    """``[table[k] for k in keys]``, looked up in one call of an `itemgetter`: a third
    faster than a lookup per key, for a column of the Doc's tokens."""
    if len(keys) < 2:  # an itemgetter of one key gives the value itself, not a tuple
        return [table[k] for k in keys]
    return list(itemgetter(*keys)(table))


# The strings read by their ids. An id is the hash of its string, or the number of one of
# spaCy's symbols, the same in every vocabulary: a lookup here costs a fraction of one in
# spaCy's StringStore, which every string attribute of a Token makes.
_STRINGS: dict[int, str] = {0: ""}
MAX_STRINGS = 100_000  # then it starts again: some 15 MB at most, however long the stream
