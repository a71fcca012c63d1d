"""Install (issue 13, item 6): `pip install -e .` is all a user needs; the test tools come
with the `dev` extra, which only the test command (and .ci/run) installs."""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DEV_TOOLS = ["pytest", "ruff", "mypy", "hypothesis", "playwright", "schemathesis"]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))

# Imports every module of the package with the test tools made unimportable.
IMPORT_ALL = """
import importlib, pkgutil, sys
for name in {tools!r}:
    sys.modules[name] = None  # import of it raises ImportError
import communique
for module in pkgutil.walk_packages(communique.__path__, "communique."):
    importlib.import_module(module.name)
print("ok")
"""


def _names(requirements: list[str]) -> set[str]:
    return {re.split(r"[<>=\[ ;]", r, maxsplit=1)[0].lower() for r in requirements}


@pytest.mark.parametrize("tool", DEV_TOOLS)
def test_dev_tools_are_in_the_dev_extra_only(tool: str) -> None:
    assert tool not in _names(PYPROJECT["project"]["dependencies"])
    assert tool in _names(PYPROJECT["project"]["optional-dependencies"]["dev"])


@pytest.mark.parametrize("tools", [DEV_TOOLS])
def test_every_module_imports_without_the_test_tools(tools: list[str]) -> None:
    done = subprocess.run(
        [sys.executable, "-c", IMPORT_ALL.format(tools=tools)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0 and done.stdout.strip() == "ok", done.stderr[-3000:]


@pytest.mark.parametrize("install,test", [('pip install -e ".[dev]"', "python3 -m pytest -q")])
def test_readme_install_and_test_commands_match_ci(install: str, test: str) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    install_block = readme.split("## Install", 1)[1].split("```bash\n", 1)[1].split("```")[0]
    assert install_block.strip() == "pip install -e ."
    tests_block = readme.split("## Tests", 1)[1].split("```bash\n", 1)[1].split("```")[0]
    assert tests_block.strip() == f"{install} && {test}"
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert '-m pip install --quiet -e ".[dev]"' in ci and "python3 -m pytest -q" in ci
