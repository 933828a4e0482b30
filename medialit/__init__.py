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
* :mod:`medialit.tagging` - the Tagger widget used in every lesson
* :mod:`medialit.plots` - the figures, each with a table alternative
* :mod:`medialit.selfcheck` - the self-check functions of the exercises
* :mod:`medialit.textcheck` - plain-language checks of pasted input
"""

from .corpus import article_sentences, article_text, clean, load_articles, sentences
from .report import check_article, check_folder
from .tagging import Tagger, load_key, work_dir
from .textcheck import check_text

__version__ = "0.1.0"

__all__ = [
    "article_sentences",
    "article_text",
    "check_article",
    "check_folder",
    "check_text",
    "clean",
    "load_articles",
    "load_key",
    "sentences",
    "Tagger",
    "work_dir",
]
