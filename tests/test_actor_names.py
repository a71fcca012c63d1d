"""Actor names are names (issue 11): no pronoun, determiner phrase, common noun or lone
lower-case word becomes an actor, and the real actors of the same shape stay.

The sentences are written for these tests. The last test runs the pipeline over a sample
of the real articles in ../shared/corpora when they are there.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from spacy.language import Language

from communique.actors.dictionary import load_dictionary
from communique.actors.names import junk_class
from communique.model import Article
from communique.pipeline import extract

CORPORA = Path(__file__).resolve().parents[2] / "shared" / "corpora"


def _actors(nlp: Language, text: str) -> list[dict]:
    article = Article(id="t", text=text, published="2024-03-01")
    return next(iter(extract([article], nlp=nlp))).to_dict()["actors"]


def _names(nlp: Language, text: str) -> set[str]:
    return {a["name"] for a in _actors(nlp, text)}


@pytest.mark.parametrize(
    ("name", "kind", "expected"),
    [
        ("He", "organisation", "pronoun"),
        ("They", "person", "pronoun"),
        ("I", "organisation", "pronoun"),
        ("Nobody", "organisation", "pronoun"),
        ("WN", "organisation", "byline"),
        ("the 36", "group", "determiner"),
        ("Some analysts", "organisation", "determiner"),
        ("more than 10 people", "group", "determiner"),
        ("margins", "group", "lower-case"),
        ("award-winning journalist", "group", "lower-case"),
        ("Early opponent", "organisation", "common-noun"),
        ("Sunday Morning Futures” show", "organisation", "common-noun"),
        ("Prime Minister", "group", "common-noun"),
        ("Member of Parliament", "organisation", "common-noun"),
        ("Police", "group", "common-noun"),
        ("Tuesday", "organisation", "date"),
        ("Friday’s", "organisation", "date"),
        # real actors of the same shapes
        ("Japan Coast Guard", "organisation", None),
        ("May", "person", None),  # a surname, not the month
        ("Agence France-Presse", "organisation", None),
        ("ABS-CBN", "organisation", None),
        ("US", "country", None),
        ("Group of Six", "organisation", None),
        ("Democratic party", "organisation", None),
        ("Pakistani officials", "group", None),
        ("Kenya police", "group", None),
        ("Many Afghans", "group", None),
        ("Supreme Court", "organisation", None),
        ("Lena Morrow", "person", None),
    ],
)
def test_actor_names_junk_class(name: str, kind: str, expected: str | None) -> None:
    assert junk_class(name, kind=kind, dictionary=load_dictionary()) == expected


@pytest.mark.parametrize(
    ("word", "text", "expected"),
    [
        # a capitalised common word is junk where the article writes it in lower case ...
        ("State", "Secretary of State Ana Lind spoke. The state budget grew.", "common-noun"),
        ("Aspirin", "Aspirin was given. Doctors said aspirin helps.", "common-noun"),
        # ... or only ever opens a sentence with it
        ("Analysts", "Analysts said the talks would fail.", "common-noun"),
        # a brand or a country the lexicon knows as a word stays a name
        ("Twitter", "Twitter said the posts broke its rules.", None),
        ("Nigeria", "Nigeria said the border would reopen.", None),
    ],
)
def test_actor_names_common_word_needs_the_article_as_evidence(
    word: str, text: str, expected: str | None
) -> None:
    assert junk_class(word, kind="organisation", text=text) == expected


@pytest.mark.parametrize(
    ("text", "junk", "kept"),
    [
        # pronoun and determiner speakers of quotes
        (
            '"The talks will resume next week," he said. "We disagree," Some analysts said. '
            "Lena Morrow, a spokeswoman for Kenya's foreign ministry, said Nairobi was ready.",
            {"He", "he", "Some analysts", "We"},
            {"Lena Morrow"},
        ),
        # a common noun opening a sentence, a title's last word, a sentence-initial adjective
        (
            "U.S. Secretary of State Darla Vinter met Japanese officials in Tokyo on Monday. "
            "Early opponent Sam Reyes said the bill had improved. "
            "The Japan Coast Guard said it had tracked the ships, Agence France-Presse reported.",
            {"State", "Early opponent", "Early"},
            {"Darla Vinter", "Sam Reyes", "Japan Coast Guard", "Agence France-Presse"},
        ),
        # a Wikinews-style interview: the interviewer's "((WN))" label is no actor
        (
            "Wikinews spoke with Mara Quinlan of the Harbour Trust in Auckland.\n\n"
            "((WN)) How did the project start?\n\n"
            "((Mara Quinlan)) It began when the council closed the old pier.\n\n"
            "((WN)) Who funds it?\n\n((Mara Quinlan)) Local donors do.",
            {"WN"},
            {"Mara Quinlan"},
        ),
        # a singular title in front of a name is that person's, not a body of journalists
        (
            "The Iranian journalist Nika Sadri was detained in Tehran, Iran's judiciary said.",
            {"Iran Journalists"},
            {"Nika Sadri"},
        ),
    ],
)
def test_actor_names_no_junk_actor_from_text(
    nlp: Language, text: str, junk: set[str], kept: set[str]
) -> None:
    names = _names(nlp, text)
    assert not names & junk, names
    assert kept <= names, names


@pytest.mark.parametrize(
    ("text", "group", "code"),
    [
        # a bare group takes its country's adjective: "police" in Nairobi are Kenyan police
        ("Police in Nairobi fired tear gas at protesters on Monday.", "Kenyan police", "KENCOP"),
        # a count in front is no part of the name
        ("Many people marched through Lagos on Tuesday.", "Nigerian people", "NGACVL"),
        # a group that names its country keeps its own words
        (
            "Pakistani teachers accused the government of breaking its promises.",
            "Pakistani teachers",
            "PAKEDU",
        ),
    ],
)
def test_actor_names_group_actors_name_their_country(
    nlp: Language, text: str, group: str, code: str
) -> None:
    groups = {(a["name"], a["code"]) for a in _actors(nlp, text) if a["kind"] == "group"}
    names = {name for name, _ in groups}
    assert (group, code) in groups or group in names and code in {c for _, c in groups}, groups
    dictionary = load_dictionary()
    for name in names:
        assert junk_class(name, kind="group", text=text, dictionary=dictionary) is None, name


def _sample(n_per_corpus: int = 15) -> list[Article]:
    articles = []
    for path in sorted(CORPORA.glob("*/articles.jsonl")):
        with path.open(encoding="utf-8") as lines:
            for line in list(lines)[:n_per_corpus]:
                record = json.loads(line)
                articles.append(
                    Article(
                        id=record["id"],
                        text=record["text"],
                        title=record.get("title"),
                        published=record.get("published"),
                        source=record.get("source"),
                    )
                )
    return articles


@pytest.mark.slow
def test_actor_names_corpus_sample_has_no_junk_names(nlp: Language) -> None:
    if not CORPORA.is_dir():
        pytest.skip(f"no corpora at {CORPORA} (the real articles are not shipped)")
    articles = _sample()
    if not articles:
        pytest.skip(f"no articles.jsonl under {CORPORA}")
    dictionary = load_dictionary()
    junk = []
    for result in extract(articles, nlp=nlp):
        data = result.to_dict()
        text = data["article"]["text"]
        for actor in data["actors"]:
            found = junk_class(actor["name"], kind=actor["kind"], text=text, dictionary=dictionary)
            if found is not None:
                junk.append((found, actor["name"], actor["kind"], data["article"]["id"]))
    assert not junk, junk
