"""Named entities near a token, read from the tokens' IOB tags in time linear in the entity.

``Doc.ents`` and ``Span.ents`` build every entity of the document on each call, so looking
one up per speaker makes a long document quadratic. These give the same Spans as those
properties by reading only the tokens around the place asked about.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span

from .tree import doc_tree

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# Token.ent_iob values, as spaCy stores them.
_I, _O, _B = 1, 2, 3


def entity_at(tok: Token) -> Span | None:
    """Return the entity that holds tok, as ``doc.ents`` gives it, or None; a person's
    name the entity recogniser split in two is one entity (see `_Tags.joins`)."""
    tags = _entity_tags(tok.doc)
    if tags.iob[tok.i] not in (_I, _B):
        return None
    start = tok.i
    while start > 0:
        if tags.iob[start] == _I:
            start -= 1
        elif (joined := tags.joins(start)) is not None:
            start = joined
        else:
            break
    if tags.iob[start] != _B:
        return None  # an I tag without its B: spaCy counts no entity here either
    return _entity_from(tok.doc, start)


def entities(doc: Doc) -> list[Span]:
    """Return the document's entities, as ``doc.ents`` does but with split names joined and
    none running into the next paragraph (`_Tags`); read once per extraction (kept on the
    Doc's tree)."""
    tree = doc_tree(doc)
    if tree.entities is None:
        tree.entities = ents_within(doc[:])
    return tree.entities


class _Tags:
    """What the entity recogniser tagged each token of a Doc, and what `joins` reads of the
    tokens, as lists read once per Doc (kept on its tree)."""

    def __init__(self, doc: Doc) -> None:
        tree = doc_tree(doc)
        self.iob = list(tree.flags(doc, "ENT_IOB"))
        self.label = tree.column(doc, "ENT_TYPE")
        self.space = tree.flags(doc, "IS_SPACE")
        self.paragraph_break = {i for i, s in enumerate(self.space) if s and "\n\n" in doc[i].text}
        # No entity goes on into the next paragraph, nor over a verb: the model runs
        # "Edward s.\n\nMarianne" into one name, "Hatherley was Winifred Lusk" into one place.
        pos = tree.column(doc, "POS")
        for i, inside in enumerate(self.iob):
            if inside == _I and (i in self.paragraph_break or pos[i] in ("VERB", "AUX")):
                self.iob[i] = _O
                if i + 1 < len(self.iob) and self.iob[i + 1] == _I:
                    self.iob[i + 1] = _B
        self.spaced = tree.flags(doc, "SPACY")  # a space follows: Token.whitespace_
        self.alpha = tree.flags(doc, "IS_ALPHA")

    def joins(self, i: int) -> int | None:
        """If the person entity opening at token i goes on the one just before it, the
        index of that one's last token: the small model splits some names in two ("Parson
        | Tringham") where only a space or a line break stands between."""
        if self.iob[i] != _B or self.label[i] != "PERSON" or i == 0:
            return None
        j = i - 1
        if self.space[j] and j not in self.paragraph_break and j > 0:
            j -= 1
        elif not self.spaced[j]:
            return None
        return j if self.label[j] == "PERSON" and self.alpha[j] else None


def _entity_tags(doc: Doc) -> _Tags:
    tree = doc_tree(doc)
    if tree.entity_tags is None:
        tree.entity_tags = _Tags(doc)
    return tree.entity_tags  # type: ignore[no-any-return]


def ents_within(span: Span) -> list[Span]:
    """Return the entities that lie wholly inside span, in order, as ``span.ents`` does."""
    doc = span.doc
    tags = _entity_tags(doc)
    found: list[Span] = []
    for i in range(span.start, span.end):
        if tags.iob[i] == _B and tags.joins(i) is None:
            ent = _entity_from(doc, i)
            if ent is None:
                continue
            if ent.end > span.end:
                break
            found.append(ent)
    return found


def _entity_from(doc: Doc, start: int) -> Span | None:
    """The entity whose B tag is at start; None if it has no label."""
    tags = _entity_tags(doc)
    if not tags.label[start]:
        return None
    end = start + 1
    while end < len(doc):
        if tags.iob[end] == _I:
            end += 1
            continue
        after = end + 1 if tags.space[end] else end  # a line break inside the name
        if after < len(doc) and tags.joins(after) == end - 1:
            end = after + 1
        else:
            break
    first = doc[start]
    return Span(doc, start, end, label=first.ent_type, kb_id=first.ent_kb_id, span_id=first.ent_id)
