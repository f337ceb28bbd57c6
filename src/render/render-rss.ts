import { postDate } from "../model/post.ts";
import type { Site } from "../model/site.ts";
import { type FeedChannel, feedSelfLinks, planetChannel } from "./feed-channel.ts";
import { type FeedItem, feedItems } from "./feed-items.ts";
import { writeXml, type XmlElement } from "./xml-text.ts";

/**
 * An RSS 2.0 feed of `channel` (default: the planet's aggregated feed); `file` is its name in the
 * channel's folder (rss.xml, or rss20.xml for Planet Venus' subscribers).
 */
export function renderRss(
  site: Site,
  file: string,
  channel: FeedChannel = planetChannel(site),
): string {
  const items = feedItems(site, channel.posts);
  const newest = items[0]?.post;
  const rssChannel: XmlElement = {
    title: channel.title,
    link: channel.link,
    description: channel.description || channel.title,
    language: site.config.language,
    lastBuildDate: newest ? postDate(newest).toUTCString() : undefined,
    generator: "planet",
    "atom:link": feedSelfLinks(site, channel, file, "application/rss+xml").map((link) => ({
      "@_href": link.href,
      "@_rel": link.rel,
      "@_type": link.type,
    })),
    item: items.map(rssItem),
  };
  return writeXml({
    rss: {
      "@_version": "2.0",
      "@_xmlns:atom": "http://www.w3.org/2005/Atom",
      "@_xmlns:dc": "http://purl.org/dc/elements/1.1/",
      channel: rssChannel,
    },
  });
}

function rssItem({ post, contentHtml }: FeedItem): XmlElement {
  return {
    title: `${post.member}: ${post.title}`,
    link: post.link || undefined,
    guid: { "@_isPermaLink": "false", "#text": post.sourceId },
    pubDate: postDate(post).toUTCString(),
    "dc:creator": post.author ?? post.member,
    category: post.categories,
    description: contentHtml,
  };
}
