"""Quotes: content boundaries, noun cues and speaker rules (issue 3). Sentences written for the
tests; each parametrized case pins one general rule."""

from __future__ import annotations

import pytest
from spacy.language import Language

from communique.quotes import QuoteFinding, find_quotes
from communique.quotes.gender import guess_genders


def quotes(nlp: Language, text: str) -> list[QuoteFinding]:
    return find_quotes(nlp(text))


def by_content(found: list[QuoteFinding], words: str) -> QuoteFinding:
    matches = [q for q in found if words in q.content.text]
    assert matches, [q.content.text for q in found]
    return matches[0]


def ref(q: QuoteFinding) -> str | None:
    return q.speaker_ref.text if q.speaker_ref else None


@pytest.mark.parametrize(
    "text,inside,name",
    [
        (
            "The new bridge, Mayor Ines Calder said, will open in the spring.",
            ("The new bridge", "will open in the spring"),
            "Ines Calder",
        ),
        (
            "Most of the damage, Captain Rui Matos said on Monday, was caused by the wind.",
            ("Most of the damage", "was caused by the wind"),
            "Rui Matos",
        ),
    ],
)
def test_quotes_parenthetical_report_keeps_its_clause(nlp, text, inside, name):
    found = quotes(nlp, text)
    q = by_content(found, inside[0])
    assert inside[1] in q.content.text
    assert q.kind == "indirect" and ref(q) == name


@pytest.mark.parametrize(
    "text,content,name",
    [
        (
            "The council approved the budget, which Treasurer Omar Haddad said was the largest "
            "in a decade.",
            "was the largest in a decade",
            "Omar Haddad",
        ),
    ],
)
def test_quotes_fronted_relative_leaves_content_after_cue(nlp, text, content, name):
    q = by_content(quotes(nlp, text), content)
    assert q.content.text == content and ref(q) == name


@pytest.mark.parametrize(
    "text,content",
    [
        (
            "It was a long night; the coach Pia Rand says the team will recover by Friday.",
            "the team will recover by Friday",
        ),
    ],
)
def test_quotes_clause_after_cue_preferred(nlp, text, content):
    assert [q.content.text for q in quotes(nlp, text)] == [content]


@pytest.mark.parametrize(
    "text,content",
    [
        ("Senator Mara Quist called the proposal a reckless gamble.", "the proposal a reckless"),
        (
            "The union blasted the airline for its handling of the strike.",
            "the airline for its handling of the strike",
        ),
    ],
)
def test_quotes_object_keeps_its_complement(nlp, text, content):
    assert content in by_content(quotes(nlp, text), content.split()[1]).content.text


@pytest.mark.parametrize(
    "text,first,second",
    [
        (
            "Dana Pike said the deal was fair, arguing that both sides had given ground.",
            "the deal was fair",
            "both sides had given ground",
        ),
    ],
)
def test_quotes_participle_report_is_a_quote_of_its_own(nlp, text, first, second):
    assert [q.content.text for q in quotes(nlp, text)] == [first, second]


@pytest.mark.parametrize(
    "text,content",
    [
        (
            "Lena Ortiz said she expects the mayor to sign the bill, which passed the council "
            "last week.",
            "she expects the mayor to sign the bill",
        ),
    ],
)
def test_quotes_trailing_relative_clause_is_left_out(nlp, text, content):
    assert [q.content.text for q in quotes(nlp, text)] == [content]


@pytest.mark.parametrize(
    "text,content,mention",
    [
        (
            "The ministry stood by its claim that the border crossing was safe.",
            "the border crossing was safe",
            "its",
        ),
        (
            "Luis Brand's plan to cut bus fares won wide support.",
            "to cut bus fares",
            "Luis Brand's",
        ),
    ],
)
def test_quotes_noun_cue_with_clause(nlp, text, content, mention):
    q = by_content(quotes(nlp, text), content)
    assert q.content.text == content and q.kind == "indirect"
    assert q.speaker_mention is not None and q.speaker_mention.text == mention


@pytest.mark.parametrize("text", ["Plans to expand the bus depot were shelved in March."])
def test_quotes_noun_cue_without_source_or_that_clause_is_no_quote(nlp, text):
    assert quotes(nlp, text) == []


@pytest.mark.parametrize(
    "text,mention,name",
    [
        (
            "The contract went to Ferro Industries, which said it would hire 200 workers.",
            "which",
            "Ferro Industries",
        ),
    ],
)
def test_quotes_relative_pronoun_speaker_keeps_mention(nlp, text, mention, name):
    q = by_content(quotes(nlp, text), "hire 200 workers")
    assert q.speaker_mention is not None and q.speaker_mention.text == mention
    assert ref(q) == name


@pytest.mark.parametrize(
    "text,name",
    [
        (
            "Voices from the rally:\n“We stay until the work on the school is done.”― Rosa "
            "Delgado\n",
            "Rosa Delgado",
        ),
    ],
)
def test_quotes_signature_dash_glued_to_closing_mark(nlp, text, name):
    found = quotes(nlp, text)
    assert [ref(q) for q in found] == [name]


@pytest.mark.parametrize(
    "text,not_speaker",
    [
        (
            "Update on the outbreak\n\n9:30 a.m.\n\nThe health minister is calling the outbreak "
            "“under control for now.”\n",
            "a.m.",
        ),
    ],
)
def test_quotes_speaker_not_taken_across_paragraphs(nlp, text, not_speaker):
    for q in quotes(nlp, text):
        assert q.speaker_mention is None or not_speaker not in q.speaker_mention.text


@pytest.mark.parametrize(
    "text,name",
    [
        (
            "Ada Moss opened the session by saying that the budget would be balanced.",
            "Ada Moss",
        ),
    ],
)
def test_quotes_participle_after_preposition_takes_clause_subject(nlp, text, name):
    q = by_content(quotes(nlp, text), "the budget would be balanced")
    assert ref(q) == name


@pytest.mark.parametrize(
    "text,mention",
    [("Poll: Voters back the new tax plan\n\nA poll of 900 voters found wide support.", "Poll")],
)
def test_quotes_headline_report_before_colon(nlp, text, mention):
    q = by_content(quotes(nlp, text), "Voters back the new tax plan")
    assert q.speaker_mention is not None and q.speaker_mention.text == mention


@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "Mr. Ivo Lind met Ms. Hana Berg on Monday. Ann Sola said she would join them.",
            {"Lind": "m", "Berg": "f", "Sola": "f"},
        ),
        ("Ann Lee and Bo Lee arrived. Mr. Lee spoke first.", {}),
    ],
)
def test_quotes_gender_guess_from_titles_and_reports(nlp, text, expected):
    doc = nlp(text)
    people = [(e.start, e.end) for e in doc.ents if e.label_ == "PERSON"]
    assert guess_genders(doc, people) == expected


@pytest.mark.parametrize(
    "text,name",
    [
        (
            "Mr. Ivo Lind met Ms. Hana Berg in Oslo on Monday. She said the talks had gone well.",
            "Hana Berg",
        ),
    ],
)
def test_quotes_pronoun_skips_person_of_other_gender(nlp, text, name):
    q = by_content(quotes(nlp, text), "the talks had gone well")
    assert ref(q) == name
