"""The held-out set (data/heldout/, issue 16): texts, citations and keys agree.

These check the data, not the tools: the keys must quote their texts exactly,
so that scripts/evaluate_heldout.py compares like with like."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

HELDOUT = Path(__file__).resolve().parent.parent / "data" / "heldout"
KINDS = {"direct", "indirect", "mixed", "none"}
VOICES = {"quoted", "attributed", "own"}


def rows(name):
    with open(HELDOUT / name, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="module")
def texts():
    return {r["article_id"]: (HELDOUT / r["file"]).read_text(encoding="utf-8") for r in rows("sources.csv")}


def test_sources_are_cited_and_split_before_use(texts):
    sources = rows("sources.csv")
    assert len(sources) >= 8
    # test (T15 onwards) may not be in yet; T1-T5 were the test part until the fourth pass made them dev3,
    # T6-T14 until the sixth pass made them dev5
    assert {"dev", "dev2", "dev3", "dev4", "dev5"} <= {r["part"] for r in sources} <= {"dev", "dev2", "dev3", "dev4", "dev5", "test"}
    assert {r["article_id"] for r in sources if r["part"] == "dev3"} == {"T1", "T2", "T3", "T4", "T5"}
    assert {r["article_id"] for r in sources if r["part"] == "dev4"} == {f"D{n}" for n in range(10, 16)}
    assert {r["article_id"] for r in sources if r["part"] == "dev5"} == {f"T{n}" for n in range(6, 15)}
    for r in sources:
        where = f"sources.csv, {r['article_id']}"
        assert r["article_id"][0] == {"dev": "D", "dev2": "D", "dev3": "T", "dev4": "D", "dev5": "T", "test": "T"}[r["part"]], where
        assert r["url"].startswith(("http://", "https://")) and r["outlet"].strip(), where
        assert r["published"][:7] == "2022-01" and "05" <= r["published"][8:] <= "20", where
        assert r["retrieved"] == "2026-11-30" and r["why_reproduced"].strip(), where
        words = len(texts[r["article_id"]].split())
        assert 150 <= words <= 400 and int(r["words"]) == words, f"{where}: {words} words"
    # not the course's own articles
    course = {p.read_text(encoding="utf-8")[:200] for p in (HELDOUT.parent / "articles").glob("*.txt")}
    assert not any(t[:200] in course for t in texts.values())


def test_attribution_key_quotes_its_texts(texts):
    key = rows("attribution.csv")
    assert len({r["sentence_id"] for r in key}) == len(key)
    for r in key:
        where = f"attribution.csv, {r['sentence_id']}"
        text = texts[r["article_id"]]
        start = int(r["start"])
        assert text[start:start + len(r["sentence"])] == r["sentence"], where
        assert r["kind"] in KINDS, where
        assert bool(r["source"]) == bool(r["chain"]), where
        if r["chain"]:
            assert r["chain"].split(" > ")[0] == r["source"], f"{where}: the chain starts with the source"
        assert r["rationale"].strip(), where
    for art, text in texts.items():  # every sentence of every text is labelled, in order
        mine = [r for r in key if r["article_id"] == art]
        assert [int(r["start"]) for r in mine] == sorted(int(r["start"]) for r in mine)
        covered = "".join(r["sentence"] for r in mine)
        assert "".join(text.split()) == "".join(covered.split()), art


def test_keys_and_sources_agree_on_parts():
    part = {r["article_id"]: r["part"] for r in rows("sources.csv")}
    for name in ("attribution.csv", "loaded.csv"):
        for r in rows(name):
            assert r["part"] == part[r["article_id"]], f"{name}, {r.get('item_id') or r['sentence_id']}"


def test_loaded_key_quotes_its_texts(texts):
    sentences = {r["sentence_id"]: r for r in rows("attribution.csv")}
    for r in rows("loaded.csv"):
        where = f"loaded.csv, {r['item_id']}"
        text = texts[r["article_id"]]
        assert text[int(r["start"]):int(r["end"])] == r["highlight"], where
        assert r["highlight"] in sentences[r["sentence_id"]]["sentence"], where
        assert r["voice"] in VOICES and r["speaker"].strip(), where
        assert (r["voice"] == "own") == (r["speaker"] == "the writer"), where
        assert r["in_lexicon"] == ("yes" if r["term"] else "no"), where


# ---------------------------------------------------------------- the script


@pytest.fixture()
def script(monkeypatch):
    monkeypatch.syspath_prepend(str(HELDOUT.parent.parent / "scripts"))
    import evaluate_heldout

    return evaluate_heldout


def test_script_knows_five_dev_parts_and_refuses_test_errors(script, capsys):
    assert script.PARTS == ("dev", "dev2", "dev3", "dev4", "dev5", "test")
    assert script.DEV_PARTS == ("dev", "dev2", "dev3", "dev4", "dev5")
    with pytest.raises(SystemExit):
        script.main(["--errors", "test"])
    assert "invalid choice: 'test'" in capsys.readouterr().err
    assert script.main(["--errors", "dev3"]) == 0
    assert capsys.readouterr().out.startswith("Attribution mistakes on the dev3 part:")


def test_script_says_a_part_has_no_texts_yet(script, monkeypatch, capsys):
    full = script.texts()
    monkeypatch.setattr(script, "texts", lambda: {a: r for a, r in full.items() if r["part"] != "test"})
    assert script.main(["--part", "test"]) == 0
    assert capsys.readouterr().out.strip() == "test: no texts in this part yet."
    result = {"dev": None, "test": None, "spin on article B (known=False)": 0.5}
    assert "no texts in this part yet" in script.quality_markdown(result)


def test_the_summary_says_which_goals_are_met_from_the_figures(script):
    """The sentence under the README's table is worked out from the figures,
    not written by hand: a goal just reached is met, one just missed is not."""
    def result(source, chain, any_recall, false_flags, b):
        test = {"attribution": {"source": source, "chain": chain, "kind": 1.0, "source, where the key has one": 1.0},
                "loaded": {"found recall": 1.0, "precision": 1.0, "voice (of found)": 1.0},
                "spin": {"recall, spinner 'rarest'": 1.0, "recall, spinner 'any'": any_recall,
                         "recall, spinner 'commonest'": 0.0, "false flags per 1,000 clean words": false_flags}}
        return {"test": test, "spin on article B (known=False)": b}

    sources = {"T1": {"part": "test", "published": "2022-01-06"}, "D1": {"part": "dev", "published": "2022-01-05"}}
    text = script.quality_markdown(result(0.85, 0.699, 0.50, 3.1, 0.60), sources=sources)
    assert ("met: right source in 85% of sentences, 50% of the toy spinner's swaps at random choice, "
            "60% of article B's swaps; **not met**: whole chain in 70%, "
            "at most 3 false flags per 1,000 clean words.") in text
    assert "**not met**" not in script.quality_markdown(result(0.9, 0.8, 0.6, 0.0, 0.7), sources=sources)
    assert "met: " not in script.quality_markdown(result(0.1, 0.1, 0.1, 9.0, 0.1), sources=sources)


def test_the_table_sets_a_second_readers_agreement_beside_the_extractor_when_there_is_one(script):
    test = {"attribution": {"source": 0.876, "chain": 0.779, "kind": 0.903, "source, where the key has one": 0.806},
            "loaded": {"found recall": 1.0, "precision": 1.0, "voice (of found)": 1.0},
            "spin": {"recall, spinner 'rarest'": 1.0, "recall, spinner 'any'": 0.5,
                     "recall, spinner 'commonest'": 0.0, "false flags per 1,000 clean words": 1.0}}
    sources = {"T1": {"part": "test", "published": "2022-01-06"}}
    plain = script.quality_markdown({"test": test, "spin on article B (known=False)": 0.5}, sources=sources)
    assert "second person" not in plain
    test["second reader"] = {"source": 0.982, "source, where the key has one": 0.985}
    text = script.quality_markdown({"test": test, "spin on article B (known=False)": 0.5}, sources=sources)
    row = next(line for line in text.splitlines() if "second person" in line)
    assert row.endswith("| 98.2% / 98.5% |")
    assert text.index("right source, per sentence | 87.6%") < text.index(row) < text.index("labelled words found")


def test_the_summary_describes_the_test_part_from_sources_csv(script):
    """How many test texts and which days: counted from sources.csv, so the
    README cannot keep describing a test part that has been replaced."""
    sources = {"T15": {"part": "test", "published": "2022-01-12"}, "T16": {"part": "test", "published": "2022-01-07"},
               "T17": {"part": "test", "published": "2022-01-09"}, "T6": {"part": "dev5", "published": "2022-01-05"}}
    assert script.describe_test_part(sources) == "three excerpts of real coverage of 7–12 January 2022"
    one = {"T15": {"part": "test", "published": "2022-01-08"}}
    assert script.describe_test_part(one) == "one excerpt of real coverage of 8 January 2022"


def test_write_docs_replaces_only_the_quality_section(script, monkeypatch, tmp_path):
    readme = tmp_path / "README.md"
    readme.write_text("# Course\n\nintro\n\n## How good?\n\nold table 74.0%\n\n## Performance\n\nfast\n", encoding="utf-8")
    monkeypatch.setattr(script, "DOCS", ((readme, "## How good?", "benchmarks/HELDOUT.md"),))
    monkeypatch.setattr(script, "quality_markdown", lambda result, link, heading: f"{heading}\n\nnew {result['x']}\n")
    assert script.write_docs({"x": "81.0%"}) == [readme]
    assert readme.read_text(encoding="utf-8") == "# Course\n\nintro\n\n## How good?\n\nnew 81.0%\n\n## Performance\n\nfast\n"
    assert script.write_docs({"x": "81.0%"}) == []  # nothing changed the second time
