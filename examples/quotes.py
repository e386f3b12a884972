"""Print the quotes of a text (kind, speaker, cue, quoted words), then the people in it.

Run: python examples/quotes.py [FILE]   (default: library.txt beside this script, an invented
news story written for quoteattr's examples)
"""

from __future__ import annotations

import sys
from pathlib import Path

import quoteattr

path = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).parent / "library.txt"
analysis = quoteattr.analyze(path.read_text(encoding="utf-8"))
for q in analysis.quotes:
    speaker = (q.speaker.name if q.speaker else None) or "?"
    cue = q.cue.text if q.cue else "-"
    words = q.text if len(q.text) <= 60 else q.text[:57] + "..."
    print(f"{q.kind.value:8} {speaker:16} {cue:6} {words!r}")
print()
for person in analysis.people:
    evidence = person.gender_evidence
    gender = f"{person.gender.value} ({evidence.value})" if person.gender and evidence else "-"
    print(f"{person.id:4} {person.name:16} {person.kind.value:8} {gender}")
