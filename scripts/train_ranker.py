"""Train the speaker ranker (quoteattr/_people/ranker.py) on LitBank and measure it held out.

Usage: python scripts/train_ranker.py --data litbank.jsonl [--folds 5] [--l2 0.01] [--steps 600]
       [--rate 0.1] [--cache DIR] [--out src/quoteattr/data/speaker_ranker.json]
       [--pred PRED.jsonl] [--mode default|fast]

LitBank (Sims and Bamman 2020) is CC BY 4.0; its quotations, in the format of docs/evaluate.md
with each document's characters, are all the script needs. Each direct quote the rules
attribute becomes a choice among the people near it (`ranker.choices`: the ranker chooses only
for the quotes the rules found no speaker for, but learns from all); a person is right when
its canonical name is one of the speaking character's names and no other character's, as
`quoteattr.evaluate` counts character accuracy. The model is a conditional logit: a person's
probability is the softmax of its score over the quote's candidates, trained by full-batch
gradient descent (Adam) with an L2 penalty, with numpy only.

The figure to report is the cross-validated one: the excerpts are split into FOLDS folds (the
k-th excerpt in fold k mod FOLDS), each fold's quotes are ranked by weights trained on the other
folds, and the predictions of all folds (written to PRED) are scored with `quoteattr.evaluate`.
The weights that ship are then trained on every excerpt and written to OUT with a record of how:
the settings, the cross-validated figures, the data file's sha256 and the spaCy pipeline. The
run is deterministic. With --mode fast, the fast mode's quotes are ranked in the
cross-validation and no weights are written (the shipped ones are the default mode's).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path
from typing import Any

import numpy as np
import spacy.about
from evaluate import parse, record

import quoteattr
from quoteattr._core.confidence import with_confidence
from quoteattr._core.pipeline import ByRules, by_rules
from quoteattr._doc.model import load_pipeline
from quoteattr._evaluate.match import character_name, pairs, trimmed
from quoteattr._people.ranker import Features, choices, ranked, spoken_by

WEIGHTS = Path(__file__).resolve().parents[1] / "src" / "quoteattr" / "data" / "speaker_ranker.json"


def labelled(gold: dict[str, Any], one: ByRules) -> list[tuple[list[Features], list[bool]]]:
    """The choices of one document whose quote matches a gold quote, each candidate marked right
    or wrong, as `quoteattr.evaluate` judges a character."""
    owners: dict[str, set[str]] = {}
    for main, aliases in gold.get("characters", {}).items():
        for alias in aliases:
            owners.setdefault(character_name(alias), set()).add(main)
    text, quotes = gold["text"], one.quotes
    g = [(q.get("speaker"), trimmed(text, q["start"], q["end"])) for q in gold["quotes"]]
    g = [(who, span) for who, span in g if span[1] > span[0]]
    mine = [(k, trimmed(text, q.start, q.end)) for k, q in enumerate(quotes)]
    mine = [(k, span) for k, span in mine if span[1] > span[0]]
    matched = pairs([span for _, span in g], [span for _, span in mine])
    speaker_of = {mine[j][0]: g[i][0] for i, j in matched}
    spoke = spoken_by(quotes)
    found = []
    for choice in choices(quotes, one.people, one.paragraph_starts, every=True):
        who = speaker_of.get(choice.quote)
        if who is None:
            continue
        features = [
            f | choice.turn_features(p.id, spoke)
            for p, f in zip(choice.people, choice.features, strict=True)
        ]
        right = [owners.get(character_name(c.name)) == {who} for c in choice.people]
        found.append((features, right))
    return found


def train(
    examples: list[tuple[list[Features], list[bool]]], l2: float, steps: int, rate: float
) -> dict[str, float]:
    """Fit the weights of the features on the choices that have a right candidate."""
    examples = [(c, r) for c, r in examples if any(r)]
    names = sorted({name for features, _ in examples for f in features for name in f})
    column = {name: k for k, name in enumerate(names)}
    sizes = [len(features) for features, _ in examples]
    x = np.zeros((sum(sizes), len(names)))
    row = 0
    for features, _ in examples:
        for f in features:
            for name, value in f.items():
                x[row, column[name]] = value
            row += 1
    y = np.array([r for _, right in examples for r in right], dtype=float)
    first = np.cumsum([0, *sizes[:-1]])  # each choice's first row
    owner = np.repeat(np.arange(len(sizes)), sizes)  # each row's choice
    w = np.zeros(len(names))
    m = np.zeros_like(w)
    v = np.zeros_like(w)
    for step in range(1, steps + 1):  # Adam on the mean negative log-likelihood
        s = x @ w
        p = np.exp(s - np.maximum.reduceat(s, first)[owner])
        p /= np.add.reduceat(p, first)[owner]
        q = p * y / np.add.reduceat(p * y, first)[owner]  # the right candidates' share
        grad = l2 * w + x.T @ (p - q) / len(sizes)
        m = 0.9 * m + 0.1 * grad
        v = 0.999 * v + 0.001 * grad**2
        w -= rate * (m / (1 - 0.9**step)) / (np.sqrt(v / (1 - 0.999**step)) + 1e-8)
    return {name: round(float(w[k]), 4) for name, k in column.items()}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", required=True, help="LitBank's quotations, one JSON a line")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--l2", type=float, default=0.01, help="L2 penalty on the weights")
    ap.add_argument("--steps", type=int, default=600, help="steps of gradient descent")
    ap.add_argument("--rate", type=float, default=0.1, help="Adam's learning rate")
    ap.add_argument("--cache", default="/tmp/quoteattr-cache")
    ap.add_argument("--out", default=str(WEIGHTS))
    ap.add_argument("--pred", default="/tmp/litbank.ranked.pred")
    ap.add_argument(
        "--mode",
        choices=["default", "fast"],
        default="default",
        help="rank this mode's attributions in the cross-validation (weights are "
        "trained on the default mode's, as the shipped ones)",
    )
    a = ap.parse_args()
    settings = {"folds": a.folds, "l2": a.l2, "steps": a.steps, "rate": a.rate, "optimiser": "Adam"}
    data = Path(a.data)
    golds = [json.loads(line) for line in data.open(encoding="utf-8") if line.strip()]
    nlp = load_pipeline(None)
    docs = parse(nlp, golds, Path(a.cache) / data.stem)
    attributed = [by_rules(doc, "default") for doc in docs]
    to_rank = attributed if a.mode == "default" else [by_rules(doc, a.mode) for doc in docs]
    examples = [labelled(g, one) for g, one in zip(golds, attributed, strict=True)]
    fit = {k: settings[k] for k in ("l2", "steps", "rate")}
    held_out: list[list[quoteattr.Quote]] = [[] for _ in golds]
    for fold in range(a.folds):
        weights = train(
            [e for k, ex in enumerate(examples) if k % a.folds != fold for e in ex], **fit
        )
        for k, one in enumerate(to_rank):
            if k % a.folds == fold:
                quotes = ranked(one.quotes, one.people, one.paragraph_starts, weights)
                held_out[k] = with_confidence(quotes, a.mode == "default", one.fiction)
    with open(a.pred, "w", encoding="utf-8") as out:
        for g, quotes in zip(golds, held_out, strict=True):
            out.write(json.dumps({"id": g["id"], "quotes": [record(q) for q in quotes]}) + "\n")
    scores = quoteattr.evaluate(golds, predictions=held_out)
    alone = quoteattr.evaluate(golds, predictions=[one.quotes for one in to_rank])
    print(f"cross-validated, {a.folds} folds, predictions in {a.pred}:", file=sys.stderr)
    print(scores.report())
    print(f"rules alone: character accuracy {figure(alone.character)}")
    if a.mode != "default":
        print("weights not written: the shipped ones are the default mode's", file=sys.stderr)
        return
    weights = train([e for ex in examples for e in ex], **fit)
    made = {
        "trained_on": "LitBank (Sims and Bamman 2020), CC BY 4.0",
        "script": "scripts/train_ranker.py",
        "data": {
            "file": data.name,
            "sha256": hashlib.sha256(data.read_bytes()).hexdigest(),
            "documents": len(golds),
            "choices": sum(len(ex) for ex in examples),
        },
        "settings": settings,
        "pipeline": {
            "name": f"{nlp.meta['lang']}_{nlp.meta['name']}",
            "version": nlp.meta["version"],
            "spacy": spacy.about.__version__,
        },
        "cross_validated": {
            "character": scores.character.to_dict() if scores.character else None,
            "rules_alone": alone.character.to_dict() if alone.character else None,
            "speaker": scores.speaker.to_dict(),
            "name": scores.name.to_dict(),
        },
        "weights": dict(sorted(weights.items())),
    }
    Path(a.out).write_text(json.dumps(made, indent=1) + "\n", encoding="utf-8")
    print(f"weights trained on all {len(golds)} documents: {a.out}", file=sys.stderr)


def figure(accuracy: quoteattr.Accuracy | None) -> str:
    if accuracy is None or accuracy.value is None:
        return "n/a"
    return f"{100 * accuracy.value:.1f} ({accuracy.right} of {accuracy.total})"


if __name__ == "__main__":
    main()
