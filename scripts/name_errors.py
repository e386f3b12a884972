"""List the matched quotes whose speaker name is wrong, grouped, to find error classes.

Usage: python scripts/name_errors.py GOLD.jsonl PRED.jsonl [--limit N]

Uses ../shared/eval/score.py's matching and name normalisation, so a quote listed here is one
score.py counts against name accuracy. Prints: predicted name <- gold name | rule | mention.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
from collections import Counter
from pathlib import Path

SCORER = Path(__file__).resolve().parents[2] / "shared" / "eval" / "score.py"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("gold")
    ap.add_argument("pred")
    ap.add_argument("--limit", type=int, default=200)
    a = ap.parse_args()
    spec = importlib.util.spec_from_file_location("score", SCORER)
    assert spec and spec.loader
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    with open(a.gold, encoding="utf-8") as golds, open(a.pred, encoding="utf-8") as preds:
        gold = {d["id"]: d for d in map(json.loads, golds)}
        pred = {d["id"]: d for d in map(json.loads, preds)}
    wrong: list[str] = []
    rules: Counter[str] = Counter()
    total = 0
    for doc_id, g in gold.items():
        text = g["text"]
        gq = score.prepare(text, g["quotes"])
        pq = score.prepare(text, pred.get(doc_id, {}).get("quotes", []))
        for i, j in score.match(gq, pq, exact=False):
            if not (gq[i].get("speaker") and gq[i].get("canonical", True)):
                continue
            total += 1
            gn, pn = score.norm_name(gq[i]["speaker"]), score.norm_name(pq[j].get("speaker"))
            if gn == pn:
                continue
            m = pq[j].get("speaker_mention")
            mention = text[m[0] : m[1]] if m else "-"
            rule = pq[j].get("rule", "?")
            rules[rule] += 1
            wrong.append(
                f"{pq[j].get('speaker')!s:30} <- {gq[i]['speaker']:30} | {rule:12} | {mention}"
            )
    print(f"{len(wrong)} wrong of {total}; by rule: {dict(rules.most_common())}")
    print("\n".join(wrong[: a.limit]))


if __name__ == "__main__":
    main()
