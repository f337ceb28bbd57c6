import { fork } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { getCompileCacheDir } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { serialize } from "node:v8";
import { PROJECT_ROOT } from "../project-root.ts";
import type { SiteData } from "../site/site-data.ts";
import type { RenderRequest, RenderResponse } from "./render-child.ts";
import type { ArchiveWrites, RenderedPageKeys } from "./rendered-pages.ts";

const RENDER_CHILD = join(PROJECT_ROOT, "src/publish/render-child.ts");

/** A render process (render-child.ts), started before the site is ready. */
export interface RenderProcess {
  /** Hands `data` over to be rendered into `outDir`; once per process. Settles once it has. */
  render(data: SiteData, outDir: string): Promise<PagesRendering>;
  /**
   * Ends the process unless it is rendering (a process that has rendered ends by itself);
   * settles once it has ended.
   */
  stop(): Promise<void>;
}

/** A render under way. */
export interface PagesRendering {
  /** The archive pages as they are written (they come first, oldest first). */
  archive: ArchiveWrites;
  /**
   * Every page's keys, once all are written. The process then exits by itself, which nothing
   * need wait for (tens of milliseconds to give its memory back).
   */
  done: Promise<RenderedPageKeys>;
}

/**
 * Starts a render process for the site at `link`, which loads the renderer kept in
 * `renderCacheDir` (building it if there is none) at once, so that its start-up overlaps
 * whatever the build does before the site is ready. Astro keeps much of its memory outside V8's
 * heap until the process ends, and building a renderer (Vite) ~500 MB; rendering in a process of
 * its own gives that back before Pagefind indexes the pages. The site goes across in a file, as
 * V8 serializes it: sent down the IPC pipe, a site of several megabytes arrives in 64 KB pieces,
 * each joined to the ones before (~100 ms at N = 400).
 */
export function startRenderProcess(renderCacheDir: string, link: string): RenderProcess {
  const child = fork(RENDER_CHILD, [], {
    serialization: "advanced",
    stdio: "inherit",
    cwd: PROJECT_ROOT,
    env: withCompileCache(process.env),
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
      const archive = reportedPages();
      const done = Promise.withResolvers<RenderedPageKeys>();
      // Whoever waits on it hears of a failure; it must not go unhandled meanwhile.
      done.promise.catch(() => undefined);
      const fail = (failure: Error) => {
        archive.end({ failure });
        done.reject(failure);
      };
      child.on("message", (response: RenderResponse) => {
        if (response.kind === "archive-page") {
          archive.wrote(response.file, response.identity);
        } else if (response.kind === "done") {
          archive.end("done");
          done.resolve(response.keys);
        } else {
          fail(new Error(`Astro could not render the pages: ${response.message}`));
        }
      });
      child.once("error", fail);
      void exited.then((how) => fail(new Error(`the render process stopped (${how})`)));
      const siteFile = await writeSiteFile(data);
      void done.promise.then(siteFile.remove, siteFile.remove);
      const request: RenderRequest = {
        kind: "render",
        ...where,
        siteFile: siteFile.path,
        outDir: resolve(outDir),
      };
      // Rendering from here: a process asked to render ends by itself, one never asked is ended.
      rendering = true;
      await new Promise<void>((sent, failedToSend) => {
        child.send(request, (error) => {
          if (error === null) return sent();
          rendering = false;
          failedToSend(error);
        });
      });
      return { archive: archive.writes, done: done.promise };
    },
    async stop() {
      if (!rendering) child.kill();
      await exited;
    },
  };
}

/** The site in a file of its own in the system's temp folder, and how to remove it. */
async function writeSiteFile(
  data: SiteData,
): Promise<{ path: string; remove: () => Promise<void> }> {
  const folder = await mkdtemp(join(tmpdir(), "planet-site-"));
  const path = join(folder, "site.v8");
  await writeFile(path, serialize(data));
  return { path, remove: () => rm(folder, { recursive: true, force: true }) };
}

/** How a render ended: failed, or done with what it wrote. */
type RenderEnd = { failure: Error } | "done";

/** The archive pages a render process tells of, as ArchiveWrites, and what settles them. */
function reportedPages() {
  const pages = new Map<string, PromiseWithResolvers<string | null>>();
  let ended: RenderEnd | null = null;
  // A page asked after the render is done was not written by it: known by its bytes, which
  // say it is missing.
  const settle = (written: PromiseWithResolvers<string | null>) => {
    if (ended === "done") written.resolve(null);
    else if (ended !== null) written.reject(ended.failure);
  };
  const page = (file: string): PromiseWithResolvers<string | null> => {
    let written = pages.get(file);
    if (written === undefined) {
      written = Promise.withResolvers<string | null>();
      // Whoever waits on a page hears of a failure; the others must not go unhandled.
      written.promise.catch(() => undefined);
      settle(written);
      pages.set(file, written);
    }
    return written;
  };
  return {
    writes: { written: (file) => page(file).promise } satisfies ArchiveWrites,
    wrote: (file: string, identity: string | null) => page(file).resolve(identity),
    end: (how: RenderEnd) => {
      ended ??= how;
      for (const written of pages.values()) settle(written);
    },
  };
}

/**
 * The build's compile cache (cli/build.ts) for the render process too: Node keeps it for the
 * process that enabled it, not for the processes that one starts. Building a renderer loads
 * Astro, Vite and Rolldown: ~1.75 s without it, ~1.6 s with it.
 */
function withCompileCache(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const dir = getCompileCacheDir();
  // Node adds a folder for its version to the one it is given, and names the one it made.
  return dir === undefined ? env : { ...env, NODE_COMPILE_CACHE: dirname(dir) };
}
