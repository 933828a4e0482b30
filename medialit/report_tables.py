"""The report's plain tables for people (lesson 05): what to check next,
who says each sentence, the strongest likely swaps.

Each takes an :class:`medialit.report.ArticleReport` and returns a small
DataFrame with plain column names and no ``None`` in it; the report's own
methods of the same names call them.
"""

from __future__ import annotations

import pandas as pd

__all__ = ["to_check", "who_says_so", "likely_swaps"]


def to_check(report, spin_rows: int = 3) -> pd.DataFrame:
    """What to check next, as a table of concrete questions: every
    claim with a figure in the text (who else reports it?), every loaded
    word in the writer's own voice (whose word is it?), and the strongest
    spin candidates (what did the original say?).  Columns:
    ``sentence_id``, ``what``, ``question``.

    A question is asked once: the claims of one sentence that have the
    same question share a row, and a word that asks the same question
    in several sentences gets one row listing them ("A20, A24").
    """
    from .attribution import claims

    rows = []  # (sentence_id, kind of item, item, question)
    for c in claims(report.text, attribution=report.attribution).itertuples(index=False):
        question = (f"Who else reports this? It reaches you via {_via(c.chain)} ({c.source_type})."
                    if c.chain else "No source is given: who could know this, and have they said it?")
        rows.append((c.sentence_id, "a claim", c.words, question))
    own = report.loaded[report.loaded["voice"] == "own"] if len(report.loaded) else report.loaded
    for w in own.itertuples(index=False):
        rows.append((w.sentence_id, "the writer's word", w.matched,
                     f"Whose label is it? A neutral report might say: {w.neutral}."))
    strongest = _strongest(report, spin_rows)
    at = report.attribution
    for sp in strongest.itertuples(index=False):
        sid = at.loc[(at["start"] <= sp.start) & (at["end"] > sp.start), "sentence_id"]
        original = sp.likely_original if isinstance(sp.likely_original, str) and sp.likely_original else None
        rows.append((sid.iloc[0] if len(sid) else "", "a word that may be swapped", sp.phrase,
                     f"Read the sentence: is “{sp.phrase}” the right wording there? If not, search for the "
                     f"sentence with “{original}” (a guess) to find the original text."
                     if original else "Read it in context: which word would a reporter have used?"))
    return pd.DataFrame(_merge_questions(rows), columns=["sentence_id", "what", "question"])

def who_says_so(report) -> pd.DataFrame:
    """One row per sentence, in plain words, for reading a text's
    sources sentence by sentence: ``sentence`` (its id), ``text``,
    ``who says so`` (the source, with the outlets it came through, or
    "no one: the writer's own words") and ``how`` ("quoted", "reported",
    "quoted and reported", or "" when no one is named)."""
    how = {"direct": "quoted", "indirect": "reported", "mixed": "quoted and reported"}
    rows = []
    for r in report.attribution.itertuples(index=False):
        chain = [str(name) for name in (r.chain if isinstance(r.chain, (list, tuple)) else []) if name]
        if isinstance(r.source, str) and r.source:
            who = r.source + (f" (through {_via(chain[1:])})" if len(chain) > 1 else "")
        else:
            who = "no one: the writer's own words"
        rows.append((r.sentence_id, r.sentence, who, how.get(r.kind, "") if isinstance(r.source, str) else ""))
    return pd.DataFrame(rows, columns=["sentence", "text", "who says so", "how"])

def likely_swaps(report, n: int = 8) -> pd.DataFrame:
    """The ``n`` strongest likely swaps (strongest first, then in text
    order), in plain columns: ``words``, ``likely original`` ("" when
    the checks have no guess) and ``the original is``: "attested" (a
    public copy of the original shows it), "inferred" (read from the
    evidence) or "" (a rare word, with no known original).  The full
    evidence is in the report's ``spin`` table."""
    strongest = _strongest(report, n)
    status = strongest["evidence"].astype(str).str.extract(r"original (attested|inferred)")[0].fillna("")
    original = strongest["likely_original"].where(strongest["likely_original"].apply(
        lambda value: isinstance(value, str)), "")
    return pd.DataFrame({"words": strongest["phrase"].to_numpy(), "likely original": original.to_numpy(),
                         "the original is": status.to_numpy()})


def _strongest(report, n: int) -> pd.DataFrame:
    """The report's ``n`` strongest likely swaps: highest score first, then in text order."""
    return report.spin.sort_values(["score", "start"], ascending=[False, True]).head(n)


def _via(chain) -> str:
    """A chain of speakers in words: "Khabar 24, then Interfax"."""
    return ", then ".join(str(name) for name in chain)


def _merge_questions(rows):
    """``(sentence_id, kind, item, question)`` rows -> ``(sentence_id, what,
    question)`` rows, each question asked once: items of one sentence with
    the same question are listed together, then one item asked about in
    several sentences lists their ids.  First appearance keeps the order."""
    by_sentence: dict = {}
    for sid, kind, item, question in rows:
        by_sentence.setdefault((sid, kind, question), []).append(item)
    by_item: dict = {}
    for (sid, kind, question), items in by_sentence.items():
        what = f"{kind}: " + "; ".join(f"“{item}”" for item in dict.fromkeys(items))
        by_item.setdefault((what, question), []).append(sid)
    return [(", ".join(dict.fromkeys(sids)), what, question) for (what, question), sids in by_item.items()]

