"""The review desk in a browser: one desk process for each open tab, served by textual-serve.

Each websocket (one browser tab) starts `factcheck review` as a child process speaking Textual's
web protocol over its pipes; closing the tab ends that process, stopping the server ends them
all. Marks are committed by the desk as they are made, so nothing committed depends on how a
desk ends; the server still asks each desk to quit before it resorts to signals.

Safe by default: the server listens on loopback, and answers only requests addressed to a
loopback name there (a web page the editor visits cannot reach it by DNS rebinding) and
websockets opened by its own page (nor by a cross-site websocket).
"""

from __future__ import annotations

import asyncio
import contextlib
import ipaddress
import logging
import shlex
import socket
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

import aiohttp_jinja2
from aiohttp import web
from aiohttp.web_runner import GracefulExit
from textual_serve.app_service import AppService
from textual_serve.server import Server

log = logging.getLogger("factcheck.ui.serve")

QUIT_GRACE = 5.0  # seconds a desk has to quit when asked, before SIGTERM
TERM_GRACE = (
    3.0  # seconds after SIGTERM (which Textual's web driver turns into a quit) before SIGKILL
)
LOOPBACK_NAMES = frozenset({"localhost", "localhost.localdomain", "ip6-localhost"})


class ServeError(Exception):
    """A reason the server cannot start, worded for the editor."""


@dataclass(frozen=True, slots=True)
class ServeOptions:
    """How and what to serve."""

    host: str = "127.0.0.1"
    """The address to listen on."""
    port: int = 8080
    """The port to listen on; 0 picks a free one."""
    desk_args: tuple[str, ...] = ()
    """What each tab's `factcheck review` is given: article paths and desk options."""
    public_url: str | None = None
    """The address browsers use, when it is not the one they ask for (a reverse proxy that
    rewrites the Host header)."""
    max_tabs: int = 16
    """Desks open at once; each holds its own language model (about 170 MiB)."""


def is_loopback(host: str) -> bool:
    """Whether every address `host` (the one to listen on) names is on this machine only."""
    if names_loopback(host):
        return True
    try:
        found = socket.getaddrinfo(host.strip("[]"), None, type=socket.SOCK_STREAM)
    except OSError:
        return False
    return bool(found) and all(ipaddress.ip_address(info[4][0]).is_loopback for info in found)


def names_loopback(host: str) -> bool:
    """Whether a Host header names this machine, by its text alone: a DNS answer is what an
    attacker controls in DNS rebinding, so none is asked for."""
    name = host.strip("[]").lower()
    if name in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def refusal(host: str, origin: str | None, *, loopback: bool, public_url: str | None) -> str | None:
    """Why a request addressed to `host` from a page at `origin` is refused, or None.

    On loopback, only loopback names (and the public URL's, which a proxy passes on) are
    answered; everywhere, a browser's websocket must come from this server's own page.
    """
    asked = urlsplit(f"//{host}").hostname or ""
    public = urlsplit(public_url or "")
    if loopback and asked != public.hostname and not names_loopback(asked):
        return f"this desk answers on loopback names only, not {asked!r}"
    if origin is None:  # not a browser: nothing a web page could forge
        return None
    allowed = {host.lower(), public.netloc.lower()} - {
        ""
    }  # "null" (a file or sandbox) is no page of ours
    if urlsplit(origin).netloc.lower() not in allowed:
        return f"a page from {origin} may not open this desk"
    return None


def desk_command(desk_args: Sequence[str]) -> list[str]:
    """The command one tab's desk runs: the terminal desk itself, with this interpreter."""
    return [sys.executable, "-m", "factcheck", "review", *desk_args]


def _end_with_parent() -> None:
    """In a desk, before it starts: on Linux, SIGTERM it if the server dies without ending it
    (SIGKILL, a crash), as an idle desk would otherwise wait for its tab forever."""
    if sys.platform.startswith("linux"):
        import ctypes
        import signal

        pr_set_pdeathsig = 1
        ctypes.CDLL(None, use_errno=True).prctl(pr_set_pdeathsig, signal.SIGTERM)


class DeskProcess(AppService):
    """One tab's desk: started without a shell, ended for certain when the tab goes."""

    def __init__(self, argv: Sequence[str], **kwargs: object) -> None:
        super().__init__(shlex.join(argv), **kwargs)  # type: ignore[arg-type]
        self.argv = list(argv)
        self._ending: asyncio.Future[None] | None = None

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process is not None else None

    async def _open_app_process(
        self, width: int = 80, height: int = 24
    ) -> asyncio.subprocess.Process:
        # exec, not a shell: the pid is the desk's own, and paths need no quoting. A session of
        # its own keeps a Ctrl+C at the server's terminal from reaching the desks before the
        # server has asked them to quit.
        self._process = process = await asyncio.create_subprocess_exec(
            *self.argv,
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
            env=self._build_environment(width=width, height=height),
            start_new_session=True,
            preexec_fn=_end_with_parent,
        )
        assert process.stdin is not None
        self._stdin = process.stdin
        return process

    async def stop(self) -> None:
        """End the desk: ask it to quit, then SIGTERM, then SIGKILL; reap it. Safe to repeat."""
        if self._ending is None:
            self._ending = asyncio.ensure_future(self._end())
        await asyncio.shield(self._ending)

    async def _end(self) -> None:
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(super().stop(), QUIT_GRACE)
        process = self._process
        if process is None:
            return
        if process.returncode is None:
            with contextlib.suppress(ProcessLookupError):
                process.terminate()
            try:
                await asyncio.wait_for(process.wait(), TERM_GRACE)
            except TimeoutError:
                with contextlib.suppress(ProcessLookupError):
                    process.kill()
        await process.wait()


def _already_reaped(record: logging.LogRecord) -> bool:
    """Drop asyncio's "Unknown child process pid …, will report returncode 255": a desk that had
    already ended was reaped first by the subprocess module's own clean-up (it collects ended
    children whenever a new desk starts), so asyncio's watcher found nothing to collect. The desk
    is gone either way; the editor need not be told."""
    return not record.getMessage().startswith("Unknown child process pid")


class DeskServer(Server):
    """textual-serve's server, with one desk process a tab and the checks a newsroom needs."""

    def __init__(self, options: ServeOptions, sock: socket.socket) -> None:
        self.options = options
        self.sock = sock
        host, port = sock.getsockname()[:2]
        self.loopback = is_loopback(options.host)
        super().__init__(
            shlex.join(desk_command(options.desk_args)),
            host=host,
            port=port,
            title="factcheck",
            public_url=options.public_url,
        )
        self.desks: set[DeskProcess] = set()
        self._exiting = False

    # -- what is served, and to whom ------------------------------------------------------------

    def page_url(self, request: web.Request) -> str:
        """Where the browser found this server: the public URL, else the address it asked for."""
        if self.options.public_url:
            return self.options.public_url.rstrip("/")
        forwarded = request.headers.get("X-Forwarded-Proto", "").split(",")[0].strip()
        scheme = forwarded if forwarded in ("http", "https") else request.scheme
        return f"{scheme}://{request.host}"

    def _refusal(self, request: web.Request) -> str | None:
        return refusal(
            request.host,
            request.headers.get("Origin"),
            loopback=self.loopback,
            public_url=self.options.public_url,
        )

    async def handle_index(self, request: web.Request) -> web.Response:
        if (reason := self._refusal(request)) is not None:
            raise web.HTTPForbidden(text=reason)
        base = self.page_url(request)
        router = request.app.router
        websocket = f"{base}{router['websocket'].url_for()}"
        scheme, _, rest = websocket.partition(":")
        context = {
            "font_size": max(8, min(40, _int(request.query.get("fontsize"), 16))),
            "app_websocket_url": ("wss:" if scheme == "https" else "ws:") + rest,
            "config": {"static": {"url": f"{base}{router['static'].url_for(filename='/')}"}},
            "application": {"name": self.title},
        }
        return aiohttp_jinja2.render_template("app_index.html", request, context)

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        if (reason := self._refusal(request)) is not None:
            raise web.HTTPForbidden(text=reason)
        websocket = web.WebSocketResponse(heartbeat=15)
        width = _int(request.query.get("width"), 80)
        height = _int(request.query.get("height"), 24)
        await websocket.prepare(request)
        if len(self.desks) >= self.options.max_tabs:
            return await self._turn_away(websocket)
        desk = DeskProcess(
            desk_command(self.options.desk_args),
            write_bytes=websocket.send_bytes,
            write_str=websocket.send_str,
            close=websocket.close,
            download_manager=self.download_manager,
        )
        self.desks.add(desk)
        try:
            await desk.start(width, height)
            _say(f"tab opened: desk {desk.pid} ({len(self.desks)} open)")
            await self._process_messages(websocket, desk)
        finally:
            await desk.stop()
            self.desks.discard(desk)
            _say(f"tab closed: desk {desk.pid} ended ({len(self.desks)} open)")
            await websocket.close()
        return websocket

    async def _turn_away(self, websocket: web.WebSocketResponse) -> web.WebSocketResponse:
        """Say in the tab's terminal that the desk is full, and start nothing."""
        full = self.options.max_tabs
        _say(f"tab turned away: all desks in use ({full} of --max-tabs {full})")
        await websocket.send_bytes(
            f"\r\n  factcheck: this server's desks are all in use ({full} of {full})."
            "\r\n  Close a tab that is done with, then reload this page.\r\n".encode()
        )
        async for _ in websocket:  # keep the message on screen until the tab goes
            pass
        return websocket

    # -- life of the server ---------------------------------------------------------------------

    def initialize_logging(self) -> None:
        logging.basicConfig(level=logging.WARNING, format="factcheck serve: %(message)s")
        logging.getLogger("asyncio").addFilter(_already_reaped)

    async def on_startup(self, app: web.Application) -> None:
        """textual-serve prints a banner here; the address was printed before listening."""

    async def on_shutdown(self, app: web.Application) -> None:
        desks = list(self.desks)
        if desks:
            _say(f"ending {len(desks)} open desk(s)…")
        await asyncio.gather(*(desk.stop() for desk in desks))

    def request_exit(self) -> None:
        if self._exiting:
            return  # a second Ctrl+C while the desks are ending: they end within seconds anyway
        self._exiting = True
        raise GracefulExit()

    def serve(self, debug: bool = False) -> None:
        import signal

        self.initialize_logging()
        loop = asyncio.new_event_loop()
        asyncio.set_event_loop(loop)
        # SIGHUP too: closing the terminal the server runs in ends the desks in good order
        for stop_signal in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
            loop.add_signal_handler(stop_signal, self.request_exit)
        web.run_app(
            self._make_app(),
            sock=self.sock,
            handle_signals=False,
            loop=loop,
            print=None,
            access_log=None,
            shutdown_timeout=QUIT_GRACE + TERM_GRACE + 2,
        )


def _int(text: str | None, default: int) -> int:
    try:
        return int(text) if text is not None else default
    except ValueError:
        return default


def _say(line: str) -> None:
    print(f"factcheck serve: {line}", flush=True)


def listen(host: str, port: int) -> socket.socket:
    """A listening socket on host:port, or a ServeError saying why not."""
    try:
        family, kind, proto, _, address = socket.getaddrinfo(
            host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE
        )[0]
    except OSError as err:
        raise ServeError(f"cannot listen on {host!r}: {err.strerror or err}") from None
    sock = socket.socket(family, kind, proto)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind(address)
        sock.listen(128)
    except OSError as err:
        sock.close()
        raise ServeError(f"cannot listen on {host} port {port}: {err.strerror or err}") from None
    sock.setblocking(False)
    return sock


def address_listened(sock: socket.socket) -> str:
    """The address a browser on the network, or a proxy, reaches the server at."""
    host, port = sock.getsockname()[:2]
    if ipaddress.ip_address(host).is_unspecified:
        host = socket.gethostname()  # every interface: name the machine, not 0.0.0.0
    elif ":" in host:
        host = f"[{host}]"
    return f"http://{host}:{port}/"


def check_options(options: ServeOptions) -> None:
    """A ServeError for options no server can honour."""
    if options.max_tabs < 1:
        raise ServeError(f"--max-tabs must be 1 or more, not {options.max_tabs}")
    if not 0 <= options.port <= 65535:
        raise ServeError(f"--port must be 0 (any free port) to 65535, not {options.port}")
    if options.public_url is not None:
        public = urlsplit(options.public_url)
        if public.scheme not in ("http", "https") or not public.hostname:
            raise ServeError(
                f"--public-url must be an http:// or https:// address, not {options.public_url!r}"
            )


def run(options: ServeOptions) -> None:
    """Serve the desk until Ctrl+C or SIGTERM."""
    check_options(options)
    sock = listen(options.host, options.port)
    server = DeskServer(options, sock)
    if not server.loopback:
        sys.stderr.write(
            f"factcheck serve: WARNING: listening on {options.host}, not on loopback. Anyone "
            "who can reach this address can read the articles, open any file this account can "
            "read (the desk's 'o'), and mark them. To share the desk, keep the default host and "
            "put a reverse proxy with authentication in front (see the README).\n"
        )
    _say(
        f"open {options.public_url or address_listened(sock)} in a browser; each tab gets its own desk"
    )
    if options.public_url:
        _say(f"listening on {address_listened(sock)} for the proxy in front of it")
    _say("press Ctrl+C to stop")
    server.serve()
    _say("stopped")
