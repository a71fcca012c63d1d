"""Acts told by their noun under a verb of claiming or announcing: "the military claimed
the killing of 33 militants" is the military killing them; "police announced the arrest of
two suspects" is the police arresting them.

Only a claim makes any act its claimant's: whoever announces or confirms a killing may
only be reporting it, but authorities announce the arrests and releases they make.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from spacy.tokens import Token

from ..actors.items import ActorRef
from ..actors.lookup import MentionIndex
from ..model import Span
from . import syntax, voice
from .items import EventFinding, between
from .ontology import VerbPattern

# Nouns of acts, with the verb whose patterns code them.
ACT_NOUNS = {
    "killing": "kill", "execution": "execute", "arrest": "arrest", "detention": "detain",
    "capture": "capture", "release": "release", "seizure": "seize",
    "deportation": "deport", "expulsion": "expel",
}  # fmt: skip
CUSTODY_NOUNS = frozenset(ACT_NOUNS) - {"killing", "execution"}
# Verbs that make the act their subject's: a claim, any act; an announcement, custody.
CLAIMING = {"claim": frozenset(ACT_NOUNS), "announce": CUSTODY_NOUNS, "confirm": CUSTODY_NOUNS}
CONFIDENCE = 0.6


def announced_acts(
    verb: Token,
    index: MentionIndex,
    evidence: Span,
    patterns: Mapping[str, Sequence[VerbPattern]],
    *,
    quote: int | None = None,
    speaker: ActorRef | None = None,
) -> list[EventFinding]:
    """The acts `verb` claims or announces as its subject's own."""
    nouns = CLAIMING.get(verb.lemma_.lower())
    subject = syntax.subject_of(verb) if nouns else None
    if subject is None or nouns is None:
        return []
    found: list[EventFinding] = []
    for noun in syntax.direct_objects(verb):
        lemma = noun.lemma_.lower()
        if lemma not in nouns:
            continue
        patients = syntax.prep_objects(noun, "of")
        pattern = _pattern(patterns.get(ACT_NOUNS[lemma], ()), patients)
        if pattern is None:
            continue
        sources = index.refs_for(subject, speaker=speaker, generic=True)
        for source in sources:
            targets: list[ActorRef | None] = [
                r for p in patients for r in index.refs_for(p, generic=True)
            ]
            if not targets and patients:
                doer = source if pattern.root == voice.COERCION_ROOT else None
                targets += voice.unnamed_victims(noun, patients[0], index, doer=doer)
            found += between(
                pattern.code,
                [source],
                targets or [None],
                verb=verb,
                trigger=noun,
                evidence=evidence,
                quote=quote,
                confidence=CONFIDENCE,
            )
    return found


def _pattern(candidates: Sequence[VerbPattern], patients: list[Token]) -> VerbPattern | None:
    """The pattern whose object is the patient ("seizure of the town"), else the plain one."""
    words = {p.lemma_.lower() for p in patients}
    specific = [c for c in candidates if c.objects & words]
    plain = [c for c in candidates if not c.objects and not c.particle]
    found = specific or plain
    return found[0] if found else None
