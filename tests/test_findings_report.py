"""Findings as the user sees them: `check` in JSON, text and Markdown, and `--fail-on finding`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck import cli, sources
from factcheck.findings import find_all
from factcheck.models import Article

ROOT = Path(__file__).resolve().parents[1]
SEEDS = [str(p) for p in sorted((ROOT / "seeds").glob("*.txt"))]

FLOOD_A = """Flood closes valley road

Mayor Donatella Riccardi said on Wednesday, March 3, 2021 that the valley road would stay closed.
"We will rebuild every school in the valley," Riccardi said.
"""
FLOOD_B = """Valley road stays shut

Mayor Donatella Ricardi said the valley road would stay closed until the water drops.
"We will rebuild every single school in the valley," the mayor said.
"""
# typographic quotation marks and apostrophes, as most outlets write them
CURLY_A = """Harbour crane falls

Dock manager Teodora Vasquez said on Monday’s shift “the crane gave no warning at all.”
The crane’s fall injured 14 dockers.
"""
CURLY_B = """Crane collapse at the harbour

Dock manager Teodora Vazquez said “the crane gave us no warning at all.”
"""
QUIET_A = "Council meets\n\nThe council met on Wednesday, March 3, 2021 to agree the budget.\n"
QUIET_B = "Budget agreed\n\nCouncillors agreed the budget at Wednesday's meeting, a clerk said.\n"


def run(capsys, *args: str) -> tuple[int, str]:
    code = cli.main(list(args))
    out, _ = capsys.readouterr()
    return code, out


@pytest.fixture
def flood(tmp_path):
    paths = []
    for name, text in (("a.txt", FLOOD_A), ("b.txt", FLOOD_B)):
        (tmp_path / name).write_text(text, encoding="utf-8")
        paths.append(str(tmp_path / name))
    return paths


def test_json_findings_point_into_the_articles(capsys, nlp, flood):
    code, out = run(capsys, "check", "--format", "json", "--fail-on", "never", *flood)
    assert code == 0
    doc = json.loads(out)
    texts = {a["id"]: a["text"] for a in doc["articles"]}
    kinds = sorted(f["type"] for f in doc["findings"])
    assert kinds == ["name_variant", "quote_difference"]
    for f in doc["findings"]:
        assert set(f) >= {"id", "type", "spans", "explanation"}
        for s in f["spans"]:
            assert texts[s["article"]][s["start"] : s["end"]] == s["text"]
    name = next(f for f in doc["findings"] if f["type"] == "name_variant")
    assert {s["text"] for s in name["spans"]} >= {"Donatella Riccardi", "Donatella Ricardi"}
    assert {s["article"] for s in name["spans"]} == {"A", "B"}


def test_spans_show_the_articles_own_quotation_marks(capsys, nlp, tmp_path):
    """The report's text and every span keep the curly marks the files use, at the same
    offsets as the engine's plain text (claims included)."""
    paths = []
    for name, text in (("a.txt", CURLY_A), ("b.txt", CURLY_B)):
        (tmp_path / name).write_text(text, encoding="utf-8")
        paths.append(str(tmp_path / name))
    _, out = run(capsys, "check", "--format", "json", "--fail-on", "never", *paths)
    doc = json.loads(out)
    texts = {a["id"]: a["text"] for a in doc["articles"]}
    assert "Monday’s shift “the crane" in texts["A"]
    spans = [s for f in doc["findings"] for s in f["spans"]]
    assert {s["text"] for s in spans} >= {
        "the crane gave no warning at all.",
        "Teodora Vasquez",
        "Teodora Vazquez",
    }
    for s in spans:
        assert texts[s["article"]][s["start"] : s["end"]] == s["text"]
    claims = [c for c in doc["claims"] if c["article"] == "A"]
    assert claims
    for c in claims:  # the engine read the plain text: its offsets hold in the text as written
        assert sources.plain_quotes(texts["A"][c["start"] : c["end"]]) == c["surface"]
    assert "14" in [c["surface"] for c in claims]


@given(
    st.lists(st.sampled_from([*"ab \n\t\r'\"", "’s", "“", "”", "‘", "\u00a0", "1 200"])).map(
        "".join
    )
)
def test_text_as_written_differs_from_the_plain_text_only_in_its_quotes(raw):
    written = sources.as_written(raw)
    assert sources.plain_quotes(written) == sources.normalise(raw)
    assert len(written) == len(sources.normalise(raw))


def test_text_and_markdown_list_findings_after_the_figures(capsys, nlp, flood):
    _, text = run(capsys, "check", "--fail-on", "never", *flood)
    assert "NAMES WRITTEN TWO WAYS (1)" in text
    assert "QUOTATIONS THAT DIFFER (1)" in text
    assert "“single” only in B" in text
    _, md = run(capsys, "check", "--format", "md", "--fail-on", "never", *flood)
    assert md.index("## Stated once") < md.index("## Names written two ways (1)")
    assert "## Dates that do not add up (0)" in md
    assert "- **B** “Donatella Ricardi”" in md


@pytest.mark.parametrize(
    ("fixture", "code"),
    [
        pytest.param((FLOOD_A, FLOOD_B), 1, id="finding-fails"),
        pytest.param((QUIET_A, QUIET_B), 0, id="quiet"),
    ],
)
def test_fail_on_finding(capsys, nlp, tmp_path, fixture, code):
    paths = []
    for i, text in enumerate(fixture):
        (tmp_path / f"{i}.txt").write_text(text, encoding="utf-8")
        paths.append(str(tmp_path / f"{i}.txt"))
    assert run(capsys, "check", "--fail-on", "finding", *paths)[0] == code
    # the default still looks only at figures
    assert run(capsys, "check", *paths)[0] == 0


def test_seeds_acceptance(capsys, nlp):
    """Francoise/Francois and Daesch/Daesh are found; the seeds' dates add up."""
    _, out = run(capsys, "check", "--format", "json", *SEEDS)
    doc = json.loads(out)
    names = [f for f in doc["findings"] if f["type"] == "name_variant"]
    written = [
        {s["text"].split()[-2] if " " in s["text"] else s["text"] for s in f["spans"]}
        for f in names
    ]
    assert {"Francoise", "Francois"} in written
    assert {"Daesch", "Daesh"} in written
    francoise = next(f for f in names if "Francoise" in f["explanation"])
    assert {s["article"] for s in francoise["spans"]} == {"A", "B"}
    assert [f for f in doc["findings"] if f["type"] == "date_inconsistency"] == []
    assert any(
        f["type"] == "quote_difference" and "Daesch" in f["explanation"] for f in doc["findings"]
    )


_PIECES = [
    *"abcXYZ Qq'’\"“”()[].,\n0123 ",
    "Monday",
    " March 3, 2021",
    " days after ",
    "Riccardi",
    "Ricardi",
]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.lists(st.sampled_from(_PIECES), max_size=80).map("".join),
        min_size=1,
        max_size=3,
    )
)
def test_findings_never_crash_and_spans_index_the_text(texts):
    articles = [Article(chr(65 + i), "t", "t", t) for i, t in enumerate(texts)]
    by_id = {a.id: a.text for a in articles}
    for f in find_all(articles):
        for s in f.spans:
            assert 0 <= s.start < s.end <= len(by_id[s.article])
            assert by_id[s.article][s.start : s.end] == s.text
