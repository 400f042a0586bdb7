"""`factcheck serve`: the desk in a browser tab, one desk process a tab, safe by default.

The browser tests drive Debian's Chromium headless through Playwright and skip, saying why,
where either is missing. The rest speak to the server over plain HTTP and websockets.
Set FACTCHECK_SCREENSHOT=docs/browser-desk.png to keep the screenshot for the README
(`make screenshot`).
"""

from __future__ import annotations

import asyncio
import os
import shutil
import signal
import socket
import struct
import sys
import time
from pathlib import Path

import pytest

from factcheck import cli
from factcheck.ui.serve import is_loopback, refusal
from tests.browser_desk import (
    ANALYSED,
    DeskTab,
    ServedDesk,
    alive,
    headless_chromium,
    screen_text,
    wait_gone,
    why_no_browser,
)

DESK_READY = 180  # seconds for a desk to load the language model on a busy shared machine
RESOLVED_ONE = r"\b1 accepted\b"
THIRD_ARTICLE = (
    "Paris attacks: toll rises\n\n"
    "The number of people killed in the attacks in Paris rose to 130 on Thursday, officials said.\n"
)


def marks_in_store(data_home: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """The statuses the seeds' review holds in the store a desk under data_home writes."""
    from factcheck.review import ReviewStore, article_hash, default_path

    monkeypatch.setenv("XDG_DATA_HOME", str(data_home))  # where platformdirs puts the store
    store = ReviewStore(default_path())
    try:
        marks = store.load(article_hash(a) for a in cli.demo_articles())
        return {mark.key: mark.status for mark in marks}
    finally:
        store.close()


def png_size(shot: bytes) -> tuple[int, int]:
    assert shot[:8] == b"\x89PNG\r\n\x1a\n", "the screenshot is not a PNG"
    width, height = struct.unpack(">II", shot[16:24])
    return width, height


@pytest.fixture
def browser():
    if (reason := why_no_browser()) is not None:
        pytest.skip(reason)
    with headless_chromium() as chromium:
        yield chromium


# -- in the browser ---------------------------------------------------------------------------


def test_a_mark_made_in_the_browser_reaches_the_store(tmp_path, browser, monkeypatch):
    """n then a in a browser tab: the header counts it, the store holds it, the tab's desk ends
    with the tab."""
    data = tmp_path / "data"
    server = ServedDesk(data)
    try:
        tab = DeskTab(browser, server.url)
        tab.wait_for(ANALYSED, timeout=DESK_READY)
        (pid,) = server.desk_pids()
        before = tab.mark()
        tab.press("n")
        tab.press("a")
        tab.wait_for(RESOLVED_ONE, timeout=30, since=before)

        shot = tab.screenshot(tmp_path / "browser-desk.png")
        assert png_size(shot) == (1280, 800)
        assert len(shot) > 30_000, "the screenshot is nearly blank"
        if keep := os.environ.get("FACTCHECK_SCREENSHOT"):
            shutil.copyfile(tmp_path / "browser-desk.png", keep)

        assert list(marks_in_store(data, monkeypatch).values()) == ["accepted"]

        # the desk's own o opens a third article, typed into the browser
        third = tmp_path / "third.txt"
        third.write_text(THIRD_ARTICLE, encoding="utf-8")
        before = tab.mark()
        tab.press("o")
        tab.wait_for("Open another article", timeout=30, since=before)
        tab.page.keyboard.type(str(third))
        tab.press("Enter")
        tab.wait_for(r"\b3 articles · (?!analysing)", timeout=DESK_READY, since=before)

        tab.close()
        wait_gone(pid, timeout=30)
        server.wait_for_line(rf"tab closed: desk {pid} ended \(0 open\)", timeout=10)
    finally:
        server.stop()


def test_stopping_the_server_ends_every_desk_and_keeps_the_marks(tmp_path, browser, monkeypatch):
    """SIGTERM with two tabs open: both desks end, both tabs say so, the mark stays."""
    data = tmp_path / "data"
    server = ServedDesk(data)
    try:
        tabs = [DeskTab(browser, server.url) for _ in range(2)]
        for tab in tabs:
            tab.wait_for(ANALYSED, timeout=DESK_READY)
        before = tabs[1].mark()
        tabs[1].press("a")
        tabs[1].wait_for(RESOLVED_ONE, timeout=30, since=before)
        pids = server.desk_pids()
        assert len(pids) == 2
    finally:
        code = server.stop(signal.SIGTERM)
    assert code == 0
    assert not [pid for pid in pids if alive(pid)]
    for tab in tabs:
        tab.page.wait_for_selector("body.-closed", timeout=10_000)  # "Session ended."
    assert list(marks_in_store(data, monkeypatch).values()) == ["accepted"]


# -- over plain HTTP and websockets -----------------------------------------------------------


async def _get(url: str, **headers: str) -> tuple[int, str]:
    import aiohttp

    async with aiohttp.ClientSession() as session, session.get(url, headers=headers) as answer:
        return answer.status, await answer.text()


async def test_the_page_points_its_websocket_where_the_browser_came_from(tmp_path):
    server = ServedDesk(tmp_path)
    try:
        port = server.url.rsplit(":", 1)[1].strip("/")
        status, page = await _get(server.url)
        assert status == 200
        assert f'data-session-websocket-url="ws://127.0.0.1:{port}/ws"' in page
        status, page = await _get(f"http://localhost:{port}/")
        assert status == 200
        assert f'data-session-websocket-url="ws://localhost:{port}/ws"' in page
    finally:
        server.stop()


async def test_behind_a_reverse_proxy_the_page_names_the_public_address(tmp_path):
    """nginx passing Host and X-Forwarded-Proto, as the README shows, with --public-url."""
    server = ServedDesk(tmp_path, "--public-url", "https://desk.newsroom.example")
    try:
        assert server.url == "https://desk.newsroom.example"  # what the editor is told to open
        proxied = {"Host": "desk.newsroom.example", "X-Forwarded-Proto": "https"}
        status, page = await _get(server.url_on_loopback, **proxied)
        assert status == 200
        assert 'data-session-websocket-url="wss://desk.newsroom.example/ws"' in page
        status, _ = await _get(server.url_on_loopback, Host="attacker.example")
        assert status == 403
    finally:
        server.stop()


async def test_requests_from_elsewhere_are_refused(tmp_path):
    """A rebound DNS name, and a websocket opened by another site's page, get 403."""
    import aiohttp

    server = ServedDesk(tmp_path)
    try:
        port = server.url.rsplit(":", 1)[1].strip("/")
        status, _ = await _get(server.url, Host=f"attacker.example:{port}")
        assert status == 403
        async with aiohttp.ClientSession() as session:
            with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
                await session.ws_connect(f"{server.url}ws", origin="http://attacker.example")
        assert refused.value.status == 403
        assert server.desk_pids() == []
    finally:
        server.stop()


async def test_a_closed_socket_ends_its_desk_and_ctrl_c_ends_the_rest(tmp_path):
    import aiohttp

    server = ServedDesk(tmp_path)
    origin = server.url.rstrip("/")
    try:
        async with aiohttp.ClientSession() as session:
            first = await session.ws_connect(f"{server.url}ws?width=120&height=40", origin=origin)
            await first.receive(timeout=DESK_READY)  # the desk's first frame
            await first.close()
            await asyncio.to_thread(server.wait_for_line, "tab closed", timeout=30)
            (ended,) = server.desk_pids()
            assert not alive(ended)

            second = await session.ws_connect(f"{server.url}ws", origin=origin)
            await second.receive(timeout=DESK_READY)
            running = server.desk_pids()[1]
            assert alive(running)
            code = await asyncio.to_thread(server.stop, signal.SIGINT)
            assert code == 0
            assert not alive(running)
            await second.close()
    finally:
        server.stop()
    assert server.lines[-1] == "factcheck serve: stopped"
    assert not server.errors


async def test_a_tab_beyond_max_tabs_is_told_and_starts_no_desk(tmp_path):
    import aiohttp

    server = ServedDesk(tmp_path, "--max-tabs", "1")
    origin = server.url.rstrip("/")
    try:
        async with aiohttp.ClientSession() as session:
            first = await session.ws_connect(f"{server.url}ws", origin=origin)
            await first.receive(timeout=DESK_READY)
            second = await session.ws_connect(f"{server.url}ws", origin=origin)
            told = await second.receive(timeout=30)
            assert b"desks are all in use (1 of 1)" in told.data
            assert len(server.desk_pids()) == 1
            await second.close()
            await first.close()
            await asyncio.to_thread(server.wait_for_line, "tab closed", timeout=30)
            third = await session.ws_connect(f"{server.url}ws", origin=origin)
            await third.receive(timeout=DESK_READY)  # room again once a tab has closed
            assert len(server.desk_pids()) == 2
            await third.close()
    finally:
        server.stop()


async def test_an_idle_desk_ends_when_the_server_dies_without_ending_it(tmp_path):
    """SIGKILL leaves the server no time to end its desks; the desks must not wait forever."""
    import aiohttp

    server = ServedDesk(tmp_path)
    try:
        async with aiohttp.ClientSession() as session:
            tab = await session.ws_connect(f"{server.url}ws", origin=server.url.rstrip("/"))
            drawn = b""
            deadline = time.monotonic() + DESK_READY  # frames keep coming: bound the whole wait
            while not ANALYSED.search(screen_text(drawn)):  # the desk is done and idle
                assert time.monotonic() < deadline, "the desk never showed its analysis"
                drawn += (await tab.receive(timeout=DESK_READY)).data
            (desk,) = server.desk_pids()
            server.process.kill()
            await asyncio.to_thread(wait_gone, desk, timeout=30)
    finally:
        server.stop()


async def test_closing_the_servers_terminal_ends_it_in_good_order(tmp_path):
    server = ServedDesk(tmp_path)
    assert await asyncio.to_thread(server.stop, signal.SIGHUP) == 0
    assert server.lines[-1] == "factcheck serve: stopped"


def test_another_host_gets_a_plain_warning(tmp_path):
    server = ServedDesk(tmp_path, "--host", "0.0.0.0")
    try:
        assert "0.0.0.0" not in server.url  # the address printed is one a browser can open
    finally:
        server.stop()
    warning = " ".join(server.errors)
    assert "not on loopback" in warning
    assert "anyone who can reach this address can read the articles" in warning.lower()


@pytest.mark.parametrize(
    ("host", "loopback"),
    [
        pytest.param("127.0.0.1", True, id="ipv4-loopback"),
        pytest.param("127.8.9.10", True, id="ipv4-loopback-range"),
        pytest.param("::1", True, id="ipv6-loopback"),
        pytest.param("[::1]", True, id="ipv6-bracketed"),
        pytest.param("localhost", True, id="localhost"),
        pytest.param("0.0.0.0", False, id="every-interface"),
        pytest.param("::", False, id="every-ipv6-interface"),
        pytest.param("192.168.1.20", False, id="lan-address"),
    ],
)
def test_loopback_is_recognised(host, loopback):
    assert is_loopback(host) is loopback


PROXY = "https://desk.newsroom.example"


@pytest.mark.parametrize(
    ("host", "origin", "loopback", "public_url", "refused"),
    [
        pytest.param("127.0.0.1:8080", None, True, None, False, id="loopback-no-browser"),
        pytest.param("127.0.0.1:8080", "http://127.0.0.1:8080", True, None, False, id="own-page"),
        pytest.param("localhost:8080", "http://localhost:8080", True, None, False, id="localhost"),
        pytest.param("[::1]:8080", "http://[::1]:8080", True, None, False, id="ipv6-own-page"),
        pytest.param("rebound.example:8080", None, True, None, True, id="dns-rebinding"),
        pytest.param("127.0.0.1:8080", "http://news.example", True, None, True, id="other-site"),
        pytest.param("127.0.0.1:8080", "null", True, None, True, id="file-or-sandbox"),
        pytest.param("127.0.0.1:8080", "http://127.0.0.1:9", True, None, True, id="other-port"),
        pytest.param("desk.newsroom.example", PROXY, True, PROXY, False, id="behind-proxy"),
        pytest.param("127.0.0.1:8080", PROXY, True, PROXY, False, id="proxy-rewrites-host"),
        pytest.param("other.example", PROXY, True, PROXY, True, id="proxy-other-name"),
        pytest.param("10.0.0.5:8080", "http://10.0.0.5:8080", False, None, False, id="lan-page"),
        pytest.param("10.0.0.5:8080", "http://news.example", False, None, True, id="lan-other"),
    ],
)
def test_who_may_open_a_desk(monkeypatch, host, origin, loopback, public_url, refused):
    # a rebinding attacker's name resolves to loopback: the check must not ask DNS at all
    monkeypatch.setattr(socket, "getaddrinfo", lambda *a, **k: [(0, 0, 0, "", ("127.0.0.1", 0))])
    reason = refusal(host, origin, loopback=loopback, public_url=public_url)
    assert (reason is not None) is refused, reason


def test_bad_serve_input_is_one_line(capsys, tmp_path):
    busy = socket.socket()
    busy.bind(("127.0.0.1", 0))
    busy.listen()
    missing = str(tmp_path / "missing.txt")
    seed = str(next(iter(cli.seed_paths())))
    try:
        for args in (
            ["serve", seed],
            ["serve", seed, "-"],
            ["serve", seed, missing],
            ["serve", "--port", str(busy.getsockname()[1])],
            ["serve", "--host", "no-such-host.invalid", "--port", "0"],
            ["serve", "--port", "99999"],
            ["serve", "--port", "0", "--max-tabs", "0"],
            ["serve", "--port", "0", "--public-url", "desk.newsroom.example"],
        ):
            code = cli.main(args)
            _, err = capsys.readouterr()
            assert code == 2, args
            assert err.count("\n") == 1, (args, err)
            assert err.startswith("factcheck: "), (args, err)
    finally:
        busy.close()


async def test_a_desk_that_does_not_quit_is_ended_anyway(monkeypatch):
    """Asked to quit, then SIGTERM, both ignored: the server still ends and reaps the desk."""
    from textual_serve.download_manager import DownloadManager

    from factcheck.ui import serve

    monkeypatch.setattr(serve, "QUIT_GRACE", 0.5)
    monkeypatch.setattr(serve, "TERM_GRACE", 0.5)
    stubborn = (
        "import signal, sys, time; signal.signal(signal.SIGTERM, signal.SIG_IGN); "
        "print('__GANGLION__', flush=True); time.sleep(120)"
    )

    async def ignore(_: object) -> None:
        return None

    desk = serve.DeskProcess(
        [sys.executable, "-c", stubborn],
        write_bytes=ignore,
        write_str=ignore,
        close=lambda: ignore(None),
        download_manager=DownloadManager(),
    )
    await desk.start(80, 24)
    await asyncio.sleep(0.5)  # it has set its SIGTERM aside
    assert desk.pid is not None
    assert alive(desk.pid)
    await asyncio.wait_for(desk.stop(), 10)
    await desk.stop()  # a second stop, as the websocket handler's cleanup makes, is harmless
    assert not alive(desk.pid)
