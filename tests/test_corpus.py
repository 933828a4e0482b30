"""Unit tests for medialit.corpus: loading, cleaning and sentence splitting."""

import re

import pandas as pd
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from medialit import corpus
from medialit.corpus import (
    DATA_DIR,
    article_sentences,
    article_text,
    clean,
    load_articles,
    sentences,
)


def split(text):
    return sentences(text)["text"].tolist()


# --------------------------------------------------------------------------
# Tricky sentence splits, one small case each


def test_mr_without_full_stop():
    assert split("Mr Tokayev spoke on Wednesday. He blamed terrorists.") == [
        "Mr Tokayev spoke on Wednesday.",
        "He blamed terrorists.",
    ]


def test_mr_with_full_stop_is_an_abbreviation():
    assert split("Mr. Tokayev spoke on Wednesday. He blamed terrorists.") == [
        "Mr. Tokayev spoke on Wednesday.",
        "He blamed terrorists.",
    ]


def test_us_in_the_middle_of_a_sentence():
    assert split("The U.S. embassy said so. Police agreed.") == [
        "The U.S. embassy said so.",
        "Police agreed.",
    ]


def test_us_before_a_capitalised_word():
    assert split("Officials at the U.S. Embassy in Almaty said so. Police agreed.") == [
        "Officials at the U.S. Embassy in Almaty said so.",
        "Police agreed.",
    ]


def test_us_at_the_end_of_a_sentence():
    assert split("She blamed agents in the U.S. He said so.") == [
        "She blamed agents in the U.S.",
        "He said so.",
    ]


def test_curly_quote_ending_a_sentence_then_attribution():
    assert split("“They have been eliminated,” she said. Police left.") == [
        "“They have been eliminated,” she said.",
        "Police left.",
    ]


def test_straight_quotes_behave_like_curly_quotes():
    assert split('"They have been eliminated," she said. Police left.') == [
        '"They have been eliminated," she said.',
        "Police left.",
    ]


def test_quote_of_two_sentences():
    # Same rule as Psaki's quote in article A (A22/A23): the full stop inside
    # the quotation ends a sentence, the attribution goes with the last part.
    assert split("“Stop. Go home,” she said.") == ["“Stop.", "Go home,” she said."]


def test_question_and_exclamation_marks_end_sentences():
    assert split("Is it over? Nobody knows! We wait.") == ["Is it over?", "Nobody knows!", "We wait."]


def test_heading_on_its_own_line_stays_separate():
    text = "The police arrived.\n‘Counter-terrorist operation’\nMoscow said it would help."
    assert split(text) == [
        "The police arrived.",
        "‘Counter-terrorist operation’",
        "Moscow said it would help.",
    ]


def test_line_without_full_stop_is_not_glued_to_the_next():
    text = "Dozens killed in protests in Kazakhstan\n\nRussian news agency TASS reported it."
    assert split(text) == ["Dozens killed in protests in Kazakhstan", "Russian news agency TASS reported it."]


def test_stray_full_stop_before_lower_case_is_merged():
    text = "The country had been exposed to “armed incursions”. suffered “by terrorist groups”."
    assert split(text) == [text]


def test_dangling_opening_quote_goes_with_the_next_sentence():
    text = "Ali said so, he told Reuters by phone. “ Buccaneers came in.”"
    assert split(text) == ["Ali said so, he told Reuters by phone.", "“ Buccaneers came in.”"]


def test_opening_quote_stuck_to_the_end_of_the_previous_line():
    text = "A statue was torn down in Taldykorgan.‘\nBuccaneers came in’\nThe West was silent."
    frame = sentences(text)
    # The quote moves to the heading it opens; because offsets must point
    # into the text given, the heading's text keeps the line break.
    assert frame["text"].tolist() == [
        "A statue was torn down in Taldykorgan.",
        "‘\nBuccaneers came in’",
        "The West was silent.",
    ]
    assert frame["paragraph"].tolist() == [0, 1, 2]


def test_opening_quote_stuck_to_the_very_last_line_is_kept():
    # An opening quote with nothing after it is given back as its own piece,
    # so no character of the text is lost.
    frame = sentences("Police left the square.‘")
    assert frame["text"].tolist() == ["Police left the square.", "‘"]


def test_sentence_frame_columns_and_offsets():
    text = "  Police left.\n\nThey came back.  "
    frame = sentences(text)
    assert frame.columns.tolist() == ["sentence_id", "text", "start", "end", "paragraph"]
    assert frame["sentence_id"].tolist() == ["s01", "s02"]
    assert frame[["start", "end"]].values.tolist() == [[2, 14], [16, 31]]
    assert frame["paragraph"].tolist() == [0, 1]


def test_prefix_names_the_ids():
    assert sentences("One. Two. Three.", prefix="X")["sentence_id"].tolist() == ["X01", "X02", "X03"]


def test_sentences_rejects_unusable_text():
    with pytest.raises(ValueError, match="empty"):
        sentences("   \n ")
    with pytest.raises(ValueError, match="HTML"):
        sentences("<html><body><div>Police said so.</div></body></html>")


# --------------------------------------------------------------------------
# The real articles


@pytest.fixture(scope="module")
def a_sentences():
    return sentences(article_text("A"), prefix="A").set_index("sentence_id")["text"]


@pytest.fixture(scope="module")
def b_sentences():
    return sentences(article_text("B"), prefix="B").set_index("sentence_id")["text"]


def test_article_a_sentence_count(a_sentences):
    assert len(a_sentences) == 36
    assert a_sentences["A01"] == "Dozens killed in protests in Kazakhstan"
    assert a_sentences["A36"].endswith("have fallen short.")


def test_article_a_azirbek_quote(a_sentences):
    assert a_sentences["A03"].startswith("“They have been eliminated and their identity is being established,”")
    assert "Sultanat Azirbek" in a_sentences["A03"]
    assert a_sentences["A03"].endswith("according to TASS.")


def test_article_a_stray_full_stop_sentence(a_sentences):
    a17 = a_sentences["A17"]
    assert a17.startswith("On Thursday, Kazakhstan’s foreign ministry said")
    assert "armed incursions" in a17
    assert "trained abroad" in a17
    assert a17.endswith("“by terrorist groups trained abroad.”")


def test_article_a_psaki_quote(a_sentences):
    assert a_sentences["A21"].startswith("On Wednesday, White House press secretary Jen Psaki dismissed")
    assert a_sentences["A22"] == (
        "“Let me use this opportunity to point out that this is absolutely wrong "
        "and clearly a part of standard Russian disinformation."
    )
    assert a_sentences["A23"] == "The playbook we have seen a lot over the years,” she said."


def test_article_a_mr_tokayev_not_split(a_sentences):
    assert a_sentences["A31"].startswith("Mr Tokayev, who was previously prime minister")
    assert a_sentences["A31"].endswith("after Mr Nazarbayev elected him as his successor.")


def test_article_b_heading(b_sentences):
    assert len(b_sentences) == 35
    assert b_sentences["B14"] == "‘Counter-terrorist operation’"


def test_article_b_taldykorgan_heading(b_sentences):
    assert b_sentences["B25"].endswith("torn down in the southern megacity of Taldykorgan.")
    assert b_sentences["B26"] == "‘\nBuccaneers came in’"


def test_article_b_dangling_quote(b_sentences):
    assert b_sentences["B31"].endswith("told Reuters by phone.")
    assert b_sentences["B32"] == "“ Buccaneers came in last night, smashing auto windows near us.”"


def test_article_sentences_ids_and_offsets():
    frame = article_sentences()
    assert frame.columns.tolist() == ["article_id", "sentence_id", "text", "start", "end", "paragraph"]
    assert frame["sentence_id"].is_unique
    assert (frame["sentence_id"].str[0] == frame["article_id"]).all()
    assert frame.groupby("article_id").size().to_dict() == {"A": 36, "B": 35}
    texts = {a: article_text(a) for a in "AB"}
    for row in frame.itertuples():
        assert texts[row.article_id][row.start:row.end] == row.text


def test_article_sentences_one_article():
    frame = article_sentences(["B"])
    assert set(frame["article_id"]) == {"B"}
    assert frame["sentence_id"].iloc[0] == "B01"


def test_unknown_article():
    with pytest.raises(ValueError, match="no article 'Z'.*A, B"):
        article_text("Z")


# --------------------------------------------------------------------------
# Invariants for any text


def assert_sentence_invariants(text, frame, prefix="s"):
    assert len(frame) > 0
    previous_end = 0
    previous_paragraph = 0
    covered = [False] * len(text)
    for row in frame.itertuples(index=False):
        assert text[row.start:row.end] == row.text
        assert row.start < row.end
        assert row.text == row.text.strip()  # tidy: no whitespace at the ends
        assert row.start >= previous_end  # in reading order, no overlap
        assert row.paragraph >= previous_paragraph
        if "\n" in row.text:
            # Only a carried opening quote may sit before a line break.
            assert row.text[0] in corpus._OPENING_QUOTES
            assert row.text.split("\n", 1)[0].strip() == row.text[0]
        previous_end, previous_paragraph = row.end, row.paragraph
        for i in range(row.start, row.end):
            covered[i] = True
    # Nothing but white space is left out of the sentences.
    lost = "".join(ch for ch, seen in zip(text, covered) if not seen)
    assert lost.strip() == "", f"characters outside every sentence: {lost!r}"
    ids = frame["sentence_id"].tolist()
    assert len(set(ids)) == len(ids)
    width = max(2, len(str(len(ids))))
    assert ids == [f"{prefix}{i:0{width}d}" for i in range(1, len(ids) + 1)]


def test_invariants_hold_for_the_articles():
    for article_id in "AB":
        for clean_text in (True, False):
            text = article_text(article_id, clean_text=clean_text)
            assert_sentence_invariants(text, sentences(text, prefix=article_id), prefix=article_id)


_TOKENS = [
    "the", "police", "said", "they", "He", "She", "Police", "Almaty", "protesters",
    "suffered", "armed", "incursions", "Mr", "Mr.", "Dr.", "U.S.", "p.m.", "Jan.",
    "No.", "12", "1,000", ".", ",", "!", "?", ";", ":", "-", "…",
    "“", "”", "‘", "’", '"', "'", "(", ")",
    "\n", "\n\n", "\r\n", " \n ", "\t",
]
_SEPARATORS = ["", " ", " ", "  "]


@st.composite
def texts(draw):
    parts = draw(st.lists(st.tuples(st.sampled_from(_TOKENS), st.sampled_from(_SEPARATORS)),
                          min_size=1, max_size=60))
    return "".join(token + sep for token, sep in parts)


def usable(text):
    try:
        corpus.validate_text(text)
    except ValueError:
        return False
    return True


@settings(max_examples=400, deadline=None, database=None,
          suppress_health_check=[HealthCheck.filter_too_much, HealthCheck.too_slow])
@given(texts())
def test_invariants_hold_for_any_text(text):
    assume(usable(text))
    try:
        frame = sentences(text)
    except ValueError as problem:
        # Only acceptable if there really is nothing to split.
        assert "No sentences" in str(problem)
        assert not re.search(r"\S", text)
        return
    assert_sentence_invariants(text, frame)
    # Stable: the same input always gives the same ids, texts and offsets.
    pd.testing.assert_frame_equal(frame, sentences(text))


@settings(max_examples=100, deadline=None, database=None)
@given(texts(), texts())
def test_ids_do_not_depend_on_what_follows(first, second):
    # Sentences in the first paragraph keep their ids when text is added
    # after a paragraph break (as long as the id width does not change).
    assume(usable(first) and usable(first + "\n\n" + second))
    alone = sentences(first)
    both = sentences(first + "\n\n" + second)
    assume(len(both) < 100)
    n = len(alone)
    # The last sentence of `first` may absorb a carried quote, so compare all
    # sentences before it.
    pd.testing.assert_frame_equal(alone.iloc[: n - 1], both.iloc[: n - 1])


# --------------------------------------------------------------------------
# clean()

A_REMOVED = [
    (51, "This story has been published without modification to the text from a wire agency feed",
     "publisher's note on where the text came from (kept in data/articles.csv)"),
    (53, "subscribe to mint newspaper", "newsletter or sign-up prompt"),
    (55, ", Enter a valid email", "newsletter or sign-up prompt"),
    (57, ", Thank you for subscribing to our newsletter!", "newsletter or sign-up prompt"),
    (59, "Never miss a story! Stay connected and informed with Mint.", "app banner or social-media prompt"),
    (60, "download", "app banner or social-media prompt"),
    (61, "Our App Now!!", "app banner or social-media prompt"),
    (63, ",", "stray punctuation left over from the web page"),
]


def test_clean_article_a_removes_exactly_the_furniture():
    raw = article_text("A", clean_text=False)
    body, removed = clean(raw)
    assert removed.columns.tolist() == ["line", "text", "reason"]
    assert list(removed.itertuples(index=False, name=None)) == A_REMOVED
    raw_lines = raw.splitlines()
    for number, line_text, _ in A_REMOVED:
        assert raw_lines[number - 1].strip() == line_text
        assert line_text not in body.splitlines()
    assert "subscribe" not in body and "App" not in body and "wire agency feed" not in body


def test_clean_article_a_keeps_every_story_line_unchanged():
    raw = article_text("A", clean_text=False)
    body, removed = clean(raw)
    removed_numbers = set(removed["line"])
    story_lines = [line for number, line in enumerate(raw.splitlines(), start=1)
                   if line.strip() and number not in removed_numbers]
    assert [line for line in body.splitlines() if line.strip()] == story_lines
    assert len(story_lines) == 25


def test_clean_article_a_keeps_every_story_sentence():
    raw = article_text("A", clean_text=False)
    body, removed = clean(raw)
    removed_numbers = set(removed["line"])
    raw_sentences = sentences(raw)
    # the line (from 1) each sentence of the raw article starts on
    line_of = [raw.count("\n", 0, start) + 1 for start in raw_sentences["start"]]
    story = [s for s, line in zip(raw_sentences["text"], line_of) if line not in removed_numbers]
    furniture = [s for s, line in zip(raw_sentences["text"], line_of) if line in removed_numbers]
    assert len(story) == 36
    assert len(furniture) == 10  # "Never miss a story! Stay connected ..." is two, "Now!!" too
    for sentence in story:
        assert sentence in body
    assert sentences(body)["text"].tolist() == story


def test_clean_article_b_removes_the_read_line_only():
    raw = article_text("B", clean_text=False)
    body, removed = clean(raw)
    assert list(removed.itertuples(index=False, name=None)) == [
        (8, "Read: Russian court orders closure of rights group", "inserted link to another story"),
    ]
    assert "Read:" not in body
    assert body.splitlines() == [line.rstrip() for line in raw.splitlines() if not line.startswith("Read:")]


def test_clean_keeps_a_long_sentence_that_mentions_subscribe():
    sentence = ("Readers who subscribe to state newspapers in Almaty said on Thursday that the papers had "
                "stopped arriving after the internet was shut down across the country.")
    assert len(sentence) > 120
    body, removed = clean(f"Police said dozens were killed.\n{sentence}\nsubscribe to our newsletter\n")
    assert body == f"Police said dozens were killed.\n{sentence}"
    assert removed["text"].tolist() == ["subscribe to our newsletter"]


def test_clean_keeps_lines_and_collapses_blank_runs():
    body, removed = clean("\n\nPolice left.   \n\n\n\nThey came back.\n\n")
    assert body == "Police left.\n\nThey came back."
    assert removed.empty
    assert removed.columns.tolist() == ["line", "text", "reason"]


def test_clean_only_furniture_raises():
    with pytest.raises(ValueError, match="no article text was left"):
        clean("subscribe to mint newspaper\n, Enter a valid email\ndownload\nOur App Now!!\n")


def test_clean_rejects_unusable_text():
    with pytest.raises(ValueError, match="^The article is empty"):
        clean("")
    with pytest.raises(ValueError, match="^The article"):
        clean(42)


# --------------------------------------------------------------------------
# load_articles()


def test_load_articles_columns_and_text_is_the_file():
    frame = load_articles()
    assert frame["article_id"].tolist() == ["A", "B"]
    for column in ("article_id", "file", "title", "publisher", "origin", "text", "clean_text"):
        assert column in frame.columns
    for row in frame.itertuples():
        raw = (DATA_DIR / row.file).read_bytes()
        assert row.text.encode("utf-8") == raw
        assert row.text == article_text(row.article_id, clean_text=False)
        assert row.clean_text == clean(row.text)[0] == article_text(row.article_id)
    assert frame.loc[0, "text"].startswith("Dozens killed in protests in Kazakhstan\n")
    assert frame.loc[1, "text"].startswith("Fresh violence erupted in Kazakhstan’s largest megacity")


def test_ids_keep_two_digits_past_99_sentences():
    text = " ".join(f"Sentence number {i} is here." for i in range(1, 106))
    ids = sentences(text)["sentence_id"].tolist()
    assert ids[0] == "s01" and ids[98] == "s99" and ids[99] == "s100" and len(ids) == 105
