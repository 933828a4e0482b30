"""The course figures: titled, labelled, described in a sentence made from their data, highlighted without colour alone."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

import matplotlib.figure  # noqa: E402

from medialit.plots import (  # noqa: E402
    chain_diagram, count_heatmap, figure_html, grouped_barh, labelled_scatter, measure_panels, share_bars,
)


def test_labelled_scatter():
    table = pd.DataFrame({"file": ["a", "b", "c", "d"], "x": [1.0, 4.0, 2.0, 3.0], "y": [2, 3, 4, 5]})
    fig, alt = labelled_scatter(table, "x", "y", "Title", "X label", "Y label", highlight=["b", "d"])
    ax = fig.axes[0]
    assert (ax.get_title(), ax.get_xlabel(), ax.get_ylabel()) == ("Title", "X label", "Y label")
    assert [t.get_text() for t in ax.texts] == ["b", "d"]
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend == ["other texts (2)", "b", "d"]
    markers = {c.get_label(): c.get_paths()[0].vertices.shape[0] for c in ax.collections}
    assert len(set(markers.values())) == 3  # circle, square, triangle: shapes differ
    assert list(alt["file"]) == ["b", "d", "c", "a"]
    plt.close(fig)
    with pytest.raises(ValueError, match="nothing to plot"):
        labelled_scatter(table.iloc[0:0], "x", "y", "t", "x", "y")


def _table():
    return pd.DataFrame({"A": [3, 9, 1], "B": [5, 0, 2]}, index=["Tokayev", "CSTO", "<b>Interfax</b>"])


def test_figures_carry_a_sentence_from_their_data_and_a_caption():
    fig, _ = grouped_barh(_table(), title="Who is named", xlabel="Number of mentions", ylabel="Person")
    assert fig.caption == "Who is named"
    assert fig.alt_text == ("Bar chart of number of mentions, one bar per person for each of A and B (3 rows): "
                            "A: highest CSTO (9), lowest <b>Interfax</b> (1); B: highest Tokayev (5), lowest CSTO (0).")
    page = figure_html(fig)
    assert page.startswith("<figure") and page.endswith("</figcaption></figure>")
    assert "alt='Bar chart of number of mentions" in page and "&lt;b&gt;Interfax&lt;/b&gt;" in page
    assert "<b>" not in page, "text from the data is escaped"
    assert "<figcaption>Who is named</figcaption>" in page
    assert "src='data:image/png;base64,iVBOR" in page  # a PNG
    assert repr(fig) == f"Figure: Who is named\nWhat it shows: {fig.alt_text}"
    plt.close(fig)


@pytest.mark.parametrize("draw", [
    lambda t: share_bars(t / t.sum() * 100, "Shares"),
    lambda t: measure_panels(t, "Measures"),
    lambda t: count_heatmap(t, "Counts", "article", "name"),
    lambda t: chain_diagram(pd.DataFrame({"sentence_id": ["A1", "A2"], "chain": [["Azirbek", "Khabar 24", "TASS"], ["CSTO"]]}),
                            "Chains", tail=("Mint",)),
    lambda t: labelled_scatter(t.reset_index(names="file"), "A", "B", "Points", "A", "B", highlight=["CSTO"]),
], ids=["share_bars", "measure_panels", "count_heatmap", "chain_diagram", "labelled_scatter"])
def test_every_figure_has_a_one_sentence_description(draw):
    fig, _ = draw(_table())
    assert fig.caption and fig.alt_text.endswith(".") and fig.alt_text.count(". ") == 0, fig.alt_text
    assert any(ch.isdigit() for ch in fig.alt_text), "the sentence gives numbers from the data"
    plt.close(fig)


def test_chain_diagram_names_the_longest_route():
    chains = pd.DataFrame({"sentence_id": ["A1", "A2"], "chain": [["Azirbek", "Khabar 24", "TASS"], ["CSTO"]]})
    fig, _ = chain_diagram(chains, "Chains", tail=("Mint", "you"))
    assert fig.alt_text == ("Diagram of 6 sources and 5 hand-offs, from who spoke first (Azirbek and CSTO) to the "
                            "reader; the longest route is Azirbek → Khabar 24 → TASS → Mint → you.")
    plt.close(fig)


def test_in_ipython_a_figure_shows_as_html_figure_only():
    """The notebook gets the <figure> (with alt text) and the text; no bare PNG without alt."""
    from IPython.core.interactiveshell import InteractiveShell

    shell = InteractiveShell.instance()
    shell.display_formatter.formatters["image/png"].for_type(matplotlib.figure.Figure, lambda f: b"PNG")
    fig, _ = grouped_barh(_table(), title="Who is named", xlabel="Mentions")
    data, _ = shell.display_formatter.format(fig)
    assert sorted(data) == ["text/html", "text/plain"]
    assert data["text/html"].startswith("<figure") and data["text/plain"].startswith("Figure: Who is named")
    plt.close(fig)


def test_missing_values_are_said_as_such():
    table = pd.DataFrame({"A": [float("nan"), 2.0], "B": [float("nan"), float("nan")]}, index=["x", "y"])
    fig, _ = grouped_barh(table, title="t", xlabel="Count")
    assert fig.alt_text.endswith("A: highest y (2), lowest y (2); B: no values.")
    plt.close(fig)
    fig, _ = measure_panels(table, title="t")
    assert "x no value vs no value" in fig.alt_text
    plt.close(fig)


def test_measure_panels_draws_a_measure_on_its_whole_scale_when_given_limits():
    table = pd.DataFrame({"spun": [34.86, 102.6], "restored": [40.12, 51.2]},
                         index=["Flesch reading ease", "rare words per 1,000"])
    fig, _ = measure_panels(table, title="t", limits={"Flesch reading ease": (0, 100)})
    flesch, rare = [ax for ax in fig.axes if ax.get_visible()]
    assert flesch.get_ylim() == (0, 100)
    assert rare.get_ylim() == pytest.approx((0, 102.6 * 1.2))    # the others keep their own scale
    assert "(Flesch reading ease on its whole scale, 0 to 100)" in fig.alt_text
    plt.close(fig)
    fig, _ = measure_panels(table, title="t")
    assert fig.axes[0].get_ylim() == pytest.approx((0, 40.12 * 1.2)) and "whole scale" not in fig.alt_text
    plt.close(fig)
    with pytest.raises(ValueError, match="measures not shown"):
        measure_panels(table, title="t", measures=["rare words per 1,000"], limits={"Flesch reading ease": (0, 100)})
