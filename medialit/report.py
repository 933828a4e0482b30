"""Check any article: every check of the course on one text, or on a folder.

:func:`check_article` runs the three checks the course teaches on a text a
student brings:

* **who says so** - :func:`medialit.attribution.attribute`: the source of
  each sentence, and which sentences have none;
* **which words carry a verdict** - :func:`medialit.loaded.find_loaded`:
  loaded words and whose voice carries them;
* **is it spun** - :func:`medialit.spin.find_spin` and
  :func:`medialit.readability.scores`: words that look swapped, and
  readability.

The result, an :class:`ArticleReport`, shows itself in a notebook as HTML
(every piece of the text escaped; marks that do not rely on colour, with a
legend) and offers plain tables for scripts (:meth:`ArticleReport.table`).

:func:`check_folder` does the same for every ``.txt`` file of a folder (a
class corpus) and returns one summary table.
"""

from __future__ import annotations

import html
import os
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from .textcheck import MAX_BYTES, normalise_invisible
from .words import count_words

__all__ = ["ArticleReport", "check_article", "check_folder", "practice_folder", "Problem", "try_check", "SUMMARY_COLUMNS", "SUMMARY_LABELS"]

#: The columns of :meth:`ArticleReport.table` and of :func:`check_folder`.
SUMMARY_COLUMNS = [
    "words", "sentences", "unsourced_sentences", "unsourced_share", "sources",
    "loaded_words", "loaded_own_voice", "spin_candidates", "spin_per_1000_words",
    "flesch_reading_ease", "rare_per_1000_words",
]

#: Each of the report's measures in plain words (:meth:`ArticleReport.plain_table`).
SUMMARY_LABELS = {
    "words": "words",
    "sentences": "sentences",
    "unsourced_sentences": "sentences with no source",
    "unsourced_share": "share of sentences with no source",
    "sources": "different sources cited",
    "loaded_words": "words from the list of loaded words",
    "loaded_own_voice": "… of them in the writer's own voice",
    "spin_candidates": "words that may have been swapped",
    "spin_per_1000_words": "… per 1,000 words",
    "flesch_reading_ease": "Flesch reading ease (higher is easier)",
    "rare_per_1000_words": "rare words per 1,000 words",
}


@dataclass
class ArticleReport:
    """Everything :func:`check_article` found in one text.

    Attributes: ``text`` (as checked), ``title``, ``attribution`` (one row
    per sentence), ``loaded`` (one row per loaded word), ``spin`` (one row
    per candidate), ``readability`` (a dict of the measures of
    :func:`medialit.readability.measures`), ``summary`` (a
    few plain sentences).
    """

    text: str
    title: str
    attribution: pd.DataFrame
    loaded: pd.DataFrame
    spin: pd.DataFrame
    readability: dict
    summary: str = ""
    figures: dict = field(default_factory=dict)
    prefix: str = "s"
    #: invisible characters removed or replaced before checking: {kind: count}
    invisible: dict = field(default_factory=dict)

    def table(self) -> pd.Series:
        """The report's numbers as a pandas Series (index: ``SUMMARY_COLUMNS``),
        for scripts; :meth:`plain_table` is the same for people."""
        return pd.Series(self.figures, name=self.title)[SUMMARY_COLUMNS]

    def plain_table(self) -> pd.Series:
        """The report's numbers in words: each measure named in plain
        English (:data:`SUMMARY_LABELS`), counts as whole numbers, the share
        of sentences with no source as a percentage."""
        values = [f"{value:.0%}" if name == "unsourced_share" else
                  f"{value:.0f}" if name == "flesch_reading_ease" and value is not None else  # as the summary says it
                  f"{value:g}" if isinstance(value, float) else str(value)
                  for name, value in self.table().items()]
        return pd.Series(values, index=[SUMMARY_LABELS[name] for name in SUMMARY_COLUMNS], name=self.title)

    def __repr__(self) -> str:
        return f"Report on {self.title!r}: {self.summary}"

    def to_check(self, spin_rows: int = 3) -> pd.DataFrame:
        """What to check next: a table of concrete questions, each asked once
        (:func:`medialit.report_tables.to_check`)."""
        from .report_tables import to_check

        return to_check(self, spin_rows)

    def who_says_so(self) -> pd.DataFrame:
        """Who says each sentence, in plain words, one row per sentence
        (:func:`medialit.report_tables.who_says_so`)."""
        from .report_tables import who_says_so

        return who_says_so(self)

    def likely_swaps(self, n: int = 8) -> pd.DataFrame:
        """The ``n`` strongest likely swaps in plain columns
        (:func:`medialit.report_tables.likely_swaps`)."""
        from .report_tables import likely_swaps

        return likely_swaps(self, n)

    def _repr_html_(self) -> str:
        from .report_html import render_html  # here: report_html reads ArticleReport

        return render_html(self)


# --------------------------------------------------------------------------
# one text


def check_article(text: str, title: str = "your text", prefix: str = "s") -> ArticleReport:
    """Run every check of the course on ``text`` and return the report.

    Sentence ids are ``prefix`` + a number (``s01`` ...); give ``prefix="A"``
    for article A to get the ids of the answer keys (``A01`` ...).

    Raises ``ValueError`` with a plain-language message when the text cannot
    be checked (empty, not English, HTML page source, binary junk, over
    2 MB); see :func:`medialit.readability.validate_prose`.

    Invisible characters that split words (soft hyphens, zero-width spaces)
    are taken out and no-break spaces made plain spaces first
    (:func:`medialit.textcheck.normalise_invisible`); the report's
    ``invisible`` and its summary say so, and ``report.text`` is the text
    as checked.
    """
    from .attribution import attribute
    from .corpus import split_sentences
    from .loaded import find_loaded
    from .readability import measures, validate_prose
    from .spin import find_spin

    title = "your text" if title is None else str(title)
    # checked once, split once; each analyser is handed the tables it needs
    text, invisible = normalise_invisible(validate_prose(text))
    sentences = split_sentences(text, prefix)
    attribution = attribute(text, sentences=sentences)
    loaded = find_loaded(text, attribution=attribution)
    spin = find_spin(text, sentences=sentences)
    readability = measures(text, validated=True, sentences=sentences)
    words = count_words(text)
    per_1000 = 1000 / words if words else 0.0
    unsourced = int(attribution["source"].isna().sum())
    sources = sorted({s for s in attribution["source"].dropna()})
    own = int((loaded["voice"] == "own").sum()) if len(loaded) else 0
    figures = {
        "words": words,
        "sentences": len(attribution),
        "unsourced_sentences": unsourced,
        "unsourced_share": round(unsourced / len(attribution), 3) if len(attribution) else 0.0,
        "sources": len(sources),
        "loaded_words": len(loaded),
        "loaded_own_voice": own,
        "spin_candidates": len(spin),
        "spin_per_1000_words": round(len(spin) * per_1000, 1),
        "flesch_reading_ease": readability.get("Flesch reading ease"),
        "rare_per_1000_words": readability.get("rare words per 1,000"),
    }
    report = ArticleReport(text, title, attribution, loaded, spin, readability, figures=figures, prefix=prefix,
                           invisible=invisible)
    report.summary = _summarise(figures, sources) + _invisible_note(invisible)
    return report


#: What a low spin count can and cannot show (the report says it whenever the count is low).
SPIN_LIMITS = ("The count shows rare words and broken phrases a spinner may have left; it cannot show that "
               "the text was not spun, because a swap for a common word leaves nothing rare to see, so read "
               "odd wording yourself.")


#: What a count of loaded words cannot show (said when it finds none).
LOADED_LIMITS = ("the list is short (a few dozen terms about these events), so a text can still judge with words "
                 "it does not know: read how the text names people and events yourself.")


def _invisible_note(invisible: dict) -> str:
    """One sentence on the invisible characters taken out before checking."""
    if not invisible:
        return ""
    kinds = ", ".join(_plural(n, kind) for kind, n in invisible.items())
    return (f" Before checking, invisible characters that split words were taken out or made plain "
            f"spaces ({kinds}); the figures are for the cleaned text.")


def _plural(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else (many or one + 's')}"


def _summarise(f: dict, sources: list[str]) -> str:
    """A few plain sentences on the figures."""
    parts = [f"{f['unsourced_sentences']} of {f['sentences']} sentences have no source"
             + (f"; the text cites {_plural(f['sources'], 'source')}" if f["sources"] else "; it cites no one")
             + "."]
    if f["loaded_words"]:
        parts.append(f"{_plural(f['loaded_words'], 'word')} from the course's list of loaded words, "
                     f"{f['loaded_own_voice']} of them in the writer's own voice.")
    else:
        parts.append("No word from the course's list of loaded words; " + LOADED_LIMITS)
    spin_words = f["spin_per_1000_words"]
    verdict = ("many for news text: possible spinning, read those words in context"
               if spin_words >= 20 else "few" if spin_words < 8 else "some: worth a look")
    parts.append(f"{_plural(f['spin_candidates'], 'word')} that may have been swapped "
                 f"({spin_words:g} per 1,000 words: {verdict}).")
    if spin_words < 20:
        # A low count is not a clean bill: on spun copies of real news the
        # detector misses most swaps for common words (benchmarks/HELDOUT.md).
        parts.append(SPIN_LIMITS)
    if f["flesch_reading_ease"] is not None:
        parts.append(f"Flesch reading ease {f['flesch_reading_ease']:.0f} "
                     "(0-30 very hard, 60-70 plain English, 90+ very easy).")
    return " ".join(parts)


# --------------------------------------------------------------------------
# HTML


# --------------------------------------------------------------------------
# pasting a text in a notebook


class Problem(str):
    """Why a text cannot be checked: a str that shows itself as a plain
    message in a notebook (no quotation marks, no traceback)."""

    def __repr__(self) -> str:
        return f"This text cannot be checked: {self}"

    def _repr_html_(self) -> str:
        return f"<p style='color:#8a1c1c'><b>This text cannot be checked:</b> {html.escape(self)}</p>"


def try_check(text, title: str = "your text"):
    """:func:`check_article`, but a text that cannot be checked gives back
    a :class:`Problem` (a str with the plain-language reason) instead of
    raising."""
    try:
        return check_article(text, title=title)
    except ValueError as problem:
        return Problem(problem)


def practice_folder(folder, n: int = 40, seed: int = 5) -> Path:
    """Fill ``folder`` with a practice class corpus and return it: ``n``
    mixed texts (:func:`medialit.corpus.mixed_articles`), the two course
    articles, and one old file that is not UTF-8 (as a real class corpus
    often has), to try :func:`check_folder` on."""
    from .corpus import article_text, mixed_articles

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    for number, text in enumerate(mixed_articles(n, seed=seed)):
        (folder / f"practice_{number:02d}.txt").write_text(text, encoding="utf-8")
    for article_id in ("A", "B"):
        (folder / f"article_{article_id}.txt").write_text(article_text(article_id), encoding="utf-8")
    (folder / "old_file_latin1.txt").write_bytes("Café owners said police closed the square.".encode("latin-1"))
    return folder


# --------------------------------------------------------------------------
# a folder


def _check_file(path: str) -> dict:
    """Summary row for one file (runs in a worker process).  The size is
    looked at before anything is read, and no more than the limit is read."""
    row = {"file": Path(path).name, "problem": ""}
    try:
        size = os.stat(path).st_size
        if size > MAX_BYTES:
            raise ValueError(f"The file is {size / 1_000_000:,.1f} MB; the limit is "
                             f"{MAX_BYTES / 1_000_000:.0f} MB. Check one article at a time.")
        with open(path, "rb") as handle:
            raw = handle.read(MAX_BYTES + 1)  # a file that grew since: validate_text refuses it
        report = check_article(raw, title=Path(path).name)
        row.update(report.figures)
    except (ValueError, OSError) as problem:
        row["problem"] = str(problem)
    except MemoryError:
        row["problem"] = "There was not enough memory to check this file; the other files were checked."
    return row


#: Workers are capped: each holds its own copy of the word lists (about
#: 300 MB), and a hub node may report dozens of CPUs that are not the
#: student's to use.
MAX_WORKERS = 8
WORKER_BYTES = 300 * 1024 * 1024


def memory_limit(cgroup: Path = Path("/sys/fs/cgroup")) -> int | None:
    """The container's memory limit in bytes (cgroup v2 ``memory.max`` or v1
    ``memory/memory.limit_in_bytes``), or ``None`` if there is none."""
    for name in ("memory.max", "memory/memory.limit_in_bytes"):
        try:
            text = (cgroup / name).read_text().strip()
        except OSError:
            continue
        if text.isdigit() and int(text) < 2**60:  # v1 writes a huge number for "no limit"
            return int(text)
    return None


def default_workers(memory: int | None = None) -> int:
    """How many processes :func:`check_folder` uses by default: the CPUs this
    process may really use (``joblib.cpu_count`` honours CPU affinity and a
    container's CPU quota), no more than the memory limit allows, at most
    :data:`MAX_WORKERS`."""
    from joblib import cpu_count

    cpus = cpu_count()
    memory = memory_limit() if memory is None else memory
    by_memory = max(1, memory // WORKER_BYTES) if memory else cpus
    return max(1, min(cpus, by_memory, MAX_WORKERS))


def _folder_files(path, pattern) -> tuple[Path, list[str]]:
    """The folder and its files matching ``pattern`` (case ignored: .TXT is
    .txt), never a file outside the folder; ValueError in plain words."""
    if not isinstance(path, (str, os.PathLike)) or isinstance(path, bytes):
        raise ValueError("Give the folder as a path, such as 'class_texts' or Path('class_texts').")
    if not isinstance(pattern, str) or not pattern.strip():
        raise ValueError("The pattern should be a piece of text such as '*.txt'.")
    if Path(pattern).is_absolute() or ".." in Path(pattern).parts:
        raise ValueError(f"The pattern '{pattern}' points outside the folder; give one such as '*.txt'.")
    folder = Path(path)
    if not folder.is_dir():
        raise ValueError(f"There is no folder {folder}.")
    inside = folder.resolve()
    files = []
    if "[" not in pattern:  # Python 3.11's glob has no case_sensitive=False: spell each letter both ways
        pattern = "".join(f"[{c.lower()}{c.upper()}]" if c.lower() != c.upper() else c for c in pattern)
    for p in folder.glob(pattern):
        try:
            if p.is_file() and p.resolve().is_relative_to(inside):
                files.append(str(p))
        except OSError:
            continue
    return folder, sorted(files)


def check_folder(path, pattern: str = "*.txt", workers: int | None = None, progress: bool = True) -> pd.DataFrame:
    """Check every file matching ``pattern`` in the folder ``path``.

    Returns one row per file: ``file``, the :data:`SUMMARY_COLUMNS`, and
    ``problem`` (empty, or why the file was skipped, e.g. not UTF-8 text).
    A file that cannot be checked is reported and skipped; the rest
    complete.  A file over the 2 MB limit is refused by its size, without
    being read.  ``pattern`` ignores case (``*.txt`` finds ``NOTES.TXT``) and
    only ever finds files inside the folder.  Work is spread over ``workers``
    processes (default: one per core the container lets us use, see
    :func:`default_workers`).  ``progress`` shows a progress bar (in a
    notebook, a widget).
    """
    folder, files = _folder_files(path, pattern)
    if not files:
        raise ValueError(f"There are no {pattern} files in {folder}.")
    workers = workers or default_workers()
    bar = None
    if progress:
        from tqdm.auto import tqdm

        bar = tqdm(total=len(files), desc="Checking", unit="file")
    rows = []
    try:
        if workers == 1 or len(files) < 8:
            for path_ in files:
                rows.append(_check_file(path_))
                bar and bar.update()
        else:
            # imported here: multiprocessing is no part of a first check_article
            from concurrent.futures import ProcessPoolExecutor

            with ProcessPoolExecutor(max_workers=workers) as pool:
                for row in pool.map(_check_file, files, chunksize=max(1, len(files) // (workers * 8))):
                    rows.append(row)
                    bar and bar.update()
    finally:
        if bar is not None:
            bar.close()
    return pd.DataFrame(rows, columns=["file", *SUMMARY_COLUMNS, "problem"])
