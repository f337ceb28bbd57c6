import { describe, expect, it } from "vitest";
import { decodeBody } from "../../src/parse/decode-body.ts";
import { type ParseOutcome, parseFeed } from "../../src/parse/parse-feed.ts";
import { readFixture } from "./fixture.ts";

function failureOf(outcome: ParseOutcome) {
  if (outcome.ok) throw new Error("expected a failure, got a feed");
  return outcome.error;
}

function feedOf(outcome: ParseOutcome) {
  if (!outcome.ok) throw new Error(`expected a feed: ${outcome.error.message}`);
  return outcome.feed;
}

const rss = (items: string) =>
  `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><link>https://t.example/</link>${items}</channel></rss>`;

describe("parseFeed: documents that are not feeds", () => {
  it("says an HTML page is an HTML page, even one that mentions <rss>", () => {
    const text = decodeBody(readFixture("html-page.html"), "text/html");
    expect(failureOf(parseFeed(text))).toEqual({
      message: "not a feed: looks like an HTML page",
      line: null,
      column: null,
    });
  });

  it("recognises XHTML pages and HTML without a doctype", () => {
    const xhtml =
      '<?xml version="1.0"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "x.dtd">\n<html xmlns="http://www.w3.org/1999/xhtml"><body/></html>';
    expect(failureOf(parseFeed(xhtml)).message).toBe("not a feed: looks like an HTML page");
    expect(failureOf(parseFeed("<HTML><body>hi")).message).toBe(
      "not a feed: looks like an HTML page",
    );
  });

  it("reports an empty or blank document", () => {
    expect(failureOf(parseFeed("")).message).toBe("not a feed: the document is empty");
    expect(failureOf(parseFeed(" \n\t")).message).toBe("not a feed: the document is empty");
    expect(failureOf(parseFeed(decodeBody(readFixture("empty.xml"), null))).message).toBe(
      "not a feed: the document is empty",
    );
  });

  it("quotes the start of a document that is neither XML nor JSON", () => {
    expect(failureOf(parseFeed("Service Unavailable\nTry later")).message).toBe(
      'not a feed: neither XML nor JSON (it starts with "Service Unavailable")',
    );
    expect(failureOf(parseFeed("\u0000\u0001PNG")).message).toBe(
      'not a feed: neither XML nor JSON (it starts with "\uFFFD\uFFFDPNG")',
    );
  });

  it("names the root element of XML that is not a feed", () => {
    expect(
      failureOf(parseFeed('<?xml version="1.0"?>\n<opml version="2.0"><body/></opml>')).message,
    ).toBe("not a feed: the XML's root element is <opml>, not <rss>, <feed> or <rdf:RDF>");
  });

  it("does not mistake a root named like an object property for a feed", () => {
    expect(failureOf(parseFeed("<constructor/>")).message).toBe(
      "not a feed: the XML's root element is <constructor>, not <rss>, <feed> or <rdf:RDF>",
    );
  });

  it("rejects JSON that is not a JSON Feed", () => {
    expect(failureOf(parseFeed('{"error": "rate limited"}')).message).toBe(
      'not a feed: JSON, but not a JSON Feed (no "version" naming jsonfeed.org)',
    );
    expect(failureOf(parseFeed("[1, 2]")).message).toMatch(
      /^not a feed: JSON, but not a JSON Feed/,
    );
  });
});

describe("parseFeed: broken documents, with positions", () => {
  it("reports a truncated download where it stops, naming the unclosed elements", () => {
    const text = decodeBody(readFixture("truncated-rss.xml"), null);
    const error = failureOf(parseFeed(text));
    const lines = text.split("\n");
    expect(error.line).toBe(lines.length);
    expect(error.column).toBe((lines.at(-1)?.length ?? 0) + 1);
    expect(error.message).toBe(
      `XML error at line ${lines.length}, column ${error.column}: the document ends before <rss>, <channel>, <item>, <description> are closed (truncated?)`,
    );
  });

  it("catches truncation right after a complete item, which feedsmith would accept", () => {
    const text =
      '<?xml version="1.0"?>\n<rss version="2.0"><channel><title>T</title>\n<item><title>x</title></item>\n';
    expect(failureOf(parseFeed(text))).toEqual({
      message:
        "XML error at line 3, column 30: the document ends before <rss>, <channel> are closed (truncated?)",
      line: 3,
      column: 30,
    });
  });

  it("catches a single unclosed root", () => {
    const error = failureOf(
      parseFeed('<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title>'),
    );
    expect(error.message).toBe(
      "XML error at line 1, column 59: the document ends before <feed> is closed (truncated?)",
    );
  });

  it("reports a mismatched closing tag at its line and column", () => {
    const text = rss("\n<item>\n  <title>x</titel>\n</item>");
    const error = failureOf(parseFeed(text));
    expect(error.line).toBe(3);
    expect(error.column).toBe(11);
    expect(error.message).toMatch(/^XML error at line 3, column 11: Expected closing tag 'title'/);
  });

  it("reports a document cut inside a tag", () => {
    const error = failureOf(parseFeed(`${rss("").slice(0, 60)}`));
    expect(error.message).toMatch(/^XML error at line 1/);
    expect(error.line).toBe(1);
  });

  it("names at most five unclosed elements", () => {
    const error = failureOf(parseFeed(`<rss>${"<a>".repeat(20)}`));
    expect(error.message).toBe(
      "XML error at line 1, column 66: the document ends before <rss>, <a>, <a>, <a>, <a> and 16 more are closed (truncated?)",
    );
  });

  it("reports XML with no element at all", () => {
    expect(failureOf(parseFeed('<?xml version="1.0"?>\n<!-- nothing -->')).message).toBe(
      "XML error at line 1: there is no root element",
    );
  });

  it("reports a JSON Feed whose structure feedsmith cannot read", () => {
    const error = failureOf(
      parseFeed('{"version":"https://jsonfeed.org/version/1.1","items":"nope"}'),
    );
    expect(error.message).toMatch(/^not a feed: the JSON Feed could not be read/);
  });

  it("reports JSON syntax errors with line and column", () => {
    const error = failureOf(
      parseFeed('{\n  "version": "https://jsonfeed.org/version/1.1",\n  "title" "x"\n}'),
    );
    expect(error.line).toBe(3);
    expect(error.column).toBe(11);
    expect(error.message).toMatch(/^JSON error at line 3, column 11: /);
    expect(error.message).not.toContain("position");
  });

  it("reports truncated JSON at its end", () => {
    const error = failureOf(
      parseFeed('{"version": "https://jsonfeed.org/version/1.1", "items": ['),
    );
    expect(error.message).toMatch(/^JSON error at line 1, column \d+: /);
  });
});

describe("parseFeed: leniency where real feeds need it", () => {
  it("accepts a bare ampersand, reading it as meant", () => {
    const feed = feedOf(parseFeed(rss("<item><title>Tom & Jerry</title><guid>1</guid></item>")));
    expect(feed.entries[0]?.title).toBe("Tom & Jerry");
  });

  it("picks the reader by the root element, not by text inside a CDATA section", () => {
    const atom = `<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><entry><id>1</id><title>About RSS</title><content type="html"><![CDATA[<pre><rss version="2.0"><channel></pre>]]></content></entry></feed>`;
    const feed = feedOf(parseFeed(atom));
    expect(feed.format).toBe("atom");
    expect(feed.entries[0]?.contentHtml).toBe('<pre><rss version="2.0"><channel></pre>');
  });

  it("reads a decoded feed whose declaration still names its original encoding", () => {
    const feed = feedOf(
      parseFeed(
        '<?xml version="1.0" encoding="Shift_JIS"?>\n<rss version="2.0"><channel><title>日本</title></channel></rss>',
      ),
    );
    expect(feed.title).toBe("日本");
  });

  it("reads RSS whose elements carry a namespace prefix, leaving CDATA text alone", () => {
    // A Radio UserLand-era export: every element prefixed, the prefix bound to RSS 2.0's
    // old namespace; and one whose prefix is bound to the Harvard URL, on an unprefixed root.
    const userland = `<?xml version="1.0"?>
<!-- exported by a CMS -->
<r:rss version="2.0" xmlns:r="http://backend.userland.com/rss2"><r:channel><r:title>Radio</r:title><r:link>https://radio.example/</r:link>
<r:item><r:title>Hello</r:title><r:link>https://radio.example/1</r:link><r:pubDate>Mon, 13 Mar 2017 18:00:00 +0000</r:pubDate><r:description><![CDATA[<p>Keep <r:tag> text</p>]]></r:description></r:item>
</r:channel></r:rss>`;
    const harvard = `<rss version="2.0" xmlns:h="http://blogs.law.harvard.edu/tech/rss"><h:channel><h:title>H</h:title><h:item><h:title>Hi</h:title><h:guid>https://h.example/1</h:guid></h:item></h:channel></rss>`;
    const radio = feedOf(parseFeed(userland));
    expect(radio.title).toBe("Radio");
    expect(radio.link).toBe("https://radio.example/");
    expect(radio.entries.map((e) => [e.title, e.link, e.published?.toISOString()])).toEqual([
      ["Hello", "https://radio.example/1", "2017-03-13T18:00:00.000Z"],
    ]);
    expect(radio.entries[0]?.contentHtml).toBe("<p>Keep <r:tag> text</p>");
    expect(feedOf(parseFeed(harvard)).entries.map((e) => [e.title, e.link])).toEqual([
      ["Hi", "https://h.example/1"],
    ]);
  });

  it("still refuses a prefixed root that is no feed", () => {
    const text = `<x:catalog xmlns:x="https://x.example/"><x:rss/></x:catalog>`;
    expect(failureOf(parseFeed(text)).message).toContain("<x:catalog>");
  });

  it("accepts a feed with no entries", () => {
    expect(feedOf(parseFeed(rss(""))).entries).toEqual([]);
  });
});

describe("parseFeed: mapping details", () => {
  it("takes RSS guid as link only when it is a permalink http(s) URL", () => {
    const feed = feedOf(
      parseFeed(
        rss(
          '<item><guid isPermaLink="false">https://t.example/a</guid></item>' +
            "<item><guid>tag:t.example,2017:b</guid></item>" +
            '<item><guid isPermaLink="true">https://t.example/c</guid><link>https://t.example/c-link</link></item>' +
            "<item><guid>https://t.example/d</guid></item>",
        ),
      ),
    );
    expect(feed.entries.map((entry) => entry.link)).toEqual([
      null,
      null,
      "https://t.example/c-link",
      "https://t.example/d",
    ]);
  });

  it("reads RSS dc:date when there is no pubDate, and cleans odd author forms", () => {
    const feed = feedOf(
      parseFeed(
        rss(
          '<item xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:date>2017-03-14T23:02:00Z</dc:date><author>Jane Doe &lt;jane@t.example&gt;</author></item>' +
            "<item><author>mailto:joe@t.example</author></item>",
        ),
      ),
    );
    expect(feed.entries[0]?.published?.toISOString()).toBe("2017-03-14T23:02:00.000Z");
    expect(feed.entries.map((entry) => entry.author)).toEqual(["Jane Doe", null]);
  });

  it("treats Atom 0.3 issued/modified and escaped text/html content like Atom 1.0", () => {
    const feed = feedOf(
      parseFeed(
        `<?xml version="1.0"?><feed version="0.3" xmlns="http://purl.org/atom/ns#"><title>Old Atom</title><link rel="alternate" type="text/html" href="https://old.example/"/><modified>2004-01-01T00:00:00Z</modified><entry><title>E</title><link rel="alternate" type="text/html" href="https://old.example/1"/><id>tag:old.example,2003:1</id><issued>2003-12-13T08:29:29-04:00</issued><modified>2003-12-13T18:30:02Z</modified><content type="text/html" mode="escaped">&lt;p&gt;hi&lt;/p&gt;</content></entry></feed>`,
      ),
    );
    const entry = feed.entries[0];
    expect(feed.link).toBe("https://old.example/");
    expect(entry?.published?.toISOString()).toBe("2003-12-13T12:29:29.000Z");
    expect(entry?.updated?.toISOString()).toBe("2003-12-13T18:30:02.000Z");
    expect(entry?.contentHtml).toBe("<p>hi</p>");
  });

  it("keeps a relative entry xml:base raw when the feed's is relative too", () => {
    const feed = feedOf(
      parseFeed(
        `<feed xmlns="http://www.w3.org/2005/Atom" xml:base="/blog/"><title>B</title><entry xml:base="posts/"><id>1</id><title>t</title></entry><entry><id>2</id><title>u</title></entry></feed>`,
      ),
    );
    expect(feed.base).toBe("/blog/");
    expect(feed.entries.map((entry) => entry.base)).toEqual(["posts/", "/blog/"]);
  });
});

describe("parseFeed never throws", () => {
  const inputs = [
    "<",
    "<?xml",
    "<rss",
    "<rss version='2.0'><channel><item>",
    "<feed/>",
    "<rdf:RDF/>",
    "{",
    "{}",
    '{"version":"https://jsonfeed.org/version/1.1","items":"nope"}',
    '{"version":"https://jsonfeed.org/version/1.1","title":"t","items":[null,1,"x",{"id":{}}]}',
    "null",
    "\uFEFF",
    "<!-- just a comment -->",
    "<!DOCTYPE rss [ <!ENTITY x 'y'> ]><rss version='2.0'><channel><title>&x;</title></channel></rss>",
    "\u0000".repeat(100),
    "<a>".repeat(10_000),
  ];

  it.each(inputs.map((input) => [input.slice(0, 40), input]))("%s", (_, input) => {
    const outcome = parseFeed(input);
    expect(typeof outcome.ok).toBe("boolean");
    if (!outcome.ok) expect(outcome.error.message.length).toBeGreaterThan(0);
  });
});
