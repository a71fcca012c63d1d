"""docs/contract.md (issue 13, item 8): the output contract and the data model, checked
against the code that produces them; every link in the README and docs/ leads somewhere."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path
from typing import get_args

import pytest

from communique.model import CONTRACT_VERSION, Actor, Article, Event, EventMode, Location, Quote
from communique.store import Store

ROOT = Path(__file__).resolve().parents[1]
DOC = (ROOT / "docs" / "contract.md").read_text(encoding="utf-8")


def store_tables() -> list[str]:
    """Every table of a new store, as the migrations make it."""
    with Store() as store:
        rows = store.query("SELECT table_name FROM information_schema.tables ORDER BY 1")
    return [row["table_name"] for row in rows]


def section(title: str) -> str:
    """The text of the `### title` section."""
    match = re.search(rf"^### `{title}`\n(.*?)(?=^#)", DOC, flags=re.S | re.M)
    assert match, title
    return match.group(1)


def fields(record: type) -> list[str]:
    return [f.name for f in dataclasses.fields(record)]


@pytest.mark.parametrize(
    "title,names",
    [
        ("article", list(Article("x", "t").contract())),
        ("actors", fields(Actor)),
        ("quotes", fields(Quote)),
        ("events", fields(Event)),
    ],
)
def test_contract_doc_lists_every_field_the_code_outputs(title: str, names: list[str]) -> None:
    rows = re.findall(r"^\| `(\w+)` \|", section(title), flags=re.M)
    assert rows == names


@pytest.mark.parametrize("name", fields(Location))
def test_contract_doc_names_each_location_field(name: str) -> None:
    assert f"`{name}`" in section("events")


@pytest.mark.parametrize("mode", get_args(EventMode))
def test_contract_doc_explains_each_mode(mode: str) -> None:
    assert re.search(rf"`{mode}`\s\(", section("events"))


def test_contract_doc_states_the_current_version() -> None:
    assert f"(version {CONTRACT_VERSION})" in DOC


@pytest.mark.parametrize("table", store_tables())
def test_contract_doc_lists_every_column_of_each_store_table(table: str) -> None:
    with Store() as store:
        columns = [
            r["column_name"]
            for r in store.query(
                "SELECT column_name FROM information_schema.columns WHERE table_name = ? "
                "ORDER BY ordinal_position",
                [table],
            )
        ]
    model = DOC[DOC.index("## The data model") :]
    row = re.search(rf"^\| `{table}` \|[^|]*\|(.*)\|$", model, flags=re.M)
    assert row and columns
    assert re.findall(r"`(\w+)`(?: \([^)]*\))?", row.group(1)) == columns


def _links(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8")
    found = re.findall(r"\]\(([^)#\s]+)(?:#[^)]*)?\)", text)
    return [link for link in found if "://" not in link]


@pytest.mark.parametrize("path", [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))])
def test_every_relative_link_in_readme_and_docs_exists(path: Path) -> None:
    missing = [link for link in _links(path) if not (path.parent / link).exists()]
    assert not missing


@pytest.mark.parametrize("name", ["DESIGN.md"])
def test_readme_points_to_no_file_outside_the_repository(name: str) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert name not in readme and "docs/contract.md" in readme
