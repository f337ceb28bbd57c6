import type { AtomFeed } from "feedsmith";
import type { ParsedEntry, ParsedFeed } from "../model/parsed-feed.ts";
import { POSTS_KEPT_PER_FEED } from "../store/feed-record.ts";
import { htmlToText } from "../text/html-to-text.ts";
import { textToHtml } from "../text/text-to-html.ts";
import {
  cleanHtml,
  cleanText,
  cleanToken,
  firstAuthorName,
  firstPresent,
  resolveBase,
  uniqueLabels,
} from "./feed-fields.ts";
import { keepNewestItems } from "./newest-items.ts";
import { parseDate } from "./parse-date.ts";

type Feed = AtomFeed.Feed<string>;
type Entry = AtomFeed.Entry<string>;
type Link = AtomFeed.Link<string>;

/** Atom 1.0 names (and the MIME types Atom 0.3 used) for markup constructs. */
const MARKUP_TYPES = new Set(["html", "xhtml", "text/html", "application/xhtml+xml"]);

/** Maps an Atom 1.0 (or 0.3) feed as feedsmith reads it into a ParsedFeed. */
export function mapAtomFeed(feed: Feed): ParsedFeed {
  const base = cleanToken(feed.xml?.base);
  const entries = keepNewestItems(feed.entries ?? [], entryDate, POSTS_KEPT_PER_FEED);
  return {
    format: "atom",
    title: atomText(feed.title),
    link: alternateLink(feed.links),
    base,
    entries: entries.kept.map((entry) => mapEntry(entry, feed, base)),
    omittedEntries: entries.omitted,
  };
}

function mapEntry(entry: Entry, feed: Feed, feedBase: string | null): ParsedEntry {
  const content = atomContentHtml(entry.content);
  const summary = content === null ? atomContentHtml(entry.summary) : null;
  const contentXml = content === null ? entry.summary?.xml : entry.content?.xml;
  return {
    id: cleanToken(entry.id),
    title: atomText(entry.title),
    link: alternateLink(entry.links),
    base: resolveBase(entry.xml?.base, feedBase),
    contentBase: cleanToken(contentXml?.base),
    published: entryPublished(entry),
    updated: parseDate(entry.updated),
    // Atom entries inherit the author of their source, then of the feed (RFC 4287 §4.2.1).
    author: firstAuthorName([
      ...[entry.authors, entry.source?.authors, feed.authors].flatMap((people) =>
        (people ?? []).map((person) => person.name),
      ),
      ...(entry.dc?.creators ?? []),
    ]),
    contentHtml: content ?? summary,
    categories: uniqueLabels((entry.categories ?? []).map((c) => c.label ?? c.term)),
  };
}

function entryPublished(entry: Entry): Date | null {
  return parseDate(firstPresent(entry.published, entry.dc?.dates?.[0]));
}

function entryDate(entry: Entry): Date | null {
  return entryPublished(entry) ?? parseDate(entry.updated);
}

/** An Atom text construct as plain text: html and xhtml are reduced to their text. */
function atomText(text: AtomFeed.Text | undefined): string | null {
  if (text === undefined) return null;
  const type = (text.type ?? "text").trim().toLowerCase();
  return cleanText(MARKUP_TYPES.has(type) ? htmlToText(text.value) : text.value);
}

/** Content or summary as HTML: markup as given, text escaped, out-of-line (`src`) or binary null. */
function atomContentHtml(content: AtomFeed.Content | undefined): string | null {
  if (content === undefined || content.src !== undefined) return null;
  const value = cleanHtml(content.value);
  if (value === null) return null;
  const type = (content.type ?? "text").trim().toLowerCase();
  if (MARKUP_TYPES.has(type)) return value;
  if (type === "text" || type.startsWith("text/")) return textToHtml(value);
  return null;
}

/** The alternate link: rel="alternate" or no rel, text/html first, then untyped, then any. */
function alternateLink(links: Link[] | undefined): string | null {
  const alternates = (links ?? []).filter((link) => {
    if (cleanToken(link.href) === null) return false;
    const rel = (link.rel ?? "alternate").trim().toLowerCase();
    return rel === "alternate" || rel === "http://www.iana.org/assignments/relation/alternate";
  });
  const chosen =
    alternates.find((link) => link.type?.trim().toLowerCase() === "text/html") ??
    alternates.find((link) => link.type === undefined) ??
    alternates[0];
  return cleanToken(chosen?.href);
}
