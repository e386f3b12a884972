"""The shape of the parse tree, read once per Doc and cached while it lives.

spaCy's tree properties walk the tree in C at each call: ``Token.children``, ``lefts`` and
``rights`` scan the token's whole subtree, ``Token.sent`` scans to both ends of its sentence,
``Span.root`` climbs to the sentence root from each token of the span. That is nothing in a
news sentence and the length of the text in a run-on one (a generated text, an OCR dump, a
list), where a lookup per quote or per name makes a pass quadratic. `DocTree` reads the
same facts from the Doc's arrays once, in time linear in its length, and gives them in
constant time (children in time linear in their number).
"""

from __future__ import annotations

import weakref
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from .strings import strings_of

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


_NO_CHILDREN: tuple[int, ...] = ()
# Children read one by one by `DocTree.children_with`; a token with more has a table.
MAX_SCANNED = 16


class DocTree:
    """The dependency tree of a Doc as plain lists, read once, to answer in constant time
    what spaCy's tree properties answer by walking the tree.

    Every answer is the one spaCy's property gives, including where the parse is not
    projective: children are those ``Token.lefts`` and ``Token.rights`` yield, in text
    order. Those scan a token's ``left_edge`` to its ``right_edge`` for the tokens whose head
    it is, and spaCy sets the edges from the heads so that they hold all of them
    (``set_children_from_heads``, whether the parser, ``Doc.from_array`` or the retokenizer
    set the heads): the children are the tokens whose head is the token.
    A DocTree holds no reference to its Doc; build one with `doc_tree`.
    """

    def __init__(self, doc: Doc) -> None:
        import numpy

        n = len(doc)
        self.length = n
        raw = doc.to_array(["HEAD", "DEP", "SENT_START", "IS_PUNCT", "IS_SPACE"]).reshape(n, 5)
        # unsigned: cast the offsets and the sentence starts (-1, 0, 1) back to signed
        arr = raw.astype(numpy.int64)
        heads = numpy.arange(n) + arr[:, 0]
        below = arr[:, 0] != 0  # not a root
        self.head: list[int] = heads.tolist()
        self.dep: list[str] = strings_of(doc, raw[:, 1])
        self._sent_start: list[int] = arr[:, 2].tolist()
        self._sent_bounds: tuple[list[int], list[int]] | None = None
        self._punct: list[bool] = (arr[:, 3] != 0).tolist()
        self._word: list[bool] = ((arr[:, 3] == 0) & (arr[:, 4] == 0)).tolist()  # nor blank
        # all tokens headed by each, as spaCy's l_kids + r_kids count
        self.kids: list[int] = numpy.bincount(heads[below], minlength=n).tolist()
        lefts: list[Sequence[int]] = [_NO_CHILDREN] * n
        rights: list[Sequence[int]] = [_NO_CHILDREN] * n
        for c, h in enumerate(self.head):
            if c != h:
                side = lefts if c < h else rights
                found = side[h]
                if found:
                    found.append(c)
                else:
                    side[h] = [c]
        self.lefts = lefts
        self.rights = rights
        # Token.sent reads sentence starts unless hooks replace it
        self.own_sentences = not (
            "sent" in doc.user_token_hooks
            or "sent" in doc.user_span_hooks
            or "sents" in doc.user_hooks
        ) and (n == 0 or doc.has_annotation("SENT_START"))
        self._reach: tuple[list[int], list[int]] | None = None  # see `reach`
        self._depth: list[int] | None = None
        self._governor: list[int] = [-1] * n
        self._by_deps: dict[frozenset[str], dict[int, list[int]]] = {}
        self._with_label: dict[str, list[int]] | None = None
        self._words: tuple[list[int], list[int], list[int]] | None = None
        self._lower_words: frozenset[str] | None = None
        # answers kept for other modules: see `mentions.mention_span`, `mentions.role_of` and
        # `naming.entity_name_words`
        self.mention_bounds: dict[int, tuple[int, int]] = {}
        self.apposition_text: dict[int, str] = {}
        self.name_words: dict[tuple[int, int], tuple[str, ...]] = {}
        self._columns: dict[str, list[str] | list[int]] = {}
        self.entities: list[Span] | None = None  # kept by `ents.entities`
        self.entity_tags: Any = None  # kept by `ents._entity_tags`

    def column(self, doc: Doc, attr: str) -> list[str]:
        """A string attribute of every token ("TAG", "LOWER", "ENT_TYPE"), read once: a loop
        that needs a few tokens picks them here, without making a Token for each."""
        found = self._columns.get(attr)
        if found is None:
            found = self._columns[attr] = strings_of(doc, doc.to_array([attr]).reshape(-1))
        return found  # type: ignore[return-value]

    def flags(self, doc: Doc, attr: str) -> list[int]:
        """A numeric or boolean attribute of every token ("IS_TITLE", "ENT_IOB"), read once."""
        found = self._columns.get(attr)
        if found is None:
            found = self._columns[attr] = doc.to_array([attr]).tolist() if self.length else []
        return found  # type: ignore[return-value]

    def lower_words(self, doc: Doc) -> frozenset[str]:
        """The words the document writes in lower case somewhere ("somehow"), read once."""
        if self._lower_words is None:
            lower, is_lower = self.column(doc, "LOWER"), self.flags(doc, "IS_LOWER")
            self._lower_words = frozenset(w for w, low in zip(lower, is_lower, strict=True) if low)
        return self._lower_words

    def is_word(self, i: int) -> bool:
        """Say whether token i is a word: neither punctuation nor blank."""
        return self._word[i]

    def children(self, i: int) -> list[int]:
        """The children of token i, as ``Token.children`` yields them."""
        return [*self.lefts[i], *self.rights[i]]

    def children_with(self, i: int, deps: frozenset[str]) -> list[int]:
        """The children of token i with one of these dependency labels, in text order.

        Read from the children of a token with a few of them; for one with more (the root
        of a run-on sentence), from a table of the tokens with those labels by head, built
        on first use (see `with_label`), so that asking again costs no more than the answer.
        """
        lefts, rights = self.lefts[i], self.rights[i]
        if len(lefts) + len(rights) <= MAX_SCANNED:
            dep = self.dep
            return [c for c in lefts if dep[c] in deps] + [c for c in rights if dep[c] in deps]
        table = self._by_deps.get(deps)
        if table is None:
            table = self._by_deps[deps] = {}
            with_label = self.with_label()
            for c in sorted(c for dep in deps for c in with_label.get(dep, ())):
                if self.head[c] != c:
                    table.setdefault(self.head[c], []).append(c)
        return table.get(i, [])

    def with_label(self) -> dict[str, list[int]]:
        """The tokens with each dependency label, in text order, read on first use."""
        if self._with_label is None:
            self._with_label = {}
            for k, dep in enumerate(self.dep):
                self._with_label.setdefault(dep, []).append(k)
        return self._with_label

    def words(self) -> tuple[list[int], list[int], list[int]]:
        """Where the words are, punctuation and blanks aside, as three lists: the number of
        tokens before token i that are not punctuation (i from 0 to the Doc's length), and,
        for each token, the first word at or after it (the length of the Doc if none) and the
        last word at or before it (-1 if none)."""
        if self._words is None:
            n = self.length
            unpunct = [0] * (n + 1)
            after = [n] * n
            before = [-1] * n
            for k in range(n):
                unpunct[k + 1] = unpunct[k] + (not self._punct[k])
                before[k] = k if self._word[k] else (before[k - 1] if k else -1)
            for k in range(n - 1, -1, -1):
                after[k] = k if self._word[k] else (after[k + 1] if k + 1 < n else n)
            self._words = unpunct, after, before
        return self._words

    def sentence(self, i: int) -> tuple[int, int]:
        """The tokens [start, end) of token i's sentence, as ``Token.sent`` gives them when
        no hook replaces it (see `sentence_of`)."""
        if self._sent_bounds is None:
            n, flags = self.length, self._sent_start
            first = [0] * n
            end = [n] * n
            start = 0
            for k in range(n):
                if flags[k] == 1:
                    start = k
                first[k] = start
            stop = n
            for k in range(n - 1, -1, -1):
                end[k] = stop
                if flags[k] == 1:
                    stop = k
            self._sent_bounds = first, end
        return self._sent_bounds[0][i], self._sent_bounds[1][i]

    def reach(self, i: int) -> tuple[int, int]:
        """The first and last token below token i, following `children` down: the tokens a
        walk from i over its children can visit lie in that range. Found on first use for
        i and the tokens below it, so that each token is walked over once."""
        if self._reach is None:
            self._reach = [-1] * self.length, [-1] * self.length
        lo, hi = self._reach
        if lo[i] < 0:
            below = [i]  # the tokens below i not reached yet, each after its head
            for k in below:
                below.extend(c for c in self.lefts[k] if lo[c] < 0)
                below.extend(c for c in self.rights[k] if lo[c] < 0)
                if len(below) > self.length:
                    raise ValueError("the parse has a cycle")
            for k in reversed(below):
                first = last = k
                for c in self.lefts[k]:
                    first, last = min(first, lo[c]), max(last, hi[c])
                for c in self.rights[k]:
                    first, last = min(first, lo[c]), max(last, hi[c])
                lo[k], hi[k] = first, last
        return lo[i], hi[i]

    def depth(self, i: int) -> int:
        """The number of heads above token i, up to its sentence's root; found on first use
        for i and the tokens above it."""
        if self._depth is None:
            self._depth = [-1] * self.length
        depth = self._depth
        path = []
        j = i
        while depth[j] < 0 and self.head[j] != j:
            path.append(j)
            j = self.head[j]
            if len(path) > self.length:
                raise ValueError("the parse has a cycle")
        if depth[j] < 0:
            depth[j] = 0
        d = depth[j]
        for j in reversed(path):
            d += 1
            depth[j] = d
        return depth[i]

    def governor(self, i: int) -> int:
        """The token above token i over appos and compound links (see `mentions.governor`)."""
        found = self._governor
        path = []
        j = i
        while found[j] < 0 and self.dep[j] in ("appos", "compound") and self.head[j] != j:
            path.append(j)
            j = self.head[j]
        top = found[j] if found[j] >= 0 else j
        found[j] = top
        for k in path:
            found[k] = top
        return top


_TREES: weakref.WeakKeyDictionary[Doc, DocTree] = weakref.WeakKeyDictionary()
# the Doc asked about last and its tree: a lookup in _TREES makes a weak reference each time
_last: tuple[weakref.ref[Doc], DocTree] | None = None


def doc_tree(doc: Doc) -> DocTree:
    """The `DocTree` of a Doc: read on first use, then kept for as long as the Doc lives
    or until `forget_tree`.

    An extraction forgets it when it starts (`TokenIndex.build`), so that it reads the Doc
    as it is then, and when it ends, so that a Doc kept after it does not keep its tree.
    """
    global _last
    last = _last
    if last is not None and last[0]() is doc:
        return last[1]
    tree = _TREES.get(doc)
    if tree is None:
        tree = _TREES[doc] = DocTree(doc)
    _last = weakref.ref(doc), tree
    return tree


def forget_tree(doc: Doc) -> None:
    """Drop the `DocTree` kept for a Doc, if any."""
    global _last
    _last = None
    _TREES.pop(doc, None)


def sentence_of(tok: Token) -> tuple[int, int]:
    """The tokens [start, end) of ``tok.sent``, without its scan to the sentence's ends."""
    tree = doc_tree(tok.doc)
    if not tree.own_sentences:
        sent = tok.sent
        return sent.start, sent.end
    return tree.sentence(tok.i)


def span_root(span: Span) -> Token:
    """Return ``span.root`` without spaCy's climb to the sentence root from each token.

    The same token: a sentence root in the span if there is one (the first), else the token
    whose head is outside the span with the fewest heads above it (the first of those), a
    childless punctuation mark or blank counting as deepest.
    """
    doc = span.doc
    if "root" in doc.user_span_hooks:
        return span.root
    tree = doc_tree(doc)
    start, end = span.start, span.end
    for i in range(start, end):
        if tree.head[i] == i:
            return doc[i]
    best, root = tree.length, -1
    for i in range(start, end):
        if start <= tree.head[i] < end:
            continue
        # a childless punctuation mark or blank counts as deepest
        steps = tree.length - 1 if not tree.is_word(i) and not tree.kids[i] else tree.depth(i)
        if steps < best:
            best, root = steps, i
    return doc[start] if root < 0 else doc[root]
