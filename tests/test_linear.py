"""Linear time (issue 12): each walk that once ran over a whole subtree, chain or sentence per
name or per quote now reads a bounded part of it, or reads the Doc once.

The tests count work, not time: the tokens a walk visits, the heads a climb reads, or the
Python calls (cProfile's ``total_calls``) of a pass over a text twice as long, which a
linear pass makes about twice as many of (a quadratic one four times as many). Each also
checks that the answers are the ones the old walk gave, kept here as a reference.
The Docs are built by hand (no trained pipeline) except in the tests marked e2e.
"""

from __future__ import annotations

import cProfile
import pstats
import random
from collections.abc import Callable
from typing import Any

import pytest
import spacy
from spacy.tokens import Doc, Span, Token

import quoteattr
from docs_builder import blank, index_of
from quoteattr._cues.parsed import context_speaker, is_cue_verb, subject_of
from quoteattr._doc.tree import doc_tree, sentence_of, span_root
from quoteattr._people import mentions
from quoteattr._people.mentions import MAX_MENTION_TOKENS, governor, mention_span, role_of
from quoteattr._reported.clauses import ReportedClause, reported_clauses

LINEAR = 2.5  # the largest ratio of work at 2n to work at n that counts as linear


def calls(fn: Callable[[], object]) -> int:
    """The number of Python function calls fn makes."""
    profile = cProfile.Profile()
    profile.enable()
    fn()
    profile.disable()
    return pstats.Stats(profile).total_calls  # type: ignore[attr-defined,no-any-return]


def make_doc(
    words: list[str],
    heads: list[int],
    deps: list[str],
    pos: list[str] | None = None,
    tags: list[str] | None = None,
    lemmas: list[str] | None = None,
    spaces: list[bool] | None = None,
) -> Doc:
    """A Doc with this parse on spaCy's blank English vocabulary."""
    return Doc(
        blank().vocab,
        words=words,
        spaces=spaces,
        heads=heads,
        deps=deps,
        pos=pos or ["PROPN"] * len(words),
        tags=tags or ["NNP"] * len(words),
        lemmas=lemmas or [w.lower() for w in words],
    )


# --- the old walks, as references ---------------------------------------------------------


def old_mention_bounds(head: Token) -> tuple[int, int]:
    """mention_span before issue 12: the whole attached subtree, then a window of it."""
    if head.pos_ == "PRON":
        return head.i, head.i
    keep = {head.i}
    stack = [head]
    while stack:
        tok = stack.pop()
        for child in tok.children:
            if mentions._attached(child):
                keep.add(child.i)
                stack.append(child)
    start = end = head.i
    while start - 1 in keep and head.i - (start - 1) < MAX_MENTION_TOKENS:
        start -= 1
    while end + 1 in keep and (end + 1) - start < MAX_MENTION_TOKENS:
        end += 1
    doc = head.doc
    while start < end and (doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start and (doc[end].is_punct or doc[end].is_space):
        end -= 1
    return start, end


def old_governor(tok: Token) -> Token:
    while tok.dep_ in ("appos", "compound") and tok.head.i != tok.i:
        tok = tok.head
    return tok


def old_role(span: Span, name: Span | None, head: Token) -> str | None:
    """role_of's appositions before issue 12; the words before the name are unchanged."""
    for child in head.children:
        if child.dep_ == "appos" and not (name is not None and name.start <= child.i < name.end):
            return head.doc[child.left_edge.i : child.right_edge.i + 1].text.strip(" ,")
    return role_of(span, name, head)


def old_according(doc: Doc, according: Token) -> tuple[int, int] | None:
    """The characters _according_clause gave before issue 12 (its cue and head tests aside)."""
    phrase = range(according.left_edge.i, according.right_edge.i + 1)
    sent = according.sent
    before = [t for t in doc[sent.start : phrase.start] if not t.is_punct]
    after = list(doc[phrase.stop : sent.end])
    part = after if len(after) >= len(before) else before
    while part and (part[0].is_punct or part[0].is_space):
        part = part[1:]
    while part and (part[-1].is_punct or part[-1].is_space):
        part = part[:-1]
    if len(part) < 3:
        return None
    return part[0].idx, part[-1].idx + len(part[-1])


def random_parse(rng: random.Random, n: int) -> Doc:
    """A random parse of n tokens in one or more sentences, projective or not."""
    words, heads, deps = [], [], []
    labels = ["compound", "appos", "amod", "det", "relcl", "punct", "prep", "pobj", "conj"]
    start = 0
    while start < n:
        size = min(n - start, rng.randint(1, 30))
        root = start + rng.randrange(size)
        order = list(range(start, start + size))
        rng.shuffle(order)
        order.remove(root)
        placed = [root]
        sent_heads = {root: root}
        for i in order:  # each token hangs on one placed before it: a tree, crossing arcs too
            sent_heads[i] = (
                rng.choice(placed)
                if rng.random() < 0.3
                else min(placed, key=lambda h, i=i: abs(h - i))
            )
            placed.append(i)
        for i in range(start, start + size):
            words.append("," if rng.random() < 0.15 else rng.choice(["Lee", "Ann", "mayor", "the"]))
            heads.append(sent_heads[i])
            deps.append("ROOT" if i == root else rng.choice(labels))
        start += size
    return make_doc(words, heads, deps)


# --- mention_span, governor, role_of: a window, a climb once, a text once -----------------


def chain(n: int, dep: str, leftward: bool, word: str = "Smith") -> Doc:
    """n tokens in one chain of dep links: each on the next (leftward) or on the one before."""
    if leftward:
        heads = [i + 1 for i in range(n - 1)] + [n - 1]
        deps = [dep] * (n - 1) + ["ROOT"]
    else:
        heads = [0, *range(n - 1)]
        deps = ["ROOT"] + [dep] * (n - 1)
    return make_doc([word] * n, heads, deps)


@pytest.mark.parametrize("leftward", [True, False])
def test_mention_span_visits_a_window_of_a_long_chain(
    monkeypatch: pytest.MonkeyPatch, leftward: bool
) -> None:
    """ "Mr Smith Mrs Smith Dr Smith ...": one compound chain as long as the text. The old
    walk visited the whole chain for its head; the window is MAX_MENTION_TOKENS each side."""
    seen: list[int] = []
    attached = mentions._attached

    def counting(child: Token) -> bool:
        seen.append(child.i)
        return attached(child)

    monkeypatch.setattr(mentions, "_attached", counting)
    doc = chain(5000, "compound", leftward)
    head = doc[len(doc) - 1] if leftward else doc[0]
    span = mention_span(head)
    assert len(seen) <= 2 * MAX_MENTION_TOKENS
    assert len(span) == MAX_MENTION_TOKENS
    assert (span.start, span.end - 1) == old_mention_bounds(head)


def test_mention_span_is_the_old_walks_window_on_random_parses() -> None:
    rng = random.Random(12)
    for _ in range(40):
        doc = random_parse(rng, rng.randint(1, 120))
        for tok in doc:
            span = mention_span(tok)
            assert (span.start, span.end - 1) == old_mention_bounds(tok), (tok.i, doc)


def test_governor_climbs_a_long_chain_once() -> None:
    """Each name on a chain of appositions climbed the chain to its head: quadratic."""

    def governors(n: int) -> tuple[list[int], int]:
        doc = chain(n, "appos", leftward=False)
        found: list[Token] = []
        work = calls(lambda: found.extend(governor(tok) for tok in reversed(doc)))
        return [g.i for g in found], work

    small, work_n = governors(1500)
    big, work_2n = governors(3000)
    assert set(small) == set(big) == {0}
    assert work_2n / work_n < LINEAR
    untouched = make_doc(["Ann", "Lee"], [1, 1], ["compound", "ROOT"])[1]
    assert governor(untouched) is untouched  # the token itself, as the old climb gave it


def test_governor_and_span_root_agree_with_spacy_on_random_parses() -> None:
    rng = random.Random(7)
    for _ in range(40):
        doc = random_parse(rng, rng.randint(1, 120))
        for tok in doc:
            assert governor(tok).i == old_governor(tok).i
            assert sentence_of(tok) == (tok.sent.start, tok.sent.end)
            assert doc_tree(doc).children(tok.i) == [c.i for c in tok.children]
        for _ in range(20):
            start = rng.randrange(len(doc))
            span = doc[start : rng.randint(start + 1, len(doc))]
            assert span_root(span).i == span.root.i


def test_children_with_a_label_are_spacys_for_few_and_many_children() -> None:
    """A token with a few children is read child by child, one with many from a table: both
    give the children spaCy lists with those labels, in text order."""
    rng = random.Random(3)
    labels = ["nsubj", "aux", "advmod", "conj", "punct"]
    for n in (5, 17, 60):  # children of token 2: fewer and more than MAX_SCANNED
        deps = [rng.choice(labels) for _ in range(n)]
        deps[2] = "ROOT"
        doc = make_doc(["word"] * n, [2] * n, deps)
        wanted = frozenset({"nsubj", "conj"})
        for tok in doc:
            expected = [c.i for c in tok.children if c.dep_ in wanted]
            assert doc_tree(doc).children_with(tok.i, wanted) == expected


def test_role_of_an_apposition_chain_is_read_once() -> None:
    """ "Lee: Lee: Lee: ...": the role of each name is the apposition's whole phrase, the
    rest of the text, which each name rebuilt."""
    n = 2000
    words, heads, deps = [], [], []
    for i in range(n):  # "Lee ," with each Lee in apposition to the one before
        words += ["Lee", ","]
        heads += [max(2 * i - 2, 0), 2 * i]
        deps += ["appos" if i else "ROOT", "punct"]
    doc = make_doc(words, heads, deps)
    roles = []
    for k in range(0, len(doc), 2):
        name = doc[k : k + 1]
        gov = governor(doc[k])
        roles.append(role_of(mention_span(gov), name, gov))
        if k < 10:
            assert roles[-1] == old_role(mention_span(gov), name, gov)
    assert roles[1] == "Lee"  # the name in apposition is not its own role: the words before
    assert roles[0] == " ".join(["Lee ,"] * (n - 1))[:-2]
    assert len({id(r) for k, r in enumerate(roles) if k != 1}) == 1  # one string, built once


# --- according to X: counted, not listed ---------------------------------------------------


def according_chain(k: int) -> Doc:
    """ "according to according to ... officials": each "according" is the pcomp of the "to"
    before it, as the small English model parses it; one sentence for the whole text."""
    words, heads, deps, pos, tags = ["it", "rains"], [1, 1], ["nsubj", "ROOT"], [], []
    for j in range(k):
        a = len(words)
        words += ["according", "to"]
        heads += [1 if j == 0 else a - 1, a]
        deps += ["prep" if j == 0 else "pcomp", "prep"]
    words.append("officials")
    heads.append(len(words) - 2)
    deps.append("pobj")
    for w in words:
        pos.append({"according": "VERB", "to": "ADP", "rains": "VERB"}.get(w, "NOUN"))
        tags.append({"according": "VBG", "to": "IN", "rains": "VBZ"}.get(w, "NN"))
    return make_doc(words, heads, deps, pos, tags)


class CountingDoc(Doc):
    """A Doc that counts the reads of its text (spaCy joins it anew from the tokens)."""

    reads = 0

    @property
    def text(self) -> str:
        CountingDoc.reads += 1
        return Doc.text.__get__(self)  # type: ignore[attr-defined,no-any-return]


def test_according_clauses_count_the_sentence_once() -> None:
    """Each "according" listed its sentence's tokens, and sliced an empty Span at the end of
    the Doc, for which spaCy rejoins the whole text. Each also gave an indirect quote of all
    the text before it, the other phrases included: output quadratic in the text. A side
    now stops at the neighbouring "according to" phrase, so the chain gives none."""

    def clauses(k: int) -> tuple[list[ReportedClause], int]:
        plain = according_chain(k)
        doc = CountingDoc(plain.vocab).from_bytes(plain.to_bytes())
        built = index_of(doc)
        CountingDoc.reads = 0
        found: list[ReportedClause] = []
        work = calls(lambda: found.extend(reported_clauses(built.index)))
        assert CountingDoc.reads == 0
        return found, work

    small, work_n = clauses(400)
    big, work_2n = clauses(800)
    assert small == big == []
    assert work_2n / work_n < LINEAR


def test_according_clause_is_the_longer_side_as_before() -> None:
    """One "according to X" in a long run-on sentence: the side counted is the side listed."""
    for before, after in ((300, 200), (200, 300), (2, 1), (0, 5), (5, 0)):
        words = ["w"] * before + [",", "according", "to", "Lee", ","] + ["w", ","] * after
        n = len(words)
        heads = [before] * n  # everything on the comma before the phrase, the root
        deps = ["dep"] * n
        deps[before] = "ROOT"
        heads[before + 2], deps[before + 2] = before + 1, "prep"
        heads[before + 3], deps[before + 3] = before + 2, "pobj"
        built = index_of(make_doc(words, heads, deps))
        found = list(reported_clauses(built.index))
        according = built.doc[before + 1]
        expected = old_according(built.doc, according)
        assert [(c.start, c.end) for c in found] == ([expected] if expected else [])


def test_according_clause_stops_at_the_next_according_phrase() -> None:
    """ "According to Lee, the plan failed, and according to Ann, the bridge fell.": Lee
    said the first clause and Ann the second; neither side runs over the other phrase."""
    text = "According to Lee , the plan failed , and according to Ann , the bridge fell ."
    words = text.split()
    heads = [6, 0, 1, 6, 5, 6, 6, 6, 6, 15, 9, 10, 15, 14, 15, 6, 6]
    deps = ["prep", "prep", "pobj", "punct", "det", "nsubj", "ROOT", "punct", "cc"]
    deps += ["prep", "prep", "pobj", "punct", "det", "nsubj", "conj", "punct"]
    pos = ["VERB", "ADP", "PROPN", "PUNCT", "DET", "NOUN", "VERB", "PUNCT", "CCONJ"]
    pos += ["VERB", "ADP", "PROPN", "PUNCT", "DET", "NOUN", "VERB", "PUNCT"]
    built = index_of(make_doc(words, heads, deps, pos, ["XX"] * len(words)))
    found = list(reported_clauses(built.index))
    said = [(c.cue.speaker.text, built.text[c.start : c.end]) for c in found if c.cue]
    assert said == [("Lee", "the plan failed , and"), ("Ann", "the bridge fell")]


# --- the speaker of an uncued quote, and subjects under a head of many children ------------


def run_on(k: int) -> tuple[Any, list[int]]:
    """'Ann said then "we will win the vote" and "we will win the vote" and ...': one
    sentence, k quotes without a cue, all of it hung on "said" (a thousand children)."""
    text = "Ann said then" + ' "we will win the vote" and' * k + " more."
    tokens = blank()(text)
    n = len(tokens)
    said = 1
    heads = [said] * n
    deps = ["dep"] * n
    deps[0], deps[said] = "nsubj", "ROOT"
    pos = ["NOUN"] * n
    tags = ["NN"] * n
    pos[0], tags[0] = "PROPN", "NNP"
    pos[said], tags[said] = "VERB", "VBD"
    lemmas = [t.lower_ for t in tokens]
    lemmas[said] = "say"
    doc = make_doc(
        [t.text for t in tokens],
        heads,
        deps,
        pos,
        tags,
        lemmas,
        [bool(t.whitespace_) for t in tokens],
    )
    built = index_of(doc)
    firsts = [built.index.token_range(s.outer_start, s.outer_end)[0] for s in built.spans]
    assert len(firsts) == k
    return built.index, firsts


def old_context_cue(index: Any, first: int) -> Token | None:
    """The first half of context_speaker before issue 12: the cue verbs scanned back from
    the quote to the start of the sentence's narration, for each quote."""
    doc = index.doc
    i = first - 1
    while i >= 0 and (doc[i].is_space or index.quote_of[i] == index.quote_of[first] >= 0):
        i -= 1
    start = doc[i].sent.start
    while index.paragraph_of[start] != index.paragraph_of[i] or index.quote_of[start] >= 0:
        start += 1
    for tok in reversed(doc[start : i + 1]):
        if is_cue_verb(tok) and index.is_free(tok.i):
            subject = subject_of(tok, index)
            if subject is not None:
                return subject
    return None


def test_context_speaker_reads_a_run_on_sentence_once() -> None:
    """Each uncued quote rescanned the narration from the sentence start: quadratic."""

    def speakers(k: int) -> tuple[list[str], int]:
        index, firsts = run_on(k)
        found: list[Token | None] = []
        work = calls(lambda: found.extend(context_speaker(index, f) for f in firsts))
        for f, got in list(zip(firsts, found, strict=True))[:5]:
            old = old_context_cue(index, f)
            assert got is not None and old is not None and got.i == old.i
        return [t.text if t is not None else "" for t in found], work

    small, work_n = speakers(200)
    big, work_2n = speakers(400)
    assert set(small) == set(big) == {"Ann"}
    assert work_2n / work_n < LINEAR


def test_subject_of_reads_a_head_of_many_children_once() -> None:
    """ "said told added wrote ...": a flat parse gives one head a thousand children, and
    each verb on it listed them all to find the subject it inherits."""

    def subjects(k: int) -> tuple[list[int], int]:
        words = ["Ann", "said"] + ["added"] * k
        heads = [1] * (k + 2)
        deps = ["nsubj", "ROOT"] + ["conj"] * k
        pos = ["PROPN"] + ["VERB"] * (k + 1)
        tags = ["NNP"] + ["VBD"] * (k + 1)
        index = index_of(make_doc(words, heads, deps, pos, tags)).index
        verbs = list(index.doc)[2:]
        found: list[Token | None] = []
        work = calls(lambda: found.extend(subject_of(v, index) for v in verbs))
        return [t.i if t is not None else -1 for t in found], work

    small, work_n = subjects(1000)
    big, work_2n = subjects(2000)
    assert set(small) == set(big) == {0}
    assert work_2n / work_n < LINEAR


# --- the whole extraction, on generated texts that were quadratic ---------------------------


def _cycle(piece: Callable[[int], str]) -> Callable[[int], str]:
    def make(n: int) -> str:
        out: list[str] = []
        size, k = 0, 0
        while size < n:
            out.append(piece(k))
            size += len(out[-1])
            k += 1
        return "".join(out)[:n]

    return make


GENERATED: dict[str, Callable[[int], str]] = {
    "according-to": _cycle(lambda k: "according to "),
    "dash-attribution": _cycle(lambda k: "— Commissioner Lee — "),
    "titled-names": _cycle(lambda k: ("Mr Smith ", "Mrs Smith ", "Dr Smith ")[k % 3]),
    "colon-bare": _cycle(lambda k: "Lee: "),
    "uncued-run-on": _cycle(
        lambda k: 'then "we will win the vote today and build the bridge soon" and '
    ),
}


@pytest.mark.e2e
@pytest.mark.parametrize("name", list(GENERATED))
def test_extraction_of_a_generated_text_is_linear(
    nlp: spacy.language.Language, extractor: quoteattr.Extractor, name: str
) -> None:
    """The patterns bench/scaling.py found quadratic: twice the text, about twice the calls."""
    make = GENERATED[name]
    small, big = nlp(make(3000)), nlp(make(6000))
    work_n = calls(lambda: extractor.extract_doc(small))
    work_2n = calls(lambda: extractor.extract_doc(big))
    assert work_2n / work_n < LINEAR
