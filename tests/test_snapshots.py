"""Snapshots of the review desk, fed the fixed analysis of tests/desk_fixture.py (never the live
engine, so an engine change does not move a picture). Each at a fixed terminal size."""

from __future__ import annotations

import threading

import pytest

from tests import desk_fixture


def _app(tmp_path, analyse=None):
    from factcheck.ui.app import make_app

    analysis = desk_fixture.analysis()
    return make_app(
        analysis.articles,
        analyse=analyse or (lambda _: analysis),
        store_path=tmp_path / "marks.db",
        reviewer="ana",
    )


async def _ready(pilot):
    for _ in range(200):
        if pilot.app.desk.analysis is not None:
            break
        await pilot.pause(0.05)
    await pilot.pause()


@pytest.fixture
def desk(tmp_path):
    return _app(tmp_path)


# -- the main screen ------------------------------------------------------------------------------


def test_main_screen_wide(snap_compare, desk):
    """Three articles side by side on 160x48, the injured conflict selected."""
    assert snap_compare(desk, terminal_size=(160, 48), run_before=_ready)


def test_main_screen_narrow(snap_compare, desk):
    """The same on 80x24: two columns, the strip shows the third out of view."""
    assert snap_compare(desk, terminal_size=(80, 24), run_before=_ready)


def test_marked_and_second_discrepancy(snap_compare, desk):
    """After accepting the first discrepancy and moving to the hedge, on 160x48."""

    async def run(pilot):
        await _ready(pilot)
        await pilot.press("a", "n")
        await pilot.pause()

    assert snap_compare(desk, terminal_size=(160, 48), run_before=run)


# -- loading, error, help -------------------------------------------------------------------------


def test_loading(snap_compare, tmp_path):
    """The articles shown at once while the analysis runs."""
    gate = threading.Event()

    def waiting(articles):
        gate.wait(10)
        raise RuntimeError("released")

    async def run(pilot):
        await pilot.pause()
        pilot.app.desk.query_one("#loading").display = False  # its animation would not hold still

    try:
        assert snap_compare(_app(tmp_path, waiting), terminal_size=(120, 40), run_before=run)
    finally:
        gate.set()


def test_analysis_error(snap_compare, tmp_path):
    """An error from the analysis, said in the list pane and as a notification."""

    def broken(articles):
        raise ValueError("the model file is damaged")

    async def run(pilot):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()

    assert snap_compare(_app(tmp_path, broken), terminal_size=(120, 40), run_before=run)


def test_help(snap_compare, desk):
    """The help screen, built from the key map."""

    async def run(pilot):
        await _ready(pilot)
        await pilot.press("question_mark")
        await pilot.pause()

    assert snap_compare(desk, terminal_size=(120, 40), run_before=run)
