"""The command line: formats, exit codes, and bad input as one line with status 2."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from factcheck import cli

ROOT = Path(__file__).resolve().parents[1]
SEEDS = [str(p) for p in sorted((ROOT / "seeds").glob("*.txt"))]
FERRY = [str(p) for p in sorted((ROOT / "fixtures").glob("ferry_*.txt"))]


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = cli.main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_extract_json_document(capsys, nlp):
    code, out, _ = run(capsys, "extract", "--format", "json", *SEEDS)
    assert code == 0
    doc = json.loads(out)
    assert [a["id"] for a in doc["articles"]] == ["A", "B"]
    claim = next(c for c in doc["claims"] if c["surface"] == "at least 129")
    assert claim["quantity"] == {"low": 129, "high": None, "low_closed": True, "high_closed": True}
    assert claim["qualifier"] == "at_least"
    assert claim["topic"] == "killed"
    text = doc["articles"][1]["text"]
    assert text[claim["start"] : claim["end"]] == "at least 129"


def test_extract_jsonl_each_line(capsys, tmp_path, nlp):
    feed = tmp_path / "feed.txt"
    feed.write_text("Five people were killed.\n\nAt least 3 were hurt.\n", encoding="utf-8")
    code, out, _ = run(capsys, "extract", "--format", "jsonl", "--each-line", str(feed))
    assert code == 0
    rows = [json.loads(line) for line in out.splitlines()]
    assert [r["line"] for r in rows] == [1, 3]
    assert rows[1]["claims"][0]["surface"] == "At least 3"


def test_extract_text_is_one_line_a_claim(capsys, nlp):
    code, out, _ = run(capsys, "extract", SEEDS[1])
    assert code == 0
    assert any("at least 129" in line and "killed" in line for line in out.splitlines())


def test_check_json_groups(capsys, nlp):
    code, out, _ = run(capsys, "check", "--format", "json", "--fail-on", "never", *SEEDS)
    assert code == 0
    doc = json.loads(out)
    assert set(doc) == {"articles", "claims", "groups", "findings"}
    verdicts = {g["verdict"] for g in doc["groups"]}
    assert verdicts <= {"conflict", "qualifier_mismatch", "agree", "single"}
    toll = next(g for g in doc["groups"] if g["verdict"] == "qualifier_mismatch")
    assert len(toll["claims"]) == 3


@pytest.mark.parametrize(
    ("files", "fail_on", "code"),
    [
        pytest.param(SEEDS, "conflict", 0, id="seeds-no-conflict"),
        pytest.param(SEEDS, "qualifier_mismatch", 1, id="seeds-hedge-fails"),
        pytest.param(FERRY, "conflict", 1, id="ferry-conflict-fails"),
        pytest.param(FERRY, "never", 0, id="never"),
    ],
)
def test_check_exit_status(capsys, nlp, files, fail_on, code):
    assert run(capsys, "check", "--fail-on", fail_on, *files)[0] == code


def test_check_markdown_to_file(capsys, tmp_path, nlp):
    target = tmp_path / "report.md"
    code, out, _ = run(capsys, "check", "--format", "md", "--output", str(target), *FERRY)
    assert code == 1
    assert out == ""
    report = target.read_text(encoding="utf-8")
    assert report.index("## Conflicts") < report.index("## Hedged differently")
    assert "Tomas Brandt, 54" in report


BAD = [
    ("missing-file", lambda d: str(d / "nope.txt"), "no such file"),
    ("empty-file", lambda d: _write(d / "empty.txt", b""), "empty input"),
    ("binary-file", lambda d: _write(d / "x.bin", bytes(range(256)) * 20), "not text"),
    ("folder", lambda d: str(d), "is a folder"),
    ("ftp-url", lambda d: "ftp://example.org/a.txt", "only http and https"),
    ("file-url", lambda d: "file:///etc/passwd", "only http and https"),
]


def _write(path: Path, data: bytes) -> str:
    path.write_bytes(data)
    return str(path)


@pytest.mark.parametrize(("make", "message"), [pytest.param(m, s, id=i) for i, m, s in BAD])
@pytest.mark.parametrize("command", ["extract", "check"])
def test_bad_input_is_one_line(capsys, tmp_path, command, make, message):
    code, out, err = run(capsys, command, make(tmp_path))
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1
    assert message in err
    assert "Traceback" not in err


def test_usage_error_is_one_line(capsys):
    with pytest.raises(SystemExit) as exc:
        cli.main(["check", "--format", "pdf", SEEDS[0]])
    assert exc.value.code == 2
    assert capsys.readouterr().err.count("\n") == 1


def test_review_needs_two_articles(capsys):
    code, _, err = run(capsys, SEEDS[0])
    assert code == 2
    assert "2 to 8" in err


def test_missing_model_is_one_line(capsys):
    code, _, err = run(capsys, "extract", "--model", "no_such_model_xyz", SEEDS[0])
    assert code == 2
    assert "pip install" in err
    assert err.count("\n") == 1


def test_stdin_and_module_entry_point(nlp):
    proc = subprocess.run(
        [sys.executable, "-m", "factcheck", "extract", "--format", "json", "-"],
        input=b"Nine people were injured.",
        capture_output=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    claims = json.loads(proc.stdout)["claims"]
    assert [(c["surface"], c["topic"]) for c in claims] == [("Nine", "injured")]


def test_escape_sequences_never_reach_the_terminal(capsys, tmp_path, nlp):
    path = tmp_path / "evil.txt"
    path.write_bytes(b"Title\x1b[2J\x1b]0;pwned\x07\n\n12 people were \x1b[31mhurt\x1b[0m.\x07")
    code, out, _ = run(capsys, "extract", str(path))
    assert code == 0
    assert "\x1b" not in out
    assert "\x07" not in out
    assert "12" in out


def test_usage_error_names_the_program_once(capsys):
    with pytest.raises(SystemExit):
        cli.main(["--no-such-option", "a", "b"])
    err = capsys.readouterr().err
    assert "factcheck factcheck" not in err
    assert "see 'factcheck" in err


def test_subcommand_usage_error_names_the_subcommand(capsys):
    with pytest.raises(SystemExit):
        cli.main(["extract"])
    assert "(see 'factcheck extract --help')" in capsys.readouterr().err


def _explode(*args: object, **kwargs: object) -> None:
    raise RuntimeError("boom")


def test_unexpected_error_is_one_line_exit_3(capsys, monkeypatch):
    from factcheck import engine

    monkeypatch.setattr(engine, "check", _explode)
    code, _, err = run(capsys, "check", *SEEDS)
    assert code == 3  # not 1, which says "a discrepancy was found"
    assert err.count("\n") == 1
    assert "internal error (RuntimeError)" in err
    assert SEEDS[0] in err
    assert "Traceback" not in err


def test_debug_shows_the_traceback(capsys, monkeypatch):
    from factcheck import engine

    monkeypatch.setattr(engine, "check", _explode)
    code, _, err = run(capsys, "check", "--debug", *SEEDS)
    assert code == 3
    assert "Traceback" in err
    assert "RuntimeError: boom" in err


def test_writing_to_a_full_disk_is_one_line(nlp):
    with open("/dev/full", "wb") as full:
        proc = subprocess.run(
            [sys.executable, "-m", "factcheck", "check", "--fail-on", "never", *SEEDS],
            stdout=full,
            capture_output=False,
            stderr=subprocess.PIPE,
            check=False,
        )
    err = proc.stderr.decode()
    assert proc.returncode == 2, err
    assert err == "factcheck: cannot write the output (No space left on device)\n"


def test_report_to_a_full_disk_is_one_line(capsys, nlp):
    code, _, err = run(capsys, "check", "--output", "/dev/full", "--fail-on", "never", *SEEDS)
    assert code == 2
    assert "cannot write the report" in err
    assert err.count("\n") == 1


def test_credentials_never_printed(capsys):
    code, _, err = run(capsys, "check", "http://editor:s3cret@127.0.0.1:9/story", SEEDS[0])
    assert code == 2
    assert "s3cret" not in err
    assert "http://127.0.0.1:9/story" in err


def test_control_characters_in_a_file_name_are_shown_escaped(capsys, tmp_path):
    code, _, err = run(capsys, "check", str(tmp_path / "a\x1b]0;owned\x07.txt"), SEEDS[0])
    assert code == 2
    assert "\x1b" not in err
    assert "\\x1b]0;owned\\x07" in err


def test_markdown_report_carries_no_markup_from_an_article(capsys, tmp_path, nlp):
    hostile = (
        "Ferry sinks <script>alert(1)</script>\n\n"
        'At least 12 people were killed, <img src=x onerror="alert(2)"> officials said '
        "[click](javascript:alert(3)) on Tuesday.\n"
    )
    calm = "Ferry sinks\n\nFourteen people were killed, officials said on Tuesday.\n"
    paths = [
        _write(tmp_path / "a.txt", hostile.encode()),
        _write(tmp_path / "b.txt", calm.encode()),
    ]
    target = tmp_path / "report.md"
    code, _, _ = run(
        capsys, "check", "--format", "md", "-o", str(target), "--fail-on", "never", *paths
    )
    assert code == 0
    report = target.read_text(encoding="utf-8")
    assert "12" in report
    assert "<script>" not in report
    assert "<img" not in report
    assert "](javascript" not in report
    assert "&lt;script&gt;" in report  # the words stay visible to the editor
