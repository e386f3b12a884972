"""Step 9: who each quote was said to, its addressees (`Quote.addressees`).

Three kinds of evidence, in order of trust:

1. a vocative: the quote speaks to someone by a name the roster knows ("Sit down, Margaret.");
2. the cue's object: "told reporters", "said to her sister", "in an interview with CNN";
3. in fiction, the conversation: the other participant of a scene, or the one who spoke
   last before the speaker (`conversations.py`).

Addressees never change a speaker: this step reads the quotes and the roster and adds to them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from .._doc.labels import GROUP_LABELS
from .._lexicon.cues import lemma_of
from .._lexicon.people import (
    ALL_PRONOUNS,
    ANY_PERSON,
    DETERMINERS,
    ORGANISATION_NOUNS,
    PERSON_NOUNS,
    ROLE_NOUNS,
)
from .._lexicon.words import ADDRESSEE_VERBS, CLAUSE_OPENERS
from .._people.mentions import mention_of
from .._people.vocatives import read_vocatives
from .._types import Addressee, EntityKind, Quote, QuoteKind
from .cast import Cast
from .conversations import conversed

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from .._person import Person

# Nouns that may be spoken to as the object of a cue verb ("told her sister", "warned the
# council"), besides names, pronouns and plurals ("told reporters").
_ADDRESSABLE_NOUNS = PERSON_NOUNS.keys() | ROLE_NOUNS | ANY_PERSON | ORGANISATION_NOUNS
# The words between a cue verb and what a quote was said in: "said in an interview with CNN".
_INTERVIEW = ("in", "an", "interview", "with")


def with_addressees(
    doc: Doc, quotes: list[Quote], people: list[Person], *, parsed: bool, fiction: bool
) -> list[Quote]:
    """Return the quotes, each with who it was said to (empty where nothing shows it).

    Args:
        doc: The Doc the quotes were found in: parsed in the default mode, tokens in the fast.
        quotes: The quotes with their speakers joined to the roster, in text order.
        people: The roster.
        parsed: The Doc has a parse: the cue's object is read from it, else from the words.
        fiction: The text is fiction: the conversation gives addressees where nothing else does.
    """
    roster = Cast.of(people)
    shown = [_shown(doc, q, roster, parsed) for q in quotes]
    if fiction:
        shown = conversed(quotes, shown, roster)
    return [attrs.evolve(q, addressees=a) if a else q for q, a in zip(quotes, shown, strict=True)]


def _shown(doc: Doc, quote: Quote, roster: Cast, parsed: bool) -> tuple[Addressee, ...]:
    """Who a quote's own words or its cue say it was said to, but its speaker."""
    speaker = quote.speaker.person if quote.speaker is not None else None
    found = vocatives(doc, quote, roster) if quote.kind is QuoteKind.DIRECT else []
    found = found or _cue_object(doc, quote, roster, parsed)
    return tuple(a for a in found if a.person is None or a.person != speaker)


def vocatives(doc: Doc, quote: Quote, roster: Cast) -> list[Addressee]:
    """The people a quote's own words speak to by a name of the roster, set off from its other
    words (`_people.vocatives`): "Margaret," "my dear Arthur", ", Mr. Knightley."."""
    span = doc.char_span(quote.start, quote.end, alignment_mode="expand")
    found: dict[str, Addressee] = {}
    for said, person in read_vocatives(list(span) if span is not None else [], roster.spoken_to):
        found.setdefault(person, roster.addressee(person, mention_of(said)))
    return list(found.values())


def _cue_object(doc: Doc, quote: Quote, roster: Cast, parsed: bool) -> list[Addressee]:
    """Who the cue says the quote was said to: its object, read from the parse or the words."""
    cue = quote.cue
    if cue is None or cue.text.lower().startswith("according"):
        return []
    span = doc.char_span(cue.start, cue.end, alignment_mode="expand")
    if span is None:
        return []
    phrase = _parsed_object(span) if parsed else _written_object(span)
    if phrase is None or phrase[-1].lower_ in ALL_PRONOUNS:
        return []  # "told him": whom the pronoun means is the conversation's to say
    mention = mention_of(doc[phrase[0].i : phrase[-1].i + 1])
    if mention.start < quote.end and quote.start < mention.end:
        return []  # the reported words' own object ("issued licences to couples")
    person = roster.named_at(mention.start, mention.end)
    if person is None:
        person = roster.by_name.get(" ".join(t.text for t in phrase).lower())
    if person is not None:
        return [roster.addressee(person, mention)]
    first = phrase[1] if len(phrase) > 1 and phrase[0].lower_ in ("the", "a", "an") else phrase[0]
    group = any(t.ent_type_ in GROUP_LABELS for t in phrase)
    name = doc[first.i : phrase[-1].i + 1].text
    entity = EntityKind.ORGANISATION if group else EntityKind.OTHER
    return [Addressee(name=name, mention=mention, entity=entity)]


def _parsed_object(cue: Span) -> list[Token] | None:
    """The phrase a cue verb's parse says was spoken to: its indirect object, the object of a
    verb of telling, "to" whom, or "in an interview with" whom."""
    for verb in cue:
        for child in verb.children:
            if child.dep_ in ("dative", "prep") and child.lower_ == "to":
                found = next((c for c in child.children if c.dep_ == "pobj"), None)
            elif child.dep_ == "dative" or (
                child.dep_ == "dobj" and verb.lemma_ in ADDRESSEE_VERBS and _addressable(child)
            ):
                found = child
            elif child.dep_ == "prep" and child.lower_ == "in":
                found = _interviewer(child)
            else:
                continue
            if found is not None and found.pos_ in ("NOUN", "PROPN", "PRON"):
                return list(found.doc[found.left_edge.i : found.i + 1])
    return None


def _addressable(tok: Token) -> bool:
    """Whether a verb's object may be someone spoken to, not what was said."""
    return tok.pos_ in ("PROPN", "PRON") or tok.tag_ == "NNS" or tok.lemma_ in _ADDRESSABLE_NOUNS


def _interviewer(prep: Token) -> Token | None:
    """Whom "in an interview with ..." names."""
    noun = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if noun is None or noun.lemma_ != "interview":
        return None
    with_ = next((c for c in noun.children if c.lower_ == "with"), None)
    return next((c for c in with_.children if c.dep_ == "pobj"), None) if with_ else None


def _written_object(cue: Span) -> list[Token] | None:
    """The phrase after a cue that says who was spoken to, from the words alone: "told (the)
    reporters", "said to Margaret", "in an interview with CNN"."""
    doc, k = cue.doc, cue.end
    words = [t.lower_ for t in doc[k : k + len(_INTERVIEW)]]
    told = False
    if words and words[0] == "to":
        k += 1
    elif tuple(words) == _INTERVIEW:
        k += len(_INTERVIEW)
    elif lemma_of(cue[-1]) in ADDRESSEE_VERBS:
        told = True
    else:
        return None
    start = k
    if k < len(doc) and doc[k].lower_ in DETERMINERS:
        k += 1
    end = k
    while end < len(doc) and doc[end].text[:1].isupper() and not doc[end].is_punct:
        end += 1
    if end == k and k < len(doc) and _noun_of_address(doc[k], told):
        end = k + 1
    if end > k:
        return list(doc[start:end])
    return [doc[start]] if start < k and doc[start].lower_ in ALL_PRONOUNS else None


def _noun_of_address(tok: Token, told: bool) -> bool:
    """Whether a lower-case word may be someone spoken to: "sister", "him"; after a verb of
    telling, any word that opens no clause or phrase ("told reporters")."""
    word = tok.lower_
    if word in ALL_PRONOUNS or word in _ADDRESSABLE_NOUNS or word[:-1] in _ADDRESSABLE_NOUNS:
        return True
    return told and tok.is_alpha and word not in CLAUSE_OPENERS and not word.endswith("ly")
