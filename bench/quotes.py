"""Quote benchmark: communique against gold quotes, with textacy's `direct_quotations` beside it.

Reads `../shared/benchmarks/polnear/<split>.jsonl` and `../shared/seed/seed-gold.json` at run
time (PolNeAR is copyrighted: nothing of it is stored in the project) and says so when
`../shared/` is missing. Both systems read the same spaCy parse of the same articles.

Matching rule: a prediction and a gold quote match when their content ranges intersect and
their words overlap by at least half both ways (`communique.scoring.overlap_match`), or, for the
exact figures, when they hold the same words in the same order (`scoring.exact_match`:
quotation marks, punctuation and spaces aside). Matching is one-to-one, best overlap first, and
blind to kind: recall is counted by gold kind, precision by predicted kind.

PolNeAR keeps one attribution per speaker mention and cue, so communique's direct and mixed
findings of one attribution ("“A,” she said. “B.”", and a quote in the same paragraph
continuing it with no cue) are scored as one quote with several parts. textacy gives up on an
article with an odd number of quotation marks (a `ValueError`); such an article counts as one
where it found nothing. PolNeAR's content of a mixed quote is the whole reported clause;
communique reports that clause as `clause` (and the quoted fragment as `content`, the
convention of the seed gold), so the clause is scored.

Speaker accuracy is counted on matched quotes whose gold has a speaker: right when our speaker
mention or the name it resolves to overlaps the gold speaker span, or the resolved name agrees
with the gold name (`scoring.same_speaker`). Cue accuracy: our cue overlaps the gold cue.

The news_gold table scores the whole pipeline on `../shared/benchmarks/news_gold/dev.jsonl`
(42 real articles with gold quotes and events): each line is read as `communique extract`
reads it, `communique.pipeline.extract` runs on it, and the folder's own `score.py` (imported
at run time, never copied) scores the output, so the figures are the ones of

    communique extract dev.jsonl > out.jsonl; python score.py dev.jsonl out.jsonl

Its rows: speaker right on found quotes (a gold quote is found when half its characters are
covered), quote P/R/F1 by characters covered, quotes found by gold kind, quote P/R/F1 matched
one-to-one at half the words both ways, speaker right on those matched quotes, event P/R/F1 on
(source country, target country, CAMEO root) per article, dyad F1, and the share of matched
events with the right date; the scorer's counts are shown beside its figures.

    python bench/quotes.py                     # seed, PolNeAR dev and news_gold tables
    python bench/quotes.py --split dev [--limit 20] [--show 10] [--cache /tmp/qcache]
    python bench/quotes.py --split test --news-gold   # an explicit --split adds news_gold
    python bench/quotes.py --news-gold-only [--news-gold-json /tmp/news_gold.out.jsonl]

An explicit `--split` prints the seed and PolNeAR tables only, as before, unless `--news-gold`
is given; `--limit`, `--show` and `--cache` apply to PolNeAR. `--news-gold-json` also writes
the predictions as JSON Lines, for the folder's `diagnose.py`.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

from spacy.tokens import Doc, DocBin

from communique import nlp as nlp_module
from communique.model import Article, Span
from communique.pipeline import analyse
from communique.quotes import QuoteFinding, find_quotes
from communique.scoring import exact_match, overlap_match, overlap_share, prf, same_speaker

SHARED = Path(__file__).resolve().parents[2] / "shared"
POLNEAR = SHARED / "benchmarks" / "polnear"
SEED = SHARED / "seed" / "seed-gold.json"
NEWS_GOLD = SHARED / "benchmarks" / "news_gold"
KINDS = ("direct", "indirect", "mixed")
Ranges = tuple[tuple[int, int], ...]


@dataclass(frozen=True, slots=True)
class Item:
    """A quote on either side: content parts, kind, speaker and cue, as character ranges."""

    content: Ranges
    text: str
    kind: str
    speaker: Ranges = ()
    speaker_name: str | None = None
    cue: Ranges = ()


def gold_items(article: dict[str, Any]) -> list[Item]:
    """PolNeAR quotes, or seed quotes (which have strings and no offsets)."""
    items = []
    for q in article["quotes"]:
        parts = tuple(tuple(s) for s in q.get("content_spans") or ())
        items.append(
            Item(
                parts,  # type: ignore[arg-type]
                q["content"],
                q["kind"],
                tuple(tuple(s) for s in q.get("speaker_spans") or ()),  # type: ignore[misc]
                q.get("speaker"),
                tuple(tuple(s) for s in q.get("cue_spans") or ()),  # type: ignore[misc]
            )
        )
    return items


def communique_items(text: str, findings: list[QuoteFinding], *, polnear: bool) -> list[Item]:
    """communique's findings. Under PolNeAR's conventions (`polnear`), direct and mixed ones of
    one attribution (the same speaker mention, or the same cue) are joined into one quote and
    a mixed quote's content is its clause; the seed gold has one quote per quoted stretch."""
    if not polnear:
        return [_item(text, [f], clause=False) for f in findings]
    groups: list[list[QuoteFinding]] = []
    by_anchor: dict[tuple[str, int, int], int] = {}
    for f in findings:
        anchor = f.speaker_mention or f.cue
        key = (f.kind, anchor.start, anchor.end) if anchor and f.kind != "indirect" else None
        group = groups[by_anchor[key]] if key is not None and key in by_anchor else None
        if group is not None and _same_attribution(text, group, f):
            group.append(f)
            continue
        if key is not None:
            by_anchor[key] = len(groups)
        groups.append([f])
    return [_item(text, group, clause=True) for group in groups]


def _same_attribution(text: str, group: list[QuoteFinding], finding: QuoteFinding) -> bool:
    """A finding joins the attribution of an earlier one with the same speaker mention when it
    is in the same paragraph and has the same cue or none of its own ("“A,” she said. “B.”");
    "..., she said, adding “B”" and a quote paragraphs later are attributions of their own."""
    last = group[-1]
    if "\n" in text[last.content.end : finding.content.start]:
        return False
    cue, other = finding.cue, group[0].cue
    return cue is None or other is None or (cue.start, cue.end) == (other.start, other.end)


def _item(text: str, group: list[QuoteFinding], *, clause: bool) -> Item:
    first = group[0]
    parts = sorted({_scored_range(f, clause=clause) for f in group})
    speaker = [s for s in (first.speaker_mention, first.speaker_ref) if s is not None]
    name = first.speaker_ref or first.speaker_mention
    return Item(
        tuple(parts),
        " ".join(text[s:e] for s, e in parts),
        first.kind,
        tuple((s.start, s.end) for s in speaker),
        name.text if name is not None else None,
        ((first.cue.start, first.cue.end),) if first.cue is not None else (),
    )


def _scored_range(finding: QuoteFinding, *, clause: bool) -> tuple[int, int]:
    span = finding.content
    if clause and finding.kind == "mixed" and finding.clause is not None:
        span = finding.clause
    return span.start, span.end


def textacy_items(doc: Doc) -> list[Item]:
    """textacy's direct quotations on the same parse (speaker and cue are token lists)."""
    from textacy.extract.triples import direct_quotations

    items: list[Item] = []
    try:
        triples = list(direct_quotations(doc))
    except ValueError:  # textacy gives up on an odd number of quotation marks
        return items
    for triple in triples:
        content = triple.content
        inner = (content.start_char, content.end_char)
        speaker = tuple((t.idx, t.idx + len(t)) for t in triple.speaker)
        cue = tuple((t.idx, t.idx + len(t)) for t in triple.cue)
        name = " ".join(t.text for t in triple.speaker) or None
        items.append(Item((inner,), content.text, "direct", speaker, name, cue))
    return items


def _touch(a: Ranges, b: Ranges) -> bool:
    return any(s < f and t < e for s, e in a for t, f in b)


def match(golds: list[Item], preds: list[Item], *, exact: bool) -> dict[int, int]:
    """One-to-one matches, gold index -> prediction index, best word overlap first."""
    pairs = []
    for g, gold in enumerate(golds):
        for p, pred in enumerate(preds):
            if gold.content and not _touch(gold.content, pred.content):
                continue
            ok = exact_match(pred.text, gold.text) if exact else overlap_match(pred.text, gold.text)
            if ok:
                pairs.append((overlap_share(pred.text, gold.text), g, p))
    pairs.sort(key=lambda x: -x[0])
    out: dict[int, int] = {}
    used: set[int] = set()
    for _, g, p in pairs:
        if g not in out and p not in used:
            out[g] = p
            used.add(p)
    return out


def speaker_right(gold: Item, pred: Item) -> bool:
    if _touch(gold.speaker, pred.speaker):
        return True
    return same_speaker(pred.speaker_name, gold.speaker_name)


def tally(counts: Counter[str], golds: list[Item], preds: list[Item], notes: list[str]) -> None:
    """Add one article's counts: tp/gold/pred by kind for both rules, speakers and cues."""
    for rule in ("overlap", "exact"):
        pairs = match(golds, preds, exact=rule == "exact")
        for g, gold in enumerate(golds):
            counts[f"{rule}:gold:{gold.kind}"] += 1
            counts[f"{rule}:tp_gold:{gold.kind}"] += g in pairs
        matched = set(pairs.values())
        for p, pred in enumerate(preds):
            counts[f"{rule}:pred:{pred.kind}"] += 1
            counts[f"{rule}:tp_pred:{pred.kind}"] += p in matched
        if rule != "overlap":
            continue
        for g, p in pairs.items():
            gold, pred = golds[g], preds[p]
            if gold.speaker_name:
                counts["speaker_n"] += 1
                right = speaker_right(gold, pred)
                counts["speaker_ok"] += right
                if not right:
                    notes.append(f"speaker: gold {gold.speaker_name!r} ours {pred.speaker_name!r}")
            if gold.cue:
                counts["cue_n"] += 1
                counts["cue_ok"] += _touch(gold.cue, pred.cue)
        notes.extend(
            f"miss [{golds[g].kind}] {golds[g].text[:90]!r}"
            for g in range(len(golds))
            if g not in pairs
        )
        notes.extend(
            f"false [{preds[p].kind}] {preds[p].text[:90]!r}"
            for p in range(len(preds))
            if p not in matched
        )


def rows(name: str, counts: Counter[str], seconds: float) -> list[str]:
    """Markdown table rows for one system."""
    out = []
    for kind in ("all", *KINDS):
        cells = []
        for rule in ("overlap", "exact"):
            keys = KINDS if kind == "all" else (kind,)
            tp_g = sum(counts[f"{rule}:tp_gold:{k}"] for k in keys)
            tp_p = sum(counts[f"{rule}:tp_pred:{k}"] for k in keys)
            n_g = sum(counts[f"{rule}:gold:{k}"] for k in keys)
            n_p = sum(counts[f"{rule}:pred:{k}"] for k in keys)
            p, _, _ = prf(tp_p, n_p, n_g)
            _, r, _ = prf(tp_g, n_p, n_g)
            f = 2 * p * r / (p + r) if p + r else 0.0
            cells += [f"{p:.3f}", f"{r:.3f}", f"{f:.3f}"]
        extra = ["", "", ""]
        if kind == "all":
            n_pred = sum(counts[f"overlap:pred:{k}"] for k in KINDS)
            extra = [
                _share(counts["speaker_ok"], counts["speaker_n"]),
                _share(counts["cue_ok"], counts["cue_n"]),
                f"{n_pred / seconds:.0f}" if seconds else "",
            ]
        out.append("| " + " | ".join([name, kind, *cells, *extra]) + " |")
    return out


def _share(ok: int, n: int) -> str:
    return f"{ok / n:.3f} ({ok}/{n})" if n else "n/a"


HEADER = (
    "| system | kind | P | R | F1 | exact P | exact R | exact F1 | speaker | cue | quotes/s |\n"
    "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"
)


def parse(texts: list[str], cache: Path | None, key: str) -> tuple[list[Doc], float]:
    """Parse `texts` (or read the parses saved under `cache`); returns the docs and seconds."""
    nlp = nlp_module.load()
    path = cache / f"{key}.spacy" if cache is not None else None
    if path is not None and path.exists():
        return list(DocBin().from_disk(path).get_docs(nlp.vocab)), 0.0
    start = time.perf_counter()
    docs = list(nlp.pipe(texts))
    seconds = time.perf_counter() - start
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        DocBin(docs=docs).to_disk(path)
    return docs, seconds


def run_system(
    docs: list[Doc], articles: list[dict[str, Any]], fn: Callable[[Doc], list[Item]]
) -> tuple[Counter[str], float, list[str]]:
    counts: Counter[str] = Counter()
    notes: list[str] = []
    seconds = 0.0
    for doc, article in zip(docs, articles, strict=True):
        start = time.perf_counter()
        preds = fn(doc)
        seconds += time.perf_counter() - start
        tally(counts, gold_items(article), preds, notes)
    return counts, seconds, notes


def ours(doc: Doc) -> list[Item]:
    return communique_items(doc.text, find_quotes(doc), polnear=True)


def ours_seed(doc: Doc) -> list[Item]:
    return communique_items(doc.text, find_quotes(doc), polnear=False)


def ours_with_entities(doc: Doc) -> list[Item]:
    """The whole pipeline: each quote's speaker is the actor the article's entity model
    resolved (its name; the quote's speaker mention for the span), one quote per content
    (a coordinated statement is one PolNeAR attribution)."""
    result = analyse(Article(id="polnear", text=doc.text), doc)
    names = {actor.id: actor.name for actor in result.actors}
    findings: list[QuoteFinding] = []
    seen: set[tuple[int, int]] = set()
    for quote in result.quotes:
        if (quote.content.start, quote.content.end) in seen:
            continue
        seen.add((quote.content.start, quote.content.end))
        mention, name = quote.speaker_mention, names.get(quote.speaker or "")
        ref = Span(name, mention.start, mention.end) if mention and name else None
        findings.append(
            QuoteFinding(
                content=quote.content,
                kind=quote.kind,
                cue=quote.cue,
                speaker_mention=mention,
                speaker_ref=ref,
                evidence=quote.evidence,
                clause=quote.clause,
            )
        )
    return communique_items(doc.text, findings, polnear=True)


def report(
    label: str, articles: list[dict[str, Any]], args: argparse.Namespace, *, seed: bool = False
) -> None:
    docs, parse_s = parse([a["text"] for a in articles], args.cache, label)
    print(
        f"\n### {label}: {len(articles)} articles, "
        f"{sum(len(a['quotes']) for a in articles)} gold quotes\n"
    )
    print(HEADER)
    results = {}
    systems: tuple[tuple[str, Callable[[Doc], list[Item]]], ...] = (
        ("communique", ours_seed if seed else ours),
        ("textacy", textacy_items),
    )
    if not seed and args.entities:
        systems += (("communique + entities", ours_with_entities),)
    for name, fn in systems:
        counts, seconds, notes = run_system(docs, articles, fn)
        results[name] = notes
        print("\n".join(rows(name, counts, seconds + parse_s)))
    note = "parse time included" if parse_s else "parses read from the cache: quote stage only"
    print(f"\nquotes/s: quotes found per second of parsing plus quote finding ({note}).")
    for line in results["communique"][: args.show]:
        print("  " + line)


def _load(paths: Iterable[Path]) -> list[dict[str, Any]]:
    articles: list[dict[str, Any]] = []
    for path in paths:
        if path.suffix == ".json":
            articles.append(json.loads(path.read_text("utf-8")))
        else:
            articles += [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    return articles


def load_scorer(folder: Path = NEWS_GOLD, script: str = "score.py") -> ModuleType | None:
    """The news_gold folder's `score.py` (or another of its scripts) as a module, or None
    when it is not there."""
    path = folder / script
    if not path.is_file():
        return None
    spec = importlib.util.spec_from_file_location(f"news_gold_{path.stem}", path)
    if spec is None or spec.loader is None:
        return None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def news_gold_predictions(path: Path) -> tuple[list[dict[str, Any]], list[str]]:
    """communique's output for every line of `path`, read as `communique extract` reads it,
    and the error messages of articles that failed."""
    from communique.ingest.base import Defaults
    from communique.ingest.jsonl import read_jsonl
    from communique.pipeline import extract

    with path.open("rb") as lines:
        items = list(read_jsonl(lines, origin=str(path), defaults=Defaults()))
    outputs: list[dict[str, Any]] = []
    errors: list[str] = []
    for result in extract(items):
        outputs.append(result.to_dict())
        errors.extend(result.errors)
    return outputs, errors


def _counted(ok: int, n: int) -> str:
    return f"{ok}/{n}"


def news_gold_rows(scores: dict[str, Any], gold_kinds: Counter[str]) -> list[str]:
    """The markdown table of the scorer's figures, with its counts where it gives them."""
    quotes, chars, events = (scores["counts"][k] for k in ("quotes", "chars", "events"))

    def row(measure: str, p: str = "", r: str = "", f: str = "", acc: str = "", n: str = "") -> str:
        return f"| {measure} | {p} | {r} | {f} | {acc} | {n} |"

    def fig(key: str) -> str:
        return f"{scores[key]:.3f}"

    out = [
        "| measure | P | R | F1 | share | counts |",
        "| --- | --- | --- | --- | --- | --- |",
        row(
            "speaker right on found quotes",
            acc=fig("speaker_acc"),
            n=_counted(quotes["found_spk"], quotes["found_spk_n"]),
        ),
        row(
            "quote characters",
            fig("quote_char_p"),
            fig("quote_char_r"),
            fig("quote_char_f1"),
            n=f"both {chars['both']}, pred {chars['pred']}, gold {chars['gold']}",
        ),
        row("quotes found", acc=fig("quote_found"), n=_counted(quotes["found"], quotes["gold"])),
    ]
    by_kind = scores["quote_found_by_kind"]
    for kind in (*KINDS, *sorted(set(by_kind) - set(KINDS))):
        if kind in by_kind:
            out.append(
                row(
                    f"quotes found: {kind}",
                    acc=f"{by_kind[kind]:.3f}",
                    n=f"{gold_kinds[kind]} gold",
                )
            )
    out += [
        row(
            "quotes one-to-one",
            fig("quote_p"),
            fig("quote_r"),
            fig("quote_f1"),
            n=f"match {quotes['match']}, pred {quotes['pred']}, gold {quotes['gold']}",
        ),
        row(
            "speaker right on matched quotes",
            acc=fig("speaker_acc_matched"),
            n=_counted(quotes["spk"], quotes["spk_n"]),
        ),
        row(
            "event tuples (source, target, root)",
            fig("event_p"),
            fig("event_r"),
            fig("event_f1"),
            n=f"match {events['match']}, pred {events['pred']}, gold {events['gold']}",
        ),
        row("dyads (source, target)", f=fig("dyad_f1")),
        row(
            "event date right",
            acc=fig("event_date_acc"),
            n=_counted(events["date_ok"], events["date_n"]),
        ),
    ]
    return out


def news_gold_table(
    folder: Path = NEWS_GOLD,
    *,
    gold: Path | None = None,
    split: str = "dev",
    json_out: Path | None = None,
) -> dict[str, Any] | None:
    """Run the pipeline on the news_gold `split` (or on `gold`, a file in its format), print
    the table and return the figures of `folder`'s `score.py`; None (after saying so) when
    the folder, its scorer or the gold file is missing."""
    gold_path = gold or folder / f"{split}.jsonl"
    scorer = load_scorer(folder)
    if scorer is None or not gold_path.is_file():
        print(f"\nskipped: {_shown(folder if scorer is None else gold_path)} not found")
        return None
    label = split if gold is None else gold_path.name
    start = time.perf_counter()
    outputs, errors = news_gold_predictions(gold_path)
    seconds = time.perf_counter() - start
    if json_out is not None:
        json_out.parent.mkdir(parents=True, exist_ok=True)
        with json_out.open("w", encoding="utf-8") as file:
            for output in outputs:
                file.write(json.dumps(output, ensure_ascii=False) + "\n")
    gold_docs = scorer.load(str(gold_path))
    preds = {o["article"]["id"]: o for o in outputs}
    scores: dict[str, Any] = scorer.score(gold_docs, preds)
    kinds = Counter(q["kind"] for doc in gold_docs.values() for q in doc["quotes"])
    n_events = sum(len(doc.get("events", [])) for doc in gold_docs.values())
    print(
        f"\n### news_gold {label}: {scores['articles']} articles "
        f"({scores['articles_out']} with output), {sum(kinds.values())} gold quotes, "
        f"{n_events} gold events; pipeline {seconds:.1f} s\n"
    )
    print("\n".join(news_gold_rows(scores, kinds)))
    for message in errors:
        print(f"  error: {message}")
    if json_out is not None:
        print(f"\npredictions written to {json_out}")
    return scores


def _shown(folder: Path) -> str:
    """`folder` as the docs name it (`../shared/...`) when it is the shared one."""
    try:
        return str(Path("..") / folder.relative_to(SHARED.parent))
    except ValueError:
        return str(folder)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--split",
        default=None,
        help="PolNeAR split: dev (default) or test; given, news_gold "
        "is left out unless --news-gold",
    )
    parser.add_argument("--limit", type=int, default=0, help="only the first N articles")
    parser.add_argument("--show", type=int, default=0, help="print N misses and false alarms")
    parser.add_argument(
        "--entities",
        action="store_true",
        help="add a PolNeAR row for the whole pipeline, speakers resolved by the entity model",
    )
    parser.add_argument("--cache", type=Path, default=None, help="folder for saved parses")
    parser.add_argument(
        "--news-gold", action="store_true", help="print the news_gold table (whole pipeline)"
    )
    parser.add_argument(
        "--news-gold-only", action="store_true", help="print the news_gold table only (~10 s)"
    )
    parser.add_argument(
        "--news-gold-json",
        type=Path,
        default=None,
        metavar="PATH",
        help="also write the news_gold predictions as JSON Lines to PATH",
    )
    args = parser.parse_args(argv)
    news_gold = args.news_gold or args.news_gold_only or args.split is None
    if args.news_gold_only:
        news_gold_table(json_out=args.news_gold_json)
        return 0
    if not SHARED.is_dir():
        print(f"{SHARED} is not there: no gold data to score against.")
        return 0
    print(f"gold data read from {SHARED}")
    args.split = args.split or "dev"
    seed = _load([SEED]) if SEED.exists() else []
    if seed:
        report("seed article", seed, args, seed=True)
    split = POLNEAR / f"{args.split}.jsonl"
    if not split.exists():
        print(f"{split} is not there.")
    else:
        articles = _load([split])
        report(f"PolNeAR {args.split}", articles[: args.limit] if args.limit else articles, args)
    if news_gold:
        news_gold_table(json_out=args.news_gold_json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
