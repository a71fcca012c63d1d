"""An `ActorDictionary` from PETRARCH/TABARI-format actor and agent files.

PETRARCH dictionaries are plain text: `NAME [CODE]` lines (underscores join words),
`+SYNONYM` lines for the entry above, indented `[CODE <date]`, `[CODE date-date]`
and `[CODE >date]` blocks for codes that hold over a period, `#` and `<!-- -->`
comments. Agent files hold `TITLE {PLURALS} [~SECTOR]` lines and `!MACRO! = A, B`
substitutions. A state whose code changed over time (`[RHO <790606]` then `[ZBW]`)
keeps only its current code: communique's countries carry no dates. This loader lets
the benchmarks (and users with their own dictionaries) run communique over PETRARCH's
actors, e.g.

    dictionary = load_petrarch(actors_path, agents_path)
    result = analyse(article, doc, dictionary=dictionary)
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .dictionary import (
    ActorDictionary,
    BodyEntry,
    CountryEntry,
    OrgEntry,
    PersonEntry,
    RoleEntry,
    RoleSpell,
)

# Codes PETRARCH uses for "no actor": an entry with one of these codes is skipped.
NULL_CODES = frozenset({"---", "+++", "###"})
_CODE_BLOCK = re.compile(r"\[([^\]]*)\]")
_DATED = re.compile(r"^(\S+)\s*(?:<\s*(\d+)|>\s*(\d+)|(\d+)\s*-\s*(\d+))$")
_COMMENT_BLOCK = re.compile(r"<!.*?-->", re.DOTALL)
_MACRO = re.compile(r"^!(\w+)!\s*=\s*(.+)$")


@dataclass
class _Actor:
    names: list[str]
    codes: list[str] = field(default_factory=list)


def _name(text: str) -> str:
    """ "ARNOR_" -> "Arnor"; "MINAS_TIRITH" -> "Minas Tirith"."""
    words = text.replace("_", " ").split()
    return " ".join(w.capitalize() if w.isupper() else w for w in words)


def _date(text: str, *, end: bool = False) -> str:
    """A PETRARCH date (YYMMDD or YYYYMMDD) as ISO; two-digit years before 30 are 20xx."""
    if len(text) == 6:
        year = int(text[:2])
        text = f"{2000 + year if year < 30 else 1900 + year}{text[2:]}"
    return f"{text[:4]}-{text[4:6]}-{text[6:8]}"


def _spell(block: str) -> RoleSpell | None:
    """One `[CODE ...]` block as a role spell; None for null codes."""
    block = block.strip()
    dated = _DATED.match(block)
    code = dated.group(1) if dated else block.split()[0] if block.split() else ""
    code = code.split("/")[0]
    if not code or code in NULL_CODES or code.startswith(("-", "+", "#")):
        return None
    start = end = None
    if dated:
        before, after, first, last = dated.group(2, 3, 4, 5)
        end = _date(before) if before else _date(last) if last else None
        start = _date(after) if after else _date(first) if first else None
    return RoleSpell(code[:3], code[3:], "", start, end)


def comment_free_lines(text: str) -> Iterator[str]:
    """The lines of a PETRARCH dictionary file without `<!-- -->` blocks and `#` comments
    (leading space kept: it marks an actor's dated code lines)."""
    for raw in _COMMENT_BLOCK.sub("", text).splitlines():
        yield raw.split("#", 1)[0].rstrip()


def read_actors(text: str) -> list[_Actor]:
    """The entries of a PETRARCH actor file, each with its names and code blocks."""
    actors: list[_Actor] = []
    for line in comment_free_lines(text):
        if not line.strip():
            continue
        stripped = line.strip()
        if stripped.startswith("+") and actors:
            actors[-1].names.append(_name(stripped[1:].split("[")[0].strip()))
            actors[-1].codes += _CODE_BLOCK.findall(stripped)
        elif line[0].isspace() and stripped.startswith("[") and actors:
            actors[-1].codes += _CODE_BLOCK.findall(stripped)
        else:
            name = _name(stripped.split("[")[0].strip())
            if name:
                actors.append(_Actor([name], _CODE_BLOCK.findall(stripped)))
    return actors


def _entries(
    actors: Iterable[_Actor],
) -> tuple[list[CountryEntry], list[OrgEntry], list[PersonEntry]]:
    """Plain three-letter codes become countries, longer codes organisations, and dated codes
    people (their codes change over time, as office holders' do)."""
    countries: list[CountryEntry] = []
    orgs: list[OrgEntry] = []
    people: list[PersonEntry] = []
    for actor in actors:
        spells = [s for s in (_spell(b) for b in actor.codes) if s is not None]
        if not spells:
            continue
        name, aliases = actor.names[0], tuple(actor.names[1:])
        current = [s for s in spells if not (s.start or s.end)]
        if len(spells) > 1 and all(not s.sector for s in spells) and len(current) == 1:
            spells = current  # a state whose code changed ("ZIMBABWE [RHO <790606] [ZBW]")
        if len(spells) > 1 or spells[0].start or spells[0].end:
            people.append(PersonEntry(name, tuple(spells), aliases, "-"))
        elif not spells[0].sector:
            countries.append(CountryEntry(spells[0].iso3, name, "state", aliases))
        else:
            spell = spells[0]
            orgs.append(
                OrgEntry(name, spell.iso3, spell.sector, spell.code, "organisation", aliases)
            )
    return countries, orgs, people


def _members(actors: Iterable[_Actor]) -> dict[str, tuple[str, ...]]:
    """Entries that code as several actors ("THE_SHIRE [FRO/BIL/SAM]"): name -> the codes
    after the first, which the entry itself takes."""
    members: dict[str, tuple[str, ...]] = {}
    for actor in actors:
        for block in actor.codes:
            codes = block.split()[0].split("/") if block.split() else []
            rest = tuple(c for c in codes[1:] if c and c not in NULL_CODES)
            if rest:
                members[actor.names[0]] = rest
    return members


def read_agents(text: str) -> list[tuple[str, str]]:
    """(title, sector) pairs of a PETRARCH agent file, plurals and macros expanded."""
    macros: dict[str, list[str]] = {}
    found: list[tuple[str, str]] = []
    for line in map(str.strip, comment_free_lines(text)):
        macro = _MACRO.match(line)
        if macro:
            macros[macro.group(1)] = [w.strip() for w in macro.group(2).split(",")]
            continue
        blocks = _CODE_BLOCK.findall(line)
        if not line or not blocks:
            continue
        sector = blocks[0].replace("~", "").strip()
        head = line.split("[")[0]
        plurals = re.findall(r"\{([^}]*)\}", head)
        title = re.sub(r"\{[^}]*\}", "", head).strip()
        forms = [title, *(p.strip() for p in plurals if p.strip())]
        for form in forms:
            for expanded in _expand(form, macros):
                found.append((_name(expanded).lower(), sector))
    return found


def _expand(form: str, macros: dict[str, list[str]]) -> list[str]:
    match = re.search(r"!(\w+)!", form)
    if match is None:
        return [form]
    return [
        expanded
        for value in macros.get(match.group(1), [])
        for expanded in _expand(form[: match.start()] + value + form[match.end() :], macros)
    ]


def _plural(title: str) -> str:
    """PETRARCH's default plural of an agent ("soldier" -> "soldiers", "party" -> "parties")."""
    if title.endswith("y") and not title.endswith(("ay", "ey", "oy")):
        return title[:-1] + "ies"
    return title + ("es" if title.endswith(("s", "x", "ch", "sh")) else "s")


def load_petrarch(actors: Path, agents: Path | None = None) -> ActorDictionary:
    """An ActorDictionary from a PETRARCH actor file and, optionally, an agent file."""
    entries = read_actors(actors.read_text("utf-8"))
    countries, orgs, people = _entries(entries)
    pairs = read_agents(agents.read_text("utf-8")) if agents is not None else []
    bodies = [
        BodyEntry(title, None, sector, (_plural(title),)) for title, sector in pairs if sector
    ]
    roles = [RoleEntry(title, sector, "other") for title, sector in pairs if sector]
    return ActorDictionary(
        countries=countries,
        metonyms=(),
        organisations=orgs,
        bodies=bodies,
        roles=roles,
        people=people,
        members=_members(entries),
    )
