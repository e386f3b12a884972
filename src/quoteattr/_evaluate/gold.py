"""Gold annotations: one JSON document a line, in the format docs/evaluate.md describes, and
the predictions to score against them, reduced to what the rules compare."""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs

from .._errors import GoldFormatError
from .._types import Quote

Span = tuple[int, int]


@attrs.frozen(kw_only=True)
class GoldQuote:
    """One annotated quote: where it is, who said it and to whom."""

    start: int
    end: int
    speaker: str | None = None
    mentions: tuple[Span, ...] = ()
    type: str | None = None  # "direct", "mixed", "indirect" or not given
    canonical: bool = True  # the speaker is the full name a reader would file it under
    attribution_type: str | None = None  # how the text gives the speaker (fiction)
    addressees: frozenset[str] = frozenset()

    @property
    def has_speaker(self) -> bool:
        """Whether the gold says who spoke: a name or where the text names them."""
        return bool(self.speaker or self.mentions)


@attrs.frozen(kw_only=True)
class GoldDocument:
    """One annotated text: its quotes and, in fiction, its characters by all their names."""

    id: str
    text: str
    quotes: tuple[GoldQuote, ...] = ()
    characters: Mapping[str, tuple[str, ...]] | None = None


@attrs.frozen(kw_only=True)
class Predicted:
    """One predicted quote, as the rules read it."""

    start: int
    end: int
    kind: str
    speaker: str | None = None
    mention: Span | None = None
    rule: str = "none"
    confidence: float = 0.0
    addressees: tuple[str, ...] = ()


def gold_documents(
    source: str | os.PathLike[str] | Iterable[Mapping[str, Any]],
) -> list[GoldDocument]:
    """Return the documents of a gold file (a path) or of its lines already parsed (dicts).

    A document without an "id" is known by its position. Two with the same id count once,
    the last (the benchmark scripts key documents by id).

    Raises:
        GoldFormatError: A line is not a JSON object, a document lacks "text", or a quote lacks its
            offsets or they are not within the text.
        OSError: The file cannot be read.
    """
    records = _lines(Path(source)) if isinstance(source, (str, os.PathLike)) else source
    found: dict[str, GoldDocument] = {}
    for number, record in enumerate(records, start=1):
        doc = _document(record, number)
        found[doc.id] = doc
    return list(found.values())


def _lines(path: Path) -> Iterator[Mapping[str, Any]]:
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                yield json.loads(line)
            except json.JSONDecodeError as err:
                raise GoldFormatError(f"{path}, line {number}: not JSON ({err.msg})") from None


def _document(record: Mapping[str, Any], number: int) -> GoldDocument:
    if not isinstance(record, Mapping):
        raise GoldFormatError(f"gold document {number} is not a JSON object")
    where = f"gold document {record.get('id', number)!r}"
    if not isinstance(record.get("text"), str):
        raise GoldFormatError(f'{where} has no "text"; each document needs its text')
    try:
        quotes = tuple(_quote(q) for q in record.get("quotes") or ())
    except (KeyError, TypeError, ValueError) as err:
        raise GoldFormatError(
            f'{where}: a quote without whole-number "start" and "end" offsets ({err!r})'
        ) from None
    outside = next((q for q in quotes if not 0 <= q.start <= q.end <= len(record["text"])), None)
    if outside is not None:
        raise GoldFormatError(
            f"{where}: a quote at {outside.start}-{outside.end} is not within its text "
            f"({len(record['text'])} characters); offsets count characters from 0"
        )
    characters = record.get("characters")
    return GoldDocument(
        id=str(record.get("id", number)),
        text=record["text"],
        quotes=quotes,
        characters=None
        if characters is None
        else {name: tuple(names) for name, names in characters.items()},
    )


def _quote(q: Mapping[str, Any]) -> GoldQuote:
    return GoldQuote(
        start=int(q["start"]),
        end=int(q["end"]),
        speaker=q.get("speaker"),
        mentions=tuple((int(s), int(e)) for s, e in q.get("speaker_mentions") or ()),
        type=q.get("type"),
        canonical=bool(q.get("canonical", True)),
        attribution_type=q.get("attribution_type"),
        addressees=frozenset(q.get("addressees") or ()),
    )


def predicted(quotes: Sequence[Quote]) -> list[Predicted]:
    """The quotes as the rules compare them; a quote without addressees has none."""
    return [
        Predicted(
            start=q.start,
            end=q.end,
            kind=q.kind.value,
            speaker=q.speaker.name if q.speaker is not None else None,
            mention=_offsets_of(q.speaker.mention) if q.speaker is not None else None,
            rule=q.rule.value,
            confidence=q.confidence,
            addressees=tuple(getattr(a, "name", a) for a in getattr(q, "addressees", None) or ()),
        )
        for q in quotes
    ]


def _offsets_of(mention: Any) -> Span | None:
    return None if mention is None else (mention.start, mention.end)
