"""Reading inputs into Articles: text, Markdown, HTML, Word, URLs and stdin, all one way.

Whatever the form, the article ends up as normalised plain text; every offset the engine gives
points into that text, and the app displays exactly that text.
"""

from __future__ import annotations

import io
import re
import string
import sys
import unicodedata
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

from factcheck.models import Article

# A long feature is 50 KB; past 2 MB an input is a dump, not an article, and would take minutes.
MAX_BYTES = 2 * 1024 * 1024
MAX_URL_BYTES = 5 * 1024 * 1024
URL_TIMEOUT = 10.0
MIN_HTML_WORDS = 8


class SourceError(ValueError):
    """An input that cannot be read as an article; the message is one line naming the input."""


@dataclass(frozen=True, slots=True)
class Document:
    """An input as read, before it gets its article id."""

    source: str
    title: str
    text: str
    published: str | None = None


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
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
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
_SPACED_THOUSANDS = re.compile(r"(?<=\d) (?=\d{3}(?!\d))")


def normalise(text: str) -> str:
    """Plain text the engine and the app share: no escapes, no control characters, plain quotes,
    plain spaces, no soft hyphens, "1 200" written "1,200", paragraphs one blank line apart."""
    text = text.replace("\r\n", "\n")
    text = _ANSI.sub("", text)
    text = unicodedata.normalize("NFC", text).translate(_TRANSLATE)
    text = _CONTROL.sub("", text)
    text = _SPACED_THOUSANDS.sub(",", text)
    text = re.sub(r"[ ]{2,}", " ", text)
    text = re.sub(r" *\n *", "\n", text)
    # one paragraph a line, a blank line between: the same text whichever form it came in
    text = re.sub(r"\n+", "\n\n", text)
    return text.strip()


def decode(data: bytes, name: str) -> str:
    """Bytes to text: UTF-8 (with or without BOM) first, then the detected legacy encoding."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
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


def _from_plain(raw: str, name: str) -> Document:
    text = normalise(raw)
    return Document(name, text.split("\n", 1)[0][:200] or name, text)


_MD_RULES = [
    (re.compile(r"^```.*?^```", re.M | re.S), ""),
    (re.compile(r"^\s{0,3}#{1,6}\s*", re.M), ""),
    (re.compile(r"^\s{0,3}>\s?", re.M), ""),
    (re.compile(r"^\s*[-*+]\s+", re.M), ""),
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), r"\1"),
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),
    (re.compile(r"(\*\*|__)(.+?)\1"), r"\2"),
    (re.compile(r"(?<![\w*])[*_](?!\s)(.+?)(?<!\s)[*_](?![\w*])"), r"\1"),
    (re.compile(r"`([^`]+)`"), r"\1"),
    (re.compile(r"^\s*([-*_])(\s*\1){2,}\s*$", re.M), ""),
]


def _from_markdown(raw: str, name: str) -> Document:
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
    body = normalise(body)
    if title and not body.startswith(title):
        body = f"{title}\n\n{body}"
    first = body.split("\n", 1)[0]
    published = getattr(extracted, "date", None)
    if not (isinstance(published, str) and re.fullmatch(r"\d{4}-\d\d-\d\d", published)):
        published = None
    return Document(name, title or first[:200] or name, body, published)


def _from_docx(data: bytes, name: str) -> Document:
    try:
        import docx

        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as err:
        raise SourceError(
            f"{name}: not a readable Word document ({err.__class__.__name__})"
        ) from None
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
    text = normalise("\n".join(paragraphs))
    if not text:
        raise SourceError(f"{name}: the Word document has no text")
    title = normalise(heading) if heading else text.split("\n", 1)[0]
    return Document(name, title[:200], text)


def _fetch(url: str) -> tuple[bytes, str]:
    """GET a URL with a timeout and a size cap: (body, content type)."""
    import urllib.error
    import urllib.request

    request = urllib.request.Request(url, headers={"User-Agent": "factcheck/0.1 (newsroom)"})
    try:
        with urllib.request.urlopen(request, timeout=URL_TIMEOUT) as response:
            body = response.read(MAX_URL_BYTES + 1)
            ctype = response.headers.get("Content-Type", "")
    except urllib.error.HTTPError as err:
        raise SourceError(f"{url}: the server answered {err.code} {err.reason}") from None
    except urllib.error.URLError as err:
        raise SourceError(f"{url}: cannot reach the host ({err.reason})") from None
    except TimeoutError:
        raise SourceError(f"{url}: no answer within {URL_TIMEOUT:.0f} s") from None
    except OSError as err:
        raise SourceError(f"{url}: {err.strerror or err}") from None
    if len(body) > MAX_URL_BYTES:
        raise SourceError(f"{url}: page larger than {MAX_URL_BYTES // (1024 * 1024)} MB, refused")
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


def _read_bytes(source: str, stdin: io.BufferedIOBase | None) -> tuple[bytes, str]:
    """The raw bytes of an input and the file suffix that says its form ("" when unknown)."""
    too_big = f"larger than {MAX_BYTES // 2**20} MB, refused: not one article"
    if source == "-":
        stream = stdin if stdin is not None else sys.stdin.buffer
        data = stream.read(MAX_BYTES + 1)
        if len(data) > MAX_BYTES:
            raise SourceError(f"-: input {too_big}")
        return data, ""
    scheme = urlparse(source).scheme.lower()
    if scheme in ("http", "https"):
        body, ctype = _fetch(source)
        if "officedocument" in ctype:
            return body, ".docx"
        return body, ".txt" if "text/plain" in ctype else ".html"
    if len(scheme) > 1:
        raise SourceError(f"{source}: only http and https addresses are read")
    path = Path(source).expanduser()  # "~/drafts/story.docx" typed in the app
    try:
        if path.is_dir():
            raise SourceError(f"{source}: is a folder, not an article")
        if path.stat().st_size > MAX_BYTES:
            raise SourceError(f"{source}: file {too_big}")
        return path.read_bytes(), path.suffix.lower()
    except FileNotFoundError:
        raise SourceError(f"{source}: no such file") from None
    except PermissionError:
        raise SourceError(f"{source}: permission denied") from None
    except OSError as err:
        raise SourceError(f"{source}: {err.strerror or err}") from None


def read_document(source: str, *, stdin: io.BufferedIOBase | None = None) -> Document:
    """Read one input: a path, an http(s) URL, or "-" for standard input."""
    data, suffix = _read_bytes(source, stdin)
    return _dispatch(data, source, suffix)


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
        Article(article_id(first + i), d.source, d.title, d.text, d.published)
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
    whole = _dispatch(data, source, suffix)  # refuses what is empty, binary or unreadable
    plain = suffix in ("", ".txt", ".text") and not data.startswith(b"PK")
    raw = decode(data, source) if plain else ""
    if plain and not _is_html(raw):
        numbered = enumerate(raw.splitlines(), start=1)
    else:
        numbered = enumerate(whole.text.split("\n\n"), start=1)
    documents = []
    for n, line in numbered:
        text = normalise(line)
        if text:
            documents.append((n, Document(source, text[:200], text, whole.published)))
    return documents
