"""Who acts when the subject is not the doer, and how a sentence's acts rank (issue 4).

Every sentence here was written for these tests; none comes from a benchmark.
"""

from __future__ import annotations

import pytest
from event_helpers import ranked_events, result_of
from spacy.language import Language

from communique.events.ontology import code_info


def _ranked(nlp: Language, text: str) -> list[tuple[str | None, str, str | None]]:
    """(source country, CAMEO code, target country), most confident first."""
    return [
        (e["source_country"], e["cameo"], e["target_country"])
        for e in ranked_events(result_of(nlp, text))
    ]


@pytest.mark.parametrize(
    ("text", "source", "root"),
    [
        ("The Kenyan government is opposed to any foreign mediation.", "KEN", "12"),
        ("Chile is committed to closer trade with Peru.", "CHL", "03"),
    ],
)
def test_events_voice_stative_passive_subject_is_the_source(
    nlp: Language, text: str, source: str, root: str
) -> None:
    top = _ranked(nlp, text)[0]
    assert (top[0], top[1][:2]) == (source, root)


@pytest.mark.parametrize(
    ("text", "source", "root"),
    [
        ("Four policemen were killed in a bomb attack in Mosul on Friday.", "IRQ", "18"),
        ("A car bomb killed two soldiers near Kandahar.", "AFG", "18"),
        ("A journalist was arrested in Egypt on Monday.", "EGY", "17"),
    ],
)
def test_events_voice_unattributed_force_has_an_unidentified_source_of_the_place(
    nlp: Language, text: str, source: str, root: str
) -> None:
    top = _ranked(nlp, text)[0]
    assert (top[0], top[1][:2]) == (source, root)


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [("Kenya received military aid from Britain last year.", "GBR", "KEN")],
)
def test_events_voice_receiving_from_makes_the_giver_the_source(
    nlp: Language, text: str, source: str, target: str
) -> None:
    top = _ranked(nlp, text)[0]
    assert (top[0], top[1][:2], top[2]) == (source, "07", target)


@pytest.mark.parametrize(
    ("text", "plover"),
    [
        ("Brazilian workers began a hunger strike to demand the release of their leader.",
         "PROTEST"),
        ("The Peruvian president promised to democratise the country.", "AGREE"),
    ],
)  # fmt: skip
def test_events_settle_main_act_ranks_before_its_purpose(
    nlp: Language, text: str, plover: str
) -> None:
    assert code_info(_ranked(nlp, text)[0][1]).plover == plover


def test_events_coder_visit_gives_the_hosting(nlp: Language) -> None:
    # a visit is hosted; a meeting is the subject's act only ("A met B": A -> B)
    assert ("CHL", "043", "PER") in _ranked(
        nlp, "The Peruvian foreign minister visited Chile on Monday."
    )
    met = _ranked(nlp, "The Indian prime minister met the president of Nepal in Delhi.")
    assert ("IND", "040", "NPL") in met and ("NPL", "040", "IND") not in met


@pytest.mark.parametrize(
    ("text", "plover"),
    [
        ("Ghana and Togo reached an agreement on the border.", "AGREE"),
        ("Ghana signed a trade agreement with Nigeria.", "SUPPORT"),
    ],
)
def test_events_ontology_reaching_agreement_is_agree_and_signing_is_support(
    nlp: Language, text: str, plover: str
) -> None:
    assert code_info(_ranked(nlp, text)[0][1]).plover == plover
