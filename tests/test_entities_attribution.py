"""Entities: where the quote finder's attribution decides the speaker. A quote that ends its
sentence, a statement someone issued, a speaker named after a news outlet, a relative clause
with a cue of its own, a role described before its name. Sentences written for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.event_helpers import result_of, speaker_names


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (  # the next sentence is news of its own, not the quote's cue
            "“The rebels have never kept a truce,” Lars Karlsson said. “We watched it fail "
            "twice before, and the capital will know they are not serious.” Karlsson and Olga "
            "Petrov also argued in public about who had started the fighting.",
            "We watched it fail twice before",
            "Lars Karlsson",
        ),
        (  # an "according to" that opens the next sentence reports something else
            "“We ran until we reached the road,” Ana Mendes said. “Some guards ran with us, "
            "and then we felt safe.” According to earlier accounts, nearly 100 travellers had "
            "been released before the raid.",
            "Some guards ran with us",
            "Ana Mendes",
        ),
        (  # a cue in a subordinate clause of the next sentence is no attribution
            "“Three attackers were killed in the fighting,” Hugo Ortiz said. “Nine other "
            "people, including two elders, died.” Since May, when President Rosa Lind called "
            "for a “final push” against the rebels, the town has been quiet.",
            "Nine other people",
            "Hugo Ortiz",
        ),
    ],
)
def test_entities_quote_ending_its_sentence_keeps_the_running_speaker(
    nlp: Language, text: str, content: str, speaker: str
) -> None:
    assert speaker_names(nlp, text, content) == [speaker]


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            "Chief surgeon Maria Olsen issued a statement saying the patient had been given "
            "antibiotics.",
            "the patient had been given antibiotics",
            "Maria Olsen",
        ),
        (
            "Foreign Minister Karin Holm released a statement urging both sides to return to "
            "the talks.",
            "both sides to return to the talks",
            "Karin Holm",
        ),
    ],
)
def test_entities_statement_someone_issued_speaks_for_them(
    nlp: Language, text: str, content: str, speaker: str
) -> None:
    assert speaker_names(nlp, text, content) == [speaker]


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (  # a news agency only carried what the prosecutor said
            "According to the state news agency NTV, the chief prosecutor of Almaty, Daulet "
            "Serikov, said the 12 suspects must face “treason and fraud charges”.",
            "treason and fraud charges",
            "Daulet Serikov",
        ),
        (  # ", adding" continues the speaker of the main cue, not the subject of its clause
            "Mayor Ines Varga said the workers must return by Friday, adding that the strike "
            "had cost the city millions.",
            "the strike had cost the city millions",
            "Ines Varga",
        ),
        (  # of two subjects the parser gives a cue, the name speaks
            "Early critic MP Joan Hale said, “We have moved the bill somewhere better”.",
            "We have moved the bill somewhere better",
            "Joan Hale",
        ),
        (  # a quoted show title does not hide the subject of the cue
            "Governor Ruth Park, in a taped interview with the “Evening Report” show, dodged "
            "a question about the budget, but said, “There is a period of change ahead.”",
            "There is a period of change ahead.",
            "Ruth Park",
        ),
    ],
)
def test_entities_cue_subject_is_the_speaker(
    nlp: Language, text: str, content: str, speaker: str
) -> None:
    assert speaker_names(nlp, text, content) == [speaker]


def test_entities_relative_clause_keeps_its_own_speaker(nlp: Language) -> None:
    text = (
        "Other Democrats have broken with the governor and urged him to resign, such as "
        "former Ohio senator Paul Hendry, who denounced the governor's claims as a “national "
        "disgrace”."
    )
    assert speaker_names(nlp, text, "national disgrace") == ["Paul Hendry"]


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (  # the role first, the name as the next sentence's subject
            "Norway's U.N. ambassador told reporters that the matter was being handled in "
            "Geneva. Ola Berg blamed the previous government for the delay.",
            "the matter was being handled in Geneva",
            "Ola Berg",
        ),
    ],
)
def test_entities_role_described_before_its_name(
    nlp: Language, text: str, content: str, speaker: str
) -> None:
    assert speaker_names(nlp, text, content) == [speaker]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (  # an indefinite description brings in someone who stays unnamed
            "Smoke rose over the port, and an eyewitness said there had been gunfire all night. "
            "Governor Omar Abdi said the port would reopen on Friday.",
            "there had been gunfire all night",
        ),
        (  # the next name has a title that is not the role's
            "The country's information minister said the reporter had apologised. President "
            "Lena Varga said the matter was closed.",
            "the reporter had apologised",
        ),
    ],
)
def test_entities_role_is_not_the_next_name_when_the_text_says_otherwise(
    nlp: Language, text: str, content: str
) -> None:
    names = speaker_names(nlp, text, content)
    assert "Omar Abdi" not in names and "Lena Varga" not in names


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (  # "read" is a cue when a text is its subject, and the text speaks for its issuer
            "In Nairobi, Norvale Airways released a statement which read, in part, “We "
            "regret the decision and will appeal it.”",
            "We regret the decision and will appeal it.",
            "Norvale Airways",
        ),
        (  # "the statement" is the one issued a sentence before
            "Governor Ruth Park issued a statement on Monday night. The statement said the "
            "curfew would be lifted at dawn.",
            "the curfew would be lifted at dawn",
            "Ruth Park",
        ),
    ],
)
def test_entities_text_speaks_for_its_issuer(
    nlp: Language, text: str, content: str, speaker: str
) -> None:
    assert speaker_names(nlp, text, content) == [speaker]


def test_entities_read_is_no_cue_for_a_person(nlp: Language) -> None:
    found = result_of(nlp, "Ann Lee read the report aloud to the committee on Monday.")
    assert found["quotes"] == []


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (  # a clause that ends in a colon, with a person for subject, introduces their words
            "Governor Ruth Park quickly fired back on social media on Sunday night: “This is "
            "the worst budget our state has seen in twenty years, and everyone knows it.”",
            "This is the worst budget",
            "Ruth Park",
        ),
        (  # a bare count of people is of the group named before
            "Some of the British protesters interviewed said they had come to defend their "
            "jobs. One woman said her mind had changed and several said they wanted the "
            "politicians to listen.",
            "they wanted the politicians to listen",
            "United Kingdom Protesters",
        ),
    ],
)
def test_entities_speaker_from_the_clause_around_the_quote(
    nlp: Language, text: str, content: str, speaker: str
) -> None:
    assert speaker_names(nlp, text, content) == [speaker]


def test_entities_others_is_not_the_group_named_before(nlp: Language) -> None:
    text = (
        "Some of the British protesters interviewed said they had come to defend their jobs. "
        "Still, others suggest the march was organised by the unions."
    )
    assert speaker_names(nlp, text, "the march was organised") == [None]


def test_entities_each_coordinated_speaker_has_its_own_mention(nlp: Language) -> None:
    text = (
        "Both Mexican President Ana Ortiz and outgoing Canadian Prime Minister Paul Grant said "
        "they had made progress on the border."
    )
    result = result_of(nlp, text)
    actors = {a["id"]: a["name"] for a in result["actors"]}
    mentions = {actors[q["speaker"]]: q["speaker_mention"]["text"] for q in result["quotes"]}
    assert mentions == {"Ana Ortiz": "Ana Ortiz", "Paul Grant": "Paul Grant"}


def test_entities_show_title_after_a_plural_possessive_is_no_quote(nlp: Language) -> None:
    text = "Ann Lee stressed the point in an interview on ABC News’ “This Week” program."
    assert result_of(nlp, text)["quotes"] == []


def test_entities_next_sentence_cut_by_a_quote_is_no_attribution(nlp: Language) -> None:
    text = (
        "“Russia has missiles, so why not give us ours,” said adviser Omar Tekin. “Then we buy "
        "elsewhere, and you say we broke the rules.” Congress called “reckless” the test of the "
        "radar on Monday."
    )
    assert speaker_names(nlp, text, "Then we buy elsewhere") == ["Omar Tekin"]


@pytest.mark.parametrize(
    ("text", "contents"),
    [
        (  # the named person's own report is a quote of its own, not the end of the outer one
            "Other Democrats have broken with the governor and urged him to resign, such as "
            "former Ohio senator Paul Hendry, who denounced the governor's claims as a "
            "“national disgrace”.",
            {"him to resign", "national disgrace"},
        ),
        (  # people described by what they think stay inside what was reported
            "She said the campaign had “a real chance” with undecided voters who dislike the "
            "incumbent.",
            {"a real chance"},
        ),
    ],
)
def test_entities_report_stops_before_a_named_persons_own_report(
    nlp: Language, text: str, contents: set[str]
) -> None:
    quotes = result_of(nlp, text)["quotes"]
    assert {q["content"]["text"] for q in quotes} == contents
    if len(contents) == 1:  # the fragment keeps the whole reported clause
        assert "undecided voters who dislike the incumbent" in quotes[0]["clause"]["text"]
