"""The desk's key map, declared once: the bindings, the help screen and the command palette are
all built from it, so a key cannot be documented one way and bound another."""

from __future__ import annotations

from dataclasses import dataclass

from textual.binding import Binding


@dataclass(frozen=True, slots=True)
class Key:
    """One thing the editor can ask the desk to do."""

    keys: str
    """Textual key names, comma separated ("n", "question_mark")."""
    shown: str
    """The key as the editor types it, for help and palette ("?", "]")."""
    action: str
    """The desk screen's action."""
    title: str
    """A short name, for the footer and the palette."""
    help: str
    """One line for the help screen and the palette."""
    section: str
    """The help screen's heading."""
    footer: bool = True
    """Whether the footer shows it (the footer has room for the common ones only)."""
    priority: bool = False
    """Whether it acts before the focused widget sees it (tab moves between columns)."""


KEYS: tuple[Key, ...] = (
    Key(
        "n",
        "n",
        "next_discrepancy",
        "Next",
        "next discrepancy, every article scrolled to it",
        "Move",
    ),
    Key("N", "N", "previous_discrepancy", "Prev", "previous discrepancy", "Move"),
    Key(
        "enter",
        "enter",
        "jump",
        "Jump",
        "scroll every article to the selected figures",
        "Move",
        footer=False,
    ),
    Key(
        "right_square_bracket",
        "]",
        "next_figure",
        "Next figure",
        "next figure in the current article",
        "Move",
        footer=False,
    ),
    Key(
        "left_square_bracket",
        "[",
        "previous_figure",
        "Prev figure",
        "previous figure in the current article",
        "Move",
        footer=False,
    ),
    Key(
        "tab",
        "tab",
        "next_column",
        "Column",
        "next article column, then the list and the detail",
        "Move",
        footer=False,
        priority=True,
    ),
    Key(
        "shift+tab",
        "shift+tab",
        "previous_column",
        "Column back",
        "previous column",
        "Move",
        footer=False,
        priority=True,
    ),
    Key("slash", "/", "search", "Search", "search every article for words", "Search"),
    Key(
        "g",
        "g",
        "next_match",
        "Next match",
        "next search match (in any article)",
        "Search",
        footer=False,
    ),
    Key("G", "G", "previous_match", "Prev match", "previous search match", "Search", footer=False),
    Key(
        "escape",
        "escape",
        "clear_search",
        "Clear search",
        "clear the search highlights",
        "Search",
        footer=False,
    ),
    Key(
        "a",
        "a",
        "mark('accepted')",
        "Accept",
        "mark the selected discrepancy accepted (resolved)",
        "Decide",
    ),
    Key(
        "d",
        "d",
        "mark('disputed')",
        "Dispute",
        "mark it disputed (still open to the desk)",
        "Decide",
    ),
    Key("e", "e", "note", "Note", "write or edit a note on it", "Decide"),
    Key(
        "u", "u", "undo", "Undo", "undo your last mark or note made since the desk opened", "Decide"
    ),
    Key(
        "f",
        "f",
        "cycle_filter",
        "Filter",
        "list: discrepancies, unreviewed, compared, every figure",
        "View",
    ),
    Key("s", "s", "save", "Save", "save the copy-desk report (Markdown); never overwrites", "View"),
    Key("o", "o", "open_article", "Open", "open another article (file or http(s) address)", "View"),
    Key("question_mark", "?", "help", "Help", "this help", "View"),
    Key("q", "q", "quit", "Quit", "quit (marks are already saved)", "View"),
)


def bindings() -> list[Binding | tuple[str, str] | tuple[str, str, str]]:
    return [Binding(k.keys, k.action, k.title, show=k.footer, priority=k.priority) for k in KEYS]


def help_text() -> str:
    """The keys section of the help screen, grouped as declared."""
    lines: list[str] = []
    for section in dict.fromkeys(k.section for k in KEYS):
        lines += ["", section]
        lines += [f"  {k.shown:<11}  {k.help}" for k in KEYS if k.section == section]
    lines.append(f"  {'ctrl+p':<11}  command palette: every action by name")
    return "\n".join(lines[1:])
