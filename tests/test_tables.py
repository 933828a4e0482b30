"""medialit.tables: every table shown with a caption and no empty header cell."""

import re

import pandas as pd
import pytest

from medialit.tables import show_table, table_html


def _headers(page: str) -> list[str]:
    return re.findall(r"<th(?:\s[^>]*)?>(.*?)</th>", page, re.S)


def test_plain_numbered_rows_lose_the_index_and_get_a_caption():
    frame = pd.DataFrame({"article_id": ["A", "B"], "title": ["<b>Mint</b> & co", "Spun"]})
    page = table_html(frame, "The two <articles>")
    assert "<caption>The two &lt;articles&gt;</caption>" in page
    assert _headers(page) == ["article_id", "title"]
    assert _headers(table_html(frame.iloc[[1]], "only B")) == ["article_id", "title"]  # row numbers left out
    assert "&lt;b&gt;Mint&lt;/b&gt; &amp; co" in page and "<b>" not in page


def test_a_meaningful_index_becomes_a_named_column():
    counts = pd.crosstab(pd.Series(["said", "told", "said"], name="cue"),
                         pd.Series(["A", "B", "B"], name="article_id"))
    page = table_html(counts, "Cues by article")
    assert _headers(page) == ["cue", "A", "B"]
    unnamed = pd.DataFrame({"value": [1, 2]}, index=["x", "y"])
    assert _headers(table_html(unnamed, "c")) == ["row", "value"]
    assert _headers(table_html(unnamed, "c", index_name="measure")) == ["measure", "value"]
    both = pd.DataFrame({"n": [1], ("a", "b"): [2]}, index=pd.Index(["x"], name="n"))
    assert _headers(table_html(both, "c")) == ["n (row)", "n", "a / b"]
    assert all(h.strip() for h in _headers(table_html(pd.DataFrame({"": [1]}), "c")))


def test_no_empty_header_cells_where_pandas_has_them():
    frame = pd.DataFrame({"x": [1.5, 2.0]}, index=pd.Index(["p", "q"], name="measure"))
    assert "<th></th>" in frame.to_html()  # pandas' own table has them ...
    assert "<th></th>" not in table_html(frame, "c")  # ... this one does not


def test_show_table_text_and_html():
    shown = show_table(pd.DataFrame({"a": [1, 2]}), "Two numbers")
    assert repr(shown) == "Two numbers\n a\n 1\n 2"
    assert shown._repr_html_().startswith('<table border="1" class="dataframe">\n  <caption>Two numbers</caption>')
    with pytest.raises(ValueError, match="needs a caption"):
        show_table(pd.DataFrame({"a": [1]}), " ")
