"""Reading articles: readers, normalisation, metadata, order and bad input."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest

from communique import ingest
from communique.ingest import base
from communique.ingest.base import IngestError
from communique.ingest.html import html_to_text
from communique.model import Article, content_id

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"

HTML_PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Talks resume | Example Times</title>
<meta property="og:site_name" content="Example Times">
<meta property="article:published_time" content="2024-06-13T09:30:00+09:00">
<link rel="canonical" href="https://news.example.org/talks"></head>
<body><nav><a href="/">Home</a> | <a href="/world">World</a> | <a href="/login">Log in</a></nav>
<article><h1>Talks resume</h1>
<p>The two delegations met in Geneva on Wednesday for the first time in a year and agreed
to keep talking about the border, diplomats said after the meeting ended.</p>
<p>\u201cWe are pleased with the tone,\u201d the envoy said.
\u201cThe hard part starts now.\u201d</p>
</article><footer><p>\u00a9 2024 Example Times. All rights reserved. Subscribe now.</p></footer>
</body></html>
"""

RSS_FEED = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Example Feed</title><link>https://example.org/</link>
<item><title>Leaders meet</title><link>https://example.org/1</link><guid>urn:example:1</guid>
<pubDate>Mon, 20 May 2024 23:30:00 -0400</pubDate>
<description>&lt;p&gt;Leaders &lt;b&gt;met&lt;/b&gt; on Monday.&lt;/p&gt;
&lt;p&gt;Talks went well.&lt;/p&gt;</description></item>
<item><title>Second</title><link>https://example.org/2</link>
<description>Plain summary text.</description></item>
</channel></rss>
"""

ATOM_FEED = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Example</title><id>urn:feed</id>
<updated>2024-05-01T00:00:00Z</updated>
<entry><title>Full story</title><id>urn:entry:1</id><updated>2024-05-02T10:00:00+02:00</updated>
<link href="https://example.org/a1"/><summary>Short.</summary>
<content type="html">&lt;p&gt;The full content of the story.&lt;/p&gt;</content></entry></feed>
"""

GOOD_TEXT = "A good article that comes after the bad input.\n"


def _articles(items: list[Article | IngestError]) -> list[Article]:
    return [item for item in items if isinstance(item, Article)]


def _errors(items: list[Article | IngestError]) -> list[IngestError]:
    return [item for item in items if isinstance(item, IngestError)]


def _jsonl(*records: object) -> str:
    return "".join(json.dumps(record, ensure_ascii=False) + "\n" for record in records)


# Normalisation


@pytest.mark.parametrize(
    "raw,expected",
    [
        ("\ufeffHello", "Hello"),
        ("one\r\ntwo\rthree\n", "one\ntwo\nthree"),
        ("bell\x07 and nul\x00 and esc\x1b gone", "bell and nul and esc gone"),
        ("tab\tand\nnewline kept", "tab\tand\nnewline kept"),
        ("page\fbreak", "page\nbreak"),
        ("Cafe\u0301", "Caf\u00e9"),
        ("e\x00\u0301", "\u00e9"),
        (
            "\u201cYes,\u201d she said. It\u2019s \u00a0done.",
            "\u201cYes,\u201d she said. It\u2019s \u00a0done.",
        ),
        ("  leading kept;   inner   kept  \n\n\n", "  leading kept;   inner   kept"),
        ("ends with nbsp\u00a0 \n", "ends with nbsp"),
    ],
)
def test_normalize_text_rules(raw: str, expected: str) -> None:
    assert ingest.normalize_text(raw) == expected


@pytest.mark.parametrize("raw", ["\ufeffA\r\nB\u0301\x07  \n", "\u201cQ\u201d\u00a0x\n\n y"])
def test_normalize_text_is_idempotent(raw: str) -> None:
    once = ingest.normalize_text(raw)
    assert ingest.normalize_text(once) == once


@pytest.mark.parametrize(
    "value,expected",
    [
        ("2024-03-06", "2024-03-06"),
        ("2024-03-06T10:00:00Z", "2024-03-06"),
        ("2024-03-06 23:30:00-04:00", "2024-03-06"),
        (" 2024-03-06T10:00:00.123+02:00 ", "2024-03-06"),
    ],
)
def test_normalize_date_accepts_iso(value: str, expected: str) -> None:
    assert ingest.normalize_date(value) == expected


@pytest.mark.parametrize("value", ["", "yesterday", "06/03/2024", "2024-13-01", "March 6, 2024"])
def test_normalize_date_rejects_others(value: str) -> None:
    with pytest.raises(ValueError):
        ingest.normalize_date(value)


# Plain text


@pytest.mark.parametrize(
    "text,title",
    [
        ("Talks resume in Geneva\n\nDiplomats met on Monday.", "Talks resume in Geneva"),
        ("\n\n  Talks resume  \n\n\nBody.", "Talks resume"),
        ("Is peace near?\n\nBody.", "Is peace near?"),
        ("Diplomats met on Monday.\n\nThey talked.", None),
        ("He said \u201cno.\u201d\n\nBody.", None),
        ("Talks resume in Geneva\nDiplomats met on Monday.", None),
        ("Talks resume in Geneva\n\n", None),
        ("Only one line", None),
        ("x" * 200 + "\n\nBody.", None),
    ],
)
def test_ingest_text_title_heuristic(text: str, title: str | None) -> None:
    assert ingest.guess_title(text) == title


@pytest.mark.parametrize("name", ["story.txt", "story.TXT", "story", "story.md"])
def test_ingest_text_reader_keeps_title_in_text(tmp_path: Path, name: str) -> None:
    raw = "\ufeffTalks resume\r\n\r\nThe envoy said \u201cyes\u201d.\u00a0Done.\r\n"
    path = tmp_path / name
    path.write_bytes(raw.encode("utf-8"))
    (article,) = ingest.read([str(path)])
    assert isinstance(article, Article)
    assert article.text == "Talks resume\n\nThe envoy said \u201cyes\u201d.\u00a0Done."
    assert article.title == "Talks resume"
    assert article.id == content_id(article.text)
    assert article.origin == str(path)


@pytest.mark.parametrize(
    "text,default,published",
    [
        ("Talks resume\n\n2024-03-08\n\nDiplomats met on Friday.", None, "2024-03-08"),
        ("Talks resume\n\n 2024-03-08 \n\nBody.", "2020-01-01", "2024-03-08"),
        ("Talks resume\n\n2024-02-30\n\nBody.", None, None),
        ("Talks resume\n\nOn 2024-03-08 they met.\n\nBody.", None, None),
        ("Diplomats met on Friday.\n\n2024-03-08\n\nBody.", "2020-01-01", "2020-01-01"),
        ("Talks resume\n\nBody.\n\n2024-03-08\n", None, None),
    ],
)
def test_ingest_text_date_line_under_the_title_is_the_publication_date(
    tmp_path: Path, text: str, default: str | None, published: str | None
) -> None:
    path = tmp_path / "story.txt"
    path.write_text(text, encoding="utf-8")
    (article,) = ingest.read([str(path)], published=default)
    assert isinstance(article, Article)
    assert article.published == published
    assert article.text == text.strip()  # the date line stays in the text


def test_ingest_read_takes_a_single_string_as_one_path(tmp_path: Path) -> None:
    path = tmp_path / "one.txt"
    path.write_text(GOOD_TEXT, encoding="utf-8")
    (article,) = ingest.read(str(path))
    assert isinstance(article, Article)


# JSON Lines and JSON


@pytest.mark.parametrize("suffix", [".jsonl", ".ndjson"])
def test_ingest_jsonl_reader_fields(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"batch{suffix}"
    record = {
        "id": "a1",
        "text": "Moscow criticised Kyiv.\r\n",
        "title": "  Criticism\n",
        "published": "2024-05-20T23:30:00-04:00",
        "source": "Wire",
        "url": "https://example.org/a1",
        "extra": [1, 2],
    }
    path.write_text(_jsonl(record, {"id": 7, "text": "Second."}, {"text": "Third."}), "utf-8")
    first, second, third = ingest.read([str(path)])
    assert first == Article(
        id="a1",
        text="Moscow criticised Kyiv.",
        title="Criticism",
        published="2024-05-20",
        source="Wire",
        url="https://example.org/a1",
        origin=f"{path}:1",
    )
    assert isinstance(second, Article) and second.id == "7" and second.origin == f"{path}:2"
    assert isinstance(third, Article) and third.id == content_id("Third.")
    assert third.published is None and third.title is None


def test_ingest_jsonl_skips_blank_lines_but_counts_them(tmp_path: Path) -> None:
    path = tmp_path / "gaps.jsonl"
    path.write_text("\n" + _jsonl({"text": "One."}) + "   \n" + _jsonl({"text": "Two."}), "utf-8")
    origins = [item.origin for item in ingest.read([str(path)])]
    assert origins == [f"{path}:2", f"{path}:4"]


@pytest.mark.parametrize(
    "data",
    [
        b'\xef\xbb\xbf{"text": "One."}\n{"text": "Two."}\n',
        b'{"text": "One."}\r\n{"text": "Two."}\r\n',
        b'{"text": "One."}\n{"text": "Two."}',
    ],
    ids=["bom", "crlf", "no-final-newline"],
)
def test_ingest_jsonl_tolerates_bom_and_line_endings(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "batch.jsonl"
    path.write_bytes(data)
    items = list(ingest.read([str(path)]))
    assert [item.text for item in _articles(items)] == ["One.", "Two."]
    assert not _errors(items)


@pytest.mark.parametrize(
    "document,origins",
    [
        ({"id": "x", "text": "One."}, ["{path}"]),
        ([{"text": "One."}, {"text": "Two."}], ["{path}[0]", "{path}[1]"]),
    ],
)
def test_ingest_json_file_object_or_list(
    tmp_path: Path, document: object, origins: list[str]
) -> None:
    path = tmp_path / "articles.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    items = list(ingest.read([str(path)]))
    assert [item.origin for item in _articles(items)] == [o.format(path=path) for o in origins]


@pytest.mark.parametrize(
    "stream",
    [
        io.StringIO(_jsonl({"id": "s1", "text": "From stdin."}, {"text": "Again."})),
        io.TextIOWrapper(
            io.BytesIO(_jsonl({"id": "s1", "text": "From stdin."}, {"text": "Again."}).encode())
        ),
    ],
    ids=["text-stream", "byte-buffer"],
)
def test_ingest_stdin_jsonl(stream: io.TextIOBase) -> None:
    items = list(ingest.read(["-"], stdin=stream, source="pipe"))  # type: ignore[arg-type]
    assert [(a.id, a.origin, a.source) for a in _articles(items)] == [
        ("s1", "<stdin>:1", "pipe"),
        (content_id("Again."), "<stdin>:2", "pipe"),
    ]


# HTML and feeds


@pytest.mark.parametrize("suffix", [".html", ".htm"])
def test_ingest_html_reader_strips_boilerplate(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"page{suffix}"
    path.write_text(HTML_PAGE, encoding="utf-8")
    (article,) = ingest.read([str(path)])
    assert isinstance(article, Article)
    assert "Geneva" in article.text and "\u201cWe are pleased with the tone,\u201d" in article.text
    for boilerplate in ("Log in", "All rights reserved", "Subscribe"):
        assert boilerplate not in article.text
    assert article.title == "Talks resume"
    assert article.published == "2024-06-13"
    assert article.source == "Example Times"
    assert article.url == "https://news.example.org/talks"
    assert "\n\n" in article.text  # paragraphs apart, as in plain text


@pytest.mark.parametrize(
    "html,text",
    [
        ("<p>One <b>two</b></p><p>Three</p>", "One two\n\nThree"),
        ("Line<br>break<script>x()</script>", "Line\nbreak"),
        ("<div>a\u00a0b   c</div>", "a\u00a0b c"),
        ("   ", ""),
    ],
)
def test_ingest_html_to_text_fragments(html: str, text: str) -> None:
    assert html_to_text(html) == text


def test_ingest_rss_reader_one_article_per_entry(tmp_path: Path) -> None:
    path = tmp_path / "feed.rss"
    path.write_text(RSS_FEED, encoding="utf-8")
    first, second = ingest.read([str(path)])
    assert isinstance(first, Article) and isinstance(second, Article)
    assert first.text == "Leaders met on Monday.\n\nTalks went well."
    assert (first.id, first.title, first.url) == (
        "urn:example:1",
        "Leaders meet",
        "https://example.org/1",
    )
    assert first.published == "2024-05-20"  # the date as written, not its UTC date
    assert first.source == "Example Feed"
    assert first.origin == f"{path}#1"
    assert second.text == "Plain summary text." and second.id == content_id(second.text)


@pytest.mark.parametrize("name", ["feed.atom", "feed.xml"])
def test_ingest_atom_reader_prefers_content(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text(ATOM_FEED, encoding="utf-8")
    (article,) = ingest.read([str(path)])
    assert isinstance(article, Article)
    assert article.text == "The full content of the story."
    assert (article.id, article.published, article.source) == (
        "urn:entry:1",
        "2024-05-02",
        "Atom Example",
    )


# Metadata


@pytest.mark.parametrize(
    "record,published,source",
    [
        ({"text": "No metadata."}, "2024-04-05", "Default Wire"),
        ({"text": "Own.", "published": "2023-01-02", "source": "Own"}, "2023-01-02", "Own"),
        ({"text": "Blank.", "published": "", "source": ""}, "2024-04-05", "Default Wire"),
    ],
)
def test_ingest_metadata_defaults_fill_only_what_is_missing(
    tmp_path: Path, record: dict[str, str], published: str, source: str
) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text(_jsonl(record), encoding="utf-8")
    (article,) = ingest.read([str(path)], published="2024-04-05T08:00:00Z", source="Default Wire")
    assert isinstance(article, Article)
    assert (article.published, article.source) == (published, source)


@pytest.mark.parametrize("published", ["yesterday", "05/04/2024"])
def test_ingest_bad_default_published_raises_at_call(published: str) -> None:
    with pytest.raises(ValueError, match="E107"):
        ingest.read(["unused"], published=published)


# Folders, globs and order


def _tree(root: Path) -> None:
    for name in ["b.txt", "a.jsonl", "sub/c.txt", "sub/deeper/d.html", "a/z.txt"]:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        content = _jsonl({"text": "J."}) if name.endswith(".jsonl") else f"Text of {name}.\n"
        if name.endswith(".html"):
            content = HTML_PAGE
        path.write_text(content, encoding="utf-8")
    (root / ".hidden.txt").write_text("Hidden.", encoding="utf-8")
    (root / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (root / "README.md").write_text("Not an article.", encoding="utf-8")


def test_ingest_folder_recursive_sorted_skips_hidden_and_unknown(tmp_path: Path) -> None:
    _tree(tmp_path)
    origins = [item.origin for item in ingest.read([str(tmp_path)])]
    assert origins == [
        str(tmp_path / "a" / "z.txt"),
        f"{tmp_path / 'a.jsonl'}:1",
        str(tmp_path / "b.txt"),
        str(tmp_path / "sub" / "c.txt"),
        str(tmp_path / "sub" / "deeper" / "d.html"),
    ]


@pytest.mark.parametrize(
    "pattern,expected",
    [
        ("*.txt", ["b.txt"]),
        ("**/*.txt", ["a/z.txt", "b.txt", "sub/c.txt"]),
        ("sub", ["sub/c.txt", "sub/deeper/d.html"]),
    ],
)
def test_ingest_glob_sorted(tmp_path: Path, pattern: str, expected: list[str]) -> None:
    _tree(tmp_path)
    origins = [item.origin for item in ingest.read([str(tmp_path / pattern)])]
    assert origins == [str(tmp_path / name) for name in expected]


def test_ingest_keeps_input_order_and_duplicate_ids(tmp_path: Path) -> None:
    (tmp_path / "z.txt").write_text("Same text.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Same text.", encoding="utf-8")
    first, second = ingest.read([str(tmp_path / "z.txt"), str(tmp_path / "a.txt")])
    assert isinstance(first, Article) and isinstance(second, Article)
    assert (first.origin, second.origin) == (str(tmp_path / "z.txt"), str(tmp_path / "a.txt"))
    assert first.id == second.id


# Bad input: exactly one error each, and the batch goes on

BAD_FILES = [
    ("empty", "empty.txt", b"", "E103"),
    ("whitespace", "blank.txt", b"  \n\t\r\n ", "E103"),
    ("nul-bytes", "image.txt", b"GIF89a\x00\x01\x02\x00", "E104"),
    ("control-bytes", "noise.dat", bytes(range(1, 32)) * 4, "E104"),
    ("latin-1", "latin.txt", "Caf\u00e9 talks".encode("latin-1"), "E105"),
    ("utf-16", "wide.txt", "Talks".encode("utf-16"), "E105"),
    ("empty-jsonl", "empty.jsonl", b"\n\n", "E103"),
    ("binary-jsonl", "bin.jsonl", b"\x00\x01\x02", "E104"),
    (
        "html-without-text",
        "page.html",
        b"<html><head><title>T</title></head><body><script>x()</script></body></html>",
        "E120",
    ),
    ("xml-not-feed", "config.xml", b'<?xml version="1.0"?><config><a>1</a></config>', "E121"),
    ("feed-entry-empty", "feed.rss", RSS_FEED.replace("Plain summary text.", "").encode(), "E122"),
    ("json-not-json", "bad.json", b"{not json", "E110"),
    ("json-scalar", "num.json", b"42", "E116"),
]


@pytest.mark.parametrize(
    "name,data,code", [case[1:] for case in BAD_FILES], ids=[c[0] for c in BAD_FILES]
)
def test_ingest_bad_file_gives_one_error_and_batch_goes_on(
    tmp_path: Path, name: str, data: bytes, code: str
) -> None:
    bad, good = tmp_path / name, tmp_path / "good.txt"
    bad.write_bytes(data)
    good.write_text(GOOD_TEXT, encoding="utf-8")
    items = list(ingest.read([str(bad), str(good)]))
    (error,) = _errors(items)
    assert error.code == code
    assert error.message.startswith(f"[{code}] ")
    assert str(bad) in error.message and str(bad) in error.origin
    assert isinstance(items[-1], Article) and items[-1].origin == str(good)


def test_ingest_invalid_utf8_names_the_byte_offset(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes(b"Talks in Tbilisi \xe9 and more")
    (error,) = ingest.read([str(path)])
    assert isinstance(error, IngestError)
    assert "byte offset 17" in error.message


BAD_LINES = [
    ("not-json", '{"text": "unterminated', "E110", None),
    ("not-object", '["a list"]', "E111", None),
    ("no-text", '{"id": "n1", "title": "No text"}', "E112", "n1"),
    ("null-text", '{"id": "n2", "text": null}', "E112", "n2"),
    ("number-text", '{"id": "n3", "text": 42}', "E113", "n3"),
    ("list-title", '{"id": "n4", "text": "Ok.", "title": ["x"]}', "E114", "n4"),
    ("float-id", '{"id": 1.5, "text": "Ok."}', "E114", None),
    ("bad-date", '{"id": "n5", "text": "Ok.", "published": "last Tuesday"}', "E115", "n5"),
    ("empty-text", '{"id": "n6", "text": " \\n "}', "E103", "n6"),
]


@pytest.mark.parametrize(
    "line,code,article_id", [c[1:] for c in BAD_LINES], ids=[c[0] for c in BAD_LINES]
)
def test_ingest_bad_jsonl_line_gives_one_error_and_next_line_comes(
    tmp_path: Path, line: str, code: str, article_id: str | None
) -> None:
    path = tmp_path / "batch.jsonl"
    path.write_text(line + "\n" + _jsonl({"id": "good", "text": "Next."}), encoding="utf-8")
    error, article = ingest.read([str(path)])
    assert isinstance(error, IngestError) and error.code == code
    assert error.origin == f"{path}:1" and error.origin in error.message
    assert error.article_id == (article_id or base.origin_id(f"{path}:1"))
    assert isinstance(article, Article) and article.id == "good"


def test_ingest_bad_utf8_jsonl_line_names_file_offset(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    first = _jsonl({"text": "One."}).encode()
    bad = b'{"text": "caf\xe9"}\n'
    path.write_bytes(first + bad + _jsonl({"text": "Three."}).encode())
    items = list(ingest.read([str(path)]))
    assert [type(item) for item in items] == [Article, IngestError, Article]
    error = items[1]
    assert isinstance(error, IngestError)
    assert f"byte offset {len(first) + bad.index(0xE9)}" in error.message


def test_ingest_error_id_is_stable_for_an_origin(tmp_path: Path) -> None:
    missing = str(tmp_path / "missing.txt")
    first, second = ingest.read([missing, missing])
    assert isinstance(first, IngestError) and first == second
    assert first.code == "E101" and missing in first.message


@pytest.mark.parametrize("pattern", ["*.nothing", "no-dir/**/*.txt"])
def test_ingest_glob_without_matches_gives_one_error(tmp_path: Path, pattern: str) -> None:
    (tmp_path / "good.txt").write_text(GOOD_TEXT, encoding="utf-8")
    error, article = ingest.read([str(tmp_path / pattern), str(tmp_path / "good.txt")])
    assert isinstance(error, IngestError) and error.code == "E106"
    assert isinstance(article, Article)


@pytest.mark.parametrize("name", ["locked.txt", "locked.jsonl"])
def test_ingest_unreadable_file_gives_one_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    locked, good = tmp_path / name, tmp_path / "good.txt"
    locked.write_text(GOOD_TEXT, encoding="utf-8")
    good.write_text(GOOD_TEXT, encoding="utf-8")
    real_open = open

    def guarded_open(path: str, *args: object, **kwargs: object) -> object:
        if str(path) == str(locked):
            raise PermissionError(13, "Permission denied")
        return real_open(path, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(base, "open", guarded_open, raising=False)
    error, article = ingest.read([str(locked), str(good)])
    assert isinstance(error, IngestError) and error.code == "E102"
    assert str(locked) in error.message and "Permission denied" in error.message
    assert isinstance(article, Article)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_ingest_fifo_is_refused_not_read(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    (error,) = ingest.read([str(fifo)])
    assert isinstance(error, IngestError) and error.code == "E102"


# Offsets: the text yielded is exactly what later stages index


@pytest.mark.parametrize(
    "raw",
    [
        "Title\n\n  Indented \u201cquote\u201d here.\n\n\n\nFar\u00a0below.\t End.  \n\n",
        "\ufeffNo title here.\r\nSecond line with caf\u00e9 and Cafe\u0301.\r\n",
    ],
)
def test_ingest_offsets_point_into_returned_text(tmp_path: Path, raw: str) -> None:
    path = tmp_path / "a.txt"
    path.write_text(raw, encoding="utf-8", newline="")
    jsonl = tmp_path / "a.jsonl"
    jsonl.write_text(_jsonl({"text": raw}), encoding="utf-8")
    from_text, from_jsonl = ingest.read([str(path), str(jsonl)])
    assert isinstance(from_text, Article) and isinstance(from_jsonl, Article)
    expected = ingest.normalize_text(raw)
    assert from_text.text == from_jsonl.text == expected
    assert ingest.normalize_text(from_text.text) == from_text.text  # nothing left to change
    for word in ("quote", "below", "Second", "caf\u00e9"):
        start = expected.find(word)
        if start >= 0:
            assert from_text.text[start : start + len(word)] == word


# The project's examples


def test_ingest_examples_read_cleanly() -> None:
    items = list(ingest.read([str(EXAMPLES)]))
    assert not _errors(items)
    articles = _articles(items)
    long = [a for a in articles if not a.id.startswith("series-")]
    assert len(long) == 4 and len(articles) >= 12
    assert all(150 <= len(article.text.split()) <= 300 for article in long)
    # every example has a title and a date of its own (issue 13: undated events count nowhere)
    assert all(article.title and article.published for article in articles)
