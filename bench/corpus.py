"""A synthetic news corpus of any size, varied from the project's own example articles.

Each article takes a few paragraphs of the examples in a shuffled order and swaps
the countries, capitals and weekdays it names for others, so that the speed and
scale benchmarks parse many different texts (no cache can help) without copying any
real news. Deterministic for a given seed.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from pathlib import Path

from communique.ingest import read
from communique.model import Article

EXAMPLES = Path(__file__).parents[1] / "examples"
# The four long example articles; examples/series.jsonl (short dated stories for the README's
# dyad commands) is left out so that the corpus, and speed figures, stay comparable.
SOURCES = ("articles.jsonl", "briefing.html", "ministry-statement.txt")
COUNTRIES = [
    ("Georgia", "Tbilisi", "Georgian"), ("Armenia", "Yerevan", "Armenian"),
    ("Turkey", "Ankara", "Turkish"), ("Greece", "Athens", "Greek"),
    ("Japan", "Tokyo", "Japanese"), ("the Philippines", "Manila", "Philippine"),
    ("Russia", "Moscow", "Russian"), ("Ukraine", "Kyiv", "Ukrainian"),
    ("Kenya", "Nairobi", "Kenyan"), ("Ethiopia", "Addis Ababa", "Ethiopian"),
    ("Peru", "Lima", "Peruvian"), ("Chile", "Santiago", "Chilean"),
    ("Poland", "Warsaw", "Polish"), ("Hungary", "Budapest", "Hungarian"),
    ("India", "New Delhi", "Indian"), ("Pakistan", "Islamabad", "Pakistani"),
    ("Egypt", "Cairo", "Egyptian"), ("Jordan", "Amman", "Jordanian"),
    ("Vietnam", "Hanoi", "Vietnamese"), ("Indonesia", "Jakarta", "Indonesian"),
]  # fmt: skip
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def example_paragraphs() -> list[str]:
    paragraphs = []
    for item in read([str(EXAMPLES / name) for name in SOURCES]):
        if isinstance(item, Article):
            paragraphs += [p for p in item.text.split("\n\n") if len(p.split()) > 8]
    return paragraphs


def _swap(text: str, rng: random.Random) -> str:
    """Replace each country (with its capital and adjective) by a random other one."""
    present = [c for c in COUNTRIES if c[0] in text or c[1] in text or c[2] in text]
    replacement = dict(zip(present, rng.sample(COUNTRIES, len(present)), strict=True))
    table = {}
    for old, new in replacement.items():
        table.update(dict(zip(old, new, strict=True)))
    table.update({day: rng.choice(WEEKDAYS) for day in WEEKDAYS if day in text})
    if not table:
        return text
    pattern = re.compile("|".join(re.escape(k) for k in sorted(table, key=len, reverse=True)))
    return pattern.sub(lambda m: table[m.group(0)], text)


def synthetic_articles(n: int, *, seed: int = 7) -> Iterator[Article]:
    """`n` articles of 4-8 paragraphs each, generated lazily (constant memory)."""
    rng = random.Random(seed)
    paragraphs = example_paragraphs()
    for i in range(n):
        chosen = rng.sample(paragraphs, k=min(len(paragraphs), rng.randint(4, 8)))
        text = "\n\n".join(_swap(p, rng) for p in chosen)
        day = 1 + i % 28
        yield Article(id=f"synthetic-{i}", text=text, published=f"2024-03-{day:02d}")
