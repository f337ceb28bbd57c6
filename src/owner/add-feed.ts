import { parseConfig, readConfigText } from "../config/load-config.ts";
import type { Logger } from "../log/logger.ts";
import { addFeedsToConfig, configuredUrls, type NewFeed, urlKey } from "./add-feeds-to-config.ts";
import { writeConfigText } from "./config-file.ts";
import { ownerFetchOptions } from "./fetch-document.ts";
import { findFeed } from "./find-feed.ts";

/** What `npm run add-feed` was asked. */
export interface AddFeedRequest {
  /** A feed URL, or a blog page that advertises its feed. */
  url: string;
  /** The member's name (`--name`), or null to take the feed's title. */
  name: string | null;
  /** The config file to edit. */
  configPath: string;
}

/** The feed added and the config's new feed count, or why nothing was changed. */
export type AddFeedOutcome =
  | { ok: true; feed: NewFeed; feeds: number }
  | { ok: false; message: string };

/**
 * Finds, fetches and parses the feed behind a URL and adds it to the config, sorted by name.
 * Throws ConfigError when the config itself is invalid.
 */
export async function addFeed(request: AddFeedRequest, log: Logger): Promise<AddFeedOutcome> {
  const file = request.configPath;
  const text = await readConfigText(file);
  const config = parseConfig(text, file);
  if (urlKey(request.url) === null) {
    return { ok: false, message: `${request.url} is not an http(s) URL` };
  }
  const listed = configuredUrls(config).get(urlKey(request.url) ?? "");
  if (listed !== undefined) {
    return { ok: false, message: `${request.url} is already in ${file} as "${listed}"` };
  }
  log.debug(`Fetching ${request.url}`);
  const found = await findFeed(request.url, ownerFetchOptions(config));
  if (!found.ok) return found;
  if (found.feed.page !== null) {
    log.info(`${found.feed.page} is a web page; it advertises the feed ${found.feed.url}`);
  }
  const name = request.name?.trim() || found.feed.title;
  if (!name) {
    return { ok: false, message: `${found.feed.url} has no title: give a name with --name "…"` };
  }
  const feed: NewFeed =
    found.feed.page === null
      ? { name, url: found.feed.url }
      : { name, url: found.feed.url, link: found.feed.page };
  const edit = addFeedsToConfig(text, [feed], file);
  const skipped = edit.skipped[0];
  if (skipped) return { ok: false, message: `${feed.url} is ${skipped.reason}` };
  await writeConfigText(file, edit.text);
  return { ok: true, feed, feeds: config.feeds.length + 1 };
}
