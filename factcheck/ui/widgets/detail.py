"""The detail panel: the explanation, the desk's mark and every article's sentence for the
selected group. It scrolls (wheel, scrollbar, keys when focused), so no quote is ever cut."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import cast

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.css.styles import RulesMap  # what Textual itself measures content with
from textual.widgets import Static

from factcheck.models import Article
from factcheck.review import Mark
from factcheck.ui.highlight import STYLES, VERDICT_NAMES
from factcheck.ui.widgets.article import byline
from factcheck.verdicts import Group

Part = str | tuple[str, str]


def _mark_parts(mark: Mark, *, stale: bool) -> list[Part]:
    if stale:
        parts: list[Part] = [
            ("Stale mark", "bold reverse"),
            f" (its figures changed since; it was on “{mark.label}”): ",
            mark.summary(),
        ]
    else:
        parts = [("Review: ", "bold"), mark.summary()]
    if mark.note:
        parts += [" · note: ", (mark.note, "italic")]
    return [*parts, "\n"]


def describe(
    group: Group,
    articles: Mapping[str, Article],
    mark: Mark | None,
    stale: Sequence[Mark] = (),
) -> Content:
    parts: list[Part] = [
        (f" {VERDICT_NAMES[group.verdict]} ", STYLES[group.verdict]),
        "  ",
        (group.label, "bold"),
        "\n",
    ]
    if group.explanation:
        parts += [group.explanation, "\n"]
    if mark is not None and not mark.empty:
        parts += _mark_parts(mark, stale=False)
    for old in stale:
        parts += _mark_parts(old, stale=True)
    quoted: dict[tuple[str, str], list[str]] = {}  # one quote per sentence, its figures listed
    for claim in group.claims:
        quoted.setdefault((claim.article, claim.sentence), []).append(claim.surface)
    for (article_id, sentence), surfaces in quoted.items():
        article = articles.get(article_id)
        who = byline(article) if article is not None else article_id
        figures = " · ".join(f"“{s}”" for s in dict.fromkeys(surfaces))
        parts += ["\n", (who, "bold"), "  ", (figures, "bold"), "\n", sentence.strip(), "\n"]
    return Content.assemble(*parts)


class DetailPanel(VerticalScroll, can_focus=True):
    """Shows one group; plain text throughout, so nothing in an article is read as markup."""

    def __init__(self) -> None:
        super().__init__(id="detail")
        self.border_title = "Detail"

    def compose(self) -> ComposeResult:
        yield Static("Select a fact in the list to see its sentences.", markup=False)

    def show(
        self,
        group: Group | None,
        articles: Mapping[str, Article],
        mark: Mark | None,
        stale: Sequence[Mark] = (),
    ) -> None:
        text = self.query_one(Static)
        if group is None:
            content = Content("Nothing to show with this filter; press f for more.")
        else:
            content = describe(group, articles, mark, stale)
        # a layout pass visits the whole screen: ask for one only when the text's height
        # changes; it fills the panel at least (app.tcss), so a text that fits never does
        width, floor = text.size.width, self.scrollable_content_region.height
        height = (
            max(content.get_height(cast(RulesMap, text.styles), width), floor) if width > 0 else -1
        )
        text.update(content, layout=height != text.size.height)
        self.scroll_home(animate=False)
