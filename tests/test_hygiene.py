"""The engine stays headless: no module outside factcheck.ui imports Textual."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import pytest

import factcheck

ENGINE = sorted(
    m.name
    for m in pkgutil.walk_packages(factcheck.__path__, "factcheck.")
    if not m.name.startswith("factcheck.ui") and m.name != "factcheck.__main__"
)


@pytest.mark.parametrize("module", ENGINE)
def test_engine_module_does_not_import_textual(module):
    code = f"import sys, {module}; sys.exit(any(m.startswith('textual') for m in sys.modules))"
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


def test_import_is_light():
    code = "import sys, factcheck; sys.exit(any(m in sys.modules for m in ('spacy', 'textual')))"
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0
