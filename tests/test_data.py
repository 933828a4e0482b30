"""Integrity checks for the files in data/.

Run with:
    pytest -p no:cacheprovider -o addopts="" tests/test_data.py -q

Each test names the file, the row and what is wrong, so a failure says what
to fix.  See data/README.md for what every file and column means.
"""

from __future__ import annotations

import hashlib
import re
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

import medialit.corpus as corpus

DATA = Path(__file__).resolve().parent.parent / "data"

CHECKSUMS = {
    "articles/a_mint_wire.txt": "3e638e7df4561cf6b2dec2e56b5e65c8d613c0af55c397ca9233a68de3097d41",
    "articles/b_spun_copy.txt": "5b7a658977d705139e43eb5ac1ddfa79576ddb0e0f7b7ef742f31e61f8197a0c",
}

ARTICLE_COLUMNS = [
    "article_id", "file", "title", "title_source", "publisher", "origin",
    "events_date", "language", "known_defects", "notes",
]
VOICE_COLUMNS = ["item_id", "article_id", "sentence", "label", "rationale"]
TIMELINE_COLUMNS = ["order", "when", "event", "article_id", "sentence_id", "evidence", "source", "notes"]
SIDE_COLUMNS = ["topic", "a_sentence_id", "a_quote", "a_source", "b_sentence_id", "b_quote", "b_source", "comment"]
NAMES_COLUMNS = ["name", "kind", "variants", "role", "notes"]
KINDS = {"person", "news organisation", "government or state body", "international organisation", "country"}
# Names whose notes start with this appear only in the page furniture that
# corpus.clean() removes, so they match the raw text but not the clean text.
NOT_IN_CLEAN = "Not in the cleaned text"


def read_csv(relative: str) -> pd.DataFrame:
    path = DATA / relative
    assert path.exists(), f"{relative} is missing from data/"
    raw = path.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf"), f"{relative} starts with a byte-order mark; save it as plain UTF-8"
    return pd.read_csv(path, dtype=str, keep_default_na=False)


# --------------------------------------------------------------------------
# The texts and their metadata


@pytest.mark.parametrize("relative, expected", sorted(CHECKSUMS.items()))
def test_article_checksum(relative, expected):
    digest = hashlib.sha256((DATA / relative).read_bytes()).hexdigest()
    assert digest == expected, f"{relative} has changed (sha256 {digest}); the texts must stay byte-identical"


def test_articles_csv():
    meta = read_csv("articles.csv")
    assert list(meta.columns) == ARTICLE_COLUMNS
    assert meta["article_id"].tolist() == ["A", "B"]
    on_disk = sorted(p.relative_to(DATA).as_posix() for p in (DATA / "articles").glob("*.txt"))
    assert sorted(meta["file"]) == on_disk, "articles.csv needs exactly one row per file in data/articles/"
    assert sorted(meta["file"]) == sorted(CHECKSUMS)
    for row in meta.itertuples():
        assert (DATA / row.file).is_file(), f"{row.file} does not exist"
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", row.events_date), f"article {row.article_id}: bad events_date"
        for column in ("title", "publisher", "origin", "notes"):
            assert getattr(row, column).strip(), f"article {row.article_id}: empty {column}"


def test_sentence_ids_cover_both_articles(sentences):
    # The keys below rely on these ids; if the splitting changes, fix the keys.
    assert [s for s in sentences if s.startswith("A")][-1] == "A36"
    assert [s for s in sentences if s.startswith("B")][-1] == "B35"


# --------------------------------------------------------------------------
# keys/voice_01.csv


def test_voice_key(sentences):
    key = read_csv("keys/voice_01.csv")
    assert list(key.columns) == VOICE_COLUMNS
    assert key["item_id"].tolist() == [f"A{i:02d}" for i in range(2, 15)], "the key covers A02 to A14, in order"
    for row in key.itertuples():
        where = f"voice_01.csv, {row.item_id}"
        assert row.item_id in sentences, f"{where}: no such sentence"
        assert row.article_id == row.item_id[0], f"{where}: article_id does not match the id"
        assert row.sentence == sentences[row.item_id], f"{where}: sentence differs from the sentence table"
        assert row.label in {"writer", "cited"}, f"{where}: label {row.label!r} is not writer or cited"
        assert len(row.rationale.strip()) >= 40, f"{where}: rationale too short"
        # A rationale points at the deciding words: at least one of the
        # phrases it quotes (“...”) must come from the sentence.
        quoted = re.findall(r"“([^”]+)”", row.rationale)
        parts = [p.strip() for q in quoted for p in q.split("…") if p.strip()]
        assert any(p in row.sentence for p in parts), f"{where}: the rationale quotes no words from the sentence"


#: A Tagger item whose sentence leans on the one before ("it said", "she said")
#: shows that sentence first: "[Before it, A13: …] Russia … it said."; one
#: whose speaker is named in the next sentence (A02) points to it, the next
#: item: "[After it, A03: item 2, just below.]" (not shown twice in a row).
CONTEXT = re.compile(r"\[Before it, (A\d\d(?:–A\d\d)?): (.+?)\] (.+)", re.S)
CONTEXT_AFTER = re.compile(r"(.+?) \[After it, (A\d\d): (.+)\]", re.S)
POINTER = re.compile(r"item (\d+), just below\.")
#: The keys that may carry such context (lesson 02's two Taggers).
KEYS_WITH_CONTEXT = {"keys/attribution_02_type.csv", "keys/attribution_02_kind.csv"}


def split_context(text: str):
    """``((ids, sentences shown with it, "before" or "after"), sentence)`` for
    an item with context, ``(None, text)`` otherwise."""
    found = CONTEXT.fullmatch(text)
    if found:
        return (found[1].split("–"), found[2], "before"), found[3]
    found = CONTEXT_AFTER.fullmatch(text)
    if found:
        return ([found[2]], found[3], "after"), found[1]
    return None, text


#: Keys whose rows are not one per course sentence, and the test that checks
#: them row by row instead.
CHECKED_ELSEWHERE = {
    "keys/exercises_01.csv": "test_exercise_key_matches_the_texts",
    "keys/attribution_heldout.csv": "tests/test_attribution_key.py::test_heldout_sentences (sentences we wrote)",
}


@pytest.mark.parametrize("relative", sorted(p.relative_to(DATA).as_posix() for p in (DATA / "keys").glob("*.csv")))
def test_every_sentence_key_quotes_its_sentence(relative, sentences):
    """Every key that names course sentences (by ``item_id`` or
    ``sentence_id``) must name real ones, quote the sentence table exactly
    when it has a ``sentence`` column, and give a rationale per row."""
    key = read_csv(relative)
    id_column = next((c for c in ("item_id", "sentence_id") if c in key.columns), None)
    if relative in CHECKED_ELSEWHERE:
        return
    assert id_column, f"{relative}: a key needs an item_id or sentence_id column"
    if "sentence" in key.columns and "question" not in key.columns:
        assert key[id_column].is_unique, f"{relative}: repeated {id_column}"
    for row in key.to_dict("records"):
        where = f"{relative}, {row[id_column]}"
        assert row[id_column] in sentences, f"{where}: no such sentence"
        if "article_id" in row:
            assert row["article_id"] == row[id_column][0], f"{where}: article_id does not match the id"
        if "sentence" in row:
            context, sentence = split_context(row["sentence"]) if relative in KEYS_WITH_CONTEXT else (None, row["sentence"])
            assert sentence == sentences[row[id_column]], f"{where}: sentence differs from the table"
        if "rationale" in key.columns:
            assert row["rationale"].strip(), f"{where}: empty rationale"


def test_readme_documents_every_file():
    readme = (DATA / "README.md").read_text(encoding="utf-8")
    for path in sorted(DATA.rglob("*")):
        relative = path.relative_to(DATA).as_posix()
        if path.is_file() and relative != "README.md":
            assert f"`{relative}`" in readme, f"data/README.md does not describe {relative}"
    for relative, digest in CHECKSUMS.items():
        assert digest in readme, f"data/README.md lacks the checksum of {relative}"


def test_voice_key_hard_cases():
    labels = dict(read_csv("keys/voice_01.csv")[["item_id", "label"]].values)
    # The writer describing TASS's videos, and the writer's "It could not be
    # determined", are the writer's own voice; the rest are attributed.
    assert {i for i, label in labels.items() if label == "writer"} == {"A07", "A08", "A12"}
    assert labels["A14"] == "cited"  # "... it said" at the very end


# --------------------------------------------------------------------------
# timeline.csv and side_by_side.csv

MONTHS = {m: i for i, m in enumerate(
    ["January", "February", "March", "April", "May", "June", "July", "August",
     "September", "October", "November", "December"], start=1)}


def test_timeline(sentences):
    table = read_csv("timeline.csv")
    assert list(table.columns) == TIMELINE_COLUMNS
    assert 8 <= len(table) <= 16
    assert table["order"].tolist() == [str(i) for i in range(1, len(table) + 1)]
    dates = []
    for row in table.itertuples():
        where = f"timeline.csv, order {row.order}"
        for column in ("when", "event", "source", "evidence"):
            assert getattr(row, column).strip(), f"{where}: empty {column}"
        assert row.article_id in {"A", "B"}, f"{where}: bad article_id"
        assert row.sentence_id.startswith(row.article_id), f"{where}: sentence id is not from article {row.article_id}"
        assert row.sentence_id in sentences, f"{where}: no sentence {row.sentence_id}"
        assert row.evidence in sentences[row.sentence_id], f"{where}: evidence is not in {row.sentence_id}"
        found = re.search(r"(\d{1,2}) (" + "|".join(MONTHS) + r") (\d{4})", row.when)
        if found:
            assert "worked out" in row.notes or "events_date" in row.notes, \
                f"{where}: say in notes how the date was worked out"
            dates.append(date(int(found[3]), MONTHS[found[2]], int(found[1])))
    assert dates == sorted(dates), "timeline.csv is not in time order"
    assert set(table["article_id"]) == {"A", "B"}, "the timeline should draw on both articles"


def test_side_by_side(sentences):
    table = read_csv("side_by_side.csv")
    assert list(table.columns) == SIDE_COLUMNS
    assert 7 <= len(table) <= 9
    assert table["topic"].is_unique
    for row in table.itertuples():
        assert row.comment.strip(), f"side_by_side.csv, {row.topic}: empty comment"
        for side in ("a", "b"):
            sid, quote, source = (getattr(row, f"{side}_{c}") for c in ("sentence_id", "quote", "source"))
            where = f"side_by_side.csv, {row.topic}, article {side.upper()}"
            if not (sid or quote or source):
                continue  # this article says nothing on the topic
            assert sid.startswith(side.upper()), f"{where}: {sid!r} is not a sentence of article {side.upper()}"
            assert sid in sentences, f"{where}: no sentence {sid}"
            assert quote and quote in sentences[sid], f"{where}: quote is not in {sid}"
            assert source.strip(), f"{where}: empty source"
    assert (table["a_sentence_id"] != "").sum() >= 7 and (table["b_sentence_id"] != "").sum() >= 7


# --------------------------------------------------------------------------
# lexicons/names.csv


def match_names(text: str, names: pd.DataFrame) -> list[tuple[str, str]]:
    """The matching rule of data/README.md: whole words, case-sensitive,
    longest variants first, overlapping matches counted once.
    Returns (name, matched text) in order of position."""
    pairs = [(v, row.name) for row in names.itertuples() for v in row.variants.split("|")]
    pairs.sort(key=lambda p: len(p[0]), reverse=True)
    taken: list[tuple[int, int, str]] = []
    for variant, name in pairs:
        for m in re.finditer(r"\b" + re.escape(variant) + r"\b", text):
            if not any(m.start() < end and start < m.end() for start, end, _ in taken):
                taken.append((m.start(), m.end(), name))
    return [(name, text[start:end]) for start, end, name in sorted(taken)]


@pytest.fixture(scope="module")
def names() -> pd.DataFrame:
    table = read_csv("lexicons/names.csv")
    assert list(table.columns) == NAMES_COLUMNS
    return table


def test_names_table(names):
    assert names["name"].is_unique
    assert set(names["kind"]) <= KINDS, f"unknown kinds: {set(names['kind']) - KINDS}"
    owner: dict[str, str] = {}
    for row in names.itertuples():
        assert row.role.strip() or row.kind == "country", f"names.csv, {row.name}: empty role"
        variants = row.variants.split("|")
        assert all(v and v == v.strip() for v in variants), f"names.csv, {row.name}: empty or padded variant"
        for v in variants:
            assert v not in owner, f"names.csv: variant {v!r} is listed under {owner[v]!r} and {row.name!r}"
            owner[v] = row.name
    required = [
        "Kassym-Jomart Tokayev", "Nursultan Nazarbayev", "Vladimir Putin", "Jen Psaki", "Sultanat Azirbek",
        "Antony Blinken", "Ned Price", "Josep Borrell", "Alexander Lukashenko", "Samal", "Ali",
        "TASS", "Interfax", "Khabar 24", "AFP", "Reuters", "Mint", "Collective Security Treaty Organization",
        "the Kremlin", "Kazakhstan’s foreign ministry", "Russia’s foreign ministry", "the White House",
        "Kazakhstan", "Russia", "United States", "Ukraine", "Belarus",
    ]
    missing = set(required) - set(names["name"])
    assert not missing, f"names.csv lacks {sorted(missing)}"
    assert {"Reuters", "Reuter"} <= set(names.set_index("name").loc["Reuters", "variants"].split("|"))
    assert set(names.set_index("name").loc["Collective Security Treaty Organization", "variants"].split("|")) \
        >= {"Collective Security Treaty Organization", "CSTO"}


def test_every_name_matches(names):
    clean = " \n".join(corpus.article_text(a) for a in "AB")
    raw = " \n".join(corpus.article_text(a, clean_text=False) for a in "AB")
    in_clean = {name for name, _ in match_names(clean, names)}
    in_raw = {name for name, _ in match_names(raw, names)}
    for row in names.itertuples():
        if row.notes.startswith(NOT_IN_CLEAN):
            assert row.name not in in_clean, f"names.csv, {row.name}: it does match the cleaned text; fix its notes"
            assert row.name in in_raw, f"names.csv, {row.name}: matches neither the cleaned nor the raw text"
        else:
            assert row.name in in_clean, f"names.csv, {row.name}: no variant matches the cleaned articles"


def test_name_matching_rule(names, sentences):
    def found(sid):
        return match_names(sentences[sid], names)

    # "Russia’s foreign ministry" counts only as the ministry, not also as Russia.
    assert found("A18") == [("Russia’s foreign ministry", "Russia’s foreign ministry")]
    assert [n for n, _ in found("A19")] == ["Russia", "Kazakhstan", "Collective Security Treaty Organization",
                                            "Kazakhstan", "Russia’s foreign ministry"]
    # "Mr Tokayev" and "Mr Nazarbayev" count once each.
    assert found("A33") == [("Kassym-Jomart Tokayev", "Mr Tokayev"), ("Nursultan Nazarbayev", "Mr Nazarbayev")]
    # The spun "Reuter’s" is Reuters; "Ali" is only the word Ali, never part of "Almaty".
    assert found("B10") == [("Reuters", "Reuter")]
    assert [n for n, _ in found("B31")] == ["Ali", "Reuters"]
    assert not any(n == "Ali" for n, _ in found("A02"))  # "Almaty"
    # Case matters: "us" in B32 is not the United States.
    assert found("B32") == []


def test_exercise_key_matches_the_texts(sentences):
    """Every answer to exercise 01.5 names an agency that its sentence names
    (by name, or as "the news agency" with the name in the sentence before)."""
    key = read_csv("keys/exercises_01.csv")
    assert set(key["question"]) == {"01.5"}
    spelling = {"TASS": "TASS", "Interfax": "Interfax", "AFP": "AFP", "Reuters": "Reuter"}
    for row in key.itertuples():
        assert row.item in sentences, f"exercises_01.csv: no sentence {row.item}"
        assert len(row.rationale) >= 30, f"exercises_01.csv, {row.item}: rationale too short"
        text = sentences[row.item]
        if spelling[row.answer] not in text:
            before = f"{row.item[0]}{int(row.item[1:]) - 1:02d}"
            assert "the news agency" in text and spelling[row.answer] in sentences[before], row.item
    # and no sentence that names an agency is missing from the key
    keyed = set(zip(key["item"], key["answer"]))
    for sentence_id, text in sentences.items():
        for agency, word in spelling.items():
            if word in text:
                assert (sentence_id, agency) in keyed, f"{sentence_id} names {agency} but is not in the key"
