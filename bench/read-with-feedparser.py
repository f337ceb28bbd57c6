"""Prints feedparser's reading of feed files as JSON, for bench/compare-feedparser.ts.

Usage: read-with-feedparser.py URL=PATH [URL=PATH ...]
Each file is read as if fetched from URL (its relative links resolve against it), with
feedparser's defaults (sanitizing and relative-URI resolution on), as Planet Venus used it.
Needs Debian's python3-feedparser (6.x): apt-get install -y python3-feedparser
"""

import calendar
import html
import json
import sys

import feedparser


def instant(entry, key):
    parsed = entry.get(key + "_parsed")
    if parsed is None:
        return None
    try:
        return calendar.timegm(parsed)
    except ValueError:  # a year before 1 (feedparser reads "0000" dates that way): no instant
        return None


def as_html(detail):
    """Content as HTML: feedparser unescapes text/plain constructs, the planet never does."""
    if detail is None:
        return None
    value = detail.get("value", "")
    if detail.get("type", "text/html") == "text/plain":
        return html.escape(value)
    return value


def content_of(entry):
    contents = entry.get("content") or []
    return as_html(contents[0] if contents else entry.get("summary_detail"))


def read_entry(entry, unresolved):
    author = entry.get("author_detail") or {}
    return {
        "id": entry.get("id"),
        "title": as_html(entry.get("title_detail")),
        "link": entry.get("link"),
        "published": instant(entry, "published"),
        "updated": instant(entry, "updated"),
        # dcterms:created, which feedparser files apart from published.
        "created": instant(entry, "created"),
        "author": author.get("name") or entry.get("author"),
        "contentHtml": content_of(entry),
        # The links as written, for telling which base a relative link was resolved against.
        "contentHtmlUnresolved": content_of(unresolved),
    }


def read_file(url, path):
    with open(path, "rb") as file:
        data = file.read()
    # A declared XML type, so feedparser reads the encoding from the document as the planet does
    # for a file served without a charset.
    headers = {"content-location": url, "content-type": "application/xml"}
    result = feedparser.parse(data, response_headers=headers)
    unresolved = feedparser.parse(data, response_headers=headers, resolve_relative_uris=False)
    exception = result.get("bozo_exception")
    return {
        "url": url,
        "path": path,
        "version": result.get("version") or "",
        "feedAuthor": (result.feed.get("author_detail") or {}).get("name"),
        "bozo": bool(result.get("bozo")),
        "bozoKind": type(exception).__name__ if exception is not None else None,
        "bozoMessage": str(exception) if exception is not None else None,
        "entries": [
            read_entry(entry, raw) for entry, raw in zip(result.entries, unresolved.entries)
        ],
    }


def main(arguments):
    files = []
    for argument in arguments:
        url, _, path = argument.partition("=")
        files.append(read_file(url, path))
    json.dump({"feedparser": feedparser.__version__, "files": files}, sys.stdout)


if __name__ == "__main__":
    main(sys.argv[1:])
