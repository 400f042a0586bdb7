"""The desk's main screen: it owns the keys, the analysis worker and what is selected.

Widgets show and say what the editor asked for (a row chosen, a figure clicked); this screen
decides. Every action runs guarded: a fault of the marks store or anything unexpected becomes a
message on screen and the desk stays usable.
"""

from __future__ import annotations

import functools
import gc
import traceback
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Concatenate, ParamSpec, TypeVar

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.events import Resize
from textual.geometry import Size
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import DataTable, Header, LoadingIndicator, Static

from factcheck.engine import Analysis
from factcheck.models import Article, Claim
from factcheck.review import ReviewStore, StoreError
from factcheck.ui import keys
from factcheck.ui.findings import on_desk
from factcheck.ui.ledger import Ledger
from factcheck.ui.messages import (
    AnalysisDone,
    AnalysisFailed,
    AnalysisProgress,
    ArticleNotRead,
    ArticleRead,
)
from factcheck.ui.sameevent import apart
from factcheck.ui.saving import free_name, report_text, write_new
from factcheck.ui.screens.help import HelpScreen
from factcheck.ui.screens.notice import Notice
from factcheck.ui.screens.prompt import Prompt
from factcheck.ui.search import Search
from factcheck.ui.text import printable
from factcheck.ui.widgets.article import ArticleColumn
from factcheck.ui.widgets.detail import DetailPanel
from factcheck.ui.widgets.discrepancies import FILTERS, DiscrepancyTable, visible
from factcheck.ui.widgets.footer import DeskFooter
from factcheck.ui.widgets.searchbar import SearchBar
from factcheck.ui.widgets.strip import ArticleStrip
from factcheck.verdicts import Group

if TYPE_CHECKING:
    from factcheck.ui.app import ReviewApp

MAX_ARTICLES = 8
NARROW = 100  # terminal columns below which two articles are shown at a time
COLUMN_WIDTH = 40  # narrower than this an article column is hard to read: show fewer, slide

P = ParamSpec("P")
R = TypeVar("R")


def guarded(
    method: Callable[Concatenate[DeskScreen, P], R],
) -> Callable[Concatenate[DeskScreen, P], R | None]:
    """Run an action or handler so that no error leaves the desk: a store fault is said as the
    store words it, anything else as an unexpected error, and the desk carries on."""

    @functools.wraps(method)
    def run(self: DeskScreen, *args: P.args, **kwargs: P.kwargs) -> R | None:
        try:
            return method(self, *args, **kwargs)
        except StoreError as err:
            self.notify(str(err), title="Marks", severity="error", timeout=10)
        except Exception as err:  # the desk must stay up; the editor is told, with where
            self.unexpected(err)
        return None

    return run  # type: ignore[return-value]  # functools.wraps hides the signature


def settle_heap() -> None:
    """Take the language model and the analysis out of the garbage collector's sight.

    They stay for the life of the desk, and they are millions of objects: every full collection
    walked all of them, tens of milliseconds that fell on whichever key was being answered (a
    resize allocates enough to set one off nearly every time). One collection now clears the
    analysis's own garbage; freezing moves what is left to the permanent generation, which the
    collector skips (until the desk closes). Objects freed by their reference count are still
    freed as before."""
    gc.collect()
    gc.freeze()


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


class DeskScreen(Screen[None]):
    """Articles side by side, the discrepancy list and the detail, and every key of the desk."""

    BINDINGS = keys.bindings()

    def __init__(self, articles: Sequence[Article]) -> None:
        super().__init__()
        self.articles: list[Article] = list(articles)
        self.analysis: Analysis | None = None
        self.checked: Analysis | None = None
        self.verdict_of: dict[str, str] = {}  # claim id -> its group's verdict, for highlights
        self.filter_mode = FILTERS[0]
        self.selected: Group | None = None
        self.first_visible = 0  # the left column shown when not every article fits
        self.ledger: Ledger | None = None
        self.search = Search()
        self._arrived = False  # the first n after loading stays on the first discrepancy
        self._width = 0
        self._laid_out: Size | None = None  # the size of the last resize handled
        self._by_id: dict[str, ArticleColumn] = {}  # the columns in order, without a DOM query
        self._before_search: Widget | None = None  # where the focus goes back after the search

    @property
    def desk_app(self) -> ReviewApp:
        from factcheck.ui.app import ReviewApp

        assert isinstance(self.app, ReviewApp)
        return self.app

    # -- layout ---------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="warning", markup=False)
        yield ArticleStrip()
        with Horizontal(id="columns"):
            for article in self.articles:
                self._by_id[article.id] = ArticleColumn(article)
                yield self._by_id[article.id]
        with Horizontal(id="bottom"):
            with Vertical(id="list-pane"):
                yield Static("Loading the language model…", id="status", markup=False)
                yield LoadingIndicator(id="loading")
                yield DiscrepancyTable()
            yield DetailPanel()
        yield SearchBar()
        yield DeskFooter()

    def on_mount(self) -> None:
        self.sub_title = f"{len(self.articles)} articles · analysing…"
        self.query_one("#warning").display = False
        self.query_one(DiscrepancyTable).display = False
        self._open_store()
        self._layout_columns(self.app.size.width)
        self.run_analysis(tuple(self.articles))

    @guarded
    def _open_store(self) -> None:
        config = self.desk_app.config
        store = ReviewStore(config.store_path, reviewer=config.reviewer)
        self.ledger = Ledger(store)
        if store.problem:
            self.notify(store.problem, title="Marks", severity="warning", timeout=20)

    def on_resize(self, event: Resize) -> None:
        # Laying the screen out at a new size sends the screen a second Resize of that same size,
        # which would have Textual lay out and paint every widget once more for nothing.
        if event.size == self._laid_out:
            event.prevent_default()
            return
        self._laid_out = event.size
        self._layout_columns(event.size.width)
        if self.analysis is not None:
            self._update_header()

    def _columns(self) -> list[ArticleColumn]:
        return list(self._by_id.values())

    def _column(self, article_id: str) -> ArticleColumn:
        return self._by_id[article_id]

    def _shown(self) -> int:
        """How many article columns fit: two below NARROW, else one per COLUMN_WIDTH."""
        width = self._width
        return 2 if width < NARROW else max(2, width // COLUMN_WIDTH)

    def _layout_columns(self, width: int | None = None) -> None:
        """Show as many articles as fit side by side; tab slides the window along."""
        if width:
            self._width = width
        columns = self._columns()
        shown = self._shown()
        self.first_visible = max(0, min(self.first_visible, len(columns) - shown))
        for i, column in enumerate(columns):
            column.display = self.first_visible <= i < self.first_visible + shown
        self.set_class(len(columns) > shown, "sliding")
        self._draw_strip()

    def _draw_strip(self) -> None:
        shown = [c.article.id for c in self._columns() if c.display]
        claims = self.analysis.claims if self.analysis else ()
        self.query_one(ArticleStrip).draw(self.articles, shown, claims, self.verdict_of)

    def _slide_to(self, index: int) -> None:
        shown = self._shown()
        if index < self.first_visible:
            self.first_visible = index
        elif index >= self.first_visible + shown:
            self.first_visible = index - shown + 1
        else:
            return
        self._layout_columns()

    # -- analysis -------------------------------------------------------------------------------

    @work(thread=True, exclusive=True, exit_on_error=False, group="analysis")
    def run_analysis(self, articles: tuple[Article, ...]) -> None:
        """Analyse a snapshot of the articles: `o` meanwhile changes the list, not this run."""
        from factcheck.nlp import ModelMissing

        self.post_message(AnalysisProgress("Loading the language model and reading the figures…"))
        try:
            analysis = self.desk_app.config.analyse(articles)
        except ModelMissing as err:
            self.post_message(AnalysisFailed(articles, str(err)))
            return
        except Exception as err:  # any fault must reach the editor, not spin forever
            detail = printable(str(err)) or "no message"
            self.post_message(AnalysisFailed(articles, f"{type(err).__name__}: {detail}"))
            self.desk_app.log_error(err)
            return
        settle_heap()
        self.post_message(AnalysisDone(articles, analysis))

    @on(AnalysisProgress)
    def _progress(self, message: AnalysisProgress) -> None:
        self.query_one("#status", Static).update(message.text)

    @on(AnalysisFailed)
    def _failed(self, message: AnalysisFailed) -> None:
        if message.articles != tuple(self.articles):
            return
        self.query_one("#loading").display = False
        status = self.query_one("#status", Static)
        status.add_class("failed")
        status.update(
            f"Analysis failed: {message.message}\nThe articles stay open to read; "
            "o opens another, q quits."
        )
        self.sub_title = f"{len(self.articles)} articles · analysis failed"
        self.notify(message.message, title="Analysis failed", severity="error", timeout=15)

    @on(AnalysisDone)
    @guarded
    def _done(self, message: AnalysisDone) -> None:
        if message.articles != tuple(self.articles):
            return  # a run for an earlier set of articles: its successor is on the way
        self.checked = message.analysis  # as the engine gave it: what the saved report renders
        self.analysis = on_desk(message.analysis)  # findings as rows of the list
        self.verdict_of = {c.id: g.verdict for g in self.analysis.groups for c in g.claims}
        for column in self._columns():
            column.set_claims(self.analysis.claims, self.verdict_of)
        self.query_one("#loading").display = False
        self.query_one("#status").display = False
        self.query_one("#status").remove_class("failed")
        self.query_one(DiscrepancyTable).display = True
        self._warn_if_apart()
        self._refresh_marks()
        self.refresh_view()
        self._paint_columns()
        self._draw_strip()
        table = self.query_one(DiscrepancyTable)
        table.focus()
        self._arrived = False
        if table.row_count:
            self._select(table.current_group_id, jump=True)
        orphans = self.ledger.placement.orphans if self.ledger else []
        if orphans:
            self.notify(
                f"{len(orphans)} earlier mark(s) name figures no longer found in these "
                "articles; the saved report lists them under 'Stale review marks'.",
                title="Marks",
                timeout=10,
            )

    def _warn_if_apart(self) -> None:
        odd = apart(self.articles)
        warning = self.query_one("#warning", Static)
        warning.display = bool(odd)
        if odd:
            which = ", ".join(odd)
            warning.update(
                f"⚠ {which} share{'s' if len(odd) == 1 else ''} few names, places or years with "
                "the other articles: they may report a different event. Compare figures with care."
            )

    def _refresh_marks(self) -> None:
        if self.ledger is not None and self.analysis is not None:
            try:
                self.ledger.refresh(self.analysis)
            except StoreError as err:
                self.notify(str(err), title="Marks", severity="error", timeout=10)

    # -- state to screen ------------------------------------------------------------------------

    def refresh_view(self) -> None:
        """Repaint the list, the header and the detail from the current state. The highlights in
        the columns change only with the analysis, the selection and the search."""
        if self.analysis is None:
            return
        placement = self.ledger.placement if self.ledger else None
        table = self.query_one(DiscrepancyTable)
        table.fill(
            self.analysis.groups,
            [a.id for a in self.articles],
            placement.current if placement else {},
            placement.stale.keys() if placement else (),
            self.filter_mode,
            label_width=24 if self._width < NARROW else 48,
            keep=self.selected.id if self.selected else None,
        )
        self._update_header()
        self._show_detail()

    def _update_header(self) -> None:
        assert self.analysis is not None
        accepted, disputed, still_open = (
            self.ledger.counts(self.analysis.groups) if self.ledger else (0, 0, 0)
        )
        parts = [f"{len(self.articles)} articles"] if self._width >= NARROW else []
        parts += [
            _count(self.analysis.count("conflict"), "conflict", "conflicts"),
            f"{self.analysis.count('qualifier_mismatch')} hedged",
            f"{accepted} accepted",
            f"{disputed} disputed",
            f"{still_open} open",
        ]
        if self.ledger is not None:
            stale = len(self.ledger.placement.all_stale())
            if stale:
                parts.append(f"{stale} stale")
            if not self.ledger.store.saving:
                parts.append("marks NOT saved")
        # narrow: commas take less room than " · ", so the open count is not cut off
        self.sub_title = (" · " if self._width >= NARROW else ", ").join(parts)

    def _paint_columns(self, only: frozenset[str] | None = None, *, search: bool = False) -> None:
        """Repaint the highlights: everywhere, or in the paragraphs holding the claims `only`."""
        assert self.analysis is not None
        selected = self._selected_ids()
        found = self.search.in_article()
        for column in self._columns():
            column.show(
                selected, only=only, found=found.get(column.article.id, ()), repaint_found=search
            )

    def _selected_ids(self) -> frozenset[str]:
        return frozenset(c.id for c in self.selected.claims) if self.selected else frozenset()

    def _show_detail(self) -> None:
        group = self.selected
        ledger = self.ledger
        articles = {a.id: a for a in self.articles}
        mark = ledger.mark(group) if ledger else None
        stale = ledger.stale(group) if ledger else []
        self.query_one(DetailPanel).show(group, articles, mark, stale)

    def _group(self, group_id: str | None) -> Group | None:
        if self.analysis is None or group_id is None:
            return None
        return next((g for g in self.analysis.groups if g.id == group_id), None)

    def _select(self, group_id: str | None, *, jump: bool = False) -> None:
        group = self._group(group_id)
        changed = group is not self.selected
        if changed and self.analysis is not None:
            before = self._selected_ids()
            self.selected = group
            self._paint_columns(only=before | self._selected_ids())
        self._show_detail()
        if (jump or changed) and group is not None:
            self._aim_at(group)

    def _aim_at(self, group: Group, *, claim: Claim | None = None) -> None:
        """Scroll every column holding one of the group's figures to it (hidden ones too: they
        show it when they slide into view)."""
        for column in self._columns():
            mine = [c for c in group.claims if c.article == column.article.id]
            if claim is not None and claim.article == column.article.id:
                mine = [claim]
            if mine:
                first = min(mine, key=lambda c: c.start)
                column.aim(first.start, first.end)

    @on(DataTable.RowHighlighted)
    @guarded
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        group_id = str(event.row_key.value)
        if self.selected is not None and self.selected.id == group_id:
            return  # the key that moved the cursor has selected it and drawn it already
        self._select(group_id)

    @on(DataTable.RowSelected)
    @guarded
    def _chosen(self, event: DataTable.RowSelected) -> None:
        self._arrived = True
        self._select(str(event.row_key.value), jump=True)

    # -- moving ---------------------------------------------------------------------------------

    @guarded
    def action_select_claim(self, claim_id: str) -> None:
        """A click on a highlighted figure: select its group, showing it in the list if hidden."""
        if self.analysis is None:
            return
        group = self.analysis.group_of(claim_id)
        claim = next((c for c in self.analysis.claims if c.id == claim_id), None)
        if group is not None:
            self._show_group(group, claim=claim)

    def _show_group(self, group: Group, *, claim: Claim | None = None) -> None:
        """Select a group, widening the list filter to every figure when it is not listed."""
        assert self.analysis is not None
        marked = self.ledger.placement.current.keys() if self.ledger else ()
        if group not in visible(self.analysis.groups, self.filter_mode, marked):
            self.filter_mode = "everything"
            self.refresh_view()
            self.notify(
                f"“{group.label}” is {group.verdict.replace('_', ' ')}: the list now shows "
                "every figure (f to change).",
                timeout=4,
            )
        table = self.query_one(DiscrepancyTable)
        self._arrived = True
        table.move_cursor(row=table.get_row_index(group.id), animate=False)
        self._select(group.id, jump=True)
        if claim is not None:
            self._aim_at(group, claim=claim)

    def _step(self, delta: int) -> None:
        table = self.query_one(DiscrepancyTable)
        if self.analysis is None:
            self.notify("The analysis is still running.", severity="warning")
            return
        if not table.row_count:
            self.notify("No discrepancies with this filter; press f for more.")
            return
        if not self._arrived:  # the first discrepancy is shown on loading: n stays on it
            self._arrived = True
            delta = 0
        row = (table.cursor_row + delta) % table.row_count
        table.move_cursor(row=row, animate=False)
        self._select(table.current_group_id, jump=True)

    @guarded
    def action_next_discrepancy(self) -> None:
        self._step(+1)

    @guarded
    def action_previous_discrepancy(self) -> None:
        self._step(-1)

    @guarded
    def action_jump(self) -> None:
        self._arrived = True
        self._select(self.query_one(DiscrepancyTable).current_group_id, jump=True)

    def _current_column(self) -> ArticleColumn | None:
        columns = self._columns()
        focused = next((c for c in columns if c.has_focus), None)
        if focused is not None:
            return focused
        if self.selected is not None:
            for claim in self.selected.claims:
                column = self._column(claim.article)
                if column.display:
                    return column
        return next((c for c in columns if c.display), None)

    def _figure_step(self, delta: int) -> None:
        if self.analysis is None:
            return
        column = self._current_column()
        if column is None:
            return
        mine = sorted(
            (c for c in self.analysis.claims if c.article == column.article.id),
            key=lambda c: c.start,
        )
        if not mine:
            self.notify(f"No figures found in {column.article.id}.")
            return
        at = column.target[0] if column.target else -1
        if delta > 0:
            claim = next((c for c in mine if c.start > at), mine[0])
        else:
            claim = next((c for c in reversed(mine) if c.start < at), mine[-1])
        group = self.analysis.group_of(claim.id)
        if group is not None:
            self._show_group(group, claim=claim)

    @guarded
    def action_next_figure(self) -> None:
        self._figure_step(+1)

    @guarded
    def action_previous_figure(self) -> None:
        self._figure_step(-1)

    @guarded
    def action_show_article(self, article_id: str) -> None:
        ids = [a.id for a in self.articles]
        if article_id in ids:
            self._slide_to(ids.index(article_id))

    def _focus_ring(self) -> list[ArticleColumn | DiscrepancyTable | DetailPanel]:
        return [*self._columns(), self.query_one(DiscrepancyTable), self.query_one(DetailPanel)]

    def _cycle_columns(self, delta: int) -> None:
        ring = self._focus_ring()
        current = next((i for i, w in enumerate(ring) if w.has_focus), len(ring) - 2)
        target = (current + delta) % len(ring)
        if target < len(self._columns()):
            self._slide_to(target)
        ring[target].focus()

    @guarded
    def action_next_column(self) -> None:
        self._cycle_columns(+1)

    @guarded
    def action_previous_column(self) -> None:
        self._cycle_columns(-1)

    # -- search ---------------------------------------------------------------------------------

    @guarded
    def action_search(self) -> None:
        self._before_search = self.focused
        self.query_one(DeskFooter).display = False  # the search line takes its place
        self.query_one(SearchBar).ask(self.search.term)

    def _search_closed(self, *, refocus: bool) -> None:
        self.query_one(DeskFooter).display = True
        before, self._before_search = self._before_search, None
        if refocus and before is not None and before.is_attached and before.display:
            before.focus()

    @on(SearchBar.Asked)
    def _search_asked(self, message: SearchBar.Asked) -> None:
        self._search_closed(refocus=True)
        self._search_for(message.term)

    @on(SearchBar.Dropped)
    def _search_dropped(self, message: SearchBar.Dropped) -> None:
        # escape gives the focus back; tab or a click has put it where the editor wanted
        self._search_closed(refocus=not message.went_elsewhere)

    @guarded
    def _search_for(self, term: str) -> None:
        self.search.run(term, self.articles)
        self._paint_search()
        if self.search.term and not self.search.matches:
            self.notify(f"“{self.search.term}” is in none of the articles.")
        self._goto_match(+1)

    def _paint_search(self) -> None:
        """Repaint where matches are or were; before the analysis, the plain text."""
        if self.analysis is not None:
            self._paint_columns(only=frozenset(), search=True)
            return
        found = self.search.in_article()
        for column in self._columns():
            column.show(
                frozenset(),
                only=frozenset(),
                found=found.get(column.article.id, ()),
                repaint_found=True,
            )

    def _goto_match(self, delta: int) -> None:
        match = self.search.step(delta)
        # said in the list's frame, not a toast: a toast for every g would reflow the screen
        self.query_one(DiscrepancyTable).border_subtitle = self.search.where()
        if match is None:
            return
        article_id, start, end = match
        self._slide_to([a.id for a in self.articles].index(article_id))
        self._column(article_id).aim(start, end)

    @guarded
    def action_next_match(self) -> None:
        if not self.search.matches:
            self.notify("No search: press / to search.")
        self._goto_match(+1)

    @guarded
    def action_previous_match(self) -> None:
        if not self.search.matches:
            self.notify("No search: press / to search.")
        self._goto_match(-1)

    @guarded
    def action_clear_search(self) -> None:
        if self.search.matches:
            self.search.clear()
            self._paint_search()
            self.query_one(DiscrepancyTable).border_subtitle = ""

    # -- deciding -------------------------------------------------------------------------------

    def _current_group(self) -> Group | None:
        if self.ledger is None:
            self.notify("Marks cannot be made: the marks store did not open.", severity="error")
            return None
        if self.selected is None:
            self.notify("Select a discrepancy first.", severity="warning")
            return None
        return self.selected

    @guarded
    def action_mark(self, status: str) -> None:
        group = self._current_group()
        if group is None or self.ledger is None:
            return
        self.ledger.change(group, status=status)
        self._arrived = True  # decided on: the next n moves on
        self._after_change()
        self.notify(f"{group.label}: {status}", timeout=2)

    @guarded
    def action_note(self) -> None:
        group = self._current_group()
        if group is None or self.ledger is None:
            return
        ledger = self.ledger
        current = ledger.mark(group)
        existing = current.note if current else next((m.note for m in ledger.stale(group)), "")

        @guarded
        def save(screen: DeskScreen, note: str | None) -> None:
            if note is not None:
                ledger.change(group, note=note)
                screen._after_change()

        self.app.push_screen(
            Prompt(f"Note on: {group.label}", value=existing), functools.partial(save, self)
        )

    def _after_change(self) -> None:
        self._refresh_marks()
        self.refresh_view()

    @guarded
    def action_undo(self) -> None:
        if self.ledger is None:
            return
        undone = self.ledger.store.undo()
        if undone is None:
            self.notify("Nothing to undo: no mark or note made since the desk opened.")
            return
        self._after_change()
        self.notify(f"Undone: {undone}", timeout=3)

    @guarded
    def action_cycle_filter(self) -> None:
        self.filter_mode = FILTERS[(FILTERS.index(self.filter_mode) + 1) % len(FILTERS)]
        self.refresh_view()
        self._select(self.query_one(DiscrepancyTable).current_group_id)

    # -- saving and opening ---------------------------------------------------------------------

    @guarded
    def action_save(self) -> None:
        if self.analysis is None:
            self.notify("The analysis is still running.", severity="warning")
            return
        default = free_name(Path.cwd() / f"factcheck-report-{date.today().isoformat()}.md")
        self.app.push_screen(
            Prompt("Save the copy-desk report to:", value=default.name), self._save_to
        )

    @guarded
    def _save_to(self, answer: str | None) -> None:
        if not answer or not answer.strip() or self.analysis is None:
            return
        target = Path(answer.strip()).expanduser()
        if not target.is_absolute():
            target = Path.cwd() / target
        if target.exists():
            self._propose(target)
            return
        checked = self.checked or self.analysis
        text = report_text(checked, self.ledger.placement if self.ledger else None)
        try:
            write_new(target, text)
        except FileExistsError:
            self._propose(target)
            return
        except OSError as err:
            self.notify(
                f"{target}: {err.strerror or err}", title="Not saved", severity="error", timeout=10
            )
            return
        self.notify(f"Saved the report to {target.resolve()}", timeout=6)

    def _propose(self, taken: Path) -> None:
        proposal = free_name(taken)
        self.app.push_screen(
            Prompt(f"{taken} exists and is kept. Save as:", value=str(proposal)), self._save_to
        )

    @guarded
    def action_open_article(self) -> None:
        if len(self.articles) >= MAX_ARTICLES:
            self.app.push_screen(
                Notice(
                    f"{len(self.articles)} articles are open, the most the desk shows side by "
                    "side. Start another desk to compare other articles."
                )
            )
            return
        self.app.push_screen(Prompt("Open another article (file or http(s) address):"), self._open)

    def _open(self, source: str | None) -> None:
        if source and source.strip():
            self.read_article(source.strip())

    @work(thread=True, exclusive=True, exit_on_error=False, group="reading")
    def read_article(self, source: str) -> None:
        from factcheck.sources import SourceError, as_articles, read_document

        try:
            document = read_document(source)
            added = as_articles([document], first=len(self.articles))[0]
        except SourceError as err:
            self.post_message(ArticleNotRead(source, printable(str(err))))
            return
        except Exception as err:  # said to the editor, the desk goes on
            self.desk_app.log_error(err)
            self.post_message(
                ArticleNotRead(source, f"{printable(source)}: {type(err).__name__}: {err}")
            )
            return
        self.post_message(ArticleRead(added))

    @on(ArticleNotRead)
    def _not_read(self, message: ArticleNotRead) -> None:
        self.notify(message.message, title="Not opened", severity="error", timeout=10)

    @on(ArticleRead)
    @guarded
    def _read(self, message: ArticleRead) -> None:
        article = message.article
        twin = next((a for a in self.articles if a.text == article.text), None)
        if twin is not None:
            self.notify(f"That article is already open as {twin.id}.", severity="warning")
            return
        if len(self.articles) >= MAX_ARTICLES:
            self.notify(f"The desk shows at most {MAX_ARTICLES} articles.", severity="warning")
            return
        self.articles.append(article)
        self.analysis = self.checked = None
        self.selected = None
        self._by_id[article.id] = ArticleColumn(article)
        self.query_one("#columns").mount(self._by_id[article.id])
        self.query_one("#loading").display = True
        status = self.query_one("#status", Static)
        status.display = True
        status.update("Reading the figures of the new article…")
        self.query_one(DiscrepancyTable).display = False
        self.sub_title = f"{len(self.articles)} articles · analysing…"
        self._layout_columns()
        self.run_analysis(tuple(self.articles))

    # -- the rest -------------------------------------------------------------------------------

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen())

    def action_quit(self) -> None:
        self.app.exit()

    def unexpected(self, err: BaseException) -> None:
        where = self.desk_app.log_error(err)
        self.notify(
            f"{type(err).__name__}: {printable(str(err))}. The desk carries on; marks already "
            f"made are saved.{f' Details in {where}.' if where else ''}",
            title="Unexpected error",
            severity="error",
            timeout=15,
        )

    def on_unmount(self) -> None:
        if self.ledger is not None:
            self.ledger.store.close()
        gc.unfreeze()  # what the desk held may become garbage now; let the collector see it


def format_error(err: BaseException) -> str:
    return "".join(traceback.format_exception(err))
