"""The actor dictionary: countries, metonyms, organisations, bodies, roles and people.

The data lives in plain TSV files under `communique/data/actors/` (see SOURCE.md there);
this module reads them once and offers lookups by surface form. Every lookup key goes
through `normalise`, so "the U.S.", "US" and "U.S.'s" meet, and so do "Zelenskyy's" and
"zelenskyy". Lookups are exact on the normalised form: finding mentions in text is the
job of a PhraseMatcher built from `surface_forms()`.
"""

from __future__ import annotations

import calendar
import dataclasses
import datetime as dt
import functools
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from importlib import resources
from typing import Any, Protocol, TypeVar

# Codes that stand where an ISO3 country code would: CAMEO's international actors.
INTERNATIONAL = frozenset({"IGO", "NGO", "IMG"})

_PUNCT = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "\u00b4": "'"})
_POSSESSIVE = re.compile(r"(?<=\w)'s\b|(?<=s)'(?!\w)")
_NOT_WORD = re.compile(r"[^\w\s&]+")
_SPACES = re.compile(r"\s+")


class _HasForms(Protocol):
    @property
    def forms(self) -> tuple[str, ...]: ...


Entry = TypeVar("Entry", bound=_HasForms)
DateLike = dt.date | str


@functools.lru_cache(maxsize=65536)
def normalise(text: str) -> str:
    """The lookup key of a surface form: lower case, without accents, possessives, dots, "the"."""
    text = unicodedata.normalize("NFKD", text.translate(_PUNCT))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    # Dots and apostrophes vanish ("U.S.'s" == "US", "Sana'a" == "Sanaa"); other marks split words.
    text = _POSSESSIVE.sub("", text.replace(".", "")).replace("'", "")
    text = _SPACES.sub(" ", _NOT_WORD.sub(" ", text)).strip()
    if text.startswith("the "):
        text = text[4:]
    return text


def _split(field: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in field.split("|") if part.strip())


def _date_bound(text: str, *, end: bool) -> dt.date:
    """First day covered by `text` (YYYY, YYYY-MM or YYYY-MM-DD) or, with `end`, the exclusive end.

    A full end date is the handover day and belongs to the successor; a year or month
    end is vague, so the whole year or month still counts as in office.
    """
    parts = [int(p) for p in text.split("-")]
    if len(parts) == 3:
        return dt.date(parts[0], parts[1], parts[2])
    if len(parts) == 2:
        year, month = parts
        if not end:
            return dt.date(year, month, 1)
        return dt.date(year, month, calendar.monthrange(year, month)[1]) + dt.timedelta(days=1)
    if len(parts) == 1:
        return dt.date(parts[0] + 1, 1, 1) if end else dt.date(parts[0], 1, 1)
    raise ValueError(f"not a date: {text!r}")


def _as_date(value: DateLike) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(value[:10])


@dataclass(frozen=True, slots=True)
class CountryEntry:
    iso3: str
    name: str
    status: str
    aliases: tuple[str, ...] = ()
    adjectives: tuple[str, ...] = ()

    @property
    def forms(self) -> tuple[str, ...]:
        return (self.name, *self.aliases, *self.adjectives)


@dataclass(frozen=True, slots=True)
class MetonymEntry:
    """A place or building that stands for an actor ("Moscow", "the White House")."""

    name: str
    iso3: str
    sector: str
    aliases: tuple[str, ...] = ()
    ambiguous: bool = False
    note: str = ""

    @property
    def code(self) -> str:
        return self.iso3 + self.sector

    @property
    def forms(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True, slots=True)
class OrgEntry:
    name: str
    country: str
    sector: str | None
    code: str
    kind: str
    aliases: tuple[str, ...] = ()
    note: str = ""

    @property
    def forms(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True, slots=True)
class BodyEntry:
    """A government or social body; `country` None means it comes from context."""

    name: str
    country: str | None
    sector: str
    aliases: tuple[str, ...] = ()

    @property
    def code(self) -> str | None:
        return self.country + self.sector if self.country else None

    @property
    def forms(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True, slots=True)
class RoleEntry:
    title: str
    sector: str
    rank: str
    aliases: tuple[str, ...] = ()

    @property
    def forms(self) -> tuple[str, ...]:
        return (self.title, *self.aliases)


@dataclass(frozen=True, slots=True)
class RoleSpell:
    """One role a person held from `start` to `end` (None: still in office as far as known)."""

    iso3: str
    sector: str
    role: str
    start: str | None = None
    end: str | None = None

    @property
    def code(self) -> str:
        return self.iso3 + self.sector

    @property
    def period(self) -> tuple[dt.date, dt.date | None]:
        """First day in the role and the first day out of it (None: not known to have ended)."""
        first = _date_bound(self.start, end=False) if self.start else dt.date.min
        return first, _date_bound(self.end, end=True) if self.end else None

    def holds_on(self, on: DateLike) -> bool:
        first, after = self.period
        day = _as_date(on)
        return first <= day and (after is None or day < after)


@dataclass(frozen=True, slots=True)
class PersonEntry:
    name: str
    spells: tuple[RoleSpell, ...]
    aliases: tuple[str, ...] = ()
    surname: str | None = None

    @property
    def forms(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)

    def roles_at(self, on: DateLike) -> tuple[RoleSpell, ...]:
        return tuple(spell for spell in self.spells if spell.holds_on(on))

    def role_at(self, on: DateLike) -> RoleSpell | None:
        """The role held on `on`; of overlapping roles, a dated one before an undated
        default (PETRARCH's "[HOB]" then "[HOBCIV <20080120]"), then the one taken up last."""
        held = self.roles_at(on)
        if not held:
            return None
        return max(held, key=lambda spell: (bool(spell.start or spell.end), spell.period[0]))


class ActorDictionary:
    """Lookups over the actor data by normalised surface form."""

    def __init__(
        self,
        *,
        countries: Iterable[CountryEntry],
        metonyms: Iterable[MetonymEntry],
        organisations: Iterable[OrgEntry],
        bodies: Iterable[BodyEntry],
        roles: Iterable[RoleEntry],
        people: Iterable[PersonEntry],
        members: Mapping[str, tuple[str, ...]] | None = None,
    ) -> None:
        """`members`: actors that stand for several codes at once, by canonical name
        (PETRARCH's "THE_SHIRE [FRO/BIL/SAM]"): name -> the codes besides its own."""
        self.members = {normalise(name): codes for name, codes in (members or {}).items()}
        self.countries = tuple(countries)
        self.metonyms = tuple(metonyms)
        self.organisations = tuple(organisations)
        self.bodies = tuple(bodies)
        self.roles = tuple(roles)
        self.people_entries = tuple(people)
        self._countries = _index(self.countries)
        self._by_iso3 = {c.iso3: c for c in reversed(self.countries) if c.status != "de_facto"}
        self._metonyms = _index(self.metonyms)
        self._organisations = _index(self.organisations)
        self._bodies = _index(self.bodies, skip=is_acronym)
        self._body_acronyms = {
            normalise(form): (entry, form.replace(".", ""))
            for entry in reversed(self.bodies)
            for form in entry.forms
            if is_acronym(form)
        }
        self._roles = _index(self.roles)
        self._people = _multi_index(self.people_entries, lambda p: p.forms)
        self._by_role: dict[tuple[str, str], tuple[PersonEntry, ...]] | None = None
        self._surnames = _multi_index(self.people_entries, _surname_forms)

    def country(self, name: str) -> CountryEntry | None:
        """The country named, aliased or described by `name` ("Britain", "Armenian", "the U.S.")."""
        return self._countries.get(normalise(name))

    def country_by_code(self, iso3: str) -> CountryEntry | None:
        return self._by_iso3.get(iso3.upper())

    def metonym(self, name: str) -> MetonymEntry | None:
        return self._metonyms.get(normalise(name))

    def organisation(self, name: str) -> OrgEntry | None:
        return self._organisations.get(normalise(name))

    def split_country(self, phrase: str) -> tuple[CountryEntry | None, str]:
        """A leading or trailing country ("Russian foreign ministry", "ministry ... of Armenia")
        and the normalised rest; (None, whole phrase) when there is none."""
        key = normalise(phrase)
        words = key.split()
        for cut in range(len(words) - 1, 0, -1):  # longest country first: "south korean"
            found = self._countries.get(" ".join(words[:cut]))
            if found:
                return found, " ".join(words[cut:])
        head, sep, tail = key.rpartition(" of ")
        if sep and tail in self._countries:
            return self._countries[tail], head
        return None, key

    def body(self, name: str, *, country: str | None = None) -> BodyEntry | None:
        """A named body ("Knesset") or a generic one, its country taken from the phrase
        ("Armenian foreign ministry") or else from `country` when given."""
        key = normalise(name)
        entry = self._bodies.get(key) or self._acronym_body(key, name)
        if entry is None:
            found, rest = self.split_country(key)
            generic = self._bodies.get(rest) if found else None
            if found is None or generic is None or generic.country is not None:
                return None
            entry = dataclasses.replace(generic, country=found.iso3)
        if entry.country is None and country:
            entry = dataclasses.replace(entry, country=country)
        return entry

    def _acronym_body(self, key: str, name: str) -> BodyEntry | None:
        """A body named by its capitalised short form ("PLAN", "MoD"), written as listed."""
        found = self._body_acronyms.get(key)
        if found is None:
            return None
        entry, form = found
        return entry if re.search(rf"\b{re.escape(form)}\b", name.replace(".", "")) else None

    def role(self, title: str) -> RoleEntry | None:
        """The role a title names; a leading country ("Azerbaijani president") is ignored."""
        key = normalise(title)
        entry = self._roles.get(key)
        if entry is None:
            found, rest = self.split_country(key)
            entry = self._roles.get(rest) if found else None
        return entry

    def people(self, name: str, *, on: DateLike | None = None) -> list[PersonEntry]:
        """People matching a full name, an alias or a surname, with a leading title dropped
        ("President Aliyev"); with `on`, those in a role on that date if there are any."""
        key = normalise(name)
        found = self._people.get(key) or self._surnames.get(key)
        if not found:
            found = self._people_after_title(key)
        if on is None or not found:
            return list(found)
        current = [person for person in found if person.roles_at(on)]
        return current or list(found)

    def holder(self, iso3: str, role: str, on: DateLike) -> PersonEntry | None:
        """The one person who held `role` ("prime minister") for `iso3` on `on`, if the
        dictionary knows exactly one: "Israel's prime minister" in June 2024."""
        key = (iso3, normalise(role))
        found = [p for p in self._holders().get(key, ()) if any(
            s.iso3 == iso3 and normalise(s.role) == key[1] and s.holds_on(on) for s in p.spells
        )]  # fmt: skip
        return found[0] if len(found) == 1 else None

    def _holders(self) -> dict[tuple[str, str], tuple[PersonEntry, ...]]:
        if self._by_role is None:
            index: dict[tuple[str, str], list[PersonEntry]] = {}
            for person in self.people_entries:
                for spell in person.spells:
                    bucket = index.setdefault((spell.iso3, normalise(spell.role)), [])
                    if person not in bucket:
                        bucket.append(person)
            self._by_role = {key: tuple(people) for key, people in index.items()}
        return self._by_role

    def knows_full_name(self, name: str) -> bool:
        """Whether `name` (a leading title dropped) is someone's full name or alias, not
        only a surname."""
        words = normalise(name).split()
        return any(
            " ".join(words[cut:]) in self._people
            for cut in range(len(words))
            if cut == 0 or self._roles.get(" ".join(words[:cut]))
        )

    def _people_after_title(self, key: str) -> tuple[PersonEntry, ...]:
        words = key.split()
        for cut in range(len(words) - 1, 0, -1):
            if self._roles.get(" ".join(words[:cut])) or self._countries.get(" ".join(words[:cut])):
                rest = " ".join(words[cut:])
                found = self._people.get(rest) or self._surnames.get(rest) or ()
                if found:
                    return found
        return ()

    def surface_forms(self) -> Iterator[tuple[str, str]]:
        """Every (surface string, kind) once, for building a PhraseMatcher; `surname` forms
        are single names that need context ("Price", "May")."""
        groups: list[tuple[str, Iterable[str]]] = [
            ("country", (f for c in self.countries for f in c.forms)),
            ("metonym", (f for m in self.metonyms for f in m.forms)),
            ("organisation", (f for o in self.organisations for f in o.forms)),
            ("body", (f for b in self.bodies for f in b.forms)),
            ("role", (f for r in self.roles for f in r.forms)),
            ("person", (f for p in self.people_entries for f in p.forms)),
            ("surname", (f for p in self.people_entries for f in _surname_forms(p))),
        ]
        seen: set[tuple[str, str]] = set()
        for kind, forms in groups:
            for form in forms:
                if (form, kind) not in seen:
                    seen.add((form, kind))
                    yield form, kind


def _index(
    entries: Iterable[Entry], *, skip: Callable[[str], bool] | None = None
) -> dict[str, Entry]:
    # The first entry wins a shared form, so file order settles ties (see the tests).
    index: dict[str, Entry] = {}
    for entry in entries:
        for form in entry.forms:
            if skip is None or not skip(form):
                index.setdefault(normalise(form), entry)
    return index


def is_acronym(form: str) -> bool:
    """A one-word short form with two or more capitals ("PLAN", "MoD", "SIS"): in lower case
    it is often an everyday word ("plan", "mod"), so it names an actor only as written."""
    return " " not in form and sum(ch.isupper() for ch in form) >= 2


def _multi_index(
    entries: Iterable[PersonEntry], forms_of: Callable[[PersonEntry], Iterable[str]]
) -> dict[str, tuple[PersonEntry, ...]]:
    index: dict[str, list[PersonEntry]] = {}
    for entry in entries:
        for form in forms_of(entry):
            bucket = index.setdefault(normalise(form), [])
            if entry not in bucket:
                bucket.append(entry)
    return {key: tuple(value) for key, value in index.items()}


def _surname_forms(person: PersonEntry) -> tuple[str, ...]:
    if person.surname == "-":
        return ()
    if person.surname:
        return (person.surname,)
    lasts = {form.split()[-1] for form in person.forms if " " in form}
    return tuple(sorted(lasts))


def _read_tsv(name: str) -> Iterator[dict[str, str]]:
    """Rows of a data file as dicts; `#` lines are comments, the first other line the header."""
    text = resources.files("communique").joinpath("data", "actors", name).read_text("utf-8")
    header: list[str] | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if header is None:
            header = fields
            continue
        if len(fields) > len(header):
            raise ValueError(f"{name}:{number}: {len(fields)} fields, header has {len(header)}")
        # Editors strip trailing tabs: missing fields at the end are empty.
        padded = [f.strip() for f in fields] + [""] * (len(header) - len(fields))
        yield dict(zip(header, padded, strict=True))


def _people(rows: Iterable[Mapping[str, str]]) -> list[PersonEntry]:
    """One PersonEntry per name, its role spells in file order."""
    spells: dict[str, list[RoleSpell]] = {}
    aliases: dict[str, list[str]] = {}
    surnames: dict[str, str | None] = {}
    for row in rows:
        name = row["name"]
        spell = RoleSpell(
            row["iso3"], row["sector"], row["role"], row["start"] or None, row["end"] or None
        )
        spells.setdefault(name, []).append(spell)
        known = aliases.setdefault(name, [])
        known.extend(a for a in _split(row["aliases"]) if a not in known)
        surnames.setdefault(name, row.get("surname") or None)
    return [PersonEntry(n, tuple(s), tuple(aliases[n]), surnames[n]) for n, s in spells.items()]


def _value(column: str, text: str) -> Any:
    if column in {"aliases", "adjectives"}:
        return _split(text)
    if column == "ambiguous":
        return text == "yes"
    # An empty country or sector means "from context" or "none": None, not "".
    return None if column in {"country", "sector"} and not text else text


def _entries(cls: type[Entry], name: str) -> list[Entry]:
    """The rows of `name` as `cls` entries: the TSV columns are the dataclass fields."""
    fields = {f.name for f in dataclasses.fields(cls)}  # type: ignore[arg-type]
    return [
        cls(**{column: _value(column, text) for column, text in row.items() if column in fields})
        for row in _read_tsv(name)
    ]


def _build() -> ActorDictionary:
    return ActorDictionary(
        countries=_entries(CountryEntry, "countries.tsv"),
        metonyms=_entries(MetonymEntry, "metonyms.tsv"),
        organisations=_entries(OrgEntry, "organisations.tsv"),
        bodies=_entries(BodyEntry, "bodies.tsv"),
        roles=_entries(RoleEntry, "roles.tsv"),
        people=_people(_read_tsv("people.tsv")),
    )


@functools.lru_cache(maxsize=1)
def load_dictionary() -> ActorDictionary:
    """The actor dictionary from the package data, read once per process."""
    return _build()
