"""Write the core path of a notebook: the same notebook without the cells
tagged ``optional`` (issue 14; the convention is in docs/lessons/README.md).

    python scripts/short_version.py notebooks/02_who_says_so.ipynb short/02_who_says_so.ipynb

An instructor with a 50-minute period can hand out the short version; the
full lesson stays as it is.  Outputs are kept, so the short copy reads like
the executed lesson.
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat

OPTIONAL = "optional"


def short_version(notebook: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """A copy of ``notebook`` without its optional cells."""
    short = nbformat.from_dict(nbformat.reads(nbformat.writes(notebook), as_version=4))
    short.cells = [c for c in short.cells if OPTIONAL not in c.get("metadata", {}).get("tags", [])]
    return short


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__)
        return 2
    source, target = Path(argv[0]), Path(argv[1])
    notebook = nbformat.read(source, as_version=4)
    short = short_version(notebook)
    target.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(short, target)
    print(f"{target}: {len(short.cells)} of {len(notebook.cells)} cells (optional ones left out)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
