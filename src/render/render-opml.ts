import type { Site } from "../model/site.ts";
import { toXmlText, writeXml } from "./xml-text.ts";

/** The blogroll as OPML 2.0: one outline per member feed, in config order. */
export function renderOpml(site: Site): string {
  return writeXml({
    opml: {
      "@_version": "2.0",
      head: {
        title: toXmlText(site.config.title),
        ownerName: site.config.owner ? toXmlText(site.config.owner.name) : undefined,
        docs: "http://opml.org/spec2.opml",
      },
      body: {
        outline: site.members.map((member) => ({
          "@_type": "rss",
          "@_text": toXmlText(member.name),
          "@_title": toXmlText(member.feedTitle ?? member.name),
          "@_xmlUrl": toXmlText(member.feedUrl),
          "@_htmlUrl": member.link ? toXmlText(member.link) : undefined,
        })),
      },
    },
  });
}
