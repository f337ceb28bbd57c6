import { Parser } from "htmlparser2";

const FEED_TYPES = new Set([
  "application/rss+xml",
  "application/atom+xml",
  "application/feed+json",
  "application/json",
  "application/rdf+xml",
]);

/**
 * The feed URLs an HTML page advertises with `<link rel="alternate" type="…feed type…">`,
 * absolute, in page order, without duplicates: what to suggest when a feed URL is a web page.
 */
export function discoverFeedLinks(html: string, pageUrl: string): string[] {
  const found: string[] = [];
  let base = pageUrl;
  const parser = new Parser({
    onopentag(name, attributes) {
      if (name === "base" && attributes.href && URL.canParse(attributes.href, pageUrl)) {
        base = new URL(attributes.href, pageUrl).href;
      }
      if (name !== "link" || !attributes.href) return;
      const rels = (attributes.rel ?? "").toLowerCase().split(/\s+/);
      const type = (attributes.type ?? "").toLowerCase().split(";")[0]?.trim() ?? "";
      if (!rels.includes("alternate") || !FEED_TYPES.has(type)) return;
      if (!URL.canParse(attributes.href, base)) return;
      const url = new URL(attributes.href, base);
      if (url.protocol === "http:" || url.protocol === "https:") found.push(url.href);
    },
  });
  parser.end(html);
  return [...new Set(found)];
}
