"""The detail panel: the explanation and every article's sentence for the selected fact."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from factcheck.review import Mark
from factcheck.ui.highlight import STYLES, VERDICT_NAMES
from factcheck.verdicts import Group


class DetailPanel(Static):
    """Shows one group; plain text throughout, so nothing in an article is read as markup."""

    def __init__(self) -> None:
        super().__init__(
            "Select a fact in the list to see its sentences.", id="detail", markup=False
        )
        self.border_title = "Detail"

    def show(self, group: Group | None, mark: Mark) -> None:
        if group is None:
            self.update("Nothing to show with this filter; press f for more.")
            return
        parts: list[str | tuple[str, str]] = [
            (f" {VERDICT_NAMES[group.verdict]} ", STYLES[group.verdict]),
            "  ",
            (group.label, "bold"),
            "\n",
        ]
        if group.explanation:
            parts += [group.explanation, "\n"]
        if mark.status or mark.note:
            parts += [("Review: ", "bold"), mark.status or "—"]
            if mark.note:
                parts += [" · note: ", (mark.note, "italic")]
            parts.append("\n")
        for claim in group.claims:
            parts += ["\n", (f"{claim.article} “{claim.surface}”", "bold"), f": {claim.sentence}"]
        self.update(Content.assemble(*parts))
