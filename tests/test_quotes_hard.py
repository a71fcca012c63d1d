"""Quotes: the hard cases users of quote extractors report (issue 3). Sentences written for
the tests; the cases already pinned in `test_quotes.py` are not repeated here."""

from __future__ import annotations

import pytest
from spacy.language import Language

from communique.model import Article
from communique.pipeline import analyse
from communique.quotes import QuoteFinding, find_quotes


def quotes(nlp: Language, text: str) -> list[QuoteFinding]:
    return find_quotes(nlp(text))


def ref(q: QuoteFinding) -> str | None:
    return q.speaker_ref.text if q.speaker_ref else None


@pytest.mark.parametrize(
    "text,content,name",
    [
        (
            "Sir Alan Fenwick, who replaced Mary Dunn as harbour master in July, said the port "
            "would reopen on Friday.",
            "the port would reopen on Friday",
            "Alan Fenwick",
        ),
    ],
)
def test_quotes_speaker_with_appositive_aside(nlp, text, content, name):
    found = [q for q in quotes(nlp, text) if q.content.text == content]
    assert len(found) == 1 and ref(found[0]) == name


@pytest.mark.parametrize(
    "text,content,ref_text",
    [
        (
            "Norvex Ltd. published its results on Monday. Sales fell by a third in the spring, "
            "it said.",
            "Sales fell by a third in the spring",
            "Norvex Ltd.",
        ),
    ],
)
def test_quotes_it_speaker_resolves_to_organisation(nlp, text, content, ref_text):
    found = [q for q in quotes(nlp, text) if q.content.text == content]
    assert len(found) == 1
    assert found[0].speaker_mention is not None and found[0].speaker_mention.text == "it"
    assert ref(found[0]) == ref_text


@pytest.mark.parametrize(
    "text,second,name",
    [
        (
            "Mark Ode said the storm had passed. “We can rebuild now, and we will.”",
            "We can rebuild now, and we will.",
            "Mark Ode",
        ),
    ],
)
def test_quotes_quote_after_reported_speech_continues_its_speaker(nlp, text, second, name):
    found = [q for q in quotes(nlp, text) if q.content.text == second]
    assert len(found) == 1 and found[0].kind == "direct" and ref(found[0]) == name


@pytest.mark.parametrize(
    "text,fragments,clause",
    [
        (
            "Ann Lee told reporters that the Rivex group was “ready to talk” with unions and "
            "would “not walk away.”",
            ["ready to talk", "not walk away."],
            "the Rivex group was “ready to talk” with unions and would “not walk away.”",
        ),
        (
            "The mayor said the plan was “dead on arrival” and would be dropped by the council.",
            ["dead on arrival"],
            "the plan was “dead on arrival” and would be dropped by the council",
        ),
    ],
)
def test_quotes_mixed_quote_keeps_fragment_and_clause(nlp, text, fragments, clause):
    found = quotes(nlp, text)
    assert [q.content.text for q in found] == fragments
    assert all(q.kind == "mixed" and q.clause and q.clause.text == clause for q in found)


@pytest.mark.parametrize(
    "text,cue,content",
    [
        (
            "The senator cited rising rents and empty shops as reasons for the new bill.",
            "cited",
            "rising rents and empty shops as reasons for the new bill",
        ),
        (
            "The inspector established that the valve had failed twice before the fire.",
            "established",
            "the valve had failed twice before the fire",
        ),
        (
            "Ruth Okafor, the union's leader, rejected the offer from the employers.",
            "rejected",
            "the offer from the employers",
        ),
        (
            "The mayor spoke about the housing shortage for an hour on Tuesday.",
            "spoke",
            "the housing shortage",
        ),
        (
            "The audit found that two of the five depots had no fire plan.",
            "found",
            "two of the five depots had no fire plan",
        ),
    ],
)
def test_quotes_wide_cue_lexicon(nlp, text, cue, content):
    """Speech, belief, intention and evidence cues all report (PolNeAR counts all of them)."""
    found = quotes(nlp, text)
    assert [(q.kind, q.cue.text if q.cue else None, q.content.text) for q in found] == [
        ("indirect", cue, content)
    ]


@pytest.mark.parametrize(
    "text",
    [
        "On Tuesday’s episode of “The Harbour Morning Show,” the captain said the fleet was ready.",
    ],
)
def test_quotes_quoted_title_is_not_a_quote(nlp, text):
    assert all(q.kind == "indirect" for q in quotes(nlp, text))


@pytest.mark.parametrize(
    "text",
    ["“Prices will fall,” Lena Morrow said. Sources said the talks had collapsed."],
)
def test_quotes_min_confidence_drops_weak_quotes(nlp, text):
    article = Article(id="t", text=text, published="2024-05-01")
    everything = analyse(article, nlp(text))
    strong = analyse(article, nlp(text), min_confidence=0.8)
    assert len(everything.quotes) == 2
    assert [q.content.text for q in strong.quotes] == ["Prices will fall,"]
    assert all(0.0 <= q.confidence <= 1.0 for q in everything.quotes)
