"""What a cue reports: the token range of a cue verb's clause, object or topic.

Tried from the most to the least reliable parse: a clausal complement ("said (that) ..."),
an object with a to-infinitive ("urged Y to ..."), a clause under the object ("told reporters
that ..."), a question word clause, the object itself for cues whose object is what was said
("called the plan a mistake"), a topic ("spoke about ..."), and the clause a parenthetical
report hangs on ("The museum, he said, is new").
"""

from __future__ import annotations

from spacy.tokens import Token

from communique.docview import children_of
from communique.quotes.cues import CLAUSE_ONLY, TO_CUES
from communique.quotes.marks import ANY_DOUBLE, CLOSE_SINGLE, OPEN_SINGLE

MIN_OBJECT_TOKENS = 2
QUOTE_MARKS = ANY_DOUBLE | OPEN_SINGLE | CLOSE_SINGLE
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
        "show",
    }
)
# what completes a cue's object: "called it [a mistake]", "cited it [as proof]"
OBJECT_COMPLEMENTS = frozenset({"oprd", "prep", "xcomp", "acomp", "dative"})
# prepositions whose object is what a cue is about ("spoke about ...", "railed against ...")
TOPIC_PREPS = frozenset({"about", "against"})
# cues that take what was said as the object of "for" ("advocated for ...")
FOR_CUES = frozenset({"call", "advocate", "argue", "push", "apologize", "apologise", "press"})
# cues that report by pointing back: "said the same thing", "thinks as much"
SAME_CUES = frozenset({"say", "write", "tweet", "argue", "suggest", "think", "believe", "tell"})
# what may follow a parenthetical cue before its comma: ", he said in a statement on Monday,"
CUE_MODIFIERS = frozenset({"prep", "npadvmod", "advmod", "dative", "dobj"})
SIDE_CLAUSES = frozenset({"advcl", "ccomp", "conj", "parataxis"})
# cues whose prepositional objects are times, places or media, not what was said
NO_TOPIC_CUES = frozenset({"say", "tell", "add", "note", "state", "ask"})


def content_range(verb: Token) -> tuple[int, int] | None:
    """Token range of what `verb` reports, tried from the most to the least reliable parse."""
    lemma = verb.lemma_.lower()
    children = list(children_of(verb))
    comps = [c for c in children if c.dep_ == "ccomp" and _same_line(c, verb) and _joined(c, verb)]
    comps = [c for c in comps if c.i > verb.i] or comps  # "It is late; she says ..."
    if comps:
        if lemma in CLAUSE_ONLY and comps[0].i < verb.i:
            return None
        if comps[-1].i < verb.i and parenthetical(verb):
            return verb.left_edge.i, verb.right_edge.i + 1
        return comps[0].left_edge.i, _but_reach(verb, comps[-1])
    if lemma in TO_CUES:
        comp = next(
            (
                c
                for c in children
                if c.dep_ == "xcomp"
                and any(a.dep_ == "aux" and a.lower_ == "to" for a in children_of(c))
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
            and any(
                g.lower_ in WH_WORDS and g.dep_ in ("advmod", "mark") for g in children_of(child)
            )
        ):
            return child.left_edge.i, child.right_edge.i + 1
    same = _same_as(verb) if lemma in SAME_CUES else None
    if same is not None:
        return same
    if lemma in OBJECT_CUES:
        for child in children:
            if child.dep_ in ("dobj", "oprd") and child.i > verb.i:
                start, end = object_start(verb, child), object_reach(verb, child)
                if end - start >= MIN_OBJECT_TOKENS:
                    return start, end
    for child in children:
        topic = child.lower_ in TOPIC_PREPS or (child.lower_ == "for" and lemma in FOR_CUES)
        if child.dep_ == "prep" and topic and lemma not in NO_TOPIC_CUES and child.i > verb.i:
            obj = next((g for g in children_of(child) if g.dep_ in ("pobj", "pcomp")), None)
            if obj is not None:
                return obj.left_edge.i, obj.right_edge.i + 1
    if verb.dep_ == "parataxis" and verb.head.i != verb.i:
        head = verb.head
        while head.dep_ in ("nsubj", "nsubjpass") and head.head.i != head.i:
            head = head.head  # "The difference, he said, is ...": the clause, not its subject
        lo, hi = head.left_edge.i, head.right_edge.i + 1
        if verb.left_edge.i > lo:
            return lo, hi if verb.right_edge.i + 1 < hi else verb.left_edge.i
    if parenthetical(verb):
        return verb.left_edge.i, verb.right_edge.i + 1
    return None


def parenthetical(verb: Token) -> bool:
    """ "The bridge was safe, he said, but repairs would take years", parsed with the cue as
    the root: the speaker and cue stand between commas, with a clause on either side."""
    doc = verb.doc
    subject = next((c for c in verb.lefts if c.dep_ == "nsubj"), None)
    if verb.dep_ != "ROOT" or subject is None:
        return False
    lo = subject.left_edge.i
    hi = verb.i + 1
    for child in verb.rights:
        if child.i != hi or child.dep_ not in CUE_MODIFIERS:
            break
        hi = child.right_edge.i + 1
    if lo == 0 or doc[lo - 1].text != "," or hi >= len(doc) or doc[hi].text != ",":
        return False
    left = any(c.dep_ in SIDE_CLAUSES and c.i < lo for c in verb.lefts)
    return left and any(c.dep_ in SIDE_CLAUSES and c.i > hi for c in verb.rights)


def _same_as(verb: Token) -> tuple[int, int] | None:
    """ "said the same (thing) (of Lee)", "said as much": what was said is what came before."""
    for child in verb.rights:
        much = child.dep_ == "advmod" and child.lower_ == "much" and child.i > 0
        if much and child.doc[child.i - 1].lower_ == "as":
            return child.i - 1, child.i + 1
        same = child.lower_ == "same" or any(g.lower_ == "same" for g in children_of(child))
        if child.dep_ == "dobj" and same:
            return child.left_edge.i, object_reach(verb, child)
    return None


def _but_reach(verb: Token, comp: Token) -> int:
    """End of a reported clause, with a ", but ..." clause the parser hung on the cue when it
    has no subject of its own or the clause's pronoun ("said she hoped to win, but she ...")."""
    end = comp.right_edge.i + 1
    if comp.i < verb.i:
        return end
    subject = next((c for c in children_of(comp) if c.dep_ == "nsubj"), None)
    rights = [c for c in verb.rights if c.i > comp.i]
    for k, child in enumerate(rights[:-1]):
        if child.dep_ != "cc" or child.lower_ != "but" or rights[k + 1].dep_ != "conj":
            continue
        conj = rights[k + 1]
        own = next((c for c in children_of(conj) if c.dep_ == "nsubj"), None)
        if own is None or (
            subject is not None and own.pos_ == "PRON" and own.lower_ == subject.lower_
        ):
            return conj.right_edge.i + 1
    return end


def _joined(clause: Token, verb: Token) -> bool:
    """No semicolon between a clause and the cue after it: "Lee said X; they learned of it"
    is two sentences, not a report of "Lee said X"."""
    if clause.i > verb.i:
        return True
    return not any(t.text == ";" for t in clause.doc[clause.right_edge.i + 1 : verb.i])


def _same_line(a: Token, b: Token) -> bool:
    lo, hi = min(a.i, b.i), max(a.i, b.i)
    return not any("\n" in t.text for t in a.doc[lo:hi])


def object_start(verb: Token, obj: Token) -> int:
    """Start of an object with a quoted modifier the parser hung on the verb: "revealed
    [‘demoralizing’ details]"."""
    start = obj.left_edge.i
    for child in reversed([c for c in verb.rights if c.i < obj.i]):
        if child.right_edge.i + 1 != start or not (
            (child.dep_ == "xcomp" and child.tag_ in ("VBG", "VBN", "JJ")) or _quote_mark(child)
        ):
            break
        start = child.left_edge.i
    return start


def _quote_mark(token: Token) -> bool:
    return token.dep_ == "punct" and token.text in QUOTE_MARKS


def object_reach(verb: Token, obj: Token) -> int:
    """End of an object with what completes it: "called [the plan a mistake]", "blasted [the
    press for its coverage]", "called [Lee ‘a liar’]"; a comma, a clause or a time ends it."""
    doc = verb.doc
    end = obj.right_edge.i + 1
    for child in verb.rights:
        if child.i <= obj.i or (_quote_mark(child) and child.i == end):
            continue
        gap = doc[end : child.left_edge.i]
        if any(t.text not in QUOTE_MARKS for t in gap) or child.dep_ not in OBJECT_COMPLEMENTS:
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
                g.dep_ == "mark" and g.lower_ in ("that", "whether", "if")
                for g in children_of(token)
            )
        ):
            return token.left_edge.i, token.right_edge.i + 1
    return None
