"""The two parts of NLTK a check uses, Punkt and Porter, without the rest.

:func:`medialit.corpus.sentences` splits sentences with NLTK's Punkt
algorithm and :mod:`medialit.lexicon` matches words by their Porter stems.
``import nltk`` (which ``from nltk.tokenize.punkt import ...`` runs first)
imports nearly all of NLTK: parsers, classifiers, corpus readers, about 250
regular expressions. That took 150-200 ms of CPU, a sixth of a student's
first ``check_article``, for two classes that need a handful of NLTK's
modules.

:func:`punkt_and_porter` loads ``nltk/tokenize/punkt.py`` and
``nltk/stem/porter.py`` (the installed NLTK's own files, unchanged) with
the modules they import, but without running the ``__init__.py`` of
``nltk``, ``nltk.tokenize`` and ``nltk.stem``, then takes every ``nltk``
module it loaded back out of ``sys.modules``: a later ``import nltk``
anywhere in the process imports the whole of NLTK as usual.  When NLTK is
already imported, its modules are used as they are.  The splits and stems
are NLTK's (tests/test_nltkparts.py compares them with NLTK imported the
usual way).
"""

from __future__ import annotations

import importlib
import importlib.util
import os
import sys
import types
from functools import lru_cache

__all__ = ["punkt_and_porter"]

#: The packages whose ``__init__.py`` imports far more than the two classes need.
_PACKAGES = ("nltk", "nltk.tokenize", "nltk.stem")
_MODULES = ("nltk.tokenize.punkt", "nltk.stem.porter")


@lru_cache(maxsize=1)
def punkt_and_porter() -> types.SimpleNamespace:
    """NLTK's ``PunktParameters``, ``PunktSentenceTokenizer`` and
    ``PorterStemmer`` classes, loaded once, as a namespace."""
    punkt, porter = _load(_MODULES)
    return types.SimpleNamespace(PunktParameters=punkt.PunktParameters,
                                 PunktSentenceTokenizer=punkt.PunktSentenceTokenizer,
                                 PorterStemmer=porter.PorterStemmer)


def _load(names: tuple[str, ...]) -> list[types.ModuleType]:
    spec = None if "nltk" in sys.modules else importlib.util.find_spec("nltk")
    if spec is None or not spec.submodule_search_locations:  # imported already (or not installed: say so)
        return [importlib.import_module(name) for name in names]
    root = list(spec.submodule_search_locations)[0]
    before = set(sys.modules)
    try:
        for package in _PACKAGES:  # empty stand-ins: Python finds the submodules, runs no __init__.py
            stand_in = types.ModuleType(package)
            stand_in.__path__ = [os.path.join(root, *package.split(".")[1:])]
            sys.modules[package] = stand_in
        return [importlib.import_module(name) for name in names]
    finally:
        for name in set(sys.modules) - before:
            if name == "nltk" or name.startswith("nltk."):
                del sys.modules[name]
