"""What the desk draws after the shortcuts that keep its keys quick: an article's lines redrawn
only where a selection changed, the detail panel updated without a layout when its height
stays, the search line at the foot instead of a dialog, and a footer rebuilt only when its keys
change. Each test reads what is drawn (rendered lines), not only the state behind it."""

from __future__ import annotations

import pytest
from textual.geometry import Region

from tests import desk_fixture
from tests.test_app import INJURED, KILLED, fixed, make, ready


@pytest.fixture
def store_path(tmp_path):
    return tmp_path / "marks.db"


def drawn(widget) -> list:
    """The lines of `widget` as the screen gets them (through its line cache)."""
    return widget.render_lines(Region(0, 0, widget.size.width, widget.size.height))


def look_of(column, surface: str):
    """The style of `surface` where the column draws it, with its line's text."""
    for strip in drawn(column.body):
        for segment in strip:
            if segment.text == surface:
                return segment.style
    raise AssertionError(f"{surface!r} is not drawn in column {column.article.id}")


def text_of(widget) -> str:
    return "\n".join(strip.text for strip in drawn(widget))


def keys_of(footer) -> str:
    """What the footer's keys draw."""
    return " ".join(text_of(key) for key in footer.query("FooterKey"))


async def test_a_new_selection_moves_the_highlight_on_screen(store_path):
    articles, analyse = fixed()
    app = make(articles, analyse, store_path)
    async with app.run_test(size=(160, 48)) as pilot:
        await ready(app, pilot)
        desk = app.desk
        column = desk.query_one("#column-A")
        assert desk.selected.label == INJURED
        assert look_of(column, "14").reverse, "the selected figure is drawn reversed"
        assert not look_of(column, "At least 3").reverse
        await pilot.press("n", "n")  # the first n stays on the first discrepancy
        await pilot.pause()
        assert desk.selected.label == KILLED
        assert not look_of(column, "14").reverse, "the old selection's lines were redrawn"
        assert look_of(column, "At least 3").reverse
        await pilot.press("N")
        await pilot.pause()
        assert look_of(column, "14").reverse, "and back again"
        assert not look_of(column, "At least 3").reverse


async def test_the_text_is_wrapped_again_for_a_new_width(store_path):
    articles, analyse = fixed()
    app = make(articles, analyse, store_path)
    async with app.run_test(size=(160, 48)) as pilot:
        await ready(app, pilot)
        body = app.desk.query_one("#column-A").body
        words = app.desk.articles[0].text.split()
        for size in [(80, 24), (160, 48), (80, 24)]:
            await pilot.resize_terminal(*size)
            await pilot.pause()
            width = body.size.width
            lines = [strip.text.rstrip() for strip in drawn(body)]
            assert max(len(line) for line in lines) <= width
            shown = " ".join(lines).replace("‼", "").replace("≈", "").split()
            assert shown == words, f"every word drawn once, in order, at width {width}"


async def test_the_detail_follows_the_selection(store_path):
    articles, analyse = fixed()
    app = make(articles, analyse, store_path)
    async with app.run_test(size=(160, 48)) as pilot:
        await ready(app, pilot)
        detail = app.desk.query_one("#detail")
        await pilot.press("f", "f", "f")  # every figure: six rows, detail texts of two heights
        await pilot.pause()
        seen = []
        for _ in range(7):
            previous = app.desk.selected.label
            await pilot.press("n")
            await pilot.pause()
            label = app.desk.selected.label
            shown = text_of(detail)
            assert label in shown, "the panel draws the new selection"
            if previous != label:
                assert previous not in shown
            seen.append(label)
        assert len(set(seen)) >= 5


async def test_search_line_asks_at_the_foot_and_gives_the_keys_back(store_path):
    articles, analyse = fixed()
    app = make(articles, analyse, store_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(app, pilot)
        desk = app.desk
        bar, footer = desk.query_one("#searchbar"), desk.query_one("DeskFooter")
        table = desk.query_one("#discrepancies")
        await pilot.press("slash")
        await pilot.pause()
        assert bar.display
        assert not footer.display
        assert "Search every article for:" in text_of(bar.query_one("Label"))
        await pilot.press("a", "x", "escape")  # typed, not run: nothing gets accepted
        await pilot.pause()
        assert not bar.display
        assert footer.display
        assert desk.search.matches == []
        assert "0 accepted" in desk.sub_title
        assert table.has_focus, "escape gives the focus back"
        await pilot.press("slash", *"saturday", "enter")
        await pilot.pause()
        assert not bar.display
        assert footer.display
        assert [a for a, _, _ in desk.search.matches] == ["A", "B", "C"]
        assert table.has_focus
        await pilot.press("slash")
        await pilot.pause()
        assert bar.query_one("Input").value == "saturday", "the last term, to edit"
        await pilot.press("tab")  # going elsewhere gives up the search line
        await pilot.pause()
        assert not bar.display
        assert footer.display
        assert desk.focused is not None
        assert desk.focused.parent is not bar


async def test_footer_keys_stay_after_the_search_line(store_path):
    articles, analyse = fixed()
    app = make(articles, analyse, store_path)
    async with app.run_test(size=(160, 48)) as pilot:
        await ready(app, pilot)
        footer = app.desk.query_one("DeskFooter")
        before = keys_of(footer)
        assert "Next" in before
        assert "Search" in before
        await pilot.press("slash", "escape")
        await pilot.pause()
        assert keys_of(footer) == before


async def test_footer_is_rebuilt_when_its_keys_change():
    from textual.app import App
    from textual.binding import Binding
    from textual.widgets import Button

    from factcheck.ui.widgets.footer import DeskFooter

    class Keyed(Button):
        def __init__(self, key: str, title: str) -> None:
            super().__init__(title)
            self._bindings.bind(key, "press", title)

    class Two(App[None]):
        BINDINGS = [Binding("q", "quit", "Quit")]

        def compose(self):
            yield Keyed("x", "Cross")
            yield Keyed("y", "Yes")
            yield DeskFooter()

    app = Two()
    async with app.run_test(size=(80, 10)) as pilot:
        footer = app.query_one(DeskFooter)
        first, second = app.query(Keyed)
        first.focus()
        await pilot.pause()
        assert "Cross" in keys_of(footer)
        assert "Yes" not in keys_of(footer)
        second.focus()
        await pilot.pause()
        assert "Yes" in keys_of(footer)
        assert "Cross" not in keys_of(footer)
        footer.display = False
        first.focus()
        await pilot.pause()
        footer.display = True
        await pilot.pause()
        assert "Cross" in keys_of(footer), "keys changed while hidden are drawn when shown"


def test_fixture_has_the_labels_these_tests_name():
    labels = [g.label for g in desk_fixture.analysis().groups]
    assert INJURED in labels
    assert KILLED in labels


async def test_the_strip_is_drawn_again_at_the_new_width(store_path):
    from tests.test_app import long_story

    articles, analyse = long_story(8, figure_at=2)
    app = make(articles, analyse, store_path)
    async with app.run_test(size=(160, 48)) as pilot:
        await ready(app, pilot)
        strip = app.desk.query_one("#strip")
        for size in [(120, 40), (80, 24), (160, 48)]:
            await pilot.resize_terminal(*size)
            await pilot.pause()
            line = text_of(strip)
            assert all(f" {letter} " in line for letter in "ABCDEFGH"), (size, line)
            assert len(line.rstrip()) <= strip.size.width


async def test_a_long_detail_scrolls_and_cuts_no_quote(store_path):
    from tests.test_app import long_story

    articles, analyse = long_story(8, figure_at=2)
    app = make(articles, analyse, store_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(app, pilot)
        detail = app.desk.query_one("#detail")
        words = detail.content.plain.split()
        assert detail.virtual_size.height > detail.size.height, "eight quotes overflow"
        assert detail.show_vertical_scrollbar
        seen: list[str] = []
        for top in range(0, detail.virtual_size.height, detail.size.height):
            detail.scroll_to(y=top, animate=False, immediate=True)
            await pilot.pause()
            lines = [detail.render_line(y).text.rstrip() for y in range(detail.size.height)]
            width = detail.scrollable_content_region.width
            assert max(len(line) for line in lines) <= width, "nothing under the scrollbar"
            at = round(detail.scroll_y)  # the last page stops at the end
            rows = range(at, min(at + detail.size.height, detail.virtual_size.height))
            seen += [lines[row - at] for row in rows if row >= len(seen)]
        assert " ".join(seen).split() == words, "every word of every quote can be scrolled to"
