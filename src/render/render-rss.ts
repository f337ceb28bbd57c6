import { postDate } from "../model/post.ts";
import { planetUrl, type Site } from "../model/site.ts";
import { type FeedItem, feedItems } from "./feed-items.ts";
import { writeXml, type XmlElement } from "./xml-text.ts";

/** The aggregated RSS 2.0 feed; `selfPath` is where it is published (rss.xml or rss20.xml). */
export function renderRss(site: Site, selfPath: string): string {
  const items = feedItems(site);
  const { config } = site;
  const newest = items[0]?.post;
  const channel: XmlElement = {
    title: config.title,
    link: config.link,
    description: config.description || config.title,
    language: config.language,
    lastBuildDate: newest ? postDate(newest).toUTCString() : undefined,
    generator: "planet",
    "atom:link": {
      "@_href": planetUrl(site, selfPath),
      "@_rel": "self",
      "@_type": "application/rss+xml",
    },
    item: items.map(rssItem),
  };
  return writeXml({
    rss: {
      "@_version": "2.0",
      "@_xmlns:atom": "http://www.w3.org/2005/Atom",
      "@_xmlns:dc": "http://purl.org/dc/elements/1.1/",
      channel,
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
