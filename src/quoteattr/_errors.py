"""The library's exceptions: one base class, subclasses that also inherit the matching builtin."""

from __future__ import annotations


class QuoteattrError(Exception):
    """Base class of every error quoteattr raises on purpose."""


class ModelNotFoundError(QuoteattrError, OSError):
    """No usable spaCy pipeline could be loaded."""


class PipelineError(QuoteattrError, ValueError):
    """A spaCy pipeline or Doc lacks what quoteattr needs (a parser, named entities)."""


class GoldFormatError(QuoteattrError, ValueError):
    """A gold file for `evaluate` is not in the format docs/evaluate.md describes."""
