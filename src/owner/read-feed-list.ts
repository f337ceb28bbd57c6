import { errorMessage } from "../model/caught-error.ts";
import type { NewFeed } from "./add-feeds-to-config.ts";
import { readOpmlFeeds } from "./read-opml-feeds.ts";
import { readVenusFeeds } from "./read-venus-feeds.ts";

/** The feeds of a list, and which kind of list it was. */
export type FeedList =
  | { ok: true; format: "opml" | "venus"; feeds: NewFeed[] }
  | { ok: false; message: string };

/** Reads an OPML file or a Planet Venus config.ini, told apart by their first character. */
export function readFeedList(text: string): FeedList {
  const body = text.replace(/^\uFEFF/, "").trimStart();
  if (body.startsWith("<")) {
    try {
      return { ok: true, format: "opml", feeds: readOpmlFeeds(body) };
    } catch (error) {
      const reason = errorMessage(error);
      return { ok: false, message: `not a readable OPML file (${reason})` };
    }
  }
  const feeds = readVenusFeeds(body);
  if (feeds.length > 0) return { ok: true, format: "venus", feeds };
  return {
    ok: false,
    message: "neither OPML nor a Planet Venus config.ini with [http://…] feed sections",
  };
}
