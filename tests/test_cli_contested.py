"""`communique contested`: alleged acts in the store, with who claims and who denies them and
both sides' words. Articles written for these tests."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from communique.cli import build_parser

ARTICLES = [
    {
        "id": "border",
        "published": "2020-02-18",
        "text": "Ghana accused Togo on Monday of shelling border villages near Aflao. Togo "
        "denied the accusation on Tuesday.\n",
    },
    {
        "id": "rebels",
        "published": "2020-02-20",
        "text": "Ghanaian officials alleged on Wednesday that Togo was arming the rebels. "
        "Togolese troops shelled a camp in Aflao on Monday.\n",
    },
]


def run(argv: list[str]) -> tuple[int, str]:
    args = build_parser().parse_args(argv)
    out = io.StringIO()
    code = args.run(args, stdin=io.StringIO(""), stdout=out)
    return code, out.getvalue()


def ingested(folder: Path, articles: list[dict]) -> str:
    """A store of `articles`, ingested by the command."""
    path = folder / "news.jsonl"
    path.write_text("".join(json.dumps(a) + "\n" for a in articles))
    store = str(folder / "news.duckdb")
    assert run(["ingest", str(path), "--db", store, "--quiet", "--workers", "1"])[0] == 0
    return store


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    return ingested(tmp_path_factory.mktemp("contested"), ARTICLES)


def listed(db: str, *options: str) -> list[dict]:
    code, out = run(["contested", "--db", db, "--format", "json", *options])
    assert code == 0
    return json.loads(out)["items"]


def test_cli_contested_lists_alleged_acts_denied_first_with_both_sides(db: str) -> None:
    items = listed(db)
    assert [(i["article_id"], i["cameo"][:2]) for i in items] == [("border", "19"), ("rebels", "06")]
    shelling = items[0]
    assert (shelling["claimed_by"], shelling["denied_by"]) == ("Ghana", "Togo")
    assert shelling["sides"]["claim"]["evidence"].startswith("Ghana accused Togo on Monday")
    assert [d["evidence"] for d in shelling["sides"]["denials"]] == [
        "Togo denied the accusation on Tuesday."
    ]


@pytest.mark.parametrize(
    ("options", "ids"),
    [
        (["--denied"], ["border"]),
        (["--dyad", "TGO", "GHA"], ["border", "rebels"]),
        (["--dyad", "TGO", "KEN"], []),
        (["--start", "2020-02-19"], ["rebels"]),  # alleged on Wednesday the 19th
        (["--end", "2020-02-18"], ["border"]),  # the shelling's day is Monday the 17th
    ],
)
def test_cli_contested_filters(db: str, options: list[str], ids: list[str]) -> None:
    assert [i["article_id"] for i in listed(db, *options)] == ids


def test_cli_contested_shows_no_asserted_act(db: str) -> None:
    evidence = " ".join(i["evidence"] for i in listed(db))
    assert "shelled a camp" not in evidence


def test_api_contested_answers_as_the_command_does(db: str) -> None:
    from fastapi.testclient import TestClient

    from communique.api import create_app

    client = TestClient(create_app(db))
    found = client.get("/api/contested", params={"denied": "true"}).json()
    assert found["items"] == listed(db, "--denied")
    between = client.get("/api/contested", params={"a": "TGO", "b": "KEN"}).json()
    assert between["items"] == listed(db, "--dyad", "TGO", "KEN") == []
    assert client.get("/api/contested", params={"start": "2020-02-30"}).status_code == 422


def test_cli_dyad_counts_the_contested_side_apart_from_its_series(db: str) -> None:
    code, out = run(["dyad", "TGO", "GHA", "--db", db, "--format", "json"])
    found = json.loads(out)
    assert found["claims"] == {"alleged": 2, "denied": 1, "confirmed": 0}
    # the series counts asserted events only: two accusations, a denial and the shelled
    # camp, not the two alleged acts
    assert sum(row["events"] for row in found["items"]) == 4


def test_contested_dyad_takes_the_claimant_as_a_side(db: str) -> None:
    # "Ghanaian officials alleged that Togo was arming the rebels": Ghana against Togo
    assert [i["article_id"] for i in listed(db, "--dyad", "Ghanaian officials", "TGO")] == [
        "rebels"
    ]


def exported(db: str, fmt: str) -> str:
    code, out = run(["export", "--db", db, "--format", fmt, "--out", "-"])
    assert code == 0
    return out


def test_gdelt_export_carries_each_dyads_claims_counts(db: str) -> None:
    header, *rows = [line.split("\t") for line in exported(db, "gdelt").splitlines()]
    assert header[-3:] == ["DyadAlleged", "DyadDenied", "DyadConfirmed"]
    fields = [dict(zip(header, row, strict=True)) for row in rows]
    counts = {
        (f["Actor1Code"], f["Actor2Code"], f["EventBaseCode"]): (
            f["DyadAlleged"], f["DyadDenied"], f["DyadConfirmed"]
        )
        for f in fields
    }  # fmt: skip
    # Ghana's accusation: the shelling it claims, which Togo denies; the camp Togo's troops
    # shelled is a plain asserted event, with no claim between its ends
    assert counts[("GHA", "TGO", "112")] == ("1", "1", "0")
    assert counts[("TGOMIL", "GHA", "194")] == ("0", "0", "0")
    assert len(rows) == len(counts)  # asserted events only, one row each


def test_plover_export_carries_the_same_dyad_counts_on_every_record(db: str) -> None:
    records = [json.loads(line) for line in exported(db, "plover").splitlines()]
    accusation = next(r for r in records if r["cameo"] == "112" and r["source_code"] == "GHA")
    assert accusation["dyad_claims"] == {"alleged": 1, "denied": 1, "confirmed": 0}
    alleged = [r for r in records if r["mode"] == "alleged"]
    assert alleged and all(r["dyad_claims"]["alleged"] >= 1 for r in alleged)


LINKED_ARTICLES = [
    {"id": "claim", "source": "Accra Daily", "published": "2020-02-18",
     "text": "Ghana accused Togo on Monday of shelling border villages near Aflao.\n"},
    {"id": "answer", "source": "Lome Herald", "published": "2020-02-20",
     "text": "Togo on Wednesday denied shelling Ghanaian border villages.\n"},
    {"id": "later", "source": "Accra Daily", "published": "2020-03-10",
     "text": "Togo on Monday denied shelling Ghanaian border villages.\n"},  # weeks later
]  # fmt: skip


@pytest.fixture(scope="module")
def linked_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    return ingested(tmp_path_factory.mktemp("linked"), LINKED_ARTICLES)


def test_contested_links_a_denial_in_another_article_within_days(linked_db: str) -> None:
    items = {i["article_id"]: i for i in listed(linked_db, "--denied")}
    claim = items["claim"]  # its own article denies nothing; Lome's, two days on, does
    assert (claim["claimed_by"], claim["denied_by"]) == ("Ghana", "Togo")
    assert [(d["article_id"], d["outlet"]) for d in claim["sides"]["denials"]] == [
        ("answer", "Lome Herald")
    ]
    assert [r["article_id"] for r in claim["sides"]["reports"]] == ["answer"]
    # the denial three weeks later answers another shelling, not Monday's
    assert [r["article_id"] for r in items["later"]["sides"]["reports"]] == []


def test_contested_marks_a_presumed_claimant(tmp_path: Path) -> None:
    article = {
        "id": "base",
        "published": "2020-02-18",
        "text": "Two Togolese soldiers stand accused of the bombing of a Ghanaian army base. "
        "Togo denies it.\n",
    }
    (item,) = listed(ingested(tmp_path, [article]))
    assert item["claim_presumed"] is True
    assert item["claimed_by"] == "Ghana (presumed)"  # the side with the grievance
    assert item["sides"]["claim"]["by"] == ["Ghana (presumed)"]
