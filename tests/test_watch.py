"""`communique watch` (issue 15) against loopback HTTP servers the tests start: feeds, pages
and robots.txt generated here, never real news."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from communique.ingest.fetch import FetchLimits
from communique.store import Store
from communique.watch import Polite, Sinks, Watcher, parse_rule, read_rules
from communique.watch.state import failures, sources
from tests.watch_server import Route, Site, page, rss, serving, sitemap, story

DATE = "Mon, 02 Mar 2026 10:00:00 GMT"


def publish(site: Site, numbers: range, *, folder: str = "news", etag: str = '"v1"') -> str:
    """Pages for `numbers` and a feed listing them; the feed's URL."""
    items = []
    for n in numbers:
        path = f"/{folder}/{n}"
        site.routes[path] = Route(page(f"Story {n}", story(n)))
        items.append((f"Story {n}", site.url + path, DATE))
    site.routes["/rss.xml"] = Route(rss("Test feed", items), "application/rss+xml", etag=etag)
    return site.url + "/rss.xml"


def watcher(store: Store, feeds: list[str], **options: object) -> Watcher:
    polite = Polite(delay=0, allow_private=True, retries=0)
    for name, value in options.items():
        setattr(polite, name, value)
    return Watcher(store, feeds, polite, sinks=Sinks(echo=False))


def count(store: Store, table: str = "articles") -> int:
    return int(store.scalar(f"SELECT count(*) FROM {table}"))


def test_watch_feed_stores_new_items_then_asks_conditionally(tmp_path: Path) -> None:
    with serving(Site()) as site, Store(tmp_path / "news.duckdb") as store:
        feed = publish(site, range(3))
        first = watcher(store, [feed]).round()
        assert (first.stored, first.failed, count(store)) == (3, 0, 3)
        second = watcher(store, [feed]).round()
        assert (second.not_modified, second.new, count(store)) == (1, 0, 3)
        assert site.conditional("/rss.xml") == 1  # the second poll sent the ETag back
        assert all(site.requested(f"/news/{n}") == 1 for n in range(3))


def test_watch_restart_resumes_where_it_stopped(tmp_path: Path) -> None:
    path = tmp_path / "news.duckdb"
    with serving(Site()) as site:
        feed = publish(site, range(2))
        with Store(path) as store:
            watcher(store, [feed]).round()
        publish(site, range(3), etag='"v2"')  # one item more, a new version of the feed
        with Store(path) as store:  # a new process would open it the same way
            summary = watcher(store, [feed]).round()
            assert (summary.new, summary.stored, count(store)) == (1, 1, 3)
    assert [site.requested(f"/news/{n}") for n in range(3)] == [1, 1, 1]


def test_watch_obeys_robots_txt(tmp_path: Path) -> None:
    with serving(Site()) as site, Store(tmp_path / "news.duckdb") as store:
        site.routes["/robots.txt"] = Route(b"User-agent: *\nDisallow: /private/\n", "text/plain")
        publish(site, range(2))
        site.routes["/private/9"] = Route(page("Story 9", story(9)))
        site.routes["/map.xml"] = Route(
            sitemap([f"{site.url}/news/0", f"{site.url}/private/9"]), "application/xml"
        )
        summary = watcher(store, [site.url + "/map.xml"]).round()
        assert (summary.stored, summary.skipped) == (1, 1)
        assert site.requested("/private/9") == 0
        (source,) = sources(store)
        assert (source["kind"], source["stored"], source["skipped"]) == ("sitemap", 1, 1)


def test_watch_slow_or_failing_host_does_not_stall_the_others(tmp_path: Path) -> None:
    with (
        serving(Site()) as slow,
        serving(Site()) as broken,
        serving(Site()) as fine,
        Store(tmp_path / "news.duckdb") as store,
    ):
        slow_feed = publish(slow, range(2))
        for n in range(2):
            slow.routes[f"/news/{n}"].delay = 3.0  # past the 0.5 s timeout below
        broken_feed = broken.url + "/rss.xml"
        broken.routes["/rss.xml"] = Route(b"oops", status=503)
        fine_feed = publish(fine, range(10, 13))
        w = watcher(store, [slow_feed, broken_feed, fine_feed])
        w.polite.limits = FetchLimits(timeout=0.5, deadline=1.0)
        summary = w.round()
        assert (summary.stored, summary.failed, summary.source_errors) == (3, 2, 1)
        reasons = {f["url"]: f["reason"] for f in failures(store)}
        assert all("timed out" in reasons[f"{slow.url}/news/{n}"] for n in range(2))
        by_source = {s["source"]: s for s in sources(store)}
        assert "503" in by_source[broken_feed]["last_error"]
        assert by_source[fine_feed]["last_status"] == "ok"


def test_watch_retries_a_failed_item_next_round(tmp_path: Path) -> None:
    with serving(Site()) as site, Store(tmp_path / "news.duckdb") as store:
        feed = publish(site, range(2))
        site.routes["/news/1"].status = 500
        assert watcher(store, [feed]).round().failed == 1
        site.routes["/news/1"].status = 200
        again = watcher(store, [feed]).round()  # the feed has not changed: it answers 304
        assert (again.not_modified, again.stored, count(store)) == (1, 1, 2)


def test_watch_skips_a_url_or_text_already_stored(tmp_path: Path) -> None:
    with serving(Site()) as site, Store(tmp_path / "news.duckdb") as store:
        feed = publish(site, range(2))
        twin = site.routes["/news/0"].body.replace(b"Story 0", b"Story 0, again")
        site.routes["/copy/0"] = Route(twin)  # the same story under another URL
        site.routes["/other.xml"] = Route(
            rss("Other", [("Story 1", f"{site.url}/news/1", DATE),
                          ("Copy", f"{site.url}/copy/0", DATE)]),
            "application/rss+xml",
        )  # fmt: skip
        watcher(store, [feed]).round()
        summary = watcher(store, [site.url + "/other.xml"]).round()
        assert (summary.stored, summary.duplicates, count(store)) == (0, 2, 2)
        assert site.requested("/news/1") == 1  # its URL was stored: not fetched again


def test_watch_folder_takes_new_and_changed_files(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "a.txt").write_text("\n".join(story(1)), encoding="utf-8")
    with Store(tmp_path / "news.duckdb") as store:
        assert watcher(store, [str(inbox)]).round().stored == 1
        assert watcher(store, [str(inbox)]).round().new == 0
        (inbox / "b.txt").write_text("\n".join(story(2)), encoding="utf-8")
        (inbox / "a.txt").write_text("\n".join(story(3)), encoding="utf-8")
        os.utime(inbox / "a.txt", ns=(1, 10**18))  # a new modification time, whatever the clock
        summary = watcher(store, [str(inbox)]).round()
        assert (summary.new, summary.stored) == (2, 2)
        assert count(store) == 2  # the changed file replaced its old version


def test_watch_alerts_once_per_new_matching_event(tmp_path: Path) -> None:
    alerts = tmp_path / "alerts.jsonl"
    with serving(Site()) as site, Store(tmp_path / "news.duckdb") as store:
        feed = publish(site, range(3))
        rule = parse_rule("actor=GHA cameo=11")
        w = Watcher(store, [feed], Polite(delay=0, allow_private=True),
                    [rule], Sinks(echo=False, jsonl=alerts))  # fmt: skip
        first = w.round()
        lines = [json.loads(line) for line in alerts.read_text().splitlines()]
        assert first.alerts == len(lines) > 0
        assert all(a["rule"] == "actor=GHA cameo=11" and a["cameo"][:2] == "11" for a in lines)
        publish(site, range(4), etag='"v2"')
        accusation = "Officials in Accra accused Togo on Friday of shelling the town of Kessa."
        site.routes["/news/3"] = Route(page("Story 3", [accusation, *story(3)]))
        second = w.round()
        later = alerts.read_text().splitlines()[len(lines):]
        assert second.alerts == len(later)
        assert {json.loads(a)["article_id"] for a in later} == {f"{site.url}/news/3"}


def test_watch_alert_rules_from_a_file_post_to_a_webhook(tmp_path: Path) -> None:
    rules = tmp_path / "rules.txt"
    rules.write_text("# alerts for the desk\nactor=GHA cameo=11  # accusations\n\n")
    with serving(Site()) as site, serving(Site()) as hook, Store(tmp_path / "n.duckdb") as store:
        feed = publish(site, range(1))
        accusation = "Officials in Accra accused Togo on Friday of shelling the town of Kessa."
        site.routes["/news/0"] = Route(page("Story 0", [accusation, *story(0)]))
        sinks = Sinks(echo=False, webhook=hook.url + "/alerts")
        w = Watcher(store, [feed], Polite(delay=0, allow_private=True),
                    read_rules(rules), sinks)  # fmt: skip
        summary = w.round()
    posted = [json.loads(body) for path, body in hook.posts if path == "/alerts"]
    assert summary.alerts == len(posted) >= 1
    assert posted[0]["rule"] == "actor=GHA cameo=11" and posted[0]["cameo"][:2] == "11"


@pytest.mark.parametrize(
    ("rule", "problem"),
    [
        ("dyad=ARM", "two actors"),
        ("quad_class=four", "a number"),
        ("colour=red", "unknown key"),
        ("mode=rumoured", "mode is one of"),
        ("ARM", "not key=value"),
    ],
)
def test_watch_alert_rule_errors_name_the_problem(rule: str, problem: str) -> None:
    with pytest.raises(ValueError, match=problem):
        parse_rule(rule)


def test_watch_command_runs_rounds_until_sigterm(tmp_path: Path) -> None:
    db = tmp_path / "news.duckdb"
    with serving(Site()) as site:
        feed = publish(site, range(2))
        command = [sys.executable, "-m", "communique.cli", "watch", feed, "--db", str(db),
                   "--every", "1s", "--allow-private", "--host-delay", "0", "--workers", "1"]  # fmt: skip
        process = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
        assert process.stderr is not None
        first = process.stderr.readline()  # the first round's summary
        process.send_signal(signal.SIGTERM)
        code = process.wait(timeout=60)
        rest = process.stderr.read()
    assert code == 0, rest
    assert json.loads(first.split(": ", 1)[1])["stored"] == 2
    with Store(db) as store:
        assert count(store) == 2
        assert count(store, "watch_items") == 2


def test_watch_killed_mid_round_loses_and_duplicates_nothing(tmp_path: Path) -> None:
    db = tmp_path / "news.duckdb"
    with serving(Site()) as site:
        feed = publish(site, range(24))
        for n in range(24):
            site.routes[f"/news/{n}"].delay = 0.2  # pages come in while batches are stored
        command = [sys.executable, "-m", "communique.cli", "watch", feed, "--db", str(db),
                   "--once", "--allow-private", "--host-delay", "0", "--workers", "1",
                   "--batch-size", "2", "--threads", "1"]  # fmt: skip
        process = subprocess.Popen(command, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 120
        while len(site.log) < 14 and process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)  # until about half the pages were fetched
        process.kill()  # SIGKILL: no chance to clean up
        process.wait(timeout=30)
        with Store(db) as store:
            halfway = count(store)
        restart = subprocess.run(command, capture_output=True, text=True, timeout=300)
        assert restart.returncode == 0, restart.stderr
    with Store(db) as store:
        assert count(store) == 24 >= halfway
        assert store.scalar("SELECT count(DISTINCT url) FROM articles") == 24
        assert count(store, "watch_items") == 24


def test_watch_command_rejects_a_bad_source(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    from communique.cli import main

    code = main(["watch", str(tmp_path / "missing"), "--db", str(tmp_path / "n.duckdb"), "--once"])
    assert code == 2
    assert "neither an http(s) URL nor a folder" in capsys.readouterr().err


def test_watch_is_refused_private_addresses_by_default(tmp_path: Path) -> None:
    with serving(Site()) as site, Store(tmp_path / "news.duckdb") as store:
        feed = publish(site, range(1))
        w = Watcher(store, [feed], Polite(delay=0), sinks=Sinks(echo=False))
        summary = w.round()
        assert (summary.source_errors, site.log) == (1, [])
        assert "loopback" in sources(store)[0]["last_error"]



def test_serve_shows_each_source_and_what_failed(tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from communique.api import create_app

    db = tmp_path / "news.duckdb"
    with serving(Site()) as site:
        feed = publish(site, range(2))
        site.routes["/news/1"].status = 404
        with Store(db) as store:
            watcher(store, [feed]).round()
    client = TestClient(create_app(str(db)))
    found = client.get("/api/sources").json()
    (source,) = found["sources"]
    assert (source["source"], source["kind"], source["last_status"]) == (feed, "feed", "ok")
    assert (source["stored"], source["failed"]) == (1, 1)
    (failure,) = found["failures"]
    assert failure["url"] == f"{site.url}/news/1" and "404" in failure["reason"]
    html = client.get("/sources").text
    assert feed in html and "404" in html


def test_serve_sources_of_a_store_never_watched(tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from communique.api import create_app

    db = tmp_path / "news.duckdb"
    Store(db).close()
    client = TestClient(create_app(str(db)))
    assert client.get("/api/sources").json() == {"sources": [], "failures": []}
    assert "No source has been watched" in client.get("/sources").text
