"""The news_gold section of `bench/events.py`: its tuples, its classes of misses and false
tuples, its root confusion, and the section run on a tiny gold file written here.

The texts, actors and events were written for these tests (fictional places and people, or
plain sentences about real countries); nothing comes from a benchmark. The scoring itself is
the shared news_gold folder's `score.py`, so the tests that score are skipped where that
folder is absent.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.bench_helpers import load_bench

bench = load_bench("events")

S1 = "The Velmoran navy blockaded the harbour of Ostra on Monday."
S2 = "Ostran officials later thanked the Kessian envoy for her mediation."
TEXT = f"{S1} {S2}"
IN_S1 = (0, len(S1))
IN_S2 = (len(S1) + 1, len(TEXT))
ACTORS = [
    {"id": "a1", "name": "Velmoran navy", "country": "VEL"},
    {"id": "a2", "name": "Ostra", "country": "OST"},
    {"id": "a3", "name": "Ostran officials", "country": "OST"},
    {"id": "a4", "name": "Kessian envoy", "country": "KES"},
    {"id": "a5", "name": "harbour pilots", "country": None},
]


def _event(
    source: str,
    target: str | None,
    cameo: str,
    span: tuple[int, int] = IN_S1,
    *,
    mode: str = "asserted",
    negated: bool = False,
    trigger: str = "blockaded",
    date: str | None = "2031-04-07",
    with_root: bool = True,
) -> dict[str, Any]:
    event: dict[str, Any] = {
        "source": source,
        "target": target,
        "cameo": cameo,
        "evidence": {"text": TEXT[span[0] : span[1]], "start": span[0], "end": span[1]},
        "trigger": {"text": trigger, "start": span[0], "end": span[0] + len(trigger)},
        "date": date,
        "mode": mode,
        "negated": negated,
    }
    if with_root:
        event["cameo_root"] = cameo[:2]
    return event


def _result(*events: dict[str, Any]) -> dict[str, Any]:
    return {
        "article": {"id": "test-harbour", "text": TEXT},
        "actors": ACTORS,
        "events": list(events),
    }


def _gold_event(source: str, target: str, root: str, sentence: str = S1) -> dict[str, Any]:
    return {
        "source": source,
        "target": target,
        "cameo_root": root,
        "date": "2031-04-07",
        "evidence": sentence,
    }


def _gold(*events: dict[str, Any]) -> dict[str, Any]:
    return {"id": "test-harbour", "text": TEXT, "quotes": [], "events": list(events)}


@pytest.mark.parametrize(
    ("mode", "negated", "counted"),
    [
        ("asserted", False, True),
        ("announced", False, False),
        ("hypothetical", False, False),
        ("asserted", True, False),
    ],
)
def test_only_asserted_events_not_negated_make_tuples(
    mode: str, negated: bool, counted: bool
) -> None:
    tuples = bench.predicted_tuples(_result(_event("a1", "a2", "191", mode=mode, negated=negated)))
    assert (("VEL", "OST", "19") in tuples) is counted


def test_an_event_without_mode_counts_as_asserted() -> None:
    event = _event("a1", "a2", "191")
    del event["mode"]
    assert list(bench.predicted_tuples(_result(event))) == [("VEL", "OST", "19")]


def test_root_falls_back_to_the_first_two_characters_of_cameo() -> None:
    event = _event("a1", "a2", "1711", with_root=False)
    assert list(bench.predicted_tuples(_result(event))) == [("VEL", "OST", "17")]


@pytest.mark.parametrize(
    ("target", "key"),
    [
        (None, ("VEL", None, "19")),  # no target actor
        ("a5", ("VEL", None, "19")),  # a target actor without a country
        ("a3", ("VEL", "OST", "19")),  # two actors of one country give one tuple
    ],
)
def test_tuples_are_keyed_by_country(target: str | None, key: tuple) -> None:
    assert list(bench.predicted_tuples(_result(_event("a1", target, "190")))) == [key]


def test_a_tuple_keeps_its_events_in_output_order() -> None:
    first = _event("a1", "a2", "190", date="2031-04-06")
    second = _event("a1", "a3", "193", IN_S2, date="2031-04-07")
    tuples = bench.predicted_tuples(_result(first, second))
    assert tuples == {("VEL", "OST", "19"): [first, second]}


def test_gold_tuples_group_repeated_events() -> None:
    one, two = _gold_event("VEL", "OST", "19"), _gold_event("VEL", "OST", "19", S2)
    other = _gold_event("OST", "KES", "05", S2)
    assert bench.gold_tuples(_gold(one, two, other)) == {
        ("VEL", "OST", "19"): [one, two],
        ("OST", "KES", "05"): [other],
    }


def test_gold_evidence_is_located_in_the_text() -> None:
    assert bench.gold_span(TEXT, _gold_event("OST", "KES", "05", S2)) == IN_S2
    assert bench.gold_span(TEXT, _gold_event("OST", "KES", "05", "Not in the text.")) is None


@pytest.mark.parametrize(
    ("events", "label"),
    [
        ([_event("a3", "a4", "051", IN_S2)], "no predicted event in the evidence sentence"),
        ([], "no predicted event in the evidence sentence"),
        ([_event("a1", None, "190")], "right source and root, wrong or no target"),
        ([_event("a1", "a4", "190")], "right source and root, wrong or no target"),
        ([_event("a1", "a2", "171")], "right dyad, wrong root"),
        ([_event("a2", "a1", "190")], "right root, wrong actors"),
        ([_event("a1", "a2", "190", mode="announced")], "other"),
        ([_event("a1", "a2", "190", negated=True)], "other"),
        ([_event("a4", "a1", "051")], "other"),
    ],
    ids=[
        "event-in-another-sentence",
        "no-event-at-all",
        "no-target",
        "wrong-target",
        "wrong-root",
        "wrong-source",
        "announced-only",
        "negated-only",
        "unrelated-event",
    ],
)
def test_miss_classes(events: list[dict[str, Any]], label: str) -> None:
    gold = _gold_event("VEL", "OST", "19")
    got, near = bench.classify_miss(("VEL", "OST", "19"), [gold], TEXT, _result(*events))
    assert got == label
    assert near == [e for e in events if e["evidence"]["start"] == 0]


def test_miss_classes_take_the_first_that_applies() -> None:
    # One event has the right source and root, another the right dyad: the first class wins.
    result = _result(_event("a1", "a2", "171"), _event("a1", None, "190"))
    gold = _gold_event("VEL", "OST", "19")
    label, _ = bench.classify_miss(("VEL", "OST", "19"), [gold], TEXT, result)
    assert label == "right source and root, wrong or no target"


@pytest.mark.parametrize(
    ("key", "event", "golds", "label"),
    [
        (("VEL", None, "19"), _event("a1", None, "190"), [], "no target"),
        (
            ("VEL", None, "19"),
            _event("a1", None, "190"),
            [_gold_event("VEL", "OST", "19")],
            "no target",
        ),
        (
            ("OST", "KES", "05"),
            _event("a3", "a4", "051", IN_S2),
            [_gold_event("VEL", "OST", "19")],
            "target but no gold event in its sentence",
        ),
        (
            ("OST", "VEL", "19"),
            _event("a2", "a1", "190"),
            [_gold_event("VEL", "OST", "19")],
            "other",
        ),
    ],
    ids=["no-target", "no-target-beside-a-gold-event", "gold-elsewhere", "gold-in-sentence"],
)
def test_false_tuple_classes(
    key: tuple, event: dict[str, Any], golds: list[dict[str, Any]], label: str
) -> None:
    got, near = bench.classify_false(key, [event], _gold(*golds))
    assert got == label
    assert near == [g for g in golds if g["evidence"] == event["evidence"]["text"]]


def test_root_confusion_counts_gold_tuples_whose_dyad_is_predicted() -> None:
    gold = [("VEL", "OST", "19"), ("OST", "KES", "05"), ("KES", "VEL", "04"), ("OST", "VEL", "11")]
    pred = [("VEL", "OST", "19"), ("VEL", "OST", "17"), ("OST", "KES", "04"), ("OST", "KES", "12")]
    assert bench.root_confusion(gold, pred) == {
        ("19", "19"): 1,  # found: once, on the diagonal, whatever else the dyad has
        ("05", "04"): 1,  # missed: once per root predicted for its dyad
        ("05", "12"): 1,
    }


def test_describe_names_trigger_mode_and_actors() -> None:
    actors = {a["id"]: a for a in ACTORS}
    event = _event("a3", None, "051", IN_S2, mode="announced", trigger="thanked")
    assert (
        bench.describe(event, actors)
        == "'thanked' announced Ostran officials -> (none) (OST->? 05)"
    )


def test_trim_keeps_short_text_and_cuts_long_text() -> None:
    assert bench._trim("Ostra  reopened\nits harbour.") == "Ostra reopened its harbour."
    cut = bench._trim("word " * 60)
    assert len(cut) == 160 and cut.endswith("\u2026")


def test_tally_counts_agree_with_the_scorer() -> None:
    scorer = bench.load_scorer()
    if scorer is None:
        pytest.skip(f"{bench.NEWS_GOLD} is not there")
    gold = _gold(
        _gold_event("VEL", "OST", "19"),
        _gold_event("OST", "KES", "05", S2),
        _gold_event("OST", "VEL", "11", S2),
    )
    result = _result(
        _event("a1", "a2", "190"),
        _event("a1", "a3", "193", mode="announced"),
        _event("a3", "a4", "043", IN_S2, trigger="thanked"),
        _event("a5", None, "010", IN_S2, trigger="for"),
    )
    counts, confusion, examples = bench.tally_news_gold(
        {"test-harbour": gold}, {"test-harbour": result}
    )
    events = scorer.score({"test-harbour": gold}, {"test-harbour": result})["counts"]["events"]
    assert (counts["match"], counts["pred"], counts["gold"]) == (1, 3, 3)
    assert (events["match"], events["pred"], events["gold"]) == (1, 3, 3)
    assert (counts["dyad_match"], counts["dyad_pred"], counts["dyad_gold"]) == (2, 3, 3)
    assert counts["miss:right dyad, wrong root"] == 1
    assert counts["miss:no predicted event in the evidence sentence"] == 0
    assert counts["miss:other"] == 1  # OST->VEL 11: only unrelated events in its sentence
    assert counts["false:no target"] == 1
    assert counts["false:other"] == 1
    assert confusion == {("19", "19"): 1, ("05", "04"): 1}
    assert examples["miss:right dyad, wrong root"] == [
        f"test-harbour: OST->KES 05 | gold \"{S2}\" | ours: 'thanked' asserted Ostran "
        "officials -> Kessian envoy (OST->KES 04); 'for' asserted harbour pilots -> (none) (?->? 01)"
    ]


# The section on a gold file of two short articles about real countries, written for this test.
BORDER = "Chile condemned Peru on Monday over the closure of a border crossing."
MEETING = "Chilean Foreign Minister Marta Olivares met Bolivian officials in Santiago on Tuesday."
STEEL = (
    "Argentina accused Brazil of dumping steel, the trade ministry in Buenos Aires said on Friday."
)
ARTICLES = [
    (
        "test-border",
        f"{BORDER}\n\n{MEETING}",
        [
            ("CHL", "PER", "11", "2024-03-04", BORDER),
            ("CHL", "BOL", "04", "2024-03-04", MEETING),
        ],
    ),
    (
        "test-steel",
        f"{STEEL}\n\nThe weather in the capital stayed mild all week.",
        [("ARG", "BRA", "12", "2024-03-01", STEEL)],
    ),
]


def _gold_file(path: Path) -> Path:
    lines = []
    for article_id, text, events in ARTICLES:
        record = {
            "id": article_id,
            "title": "Test",
            "text": text,
            "published": "2024-03-06",
            "quotes": [],
            "events": [
                dict(source=s, target=t, cameo_root=r, date=d, evidence=e)
                for s, t, r, d, e in events
            ],
        }
        lines.append(json.dumps(record) + "\n")
    path.write_text("".join(lines), encoding="utf-8")
    return path


def test_section_prints_the_scorer_figures_and_classes(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    if bench.load_scorer() is None:
        pytest.skip(f"{bench.NEWS_GOLD} is not there")
    scores = bench.news_gold_section(gold=_gold_file(tmp_path / "gold.jsonl"), show=2)
    assert scores is not None
    out = capsys.readouterr().out
    # Predicted: CHL->PER 11 (Monday), CHL->BOL 04 (Tuesday; "A met B" is A->B), ARG->BRA 11.
    counts = scores["counts"]["events"]
    assert (counts["match"], counts["pred"], counts["gold"]) == (2, 3, 3)
    assert "### news_gold gold.jsonl (2 articles, 3 gold events in 3 tuples;" in out
    # The scorer takes F1 of its rounded P and R: 2 * 0.667 * 0.667 / 1.334 = 0.667.
    assert (
        "| event tuples (source, target, root) | 0.667 | 0.667 | 0.667 |  | match 2, pred 3, gold 3 |"
        in out
    )
    assert "| dyads (source, target) |  |  | 1.000 |  | match 3, pred 3, gold 3 |" in out
    assert "| event date right on matched events |  |  |  | 0.500 | 1/2 |" in out
    assert "| right dyad, wrong root | 1 |" in out
    assert "| other | 1 |" in out  # ARG->BRA 11, beside a gold event
    assert "| 12 | . | 1 |" in out  # the confusion row of gold root 12, columns 04 and 11
    assert "miss: right dyad, wrong root (1)" in out
    assert '  miss test-steel: ARG->BRA 12 | gold "Argentina accused Brazil' in out
    assert "false: other (1)" in out


def test_missing_folder_is_skipped_with_a_message(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    assert bench.news_gold_section(tmp_path / "news_gold") is None
    assert "skipped: " in capsys.readouterr().out


def test_missing_gold_file_is_skipped_with_a_message(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    if bench.load_scorer() is None:
        pytest.skip(f"{bench.NEWS_GOLD} is not there")
    assert bench.news_gold_section(gold=tmp_path / "absent.jsonl") is None
    out = capsys.readouterr().out  # the path is shown relative to the checkout when it can be
    assert "skipped: " in out and "absent.jsonl not found" in out
