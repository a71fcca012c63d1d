"""A blank line ends a sentence, so a headline without a full stop stays out of the story.

Sentences written for these tests.
"""

from __future__ import annotations

from spacy.language import Language

from tests.event_helpers import result_of

STORY = (
    "Ceasefire talks resume as clashes flare on the border\n\n"
    "Indian and Pakistani troops exchanged fire along the frontier overnight, officials said."
)


def test_nlp_blank_line_starts_a_sentence(nlp: Language) -> None:
    sentences = [s.text.strip() for s in nlp(STORY).sents]
    assert sentences[0] == "Ceasefire talks resume as clashes flare on the border"
    assert sentences[1].startswith("Indian and Pakistani troops")


def test_nlp_single_line_break_keeps_the_parsers_choice(nlp: Language) -> None:
    doc = nlp("The minister said the talks\nwould resume on Monday.")
    assert len(list(doc.sents)) == 1


def test_events_first_paragraph_under_a_headline_is_coded(nlp: Language) -> None:
    result = result_of(nlp, STORY)
    countries = {a["id"]: a["country"] for a in result["actors"]}
    fire = {(countries[e["source"]], countries.get(e["target"])) for e in result["events"]
            if e["trigger"]["text"] == "exchanged"}  # fmt: skip
    assert {("IND", "PAK"), ("PAK", "IND")} <= fire
