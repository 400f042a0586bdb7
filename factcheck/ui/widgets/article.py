"""One article: its headline and source on top, its text below, figures highlighted."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Mapping, Sequence
from urllib.parse import urlsplit

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.geometry import Region
from textual.widgets import Static

from factcheck.models import Article, Claim
from factcheck.ui.highlight import Paragraph, paragraphs, render
from factcheck.ui.text import printable


def outlet(article: Article) -> str:
    """Who published it, as far as the source tells: the web site, else the file name."""
    source = article.source
    if source == "-":
        return "standard input"
    if "://" in source:
        host = urlsplit(source).hostname or source
        return host.removeprefix("www.")
    return source.replace("\\", "/").rsplit("/", 1)[-1]


def byline(article: Article) -> str:
    """ "B · valley-courier.example · 2016-03-18": letter, outlet, date when known."""
    parts = [article.id, outlet(article)]
    if article.published:
        parts.append(article.published)
    return printable(" · ".join(parts))


def line_of(text: str, lines: Sequence[str], offset: int) -> int:
    """Which wrapped line holds `offset` of `text`; the lines are `text` wrapped (wrapping may
    drop the spaces it breaks at, so each line is found from where the previous one ended)."""
    at = 0
    for n, line in enumerate(lines):
        body = line.strip()
        found = text.find(body, at) if body else at
        if found < 0:
            return n
        at = found + len(body)
        if offset < at:
            return n
    return max(0, len(lines) - 1)


def _shown_offset(text: str, shown: str, offset: int) -> int:
    """Where `offset` of `text` falls in `shown`, which is `text` with marker characters added."""
    i = j = 0
    while i < offset and j < len(shown):
        if i < len(text) and shown[j] == text[i]:
            i += 1
        j += 1
    return j


class ArticleColumn(VerticalScroll):
    """An article in a scrolling column; `show` repaints it with the claims highlighted and
    `aim` keeps a figure in view (also after a resize, or when the column slides into view)."""

    DEFAULT_CSS = """
    ArticleColumn { width: 1fr; padding: 0 1; }
    ArticleColumn > .title { text-style: bold; text-wrap: nowrap; text-overflow: ellipsis; }
    ArticleColumn > .source {
        color: $text-muted; margin-bottom: 1; text-wrap: nowrap; text-overflow: ellipsis;
    }
    ArticleColumn > .paragraph { margin-bottom: 1; }
    """

    def __init__(self, article: Article) -> None:
        super().__init__(id=f"column-{article.id}", classes="column")
        self.article = article
        self.paragraphs: list[Paragraph] = paragraphs(article.text)
        self.border_title = article.id
        self.target: tuple[int, int] | None = None  # the span to keep in view
        self._painted: dict[int, bool] = {}
        self._inside: dict[int, list[Claim]] = {}
        self._verdicts: Mapping[str, str] = {}
        self._shaped: set[int] = set()  # paragraphs painted since the analysis came
        self._widgets: list[Static] = []

    def compose(self) -> ComposeResult:
        yield Static(printable(self.article.title), classes="title", markup=False)
        source = byline(self.article).split(" · ", 1)[1]
        yield Static(source, classes="source", markup=False)
        for p in self.paragraphs:
            text = self.article.text[p.start : p.end]
            yield Static(
                text, id=f"p-{self.article.id}-{p.index}", classes="paragraph", markup=False
            )

    def _paragraph(self, offset: int) -> tuple[Paragraph, Static] | None:
        starts = [p.start for p in self.paragraphs]
        index = bisect_right(starts, offset) - 1
        if index < 0:
            return None
        return self.paragraphs[index], self._paragraph_widgets()[index]

    def set_claims(self, claims: Sequence[Claim], verdicts: Mapping[str, str]) -> None:
        """Take a new analysis: index this article's claims by paragraph, once."""
        self._verdicts = verdicts
        self._inside = {p.index: [] for p in self.paragraphs}
        starts = [p.start for p in self.paragraphs]
        for claim in claims:
            if claim.article == self.article.id:
                self._inside[max(0, bisect_right(starts, claim.start) - 1)].append(claim)
        self._shaped.clear()

    def show(
        self,
        selected: frozenset[str],
        *,
        only: frozenset[str] | None = None,
        found: Sequence[tuple[int, int]] = (),
        repaint_found: bool = False,
    ) -> None:
        """Repaint the paragraphs with their claims: all of them, or those holding `only`
        (and, with `repaint_found`, every paragraph that holds or held a search match)."""
        hits_in: dict[int, list[tuple[int, int]]] = {}
        if found or repaint_found:
            starts = [p.start for p in self.paragraphs]
            for s, e in found:
                hits_in.setdefault(max(0, bisect_right(starts, s) - 1), []).append((s, e))
        widgets = self._paragraph_widgets()
        for p in self.paragraphs:
            inside = self._inside.get(p.index, [])
            hits = hits_in.get(p.index, [])
            wanted = only is None or any(c.id in only for c in inside)
            if repaint_found and (hits or self._painted.get(p.index)):
                wanted = True
            if not wanted:
                continue
            self._painted[p.index] = bool(hits)
            content = render(
                self.article.text, p, inside, self._verdicts, selected=selected, found=hits
            )
            # the markers change a paragraph's length only on the first paint of an analysis;
            # after that a repaint restyles the same text and needs no new layout
            widgets[p.index].update(content, layout=p.index not in self._shaped)
            self._shaped.add(p.index)

    def _paragraph_widgets(self) -> list[Static]:
        if len(self._widgets) != len(self.paragraphs):
            self._widgets = [
                self.query_one(f"#p-{self.article.id}-{p.index}", Static) for p in self.paragraphs
            ]
        return self._widgets

    def aim(self, start: int, end: int) -> None:
        """Keep this span in view from now on; scroll to it once the layout is settled."""
        self.target = (start, end)
        self.call_after_refresh(self.scroll_to_target)

    def scroll_to_target(self) -> None:
        """Scroll so the target's own line sits in the middle of the column."""
        if self.target is None or not self.display or not self.size.height:
            return
        place = self._paragraph(self.target[0])
        if place is None:
            return
        top = self.row_of(self.target[0])
        if top is not None:
            self.scroll_to_region(Region(0, top, 1, 1), animate=False, center=True, immediate=True)

    def visible_rows(self) -> range:
        """The virtual rows now in view."""
        y = round(self.scroll_y)
        return range(y, y + self.scrollable_content_region.height)

    def row_of(self, offset: int) -> int | None:
        """The virtual row where `offset` of the text is drawn, or None before layout."""
        place = self._paragraph(offset)
        if place is None:
            return None
        paragraph, widget = place
        width = widget.content_region.width or widget.size.width
        if width <= 0:
            return None
        text = self.article.text[paragraph.start : paragraph.end]
        content = widget.content
        if not isinstance(content, Content):
            content = Content(str(content))
        shown = content.plain  # the text with the verdict markers drawn before figures
        at = _shown_offset(text, shown, offset - paragraph.start)
        lines = [line.plain for line in content.wrap(width)]
        return widget.virtual_region.y + line_of(shown, lines, at)

    def on_show(self) -> None:
        self.call_after_refresh(self.scroll_to_target)

    def on_resize(self) -> None:
        self.call_after_refresh(self.scroll_to_target)
