"""Documents that "say" things: who issued "the report" or "the statement" a cue names.

News has a document speak for its author ("the report said", "the statement said"). The
speaker is whoever the text says issued it: the agent of a document named before ("a report
published by the Halvorsen Institute"), its owner ("the council's report"), or the speaker
of the clause it was said in ("In a statement, the university said ..."). Where the text
does not say, nobody is the speaker.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._lexicon.cues import SPEECH_VERBS
from .._lexicon.people import PRONOUN_GENDER, PRONOUN_MENTIONS
from .._lexicon.words import DOCUMENT_NOUNS, ISSUING_VERBS

if TYPE_CHECKING:
    from spacy.tokens import Token

# How far back (in tokens) the text is read for the document's first mention: a few sentences.
DOCUMENT_REACH = 120


def is_document(head: Token) -> bool:
    """Say whether a mention's head is a common noun for a document: "the report"."""
    return head.pos_ == "NOUN" and head.lemma_.lower() in DOCUMENT_NOUNS


def issuer_of(head: Token) -> Token | None:
    """The head of who issued the document head names, as the text says it at head or at
    the last mention of the same noun before it (within DOCUMENT_REACH tokens); None if it
    does not say."""
    doc, lemma = head.doc, head.lemma_.lower()
    for i in range(head.i, max(-1, head.i - DOCUMENT_REACH), -1):
        tok = doc[i]
        if tok.lemma_.lower() == lemma and tok.pos_ == "NOUN":
            found = _issuer_at(tok)
            if found is not None:
                return found
    return None


def _issuer_at(noun: Token) -> Token | None:
    """Who one mention of a document says issued it: its owner, the agent of the verb that
    made it, or the subject of the speech or issuing verb it goes with."""
    for child in noun.children:
        if child.dep_ == "poss" and not _is_pronoun(child):
            return child  # the council's report
        if child.dep_ == "acl":  # a report published by the institute
            agent = _agent(child)
            if agent is not None:
                return agent
        if child.dep_ == "prep" and child.lower_ == "by":
            return _object(child)  # a report by the institute
    verb = noun.head
    if noun.dep_ == "pobj" and verb.dep_ == "prep":
        verb = verb.head  # in a statement, the university said
    elif noun.dep_ != "dobj":
        return None
    lemma = verb.lemma_.lower()
    if verb.pos_ not in ("VERB", "AUX") or not (lemma in ISSUING_VERBS or lemma in SPEECH_VERBS):
        return None
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or _is_pronoun(subject) or subject.i == noun.i:
        return None
    return subject


def _agent(verb: Token) -> Token | None:
    """The object of a verb's "by": "published by the institute" gives "institute"."""
    prep = next((c for c in verb.children if c.dep_ == "agent" or c.lower_ == "by"), None)
    return _object(prep) if prep is not None else None


def _object(prep: Token) -> Token | None:
    return next((c for c in prep.children if c.dep_ == "pobj"), None)


def _is_pronoun(tok: Token) -> bool:
    return tok.lower_ in PRONOUN_MENTIONS or tok.lower_ in PRONOUN_GENDER or tok.pos_ == "PRON"
