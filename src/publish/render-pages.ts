import { fork } from "node:child_process";
import { cp, mkdir, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { handOffSiteData, type SiteData } from "../site/site-data.ts";
import { keptRenderer, PROJECT_ROOT } from "./astro-renderer.ts";
import { loadRenderer } from "./kept-bundle.ts";
import { openPageStore } from "./page-store.ts";
import type { RenderRequest, RenderResponse } from "./render-child.ts";

const RENDER_CHILD = fileURLToPath(new URL("./render-child.ts", import.meta.url));

/** In `renderCacheDir`: the pages the last render kept (page-store.ts). */
const PAGE_STORE = "pages";

/**
 * What fixes each rendered page's bytes: the renderer and the page's cache key. The search index
 * tells unchanged pages by these, without reading them.
 */
export interface RenderedPageKeys {
  /** The renderer's key (astro-renderer.ts). */
  renderer: string;
  /** Each page's cache key, by its file relative to the site's root; pages without one left out. */
  cacheKeys: Record<string, string>;
}

/**
 * Renders the Astro pages of `data` into `outDir`, in a child process (render-child.ts). Astro
 * keeps much of its memory outside V8's heap until the process ends, and building a renderer
 * (Vite) ~500 MB; rendering in a process of its own gives that back before Pagefind indexes the
 * pages. The site goes across as a structured clone.
 */
export async function renderPages(
  data: SiteData,
  outDir: string,
  renderCacheDir: string,
): Promise<RenderedPageKeys> {
  const child = fork(RENDER_CHILD, [], {
    serialization: "advanced",
    stdio: "inherit",
    cwd: PROJECT_ROOT,
  });
  const answered = new Promise<RenderResponse>((resolve, reject) => {
    child.once("message", (response: RenderResponse) => resolve(response));
    child.once("exit", (code, signal) =>
      reject(new Error(`the render process stopped (${signal ?? `exit code ${code}`})`)),
    );
    child.once("error", reject);
  });
  child.send({
    data,
    outDir: resolve(outDir),
    renderCacheDir: resolve(renderCacheDir),
  } satisfies RenderRequest);
  const response = await answered;
  await new Promise<void>((resolve) => {
    if (child.exitCode !== null) resolve();
    else child.once("exit", () => resolve());
  });
  if (!response.ok) throw new Error(`Astro could not render the pages: ${response.message}`);
  return response.keys;
}

/**
 * Renders the Astro pages of `data` into `outDir` in this process, with the renderer kept in
 * `renderCacheDir` for this code (built first if there is none: astro-renderer.ts). A page whose
 * cache key (page-cache-keys.ts) is the one it was last rendered for by the same renderer is
 * copied from the page store there instead of rendered again.
 */
export async function renderPagesHere(
  data: SiteData,
  outDir: string,
  renderCacheDir: string,
): Promise<RenderedPageKeys> {
  const link = new URL(data.site.config.link);
  // As Astro's build does: the bundle was built for production.
  process.env.NODE_ENV ??= "production";
  const kept = await keptRenderer(renderCacheDir, link, [PAGE_STORE, `${PAGE_STORE}.json`]);
  const renderer = await loadRenderer(kept, link.origin);
  await cp(renderer.assetsDir, outDir, { recursive: true });
  const store = await openPageStore(join(renderCacheDir, PAGE_STORE), kept.key);
  const keys: RenderedPageKeys = { renderer: kept.key, cacheKeys: {} };
  handOffSiteData(data);
  try {
    for (const page of await renderer.pages()) {
      const destination = join(outDir, page.file);
      if (!(await store.restore(page.file, page.path.cacheKey, destination))) {
        const body = await renderer.render(page);
        if (body === null) continue;
        await mkdir(dirname(destination), { recursive: true });
        await writeFile(destination, body);
        await store.keep(page.file, page.path.cacheKey, body);
      }
      if (page.path.cacheKey !== undefined) keys.cacheKeys[page.file] = page.path.cacheKey;
    }
  } finally {
    handOffSiteData(null);
  }
  await store.save();
  return keys;
}
