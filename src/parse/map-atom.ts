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
import type { Atom03Constructs, Atom03Entry, DecodedConstruct } from "./read-atom03-constructs.ts";

type Feed = AtomFeed.Feed<string>;
type Entry = AtomFeed.Entry<string>;
type Link = AtomFeed.Link<string>;

/** Atom 1.0 names (and the MIME types Atom 0.3 used) for markup constructs. */
const MARKUP_TYPES = new Set(["html", "xhtml", "text/html", "application/xhtml+xml"]);

/**
 * Maps an Atom 1.0 (or 0.3) feed as feedsmith reads it into a ParsedFeed. For Atom 0.3,
 * `atom03` holds the text constructs feedsmith reads wrong (base64, naked markup); they are
 * matched to feedsmith's entries by position, and only when both count the same entries.
 */
export function mapAtomFeed(feed: Feed, atom03: Atom03Constructs | null = null): ParsedFeed {
  const base = cleanToken(feed.xml?.base);
  const all = feed.entries ?? [];
  const decoded = atom03?.entries.length === all.length ? atom03.entries : [];
  // Paired before the oldest are left out, so each entry keeps its own decoded constructs.
  const entries = keepNewestItems(
    all.map((entry, index) => ({ entry, decoded: decoded[index] })),
    ({ entry }) => entryDate(entry),
    POSTS_KEPT_PER_FEED,
  );
  return {
    format: "atom",
    title: decodedText(atom03?.title) ?? atomText(feed.title),
    link: alternateLink(feed.links),
    base,
    entries: entries.kept.map(({ entry, decoded }) => mapEntry(entry, feed, base, decoded)),
    omittedEntries: entries.omitted,
  };
}

function mapEntry(
  entry: Entry,
  feed: Feed,
  feedBase: string | null,
  decoded: Atom03Entry | undefined,
): ParsedEntry {
  const content = decodedHtml(decoded?.content) ?? atomContentHtml(entry.content);
  const summary =
    content === null ? (decodedHtml(decoded?.summary) ?? atomContentHtml(entry.summary)) : null;
  const contentXml = content === null ? entry.summary?.xml : entry.content?.xml;
  return {
    id: cleanToken(entry.id),
    title: decodedText(decoded?.title) ?? atomText(entry.title),
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

/** A decoded Atom 0.3 construct as plain text; null when there is none. */
function decodedText(construct: DecodedConstruct | null | undefined): string | null {
  if (construct == null) return null;
  return cleanText(construct.markup ? htmlToText(construct.value) : construct.value);
}

/** A decoded Atom 0.3 construct as HTML; null when there is none. */
function decodedHtml(construct: DecodedConstruct | null | undefined): string | null {
  if (construct == null) return null;
  const value = cleanHtml(construct.value);
  if (value === null) return null;
  return construct.markup ? value : textToHtml(value);
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
