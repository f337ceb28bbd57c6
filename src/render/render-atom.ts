import { create } from "xmlbuilder2";
import { type Post, postDate } from "../model/post.ts";
import { feedPosts, planetUrl, type Site } from "../model/site.ts";
import { toXmlText } from "./xml-text.ts";

// A script scheme is an IRI too, but readers fall back to an entry's id as its link.
const URI_SCHEME = /^(?!(?:javascript|vbscript|data):)[a-z][a-z0-9+.-]*:\S+$/i;

/** The aggregated Atom 1.0 feed. */
export function renderAtom(site: Site): string {
  const posts = feedPosts(site);
  const { config } = site;
  const feed = create({ version: "1.0", encoding: "UTF-8" }).ele("feed", {
    xmlns: "http://www.w3.org/2005/Atom",
    "xml:lang": config.language,
  });
  feed.ele("title", { type: "text" }).txt(toXmlText(config.title));
  if (config.description) feed.ele("subtitle").txt(toXmlText(config.description));
  feed.ele("id").txt(toXmlText(config.link));
  feed.ele("link", {
    rel: "self",
    type: "application/atom+xml",
    href: toXmlText(planetUrl(site, "atom.xml")),
  });
  feed.ele("link", { rel: "alternate", type: "text/html", href: toXmlText(config.link) });
  const newest = posts[0];
  feed.ele("updated").txt((newest ? postDate(newest) : site.now).toISOString());
  feed.ele("generator").txt("planet");
  feed
    .ele("author")
    .ele("name")
    .txt(toXmlText(config.owner?.name ?? config.title));
  for (const post of posts) addEntry(feed, post, site);
  return feed.end({ prettyPrint: true });
}

type XmlNode = ReturnType<typeof create>;

function addEntry(feed: XmlNode, post: Post, site: Site): void {
  const entry = feed.ele("entry");
  entry.ele("title", { type: "text" }).txt(toXmlText(`${post.member}: ${post.title}`));
  // atom:id must be an IRI; ids that are not get one made from the planet's URL and the stable key.
  const id = URI_SCHEME.test(post.sourceId) ? post.sourceId : planetUrl(site, `#post-${post.key}`);
  entry.ele("id").txt(toXmlText(id));
  if (post.link) {
    entry.ele("link", { rel: "alternate", type: "text/html", href: toXmlText(post.link) });
  }
  if (post.published) entry.ele("published").txt(post.published.toISOString());
  entry.ele("updated").txt((post.updated ?? postDate(post)).toISOString());
  const author = entry.ele("author");
  author.ele("name").txt(toXmlText(post.author ?? post.member));
  if (post.memberLink) author.ele("uri").txt(toXmlText(post.memberLink));
  for (const category of post.categories) entry.ele("category", { term: toXmlText(category) });
  entry.ele("content", { type: "html" }).txt(toXmlText(post.contentHtml));
  const source = entry.ele("source");
  source.ele("id").txt(toXmlText(post.feedUrl));
  source.ele("title").txt(toXmlText(post.member));
  if (post.memberLink) source.ele("link", { rel: "alternate", href: toXmlText(post.memberLink) });
}
