"""quoteattr: find quoted speech in English text and say who said it.

>>> import quoteattr
>>> for q in quoteattr.extract(text):  # doctest: +SKIP
...     print(q.kind, q.speaker.name if q.speaker else None, q.text)
"""

from __future__ import annotations

from ._analysis import Analysis
from ._errors import ModelNotFoundError, PipelineError, QuoteattrError
from ._front.api import Extractor, analyze, extract
from ._front.render import render
from ._person import Gender, GenderEvidence, Person
from ._types import Cue, EntityKind, Mention, Quote, QuoteKind, Rule, Speaker

__version__ = "0.1.0"

__all__ = [
    "Analysis",
    "Cue",
    "EntityKind",
    "Extractor",
    "Gender",
    "GenderEvidence",
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
    "extract",
    "render",
]
