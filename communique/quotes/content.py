"""What a cue reports: the token range of a cue verb's clause, object or topic.

Tried from the most to the least reliable parse: a clausal complement ("said (that) ..."),
an object with a to-infinitive ("urged Y to ..."), a clause under the object ("told reporters
that ..."), a question word clause, the object itself for cues whose object is what was said
("called the plan a mistake"), a topic ("spoke about ..."), and the clause a parenthetical
report hangs on ("The museum, he said, is new").
"""

from __future__ import annotations

from spacy.tokens import Token

from communique.docview import children_of, same_line
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
# prepositions that place a report in time: "since the debate on Monday", "at last week's forum"
TIME_PREPS = frozenset({"in", "at", "on", "during", "after", "before", "since", "until"})
# prepositions whose object is what a cue is about ("spoke about ...", "railed against ...")
TOPIC_PREPS = frozenset({"about", "against"})
# cues whose "of" object is what they speak of ("spoke of the war", "warned of a crisis")
OF_CUES = frozenset({"speak", "talk", "write", "warn", "boast", "brag", "complain", "tell"})
# cues that take what was said as the object of "for" ("advocated for ...")
FOR_CUES = frozenset({"call", "advocate", "argue", "push", "apologize", "apologise", "press"})
# cues that report by pointing back: "said the same thing", "thinks as much"
SAME_CUES = frozenset({"say", "write", "tweet", "argue", "suggest", "think", "believe", "tell"})
# what may follow a parenthetical cue before its comma: ", he said in a statement on Monday,"
CUE_MODIFIERS = frozenset({"prep", "npadvmod", "advmod", "dative", "dobj"})
SIDE_CLAUSES = frozenset({"advcl", "ccomp", "conj", "parataxis"})
# verb forms of a reported infinitive or gerund that may have conjuncts of their own
COORDINATED_TAGS = frozenset({"VB", "VBG"})
# "was supposed to": a duty or plan, not a report
NOT_PASSIVE_CUES = frozenset({"suppose"})
# what completes a passive cue: "was accused [of lying]", "was criticized [for the delay]"
PASSIVE_PREPS = frozenset({"of", "for"})
# cues whose prepositional objects are times, places or media, not what was said
NO_TOPIC_CUES = frozenset({"say", "tell", "add", "note", "state", "ask"})


def content_range(verb: Token) -> tuple[int, int] | None:
    """Token range of what `verb` reports, tried from the most to the least reliable parse."""
    lemma = verb.lemma_.lower()
    children = list(children_of(verb))
    comps = [c for c in children if c.dep_ == "ccomp" and same_line(c, verb) and _joined(c, verb)]
    comps = [c for c in comps if c.i > verb.i] or comps  # "It is late; she says ..."
    if comps:
        if lemma in CLAUSE_ONLY and comps[0].i < verb.i:
            return None
        if comps[-1].i < verb.i and parenthetical(verb):
            return verb.left_edge.i, verb.right_edge.i + 1
        if comps[-1].i < verb.i and _closing_conjunct(verb):
            return _first_conjunct(verb).left_edge.i, comps[-1].right_edge.i + 1
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
            return start, coordinated_reach(verb, comp.right_edge.i + 1, comp.tag_)
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
    if lemma in OBJECT_CUES and _said_of_an_object(verb):
        for child in children:
            if child.dep_ in ("dobj", "oprd") and child.i > verb.i:
                start, end = object_start(verb, child), object_reach(verb, child)
                end = coordinated_reach(verb, end, verb.doc[start].tag_)
                if end - start >= MIN_OBJECT_TOKENS:
                    return start, end
    for child in children:
        topic = (
            child.lower_ in TOPIC_PREPS
            or (child.lower_ == "for" and lemma in FOR_CUES)
            or (child.lower_ == "of" and lemma in OF_CUES)
        )
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


# Object cues with a sense that is no speech: "charged two men with murder", "claimed the
# bombing", "gunmen attacked a hotel"; "charged that ...", "claimed that ..." still report
# their clause. An attack's noun object was said only when judged "as" or "for" it
# ("attacked the plan as reckless").
DEED_CUES = frozenset({"charge", "claim"})
JUDGED_DEED_CUES = frozenset({"attack"})


def _said_of_an_object(verb: Token) -> bool:
    lemma = verb.lemma_.lower()
    if lemma in JUDGED_DEED_CUES:
        return any(c.dep_ == "prep" and c.lower_ in {"as", "for"} for c in children_of(verb))
    return lemma not in DEED_CUES


def predicative_range(verb: Token, prep: str) -> tuple[int, int] | None:
    """What a predicative cue reports: its object with the complement that makes it a
    judgement ("sees [the plan as a mistake]", "likened [the tax to theft]"); without that
    complement the verb reports nothing ("saw the plan", "compared prices")."""
    obj = next((c for c in verb.rights if c.dep_ == "dobj"), None)
    if obj is None:
        return None
    end = object_reach(verb, obj)
    comp = next(
        (
            c
            for c in (*verb.rights, *obj.rights)  # "as" on the verb or, misparsed, on the object
            if c.dep_ == "prep" and c.lower_ == prep and c.i < end
        ),
        None,
    )
    if comp is None or not any(not g.is_punct for g in children_of(comp)):  # "as [unfair]"
        return None
    return object_start(verb, obj), end


def coordinated_reach(verb: Token, end: int, tag: str) -> int:
    """End of a reported infinitive or gerund with the verbs coordinated with it that the
    parser hung on the cue: "wants to [cut taxes, raise wages and hire more teachers]",
    "proposed [closing the mine and retraining its workers]". A conjunct in the content's
    verb form (base form, gerund) that the cue cannot take is the content's, not the cue's."""
    if tag not in COORDINATED_TAGS or verb.tag_ == tag:
        return end
    doc = verb.doc
    for child in verb.rights:
        if child.right_edge.i < end:
            continue
        if child.dep_ in ("punct", "cc", "advmod") and child.i == child.right_edge.i:
            continue
        gap = doc[end : child.left_edge.i]
        if (
            child.dep_ not in ("conj", "dep")
            or child.tag_ != tag
            or any(c.dep_.startswith("nsubj") for c in children_of(child))
            or any(not (t.is_punct or t.dep_ in ("cc", "advmod")) for t in gap)
        ):
            break
        end = child.right_edge.i + 1
    return end


def passive_subject(verb: Token) -> Token | None:
    """The subject of a passive cue ("The plan was rejected by the council", "Turnout is
    expected to rise"), or None for an active verb or an expletive subject ("It is said ...")."""
    subject = next((c for c in verb.lefts if c.dep_ == "nsubjpass"), None)
    if subject is None or not any(c.dep_ == "auxpass" for c in verb.lefts):
        return None
    if verb.lemma_.lower() in NOT_PASSIVE_CUES:
        return None
    return None if subject.lower_ in ("it", "there") else subject


def passive_range(
    verb: Token, subject: Token, content: tuple[int, int] | None, *, agent: bool
) -> tuple[int, int] | None:
    """What a passive cue reports: its subject with what completes the cue ("[Turnout is
    expected to rise]", "[The mayor was accused of lying]"), or, with an agent, the subject
    alone ("[The plan] was rejected by the council"). Without an agent the report needs a
    complement: "The bridge was praised" says too little to be a report."""
    end = content[1] if content is not None and content[0] > verb.i else None
    if end is None:
        comp = next(
            (
                c
                for c in verb.rights
                if (c.dep_ == "xcomp" and _to_infinitive(c))
                or (c.dep_ == "prep" and c.lower_ in PASSIVE_PREPS and _has_object(c))
            ),
            None,
        )
        end = comp.right_edge.i + 1 if comp is not None else None
    if end is None:
        if not agent:
            return None
        end = subject.right_edge.i + 1
    return subject.left_edge.i, end


def _to_infinitive(clause: Token) -> bool:
    return any(a.dep_ == "aux" and a.lower_ == "to" for a in children_of(clause))


def _has_object(prep: Token) -> bool:
    """A preposition with an object that is not a time ("praised [for years]")."""
    return any(g.dep_ in ("pobj", "pcomp") for g in children_of(prep)) and not any(
        t.ent_type_ in ("DATE", "TIME") for t in prep.subtree
    )


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


def _closing_conjunct(verb: Token) -> bool:
    """ "A happened, but B followed, the source added.": the parser joins the closing cue to
    the first clause as a conjunct, yet the cue reports the whole sentence before it."""
    doc = verb.doc
    subject = next((c for c in verb.lefts if c.dep_ == "nsubj"), None)
    return (
        verb.dep_ == "conj"
        and subject is not None
        and doc[subject.left_edge.i - 1].text == ","
        and all(t.is_punct or t.is_space for t in doc[verb.right_edge.i + 1 : verb.sent.end])
    )


def _first_conjunct(verb: Token) -> Token:
    head = verb
    while head.dep_ == "conj" and head.head.i != head.i:
        head = head.head
    return head


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
        if child.dep_ == "prep" and _is_time(child):
            break
        end = _before_time(child)
        if end <= child.right_edge.i:
            break
    return end


def _is_time(prep: Token) -> bool:
    """ "on Tuesday", "for years", "since the Monday debate": a preposition whose object is a
    time, or a temporal one with a time in it ("as a [... a 40-year-old man]" is no time)."""
    if prep.lower_ in TIME_PREPS:
        return any(t.ent_type_ in ("DATE", "TIME") for t in prep.subtree)
    return any(
        g.dep_ in ("pobj", "pcomp") and g.ent_type_ in ("DATE", "TIME") for g in children_of(prep)
    )


def _before_time(child: Token) -> int:
    """End of a complement before a trailing time the parser hung inside it: "as a
    [disgrace] Wednesday on the radio" (not the "year" of "a 50-year-old clinic")."""
    for token in child.subtree:
        if (
            token.dep_ == "npadvmod"
            and token.i > token.head.i
            and token.ent_type_ in ("DATE", "TIME")
        ):
            return token.left_edge.i
    return child.right_edge.i + 1


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
