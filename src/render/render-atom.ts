import { postDate } from "../model/post.ts";
import { planetUrl, type Site } from "../model/site.ts";
import { postAnchor } from "../site/page-links.ts";
import { type FeedChannel, feedSelfLinks, planetChannel } from "./feed-channel.ts";
import { type FeedItem, feedItems } from "./feed-items.ts";
import { writeXml, type XmlElement } from "./xml-text.ts";

// A script scheme is an IRI too, but readers fall back to an entry's id as its link.
const URI_SCHEME = /^(?!(?:javascript|vbscript|data):)[a-z][a-z0-9+.-]*:\S+$/i;

/** An Atom 1.0 feed of `channel`: by default the planet's aggregated feed, atom.xml. */
export function renderAtom(site: Site, channel: FeedChannel = planetChannel(site)): string {
  const items = feedItems(site, channel.posts);
  const { config } = site;
  const newest = items[0]?.post;
  return writeXml({
    feed: {
      "@_xmlns": "http://www.w3.org/2005/Atom",
      "@_xml:lang": config.language,
      title: { "@_type": "text", "#text": channel.title },
      subtitle: channel.description || undefined,
      id: channel.link,
      link: [
        ...feedSelfLinks(site, channel, "atom.xml", "application/atom+xml").map((link) => ({
          "@_rel": link.rel,
          "@_type": link.type,
          "@_href": link.href,
        })),
        { "@_rel": "alternate", "@_type": "text/html", "@_href": channel.link },
      ],
      updated: (newest ? postDate(newest) : site.now).toISOString(),
      generator: "planet",
      author: { name: config.owner?.name ?? config.title },
      entry: items.map((item) => atomEntry(item, site)),
    },
  });
}

function atomEntry({ post, contentHtml }: FeedItem, site: Site): XmlElement {
  // atom:id must be an IRI; ids that are not get one made from the planet's URL and the stable key.
  const id = URI_SCHEME.test(post.sourceId)
    ? post.sourceId
    : planetUrl(site, `#${postAnchor(post)}`);
  const memberLink = post.memberLink || undefined;
  return {
    title: { "@_type": "text", "#text": `${post.member}: ${post.title}` },
    id: id,
    link: post.link
      ? { "@_rel": "alternate", "@_type": "text/html", "@_href": post.link }
      : undefined,
    published: post.published?.toISOString(),
    updated: (post.updated ?? postDate(post)).toISOString(),
    author: { name: post.author ?? post.member, uri: memberLink },
    category: post.categories.map((category) => ({ "@_term": category })),
    content: { "@_type": "html", "#text": contentHtml },
    source: {
      id: post.feedUrl,
      title: post.member,
      link: memberLink ? { "@_rel": "alternate", "@_href": memberLink } : undefined,
    },
  };
}
