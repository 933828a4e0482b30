"""Issue 15: one check_article call validates its text once and splits it
into sentences once; no cache is keyed by a whole text; one notion of a word;
no module over 450 lines and no class over 200."""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
import sys
from pathlib import Path

import pytest

import medialit
from medialit import article_text, corpus, textcheck

PACKAGE = Path(medialit.__file__).resolve().parent


def _all_modules():
    for info in pkgutil.walk_packages(medialit.__path__, "medialit."):
        yield importlib.import_module(info.name)


def _count_calls(monkeypatch, function) -> list:
    """Wrap ``function`` wherever a medialit module holds it under its name."""
    calls = []

    def counted(*args, **kwargs):
        calls.append(args[:1])
        return function(*args, **kwargs)

    for module in list(_all_modules()):
        if getattr(module, function.__name__, None) is function:
            monkeypatch.setattr(module, function.__name__, counted)
    return calls


@pytest.mark.parametrize("article", ["A", "B"])
def test_check_article_validates_once_and_splits_once(monkeypatch, article):
    from medialit.report import check_article

    text = article_text(article)
    check_article(text)  # load the data files first: the loaders may split article B once
    validated = _count_calls(monkeypatch, textcheck.validate_text)
    split = _count_calls(monkeypatch, corpus.split_sentences)
    report = check_article(text)
    assert len(validated) == 1
    assert len(split) == 1
    report.to_check()  # the questions use the report's own tables
    assert len(validated) == 1 and len(split) == 1


def test_the_counter_sees_a_second_split(monkeypatch):
    # the check above would notice an analyser that splits again
    from medialit.attribution import attribute

    split = _count_calls(monkeypatch, corpus.split_sentences)
    attribute("TASS said so. Police agreed.")
    attribute("TASS said so. Police agreed.")
    assert len(split) == 2


# The caches medialit keeps, each for facts about one word or for an object
# built once; any other (a new text-keyed cache) fails here and needs a reason.
KEPT = {
    "medialit.lexicon.match_form",            # Porter stem of one word
    "medialit.readability.zipf",           # wordfreq frequency of one word
    "medialit.readability._english_margin",  # one word in seven languages
    "medialit.readability._word_facts",    # syllables and easy-word flag of one word
    "medialit.lexicon._stemmer",            # NLTK's stemmer, imported on first use
    "medialit.corpus._tokenizer",          # NLTK's Punkt splitter, built on first use
    "medialit.nltkparts.punkt_and_porter",  # NLTK's Punkt and Porter classes, loaded on first use
    "medialit.selfcheck.lesson05._practice_spin",  # 05.3's answer: 40 reports on fixed practice texts
}


def test_only_per_word_and_built_once_caches_remain():
    found = set()
    for module in _all_modules():
        for name, value in vars(module).items():
            if callable(value) and hasattr(value, "cache_clear") and value.__module__ == module.__name__:
                found.add(f"{module.__name__}.{name}")
                parameters = list(inspect.signature(value).parameters)
                assert parameters[:1] != ["text"], f"{module.__name__}.{name} is keyed by a text"
    assert found == KEPT


def test_no_word_regex_outside_medialit_words():
    # the patterns that used to define "a word" (seven of them, issue 15)
    forbidden = [r"[^\W\d_]+(?:['’]", r"[A-Za-z]+(?:['’]", r'_WORD = re.compile(r"[^\W\d_]+")']
    for path in PACKAGE.rglob("*.py"):
        if path.name == "words.py":
            continue
        source = path.read_text(encoding="utf-8")
        for pattern in forbidden:
            assert pattern not in source, f"{path.name} defines its own word pattern"


def _python_files():
    return sorted(PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("path", _python_files(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_module_over_450_lines_and_no_class_over_200(path):
    source = path.read_text(encoding="utf-8")
    assert source.count("\n") <= 450, f"{path.name} has {source.count(chr(10))} lines"
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ClassDef):
            length = node.end_lineno - node.lineno + 1
            assert length <= 200, f"class {node.name} in {path.name} has {length} lines"
