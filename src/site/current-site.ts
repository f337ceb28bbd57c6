import { join } from "node:path";
import { readSiteData, SITE_DATA_ENV, type SiteData } from "./site-data.ts";

/** Where `npm run build` leaves the hand-off file when no other path is given. */
export function defaultSiteDataPath(cacheDir: string): string {
  return join(cacheDir, "site-data.json");
}

let cached: SiteData | null = null;

/** The data of the build in progress (read once per build, shared by every page). */
export function currentSiteData(): SiteData {
  cached ??= readSiteData(
    process.env[SITE_DATA_ENV] ??
      defaultSiteDataPath(process.env.PLANET_CACHE_DIR ?? ".cache/planet"),
  );
  return cached;
}
