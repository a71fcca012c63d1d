"""Actor terms (issue 13, item 1): one matching rule for the CLI, the API and the web page.

A term matches any part of a code or the start of any word of a name or alias, without
regard to case or accents; a country or code (ARM) takes that country's actors; an empty
result says so and suggests the closest actors. Names and sentences are invented.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from communique import analytics
from communique.api import create_app
from communique.model import Actor, Article, Event, Quote, Result, Span
from communique.store import Store, ingest
from communique.store.filters import EventFilters
from tests.cli_helpers import run_cli

TEXT = (
    "Veloria accused Armenia on Monday of blocking the Dastan pass. "
    "“We will reopen the road,” said Zoë Álvarez, the Velorian envoy. "
    "The Ministry of Defence confirmed the move. He added nothing. "
    "Armed men were seen near the pass."
)


def _span(words: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(words, start + 1)
    return Span(words, start, start + len(words))


def _event(
    eid: str, pair: tuple[str, str], code: tuple[str, str, int, float], sentence: str, verb: str
) -> Event:
    """An event of `pair` (source, target) coded `code` (CAMEO, PLOVER, QuadClass,
    Goldstein), dated the day of publication."""
    cameo, plover, quad, goldstein = code
    return Event(
        eid, *pair, cameo, cameo[:2], plover, quad, goldstein,
        evidence=_span(sentence), trigger=_span(verb), date="2024-05-06",
    )  # fmt: skip


def _result() -> Result:
    actors = (
        Actor("a1", "Veloria", "country", "VEL", None, "VEL", mentions=(_span("Veloria"),)),
        Actor("a2", "Armenia", "country", "ARM", None, "ARM", mentions=(_span("Armenia"),)),
        Actor(
            "a3",
            "Zoë Álvarez",
            "person",
            "VEL",
            "GOV",
            "VELGOV",
            mentions=(_span("Zoë Álvarez"), _span("He")),
        ),
        Actor(
            "a4",
            "Velorian Defence Office",
            "organisation",
            "VEL",
            "MIL",
            "VELMIL",
            mentions=(_span("Ministry of Defence"),),
        ),
        Actor("a5", "armed men", "group", None, "REB", None, mentions=(_span("Armed men"),)),
    )
    quote = Quote(
        "q1",
        _span("We will reopen the road,"),
        "direct",
        cue=_span("said"),
        speaker_mention=_span("Zoë Álvarez"),
        speaker="a3",
        confidence=0.9,
    )
    events = (
        _event("e1", ("a1", "a2"), ("112", "ACCUSE", 3, -2.0), TEXT[:62], "accused"),
        _event("e2", ("a5", "a1"), ("190", "FIGHT", 4, -10.0), TEXT[TEXT.index("Armed") :], "seen"),
    )
    article = Article("n-1", TEXT, title="Pass", published="2024-05-06", source="Wire")
    return Result(article, actors=actors, quotes=(quote,), events=events)


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("names") / "news.duckdb"
    with Store(path) as store:
        ingest([_result()], store)
    return path


@pytest.fixture(scope="module")
def client(db: Path) -> TestClient:
    return TestClient(create_app(db))


def cli(argv: list[str]) -> tuple[str, str]:
    """Run a CLI command that must succeed; its standard output and standard error."""
    code, out, err = run_cli(argv)
    assert code == 0, err
    return out, err


SPEAKER_TERMS = [
    "Álvarez",
    "alvarez",
    "ALVAREZ",
    "zoe",
    "Zoë",
    "zoe alvarez",
    "alv",
    "VELGOV",
    "gov",
]


@pytest.mark.parametrize("term", SPEAKER_TERMS)
def test_speaker_term_matches_any_word_start_or_code_part_without_case_or_accents(
    db: Path, client: TestClient, term: str
) -> None:
    with Store(db, read_only=True) as store:
        assert analytics.quotes(store, speaker=term).total == 1
    out, _ = cli(["quotes", "--db", str(db), "--speaker", term, "--format", "csv"])
    assert "Zoë Álvarez" in out
    assert client.get("/api/quotes", params={"speaker": term}).json()["total"] == 1


@pytest.mark.parametrize("term", ["lvarez", "oë", "velorian envoy"])
def test_speaker_term_inside_a_word_or_outside_names_matches_nothing(db: Path, term: str) -> None:
    with Store(db, read_only=True) as store:
        assert analytics.quotes(store, speaker=term).total == 0


@pytest.mark.parametrize(
    "term,name",
    [("ministry of defence", "Velorian Defence Office"), ("Ministry", "Velorian Defence Office")],
)
def test_actor_term_matches_an_alias_the_article_uses(
    db: Path, client: TestClient, term: str, name: str
) -> None:
    names = [a["name"] for a in client.get("/api/actors", params={"q": term}).json()["items"]]
    assert names == [name]


@pytest.mark.parametrize("pronoun", ["he", "He"])
def test_a_pronoun_mention_is_not_an_alias(db: Path, pronoun: str) -> None:
    with Store(db, read_only=True) as store:
        assert analytics.quotes(store, speaker=pronoun).total == 0


@pytest.mark.parametrize("term", ["ARM", "arm"])
def test_a_country_code_takes_that_country_not_names_beginning_with_it(
    db: Path, client: TestClient, term: str
) -> None:
    with Store(db, read_only=True) as store:
        page = analytics.events(store, EventFilters(actor=term))
    assert [e["cameo"] for e in page.items] == ["112"]
    out, _ = cli(["events", "--db", str(db), "--actor", term, "--format", "csv"])
    assert "112" in out and "190" not in out
    items = client.get("/api/events", params={"actor": term}).json()["items"]
    assert [e["cameo"] for e in items] == ["112"]


@pytest.mark.parametrize("term,dyad", [("velor", ("velor", "ARMENIA")), ("VEL", ("VEL", "arm"))])
def test_event_actor_and_dyad_terms_use_the_same_rule(db: Path, term: str, dyad) -> None:
    with Store(db, read_only=True) as store:
        assert analytics.events(store, EventFilters(actor=term)).total == 2
        assert analytics.events(store, EventFilters(dyad=dyad)).total == 1
        assert [r["events"] for r in analytics.dyad(store, *dyad)] == [1]


@pytest.mark.parametrize("typo", ["Alvares", "Zoe Alvarz"])
def test_cli_empty_result_says_zero_and_suggests_the_closest_actor(db: Path, typo: str) -> None:
    out, err = cli(["quotes", "--db", str(db), "--speaker", typo])
    assert out.rstrip().endswith("0 quotes")
    assert f"no actor matches {typo!r}; closest: Zoë Álvarez (VELGOV)" in err
    out, err = cli(["quotes", "--db", str(db), "--speaker", typo, "--format", "json"])
    assert '"total": 0' in out and "0 quotes" in err and "Zoë Álvarez" in err


@pytest.mark.parametrize("typo", ["Velorai"])
def test_cli_events_and_dyad_suggest_for_each_unknown_term(db: Path, typo: str) -> None:
    out, err = cli(["events", "--db", str(db), "--dyad", typo, "ARM"])
    assert "0 events" in out and f"no actor matches {typo!r}; closest: Veloria (VEL)" in err
    assert "'ARM'" not in err
    out, err = cli(["dyad", typo, "ARM", "--db", str(db)])
    assert "0 periods" in out and "closest: Veloria (VEL)" in err


@pytest.mark.parametrize(
    "url,term",
    [
        ("/api/quotes?speaker=Alvares", "Alvares"),
        ("/api/events?actor=Velorai", "Velorai"),
        ("/api/actors?q=Velorai", "Velorai"),
        ("/api/dyads/Velorai/ARM", "Velorai"),
    ],
)
def test_api_empty_answer_suggests_the_closest_actors(
    client: TestClient, url: str, term: str
) -> None:
    data = client.get(url).json()
    assert data["suggestions"][term][0]["name"] in ("Zoë Álvarez", "Veloria")


@pytest.mark.parametrize("url", ["/actors?q=Velorai", "/dyads/Velorai/ARM"])
def test_web_empty_page_suggests_the_closest_actors(client: TestClient, url: str) -> None:
    html = client.get(url).text
    assert "No actor matches “Velorai”" in html and ">Veloria</a>" in html
