import { existsSync } from "node:fs";
import {
  cp,
  mkdir,
  readdir,
  readFile,
  rename,
  rm,
  symlink,
  unlink,
  writeFile,
} from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { AstroIntegration, AstroPrerenderer } from "astro";
import * as z from "zod";
import { errnoCode } from "../model/caught-error.ts";
import { PROJECT_ROOT } from "../project-root.ts";
import { sha256Hex } from "../text/sha256.ts";
import { codeDigest } from "./site-stamp.ts";

// Astro's build spends seconds bundling the pages with Vite before it renders the first one, and
// that bundle changes only with the code. So it is built once per version of src/, public/ and the
// lock file (and per site address, which Astro bakes into it), kept in the cache, and each build
// renders its pages with it (kept-bundle.ts), as Astro's own prerenderer would.

/** A renderer kept in the cache, ready to load. */
export interface KeptRenderer {
  /** Digest of the code and site address it was built from. */
  key: string;
  dir: string;
}

/** What Astro's build knows of each page that its bundle asks for when rendering: the head. */
const pageHeadsSchema = z.object({
  /** Each page's stylesheets, by Astro's page key (route and component). */
  styles: z.record(z.string(), z.array(z.unknown())),
  /** Scripts integrations add to every page. */
  scripts: z.array(z.object({ stage: z.string(), content: z.string() })),
});

/** What the kept bundle needs besides itself. */
export type PageHeads = z.infer<typeof pageHeadsSchema>;

/** In a renderer's folder: the bundle, the files every site gets, the heads, the "done" mark. */
export const RENDERER_FILES = {
  bundle: "server",
  assets: "assets",
  heads: "page-heads.json",
  built: "built.json",
} as const;

/**
 * The renderer for the current code and `link`, built now if the cache holds none. Building one
 * removes every other entry of `cacheDir` but `keep` (older renderers, earlier layouts' files).
 */
export async function keptRenderer(
  cacheDir: string,
  link: URL,
  keep: readonly string[],
): Promise<KeptRenderer> {
  const key = sha256Hex(
    `${await codeDigest(PROJECT_ROOT)}${JSON.stringify([link.origin, link.pathname])}`,
    16,
  );
  const name = `renderer-${key}`;
  const dir = join(cacheDir, name);
  if (existsSync(join(dir, RENDERER_FILES.built))) return { key, dir };
  await buildRenderer(dir, link);
  for (const entry of await readdir(cacheDir)) {
    if (entry !== name && !keep.includes(entry)) {
      await rm(join(cacheDir, entry), { recursive: true, force: true });
    }
  }
  return { key, dir };
}

/** Builds the renderer into `dir`: Astro's build, with a prerenderer that keeps the bundle. */
async function buildRenderer(dir: string, link: URL): Promise<void> {
  // Inside the working folder: Astro writes the bundle of any output outside it to one shared
  // folder, which two builds at once would overwrite.
  const building = join(process.cwd(), ".astro", `renderer-${process.pid}-${Date.now()}`);
  try {
    const kept: { heads?: PageHeads } = {};
    // Loaded here, not at start-up: a build that finds its renderer pays nothing for it.
    const { build } = await import("astro");
    await build({
      root: PROJECT_ROOT,
      outDir: join(building, RENDERER_FILES.assets),
      cacheDir: join(building, "astro-cache"),
      site: link.origin,
      base: link.pathname,
      logLevel: "warn",
      build: { inlineStylesheets: "never" },
      integrations: [keepBundle(join(building, RENDERER_FILES.bundle), kept)],
    });
    if (kept.heads === undefined) throw new Error("Astro's build did not reach its prerenderer");
    await rm(join(building, "astro-cache"), { recursive: true, force: true });
    await writeFile(join(building, RENDERER_FILES.heads), JSON.stringify(kept.heads));
    await writeFile(join(building, RENDERER_FILES.built), JSON.stringify({ at: new Date() }));
    await rm(dir, { recursive: true, force: true });
    await mkdir(dirname(dir), { recursive: true });
    await rename(building, dir).catch(async (error: unknown) => {
      if (errnoCode(error) !== "EXDEV") throw error;
      await cp(building, dir, { recursive: true });
    });
  } finally {
    await rm(building, { recursive: true, force: true });
  }
}

/** The parts of Astro's build app (core/build/app.js) the keeper reads. */
interface AstroBuildApp {
  getOptions(): {
    allPages: Record<string, { key: string; styles: unknown[] }>;
    settings: { scripts: { stage: string; content: string }[]; config: { outDir: URL } };
  };
}

/**
 * An integration whose prerenderer renders no page: once Astro has bundled the pages and set its
 * own prerenderer up, it copies the bundle to `bundleDir` and the pages' heads to `kept`. The
 * assets (CSS, public/) are then all that is left in the build's outDir.
 */
function keepBundle(bundleDir: string, kept: { heads?: PageHeads }): AstroIntegration {
  const prerenderer = (astros: AstroPrerenderer): AstroPrerenderer => ({
    name: "planet:keep-bundle",
    async setup() {
      await astros.setup?.();
      const { app } = astros as AstroPrerenderer & { app?: AstroBuildApp };
      if (app === undefined) throw new Error("Astro's prerenderer has no app to keep");
      const { allPages, settings } = app.getOptions();
      if (settings.scripts.some((script) => script.stage === "page")) {
        throw new Error("a page-stage script needs Astro's build to render the pages");
      }
      await cp(fileURLToPath(new URL("./.prerender/", settings.config.outDir)), bundleDir, {
        recursive: true,
      });
      const styles = Object.fromEntries(
        Object.values(allPages).map((page) => [page.key, page.styles]),
      );
      kept.heads = { styles, scripts: settings.scripts };
    },
    getStaticPaths: async () => [],
    render: (request, options) => astros.render(request, options),
  });
  return {
    name: "planet:keep-bundle",
    hooks: { "astro:build:start": ({ setPrerenderer }) => setPrerenderer(prerenderer) },
  };
}

/** The pages' heads kept beside the bundle in `dir`. */
export async function readPageHeads(dir: string): Promise<PageHeads> {
  return pageHeadsSchema.parse(JSON.parse(await readFile(join(dir, RENDERER_FILES.heads), "utf8")));
}

/**
 * The bundle imports Astro's runtime and the pages' dependencies by name: a link to the project's
 * node_modules beside it resolves them wherever the cache is, and is made again if a cache
 * restored elsewhere brought a stale one.
 */
export async function linkNodeModules(dir: string): Promise<void> {
  const link = join(dir, "node_modules");
  await unlink(link).catch((error: unknown) => {
    if (errnoCode(error) !== "ENOENT") throw error;
  });
  await symlink(join(PROJECT_ROOT, "node_modules"), link, "dir");
}

/** The URL of the bundle's entry module in `dir`. */
export async function bundleEntry(dir: string): Promise<string> {
  const bundle = join(dir, RENDERER_FILES.bundle);
  const entry = (await readdir(bundle)).find(
    (file) => file.startsWith("prerender-entry.") && file.endsWith(".mjs"),
  );
  if (entry === undefined) throw new Error(`no prerender entry in ${bundle}`);
  return pathToFileURL(join(bundle, entry)).href;
}
