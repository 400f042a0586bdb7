"""JSON written an item at a time (issue 11): the streamed output is byte for byte the document
`json.dumps` makes of the whole object, and items are written as they are made, not gathered."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck import cli, engine, report, sources

ROOT = Path(__file__).resolve().parents[1]
SEEDS = [str(p) for p in sorted((ROOT / "seeds").glob("*.txt"))]
FERRY = [str(p) for p in sorted((ROOT / "fixtures").glob("ferry_*.txt"))]

# names, a quotation told two ways, a hedge, a range, a control character, text beyond ASCII
ODD_A = """Valley flood: “at least 12” dead

Mayor Ana Lúcia Ferreira said on Monday, May 3, 2021 that at least 12 people were killed and
between 30 and 40 were hurt.\x1b[2J "We will rebuild every school," Ferreira said. Damage reached
$3.5 million, about 2.5% of the budget.
"""
ODD_B = """Flood toll rises to 14

Mayor Ana Lucia Ferreira said 14 people were killed. "We will rebuild every single school,"
the mayor said. Some 35 people were hurt; the water rose 1.2 metres in 45 minutes.
"""


def run(capsys, *args: str) -> str:
    assert cli.main(list(args)) in (0, 1)
    out, err = capsys.readouterr()
    assert err == ""
    return out


@pytest.fixture
def odd(tmp_path):
    paths = []
    for name, text in (("a.txt", ODD_A), ("b.txt", ODD_B)):
        (tmp_path / name).write_text(text, encoding="utf-8")
        paths.append(str(tmp_path / name))
    return paths


@pytest.fixture(params=["seeds", "ferry", "odd"])
def inputs(request, odd):
    return {"seeds": SEEDS, "ferry": FERRY, "odd": odd}[request.param]


def test_check_json_is_the_whole_document(capsys, tmp_path, nlp, inputs):
    whole = report.dumps(report.analysis_json(engine.check(sources.read_articles(inputs)))) + "\n"
    assert run(capsys, "check", "--format", "json", "--fail-on", "never", *inputs) == whole
    target = tmp_path / "report.json"
    run(capsys, "check", "--format", "json", "--fail-on", "never", "-o", str(target), *inputs)
    assert target.read_text(encoding="utf-8") == whole


def test_extract_json_is_the_whole_document(capsys, nlp, inputs):
    articles = sources.read_articles(inputs)
    whole = report.dumps(report.claims_json(articles, engine.extract(articles).claims)) + "\n"
    assert run(capsys, "extract", "--format", "json", *inputs) == whole


def test_extract_each_line_json_and_jsonl(capsys, tmp_path, nlp):
    feed = tmp_path / "feed.txt"
    feed.write_text("Five people were killed.\n\nNo figure here.\nAt least 3 were hurt.\n")
    numbered = list(sources.read_lines(str(feed)))
    articles = sources.as_articles([doc for _, doc in numbered])
    claims = engine.extract(articles).claims
    document = report.claims_json(articles, claims)
    for a, (n, _) in zip(document["articles"], numbered, strict=True):
        a["line"] = n
    whole = report.dumps(document) + "\n"
    assert run(capsys, "extract", "--format", "json", "--each-line", str(feed)) == whole
    rows = [
        {
            "article": a.as_json(),
            "claims": [c.as_json() for c in claims if c.article == a.id],
            "line": n,
        }
        for a, (n, _) in zip(articles, numbered, strict=True)
    ]
    lines = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    assert run(capsys, "extract", "--format", "jsonl", "--each-line", str(feed)) == lines
    assert [len(r["claims"]) for r in rows] == [1, 0, 1]


SCALARS = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()  # NaN and both infinities among them
    | st.text(alphabet=st.characters(codec="utf-8"))
)
# json writes a member's name that is a number or a constant as text
KEYS = st.text() | st.integers() | st.floats() | st.booleans() | st.none()
VALUES = st.recursive(
    SCALARS,
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.tuples(inner, inner)
        | st.dictionaries(KEYS, inner, max_size=3)
    ),
    max_leaves=10,
)
MEMBERS = st.dictionaries(
    st.text(), st.lists(VALUES, max_size=4) | VALUES | st.tuples(VALUES, VALUES), max_size=5
)


@given(MEMBERS, st.sampled_from([2, None]), st.booleans())
def test_write_json_is_json_dumps(members, indent, lazy):
    expected = json.dumps(members, ensure_ascii=False, indent=indent)
    given_members = {k: iter(v) if lazy and isinstance(v, list) else v for k, v in members.items()}
    out = io.StringIO()
    report.write_json(out, given_members, indent=indent)
    assert out.getvalue() == expected


@pytest.mark.parametrize("indent", [2, None])
def test_write_json_refuses_what_json_refuses(indent):
    for bad in ({"claims": [{"low": object()}]}, {"claims": [{(1, 2): 3}]}):
        with pytest.raises(TypeError):
            json.dumps(bad, ensure_ascii=False, indent=indent)
        with pytest.raises(TypeError):
            report.write_json(io.StringIO(), bad, indent=indent)


def test_items_are_written_as_they_are_made():
    out = io.StringIO()
    written_before: list[int] = []

    def claims():
        for n in range(5):
            written_before.append(out.getvalue().count('"n"'))
            yield {"n": n}

    report.write_json(out, {"claims": claims()})
    # when item n is made, the n items before it are already written out
    assert written_before == [0, 1, 2, 3, 4]
    assert json.loads(out.getvalue()) == {"claims": [{"n": n} for n in range(5)]}
