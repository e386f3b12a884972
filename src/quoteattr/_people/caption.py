"""The speaker of a pull-quote: the name that opens its caption, and the role after it."""

from __future__ import annotations

import re

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
    while _role_word_ends(text, start, end, pull.caption_end):
        last = text.rindex(" ", start, end)
        word = text[last + 1 : end]
        end = last
        if name.endswith(" " + word):
            name = name[: -len(word) - 1]
    role = text[end : pull.caption_end].strip() or None
    mention = Mention(text=text[start:end], start=start, end=end)
    return Speaker(name=name, mention=mention, role=role, entity=EntityKind.PERSON)


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
