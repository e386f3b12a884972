"""Speakers without a parse: names as runs of capitalised words, resolved within the text.

A document's people are the runs of two or more capitalised words in its narration
("Jane Smith", "Sen. Jane Smith"), the forms of their names (`NameForms`, as with a parse)
but for weaker evidence: a run may open with words that are no part of the name. A later
"Smith" is the form ending in "Smith" the text writes most, and "she" is the person named
last before it.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache
from typing import TYPE_CHECKING

from .._cues.forms import cue_forms
from .._doc.tokens import SENTENCE_END, TokenIndex
from .._person import GenderEvidence
from .._types import EntityKind, Mention, Rule, Speaker
from .forms import NameForms
from .roster import Seen
from .words import (
    DETERMINERS,
    NOT_NAMES,
    SPEAKING_PRONOUNS,
    TITLES,
    is_name_word,
    is_organisation,
    is_pronoun,
    is_role_word,
    name_words,
)

if TYPE_CHECKING:
    from spacy.tokens import Token

PRONOUN_REACH = 1500  # characters back that a pronoun looks for the person it stands for


class Names:
    """The people a document names, found by capitals, to resolve short names and pronouns."""

    def __init__(self, index: TokenIndex, text: str, quoted: list[tuple[int, int]]) -> None:
        self.doc = index.doc
        self.text = text
        runs = _name_runs(text, quoted)
        # The forms of the names: the runs of two words or more, as the entity recogniser's
        # names are with a parse; of several, the most written ("Ted Cruz" rather than
        # "Republican Ted Cruz").
        self.forms = NameForms(unsure_starts=True)
        for _, _, words, _ in runs:
            if len(words) >= 2 and not is_organisation(words):
                self.forms.add(words, found=True)
        self._gender: dict[str, str] = {}
        self._positions: list[int] = []  # character offsets of the people named, sorted
        self._people: list[str] = []
        self._speaking: list[bool] = []  # whether a cue verb follows the name: "Smith said"
        self._ends: list[int] = []
        for start, end, words, title in runs:
            if self.forms.surname_of_someone(words[-1]) and not is_organisation(words):
                # a title's gender chooses among the fuller names: "Mrs. Clinton"
                gender = TITLES.get(title.lower().rstrip("."), "") if title else ""
                name = self.canonical(words, start, gender or None)
                self._positions.append(start)
                self._ends.append(end)
                self._people.append(name)
                self._speaking.append(_speaks(self.text, end))
                if gender:
                    self._gender.setdefault(name, gender)

    def seen(self) -> list[Seen]:
        """What the document showed of each person named by capitals, in order."""
        found: dict[str, Seen] = {}
        for start, end, name in zip(self._positions, self._ends, self._people, strict=True):
            if name not in found:
                found[name] = Seen(name, EntityKind.PERSON)
            one = found[name]
            one.mentions.append(Mention(text=self.text[start:end], start=start, end=end))
            if name in self._gender:
                one.genders[GenderEvidence.TITLE] = self._gender[name]
        return list(found.values())

    def canonical(self, words: tuple[str, ...], position: int, gender: str | None = None) -> str:
        """Return the canonical name the document gives for the person these words name
        (`NameForms.canonical`, of unsure starts), of the gender of their title if given;
        of several who share it, the one named last."""
        return self.forms.canonical(words, position, gender, self._nearest)

    def _nearest(self, wanted: dict[str, tuple[str, ...]], position: int) -> tuple[str, ...] | None:
        """The one of these names named last before position."""
        for k in range(bisect_left(self._positions, position) - 1, -1, -1):
            if self._people[k] in wanted:
                return wanted[self._people[k]]
        return None

    def antecedent(self, pronoun: Token) -> str | None:
        """Return the person named last before a pronoun, of its gender where known."""
        gender = SPEAKING_PRONOUNS.get(pronoun.lower_)
        if pronoun.lower_ not in ("he", "she"):
            return None
        last = bisect_left(self._positions, pronoun.idx) - 1
        first = bisect_left(self._positions, pronoun.idx - PRONOUN_REACH)
        near = [
            k
            for k in range(last, first - 1, -1)
            if self._gender.get(self._people[k], gender) == gender
        ]
        # The last person shown speaking ("Smith recalled ..."), else the last one named.
        speaking = next((k for k in near if self._speaking[k]), None)
        if speaking is not None:
            return self._people[speaking]
        return self._people[near[0]] if near else None

    def speaker(self, first: int, end: int) -> tuple[Speaker, Rule]:
        """Return the speaker the tokens [first, end) name, and the rule that found it."""
        doc, text = self.doc, self.text
        toks = doc[first:end]
        start, stop = toks[0].idx, toks[-1].idx + len(toks[-1])
        mention = Mention(text=text[start:stop], start=start, end=stop)
        if len(toks) == 1 and is_pronoun(toks[0]):
            name = self.antecedent(toks[0])
            if name is None:
                return Speaker(name=mention.text, mention=mention, entity="other"), Rule.UNRESOLVED
            return Speaker(name=name, mention=mention, entity="person"), Rule.PRONOUN
        phrase = [t for t in toks if t.lower_ not in DETERMINERS or t.i > toks[0].i]
        if is_organisation([t.text for t in phrase]):  # the Ministry of Health
            name = text[phrase[0].idx : stop]
            return Speaker(name=name, mention=mention, entity="organisation"), Rule.GROUP
        run = len(toks)
        while run > 0 and is_name_word(toks[run - 1]):
            run -= 1
        if run == len(toks):
            return Speaker(name=mention.text, mention=mention, entity="other"), Rule.GROUP
        words = name_words([t.text for t in toks[run:]])
        titled = toks[run].lower_.rstrip(".") in TITLES
        unknown = len(words) < 2 and not titled and not self.forms.surname_of_someone(words[-1])
        opens_sentence = toks[run].i == 0 or toks[run].nbor(-1).text in SENTENCE_END
        if unknown and (opens_sentence or run > 0):  # "Officials said", "the Democrats said"
            return Speaker(name=mention.text, mention=mention, entity="other"), Rule.GROUP
        before = [t for t in toks[:run] if t.lower_ not in DETERMINERS and not t.is_punct]
        role = text[before[0].idx : toks[run].idx].strip(" ,") if before else None
        gender = TITLES.get(toks[run].lower_.rstrip(".")) if titled else None
        name = self.canonical(words, start, gender or None)
        return Speaker(name=name, mention=mention, role=role or None, entity="person"), Rule.NAMED


# A capitalised word, as written: letters, apostrophes, hyphens and full stops ("O'Neill",
# "Sen.", "U.S."). Latin-1 capitals count; other scripts' names are left to the tokens.
# (The capital comes first, the test of the character before it second: the search then
# skips to capitals.)
_CAPITALISED_RE = re.compile(r"[A-ZÀ-ÖØ-Þ](?<![\w'’.\-][A-ZÀ-ÖØ-Þ])[\w'’.\-]*")
_POSSESSIVE = ("'s", "’s", "'", "’")
_NEXT_WORD_RE = re.compile(r"[ \t\xa0]+(?:(?:also|then|later|has|had)[ \t]+)?([a-z]+)")
_Run = tuple[int, int, tuple[str, ...], str]  # start, end, name words, title


def _name_runs(text: str, quoted: list[tuple[int, int]]) -> list[_Run]:
    """The runs of capitalised words outside quotes: (start, end, name words, title or "").

    quoted: the character ranges to pass over (quotes, pull-quote markers), in order.
    """
    found: list[_Run] = []
    run: list[str] = []
    run_start = run_end = 0
    q = 0  # the next quote that could hold a word
    for m in _CAPITALISED_RE.finditer(text):
        start = m.start()
        while q < len(quoted) and quoted[q][1] <= start:
            q += 1
        word, role, name, closes = _word_facts(m.group())
        # "Jane Smith | Former US envoy": a role word, or more than a space, ends a run
        if run and (role or start - run_end != 1 or text[run_end] not in " \xa0"):
            _add_run(run, run_start, run_end, found)
            run = []
        if not name or (q < len(quoted) and quoted[q][0] <= start):
            if run:
                _add_run(run, run_start, run_end, found)
                run = []
            continue
        if not run:
            run_start = start
        run.append(word)
        run_end = m.end()
        if closes:
            _add_run(run, run_start, run_end, found)
            run = []
    if run:
        _add_run(run, run_start, run_end, found)
    return found


@lru_cache(maxsize=16384)
def _word_facts(written: str) -> tuple[str, bool, bool, bool]:
    """What a capitalised word as written tells a run (a text writes most of its words many
    times): the word (`_bare`), whether it opens a role, whether it can be part of a name,
    and whether it ends its run (a possessive, or a full stop after a word not a title)."""
    ends_run = written.endswith(_POSSESSIVE) or (written.endswith(".") and len(written) > 2)
    word = _bare(written)
    closes = ends_run and word.lower().rstrip(".") not in TITLES
    return word, is_role_word(word), _is_name(word), closes


def _bare(word: str) -> str:
    """The word without a possessive ending or a sentence's full stop ("Smith's", "Smith.")."""
    for ending in _POSSESSIVE:
        if word.endswith(ending) and len(word) > len(ending):
            return word[: -len(ending)]
    if word.endswith(".") and word.count(".") == 1 and len(word) > 2:
        bare = word[:-1]
        return word if bare.lower() in TITLES else bare
    return word


def _is_name(word: str) -> bool:
    return word.lower() not in NOT_NAMES and all(ch.isalpha() or ch in ".'’-" for ch in word)


def _add_run(run: list[str], start: int, end: int, found: list[_Run]) -> None:
    words, title = _run_facts(tuple(run))
    if words:
        found.append((start, end, words, title))


@lru_cache(maxsize=16384)
def _run_facts(run: tuple[str, ...]) -> tuple[tuple[str, ...], str]:
    """The name words of a run, and its title (or "")."""
    title = run[0] if run[0].lower().rstrip(".") in TITLES else ""
    return name_words(run), title


def _speaks(text: str, end: int) -> bool:
    """Say whether a cue verb follows the name ending at end ("Smith said", "Jones also told")."""
    found = _NEXT_WORD_RE.match(text, end)
    form = cue_forms().get(found[1]) if found else None
    return form is not None and form[1] in ("speech", "dialogue")
