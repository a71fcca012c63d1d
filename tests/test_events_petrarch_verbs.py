"""PETRARCH-format verb dictionaries and the role rules the PETRARCH suite exercises (issue 4).

The PETRARCH-format text below was written for these tests (made-up verbs and places).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from communique.actors.petrarch import load_petrarch
from communique.events.ontology import load_patterns
from communique.events.petrarch import load_petrarch_verbs, patterns_from_petrarch
from communique.model import Article
from communique.pipeline import analyse
from tests.event_helpers import result_of

VERBS = """<!-- test verbs -->
&LINKS
+TIES
+RELATIONS

--- MEND  [064] ---
MEND    # a comment
- * &LINKS  [064]
- * FENCES WITH  [036]
- SHOW_NO_*  [082]

--- JOURNEY  [042:043] ---
JOURNEY
+TRAVEL_ON

--- SAILED  [042:043] ---
SAILED

--- SCOLD  [xyz] ---
SCOLD
- * HARSHLY  [903]
"""


@pytest.fixture(scope="module")
def loaded() -> dict:
    return patterns_from_petrarch(VERBS)


def test_petrarch_verbs_default_code_and_refinements(loaded: dict) -> None:
    codes = {(p.particle, tuple(sorted(p.objects)), p.code) for p in loaded["mend"]}
    assert (None, (), "064") in codes
    assert (None, ("tie", "ties"), "064") in codes  # a synonym set, expanded
    assert (None, ("fence", "fences"), "036") in codes


@pytest.mark.parametrize(("verb", "particle"), [("journey", None), ("travel", "on")])
def test_petrarch_verbs_reverse_code_and_phrasal_synonyms(
    loaded: dict, verb: str, particle: str | None
) -> None:
    (pattern,) = loaded[verb]
    assert (pattern.code, pattern.reverse, pattern.particle) == ("042", "043", particle)


def test_petrarch_verbs_codes_outside_cameo_are_dropped(loaded: dict) -> None:
    assert "scold" not in loaded  # neither "xyz" nor the test-only "903" is a CAMEO code


def test_petrarch_verbs_extend_keeps_our_patterns(tmp_path: Path) -> None:
    path = tmp_path / "verbs.txt"
    path.write_text(VERBS, encoding="utf-8")
    merged = load_petrarch_verbs(path)
    assert set(load_patterns()) <= set(merged)
    assert merged["mend"][0].specificity >= merged["mend"][-1].specificity
    verbs = {"mend", "journey", "travel", "sailed"}
    assert set(load_petrarch_verbs(path, extend=False)) == verbs | {f"={v}" for v in verbs}


def test_petrarch_verbs_code_events_with_reverse(nlp: Language, tmp_path: Path) -> None:
    path = tmp_path / "verbs.txt"
    path.write_text(VERBS, encoding="utf-8")
    text = "The Kenyan president journeyed to Tanzania on Monday."
    result = analyse(
        Article(id="t", text=text, published="2021-06-01"),
        nlp(text),
        patterns=load_petrarch_verbs(path),
    ).to_dict()
    countries = {a["id"]: a["country"] for a in result["actors"]}
    pairs = {
        (e["cameo"], countries[e["source"]], countries.get(e["target"])) for e in result["events"]
    }
    assert {("042", "KEN", "TZA"), ("043", "TZA", "KEN")} <= pairs


def test_petrarch_verbs_entry_for_a_written_form(nlp: Language, tmp_path: Path) -> None:
    """PETRARCH matches words as written: its "SAILED" entry codes "sailed" (lemma "sail")."""
    path = tmp_path / "verbs.txt"
    path.write_text(VERBS, encoding="utf-8")
    text = "The Kenyan president sailed to Tanzania on Monday."
    result = analyse(
        Article(id="t", text=text, published="2021-06-01"),
        nlp(text),
        patterns=load_petrarch_verbs(path),
    ).to_dict()
    countries = {a["id"]: a["country"] for a in result["actors"]}
    pairs = {
        (e["cameo"], countries[e["source"]], countries.get(e["target"])) for e in result["events"]
    }
    assert {("042", "KEN", "TZA"), ("043", "TZA", "KEN")} <= pairs


def _pairs(nlp: Language, text: str) -> set[tuple[str, str | None]]:
    result = result_of(nlp, text)
    countries = {a["id"]: a["country"] for a in result["actors"]}
    return {(countries[e["source"]], countries.get(e["target"])) for e in result["events"]}


@pytest.mark.parametrize(
    ("text", "sources"),
    [
        # the parser hangs the first names of a list under the last one
        ("Peru, Chile and the ever cautious Ecuador welcomed the resumption of talks with Bolivia.",
         {"PER", "CHL", "ECU"}),
        ("Norway and the usually quiet Finland condemned the attack on Estonia.", {"NOR", "FIN"}),
    ],
)  # fmt: skip
def test_events_every_listed_subject_acts(nlp: Language, text: str, sources: set[str]) -> None:
    found = {source for source, _ in _pairs(nlp, text)}
    assert sources <= found


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        (
            "Neither Peru nor Chile boycotted the parade supporting Bolivia on Sunday.",
            ("PER", "BOL"),
        ),
        ("Chile condemned the march supporting Bolivia.", ("CHL", "BOL")),
    ],
)
def test_events_target_through_a_participle(
    nlp: Language, text: str, pair: tuple[str, str]
) -> None:
    assert pair in _pairs(nlp, text)


def test_events_own_people_are_not_the_target(nlp: Language) -> None:
    """ "their citizens" are the subjects' people (civilians), never the subjects again."""
    text = "Peru and the government of Chile warned their citizens about Bolivia."
    result = result_of(nlp, text)
    codes = {a["id"]: a["code"] for a in result["actors"]}
    targets = {codes.get(e["target"]) for e in result["events"]}
    assert targets and not targets & {"CHL", "CHLGOV", "PER"}


GROUP_ACTORS = """WESTMARCH_LEAGUE [WML/ESK/TOR]
ESKARON [ESK]
TORVALE [TOR]
DUNMERE [DUN]
"""


def test_petrarch_group_actor_stands_for_each_member(nlp: Language, tmp_path: Path) -> None:
    (tmp_path / "actors.txt").write_text(GROUP_ACTORS, encoding="utf-8")
    dictionary = load_petrarch(tmp_path / "actors.txt")
    assert dictionary.members == {"westmarch league": ("ESK", "TOR")}
    text = "The Westmarch League condemned Dunmere on Friday."
    result = analyse(
        Article(id="t", text=text, published="2021-06-01"), nlp(text), dictionary=dictionary
    ).to_dict()
    codes = {a["id"]: a["code"] for a in result["actors"]}
    pairs = {(codes[e["source"]], codes.get(e["target"])) for e in result["events"]}
    assert {("WML", "DUN"), ("ESK", "DUN"), ("TOR", "DUN")} <= pairs


@pytest.mark.parametrize(
    ("text", "pair", "mode"),
    [
        # an attempt is an act that happened, not an intention
        ("Hackers from Belarus tried to hack into the computers of the Lithuanian army.",
         ("BLR", "LTU"), "asserted"),
        # the issuer of a statement does what the statement does
        ("Peru issued a statement condemning Chile on Monday.", ("PER", "CHL"), "asserted"),
    ],
)  # fmt: skip
def test_events_attempts_and_statements(
    nlp: Language, text: str, pair: tuple[str, str], mode: str
) -> None:
    result = result_of(nlp, text)
    countries = {a["id"]: a["country"] for a in result["actors"]}
    found = {
        (countries[e["source"]], countries.get(e["target"]), e["mode"]) for e in result["events"]
    }
    assert (*pair, mode) in found


def test_events_agreeing_that_is_an_event(nlp: Language) -> None:
    text = "Senior Peruvian and Chilean officials agreed that their countries should cooperate."
    assert any(e["cameo"].startswith("03") for e in result_of(nlp, text)["events"])


@pytest.mark.parametrize(
    "text",
    [
        "Italy plans to impose restrictions on its labour market for new members.",
        "Italy will impose curbs on its labour market next year.",
    ],
)
def test_events_own_country_as_place_does_not_cancel_the_act(nlp: Language, text: str) -> None:
    events = result_of(nlp, text)["events"]
    assert events and all(e["source"] != e["target"] for e in events)


@pytest.mark.parametrize(
    ("text", "sources"),
    [
        ("The foreign ministers of Peru and Chile condemned Bolivia.", {"PERGOV", "CHLGOV"}),
        ("Peruvian and Chilean diplomats condemned Bolivia on Monday.", {"PERGOV", "CHLGOV"}),
        ("The ambassadors of Peru, Chile and Ecuador criticised Bolivia.",
         {"PERGOV", "CHLGOV", "ECUGOV"}),
        ("Lawmakers in Peru and Bolivia condemned Chile on Monday.", {"PERLEG", "BOLLEG"}),
    ],
)  # fmt: skip
def test_events_office_holders_of_listed_countries_each_act(
    nlp: Language, text: str, sources: set[str]
) -> None:
    result = result_of(nlp, text)
    codes = {a["id"]: a["code"] for a in result["actors"]}
    assert sources <= {codes[e["source"]] for e in result["events"]}


def test_petrarch_country_coded_name_under_a_title_is_the_office_holder(
    nlp: Language, tmp_path: Path
) -> None:
    (tmp_path / "actors.txt").write_text("ESKARON [ESK]\nKALDOR [ESK]\nDUNMERE [DUN]\n", "utf-8")
    (tmp_path / "agents.txt").write_text("PRESIDENT [~GOV]\n", "utf-8")
    dictionary = load_petrarch(tmp_path / "actors.txt", tmp_path / "agents.txt")
    text = "Eskaron President Kaldor condemned Dunmere on Friday."
    result = analyse(
        Article(id="t", text=text, published="2021-06-01"), nlp(text), dictionary=dictionary
    ).to_dict()
    codes = {a["id"]: a["code"] for a in result["actors"]}
    assert ("ESKGOV", "DUN") in {
        (codes[e["source"]], codes.get(e["target"])) for e in result["events"]
    }
