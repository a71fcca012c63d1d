"""Scoring against gold data: the matching rules shared by tests and `bench/`.

A predicted quote matches a gold quote when their contents overlap by at least
half of the words both ways (the rule the issues and the field's papers use), or
exactly when `exact=True`.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

_WORD = re.compile(r"\w+", re.UNICODE)


def words(text: str) -> Counter[str]:
    return Counter(w.lower() for w in _WORD.findall(text))


def overlap_match(predicted: str, gold: str, *, share: float = 0.5) -> bool:
    """True when each side has at least `share` of its words in the other."""
    p, g = words(predicted), words(gold)
    if not p or not g:
        return False
    common = sum((p & g).values())
    return common >= share * sum(p.values()) and common >= share * sum(g.values())


def same_speaker(predicted_name: str | None, gold_name: str | None) -> bool:
    """Names agree when one's words include the other's last word ("Miller" ~ "Matthew Miller")
    or, for organisations, when they share their content words ("Armenian Foreign Ministry" ~
    "Armenia Foreign Ministry")."""
    if not predicted_name or not gold_name:
        return False
    p = [w.lower() for w in _WORD.findall(predicted_name)]
    g = [w.lower() for w in _WORD.findall(gold_name)]
    if not p or not g:
        return False
    if g[-1] in p or p[-1] in g:
        return True
    stems = {w[:5] for w in p}
    return sum(w[:5] in stems for w in g) >= max(2, len(g) - 1)


@dataclass(frozen=True, slots=True)
class SeedScore:
    quotes_gold: int
    quotes_found: int
    speakers_right: int
    events_gold: int
    events_found: int
    events_dated: int


def score_seed(result: dict[str, Any], gold: dict[str, Any]) -> SeedScore:
    """The seed figures of issue 2 for one output object against `seed-gold.json`."""
    actors = {a["id"]: a for a in result["actors"]}
    found = right = 0
    for gold_quote in gold["quotes"]:
        matches = [
            q
            for q in result["quotes"]
            if overlap_match(q["content"]["text"], gold_quote["content"])
        ]
        if not matches:
            continue
        found += 1
        names = [actors.get(q["speaker"], {}).get("name") for q in matches]
        if any(same_speaker(n, gold_quote["speaker"]) for n in names):
            right += 1
    triples = _event_triples(result, actors)
    ev_found = ev_dated = 0
    for gold_event in gold["events"]:
        key = (gold_event["source"], gold_event["target"], gold_event["cameo_root"])
        dates = triples.get(key)
        if dates is None:
            continue
        ev_found += 1
        ev_dated += gold_event["date"] in dates
    return SeedScore(len(gold["quotes"]), found, right, len(gold["events"]), ev_found, ev_dated)


def _event_triples(
    result: dict[str, Any], actors: dict[str, Any]
) -> dict[tuple[str, str, str], set[str]]:
    triples: dict[tuple[str, str, str], set[str]] = {}
    for event in result["events"]:
        if event["mode"] != "asserted" or event["negated"]:
            continue
        source = actors.get(event["source"], {}).get("country")
        target = actors.get(event["target"], {}).get("country")
        if source and target:
            triples.setdefault((source, target, event["cameo_root"]), set()).add(event["date"])
    return triples


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def best_match(predicted: str, golds: Sequence[str]) -> int | None:
    for i, gold in enumerate(golds):
        if overlap_match(predicted, gold):
            return i
    return None


def overlap_share(predicted: str, gold: str) -> float:
    """The smaller of the two shares of words each side has in the other (0 when either side
    has no words); `overlap_match(p, g)` is `overlap_share(p, g) >= 0.5`."""
    p, g = words(predicted), words(gold)
    if not p or not g:
        return 0.0
    common = sum((p & g).values())
    return min(common / sum(p.values()), common / sum(g.values()))


def exact_match(predicted: str, gold: str) -> bool:
    """The same words in the same order (punctuation, quotation marks and spaces aside)."""
    p = [w.lower() for w in _WORD.findall(predicted)]
    return bool(p) and p == [w.lower() for w in _WORD.findall(gold)]
