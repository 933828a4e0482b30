"""medialit.loaded: the lexicon of loaded words, matching with inflections,
voice and speaker, distancing, the concordance, and bad input."""

from __future__ import annotations

import csv
import os
import re
import shutil

import pandas as pd
import pytest

from medialit.attribution import attribute
from medialit.corpus import article_sentences, article_text
from medialit.lexicon import COLUMNS
from medialit.loaded import (
    CATEGORIES,
    LEXICON_FILE,
    article_loaded,
    concordance,
    find_loaded,
    load_lexicon,
    match_form,
)

# The terms the issue asks the lexicon to hold (each as a term or a variant).
REQUIRED = [
    "terrorist", "terrorists", "terrorism", "counter-terrorist", "bandit", "bandits", "peacekeeper",
    "peacekeepers", "attackers", "eliminated", "liquidated", "armed incursions", "armed formations",
    "insurrection", "uprising", "unrest", "riot", "riots", "rioters", "looters", "regime", "rigged",
    "brutally", "disinformation", "crazy",
]


@pytest.fixture(scope="module")
def lexicon() -> pd.DataFrame:
    return load_lexicon()


@pytest.fixture(scope="module")
def found() -> pd.DataFrame:
    return article_loaded(include_neutral=True)


def one(frame: pd.DataFrame, **where) -> pd.Series:
    rows = frame
    for column, value in where.items():
        rows = rows[rows[column] == value]
    assert len(rows) == 1, f"expected one row for {where}, got {len(rows)}:\n{rows}"
    return rows.iloc[0]


# --------------------------------------------------------------------------
# The lexicon file


def test_lexicon_file_columns_and_rows(lexicon):
    with open(LEXICON_FILE, encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    assert tuple(rows[0]) == COLUMNS
    assert all(len(r) == len(COLUMNS) for r in rows[1:]), "every line has every column"
    assert lexicon["term"].is_unique
    assert set(lexicon["category"]) <= set(CATEGORIES)
    for row in lexicon.itertuples():
        for column in ("term", "category", "refers_to", "neutral", "why", "source"):
            assert getattr(row, column), f"loaded_terms.csv, {row.term}: empty {column}"
        assert len(row.why) >= 20, f"loaded_terms.csv, {row.term}: the 'why' is too short to teach anything"
        if row.category != "neutral":
            assert row.neutral.lower() != row.term.lower(), f"{row.term}: the neutral alternative is the term itself"


def test_lexicon_covers_the_required_terms(lexicon):
    # Each required word must be matched by some row, via its term or a variant.
    text = ". ".join(REQUIRED) + "."
    for word in REQUIRED:
        hits = find_loaded(f"The report used the word {word} twice.", include_neutral=True)
        assert word in " ".join(hits["matched"].str.lower()), f"no lexicon row matches {word!r}"
    assert {"Buccaneers", "counter-terrorist operation", "so-called"} <= set(lexicon["term"])
    assert text  # the list itself is not empty


def test_lexicon_sources_name_the_definitions(lexicon):
    for row in lexicon.itertuples():
        if row.category in ("name-calling/label", "euphemism", "escalating event word"):
            assert "SemEval-2020 Task 11" in row.source, f"{row.term}: cite the technique's definition"
        if row.category == "distancing cue":
            assert "Reuters" in row.source


def test_category_definitions_have_sources():
    for name, (definition, source) in CATEGORIES.items():
        assert definition.endswith(".") and source, name


# --------------------------------------------------------------------------
# Matching and inflections


def terms(text: str, **options) -> list[tuple[str, str]]:
    table = find_loaded(text, **options)
    return list(zip(table["matched"], table["term"]))


def test_inflections_match_the_same_term():
    text = ("The peacekeeper and two peacekeepers arrived. Police eliminate, eliminated and "
            "were eliminating suspects. Rioters rioted in two riots. A terrorist, terrorists, terrorism.")
    assert terms(text) == [
        ("peacekeeper", "peacekeepers"), ("peacekeepers", "peacekeepers"),
        ("eliminate", "eliminated"), ("eliminated", "eliminated"), ("eliminating", "eliminated"),
        ("Rioters", "rioters"), ("rioted", "riots"), ("riots", "riots"),
        ("terrorist", "terrorist"), ("terrorists", "terrorist"), ("terrorism", "terrorism"),
    ]


def test_person_and_action_words_stay_apart_from_their_stem():
    # Porter's stemmer alone would turn attackers into attack and
    # protesters into protest.
    assert match_form("attackers") != match_form("attack")
    assert match_form("protesters") != match_form("protests")
    assert match_form("formations") != match_form("format")
    assert match_form("liquidated") != match_form("liquid")
    assert terms("The attack on the building was filmed.") == []
    assert terms("Attackers stormed the building.") == [("Attackers", "attackers")]
    assert terms("Protesters held protests.", include_neutral=True) == [
        ("Protesters", "protesters"), ("protests", "protests")]


def test_multi_word_terms_win_and_never_cross_punctuation():
    assert terms("Officials spoke of counter-terrorism operations in Almaty.") == [
        ("counter-terrorism operations", "counter-terrorist operation")]
    # punctuation between the words breaks the phrase: each word is found alone
    assert terms("They were armed, incursions followed.") == [("incursions", "armed incursions")]
    assert terms("Armed formations crossed over.")[0] == ("Armed formations", "armed formations")


def test_offsets_point_at_the_words(found):
    texts = {a: article_text(a) for a in "AB"}
    for row in found.itertuples():
        assert texts[row.article_id][row.start:row.end] == row.matched


def test_neutral_words_only_on_request():
    text = "Protesters and crowds filled the square, and troops fired."
    assert terms(text) == []
    assert [t for _, t in terms(text, include_neutral=True)] == ["protesters", "crowds", "troops"]


# --------------------------------------------------------------------------
# Voice, speaker and distancing in the course texts


def test_quoted_label_attributed_in_the_next_sentence(found):
    # A22: “... standard Russian disinformation.  (A23:) The playbook ...,” she said.
    row = one(found, sentence_id="A22", term="disinformation")
    assert (row.voice, row.speaker) == ("quoted", "Jen Psaki")


def test_quoted_euphemism_and_its_speaker(found):
    row = one(found, sentence_id="A03", term="eliminated")
    assert (row.category, row.voice, row.speaker) == ("euphemism", "quoted", "Sultanat Azirbek")


def test_attributed_labels_with_distancing(found):
    row = one(found, sentence_id="A13", term="peacekeepers")
    assert (row.voice, row.speaker) == ("attributed", "CSTO")
    assert row.distancing == "whom the organization described as"
    row = one(found, sentence_id="A11", term="terrorist")
    assert (row.voice, row.speaker, row.distancing) == ("attributed", "Kassym-Jomart Tokayev", "what he describes as")
    row = one(found, sentence_id="A02", term="attackers")
    assert (row.voice, row.speaker, row.distancing) == ("attributed", "TASS", "")


def test_foreign_ministries_labels_are_quoted(found):
    kazakh = found[found["speaker"] == "Kazakhstan’s foreign ministry"]
    assert set(kazakh["term"]) == {"armed incursions", "terrorist groups trained abroad"}
    assert set(kazakh["voice"]) == {"quoted"}
    assert one(found, sentence_id="A17", term="armed incursions").distancing == "scare quotes"
    russian = found[found["speaker"] == "Russia’s foreign ministry"]
    assert set(russian["term"]) == {"armed formations", "counter-terrorist operation"}
    assert one(found, sentence_id="A18", term="armed formations").distancing == "describing the incidents as"


def test_writers_own_voice(found):
    own = found[(found["voice"] == "own") & (found["category"] != "neutral") & (found["article_id"] == "A")]
    assert set(own["term"]) >= {"uprising", "brutally", "rigged", "regime", "authoritarian"}
    assert set(own["speaker"]) == {"the writer"}
    assert one(found, sentence_id="A20", term="terrorism").distancing == "Allegations of"


def test_a_quotation_nobody_speaks(found):
    # B14 is a heading in single quotation marks, quoting no one by name
    row = one(found, sentence_id="B14", term="counter-terrorist operation")
    assert (row.voice, row.speaker, row.distancing) == ("quoted", "(quotation, no speaker named)", "scare quotes")
    assert found["speaker"].notna().all()


def test_spun_copy_labels(found):
    b = found[found["article_id"] == "B"]
    assert set(b.loc[b["term"] == "insurrection", "sentence_id"]) == {"B01", "B16", "B19", "B28"}
    row = one(found, sentence_id="B32", term="Buccaneers")
    assert (row.voice, row.speaker) == ("quoted", "Ali")
    row = one(found, sentence_id="B15", term="terrorist")
    assert row.voice == "quoted" and row.distancing == "what he called; short quote"


# --------------------------------------------------------------------------
# Distancing in made-up sentences


def test_scare_quoted_single_word():
    table = find_loaded("The government called the crowd “terrorists” on Friday.")
    row = one(table, term="terrorist")
    assert row.voice == "quoted" and "scare quotes" in row.distancing


def test_scare_quotes_around_a_word_the_lexicon_lacks():
    table = find_loaded("Police detained forty “hooligans” near the square on Friday.")
    row = one(table, category="scare-quoted label")
    assert (row.term, row.matched, row.distancing) == ("hooligans", "hooligans", "scare quotes")
    # a full quotation is not scare quotes
    assert find_loaded("“We will restore order,” the minister said on Friday.").empty


def test_what_he_described_as_and_so_called():
    table = find_loaded("The president blamed what he described as bandits for the violence.")
    assert one(table, term="bandits").distancing == "what he described as"
    table = find_loaded("The so-called peacekeepers arrived in the city on Friday.")
    assert one(table, term="peacekeepers").distancing == "so-called"
    assert one(table, term="so-called").category == "distancing cue"
    # a cue distances the next lexicon word only, not the one after it
    table = find_loaded("The so-called peacekeepers had met bandits near the airport on Friday.")
    assert one(table, term="peacekeepers").distancing == "so-called"
    assert one(table, term="bandits").distancing == ""
    # a cue far away, or in another clause, is not distancing this word
    table = find_loaded("What he described as a plan failed; then the bandits came back to the town.")
    assert one(table, term="bandits").distancing == ""


# --------------------------------------------------------------------------
# Students extend the lexicon


def test_a_new_row_is_found_without_a_restart(tmp_path):
    path = tmp_path / "my_terms.csv"
    shutil.copy(LEXICON_FILE, path)
    text = "Hooligans smashed windows, the police said on Friday."
    assert find_loaded(text, lexicon=path).empty
    with open(path, "a", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerow(
            ["hooligans", "hooligan", "name-calling/label", "people on the streets", "young men",
             "A word that condemns the crowd as mindless.", "my class"])
    stamp = os.stat(path)
    os.utime(path, ns=(stamp.st_atime_ns, stamp.st_mtime_ns + 1_000_000_000))
    row = one(find_loaded(text, lexicon=path), term="hooligans")
    assert (row.voice, row.speaker) == ("attributed", attribute(text)["source"].item())
    assert "police" in row.speaker


def test_a_lexicon_as_a_table():
    table = pd.DataFrame([{"term": "hooligans", "variants": "", "category": "name-calling/label",
                           "refers_to": "people", "neutral": "young men", "why": "condemns them", "source": "me"}])
    assert find_loaded("Hooligans and one hooligan.", lexicon=table)["matched"].tolist() == ["Hooligans", "hooligan"]


def test_a_row_with_a_missing_column_names_the_row(tmp_path):
    path = tmp_path / "short.csv"
    shutil.copy(LEXICON_FILE, path)
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join(lines + ["hooligans,hooligan,name-calling/label"]) + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match=rf"Line {len(lines) + 1} of short.csv \(term 'hooligans'\) has 3 cells"):
        find_loaded("Some text about hooligans in the city.", lexicon=path)
    path.write_text("\n".join(lines + ["hooligans,hooligan,name-calling/label,people,,why,source"]) + "\n",
                    encoding="utf-8")
    with pytest.raises(ValueError, match=r"\(term 'hooligans'\) has no value in the column 'neutral'"):
        load_lexicon(path)


def test_bad_lexicons_are_explained(tmp_path):
    table = load_lexicon()
    with pytest.raises(ValueError, match="category 'propaganda'"):
        load_lexicon(table.assign(category=["propaganda"] + list(table["category"][1:])))
    with pytest.raises(ValueError, match="would match the same words as the term 'terrorist'"):
        load_lexicon(pd.concat([table, table[table["term"] == "terrorist"].assign(term="terrorists", variants="")]))
    with pytest.raises(ValueError, match="the term 'regime' is listed twice"):
        load_lexicon(pd.concat([table, table[table["term"] == "regime"].assign(variants="")]))
    with pytest.raises(ValueError, match="lacks the column"):
        load_lexicon(table.drop(columns=["why"]))
    with pytest.raises(ValueError, match="no lexicon file"):
        find_loaded("Some text about the city.", lexicon=tmp_path / "missing.csv")
    with pytest.raises(ValueError, match="path to a CSV file or a pandas DataFrame"):
        load_lexicon(42)
    with pytest.raises(ValueError, match=r"The lexicon table's row 0 \(term '.+'\) has no value in the column 'source'"):
        load_lexicon(table.head(1).assign(source=[None]))


@pytest.mark.parametrize("bad", ["", "   ", 42, None, b"\x00\x01binary"])
def test_bad_text_gets_a_clear_message(bad):
    with pytest.raises(ValueError):
        find_loaded(bad)


# --------------------------------------------------------------------------
# Concordance


def test_concordance_is_captured_and_counts_every_match():
    text = article_text("B")
    shown = concordance(text, "insurrection", width=60)
    expected = len(re.findall(r"\binsurrection\b", text, re.I))
    assert shown.splitlines()[0] == f"Displaying {expected} of {expected} matches:"
    assert all(len(line) <= 60 for line in shown.splitlines()[1:])
    assert concordance(text, "counter-terrorist").startswith("Displaying 2 of 2 matches:")
    assert concordance(text, "peacekeepers") == "no matches"
    assert concordance(text, "insurrection", width=60) == shown  # same every time


@pytest.mark.parametrize("word", ["", "two words", 5])
def test_concordance_wants_one_word(word):
    with pytest.raises(ValueError, match="one word"):
        concordance("Police said protesters were killed on Thursday.", word)


def test_article_loaded_ids_follow_the_sentence_table(found):
    ids = set(article_sentences()["sentence_id"])
    assert set(found["sentence_id"]) <= ids
    assert list(found.columns[:3]) == ["article_id", "sentence_id", "start"]
    assert set(found["voice"]) == {"quoted", "attributed", "own"}


# --------------------------------------------------------------------------
# The speaker × term heat map


def test_count_heatmap_labels_every_non_zero_cell(found):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from medialit.plots import count_heatmap

    loaded = found[found["category"] != "neutral"]
    table = pd.crosstab(loaded["speaker"].fillna("unnamed"), loaded["term"])
    fig, shown = count_heatmap(table, title="Who uses which loaded word", xlabel="term", ylabel="speaker")
    ax = fig.axes[0]
    assert ax.get_title() == "Who uses which loaded word"
    assert (ax.get_xlabel(), ax.get_ylabel()) == ("term", "speaker")
    numbers = sorted(float(t.get_text()) for t in ax.texts)
    assert numbers == sorted(float(v) for v in table.to_numpy().ravel() if v)
    assert shown is table
    plt.close(fig)
    with pytest.raises(ValueError, match="nothing to plot"):
        count_heatmap(pd.DataFrame(), title="t", xlabel="x", ylabel="y")


# --------------------------------------------------------------------------
# voice_list: lesson 03's "Every loaded word" list


def test_voice_list_gives_each_word_once_with_its_count_sentences_and_stars():
    from medialit.loaded import article_loaded, voice_list

    text = voice_list(article_loaded(), tagged=[("B01", "insurrection"), ("A03", "eliminated"), ("A99", "regime")])
    lines = text.splitlines()
    assert [line.split(" (")[0] for line in lines[:3]] == ["quoted", "attributed", "own"]
    own = lines[2]
    assert own.startswith("own (12 uses): ")
    assert "authoritarian ×4 (A20, A24, A28, A35)" in own
    assert "insurrection ×3 (B01*, B19, B28)" in own            # the tagged sentence starred, not the others
    assert own.count("authoritarian") == 1 and "regime (A27)" in own  # A99 is no sentence of the articles
    assert "eliminated (A03*)" in lines[0] and "Buccaneers ×2 (B26, B32)" in lines[0]
    assert lines[1] == ("attributed (4 uses): attackers (A02), terrorist (A11), peacekeepers (A13), "
                        "insurrection (B16)")
    assert lines[3:] == ["* a word you tagged.",
                         "Article A: 10 quoted or attributed, 9 the writer's own",
                         "Article B: 6 quoted or attributed, 3 the writer's own"]


def test_voice_list_without_tags_has_no_star_note():
    from medialit.loaded import find_loaded, voice_list

    text = voice_list(find_loaded("The regime fell. The regime rose again.", prefix="A"))
    assert text.splitlines() == ["quoted (0 uses): none", "attributed (0 uses): none",
                                 "own (2 uses): regime ×2 (A01, A02)"]


def test_the_adjective_neutral_is_not_the_euphemism_neutralised():
    """Porter cuts "neutralized" to "neutral": the lexicon's row for
    "neutralised" (variants -ize) used to flag the plain word "neutral" as a
    euphemism for killing (found by the class-report helper)."""
    text = ("The country stayed neutral during the war, officials said. Police said they had "
            "neutralized dozens of gunmen and neutralised two more.")
    found = find_loaded(text)
    assert list(found["matched"]) == ["neutralized", "neutralised"]
    assert set(found["term"]) == {"neutralised"}
