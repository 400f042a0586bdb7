"""Reading inputs into Articles: text, Markdown, HTML, Word, URLs and stdin, all one way.

Whatever the form, the article ends up as normalised plain text; every offset the engine gives
points into that text, and the app displays exactly that text.
"""

from __future__ import annotations

import contextlib
import io
import re
import socket
import stat
import string
import sys
import time
import unicodedata
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO
from urllib.parse import urlparse

from factcheck.models import Article
from factcheck.numbers import join_spaced_thousands

# A long feature is 50 KB; past 2 MB an input is a dump, not an article, and would take minutes.
MAX_BYTES = 2 * 1024 * 1024
URL_TIMEOUT = 10.0
"""Seconds for a whole fetch: connecting, every redirect, the headers and the body."""
MAX_REDIRECTS = 5
MIN_HTML_WORDS = 8
# A Word file is a zip: its parts are inflated only when their declared sizes are sane. Text
# parts compress some 5-20 times; a part that claims a thousand times its size is a bomb.
MAX_DOCX_INFLATED = 64 * 1024 * 1024
MAX_DOCX_RATIO = 200
_CHUNK = 64 * 1024
_TOO_BIG = f"larger than {MAX_BYTES // 2**20} MB, refused: not one article"


class SourceError(ValueError):
    """An input that cannot be read as an article; the message is one line naming the input,
    with every control character a file or a server put in it shown escaped."""

    def __init__(self, message: str) -> None:
        super().__init__(shown(message))


def shown(text: str, *, limit: int = 300) -> str:
    """Text a file or a server controls, made safe for a terminal line: control characters
    (escape sequences, newlines, bidi overrides) written as \\x.. escapes, the length capped."""
    text = _UNSAFE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def display_name(source: str) -> str:
    """How an input is named in messages and reports: a URL without its user name and password."""
    if "@" in source and "://" in source:
        scheme, rest = source.split("://", 1)
        authority, sep, tail = rest.partition("/")
        if "@" in authority:
            return f"{scheme}://{authority.rsplit('@', 1)[1]}{sep}{tail}"
    return source


@dataclass(frozen=True, slots=True)
class Document:
    """An input as read, before it gets its article id."""

    source: str
    title: str
    text: str
    published: str | None = None
    written: str | None = None
    """The text with its curly quotation marks and apostrophes, where it has any."""


# -- normalisation ------------------------------------------------------------------------------

_TRANSLATE = str.maketrans(
    {
        "\u00a0": " ",
        "\u2007": " ",
        "\u202f": " ",
        "\u2009": " ",
        "\u200a": " ",
        "\u2002": " ",
        "\u2003": " ",
        "\u00ad": None,
        "\u200b": None,
        "\u200c": None,
        "\u200d": None,
        "\ufeff": None,
        "\u2060": None,
        "\u2028": "\n",
        "\u2029": "\n",
        "\u2032": "'",
        "\u2033": '"',
        "\u2212": "-",
        "\u2010": "-",
        "\u2011": "-",
        "\t": " ",
        "\r": None,
    }
)
_ANSI = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|[@-Z\\-_])")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# what a terminal line must not carry: C0/C1 controls and the bidirectional overrides
_UNSAFE = re.compile(r"[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


# Typographic quotation marks and apostrophes, read plain by the engine: one character for one,
# so the text as written (`as_written`) and the plain text share every offset.
_QUOTES = str.maketrans("\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u201f", "''''\"\"\"\"")


def normalise(text: str) -> str:
    """Plain text the engine and the app share: no escapes, no control characters, plain quotes,
    plain spaces, no soft hyphens, "1 200" written "1,200", paragraphs one blank line apart."""
    return plain_quotes(as_written(text))


def plain_quotes(text: str) -> str:
    return text.translate(_QUOTES)


def as_written(text: str) -> str:
    """`normalise` with the input's curly quotation marks and apostrophes kept."""
    text = text.replace("\r\n", "\n")
    text = _ANSI.sub("", text)
    text = unicodedata.normalize("NFC", text).translate(_TRANSLATE)
    text = _CONTROL.sub("", text)
    text = join_spaced_thousands(text)
    text = re.sub(r"[ ]{2,}", " ", text)
    text = re.sub(r" *\n *", "\n", text)
    # one paragraph a line, a blank line between: the same text whichever form it came in
    text = re.sub(r"\n+", "\n\n", text)
    return text.strip()


# UTF-32 before UTF-16: the little-endian UTF-32 mark begins with the UTF-16 one
_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)


def decode(data: bytes, name: str) -> str:
    """Bytes to text: a byte-order mark first (UTF-8, UTF-16, UTF-32), then UTF-8, then the
    detected legacy encoding."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding)
            except UnicodeDecodeError:
                raise SourceError(f"{name}: not valid {encoding.upper()} text") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if _looks_binary(data):
        raise SourceError(f"{name}: not text (binary data)")
    # Newsroom systems export cp1252 (smart quotes at 0x91-0x94); Latin-1 differs only there.
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    encoding = best.encoding if best is not None else "cp1252"
    if encoding in ("latin_1", "iso8859_1", "ascii"):
        encoding = "cp1252"
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return data.decode("latin-1")


def _looks_binary(data: bytes) -> bool:
    sample = data[:4096]
    if b"\x00" in sample:
        return True
    printable = sum(1 for b in sample if chr(b) in string.printable or b >= 0x80)
    return printable / max(1, len(sample)) < 0.9


# -- forms --------------------------------------------------------------------------------------


def _texts(raw: str) -> tuple[str, str | None]:
    """The normalised text and, where its quotes were curly, the text as written."""
    written = as_written(raw)
    text = plain_quotes(written)
    return text, written if written != text else None


def _from_plain(raw: str, name: str) -> Document:
    text, written = _texts(raw)
    return Document(name, text.split("\n", 1)[0][:200] or name, text, written=written)


# Every rule runs in time linear in the text: no rule scans to the end of the text from each of
# many starting points (a class that excludes the closing mark, or a bounded repeat), and
# fences and comments are found with str.find rather than a lazy ".*?".
_MD_RULES = [
    (re.compile(r"^[ \t]{0,3}#{1,6}[ \t]*", re.M), ""),
    (re.compile(r"^[ \t]{0,3}>[ \t]?", re.M), ""),
    (re.compile(r"^[ \t]*[-*+][ \t]+", re.M), ""),
    (re.compile(r"!\[([^\[\]\n]{0,300})\]\([^()\[\]\s]{0,2000}\)"), r"\1"),
    (re.compile(r"\[([^\[\]\n]{1,300})\]\([^()\[\]\s]{0,2000}\)"), r"\1"),
    (re.compile(r"(?<![\w*])\*(?![\s*])([^*\n]{1,300}?)(?<!\s)\*(?![\w*])"), r"\1"),
    (re.compile(r"(?<![\w_])_(?![\s_])([^_\n]{1,300}?)(?<!\s)_(?![\w_])"), r"\1"),
    (re.compile(r"\*\*(?!\s)([^*\n]{1,300}?)\*\*"), r"\1"),
    (re.compile(r"__(?!\s)([^_\n]{1,300}?)__"), r"\1"),
    (re.compile(r"`([^`\n]{1,300})`"), r"\1"),
    (re.compile(r"^[ \t]*([-*_])(?:[ \t]*\1){2,}[ \t]*$", re.M), ""),
]


def _cut_between(raw: str, opening: str, closing: str, *, line_start: bool = False) -> str:
    """The text without what stands from each `opening` to its `closing` (to the end when
    unclosed, as a browser reads an unclosed comment), in one pass."""
    kept: list[str] = []
    at = 0
    while True:
        begin = raw.find(opening, at)
        while line_start and begin > 0 and raw[begin - 1] != "\n":
            begin = raw.find(opening, begin + 1)
        if begin < 0:
            kept.append(raw[at:])
            return "".join(kept)
        kept.append(raw[at:begin])
        stop = raw.find(closing, begin + len(opening))
        while line_start and stop > 0 and raw[stop - 1] != "\n":
            stop = raw.find(closing, stop + 1)
        if stop < 0:
            return "".join(kept)
        at = stop + len(closing)
        if line_start:  # the rest of the closing fence's line goes too
            eol = raw.find("\n", at)
            at = len(raw) if eol < 0 else eol


def _from_markdown(raw: str, name: str) -> Document:
    # a comment is a note to the editor, not article text: "<!-- 5000 people -->" is no claim
    raw = _cut_between(raw, "<!--", "-->")
    raw = _cut_between(raw, "```", "```", line_start=True)
    for pattern, repl in _MD_RULES:
        raw = pattern.sub(repl, raw)
    return _from_plain(raw, name)


def _from_html(raw: str, name: str) -> Document:
    import trafilatura

    extracted = trafilatura.bare_extraction(
        raw,
        include_comments=False,
        include_tables=False,
        favor_precision=True,
        with_metadata=True,
        # only a date the page declares: a guess from "© 2013" in a footer would mislead
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    body = getattr(extracted, "text", None) if extracted is not None else None
    if not body or len(body.split()) < MIN_HTML_WORDS:  # a menu or a cookie banner is no article
        raise SourceError(f"{name}: no article text found in the HTML page")
    title = normalise(getattr(extracted, "title", None) or "").strip()
    body, written = _texts(body)
    if title and not body.startswith(title):
        body = f"{title}\n\n{body}"
        written = f"{title}\n\n{written}" if written else None
    first = body.split("\n", 1)[0]
    published = getattr(extracted, "date", None)
    if not (isinstance(published, str) and re.fullmatch(r"\d{4}-\d\d-\d\d", published)):
        published = None
    return Document(name, title or first[:200] or name, body, published, written)


def _check_zip(data: bytes, name: str) -> None:
    """Refuse a Word file whose parts would inflate past the caps, before any part is inflated.
    zipfile stops each part at its declared size (and fails its checksum past it), so the
    declared sizes bound what python-docx will inflate."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            parts = package.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError) as err:
        raise SourceError(
            f"{name}: not a readable Word document ({err.__class__.__name__})"
        ) from None
    total = sum(p.file_size for p in parts)
    if total > MAX_DOCX_INFLATED:
        raise SourceError(
            f"{name}: Word document inflates to {total / 2**20:,.0f} MB, refused "
            f"(limit {MAX_DOCX_INFLATED // 2**20} MB)"
        )
    for part in parts:
        if part.file_size > _CHUNK and part.file_size > MAX_DOCX_RATIO * max(1, part.compress_size):
            raise SourceError(
                f"{name}: Word document part {part.filename} inflates "
                f"{part.file_size // max(1, part.compress_size):,} times, refused (a zip bomb)"
            )


def _from_docx(data: bytes, name: str) -> Document:
    _check_zip(data, name)
    from lxml import etree

    try:
        import docx

        document = docx.Document(io.BytesIO(data))
        # python-docx parses with entity expansion off; a part that still declares a DTD is
        # no Word output (Word never writes one) and is refused below by the same parser error
        paragraphs = [p.text for p in document.paragraphs]
        heading = next(
            (
                p.text
                for p in document.paragraphs
                if p.style is not None
                and (p.style.name or "").lower().startswith(("heading", "title"))
                and p.text.strip()
            ),
            None,
        )
    except (zipfile.BadZipFile, KeyError, ValueError, EOFError, etree.XMLSyntaxError) as err:
        raise SourceError(
            f"{name}: not a readable Word document ({err.__class__.__name__})"
        ) from None
    text, written = _texts("\n".join(paragraphs))
    if not text:
        raise SourceError(f"{name}: the Word document has no text")
    if len(text) > MAX_BYTES:
        raise SourceError(f"{name}: Word document text {_TOO_BIG}")
    title = normalise(heading) if heading else text.split("\n", 1)[0]
    return Document(name, title[:200], text, written=written)


class _Deadline:
    """One deadline for a whole fetch: each socket read waits at most what is left of it, and
    at the deadline every socket the fetch opened is shut, which ends a read that is waiting."""

    def __init__(self, seconds: float) -> None:
        import threading

        self.seconds = seconds
        self.end = time.monotonic() + seconds
        self.sockets: list[socket.socket] = []
        self.timer = threading.Timer(seconds, self.expire)
        self.timer.daemon = True
        self.timer.start()

    def left(self) -> float:
        left = self.end - time.monotonic()
        if left <= 0:
            raise TimeoutError
        return left

    def expire(self) -> None:
        for sock in self.sockets:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)

    def expired(self) -> bool:
        return time.monotonic() >= self.end

    def cancel(self) -> None:
        self.timer.cancel()


def _opener(deadline: _Deadline) -> Any:
    """An opener that speaks only http and https (urllib's default also speaks ftp and file)
    and follows a redirect only to http or https, with every socket under the deadline."""
    import http.client
    import urllib.request

    def tracked(base: type[http.client.HTTPConnection]) -> type[http.client.HTTPConnection]:
        class Connection(base):  # type: ignore[valid-type,misc]
            def connect(self) -> None:
                self.timeout = deadline.left()
                super().connect()
                deadline.sockets.append(self.sock)

        return Connection

    plain, secure = tracked(http.client.HTTPConnection), tracked(http.client.HTTPSConnection)

    class Plain(urllib.request.HTTPHandler):
        def http_open(self, req: urllib.request.Request) -> Any:
            return self.do_open(plain, req)

    class Secure(urllib.request.HTTPSHandler):
        def https_open(self, req: urllib.request.Request) -> Any:
            return self.do_open(secure, req, context=self._context)  # type: ignore[attr-defined]

    class Redirect(urllib.request.HTTPRedirectHandler):
        max_redirections = MAX_REDIRECTS

        def redirect_request(self, req, fp, code, msg, headers, newurl):  # type: ignore[no-untyped-def]
            target = urlparse(newurl)
            if target.scheme.lower() not in ("http", "https"):
                raise SourceError(
                    f"{display_name(req.full_url)}: redirected to a {target.scheme or 'relative'}"
                    " address; only http and https are followed"
                )
            new = super().redirect_request(req, fp, code, msg, headers, newurl)
            if new is not None and target.hostname != urlparse(req.full_url).hostname:
                new.remove_header("Authorization")  # credentials stay with their own host
            return new

    opener = urllib.request.OpenerDirector()
    for handler in (
        urllib.request.ProxyHandler(),
        Plain(),
        Secure(),
        Redirect(),
        urllib.request.HTTPDefaultErrorHandler(),
        urllib.request.HTTPErrorProcessor(),
    ):
        opener.add_handler(handler)
    return opener


def _check_url(url: str) -> str:
    """The URL as it will be requested, or SourceError for one that no server could be asked:
    a space or a control character in it, no host, a port that is not a number."""
    name = display_name(url)
    if any(c.isspace() or ord(c) < 32 or ord(c) == 127 for c in url):
        raise SourceError(
            f"{name}: not a valid address (it contains a space or a control character)"
        )
    try:
        parts = urlparse(url)
        port = parts.port
        host = parts.hostname
    except ValueError as err:
        raise SourceError(f"{name}: not a valid address ({err})") from None
    if not host:
        raise SourceError(f"{name}: not a valid address (no host)")
    if port == 0:
        raise SourceError(f"{name}: not a valid address (port 0)")
    return url


def _fetch(url: str) -> tuple[bytes, str]:
    """GET a URL within one deadline and the article size limit: (body, content type)."""
    import http.client
    import urllib.error
    import urllib.request

    name = display_name(url)
    _check_url(url)
    headers = {"User-Agent": "factcheck/0.1 (newsroom)"}
    parts = urlparse(url)
    if parts.username is not None:  # "https://user:password@host/": sent as basic auth
        from base64 import b64encode
        from urllib.parse import unquote

        pair = f"{unquote(parts.username)}:{unquote(parts.password or '')}"
        headers["Authorization"] = "Basic " + b64encode(pair.encode("utf-8")).decode("ascii")
        url = name
    request = urllib.request.Request(url, headers=headers)
    deadline = _Deadline(URL_TIMEOUT)
    late = f"{name}: no complete answer within {URL_TIMEOUT:g} s"
    try:
        with _opener(deadline).open(request, timeout=URL_TIMEOUT) as response:
            ctype = str(response.headers.get("Content-Type", ""))
            declared = response.headers.get("Content-Length", "")
            if declared.isdigit() and int(declared) > MAX_BYTES:
                raise SourceError(f"{name}: page {_TOO_BIG}")
            chunks: list[bytes] = []
            size = 0
            while size <= MAX_BYTES:
                deadline.left()
                chunk = response.read(_CHUNK)
                if not chunk:
                    break
                chunks.append(chunk)
                size += len(chunk)
            if size > MAX_BYTES:
                raise SourceError(f"{name}: page {_TOO_BIG}")
            if deadline.expired():
                raise TimeoutError
            body = b"".join(chunks)
    except urllib.error.HTTPError as err:
        raise SourceError(
            f"{name}: the server answered {err.code} {shown(str(err.reason))}"
        ) from None
    except urllib.error.URLError as err:
        if isinstance(err.reason, TimeoutError) or deadline.expired():
            raise SourceError(late) from None
        reason = (
            err.reason if isinstance(err.reason, str) else getattr(err.reason, "strerror", None)
        )
        raise SourceError(
            f"{name}: cannot reach the host ({shown(str(reason or err.reason))})"
        ) from None
    except TimeoutError:
        raise SourceError(late) from None
    except (http.client.HTTPException, ValueError, UnicodeError) as err:
        if isinstance(err, SourceError):
            raise
        if deadline.expired():
            raise SourceError(late) from None
        raise SourceError(
            f"{name}: the server's answer is not valid HTTP ({err.__class__.__name__})"
        ) from None
    except OSError as err:
        if deadline.expired():
            raise SourceError(late) from None
        raise SourceError(f"{name}: {shown(str(err.strerror or err))}") from None
    finally:
        deadline.cancel()
    return body, ctype


def _is_html(raw: str) -> bool:
    return raw.lstrip()[:1000].lower().startswith(("<!doctype html", "<html"))


def _dispatch(data: bytes, name: str, suffix: str) -> Document:
    if not data.strip():
        raise SourceError(f"{name}: empty input")
    if suffix == ".docx" or data.startswith(b"PK\x03\x04"):
        return _from_docx(data, name)
    raw = decode(data, name)
    if suffix in (".html", ".htm") or _is_html(raw):
        return _from_html(raw, name)
    if suffix in (".md", ".markdown"):
        return _from_markdown(raw, name)
    document = _from_plain(raw, name)
    if not document.text:
        raise SourceError(f"{name}: no text")
    return document


def _read_capped(stream: BinaryIO | io.BufferedIOBase, name: str) -> bytes:
    """At most the article limit from a stream, read in chunks: a device, a pipe or an endless
    producer is cut at the limit instead of being read to the end."""
    chunks: list[bytes] = []
    size = 0
    while size <= MAX_BYTES:
        chunk = stream.read(min(_CHUNK, MAX_BYTES + 1 - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    if size > MAX_BYTES:
        raise SourceError(f"{name}: input {_TOO_BIG}")
    return b"".join(chunks)


def _read_bytes(source: str, stdin: io.BufferedIOBase | None) -> tuple[bytes, str]:
    """The raw bytes of an input and the file suffix that says its form ("" when unknown)."""
    if source == "-":
        stream = stdin if stdin is not None else sys.stdin.buffer
        return _read_capped(stream, "-"), ""
    scheme_of = re.match(r"([A-Za-z][A-Za-z0-9+.-]*):", source)
    scheme = scheme_of.group(1).lower() if scheme_of else ""
    if scheme in ("http", "https"):
        body, ctype = _fetch(source)
        if "officedocument" in ctype:
            return body, ".docx"
        return body, ".txt" if "text/plain" in ctype else ".html"
    if len(scheme) > 1 and not Path(source).exists():  # "notes:v2.txt" is still a file
        raise SourceError(f"{display_name(source)}: only http and https addresses are read")
    path = Path(source).expanduser()  # "~/drafts/story.docx" typed in the app
    try:
        mode = path.stat().st_mode
        if stat.S_ISDIR(mode):
            raise SourceError(f"{source}: is a folder, not an article")
        with path.open("rb") as stream:
            return _read_capped(stream, source), path.suffix.lower()
    except FileNotFoundError:
        raise SourceError(f"{source}: no such file") from None
    except PermissionError:
        raise SourceError(f"{source}: permission denied") from None
    except OSError as err:
        raise SourceError(f"{source}: {err.strerror or err}") from None


def read_document(source: str, *, stdin: io.BufferedIOBase | None = None) -> Document:
    """Read one input: a path, an http(s) URL, or "-" for standard input."""
    data, suffix = _read_bytes(source, stdin)
    return _dispatch(data, display_name(source), suffix)


def article_id(index: int) -> str:
    """A, B, … Z, AA, AB …"""
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(ord("A") + rem) + letters
    return letters


def as_articles(documents: Sequence[Document], *, first: int = 0) -> list[Article]:
    return [
        Article(article_id(first + i), d.source, d.title, d.text, d.published, d.written)
        for i, d in enumerate(documents)
    ]


def read_articles(sources: Sequence[str]) -> list[Article]:
    """Read every input or raise SourceError for the first that cannot be read."""
    return as_articles([read_document(s) for s in sources])


def read_lines(
    source: str, *, stdin: io.BufferedIOBase | None = None
) -> list[tuple[int, Document]]:
    """One document per non-empty line of a text input (sentence lists, feeds), numbered as in
    the input from 1; a page or a Word file gives one document per paragraph instead."""
    data, suffix = _read_bytes(source, stdin)
    name = display_name(source)
    whole = _dispatch(data, name, suffix)  # refuses what is empty, binary or unreadable
    plain = suffix in ("", ".txt", ".text") and not data.startswith(b"PK")
    raw = decode(data, name) if plain else ""
    if plain and not _is_html(raw):
        numbered = enumerate(raw.splitlines(), start=1)
    else:
        numbered = enumerate(whole.text.split("\n\n"), start=1)
    documents = []
    for n, line in numbered:
        text, written = _texts(line)
        if text:
            documents.append((n, Document(name, text[:200], text, whole.published, written)))
    return documents
