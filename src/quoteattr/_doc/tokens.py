"""Token-level facts the later steps share: which paragraph and which quote each token is in."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import TYPE_CHECKING

import attrs

from .._detect.marks import MarkedSpan, Paragraph

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
    text: str  # doc.text, which spaCy joins anew from the tokens at each call

    @classmethod
    def build(
        cls, doc: Doc, paras: list[Paragraph], spans: list[MarkedSpan], text: str | None = None
    ) -> TokenIndex:
        """Index doc's tokens by paragraph and by the quote (marks included) they fall in.

        text is ``doc.text``, if the caller has it already.
        """
        import numpy

        # Whole-array operations: a Token object per token would cost more than the rest.
        idx = doc.to_array("IDX")
        starts: list[int] = idx.tolist()
        para_starts = numpy.array([p.start for p in paras], dtype=idx.dtype)
        found = numpy.searchsorted(para_starts, idx, side="right").astype(numpy.int64) - 1
        paragraph_of: list[int] = numpy.maximum(found, 0).tolist()
        quote_of = [-1] * len(doc)
        for k, span in enumerate(spans):
            for i in range(
                bisect_left(starts, span.outer_start), bisect_left(starts, span.outer_end)
            ):
                quote_of[i] = k
        return cls(doc, paragraph_of, quote_of, starts, doc.text if text is None else text)

    def token_range(self, start: int, end: int) -> tuple[int, int]:
        """Return the token indices [i, j) of the tokens that overlap characters [start, end)."""
        i = max(bisect_right(self.starts, start) - 1, 0)
        if i < len(self.doc) and self.doc[i].idx + len(self.doc[i]) <= start:
            i += 1
        return i, bisect_left(self.starts, end)

    def quotes_within(self, first: int, end: int) -> bool:
        """Say whether any of tokens first to end (exclusive) is inside a quote."""
        return any(q >= 0 for q in self.quote_of[first:end])

    def is_free(self, i: int) -> bool:
        """Say whether token i is narration: outside every quote and not blank."""
        return self.quote_of[i] < 0 and not self.doc[i].is_space

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
