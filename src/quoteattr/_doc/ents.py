"""Named entities near a token, read from the tokens' IOB tags in time linear in the entity.

``Doc.ents`` and ``Span.ents`` build every entity of the document on each call, so looking
one up per speaker makes a long document quadratic. These give the same Spans as those
properties by reading only the tokens around the place asked about.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .tokens import doc_tree

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# Token.ent_iob values, as spaCy stores them.
_I, _B = 1, 3


def entity_at(tok: Token) -> Span | None:
    """Return the entity that holds tok, as ``doc.ents`` gives it, or None; a person's
    name the entity recogniser split in two is one entity (see `_joins`)."""
    doc = tok.doc
    if tok.ent_iob not in (_I, _B):
        return None
    start = tok.i
    while start > 0:
        if doc[start].ent_iob == _I:
            start -= 1
        elif (joined := _joins(doc, start)) is not None:
            start = joined
        else:
            break
    if doc[start].ent_iob != _B:
        return None  # an I tag without its B: spaCy counts no entity here either
    return _entity_from(doc, start)


def entities(doc: Doc) -> list[Span]:
    """Return the document's entities, as ``doc.ents`` does but with split names joined;
    read once per extraction (kept on the Doc's tree)."""
    from spacy.tokens import Span

    tree = doc_tree(doc)
    if tree.entities is None:
        found: list[Span] = []
        for ent in doc.ents:
            if found and _joins(doc, ent.start) is not None:
                last = found[-1]
                found[-1] = Span(doc, last.start, ent.end, label=last.label)
            else:
                found.append(ent)
        tree.entities = found
    return tree.entities


def _joins(doc: Doc, i: int) -> int | None:
    """If the person entity opening at token i goes on the one just before it, the index of
    that one's last token: the small model splits some names in two ("Parson | Tringham")
    where only a space or a line break stands between."""
    if doc[i].ent_iob != _B or doc[i].ent_type_ != "PERSON" or i == 0:
        return None
    j = i - 1
    if doc[j].is_space and "\n\n" not in doc[j].text and j > 0:
        j -= 1
    elif not doc[j].whitespace_:
        return None
    before = doc[j]
    return j if before.ent_type_ == "PERSON" and before.is_alpha else None


def ents_within(span: Span) -> list[Span]:
    """Return the entities that lie wholly inside span, in order, as ``span.ents`` does."""
    doc = span.doc
    found: list[Span] = []
    for i in range(span.start, span.end):
        if doc[i].ent_iob == _B and _joins(doc, i) is None:
            ent = _entity_from(doc, i)
            if ent is None:
                continue
            if ent.end > span.end:
                break
            found.append(ent)
    return found


def _entity_from(doc: Doc, start: int) -> Span | None:
    """The entity whose B tag is at start; None if it has no label."""
    from spacy.tokens import Span

    first = doc[start]
    if not first.ent_type:
        return None
    end = start + 1
    while end < len(doc):
        if doc[end].ent_iob == _I:
            end += 1
            continue
        after = end + 1 if doc[end].is_space else end  # a line break inside the name
        if after < len(doc) and _joins(doc, after) == end - 1:
            end = after + 1
        else:
            break
    return Span(doc, start, end, label=first.ent_type, kb_id=first.ent_kb_id, span_id=first.ent_id)
