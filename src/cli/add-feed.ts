import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { ConfigError } from "../config/load-config.ts";
import { createLogger } from "../log/logger.ts";
import { parseLogFlags } from "../log/parse-log-flags.ts";
import { addFeed } from "../owner/add-feed.ts";
import { readBuildEnvironment } from "../pipeline/build-environment.ts";

// npm run add-feed -- <blog or feed URL> [--name "…"]: edits the config named by PLANET_CONFIG.
const USAGE = 'usage: npm run add-feed -- <blog or feed URL> [--name "Member name"]';
const root = fileURLToPath(new URL("../../", import.meta.url));
const { rest, ...logOptions } = parseLogFlags(process.argv.slice(2));
const log = createLogger(logOptions);
try {
  const { values, positionals } = parseArgs({
    args: rest,
    options: { name: { type: "string", short: "n" } },
    allowPositionals: true,
  });
  const url = positionals[0];
  if (url === undefined || positionals.length > 1) throw new TypeError(USAGE);
  const { configPath } = readBuildEnvironment(process.env, root);
  const outcome = await addFeed({ url, name: values.name ?? null, configPath }, log);
  if (outcome.ok) {
    const { name, url: feedUrl } = outcome.feed;
    log.info(`Added "${name}" (${feedUrl}) to ${configPath}: ${outcome.feeds} feeds.`, {
      name,
      url: feedUrl,
    });
  } else {
    log.error(`${outcome.message}\nNothing was changed.`);
    process.exitCode = 1;
  }
} catch (error) {
  process.exitCode = reportError(error);
}

function reportError(error: unknown): number {
  if (error instanceof ConfigError) {
    log.error(`${error.file}: the configuration is invalid; fix it first. Nothing was changed.`);
    for (const problem of error.problems) log.error(`  ${problem}`);
    return 1;
  }
  // parseArgs reports unknown or incomplete options with a TypeError; so does a missing URL.
  if (error instanceof TypeError) {
    log.error(error.message === USAGE ? USAGE : `${error.message}\n${USAGE}`);
    return 1;
  }
  log.error(String(error instanceof Error ? (error.stack ?? error.message) : error));
  return 2;
}
