import { routeBuildLog } from "../log/build-log.ts";
import { createLogger } from "../log/logger.ts";
import { parseLogFlags } from "../log/parse-log-flags.ts";
import { readBuildEnvironment } from "../pipeline/build-environment.ts";
import { buildSite } from "../pipeline/build-site.ts";
import { PROJECT_ROOT } from "../project-root.ts";
import { createConsoleLog } from "./console-log.ts";
import { summarize } from "./report.ts";
import { reportFailure, UsageError } from "./report-failure.ts";

// The build command, loaded by src/cli/build.ts once the compile cache is on.
const USAGE = "usage: npm run build [-- --json | --quiet | --verbose]";
const started = Date.now();
const { rest, ...logOptions } = parseLogFlags(process.argv.slice(2));
const logger = createLogger(logOptions);
const progress = routeBuildLog(logOptions, logger, createConsoleLog(process.stderr));
try {
  if (rest.length > 0) {
    throw new UsageError(`unknown argument(s) ${rest.join(" ")}`, USAGE);
  }
  const env = readBuildEnvironment(process.env, PROJECT_ROOT);
  const summary = await buildSite(env, progress.log);
  progress.end();
  const failing = summary.sources.filter(({ state }) => state.error !== null).length;
  logger.info(summarize(summary, Date.now() - started), {
    posts: summary.posts,
    sources: summary.sources.length,
    failing,
  });
} catch (error) {
  progress.end();
  process.exitCode = reportFailure(error, logger);
}
