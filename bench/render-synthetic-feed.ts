/** One of the three formats a member feed comes in. */
export type FeedFormat = "rss" | "atom" | "json";

/** One post of a synthetic feed. */
export interface SyntheticPost {
  id: string;
  title: string;
  link: string;
  published: Date;
  html: string;
}

/** What a synthetic feed document holds. */
export interface SyntheticDocument {
  title: string;
  siteLink: string;
  feedUrl: string;
  posts: SyntheticPost[];
}

/** The media type a server sends for each format. */
export const FORMAT_TYPES: Record<FeedFormat, string> = {
  rss: "application/rss+xml; charset=utf-8",
  atom: "application/atom+xml; charset=utf-8",
  json: "application/feed+json; charset=utf-8",
};

/** Renders a synthetic feed as RSS 2.0, Atom 1.0 or JSON Feed 1.1. */
export function renderSyntheticFeed(format: FeedFormat, doc: SyntheticDocument): string {
  if (format === "rss") return renderRss(doc);
  if (format === "atom") return renderAtom(doc);
  return renderJson(doc);
}

function escapeXml(text: string): string {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
}

function renderRss(doc: SyntheticDocument): string {
  const items = doc.posts.map(
    (post) => `<item>
<title>${escapeXml(post.title)}</title>
<link>${escapeXml(post.link)}</link>
<guid isPermaLink="false">${escapeXml(post.id)}</guid>
<pubDate>${post.published.toUTCString()}</pubDate>
<dc:creator>${escapeXml(doc.title)}</dc:creator>
<content:encoded><![CDATA[${post.html}]]></content:encoded>
</item>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
<title>${escapeXml(doc.title)}</title>
<link>${escapeXml(doc.siteLink)}</link>
<description>A synthetic member blog</description>
${items.join("\n")}
</channel>
</rss>
`;
}

function renderAtom(doc: SyntheticDocument): string {
  const updated = doc.posts[0]?.published.toISOString() ?? new Date(0).toISOString();
  const entries = doc.posts.map(
    (post) => `<entry>
<title>${escapeXml(post.title)}</title>
<link rel="alternate" href="${escapeXml(post.link)}"/>
<id>${escapeXml(post.id)}</id>
<published>${post.published.toISOString()}</published>
<updated>${post.published.toISOString()}</updated>
<content type="html">${escapeXml(post.html)}</content>
</entry>`,
  );
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<title>${escapeXml(doc.title)}</title>
<link rel="alternate" href="${escapeXml(doc.siteLink)}"/>
<link rel="self" href="${escapeXml(doc.feedUrl)}"/>
<id>${escapeXml(doc.feedUrl)}</id>
<updated>${updated}</updated>
<author><name>${escapeXml(doc.title)}</name></author>
${entries.join("\n")}
</feed>
`;
}

function renderJson(doc: SyntheticDocument): string {
  return JSON.stringify({
    version: "https://jsonfeed.org/version/1.1",
    title: doc.title,
    home_page_url: doc.siteLink,
    feed_url: doc.feedUrl,
    authors: [{ name: doc.title }],
    items: doc.posts.map((post) => ({
      id: post.id,
      url: post.link,
      title: post.title,
      date_published: post.published.toISOString(),
      content_html: post.html,
    })),
  });
}
