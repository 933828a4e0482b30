"""Check that a piece of input is article text we can work with.

Every public ``medialit`` function that takes text calls :func:`validate_text`
first, so a student who pastes the wrong thing gets one clear sentence saying
what is wrong and what to do, instead of a traceback from deep inside a
library.  All problems are reported as :class:`ValueError`.
"""

from __future__ import annotations

import re

from .words import WORD

#: Largest text we accept, in bytes of UTF-8 (about 400 pages of prose).
MAX_BYTES = 2_000_000

# The commonest English function words.  Written out by us (not a download),
# so the check works offline.  Any ordinary English paragraph is made of
# roughly 35-50 % of these.
_ENGLISH_FUNCTION_WORDS = frozenset(
    """a about after all also an and any are as at be been but by can could did
    do does for from had has have he her his how i if in into is it its me more
    most my no not of on one or our out over said says she so some such than that
    the their them then there these they this those to two up us was we were what
    when where which while who will with would you your""".split()
)

_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9-]*(\s[^<>]*)?/?>")


def validate_text(text, what: str = "text") -> str:
    """Return ``text`` unchanged if it looks like English prose, else raise.

    ``what`` names the input in the message (e.g. ``"the article"``).

    Raises :class:`ValueError` with a plain-language message when the input is
    not a string, is empty, is larger than 2 MB, contains binary junk, looks
    like HTML page source, or does not look like English.

    >>> validate_text("Police said dozens of people were arrested on Thursday.")
    'Police said dozens of people were arrested on Thursday.'
    """
    if isinstance(text, (bytes, bytearray)):
        try:
            text = bytes(text).decode("utf-8")
        except UnicodeDecodeError:
            raise ValueError(
                f"The {what} is not readable text (it is not UTF-8). "
                "Save the file as plain UTF-8 text and try again."
            ) from None
    if not isinstance(text, str):
        raise ValueError(
            f"The {what} should be a piece of text (a Python string), "
            f"but got {type(text).__name__}."
        )
    _check_str(text, what)
    return text


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffd]")


def _check_str(text: str, what: str) -> None:
    if not text.strip():
        raise ValueError(f"The {what} is empty. Paste or load some article text first.")
    size = len(text.encode("utf-8", errors="surrogatepass"))
    if size > MAX_BYTES:
        raise ValueError(
            f"The {what} is {size / 1_000_000:.1f} MB; the limit is "
            f"{MAX_BYTES / 1_000_000:.0f} MB. Check one article at a time."
        )
    controls = len(_CONTROL.findall(text))
    if "\x00" in text or controls > max(3, len(text) // 200):
        raise ValueError(
            f"The {what} contains binary data (control characters), so it is "
            "probably not a text file. Open the article and copy its words instead."
        )
    tags = len(_TAG.findall(text))
    words = WORD.findall(text)
    if tags >= 3 and tags * 4 > len(words) * 0.5 or re.search(r"<!DOCTYPE|<html|<body", text, re.I):
        raise ValueError(
            f"The {what} looks like HTML page source (it has {tags} HTML tags). "
            "Copy the article's text from the web page instead of its source code."
        )
    if not words:
        raise ValueError(f"The {what} has no words in it.")
    latin = sum(map(str.isascii, words))
    if latin / len(words) < 0.5:
        raise ValueError(
            f"The {what} does not look like English: most of its words are not "
            "written in the Latin alphabet. This course's tools only read English."
        )
    if len(words) >= 20:
        share = sum(map(_ENGLISH_FUNCTION_WORDS.__contains__, map(str.lower, words))) / len(words)
        if share < 0.12:
            raise ValueError(
                f"The {what} does not look like English: only {share:.0%} of its "
                "words are common English words such as 'the', 'of' or 'said'. "
                "This course's tools only read English."
            )


# Characters that change how words are split but not how they look: a soft
# hyphen or a zero-width space inside "said" hides the word from every check.
_INVISIBLE = {"\u00ad": "soft hyphen", "\u200b": "zero-width space", "\u200c": "zero-width non-joiner",
              "\u200d": "zero-width joiner", "\u2060": "word joiner", "\ufeff": "zero-width no-break space"}
_ODD_SPACES = {"\u00a0": "no-break space", "\u202f": "narrow no-break space", "\u2007": "figure space"}
_INVISIBLE_OR_ODD = re.compile("[" + "".join(_INVISIBLE) + "".join(_ODD_SPACES) + "]")


def normalise_invisible(text: str) -> tuple[str, dict[str, int]]:
    """``text`` with invisible characters removed (soft hyphens, zero-width
    characters) and no-break spaces made ordinary spaces, and how many of
    each kind were changed (empty when none).

    >>> normalise_invisible("sa\u00adid the\u00a0police")
    ('said the police', {'soft hyphen': 1, 'no-break space': 1})
    """
    counts: dict[str, int] = {}
    for ch in _INVISIBLE_OR_ODD.findall(text):
        name = _INVISIBLE.get(ch) or _ODD_SPACES[ch]
        counts[name] = counts.get(name, 0) + 1
    if not counts:
        return text, counts
    text = _INVISIBLE_OR_ODD.sub(lambda m: "" if m.group() in _INVISIBLE else " ", text)
    return text, counts
