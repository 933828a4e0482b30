"""A trial, not shipped: would a language model, a larger thesaurus or web
bigram counts lift find_spin(known=False) on article B to 60% without more
false flags?  (issue 16, seventh pass; benchmarks/HELDOUT.md "Seventh pass").

Nothing here is used by the course.  It patches ``medialit.spin`` in this
process only and prints, for each variant, the false flags per 1,000 clean
words and the toy spinner's random-choice recall on every dev part, and
article B's recall (the same figures as benchmarks/spin_flags.py; the
held-out test part is never read).  The three sources are fetched by hand
from the package registries:

    # CMU Sphinx's US English trigram model, shipped in pocketsphinx 5.1.1 (BSD-style licence)
    python3 -m venv /tmp/ps && /tmp/ps/bin/pip install pocketsphinx==5.1.1
    /tmp/ps/bin/python -c "import os, pocketsphinx as p; m = p.NGramModel.readfile(os.path.join(p.get_model_path(), 'en-us/en-us.lm.bin')); m.write('/tmp/en-us.arpa', p.NGramModel.str_to_type('arpa'))"
    # Moby Thesaurus II (public domain), as packed in the npm package moby 1.1.2 (MIT)
    npm pack moby@1.1.2
    # Norvig's Google Web 1T bigram counts, as shipped in wordsegment 1.3.1 (Apache-2.0)
    pip download --no-deps wordsegment==1.3.1

    .venv/bin/python benchmarks/spin_lm_trial.py --arpa /tmp/en-us.arpa --moby moby-1.1.2.tgz \\
        --wordsegment wordsegment-1.3.1-py2.py3-none-any.whl [--only NAME ...] [--show NAME]

The variants (``VARIANTS``) add a candidate, "the language model prefers a
synonym here", to the shipped clues: for a word of Zipf <= 5.5 that is not a
name, with a neighbour (one space away) whose pair with it the model does
not list, each synonym ``s`` (from the course's synonym table, Roget's
groups at least 1 Zipf commoner, and optionally Moby) whose pair with that
neighbour it does list is scored by how much better ``s`` fits both
neighbours: "raw" = the gain in log10 P(word | previous) + log10 P(next |
word); "pmi" = the same less each word's own log10 probability (so a
commoner word does not win by being common).  A gain of at least ``gain``
makes a weak candidate (score 0.55; with ``strong`` a gain that large makes
it strong, i.e. reported without support).
"""

from __future__ import annotations

import argparse
import math
import sys
import tarfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "scripts"), str(ROOT / "benchmarks")]

import evaluate_heldout as E  # noqa: E402
import spin_flags as SF  # noqa: E402

import medialit.spin as S  # noqa: E402
import medialit.spin_context as C  # noqa: E402
from medialit.readability import zipf  # noqa: E402
from medialit.spin_data import _data  # noqa: E402
from medialit.words import WORD  # noqa: E402

DEFAULTS = dict(lmclue=True, mode="pmi", gain=3.0, strong=None, supports=True, roget=True, moby=False,
                google=None, moby_roget=False, lmfilter=False, veto=False, nosup=False, web=False, web_offset=1.8,
                roget_gap=C.ROGET_GAP, roget_common=C.ROGET_COMMON)
VARIANTS = {
    "shipped": dict(lmclue=False),
    "raw >= 3": dict(mode="raw", gain=3.0),
    "raw >= 2": dict(mode="raw", gain=2.0),
    "pmi >= 2": dict(gain=2.0),
    "pmi >= 3": dict(gain=3.0),
    "pmi >= 2, no Roget": dict(gain=2.0, roget=False),
    "pmi >= 3, lends no support": dict(gain=3.0, supports=False),
    "pmi >= 2, strong from 3": dict(gain=2.0, strong=3.0),
    "pmi >= 3, + Moby": dict(gain=3.0, moby=True),
    "pmi >= 2.3, + Moby, strong from 2.3, no Roget": dict(gain=2.3, moby=True, strong=2.3, roget=False),
    "pmi >= 2, + Moby, books pair >= 10^7.5": dict(gain=2.0, moby=True, google=7.5),
    "shipped, + Moby's links beside Roget's (gap 2.0, pair >= 10^8.5)": dict(lmclue=False, moby_roget=True),
    "  the same, gap 1.5": dict(lmclue=False, moby_roget=True, roget_gap=1.5),
    "shipped, odd only if the model lacks the pair too": dict(lmclue=False, lmfilter=True),
    "  the same, Roget gap 1.0, pair >= 10^8.0": dict(lmclue=False, lmfilter=True, roget_gap=1.0, roget_common=8.0),
    "shipped, a weak word the model finds in place is dropped": dict(lmclue=False, veto=True),
    "shipped, + web 1T pairs": dict(lmclue=False, web=True),
    "shipped, + web 1T pairs (x 10^2.3)": dict(lmclue=False, web=True, web_offset=2.3),
    "shipped, no support rule (upper bound)": dict(lmclue=False, nosup=True),
    "pmi >= 2, no support rule (upper bound)": dict(gain=2.0, nosup=True),
}
P = dict(DEFAULTS)
ENDINGS = (("ies", "y", "ies"), ("s", "", "s"), ("ed", "", "ed"), ("ed", "e", "d"), ("ing", "", "ing"), ("ing", "e", "ing"))


def read_arpa(path):
    """{word: (log10 p, log10 backoff)}, {(w1, w2): log10 p(w2 | w1)}."""
    uni, bi, section = {}, {}, None
    with open(path, encoding="latin-1") as f:
        for line in f:
            if line.startswith("\\"):
                section = line.strip()
                continue
            p = line.rstrip("\n").split("\t")
            if section == "\\1-grams:" and len(p) >= 2:
                uni[p[1]] = (float(p[0]), float(p[2]) if len(p) > 2 else 0.0)
            elif section == "\\2-grams:" and len(p) >= 3:
                bi[(p[1], p[2])] = float(p[0])
    return uni, bi


def read_moby(tgz):
    """Moby's links, both ways, single lower-case words only."""
    with tarfile.open(tgz) as t:
        lines = t.extractfile("package/words.txt").read().decode("latin-1").split("\n")
    linked = {}
    for line in lines:
        head, *rest = line.split(",")
        if not (head.isalpha() and head.islower()):
            continue
        for s in rest:
            if s.isalpha() and s.islower():
                linked.setdefault(head, set()).add(s)
                linked.setdefault(s, set()).add(head)
    return linked


def read_web(wheel):
    with zipfile.ZipFile(wheel) as z:
        lines = z.read("wordsegment/bigrams.txt").decode("utf-8").split("\n")
    return {k: math.log10(int(v)) for k, v in (line.split("\t") for line in lines if line)}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--arpa", required=True)
    parser.add_argument("--moby", required=True)
    parser.add_argument("--wordsegment", required=True)
    parser.add_argument("--only", nargs="*", help="variant names (default: all)")
    parser.add_argument("--show", help="a variant whose flags on the clean dev texts to print")
    args = parser.parse_args(argv)
    uni, bi = read_arpa(args.arpa)
    moby, web = read_moby(args.moby), read_web(args.wordsegment)

    def lp(a, b):  # log10 P(b | a), backing off to b's own probability
        v = bi.get((a, b))
        return v if v is not None else (uni[a][1] if a in uni else 0.0) + uni[b][0]

    def sides(text, matches, i):
        m, out = matches[i], []
        for j, before in ((i - 1, True), (i + 1, False)):
            if 0 <= j < len(matches):
                gap = text[matches[j].end():m.start()] if before else text[m.end():matches[j].start()]
                if gap == " ":
                    out.append((C._plain(matches[j].group(0)), before))
        return out

    def pair(o, w, before):
        return (o, w) if before else (w, o)

    def moby_options(w):
        out = set(moby.get(w, ()))
        for end, add, put in ENDINGS:
            if w.endswith(end) and len(w) > len(end) + 2:
                out |= {(m[:-1] if add and m.endswith(add) else m) + put for m in moby.get(w[:-len(end)] + add, ())}
        return out

    def lm_candidates(text, matches, starts):
        found, commoner = [], _data().commoner
        for i, m in enumerate(matches):
            word = m.group(0)
            w = C._plain(word)
            if (word[:1].isupper() and m.start() not in starts) or word.isupper() or not w.isalpha() or w not in uni:
                continue
            wz = zipf(w)
            near = [(o, b) for o, b in sides(text, matches, i) if o in uni]
            odd = [(o, b) for o, b in near if pair(o, w, b) not in bi]
            if wz > 5.5 or not odd:
                continue
            options = {o for o, z in (commoner.get(w) or ()) if z >= wz}
            if P["moby"]:
                options |= {o for o in moby_options(w) if o in uni and zipf(o) >= wz}
            if P["roget"]:
                options |= {o for o, _ in C.roget_options(w, wz + 1.0)}
            options = [o for o in options if o in uni and o.isalpha()]

            def fit(x):
                return sum((lp(o, x) if b else lp(x, o)) - (P["mode"] == "pmi") * uni[x if b else o][0] for o, b in near)

            best = None
            for s in options:
                if not any(pair(o, s, b) in bi for o, b in odd):
                    continue
                if P["google"] is not None and not any(
                        C.pair_count(*pair(o, w, b)) is None and (C.pair_count(*pair(o, s, b)) or 0) >= P["google"]
                        for o, b in near):
                    continue
                gain = fit(s) - fit(w)
                if best is None or gain > best[0]:
                    best = (gain, s)
            if best is None or best[0] < P["gain"]:
                continue
            score = 0.7 if P["strong"] is not None and best[0] >= P["strong"] else 0.55
            found.append({"phrase": word, "start": m.start(), "end": m.end(), "likely_original": best[1],
                          "evidence": f"LM gain {best[0]:.1f}", "score": score, "kind": C.KIND,
                          "lends_support": P["supports"]})
        return found

    shipped, find_row, pair_rows = C.context_candidates, C._find_row, C._rows()
    roget_options = C.roget_options

    def roget_and_moby(word, least=float("-inf")):  # the shipped clue's second source, with Moby's links added
        found = dict(roget_options(word, least))
        if P["moby_roget"]:
            for m in moby_options(word):
                if (z := zipf(m)) >= least:
                    found.setdefault(m, z)
        return sorted(found.items())

    C.roget_options = roget_and_moby

    def find_row(rows, key, _find=find_row):  # the pair table, with web 1T counts added when asked
        got = _find(rows, key)
        if rows is not pair_rows or not P["web"] or (v := web.get(key.decode("utf-8"))) is None:
            return got
        return got if got is not None and float(got) >= v + P["web_offset"] else str(v + P["web_offset"]).encode()

    C._find_row, C._rows = find_row, (lambda: pair_rows)

    def candidates(text, matches, starts):
        C.ROGET_GAP, C.ROGET_COMMON = P["roget_gap"], P["roget_common"]
        got = shipped(text, matches, starts)
        if P["lmfilter"]:
            at = {m.start(): i for i, m in enumerate(matches)}
            got = [c for c in got if any(pair(o, C._plain(c["phrase"]), b) not in bi
                                         for o, b in sides(text, matches, at[c["start"]]))]
        return got + (lm_candidates(text, matches, starts) if P["lmclue"] else [])

    supported = S._supported

    def supported_(text, kept):
        if P["veto"]:
            matches = list(WORD.finditer(text))
            at = {m.start(): i for i, m in enumerate(matches)}

            def in_place(c):
                w, i = C._plain(c["phrase"]), at.get(c["start"])
                near = [] if i is None or w not in uni else sides(text, matches, i)
                return bool(near) and all(pair(o, w, b) in bi for o, b in near)
            kept = [c for c in kept if not (c["kind"] in ("rare word", C.KIND) and c["score"] < S.STRONG_SCORE
                                            and in_place(c))]
        return kept if P["nosup"] else supported(text, kept)

    S.context_candidates, S._supported = candidates, supported_
    print("| variant | " + " | ".join(E.DEV_PARTS) + " | B |")
    print("| --- |" + " ---: |" * (len(E.DEV_PARTS) + 1))
    for name, change in VARIANTS.items():
        if args.only and name not in args.only:
            continue
        P.clear()
        P.update(DEFAULTS, **change)
        cells = []
        for part in E.DEV_PARTS:
            fig = E.spin_figures(part)
            cells.append(f"{fig['false flags per 1,000 clean words']:.1f} / {100 * fig['recall, spinner ' + repr('any')]:.1f}")
        rows = list(SF.b_rows())
        print(f"| {name} | " + " | ".join(cells) + f" | {100 * sum(h for _, h in rows) / len(rows):.1f}% |", flush=True)
    if args.show:
        P.clear()
        P.update(DEFAULTS, **VARIANTS[args.show])
        for aid, row in E.texts().items():
            if row["part"] in E.DEV_PARTS:
                for f in S.find_spin(row["text"], known=False).itertuples():
                    print(f"  {aid} {f.phrase!r} ({f.likely_original}) {f.evidence[:40]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
