"""Lesson 05's self-checks: right answers pass, wrong ones get a hint."""

from medialit import article_text
from medialit.report import check_article
from medialit.selfcheck import evaluate


def test_05_1_and_05_2():
    # 05.1 pinned: 23 of article B's 35 sentences name no source, as the
    # committed solutions/05_check_any_article.ipynb counts it in its own cell
    assert evaluate("05.1", 23)[0] == "correct"
    assert evaluate("05.1", 22)[0] == "incorrect"
    assert evaluate("05.1", 3)[0] == "incorrect"
    a = check_article(article_text("A"), prefix="A")
    own = a.loaded.loc[a.loaded["voice"] == "own", "matched"]
    assert evaluate("05.2", list(own))[0] == "correct"
    assert evaluate("05.2", [w.upper() for w in set(own)])[0] == "correct"
    status, message = evaluate("05.2", ["regime", "attackers"])
    assert status == "incorrect" and "attackers" in message


def test_05_3_practice_file():
    status, message = evaluate("05.3", "article_B.txt")
    assert status == "incorrect" and "practice texts" in message
    assert evaluate("05.3", "practice_99.txt")[0] == "incorrect"
    # pinned: check_folder in solutions/05_check_any_article.ipynb's own cell
    # finds practice_05.txt the most spun (103.1 per 1,000 words), then
    # practice_08.txt (102.9); practice_00.txt is the least (36.3)
    assert evaluate("05.3", "practice_05.txt")[0] == "correct"
    assert evaluate("05.3", "practice_08.txt")[0] == "incorrect"
    assert evaluate("05.3", "practice_00.txt")[0] == "incorrect"


def test_05_4_mayor_sentence():
    assert evaluate("05.4", "The square will reopen on Monday, the mayor said.")[0] == "correct"
    assert evaluate("05.4", "The mayor told reporters that the square would reopen.")[0] == "correct"
    status, message = evaluate("05.4", "The square will reopen on Monday.")
    assert status == "incorrect" and "no source" in message
    assert evaluate("05.4", "The police said so. The mayor said so.")[0] == "incorrect"
    assert evaluate("05.4", "")[0] == "incorrect"


def test_05_5_biggest_change():
    assert evaluate("05.5", "spin_per_1000_words")[0] == "correct"
    assert evaluate("05.5", "words")[0] == "incorrect"
    assert "rows are" in evaluate("05.5", "nonsense")[1]


def test_05_2_and_03_2_give_terrorism_in_a20_one_answer():
    """“Allegations of terrorism” (A20): lessons 03 and 05 accept the same two
    answers, with and without “terrorism” (issue: one item, one answer)."""
    writers_words = ["authoritarian", "uprising", "brutally", "rigged", "regime"]  # the key's 03.2 answers
    for question in ("03.2", "05.2"):
        assert evaluate(question, writers_words)[0] == "correct", question
        assert evaluate(question, writers_words + ["terrorism"])[0] == "correct", question
        assert evaluate(question, writers_words[:-1])[0] == "incorrect", question


def test_05_t_month_and_year_in_any_common_form():
    # A31 says June 2019; he was sworn in on 20 March 2019 (data/lateral L10)
    for right in ("March 2019", "march 2019", "20 March 2019", "Mar. 2019", "03/2019", "3/2019",
                  "20/03/2019", "2019-03", "2019-03-20"):
        assert evaluate("05.T", right)[0] == "correct", right
    status, message = evaluate("05.T", "March")
    assert status == "incorrect" and "The month, March, matches the sources" in message
    status, message = evaluate("05.T", "May 2019")
    assert status == "incorrect" and "The year, 2019, matches the sources" in message and "March" not in message
    for trusted in ("June 2019", "06/2019", "june"):
        assert "You trusted the text" in evaluate("05.T", trusted)[1], trusted
    status, message = evaluate("05.T", "2021")
    assert status == "incorrect" and "matches" not in message
