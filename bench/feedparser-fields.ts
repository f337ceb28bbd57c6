import { Parser } from "htmlparser2";
import sanitizeHtml from "sanitize-html";
import type { Post } from "../src/model/post.ts";
import { cleanAuthorName } from "../src/parse/feed-fields.ts";
import { isTrackingPixel } from "../src/sanitize/is-tracking-pixel.ts";
import { DROPPED_WITH_TEXT } from "../src/sanitize/sanitize-content.ts";
import { collapseWhitespace, htmlToText } from "../src/text/html-to-text.ts";

/** One entry as bench/read-with-feedparser.py prints it. */
export interface FeedparserEntry {
  id: string | null;
  /** HTML (feedparser's text/plain constructs escaped back to HTML by the script). */
  title: string | null;
  link: string | null;
  /** Seconds since the epoch, UTC. */
  published: number | null;
  updated: number | null;
  /** dcterms:created, which feedparser keeps apart from published. */
  created: number | null;
  author: string | null;
  contentHtml: string | null;
  contentHtmlUnresolved: string | null;
}

export const FIELDS = ["title", "link", "date", "author", "content text", "content links"] as const;
export type Field = (typeof FIELDS)[number];

/**
 * Why the two readers may rightly differ. "planet" differences are the planet's deliberate
 * choices; "feedparser" ones are where feedparser is arguably wrong. Both are counted apart
 * from the agreement, each under its reason.
 */
export const CLASSES = {
  untitled: {
    side: "planet",
    reason: "an entry without a title shows the start of its text, as feed readers do",
  },
  "e-mail author": {
    side: "planet",
    reason: "e-mail addresses are never shown as authors: the name only, or none",
  },
  "non-http link": {
    side: "planet",
    reason:
      "links shown to readers are http(s) only (content links may also be mailto:); an unsafe " +
      "href is dropped, where feedparser leaves it empty",
  },
  "tracking pixel": {
    side: "planet",
    reason: "1×1 images and known view counters are removed from content",
  },
  "dropped with text": {
    side: "planet",
    reason:
      "form controls, <title>, <template> and the like go with their text (DROPPED_WITH_TEXT)",
  },
  "content base": {
    side: "planet",
    reason:
      "relative links in content with no xml:base resolve against the entry's own page, " +
      "where its HTML was written; feedparser resolves them against the feed's URL",
  },
  bounds: {
    side: "planet",
    reason: "content past CONTENT_BOUNDS is cut and ends with a 'Continue reading' link",
  },
  "markup in RSS title": {
    side: "feedparser",
    reason:
      "an RSS title is plain text; feedparser guesses HTML when it sees a tag, so a post " +
      "titled about `<b>` loses its subject",
  },
  "relative permalink guid": {
    side: "feedparser",
    reason:
      "a guid is the item's link only when it is a URL; feedparser resolves any guid (`d1`) " +
      "against the feed's URL and links to a page that does not exist",
  },
  "date precedence": {
    side: "feedparser",
    reason:
      "feedparser takes whichever of pubDate and dcterms:issued comes last in the document and " +
      "files dcterms:created apart, so a date depends on element order; the planet takes " +
      "pubDate, then dcterms:issued, dcterms:created, dc:date (test/parse/parse-feed-fixtures)",
  },
  "inherited author": {
    side: "feedparser",
    reason:
      "an Atom entry without an author has the feed's (RFC 4287 §4.2.1); feedparser leaves it empty",
  },
  "e-mail split": {
    side: "feedparser",
    reason:
      "feedparser's address pattern allows top-level domains of 2–4 letters, so " +
      "`anders@blog.example (Anders)` leaves `ple (Anders` as the name",
  },
  "out-of-line content": {
    side: "feedparser",
    reason:
      "an Atom content with src has no text of its own; feedparser shows it empty, the planet " +
      "shows the summary that RFC 4287 requires beside it",
  },
  "entries kept": {
    side: "planet",
    reason: `the cache keeps a feed's newest ${200} entries (POSTS_KEPT_PER_FEED)`,
  },
  "repeated id": {
    side: "planet",
    reason: "entries repeating an id already in the feed are one post",
  },
} as const satisfies Record<string, { side: "planet" | "feedparser"; reason: string }>;
export type DifferenceClass = keyof typeof CLASSES;

/** One field of one entry as both readers read it. */
export interface FieldComparison {
  field: Field;
  planet: string;
  feedparser: string;
  agree: boolean;
  /** Why they differ, when the difference is a known one. */
  difference: DifferenceClass | null;
}

/** What the comparisons need to know of the feed as a whole. */
export interface FeedContext {
  url: string;
  /** The feed-level author as feedparser reads it. */
  author: string | null;
}

/** Compares every field of a paired entry. */
export function compareEntry(
  post: Post,
  entry: FeedparserEntry,
  feed: FeedContext,
): FieldComparison[] {
  return [
    compareTitle(post, entry),
    compareLink(post, entry, feed),
    compareDate(post, entry),
    compareAuthor(post, entry, feed),
    compareContentText(post, entry),
    compareContentLinks(post, entry),
  ];
}

function comparison(
  field: Field,
  planet: string,
  feedparser: string,
  explain: () => DifferenceClass | null,
): FieldComparison {
  const agree = planet === feedparser;
  return { field, planet, feedparser, agree, difference: agree ? null : explain() };
}

function compareTitle(post: Post, entry: FeedparserEntry): FieldComparison {
  const theirs = textOf(entry.title);
  const ours = collapseWhitespace(post.title);
  return comparison("title", ours, theirs, () => {
    if (theirs === "") return "untitled";
    return /<[a-z]/i.test(ours) && htmlToText(ours) === theirs ? "markup in RSS title" : null;
  });
}

function compareLink(post: Post, entry: FeedparserEntry, feed: FeedContext): FieldComparison {
  const theirs = canonicalUrl(entry.link ?? "");
  return comparison("link", canonicalUrl(post.link ?? ""), theirs, () => {
    if (post.link !== null || theirs === "") return null;
    if (!/^https?:/i.test(theirs)) return "non-http link";
    // feedparser resolves the guid itself, so the planet's id is the one as written.
    return !URL.canParse(post.sourceId) && canonicalUrl(post.sourceId, feed.url) === theirs
      ? "relative permalink guid"
      : null;
  });
}

/**
 * The instant a post is dated by, published else updated, to the second: feedparser's dates are
 * struct_time, which has no milliseconds (Blogger writes them).
 */
function compareDate(post: Post, entry: FeedparserEntry): FieldComparison {
  const date = post.published ?? post.updated;
  const ours = date === null ? null : Math.floor(date.getTime() / 1000);
  const theirs = entry.published ?? entry.updated;
  const iso = (seconds: number | null) =>
    seconds === null ? "" : new Date(seconds * 1000).toISOString();
  return comparison("date", iso(ours), iso(theirs), () =>
    ours !== null && [entry.published, entry.updated, entry.created].includes(ours)
      ? "date precedence"
      : null,
  );
}

function compareAuthor(post: Post, entry: FeedparserEntry, feed: FeedContext): FieldComparison {
  const theirs = collapseWhitespace(entry.author ?? "");
  const ours = post.author ?? "";
  return comparison("author", ours, theirs, () => {
    if (theirs.includes("@") && (cleanAuthorName(theirs) ?? "") === ours) return "e-mail author";
    if (theirs === "" && ours === collapseWhitespace(feed.author ?? "")) return "inherited author";
    return ours !== "" && theirs.includes(ours) ? "e-mail split" : null;
  });
}

function compareContentText(post: Post, entry: FeedparserEntry): FieldComparison {
  const ours = htmlToText(post.contentHtml);
  const theirHtml = entry.contentHtml ?? "";
  const theirs = htmlToText(theirHtml);
  return comparison("content text", ours, theirs, () => {
    if (theirs === "" && entry.contentHtml === "") return "out-of-line content";
    const cut = /…( Continue reading)?$/.exec(ours);
    if (cut !== null && theirs.startsWith(ours.slice(0, cut.index).trimEnd())) return "bounds";
    const kept = sanitizeHtml(theirHtml, {
      allowedTags: false,
      allowedAttributes: false,
      nonTextTags: DROPPED_WITH_TEXT,
      // Only the text is read, never shown: the warning about keeping <script> does not apply.
      allowVulnerableTags: true,
    });
    return htmlToText(kept) === ours ? "dropped with text" : null;
  });
}

function compareContentLinks(post: Post, entry: FeedparserEntry): FieldComparison {
  const ours = linksIn(post.contentHtml);
  const theirs = linksIn(entry.contentHtml ?? "");
  const oursSet = new Set(ours.map((link) => link.url));
  const theirsSet = new Set(theirs.map((link) => link.url));
  return comparison("content links", [...oursSet].join(" "), [...theirsSet].join(" "), () => {
    const missing = theirs.filter((link) => !oursSet.has(link.url));
    const extra = ours.filter((link) => !theirsSet.has(link.url));
    const reasons = new Set<DifferenceClass | null>();
    // Both of feedparser's readings list the same links in the same order; only the base differs.
    const raw = linksIn(entry.contentHtmlUnresolved ?? "");
    const rebasedAt = raw.map((link) => canonicalUrl(link.url, post.link ?? undefined));
    const rebased = new Set(rebasedAt);
    for (const link of missing) {
      reasons.add(whyMissing(link, rebasedAt[theirs.indexOf(link)], oursSet));
    }
    for (const link of extra) {
      if (rebased.has(link.url)) reasons.add("content base");
      else if (link.text === "Continue reading") reasons.add("bounds");
      else reasons.add(null);
    }
    return reasons.has(null) ? null : ([...reasons][0] ?? null);
  });
}

function whyMissing(
  link: ContentLink,
  rebased: string | undefined,
  ours: ReadonlySet<string>,
): DifferenceClass | null {
  if (link.tag === "img" && isTrackingPixel(link.url, link.width, link.height)) {
    return "tracking pixel";
  }
  // feedparser's sanitizer empties an unsafe href (javascript:); the planet drops it.
  if (!/^(https?|mailto):/i.test(link.url)) return "non-http link";
  if (rebased !== undefined && ours.has(rebased)) return "content base";
  return null;
}

/** A link or image in content: its URL canonicalized, and what the classes need to know. */
interface ContentLink {
  tag: "a" | "img";
  url: string;
  text: string;
  width?: string;
  height?: string;
}

/** The a[href] and img[src] of an HTML fragment, in document order. */
export function linksIn(html: string): ContentLink[] {
  const links: ContentLink[] = [];
  let open: ContentLink | null = null;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name === "a" && attributes.href !== undefined) {
          open = { tag: "a", url: canonicalUrl(attributes.href), text: "" };
          links.push(open);
        } else if (name === "img" && attributes.src !== undefined) {
          const { width, height } = attributes;
          links.push({ tag: "img", url: canonicalUrl(attributes.src), text: "", width, height });
        }
      },
      ontext(text) {
        if (open !== null) open.text = collapseWhitespace(open.text + text);
      },
      onclosetag(name) {
        if (name === "a") open = null;
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  return links;
}

/** The text of an HTML construct, whitespace collapsed. */
function textOf(html: string | null): string {
  return html === null ? "" : htmlToText(html);
}

/** A URL as the WHATWG parser writes it (so `HTTP://A/b c` and `http://a/b%20c` agree), else trimmed. */
function canonicalUrl(url: string, base?: string): string {
  const trimmed = url.trim();
  return URL.parse(trimmed, base)?.href ?? trimmed;
}
