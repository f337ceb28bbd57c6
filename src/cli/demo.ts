import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writeServedConfig } from "../demo/demo-config.ts";
import { serveFeedFiles } from "../demo/serve-feed-files.ts";
import { readBuildEnvironment } from "../pipeline/build-environment.ts";
import { buildSite } from "../pipeline/build-site.ts";
import { PROJECT_ROOT } from "../project-root.ts";
import { summarize } from "./report.ts";
import { reportFailure } from "./report-failure.ts";

// The demo planet is set in spring 2017, the time of the seed page, unless PLANET_NOW says otherwise.
const DEMO_NOW = "2017-04-01T10:00:00Z";

const started = Date.now();
const work = await mkdtemp(join(tmpdir(), "planet-demo-"));
const server = await serveFeedFiles(join(PROJECT_ROOT, "demo/feeds"));
try {
  const configPath = join(work, "feeds.json");
  await writeServedConfig(join(PROJECT_ROOT, "demo/feeds.json"), server.url, configPath);
  const env = readBuildEnvironment(
    {
      PLANET_CONFIG: configPath,
      PLANET_CACHE_DIR: join(work, "cache"),
      PLANET_NOW: process.env.PLANET_NOW || DEMO_NOW,
    },
    PROJECT_ROOT,
  );
  console.log(`Serving the bundled demo feeds at ${server.url}`);
  const summary = await buildSite(env, (line) => console.error(line));
  console.log(summarize(summary, Date.now() - started));
} catch (error) {
  process.exitCode = reportFailure(error);
} finally {
  await server.close();
  await rm(work, { recursive: true, force: true });
}
