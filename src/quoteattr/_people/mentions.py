"""Speakers: the words that name who spoke, cut from the parse around a cue's subject."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._doc.ents import entity_at, ents_within
from .._doc.labels import PERSON_LABELS
from .._types import Mention

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

# Parts of a noun phrase that say more about the speaker without naming them:
# "Smith, a spokesman," (appos), "Smith, who ..." (relcl), "Smith and Jones" (conj).
DETACHED_DEPS = frozenset({"appos", "relcl", "acl", "punct", "cc", "conj", "advcl", "parataxis"})
MAX_MENTION_TOKENS = 12


def mention_span(head: Token) -> Span:
    """Return the noun phrase that head heads, without appositions and relative clauses."""
    if head.pos_ == "PRON":
        return head.doc[head.i : head.i + 1]
    keep = {head.i}
    stack = [head]
    while stack:
        tok = stack.pop()
        for child in tok.children:
            if _attached(child):
                keep.add(child.i)
                stack.append(child)
    start = end = head.i
    while start - 1 in keep and head.i - (start - 1) < MAX_MENTION_TOKENS:
        start -= 1
    while end + 1 in keep and (end + 1) - start < MAX_MENTION_TOKENS:
        end += 1
    doc = head.doc
    while start < end and (doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start and (doc[end].is_punct or doc[end].is_space):
        end -= 1
    return doc[start : end + 1]


def _attached(child: Token) -> bool:
    """Say whether child belongs in its head's phrase.

    A close apposition ("ambassador Jane Smith") does; "Smith, a doctor," does not.
    """
    if child.is_space:
        return False
    if child.dep_ == "appos":
        before = child.doc[child.left_edge.i - 1] if child.left_edge.i else child
        return not before.is_punct
    return child.dep_ not in DETACHED_DEPS


def mention_of(span: Span) -> Mention:
    """Return the Mention for a span of the source."""
    return Mention(text=span.text, start=span.start_char, end=span.end_char)


def entity_in(span: Span, head: Token) -> Span | None:
    """Return the named entity that names what span's head stands for, if any.

    That is the entity holding the head ("Jane Smith"), or else a person set beside
    it in apposition ("the former ambassador Jane Smith", "its leader, Jane Smith,").
    """
    ents = ents_within(span)  # not span.ents: that walks the whole Doc
    for ent in ents:
        if ent.start <= head.i < ent.end:
            return ent
    if head.ent_type_:
        return entity_at(head)
    for ent in ents:
        if ent.label_ in PERSON_LABELS and governor(ent.root).i == head.i:
            return ent
    for child in head.children:  # "Its leader, Sarah Cole, said"
        named = entity_at(child) if child.dep_ == "appos" else None
        if named is not None and named.label_ in PERSON_LABELS:
            return named
    return None


def governor(tok: Token) -> Token:
    """Return the token a name describes: "ambassador" for "Smith" in "ambassador Jane Smith"."""
    while tok.dep_ in ("appos", "compound") and tok.head.i != tok.i:
        tok = tok.head
    return tok


def role_of(span: Span, name: Span | None, head: Token) -> str | None:
    """Return what the text says the speaker is: an apposition or the words before the name.

    "Jane Smith, a spokeswoman for the mayor," gives "a spokeswoman for the mayor";
    "former ambassador Jane Smith" gives "former ambassador".
    """
    for child in head.children:
        if child.dep_ == "appos" and not (name is not None and name.start <= child.i < name.end):
            sub = head.doc[child.left_edge.i : child.right_edge.i + 1]
            return sub.text.strip(" ,")
    if name is not None and name.start > span.start:
        before = head.doc[span.start : name.start]
        words = [t for t in before if not t.is_punct and t.dep_ != "det"]
        if words and any(t.pos_ in ("NOUN", "PROPN", "ADJ") for t in words):
            return head.doc[words[0].i : name.start].text.strip(" ,")
    return None
