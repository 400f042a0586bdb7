"""The search line at the foot of the desk, where `/` asks for words as less and vim do.

It takes the footer's line while open, so nothing else on screen moves or is redrawn: a modal
dialog would repaint (and dim) the whole desk under it at every keystroke. Enter searches,
escape or leaving the line gives up; the screen hears which through the messages below.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.events import DescendantBlur
from textual.message import Message
from textual.widgets import Input, Label

QUESTION = "Search every article for:"


class SearchBar(Horizontal):
    """`ask` opens it with a term to edit; it closes itself and posts Asked or Dropped."""

    BINDINGS = [Binding("escape", "drop", "Cancel")]

    @dataclass
    class Asked(Message):
        """The editor pressed enter on `term`."""

        term: str

    @dataclass
    class Dropped(Message):
        """The editor gave up: escape (the focus goes back where it was) or went elsewhere."""

        went_elsewhere: bool

    def __init__(self) -> None:
        super().__init__(id="searchbar")

    def compose(self) -> ComposeResult:
        yield Label(QUESTION, markup=False)
        yield Input(compact=True, id="search-term")

    def ask(self, term: str) -> None:
        field = self.query_one(Input)
        field.value = term
        field.cursor_position = len(term)
        self.display = True
        field.focus()

    def _close(self, message: Message) -> None:
        if self.display:
            self.display = False
            self.post_message(message)

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._close(self.Asked(event.value))

    def action_drop(self) -> None:
        self._close(self.Dropped(went_elsewhere=False))

    @on(DescendantBlur)
    def _left(self) -> None:
        self._close(self.Dropped(went_elsewhere=True))
