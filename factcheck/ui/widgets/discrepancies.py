"""The discrepancy list: one row a fact, each article's figure, the verdict and the desk's mark."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence

from textual.widgets import DataTable

from factcheck.review import Mark
from factcheck.ui.highlight import MARKERS, VERDICT_NAMES
from factcheck.verdicts import Group

FILTERS = ("discrepancies", "unreviewed", "compared", "everything")
FILTER_TITLES = {
    "discrepancies": "Discrepancies",
    "unreviewed": "Discrepancies not yet marked",
    "compared": "All compared facts",
    "everything": "Every figure",
}
ISSUES = ("conflict", "qualifier_mismatch", "finding")


def visible(groups: Sequence[Group], mode: str, marked: Collection[str] = ()) -> list[Group]:
    """The groups a filter shows; `marked` holds the ids of groups with a current mark."""
    if mode == "discrepancies":
        return [g for g in groups if g.verdict in ISSUES]
    if mode == "unreviewed":
        return [g for g in groups if g.verdict in ISSUES and g.id not in marked]
    if mode == "compared":
        return [
            g for g in groups if len({c.article for c in g.claims}) > 1 or g.verdict != "single"
        ]
    return list(groups)


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def review_cell(mark: Mark | None, stale: bool) -> str:
    if mark is not None and not mark.empty:
        return (mark.status or "note") + (" ✎" if mark.note and mark.status else "")
    return "stale" if stale else ""


class DiscrepancyTable(DataTable[str]):
    """Rows keyed by group id."""

    def __init__(self) -> None:
        super().__init__(id="discrepancies", cursor_type="row", zebra_stripes=True)
        self.border_title = FILTER_TITLES["discrepancies"]

    def fill(
        self,
        groups: Sequence[Group],
        article_ids: Sequence[str],
        marks: Mapping[str, Mark],
        stale: Collection[str],
        mode: str,
        *,
        label_width: int = 48,
        keep: str | None = None,
    ) -> None:
        """Show the groups the filter lets through; the cursor stays on `keep` when it is
        still listed, else on the row where it was."""
        row = self.cursor_row
        self.clear(columns=True)
        self.add_column("", key="marker", width=1)
        self.add_column("Review", key="review")  # before the figures: in view on 80 columns
        self.add_column("Verdict", key="verdict")
        self.add_column("Fact", key="fact")
        for article in article_ids:
            self.add_column(article, key=f"article-{article}")
        shown = visible(groups, mode, marks.keys())
        for group in shown:
            figures = []
            for article in article_ids:
                surfaces = [c.surface for c in group.claims if c.article == article]
                figures.append(_clip(" / ".join(dict.fromkeys(surfaces)), 24) or "—")
            self.add_row(
                MARKERS[group.verdict] or " ",
                review_cell(marks.get(group.id), group.id in stale),
                VERDICT_NAMES[group.verdict],
                _clip(group.label, label_width),
                *figures,
                key=group.id,
            )
        self.border_title = f"{FILTER_TITLES[mode]} ({self.row_count}) — f to change"
        if self.row_count:
            ids = [g.id for g in shown]
            target = ids.index(keep) if keep in ids else min(row, self.row_count - 1)
            self.move_cursor(row=target, animate=False)

    @property
    def current_group_id(self) -> str | None:
        if not self.row_count:
            return None
        return str(self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value)
