"""The lesson-05 scatter plot: titled, labelled, highlighted without colour alone."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from medialit.plots import labelled_scatter  # noqa: E402


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
