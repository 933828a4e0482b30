"""The data the spin checks look up: the spin map of article B
(``data/keys/spin_map.csv``), tortured phrases from the research
literature and the toy spinner's synonym table, read once per version of
the files (:func:`medialit.datafiles.from_file`) into one :class:`_SpinData`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from .datafiles import from_file


_CONFIDENCE_SCORE = {"high": 0.95, "medium": 0.85, "low": 0.7}


#: The files find_spin, restore and spin read, under data/.
_FILES = ("keys/spin_map.csv", "lexicons/tortured_phrases.csv", "lexicons/synonyms.csv")


@dataclass
class _SpinData:
    """Everything the spin functions look up, built from the data files."""

    spin_map: pd.DataFrame
    tortured: pd.DataFrame
    synonyms: pd.DataFrame
    #: word -> [(synonym, its Zipf)]
    synonym_lists: dict
    #: synonym -> (the most frequent word that lists it, that word's Zipf)
    reverse: dict
    #: synonym -> [(every word that lists it, its Zipf)], commonest first
    commoner: dict
    #: pattern of the phrases that are wrong in any text, and
    #: {lower-case phrase: (original, evidence, score, kind)}
    known: tuple
    #: the spin map's rows that only count inside their own sentence of
    #: article B, by that sentence: [(sentence, [(offset in it, candidate fields)])]
    located: list


def _data() -> _SpinData:
    from .corpus import DATA_DIR, _article_path

    return from_file([DATA_DIR / f for f in _FILES] + [_article_path("B")], _build)


def _read_csv(path) -> pd.DataFrame:
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def _build(paths) -> _SpinData:
    from .corpus import article_sentences

    spin_map_, tortured, synonyms_ = (_read_csv(p) for p in paths[:3])
    for column in ("synonym_zipf", "word_zipf"):
        synonyms_[column] = synonyms_[column].astype(float)
    lists: dict[str, list[tuple[str, float]]] = {}
    reverse: dict[str, tuple[str, float]] = {}
    commoner: dict[str, set[tuple[str, float]]] = {}
    for word, synonym, word_z, synonym_z in zip(*synonyms_[["word", "synonym", "word_zipf", "synonym_zipf"]].T.values):
        lists.setdefault(word, []).append((synonym, float(synonym_z)))
        commoner.setdefault(synonym, set()).add((word, float(word_z)))
        if synonym not in reverse or float(word_z) > reverse[synonym][1]:
            reverse[synonym] = (word, float(word_z))
    entries: dict[str, tuple[str, str, float, str]] = {}
    for row in tortured.itertuples():
        entries[row.phrase.lower()] = (
            row.expected, f"tortured phrase for “{row.expected}” ({row.source}). {row.note}",
            0.95, "tortured phrase")
    for row in spin_map_.itertuples():
        if row.fingerprint == "yes":
            entries.setdefault(row.phrase.lower(), (
                row.likely_original,
                f"known spinner fingerprint (spin map {row.spin_id}; original {row.original_status}, {row.confidence} "
                f"confidence): {row.evidence}",
                _CONFIDENCE_SCORE[row.confidence], "known spun phrase"))
    alternatives = sorted(entries, key=len, reverse=True)
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(p) for p in alternatives) + r")(?!\w)", re.I)
    b_table = article_sentences(["B"])
    b_sentences = dict(zip(b_table["sentence_id"], b_table["text"]))
    groups: dict[str, list[tuple[int, dict]]] = {}
    for row in spin_map_.itertuples():
        if row.fingerprint == "yes":
            continue
        sentence = b_sentences[row.sentence_id]
        groups.setdefault(sentence, []).append((sentence.index(row.phrase), {
            "phrase": row.phrase, "likely_original": row.likely_original,
            "evidence": f"spin map {row.spin_id} (article B, {row.sentence_id}; original {row.original_status}, "
                        f"{row.confidence} confidence): {row.evidence}",
            "score": _CONFIDENCE_SCORE[row.confidence], "kind": "known spun phrase"}))
    commoner_ = {s: sorted(ws, key=lambda w: (-w[1], w[0])) for s, ws in commoner.items()}
    return _SpinData(spin_map_, tortured, synonyms_, lists, reverse, commoner_, (pattern, entries),
                     list(groups.items()))


def spin_map() -> pd.DataFrame:
    """The spin map of article B (a copy of ``data/keys/spin_map.csv``): one
    row per spun word or phrase, with ``sentence_id``, ``phrase`` (exactly as
    in the sentence), ``likely_original``, ``original_status``
    (*attested*: a public copy of the Reuters wire or an unspun rewrite of the
    same story shows it, quoted in ``data/lateral/sources.csv``; *inferred*:
    our reading of the evidence), ``kind``, ``meaning_changed``,
    ``fingerprint`` (``yes`` if the phrase is wrong in any text, not only in
    B), ``confidence``, ``evidence`` and ``source`` (the lateral ids)."""
    return _data().spin_map.copy()


def tortured_phrases() -> pd.DataFrame:
    """Tortured phrases from the research literature, with the established
    phrase each one replaced and its source (``data/lexicons/tortured_phrases.csv``)."""
    return _data().tortured.copy()


def synonyms() -> pd.DataFrame:
    """The toy spinner's synonym table (``data/lexicons/synonyms.csv``):
    ``word``, ``synonym``, ``pos``, ``wordnet_sense``, ``word_zipf``,
    ``synonym_zipf``."""
    return _data().synonyms.copy()
