"""Claims and denials: communique's alleged events against news_gold's `claims[]`.

- news_gold `dev.jsonl` (42 whole real articles; `claims[]` annotated under the folder's
  `CLAIMS.md`): the folder's own `claims.py` scores the events with mode "alleged":
  a claim is found when an alleged event has its (source country, target country, CAMEO
  root); its claimant is right when a `claimed_by` actor's country is a gold claimant; a
  denial is found when a gold claim with deniers is matched by an event whose `denied_by`
  holds one of them.
- the seed article: every accusation (root 11) and whether an alleged act is linked to it
  (an event whose `accusation` is its id), with the acts' claimants and deniers.

Reads `../shared/` at run time; nothing from it is copied into the project. A missing
folder is skipped with a line saying so.

    python bench/claims.py [--show 10] [--limit N]

`--show N` lists N gold claims missed and N alleged events that match no gold claim.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

from communique.model import Article

sys.path.insert(0, str(Path(__file__).parent))

from events import NEWS_GOLD, SEED, _shown, gold_articles, run  # noqa: E402
from quotes import load_scorer  # noqa: E402

Row = dict[str, Any]
Key = tuple[str | None, str | None, str]


def load_claims_scorer(folder: Path) -> ModuleType | None:
    """The folder's `claims.py` as a module (it imports its neighbour `score.py`), or None."""
    if not (folder / "score.py").is_file():
        return None
    sys.path.insert(0, str(folder))
    return load_scorer(folder, "claims.py")


def alleged_key(event: Row, actors: dict[str, Row]) -> Key:
    """(source country, target country, root) of an alleged event, as `claims.py` keys it."""
    source = actors.get(event.get("source") or "") or {}
    target = actors.get(event.get("target") or "") or {}
    return (source.get("country"), target.get("country"), str(event["cameo_root"]))


def names(ids: list[str], actors: dict[str, Row]) -> str:
    found = [actors[i] for i in ids if i in actors]
    return ", ".join(f"{a['name']} ({a.get('country')})" for a in found)


def show_news_gold(gold: dict[str, Row], preds: dict[str, Row], show: int) -> None:
    """The gold claims missed and the alleged events no gold claim has, `show` of each."""
    misses, false = [], []
    for key, record in gold.items():
        result = preds.get(key) or {"actors": [], "events": []}
        actors = {a["id"]: a for a in result["actors"]}
        alleged = {
            alleged_key(e, actors): e for e in result["events"] if e.get("mode") == "alleged"
        }
        wanted = {(c["source"], c["target"], c["cameo_root"]): c for c in record.get("claims", [])}
        misses += [(key, k, c) for k, c in wanted.items() if k not in alleged]
        false += [(key, k, e, actors) for k, e in alleged.items() if k not in wanted]
    print(f"\ngold claims missed ({len(misses)}), first {show}:")
    for key, k, claim in misses[:show]:
        print(f"- {key[:40]} {k} claimed by {claim['claimed_by']}: {claim['evidence'][:150]}")
    print(f"\nalleged events with no gold claim ({len(false)}), first {show}:")
    for key, k, event, actors in false[:show]:
        print(
            f"- {key[:40]} {k} '{event['trigger']['text']}' claimed by "
            f"[{names(event['claimed_by'], actors)}]: {event['evidence']['text'][:150]}"
        )


def news_gold_section(show: int, limit: int) -> dict[str, Any] | None:
    scorer = load_claims_scorer(NEWS_GOLD)
    gold_path = NEWS_GOLD / "dev.jsonl"
    if scorer is None or not gold_path.is_file():
        missing = NEWS_GOLD if scorer is None else gold_path
        print(f"### news_gold claims\n\nskipped: {_shown(missing)} not found\n")
        return None
    gold, articles = gold_articles(scorer, gold_path, limit)
    preds = {r["article"]["id"]: r for r in run(articles)}
    scores: dict[str, Any] = scorer.score(gold, preds)
    print(f"### news_gold {gold_path.name} ({len(gold)} articles)\n")
    print("| measure | value | target |\n| --- | --- | --- |")
    print(f"| gold claims / alleged events | {scores['claims_gold']} / {scores['claims_pred']} | |")
    print(
        f"| alleged-event P / R / F1 | {scores['claims_p']:.3f} / {scores['claims_r']:.3f} / "
        f"{scores['claims_f1']:.3f} | F1 >= 0.70 |"
    )
    print(f"| claimant right (on matched claims) | {scores['claimant_acc']:.3f} | >= 0.90 |")
    print(
        f"| denials linked (of {scores['denials_gold']} gold claims with deniers) | "
        f"{scores['denials_found']:.3f} | >= 0.70 |"
    )
    if show:
        show_news_gold(gold, preds, show)
    return scores


def seed_section() -> None:
    """Each accusation of the seed article, with the alleged acts linked to it."""
    if not SEED.is_file():
        print(f"\n### seed\n\nskipped: {_shown(SEED)} not found")
        return
    record = json.loads(SEED.read_text(encoding="utf-8"))
    article = Article(
        id=record["id"], text=record["text"], title=record.get("title"),
        published=record.get("published"),
    )  # fmt: skip
    (result,) = run([article])
    actors = {a["id"]: a for a in result["actors"]}
    events = result["events"]
    print("\n### seed: accusations and the acts linked to them\n")
    for event in events:
        if event["cameo_root"] != "11":
            continue
        acts = [e for e in events if e.get("accusation") == event["id"]]
        source = actors.get(event["source"] or "", {}).get("name")
        target = actors.get(event["target"] or "", {}).get("name")
        linked = "; ".join(
            f"{e['cameo']} '{e['trigger']['text']}' denied by [{names(e['denied_by'], actors)}]"
            for e in acts
        )
        print(f"- {event['id']} {source} -> {target} '{event['trigger']['text']}': "
              f"{linked or 'no alleged act linked'}")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", type=int, default=0)
    parser.add_argument("--limit", type=int, default=0)
    args = parser.parse_args()
    news_gold_section(args.show, args.limit)
    seed_section()


if __name__ == "__main__":
    main()
