"""One article: its headline and source on top, its text below, figures highlighted."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Mapping, Sequence
from urllib.parse import urlsplit

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.geometry import Region
from textual.widgets import Static

from factcheck.models import Article, Claim
from factcheck.ui.highlight import Paragraph, paragraphs, render
from factcheck.ui.text import printable
from factcheck.ui.widgets.body import ArticleBody


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
    """

    def __init__(self, article: Article) -> None:
        super().__init__(id=f"column-{article.id}", classes="column")
        self.article = article
        self.paragraphs: list[Paragraph] = paragraphs(article.text)
        self.border_title = article.id
        self.target: tuple[int, int] | None = None  # the span to keep in view
        self.body = ArticleBody(article.text, self.paragraphs, id=f"body-{article.id}")
        self._starts = [p.start for p in self.paragraphs]
        self._painted: dict[int, bool] = {}
        self._inside: dict[int, list[Claim]] = {}
        self._verdicts: Mapping[str, str] = {}
        self._shaped: set[int] = set()  # paragraphs painted since the analysis came

    def compose(self) -> ComposeResult:
        yield Static(printable(self.article.title), classes="title", markup=False)
        source = byline(self.article).split(" · ", 1)[1]
        yield Static(source, classes="source", markup=False)
        yield self.body

    def _paragraph(self, offset: int) -> int | None:
        """The index of the paragraph holding `offset`."""
        index = bisect_right(self._starts, offset) - 1
        return index if index >= 0 else None

    def set_claims(self, claims: Sequence[Claim], verdicts: Mapping[str, str]) -> None:
        """Take a new analysis: index this article's claims by paragraph, once."""
        self._verdicts = verdicts
        self._inside = {p.index: [] for p in self.paragraphs}
        for claim in claims:
            if claim.article == self.article.id:
                self._inside[max(0, bisect_right(self._starts, claim.start) - 1)].append(claim)
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
        for s, e in found:
            hits_in.setdefault(max(0, bisect_right(self._starts, s) - 1), []).append((s, e))
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
            self.body.restyle(p.index, content, layout=p.index not in self._shaped)
            self._shaped.add(p.index)

    def aim(self, start: int, end: int) -> None:
        """Keep this span in view from now on: scroll to it now, in the same frame as the new
        highlights, and again once a pending layout has settled (a no-op when nothing moved)."""
        self.target = (start, end)
        self.scroll_to_target()
        self.call_after_refresh(self.scroll_to_target)

    def scroll_to_target(self) -> None:
        """Scroll so the target's own line sits in the middle of the column."""
        if self.target is None or not self.display or not self.size.height:
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
        index = self._paragraph(offset)
        if index is None:
            return None
        placed = self.body.line_in(index)
        if placed is None:
            return None
        top, lines = placed
        paragraph = self.paragraphs[index]
        text = self.article.text[paragraph.start : paragraph.end]
        shown = self.body.looks[index].plain  # the text with the verdict markers drawn
        at = _shown_offset(text, shown, offset - paragraph.start)
        row = line_of(shown, lines, at)
        return self.body.virtual_region.y + top + row

    def on_show(self) -> None:
        self.call_after_refresh(self.scroll_to_target)

    def on_resize(self) -> None:
        self.call_after_refresh(self.scroll_to_target)

    def on_article_body_reshaped(self, message: ArticleBody.Reshaped) -> None:
        message.stop()
        self.call_after_refresh(self.scroll_to_target)
