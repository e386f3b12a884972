"""Reported speech: what a speech verb governs ("Sources told the BBC that ...").

The same content span serves indirect quotes (a clause with no quotation marks) and mixed
ones (a clause that quotes some of its words: called the plan "a disaster").
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import attrs

from ._cues import CueMatch, according_to, is_cue_verb, subject_of
from ._tokens import TokenIndex

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
# Verbs whose first object is who was spoken to, not what was said ("told reporters").
ADDRESSEE_VERBS = frozenset(
    {"tell", "ask", "inform", "assure", "warn", "urge", "remind", "advise", "caution"}
)
# Speech verbs whose object, not only a clause, is what was said: "denied having troops",
# "recalled the role he played", "announced a plan". Others take objects that are not
# speech ("said nothing", "told the story", "asked a question") and report only clauses.
# Chosen by hand from the PolNeAR cue counts (data/cues.tsv).
PROPOSITION_OBJECT_VERBS = frozenset(
    {
        "deny",
        "admit",
        "acknowledge",
        "recall",
        "announce",
        "confirm",
        "claim",
        "allege",
        "predict",
        "propose",
        "suggest",
        "reveal",
        "concede",
        "pledge",
        "promise",
        "vow",
        "urge",
        "demand",
        "praise",
        "criticize",
        "criticise",
        "accuse",
        "blame",
        "describe",
    }
)
# Nouns that report what someone said when a that-clause follows: "her claim that ...".
# The speech verbs of data/cues.tsv, as nouns, chosen by hand.
REPORT_NOUNS = frozenset(
    {
        "claim",
        "statement",
        "assertion",
        "allegation",
        "argument",
        "warning",
        "promise",
        "suggestion",
        "announcement",
        "insistence",
        "denial",
        "remark",
        "comment",
        "pledge",
        "vow",
        "admission",
        "prediction",
        "accusation",
        "charge",
    }
)
# After "The bridge will close, she said", what a verb may not have: an object or a clause
# of its own after it ("..., I can tell them that"), a modal or a negation ("..., I should
# have said", "..., she did not say").
TAIL_DEPS = frozenset({"dobj", "ccomp", "dative", "xcomp", "oprd"})
NOT_REPORTED_DEPS = frozenset({"neg"})
# Words that introduce a reported clause and are not part of what was said.
COMPLEMENTIZERS = frozenset({"that", "whether", "if"})
MIN_CLAUSE_TOKENS = 3
ALL_CUES = ("speech", "dialogue", "belief")


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
    for verb in index.doc:
        if verb.pos_ == "NOUN" and verb.lemma_ in REPORT_NOUNS and index.is_free(verb.i):
            clause = _noun_clause(index, verb)
            if clause is not None:
                yield clause
        elif verb.lower_ == "according" and index.is_free(verb.i):
            clause = _according_clause(index, verb)
            if clause is not None:
                yield clause
        elif index.is_free(verb.i) and is_cue_verb(verb, ("speech",)):
            clause = content_of(verb, clause_only=verb.lemma_ not in PROPOSITION_OBJECT_VERBS)
            if clause is None:
                clause = _said_after(index, content_of(verb, before=True))
            if clause is not None:
                yield clause


def _said_after(index: TokenIndex, clause: ReportedClause | None) -> ReportedClause | None:
    """The clause before its verb, when the sentence is that clause, a comma and who said it
    ("The bridge will close, the mayor said."), without quotation marks, and it opens or
    closes its paragraph's narration, as news writes it. Inside a paragraph of narration
    (fiction, mostly) the same shape is seldom speech; nor is it with a verb that has an
    object, a modal or a negation ("..., I can tell them that", "..., I should have said"),
    or a narrator's "I" or "you" as subject."""
    if clause is None:
        return None
    doc, verb = index.doc, clause.verb
    first, end = index.token_range(clause.start, clause.end)
    sent = verb.sent
    if first != _sentence_start(index, first) or end >= len(doc) or doc[end].text != ",":
        return None
    if first != _paragraph_start(index, first) and not _ends_narration(index, sent.end):
        return None
    if any(c.dep_ in TAIL_DEPS or c.tag_ == "MD" for c in verb.children if c.i > verb.i):
        return None
    if any(
        c.dep_ in NOT_REPORTED_DEPS or c.tag_ == "MD" or c.lower_ in ("i", "you")
        for c in verb.children
    ):
        return None
    if any(index.quote_of[i] >= 0 for i in range(sent.start, sent.end)):
        return None
    return clause


def _sentence_start(index: TokenIndex, i: int) -> int:
    """The first word of token i's sentence in its paragraph."""
    doc = index.doc
    start = doc[i].sent.start
    while start < i and (doc[start].is_space or index.paragraph_of[start] != index.paragraph_of[i]):
        start += 1
    return start


def _noun_clause(index: TokenIndex, noun: Token) -> ReportedClause | None:
    """ "Her claim that she never sent it": a report noun with a that-clause reports it;
    whoever owns the noun ("her") or makes it (the subject of "repeated his warning") said it."""
    clause = next(
        (c for c in noun.rights if c.dep_ in ("acl", "ccomp") and c.left_edge.lower_ == "that"),
        None,
    )
    if clause is None:
        return None
    first, last = clause.left_edge.i + 1, clause.right_edge.i
    doc = index.doc
    while last > first and (doc[last].is_punct or doc[last].is_space):
        last -= 1
    if last - first + 1 < MIN_CLAUSE_TOKENS:
        return None
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is None and noun.dep_ == "dobj":
        owner = subject_of(noun.head, index)
    cue = CueMatch(noun.idx, noun.idx + len(noun), owner, "noun", None)
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
    before = [t for t in doc[head.left_edge.i : phrase.start] if not t.is_punct]
    after = [t for t in doc[phrase.stop : head.right_edge.i + 1]]
    part = after if len(after) >= len(before) else before
    while part and (part[0].is_punct or part[0].is_space):
        part = part[1:]
    while part and (part[-1].is_punct or part[-1].is_space):
        part = part[:-1]
    if len(part) < MIN_CLAUSE_TOKENS:
        return None
    return ReportedClause(according, part[0].idx, part[-1].idx + len(part[-1]), cue)


def content_of(
    verb: Token, clause_only: bool = False, before: bool = False
) -> ReportedClause | None:
    """Return what verb reports: its clause (after it, or before it), or else its arguments.

    Args:
        verb: A speech verb.
        clause_only: Only a clause (``said that ...``) counts, not an object.
        before: Look for the clause before the verb (it would "fail," she said).
    """
    doc = verb.doc
    side = verb.lefts if before else verb.rights
    clause = next((c for c in side if c.dep_ in CLAUSE_DEPS), None)
    if before and clause is None:
        return None
    if clause is not None:
        first, last = clause.left_edge.i, clause.right_edge.i
    elif clause_only:
        return None
    else:
        args = [c for c in verb.rights if c.dep_ in ARGUMENT_DEPS]
        if args and (args[0].dep_ == "dative" or verb.lemma_ in ADDRESSEE_VERBS):
            args = args[1:]
        if not args:
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
    for _ in range(6):
        if index.quote_of[tok.i] >= 0:
            return None
        if is_cue_verb(tok, ALL_CUES):
            return tok
        if tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def _paragraph_start(index: TokenIndex, i: int) -> int:
    """The first word of token i's paragraph."""
    doc = index.doc
    start = i
    while start > 0 and index.paragraph_of[start - 1] == index.paragraph_of[i]:
        start -= 1
    while start < i and doc[start].is_space:
        start += 1
    return start


def _ends_narration(index: TokenIndex, i: int) -> bool:
    """Say whether the narration of a paragraph ends before token i: a new paragraph or a
    quotation follows."""
    doc = index.doc
    while i < len(doc) and doc[i].is_space and index.paragraph_of[i] == index.paragraph_of[i - 1]:
        i += 1
    return (
        i >= len(doc) or index.paragraph_of[i] != index.paragraph_of[i - 1] or not index.is_free(i)
    )
