"""Where the quotations of a text are: curly, straight and single marks,
quotations over several sentences, and marks never closed.
"""

from __future__ import annotations

import bisect
import re


_OPEN_CLOSE = {"“": "”", "‘": "’"}


_MARKS = re.compile("[\n“”‘’\"]")


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Offsets of the quoted material in ``text``, quotation marks included.

    Handles curly double quotes (“…”), straight double quotes ("…") and curly
    single quotes (‘…’, where ’ inside a word is an apostrophe, not a closing
    mark). A quotation may span several sentences of one paragraph; a double
    quotation that is never closed ends at the end of its line, and a single
    ‘ that is never closed is taken for a stray apostrophe and ignored.
    Never raises for unbalanced marks; raises ValueError only if ``text`` is
    not a string.

    >>> t = 'He said “no.” Then “yes'
    >>> [t[a:b] for a, b in quote_spans(t)]
    ['“no.”', '“yes']
    """
    if not isinstance(text, str):
        raise ValueError(f"quote_spans needs a piece of text (a string), not {type(text).__name__}.")
    # Only quotation marks and line ends change anything, so only they are visited.
    spans = []
    open_at, closer = None, None
    n = len(text)
    for mark in _MARKS.finditer(text):
        i, ch = mark.start(), mark.group()
        if ch == "\n" and open_at is not None and not _continues_after_newline(text, i, closer):
            if closer != "’":  # an unclosed ‘ is more likely a stray apostrophe (‘90s)
                spans.append((open_at, i))  # unclosed: ends with its line
            open_at = None
            continue
        if open_at is None:
            if ch in "“\"":
                open_at, closer = i, ("”" if ch == "“" else '"')
            elif ch == "‘" and (i + 1 < n and not text[i + 1].isspace() or _next_line_starts(text, i)):
                open_at, closer = i, "’"
            continue
        if closer == "”" and ch == "’" and text[i + 1:i + 2] == "’":
            spans.append((open_at, i + 2))  # “…’’: two single marks typed for a double one
            open_at = None
            continue
        # pasted web text mixes the two kinds: “…" and "…” both close
        if ch == closer or (closer == '"' and ch == "”") or (closer == "”" and ch == '"'):
            if closer == "’" and i + 1 < n and text[i + 1].isalpha():
                continue  # an apostrophe inside a word: Kazakhstan’s
            spans.append((open_at, i + 1))
            open_at = None
    if open_at is not None and closer != "’":
        spans.append((open_at, n))
    return spans


def _next_line_starts(text: str, i: int) -> bool:
    """A lone ‘ at the end of a line opens a quotation on the next line."""
    return text[i + 1:i + 2] == "\n"


def _continues_after_newline(text: str, i: int, closer: str) -> bool:
    """True if the quotation opened just before this newline (‘\\nBuccaneers …’)."""
    j = i
    while j > 0 and text[j - 1] == " ":  # back over this line's trailing spaces only: linear time
        j -= 1
    return j > 0 and text[j - 1] in ("‘", "“", '"')


def _overlaps(a: int, b: int, spans) -> bool:
    """Does text[a:b] overlap one of ``spans``?  They are sorted and never
    overlap each other, so only the last one that starts before ``b`` can
    (found by bisection: linear time on a long sentence)."""
    k = bisect.bisect_left(spans, (b,)) - 1
    return k >= 0 and spans[k][1] > a


def _in_spans(position: int, spans) -> bool:
    """Is ``position`` inside one of ``spans`` (sorted, never overlapping)?"""
    k = bisect.bisect_right(spans, (position, float("inf"))) - 1
    return k >= 0 and spans[k][0] <= position < spans[k][1]


def _quotes_touching(quotes, quote_ends, start: int, end: int) -> list[tuple[int, int]]:
    """The quotations (sorted, never overlapping, ends in ``quote_ends``)
    that overlap text[start:end]: found by bisection, not by a scan."""
    inside = []
    for k in range(bisect.bisect_right(quote_ends, start), len(quotes)):
        a, b = quotes[k]
        if a >= end:
            break
        inside.append((a, b))
    return inside
