import { loadConfig } from "../config/load-config.ts";
import { readBuildEnvironment } from "../pipeline/build-environment.ts";
import { PROJECT_ROOT } from "../project-root.ts";
import { probeFeeds } from "../refresh/probe-feeds.ts";
import { reportFailure } from "./report-failure.ts";

// Validates feeds.json and probes every feed once, touching neither the cache nor dist/:
// for the CI of a planet's config repository.
try {
  const env = readBuildEnvironment(process.env, PROJECT_ROOT);
  const config = await loadConfig(env.configPath);
  console.log(`${env.configPath}: valid, ${config.feeds.length} feeds.`);
  const results = await probeFeeds(config, env.configPath, env.now);
  for (const health of results) {
    const state = health.ok ? `ok, ${health.items} entries` : `FAILING: ${health.error?.message}`;
    console.log(`${health.ok ? "✓" : "✗"} ${health.name} (${health.url}): ${state}`);
    if (health.advice) console.log(`    ${health.advice}`);
  }
  const failing = results.filter((health) => !health.ok).length;
  console.log(failing === 0 ? "All feeds are fine." : `${failing} feed(s) need attention.`);
  process.exitCode = failing === 0 ? 0 : 1;
} catch (error) {
  process.exitCode = reportFailure(error);
}
