"""Write the core path of a notebook: the same notebook without the cells
tagged ``optional`` (issue 14; the convention is in docs/lessons/README.md).

    python scripts/short_version.py notebooks/02_who_says_so.ipynb short/02_who_says_so.ipynb

An instructor with a 50-minute period can hand out the short version; the
full lesson stays as it is.  Outputs are kept, so the short copy reads like
the executed lesson.  Relative links in the text (``01_the_coverage.ipynb``,
``../exercises/02_who_says_so.ipynb``) are rewritten so that they still
point at the same files from the short copy's folder.

For students on Binder or a hub to get the short copies, they must be in the
repository: write them into a folder of the course (``short/``), then
``git add short/ && git commit -m "Short versions for this term" && git push``;
nbgitpuller and Binder bring them with the next pull or launch.  Inside the
course folder, a short copy finds the course's data and the student's
``my_work/`` like any lesson.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

import nbformat

OPTIONAL = "optional"
# a markdown link or an HTML href/src whose target is a relative path (no scheme, not an anchor)
_LINK = re.compile(r"(?P<head>\]\(|(?:href|src)=[\"'])(?P<path>(?![a-zA-Z][a-zA-Z0-9+.-]*:|#|/)[^)\"'#\s]+)")


def short_version(notebook: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """A copy of ``notebook`` without its optional cells."""
    short = nbformat.from_dict(nbformat.reads(nbformat.writes(notebook), as_version=4))
    short.cells = [c for c in short.cells if OPTIONAL not in c.get("metadata", {}).get("tags", [])]
    return short


def relink(text: str, source_folder: Path, target_folder: Path) -> str:
    """``text`` with each relative link that was written for a notebook in
    ``source_folder`` made to point at the same file from ``target_folder``."""
    source_folder, target_folder = Path(source_folder).resolve(), Path(target_folder).resolve()
    if source_folder == target_folder:
        return text

    def moved(match):
        target = os.path.normpath(source_folder / match["path"])
        return match["head"] + Path(os.path.relpath(target, target_folder)).as_posix()

    return _LINK.sub(moved, text)


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__)
        return 2
    source, target = Path(argv[0]), Path(argv[1])
    notebook = nbformat.read(source, as_version=4)
    short = short_version(notebook)
    target.parent.mkdir(parents=True, exist_ok=True)
    for cell in short.cells:
        if cell.cell_type == "markdown":
            cell.source = relink(cell.source, source.parent, target.parent)
    nbformat.write(short, target)
    print(f"{target}: {len(short.cells)} of {len(notebook.cells)} cells (optional ones left out)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
