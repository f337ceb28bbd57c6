import { parseArgs } from "node:util";
import { createLogger } from "../log/logger.ts";
import { parseLogFlags } from "../log/parse-log-flags.ts";
import { errorMessage } from "../model/caught-error.ts";
import { addFeed } from "../owner/add-feed.ts";
import { readBuildEnvironment } from "../pipeline/build-environment.ts";
import { PROJECT_ROOT } from "../project-root.ts";
import { reportFailure, UsageError } from "./report-failure.ts";

// npm run add-feed -- <blog or feed URL> [--name "…"]: edits the config named by PLANET_CONFIG.
const USAGE = 'usage: npm run add-feed -- <blog or feed URL> [--name "Member name"]';
const { rest, ...logOptions } = parseLogFlags(process.argv.slice(2));
const log = createLogger(logOptions);
try {
  const { url, name } = readArguments(rest);
  const { configPath } = readBuildEnvironment(process.env, PROJECT_ROOT);
  const outcome = await addFeed({ url, name, configPath }, log);
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
  process.exitCode = reportFailure(error, log, "nothing was changed");
}

/** The URL and the optional --name; a UsageError for anything else. */
function readArguments(args: string[]): { url: string; name: string | null } {
  const { values, positionals } = parseFlags(args);
  const [url, ...extra] = positionals;
  if (url === undefined) throw new UsageError("the blog or feed URL is missing", USAGE);
  if (extra.length > 0) throw new UsageError(`unexpected argument(s) ${extra.join(" ")}`, USAGE);
  return { url, name: values.name ?? null };
}

/** The command line as parseArgs reads it; a UsageError for an unknown or incomplete option. */
function parseFlags(args: string[]) {
  try {
    return parseArgs({
      args,
      options: { name: { type: "string", short: "n" } },
      allowPositionals: true,
    });
  } catch (error) {
    throw new UsageError(errorMessage(error), USAGE);
  }
}
