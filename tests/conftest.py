"""Shared pytest set-up for the medialit tests."""

import pytest


@pytest.fixture(autouse=True)
def work_folder(tmp_path, monkeypatch):
    """Every test saves its tags into its own fresh folder (inside the
    test's ``tmp_path``), never into the course's real ``my_work/`` folder
    (see ``medialit.tagging.work_dir``).  Tests that want to look at the
    saved files can ask for this fixture by name."""
    folder = tmp_path / "my_work"
    monkeypatch.setenv("MEDIALIT_WORK_DIR", str(folder))
    return folder


@pytest.fixture(scope="session")
def sentences() -> dict[str, str]:
    """Every sentence of the two cleaned articles: ``{"A01": "...", ...}``
    (the ids the answer keys use)."""
    from medialit.corpus import article_sentences

    table = article_sentences()
    return dict(zip(table["sentence_id"], table["text"]))


def pytest_configure(config):
    """Point the whole session (and the notebook kernels nbval starts, which
    inherit the environment) at an empty work folder, so a student's saved
    tags in my_work/ can never change a notebook's outputs under test."""
    import os
    import shutil
    import tempfile

    folder = tempfile.mkdtemp(prefix="medialit-work-")
    os.environ["MEDIALIT_WORK_DIR"] = folder
    config.add_cleanup(lambda: shutil.rmtree(folder, ignore_errors=True))
