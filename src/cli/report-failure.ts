import { ConfigError } from "../config/load-config.ts";
import { createLogger, type Logger } from "../log/logger.ts";
import { EnvironmentError } from "../pipeline/build-environment.ts";
import { CacheLockedError } from "../store/cache-lock.ts";

/** The command line asks for something the command does not take: a bad flag, a missing argument. */
export class UsageError extends Error {
  override name = "UsageError";
  /** The command's usage line, printed under the problem. */
  readonly usage: string;

  constructor(problem: string, usage: string) {
    super(problem);
    this.usage = usage;
  }
}

/** What a failed command leaves undone, for the end of its message: "nothing was built". */
export type Consequence = "nothing was built" | "nothing was changed";

/**
 * Prints what a command threw as a message the owner can act on, and returns the exit code:
 * 1 for a problem the owner can fix (the config, with every problem's field path; a held cache
 * lock; the environment; the command line), without a stack trace; 2 for anything else.
 */
export function reportFailure(
  error: unknown,
  log: Logger = createLogger({ format: "human", level: "info" }),
  consequence: Consequence = "nothing was built",
): number {
  if (error instanceof ConfigError) {
    const problems = error.problems.map((problem) => `  ${problem}`);
    log.error(
      [`${error.file}: the configuration is invalid; ${consequence}.`, ...problems].join("\n"),
      { file: error.file },
    );
    return 1;
  }
  // Nothing has been read or touched yet when the command line is wrong; the usage says what to type.
  if (error instanceof UsageError) {
    log.error(`${error.message}\n${error.usage}`);
    return 1;
  }
  if (error instanceof CacheLockedError || error instanceof EnvironmentError) {
    log.error(`${error.message}; ${consequence}.`);
    return 1;
  }
  // Not a problem the owner caused: the whole error, stack included, for a bug report.
  log.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  return 2;
}
