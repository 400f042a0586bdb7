"""The help screen: every key, and what the colours mean."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

HELP = """\
factcheck — the review desk

Move
  n / N        next / previous discrepancy (and scroll every article to it)
  enter        jump to the highlighted discrepancy
  tab          next article column (then the list); shift+tab back
  click        a highlighted figure selects its group

Decide
  a            mark the discrepancy resolved (accepted)
  d            mark it disputed
  e            add or edit a note
  u            undo the last mark or note

View and save
  f            cycle the list: discrepancies, compared facts, every figure
  s            save the copy-desk report (Markdown, with marks and notes)
  o            open another article (file, URL)
  ctrl+p       command palette: every action by name
  ?            this help            q   quit

Figures in the text
  ‼ red, underlined     conflict: the articles cannot all be right
  ≈ amber, italic       hedged differently: compatible, not the same claim
  green, bold           the articles agree
  underlined            stated in one article only

Marks and notes are saved as you make them and come back when the same
articles are opened again.
"""


class HelpScreen(ModalScreen[None]):
    """Keys and colours, dismissed with escape, q or ?."""

    BINDINGS = [
        Binding("escape,q,question_mark", "dismiss", "Close"),
    ]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help"):
            yield Static(HELP, markup=False)
