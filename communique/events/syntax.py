"""Dependency-parse helpers of the event coder: subjects, objects, voice and mode."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..docview import children_of
from ..model import EventMode, Span

SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
PASSIVE_SUBJECT_DEPS = frozenset({"nsubjpass", "csubjpass"})
OBJECT_DEPS = frozenset({"dobj", "attr", "oprd"})
# Verbs of saying, whose noun object is often a misparsed clause subject.
SAYING = frozenset({"say", "tell", "add", "state", "note", "argue", "believe", "think"})
# Verbs whose complement is an intention, not an act: "plan to meet".
INTENT_LEMMAS = frozenset(
    {
        "plan",
        "intend",
        "expect",
        "hope",
        "aim",
        "prepare",
        "schedule",
        "want",
        "seek",
        "propose",
        "offer",
        "promise",
        "pledge",
        "vow",
        "agree",
        "decide",
        "threaten",
        "swear",
        # adjectives of readiness: "is willing to withdraw", "is about to restore"
        "about",
        "willing",
        "ready",
        "prepared",
        "poised",
        "set",
        "determined",
        "eager",
        "likely",
        "due",
        "keen",
    }
)
FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo", "’ll"})
HYPOTHETICAL_AUX = frozenset({"could", "might", "may", "would", "should", "can", "must"})
CONDITION_MARKS = frozenset({"if", "unless", "provided"})
# Nouns whose "that" clause is an act asked of someone: "reiterated its demand that Israel
# ease restrictions", "issued a reminder to Iraq that it must cooperate".
DEMAND_NOUNS = frozenset(
    {"demand", "call", "reminder", "ultimatum", "appeal", "insistence", "request"}
)
QUESTION_MARKS = frozenset({"whether", "if"})


def span_of(token: Token) -> Span:
    """The record of where `token` stands in the text."""
    return Span(token.text, token.idx, token.idx + len(token.text))


def token_at(doc: Doc, start: int, end: int) -> Token | None:
    """The head token of the characters start:end (an event's trigger), or None."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return span.root if span is not None else None


def is_passive(verb: Token) -> bool:
    return (
        is_reduced_passive(verb)
        or any(
            child.dep_ in PASSIVE_SUBJECT_DEPS or child.dep_ == "auxpass"
            for child in children_of(verb)
        )
        or _stands_done_to(verb)
    )


def _stands_done_to(verb: Token) -> bool:
    """ "Two soldiers stand accused of the bombing": a participle after "stand" or "remain"
    is done to their subject, as after "be"."""
    return (
        verb.tag_ == "VBN"
        and verb.dep_ in {"xcomp", "acomp", "oprd"}
        and verb.head.lemma_.lower() in {"stand", "remain"}
    )


def is_reduced_participle(verb: Token) -> bool:
    """A past participle with no subject or auxiliary of its own ("those killed", "Arrested
    by police, ..."), unlike "the news that Ukraine had agreed"."""
    return verb.tag_ == "VBN" and not any(
        c.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS or c.dep_ in {"aux", "auxpass"}
        for c in children_of(verb)
    )


def is_reduced_passive(verb: Token) -> bool:
    """ "Arrested by police, the activist ...", "X, when asked whether ..., said": a past
    participle clause with no subject or auxiliary of its own; the main clause's subject
    undergoes it."""
    if verb.dep_ == "acl":  # "soldiers backed by African Union troops": a "by" phrase
        return is_reduced_participle(verb) and any(c.dep_ == "agent" for c in children_of(verb))
    return verb.dep_ in {"advcl", "relcl"} and is_reduced_participle(verb)


def subject_of(verb: Token) -> Token | None:
    """The grammatical subject of `verb`, borrowed from the governing verb when it has none.

    "Aliyev vowed to attack": "attack" borrows "Aliyev". "In addition to threatening
    Armenia, Aliyev vowed ...": "threatening" borrows the main clause's subject.
    """
    if verb.dep_ == "acl" and is_reduced_participle(verb):
        return None  # "among those killed in the attack": undergone, by no one named
    token: Token | None = verb
    via_acl = via_xcomp = False
    for _ in range(6):
        if token is None:
            return None
        for child in children_of(token):
            if child.dep_ in SUBJECT_DEPS or (via_xcomp and child.dep_ == "nsubjpass"):
                return child  # (and "X is expected to travel": X travels)
        hung = _hung_on_auxiliary(token)
        if hung is not None:
            return hung
        if token.dep_ == "relcl":
            return token.head
        judged = _judged_object(token) or _told_object(token)
        if judged is not None:  # "accused the army of shelling": the army shells
            return judged
        if via_acl and token.pos_ in {"NOUN", "PROPN"}:
            if token.dep_ == "ROOT":  # "Doctors from two aid groups donated ...", misparsed
                return token
            if token.dep_ == "dobj" and _acts(token):
                return token  # "criticised the groups bringing the lawsuits": the groups'
            if token.dep_ == "dobj" and token.head.lemma_ not in SAYING:
                # "issued a statement condemning X": the issuer's act; but "said a law
                # allowing X marked ..." is the parser's object for a clause's subject
                token, via_acl = token.head, False
                continue
        # "a statement condemning X" (a participle), not "efforts of both sides to settle"
        via_acl = token.dep_ == "acl" and (token.tag_ == "VBG" or token.head.dep_ == "ROOT")
        via_xcomp = token.dep_ == "xcomp"
        if token.dep_ in {"xcomp", "conj", "advcl", "pcomp", "prep", "pobj", "acl", "acomp"} or (
            token.dep_ == "ccomp" and token.tag_ == "VBG"
        ):
            token = token.head
            continue
        return None
    return None


# Nouns of those who act themselves: a participle on them is their act ("the groups
# bringing the lawsuits"), not the act of whoever the clause's subject is.
ACTING_NOUNS = frozenset(
    {"group", "organisation", "organization", "people", "protester", "demonstrator",
     "activist", "party", "union", "militant", "rebel", "fighter", "official", "lawmaker",
     "government", "country", "company", "firm", "leader", "worker", "student", "resident"}
)  # fmt: skip


def _acts(noun: Token) -> bool:
    return noun.lemma_.lower() in ACTING_NOUNS or noun.ent_type_ in {"ORG", "NORP", "PERSON"}


def own_subject(verb: Token) -> Token | None:
    """The subject of `verb` itself, active or passive, never one borrowed from another
    clause."""
    found = next((c for c in children_of(verb) if c.dep_ in {"nsubj", "nsubjpass"}), None)
    return found if found is not None else _hung_on_auxiliary(verb)


def _hung_on_auxiliary(verb: Token) -> Token | None:
    """ "said Iran is "flagrantly" defying": a subject the parser hangs on the auxiliary."""
    for child in children_of(verb):
        if child.dep_ == "aux":
            hung = [g for g in children_of(child) if g.dep_ in SUBJECT_DEPS]
            if hung:
                return hung[0]
    return None


# Verbs that judge their object for what it did: "accused X of", "praised X for".
JUDGING_VERBS = frozenset(
    {"accuse", "blame", "charge", "suspect", "criticise", "criticize", "condemn", "praise",
     "thank", "commend", "fault", "punish", "convict", "fine", "sue", "indict", "arrest",
     "denounce", "rebuke", "reprimand", "congratulate", "credit", "hail", "slam", "attack"}
)  # fmt: skip


def _judged_object(token: Token) -> Token | None:
    """The object of "accused X of doing", "blamed X for doing", "praised X for doing":
    the doer of the gerund `token`."""
    prep = token.head
    if token.dep_ != "pcomp" or prep.dep_ != "prep" or prep.lower_ not in {"of", "for", "with"}:
        return None
    holder = prep.head
    if holder.pos_ not in {"VERB", "AUX"}:  # the preposition hangs from the object
        holder = holder.head if holder.dep_ == "dobj" else holder
    if holder.lemma_.lower() not in JUDGING_VERBS:
        return None  # "rejected an appeal for deploying troops": the appeal is no doer
    return next((c for c in children_of(holder) if c.dep_ == "dobj"), None)


# Verbs whose object does what their infinitive says: "urged both sides to return".
OBJECT_CONTROL = frozenset(
    {"urge", "ask", "call", "tell", "order", "force", "persuade", "encourage", "invite",
     "press", "pressure", "push", "request", "require", "advise", "instruct", "compel",
     "oblige", "appeal", "implore", "exhort"}
)  # fmt: skip


def _told_object(token: Token) -> Token | None:
    """Who is to do what an infinitive says after a verb of telling: "urged Kenya to
    reopen" (Kenya reopens), "called on the UN to send observers" (the UN sends)."""
    verb = token.head
    if token.dep_ != "xcomp" or verb.lemma_.lower() not in OBJECT_CONTROL:
        return None
    for child in children_of(verb):
        if child.dep_ in {"dobj", "dative"} and child.i < token.i:
            return child
        if child.dep_ == "prep" and child.lower_ in {"on", "upon"} and child.i < token.i:
            return next((g for g in children_of(child) if g.dep_ == "pobj"), None)
    return None


def other_subjects(subject: Token) -> list[Token]:
    """Further subjects of the same verb: the parser splits "Old foes Gondor and Osgiliath"."""
    return [c for c in children_of(subject.head) if c.dep_ == subject.dep_ and c.i != subject.i]


def listed_with(subject: Token) -> list[Token]:
    """Names of a list that the parser hung under the list's head instead of coordinating
    them: "Arnor, Calenardhon and the evil Gondor" (Arnor a modifier of Gondor), "Mordor,
    the awful Fornost, and Gondor" (Fornost an apposition of Mordor)."""
    found = []
    coordinated = any(c.dep_ in {"conj", "cc"} for c in children_of(subject))
    for child in children_of(subject):
        if child.pos_ not in {"PROPN", "NOUN"} or child.i > subject.i and child.dep_ != "appos":
            continue
        if child.dep_ == "nmod" and any(t.dep_ == "cc" for t in child.subtree):
            found.append(child)  # "Arnor, Calenardhon and the ... Gondor"
        elif child.dep_ == "appos" and (
            coordinated or any(c.dep_ == "conj" for c in children_of(child))
        ):
            found.append(child)  # "Mordor, the awful Fornost, and good Gondor"
    return found


def companions(verb: Token, subject: Token | None) -> list[Token]:
    """Who acts with the subject: "The United States, along with Britain and France,
    called a meeting" (the parser hangs "along with" on the verb or on the subject)."""
    holders = [verb, *([subject] if subject is not None else [])]
    found: list[Token] = []
    for holder in holders:
        for along in children_of(holder):
            if along.lower_ not in {"along", "together"}:
                continue
            for name in prep_objects(along, "with"):
                found += [name, *(c for c in name.subtree if c.dep_ == "conj" and c.head == name)]
    return found


def agent_of(verb: Token) -> Token | None:
    """The "by" phrase of a passive verb: "was attacked by rebels" gives "rebels"."""
    for child in children_of(verb):
        if child.dep_ == "agent":
            for grandchild in children_of(child):
                if grandchild.dep_ == "pobj":
                    return grandchild
    return None


def passive_subject(verb: Token) -> Token | None:
    for child in children_of(verb):
        if child.dep_ in PASSIVE_SUBJECT_DEPS:
            return child
    if verb.dep_ == "relcl" or (verb.dep_ == "acl" and is_reduced_passive(verb)):
        return verb.head  # "the men who were arrested", "soldiers backed by X"
    subjects = SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS
    if is_reduced_passive(verb):  # (an advcl: a relcl's head was taken above)
        return next((c for c in children_of(verb.head) if c.dep_ in subjects), None)
    if _passive_gerund(verb):  # "thanked them after being freed": the thanker was freed
        return next((c for c in children_of(verb.head.head) if c.dep_ in subjects), None)
    return None


def _passive_gerund(verb: Token) -> bool:
    """ "after being freed", "before being arrested": a passive gerund under a preposition
    of the main verb, with no subject of its own."""
    return (
        verb.dep_ == "pcomp"
        and verb.head.dep_ == "prep"
        and any(c.dep_ == "auxpass" for c in children_of(verb))
        and not any(c.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS for c in children_of(verb))
    )


def direct_objects(verb: Token) -> list[Token]:
    """The objects of `verb`; the head noun of a relative clause counts ("the deal they signed")."""
    found = [child for child in children_of(verb) if child.dep_ in OBJECT_DEPS]
    if not found and verb.dep_ == "relcl" and not any(c.dep_ == "dobj" for c in children_of(verb)):
        found.append(verb.head)
    return found


def prep_objects(token: Token, prep: str) -> list[Token]:
    """Objects of the preposition `prep` attached to `token` ("on" in "push back on X")."""
    found = []
    for child in children_of(token):
        if child.dep_ in {"prep", "agent", "dative"} and child.lower_ == prep:
            found += [g for g in children_of(child) if g.dep_ == "pobj"]
    return found


# Prepositions that link an event noun to a party: "resumption of ties with X",
# "an attack by X", "talks between A and B", "sanctions against X".
NOMINAL_PREPS = frozenset(
    {"with", "between", "against", "by", "from", "to", "toward", "towards", "on", "into",
     "of", "about", "over", "at"}
)  # fmt: skip


def nominal_objects(noun: Token, *, depth: int = 3) -> list[Token]:
    """Nouns that prepositions of the phrase headed by `noun` lead to, nearest first,
    also through a participle ("memos sent by X", "roads leading into X")."""
    found: list[Token] = []
    frontier = [noun]
    for _ in range(depth):
        following = []
        for token in frontier:
            heads = [token, *(c for c in children_of(token) if c.dep_ == "acl")]
            # "the parade supporting X": the participle's object
            following += [c for h in heads[1:] for c in children_of(h) if c.dep_ == "dobj"]
            for child in (c for head in heads for c in children_of(head)):
                if child.dep_ in {"prep", "agent"} and child.lower_ in NOMINAL_PREPS | {"by"}:
                    following += [g for g in children_of(child) if g.dep_ == "pobj"]
        found += following
        frontier = following
    return found


def has_particle(verb: Token, particle: str) -> bool:
    """ "call on X", "push back"; not a preposition of time ("called Chile on Monday")."""
    return any(
        child.lower_ == particle
        and child.dep_ in {"prt", "advmod", "prep", "acomp"}
        and not any(g.ent_type_ in {"DATE", "TIME"} for g in children_of(child))
        for child in children_of(verb)
    )


# Words that deny the whole subject: "no passengers were killed", "nobody was hurt".
NO_ONE = frozenset({"nobody", "none", "nothing", "noone"})
# Verbs whose denial leaves their clause untold: "the Senate did not find the network had
# breached its licence".
FINDING_VERBS = frozenset({"find", "confirm", "establish", "prove", "show"})


def is_negated(verb: Token) -> bool:
    if any(
        (child.dep_ == "neg" or child.lower_ in {"never", "not", "n't"}) and not _not_only(child)
        for child in children_of(verb)
    ):
        return True
    subject = own_subject(verb)
    if subject is not None and (
        subject.lower_ in NO_ONE
        or any(c.dep_ == "det" and c.lower_ == "no" for c in children_of(subject))
    ):
        return True
    if verb.dep_ == "ccomp" and verb.head.lemma_.lower() in FINDING_VERBS:
        return is_negated(verb.head)
    return verb.dep_ in {"xcomp", "conj"} and is_negated(verb.head) and verb.dep_ == "xcomp"


def _not_only(word: Token) -> bool:
    """ "not only threatened X but also ...": an act told twice over, not denied."""
    doc = word.doc
    return word.lower_ == "not" and word.i + 1 < len(doc) and doc[word.i + 1].lower_ == "only"


def auxiliaries(verb: Token) -> list[str]:
    chain = [c.lower_ for c in children_of(verb) if c.dep_ in {"aux", "auxpass"}]
    if verb.dep_ == "xcomp":
        chain += [c.lower_ for c in children_of(verb.head) if c.dep_ == "aux"]
    chain += _gerund_auxiliaries(verb)  # "must be united in condemning": "must"
    return chain


def _gerund_auxiliaries(verb: Token) -> list[str]:
    """The auxiliaries of the clause a gerund under a preposition belongs to ("must be
    firm and united *in condemning*"); none for anything else."""
    clause = verb
    while clause.dep_ == "conj" and clause.head is not clause:
        clause = clause.head
    if clause.dep_ != "pcomp" or any(c.dep_ in SUBJECT_DEPS for c in children_of(clause)):
        return []
    token = clause.head  # the preposition
    for _ in range(4):
        token = token.head
        found = [c.lower_ for c in children_of(token) if c.dep_ == "aux"]
        if found or token.dep_ not in {"conj", "acomp", "prep", "pcomp"}:
            return found
    return []


# Verbs and adjectives whose clause is only wished for: "hope they make concessions",
# "make sure they withdraw", "ensure that they withdraw".
WISH_LEMMAS = frozenset({"hope", "wish", "pray", "ensure", "sure", "want"})
# the small model lemmatises "hopes", "hoped", "hoping" as "hop"
WISH_FORMS = frozenset({"hopes", "hoped", "hoping"})


def _wished(verb: Token) -> bool:
    clause = verb
    while clause.dep_ == "conj" and clause.head is not clause:
        clause = clause.head
    head = clause.head
    wish = head.lemma_.lower() in WISH_LEMMAS or head.lower_ in WISH_FORMS
    return clause.dep_ == "ccomp" and wish


def mode_of(verb: Token) -> EventMode:
    """Asserted, future, conditional or hypothetical, from auxiliaries and clause marks."""
    aux = auxiliaries(verb)
    if _inside_condition(verb):
        return "conditional"
    if any(a in FUTURE_AUX for a in aux) or _going_to(verb):
        return "conditional" if has_condition(verb) else "future"
    if verb.dep_ == "xcomp" and verb.head.lemma_ in INTENT_LEMMAS:
        return "future"
    if verb.dep_ == "pcomp" and verb.head.head.lemma_ in INTENT_LEMMAS:
        return "future"  # "plans on leaving the union", "is set on leaving"
    if _inside_question(verb) or demanded_clause(verb) or _wished(verb):
        return "hypothetical"
    if "would" in aux and _reported(verb):  # "said they would boycott": future in the past
        return "conditional" if has_condition(verb) else "future"
    if any(a in HYPOTHETICAL_AUX for a in aux):
        return "conditional" if has_condition(verb) else "hypothetical"
    return "asserted"


def demanded_clause(verb: Token) -> bool:
    """A "that" clause of a demand noun: "renewed its call that the government (should)
    release the prisoners" asks for the release."""
    return demand_governor(verb) is not None


def demand_governor(verb: Token) -> Token | None:
    """The verb whose object is the demand noun `verb`'s clause belongs to ("renewed" in
    "renewed its call that X release ..."); the parser hangs the clause on the verb or on
    the noun. None when `verb` is in no such clause."""
    clause = verb
    while clause.dep_ == "conj" and clause.head is not clause:
        clause = clause.head
    head = clause.head
    if clause.dep_ == "ccomp" and head.pos_ in {"VERB", "AUX"}:
        nouns = [c for c in children_of(head) if c.dep_ == "dobj"]
        return head if any(n.lemma_.lower() in DEMAND_NOUNS for n in nouns) else None
    if (
        clause.dep_ == "acl"
        and head.lemma_.lower() in DEMAND_NOUNS
        and head.dep_ == "dobj"
        and any(c.dep_ == "mark" and c.lower_ == "that" for c in children_of(clause))
    ):
        return head.head
    return None


def _reported(verb: Token) -> bool:
    token = verb
    while token.dep_ in {"conj", "xcomp"} and token.head is not token:
        token = token.head
    return token.dep_ == "ccomp" and token.head.pos_ == "VERB"


def _going_to(verb: Token) -> bool:
    head = verb.head
    return (
        verb.dep_ == "xcomp"
        and head.lower_ == "going"
        and any(c.lemma_ == "be" for c in children_of(head))
    )


def has_condition(verb: Token, *, marks: frozenset[str] | set[str] = CONDITION_MARKS) -> bool:
    """Whether an adverbial clause of `verb` opens with one of `marks` ("if", "unless")."""
    return any(
        child.dep_ == "advcl" and any(m.lower_ in marks for m in children_of(child))
        for child in children_of(verb)
    )


def _inside_condition(verb: Token) -> bool:
    token = verb
    for _ in range(4):
        if any(
            child.dep_ == "mark" and child.lower_ in CONDITION_MARKS for child in children_of(token)
        ):
            return True
        if token.dep_ not in {"conj", "xcomp"} or token.head is token:
            return False
        token = token.head
    return False


def _inside_question(verb: Token) -> bool:
    """ "wondered whether X had decided to abandon": the act is asked about, not asserted."""
    token = verb
    for _ in range(4):
        if any(
            child.dep_ == "mark" and child.lower_ in QUESTION_MARKS for child in children_of(token)
        ):
            return True
        if token.dep_ not in {"conj", "xcomp", "ccomp"} or token.head is token:
            return False
        if token.dep_ == "ccomp":
            return False
        token = token.head
    return False


def tagged_adjective_verb(token: Token) -> bool:
    """A word tagged as an adjective that the parse gives a subject and a direct object,
    as only a verb has: "[We] urge Pakistan to act"."""
    deps = {c.dep_ for c in children_of(token)}
    return "nsubj" in deps and "dobj" in deps
