"""Reported speech: clauses that a speech verb governs ("Sources told the BBC that ...")."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import attrs

from ._cues import is_cue_verb
from ._tokens import TokenIndex

if TYPE_CHECKING:
    from spacy.tokens import Token

CLAUSE_DEPS = frozenset({"ccomp"})
# Words that introduce a reported clause and are not part of what was said.
COMPLEMENTIZERS = frozenset({"that", "whether", "if"})
MIN_CLAUSE_TOKENS = 3


@attrs.frozen
class ReportedClause:
    """What a speech verb reports: the verb, and the characters of the clause it governs."""

    verb: Token
    start: int
    end: int


def reported_clauses(index: TokenIndex) -> Iterator[ReportedClause]:
    """Yield the clauses that speech verbs in the narration report, in text order."""
    doc = index.doc
    for verb in doc:
        if not index.is_free(verb.i) or not is_cue_verb(verb, ("speech",)):
            continue
        for child in verb.rights:
            if child.dep_ in CLAUSE_DEPS:
                first, last = child.left_edge.i, child.right_edge.i
                while first < last and (
                    doc[first].lower_ in COMPLEMENTIZERS
                    or doc[first].is_punct
                    or doc[first].is_space
                ):
                    first += 1
                while last > first and (doc[last].is_punct or doc[last].is_space):
                    last -= 1
                if last - first + 1 >= MIN_CLAUSE_TOKENS and first > verb.i:
                    yield ReportedClause(verb, doc[first].idx, doc[last].idx + len(doc[last]))
                break
