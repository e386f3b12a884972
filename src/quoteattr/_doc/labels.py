"""The spaCy labels the parse-based rules read: dependencies, parts of speech, entity types.

These are the labels of spaCy's English pipelines (ClearNLP dependencies, Universal POS,
OntoNotes entity types).
"""

from __future__ import annotations

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
APPOSITION_DEPS = frozenset({"appos"})
NOMINAL_POS = frozenset({"PROPN", "NOUN", "PRON"})
PERSON_LABELS = frozenset({"PERSON"})
GROUP_LABELS = frozenset({"ORG", "NORP", "GPE", "FAC"})
AGENT_LABELS = frozenset({"PERSON", "ORG", "NORP"})
TIME_LABELS = frozenset({"DATE", "TIME"})
