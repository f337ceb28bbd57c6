import type { BuildLog } from "../pipeline/build-site.ts";

/** Where the log goes: a stream such as process.stderr. */
export interface LogStream {
  /** True on a terminal. */
  isTTY?: boolean;
  write(text: string): unknown;
}

/** A build log written to a stream, and how to finish it. */
export interface ConsoleLog {
  log: BuildLog;
  /** Clears a progress line still showing. */
  end(): void;
}

const CLEAR_LINE = "\r\x1b[2K";

/**
 * On a terminal, progress lines are redrawn in place (a live counter) and every other line is
 * printed above them; elsewhere (CI, a pipe, a cron mail) progress lines are left out, so the
 * log has one line per stage and per problem.
 */
export function createConsoleLog(stream: LogStream): ConsoleLog {
  let showingProgress = false;
  const clearProgress = (): void => {
    if (showingProgress) stream.write(CLEAR_LINE);
    showingProgress = false;
  };
  return {
    log(line, kind) {
      if (kind === "progress") {
        if (!stream.isTTY) return;
        stream.write(`${CLEAR_LINE}${line}`);
        showingProgress = true;
        return;
      }
      clearProgress();
      stream.write(`${line}\n`);
    },
    end: clearProgress,
  };
}
