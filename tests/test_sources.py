"""Articles as editors have them: every form of the same story yields the same text and claims."""

from __future__ import annotations

import http.server
import io
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
]


@pytest.mark.parametrize(("raw", "clean"), [pytest.param(r, c, id=i) for i, r, c in NORMALISE])
def test_normalise(raw, clean):
    assert sources.normalise(raw) == clean


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
    with pytest.raises(SourceError, match=r"no answer|cannot reach"):
        read_document(f"{server}/slow")


def test_url_size_cap(server, monkeypatch):
    monkeypatch.setattr(sources, "MAX_URL_BYTES", 1000)
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
