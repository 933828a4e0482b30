"""check_article and check_folder: every check of the course on any text."""

import html
import re
import time

import pandas as pd
import pytest

from medialit import article_text
from medialit.corpus import mixed_articles
from medialit.report import SUMMARY_COLUMNS, ArticleReport, check_article, check_folder

PASTE = """Officials said on Monday that 40 people had been detained after a protest in the capital.
"We acted within the law," a police spokesperson told reporters. Witnesses described the crowd as peaceful.
The so-called rioters were mostly students, according to a local rights group."""


@pytest.mark.parametrize("article", ["A", "B"])
def test_both_articles(article):
    report = check_article(article_text(article), title=f"article {article}")
    assert isinstance(report, ArticleReport)
    table = report.table()
    assert list(table.index) == SUMMARY_COLUMNS
    assert table["sentences"] == len(report.attribution) > 30
    assert table["unsourced_sentences"] == report.attribution["source"].isna().sum()
    assert f"{table['unsourced_sentences']:.0f} of {table['sentences']:.0f} sentences have no source" in report.summary
    assert table["loaded_words"] == len(report.loaded) > 0


def test_spun_article_stands_out_from_the_wire_copy():
    a = check_article(article_text("A")).table()
    b = check_article(article_text("B")).table()
    assert b["spin_per_1000_words"] > 5 * a["spin_per_1000_words"]
    assert b["rare_per_1000_words"] > 1.5 * a["rare_per_1000_words"]
    assert "possible spinning" in check_article(article_text("B")).summary
    assert "possible spinning" not in check_article(article_text("A")).summary


def test_a_low_spin_count_is_never_called_ordinary():
    """Few flags cannot show that a text is unspun (issue 16): a spun text the
    detector misses must not be described as ordinary news."""
    from medialit.spin import spin

    clean = article_text("A")
    spun = spin(clean, seed=3, rate=0.15, choose="commonest")  # a few common synonyms: hard to see
    for text in (clean, spun):
        report = check_article(text)
        assert report.figures["spin_per_1000_words"] < 20, report.figures
        assert "ordinary" not in report.summary
        assert "cannot show that the text was not spun" in report.summary


def test_a_short_paste_of_our_own():
    report = check_article(PASTE)
    sources = set(report.attribution["source"].dropna())
    assert sources, report.attribution
    assert "rioters" in set(report.loaded["matched"].str.lower())
    assert report.figures["sentences"] == 4


def test_html_is_escaped_and_marks_have_a_legend():
    text = PASTE + "\nA reader wrote <b>bold</b> & <script>alert(1)</script> in the comments, the site said."
    report = check_article(text)
    page = report._repr_html_()
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert "How to read this" in page and "⊘" in page
    assert "Zipf</i> says how common a word is in English" in page  # defined once, where the table uses it
    assert "<sup aria-hidden='true' inert>L" in page  # a loaded word is marked by more than colour
    # every character of the text is in the page, escaped, in order
    seen = re.sub(r"<span style='position:absolute[^']*'>[^<]*</span>", "", page)  # screen-reader-only words
    plain = html.unescape(re.sub(r"<[^>]+>", "", re.sub(r"<sup[^>]*>[^<]*</sup>", "", seen)))
    assert "rioters were mostly students" in plain


def _screen_reader_text(fragment: str) -> str:
    """What a screen reader reads: the parts hidden from it left out (aria-hidden,
    and inert, which JupyterLab's sanitizer keeps when it drops aria-hidden), tags removed."""
    hidden = r"<(\w+) aria-hidden='true' inert>[^<]*</\1>"
    assert len(re.findall(hidden, fragment)) == fragment.count("aria-hidden"), "every hidden part is also inert"
    return html.unescape(re.sub(r"<[^>]+>", "", re.sub(hidden, "", fragment)))


def test_report_marks_say_what_they_mean_without_hover():
    report = check_article(PASTE + "\nThe protests began after the governor's abettors raised bread prices."
                           "\nBandits looted shops in the city centre.")  # a loaded word in the writer's own voice
    page = report._repr_html_()
    assert "hover" not in page.lower() and "title=" not in page, "nothing needs a mouse"
    legend_end = page.index("</p>", page.index("How to read this"))
    heard = _screen_reader_text(page[legend_end:page.index("<table")])  # the text
    own = report.loaded[report.loaded["voice"] == "own"]
    assert len(own) and all(f"{w} (loaded word, the writer's own voice)" in heard for w in own["matched"]), heard
    assert "abettors (may be a swapped word)" in heard
    assert heard.count("(no source given)") == int(report.attribution["source"].isna().sum())
    assert "⊘" not in heard and "Lw" not in heard  # the symbols are for the eye only
    # every mark is also a row of a captioned table (reachable by keyboard, read as a table)
    assert "<caption>Every mark in the text, with its details</caption>" in page
    table = page[page.index("<caption>Every mark"):]
    table = table[:table.index("</table>")]
    marks = len(report.loaded) + len(report.spin)  # none of these overlap here
    assert table.count("<tr>") == marks and "<th></th>" not in page  # body rows; no empty header cell
    assert all(html.escape(e, quote=False) in table for e in report.spin["evidence"])  # the details once in a tooltip


def _marked_text(page: str) -> str:
    """The report's marked text (between the legend and the first table)."""
    legend_end = page.index("</p>", page.index("How to read this"))
    return page[legend_end:page.index("<table")]


def test_each_sentence_of_the_marked_text_starts_with_its_id():
    """Lessons point at sentences by id (A20, s05): the marked text shows each
    id before its sentence, as text a screen reader reads too (issue 14)."""
    page = check_article(PASTE)._repr_html_()
    heard = _screen_reader_text(_marked_text(page).replace("<br>", "\n"))
    for sid, start in [("s01", "Officials said on Monday"), ("s02", '"We acted within the law,"'),
                       ("s03", "Witnesses described the crowd"), ("s04", "The so-called")]:
        assert re.search(re.escape(sid) + r" (\(no source given\) )?" + re.escape(start), heard), (sid, heard)
    assert re.findall(r"\bs\d\d\b", heard) == ["s01", "s02", "s03", "s04"]  # each once, in order
    label = re.search(r"<span class='ml-sid' style='([^']*)'>s01</span>", page)
    assert label and "opacity:0.75" in label.group(1), "muted by opacity: it follows a light or dark theme"
    assert "is its id: " in page and "A20" in page  # the legend says what the labels are
    assert "s01" not in repr(check_article(PASTE)) and "ml-sid" not in check_article(PASTE).plain_table().to_string()


def test_a_sentence_id_cannot_inject_html():
    """Ids are made by the course (prefix + number), but a prefix is an argument:
    the label escapes it like every other text shown."""
    report = check_article(PASTE, prefix="<img src=x onerror=alert(1)>")
    page = report._repr_html_()
    assert "<img" not in page
    assert "&lt;img src=x onerror=alert(1)&gt;01</span>" in _marked_text(page)


@pytest.mark.parametrize("bad, words", [
    ("", "empty"),
    ("x" * 2_100_000, "limit is 2 MB"),
    ("<html><body><p>Hello</p><div>news</div></body></html>", "HTML"),
    ("Полиция заявила, что задержаны десятки человек в Алматы во время протестов.", "English"),
    (b"\x00\x01\x02binary\xff", "not UTF-8"),
])
def test_bad_input_gets_a_plain_message(bad, words):
    with pytest.raises(ValueError, match=words):
        check_article(bad)


def test_check_article_is_quick():
    text = article_text("A")
    check_article(text)
    fresh = mixed_articles(5, seed=11)
    start = time.perf_counter()
    for t in fresh:
        check_article(t)
    per_text = (time.perf_counter() - start) / len(fresh)
    assert per_text < 1.0, f"{per_text:.2f} s per 5 KB text"


def test_folder_run_reports_and_skips_a_file_that_is_not_utf8(tmp_path):
    for i, text in enumerate(mixed_articles(9, size=1500, seed=2)):
        (tmp_path / f"{i:02d}.txt").write_text(text, encoding="utf-8")
    (tmp_path / "latin1.txt").write_bytes("Café owners said police closed the square.".encode("latin-1"))
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "notes.md").write_text("not a txt file", encoding="utf-8")
    table = check_folder(tmp_path, workers=2, progress=False)
    assert isinstance(table, pd.DataFrame) and len(table) == 11
    problems = table.set_index("file")["problem"]
    assert "not UTF-8" in problems["latin1.txt"] and "empty" in problems["empty.txt"]
    done = table[table["problem"] == ""]
    assert len(done) == 9 and done["sentences"].gt(0).all()
    one = check_article((tmp_path / "00.txt").read_text(encoding="utf-8")).table()
    row = done.set_index("file").loc["00.txt", SUMMARY_COLUMNS]
    assert row.astype(float).tolist() == pytest.approx(one.astype(float).tolist())


def test_folder_errors(tmp_path):
    with pytest.raises(ValueError, match="no folder"):
        check_folder(tmp_path / "missing")
    with pytest.raises(ValueError, match="no \\*.txt files"):
        check_folder(tmp_path)


@pytest.mark.parametrize("bad, words", [
    ("", "empty"),
    ("y" * 2_100_000, "limit is 2 MB"),
    ("<!DOCTYPE html><html><head><title>x</title></head><body>news</body></html>", "HTML"),
    ("Полиция заявила, что задержаны десятки человек в Алматы во время протестов.", "English"),
    ("abc\x00\x01\x02\x03\x04\x05 junk", "binary"),
])
def test_paste_box_answers_bad_input_in_words(bad, words):
    from medialit.pastebox import paste_box

    box = paste_box()
    box.text.value = bad
    box.button.click()
    assert box.report is None and words in box.message
    assert "cannot be checked" in box.output.value and "Traceback" not in box.output.value


def test_paste_box_shows_the_report_escaped():
    from medialit.pastebox import paste_box

    box = paste_box("pasted")
    box.text.value = PASTE + "\n<img src=x onerror=alert(1)> the site said."
    box.button.click()
    assert box.report is not None and box.message == box.report.summary
    # "img" may be marked as a rare word inside the escaped "&lt;img"
    assert "<img" not in box.output.value and re.search(r"&lt;(?:<[^>]*>)*img", box.output.value)
    assert repr(box) == "PasteBox for 'pasted': paste a text and press 'Check this text'."


def test_paste_box_checks_a_file_only_when_empty(tmp_path, capsys):
    from medialit.pastebox import paste_box

    article = tmp_path / "article.txt"
    article.write_text(PASTE, encoding="utf-8")
    box = paste_box("fallback")
    assert box.who_says_so() is None and "No report yet" in capsys.readouterr().out
    box.check_file(article, what="the practice story")
    assert box.text.value == PASTE and box.report.text == check_article(PASTE).text
    assert html.escape(box.report.summary) in box.output.value  # the box shows the report
    # the cell that loads the file says where the report is (the box is above it)
    assert capsys.readouterr().out.startswith("Loaded the practice story into the box above and checked it.")
    first = box.report
    box.check_file(article, what="the practice story")  # the cell run again: same text, same report
    said = capsys.readouterr().out
    assert said.startswith("The box already holds the practice story; its report is above") and "kept" not in said
    assert box.report is first
    table = box.who_says_so()
    assert table.frame.equals(box.report.who_says_so())
    mine = "The mayor said the square would reopen on Monday after the protests ended."
    box.text.value = mine
    box.check_file(article)  # a student's own text is never replaced
    assert box.text.value == mine and "kept" in capsys.readouterr().out


def test_what_to_check_next():
    report = check_article(article_text("A"), prefix="A")
    todo = report.to_check()
    assert list(todo.columns) == ["sentence_id", "what", "question"]
    claims = todo[todo["what"].str.startswith("a claim")]
    a04 = claims[claims["sentence_id"] == "A04"]
    # A04's two figures have one question: one row lists both
    assert len(a04) == 1
    assert "“12 law enforcement officers were killed”; “more than 350 were injured”" in a04["what"].iloc[0]
    assert "via Khabar 24, then Interfax" in a04["question"].iloc[0] and ">" not in a04["question"].iloc[0]
    headline = claims[claims["sentence_id"] == "A01"]
    assert "No source is given" in headline["question"].iloc[0]
    # "authoritarian" in the writer's voice in A20, A24, A28 and A35: one question, one row
    own = todo[todo["what"].str.startswith("the writer's word")]
    authoritarian = own[own["what"] == "the writer's word: “authoritarian”"]
    assert list(authoritarian["sentence_id"]) == ["A20, A24, A28, A35"]
    assert len(own) == 6  # 9 own-voice words, "authoritarian" 4 times
    assert not todo.duplicated(["what", "question"]).any()
    # the guessed original of a flag is offered as a guess, after reading the sentence
    stigmatize = todo[todo["what"].str.contains("stigmatize")]["question"].iloc[0]
    assert stigmatize.startswith("Read the sentence") and "“brand” (a guess)" in stigmatize


def test_who_says_so_is_a_plain_table_without_none():
    report = check_article(article_text("A"), prefix="A")
    table = report.who_says_so()
    assert list(table.columns) == ["sentence", "text", "who says so", "how"]
    assert len(table) == 36 and not table.isna().any().any()
    row = table.set_index("sentence")
    assert row.loc["A01", "who says so"] == "no one: the writer's own words" and row.loc["A01", "how"] == ""
    assert row.loc["A03", "who says so"] == "Sultanat Azirbek (through Khabar 24, then TASS)"
    assert row.loc["A03", "how"] == "quoted" and row.loc["A02", "how"] == "reported"
    assert row.loc["A09", "how"] == "quoted and reported"  # the CSTO: a paraphrase with a quoted phrase
    assert "None" not in table.to_string()


def test_likely_swaps_plain_columns_in_a_stable_order():
    swaps = check_article(article_text("B"), prefix="B").likely_swaps(8)
    assert list(swaps.columns) == ["words", "likely original", "the original is"]
    # the spin map's first eight rows of high confidence, in text order
    assert list(swaps["words"]) == ["largest megacity", "insurrection", "abettors", "main megacity",
                                    "had failed", "plants", "guillotined", "Further, then"]
    assert list(swaps["the original is"]) == ["inferred"] + ["attested"] * 7  # data/keys/spin_map.csv S001, S003-S009
    a = check_article(article_text("A"), prefix="A").likely_swaps()
    tenge = a[a["words"] == "tenge"].iloc[0]  # a rare word: no guess, no status, no None
    assert tenge["likely original"] == "" and tenge["the original is"] == ""


def test_try_check_and_practice_folder(tmp_path):
    from medialit.report import Problem, practice_folder, try_check

    problem = try_check("")
    assert isinstance(problem, Problem) and repr(problem).startswith("This text cannot be checked: The text is empty")
    folder = practice_folder(tmp_path / "corpus", n=3, seed=1)
    assert sorted(p.name for p in folder.iterdir()) == [
        "article_A.txt", "article_B.txt", "old_file_latin1.txt",
        "practice_00.txt", "practice_01.txt", "practice_02.txt"]


def test_no_loaded_word_is_not_called_neutral():
    # issue 14's trial: "0 loaded words" read as "this text is neutral"
    report = check_article("The council met on Tuesday and voted to build a new school near the river. "
                           "The mayor said it would open next year.")
    assert report.figures["loaded_words"] == 0
    assert "No word from the course's list of loaded words" in report.summary
    assert "can still judge with words it does not know" in report.summary


def test_plain_table_names_each_figure_in_words():
    report = check_article(article_text("A"))
    plain = report.plain_table()
    assert plain["share of sentences with no source"] == "53%"  # 19 of 36
    assert plain["sentences with no source"] == "19"
    assert plain["words"] == "857"
    # the Flesch score as the summary gives it (30.65 -> "31"), not a second figure
    assert plain["Flesch reading ease (higher is easier)"] == "31" and "Flesch reading ease 31 " in report.summary
    assert len(plain) == len(report.table()) and "unsourced_share" not in plain.index


def test_check_article_known_false_leaves_the_course_lists_out():
    """Lesson 05 compares A and B with the general clues only: the report's
    likely swaps are then find_spin(known=False)'s, fewer on article B than
    with the course's spin map of B."""
    from medialit import article_text
    from medialit.spin import find_spin

    text_b = article_text("B")
    general = check_article(text_b, prefix="B", known=False)
    listed = check_article(text_b, prefix="B")
    assert list(general.spin["phrase"]) == list(find_spin(text_b, known=False)["phrase"])
    assert 0 < len(general.spin) < len(listed.spin)
    assert not general.spin["kind"].isin(["known spun phrase", "tortured phrase"]).any()
