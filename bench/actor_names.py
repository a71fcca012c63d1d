"""Actor names that are no names: pronouns, determiner phrases, common nouns, bylines.

Runs `communique.pipeline.extract` over the real articles in ../shared/corpora/*/
articles.jsonl (VOA and Wikinews) and lists each actor whose name
`communique.actors.names.junk_class` finds suspect, by class:

- pronoun       "He", "They"
- byline        the outlet's label for its own reporter ("WN" in Wikinews interviews)
- determiner    "Some", "the 36", "many people"
- lower-case    "margins", "award-winning journalist"
- common-noun   "Early opponent", "State" (of "Secretary of State"), "Prime Minister"

Counts are of actors (one per article and name), with the most frequent names of each
class as examples. Skips with a message when the corpora are not there.

    python bench/actor_names.py [--limit N] [--examples N] [--json]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

from communique.actors.dictionary import load_dictionary
from communique.actors.names import CLASSES, junk_class
from communique.ingest import read
from communique.model import Article
from communique.pipeline import extract

CORPORA = Path(__file__).resolve().parents[2] / "shared" / "corpora"


def corpus_files(root: Path = CORPORA) -> list[Path]:
    return sorted(root.glob("*/articles.jsonl"))


def articles(files: list[Path], limit: int | None = None) -> list[Article]:
    found = [item for item in read([str(f) for f in files]) if isinstance(item, Article)]
    return found[:limit] if limit else found


def suspects(items: list[Article]) -> tuple[int, list[dict[str, str]]]:
    """The number of actors, and one record per actor whose name is junk."""
    dictionary = load_dictionary()
    total = 0
    found = []
    for result in extract(items):
        data = result.to_dict()
        text = data["article"]["text"]
        for actor in data["actors"]:
            total += 1
            kind = junk_class(actor["name"], kind=actor["kind"], text=text, dictionary=dictionary)
            if kind is not None:
                found.append(
                    {
                        "class": kind,
                        "name": actor["name"],
                        "kind": actor["kind"],
                        "code": actor["code"] or "",
                        "article": data["article"]["id"],
                    }
                )
    return total, found


def report(total: int, found: list[dict[str, str]], n_articles: int, seconds: float) -> dict:
    by_class = {c: [f for f in found if f["class"] == c] for c in CLASSES}
    return {
        "articles": n_articles,
        "actors": total,
        "junk": len(found),
        "seconds": round(seconds, 1),
        "classes": {
            c: {
                "count": len(items),
                "names": Counter(f"{f['name']} ({f['kind']})" for f in items).most_common(),
            }
            for c, items in by_class.items()
        },
        "junk_actors": found,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpora", type=Path, default=CORPORA)
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles")
    parser.add_argument("--examples", type=int, default=12, help="names shown per class")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    args = parser.parse_args(argv)
    files = corpus_files(args.corpora)
    if not files:
        print(f"skipped: no corpora at {args.corpora}/*/articles.jsonl", file=sys.stderr)
        return 0
    items = articles(files, args.limit)
    started = time.perf_counter()
    total, found = suspects(items)
    result = report(total, found, len(items), time.perf_counter() - started)
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=1))
        return 0
    print(
        f"{result['articles']} articles, {total} actors, {len(found)} junk names "
        f"({result['seconds']} s)"
    )
    print()
    print("| class | actors | most frequent names |")
    print("| --- | --- | --- |")
    for name, info in result["classes"].items():
        shown = info["names"][: args.examples]
        examples = ", ".join(f"{n} ×{k}" if k > 1 else n for n, k in shown)
        print(f"| {name} | {info['count']} | {examples} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
