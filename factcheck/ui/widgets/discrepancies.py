"""The discrepancy list: one row a fact, each article's figure, the verdict and the desk's mark."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from textual.widgets import DataTable

from factcheck.review import Mark, fact_key
from factcheck.ui.highlight import MARKERS, VERDICT_NAMES
from factcheck.verdicts import Group

FILTERS = ("discrepancies", "compared", "everything")
FILTER_TITLES = {
    "discrepancies": "Discrepancies",
    "compared": "All compared facts",
    "everything": "Every figure",
}


def visible(groups: Sequence[Group], mode: str) -> list[Group]:
    if mode == "discrepancies":
        return [g for g in groups if g.verdict in ("conflict", "qualifier_mismatch")]
    if mode == "compared":
        return [
            g for g in groups if len({c.article for c in g.claims}) > 1 or g.verdict != "single"
        ]
    return list(groups)


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


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
        mode: str,
        *,
        label_width: int = 48,
    ) -> None:
        keep = self.cursor_row
        self.clear(columns=True)
        self.add_column("", key="marker", width=1)
        self.add_column("Verdict", key="verdict")
        self.add_column("Fact", key="fact")
        for article in article_ids:
            self.add_column(article, key=f"article-{article}")
        self.add_column("Review", key="review")
        for group in visible(groups, mode):
            figures = []
            for article in article_ids:
                surfaces = [c.surface for c in group.claims if c.article == article]
                figures.append(" / ".join(dict.fromkeys(surfaces))[:24] or "—")
            mark = marks.get(fact_key(group), Mark("", ""))
            review = mark.status + (" ✎" if mark.note else "")
            self.add_row(
                MARKERS[group.verdict] or " ",
                VERDICT_NAMES[group.verdict],
                _clip(group.label, label_width),
                *figures,
                review or "",
                key=group.id,
            )
        self.border_title = f"{FILTER_TITLES[mode]} ({self.row_count}) — f to change"
        if self.row_count:
            self.move_cursor(row=min(keep, self.row_count - 1), animate=False)

    @property
    def current_group_id(self) -> str | None:
        if not self.row_count:
            return None
        return str(self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value)
