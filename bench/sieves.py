"""Precision of each speaker sieve of the entity model on whole articles (news_gold dev).

For every gold quote that communique finds, the sieve that linked the found quote's speaker
(`communique.entities.speakers.SpeakerSieves`) and whether the speaker is right, by the
shared scorer's own rule (`score.speaker_ok`). Reads `../shared/benchmarks/news_gold/` at run
time and says so when it is missing; nothing of it is stored in the project.

    python bench/sieves.py [--show [--context]]
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from communique.entities import speakers as speaker_sieves
from communique.entities.items import Link
from communique.model import Article
from communique.pipeline import extract
from communique.quotes.items import QuoteFinding

sys.path.insert(0, str(Path(__file__).parent))

from quotes import NEWS_GOLD, load_scorer  # noqa: E402

SHOW = "--show" in sys.argv  # print each wrong speaker under its sieve
CONTEXT = "--context" in sys.argv  # with --show: the text before each wrong speaker's quote
GOLD = NEWS_GOLD


def run(articles: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], dict[tuple[str, int], str]]:
    """communique's output per article, and the sieve behind each quote's speaker (by the
    article id and the quote's content start)."""
    sieves: dict[tuple[str, int], str] = {}
    original = speaker_sieves.SpeakerSieves.link
    current = {"id": ""}

    def link(self: speaker_sieves.SpeakerSieves, finding: QuoteFinding) -> Link | None:
        found = original(self, finding)
        key = (current["id"], finding.content.start)
        sieves[key] = found.sieve if found is not None else "none"
        return found

    speaker_sieves.SpeakerSieves.link = link  # type: ignore[method-assign]
    out = []
    try:
        for raw in articles:
            current["id"] = raw["id"]
            article = Article(
                id=raw["id"],
                text=raw["text"],
                title=raw.get("title"),
                published=raw.get("published"),
            )
            out.append(next(extract([article])).to_dict())
    finally:
        speaker_sieves.SpeakerSieves.link = original  # type: ignore[method-assign]
    return out, sieves


def table(articles: list[dict[str, Any]]) -> list[str]:
    score = load_scorer()
    assert score is not None  # main() checked the folder
    results, sieves = run(articles)
    tally: Counter[tuple[str, bool]] = Counter()
    for gold, result in zip(articles, results, strict=True):
        text = gold["text"]
        actors = {a["id"]: a for a in result["actors"]}
        quotes = result["quotes"]
        spans = [score.locate(text, score.body(q).get("text", ""), score.body(q).get("start"))
                 for q in quotes]  # fmt: skip
        cover = score.char_cover([s for s in spans if s], len(text))
        for quote in gold["quotes"]:
            where = score.locate(text, quote["content"])
            if not where or not quote.get("speaker"):
                continue
            if sum(cover[where[0] : where[1]]) * 2 < where[1] - where[0]:
                continue  # not found, as the scorer counts it
            overlaps = [
                (min(where[1], s[1]) - max(where[0], s[0]), -j) for j, s in enumerate(spans) if s
            ]
            best = max(overlaps, default=(0, 0))
            if best[0] <= 0:
                continue
            found = quotes[-best[1]]
            actor = actors.get(found.get("speaker"))
            right = bool(score.speaker_ok(quote["speaker"], quote.get("speaker_country"), actor))
            sieve = sieves.get((gold["id"], found["content"]["start"]), "none")
            tally[(sieve, right)] += 1
            if not right and SHOW:
                got = actor["name"] if actor else None
                print(f"  {sieve}: gold {quote['speaker']!r}, got {got!r} "
                      f"({(found.get('speaker_mention') or {}).get('text')!r})")  # fmt: skip
                if CONTEXT:
                    before = text[max(0, where[0] - 300) : where[0]].replace("\n", " / ")
                    print(f"      ...{before}>>>{text[where[0] : where[1] + 80]!r}")
    rows = ["| sieve | speakers linked | right | precision |", "| --- | --- | --- | --- |"]
    names = sorted({s for s, _ in tally}, key=lambda s: -(tally[(s, True)] + tally[(s, False)]))
    for name in names:
        right, wrong = tally[(name, True)], tally[(name, False)]
        rows.append(f"| {name} | {right + wrong} | {right} | {right / (right + wrong):.3f} |")
    total = sum(tally.values())
    good = sum(n for (_, ok), n in tally.items() if ok)
    rows.append(f"| all | {total} | {good} | {good / total:.3f} |")
    return rows


def main() -> int:
    if not (GOLD / "dev.jsonl").exists() or load_scorer() is None:
        print("skipped: ../shared/benchmarks/news_gold not found")
        return 0
    with open(GOLD / "dev.jsonl", encoding="utf-8") as lines:
        articles = [json.loads(line) for line in lines if line.strip()]
    print("\n".join(table(articles)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
