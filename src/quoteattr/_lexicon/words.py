"""The word lists of quotation and reported speech, each read from a file in data/ whose
header says where it came from."""

from __future__ import annotations

from .cues import both_spellings
from .files import word_set

# Speech verbs whose first object is who was spoken to, not what was said ("told reporters").
ADDRESSEE_VERBS = word_set("addressee_verbs.txt")
# Speech verbs whose object, not only a clause, is what was said: "denied having troops".
PROPOSITION_VERBS = both_spellings(word_set("proposition_verbs.txt"))
# Nouns for a document, which says what its issuer wrote: "the report said" (not a speaker).
DOCUMENT_NOUNS = word_set("document_nouns.txt")
# Verbs whose subject issued the document that is their object: "the council published".
ISSUING_VERBS = word_set("issuing_verbs.txt")
# Nouns that report what someone said when a that-clause follows: "her claim that ...".
REPORT_NOUNS = word_set("report_nouns.txt")
# Words that introduce a reported clause and are not part of what was said.
COMPLEMENTIZERS = word_set("complementizers.txt")
# Modal verbs that make a parenthetical speech verb a turn of phrase: "one might say".
HEDGES = word_set("hedges.txt")
# Words between a speaker and the cue verb that are neither: "Smith also said", "has said".
CUE_FILLERS = word_set("cue_fillers.txt")
# Words that open a clause or a phrase after a cue verb, not its speaker: "suggesting that".
CLAUSE_OPENERS = word_set("clause_openers.txt")
# Words before a quote that make it a scare quote: the so-called "reform".
SCARE_MARKERS = tuple(sorted(word_set("scare_markers.txt")))
# Small words a title in title case writes in lower case: "The Lord of the Rings".
TITLE_SMALL_WORDS = word_set("title_small_words.txt")
# Words whose first letters an apostrophe elides: 'em, 'tis, 'bout.
ELISIONS = word_set("elisions.txt")
