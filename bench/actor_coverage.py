"""Coverage of the actor dictionary's office holders, 2000-2026, per UN member state.

For each country (status `state` in countries.tsv, less the Holy See unless `--all`),
prints which of head of state (HoS), head of government (HoG) and foreign minister (FM)
have rows in people.tsv and which years 2000-2026 no spell covers. A year counts as a gap
when more than `--slack` days of it (default 31: handovers, short acting spells) are not
covered by any spell of that kind. Spells are read as `RoleSpell.period` reads them
(a year-only end covers the whole year; an empty end is open).

Role kinds are recognised by their title in people.tsv (see SOURCE.md), GOV or MIL sector
(juntas) only.
Some conventions widen them (see the constants below):
- Commonwealth realms: the monarch is the GBR King/Queen row (governors-general are not
  listed), so those rows count as each realm's head of state while it was a realm.
- Andorra: its French co-prince is France's President row.
- Bosnia and Herzegovina: the members of its tripartite presidency count as head of state.
- Executive presidencies (president heads the government, no regular prime minister):
  head-of-state spells count as head of government too.

    python bench/actor_coverage.py [--gaps-only] [--role hos|hog|fm] [--all] [--slack N]
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
from collections.abc import Iterable

from communique.actors.dictionary import ActorDictionary, RoleSpell, load_dictionary

FIRST_YEAR, LAST_YEAR = 2000, 2026
KINDS = ("hos", "hog", "fm")
LABELS = {"hos": "head of state", "hog": "head of government", "fm": "foreign minister"}

_ACTING = r"(?:(?:acting|interim|transitional) )?"
HOS = re.compile(
    rf"^{_ACTING}(?:president|king|queen|emir|sultan|prince|grand duke|emperor|pope|co-prince"
    r"|supreme leader|captain regent|head of state|yang di-pertuan agong|leader"
    r"|president of the (?:swiss confederation|transition|palestinian authority"
    r"|general national congress)"
    r"|chairman of the (?:presidential council|presidential leadership council"
    r"|national transitional council|state affairs commission"
    r"|state peace and development council|sovereignty council)"
    r"|head of the (?:sovereignty council.*|military government)|taliban supreme leader)"
    r"(?: \(acting\))?$",
    re.IGNORECASE,
)
HOG = re.compile(
    rf"^{_ACTING}(?:prime minister(?: of the government of national unity)?|premier|chancellor"
    r"|taoiseach|head of government|chief executive|taliban prime minister|state counsellor"
    r"|chairman of the (?:council of ministers|cabinet of ministers)"
    r"|president of the (?:council of ministers|government)"
    r"|chief adviser.*|secretary of state of the holy see)(?: \(acting\))?$",
    re.IGNORECASE,
)
FM = re.compile(
    rf"^{_ACTING}(?:foreign minister|foreign secretary|minister (?:of|for) foreign affairs"
    r"|external affairs minister|secretary of foreign affairs|taliban foreign minister"
    r"|secretary for relations with states|minister of external relations)(?: \(acting\))?$",
    re.IGNORECASE,
)
# The US Secretary of State is its foreign minister; elsewhere the title means other things.
# San Marino's Secretary of State for Foreign Affairs is also its de-facto head of government
# (the two Captains Regent, heads of state for six months each, are not listed).
_SMR = re.compile(r"^secretary of state for foreign affairs$", re.IGNORECASE)
FM_BY_COUNTRY = {"USA": re.compile(r"^secretary of state$", re.IGNORECASE), "SMR": _SMR}

# Commonwealth realms 2000-2026 besides the UK, with the day one stopped being a realm.
REALMS: dict[str, dt.date | None] = {
    "ATG": None,
    "AUS": None,
    "BHS": None,
    "BLZ": None,
    "BRB": dt.date(2021, 11, 30),
    "CAN": None,
    "GRD": None,
    "JAM": None,
    "KNA": None,
    "LCA": None,
    "NZL": None,
    "PNG": None,
    "SLB": None,
    "TUV": None,
    "VCT": None,
}
# Heads of state shared with another country: Andorra's co-prince is France's president
# (the other, the Bishop of Urgell, is not listed).
SHARED_HEADS = {"AND": ("FRA", "President")}
# Executive presidencies and ruling monarchs: the head of state also heads the government
# (throughout, or in the years without a prime minister row). Peru's and Argentina's
# cabinet chiefs and South Korea's prime minister do not head the government; Switzerland's
# Federal Council is collective, so its yearly President stands for both.
_PRESIDENTIAL = """
    USA MEX GTM HND SLV NIC CRI PAN COL VEN ECU BOL BRA CHL ARG URY PRY DOM SUR GUY PER
    CYP IDN PHL AFG KOR MDV TKM IRN TUR CHE CUB NGA GHA LBR SLE ZAF BWA ZMB MWI AGO KEN
    ZWE BEN BDI COM GMB SSD SDN ERI SYC PLW FSM MHL NRU KIR OMN BRN SAU COG SEN SYR
"""
PRESIDENTIAL = frozenset(_PRESIDENTIAL.split())
# Head-of-government titles peculiar to one country.
HOG_BY_COUNTRY = {"MCO": re.compile(r"^minister of state$", re.IGNORECASE), "SMR": _SMR}
# Head-of-state titles peculiar to one country: Bosnia and Herzegovina's head of state is a
# collective three-member presidency (one row per member; the chair rotates).
HOS_BY_COUNTRY = {"BIH": re.compile(r"^member of the presidency$", re.IGNORECASE)}
# States founded after 2000: years before do not count as gaps.
FOUNDED = {
    "TLS": dt.date(2002, 5, 20),
    "MNE": dt.date(2006, 6, 3),
    "SSD": dt.date(2011, 7, 9),
}


def kinds_of(spell: RoleSpell) -> tuple[str, ...]:
    """The kinds (hos, hog, fm) a spell's role counts as: GOV or MIL sector, Artsakh rows
    excluded; usually one kind, two for San Marino's Secretary of State for Foreign Affairs."""
    if spell.sector not in {"GOV", "MIL"} or "artsakh" in spell.role.lower():
        return ()
    role = spell.role.strip()
    by_country = HOS_BY_COUNTRY.get(spell.iso3)
    if HOS.match(role) or (by_country and by_country.match(role)):
        return ("hos",)
    kinds = []
    by_country = HOG_BY_COUNTRY.get(spell.iso3)
    if HOG.match(role) or (by_country and by_country.match(role)):
        kinds.append("hog")
    by_country = FM_BY_COUNTRY.get(spell.iso3)
    if FM.match(role) or (by_country and by_country.match(role)):
        kinds.append("fm")
    return tuple(kinds)


Interval = tuple[dt.date, dt.date]


def _clip(first: dt.date, after: dt.date | None, until: dt.date | None = None) -> Interval:
    last = dt.date(LAST_YEAR + 1, 1, 1)
    after = min(after or last, until or last, last)
    return max(first, dt.date(FIRST_YEAR, 1, 1)), after


def spells_by_country(actors: ActorDictionary) -> dict[tuple[str, str], list[Interval]]:
    """(iso3, kind) -> the periods covered by spells of that kind."""
    found: dict[tuple[str, str], list[Interval]] = {}
    monarchs: list[Interval] = []
    shared: dict[tuple[str, str], list[Interval]] = {}
    for person in actors.people_entries:
        for spell in person.spells:
            first, after = spell.period
            for kind in kinds_of(spell):
                found.setdefault((spell.iso3, kind), []).append(_clip(first, after))
            if spell.iso3 == "GBR" and spell.role in {"King", "Queen"}:
                monarchs.append((first, after))
            shared.setdefault((spell.iso3, spell.role), []).append(_clip(first, after))
    for iso3, until in REALMS.items():
        for first, after in monarchs:
            found.setdefault((iso3, "hos"), []).append(_clip(first, after, until))
    for iso3, key in SHARED_HEADS.items():
        found.setdefault((iso3, "hos"), []).extend(shared.get(key, []))
    for iso3 in PRESIDENTIAL:
        found.setdefault((iso3, "hog"), []).extend(found.get((iso3, "hos"), []))
    for iso3, day in FOUNDED.items():
        for kind in KINDS:
            if (iso3, kind) in found:
                found[(iso3, kind)].append((dt.date(FIRST_YEAR, 1, 1), day))
    return found


def gap_years(periods: Iterable[Interval], slack: int = 31) -> list[int]:
    """Years 2000-2026 with more than `slack` days that no period covers."""
    periods = sorted(p for p in periods if p[0] < p[1])
    gaps = []
    for year in range(FIRST_YEAR, LAST_YEAR + 1):
        start, stop = dt.date(year, 1, 1), dt.date(year + 1, 1, 1)
        covered, cursor = 0, start
        for first, after in periods:
            first, after = max(first, cursor), min(after, stop)
            if first < after:
                covered += (after - first).days
                cursor = after
        if (stop - start).days - covered > slack:
            gaps.append(year)
    return gaps


def ranges(years: list[int]) -> str:
    """[2000, 2001, 2002, 2005] -> "2000-2002,2005"."""
    out: list[str] = []
    for year in years:
        if out and int(out[-1].split("-")[-1]) == year - 1:
            out[-1] = out[-1].split("-")[0] + f"-{year}"
        else:
            out.append(str(year))
    return ",".join(out)


def coverage(
    actors: ActorDictionary, *, include_all: bool = False, slack: int = 31
) -> dict[str, dict[str, list[int] | None]]:
    """iso3 -> kind -> gap years (None: no row of that kind at all)."""
    found = spells_by_country(actors)
    result: dict[str, dict[str, list[int] | None]] = {}
    for country in actors.countries:
        if country.status != "state" or (country.iso3 == "VAT" and not include_all):
            continue
        result[country.iso3] = {
            kind: gap_years(found[(country.iso3, kind)], slack)
            if (country.iso3, kind) in found
            else None
            for kind in KINDS
        }
    return result


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gaps-only", action="store_true", help="only countries with gaps")
    parser.add_argument("--role", choices=KINDS, help="only this kind of office")
    parser.add_argument("--all", action="store_true", help="include the Holy See")
    parser.add_argument("--slack", type=int, default=31, help="uncovered days a year may have")
    args = parser.parse_args(argv)
    actors = load_dictionary()
    table = coverage(actors, include_all=args.all, slack=args.slack)
    kinds = (args.role,) if args.role else KINDS
    names = {c.iso3: c.name for c in actors.countries if c.status == "state"}

    def cell(gaps: list[int] | None) -> str:
        return "none" if gaps is None else (ranges(gaps) or "ok")

    for iso3, row in table.items():
        if args.gaps_only and all(row[k] == [] for k in kinds):
            continue
        cells = "  ".join(f"{k.upper()}: {cell(row[k])}" for k in kinds)
        print(f"{iso3}  {names[iso3][:28]:<28}  {cells}")
    print()
    print(f"{len(table)} countries, years {FIRST_YEAR}-{LAST_YEAR}, slack {args.slack} days")
    for kind in KINDS:
        full = sum(1 for row in table.values() if row[kind] == [])
        none = sum(1 for row in table.values() if row[kind] is None)
        partial = len(table) - full - none
        print(f"  {LABELS[kind]:<19} full {full:>3}  partial {partial:>3}  no rows {none:>3}")


if __name__ == "__main__":
    main()
