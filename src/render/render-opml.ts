import type { Site } from "../model/site.ts";
import { writeXml } from "./xml-text.ts";

/** The blogroll as OPML 2.0: one outline per member feed, in config order. */
export function renderOpml(site: Site): string {
  return writeXml({
    opml: {
      "@_version": "2.0",
      head: {
        title: site.config.title,
        ownerName: site.config.owner?.name,
        docs: "http://opml.org/spec2.opml",
      },
      body: {
        outline: site.members.map((member) => ({
          "@_type": "rss",
          "@_text": member.name,
          "@_title": member.feedTitle ?? member.name,
          "@_xmlUrl": member.feedUrl,
          "@_htmlUrl": member.link || undefined,
        })),
      },
    },
  });
}
