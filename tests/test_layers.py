"""Analysers never import the widget module (tagging) or the figures (plots).

The design (and issue 15) keeps analysis apart from widgets: a module that
reads a text or the course data must work, and be read, without ipywidgets or
matplotlib. Checked on the source with ``ast`` (every import statement,
including those inside functions, and following imports between medialit
modules), and once at run time for the answer keys, which used to come from
``medialit.tagging``.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

import medialit

PACKAGE = Path(medialit.__file__).resolve().parent
ANALYSERS = ["corpus", "names", "attribution", "attribution_eval", "claim_ledger", "loaded", "spin",
             "readability", "textcheck", "report", "paths", "words", "datafiles", "source_table", "quotes", "cues",
             "speakers", "lexicon", "spin_data", "report_html", "report_tables", "spin_eval", "hyphenation", "nltkparts"]
FORBIDDEN = {"tagging", "pastebox", "plots"}


def _medialit_imports(name: str) -> set[str]:
    """The medialit modules that ``medialit/<name>.py`` imports anywhere in its source."""
    tree = ast.parse((PACKAGE / f"{name}.py").read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                parts = alias.name.split(".")
                if parts[0] == "medialit" and len(parts) > 1:
                    found.add(parts[1])
        elif isinstance(node, ast.ImportFrom):
            if node.level == 0 and (node.module or "").split(".")[0] != "medialit":
                continue  # another package
            module = (node.module or "").split(".")
            if node.level == 0:
                module = module[1:]
            if module and module[0]:
                found.add(module[0])
            else:  # from . import tagging
                found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.Call) and getattr(node.func, "attr", None) == "import_module" and node.args \
                and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str):
            found.add(node.args[0].value.lstrip(".").removeprefix("medialit.").split(".")[0])
    return {m for m in found if (PACKAGE / f"{m}.py").exists() or (PACKAGE / m).is_dir()}


def test_the_import_reader_sees_the_imports_it_must_see():
    # the widget module does import the data side, and classfolder the saved-work module
    assert "corpus" in _medialit_imports("tagging")
    assert "savedwork" in _medialit_imports("classfolder")


@pytest.mark.parametrize("name", ANALYSERS)
def test_analyser_imports_neither_tagging_nor_plots(name):
    seen, todo, path = set(), [name], {name: [name]}
    while todo:  # every medialit module it reaches, directly or through another
        module = todo.pop()
        if module in seen or not (PACKAGE / f"{module}.py").exists():
            continue
        seen.add(module)
        for imported in _medialit_imports(module):
            path.setdefault(imported, path[module] + [imported])
            todo.append(imported)
    reached = FORBIDDEN & set(path)
    assert not reached, f"{name} reaches {', '.join(' -> '.join(path[m]) for m in sorted(reached))}"


def test_answer_keys_load_without_the_widget_module():
    code = ("import sys\n"
            "from medialit.attribution_eval import load_attribution_key\n"
            "from medialit.corpus import load_key\n"
            "assert len(load_attribution_key()) == 71 and len(load_key('claims_02')) > 0\n"
            "print(sorted(m for m in sys.modules if m in ('medialit.tagging', 'medialit.plots', 'ipywidgets')))\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_load_key_is_one_function_under_its_old_names():
    import medialit.corpus
    import medialit.tagging

    assert medialit.load_key is medialit.corpus.load_key is medialit.tagging.load_key


def test_a_first_check_article_loads_no_widgets_and_no_figures():
    # issue 16: `import medialit` and the first check_article, in a fresh
    # process, are what a student waits for before the first answer; the
    # widget and plotting libraries (a large part of a second) are not part of it
    code = ("import sys\nimport medialit\n"
            "report = medialit.check_article(medialit.article_text('A'))\n"
            "assert report.figures['words'] > 800\n"
            "print(sorted({m.split('.')[0] for m in sys.modules} & {'matplotlib', 'ipywidgets', 'IPython'}),\n"
            "      sorted(m for m in sys.modules if m in ('medialit.tagging', 'medialit.plots', 'medialit.tables',\n"
            "                                             'medialit.pastebox')))\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[] []"
