"""Records returned by the quote finder."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from spacy.tokens import Token

from communique.model import Span

QuoteKindName = Literal["direct", "indirect", "mixed"]


@dataclass(frozen=True, slots=True)
class QuoteFinding:
    """One attributed quote found in a Doc; offsets are character offsets into `doc.text`.

    content: what was said (direct: the text inside the marks; indirect: the reported clause
        without its "that"; mixed: the quoted fragment inside reported speech).
    kind: "direct", "indirect" or "mixed".
    cue: the words that introduce the quote ("said", "according to", ":"), or None.
    speaker_mention: the words naming the speaker at the attribution ("he", "the ministry").
    speaker_ref: the best named mention the speaker stands for ("Matthew Miller"), or None.
    evidence: the sentence(s) holding content, cue and speaker.
    anonymous: an unnamed source ("a senior official said").
    confidence: in [0, 1]; higher for direct quotes with a named speaker.
    clause: for a mixed quote, the whole reported clause that holds the fragment (what
        PolNeAR and PARC call the content); None for other kinds or when not found.
    """

    content: Span
    kind: QuoteKindName
    cue: Span | None
    speaker_mention: Span | None
    speaker_ref: Span | None
    evidence: Span
    anonymous: bool = False
    confidence: float = 0.5
    clause: Span | None = None

    def to_dict(self) -> dict[str, Any]:
        """Plain, msgpack-serialisable values: spans become {"text", "start", "end"} dicts."""
        return {
            "content": _span_dict(self.content),
            "kind": self.kind,
            "cue": _span_dict(self.cue),
            "speaker_mention": _span_dict(self.speaker_mention),
            "speaker_ref": _span_dict(self.speaker_ref),
            "evidence": _span_dict(self.evidence),
            "anonymous": self.anonymous,
            "confidence": self.confidence,
            "clause": _span_dict(self.clause),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> QuoteFinding:
        """The inverse of `to_dict`."""
        return cls(
            content=_span_of(data["content"]) or Span("", 0, 0),
            kind=data["kind"],
            cue=_span_of(data.get("cue")),
            speaker_mention=_span_of(data.get("speaker_mention")),
            speaker_ref=_span_of(data.get("speaker_ref")),
            evidence=_span_of(data["evidence"]) or Span("", 0, 0),
            anonymous=bool(data.get("anonymous", False)),
            confidence=float(data.get("confidence", 0.5)),
            clause=_span_of(data.get("clause")),
        )


def _span_dict(span: Span | None) -> dict[str, Any] | None:
    if span is None:
        return None
    return {"text": span.text, "start": span.start, "end": span.end}


def _span_of(data: dict[str, Any] | None) -> Span | None:
    if data is None:
        return None
    return Span(str(data["text"]), int(data["start"]), int(data["end"]))


@dataclass(frozen=True, slots=True)
class IndirectHit:
    """Reported speech found in the parse: token ranges [start, end) and the speaker head."""

    content: tuple[int, int]
    cue: tuple[int, int]
    speaker: Token | None
    how: str  # "verb", "object" (the cue's object is what was said), "according", "noun",
    # or "passive" (a passive cue with no agent: "Turnout is expected to rise")
