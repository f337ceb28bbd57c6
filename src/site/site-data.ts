import { readFileSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import type { Site } from "../model/site.ts";
import type { SourceHealth } from "../model/source-health.ts";

/** What the pipeline hands to the Astro pages: the site plus the health of every source. */
export interface SiteData {
  site: Site;
  health: { feeds: SourceHealth[]; events: SourceHealth[] };
}

/** Environment variable through which the build tells the Astro pages where the data is. */
export const SITE_DATA_ENV = "PLANET_SITE_DATA";

const DATE_FIELDS = new Set([
  "now",
  "published",
  "updated",
  "firstSeen",
  "start",
  "end",
  "announced",
]);

/** Writes the hand-off file for the Astro pages. */
export async function writeSiteData(path: string, data: SiteData): Promise<void> {
  await writeFile(path, JSON.stringify(data));
}

/** Reads the hand-off file written by the pipeline in this same build (our own format). */
export function readSiteData(path: string): SiteData {
  return JSON.parse(readFileSync(path, "utf8"), (key, value) =>
    DATE_FIELDS.has(key) && typeof value === "string" ? new Date(value) : value,
  );
}
