import type { Site } from "../model/site.ts";
import type { SourceHealth } from "../model/source-health.ts";

/** What the pipeline hands to the Astro pages: the site plus the health of every source. */
export interface SiteData {
  site: Site;
  health: { feeds: SourceHealth[]; events: SourceHealth[] };
}

// Astro's pages are not called with arguments: they take the site from this process's globals,
// where the render process (publish/render-child.ts) or the development server puts it. A symbol
// registered on globalThis, because Astro's bundle of the pages holds its own copy of this module.
const HAND_OFF = Symbol.for("planet.site-data");
const handOff = globalThis as { [HAND_OFF]?: SiteData | null };

/**
 * Gives `data` to the pages rendered next in this process; null takes it back. One render at a
 * time: a second one would make the first render the second's pages, so it is refused.
 */
export function handOffSiteData(data: SiteData | null): void {
  if (data !== null && handedOffSiteData() !== null) {
    throw new Error("another render is in progress in this process; render one site at a time");
  }
  handOff[HAND_OFF] = data;
}

/** The data handed over by the build in progress, or null outside a build (`astro dev`). */
export function handedOffSiteData(): SiteData | null {
  return handOff[HAND_OFF] ?? null;
}
