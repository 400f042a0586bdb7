"""Drive `factcheck serve` from headless Chromium: shared by tests/test_serve.py, the README
screenshot and benchmarks/serve_memory.py, so all three see the desk the same way.

The browser is Debian's Chromium (`apt-get install chromium`), driven by Playwright through its
executable path; nothing here downloads a browser. The terminal in the page is drawn on a canvas,
so what the desk shows is read from the bytes the server sends the tab over its websocket: the
same stream the page paints, with the escape codes taken out.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

# the flags this machine's Chromium needs headless (no sandbox as root, no GPU, no background
# traffic to a network that refuses it); Playwright adds --headless and a fresh profile itself
CHROMIUM_FLAGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)
ESCAPES = re.compile(
    r"\x1b(?:\[[0-9;?<>=]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|[()][A-Z0-9]|[=>78])"
)
# the desk's header once the analysis is shown ("2 articles · analysing…" before)
ANALYSED = re.compile(r"\b\d+ articles · (?!analysing)")
EDITOR_SIZE = (1280, 800)  # a laptop browser window, in CSS pixels


def chromium_path() -> str | None:
    """Debian's Chromium, or the one $FACTCHECK_CHROMIUM names."""
    named = os.environ.get("FACTCHECK_CHROMIUM")
    if named:
        return named if Path(named).is_file() else None
    return shutil.which("chromium") or shutil.which("chromium-browser")


def why_no_browser() -> str | None:
    """Why the browser cannot be driven here, in words for a skip; None when it can."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "Playwright is not installed (pip install -e '.[test]')"
    if chromium_path() is None:
        return "no Chromium on this machine (Debian: apt-get install chromium)"
    return None


def screen_text(stream: bytes) -> str:
    """What a terminal stream writes, less its escape codes (cursor moves, colours, modes)."""
    return ESCAPES.sub("", stream.decode("utf-8", "replace"))


def rss_kib(pid: int, field: str = "VmRSS") -> int | None:
    """A process's resident memory (or its peak, VmHWM) in KiB; None once it is gone."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    found = re.search(rf"^{field}:\s+(\d+) kB", status, re.M)
    return int(found.group(1)) if found else None


def alive(pid: int) -> bool:
    """Whether pid is a process that has not ended (a zombie has ended)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state != "Z"


def children(pid: int) -> list[int]:
    """The processes whose parent is pid, zombies too: an ended desk must also be reaped."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(entry.name))
    return found


class ServedDesk:
    """`factcheck serve` in a child process, on a free loopback port, with its own store."""

    def __init__(self, data_home: Path, *args: str) -> None:
        env = dict(os.environ, XDG_DATA_HOME=str(data_home), PYTHONUNBUFFERED="1")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "factcheck", "serve", "--port", "0", *args],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        self.lines: list[str] = []
        self.errors: list[str] = []
        for stream, into in ((self.process.stdout, self.lines), (self.process.stderr, self.errors)):
            threading.Thread(target=self._read, args=(stream, into), daemon=True).start()
        opened = self.wait_for_line(r"open (https?://\S+) in a browser", timeout=60)
        self.url = opened.group(1)
        proxied = "--public-url" in args
        behind = (
            self.wait_for_line(r"listening on (http://\S+) for the proxy", timeout=5)
            if proxied
            else None
        )
        self.url_on_loopback = behind.group(1) if behind else self.url

    @staticmethod
    def _read(stream: Any, into: list[str]) -> None:
        for line in stream:
            into.append(line.rstrip("\n"))

    def wait_for_line(self, pattern: str, *, timeout: float, start: int = 0) -> re.Match[str]:
        """The first line of the server's output from `start` on that matches pattern."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for line in self.lines[start:]:
                if found := re.search(pattern, line):
                    return found
            if self.process.poll() is not None and not any(
                re.search(pattern, line) for line in self.lines[start:]
            ):
                time.sleep(0.2)  # let the reader threads drain what the server printed last
                break
            time.sleep(0.05)
        raise AssertionError(
            f"the server never printed {pattern!r}; it printed {self.lines!r}, {self.errors!r}"
        )

    def desk_pids(self) -> list[int]:
        """The desks the server has started, one a tab, in order."""
        return [
            int(m.group(1)) for line in self.lines if (m := re.search(r"opened: desk (\d+)", line))
        ]

    def stop(self, how: signal.Signals = signal.SIGTERM, *, timeout: float = 30) -> int:
        if self.process.poll() is None:
            self.process.send_signal(how)
        try:
            return self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
            raise AssertionError(
                f"the server did not stop within {timeout:.0f} s of {how.name}"
            ) from None


class DeskTab:
    """One browser tab on the desk, with the stream the server sends it."""

    def __init__(self, browser: Any, url: str, size: tuple[int, int] = EDITOR_SIZE) -> None:
        self.page = browser.new_page(viewport={"width": size[0], "height": size[1]})
        self._frames: list[bytes] = []
        self.page.on("websocket", lambda ws: ws.on("framereceived", self._received))
        self.page.goto(url)

    def _received(self, payload: bytes | str) -> None:
        self._frames.append(payload if isinstance(payload, bytes) else payload.encode())

    def text(self, *, since: int = 0) -> str:
        """What the desk has drawn in this tab, from frame `since` on."""
        return screen_text(b"".join(self._frames[since:]))

    def mark(self) -> int:
        """A point in the stream, for `since`: what is drawn after it answers what came after."""
        return len(self._frames)

    def wait_for(self, pattern: re.Pattern[str] | str, *, timeout: float, since: int = 0) -> str:
        """Wait until the desk draws something matching pattern; return the match."""
        pattern = re.compile(pattern) if isinstance(pattern, str) else pattern
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if found := pattern.search(self.text(since=since)):
                return found.group(0)
            self.page.wait_for_timeout(100)  # Playwright delivers frames while it is called
        tail = self.text(since=since)[-400:]
        raise AssertionError(f"the desk never drew {pattern.pattern!r}; last drawn: {tail!r}")

    def press(self, key: str) -> None:
        """A key typed into the page's terminal, as an editor types it."""
        self.page.focus("textarea.xterm-helper-textarea")
        self.page.keyboard.press(key)

    def screenshot(self, path: Path) -> bytes:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.page.wait_for_timeout(500)  # the page fades the terminal in and repaints on frames
        return bytes(self.page.screenshot(path=str(path)))

    def close(self) -> None:
        self.page.close()


@contextmanager
def headless_chromium() -> Iterator[Any]:
    """Debian's Chromium under Playwright, headless, with a fresh profile."""
    from playwright.sync_api import sync_playwright

    executable = chromium_path()
    assert executable is not None, why_no_browser()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=executable, headless=True, args=list(CHROMIUM_FLAGS)
        )
        try:
            yield browser
        finally:
            browser.close()


def wait_gone(pid: int, *, timeout: float) -> float:
    """Seconds until process pid has ended; AssertionError when it outlives timeout."""
    started = time.monotonic()
    while alive(pid):
        if time.monotonic() - started > timeout:
            raise AssertionError(
                f"desk process {pid} still runs {timeout:.0f} s after its tab closed"
            )
        time.sleep(0.05)
    return time.monotonic() - started


__all__ = [
    "ANALYSED",
    "DeskTab",
    "ServedDesk",
    "alive",
    "children",
    "headless_chromium",
    "rss_kib",
    "screen_text",
    "wait_gone",
    "why_no_browser",
]
