"""End to end: quoteattr.extract / Extractor on small invented news texts, real spaCy pipeline."""

from __future__ import annotations

from collections.abc import Callable

import pytest
import spacy

import quoteattr
from quoteattr import ModelNotFoundError, PipelineError, Quote, QuoteattrError, QuoteKind

pytestmark = pytest.mark.e2e

QuotesOf = Callable[[str], list[Quote]]
CheckOffsets = Callable[[str, list[Quote]], None]


def summary(q: Quote) -> tuple[object, ...]:
    """The parts of a quote the tests pin down exactly."""
    return (
        q.kind,
        q.speaker.name if q.speaker else None,
        q.speaker.mention.text if q.speaker and q.speaker.mention else None,
        q.cue.text if q.cue else None,
    )


# --- cue patterns ------------------------------------------------------------------------------


def test_quote_then_pronoun_said(quotes_of: QuotesOf) -> None:
    text = (
        "Tom Berg, the mayor of Eastvale, visited the building site on Monday.\n\n"
        '"We will open the new library in the spring," he said.'
    )
    quotes = quotes_of(text)
    assert [q.text for q in quotes] == ["We will open the new library in the spring,"]
    q = quotes[0]
    assert summary(q) == (QuoteKind.DIRECT, "Tom Berg", "he", "said")
    assert q.paragraph == 1
    assert q.rule == "pronoun"
    assert (q.cue.start, q.cue.end) == (text.index("said"), text.index("said") + 4)


def test_quote_then_said_name_inverted(quotes_of: QuotesOf) -> None:
    text = '"The harbour will be dredged next year," said Karlsson.'
    quotes = quotes_of(text)
    assert [q.text for q in quotes] == ["The harbour will be dredged next year,"]
    assert summary(quotes[0]) == (QuoteKind.DIRECT, "Karlsson", "Karlsson", "said")
    assert quotes[0].speaker.mention.start == text.index("Karlsson")


def test_pronoun_said_colon_then_quote(quotes_of: QuotesOf) -> None:
    text = (
        "Tom Berg, the mayor of Eastvale, opened the new library on Friday.\n\n"
        'He said: "This library belongs to everyone in the town."'
    )
    quotes = quotes_of(text)
    assert [q.text for q in quotes] == ["This library belongs to everyone in the town."]
    assert summary(quotes[0]) == (QuoteKind.DIRECT, "Tom Berg", "He", "said")


def test_quote_then_she_told_reporters(quotes_of: QuotesOf) -> None:
    text = (
        "Anna Holm, a police spokeswoman, spoke outside the station.\n\n"
        '"Nobody was hurt in the fire," she told reporters.'
    )
    quotes = quotes_of(text)
    assert [q.text for q in quotes] == ["Nobody was hurt in the fire,"]
    assert summary(quotes[0]) == (QuoteKind.DIRECT, "Anna Holm", "she", "told")


def test_quote_then_she_added(quotes_of: QuotesOf) -> None:
    text = (
        "Anna Holm, a police spokeswoman, spoke outside the station.\n\n"
        '"Nobody was hurt in the fire," she said. '
        '"The road will stay closed until Friday," she added.'
    )
    quotes = quotes_of(text)
    assert [q.text for q in quotes] == [
        "Nobody was hurt in the fire,",
        "The road will stay closed until Friday,",
    ]
    assert summary(quotes[0]) == (QuoteKind.DIRECT, "Anna Holm", "she", "said")
    assert summary(quotes[1]) == (QuoteKind.DIRECT, "Anna Holm", "she", "added")
    assert quotes[1].cue.start == text.index("added")


def test_according_to_before_quote(quotes_of: QuotesOf) -> None:
    text = 'According to Peter Nilsson, "the factory will close in June and 300 jobs will go."'
    quotes = quotes_of(text)
    assert [q.text for q in quotes] == ["the factory will close in June and 300 jobs will go."]
    assert summary(quotes[0]) == (
        QuoteKind.DIRECT,
        "Peter Nilsson",
        "Peter Nilsson",
        "According to",
    )


def test_according_to_after_quote(quotes_of: QuotesOf) -> None:
    text = (
        '"The factory will close in June and 300 jobs will go," according to Peter Nilsson, '
        "the union leader."
    )
    quotes = quotes_of(text)
    assert [q.text for q in quotes] == ["The factory will close in June and 300 jobs will go,"]
    assert summary(quotes[0]) == (
        QuoteKind.DIRECT,
        "Peter Nilsson",
        "Peter Nilsson",
        "according to",
    )


def test_colon_introduction_by_name(quotes_of: QuotesOf) -> None:
    text = (
        "The company denied every claim in the report.\n\n"
        'Smith: "We have done nothing wrong and we will prove it in court."'
    )
    quotes = quotes_of(text)
    assert [(q.kind, q.text) for q in quotes] == [
        (QuoteKind.INDIRECT, "every claim in the report"),  # what the company denied
        (QuoteKind.DIRECT, "We have done nothing wrong and we will prove it in court."),
    ]
    q = quotes[1]
    assert summary(q) == (QuoteKind.DIRECT, "Smith", "Smith", ":")
    assert q.rule == "colon"
    assert q.cue.start == text.index(":")


def test_split_quote_gives_two_quotes_with_the_same_speaker_and_cue(quotes_of: QuotesOf) -> None:
    text = (
        "Lena Berg, the head teacher, waited at the school gate.\n\n"
        '"The school will reopen on Monday," she said, "and lessons will start at nine."'
    )
    quotes = quotes_of(text)
    assert [q.text for q in quotes] == [
        "The school will reopen on Monday,",
        "and lessons will start at nine.",
    ]
    said = text.index("said")
    for q in quotes:
        assert summary(q) == (QuoteKind.DIRECT, "Lena Berg", "she", "said")
        assert (q.cue.start, q.cue.end) == (said, said + 4)


# --- speaker resolution --------------------------------------------------------------------------

LOPEZ = "Maria Lopez, the city's housing director, welcomed the vote on Tuesday.\n\n"


def test_pronoun_resolves_to_full_name_introduced_earlier(quotes_of: QuotesOf) -> None:
    text = LOPEZ + '"We will build 500 homes this year," she said.'
    quotes = quotes_of(text)
    assert [q.text for q in quotes] == ["We will build 500 homes this year,"]
    q = quotes[0]
    assert summary(q) == (QuoteKind.DIRECT, "Maria Lopez", "she", "said")
    assert q.speaker.entity == "person"
    assert q.speaker.mention.start == text.index("she said")
    assert q.rule == "pronoun"


def test_title_and_surname_resolve_to_full_name(quotes_of: QuotesOf) -> None:
    text = LOPEZ + '"We will build 500 homes this year," Ms Lopez said.'
    quotes = quotes_of(text)
    assert [q.text for q in quotes] == ["We will build 500 homes this year,"]
    q = quotes[0]
    assert summary(q) == (QuoteKind.DIRECT, "Maria Lopez", "Ms Lopez", "said")
    assert q.speaker.entity == "person"
    assert q.rule == "named"


def test_surname_alone_resolves_to_full_name(quotes_of: QuotesOf) -> None:
    text = LOPEZ + '"We will build 500 homes this year," said Lopez.'
    quotes = quotes_of(text)
    assert [q.text for q in quotes] == ["We will build 500 homes this year,"]
    assert summary(quotes[0]) == (QuoteKind.DIRECT, "Maria Lopez", "Lopez", "said")


def test_quote_only_paragraph_continues_previous_speaker(quotes_of: QuotesOf) -> None:
    text = (
        LOPEZ + '"We will build 500 homes this year," she said.\n\n'
        '"Families in this city have waited long enough for them."'
    )
    quotes = quotes_of(text)
    assert [q.text for q in quotes] == [
        "We will build 500 homes this year,",
        "Families in this city have waited long enough for them.",
    ]
    first, second = quotes
    assert summary(second) == (QuoteKind.DIRECT, "Maria Lopez", "she", None)
    assert second.cue is None
    assert second.rule == "continuation"
    assert second.paragraph == 2
    assert second.speaker == first.speaker


def test_windows_newlines_keep_offsets_and_continuation(quotes_of: QuotesOf) -> None:
    text = (
        LOPEZ.replace("\n", "\r\n") + '"We will build 500 homes this year," she said.\r\n\r\n'
        '"Families in this city have waited long enough for them."'
    )
    quotes = quotes_of(text)
    assert [(q.text, q.paragraph, q.rule) for q in quotes] == [
        ("We will build 500 homes this year,", 1, "pronoun"),
        ("Families in this city have waited long enough for them.", 2, "continuation"),
    ]
    assert [q.speaker.name if q.speaker else None for q in quotes] == ["Maria Lopez"] * 2


# --- other kinds ---------------------------------------------------------------------------------


def test_indirect_quote_with_that_clause(quotes_of: QuotesOf) -> None:
    text = "Officials told reporters that the bridge would reopen in May."
    quotes = quotes_of(text)
    assert [q.text for q in quotes] == ["the bridge would reopen in May"]
    q = quotes[0]
    assert summary(q) == (QuoteKind.INDIRECT, "Officials", "Officials", "told")


def test_pull_quote_between_layout_markers(quotes_of: QuotesOf) -> None:
    text = (
        "The town council met on Thursday.\n\n"
        "Start Quote\n\n"
        "We have never had a budget like this one before\n\n"
        "End Quote Jane Doe Mayor of Springfield\n\n"
        "The budget was passed by nine votes to two."
    )
    quotes = quotes_of(text)
    assert [q.text for q in quotes] == ["We have never had a budget like this one before"]
    q = quotes[0]
    assert summary(q) == (QuoteKind.PULL, "Jane Doe", "Jane Doe", "End Quote")
    assert q.speaker.role == "Mayor of Springfield"
    assert q.rule == "layout"


# --- input handling and errors -----------------------------------------------------------------


def test_empty_string_gives_no_quotes(extractor: quoteattr.Extractor) -> None:
    assert extractor.extract("") == []


def test_text_without_quotes_gives_no_quotes(quotes_of: QuotesOf) -> None:
    assert quotes_of("The river rose by two metres overnight.") == []


def test_module_level_extract_uses_given_pipeline(
    nlp: spacy.language.Language, extractor: quoteattr.Extractor, assert_offsets: CheckOffsets
) -> None:
    text = LOPEZ + '"We will build 500 homes this year," she said.'
    quotes = quoteattr.extract(text, nlp=nlp)
    assert_offsets(text, quotes)
    assert quotes == extractor.extract(text)
    assert quoteattr.extract("", nlp=nlp) == []


@pytest.mark.parametrize(
    ("bad", "words"),
    [(None, ["str", "NoneType"]), (b"bytes", ["str", "bytes", "decode"]), (42, ["str", "int"])],
    ids=["none", "bytes", "int"],
)
def test_non_str_text_raises_type_error_with_helpful_message(bad: object, words: list[str]) -> None:
    with pytest.raises(TypeError) as err:
        quoteattr.extract(bad)  # type: ignore[arg-type]
    for word in words:
        assert word in str(err.value)


@pytest.mark.parametrize("bad", [None, b"bytes", 42], ids=["none", "bytes", "int"])
def test_extractor_extract_non_str_raises_type_error(
    extractor: quoteattr.Extractor, bad: object
) -> None:
    with pytest.raises(TypeError):
        extractor.extract(bad)  # type: ignore[arg-type]


def test_pipeline_without_parser_raises_pipeline_error() -> None:
    with pytest.raises(PipelineError) as err:
        quoteattr.Extractor(nlp=spacy.blank("en")).extract("Some words here.")
    assert isinstance(err.value, QuoteattrError)
    assert isinstance(err.value, ValueError)
    assert "parser" in str(err.value)


def test_extract_doc_without_parse_raises_pipeline_error() -> None:
    doc = spacy.blank("en")("some text")
    with pytest.raises(PipelineError):
        quoteattr.Extractor().extract_doc(doc)


def test_unknown_pipeline_name_raises_model_not_found_error() -> None:
    with pytest.raises(ModelNotFoundError) as err:
        quoteattr.Extractor(nlp="no_such_pipeline_xyz").extract("x")
    assert isinstance(err.value, OSError)
    assert isinstance(err.value, QuoteattrError)
    assert "no_such_pipeline_xyz" in str(err.value)


def test_unknown_pipeline_name_is_catchable_as_os_error() -> None:
    with pytest.raises(OSError):
        quoteattr.extract("x", nlp="no_such_pipeline_xyz")


def test_extract_doc_matches_extract(
    nlp: spacy.language.Language, extractor: quoteattr.Extractor
) -> None:
    text = LOPEZ + '"We will build 500 homes this year," she said.'
    assert extractor.extract_doc(nlp(text)) == extractor.extract(text)


def test_pipe_yields_same_results_as_extract_in_order(
    extractor: quoteattr.Extractor, assert_offsets: CheckOffsets
) -> None:
    texts = [
        LOPEZ + '"We will build 500 homes this year," she said.',
        "",
        "The river rose by two metres overnight.",
        "Officials told reporters that the bridge would reopen in May.",
        '"The harbour will be dredged next year," said Karlsson.',
    ]
    piped = list(extractor.pipe(texts, batch_size=2))
    assert piped == [extractor.extract(t) for t in texts]
    assert [len(p) for p in piped] == [1, 0, 0, 1, 1]
    for text, quotes in zip(texts, piped, strict=True):
        assert_offsets(text, quotes)


def test_pipe_accepts_a_generator_and_keeps_order(extractor: quoteattr.Extractor) -> None:
    texts = [f'"The count today is {n} and rising," said Karlsson.' for n in range(5)]
    piped = list(extractor.pipe(t for t in texts))
    assert [[q.text for q in quotes] for quotes in piped] == [
        [f"The count today is {n} and rising,"] for n in range(5)
    ]


def test_role_follows_the_person_to_a_later_pronoun(quotes_of: QuotesOf) -> None:
    text = (
        "Maria Lopez, the city's housing director, welcomed the vote. "
        '"We will build 500 homes this year," she said.'
    )
    [q] = quotes_of(text)
    assert (q.speaker.name, q.speaker.role, q.speaker.mention.text) == (
        "Maria Lopez",
        "the city's housing director",
        "she",
    )


def test_name_in_loose_apposition_names_the_speaker(quotes_of: QuotesOf) -> None:
    text = "Its leader, Sarah Cole, said that talks would resume next week."
    [q] = quotes_of(text)
    assert (q.kind, q.text) == (QuoteKind.INDIRECT, "talks would resume next week")
    assert (q.speaker.name, q.speaker.role, q.speaker.mention.text) == (
        "Sarah Cole",
        "Its leader",
        "Its leader",
    )


def test_according_to_reports_the_clause_it_hangs_on(quotes_of: QuotesOf) -> None:
    text = "The bridge will reopen in May, according to city officials."
    [q] = quotes_of(text)
    assert (q.kind, q.text, q.cue.text) == (
        QuoteKind.INDIRECT,
        "The bridge will reopen in May",
        "according to",
    )
    assert q.speaker.name == "city officials"


def test_passive_agent_is_the_speaker(quotes_of: QuotesOf) -> None:
    text = "The mayor was told by engineers that the bridge would reopen in May."
    [q] = quotes_of(text)
    assert (q.kind, q.text, q.cue.text, q.speaker.name) == (
        QuoteKind.INDIRECT,
        "the bridge would reopen in May",
        "told",
        "engineers",
    )


def test_dash_attribution_after_the_quote(quotes_of: QuotesOf) -> None:
    text = '"We will rebuild the bridge before winter." -- Commissioner Jane Doe'
    [q] = quotes_of(text)
    assert (q.kind, q.text, q.cue.text, q.speaker.name) == (
        QuoteKind.DIRECT,
        "We will rebuild the bridge before winter.",
        "--",
        "Jane Doe",
    )


def test_report_noun_with_a_that_clause(quotes_of: QuotesOf) -> None:
    text = "Maria Lopez's claim that the budget was balanced surprised the council."
    [q] = quotes_of(text)
    assert (q.kind, q.text, q.cue.text, q.speaker.name) == (
        QuoteKind.INDIRECT,
        "the budget was balanced",
        "claim",
        "Maria Lopez",
    )


def test_words_held_up_inside_a_sentence_are_not_speech(quotes_of: QuotesOf) -> None:
    text = (
        "The old house had a \u201cfront hall\u201d and a \u201cback hall.\u201d Over the door "
        'hung the word "Welcome," painted in red.\n\n'
        'On the map the hill was "the old giant of the north."\n\n'
        '"Come in out of the rain," said Nora Quill.'
    )
    quotes = quotes_of(text)
    assert [q.text for q in quotes] == ["Come in out of the rain,"]
    assert quotes[0].speaker is not None and quotes[0].speaker.name == "Nora Quill"


def test_dash_dialogue_quotes_and_speakers(quotes_of: QuotesOf) -> None:
    text = (
        "Mara Quill stood at the window.\n\n"
        "\u2014The tide is in, Mara said. We should go down now.\n\n"
        "\u2014Not yet, said Tom Hale. Not before the boat comes."
    )
    quotes = quotes_of(text)
    assert [(q.text, q.speaker.name if q.speaker else None) for q in quotes] == [
        ("The tide is in,", "Mara Quill"),
        ("We should go down now.", "Mara Quill"),
        ("Not yet,", "Tom Hale"),
        ("Not before the boat comes.", "Tom Hale"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        '"Maybe so," Jeff Lane suggested, with his lazy smile.',
        "He urged his horse into a canter.",
        "The prize was promised to the man who caught him.",
    ],
)
def test_how_or_to_whom_something_was_said_is_not_what_was_said(
    quotes_of: QuotesOf, text: str
) -> None:
    assert [q.kind for q in quotes_of(text)] in ([], [QuoteKind.DIRECT])


def test_speaker_after_an_inverted_cue_is_not_reported_speech(quotes_of: QuotesOf) -> None:
    text = '"Hardly, with the storm coming," said Robert, shaking his head.'
    quotes = quotes_of(text)
    assert [(q.kind, q.text) for q in quotes] == [
        (QuoteKind.DIRECT, "Hardly, with the storm coming,")
    ]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("The bridge will reopen in May, Ana Ruiz said on Monday.", "Ana Ruiz"),
        ("The bridge will reopen in May, said Ana Ruiz.", "Ana Ruiz"),
        ("The bridge will reopen in May, city officials have said.", "city officials"),
    ],
)
def test_reported_clause_before_its_speaker(quotes_of: QuotesOf, text: str, speaker: str) -> None:
    [q] = quotes_of(text)
    assert (q.kind, q.text, q.speaker.name if q.speaker else None) == (
        QuoteKind.INDIRECT,
        "The bridge will reopen in May",
        speaker,
    )


@pytest.mark.parametrize(
    "text",
    [
        "Ana Ruiz crossed the room and, reaching into her pocket, said nothing.",
        "The clerk kept the books; wrote a neat hand; said little.",
        "The bridge was closed, so Ana Ruiz urged the council to act.",
    ],
)
def test_narration_before_a_speech_verb_is_not_reported_speech(
    quotes_of: QuotesOf, text: str
) -> None:
    assert [q.kind for q in quotes_of(text) if q.start == 0] == []


def test_speech_verb_set_inside_the_clause_it_reports(quotes_of: QuotesOf) -> None:
    text = "The new bridge, engineers say, will carry twice the traffic."
    quotes = quotes_of(text)
    assert [(q.kind, q.text, q.cue.text if q.cue else None) for q in quotes] == [
        (QuoteKind.INDIRECT, "The new bridge", "say"),
        (QuoteKind.INDIRECT, "will carry twice the traffic", "say"),
    ]
    assert {q.speaker.name if q.speaker else None for q in quotes} == {"engineers"}


def test_narrators_turn_of_phrase_is_not_reported_speech(quotes_of: QuotesOf) -> None:
    assert quotes_of("My mother, I say, was sitting by the fire that evening.") == []


def test_according_to_at_the_end_reports_the_whole_sentence(quotes_of: QuotesOf) -> None:
    text = (
        "Teenage borrowers with no credit records might not be so lucky, according to "
        "Jo Park, a former adviser."
    )
    [q] = quotes_of(text)
    assert (q.kind, q.text, q.speaker.name if q.speaker else None) == (
        QuoteKind.INDIRECT,
        "Teenage borrowers with no credit records might not be so lucky",
        "Jo Park",
    )


def test_quote_ending_in_a_quote_within_it_is_still_open_for_a_cue(quotes_of: QuotesOf) -> None:
    """The comma before the inner closing mark leaves the sentence open: the cue comes after."""
    text = (
        "Ron Vale, a farmer, met the minister on Monday.\n\n"
        "\"She looked at me and said, 'We will help you,'\" Vale told reporters at the farm."
    )
    quotes = quotes_of(text)
    assert [q.text for q in quotes] == ["She looked at me and said, 'We will help you,'"]
    assert summary(quotes[0]) == (QuoteKind.DIRECT, "Ron Vale", "Vale", "told")
    assert quotes[0].rule == "named"


def test_time_stamp_paragraph_is_not_the_speaker(quotes_of: QuotesOf) -> None:
    """A live blog's time stamp that the parser makes the subject of the next paragraph's verb
    is not who spoke: the name before the verb in the verb's own paragraph is."""
    text = (
        "___.\n\n12:15 p.m.:\n\n"
        "President Ann Lee says that despite the warnings of her rivals, "
        "she has no plan to raise taxes."
    )
    quotes = quotes_of(text)
    assert [q.text for q in quotes] == [
        "despite the warnings of her rivals, she has no plan to raise taxes"
    ]
    assert summary(quotes[0]) == (QuoteKind.INDIRECT, "Ann Lee", "President Ann Lee", "says")
    assert quotes[0].rule == "named"


def test_speaker_between_quote_and_verb_when_the_parse_has_no_subject(quotes_of: QuotesOf) -> None:
    """After a quote, the noun phrase before the verb names the speaker, not a noun after it."""
    text = (
        "Officials in Leeds defended the deal.\n\n"
        '"If they had waited, I would have been in prison for a long time," '
        "Mr. Dale, now 79 and living in Dover, Del., said by phone last week."
    )
    quotes = quotes_of(text)
    assert [q.text for q in quotes] == [
        "If they had waited, I would have been in prison for a long time,"
    ]
    assert summary(quotes[0]) == (QuoteKind.DIRECT, "Mr. Dale", "Mr. Dale", "said")


def test_speech_verb_after_a_preposition_takes_the_main_subject(quotes_of: QuotesOf) -> None:
    """ "After suggesting that ..., Reed ...": the verb of the main clause lends its subject."""
    text = (
        "Mayor Ann Lee spoke in Leeds on Friday.\n\n"
        "After suggesting on Tuesday that she regretted the remarks, "
        "Tom Reed seldom argued with her."
    )
    quotes = quotes_of(text)
    assert [q.text for q in quotes] == ["she regretted the remarks"]
    assert summary(quotes[0]) == (QuoteKind.INDIRECT, "Tom Reed", "Tom Reed", "suggesting")


def test_context_sentence_run_on_from_the_quote_before(quotes_of: QuotesOf) -> None:
    """The parser may make "Potts echoed:" part of the quoted sentence before it; the speaker
    is still the subject of the narration in the paragraph just before the quote."""
    text = (
        "Voters in Leeds met the candidate on Friday.\n\n"
        '"I trust her. I think she will keep most of the promises she made, '
        'and by heaven, she means them."\n\n'
        "Jared Potts, 17, echoed:\n\n"
        '"She says what she thinks, and I believe the town needs that now."'
    )
    quotes = quotes_of(text)
    assert len(quotes) == 2
    assert summary(quotes[1]) == (QuoteKind.DIRECT, "Jared Potts", "Jared Potts", None)
    assert quotes[1].rule == "context"


def test_dateline_is_not_the_speaker_when_the_verb_has_two_subjects(quotes_of: QuotesOf) -> None:
    """The parser makes both the dateline and the name subjects of "said": the one nearest
    the verb is the speaker."""
    text = "WASHINGTON (AP) — Senator Ann Lee said Tuesday that the bill would pass."
    quotes = quotes_of(text)
    assert [q.text for q in quotes] == ["the bill would pass"]
    assert summary(quotes[0]) == (QuoteKind.INDIRECT, "Ann Lee", "Senator Ann Lee", "said")


def test_statement_then_who_said_it_is_an_indirect_quote(quotes_of: QuotesOf) -> None:
    """ "The bridge will be closed, the mayor said." as a paragraph of its own reports speech."""
    text = (
        "The council met on Monday.\n\n"
        "The old bridge will be closed until the spring, the mayor said.\n\n"
        "Work starts in May."
    )
    quotes = quotes_of(text)
    assert [q.text for q in quotes] == ["The old bridge will be closed until the spring"]
    assert summary(quotes[0]) == (QuoteKind.INDIRECT, "the mayor", "the mayor", "said")


def test_quote_after_a_cued_quote_in_its_paragraph_goes_on_with_that_speaker(
    quotes_of: QuotesOf,
) -> None:
    """The narration between the two quotes is the first one's cue: Reed, named in it, did
    not speak."""
    text = (
        "Ann Lee, the mayor, spoke on Monday.\n\n"
        '"We will rebuild the bridge," Lee said after Tom Reed criticized the plan. '
        '"It will take two years."'
    )
    quotes = quotes_of(text)
    assert [q.text for q in quotes] == ["We will rebuild the bridge,", "It will take two years."]
    assert summary(quotes[1]) == (QuoteKind.DIRECT, "Ann Lee", "Lee", None)
    assert quotes[1].rule == "continuation"


def test_module_level_extract_takes_a_mode() -> None:
    text = '"We will build 500 homes this year," Maria Lopez said.'
    [q] = quoteattr.extract(text, mode="fast")
    assert (q.kind, q.speaker.name if q.speaker else None) == (QuoteKind.DIRECT, "Maria Lopez")
    with pytest.raises(ValueError, match="Unknown mode 'quick'"):
        quoteattr.extract(text, mode="quick")


@pytest.mark.parametrize(
    "text",
    [
        'Ann Lee, who hosts "Morning With Ann," said the show would end in May.',
        'Read more: "City Plans a New Bridge Over the Old River," by Tom Reed.',
        '"A bridge too far for the council, and too late for the town," by Tom Reed, is out now.',
    ],
)
def test_titles_and_headlines_are_not_speech(quotes_of: QuotesOf, text: str) -> None:
    assert [q.kind for q in quotes_of(text) if q.kind is not QuoteKind.INDIRECT] == []


def test_evaluative_speech_verbs_cue_quotes(quotes_of: QuotesOf) -> None:
    text = (
        'Senator Ann Lee mocked the plan as "a gift to the lobbyists who wrote it." '
        "Tom Reed hinted that the plan would fail."
    )
    quotes = quotes_of(text)
    assert [(q.kind, q.cue.text if q.cue else None) for q in quotes] == [
        (QuoteKind.MIXED, "mocked"),
        (QuoteKind.INDIRECT, "hinted"),
    ]


def test_the_official_is_the_source_a_description_brought_in(quotes_of: QuotesOf) -> None:
    text = (
        '"The bridge will reopen in May," said a senior official who asked not to be named.\n\n'
        "Repairs began last year after a storm damaged the deck.\n\n"
        '"We have no other choice," the official said.'
    )
    quotes = quotes_of(text)
    assert [q.speaker.name if q.speaker else None for q in quotes] == [
        "a senior official who asked not to be named",
        "a senior official who asked not to be named",
    ]
    assert quotes[1].speaker.mention.text == "the official"
    assert quotes[0].speaker.person == quotes[1].speaker.person


def test_they_is_the_group_the_sentence_made_its_subject(quotes_of: QuotesOf) -> None:
    text = (
        "While local farmers welcomed the new canal, they said "
        '"the water will come too late for this harvest."'
    )
    quotes = quotes_of(text)
    assert [q.speaker.name if q.speaker else None for q in quotes] == ["local farmers"]
    assert quotes[0].speaker.mention.text == "they"
    assert quotes[0].rule == "group"


def test_an_extraction_leaves_no_reference_cycles(
    nlp: spacy.language.Language, extractor: quoteattr.Extractor
) -> None:
    """What an extraction reads of a Doc goes when it ends, without the garbage collector:
    a cycle would keep its objects alive into the collector's older generations."""
    import gc

    text = (
        "Monsanto issued a statement on Monday. A senior official who asked not to be named "
        "said the plan would fail.\n\n"
        'Ana Ruiz, the mayor, was asked about the bridge. "It will open in May."\n\n'
        '"We disagree," the company said. "The plan is sound," the official said.'
    )
    doc = nlp(text)
    gc.collect()
    gc.disable()
    try:
        quotes = extractor.extract_doc(doc)
        assert gc.collect() == 0
    finally:
        gc.enable()
    # the steps that keep state for the Doc ran: the context rule, descriptions, organisations
    assert [q.rule for q in quotes][:3] == ["group", "context", "group"]
    assert quotes[2].speaker is not None and quotes[2].speaker.name == "Monsanto"


def test_spaced_guillemets_end_at_their_closing_mark(
    quotes_of: QuotesOf, assert_offsets: CheckOffsets
) -> None:
    """French typography: spaces (here also no-break spaces) inside the guillemets."""
    text = (
        "Marie Dubois looked at the barn. « We sleep here », she said. « Tomorrow we walk on. »"
        "\n\nPaul Martin said\u00a0: «\u00a0That suits me well\u00a0»."
    )
    quotes = quotes_of(text)
    assert_offsets(text, quotes)
    assert [(q.text, *summary(q)) for q in quotes] == [
        ("We sleep here", QuoteKind.DIRECT, "Marie Dubois", "she", "said"),
        ("Tomorrow we walk on.", QuoteKind.DIRECT, "Marie Dubois", "she", None),
        ("That suits me well", QuoteKind.DIRECT, "Paul Martin", "Paul Martin", "said"),
    ]
