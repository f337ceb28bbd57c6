import { escapeRegExp } from "../text/escape-reg-exp.ts";

/** Namespaces RSS 0.9x/2.0 elements have been written in (RSS itself defines none). */
const RSS_NAMESPACES = new Set([
  "http://backend.userland.com/rss2",
  "http://backend.userland.com/rss",
  "http://blogs.law.harvard.edu/tech/rss",
  "http://purl.org/rss/2.0/",
]);

/** Sections whose text is not markup: CDATA and comments. */
const NOT_MARKUP = /<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->/g;

/** The root start tag: its prefix, local name and attributes. */
const ROOT_TAG = /<(?:([A-Za-z_][\w.-]*):)?([A-Za-z_][\w.-]*)(\s[^>]*)?>/;

/**
 * The prefixes an RSS document writes its own elements with: the root's, when the root is
 * `<prefix:rss>`, and any declared on the root for a namespace RSS 2.0 was published under.
 */
function rssPrefixes(rootTag: RegExpExecArray): string[] {
  const [, prefix, local, attributes = ""] = rootTag;
  const prefixes = new Set<string>();
  if (prefix !== undefined && local === "rss") prefixes.add(prefix);
  for (const [, declared, uri] of attributes.matchAll(/xmlns:([\w.-]+)\s*=\s*["']([^"']*)["']/g)) {
    if (declared !== undefined && RSS_NAMESPACES.has((uri ?? "").trim())) prefixes.add(declared);
  }
  return [...prefixes];
}

/**
 * An RSS document with its elements' namespace prefix taken off (`<r:rss xmlns:r="…">`,
 * `<r:item>` → `<rss>`, `<item>`), so that the RSS reader, which knows RSS elements by their
 * plain names, reads it as feedparser does. Text in CDATA sections and comments is left as it
 * is; a document without such prefixes is returned unchanged.
 */
export function unprefixRss(text: string): string {
  const afterProlog = text.replace(
    /^(?:\uFEFF|\s|<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>)*/i,
    "",
  );
  const rootTag = ROOT_TAG.exec(afterProlog);
  if (rootTag === null || rootTag.index !== 0) return text;
  const prefixes = rssPrefixes(rootTag);
  if (prefixes.length === 0) return text;
  const names = new RegExp(`<(/?)(?:${prefixes.map(escapeRegExp).join("|")}):`, "g");
  let result = "";
  let last = 0;
  for (const section of text.matchAll(NOT_MARKUP)) {
    result += text.slice(last, section.index).replace(names, "<$1") + section[0];
    last = section.index + section[0].length;
  }
  return result + text.slice(last).replace(names, "<$1");
}
