"""PETRARCH-format dictionaries, generic actors and dated roles (issue 4).

The PETRARCH-format text below was written for these tests (made-up places).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from communique.actors.dictionary import ActorDictionary, load_dictionary
from communique.actors.petrarch import load_petrarch, read_agents
from communique.model import Article
from communique.pipeline import analyse

ACTORS = """<!-- test actors -->
VALDORIA [VAL]
+VALDORIAN
+PORT_ESSEN
KESTREL_REPUBLIC  [KST] # a comment
TALL_TOWER [VALMIL]
ORWIN_BRAKE
\t[VAL < 950601]
\t[VALGOV 19950601 - 19990815]
\t[VALREB > 990816]
NOBODY [---]
MARSHLAND
	[OLM <790606]
	[MRS]
PIP_HALLOW [VAL]
	[VALCVL <20080120]
"""
AGENTS = """!GUARD! = GUARD, WARDEN
HARBOUR_!GUARD! [~COP]
TRADER {} [~BUS]
GOOSE {GEESE} [~GGS]
"""


@pytest.fixture(scope="module")
def dictionary(tmp_path_factory: pytest.TempPathFactory) -> ActorDictionary:
    folder: Path = tmp_path_factory.mktemp("petr")
    (folder / "actors.txt").write_text(ACTORS, encoding="utf-8")
    (folder / "agents.txt").write_text(AGENTS, encoding="utf-8")
    return load_petrarch(folder / "actors.txt", folder / "agents.txt")


@pytest.mark.parametrize(
    ("form", "iso3"), [("Valdoria", "VAL"), ("Port Essen", "VAL"), ("Kestrel Republic", "KST")]
)
def test_actors_petrarch_countries_and_synonyms(
    dictionary: ActorDictionary, form: str, iso3: str
) -> None:
    entry = dictionary.country(form)
    assert entry is not None and entry.iso3 == iso3


@pytest.mark.parametrize(
    ("day", "code"), [("1994-01-01", "VAL"), ("1997-03-01", "VALGOV"), ("2001-01-01", "VALREB")]
)
def test_actors_petrarch_dated_codes_become_role_spells(
    dictionary: ActorDictionary, day: str, code: str
) -> None:
    (person,) = dictionary.people("Orwin Brake")
    spell = person.role_at(day)
    assert spell is not None and spell.code == code


@pytest.mark.parametrize(("day", "code"), [("1995-01-04", "VALCVL"), ("2010-01-01", "VAL")])
def test_actors_petrarch_dated_code_before_the_default(
    dictionary: ActorDictionary, day: str, code: str
) -> None:
    (person,) = dictionary.people("Pip Hallow")
    spell = person.role_at(day)
    assert spell is not None and spell.code == code


def test_actors_petrarch_state_with_a_former_code_is_a_country(dictionary: ActorDictionary) -> None:
    entry = dictionary.country("Marshland")
    assert entry is not None and entry.iso3 == "MRS"  # its current code; the old one dropped


@pytest.mark.parametrize(("name", "code"), [("Tall Tower", "VALMIL")])
def test_actors_petrarch_long_codes_are_organisations(
    dictionary: ActorDictionary, name: str, code: str
) -> None:
    entry = dictionary.organisation(name)
    assert entry is not None and entry.code == code
    assert dictionary.country("Nobody") is None


@pytest.mark.parametrize(
    ("title", "sector"),
    [("harbour guard", "COP"), ("harbour warden", "COP"), ("trader", "BUS"), ("geese", "GGS")],
)
def test_actors_petrarch_agents_expand_macros_and_plurals(title: str, sector: str) -> None:
    assert (title, sector) in read_agents(AGENTS)


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [("Valdorian traders welcomed the talks with the Kestrel Republic.", "VALBUS", "KST")],
)
def test_actors_petrarch_dictionary_runs_through_the_pipeline(
    nlp: Language, dictionary: ActorDictionary, text: str, source: str, target: str
) -> None:
    result = analyse(Article(id="p", text=text, published="1996-01-01"), nlp(text),
                     dictionary=dictionary).to_dict()  # fmt: skip
    codes = {a["id"]: a["code"] for a in result["actors"]}
    pairs = {(codes.get(e["source"]), codes.get(e["target"])) for e in result["events"]}
    assert (source, target) in pairs


@pytest.mark.parametrize(
    ("name", "day", "role"),
    [
        ("Ehud Barak", "2000-05-01", "Prime Minister"),
        ("Ehud Barak", "2010-05-01", "Defence Minister"),
        ("Vojislav Kostunica", "2001-01-01", "President"),
        ("Vojislav Kostunica", "2005-01-01", "Prime Minister"),
    ],
)
def test_actors_dictionary_role_follows_the_event_date(name: str, day: str, role: str) -> None:
    (person,) = load_dictionary().people(name)
    spell = person.role_at(day)
    assert spell is not None and spell.role == role


@pytest.mark.parametrize(
    ("text", "published", "country"),
    [("President Levy Mwanawasa met the opposition leaders in Lusaka.", "2004-03-01", "ZMB"),
     ("The Umma party said it would boycott the elections in Sudan.", "2010-03-01", "SDN")],
)  # fmt: skip
def test_actors_generic_countryless_actors_take_the_article_country(
    nlp: Language, text: str, published: str, country: str
) -> None:
    result = analyse(Article(id="g", text=text, published=published), nlp(text)).to_dict()
    actors = {a["id"]: a for a in result["actors"]}
    sources = [actors[e["source"]] for e in result["events"]]
    assert sources and all(a["country"] == country for a in sources), sources
