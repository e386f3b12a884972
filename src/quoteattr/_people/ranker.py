"""Choosing a direct quote's speaker among the people near it, by a small linear model.

It chooses for the direct quotes the rules found no speaker for, or only a "he" or "she" they
could not resolve ("he said" with no "he" before); the pronoun stays the quote's mention of
its speaker. Where it chose for every quote, trained on novels, it cost news 1.8 points of speaker
accuracy, and novels 0.6 points of character accuracy once the rules had grown
(docs/accuracy.md).

It weighs the people the text mentions around the quote: who spoke the quotes before (turns
alternate), who the narration names before and after it, who the quote before spoke to, who
the quote itself names (rarely its speaker), how salient each person is. Each (quote,
person) pair is a set of named features (`choices`); a person's score is the sum of the
weights of its features, and the best-scoring person speaks. It learns from every direct
quote the rules attributed too, with the rules' choice among the features. The weights are
trained by scripts/train_ranker.py on LitBank (CC BY 4.0) and measured there by
cross-validation (docs/accuracy.md); they ship as quoteattr/data/speaker_ranker.json.

The ranker reads only the quotes, the roster and the paragraphs, so both modes use it.
"""

from __future__ import annotations

import bisect
import json
import math
from collections.abc import Mapping, Sequence
from collections.abc import Set as AbstractSet
from functools import cache
from importlib import resources

import attrs

from .._lexicon.people import FIRST_PERSON, GENDERED_SUBJECTS, PRONOUN_GENDER
from .._person import Person
from .._types import EntityKind, Mention, Quote, QuoteKind, Rule, Speaker

# The people a quote may be given to: those the narration names this many paragraphs before
# the quote's own, or after it, and whoever spoke the last quotes.
PARAGRAPHS_BACK = 10
PARAGRAPHS_AHEAD = 2
SPEAKERS_BACK = 2
# Mentions read each way from a quote to find those people: a bound on the work per quote, far
# above what ten paragraphs of a novel hold.
MAX_NEAR_MENTIONS = 400
# Rules whose speaker the ranker keeps: a pull-quote's caption names it beyond doubt.
KEPT_RULES = frozenset({Rule.LAYOUT})
WEIGHTS_FILE = "speaker_ranker.json"

Features = dict[str, float]


@attrs.frozen
class Choice:
    """The people one quote may be given to, with what the text shows of each.

    Attributes:
        quote: The position of the quote among the document's quotes.
        people: The candidates, in order of their first mention.
        features: The features of each candidate that do not depend on who spoke before.
        previous: The positions of the direct quotes before, the last first.
        opens: Whether the quote opens its paragraph.
        follows: Whether the direct quote before is in the same paragraph.
    """

    quote: int
    people: tuple[Person, ...]
    features: tuple[Features, ...]
    previous: tuple[int, ...]
    opens: bool
    follows: bool

    def turn_features(self, person: str, spoke: Mapping[int, AbstractSet[str]]) -> Features:
        """The features of giving the quote to a person, given who spoke the quotes before:
        in a conversation the speakers take turns."""
        f: Features = {}
        for back, k in enumerate(self.previous, start=1):
            if person in spoke.get(k, ()):
                f[f"spoke {back} before"] = 1.0
                if back == 1 and self.follows:
                    f["spoke just before, same paragraph"] = 1.0
                if self.opens:
                    f[f"spoke {back} before, opens paragraph"] = 1.0
        return f


@attrs.define
class _Named:
    """Where the text names one person: every mention's start, and the narration's (outside
    quotes) with their ends and paragraphs, each sorted, so that a quote reads what is near
    it by bisection."""

    starts: list[int] = attrs.Factory(list)
    narrated: list[int] = attrs.Factory(list)  # starts
    narrated_ends: list[int] = attrs.Factory(list)
    paragraphs: list[int] = attrs.Factory(list)

    def any_within(self, start: int, end: int) -> bool:
        """Whether a mention starts in [start, end): the quote names the person."""
        k = bisect.bisect_left(self.starts, start)
        return k < len(self.starts) and self.starts[k] < end

    def last_before(self, offset: int) -> int | None:
        """The narration mention that ends last at or before offset, by position."""
        k = bisect.bisect_right(self.narrated, offset) - 1
        while k >= 0 and self.narrated_ends[k] > offset:
            k -= 1
        return k if k >= 0 else None

    def first_after(self, offset: int) -> int | None:
        """The narration mention that starts first at or after offset, by position."""
        k = bisect.bisect_left(self.narrated, offset)
        return k if k < len(self.narrated) else None


def choices(
    quotes: Sequence[Quote],
    people: Sequence[Person],
    paragraph_starts: Sequence[int],
    every: bool = False,
) -> list[Choice]:
    """Return the candidates of each direct quote the ranker decides (`_decided`); or, every:
    of every direct quote, as scripts/train_ranker.py learns from them."""
    wanted = [q.kind is QuoteKind.DIRECT and (every or _decided(q)) for q in quotes]
    if not any(wanted):
        return []
    spans = sorted((q.start, q.end) for q in quotes)
    starts = [s for s, _ in spans]

    def quoted(m: Mention) -> bool:
        k = bisect.bisect_right(starts, m.start) - 1
        return k >= 0 and m.start < spans[k][1]

    def paragraph(offset: int) -> int:
        return max(bisect.bisect_right(paragraph_starts, offset) - 1, 0)

    named = {p.id: _Named() for p in people}
    narration: list[tuple[int, int, str]] = []  # every narration mention: start, paragraph, id
    for p in people:
        where = named[p.id]
        for m in sorted(p.mentions, key=lambda m: (m.start, m.end)):
            where.starts.append(m.start)
            if not quoted(m):
                para = paragraph(m.start)
                where.narrated.append(m.start)
                where.narrated_ends.append(m.end)
                where.paragraphs.append(para)
                narration.append((m.start, para, p.id))
    narration.sort()
    narration_starts = [n[0] for n in narration]
    order = {p.id: k for k, p in enumerate(people)}
    by_id = {p.id: p for p in people}
    top = max((len(n.narrated) for n in named.values()), default=0)

    found: list[Choice] = []
    direct: list[int] = []  # the direct quotes so far, by position
    for k, q in enumerate(quotes):
        if q.kind is not QuoteKind.DIRECT:
            continue
        previous = tuple(reversed(direct[-SPEAKERS_BACK:]))
        direct.append(k)
        if not wanted[k] or q.rule in KEPT_RULES or _first_person(q):
            continue
        para = q.paragraph
        # who spoke the quotes before, and this one's speaker by the rules: not a pronoun they
        # left unresolved
        own = () if q.rule is Rule.UNRESOLVED else (k,)
        near = {s.person for s in (quotes[j].speaker for j in (*own, *previous)) if s is not None}
        near |= _narrated_near(narration, narration_starts, q, para)
        ids = sorted((i for i in near if i in by_id), key=order.__getitem__)
        if not ids:
            continue
        last = quotes[previous[0]] if previous else None
        lately = {i: named[i].last_before(q.start) for i in ids}
        ranks = sorted((named[i].narrated[at], i) for i in ids if (at := lately[i]) is not None)
        recent = {i: rank for rank, (_, i) in enumerate(reversed(ranks))}
        feats = tuple(
            _features(q, by_id[i], named[i], lately[i], last, recent.get(i))
            | _salience(len(named[i].narrated), top)
            for i in ids
        )
        # features read among all of them; a "he" is then no woman's
        kept = [(by_id[i], f) for i, f in zip(ids, feats, strict=True) if _may_be(q, by_id[i])]
        if not kept:
            continue
        opens = para < len(paragraph_starts) and q.start - paragraph_starts[para] <= 2
        follows = last is not None and last.paragraph == para
        candidates, kept_feats = zip(*kept, strict=True)
        found.append(Choice(k, candidates, kept_feats, previous, opens, follows))
    return found


def _may_be(q: Quote, p: Person) -> bool:
    """Whether a person may have said a quote whose cue's pronoun the rules left unresolved:
    not one of the other gender ("he said" is no woman's)."""
    said = PRONOUN_GENDER.get(_cue_pronoun(q))
    return said is None or p.gender is None or p.gender is said


def _cue_pronoun(q: Quote) -> str:
    """The words of the quote's mention of its speaker, in lower case ("he"); "" if none."""
    return q.speaker.mention.text.lower() if q.speaker and q.speaker.mention else ""


def _narrated_near(
    narration: list[tuple[int, int, str]], starts: list[int], q: Quote, para: int
) -> set[str]:
    """The people the narration names from PARAGRAPHS_BACK paragraphs before the quote's to
    PARAGRAPHS_AHEAD after it, reading at most MAX_NEAR_MENTIONS mentions each way."""
    found: set[str] = set()
    k = bisect.bisect_left(starts, q.start) - 1
    for _ in range(MAX_NEAR_MENTIONS):
        if k < 0 or narration[k][1] < para - PARAGRAPHS_BACK:
            break
        if narration[k][1] <= para + PARAGRAPHS_AHEAD:
            found.add(narration[k][2])
        k -= 1
    k = bisect.bisect_left(starts, q.start)
    for _ in range(MAX_NEAR_MENTIONS):
        if k >= len(narration) or narration[k][1] > para + PARAGRAPHS_AHEAD:
            break
        if narration[k][1] >= para - PARAGRAPHS_BACK:
            found.add(narration[k][2])
        k += 1
    return found


def _decided(q: Quote) -> bool:
    """Whether the ranker gives the quote its speaker: the rules found none, or only a "he" or
    "she" they could not resolve ("it" and "they" are more often not a person)."""
    if q.rule is Rule.NONE:
        return True
    mention = q.speaker.mention if q.speaker is not None else None
    return (
        q.rule is Rule.UNRESOLVED
        and mention is not None
        and mention.text.lower() in GENDERED_SUBJECTS
    )


def _first_person(q: Quote) -> bool:
    """Whether the quote's cue gives it to "I": the narrator, whoever the narrator is."""
    mention = q.speaker.mention if q.speaker is not None else None
    return mention is not None and mention.text.lower() in FIRST_PERSON


def _features(
    q: Quote,
    p: Person,
    named: _Named,
    lately: int | None,
    previous: Quote | None,
    recency: int | None,
) -> Features:
    """The features of giving quote q to person p that do not depend on who spoke before."""
    f: Features = {}
    if q.speaker is not None and q.speaker.person == p.id:
        f[f"rule={q.rule.value}"] = 1.0
    para = q.paragraph
    if lately is not None:
        f[f"back={_bin(para - named.paragraphs[lately])}"] = 1.0
    soon = named.first_after(q.end)
    if soon is not None:
        ahead = named.paragraphs[soon] - para
        if ahead <= PARAGRAPHS_AHEAD:
            f[f"ahead={ahead}"] = 1.0
    f[f"recency={min(recency, 3) if recency is not None else 'none'}"] = 1.0
    if named.any_within(q.start, q.end):
        f["named in quote"] = 1.0
    if previous is not None and named.any_within(previous.start, previous.end):
        f["named in previous quote"] = 1.0
    if p.kind is not EntityKind.PERSON:
        f[f"kind={p.kind.value}"] = 1.0
    pronoun = _cue_pronoun(q)
    if pronoun in PRONOUN_GENDER and p.gender is not None:
        same = PRONOUN_GENDER[pronoun] is p.gender
        f["gender agrees" if same else "gender differs"] = 1.0
    return f


def _salience(count: int, top: int) -> Features:
    """How often the narration names the person, against the most named."""
    f = {"mentions": math.log1p(count)}
    if count == top:
        f["most mentioned"] = 1.0
    return f


def _bin(paragraphs: int) -> str:
    return str(paragraphs) if paragraphs <= 2 else "3-5" if paragraphs <= 5 else "6+"


def score(features: Features, weights: Mapping[str, float]) -> float:
    """The score of one candidate: the sum of its features' weights times their values."""
    return sum(weights.get(name, 0.0) * value for name, value in features.items())


def ranked(
    quotes: Sequence[Quote],
    people: Sequence[Person],
    paragraph_starts: Sequence[int],
    weights: Mapping[str, float] | None = None,
) -> list[Quote]:
    """Return the quotes, each direct quote the rules found no speaker for (or only an
    unresolved "he" or "she") given to the best-scoring person near it, with the rule
    `Rule.RANKED`."""
    weights = default_weights() if weights is None else weights
    out = list(quotes)
    spoke = spoken_by(quotes)
    for choice in choices(quotes, people, paragraph_starts):
        scores = [
            score(f | choice.turn_features(p.id, spoke), weights)
            for p, f in zip(choice.people, choice.features, strict=True)
        ]
        best = max(range(len(scores)), key=scores.__getitem__)
        person = choice.people[best]
        q = out[choice.quote]
        out[choice.quote] = attrs.evolve(
            q,
            speaker=Speaker(
                name=person.name,
                mention=_mention(person, q),
                role=person.roles[0] if person.roles else None,
                entity=person.kind,
                person=person.id,
            ),
            rule=Rule.RANKED,
        )
    return out


def spoken_by(quotes: Sequence[Quote]) -> dict[int, set[str]]:
    """Who spoke each quote by the rules, by its position: what the turn features read."""
    return {
        k: {q.speaker.person}
        for k, q in enumerate(quotes)
        if q.speaker is not None and q.speaker.person is not None
    }


def _mention(person: Person, q: Quote) -> Mention | None:
    """Where the text names the quote's speaker: the pronoun the rules left unresolved ("he
    said"), else the person's mention closest before the quote, if any (mentions are in text
    order)."""
    if q.speaker is not None and q.speaker.mention is not None:
        return q.speaker.mention
    k = bisect.bisect_left(person.mentions, q.start, key=lambda m: m.start) - 1
    while k >= 0 and person.mentions[k].end > q.start:
        k -= 1
    return person.mentions[k] if k >= 0 else None


@cache
def default_weights() -> dict[str, float]:
    """The shipped weights, read once."""
    path = resources.files("quoteattr").joinpath("data").joinpath(WEIGHTS_FILE)
    data = json.loads(path.read_text(encoding="utf-8"))
    return dict(data["weights"])
