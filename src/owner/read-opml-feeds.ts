import { type Opml, parseOpml } from "feedsmith";
import type { NewFeed } from "./add-feeds-to-config.ts";
import { nameFromUrl } from "./name-from-url.ts";

type Outline = Opml.Outline<string>;

/**
 * The feeds of an OPML subscription list or blogroll, in document order, folders (nested
 * outlines) included: `xmlUrl` is the feed, `text` (else `title`) the name, `htmlUrl` the site.
 * Throws when the text is not OPML.
 */
export function readOpmlFeeds(text: string): NewFeed[] {
  const document = parseOpml(text);
  return collectFeeds(document.body?.outlines ?? []);
}

function collectFeeds(outlines: readonly Outline[]): NewFeed[] {
  return outlines.flatMap((outline) => [
    ...(outline.xmlUrl?.trim() ? [toFeed(outline, outline.xmlUrl.trim())] : []),
    ...collectFeeds(outline.outlines ?? []),
  ]);
}

function toFeed(outline: Outline, url: string): NewFeed {
  const name = outline.text?.trim() || outline.title?.trim() || nameFromUrl(url);
  const link = outline.htmlUrl?.trim();
  return link && isHttpUrl(link) ? { name, url, link } : { name, url };
}

function isHttpUrl(value: string): boolean {
  return URL.canParse(value) && /^https?:$/.test(new URL(value).protocol);
}
