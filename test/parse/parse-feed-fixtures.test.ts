import { describe, expect, it } from "vitest";
import type { ParsedEntry } from "../../src/model/parsed-feed.ts";
import { iso, parseFixture } from "./fixture.ts";

function entryAt(entries: ParsedEntry[], index: number): ParsedEntry {
  const entry = entries[index];
  if (entry === undefined) throw new Error(`no entry ${index}`);
  return entry;
}

/** Every text field of a feed, to check that no e-mail address slipped through. */
function authorsOf(entries: ParsedEntry[]): Array<string | null> {
  return entries.map((entry) => entry.author);
}

describe("Blogger Atom", () => {
  const feed = parseFixture("blogger-atom.xml");
  const post = entryAt(feed.entries, 0);

  it("reads the feed's title and alternate link", () => {
    expect(feed.format).toBe("atom");
    expect(feed.title).toBe("Sander van der Burg's blog");
    expect(feed.link).toBe("https://sandervanderburg.blogspot.com/");
    expect(feed.base).toBeNull();
    expect(feed.entries).toHaveLength(2);
  });

  it("reads id, title, the alternate link among replies/edit/self links, and dates", () => {
    expect(post.id).toBe("tag:blogger.com,1999:blog-1397115249631682228.post-4470441457491587143");
    expect(post.title).toBe("Substituting impure version specifiers in node2nix & Nix");
    expect(post.link).toBe(
      "https://sandervanderburg.blogspot.com/2017/03/substituting-impure-version-specifiers.html",
    );
    expect(iso(post.published)).toBe("2017-03-30T19:14:00.001Z");
    expect(iso(post.updated)).toBe("2017-03-30T19:14:35.169Z");
  });

  it("keeps the author's name and never the noreply e-mail", () => {
    expect(authorsOf(feed.entries)).toEqual(["Sander van der Burg", "Sander van der Burg"]);
  });

  it("gives type=html content as HTML, entities decoded once", () => {
    expect(post.contentHtml).toBe(
      '<p>In a <a href="https://sandervanderburg.blogspot.com/2016/08/node2nix.html">previous blog post</a>, I have described <i>node2nix</i> &amp; its features.</p><br /><img src="https://1.bp.blogspot.com/-x/s320/diagram.png" />',
    );
  });

  it("deduplicates categories", () => {
    expect(post.categories).toEqual(["nix", "node2nix"]);
    expect(entryAt(feed.entries, 1).categories).toEqual([]);
  });
});

describe("WordPress RSS 2.0", () => {
  const feed = parseFixture("wordpress-rss.xml");
  const post = entryAt(feed.entries, 0);

  it("reads the channel", () => {
    expect(feed.format).toBe("rss");
    expect(feed.title).toBe("Rob Vermaas – Nix notes");
    expect(feed.link).toBe("https://robvermaas.example.org");
  });

  it("keeps an RSS title as text: escaped markup stays visible, never stripped", () => {
    expect(post.title).toBe("Hydra & the <b>bold</b> future");
  });

  it("reads a non-permalink guid as the id and the link element as the link", () => {
    expect(post.id).toBe("https://robvermaas.example.org/?p=1234");
    expect(post.link).toBe("https://robvermaas.example.org/2017/03/14/hydra-future/");
    expect(iso(post.published)).toBe("2017-03-14T23:02:00.000Z");
    expect(post.updated).toBeNull();
  });

  it("prefers content:encoded over the description, left raw for the sanitizer", () => {
    expect(post.contentHtml).toContain(
      "<p>Hydra is the Nix-based <em>continuous build</em> system.</p>",
    );
    expect(post.contentHtml).toContain('<a href="/about/">me</a> &amp; my work.');
    expect(post.contentHtml).not.toContain("[&#8230;]");
    expect(entryAt(feed.entries, 1).contentHtml).toBe("<p>Only an excerpt here.</p>");
  });

  it("reads dc:creator and CDATA categories, deduplicated ignoring case", () => {
    expect(post.author).toBe("Rob Vermaas");
    expect(post.categories).toEqual(["Nix", "Hydra & CI"]);
  });
});

describe("Hugo RSS", () => {
  const feed = parseFixture("hugo-rss.xml");
  const [post, page] = [entryAt(feed.entries, 0), entryAt(feed.entries, 1)];

  it("takes the name out of `email (Name)` and drops a bare e-mail", () => {
    expect(post.author).toBe("Jörg Thalheim");
    expect(page.author).toBeNull();
  });

  it("uses the description as content when there is nothing fuller", () => {
    expect(post.contentHtml).toBe(
      "<p>Running <code>nixos-rebuild</code> on an ARM board &amp; living to tell.</p>\n<pre><code>$ nix-build</code></pre>",
    );
  });

  it("falls back to a permalink guid for a missing link", () => {
    expect(page.link).toBe("https://blog.thalheim.io/about/");
    expect(page.id).toBe("https://blog.thalheim.io/about/");
    expect(iso(post.published)).toBe("2017-03-11T11:00:00.000Z");
  });
});

describe("Jekyll Atom (jekyll-feed)", () => {
  const feed = parseFixture("jekyll-atom.xml");
  const [release, meetup] = [entryAt(feed.entries, 0), entryAt(feed.entries, 1)];

  it("reduces type=html titles to text, entities decoded once", () => {
    expect(feed.title).toBe("NixOS & friends");
    expect(release.title).toBe('Release 17.03 "Gorilla"');
  });

  it("keeps relative links as written with the xml:base beside them", () => {
    expect(feed.base).toBe("https://nixos.example.org/blog/");
    expect(feed.link).toBe("/blog/");
    expect(release.link).toBe("/blog/2017/03/20/release-17.03.html");
    expect(release.base).toBe("https://nixos.example.org/blog/");
    expect(release.contentBase).toBe("/blog/2017/03/20/release-17.03.html");
  });

  it("prefers content over summary, and falls back to the summary", () => {
    expect(release.contentHtml).toContain('<a href="manual/">manual</a>');
    expect(meetup.contentHtml).toBe("<p>Only a summary.</p>");
    expect(meetup.contentBase).toBeNull();
  });

  it("uses the entry author, else the feed author", () => {
    expect(release.author).toBe("Domen Kožar");
    expect(meetup.author).toBe("NixOS Foundation");
    expect(release.categories).toEqual(["release", "nixos"]);
  });
});

describe("Ghost RSS", () => {
  const feed = parseFixture("ghost-rss.xml");
  const post = entryAt(feed.entries, 0);

  it("reads CDATA titles and content:encoded", () => {
    expect(feed.title).toBe("Tweag Nix blog");
    expect(post.title).toBe("Nix & Haskell in production");
    expect(post.id).toBe("58c9a1f0b1c2d3e4f5a6b7c8");
    expect(post.author).toBe("Mathieu Boespflug");
    expect(post.contentHtml).toContain("<p>We run <strong>Nix</strong> everywhere.</p>");
    expect(iso(post.published)).toBe("2017-03-16T09:30:00.000Z");
  });
});

describe("Medium RSS", () => {
  const feed = parseFixture("medium-rss.xml");
  const post = entryAt(feed.entries, 0);

  it("reads dc:creator, atom:updated and the tracking-laden link as written", () => {
    expect(post.author).toBe("Alice Example");
    expect(post.link).toBe(
      "https://medium.com/@alice/why-i-moved-my-laptop-to-nixos-1a2b3c4d5e6f?source=rss-abc123------2",
    );
    expect(iso(post.published)).toBe("2017-03-17T13:58:12.000Z");
    expect(iso(post.updated)).toBe("2017-03-17T14:01:37.412Z");
    expect(post.categories).toEqual(["nixos", "linux"]);
  });
});

describe("RSS 1.0 (RDF)", () => {
  const feed = parseFixture("rss10-rdf.xml");
  const [first, second] = [entryAt(feed.entries, 0), entryAt(feed.entries, 1)];

  it("reads channel and items, with rdf:about as the id", () => {
    expect(feed.format).toBe("rdf");
    expect(feed.title).toBe("LWN.net & friends");
    expect(feed.link).toBe("https://lwn.example.net/");
    expect(first.id).toBe("https://lwn.example.net/Articles/716302/");
    expect(first.title).toBe("Reproducible builds with <Nix>");
  });

  it("reads dc:date, dc:creator and dc:subject", () => {
    expect(iso(first.published)).toBe("2017-03-14T15:34:11.000Z");
    expect(iso(second.published)).toBe("2017-03-13T00:00:00.000Z");
    expect(first.author).toBe("corbet");
    expect(first.categories).toEqual(["Distributions"]);
  });

  it("prefers content:encoded over description", () => {
    expect(first.contentHtml).toBe("<p>A look at reproducible builds.</p>");
    expect(second.contentHtml).toBe("<p>Full <b>content</b>.</p>");
  });
});

describe("RSS 2.0 with Dublin Core and DC Terms", () => {
  const feed = parseFixture("dublin-core-rss.xml");
  const [pinning, overlays, drafted, dcDate] = feed.entries;

  it("titles an item by dc:title, describes it by dc:description, when nothing else does", () => {
    expect(pinning?.title).toBe("Pinning nixpkgs with flakes");
    expect(pinning?.contentHtml).toBe("<p>How to <em>pin</em> nixpkgs.</p>");
    expect(pinning?.author).toBe("Eelco Example");
  });

  it("dates an item by dcterms:issued, and its update by dcterms:modified", () => {
    expect(iso(pinning?.published ?? null)).toBe("2017-03-14T08:30:00.000Z");
    expect(iso(pinning?.updated ?? null)).toBe("2017-03-15T10:00:00.000Z");
  });

  it("prefers the RSS core elements over their Dublin Core twins, whatever their order", () => {
    // feedparser keeps whichever element comes last; a feed's date should not depend on the
    // order its generator happens to write elements in, so the core element wins here.
    expect(overlays?.title).toBe("Overlays explained");
    expect(overlays?.contentHtml).toBe("<p>Short summary.</p>");
    expect(iso(overlays?.published ?? null)).toBe("2017-03-13T18:00:00.000Z");
  });

  it("falls back to dcterms:created, then dc:date, past a pubDate that does not parse", () => {
    expect(iso(drafted?.published ?? null)).toBe("2017-03-10T12:00:00.000Z");
    expect(iso(dcDate?.published ?? null)).toBe("2017-03-09T13:00:00.000Z");
  });
});

describe("Atom 0.3 (Blogger, 2004) text constructs", () => {
  const feed = parseFixture("blogger-atom03.xml");
  const [story, release, markup] = feed.entries;

  it("decodes mode=base64 titles and content", () => {
    expect(story?.title).toBe("Nix & me: a love story");
    expect(story?.contentHtml).toBe(
      '<p>I switched to <a href="/2004/05/nix.html">Nix</a> today.</p>\n<p><img src="images/nix-logo.png" alt="Nix"></p>',
    );
  });

  it("reads naked markup in a title and summary as markup, not as literal tags", () => {
    expect(release?.title).toBe("Release 0.5 is out");
    expect(release?.contentHtml).toBe(
      '<b>Bold</b> news &amp; <a href="notes.html">release notes</a>; 1 &lt; 2',
    );
  });

  it("unescapes mode=escaped once: an escaped HTML title keeps the brackets it escaped", () => {
    expect(feed.title).toBe("Old & Nix");
    expect(markup?.title).toBe("Why <b> is not a title");
    expect(markup?.contentHtml).toBe('<p>See <a href="../archive.html">the archive</a>.</p>');
    expect(markup?.contentBase).toBe("https://static.example.org/old/");
  });
});

describe("RSS 0.91", () => {
  const feed = parseFixture("rss091.xml");

  it("reads a doctype'd Netscape feed without ids or dates", () => {
    expect(feed.format).toBe("rss");
    expect(feed.title).toBe("Scripting News");
    expect(feed.entries.map((entry) => [entry.title, entry.link, entry.id])).toEqual([
      ["Giant Robots", "http://www.scripting.example.com/robots.html", null],
      ["No link here", null, null],
    ]);
    expect(entryAt(feed.entries, 0).published).toBeNull();
  });
});

describe("Atom with xhtml content and xml:base on feed and entry", () => {
  const feed = parseFixture("atom-xhtml-base.xml");
  const [store, mirrored] = [entryAt(feed.entries, 0), entryAt(feed.entries, 1)];

  it("reduces xhtml titles to text", () => {
    expect(feed.title).toBe("Eelco's weblog & notes");
    expect(store.title).toBe("The <nix> store");
    expect(mirrored.title).toBe("Mirrored");
  });

  it("resolves entry xml:base against the feed's; keeps the content's own", () => {
    expect(feed.base).toBe("https://eelco.example.org/blog/");
    expect(store.base).toBe("https://eelco.example.org/blog/2017/");
    expect(store.contentBase).toBe("images/");
    expect(mirrored.base).toBe("https://mirror.example.net/posts/");
  });

  it("picks the text/html alternate link over a PDF alternate and a related link", () => {
    expect(feed.link).toBe("./");
    expect(store.link).toBe("nix-store.html");
    expect(mirrored.link).toBe("mirrored.html");
  });

  it("gives xhtml content as the inner markup of its div", () => {
    expect(store.contentHtml).toBe(
      '<p>See <img src="store.png" alt="the store"/> &amp; <a href="../other.html">more</a>.</p>',
    );
    expect(mirrored.contentHtml).toBe("<p>Summary only.</p>");
  });

  it("uses category labels, inherits the feed author without the e-mail, reads offsets", () => {
    expect(store.categories).toEqual(["The Nix store"]);
    expect(authorsOf(feed.entries)).toEqual(["Eelco Dolstra", "Eelco Dolstra"]);
    expect(iso(mirrored.updated)).toBe("2017-02-01T13:00:00.000Z");
    expect(mirrored.published).toBeNull();
  });
});

describe("Atom with text content", () => {
  const feed = parseFixture("atom-text-content.xml");
  const [text, video, blank] = [0, 1, 2].map((index) => entryAt(feed.entries, index));

  it("keeps type=text titles as text", () => {
    expect(feed.title).toBe("Plain <text> feed");
    expect(text?.title).toBe("Less <than> & more");
  });

  it("escapes text content to HTML, keeping paragraphs and line breaks", () => {
    expect(text?.contentHtml).toBe(
      "<p>First paragraph: 1 &lt; 2 &amp; &quot;quoted&quot;.<br>\nSecond line of it.</p>\n<p>Second paragraph.</p>",
    );
  });

  it("skips out-of-line content for the summary, and gives null for blank content", () => {
    expect(video?.contentHtml).toBe("<p>A video &lt;3</p>");
    expect(blank?.contentHtml).toBeNull();
    expect(blank?.link).toBeNull();
  });
});

describe("JSON Feed 1.1", () => {
  const feed = parseFixture("json-feed-1.1.json", "application/feed+json");
  const [full, linkPost, summaryOnly] = [0, 1, 2].map((index) => entryAt(feed.entries, index));

  it("reads the feed", () => {
    expect(feed.format).toBe("json");
    expect(feed.title).toBe("Graham's <Nix> notes");
    expect(feed.link).toBe("https://graham.example.org/");
    expect(feed.base).toBeNull();
  });

  it("keeps titles as text, even when they look like entities", () => {
    expect(full?.title).toBe("ofborg &amp; you");
    expect(summaryOnly?.title).toBeNull();
  });

  it("reads ids (numbers too), url then external_url, and dates", () => {
    expect(feed.entries.map((entry) => entry.id)).toEqual([
      "https://graham.example.org/2017/ofborg",
      "42",
      "summary-only",
    ]);
    expect(full?.link).toBe("https://graham.example.org/2017/ofborg/");
    expect(linkPost?.link).toBe("https://elsewhere.example.org/post");
    expect(iso(full?.published ?? null)).toBe("2017-03-12T12:00:00.000Z");
    expect(iso(full?.updated ?? null)).toBe("2017-03-13T10:00:00.000Z");
    expect(summaryOnly?.published).toBeNull();
  });

  it("prefers content_html, then escaped content_text, then escaped summary", () => {
    expect(full?.contentHtml).toBe("<p>The <b>ofborg</b> bot.</p>");
    expect(linkPost?.contentHtml).toBe("<p>Line one<br>\nline two &amp; &lt;three&gt;</p>");
    expect(summaryOnly?.contentHtml).toBe("<p>Just a summary</p>");
  });

  it("reads item authors (without e-mail), else the feed's, and deduplicated tags", () => {
    expect(authorsOf(feed.entries)).toEqual(["Graham Christensen", "Guest", "Graham Christensen"]);
    expect(full?.categories).toEqual(["nix", "CI"]);
  });
});

describe("JSON Feed 1.0", () => {
  const feed = parseFixture("json-feed-1.0.json");

  it("reads 1.0's singular author on items and feed", () => {
    expect(feed.title).toBe("Old JSON feed");
    expect(authorsOf(feed.entries)).toEqual(["Item Author", "Olaf Old"]);
    expect(entryAt(feed.entries, 1).contentHtml).toBe("<p>Untitled post</p>");
    expect(iso(entryAt(feed.entries, 0).published)).toBe("2017-03-01T11:00:00.000Z");
  });
});

describe("encodings", () => {
  it("reads an ISO-8859-1 feed from its Latin-1 bytes", () => {
    const feed = parseFixture("latin1-rss.xml", "text/xml");
    expect(feed.title).toBe("Jörg Thalheim – Notizen");
    const post = entryAt(feed.entries, 0);
    expect(post.title).toBe("Müller & Söhne: «Nix» für alle");
    expect(post.author).toBe("Jörg Thalheim");
    expect(post.contentHtml).toBe("<p>Schöne Grüße, © 2017</p>");
  });

  it("reads curly quotes in a Windows-1252 feed", () => {
    const feed = parseFixture("windows-1252-rss.xml");
    expect(feed.title).toBe("“Smart” quotes – a Windows blog");
    expect(entryAt(feed.entries, 0).title).toBe("It’s “quoted” … €5");
  });

  it("reads a UTF-16 feed with a BOM, whose declaration says UTF-16", () => {
    const feed = parseFixture("utf16-atom.xml");
    expect(feed.title).toBe("UTF-16 日本語 feed");
    const post = entryAt(feed.entries, 0);
    expect(post.title).toBe("Straße → 東京");
    expect(post.author).toBe("René 😀");
    expect(post.contentHtml).toBe("<p>こんにちは</p>");
  });

  it("reads a feed that starts with a UTF-8 BOM", () => {
    const feed = parseFixture("utf8-bom-rss.xml");
    expect(feed.title).toBe("BOM ✓ feed");
    expect(entryAt(feed.entries, 0).title).toBe("Naïve café");
  });
});

describe("dates from the wild", () => {
  const feed = parseFixture("dates-rss.xml");
  const published = Object.fromEntries(
    feed.entries.map((entry) => [entry.id, iso(entry.published)]),
  );

  it("gives null for missing, invalid and zero dates, never an invented one", () => {
    expect(published.d1).toBeNull();
    expect(published.d2).toBeNull();
    expect(published.d4).toBeNull();
  });

  it("keeps future dates as written", () => {
    expect(published.d3).toBe("2100-01-01T00:00:00.000Z");
  });

  it("reads wrong weekdays, named zones, SQL style, dc:date and two-digit years", () => {
    expect(published.d5).toBe("2017-03-15T06:02:00.000Z");
    expect(published.d6).toBe("2017-03-14T23:02:00.000Z");
    expect(published.d7).toBe("2017-03-14T22:02:00.000Z");
    expect(published.d8).toBe("2017-03-15T04:02:00.000Z");
  });
});

describe("authors across every fixture", () => {
  const feeds = [
    "blogger-atom.xml",
    "wordpress-rss.xml",
    "hugo-rss.xml",
    "jekyll-atom.xml",
    "ghost-rss.xml",
    "medium-rss.xml",
    "rss10-rdf.xml",
    "atom-xhtml-base.xml",
    "json-feed-1.1.json",
    "latin1-rss.xml",
  ];

  it.each(feeds)("%s: no e-mail address survives in an author", (name) => {
    const authors = authorsOf(parseFixture(name).entries);
    expect(authors.some((author) => author !== null)).toBe(true);
    for (const author of authors) expect(author ?? "").not.toContain("@");
  });
});
