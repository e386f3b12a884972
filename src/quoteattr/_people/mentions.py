"""Speakers: the words that name who spoke, cut from the parse around a cue's subject."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._doc.ents import entity_at, ents_within
from .._doc.labels import (
    AGENT_LABELS,
    APPOSITION_DEPS,
    GROUP_LABELS,
    PERSON_LABELS,
    PLACE_LABELS,
    PLURAL_NOUN_TAGS,
    SUBJECT_DEPS,
)
from .._doc.tree import doc_tree, span_root
from .._lexicon.people import FIRST_NAMES, as_title, is_person_noun
from .._types import Mention

if TYPE_CHECKING:
    from collections.abc import Sequence

    from spacy.tokens import Span, Token

    from .._doc.tree import DocTree

# Parts of a noun phrase that say more about the speaker without naming them:
# "Smith, a spokesman," (appos), "Smith, who ..." (relcl), "Smith and Jones" (conj).
DETACHED_DEPS = frozenset({"appos", "relcl", "acl", "punct", "cc", "conj", "advcl", "parataxis"})
MAX_MENTION_TOKENS = 12
# Entity labels that never name a speaker.
NUMERIC_LABELS = frozenset({"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"})
MAX_DESCRIPTION_TOKENS = 20  # the words of a description a speaker is known by, at most
# What a description keeps after its noun: "officials [familiar with the talks]", "a man [who
# asked not to be named]", "unions, [groups] and [lawmakers]"; it ends at a dash or a colon.
DESCRIPTION_DEPS = frozenset({"prep", "relcl", "acl", "amod", "cc", "conj", "punct", "advmod"})
BREAKS = frozenset({"-", "–", "—", ":", ";", "(", "["})
MAX_WHO_CLIMB = 6  # links from a place to the person "who" stands for: from, Leeds, a doctor
# The links climbed: "a doctor [appos] from [prep] Leeds [pobj]", "an official familiar [amod]
# with the talks".
WHO_CLIMB_DEPS = frozenset({"pobj", "prep", "appos", "amod", "acl"})


def mention_span(head: Token) -> Span:
    """Return the noun phrase that head heads, without appositions and relative clauses.

    That is the tokens next to head, at most MAX_MENTION_TOKENS of them, that hang on it
    through attached links. Only tokens within MAX_MENTION_TOKENS - 1 of head can be in
    it, so the walk down from head leaves out every child below which no such token lies:
    it visits those tokens and the tokens above them, not the whole phrase (which in a
    run-on parse can be the whole text). The bounds are kept per head.
    """
    if head.pos_ == "PRON":
        return head.doc[head.i : head.i + 1]
    doc = head.doc
    tree = doc_tree(doc)
    known = tree.mention_bounds.get(head.i)
    if known is None:
        known = tree.mention_bounds[head.i] = _mention_bounds(head, tree)
    return doc[known[0] : known[1] + 1]


def description_span(head: Token, quote_of: Sequence[int]) -> Span:
    """Return the whole description head heads, as a source known only by one is named:
    its phrase with the modifiers and relative clauses after it, "a senior official who asked
    not to be named", "families of those affected by the floods". Each part is taken whole
    or not at all; the first that is another part of the sentence (an apposition), holds a
    quote or a dash, or would pass MAX_DESCRIPTION_TOKENS ends it."""
    doc = head.doc
    tree = doc_tree(doc)
    span = mention_span(head)
    end = span.end
    for c in tree.rights[head.i]:
        last = tree.reach(c)[1]
        if last < end:
            continue
        if (
            doc[c].dep_ not in DESCRIPTION_DEPS
            or last - span.start >= MAX_DESCRIPTION_TOKENS
            or any(quote_of[k] >= 0 or doc[k].text in BREAKS for k in range(end, last + 1))
        ):
            break
        end = last + 1
    while end > span.end and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return doc[span.start : end]


def _mention_bounds(head: Token, tree: DocTree) -> tuple[int, int]:
    doc = head.doc
    low, high = head.i - (MAX_MENTION_TOKENS - 1), head.i + (MAX_MENTION_TOKENS - 1)
    keep = {head.i}
    stack = [head.i]
    while stack:
        k = stack.pop()
        for side in (tree.lefts[k], tree.rights[k]):
            for c in side:
                first, last = tree.reach(c)
                if last >= low and first <= high and _attached(doc[c]):
                    keep.add(c)
                    stack.append(c)
    start = end = head.i
    while start - 1 in keep and head.i - (start - 1) < MAX_MENTION_TOKENS:
        start -= 1
    while end + 1 in keep and (end + 1) - start < MAX_MENTION_TOKENS:
        end += 1
    while start < end and (doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start and (doc[end].is_punct or doc[end].is_space):
        end -= 1
    return start, end


def _attached(child: Token) -> bool:
    """Say whether child belongs in its head's phrase.

    A close apposition ("ambassador Jane Smith") does; "Smith, a doctor," does not.
    """
    if child.is_space:
        return False
    if child.dep_ == "appos":
        before = child.doc[child.left_edge.i - 1] if child.left_edge.i else child
        return not before.is_punct
    if child.text in ("-", "‐") and child.i and not child.doc[child.i - 1].whitespace_:
        return not child.whitespace_  # the hyphen inside a word: "look-alike"
    return child.dep_ not in DETACHED_DEPS


def mention_of(span: Span) -> Mention:
    """Return the Mention for a span of the source."""
    return Mention(text=span.text, start=span.start_char, end=span.end_char)


def entity_in(span: Span, head: Token, quote_of: Sequence[int]) -> Span | None:
    """Return the named entity that names what span's head stands for, if any.

    That is the entity holding the head ("Jane Smith"), or else a person set beside
    it in apposition ("the former ambassador Jane Smith", "its leader, Jane Smith,") on
    the same side of every quotation mark (quote_of: `TokenIndex.quote_of`).
    """
    # not span.ents, which walks the whole Doc; and no number or date ("the 46-year-old")
    ents = [e for e in ents_within(span) if e.label_ not in NUMERIC_LABELS]
    for ent in ents:
        if ent.start <= head.i < ent.end:
            return ent
    if head.ent_type_ in AGENT_LABELS or head.ent_type_ in GROUP_LABELS:
        # one that runs on past the phrase; not a title that swallowed the cue ("Trump told
        # The Associated Press" read as a WORK_OF_ART)
        return entity_at(head)
    for ent in ents:  # "ambassador Jane Smith"; not "the Clinton campaign", "Obama aides"
        if (
            ent.label_ in PERSON_LABELS
            and ent.start > head.i  # a name before its noun modifies it
            and governor(span_root(ent)).i == head.i
        ):
            return ent
    doc = head.doc
    for c in _appositions(head):  # "Its leader, Sarah Cole, said"
        if quote_of[c] != quote_of[head.i]:
            continue  # 'said the old man; "his name is George."'
        named = entity_at(doc[c])
        if named is not None and (named.label_ in PERSON_LABELS or _full_name(named)):
            return named
    return None


def governor(tok: Token) -> Token:
    """Return the token a name describes: "ambassador" for "Smith" in "ambassador Jane Smith".

    That is the token reached by climbing appos and compound links; the climb is kept per
    Doc, so that a long chain of them is climbed once, not once per name on it.
    """
    top = doc_tree(tok.doc).governor(tok.i)
    return tok if top == tok.i else tok.doc[top]


def _full_name(ent: Span) -> bool:
    """Say whether an entity is written as a full name, a first name and more capitalised
    words, whatever the recogniser's label ("Declan Moorcroft" as a FAC)."""
    return len(ent) >= 2 and all(t.is_title for t in ent) and ent[0].lower_ in FIRST_NAMES


def _appositions(head: Token) -> list[int]:
    """The children of head in apposition to it, in text order."""
    return doc_tree(head.doc).children_with(head.i, APPOSITION_DEPS)


def role_of(span: Span, name: Span | None, head: Token) -> str | None:
    """Return what the text says the speaker is: an apposition or the words before the name.

    "Jane Smith, a spokeswoman for the mayor," gives "a spokeswoman for the mayor";
    "former ambassador Jane Smith" gives "former ambassador"; an age ("Jane Smith, 71,") or a
    bare title ("Mr") says nothing of what she is.
    """
    doc = head.doc
    for c in _appositions(head):
        if not (name is not None and name.start <= c < name.end):
            # the apposition's whole phrase, read once: in a run-on parse it can run to the end
            known = doc_tree(doc).apposition_text
            text = known.get(c)
            if text is None:
                child = doc[c]
                sub = doc[child.left_edge.i : child.right_edge.i + 1]
                text = known[c] = sub.text.strip(" ,")
            if _says_what(text):
                return text
    if name is not None and name.start > span.start:
        before = head.doc[span.start : name.start]
        words = [t for t in before if not t.is_punct and t.dep_ != "det"]
        if words and any(t.pos_ in ("NOUN", "PROPN", "ADJ") for t in words):
            text = head.doc[words[0].i : name.start].text.strip(" ,")
            return text if _says_what(text) else None
    return None


def _says_what(role: str) -> bool:
    """Say whether words say what someone is: not an age ("71") nor a bare title of address
    ("Mr"; "Judge" and "Senator" say what someone is)."""
    title = as_title(role)
    return any(ch.isalpha() for ch in role) and (title is None or not title.address)


def salience_rank(tok: Token) -> int:
    """How salient a mention is, lowest first: the subject of the main clause (0), another
    subject (1), anything else (2)."""
    tok = governor(tok)
    if tok.dep_ in SUBJECT_DEPS:
        return 0 if tok.head.dep_ == "ROOT" else 1
    return 2


def acts(ent: Span) -> bool:
    """Say whether an entity is the subject of a verb: "Nefzi said", not "in Nefzi"."""
    return span_root(ent).dep_ in SUBJECT_DEPS


def relative_antecedent(pron: Token) -> Token:
    """The noun a relative pronoun stands for. "who" is a person: from a place or a thing
    the parse hung it on, as the object of a preposition ("Ann Lee, a doctor from Leeds,
    who said", "one official familiar with the talks, who said"), climb to the person the
    phrase describes."""
    noun = pron.head.head
    if pron.lower_ != "who" or not (
        noun.ent_type_ in PLACE_LABELS or (noun.dep_ == "pobj" and not _may_be_person(noun))
    ):
        return noun
    for _ in range(MAX_WHO_CLIMB):
        if not (noun.ent_type_ in PLACE_LABELS or noun.dep_ in WHO_CLIMB_DEPS):
            break
        if noun.head.i == noun.i:
            break
        noun = noun.head
    return noun


def _may_be_person(tok: Token) -> bool:
    """Say whether a token may name a person: a name, a nationality, a person's noun."""
    return (
        tok.pos_ == "PROPN" or tok.ent_type_ in PERSON_LABELS or is_person_noun(tok.lemma_.lower())
    )


def one_person(head: Token, span: Span) -> bool:
    """Say whether a role noun names one person of its own: not "the aides" (plural) or
    "the Lee aide" (someone else's)."""
    return head.tag_ not in PLURAL_NOUN_TAGS and not any(
        e.label_ in PERSON_LABELS for e in ents_within(span)
    )


def is_according_source(tok: Token) -> bool:
    """Say whether tok heads the source "according to" gives: "according to a source close
    to the talks"."""
    return tok.dep_ == "pobj" and tok.head.lower_ == "to" and tok.head.head.lower_ == "according"
