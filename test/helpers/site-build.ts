import { cp, mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { writeServedConfig } from "../../src/demo/demo-config.ts";
import { type FeedFileServer, serveFeedFiles } from "../../src/demo/serve-feed-files.ts";
import {
  type BuildEnvironment,
  readBuildEnvironment,
} from "../../src/pipeline/build-environment.ts";
import { type BuildSummary, buildSite } from "../../src/pipeline/build-site.ts";

/** The project root. */
export const ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** A fixture planet served from a folder of test/fixtures, with its own temp dirs. */
export interface FixturePlanet {
  server: FeedFileServer;
  work: string;
  /** The folder the feeds are served from. */
  feedsDir: string;
  env: BuildEnvironment;
  build(overrides?: Partial<BuildEnvironment>): Promise<BuildSummary>;
  close(): Promise<void>;
}

/**
 * Serves test/fixtures/<name>/ on loopback and prepares a config and cache for building it.
 * With `copyFeeds`, the feeds are served from a copy in the work folder (`feedsDir`), so a test
 * can change a feed between builds.
 */
export async function startFixturePlanet(
  name: string,
  now: string,
  options: { copyFeeds?: boolean } = {},
): Promise<FixturePlanet> {
  const work = await mkdtemp(join(tmpdir(), "planet-test-"));
  const fixture = join(ROOT, "test/fixtures", name);
  const feedsDir = options.copyFeeds ? join(work, "feeds") : fixture;
  if (options.copyFeeds) await cp(fixture, feedsDir, { recursive: true });
  const server = await serveFeedFiles(feedsDir);
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
    feedsDir,
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
