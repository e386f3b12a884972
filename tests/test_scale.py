"""Scale: texts longer than max_length, several processes, and the Dask recipe of docs/scale.md."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import spacy

import quoteattr
from quoteattr import Quote
from quoteattr._doc.model import unneeded_pipes
from quoteattr._front.pieces import split_text

DOCS = Path(__file__).parent.parent / "docs"
TOWNS = ["Eastvale", "Northby", "Westmere", "Southam", "Lakeford", "Hillcrest"]

CheckOffsets = Callable[[str, list[Quote]], None]


def article(n: int) -> str:
    """An invented news story about town n, with quotes of every shape."""
    town = TOWNS[n % len(TOWNS)]
    return "\n\n".join(
        [
            f"The council of {town} met on Monday to vote on plan number {n}.",
            f'"We will open the bridge before the winter," said Jane Smith, the mayor of {town}.',
            f'"The work on bridge {n} has been long and slow, and the rains came early this year.',
            '"But we are nearly there," she added.',
            f'Tom Berg told reporters that the plan was "a waste of money" for {town}.',
        ]
    )


def cut_inside_a_quote(text: str) -> int:
    """A max_length that makes split_text cut the first quote that runs over two paragraphs."""
    return text.index('\n\n"But') + 2


def cuts(pieces: list[str]) -> list[int]:
    """The offsets where one piece ends and the next begins."""
    found, at = [], 0
    for piece in pieces[:-1]:
        at += len(piece)
        found.append(at)
    return found


# --- texts longer than max_length ----------------------------------------------------------------


def test_split_text_cuts_at_paragraphs_and_rejoins_exactly() -> None:
    text = "\n\n".join(article(n) for n in range(4))
    pieces = split_text(text, 300)
    assert "".join(pieces) == text
    assert all(len(p) <= 300 for p in pieces)
    assert all(p.endswith("\n\n") for p in pieces[:-1])


def test_fast_mode_over_max_length_gives_the_quotes_of_the_whole_text() -> None:
    text = "\n\n".join(article(n) for n in range(6))
    whole = quoteattr.Extractor(mode="fast").extract(text)
    nlp = spacy.blank("en")
    nlp.max_length = cut_inside_a_quote(text)
    split = quoteattr.Extractor(nlp, mode="fast").extract(text)
    assert split == whole
    boundaries = cuts(split_text(text, nlp.max_length))
    assert any(q.start < cut < q.end for q in split for cut in boundaries)


def test_texts_over_100000_characters_are_cut_and_give_the_quotes_of_the_whole() -> None:
    text = "\n\n".join(article(n) for n in range(600))
    assert len(split_text(text, 100_000)) >= 3
    fast = quoteattr.Extractor(mode="fast")
    whole = fast.extract_doc(spacy.blank("en")(text))  # one Doc, never cut
    assert fast.extract(text) == whole


@pytest.mark.e2e
def test_over_max_length_offsets_hold_and_quotes_stay_whole(
    nlp: spacy.language.Language, monkeypatch: pytest.MonkeyPatch, assert_offsets: CheckOffsets
) -> None:
    """A text parsed in pieces gives the quotes of the whole, even those across a cut."""
    text = "\n\n".join(article(n) for n in range(6))
    whole = quoteattr.Extractor(nlp).extract(text)
    monkeypatch.setattr(nlp, "max_length", cut_inside_a_quote(text))
    split = quoteattr.Extractor(nlp).extract(text)
    assert_offsets(text, split)
    assert split == whole
    boundaries = cuts(split_text(text, nlp.max_length))
    assert len(boundaries) >= 6
    over_a_cut = [q.text for q in split for cut in boundaries if q.start < cut < q.end]
    assert over_a_cut  # a quote over two paragraphs, cut between them
    assert all("\n\n" in t for t in over_a_cut)


# --- several processes ---------------------------------------------------------------------------


def test_two_processes_give_the_same_quotes_in_order_fast_mode() -> None:
    texts = [article(n) for n in range(30)]
    fast = quoteattr.Extractor(mode="fast")

    def stream() -> Iterator[str]:
        yield from texts

    assert list(fast.pipe(stream(), n_process=2, batch_size=4)) == list(fast.pipe(texts))


@pytest.mark.e2e
def test_two_processes_give_the_same_quotes_as_one(extractor: quoteattr.Extractor) -> None:
    texts = [article(n) for n in range(6)]
    assert list(extractor.pipe(texts, n_process=2)) == list(extractor.pipe(texts))


@pytest.mark.parametrize(
    ("n_process", "error"), [(0, ValueError), (-2, ValueError), ("2", TypeError)]
)
def test_n_process_must_be_a_positive_count_or_minus_one(
    n_process: object, error: type[Exception]
) -> None:
    with pytest.raises(error, match="n_process"):
        next(quoteattr.Extractor(mode="fast").pipe(["text"], n_process=n_process))  # type: ignore[arg-type]


def test_a_bad_text_fails_the_same_in_processes() -> None:
    with pytest.raises(TypeError, match="quoteattr takes text as a str, not int"):
        list(quoteattr.Extractor(mode="fast").pipe(["fine", 3], n_process=2))  # type: ignore[list-item]


# --- only the components the extractor reads -----------------------------------------------------


def test_components_whose_output_is_not_read_do_not_run() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("textcat")
    assert unneeded_pipes(nlp) == ["textcat"]


@pytest.mark.e2e
def test_the_default_pipeline_runs_whole(nlp: spacy.language.Language) -> None:
    assert unneeded_pipes(nlp) == []


@pytest.mark.e2e
def test_extractors_share_one_pipeline_per_process() -> None:
    """What the cluster recipes rely on: a worker loads the pipeline once, not per task."""
    assert quoteattr.Extractor().nlp is quoteattr.Extractor().nlp
    assert quoteattr.Extractor(mode="fast").nlp is quoteattr.Extractor(mode="fast").nlp


# --- the Dask recipe -----------------------------------------------------------------------------


def recipe(page: Path, marker: str) -> str:
    """The fenced block that follows the marker comment in a Markdown page."""
    found = re.search(re.escape(marker) + r".*?\n```py\n(.*?)\n```", page.read_text(), re.DOTALL)
    assert found, f"no block after {marker!r} in {page}"
    return found[1]


@pytest.mark.e2e
def test_the_dask_recipe_gives_the_single_process_results(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("dask.bag")
    pytest.importorskip("distributed")
    code = recipe(DOCS / "scale.md", "<!-- tests/test_scale.py runs this block")
    (tmp_path / "archive").mkdir()
    records = [{"id": f"doc-{n}", "text": article(n)} for n in range(6)]
    for part in range(3):
        with open(tmp_path / "archive" / f"part-{part}.jsonl", "w", encoding="utf-8") as f:
            for record in records[2 * part : 2 * part + 2]:
                f.write(json.dumps(record) + "\n")
    monkeypatch.chdir(tmp_path)
    namespace: dict[str, object] = {"__name__": "__main__"}
    exec(compile(code, "docs/scale.md", "exec"), namespace)
    single = quoteattr.Extractor().pipe(r["text"] for r in records)
    expected = [
        {"id": r["id"], "quotes": [q.to_dict() for q in quotes]}
        for r, quotes in zip(records, single, strict=True)
    ]
    assert namespace["results"] == expected
    assert json.loads(json.dumps(expected)) == expected  # plain data
