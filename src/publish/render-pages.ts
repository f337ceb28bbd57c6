import { cp } from "node:fs/promises";
import { join } from "node:path";
import { archivePageFile } from "../site/page-links.ts";
import { handOffSiteData, type SiteData } from "../site/site-data.ts";
import { settleAll } from "../tasks/settle-all.ts";
import { type KeptRenderer, keptRenderer } from "./astro-renderer.ts";
import { loadRenderer, type PageRenderer, type PageToRender } from "./kept-bundle.ts";
import { openPageStore } from "./page-store.ts";
import { pageIdentity, type RenderedPageKeys } from "./rendered-pages.ts";

/** In `renderCacheDir`: the pages the last render kept (page-store.ts). */
const PAGE_STORE = "pages";

/** Rendered pages at most waiting to be written while the next renders. */
const MAX_PENDING_WRITES = 8;

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
  const archiveFiles = new Set(data.site.archive.map(archivePageFile));
  const wrote = (page: PageToRender) => {
    if (page.path.cacheKey !== undefined) keys.cacheKeys[page.file] = page.path.cacheKey;
    if (archiveFiles.has(page.file)) {
      archivePageWritten(page.file, pageIdentity(kept.key, page.path.cacheKey));
    }
  };
  /**
   * Restores the pages the store holds for their keys (a link each, link-or-copy.ts), then
   * renders the others and any it could not restore, each written while the next renders.
   * Settles once every page is in place, with nothing left writing if one failed.
   */
  const writePages = async (pages: PageToRender[]): Promise<void> => {
    const toRender = pages.filter((page) => {
      const restored = store.restore(page.file, page.path.cacheKey, join(outDir, page.file));
      if (restored) wrote(page);
      return !restored;
    });
    const writes: Promise<void>[] = [];
    const pending = new Set<Promise<void>>();
    const render = async (page: PageToRender) => {
      const body = await renderer.render(page);
      if (body === null) return;
      const { file, path } = page;
      const write: Promise<void> = store
        .write(file, path.cacheKey, body, join(outDir, file))
        .then(() => wrote(page))
        .finally(() => pending.delete(write));
      // Heard when the writes are settled below; it must not go unhandled meanwhile.
      write.catch(() => undefined);
      writes.push(write);
      // A page waiting to be written holds its bytes: a few at a time keep memory flat when the
      // file system falls behind (a cold build renders hundreds).
      pending.add(write);
      while (pending.size >= MAX_PENDING_WRITES) await Promise.race(pending).catch(() => undefined);
    };
    try {
      for (const page of toRender) await render(page);
    } finally {
      await Promise.allSettled(writes);
    }
    await settleAll(writes);
  };
  handOffSiteData(data);
  try {
    const pages = await renderer.pages();
    // The archive pages first: the search index waits for them.
    await writePages(pages.filter((page) => archiveFiles.has(page.file)));
    await writePages(pages.filter((page) => !archiveFiles.has(page.file)));
  } finally {
    handOffSiteData(null);
  }
  await store.save();
  return keys;
}
