"""Hand-built spaCy Docs for unit tests: a parse written out by hand, no trained pipeline.

``parsed(text, rows)`` tokenizes text with spaCy's blank English tokenizer (rules only, no
model) and sets on each token the annotation its row gives. A row is one line::

    index word TAG dep head [lemma=...] [pos=...] [ent=LABEL | ent=B-LABEL]

``index`` counts the rows from 0 and ``head`` is the index of the head's row (a root points
to itself); both count only the rows, so whitespace tokens ("\\n\\n" between paragraphs), which
get no row, never shift them. The word must be the token's text: a check that the rows and
the tokenizer agree. The coarse part of speech follows from the tag (``pos=`` overrides it;
``aux`` and ``auxpass`` make AUX), the lemma is the lower-case word unless given, and
consecutive tokens with the same ``ent=`` label make one entity (``ent=B-LABEL`` starts a new
one). Whitespace tokens hang on the token before them, tagged ``_SP`` as spaCy's pipelines do.

``surface(text)`` is the fast mode's Doc: tokens only.

Both return a `Built`: the Doc with the TokenIndex that ``pipeline.quotes_of`` builds for it
(paragraphs, pull-quotes, quoted spans, then ``TokenIndex.build``).
"""

from __future__ import annotations

from functools import cache

import attrs
import spacy
from spacy.language import Language
from spacy.tokens import Doc, Token

from quoteattr._detect.dashes import quoted_spans
from quoteattr._detect.layout import PullQuote, pull_quotes
from quoteattr._detect.marks import MarkedSpan, Paragraph, paragraphs
from quoteattr._doc.tokens import TokenIndex

# The coarse part of speech of each fine-grained tag the tests use (the Penn Treebank's).
TAG_POS = {
    "NNP": "PROPN",
    "NNPS": "PROPN",
    "NN": "NOUN",
    "NNS": "NOUN",
    "PRP": "PRON",
    "PRP$": "PRON",
    "WP": "PRON",
    "WDT": "PRON",
    "EX": "PRON",
    "VB": "VERB",
    "VBD": "VERB",
    "VBZ": "VERB",
    "VBP": "VERB",
    "VBG": "VERB",
    "VBN": "VERB",
    "MD": "AUX",
    "DT": "DET",
    "PDT": "DET",
    "IN": "ADP",
    "RP": "ADP",
    "JJ": "ADJ",
    "JJR": "ADJ",
    "RB": "ADV",
    "RBR": "ADV",
    "CC": "CCONJ",
    "TO": "PART",
    "POS": "PART",
    "CD": "NUM",
    "UH": "INTJ",
    "``": "PUNCT",
    "''": "PUNCT",
    ",": "PUNCT",
    ".": "PUNCT",
    ":": "PUNCT",
    "HYPH": "PUNCT",
    "NFP": "PUNCT",
    "-LRB-": "PUNCT",
    "-RRB-": "PUNCT",
}


@cache
def blank() -> Language:
    """spaCy's blank English pipeline: the rule-based tokenizer and nothing else."""
    return spacy.blank("en")


@attrs.frozen
class Built:
    """A Doc and what ``quotes_of`` derives from its text before looking for cues."""

    doc: Doc
    paras: list[Paragraph]
    pulls: list[PullQuote]
    spans: list[MarkedSpan]
    index: TokenIndex

    @property
    def text(self) -> str:
        return self.index.text

    def quote(self, k: int = 0) -> tuple[int, int]:
        """The first and last token (marks included) of the k-th quoted span."""
        span = self.spans[k]
        first, end = self.index.token_range(span.outer_start, span.outer_end)
        return first, end - 1

    def tok(self, word: str, nth: int = 0) -> Token:
        """The nth token (from 0) whose text is word."""
        found = [t for t in self.doc if t.text == word]
        return found[nth]

    def chars(self, start: int, end: int) -> str:
        """The text's characters [start, end)."""
        return self.text[start:end]

    def words(self, first: int, end: int) -> str:
        """The text of the tokens [first, end), as the source writes it."""
        return self.doc[first:end].text


def index_of(doc: Doc) -> Built:
    """Index a Doc the way ``pipeline.quotes_of`` does."""
    text = doc.text
    paras = paragraphs(text)
    pulls = pull_quotes(text, paras)
    spans = quoted_spans(text, paras, pulls)
    return Built(
        doc,
        paras,
        pulls,
        spans,
        TokenIndex.build(
            doc, [p.start for p in paras], [(s.outer_start, s.outer_end) for s in spans], text
        ),
    )


def surface(text: str) -> Built:
    """The fast mode's Doc for text: blank-tokenized, with no annotation at all."""
    return index_of(blank()(text))


def parsed(text: str, rows: str) -> Built:
    """A Doc of text with the hand-written parse in rows (see the module's docstring)."""
    tokens = blank()(text)
    specs = [_row(line) for line in rows.strip().splitlines() if line.strip()]
    words = [t.text for t in tokens]
    spaces = [bool(t.whitespace_) for t in tokens]
    real = [t.i for t in tokens if not t.is_space]  # row number -> token index
    if len(real) != len(specs):
        got = [tokens[i].text for i in real]
        raise ValueError(f"{len(specs)} rows for {len(real)} tokens: {got}")
    n = len(tokens)
    tags, pos, deps, lemmas = [""] * n, [""] * n, [""] * n, [""] * n
    heads, labels = [0] * n, ["O"] * n
    for row_no, (spec, i) in enumerate(zip(specs, real, strict=True)):
        number, word, tag, dep, head, extra = spec
        if number != row_no or word != words[i]:
            raise ValueError(f"row {number} {word!r} is token {row_no} {words[i]!r}")
        tags[i], deps[i], heads[i] = tag, dep, real[head]
        pos[i] = extra.get("pos") or ("AUX" if dep in ("aux", "auxpass") else TAG_POS[tag])
        lemmas[i] = extra.get("lemma", word.lower())
        labels[i] = _iob(extra.get("ent"), labels[i - 1] if i else "O")
    for i in range(n):
        if tokens[i].is_space:  # hangs on the token before it, as in spaCy's pipelines
            tags[i], pos[i], deps[i], lemmas[i] = "_SP", "SPACE", "dep", words[i]
            heads[i] = i - 1 if i else next(j for j in real if j > i)
            labels[i] = "O"
    doc = Doc(
        blank().vocab,
        words=words,
        spaces=spaces,
        tags=tags,
        pos=pos,
        deps=deps,
        heads=heads,
        lemmas=lemmas,
        ents=labels,
    )
    return index_of(doc)


def _row(line: str) -> tuple[int, str, str, str, int, dict[str, str]]:
    number, word, tag, dep, head, *rest = line.split()
    extra = dict(item.split("=", 1) for item in rest)
    return int(number), word, tag, dep, int(head), extra


def _iob(ent: str | None, before: str) -> str:
    """The IOB tag of a token labelled ent, after a token tagged before."""
    if ent is None:
        return "O"
    if ent.startswith("B-"):
        return ent
    return f"I-{ent}" if before[2:] == ent else f"B-{ent}"
