"""The review desk: articles side by side, discrepancies listed, decisions recorded.

The app holds what the desk was started with and builds the palette from the key map; the desk
itself is `screens/desk.py`. The analysis runs in a worker thread, so the window paints at once
and stays responsive while the model loads.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from textual.app import App, SystemCommand
from textual.screen import Screen

from factcheck.engine import Analysis
from factcheck.models import Article
from factcheck.review import default_path, default_reviewer
from factcheck.ui.keys import KEYS
from factcheck.ui.screens.desk import DeskScreen, format_error

Analyse = Callable[[Sequence[Article]], Analysis]


@dataclass(frozen=True, slots=True)
class DeskConfig:
    """What a desk is started with."""

    analyse: Analyse
    """Articles in, analysis out; run in a worker thread."""
    store_path: Path
    """The SQLite file of review marks."""
    reviewer: str
    """Whose marks these are: the login name or --reviewer."""


def _engine_analyse(model: str | None) -> Analyse:
    def analyse(articles: Sequence[Article]) -> Analysis:
        from factcheck.engine import check

        return check(articles, model=model)

    return analyse


class ReviewApp(App[None]):
    """The review desk."""

    CSS_PATH = "app.tcss"
    TITLE = "factcheck"

    def __init__(self, articles: Sequence[Article], config: DeskConfig) -> None:
        super().__init__()
        self.config = config
        self.desk = DeskScreen(articles)

    def get_default_screen(self) -> Screen[None]:
        """The desk is the first screen, with none beneath it: a screen below the desk would be
        laid out again on every resize and have the desk repainted whole once more."""
        return self.desk

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        for key in KEYS:
            yield SystemCommand(
                f"{key.title} ({key.shown})",
                key.help[:1].upper() + key.help[1:],
                functools.partial(self.desk.run_action, key.action),
            )

    def log_error(self, err: BaseException) -> Path | None:
        """Keep the traceback of an unexpected error beside the marks; returns the file, or
        None when it cannot be written."""
        where = self.config.store_path.with_name("desk-errors.log")
        try:
            with where.open("a", encoding="utf-8") as log:
                log.write(f"--- {datetime.now(UTC).isoformat(timespec='seconds')}\n")
                log.write(format_error(err))
        except OSError:
            return None
        return where


def make_app(
    articles: Sequence[Article],
    *,
    model: str | None = None,
    analyse: Analyse | None = None,
    store_path: Path | str | None = None,
    reviewer: str | None = None,
) -> ReviewApp:
    """The one app factory, for the command line and the tests alike."""
    config = DeskConfig(
        analyse=analyse or _engine_analyse(model),
        store_path=Path(store_path) if store_path is not None else default_path(),
        reviewer=reviewer or default_reviewer(),
    )
    return ReviewApp(articles, config)
