import { create } from "xmlbuilder2";
import type { Site } from "../model/site.ts";
import { toXmlText } from "./xml-text.ts";

/** The blogroll as OPML 2.0: one outline per member feed, in config order. */
export function renderOpml(site: Site): string {
  const opml = create({ version: "1.0", encoding: "UTF-8" }).ele("opml", { version: "2.0" });
  const head = opml.ele("head");
  head.ele("title").txt(toXmlText(site.config.title));
  if (site.config.owner) head.ele("ownerName").txt(toXmlText(site.config.owner.name));
  head.ele("docs").txt("http://opml.org/spec2.opml");
  const body = opml.ele("body");
  for (const member of site.members) {
    body.ele("outline", {
      type: "rss",
      text: toXmlText(member.name),
      title: toXmlText(member.feedTitle ?? member.name),
      xmlUrl: toXmlText(member.feedUrl),
      ...(member.link ? { htmlUrl: toXmlText(member.link) } : {}),
    });
  }
  return opml.end({ prettyPrint: true });
}
