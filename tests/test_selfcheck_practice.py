"""Lessons 03-05's no-code questions (judgement track NN.J*, exit tickets
NN.E*, lesson 05's prediction 05.P): the keyed answer passes, every other
option fails with its own reason and a pointer to what to revisit, and blanks
and wrong kinds of answer get words, never a traceback.  The exercise and
lesson notebooks ask exactly the questions that exist, with as many options
as the check knows."""

import json
import re
from pathlib import Path

import pytest

from medialit.selfcheck import QUESTIONS, NOT_ANSWERED, evaluate
from medialit.selfcheck import lesson03_practice, lesson04_practice, lesson05_practice

ROOT = Path(__file__).resolve().parent.parent

#: question -> the keyed letter (write-ins are tested separately)
CHOICES = {
    "03.J1": "b", "03.J2": "b", "03.J3": "b", "03.E1": "b", "03.E2": "b", "03.E3": "c",
    "04.J1": "b", "04.J4": "b", "04.J5": "b", "04.E1": "b", "04.E2": "a", "04.E3": "a",
    "05.P": "b", "05.J1": "b", "05.J2": "b", "05.J3": "b", "05.J4": "c", "05.E1": "b", "05.E2": "b", "05.E3": "c",
}
WRITE_INS = {"03.J4", "04.J2", "04.J3", "05.M"}


def test_every_practice_question_is_registered_and_tested():
    modules = [lesson03_practice, lesson04_practice, lesson05_practice]
    names = {q for m in modules for q in m.QUESTIONS}
    assert names == set(CHOICES) | WRITE_INS
    assert names <= set(QUESTIONS)
    for lesson in "345":
        assert sum(q.startswith(f"0{lesson}.J") for q in names) >= 4
        assert sum(q.startswith(f"0{lesson}.E") for q in names) == 3


@pytest.mark.parametrize("question", sorted(CHOICES))
def test_multiple_choice(question):
    right = CHOICES[question]
    status, message = evaluate(question, right)
    assert status == "correct" and len(message) > 40
    assert evaluate(question, f"({right.upper()})")[0] == "correct"
    assert evaluate(question, f"{right}) because")[0] == "correct"
    wrong_messages = set()
    for letter in "abcd":
        if letter == right:
            continue
        status, message = evaluate(question, letter)
        if "one of the letters" in message:
            continue  # not an option of this question
        assert status == "incorrect"
        assert "Revisit: lesson 0" in message
        wrong_messages.add(message)
    assert len(wrong_messages) >= 2, "each wrong option has its own reason"
    assert evaluate(question, ...) == ("not answered", NOT_ANSWERED)
    status, message = evaluate(question, "z")
    assert status == "incorrect" and "one of the letters" in message
    status, message = evaluate(question, 2)
    assert status == "unexpected" and "quotation marks" in message


def test_03_j4_rewrite():
    assert evaluate("03.J4", "Government security forces broke up a demonstration, witnesses said.")[0] == "correct"
    status, message = evaluate("03.J4", "The regime's police broke up the protest.")
    assert status == "incorrect" and "regime" in message and "thugs" not in message
    status, message = evaluate("03.J4", "Thugs crushed it.")
    assert status == "incorrect" and "at least four words" in message
    status, message = evaluate("03.J4", "Police broke up a peaceful demonstration.")
    assert status == "correct" and "witnesses said" not in message.split("A model answer")[0]
    assert evaluate("03.J4", ["a", "list"])[0] == "unexpected"


@pytest.mark.parametrize("question, right, wrong", [
    ("04.J2", "years", "days"), ("04.J2", "two years ago", "times"),
    ("04.J3", "spokeswoman", "prophet"), ("04.J3", "Spokesperson", "minister"),
])
def test_04_write_ins(question, right, wrong):
    assert evaluate(question, right)[0] == "correct"
    status, message = evaluate(question, wrong)
    assert status == "incorrect" and "Revisit: lesson 04" in message
    assert evaluate(question, "   ")[0] == "incorrect"
    assert evaluate(question, ...)[0] == "not answered"


def test_05_m_records_any_honest_sentence():
    # lesson 05's note on the student's own text: no key, any real sentence counts
    status, message = evaluate("05.M", "It flagged 'riot police' as the writer's loaded word, but it is a job title.")
    assert status == "correct" and message.startswith("Bring it to the discussion")
    for short in ("wrong", "it missed a source", "One thing the report got wrong on my text"):
        status, message = evaluate("05.M", short)
        assert status == "incorrect" and "at least six words" in message, short
    assert evaluate("05.M", ...)[0] == "not answered"
    assert evaluate("05.M", 3)[0] == "unexpected"


def test_05_m_nothing_found_is_not_told_why_the_rules_got_it_wrong():
    # a student who found no mistake is sent back to read, not told "why the rules got it wrong"
    for none_found in ("I could not find anything it got wrong.", "I couldn't find a single mistake in it.",
                       "The report made no mistakes on my text."):
        status, message = evaluate("05.M", none_found)
        assert status == "correct" and "got it wrong" not in message, none_found
        assert "read them again" in message
    status, message = evaluate("05.M", "It said nothing about the quote from the mayor in s04.")
    assert "why the rules got it wrong" in message  # a real miss that uses the word "nothing"


def test_05_m_is_noted_not_called_correct(tmp_path, monkeypatch, capsys):
    from medialit.selfcheck import check

    monkeypatch.setenv("MEDIALIT_WORK_DIR", str(tmp_path))
    check("05.M", "It gave the CGT union's figure to nobody, but the text says the union put it.")
    said = capsys.readouterr().out
    assert said.startswith("Exercise 05.M: ✓ Noted. Bring it") and "Correct" not in said
    check("05.E1", "b")
    assert "✓ Correct." in capsys.readouterr().out


def _cells(path):
    return json.loads((ROOT / path).read_text(encoding="utf-8"))["cells"]


@pytest.mark.parametrize("lesson, notebook", [("03", "03_loaded_words"), ("04", "04_spun_text"),
                                              ("05", "05_check_any_article")])
def test_notebooks_ask_the_registered_questions(lesson, notebook):
    exercise = _cells(f"exercises/{notebook}.ipynb")
    asked = {q for c in exercise if c["cell_type"] == "code"
             for q in re.findall(r'check\("(\d\d\.J\d)"', "".join(c["source"]))}
    assert asked == {q for q in CHOICES.keys() | WRITE_INS if q.startswith(f"{lesson}.J")}
    for c in exercise:  # every judgement question's options match the check's
        text = "".join(c["source"])
        found = re.search(r"### Question (\d\d\.J\d)", text)
        if found and found.group(1) in CHOICES:
            letters = re.findall(r"^\(([a-d])\) ", text, re.M)
            assert letters and all(evaluate(found.group(1), x)[1].find("one of the letters") < 0 for x in letters)
            assert evaluate(found.group(1), chr(ord(letters[-1]) + 1))[1].find("one of the letters") >= 0
    lesson_cells = _cells(f"notebooks/{notebook}.ipynb")
    code = ["".join(c["source"]) for c in lesson_cells if c["cell_type"] == "code"]
    assert any(f'check("{lesson}.E1"' in s and f'check("{lesson}.E3"' in s for s in code)
    # the exit ticket comes after every Tagger and trace of the lesson
    exit_at = next(i for i, s in enumerate(code) if f'check("{lesson}.E1"' in s)
    assert all(i < exit_at for i, s in enumerate(code) if "Tagger.from_key" in s or f'check("{lesson}.T"' in s)
