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
from textual.message import Message
from textual.selection import Selection
from textual.strip import Strip
from textual.visual import Visual
from textual.widget import Widget

from factcheck.ui.highlight import Paragraph

GAP = 1  # blank lines after each paragraph, as a paragraph's bottom margin would leave
KEPT_WIDTHS = 3  # widths whose wrapped lines are kept (a terminal resized back and forth)


def selected(widget: Widget, strip: Strip, y: int) -> Strip:
    """Line `y` of a line-drawn widget with the part the mouse has selected, if any, shown as
    Textual shows a selection (the widget's lines carry their offsets, for copying)."""
    selection = widget.text_selection
    span = selection.get_span(y) if selection is not None else None
    if span is None:
        return strip
    start, end = span
    end = strip.cell_length if end == -1 else min(end, strip.cell_length)
    if start >= end:
        return strip
    style = widget.screen.get_visual_style("screen--selection").rich_style
    before, inside, after = strip.divide([start, end, strip.cell_length])
    return Strip.join([before, inside.apply_style(style), after])


class ArticleBody(Widget):
    """The paragraphs of one article; `restyle` gives a paragraph a new look."""

    DEFAULT_CSS = "ArticleBody { height: auto; }"

    class Reshaped(Message):
        """The body took a new size (its column's scrollbar came or went, say): the lines
        moved, so a figure kept in view must be looked for again."""

    def on_resize(self) -> None:
        self.post_message(self.Reshaped())

    def __init__(
        self, text: str, paragraphs: Sequence[Paragraph], *, id: str | None = None
    ) -> None:
        super().__init__(id=id)
        self.paragraphs = list(paragraphs)
        self.looks: list[Content] = [Content(text[p.start : p.end]) for p in self.paragraphs]
        self._wrapped: dict[int, dict[int, list[Strip]]] = {}  # width -> paragraph -> lines
        self._tops: dict[int, list[int]] = {}  # width -> each paragraph's first line, the end
        self._style: object = None  # the visual style the kept lines were drawn in

    # -- what the desk calls --------------------------------------------------------------------

    def restyle(self, index: int, look: Content, *, layout: bool) -> None:
        """Give paragraph `index` a new look. Without `layout` the text is the same and only its
        styles change, so its lines stay where they are and only they are redrawn."""
        self.looks[index] = look
        for kept in self._wrapped.values():
            kept.pop(index, None)
        tops = self._tops.get(self.size.width)
        if layout:
            self._tops.clear()
            self.refresh(layout=True)
        elif tops is not None:
            self.refresh(Region(0, tops[index], self.size.width, tops[index + 1] - tops[index]))
        else:
            self.refresh()

    def line_in(self, index: int) -> tuple[int, list[str]] | None:
        """The first line of paragraph `index` in this widget and the text of the paragraph's
        lines as drawn now (None before layout)."""
        width = self.size.width
        if width <= 0:
            return None
        return self._tops_at(width)[index], [s.text for s in self._lines_of(index, width)]

    # -- drawing --------------------------------------------------------------------------------

    def _kept(self, width: int) -> dict[int, list[Strip]]:
        """The lines kept for `width`, drawn in the current style; a few widths are kept, so
        resizing back and forth wraps nothing again."""
        if self.visual_style != self._style:  # new colours: redraw, the line counts stay
            self._style = self.visual_style
            self._wrapped.clear()
        kept = self._wrapped.get(width)
        if kept is None:
            if len(self._wrapped) >= KEPT_WIDTHS:
                del self._wrapped[next(iter(self._wrapped))]
            kept = self._wrapped[width] = {}
        return kept

    def _lines_of(self, index: int, width: int) -> list[Strip]:
        kept = self._kept(width)
        lines = kept.get(index)
        if lines is None:
            lines = kept[index] = Visual.to_strips(
                self, self.looks[index], width, None, self.visual_style, apply_selection=False
            )
        return lines

    def _tops_at(self, width: int) -> list[int]:
        """Where each paragraph starts at `width`, and where the last one's gap ends."""
        tops = self._tops.get(width)
        if tops is None:
            tops, y = [], 0
            for p in self.paragraphs:
                tops.append(y)
                y += max(1, len(self._lines_of(p.index, width))) + GAP
            tops.append(y)
            if len(self._tops) >= KEPT_WIDTHS:
                del self._tops[next(iter(self._tops))]
            self._tops[width] = tops
        return tops

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return self._tops_at(width)[-1] if width > 0 else 0

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        if width <= 0:
            return Strip([], 0)
        tops = self._tops_at(width)
        index = bisect_right(tops, y) - 1
        if 0 <= index < len(self.paragraphs):
            lines = self._lines_of(index, width)
            row = y - tops[index]
            if row < len(lines):
                return selected(self, lines[row].apply_offsets(0, y), y)
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
        return selection.extract("\n".join(self._plain_lines())), "\n"

    def selection_updated(self, selection: Selection | None) -> None:
        self.refresh()
