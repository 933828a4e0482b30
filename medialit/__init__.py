"""medialit: the small library behind the course "Reading the Kazakhstan coverage".

Lessons call these functions; students are welcome to read them.  One module
per idea:

* :mod:`medialit.corpus` - the articles, cleaning, sentences
* :mod:`medialit.names` - who and what is named in a text
* :mod:`medialit.attribution` - who says so, through whom (lesson 02)
* :mod:`medialit.loaded` - loaded words and whose voice carries them (lesson 03)
* :mod:`medialit.spin` - spotting and undoing spun words; a toy spinner (lesson 04)
* :mod:`medialit.readability` - readability formulas and word rarity (lesson 04)
* :mod:`medialit.report` - every check on any text, or a folder of texts (lesson 05)
* :mod:`medialit.classwork` - collecting a class's saved tags; agreement
* :mod:`medialit.tagging` - the Tagger widget used in every lesson (with
  :mod:`medialit.tagscoring`, :mod:`medialit.tagfeedback`, :mod:`medialit.tagstore`)
* :mod:`medialit.savedwork` - a student's saved work: file format, folder, zip
* :mod:`medialit.pastebox` - the box to paste any article into (lesson 05)
* :mod:`medialit.plots` - the figures, each with a table alternative
* :mod:`medialit.selfcheck` - the self-check functions of the exercises
* :mod:`medialit.textcheck` - plain-language checks of pasted input
"""

import importlib

from .corpus import article_sentences, article_text, clean, load_articles, load_key, sentences
from .textcheck import validate_text

__version__ = "0.1.0"

# These names come from modules that are imported only when a name is first
# used (``from medialit import Tagger`` works as usual), so that
# ``import medialit`` stays quick: a lesson's first cell should not wait for
# the parts it does not use yet.
_LAZY = {
    "check_article": "report",
    "check_folder": "report",
    "Tagger": "tagging",
    "work_dir": "savedwork",
}


def __getattr__(name):
    if name not in _LAZY:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{_LAZY[name]}", __name__), name)
    globals()[name] = value  # the next look-up does not come here
    return value


def __dir__():
    return sorted(set(globals()) | set(_LAZY))


__all__ = [
    "article_sentences",
    "article_text",
    "check_article",
    "check_folder",
    "validate_text",
    "clean",
    "load_articles",
    "load_key",
    "sentences",
    "Tagger",
    "work_dir",
]
