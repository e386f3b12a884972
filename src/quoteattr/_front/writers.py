"""The command line's output formats: JSON lines, JSON, CSV and an HTML page."""

from __future__ import annotations

import csv
import json
from typing import TextIO

from .._analysis import Analysis
from .render import PAGE_TAIL, page_head, section

FORMATS = ("jsonl", "json", "csv", "html")
CSV_COLUMNS = (
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
)
# Between the names of a quote's addressees in the CSV's one column.
ADDRESSEE_SEPARATOR = "; "


class Writer:
    """Writes the quotes of each document to out in one format."""

    def __init__(self, out: TextIO) -> None:
        self.out = out

    def write(self, source: str, text: str, analysis: Analysis) -> None:
        raise NotImplementedError

    def close(self) -> None:
        self.out.flush()


class _JSONLines(Writer):
    def write(self, source: str, text: str, analysis: Analysis) -> None:
        record = {"source": source, **analysis.to_dict()}
        self.out.write(json.dumps(record, ensure_ascii=False) + "\n")
        self.out.flush()


class _JSON(Writer):
    def __init__(self, out: TextIO) -> None:
        super().__init__(out)
        self.count = 0

    def write(self, source: str, text: str, analysis: Analysis) -> None:
        record = {"source": source, **analysis.to_dict()}
        item = json.dumps(record, ensure_ascii=False, indent=2).replace("\n", "\n  ")
        self.out.write(("[\n  " if self.count == 0 else ",\n  ") + item)
        self.count += 1

    def close(self) -> None:
        self.out.write("\n]\n" if self.count else "[]\n")
        super().close()


class _CSV(Writer):
    def __init__(self, out: TextIO) -> None:
        super().__init__(out)
        self.csv = csv.writer(out, lineterminator="\n")
        self.csv.writerow(CSV_COLUMNS)

    def write(self, source: str, text: str, analysis: Analysis) -> None:
        for q in analysis.quotes:
            s, m, c = q.speaker, q.speaker.mention if q.speaker else None, q.cue
            person = analysis.person_of(q)
            gender = person.gender if person is not None else None
            evidence = person.gender_evidence if person is not None else None
            gender_columns = [
                gender.value if gender else None,
                evidence.value if evidence else None,
            ]
            self.csv.writerow(
                [source, q.start, q.end, q.kind.value, q.text]
                + ([s.name, s.role, s.entity.value, s.person] if s else [None] * 4)
                + gender_columns
                + ([m.text, m.start, m.end] if m else [None] * 3)
                + ([c.text, c.start, c.end] if c else [None] * 3)
                + [q.confidence, q.paragraph, q.rule.value]
                + [ADDRESSEE_SEPARATOR.join(a.name for a in q.addressees)]
            )


class _HTMLPage(Writer):
    def __init__(self, out: TextIO) -> None:
        super().__init__(out)
        out.write(page_head("quoteattr"))

    def write(self, source: str, text: str, analysis: Analysis) -> None:
        self.out.write(section(source, text, analysis.quotes))

    def close(self) -> None:
        self.out.write(PAGE_TAIL)
        super().close()


WRITERS: dict[str, type[Writer]] = {
    "jsonl": _JSONLines,
    "json": _JSON,
    "csv": _CSV,
    "html": _HTMLPage,
}
