import { createWriteStream, readFileSync } from "node:fs";
import { finished } from "node:stream/promises";
import type { Site } from "../model/site.ts";
import type { SourceHealth } from "../model/source-health.ts";

/** What the pipeline hands to the Astro pages: the site plus the health of every source. */
export interface SiteData {
  site: Site;
  health: { feeds: SourceHealth[]; events: SourceHealth[] };
}

// Astro renders the pages inside the build's own process, so the site goes to them as the very
// object the pipeline made: no second copy in memory, no serializing, no size limit.
const HAND_OFF = Symbol.for("planet.site-data");
const handOff = globalThis as { [HAND_OFF]?: SiteData | null };

/**
 * Gives `data` to the pages rendered next in this process; null takes it back. One render at a
 * time: a second one would make the first render the second's pages, so it is refused.
 */
export function handOffSiteData(data: SiteData | null): void {
  if (data !== null && handedOffSiteData() !== null) {
    throw new Error("another render is in progress in this process; render one site at a time");
  }
  handOff[HAND_OFF] = data;
}

/** The data handed over by the build in progress, or null outside a build (`astro dev`). */
export function handedOffSiteData(): SiteData | null {
  return handOff[HAND_OFF] ?? null;
}

const DATE_FIELDS = new Set([
  "now",
  "published",
  "updated",
  "firstSeen",
  "start",
  "end",
  "announced",
]);

/**
 * Writes the site data for `astro dev` and `astro preview`. Posts are written one at a time:
 * one JSON string of them all would pass V8's string length limit near 75,000 posts.
 */
export async function writeSiteData(path: string, data: SiteData): Promise<void> {
  const { posts, ...rest } = data.site;
  const out = createWriteStream(path);
  // The site without its posts, reopened to add them: `{"site":{…,"posts":[…]},"health":…}`.
  out.write(`{"site":${JSON.stringify(rest).slice(0, -1)},"posts":[`);
  for (const [i, post] of posts.entries()) {
    if (!out.write(`${i === 0 ? "" : ","}${JSON.stringify(post)}`)) {
      await new Promise<void>((resolve) => out.once("drain", () => resolve()));
    }
  }
  out.end(`]},"health":${JSON.stringify(data.health)}}`);
  await finished(out);
}

/** Reads the site data file written by writeSiteData (our own format). */
export function readSiteData(path: string): SiteData {
  return JSON.parse(readFileSync(path, "utf8"), (key, value) =>
    DATE_FIELDS.has(key) && typeof value === "string" ? new Date(value) : value,
  );
}
