"""The help screen: every key (from the one key map), and what the colours mean."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from factcheck.ui.keys import help_text

COLOURS = """\
Figures in the text
  ‼ red, underlined     conflict: the articles cannot all be right
  ≈ amber, italic       hedged differently: compatible, not the same claim
  green, bold           the articles agree
  underlined            stated in one article only
  reversed              the selected group       blue: a search match

The strip above the articles: a letter in reverse is in view; the marks after it
show where that article's conflicts (‼) and hedges (≈) sit, start to end.

Marks and notes are saved as you make them, with your name and the time, and come
back whenever these figures are open again, in any order and beside other articles.
A mark whose figures changed since is shown as stale, with its note.
"""


def help_body() -> str:
    return f"factcheck — the review desk\n\n{help_text()}\n\n{COLOURS}"


class HelpScreen(ModalScreen[None]):
    """Keys and colours, dismissed with escape, q or ?."""

    BINDINGS = [Binding("escape,q,question_mark", "dismiss", "Close")]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help"):
            yield Static(help_body(), markup=False)
