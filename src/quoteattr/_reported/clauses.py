"""Reported speech: what a speech verb governs ("Sources told the BBC that ...").

The same content span serves indirect quotes (a clause with no quotation marks) and mixed
ones (a clause that quotes some of its words: called the plan "a disaster").
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator
from typing import TYPE_CHECKING

import attrs

from .._cues.match import CueMatch, CueRule
from .._cues.parsed import according_to, is_cue_verb, subject_of
from .._doc.tokens import TokenIndex
from .._doc.tree import doc_tree, sentence_of
from .._lexicon.cues import ALL_CUES, CueClass, cue_class
from .._lexicon.people import FIRST_PERSON
from .._lexicon.words import (
    ADDRESSEE_VERBS,
    COMPLEMENTIZERS,
    HEDGES,
    PROPOSITION_VERBS,
    REPORT_NOUNS,
)

if TYPE_CHECKING:
    from spacy.tokens import Token

# A reported clause whose words are mostly inside quotation marks is a direct quote.
DIRECT_SHARE = 0.8
CLAUSE_DEPS = frozenset({"ccomp"})
# What a verb reports when it has no clause: its object and what is said of it
# (called the plan "a disaster"), an infinitive (vowed to "fight on"), a preposition
# (described it as "a mess").
ARGUMENT_DEPS = frozenset(
    {"ccomp", "dobj", "oprd", "xcomp", "prep", "dative", "attr", "acomp", "pcomp", "advcl"}
)
# Arguments that can be all that was said. A preposition or an adverbial clause alone is how
# or when it was said ("suggested, with a smile"), unless it holds quoted words (warned of
# "dire consequences").
CORE_ARGUMENT_DEPS = frozenset({"ccomp", "dobj", "oprd", "xcomp", "attr", "acomp"})
# What may stand between a reported clause and the speaker and verb after it: a comma or a
# dash, then at most this many tokens ("a senior official close to the talks said").
TRAILING_CUE_OPENERS = frozenset({",", "—", "--", "–"})
MAX_TRAILING = 8
# What may follow such a verb: "he told reporters on Monday", "said the chief".
TRAILING_CUE_DEPS = frozenset({"punct", "dative", "dobj", "npadvmod", "advmod", "nsubj", "prep"})
MIN_CLAUSE_TOKENS = 3
# Heads climbed from quoted words to the cue verb that governs them: 'called the plan, in
# a statement on Monday, "a disaster"' is a few steps; further up is another sentence's verb.
MAX_GOVERNOR_STEPS = 6


@attrs.frozen
class ReportedClause:
    """What a speech verb reports: the verb, and the characters of the content it governs.

    ``cue`` is set when the cue is not the verb itself ("according to X, ...").
    """

    verb: Token
    start: int
    end: int
    cue: CueMatch | None = None


def reported_clauses(index: TokenIndex) -> Iterator[ReportedClause]:
    """Yield the clauses that speech verbs in the narration report, in text order."""
    doc, tree = index.doc, index.tree
    pos, lemmas, tags = tree.column(doc, "POS"), tree.column(doc, "LEMMA"), tree.column(doc, "TAG")
    for i, word in enumerate(tree.column(doc, "LOWER")):
        if not index.free[i]:
            continue
        if pos[i] == "NOUN" and lemmas[i] in REPORT_NOUNS:
            clause = _noun_clause(index, doc[i])
            if clause is not None:
                yield clause
        elif word == "according":
            clause = _according_clause(index, doc[i])
            if clause is not None:
                yield clause
        elif cue_class(lemmas[i], tags[i]) is CueClass.SPEECH:
            verb = doc[i]
            objects = verb.lemma_ in PROPOSITION_VERBS
            clause = content_of(verb, clause_only=not objects, unquoted=True)
            if clause is None:
                clause = _clause_before(index, verb)
            if clause is not None:
                yield clause
            elif verb.dep_ == "parataxis":
                yield from _around(index, verb)


def _clause_before(index: TokenIndex, verb: Token) -> ReportedClause | None:
    """ "The road will close, police said": the clause before a speech verb, when it quotes
    nothing (a quote there is the verb's direct speech) and only a comma and the speaker
    stand between them."""
    clause = content_of(verb, before=True)
    if clause is None:
        return None
    first, end = index.token_range(clause.start, clause.end)
    if index.quotes_within(first, end):
        return None
    tree = index.tree
    rights = [tree.dep[c] for c in tree.rights[verb.i]]
    if any(dep not in TRAILING_CUE_DEPS for dep in rights):
        return None  # the verb goes on: "It will rain, she warned him, to take a coat"
    between = index.doc[end : verb.i]
    if not between or between[0].text not in TRAILING_CUE_OPENERS or len(between) > MAX_TRAILING:
        return None
    if len(between) == 1 and "nsubj" in rights:
        return clause  # "..., said the chief"
    subject = next((index.doc[c] for c in tree.lefts[verb.i] if tree.dep[c] == "nsubj"), None)
    if subject is None or subject.left_edge.i != between[0].i + 1:
        return None  # "The clerk kept the books; wrote a neat hand", "reaching over, said:"
    if any(t.dep_ not in ("aux", "neg") for t in index.doc[subject.i + 1 : verb.i]):
        return None  # "The bridge was closed, so she urged the council to act"
    return clause


def _around(index: TokenIndex, verb: Token) -> Iterator[ReportedClause]:
    """ "The plan, he said, would cost too much": a speech verb set in the clause it reports
    splits it in two, each a piece of what was said (as a cue splits a direct quote)."""
    doc = index.doc
    head = verb.head
    children = [doc[c] for c in index.tree.children(verb.i)]
    subject = next((c for c in children if c.dep_ == "nsubj"), None)
    if subject is None or subject.lower_ in FIRST_PERSON or subject.tag_.startswith("W"):
        return  # the narrator's "I say", "what can be said": a turn of phrase, not a report
    if any(c.dep_ == "aux" and c.lower_ in HEDGES for c in children):
        return  # "one might say"
    if index.quotes_within(head.left_edge.i, head.right_edge.i + 1):
        return  # a cue set in a direct quote ("It may be," he said, "in time") is its own
    pieces = ((head.left_edge.i, verb.left_edge.i), (verb.right_edge.i + 1, head.right_edge.i + 1))
    for first, end in pieces:
        while first < end and (doc[first].is_punct or doc[first].is_space):
            first += 1
        while end > first and (doc[end - 1].is_punct or doc[end - 1].is_space):
            end -= 1
        if end > first:
            yield ReportedClause(verb, doc[first].idx, doc[end - 1].idx + len(doc[end - 1]))


def _noun_clause(index: TokenIndex, noun: Token) -> ReportedClause | None:
    """ "Her claim that she never sent it": a report noun with a that-clause reports it;
    whoever owns the noun ("her") or makes it (the subject of "repeated his warning") said it."""
    doc, tree = index.doc, index.tree
    clause = next(
        (
            doc[c]
            for c in tree.rights[noun.i]
            if tree.dep[c] in ("acl", "ccomp") and doc[c].left_edge.lower_ == "that"
        ),
        None,
    )
    if clause is None:
        return None
    first, last = clause.left_edge.i + 1, clause.right_edge.i
    while last > first and (doc[last].is_punct or doc[last].is_space):
        last -= 1
    if last - first + 1 < MIN_CLAUSE_TOKENS:
        return None
    owner = next((doc[c] for c in tree.children(noun.i) if tree.dep[c] == "poss"), None)
    if owner is None and noun.dep_ == "dobj":
        owner = subject_of(noun.head, index)
    cue = CueMatch(noun.idx, noun.idx + len(noun), CueRule.NOUN, owner)
    return ReportedClause(noun, doc[first].idx, doc[last].idx + len(doc[last]), cue)


def _according_clause(index: TokenIndex, according: Token) -> ReportedClause | None:
    """ "According to X, the plan failed": what X says is the clause the phrase hangs on,
    without the phrase."""
    cue = according_to(according)
    head = according.head
    if cue is None or head.i == according.i or index.quote_of[head.i] >= 0:
        return None
    doc = index.doc
    phrase = range(according.left_edge.i, according.right_edge.i + 1)
    # the whole sentence around the phrase: the parse often hangs the phrase on a word deep
    # inside the clause ("be so lucky, according to X" under a misparsed subject). The
    # longer side, by its words before the phrase (punctuation aside) and its tokens after
    # it, without the punctuation and blanks at its ends; counted, not listed: in a run-on
    # parse the sentence is the whole text.
    start, end = sentence_of(according)
    # and no further than another "according to" phrase in it: the words beyond are that
    # phrase's source's ("A, according to B, and C, according to D": D says C)
    cues = _according_cues(index)
    k = bisect_left(cues, according.i)
    if k > 0 and cues[k - 1] >= start:
        start = min(doc[cues[k - 1]].right_edge.i + 1, max(start, phrase.start))
    if k + 1 < len(cues) and cues[k + 1] < end:
        end = max(doc[cues[k + 1]].left_edge.i, min(phrase.stop, end))
    unpunct, next_word, last_word = index.tree.words()
    before = (start, max(start, phrase.start))
    after = (min(phrase.stop, end), end)
    before_count = unpunct[before[1]] - unpunct[before[0]]
    if after[1] - after[0] >= before_count:
        first, last = _words_within(*after, next_word, last_word)
        count = last - first + 1
    else:
        first, last = _words_within(*before, next_word, last_word)
        count = unpunct[last + 1] - unpunct[first] if last >= first else 0
    if count < MIN_CLAUSE_TOKENS:
        return None
    return ReportedClause(according, doc[first].idx, doc[last].idx + len(doc[last]), cue)


def _according_cues(index: TokenIndex) -> list[int]:
    """The tokens that open an "according to" cue in the narration, in text order."""
    found: list[int] | None = index.memo.get("according_cues")
    if found is None:
        lower = index.tree.column(index.doc, "LOWER")
        found = index.memo["according_cues"] = [
            i
            for i, word in enumerate(lower)
            if word == "according" and index.free[i] and i + 1 < len(lower) and lower[i + 1] == "to"
        ]
    return found


def _words_within(
    start: int, end: int, next_word: list[int], last_word: list[int]
) -> tuple[int, int]:
    """The first and last words among tokens [start, end); last < first if there are none."""
    if end <= start:
        return start, start - 1
    first, last = next_word[start], last_word[end - 1]
    return (first, last) if first <= last else (start, start - 1)


def content_of(
    verb: Token, clause_only: bool = False, before: bool = False, unquoted: bool = False
) -> ReportedClause | None:
    """Return what verb reports: its clause (after it, or before it), or else its arguments.

    Args:
        verb: A speech verb.
        clause_only: Only a clause (``said that ...``) counts, not an object.
        before: Look for the clause before the verb (it would "fail," she said).
        unquoted: No quoted words hold the content up: a preposition or an adverbial clause
            alone is not content.
    """
    doc = verb.doc
    tree = doc_tree(doc)  # not verb.lefts and verb.rights: they walk the verb's whole subtree
    side = tree.lefts[verb.i] if before else tree.rights[verb.i]
    clause = next((doc[c] for c in side if tree.dep[c] in CLAUSE_DEPS), None)
    if before and clause is None:
        return None
    if clause is not None:
        first, last = clause.left_edge.i, clause.right_edge.i
    elif clause_only:
        return None
    else:
        args = [doc[c] for c in tree.rights[verb.i] if tree.dep[c] in ARGUMENT_DEPS]
        if args and (args[0].dep_ == "dative" or verb.lemma_ in ADDRESSEE_VERBS):
            args = args[1:]
        if not args or (unquoted and not any(a.dep_ in CORE_ARGUMENT_DEPS for a in args)):
            return None
        first, last = args[0].left_edge.i, args[-1].right_edge.i
    while first < last and (
        doc[first].lower_ in COMPLEMENTIZERS or doc[first].is_punct or doc[first].is_space
    ):
        first += 1
    while last > first and (doc[last].is_punct or doc[last].is_space):
        last -= 1
    if last - first + 1 < MIN_CLAUSE_TOKENS or first <= verb.i <= last:
        return None
    return ReportedClause(verb, doc[first].idx, doc[last].idx + len(doc[last]))


def governing_cue(index: TokenIndex, first: int, end: int) -> Token | None:
    """Return the cue verb outside a quote (tokens first to end) that governs it, if any.

    For "the senator called the plan "a disaster" on Monday" that is "called".
    """
    doc = index.doc
    root = next((t for t in doc[first:end] if not t.is_punct and not first <= t.head.i < end), None)
    if root is None:
        return None
    tok = root.head
    for _ in range(MAX_GOVERNOR_STEPS):
        if index.quote_of[tok.i] >= 0:
            return None
        if is_cue_verb(tok, ALL_CUES):
            return tok
        if tok.head.i == tok.i:
            return None
        tok = tok.head
    return None
