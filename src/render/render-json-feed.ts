import { postDate } from "../model/post.ts";
import type { Site } from "../model/site.ts";
import { removeUnprintable } from "../text/remove-unprintable.ts";
import { channelFileUrl, type FeedChannel, planetChannel } from "./feed-channel.ts";
import { type FeedItem, feedItems } from "./feed-items.ts";

/** One item of a JSON Feed 1.1 (https://jsonfeed.org/version/1.1). */
export interface JsonFeedItem {
  id: string;
  url?: string;
  title: string;
  content_html: string;
  date_published: string;
  date_modified?: string;
  authors: { name: string; url?: string }[];
  tags?: string[];
}

/**
 * feed.json: `channel` (default: the planet's feed) as JSON Feed 1.1, with the items of rss.xml
 * (same ids, titles and sanitized content, bounded alike). JSON.stringify escapes what JSON needs; characters
 * no feed can carry are dropped as in the XML feeds, so every format says the same.
 */
export function renderJsonFeed(site: Site, channel: FeedChannel = planetChannel(site)): string {
  const feed = {
    version: "https://jsonfeed.org/version/1.1",
    title: channel.title,
    home_page_url: channel.link,
    feed_url: channelFileUrl(site, channel, "feed.json"),
    description: channel.description || undefined,
    language: site.config.language,
    authors: [{ name: site.config.owner?.name ?? site.config.title }],
    hubs: site.config.hub === undefined ? undefined : [{ type: "WebSub", url: site.config.hub }],
    items: feedItems(site, channel.posts).map(jsonFeedItem),
  };
  return `${JSON.stringify(feed, printableStrings, 2)}\n`;
}

function printableStrings(_key: string, value: unknown): unknown {
  return typeof value === "string" ? removeUnprintable(value) : value;
}

function jsonFeedItem({ post, contentHtml }: FeedItem): JsonFeedItem {
  return {
    id: post.sourceId,
    url: post.link ?? undefined,
    title: `${post.member}: ${post.title}`,
    content_html: contentHtml,
    date_published: postDate(post).toISOString(),
    date_modified: post.updated?.toISOString(),
    authors: [{ name: post.author ?? post.member, url: post.memberLink ?? undefined }],
    tags: post.categories.length > 0 ? post.categories : undefined,
  };
}
