import { fileURLToPath } from "node:url";
import { handOffSiteData, type SiteData } from "../site/site-data.ts";

/** The project root: Astro finds src/pages and public/ there. */
export const PROJECT_ROOT = fileURLToPath(new URL("../../", import.meta.url));

/**
 * Renders the Astro pages of `data` into `outDir`. Pages whose cache key (page-cache-keys.ts)
 * and template are those of an earlier build are copied from Astro's cache in `astroCacheDir`
 * instead of rendered again.
 */
export async function renderPages(
  data: SiteData,
  outDir: string,
  astroCacheDir: string,
): Promise<void> {
  handOffSiteData(data);
  try {
    const link = new URL(data.site.config.link);
    // Loaded here, not at start-up: a bad config or a held lock is reported without Astro's cost.
    const { build } = await import("astro");
    await build({
      root: PROJECT_ROOT,
      outDir,
      cacheDir: astroCacheDir,
      experimental: { incrementalBuild: true },
      site: link.origin,
      base: link.pathname,
      logLevel: "warn",
      build: { inlineStylesheets: "never" },
    });
  } finally {
    handOffSiteData(null);
  }
}
