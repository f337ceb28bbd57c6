import { create } from "xmlbuilder2";
import { type Post, postDate } from "../model/post.ts";
import { feedPosts, planetUrl, type Site } from "../model/site.ts";
import { toXmlText } from "./xml-text.ts";

/** The aggregated RSS 2.0 feed; `selfPath` is where it is published (rss.xml or rss20.xml). */
export function renderRss(site: Site, selfPath: string): string {
  const posts = feedPosts(site);
  const { config } = site;
  const channel = create({ version: "1.0", encoding: "UTF-8" })
    .ele("rss", {
      version: "2.0",
      "xmlns:atom": "http://www.w3.org/2005/Atom",
      "xmlns:dc": "http://purl.org/dc/elements/1.1/",
    })
    .ele("channel");
  channel.ele("title").txt(toXmlText(config.title));
  channel.ele("link").txt(toXmlText(config.link));
  channel.ele("description").txt(toXmlText(config.description || config.title));
  channel.ele("language").txt(config.language);
  const newest = posts[0];
  if (newest) channel.ele("lastBuildDate").txt(postDate(newest).toUTCString());
  channel.ele("generator").txt("planet");
  channel.ele("atom:link", {
    href: toXmlText(planetUrl(site, selfPath)),
    rel: "self",
    type: "application/rss+xml",
  });
  for (const post of posts) addItem(channel, post);
  return channel.end({ prettyPrint: true });
}

type XmlNode = ReturnType<typeof create>;

function addItem(channel: XmlNode, post: Post): void {
  const item = channel.ele("item");
  item.ele("title").txt(toXmlText(`${post.member}: ${post.title}`));
  if (post.link) item.ele("link").txt(toXmlText(post.link));
  item.ele("guid", { isPermaLink: "false" }).txt(toXmlText(post.sourceId));
  item.ele("pubDate").txt(postDate(post).toUTCString());
  item.ele("dc:creator").txt(toXmlText(post.author ?? post.member));
  for (const category of post.categories) item.ele("category").txt(toXmlText(category));
  item.ele("description").txt(toXmlText(post.contentHtml));
}
