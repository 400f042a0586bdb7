"""Hostile and huge inputs, written on the spot: shared by tests/test_hostile.py (small sizes) and
benchmarks/hostile.py (up to the 2 MB article limit).

Each builder takes a folder and a size in bytes and returns the command-line arguments that name
the input (paths, or "-" with the bytes to send on stdin).
"""

from __future__ import annotations

import os
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class Input:
    """What to pass to the command: its path arguments and, for "-", the bytes of stdin."""

    paths: tuple[str, ...]
    stdin: bytes | None = None
    stdin_command: tuple[str, ...] | None = None
    """A command whose output is piped to stdin (an endless producer such as `yes`)."""


Builder = Callable[[Path, int], Input]


def _repeat(unit: str, size: int) -> str:
    return unit * max(1, size // len(unit))


def _file(folder: Path, name: str, data: bytes | str) -> Input:
    path = folder / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return Input((str(path),))


def _prose() -> str:
    """News prose: the articles of ../shared/corpus when it is beside the project (read where
    they are, never copied into the repository), else the seed articles."""
    corpus = ROOT.parent / "shared" / "corpus"
    paths = sorted(corpus.glob("*/*.txt")) or sorted((ROOT / "seeds").glob("*.txt"))
    return "\n\n".join(p.read_text(encoding="utf-8") for p in paths)


def _raised(text: str, k: int) -> str:
    return re.sub(r"[0-9]+", lambda m: str(int(m.group()) + k), text) if k else text


def ordinary(folder: Path, size: int) -> Input:
    """Ordinary prose of the size, the baseline an input is compared with: the articles over
    and over, each copy's numbers raised by the copy's number, so that no sentence with a figure
    is read twice (an ordinary article does not repeat itself; a repeated one is parsed once)."""
    prose = _prose()
    copies: list[str] = []
    total = 0
    while total < max(size, 1000):
        copies.append(_raised(prose, len(copies)) + "\n\n")
        total += len(copies[-1].encode("utf-8"))
    data = "".join(copies).encode("utf-8")
    return _file(folder, "ordinary.txt", data[: max(size, 1000)].decode("utf-8", "ignore"))


def repeated_articles(folder: Path, size: int) -> Input:
    """The seed articles repeated word for word to the size (the baseline before repeated
    sentences were parsed once)."""
    seed = "\n\n".join(
        p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))
    )
    data = ((seed + "\n\n") * (1 + size // (len(seed) + 2))).encode("utf-8")
    return _file(folder, "repeated.txt", data[: max(size, 1000)].decode("utf-8", "ignore"))


def text_case(unit: str, suffix: str = ".txt") -> Builder:
    def build(folder: Path, size: int) -> Input:
        return _file(folder, f"case{suffix}", _repeat(unit, size))

    build.__doc__ = f"{unit!r} repeated"
    return build


def counted_sentences(folder: Path, size: int) -> Input:
    """ "1 killed. 2 killed. 3 killed. …": short sentences, no two alike, so each is parsed."""
    parts, total = [], 0
    while total + len(f"{len(parts) + 1} killed. ") <= max(size, 20):
        parts.append(f"{len(parts) + 1} killed. ")
        total += len(parts[-1])
    return _file(folder, "counted.txt", "".join(parts))


def long_number(folder: Path, size: int) -> Input:
    digits = "7" * min(size, 5000)
    return _file(folder, "long.txt", f"Officials said {digits} people were killed.\n")


def utf16(folder: Path, size: int) -> Input:
    text = "Floods killed 12 people on Tuesday, officials said.\n"
    return _file(folder, "utf16.txt", text.encode("utf-16"))


def nul_bytes(folder: Path, size: int) -> Input:
    return _file(folder, "nul.txt", b"12 killed\x00" * max(1, size // 10))


def nested_html(folder: Path, size: int) -> Input:
    depth = max(1, size // 11)
    body = "<div>" * depth + "Floods killed 12 people on Tuesday in the north, officials said."
    return _file(folder, "nested.html", f"<!doctype html><html><body>{body}</body></html>")


def huge_attribute(folder: Path, size: int) -> Input:
    attr = "x" * max(1, size - 300)  # the page stays within the article limit
    page = (
        f'<!doctype html><html><body><p title="{attr}">Floods killed 12 people on Tuesday '
        "in the north of the country, officials said.</p></body></html>"
    )
    return _file(folder, "attr.html", page)


def _docx(folder: Path, name: str, document_xml: bytes | None, *, inflated: int = 0) -> Input:
    """A Word file whose main part is `document_xml`, or `inflated` bytes of zeros (a bomb)."""
    path = folder / name
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            'content-types"><Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/word/document.xml" ContentType="application/vnd.'
            'openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
        )
        z.writestr(
            "_rels/.rels",
            '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/'
            'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.'
            'openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
            'Target="word/document.xml"/></Relationships>',
        )
        if document_xml is not None:
            z.writestr("word/document.xml", document_xml)
        else:
            with z.open("word/document.xml", "w", force_zip64=True) as out:
                chunk = b"\0" * (1 << 20)
                for _ in range(inflated >> 20):
                    out.write(chunk)
    return Input((str(path),))


def docx_bomb(folder: Path, size: int) -> Input:
    return _docx(folder, "bomb.docx", None, inflated=max(1 << 20, size * 1000))


def docx_malformed(folder: Path, size: int) -> Input:
    return _docx(folder, "broken.docx", b"<w:document><w:body><w:p>12 killed</w:bo")


def docx_entities(folder: Path, size: int) -> Input:
    lol = ['<!ENTITY a0 "lol">'] + [
        f'<!ENTITY a{i} "{("&a" + str(i - 1) + ";") * 10}">' for i in range(1, 10)
    ]
    xml = (
        '<?xml version="1.0"?><!DOCTYPE w:document [' + "".join(lol) + "]>"
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        "<w:body><w:p><w:r><w:t>&a9;</w:t></w:r></w:p></w:body></w:document>"
    )
    return _docx(folder, "laughs.docx", xml.encode())


def stdin_bytes(data: bytes) -> Builder:
    def build(folder: Path, size: int) -> Input:
        return Input(("-",), stdin=data)

    return build


def endless_pipe(folder: Path, size: int) -> Input:
    return Input(("-",), stdin_command=("yes", "Floods killed 12 people."))


def device(path: str) -> Builder:
    def build(folder: Path, size: int) -> Input:
        return Input((path,))

    return build


def symlink_loop(folder: Path, size: int) -> Input:
    a, b = folder / "loop_a.txt", folder / "loop_b.txt"
    a.symlink_to(b)
    b.symlink_to(a)
    return Input((str(a),))


def fifo_endless(folder: Path, size: int) -> Input:
    """A named pipe fed by an endless writer (the writer is started by the caller's command)."""
    path = folder / "feed.fifo"
    os.mkfifo(path)
    return Input((str(path),), stdin_command=("sh", "-c", f"yes 'Floods killed 12.' > '{path}'"))


def identical_copies(folder: Path, size: int) -> Input:
    text = (ROOT / "seeds").glob("*.txt").__next__().read_text(encoding="utf-8")
    (folder / "copy1.txt").write_text(text, encoding="utf-8")
    (folder / "copy2.txt").write_text(text, encoding="utf-8")
    return Input((str(folder / "copy1.txt"), str(folder / "copy2.txt")))


# name -> builder; the measured cases of issue 11 first, then our own
CASES: dict[str, Builder] = {
    "ordinary": ordinary,
    "repeated_articles": repeated_articles,
    "ones": text_case("1 "),
    "comma_ones": text_case("1,"),
    "between": text_case("between 1 and 2 "),
    "twenty": text_case("twenty "),
    "abbrev_no": text_case("No. "),
    "abbrev_us": text_case("U.S. "),
    "md_stars": text_case("*a ", ".md"),
    "md_links": text_case("[a](", ".md"),
    "long_line": text_case("word "),
    "figures_one_sentence": text_case("12 killed, "),
    "short_sentences": text_case("12 killed. "),
    "counted_sentences": counted_sentences,
    "ranges_sentences": text_case("Between 5 and 7 people, at least 3. "),
    "hedged_ranges": text_case("at least 5 to 7 people, "),
    "long_number": long_number,
    "utf16": utf16,
    "nul_bytes": nul_bytes,
    "nested_html": nested_html,
    "huge_attribute": huge_attribute,
    "docx_bomb": docx_bomb,
    "docx_malformed": docx_malformed,
    "docx_entities": docx_entities,
    "dev_zero": device("/dev/zero"),
    "dev_urandom": device("/dev/urandom"),
    "endless_pipe": endless_pipe,
    "symlink_loop": symlink_loop,
    "fifo_endless": fifo_endless,
}


@dataclass(frozen=True)
class Outcome:
    """How one limited run ended."""

    code: int | None
    """Exit status; None when the run was killed for time."""
    stderr: str
    output_bytes: int
    seconds: float
    peak_mb: float
    """Peak resident memory of the process, from the kernel's accounting (wait4)."""


def run_limited(
    args: list[str], given: Input, *, timeout: float, memory_mb: int, folder: Path
) -> Outcome:
    """Run `python -m factcheck ARGS PATHS` under an address-space limit and a deadline."""
    import resource
    import subprocess
    import sys
    import time

    def limit() -> None:
        cap = memory_mb * 2**20
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))

    producer = None
    stdin: int | object = subprocess.DEVNULL
    if given.stdin_command is not None:
        producer = subprocess.Popen(
            given.stdin_command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL
        )
        if given.paths == ("-",):
            stdin = producer.stdout
    elif given.stdin is not None:
        feed = folder / "stdin.bin"
        feed.write_bytes(given.stdin)
        stdin = feed.open("rb")
    out_path, err_path = folder / "out.txt", folder / "err.txt"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    with out_path.open("wb") as out, err_path.open("wb") as err:
        started = time.perf_counter()
        proc = subprocess.Popen(
            [sys.executable, "-m", "factcheck", *args, *given.paths],
            stdin=stdin,  # type: ignore[arg-type]
            stdout=out,
            stderr=err,
            preexec_fn=limit,
            env=env,
        )
        code: int | None = None
        usage = None
        while time.perf_counter() - started < timeout:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                code = os.waitstatus_to_exitcode(status)
                break
            time.sleep(0.02)
        seconds = time.perf_counter() - started
        if code is None:
            proc.kill()
            _, _, usage = os.wait4(proc.pid, 0)
        proc.returncode = code if code is not None else -9  # already reaped
    if producer is not None:
        producer.kill()
        producer.wait()
    if hasattr(stdin, "close"):
        stdin.close()  # type: ignore[union-attr]
    return Outcome(
        code,
        err_path.read_text(encoding="utf-8", errors="replace"),
        out_path.stat().st_size,
        seconds,
        (usage.ru_maxrss / 1024) if usage is not None else 0.0,
    )
