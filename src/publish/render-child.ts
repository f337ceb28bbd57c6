import { readFileSync } from "node:fs";
import { deserialize } from "node:v8";
import { errorMessage } from "../model/caught-error.ts";
import type { SiteData } from "../site/site-data.ts";
import { type LoadedRenderer, loadKeptRenderer, renderPagesHere } from "./render-pages.ts";
import type { RenderedPageKeys } from "./rendered-pages.ts";

// The child process startRenderProcess starts: it loads the renderer as soon as it is told where
// it is, renders one site with it when the site comes, and exits, so the memory Astro holds is
// given back before the search index is built.

/**
 * What the parent sends: where the renderer is kept and the site's address, at once; then the
 * file the site is in (render-process.ts) and where to render it (with the same place and
 * address, in case the first went astray).
 */
export type RenderRequest =
  | { kind: "prepare"; renderCacheDir: string; link: string }
  | { kind: "render"; renderCacheDir: string; link: string; siteFile: string; outDir: string };

/**
 * What the child tells: each archive page as it is written (render-pages.ts), then, as it exits,
 * that every page is (all keys), or what stopped it.
 */
export type RenderResponse =
  | { kind: "archive-page"; file: string; identity: string | null }
  | { kind: "done"; keys: RenderedPageKeys }
  | { kind: "failed"; message: string };

let loading: Promise<LoadedRenderer> | null = null;
const loadOnce = (renderCacheDir: string, link: string): Promise<LoadedRenderer> => {
  loading ??= loadKeptRenderer(renderCacheDir, link);
  return loading;
};

process.on("message", async (request: RenderRequest) => {
  if (request.kind === "prepare") {
    // A failure is reported when the site comes to be rendered.
    loadOnce(request.renderCacheDir, request.link).catch(() => undefined);
    return;
  }
  const { renderCacheDir, link, siteFile, outDir } = request;
  let response: RenderResponse;
  try {
    const data = deserialize(readFileSync(siteFile)) as SiteData;
    const loaded = await loadOnce(renderCacheDir, link);
    const archivePageWritten = (file: string, identity: string | null) =>
      process.send?.({ kind: "archive-page", file, identity } satisfies RenderResponse);
    const keys = await renderPagesHere(loaded, data, outDir, renderCacheDir, archivePageWritten);
    response = { kind: "done", keys };
  } catch (error) {
    response = { kind: "failed", message: errorMessage(error) };
  }
  process.send?.(response, () => process.disconnect());
});
