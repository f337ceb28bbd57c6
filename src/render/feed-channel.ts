import type { ListedPost } from "../model/post.ts";
import { feedPosts, planetUrl, type Site } from "../model/site.ts";
import {
  type CategoryPage,
  categoryFolder,
  categoryPages,
  categoryPosts,
} from "../site/category-pages.ts";

/** The files a channel's feed is written as, in its folder. */
export type FeedFile = "rss.xml" | "rss20.xml" | "atom.xml" | "feed.json";

/** What one feed of the planet is about: the whole planet's, or one category's. */
export interface FeedChannel {
  title: string;
  /** One line about it; may be empty. */
  description: string;
  /** The page the feed stands for, absolute. */
  link: string;
  /** Where the channel's feed files live under dist/, "" or ending in "/". */
  folder: string;
  /** The files written there. */
  files: FeedFile[];
  /** Its items, newest first. */
  posts: ListedPost[];
}

/** The planet's own feeds: rss.xml, atom.xml, feed.json. */
export function planetChannel(site: Site): FeedChannel {
  const { config } = site;
  return {
    title: config.title,
    description: config.description,
    link: config.link,
    folder: "",
    // rss20.xml is Planet Venus' name for the same feed: its subscribers and consumers keep working.
    files: ["rss.xml", "rss20.xml", "atom.xml", "feed.json"],
    posts: feedPosts(site),
  };
}

/** A category's feeds, categories/<slug>/rss.xml and atom.xml: its page's newest posts. */
export function categoryChannel(site: Site, category: CategoryPage): FeedChannel {
  const folder = categoryFolder(category.slug);
  return {
    title: `${site.config.title}: ${category.name}`,
    description: `Posts filed under ${category.name} on ${site.config.title}`,
    link: planetUrl(site, folder),
    folder,
    files: ["rss.xml", "atom.xml"],
    posts: categoryPosts(site, category).slice(0, site.config.postsPerPage),
  };
}

/** Every feed the planet writes: its own, then each category's. */
export function feedChannels(site: Site): FeedChannel[] {
  return [planetChannel(site), ...categoryPages(site).map((c) => categoryChannel(site, c))];
}

/** Where a feed file of `channel` is under dist/, e.g. `categories/nixos/rss.xml`. */
export function channelFilePath(channel: FeedChannel, file: string): string {
  return `${channel.folder}${file}`;
}

/** The absolute URL of a feed file of `channel`, e.g. its `rss.xml`. */
export function channelFileUrl(site: Site, channel: FeedChannel, file: string): string {
  return planetUrl(site, channelFilePath(channel, file));
}

/**
 * The links a feed gives of itself: `self`, and the WebSub hub that pushes it to subscribers when
 * the planet has one (WebSub 4: both, so a subscriber knows which URL to subscribe to where).
 */
export function feedSelfLinks(
  site: Site,
  channel: FeedChannel,
  file: string,
  type: string,
): { rel: string; href: string; type?: string }[] {
  const self = { rel: "self", href: channelFileUrl(site, channel, file), type };
  return site.config.hub === undefined ? [self] : [self, { rel: "hub", href: site.config.hub }];
}
