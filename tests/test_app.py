"""The review desk, driven with Pilot: keys, marks, notes, undo, filters, search, save, open.

Most tests run on the fixed analysis of tests/desk_fixture.py (no model, fast, and an engine
change does not move them); a few run the live engine on the seeds to prove the wiring."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from factcheck.review import ReviewStore
from tests import desk_fixture

ROOT = Path(__file__).resolve().parents[1]
INJURED = "people injured in the collapse"
KILLED = "people killed in the collapse"


def fixed(order=(0, 1, 2), **kwargs):
    analysis = desk_fixture.analysis(order, **kwargs)
    return analysis.articles, (lambda articles: analysis)


def make(articles, analyse, store_path, **kwargs):
    from factcheck.ui.app import make_app

    return make_app(articles, analyse=analyse, store_path=store_path, reviewer="ana", **kwargs)


async def ready(app, pilot):
    for _ in range(400):
        if app.desk.analysis is not None:
            break
        await pilot.pause(0.05)
    await pilot.pause()
    assert app.desk.analysis is not None


def _window_text(column) -> str:
    rows = column.visible_rows()
    out = []
    for child in column.children:
        region = child.virtual_region
        if region.bottom <= rows.start or region.y >= rows.stop:
            continue
        lines = child.render_lines(child.region.reset_offset) if child.size.height else []
        for n, strip in enumerate(lines):
            if rows.start <= region.y + n < rows.stop:
                out.append(strip.text)
    return "\n".join(out)


def figure_in_view(column, claim) -> bool:
    row = column.row_of(claim.start)
    return row is not None and row in column.visible_rows()


async def eventually(pilot, check, seconds: float = 3.0) -> bool:
    """Whether `check()` holds once the screen has settled (layout, then the scroll after it,
    take a few refreshes on a busy machine)."""
    for _ in range(int(seconds / 0.05)):
        if check():
            return True
        await pilot.pause(0.05)
    return check()


@pytest.fixture
def store_path(tmp_path):
    return tmp_path / "marks.db"


# -- loading and errors --------------------------------------------------------------------------


async def test_paints_before_analysis(store_path):
    gate = threading.Event()

    def slow(articles):
        gate.wait(5)
        raise RuntimeError("not reached in this test")

    app = make(desk_fixture.articles(), slow, store_path)
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()
        assert "analysing" in app.desk.sub_title
        assert app.desk.query_one("#loading").display
        assert len(app.desk.query("ArticleColumn")) == 3
        await pilot.press("n", "a", "s")  # keys work while the model loads
        assert app.is_running
        assert app.desk.selected is None
        gate.set()


async def test_an_error_in_the_analysis_is_shown(store_path):
    def broken(articles):
        raise ValueError("the figures could not be read")

    app = make(desk_fixture.articles(), broken, store_path)
    async with app.run_test(size=(160, 48)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        status = str(app.desk.query_one("#status").render())
        assert "Analysis failed: ValueError: the figures could not be read" in status
        assert not app.desk.query_one("#loading").display
        assert "analysis failed" in app.desk.sub_title
        await pilot.press("question_mark")  # still usable
        assert type(app.screen).__name__ == "HelpScreen"


async def test_unexpected_error_in_an_action_is_a_message(store_path, monkeypatch):
    articles, analyse = fixed()
    app = make(articles, analyse, store_path)
    async with app.run_test(size=(160, 48)) as pilot:
        await ready(app, pilot)

        def boom(*args, **kwargs):
            raise KeyError("surprise")

        monkeypatch.setattr(app.desk.ledger, "change", boom)
        await pilot.press("a")
        await pilot.pause()
        assert app.is_running
        shown = [n.message for n in app._notifications]
        assert any("KeyError" in m and "carries on" in m for m in shown)
        monkeypatch.undo()
        await pilot.press("a")
        assert "1 accepted" in app.desk.sub_title


# -- moving: the selected figure is in view ------------------------------------------------------


async def test_first_n_stays_on_the_first_discrepancy(store_path):
    articles, analyse = fixed()
    app = make(articles, analyse, store_path)
    async with app.run_test(size=(160, 48)) as pilot:
        await ready(app, pilot)
        assert app.desk.selected.label == INJURED
        await pilot.press("n")
        assert app.desk.selected.label == INJURED
        await pilot.press("n")
        assert app.desk.selected.label == KILLED
        await pilot.press("N")
        assert app.desk.selected.label == INJURED


def long_story(letter_count: int, figure_at: int):
    """Articles whose one shared figure sits deep in a long text, below the first screen."""
    from factcheck.engine import Analysis
    from factcheck.models import Article, Claim
    from factcheck.numbers import Interval
    from factcheck.verdicts import Group

    filler = "The council met again on the matter and heard from residents at length. "
    articles, claims = [], []
    for n in range(letter_count):
        letter = "ABCDEFGH"[n]
        paragraphs = [filler * 3 for _ in range(figure_at + n)]
        paragraphs.append(f"{filler}In all {30 + n} homes were flooded, officials said. {filler}")
        paragraphs += [filler * 2] * 4
        text = f"Flood story {letter}\n\n" + "\n\n".join(paragraphs)
        article = Article(letter, f"story-{letter}.txt", f"Flood story {letter}", text)
        start = text.index(f"{30 + n} homes")
        surface = str(30 + n)
        claims.append(
            Claim(
                id=f"{letter}1",
                article=letter,
                start=start,
                end=start + len(surface),
                surface=surface,
                sentence=f"In all {surface} homes were flooded, officials said.",
                kind="count",
                quantity=Interval(30 + n, 30 + n),
                qualifier="exact",
                topic="home",
            )
        )
        articles.append(article)
    group = Group("G1", "home", "homes flooded", tuple(claims), "conflict", "they differ")
    analysis = Analysis(tuple(articles), tuple(claims), (group,))
    return articles, (lambda _: analysis)


@pytest.mark.parametrize("size", [(160, 48), (120, 40), (80, 24)])
async def test_n_scrolls_every_column_to_the_figure(store_path, size):
    articles, analyse = long_story(8, figure_at=12)
    app = make(articles, analyse, store_path)
    async with app.run_test(size=size) as pilot:
        await ready(app, pilot)
        await pilot.press("n")
        await pilot.pause()
        desk = app.desk
        claims = {c.article: c for c in desk.selected.claims}
        for column in desk.query("ArticleColumn"):
            if column.display:
                claim = claims[column.article.id]
                assert await eventually(
                    pilot, lambda column=column, claim=claim: figure_in_view(column, claim)
                ), column.article.id
                assert claims[column.article.id].surface in _window_text(column)
        # the columns slid out of view were scrolled too: they show the figure when shown
        for _ in range(9):
            await pilot.press("tab")
        await pilot.pause()
        last = desk.query_one("#column-H")
        assert last.display
        assert await eventually(pilot, lambda: figure_in_view(last, claims["H"]))


async def test_resize_recomputes_columns_and_keeps_the_figure(store_path):
    articles, analyse = long_story(8, figure_at=12)
    app = make(articles, analyse, store_path)
    async with app.run_test(size=(160, 48)) as pilot:
        await ready(app, pilot)
        desk = app.desk
        assert sum(c.display for c in desk.query("ArticleColumn")) == 4
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        await pilot.pause()
        assert sum(c.display for c in desk.query("ArticleColumn")) == 2, "from the new size"
        await pilot.resize_terminal(200, 50)
        await pilot.pause()
        await pilot.pause()
        shown = [c for c in desk.query("ArticleColumn") if c.display]
        assert len(shown) == 5
        claims = {c.article: c for c in desk.selected.claims}
        for column in shown:
            claim = claims[column.article.id]
            assert await eventually(
                pilot, lambda column=column, claim=claim: figure_in_view(column, claim)
            ), column.article.id


async def test_tab_moves_between_columns_and_list(store_path):
    articles, analyse = fixed()
    app = make(articles, analyse, store_path)
    async with app.run_test(size=(90, 30)) as pilot:
        await ready(app, pilot)
        desk = app.desk
        shown = [c.article.id for c in desk.query("ArticleColumn") if c.display]
        assert shown == ["A", "B"], "narrow terminals show two articles at a time"
        await pilot.press("tab")
        assert app.focused.id == "detail"
        await pilot.press("tab")
        assert app.focused.id == "column-A"
        await pilot.press("tab", "tab")
        assert app.focused.id == "column-C"
        shown = [c.article.id for c in desk.query("ArticleColumn") if c.display]
        assert shown == ["B", "C"]
        await pilot.press("tab")
        assert app.focused.id == "discrepancies"


async def test_next_figure_in_the_column(store_path):
    articles, analyse = fixed()
    app = make(articles, analyse, store_path)
    async with app.run_test(size=(160, 48)) as pilot:
        await ready(app, pilot)
        desk = app.desk
        await pilot.press("tab")  # into the detail
        await pilot.press("tab")  # column A
        assert app.focused.id == "column-A"
        column = desk.query_one("#column-A")
        first = column.target[0]  # the first discrepancy's figure, shown on loading
        mine = sorted(c.start for c in desk.analysis.claims if c.article == "A")
        seen = []
        for _ in range(len(mine)):
            await pilot.press("right_square_bracket")
            seen.append(column.target[0])
        after = [s for s in mine if s > first]
        assert seen == after + [s for s in mine if s <= first], "text order, wrapping round"
        assert desk.filter_mode == "everything", "a figure stated once widens the list"
        await pilot.press("left_square_bracket")
        assert column.target[0] == seen[-2]


async def test_click_on_a_single_figure_says_the_list_changed(store_path):
    articles, analyse = fixed()
    app = make(articles, analyse, store_path)
    async with app.run_test(size=(160, 48)) as pilot:
        await ready(app, pilot)
        desk = app.desk
        visitors = next(c for c in desk.analysis.claims if c.surface == "8,000")
        await desk.run_action(f"select_claim({visitors.id!r})")
        await pilot.pause()
        assert visitors in desk.selected.claims
        assert desk.filter_mode == "everything"
        messages = [n.message for n in app._notifications]
        assert any("now shows every figure" in m for m in messages)


async def test_clicking_a_row_jumps_to_it(store_path):
    articles, analyse = fixed()
    app = make(articles, analyse, store_path)
    async with app.run_test(size=(160, 48)) as pilot:
        await ready(app, pilot)
        table = app.desk.query_one("#discrepancies")
        await pilot.click(table, offset=(4, 3))  # border, header, first row: the second row
        await pilot.pause()
        assert app.desk.selected.label == KILLED


# -- deciding ------------------------------------------------------------------------------------


async def test_mark_note_undo_and_counts(store_path):
    articles, analyse = fixed()
    app = make(articles, analyse, store_path)
    async with app.run_test(size=(160, 48)) as pilot:
        await ready(app, pilot)
        desk = app.desk
        assert "0 accepted · 0 disputed · 2 open" in desk.sub_title
        await pilot.press("a")
        assert "1 accepted · 0 disputed · 1 open" in desk.sub_title
        await pilot.press("n", "d")
        assert "1 accepted · 1 disputed · 0 open" in desk.sub_title, "disputed is not resolved"
        await pilot.press("e", *"quoted: and Reuters says 3", "enter")  # q, a, d, n type, not act
        mark = desk.ledger.mark(desk.selected)
        assert (mark.status, mark.note, mark.reviewer) == (
            "disputed",
            "quoted: and Reuters says 3",
            "ana",
        )
        detail = desk.query_one("#detail").content.plain
        assert "disputed by ana" in detail
        assert "quoted: and Reuters says 3" in detail
        await pilot.press("u")
        messages = [n.message for n in app._notifications]
        assert f"Undone: note on {KILLED!r}" in messages
        await pilot.press("u", "u")
        assert "0 accepted · 0 disputed · 2 open" in desk.sub_title
        await pilot.press("u")
        messages = [n.message for n in app._notifications]
        assert any(m.startswith("Nothing to undo") for m in messages)


async def test_note_cancel_keeps_nothing(store_path):
    articles, analyse = fixed()
    app = make(articles, analyse, store_path)
    async with app.run_test(size=(160, 48)) as pilot:
        await ready(app, pilot)
        await pilot.press("e", "x", "escape")
        assert app.desk.ledger.mark(app.desk.selected) is None


@pytest.mark.parametrize(
    ("reopened", "rules"),
    [
        pytest.param((2, 0, 1), {}, id="reorder"),
        pytest.param((1, 0), {}, id="remove"),
        pytest.param((0, 1, 2), {"shift": 7}, id="rule-change-renumbers"),
    ],
)
async def test_marks_survive_reopening(store_path, reopened, rules):
    articles, analyse = fixed()
    app = make(articles, analyse, store_path)
    async with app.run_test(size=(160, 48)) as pilot:
        await ready(app, pilot)
        await pilot.press("a", "e", *"AFP confirms", "enter")
    articles, analyse = fixed(reopened, **rules)
    again = make(articles, analyse, store_path)
    async with again.run_test(size=(160, 48)) as pilot:
        await ready(again, pilot)
        desk = again.desk
        assert "1 accepted" in desk.sub_title
        injured = next(g for g in desk.analysis.groups if g.label == INJURED)
        assert desk.ledger.mark(injured).note == "AFP confirms"


async def test_marks_survive_adding_an_article_with_o(store_path, tmp_path):
    articles, analyse_two = fixed((0, 1))
    three = desk_fixture.analysis((0, 1, 2))

    def analyse(given):
        return analyse_two(given) if len(given) == 2 else three

    app = make(articles, analyse, store_path)
    async with app.run_test(size=(160, 48)) as pilot:
        await ready(app, pilot)
        await pilot.press("d")
        story = tmp_path / "evening-post.txt"
        story.write_text(three.articles[2].text, encoding="utf-8")
        await pilot.press("o", *str(story), "enter")
        for _ in range(100):
            if len(app.desk.articles) == 3 and app.desk.analysis is not None:
                break
            await pilot.pause(0.05)
        desk = app.desk
        assert [a.id for a in desk.articles] == ["A", "B", "C"]
        assert "1 disputed" in desk.sub_title
        assert "0 accepted · 1 disputed · 1 open" in desk.sub_title


async def test_changed_figures_show_a_stale_mark_with_its_note(store_path):
    articles, analyse = fixed()
    app = make(articles, analyse, store_path)
    async with app.run_test(size=(160, 48)) as pilot:
        await ready(app, pilot)
        await pilot.press("a", "e", *"AFP confirms", "enter")
    articles, analyse = fixed(widen="14")
    again = make(articles, analyse, store_path)
    async with again.run_test(size=(160, 48)) as pilot:
        await ready(again, pilot)
        desk = again.desk
        assert "1 stale" in desk.sub_title
        assert "0 accepted" in desk.sub_title
        detail = desk.query_one("#detail").content.plain
        assert "Stale mark" in detail
        assert "AFP confirms" in detail
        table = desk.query_one("#discrepancies")
        assert table.get_row(desk.selected.id)[1] == "stale"
        await pilot.press("e")  # the note offered for editing is the stale one
        assert again.screen.query_one("Input").value == "AFP confirms"
        await pilot.press("enter")
        assert "1 stale" not in desk.sub_title


async def test_unreviewed_filter(store_path):
    articles, analyse = fixed()
    app = make(articles, analyse, store_path)
    async with app.run_test(size=(160, 48)) as pilot:
        await ready(app, pilot)
        desk = app.desk
        table = desk.query_one("#discrepancies")
        await pilot.press("a", "f")
        assert desk.filter_mode == "unreviewed"
        assert table.row_count == 1
        counts = [table.row_count]
        for _ in range(3):
            await pilot.press("f")
            counts.append(table.row_count)
        assert desk.filter_mode == "discrepancies"
        assert counts == [1, 4, 6, 2]


# -- the store's faults, seen from the desk ------------------------------------------------------


async def test_damaged_store_is_said_and_the_desk_works(store_path):
    store_path.write_bytes(b"not sqlite at all" * 100)
    articles, analyse = fixed()
    app = make(articles, analyse, store_path)
    async with app.run_test(size=(160, 48)) as pilot:
        await ready(app, pilot)
        messages = [n.message for n in app._notifications]
        assert any("set aside as marks.db.damaged-" in m for m in messages)
        await pilot.press("a")
        assert "1 accepted" in app.desk.sub_title
    assert len(list(store_path.parent.glob("marks.db.damaged-*"))) == 1


async def test_unwritable_store_keeps_the_desk_working(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    articles, analyse = fixed()
    app = make(articles, analyse, blocker / "data" / "marks.db")
    async with app.run_test(size=(160, 48)) as pilot:
        await ready(app, pilot)
        messages = [n.message for n in app._notifications]
        assert any(m.startswith("Marks cannot be saved") for m in messages)
        assert "marks NOT saved" in app.desk.sub_title
        await pilot.press("a")
        assert "1 accepted" in app.desk.sub_title


async def test_locked_store_at_write_is_said(store_path, monkeypatch):
    import sqlite3

    from factcheck import review

    monkeypatch.setattr(review, "BUSY_MS", 50)
    articles, analyse = fixed()
    app = make(articles, analyse, store_path)
    async with app.run_test(size=(160, 48)) as pilot:
        await ready(app, pilot)
        holder = sqlite3.connect(str(store_path), isolation_level=None)
        holder.execute("BEGIN EXCLUSIVE")
        await pilot.press("a")
        holder.execute("ROLLBACK")
        holder.close()
        messages = [n.message for n in app._notifications]
        assert any("another program holds the marks file" in m for m in messages)
        assert "0 accepted" in app.desk.sub_title
        await pilot.press("a")
        assert "1 accepted" in app.desk.sub_title


# -- nothing runs that the editor did not ask for ------------------------------------------------


async def test_o_with_eight_articles_opens_no_prompt_and_swallows_typing(store_path):
    articles, analyse = long_story(8, figure_at=1)
    app = make(articles, analyse, store_path)
    async with app.run_test(size=(160, 48)) as pilot:
        await ready(app, pilot)
        await pilot.press("o", *"/tmp/afued.txt")
        assert type(app.screen).__name__ == "Notice"
        assert app.desk.ledger.mark(app.desk.selected) is None, "a, d, e, u typed did nothing"
        assert app.desk.filter_mode == "discrepancies", "f typed did nothing"
        await pilot.press("enter")
        assert app.screen is app.desk
        assert len(app.desk.articles) == 8


async def test_save_never_overwrites(store_path, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    existing = tmp_path / "desk.md"
    existing.write_text("the editor's own file")
    articles, analyse = fixed()
    app = make(articles, analyse, store_path)
    async with app.run_test(size=(160, 48)) as pilot:
        await ready(app, pilot)
        await pilot.press("a", "e", *"checked with AFP", "enter")
        await pilot.press("s")
        await pilot.pause()
        await pilot.press("ctrl+a", "ctrl+k", *"desk.md", "enter")
        await pilot.pause()
        prompt = app.screen.query_one("Input")
        assert prompt.value == str(tmp_path / "desk-2.md"), "a new name is proposed"
        await pilot.press("enter")
        await pilot.pause()
        messages = [n.message for n in app._notifications]
        assert f"Saved the report to {(tmp_path / 'desk-2.md').resolve()}" in messages
    assert existing.read_text() == "the editor's own file"
    report = (tmp_path / "desk-2.md").read_text(encoding="utf-8")
    assert "**Review:** accepted by ana, " in report
    assert " UTC — checked with AFP" in report


async def test_default_report_name_is_free(store_path, tmp_path, monkeypatch):
    from datetime import date

    monkeypatch.chdir(tmp_path)
    taken = tmp_path / f"factcheck-report-{date.today().isoformat()}.md"
    taken.write_text("yesterday's")
    articles, analyse = fixed()
    app = make(articles, analyse, store_path)
    async with app.run_test(size=(160, 48)) as pilot:
        await ready(app, pilot)
        await pilot.press("s")
        await pilot.pause()
        assert app.screen.query_one("Input").value == taken.stem + "-2.md"


async def test_stale_marks_go_in_the_report(store_path, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    articles, analyse = fixed()
    app = make(articles, analyse, store_path)
    async with app.run_test(size=(160, 48)) as pilot:
        await ready(app, pilot)
        await pilot.press("a", "e", *"AFP <b>confirms</b>", "enter")
    articles, analyse = fixed(widen="14")
    again = make(articles, analyse, store_path)
    async with again.run_test(size=(160, 48)) as pilot:
        await ready(again, pilot)
        await pilot.press("s", "ctrl+a", "ctrl+k", *"r.md", "enter")
        await pilot.pause()
    report = (tmp_path / "r.md").read_text(encoding="utf-8")
    assert "## Stale review marks (1)" in report
    assert "accepted by ana" in report
    assert "AFP &lt;b&gt;confirms&lt;/b&gt;" in report


async def test_open_missing_file_loses_nothing(store_path, tmp_path):
    articles, analyse = fixed()
    app = make(articles, analyse, store_path)
    async with app.run_test(size=(160, 48)) as pilot:
        await ready(app, pilot)
        await pilot.press("a", "o", *str(tmp_path / "nope.txt"), "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        desk = app.desk
        assert len(desk.articles) == 3
        assert desk.analysis is not None
        assert desk.ledger.mark(desk.selected).status == "accepted"
        messages = [n.message for n in app._notifications]
        assert any("nope.txt" in m for m in messages)


async def test_analysis_gets_a_snapshot(store_path, tmp_path):
    """o during an analysis cannot change the list under the running worker."""
    gate = threading.Event()
    seen = []
    three = desk_fixture.analysis()

    def slow(articles):
        seen.append(tuple(a.id for a in articles))
        if len(seen) == 1:
            gate.wait(5)
        return desk_fixture.analysis(range(len(articles)))

    articles = list(three.articles[:2])
    app = make(articles, slow, store_path)
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()
        story = tmp_path / "c.txt"
        story.write_text(three.articles[2].text, encoding="utf-8")
        await pilot.press("o", *str(story), "enter")
        for _ in range(100):
            if len(app.desk.articles) == 3:
                break
            await pilot.pause(0.05)
        gate.set()
        await ready(app, pilot)
        for _ in range(100):
            if len(app.desk.analysis.articles) == 3:
                break
            await pilot.pause(0.05)
        assert seen[0] == ("A", "B")
        assert seen[-1] == ("A", "B", "C")
        assert len(app.desk.analysis.articles) == 3


async def test_palette_lists_every_action_and_each_works(store_path, tmp_path, monkeypatch):
    from factcheck.ui.keys import KEYS

    monkeypatch.chdir(tmp_path)
    articles, analyse = fixed()
    app = make(articles, analyse, store_path)
    async with app.run_test(size=(160, 48)) as pilot:
        await ready(app, pilot)
        commands = {c.title: c for c in app.get_system_commands(app.screen)}
        for key in KEYS:
            assert f"{key.title} ({key.shown})" in commands
        await commands["Accept (a)"].callback()
        assert "1 accepted" in app.desk.sub_title
        await commands["Next (n)"].callback()  # marked: the next n moves on
        assert app.desk.selected.label == KILLED
        await commands["Filter (f)"].callback()
        assert app.desk.filter_mode == "unreviewed"
        await commands["Help (?)"].callback()
        assert type(app.screen).__name__ == "HelpScreen"
        await pilot.press("escape")
        await commands["Undo (u)"].callback()
        assert "0 accepted" in app.desk.sub_title
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"dispute")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause(0.3)
        assert "1 disputed" in app.desk.sub_title, "the palette runs the action"


async def test_help_is_built_from_the_key_map(store_path):
    from factcheck.ui.keys import KEYS

    articles, analyse = fixed()
    app = make(articles, analyse, store_path)
    async with app.run_test(size=(160, 48)) as pilot:
        await ready(app, pilot)
        await pilot.press("question_mark")
        text = str(app.screen.query_one("#help Static").render())
        for key in KEYS:
            assert key.help in text
        await pilot.press("escape")
        await pilot.press("q")
    assert app.return_code == 0, "q quits (a test run that is merely closed leaves None)"


# -- search and the different-events warning ----------------------------------------------------


async def test_search_across_columns(store_path):
    articles, analyse = fixed()
    app = make(articles, analyse, store_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(app, pilot)
        desk = app.desk
        await pilot.press("slash", *"Saturday", "enter")
        await pilot.pause()
        assert [a for a, _, _ in desk.search.matches] == ["A", "B", "C"]
        assert desk.search.at == 0
        await pilot.press("g", "g")
        await pilot.pause()
        assert desk.search.at == 2
        column = desk.query_one("#column-C")
        assert column.display, "the window slid to the match"
        assert "Saturday" in _window_text(column)
        await pilot.press("G")
        assert desk.search.at == 1
        await pilot.press("escape")
        assert desk.search.matches == []


async def test_different_events_warning(store_path):
    from dataclasses import replace

    from factcheck.models import Article

    articles, analyse = fixed()
    other = Article(
        "D",
        "other.txt",
        "Storm in Port Avila",
        "Storm in Port Avila\n\nA storm hit Port Avila on Tuesday. Mayor Juno Tallis said the "
        "Avila Harbour Board would meet. Tallis thanked the Red Cross and Coastguard Service, "
        "and the Port Avila Fire Brigade said 3 officers were hurt in 2021.",
    )
    analysis = desk_fixture.analysis()
    four = replace(analysis, articles=(*analysis.articles, other))
    app = make([*articles, other], lambda _: four, store_path)
    async with app.run_test(size=(160, 48)) as pilot:
        await ready(app, pilot)
        warning = app.desk.query_one("#warning")
        assert warning.display
        assert "D shares few names" in str(warning.render())
    plain = make(articles, analyse, store_path)
    async with plain.run_test(size=(160, 48)) as pilot:
        await ready(plain, pilot)
        assert not plain.desk.query_one("#warning").display


# -- the live engine, end to end -----------------------------------------------------------------


@pytest.fixture(scope="session")
def analyse(nlp):
    from factcheck.engine import compare_claims
    from factcheck.extract import extract_articles

    def run(articles):
        return compare_claims(articles, extract_articles(nlp, articles))

    return run


@pytest.fixture(scope="session")
def seed_articles():
    from factcheck.cli import demo_articles

    return demo_articles()


async def test_seeds_with_the_engine(seed_articles, analyse, store_path):
    app = make(seed_articles, analyse, store_path)
    async with app.run_test(size=(160, 48)) as pilot:
        await ready(app, pilot)
        await pilot.press("n")
        desk = app.desk
        assert desk.selected.verdict == "qualifier_mismatch"
        assert "people killed" in desk.selected.label
        assert "at least 129" in desk.query_one("#detail").content.plain
        await pilot.press("a")
    again = make(list(reversed(seed_articles)), analyse, store_path)
    async with again.run_test(size=(160, 48)) as pilot:
        await ready(again, pilot)
        assert "1 accepted" in again.desk.sub_title, "found again with the articles swapped"


async def test_markup_in_articles_is_shown_as_text(analyse, store_path):
    from factcheck.sources import Document, as_articles

    texts = [
        "Title [bold]x[/bold]\n\n[red]12[/red] people were hurt.",
        "Other\n\n14 people were hurt.",
    ]
    articles = as_articles([Document(f"t{i}", t.split("\n")[0], t) for i, t in enumerate(texts)])
    app = make(articles, analyse, store_path)
    async with app.run_test(size=(160, 48)) as pilot:
        await ready(app, pilot)
        column = app.desk.query_one("#column-A")
        assert "[red]12[/red]" in _window_text(column).replace("‼", "")


def test_figures_in_the_text_are_clickable():
    """Each highlighted figure carries the click action that selects its group."""
    from factcheck.ui.highlight import paragraphs, render

    analysis = desk_fixture.analysis()
    article = analysis.articles[0]
    hedge = next(c for c in analysis.claims if c.article == "A" and c.surface == "At least 3")
    verdicts = {c.id: g.verdict for g in analysis.groups for c in g.claims}
    paragraph = next(p for p in paragraphs(article.text) if p.start <= hedge.start < p.end)
    content = render(article.text, paragraph, [hedge], verdicts, found=[(hedge.start, hedge.end)])
    actions = [
        span.style.meta.get("@click") for span in content.spans if hasattr(span.style, "meta")
    ]
    assert f"screen.select_claim({hedge.id!r})" in actions
    assert "≈At least 3" in content.plain, "a hedge carries its marker"
    assert "‼" not in content.plain


def test_store_reviewer_defaults_to_login(tmp_path):
    store = ReviewStore(tmp_path / "m.db")
    assert store.reviewer


def test_detail_names_outlets_and_quotes_a_sentence_once():
    from dataclasses import replace

    from factcheck.ui.widgets.detail import describe

    analysis = desk_fixture.analysis()
    group = next(g for g in analysis.groups if g.label == INJURED)
    twice = replace(group, claims=(*group.claims, replace(group.claims[0], id="A99")))
    articles = {a.id: a for a in analysis.articles}
    text = describe(twice, articles, None).plain
    assert "A · harbour-gazette.txt" in text
    assert "B · valley-courier.example" in text, "a web source is named by its site"
    assert text.count(group.claims[0].sentence.strip()) == 1, "one quote per sentence"


def test_control_characters_in_a_title_are_shown_escaped():
    from factcheck.models import Article
    from factcheck.ui.text import printable
    from factcheck.ui.widgets.article import byline

    article = Article("A", "https://x.example/\x1b[31mred", "T\x1b]0;owned\x07", "T\n\nbody")
    assert "\x1b" not in byline(article)
    assert printable(article.title) == "T\\x1b]0;owned\\x07"


def test_search_finds_words_as_written():
    from factcheck.ui.search import Search

    search = Search()
    search.run("  (3) ", desk_fixture.articles())  # no pattern syntax: brackets are text
    assert search.matches == []
    search.run("saturday", desk_fixture.articles())
    assert [a for a, _, _ in search.matches] == ["A", "B", "C"]
    assert search.step(-1) == search.matches[-1], "back from the start wraps to the end"
    assert search.where() == "“saturday” 3/3 in C · g/G"
    search.clear()
    assert search.step(+1) is None
