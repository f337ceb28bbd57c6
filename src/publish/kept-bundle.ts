import { join } from "node:path";
import type { AstroLoggerDestination, PathWithRoute, RouteData, SSRManifest } from "astro";
import { StaticPaths, type StaticPathsApp } from "astro/runtime/prerender/static-paths.js";
import {
  bundleEntry,
  type KeptRenderer,
  linkNodeModules,
  RENDERER_FILES,
  readPageHeads,
} from "./astro-renderer.ts";

// Renders pages with a renderer kept by astro-renderer.ts the way Astro's default prerenderer
// (core/build/default-prerenderer.js and generate.js) does after its own build: the bundle's app
// renders a request for each page's URL, and the body goes to the page's file.

/** One file the pages make, and what it is made from. */
export interface PageToRender {
  path: PathWithRoute;
  /** Where it goes, relative to the site's root, e.g. `members/bob/index.html`. */
  file: string;
}

/** The bundle's build app (core/build/app.js), as far as it is used here. */
interface BundleApp extends Required<Pick<StaticPathsApp, "getComponentByRoute">> {
  manifest: SSRManifest;
  logger: { options: { destination: AstroLoggerDestination } };
  setInternals(internals: unknown): void;
  setOptions(options: unknown): void;
  render(request: Request, options: { routeData: RouteData }): Promise<Response>;
}

/** A loaded renderer. */
export interface PageRenderer {
  /** The files every site gets as they are (CSS, public/). */
  assetsDir: string;
  /** Every page of the site handed over to the pages (site-data.ts), from their getStaticPaths. */
  pages(): Promise<PageToRender[]>;
  /** The page's bytes, or null when it renders to nothing (Astro then writes no file). */
  render(page: PageToRender): Promise<Uint8Array | null>;
}

/** Loads `renderer` for a site at `origin`. One per process: Astro keeps state per bundle. */
export async function loadRenderer(renderer: KeptRenderer, origin: string): Promise<PageRenderer> {
  await linkNodeModules(renderer.dir);
  const heads = await readPageHeads(renderer.dir);
  const { app }: { app: BundleApp } = await import(await bundleEntry(renderer.dir));
  const { base, buildFormat, trailingSlash } = app.manifest;
  // The URLs and file names below follow Astro's for this project's settings (astro.config.mjs).
  if (buildFormat !== "directory" || trailingSlash !== "always") {
    throw new Error(`the kept renderer expects directory pages with trailing slashes`);
  }
  // What Astro's build hands its app: the pages' heads (core/build/environment.js reads them).
  const pagesByKeys = new Map(
    Object.entries(heads.styles).map(([key, styles]) => [key, { styles }]),
  );
  app.setInternals({ pagesByKeys, entrySpecifierToBundleMap: new Map() });
  app.setOptions({
    settings: { scripts: heads.scripts },
    logger: { options: { destination: app.logger.options.destination } },
  });
  // Loaded now, while the render process waits for the site, rather than by the first render:
  // each page's module, and the fetch API's classes (Node loads them on first use).
  for (const { routeData } of app.manifest.routes) {
    if (routeData.prerender) await app.getComponentByRoute(routeData);
  }
  await new Response(new Request(origin).url).arrayBuffer();
  return {
    assetsDir: join(renderer.dir, RENDERER_FILES.assets),
    async pages() {
      const paths = await new StaticPaths(app).getAll();
      return paths.map((path) => ({ path, file: pageFile(path) }));
    },
    async render({ path }) {
      const request = new Request(pageUrl(path, base, origin));
      const response = await app.render(request, { routeData: path.route });
      return response.body === null ? null : new Uint8Array(await response.arrayBuffer());
    },
  };
}

const trimSlashes = (path: string): string => path.replace(/^\/+|\/+$/g, "");

/** The URL Astro's build requests a page at (generate.js getUrlForPath). */
function pageUrl({ pathname, route }: PathWithRoute, base: string, origin: string): URL {
  const path = trimSlashes(pathname);
  const root = base.replace(/\/+$/, "");
  if (path === "") return new URL(`${root}/`, origin);
  return new URL(`${root}/${path}${route.type === "endpoint" ? "" : "/"}`, origin);
}

/** The file Astro's build writes a page to (core/build/common.js getOutFile). */
function pageFile({ pathname, route }: PathWithRoute): string {
  const path = trimSlashes(pathname);
  if (route.type === "endpoint") return path;
  if (path === "404" || path === "500") return `${path}.html`;
  return path === "" ? "index.html" : `${path}/index.html`;
}
