"""The detail panel: the explanation, the desk's mark and every article's sentence for the
selected group. It scrolls (wheel, scrollbar, keys when focused), so no quote is ever cut."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from textual.content import Content
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.selection import Selection
from textual.strip import Strip
from textual.visual import Visual

from factcheck.models import Article
from factcheck.review import Mark
from factcheck.ui.highlight import STYLES, VERDICT_NAMES
from factcheck.ui.widgets.article import byline
from factcheck.ui.widgets.body import selected
from factcheck.verdicts import Group

Part = str | tuple[str, str]
PLACEHOLDER = "Select a fact in the list to see its sentences."


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


class DetailPanel(ScrollView, can_focus=True):
    """Shows one group; plain text throughout, so nothing in an article is read as markup.

    Its lines are drawn here (Textual's line API) rather than by a Static inside a scrolling
    container: a new selection wraps the text once and redraws the panel, where the container
    asked for a second layout of the whole screen whenever the text's height changed."""

    def __init__(self) -> None:
        super().__init__(id="detail")
        self.border_title = "Detail"
        self.content = Content(PLACEHOLDER)
        self._lines: list[Strip] = []

    def on_mount(self) -> None:
        self._wrap()

    def on_resize(self) -> None:
        self._wrap()

    def show(
        self,
        group: Group | None,
        articles: Mapping[str, Article],
        mark: Mark | None,
        stale: Sequence[Mark] = (),
    ) -> None:
        if group is None:
            self.content = Content("Nothing to show with this filter; press f for more.")
        else:
            self.content = describe(group, articles, mark, stale)
        self._wrap()
        self.scroll_home(animate=False)

    def _wrap(self) -> None:
        """Wrap the text to the panel, narrower by the scrollbar when it will not fit."""
        full, height = self.size
        bar = self.styles.scrollbar_size_vertical
        if full <= bar:
            return
        # guess as the last text went (most texts of a desk fit, or most do not), then check
        narrow = self.show_vertical_scrollbar
        width = full - bar if narrow else full
        lines = Visual.to_strips(self, self.content, width, None, self.visual_style)
        if (len(lines) > height) != narrow and bar:
            width = full - bar if not narrow else full
            lines = Visual.to_strips(self, self.content, width, None, self.visual_style)
        self._lines = lines
        self.virtual_size = Size(width, len(lines))
        self.refresh()

    def render_line(self, y: int) -> Strip:
        row = round(self.scroll_y) + y
        if row < len(self._lines):
            return selected(self, self._lines[row].apply_offsets(0, row), row)
        return Strip([], 0)

    def get_selection(self, selection: Selection) -> tuple[str, str] | None:
        return selection.extract("\n".join(line.text for line in self._lines)), "\n"

    def selection_updated(self, selection: Selection | None) -> None:
        self.refresh()
