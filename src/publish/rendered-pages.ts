// What a render tells of the pages it wrote, in a module of its own: the search index reads it
// in the build process, which loads none of the renderer (render-pages.ts).

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
 * The archive pages of a render as they are written. The search index reads them, and starts on
 * a segment of them as soon as its pages are in place.
 */
export interface ArchiveWrites {
  /**
   * Settles once `file` is written, with what fixes its bytes: the renderer's key and the page's
   * cache key, as one string; null when only its bytes do.
   */
  written(file: string): Promise<string | null>;
}

/** ArchiveWrites of pages already written, with these keys. */
export function writtenAlready({ renderer, cacheKeys }: RenderedPageKeys): ArchiveWrites {
  return { written: async (file) => pageIdentity(renderer, cacheKeys[file]) };
}

/** What fixes a page's bytes, as ArchiveWrites tells it. */
export function pageIdentity(renderer: string, cacheKey: string | undefined): string | null {
  return cacheKey === undefined ? null : `${renderer} ${cacheKey}`;
}
