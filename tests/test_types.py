"""The result types: to_dict(), JSON, immutability, QuoteKind values. No spaCy model needed."""

from __future__ import annotations

import json
import pickle

import attrs
import pytest

import quoteattr
from quoteattr import Addressee, Cue, Mention, Quote, QuoteKind, Speaker

MENTION = Mention(text="she", start=40, end=43)
CUE = Cue(text="said", start=44, end=48)
SPEAKER = Speaker(name="Maria Lopez", mention=MENTION, role="housing director", entity="person")
QUOTE = Quote(
    text="We will build homes,",
    start=1,
    end=21,
    kind=QuoteKind.DIRECT,
    speaker=SPEAKER,
    cue=CUE,
    confidence=0.8,
    paragraph=2,
    rule="pronoun",
    addressees=[Addressee(name="reporters", mention=Mention(text="reporters", start=54, end=63))],
)


def test_mention_to_dict_has_documented_keys_and_values() -> None:
    assert MENTION.to_dict() == {"text": "she", "start": 40, "end": 43}


def test_cue_to_dict_has_documented_keys_and_values() -> None:
    assert CUE.to_dict() == {"text": "said", "start": 44, "end": 48}


def test_speaker_to_dict_has_documented_keys_and_nested_mention() -> None:
    assert SPEAKER.to_dict() == {
        "name": "Maria Lopez",
        "mention": {"text": "she", "start": 40, "end": 43},
        "role": "housing director",
        "entity": "person",
        "person": None,
    }


def test_speaker_defaults_to_no_mention_no_role_entity_other() -> None:
    assert Speaker(name="Police").to_dict() == {
        "name": "Police",
        "mention": None,
        "role": None,
        "entity": "other",
        "person": None,
    }


def test_quote_to_dict_has_documented_keys_and_nested_dicts() -> None:
    assert QUOTE.to_dict() == {
        "text": "We will build homes,",
        "start": 1,
        "end": 21,
        "kind": "direct",
        "speaker": {
            "name": "Maria Lopez",
            "mention": {"text": "she", "start": 40, "end": 43},
            "role": "housing director",
            "entity": "person",
            "person": None,
        },
        "cue": {"text": "said", "start": 44, "end": 48},
        "confidence": 0.8,
        "paragraph": 2,
        "rule": "pronoun",
        "addressees": [
            {
                "name": "reporters",
                "mention": {"text": "reporters", "start": 54, "end": 63},
                "entity": "other",
                "person": None,
            }
        ],
    }


def test_quote_defaults_to_no_speaker_no_cue_rule_none() -> None:
    q = Quote(text="words", start=0, end=5, kind=QuoteKind.INDIRECT)
    assert q.to_dict() == {
        "text": "words",
        "start": 0,
        "end": 5,
        "kind": "indirect",
        "speaker": None,
        "cue": None,
        "confidence": 0.0,
        "paragraph": 0,
        "rule": "none",
        "addressees": [],
    }


def test_quote_kind_in_to_dict_is_a_plain_str() -> None:
    assert type(QUOTE.to_dict()["kind"]) is str


@pytest.mark.parametrize(
    "obj",
    [
        MENTION,
        CUE,
        SPEAKER,
        QUOTE,
        Speaker(name="Police"),
        Addressee(name="Emma Woodhouse", entity="person", person="p1"),
        Quote(text="w", start=0, end=1, kind=QuoteKind.PULL),
    ],
)
def test_to_dict_round_trips_through_json(obj: object) -> None:
    d = obj.to_dict()  # type: ignore[attr-defined]
    assert json.loads(json.dumps(d)) == d


@pytest.mark.parametrize(
    "obj",
    [
        MENTION,
        CUE,
        SPEAKER,
        QUOTE,
        Speaker(name="Police"),
        Addressee(name="Emma Woodhouse", entity="person", person="p1"),
        Quote(text="w", start=0, end=1, kind=QuoteKind.PULL),
    ],
)
def test_from_dict_rebuilds_what_to_dict_gave_even_through_json(obj: object) -> None:
    cls = type(obj)
    data = obj.to_dict()  # type: ignore[attr-defined]
    assert cls.from_dict(data) == obj  # type: ignore[attr-defined]
    assert cls.from_dict(json.loads(json.dumps(data))) == obj  # type: ignore[attr-defined]


def test_quote_from_dict_makes_a_quote_kind_and_nested_objects() -> None:
    q = Quote.from_dict(QUOTE.to_dict())
    assert q.kind is QuoteKind.DIRECT
    assert isinstance(q.speaker, Speaker)
    assert isinstance(q.speaker.mention, Mention)
    assert isinstance(q.cue, Cue)
    assert q.addressees == QUOTE.addressees
    assert isinstance(q.addressees, tuple)
    assert isinstance(q.addressees[0].mention, Mention)


def test_from_dict_fills_in_defaults_for_missing_optional_keys() -> None:
    assert Quote.from_dict({"text": "w", "start": 0, "end": 1, "kind": "mixed"}) == Quote(
        text="w", start=0, end=1, kind=QuoteKind.MIXED
    )
    assert Speaker.from_dict({"name": "Police"}) == Speaker(name="Police")


def test_from_dict_rejects_an_unknown_kind_and_a_missing_key() -> None:
    with pytest.raises(ValueError, match="'spoken'"):
        Quote.from_dict({"text": "w", "start": 0, "end": 1, "kind": "spoken"})
    with pytest.raises(KeyError, match="end"):
        Cue.from_dict({"text": "said", "start": 0})


@pytest.mark.parametrize(
    ("obj", "field", "value"),
    [
        (MENTION, "text", "he"),
        (CUE, "start", 0),
        (SPEAKER, "name", "Someone Else"),
        (SPEAKER, "mention", None),
        (QUOTE, "text", "changed"),
        (QUOTE, "kind", QuoteKind.PULL),
        (QUOTE, "speaker", None),
    ],
)
def test_instances_are_frozen(obj: object, field: str, value: object) -> None:
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        setattr(obj, field, value)


def test_fields_are_keyword_only() -> None:
    with pytest.raises(TypeError):
        Mention("she", 0, 3)  # type: ignore[misc]


def test_equal_values_make_equal_and_hashable_instances() -> None:
    again = Quote(
        text="We will build homes,",
        start=1,
        end=21,
        kind=QuoteKind.DIRECT,
        speaker=Speaker(
            name="Maria Lopez",
            mention=Mention(text="she", start=40, end=43),
            role="housing director",
            entity="person",
        ),
        cue=Cue(text="said", start=44, end=48),
        confidence=0.8,
        paragraph=2,
        rule="pronoun",
        addressees=(
            Addressee(name="reporters", mention=Mention(text="reporters", start=54, end=63)),
        ),
    )
    assert again == QUOTE
    assert hash(again) == hash(QUOTE)


def test_instances_survive_pickling() -> None:
    assert pickle.loads(pickle.dumps(QUOTE)) == QUOTE


@pytest.mark.parametrize(
    ("kind", "value"),
    [
        (QuoteKind.DIRECT, "direct"),
        (QuoteKind.MIXED, "mixed"),
        (QuoteKind.INDIRECT, "indirect"),
        (QuoteKind.PULL, "pull"),
    ],
)
def test_quote_kind_values_are_strings(kind: QuoteKind, value: str) -> None:
    assert isinstance(kind, str)
    assert kind.value == value
    assert kind == value
    assert str(kind) == value
    assert QuoteKind(value) is kind
    assert json.dumps(kind) == f'"{value}"'


def test_quote_kind_has_exactly_four_members() -> None:
    assert [k.value for k in QuoteKind] == ["direct", "mixed", "indirect", "pull"]


def test_error_hierarchy() -> None:
    assert issubclass(quoteattr.ModelNotFoundError, quoteattr.QuoteattrError)
    assert issubclass(quoteattr.ModelNotFoundError, OSError)
    assert issubclass(quoteattr.PipelineError, quoteattr.QuoteattrError)
    assert issubclass(quoteattr.PipelineError, ValueError)
    assert issubclass(quoteattr.GoldFormatError, quoteattr.QuoteattrError)
    assert issubclass(quoteattr.GoldFormatError, ValueError)
    assert issubclass(quoteattr.QuoteattrError, Exception)


def test_public_names() -> None:
    assert sorted(quoteattr.__all__) == sorted(
        [
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
            "PRF",
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
    )
    for name in quoteattr.__all__:
        assert hasattr(quoteattr, name)


def test_entity_and_rule_take_only_their_enum_values() -> None:
    """Speaker.entity and Quote.rule are closed sets: a str is converted, a typo is an error."""
    assert Speaker(name="Ann", entity="person").entity is quoteattr.EntityKind.PERSON
    quote = Quote(text="x", start=0, end=1, kind=QuoteKind.DIRECT, rule="named")
    assert quote.rule is quoteattr.Rule.NAMED
    assert quote.to_dict()["rule"] == "named"
    with pytest.raises(ValueError, match="EntityKind"):
        Speaker(name="Ann", entity="persno")
    with pytest.raises(ValueError, match="Rule"):
        Quote(text="x", start=0, end=1, kind=QuoteKind.DIRECT, rule="cue")


def _analysis() -> quoteattr.Analysis:
    ann = quoteattr.Person(
        id="p1",
        name="Ann Lee",
        kind="person",
        names=("Ann Lee", "Ms Lee"),
        gender=quoteattr.Gender.FEMALE,
        gender_evidence=quoteattr.GenderEvidence.TITLE,
        roles=("the mayor",),
        mentions=(Mention(text="Ms Lee", start=12, end=18),),
    )
    speaker = Speaker(name="Ann Lee", mention=Mention(text="Ms Lee", start=12, end=18), person="p1")
    quote = Quote(text="We won,", start=1, end=8, kind=QuoteKind.DIRECT, speaker=speaker)
    return quoteattr.Analysis(quotes=(quote,), people=(ann,))


def test_analysis_and_people_go_through_json_and_pickle() -> None:
    analysis = _analysis()
    data = json.loads(json.dumps(analysis.to_dict()))
    assert data["people"][0]["gender"] == "female"
    assert data["people"][0]["gender_evidence"] == "title"
    assert quoteattr.Analysis.from_dict(data) == analysis
    assert pickle.loads(pickle.dumps(analysis)) == analysis


def test_analysis_joins_quotes_and_people() -> None:
    analysis = _analysis()
    ann = analysis.people[0]
    assert analysis.person_of(analysis.quotes[0]) == ann
    assert analysis.quotes_by(ann) == list(analysis.quotes)
    assert analysis.quotes_by("p2") == []
    unspoken = Quote(text="x", start=0, end=1, kind=QuoteKind.DIRECT)
    assert analysis.person_of(unspoken) is None


def test_a_person_takes_only_known_genders() -> None:
    with pytest.raises(ValueError, match="Gender"):
        quoteattr.Person.from_dict({"id": "p1", "name": "A", "kind": "person", "gender": "x"})
