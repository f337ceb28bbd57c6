import { fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import { handOffSiteData, type SiteData } from "../site/site-data.ts";
import type { RenderRequest, RenderResponse } from "./render-child.ts";

/** The project root: Astro finds src/pages and public/ there. */
export const PROJECT_ROOT = fileURLToPath(new URL("../../", import.meta.url));

const RENDER_CHILD = fileURLToPath(new URL("./render-child.ts", import.meta.url));

/**
 * Renders the Astro pages of `data` into `outDir`, in a child process (render-child.ts). Astro and
 * its bundler keep ~500 MB outside V8's heap until the process ends; rendering in a process of
 * its own gives that back before Pagefind indexes the pages, which needs as much again. The site
 * goes across as a structured clone.
 */
export async function renderPages(
  data: SiteData,
  outDir: string,
  astroCacheDir: string,
): Promise<void> {
  const child = fork(RENDER_CHILD, [], { serialization: "advanced", stdio: "inherit" });
  const answered = new Promise<RenderResponse>((resolve, reject) => {
    child.once("message", (response: RenderResponse) => resolve(response));
    child.once("exit", (code, signal) =>
      reject(new Error(`the render process stopped (${signal ?? `exit code ${code}`})`)),
    );
    child.once("error", reject);
  });
  child.send({ data, outDir, astroCacheDir } satisfies RenderRequest);
  const response = await answered;
  await new Promise<void>((resolve) => {
    if (child.exitCode !== null) resolve();
    else child.once("exit", () => resolve());
  });
  if (!response.ok) throw new Error(`Astro could not render the pages: ${response.message}`);
}

/**
 * Renders the Astro pages of `data` into `outDir` in this process. Pages whose cache key
 * (page-cache-keys.ts) and template are those of an earlier build are copied from Astro's cache
 * in `astroCacheDir` instead of rendered again.
 */
export async function renderPagesHere(
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
