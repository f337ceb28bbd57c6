import { cp, mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { archivePageFile } from "../site/page-links.ts";
import { handOffSiteData, type SiteData } from "../site/site-data.ts";
import { type KeptRenderer, keptRenderer } from "./astro-renderer.ts";
import { loadRenderer, type PageRenderer, type PageToRender } from "./kept-bundle.ts";
import { openPageStore } from "./page-store.ts";
import { pageIdentity, type RenderedPageKeys } from "./rendered-pages.ts";

/** In `renderCacheDir`: the pages the last render kept (page-store.ts). */
const PAGE_STORE = "pages";

/** A renderer loaded for one site, ready to render its pages. */
export interface LoadedRenderer {
  kept: KeptRenderer;
  renderer: PageRenderer;
}

/**
 * Loads in this process the renderer kept in `renderCacheDir` for this code and the site at
 * `link`, built first if there is none (astro-renderer.ts).
 */
export async function loadKeptRenderer(
  renderCacheDir: string,
  link: string,
): Promise<LoadedRenderer> {
  const url = new URL(link);
  // As Astro's build does: the bundle was built for production.
  process.env.NODE_ENV ??= "production";
  const kept = await keptRenderer(renderCacheDir, url, [PAGE_STORE, `${PAGE_STORE}.json`]);
  return { kept, renderer: await loadRenderer(kept, url.origin) };
}

/**
 * Renders the Astro pages of `data` into `outDir` in this process, with a renderer loaded for the
 * site's link. A page whose cache key (page-cache-keys.ts) is the one it was last rendered for by
 * the same renderer is copied from the page store in `renderCacheDir` instead of rendered again.
 * The archive pages come first, oldest first, and `archivePageWritten` hears of each as soon as
 * it is in place (with its identity, as ArchiveWrites tells it): they are all the search index
 * reads, so it can index them while the other pages render.
 */
export async function renderPagesHere(
  { kept, renderer }: LoadedRenderer,
  data: SiteData,
  outDir: string,
  renderCacheDir: string,
  archivePageWritten: (file: string, identity: string | null) => void = () => undefined,
): Promise<RenderedPageKeys> {
  await cp(renderer.assetsDir, outDir, { recursive: true });
  const store = await openPageStore(join(renderCacheDir, PAGE_STORE), kept.key);
  const keys: RenderedPageKeys = { renderer: kept.key, cacheKeys: {} };
  const writePages = async (
    pages: PageToRender[],
    written: (page: PageToRender) => void = () => undefined,
  ): Promise<void> => {
    // Restoring is the file system's work: all of it is set going at once, and goes on while
    // Astro renders the pages whose key changed.
    const restored = pages.map((page) =>
      store.restore(page.file, page.path.cacheKey, join(outDir, page.file)),
    );
    for (const [i, page] of pages.entries()) {
      const destination = join(outDir, page.file);
      if (!(await restored[i])) {
        const body = await renderer.render(page);
        if (body === null) continue;
        await mkdir(dirname(destination), { recursive: true });
        await writeFile(destination, body);
        await store.keep(page.file, page.path.cacheKey, body);
      }
      if (page.path.cacheKey !== undefined) keys.cacheKeys[page.file] = page.path.cacheKey;
      written(page);
    }
  };
  handOffSiteData(data);
  try {
    const pages = await renderer.pages();
    const archiveFiles = new Set(data.site.archive.map(archivePageFile));
    await writePages(
      pages.filter((page) => archiveFiles.has(page.file)),
      (page) => archivePageWritten(page.file, pageIdentity(kept.key, page.path.cacheKey)),
    );
    await writePages(pages.filter((page) => !archiveFiles.has(page.file)));
  } finally {
    handOffSiteData(null);
  }
  await store.save();
  return keys;
}
