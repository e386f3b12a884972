"""Cues: the words that mark a quote as speech ("he said", "told the BBC", "according to", ":")."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Sequence
from collections.abc import Set as AbstractSet
from heapq import heappop, heappush
from typing import TYPE_CHECKING

import attrs

from .._doc.labels import AGENT_LABELS, NOMINAL_POS, PERSON_LABELS, SUBJECT_DEPS, TIME_LABELS
from .._doc.tokens import TokenIndex
from .._doc.tree import doc_tree, sentence_of
from .._lexicon.cues import DIRECT_CUES, CueClass, cue_class
from .._lexicon.people import PERSON_NOUNS, PERSONAL_PRONOUNS, is_person_noun
from .match import CueMatch, CueRule, is_closed_tail

if TYPE_CHECKING:
    from spacy.tokens import Token

# A verb that inherits its subject from the verb it hangs on: "he paused and said",
# "adding that", "was quoted as saying", "went on to say", "after suggesting that ..., she",
# "she is likely to stress" (through the adjective: acomp).
INHERITING_DEPS = frozenset({"conj", "xcomp", "advcl", "pcomp", "prep", "acomp"})
MAX_INHERITED = 3  # verbs climbed that way: "was quoted as saying", three deep at most
DASHES = frozenset({"--", "—", "–", "―"})
_POBJ = frozenset({"pobj"})
_AGENT = frozenset({"agent"})
_ADVERB = frozenset({"advmod", "npadvmod"})  # a name the tagger read as an adverb
_AUX_OR_ADVERB = frozenset({"aux"}) | _ADVERB


def is_cue_verb(tok: Token, classes: AbstractSet[CueClass] = DIRECT_CUES) -> bool:
    """Say whether tok is a verb of speech from the lexicon."""
    kind = cue_class(tok.lemma_, tok.tag_)
    return kind is not None and kind in classes


def parsed_cue(index: TokenIndex, first: int, last: int, open_ending: bool) -> CueMatch | None:
    """Find the cue of a quote whose tokens, marks included, run from first to last.

    Args:
        index: The token index of the document.
        first: Index of the quote's first token.
        last: Index of the quote's last token.
        open_ending: Whether the quoted words end in a way that leaves the sentence open
            (a comma, a question mark), so a cue may follow.

    Returns:
        The cue after the quote when the sentence goes on ("...," he said), else the cue
        before it (he said: "..."), else None.
    """
    right = index.right_context(last)
    if len(right) > 1 and right[0].text in DASHES and right[1].pos_ == "PROPN":
        speaker = _first_nominal(right[1:])  # "..." -- Commissioner Jane Doe
        dash = right[0]
        return CueMatch(dash.idx, dash.idx + len(dash), CueRule.DASH, speaker, side="right")
    closed_tail = is_closed_tail(right)
    if right and (open_ending or right[0].text == "," or closed_tail or is_cue_verb(right[0])):
        match = _according_to(right) or _verb_cue(right, index, inverted=True)
        if match:
            return attrs.evolve(match, side="right")
    left = index.left_context(first)
    if left:
        return (
            _according_to(left)
            or _verb_cue(reversed(left), index, inverted=False)
            or _colon(left, index)
        )
    return None


def cue_of_verb(verb: Token, index: TokenIndex, inverted: bool = False) -> CueMatch:
    """Return the cue a speech verb makes, with its subject as the speaker.

    Args:
        verb: The speech verb.
        index: The token index, to tell narration from quoted words.
        inverted: The verb follows a quote ("...," said Smith), so the speaker may come
            after it.
    """
    speaker = subject_of(verb, index)
    rule = CueRule.VERB
    if speaker is None and inverted:
        # the words between the quote and the verb, else those after it: "...," Ann Lee,
        # now retired in Leeds, said by telephone; "...," said Ann Lee
        before = _first_nominal(index.left_context(verb.i))
        speaker, rule = before or _first_nominal(index.right_context(verb.i)), CueRule.INVERTED
    if speaker is None:
        speaker = _nearest_agent(index.left_context(verb.i))
    return CueMatch(verb.idx, verb.idx + len(verb), rule, speaker, verb=verb)


def subject_of(verb: Token, index: TokenIndex) -> Token | None:
    """Return the head of a verb's subject, climbing from "and said", "adding" and the like.

    In the passive, the agent is the speaker: "she was told by officials that ...".
    Subjects inside quotation marks are the parser's mistakes and are passed over.
    """
    tree = index.tree
    agents = tree.children_with(verb.i, _AGENT)
    objects = tree.children_with(agents[0], _POBJ) if agents else []
    if objects and index.quote_of[objects[0]] < 0:
        return verb.doc[objects[0]]
    named = _name_read_as_auxiliary(verb, index)
    if named is not None:
        return named
    tok = verb
    for _ in range(MAX_INHERITED):
        child = _nearest_subject(tok, index)
        if child is not None:  # two is the parser's mistake: "LONDON (Reuters) - Ann Lee said"
            return child if _can_speak(child, verb, index) else None
        if tok.dep_ not in INHERITING_DEPS or tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def _name_read_as_auxiliary(verb: Token, index: TokenIndex) -> Token | None:
    """A name the tagger read as the verb's auxiliary ("Will wrote", "May said") or as its
    adverb ("Tilly snatched", a PERSON read as an adverb), where the verb has no subject: a
    capitalised auxiliary that does not open its sentence, or an adverb the recogniser
    tags as a person."""
    if index.tree.children_with(verb.i, SUBJECT_DEPS):
        return None
    doc = verb.doc
    return next(
        (
            doc[c]
            for c in index.tree.children_with(verb.i, _AUX_OR_ADVERB)
            if c < verb.i
            and doc[c].text[:1].isupper()
            and (
                doc[c].ent_type_ in PERSON_LABELS
                if doc[c].dep_ in _ADVERB
                else not doc[c].is_sent_start
            )
        ),
        None,
    )


def _nearest_subject(tok: Token, index: TokenIndex) -> Token | None:
    """The subject of tok outside quotation marks nearest to it (the first of two as near),
    kept per token: a head with a thousand children is read once, not once per verb on it."""
    known: dict[int, int] = index.memo.setdefault("nearest_subject", {})
    found = known.get(tok.i)
    if found is None:
        subjects = [
            c for c in index.tree.children_with(tok.i, SUBJECT_DEPS) if index.quote_of[c] < 0
        ]
        found = known[tok.i] = min(subjects, key=lambda c: abs(c - tok.i), default=-1)
    return tok.doc[found] if found >= 0 else None


def _can_speak(subject: Token, verb: Token, index: TokenIndex) -> bool:
    """Say whether a verb's subject can be who spoke: not a time ("Sunday", "12:15 p.m.",
    the parser's mistake in "tweeted Sunday") and not in another paragraph (a time stamp or a
    dateline the parser joined to the sentence under it)."""
    same_paragraph = index.paragraph_of[subject.i] == index.paragraph_of[verb.i]
    return same_paragraph and subject.ent_type_ not in TIME_LABELS


def _nearest_agent(tokens: Sequence[Token]) -> Token | None:
    """The person or group nearest before a verb whose subject the parse lost: a subject if
    there is one, else the last name of a person, group or organisation, or a pronoun."""
    agents = [
        t
        for t in tokens
        if t.ent_type_ in AGENT_LABELS or (t.pos_ == "PRON" and t.lower_ in PERSONAL_PRONOUNS)
    ]
    subjects = [t for t in agents if t.dep_ in SUBJECT_DEPS]
    found = subjects or agents
    return found[-1] if found else None


PHRASE_DEPS = frozenset({"compound", "amod", "npadvmod"})


def _first_nominal(tokens: Sequence[Token]) -> Token | None:
    """The head of the first noun phrase among tokens: a fallback when the parse has no subject."""
    for tok in tokens:
        if tok.pos_ not in NOMINAL_POS:
            continue
        # up to the head of its phrase: "[46-year]-old" is "the 46-year-old"; and from a
        # possessive to the person it has: "[my] mother", not "[his] remarks"
        while (
            tok.dep_ in PHRASE_DEPS
            or (tok.dep_ == "poss" and is_person_noun(tok.head.lemma_.lower()))
        ) and (tok.head.i > tok.i and tok.head in tokens):
            tok = tok.head
        return tok
    return None


def _verb_cue(tokens: Iterable[Token], index: TokenIndex, inverted: bool) -> CueMatch | None:
    for tok in tokens:
        if is_cue_verb(tok):
            return cue_of_verb(tok, index, inverted)
    return None


def _according_to(tokens: Sequence[Token]) -> CueMatch | None:
    for tok in tokens:
        match = according_to(tok)
        if match is not None:
            return match
    return None


def according_to(tok: Token) -> CueMatch | None:
    """The cue "according to X" that starts at tok, if it does, with X as the speaker."""
    if tok.lower_ != "according" or tok.i + 1 >= len(tok.doc) or tok.nbor().lower_ != "to":
        return None
    to = tok.nbor()
    objects = doc_tree(tok.doc).children_with(to.i, _POBJ)  # not to.children: see DocTree
    speaker = tok.doc[objects[0]] if objects else None
    if speaker is None and to.i + 1 < len(tok.doc):
        speaker = to.nbor()
    return CueMatch(tok.idx, to.idx + len(to), CueRule.ACCORDING_TO, speaker)


def _colon(left: Sequence[Token], index: TokenIndex) -> CueMatch | None:
    """X: "..." or "Asked about it, he replied:" without a speech verb: the colon is the cue."""
    colon = left[-1]
    if colon.text != ":":
        return None
    speaker = next((t for t in left if t.dep_ in SUBJECT_DEPS and index.is_free(t.i)), None)
    if speaker is None:
        nominals = [t for t in left[:-1] if t.pos_ in NOMINAL_POS]
        roots = [
            t for t in nominals if t.head.i >= colon.i or t.head.i < left[0].i or t.head.i == t.i
        ]
        speaker = roots[-1] if roots else (nominals[-1] if nominals else None)
    if speaker is None:
        return None
    return CueMatch(colon.idx, colon.idx + 1, CueRule.COLON, speaker)


def context_speaker(index: TokenIndex, first: int) -> Token | None:
    """Return who the sentence just before a quote with no cue presents as speaking.

    "Smith was asked about the plan. "It will work."": the speaker is Smith. That is the
    subject of a speech verb in that sentence, or else the subject of its main verb when
    that is a name (or a noun with a name beside it: "His neighbour, Angus Petrie,
    disagrees."), a personal pronoun or a noun for a person ("The girl smiled."), not "This
    was enough.".
    """
    doc = index.doc
    i = first - 1
    while i >= 0 and (doc[i].is_space or index.quote_of[i] == index.quote_of[first] >= 0):
        i -= 1
    if i < 0 or index.quote_of[i] >= 0 or index.paragraph_of[i] < index.paragraph_of[first] - 1:
        return None
    # the sentence's narration in that paragraph: the parser may run a sentence on across
    # a paragraph break or through a quote
    scan = _ContextScan.of(index)
    start = scan.narration_start(index, i)
    cue = scan.last_cue(index, start, i)  # the cue nearest the quote first
    if cue is not None:
        return cue
    root = doc[scan.root(index, start, i)]
    subject = subject_of(root, index) if index.is_free(root.i) else None
    if subject is not None and subject.pos_ == "NOUN":
        # "His neighbour, Angus Petrie, sees it differently.": the name set beside the noun
        named = [c for c in subject.rights if c.dep_ == "appos" and c.ent_type_ == "PERSON"]
        subject = named[0] if named else subject
    if subject is not None and (
        subject.pos_ == "PROPN"
        or subject.ent_type_
        or subject.lower_ in PERSONAL_PRONOUNS
        or (subject.tag_ == "NN" and subject.lemma_.lower() in PERSON_NOUNS)
    ):
        return subject
    return None


class _ContextScan:
    """What `context_speaker` reads of the narration before a quote, kept for the Doc.

    It asks, for the narration from a sentence's start (in the quote's paragraph) to the
    token before a quote, for the last speech verb in it that has a subject, and for the
    first of its top tokens (those whose head is outside it) that is a verb, else the first
    of them. Rescanning that narration for each quote is quadratic in a run-on sentence of
    many quotes; here what was found in a stretch is kept while the stretch grows, as it
    does from one quote to the next in a sentence, so each token is read once.

    It is kept on the index and holds no reference to it, so that the two make no cycle:
    they go as soon as the extraction ends, not at the next run of the garbage collector.
    """

    def __init__(self, index: TokenIndex) -> None:
        n = len(index.doc)
        self.next_free = [n] * (n + 1)  # the first token at or after i outside every quote
        for k in range(n - 1, -1, -1):
            self.next_free[k] = k if index.quote_of[k] < 0 else self.next_free[k + 1]
        # the stretch whose last speech verb with a subject is kept: [start, end], and it
        self.cue_start, self.cue_end = -1, -1
        self.cue: Token | None = None
        # the stretch whose top tokens are kept: [start, end], and its top tokens, verbs apart
        self.start, self.end = -1, -1
        self.tops: list[int] = []
        self.verb_tops: list[int] = []

    @classmethod
    def of(cls, index: TokenIndex) -> _ContextScan:
        scan = index.memo.get("context_scan")
        if scan is None:
            scan = index.memo["context_scan"] = cls(index)
        return scan

    def narration_start(self, index: TokenIndex, i: int) -> int:
        """The first token outside quotes, in token i's paragraph, of token i's sentence."""
        start = sentence_of(index.doc[i])[0]
        para = bisect_left(index.paragraph_of, index.paragraph_of[i])
        return self.next_free[max(start, para)]

    def last_cue(self, index: TokenIndex, start: int, end: int) -> Token | None:
        """The subject of the last speech verb outside quotes among tokens [start, end] that
        has one, or None."""
        if start != self.cue_start or end < self.cue_end:
            self.cue_start, self.cue_end, self.cue = start, start - 1, None
        lemmas, tags = index.tree.column(index.doc, "LEMMA"), index.tree.column(index.doc, "TAG")
        for k in range(self.cue_end + 1, end + 1):
            kind = cue_class(lemmas[k], tags[k])
            if kind is not None and kind in DIRECT_CUES and index.free[k]:
                subject = subject_of(index.doc[k], index)
                if subject is not None:
                    self.cue = subject
        self.cue_end = end
        return self.cue

    def root(self, index: TokenIndex, start: int, end: int) -> int:
        """The first verb among the top tokens of tokens [start, end], else the first of them."""
        if start != self.start or end < self.end:
            self.start, self.end = start, start - 1
            self.tops, self.verb_tops = [], []
        head, pos = index.tree.head, index.tree.column(index.doc, "POS")
        for k in range(self.end + 1, end + 1):
            h = head[k]
            if h == k or h < start or h > k:  # on top, for now at least
                heappush(self.tops, k)
                if pos[k] in ("VERB", "AUX"):
                    heappush(self.verb_tops, k)
        self.end = end
        for tops in (self.verb_tops, self.tops):
            while tops and start <= head[tops[0]] <= end and head[tops[0]] != tops[0]:
                heappop(tops)  # its head is in the stretch now
            if tops:
                return tops[0]
        return start  # not reached: the stretch has a top token
