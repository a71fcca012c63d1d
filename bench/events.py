"""Event-coding accuracy and speed of communique on three gold sets; prints Markdown tables.

- `plover_gsr_cameo` (322 CAMEO-manual sentences, one gold event each): PLOVER type
  accuracy and source/target country accuracy, for the sentence's top event (highest
  confidence, then text order) and for any of its events; a confusion matrix of types.
- `petrarch2_unittests` (PETRARCH-2's synthetic sentences, its own fictional actors
  loaded through `communique.actors.petrarch`): the share of expected (source, target)
  codings found, by full actor code and by country; event codes are partly test-only
  and are not scored, except for a root confusion table on the real CAMEO codes. Scored
  twice: with communique's verb patterns, and with the suite's own verb file merged in
  (`communique.events.petrarch`), as PETRARCH runs it.
- the seed article (`seed-gold.json`): (source country, target country, CAMEO root)
  precision/recall/F1 over asserted events, dyad F1, and dates of the gold events found.

Reads `../shared/` at run time; nothing from it is copied into the project.

    python bench/events.py [--show 10] [--suite-verbs] [--limit N]
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from communique import nlp as nlp_module
from communique.actors.dictionary import ActorDictionary
from communique.actors.petrarch import NULL_CODES, load_petrarch
from communique.events.ontology import VerbPattern, load_ontology
from communique.events.petrarch import load_petrarch_verbs
from communique.model import Article
from communique.pipeline import analyse
from communique.scoring import prf, score_seed

SHARED = Path(__file__).resolve().parents[2] / "shared"
GSR = SHARED / "benchmarks" / "plover_gsr_cameo" / "plover_gsr_cameo.normalized.jsonl"
PETR = SHARED / "benchmarks" / "petrarch2_unittests"
SEED = SHARED / "seed" / "seed-gold.json"
# Old CAMEO country codes in the CAMEO manual's examples, and their ISO 3166-1 alpha-3 codes.
LEGACY_CODES = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}
Row = dict[str, Any]
Patterns = dict[str, tuple[VerbPattern, ...]]


def run(
    articles: Sequence[Article],
    *,
    dictionary: ActorDictionary | None = None,
    patterns: Patterns | None = None,
) -> list[Row]:
    """Output objects for `articles`, through the same `analyse` as `communique extract`."""
    nlp = nlp_module.load()
    docs = nlp.pipe([a.text for a in articles])
    return [
        analyse(a, doc, dictionary=dictionary, patterns=patterns).to_dict()
        for a, doc in zip(articles, docs, strict=True)
    ]


def _actors(result: Row) -> dict[str, Row]:
    return {a["id"]: a for a in result["actors"]}


def _ranked(result: Row) -> list[Row]:
    """Events, most confident first; asserted before announced, then text order."""
    events = list(result["events"])
    return sorted(events, key=lambda e: (-e["confidence"], e["mode"] != "asserted"))


def _country(code: str | None) -> str | None:
    if not code:
        return None
    return LEGACY_CODES.get(code[:3], code[:3])


def score_gsr(records: list[Row], results: list[Row], show: int) -> tuple[dict, Counter]:
    counts: Counter[str] = Counter()
    confusion: Counter[tuple[str, str]] = Counter()
    misses: list[str] = []
    for record, result in zip(records, results, strict=True):
        actors = _actors(result)
        gold_type = record["event_plover2023"]
        sources = {_country(a["code"]) for a in record["actor"]}
        recipients = record["recipient"] if isinstance(record["recipient"], list) else []
        targets = {_country(a["code"]) for a in recipients}
        events = _ranked(result)
        counts["n"] += 1
        counts["with_target"] += bool(targets)
        if not events:
            confusion[(gold_type, "(none)")] += 1
            misses.append(f"{record['id']}: no event | {record['text'][:110]}")
            continue
        counts["any_event"] += 1
        top = events[0]
        confusion[(gold_type, top["plover"])] += 1
        src = actors.get(top["source"], {}).get("country")
        tgt = actors.get(top["target"], {}).get("country") if top["target"] else None
        counts["type_top"] += top["plover"] == gold_type
        counts["type_any"] += any(e["plover"] == gold_type for e in events)
        counts["source_top"] += src in sources
        counts["source_any"] += any(
            actors.get(e["source"], {}).get("country") in sources for e in events
        )
        if targets:
            counts["target_top"] += tgt in targets
        if top["plover"] != gold_type or src not in sources:
            misses.append(
                f"{record['id']}: gold {gold_type} {sorted(map(str, sources))}; got "
                f"{top['plover']} {top['cameo']} {src}->{tgt} '{top['trigger']['text']}' | "
                f"{record['text'][:110]}"
            )
    for line in misses[:show]:
        print("  miss", line)
    return dict(counts), confusion


def petr_records() -> list[Row]:
    rows = [json.loads(line) for line in (PETR / "petr_unittest_records.jsonl").open()]
    return [r for r in rows if not r.get("expected_error")]


def _scorable(coding: Row) -> bool:
    """Codings with a null or placeholder actor ("---GOV", "###", "XYZ") cannot be scored."""
    ends = (coding["source"], coding["target"])
    return all(end and end[:3] not in NULL_CODES and end[:3] != "XYZ" for end in ends)


def _petr_article(record: Row) -> Article:
    day = record["date"]
    published = f"{day[:4]}-{day[4:6]}-{day[6:]}"
    return Article(id=record["id"], text=record["text"], published=published)


def score_petrarch(records: list[Row], results: list[Row], show: int) -> tuple[dict, Counter]:
    counts: Counter[str] = Counter()
    roots: Counter[tuple[str, str]] = Counter()
    ontology = load_ontology()
    misses: list[str] = []
    for record, result in zip(records, results, strict=True):
        actors = _actors(result)
        pairs = {}
        for event in result["events"]:
            source = actors.get(event["source"], {}).get("code") or ""
            target = actors.get(event["target"], {}).get("code") or "" if event["target"] else ""
            pairs.setdefault((source, target), event["cameo_root"])
        countries = {(s[:3], t[:3]): root for (s, t), root in pairs.items()}
        if record["expects_no_events"]:
            counts["no_event_records"] += 1
            counts["no_event_right"] += not result["events"]
        for coding in filter(_scorable, record["expected_events"]):
            counts["codings"] += 1
            exact = (coding["source"], coding["target"]) in pairs
            country = (coding["source"][:3], coding["target"][:3]) in countries
            counts["exact"] += exact
            counts["country"] += country
            if coding["event"] in ontology:  # the verb is real CAMEO, not a test-only code
                counts["real_codings"] += 1
                counts["real_country"] += country
            gold_root = coding["event"][:2]
            if country and coding["event"] in ontology:
                roots[(gold_root, countries[(coding["source"][:3], coding["target"][:3])])] += 1
            if not country:
                got = sorted(f"{s}->{t}" for s, t in pairs)
                misses.append(
                    f"{record['id']}: want {coding['source']}->{coding['target']}, "
                    f"got {got} | {record['text'][:100]}"
                )
    for line in misses[:show]:
        print("  miss", line)
    return dict(counts), roots


def score_seed_article(show: int) -> dict[str, Any]:
    gold = json.loads(SEED.read_text(encoding="utf-8"))
    article = Article(
        id=gold["id"], text=gold["text"], title=gold["title"], published=gold["published"]
    )
    result = run([article])[0]
    actors = _actors(result)
    asserted = [e for e in result["events"] if e["mode"] == "asserted" and not e["negated"]]
    predicted = set()
    for event in asserted:
        source = actors.get(event["source"], {}).get("country")
        target = actors.get(event["target"], {}).get("country") if event["target"] else None
        predicted.add((source, target, event["cameo_root"]))
    golden = {(e["source"], e["target"], e["cameo_root"]) for e in gold["events"]}
    dyads_p = {(s, t) for s, t, _ in predicted}
    dyads_g = {(s, t) for s, t, _ in golden}
    score = score_seed(result, gold)
    for triple in sorted(golden - predicted)[:show]:
        print("  seed miss", triple)
    return {
        "triples": prf(len(predicted & golden), len(predicted), len(golden)),
        "dyads": prf(len(dyads_p & dyads_g), len(dyads_p), len(dyads_g)),
        "found": (score.events_found, score.events_gold, score.events_dated),
        "quotes": (score.quotes_found, score.quotes_gold, score.speakers_right),
        "events": len(result["events"]),
        "asserted": len(asserted),
    }


def _table(header: Sequence[str], rows: Iterable[Sequence[object]]) -> None:
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    for row in rows:
        print("| " + " | ".join(str(cell) for cell in row) + " |")
    print()


def _share(part: int, whole: int) -> str:
    return f"{part / whole:.3f} ({part}/{whole})" if whole else "-"


def _confusion(title: str, cells: Counter[tuple[str, str]]) -> None:
    golds = sorted({g for g, _ in cells})
    preds = sorted({p for _, p in cells})
    print(f"{title} (rows gold, columns predicted)\n")
    _table(["gold \\ got", *preds], ([g, *(cells[(g, p)] or "." for p in preds)] for g in golds))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--show", type=int, default=0, help="print N failing cases per set")
    parser.add_argument(
        "--suite-verbs",
        action="store_true",
        help="show the PETRARCH misses of the run with the suite's verb file",
    )
    parser.add_argument("--limit", type=int, default=0, help="only the first N records per set")
    args = parser.parse_args()
    # Warm up: the gazetteer and the phrase matchers load once, outside the timings.
    warm = "Chile welcomed talks with Peru in Lima."
    run([Article(id="warm", text=warm, published="2000-01-01")])

    gsr = [json.loads(line) for line in GSR.open(encoding="utf-8")]
    gsr = gsr[: args.limit or None]
    started = time.perf_counter()
    gsr_results = run([Article(id=r["id"], text=r["text"], published="2000-01-01") for r in gsr])
    gsr_seconds = time.perf_counter() - started
    g, type_confusion = score_gsr(gsr, gsr_results, args.show)

    petr = petr_records()[: args.limit or None]
    dictionary = load_petrarch(PETR / "PETR.Validate.actors.txt", PETR / "PETR.Validate.agents.txt")
    petr_articles = [_petr_article(r) for r in petr]
    started = time.perf_counter()
    petr_results = run(petr_articles, dictionary=dictionary)
    petr_seconds = time.perf_counter() - started
    p, root_confusion = score_petrarch(petr, petr_results, 0 if args.suite_verbs else args.show)
    # The suite's own verb file, as PETRARCH runs it: which roles come out once the verb
    # is known (its codes outside CAMEO are dropped by the loader).
    suite_verbs = load_petrarch_verbs(PETR / "PETR.Validate.verbs.txt")
    with_verbs = run(petr_articles, dictionary=dictionary, patterns=suite_verbs)
    pv, _ = score_petrarch(petr, with_verbs, args.show if args.suite_verbs else 0)
    seed = score_seed_article(args.show)

    print(f"### plover_gsr_cameo ({g['n']} sentences; one gold event each)\n")
    _table(
        ["measure", "top event", "any event"],
        [
            ["sentences with an event", _share(g.get("any_event", 0), g["n"]), ""],
            ["PLOVER type", _share(g.get("type_top", 0), g["n"]),
             _share(g.get("type_any", 0), g["n"])],
            ["source country", _share(g.get("source_top", 0), g["n"]),
             _share(g.get("source_any", 0), g["n"])],
            ["target country (gold has one)", _share(g.get("target_top", 0), g["with_target"]), ""],
        ],
    )  # fmt: skip
    _confusion("PLOVER types, top event", type_confusion)
    codings = p.get("codings", 0)
    print(f"### petrarch2_unittests ({len(petr)} records, {codings} scorable codings)\n")
    _table(
        ["measure", "value"],
        [
            ["(source, target) by full actor code", _share(p.get("exact", 0), p["codings"])],
            ["(source, target) by country", _share(p.get("country", 0), p["codings"])],
            ["  of them, codings with a real CAMEO code",
             _share(p.get("real_country", 0), p.get("real_codings", 0))],
            ["(source, target) by full actor code, with the suite's verb file",
             _share(pv.get("exact", 0), pv["codings"])],
            ["(source, target) by country, with the suite's verb file",
             _share(pv.get("country", 0), pv["codings"])],
            ["records expecting no event that got none",
             _share(p.get("no_event_right", 0), p.get("no_event_records", 0))],
        ],
    )  # fmt: skip
    _confusion("CAMEO roots on found pairs (real CAMEO codes only)", root_confusion)
    found, gold_n, dated = seed["found"]
    print("### seed article\n")
    _table(
        ["measure", "P", "R", "F1"],
        [["(source, target, root), asserted", *(f"{x:.3f}" for x in seed["triples"])],
         ["dyads (source, target)", *(f"{x:.3f}" for x in seed["dyads"])]],
    )  # fmt: skip
    print(f"gold events found {found}/{gold_n}, with the right date {dated}/{found}; "
          f"quotes found {seed['quotes'][0]}/{seed['quotes'][1]}; "
          f"{seed['events']} events output, {seed['asserted']} asserted\n")  # fmt: skip
    n_events = sum(len(r["events"]) for r in gsr_results + petr_results)
    seconds = gsr_seconds + petr_seconds
    n_docs = len(gsr_results) + len(petr_results)
    print(f"### speed\n\n{n_docs} sentences, {n_events} events in {seconds:.1f} s: "
          f"{n_docs / seconds:.1f} sentences/s, {n_events / seconds:.1f} events/s "
          "(parse included, one process)")  # fmt: skip


if __name__ == "__main__":
    main()
