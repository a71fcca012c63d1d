"""Organisations stay themselves: "Agence France-Presse" is an agency of France, not France.

The actor stage codes a name it does not know by the dictionary entries inside it, which
collapses organisations into their country ("the Japan Coast Guard" -> Japan, "U.S. Central
Command" -> the US military). Two sieves undo that, before anything reads the mentions:
- `as_written`: a name the model tags as an organisation, ending in an organisation word or
  built like one ("League for the Defence of ..."), is one actor named as the article writes
  it, with the country and sector of what was found inside it;
- `acronyms`: "NISA" after "National Intelligence and Security Agency" is that agency.
"""

from __future__ import annotations

import dataclasses
import re

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from ..actors.dictionary import ActorDictionary
from ..actors.items import ActorMention, ActorRef
from ..actors.names import junk_class
from ..actors.resolve import known_name, trim_span
from ..docview import view
from ..model import Span
from ..places import lookup_place
from ..quotes.lexicon import ORG_NOUNS, STATEMENT_NOUNS

# Last words that make a capitalised name an organisation's.
ORG_HEADS = ORG_NOUNS | frozenset(
    {"command", "guard", "mission", "presse", "front", "corps", "league", "tribunal",
     "assembly", "broadcasting", "directorate", "ministry", "forces", "watch", "brigade",
     "brigades", "battalion", "division", "academy", "society", "chamber", "program",
     "programme", "initiative", "observatory", "unit", "office", "agency", "force"}
)  # fmt: skip
CONNECTORS = frozenset({"of", "for", "on", "and", "the", "to", "de", "del", "la"})
ORG_SECTORS = {
    "command": "MIL", "guard": "MIL", "army": "MIL", "forces": "MIL", "military": "MIL",
    "police": "COP", "court": "JUD", "tribunal": "JUD", "parliament": "LEG",
    "assembly": "LEG", "senate": "LEG", "congress": "LEG", "party": "PTY", "ministry": "GOV",
    "mission": "GOV", "embassy": "GOV", "agency": "GOV", "presse": "MED", "news": "MED",
    "broadcasting": "MED", "network": "MED", "newspaper": "MED", "times": "MED",
}  # fmt: skip
POSSESSIVE = re.compile(r"\s*[’']s\b")


def written_name(text: str) -> str:
    """ "the Afghanistan's Ministry of Foreign Affairs" -> "Afghanistan Ministry of Foreign
    Affairs": no leading article, a possessive country joined to the name."""
    text = re.sub(r"^(the|a|an)\s+", "", text.strip(), flags=re.IGNORECASE)
    text = POSSESSIVE.sub("", text).strip()
    return re.sub(r"[\s,]+(and|or|of|for|the)$", "", text).strip(" ,")


def looks_like_organisation(span: SpacySpan) -> bool:
    """A capitalised name that ends in an organisation word ("Japan Coast Guard", "Agence
    France-Presse") or joins capitalised words with "for"/"of" ("League for the Defence of
    Human Rights")."""
    words = [t for t in span if not t.is_punct]
    if len(words) < 2 or not words[-1].text[:1].isupper():
        return False
    last = words[-1].text.lower().split("-")[-1]
    if last in ORG_HEADS:
        return True
    inner = [t.lower_ for t in words[1:-1]]
    return any(w in {"for", "of"} for w in inner) and all(
        t.text[:1].isupper() or t.lower_ in CONNECTORS for t in words
    )


def as_written(
    doc: Doc, mentions: list[ActorMention], dictionary: ActorDictionary
) -> list[ActorMention]:
    """Mentions with each organisation the model tagged kept whole, as the article names it.
    A country, a capital, a known organisation or a government body the dictionary names as
    a whole keeps its dictionary coding."""
    out = sorted(mentions, key=lambda m: m.span.start)
    for ent in view(doc).ents:
        span = trim_span(ent) if ent.label_ == "ORG" else None
        if span is None or not looks_like_organisation(span):
            continue
        name = written_name(span.text)
        # a body the dictionary knows generically ("Central Command") still keeps its name
        if known_name(name, dictionary, bodies=False) or lookup_place(name) is not None:
            continue
        inside = [m for m in out if span.start_char <= m.span.start and m.span.end <= span.end_char]
        if any(m.ref.kind == "person" for m in inside):
            continue
        ref = _organisation(name, inside)
        record = Span(span.text, span.start_char, span.end_char)
        covering = [m for m in out if m.span.overlaps(record)]
        if any(m not in inside for m in covering):
            continue  # a longer name the dictionary knows holds it
        out = [m for m in out if m not in inside]
        out.append(ActorMention(record, ref, "organisation"))
    return sorted(out, key=lambda m: m.span.start)


def _organisation(name: str, inside: list[ActorMention]) -> ActorRef:
    """The organisation `name`, with the country (and sector) of what was found inside it."""
    country = next((m.ref.country for m in inside if m.ref.country), None)
    sector = next((m.ref.sector for m in inside if m.ref.kind == "organisation"), None)
    last = name.split()[-1].lower().split("-")[-1]
    sector = ORG_SECTORS.get(last) or sector
    if country in {"IGO", "NGO"}:
        sector = None
    return ActorRef("organisation", name, country, sector)


def statement_authors(mentions: list[ActorMention]) -> list[ActorMention]:
    """ "the NISA statement" names NISA: a name the model ran into a statement noun is the
    statement's author."""
    out = []
    for mention in mentions:
        words = mention.span.text.split()
        if len(words) > 1 and words[-1].lower() in STATEMENT_NOUNS and mention.ref.kind != "person":
            text = " ".join(words[:-1])
            span = Span(text, mention.span.start, mention.span.start + len(text))
            if mention.ref.name.split()[-1].lower() in STATEMENT_NOUNS:
                name = written_name(text)
                if junk_class(name, kind=mention.ref.kind) is not None:
                    continue  # "the Syrian Center and the Institute report": no one author
                mention = ActorMention(span, dataclasses.replace(mention.ref, name=name), "author")
            else:
                mention = ActorMention(span, mention.ref, mention.how)
        out.append(mention)
    return out


# Last words of the names of texts, which no one is: "the Ballot Interference Prevention
# Act (BIPA)", "the Paris Agreement".
DOCUMENT_WORDS = frozenset(
    {"act", "law", "bill", "treaty", "accord", "accords", "agreement", "convention",
     "protocol", "charter", "resolution", "amendment", "code", "directive", "regulation",
     "ordinance", "decree", "constitution"}
)  # fmt: skip


def documents(mentions: list[ActorMention], doc: Doc) -> list[ActorMention]:
    """The mentions that name an actor, not a law or a treaty: an organisation whose name
    ends in "Act" or "Treaty", or the short form bracketed after such a name ("BIPA")."""
    text = view(doc).text
    texts: set[ActorRef] = set()
    for mention in mentions:
        if mention.ref.kind in {"organisation", "group"} and not mention.ref.given_code:
            words = mention.ref.name.lower().split()
            if (words and words[-1] in DOCUMENT_WORDS) or _short_for_a_text(
                mention.span.text.strip(), text
            ):
                texts.add(mention.ref)
    return [m for m in mentions if m.ref not in texts]


def _short_for_a_text(word: str, text: str) -> bool:
    """Whether `word` is bracketed after a text's name anywhere: "... Act (BIPA)"."""
    if not word.isupper() or not 2 <= len(word) <= 8:
        return False
    found = re.search(rf"(\w+)\s*\(\s*{re.escape(word)}\s*\)", text)
    return found is not None and found.group(1).lower() in DOCUMENT_WORDS


def acronyms(mentions: list[ActorMention], doc: Doc) -> list[ActorMention]:
    """An all-capitals name ("NISA") whose letters are the initials of an organisation the
    article names in full ("National Intelligence and Security Agency") is that organisation."""
    full: dict[str, ActorRef] = {}
    for mention in mentions:
        if mention.ref.kind in {"organisation", "group"} and " " in mention.ref.name:
            full.setdefault(initials(mention.ref.name), mention.ref)
            full.setdefault(initials(written_name(mention.span.text)), mention.ref)
    out = []
    for mention in mentions:
        word = mention.span.text.strip()
        ref = full.get(word) if word.isupper() and 2 <= len(word) <= 7 else None
        if (
            ref is not None
            and ref != mention.ref
            and ref.country == (mention.ref.country or ref.country)
        ):
            mention = ActorMention(mention.span, ref, "acronym")
        out.append(mention)
    return out


# Last words of a company's full name that the story drops: "ABS-CBN Corporation" is
# "ABS-CBN" elsewhere.
COMPANY_SUFFIXES = frozenset(
    {"corporation", "corp", "company", "co", "inc", "ltd", "limited", "plc", "group",
     "holdings", "llc"}
)  # fmt: skip


def short_names(mentions: list[ActorMention], doc: Doc) -> list[ActorMention]:
    """A company named in full once ("ABS-CBN Corporation") is the same company wherever
    the text writes its name without the suffix ("ABS-CBN's franchise"), which the model
    may not tag."""
    text = view(doc).text
    companies = {_short_name(m.ref): m.ref for m in mentions if _short_name(m.ref)}
    if not companies:
        return mentions
    taken = [(m.span.start, m.span.end) for m in mentions]
    out = [  # the model's own mention of the short name: the company's
        ActorMention(m.span, companies[m.span.text], "short-name")
        if m.span.text in companies and m.ref.kind == "organisation"
        else m
        for m in mentions
    ]
    for short, ref in companies.items():
        for match in re.finditer(rf"(?<![\w-]){re.escape(short)}(?![\w-])", text):
            start, end = match.span()
            if any(s < end and start < e for s, e in taken):
                continue
            taken.append((start, end))
            out.append(ActorMention(Span(short, start, end), ref, "short-name"))
    return sorted(out, key=lambda m: m.span.start)


def _short_name(ref: ActorRef) -> str:
    """ "ABS-CBN" for "ABS-CBN Corporation"; "" for a name with no company suffix."""
    words = ref.name.split()
    if ref.kind != "organisation" or len(words) < 2:
        return ""
    if words[-1].lower().rstrip(".") not in COMPANY_SUFFIXES:
        return ""
    short = " ".join(words[:-1])
    return short if len(short) >= 3 and short[0].isupper() else ""


def initials(name: str) -> str:
    """ "National Intelligence and Security Agency" -> "NISA"."""
    words = [w for w in re.split(r"[\s-]+", name) if w and w.lower() not in CONNECTORS]
    return "".join(w[0] for w in words if w[0].isalpha()).upper()


def institutions(mentions: list[ActorMention], dictionary: ActorDictionary) -> list[ActorMention]:
    """A building that stands for an institution ("the Kremlin", "the White House") is that
    institution, named as written, with its government's code; a capital that stands for
    its government ("Moscow said") is the government, named so ("Russian government", code
    RUSGOV), not a second actor named like the country."""
    out = []
    for mention in mentions:
        if mention.how != "metonym":
            out.append(mention)
            continue
        name = written_name(mention.span.text)
        place = lookup_place(name)
        if place is not None and place.country == mention.ref.country:
            out.append(_government(mention, dictionary))
            continue
        ref = dataclasses.replace(mention.ref, name=name, kind="organisation")
        out.append(ActorMention(mention.span, ref, "institution"))
    return out


def _government(mention: ActorMention, dictionary: ActorDictionary) -> ActorMention:
    ref = mention.ref
    entry = dictionary.country_by_code(ref.country) if ref.country else None
    if entry is None or ref.sector != "GOV" or ref.kind != "country":
        return mention
    adjective = entry.adjectives[0] if entry.adjectives else entry.name
    return ActorMention(
        mention.span, dataclasses.replace(ref, name=f"{adjective} government"), "metonym"
    )
