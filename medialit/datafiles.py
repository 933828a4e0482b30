"""Reading the course's data files: one loader, keyed by the file.

:func:`from_file` parses a file once and hands back the same result until
the file changes on disk (its modification time or size differ), so a
student who adds a row to a lexicon sees it at the next call without
restarting the kernel, and a lesson that asks for a table twenty times reads
it once.

The result is shared between callers: a function that hands a table to a
student gives a copy (``table.copy()``); code inside medialit only reads it.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Callable, TypeVar

__all__ = ["from_file"]

T = TypeVar("T")

# (path(s) as given, parser) -> ((modification time, size) of each, parsed result).
# Checking a file's version is one stat() call: cheap enough for every use.
_parsed: dict = {}


def from_file(path, parse: Callable) -> T:
    """``parse(path)``, done once per version of the file.

    ``path`` may also be a list of paths, for a result built from several
    files (``parse`` then gets the list): it is built again when any of them
    changes.  ``parse`` is a module-level function (it is part of the key,
    so two parsers of one file keep separate results).  Raises what
    ``os.stat`` raises (``FileNotFoundError``) when a file is missing,
    and whatever ``parse`` raises when a file is unusable; a failed parse is
    not kept.
    """
    several = isinstance(path, (list, tuple))
    names = tuple(os.fspath(p) for p in (path if several else [path]))
    version = tuple((s.st_mtime_ns, s.st_size) for s in map(os.stat, names))
    key = (names, parse)
    kept = _parsed.get(key)
    if kept is not None and kept[0] == version:
        return kept[1]
    result = parse([Path(n) for n in names] if several else Path(names[0]))
    _parsed[key] = (version, result)
    return result
