"""medialit: the small library behind the course "Reading the Kazakhstan coverage".

Lessons call these functions; students are welcome to read them.  One module
per idea:

* :mod:`medialit.corpus` - the articles, cleaning, sentences
* :mod:`medialit.names` - who and what is named in a text
* :mod:`medialit.tagging` - the Tagger widget used in every lesson
* :mod:`medialit.plots` - the figures, each with a table alternative
* :mod:`medialit.selfcheck` - the self-check functions of the exercises
* :mod:`medialit.textcheck` - plain-language checks of pasted input
"""

from .corpus import article_sentences, article_text, clean, load_articles, sentences
from .tagging import Tagger, load_key, work_dir
from .textcheck import check_text

__version__ = "0.1.0"

__all__ = [
    "article_sentences",
    "article_text",
    "check_text",
    "clean",
    "load_articles",
    "load_key",
    "sentences",
    "Tagger",
    "work_dir",
]
