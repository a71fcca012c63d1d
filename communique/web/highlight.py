"""Article text with quotes, cues, speakers, event triggers and actor mentions marked up.

The text is cut at every annotation boundary; each piece becomes a `<span>` whose
classes name what covers it and whose `data-refs` name the quotes and events it
belongs to (the page's JS links them to their cards), with a `title` for hover.
Everything is escaped; offsets are those of the output contract.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from typing import Any

from markupsafe import Markup

from ..events.ontology import code_info


@dataclass(frozen=True, slots=True)
class Mark:
    start: int
    end: int
    kind: str  # quote, cue, speaker, trigger, actor
    ref: str  # q1, e2, a3
    label: str


def marks(result: dict[str, Any]) -> list[Mark]:
    """Every span to mark in one contract object."""
    actors = {a["id"]: a for a in result["actors"]}
    found: list[Mark] = []
    for actor in result["actors"]:
        label = f"Actor {actor['name']}" + (f" ({actor['code']})" if actor["code"] else "")
        found += [
            Mark(m["start"], m["end"], "actor", actor["id"], label) for m in actor["mentions"]
        ]
    for quote in result["quotes"]:
        speaker = actors.get(quote["speaker"] or "", {}).get("name", "unknown speaker")
        label = f"Quote {quote['id']} ({quote['kind']}) by {speaker}"
        for kind, key in (("quote", "content"), ("cue", "cue"), ("speaker", "speaker_mention")):
            span = quote[key]
            if span:
                found.append(Mark(span["start"], span["end"], kind, quote["id"], label))
    for event in result["events"]:
        span = event["trigger"]
        if span:
            found.append(
                Mark(span["start"], span["end"], "trigger", event["id"], event_label(event, actors))
            )
    return [m for m in found if 0 <= m.start < m.end]


def event_label(event: dict[str, Any], actors: dict[str, dict[str, Any]]) -> str:
    source = actors.get(event["source"] or "", {}).get("name", "?")
    target = actors.get(event["target"] or "", {}).get("name", "—")
    name = code_info(event["cameo"]).name
    mode = "" if event["mode"] == "asserted" else f", {event['mode']}"
    negated = ", negated" if event["negated"] else ""
    return (
        f"Event {event['id']}: {source} → {target}: {event['cameo']} {name} "
        f"({event['plover']}, Goldstein {event['goldstein']}{mode}{negated})"
    )


def highlight(text: str, found: list[Mark]) -> Markup:
    """`text` as HTML with every mark wrapped in spans."""
    cuts = sorted({0, len(text), *(m.start for m in found), *(m.end for m in found)})
    pieces: list[str] = []
    for start, end in zip(cuts, cuts[1:], strict=False):
        if start >= len(text):
            break
        piece = escape(text[start:end])
        covering = [m for m in found if m.start <= start and end <= m.end]
        if not covering:
            pieces.append(piece)
            continue
        kinds = sorted({m.kind for m in covering})
        refs = " ".join(dict.fromkeys(m.ref for m in covering if m.kind != "actor"))
        actor_refs = " ".join(dict.fromkeys(m.ref for m in covering if m.kind == "actor"))
        title = escape(" | ".join(dict.fromkeys(m.label for m in covering)))
        classes = " ".join(f"hl-{k}" for k in kinds)
        pieces.append(
            f'<span class="hl {classes}" data-refs="{refs}" data-actors="{actor_refs}"'
            f' title="{title}">{piece}</span>'
        )
    return Markup("".join(pieces))
