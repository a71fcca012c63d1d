"""Quotes: direct, indirect and mixed, with cue and speaker. Sentences written for the tests."""

from __future__ import annotations

import json
import pickle
import re
from pathlib import Path

import pytest
import spacy
from spacy.language import Language

import communique.quotes  # noqa: F401  (registers the communique_quotes factory)
from communique import nlp as nlp_module
from communique.quotes import QuoteFinding, find_quotes, findings_from_doc
from communique.quotes.marks import find_regions

SEED = Path(__file__).parents[2] / "shared" / "seed" / "seed-gold.json"


def quotes(nlp: Language, text: str) -> list[QuoteFinding]:
    return find_quotes(nlp(text))


def summary(q: QuoteFinding) -> tuple[str, str, str | None, str | None]:
    return (
        q.kind,
        q.content.text,
        q.speaker_mention.text if q.speaker_mention else None,
        q.speaker_ref.text if q.speaker_ref else None,
    )


@pytest.mark.parametrize(
    "text,content,mention,ref",
    [
        (
            "“We will rebuild the bridge by spring,” Lena Morrow said on Monday.",
            "We will rebuild the bridge by spring,",
            "Lena Morrow",
            "Lena Morrow",
        ),
    ],
)
def test_quotes_cue_after_direct_quote(nlp, text, content, mention, ref):
    assert [summary(q) for q in quotes(nlp, text)] == [("direct", content, mention, ref)]


@pytest.mark.parametrize(
    "text,content,mention,ref",
    [
        (
            "Tomas Reyes, the mayor of Valdivia, spoke to reporters. He said: “The water supply is "
            "safe.”",
            "The water supply is safe.",
            "He",
            "Tomas Reyes",
        ),
        (
            "From the ministry: “The border crossing will reopen on Friday.”",
            "The border crossing will reopen on Friday.",
            "the ministry",
            None,
        ),
    ],
)
def test_quotes_cue_before_direct_quote(nlp, text, content, mention, ref):
    assert [summary(q) for q in quotes(nlp, text)] == [("direct", content, mention, ref)]


@pytest.mark.parametrize(
    "text",
    [
        "Ada Lindqvist chaired the meeting. “The talks were useful,” she said, “but much work "
        "remains.”",
    ],
)
def test_quotes_cue_inside_two_contents_one_speaker(nlp, text):
    found = quotes(nlp, text)
    assert [q.content.text for q in found] == ["The talks were useful,", "but much work remains."]
    assert {q.speaker_mention.text for q in found} == {"she"}
    assert {q.speaker_ref.text for q in found} == {"Ada Lindqvist"}


@pytest.mark.parametrize(
    "text,ref",
    [
        (
            "“Nothing has been decided yet,” said Omar Haddad, the Jordanian trade minister.",
            "Omar Haddad",
        ),
        ("“Our farmers need rain, not promises.”\n—Priya Nandakumar", "Priya Nandakumar"),
    ],
)
def test_quotes_inverted_and_dash_attribution(nlp, text, ref):
    found = quotes(nlp, text)
    assert len(found) == 1 and found[0].kind == "direct"
    assert found[0].speaker_ref.text == ref


@pytest.mark.parametrize(
    "text,second,ref",
    [
        (
            "“The ceasefire is holding,” Karim Vossberg said.\n\n“We expect the monitors to arrive "
            "next week.”",
            "We expect the monitors to arrive next week.",
            "Karim Vossberg",
        ),
        (
            "Greta Halvorsen spoke in Oslo. “Prices will fall,” Halvorsen warned. “Then wages will "
            "follow.”",
            "Then wages will follow.",
            "Greta Halvorsen",
        ),
    ],
)
def test_quotes_no_cue_continues_previous_speaker(nlp, text, second, ref):
    found = quotes(nlp, text)
    assert [q.content.text for q in found][1] == second
    assert [q.speaker_ref.text for q in found] == [ref, ref]
    assert found[1].cue is None and found[1].confidence < found[0].confidence


@pytest.mark.parametrize(
    "text",
    [
        "“The first part of the plan is already in place,\n\n“and the second part will follow in "
        "June,” Ilse Brandt said.",
    ],
)
def test_quotes_multi_paragraph_quote_is_one_quote(nlp, text):
    found = quotes(nlp, text)
    assert len(found) == 1
    assert found[0].content.text.startswith("The first part")
    assert found[0].content.text.endswith("in June,")
    assert found[0].speaker_ref.text == "Ilse Brandt"


@pytest.mark.parametrize(
    "text",
    [
        "“This sentence never closes, Dario Ferri said. Then the article goes on.\n\nMore text.",
        'He said ” oddly and “ then ‘ and ’ and " again',
        "“",
        "",
    ],
)
def test_quotes_unbalanced_marks_do_not_crash(nlp, text):
    found = quotes(nlp, text)
    assert all(0 <= q.content.start <= q.content.end <= len(text) for q in found)


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Aliyev’s remarks and the parents’ rights were discussed.", []),
        ("They called the plan ‘a trap’ on Monday.", ["a trap"]),
    ],
)
def test_quotes_single_quotes_only_when_clearly_quotes(text, expected):
    assert [text[r.start : r.end] for r in find_regions(text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "“We are hopeful,” Nadia Coleman said. “As Secretary Vance said, peace is possible.”",
    ],
)
def test_quotes_nested_quote_stays_inside(nlp, text):
    found = quotes(nlp, text)
    assert len(found) == 2
    assert found[1].content.text.startswith("As Secretary Vance said")
    assert {q.speaker_ref.text for q in found} == {"Nadia Coleman"}


@pytest.mark.parametrize(
    "text,content,cue,ref",
    [
        (
            "Mexico’s foreign minister Rosa Ibarra said that the agreement would be signed in June.",
            "the agreement would be signed in June",
            "said",
            "Rosa Ibarra",
        ),
        (
            "Ibarra warned that sanctions would follow if the deadline passed.",
            "sanctions would follow if the deadline passed",
            "warned",
            "Ibarra",
        ),
        (
            "Prime Minister Anton Weiss wondered whether the vote could be held before winter.",
            "whether the vote could be held before winter",
            "wondered",
            "Anton Weiss",
        ),
        (
            "According to Canada’s finance ministry, exports rose by four percent in March.",
            "exports rose by four percent in March",
            "According to",
            "Canada’s finance ministry",
        ),
        (
            "Exports rose by four percent in March, according to Canada’s finance ministry.",
            "Exports rose by four percent in March",
            "according to",
            "Canada’s finance ministry",
        ),
        (
            "Peru pushed back on the report, with the Peruvian foreign ministry saying that the "
            "figures were wrong.",
            "the figures were wrong",
            "saying",
            "Peruvian foreign ministry",
        ),
        (
            "Sir Edwin Marsh, who replaced Ruth Kane in July, said the navy would buy four new ships.",
            "the navy would buy four new ships",
            "said",
            "Edwin Marsh",
        ),
    ],
)
def test_quotes_indirect_speech(nlp, text, content, cue, ref):
    found = quotes(nlp, text)
    assert [(q.kind, q.content.text, q.cue.text, q.speaker_ref.text) for q in found] == [
        ("indirect", content, cue, ref)
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Colombia urged Ecuador to act “more decisively against smugglers,” according to Colombian "
        "spokesperson Ines Duarte, who also said that the raids “sent a clear message” to the "
        "cartels.",
    ],
)
def test_quotes_mixed_fragments_in_reported_speech(nlp, text):
    found = quotes(nlp, text)
    assert [(q.kind, q.content.text) for q in found] == [
        ("mixed", "more decisively against smugglers,"),
        ("mixed", "sent a clear message"),
    ]
    assert {q.speaker_ref.text for q in found} == {"Ines Duarte"}


@pytest.mark.parametrize(
    "text",
    [
        "The company welcomed the ‘amnesty’ offer and Greece’s “new” plan.",
        "The ‘amnesty’ offer and Greece’s “new” plan were on the table.",
    ],
)
def test_quotes_scare_quotes_are_not_quotes(nlp, text):
    # "welcomed the offer" is reported (an indirect quote); the scare-quoted words are no quote
    assert [q for q in quotes(nlp, text) if q.kind != "indirect"] == []


@pytest.mark.parametrize(
    "text,mention,ref",
    [
        (
            "Chile’s president Marco Silva met farmers on Tuesday. The president said the drought aid "
            "would double.",
            "The president",
            "Marco Silva",
        ),
        (
            "Joan Whitaker visited the port on Monday. She said the cranes were too old.",
            "She",
            "Joan Whitaker",
        ),
    ],
)
def test_quotes_pronoun_and_title_resolve_to_previous_person(nlp, text, mention, ref):
    found = quotes(nlp, text)
    assert [(q.speaker_mention.text, q.speaker_ref.text) for q in found] == [(mention, ref)]


@pytest.mark.parametrize(
    "text,mention,ref",
    [
        (
            "“We believe the deal is fair,” said a statement issued by Kenya’s foreign ministry.",
            "a statement issued by Kenya’s foreign ministry",
            "Kenya’s foreign ministry",
        ),
    ],
)
def test_quotes_statement_speaker_resolves_to_organisation(nlp, text, mention, ref):
    found = quotes(nlp, text)
    assert [(q.speaker_mention.text, q.speaker_ref.text) for q in found] == [(mention, ref)]


@pytest.mark.parametrize(
    "text",
    [
        "A senior official said the army would withdraw within days.",
        "Sources said the talks had collapsed.",
    ],
)
def test_quotes_anonymous_sources(nlp, text):
    found = quotes(nlp, text)
    assert len(found) == 1 and found[0].anonymous and found[0].speaker_ref is None


@pytest.mark.parametrize(
    "text,content,mention",
    [
        (
            "Minister: talks with Uganda will go on\n\nThe minister spoke in Kampala on Sunday.",
            "talks with Uganda will go on",
            "Minister",
        ),
    ],
)
def test_quotes_headline_colon_speaker(nlp, text, content, mention):
    found = quotes(nlp, text)
    assert [(q.kind, q.content.text, q.speaker_mention.text) for q in found] == [
        ("indirect", content, mention)
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Rain fell on Monday. “Prices will fall,” Lena Morrow said in Lima. Markets closed early.",
    ],
)
def test_quotes_evidence_covers_content_cue_and_speaker(nlp, text):
    (found,) = quotes(nlp, text)
    assert found.evidence.contains(found.content)
    assert found.evidence.contains(found.speaker_mention) and found.evidence.contains(found.cue)
    assert "Markets" not in found.evidence.text and "Rain" not in found.evidence.text
    assert text[found.evidence.start : found.evidence.end] == found.evidence.text


@pytest.mark.parametrize(
    "named,pronoun",
    [
        (
            "“Prices will fall,” Lena Morrow said.",
            "Lena Morrow arrived. “Prices will fall,” she said.",
        ),
    ],
)
def test_quotes_confidence_higher_for_named_direct(nlp, named, pronoun):
    (a,) = quotes(nlp, named)
    (b,) = quotes(nlp, pronoun)
    assert 0 <= b.confidence < a.confidence <= 1


@pytest.mark.parametrize(
    "texts",
    [
        ["“Prices will fall,” Lena Morrow said.", "Sources said the talks had collapsed."],
    ],
)
def test_quotes_component_sets_serialisable_dicts(nlp, texts):
    pipe = spacy.load(nlp_module.model_name())  # its own copy: the session pipeline stays as is
    pipe.add_pipe("communique_quotes")
    assert "communique_quotes" in pipe.pipe_names
    for text, doc in zip(texts, pipe.pipe(texts, n_process=2), strict=True):
        stored = doc._.quotes
        assert stored == pickle.loads(pickle.dumps(stored))
        assert findings_from_doc(doc) == find_quotes(nlp(text))


def test_quotes_seed_article_all_gold_quotes_with_speakers(nlp):
    if not SEED.exists():
        pytest.skip("shared seed article not present")
    gold = json.loads(SEED.read_text(encoding="utf-8"))
    found = find_quotes(nlp(gold["text"]))
    hits = sum(1 for g in gold["quotes"] if any(_seed_match(g, q) for q in found))
    assert hits == len(gold["quotes"]) == 11


def _seed_match(gold: dict, q: QuoteFinding) -> bool:
    g_words = set(re.findall(r"\w+", gold["content"]))
    q_words = set(re.findall(r"\w+", q.content.text))
    both = len(g_words & q_words)
    if both < 0.5 * len(g_words) or both < 0.5 * len(q_words) or q.speaker_ref is None:
        return False
    speaker = gold["speaker"]
    ref = q.speaker_ref.text.lower()
    if "Ministry" in speaker:
        return "ministry" in ref and speaker.split()[0][:6].lower() in ref
    return speaker.split()[-1].lower() in ref
