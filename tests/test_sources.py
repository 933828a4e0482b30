"""The course's own claims, traced: data/lateral/ is well-formed and cited,
every quotation the data attributes to a lateral excerpt is really in it, and
one item has one answer across all the files of data/.

Run with:
    pytest -p no:cacheprovider -o addopts="" tests/test_sources.py -q
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

DATA = Path(__file__).resolve().parent.parent / "data"

LATERAL_COLUMNS = ["lateral_id", "topic", "outlet", "url", "published", "date_basis", "language",
                   "excerpt", "translation", "why", "items", "retrieved"]
DATE_BASES = {"page", "address", "text", "none"}
# Fair-dealing size: a few sentences of each original, never a whole article.
MAX_EXCERPT = 700
LATER_COLUMNS = ["order", "when", "event", "source", "lateral_id", "evidence", "notes"]
MONTHS = {m: i for i, m in enumerate(
    ["January", "February", "March", "April", "May", "June", "July", "August",
     "September", "October", "November", "December"], start=1)}
LATERAL_ID = re.compile(r"\bL\d\d\b")
# “quoted words” (L12)   “quoted words”, data/lateral L01   “quoted words” (attested, data/lateral L12)
QUOTE_CITED = re.compile(
    r"“([^“”]{4,})”,?\)? ?\(?(?:attested(?: in [^,()]*)?, |data/lateral/sources\.csv, |data/lateral |sources: )?"
    r"((?:data/lateral )?L\d\d\b(?:, L\d\d\b)*)\)?")  # \b: a held-out item id (L039) is not L03


def read(relative: str) -> pd.DataFrame:
    return pd.read_csv(DATA / relative, dtype=str, keep_default_na=False)


@pytest.fixture(scope="module")
def lateral() -> pd.DataFrame:
    return read("lateral/sources.csv")


def data_csv_files():
    """Every CSV of data/ except the lateral excerpts themselves."""
    return sorted(p for p in DATA.rglob("*.csv") if "lateral" not in p.parts)


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("’", "'")).strip().lower()


# --------------------------------------------------------------------------
# data/lateral/: well-formed and cited


def test_lateral_excerpts_are_well_formed_and_cited(lateral):
    assert list(lateral.columns) == LATERAL_COLUMNS
    assert lateral["lateral_id"].tolist() == [f"L{i:02d}" for i in range(1, len(lateral) + 1)]
    assert len(lateral) >= 10
    for row in lateral.itertuples():
        where = f"lateral/sources.csv, {row.lateral_id}"
        for column in ("topic", "outlet", "excerpt", "why", "items"):
            assert getattr(row, column).strip(), f"{where}: empty {column}"
        assert re.fullmatch(r"https?://\S+\.\S+", row.url), f"{where}: the URL must be a full address"
        assert row.date_basis in DATE_BASES, f"{where}: date_basis {row.date_basis!r}"
        if row.published == "undated":
            assert row.date_basis == "none", f"{where}: an undated page has date_basis 'none'"
        else:
            assert re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", row.published), f"{where}: published {row.published!r}"
            assert row.date_basis != "none", f"{where}: say where the date comes from"
            assert row.published <= row.retrieved, f"{where}: published after it was retrieved"
            if row.date_basis == "address":  # the date is in the address: check it is
                assert row.published.replace("-", "/")[:7] in row.url or row.published in row.url, where
        date.fromisoformat(row.retrieved)
        assert row.language in {"en", "ru"}, f"{where}: language {row.language!r}"
        assert (row.language == "en") == (not row.translation), f"{where}: a translation iff not English"
        assert len(row.excerpt) <= MAX_EXCERPT, f"{where}: excerpt too long ({len(row.excerpt)} characters)"
        assert "“" not in row.why or "”" in row.why, where


def test_every_lateral_id_cited_in_data_exists(lateral):
    known = set(lateral["lateral_id"])
    cited = set()
    for path in data_csv_files() + [DATA / "README.md"]:
        found = set(LATERAL_ID.findall(path.read_text(encoding="utf-8")))
        assert found <= known, f"{path.relative_to(DATA)} cites {sorted(found - known)}, not in lateral/sources.csv"
        cited |= found
    # and every excerpt is used by the course somewhere: in data/, a lesson or the instructor guide
    root = DATA.parent
    for path in [*root.glob("notebooks/*.ipynb"), *root.glob("solutions/*.ipynb"), root / "docs" / "INSTRUCTORS.md"]:
        cited |= set(LATERAL_ID.findall(path.read_text(encoding="utf-8")))
    assert known <= cited, f"never cited: {sorted(known - cited)}"


def test_quotations_attributed_to_an_excerpt_are_in_it(lateral):
    """Wherever data/ puts words in quotation marks and cites an excerpt, e.g.
    “More than 2,000 people had been arrested” (L12), those words are in
    that excerpt (or one of those cited): no paraphrase passes as a quote."""
    excerpts = dict(zip(lateral["lateral_id"], lateral["excerpt"].map(_norm)))
    checked = 0
    for path in data_csv_files():
        for line in path.read_text(encoding="utf-8").splitlines():
            for quote, ids in QUOTE_CITED.findall(line):
                sources = LATERAL_ID.findall(ids)
                for part in (p.strip(" .,") for p in re.split(r"…|\[\.\.\.\]", quote)):
                    if len(part) < 3:
                        continue
                    assert any(_norm(part) in excerpts[s] for s in sources), \
                        f"{path.relative_to(DATA)}: “{part}” is not in {', '.join(sources)}"
                    checked += 1
    assert checked >= 60


def test_spin_map_sources_and_withdrawn_rows(lateral):
    ids = set(lateral["lateral_id"])
    spin = read("keys/spin_map.csv")
    for row in spin.itertuples():
        sources = set(row.source.split("|")) if row.source else set()
        assert sources <= ids, f"{row.spin_id}: unknown source {sources - ids}"
        assert bool(sources) == (row.original_status == "attested"), f"{row.spin_id}: a source iff attested"
    withdrawn = read("keys/spin_withdrawn.csv")
    assert list(withdrawn.columns) == ["spin_id", "sentence_id", "phrase", "was_original", "reason", "source"]
    excerpts = dict(zip(lateral["lateral_id"], lateral["excerpt"].map(_norm)))
    for row in withdrawn.itertuples():
        # a row is withdrawn because a public copy of the wire has the very same words
        assert any(_norm(row.phrase) in excerpts[s] for s in row.source.split("|")), row.spin_id
        assert row.spin_id not in set(spin["spin_id"]), row.spin_id


def test_b04_lost_figure_is_recovered_from_outside(lateral):
    spin = read("keys/spin_map.csv").set_index("spin_id")
    assert spin.loc["S009", "original_status"] == "attested"
    wire = lateral.set_index("lateral_id").loc["L12", "excerpt"]
    assert "More than 2,000 people had been arrested" in wire
    comment = read("side_by_side.csv").set_index("topic").loc["People injured and arrested", "comment"]
    assert "More than 2,000" in comment and "L12" in comment


# --------------------------------------------------------------------------
# The errors found by reading the course against the sources


def test_azirbek_is_a_woman_everywhere_but_in_article_a(lateral):
    assert "police spokeswoman Saltanat Azirbek" in lateral.set_index("lateral_id").loc["L01", "excerpt"]
    a03 = "a spokesman for the city’s police department"  # article A's wording, which keys may quote
    for path in data_csv_files():
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            # write-in answers may copy the article's own wording: “police spokesman” is accepted there
            rest = re.sub(r"(?<=[|,\"])(?:the )?police spokesman(?=\|)", "", line.replace(a03, ""))
            if "Azirbek" in line or "police spokes" in rest:
                assert not re.search(r"police spokesman(?!”)|spokesman’s|spokesman's", rest), \
                    f"{path.relative_to(DATA)}, line {number}: Azirbek is a woman (AP: “police spokeswoman”)"
    names = read("lexicons/names.csv").set_index("name")
    assert "woman" in names.loc["Sultanat Azirbek", "notes"]


def test_article_a_known_defects_are_listed_with_evidence(lateral):
    meta = read("articles.csv").set_index("article_id")
    defects = meta.loc["A", "known_defects"]
    for sentence_id in ("A03", "A11", "A22", "A24", "A25", "A26", "A31"):
        assert sentence_id in defects, f"articles.csv: article A's known_defects should discuss {sentence_id}"
    for word in ("ликвидированы", "20 March 2019", "2020", "out"):
        assert word in defects, word
    assert set(LATERAL_ID.findall(defects)) >= {"L01", "L02", "L06", "L10", "L22"}
    assert "not available" not in meta.loc["B", "notes"], "the Reuters wire is public: say so"


def test_timeline_shows_chains_that_agree_with_the_attribution_key():
    timeline = read("timeline.csv")
    key = read("keys/attribution.csv").set_index("sentence_id")
    chains = timeline[timeline["source"].str.contains(" > ")]
    assert len(chains) >= 3, "the timeline should show the casualty claims' chains of hand-offs"
    for row in chains.itertuples():
        assert row.source == key.loc[row.sentence_id, "chain"], f"timeline order {row.order}: chain differs from the key"


def test_timeline_later_strip(lateral):
    later = read("timeline_later.csv")
    assert list(later.columns) == LATER_COLUMNS
    assert later["order"].tolist() == [str(i) for i in range(1, len(later) + 1)]
    excerpts = lateral.set_index("lateral_id")["excerpt"]
    dates = []
    for row in later.itertuples():
        where = f"timeline_later.csv, order {row.order}"
        assert row.lateral_id in excerpts.index, f"{where}: unknown source {row.lateral_id}"
        assert row.evidence in excerpts[row.lateral_id], f"{where}: evidence is not in {row.lateral_id}"
        found = re.search(r"(\d{1,2}) (" + "|".join(MONTHS) + r") (\d{4})", row.when)
        assert found, f"{where}: give the date"
        dates.append(date(int(found[3]), MONTHS[found[2]], int(found[1])))
        assert row.source.strip() and row.event.strip(), where
    assert dates == sorted(dates)
    assert dates[0] > date(2022, 1, 6), "the strip is for what was learned after the two texts"
    text = " ".join(later["event"])
    for fact in ("225", "230", "withdrawal"):
        assert fact in text, fact


def test_rewrite_of_a26_dates_the_belarus_protests():
    rewrite = read("keys/rewrite_03.csv").set_index("item_id")
    assert "Last year" not in rewrite.loc["A26", "answer"]
    assert "2020" in rewrite.loc["A26", "answer"]


# --------------------------------------------------------------------------
# One item, one answer


def test_one_source_per_sentence_across_the_keys():
    """The attribution key, the claim ledger, the voice keys and the timeline
    give every sentence the same source and chain."""
    key = read("keys/attribution.csv").set_index("sentence_id")
    for row in read("keys/claims_02.csv").itertuples():
        if row.sentence_id in key.index and row.sentence_id != "A01":
            assert (row.source, row.chain) == (key.loc[row.sentence_id, "source"], key.loc[row.sentence_id, "chain"]), \
                f"claims_02.csv {row.sentence_id} ({row.topic}) disagrees with attribution.csv"
    for row in read("keys/voice_01.csv").itertuples():
        assert (row.label == "cited") == bool(key.loc[row.item_id, "source"]), \
            f"voice_01.csv {row.item_id}: '{row.label}' disagrees with attribution.csv"
    for row in read("keys/voice_03.csv").itertuples():
        source = key.loc[row.item_id, "source"]
        assert row.speaker == (source or "the writer"), f"voice_03.csv {row.item_id}: speaker disagrees"
        assert (row.label == "own") == (not source), f"voice_03.csv {row.item_id}: voice disagrees"


SPUN_CLAIM = re.compile(
    r"“([^“”]{2,60})”(?:[^“”.;]{0,40}?\b(?:likely|stands? for|spun)\b[^“”.;]{0,30}?|\s+for\s+)“([^“”]{2,60})”")


def _originals_claimed():
    """(file, spun words, original) for every sentence of data/ of the kind
    “had failed” is likely a spun “had died”."""
    for path in data_csv_files():
        if path.name in {"spin_map.csv", "spin_withdrawn.csv"}:
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            for spun, original in SPUN_CLAIM.findall(line):
                yield path.relative_to(DATA).as_posix(), spun, original


def test_one_original_per_spun_phrase_across_the_files():
    """Where any file says what a spun phrase of article B stood for, it
    gives the spin map's original (“field” is “airport” everywhere)."""
    spin = read("keys/spin_map.csv")
    withdrawn = set(read("keys/spin_withdrawn.csv")["phrase"])
    phrases = {}
    for row in spin.itertuples():
        phrases.setdefault(row.phrase.lower(), set()).add(row.likely_original.lower())
    checked = 0
    for where, spun, original in _originals_claimed():
        spun_l, original_l = spun.lower().strip(), original.lower()
        assert spun_l not in {w.lower() for w in withdrawn}, f"{where}: “{spun}” was withdrawn from the spin map"
        inside = [(p, o) for p, o in phrases.items() if re.search(r"(?<!\w)" + re.escape(p) + r"(?!\w)", spun_l)]
        if not inside:
            continue
        for phrase, originals in inside:
            assert any(o.split()[-1] in original_l for o in originals), \
                f"{where}: “{spun}” → “{original}”, but the spin map says “{phrase}” → {sorted(originals)}"
            checked += 1
    assert checked >= 15


def test_self_check_answers_agree_with_the_keys():
    """Lesson 04's key and write-in answers accept the spin map's original;
    the lexicon never lists the same word as loaded and as the neutral choice."""
    spin = read("keys/spin_map.csv")
    key = read("keys/spin_04.csv")
    for row in key[key["label"] == "swapped"].itertuples():
        # the spin map's row for the item: same sentence, its phrase holding the highlight
        # (the student's feedback names no spin ids)
        same = spin[(spin["sentence_id"] == row.item_id)
                    & spin["phrase"].str.lower().str.contains(row.highlight.lower(), regex=False)]
        assert len(same) == 1, f"spin_04.csv {row.item_id}: {len(same)} spin map rows hold “{row.highlight}”"
        original = same.iloc[0]["likely_original"].lower()
        answers = [a.lower() for a in row.answer.split("|")]
        assert any(a in original for a in answers), f"spin_04.csv {row.item_id}: no answer matches “{original}”"
    lexicon = read("lexicons/loaded_terms.csv")
    loaded = {t.lower() for t in lexicon.loc[lexicon["category"] != "neutral", "term"]}
    for row in lexicon.itertuples():
        first_choice = re.split(r",| or |\(", row.neutral)[0].strip().lower()
        assert first_choice not in loaded, f"loaded_terms.csv {row.term}: the neutral choice “{first_choice}” is listed as loaded"
