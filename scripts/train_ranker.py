"""Train the speaker ranker (quoteattr/_people/ranker.py) on LitBank and measure it held out.

Usage: python scripts/train_ranker.py ../shared/data/litbank.jsonl [--folds 5] [--cache DIR]
       [--out src/quoteattr/data/speaker_ranker.json] [--pred PRED.jsonl] [--mode default|fast]

LitBank (Sims and Bamman 2020) is CC BY 4.0. Each direct quote the rules attribute becomes
a choice among the people near it (`ranker.choices`: the ranker chooses only for the quotes
the rules found no speaker for, but learns from all); a person is right when its canonical
name is one of the speaking character's names and no other character's, as
../shared/eval/score_characters.py counts it. The model is a conditional logit: a person's
probability is the softmax of its score over the quote's candidates, trained by full-batch
gradient descent with an L2 penalty, with numpy only.

The figure to report is the cross-validated one: the excerpts are split into FOLDS folds, each
fold's quotes are ranked by weights trained on the other folds, and the predictions of all
folds (written to PRED) are scored with score_characters.py and score.py. The weights that ship
are then trained on every excerpt. The run is deterministic.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

import numpy as np
from evaluate import parse, record

from quoteattr._core.pipeline import ByRules, by_rules
from quoteattr._doc.model import load_pipeline
from quoteattr._people.ranker import Features, choices, ranked, spoken_by

EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval"
sys.path.insert(0, str(EVAL))
import score  # noqa: E402
import score_characters  # noqa: E402

L2 = 0.01
STEPS = 600
RATE = 0.1


def labelled(gold: dict, one: ByRules) -> list[tuple[list[Features], list[bool]]]:
    """The choices of one document whose quote matches a gold quote, each candidate marked right
    or wrong, as score_characters.py would judge it."""
    owners: dict[str, set[str]] = {}
    for main, aliases in gold.get("characters", {}).items():
        for alias in aliases:
            owners.setdefault(score_characters.norm(alias), set()).add(main)
    text, quotes = gold["text"], one.quotes
    g = score.prepare(text, gold["quotes"])
    mine = score.prepare(
        text, [{"start": q.start, "end": q.end, "k": k} for k, q in enumerate(quotes)]
    )
    speaker_of = {mine[j]["k"]: g[i]["speaker"] for i, j in score.match(g, mine, exact=False)}
    spoke = spoken_by(quotes)
    found = []
    for choice in choices(quotes, one.people, one.paragraph_starts, every=True):
        who = speaker_of.get(choice.quote)
        if who is None:
            continue
        features = [
            f | choice.turn_features(p.id, spoke) for p, f in zip(choice.people, choice.features)
        ]
        right = [owners.get(score_characters.norm(c.name)) == {who} for c in choice.people]
        found.append((features, right))
    return found


def train(examples: list[tuple[list[Features], list[bool]]]) -> dict[str, float]:
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
    first = np.cumsum([0] + sizes[:-1])  # each choice's first row
    owner = np.repeat(np.arange(len(sizes)), sizes)  # each row's choice
    w = np.zeros(len(names))
    m = np.zeros_like(w)
    v = np.zeros_like(w)
    for step in range(1, STEPS + 1):  # Adam on the mean negative log-likelihood
        s = x @ w
        p = np.exp(s - np.maximum.reduceat(s, first)[owner])
        p /= np.add.reduceat(p, first)[owner]
        q = p * y / np.add.reduceat(p * y, first)[owner]  # the right candidates' share
        grad = L2 * w + x.T @ (p - q) / len(sizes)
        m = 0.9 * m + 0.1 * grad
        v = 0.999 * v + 0.001 * grad**2
        w -= RATE * (m / (1 - 0.9**step)) / (np.sqrt(v / (1 - 0.999**step)) + 1e-8)
    return {name: round(float(w[k]), 4) for name, k in column.items()}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("gold")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--cache", default="/tmp/quoteattr-cache")
    ap.add_argument(
        "--out",
        default=str(
            Path(__file__).resolve().parents[1]
            / "src"
            / "quoteattr"
            / "data"
            / "speaker_ranker.json"
        ),
    )
    ap.add_argument("--pred", default="/tmp/litbank.ranked.pred")
    ap.add_argument(
        "--mode",
        choices=["default", "fast"],
        default="default",
        help="rank this mode's attributions in the cross-validation (weights are "
        "trained on the default mode's, as the shipped ones)",
    )
    a = ap.parse_args()
    golds = [json.loads(line) for line in open(a.gold, encoding="utf-8") if line.strip()]
    nlp = load_pipeline(None)
    docs = parse(nlp, golds, Path(a.cache) / Path(a.gold).stem)
    attributed = [by_rules(doc, "default") for doc in docs]
    to_rank = attributed if a.mode == "default" else [by_rules(doc, a.mode) for doc in docs]
    examples = [labelled(g, one) for g, one in zip(golds, attributed)]
    with open(a.pred, "w", encoding="utf-8") as out:
        for fold in range(a.folds):
            weights = train([e for k, ex in enumerate(examples) if k % a.folds != fold for e in ex])
            for k, (g, one) in enumerate(zip(golds, to_rank)):
                if k % a.folds != fold:
                    continue
                quotes = ranked(one.quotes, one.people, one.paragraph_starts, weights)
                out.write(json.dumps({"id": g["id"], "quotes": [record(q) for q in quotes]}) + "\n")
    print(f"cross-validated, {a.folds} folds, predictions in {a.pred}:", file=sys.stderr)
    subprocess.run([sys.executable, str(EVAL / "score_characters.py"), a.gold, a.pred], check=True)
    subprocess.run([sys.executable, str(EVAL / "score.py"), a.gold, a.pred], check=True)
    weights = train([e for ex in examples for e in ex])
    data = {
        "trained_on": "LitBank (Sims and Bamman 2020), CC BY 4.0: " + Path(a.gold).name,
        "script": "scripts/train_ranker.py",
        "weights": dict(sorted(weights.items())),
    }
    Path(a.out).write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    print(f"weights trained on all {len(golds)} documents: {a.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
