import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { ConfigError } from "../config/load-config.ts";
import { createLogger } from "../log/logger.ts";
import { parseLogFlags } from "../log/parse-log-flags.ts";
import { importFeeds } from "../owner/import-feeds.ts";
import { readBuildEnvironment } from "../pipeline/build-environment.ts";

// npm run import-opml -- <file.opml | config.ini | http(s) URL>: edits the config named by PLANET_CONFIG.
const USAGE = "usage: npm run import-opml -- <file.opml, Planet Venus config.ini, or URL>";
const root = fileURLToPath(new URL("../../", import.meta.url));
const { rest, ...logOptions } = parseLogFlags(process.argv.slice(2));
const log = createLogger(logOptions);
try {
  const [source, ...extra] = rest;
  if (source === undefined || extra.length > 0 || source.startsWith("-")) {
    log.error(USAGE);
    process.exitCode = 1;
  } else {
    process.exitCode = await run(source);
  }
} catch (error) {
  if (error instanceof ConfigError) {
    log.error(`${error.file}: the configuration is invalid; fix it first. Nothing was changed.`);
    for (const problem of error.problems) log.error(`  ${problem}`);
    process.exitCode = 1;
  } else {
    log.error(String(error instanceof Error ? (error.stack ?? error.message) : error));
    process.exitCode = 2;
  }
}

async function run(source: string): Promise<number> {
  const { configPath } = readBuildEnvironment(process.env, root);
  // npm runs scripts in the project root; INIT_CWD is where the owner typed the command.
  const isUrl = /^https?:\/\//i.test(source);
  const input = isUrl ? source : resolve(process.env.INIT_CWD ?? process.cwd(), source);
  const outcome = await importFeeds(input, configPath);
  if (!outcome.ok) {
    log.error(`${outcome.message}\nNothing was changed.`);
    return 1;
  }
  for (const feed of outcome.added) log.info(`+ ${feed.name} (${feed.url})`, { ...feed });
  for (const { feed, reason } of outcome.skipped) {
    log.info(`  skipped ${feed.name} (${feed.url}): ${reason}`, { ...feed, reason });
  }
  const kind = outcome.format === "opml" ? "OPML" : "Planet Venus config";
  const summary = `${outcome.added.length} added, ${outcome.skipped.length} skipped`;
  log.info(`Imported ${source} (${kind}) into ${configPath}: ${summary}.`, {
    added: outcome.added.length,
    skipped: outcome.skipped.length,
  });
  return 0;
}
