"""scripts/label_agreement.py: a second reader's labels against the held-out key
(rows written for these tests; the expected figures counted by hand)."""

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))

import label_agreement as LA  # noqa: E402


def row(sid, source="", chain="", kind="none", alternative=""):
    return {"sentence_id": sid, "sentence": f"Sentence {sid}.", "source": source, "chain": chain, "kind": kind,
            "alternative": alternative}


KEY = [
    row("X-01", "Kassym-Jomart Tokayev", "Kassym-Jomart Tokayev > Khabar 24", "direct",
        "chain=Kassym-Jomart Tokayev"),
    row("X-02", "the Interior Ministry", "the Interior Ministry > TASS", "indirect"),
    row("X-03"),
    row("X-04", "", "", "none", "source=the committee; chain=the committee; kind=indirect"),
]


def test_the_key_accepting_an_alternative_counts_as_agreement_but_not_as_the_same_answer():
    second = [
        row("X-01", "Kassym-Jomart Tokayev", "Kassym-Jomart Tokayev", "direct"),  # the key's alternative chain
        row("X-02", "Interior Ministry", "Interior Ministry > TASS", "indirect"),  # "the" does not matter
        row("X-03", "TASS", "TASS", "indirect"),  # a source the key does not give
        row("X-04", "The committee", "the committee", "indirect"),  # the key's alternative
    ]
    figures, apart = LA.attribution_agreement(KEY, second)
    assert figures["source"] == {"same main answer": 2 / 4, "key accepts the second reading": 3 / 4,
                                 "either way": 3 / 4}
    assert figures["chain"]["same main answer"] == 1 / 4  # only X-02 (X-01's chain is the alternative)
    assert figures["chain"]["key accepts the second reading"] == 3 / 4
    assert figures["kind"]["same main answer"] == 2 / 4
    assert figures["source, where the key has one"] == 1.0
    assert [a[0] for a in apart] == ["X-03"]


def test_either_way_counts_the_second_readers_alternatives():
    second = [row(r["sentence_id"], r["source"], r["chain"], r["kind"]) for r in KEY]
    second[2] = row("X-03", "TASS", "TASS", "indirect", "source=; chain=; kind=none")
    figures, apart = LA.attribution_agreement(KEY, second)
    assert figures["source"]["key accepts the second reading"] == 3 / 4
    assert figures["source"]["either way"] == 1.0
    assert apart == []


def test_a_missing_sentence_is_refused_in_words():
    with pytest.raises(SystemExit, match="no row for X-04"):
        LA.attribution_agreement(KEY, [row("X-01"), row("X-02"), row("X-03")])


def test_loaded_words_match_by_overlapping_spans_in_the_same_article():
    key = [{"article_id": "T1", "start": "10", "end": "20", "voice": "quoted"},
           {"article_id": "T1", "start": "40", "end": "50", "voice": "own"},
           {"article_id": "T2", "start": "10", "end": "20", "voice": "own"}]
    second = [{"article_id": "T1", "start": "15", "end": "25", "voice": "attributed"},  # overlaps the first
              {"article_id": "T1", "start": "45", "end": "48", "voice": "own"},  # inside the second
              {"article_id": "T1", "start": "60", "end": "70", "voice": "own"}]  # not in the key
    figures = LA.loaded_agreement(key, second)
    assert figures["key items the second reader marked"] == 2 / 3
    assert figures["second reader's items in the key"] == 2 / 3
    assert figures["same voice (of those both marked)"] == 1 / 2
