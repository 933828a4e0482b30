"""Which tagged items to read again, and what to look for (issue 14).

After *Check*, ``to_revisit(tagger, look_for)`` lists, for one student, the
items whose tag differs from the key, with the key's tag and a pointer to
the clue that decides it, and the items not tagged yet.  It is the
individual feedback; Cohen's kappa stays for the class report.

    print(to_revisit(voice, VOICE_01))
"""

from __future__ import annotations

__all__ = ["to_revisit", "WARMUP_00", "VOICE_01", "TYPE_02", "KIND_02"]

#: what to look for, by the key's label (the value of a choice)
WARMUP_00 = {
    "event": "what happened, where and when, with no word that praises or blames",
    "judgement": "words that give the writer's verdict (\"authoritarian\", \"often used … to stigmatize\")",
    "both": "an event you could check, plus the writer's own verdict words (\"brutally\", \"rigged\")",
}
VOICE_01 = {
    "cited": ("a speech verb (said, reported, told, warned) or quotation marks, and who they belong to, "
              "even at the very end of the sentence (“…, it said”)"),
    "writer": "no speech verb and no quotation marks: someone being named is not the same as someone speaking",
}
TYPE_02 = {
    "state media": "a state broadcaster or state outlet at the start of the chain",
    "news agency": "an agency that is the first speaker, not just a relay",
    "government official": "a person or body speaking for Kazakhstan's government",
    "foreign government": "another country's government or its spokespeople",
    "international organisation": "a body of several states (the CSTO)",
    "eyewitness": "someone who was there and is quoted",
    "unnamed": "someone who speaks but is given no name or office: \"officials\", \"the authorities\"",
    "the writer": "no speaker at all: the writer states it",
}
KIND_02 = {
    "direct": "a quotation plus, at most, who said it (even with no speaker)",
    "indirect": "a paraphrase with no quotation marks",
    "mixed": "a paraphrase with a few of the source's own words in quotation marks",
    "none": "no source and no quotation",
}


def to_revisit(tagger, look_for: dict | None = None) -> str:
    """A few lines for one student: the items to read again and why."""
    look_for = look_for or {}
    table = tagger.feedback()
    if not tagger.tags():
        return "Nothing tagged yet: tag the sentences, press Check, then run this cell again."
    values = {label: value for label, value in tagger.choices}
    lines, items = [], []  # an item can have two lines: its tag and its write-in
    for row in table.itertuples(index=False):
        if row.result == "differs":
            clue = look_for.get(values.get(row.key, row.key), "")
            line = f"- {row.item_id}: you chose “{row.your_tag}”, the key says “{row.key}”."
            if clue:
                line += f" Look for {clue}."
            lines.append(line)
        text_result = getattr(row, "text_result", None)
        if text_result == "differs":
            first = str(row.answer).split("|")[0].strip()
            question = ("does anyone speak in it at all, or does the writer describe?" if first == "the writer"
                        else "who speaks first, before anyone passes the words on?")
            lines.append(f"- {row.item_id}: you wrote “{row.your_text}”, the key has “{first}”: {question}")
        if lines and lines[-1].startswith(f"- {row.item_id}:") and row.item_id not in items:
            items.append(row.item_id)
    missing = list(table.loc[table["result"] == "not tagged", "item_id"])
    if not lines and not missing:
        return "Nothing to revisit: every tag matches the key. Read the reasons anyway: would you defend each one?"
    out = []
    if lines:
        count = f"{len(items)} sentence{'s' if len(items) != 1 else ''}"
        out.append(f"Read these again, with what to look for ({count}); the key's reasons are under each item above:")
        out += lines
    else:
        out.append("Every tag so far matches the key.")
    if missing:
        out.append(f"Not tagged yet: {', '.join(missing)}.")
    return "\n".join(out)
