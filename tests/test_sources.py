"""Articles as editors have them: every form of the same story yields the same text and claims."""

from __future__ import annotations

import http.server
import io
import socket
import threading
import time
import zipfile
from pathlib import Path

import pytest

from factcheck import sources
from factcheck.sources import SourceError, read_document

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
ORIGINAL = FIXTURES / "quake.txt"


@pytest.fixture(scope="module")
def original():
    return read_document(str(ORIGINAL))


@pytest.fixture(scope="module")
def docx_file(tmp_path_factory):
    import docx

    plain = ORIGINAL.read_text(encoding="utf-8")
    title, *paragraphs = [p for p in plain.split("\n") if p.strip()]
    document = docx.Document()
    document.add_heading(title, level=1)
    for p in paragraphs:
        document.add_paragraph(p)
    path = tmp_path_factory.mktemp("docx") / "quake.docx"
    document.save(str(path))
    return path


FORMS = ["quake.html", "quake.md", "quake_cp1252.txt", "quake_bom.txt"]


@pytest.mark.parametrize("name", FORMS)
def test_same_text_in_every_form(original, name):
    document = read_document(str(FIXTURES / name))
    assert document.title == original.title
    assert document.text == original.text


def test_docx_same_text(original, docx_file):
    document = read_document(str(docx_file))
    assert document.title == original.title
    assert document.text == original.text


def test_html_drops_clutter():
    text = read_document(str(FIXTURES / "quake.html")).text
    for clutter in (
        "Share on Facebook",
        "1,024 shares",
        "Comments (57)",
        "Weather",
        "track(7)",
        "All rights reserved",
    ):
        assert clutter not in text


def _claims(nlp, text: str):
    from factcheck.extract import extract_articles
    from factcheck.models import Article

    claims = extract_articles(nlp, [Article("A", "t", "t", text)])
    return [(c.start, c.end, c.surface, c.kind, c.topic, c.qualifier, c.quantity) for c in claims]


@pytest.mark.parametrize("name", [*FORMS, "docx", "stdin"])
def test_same_claims_in_every_form(nlp, original, docx_file, name):
    if name == "docx":
        document = read_document(str(docx_file))
    elif name == "stdin":
        document = read_document("-", stdin=io.BytesIO(ORIGINAL.read_bytes()))
    else:
        document = read_document(str(FIXTURES / name))
    assert _claims(nlp, document.text) == _claims(nlp, original.text)
    assert any(c[2] == "at least 24" for c in _claims(nlp, document.text))


# (id, raw text, normalised)
NORMALISE = [
    ("nbsp-thousands", "1\u00a0200 people", "1,200 people"),
    ("thin-space-thousands", "1\u202f200 people", "1,200 people"),
    ("soft-hyphen", "in\u00adjured", "injured"),
    ("smart-quotes", "\u201cWe\u2019re here\u201d", '"We\'re here"'),
    ("ansi-escape", "12 \x1b[31mdead\x1b[0m", "12 dead"),
    ("osc-title", "\x1b]0;pwned\x07Title", "Title"),
    ("control-chars", "a\x00b\x08c", "abc"),
    ("crlf", "a\r\nb", "a\n\nb"),
    ("markup-kept-as-text", "[bold]12[/bold] dead", "[bold]12[/bold] dead"),
    ("spaced-thousands", "killed 12 500 people", "killed 12,500 people"),
    ("spaced-millions", "some 1 200 000 people", "some 1,200,000 people"),
    ("hedge-starts-sentence", "About 1 200 fled.", "About 1,200 fled."),
    ("date-then-count", "On June 12 150 people were rescued", "On June 12 150 people were rescued"),
    ("name-then-count", "Flight 370 239 people", "Flight 370 239 people"),
    ("year-then-count", "In 2015 150 people", "In 2015 150 people"),
    ("abbreviation-then-count", "No. 7 120 votes", "No. 7 120 votes"),
]


@pytest.mark.parametrize(("raw", "clean"), [pytest.param(r, c, id=i) for i, r, c in NORMALISE])
def test_normalise(raw, clean):
    assert sources.normalise(raw) == clean


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-8-sig"])
def test_text_with_a_byte_order_mark(tmp_path, encoding):
    path = tmp_path / "story.txt"
    text = "Floods kill 12\n\nFloods killed 12 people on Tuesday."
    data = text.encode(encoding)
    if encoding in ("utf-16-le", "utf-16-be"):  # these codecs write no mark: add it
        data = "\ufeff".encode(encoding) + data
    path.write_bytes(data)
    assert read_document(str(path)).text == text


def test_markdown_comments_are_not_article_text(tmp_path):
    path = tmp_path / "story.md"
    path.write_text(
        "# Floods kill 12\n\n<!-- 5000 people: check with the desk -->Floods killed 12 people."
        "\n\n<!--\nnote: 300 dead?\n-->\nRescuers searched.\n\n<!-- unclosed 40 injured",
        encoding="utf-8",
    )
    text = read_document(str(path)).text
    assert text == "Floods kill 12\n\nFloods killed 12 people.\n\nRescuers searched."


@pytest.mark.parametrize(
    ("markdown", "plain"),
    [
        ("**12** *dead* _today_ `code`", "12 dead today code"),
        ("**bold with *inner* word**", "bold with inner word"),
        ("[the report](https://example.org/a) and ![chart](c.png)", "the report and chart"),
        ("```\n5000 people\n```\nAfter the fence.", "After the fence."),
        ("3 * 4 * 5 and a_b_c", "3 * 4 * 5 and a_b_c"),
    ],
)
def test_markdown_markup_is_stripped(tmp_path, markdown, plain):
    path = tmp_path / "story.md"
    path.write_text(markdown, encoding="utf-8")
    assert read_document(str(path)).text == plain


def test_latin1_file(tmp_path):
    path = tmp_path / "latin1.txt"
    path.write_bytes("Caf\xe9 fire\n\nThe caf\xe9 fire injured 12 people.".encode("latin-1"))
    assert read_document(str(path)).text.startswith("Café fire")


BAD = [
    ("zip-not-docx", "x.docx", lambda: _zip_bytes(), "not a readable Word document"),
    (
        "html-without-article",
        "x.html",
        lambda: b"<html><body><nav>Home</nav></body></html>",
        "no article text",
    ),
    ("binary", "x.txt", lambda: bytes(range(256)) * 10, "not text"),
    ("whitespace-only", "x.txt", lambda: b"  \n\n \t ", "empty input"),
]


def _zip_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("hello.txt", "not a word document")
    return buffer.getvalue()


@pytest.mark.parametrize(("name", "make", "message"), [pytest.param(*r[1:], id=r[0]) for r in BAD])
def test_unreadable_input(tmp_path, name, make, message):
    path = tmp_path / name
    path.write_bytes(make())
    with pytest.raises(SourceError, match=message) as err:
        read_document(str(path))
    assert "\n" not in str(err.value)
    assert str(path) in str(err.value)


def test_ten_megabytes_is_refused_at_once(tmp_path):
    path = tmp_path / "dump.txt"
    path.write_bytes(b"Police said 12 people were hurt. " * 320_000)  # 10.5 MB
    with pytest.raises(SourceError, match="larger than 2 MB"):
        read_document(str(path))


def test_oversized_file_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(sources, "MAX_BYTES", 1000)
    path = tmp_path / "big.txt"
    path.write_bytes(b"12 people. " * 200)
    with pytest.raises(SourceError, match="larger than"):
        read_document(str(path))


# -- URLs, against a server on 127.0.0.1 started here -------------------------------------------


class _Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        if self.path == "/story.html":
            body = (FIXTURES / "quake.html").read_bytes()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(body)
        elif self.path == "/slow":
            time.sleep(2)
            self.send_response(200)
            self.end_headers()
        elif self.path == "/huge":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            self.wfile.write(b"<p>" + b"x" * 4096 + b"</p>")
        else:
            self.send_response(404)
            self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def server():
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def test_url_reads_like_the_file(server, original):
    document = read_document(f"{server}/story.html")
    assert document.text == original.text
    assert document.source.endswith("/story.html")


def test_url_not_found(server):
    with pytest.raises(SourceError, match="404"):
        read_document(f"{server}/missing")


def test_url_timeout(server, monkeypatch):
    monkeypatch.setattr(sources, "URL_TIMEOUT", 0.3)
    with pytest.raises(SourceError, match=r"no complete answer|cannot reach"):
        read_document(f"{server}/slow")


def test_url_size_cap(server, monkeypatch):
    monkeypatch.setattr(sources, "MAX_BYTES", 1000)
    with pytest.raises(SourceError, match="larger than"):
        read_document(f"{server}/huge")


def test_unreachable_host():
    with pytest.raises(SourceError, match=r"cannot reach|no answer"):
        read_document("http://127.0.0.1:9/story")


def test_html_publication_date(tmp_path):
    page = (FIXTURES / "quake.html").read_text(encoding="utf-8")
    dated = page.replace(
        "<head>",
        '<head>\n  <meta property="article:published_time" content="2013-07-02T16:22:00Z">',
    )
    path = tmp_path / "dated.html"
    path.write_text(dated, encoding="utf-8")
    assert read_document(str(path)).published == "2013-07-02"
    assert read_document(str(FIXTURES / "quake.html")).published is None  # "© 2013" is no date


def test_each_line_from_stdin_keeps_the_input_numbering():
    from factcheck.sources import read_lines

    lines = read_lines("-", stdin=io.BytesIO(b"Five died.\n\n\nAt least 3 were hurt.\n"))
    assert [(n, d.text) for n, d in lines] == [(1, "Five died."), (4, "At least 3 were hurt.")]


# -- a hostile server: raw bytes on a socket, what a broken or malicious site sends ------------

_HOSTILE: dict[str, list[bytes]] = {
    "/bad-status": [b"HTTP/1.1 abc\r\n\r\n"],
    "/not-http": [b"SSH-2.0-OpenSSH_9.0\r\n"],
    "/many-headers": [b"HTTP/1.1 200 OK\r\n" + b"X-A: b\r\n" * 150 + b"\r\nhello"],
    "/long-header": [b"HTTP/1.1 200 OK\r\nX-A: " + b"b" * 70_000 + b"\r\n\r\nhello"],
    "/bad-chunks": [b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nhello\r\n"],
    "/ftp": [b"HTTP/1.1 302 Found\r\nLocation: ftp://127.0.0.1/etc/passwd\r\n\r\n"],
    "/file": [b"HTTP/1.1 302 Found\r\nLocation: file:///etc/passwd\r\n\r\n"],
    "/escapes": [b"HTTP/1.1 500 \x1b]0;owned\x07\x1b[31mBoom\r\nContent-Length: 0\r\n\r\n"],
    "/big": [b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\n" + b"12 killed. " * 1000],
    "/denied": [b"HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n"],
    # a byte every 0.1 s: each read is quick, the whole never ends
    "/drip-headers": [b"HTTP/1.1 200 OK\r\n"] + [b"X"] * 10_000,
    "/drip-body": [b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\n"] + [b"1"] * 10_000,
}


def _serve_hostile(listener: socket.socket) -> None:
    while True:
        try:
            conn, _ = listener.accept()
        except OSError:
            return
        threading.Thread(target=_answer, args=(conn,), daemon=True).start()


def _answer(conn: socket.socket) -> None:
    with conn:
        request = b""
        while b"\r\n\r\n" not in request:
            chunk = conn.recv(4096)
            if not chunk:
                return
            request += chunk
        path = request.split(b" ")[1].decode()
        parts = _HOSTILE.get(path, [b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n"])
        try:
            conn.sendall(parts[0])
            for part in parts[1:]:
                time.sleep(0.1)
                conn.sendall(part)
        except OSError:
            return


@pytest.fixture(scope="module")
def hostile():
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)
    threading.Thread(target=_serve_hostile, args=(listener,), daemon=True).start()
    yield f"http://127.0.0.1:{listener.getsockname()[1]}"
    listener.close()


@pytest.mark.parametrize(
    ("path", "message"),
    [
        pytest.param("/bad-status", "not valid HTTP", id="malformed-status-line"),
        pytest.param("/not-http", "not valid HTTP", id="not-http"),
        pytest.param("/many-headers", "not valid HTTP", id="too-many-headers"),
        pytest.param("/long-header", "not valid HTTP", id="header-too-long"),
        pytest.param("/bad-chunks", "not valid HTTP", id="broken-chunked"),
        pytest.param("/ftp", "redirected to a ftp address; only http and https", id="ftp-redirect"),
        pytest.param("/file", "answered 302 Found", id="file-redirect"),
        pytest.param("/denied", "answered 403 Forbidden", id="status"),
    ],
)
def test_hostile_server_is_one_line(hostile, path, message):
    with pytest.raises(SourceError) as err:
        read_document(hostile + path)
    text = str(err.value)
    assert message in text
    assert "\n" not in text
    assert text.startswith(hostile + path)


def test_server_text_is_shown_escaped(hostile):
    with pytest.raises(SourceError) as err:
        read_document(hostile + "/escapes")
    text = str(err.value)
    assert "\x1b" not in text
    assert "\x07" not in text
    assert "\\x1b]0;owned\\x07" in text  # visible, inert


@pytest.mark.parametrize("path", ["/drip-headers", "/drip-body"])
def test_one_deadline_for_the_whole_fetch(hostile, path, monkeypatch):
    monkeypatch.setattr(sources, "URL_TIMEOUT", 1.0)
    started = time.monotonic()
    with pytest.raises(SourceError, match="no complete answer within 1 s"):
        read_document(hostile + path)
    assert time.monotonic() - started < 3.0  # each byte came within the per-read timeout


def test_url_body_held_to_the_article_limit(hostile, monkeypatch):
    monkeypatch.setattr(sources, "MAX_BYTES", 5000)
    with pytest.raises(SourceError, match="larger than"):
        read_document(hostile + "/big")


def test_credentials_never_in_messages(hostile):
    address = hostile.replace("http://", "http://editor:s3cret@") + "/denied"
    with pytest.raises(SourceError) as err:
        read_document(address)
    assert "s3cret" not in str(err.value)
    assert "editor" not in str(err.value)


@pytest.mark.parametrize(
    "address",
    [
        pytest.param("http://exa mple.org/", id="space"),
        pytest.param("http://example.org/a\nb", id="newline"),
        pytest.param("http://example.org:abc/", id="port-not-a-number"),
        pytest.param("http://[::1/", id="bad-ipv6"),
        pytest.param("http:///nohost", id="no-host"),
    ],
)
def test_bad_address_is_one_line(address):
    with pytest.raises(SourceError, match="not a valid address") as err:
        read_document(address)
    assert "\n" not in str(err.value)


def test_only_http_schemes():
    for address in ("ftp://127.0.0.1/x", "file:///etc/passwd", "data:text/plain,12"):
        with pytest.raises(SourceError, match="only http and https"):
            read_document(address)


def test_html_reader_dependencies_are_declared():
    """With an older pip nothing pulls lxml_html_clean in; every HTML page then failed."""
    from importlib.metadata import requires

    declared = {
        r.split(">")[0].split("=")[0].split("<")[0].strip().lower()
        for r in requires("factcheck") or []
    }
    assert {"trafilatura", "lxml_html_clean"} <= {d.replace("-", "_") for d in declared}
    import lxml.html.clean  # noqa: F401  (what justext imports)


def test_html_fallback_path_reads_a_bare_page(tmp_path):
    # a page without article markup: no <article>, no <main>, no metadata
    paragraphs = "".join(
        f"<p>Floods killed {n} people in the north of the country on Tuesday, officials said "
        "after rescuers reached the last of the villages.</p>"
        for n in (12, 14)
    )
    path = tmp_path / "bare.html"
    path.write_text(f"<html><body><div>{paragraphs}</div></body></html>", encoding="utf-8")
    assert "Floods killed 12 people" in read_document(str(path)).text
