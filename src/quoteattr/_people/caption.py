"""The speaker of a pull-quote: the name that opens its caption, and the role after it."""

from __future__ import annotations

import re
from collections.abc import Sequence

from .._detect.layout import PullQuote
from .._types import EntityKind, Mention, Speaker

MIN_CAPTION_NAME_WORDS = 2  # a name cut back for its role keeps at least these words


def caption_speaker(text: str, pull: PullQuote, start: int, end: int, name: str) -> Speaker:
    """Return the speaker a pull-quote's caption names, the rest of the caption as the role.

    A capitalised word that ends the name, before a role in lower case, opens the role when
    the text writes that word in lower case elsewhere: "End Quote Erik Lindqvist Boatyard
    owner" is Erik Lindqvist, "Boatyard owner", where the text speaks of "the boatyard".

    Args:
        text: The document's text.
        pull: The pull-quote.
        start: Where the name that opens the caption starts.
        end: Where it ends.
        name: The canonical name it stands for.
    """
    cut = caption_name_end(text, start, end, pull.caption_end)
    for word in reversed(text[cut:end].split()):
        if name.endswith(" " + word):
            name = name[: -len(word) - 1]
    end = cut
    role = text[end : pull.caption_end].strip() or None
    mention = Mention(text=text[start:end], start=start, end=end)
    return Speaker(name=name, mention=mention, role=role, entity=EntityKind.PERSON)


def captions_of(pulls: Sequence[PullQuote]) -> list[tuple[int, int]]:
    """The character ranges of the pull-quotes' captions."""
    return [(p.caption_start, p.caption_end) for p in pulls]


def caption_name_end(text: str, start: int, end: int, caption_end: int) -> int:
    """Where a name [start, end) that opens a caption ending at caption_end ends, without
    the capitalised words that open the role after it (`caption_speaker`)."""
    while _role_word_ends(text, start, end, caption_end):
        end = text.rindex(" ", start, end)
    return end


def name_end(text: str, start: int, end: int, captions: Sequence[tuple[int, int]]) -> int:
    """Where a name found at [start, end) ends: in a pull-quote's caption (captions: their
    character ranges), before the words that open its role ("Erik Lindqvist Boatyard" in
    "End Quote Erik Lindqvist Boatyard owner" ends after "Lindqvist")."""
    for caption_start, caption_end in captions:
        if caption_start <= start < caption_end:
            return caption_name_end(text, start, end, caption_end)
    return end


def _role_word_ends(text: str, start: int, end: int, caption_end: int) -> bool:
    """Say whether the name [start, end) ends with a word that opens the role after it: the
    role goes on in lower case, the name keeps MIN_CAPTION_NAME_WORDS, and the text writes
    the word in lower case elsewhere."""
    words = text[start:end].split()
    rest = text[end:caption_end].split()
    if len(words) <= MIN_CAPTION_NAME_WORDS or not rest or not rest[0][:1].islower():
        return False
    common = words[-1].lower()
    return common != words[-1] and re.search(rf"\b{re.escape(common)}\b", text) is not None
