"""Antecedents, with a parse: the person a pronoun (or "the businessman") stands for."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._doc.labels import SUBJECT_DEPS
from .._doc.tokens import TokenIndex
from .._doc.tree import sentence_of
from .._lexicon.people import PRONOUN_GENDER
from .._person import GenderEvidence
from .mentions import salience_rank

if TYPE_CHECKING:
    from collections.abc import Callable

    from spacy.tokens import Token

    from .._person import Gender
    from .log import MentionLog

SENTENCES_BACK = 5  # how far back a pronoun looks first for the person it stands for
MENTIONS_BACK = 200  # and then, for the last person of its gender, how many mentions back
MAX_CLAUSE_CLIMB = 6  # how far up from a mention its clause's verb may be
CLAUSE_DEPS = frozenset({"advcl", "ccomp", "xcomp", "relcl", "acl", "csubj", "parataxis"})


class Antecedents:
    """Finds the person a pronoun stands for among those the log has noted before it, and
    learns their gender from it.

    Args:
        index: The token index of the document.
        log: The people's mentions, by token index.
    """

    def __init__(self, index: TokenIndex, log: MentionLog) -> None:
        self.index = index
        self.doc = index.doc
        self.log = log

    def note_subject_pronouns(self) -> None:
        """Resolve, in text order, the "he" and "she" that are subjects in the narration,
        so that the person a paragraph goes on about stays salient ("Trump spoke. He
        lambasted the deal negotiated by Obama, who he said ...": he is Trump)."""
        tree, quote_of = self.index.tree, self.index.quote_of
        for i, word in enumerate(tree.column(self.doc, "LOWER")):
            if (
                word in PRONOUN_GENDER
                and tree.dep[i] in SUBJECT_DEPS
                and quote_of[i] < 0
                and i not in self.log
            ):
                name = self.antecedent(self.doc[i])
                if name is not None:
                    self.log.note(i, name)

    def antecedent(
        self,
        pron: Token,
        spoken_to: frozenset[str] = frozenset(),
        may_be: Callable[[str], bool] = lambda name: True,
        learn: bool = True,
    ) -> str | None:
        """Return the person a pronoun stands for: the most salient one named just before it,
        who learns the pronoun's gender, if learn says so.

        Looks in the pronoun's sentence, then back a few sentences; in each, the subject of
        the main clause first, then other subjects, then other mentions, left to right; then
        at the person named last before it (MENTIONS_BACK mentions back at most).
        Skips people whose known gender does not match the pronoun, those spoken to, and
        those may_be rules out (for "the candidate": who may not be called a candidate).
        """
        gender = PRONOUN_GENDER.get(pron.lower_)
        taught = gender if learn else None

        def fits(i: int) -> bool:
            return self._may_stand_for(i, gender, spoken_to) and may_be(self.log[i])

        start, end = sentence_of(pron)
        clause = self._clause_of(pron.i) if pron.pos_ == "PRON" else -1  # not "the chairwoman"
        for _ in range(SENTENCES_BACK):
            found = [
                (salience_rank(self.doc[i]), i, self.log[i])
                for i in self.log.within(start, min(end, pron.i))
                if fits(i) and (clause < 0 or self._clause_of(i) != clause)
            ]
            if found:
                return self._agree(min(found)[2], taught)
            if start == 0:
                return None
            start, end = sentence_of(self.doc[start - 1])
        latest = next((i for i in self.log.latest_before(pron.i, MENTIONS_BACK) if fits(i)), None)
        return None if latest is None else self._agree(self.log[latest], taught)

    def _clause_of(self, i: int) -> int:
        """The verb of the clause whose argument token i is: a pronoun does not stand for a
        person named in its own clause ("To Holmes she is always the woman": she is not
        Holmes). -1 inside a possessive or a topic, which it may ("In Lee's view, he is
        right", "As for Lee, he said")."""
        tree = self.index.tree
        pos, lower = tree.column(self.doc, "POS"), tree.column(self.doc, "LOWER")
        for _ in range(MAX_CLAUSE_CLIMB):
            if pos[i] in ("VERB", "AUX") or tree.dep[i] in CLAUSE_DEPS:
                return i  # a verb, or the head of a clause the tagger took for a noun
            if tree.dep[i] == "poss" or lower[i] == "as" or tree.head[i] == i:
                return -1
            i = tree.head[i]
        return -1

    def _may_stand_for(self, i: int, gender: Gender | None, spoken_to: frozenset[str]) -> bool:
        """Say whether a pronoun of this gender may stand for the person mentioned at token
        i: in the narration, of a gender that may be the pronoun's, not one its quote speaks
        to."""
        name = self.log[i]
        return (
            self.index.quote_of[i] < 0 and self.log.may_have(name, gender) and name not in spoken_to
        )

    def _agree(self, name: str, gender: Gender | None) -> str:
        """Learn a person's gender from the pronoun that stands for them."""
        if gender is not None:
            self.log.learn_gender(name, gender, GenderEvidence.PRONOUN)
        return name
