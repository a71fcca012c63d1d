"""PETRARCH-format verb dictionaries and the role rules the PETRARCH suite exercises (issue 4).

The PETRARCH-format text below was written for these tests (made-up verbs and places).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

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
    assert set(load_petrarch_verbs(path, extend=False)) == {"mend", "journey", "travel"}


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
    text = "Peru and the government of Chile warned their citizens about Bolivia."
    targets = {target for _, target in _pairs(nlp, text)}
    assert "CHL" not in targets
