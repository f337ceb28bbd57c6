import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { type BuildEnvironment, readBuildEnvironment } from "../../src/build/build-environment.ts";
import { type BuildSummary, buildSite } from "../../src/build/build-site.ts";
import { writeServedConfig } from "../../src/demo/demo-config.ts";
import { type FeedFileServer, serveFeedFiles } from "../../src/demo/serve-feed-files.ts";

/** The project root. */
export const ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** A fixture planet served from a folder of test/fixtures, with its own temp dirs. */
export interface FixturePlanet {
  server: FeedFileServer;
  work: string;
  env: BuildEnvironment;
  build(overrides?: Partial<BuildEnvironment>): Promise<BuildSummary>;
  close(): Promise<void>;
}

/** Serves test/fixtures/<name>/ on loopback and prepares a config and cache for building it. */
export async function startFixturePlanet(name: string, now: string): Promise<FixturePlanet> {
  const server = await serveFeedFiles(join(ROOT, "test/fixtures", name));
  const work = await mkdtemp(join(tmpdir(), "planet-test-"));
  await writeServedConfig(
    join(ROOT, "test/fixtures", name, "feeds.json"),
    server.url,
    join(work, "feeds.json"),
  );
  const env = {
    ...readBuildEnvironment(
      {
        PLANET_CONFIG: join(work, "feeds.json"),
        PLANET_CACHE_DIR: join(work, "cache"),
        PLANET_NOW: now,
      },
      work,
    ),
    outDir: join(work, "dist"),
  };
  const lines: string[] = [];
  return {
    server,
    work,
    env,
    build: (overrides = {}) => buildSite({ ...env, ...overrides }, (line) => lines.push(line)),
    close: async () => {
      await server.close();
      await rm(work, { recursive: true, force: true });
    },
  };
}

/** Every file under `dir`, by relative path, with its contents. */
export async function readTree(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files.set(relative(dir, path), await readFile(path, "utf8"));
  }
  return files;
}
