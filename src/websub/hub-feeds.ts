import type { Site } from "../model/site.ts";
import { channelFilePath, channelFileUrl, feedChannels } from "../render/feed-channel.ts";

/** A feed file the hub is told about: where it is under dist/ and the URL subscribers use. */
export interface HubFeed {
  path: string;
  url: string;
}

/** Every feed that names the hub: the planet's (in each format) and each category's. */
export function hubFeeds(site: Site): HubFeed[] {
  return feedChannels(site).flatMap((channel) =>
    channel.files.map((file) => ({
      path: channelFilePath(channel, file),
      url: channelFileUrl(site, channel, file),
    })),
  );
}
