"""Which paragraph and which quote each token of a Doc is in, and the narration around a
quote: the token-level facts the later steps share."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from functools import cached_property
from typing import TYPE_CHECKING, Any

import attrs

from .strings import doc_text
from .tree import DocTree, doc_tree, forget_tree

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

SENTENCE_END = frozenset({".", "!", "?"})
MAX_LEFT = 30  # tokens of context searched before a quote for its cue
MAX_RIGHT = 20  # and after it


@attrs.define
class TokenIndex:
    """Where each token of a Doc sits relative to paragraphs and quotation marks."""

    doc: Doc
    paragraph_of: list[int]
    quote_of: list[int]  # index into the marked spans, or -1 outside every quote
    starts: list[int]  # character offset of each token
    text: str  # doc.text, which spaCy joins anew from the tokens at each call (`doc_text`)
    # state the steps that read the index keep for the Doc, by their own keys
    memo: dict[str, Any] = attrs.field(factory=dict)

    @cached_property
    def quoted_before(self) -> list[int]:
        """The tokens in quotes before token i, for i up to the Doc's length (read on first
        use, as `free` is: only the parse's rules ask)."""
        import numpy

        found = numpy.zeros(len(self.quote_of) + 1, dtype=numpy.int64)
        numpy.cumsum(numpy.array(self.quote_of, dtype=numpy.int64) >= 0, out=found[1:])
        return found.tolist()  # type: ignore[no-any-return]

    @cached_property
    def free(self) -> list[bool]:
        """Narration: for each token, whether it is outside every quote and not blank (see
        `is_free`)."""
        import numpy

        quoted = numpy.array(self.quote_of, dtype=numpy.int64) >= 0
        return (~quoted & (self.doc.to_array("IS_SPACE") == 0)).tolist()  # type: ignore[no-any-return]

    @property
    def tree(self) -> DocTree:
        """The parse tree of the Doc, read once (see `doc_tree`)."""
        return doc_tree(self.doc)

    @classmethod
    def build(
        cls,
        doc: Doc,
        para_starts: Sequence[int],
        quotes: Sequence[tuple[int, int]],
        text: str | None = None,
    ) -> TokenIndex:
        """Index doc's tokens by paragraph and by the quote (marks included) they fall in.

        Args:
            doc: The Doc.
            para_starts: Where each paragraph starts, in order.
            quotes: The characters of each quote, its marks included, in order.
            text: ``doc.text``, if the caller has it already.
        """
        import numpy

        # Whole-array operations: a Token object per token would cost more than the rest.
        idx = doc.to_array("IDX").astype(numpy.int64)
        starts: list[int] = idx.tolist()
        found = numpy.searchsorted(numpy.array(para_starts, dtype=numpy.int64), idx, "right") - 1
        paragraph_of: list[int] = numpy.maximum(found, 0).tolist()
        quote = numpy.full(len(doc), -1, dtype=numpy.int64)
        for k, (start, end) in enumerate(quotes):
            quote[bisect_left(starts, start) : bisect_left(starts, end)] = k
        forget_tree(doc)  # the Doc may have changed since a tree was read from it
        if text is None:
            text = doc_text(doc)
        return cls(doc, paragraph_of, quote.tolist(), starts, text)

    def token_range(self, start: int, end: int) -> tuple[int, int]:
        """Return the token indices [i, j) of the tokens that overlap characters [start, end)."""
        i = max(bisect_right(self.starts, start) - 1, 0)
        if i < len(self.doc) and self.doc[i].idx + len(self.doc[i]) <= start:
            i += 1
        return i, bisect_left(self.starts, end)

    def quotes_within(self, first: int, end: int) -> bool:
        """Say whether any of tokens first to end (exclusive) is inside a quote."""
        first, end = max(first, 0), min(end, len(self.quote_of))
        return end > first and self.quoted_before[end] > self.quoted_before[first]

    def is_free(self, i: int) -> bool:
        """Say whether token i is narration: outside every quote and not blank."""
        return self.free[i]

    def left_context(self, first: int) -> list[Token]:
        """Narration before token first, back to the sentence start, a quote or the paragraph."""
        found: list[Token] = []
        para = self.paragraph_of[first] if first < len(self.doc) else -1
        i = first - 1
        while i >= 0 and len(found) < MAX_LEFT and self.paragraph_of[i] == para:
            tok = self.doc[i]
            if self.quote_of[i] >= 0 or tok.text in SENTENCE_END:
                break
            if not tok.is_space:
                found.append(tok)
            i -= 1
        found.reverse()
        return found

    def right_context(self, last: int) -> list[Token]:
        """Narration after token last, to the sentence end, a quote or the paragraph end."""
        found: list[Token] = []
        para = self.paragraph_of[last] if last >= 0 else -1
        i = last + 1
        while i < len(self.doc) and len(found) < MAX_RIGHT and self.paragraph_of[i] == para:
            tok = self.doc[i]
            if self.quote_of[i] >= 0 or tok.text in SENTENCE_END:
                break
            if not tok.is_space:
                found.append(tok)
            i += 1
        return found
