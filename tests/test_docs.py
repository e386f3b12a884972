"""Every example in the README and the docs runs, and prints what the page says it prints.

In the Markdown files, a ```pycon block is a doctest (``>>>`` lines and their output), a
```python block must run without error, and a ```console block is shell commands (``$ ...``)
each followed by its output. The blocks of one file share one namespace (Python) or one
working folder (shell), in order. ```sh blocks (installing, running the tests) are not run
here: CI runs those commands itself.
"""

from __future__ import annotations

import doctest
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.e2e

ROOT = Path(__file__).parent.parent
EXAMPLES = ROOT / "docs" / "examples"  # files the examples read, copied where they run
PAGES = sorted([ROOT / "README.md", *(ROOT / "docs").rglob("*.md")])
FENCE = re.compile(r"^```(\w*)[^\n]*\n(.*?)^```[ \t]*$", re.MULTILINE | re.DOTALL)
FLAGS = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE


def blocks(path: Path, *langs: str) -> list[tuple[str, str, int]]:
    """The fenced blocks of a Markdown file in these languages: (lang, body, line number)."""
    text = path.read_text(encoding="utf-8")
    return [
        (m[1], m[2], text.count("\n", 0, m.start()) + 2)
        for m in FENCE.finditer(text)
        if m[1] in langs
    ]


def _id(path: Path) -> str:
    return str(path.relative_to(ROOT))


def _pages(*langs: str) -> list[Path]:
    if not PAGES[0].exists():  # a copy of tests/ without the README: nothing to check
        return []
    return [p for p in PAGES if p.exists() and blocks(p, *langs)]


def test_there_are_examples_to_run() -> None:
    if not (ROOT / "README.md").exists():
        pytest.skip("README.md is not beside tests/")
    assert len(_pages("pycon", "python")) >= 5
    assert len(_pages("console")) >= 2


@pytest.mark.parametrize("path", _pages("pycon", "python"), ids=_id)
def test_python_examples_run_and_print_what_they_show(
    path: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(_with_examples(tmp_path))
    namespace: dict[str, object] = {"__name__": "__main__"}
    parser = doctest.DocTestParser()
    for lang, body, line in blocks(path, "pycon", "python"):
        where = f"{_id(path)}:{line}"
        if lang == "python":
            exec(compile(body, where, "exec"), namespace)
            continue
        test = parser.get_doctest(body, namespace, where, str(path), line - 1)
        report: list[str] = []
        runner = doctest.DocTestRunner(optionflags=FLAGS)
        result = runner.run(test, out=report.append, clear_globs=False)
        assert result.failed == 0, "".join(report)
        namespace.update(test.globs)  # DocTest ran on a copy


def _with_examples(folder: Path) -> Path:
    """The folder, with the files of docs/examples in it (gold.jsonl: docs/evaluate.md)."""
    if EXAMPLES.is_dir():
        shutil.copytree(EXAMPLES, folder, dirs_exist_ok=True)
    return folder


def commands(body: str) -> list[tuple[str, list[str]]]:
    """The ``$ command`` lines of a console block, each with the output lines that follow."""
    found: list[tuple[str, list[str]]] = []
    for line in body.splitlines():
        if line.startswith("$ "):
            found.append((line[2:], []))
        elif found and found[-1][0].endswith("\\"):
            found[-1] = (found[-1][0] + "\n" + line, [])
        elif found:
            found[-1][1].append(line.rstrip())
    return found


@pytest.mark.parametrize("path", _pages("console"), ids=_id)
def test_console_examples_print_what_they_show(path: Path, tmp_path: Path) -> None:
    env = dict(os.environ, COLUMNS="100", NO_COLOR="1")
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env['PATH']}"
    folder = _with_examples(tmp_path)
    for _lang, body, line in blocks(path, "console"):
        for command, expected in commands(body):
            run = subprocess.run(
                ["bash", "-c", command],
                cwd=folder,
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                text=True,
                check=False,
                timeout=300,
            )
            got = [out.rstrip() for out in run.stdout.rstrip("\n").splitlines()]
            assert got == expected, f"{_id(path)}:{line}: $ {command}"
