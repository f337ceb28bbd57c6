import { parseConfig } from "../config/load-config.ts";
import type { PlanetConfig } from "../config/schema.ts";
import { spliceFeeds } from "./splice-feeds.ts";

/** A feed to add, as it will be written to the config (keys in the config's order). */
export interface NewFeed {
  /** The member's name. */
  name: string;
  /** The feed URL. */
  url: string;
  /** The member's site, when known. */
  link?: string;
}

/** A feed that was not added, and why. */
export interface SkippedFeed {
  /** The feed as it was offered. */
  feed: NewFeed;
  /** E.g. `already in the config as "Alice"`. */
  reason: string;
}

/** The edited config text and what happened to each offered feed. */
export interface ConfigEdit {
  /** The new text; the old one unchanged when nothing was added. */
  text: string;
  /** Feeds added, in the order offered. */
  added: NewFeed[];
  /** Feeds left out, in the order offered. */
  skipped: SkippedFeed[];
}

/**
 * Adds feeds to a config text, skipping URLs it already has (feeds or events). The feeds are
 * then sorted by name; every other byte of the text, and each existing entry's text, is kept.
 * Throws ConfigError when the config is invalid before or (a bug) after the edit.
 */
export function addFeedsToConfig(
  text: string,
  feeds: readonly NewFeed[],
  file: string,
): ConfigEdit {
  const config = parseConfig(text, file);
  const { added, skipped } = sortOutFeeds(configuredUrls(config), feeds, file);
  if (added.length === 0) return { text, added, skipped };
  const edited = spliceFeeds(text, config.feeds, added);
  if (edited === null) throw new Error(`${file}: no "feeds" list found`);
  parseConfig(edited, file);
  return { text: edited, added, skipped };
}

/** Splits the offered feeds into new ones and ones to skip, each skip with its reason. */
function sortOutFeeds(
  known: ReadonlyMap<string, string>,
  feeds: readonly NewFeed[],
  file: string,
): { added: NewFeed[]; skipped: SkippedFeed[] } {
  const added: NewFeed[] = [];
  const skipped: SkippedFeed[] = [];
  const offered = new Map<string, string>();
  for (const feed of feeds) {
    const key = urlKey(feed.url);
    const listed = key === null ? undefined : known.get(key);
    const earlier = key === null ? undefined : offered.get(key);
    if (key === null) skipped.push({ feed, reason: "not an http(s) URL" });
    else if (listed !== undefined) {
      skipped.push({ feed, reason: `already in ${file} as "${listed}"` });
    } else if (earlier !== undefined) {
      skipped.push({ feed, reason: `listed twice (first as "${earlier}")` });
    } else {
      offered.set(key, feed.name);
      added.push(feed);
    }
  }
  return { added, skipped };
}

/** Every feed and event URL of a config (canonical spelling) with the name it is listed under. */
export function configuredUrls(config: PlanetConfig): Map<string, string> {
  const known = new Map<string, string>();
  for (const source of [...config.feeds, ...config.events]) {
    known.set(urlKey(source.url) ?? source.url.trim(), source.name);
  }
  return known;
}

/** The URL in one canonical spelling (so `HTTP://Host` matches `http://host/`), or null. */
export function urlKey(url: string): string | null {
  if (!URL.canParse(url.trim())) return null;
  const parsed = new URL(url.trim());
  return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
}
