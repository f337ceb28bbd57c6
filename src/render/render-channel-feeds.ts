import type { Site } from "../model/site.ts";
import { channelFilePath, type FeedChannel, type FeedFile, feedChannels } from "./feed-channel.ts";
import { renderAtom } from "./render-atom.ts";
import { renderJsonFeed } from "./render-json-feed.ts";
import { renderRss } from "./render-rss.ts";

/** Every file of every feed of the planet (its own and each category's), by path under dist/. */
export function renderChannelFeeds(site: Site): Record<string, string> {
  const files: Record<string, string> = {};
  for (const channel of feedChannels(site)) {
    for (const file of channel.files) {
      files[channelFilePath(channel, file)] = renderFeedFile(site, channel, file);
    }
  }
  return files;
}

function renderFeedFile(site: Site, channel: FeedChannel, file: FeedFile): string {
  switch (file) {
    case "rss.xml":
    case "rss20.xml":
      return renderRss(site, file, channel);
    case "atom.xml":
      return renderAtom(site, channel);
    case "feed.json":
      return renderJsonFeed(site, channel);
  }
}
