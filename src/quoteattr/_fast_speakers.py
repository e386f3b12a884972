"""Speakers without a parse: names as runs of capitalised words, resolved within the text.

A document's people are the runs of two or more capitalised words in its narration
("Jane Smith", "Sen. Jane Smith"); a later "Smith" is the fullest of them that ends in
"Smith", and "she" is the person named last before it.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter, defaultdict
from typing import TYPE_CHECKING

from ._marks import MarkedSpan
from ._surface import (
    DETERMINERS,
    NOT_NAMES,
    PRONOUNS,
    TITLES,
    is_name_word,
    is_organisation,
    is_pronoun,
    name_words,
)
from ._tokens import SENTENCE_END, TokenIndex
from ._types import Mention, Speaker

if TYPE_CHECKING:
    from spacy.tokens import Token

PRONOUN_REACH = 1500  # characters back that a pronoun looks for the person it stands for


class Names:
    """The people a document names, found by capitals, to resolve short names and pronouns."""

    def __init__(self, index: TokenIndex, text: str, quotes: list[MarkedSpan]) -> None:
        self.doc = index.doc
        self.text = text
        runs = _name_runs(text, quotes)
        full: dict[str, Counter[tuple[str, ...]]] = defaultdict(Counter)  # by last word
        self._gender: dict[str, str] = {}
        for _, words, _ in runs:
            if len(words) >= 2 and not is_organisation(words):
                full[words[-1].lower()][words] += 1
        # The fullest common form of each surname: "Ted Cruz" rather than "Republican Ted Cruz".
        self._full = full
        self._positions: list[int] = []  # character offsets of the people named, sorted
        self._people: list[str] = []
        for start, words, title in runs:
            if words[-1].lower() in full and not is_organisation(words):
                name = self.canonical(words, start)
                self._positions.append(start)
                self._people.append(name)
                gender = TITLES.get(title.lower().rstrip("."), "") if title else ""
                if gender:
                    self._gender.setdefault(name, gender)

    def canonical(self, words: tuple[str, ...], position: int) -> str:
        """Return the fullest name the document gives for the person these words name."""
        known = self._full.get(words[-1].lower())
        if not known:
            return " ".join(words)
        first = words[0].lower()
        same = [v for v in known if len(words) == 1 or v[0].lower() == first]
        if not same:
            return " ".join(words)
        if len(words) == 1 and len({v[0].lower() for v in same}) > 1:
            nearest = self._nearest({" ".join(v) for v in same}, position)
            if nearest:
                return nearest
        best = max(same, key=lambda v: (known[v], len(v)))
        return " ".join(best if len(best) >= len(words) else words)

    def _nearest(self, names: set[str], position: int) -> str | None:
        for k in range(bisect_left(self._positions, position) - 1, -1, -1):
            if self._people[k] in names:
                return self._people[k]
        return None

    def antecedent(self, pronoun: Token) -> str | None:
        """Return the person named last before a pronoun, of its gender where known."""
        gender = PRONOUNS.get(pronoun.lower_)
        if pronoun.lower_ not in ("he", "she"):
            return None
        k = bisect_left(self._positions, pronoun.idx) - 1
        while k >= 0 and pronoun.idx - self._positions[k] <= PRONOUN_REACH:
            name = self._people[k]
            if self._gender.get(name, gender) == gender:
                return name
            k -= 1
        return None

    def speaker(self, first: int, end: int) -> tuple[Speaker, str]:
        """Return the speaker the tokens [first, end) name, and the rule that found it."""
        doc, text = self.doc, self.text
        toks = doc[first:end]
        start, stop = toks[0].idx, toks[-1].idx + len(toks[-1])
        mention = Mention(text=text[start:stop], start=start, end=stop)
        if len(toks) == 1 and is_pronoun(toks[0]):
            name = self.antecedent(toks[0])
            if name is None:
                return Speaker(name=mention.text, mention=mention, entity="other"), "unresolved"
            return Speaker(name=name, mention=mention, entity="person"), "pronoun"
        phrase = [t for t in toks if t.lower_ not in DETERMINERS or t.i > toks[0].i]
        if is_organisation([t.text for t in phrase]):  # the Ministry of Health
            name = text[phrase[0].idx : stop]
            return Speaker(name=name, mention=mention, entity="organisation"), "group"
        run = len(toks)
        while run > 0 and is_name_word(toks[run - 1]):
            run -= 1
        if run == len(toks):
            return Speaker(name=mention.text, mention=mention, entity="other"), "group"
        words = name_words([t.text for t in toks[run:]])
        titled = toks[run].lower_.rstrip(".") in TITLES
        unknown = len(words) < 2 and not titled and words[-1].lower() not in self._full
        opens_sentence = toks[run].i == 0 or toks[run].nbor(-1).text in SENTENCE_END
        if unknown and (opens_sentence or run > 0):  # "Officials said", "the Democrats said"
            return Speaker(name=mention.text, mention=mention, entity="other"), "group"
        before = [t for t in toks[:run] if t.lower_ not in DETERMINERS and not t.is_punct]
        role = text[before[0].idx : toks[run].idx].strip(" ,") if before else None
        name = self.canonical(words, start)
        return Speaker(name=name, mention=mention, role=role or None, entity="person"), "named"


# A capitalised word, as written: letters, apostrophes, hyphens and full stops ("O'Neill",
# "Sen.", "U.S."). Latin-1 capitals count; other scripts' names are left to the tokens.
_CAPITALISED_RE = re.compile(r"(?<![\w'’.\-])[A-ZÀ-ÖØ-Þ][\w'’.\-]*")
_POSSESSIVE = ("'s", "’s", "'", "’")


def _name_runs(text: str, quotes: list[MarkedSpan]) -> list[tuple[int, tuple[str, ...], str]]:
    """The runs of capitalised words outside quotes: (start, name words, title or "")."""
    found: list[tuple[int, tuple[str, ...], str]] = []
    run: list[str] = []
    run_start = run_end = 0
    q = 0  # the next quote that could hold a word
    for m in _CAPITALISED_RE.finditer(text):
        start, word = m.start(), m.group()
        while q < len(quotes) and quotes[q].outer_end <= start:
            q += 1
        quoted = q < len(quotes) and quotes[q].outer_start <= start
        ends_run = word.endswith(_POSSESSIVE) or (word.endswith(".") and len(word) > 2)
        word = _bare(word)
        joined = run and text[run_end:start] in (" ", "\xa0")
        if run and not joined:
            _add_run(run, run_start, found)
            run = []
        if quoted or not _is_name(word):
            if run:
                _add_run(run, run_start, found)
                run = []
            continue
        if not run:
            run_start = start
        run.append(word)
        run_end = m.end()
        if ends_run and word.lower().rstrip(".") not in TITLES:
            _add_run(run, run_start, found)
            run = []
    if run:
        _add_run(run, run_start, found)
    return found


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


def _add_run(run: list[str], start: int, found: list[tuple[int, tuple[str, ...], str]]) -> None:
    words = name_words(run)
    if words:
        title = run[0] if run[0].lower().rstrip(".") in TITLES else ""
        found.append((start, words, title))
