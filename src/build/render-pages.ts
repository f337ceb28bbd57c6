import { fileURLToPath } from "node:url";
import { SITE_DATA_ENV } from "../site/site-data.ts";

/** The project root: Astro finds src/pages and public/ there. */
export const PROJECT_ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** Renders the Astro pages into `outDir` from the hand-off file at `siteDataPath`. */
export async function renderPages(options: {
  siteDataPath: string;
  outDir: string;
  siteLink: string;
}): Promise<void> {
  const previous = process.env[SITE_DATA_ENV];
  process.env[SITE_DATA_ENV] = options.siteDataPath;
  try {
    const link = new URL(options.siteLink);
    // Loaded here, not at start-up: a bad config or a held lock is reported without Astro's cost.
    const { build } = await import("astro");
    await build({
      root: PROJECT_ROOT,
      outDir: options.outDir,
      site: link.origin,
      base: link.pathname,
      logLevel: "warn",
      build: { inlineStylesheets: "never" },
    });
  } finally {
    if (previous === undefined) delete process.env[SITE_DATA_ENV];
    else process.env[SITE_DATA_ENV] = previous;
  }
}
