import { type Post, postDate } from "../model/post.ts";
import { feedPosts, planetUrl, type Site } from "../model/site.ts";
import { toXmlText, writeXml, type XmlElement } from "./xml-text.ts";

/** The aggregated RSS 2.0 feed; `selfPath` is where it is published (rss.xml or rss20.xml). */
export function renderRss(site: Site, selfPath: string): string {
  const posts = feedPosts(site);
  const { config } = site;
  const newest = posts[0];
  const channel: XmlElement = {
    title: toXmlText(config.title),
    link: toXmlText(config.link),
    description: toXmlText(config.description || config.title),
    language: config.language,
    lastBuildDate: newest ? postDate(newest).toUTCString() : undefined,
    generator: "planet",
    "atom:link": {
      "@_href": toXmlText(planetUrl(site, selfPath)),
      "@_rel": "self",
      "@_type": "application/rss+xml",
    },
    item: posts.map(rssItem),
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

function rssItem(post: Post): XmlElement {
  return {
    title: toXmlText(`${post.member}: ${post.title}`),
    link: post.link ? toXmlText(post.link) : undefined,
    guid: { "@_isPermaLink": "false", "#text": toXmlText(post.sourceId) },
    pubDate: postDate(post).toUTCString(),
    "dc:creator": toXmlText(post.author ?? post.member),
    category: post.categories.map(toXmlText),
    description: toXmlText(post.contentHtml),
  };
}
