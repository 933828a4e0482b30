"""medialit.nltkparts loads NLTK's Punkt and Porter modules without the rest
of NLTK (issue 16): the sentence splits and the stems must be NLTK's own,
and a later ``import nltk`` must give the whole of NLTK as usual."""

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# In a fresh process (in this one other tests may have imported NLTK already,
# and then nltkparts simply uses it): split and stem with medialit first, then
# import NLTK the usual way and do the same with its classes.
_COMPARE = r"""
import json, sys
from pathlib import Path
from medialit.corpus import _ABBREVIATIONS, _SENTENCE_STARTERS, _tokenizer, article_text, split_sentences
from medialit.lexicon import _stemmer
from medialit.words import words

root = Path(sys.argv[1])
texts = [article_text("A"), article_text("B")]
texts += [p.read_text(encoding="utf-8") for p in sorted((root / "data" / "heldout").glob("d*.txt"))]
ours = [list(_tokenizer().span_tokenize(t)) for t in texts]
ours_lines = [split_sentences(t)[["start", "end"]].values.tolist() for t in texts]
import gzip
listed = gzip.decompress((root / "data" / "lexicons" / "wordfreq_en_zipf.tsv.gz").read_bytes()).decode().splitlines()
vocabulary = sorted({w.lower() for t in texts for w in words(t)} | {row.split("\t")[0] for row in listed[1::40]})
our_stems = [_stemmer().stem(w) for w in vocabulary]
whole_nltk_before = [m for m in ("nltk", "nltk.text", "nltk.corpus", "nltk.parse") if m in sys.modules]

import nltk
from nltk.stem import PorterStemmer
from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

params = PunktParameters()
params.abbrev_types = set(_ABBREVIATIONS)
params.sent_starters = set(_SENTENCE_STARTERS)
theirs = [list(PunktSentenceTokenizer(params).span_tokenize(t)) for t in texts]
print(json.dumps({
    "texts": len(texts), "sentences": sum(map(len, ours)), "words": len(vocabulary),
    "same_splits": ours == theirs, "same_stems": our_stems == [PorterStemmer().stem(w) for w in vocabulary],
    "separate_load": type(_tokenizer()) is not PunktSentenceTokenizer,
    "whole_nltk_before": whole_nltk_before,
    "whole_nltk_after": all(hasattr(nltk, n) for n in ("download", "word_tokenize", "FreqDist", "Text"))
                        and nltk.tokenize.punkt.PunktSentenceTokenizer is PunktSentenceTokenizer,
    "same_lines_again": ours_lines == [split_sentences(t)[["start", "end"]].values.tolist() for t in texts],
}))
"""


def _run(code: str, *args: str) -> dict:
    done = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_splits_and_stems_are_nltks_own_and_nltk_still_imports_whole():
    found = _run(_COMPARE, str(ROOT))
    assert found["texts"] >= 17 and found["sentences"] > 200 and found["words"] > 8000
    assert found["separate_load"]  # the comparison is between two loads of NLTK's files
    assert found["same_splits"] and found["same_stems"] and found["same_lines_again"]
    assert found["whole_nltk_before"] == []  # medialit did not import all of NLTK
    assert found["whole_nltk_after"]  # and a student's `import nltk` is the usual one


def test_a_first_check_article_imports_no_more_of_nltk_than_punkt_and_porter():
    code = ("import json, sys\nfrom medialit.corpus import article_text\nfrom medialit.report import check_article\n"
            "check_article(article_text('A') + '\\n\\n' + article_text('B'))\n"
            "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] == 'nltk')))\n")
    assert _run(code) == []  # the parts it loaded were taken back out of sys.modules


def test_with_nltk_already_imported_its_own_classes_are_used():
    code = ("import json, nltk\nfrom medialit.nltkparts import punkt_and_porter\n"
            "from nltk.stem.porter import PorterStemmer\nfrom nltk.tokenize.punkt import PunktSentenceTokenizer\n"
            "parts = punkt_and_porter()\n"
            "print(json.dumps([parts.PorterStemmer is PorterStemmer, "
            "parts.PunktSentenceTokenizer is PunktSentenceTokenizer]))\n")
    assert _run(code) == [True, True]
