"""A message that must be read before the desk takes keys again: typing meant for a prompt
that did not open lands here instead of running as commands."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label


class Notice(ModalScreen[None]):
    """A message; enter or escape closes it, every other key is swallowed."""

    BINDINGS = [Binding("escape,enter", "dismiss", "Close")]

    def __init__(self, message: str) -> None:
        super().__init__()
        self.message = message

    def compose(self) -> ComposeResult:
        with Vertical(id="notice"):
            yield Label(self.message, markup=False)
            yield Label("enter or escape to close", classes="hint")
