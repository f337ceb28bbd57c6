import { resolve } from "node:path";
import { createLogger } from "../log/logger.ts";
import { parseLogFlags } from "../log/parse-log-flags.ts";
import { importFeeds } from "../owner/import-feeds.ts";
import { readBuildEnvironment } from "../pipeline/build-environment.ts";
import { PROJECT_ROOT } from "../project-root.ts";
import { reportFailure, UsageError } from "./report-failure.ts";

// npm run import-opml -- <file.opml | config.ini | http(s) URL>: edits the config named by PLANET_CONFIG.
const USAGE = "usage: npm run import-opml -- <file.opml, Planet Venus config.ini, or URL>";
const { rest, ...logOptions } = parseLogFlags(process.argv.slice(2));
const log = createLogger(logOptions);
try {
  const [source, ...extra] = rest;
  if (source === undefined) throw new UsageError("the file or URL to import is missing", USAGE);
  if (source.startsWith("-")) throw new UsageError(`unknown option ${source}`, USAGE);
  if (extra.length > 0) throw new UsageError(`unexpected argument(s) ${extra.join(" ")}`, USAGE);
  process.exitCode = await run(source);
} catch (error) {
  process.exitCode = reportFailure(error, log, "nothing was changed");
}

async function run(source: string): Promise<number> {
  const { configPath } = readBuildEnvironment(process.env, PROJECT_ROOT);
  // npm runs scripts in the project PROJECT_ROOT; INIT_CWD is where the owner typed the command.
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
