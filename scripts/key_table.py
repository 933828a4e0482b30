"""Print a lesson's answer keys as one Markdown table, for the lesson notes
(docs/lessons/NN.md, section "Answer key"): one row per tagged item, with
the activity, the item, the highlighted word, the key's label, the model
answer (a neutral word, or the speaker) and the key's reason in one line.

    python scripts/key_table.py loaded_03 voice_03 > table.md

The reason is the rationale's first sentence; for a contested item (its
rationale starts "Contested. Loaded: ... Neutral: ..."), the first sentence
of each side.  Paste the output into the notes; tests/test_loaded_keys.py
checks that the notes' table and the key files agree.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z“(])")


def one_line_reason(rationale: str) -> str:
    """The rationale's first sentence; both sides' first sentences for a contested item."""
    sentences = SENTENCE_END.split(" ".join(str(rationale).split()))
    if sentences[0] == "Contested." and len(sentences) > 2:
        loaded = next((s for s in sentences if s.startswith("Loaded:")), "")
        neutral = next((s for s in sentences if s.startswith("Neutral:")), "")
        return f"{loaded} {neutral}".strip()
    return sentences[0]


def cell(text) -> str:
    return str(text).replace("|", "\\|")


def table(keys: list[str]) -> str:
    lines = ["| activity | item | word | key | model answer | reason |", "| --- | --- | --- | --- | --- | --- |"]
    for name in keys:
        key = pd.read_csv(ROOT / "data" / "keys" / f"{name}.csv", dtype=str, keep_default_na=False)
        model = "answer" if "answer" in key.columns else "speaker"
        for row in key.itertuples(index=False):
            lines.append("| " + " | ".join(cell(v) for v in (
                name, row.item_id, row.highlight, row.label, getattr(row, model),
                one_line_reason(row.rationale))) + " |")
    return "\n".join(lines)


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    print(table(sys.argv[1:]))
