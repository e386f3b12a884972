"""The front door of the evaluation: `evaluate` scores quoteattr (or given quotes) on gold
annotations, and ``quoteattr evaluate GOLD`` prints the scores."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from .._core.pipeline import MODES
from .._errors import QuoteattrError
from .._evaluate.gold import gold_documents, predicted
from .._evaluate.scores import Evaluation
from .._evaluate.tally import evaluation_of
from .._types import Quote
from .api import Extractor

if TYPE_CHECKING:
    from spacy.language import Language

OK, CANNOT_RUN = 0, 2


def evaluate(
    gold: str | os.PathLike[str] | Iterable[Mapping[str, Any]],
    *,
    predictions: Iterable[Sequence[Quote]] | None = None,
    nlp: str | Language | None = None,
    mode: str = "default",
    batch_size: int = 32,
    n_process: int = 1,
) -> Evaluation:
    """Score the quotes quoteattr finds in annotated texts against their annotations.

    The gold format and the rules each figure is counted by are in docs/evaluate.md; they
    are those of the figures in docs/accuracy.md.

    Args:
        gold: A JSON lines file of annotated documents (its path), or the documents as dicts.
        predictions: The quotes to score, a list for each gold document in order; None to
            find them with quoteattr.
        nlp: The spaCy pipeline to find them with, as for `Extractor`.
        mode: ``"default"`` or ``"fast"``, as for `Extractor`.
        batch_size: Texts parsed together.
        n_process: Processes to use, as for `Extractor.pipe`.

    Returns:
        The scores, with the counts they come from.

    Raises:
        GoldFormatError: The gold is not in the documented format.
        OSError: The gold file cannot be read.
        ValueError: mode is not "default" or "fast", or predictions has not one list of
            quotes for each gold document.
    """
    documents = gold_documents(gold)
    if predictions is None:
        extractor = Extractor(nlp, mode=mode)
        texts = (doc.text for doc in documents)
        predictions = extractor.pipe(texts, batch_size=batch_size, n_process=n_process)
    found = [predicted(quotes) for quotes in predictions]
    if len(found) != len(documents):
        raise ValueError(
            f"{len(found)} lists of predictions for {len(documents)} gold documents; "
            "give one list of quotes for each document, in order"
        )
    return evaluation_of(documents, found)


def evaluate_main(argv: Sequence[str]) -> int:
    """Run ``quoteattr evaluate`` with its arguments; return the exit code."""
    args = _evaluate_parser().parse_args(argv)
    try:
        scores = evaluate(
            args.gold,
            nlp=args.model,
            mode=args.mode,
            batch_size=args.batch_size,
            n_process=args.n_process,
        )
    except QuoteattrError as err:
        print(f"quoteattr evaluate: error: {err}", file=sys.stderr)
        return CANNOT_RUN
    except OSError as err:
        print(f"quoteattr evaluate: error: {args.gold}: {err.strerror or err}", file=sys.stderr)
        return CANNOT_RUN
    print(json.dumps(scores.to_dict()) if args.json else scores.report())
    return OK


def _evaluate_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="quoteattr evaluate",
        description="Score quoteattr on annotated texts: quotes found, speakers and names "
        "right, and how well the confidence tells it (docs/evaluate.md).",
    )
    parser.add_argument("gold", metavar="GOLD", help="annotated documents, one JSON a line")
    parser.add_argument("--mode", choices=MODES, default="default", help="default or fast")
    parser.add_argument("--json", action="store_true", help="print the scores as one JSON")
    parser.add_argument("-m", "--model", metavar="NAME", help="spaCy pipeline to use")
    parser.add_argument(
        "-n", "--n-process", type=int, default=1, metavar="N", help="processes (default: 1)"
    )
    parser.add_argument(
        "-b", "--batch-size", type=int, default=32, metavar="N", help="texts per batch"
    )
    return parser
