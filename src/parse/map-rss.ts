import type { AtomFeed, RdfFeed, RssFeed } from "feedsmith";
import type { ParsedEntry, ParsedFeed } from "../model/parsed-feed.ts";
import { POSTS_KEPT_PER_FEED } from "../store/feed-record.ts";
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

type RssItem = RssFeed.Item<string>;
type RdfItem = RdfFeed.Item<string>;

/** Maps an RSS 0.9x/2.0 feed as feedsmith reads it into a ParsedFeed. */
export function mapRssFeed(feed: RssFeed.Feed<string>): ParsedFeed {
  const base = cleanToken(feed.xml?.base);
  const items = keepNewestItems(feed.items ?? [], rssItemDate, POSTS_KEPT_PER_FEED);
  return {
    format: "rss",
    title: cleanText(feed.title),
    link: firstPresent(cleanToken(feed.link), atomAlternate(feed.atom?.links)),
    base,
    entries: items.kept.map((item) => mapRssItem(item, base)),
    omittedEntries: items.omitted,
  };
}

/** Maps an RSS 1.0 (RDF) feed as feedsmith reads it into a ParsedFeed. */
export function mapRdfFeed(feed: RdfFeed.Feed<string>): ParsedFeed {
  const base = cleanToken(feed.xml?.base);
  const items = keepNewestItems(feed.items ?? [], rdfItemDate, POSTS_KEPT_PER_FEED);
  return {
    format: "rdf",
    title: cleanText(feed.title),
    link: cleanToken(feed.link),
    base,
    entries: items.kept.map((item) => mapRdfItem(item, base)),
    omittedEntries: items.omitted,
  };
}

/** The Dublin Core and DC Terms elements an item of any RSS version may carry. */
type DublinCore = Pick<RssItem, "dc" | "dcterms">;

/**
 * The published date as feedparser reads it: pubDate, dcterms:issued, dcterms:created, else
 * dc:date (which feedparser files as "updated", the only date such an item has). The first that
 * parses wins: feedparser keeps the last element in document order, which makes a feed's date
 * depend on the order its generator writes elements in; an RSS 2.0 core element wins here.
 */
function publishedOf(item: DublinCore, ...own: Array<string | undefined>): Date | null {
  return firstDate(
    ...own,
    item.dcterms?.issued?.[0],
    item.dcterms?.created?.[0],
    item.dc?.dates?.[0],
  );
}

function firstDate(...values: unknown[]): Date | null {
  for (const value of values) {
    const date = parseDate(value);
    if (date !== null) return date;
  }
  return null;
}

/** Title, then dc:title (Blogger and some CMSs write only the latter). */
function titleOf(item: DublinCore & { title?: string }): string | null {
  return firstPresent(cleanText(item.title), cleanText(item.dc?.titles?.[0]));
}

/** content:encoded, then description, then dc:description: the fullest text first. */
function contentOf(
  item: DublinCore & { content?: { encoded?: string }; description?: string },
): string | null {
  return firstPresent(
    cleanHtml(item.content?.encoded),
    cleanHtml(item.description),
    cleanHtml(item.dc?.descriptions?.[0]),
  );
}

// RSS titles are text, not HTML: feedsmith has already decoded the XML once, so `&lt;b&gt;`
// arrives as the characters `<b>` and must stay that way.
function mapRssItem(item: RssItem, feedBase: string | null): ParsedEntry {
  return {
    id: cleanToken(item.guid?.value),
    title: titleOf(item),
    link: firstPresent(cleanToken(item.link), permalinkGuid(item), atomAlternate(item.atom?.links)),
    base: resolveBase(item.xml?.base, feedBase),
    contentBase: null,
    ...rssItemDates(item),
    author: firstAuthorName([
      ...(item.authors ?? []).map((person) => person.name),
      ...(item.dc?.creators ?? []),
    ]),
    contentHtml: contentOf(item),
    categories: uniqueLabels([
      ...(item.categories ?? []).map((category) => category.name),
      ...(item.dc?.subjects ?? []),
    ]),
  };
}

function mapRdfItem(item: RdfItem, feedBase: string | null): ParsedEntry {
  return {
    id: cleanToken(item.rdf?.about),
    title: titleOf(item),
    link: cleanToken(item.link),
    base: resolveBase(item.xml?.base, feedBase),
    contentBase: null,
    ...rdfItemDates(item),
    author: firstAuthorName(item.dc?.creators ?? []),
    contentHtml: contentOf(item),
    categories: uniqueLabels(item.dc?.subjects ?? []),
  };
}

function rssItemDates(item: RssItem): Pick<ParsedEntry, "published" | "updated"> {
  return {
    published: publishedOf(item, item.pubDate, item.atom?.published),
    updated: firstDate(item.atom?.updated, item.dcterms?.modified?.[0]),
  };
}

function rdfItemDates(item: RdfItem): Pick<ParsedEntry, "published" | "updated"> {
  return {
    published: publishedOf(item),
    updated: firstDate(item.dcterms?.modified?.[0]),
  };
}

function rssItemDate(item: RssItem): Date | null {
  const { published, updated } = rssItemDates(item);
  return published ?? updated;
}

function rdfItemDate(item: RdfItem): Date | null {
  const { published, updated } = rdfItemDates(item);
  return published ?? updated;
}

/** A guid doubles as the link when it is a permalink (the default) and an http(s) URL. */
function permalinkGuid(item: RssItem): string | null {
  const guid = cleanToken(item.guid?.value);
  if (guid === null || item.guid?.isPermaLink === false) return null;
  return /^https?:\/\//i.test(guid) ? guid : null;
}

/** An `atom:link rel="alternate"` inside RSS, which some generators add. */
function atomAlternate(links: Array<AtomFeed.Link<string>> | undefined): string | null {
  const link = (links ?? []).find((candidate) => (candidate.rel ?? "alternate") === "alternate");
  return cleanToken(link?.href);
}
