"""Print the quotes of the example article: kind, speaker, cue and the quoted words.

Run: python examples/soleimani.py [FILE]   (default: the BBC article in tests/data)
"""

from __future__ import annotations

import sys
from pathlib import Path

import quoteattr

path = (
    Path(sys.argv[1])
    if len(sys.argv) > 1
    else Path(__file__).parent.parent / "tests/data/soleimani.txt"
)
text = path.read_text(encoding="utf-8")
for q in quoteattr.extract(text):
    speaker = q.speaker.name if q.speaker else "?"
    cue = q.cue.text if q.cue else "-"
    words = q.text if len(q.text) <= 70 else q.text[:67] + "..."
    print(f"{q.kind.value:8} {speaker:30} {cue:12} {words!r}")
