"""medialit.spin: the spin map and the other lesson 04 data, find_spin,
restore and the toy spinner; lesson 04's self-checks."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pandas as pd
import pytest

from medialit import article_sentences, article_text
from medialit import spin as S
from medialit.readability import words, zipf
from medialit.selfcheck import evaluate
from medialit.selfcheck import lesson04

DATA = Path(__file__).resolve().parent.parent / "data"
KINDS = {"odd synonym", "broken fixed phrase", "meaning changed", "quotation altered",
         "attribution broken", "loaded word shifted", "spacing damage"}

# A clean news paragraph written for this test (not from the course texts).
CLEAN = (
    "The city council voted on Tuesday to keep the central library open on Sundays, reversing a decision "
    "made last year to save money. Members said the library had become one of the busiest public buildings "
    "in the city, with more than 2,000 visitors on a typical weekend. \"People told us they had nowhere else "
    "to study,\" said the council's deputy leader, who proposed the change. The extra hours will cost about "
    "40,000 pounds a year, which will come from the parks budget. Opponents warned that the parks department "
    "was already short of staff, and that the decision could mean fewer gardeners next spring. A spokesperson "
    "for the library staff union welcomed the vote but said workers had not yet been consulted about the new "
    "shifts. The council will review the plan in six months, when it expects to publish figures on visitor "
    "numbers and costs."
)


@pytest.fixture(scope="module")
def spin_map() -> pd.DataFrame:
    return S.spin_map()


def _spans_of_map(text: str, spin_map: pd.DataFrame, sentences) -> list[tuple[int, int]]:
    spans = []
    for row in spin_map.itertuples():
        start = text.index(sentences[row.sentence_id]) + sentences[row.sentence_id].index(row.phrase)
        spans.append((start, start + len(row.phrase)))
    return spans


def _overlaps(spans, found: pd.DataFrame) -> int:
    return sum(any(s < e2 and s2 < e for s2, e2 in zip(found["start"], found["end"])) for s, e in spans)


# --------------------------------------------------------------------------
# The spin map, checked against article B


def test_spin_map_rows_are_exact_substrings_of_article_b(spin_map, sentences):
    assert list(spin_map.columns) == ["spin_id", "sentence_id", "phrase", "likely_original", "original_status",
                                      "kind", "meaning_changed", "fingerprint", "confidence", "evidence", "source"]
    assert len(spin_map) >= 60
    # ids are never reused: a withdrawn row keeps its id in spin_withdrawn.csv
    withdrawn = pd.read_csv(DATA / "keys" / "spin_withdrawn.csv", dtype=str, keep_default_na=False)
    ids = spin_map["spin_id"].tolist() + withdrawn["spin_id"].tolist()
    assert sorted(ids) == [f"S{i:03d}" for i in range(1, len(ids) + 1)]
    assert spin_map["spin_id"].is_monotonic_increasing
    raw_b = article_text("B", clean_text=False)
    for row in spin_map.itertuples():
        where = f"spin_map.csv, {row.spin_id}"
        assert row.sentence_id.startswith("B") and row.sentence_id in sentences, f"{where}: no sentence"
        assert sentences[row.sentence_id].count(row.phrase) == 1, f"{where}: phrase not exactly once in its sentence"
        assert row.phrase in raw_b, f"{where}: phrase not in article B"
        assert row.original_status in {"attested", "inferred"}, f"{where}: status {row.original_status!r}"
        if row.original_status == "attested":
            # an attested original names its public source and quotes it
            assert row.source and "Attested" in row.evidence, f"{where}: attested without a source"
        else:
            assert "Attested" not in row.evidence, f"{where}: inferred, but the evidence says attested"
        assert row.likely_original.strip() and row.likely_original != row.phrase, f"{where}: no original"
        assert row.kind in KINDS, f"{where}: kind {row.kind!r}"
        assert row.meaning_changed in {"yes", "no"} and row.fingerprint in {"yes", "no"}, where
        assert row.confidence in {"high", "medium", "low"}, f"{where}: confidence"
        assert len(row.evidence) >= 50, f"{where}: evidence too short"
    # no two rows claim the same words
    spans = sorted((r.sentence_id, sentences[r.sentence_id].index(r.phrase),
                    sentences[r.sentence_id].index(r.phrase) + len(r.phrase)) for r in spin_map.itertuples())
    for (s1, _, e1), (s2, b2, _) in zip(spans, spans[1:]):
        assert s1 != s2 or b2 >= e1, f"overlapping spin map rows in {s1}"


def test_spin_map_evidence_quotes_article_a_correctly(spin_map, sentences):
    """Where the evidence quotes article A with a sentence id, e.g.
    “One of the officers was beheaded” (A05), the quote is in that sentence."""
    checked = 0
    for row in spin_map.itertuples():
        for quote, sid in re.findall(r"“([^”]+)”,? \(?(A\d\d)\)", row.evidence):
            for part in (p.strip() for p in quote.split("…")):
                assert part in sentences[sid], f"{row.spin_id}: “{part}” is not in {sid}"
                checked += 1
    assert checked >= 5


def test_fingerprints_never_occur_in_clean_text(spin_map):
    a = article_text("A").lower()
    for row in spin_map[spin_map["fingerprint"] == "yes"].itertuples():
        assert row.phrase.lower() not in a and row.phrase.lower() not in CLEAN.lower(), row.spin_id


def test_tortured_phrases_have_sources():
    table = pd.read_csv(DATA / "lexicons" / "tortured_phrases.csv", dtype=str, keep_default_na=False)
    assert list(table.columns) == ["phrase", "expected", "field", "source", "note"]
    assert len(table) >= 5 and table["phrase"].is_unique
    for row in table.itertuples():
        assert "arXiv:2107.06751" in row.source and row.expected and row.note, row.phrase


def test_synonym_table_shape():
    table = S.synonyms()
    assert list(table.columns) == ["word", "synonym", "pos", "wordnet_sense", "word_zipf", "synonym_zipf"]
    assert 1000 < len(table) < 20000
    assert not (table["word"] == table["synonym"]).any()
    assert set(table["pos"]) <= {"noun", "verb", "adjective", "adverb"}
    assert table.groupby("word").size().max() <= 5
    assert ("city", "metropolis") in set(zip(table["word"], table["synonym"]))


def test_tagger_key_spin_04(sentences, spin_map):
    key = pd.read_csv(DATA / "keys" / "spin_04.csv", dtype=str, keep_default_na=False)
    assert list(key.columns) == ["item_id", "article_id", "sentence", "highlight", "label", "answer", "rationale"]
    assert len(key) >= 10 and set(key["label"]) == {"swapped", "kept"}
    swapped_phrases = {(r.sentence_id, r.phrase) for r in spin_map.itertuples()}
    for row in key.itertuples():
        assert row.sentence == sentences[row.item_id], row.item_id
        assert row.sentence.count(row.highlight) == 1, f"{row.item_id}: highlight must occur once"
        inside_map = any(sid == row.item_id and (row.highlight in p or p in row.highlight)
                         for sid, p in swapped_phrases)
        assert inside_map == (row.label == "swapped"), f"{row.item_id}: label disagrees with the spin map"
        if row.label == "swapped":
            # plain words for students: no spin ids or file paths in the feedback
            assert not re.search(r"\b[SL]\d{2,3}\b|data/|\.csv|Zipf", row.rationale), row.item_id
            same = spin_map[(spin_map["sentence_id"] == row.item_id)
                            & spin_map["phrase"].str.contains(row.highlight, regex=False)]
            status = same.iloc[0]["original_status"]
            assert status in row.rationale, f"{row.item_id}: the rationale must say the original is {status}"
        else:
            assert row.answer == row.highlight, row.item_id
        assert row.answer.strip(), row.item_id


def test_tagger_write_in_accepts_the_spin_maps_original():
    from medialit import Tagger

    tagger = Tagger.from_key("spin_04", choices=[("swapped", "swapped"), ("kept", "kept")],
                             write_in="The original word", write_in_check="match", autosave=False)
    tagger.tag("B01", "swapped")
    tagger.write("B01", " Allies ")
    tagger.write("B09", "paint")
    feedback = tagger.feedback().set_index("item_id")
    assert feedback.loc["B01", "text_result"] == "match"
    assert feedback.loc["B09", "text_result"] == "differs"
    assert "Abettors" in feedback.loc["B01", "rationale"]


# --------------------------------------------------------------------------
# find_spin


def test_find_spin_recall_on_the_spin_map(spin_map, sentences):
    b = article_text("B")
    spans = _spans_of_map(b, spin_map, sentences)
    found = S.find_spin(b)
    assert _overlaps(spans, found) == len(spans)  # with the spin map: everything
    blind = S.find_spin(b, known=False)
    recall = _overlaps(spans, blind) / len(spans)
    assert 0.3 <= recall < 1, f"blind recall {recall:.2f}"
    # every spin-map word rarer than Zipf 2 is found without the map
    rare_rows = [s for s, r in zip(spans, spin_map.itertuples())
                 if any(zipf(w) < 2 for w in words(r.phrase) if not w[:1].isupper())]
    assert _overlaps(rare_rows, blind) == len(rare_rows)


@pytest.mark.parametrize("name, text, limit", [("article A", None, 3.0), ("clean paragraph", CLEAN, 0.0)])
def test_find_spin_false_positives_per_1000_words(name, text, limit):
    text = text or article_text("A")
    found = S.find_spin(text)
    per_1000 = 1000 * len(found) / len(words(text))
    assert per_1000 <= limit, f"{name}: {per_1000:.1f} flags per 1,000 words: {found['phrase'].tolist()}"


def test_find_spin_columns_offsets_and_order():
    text = article_text("B")
    found = S.find_spin(text)
    assert list(found.columns) == ["phrase", "start", "end", "likely_original", "evidence", "score", "kind"]
    assert all(text[s:e] == p for s, e, p in zip(found["start"], found["end"], found["phrase"]))
    assert found["start"].is_monotonic_increasing
    assert (found["score"].between(0.5, 1)).all() and found["evidence"].str.len().min() > 20
    assert all(e <= s for e, s in zip(found["end"], found["start"][1:]))  # no overlaps


def test_find_spin_on_other_text():
    text = ("Scientists used counterfeit consciousness to study the data. The 29- time-old nurse "
            "said the hospital, built four times ago, was closing. Mr Ortega's abettors left.")
    found = S.find_spin(text).set_index("phrase")
    assert found.loc["counterfeit consciousness", "likely_original"] == "artificial intelligence"
    assert found.loc["counterfeit consciousness", "kind"] == "tortured phrase"
    assert found.loc["29- time-old", "likely_original"] == "29-year-old"
    assert found.loc["four times ago", "likely_original"] == "four years ago"
    assert "abettors" in found.index and "Ortega" not in " ".join(found.index)


def test_find_spin_min_score_and_names():
    b = article_text("B")
    assert len(S.find_spin(b, min_score=0.9)) < len(S.find_spin(b))
    names = {"Tokayev", "Nazarbayev", "Nazarbayev’s", "Taldykorgan", "Almaty"}
    assert not names & set(S.find_spin(b, known=False)["phrase"])


def test_speed_after_first_call():
    """find_spin() and scores() on an article-length text they have not seen
    before take under 0.1 s once the word lists are loaded (best of three
    new texts, so that a busy machine does not make the test flaky)."""
    from medialit.readability import scores

    a = article_text("A")
    S.find_spin(a), scores(a)  # first calls load the word lists and the pronouncing dictionary
    new_texts = [S.spin(a, seed=9000 + i, rate=0.3) for i in range(3)]  # unseen: nothing cached per text
    for function in (S.find_spin, scores):
        times = []
        for text in new_texts:
            start = time.perf_counter()
            function(text)
            times.append(time.perf_counter() - start)
        assert min(times) < 0.1, f"{function.__name__}: {min(times):.3f} s"


# --------------------------------------------------------------------------
# restore


def test_restore_article_b(spin_map):
    b = article_text("B")
    restored, changes = S.restore(b, table=True)
    assert len(changes) == len(spin_map)
    for phrase in ["30 years of independence", "largest city", "spokesman Ned Price", "Looters came in",
                   "“ Old Man, Out!”", "several witnesses confirmed to AFP", "Reuters reporters"]:
        assert phrase in restored
    for phrase in ["megacity", "abettors", "Eschewal", "dogfaces", "prophet"]:
        assert phrase not in restored
    assert all(b[s:e] == p for s, e, p in zip(changes["start"], changes["end"], changes["phrase"]))


def test_restore_leaves_clean_text_alone_and_fixes_fingerprints_anywhere():
    assert S.restore(CLEAN) == CLEAN
    assert S.restore(article_text("A")) == article_text("A")
    assert S.restore("After 30 times of independence, the country voted.") == \
        "After 30 years of independence, the country voted."
    # context-specific swaps ("abettors") are only undone inside article B's sentences
    assert S.restore("The thief and his abettors fled.") == "The thief and his abettors fled."
    assert "allies" in S.restore(article_sentences(["B"]).set_index("sentence_id").loc["B16", "text"])


# --------------------------------------------------------------------------
# spin


def test_spin_is_seeded_and_reproducible():
    a = article_text("A")
    assert S.spin(a, seed=3) == S.spin(a, seed=3)
    assert S.spin(a, seed=3) != S.spin(a, seed=4)
    assert S.spin(a, rate=0) == a


def test_spin_swaps_only_table_words_and_keeps_names():
    a = article_text("A")
    spun, swaps = S.spin(a, seed=1, rate=1.0, table=True)
    table = S.synonyms()
    pairs = set(zip(table["word"], table["synonym"]))
    assert len(swaps) > 100
    for row in swaps.itertuples():
        assert spun[row.start:row.end] == row.synonym
        assert (row.word.lower(), row.synonym.lower()) in pairs
    for name in ["Tokayev", "Nazarbayev", "TASS", "Almaty", "Kazakhstan"]:
        assert name in spun


def test_rarest_spinner_is_easier_to_detect_than_commonest():
    rates = lesson04.detection_rates()
    # the rarest synonyms are the easiest to see; the commonest leave little
    # trace (at most a thesaurus link to a far commoner word)
    assert rates["rarest"] > 0.6 and rates["commonest"] < 0.35
    assert rates["rarest"] > 2 * rates["commonest"]


@pytest.mark.parametrize("function", [S.find_spin, S.restore, S.spin])
@pytest.mark.parametrize("bad, words_in_message", [
    ("", "empty"),
    ("   \n ", "empty"),
    ("12 345 6789 2022", "no words"),
    ("POLICE SAID THEY HAD KILLED DOZENS OF PROTESTERS IN THE MAIN CITY.", "capital letters"),
    ("Die Polizei sagte am Donnerstag, dass Dutzende Demonstranten getötet wurden.", "English"),
    ("Полиция заявила, что убила десятки протестующих.", "English"),
    (None, "piece of text"),
])
def test_bad_input_gives_a_clear_message(function, bad, words_in_message):
    with pytest.raises(ValueError, match=words_in_message):
        function(bad)


def test_spin_argument_checks():
    with pytest.raises(ValueError, match="rate"):
        S.spin("The city was quiet.", rate=2)
    with pytest.raises(ValueError, match="choose"):
        S.spin("The city was quiet.", choose="random")


# --------------------------------------------------------------------------
# Lesson 04 self-checks: right answers pass, wrong ones get hints


# Expected answers pinned (not computed by the checks' own code, so a wrong
# check fails). 04.1: the lower-case words of data/articles/b_spun_copy.txt
# whose wordfreq.zipf_frequency(w, "en") is 0, found with a plain regex
# (letters, apostrophes inside, hyphens splitting words) and wordfreq directly.
# 04.3, 04.5, 04.6: the values the committed solutions/04_spun_text.ipynb
# computes in its own cells ("rare words per 1,000" changes by -50.1 %; 37.2
# rare words per 1,000 more; 77 % and 23 % of the swaps found).
UNKNOWN_WORDS_B = ["bestrew", "dogfaces", "fleetly", "insolvable", "intelligencers", "ofex", "substantiations",
                   "theex"]
SPUN_RARE_CHANGE = 37.2
DETECTION_RATES = {"rarest": 0.79, "commonest": 0.21}  # 0.77 / 0.18 before the context clue (sixth pass)


def test_selfcheck_correct_answers():
    assert evaluate("04.1", UNKNOWN_WORDS_B)[0] == "correct"
    assert evaluate("04.1", ", ".join(UNKNOWN_WORDS_B).upper())[0] == "correct"
    assert evaluate("04.1", UNKNOWN_WORDS_B[:-1])[0] == "incorrect"
    assert evaluate("04.2", ["B10", "B25", "b34"])[0] == "correct"
    assert evaluate("04.3", "rare words per 1,000")[0] == "correct"
    b13 = ("But the violence was unprecedented in a state ruled firmly since Soviet times by leader Nursultan "
           "Nazarbayev, who held on to power despite stepping down three years ago as president.")
    assert evaluate("04.4", b13)[0] == "correct"
    assert evaluate("04.5", SPUN_RARE_CHANGE)[0] == "correct"
    assert evaluate("04.5", SPUN_RARE_CHANGE + 1)[0] == "incorrect"
    assert evaluate("04.6", DETECTION_RATES)[0] == "correct"
    assert evaluate("04.6", {k: 100 * v for k, v in DETECTION_RATES.items()})[0] == "correct"
    assert evaluate("04.6", {"rarest": 0.77, "commonest": 0.33})[0] == "incorrect"


def test_selfcheck_wrong_answers_get_hints():
    status, message = evaluate("04.1", ["bestrew", "Tokayev"])
    assert status == "incorrect" and "1 of" in message and "tokayev" in message
    assert "kind" in evaluate("04.2", ["B10"])[1]
    assert evaluate("04.3", "Flesch reading ease")[0] == "incorrect"
    assert "not one of the measures" in evaluate("04.3", "loudness")[1]
    status, message = evaluate("04.4", "But the violence was unknown in a state.")
    assert status == "incorrect" and "Still spun" in message
    assert "wrong sign" in evaluate("04.5", -SPUN_RARE_CHANGE)[1]
    assert evaluate("04.6", {"rarest": 0.1, "commonest": 0.9})[0] == "incorrect"


# --------------------------------------------------------------------------
# The rules are only tried near their clues (for speed); they must find
# exactly what a scan of the whole text finds.

from hypothesis import given, settings, strategies as st  # noqa: E402

_PIECES = ["30", "123456789012345678901234567", "three", "a few", "several", "Twenty", "times", "time", "TIMES",
           "old", "ago", "agone", "of", "independence", "rule", "ruler", "-", "- ", "  ", " ", "x", "the", "theex-leader",
           "year", ".", "\n", "time-old", "2"]


def _whole_text_scan(text: str) -> list[tuple[int, int, str]]:
    return sorted((m.start(), m.end(), m.expand(replacement))
                  for pattern, replacement, *_ in S._RULES for m in pattern.finditer(text))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=30), st.lists(st.sampled_from(["", " ", "-"]), max_size=30))
def test_rules_near_their_clues_find_what_a_whole_text_scan_finds(pieces, joints):
    text = "".join(p + (joints[i] if i < len(joints) else " ") for i, p in enumerate(pieces))
    found = sorted((c["start"], c["end"], c["likely_original"]) for c in S._rule_candidates(text))
    assert found == _whole_text_scan(text)


def test_rules_on_the_articles_find_what_a_whole_text_scan_finds():
    for article in "AB":
        text = article_text(article)
        found = sorted((c["start"], c["end"], c["likely_original"]) for c in S._rule_candidates(text))
        assert found == _whole_text_scan(text)
        assert article == "A" or len(found) >= 3  # B has "30 times of independence" and more


def test_an_uncommon_word_with_a_far_commoner_synonym_is_a_candidate():
    """metropolis (Zipf 3.6) is not rare, but a thesaurus lists it for city
    (Zipf 5.6): the swap a spinner makes. Among other candidates it is
    flagged; the plain word is not."""
    found = S.find_spin("The dogfaces and abettors guarded the metropolis on Friday.", known=False)
    assert found[["phrase", "likely_original"]].values.tolist()[-1] == ["metropolis", "city"]
    assert "far commoner “city”" in found["evidence"].iloc[-1]
    assert S.find_spin("The soldiers guarded the city on Friday.", known=False).empty


# --------------------------------------------------------------------------
# Fewer false flags on clean news (fourth pass, benchmarks/HELDOUT.md)


def test_a_lone_uncommon_word_is_not_flagged():
    """A writer's one unusual word stands alone; a spinner swaps many words
    of each sentence. Uncommon words and rare words commoner than about
    Zipf 2 are reported only with other candidates within 25 words."""
    clean = "Protesters had stormed and set alight government buildings, witnesses said on Thursday."
    assert S.find_spin(clean, known=False).empty  # stormed (for surprised), alight (for light): 2 weak
    metropolis = S.find_spin("Troops guarded the metropolis on Friday.", known=False)
    assert metropolis.empty
    spun = "The dogfaces had stormed and set alight government structures, abettors said."
    assert {"stormed", "alight"} <= set(S.find_spin(spun, known=False)["phrase"])


def test_commoner_synonyms_and_rarish_words_count_among_other_candidates():
    """Among strong candidates, an uncommon word up to Zipf 4.8 with a
    synonym 1 Zipf commoner ("employed", Zipf 4.4, for used) and a rare
    word of Zipf 2.5-3 ("thoroughfares") are flagged too."""
    spun = "The dogfaces employed the thoroughfares of the megacity."
    found = S.find_spin(spun, known=False).set_index("phrase")
    assert {"dogfaces", "employed", "thoroughfares", "megacity"} <= set(found.index)
    assert found.loc["employed", "likely_original"] == "used"


@pytest.mark.parametrize("text, name", [
    ("Kassym-Jomart Tokayev’s office said the situation was under control.", "Kassym"),
    ("Saule, a 58-year-old construction worker, said the square was empty.", "Saule"),
    ("Aigerim, 34, said the square was empty.", "Aigerim"),
])
def test_a_name_at_the_start_of_a_sentence_is_not_a_rare_word(text, name):
    """A capitalised word that starts a sentence is a name when a hyphen
    joins it to another capitalised word or when an age follows it."""
    assert name not in set(S.find_spin(text, known=False)["phrase"])


def test_a_sentence_start_that_is_no_name_is_still_flagged():
    found = S.find_spin("Abettors of the dogfaces, the police said, fled.", known=False)
    assert {"Abettors", "dogfaces"} <= set(found["phrase"])


@pytest.mark.parametrize("word, zipf_at_least, score_below", [
    ("ombudswoman", 3.1, 0.6),  # the list lacks it; "ombudsman" is Zipf 3.1
    ("splatterings", 2.1, 0.6),  # the list lacks it; "splattering" is Zipf 2.15
])
def test_a_form_the_word_list_lacks_takes_the_zipf_of_its_commoner_form(word, zipf_at_least, score_below):
    """Not "never seen" (Zipf 0, score 1): the feminine of an "-man" word,
    and an inflection of a word the list knows, are as rare as that word."""
    (row,) = [c for c in S._rare_candidates(f"The {word} were there.") if c["phrase"] == word]
    assert row["score"] < score_below
    assert float(row["evidence"].split("Zipf ")[1][:3]) >= zipf_at_least


def test_a_line_break_after_an_opening_quotation_mark_still_starts_the_sentence():
    """Article B's heading "‘\\nBuccaneers came in’": the word after the
    mark and the line break starts its sentence, so it is no name."""
    text = "Shops were looted overnight.‘\nAbettors came in’\nThe police said so."
    assert "Abettors" in set(S.find_spin(text, known=False)["phrase"])


# --------------------------------------------------------------------------
# Spin in context (sixth pass, benchmarks/HELDOUT.md): a word that does not
# go with its neighbour, where a commoner synonym does. Sentences written
# for these tests.

SPUN_PAIRS = ("The subject security council met on Friday and said the conflict against the rebels "
              "would last a instant longer in the metropolis.")


def test_a_synonym_that_breaks_a_common_pair_is_flagged_with_the_word_that_fits():
    found = S.find_spin(SPUN_PAIRS, known=False).set_index("phrase")
    assert {"subject": "national", "conflict": "fight", "instant": "moment"}.items() <= \
        dict(found["likely_original"]).items()
    assert set(found.loc[["subject", "conflict", "instant"], "kind"]) == {"odd word pair"}
    evidence = found.loc["subject", "evidence"]
    assert "“subject security” is rare in books" in evidence and "“national security” is common" in evidence


def test_the_pairs_that_fit_are_not_flagged():
    clean = ("The national security council met on Friday and said the fight against the rebels "
             "would last a moment longer in the city.")
    assert S.find_spin(clean, known=False).empty


def test_an_odd_pair_is_a_weak_candidate_that_needs_company():
    """One odd pair in a clean sentence is not reported; among other
    candidates (SPUN_PAIRS) it is."""
    alone = ("The subject security council met on Friday and said the fight against the rebels "
             "would last a moment longer in the city.")
    assert S.find_spin(alone, known=False).empty
    assert "subject" in set(S.find_spin(SPUN_PAIRS, known=False)["phrase"])
    (row,) = [c for c in S.find_spin(SPUN_PAIRS, known=False, min_score=0).itertuples() if c.phrase == "subject"]
    assert S.MIN_SCORE <= row.score < S.STRONG_SCORE


def test_the_context_clue_skips_names_and_needs_a_plain_space():
    from medialit.spin_context import context_candidates
    from medialit.words import WORD

    def odd(text):
        return [c["phrase"] for c in context_candidates(text, list(WORD.finditer(text)), {0})]

    assert odd("They met the subject security council.") == ["subject"]
    assert odd("They met the Subject Security council.") == []  # capitalised inside a sentence: a name
    assert odd("They met the subject, security council.") == []  # a comma between: no pair
    assert odd("Subject security was discussed.") == ["Subject"]  # a sentence start is no name


def test_pair_counts_come_from_the_shipped_table():
    from medialit.spin_context import pair_count

    assert pair_count("national", "security") == 8.2
    assert pair_count("National", "Security") == 8.2
    assert pair_count("subject", "security") is None
    assert pair_count("hard", "to") > 9


def test_the_pair_table_holds_only_pairs_with_a_synonym_table_word_sorted():
    import gzip

    synonyms = pd.read_csv(DATA / "lexicons" / "synonyms.csv", dtype=str, keep_default_na=False)
    wanted = set(synonyms["word"]) | set(synonyms["synonym"])
    with gzip.open(DATA / "lexicons" / "roget_groups.tsv.gz", "rt", encoding="ascii") as f:
        wanted |= {line.split("\t")[0] for line in f if not line.startswith("#")}
    with gzip.open(DATA / "lexicons" / "bigrams_en.tsv.gz", "rb") as f:
        assert next(f).startswith(b"# first second\tlog10")
        lines = [line.rstrip(b"\n") for line in f]
    assert len(lines) > 100_000 and lines == sorted(lines)  # by bytes: medialit bisects it
    rows = [line.decode("ascii").split("\t") for line in lines]
    pairs = [r[0].split(" ") for r in rows]
    assert all(len(p) == 2 and (p[0] in wanted or p[1] in wanted) for p in pairs)
    assert all(len(r) == 2 and 6.8 <= float(r[1]) < 12 for r in rows)
    assert len({r[0] for r in rows}) == len(rows)


def test_the_pair_table_is_derived_from_symspellpy_when_it_is_installed():
    import subprocess
    import sys

    pytest.importorskip("symspellpy")
    root = Path(__file__).resolve().parent.parent
    done = subprocess.run([sys.executable, str(root / "scripts" / "derive_bigrams.py"), "--check"],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


# --------------------------------------------------------------------------
# Roget's groups as the context clue's second thesaurus (sixth pass, second
# part, benchmarks/HELDOUT.md).  Sentences written for these tests.


def test_roget_groups_link_words_the_synonym_table_does_not():
    from medialit.spin_context import roget_options

    mates = dict(roget_options("hostel"))
    assert mates["hotel"] > 4.5 and mates["inn"] > 3.5
    assert "ruins" in dict(roget_options("remains"))
    assert "buildings" in dict(roget_options("structures"))  # the table has "structure": the plural is put back
    assert "troop" not in dict(roget_options("troop")) and roget_options("qwertyuiop") == []
    table = S.synonyms()
    assert table[(table["word"] == "hotel") & (table["synonym"] == "hostel")].empty


ROGET_SPUN = SPUN_PAIRS + " It is delicate to say when the fighting will end."


def test_a_roget_group_mate_that_fits_the_neighbour_flags_the_odd_word():
    found = S.find_spin(ROGET_SPUN, known=False).set_index("phrase")
    assert "delicate" in found.index
    row = found.loc["delicate"]
    assert row["kind"] == "odd word pair" and row["score"] == 0.54
    assert "“delicate to” is rare in books" in row["evidence"]
    assert "“delicate” may be a thesaurus swap" in row["evidence"]


def test_a_roget_only_candidate_is_weak_and_lends_no_support():
    from medialit.spin_context import ROGET_SCORE

    assert S.MIN_SCORE <= ROGET_SCORE < S.STRONG_SCORE
    assert S.find_spin("It is delicate to say when the fighting will end.", known=False).empty
    # three Roget-only odd pairs around one WordNet odd pair: none of them is support enough
    lonely = ("It is delicate to say whether he met his precursor, delicate to judge, "
              "and the subject security council met on Friday.")
    assert S.find_spin(lonely, known=False).empty


def test_the_synonym_tables_guess_comes_before_rogets():
    found = S.find_spin(ROGET_SPUN, known=False).set_index("phrase")
    assert found.loc["subject", "likely_original"] == "national" and found.loc["subject", "score"] == 0.55


def test_the_roget_table_is_sorted_and_derived_from_pyroget_when_it_is_installed():
    import gzip
    import subprocess
    import sys

    with gzip.open(DATA / "lexicons" / "roget_groups.tsv.gz", "rb") as f:
        header = next(f)
        assert header.startswith(b"# word\tits Roget's Thesaurus (1911, public domain) category numbers")
        lines = [line.rstrip(b"\n") for line in f]
    assert len(lines) > 10_000 and lines == sorted(lines)  # by bytes: medialit bisects it
    rows = [line.decode("ascii").split("\t") for line in lines]
    words = {r[0]: r[1].split() for r in rows if not r[0].startswith("~")}
    groups = {r[0][1:]: r[1].split() for r in rows if r[0].startswith("~")}
    assert len(words) > 10_000 and 900 < len(groups) < 1100 and len(words) + len(groups) == len(rows)
    for number, values in groups.items():  # "Zipf word Zipf word ...", commonest first, each word listing the group
        zipfs = [float(z) for z in values[::2]]
        assert zipfs == sorted(zipfs, reverse=True) and min(zipfs) >= 3.0
        assert all(number in words[w] for w in values[1::2])
    pytest.importorskip("PyRoget")
    root = Path(__file__).resolve().parent.parent
    done = subprocess.run([sys.executable, str(root / "scripts" / "derive_roget.py"), "--check"],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
