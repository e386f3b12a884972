"""Score quoteattr on an annotated JSONL file with `quoteattr.evaluate`, parsing once.

Usage: python scripts/evaluate.py GOLD.jsonl [--cache DIR] [--limit N] [--out PRED.jsonl]
       [--mode default|fast] [--json]

The figures are those of ``quoteattr evaluate GOLD`` (docs/evaluate.md), calibration tables
included; this script only caches the spaCy parses in DIR (as DocBin files), so that a change
to quoteattr's own rules can be measured again in seconds. The predictions are written to
PRED in the format of ../shared/eval/score.py (`record`), with each quote's rule and confidence.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, DocBin
from thinc.api import prefer_gpu

import quoteattr
from quoteattr._doc import input as doc_input
from quoteattr._doc.model import load_pipeline


def record(q: quoteattr.Quote) -> dict[str, object]:
    """A quote as one line of PRED gives it."""
    spk = q.speaker
    mention = spk.mention if spk is not None else None
    return {
        "start": q.start,
        "end": q.end,
        "kind": q.kind.value,
        "speaker": spk.name if spk is not None else None,
        "speaker_mention": [mention.start, mention.end] if mention is not None else None,
        "cue": [q.cue.start, q.cue.end] if q.cue is not None else None,
        "rule": q.rule.value,
        "confidence": q.confidence,
    }


def parse(nlp: Language, docs: list[dict[str, Any]], cache: Path) -> list[Doc]:
    """Parse the documents' texts as the Extractor tokenizes them (`make_doc`), or read the
    parses cached at cache-KEY.spacy (KEY: a hash of the texts and of `make_doc`'s module)."""
    tokenizer = Path(doc_input.__file__).read_bytes()
    key = hashlib.sha1("".join(d["text"] for d in docs).encode() + tokenizer).hexdigest()[:12]
    path = cache.with_name(f"{cache.name}-{key}.spacy")
    if path.exists():
        return list(DocBin().from_disk(path).get_docs(nlp.vocab))
    t = time.perf_counter()
    parsed = list(nlp.pipe(doc_input.make_doc(nlp, d["text"]) for d in docs))
    print(f"parsed {len(docs)} documents in {time.perf_counter() - t:.1f} s", file=sys.stderr)
    path.parent.mkdir(parents=True, exist_ok=True)
    DocBin(docs=parsed).to_disk(path)
    return parsed


def predictions(docs: list[dict[str, Any]], mode: str, cache: Path) -> list[list[quoteattr.Quote]]:
    """The quotes of each document: parsed once and cached (default mode), or tokenized."""
    t = time.perf_counter()
    if mode == "fast":  # no parse to cache: the fast mode only tokenizes
        found = list(quoteattr.Extractor(mode="fast").pipe(d["text"] for d in docs))
    else:
        nlp = load_pipeline(None)
        parsed = parse(nlp, docs, cache)
        t = time.perf_counter()
        extractor = quoteattr.Extractor(nlp)
        found = [extractor.extract_doc(doc) for doc in parsed]
    print(f"{mode} mode: extracted in {time.perf_counter() - t:.1f} s", file=sys.stderr)
    return found


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("gold")
    ap.add_argument("--cache", default="/tmp/quoteattr-cache")
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--out", default=None)
    ap.add_argument("--mode", choices=["default", "fast"], default="default")
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()
    with open(a.gold, encoding="utf-8") as lines:
        docs = [json.loads(line) for line in lines if line.strip()]
    if a.limit:
        docs = docs[: a.limit]
    found = predictions(docs, a.mode, Path(a.cache) / Path(a.gold).stem)
    out = Path(a.out or f"/tmp/{Path(a.gold).stem}{'.fast' if a.mode == 'fast' else ''}.pred")
    with out.open("w", encoding="utf-8") as w:
        for d, quotes in zip(docs, found, strict=True):
            w.write(json.dumps({"id": d["id"], "quotes": [record(q) for q in quotes]}) + "\n")
    scores = quoteattr.evaluate(docs, predictions=found)
    print(json.dumps(scores.to_dict()) if a.json else scores.report())


if __name__ == "__main__":
    prefer_gpu(False)
    main()
