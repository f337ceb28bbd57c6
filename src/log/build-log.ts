import type { Logger, LogOptions } from "./logger.ts";

/** What a build log line is: a stage or result (no kind), a live counter, or a problem. */
export type BuildLineKind = "progress" | "problem";

/** A terminal log that redraws a live counter in place (src/cli/console-log.ts makes one). */
export interface TerminalLog {
  /** Prints a line; `progress` lines replace one another. */
  log(line: string, kind?: "progress"): void;
  /** Clears a counter still showing. */
  end(): void;
}

/** The build's log callback, routed by the log flags, and how to finish it. */
export interface RoutedBuildLog {
  /** Pass to buildSite. */
  log(line: string, kind?: BuildLineKind): void;
  /** Call once the build is over (or failed), before printing anything else. */
  end(): void;
}

/**
 * Routes the build's lines. Human output goes through the terminal log as before, without the
 * stage lines and counter under --quiet; JSON output gets problems as warnings, stage lines as
 * info, and the counter only under --verbose, as debug.
 */
export function routeBuildLog(
  options: LogOptions,
  logger: Logger,
  terminal: TerminalLog,
): RoutedBuildLog {
  if (options.format === "json") {
    return {
      log(line, kind) {
        if (kind === "problem") logger.warn(line.trim());
        else if (kind === "progress") logger.debug(line.trim());
        else logger.info(line.trim());
      },
      end() {},
    };
  }
  const quiet = options.level === "warn" || options.level === "error";
  return {
    log(line, kind) {
      if (kind === "problem") terminal.log(line);
      else if (!quiet) terminal.log(line, kind);
    },
    end: () => terminal.end(),
  };
}
