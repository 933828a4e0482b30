"""Lesson 03's answer keys against the texts, the lexicon and find_loaded().

Run with:
    pytest -p no:cacheprovider -o addopts="" tests/test_loaded_keys.py -q

A failure names the key file, the item and what is wrong.
"""

from __future__ import annotations

import re

import pandas as pd
import pytest

from medialit.corpus import article_sentences
from medialit.loaded import article_loaded, find_loaded, load_lexicon
from medialit.tagging import load_key

TAGGER_KEYS = {
    "loaded_03": {"loaded", "contested", "neutral"},
    "voice_03": {"quoted", "attributed", "own"},
    "rewrite_03": {"word", "source"},
}


@pytest.fixture(scope="module")
def found() -> pd.DataFrame:
    return article_loaded(include_neutral=True)


def quoted_parts(rationale: str) -> list[str]:
    quoted = re.findall(r"“([^“”]+)", rationale)
    return [p.strip() for q in quoted for p in q.split("…") if p.strip()]


def hits_in(found: pd.DataFrame, sentence_id: str, sentence: str, highlight: str, sentence_start: int):
    """Rows of find_loaded() that fall inside the highlighted words."""
    at = sentence_start + sentence.index(highlight)
    rows = found[found["sentence_id"] == sentence_id]
    return rows[(rows["start"] >= at) & (rows["end"] <= at + len(highlight))]


@pytest.fixture(scope="module")
def starts() -> dict[str, int]:
    table = article_sentences()
    return dict(zip(table["sentence_id"], table["start"]))


@pytest.mark.parametrize("name", sorted(TAGGER_KEYS))
def test_tagger_key_quotes_the_texts(name, sentences):
    key = load_key(name)
    assert key["item_id"].is_unique
    for row in key.itertuples():
        where = f"{name}.csv, {row.item_id}"
        assert row.sentence == sentences[row.item_id], f"{where}: sentence differs from the sentence table"
        assert row.article_id == row.item_id[0], f"{where}: article_id does not match the id"
        assert row.highlight and row.highlight in row.sentence, f"{where}: highlight is not in the sentence"
        assert row.label in TAGGER_KEYS[name], f"{where}: label {row.label!r}"
        assert len(row.rationale) >= 60, f"{where}: rationale too short"
        parts = quoted_parts(row.rationale)
        assert any(p in row.sentence for p in parts), f"{where}: the rationale quotes no words of the sentence"


def test_loaded_key_has_10_to_15_items_from_both_articles():
    loaded, voice = load_key("loaded_03"), load_key("voice_03")
    assert 10 <= len(loaded) <= 15
    assert loaded["item_id"].tolist() == voice["item_id"].tolist()
    assert (loaded["highlight"] == voice["highlight"]).all()
    assert set(loaded["article_id"]) == {"A", "B"}
    assert set(loaded["label"]) == {"loaded", "contested", "neutral"} and set(voice["label"]) == {"quoted", "attributed", "own"}
    assert (loaded["answer"].str.strip() != "").all(), "every item needs a model neutral word"


def test_loaded_labels_agree_with_the_lexicon(found, starts):
    for row in load_key("loaded_03").itertuples():
        hits = hits_in(found, row.item_id, row.sentence, row.highlight, starts[row.item_id])
        assert len(hits) >= 1, f"loaded_03.csv, {row.item_id}: the lexicon has no term for {row.highlight!r}"
        loaded = (hits["category"] != "neutral").any()
        assert loaded == (row.label in {"loaded", "contested"}), f"loaded_03.csv, {row.item_id}: the lexicon disagrees"


def test_voice_key_agrees_with_find_loaded(found, starts):
    """The rules of thumb in find_loaded() get every keyed item right; if
    attribution changes, this says which item moved."""
    for row in load_key("voice_03").itertuples():
        hits = hits_in(found, row.item_id, row.sentence, row.highlight, starts[row.item_id])
        assert len(hits) >= 1, row.item_id
        assert hits.iloc[0]["voice"] == row.label, f"voice_03.csv, {row.item_id}: find_loaded says {hits.iloc[0]['voice']}"
        # A02 names only TASS: the key follows the word to the police spokeswoman (A03, data/lateral L01),
        # which sentence-by-sentence rules cannot do.
        expected = "TASS" if row.item_id == "A02" else row.speaker
        assert hits.iloc[0]["speaker"] == expected, f"voice_03.csv, {row.item_id}: speaker"


def test_rewrite_models_lose_the_loaded_words():
    key = load_key("rewrite_03")
    assert set(key["label"]) == {"word", "source"}
    for row in key.itertuples():
        assert row.highlight.lower() not in row.answer.lower(), f"rewrite_03.csv, {row.item_id}: still says it"
        own = find_loaded(row.answer)
        own = own[own["voice"] == "own"]
        assert own.empty, f"rewrite_03.csv, {row.item_id}: the model still has {own['matched'].tolist()} in the writer's voice"


# --------------------------------------------------------------------------
# exercises_03.csv


@pytest.fixture(scope="module")
def exercises() -> pd.DataFrame:
    key = load_key("exercises_03")
    assert list(key.columns) == ["question", "item_id", "article_id", "sentence", "speaker", "answer", "rationale"]
    return key


def test_exercise_key_rows(exercises, sentences):
    assert set(exercises["question"]) == {"03.1", "03.2", "03.3", "03.5"}
    for row in exercises.itertuples():
        where = f"exercises_03.csv, {row.question} {row.item_id}"
        assert row.sentence == sentences[row.item_id], where
        assert row.answer and row.speaker and len(row.rationale) >= 30, where
        assert any(p in row.sentence for p in quoted_parts(row.rationale)), f"{where}: quotes nothing"


def test_ministry_labels_are_what_find_loaded_finds(exercises, found):
    rows = exercises[exercises["question"] == "03.1"]
    for row in rows.itertuples():
        mine = found[(found["sentence_id"] == row.item_id) & (found["speaker"] == row.speaker)
                     & (found["category"] != "neutral")]
        assert sorted(mine["matched"]) == sorted(row.answer.split("|")), row.item_id


def test_own_voice_words_are_what_find_loaded_finds(exercises, found):
    rows = exercises[exercises["question"] == "03.2"]
    keyed = {(r.item_id, w) for r in rows.itertuples() for w in r.answer.split("|")}
    own = found[(found["article_id"] == "A") & (found["voice"] == "own") & (found["category"] != "neutral")]
    # "Allegations of terrorism" (A20) is the writer's sentence but reports an accusation
    own = own[own["distancing"] == ""]
    assert keyed == set(zip(own["sentence_id"], own["matched"]))


def test_neutral_alternatives_are_not_loaded(exercises, sentences):
    lexicon = load_lexicon()
    for row in exercises[exercises["question"] == "03.3"].itertuples():
        for word in row.answer.split("|"):
            hits = find_loaded(f"The report said {word} were there.")
            if not hits.empty:  # allowed only when the rationale says why
                assert f"“{word}” is itself a label" in row.rationale, f"03.3 {row.item_id}: {word!r} is loaded"
    assert not lexicon.empty


def test_distancing_sentences_are_what_find_loaded_finds(exercises, found):
    rows = exercises[exercises["question"] == "03.5"]
    for row in rows.itertuples():
        cues = found.loc[found["sentence_id"] == row.item_id, "distancing"]
        assert any(row.answer in c for c in cues), f"03.5 {row.item_id}: find_loaded misses {row.answer!r}"
    relative = found[found["distancing"].str.contains(r"\bwhat\b|\bwhom\b", regex=True)]
    assert set(relative["sentence_id"]) == set(rows["item_id"])


def test_contested_items_give_both_sides_with_sources():
    """A contested label's rationale argues both ways, each with evidence."""
    key = load_key("loaded_03")
    contested = key[key["label"] == "contested"]
    assert set(contested["item_id"]) >= {"A02", "B01"}
    for row in contested.itertuples():
        assert "Loaded:" in row.rationale and "Neutral:" in row.rationale, row.item_id
        # the evidence by name, in words a student can read (not an excerpt id like L12)
        assert re.search(r"\b(?:BBC|Reuters|CSTO|Washington Post|AP|TASS)\b", row.rationale), \
            f"{row.item_id}: name the evidence"
        assert not re.search(r"\bL\d\d\b", row.rationale), f"{row.item_id}: an excerpt id means nothing to a student"


def test_the_lesson_notes_answer_key_table_is_the_key_files():
    """docs/lessons/03.md, "Answer key": one row per tagged item, in the key
    files' order, with their item, word, label and model answer (a neutral
    word or the speaker), and a reason taken from the item's rationale."""
    from pathlib import Path

    notes = (Path(__file__).resolve().parent.parent / "docs" / "lessons" / "03.md").read_text(encoding="utf-8")
    section = notes.split("\n## Answer key\n", 1)[1].split("\n## ", 1)[0]
    for name in ("loaded_03.csv", "voice_03.csv", "rewrite_03.csv"):
        assert f"data/keys/{name}" in section, f"the Answer key section should name {name}"
    rows = [[cell.strip().replace("\\|", "|") for cell in re.split(r"(?<!\\)\|", line)[1:-1]]
            for line in section.splitlines() if line.startswith("| loaded_03 ") or line.startswith("| voice_03 ")]
    expected = []
    for name, model in (("loaded_03", "answer"), ("voice_03", "speaker")):
        key = pd.read_csv(Path(__file__).resolve().parent.parent / "data" / "keys" / f"{name}.csv", dtype=str,
                          keep_default_na=False)
        expected += [(name, r["item_id"], r["highlight"], r["label"], r[model], r["rationale"])
                     for _, r in key.iterrows()]
    assert len(rows) == len(expected) == 30
    for row, (name, item, word, label, answer, rationale) in zip(rows, expected):
        assert row[:5] == [name, item, word, label, answer], f"{name} {item}: the notes say {row[:5]}"
        # the one-line reason is the rationale's own words: each sentence of it is in the rationale
        sentences = [s for s in re.split(r"(?<=[.!?])\s+(?=[A-Z“(])", row[5]) if s]
        assert sentences and all(s in " ".join(rationale.split()) for s in sentences), f"{name} {item}: {row[5]}"
