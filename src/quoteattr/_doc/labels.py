"""The spaCy labels the parse-based rules read: dependencies, parts of speech, entity types.

These are the labels of spaCy's English pipelines (ClearNLP dependencies, Universal POS,
OntoNotes entity types).
"""

from __future__ import annotations

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
APPOSITION_DEPS = frozenset({"appos"})
NOMINAL_POS = frozenset({"PROPN", "NOUN", "PRON"})
# Penn Treebank tags of nouns, common and proper, and of the plural ones among them.
NOUN_TAGS = frozenset({"NN", "NNS", "NNP", "NNPS"})
PLURAL_NOUN_TAGS = frozenset({"NNS", "NNPS"})
PERSON_LABELS = frozenset({"PERSON"})
GROUP_LABELS = frozenset({"ORG", "NORP", "GPE", "FAC"})
AGENT_LABELS = frozenset({"PERSON", "ORG", "NORP"})
TIME_LABELS = frozenset({"DATE", "TIME"})
# The labels the small model gives a person's name by mistake, which the document's other
# evidence may overrule (not places: "Washington" is not George Washington) ...
MISLABELLED = frozenset({"ORG", "NORP", "WORK_OF_ART", "PRODUCT"})
# ... and those of places, where the name is the subject of a verb ("Nefzi said" as a GPE).
PLACE_LABELS = frozenset({"GPE"})
