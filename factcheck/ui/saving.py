"""The copy-desk report the desk saves: the check report with the desk's marks, never written
over an existing file."""

from __future__ import annotations

from pathlib import Path

from factcheck.engine import Analysis
from factcheck.review import Placement
from factcheck.ui.ledger import stale_markdown


def free_name(path: Path) -> Path:
    """`path`, or the first of path-2, path-3… that does not exist yet."""
    n = 2
    candidate = path
    while candidate.exists():
        candidate = path.with_name(f"{path.stem}-{n}{path.suffix}")
        n += 1
    return candidate


def report_text(analysis: Analysis, placement: Placement | None) -> str:
    """The Markdown report: each mark with who and when, then the stale marks."""
    from factcheck.report import analysis_markdown

    current = placement.current if placement else {}
    marks = {gid: (m.summary(), m.note) for gid, m in current.items()}
    text = analysis_markdown(analysis, marks=marks)
    if placement is not None:
        text += stale_markdown(placement.all_stale())
    return text


def write_new(target: Path, text: str) -> None:
    """Write a file that must not exist yet (FileExistsError when it does, even if it appeared
    a moment ago); other OSErrors as they come."""
    with target.open("x", encoding="utf-8") as out:
        out.write(text)
