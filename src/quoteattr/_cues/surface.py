"""Cues without a parse: cue verbs by their written forms, "according to", a colon.

The speaker of a cue is the words next to it: a pronoun, a run of capitalised words, or a
noun phrase opened by a determiner ("the mayor of Chicago").
"""

from __future__ import annotations

from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from typing import TYPE_CHECKING

from .._lexicon.cues import DIRECT_CUES, CueClass, cue_form
from .._lexicon.people import DETERMINERS, MAX_PHRASE, as_title, is_name_word, is_pronoun
from .._lexicon.words import CLAUSE_OPENERS, CUE_FILLERS
from .match import CueMatch, CueRule, is_closed_tail

if TYPE_CHECKING:
    from spacy.tokens import Token

MAX_RIGHT_CUE = 10  # how far after a quote its cue verb may come ("," the senator from X said)
# The longest apposition between commas that the words before a cue verb may hold, not counted
# in MAX_RIGHT_CUE: "," Seth Ng, a political scientist at a university in Ohio, told ...
MAX_APPOSITION = 14


def verb_in(tokens: Sequence[Token], classes: AbstractSet[CueClass]) -> Token | None:
    """The cue verb nearest the end of tokens: a sure form first, else any form."""
    weak = None
    for tok in reversed(tokens):
        sure = cue_form(tok, classes)
        if sure:
            return tok
        if sure is not None and weak is None:
            weak = tok
    return weak


def surface_cue(left: list[Token], right: list[Token], open_ending: bool) -> CueMatch | None:
    """Find the cue of a quote from the narration left and right of it in its sentence.

    Args:
        left: The narration before the quote (``TokenIndex.left_context``).
        right: The narration after it (``TokenIndex.right_context``).
        open_ending: Whether the quoted words leave the sentence open (a comma, a question
            mark), so a cue may follow.

    Returns:
        The cue after the quote when the sentence goes on ("...," he said), else the cue
        before it (he said: "..."), else None.
    """
    closed_tail = is_closed_tail(right)
    if right and (
        open_ending or right[0].is_lower or closed_tail or cue_form(right[0]) is not None
    ):
        match = _according_to_words(right, "right") or _verb_words_after(right)
        if match:
            return match
    if left:
        return _according_to_words(left, "left") or _verb_words_before(left) or _colon_words(left)
    return None


def _according_to_words(tokens: list[Token], side: str) -> CueMatch | None:
    for k, tok in enumerate(tokens[:-1]):
        if tok.lower_ == "according" and tokens[k + 1].lower_ == "to":
            to = tokens[k + 1]
            speaker = _phrase_after(tokens, k + 2)
            return CueMatch(
                tok.idx, to.idx + len(to), CueRule.ACCORDING_TO, phrase=speaker, side=side
            )
    return None


def _verb_words_after(right: list[Token]) -> CueMatch | None:
    """ "...," he said / said Smith / Smith, the mayor, said / the senator from Ohio said."""
    window = _cue_window(right)
    verb = next((t for t in window if cue_form(t, DIRECT_CUES)), None)
    if verb is None:
        verb = next((t for t in window if cue_form(t, DIRECT_CUES) is not None), None)
    if verb is None:
        return None
    k = window.index(verb)
    before = [t for t in window[:k] if not t.is_punct]
    if before:
        speaker = _phrase_before_verb(window, k) or _phrase_after(window, 0)
        rule = CueRule.VERB
    else:
        speaker, rule = _phrase_after(window, k + 1), CueRule.INVERTED
    return CueMatch(verb.idx, verb.idx + len(verb), rule, phrase=speaker, side="right")


def _cue_window(right: list[Token]) -> list[Token]:
    """The words after a quote where its cue verb may be: MAX_RIGHT_CUE of them, and besides
    those an apposition between commas that holds no sure cue verb ("Smith, a professor at
    Ohio State University, said")."""
    window: list[Token] = []
    counted = k = 0
    while k < len(right) and counted < MAX_RIGHT_CUE:
        if right[k].text == "," and window:
            close = _closing_comma(right, k)
            if close is not None:
                window.extend(right[k : close + 1])
                k = close + 1
                continue
        window.append(right[k])
        counted += 1
        k += 1
    return window


def _closing_comma(tokens: list[Token], k: int) -> int | None:
    """The comma that closes an apposition opened by the comma at tokens[k], if one comes
    within MAX_APPOSITION words and no sure cue verb comes before it."""
    for m in range(k + 1, min(len(tokens), k + 1 + MAX_APPOSITION)):
        if tokens[m].text == ",":
            return m if m > k + 1 else None
        if cue_form(tokens[m], DIRECT_CUES) or tokens[m].text in (".", ";", ":"):
            return None
    return None


def _verb_words_before(left: list[Token]) -> CueMatch | None:
    """He said: "..." / Smith told reporters "..." / said Smith: "..."."""
    verb = verb_in(left, DIRECT_CUES)
    if verb is None:
        return None
    k = left.index(verb)
    speaker = _phrase_before_verb(left, k)
    rule = CueRule.VERB
    if speaker is None:
        speaker, rule = _phrase_after(left, k + 1), CueRule.INVERTED
        if speaker is not None and not is_name_word(verb.doc[speaker[0]]):
            speaker = None
    return CueMatch(verb.idx, verb.idx + len(verb), rule, phrase=speaker, side="left")


def _colon_words(left: list[Token]) -> CueMatch | None:
    """Smith: "..." / The statement on Monday: "...": the colon is the cue."""
    colon = left[-1]
    if colon.text != ":" or len(left) < 2:
        return None
    speaker = _phrase_before_verb(left, len(left) - 1)
    if speaker is None:
        return None
    return CueMatch(colon.idx, colon.idx + 1, CueRule.COLON, phrase=speaker, side="left")


def _phrase_before_verb(tokens: list[Token], k: int) -> tuple[int, int] | None:
    """The tokens [first, end) that name who does the verb at tokens[k], looking left.

    The nearest pronoun or name, across words like "also" and an apposition between
    commas; a noun phrase opened by a determiner ("the mayor of Chicago") if nearer.
    """
    j = _before_fillers(tokens, k)
    participle = tokens[j].text == "," and tokens[k].lower_.endswith("ing")  # ", saying"
    if j > 0 and (tokens[j].lower_ in CLAUSE_OPENERS or participle):
        return _first_phrase(tokens, j)
    j = _before_apposition(tokens, j)
    return _determiner_phrase(tokens, j) or _nearest_pronoun_or_name(tokens, j)


def _before_fillers(tokens: list[Token], k: int) -> int:
    """The index of the last token before tokens[k] that is not a word like "also" or an
    adverb in -ly; -1 if there is none."""
    j = k - 1
    while j >= 0 and (tokens[j].lower_ in CUE_FILLERS or tokens[j].lower_.endswith("ly")):
        j -= 1
    return j


def _before_apposition(tokens: list[Token], j: int) -> int:
    """The index of the last token before the apposition that the comma at tokens[j] closes
    ("Smith, a professor at Ohio State, said": Smith); j if tokens[j] closes none."""
    if j > 0 and tokens[j].text == ",":
        opening = next((c for c in range(j - 1, max(j - MAX_APPOSITION, 0) - 1, -1)
                        if tokens[c].text == ","), None)  # fmt: skip
        if opening is not None and opening > 0:
            return opening - 1
    return j


def _determiner_phrase(tokens: list[Token], j: int) -> tuple[int, int] | None:
    """The tokens [first, end) of a noun phrase that a determiner opens and tokens[j] ends (the
    official, a spokesman for the campaign): at most MAX_PHRASE words, none of them punctuation
    or a pronoun."""
    for d in range(j, max(j - MAX_PHRASE, -1), -1):
        tok = tokens[d]
        if tok.is_punct or is_pronoun(tok):
            return None
        if tok.lower_ in DETERMINERS:
            return (tokens[d].i, tokens[j].i + 1) if d < j else None
    return None


def _nearest_pronoun_or_name(tokens: list[Token], j: int) -> tuple[int, int] | None:
    """The tokens [first, end) of the pronoun (not "it") or the name nearest tokens[j], at or
    before it, in the same clause: none past a colon or a semicolon."""
    for d in range(j, -1, -1):
        tok = tokens[d]
        if tok.text in (":", ";"):
            return None
        if is_pronoun(tok) and tok.lower_ != "it":
            return tok.i, tok.i + 1
        if is_name_word(tok):
            first = d
            while first > 0 and _in_name(tokens[first - 1]):
                first -= 1
            return tokens[first].i, tok.i + 1
    return None


def _first_phrase(tokens: list[Token], j: int) -> tuple[int, int] | None:
    """The first pronoun or name of the clause that tokens[j] ends: the subject of a verb
    joined to an earlier one ("Ng shook her head and said"), after a preposition ("Ng
    answered the senator by saying") or a comma ("Ng spoke in Iowa, telling"), not the
    object nearer to it."""
    start = next((d + 1 for d in range(j, -1, -1) if tokens[d].text in (":", ";")), 0)
    for d in range(start, j):
        tok = tokens[d]
        if is_pronoun(tok) and tok.lower_ != "it":
            return tok.i, tok.i + 1
        if _in_name(tok):
            end = d
            while end + 1 < j and _in_name(tokens[end + 1]):
                end += 1
            if is_name_word(tokens[end]):
                return tok.i, tokens[end].i + 1
    return None


def _in_name(tok: Token) -> bool:
    """A word of a name, or a title before one ("Sen.")."""
    return is_name_word(tok) or as_title(tok.lower_) is not None


def _phrase_after(tokens: list[Token], k: int) -> tuple[int, int] | None:
    """The tokens [first, end) that name a speaker from tokens[k] on: a pronoun, a name
    (titles included), or a noun phrase up to the next comma."""
    words = tokens[k:]
    if not words:
        return None
    if is_pronoun(words[0]):
        return words[0].i, words[0].i + 1
    end = 0
    while end < len(words) and _in_name(words[end]):
        end += 1
    if end and is_name_word(words[end - 1]):
        return words[0].i, words[end - 1].i + 1
    if words[0].lower_ in CLAUSE_OPENERS:  # "suggesting that ...": a clause, not a speaker
        return None
    if words[0].lower_ in DETERMINERS or words[0].is_lower:
        end = 0
        while end < min(len(words), MAX_PHRASE) and not words[end].is_punct:
            end += 1
        if end:
            return words[0].i, words[end - 1].i + 1
    return None
