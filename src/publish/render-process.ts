import { fork } from "node:child_process";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { SiteData } from "../site/site-data.ts";
import { PROJECT_ROOT } from "./astro-renderer.ts";
import type { RenderRequest, RenderResponse } from "./render-child.ts";
import type { RenderedPageKeys } from "./render-pages.ts";

const RENDER_CHILD = fileURLToPath(new URL("./render-child.ts", import.meta.url));

/** A render process (render-child.ts), started before the site is ready. */
export interface RenderProcess {
  /** Renders the Astro pages of `data` into `outDir`; once per process. */
  render(data: SiteData, outDir: string): Promise<RenderedPageKeys>;
  /**
   * Ends the process unless it is rendering (a process that has rendered has ended already);
   * settles once it has ended.
   */
  stop(): Promise<void>;
}

/**
 * Starts a render process for the site at `link`, which loads the renderer kept in
 * `renderCacheDir` (building it if there is none) at once, so that its start-up overlaps
 * whatever the build does before the site is ready. Astro keeps much of its memory outside V8's
 * heap until the process ends, and building a renderer (Vite) ~500 MB; rendering in a process of
 * its own gives that back before Pagefind indexes the pages. The site goes across as a structured
 * clone.
 */
export function startRenderProcess(renderCacheDir: string, link: string): RenderProcess {
  const child = fork(RENDER_CHILD, [], {
    serialization: "advanced",
    stdio: "inherit",
    cwd: PROJECT_ROOT,
  });
  const exited = new Promise<string>((resolve) => {
    child.once("exit", (code, signal) => resolve(signal ?? `exit code ${code}`));
  });
  // A process that cannot start shows it when asked to render; until then nothing waits on it.
  child.once("error", () => undefined);
  const where = { renderCacheDir: resolve(renderCacheDir), link };
  child.send({ kind: "prepare", ...where } satisfies RenderRequest, () => undefined);
  let rendering = false;
  return {
    async render(data, outDir) {
      rendering = true;
      const answered = new Promise<RenderResponse>((resolve, reject) => {
        child.once("message", (response: RenderResponse) => resolve(response));
        void exited.then((how) => reject(new Error(`the render process stopped (${how})`)));
        child.once("error", reject);
      });
      child.send({
        kind: "render",
        ...where,
        data,
        outDir: resolve(outDir),
      } satisfies RenderRequest);
      const response = await answered;
      await exited;
      if (!response.ok) throw new Error(`Astro could not render the pages: ${response.message}`);
      return response.keys;
    },
    async stop() {
      if (!rendering) child.kill();
      await exited;
    },
  };
}
