import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { writeServedConfig } from "../../src/demo/demo-config.ts";
import { serveFeedFiles } from "../../src/demo/serve-feed-files.ts";
import { readBuildEnvironment } from "../../src/pipeline/build-environment.ts";
import { buildSite } from "../../src/pipeline/build-site.ts";

/** The project root. */
export const ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** The demo planet's "now", as `npm run demo` uses it. */
const DEMO_NOW = "2017-04-01T10:00:00Z";

/** A built copy of the demo planet in a temp folder. */
export interface BuiltPlanet {
  /** The site, as `dist/` would hold it. */
  outDir: string;
  /** Removes the temp folder. */
  remove(): Promise<void>;
}

/**
 * Builds the bundled demo feeds into a temp folder, search index included (the build writes it).
 * Ten posts a page so archive pages exist, each in a search bundle of its own, and a face file for the first member (the others get
 * initials).
 */
export async function buildDemoPlanet(): Promise<BuiltPlanet> {
  const work = await mkdtemp(join(tmpdir(), "planet-browser-"));
  const server = await serveFeedFiles(join(ROOT, "demo/feeds"));
  try {
    const configPath = join(work, "feeds.json");
    await writeServedConfig(join(ROOT, "demo/feeds.json"), server.url, configPath);
    const config = JSON.parse(await readFile(configPath, "utf8"));
    // Several archive pages, each a search segment, so search has to merge them to find posts.
    config.postsPerPage = 10;
    config.feeds[0].face = "sander.svg";
    await writeFile(configPath, JSON.stringify(config));
    const env = {
      ...readBuildEnvironment(
        { PLANET_CONFIG: configPath, PLANET_CACHE_DIR: join(work, "cache"), PLANET_NOW: DEMO_NOW },
        work,
      ),
      outDir: join(work, "dist"),
    };
    await buildSite(env, () => {});
    await mkdir(join(env.outDir, "faces"), { recursive: true });
    await copyFile(
      join(ROOT, "test/fixtures/browser/sander.svg"),
      join(env.outDir, "faces/sander.svg"),
    );
    return { outDir: env.outDir, remove: () => rm(work, { recursive: true, force: true }) };
  } catch (error) {
    await rm(work, { recursive: true, force: true });
    throw error;
  } finally {
    await server.close();
  }
}
