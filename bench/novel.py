"""Whole novels: peak memory and time of quoteattr.analyze against the length of one text.

Each length runs in a fresh process, which reads its peak resident set (Linux's VmHWM).
The text is an invented novel (bench/textgen.py), or, with --file, the start of any text
of your own repeated to the length.

    python bench/novel.py                      # 0.25 to 5 MiB, some 10 minutes a MiB
    python bench/novel.py --lengths 262144 1048576 --file my_novel.txt
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

MIB = 1 << 20
LENGTHS = [MIB // 4, MIB // 2, MIB, 2 * MIB, 5 * MIB]


def peak_mib() -> float:
    """This process's peak resident set, in MiB (Linux)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    raise OSError("no VmHWM in /proc/self/status: this benchmark needs Linux")


def measure(length: int, file: str | None, mode: str) -> dict[str, float]:
    """Time analyze on one text of length characters; run in a process of its own."""
    from textgen import novel

    import quoteattr

    if file:
        start = Path(file).read_text(encoding="utf-8")
        text = (start * (length // len(start) + 1))[:length]
    else:
        text = novel(length)
    extractor = quoteattr.Extractor(mode=mode)
    extractor.nlp  # noqa: B018
    loaded = peak_mib()
    began = time.perf_counter()
    analysis = extractor.analyze(text)
    took = time.perf_counter() - began
    return {
        "characters": len(text),
        "seconds": took,
        "loaded_mib": loaded,
        "peak_mib": peak_mib(),
        "quotes": len(analysis.quotes),
        "people": len(analysis.people),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--lengths", type=int, nargs="+", default=LENGTHS)
    parser.add_argument("--file", help="a text of your own, repeated to each length")
    parser.add_argument("--mode", default="default", choices=["default", "fast"])
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # the child process
    args = parser.parse_args()
    if args.one:
        print(json.dumps(measure(args.one, args.file, args.mode)))
        return
    print(f"mode {args.mode}; text: {args.file or 'an invented novel (bench/textgen.py)'}")
    print("   characters   time s  us/char  peak MiB  (pipeline alone)  quotes  people")
    for length in args.lengths:
        command = [sys.executable, __file__, "--one", str(length), "--mode", args.mode]
        command += ["--file", args.file] if args.file else []
        result = json.loads(subprocess.run(command, check=True, capture_output=True).stdout)
        print(
            f"{result['characters']:>13,} {result['seconds']:>8.1f} "
            f"{1e6 * result['seconds'] / result['characters']:>8.1f} "
            f"{result['peak_mib']:>9.1f}  ({result['loaded_mib']:.1f}) "
            f"{result['quotes']:>15,} {result['people']:>7,}",
            flush=True,
        )


if __name__ == "__main__":
    main()
