"""The desk's marks for the open analysis: the store's marks placed on the current groups."""

from __future__ import annotations

from collections.abc import Sequence

from factcheck.engine import Analysis
from factcheck.review import Mark, Placement, ReviewStore, anchors_of, article_hash, place
from factcheck.ui.widgets.discrepancies import ISSUES
from factcheck.verdicts import Group


class Ledger:
    """Marks by group id, kept in step with the store."""

    def __init__(self, store: ReviewStore) -> None:
        self.store = store
        self.placement = Placement()
        self.hashes: dict[str, str] = {}

    def refresh(self, analysis: Analysis) -> None:
        """Read the marks again (another desk may have written) and place them. May raise
        StoreError; the placement then stays as it was."""
        hashes = {a.id: article_hash(a) for a in analysis.articles}
        marks = self.store.load(hashes.values())
        self.hashes = hashes
        self.placement = place(marks, analysis.groups, hashes)

    def mark(self, group: Group | None) -> Mark | None:
        return self.placement.current.get(group.id) if group is not None else None

    def stale(self, group: Group | None) -> list[Mark]:
        return self.placement.stale.get(group.id, []) if group is not None else []

    def change(self, group: Group, *, status: str | None = None, note: str | None = None) -> Mark:
        return self.store.change(
            anchors_of(group, self.hashes),
            group.label,
            status=status,
            note=note,
            replaces=self.stale(group),
        )

    def counts(self, groups: Sequence[Group]) -> tuple[int, int, int]:
        """(accepted, disputed, open) among the discrepancies."""
        accepted = disputed = 0
        issues = [g for g in groups if g.verdict in ISSUES]
        for g in issues:
            status = (m := self.mark(g)) and m.status
            accepted += status == "accepted"
            disputed += status == "disputed"
        return accepted, disputed, len(issues) - accepted - disputed


def _md(text: str) -> str:
    """Editor's text made inert in Markdown: no tags, no table breaks, one line."""
    return (
        " ".join(text.split())
        .replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("|", "\\|")
    )


def stale_markdown(marks: Sequence[Mark]) -> str:
    """The report's section for marks whose figures changed since they were made."""
    if not marks:
        return ""
    out = [f"## Stale review marks ({len(marks)})", ""]
    out.append("Marks whose figures are no longer found as they were when the mark was made.")
    out.append("")
    for m in sorted(marks, key=lambda m: m.at):
        figures = ", ".join(f"“{_md(a.surface)}”" for a in m.anchors)
        line = f"- **{_md(m.label)}** ({figures}): {_md(m.summary())}"
        out.append(line + (f" — {_md(m.note)}" if m.note else ""))
    out.append("")
    return "\n".join(out)
