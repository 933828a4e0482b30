"""Speakers carried from one sentence to others: a quotation with no cue of
its own takes the speaker of the sentence where it closes or of the quotation
it continues; "She spoke on state news channel Khabar-24." puts the channel
into the chains of her earlier sentences.  Works on the rows
:func:`medialit.attribution.attribute` builds, after each sentence has been
read on its own.
"""

from __future__ import annotations

import re

from .cues import _BODY_WORDS, _SPOKE_ON
from .quotes import _quotes_touching


def _carry_quotes(rows, quotes):
    """Give a speaker to quoted sentences that have none of their own."""
    quote_ends = [b for _a, b in quotes]
    spoke = {}  # paragraph -> its last row with a source so far
    for i, row in enumerate(rows):
        if i > 0 and rows[i - 1]["source"] is not None:
            spoke[rows[i - 1]["paragraph"]] = rows[i - 1]
        if row["source"] is not None:
            continue
        start, end = row["start"], row["end"]
        spans = _quotes_touching(quotes, quote_ends, start, end)
        if not spans:
            continue
        # a quotation that goes on into later sentences: its speaker is named
        # where it closes (“Let me … . The playbook …,” she said.)
        a, b = spans[-1]
        if b > end:
            for later in (rows[j] for j in range(i + 1, len(rows))):
                if later["paragraph"] != row["paragraph"]:
                    break
                if later["start"] < b <= later["end"] or later["start"] >= b:
                    if later["source"] is not None:
                        _copy_source(row, later)
                    break
            if row["source"] is not None:
                continue
        # a quotation that simply continues the previous speaker's words, in
        # the same paragraph or as the next paragraph (wire style)
        if i > 0 and row["kind"] == "direct":
            prev = rows[i - 1]
            same = prev["paragraph"] == row["paragraph"] or (
                spans[0][0] <= start and prev["kind"] == "direct" and _WHOLE_QUOTE.search(row["sentence"]))
            if same and prev["source"] is not None and prev["kind"] in ("direct", "mixed"):
                _copy_source(row, prev)
                continue
            before = _quoted_before_aside(rows, i)
            if before is not None:
                _copy_source(row, before)
                continue
        # a paragraph that opens with a quotation and names no speaker, right
        # after a paragraph in which a person spoke: that person's words go on
        # (“We will …” after "The governor said on Friday that …")
        if i > 0 and row["kind"] == "direct" and spans[0][0] <= start and rows[i - 1]["paragraph"] != row["paragraph"] \
                and (b > end or _WHOLE_QUOTE.search(row["sentence"])):
            before = spoke.get(rows[i - 1]["paragraph"])
            if before is not None and _a_person(before):
                _copy_source(row, before)


def _quoted_before_aside(rows, i):
    """“…,” Berg said. Berg was stuck abroad. “…”: a quotation after one or two
    sentences of the same paragraph that have no source and are about the
    person just quoted (her surname, he or she) goes on with that person's
    words. The row of those words, or None."""
    for back in (2, 3):
        if i - back < 0:
            return None
        aside, speaker = rows[i - back + 1:i], rows[i - back]
        if any(r["source"] is not None or r["paragraph"] != rows[i]["paragraph"] for r in aside):
            return None
        if speaker["source"] is not None and speaker["paragraph"] == rows[i]["paragraph"]:
            if speaker["kind"] not in ("direct", "mixed") or not _a_person(speaker):
                return None
            about = re.compile(r"\b(?:%s)\b|^\W*(?:he|she)\b" % re.escape(speaker["source"].split()[-1]), re.I)
            return speaker if all(about.search(r["sentence"]) for r in aside) else None
    return None


# A sentence that points back to the words before it: "So said the mayor, …", "Tokayev made the remarks on TV."
_POINTS_BACK = re.compile(r"^\W*(?:so|thus)\s+(?:said|says)\b|\bmade\s+(?:the|these|those|his|her)\s+(?:remarks|comments)\b",
                          re.I)


# "This was reported by …", "That is according to …", "The figure was given by …": a claim's source, named after it.
_CLAIM_POINTS_BACK = re.compile(r"^\W*(?:this|that|these|those|the\s+(?:figures?|numbers?|toll|tally))\s+(?:was|were|is|are|"
                                r"has been|had been)\s+(?:(?:first|later|also)\s+)?(?:reported|announced|confirmed|"
                                r"given|released|according to)\b|^\W*that[’']s according to\b", re.I)


def _carry_back(rows):
    """A sentence with no source of its own, right before one that names who
    said it: a quotation before "So said the mayor." / "Tokayev made the
    remarks on Friday.", a claim before "This was reported by Interfax." (in
    the same paragraph): that sentence's source. Run before :func:`_carry_quotes`."""
    for i, row in enumerate(rows[1:], 1):
        before = rows[i - 1]
        if row["source"] is None or before["source"] is not None:
            continue
        if before["kind"] == "direct" and _POINTS_BACK.search(row["sentence"]):
            _copy_source(before, row)
        elif before["kind"] == "none" and before["paragraph"] == row["paragraph"] and \
                _CLAIM_POINTS_BACK.search(row["sentence"]) and \
                (re.match(r"\W*(?:this|that|these|those)\b", row["sentence"], re.I) or re.search(r"\d", before["sentence"])):
            _copy_source(before, row)
            before["kind"] = "indirect"


def _carry_block_quote(rows):
    """"The committee's website reports that …:" ending a paragraph, then a
    paragraph with no source of its own: a block quotation (the source's
    words without quotation marks), so each of its sentences is the source's, direct."""
    for i, row in enumerate(rows[:-1]):
        nxt = rows[i + 1]
        if row["source"] is None or not row["sentence"].rstrip().endswith(":") or \
                nxt["paragraph"] == row["paragraph"]:
            continue
        for later in rows[i + 1:]:
            if later["paragraph"] != nxt["paragraph"] or later["source"] is not None:
                break
            _copy_source(later, row)
            later["kind"] = "direct"


def _a_person(row) -> bool:
    """Whether a row's speaker may be a person (not an organisation or an outlet)."""
    return row["entity"] == "person" or (row["entity"] is None and not _BODY_WORDS.search(row["source"]))


def _carry_medium(rows):
    """"She spoke on state news channel Khabar-24." names the medium of the
    speaker's earlier sentences in the paragraph: their chains go through it."""
    for i, row in enumerate(rows):
        if row["source"] is None or len(row["chain"]) < 2 or not _SPOKE_ON.match(row["sentence"]):
            continue
        for earlier in reversed(rows[:i]):
            if earlier["paragraph"] != row["paragraph"] or earlier["source"] != row["source"]:
                break
            missing = [m for m in row["chain"][1:] if m not in earlier["chain"]]
            earlier["chain"] = earlier["chain"][:1] + missing + earlier["chain"][1:]


# A quoted sentence that ends as a sentence: “… .” (not a heading in quotation marks)
_WHOLE_QUOTE = re.compile(r"[.!?]\s*[”\"’]\s*$")


def _copy_source(row, other):
    row["source"] = other["source"]
    row["chain"] = list(other["chain"])
    row["source_type"] = other["source_type"]
    row["entity"] = other["entity"]
    row["cue"] = None
