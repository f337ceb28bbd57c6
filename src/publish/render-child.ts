import { errorMessage } from "../model/caught-error.ts";
import type { SiteData } from "../site/site-data.ts";
import { type RenderedPageKeys, renderPagesHere } from "./render-pages.ts";

// The child process renderPages starts: it renders one site with Astro and exits, so the memory
// Astro holds is given back before the search index is built.

/** What the parent sends: the site, where to render it, and where the renderer is kept. */
export interface RenderRequest {
  data: SiteData;
  outDir: string;
  renderCacheDir: string;
}

/** What the child answers before it exits. */
export type RenderResponse = { ok: true; keys: RenderedPageKeys } | { ok: false; message: string };

process.once("message", async ({ data, outDir, renderCacheDir }: RenderRequest) => {
  let response: RenderResponse;
  try {
    response = { ok: true, keys: await renderPagesHere(data, outDir, renderCacheDir) };
  } catch (error) {
    response = { ok: false, message: errorMessage(error) };
  }
  process.send?.(response, () => process.disconnect());
});
