"""Checking the spin detector against the toy spinner.

:func:`spinner_detection` spins a text with :func:`medialit.spin.spin` and
counts how many of the spinner's swaps :func:`medialit.spin.find_spin` flags
without the course's own lists (``known=False``), for each way the spinner
picks its synonyms.  Lesson 04 shows the table, self-check 04.6 asks for the
shares, and ``scripts/evaluate_heldout.py`` uses :func:`spans_found` on the
held-out texts.  (Named like :mod:`medialit.attribution_eval`; it lives apart
from :mod:`medialit.spin` because it evaluates the detector rather than being
part of it.)
"""

from __future__ import annotations

import pandas as pd

__all__ = ["spans_found", "spinner_detection"]


def spans_found(spans, found: pd.DataFrame) -> int:
    """How many of ``spans`` (``(start, end)`` pairs) overlap at least one
    row of ``found`` (a table with ``start`` and ``end`` columns, such as
    :func:`~medialit.spin.find_spin` returns).

    >>> spans_found([(0, 4), (10, 12), (20, 25)], pd.DataFrame({"start": [3, 24], "end": [6, 30]}))
    2
    """
    return sum(any(s < fe and fs < e for fs, fe in zip(found["start"], found["end"])) for s, e in spans)


def spinner_detection(text: str, seed: int, rate: float = 0.5,
                      choices=("rarest", "any", "commonest")) -> pd.DataFrame:
    """One row per spinner setting (``spin(..., choose=...)``): how many words
    the toy spinner swapped in ``text``, how many of those swaps
    ``find_spin(spun, known=False)`` flags, and that share in per cent."""
    from .spin import find_spin, spin

    rows = []
    for choose in choices:
        spun, swaps = spin(text, seed=seed, rate=rate, choose=choose, table=True)
        if swaps.empty:
            raise ValueError("The spinner found no word to swap in this text: give it a longer text or a higher rate.")
        seen = spans_found(zip(swaps["start"], swaps["end"]), find_spin(spun, known=False))
        rows.append({"spinner picks": choose, "words swapped": len(swaps), "found by find_spin": seen,
                     "share found (%)": round(100 * seen / len(swaps))})
    return pd.DataFrame(rows).set_index("spinner picks")
