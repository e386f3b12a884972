"""How often the speaker is right, by attribution rule and by confidence, on annotated data.

Usage: python scripts/calibration.py GOLD.jsonl PRED.jsonl [--names]

PRED is what scripts/evaluate.py writes (it records each quote's rule and confidence).
Quotes are matched to gold ones as ../shared/eval/score.py matches them, and a speaker is
right as score.py judges it (mention overlap, or the canonical name). With --names, over
the quotes whose gold speaker has a canonical name, the name is right as score.py's name
accuracy judges it (polnear_names.jsonl).
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "shared" / "eval"))
from score import match, norm_name, prepare, speaker_right  # noqa: E402

BINS = (0.0, 0.5, 0.7, 0.8, 0.9, 1.01)


def main() -> None:
    gold_path, pred_path = sys.argv[1:3]
    names = "--names" in sys.argv[3:]
    what = "name right" if names else "speaker right"
    gold = {d["id"]: d for d in map(json.loads, open(gold_path, encoding="utf-8"))}
    pred = {d["id"]: d for d in map(json.loads, open(pred_path, encoding="utf-8"))}
    by_rule: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    by_bin: dict[tuple[float, float], list[int]] = defaultdict(lambda: [0, 0])
    for doc_id, p in pred.items():
        text = gold[doc_id]["text"]
        g_quotes = prepare(text, gold[doc_id]["quotes"])
        p_quotes = prepare(text, p["quotes"])
        for i, j in match(g_quotes, p_quotes, exact=False):
            g, q = g_quotes[i], p_quotes[j]
            if names:
                if not (g.get("speaker") and g.get("canonical", True)):
                    continue
                ok = int(norm_name(g["speaker"]) == norm_name(q.get("speaker")))
            elif not (g.get("speaker") or g.get("speaker_mentions")):
                continue
            else:
                ok = int(speaker_right(g, q))
            by_rule[q["rule"]][0] += ok
            by_rule[q["rule"]][1] += 1
            lo, hi = next((a, b) for a, b in zip(BINS, BINS[1:]) if a <= q["confidence"] < b)
            by_bin[(lo, hi)][0] += ok
            by_bin[(lo, hi)][1] += 1
    print(f"| rule | quotes | {what} |\n| --- | ---: | ---: |")
    for rule, (ok, n) in sorted(by_rule.items(), key=lambda kv: -kv[1][1]):
        print(f"| {rule} | {n} | {100 * ok / n:.1f}% |")
    print(f"\n| confidence | quotes | {what} |\n| --- | ---: | ---: |")
    for (lo, hi), (ok, n) in sorted(by_bin.items()):
        print(f"| {lo:.1f} to {min(hi, 1.0):.1f} | {n} | {100 * ok / n:.1f}% |")


if __name__ == "__main__":
    main()
