import type { JsonFeed } from "feedsmith";
import type { ParsedEntry, ParsedFeed } from "../model/parsed-feed.ts";
import { POSTS_KEPT_PER_FEED } from "../store/feed-record.ts";
import { textToHtml } from "../text/text-to-html.ts";
import {
  cleanHtml,
  cleanText,
  cleanToken,
  firstAuthorName,
  firstPresent,
  uniqueLabels,
} from "./feed-fields.ts";
import { keepNewestItems } from "./newest-items.ts";
import { parseDate } from "./parse-date.ts";

type Feed = JsonFeed.Feed<string>;
type Item = JsonFeed.Item<string>;

/** Maps a JSON Feed (1.0 or 1.1) as feedsmith reads it into a ParsedFeed. */
export function mapJsonFeed(feed: Feed): ParsedFeed {
  const items = keepNewestItems(feed.items ?? [], itemDate, POSTS_KEPT_PER_FEED);
  return {
    format: "json",
    title: cleanText(feed.title),
    link: cleanToken(feed.home_page_url),
    base: null,
    entries: items.kept.map((item) => mapItem(item, feed)),
    omittedEntries: items.omitted,
  };
}

function mapItem(item: Item, feed: Feed): ParsedEntry {
  return {
    id: cleanToken(item.id),
    title: cleanText(item.title),
    link: firstPresent(cleanToken(item.url), cleanToken(item.external_url)),
    base: null,
    contentBase: null,
    published: parseDate(item.date_published),
    updated: parseDate(item.date_modified),
    // Items inherit the feed's authors (JSON Feed 1.1 "authors"; feedsmith maps 1.0 "author").
    author: firstAuthorName([...(item.authors ?? []), ...(feed.authors ?? [])].map((a) => a.name)),
    contentHtml: firstPresent(
      cleanHtml(item.content_html),
      plainTextHtml(item.content_text),
      plainTextHtml(item.summary),
    ),
    categories: uniqueLabels(item.tags ?? []),
  };
}

function itemDate(item: Item): Date | null {
  return parseDate(item.date_published) ?? parseDate(item.date_modified);
}

function plainTextHtml(text: string | undefined): string | null {
  return text === undefined || text.trim() === "" ? null : textToHtml(text);
}
