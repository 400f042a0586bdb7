"""An article's paragraphs drawn line by line (Textual's line API), each paragraph wrapped once
for its look and the column's width.

One widget for the whole text, instead of one per paragraph, keeps the screen's layout small (a
layout pass visits every widget, and the detail panel asks for one on each selection); a new
selection redraws only the lines of the paragraphs whose figures changed look, and a resize back
to a width already seen reuses the lines wrapped for it.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

from textual.content import Content
from textual.geometry import Region, Size
from textual.selection import Selection
from textual.strip import Strip
from textual.visual import Visual
from textual.widget import Widget

from factcheck.ui.highlight import Paragraph

GAP = 1  # blank lines after each paragraph, as a paragraph's bottom margin would leave


class ArticleBody(Widget):
    """The paragraphs of one article; `restyle` gives a paragraph a new look."""

    DEFAULT_CSS = "ArticleBody { height: auto; }"

    def __init__(
        self, text: str, paragraphs: Sequence[Paragraph], *, id: str | None = None
    ) -> None:
        super().__init__(id=id)
        self.paragraphs = list(paragraphs)
        self.looks: list[Content] = [Content(text[p.start : p.end]) for p in self.paragraphs]
        self._wrapped: dict[int, list[Strip]] = {}  # paragraph -> its lines at `_shape`
        self._shape: tuple[int, object] = (0, None)  # (width, visual style) of `_wrapped`
        self._tops: list[int] = []  # each paragraph's first line at `_shape`, and the end
        self._heights: dict[tuple[int, int], int] = {}  # (paragraph, width) -> line count

    # -- what the desk calls --------------------------------------------------------------------

    def restyle(self, index: int, look: Content, *, layout: bool) -> None:
        """Give paragraph `index` a new look. Without `layout` the text is the same and only its
        styles change, so its lines stay where they are and only they are redrawn."""
        self.looks[index] = look
        self._wrapped.pop(index, None)
        if layout:
            self._heights = {k: v for k, v in self._heights.items() if k[0] != index}
            self._tops = []
            self.refresh(layout=True)
        elif self._tops and index + 1 < len(self._tops):
            top, end = self._tops[index], self._tops[index + 1]
            self.refresh(Region(0, top, self.size.width, end - top))
        else:
            self.refresh()

    def line_in(self, index: int) -> tuple[int, list[Content]] | None:
        """The first line of paragraph `index` in this widget and the paragraph's lines as
        drawn now (None before layout)."""
        width = self.size.width
        if width <= 0:
            return None
        self._reshape(width)
        return self._tops[index], self.looks[index].wrap(width)

    # -- drawing --------------------------------------------------------------------------------

    def _lines_of(self, index: int, width: int) -> list[Strip]:
        lines = self._wrapped.get(index)
        if lines is None:
            look = self.looks[index]
            lines = Visual.to_strips(
                self, look, width, None, self.visual_style, apply_selection=False
            )
            self._wrapped[index] = lines
            self._heights[(index, width)] = len(lines)
        return lines

    def _reshape(self, width: int) -> None:
        """Lay the paragraphs out at `width`: how many lines each takes, where each starts."""
        shape = (width, self.visual_style)
        if shape != self._shape:
            self._shape = shape
            self._wrapped.clear()
            self._tops = []
        if self._tops:
            return
        tops, y = [], 0
        for p in self.paragraphs:
            tops.append(y)
            height = self._heights.get((p.index, width))
            if height is None:
                height = len(self._lines_of(p.index, width))
            y += max(1, height) + GAP
        tops.append(y)
        self._tops = tops

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        self._reshape(width)
        return self._tops[-1] if self._tops else 0

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        self._reshape(width)
        index = bisect_right(self._tops, y) - 1
        if 0 <= index < len(self.paragraphs):
            lines = self._lines_of(index, width)
            row = y - self._tops[index]
            if row < len(lines):
                return self._selected(lines[row].apply_offsets(0, y), y)
        return Strip([], 0)  # a gap: the styles' own padding fills it, as a margin would look

    # -- selecting text with the mouse ----------------------------------------------------------

    def _plain_lines(self) -> list[str]:
        out: list[str] = []
        width = self.size.width
        for index in range(len(self.paragraphs)):
            out += [strip.text for strip in self._lines_of(index, width)] or [""]
            out += [""] * GAP
        return out

    def get_selection(self, selection: Selection) -> tuple[str, str] | None:
        if self.size.width <= 0:
            return None
        self._reshape(self.size.width)
        return selection.extract("\n".join(self._plain_lines())), "\n"

    def selection_updated(self, selection: Selection | None) -> None:
        self.refresh()

    def _selected(self, strip: Strip, y: int) -> Strip:
        selection = self.text_selection
        if selection is None:
            return strip
        span = selection.get_span(y)
        if span is None:
            return strip
        start, end = span
        end = strip.cell_length if end == -1 else min(end, strip.cell_length)
        if start >= end:
            return strip
        style = self.screen.get_visual_style("screen--selection").rich_style
        before, inside, after = strip.divide([start, end, strip.cell_length])
        return Strip.join([before, inside.apply_style(style), after])
