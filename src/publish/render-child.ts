import { errorMessage } from "../model/caught-error.ts";
import type { SiteData } from "../site/site-data.ts";
import { renderPagesHere } from "./render-pages.ts";

// The child process renderPages starts: it renders one site with Astro and exits, so the memory
// Astro and its bundler hold is given back before the search index is built.

/** What the parent sends: the site and where to render it. */
export interface RenderRequest {
  data: SiteData;
  outDir: string;
  astroCacheDir: string;
}

/** What the child answers before it exits. */
export type RenderResponse = { ok: true } | { ok: false; message: string };

process.once("message", async ({ data, outDir, astroCacheDir }: RenderRequest) => {
  let response: RenderResponse;
  try {
    await renderPagesHere(data, outDir, astroCacheDir);
    response = { ok: true };
  } catch (error) {
    response = { ok: false, message: errorMessage(error) };
  }
  process.send?.(response, () => process.disconnect());
});
