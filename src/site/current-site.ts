import { join } from "node:path";
import { readSiteData, SITE_DATA_ENV, type SiteData } from "./site-data.ts";

/** Where `npm run build` leaves the hand-off file when no other path is given. */
export function defaultSiteDataPath(cacheDir: string): string {
  return join(cacheDir, "site-data.json");
}

let cached: { path: string; data: SiteData } | null = null;

/** The data of the build in progress (read once per build, shared by every page). */
export function currentSiteData(): SiteData {
  const path =
    process.env[SITE_DATA_ENV] ??
    defaultSiteDataPath(process.env.PLANET_CACHE_DIR ?? ".cache/planet");
  // Each build hands its data over under a path of its own; a new path is a new build.
  if (cached?.path !== path) cached = { path, data: readSiteData(path) };
  return cached.data;
}
