"""What the course counts as a word, in one place.

A word is a run of letters (any alphabet), with apostrophes inside it
(``didn’t``, ``Kazakhstan’s``); digits, hyphens and other punctuation
separate words (``pro-government`` is two words, ``2022`` none).  Every
module that counts, matches or looks up words uses :data:`WORD`, so the
word count of a text is the same in every table the course shows.

:func:`per_word` is the one memo the library keeps for facts about single
words (a word's stem, syllables or rarity): a text repeats its words, and
looking a word up costs far more than remembering it.  The memo is keyed by
the word, never by a whole text.
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["WORD", "words", "count_words", "per_word", "normalise_answer"]

#: A word: letters, with inner straight or curly apostrophes.
WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


def words(text: str) -> list[str]:
    """The words of ``text``, in order.

    >>> words("Kazakhstan’s 30 pro-government rallies didn't stop.")
    ['Kazakhstan’s', 'pro', 'government', 'rallies', "didn't", 'stop']
    """
    return WORD.findall(text)


def count_words(text: str) -> int:
    """How many words ``text`` has (see :data:`WORD`).

    >>> count_words("Kazakhstan’s 30 pro-government rallies didn't stop.")
    6
    """
    return len(WORD.findall(text))


def per_word(function):
    """Remember ``function(word)`` for the last 100,000 words it was asked
    about.  Use it only for facts about one word (a stem, syllables, a
    frequency): each costs microseconds to a millisecond to work out, and
    one article repeats most of its words."""
    return lru_cache(maxsize=100_000)(function)


_NUMBER_WORDS = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
                 "fifteen sixteen seventeen eighteen nineteen twenty").split()


def normalise_answer(text) -> str:
    """A written answer as it is compared with a key's: lower case,
    punctuation taken out, words one space apart, and the numbers 0 to 20
    written as words ("3 years ago" is "three years ago").  The Tagger's
    write-ins and the self-checks use this one function.

    >>> normalise_answer("  Armed   incursions!"), normalise_answer("3 years ago")
    ('armed incursions', 'three years ago')
    """
    tokens = re.sub(r"[^\w\s]", " ", str(text).lower()).split()
    return " ".join(_NUMBER_WORDS[int(t)] if t.isdigit() and t == str(int(t)) and int(t) <= 20 else t
                    for t in tokens)
