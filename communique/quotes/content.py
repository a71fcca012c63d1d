"""What a cue reports: the token range of a cue verb's clause, object or topic.

Tried from the most to the least reliable parse: a clausal complement ("said (that) ..."),
an object with a to-infinitive ("urged Y to ..."), a clause under the object ("told reporters
that ..."), a question word clause, the object itself for cues whose object is what was said
("called the plan a mistake"), a topic ("spoke about ..."), and the clause a parenthetical
report hangs on ("The museum, he said, is new").
"""

from __future__ import annotations

from spacy.tokens import Token

from communique.quotes.cues import CLAUSE_ONLY, TO_CUES

MIN_OBJECT_TOKENS = 2
WH_WORDS = frozenset({"how", "why", "whether"})  # not "if"/"when": conditions and times
# cues whose direct object is the addressee, not what was said
ADDRESSEE_CUES = frozenset({"tell", "ask", "inform", "advise", "warn", "remind", "assure"})
# cues whose direct object can be what was said ("proposed a new tax", "cited the report")
OBJECT_CUES = frozenset(
    {
        "propose",
        "mention",
        "cite",
        "demand",
        "announce",
        "predict",
        "recommend",
        "deny",
        "confirm",
        "acknowledge",
        "admit",
        "reiterate",
        "repeat",
        "promise",
        "vow",
        "pledge",
        "call",
        "suggest",
        "reject",
        "dismiss",
        "question",
        "claim",
        "describe",
        "allege",
        "threaten",
        "report",
        "reveal",
        "disclose",
        "forecast",
        "estimate",
        "tout",
        "decry",
        "condemn",
        "criticize",
        "criticise",
        "blast",
        "slam",
        "denounce",
        "endorse",
        "support",
        "echo",
        "offer",
        "urge",
        "charge",
        "accuse",
        "blame",
        "invoke",
        "praise",
        "attack",
        "defend",
        "dispute",
        "compliment",
        "highlight",
        "discuss",
        "express",
        "welcome",
        "back",
        "oppose",
        "favor",
        "favour",
        "document",
        "mock",
        "address",
        "promote",
        "outline",
        "detail",
        "publish",
        "feature",
        "reference",
        "laud",
        "hail",
        "applaud",
        "deride",
        "ridicule",
    }
)
# what completes a cue's object: "called it [a mistake]", "cited it [as proof]"
OBJECT_COMPLEMENTS = frozenset({"oprd", "prep", "xcomp", "acomp", "dative"})
# prepositions whose object is what a cue is about ("spoke about ...", "railed against ...")
TOPIC_PREPS = frozenset({"about", "against"})
# cues that take what was said as the object of "for" ("advocated for ...")
FOR_CUES = frozenset({"call", "advocate", "argue", "push", "apologize", "apologise", "press"})
# cues whose prepositional objects are times, places or media, not what was said
NO_TOPIC_CUES = frozenset({"say", "tell", "add", "note", "state", "ask"})


def content_range(verb: Token) -> tuple[int, int] | None:
    """Token range of what `verb` reports, tried from the most to the least reliable parse."""
    lemma = verb.lemma_.lower()
    children = list(verb.children)
    comps = [c for c in children if c.dep_ == "ccomp" and _same_line(c, verb)]
    comps = [c for c in comps if c.i > verb.i] or comps  # "It is late; she says ..."
    if comps:
        if lemma in CLAUSE_ONLY and comps[0].i < verb.i:
            return None
        return comps[0].left_edge.i, comps[-1].right_edge.i + 1
    if lemma in TO_CUES:
        comp = next(
            (
                c
                for c in children
                if c.dep_ == "xcomp"
                and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
            ),
            None,
        )
        if comp is not None:
            obj = next((c for c in children if c.dep_ in ("dobj", "dative") and c.i < comp.i), None)
            start = (
                obj.left_edge.i
                if obj is not None and lemma not in ADDRESSEE_CUES
                else comp.left_edge.i
            )
            return start, comp.right_edge.i + 1
    for child in children:
        if child.dep_ in ("dobj", "dative"):
            clause = that_clause(child)
            if clause is not None:
                return clause
        if (
            child.dep_ == "advcl"
            and child.i > verb.i
            and any(g.lower_ in WH_WORDS and g.dep_ in ("advmod", "mark") for g in child.children)
        ):
            return child.left_edge.i, child.right_edge.i + 1
    if lemma in OBJECT_CUES:
        for child in children:
            if child.dep_ in ("dobj", "oprd") and child.i > verb.i:
                start, end = child.left_edge.i, object_reach(verb, child)
                if end - start >= MIN_OBJECT_TOKENS:
                    return start, end
    for child in children:
        topic = child.lower_ in TOPIC_PREPS or (child.lower_ == "for" and lemma in FOR_CUES)
        if child.dep_ == "prep" and topic and lemma not in NO_TOPIC_CUES and child.i > verb.i:
            obj = next((g for g in child.children if g.dep_ in ("pobj", "pcomp")), None)
            if obj is not None:
                return obj.left_edge.i, obj.right_edge.i + 1
    if verb.dep_ == "parataxis" and verb.head.i != verb.i:
        head = verb.head
        lo, hi = head.left_edge.i, head.right_edge.i + 1
        if verb.left_edge.i > lo:
            return lo, hi if verb.right_edge.i + 1 < hi else verb.left_edge.i
    return None


def _same_line(a: Token, b: Token) -> bool:
    lo, hi = min(a.i, b.i), max(a.i, b.i)
    return not any("\n" in t.text for t in a.doc[lo:hi])


def object_reach(verb: Token, obj: Token) -> int:
    """End of an object with what completes it: "called [the plan a mistake]", "blasted [the
    press for its coverage]"; a comma, a clause or a time ends it."""
    end = obj.right_edge.i + 1
    for child in verb.rights:
        if child.i <= obj.i:
            continue
        if child.left_edge.i != end or child.dep_ not in OBJECT_COMPLEMENTS:
            break
        if child.dep_ == "prep" and any(t.ent_type_ in ("DATE", "TIME") for t in child.subtree):
            break
        end = child.right_edge.i + 1
    return end


def that_clause(obj: Token) -> tuple[int, int] | None:
    """ "told reporters that ..." parsed with the clause under the object."""
    for token in obj.subtree:
        if (
            token.i != obj.i
            and token.pos_ in ("VERB", "AUX")
            and any(
                g.dep_ == "mark" and g.lower_ in ("that", "whether", "if") for g in token.children
            )
        ):
            return token.left_edge.i, token.right_edge.i + 1
    return None
