"""Quotes: judgements carried by a verb's object ("sees X as Y"), cue nouns with a topic,
object complements around times, and where joined clauses, dashes and semicolons end a report.
Sentences written for the tests; each parametrized case pins one general rule."""

from __future__ import annotations

import pytest
from spacy.language import Language

from communique.quotes import QuoteFinding, find_quotes


def quotes(nlp: Language, text: str) -> list[QuoteFinding]:
    return find_quotes(nlp(text))


def contents(found: list[QuoteFinding]) -> list[str]:
    return [q.content.text for q in found]


@pytest.mark.parametrize(
    "text,content,cue",
    [
        (
            "The mayor sees the stadium deal as a costly mistake.",
            "the stadium deal as a costly mistake",
            "sees",
        ),
        (
            "The columnist likened the new tariff to a tax on breakfast.",
            "the new tariff to a tax on breakfast",
            "likened",
        ),
        (
            "Critics portrayed the mayor as a puppet of developers.",
            "the mayor as a puppet of developers",
            "portrayed",
        ),
        ("Many voters regard the new levy as unfair.", "the new levy as unfair", "regard"),
    ],
)
def test_quotes_predicative_cue_reports_object_with_its_complement(nlp, text, content, cue):
    found = quotes(nlp, text)
    assert contents(found) == [content]
    assert found[0].cue is not None and found[0].cue.text == cue


@pytest.mark.parametrize(
    "text",
    [
        "The mayor saw the stadium from the bridge.",
        "The engineers compared prices across the region.",
    ],
)
def test_quotes_predicative_cue_without_complement_is_no_report(nlp, text):
    assert quotes(nlp, text) == []


@pytest.mark.parametrize(
    "text,content",
    [
        (
            "The minister blamed the flooding on poor planning.",
            "the flooding on poor planning",
        ),
    ],
)
def test_quotes_blame_reports_object_and_cause(nlp, text, content):
    assert contents(quotes(nlp, text)) == [content]


@pytest.mark.parametrize(
    "text,content",
    [
        (
            "The senator blasted the governor as a disgrace Wednesday on a radio show.",
            "the governor as a disgrace",
        ),
        (
            "The senator praised the judge as a hero Tuesday in Dayton.",
            "the judge as a hero",
        ),
        (
            "The union criticized the director for closing a 50-year-old clinic.",
            "the director for closing a 50-year-old clinic",
        ),
    ],
)
def test_quotes_object_complement_ends_at_a_time_not_at_an_age(nlp, text, content):
    assert contents(quotes(nlp, text)) == [content]


@pytest.mark.parametrize(
    "text,content",
    [
        (
            "The union said the deal protects pensions - a claim the company disputes.",
            "the deal protects pensions",
        ),
    ],
)
def test_quotes_aside_after_a_dash_is_left_out(nlp, text, content):
    assert contents(quotes(nlp, text)) == [content]


@pytest.mark.parametrize(
    "text,content",
    [
        (
            "Officials said the timing was not deliberate; they learned of the deal on Friday.",
            "the timing was not deliberate",
        ),
    ],
)
def test_quotes_report_after_its_cue_ends_at_a_semicolon_clause(nlp, text, content):
    assert contents(quotes(nlp, text)) == [content]


@pytest.mark.parametrize(
    "text,content",
    [
        (
            "Police said the driver ignored the signal and refused to leave the car.",
            "the driver ignored the signal and refused to leave the car",
        ),
    ],
)
def test_quotes_joined_intention_stays_in_the_report(nlp, text, content):
    assert contents(quotes(nlp, text)) == [content]


@pytest.mark.parametrize(
    "text,content,cue,speaker",
    [
        (
            "The senator raised concerns about the pipeline route.",
            "the pipeline route",
            "concerns",
            "The senator",
        ),
        (
            "Anna Berg has doubts about the merger.",
            "the merger",
            "doubts",
            "Anna Berg",
        ),
    ],
)
def test_quotes_cue_noun_with_a_speaker_reports_its_topic(nlp, text, content, cue, speaker):
    found = quotes(nlp, text)
    assert contents(found) == [content]
    q = found[0]
    assert q.cue is not None and q.cue.text == cue
    assert q.speaker_mention is not None and q.speaker_mention.text == speaker


@pytest.mark.parametrize(
    "text",
    [
        "Complaints about the noise reached the council.",
        "The council ignored concerns about the noise.",
    ],
)
def test_quotes_cue_noun_topic_needs_a_speaker(nlp, text):
    assert quotes(nlp, text) == []


@pytest.mark.parametrize(
    "text,name",
    [
        (
            "Tom Reed met the board on Monday. The board read his comments on the budget.",
            "Tom Reed",
        ),
    ],
)
def test_quotes_possessive_pronoun_speaker_resolves_to_a_name(nlp, text, name):
    found = quotes(nlp, text)
    assert len(found) == 1
    assert found[0].speaker_ref is not None and found[0].speaker_ref.text == name
