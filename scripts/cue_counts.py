"""Count the verbs that head the gold cues of an annotated file, by lemma.

Usage: python scripts/cue_counts.py GOLD.jsonl [--cache DIR] [--min N]

Prints lemma<TAB>count for each verb lemma found inside gold cue spans, most frequent
first. This is where the `polnear` column of src/quoteattr/data/cues.tsv comes from
(run on ../shared/data/polnear_train.jsonl with the default pipeline).
"""

from __future__ import annotations

import argparse
import hashlib
import json
from collections import Counter
from pathlib import Path

from spacy.tokens import DocBin

from quoteattr._doc.model import load_pipeline


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("gold")
    ap.add_argument("--cache", default="/tmp/quoteattr-cache")
    ap.add_argument("--min", type=int, default=5)
    a = ap.parse_args()
    with open(a.gold, encoding="utf-8") as lines:
        docs = [json.loads(line) for line in lines if line.strip()]
    nlp = load_pipeline(None)
    key = hashlib.sha1("".join(d["text"] for d in docs).encode()).hexdigest()[:12]
    cache = Path(a.cache) / f"{Path(a.gold).stem}-{key}.spacy"
    if cache.exists():  # the same cache as scripts/evaluate.py
        parsed = list(DocBin().from_disk(cache).get_docs(nlp.vocab))
    else:
        parsed = list(nlp.pipe(d["text"] for d in docs))
    counts: Counter[str] = Counter()
    for d, doc in zip(docs, parsed, strict=True):
        seen = set()
        for q in d["quotes"]:
            for start, end in q.get("cue_spans") or ([q["cue"]] if q.get("cue") else []):
                if (start, end) in seen:
                    continue
                seen.add((start, end))
                span = doc.char_span(start, end, alignment_mode="expand")
                verbs = [t for t in span or [] if t.pos_ == "VERB"]
                if verbs:
                    counts[verbs[0].lemma_.lower()] += 1
    for lemma, n in counts.most_common():
        if n >= a.min:
            print(f"{lemma}\t{n}")


if __name__ == "__main__":
    main()
