"""End to end: hand-written texts of the 13 classes of speaker attribution the library is
measured on (tests/data/speaker_cases.jsonl, four of each, written for this suite by someone
who had not read the code), each quote with the names its speaker may have.

A case passes when every quote it expects is found (a quote whose text holds the expected
words, or lies within them) with a speaker whose canonical name is one of the alternatives,
case, punctuation and a leading article aside. The cases the library still gets wrong are
marked with the mechanism that fails them; strict, so that a fix shows."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

import quoteattr

pytestmark = pytest.mark.e2e

CASES = [
    json.loads(line)
    for line in (Path(__file__).parent / "data" / "speaker_cases.jsonl")
    .read_text("utf-8")
    .splitlines()
]
FAILING = {
    "alt-siobhan-dmitri-train": "'Siobhán' tagged a nationality, a town a person",
    "described-neighbour-anonymous": "'a neighbour' is no role noun, so 'he' does not reach it",
    "desc-blacksmith": "the tagger reads 'blacksmith' as a proper noun and an organisation",
    "desc-swede-village": "nothing links 'the Swede' to Sven Ekdahl but 'met a Swede'",
    "org-charity-cymru": "the recogniser misses 'Homes First Cymru'",
    "surname-van-der-berg": "a hyphenated first name before a name the recogniser cut",
}


def _norm(name: str | None) -> str:
    words = re.sub(r"[^\w\s'-]", " ", (name or "").lower()).split()
    return " ".join(words[1:] if words and words[0] in ("the", "a", "an") else words)


def _wrong(case: dict[str, Any], quotes: list[quoteattr.Quote]) -> list[str]:
    wrong = []
    for words, names in case["expect"]:
        hit = [q for q in quotes if words in q.text or q.text.strip(" ,.\"'") in words]
        got = hit[0].speaker.name if hit and hit[0].speaker else None
        if not hit or _norm(got) not in {_norm(n) for n in names.split("|")}:
            wrong.append(f"{words!r}: {got!r}, expected {names}")
    return wrong


@pytest.mark.parametrize(
    "case",
    [
        pytest.param(c, id=c["id"], marks=pytest.mark.xfail(strict=True, reason=FAILING[c["id"]]))
        if c["id"] in FAILING
        else pytest.param(c, id=c["id"])
        for c in CASES
    ],
)
def test_each_quote_of_a_case_has_the_speaker_a_reader_gives_it(
    case: dict[str, Any], extractor: quoteattr.Extractor
) -> None:
    assert _wrong(case, extractor.extract(case["text"])) == []
