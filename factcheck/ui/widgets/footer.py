"""Textual's footer, rebuilt only when the keys it would show change.

The stock footer rebuilds itself (a widget a key) whenever the bindings may have changed, which
is on every move of the focus. On the desk most moves (between columns, into the search line and
back) leave the shown keys as they were, and a rebuild costs a layout of the whole screen.
"""

from __future__ import annotations

from collections.abc import Hashable

from textual.screen import Screen
from textual.widgets import Footer


class DeskFooter(Footer):
    """A footer that skips rebuilds that would draw the same keys, and waits while hidden."""

    def __init__(self) -> None:
        super().__init__()
        self._drawn: Hashable | None = None  # the keys of the last rebuild
        self._waiting = False  # bindings changed while hidden

    def _keys(self, screen: Screen[object]) -> Hashable:
        return tuple(
            (binding.key, binding.action, binding.description, enabled, tooltip)
            for _, binding, enabled, tooltip in screen.active_bindings.values()
            if binding.show or binding.key == self.app.COMMAND_PALETTE_BINDING
        )

    def bindings_changed(self, screen: Screen[object]) -> None:
        if not self.display:
            self._waiting = True
            return
        self._waiting = False
        keys = self._keys(screen)
        if self._bindings_ready and keys == self._drawn:
            return
        self._drawn = keys
        super().bindings_changed(screen)

    def on_show(self) -> None:
        if self._waiting:
            self.bindings_changed(self.screen)
