"""Counting: the figures of an `Evaluation` from gold documents and predicted quotes."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise
from typing import TypeVar

import attrs

from .gold import GoldDocument, GoldQuote, Predicted, Span
from .match import (
    character_name,
    character_right,
    name_right,
    overlap,
    owners,
    pairs,
    speaker_right,
    trimmed,
)
from .scores import PRF, Accuracy, AddresseeScores, Calibration, Coverage, Evaluation

# The two tracks of quotes: the gold types of each, and whether its predictions are indirect.
TRACKS = {
    "direct": (frozenset({"direct", "mixed"}), False),
    "indirect": (frozenset({"indirect"}), True),
}
# The Gender Gap Tracker's shares of a gold quote a prediction must cover.
COVERAGE = (0.3, 0.8)
# The bands of confidence of the calibration table: [low, high).
BANDS = (0.0, 0.5, 0.7, 0.8, 0.9, 1.01)


_Q = TypeVar("_Q", GoldQuote, Predicted)


@attrs.define
class _Tally:
    """The counts so far, over the documents scored."""

    quotes: PRF = attrs.Factory(PRF)
    direct: PRF = attrs.Factory(PRF)
    indirect: PRF = attrs.Factory(PRF)
    exact: PRF = attrs.Factory(PRF)
    attributed: PRF = attrs.Factory(PRF)
    speaker: Accuracy = attrs.Factory(Accuracy)
    name: Accuracy = attrs.Factory(Accuracy)
    characters: dict[str, Accuracy] = attrs.Factory(dict)  # "all" and by attribution type
    addressed: Accuracy = attrs.Factory(Accuracy)
    addressee_pairs: PRF = attrs.Factory(PRF)
    by_band: dict[str, tuple[Accuracy, Accuracy]] = attrs.Factory(dict)  # speaker, name
    by_rule: dict[str, tuple[Accuracy, Accuracy]] = attrs.Factory(dict)


def evaluation_of(
    documents: Sequence[GoldDocument], predictions: Sequence[Sequence[Predicted]]
) -> Evaluation:
    """Score the predicted quotes of each gold document (in the same order)."""
    t = _Tally()
    for doc, predicted in zip(documents, predictions, strict=True):
        _count(t, doc, predicted)
    listed = any(doc.characters is not None for doc in documents)
    by_type = {kind: t.characters[kind] for kind in sorted(t.characters) if kind != "all"}
    return Evaluation(
        documents=len(documents),
        quotes=t.quotes,
        direct=t.direct,
        indirect=t.indirect,
        exact=t.exact,
        attributed=t.attributed,
        coverage=tuple(_coverage(documents, predictions, share) for share in COVERAGE),
        speaker=t.speaker,
        name=t.name,
        character=t.characters.get("all", Accuracy()) if listed else None,
        character_by_type=by_type if listed else {},
        addressees=AddresseeScores(exact=t.addressed, pairs=t.addressee_pairs)
        if t.addressed.total
        else None,
        calibration=_rows(t.by_band, sorted(t.by_band)),
        rules=_rows(t.by_rule, sorted(t.by_rule, key=lambda rule: -t.by_rule[rule][0].total)),
    )


def _count(t: _Tally, doc: GoldDocument, predicted: Sequence[Predicted]) -> None:
    """Add one document's counts."""
    gold, gold_spans = _trimmed(doc.text, doc.quotes)
    mine, spans = _trimmed(doc.text, predicted)
    matched = pairs(gold_spans, spans)
    t.quotes += PRF(tp=len(matched), predicted=len(mine), gold=len(gold))
    t.exact += PRF(
        tp=len(pairs(gold_spans, spans, exact=True)), predicted=len(mine), gold=len(gold)
    )
    owner = owners(doc.characters or {})
    right = 0
    for i, j in matched:
        g, p = gold[i], mine[j]
        if g.has_speaker:
            ok = speaker_right(g, p)
            right += ok
            t.speaker += Accuracy(right=ok, total=1)
            _calibrate(t, p, speaker=ok)
        if g.speaker and g.canonical:
            ok = name_right(g, p)
            t.name += Accuracy(right=ok, total=1)
            _calibrate(t, p, name=ok)
        ok = character_right(g, p, owner)
        for kind in ("all", g.attribution_type or "unknown"):
            t.characters[kind] = t.characters.get(kind, Accuracy()) + Accuracy(right=ok, total=1)
        if g.addressees:
            _count_addressees(t, g, p, owner)
    t.attributed += PRF(tp=right, predicted=len(mine), gold=len(gold))
    kind_of = {j: gold[i].type for i, j in matched}
    counts = {}
    for track, (types, indirect) in TRACKS.items():
        g_track = [span for g, span in zip(gold, gold_spans, strict=True) if g.type in types]
        # a prediction that matched a gold quote of another track (or of none) is neither
        # right nor wrong
        p_track = [
            span
            for j, (p, span) in enumerate(zip(mine, spans, strict=True))
            if (p.kind == "indirect") is indirect and (j not in kind_of or kind_of[j] in types)
        ]
        counts[track] = PRF(
            tp=len(pairs(g_track, p_track)), predicted=len(p_track), gold=len(g_track)
        )
    t.direct += counts["direct"]
    t.indirect += counts["indirect"]


def _count_addressees(t: _Tally, g: GoldQuote, p: Predicted, owner: dict[str, set[str]]) -> None:
    """Add one quote's addressees: each predicted name is one character's, or a stray."""
    characters: set[str] = set()
    stray = 0
    for name in p.addressees:
        whose = owner.get(character_name(name))
        if whose and len(whose) == 1:
            characters |= whose
        else:
            stray += 1
    t.addressed += Accuracy(right=characters == g.addressees and not stray, total=1)
    t.addressee_pairs += PRF(
        tp=len(characters & g.addressees),
        predicted=len(characters) + stray,
        gold=len(g.addressees),
    )


def _trimmed(text: str, quotes: Sequence[_Q]) -> tuple[list[_Q], list[Span]]:
    """The quotes that keep some text once trimmed, and their trimmed spans."""
    kept = [(q, trimmed(text, q.start, q.end)) for q in quotes]
    kept = [(q, span) for q, span in kept if span[1] > span[0]]
    return [q for q, _ in kept], [span for _, span in kept]


def _calibrate(
    t: _Tally, p: Predicted, speaker: bool | None = None, name: bool | None = None
) -> None:
    """Count a matched quote's speaker (or name) in its band of confidence and its rule."""
    low, high = next((lo, hi) for lo, hi in pairwise(BANDS) if lo <= p.confidence < hi)
    for groups, key in ((t.by_band, f"{low:.1f} to {min(high, 1.0):.1f}"), (t.by_rule, p.rule)):
        s, n = groups.get(key, (Accuracy(), Accuracy()))
        if speaker is not None:
            s += Accuracy(right=speaker, total=1)
        if name is not None:
            n += Accuracy(right=name, total=1)
        groups[key] = (s, n)


def _rows(
    groups: dict[str, tuple[Accuracy, Accuracy]], order: list[str]
) -> tuple[Calibration, ...]:
    return tuple(Calibration(group=k, speaker=groups[k][0], name=groups[k][1]) for k in order)


def _coverage(
    documents: Sequence[GoldDocument], predictions: Sequence[Sequence[Predicted]], share: float
) -> Coverage:
    """The Gender Gap Tracker's rule: each gold quote in turn is found by the prediction left
    that overlaps it most (the first of equals), if it covers more than share of it. The spans
    are compared as they are, untrimmed."""
    found = PRF()
    right = 0
    for doc, predicted in zip(documents, predictions, strict=True):
        left = list(range(len(predicted)))
        spans = [(p.start, p.end) for p in predicted]
        hits = 0
        for g in doc.quotes:
            span = (g.start, g.end)
            best = max(left, key=lambda j: overlap(span, spans[j]), default=None)
            covered = 0 if best is None else overlap(span, spans[best])
            if best is not None and g.end > g.start and covered / (g.end - g.start) > share:
                hits += 1
                right += speaker_right(g, predicted[best])
                left.remove(best)
        found += PRF(tp=hits, predicted=len(predicted), gold=len(doc.quotes))
    return Coverage(threshold=share, quotes=found, speaker=Accuracy(right=right, total=found.tp))
