"""The command line: inputs, formats, errors, exit codes and the progress bar."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

import quoteattr
from quoteattr._front.cli import main

pytestmark = pytest.mark.e2e

LOPEZ = '"We will build 500 homes this year," Maria Lopez said.\n'
REED = "Council member Tom Reed told reporters that the plan was too expensive.\n"


@pytest.fixture(scope="module")
def lopez_record(extractor: quoteattr.Extractor) -> dict[str, object]:
    """What the CLI should write for LOPEZ on stdin: the core's quotes and people, as dicts."""
    analysis = extractor.analyze(LOPEZ)
    assert [(q.text, q.speaker.name if q.speaker else None) for q in analysis.quotes] == [
        ("We will build 500 homes this year,", "Maria Lopez")
    ]
    return {"source": "<stdin>", **analysis.to_dict()}


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def _stdin(monkeypatch: pytest.MonkeyPatch, data: bytes, tty: bool = False) -> None:
    stream = io.TextIOWrapper(io.BytesIO(data), encoding="utf-8")
    monkeypatch.setattr(stream, "isatty", lambda: tty)
    monkeypatch.setattr(sys, "stdin", stream)


def _records(out: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in out.splitlines()]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Two articles in a folder tree, and a file that is not text."""
    (tmp_path / "news" / "b").mkdir(parents=True)
    (tmp_path / "news" / "a.txt").write_text(LOPEZ, encoding="utf-8")
    (tmp_path / "news" / "b" / "c.txt").write_text(REED, encoding="utf-8")
    (tmp_path / "news" / "b" / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    return tmp_path


def test_stdin_to_json_lines(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    lopez_record: dict[str, object],
) -> None:
    _stdin(monkeypatch, LOPEZ.encode())
    assert main([]) == 0
    out, err = capsys.readouterr()
    assert _records(out) == [lopez_record]
    assert err == ""


def test_dash_reads_stdin(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    lopez_record: dict[str, object],
) -> None:
    _stdin(monkeypatch, LOPEZ.encode())
    assert main(["-"]) == 0
    assert _records(capsys.readouterr().out) == [lopez_record]


def test_no_input_on_a_terminal_is_a_usage_error(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _stdin(monkeypatch, b"", tty=True)
    with pytest.raises(SystemExit) as exit:
        main([])
    assert exit.value.code == 2
    assert "no input" in capsys.readouterr().err


def test_folder_is_read_recursively_in_order(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([str(folder / "news")]) == 0
    records = _records(capsys.readouterr().out)
    assert [r["source"] for r in records] == [
        str(folder / "news" / "a.txt"),
        str(folder / "news" / "b" / "c.txt"),
    ]
    assert [[q["speaker"]["name"] for q in r["quotes"]] for r in records] == [  # type: ignore[attr-defined]
        ["Maria Lopez"],
        ["Tom Reed"],
    ]


def test_pattern_chooses_the_files_in_folders(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (folder / "news" / "d.md").write_text(REED, encoding="utf-8")
    assert main([str(folder / "news"), "--pattern", "*.md"]) == 0
    assert [r["source"] for r in _records(capsys.readouterr().out)] == [
        str(folder / "news" / "d.md")
    ]


def test_files_and_globs_keep_the_order_given(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    c = str(folder / "news" / "b" / "c.txt")
    assert main([c, str(folder / "news" / "*.txt")]) == 0
    assert [r["source"] for r in _records(capsys.readouterr().out)] == [
        c,
        str(folder / "news" / "a.txt"),
    ]


def test_json_is_one_array_of_the_json_lines_records(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([str(folder / "news")]) == 0
    lines = _records(capsys.readouterr().out)
    assert main([str(folder / "news"), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out) == lines


def test_json_with_no_readable_document_is_an_empty_array(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (folder / "bad.txt").write_bytes(b"\xff\xfe")
    assert main([str(folder / "bad.txt"), "-f", "json"]) == 1
    assert capsys.readouterr().out == "[]\n"
    assert main([str(folder / "missing.txt"), "-f", "json"]) == 1
    assert capsys.readouterr().out == "[]\n"


def test_csv_has_one_row_per_quote(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    extractor: quoteattr.Extractor,
) -> None:
    _stdin(monkeypatch, LOPEZ.encode())
    assert main(["-f", "csv"]) == 0
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    (q,) = extractor.extract(LOPEZ)
    assert q.speaker is not None and q.speaker.mention is not None and q.cue is not None
    assert rows == [
        [
            "source",
            "start",
            "end",
            "kind",
            "text",
            "speaker",
            "role",
            "entity",
            "person",
            "gender",
            "gender_evidence",
            "mention",
            "mention_start",
            "mention_end",
            "cue",
            "cue_start",
            "cue_end",
            "confidence",
            "paragraph",
            "rule",
            "addressees",
        ],
        [
            "<stdin>",
            "1",
            "35",
            "direct",
            "We will build 500 homes this year,",
            "Maria Lopez",
            "",
            "person",
            "p1",
            "female",
            "first-name",
            "Maria Lopez",
            "37",
            "48",
            "said",
            "49",
            "53",
            str(q.confidence),
            "0",
            q.rule,
            "",
        ],
    ]


def test_csv_gives_a_speaker_without_a_name_as_unknown(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """An unresolved "she": no name and no person, but its mention."""
    _stdin(monkeypatch, b'The ferry was cancelled again.\n\n"Nobody told us," she said.\n')
    assert main(["-f", "csv"]) == 0
    header, row = csv.reader(io.StringIO(capsys.readouterr().out))
    found = dict(zip(header, row, strict=True))
    assert [found[k] for k in ("speaker", "role", "person", "gender", "mention", "rule")] == [
        "",
        "",
        "",
        "",
        "she",
        "unresolved",
    ]


def test_csv_joins_the_names_of_the_addressees(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _stdin(monkeypatch, REED.encode())
    assert main(["-f", "csv"]) == 0
    header, row = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert dict(zip(header, row, strict=True))["addressees"] == "reporters"


def test_html_is_one_standalone_page_with_a_section_per_document(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([str(folder / "news"), "-f", "html"]) == 0
    page = capsys.readouterr().out
    assert page.startswith("<!DOCTYPE html>\n")
    assert page.endswith("</html>\n")
    assert page.count("<section>") == 2
    assert page.count('<mark class="qa-quote') == 2
    assert f"<h2>{folder / 'news' / 'a.txt'}</h2>" in page


def test_kinds_filters_the_quotes(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(folder / "news"), "--kinds", "indirect"]) == 0
    records = _records(capsys.readouterr().out)
    assert [[q["kind"] for q in r["quotes"]] for r in records] == [[], ["indirect"]]  # type: ignore[attr-defined]


def test_fast_mode_finds_direct_quotes_only(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([str(folder / "news"), "--mode", "fast"]) == 0
    records = _records(capsys.readouterr().out)
    quotes = [[(q["kind"], q["speaker"]["name"]) for q in r["quotes"]] for r in records]  # type: ignore[attr-defined,index]
    assert quotes == [[("direct", "Maria Lopez")], []]


def test_unknown_mode_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit:
        main(["--mode", "quick", "x.txt"])
    assert exit.value.code == 2
    assert "invalid choice: 'quick'" in capsys.readouterr().err


def test_unknown_kind_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit:
        main(["--kinds", "direct,bogus", "x.txt"])
    assert exit.value.code == 2
    assert "'direct,bogus': choose from direct, mixed, indirect, pull" in capsys.readouterr().err


@pytest.mark.parametrize("value", ["0", "-1", "two"])
def test_n_process_and_batch_size_must_be_positive(
    value: str, capsys: pytest.CaptureFixture[str]
) -> None:
    for option in ("--n-process", "--batch-size"):
        with pytest.raises(SystemExit) as exit:
            main([option, value, "x.txt"])
        assert exit.value.code == 2
    assert "is not a positive whole number" in capsys.readouterr().err


def test_bad_documents_are_reported_and_the_run_goes_on(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = folder / "news" / "b" / "latin1.txt"
    bad.write_bytes('"C\'est fini," a dit Ren\xe9.'.encode("latin-1"))
    missing = folder / "missing.txt"
    assert main([str(folder / "news"), str(missing), str(folder / "none-*.txt")]) == 1
    out, err = capsys.readouterr()
    assert [r["source"] for r in _records(out)] == [
        str(folder / "news" / "a.txt"),
        str(folder / "news" / "b" / "c.txt"),
    ]
    assert err.splitlines() == [
        f"quoteattr: error: {missing}: no such file or folder",
        f"quoteattr: error: {folder / 'none-*.txt'}: no files match",
        f"quoteattr: error: {bad}: not utf-8 text (invalid continuation byte at byte 23); "
        "give its encoding with --encoding",
    ]


def test_encoding_option_reads_other_encodings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes('"The café will open on Monday," said Ms Dupré.'.encode("latin-1"))
    assert main([str(path), "--encoding", "latin-1"]) == 0
    (record,) = _records(capsys.readouterr().out)
    assert record["quotes"][0]["text"] == "The café will open on Monday,"  # type: ignore[index]


def test_unknown_encoding_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit:
        main(["--encoding", "klingon", "x.txt"])
    assert exit.value.code == 2
    assert "'klingon' is not an encoding Python knows" in capsys.readouterr().err


def test_glob_that_matches_only_folders_matches_no_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "folder.txt").mkdir()
    assert main([str(tmp_path / "*.txt")]) == 1
    assert capsys.readouterr().err == f"quoteattr: error: {tmp_path / '*.txt'}: no files match\n"


def test_unreadable_file_is_reported_and_the_run_goes_on(
    folder: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    locked = folder / "news" / "a.txt"
    read_bytes = Path.read_bytes

    def refuse(path: Path) -> bytes:
        if path == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return read_bytes(path)

    monkeypatch.setattr(Path, "read_bytes", refuse)
    assert main([str(folder / "news")]) == 1
    out, err = capsys.readouterr()
    assert [r["source"] for r in _records(out)] == [str(folder / "news" / "b" / "c.txt")]
    assert err == f"quoteattr: error: {locked}: Permission denied\n"


def test_missing_model_stops_the_run_with_exit_code_2(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([str(folder / "news"), "--model", "no_such_pipeline"]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith("quoteattr: error: Cannot load the spaCy pipeline 'no_such_pipeline'")


def test_progress_bar_on_a_terminal_only(
    folder: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([str(folder / "news")]) == 0
    assert capsys.readouterr().err == ""
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    assert main([str(folder / "news")]) == 0
    assert "2/2" in terminal.getvalue()
    assert len(_records(capsys.readouterr().out)) == 2


def test_two_processes_give_the_same_output(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in "defgh":
        (folder / "news" / f"{name}.txt").write_text(LOPEZ, encoding="utf-8")
    assert main([str(folder / "news")]) == 0
    one = capsys.readouterr().out
    assert main([str(folder / "news"), "--n-process", "2", "--batch-size", "2"]) == 0
    assert capsys.readouterr().out == one


@pytest.mark.parametrize("command", [["quoteattr"], [sys.executable, "-m", "quoteattr"]])
def test_console_script_and_module_run_the_cli(
    command: list[str], tmp_path: Path, lopez_record: dict[str, object]
) -> None:
    if command == ["quoteattr"]:
        command = [str(Path(sys.executable).parent / "quoteattr")]
    run = subprocess.run(
        command, input=LOPEZ, capture_output=True, text=True, cwd=tmp_path, check=False
    )
    assert (run.returncode, run.stderr) == (0, "")
    assert _records(run.stdout) == [lopez_record]


def test_version() -> None:
    run = subprocess.run(
        [sys.executable, "-m", "quoteattr", "--version"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert run.stdout == f"quoteattr {quoteattr.__version__}\n"
