"""medialit: the small library behind the course "Reading the Kazakhstan coverage".

Lessons call these functions; students are welcome to read them.  One module
per idea.  How data flows: a text is validated once (:mod:`~medialit.textcheck`),
split into sentences once (:mod:`~medialit.corpus`), and each analyser is handed
the tables it needs as arguments; nothing is remembered per text.

The texts and the words
  * :mod:`medialit.paths` - where the course folder, its data and your work are
  * :mod:`medialit.datafiles` - reading a data file, once per version of the file
  * :mod:`medialit.corpus` - the articles, cleaning, sentences
  * :mod:`medialit.words` - what counts as a word (one tokenizer for everything)
  * :mod:`medialit.nltkparts` - NLTK's sentence splitter and stemmer, without the rest of NLTK
  * :mod:`medialit.textcheck` - plain-language checks of pasted input
  * :mod:`medialit.names` - who and what is named in a text

Who says so? (lesson 02)
  * :mod:`medialit.attribution` - ``attribute()``: the source, chain and kind of each sentence
  * :mod:`medialit.source_table`, :mod:`medialit.quotes`, :mod:`medialit.cues`,
    :mod:`medialit.speakers` - its parts: the sources, the quotations, the cue
    words, and who speaks in a sentence
  * :mod:`medialit.claim_ledger` - the figures in a text and who gives them
  * :mod:`medialit.attribution_eval` - the extractor against an answer key

Which words carry a verdict? (lesson 03)
  * :mod:`medialit.lexicon` - the lexicon of loaded words and matching its terms
  * :mod:`medialit.loaded` - loaded words in a text and whose voice carries them

Was it spun? (lesson 04)
  * :mod:`medialit.spin` - spotting and undoing spun words; a toy spinner
    (data in :mod:`medialit.spin_data`; detection rates in :mod:`medialit.spin_eval`)
  * :mod:`medialit.readability` - readability formulas and word rarity
    (syllables of words the CMU table lacks: :mod:`medialit.hyphenation`)

Any article (lesson 05)
  * :mod:`medialit.report` - every check on one text (HTML in
    :mod:`medialit.report_html`), or on a folder of texts

Widgets, saved work, the class (never imported by the modules above)
  * :mod:`medialit.tagging` - the Tagger widget used in every lesson (with
    :mod:`medialit.tagscoring`, :mod:`medialit.tagfeedback`, :mod:`medialit.tagstore`)
  * :mod:`medialit.savedwork` - a student's saved work: file format, folder, zip
  * :mod:`medialit.answers` - the self-check answers a student's ``check()`` cells recorded
  * :mod:`medialit.pastebox` - the box to paste any article into (lesson 05)
  * :mod:`medialit.classwork` - what a class did: agreement, the self-check tables (reading the
    class folder of hand-ins is :mod:`medialit.classfolder`'s)
  * :mod:`medialit.plots`, :mod:`medialit.tables` - the figures, each with a table alternative
  * :mod:`medialit.selfcheck` - the self-check functions of the exercises
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
    "pack_work": "savedwork",
    "restore_work": "savedwork",
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
    "pack_work",
    "restore_work",
]
