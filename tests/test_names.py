"""Looking up names from the gazetteer."""

import pandas as pd
import pytest

from medialit import article_text
from medialit.names import KINDS, find_names, load_names


def test_longest_variant_wins_and_nothing_is_counted_twice():
    text = "Russia’s foreign ministry said Russia would act. Mr Tokayev and Tokayev agreed."
    found = find_names(text)
    assert found["variant"].tolist() == ["Russia’s foreign ministry", "Russia", "Mr Tokayev", "Tokayev"]
    spans = list(zip(found["start"], found["end"]))
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))
    for row in found.itertuples():
        assert text[row.start:row.end] == row.variant


def test_whole_words_only():
    # "Ali" must not match inside "Alina" or "Almaty"-like words
    assert find_names("Alina went to Almaty, said Ali.")["variant"].tolist() == ["Ali"]


def test_kinds_are_the_documented_ones():
    assert set(load_names()["kind"]) <= set(KINDS)


def test_article_a_counts():
    found = find_names(article_text("A"))
    counts = found["name"].value_counts()
    assert counts["TASS"] == 3  # A02, A03, A07
    assert "Interfax" in counts.index
    assert set(found["kind"]) <= set(KINDS)


def test_bad_input():
    with pytest.raises(ValueError, match="empty"):
        find_names("   ")


def test_an_edited_list_is_used_without_restarting(tmp_path):
    path = tmp_path / "names.csv"
    path.write_text("name,kind,variants,role,notes\nAlmaty police,government or state body,Police,,\n",
                    encoding="utf-8")
    assert find_names("Police said so.", path=path)["name"].tolist() == ["Almaty police"]
    path.write_text("name,kind,variants,role,notes\nSamal,person,Samal,,\n", encoding="utf-8")
    assert find_names("Police said so, Samal said.", path=path)["name"].tolist() == ["Samal"]
