import { join } from "node:path";
import { handedOffSiteData, readSiteData, type SiteData } from "./site-data.ts";

/** Where a build leaves its site data for `astro dev` and `astro preview`. */
export function defaultSiteDataPath(cacheDir: string): string {
  return join(cacheDir, "site-data.json");
}

let lastRead: { path: string; data: SiteData } | null = null;

/** The data of the build in progress; under `astro dev`, that of the last build. */
export function currentSiteData(): SiteData {
  const handed = handedOffSiteData();
  if (handed !== null) return handed;
  const path = defaultSiteDataPath(process.env.PLANET_CACHE_DIR ?? ".cache/planet");
  if (lastRead?.path !== path) lastRead = { path, data: readSiteData(path) };
  return lastRead.data;
}
