import type { LogOptions } from "./logger.ts";

/** The log options a command line asks for, and the arguments that were not log flags. */
export interface LogFlags extends LogOptions {
  /** The other arguments, in their order. */
  rest: string[];
}

/**
 * Reads `--json`, `--quiet` (warnings and errors only) and `--verbose` (debug lines too) out of
 * `argv`; when both `--quiet` and `--verbose` are given, the later one wins, as in most tools.
 */
export function parseLogFlags(argv: readonly string[]): LogFlags {
  const flags: LogFlags = { format: "human", level: "info", rest: [] };
  for (const arg of argv) {
    if (arg === "--json") flags.format = "json";
    else if (arg === "--quiet" || arg === "-q") flags.level = "warn";
    else if (arg === "--verbose" || arg === "-v") flags.level = "debug";
    else flags.rest.push(arg);
  }
  return flags;
}
