"""Time quoteattr against input length on hostile inputs, to show it stays (near) linear.

Usage:
    python bench/hostile.py [--sizes 10000 100000 1000000] [--full-max 100000] [--only NAME]

For each hostile generator and each size, prints the time of the pure-text stages
(paragraphs, quotation marks, pull-quote markers) and of the whole extractor (spaCy parse
included) up to --full-max characters, and the time per 1,000 characters: a column that
stays flat as the size grows means linear time; one that grows with the size means
super-linear time. No text here comes from real articles: every input is generated.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Callable
from typing import ParamSpec

import quoteattr
from quoteattr._detect.layout import pull_quotes
from quoteattr._detect.marks import ALL_MARKS, marked_spans, paragraphs

P = ParamSpec("P")


def _repeat(unit: str) -> Callable[[int], str]:
    def make(n: int) -> str:
        return (unit * (n // len(unit) + 1))[:n]

    return make


def _random_marks(n: int) -> str:
    rng = random.Random(6)
    atoms = [*ALL_MARKS, "``", "''", " ", "\n", "word", "he said", "'s"]
    out: list[str] = []
    size = 0
    while size < n:
        atom = rng.choice(atoms)
        out.append(atom)
        size += len(atom)
    return "".join(out)[:n]


def _unclosed(n: int) -> str:
    return ('"' + "the words go on and on " * (n // 23 + 1))[:n]


def _nested(n: int) -> str:
    half = n // 2
    return ("“‘" * (half // 2 + 1))[:half] + ("’”" * (half // 2 + 1))[: n - half]


GENERATORS: dict[str, Callable[[int], str]] = {
    # Prose with a quote, a cue and a pronoun every sentence: the most work per character.
    "prose-quotes": _repeat(
        'Jane Doe, the mayor, said that the plan was good. "We will build it," she said. '
        'Officials told reporters that "the work is done." '
    ),
    "only-double-marks": _repeat('"'),
    "random-marks": _random_marks,
    "nested-openers": _nested,
    "unclosed-quote": _unclosed,
    "no-spaces": _repeat("abcdefghij"),
    "apostrophes": _repeat("rock 'n' roll don't '90s Guards' guns 'tis "),
    "crlf-paragraphs": _repeat('"Yes," he said.\r\n\r\n'),
    "pull-markers": _repeat("Start Quote We will win End Quote Jane Doe Mayor\n\n"),
    "pulls-and-quotes": _repeat(
        'Start Quote We will win End Quote Jane Doe Mayor\n\n"We will build it," she said.\n\n'
    ),
    "start-markers-only": _repeat("Start Quote we will "),
}


def _time(fn: Callable[P, object], *args: P.args, **kwargs: P.kwargs) -> float:
    t0 = time.perf_counter()
    fn(*args, **kwargs)
    return time.perf_counter() - t0


def _pure_text(text: str) -> None:
    paras = paragraphs(text)
    marked_spans(text, paras)
    pull_quotes(text, paras)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--full-max", type=int, default=100_000, help="largest size to parse")
    parser.add_argument("--only", choices=sorted(GENERATORS), action="append")
    args = parser.parse_args(argv)

    extractor = quoteattr.Extractor()
    extractor.extract("Warm up.")  # load the pipeline outside the timings

    print(f"{'input':20} {'chars':>9} {'text s':>8} {'ms/1k':>7} {'full s':>8} {'ms/1k':>7}")
    for name, make in GENERATORS.items():
        if args.only and name not in args.only:
            continue
        for size in args.sizes:
            text = make(size)
            pure = _time(_pure_text, text)
            row = f"{name:20} {size:>9,} {pure:>8.3f} {1000 * pure / size * 1000:>7.3f}"
            if size <= args.full_max:
                full = _time(extractor.extract, text)
                row += f" {full:>8.2f} {1000 * full / size * 1000:>7.2f}"
            print(row, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
