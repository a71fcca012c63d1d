"""Quotes: title-case headlines read again in sentence case, and reports the parser hides
(parenthetical cues, "said as much", subjects lost in an opening phrase). Sentences written
for the tests."""

from __future__ import annotations

import pytest
from spacy.language import Language

from communique.quotes import QuoteFinding, find_quotes
from communique.quotes.headline import is_title_case, reparse_headline, sentence_case
from communique.quotes.index import build_index

BODY = (
    "\nSenator Wren Okafor spoke in Dayton on Monday. Okafor said the state would cut fees. "
    "The Harbor Trust has backed the plan."
)


def quotes(nlp: Language, text: str) -> list[QuoteFinding]:
    return find_quotes(nlp(text))


def contents(nlp: Language, text: str) -> dict[str, str | None]:
    return {q.content.text: q.cue.text if q.cue else None for q in quotes(nlp, text)}


@pytest.mark.parametrize(
    "headline,expected",
    [
        (
            "Okafor Vows To Cut Fees For Small Farms In Dayton.",
            "Okafor vows to cut fees for small farms in Dayton.",
        ),
        ("New Survey Shows Sharp Rise In Rents.", "New survey shows sharp rise in rents."),
    ],
)
def test_quotes_title_case_headline_is_read_in_sentence_case(nlp, headline, expected):
    index = build_index(nlp(headline + BODY))
    line = [t for t in index.doc if index.token_para[t.i] == 0 and not t.is_space]
    assert is_title_case(line)
    end = line[-1].idx + len(line[-1].text)
    assert sentence_case(index, line, 0, end) == expected


@pytest.mark.parametrize(
    "headline",
    ["Okafor says the state will cut fees for small farms.", "Fees cut in Dayton."],
)
def test_quotes_plain_headline_is_not_parsed_again(nlp, headline):
    assert reparse_headline(build_index(nlp(headline + BODY))) is None


@pytest.mark.parametrize(
    "headline,content,speaker",
    [
        (
            "Okafor Vows To Cut Fees For Small Farms In Dayton.",
            "To Cut Fees For Small Farms In Dayton",
            "Okafor",
        ),
        (
            "Harbor Trust: Farmers Abandon The Old Market For Dayton.",
            "Farmers Abandon The Old Market For Dayton.",
            "Harbor Trust",
        ),
    ],
)
def test_quotes_title_case_headline_report(nlp, headline, content, speaker):
    found = [q for q in quotes(nlp, headline + BODY) if q.content.text == content]
    assert len(found) == 1
    assert found[0].speaker_mention is not None and speaker in found[0].speaker_mention.text


@pytest.mark.parametrize(
    "text,content",
    [
        (
            "Okafor Calls The Fee Plan ‘A Giant Mistake’ In Dayton Speech." + BODY,
            "The Fee Plan ‘A Giant Mistake’ In Dayton Speech",
        ),
        (
            "Retired Judge Reveals ‘Shocking’ Details Of The Fee Plan In Dayton." + BODY,
            "‘Shocking’ Details Of The Fee Plan In Dayton",
        ),
    ],
)
def test_quotes_quoted_words_stay_in_a_cue_object(nlp, text, content):
    found = {q.clause.text if q.clause else q.content.text for q in quotes(nlp, text)}
    assert content in found


@pytest.mark.parametrize(
    "text,content",
    [
        (
            "Although the bridge was safe, he said, rebuilding it would cost far more and could "
            "take years.",
            "Although the bridge was safe, he said, rebuilding it would cost far more and could "
            "take years",
        ),
        (
            "The middle fifth paid 9 percent, the agency said in a June report, and those in the "
            "bottom fifth paid 1 percent.",
            "The middle fifth paid 9 percent, the agency said in a June report, and those in the "
            "bottom fifth paid 1 percent",
        ),
        (
            "The difference now, he told me on Friday, is that he hosts a news program.",
            "The difference now, he told me on Friday, is that he hosts a news program",
        ),
    ],
)
def test_quotes_parenthetical_cue_reports_both_sides(nlp, text, content):
    assert content in contents(nlp, text)


@pytest.mark.parametrize(
    "text,content",
    [
        ("Several senators have said the same thing.", "the same thing"),
        ("Her campaign manager said as much in an interview on Monday.", "as much"),
        ("Only 40 percent said the same of the mayor.", "the same of the mayor"),
        ("A new survey shows a sharp rise in rents across the region.", "a sharp rise in rents"),
    ],
)
def test_quotes_object_of_say_points_back(nlp, text, content):
    assert any(c.startswith(content) for c in contents(nlp, text))


@pytest.mark.parametrize(
    "text,content,cut",
    [
        (
            "Lee says she hopes to win the race, but she knows that the champion will always be "
            "the king.",
            "she hopes to win the race, but she knows that the champion will always be the king",
            None,
        ),
        (
            "Republicans said they were convinced the department mishandled the case and "
            "Democrats accused the party of stoking the fire.",
            "they were convinced the department mishandled the case",
            "Democrats",
        ),
        (
            "Republicans said the timing was not planned; they only learned of the deal on Friday.",
            "the timing was not planned",
            None,
        ),
    ],
)
def test_quotes_reported_clause_bounds(nlp, text, content, cut):
    found = contents(nlp, text)
    assert content in found
    assert cut is None or not any(cut in c for c in found if c != content and content in c)


@pytest.mark.parametrize(
    "text,content,speaker",
    [
        (
            "In a March meeting with the editorial board of the Daily Ledger Mayor Jones said "
            "that the city may need to cut its police budget.",
            "the city may need to cut its police budget",
            "Jones",
        ),
    ],
)
def test_quotes_speaker_hidden_in_opening_phrase(nlp, text, content, speaker):
    found = [q for q in quotes(nlp, text) if q.content.text == content]
    assert len(found) == 1
    assert found[0].speaker_mention is not None and speaker in found[0].speaker_mention.text
