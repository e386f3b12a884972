"""How a document writes names: the words of a name, the title before it, runs of proper
nouns that make a full name, and the nouns it gives a person."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from .._doc.labels import APPOSITION_DEPS, SUBJECT_DEPS
from .._doc.tree import doc_tree, span_root
from .._lexicon.cues import SPEECH_VERBS
from .._lexicon.people import (
    FIRST_NAMES,
    GENERIC_PERSON_NOUNS,
    HEADING_WORDS,
    NOT_NAMES,
    PERSON_NOUNS,
    as_title,
    is_name_prefix,
    is_organisation,
    name_words,
    written_words,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from .._doc.tree import DocTree
    from .._person import Gender

MAX_NAME_WORDS = 3  # a run of more capitalised words is a title or a heading, not a name
MAX_FULL_NAME_WORDS = 4  # a person's name, with the words the recogniser left out before it
# Entity labels a person's name may carry: the small model often takes a surname for an
# organisation ("Nefzi said"); the document's other evidence decides.
NAME_LABELS = frozenset({"", "PERSON", "ORG", "NORP"})
# and those it gives a full name seldom, which count where the name opens with a first name
# ("Ines Sahara" as a PRODUCT; not "The Trump Show")
FIRST_NAME_LABELS = frozenset({"PRODUCT", "WORK_OF_ART", "FAC"})
MIN_SPEAKING = 2  # how often a name the recogniser took for no person must speak to be one
_NUMBER = re.compile(r"(\d+|[ivxlc]+|one|two|three|four|five|six|seven|eight|nine|ten)\.?")


def entity_name_words(span: Span) -> tuple[str, ...]:
    """Return the words of the name a span of tokens gives (see `words.written_words` and
    `words.name_words`), from where its name opens (`_name_start`); kept per span of the
    Doc, as the names of the document's people are asked about several times."""
    known = doc_tree(span.doc).name_words
    found = known.get((span.start, span.end))
    if found is None:
        start = _name_start(span)
        text = span.text if start == span.start else span.doc[start : span.end].text
        found = known[span.start, span.end] = _name_words_of(text)
    return found


def _name_start(span: Span) -> int:
    """Where the name of a span of tokens opens, as the recogniser sometimes runs a word of
    the sentence into it: after a title of address inside it ("behind Anne Mrs. Lynde got
    up": Mrs. Lynde; not "Mari St. Martin"), and after a first word that is no name, as the
    text writes it in lower case elsewhere, before a first name ("Whereupon Anne")."""
    doc, start = span.doc, span.start
    if len(span) > MAX_FULL_NAME_WORDS + 1:
        return start  # no name: a run of them the recogniser took for one
    for i in range(span.end - 2, start, -1):
        title = as_title(doc[i].text)
        if title is not None and title.address and doc[i].is_title and doc[i + 1].is_title:
            return i
    first = doc[start]
    if (
        len(span) >= 2
        and as_title(first.text) is None
        and first.lower_ not in FIRST_NAMES
        and doc[start + 1].lower_ in FIRST_NAMES
        and first.lower_ in doc_tree(doc).lower_words(doc)
    ):
        return start + 1
    return start


@lru_cache(maxsize=4096)
def _name_words_of(text: str) -> tuple[str, ...]:
    return name_words(written_words(text))


def person_name_words(ent: Span) -> tuple[str, ...]:
    """Return the words of a person's name, with the capitalised proper nouns the entity
    recogniser left out before it in the same compound ("Aung San | Suu Kyi"), up to
    MAX_FULL_NAME_WORDS, but not a title, a role or a place ("Florida Sen. Marco Rubio"),
    and nothing before a name that opens with a first name."""
    doc = ent.doc
    start = ent.start
    if doc[start].lower_ in FIRST_NAMES:  # "John Cornyn" is whole: not "Majority Whip John"
        return entity_name_words(ent)
    while start > 0 and ent.end - start < MAX_FULL_NAME_WORDS:
        tok = doc[start - 1]
        if not (
            tok.dep_ == "compound"
            and start <= tok.head.i < ent.end
            and tok.pos_ == "PROPN"
            and tok.is_title
            and tok.ent_type_ not in ("GPE", "NORP", "ORG")
            and not is_name_prefix(tok.text)
            and tok.lower_ not in NOT_NAMES
            and tok.lower_ not in PERSON_NOUNS
        ):
            break
        start -= 1
    return entity_name_words(doc[start : ent.end])


def genders_differ(titled: tuple[str, ...], full: tuple[str, ...]) -> bool:
    """Say whether a title ("Mr.") and a full name's first name ("Emma") show two genders."""
    title = as_title(titled[0])
    gender = title.gender if title is not None else None
    first = FIRST_NAMES.get(full[0].lower())
    return gender is not None and first is not None and gender != first


def title_at(doc: Doc, start: int, words: Sequence[str] = ()) -> str | None:
    """The title a name opens with or follows ("Mr.", "Lady"), as written, if any: written
    with a capital ("my sister Rose" has none); not one of the name's own words ("Mr Pope":
    Pope is the name)."""
    lower = doc_tree(doc).column(doc, "LOWER")
    for i in (start, _word_before(doc, start)):
        if (
            i >= 0
            and as_title(lower[i]) is not None
            and doc[i].text[:1].isupper()
            and doc[i].text not in words
        ):
            return doc[i].text
    return None


def title_gender(doc: Doc, start: int) -> Gender | None:
    """The gender a title implies, at start or just before it ("Mr", "Lady"), or a noun for
    a person written as one ("Grandpa Eli", "Aunt Clementine"), if any."""
    lower = doc_tree(doc).column(doc, "LOWER")
    for i in (start, _word_before(doc, start)):
        title = as_title(lower[i]) if i >= 0 else None
        if title is not None and title.gender is not None:
            return title.gender
        if i >= 0 and PERSON_NOUNS.get(lower[i]) is not None and doc[i].is_title:
            return PERSON_NOUNS[lower[i]]
    return None


def _word_before(doc: Doc, i: int) -> int:
    """The token before token i, across a line break inside a paragraph ("Sir\nHenry");
    -1 at the start."""
    before = i - 1
    blank = doc_tree(doc).flags(doc, "IS_SPACE")
    if before > 0 and blank[before] and "\n\n" not in doc[before].text:
        before -= 1
    return before


def proper_runs(doc: Doc, quote_of: Sequence[int]) -> Iterator[tuple[tuple[str, ...], Token]]:
    """Yield the runs of two or three capitalised proper nouns, outside quotes and outside any
    entity but a person's, without the titles before them: the full names a document gives,
    each with its last token.
    A run that opens a sentence must open with a first name: any word is capitalised there."""
    tree = doc_tree(doc)
    pos, ents = tree.column(doc, "POS"), tree.column(doc, "ENT_TYPE")
    title, lower = tree.flags(doc, "IS_TITLE"), tree.column(doc, "LOWER")
    run: list[int] = []
    for i in range(len(doc) + 1):
        if (
            i < len(doc)
            and pos[i] == "PROPN"
            and title[i]
            and (
                ents[i] in NAME_LABELS
                or (ents[i] in FIRST_NAME_LABELS and lower[run[0] if run else i] in FIRST_NAMES)
            )
            and quote_of[i] < 0
            and (run or as_title(lower[i]) is None)
        ):
            run.append(i)
            continue
        if not run or (i + 1 < len(doc) and _joins(doc, i)):  # "Kwiatkowska-Hale"
            continue
        words = doc[run[0] : run[-1] + 1].text.split() if len(run) >= 2 else []
        if 2 <= len(words) <= MAX_NAME_WORDS and (
            not doc[run[0]].is_sent_start or lower[run[0]] in FIRST_NAMES
        ):  # not "Poor Douglas" opening a sentence
            yield name_words(words), doc[run[-1]]
        run = []


def _joins(doc: Doc, i: int) -> bool:
    """Say whether token i is a hyphen that joins the words either side of it into one."""
    return doc[i].text == "-" and not doc[i - 1].whitespace_ and not doc[i].whitespace_


def speaks(tok: Token) -> bool:
    """Say whether a token is the subject of a speech verb: "Nefzi said", "said Moze"."""
    return tok.dep_ in SUBJECT_DEPS and tok.head.lemma_.lower() in SPEECH_VERBS


def unrecognised_people(doc: Doc, quote_of: Sequence[int]) -> set[str]:
    """The one-word names, in lower case, that the entity recogniser left untagged but the
    narration shows to be a person's: a capitalised proper noun outside quotes, alone (not
    the end of "Union Leader"), neither a title, a role nor an organisation's word, that
    speaks ("said old Cotter") or follows a title of address ("Mr Cotter was there")."""
    tree = doc_tree(doc)
    pos, ents = tree.column(doc, "POS"), tree.column(doc, "ENT_TYPE")
    title, lower = tree.flags(doc, "IS_TITLE"), tree.column(doc, "LOWER")
    lemma, dep = tree.column(doc, "LEMMA"), tree.dep
    compounded = {  # heads of a compound other than a title ("Union Leader", not "Mr Cotter")
        tree.head[i] for i, d in enumerate(dep) if d == "compound" and as_title(lower[i]) is None
    }
    found = set()
    for i, word in enumerate(lower):
        if (
            pos[i] != "PROPN"
            or not title[i]
            or ents[i]
            or quote_of[i] >= 0
            or i in compounded
            or not word.isalpha()
            or len(word) < 2
            or is_name_prefix(word)
            or is_organisation((word,))
        ):
            continue
        if (dep[i] == "nsubj" and lemma[tree.head[i]].lower() in SPEECH_VERBS) or (
            i and (before := as_title(lower[i - 1])) is not None and before.address
        ):
            found.add(word)
    return found


def speaking_names(found: Sequence[Span], quote_of: Sequence[int]) -> frozenset[str]:
    """The names the narration has speak after their verb at least MIN_SPEAKING times ("said
    Montraville"), as written, that the entity recogniser took for something other than a
    person or a group of people ("said a Nevada Democrat"), and that hold no organisation's
    word. That is how a novel's people speak; news has organisations speak before the verb
    ("Google said")."""
    counts: Counter[str] = Counter(
        e.text
        for e in found
        if e.label_ not in ("PERSON", "NORP")  # "said a Nevada Democrat": a description
        and quote_of[e.start] < 0
        and speaks(e.root)
        and e.root.head.i < e.root.i
        and not is_organisation(e.text.split())
    )
    return frozenset(name for name, n in counts.items() if n >= MIN_SPEAKING)


def heading_paragraphs(doc: Doc, paragraph_of: Sequence[int]) -> set[int]:
    """The paragraphs that are a book's headings, which name no one: those that open with a
    heading word and a number ("CHAPTER I. Down the Rabbit-Hole", "Book 2")."""
    lower = doc_tree(doc).column(doc, "LOWER")
    return {
        paragraph_of[i]
        for i in range(len(doc) - 1)
        if (i == 0 or paragraph_of[i] != paragraph_of[i - 1])
        and lower[i] in HEADING_WORDS
        and _NUMBER.fullmatch(lower[i + 1])
    }


def role_nouns(ent: Span, quote_of: Sequence[int]) -> set[str]:
    """The nouns a document uses for a person: "the ambassador" for "ambassador Jane Smith",
    "the doctor" for "Jane Smith, a doctor," or "Dr. Jane Smith", and "the parson" for
    "Parson Tringham". A name in a quote has only the roles its own words and title give ("I
    am Parson Tringham"): what a quote calls someone ("Gibson the dry goods man") is not the
    narration's word for them, and a parse may hang a quoted name on a noun outside the quote
    ('said the old man; "his name's George."')."""
    doc = ent.doc
    tree = doc_tree(doc)
    lower, alpha = tree.column(doc, "LOWER"), tree.flags(doc, "IS_ALPHA")
    pos, lemmas = tree.column(doc, "POS"), tree.column(doc, "LEMMA")
    nouns = {lower[i] for i in range(ent.start, ent.end) if alpha[i]}
    for i in (ent.start - 1, ent.start) if ent.start else (ent.start,):
        title = as_title(lower[i])
        if title is not None:
            nouns.add(title.noun)
    root = span_root(ent).i
    if quote_of[root] >= 0:
        return nouns
    gov = tree.governor(root)
    if gov < ent.start and pos[gov] == "NOUN" and quote_of[gov] < 0:  # a name before its
        nouns.add(lemmas[gov].lower())  # noun modifies it: "ambassador Jane Smith"
    for child in tree.children_with(root, _ROLE_DEPS):
        if pos[child] == "NOUN" and (child < ent.start or tree.dep[child] != "compound"):
            nouns.add(lemmas[child].lower())  # "Jane Smith, a doctor", "columnist Ai Jun"
    head = tree.head[root]
    if tree.dep[root] == "appos" and pos[head] == "NOUN" and quote_of[head] < 0:
        nouns.add(lemmas[head].lower())
    said = _said_to_be(tree, lemmas, pos, root)
    if said is not None:
        nouns.add(said)
    return nouns


def _said_to_be(tree: DocTree, lemmas: list[str], pos: list[str], root: int) -> str | None:
    """The noun (its lemma) a copula says the person whose name's root is root is, outside
    quotes: "Isolde Marchetti had been a widow"; not "was not a widow", nor a noun that says
    only sex or age ("Emma was a tall woman" gives her no role: "the woman" later may be
    anyone)."""
    verb = tree.head[root]
    if tree.dep[root] not in SUBJECT_DEPS or lemmas[verb].lower() not in ("be", "become"):
        return None
    children = tree.children(verb)
    said = next((c for c in children if tree.dep[c] == "attr"), None)
    if said is None or pos[said] != "NOUN" or any(tree.dep[c] == "neg" for c in children):
        return None
    noun = lemmas[said].lower()
    return None if noun in GENERIC_PERSON_NOUNS else noun


_ROLE_DEPS = APPOSITION_DEPS | {"compound"}


def definite(head: Token) -> bool:
    """Say whether a noun refers back: "the ambassador", "this man", not "a doctor"."""
    return any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in head.children)


def compound_start(head: Token) -> int:
    start = head.i
    while (
        start > 0
        and head.doc[start - 1].dep_ == "compound"
        and head.doc[start - 1].head.i == head.i
    ):
        start -= 1
    return start
