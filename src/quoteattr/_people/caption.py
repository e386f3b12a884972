"""The speaker of a pull-quote: the name that opens its caption, and the role after it."""

from __future__ import annotations

from .._detect.layout import PullQuote
from .._types import EntityKind, Mention, Speaker


def caption_speaker(text: str, pull: PullQuote, start: int, end: int, name: str) -> Speaker:
    """Return the speaker a pull-quote's caption names, the rest of the caption as the role.

    Args:
        text: The document's text.
        pull: The pull-quote.
        start: Where the name that opens the caption starts.
        end: Where it ends.
        name: The canonical name it stands for.
    """
    role = text[end : pull.caption_end].strip() or None
    mention = Mention(text=text[start:end], start=start, end=end)
    return Speaker(name=name, mention=mention, role=role, entity=EntityKind.PERSON)
