import { describe, expect, it } from "vitest";
import { routeBuildLog } from "../../src/log/build-log.ts";
import { createLogger, type LogOptions } from "../../src/log/logger.ts";
import { parseLogFlags } from "../../src/log/parse-log-flags.ts";

const NOW = new Date("2017-03-30T12:00:00.000Z");

/** Logs one line at every level and returns what reached each stream. */
function logEveryLevel(options: LogOptions): { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  const log = createLogger(
    options,
    { out: (line) => out.push(line), err: (line) => err.push(line) },
    () => NOW,
  );
  log.debug("fetching 12 feeds");
  log.info("Built dist/: 40 posts", { posts: 40 });
  log.warn("Alice: HTTP 404 Not Found", { url: "https://alice.example.org/feed" });
  log.error("feeds.json: the configuration is invalid");
  return { out, err };
}

describe("createLogger", () => {
  it("writes human lines: results on stdout, problems on stderr, debug only when verbose", () => {
    expect(logEveryLevel({ format: "human", level: "info" })).toEqual({
      out: ["Built dist/: 40 posts"],
      err: ["Alice: HTTP 404 Not Found", "feeds.json: the configuration is invalid"],
    });
    expect(logEveryLevel({ format: "human", level: "debug" }).err[0]).toBe("fetching 12 feeds");
  });

  it("keeps only warnings and errors when quiet", () => {
    expect(logEveryLevel({ format: "human", level: "warn" })).toEqual({
      out: [],
      err: ["Alice: HTTP 404 Not Found", "feeds.json: the configuration is invalid"],
    });
  });

  it("writes one JSON object per line on stdout, with time, level, message and fields", () => {
    const { out, err } = logEveryLevel({ format: "json", level: "info" });
    expect(err).toEqual([]);
    expect(out.map((line) => JSON.parse(line))).toEqual([
      { time: NOW.toISOString(), level: "info", message: "Built dist/: 40 posts", posts: 40 },
      {
        time: NOW.toISOString(),
        level: "warn",
        message: "Alice: HTTP 404 Not Found",
        url: "https://alice.example.org/feed",
      },
      {
        time: NOW.toISOString(),
        level: "error",
        message: "feeds.json: the configuration is invalid",
      },
    ]);
  });

  it("never lets a field overwrite the level or the message", () => {
    const out: string[] = [];
    const log = createLogger(
      { format: "json", level: "info" },
      { out: (l) => out.push(l), err: () => {} },
    );
    log.warn("real", { level: "info", message: "fake" });
    expect(JSON.parse(out[0] ?? "")).toMatchObject({ level: "warn", message: "real" });
  });
});

describe("parseLogFlags", () => {
  it("reads --json, --quiet and --verbose and hands back the other arguments in order", () => {
    expect(parseLogFlags(["https://a.example/", "--json", "--name", "A", "--quiet"])).toEqual({
      format: "json",
      level: "warn",
      rest: ["https://a.example/", "--name", "A"],
    });
    expect(parseLogFlags([])).toEqual({ format: "human", level: "info", rest: [] });
  });

  it("lets the later of --quiet and --verbose win", () => {
    expect(parseLogFlags(["--quiet", "--verbose"]).level).toBe("debug");
    expect(parseLogFlags(["-v", "-q"]).level).toBe("warn");
  });
});

describe("routeBuildLog", () => {
  /** Feeds a build's typical lines through the router; returns what reached the logger and terminal. */
  function route(options: LogOptions): { logged: string[]; terminal: string[] } {
    const logged: string[] = [];
    const terminal: string[] = [];
    const logger = createLogger(
      options,
      { out: (line) => logged.push(line), err: (line) => logged.push(line) },
      () => NOW,
    );
    const routed = routeBuildLog(options, logger, {
      log: (line, kind) => terminal.push(kind ? `[${kind}] ${line}` : line),
      end: () => terminal.push("[end]"),
    });
    routed.log("Fetching 2 feeds…");
    routed.log("  1/2 feeds done, 1 failed", "progress");
    routed.log("Alice: HTTP 404 Not Found (https://alice.example.org/feed)", "problem");
    routed.end();
    return { logged, terminal };
  }

  it("keeps the human terminal output, and only the problems under --quiet", () => {
    expect(route({ format: "human", level: "info" }).terminal).toEqual([
      "Fetching 2 feeds…",
      "[progress]   1/2 feeds done, 1 failed",
      "Alice: HTTP 404 Not Found (https://alice.example.org/feed)",
      "[end]",
    ]);
    expect(route({ format: "human", level: "warn" }).terminal).toEqual([
      "Alice: HTTP 404 Not Found (https://alice.example.org/feed)",
      "[end]",
    ]);
  });

  it("logs problems as JSON warnings and stage lines as info, the counter only when verbose", () => {
    const levels = (options: LogOptions) =>
      route(options).logged.map((line) => {
        const { level, message } = JSON.parse(line);
        return `${level}: ${message}`;
      });
    expect(levels({ format: "json", level: "info" })).toEqual([
      "info: Fetching 2 feeds…",
      "warn: Alice: HTTP 404 Not Found (https://alice.example.org/feed)",
    ]);
    expect(levels({ format: "json", level: "debug" })).toContain("debug: 1/2 feeds done, 1 failed");
    expect(route({ format: "json", level: "info" }).terminal).toEqual([]);
  });
});
