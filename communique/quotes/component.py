"""The spaCy component `communique_quotes`: find quotes, then store them on the Doc."""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from communique.quotes.items import QuoteFinding
from communique.quotes.rules import find_quotes

Doc.set_extension("quotes", default=None, force=True)


class QuotesComponent:
    """Sets `doc._.quotes` to a list of plain dicts (msgpack-serialisable, so
    `nlp.pipe(texts, n_process=2)` works); `findings_from_doc` turns them back into records."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        set_annotations(doc, find_quotes(doc))
        return doc


def set_annotations(doc: Doc, findings: list[QuoteFinding]) -> None:
    doc._.quotes = [f.to_dict() for f in findings]


def findings_from_doc(doc: Doc) -> list[QuoteFinding]:
    """The findings stored in `doc._.quotes` as `QuoteFinding` records."""
    stored: list[dict[str, Any]] = doc._.quotes or []
    return [QuoteFinding.from_dict(item) for item in stored]


@Language.factory(
    "communique_quotes",
    requires=["doc.sents", "token.dep", "doc.ents"],
    assigns=["doc._.quotes"],
)
def make_quotes(nlp: Language, name: str) -> QuotesComponent:
    return QuotesComponent(nlp, name)
