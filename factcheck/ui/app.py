"""The review desk: articles side by side, discrepancies listed, decisions recorded.

The app presents the engine's analysis and collects the desk's marks; the analysis itself runs
in a worker thread, so the window paints at once and stays responsive while the model loads.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from textual import on, work
from textual.app import App, ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, LoadingIndicator, Static

from factcheck.engine import Analysis
from factcheck.models import Article
from factcheck.review import Mark, ReviewStore, default_path, fact_key, review_key
from factcheck.ui.screens.help import HelpScreen
from factcheck.ui.screens.prompt import Prompt
from factcheck.ui.widgets.article import ArticleColumn
from factcheck.ui.widgets.detail import DetailPanel
from factcheck.ui.widgets.discrepancies import FILTERS, DiscrepancyTable, visible
from factcheck.verdicts import Group

Analyse = Callable[[Sequence[Article]], Analysis]
MAX_ARTICLES = 8
NARROW = 100  # terminal columns below which two articles are shown at a time
COLUMN_WIDTH = 40  # narrower than this an article column is hard to read: show fewer, slide


@dataclass
class AnalysisProgress(Message):
    """A step of the analysis worker, for the status line."""

    text: str


@dataclass
class AnalysisDone(Message):
    analysis: Analysis


@dataclass
class AnalysisFailed(Message):
    message: str


def _engine_analyse(model: str | None) -> Analyse:
    def analyse(articles: Sequence[Article]) -> Analysis:
        from factcheck.engine import check

        return check(articles, model=model)

    return analyse


class ReviewApp(App[None]):
    """The review desk."""

    CSS_PATH = "app.tcss"
    TITLE = "factcheck"
    BINDINGS = [
        Binding("n", "next_discrepancy", "Next"),
        Binding("N", "previous_discrepancy", "Prev"),
        Binding("enter", "jump", "Jump", show=False),
        Binding("tab", "next_column", "Column", priority=True),
        Binding("shift+tab", "previous_column", "Column", show=False, priority=True),
        Binding("a", "mark('accepted')", "Accept"),
        Binding("d", "mark('disputed')", "Dispute"),
        Binding("e", "note", "Note"),
        Binding("u", "undo", "Undo"),
        Binding("f", "cycle_filter", "Filter"),
        Binding("s", "save", "Save"),
        Binding("o", "open_article", "Open"),
        Binding("question_mark", "help", "Help"),
        Binding("q", "quit", "Quit"),
    ]

    def __init__(
        self,
        articles: Sequence[Article],
        *,
        analyse: Analyse,
        store_path: Path | str,
    ) -> None:
        super().__init__()
        self.articles: list[Article] = list(articles)
        self._analyse = analyse
        self._store_path = store_path
        self.store: ReviewStore | None = None
        self.analysis: Analysis | None = None
        self.verdict_of: dict[str, str] = {}  # claim id -> its group's verdict, for highlights
        self.filter_mode = FILTERS[0]
        self.selected: Group | None = None
        self.first_visible = 0  # the left column shown when the terminal is narrow

    # -- layout ---------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="columns"):
            for article in self.articles:
                yield ArticleColumn(article)
        with Horizontal(id="bottom"):
            with Vertical(id="list-pane"):
                yield Static("Loading the language model…", id="status", markup=False)
                yield LoadingIndicator(id="loading")
                yield DiscrepancyTable()
            yield DetailPanel()
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = f"{len(self.articles)} articles · analysing…"
        self.query_one(DiscrepancyTable).display = False
        self._layout_columns()
        self.run_analysis()

    def on_resize(self) -> None:
        self._layout_columns()

    def _columns(self) -> list[ArticleColumn]:
        return list(self.query(ArticleColumn))

    def _shown(self) -> int:
        """How many article columns fit: two below NARROW, else one per COLUMN_WIDTH."""
        width = self.size.width
        return 2 if width < NARROW else max(2, width // COLUMN_WIDTH)

    def _layout_columns(self) -> None:
        """Show as many articles as fit side by side; tab slides the window along."""
        columns = self._columns()
        shown = self._shown()
        self.first_visible = max(0, min(self.first_visible, len(columns) - shown))
        for i, column in enumerate(columns):
            column.display = self.first_visible <= i < self.first_visible + shown
        self.set_class(len(columns) > shown, "sliding")

    # -- analysis -------------------------------------------------------------------------------

    @work(thread=True, exclusive=True, exit_on_error=False, group="analysis")
    def run_analysis(self) -> None:
        from factcheck.nlp import ModelMissing

        self.post_message(AnalysisProgress("Loading the language model and reading the figures…"))
        try:
            analysis = self._analyse(self.articles)
        except ModelMissing as err:
            self.post_message(AnalysisFailed(str(err)))
            return
        self.post_message(AnalysisDone(analysis))

    @on(AnalysisProgress)
    def _progress(self, message: AnalysisProgress) -> None:
        self.query_one("#status", Static).update(message.text)

    @on(AnalysisFailed)
    def _failed(self, message: AnalysisFailed) -> None:
        self.query_one("#loading").display = False
        self.query_one("#status", Static).update(f"Analysis failed: {message.message}")
        self.notify(message.message, title="Analysis failed", severity="error", timeout=15)

    @on(AnalysisDone)
    def _done(self, message: AnalysisDone) -> None:
        if list(message.analysis.articles) != self.articles:
            return  # a slower run for an earlier set of articles: its successor is on the way
        self.analysis = message.analysis
        self.verdict_of = {c.id: g.verdict for g in self.analysis.groups for c in g.claims}
        if self.store is not None:
            self.store.close()
        self.store = ReviewStore(self._store_path, review_key(self.articles))
        self.query_one("#loading").display = False
        self.query_one("#status").display = False
        self.query_one(DiscrepancyTable).display = True
        self.refresh_view()
        self._paint_columns()
        table = self.query_one(DiscrepancyTable)
        table.focus()
        if table.row_count:
            self._select(table.current_group_id)

    # -- state to screen ------------------------------------------------------------------------

    def marks(self) -> dict[str, Mark]:
        return self.store.marks() if self.store is not None else {}

    def refresh_view(self) -> None:
        """Repaint the list, the header and the detail from the current state. The highlights in
        the columns change only with the analysis and the selection, and are painted there."""
        if self.analysis is None:
            return
        marks = self.marks()
        table = self.query_one(DiscrepancyTable)
        table.fill(
            self.analysis.groups,
            [a.id for a in self.articles],
            marks,
            self.filter_mode,
            label_width=24 if self.size.width < NARROW else 48,
        )
        self._update_header(marks)
        self._show_detail()

    def _update_header(self, marks: dict[str, Mark]) -> None:
        assert self.analysis is not None
        issues = [
            g for g in self.analysis.groups if g.verdict in ("conflict", "qualifier_mismatch")
        ]
        resolved = sum(1 for g in issues if marks.get(fact_key(g), Mark("", "")).status)
        self.sub_title = (
            f"{len(self.articles)} articles · {self.analysis.count('conflict')} conflicts · "
            f"{self.analysis.count('qualifier_mismatch')} hedges · {resolved} of {len(issues)} "
            "resolved"
        )

    def _paint_columns(self, only: frozenset[str] | None = None) -> None:
        """Repaint the highlights: everywhere, or in the paragraphs holding the claims `only`."""
        assert self.analysis is not None
        for column in self._columns():
            column.show(self.analysis.claims, self.verdict_of, self._selected_ids(), only=only)

    def _selected_ids(self) -> frozenset[str]:
        return frozenset(c.id for c in self.selected.claims) if self.selected else frozenset()

    def _show_detail(self) -> None:
        group = self.selected
        mark = self.store.get(fact_key(group)) if self.store and group else Mark("", "")
        self.query_one(DetailPanel).show(group, mark)

    def _group(self, group_id: str | None) -> Group | None:
        if self.analysis is None or group_id is None:
            return None
        return next((g for g in self.analysis.groups if g.id == group_id), None)

    def _select(self, group_id: str | None, *, jump: bool = False) -> None:
        group = self._group(group_id)
        if group is not self.selected and self.analysis is not None:
            before = self._selected_ids()
            self.selected = group
            self._paint_columns(only=before | self._selected_ids())
        self._show_detail()
        if jump and group is not None:
            for column in self._columns():
                first = next((c for c in group.claims if c.article == column.article.id), None)
                if first is not None:
                    column.scroll_to_claim(first)

    @on(DataTable.RowHighlighted)
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._select(str(event.row_key.value))

    @on(DataTable.RowSelected)
    def _chosen(self, event: DataTable.RowSelected) -> None:
        self._select(str(event.row_key.value), jump=True)

    # -- actions --------------------------------------------------------------------------------

    def action_select_claim(self, claim_id: str) -> None:
        """A click on a highlighted figure: select its group, showing it in the list if hidden."""
        if self.analysis is None:
            return
        group = self.analysis.group_of(claim_id)
        if group is None:
            return
        table = self.query_one(DiscrepancyTable)
        if group not in visible(self.analysis.groups, self.filter_mode):
            self.filter_mode = "everything"
            self.refresh_view()
        table.move_cursor(row=table.get_row_index(group.id), animate=False)
        self._select(group.id, jump=True)

    def _step(self, delta: int) -> None:
        table = self.query_one(DiscrepancyTable)
        if not table.row_count:
            self.notify("No discrepancies with this filter; press f for more.")
            return
        row = (table.cursor_row + delta) % table.row_count
        table.move_cursor(row=row, animate=False)
        self._select(table.current_group_id, jump=True)

    def action_next_discrepancy(self) -> None:
        self._step(+1)

    def action_previous_discrepancy(self) -> None:
        self._step(-1)

    def action_jump(self) -> None:
        self._select(self.query_one(DiscrepancyTable).current_group_id, jump=True)

    def _focus_ring(self) -> list[ArticleColumn | DiscrepancyTable]:
        return [*self._columns(), self.query_one(DiscrepancyTable)]

    def _move_focus(self, delta: int) -> None:
        ring = self._focus_ring()
        current = next((i for i, w in enumerate(ring) if w.has_focus), len(ring) - 1)
        target = (current + delta) % len(ring)
        shown = self._shown()
        hidden = target < self.first_visible or target >= self.first_visible + shown
        if target < len(ring) - 1 and hidden:  # slide the window of columns to the target
            self.first_visible = target - shown + 1 if delta > 0 else target
            self._layout_columns()
        ring[target].focus()

    def action_next_column(self) -> None:
        if self.screen is not self.screen_stack[0]:  # in a dialog, tab moves within it
            self.screen.focus_next()
            return
        self._move_focus(+1)

    def action_previous_column(self) -> None:
        if self.screen is not self.screen_stack[0]:
            self.screen.focus_previous()
            return
        self._move_focus(-1)

    def _current_fact(self) -> tuple[Group, ReviewStore] | None:
        if self.selected is None or self.store is None:
            self.notify("Select a discrepancy first.", severity="warning")
            return None
        return self.selected, self.store

    def action_mark(self, status: str) -> None:
        current = self._current_fact()
        if current is None:
            return
        group, store = current
        store.set_status(fact_key(group), status)
        self.refresh_view()
        self.notify(f"{group.label}: {status}", timeout=2)

    def action_note(self) -> None:
        current = self._current_fact()
        if current is None:
            return
        group, store = current

        def save(note: str | None) -> None:
            if note is not None:
                store.set_note(fact_key(group), note)
                self.refresh_view()

        existing = store.get(fact_key(group)).note
        self.push_screen(Prompt(f"Note on: {group.label}", value=existing), save)

    def action_undo(self) -> None:
        if self.store is None or self.store.undo() is None:
            self.notify("Nothing to undo.")
            return
        self.refresh_view()
        self.notify("Undone.", timeout=2)

    def action_cycle_filter(self) -> None:
        self.filter_mode = FILTERS[(FILTERS.index(self.filter_mode) + 1) % len(FILTERS)]
        self.refresh_view()
        table = self.query_one(DiscrepancyTable)
        self._select(table.current_group_id)

    def action_save(self) -> None:
        if self.analysis is None:
            self.notify("The analysis is still running.", severity="warning")
            return
        default = f"factcheck-report-{date.today().isoformat()}.md"
        self.push_screen(Prompt("Save the copy-desk report to:", value=default), self._save_to)

    def _save_to(self, path: str | None) -> None:
        if not path or self.analysis is None:
            return
        from factcheck.report import analysis_markdown

        by_fact = self.marks()
        marks = {
            g.id: (m.status, m.note)
            for g in self.analysis.groups
            if (m := by_fact.get(fact_key(g))) is not None
        }
        target = Path(path).expanduser()
        try:
            target.write_text(analysis_markdown(self.analysis, marks=marks), encoding="utf-8")
        except OSError as err:
            self.notify(f"{target}: {err.strerror or err}", title="Not saved", severity="error")
            return
        self.notify(f"Saved the report to {target}", timeout=4)

    def action_open_article(self) -> None:
        if len(self.articles) >= MAX_ARTICLES:
            self.notify(f"The desk shows at most {MAX_ARTICLES} articles.", severity="warning")
            return
        self.push_screen(Prompt("Open another article (file or http(s) address):"), self._open)

    def _open(self, source: str | None) -> None:
        if source:
            self.read_article(source.strip())

    @work(thread=True, exclusive=True, exit_on_error=False, group="analysis")
    def read_article(self, source: str) -> None:
        from factcheck.sources import SourceError, as_articles, read_document

        try:
            document = read_document(source)
        except SourceError as err:
            self.call_from_thread(self.notify, str(err), title="Not opened", severity="error")
            return
        added = as_articles([document], first=len(self.articles))[0]
        self.call_from_thread(self._add_article, added)

    def _add_article(self, article: Article) -> None:
        self.articles.append(article)
        self.analysis = None
        self.selected = None
        self.query_one("#columns").mount(ArticleColumn(article))
        self.query_one("#loading").display = True
        self.query_one("#status").display = True
        self.query_one(DiscrepancyTable).display = False
        self._layout_columns()
        self.run_analysis()

    def action_help(self) -> None:
        self.push_screen(HelpScreen())

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        for key, title, help_text, action in (
            (
                "n",
                "Next discrepancy",
                "Select the next discrepancy and scroll to it",
                self.action_next_discrepancy,
            ),
            (
                "N",
                "Previous discrepancy",
                "Select the previous discrepancy",
                self.action_previous_discrepancy,
            ),
            (
                "a",
                "Accept",
                "Mark the selected discrepancy resolved",
                lambda: self.action_mark("accepted"),
            ),
            (
                "d",
                "Dispute",
                "Mark the selected discrepancy disputed",
                lambda: self.action_mark("disputed"),
            ),
            ("e", "Note", "Add a note to the selected discrepancy", self.action_note),
            ("u", "Undo", "Take back the last mark or note", self.action_undo),
            ("f", "Filter", "Cycle the list filter", self.action_cycle_filter),
            ("s", "Save report", "Save the copy-desk report as Markdown", self.action_save),
            (
                "o",
                "Open article",
                "Add another article from a file or address",
                self.action_open_article,
            ),
            ("?", "Help", "Keys and colours", self.action_help),
        ):
            yield SystemCommand(f"{title} ({key})", help_text, action)

    def on_unmount(self) -> None:
        if self.store is not None:
            self.store.close()


def make_app(
    articles: Sequence[Article],
    *,
    model: str | None = None,
    analyse: Analyse | None = None,
    store_path: Path | str | None = None,
) -> ReviewApp:
    """The one app factory, for the command line and the tests alike."""
    return ReviewApp(
        articles,
        analyse=analyse or _engine_analyse(model),
        store_path=store_path if store_path is not None else default_path(),
    )
