"""Singular and plural nouns (vocab.singular, vocab.plural), and what loading them costs."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from factcheck import vocab


@pytest.mark.parametrize(
    ("noun", "expected"),
    [
        pytest.param("rifles", "rifle", id="regular plural"),
        pytest.param("bodies", "body", id="plural in -ies"),
        pytest.param("children", "child", id="irregular plural"),
        pytest.param("people", "person", id="people are persons"),
        pytest.param("hostage", "hostage", id="a singular stays as it is"),
        pytest.param("series", "series", id="same in both numbers"),
    ],
)
def test_singular(noun: str, expected: str) -> None:
    assert vocab.singular(noun) == expected


@pytest.mark.parametrize(
    ("noun", "expected"),
    [
        pytest.param("officer", "officers", id="regular"),
        pytest.param("crisis", "crises", id="in -is"),
        pytest.param("woman", "women", id="irregular"),
        pytest.param("person", "people", id="person: people, not persons"),
    ],
)
def test_plural(noun: str, expected: str) -> None:
    assert vocab.plural(noun) == expected


def test_inflect_loads_without_run_time_type_checks_and_leaves_typeguard_as_it_was() -> None:
    """inflect's methods are wrapped in typeguard's checks, which cost about 2 s to build at
    import; vocab imports it with them off. In a fresh interpreter, so inflect is not loaded."""
    probe = textwrap.dedent(
        """
        import typeguard
        before = typeguard.typechecked
        from factcheck import vocab
        assert vocab.plural("officer") == "officers"
        import inflect
        names = inflect.engine.plural_noun.__code__.co_names
        print("checked" if "TypeCheckMemo" in names else "plain")
        print("restored" if typeguard.typechecked is before else "replaced")
        """
    )
    shown = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout.split()
    assert shown == ["plain", "restored"]
