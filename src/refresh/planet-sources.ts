import { isAbsolute, resolve } from "node:path";
import type { FeedFilter, PlanetConfig } from "../config/schema.ts";
import type { BodyReader } from "./body-reader.ts";

/** Where a source's document comes from. */
export type SourceLocation = { kind: "http"; url: string } | { kind: "file"; path: string };

/** One configured source: a member's feed or an event source, read the same way. */
export interface Source {
  kind: "feed" | "events";
  name: string;
  /** The URL or path as configured: the source's identity in the cache and in reports. */
  url: string;
  /** The configured site link, or null to take the one the source gives. */
  link: string | null;
  face: string | null;
  /** Categories the member's feed is filed under; always empty for event sources. */
  categories: string[];
  /** Which of a member's posts the planet takes; null for all (and for event sources). */
  filter: FeedFilter | null;
  location: SourceLocation;
  read: BodyReader;
}

/** Every source of the planet: member feeds first, then event sources, in config order. */
export function planetSources(config: PlanetConfig, configDir: string, now: Date): Source[] {
  const feeds = config.feeds.map(
    (feed): Source => ({
      kind: "feed",
      name: feed.name,
      url: feed.url,
      link: feed.link ?? null,
      face: feed.face ?? null,
      categories: [...feed.categories],
      filter: feed.filter ?? null,
      location: { kind: "http", url: feed.url },
      read: loadedOnFirstUse(async () =>
        (await import("./read-feed-body.ts")).feedBodyReader(feed, now),
      ),
    }),
  );
  const events = config.events.map(
    (source): Source => ({
      kind: "events",
      name: source.name,
      url: source.url,
      link: source.link ?? null,
      face: null,
      categories: [],
      filter: null,
      location: locate(source.url, configDir),
      read: loadedOnFirstUse(async () =>
        (await import("./read-event-body.ts")).eventBodyReader(source, {
          now,
          language: config.language,
        }),
      ),
    }),
  );
  return [...feeds, ...events];
}

/**
 * A reader whose module is imported when it first has a body to read. The parsers, the sanitizer
 * and the iCalendar reader are a third of start-up, and a build whose sources all answered 304,
 * or an offline one, reads no body at all.
 */
function loadedOnFirstUse(load: () => Promise<BodyReader>): BodyReader {
  let reader: Promise<BodyReader> | null = null;
  return async (text, finalUrl, previous) => {
    reader ??= load();
    return (await reader)(text, finalUrl, previous);
  };
}

/** An http(s) URL is fetched; anything else is a path, relative to the config file's folder. */
function locate(url: string, configDir: string): SourceLocation {
  if (/^https?:\/\//i.test(url)) return { kind: "http", url };
  const path = url.startsWith("file://") ? new URL(url).pathname : url;
  return { kind: "file", path: isAbsolute(path) ? path : resolve(configDir, path) };
}
