"""Snapshots of the review desk's main screen on the seeds, at two terminal sizes."""

from __future__ import annotations

import pytest


@pytest.fixture
def seed_app(nlp, tmp_path):
    from factcheck.cli import demo_articles
    from factcheck.engine import compare_claims
    from factcheck.extract import extract_articles
    from factcheck.ui.app import make_app

    articles = demo_articles()
    for article in articles:  # the source path differs between clones; the snapshot must not
        object.__setattr__(article, "source", f"seeds/{article.id}.txt")
    analysis = compare_claims(articles, extract_articles(nlp, articles))
    return make_app(articles, analyse=lambda _: analysis, store_path=tmp_path / "r.db")


async def _wait(pilot):
    for _ in range(200):
        if pilot.app.analysis is not None:
            break
        await pilot.pause(0.05)
    await pilot.pause()


def test_main_screen_wide(snap_compare, seed_app):
    """The seeds side by side on a 160x48 terminal, the toll hedge selected."""
    assert snap_compare(seed_app, terminal_size=(160, 48), run_before=_wait)


def test_main_screen_narrow(snap_compare, seed_app):
    """The same on a 90x30 terminal."""
    assert snap_compare(seed_app, terminal_size=(90, 30), run_before=_wait)
