"""Questions an analyst asks of the store: counts, events, quotes, actors, dyads, networks.

Every function takes a `communique.store.Store` and returns plain data (dicts and
lists) that the CLI prints, the API returns as JSON and the web page renders.
Events told by several articles share an `event_key` and are counted once in
series, networks and counts of distinct events; listings keep every report.

Example:
    >>> from communique.store import Store
    >>> stats(Store())["articles"]
    0
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from sqlite3 import Connection
from typing import Any

import numpy

from .store import Store, search
from .store.filters import EventFilters as EventFilters
from .store.filters import (
    Where,
    actor_match,
    actor_params,
    check_interval,
    clamp,
    exact_name_sql,
    fold_words,
)
from .store.filters import like as _like

Row = dict[str, Any]

EVENT_COLUMNS = """
    e.article_uid, a.id AS article_id, a.title AS article_title, a.source AS article_source,
    e.id, e.event_key, e.day, e.date_text, e.source_key, e.source_name, e.source_code,
    e.source_country, e.target_key, e.target_name, e.target_code, e.target_country, e.cameo,
    e.cameo_root, e.plover, e.quad_class, e.goldstein, e.mode, e.negated, e.confidence,
    e.location_name, e.location_country, e.trigger, e.evidence
"""


@dataclass(frozen=True, slots=True)
class Page:
    """One page of a listing: `items`, the `total` that match, and where the page starts."""

    items: list[Row]
    total: int
    limit: int
    offset: int

    def to_dict(self) -> dict[str, Any]:
        after = self.offset + self.limit
        return {
            "items": self.items,
            "total": self.total,
            "limit": self.limit,
            "offset": self.offset,
            "next_offset": after if after < self.total else None,
        }


@dataclass(frozen=True, slots=True)
class Ranked:
    """A listing's text filter through the search index: `join` keeps the rows the index
    matches (alias `hit`, with their BM25 `hit.score`) from `tables`, and `order` puts the
    best matches first. Empty when the filter is a substring match."""

    join: str = ""
    tables: dict[str, Any] | None = None
    order: str = ""


def ranked(index: Connection | None, text: str | None, kind: str, on: str) -> Ranked | None:
    """The index's matches of `text` among `kind` as a join `on` the listing's rows, or None
    when `text` is no filter or a substring match (no index, or no word in `text`)."""
    if not text or index is None or not search.fts_query(text):
        return None
    found = search.matches(index, text, kind)
    uids, refs, scores = ([list(column) for column in zip(*found, strict=True)]) or [[], [], []]
    hits = {  # read by DuckDB as a table: ~10x faster than as parameters for many matches
        "uid": numpy.array(uids, dtype=object),
        "ref": numpy.array(refs, dtype=object),
        "score": numpy.array(scores, dtype=float),
    }
    join = (
        "JOIN (SELECT uid::VARCHAR AS uid, ref::VARCHAR AS ref, score::DOUBLE AS score "
        f"FROM search_hits) hit ON {on}"
    )
    return Ranked(join, {"search_hits": hits}, "hit.score DESC, ")


def resolver(store: Store) -> Callable[[str], list[str]]:
    """A function from an actor term to the keys of the actors it matches
    (`communique.store.filters.actor_match`), those it names exactly first (its key, code,
    country or whole name), then by mentions."""

    def resolve(term: str) -> list[str]:
        code = fold_words(term).replace(" ", "").upper()
        rows = store.query(
            f"""
            SELECT key FROM actors WHERE {actor_match("key")} GROUP BY key
            ORDER BY bool_or(key = ? OR upper(code) = ? OR upper(country) = ?
                             OR {exact_name_sql("name")} = ?) DESC,
                     sum(n_mentions) DESC, key
            """,
            [*actor_params(term), term.strip(), code, code, f" {fold_words(term)} "],
        )
        return [row["key"] for row in rows]

    return resolve


def closest_actors(store: Store, term: str, *, limit: int = 5) -> list[Row]:
    """The actors whose name, a word of it, or code is most like `term` (Jaro-Winkler on
    folded text), to suggest when a term matches nothing."""
    folded = fold_words(term)
    if not folded:
        return []
    return store.query(
        f"""
        WITH named AS (SELECT key, trim({exact_name_sql("name")}) AS folded, name, code,
                              n_mentions FROM actors),
        words AS (SELECT key, unnest(string_split(folded, ' ')) AS word FROM named),
        by_word AS (SELECT key, max(jaro_winkler_similarity(word, ?)) AS score
                    FROM words GROUP BY key)
        SELECT n.key, any_value(n.name) AS name, any_value(n.code) AS code,
               sum(n.n_mentions) AS mentions,
               greatest(max(jaro_winkler_similarity(n.folded, ?)), any_value(w.score),
                        max(jaro_winkler_similarity(lower(coalesce(n.code, '')), ?))) AS score
        FROM named n JOIN by_word w USING (key)
        GROUP BY n.key ORDER BY score DESC, mentions DESC, name LIMIT ?
        """,
        [folded, folded, folded.replace(" ", ""), limit],
    )


def suggestions(store: Store, terms: Iterable[str | None]) -> dict[str, list[Row]]:
    """For each actor term that matches no actor, the closest actors (for "did you mean")."""
    resolve = resolver(store)
    return {term: closest_actors(store, term) for term in terms if term and not resolve(term)}


def filter_terms(filters: EventFilters) -> list[str | None]:
    """The actor terms among event filters."""
    return [filters.actor, filters.source, filters.target, *(filters.dyad or ())]


def stats(store: Store) -> dict[str, Any]:
    """Counts of articles, quotes, events (reports and distinct), actors, errors and warnings;
    the span of event days, and of asserted events' days with how many of those fall after
    their article's publication date (a dating error: it should be 0)."""
    row = store.query(
        """
        SELECT
          (SELECT count(*) FROM articles) AS articles,
          (SELECT count(*) FROM article_links) AS duplicate_articles,
          (SELECT count(*) FROM quotes) AS quotes,
          (SELECT count(*) FROM events) AS events,
          (SELECT count(DISTINCT event_key) FROM events) AS distinct_events,
          (SELECT count(DISTINCT key) FROM actors) AS actors,
          (SELECT count(*) FROM mentions) AS mentions,
          (SELECT count(*) FROM errors WHERE coalesce(code, '') NOT LIKE 'W%') AS errors,
          (SELECT count(*) FROM errors WHERE code LIKE 'W%') AS warnings,
          (SELECT min(day) FROM events) AS first_day,
          (SELECT max(day) FROM events) AS last_day,
          (SELECT min(day) FROM events WHERE mode = 'asserted') AS asserted_first_day,
          (SELECT max(day) FROM events WHERE mode = 'asserted') AS asserted_last_day,
          (SELECT count(*) FROM events e JOIN articles a ON a.uid = e.article_uid
           WHERE e.mode = 'asserted' AND e.day > a.published) AS asserted_after_publication
        """
    )[0]
    for key in ("first_day", "last_day", "asserted_first_day", "asserted_last_day"):
        row[key] = _iso(row[key])
    row["schema_version"] = store.schema_version
    return row


def events(
    store: Store,
    filters: EventFilters | None = None,
    *,
    limit: int = 50,
    offset: int = 0,
    index: Connection | None = None,
) -> Page:
    """Event reports that match `filters`, newest first; `reports` counts articles per event.

    With the search `index`, the text filter matches the evidence sentence's words, stemmed,
    and the best matches come first; without it, the text is a substring of the evidence.
    """
    limit, offset = clamp(limit, offset)
    chosen = filters or EventFilters()
    hits = ranked(index, chosen.text, "events", "hit.uid = e.article_uid AND hit.ref = e.id")
    if hits is not None:
        chosen = replace(chosen, text=None)
    hits = hits or Ranked()
    where = chosen.where("e", resolve=resolver(store))
    base = f"FROM events e JOIN articles a ON a.uid = e.article_uid {hits.join} WHERE {where.sql}"
    order = (
        hits.order + "e.day DESC NULLS LAST, e.article_uid, TRY_CAST(substr(e.id, 2) AS INTEGER)"
    )
    total, items = _paged(
        store, EVENT_COLUMNS, base, order, where.params, limit, offset, tables=hits.tables
    )
    _add_reports(store, items)
    return Page([clean(item) for item in items], total, limit, offset)


CONTESTED_COLUMNS = """e.article_uid, a.id AS article_id, a.title AS article_title,
    a.source AS outlet, e.id, e.event_key, e.day, e.source_name, e.source_country, e.cameo,
    e.plover, e.target_name, e.target_country, e.evidence, e.claimed_by, e.denied_by,
    e.confirmed_by, e.accusation, e.denials, e.claim_presumed"""


# Reports of one alleged act in other articles: the same doer's and target's countries
# and CAMEO root, told for days at most LINK_DAYS apart (a shelling Accra alleges on
# Monday and Lome denies on Wednesday), whatever actor words each article uses.
LINK_DAYS = 3
LINKED = f"""o.mode = 'alleged' AND o.article_uid <> e.article_uid
    AND e.source_country IS NOT NULL AND o.source_country = e.source_country
    AND o.target_country IS NOT DISTINCT FROM e.target_country
    AND o.cameo_root = e.cameo_root
    AND ((o.day IS NULL AND e.day IS NULL) OR abs(date_diff('day', o.day, e.day)) <= {LINK_DAYS})"""
DENIED_ANYWHERE = (
    f"(len(e.denied_by) > 0 OR EXISTS (SELECT 1 FROM events o WHERE {LINKED} "
    "AND len(o.denied_by) > 0))"
)
CLAIM_ROLES = ("claimed_by", "denied_by", "confirmed_by")
LINKED_COLUMNS = """e.article_uid AS of_uid, e.id AS of_id, o.article_uid, a.id AS article_id,
    a.source AS outlet, o.id, o.day, o.evidence, o.claimed_by, o.denied_by, o.confirmed_by,
    o.accusation, o.denials"""


def contested(
    store: Store,
    filters: EventFilters | None = None,
    *,
    denied_only: bool = False,
    limit: int = 50,
    offset: int = 0,
) -> Page:
    """Alleged acts (mode "alleged") that match `filters`, denied ones first, then newest:
    each with who claims, denies and confirms it (names joined, for tables), and in `sides`
    the two sides' words: the claim's evidence (its accusation's sentence) and each denial's.
    `reports` counts the articles that tell the same alleged act (its `event_key`). Reports
    of it in other articles (`LINKED`) add their deniers and confirmers, their denials to
    `sides`, and each report to `sides["reports"]`; "denied" means denied in any of them."""
    limit, offset = clamp(limit, offset)
    chosen = replace(filters or EventFilters(), mode="alleged")
    resolve = resolver(store)
    where = replace(chosen, dyad=None).where("e", resolve=resolve)
    if chosen.dyad is not None:  # claimant and accused count as the two sides too
        between, params = _claims_between(resolve, *chosen.dyad, directed=chosen.directed)
        where.add(between, *params)
    denied = f" AND {DENIED_ANYWHERE}" if denied_only else ""
    base = f"FROM events e JOIN articles a ON a.uid = e.article_uid WHERE {where.sql}{denied}"
    order = (
        f"{DENIED_ANYWHERE} DESC, e.day DESC NULLS LAST, e.article_uid, "
        "TRY_CAST(substr(e.id, 2) AS INTEGER)"
    )
    total, items = _paged(store, CONTESTED_COLUMNS, base, order, where.params, limit, offset)
    _add_reports(store, items)
    linked = _linked_reports(store, items)
    # the page's actor names and events (for accusations and denials), one query each
    uids = sorted({item["article_uid"] for item in items} | {r["article_uid"] for r in linked})
    names: dict[str, dict[str, str]] = {}
    for row in store.query(
        "SELECT article_uid, id, name FROM actors WHERE list_contains(?, article_uid)", [uids]
    ):
        names.setdefault(row["article_uid"], {})[row["id"]] = row["name"]
    told: dict[str, dict[str, Row]] = {}
    for row in store.query(
        "SELECT article_uid, id, source_name, evidence FROM events "
        "WHERE list_contains(?, article_uid)",
        [uids],
    ):
        told.setdefault(row["article_uid"], {})[row["id"]] = row

    def sides(row: Row) -> Row:
        return _sides(row, names.get(row["article_uid"], {}), told.get(row["article_uid"], {}))

    reports: dict[tuple[str, str], list[Row]] = {}
    for row in linked:
        reports.setdefault((row["of_uid"], row["of_id"]), []).append(clean(sides(row)))
    shown = [
        clean(
            _joined(_with_reports(sides(item), reports.get((item["article_uid"], item["id"]), [])))
        )
        for item in items
    ]
    return Page(shown, total, limit, offset)


def _linked_reports(store: Store, items: list[Row]) -> list[Row]:
    """The reports of the page's alleged acts in other articles (`LINKED`)."""
    wanted = [f"{item['article_uid']}/{item['id']}" for item in items]
    if not wanted:
        return []
    return store.query(
        f"""SELECT {LINKED_COLUMNS} FROM events e
        JOIN events o ON {LINKED} JOIN articles a ON a.uid = o.article_uid
        WHERE list_contains(?, e.article_uid || '/' || e.id)
        ORDER BY o.day NULLS LAST, a.id, o.id""",
        [wanted],
    )


def _with_reports(item: Row, others: list[Row]) -> Row:
    """`item` with the deniers, confirmers and denials of its reports in other articles,
    and those reports under `sides["reports"]`."""
    if not others:
        return {**item, "sides": {**item["sides"], "reports": []}}
    roles = {
        role: list(dict.fromkeys(n for r in [item, *others] for n in r[role]))
        for role in ("denied_by", "confirmed_by")
    }
    denials = [
        {
            **d,
            "article_uid": r["article_uid"],
            "article_id": r["article_id"],
            "outlet": r["outlet"],
            "day": r["day"],
        }
        for r in others
        for d in r["sides"]["denials"]
    ]
    reports = [
        {"article_uid": r["article_uid"], "article_id": r["article_id"], "outlet": r["outlet"],
         "day": r["day"], "claim": r["sides"]["claim"], "denials": r["sides"]["denials"]}
        for r in others
    ]  # fmt: skip
    sides = {**item["sides"], "denials": item["sides"]["denials"] + denials, "reports": reports}
    return {**item, **roles, "sides": sides}


def _sides(item: Row, names: dict[str, str], told: dict[str, Row]) -> Row:
    """`item` with actor ids as the article's actor `names`, and the evidence of its
    accusation and denials from the article's events (`told`, by id)."""
    roles = {r: [names.get(i, i) for i in item.pop(r) or []] for r in CLAIM_ROLES}
    if item.get("claim_presumed"):  # nobody is named as claiming it (docs/claims.md)
        roles["claimed_by"] = [f"{name} (presumed)" for name in roles["claimed_by"]]
    accusation = told.get(item.pop("accusation") or "")
    sides = {
        "claim": {
            "by": roles["claimed_by"],
            "evidence": accusation["evidence"] if accusation else item["evidence"],
        },
        "denials": _denials(item.pop("denials") or [], roles["denied_by"], item, told),
        "confirmed_by": roles["confirmed_by"],
    }
    return {**item, **roles, "sides": sides}


def _joined(item: Row) -> Row:
    """`item` with the names of who claims, denies and confirms joined, for tables."""
    return {**item, **{r: "; ".join(item[r]) for r in CLAIM_ROLES}}


def _denials(ids: list[str], deniers: list[str], item: Row, told: dict[str, Row]) -> list[Row]:
    """Each denial's speaker and sentence; for an act known only from its denial ("Togo
    denied shelling the villages"), its own sentence."""
    found = [
        {"by": told[i]["source_name"], "evidence": told[i]["evidence"]} for i in ids if i in told
    ]
    if not found and deniers:
        return [{"by": "; ".join(deniers), "evidence": item["evidence"]}]
    return found


QUOTE_COLUMNS = """q.article_uid, a.id AS article_id, a.title AS article_title, q.id,
    q.published, q.speaker_key, q.speaker_name, q.speaker_country, q.speaker_mention,
    q.cue, q.content, q.kind, q.anonymous, q.confidence"""


def _paged(
    store: Store,
    columns: str,
    base: str,
    order: str,
    params: list[Any],
    limit: int,
    offset: int,
    *,
    tables: dict[str, Any] | None = None,
) -> tuple[int, list[Row]]:
    """The total count of `base` and one ordered page of its rows (SQL text from the code,
    values as parameters, or as `tables` for `Store.query`)."""
    total = int(store.scalar(f"SELECT count(*) {base}", params, tables=tables))
    rows = store.query(
        f"SELECT {columns} {base} ORDER BY {order} LIMIT ? OFFSET ?",
        [*params, limit, offset],
        tables=tables,
    )
    return total, rows


def quotes(
    store: Store,
    *,
    speaker: str | None = None,
    country: str | None = None,
    text: str | None = None,
    article: str | None = None,
    limit: int = 50,
    offset: int = 0,
    index: Connection | None = None,
) -> Page:
    """Quotes by speaker (an actor term), speaker country, words in the quote, or article.

    With the search `index`, `text` matches the words of the quote and its speaker's name,
    stemmed, best match first; without it, `text` is a substring of the quote or its evidence.
    """
    limit, offset = clamp(limit, offset)
    where = Where()
    if speaker:
        where.add(actor_match("q.speaker_key"), *actor_params(speaker))
    if country:
        where.add("upper(q.speaker_country) = upper(?)", country)
    hits = ranked(index, text, "quotes", "hit.uid = q.article_uid AND hit.ref = q.id")
    if text and hits is None:
        where.add("(q.content ILIKE ? OR q.evidence ILIKE ?)", _like(text), _like(text))
    if article:
        where.add("(q.article_uid = ? OR a.id = ?)", article, article)
    hits = hits or Ranked()
    base = f"FROM quotes q JOIN articles a ON a.uid = q.article_uid {hits.join} WHERE {where.sql}"
    order = hits.order + (
        "q.published DESC NULLS LAST, q.article_uid, TRY_CAST(substr(q.id, 2) AS INTEGER)"
    )
    total, items = _paged(
        store, QUOTE_COLUMNS, base, order, where.params, limit, offset, tables=hits.tables
    )
    return Page([clean(item) for item in items], total, limit, offset)


def actors(
    store: Store,
    *,
    text: str | None = None,
    country: str | None = None,
    kind: str | None = None,
    limit: int = 50,
    offset: int = 0,
) -> Page:
    """Actors across articles with their article, mention, quote and event counts."""
    limit, offset = clamp(limit, offset)
    where = Where()
    if text:
        where.add(actor_match("key"), *actor_params(text))
    if country:
        where.add("upper(country) = upper(?)", country)
    if kind:
        where.add("kind = ?", kind)
    grouped = f"""
        SELECT key, any_value(name) AS name, any_value(kind) AS kind,
               any_value(country) AS country, any_value(code) AS code,
               any_value(sector) AS sector, count(DISTINCT article_uid) AS articles,
               sum(n_mentions) AS mentions
        FROM actors WHERE {where.sql} GROUP BY key
    """
    total = int(store.scalar(f"SELECT count(*) FROM ({grouped})", where.params))
    items = store.query(
        f"""
        WITH g AS ({grouped}),
        ev AS (SELECT k, count(DISTINCT event_key) AS events FROM (
                 SELECT source_key AS k, event_key FROM events
                 UNION ALL SELECT target_key, event_key FROM events) GROUP BY k),
        qu AS (SELECT speaker_key AS k, count(*) AS quotes FROM quotes GROUP BY 1)
        SELECT g.*, coalesce(ev.events, 0) AS events, coalesce(qu.quotes, 0) AS quotes
        FROM g LEFT JOIN ev ON ev.k = g.key LEFT JOIN qu ON qu.k = g.key
        ORDER BY g.mentions DESC, g.name LIMIT ? OFFSET ?
        """,
        [*where.params, limit, offset],
    )
    return Page(items, total, limit, offset)


def actor(store: Store, ref: str) -> Row | None:
    """One actor by key, code, country or name: its counts, roles and the articles it is in."""
    keys = resolver(store)(ref)
    if not keys:
        return None
    key = keys[0]
    detail = store.query(
        """
        SELECT key, any_value(name) AS name, any_value(kind) AS kind,
               any_value(country) AS country, any_value(code) AS code,
               any_value(sector) AS sector, list(DISTINCT role) FILTER (role IS NOT NULL) AS roles,
               count(DISTINCT article_uid) AS articles, sum(n_mentions) AS mentions
        FROM actors WHERE key = ? GROUP BY key
        """,
        [key],
    )[0]
    detail["partners"] = store.query(
        """
        SELECT other_key AS key, any_value(other_name) AS name, any_value(other_code) AS code,
               count(DISTINCT event_key) AS events, round(avg(goldstein), 2) AS goldstein
        FROM (SELECT target_key AS other_key, target_name AS other_name,
                     target_code AS other_code, event_key, goldstein
              FROM events WHERE source_key = ? AND target_key IS NOT NULL
              UNION ALL
              SELECT source_key, source_name, source_code, event_key, goldstein
              FROM events WHERE target_key = ? AND source_key IS NOT NULL)
        GROUP BY other_key ORDER BY events DESC, name LIMIT 20
        """,
        [key, key],
    )
    return detail


def dyad(
    store: Store,
    a: str,
    b: str,
    *,
    interval: str = "month",
    filters: EventFilters | None = None,
    directed: bool = False,
) -> list[Row]:
    """Counts per period by QuadClass and mean Goldstein of the events between `a` and `b`.

    Each distinct event (`event_key`) counts once however many articles report it;
    `reports` is the number of article reports behind the period's events.
    """
    unit = check_interval(interval)
    where = _dyad_where(store, a, b, filters, directed)
    return [
        clean(row)
        for row in store.query(
            f"""
            WITH matched AS (
              SELECT event_key, min(day) AS day, any_value(quad_class) AS quad,
                     any_value(goldstein) AS goldstein, count(*) AS reports
              FROM events WHERE day IS NOT NULL AND {where.sql} GROUP BY event_key)
            SELECT CAST(date_trunc(?, day) AS DATE) AS period, count(*) AS events,
                   count(*) FILTER (WHERE quad = 1) AS q1, count(*) FILTER (WHERE quad = 2) AS q2,
                   count(*) FILTER (WHERE quad = 3) AS q3, count(*) FILTER (WHERE quad = 4) AS q4,
                   round(avg(goldstein), 2) AS goldstein, sum(reports) AS reports
            FROM matched GROUP BY period ORDER BY period
            """,
            [*where.params, unit],
        )
    ]


def dyad_undated(
    store: Store, a: str, b: str, *, filters: EventFilters | None = None, directed: bool = False
) -> int:
    """How many distinct events between `a` and `b` have no day (an undated article, or a
    period coarser than a day): the series leaves them out, and says so."""
    where = _dyad_where(store, a, b, filters, directed)
    sql = f"SELECT count(DISTINCT event_key) FROM events WHERE day IS NULL AND {where.sql}"
    return int(store.scalar(sql, where.params))


def dyad_claims(
    store: Store, a: str, b: str, *, filters: EventFilters | None = None, directed: bool = False
) -> dict[str, int]:
    """The dyad's contested side, which the series of asserted events leaves out: how many
    distinct alleged acts one side is said to have done to the other, or is accused of by
    the other ("Turkey accuses Greece of arming the islands" is a Greece-Turkey claim), in
    the filters' days; and how many of them somebody denies or confirms."""
    resolve = resolver(store)
    chosen = filters or EventFilters()
    days = EventFilters(start=chosen.start, end=chosen.end).where("e", resolve=resolve)
    sides, params = _claims_between(resolve, a, b, directed=directed)
    row = store.query(
        f"""
        SELECT count(DISTINCT e.event_key) AS alleged,
               count(DISTINCT e.event_key) FILTER (WHERE len(e.denied_by) > 0) AS denied,
               count(DISTINCT e.event_key) FILTER (WHERE len(e.confirmed_by) > 0) AS confirmed
        FROM events e WHERE e.mode = 'alleged' AND {days.sql} AND {sides}
        """,
        [*days.params, *params],
    )[0]
    return {k: int(v) for k, v in row.items()}


def _claims_between(
    resolve: Callable[[str], list[str]], a: str, b: str, *, directed: bool = False
) -> tuple[str, list[Any]]:
    """SQL on events `e`: an act one side is said to have done to the other, or that the
    other accuses it of (a claimant of `e` is on the other side)."""
    keys_a, keys_b = resolve(a), resolve(b)
    claimed = (
        "EXISTS (SELECT 1 FROM actors c WHERE c.article_uid = e.article_uid "
        "AND list_contains(e.claimed_by, c.id) AND list_contains(?, c.key))"
    )
    one_way = f"(list_contains(?, e.source_key) AND (list_contains(?, e.target_key) OR {claimed}))"
    if directed:
        return one_way, [keys_a, keys_b, keys_b]
    return f"({one_way} OR {one_way})", [keys_a, keys_b, keys_b, keys_b, keys_a, keys_a]


def _dyad_where(
    store: Store, a: str, b: str, filters: EventFilters | None, directed: bool
) -> Where:
    base = filters or EventFilters()
    chosen = EventFilters(**{**filter_fields(base), "dyad": (a, b), "directed": directed})
    return chosen.where("", resolve=resolver(store))


def network(store: Store, *, limit: int = 60, filters: EventFilters | None = None) -> Row:
    """The actor network: nodes, and edges weighted by distinct events (source to target)."""
    limit, _ = clamp(limit, 0)
    where = (filters or EventFilters()).where("", resolve=resolver(store))
    edges = store.query(
        f"""
        SELECT source_key AS source, target_key AS target,
               any_value(source_name) AS source_name, any_value(target_name) AS target_name,
               any_value(source_code) AS source_code, any_value(target_code) AS target_code,
               count(DISTINCT event_key) AS events, round(avg(goldstein), 2) AS goldstein
        FROM events
        WHERE source_key IS NOT NULL AND target_key IS NOT NULL
          AND source_key <> target_key AND {where.sql}
        GROUP BY source_key, target_key ORDER BY events DESC, source_name, target_name LIMIT ?
        """,
        [*where.params, limit],
    )
    nodes: dict[str, Row] = {}
    for edge in edges:
        for side in ("source", "target"):
            node = nodes.setdefault(
                edge[side],
                {
                    "key": edge[side],
                    "name": edge[f"{side}_name"],
                    "code": edge[f"{side}_code"],
                    "events": 0,
                },
            )
            node["events"] += edge["events"]
    return {"nodes": list(nodes.values()), "edges": edges}


def articles(
    store: Store,
    *,
    text: str | None = None,
    source: str | None = None,
    limit: int = 50,
    offset: int = 0,
    index: Connection | None = None,
) -> Page:
    """Stored articles, newest first; `text` searches titles and texts: with the search
    `index` their words, stemmed, best match first; without it, as a substring."""
    limit, offset = clamp(limit, offset)
    where = Where()
    hits = ranked(index, text, "articles", "hit.uid = a.uid")
    if text and hits is None:
        where.add("(a.title ILIKE ? OR a.text ILIKE ?)", _like(text), _like(text))
    if source:
        where.add("a.source = ?", source)
    hits = hits or Ranked()
    base = (
        f"FROM articles a LEFT JOIN article_links l ON l.article_uid = a.uid {hits.join} "
        f"WHERE {where.sql}"
    )
    order = hits.order + "a.published DESC NULLS LAST, a.uid"
    total, items = _paged(
        store, ARTICLE_COLUMNS, base, order, where.params, limit, offset, tables=hits.tables
    )
    return Page([clean(item) for item in items], total, limit, offset)


ARTICLE_COLUMNS = """a.uid, a.id, a.title, a.source, a.url, a.published, a.n_actors AS actors,
    a.n_quotes AS quotes, a.n_events AS events, l.duplicate_of, left(a.text, 240) AS snippet"""


def ranked_articles(
    store: Store, index: Connection, text: str, *, limit: int = 50, offset: int = 0
) -> Page:
    """Articles that hold all of `text`'s words, best match first (`communique.store.search`),
    with the passage that matched as their snippet."""
    limit, offset = clamp(limit, offset)
    found = search.search(index, text, kind="articles", limit=limit, offset=offset)
    passages = {hit["article_uid"]: hit["snippet"] for hit in found["items"]}
    if not passages:
        return Page([], found["total"], limit, offset)
    marks = ", ".join("?" for _ in passages)
    rows = store.query(
        f"SELECT {ARTICLE_COLUMNS} FROM articles a "
        f"LEFT JOIN article_links l ON l.article_uid = a.uid WHERE a.uid IN ({marks})",
        list(passages),
    )
    by_uid = {row["uid"]: clean(row) for row in rows}
    items = [
        {**by_uid[uid], "snippet": passage.replace("[", "").replace("]", "")}
        for uid, passage in passages.items()
        if uid in by_uid
    ]
    return Page(items, found["total"], limit, offset)


def duplicates(store: Store, uid: str) -> list[Row]:
    """Articles linked to `uid` as near-duplicates, in either direction."""
    rows = store.query(
        """
        SELECT a.uid, a.id, a.title, a.source, l.similarity FROM article_links l
        JOIN articles a ON a.uid = CASE WHEN l.article_uid = ? THEN l.duplicate_of
                                        ELSE l.article_uid END
        WHERE l.article_uid = ? OR l.duplicate_of = ? ORDER BY a.uid
        """,
        [uid, uid, uid],
    )
    return rows


def errors(store: Store, *, limit: int = 50, offset: int = 0) -> Page:
    """Stored ingest and analysis errors and warnings (code W1xx), most recent first."""
    limit, offset = clamp(limit, offset)
    total = int(store.scalar("SELECT count(*) FROM errors"))
    items = store.query(
        "SELECT article_id, origin, code, message, ingested_at FROM errors "
        "ORDER BY ingested_at DESC, origin, key LIMIT ? OFFSET ?",
        [limit, offset],
    )
    return Page([clean(item) for item in items], total, limit, offset)


def _add_reports(store: Store, items: list[Row]) -> None:
    keys = sorted({item["event_key"] for item in items})
    if not keys:
        return
    marks = ", ".join("?" for _ in keys)
    counts = {
        row["event_key"]: row["n"]
        for row in store.query(
            f"SELECT event_key, count(DISTINCT article_uid) AS n FROM events "
            f"WHERE event_key IN ({marks}) GROUP BY event_key",
            keys,
        )
    }
    for item in items:
        item["reports"] = counts.get(item["event_key"], 1)


def filter_fields(filters: EventFilters) -> dict[str, Any]:
    """The filters as keyword arguments, to make a changed copy."""
    return {name: getattr(filters, name) for name in filters.__slots__}  # type: ignore[attr-defined]


def clean(row: Row) -> Row:
    """Dates as ISO strings, so every caller gets JSON-ready values."""
    return {k: _iso(v) if hasattr(v, "isoformat") else v for k, v in row.items()}


def _iso(value: Any) -> Any:
    return value.isoformat() if hasattr(value, "isoformat") else value


def watched(store: Store) -> Row:
    """What `communique watch` keeps of its sources (`communique.watch.state`): each source
    with its last fetch, last good fetch, status, error and item counts, and the items that
    failed last with their reasons; empty lists for a store that was never watched into."""
    from .watch import state

    tables = store.query(
        "SELECT 1 FROM information_schema.tables WHERE table_name = 'watch_sources'"
    )
    if not tables:  # a database made before `watch` existed, opened read-only
        return {"sources": [], "failures": []}
    return {
        "sources": [clean(r) for r in state.sources(store)],
        "failures": [clean(r) for r in state.failures(store)],
    }
