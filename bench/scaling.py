"""Scaling benchmark: does quoteattr's time double when its input doubles, on generated text?

Usage:
    python bench/scaling.py [--n 20000] [--quick] [--check] [--threshold 2.5]
                            [--budget 60] [--only NAME ...] [--list]
                            [--json PATH] [--plot PATH] [--profile-dir DIR]

Every input is generated from the library's own triggers: each cue lemma of
``quoteattr/data/cues.tsv`` (bare, in an "X said that ..." frame, and as the cue of a direct
quote), each title of ``quoteattr/data/titles.txt`` before a name, colons, dashes, pull-quote
markers, "according to", and patterns aimed at the speaker rules (dialogue turns, pronoun
chains, hundreds of distinct names, a surname many people share, nested reported speech,
text without punctuation). A pattern is a stream of pieces cut to exactly n characters; the
text of 2n characters goes on from the text of n.

For each pattern, at n and at 2n characters, the benchmark measures:

- the wall-clock time of ``Extractor.extract(text)`` (parse included), of the plain parse
  ``nlp(text)`` with the same pipeline, and of quoteattr's own work alone,
  ``Extractor.extract_doc(doc)`` on that parse (timed by itself: extract minus parse is
  mostly noise when the own work is a few milliseconds);
- the number of Python function calls (cProfile's ``total_calls``) of quoteattr's own
  work, ``Extractor.extract_doc(doc)``, and of the parse (the two together are what
  ``extract`` makes). Unlike a time, a call count is the same on every run and every
  machine, so the ratio of the own work's call counts at 2n and n is what ``--check``
  guards. It counts Python-level calls only: work done inside one C call (``Span.sent``'s
  scan for a sentence's ends, ``list.insert``) does not show in it, only in the times;
- the number of quotes, and how many overlap (no quotes may overlap, except an indirect or
  mixed quote that wholly holds another indirect or mixed quote).

A ratio near 2 is linear; near 4 quadratic. ``--check`` exits with status 1 if any
pattern's call-count ratio exceeds ``--threshold`` or any quotes overlap, naming them.
``--quick`` runs, at n=4000, the patterns found super-linear so far (the three first
reported, and colon-bare, uncued-run-on and shared-surname, which this benchmark found) and
a handful of representatives, in about a minute: the call count of a quadratic path is
already well over 2.5 times larger at 8000 characters than at 4000.

When ``extract`` at n takes more than a fifth of ``--budget`` seconds, the pattern is
measured at n/2 and n instead (then n/4 and n/2 ...), so that no run at 2n is expected to
take much more than the budget; the table marks such rows "capped".
No text here comes from real articles.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime
import gc
import importlib.util
import json
import multiprocessing
import os
import platform
import re
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field
from importlib import resources
from multiprocessing.connection import Connection
from pathlib import Path
from pstats import Stats
from typing import Any, TypeVar

import quoteattr
from quoteattr import QuoteKind

T = TypeVar("T")

DEFAULT_N = 20_000
QUICK_N = 4_000
THRESHOLD = 2.5
BUDGET = 60.0  # seconds for extract at 2n, before n is halved
# How much longer extract is assumed to take at 2n than at n when deciding to cap: more than
# quadratic, since some of today's paths are worse (a cubic share shows ratios of 5.5).
PROJECTION = 5.0
MIN_N = 1_000
REPEATS, REPEAT_UNDER = 5, 0.2  # a time shorter than this many seconds is taken again
# Quotes of these kinds may hold one another whole (reported speech inside reported speech).
NESTABLE = frozenset({QuoteKind.INDIRECT, QuoteKind.MIXED})

# Simple inflection for the lexicon's lemmas: -ed/-d/-ied, a doubled consonant for a few,
# and the irregular past tenses of the verbs the lexicon holds or may come to hold.
IRREGULAR_PAST = {
    "say": "said",
    "tell": "told",
    "write": "wrote",
    "speak": "spoke",
    "begin": "began",
    "go": "went",
    "read": "read",
    "put": "put",
    "think": "thought",
    "know": "knew",
    "feel": "felt",
    "find": "found",
    "hear": "heard",
    "swear": "swore",
    "forecast": "forecast",
}
DOUBLED = frozenset({"admit", "snap", "sob", "beg", "quip", "refer", "regret", "commit", "plan"})

# Invented people. FIRST carries the gender pronoun patterns need; many-names draws on the
# thousands of first names in data/first_names.tsv instead.
FIRST = [
    ("Ann", "f"), ("Bob", "m"), ("Cara", "f"), ("Dan", "m"), ("Eva", "f"), ("Finn", "m"),
    ("Gina", "f"), ("Hugo", "m"), ("Iris", "f"), ("Jack", "m"), ("Kate", "f"), ("Liam", "m"),
    ("Mona", "f"), ("Nick", "m"), ("Olga", "f"), ("Paul", "m"), ("Rosa", "f"), ("Sean", "m"),
    ("Tara", "f"), ("Victor", "m"), ("Wendy", "f"), ("Yusuf", "m"), ("Zoe", "f"), ("Mark", "m"),
    ("Lucy", "f"), ("Omar", "m"), ("Nina", "f"), ("Ivan", "m"), ("Grace", "f"), ("Peter", "m"),
]  # fmt: skip
LAST = [
    "Lee", "Reed", "Diaz", "Moss", "Hale", "Kent", "Cole", "Ford", "Park", "Shaw",
    "Wong", "Nash", "Grey", "Bell", "Hart", "Lowe", "Pike", "Rowe", "Sung", "Vance",
    "Webb", "York", "Zhou", "Abbot", "Baker", "Chan", "Dunn", "Egan", "Frost", "Gill",
]  # fmt: skip
# Nouns that report speech when a that-clause follows ("her claim that ..."); the library
# keeps its list in code, so these are a sample of it.
REPORT_NOUNS = ["claim", "statement", "warning", "promise", "allegation", "remark", "denial"]


def data_rows(name: str) -> list[list[str]]:
    """Return the rows of one of quoteattr's data files, split at tabs, without # comments."""
    text = (resources.files("quoteattr") / "data" / name).read_text(encoding="utf-8")
    return [
        [cell.strip() for cell in line.split("\t")]
        for line in text.splitlines()
        if line.strip() and not line.startswith("#")
    ]


def cue_lemmas() -> dict[str, list[str]]:
    """Return the lexicon's cue lemmas by class ("speech", "dialogue", "belief"), in file order."""
    by_class: dict[str, list[str]] = {}
    for row in data_rows("cues.tsv"):
        kind = row[1] if len(row) > 1 and row[1] else "none"
        by_class.setdefault(kind, []).append(row[0])
    return by_class


def titles() -> list[str]:
    """Return the titles of data/titles.txt, capitalised as before a name: "Mr", "Dr"."""
    return [row[0][:1].upper() + row[0][1:] for row in data_rows("titles.txt")]


def past(lemma: str) -> str:
    """Return the simple past of a lemma (of its first word, for a phrase)."""
    head, *rest = lemma.split()
    if head in IRREGULAR_PAST:
        form = IRREGULAR_PAST[head]
    elif head.endswith("e"):
        form = head + "d"
    elif head.endswith("y") and head[-2:-1] not in "aeiou":
        form = head[:-1] + "ied"
    elif head in DOUBLED:
        form = head + head[-1] + "ed"
    else:
        form = head + "ed"
    return " ".join([form, *rest])


def person(k: int) -> tuple[str, str, str]:
    """The k-th invented person: (first name, surname, "m" or "f"); 900 before a repeat."""
    first, gender = FIRST[k % len(FIRST)]
    return first, LAST[(k // len(FIRST) + k) % len(LAST)], gender


def many_first_names() -> list[tuple[str, str]]:
    """(first name, "m" or "f") from data/first_names.tsv, capitalised, in a scattered order."""
    names = [(row[0].title(), row[1]) for row in data_rows("first_names.tsv") if row[0].isalpha()]
    step = 37  # coprime with any list length that is not a multiple of 37: every name once
    while len(names) % step == 0:
        step += 2
    return [names[(k * step) % len(names)] for k in range(len(names))]


def stream(piece: Callable[[int], str]) -> Callable[[int], str]:
    """Make a generator of texts of exactly n characters from pieces 0, 1, 2, ..."""

    def make(n: int) -> str:
        parts: list[str] = []
        size = k = 0
        while size < n:
            part = piece(k)
            parts.append(part)
            size += len(part)
            k += 1
        return "".join(parts)[:n]

    return make


def cycle(items: Sequence[str], frame: str) -> Callable[[int], str]:
    """A generator that puts items, in turn, into frame's {} slot."""
    return stream(lambda k: frame.format(items[k % len(items)]))


@dataclass(frozen=True)
class Pattern:
    """A generated input: its name, what it exercises, and a text of n characters."""

    name: str
    group: str
    about: str
    make: Callable[[int], str]
    quick: bool = False


def patterns() -> list[Pattern]:
    """Return every pattern, the known-bad ones first."""
    lemmas = cue_lemmas()
    found: list[Pattern] = [
        Pattern(
            "according-to",
            "known-bad",
            '"according to" over and over',
            cycle(["according to"], "{} "),
            quick=True,
        ),
        Pattern(
            "dash-attribution",
            "known-bad",
            "a dash attribution over and over",
            cycle(["— Commissioner Lee —"], "{} "),
            quick=True,
        ),
        Pattern(
            "titled-names",
            "known-bad",
            "a run of titled names",
            cycle(["Mr Smith", "Mrs Smith", "Dr Smith"], "{} "),
            quick=True,
        ),
        Pattern("bare-said", "cues", '"said said said"', cycle(["said"], "{} "), quick=True),
    ]
    for kind, words in lemmas.items():
        forms = [past(w) for w in words]
        found.append(
            Pattern(f"bare-{kind}", "cues", f"every {kind} cue, bare", cycle(forms, "{} "))
        )
        found.append(
            Pattern(
                f"that-{kind}",
                "cues",
                f'every {kind} cue in "Ann Lee X that the plan failed", no full stops',
                cycle(forms, "Ann Lee {} that the plan failed "),
                quick=kind == "speech",
            )
        )
        found.append(
            Pattern(
                f"quoted-{kind}",
                "cues",
                f'every {kind} cue after a quote: ""The plan failed," Ann Lee X."',
                cycle(forms, '"The plan failed," Ann Lee {}. '),
                quick=kind == "speech",
            )
        )
    all_titles = titles()
    found += [
        Pattern(
            "titles-all",
            "titles",
            'every title before a surname: "Mr Smith Mrs Smith Ms Smith ..."',
            cycle(all_titles, "{} Smith "),
        ),
        Pattern(
            "titles-said",
            "titles",
            'every title in a cue: ""We will win," said Mr Lee."',
            cycle(all_titles, '"We will win," said {} Lee. '),
        ),
        Pattern(
            "dash-chain",
            "layout",
            'one dash per attribution: "— Commissioner Lee — Commissioner Lee"',
            cycle(["— Commissioner Lee"], "{} "),
        ),
        Pattern(
            "colon-bare", "layout", '"Lee: " over and over', cycle(["Lee:"], "{} "), quick=True
        ),
        Pattern(
            "colon-quote",
            "layout",
            'a colon cue: Lee: "We will win."',
            stream(lambda k: f'{person(k)[1]}: "We will win." '),
            quick=True,
        ),
        Pattern(
            "dash-dialogue",
            "layout",
            "dash-dialogue paragraphs: —We will win, Ann said.",
            stream(lambda k: f"—We will win, {person(k)[0]} said.\n\n"),
        ),
        Pattern(
            "pull-quotes",
            "layout",
            "pull-quote markers, a paragraph each",
            stream(
                lambda k: "Start Quote We will win End Quote {} {} Mayor\n\n".format(*person(k))
            ),
            quick=True,
        ),
        Pattern(
            "pull-quotes-inline",
            "layout",
            "pull-quote markers in one paragraph",
            cycle(["Start Quote We will win End Quote Jane Doe Mayor"], "{} "),
        ),
        Pattern(
            "according-to-frame",
            "layout",
            '"According to Ann Lee, the plan failed."',
            stream(lambda k: "According to {} {}, the plan failed. ".format(*person(k))),
        ),
        Pattern(
            "dialogue-turns",
            "speakers",
            "short paragraphs of dialogue, most quotes without a cue",
            stream(_dialogue_turns),
            quick=True,
        ),
        Pattern(
            "uncued-run-on",
            "speakers",
            "quotes without a cue in one paragraph with no full stop",
            cycle(['then "we will win the vote today and build the bridge soon" and'], "{} "),
            quick=True,
        ),
        Pattern(
            "pronoun-chain",
            "speakers",
            '"He said. She said."',
            cycle(["He said. She said."], "{} "),
        ),
        Pattern(
            "pronoun-names",
            "speakers",
            "a new person, then quotes cued by pronouns",
            stream(_pronoun_names),
            quick=True,
        ),
        Pattern(
            "many-names",
            "speakers",
            "thousands of distinct people, each by full name, surname and pronoun",
            stream(_many_names(many_first_names())),
        ),
        Pattern(
            "shared-surname",
            "speakers",
            'many people with one surname: ""Yes," said Ann Smith. "No," Smith said."',
            stream(_shared_surname(many_first_names())),
            quick=True,
        ),
        Pattern(
            "indirect-chain",
            "speakers",
            '"Ann Lee said that Bob Reed told Cara Diaz that ..." with no end',
            cycle(["Ann Lee said that Bob Reed told Cara Diaz that"], "{} "),
        ),
        Pattern(
            "indirect-sentences",
            "speakers",
            '"Ann Lee said that Bob Reed told Cara Diaz that the plan failed."',
            stream(_indirect_sentence),
            quick=True,
        ),
        Pattern(
            "ocr-no-punct",
            "speakers",
            "prose with cues and names but no punctuation or line breaks at all",
            stream(_no_punctuation),
            quick=True,
        ),
        Pattern(
            "unclosed-quote",
            "speakers",
            "one opening quotation mark, then cued prose to the end",
            stream(lambda k: ('"' if k == 0 else "") + "Ann Lee said that the plan failed "),
        ),
        Pattern(
            "mixed-fragments",
            "speakers",
            'quoted fragments in reported speech: called the plan "a total disaster"',
            cycle(['Ann Lee called the plan "a total disaster" and "a mess"'], "{} "),
        ),
        Pattern(
            "report-nouns",
            "speakers",
            '"Her claim that the plan failed was repeated."',
            cycle(REPORT_NOUNS, "Her {} that the plan failed was repeated. "),
        ),
        Pattern(
            "person-nouns",
            "speakers",
            'every noun of data/person_nouns.txt: "A girl came in. The girl said that ..."',
            stream(_person_nouns([row[0] for row in data_rows("person_nouns.txt")])),
        ),
        Pattern(
            "narrator",
            "speakers",
            'an "I" narrator addressed by name: ""Come in, Arthur," she said. "Thanks," I said."',
            cycle(['"Come in, Arthur," she said. "Thank you," I said.'], "{} "),
        ),
        Pattern(
            "prose",
            "baseline",
            "ordinary news prose: a named cue, a quote, a pronoun, reported speech",
            cycle(
                [
                    'Jane Doe, the mayor, said that the plan was good. "We will build it," '
                    'she said. Officials told reporters that "the work is done."'
                ],
                "{} ",
            ),
            quick=True,
        ),
    ]
    return found


def _dialogue_turns(k: int) -> str:
    """Two people named once, then turns that only the layout attributes."""
    (a, _, _), (b, _, _) = person(2 * k), person(2 * k + 1)
    return (
        f'{a} said, "Hello there."\n\n{b} said, "Hi."\n\n'
        f'"How are you today?"\n\n"Fine, thanks."\n\n"And the plan?"\n\n"It failed."\n\n'
    )


def _pronoun_names(k: int) -> str:
    first, last, gender = person(k)
    pronoun = "she" if gender == "f" else "he"
    return f'{first} {last} arrived. "We will win," {pronoun} said. "We lost," {pronoun} added. '


def _many_names(firsts: Sequence[tuple[str, str]]) -> Callable[[int], str]:
    def piece(k: int) -> str:
        (first, gender), last = firsts[k % len(firsts)], LAST[k % len(LAST)]
        pronoun = "she" if gender == "f" else "he"
        return f'"We will win," said {first} {last}. "Yes," {last} said. "No," {pronoun} said. '

    return piece


def _shared_surname(firsts: Sequence[tuple[str, str]]) -> Callable[[int], str]:
    def piece(k: int) -> str:
        first = firsts[k % len(firsts)][0]
        return f'"Yes," said {first} Smith. "No," Smith said. '

    return piece


def _indirect_sentence(k: int) -> str:
    (a, b, c) = (" ".join(person(3 * k + j)[:2]) for j in range(3))
    return f"{a} said that {b} told {c} that the plan failed. "


def _no_punctuation(k: int) -> str:
    (a, b, c) = (" ".join(person(3 * k + j)[:2]) for j in range(3))
    return (
        f"{a} said the plan failed {b} told reporters they would win the vote "
        f"{c} added that it was over and she said we will build it "
    )


def _person_nouns(nouns: Sequence[str]) -> Callable[[int], str]:
    def piece(k: int) -> str:
        noun = nouns[k % len(nouns)]
        article = "An" if noun[0] in "aeiou" else "A"
        return f"{article} {noun} came in. The {noun} said that the plan failed. "

    return piece


def missing_triggers(selected: Iterable[Pattern], n: int) -> list[str]:
    """Return the cue lemmas and titles that none of the patterns' texts of n characters holds."""
    texts = [p.make(n) for p in selected]
    words = set()
    for text in texts:
        words.update(re.findall(r"[\w’'-]+", text.lower()))
    missing = [
        f"cue {lemma!r}"
        for group in cue_lemmas().values()
        for lemma in group
        if past(lemma).split()[0].lower() not in words
    ]
    missing += [f"title {t!r}" for t in titles() if t.lower() not in words]
    return missing


@dataclass
class Run:
    """One measurement of one pattern at one size."""

    chars: int
    parse_s: float  # nlp(text)
    extract_s: float  # Extractor.extract(text), parse included
    own_s: float  # Extractor.extract_doc(doc): quoteattr's own work, without the parse
    parse_calls: int  # Python calls of nlp(text)
    own_calls: int  # Python calls of Extractor.extract_doc(doc)
    quotes: int
    overlaps: int
    same_as_extract: bool  # extract_doc on nlp(text) gave what extract(text) gave


@dataclass
class Result:
    """A pattern measured at n and 2n."""

    pattern: str
    group: str
    about: str
    n: int
    capped: bool
    small: Run
    big: Run
    ratios: dict[str, float] = field(default_factory=dict)
    load: float = field(default_factory=lambda: _load())  # the machine's, when it ended

    def __post_init__(self) -> None:
        def ratio(a: float, b: float) -> float:
            return b / a if a > 0 else float("inf")

        self.ratios = {
            "extract": ratio(self.small.extract_s, self.big.extract_s),
            "own": ratio(self.small.own_s, self.big.own_s),
            "parse": ratio(self.small.parse_s, self.big.parse_s),
            "own_calls": ratio(self.small.own_calls, self.big.own_calls),
            "total_calls": ratio(
                self.small.own_calls + self.small.parse_calls,
                self.big.own_calls + self.big.parse_calls,
            ),
        }


def count_overlaps(quotes: Sequence[quoteattr.Quote]) -> int:
    """Count the quotes that overlap a quote before them in a way the library rules out.

    Quotes must not overlap, except that an indirect or mixed quote may hold another
    indirect or mixed quote whole. A stack of the quotes still open at each start holds the
    nest, so each quote is checked against the innermost one that reaches past its start.
    """
    bad = 0
    stack: list[quoteattr.Quote] = []
    for q in sorted(quotes, key=lambda q: (q.start, -q.end)):
        while stack and stack[-1].end <= q.start:
            stack.pop()
        if stack:
            outer = stack[-1]
            nested = outer.kind in NESTABLE and q.kind in NESTABLE and q.end <= outer.end
            bad += not nested
        stack.append(q)
    return bad


class Bench:
    """Measures patterns with one Extractor and its pipeline."""

    def __init__(self, model: str | None, profile_dir: Path | None) -> None:
        self.extractor = quoteattr.Extractor(model)
        self.nlp = self.extractor.nlp
        self.profile_dir = profile_dir
        if profile_dir is not None:
            profile_dir.mkdir(parents=True, exist_ok=True)

    def warm_up(self, selected: Iterable[Pattern]) -> None:
        """Extract from a short text of each pattern, to fill the library's caches."""
        for p in selected:
            self.extractor.extract(p.make(400))

    def measure(self, pattern: Pattern, chars: int) -> Run:
        """Time and count the calls of extracting from the pattern's text of chars characters."""
        text = pattern.make(chars)
        parse_s, doc = _timed(lambda: self.nlp(text))
        extract_s, quotes = _timed(lambda: self.extractor.extract(text))
        own_s, again = _timed(lambda: self.extractor.extract_doc(doc), repeat=True)

        gc.collect()
        profile = cProfile.Profile()
        profile.enable()
        doc = self.nlp(text)
        profile.disable()
        parse_calls = Stats(profile).total_calls  # type: ignore[attr-defined]
        gc.collect()
        profile = cProfile.Profile()
        profile.enable()
        self.extractor.extract_doc(doc)
        profile.disable()
        stats = Stats(profile)
        if self.profile_dir is not None:
            stats.dump_stats(self.profile_dir / f"{pattern.name}-{chars}.prof")
        return Run(
            chars=chars,
            parse_s=parse_s,
            extract_s=extract_s,
            own_s=own_s,
            parse_calls=parse_calls,
            own_calls=stats.total_calls,  # type: ignore[attr-defined]
            quotes=len(quotes),
            overlaps=count_overlaps(quotes),
            same_as_extract=again == quotes,
        )

    def measure_apart(self, pattern: Pattern, chars: int) -> Run:
        """measure() in a child process forked from this one, where the OS can fork.

        Under a profiler, spaCy's Cython generators (``Doc.__iter__``) leave a frame behind
        per call, which keeps its Doc alive: measured in this process, patterns would slow
        each other down and memory would grow by gigabytes. A forked child starts from the
        warmed-up pipeline and takes its leaks with it when it exits.
        """
        if "fork" not in multiprocessing.get_all_start_methods():
            return self.measure(pattern, chars)
        context = multiprocessing.get_context("fork")
        receive, send = context.Pipe(duplex=False)
        child = context.Process(target=self._measure_into, args=(send, pattern, chars))
        child.start()
        send.close()
        try:
            found = receive.recv()
        except EOFError:
            found = RuntimeError(f"the measuring process died (exit code {child.exitcode})")
        child.join()
        if isinstance(found, BaseException):
            raise found
        assert isinstance(found, Run)
        return found

    def _measure_into(self, send: Connection, pattern: Pattern, chars: int) -> None:
        try:
            send.send(self.measure(pattern, chars))
        except BaseException as err:  # handed to the parent, which raises it
            send.send(RuntimeError(f"{pattern.name} at {chars:,}: {err!r}"))
        finally:
            send.close()

    def pattern(self, pattern: Pattern, n: int, budget: float) -> Result:
        """Measure a pattern at n and 2n, halving n while extract at n is too slow to double."""
        small = self.measure_apart(pattern, n)
        big: Run | None = None
        while small.extract_s * PROJECTION > budget and n // 2 >= MIN_N:
            big, n = small, n // 2  # what was measured at n serves as 2n for n/2
            _progress(f"  {pattern.name}: {big.extract_s:.1f} s at {2 * n:,}; capping n to {n:,}")
            small = self.measure_apart(pattern, n)
        capped = big is not None
        if big is None:
            big = self.measure_apart(pattern, 2 * n)
        return Result(pattern.name, pattern.group, pattern.about, n, capped, small, big)


def _timed(fn: Callable[[], T], repeat: bool = False) -> tuple[float, T]:
    """Return the wall-clock seconds fn takes, and what it returns.

    With repeat, a call that takes less than REPEAT_UNDER seconds is made again, up to
    REPEATS times in all, and the shortest time is kept: a short time is mostly noise.
    """
    best = float("inf")
    gc.collect()
    for _ in range(REPEATS if repeat else 1):
        t0 = time.perf_counter()
        value = fn()
        best = min(best, time.perf_counter() - t0)
        if best >= REPEAT_UNDER:
            break
    return best, value


def _load() -> float:
    """The machine's load average over the last minute (NaN where the OS does not say)."""
    return os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")


def _progress(line: str) -> None:
    print(line, file=sys.stderr, flush=True)


def verdict(result: Result, threshold: float) -> str:
    """Say what is wrong with a result, if anything: "" when it is linear with no overlaps."""
    faults = []
    if result.ratios["own_calls"] > threshold:
        faults.append("super-linear")
    if result.small.overlaps or result.big.overlaps:
        faults.append("overlaps")
    return ", ".join(faults)


def table(results: Sequence[Result], threshold: float) -> str:
    """Return the results as a Markdown table."""
    head = (
        "| pattern | n | parse s (n / 2n) | extract s (n / 2n) | own s (n / 2n) "
        "| ratio extract | ratio own | calls ratio own | calls ratio total "
        "| quotes (n / 2n) | overlaps | load | verdict |"
    )
    rows = [head, "|" + " --- |" * 2 + " ---: |" * 10 + " --- |"]
    for r in results:
        s, b = r.small, r.big
        flags = [f for f in (verdict(r, threshold), "capped" if r.capped else "") if f]
        rows.append(
            f"| {r.pattern} | {r.n:,} | {s.parse_s:.2f} / {b.parse_s:.2f} "
            f"| {s.extract_s:.2f} / {b.extract_s:.2f} | {s.own_s:.2f} / {b.own_s:.2f} "
            f"| {r.ratios['extract']:.2f} | {r.ratios['own']:.2f} "
            f"| {r.ratios['own_calls']:.2f} | {r.ratios['total_calls']:.2f} "
            f"| {s.quotes:,} / {b.quotes:,} | {s.overlaps + b.overlaps} | {r.load:.1f} "
            f"| {', '.join(flags) or 'ok'} |"
        )
    return "\n".join(rows)


def machine(bench: Bench) -> dict[str, Any]:
    """What the results were measured on."""
    meta = bench.nlp.meta
    return {
        "date": datetime.date.today().isoformat(),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "load_average": _load(),
        "quoteattr": quoteattr.__version__,
        "quoteattr_path": str(Path(quoteattr.__file__).parent),
        "pipeline": f"{meta.get('lang', '?')}_{meta.get('name', '?')} {meta.get('version', '?')}",
    }


def plot(results: Sequence[Result], path: Path, threshold: float) -> bool:
    """Draw the call-count and time ratios of each pattern; False if matplotlib is missing."""
    if importlib.util.find_spec("matplotlib") is None:
        return False
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    names = [r.pattern for r in results]
    fig, ax = plt.subplots(figsize=(8, 0.3 * len(results) + 1.5))
    ys = range(len(results))
    ax.barh([y + 0.2 for y in ys], [r.ratios["own_calls"] for r in results], 0.4, label="calls")
    ax.barh([y - 0.2 for y in ys], [r.ratios["own"] for r in results], 0.4, label="own time")
    ax.axvline(2.0, color="grey", linestyle=":", label="linear")
    ax.axvline(threshold, color="red", linestyle="--", label="threshold")
    ax.set_yticks(list(ys), names)
    ax.invert_yaxis()
    ax.set_xlabel("cost at 2n / cost at n")
    ax.legend(loc="lower right")
    fig.tight_layout()
    fig.savefig(path, dpi=120)
    plt.close(fig)
    return True


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, help=f"characters (default {DEFAULT_N:,}; quick: 4,000)")
    parser.add_argument("--quick", action="store_true", help="a few patterns at n=4,000, for CI")
    parser.add_argument(
        "--check",
        action="store_true",
        help="exit 1 if a ratio exceeds --threshold or quotes overlap",
    )
    parser.add_argument("--threshold", type=float, default=THRESHOLD)
    parser.add_argument(
        "--budget", type=float, default=BUDGET, help="seconds allowed for extract at 2n"
    )
    parser.add_argument("--only", action="append", metavar="NAME", help="run only these patterns")
    parser.add_argument("--list", action="store_true", help="list the patterns and stop")
    parser.add_argument("--model", help="spaCy pipeline (default: quoteattr's default)")
    parser.add_argument("--json", type=Path, help="write the results here")
    parser.add_argument("--plot", type=Path, help="draw the ratios here (needs matplotlib)")
    parser.add_argument("--profile-dir", type=Path, help="save each run's cProfile data here")
    args = parser.parse_args(argv)

    every = patterns()
    known = {p.name for p in every}
    unknown = sorted(set(args.only or []) - known)
    if unknown:
        parser.error(f"unknown pattern(s) {', '.join(unknown)}; see --list")
    selected = [
        p for p in every if (p.name in args.only if args.only else p.quick or not args.quick)
    ]
    n = args.n or (QUICK_N if args.quick else DEFAULT_N)
    if args.list:
        for p in every:
            print(f"{p.name:20} {p.group:10} {'quick' if p.quick else '':5} {p.about}")
        return 0
    if not args.quick and not args.only:
        missing = missing_triggers(selected, n)
        if missing:  # a lexicon entry the patterns above do not reach: add it to one
            _progress(f"warning: no pattern holds {', '.join(missing)} at n={n:,}")

    bench = Bench(args.model, args.profile_dir)
    bench.warm_up(selected)
    info = machine(bench)
    _progress(f"{info['pipeline']}, quoteattr {info['quoteattr']} from {info['quoteattr_path']}")
    results: list[Result] = []
    for p in selected:
        started = time.perf_counter()
        result = bench.pattern(p, n, args.budget)
        results.append(result)
        _progress(
            f"{p.name:20} n={result.n:>6,}  calls x{result.ratios['own_calls']:.2f}  "
            f"own time x{result.ratios['own']:.2f}  ({time.perf_counter() - started:.0f} s)"
        )

    print(table(results, args.threshold))
    if args.json:
        report = {
            "machine": info,
            "settings": {"n": n, "threshold": args.threshold, "budget": args.budget},
            "results": [asdict(r) for r in results],
        }
        args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    if args.plot and not plot(results, args.plot, args.threshold):
        _progress("matplotlib is not installed: no plot")
    mismatched = [
        r.pattern for r in results if not (r.small.same_as_extract and r.big.same_as_extract)
    ]
    if mismatched:
        _progress(f"note: extract_doc(nlp(text)) differed from extract(text) on {mismatched}")
    failed = [
        (r.pattern, verdict(r, args.threshold)) for r in results if verdict(r, args.threshold)
    ]
    if args.check and failed:
        print(f"\nFAILED (threshold {args.threshold}):", file=sys.stderr)
        for name, why in failed:
            ratio = next(r.ratios["own_calls"] for r in results if r.pattern == name)
            print(f"  {name}: {why} (calls ratio {ratio:.2f})", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
