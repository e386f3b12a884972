"""Speakers without a parse: names as runs of capitalised words, resolved within the text.

A document's people are the runs of two or more capitalised words in its narration
("Jane Smith", "Sen. Jane Smith"), the forms of their names (`NameForms`, as with a parse)
but for weaker evidence: a run may open with words that are no part of the name. A later
"Smith" is the form ending in "Smith" the text writes most, and "she" is the person named
last before it. The people are noted in a `MentionLog` by character offset, as with a parse
by token.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from .._doc.tokens import SENTENCE_END, TokenIndex
from .._lexicon.cues import is_speech_form
from .._lexicon.people import (
    DETERMINERS,
    GENDERED_SUBJECTS,
    NOT_NAMES,
    SPEAKING_PRONOUNS,
    as_title,
    is_name_word,
    is_organisation,
    is_place,
    is_pronoun,
    is_role_word,
    name_words,
)
from .._person import GenderEvidence
from .._types import Mention, Speaker
from .caption import name_end
from .forms import NameForms
from .log import MentionLog
from .roster import Seen

if TYPE_CHECKING:
    from collections.abc import Sequence

    from spacy.tokens import Token

PRONOUN_REACH = 1500  # characters back that a pronoun looks for the person it stands for


class Names:
    """The people a document names, found by capitals, to resolve short names and pronouns."""

    def __init__(
        self,
        index: TokenIndex,
        text: str,
        quoted: list[tuple[int, int]],
        captions: Sequence[tuple[int, int]] = (),
    ) -> None:
        self.doc = index.doc
        self.text = text
        runs = [_run_without_role(run, text, captions) for run in _name_runs(text, quoted)]
        self.log = MentionLog()  # by character offset
        # The forms of the names: the runs of two words or more, as the entity recogniser's
        # names are with a parse; of several, the most written ("Ted Cruz" rather than
        # "Republican Ted Cruz").
        self.forms = NameForms(self.log.nearest, unsure_starts=True)
        for _, _, words, _ in runs:
            if len(words) >= 2 and not (is_organisation(words) or is_place(words)):
                self.forms.add(words, found=True)
        self._ends: dict[int, int] = {}  # where each mention in the log ends
        self._speaking: set[int] = set()  # those a cue verb follows: "Smith said"
        for start, end, words, title in runs:
            if self.forms.surname_of_someone(words[-1]) and not (
                is_organisation(words) or is_place(words)
            ):
                # a title's gender chooses among the fuller names: "Mrs. Clinton"
                found = as_title(title) if title else None
                gender = found.gender if found is not None else None
                name = self.forms.canonical(words, start, gender)
                self.log.note(start, name)
                self._ends[start] = end
                if _speaks(self.text, end):
                    self._speaking.add(start)
                if gender:
                    self.log.learn_gender(name, gender, GenderEvidence.TITLE)

    def seen(self) -> list[Seen]:
        """What the document showed of each person named by capitals, in order."""
        text, ends = self.text, self._ends
        return self.log.seen(lambda i: Mention(text=text[i : ends[i]], start=i, end=ends[i]))

    def last_person_before(self, pronoun: Token) -> str | None:
        """Return the person named last before a pronoun, of its gender where known."""
        gender = SPEAKING_PRONOUNS.get(pronoun.lower_)
        if pronoun.lower_ not in GENDERED_SUBJECTS:
            return None
        log = self.log
        near = [
            i
            for i in reversed(log.within(pronoun.idx - PRONOUN_REACH, pronoun.idx))
            if log.may_have(log[i], gender)
        ]
        # The last person shown speaking ("Smith recalled ..."), else the last one named.
        speaking = next((i for i in near if i in self._speaking), None)
        if speaking is not None:
            return log[speaking]
        return log[near[0]] if near else None

    def speaker(self, first: int, end: int) -> Speaker:
        """Return the speaker the tokens [first, end) name."""
        doc, text = self.doc, self.text
        toks = doc[first:end]
        start, stop = toks[0].idx, toks[-1].idx + len(toks[-1])
        mention = Mention(text=text[start:stop], start=start, end=stop)
        if len(toks) == 1 and is_pronoun(toks[0]):
            name = self.last_person_before(toks[0])
            return Speaker(name=name, mention=mention, entity="person" if name else "other")
        phrase = [t for t in toks if t.lower_ not in DETERMINERS or t.i > toks[0].i]
        if is_organisation([t.text for t in phrase]):  # the Ministry of Health
            name = text[phrase[0].idx : stop]
            return Speaker(name=name, mention=mention, entity="organisation")
        run = len(toks)
        while run > 0 and is_name_word(toks[run - 1]):
            run -= 1
        if run == len(toks):
            return Speaker(name=mention.text, mention=mention, entity="other")
        words = name_words([t.text for t in toks[run:]])
        title = as_title(toks[run].lower_)
        unknown = len(words) < 2 and title is None and not self.forms.surname_of_someone(words[-1])
        opens_sentence = toks[run].i == 0 or toks[run].nbor(-1).text in SENTENCE_END
        if unknown and (opens_sentence or run > 0):  # "Officials said", "the Democrats said"
            return Speaker(name=mention.text, mention=mention, entity="other")
        before = [t for t in toks[:run] if t.lower_ not in DETERMINERS and not t.is_punct]
        role = text[before[0].idx : toks[run].idx].strip(" ,") if before else None
        name = self.forms.canonical(words, start, title.gender if title is not None else None)
        return Speaker(name=name, mention=mention, role=role or None, entity="person")


# A capitalised word, as written: letters, apostrophes, hyphens and full stops ("O'Neill",
# "Sen.", "U.S."). Latin-1 capitals count; other scripts' names are left to the tokens.
_CAPITALISED_RE = re.compile(r"(?<![\w'’.\-])[A-ZÀ-ÖØ-Þ][\w'’.\-]*")
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


def _run_without_role(run: _Run, text: str, captions: Sequence[tuple[int, int]]) -> _Run:
    """A run, or where it opens a pull-quote's caption, the name without the role after it
    (`caption.name_end`)."""
    start, end, words, title = run
    cut = name_end(text, start, end, captions) if captions else end
    kept = words[: -len(text[cut:end].split())] if cut < end else ()
    return (start, cut, kept, title) if kept else run


@lru_cache(maxsize=16384)
def _word_facts(written: str) -> tuple[str, bool, bool, bool]:
    """What a capitalised word as written tells a run (a text writes most of its words many
    times): the word (`_bare`), whether it opens a role, whether it can be part of a name,
    and whether it ends its run (a possessive, or a full stop after a word not a title)."""
    ends_run = written.endswith(_POSSESSIVE) or (written.endswith(".") and len(written) > 2)
    word = _bare(written)
    closes = ends_run and as_title(word) is None
    return word, is_role_word(word), _is_name(word), closes


def _bare(word: str) -> str:
    """The word without a possessive ending or a sentence's full stop ("Smith's", "Smith.")."""
    for ending in _POSSESSIVE:
        if word.endswith(ending) and len(word) > len(ending):
            return word[: -len(ending)]
    if word.endswith(".") and word.count(".") == 1 and len(word) > 2:
        bare = word[:-1]
        return word if as_title(bare) is not None else bare
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
    title = run[0] if as_title(run[0]) is not None else ""
    return name_words(run), title


def _speaks(text: str, end: int) -> bool:
    """Say whether a cue verb follows the name ending at end ("Smith said", "Jones also told")."""
    found = _NEXT_WORD_RE.match(text, end)
    return found is not None and is_speech_form(found[1])
