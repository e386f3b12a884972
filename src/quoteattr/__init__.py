"""quoteattr: find quoted speech in English text and say who said it.

>>> import quoteattr
>>> for q in quoteattr.extract(text):  # doctest: +SKIP
...     print(q.kind, q.speaker.name if q.speaker else None, q.text)
"""

from __future__ import annotations

from ._analysis import Analysis
from ._errors import GoldFormatError, ModelNotFoundError, PipelineError, QuoteattrError
from ._evaluate.scores import PRF, Accuracy, AddresseeScores, Calibration, Coverage, Evaluation
from ._front.api import Extractor, analyze, extract
from ._front.evaluate import evaluate
from ._front.network import render_network
from ._front.render import render
from ._person import Gender, GenderEvidence, Person
from ._types import Addressee, Cue, EntityKind, Mention, Quote, QuoteKind, Rule, Speaker

__version__ = "0.1.0"

__all__ = [
    "PRF",
    "Accuracy",
    "Addressee",
    "AddresseeScores",
    "Analysis",
    "Calibration",
    "Coverage",
    "Cue",
    "EntityKind",
    "Evaluation",
    "Extractor",
    "Gender",
    "GenderEvidence",
    "GoldFormatError",
    "Mention",
    "ModelNotFoundError",
    "Person",
    "PipelineError",
    "Quote",
    "QuoteKind",
    "QuoteattrError",
    "Rule",
    "Speaker",
    "__version__",
    "analyze",
    "evaluate",
    "extract",
    "render",
    "render_network",
]
