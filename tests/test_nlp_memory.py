"""Memory (issue 13, item 5): texts reach the parser in groups of bounded size and a long
text in pieces cut at blank lines, joined into one Doc with the text, tokens and sentences
of a whole parse; peak memory stays far below a whole parse of a long article."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from spacy.language import Language

from communique import nlp as nlp_module
from communique.ingest import read
from communique.model import Article

ROOT = Path(__file__).resolve().parents[1]


def long_text(paragraphs: int) -> str:
    """A text of the examples' paragraphs, repeated."""
    found = [a for a in read([str(ROOT / "examples")]) if isinstance(a, Article)]
    parts = [p for a in found for p in a.text.split("\n\n") if len(p) > 200]
    return "\n\n".join(parts[i % len(parts)] for i in range(paragraphs))


@pytest.mark.parametrize("limit", [300, 1000, 5000, 100_000])
def test_pieces_join_back_and_stay_within_the_limit(limit: int) -> None:
    text = long_text(30)
    pieces = nlp_module.pieces_of(text, limit)
    assert "".join(pieces) == text
    assert all(len(p) <= limit or "\n\n" not in p.rstrip() for p in pieces)
    assert (len(pieces) == 1) is (len(text) <= limit)
    assert all(p.endswith("\n\n") for p in pieces[:-1])  # cut after a blank line


@pytest.mark.parametrize("budget,sizes", [(10, [[4, 5], [7], [12], [1, 2, 3]])])
def test_batches_stay_within_the_budget(budget: int, sizes: list[list[int]]) -> None:
    texts = ["x" * n for group in sizes for n in group]
    assert [[len(t) for t in g] for g in nlp_module.batches(texts, budget)] == sizes


@pytest.mark.parametrize("limit", [1500])
def test_long_text_parsed_in_pieces_is_one_doc_like_a_whole_parse(
    nlp: Language, monkeypatch: pytest.MonkeyPatch, limit: int
) -> None:
    monkeypatch.setattr(nlp_module, "MAX_PIECE_CHARS", limit)
    text = long_text(40)
    assert len(nlp_module.pieces_of(text)) > 5
    (pieced,) = nlp_module.parse(nlp, [text])
    whole = nlp(text)
    assert pieced.text == text and len(pieced) == len(whole)
    assert [s.start for s in pieced.sents] == [s.start for s in whole.sents]
    same = sum(
        (a.tag_, a.dep_, a.head.i, a.ent_type_) == (b.tag_, b.dep_, b.head.i, b.ent_type_)
        for a, b in zip(pieced, whole, strict=True)
    )
    assert same / len(whole) > 0.99


@pytest.mark.parametrize("n", [7])
def test_short_texts_parse_exactly_as_spacy_alone(nlp: Language, n: int) -> None:
    texts = long_text(n).split("\n\n")
    ours = list(nlp_module.parse(nlp, texts))
    theirs = list(nlp.pipe(texts))
    assert [d.to_json() for d in ours] == [d.to_json() for d in theirs]


PEAK = """
import sys
from communique import nlp as nlp_module
from tests.test_nlp_memory import long_text

def peak():
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM"):
            return int(line.split()[1]) // 1024

model = nlp_module.load()
model("warm up")
text = long_text(420)  # about 100,000 characters, like the corpus's longest article
before = peak()
if sys.argv[1] == "whole":
    model(text)
else:
    list(nlp_module.parse(model, [text]))
print(peak() - before)
"""


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads /proc (Linux)")
@pytest.mark.parametrize("most_mb", [200])
def test_a_long_article_costs_a_fraction_of_a_whole_parse(most_mb: int) -> None:
    def growth(how: str) -> int:
        done = subprocess.run(
            [sys.executable, "-c", PEAK, how], cwd=ROOT, capture_output=True, text=True, timeout=300
        )
        assert done.returncode == 0, done.stderr
        return int(done.stdout.strip())

    pieced, whole = growth("pieces"), growth("whole")
    assert pieced < most_mb < whole, (pieced, whole)
