"""Every command in the README's code blocks runs here (issue 13, item 2), on a store built
from the shipped examples, and gives non-empty, sensible output.

The commands are read from README.md itself; `EXPECTED` holds what each must show and
`NOT_RUN_HERE` the few that are not run by this file, with the reason. A README command that
is in neither, or an entry here that the README no longer has, fails
`test_readme_commands_are_all_listed`, so the two stay in sync.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import re
import shlex
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from communique.cli import parse

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"

# Made-up places and a verb only these files know (PETRARCH format), for the README's
# "your own dictionaries" commands.
MY_ACTORS = "VARENTIA [VRN]\n+VARENTIAN\nOSKALA [OSK]\n"
MY_AGENTS = "ENVOY {ENVOYS} [~GOV]\n"
MY_VERBS = "--- REPROACH  [111] ---\nREPROACH\n- * ENVOY  [1243]\n"
MY_STORY = (
    "Varentia reproaches Oskala\n\n2024-04-02\n\n"
    "Varentia reproached Oskala on Tuesday over the closed mountain road.\n"
)


@dataclass
class Ran:
    """What one command did: exit code, standard output and error, and the folder it ran in."""

    code: int
    out: str
    err: str
    cwd: Path


def readme_commands(text: str) -> list[str]:
    """The shell commands of the README's ```bash blocks, continuation lines joined and
    trailing comments dropped, with runs of spaces made one."""
    commands = []
    for block in re.findall(r"```bash\n(.*?)```", text, flags=re.S):
        for line in block.replace("\\\n", " ").splitlines():
            line = re.sub(r"\s+#\s.*$", "", line).strip()
            if line:
                commands.append(" ".join(line.split()))
    return commands


def readme_python(text: str) -> list[str]:
    return re.findall(r"```python\n(.*?)```", text, flags=re.S)


def run_cli(argv: list[str], cwd: Path, stdin: str = "") -> Ran:
    """Run `communique ARGV` in this process, in `cwd`."""
    out, err = io.StringIO(), io.StringIO()
    here = Path.cwd()
    os.chdir(cwd)
    try:
        with contextlib.redirect_stderr(err):
            args = parse(argv)
            code = args.run(args, stdin=io.StringIO(stdin), stdout=out)
    finally:
        os.chdir(here)
    return Ran(int(code), out.getvalue(), err.getvalue(), cwd)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def run_serve(argv: list[str], cwd: Path) -> Ran:
    """Start `communique serve` (on a free port instead of the README's 8000, which may be
    taken), fetch the health check, the web page and one API list, and stop it."""
    port = free_port()
    argv = [a if a != "8000" else str(port) for a in argv]
    server = subprocess.Popen(
        [sys.executable, "-m", "communique.cli", *argv],
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        pages = []
        for path in ("/api/health", "/", "/api/events?limit=1"):
            pages.append(_get(f"http://127.0.0.1:{port}{path}", deadline=time.time() + 60))
        return Ran(0, "\n".join(pages), "", cwd)
    finally:
        server.terminate()
        server.wait(timeout=30)


def _get(url: str, *, deadline: float) -> str:
    while True:
        try:
            with urllib.request.urlopen(url, timeout=10) as response:
                return str(response.read().decode())
        except OSError:
            if time.time() > deadline:
                raise
            time.sleep(0.3)


def run_command(command: str, cwd: Path) -> Ran:
    if command.startswith("cat "):
        # `cat FILE | communique ...`: the file becomes standard input
        source, _, rest = command.partition(" | ")
        return run_cli(shlex.split(rest)[1:], cwd, stdin=(cwd / source.split()[1]).read_text())
    argv = shlex.split(command)[1:]
    if argv[0] == "serve":
        return run_serve(argv, cwd)
    return run_cli(argv, cwd)


def _objects(text: str) -> list[dict]:
    decoder, found, at = json.JSONDecoder(), [], 0
    while at < len(text.strip()):
        obj, end = decoder.raw_decode(text, at)
        found.append(obj)
        at = end
        while at < len(text) and text[at].isspace():
            at += 1
    return found


def _rows(ran: Ran) -> list[str]:
    """Table rows under the header and rule of `communique`'s table output."""
    lines = ran.out.splitlines()
    return [line for line in lines[2:] if line and not line.startswith("(")]


def _file(ran: Ran, name: str) -> bytes:
    return (ran.cwd / name).read_bytes()


Check = Callable[[Ran], bool]

EXPECTED: dict[str, Check] = {
    "communique extract examples/ --pretty": lambda r: (
        len(_objects(r.out)) >= 12
        and all(o["article"]["published"] for o in _objects(r.out))
        and sum(len(o["events"]) for o in _objects(r.out)) > 20
    ),
    'communique extract story.txt --published 2023-05-31 --source "Example Wire"': lambda r: (
        [o["article"]["source"] for o in _objects(r.out)] == ["Example Wire"]
        and bool(_objects(r.out)[0]["events"])
    ),
    "cat articles.jsonl | communique extract -": lambda r: (
        len(_objects(r.out)) == 2 and all(o["quotes"] for o in _objects(r.out))
    ),
    "communique ingest examples/ --db news.duckdb": lambda r: (
        r.code == 0 and re.search(r"\b1[2-9] articles read", r.err) is not None
    ),
    "communique stats --db news.duckdb --json": lambda r: (
        json.loads(r.out)["articles"] >= 12
        and json.loads(r.out)["distinct_events"] > 20
        and json.loads(r.out)["first_day"] is not None
    ),
    "communique events --db news.duckdb --dyad ARM AZE --quad-class 4": lambda r: (
        len(_rows(r)) >= 1 and all(" 4 " in row for row in _rows(r))
    ),
    'communique quotes --db news.duckdb --speaker "Foreign Ministry" --search talks --format csv': (
        lambda r: (
            len(list(csv.DictReader(io.StringIO(r.out)))) >= 3
            and all(
                "Foreign Ministry" in row["speaker_name"]
                for row in csv.DictReader(io.StringIO(r.out))
            )
        )
    ),
    "communique actors --db news.duckdb --country ARM": lambda r: (
        len(_rows(r)) >= 3 and all("ARM" in row for row in _rows(r))
    ),
    "communique dyad Turkey Greece --db news.duckdb --interval week": lambda r: (
        len(_rows(r)) >= 4 and all(re.match(r"\d{4}-\d{2}-\d{2} ", row) for row in _rows(r))
    ),
    'communique search "peace talks" --db news.duckdb --kind quotes': lambda r: (
        len(_rows(r)) >= 2 and "[talks]" in r.out
    ),
    "communique contested --db news.duckdb --denied": lambda r: (
        len(_rows(r)) >= 2 and all(re.search(r"\bAzerbaijan|\bGreece", row) for row in _rows(r))
    ),
    "communique errors --db news.duckdb": lambda r: r.code == 0 and "0 errors" in r.out,
    "communique export --db news.duckdb --format gdelt --out events.tsv": lambda r: (
        _file(r, "events.tsv").decode().startswith("GlobalEventID")
        and _file(r, "events.tsv").count(b"\n") > 20
    ),
    "communique plot dyad ARM AZE --db news.duckdb --out dyad.png": lambda r: (
        _file(r, "dyad.png").startswith(b"\x89PNG") and len(_file(r, "dyad.png")) > 5000
    ),
    "communique plot network --db news.duckdb --out network.svg": lambda r: (
        b"<svg" in _file(r, "network.svg") and b"Greece" in _file(r, "network.svg")
    ),
    "communique serve --db news.duckdb --port 8000": lambda r: (
        '"status":"ok"' in r.out and "<html" in r.out and '"total":' in r.out
    ),
    "communique extract corpus/ --petrarch-actors my.actors.txt --petrarch-agents my.agents.txt "
    "--petrarch-verbs my.verbs.txt": lambda r: any(
        e["cameo"] == "111" for o in _objects(r.out) for e in o["events"]
    ),
    "communique ingest corpus/ --db news.duckdb --petrarch-verbs my.verbs.txt": lambda r: (
        r.code == 0 and "articles read" in r.err
    ),
}

NOT_RUN_HERE = {
    "pip install -e .": "the install itself (checked by hand in a fresh venv: see the report)",
    'pip install -e ".[dev]" && python3 -m pytest -q': "this test suite; .ci/run runs it",
    "python bench/quotes.py --split dev": "scores against ../shared/ (minutes)",
    "python bench/quotes.py --news-gold-only": "scores against ../shared/",
    "python bench/sieves.py [--show]": "scores against ../shared/",
    "python bench/actor_names.py": "reads the 382 articles of ../shared/ (a minute)",
    "python bench/quotes.py --split test --entities": "scores against ../shared/ (minutes)",
    "python bench/events.py": "scores against ../shared/; without it, tests/test_bench_missing_shared.py",
    "python bench/claims.py --show 20": "scores against ../shared/; without it, tests/test_bench_missing_shared.py",
    "python bench/speed.py": "a benchmark of minutes",
    "communique watch https://example.org/world/rss.xml https://example.org/sitemap.xml "
    "--db news.duckdb --every 15m": "runs until stopped, on the network; tests/test_watch.py "
    "runs it against loopback servers",
    "communique watch inbox/ --db news.duckdb --once": "a folder of the user's; "
    "tests/test_watch.py watches one",
    "communique watch FEED --db news.duckdb --alert 'dyad=ARM,AZE quad_class=4' --alert-jsonl "
    "alerts.jsonl --alert-webhook https://hooks.example.org/news": "a feed and a webhook of "
    "the user's; tests/test_watch.py alerts to a file and a loopback webhook",
    "python bench/speed.py --n 1000 --dask 200": "a benchmark of minutes",
    "python bench/speed.py --n 10000 --memory-only": "a benchmark of minutes",
    "python bench/speed.py --corpus ../shared/corpora --memory-only": "reads ../shared/",
    "python bench/search.py": "indexes 100,000 articles (a minute)",
    "python bench/load.py": "30 s of load on two cores; the cache: tests/test_api_cache.py",
}


def test_readme_commands_are_all_listed() -> None:
    """Each README command is run below or named in NOT_RUN_HERE, and nothing else is."""
    commands = set(readme_commands(README.read_text(encoding="utf-8")))
    assert commands == set(EXPECTED) | set(NOT_RUN_HERE)


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A folder like a fresh clone's: the examples, and the files the README's commands
    name (story.txt, articles.jsonl, corpus/, my.*.txt); the store is built by the README's
    own ingest command, run first."""
    root = tmp_path_factory.mktemp("readme")
    shutil.copytree(ROOT / "examples", root / "examples")
    shutil.copy(ROOT / "examples" / "ministry-statement.txt", root / "story.txt")
    shutil.copy(ROOT / "examples" / "articles.jsonl", root / "articles.jsonl")
    (root / "corpus").mkdir()
    (root / "corpus" / "story.txt").write_text(MY_STORY, encoding="utf-8")
    for name, text in (("actors", MY_ACTORS), ("agents", MY_AGENTS), ("verbs", MY_VERBS)):
        (root / f"my.{name}.txt").write_text(text, encoding="utf-8")
    ran = run_command("communique ingest examples/ --db news.duckdb", root)
    assert ran.code == 0, ran.err
    yield root


@pytest.mark.slow
@pytest.mark.parametrize("command", list(EXPECTED))
def test_readme_command_gives_sensible_output(workdir: Path, command: str) -> None:
    ran = run_command(command, workdir)
    assert ran.code == 0, ran.err
    assert EXPECTED[command](ran), f"{command}\n--- stdout\n{ran.out[:3000]}\n--- stderr\n{ran.err}"


@pytest.mark.slow
@pytest.mark.parametrize("index", range(len(readme_python(README.read_text(encoding="utf-8")))))
def test_readme_python_block_runs(workdir: Path, index: int) -> None:
    code = readme_python(README.read_text(encoding="utf-8"))[index]
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=workdir, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip(), "the block printed nothing"
