"""Named entities as quoteattr reads them from the recogniser's tags."""

from __future__ import annotations

import spacy
from spacy.tokens import Span

from quoteattr._doc.ents import entities, entity_at
from quoteattr._doc.strings import span_text


def test_an_entity_run_into_the_next_paragraph_is_two() -> None:
    """The small model tags "Tom s.\\n\\nClara" as one person where a paragraph ends with
    one name and the next opens with another: no entity goes on past a paragraph."""
    doc = spacy.blank("en")("They spoke of Tom s.\n\nClara wept. Jane Smith\nsat.")
    assert [t.text for t in doc][3:7] == ["Tom", "s.", "\n\n", "Clara"]
    jane = [t.text for t in doc].index("Jane")
    doc.ents = [Span(doc, 3, 7, label="PERSON"), Span(doc, jane, jane + 4, label="PERSON")]
    assert [(e.text, e.label_) for e in entities(doc)] == [
        ("Tom s.", "PERSON"),
        ("Clara", "PERSON"),
        ("Jane Smith\nsat", "PERSON"),  # a line break is no paragraph's end
    ]
    clara = entity_at(doc[6])
    assert clara is not None and clara.text == "Clara"


def test_span_text_is_spacys_for_every_span() -> None:
    """`span_text` cuts a span's text out of the Doc's, as ``Span.text`` joins it: without
    the whitespace after its last token, with the whitespace inside it."""
    doc = spacy.blank("en")("  Ann  Lee said:\n\n'No.' ")
    for start in range(len(doc) + 1):
        for end in range(start, len(doc) + 1):
            assert span_text(doc[start:end], doc.text) == doc[start:end].text


def test_an_entity_run_over_a_verb_is_two() -> None:
    """The small model tags "Hatherley was Winifred Lusk" as one facility: no entity goes
    on over a verb."""
    doc = spacy.blank("en")("Waiting at Hatherley was Winifred Lusk.")
    doc[3].pos_ = "AUX"
    doc.ents = [Span(doc, 2, 6, label="FAC")]
    assert [(e.text, e.label_) for e in entities(doc)] == [
        ("Hatherley", "FAC"),
        ("Winifred Lusk", "FAC"),
    ]
