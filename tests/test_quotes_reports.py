"""Quotes: passive reports, coordinated contents, trailing asides and paragraph limits.
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
    "text,content,speaker",
    [
        (
            "The harbour plan was rejected by the city council on Tuesday.",
            "The harbour plan",
            "the city council",
        ),
    ],
)
def test_quotes_passive_report_with_agent_reports_its_subject(nlp, text, content, speaker):
    found = quotes(nlp, text)
    assert contents(found) == [content]
    assert found[0].speaker_mention is not None and found[0].speaker_mention.text == speaker


@pytest.mark.parametrize(
    "text,inside,cue",
    [
        (
            "Turnout in the northern districts is expected to fall sharply.",
            ("Turnout in the northern districts", "to fall sharply"),
            "expected",
        ),
        (
            "The treasurer was accused of hiding losses from the board.",
            ("The treasurer", "hiding losses from the board"),
            "accused",
        ),
    ],
)
def test_quotes_passive_report_without_agent_has_no_speaker(nlp, text, inside, cue):
    found = quotes(nlp, text)
    assert len(found) == 1
    q = found[0]
    assert all(part in q.content.text for part in inside)
    assert q.kind == "indirect" and q.cue is not None and q.cue.text == cue
    assert q.speaker_mention is None and q.speaker_ref is None


@pytest.mark.parametrize(
    "text",
    [
        "The ferry was supposed to leave the harbour at noon.",
        "The old bridge was praised for years.",
    ],
)
def test_quotes_passive_duty_or_bare_passive_is_no_report(nlp, text):
    assert quotes(nlp, text) == []


@pytest.mark.parametrize(
    "text,content",
    [
        (
            "The chairman spoke of his many trips across the valley.",
            "his many trips across the valley",
        ),
    ],
)
def test_quotes_spoke_of_reports_its_topic(nlp, text, content):
    assert contents(quotes(nlp, text)) == [content]


@pytest.mark.parametrize(
    "text,content",
    [
        (
            "She wants to triple the size of the library program, grow the fleet and create a "
            "new reserve corps.",
            "to triple the size of the library program, grow the fleet and create a new reserve "
            "corps",
        ),
        (
            "Mr. Brandt planned to revive ticket sales at the castle, then hand over the grounds "
            "as a park.",
            "to revive ticket sales at the castle, then hand over the grounds as a park",
        ),
    ],
)
def test_quotes_coordinated_infinitives_stay_in_content(nlp, text, content):
    assert contents(quotes(nlp, text)) == [content]


@pytest.mark.parametrize(
    "text,content",
    [
        (
            "The mayor said the pier was safe, although engineers found cracks in two pillars "
            "last year.",
            "the pier was safe",
        ),
        (
            "He claimed that paying no fees was fair, although he again refused to publish his "
            "accounts.",
            "paying no fees was fair",
        ),
    ],
)
def test_quotes_trailing_concessive_clause_left_out(nlp, text, content):
    assert contents(quotes(nlp, text))[0] == content


@pytest.mark.parametrize(
    "text,content",
    [
        (
            "Critics say the funds would be better spent on Harwick, the poorest town in the "
            "region.",
            "the funds would be better spent on Harwick",
        ),
        (
            "Critics say the grant should go to the Harwick clinic, a small hospital that serves "
            "three villages.",
            "the grant should go to the Harwick clinic",
        ),
    ],
)
def test_quotes_trailing_appositive_gloss_left_out(nlp, text, content):
    assert contents(quotes(nlp, text)) == [content]


@pytest.mark.parametrize(
    "text,content,speaker",
    [
        (
            "Ms. Ortiz had told the officers that she did not want an escort, but the police "
            "overruled that request, the source added.",
            "Ms. Ortiz had told the officers that she did not want an escort, but the police "
            "overruled that request",
            "the source",
        ),
    ],
)
def test_quotes_closing_cue_reports_whole_sentence(nlp, text, content, speaker):
    found = quotes(nlp, text)
    assert contents(found) == [content]
    assert found[0].speaker_mention is not None and found[0].speaker_mention.text == speaker


@pytest.mark.parametrize(
    "text,content",
    [
        (
            "Ana Lee said the audit was finished and that the records showed no losses.",
            "the audit was finished and that the records showed no losses",
        ),
    ],
)
def test_quotes_and_that_clause_stays_in_first_report(nlp, text, content):
    assert contents(quotes(nlp, text)) == [content]


@pytest.mark.parametrize(
    "text,second,speaker",
    [
        (
            '"We will rebuild the pier," she said. "It will take two years."\n\n'
            "Officials said the cost was still unknown.",
            "It will take two years.",
            "she",
        ),
    ],
)
def test_quotes_quote_closing_paragraph_ignores_next_paragraph_cue(nlp, text, second, speaker):
    found = [q for q in quotes(nlp, text) if q.content.text == second]
    assert len(found) == 1
    q = found[0]
    assert q.speaker_mention is not None and q.speaker_mention.text == speaker
    assert q.cue is None
