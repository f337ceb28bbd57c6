/** How serious a log line is; a logger drops lines below its level. */
export type LogLevel = "debug" | "info" | "warn" | "error";

/** `human`: plain lines for a terminal or a cron mail; `json`: one JSON object per line. */
export type LogFormat = "human" | "json";

/** Extra data for a line: shown as fields in JSON, left out of the human line. */
export type LogFields = Record<string, string | number | boolean | null>;

/** How a logger writes. */
export interface LogOptions {
  /** Output format. */
  format: LogFormat;
  /** The least serious level that is written. */
  level: LogLevel;
}

/** Where lines go: the process's stdout and stderr unless a test says otherwise. */
export interface LogSink {
  /** Receives one line (without its newline) meant for stdout. */
  out(line: string): void;
  /** Receives one line (without its newline) meant for stderr. */
  err(line: string): void;
}

/** Writes lines at four levels. */
export interface Logger {
  /** Details only `--verbose` shows. */
  debug(message: string, fields?: LogFields): void;
  /** Progress and results: the normal output. */
  info(message: string, fields?: LogFields): void;
  /** Something the owner should look at, though the run goes on (a failing feed). */
  warn(message: string, fields?: LogFields): void;
  /** Why the run failed. */
  error(message: string, fields?: LogFields): void;
}

const RANK: Record<LogLevel, number> = { debug: 0, info: 1, warn: 2, error: 3 };

const processSink: LogSink = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

/**
 * A logger. Human lines go to stdout for info and to stderr otherwise, as a cron job expects;
 * JSON lines all go to stdout so one stream holds the whole record of a run.
 */
export function createLogger(
  options: LogOptions,
  sink: LogSink = processSink,
  clock: () => Date = () => new Date(),
): Logger {
  const write = (level: LogLevel, message: string, fields: LogFields = {}): void => {
    if (RANK[level] < RANK[options.level]) return;
    if (options.format === "json") {
      // The fixed keys come last so a field can never overwrite them.
      sink.out(JSON.stringify({ ...fields, time: clock().toISOString(), level, message }));
    } else if (level === "info") {
      sink.out(message);
    } else {
      sink.err(message);
    }
  };
  return {
    debug: (message, fields) => write("debug", message, fields),
    info: (message, fields) => write("info", message, fields),
    warn: (message, fields) => write("warn", message, fields),
    error: (message, fields) => write("error", message, fields),
  };
}
