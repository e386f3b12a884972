"""The result types of `quoteattr.evaluate`: counts, and the figures computed from them."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs


@attrs.frozen(kw_only=True)
class PRF:
    """Precision, recall and F1 from the counts of right, predicted and gold items.

    Attributes:
        tp: The predicted items that match a gold one (true positives).
        predicted: All predicted items.
        gold: All gold items.
    """

    tp: int = 0
    predicted: int = 0
    gold: int = 0

    @property
    def precision(self) -> float:
        """The share of predicted items that are right, from 0 to 1 (0 if none)."""
        return self.tp / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        """The share of gold items that were found, from 0 to 1 (0 if none)."""
        return self.tp / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        """The harmonic mean of precision and recall, from 0 to 1."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: PRF) -> PRF:
        return PRF(
            tp=self.tp + other.tp,
            predicted=self.predicted + other.predicted,
            gold=self.gold + other.gold,
        )

    def to_dict(self) -> dict[str, Any]:
        """Return ``{"precision", "recall", "f1", "tp", "predicted", "gold"}``."""
        return {
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
            "tp": self.tp,
            "predicted": self.predicted,
            "gold": self.gold,
        }


@attrs.frozen(kw_only=True)
class Accuracy:
    """How many of the quotes scored were right.

    Attributes:
        right: The quotes that were right.
        total: The quotes scored.
    """

    right: int = 0
    total: int = 0

    @property
    def value(self) -> float | None:
        """The share that were right, from 0 to 1, or None if no quote was scored."""
        return self.right / self.total if self.total else None

    def __add__(self, other: Accuracy) -> Accuracy:
        return Accuracy(right=self.right + other.right, total=self.total + other.total)

    def to_dict(self) -> dict[str, Any]:
        """Return ``{"value", "right", "total"}``."""
        return {"value": self.value, "right": self.right, "total": self.total}


@attrs.frozen(kw_only=True)
class Coverage:
    """Quotes found by the Gender Gap Tracker's rule, to compare with its published figures.

    Attributes:
        threshold: A gold quote is found when one prediction covers more than this share of it.
        quotes: The quotes found.
        speaker: Of the quotes found, those whose speaker is right.
    """

    threshold: float
    quotes: PRF
    speaker: Accuracy

    def to_dict(self) -> dict[str, Any]:
        """Return ``{"threshold", "quotes": PRF dict, "speaker": Accuracy dict}``."""
        return {
            "threshold": self.threshold,
            "quotes": self.quotes.to_dict(),
            "speaker": self.speaker.to_dict(),
        }


@attrs.frozen(kw_only=True)
class Calibration:
    """How often the speaker is right among the matched quotes of one group: a band of
    confidence, or a rule.

    Attributes:
        group: The band (``"0.9 to 1.0"``: a confidence of at least 0.9, up to 1) or the
            rule's value (``"named"``).
        speaker: The quotes whose gold gives a speaker, and those whose speaker is right.
        name: The quotes whose gold gives a canonical name, and those whose name is right.
    """

    group: str
    speaker: Accuracy
    name: Accuracy

    def to_dict(self) -> dict[str, Any]:
        """Return ``{"group", "speaker": Accuracy dict, "name": Accuracy dict}``."""
        return {"group": self.group, "speaker": self.speaker.to_dict(), "name": self.name.to_dict()}


@attrs.frozen(kw_only=True)
class AddresseeScores:
    """Who a quote is spoken to, over the matched quotes whose gold names an addressee.

    Attributes:
        exact: The quotes whose predicted addressees are exactly the gold characters.
        pairs: Precision and recall over (quote, character) pairs; a predicted name that is
            no single character's is a wrong one.
    """

    exact: Accuracy
    pairs: PRF

    def to_dict(self) -> dict[str, Any]:
        """Return ``{"exact": Accuracy dict, "pairs": PRF dict}``."""
        return {"exact": self.exact.to_dict(), "pairs": self.pairs.to_dict()}


@attrs.frozen(kw_only=True)
class Evaluation:
    """How the quotes of a system match gold annotations: what `quoteattr.evaluate` returns.

    docs/evaluate.md states the rules each figure is counted by.

    Attributes:
        documents: The gold documents scored.
        quotes: Quotes found, of every kind, by overlap (half of each span).
        direct: Direct and mixed quotes found, against every prediction that is not indirect.
        indirect: Indirect quotes found, against the indirect predictions.
        exact: Quotes found with exactly the gold span (marks and edge punctuation aside).
        attributed: Quotes found with the right speaker.
        coverage: Quotes found by the Gender Gap Tracker's rule, at 0.3 and at 0.8.
        speaker: Of the matched quotes whose gold gives a speaker, those whose speaker is right.
        name: Of the matched quotes whose gold gives a canonical name, those named by it.
        character: Of the matched quotes, those whose speaker is named by one of the right
            character's names and no other's; None where the gold lists no characters.
        character_by_type: The same by the gold's attribution type (``"unknown"`` where
            it gives none).
        addressees: Who the quotes are spoken to; None where the gold names no addressee.
        calibration: The speaker and name accuracy of the matched quotes by band of
            confidence, the lowest first; bands without quotes are left out.
        rules: The same by rule, the most used first.
    """

    documents: int
    quotes: PRF
    direct: PRF
    indirect: PRF
    exact: PRF
    attributed: PRF
    coverage: tuple[Coverage, ...]
    speaker: Accuracy
    name: Accuracy
    character: Accuracy | None = None
    character_by_type: Mapping[str, Accuracy] = attrs.field(factory=dict)
    addressees: AddresseeScores | None = None
    calibration: tuple[Calibration, ...] = ()
    rules: tuple[Calibration, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """Return the figures as JSON-ready data, keyed by the attribute names."""
        return {
            "documents": self.documents,
            **{
                key: getattr(self, key).to_dict()
                for key in ("quotes", "direct", "indirect", "exact", "attributed")
            },
            "coverage": [c.to_dict() for c in self.coverage],
            "speaker": self.speaker.to_dict(),
            "name": self.name.to_dict(),
            "character": None if self.character is None else self.character.to_dict(),
            "character_by_type": {k: a.to_dict() for k, a in self.character_by_type.items()},
            "addressees": None if self.addressees is None else self.addressees.to_dict(),
            "calibration": [c.to_dict() for c in self.calibration],
            "rules": [c.to_dict() for c in self.rules],
        }

    def report(self) -> str:
        """Return the figures as the lines ``quoteattr evaluate`` prints, in percent."""
        lines = [f"documents   {self.documents}"]
        for label in ("quotes", "direct", "indirect", "exact", "attributed"):
            lines.append(f"{label:11s} {_prf(getattr(self, label))}")
        for c in self.coverage:
            lines.append(f"{f'ggt@{c.threshold}':11s} {_prf(c.quotes)}  speaker {_pc(c.speaker)}")
        lines.append(f"speaker accuracy on matched quotes: {_pc(self.speaker)}")
        lines.append(f"name accuracy on matched quotes with a canonical name: {_pc(self.name)}")
        if self.character is not None:
            lines.append(f"character accuracy: {_pc(self.character)}")
            typed = set(self.character_by_type) != {"unknown"}  # the gold gives the types
            for kind, accuracy in self.character_by_type.items() if typed else ():
                lines.append(f"character accuracy, {kind}: {_pc(accuracy)}")
        if self.addressees is not None:
            a = self.addressees
            lines.append(f"addressees  exact {_pc(a.exact)}  pairs {_prf(a.pairs)}")
        for title, rows in (("confidence", self.calibration), ("rule", self.rules)):
            lines += ["", f"| {title} | quotes | speaker right | names | name right |"]
            lines.append("| --- | ---: | ---: | ---: | ---: |")
            for row in rows:
                s, n = row.speaker, row.name
                lines.append(f"| {row.group} | {s.total} | {_cell(s)} | {n.total} | {_cell(n)} |")
        return "\n".join(lines)


def _percent(share: float) -> float:
    return round(100 * share, 1)


def _prf(s: PRF) -> str:
    p, r, f = _percent(s.precision), _percent(s.recall), _percent(s.f1)
    return f"P {p:5.1f}  R {r:5.1f}  F1 {f:5.1f}   (tp {s.tp}, pred {s.predicted}, gold {s.gold})"


def _pc(a: Accuracy) -> str:
    """The accuracy in percent with its count, or "n/a" (computed as 100 * right / total)."""
    return f"{round(100 * a.right / a.total, 1)} (n {a.total})" if a.total else "n/a"


def _cell(a: Accuracy) -> str:
    return f"{100 * a.right / a.total:.1f}%" if a.total else "-"
