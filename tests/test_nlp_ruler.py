"""`communique.ruler`: the attribute ruler's matches without spaCy's Matcher, the same ones."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language
from spacy.pipeline import AttributeRuler

from communique import nlp as nlp_module
from communique.ruler import RulerMatches, fast_matches

# Written to reach the English rules of every form: tag maps, contractions, two-token
# rules ("gon na", "let 's", "y' all"), auxiliaries by dependency, "I" as an object,
# determiners as pronouns, spaces.
SENTENCES = [
    "The minister said that the talks would resume on Monday.",
    "We ain't gonna sign it, and y'all know that, she said.",
    "Let's wait; I'm sure they've left and he's not coming.",
    "There's nothin' left in the camp, and there are no doctors.",
    "Give it to me, they told I and you both.",
    "That is what those who did it wanted; this was not an accident.",
    "Did they have the votes? They do, and they had them before.",
    "Officials   met  in \n\n Nairobi.\tTalks  ended.",
    "C'mon, he got ta go, whether or not it rains, cos it's late.",
]


@pytest.fixture(scope="module")
def stock() -> Language:
    return spacy.load(nlp_module.model_name())


@pytest.mark.parametrize("text", SENTENCES)
def test_ruler_finds_the_matches_spacys_matcher_finds(stock: Language, text: str) -> None:
    ruler = stock.get_pipe("attribute_ruler")
    matches = fast_matches(ruler)
    assert matches is not None
    with stock.select_pipes(disable=["attribute_ruler", "lemmatizer", "ner"]):
        doc = stock(text)
    assert matches(doc) == ruler.match(doc)


@pytest.fixture(scope="module")
def stock_matcher() -> Language:
    """communique's pipeline as it was before `communique.ruler`: spaCy's own matcher."""
    nlp = spacy.load(nlp_module.model_name())
    nlp.add_pipe("communique_paragraphs", before="parser")
    return nlp


@pytest.mark.parametrize("text", SENTENCES)
def test_ruler_leaves_every_token_as_spacys_matcher_leaves_it(
    stock_matcher: Language, text: str
) -> None:
    def read(nlp: Language) -> list[tuple[str, ...]]:
        return [(t.text, t.tag_, t.pos_, t.lemma_, str(t.morph), t.dep_, t.ent_type_)
                for t in nlp(text)]  # fmt: skip

    loaded = nlp_module.load()
    assert isinstance(loaded.get_pipe("attribute_ruler").match, RulerMatches)
    assert read(loaded) == read(stock_matcher)


@pytest.mark.parametrize(
    "pattern",
    [
        [{"LOWER": "not", "OP": "?"}, {"TAG": "VB"}],  # an operator
        [{"SHAPE": "Xxxx"}],  # an attribute the rules here do not read
        [{"LOWER": {"FUZZY": "minister"}}],  # a predicate they do not read
    ],
)
def test_ruler_keeps_the_stock_matcher_for_patterns_it_does_not_read(pattern: list) -> None:
    ruler = AttributeRuler(spacy.blank("en").vocab)
    ruler.add(patterns=[pattern], attrs={"LEMMA": "x"})
    assert fast_matches(ruler) is None
