"""The people of a text: names built from their words, a person's kind from the whole
document, descriptions, and the roster that numbers them and joins each quote to one.

No trained pipeline is loaded: hand-built parses (tests/docs_builder.py) and plain data.
"""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Span

from docs_builder import Built, parsed
from quoteattr import Gender, GenderEvidence
from quoteattr._core.cued import cued_rule
from quoteattr._core.pipeline import analysis_of
from quoteattr._lexicon.people import name_words, written_words
from quoteattr._people.forms import NameForms
from quoteattr._people.mentions import entity_in, mention_span
from quoteattr._people.naming import entity_name_words, proper_runs, title_gender
from quoteattr._people.resolve import Resolver
from quoteattr._people.roster import Seen, organisations, roster, with_titles
from quoteattr._types import EntityKind, Mention, Quote, QuoteKind, Rule, Speaker


@pytest.mark.parametrize(
    ("written", "name"),
    [
        ("Douglas Holtz-Eakin", ("Douglas", "Holtz-Eakin")),
        ("Siobhan O'Neill", ("Siobhan", "O'Neill")),
        ("Toronto's Ana Ruiz", ("Ana", "Ruiz")),
        ("Anna and Giles", ("Anna",)),
        ("Treasurer Gary Casteel", ("Gary", "Casteel")),
        ("Organizer Lee Park", ("Lee", "Park")),
        ("Mr. Brandt's", ("Brandt",)),
        ("W. Neil Eggleston,", ("W.", "Neil", "Eggleston")),
        ("Coordinator", ("Coordinator",)),
        ("Perhaps Holmes", ("Holmes",)),
        ("sister Rose", ("Rose",)),
        ("Tom to Clara", ("Tom",)),
        ("Clara, Tom", ("Clara",)),
        ("Hendrik van Loon", ("Hendrik", "van", "Loon")),
        ("Anne of Cleves", ("Anne", "of", "Cleves")),
        ("former ambassador Lena Brask", ("Lena", "Brask")),
        ("Farmer Tessa Hargreave", ("Tessa", "Hargreave")),
        ("Farmer Oak", ("Farmer", "Oak")),
    ],
)
def test_a_name_is_its_own_words_only(written: str, name: tuple[str, ...]) -> None:
    """Inner hyphens and apostrophes stay; a possessive place, a second coordinated name, a
    title, a role or a lower-case noun for a person before the name go, and an occupation
    before a full name ("Farmer Oak" is what a novel calls him); a role word alone is left as
    it is; a name ends before a lower-case word that is no particle of a name and at
    a comma, where the recogniser ran two names into one."""
    assert name_words(written_words(written)) == name


@pytest.mark.parametrize(
    ("written", "words"),
    [
        ("Office of Management and Budget", ["Office", "of", "Management", "and", "Budget"]),
        ("Barnes & Noble", ["Barnes", "&", "Noble"]),
        ("Latham &", ["Latham"]),  # a name the recogniser stopped short
    ],
)
def test_an_organisations_name_holds_its_and(written: str, words: list[str]) -> None:
    assert written_words(written, organisation=True) == words
    assert written_words(written)[-1] != "Budget"  # a person's name stops at "and"


@pytest.mark.parametrize(
    ("text", "entity", "name"),
    [
        # the recogniser runs two names into one where no comma parts them
        ("As the door shut behind Tom Mrs. Hale rose.", "Tom Mrs. Hale", ("Hale",)),
        # a word of the sentence, which the text writes in lower case too, before a first name
        ("Anyhow Clara went out, and anyhow it rained.", "Anyhow Clara", ("Clara",)),
        # kept: a first word that the text never writes in lower case, a title, a full name
        ("The Bernie Sanders way won.", "Bernie Sanders", ("Bernie", "Sanders")),
        ("Mari St. Martin spoke.", "Mari St. Martin", ("Mari", "St.", "Martin")),
        ("Rose Hale came; a rose grew.", "Rose Hale", ("Rose", "Hale")),
    ],
)
def test_a_name_opens_where_the_recogniser_ran_other_words_into_it(
    text: str, entity: str, name: tuple[str, ...]
) -> None:
    """A name opens after a title of address inside an entity, and after a first word the
    text writes in lower case elsewhere when a first name follows it."""
    doc = spacy.blank("en")(text)
    start = text.index(entity)
    span = doc.char_span(start, start + len(entity), label="PERSON")
    assert span is not None
    assert entity_name_words(span) == name


@pytest.mark.parametrize("label", ["PRODUCT", "ORG", "WORK_OF_ART"])
def test_a_noun_for_a_person_written_as_a_title_makes_a_name_a_persons(label: str) -> None:
    """The recogniser takes "Aunt Clementine" for a product: a capitalised noun for a person
    before a capitalised word names one all the same; not before a lower-case one."""
    forms = NameForms(lambda names, position: None)
    doc = spacy.blank("en")("Aunt Clementine sewed, and the Uncle brand sold well.")
    aunt = Span(doc, 0, 2, label=label)
    brand = Span(doc, 6, 8, label=label)
    assert forms.names_person(aunt, entity_name_words(aunt))
    assert not forms.names_person(brand, entity_name_words(brand))


@pytest.mark.parametrize(
    ("text", "gender"),
    [
        ("Grandpa Eli slept.", Gender.MALE),
        ("Aunt Clementine sewed.", Gender.FEMALE),
        ("Mrs. Pike sewed.", Gender.FEMALE),
        ("Eli slept.", None),
        ("the grandpa Eli slept.", None),  # lower case: no title of the name
    ],
)
def test_a_title_or_a_noun_for_a_person_written_as_one_gives_a_name_its_gender(
    text: str, gender: Gender | None
) -> None:
    """ "Grandpa Eli" is a man and "Aunt Clementine" a woman, as "Mrs. Pike" is: the "she"
    after them may not stand for Eli."""
    doc = spacy.blank("en")(text)
    start = next(t.i for t in doc if t.text in ("Eli", "Clementine", "Pike"))
    assert title_gender(doc, start) == gender


def test_a_full_name_joins_the_words_of_a_hyphenated_surname() -> None:
    """ "Petra Kwiatkowska-Hale", which the recogniser takes for an organisation, is one
    full name of two words, not "Petra Kwiatkowska" and "Hale"."""
    b = parsed(
        "Petra Kwiatkowska-Hale runs the bakery.",
        """
        0 Petra NNP compound 3 ent=ORG
        1 Kwiatkowska NNP compound 3 ent=ORG
        2 - HYPH punct 3 ent=ORG
        3 Hale NNP nsubj 4 ent=ORG
        4 runs VBZ ROOT 4 lemma=run
        5 the DT det 6
        6 bakery NN dobj 4
        7 . . punct 4
        """,
    )
    assert [words for words, _ in proper_runs(b.doc, b.index.quote_of)] == [
        ("Petra", "Kwiatkowska-Hale")
    ]


@pytest.mark.parametrize(("first", "found"), [("Ines", [("Ines", "Sahara")]), ("Desert", [])])
def test_a_name_taken_for_a_product_is_a_full_name_if_it_opens_with_a_first_name(
    first: str, found: list[tuple[str, ...]]
) -> None:
    """ "Geologist Ines Sahara" as a PRODUCT is a full name; "The Desert Sahara" is not."""
    b = parsed(
        f"The {first} Sahara has grown.",
        f"""
        0 The DT det 2
        1 {first} NNP compound 2 ent=PRODUCT
        2 Sahara NNP nsubj 4 ent=PRODUCT
        3 has VBZ aux 4
        4 grown VBN ROOT 4 lemma=grow
        5 . . punct 4
        """,
    )
    assert [words for words, _ in proper_runs(b.doc, b.index.quote_of)] == found


@pytest.mark.parametrize(("fiction", "name"), [(True, "Cassandra Otway"), (False, "Ana Cassandra")])
def test_two_first_names_run_together_are_two_people_in_a_novel(fiction: bool, name: str) -> None:
    """A novel's "Ana Cassandra; Cassandra Ana" (two women in a narrator's thoughts) gives
    Cassandra Otway no other surname; in news "Ana Cassandra" may be a full name."""
    forms = NameForms(
        lambda names, position: "Ana Cassandra" if "Ana Cassandra" in names else None,
        titles_apart=fiction,
    )
    for words in [
        ("Ana", "Hilbery"),
        ("Cassandra", "Otway"),
        ("Ana", "Cassandra"),
        ("Cassandra", "Ana"),
    ]:
        forms.add(words)
    assert forms.canonical(("Cassandra",), 10) == name


@pytest.mark.parametrize(("fiction", "name"), [(True, "John Beaver"), (False, "Mrs Beaver")])
def test_a_bare_surname_in_a_novel_is_not_a_woman_known_by_her_title(
    fiction: bool, name: str
) -> None:
    """A novel calls a man by his surname alone, never "Mrs Beaver": its "Beaver" is John
    Beaver even where his mother was named last; news may write a woman's surname alone."""
    forms = NameForms(
        lambda names, position: "Mrs Beaver" if "Mrs Beaver" in names else None,
        titles_apart=fiction,
    )
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    doc = nlp("John Beaver lived with Mrs Beaver.")
    forms.add_found(Span(doc, 0, 2, label="PERSON"), ("John", "Beaver"), ("John", "Beaver"))
    forms.add_found(Span(doc, 5, 6, label="PERSON"), ("Beaver",), ("Beaver",))
    assert forms.canonical(("Beaver",), 10) == name


@pytest.mark.parametrize(("title", "person"), [("Ms", True), ("General", False)])
def test_an_entity_opening_with_a_title_of_address_names_a_person(title: str, person: bool) -> None:
    """ "Ms Kwiatkowska-Hale", taken for a work of art, is a person's name; "General
    Electric" is not a general's."""
    forms = NameForms(lambda names, position: None)
    doc = spacy.blank("en")(f"{title} Maple said so.")
    ent = Span(doc, 0, 2, label="WORK_OF_ART")
    assert forms.names_person(ent, entity_name_words(ent)) is person


# "Adel Nefzi runs the clinic.", the sentence that names him in the tests below
NEFZI_RUNS = """
    0 Adel NNP compound 1 ent=PERSON
    1 Nefzi NNP nsubj 2 ent=PERSON
    2 runs VBZ ROOT 2 lemma=run
    3 the DT det 4
    4 clinic NN dobj 2
    5 . . punct 2
"""
NEFZI_ROWS = (
    NEFZI_RUNS
    + """
    6 Nefzi NNP nsubj 7 ent=ORG
    7 said VBD ROOT 7 lemma=say
    8 it PRP nsubj 10
    9 would MD aux 10
    10 close VB ccomp 7
    11 . . punct 7
    """
)
NEFZI = parsed("Adel Nefzi runs the clinic. Nefzi said it would close.", NEFZI_ROWS)


def test_a_surname_tagged_as_an_organisation_is_the_person_who_has_it() -> None:
    speaker = Resolver(NEFZI.index).speaker(NEFZI.tok("Nefzi", 1))
    assert (speaker.name, speaker.entity) == ("Adel Nefzi", EntityKind.PERSON)


def test_the_end_of_a_full_name_is_the_person_whatever_its_label() -> None:
    b = parsed(
        "Ana Ruiz Vela wrote it. Ruiz Vela said no.",
        """
        0 Ana NNP compound 2 ent=PERSON
        1 Ruiz NNP compound 2 ent=PERSON
        2 Vela NNP nsubj 3 ent=PERSON
        3 wrote VBD ROOT 3 lemma=write
        4 it PRP dobj 3
        5 . . punct 3
        6 Ruiz NNP compound 7 ent=WORK_OF_ART
        7 Vela NNP nsubj 8 ent=WORK_OF_ART
        8 said VBD ROOT 8 lemma=say
        9 no UH dobj 8
        10 . . punct 8
        """,
    )
    speaker = Resolver(b.index).speaker(b.tok("Vela", 1))
    assert (speaker.name, speaker.entity) == ("Ana Ruiz Vela", EntityKind.PERSON)


def test_a_known_surname_the_tagger_took_for_a_common_noun_is_the_person() -> None:
    b = parsed(
        "Adel Nefzi runs the clinic. Nefzi said it would close.",
        NEFZI_ROWS.replace("6 Nefzi NNP nsubj 7 ent=ORG", "6 Nefzi NNS nsubj 7"),
    )
    speaker = Resolver(b.index).speaker(b.tok("Nefzi", 1))
    assert (speaker.name, speaker.entity) == ("Adel Nefzi", EntityKind.PERSON)


def test_a_title_that_swallowed_the_cue_is_not_the_speakers_name() -> None:
    b = parsed(
        "Adel Nefzi runs the clinic. Nefzi told the Gazette it would close.",
        NEFZI_RUNS
        + """
        6 Nefzi NNP nsubj 7 ent=WORK_OF_ART
        7 told VBD ROOT 7 lemma=tell ent=WORK_OF_ART
        8 the DT det 9 ent=WORK_OF_ART
        9 Gazette NNP dobj 7 ent=WORK_OF_ART
        10 it PRP nsubj 12
        11 would MD aux 12
        12 close VB ccomp 7
        13 . . punct 7
        """,
    )
    speaker = Resolver(b.index).speaker(b.tok("Nefzi", 1))
    assert (speaker.name, speaker.entity) == ("Adel Nefzi", EntityKind.PERSON)


def test_a_name_after_a_title_is_a_person_whatever_its_label() -> None:
    b = parsed(
        "Mr Kowalczyk said it would close.",
        """
        0 Mr NNP compound 1
        1 Kowalczyk NNP nsubj 2 ent=ORG
        2 said VBD ROOT 2 lemma=say
        3 it PRP nsubj 5
        4 would MD aux 5
        5 close VB ccomp 2
        6 . . punct 2
        """,
    )
    speaker = Resolver(b.index).speaker(b.tok("Kowalczyk"))
    assert (speaker.name, speaker.entity) == ("Kowalczyk", EntityKind.PERSON)


def test_a_run_of_proper_nouns_opening_with_a_first_name_gives_the_full_name() -> None:
    """The small model tagged both mentions as an organisation; the first name decides."""
    b = parsed(
        "Maria Renteria runs the clinic. Renteria said it would close.",
        """
        0 Maria NNP compound 1 ent=ORG
        1 Renteria NNP nsubj 2 ent=ORG
        2 runs VBZ ROOT 2 lemma=run
        3 the DT det 4
        4 clinic NN dobj 2
        5 . . punct 2
        6 Renteria NNP nsubj 7 ent=ORG
        7 said VBD ROOT 7 lemma=say
        8 it PRP nsubj 10
        9 would MD aux 10
        10 close VB ccomp 7
        11 . . punct 7
        """,
    )
    speaker = Resolver(b.index).speaker(b.tok("Renteria", 1))
    assert (speaker.name, speaker.entity) == ("Maria Renteria", EntityKind.PERSON)


@pytest.mark.parametrize(
    ("first", "name", "entity"),
    [
        ("Declan", "Declan Moorcroft", EntityKind.PERSON),
        ("Harbour", "Her opposite number", EntityKind.OTHER),
    ],
)
def test_a_full_name_set_beside_a_description_names_the_speaker_whatever_its_label(
    first: str, name: str, entity: EntityKind
) -> None:
    """ "Her opposite number, Declan Moorcroft, said" with the name taken for a facility is
    Declan Moorcroft speaking; "Harbour Moorcroft", which opens with no first name, is not."""
    b = parsed(
        f"Her opposite number, {first} Moorcroft, said no.",
        f"""
        0 Her PRP$ poss 2
        1 opposite JJ amod 2
        2 number NN nsubj 7
        3 , , punct 2
        4 {first} NNP compound 5 ent=FAC
        5 Moorcroft NNP appos 2 ent=FAC
        6 , , punct 2
        7 said VBD ROOT 7 lemma=say
        8 no UH dobj 7
        9 . . punct 7
        """,
    )
    speaker = Resolver(b.index).speaker(b.tok("number"))
    assert (speaker.name, speaker.entity) == (name, entity)


def _described(role: str) -> Built:
    """Lena Brask {role} spoke. The senator said it would close."""
    rows = """
        0 Lena NNP compound 1 ent=PERSON
        1 Brask NNP nsubj 2 ent=PERSON
        2 spoke VBD ROOT 2 lemma=speak
        3 . . punct 2
        4 The DT det 5
        5 senator NN nsubj 6
        6 said VBD ROOT 6 lemma=say
        7 it PRP nsubj 9
        8 would MD aux 9
        9 close VB ccomp 6
        10 . . punct 6
    """
    text = "Lena Brask spoke. The senator said it would close."
    if role:
        text = f"Lena Brask, {role}, spoke. The senator said it would close."
        rows = """
            0 Lena NNP compound 1 ent=PERSON
            1 Brask NNP nsubj 6 ent=PERSON
            2 , , punct 1
            3 a DT det 4
            4 spokeswoman NN appos 1
            5 , , punct 1
            6 spoke VBD ROOT 6 lemma=speak
            7 . . punct 6
            8 The DT det 9
            9 senator NN nsubj 10
            10 said VBD ROOT 10 lemma=say
            11 it PRP nsubj 13
            12 would MD aux 13
            13 close VB ccomp 10
            14 . . punct 10
        """
    return parsed(text, rows)


def test_a_description_by_a_role_noun_is_the_person_named_before() -> None:
    b = _described("")
    speaker = Resolver(b.index).speaker(b.tok("senator"))
    assert (speaker.name, speaker.entity) == ("Lena Brask", EntityKind.PERSON)


@pytest.mark.parametrize(("role", "name"), [("surgeon", "Mr. Brand"), ("banker", "The doctor")])
def test_the_doctor_is_the_person_the_text_made_a_surgeon(role: str, name: str) -> None:
    """ "Mr. Brand, a surgeon," is "the doctor" the narration speaks of; a banker is not."""
    b = parsed(
        f"Mr. Brand, a {role}, came in. The doctor said no.",
        f"""
        0 Mr. NNP compound 1
        1 Brand NNP nsubj 6 ent=PERSON
        2 , , punct 1
        3 a DT det 4
        4 {role} NN appos 1
        5 , , punct 1
        6 came VBD ROOT 6 lemma=come
        7 in RP prt 6
        8 . . punct 6
        9 The DT det 10
        10 doctor NN nsubj 11
        11 said VBD ROOT 11 lemma=say
        12 no UH dobj 11
        13 . . punct 11
        """,
    )
    assert Resolver(b.index, fiction=True).speaker(b.tok("doctor")).name == name


def test_a_description_is_not_a_person_the_text_gave_another_role() -> None:
    b = _described("a spokeswoman")
    speaker = Resolver(b.index).speaker(b.tok("senator"))
    assert (speaker.name, speaker.entity) == ("The senator", EntityKind.OTHER)


def _m(text: str, start: int) -> Mention:
    return Mention(text=text, start=start, end=start + len(text))


def test_organisations_join_a_shorter_name_to_the_fuller_one_it_ends() -> None:
    found = [
        (_m("The Lakeside Gazette", 0), ("The", "Lakeside", "Gazette")),
        (_m("the Gazette", 40), ("the", "Gazette")),
        (_m("Harbor Gazette", 80), ("Harbor", "Gazette")),
    ]
    groups = organisations(found)
    assert [(o.name, [m.start for m in o.mentions]) for o in groups] == [
        ("Lakeside Gazette", [0, 40]),
        ("Harbor Gazette", [80]),
    ]


def test_an_acronym_joins_the_organisation_whose_initials_it_is() -> None:
    """ "the KRA" after "the Kestrel Rail Authority"; "BRA" is no one's initials here."""
    found = [
        (_m("the Kestrel Rail Authority", 0), ("the", "Kestrel", "Rail", "Authority")),
        (_m("KRA", 60), ("KRA",)),
        (_m("BRA", 90), ("BRA",)),
    ]
    assert [(o.name, [m.start for m in o.mentions]) for o in organisations(found)] == [
        ("Kestrel Rail Authority", [0, 60]),
        ("BRA", [90]),
    ]


def _quote(start: int, speaker: Speaker, rule: Rule = Rule.NAMED) -> Quote:
    return Quote(
        text="x", start=start, end=start + 1, kind=QuoteKind.DIRECT, speaker=speaker, rule=rule
    )


def test_the_roster_numbers_people_by_first_mention_and_joins_each_quote() -> None:
    ann = Seen("Ann Lee", EntityKind.PERSON, mentions=[_m("Ann Lee", 30)])
    ann.genders.update(
        {GenderEvidence.FIRST_NAME: Gender.FEMALE, GenderEvidence.PRONOUN: Gender.MALE}
    )
    police = Speaker(name="police", mention=_m("police", 5), entity="other")
    lee = Speaker(name="Ann Lee", mention=_m("she", 60), entity="person")
    he = Speaker(name="he", mention=_m("he", 90))
    quotes, people = roster(
        [ann], [_quote(0, police), _quote(50, lee), _quote(80, he, Rule.UNRESOLVED)]
    )
    assert [(p.id, p.name, p.kind) for p in people] == [
        ("p1", "police", EntityKind.OTHER),
        ("p2", "Ann Lee", EntityKind.PERSON),
    ]
    assert [q.speaker.person for q in quotes if q.speaker] == ["p1", "p2", None]
    assert (people[1].gender, people[1].gender_evidence) == (Gender.MALE, GenderEvidence.PRONOUN)
    assert people[1].names == ("Ann Lee",)
    assert [m.start for m in people[1].mentions] == [30, 60]


def test_a_speaker_joins_the_organisation_it_names_without_its_article() -> None:
    gazette = Seen(
        "Lakeside Gazette", EntityKind.ORGANISATION, mentions=[_m("Lakeside Gazette", 3)]
    )
    said = Speaker(name="the Lakeside Gazette", mention=_m("the Lakeside Gazette", 40))
    quotes, people = roster([gazette], [_quote(20, said, Rule.GROUP)])
    assert [p.name for p in people] == ["Lakeside Gazette"]
    assert quotes[0].speaker is not None and quotes[0].speaker.person == "p1"


def test_a_speaker_takes_the_canonical_name_of_the_entry_it_joins() -> None:
    gazette = Seen(
        "Lakeside Gazette", EntityKind.ORGANISATION, mentions=[_m("Lakeside Gazette", 3)]
    )
    said = Speaker(name="the Gazette", mention=_m("the Gazette", 40))
    gazette.mentions.append(_m("the Gazette", 40))
    quotes, _ = roster([gazette], [_quote(20, said, Rule.GROUP)])
    assert quotes[0].speaker is not None and quotes[0].speaker.name == "Lakeside Gazette"


BENNETS = parsed(
    "Mr. Bennet sat. Mrs. Bennet stood. Bennet said no.",
    """
    0 Mr. NNP compound 1
    1 Bennet NNP nsubj 2 ent=PERSON
    2 sat VBD ROOT 2 lemma=sit
    3 . . punct 2
    4 Mrs. NNP compound 5
    5 Bennet NNP nsubj 6 ent=PERSON
    6 stood VBD ROOT 6 lemma=stand
    7 . . punct 6
    8 Bennet NNP nsubj 9 ent=PERSON
    9 said VBD ROOT 9 lemma=say
    10 no UH dobj 9
    11 . . punct 9
    """,
)


def test_a_person_named_only_by_title_and_surname_keeps_the_title() -> None:
    """Mr. and Mrs. Bennet are two people; a bare "Bennet" is the one named last."""
    r = Resolver(BENNETS.index)
    assert r.speaker(BENNETS.tok("Bennet", 0)).name == "Mr. Bennet"
    assert r.speaker(BENNETS.tok("Bennet", 1)).name == "Mrs. Bennet"
    assert r.speaker(BENNETS.tok("Bennet", 2)).name == "Mrs. Bennet"


def test_a_title_of_the_other_gender_keeps_a_family_member_apart() -> None:
    """Emma Woodhouse and Mr. Woodhouse share a surname; a bare one is the one named last."""
    b = parsed(
        "Emma Woodhouse sat. Mr. Woodhouse stood. Woodhouse said no.",
        """
        0 Emma NNP compound 1 ent=PERSON
        1 Woodhouse NNP nsubj 2 ent=PERSON
        2 sat VBD ROOT 2 lemma=sit
        3 . . punct 2
        4 Mr. NNP compound 5
        5 Woodhouse NNP nsubj 6 ent=PERSON
        6 stood VBD ROOT 6 lemma=stand
        7 . . punct 6
        8 Woodhouse NNP nsubj 9 ent=PERSON
        9 said VBD ROOT 9 lemma=say
        10 no UH dobj 9
        11 . . punct 9
        """,
    )
    r = Resolver(b.index)
    assert r.speaker(b.tok("Woodhouse", 1)).name == "Mr. Woodhouse"
    assert r.speaker(b.tok("Woodhouse", 2)).name == "Mr. Woodhouse"
    assert r.speaker(b.tok("Woodhouse", 0)).name == "Emma Woodhouse"


def test_a_wife_named_by_her_husbands_name_is_not_her_husband() -> None:
    """In a novel, "Mrs. John Dashwood" is John Dashwood's wife: neither she nor a bare
    "Mrs. Dashwood" is John Dashwood."""
    b = parsed(
        "Mrs. John Dashwood sat. John Dashwood stood. Mrs. Dashwood said no.",
        """
        0 Mrs. NNP compound 2
        1 John NNP compound 2 ent=PERSON
        2 Dashwood NNP nsubj 3 ent=PERSON
        3 sat VBD ROOT 3 lemma=sit
        4 . . punct 3
        5 John NNP compound 6 ent=PERSON
        6 Dashwood NNP nsubj 7 ent=PERSON
        7 stood VBD ROOT 7 lemma=stand
        8 . . punct 7
        9 Mrs. NNP compound 10
        10 Dashwood NNP nsubj 11 ent=PERSON
        11 said VBD ROOT 11 lemma=say
        12 no UH dobj 11
        13 . . punct 11
        """,
    )
    r = Resolver(b.index, fiction=True)
    assert r.speaker(b.tok("Dashwood", 0)).name == "Mrs. John Dashwood"
    assert r.speaker(b.tok("Dashwood", 1)).name == "John Dashwood"
    assert r.speaker(b.tok("Dashwood", 2)).name == "Mrs. Dashwood"


@pytest.mark.parametrize(
    ("relation", "name"),
    [("mother", "Mrs. Price"), ("father", "Mr. Price"), ("sister", "His sister")],
)
def test_a_parent_is_the_one_named_with_the_title_and_the_family_name(
    relation: str, name: str
) -> None:
    """ "His mother", where "his" is Ned Price, is Mrs. Price; a sister, who may be any
    Price, stays as the text says."""
    b = parsed(
        f"Mrs. Price and Mr. Price stood. Ned Price sat. His {relation} said no.",
        f"""
        0 Mrs. NNP compound 1
        1 Price NNP nsubj 5 ent=PERSON
        2 and CC cc 1
        3 Mr. NNP compound 4
        4 Price NNP conj 1 ent=PERSON
        5 stood VBD ROOT 5 lemma=stand
        6 . . punct 5
        7 Ned NNP compound 8 ent=PERSON
        8 Price NNP nsubj 9 ent=PERSON
        9 sat VBD ROOT 9 lemma=sit
        10 . . punct 9
        11 His PRP$ poss 12
        12 {relation} NN nsubj 13
        13 said VBD ROOT 13 lemma=say
        14 no UH dobj 13
        15 . . punct 13
        """,
    )
    assert Resolver(b.index, fiction=True).speaker(b.tok(relation)).name == name


def test_a_source_known_by_a_description_is_named_by_all_of_it() -> None:
    b = parsed(
        "A senior official who asked not to be named said it would close.",
        """
        0 A DT det 2
        1 senior JJ amod 2
        2 official NN nsubj 9
        3 who WP nsubj 4
        4 asked VBD relcl 2 lemma=ask
        5 not RB neg 8
        6 to TO aux 8
        7 be VB auxpass 8
        8 named VBN xcomp 4 lemma=name
        9 said VBD ROOT 9 lemma=say
        10 it PRP nsubj 12
        11 would MD aux 12
        12 close VB ccomp 9
        13 . . punct 9
        """,
    )
    speaker = Resolver(b.index).speaker(b.tok("official"))
    assert speaker.name == "A senior official who asked not to be named"
    assert speaker.mention is not None and speaker.mention.text == "A senior official"


def _lawyer(pronoun: str, clause: bool) -> Built:
    """Adam Brook sued the city. A lawyer[ who gave her name] said they would appeal. {pronoun}
    said no."""
    who = " who gave her name" if clause else ""
    rows = [
        "Adam NNP compound 1 ent=PERSON",
        "Brook NNP nsubj 2 ent=PERSON",
        "sued VBD ROOT 2 lemma=sue",
        "the DT det 4",
        "city NN dobj 2",
        ". . punct 2",
        "A DT det 7",
        "lawyer NN nsubj {said}",
    ]
    if clause:
        rows += [
            "who WP nsubj 9",
            "gave VBD relcl 7 lemma=give",
            "her PRP$ poss 11",
            "name NN dobj 9",
        ]
    said = len(rows)
    rows += [
        "said VBD ROOT {said} lemma=say",
        "they PRP nsubj {appeal}",
        "would MD aux {appeal}",
        "appeal VB ccomp {said}",
        ". . punct {said}",
        f"{pronoun} PRP nsubj {{then}}",
        "said VBD ROOT {then} lemma=say",
        "no UH dobj {then}",
        ". . punct {then}",
    ]
    numbers = {"said": said, "appeal": said + 3, "then": said + 6}
    return parsed(
        f"Adam Brook sued the city. A lawyer{who} said they would appeal. {pronoun} said no.",
        "\n".join(f"{k} {row.format(**numbers)}" for k, row in enumerate(rows)),
    )


@pytest.mark.parametrize(
    ("pronoun", "clause", "name"),
    [
        ("He", False, "A lawyer"),  # the source just described, not a person named before
        ("He", True, "Adam Brook"),  # a relative clause says the lawyer is a woman
        ("She", True, "A lawyer who gave her name"),
    ],
)
def test_a_pronoun_stands_for_a_source_known_by_a_description(
    pronoun: str, clause: bool, name: str
) -> None:
    b = _lawyer(pronoun, clause)
    assert Resolver(b.index).speaker(b.tok(pronoun)).name == name


def test_a_role_noun_is_not_a_source_described_by_another() -> None:
    """ "The candidate" after "a lawmaker said" is the person named before, not the lawmaker."""
    b = parsed(
        "Adam Brook ran. A lawmaker said it would close. The candidate said no.",
        """
        0 Adam NNP compound 1 ent=PERSON
        1 Brook NNP nsubj 2 ent=PERSON
        2 ran VBD ROOT 2 lemma=run
        3 . . punct 2
        4 A DT det 5
        5 lawmaker NN nsubj 6
        6 said VBD ROOT 6 lemma=say
        7 it PRP nsubj 9
        8 would MD aux 9
        9 close VB ccomp 6
        10 . . punct 6
        11 The DT det 12
        12 candidate NN nsubj 13
        13 said VBD ROOT 13 lemma=say
        14 no UH dobj 13
        15 . . punct 13
        """,
    )
    assert Resolver(b.index).speaker(b.tok("candidate")).name == "Adam Brook"


MONSANTO_ROWS = """
    0 Monsanto NNP nsubj 1 ent=ORG
    1 sold VBD ROOT 1 lemma=sell
    2 seeds NNS dobj 1
    3 . . punct 1
    4 The DT det 5
    5 company NN nsubj 6
    6 said VBD ROOT 6 lemma=say
    7 no UH dobj 6
    8 . . punct 6
"""
MONSANTO = parsed("Monsanto sold seeds. The company said no.", MONSANTO_ROWS)


def test_the_company_is_the_organisation_named_before() -> None:
    speaker = Resolver(MONSANTO.index).speaker(MONSANTO.tok("company"))
    assert (speaker.name, speaker.entity) == ("Monsanto", EntityKind.ORGANISATION)


IT_SAID_ROWS = """
    {n0} " `` punct {said}
    {n1} We PRP nsubj {n2}
    {n2} are VBP ccomp {said} lemma=be
    {n3} sorry JJ acomp {n2}
    {n4} , , punct {said}
    {n5} " '' punct {said}
    {n6} it PRP nsubj {said}
    {said} said VBD ROOT {said} lemma=say
    {n8} . . punct {said}
"""


def it_said(narration: str, rows: str) -> Built:
    """The narration (its rows numbered from 0), then '"We are sorry," it said.'."""
    n = len(rows.strip().splitlines())
    tail = IT_SAID_ROWS.format(**{f"n{k}": n + k for k in range(9)}, said=n + 7)
    return parsed(f'{narration} "We are sorry," it said.', rows + tail)


def it_speaker(b: Built) -> tuple[str | None, EntityKind | None]:
    speaker = Resolver(b.index).speaker(b.tok("it"))
    return speaker.name, speaker.entity


def test_it_said_is_the_organisation_the_sentence_before_made_its_subject() -> None:
    b = it_said(
        "Halcyon Airways cancelled flights.",
        """
        0 Halcyon NNP compound 1 ent=ORG
        1 Airways NNPS nsubj 2 ent=ORG
        2 cancelled VBD ROOT 2 lemma=cancel
        3 flights NNS dobj 2
        4 . . punct 2
        """,
    )
    assert it_speaker(b) == ("Halcyon Airways", EntityKind.ORGANISATION)
    assert cued_rule(Resolver(b.index).speaker(b.tok("it"))) is Rule.GROUP


def test_it_not_the_subject_of_the_speech_verb_is_no_organisation() -> None:
    """ "It is fair to say": "it" is the subject of the copula, nobody who speaks."""
    b = parsed(
        "Monsanto sold seeds. It is fair to say so.",
        """
        0 Monsanto NNP nsubj 1 ent=ORG
        1 sold VBD ROOT 1 lemma=sell
        2 seeds NNS dobj 1
        3 . . punct 1
        4 It PRP nsubj 5
        5 is VBZ ROOT 5 lemma=be
        6 fair JJ acomp 5
        7 to TO aux 8
        8 say VB xcomp 6 lemma=say
        9 so RB advmod 8
        10 . . punct 5
        """,
    )
    speaker = Resolver(b.index).speaker(b.tok("It"))
    assert (speaker.name, speaker.entity) == (None, EntityKind.OTHER)


def test_it_said_passes_over_a_person_to_the_organisation_before() -> None:
    """ "It" is no person: the subject before it that names one is passed over."""
    b = it_said(
        "Monsanto sold seeds. Its director Ann Lee resigned.",
        """
        0 Monsanto NNP nsubj 1 ent=ORG
        1 sold VBD ROOT 1 lemma=sell
        2 seeds NNS dobj 1
        3 . . punct 1
        4 Its PRP$ poss 8
        5 director NN compound 8
        6 Ann NNP compound 7 ent=PERSON
        7 Lee NNP nsubj 8 ent=PERSON
        8 resigned VBD ROOT 8 lemma=resign
        9 . . punct 8
        """,
    )
    assert it_speaker(b) == ("Monsanto", EntityKind.ORGANISATION)


def test_it_said_after_the_company_is_the_organisation_it_stands_for() -> None:
    b = it_said("Monsanto sold seeds. The company said no.", MONSANTO_ROWS)
    assert it_speaker(b) == ("Monsanto", EntityKind.ORGANISATION)


def test_it_said_after_according_to_is_the_source_named_there() -> None:
    """The source of an "according to" acts in the narration as a subject does."""
    b = it_said(
        "Monsanto sold seeds, according to Bayer.",
        """
        0 Monsanto NNP nsubj 1 ent=ORG
        1 sold VBD ROOT 1 lemma=sell
        2 seeds NNS dobj 1
        3 , , punct 1
        4 according VBG prep 1
        5 to IN prep 4
        6 Bayer NNP pobj 5 ent=ORG
        7 . . punct 1
        """,
    )
    assert it_speaker(b) == ("Bayer", EntityKind.ORGANISATION)


def test_it_said_after_a_document_is_no_organisation() -> None:
    """ "The report" is the subject just before "it": it is no organisation, so "it" stays
    without a name rather than going to Monsanto before it."""
    b = it_said(
        "Monsanto sold seeds. The report criticised the sale.",
        """
        0 Monsanto NNP nsubj 1 ent=ORG
        1 sold VBD ROOT 1 lemma=sell
        2 seeds NNS dobj 1
        3 . . punct 1
        4 The DT det 5
        5 report NN nsubj 6
        6 criticised VBD ROOT 6 lemma=criticise
        7 the DT det 8
        8 sale NN dobj 6
        9 . . punct 6
        """,
    )
    assert it_speaker(b) == (None, EntityKind.OTHER)


@pytest.mark.parametrize(
    ("first", "second", "name"),
    [
        # the recogniser split one name at its "and": the second part is named nowhere alone
        ("Northfield Power", "Light", "Northfield Power and Light"),
        # two organisations, each a name of its own
        ("Google", "Apple", "Apple"),
    ],
)
def test_the_utility_is_the_whole_name_the_recogniser_split_at_its_and(
    first: str, second: str, name: str
) -> None:
    words = first.split()
    rows = [f"{w} NNP compound {len(words) - 1} ent=ORG" for w in words[:-1]]
    rows += [f"{words[-1]} NNP nsubj {len(words) + 2} ent=ORG"]
    rows += [f"and CC cc {len(words) - 1}", f"{second} NNP conj {len(words) - 1} ent=B-ORG"]
    k = len(rows)
    rows += [f"spoke VBD ROOT {k}", f". . punct {k}", f"The DT det {k + 3}"]
    rows += [f"utility NN nsubj {k + 4}", f"said VBD ROOT {k + 4} lemma=say"]
    rows += [f"no UH dobj {k + 4}", f". . punct {k + 4}"]
    b = parsed(
        f"{first} and {second} spoke. The utility said no.",
        "\n".join(f"{i} {row}" for i, row in enumerate(rows)),
    )
    speaker = Resolver(b.index).speaker(b.tok("utility"))
    assert (speaker.name, speaker.entity) == (name, EntityKind.ORGANISATION)


def test_an_organisation_speaks_by_the_whole_name_that_holds_its_and() -> None:
    """ "Barnes & Noble said", parsed as two coordinated names, is the one organisation."""
    b = parsed(
        "Barnes & Noble said no.",
        """
        0 Barnes NNP nsubj 3 ent=ORG
        1 & CC cc 0 ent=ORG
        2 Noble NNP conj 0 ent=ORG
        3 said VBD ROOT 3 lemma=say
        4 no UH dobj 3
        5 . . punct 3
        """,
    )
    speaker = Resolver(b.index).speaker(b.tok("Barnes"))
    assert (speaker.name, speaker.entity) == ("Barnes & Noble", EntityKind.ORGANISATION)


def test_the_department_is_the_department_the_text_described() -> None:
    b = parsed(
        "Acme sued the health department. The department said no.",
        """
        0 Acme NNP nsubj 1 ent=ORG
        1 sued VBD ROOT 1 lemma=sue
        2 the DT det 4
        3 health NN compound 4
        4 department NN dobj 1
        5 . . punct 1
        6 The DT det 7
        7 department NN nsubj 8
        8 said VBD ROOT 8 lemma=say
        9 no UH dobj 8
        10 . . punct 8
        """,
    )
    speaker = Resolver(b.index).speaker(b.tok("department", 1))
    assert speaker.name == "the health department"


def test_the_ministry_is_a_countrys_ministry_the_tagger_took_for_a_name() -> None:
    b = parsed(
        "Kai Ober spoke. Peru's foreign ministry weighed in. The ministry said no.",
        """
        0 Kai NNP compound 1 ent=PERSON
        1 Ober NNP nsubj 2 ent=ORG
        2 spoke VBD ROOT 2 lemma=speak
        3 . . punct 2
        4 Peru NNP poss 7 ent=GPE
        5 's POS case 4
        6 foreign NNP compound 7
        7 ministry NNP nsubj 8
        8 weighed VBD ROOT 8 lemma=weigh
        9 in RP prt 8
        10 . . punct 8
        11 The DT det 12
        12 ministry NN nsubj 13
        13 said VBD ROOT 13 lemma=say
        14 no UH dobj 13
        15 . . punct 13
        """,
    )
    speaker = Resolver(b.index).speaker(b.tok("ministry", 1))
    assert (speaker.name, speaker.entity) == ("Peru's foreign ministry", EntityKind.ORGANISATION)


@pytest.mark.parametrize(("noun", "tag"), [("campaign", "NN"), ("aides", "NNS")])
def test_a_name_before_the_noun_it_modifies_is_not_the_speaker(noun: str, tag: str) -> None:
    """ "The Lee campaign", "The Lee aides": not Ann Lee; "ambassador Ann Lee" would be."""
    b = parsed(
        f"Ann Lee runs. The Lee {noun} said no.",
        f"""
        0 Ann NNP compound 1 ent=PERSON
        1 Lee NNP nsubj 2 ent=PERSON
        2 runs VBZ ROOT 2 lemma=run
        3 . . punct 2
        4 The DT det 6
        5 Lee NNP compound 6 ent=PERSON
        6 {noun} {tag} nsubj 7
        7 said VBD ROOT 7 lemma=say
        8 no UH dobj 7
        9 . . punct 7
        """,
    )
    speaker = Resolver(b.index).speaker(b.tok(noun))
    assert speaker.name == f"The Lee {noun}"


def test_a_name_the_recogniser_cut_short_is_read_whole() -> None:
    b = parsed(
        "Khin Zaw Htet won. Zaw Htet said it was over.",
        """
        0 Khin NNP compound 2
        1 Zaw NNP compound 2 ent=PERSON
        2 Htet NNP nsubj 3 ent=PERSON
        3 won VBD ROOT 3 lemma=win
        4 . . punct 3
        5 Zaw NNP compound 6 ent=PERSON
        6 Htet NNP nsubj 7 ent=PERSON
        7 said VBD ROOT 7 lemma=say
        8 it PRP nsubj 9
        9 was VBD ccomp 7 lemma=be
        10 over RB advmod 9
        11 . . punct 7
        """,
    )
    speaker = Resolver(b.index).speaker(b.tok("Htet", 1))
    assert speaker.name == "Khin Zaw Htet"


def test_a_surname_the_recogniser_took_for_an_organisation_counts_for_salience() -> None:
    b = parsed(
        "Zorya Lee sat. Quen Ito ran. Lee smiled. She said no.",
        """
        0 Zorya NNP compound 1 ent=PERSON
        1 Lee NNP nsubj 2 ent=PERSON
        2 sat VBD ROOT 2 lemma=sit
        3 . . punct 2
        4 Quen NNP compound 5 ent=PERSON
        5 Ito NNP nsubj 6 ent=PERSON
        6 ran VBD ROOT 6 lemma=run
        7 . . punct 6
        8 Lee NNP nsubj 9 ent=ORG
        9 smiled VBD ROOT 9 lemma=smile
        10 . . punct 9
        11 She PRP nsubj 12
        12 said VBD ROOT 12 lemma=say
        13 no UH dobj 12
        14 . . punct 12
        """,
    )
    assert Resolver(b.index).speaker(b.tok("She")).name == "Zorya Lee"


def test_a_hyphenated_noun_stays_whole_in_a_mention() -> None:
    b = parsed(
        "This Lee look-alike declared it.",
        """
        0 This DT det 4
        1 Lee NNP compound 4
        2 look NN compound 4
        3 - HYPH punct 4
        4 alike NN nsubj 5
        5 declared VBD ROOT 5 lemma=declare
        6 it PRP dobj 5
        7 . . punct 5
        """,
    )
    assert mention_span(b.tok("alike")).text == "This Lee look-alike"


def test_a_full_name_that_speaks_is_a_person_and_its_surname_too_whatever_its_label() -> None:
    b = parsed(
        "Later Adel Nefzi said it. Nefzi smiled. He said no.",
        """
        0 Later RB advmod 3
        1 Adel NNP compound 2
        2 Nefzi NNP nsubj 3
        3 said VBD ROOT 3 lemma=say
        4 it PRP dobj 3
        5 . . punct 3
        6 Nefzi NNP nsubj 7 ent=GPE
        7 smiled VBD ROOT 7 lemma=smile
        8 . . punct 7
        9 He PRP nsubj 10
        10 said VBD ROOT 10 lemma=say
        11 no UH dobj 10
        12 . . punct 10
        """,
    )
    assert Resolver(b.index).antecedents.antecedent(b.tok("He")) == "Adel Nefzi"


def test_a_date_is_not_a_speakers_name() -> None:
    b = parsed(
        "The 46-year-old said no.",
        """
        0 The DT det 5
        1 46 CD nummod 3 ent=DATE
        2 - HYPH punct 3 ent=DATE
        3 year NN npadvmod 5 ent=DATE
        4 - HYPH punct 5 ent=DATE
        5 old JJ nsubj 6 ent=DATE
        6 said VBD ROOT 6 lemma=say
        7 no UH dobj 6
        8 . . punct 6
        """,
    )
    old = b.tok("old")
    assert mention_span(old).text == "The 46-year-old"
    assert entity_in(mention_span(old), old, b.index.quote_of) is None


def test_the_members_are_the_group_the_text_described_with_that_noun() -> None:
    b = parsed(
        "Nearly 140 House members signed. The members said no.",
        """
        0 Nearly RB advmod 1
        1 140 CD nummod 3
        2 House NNP compound 3 ent=ORG
        3 members NNS nsubj 4
        4 signed VBD ROOT 4 lemma=sign
        5 . . punct 4
        6 The DT det 7
        7 members NNS nsubj 8
        8 said VBD ROOT 8 lemma=say
        9 no UH dobj 8
        10 . . punct 8
        """,
    )
    assert Resolver(b.index).speaker(b.tok("members", 1)).name == "Nearly 140 House members"


def test_a_description_by_an_organisation_noun_names_the_organisation_in_it() -> None:
    b = parsed(
        "The nationalist Harbour Times tabloid said no.",
        """
        0 The DT det 4
        1 nationalist JJ amod 4
        2 Harbour NNP compound 3 ent=ORG
        3 Times NNP compound 4 ent=ORG
        4 tabloid NN nsubj 5
        5 said VBD ROOT 5 lemma=say
        6 no UH dobj 5
        7 . . punct 5
        """,
    )
    speaker = Resolver(b.index).speaker(b.tok("tabloid"))
    assert (speaker.name, speaker.entity) == ("Harbour Times", EntityKind.ORGANISATION)


def test_a_nationality_with_a_determiner_is_a_description() -> None:
    b = parsed(
        "Another Icelander who lives here said no.",
        """
        0 Another DT det 1
        1 Icelander NNP nsubj 5 ent=NORP
        2 who WP nsubj 3
        3 lives VBZ relcl 1 lemma=live
        4 here RB advmod 3
        5 said VBD ROOT 5 lemma=say
        6 no UH dobj 5
        7 . . punct 5
        """,
    )
    assert Resolver(b.index).speaker(b.tok("Icelander")).name == "Another Icelander who lives here"


def test_who_is_the_person_not_the_place_the_parse_hung_it_on() -> None:
    """ "Ann Lee, a doctor from Leeds, who said": the parser made "who" Leeds's."""
    b = parsed(
        "Ann Lee, a doctor from Leeds, who said no, left.",
        """
        0 Ann NNP compound 1 ent=PERSON
        1 Lee NNP nsubj 12 ent=PERSON
        2 , , punct 1
        3 a DT det 4
        4 doctor NN appos 1
        5 from IN prep 4
        6 Leeds NNP pobj 5 ent=GPE
        7 , , punct 6
        8 who WP nsubj 9
        9 said VBD relcl 6 lemma=say
        10 no UH dobj 9
        11 , , punct 1
        12 left VBD ROOT 12 lemma=leave
        13 . . punct 12
        """,
    )
    assert Resolver(b.index).speaker(b.tok("who")).name == "Ann Lee"


def test_who_is_the_person_not_the_thing_the_parse_hung_it_on() -> None:
    """ "an official familiar with the talks, who said": the parser made "who" the talks'."""
    b = parsed(
        "Vera Holm spoke, and an official familiar with the talks, who said no, left.",
        """
        0 Vera NNP compound 1 ent=PERSON
        1 Holm NNP nsubj 2 ent=PERSON
        2 spoke VBD ROOT 2 lemma=speak
        3 , , punct 2
        4 and CC cc 2
        5 an DT det 6
        6 official NN nsubj 16
        7 familiar JJ amod 6
        8 with IN prep 7
        9 the DT det 10
        10 talks NNS pobj 8 lemma=talk
        11 , , punct 10
        12 who WP nsubj 13
        13 said VBD relcl 10 lemma=say
        14 no UH dobj 13
        15 , , punct 6
        16 left VBD conj 2 lemma=leave
        17 . . punct 16
        """,
    )
    speaker = Resolver(b.index).speaker(b.tok("who"))
    assert speaker.name == "an official familiar with the talks, who said no"


def test_a_known_surname_tagged_as_a_noun_is_the_persons_mention() -> None:
    """ "Okafor" tagged as a common noun still stands for Dan Okafor, so "he" is him and not
    "Twitter", which the recogniser took for a person."""
    b = parsed(
        "Dan Okafor spoke. Okafor wrote on Twitter. He was angry.",
        """
        0 Dan NNP compound 1 ent=PERSON
        1 Okafor NNP nsubj 2 ent=PERSON
        2 spoke VBD ROOT 2 lemma=speak
        3 . . punct 2
        4 Okafor NN nsubj 5
        5 wrote VBD ROOT 5 lemma=write
        6 on IN prep 5
        7 Twitter NNP pobj 6 ent=PERSON
        8 . . punct 5
        9 He PRP nsubj 10
        10 was VBD ROOT 10 lemma=be
        11 angry JJ acomp 10
        12 . . punct 10
        """,
    )
    assert Resolver(b.index).antecedents.antecedent(b.tok("He")) == "Dan Okafor"


def test_an_organisation_named_after_a_person_is_not_that_person() -> None:
    """ "the Reyes party", tagged ORG: "Reyes" is Ann Reyes's surname, the party is not her."""
    b = parsed(
        "Ann Reyes spoke. The Reyes party said no.",
        """
        0 Ann NNP compound 1 ent=PERSON
        1 Reyes NNP nsubj 2 ent=PERSON
        2 spoke VBD ROOT 2 lemma=speak
        3 . . punct 2
        4 The DT det 6
        5 Reyes NNP compound 6 ent=ORG
        6 party NN nsubj 7 ent=ORG
        7 said VBD ROOT 7 lemma=say
        8 no UH dobj 7
        9 . . punct 7
        """,
    )
    speaker = Resolver(b.index).speaker(b.tok("party"))
    assert (speaker.name, speaker.entity) == ("The Reyes party", EntityKind.ORGANISATION)


def _lawmaker(named: str) -> Built:
    """A lawmaker said no. [{named} said yes.] The lawmaker said so, where named is a name
    ("Jo Reyes") or a role and a name ("Spokesman Jo Reyes")."""
    words = named.split()
    text = (
        "A lawmaker said no." + (f" {named} said yes." if named else "") + " The lawmaker said so."
    )
    rows = [
        "A DT det 1",
        "lawmaker NN nsubj 2",
        "said VBD ROOT 2 lemma=say",
        "no UH dobj 2",
        ". . punct 2",
    ]
    if words:
        k, last = len(rows), len(rows) + len(words) - 1
        rows += [f"{w} {'NNP' if i else 'NN'} compound {last}" for i, w in enumerate(words[:-2])]
        rows += [
            f"{words[-2]} NNP compound {last} ent=PERSON",
            f"{words[-1]} NNP nsubj {last + 1} ent=PERSON",
            f"said VBD ROOT {last + 1} lemma=say",
            f"yes UH dobj {last + 1}",
            f". . punct {last + 1}",
        ]
    k = len(rows)
    rows += [
        f"The DT det {k + 1}",
        f"lawmaker NN nsubj {k + 2}",
        f"said VBD ROOT {k + 2} lemma=say",
        f"so RB advmod {k + 2}",
        f". . punct {k + 2}",
    ]
    return parsed(text, "\n".join(f"{i} {row}" for i, row in enumerate(rows)))


def test_a_definite_description_is_the_source_a_description_brought_in() -> None:
    b = _lawmaker("")
    speaker = Resolver(b.index).speaker(b.tok("lawmaker", 1))
    assert (speaker.name, speaker.entity) == ("A lawmaker", EntityKind.OTHER)


def test_a_definite_description_is_the_named_speaker_that_came_next() -> None:
    """ "A lawmaker said ... Jo Reyes said ... the lawmaker said": Reyes may be the lawmaker."""
    b = _lawmaker("Jo Reyes")
    speaker = Resolver(b.index).speaker(b.tok("lawmaker", 1))
    assert (speaker.name, speaker.entity) == ("Jo Reyes", EntityKind.PERSON)


def test_a_definite_description_is_not_a_named_speaker_with_another_role() -> None:
    b = _lawmaker("Spokesman Jo Reyes")
    speaker = Resolver(b.index).speaker(b.tok("lawmaker", 1))
    assert (speaker.name, speaker.entity) == ("A lawmaker", EntityKind.OTHER)


def test_the_man_is_the_person_a_description_brought_in_just_before() -> None:
    b = parsed(
        "Another Icelander who lives here said no. The man said yes.",
        """
        0 Another DT det 1
        1 Icelander NNP nsubj 5 ent=NORP
        2 who WP nsubj 3
        3 lives VBZ relcl 1 lemma=live
        4 here RB advmod 3
        5 said VBD ROOT 5 lemma=say
        6 no UH dobj 5
        7 . . punct 5
        8 The DT det 9
        9 man NN nsubj 10
        10 said VBD ROOT 10 lemma=say
        11 yes UH dobj 10
        12 . . punct 10
        """,
    )
    assert Resolver(b.index).speaker(b.tok("man")).name == "Another Icelander who lives here"


def test_a_full_name_the_recogniser_cut_short_later_is_its_own_person() -> None:
    """Two brothers: "Tarn Ortiz" and "Sefa Ortiz"; the recogniser later finds only "Ortiz"
    of "Tarn Ortiz", after Sefa spoke."""
    b = parsed(
        "Tarn Ortiz sang. Sefa Ortiz said no. Tarn Ortiz said yes. He left.",
        """
        0 Tarn NNP compound 1 ent=PERSON
        1 Ortiz NNP nsubj 2 ent=PERSON
        2 sang VBD ROOT 2 lemma=sing
        3 . . punct 2
        4 Sefa NNP compound 5 ent=PERSON
        5 Ortiz NNP nsubj 6 ent=PERSON
        6 said VBD ROOT 6 lemma=say
        7 no UH dobj 6
        8 . . punct 6
        9 Tarn NNP compound 10
        10 Ortiz NNP nsubj 11 ent=PERSON
        11 said VBD ROOT 11 lemma=say
        12 yes UH dobj 11
        13 . . punct 11
        14 He PRP nsubj 15
        15 left VBD ROOT 15 lemma=leave
        16 . . punct 15
        """,
    )
    r = Resolver(b.index)
    assert r.speaker(b.tok("Ortiz", 2)).name == "Tarn Ortiz"
    assert r.speaker(b.tok("He")).name == "Tarn Ortiz"


def test_a_role_noun_compounded_before_a_name_is_that_persons_role() -> None:
    b = parsed(
        "Columnist Ida Varga wrote it. Bo Lind read it. The columnist said no.",
        """
        0 Columnist NN compound 2
        1 Ida NNP compound 2 ent=PERSON
        2 Varga NNP nsubj 3 ent=PERSON
        3 wrote VBD ROOT 3 lemma=write
        4 it PRP dobj 3
        5 . . punct 3
        6 Bo NNP compound 7 ent=PERSON
        7 Lind NNP nsubj 8 ent=PERSON
        8 read VBD ROOT 8
        9 it PRP dobj 8
        10 . . punct 8
        11 The DT det 12
        12 columnist NN nsubj 13
        13 said VBD ROOT 13 lemma=say
        14 no UH dobj 13
        15 . . punct 13
        """,
    )
    speaker = Resolver(b.index).speaker(b.tok("columnist"))
    assert (speaker.name, speaker.entity) == ("Ida Varga", EntityKind.PERSON)


def test_a_common_noun_the_tagger_took_for_a_name_is_a_description() -> None:
    """ "committee" tagged as a proper noun: the speaker is the committee, not "Democrat"."""
    b = parsed(
        "The Democrat convention committee said no.",
        """
        0 The DT det 3
        1 Democrat NNP compound 3 ent=NORP
        2 convention NN compound 3
        3 committee NNP nsubj 4
        4 said VBD ROOT 4 lemma=say
        5 no UH dobj 4
        6 . . punct 4
        """,
    )
    speaker = Resolver(b.index).speaker(b.tok("committee"))
    assert (speaker.name, speaker.entity) == ("The Democrat convention committee", EntityKind.OTHER)


def test_they_is_the_group_nearest_the_root_of_its_sentence() -> None:
    """ "While civil groups praised the claim that courts work, they said": the groups."""
    b = parsed(
        "While civil groups praised the claim that courts work, they said no.",
        """
        0 While IN mark 3
        1 civil JJ amod 2
        2 groups NNS nsubj 3 lemma=group
        3 praised VBD advcl 11 lemma=praise
        4 the DT det 5
        5 claim NN dobj 3
        6 that IN mark 8
        7 courts NNS nsubj 8 lemma=court
        8 work VBP acl 5
        9 , , punct 11
        10 they PRP nsubj 11
        11 said VBD ROOT 11 lemma=say
        12 no UH dobj 11
        13 . . punct 11
        """,
    )
    speaker = Resolver(b.index).speaker(b.tok("they"))
    assert (speaker.name, speaker.entity) == ("civil groups", EntityKind.OTHER)


def test_they_with_no_group_before_it_stays_unresolved() -> None:
    b = parsed(
        "Ann Lee left. They said no.",
        """
        0 Ann NNP compound 1 ent=PERSON
        1 Lee NNP nsubj 2 ent=PERSON
        2 left VBD ROOT 2 lemma=leave
        3 . . punct 2
        4 They PRP nsubj 5
        5 said VBD ROOT 5 lemma=say
        6 no UH dobj 5
        7 . . punct 5
        """,
    )
    speaker = Resolver(b.index).speaker(b.tok("They"))
    assert (speaker.name, speaker.mention is not None and speaker.mention.text) == (None, "They")


def test_a_title_across_a_line_break_is_the_names_title() -> None:
    """ "Sir\\nHenry Curtis": a title of address the text always writes keeps its place."""
    b = parsed(
        "Sir Henry Curtis rode in. Then Sir\nHenry Curtis said no.",
        """
        0 Sir NNP compound 2
        1 Henry NNP compound 2 ent=PERSON
        2 Curtis NNP nsubj 3 ent=PERSON
        3 rode VBD ROOT 3 lemma=ride
        4 in RP prt 3
        5 . . punct 3
        6 Then RB advmod 10
        7 Sir NNP compound 9
        8 Henry NNP compound 9 ent=PERSON
        9 Curtis NNP nsubj 10 ent=PERSON
        10 said VBD ROOT 10 lemma=say
        11 no UH dobj 10
        12 . . punct 10
        """,
    )
    assert Resolver(b.index).speaker(b.tok("Curtis", 1)).name == "Sir Henry Curtis"


def _doctor(second: str) -> Built:
    """Dr. Ida Varga came in. {second} Varga sat down."""
    rows = """
        0 Dr. NNP compound 2
        1 Ida NNP compound 2 ent=PERSON
        2 Varga NNP nsubj 3 ent=PERSON
        3 came VBD ROOT 3 lemma=come
        4 in RP prt 3
        5 . . punct 3
    """
    words = second.split()
    k = 6
    for w in words:
        ent = " ent=PERSON" if w != "Dr." else ""
        rows += f"{k} {w} NNP compound {6 + len(words)}{ent}\n"
        k += 1
    rows += f"""
        {k} Varga NNP nsubj {k + 1} ent=PERSON
        {k + 1} sat VBD ROOT {k + 1} lemma=sit
        {k + 2} down RP prt {k + 1}
        {k + 3} . . punct {k + 1}
    """
    return parsed(f"Dr. Ida Varga came in. {second} Varga sat down.", rows)


@pytest.mark.parametrize(("second", "titled"), [("Dr. Ida", "Dr. Ida Varga"), ("Ida", None)])
def test_a_name_always_written_after_a_title_keeps_it_in_fiction(
    second: str, titled: str | None
) -> None:
    """In a text written as dialogue, "Dr. Ida Varga" if the text never writes "Ida Varga"
    without the title; the news convention drops it."""
    resolver = Resolver(_doctor(second).index)
    assert resolver.forms.always_titled("Ida Varga") == titled
    ida = Seen("Ida Varga", EntityKind.PERSON, mentions=[_m("Ida Varga", 4)])
    said = Speaker(name="Ida Varga", mention=_m("Varga", 30), entity="person")
    seen, quotes = with_titles([ida], [_quote(40, said)], resolver.forms.always_titled)
    assert [one.name for one in seen] == [titled or "Ida Varga"]
    assert quotes[0].speaker is not None and quotes[0].speaker.name == (titled or "Ida Varga")


def test_his_wife_is_not_the_last_wife_the_text_brought_in() -> None:
    """ "A wife waved. His wife said no.": whoever "his" is married to, named by those words;
    "the wife" is the one brought in as "a wife", named as the narration goes on to call her."""
    b = parsed(
        "A wife waved. His wife said no. The wife smiled.",
        """
        0 A DT det 1
        1 wife NN nsubj 2
        2 waved VBD ROOT 2 lemma=wave
        3 . . punct 2
        4 His PRP$ poss 5
        5 wife NN nsubj 6
        6 said VBD ROOT 6 lemma=say
        7 no UH dobj 6
        8 . . punct 6
        9 The DT det 10
        10 wife NN nsubj 11
        11 smiled VBD ROOT 11 lemma=smile
        12 . . punct 11
        """,
    )
    r = Resolver(b.index)
    assert r.speaker(b.tok("wife", 1)).name == "His wife"
    assert r.speaker(b.tok("wife", 2)).name == "the wife"


def test_a_books_heading_names_no_one() -> None:
    """ "CHAPTER I" over a chapter is not an organisation the recogniser may take it for."""
    b = parsed(
        "CHAPTER I\n\nAnn Lee waited.",
        """
        0 CHAPTER NNP ROOT 0 ent=ORG
        1 I PRP appos 0
        2 Ann NNP compound 3 ent=PERSON
        3 Lee NNP nsubj 4 ent=PERSON
        4 waited VBD ROOT 4 lemma=wait
        5 . . punct 4
        """,
    )
    assert [p.name for p in analysis_of(b.doc).people] == ["Ann Lee"]


@pytest.mark.e2e
@pytest.mark.parametrize(
    ("text", "issuer"),
    [
        (
            "The Orwell Dairy Trust published a study of milk prices on Tuesday. "
            '"Small farms are paid less than it costs to milk a cow," the study said.',
            "Orwell Dairy Trust",
        ),
        (
            "In a letter sent to parents, Brackwater School said the trip was cancelled. "
            '"We share your disappointment," the letter said.',
            "Brackwater School",
        ),
    ],
    ids=["published-by-subject", "in-a-letter"],
)
def test_a_document_speaks_for_who_issued_it(text: str, issuer: str) -> None:
    """ "the study said": the speaker is who the text says issued the study; the quote's
    mention of its speaker stays the document's words."""
    import quoteattr

    quote = quoteattr.extract(text)[-1]  # the direct quote, after any indirect one
    assert quote.speaker is not None
    assert quote.speaker.name == issuer
    assert quote.speaker.mention is not None and quote.speaker.mention.text.startswith("the ")


@pytest.mark.e2e
def test_a_document_whose_issuer_the_text_does_not_give_stays_as_written() -> None:
    import quoteattr

    text = 'A leaked memo circulated on Monday. "Budgets will be cut by a fifth," the memo said.'
    (quote,) = quoteattr.extract(text)
    assert quote.speaker is not None and quote.speaker.name == "the memo"


def test_a_person_tag_on_a_role_before_a_name_names_no_one() -> None:
    """ "Harbour pilot Nell Tregear": the recogniser's PERSON on "Harbour" is a role's first
    word, so the "she" after it is Nell Tregear, not "Harbour"."""
    b = parsed(
        "Harbour pilot Nell Tregear waited. She smiled.",
        """
        0 Harbour NN compound 1 ent=PERSON
        1 pilot NN compound 3
        2 Nell NNP compound 3 ent=B-PERSON
        3 Tregear NNP nsubj 4 ent=PERSON
        4 waited VBD ROOT 4 lemma=wait
        5 . . punct 4
        6 She PRP nsubj 7
        7 smiled VBD ROOT 7 lemma=smile
        8 . . punct 7
        """,
    )
    people = analysis_of(b.doc).people
    assert [p.name for p in people] == ["Nell Tregear"]


@pytest.mark.e2e
def test_an_age_or_a_bare_title_is_no_role() -> None:
    """ "Boat builder Ada Marsh, 71,": her role is "Boat builder", not her age."""
    import quoteattr

    text = (
        "Boat builder Ada Marsh, 71, said the yard would close. "
        '"We ran out of apprentices," said Ada Marsh.'
    )
    analysis = quoteattr.analyze(text)
    assert [(p.name, p.roles) for p in analysis.people] == [("Ada Marsh", ("Boat builder",))]


@pytest.mark.parametrize("mode", ["default", "fast"])
@pytest.mark.e2e
def test_a_caption_role_that_opens_with_a_capital_is_not_part_of_the_name(mode: str) -> None:
    """ "End Quote Erik Lindqvist Boatyard owner": "Boatyard" opens the role, as the text
    writes "boatyard" in lower case elsewhere."""
    import quoteattr

    text = (
        "The boatyard will close in March.\n\n"
        "Start Quote We built boats here for ninety years. End Quote Erik Lindqvist Boatyard owner"
    )
    analysis = quoteattr.analyze(text, mode=mode)
    (quote,) = [q for q in analysis.quotes if q.kind.value == "pull"]
    assert quote.speaker is not None
    assert (quote.speaker.name, quote.speaker.role) == ("Erik Lindqvist", "Boatyard owner")
    assert [(p.name, p.roles) for p in analysis.people] == [("Erik Lindqvist", ("Boatyard owner",))]


@pytest.mark.parametrize("mode", ["default", "fast"])
@pytest.mark.e2e
def test_a_caption_name_cut_before_its_role_is_the_one_the_text_names_later(mode: str) -> None:
    """The recogniser's "Erik Lindqvist Boatyard" is no person of its own: the caption names
    Erik Lindqvist, whom "Lindqvist" and "He" refer to after it."""
    import quoteattr

    text = (
        "The boatyard will close in March.\n\n"
        "Start Quote We built boats here for ninety years. End Quote Erik Lindqvist Boatyard owner"
        '\n\n"We could not find a buyer," Lindqvist said on Monday.'
    )
    analysis = quoteattr.analyze(text, mode=mode)
    assert [q.speaker.name for q in analysis.quotes if q.speaker] == ["Erik Lindqvist"] * 2
    assert [(p.name, p.roles) for p in analysis.people] == [("Erik Lindqvist", ("Boatyard owner",))]


PLACES = (
    "The boatyard on Ferry Lane will close in March. Residents of Marlow Cross met at the "
    "hall on Harbour Street on Monday.\n\n"
    '"There is no other yard between here and Marlow Cross," said Ada Marsh, who lives on '
    "Ferry Lane.\n\n"
    "Marlow Cross council said it would look for a new tenant."
)


@pytest.mark.parametrize("mode", ["default", "fast"])
@pytest.mark.e2e
def test_streets_and_towns_are_not_people(mode: str) -> None:
    """Ferry Lane, Harbour Street and Marlow Cross are places, whatever the recogniser
    labels them; the town's council that speaks is still a speaker (with a parse, which
    finds indirect speech)."""
    import quoteattr

    analysis = quoteattr.analyze(PLACES, mode=mode)
    speakers = [q.speaker.name for q in analysis.quotes if q.speaker]
    people = [(p.name, p.kind.value) for p in analysis.people]
    if mode == "fast":
        assert (speakers, people) == (["Ada Marsh"], [("Ada Marsh", "person")])
    else:
        assert speakers == ["Ada Marsh", "Marlow Cross"]
        assert people == [("Ada Marsh", "person"), ("Marlow Cross", "organisation")]
        council = analysis.person_of(analysis.quotes[-1])
        assert council is not None and [m.text for m in council.mentions] == [
            "Marlow Cross council"
        ]


NEWSPAPERS = (
    "The new bridge will cost twice what the county said, the Dunmore Herald reported on "
    'Monday. "The county has not published its figures," the Kettering Gazette said.'
)


@pytest.mark.parametrize("mode", ["default", "fast"])
@pytest.mark.e2e
def test_a_newspaper_that_speaks_is_an_organisation(mode: str) -> None:
    """A paper's name ends with a word papers are named by (Herald, Gazette, Tribune, ...):
    an organisation, even where it speaks as a person would."""
    import quoteattr

    analysis = quoteattr.analyze(NEWSPAPERS, mode=mode)
    kinds = {p.name: p.kind.value for p in analysis.people}
    assert kinds.get("Dunmore Herald", "organisation") == "organisation"
    assert kinds.get("Kettering Gazette", "organisation") == "organisation"
    assert "person" not in kinds.values()


UNRESOLVED = (
    'The ferry to Marlow Cross was cancelled again on Friday.\n\n"Nobody told us," she said.'
)


@pytest.mark.parametrize("mode", ["default", "fast"])
@pytest.mark.e2e
def test_an_unresolved_pronoun_is_a_speaker_without_a_name(mode: str) -> None:
    """ "she", whom the text never names: the quote keeps "she" as its speaker's mention, but
    the speaker has no name and no entry among the people."""
    import quoteattr

    analysis = quoteattr.analyze(UNRESOLVED, mode=mode)
    (quote,) = analysis.quotes
    assert quote.rule is Rule.UNRESOLVED
    at = UNRESOLVED.index("she")
    assert quote.speaker == Speaker(
        name=None, mention=Mention(text="she", start=at, end=at + 3), entity="other"
    )
    assert quote.to_dict()["speaker"]["name"] is None
    assert analysis.people == ()


QUAY = (
    "Among the passengers waiting on the quay at Pellworth was Agnes Morrow, who had grey "
    "gloves and a hatbox tied with ribbon.\n"
    'The purser read from his list. "Anyone for Skerry Island?"\n'
    '"Me," said the grey-gloved woman. "And my hatbox."'
)


@pytest.mark.e2e
def test_a_name_the_recogniser_runs_into_the_words_before_it_is_a_person() -> None:
    """The small model tags "Pellworth was Agnes Morrow" as one organisation: the name is
    still a person's, named whole, and the epithet after her is hers."""
    import quoteattr

    analysis = quoteattr.analyze(QUAY, genre="fiction")
    assert "Agnes Morrow" in [p.name for p in analysis.people]
    assert [q.speaker.name for q in analysis.quotes if q.speaker][1:] == ["Agnes Morrow"] * 2
