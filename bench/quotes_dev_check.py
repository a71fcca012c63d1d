"""Quick check of communique.quotes on PolNeAR dev (the lead's proper bench comes later).

Reads ../shared/benchmarks/polnear/dev.jsonl at run time (copyrighted: never copied here) and
prints content precision/recall/F1 by kind under "overlap >= 50% of words both ways", and
speaker accuracy on matched quotes (our speaker mention or named ref overlaps the gold
speaker span). `--show N` prints N misses and N false alarms for reading.

    python bench/quotes_dev_check.py [--limit 20] [--show 10]
"""

from __future__ import annotations

import argparse
import json
import re
import time
from collections import Counter
from pathlib import Path

from communique import nlp as nlp_module
from communique.quotes import QuoteFinding, find_quotes

DEV = Path(__file__).resolve().parents[2] / "shared" / "benchmarks" / "polnear" / "dev.jsonl"
WORD = re.compile(r"\w+")
KINDS = ("direct", "indirect", "mixed")


def words(text: str, spans: list[tuple[int, int]]) -> set[int]:
    """Start offsets of the word characters' words inside `spans`."""
    found: set[int] = set()
    for start, end in spans:
        found.update(start + m.start() for m in WORD.finditer(text[start:end]))
    return found


def match(gold: list[set[int]], pred: list[set[int]]) -> dict[int, int]:
    """Greedy one-to-one matching, gold index -> pred index, by overlap."""
    pairs = []
    for g, gw in enumerate(gold):
        for p, pw in enumerate(pred):
            both = len(gw & pw)
            if gw and pw and both >= 0.5 * len(gw) and both >= 0.5 * len(pw):
                pairs.append((both, g, p))
    pairs.sort(reverse=True)
    used_g: set[int] = set()
    used_p: set[int] = set()
    out: dict[int, int] = {}
    for _, g, p in pairs:
        if g not in used_g and p not in used_p:
            out[g] = p
            used_g.add(g)
            used_p.add(p)
    return out


def group_predictions(preds: list[QuoteFinding]) -> list[list[QuoteFinding]]:
    """PolNeAR keeps one attribution per cue: ("A," she said, "B.") is one quote with two
    content parts, and so is a quote continued without a cue. communique emits one finding per
    quoted stretch, so findings of the same kind with the same speaker mention are joined here."""
    groups: list[list[QuoteFinding]] = []
    by_key: dict[tuple[str, int, int], int] = {}
    for q in preds:
        m = q.speaker_mention
        key = (q.kind, m.start, m.end) if m is not None and q.kind != "indirect" else None
        if key is not None and key in by_key:
            groups[by_key[key]].append(q)
            continue
        if key is not None:
            by_key[key] = len(groups)
        groups.append([q])
    return groups


def speaker_ok(q: QuoteFinding, gold: dict) -> bool:
    spans = gold.get("speaker_spans") or []
    mine = [s for s in (q.speaker_mention, q.speaker_ref) if s is not None]
    return any(s.start < e and b < s.end for s in mine for b, e in spans)


def prf(tp: int, n_pred: int, n_gold: int) -> str:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f"P {p:.3f} R {r:.3f} F1 {f:.3f} (tp {tp}, pred {n_pred}, gold {n_gold})"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--show", type=int, default=0)
    parser.add_argument("--kind", default="")
    args = parser.parse_args()
    articles = [json.loads(line) for line in DEV.open(encoding="utf-8")]
    if args.limit:
        articles = articles[: args.limit]
    nlp = nlp_module.load()
    counts: Counter[str] = Counter()
    misses: list[str] = []
    alarms: list[str] = []
    bad_speakers: list[str] = []
    t_parse = t_quotes = 0.0
    for art in articles:
        text = art["text"]
        t0 = time.perf_counter()
        doc = nlp(text)
        t1 = time.perf_counter()
        found = find_quotes(doc)
        t_quotes += time.perf_counter() - t1
        groups = group_predictions(found)
        preds = [g[0] for g in groups]
        t_parse += t1 - t0
        golds = art["quotes"]
        gw = [words(text, [tuple(s) for s in g["content_spans"]]) for g in golds]
        pw = [words(text, [(q.content.start, q.content.end) for q in g]) for g in groups]
        pairs = match(gw, pw)
        for g, gold in enumerate(golds):
            counts[f"gold_{gold['kind']}"] += 1
            counts["gold"] += 1
            if g in pairs:
                q = preds[pairs[g]]
                counts[f"tp_gold_{gold['kind']}"] += 1
                counts["tp"] += 1
                if gold["kind"] == q.kind:
                    counts[f"tp_same_{gold['kind']}"] += 1
                if gold.get("speaker_spans"):
                    counts["spk_n"] += 1
                    if speaker_ok(q, gold):
                        counts["spk_ok"] += 1
                    elif len(bad_speakers) < args.show:
                        bad_speakers.append(
                            f"  gold {gold['speaker']!r} | ours "
                            f"{q.speaker_mention and q.speaker_mention.text!r} -> "
                            f"{q.speaker_ref and q.speaker_ref.text!r} | "
                            f"{q.content.text[:80]!r}"
                        )
            elif len(misses) < args.show and (not args.kind or gold["kind"] == args.kind):
                misses.append(
                    f"  [{gold['kind']}] {gold['speaker']!r} {gold['cue']!r}: "
                    f"{gold['content'][:100]!r}"
                )
            elif gold["kind"] == "mixed":
                # lenient: a fragment of ours inside the gold content
                for p, q in enumerate(preds):
                    if q.kind == "mixed" and pw[p] and len(pw[p] & gw[g]) >= 0.5 * len(pw[p]):
                        counts["mixed_lenient"] += 1
                        break
        matched_p = set(pairs.values())
        for p, q in enumerate(preds):
            counts[f"pred_{q.kind}"] += 1
            counts["pred"] += 1
            if p in matched_p:
                counts[f"tp_pred_{q.kind}"] += 1
            elif len(alarms) < args.show and (not args.kind or q.kind == args.kind):
                alarms.append(
                    f"  [{q.kind}] {q.speaker_mention and q.speaker_mention.text!r} "
                    f"{q.cue and q.cue.text!r}: {q.content.text[:100]!r}"
                )
    print(
        f"articles {len(articles)}; parse {t_parse:.1f}s, quotes {t_quotes:.2f}s "
        f"({100 * t_quotes / max(t_parse, 1e-9):.1f}% of parsing)"
    )
    print("all kinds:", prf(counts["tp"], counts["pred"], counts["gold"]))
    for kind in KINDS:
        # recall by gold kind, precision by predicted kind, kind-blind content match
        tp_g, tp_p = counts[f"tp_gold_{kind}"], counts[f"tp_pred_{kind}"]
        n_g, n_p = counts[f"gold_{kind}"], counts[f"pred_{kind}"]
        p = tp_p / n_p if n_p else 0.0
        r = tp_g / n_g if n_g else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        print(
            f"{kind:9s} P {p:.3f} R {r:.3f} F1 {f:.3f} (gold {n_g}, pred {n_p}; "
            f"same kind {counts[f'tp_same_{kind}']})"
        )
    print(f"mixed, lenient extra (our fragment inside gold content): {counts['mixed_lenient']}")
    print(
        f"speaker accuracy on matched: {counts['spk_ok'] / max(counts['spk_n'], 1):.3f} "
        f"({counts['spk_ok']}/{counts['spk_n']})"
    )
    for title, rows in (
        ("misses", misses),
        ("false alarms", alarms),
        ("wrong speakers", bad_speakers),
    ):
        if rows:
            print(title + ":")
            print("\n".join(rows))


if __name__ == "__main__":
    main()
