"""Score quoteattr on an annotated JSONL file with ../shared/eval/score.py, parsing once.

Usage: python scripts/evaluate.py GOLD.jsonl [--cache DIR] [--limit N] [--out PRED.jsonl]
       [--mode default|fast]

The spaCy parses are cached in DIR (as DocBin files) so that a change to quoteattr's own
rules can be measured again in seconds. The predictions are written in score.py's format.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
import time
from pathlib import Path

import spacy
from spacy.tokens import DocBin

import quoteattr
from quoteattr._doc.model import load_pipeline

SCORER = Path(__file__).resolve().parents[2] / "shared" / "eval" / "score.py"


def record(q: quoteattr.Quote) -> dict[str, object]:
    spk = q.speaker
    mention = spk.mention if spk is not None else None
    return {
        "start": q.start,
        "end": q.end,
        "kind": q.kind.value,
        "speaker": spk.name if spk is not None else None,
        "speaker_mention": [mention.start, mention.end] if mention is not None else None,
        "cue": [q.cue.start, q.cue.end] if q.cue is not None else None,
        "rule": q.rule,
        "confidence": q.confidence,
    }


def parse(nlp: spacy.Language, docs: list[dict], cache: Path) -> list[spacy.tokens.Doc]:
    """Parse the documents' texts, or read the parses cached at cache-KEY.spacy (KEY: a hash
    of the texts)."""
    key = hashlib.sha1("".join(d["text"] for d in docs).encode()).hexdigest()[:12]
    path = cache.with_name(f"{cache.name}-{key}.spacy")
    if path.exists():
        return list(DocBin().from_disk(path).get_docs(nlp.vocab))
    t = time.perf_counter()
    parsed = list(nlp.pipe(d["text"] for d in docs))
    print(f"parsed {len(docs)} documents in {time.perf_counter() - t:.1f} s", file=sys.stderr)
    path.parent.mkdir(parents=True, exist_ok=True)
    DocBin(docs=parsed).to_disk(path)
    return parsed


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("gold")
    ap.add_argument("--cache", default="/tmp/quoteattr-cache")
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--out", default=None)
    ap.add_argument("--mode", choices=["default", "fast"], default="default")
    a = ap.parse_args()
    docs = [json.loads(line) for line in open(a.gold, encoding="utf-8") if line.strip()]
    if a.limit:
        docs = docs[: a.limit]
    out = Path(a.out or f"/tmp/{Path(a.gold).stem}{'.fast' if a.mode == 'fast' else ''}.pred")
    if a.mode == "fast":  # no parse to cache: the fast mode only tokenizes
        fast = quoteattr.Extractor(mode="fast")
        t = time.perf_counter()
        with out.open("w", encoding="utf-8") as w:
            for d, quotes in zip(docs, fast.pipe(d["text"] for d in docs)):
                w.write(json.dumps({"id": d["id"], "quotes": [record(q) for q in quotes]}) + "\n")
        print(
            f"fast mode: {len(docs)} documents in {time.perf_counter() - t:.1f} s", file=sys.stderr
        )
        subprocess.run([sys.executable, str(SCORER), a.gold, str(out), "--subset"], check=True)
        return
    nlp = load_pipeline(None)
    parsed = parse(nlp, docs, Path(a.cache) / Path(a.gold).stem)
    ex = quoteattr.Extractor(nlp)
    t = time.perf_counter()
    with out.open("w", encoding="utf-8") as w:
        for d, doc in zip(docs, parsed):
            quotes = ex.extract_doc(doc)
            w.write(json.dumps({"id": d["id"], "quotes": [record(q) for q in quotes]}) + "\n")
    print(f"extracted in {time.perf_counter() - t:.1f} s", file=sys.stderr)
    subprocess.run([sys.executable, str(SCORER), a.gold, str(out), "--subset"], check=True)


if __name__ == "__main__":
    spacy.prefer_gpu(False)
    main()
