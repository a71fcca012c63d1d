"""Alerts: tell somebody when a newly stored event matches a rule.

A rule is the filters of `communique events` written as `key=value` words:

    dyad=ARM,AZE quad_class=4
    source=RUS cameo=19 mode=alleged
    country=SDN text=ceasefire

Keys: `actor`, `source`, `target`, `country`, `dyad` (two actors, comma-separated; with
`directed=true` only from the first to the second), `cameo` (a code prefix), `plover`,
`quad_class`, `mode` (asserted unless given, as the default queries), `text`. Rules come
from `--alert` or from a file of one rule per line (`#` starts a comment).

Each (rule, article, event) is sent once, to every sink asked for: a line on standard
output, a JSON line appended to a file, a JSON POST to a webhook. It is recorded in
`watch_alerts` after it is sent, so a crash in between sends it again rather than never.
"""

from __future__ import annotations

import json
import sys
import urllib.request
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from ..analytics import resolver
from ..store import Store
from ..store.filters import MODES, EventFilters

INT_KEYS = frozenset({"quad_class"})
TEXT_KEYS = frozenset(
    {"actor", "source", "target", "country", "cameo", "plover", "mode", "text"}
)
WEBHOOK_TIMEOUT = 10.0


@dataclass(frozen=True, slots=True)
class Rule:
    """One alert rule: its text (how it is named in alerts and in `watch_alerts`) and the
    event filters it stands for."""

    text: str
    filters: EventFilters


def parse_rule(text: str) -> Rule:
    """A rule from `key=value` words; raises ValueError naming the bad word."""
    values: dict[str, Any] = {}
    for word in text.split():
        key, sep, value = word.partition("=")
        key = key.strip().lower()
        if not sep or not value:
            raise ValueError(f"alert rule {text!r}: {word!r} is not key=value")
        if key == "dyad":
            pair = [v for v in value.split(",") if v]
            if len(pair) != 2:
                raise ValueError(f"alert rule {text!r}: dyad takes two actors, A,B")
            values["dyad"] = (pair[0], pair[1])
        elif key == "directed":
            values["directed"] = value.lower() in {"1", "true", "yes"}
        elif key in INT_KEYS:
            if not value.isdigit():
                raise ValueError(f"alert rule {text!r}: {key} takes a number")
            values[key] = int(value)
        elif key in TEXT_KEYS:
            values[key] = value
        else:
            known = ", ".join(sorted({*INT_KEYS, *TEXT_KEYS, "dyad", "directed"}))
            raise ValueError(f"alert rule {text!r}: unknown key {key!r} (known: {known})")
    if not values:
        raise ValueError("an alert rule needs at least one key=value")
    if values.get("mode", "asserted") not in MODES:
        raise ValueError(f"alert rule {text!r}: mode is one of {', '.join(MODES)}")
    values.setdefault("mode", "asserted")
    return Rule(" ".join(text.split()), EventFilters(**values))


def read_rules(path: str | Path) -> list[Rule]:
    """The rules of a file, one per line; blank lines and `#` comments are skipped."""
    rules = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            rules.append(parse_rule(line))
    return rules


@dataclass
class Sinks:
    """Where alerts go: standard output (`echo`), a JSON Lines file, a webhook URL."""

    echo: bool = True
    jsonl: Path | None = None
    webhook: str | None = None
    out: TextIO = field(default_factory=lambda: sys.stdout)
    problems: list[str] = field(default_factory=list)  # webhook failures, for the summary

    def send(self, alert: dict[str, Any]) -> None:
        if self.echo:
            print(_line(alert), file=self.out, flush=True)
        if self.jsonl is not None:
            with self.jsonl.open("a", encoding="utf-8") as file:
                file.write(json.dumps(alert, ensure_ascii=False, default=str) + "\n")
        if self.webhook is not None:
            self._post(alert)

    def _post(self, alert: dict[str, Any]) -> None:
        body = json.dumps(alert, ensure_ascii=False, default=str).encode("utf-8")
        request = urllib.request.Request(
            self.webhook or "", data=body, headers={"Content-Type": "application/json"}
        )
        try:
            with urllib.request.urlopen(request, timeout=WEBHOOK_TIMEOUT) as answer:
                answer.read(1024)
        except OSError as e:  # a webhook down must not stop the watch
            self.problems.append(f"webhook {self.webhook}: {e}")


ALERT_COLUMNS = """e.article_uid, e.id AS event_id, a.id AS article_id, a.url, a.title,
    e.day, e.source_name, e.source_country, e.cameo, e.plover, e.quad_class, e.target_name,
    e.target_country, e.mode, e.evidence"""


def fire(store: Store, rules: Iterable[Rule], article_uids: Iterable[str], sinks: Sinks) -> int:
    """Send an alert for each event of `article_uids` that a rule matches and that has not
    been sent for that rule; returns how many were sent."""
    uids = sorted(set(article_uids))
    if not uids:
        return 0
    resolve = resolver(store)
    sent = 0
    for rule in rules:
        where = rule.filters.where("e", resolve=resolve)
        rows = store.query(
            f"""
            SELECT {ALERT_COLUMNS} FROM events e JOIN articles a ON a.uid = e.article_uid
            WHERE {where.sql} AND e.article_uid IN (SELECT unnest(?::VARCHAR[]))
              AND NOT EXISTS (SELECT 1 FROM watch_alerts w WHERE w.rule = ?
                              AND w.article_uid = e.article_uid AND w.event_id = e.id)
            ORDER BY e.article_uid, e.id
            """,
            [*where.params, uids, rule.text],
        )
        for row in rows:
            sinks.send({"rule": rule.text, **row})
            with store.transaction() as cur:
                cur.execute(
                    "INSERT INTO watch_alerts (rule, article_uid, event_id) VALUES (?, ?, ?) "
                    "ON CONFLICT DO NOTHING",
                    [rule.text, row["article_uid"], row["event_id"]],
                )
            sent += 1
    return sent


def _line(alert: dict[str, Any]) -> str:
    target = f" -> {alert['target_name']}" if alert.get("target_name") else ""
    return (
        f"ALERT [{alert['rule']}] {alert.get('day') or ''} {alert['source_name']}{target} "
        f"{alert['cameo']}: {alert['evidence']} ({alert.get('url') or alert['article_id']})"
    )
