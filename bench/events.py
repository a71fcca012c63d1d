"""Event-coding accuracy and speed of communique on four gold sets; prints Markdown tables.

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
- `news_gold` (`dev.jsonl`, 42 whole real articles with gold events): the figures of the
  folder's own `score.py` (loaded at run time, as `bench/quotes.py` loads it) on
  communique's output: (source country, target country, CAMEO root) P/R/F1 per article
  over asserted, non-negated events, dyad F1, and the date right on matched events, with
  the scorer's counts; a confusion table of CAMEO roots for the gold tuples whose
  (source, target) dyad was predicted; the misses and the false tuples counted by class.
  A gold tuple missed is: no predicted event in its evidence sentence; right source and
  root, wrong or no target; right dyad, wrong root; right root, wrong actors; other. A
  false tuple is: no target; a target but no gold event in its sentence; other. An event
  is in a sentence when its `evidence` span overlaps the gold `evidence` found in the text;
  a gold tuple whose sentence has only announced or negated events is "other". Each gold
  line runs through `analyse` as an `Article(id, text, title, published)`.

Reads `../shared/` at run time; nothing from it is copied into the project. A missing
news_gold folder is skipped with a line saying so.

    python bench/events.py [--show 10] [--suite-verbs] [--limit N]
    python bench/events.py --news-gold-only [--show 3] [--limit N]

`--show N` prints N failing cases per set (for news_gold, N per class of miss and of
false tuple); `--limit N` scores the first N records (articles) of each set;
`--suite-verbs` shows the PETRARCH misses of the run with the suite's verb file;
`--news-gold-only` runs the news_gold section alone.
"""

from __future__ import annotations

import argparse
import json
import sys
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

sys.path.insert(0, str(Path(__file__).parent))

from quotes import load_scorer  # noqa: E402

SHARED = Path(__file__).resolve().parents[2] / "shared"
GSR = SHARED / "benchmarks" / "plover_gsr_cameo" / "plover_gsr_cameo.normalized.jsonl"
PETR = SHARED / "benchmarks" / "petrarch2_unittests"
SEED = SHARED / "seed" / "seed-gold.json"
NEWS_GOLD = SHARED / "benchmarks" / "news_gold"
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


# news_gold: whole real articles, scored by the folder's own score.py.

Key = tuple[str | None, str | None, str]
Interval = tuple[int, int]
MISS_CLASSES = (
    "no predicted event in the evidence sentence",
    "right source and root, wrong or no target",
    "right dyad, wrong root",
    "right root, wrong actors",
    "other",
)
FALSE_CLASSES = ("no target", "target but no gold event in its sentence", "other")


def scored(event: Row) -> bool:
    """An output event the scorer counts: asserted (its default mode) and not negated."""
    return not event.get("negated") and event.get("mode", "asserted") == "asserted"


def predicted_key(event: Row, actors: dict[str, Row]) -> Key:
    """(source country, target country, CAMEO root) of an output event, as score.py keys it:
    the root is `cameo_root`, or the first two characters of `cameo`."""
    source = actors.get(event.get("source") or "") or {}
    target = actors.get(event.get("target") or "") or {}
    root = str(event.get("cameo_root") or str(event.get("cameo", ""))[:2])
    return source.get("country"), target.get("country"), root


def _actors_of(result: Row) -> dict[str, Row]:
    return {a.get("id"): a for a in result.get("actors", [])}


def predicted_tuples(result: Row) -> dict[Key, list[Row]]:
    """The scored events of an output object by tuple, in output order (the scorer reads
    the date of a tuple's first event)."""
    actors = _actors_of(result)
    out: dict[Key, list[Row]] = {}
    for event in result.get("events", []):
        if scored(event):
            out.setdefault(predicted_key(event, actors), []).append(event)
    return out


def gold_tuples(gold: Row) -> dict[Key, list[Row]]:
    """The gold events of an article by (source, target, cameo_root), in gold order."""
    out: dict[Key, list[Row]] = {}
    for event in gold.get("events", []):
        out.setdefault((event["source"], event["target"], event["cameo_root"]), []).append(event)
    return out


def gold_span(text: str, event: Row) -> Interval | None:
    """Where a gold event's evidence string is in the article text (its first occurrence)."""
    evidence = event.get("evidence") or ""
    start = text.find(evidence) if evidence else -1
    return None if start < 0 else (start, start + len(evidence))


def event_span(event: Row) -> Interval | None:
    """An output event's evidence span."""
    evidence = event.get("evidence") or {}
    if evidence.get("start") is None or evidence.get("end") is None:
        return None
    return evidence["start"], evidence["end"]


def _overlap(a: Interval | None, b: Interval | None) -> bool:
    return a is not None and b is not None and a[0] < b[1] and b[0] < a[1]


def classify_miss(key: Key, golds: list[Row], text: str, result: Row) -> tuple[str, list[Row]]:
    """The class of gold tuple `key` not predicted (`golds`: its gold events in `text`), and
    the output events in its evidence sentences. The tuple classes look at the scored events
    there; one found only as announced or negated is "other"."""
    spans = [gold_span(text, g) for g in golds]
    near = [e for e in result.get("events", []) if any(_overlap(event_span(e), s) for s in spans)]
    if not near:
        return MISS_CLASSES[0], near
    actors = _actors_of(result)
    keys = [predicted_key(e, actors) for e in near if scored(e)]
    source, target, root = key
    if any(s == source and r == root and t != target for s, t, r in keys):
        return MISS_CLASSES[1], near
    if any((s, t) == (source, target) and r != root for s, t, r in keys):
        return MISS_CLASSES[2], near
    if any(r == root and (s, t) != (source, target) for s, t, r in keys):
        return MISS_CLASSES[3], near
    return MISS_CLASSES[4], near


def classify_false(key: Key, events: list[Row], gold: Row) -> tuple[str, list[Row]]:
    """The class of a predicted tuple not in the gold (`events`: its scored output events),
    and the gold events whose evidence overlaps one of theirs."""
    text = gold["text"]
    near = [
        g
        for g in gold.get("events", [])
        if any(_overlap(event_span(e), gold_span(text, g)) for e in events)
    ]
    if key[1] is None:
        return FALSE_CLASSES[0], near
    return (FALSE_CLASSES[2] if near else FALSE_CLASSES[1]), near


def root_confusion(gold_keys: Iterable[Key], pred_keys: Iterable[Key]) -> Counter[tuple[str, str]]:
    """(gold root, predicted root) for the gold tuples whose (source, target) dyad is
    predicted: a matched tuple once on the diagonal, a missed one once per root predicted
    for its dyad."""
    roots: dict[tuple[str | None, str | None], set[str]] = {}
    for source, target, root in pred_keys:
        roots.setdefault((source, target), set()).add(root)
    cells: Counter[tuple[str, str]] = Counter()
    for source, target, root in gold_keys:
        got = roots.get((source, target))
        for other in [root] if got and root in got else sorted(got or ()):
            cells[(root, other)] += 1
    return cells


def _key(key: Key) -> str:
    source, target, root = key
    return f"{source or '?'}->{target or '?'} {root}"


def _trim(text: str, size: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= size else text[: size - 1].rstrip() + "\u2026"


def describe(event: Row, actors: dict[str, Row]) -> str:
    """An output event for a person: trigger, mode, actor names and its tuple."""
    source = actors.get(event.get("source") or "", {}).get("name") or "?"
    target = actors.get(event.get("target") or "", {}).get("name") if event.get("target") else None
    mode = event.get("mode", "asserted") + (" negated" if event.get("negated") else "")
    trigger = (event.get("trigger") or {}).get("text", "")
    key = _key(predicted_key(event, actors))
    return f"'{trigger}' {mode} {source} -> {target or '(none)'} ({key})"


def tally_news_gold(
    gold_docs: dict[str, Row], preds: dict[str, Row]
) -> tuple[Counter[str], Counter[tuple[str, str]], dict[str, list[str]]]:
    """Counts (tuples and dyads as the scorer builds them, misses and false tuples by class),
    the root confusion and, by class, one line per miss ("miss: ...") or false tuple."""
    counts: Counter[str] = Counter()
    confusion: Counter[tuple[str, str]] = Counter()
    examples: dict[str, list[str]] = {}
    for article_id, gold in gold_docs.items():
        result = preds.get(article_id) or {}
        actors = _actors_of(result)
        golds, predicted = gold_tuples(gold), predicted_tuples(result)
        counts["gold"] += len(golds)
        counts["pred"] += len(predicted)
        counts["match"] += len(golds.keys() & predicted.keys())
        gold_dyads, pred_dyads = {k[:2] for k in golds}, {k[:2] for k in predicted}
        counts["dyad_gold"] += len(gold_dyads)
        counts["dyad_pred"] += len(pred_dyads)
        counts["dyad_match"] += len(gold_dyads & pred_dyads)
        confusion.update(root_confusion(golds, predicted))
        for key, events in golds.items():
            if key in predicted:
                continue
            label, near = classify_miss(key, events, gold["text"], result)
            counts[f"miss:{label}"] += 1
            line = f'{article_id}: {_key(key)} | gold "{_trim(events[0]["evidence"])}"'
            if near:
                line += " | ours: " + "; ".join(describe(e, actors) for e in near[:3])
            examples.setdefault(f"miss:{label}", []).append(line)
        for key, events in predicted.items():
            if key in golds:
                continue
            label, near_gold = classify_false(key, events, gold)
            counts[f"false:{label}"] += 1
            sentence = (events[0].get("evidence") or {}).get("text", "")
            line = f'{article_id}: {describe(events[0], actors)} | "{_trim(sentence)}"'
            if near_gold:
                first = near_gold[0]
                gold_key = (first["source"], first["target"], first["cameo_root"])
                line += f' | gold {_key(gold_key)} "{_trim(first["evidence"])}"'
            examples.setdefault(f"false:{label}", []).append(line)
    return counts, confusion, examples


def _shown(path: Path) -> str:
    """`path` as the docs name it (`../shared/...`) when it is under the shared folder."""
    try:
        return str(Path("..") / path.relative_to(SHARED.parent))
    except ValueError:
        return str(path)


def gold_articles(
    scorer: Any, path: Path, limit: int = 0
) -> tuple[dict[str, Row], list[Article]]:
    """The gold records of `path` as the set's scorer reads them (the first `limit`, if
    set), and the articles communique reads from them."""
    gold: dict[str, Row] = scorer.load(str(path))
    if limit:
        gold = dict(list(gold.items())[:limit])
    articles = [
        Article(id=key, text=g["text"], title=g.get("title"), published=g.get("published"))
        for key, g in gold.items()
    ]
    return gold, articles


def news_gold_section(
    folder: Path = NEWS_GOLD, *, gold: Path | None = None, show: int = 0, limit: int = 0
) -> dict[str, Any] | None:
    """Run the pipeline on `folder`'s `dev.jsonl` (or on `gold`, a file in its format), print
    the news_gold tables and return the figures of `folder`'s `score.py`; None, after a line
    saying so, when the folder, its scorer or the gold file is not there."""
    gold_path = gold or folder / "dev.jsonl"
    scorer = load_scorer(folder)
    if scorer is None or not gold_path.is_file():
        missing = folder if scorer is None else gold_path
        print(f"### news_gold\n\nskipped: {_shown(missing)} not found\n")
        return None
    gold_docs, articles = gold_articles(scorer, gold_path, limit)
    started = time.perf_counter()
    results = run(articles)
    seconds = time.perf_counter() - started
    preds = {r["article"]["id"]: r for r in results}
    scores: dict[str, Any] = scorer.score(gold_docs, preds)
    counts, confusion, examples = tally_news_gold(gold_docs, preds)
    events = scores["counts"]["events"]
    n_gold = sum(len(g.get("events", [])) for g in gold_docs.values())
    n_out = sum(len(r["events"]) for r in results)
    n_scored = sum(1 for r in results for e in r["events"] if scored(e))
    print(
        f"### news_gold {gold_path.name} ({scores['articles']} articles, {n_gold} gold events "
        f"in {events['gold']} tuples; {n_out} events output, {n_scored} asserted and not "
        f"negated; pipeline {seconds:.1f} s)\n"
    )

    def fig(name: str) -> str:
        return f"{scores[name]:.3f}"

    _table(
        ["measure", "P", "R", "F1", "share", "counts"],
        [
            ["event tuples (source, target, root)", fig("event_p"), fig("event_r"),
             fig("event_f1"), "",
             f"match {events['match']}, pred {events['pred']}, gold {events['gold']}"],
            ["dyads (source, target)", "", "", fig("dyad_f1"), "",
             f"match {counts['dyad_match']}, pred {counts['dyad_pred']}, "
             f"gold {counts['dyad_gold']}"],
            ["event date right on matched events", "", "", "", fig("event_date_acc"),
             f"{events['date_ok']}/{events['date_n']}"],
        ],
    )  # fmt: skip
    ours = (counts["match"], counts["pred"], counts["gold"])
    if ours != (events["match"], events["pred"], events["gold"]):
        print(f"note: this bench's tuples (match, pred, gold) {ours} differ from the scorer's\n")
    _table(
        ["gold tuples missed, by class", "count"],
        [[label, counts[f"miss:{label}"]] for label in MISS_CLASSES],
    )
    _table(
        ["false tuples (asserted, not negated), by class", "count"],
        [[label, counts[f"false:{label}"]] for label in FALSE_CLASSES],
    )
    if confusion:
        _confusion(
            "CAMEO roots of the gold tuples whose dyad is predicted (a missed tuple counts "
            "once per root predicted for its dyad)",
            confusion,
        )
    else:
        print("no gold tuple has its (source, target) dyad predicted\n")
    if show:
        for side, labels in (("miss", MISS_CLASSES), ("false", FALSE_CLASSES)):
            for label in labels:
                lines = examples.get(f"{side}:{label}", [])
                if lines:
                    print(f"{side}: {label} ({len(lines)})")
                    for line in lines[:show]:
                        print(f"  {side} {line}")
        print()
    return scores


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--show", type=int, default=0, help="print N failing cases per set")
    parser.add_argument(
        "--suite-verbs",
        action="store_true",
        help="show the PETRARCH misses of the run with the suite's verb file",
    )
    parser.add_argument("--limit", type=int, default=0, help="only the first N records per set")
    parser.add_argument(
        "--news-gold-only", action="store_true", help="score the news_gold set only"
    )
    args = parser.parse_args()
    missing = [path for path in (GSR, PETR, SEED) if not path.exists()]
    if missing and not args.news_gold_only:
        print(
            f"skipped: {', '.join(_shown(p) for p in missing)} not found: the gold sets are "
            "read from ../shared/ beside the repository, and there is nothing to score against"
        )
        return
    # Warm up: the gazetteer and the phrase matchers load once, outside the timings.
    warm = "Chile welcomed talks with Peru in Lima."
    run([Article(id="warm", text=warm, published="2000-01-01")])
    if args.news_gold_only:
        news_gold_section(show=args.show, limit=args.limit)
        return

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
    news_gold_section(show=args.show, limit=args.limit)
    n_events = sum(len(r["events"]) for r in gsr_results + petr_results)
    seconds = gsr_seconds + petr_seconds
    n_docs = len(gsr_results) + len(petr_results)
    print(f"### speed\n\n{n_docs} sentences, {n_events} events in {seconds:.1f} s: "
          f"{n_docs / seconds:.1f} sentences/s, {n_events / seconds:.1f} events/s "
          "(parse included, one process)")  # fmt: skip


if __name__ == "__main__":
    main()
