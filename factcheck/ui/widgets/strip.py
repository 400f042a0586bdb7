"""A one-line map of every article: which are in view, and where in each text its conflicts
(‼) and hedges (≈) sit. Clicking an article's letter slides it into view."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from typing import Any

from textual.content import Content
from textual.style import Style
from textual.widgets import Static

from factcheck.models import Article, Claim
from factcheck.ui.highlight import MARKERS


def cells(
    text_length: int, claims: Sequence[Claim], verdicts: Mapping[str, str], width: int
) -> str:
    """The article as `width` cells, each showing the most serious figure inside it."""
    out = ["·"] * width
    for claim in claims:
        marker = MARKERS.get(verdicts.get(claim.id, "single"), "")
        if not marker:
            continue
        cell = min(width - 1, claim.start * width // max(1, text_length))
        if out[cell] != MARKERS["conflict"]:
            out[cell] = marker
    return "".join(out)


class ArticleStrip(Static):
    """The map; `draw` repaints it, and a new width draws it again."""

    def __init__(self) -> None:
        super().__init__("", id="strip")
        self._drawn: tuple[Any, ...] | None = None  # what the last `draw` was given

    def on_resize(self) -> None:
        if self._drawn is not None:
            self.draw(*self._drawn)

    def draw(
        self,
        articles: Sequence[Article],
        shown: Collection[str],
        claims: Sequence[Claim],
        verdicts: Mapping[str, str],
    ) -> None:
        self._drawn = (articles, shown, claims, verdicts)
        width = self.size.width or 80
        per = max(2, width // max(1, len(articles)) - 4)
        parts: list[str | tuple[str, Style]] = []
        for article in articles:
            click = Style.from_meta({"@click": f"screen.show_article({article.id!r})"})
            look = Style.parse("bold reverse" if article.id in shown else "dim")
            parts.append((f" {article.id} ", look + click))
            mine = [c for c in claims if c.article == article.id]
            parts.append((cells(len(article.text), mine, verdicts, per), click))
            parts.append(" ")
        self.update(Content.assemble(*parts), layout=False)  # always one line high
