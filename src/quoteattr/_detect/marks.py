"""Quotation marks: find the stretches of text that quotation marks enclose.

Pure text, no spaCy: a single left-to-right scan over the marks of each paragraph, pairing
openers and closers with a stack. Every mark is looked at a bounded number of times, so the
scan is linear in the length of the text whatever the marks.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import attrs

from .._lexicon.words import ELISIONS

# Double-family marks and what each is by default; context can turn a curly mark round
# (Swedish and Danish styles use ” ” and » «).
DOUBLE_OPENERS = "“„‟«〝"
DOUBLE_CLOSERS = "”»〞〟"
SINGLE_OPENERS = "‘‚‛‹"
SINGLE_CLOSERS = "’›"
STRAIGHT_DOUBLE = '"＂'
STRAIGHT_SINGLE = "'"
ALL_MARKS = DOUBLE_OPENERS + DOUBLE_CLOSERS + SINGLE_OPENERS + SINGLE_CLOSERS + STRAIGHT_DOUBLE
ALL_MARKS += STRAIGHT_SINGLE


_MARK_RE = re.compile("``|''|[" + re.escape(ALL_MARKS) + "]")
_BREAK = r"(?:\r\n|\r(?!\n)|[\n\x0b\x0c\x85\u2028])"
_BLANK_LINE_RE = re.compile(_BREAK + r"(?:[ \t]*" + _BREAK + r")+|\u2029")
_LINE_RE = re.compile(_BREAK + r"+|\u2029")
# The same for a text whose lines break only at "\n", as most do: patterns that open with one
# character, which the regex engine searches for much faster.
_OTHER_BREAK_RE = re.compile("[\r\x0b\x0c\x85\u2028\u2029]")
_NL_BLANK_LINE_RE = re.compile(r"\n(?:[ \t]*\n)+")
_NL_LINE_RE = re.compile(r"\n+")
_BEFORE_OPENER = "([{<—–-/:;"
_AFTER_CLOSER = ".,;:!?)]}>—–-/…"
# French typography sets a space inside the marks: « On dort ici », (often a no-break space).
# A mark with a space on one side and, on the other, punctuation that only comes before a
# quote (or only after one) faces the space: it opens, or closes, what lies beyond the space.
_ONLY_BEFORE_OPENER = "([{<"
_ONLY_AFTER_CLOSER = ".,;:!?)]}>"  # not an ellipsis, which may open a quote: " . . . I"
# Single marks that are never apostrophes (French and Swiss single guillemets).
SINGLE_GUILLEMETS = "‹›"

# An HTML or XML tag left in a text; the marks round its attribute values are not quotes.
_TAG_RE = re.compile(r"</?[A-Za-z][\w:-]*(?:\s[^<>]*)?/?>")
_SENTENCE_END = ".!?"
OPEN, CLOSE, EITHER = 1, 2, 3
DOUBLE, SINGLE = "double", "single"
# A quote found: where its opener and its closer start and end, its paragraph, and whether
# a closing mark ends it.
_Pair = tuple[int, int, int, int, int, bool]


@attrs.frozen
class Paragraph:
    """A paragraph of the source: ``text[start:end]``, without the blank lines around it."""

    index: int
    start: int
    end: int


@attrs.frozen
class MarkedSpan:
    """Text between quotation marks.

    ``start``/``end`` bound the quoted words (marks and surrounding blanks excluded);
    ``outer_start``/``outer_end`` include the marks. ``closed`` is False for a quote that
    runs to the end of its paragraph without a closing mark.
    """

    start: int
    end: int
    outer_start: int
    outer_end: int
    paragraph: int
    closed: bool

    @property
    def text_end(self) -> int:
        """Where the quote ends in the text: past its closing mark, if it has one."""
        return self.outer_end if self.closed else self.end


def paragraphs(text: str) -> list[Paragraph]:
    """Split text into paragraphs: at blank lines, or at line breaks if it has no blank line."""
    blank, line = (
        (_BLANK_LINE_RE, _LINE_RE)
        if _OTHER_BREAK_RE.search(text)
        else (_NL_BLANK_LINE_RE, _NL_LINE_RE)
    )
    splitter = blank if blank.search(text) else line
    found: list[Paragraph] = []
    pos = 0
    for m in splitter.finditer(text):
        _add_paragraph(text, pos, m.start(), found)
        pos = m.end()
    _add_paragraph(text, pos, len(text), found)
    return found


def _add_paragraph(text: str, start: int, end: int, found: list[Paragraph]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        found.append(Paragraph(len(found), start, end))


@attrs.frozen
class _Mark:
    pos: int
    end: int
    family: str
    role: int


def _classify(text: str, pos: int, mark: str) -> _Mark | None:
    """Say whether the mark at pos opens, closes or may do either; None for an apostrophe."""
    end = pos + len(mark)
    prev = text[pos - 1] if pos > 0 else " "
    nxt = text[end] if end < len(text) else " "
    context = _spaced(text, pos, end) or _context(prev, nxt)
    if mark == "``":
        return _Mark(pos, end, DOUBLE, OPEN)
    if mark == "''":  # two apostrophes standing for a double mark, either way round
        return None if context == EITHER else _Mark(pos, end, DOUBLE, context)
    if mark in STRAIGHT_DOUBLE:
        return _Mark(pos, end, DOUBLE, context)
    if prev.isspace() and nxt.isspace():
        # a mark standing free between spaces: « On dort ici » opens or closes as the
        # marks before it leave its family open or not
        if mark in DOUBLE_OPENERS + DOUBLE_CLOSERS:
            return _Mark(pos, end, DOUBLE, EITHER)
        if mark in SINGLE_GUILLEMETS:
            return _Mark(pos, end, SINGLE, EITHER)
    if mark in DOUBLE_OPENERS:
        return _Mark(pos, end, DOUBLE, OPEN if context == EITHER else context)
    if mark in DOUBLE_CLOSERS:
        return _Mark(pos, end, DOUBLE, CLOSE if context == EITHER else context)
    if mark in SINGLE_GUILLEMETS:
        default = OPEN if mark in SINGLE_OPENERS else CLOSE
        return _Mark(pos, end, SINGLE, default if context == EITHER else context)
    # Single marks double as apostrophes: don't, Iran's, '90s, rock 'n' roll.
    if prev.isalnum() and nxt.isalnum():
        return None
    if not prev.isalnum() and (nxt.isdigit() or _elision_follows(text, end)):
        return None
    return None if context == EITHER else _Mark(pos, end, SINGLE, context)


def _spaced(text: str, pos: int, end: int) -> int:
    """Say whether a mark with a space on one side opens or closes what lies past the space,
    from the punctuation on its other side; 0 if it does neither. The space is within the
    line: a mark that opens a line opens, whatever follows (".@name wrote")."""
    prev = text[pos - 1] if pos > 0 else "\n"
    nxt = text[end] if end < len(text) else "\n"
    within_line = prev.isspace() and not _LINE_RE.match(prev)
    if within_line and nxt in _ONLY_AFTER_CLOSER and not text.startswith(("..", ". ."), end):
        return CLOSE  # « On dort ici »,
    if nxt.isspace() and prev in _ONLY_BEFORE_OPENER:
        return OPEN  # (« On dort ici »)
    return 0


def _context(prev: str, nxt: str) -> int:
    """Say whether a mark between prev and nxt opens a quote, closes one, or may do either."""
    opens = not nxt.isspace() and (prev.isspace() or prev in _BEFORE_OPENER or prev in ALL_MARKS)
    closes = not prev.isspace() and (nxt.isspace() or nxt in _AFTER_CLOSER or nxt in ALL_MARKS)
    return OPEN if opens and not closes else CLOSE if closes and not opens else EITHER


def _elision_follows(text: str, pos: int) -> bool:
    word_end = pos
    while word_end < len(text) and word_end - pos < 6 and text[word_end].isalpha():
        word_end += 1
    if word_end < len(text) and text[word_end].isalpha():
        return False
    return text[pos:word_end].lower() in ELISIONS


def _marks(text: str, para: Paragraph) -> Iterator[_Mark]:
    tags = [(t.start(), t.end()) for t in _TAG_RE.finditer(text, para.start, para.end)]
    k = 0
    for m in _MARK_RE.finditer(text, para.start, para.end):
        while k < len(tags) and tags[k][1] <= m.start():
            k += 1
        if k < len(tags) and tags[k][0] < m.start():
            continue  # inside markup left in the text: <tweet author="@name">
        mark = _classify(text, m.start(), m.group())
        if mark is not None:
            yield mark


def marked_spans(text: str, paras: list[Paragraph] | None = None) -> list[MarkedSpan]:
    """Find the outermost quoted stretches of text, in text order.

    Args:
        text: The source text.
        paras: Its paragraphs, if already split.

    Returns:
        One MarkedSpan per outermost quote. A quote left open at the end of a paragraph
        continues when the next paragraph opens with a quotation mark (the news convention
        for a quote over several paragraphs), and otherwise ends with its paragraph.
        Closers without an opener and openers of single marks left unclosed are ignored.
    """
    if paras is None:
        paras = paragraphs(text)
    pairs: list[_Pair] = []
    carried: _Mark | None = None  # an opener left open by the previous paragraph
    carried_para = 0
    for i, para in enumerate(paras):
        marks = list(_marks(text, para))
        if carried is not None:
            if _opens(para, marks[0] if marks else None):
                marks[0] = carried
            else:
                prev = paras[i - 1]
                pairs.append((carried.pos, carried.end, prev.end, prev.end, carried_para, False))
                carried = None
        stack = _unclosed_openers(text, marks, i, carried, carried_para, pairs)
        carried, carried_para = _carried_opener(text, paras, i, stack, carried, carried_para)
    if carried is not None:
        last = paras[-1]
        pairs.append((carried.pos, carried.end, last.end, last.end, carried_para, False))
    return _outermost(text, pairs)


def _opens(para: Paragraph, first: _Mark | None) -> bool:
    """Say whether the first mark of a paragraph opens it: a quote continued from the last."""
    return first is not None and first.pos == para.start and first.role in (OPEN, EITHER)


def _unclosed_openers(
    text: str,
    marks: list[_Mark],
    i: int,
    carried: _Mark | None,
    carried_para: int,
    pairs: list[_Pair],
) -> list[_Mark]:
    """Pair the marks of paragraph i with a stack, adding each pair to pairs.

    Args:
        text: The source text.
        marks: The marks of the paragraph, the carried opener first if it continues here.
        i: The paragraph's index.
        carried: The opener left open by an earlier paragraph, or None.
        carried_para: The index of the paragraph where carried opens.
        pairs: Where each opener and the closer that closes it go.

    Returns:
        The openers still open at the end of the paragraph, outermost first.
    """
    stack: list[_Mark] = []
    open_count = {DOUBLE: 0, SINGLE: 0}
    weak = _apostrophes_after_words(text, marks)
    for k, mark in enumerate(marks):
        if k in weak:
            continue
        role = mark.role
        if role == EITHER:
            role = CLOSE if open_count[mark.family] else OPEN
        if role == OPEN:
            stack.append(mark)
            open_count[mark.family] += 1
            continue
        if open_count[mark.family]:
            opener = stack.pop()
            open_count[opener.family] -= 1
            while opener.family != mark.family:  # drop inner openers left unclosed
                opener = stack.pop()
                open_count[opener.family] -= 1
        elif stack and (mark.family == DOUBLE or text[mark.pos - 1] in _SENTENCE_END):
            # a mismatched pair: 'quoted words," he said, or "quoted words.' She said
            opener = stack[0]
            stack.clear()
            open_count[DOUBLE] = open_count[SINGLE] = 0
        else:
            continue  # a stray closer, or an apostrophe after a plural
        para_of_opener = carried_para if opener is carried else i
        pairs.append((opener.pos, opener.end, mark.pos, mark.end, para_of_opener, True))
    return stack


def _carried_opener(
    text: str,
    paras: list[Paragraph],
    i: int,
    stack: list[_Mark],
    carried: _Mark | None,
    carried_para: int,
) -> tuple[_Mark | None, int]:
    """The opener that paragraph i leaves open for the next, and the index of its paragraph.

    The opener carried so far while it stays open; else the first double opener left open;
    else the first opener left open if the next paragraph opens with a mark; else None.
    """
    if carried is not None and carried in stack:
        return carried, carried_para  # still open: keep carrying it
    doubles = [m for m in stack if m.family == DOUBLE]
    if doubles:
        return doubles[0], i
    if stack and _next_opens(text, paras, i):
        return stack[0], i
    return None, carried_para


def _apostrophes_after_words(text: str, marks: list[_Mark]) -> set[int]:
    """Return the indices of single closers that are apostrophes ending a word.

    A single mark right after a letter, before a space, closes a quote ('Hello' he said)
    or ends a word (the Guards' guns, rock 'n' roll). It is an apostrophe when the next
    single mark that surely closes a quote (one after punctuation: 'secret,') comes before
    any single opener.
    """
    found: set[int] = set()
    surely_closes_next = False
    for k in range(len(marks) - 1, -1, -1):
        mark = marks[k]
        if mark.family != SINGLE:
            continue
        if mark.role == OPEN:
            surely_closes_next = False
        elif mark.pos > 0 and text[mark.pos - 1].isalnum():
            if surely_closes_next:
                found.add(k)
        else:
            surely_closes_next = True
    return found


def _next_opens(text: str, paras: list[Paragraph], i: int) -> bool:
    """Say whether the paragraph after paras[i] opens with a quotation mark."""
    return i + 1 < len(paras) and _opens(paras[i + 1], next(_marks(text, paras[i + 1]), None))


def _outermost(text: str, pairs: list[_Pair]) -> list[MarkedSpan]:
    pairs.sort(key=lambda p: (p[0], -p[3]))
    spans: list[MarkedSpan] = []
    reach = -1
    for outer_start, start, end, outer_end, para, closed in pairs:
        if outer_start < reach:
            continue  # nested inside the previous outermost quote
        reach = outer_end
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if any(ch.isalnum() for ch in text[start:end]):
            spans.append(MarkedSpan(start, end, outer_start, outer_end, para, closed))
    return spans


def follows_word(text: str, pos: int) -> bool:
    """Say whether a word runs straight into position pos: the quote there is embedded in a clause
    ("called it "a disaster""), not set off by a colon, a comma or a new paragraph."""
    pos -= 1
    while pos >= 0 and text[pos] in " \t":
        pos -= 1
    return pos >= 0 and text[pos].isalnum()
