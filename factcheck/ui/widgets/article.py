"""One article: its headline and source on top, its text below, figures highlighted."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from factcheck.models import Article, Claim
from factcheck.ui.highlight import Paragraph, paragraphs, render


class ArticleColumn(VerticalScroll):
    """An article in a scrolling column; `show` repaints it with the claims highlighted."""

    DEFAULT_CSS = """
    ArticleColumn { width: 1fr; padding: 0 1; }
    ArticleColumn > .title { text-style: bold; }
    ArticleColumn > .source { color: $text-muted; margin-bottom: 1; }
    ArticleColumn > .paragraph { margin-bottom: 1; }
    """

    def __init__(self, article: Article) -> None:
        super().__init__(id=f"column-{article.id}", classes="column")
        self.article = article
        self.paragraphs: list[Paragraph] = paragraphs(article.text)
        self.border_title = article.id

    def compose(self) -> ComposeResult:
        yield Static(f"{self.article.id}  {self.article.title}", classes="title", markup=False)
        yield Static(self.article.source, classes="source", markup=False)
        for p in self.paragraphs:
            text = self.article.text[p.start : p.end]
            yield Static(
                text, id=f"p-{self.article.id}-{p.index}", classes="paragraph", markup=False
            )

    def show(
        self,
        claims: Sequence[Claim],
        verdicts: Mapping[str, str],
        selected: frozenset[str],
        *,
        only: frozenset[str] | None = None,
    ) -> None:
        """Repaint the paragraphs with their claims: all of them, or those holding `only`."""
        mine = [c for c in claims if c.article == self.article.id]
        for p in self.paragraphs:
            inside = [c for c in mine if p.start <= c.start < p.end]
            if only is not None and not any(c.id in only for c in inside):
                continue
            widget = self.query_one(f"#p-{self.article.id}-{p.index}", Static)
            widget.update(render(self.article.text, p, inside, verdicts, selected=selected))

    def scroll_to_claim(self, claim: Claim) -> None:
        """Bring the paragraph that holds the claim into view, near the top."""
        for p in self.paragraphs:
            if p.start <= claim.start < p.end:
                widget = self.query_one(f"#p-{self.article.id}-{p.index}", Static)
                self.scroll_to_widget(widget, animate=False, top=True)
                return
